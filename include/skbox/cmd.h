/* Commands are library functions: int cmd(ctx, argc, argv), writing to the
 * context's out/err and returning an exit status.  They never exit(). */
#ifndef SKBOX_CMD_H
#define SKBOX_CMD_H

#include <stdio.h>
#include <stddef.h>

struct world;
struct net;

struct cmd_ctx {
	struct world *world;
	struct net *net;		/* the namespace the command runs in */
	FILE *out;
	FILE *err;
	const char *in;			/* standard input, if any */
	size_t in_len;
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

int do_ip(struct cmd_ctx *ctx, int argc, char **argv);
int do_bridge(struct cmd_ctx *ctx, int argc, char **argv);
int do_brctl(struct cmd_ctx *ctx, int argc, char **argv);
int do_sysctl(struct cmd_ctx *ctx, int argc, char **argv);
int do_ping(struct cmd_ctx *ctx, int argc, char **argv);
int do_echo(struct cmd_ctx *ctx, int argc, char **argv);
int do_curl(struct cmd_ctx *ctx, int argc, char **argv);
int do_httpd(struct cmd_ctx *ctx, int argc, char **argv);
int do_tc(struct cmd_ctx *ctx, int argc, char **argv);
int do_sleep(struct cmd_ctx *ctx, int argc, char **argv);
int do_trace(struct cmd_ctx *ctx, int argc, char **argv);
int do_tcpdump(struct cmd_ctx *ctx, int argc, char **argv);
int do_true(struct cmd_ctx *ctx, int argc, char **argv);
int do_false(struct cmd_ctx *ctx, int argc, char **argv);
int do_nstat(struct cmd_ctx *ctx, int argc, char **argv);
int do_iptables(struct cmd_ctx *ctx, int argc, char **argv);
int do_dmesg(struct cmd_ctx *ctx, int argc, char **argv);
int do_iptables_save(struct cmd_ctx *ctx, int argc, char **argv);
int do_iptables_restore(struct cmd_ctx *ctx, int argc, char **argv);
int do_nc(struct cmd_ctx *ctx, int argc, char **argv);
int do_timeout(struct cmd_ctx *ctx, int argc, char **argv);
int do_hping3(struct cmd_ctx *ctx, int argc, char **argv);
int do_ipset(struct cmd_ctx *ctx, int argc, char **argv);
int do_conntrack(struct cmd_ctx *ctx, int argc, char **argv);
int do_ss(struct cmd_ctx *ctx, int argc, char **argv);
int do_nfqueue(struct cmd_ctx *ctx, int argc, char **argv);
int do_ipvsadm(struct cmd_ctx *ctx, int argc, char **argv);
int do_iperf3(struct cmd_ctx *ctx, int argc, char **argv);

#endif
