/* The socket API of a world, for programs that run inside it (tasks) and for
 * embedders.  Same arguments and errno values as the Linux system calls, with
 * the world first; results are >= 0 or -errno.  A blocking call parks the
 * calling task (only valid inside a task); MSG_DONTWAIT/O_NONBLOCK never park.
 * Sockets are created in the calling task's namespace. */
#ifndef SKBOX_SOCKET_H
#define SKBOX_SOCKET_H

#include <stddef.h>
#include <sys/types.h>
#include <sys/socket.h>
#include <poll.h>
#include <sys/epoll.h>

struct world;

int skbox_socket(struct world *w, int domain, int type, int protocol);
int skbox_close(struct world *w, int fd);
int skbox_bind(struct world *w, int fd, const struct sockaddr *addr, socklen_t len);
int skbox_connect(struct world *w, int fd, const struct sockaddr *addr, socklen_t len);
int skbox_listen(struct world *w, int fd, int backlog);
int skbox_accept(struct world *w, int fd, struct sockaddr *addr, socklen_t *len);
ssize_t skbox_sendto(struct world *w, int fd, const void *buf, size_t len, int flags,
		     const struct sockaddr *addr, socklen_t alen);
ssize_t skbox_send(struct world *w, int fd, const void *buf, size_t len, int flags);
ssize_t skbox_sendmsg(struct world *w, int fd, const struct msghdr *msg, int flags);
ssize_t skbox_recvfrom(struct world *w, int fd, void *buf, size_t len, int flags,
		       struct sockaddr *addr, socklen_t *alen);
ssize_t skbox_recv(struct world *w, int fd, void *buf, size_t len, int flags);
/* MSG_ERRQUEUE reads the error queue (struct sock_extended_err in a
 * SOL_IP/IP_RECVERR control message, as Linux). */
ssize_t skbox_recvmsg(struct world *w, int fd, struct msghdr *msg, int flags);
int skbox_shutdown(struct world *w, int fd, int how);
int skbox_setsockopt(struct world *w, int fd, int level, int name, const void *val,
		     socklen_t len);
int skbox_getsockopt(struct world *w, int fd, int level, int name, void *val,
		     socklen_t *len);
int skbox_getsockname(struct world *w, int fd, struct sockaddr *addr, socklen_t *len);
int skbox_getpeername(struct world *w, int fd, struct sockaddr *addr, socklen_t *len);
/* timeout in ms, -1 forever; parks the task until an event or the timeout. */
int skbox_poll(struct world *w, struct pollfd *fds, nfds_t n, int timeout_ms);

/* epoll over the world's sockets (fs/eventpoll.c): level-triggered unless
 * EPOLLET; EPOLLONESHOT disables an item until EPOLL_CTL_MOD; EPOLLIN/OUT/
 * ERR/HUP/RDHUP as proto_ops.poll reports them; errno values as Linux's
 * (EEXIST, ENOENT, EBADF, EINVAL, ELOOP, EFAULT).  A closed socket leaves
 * every epoll it was on.  epoll_wait's timeout in ms, -1 forever; it parks
 * the task (outside a task it never parks). */
int skbox_epoll_create(struct world *w, int size);
int skbox_epoll_create1(struct world *w, int flags);
int skbox_epoll_ctl(struct world *w, int epfd, int op, int fd, struct epoll_event *event);
int skbox_epoll_wait(struct world *w, int epfd, struct epoll_event *events, int maxevents,
		     int timeout_ms);
/* FIONREAD/SIOCINQ, SIOCOUTQ, SIOCOUTQNSD (int *arg), as Linux's
 * tcp_ioctl/udp_ioctl; anything else -ENOIOCTLCMD's user-visible -ENOTTY. */
int skbox_ioctl(struct world *w, int fd, unsigned long req, void *arg);

/* Time as seen inside the world (virtual by default). */
void skbox_gettime(struct world *w, struct timespec *ts);
/* Sleep inside a task; -EINTR when a signal (SIGINT) arrives. */
int skbox_nanosleep(struct world *w, unsigned long long ns);
/* Non-zero when the current task has a pending signal (e.g. SIGINT from ^C
 * or the runner's --timeout). */
int skbox_signal_pending(struct world *w);
/* Interface index of a device name in the current namespace, or 0. */
unsigned int skbox_if_nametoindex(struct world *w, const char *name);

#endif
