/* libskbox-preload.so: a host program's IPv4 and IPv6 sockets are the world's.
 *
 * `ip netns exec NS PROGRAM` and `skbox run --bash` start real programs
 * (socat, python, traceroute, ping) with this library in LD_PRELOAD.  Its
 * socket(AF_INET or AF_INET6, …) opens a connection to the world
 * ($SKBOX_DIR/sock) that runs the hidden command `sockproxy` in
 * $SKBOX_NETNS; the fd the program gets is that connection.  Every call on
 * it — bind, connect, accept, send/recv and read/write, socket options,
 * names, shutdown, poll and select — becomes a request on the connection
 * that the world runs with its socket API (tools/skbox/live_sock.c),
 * blocking as the kernel's call would.  Addresses (sockaddr_in,
 * sockaddr_in6), option values and control messages (IP_RECVERR,
 * IPV6_RECVERR with its offender, IPV6_HOPLIMIT) cross as the bytes the
 * program gave or gets: both ends are on one machine.  close() (the last
 * one: dup and fork share the connection as they share a socket) closes the
 * world's socket.  A socket the world refuses fails with the world's errno
 * (EACCES for a ping socket outside net.ipv4.ping_group_range: iputils'
 * ping then takes a raw one, as it does on the kernel).
 *
 * socket(AF_INET6, …) is the world's too (its namespaces have IPv6);
 * AF_UNIX, netlink, AF_PACKET, files and pipes are the host's, untouched.
 * Inside skbox itself (a shim, or `skbox up` started from such a shell)
 * the library stays idle.
 *
 * epoll (epoll.c) mixes world sockets with host fds as poll() does.
 * Not covered: a socket passed across exec (the new program
 * does not know its fd is a world socket); two threads using one socket at
 * once take turns. */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include "live.h"
#include "live_sock.h"
#include "preload.h"

struct preload_real real;
static bool active;

__attribute__((constructor)) static void preload_init(void)
{
	char exe[PATH_MAX], me[PATH_MAX];
	Dl_info info;
	ssize_t n;

	preload_resolve(&real);
	/* idle in skbox itself: its shims talk to the world over AF_UNIX, and
	 * `skbox up` must keep the host sockets of its own devices */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0 && dladdr((void *)preload_init, &info) && info.dli_fname &&
	    realpath(info.dli_fname, me)) {
		char *slash = strrchr(me, '/');

		exe[n] = 0;
		if (slash && !strncmp(exe, me, (size_t)(slash - me + 1)) &&
		    !strcmp(exe + (slash - me + 1), "skbox"))
			return;
	}
	active = getenv("SKBOX_DIR") && *getenv("SKBOX_DIR");
}

/* ---- the table of world sockets, by the program's fd ---- */

#define WS_FD_MAX 65536
static struct wsock *ws_table[WS_FD_MAX];

/* Another library's constructor may call in before ours has run. */
void preload_ready(void)
{
	if (!real.close)
		preload_resolve(&real);
}

struct wsock *ws_get(int fd)
{
	preload_ready();
	if (!active || fd < 0 || fd >= WS_FD_MAX)
		return NULL;
	return ws_table[fd];
}

static void ws_put(struct wsock *ws)
{
	if (--ws->refs)
		return;
	free(ws->fbuf);
	free(ws->rbuf);
	free(ws);
}

static void ws_unlink(int fd)
{
	struct wsock *ws = ws_get(fd);

	if (!ws)
		return;
	ws_table[fd] = NULL;
	ws_put(ws);
}

static void ws_link(int fd, struct wsock *ws)
{
	if (fd < 0 || fd >= WS_FD_MAX)
		return;
	ws_unlink(fd);
	ws->refs++;
	ws_table[fd] = ws;
}

/* ---- the connection ---- */

static int conn_open(void)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	const char *dir = getenv("SKBOX_DIR");
	int fd;

	if (!dir || snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/sock", dir) >=
		    (int)sizeof(sa.sun_path))
		return -ENAMETOOLONG;
	fd = real.socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (real.connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		int err = errno;

		real.close(fd);
		return -(err == ENOENT || err == ECONNREFUSED ? ENETDOWN : err);
	}
	return fd;
}

/* The exec frame: flags (stdin follows), namespace, cwd (empty), argv. */
static int conn_exec(int fd, char *const argv[])
{
	const char *ns = getenv("SKBOX_NETNS");
	char buf[1024];
	uint32_t flags = LIVE_F_STDIN;
	size_t off = 4;

	memcpy(buf, &flags, 4);
	off += (size_t)snprintf(buf + off, sizeof(buf) - off, "%s", ns ? ns : "") + 1;
	/* no cwd: the server keeps its own (a sockproxy opens no file) */
	buf[off++] = '\0';
	for (int i = 0; argv[i] && off < sizeof(buf) - 64; i++)
		off += (size_t)snprintf(buf + off, sizeof(buf) - off - 1, "%s", argv[i]) + 1;
	return ws_send_frame(fd, LIVE_EXEC, buf, off, NULL, 0);
}

static void comm_of_self(char *comm, size_t len)
{
	int fd = open("/proc/self/comm", O_RDONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? real.read(fd, comm, len - 1) : -1;

	if (fd >= 0)
		real.close(fd);
	if (n <= 0)
		n = snprintf(comm, len, "host");
	comm[n] = 0;
	comm[strcspn(comm, "\n")] = 0;
}

/* A connection running sockproxy with ARGS: the program's new fd, or -1
 * with errno (the world's socket() error). */
int ws_open(const char *a1, const char *a2, const char *a3, int type)
{
	char comm[32];
	char *argv[] = { LSOCK_CMD, comm, (char *)a1, (char *)a2, (char *)a3, NULL };
	struct lsock_rep rep;
	struct wsock *ws;
	bool replied;
	int fd = conn_open();

	if (fd < 0)
		return errno = -fd, -1;
	comm_of_self(comm, sizeof(comm));
	ws = calloc(1, sizeof(*ws));
	if (!ws || conn_exec(fd, argv)) {
		free(ws);
		real.close(fd);
		return errno = ENOMEM, -1;
	}
	ws->type = type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
	ws_link(fd, ws);
	replied = !ws_reply(fd, ws, &rep, NULL);
	if (!replied || rep.ret < 0) {
		/* a refused socket's reply comes with the command's exit
		 * status (the connection dead): its error stands */
		int err = replied ? (int)-rep.ret : ENETDOWN;

		ws_unlink(fd);
		real.close(fd);
		return errno = err, -1;
	}
	ws->wfd = (int)rep.ret;
	if (!(type & SOCK_CLOEXEC))
		real.fcntl(fd, F_SETFD, 0);
	if (type & SOCK_NONBLOCK)
		real.fcntl(fd, F_SETFL, real.fcntl(fd, F_GETFL) | O_NONBLOCK);
	return fd;
}

/* ---- the calls ---- */

int socket(int domain, int type, int protocol)
{
	char d[16], t[16], p[16];

	preload_ready();
	if (!active || (domain != AF_INET && domain != AF_INET6))
		return real.socket(domain, type, protocol);
	snprintf(d, sizeof(d), "%d", domain);
	snprintf(t, sizeof(t), "%d", type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC));
	snprintf(p, sizeof(p), "%d", protocol);
	return ws_open(d, t, p, type);
}

int close(int fd)
{
	struct wsock *ws = ws_get(fd);

	if (ws && ws->refs == 1)
		pep_forget_ws(ws);
	pep_close_fd(fd);
	ws_unlink(fd);
	return real.close(fd);
}

int dup(int fd)
{
	struct wsock *ws = ws_get(fd);
	int nfd = real.dup(fd);

	if (nfd >= 0 && ws)
		ws_link(nfd, ws);
	return nfd;
}

int dup2(int fd, int nfd)
{
	struct wsock *ws = ws_get(fd);
	int rc;

	if (fd == nfd)
		return real.dup2(fd, nfd);
	rc = real.dup2(fd, nfd);
	if (rc >= 0) {
		ws_unlink(nfd);
		if (ws)
			ws_link(nfd, ws);
	}
	return rc;
}

int dup3(int fd, int nfd, int flags)
{
	struct wsock *ws = ws_get(fd);
	int rc = real.dup3(fd, nfd, flags);

	if (rc >= 0) {
		ws_unlink(nfd);
		if (ws)
			ws_link(nfd, ws);
	}
	return rc;
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;
	int rc;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	preload_ready();
	rc = real.fcntl(fd, cmd, arg);
	if (rc >= 0 && (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) && ws_get(fd))
		ws_link(rc, ws_get(fd));
	return rc;
}

int fcntl64(int fd, int cmd, ...) __attribute__((alias("fcntl")));

int ioctl(int fd, unsigned long req, ...)
{
	struct wsock *ws = ws_get(fd);
	struct lsock_rep rep;
	va_list ap;
	void *arg;

	va_start(ap, req);
	arg = va_arg(ap, void *);
	va_end(ap);
	if (!ws || (req != FIONREAD && req != SIOCOUTQ && req != SIOCOUTQNSD))
		return real.ioctl(fd, req, arg);
	/* SIOCINQ (FIONREAD), SIOCOUTQ (TIOCOUTQ), SIOCOUTQNSD: the world
	 * socket's queues, not those of its connection to the world */
	if (ws_call(fd, ws, LSOCK_IOCTL, (int)req, 0, NULL, 0, NULL, 0, &rep, NULL))
		return -1;
	*(int *)arg = (int)rep.ret;
	return 0;
}
