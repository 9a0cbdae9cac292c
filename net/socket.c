/* The socket system calls of a world (net/socket.c): a table of file
 * descriptors per world, and skbox_socket()/bind()/sendto()/recvmsg()/
 * poll()… dispatching to the socket's proto_ops.  Blocking calls park the
 * calling task. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <netinet/in.h>
#include "linux/eventpoll.h"
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "linux/sched.h"
#include "net/inet_common.h"
#include "net/net_namespace.h"
#include "net/sock.h"
#include "net/world.h"
#include "skbox/socket.h"

int inet6_create(struct net *net, struct socket *sock, int type, int protocol);

static struct net *current_net(struct world *w)
{
	return w->current ? w->current->net : w->init_net;
}

/* Any file of the table: a socket or an epoll instance. */
struct socket *sockfd_lookup(struct world *w, int fd)
{
	if (fd < 0 || fd >= w->nfiles)
		return NULL;
	return w->files[fd];
}

/* sockfd_lookup() for the socket calls: -EBADF, or -ENOTSOCK for an epoll fd. */
static struct socket *sock_lookup(struct world *w, int fd, int *err)
{
	struct socket *sock = sockfd_lookup(w, fd);

	*err = !sock ? -EBADF : is_file_epoll(sock) ? -ENOTSOCK : 0;
	return *err ? NULL : sock;
}

int fd_install(struct world *w, struct socket *sock)
{
	int fd;

	for (fd = 3; fd < w->nfiles; fd++)
		if (!w->files[fd])
			break;
	if (fd >= w->nfiles) {
		int n = w->nfiles ? w->nfiles * 2 : 16;
		struct socket **f = krealloc(w->files, (size_t)n * sizeof(*f));

		if (!f)
			return -EMFILE;
		memset(f + w->nfiles, 0, (size_t)(n - w->nfiles) * sizeof(*f));
		w->files = f;
		w->nfiles = n;
	}
	w->files[fd] = sock;
	sock->fd = fd;
	if (sock->sk)	/* an open socket keeps its namespace */
		get_net(sock->sk->sk_net);
	if (w->current) {
		sock->owner_pid = w->current->pid;
		memcpy(sock->owner_comm, w->current->comm, sizeof(sock->owner_comm));
	}
	return fd;
}

int skbox_socket(struct world *w, int domain, int type, int protocol)
{
	struct socket *sock;
	bool nonblock = type & SOCK_NONBLOCK;
	int err, fd;

	type &= ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	if (domain != AF_INET && domain != AF_INET6)
		return -EAFNOSUPPORT;
	sock = kzalloc(sizeof(*sock));
	if (!sock)
		return -ENOMEM;
	err = domain == AF_INET6 ? inet6_create(current_net(w), sock, type, protocol) :
				   inet_create(current_net(w), sock, type, protocol);
	if (err) {
		free(sock);
		return err;
	}
	sock->nonblock = nonblock;
	fd = fd_install(w, sock);
	if (fd < 0) {
		sock->ops->release(sock);
		free(sock);
	}
	return fd;
}

int skbox_close(struct world *w, int fd)
{
	struct socket *sock = sockfd_lookup(w, fd);
	struct net *net;

	if (!sock)
		return -EBADF;
	net = sock->sk ? sock->sk->sk_net : NULL;
	w->files[fd] = NULL;
	eventpoll_release(sock);
	sock->ops->release(sock);
	free(sock);
	if (net)
		put_net(net);
	if (w->nfiles && fd == w->nfiles - 1) {
		/* nothing: the table only grows */
	}
	return 0;
}

/* Free the table at world teardown: open sockets are leaks, but close them. */
void skbox_files_release(struct world *w)
{
	for (int fd = 0; fd < w->nfiles; fd++)
		if (w->files[fd])
			skbox_close(w, fd);
	free(w->files);
	w->files = NULL;
	w->nfiles = 0;
}

int skbox_bind(struct world *w, int fd, const struct sockaddr *addr, socklen_t len)
{
	int err;
	struct socket *sock = sock_lookup(w, fd, &err);

	return sock ? sock->ops->bind(sock, addr, (int)len) : err;
}

int skbox_connect(struct world *w, int fd, const struct sockaddr *addr, socklen_t len)
{
	int err;
	struct socket *sock = sock_lookup(w, fd, &err);

	return sock ? sock->ops->connect(sock, addr, (int)len, 0) : err;
}

int skbox_listen(struct world *w, int fd, int backlog)
{
	int err;
	struct socket *sock = sock_lookup(w, fd, &err);

	if (!sock)
		return err;
	if (!sock->ops->listen)
		return -EOPNOTSUPP;
	if (backlog < 0 || backlog > current_net(w)->core.sysctl_somaxconn)
		backlog = current_net(w)->core.sysctl_somaxconn;
	return sock->ops->listen(sock, backlog);
}

/* __sys_accept4(): a new socket for the next established connection */
int skbox_accept(struct world *w, int fd, struct sockaddr *addr, socklen_t *len)
{
	int err, nfd;
	struct socket *sock = sock_lookup(w, fd, &err), *newsock;

	if (!sock)
		return err;
	if (!sock->ops->accept)
		return -EOPNOTSUPP;
	newsock = kzalloc(sizeof(*newsock));
	if (!newsock)
		return -ENOMEM;
	newsock->type = sock->type;
	newsock->ops = sock->ops;
	err = sock->ops->accept(sock, newsock, 0);
	if (err) {
		free(newsock);
		return err;
	}
	nfd = fd_install(w, newsock);
	if (nfd < 0) {
		newsock->ops->release(newsock);
		free(newsock);
		return nfd;
	}
	if (addr && len) {
		struct sockaddr_storage sin;
		int n = newsock->ops->getname(newsock, (struct sockaddr *)&sin, 1);

		if (n > 0) {
			memcpy(addr, &sin, *len < (socklen_t)n ? *len : (socklen_t)n);
			*len = (socklen_t)n;
		}
	}
	return nfd;
}

ssize_t skbox_sendmsg(struct world *w, int fd, const struct msghdr *msg, int flags)
{
	int err;
	struct socket *sock = sock_lookup(w, fd, &err);
	size_t len = 0;

	if (!sock)
		return err;
	for (size_t i = 0; i < msg->msg_iovlen; i++)
		len += msg->msg_iov[i].iov_len;
	return sock->ops->sendmsg(sock, msg, len, flags);
}

ssize_t skbox_sendto(struct world *w, int fd, const void *buf, size_t len, int flags,
		     const struct sockaddr *addr, socklen_t alen)
{
	struct iovec iov = { .iov_base = (void *)buf, .iov_len = len };
	struct msghdr msg = { .msg_name = (void *)addr, .msg_namelen = addr ? alen : 0,
			      .msg_iov = &iov, .msg_iovlen = 1 };

	return skbox_sendmsg(w, fd, &msg, flags);
}

ssize_t skbox_send(struct world *w, int fd, const void *buf, size_t len, int flags)
{
	return skbox_sendto(w, fd, buf, len, flags, NULL, 0);
}

ssize_t skbox_recvmsg(struct world *w, int fd, struct msghdr *msg, int flags)
{
	int err;
	struct socket *sock = sock_lookup(w, fd, &err);
	size_t len = 0;

	if (!sock)
		return err;
	for (size_t i = 0; i < msg->msg_iovlen; i++)
		len += msg->msg_iov[i].iov_len;
	msg->msg_flags = 0;
	return sock->ops->recvmsg(sock, msg, len, flags);
}

ssize_t skbox_recvfrom(struct world *w, int fd, void *buf, size_t len, int flags,
		       struct sockaddr *addr, socklen_t *alen)
{
	struct iovec iov = { .iov_base = buf, .iov_len = len };
	struct msghdr msg = { .msg_name = addr, .msg_namelen = alen ? *alen : 0,
			      .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n = skbox_recvmsg(w, fd, &msg, flags);

	if (n >= 0 && alen)
		*alen = msg.msg_namelen;
	return n;
}

ssize_t skbox_recv(struct world *w, int fd, void *buf, size_t len, int flags)
{
	return skbox_recvfrom(w, fd, buf, len, flags, NULL, NULL);
}

int skbox_shutdown(struct world *w, int fd, int how)
{
	int err;
	struct socket *sock = sock_lookup(w, fd, &err);

	return sock ? sock->ops->shutdown(sock, how) : err;
}

int skbox_setsockopt(struct world *w, int fd, int level, int name, const void *val,
		     socklen_t len)
{
	int err;
	struct socket *sock = sock_lookup(w, fd, &err);

	return sock ? sock->ops->setsockopt(sock, level, name, val, len) : err;
}

int skbox_getsockopt(struct world *w, int fd, int level, int name, void *val, socklen_t *len)
{
	unsigned int l = len ? *len : 0;
	int err;
	struct socket *sock = sock_lookup(w, fd, &err);

	if (!sock)
		return err;
	err = sock->ops->getsockopt(sock, level, name, val, &l);
	if (len)
		*len = l;
	return err;
}

static int getname(struct world *w, int fd, struct sockaddr *addr, socklen_t *len, int peer)
{
	int err;
	struct socket *sock = sock_lookup(w, fd, &err);
	struct sockaddr_storage sin;
	int n;

	if (!sock)
		return err;
	n = sock->ops->getname(sock, (struct sockaddr *)&sin, peer);
	if (n < 0)
		return n;
	memcpy(addr, &sin, *len < (socklen_t)n ? *len : (socklen_t)n);
	*len = (socklen_t)n;
	return 0;
}

int skbox_getsockname(struct world *w, int fd, struct sockaddr *addr, socklen_t *len)
{
	return getname(w, fd, addr, len, 0);
}

int skbox_getpeername(struct world *w, int fd, struct sockaddr *addr, socklen_t *len)
{
	return getname(w, fd, addr, len, 1);
}

static int poll_once(struct world *w, struct pollfd *fds, nfds_t n)
{
	int ready = 0;

	for (nfds_t i = 0; i < n; i++) {
		struct socket *sock = sockfd_lookup(w, fds[i].fd);
		unsigned int mask = sock ? sock->ops->poll(sock) : POLLNVAL;

		fds[i].revents = (short)(mask & ((unsigned int)fds[i].events | POLLERR | POLLHUP |
						  POLLNVAL));
		if (fds[i].revents)
			ready++;
	}
	return ready;
}

/* Waits on every socket's queue at once by parking on each wait queue. */
int skbox_poll(struct world *w, struct pollfd *fds, nfds_t n, int timeout_ms)
{
	struct task *t = w->current;
	u64 deadline = timeout_ms < 0 ? 0 : w->now + (u64)timeout_ms * NSEC_PER_MSEC;

	for (;;) {
		struct wait_queue_entry extra[8];
		int ready = poll_once(w, fds, n), err;

		if (ready || timeout_ms == 0)
			return ready;
		if (!t)
			return 0;
		if (timeout_ms > 0 && w->now >= deadline)
			return 0;
		for (nfds_t i = 0; i < n && i < 8; i++) {
			struct socket *sock = sockfd_lookup(w, fds[i].fd);

			INIT_LIST_HEAD(&extra[i].entry);
			extra[i].task = t;
			extra[i].func = NULL;
			if (sock && i > 0)
				list_add_tail(&extra[i].entry, &sock_wait_head(sock)->head);
		}
		{
			struct socket *s0 = n ? sockfd_lookup(w, fds[0].fd) : NULL;

			err = task_wait(w, s0 ? sock_wait_head(s0) : NULL,
					timeout_ms < 0 ? 0 : deadline - w->now);
		}
		for (nfds_t i = 1; i < n && i < 8; i++)
			list_del(&extra[i].entry);
		if (err == -EINTR)
			return -EINTR;
	}
}

/* sock_ioctl() → inet_ioctl() → sk_prot->ioctl (tcp_ioctl, udp_ioctl) */
int skbox_ioctl(struct world *w, int fd, unsigned long req, void *arg)
{
	int err, v = 0;
	struct socket *sock = sock_lookup(w, fd, &err);

	if (!sock)
		return err == -ENOTSOCK ? -ENOTTY : err;
	if (!arg)
		return -EFAULT;
	if (!sock->sk->sk_prot->ioctl)
		return -ENOTTY;
	err = sock->sk->sk_prot->ioctl(sock->sk, (int)req, &v);
	if (err == -ENOIOCTLCMD)
		return -ENOTTY;
	if (!err)
		memcpy(arg, &v, sizeof(v));
	return err;
}

void skbox_gettime(struct world *w, struct timespec *ts)
{
	ts->tv_sec = (time_t)(w->now / NSEC_PER_SEC);
	ts->tv_nsec = (long)(w->now % NSEC_PER_SEC);
}

int skbox_nanosleep(struct world *w, unsigned long long ns)
{
	return task_sleep(w, ns);
}

int skbox_signal_pending(struct world *w)
{
	return w->current && task_signal_pending(w->current);
}

unsigned int skbox_if_nametoindex(struct world *w, const char *name)
{
	struct net_device *dev = __dev_get_by_name(current_net(w), name);

	return dev ? (unsigned int)dev->ifindex : 0;
}
