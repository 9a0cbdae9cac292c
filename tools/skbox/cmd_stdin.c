/* A command's stdin as it arrives.  In skbox's own script runner a command
 * gets all of its stdin at once (cmd_ctx in/in_len: a pipe between world
 * commands is a buffer, and virtual time stays deterministic).  In live mode
 * the client's stdin comes in frames while the command runs: the server
 * pushes them into a cmd_stdin, and a command parked in cmd_read() or
 * cmd_poll() is woken as a process blocked in read(2) on a pipe would be.
 * Both look the same to the command. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/sched.h"
#include "net/sock.h"
#include "net/world.h"
#include "skbox/cmd.h"
#include "skbox/socket.h"

struct cmd_stdin {
	char *buf;
	size_t off, len, cap;		/* unread bytes: buf[off..len) */
	bool eof;
	struct wait_queue_head wq;	/* the reader, parked */
};

struct cmd_stdin *cmd_stdin_new(void)
{
	struct cmd_stdin *s = calloc(1, sizeof(*s));

	if (s)
		init_waitqueue_head(&s->wq);
	return s;
}

int cmd_stdin_push(struct cmd_stdin *s, const void *buf, size_t len)
{
	if (!len)
		return 0;
	if (s->off && s->off == s->len)
		s->off = s->len = 0;
	if (s->len + len > s->cap) {
		size_t cap = s->cap ? s->cap : 4096;
		char *n;

		if (s->off) {
			memmove(s->buf, s->buf + s->off, s->len - s->off);
			s->len -= s->off;
			s->off = 0;
		}
		while (cap < s->len + len)
			cap *= 2;
		n = realloc(s->buf, cap);
		if (!n)
			return -ENOMEM;
		s->buf = n;
		s->cap = cap;
	}
	memcpy(s->buf + s->len, buf, len);
	s->len += len;
	wake_up(&s->wq);
	return 0;
}

void cmd_stdin_eof(struct cmd_stdin *s)
{
	s->eof = true;
	wake_up(&s->wq);
}

size_t cmd_stdin_buffered(const struct cmd_stdin *s)
{
	return s->len - s->off;
}

void cmd_stdin_free(struct cmd_stdin *s)
{
	if (!s)
		return;
	free(s->buf);
	free(s);
}

bool cmd_read_ready(struct cmd_ctx *ctx)
{
	struct cmd_stdin *s = ctx->in_stream;

	return !s || s->eof || s->off < s->len;
}

/* What can be read now, waiting for it on a stream: its length (0 at EOF,
 * a negative error), *p where it starts.  cmd_consume() takes it. */
static ssize_t cmd_read_avail(struct cmd_ctx *ctx, const char **p)
{
	struct cmd_stdin *s = ctx->in_stream;

	if (!s) {
		size_t left = ctx->in && ctx->in_off < ctx->in_len ? ctx->in_len - ctx->in_off : 0;

		*p = left ? ctx->in + ctx->in_off : NULL;
		return (ssize_t)left;
	}
	while (s->off == s->len && !s->eof) {
		int err = task_wait(ctx->world, &s->wq, 0);

		if (err == -EINTR || err == -EAGAIN)
			return err;
	}
	*p = s->off < s->len ? s->buf + s->off : NULL;
	return (ssize_t)(s->len - s->off);
}

static void cmd_consume(struct cmd_ctx *ctx, size_t len)
{
	if (ctx->in_stream)
		ctx->in_stream->off += len;
	else
		ctx->in_off += len;
}

ssize_t cmd_read(struct cmd_ctx *ctx, void *buf, size_t len)
{
	const char *p;
	ssize_t avail = cmd_read_avail(ctx, &p);

	if (avail <= 0)
		return avail;	/* an error, or EOF */
	if (len > (size_t)avail)
		len = (size_t)avail;
	if (!len)
		return 0;	/* a zero-length read */
	memcpy(buf, p, len);
	cmd_consume(ctx, len);
	return (ssize_t)len;
}

/* A line at a time (up to its newline), not a byte at a time: iptables-restore
 * read its input through one cmd_read() per byte. */
ssize_t cmd_getline(struct cmd_ctx *ctx, char **line, size_t *cap)
{
	size_t n = 0;

	for (;;) {
		const char *p, *nl;
		ssize_t avail = cmd_read_avail(ctx, &p);
		size_t take;

		if (avail < 0)
			return avail;
		if (avail == 0)
			break;
		nl = memchr(p, '\n', (size_t)avail);
		take = nl ? (size_t)(nl - p) + 1 : (size_t)avail;
		if (n + take + 1 > *cap) {
			size_t c = *cap ? *cap : 256;
			char *q;

			while (c < n + take + 1)
				c *= 2;
			q = realloc(*line, c);
			if (!q)
				return -ENOMEM;
			*line = q;
			*cap = c;
		}
		memcpy(*line + n, p, take);
		cmd_consume(ctx, take);
		n += take;
		if (nl)
			break;
	}
	if (!*cap) {	/* nothing read into no buffer: still a string */
		char *q = realloc(*line, 256);

		if (!q)
			return -ENOMEM;
		*line = q;
		*cap = 256;
	}
	(*line)[n] = '\0';
	return (ssize_t)n;
}

/* One look at every fd without parking; fills revents. */
static int cmd_poll_once(struct cmd_ctx *ctx, struct pollfd *fds, nfds_t n)
{
	int ready = 0;

	for (nfds_t i = 0; i < n; i++) {
		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		if (fds[i].fd == 0)
			fds[i].revents = (fds[i].events & POLLIN) && cmd_read_ready(ctx) ? POLLIN : 0;
		else
			skbox_poll(ctx->world, &fds[i], 1, 0);
		if (fds[i].revents)
			ready++;
	}
	return ready;
}

#define CMD_POLL_MAX 8

/* Parks on stdin's queue and on each socket's, as poll(2) does. */
static int cmd_poll_wait(struct cmd_ctx *ctx, struct pollfd *fds, nfds_t n, u64 timeout_ns)
{
	struct world *w = ctx->world;
	struct wait_queue_entry extra[CMD_POLL_MAX];
	struct wait_queue_head *primary = NULL;
	int err;

	for (nfds_t i = 0; i < n && i < CMD_POLL_MAX; i++) {
		int fd = fds[i].fd;

		INIT_LIST_HEAD(&extra[i].entry);
		extra[i].task = w->current;
		if (fd == 0 && ctx->in_stream)
			primary = &ctx->in_stream->wq;
		else if (fd > 0 && fd < w->nfiles && w->files[fd])
			list_add_tail(&extra[i].entry, &w->files[fd]->sk->sk_wq.head);
	}
	err = task_wait(w, primary, timeout_ns);
	for (nfds_t i = 0; i < n && i < CMD_POLL_MAX; i++)
		list_del(&extra[i].entry);
	return err;
}

int cmd_poll(struct cmd_ctx *ctx, struct pollfd *fds, nfds_t n, int timeout_ms)
{
	struct world *w = ctx->world;
	u64 deadline = timeout_ms < 0 ? 0 : w->now + (u64)timeout_ms * NSEC_PER_MSEC;

	for (;;) {
		int ready = cmd_poll_once(ctx, fds, n);

		if (ready || timeout_ms == 0)
			return ready;
		if (!w->current || (timeout_ms > 0 && w->now >= deadline))
			return 0;
		if (cmd_poll_wait(ctx, fds, n, timeout_ms < 0 ? 0 : deadline - w->now) == -EINTR)
			return -EINTR;
	}
}

static bool is_nc(const char *n)
{
	return !strcmp(n, "nc") || !strcmp(n, "nc.openbsd") || !strcmp(n, "netcat");
}

/* ip/tc/bridge -batch - (or -b -) */
static bool batch_stdin(int argc, char **argv)
{
	for (int i = 1; i + 1 < argc; i++)
		if ((!strcmp(argv[i], "-batch") || !strcmp(argv[i], "-b")) &&
		    !strcmp(argv[i + 1], "-"))
			return true;
	return false;
}

/* *-restore with no file argument; ipset restore / -R */
static bool restore_stdin(int argc, char **argv)
{
	if (!strcmp(argv[0], "ipset")) {
		for (int i = 1; i < argc; i++)
			if (!strcmp(argv[i], "restore") || !strcmp(argv[i], "-R") ||
			    !strcmp(argv[i], "-restore"))
				return true;
		return false;
	}
	if (!strstr(argv[0], "-restore"))
		return false;
	for (int i = 1; i < argc; i++)
		if (argv[i][0] != '-')
			return false;
	return true;
}

bool cmd_streams_stdin(int argc, char **argv)
{
	if (argc < 1)
		return false;
	if (is_nc(argv[0]) || !strcmp(argv[0], "sockproxy"))
		return true;
	if (!strcmp(argv[0], "ip") || !strcmp(argv[0], "tc"))
		return batch_stdin(argc, argv);
	return restore_stdin(argc, argv);
}
