/* Commands are library functions: int cmd(ctx, argc, argv), writing to the
 * context's out/err and returning an exit status.  They never exit(). */
#ifndef SKBOX_CMD_H
#define SKBOX_CMD_H

#include <stdbool.h>
#include <stdio.h>
#include <stddef.h>
#include <poll.h>
#include <sys/types.h>

struct world;
struct net;
struct cmd_stdin;

struct cmd_ctx {
	struct world *world;
	struct net *net;		/* the namespace the command runs in */
	FILE *out;
	FILE *err;
	const char *in;			/* standard input, if any: all of it */
	size_t in_len;
	/* Live mode: stdin that arrives while the command runs (NULL: in and
	 * in_len hold all of it).  Read it with cmd_read()/cmd_poll(). */
	struct cmd_stdin *in_stream;
	size_t in_off;			/* cmd_read()'s position in in/in_len */
};

typedef int (*cmd_fn)(struct cmd_ctx *ctx, int argc, char **argv);

struct command {
	const char *name;
	cmd_fn fn;
};

/* tools/commands.c: the one table of commands, and dispatch.  Unknown
 * names print bash's message and return 127.  Must run inside a task when
 * the command may block (ping, sleep). */
const struct command *cmd_find(const char *name);
int cmd_run(struct cmd_ctx *ctx, int argc, char **argv);

/* tools/skbox/cmd_stdin.c: stdin for the commands that read it as it comes
 * (nc, ip -batch -), from in/in_len or from a live stream alike.
 * cmd_read() parks the task until bytes arrive: > 0 bytes, 0 at EOF,
 * -EINTR on a signal.  cmd_getline() reads one line with its '\n' into
 * *line (grown as needed): its length, 0 at EOF, < 0 on a signal.
 * cmd_poll() is skbox_poll() where fd 0 (STDIN_FILENO) is stdin: POLLIN
 * once a read would not block (bytes or EOF); fds < 0 are ignored. */
ssize_t cmd_read(struct cmd_ctx *ctx, void *buf, size_t len);
ssize_t cmd_getline(struct cmd_ctx *ctx, char **line, size_t *cap);
bool cmd_read_ready(struct cmd_ctx *ctx);
int cmd_poll(struct cmd_ctx *ctx, struct pollfd *fds, nfds_t n, int timeout_ms);

/* The live server's side of a stream: bytes pushed as frames arrive, EOF
 * once the client's stdin ends; a reader parked in cmd_read() is woken. */
struct cmd_stdin *cmd_stdin_new(void);
int cmd_stdin_push(struct cmd_stdin *s, const void *buf, size_t len);
void cmd_stdin_eof(struct cmd_stdin *s);
size_t cmd_stdin_buffered(const struct cmd_stdin *s);
void cmd_stdin_free(struct cmd_stdin *s);
/* The commands that read stdin through cmd_read(), so may start before
 * their stdin has ended (the rest get it whole in in/in_len). */
bool cmd_streams_stdin(int argc, char **argv);

struct sockaddr_storage;
/* ADDR (IPv6 when it has a ':', else IPv4) and PORT as a socket address for
 * the socket calls; its length (no check: the test commands' own words) */
unsigned int cmd_sockaddr(struct sockaddr_storage *ss, const char *addr, int port);

int do_ip(struct cmd_ctx *ctx, int argc, char **argv);
int do_bridge(struct cmd_ctx *ctx, int argc, char **argv);
int do_brctl(struct cmd_ctx *ctx, int argc, char **argv);
int do_sysctl(struct cmd_ctx *ctx, int argc, char **argv);
int do_ping(struct cmd_ctx *ctx, int argc, char **argv);
int do_echo(struct cmd_ctx *ctx, int argc, char **argv);
int do_curl(struct cmd_ctx *ctx, int argc, char **argv);
int do_httpd(struct cmd_ctx *ctx, int argc, char **argv);
int do_radvd(struct cmd_ctx *ctx, int argc, char **argv);
int do_tc(struct cmd_ctx *ctx, int argc, char **argv);
int do_seq(struct cmd_ctx *ctx, int argc, char **argv);
int do_sleep(struct cmd_ctx *ctx, int argc, char **argv);
int do_trace(struct cmd_ctx *ctx, int argc, char **argv);
int do_tcpdump(struct cmd_ctx *ctx, int argc, char **argv);
int do_true(struct cmd_ctx *ctx, int argc, char **argv);
int do_false(struct cmd_ctx *ctx, int argc, char **argv);
int do_nstat(struct cmd_ctx *ctx, int argc, char **argv);
int do_iptables(struct cmd_ctx *ctx, int argc, char **argv);
int do_dmesg(struct cmd_ctx *ctx, int argc, char **argv);
int do_ethtool(struct cmd_ctx *ctx, int argc, char **argv);
int do_iptables_save(struct cmd_ctx *ctx, int argc, char **argv);
int do_iptables_restore(struct cmd_ctx *ctx, int argc, char **argv);
int do_ip6tables(struct cmd_ctx *ctx, int argc, char **argv);
int do_ip6tables_save(struct cmd_ctx *ctx, int argc, char **argv);
int do_ip6tables_restore(struct cmd_ctx *ctx, int argc, char **argv);
int do_nc(struct cmd_ctx *ctx, int argc, char **argv);
int do_nettest(struct cmd_ctx *ctx, int argc, char **argv);
int do_reuseport(struct cmd_ctx *ctx, int argc, char **argv);
int do_v4mapped(struct cmd_ctx *ctx, int argc, char **argv);
int do_tclass(struct cmd_ctx *ctx, int argc, char **argv);
int do_pingsock(struct cmd_ctx *ctx, int argc, char **argv);
int do_timeout(struct cmd_ctx *ctx, int argc, char **argv);
int do_hping3(struct cmd_ctx *ctx, int argc, char **argv);
int do_ipset(struct cmd_ctx *ctx, int argc, char **argv);
int do_conntrack(struct cmd_ctx *ctx, int argc, char **argv);
int do_ss(struct cmd_ctx *ctx, int argc, char **argv);
int do_nfqueue(struct cmd_ctx *ctx, int argc, char **argv);
int do_ipvsadm(struct cmd_ctx *ctx, int argc, char **argv);
int do_iperf3(struct cmd_ctx *ctx, int argc, char **argv);
/* tools/skbox/live_sock.c: a world socket served to a host program */
int do_sockproxy(struct cmd_ctx *ctx, int argc, char **argv);

#endif
