/* Live mode: a world as a server on a Unix socket, and the clients (the
 * multi-call shim, `skbox exec`, `skbox down`) that talk to it.
 *
 * The wire protocol (docs/LIVE.md): frames of an 8-byte header — type (u32)
 * and payload length (u32), host byte order (both ends run on one machine) —
 * then the payload.  One connection carries one request.
 *
 *   client -> world   'X' exec   u32 flags, then NUL-terminated strings:
 *                                namespace ("" = the first), cwd, argv[0..]
 *                     'I' stdin  bytes        'E' end of stdin
 *                     'K' signal u32 signo (SIGINT, SIGTERM, SIGHUP)
 *                     'N' netns  a name: status 0 if the namespace exists
 *                     'D' down   stop the world (leak report as stderr)
 *   world -> client   'O' stdout bytes        'R' stderr bytes
 *                     'S' status u32, the last frame
 */
#ifndef SKBOX_TOOLS_LIVE_H
#define SKBOX_TOOLS_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LIVE_FRAME_MAX (1u << 20)	/* a larger frame is a protocol fault */
#define LIVE_ARGC_MAX 4096

enum live_frame {
	LIVE_EXEC = 'X',
	LIVE_STDIN = 'I',
	LIVE_STDIN_EOF = 'E',
	LIVE_SIGNAL = 'K',
	LIVE_NETNS = 'N',
	LIVE_DOWN = 'D',
	LIVE_STDOUT = 'O',
	LIVE_STDERR = 'R',
	LIVE_STATUS = 'S',
};

#define LIVE_F_STDIN 1u			/* stdin frames follow the exec frame */

struct live_hdr {
	uint32_t type;
	uint32_t len;
};

struct live_up_opts {
	const char *dir;		/* NULL: $SKBOX_DIR, else a new /tmp/skbox-XXXXXX */
	bool foreground;
	bool virtual_time;		/* default: the world follows real time */
	int ready_fd;			/* -1, or written once the socket listens */
};

/* live.c: the directory of a world and the environment of its clients. */
const char *live_dir_from(const char *opt);	/* --dir, else $SKBOX_DIR, else NULL */
int live_sock_path(const char *dir, char *buf, size_t len);
int live_make_dir(const char *dir);
int live_make_shims(const char *dir, const char *exe, bool virtual_time);
void live_print_env(const char *dir);
bool live_is_shim_name(const char *name);
/* LD_PRELOAD gets libskbox-preload.so: host programs use world sockets */
void live_set_preload(void);

/* server.c: runs the world until `skbox down` or SIGTERM; 0, or 1 on leaks. */
int live_serve(const struct live_up_opts *o, const char *dir);

/* client.c */
int live_connect(const char *dir, bool quiet);
int live_send(int fd, uint32_t type, const void *buf, size_t len);
/* Runs argv in the world: streams stdin (when with_stdin), stdout and
 * stderr; returns the command's exit status. */
int live_exec(const char *dir, const char *netns, int argc, char **argv, bool with_stdin);
int live_netns_exists(const char *dir, const char *name);
int live_down(const char *dir);
/* argv[0] names a shim (ip, ping, …): the multi-call entry point. */
int live_shim_main(int argc, char **argv);

/* main.c entry points for the live subcommands. */
int live_cmd_up(int argc, char **argv);
int live_cmd_down(int argc, char **argv);
int live_cmd_env(int argc, char **argv);
int live_cmd_exec(int argc, char **argv);
int live_cmd_shell(int argc, char **argv);
int live_cmd_run_bash(const char *file, int argc, char **argv);

#endif
