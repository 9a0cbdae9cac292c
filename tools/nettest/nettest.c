/* `nettest`, the socket tool of Linux's selftests (tools/testing/selftests/
 * net/nettest.c), as far as the selftests skbox runs use it: a TCP or UDP
 * (-D) server (-s, -l ADDR) that echoes one message, a client (-r ADDR)
 * that sends "Hello world!" and waits for it back, or both at once (-B)
 * with the client in namespace -N and the server in -O (nettest's usage:
 * "-N ns  set client to network namespace ns", "-O ns  set server to…").  Port -p (12345),
 * timeout -t (5 s).  Exit status 0 when the message made the round trip,
 * 1 otherwise; log lines as nettest prints them (none with -q).  -Q sets the
 * DS field of both sockets (IP_TOS, or IPV6_TCLASS with -6); -U (connect the
 * UDP client) is what this client always does.  Inside the world both
 * ends are tasks, so `nettest -B` works between the world's namespaces. */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "linux/sched.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "skbox/cmd.h"
#include "skbox/socket.h"

#define NETTEST_PORT 12345
#define NETTEST_MSG "Hello world!"

struct nettest {
	struct cmd_ctx *ctx;
	struct world *w;
	bool both, server, udp, quiet, ipv6;
	int dsfield;			/* -Q; 0 = leave the socket's */
	const char *local, *remote;	/* -l, -r */
	const char *client_ns, *server_ns;	/* -N, -O */
	int port;
	int timeout_ms;
	/* -B: the server's readiness, and the tasks' ends */
	bool server_ready, server_done;
	int server_rc;
	struct wait_queue_head wq;
	struct task *server_task;
};

static void nt_log(struct nettest *nt, const char *who, const char *fmt, const char *arg)
{
	struct timespec ts;
	long s;

	if (nt->quiet)
		return;
	skbox_gettime(nt->w, &ts);
	s = ts.tv_sec;
	fprintf(nt->ctx->out, "%02ld:%02ld:%02ld %s:", s / 3600 % 24, s / 60 % 60, s % 60, who);
	fprintf(nt->ctx->out, fmt, arg);
	fputc('\n', nt->ctx->out);
}

/* the address of -l/-r in the family of -6; *len its size */
static int nt_addr(const struct nettest *nt, const char *s, int port,
		   struct sockaddr_storage *ss, socklen_t *len)
{
	memset(ss, 0, sizeof(*ss));
	if (nt->ipv6) {
		struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((unsigned short)port);
		*len = sizeof(*sin6);
		return s && inet_pton(AF_INET6, s, &sin6->sin6_addr) != 1 ? -1 : 0;
	}
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;

	sin->sin_family = AF_INET;
	sin->sin_port = htons((unsigned short)port);
	*len = sizeof(*sin);
	return s && inet_pton(AF_INET, s, &sin->sin_addr) != 1 ? -1 : 0;
}

/* set_dsfield() of nettest.c */
static int nt_socket(struct nettest *nt, int type)
{
	int fd = skbox_socket(nt->w, nt->ipv6 ? AF_INET6 : AF_INET, type, 0);

	if (fd < 0 || !nt->dsfield)
		return fd;
	if (skbox_setsockopt(nt->w, fd, nt->ipv6 ? SOL_IPV6 : SOL_IP,
			     nt->ipv6 ? IPV6_TCLASS : IP_TOS, &nt->dsfield, sizeof(nt->dsfield))) {
		skbox_close(nt->w, fd);
		return -1;
	}
	return fd;
}

/* Waits for fd to be readable (or writable), up to -t. */
static int nt_wait(struct nettest *nt, int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };
	int r = skbox_poll(nt->w, &p, 1, nt->timeout_ms);

	return r > 0 ? 0 : r == 0 ? -ETIMEDOUT : r;
}

/* The server's half: one message echoed back.  0 or 1. */
static int nt_serve_fd(struct nettest *nt, int lfd)
{
	char buf[256];
	struct sockaddr_storage peer;
	socklen_t pl = sizeof(peer);
	int fd = lfd, err;
	ssize_t n;

	if (!nt->udp) {
		if ((err = nt_wait(nt, lfd, POLLIN)) ||
		    (fd = skbox_accept(nt->w, lfd, (struct sockaddr *)&peer, &pl)) < 0) {
			/* -EINTR: -B's client gave up and ended the server */
			if (err != -EINTR)
				nt_log(nt, "server", "%s", err == -ETIMEDOUT ?
				       "Timed out waiting for connection" : "accept failed");
			return 1;
		}
	} else if (nt_wait(nt, lfd, POLLIN)) {
		nt_log(nt, "server", "%s", "Timed out waiting for message");
		return 1;
	}
	n = skbox_recvfrom(nt->w, fd, buf, sizeof(buf) - 1, MSG_DONTWAIT,
			   (struct sockaddr *)&peer, &pl);
	if (n < 0 && !nt->udp && !nt_wait(nt, fd, POLLIN))
		n = skbox_recv(nt->w, fd, buf, sizeof(buf) - 1, MSG_DONTWAIT);
	if (n > 0) {
		buf[n] = 0;
		nt_log(nt, "server", "%s", "Incoming message:");
		nt_log(nt, "server", "    %s", buf);
		n = skbox_sendto(nt->w, fd, buf, (size_t)n, 0, nt->udp ? (struct sockaddr *)&peer : NULL,
				 nt->udp ? pl : 0);
	}
	if (fd != lfd)
		skbox_close(nt->w, fd);
	return n > 0 ? 0 : 1;
}

static int nt_server(struct nettest *nt)
{
	struct sockaddr_storage me;
	socklen_t ml;
	int one = 1, fd, rc;

	if (nt_addr(nt, nt->local, nt->port, &me, &ml))
		return 1;
	fd = nt_socket(nt, nt->udp ? SOCK_DGRAM : SOCK_STREAM);
	if (fd < 0)
		return 1;
	skbox_setsockopt(nt->w, fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (skbox_bind(nt->w, fd, (struct sockaddr *)&me, ml) ||
	    (!nt->udp && skbox_listen(nt->w, fd, 1))) {
		nt_log(nt, "server", "%s", "Failed to bind to address: Address already in use");
		skbox_close(nt->w, fd);
		return 1;
	}
	nt_log(nt, "server", "%s", "waiting for client connection.");
	nt->server_ready = true;
	wake_up(&nt->wq);
	rc = nt_serve_fd(nt, fd);
	skbox_close(nt->w, fd);
	return rc;
}

static int nt_connect(struct nettest *nt, int fd, const struct sockaddr_storage *dst,
		      socklen_t dl)
{
	int err = skbox_connect(nt->w, fd, (const struct sockaddr *)dst, dl), so = 0;
	socklen_t l = sizeof(so);

	if (err != -EINPROGRESS)
		return err;
	err = nt_wait(nt, fd, POLLOUT);
	if (err)
		return err;
	skbox_getsockopt(nt->w, fd, SOL_SOCKET, SO_ERROR, &so, &l);
	return -so;
}

/* The client's half: send, wait for the echo.  0 or 1. */
static int nt_client(struct nettest *nt)
{
	struct sockaddr_storage dst;
	socklen_t dl;
	char buf[256];
	ssize_t n = -1;
	int fd, err;

	if (nt_addr(nt, nt->remote, nt->port, &dst, &dl))
		return 1;
	fd = nt_socket(nt, (nt->udp ? SOCK_DGRAM : SOCK_STREAM) | SOCK_NONBLOCK);
	if (fd < 0)
		return 1;
	err = nt_connect(nt, fd, &dst, dl);
	if (err) {
		nt_log(nt, "client", " Failed to connect to remote host: %s", strerror(-err));
		skbox_close(nt->w, fd);
		return 1;
	}
	if (skbox_send(nt->w, fd, NETTEST_MSG, strlen(NETTEST_MSG), 0) > 0) {
		nt_log(nt, "client", "%s", "Sent message:");
		nt_log(nt, "client", "    %s", NETTEST_MSG);
		if (!nt_wait(nt, fd, POLLIN))
			n = skbox_recv(nt->w, fd, buf, sizeof(buf) - 1, MSG_DONTWAIT);
	}
	if (n > 0) {
		buf[n] = 0;
		nt_log(nt, "client", "%s", "Incoming message:");
		nt_log(nt, "client", "    %s", buf);
	} else {
		nt_log(nt, "client", "%s", n == 0 ? "Peer closed the connection" :
		       "Timed out waiting for response");
	}
	skbox_close(nt->w, fd);
	return n > 0 && !strcmp(buf, NETTEST_MSG) ? 0 : 1;
}

static int nt_server_task(void *arg)
{
	struct nettest *nt = arg;

	nt->server_rc = nt_server(nt);
	nt->server_done = true;
	wake_up(&nt->wq);
	return nt->server_rc;
}

static struct net *nt_netns(struct nettest *nt, const char *name)
{
	struct net *net = name ? get_net_ns_by_name(nt->w, name) : nt->ctx->net;

	if (!net)
		fprintf(nt->ctx->err, "Failed to open netns %s: No such file or directory\n", name);
	return net;
}

/* -B: the server as a task in -O, the client here but in -N. */
static int nt_both(struct nettest *nt)
{
	struct net *sn = nt_netns(nt, nt->server_ns), *cn = nt_netns(nt, nt->client_ns), *own;
	struct task *me = nt->w->current;
	int rc;

	if (!sn || !cn)
		return 1;
	nt->server_task = task_spawn(nt->w, sn, "nettest", nt_server_task, nt);
	if (!nt->server_task)
		return 1;
	while (!nt->server_ready && !nt->server_done)
		if (task_wait(nt->w, &nt->wq, 0) == -EINTR)
			break;
	rc = 1;
	if (nt->server_ready) {
		nt_log(nt, "client", "%s", "Server is ready");
		own = me->net;
		me->net = cn;	/* the client's sockets are made in -O */
		rc = nt_client(nt);
		me->net = own;
	}
	if (!nt->server_done)
		task_signal(nt->server_task, SIGTERM);
	while (!nt->server_done)
		task_wait(nt->w, &nt->wq, 0);
	task_free(nt->server_task);
	nt_log(nt, "client", "%s", "parent is done!");
	return rc || nt->server_rc ? 1 : 0;
}

static int nt_parse(struct nettest *nt, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (a[0] != '-' || !a[1] || a[2])
			return -1;
		if (strchr("lrpNOtQ", a[1]) && !v)
			return -1;
		switch (a[1]) {
		case 'B': nt->both = true; continue;
		case 's': nt->server = true; continue;
		case 'D': nt->udp = true; continue;
		case 'T': continue;
		case 'q': nt->quiet = true; continue;
		case 'U': continue;	/* the UDP client connects anyway */
		case '6': nt->ipv6 = true; continue;
		case 'Q': {
			char *end;
			long d = strtol(v, &end, 0);

			if (*end || d < 0 || d > 255)
				return -2;
			nt->dsfield = (int)d;
			break;
		}
		case 'l': nt->local = v; break;
		case 'r': nt->remote = v; break;
		case 'p': nt->port = atoi(v); break;
		case 'N': nt->client_ns = v; break;
		case 'O': nt->server_ns = v; break;
		case 't': nt->timeout_ms = atoi(v) * 1000; break;
		default: return -1;
		}
		i++;
	}
	return 0;
}

int do_nettest(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct nettest nt = { .ctx = ctx, .w = ctx->world, .port = NETTEST_PORT,
			      .timeout_ms = 5000 };

	init_waitqueue_head(&nt.wq);

	switch (nt_parse(&nt, argc, argv)) {
	case 0:
		break;
	case -2:
		fprintf(ctx->err, "Invalid DS Field\n");
		return 1;
	default:
		fprintf(ctx->err, "skbox: nettest: only -B -s -D -U -q -6 -Q -l -r -p -N -O -t are available\n");
		return 1;
	}
	if (nt.port <= 0 || nt.port > 65535) {
		fprintf(ctx->err, "Invalid port number\n");
		return 1;
	}
	if ((nt.both || !nt.server) && !nt.remote && !nt.local) {
		fprintf(ctx->err, "Local (server mode) or remote IP (client IP) required\n");
		return 1;
	}
	if (nt.both)
		return nt_both(&nt);
	return nt.server ? nt_server(&nt) : nt_client(&nt);
}
