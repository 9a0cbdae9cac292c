/* The world as a server: one process, one world, a Unix socket in a private
 * directory.  Each connection asks for one command; the command runs as a
 * task of the world (as a script line does), its stdout and stderr go back
 * as frames while it runs, its exit status ends the connection.
 *
 * The loop: run the world until nothing is runnable, send what tasks wrote,
 * then poll() the sockets until the next timer is due.  In real time (the
 * default) the clock is CLOCK_MONOTONIC since the world began; in virtual
 * time it jumps to the next timer when every command waits, and stands still
 * while no command runs.
 *
 * A client that goes away mid-command has its task killed (SIGINT, then
 * SIGKILL) and freed; a client that sends garbage is logged and dropped.
 * Neither stops the world. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/un.h>
#include "linux/sched.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "skbox/cmd.h"
#include "live.h"
#include "live_sock.h"

/* <sys/stat.h> with _GNU_SOURCE pulls <linux/stat.h>, whose <linux/types.h>
 * is ours under -Iinclude: declare the two calls used here. */
int chmod(const char *path, mode_t mode);
mode_t umask(mode_t mask);

struct conn {
	struct conn *next;
	struct live_server *srv;
	int fd;				/* -1 once the client is gone */
	int id;
	char *rbuf;			/* bytes received, not yet a whole frame */
	size_t rlen, rcap;
	char *wbuf;			/* frames to send */
	size_t wlen, woff, wcap;
	/* the command */
	bool started, stdin_open, finished;
	uint32_t flags;
	char **argv;			/* the command's own: it may reorder it */
	char *args;			/* the strings argv points into */
	int argc;
	char *netns;
	char *in;			/* stdin of a command that takes it whole */
	size_t in_len, in_cap;
	struct cmd_stdin *stream;	/* stdin of a command that reads it as it comes */
	struct cmd_ctx ctx;
	struct task *task;
	int pending_sig;
};

struct live_server {
	struct world *w;
	int lfd;
	bool virtual_time;
	bool stop;
	struct conn *conns;
	int next_id;
	struct conn *down;		/* the client that asked for `down` */
};

static volatile sig_atomic_t live_term;

static void on_term(int sig)
{
	(void)sig;
	live_term = 1;
}

static void live_log(const char *fmt, ...)
{
	va_list ap;
	time_t t = time(NULL);
	char ts[32];

	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", gmtime(&t));
	fprintf(stderr, "%s skbox-live: ", ts);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	fflush(stderr);
}

static u64 mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000ull + (u64)ts.tv_nsec;
}

static int grow(char **buf, size_t *cap, size_t need)
{
	char *n;
	size_t c = *cap ? *cap : 4096;

	if (need <= *cap)
		return 0;
	while (c < need)
		c *= 2;
	n = realloc(*buf, c);
	if (!n)
		return -1;
	*buf = n;
	*cap = c;
	return 0;
}

static void conn_queue(struct conn *c, uint32_t type, const void *data, size_t len)
{
	struct live_hdr h = { type, (uint32_t)len };

	if (c->fd < 0)
		return;
	if (c->woff == c->wlen)
		c->woff = c->wlen = 0;
	if (grow(&c->wbuf, &c->wcap, c->wlen + sizeof(h) + len))
		return;
	memcpy(c->wbuf + c->wlen, &h, sizeof(h));
	if (len)
		memcpy(c->wbuf + c->wlen + sizeof(h), data, len);
	c->wlen += sizeof(h) + len;
}

static void conn_status(struct conn *c, int status)
{
	uint32_t s = (uint32_t)status;

	conn_queue(c, LIVE_STATUS, &s, sizeof(s));
	c->finished = true;
}

/* The command's stdout/stderr: each write becomes a frame. */
static ssize_t out_write(void *cookie, const char *buf, size_t len, uint32_t type)
{
	struct conn *c = cookie;

	for (size_t off = 0; off < len; off += LIVE_FRAME_MAX / 2) {
		size_t n = len - off < LIVE_FRAME_MAX / 2 ? len - off : LIVE_FRAME_MAX / 2;

		conn_queue(c, type, buf + off, n);
	}
	return (ssize_t)len;
}

static ssize_t stdout_write(void *cookie, const char *buf, size_t len)
{
	return out_write(cookie, buf, len, LIVE_STDOUT);
}

static ssize_t stderr_write(void *cookie, const char *buf, size_t len)
{
	return out_write(cookie, buf, len, LIVE_STDERR);
}

static int conn_task_main(void *arg)
{
	struct conn *c = arg;
	int status = cmd_run(&c->ctx, c->argc, c->argv);

	fflush(c->ctx.out);
	fflush(c->ctx.err);
	return status;
}

static void conn_start(struct conn *c)
{
	struct world *w = c->srv->w;
	struct net *net = w->init_net;
	static const cookie_io_functions_t outf = { .write = stdout_write };
	static const cookie_io_functions_t errf = { .write = stderr_write };

	c->started = true;
	if (c->netns[0]) {
		net = get_net_ns_by_name(w, c->netns);
		if (!net) {
			char msg[512];
			int n = snprintf(msg, sizeof(msg),
					 "Cannot open network namespace \"%s\": No such file or directory\n",
					 c->netns);

			conn_queue(c, LIVE_STDERR, msg, (size_t)n < sizeof(msg) ? (size_t)n : sizeof(msg) - 1);
			conn_status(c, 255);
			return;
		}
	}
	c->ctx.world = w;
	c->ctx.net = net;
	c->ctx.in = c->in;
	c->ctx.in_len = c->in_len;
	c->ctx.in_stream = c->stream;
	c->ctx.out = fopencookie(c, "w", outf);
	c->ctx.err = fopencookie(c, "w", errf);
	if (c->ctx.out)
		setvbuf(c->ctx.out, NULL, _IOLBF, 0);
	if (c->ctx.err)
		setvbuf(c->ctx.err, NULL, _IONBF, 0);
	if (c->ctx.out && c->ctx.err)
		c->task = task_spawn(w, net, c->argv[0], conn_task_main, c);
	if (!c->task) {
		conn_queue(c, LIVE_STDERR, "skbox: cannot start the command\n", 32);
		conn_status(c, 126);
		return;
	}
	if (c->pending_sig)
		task_signal(c->task, c->pending_sig);
}

static void conn_free(struct conn *c)
{
	if (c->task) {
		task_free(c->task);
		c->task = NULL;
	}
	if (c->ctx.out)
		fclose(c->ctx.out);
	if (c->ctx.err)
		fclose(c->ctx.err);
	if (c->fd >= 0) {
		world_unwatch_fd(c->srv->w, c->fd);
		close(c->fd);
	}
	free(c->args);
	free(c->argv);
	free(c->netns);
	free(c->in);
	cmd_stdin_free(c->stream);
	free(c->rbuf);
	free(c->wbuf);
	free(c);
}

/* The client is gone (or broke the protocol): no more output, and its
 * command is interrupted like a process whose terminal hung up. */
static void conn_drop(struct conn *c)
{
	if (c->fd >= 0) {
		world_unwatch_fd(c->srv->w, c->fd);
		close(c->fd);
		c->fd = -1;
	}
	c->wlen = c->woff = 0;
	if (c->task && c->task->state != TASK_DEAD)
		task_signal(c->task, SIGKILL);
}

static void conn_fault(struct conn *c, const char *fmt, ...)
{
	va_list ap;
	char msg[256];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	live_log("client %d: protocol fault: %s; connection closed", c->id, msg);
	conn_drop(c);
}

/* 'X': u32 flags, netns\0 cwd\0 argv0\0 argv1\0 … */
static void conn_exec(struct conn *c, const char *p, size_t len)
{
	const char *end = p + len, *s;
	int n = 0;

	if (c->argv || len < 4) {
		conn_fault(c, c->argv ? "second exec frame" : "short exec frame");
		return;
	}
	if (p[len - 1] != '\0') {
		conn_fault(c, "exec frame not NUL-terminated");
		return;
	}
	memcpy(&c->flags, p, 4);
	for (s = p + 4; s < end; s += strlen(s) + 1)
		n++;
	if (n < 3 || n - 2 > LIVE_ARGC_MAX) {
		conn_fault(c, "exec frame with %d strings", n);
		return;
	}
	c->argc = n - 2;
	c->argv = calloc((size_t)c->argc + 1, sizeof(char *));
	if (!c->argv) {
		conn_fault(c, "out of memory");
		return;
	}
	s = p + 4;
	c->netns = strdup(s);
	s += strlen(s) + 1;
	/* cwd: a command that opens a file (tcpdump -w, ip -batch) opens it
	 * relative to where the shim ran */
	if (*s == '/' && chdir(s))
		live_log("client %d: cwd %s: %s", c->id, s, strerror(errno));
	s += strlen(s) + 1;
	/* one copy of the strings: a command may permute or overwrite argv's
	 * pointers (as getopt does) without the server freeing one twice */
	c->args = malloc((size_t)(end - s));
	if (!c->args) {
		free(c->argv);
		c->argv = NULL;
		conn_fault(c, "out of memory");
		return;
	}
	memcpy(c->args, s, (size_t)(end - s));
	for (int i = 0, off = 0; i < c->argc; i++, off += (int)strlen(c->args + off) + 1)
		c->argv[i] = c->args + off;
	live_log("client %d: %s%s%s", c->id, c->argv[0],
		 c->netns[0] ? " in netns " : "", c->netns);
	c->stdin_open = c->flags & LIVE_F_STDIN;
	if (c->stdin_open && cmd_streams_stdin(c->argc, c->argv)) {
		c->stream = cmd_stdin_new();
		if (!c->stream) {
			conn_fault(c, "out of memory");
			return;
		}
	}
	if (!c->stdin_open || c->stream)
		conn_start(c);
}

/* 'I': a streaming command gets the bytes now; the others at the end.
 * Bytes for a command that has ended are dropped, as a pipe's reader that
 * exited makes its writer's bytes vanish (`yes | head`). */
static void conn_stdin(struct conn *c, const char *p, size_t len)
{
	if (c->stream) {
		if (c->finished || (c->task && c->task->state == TASK_DEAD))
			return;
		if (cmd_stdin_push(c->stream, p, len))
			conn_fault(c, "out of memory for stdin");
		return;
	}
	if (grow(&c->in, &c->in_cap, c->in_len + len + 1)) {
		conn_fault(c, "out of memory for stdin");
		return;
	}
	memcpy(c->in + c->in_len, p, len);
	c->in_len += len;
}

static void conn_frame(struct conn *c, uint32_t type, const char *p, size_t len)
{
	struct live_server *srv = c->srv;

	switch (type) {
	case LIVE_EXEC:
		conn_exec(c, p, len);
		break;
	case LIVE_STDIN:
		if (!c->stdin_open) {
			conn_fault(c, "stdin frame without open stdin");
			break;
		}
		conn_stdin(c, p, len);
		break;
	case LIVE_STDIN_EOF:
		if (!c->stdin_open) {
			conn_fault(c, "end of stdin without open stdin");
			break;
		}
		c->stdin_open = false;
		if (c->stream)
			cmd_stdin_eof(c->stream);
		else
			conn_start(c);
		break;
	case LIVE_SIGNAL: {
		uint32_t sig;

		if (len != 4) {
			conn_fault(c, "signal frame of %zu bytes", len);
			break;
		}
		memcpy(&sig, p, 4);
		if (sig != SIGINT && sig != SIGTERM && sig != SIGHUP && sig != SIGKILL) {
			conn_fault(c, "signal %u", sig);
			break;
		}
		if (c->task)
			task_signal(c->task, (int)sig);
		else
			c->pending_sig = (int)sig;
		break;
	}
	case LIVE_NETNS: {
		char name[256];

		if (c->argv || c->finished || len == 0 || len >= sizeof(name)) {
			conn_fault(c, "bad netns frame");
			break;
		}
		memcpy(name, p, len);
		name[len] = 0;
		conn_status(c, get_net_ns_by_name(srv->w, name) && name[0] ? 0 : 1);
		break;
	}
	case LIVE_DOWN:
		if (c->argv || c->finished) {
			conn_fault(c, "bad down frame");
			break;
		}
		live_log("client %d: down", c->id);
		srv->down = c;
		srv->stop = true;
		break;
	default:
		conn_fault(c, "unknown frame type 0x%08x (length %zu)", type, len);
		break;
	}
}

static void conn_read(struct conn *c)
{
	ssize_t n;

	if (grow(&c->rbuf, &c->rcap, c->rlen + 65536)) {
		conn_fault(c, "out of memory");
		return;
	}
	n = read(c->fd, c->rbuf + c->rlen, c->rcap - c->rlen);
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n <= 0) {
		if (c->task && c->task->state != TASK_DEAD && !strcmp(c->argv[0], LSOCK_CMD))
			live_log("client %d: socket closed by its program", c->id);
		else if (c->task && c->task->state != TASK_DEAD)
			live_log("client %d: gone while '%s' runs: killed", c->id, c->argv[0]);
		else if (c->stdin_open || (!c->finished && c->argv))
			live_log("client %d: gone before its command ran", c->id);
		conn_drop(c);
		return;
	}
	c->rlen += (size_t)n;
	while (c->fd >= 0 && c->rlen >= sizeof(struct live_hdr)) {
		struct live_hdr h;
		size_t whole;

		memcpy(&h, c->rbuf, sizeof(h));
		if (h.len > LIVE_FRAME_MAX) {
			conn_fault(c, "frame of %u bytes (type 0x%08x)", h.len, h.type);
			return;
		}
		whole = sizeof(h) + h.len;
		if (c->rlen < whole)
			break;
		conn_frame(c, h.type, c->rbuf + sizeof(h), h.len);
		memmove(c->rbuf, c->rbuf + whole, c->rlen - whole);
		c->rlen -= whole;
	}
}

static void conn_write(struct conn *c)
{
	while (c->fd >= 0 && c->woff < c->wlen) {
		ssize_t n = send(c->fd, c->wbuf + c->woff, c->wlen - c->woff, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n <= 0) {
			conn_drop(c);
			return;
		}
		c->woff += (size_t)n;
	}
}

static void conn_io(struct world *w, int fd, short revents, void *arg)
{
	struct conn *c = arg;

	(void)w;
	if (c->fd != fd)
		return;
	if (revents & POLLOUT)
		conn_write(c);
	if (c->fd >= 0 && (revents & (POLLIN | POLLHUP | POLLERR)))
		conn_read(c);
}

static void server_accept(struct world *w, int lfd, short revents, void *arg)
{
	struct live_server *srv = arg;

	(void)w;
	(void)lfd;
	(void)revents;
	for (;;) {
		int fd = accept4(srv->lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
		struct conn *c;

		if (fd < 0)
			return;
		c = calloc(1, sizeof(*c));
		if (!c) {
			close(fd);
			return;
		}
		c->fd = fd;
		c->srv = srv;
		c->id = ++srv->next_id;
		if (world_watch_fd(srv->w, fd, POLLIN, conn_io, c)) {
			close(fd);
			free(c);
			return;
		}
		c->next = srv->conns;
		srv->conns = c;
	}
}

/* Stdin the command has not read yet holds the client back (its sends
 * block, as a writer to a full pipe does) instead of growing without end. */
#define LIVE_STDIN_BACKLOG (256u << 10)

static short conn_events(struct conn *c)
{
	short ev = c->woff < c->wlen ? POLLOUT : 0;

	if (!c->stream || !c->task || c->task->state == TASK_DEAD ||
	    cmd_stdin_buffered(c->stream) < LIVE_STDIN_BACKLOG)
		ev |= POLLIN;
	return ev;
}

/* Commands that ended: flush their output, send the status.  Connections
 * that are done (sent, or their client gone and task ended) are freed. */
static void server_reap(struct live_server *srv)
{
	struct conn **pp = &srv->conns;

	while (*pp) {
		struct conn *c = *pp;

		if (c->task && c->task->state == TASK_DEAD) {
			int status = c->task->exit_code;

			task_free(c->task);
			c->task = NULL;
			fclose(c->ctx.out);
			fclose(c->ctx.err);
			c->ctx.out = c->ctx.err = NULL;
			if (c->fd < 0 && strcmp(c->argv[0], LSOCK_CMD))
				live_log("client %d: '%s' ended (%d) after its client left", c->id,
					 c->argv[0], status);
			conn_status(c, status);
		}
		conn_write(c);
		if (c->fd >= 0)
			world_watch_fd_events(srv->w, c->fd, conn_events(c));
		if (c != srv->down && !c->task &&
		    (c->fd < 0 || (c->finished && c->woff == c->wlen))) {
			*pp = c->next;
			conn_free(c);
			continue;
		}
		pp = &c->next;
	}
}

static bool commands_running(struct live_server *srv)
{
	for (struct conn *c = srv->conns; c; c = c->next)
		if (c->task && c->task->state != TASK_DEAD)
			return true;
	return false;
}

static void server_now(struct live_server *srv)
{
	struct world *w = srv->w;

	if (!srv->virtual_time) {
		u64 now = mono_ns() - w->rt_origin;

		if (now > w->now)
			w->now = now;
	}
}

/* poll() timeout until the next timer; virtual time jumps there instead. */
static int server_timeout(struct live_server *srv)
{
	struct world *w = srv->w;
	u64 next = timer_base_next(&w->timers);

	if (!list_empty(&w->runq) || !list_empty(&w->napi_poll_list))
		return 0;
	if (next == UINT64_MAX)
		return -1;
	if (srv->virtual_time) {
		if (!commands_running(srv))
			return -1;
		if (next > w->now)
			w->now = next;
		return 0;
	}
	server_now(srv);
	if (next <= w->now)
		return 0;
	/* round up: waking before the timer is due only spins */
	return (int)((next - w->now + 999999) / 1000000) > 60000 ? 60000 :
	       (int)((next - w->now + 999999) / 1000000);
}

/* The world's own fd watching (kernel/world.c) polls the clients, the
 * listening socket and whatever else the world watches (host TAP devices),
 * with the timeout this loop chooses. */
static void server_loop(struct live_server *srv)
{
	while (!srv->stop && !live_term) {
		server_now(srv);
		while (world_step(srv->w))
			server_now(srv);
		server_reap(srv);
		world_poll_fds(srv->w, server_timeout(srv));
	}
}

/* Every command still running is killed, as the kernel does to the
 * processes of a machine that shuts down. */
static void server_kill_all(struct live_server *srv)
{
	for (struct conn *c = srv->conns; c; c = c->next)
		if (c->task && c->task->state != TASK_DEAD)
			task_signal(c->task, SIGKILL);
	for (int i = 0; i < 1000 && commands_running(srv); i++) {
		if (!world_step(srv->w)) {
			u64 next = timer_base_next(&srv->w->timers);

			if (next == UINT64_MAX)
				break;
			if (next > srv->w->now)
				srv->w->now = next;
		}
	}
	for (struct conn *c = srv->conns; c; c = c->next) {
		if (c->task && c->task->state == TASK_DEAD) {
			task_free(c->task);
			c->task = NULL;
		}
	}
}

static int server_listen(const char *dir)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd, probe;
	mode_t old;

	if (live_sock_path(dir, sa.sun_path, sizeof(sa.sun_path)))
		return -1;
	probe = live_connect(dir, true);
	if (probe >= 0) {
		close(probe);
		fprintf(stderr, "skbox: up: a world already runs in %s\n", dir);
		return -1;
	}
	unlink(sa.sun_path);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	old = umask(0077);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || chmod(sa.sun_path, 0600) ||
	    listen(fd, 128)) {
		fprintf(stderr, "skbox: up: %s: %s\n", sa.sun_path, strerror(errno));
		umask(old);
		close(fd);
		return -1;
	}
	umask(old);
	return fd;
}

int live_serve(const struct live_up_opts *o, const char *dir)
{
	struct live_server srv = { .lfd = -1, .virtual_time = o->virtual_time };
	struct sigaction sa = { .sa_handler = on_term };
	char sock[108], report[4096] = "";
	FILE *rep;
	int leaks;

	srv.lfd = server_listen(dir);
	if (srv.lfd < 0)
		return 1;
	srv.w = world_new(1);
	if (!srv.w) {
		close(srv.lfd);
		return 1;
	}
	world_set_realtime(srv.w, !o->virtual_time);
	if (world_watch_fd(srv.w, srv.lfd, POLLIN, server_accept, &srv)) {
		close(srv.lfd);
		world_free(srv.w, NULL);
		return 1;
	}
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	live_log("world up in %s (%s time), pid %d", dir,
		 o->virtual_time ? "virtual" : "real", (int)getpid());
	if (o->ready_fd >= 0) {
		if (write(o->ready_fd, "R", 1) != 1)
			live_log("ready pipe: %s", strerror(errno));
		close(o->ready_fd);
	}
	server_loop(&srv);
	live_sock_path(dir, sock, sizeof(sock));
	unlink(sock);
	world_unwatch_fd(srv.w, srv.lfd);
	close(srv.lfd);
	server_kill_all(&srv);
	for (struct conn *c = srv.conns; c; c = c->next)
		if (c->fd >= 0 && c != srv.down)
			conn_drop(c);
	if (srv.down && srv.down->fd >= 0)
		world_unwatch_fd(srv.w, srv.down->fd);
	rep = fmemopen(report, sizeof(report) - 1, "w");
	leaks = world_free(srv.w, rep);
	if (rep)
		fclose(rep);
	live_log("world down: %s%s", leaks ? "leaks:\n" : "no leaks", report);
	for (struct conn *c = srv.conns, *n; c; c = n) {
		n = c->next;
		if (c == srv.down) {
			conn_queue(c, LIVE_STDERR, report, strlen(report));
			conn_status(c, leaks ? 1 : 0);
			fcntl(c->fd, F_SETFL, 0);
			conn_write(c);
			close(c->fd);
			c->fd = -1;
		}
		c->task = NULL;		/* freed with the world */
		conn_free(c);
	}
	return leaks ? 1 : 0;
}
