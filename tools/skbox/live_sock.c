/* `sockproxy`: one world socket served to a host program (live_sock.h).
 * The program's preload library (preload/skbox-preload.c) writes socket
 * calls to this command's stdin and reads their results from its stdout;
 * the command runs each with the world's socket API (include/skbox/socket.h)
 * as the program's own system call would run in the kernel: a blocking
 * call parks this task, and so the program, until it completes.
 *
 * The socket closes when stdin ends or the connection goes (the program's
 * last close of the fd, or its exit): the server then kills this task
 * (SIGKILL), its blocking call returns -EINTR, and it closes the socket as
 * close(2) would — a TCP connection ends with a FIN, not a reset. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include "linux/slab.h"
#include "linux/sched.h"
#include "net/sock.h"
#include "net/world.h"
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "live_sock.h"

struct lsock {
	struct cmd_ctx *ctx;
	struct world *w;
	int fd;				/* the world's fd */
	char *in;			/* request bytes read, not yet whole */
	size_t in_len, in_cap;
	bool eof;
};

/* Accepted sockets whose program has not adopted them yet (it opens their
 * connection inside accept(), before accept returns): the listener's task
 * closes those left when it ends. */
struct lsock_orphan {
	struct lsock_orphan *next;
	struct world *w;
	int fd;
	const struct lsock *parent;
};

static struct lsock_orphan *orphans;

static void orphan_add(struct lsock *s, int fd)
{
	struct lsock_orphan *o = calloc(1, sizeof(*o));

	if (!o) {
		skbox_close(s->w, fd);
		return;
	}
	o->w = s->w;
	o->fd = fd;
	o->parent = s;
	o->next = orphans;
	orphans = o;
}

static bool orphan_take(struct world *w, int fd)
{
	for (struct lsock_orphan **pp = &orphans; *pp; pp = &(*pp)->next) {
		struct lsock_orphan *o = *pp;

		if (o->w == w && o->fd == fd) {
			*pp = o->next;
			free(o);
			return true;
		}
	}
	return false;
}

static void orphans_close(const struct lsock *s)
{
	struct lsock_orphan **pp = &orphans;

	while (*pp) {
		struct lsock_orphan *o = *pp;

		if (o->parent == s) {
			*pp = o->next;
			skbox_close(o->w, o->fd);
			free(o);
			continue;
		}
		pp = &o->next;
	}
}

static void lsock_reply(struct lsock *s, int64_t ret, int32_t flags,
			const void *addr, uint32_t alen, const void *ctrl, uint32_t clen,
			const void *data, uint32_t dlen)
{
	struct lsock_rep rep = { .ret = ret, .flags = flags, .addrlen = alen,
				 .ctrllen = clen, .datalen = dlen };
	FILE *out = s->ctx->out;

	fwrite(&rep, sizeof(rep), 1, out);
	if (alen)
		fwrite(addr, 1, alen, out);
	if (clen)
		fwrite(ctrl, 1, clen, out);
	if (dlen)
		fwrite(data, 1, dlen, out);
	fflush(out);
}

static void lsock_ret(struct lsock *s, int64_t ret)
{
	lsock_reply(s, ret, 0, NULL, 0, NULL, 0, NULL, 0);
}

/* A whole request at the head of s->in: its size, else 0. */
static size_t lsock_whole(const struct lsock *s)
{
	struct lsock_req req;

	if (s->in_len < sizeof(req))
		return 0;
	memcpy(&req, s->in, sizeof(req));
	if (s->in_len < sizeof(req) + req.len)
		return 0;
	return sizeof(req) + req.len;
}

/* Reads stdin until a whole request is buffered: 1, 0 at EOF, -EINTR. */
static int lsock_fill(struct lsock *s)
{
	while (!lsock_whole(s)) {
		ssize_t n;

		if (s->in_len + 65536 > s->in_cap) {
			size_t cap = s->in_cap ? s->in_cap * 2 : 131072;
			char *p = realloc(s->in, cap);

			if (!p)
				return -ENOMEM;
			s->in = p;
			s->in_cap = cap;
		}
		n = cmd_read(s->ctx, s->in + s->in_len, s->in_cap - s->in_len);
		if (n <= 0) {
			s->eof = n == 0;
			return n == 0 ? 0 : (int)n;
		}
		s->in_len += (size_t)n;
	}
	return 1;
}

static void lsock_consume(struct lsock *s, size_t n)
{
	memmove(s->in, s->in + n, s->in_len - n);
	s->in_len -= n;
}

static void lsock_nonblock(struct lsock *s, bool on)
{
	if (s->fd >= 0 && s->fd < s->w->nfiles && s->w->files[s->fd])
		s->w->files[s->fd]->nonblock = on;
}

static void op_addr(struct lsock *s, const struct lsock_req *r, const char *p)
{
	const struct sockaddr *sa = (const struct sockaddr *)p;
	int rc = r->op == LSOCK_BIND ? skbox_bind(s->w, s->fd, sa, r->len) :
				       skbox_connect(s->w, s->fd, sa, r->len);

	lsock_ret(s, rc);
}

static void op_accept(struct lsock *s)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	int nfd = skbox_accept(s->w, s->fd, (struct sockaddr *)&ss, &len);

	if (nfd < 0) {
		lsock_ret(s, nfd);
		return;
	}
	orphan_add(s, nfd);
	lsock_reply(s, nfd, 0, &ss, len, NULL, 0, NULL, 0);
}

/* payload: u32 namelen, u32 ctrllen, name, control, data */
static void op_sendmsg(struct lsock *s, const struct lsock_req *r, char *p)
{
	uint32_t nl, cl;
	struct iovec iov;
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };

	if (r->len < 8) {
		lsock_ret(s, -EINVAL);
		return;
	}
	memcpy(&nl, p, 4);
	memcpy(&cl, p + 4, 4);
	if ((uint64_t)nl + cl + 8 > r->len) {
		lsock_ret(s, -EINVAL);
		return;
	}
	msg.msg_name = nl ? p + 8 : NULL;
	msg.msg_namelen = nl;
	/* the control messages on the wire follow the name: copied to an
	 * aligned buffer, as CMSG_* and struct cmsghdr need */
	if (cl && !(msg.msg_control = kmalloc(cl))) {
		lsock_ret(s, -ENOBUFS);
		return;
	}
	if (cl)
		memcpy(msg.msg_control, p + 8 + nl, cl);
	msg.msg_controllen = cl;
	iov.iov_base = p + 8 + nl + cl;
	iov.iov_len = r->len - 8 - nl - cl;
	lsock_ret(s, skbox_sendmsg(s->w, s->fd, &msg, r->a));
	kfree(msg.msg_control);
}

/* payload: u32 control room, u32 name room */
static void op_recvmsg(struct lsock *s, const struct lsock_req *r, const char *p)
{
	uint32_t croom = 0, nroom = 0, len = r->b < 0 ? 0 : (uint32_t)r->b;
	char name[LSOCK_ADDR_MAX], ctrl[LSOCK_CTRL_MAX];
	struct iovec iov;
	struct msghdr msg = { .msg_iov = &iov, .msg_iovlen = 1 };
	char *buf;
	ssize_t n;

	if (r->len >= 8) {
		memcpy(&croom, p, 4);
		memcpy(&nroom, p + 4, 4);
	}
	if (len > LSOCK_DATA_MAX)
		len = LSOCK_DATA_MAX;
	buf = malloc(len ? len : 1);
	if (!buf) {
		lsock_ret(s, -ENOMEM);
		return;
	}
	iov.iov_base = buf;
	iov.iov_len = len;
	msg.msg_name = nroom ? name : NULL;
	msg.msg_namelen = nroom > sizeof(name) ? sizeof(name) : nroom;
	msg.msg_control = croom ? ctrl : NULL;
	msg.msg_controllen = croom > sizeof(ctrl) ? sizeof(ctrl) : croom;
	memset(ctrl, 0, sizeof(ctrl));
	n = skbox_recvmsg(s->w, s->fd, &msg, r->a);
	/* the stack sets msg_controllen only when it writes a message */
	if (msg.msg_control && !((struct cmsghdr *)ctrl)->cmsg_len)
		msg.msg_controllen = 0;
	if (n < 0)
		lsock_ret(s, n);
	else
		lsock_reply(s, n, msg.msg_flags, name, msg.msg_name ? msg.msg_namelen : 0,
			    ctrl, msg.msg_control ? (uint32_t)msg.msg_controllen : 0,
			    buf, (size_t)n < len ? (uint32_t)n : len);
	free(buf);
}

static void op_sockopt(struct lsock *s, const struct lsock_req *r, const char *p)
{
	char val[LSOCK_OPT_MAX];
	uint32_t room = 0;
	socklen_t len;
	int rc;

	if (r->op == LSOCK_SETSOCKOPT) {
		lsock_ret(s, skbox_setsockopt(s->w, s->fd, r->a, r->b, p, r->len));
		return;
	}
	if (r->len >= 4)
		memcpy(&room, p, 4);
	len = room > sizeof(val) ? sizeof(val) : room;
	memset(val, 0, sizeof(val));
	rc = skbox_getsockopt(s->w, s->fd, r->a, r->b, val, &len);
	if (rc < 0)
		lsock_ret(s, rc);
	else
		lsock_reply(s, rc, 0, NULL, 0, NULL, 0, val, len);
}

static void op_name(struct lsock *s, const struct lsock_req *r)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	int rc = r->op == LSOCK_GETSOCKNAME ?
		 skbox_getsockname(s->w, s->fd, (struct sockaddr *)&ss, &len) :
		 skbox_getpeername(s->w, s->fd, (struct sockaddr *)&ss, &len);

	if (rc < 0)
		lsock_ret(s, rc);
	else
		lsock_reply(s, rc, 0, &ss, len, NULL, 0, NULL, 0);
}

/* FIONREAD: what a recv would return now, without taking it. */
static void op_fionread(struct lsock *s)
{
	char *buf = malloc(LSOCK_DATA_MAX);
	ssize_t n;

	if (!buf) {
		lsock_ret(s, -ENOMEM);
		return;
	}
	n = skbox_recv(s->w, s->fd, buf, LSOCK_DATA_MAX, MSG_PEEK | MSG_DONTWAIT);
	free(buf);
	lsock_ret(s, n < 0 ? 0 : n);
}

/* A pending poll: park on the socket and on stdin together; a cancel (or
 * any request, or EOF) ends it with what is ready now. */
static int op_poll(struct lsock *s, const struct lsock_req *r)
{
	struct pollfd p[2] = {
		{ .fd = 0, .events = POLLIN },
		{ .fd = s->fd, .events = (short)r->a },
	};

	while (!lsock_whole(s) && !s->eof) {
		int n = cmd_poll(s->ctx, p, 2, -1);

		if (n < 0)
			return n;
		if (p[1].revents) {
			lsock_reply(s, 1, p[1].revents, NULL, 0, NULL, 0, NULL, 0);
			return 0;
		}
		if (p[0].revents) {
			int rc = lsock_fill(s);

			if (rc < 0)
				return rc;
		}
	}
	skbox_poll(s->w, &p[1], 1, 0);
	lsock_reply(s, p[1].revents ? 1 : 0, p[1].revents, NULL, 0, NULL, 0, NULL, 0);
	return 0;
}

/* SIOCINQ, SIOCOUTQ, SIOCOUTQNSD: the world socket's answer (tcp_ioctl,
 * udp_ioctl: EINVAL on a listener, as Linux); SIOCINQ of a socket whose
 * protocol has no ioctl peeks as LSOCK_FIONREAD does */
static void op_ioctl(struct lsock *s, const struct lsock_req *r)
{
	int v = 0, rc;

	if (r->a != SIOCINQ && r->a != SIOCOUTQ && r->a != SIOCOUTQNSD) {
		lsock_ret(s, -ENOTTY);
		return;
	}
	rc = skbox_ioctl(s->w, s->fd, (unsigned long)r->a, &v);
	if (rc == -ENOTTY && r->a == SIOCINQ) {
		op_fionread(s);
		return;
	}
	lsock_ret(s, rc < 0 ? rc : v);
}

static int lsock_dispatch(struct lsock *s, const struct lsock_req *r, char *p)
{
	switch (r->op) {
	case LSOCK_BIND:
	case LSOCK_CONNECT:
		op_addr(s, r, p);
		break;
	case LSOCK_LISTEN:
		lsock_ret(s, skbox_listen(s->w, s->fd, r->a));
		break;
	case LSOCK_ACCEPT:
		op_accept(s);
		break;
	case LSOCK_SENDMSG:
		op_sendmsg(s, r, p);
		break;
	case LSOCK_RECVMSG:
		op_recvmsg(s, r, p);
		break;
	case LSOCK_SETSOCKOPT:
	case LSOCK_GETSOCKOPT:
		op_sockopt(s, r, p);
		break;
	case LSOCK_GETSOCKNAME:
	case LSOCK_GETPEERNAME:
		op_name(s, r);
		break;
	case LSOCK_SHUTDOWN:
		lsock_ret(s, skbox_shutdown(s->w, s->fd, r->a));
		break;
	case LSOCK_POLL:
		return op_poll(s, r);
	case LSOCK_CANCEL:
		break;			/* its poll already answered */
	case LSOCK_FIONREAD:
		op_fionread(s);
		break;
	case LSOCK_IOCTL:
		op_ioctl(s, r);
		break;
	default:
		lsock_ret(s, -ENOSYS);
		break;
	}
	return 0;
}

/* SIGINT alone is the program's own signal arriving during a blocking call
 * (the preload passes it on): the call has returned -EINTR, as in the
 * kernel, and the socket lives on.  Any other signal ends the socket. */
static bool lsock_interrupted(struct lsock *s)
{
	struct task *t = s->w->current;

	if (!t || t->sigpending != 1 << SIGINT)
		return false;
	t->sigpending = 0;
	return true;
}

/* Requests one at a time until stdin ends or a signal (the connection
 * went) interrupts. */
static void lsock_serve(struct lsock *s)
{
	for (;;) {
		struct lsock_req r;
		char *p;
		int rc = lsock_fill(s);

		if (rc < 0 && lsock_interrupted(s))
			continue;
		if (rc <= 0)
			return;
		memcpy(&r, s->in, sizeof(r));
		p = malloc(r.len + 1);
		if (!p)
			return;
		memcpy(p, s->in + sizeof(r), r.len);
		lsock_consume(s, sizeof(r) + r.len);
		lsock_nonblock(s, r.op & LSOCK_F_NONBLOCK);
		r.op &= ~LSOCK_F_NONBLOCK;
		rc = lsock_dispatch(s, &r, p);
		free(p);
		if (lsock_interrupted(s))
			continue;
		if (rc < 0 || skbox_signal_pending(s->w))
			return;
	}
}

/* sockproxy COMM DOMAIN TYPE PROTOCOL | sockproxy COMM -a FD */
int do_sockproxy(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct lsock s = { .ctx = ctx, .w = ctx->world, .fd = -1 };
	struct task *t = ctx->world ? ctx->world->current : NULL;

	if (argc != 5 && !(argc == 4 && !strcmp(argv[2], "-a"))) {
		fprintf(ctx->err, "usage: %s COMM DOMAIN TYPE PROTOCOL | COMM -a FD\n", argv[0]);
		return 2;
	}
	if (!t || !ctx->in_stream) {
		fprintf(ctx->err, "%s: a host program's socket: live mode only\n", argv[0]);
		return 2;
	}
	setvbuf(ctx->out, NULL, _IOFBF, 65536);
	snprintf(t->comm, sizeof(t->comm), "%s", argv[1]);
	if (argc == 4) {
		s.fd = atoi(argv[3]);
		if (!orphan_take(s.w, s.fd))
			s.fd = -EBADF;
	} else {
		s.fd = skbox_socket(s.w, atoi(argv[2]), atoi(argv[3]), atoi(argv[4]));
	}
	if (s.fd >= 0 && s.fd < s.w->nfiles && s.w->files[s.fd]) {
		s.w->files[s.fd]->owner_pid = t->pid;
		memcpy(s.w->files[s.fd]->owner_comm, t->comm, sizeof(t->comm));
	}
	lsock_ret(&s, s.fd);
	if (s.fd < 0)
		return 1;
	lsock_serve(&s);
	orphans_close(&s);
	skbox_close(s.w, s.fd);
	free(s.in);
	return 0;
}
