/* The socket calls on a world socket: each a request to its sockproxy
 * (tools/skbox/live_sock.c); any other fd goes to libc. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/uio.h>
#include "preload.h"

int bind(int fd, const struct sockaddr *addr, socklen_t len)
{
	struct wsock *ws = ws_get(fd);
	struct lsock_rep rep;

	if (!ws)
		return real.bind(fd, addr, len);
	return ws_call(fd, ws, LSOCK_BIND, 0, 0, addr, len, NULL, 0, &rep, NULL);
}

int connect(int fd, const struct sockaddr *addr, socklen_t len)
{
	struct wsock *ws = ws_get(fd);
	struct lsock_rep rep;

	if (!ws)
		return real.connect(fd, addr, len);
	return ws_call(fd, ws, LSOCK_CONNECT, 0, 0, addr, len, NULL, 0, &rep, NULL);
}

int listen(int fd, int backlog)
{
	struct wsock *ws = ws_get(fd);
	struct lsock_rep rep;

	if (!ws)
		return real.listen(fd, backlog);
	return ws_call(fd, ws, LSOCK_LISTEN, backlog, 0, NULL, 0, NULL, 0, &rep, NULL);
}

static void copy_addr(struct sockaddr *addr, socklen_t *len, const char *src, uint32_t n)
{
	if (!addr || !len)
		return;
	memcpy(addr, src, *len < n ? *len : n);
	*len = n;
}

/* The new connection's socket is adopted by a sockproxy of its own before
 * accept returns, so it never lingers unowned in the world. */
int accept4(int fd, struct sockaddr *addr, socklen_t *len, int flags)
{
	struct wsock *ws = ws_get(fd);
	struct lsock_rep rep;
	char *body, nfd[16];
	int rc;

	if (!ws)
		return real.accept4(fd, addr, len, flags);
	if (ws_call(fd, ws, LSOCK_ACCEPT, 0, 0, NULL, 0, NULL, 0, &rep, &body))
		return -1;
	if (body)
		copy_addr(addr, len, body, rep.addrlen);
	free(body);
	snprintf(nfd, sizeof(nfd), "%lld", (long long)rep.ret);
	rc = ws_open("-a", nfd, NULL, ws->type | flags);
	return rc;
}

int accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	if (!ws_get(fd))
		return real.accept(fd, addr, len);
	return accept4(fd, addr, len, 0);
}

/* ---- sending ---- */

static size_t iov_total(const struct iovec *iov, size_t n)
{
	size_t len = 0;

	for (size_t i = 0; i < n; i++)
		len += iov[i].iov_len;
	return len;
}

/* payload: u32 namelen, u32 ctrllen, name, control, then data bytes
 * [off, off + len) of the iovecs */
static ssize_t send_chunk(int fd, struct wsock *ws, const struct msghdr *msg, int flags,
			  size_t off, size_t len)
{
	uint32_t nl = msg->msg_name ? msg->msg_namelen : 0;
	uint32_t cl = msg->msg_control ? (uint32_t)msg->msg_controllen : 0;
	size_t head = 8 + nl + cl, skip = off, want = len, dst = head;
	struct lsock_rep rep;
	char *buf = malloc(head + len);

	if (!buf)
		return errno = ENOMEM, -1;
	memcpy(buf, &nl, 4);
	memcpy(buf + 4, &cl, 4);
	if (nl)
		memcpy(buf + 8, msg->msg_name, nl);
	if (cl)
		memcpy(buf + 8 + nl, msg->msg_control, cl);
	for (size_t i = 0; i < msg->msg_iovlen && want; i++) {
		const struct iovec *v = &msg->msg_iov[i];
		size_t n;

		if (skip >= v->iov_len) {
			skip -= v->iov_len;
			continue;
		}
		n = v->iov_len - skip < want ? v->iov_len - skip : want;
		memcpy(buf + dst, (char *)v->iov_base + skip, n);
		dst += n;
		want -= n;
		skip = 0;
	}
	if (ws_call(fd, ws, LSOCK_SENDMSG, flags & ~MSG_NOSIGNAL, 0, buf, head + len, NULL,
		    0, &rep, NULL)) {
		free(buf);
		return -1;
	}
	free(buf);
	return (ssize_t)rep.ret;
}

/* A blocking stream send takes everything, in chunks; a datagram is one. */
static ssize_t ws_sendmsg(int fd, struct wsock *ws, const struct msghdr *msg, int flags)
{
	size_t total = iov_total(msg->msg_iov, msg->msg_iovlen), done = 0;

	do {
		size_t len = total - done;
		ssize_t n;

		if (ws->type == SOCK_STREAM && len > LSOCK_DATA_MAX)
			len = LSOCK_DATA_MAX;
		n = send_chunk(fd, ws, msg, flags, done, len);
		if (n < 0) {
			if (errno == EPIPE && !(flags & MSG_NOSIGNAL))
				raise(SIGPIPE);
			return done ? (ssize_t)done : -1;
		}
		done += (size_t)n;
		if ((size_t)n < len)
			break;
	} while (done < total && ws->type == SOCK_STREAM);
	return (ssize_t)done;
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	struct wsock *ws = ws_get(fd);

	if (!ws)
		return real.sendmsg(fd, msg, flags);
	return ws_sendmsg(fd, ws, msg, flags);
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags, const struct sockaddr *addr,
	       socklen_t alen)
{
	struct wsock *ws = ws_get(fd);
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr msg = { .msg_name = (void *)addr, .msg_namelen = addr ? alen : 0,
			      .msg_iov = &iov, .msg_iovlen = 1 };

	if (!ws)
		return real.sendto(fd, buf, len, flags, addr, alen);
	return ws_sendmsg(fd, ws, &msg, flags);
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	if (!ws_get(fd))
		return real.send(fd, buf, len, flags);
	return sendto(fd, buf, len, flags, NULL, 0);
}

ssize_t write(int fd, const void *buf, size_t len)
{
	if (!ws_get(fd))
		return real.write(fd, buf, len);
	return sendto(fd, buf, len, 0, NULL, 0);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	struct wsock *ws = ws_get(fd);
	struct msghdr msg = { .msg_iov = (struct iovec *)iov, .msg_iovlen = (size_t)n };

	if (!ws)
		return real.writev(fd, iov, n);
	return ws_sendmsg(fd, ws, &msg, 0);
}

/* ---- receiving ---- */

static void scatter(const struct msghdr *msg, const char *data, size_t len)
{
	for (size_t i = 0; i < msg->msg_iovlen && len; i++) {
		size_t n = msg->msg_iov[i].iov_len < len ? msg->msg_iov[i].iov_len : len;

		memcpy(msg->msg_iov[i].iov_base, data, n);
		data += n;
		len -= n;
	}
}

static ssize_t ws_recvmsg(int fd, struct wsock *ws, struct msghdr *msg, int flags)
{
	size_t total = iov_total(msg->msg_iov, msg->msg_iovlen);
	uint32_t room[2] = { msg->msg_control ? (uint32_t)msg->msg_controllen : 0,
			     msg->msg_name ? msg->msg_namelen : 0 };
	struct lsock_rep rep;
	char *body;

	if (total > LSOCK_DATA_MAX)
		total = LSOCK_DATA_MAX;
	if (ws_call(fd, ws, LSOCK_RECVMSG, flags, (int)total, room, sizeof(room), NULL, 0, &rep,
		    &body))
		return -1;
	msg->msg_flags = rep.flags;
	if (msg->msg_name) {
		memcpy(msg->msg_name, body, rep.addrlen < room[1] ? rep.addrlen : room[1]);
		msg->msg_namelen = rep.addrlen;
	}
	if (msg->msg_control) {
		memcpy(msg->msg_control, body + rep.addrlen,
		       rep.ctrllen < room[0] ? rep.ctrllen : room[0]);
		msg->msg_controllen = rep.ctrllen < room[0] ? rep.ctrllen : room[0];
	}
	scatter(msg, body ? body + rep.addrlen + rep.ctrllen : NULL, rep.datalen);
	free(body);
	return (ssize_t)rep.ret;
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	struct wsock *ws = ws_get(fd);

	if (!ws)
		return real.recvmsg(fd, msg, flags);
	return ws_recvmsg(fd, ws, msg, flags);
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags, struct sockaddr *addr,
		 socklen_t *alen)
{
	struct wsock *ws = ws_get(fd);
	struct iovec iov = { .iov_base = buf, .iov_len = len };
	struct msghdr msg = { .msg_name = addr, .msg_namelen = addr && alen ? *alen : 0,
			      .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;

	if (!ws)
		return real.recvfrom(fd, buf, len, flags, addr, alen);
	if (!alen)
		msg.msg_name = NULL;
	n = ws_recvmsg(fd, ws, &msg, flags);
	if (n >= 0 && addr && alen)
		*alen = msg.msg_namelen;
	return n;
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	if (!ws_get(fd))
		return real.recv(fd, buf, len, flags);
	return recvfrom(fd, buf, len, flags, NULL, NULL);
}

ssize_t read(int fd, void *buf, size_t len)
{
	if (!ws_get(fd))
		return real.read(fd, buf, len);
	return recvfrom(fd, buf, len, 0, NULL, NULL);
}

ssize_t readv(int fd, const struct iovec *iov, int n)
{
	struct wsock *ws = ws_get(fd);
	struct msghdr msg = { .msg_iov = (struct iovec *)iov, .msg_iovlen = (size_t)n };

	if (!ws)
		return real.readv(fd, iov, n);
	return ws_recvmsg(fd, ws, &msg, 0);
}

/* _FORTIFY_SOURCE builds call these for buffers of a known size. */
ssize_t __read_chk(int fd, void *buf, size_t len, size_t buflen)
{
	if (len > buflen)
		abort();
	return read(fd, buf, len);
}

ssize_t __recv_chk(int fd, void *buf, size_t len, size_t buflen, int flags)
{
	if (len > buflen)
		abort();
	return recv(fd, buf, len, flags);
}

ssize_t __recvfrom_chk(int fd, void *buf, size_t len, size_t buflen, int flags,
		       struct sockaddr *addr, socklen_t *alen)
{
	if (len > buflen)
		abort();
	return recvfrom(fd, buf, len, flags, addr, alen);
}

/* ---- options, names, shutdown ---- */

int setsockopt(int fd, int level, int name, const void *val, socklen_t len)
{
	struct wsock *ws = ws_get(fd);
	struct lsock_rep rep;

	if (!ws)
		return real.setsockopt(fd, level, name, val, len);
	if (len > LSOCK_OPT_MAX)
		return errno = EINVAL, -1;
	return ws_call(fd, ws, LSOCK_SETSOCKOPT, level, name, val, len, NULL, 0, &rep, NULL);
}

int getsockopt(int fd, int level, int name, void *val, socklen_t *len)
{
	struct wsock *ws = ws_get(fd);
	uint32_t room = len ? *len : 0;
	struct lsock_rep rep;
	char *body;

	if (!ws)
		return real.getsockopt(fd, level, name, val, len);
	if (ws_call(fd, ws, LSOCK_GETSOCKOPT, level, name, &room, 4, NULL, 0, &rep, &body))
		return -1;
	if (val && len) {
		memcpy(val, body, rep.datalen < room ? rep.datalen : room);
		*len = rep.datalen < room ? rep.datalen : room;
	}
	free(body);
	return 0;
}

static int sock_name(int fd, struct wsock *ws, uint32_t op, struct sockaddr *addr,
		     socklen_t *len)
{
	struct lsock_rep rep;
	char *body;

	if (ws_call(fd, ws, op, 0, 0, NULL, 0, NULL, 0, &rep, &body))
		return -1;
	if (body)
		copy_addr(addr, len, body, rep.addrlen);
	free(body);
	return 0;
}

int getsockname(int fd, struct sockaddr *addr, socklen_t *len)
{
	struct wsock *ws = ws_get(fd);

	if (!ws)
		return real.getsockname(fd, addr, len);
	return sock_name(fd, ws, LSOCK_GETSOCKNAME, addr, len);
}

int getpeername(int fd, struct sockaddr *addr, socklen_t *len)
{
	struct wsock *ws = ws_get(fd);

	if (!ws)
		return real.getpeername(fd, addr, len);
	return sock_name(fd, ws, LSOCK_GETPEERNAME, addr, len);
}

int shutdown(int fd, int how)
{
	struct wsock *ws = ws_get(fd);
	struct lsock_rep rep;

	if (!ws)
		return real.shutdown(fd, how);
	return ws_call(fd, ws, LSOCK_SHUTDOWN, how, 0, NULL, 0, NULL, 0, &rep, NULL);
}
