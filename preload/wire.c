/* The connection of one world socket: live frames (tools/skbox/live.h)
 * carrying sockproxy requests in stdin frames and replies in stdout frames
 * (tools/skbox/live_sock.h).  The program may have made the fd
 * non-blocking: these loops wait in poll() themselves. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "live.h"
#include "preload.h"

#define RESOLVE(r, name) ((r)->name = (__typeof__((r)->name))dlsym(RTLD_NEXT, #name))

void preload_resolve(struct preload_real *r)
{
	RESOLVE(r, socket);
	RESOLVE(r, close);
	RESOLVE(r, dup);
	RESOLVE(r, dup2);
	RESOLVE(r, dup3);
	RESOLVE(r, fcntl);
	RESOLVE(r, ioctl);
	RESOLVE(r, read);
	RESOLVE(r, write);
	RESOLVE(r, readv);
	RESOLVE(r, writev);
	RESOLVE(r, bind);
	RESOLVE(r, connect);
	RESOLVE(r, listen);
	RESOLVE(r, accept);
	RESOLVE(r, accept4);
	RESOLVE(r, send);
	RESOLVE(r, sendto);
	RESOLVE(r, sendmsg);
	RESOLVE(r, recv);
	RESOLVE(r, recvfrom);
	RESOLVE(r, recvmsg);
	RESOLVE(r, setsockopt);
	RESOLVE(r, getsockopt);
	RESOLVE(r, getsockname);
	RESOLVE(r, getpeername);
	RESOLVE(r, shutdown);
	RESOLVE(r, poll);
	RESOLVE(r, ppoll);
	RESOLVE(r, select);
	RESOLVE(r, pselect);
	RESOLVE(r, epoll_create);
	RESOLVE(r, epoll_create1);
	RESOLVE(r, epoll_ctl);
	RESOLVE(r, epoll_wait);
	RESOLVE(r, epoll_pwait);
}

static int wait_fd(int fd, short events, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = events };
	int n = real.poll(&p, 1, timeout_ms);

	if (n < 0)
		return -1;
	return n == 0 ? 1 : 0;
}

static int send_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = real.send(fd, p, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN) {
			if (wait_fd(fd, POLLOUT, -1) < 0 && errno != EINTR)
				return -1;
			continue;
		}
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int ws_send_frame(int fd, uint32_t type, const void *a, size_t alen, const void *b,
		  size_t blen)
{
	struct live_hdr h = { type, (uint32_t)(alen + blen) };

	if (send_all(fd, (const char *)&h, sizeof(h)) || (alen && send_all(fd, a, alen)) ||
	    (blen && send_all(fd, b, blen)))
		return -1;
	return 0;
}

int ws_request(int fd, struct wsock *ws, uint32_t op, int a, int b, const void *p1,
	       size_t l1, const void *p2, size_t l2)
{
	struct lsock_req r = { .op = op, .a = a, .b = b, .len = (uint32_t)(l1 + l2) };
	char *buf;
	int rc;

	if (ws->dead)
		return errno = ECONNRESET, -1;
	if (real.fcntl(fd, F_GETFL) & O_NONBLOCK)
		r.op |= LSOCK_F_NONBLOCK;
	buf = malloc(sizeof(r) + l1 + l2);
	if (!buf)
		return errno = ENOMEM, -1;
	memcpy(buf, &r, sizeof(r));
	if (l1)
		memcpy(buf + sizeof(r), p1, l1);
	if (l2)
		memcpy(buf + sizeof(r) + l1, p2, l2);
	rc = ws_send_frame(fd, LIVE_STDIN, buf, sizeof(r) + l1 + l2, NULL, 0);
	free(buf);
	if (rc) {
		ws->dead = true;
		return errno = ECONNRESET, -1;
	}
	return 0;
}

static int grow(char **buf, size_t *cap, size_t need)
{
	size_t c = *cap ? *cap : 65536;
	char *n;

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

/* Whole frames of fbuf: stdout to rbuf, stderr to ours, status = dead. */
static void ws_frames(struct wsock *ws)
{
	size_t off = 0;

	while (ws->flen - off >= sizeof(struct live_hdr)) {
		struct live_hdr h;
		const char *p = ws->fbuf + off + sizeof(h);

		memcpy(&h, ws->fbuf + off, sizeof(h));
		if (ws->flen - off < sizeof(h) + h.len)
			break;
		if (h.type == LIVE_STDOUT && !grow(&ws->rbuf, &ws->rcap, ws->rlen + h.len)) {
			memcpy(ws->rbuf + ws->rlen, p, h.len);
			ws->rlen += h.len;
		} else if (h.type == LIVE_STDERR) {
			if (real.write(2, p, h.len) < 0)
				(void)0;
		} else if (h.type == LIVE_STATUS) {
			ws->dead = true;
		}
		off += sizeof(h) + h.len;
	}
	memmove(ws->fbuf, ws->fbuf + off, ws->flen - off);
	ws->flen -= off;
}

int ws_pump(int fd, struct wsock *ws, int timeout_ms)
{
	ssize_t n;
	int w;

	if (ws->dead)
		return errno = ECONNRESET, -1;
	w = wait_fd(fd, POLLIN, timeout_ms);
	if (w)
		return w;
	if (grow(&ws->fbuf, &ws->fcap, ws->flen + 65536))
		return errno = ENOMEM, -1;
	n = real.recv(fd, ws->fbuf + ws->flen, ws->fcap - ws->flen, MSG_DONTWAIT);
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (n <= 0) {
		ws->dead = true;
		return errno = ECONNRESET, -1;
	}
	ws->flen += (size_t)n;
	ws_frames(ws);
	return 0;
}

static size_t reply_size(const struct wsock *ws)
{
	struct lsock_rep rep;

	if (ws->rlen < sizeof(rep))
		return 0;
	memcpy(&rep, ws->rbuf, sizeof(rep));
	if (ws->rlen < sizeof(rep) + rep.addrlen + rep.ctrllen + rep.datalen)
		return 0;
	return sizeof(rep) + rep.addrlen + rep.ctrllen + rep.datalen;
}

bool ws_have_reply(const struct wsock *ws)
{
	return reply_size(ws) != 0;
}

/* A signal the program handles arrived while the world runs its call: the
 * call is interrupted there too (it returns -EINTR, as in the kernel) or,
 * if it completed meanwhile, its result stands. */
static void ws_interrupt(int fd, struct wsock *ws)
{
	uint32_t sig = SIGINT;

	if (ws_send_frame(fd, LIVE_SIGNAL, &sig, sizeof(sig), NULL, 0))
		ws->dead = true;
}

int ws_reply(int fd, struct wsock *ws, struct lsock_rep *rep, char **body)
{
	size_t whole, blen;
	bool interrupted = false;

	while (!(whole = reply_size(ws))) {
		if (ws_pump(fd, ws, -1) < 0) {
			if (errno != EINTR || ws->dead)
				return -1;
			if (!interrupted)
				ws_interrupt(fd, ws);
			interrupted = true;
		}
	}
	memcpy(rep, ws->rbuf, sizeof(*rep));
	blen = whole - sizeof(*rep);
	if (body) {
		*body = blen ? malloc(blen) : NULL;
		if (*body)
			memcpy(*body, ws->rbuf + sizeof(*rep), blen);
	}
	memmove(ws->rbuf, ws->rbuf + whole, ws->rlen - whole);
	ws->rlen -= whole;
	return 0;
}

int ws_call(int fd, struct wsock *ws, uint32_t op, int a, int b, const void *p1, size_t l1,
	    const void *p2, size_t l2, struct lsock_rep *rep, char **body)
{
	if (body)
		*body = NULL;
	ws->gen++;
	if (ws_request(fd, ws, op, a, b, p1, l1, p2, l2) || ws_reply(fd, ws, rep, body))
		return -1;
	if (rep->ret < 0) {
		if (body) {
			free(*body);
			*body = NULL;
		}
		return errno = (int)-rep->ret, -1;
	}
	return 0;
}
