/* libskbox-preload.so internals (skbox-preload.c has the overview). */
#ifndef SKBOX_PRELOAD_H
#define SKBOX_PRELOAD_H

#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <time.h>
#include "live_sock.h"

/* The libc functions this library stands in front of. */
struct preload_real {
	int (*socket)(int, int, int);
	int (*close)(int);
	int (*dup)(int);
	int (*dup2)(int, int);
	int (*dup3)(int, int, int);
	int (*fcntl)(int, int, ...);
	int (*ioctl)(int, unsigned long, ...);
	ssize_t (*read)(int, void *, size_t);
	ssize_t (*write)(int, const void *, size_t);
	ssize_t (*readv)(int, const struct iovec *, int);
	ssize_t (*writev)(int, const struct iovec *, int);
	int (*bind)(int, const struct sockaddr *, socklen_t);
	int (*connect)(int, const struct sockaddr *, socklen_t);
	int (*listen)(int, int);
	int (*accept)(int, struct sockaddr *, socklen_t *);
	int (*accept4)(int, struct sockaddr *, socklen_t *, int);
	ssize_t (*send)(int, const void *, size_t, int);
	ssize_t (*sendto)(int, const void *, size_t, int, const struct sockaddr *, socklen_t);
	ssize_t (*sendmsg)(int, const struct msghdr *, int);
	ssize_t (*recv)(int, void *, size_t, int);
	ssize_t (*recvfrom)(int, void *, size_t, int, struct sockaddr *, socklen_t *);
	ssize_t (*recvmsg)(int, struct msghdr *, int);
	int (*setsockopt)(int, int, int, const void *, socklen_t);
	int (*getsockopt)(int, int, int, void *, socklen_t *);
	int (*getsockname)(int, struct sockaddr *, socklen_t *);
	int (*getpeername)(int, struct sockaddr *, socklen_t *);
	int (*shutdown)(int, int);
	int (*poll)(struct pollfd *, nfds_t, int);
	int (*ppoll)(struct pollfd *, nfds_t, const struct timespec *, const sigset_t *);
	int (*select)(int, fd_set *, fd_set *, fd_set *, struct timeval *);
	int (*pselect)(int, fd_set *, fd_set *, fd_set *, const struct timespec *,
		       const sigset_t *);
	int (*epoll_create)(int);
	int (*epoll_create1)(int);
	int (*epoll_ctl)(int, int, int, struct epoll_event *);
	int (*epoll_wait)(int, struct epoll_event *, int, int);
	int (*epoll_pwait)(int, struct epoll_event *, int, int, const sigset_t *);
};

extern struct preload_real real;
void preload_resolve(struct preload_real *r);
void preload_ready(void);

/* One world socket; the fds that name it (dup) share it. */
struct wsock {
	int refs;
	int wfd;			/* the world's fd */
	int type;			/* SOCK_STREAM, SOCK_DGRAM, SOCK_RAW */
	bool dead;			/* the world ended the connection */
	bool poll_pending;		/* a LSOCK_POLL waits for its reply */
	unsigned long gen;		/* calls made on it (re-arms EPOLLET, epoll.c) */
	char *fbuf;			/* frames from the world, not whole yet */
	size_t flen, fcap;
	char *rbuf;			/* their stdout: replies, not whole yet */
	size_t rlen, rcap;
};

struct wsock *ws_get(int fd);
/* A new connection running `sockproxy COMM A1 A2 A3`: the program's fd, or
 * -1 with errno.  type: SOCK_NONBLOCK / SOCK_CLOEXEC apply to the fd. */
int ws_open(const char *a1, const char *a2, const char *a3, int type);

/* epoll.c: close() of an epoll fd, last close() of a world socket */
void pep_close_fd(int fd);
void pep_forget_ws(const struct wsock *ws);

/* wire.c */
int ws_send_frame(int fd, uint32_t type, const void *a, size_t alen, const void *b,
		  size_t blen);
int ws_request(int fd, struct wsock *ws, uint32_t op, int a, int b, const void *p1,
	       size_t l1, const void *p2, size_t l2);
/* Waits (up to timeout_ms, -1 forever) for bytes and takes them in:
 * 0, 1 on timeout, -1 with errno (EINTR) or the connection dead. */
int ws_pump(int fd, struct wsock *ws, int timeout_ms);
bool ws_have_reply(const struct wsock *ws);
/* The next reply; *body (if body) gets its address, control and data
 * bytes (malloc'd, NULL when none).  0, or -1 with errno. */
int ws_reply(int fd, struct wsock *ws, struct lsock_rep *rep, char **body);
/* Request and reply: 0, or -1 with errno (the world's -ret). */
int ws_call(int fd, struct wsock *ws, uint32_t op, int a, int b, const void *p1, size_t l1,
	    const void *p2, size_t l2, struct lsock_rep *rep, char **body);

#endif
