/* `reuseport [-6]`: SO_REUSEPORT's rules as a list of cases with their
 * results, one line each — which binds and listens succeed (EADDRINUSE
 * otherwise), how datagrams and connections of many flows spread over a
 * group, a connected member, a member that closes, a port in TIME_WAIT.
 * Not a Linux tool: tests/kernel/bin/reuseport is the same list in python3
 * for the real kernel, so a transcript compares the two (kernel-run has no
 * IPv6, so -6, the IPv6 and dual-stack cases, is for the unit test).  What
 * is printed holds whatever the hash seed: Linux's differs every boot.  Run
 * it with lo up; it uses ports 5000-7100 and 20000-32100 of 127.0.0.1/::1. */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"

#define RP_MAXFD 256

struct rp {
	struct cmd_ctx *ctx;
	struct world *w;
	int fds[RP_MAXFD];	/* every socket, closed at the end */
	int nfds;
};

static int rp_sock(struct rp *r, int fam, int type, bool rp, bool ra)
{
	int one = 1, fd = skbox_socket(r->w, fam, type, 0);

	if (fd < 0)
		return fd;
	if (rp)
		skbox_setsockopt(r->w, fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
	if (ra)
		skbox_setsockopt(r->w, fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (r->nfds < RP_MAXFD)
		r->fds[r->nfds++] = fd;
	return fd;
}

static void rp_opt(struct rp *r, int fd, int v)
{
	skbox_setsockopt(r->w, fd, SOL_SOCKET, SO_REUSEPORT, &v, sizeof(v));
}

static const char *rp_err(int e)
{
	switch (e) {
	case 0: return "ok";
	case -EADDRINUSE: return "EADDRINUSE";
	case -EINVAL: return "EINVAL";
	case -EADDRNOTAVAIL: return "EADDRNOTAVAIL";
	case -ENOMEM: return "ENOMEM";
	default: return "error";
	}
}

static const char *rp_bind(struct rp *r, int fd, const char *a, int port)
{
	struct sockaddr_storage ss;
	socklen_t l = cmd_sockaddr(&ss, a, port);

	return rp_err(skbox_bind(r->w, fd, (struct sockaddr *)&ss, l));
}

static const char *rp_listen(struct rp *r, int fd)
{
	return rp_err(skbox_listen(r->w, fd, 8));
}

static void rp_case(struct rp *r, const char *name, const char *a, const char *b,
		    const char *c, const char *d)
{
	fprintf(r->ctx->out, "%s: %s %s%s%s%s%s\n", name, a, b, c ? " " : "", c ? c : "",
		d ? " " : "", d ? d : "");
}

static void rp_close_all(struct rp *r)
{
	for (int i = 0; i < r->nfds; i++)
		skbox_close(r->w, r->fds[i]);
	r->nfds = 0;
}

static void rp_udp_binds(struct rp *r)
{
	const int U = SOCK_DGRAM;
	int a, c;
	const char *r1;

	a = rp_sock(r, AF_INET, U, 1, 0), c = rp_sock(r, AF_INET, U, 1, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 5000);
	rp_case(r, "udp4 both reuseport", r1, rp_bind(r, c, "0.0.0.0", 5000), NULL, NULL);
	a = rp_sock(r, AF_INET, U, 1, 0), c = rp_sock(r, AF_INET, U, 0, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 5001);
	rp_case(r, "udp4 reuseport then plain", r1, rp_bind(r, c, "0.0.0.0", 5001), NULL, NULL);
	a = rp_sock(r, AF_INET, U, 0, 0), c = rp_sock(r, AF_INET, U, 1, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 5002);
	rp_case(r, "udp4 plain then reuseport", r1, rp_bind(r, c, "0.0.0.0", 5002), NULL, NULL);
	a = rp_sock(r, AF_INET, U, 0, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 5003);
	rp_opt(r, a, 1);
	c = rp_sock(r, AF_INET, U, 1, 0);
	rp_case(r, "udp4 reuseport set after bind", r1, rp_bind(r, c, "0.0.0.0", 5003), NULL,
		NULL);
	a = rp_sock(r, AF_INET, U, 1, 0), c = rp_sock(r, AF_INET, U, 1, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 5004);
	rp_case(r, "udp4 wildcard and specific", r1, rp_bind(r, c, "127.0.0.1", 5004), NULL,
		NULL);
	a = rp_sock(r, AF_INET, U, 0, 1), c = rp_sock(r, AF_INET, U, 1, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 5007);
	rp_case(r, "udp4 reuseaddr then reuseport", r1, rp_bind(r, c, "0.0.0.0", 5007), NULL,
		NULL);
	rp_close_all(r);
}

static void rp_udp6_binds(struct rp *r)
{
	int a = rp_sock(r, AF_INET, SOCK_DGRAM, 1, 0), c = rp_sock(r, AF_INET6, SOCK_DGRAM, 1, 0);
	const char *r1 = rp_bind(r, a, "0.0.0.0", 5005);

	rp_case(r, "udp4 and udp6 dual-stack", r1, rp_bind(r, c, "::", 5005), NULL, NULL);
	a = rp_sock(r, AF_INET, SOCK_DGRAM, 1, 0), c = rp_sock(r, AF_INET6, SOCK_DGRAM, 0, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 5006);
	rp_case(r, "udp4 reuseport and udp6 plain", r1, rp_bind(r, c, "::", 5006), NULL, NULL);
	rp_close_all(r);
}

/* four results: bind a, bind c, listen a, listen c */
static void rp_tcp_pair(struct rp *r, const char *name, int fam, const char *addr, int port,
			bool rp_a, bool rp_c, bool ra)
{
	int a = rp_sock(r, fam, SOCK_STREAM, rp_a, ra), c = rp_sock(r, fam, SOCK_STREAM, rp_c, ra);
	const char *r1 = rp_bind(r, a, addr, port), *r2 = rp_bind(r, c, addr, port);
	const char *r3 = rp_listen(r, a);

	rp_case(r, name, r1, r2, r3, rp_listen(r, c));
}

static void rp_tcp_binds(struct rp *r)
{
	const int T = SOCK_STREAM;
	const char *r1, *r2, *r3;
	int a, c;

	rp_tcp_pair(r, "tcp4 both reuseport", AF_INET, "0.0.0.0", 6000, 1, 1, 0);
	a = rp_sock(r, AF_INET, T, 1, 0), c = rp_sock(r, AF_INET, T, 0, 1);
	r1 = rp_bind(r, a, "0.0.0.0", 6001);
	r2 = rp_listen(r, a);
	rp_case(r, "tcp4 reuseport listener then reuseaddr", r1, r2,
		rp_bind(r, c, "0.0.0.0", 6001), NULL);
	a = rp_sock(r, AF_INET, T, 0, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 6002);
	rp_opt(r, a, 1);
	c = rp_sock(r, AF_INET, T, 1, 0);
	r2 = rp_bind(r, c, "0.0.0.0", 6002);
	r3 = rp_listen(r, a);
	rp_case(r, "tcp4 reuseport set after bind", r1, r2, r3, rp_listen(r, c));
	a = rp_sock(r, AF_INET, T, 1, 0), c = rp_sock(r, AF_INET, T, 1, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 6003);
	r2 = rp_bind(r, c, "0.0.0.0", 6003);
	r3 = rp_listen(r, a);
	rp_opt(r, c, 0);
	rp_case(r, "tcp4 reuseport cleared before listen", r1, r2, r3, rp_listen(r, c));
	rp_tcp_pair(r, "tcp4 both reuseaddr", AF_INET, "0.0.0.0", 6004, 0, 0, 1);
	a = rp_sock(r, AF_INET, T, 1, 0), c = rp_sock(r, AF_INET, T, 1, 0);
	r1 = rp_bind(r, a, "127.0.0.1", 6008);
	r2 = rp_bind(r, c, "0.0.0.0", 6008);
	r3 = rp_listen(r, a);
	rp_case(r, "tcp4 specific and wildcard", r1, r2, r3, rp_listen(r, c));
	rp_close_all(r);
}

static void rp_tcp6_binds(struct rp *r)
{
	int a = rp_sock(r, AF_INET, SOCK_STREAM, 1, 0), c = rp_sock(r, AF_INET6, SOCK_STREAM, 1, 0);
	const char *r1, *r2, *r3;

	rp_tcp_pair(r, "tcp6 both reuseport", AF_INET6, "::1", 6005, 1, 1, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 6006);
	r2 = rp_bind(r, c, "::", 6006);
	r3 = rp_listen(r, a);
	rp_case(r, "tcp4 and tcp6 dual-stack", r1, r2, r3, rp_listen(r, c));
	a = rp_sock(r, AF_INET, SOCK_STREAM, 1, 0), c = rp_sock(r, AF_INET6, SOCK_STREAM, 0, 0);
	r1 = rp_bind(r, a, "0.0.0.0", 6007);
	r2 = rp_listen(r, a);
	rp_case(r, "tcp4 reuseport listener and tcp6 plain", r1, r2, rp_bind(r, c, "::", 6007),
		NULL);
	rp_close_all(r);
}

/* A port a server closed first: its side stays in TIME_WAIT.  Only a
 * socket with SO_REUSEPORT, as the listener's child had, may bind it. */
static void rp_time_wait(struct rp *r)
{
	int l = rp_sock(r, AF_INET, SOCK_STREAM, 1, 0), cl = rp_sock(r, AF_INET, SOCK_STREAM, 0, 0);
	struct sockaddr_storage ss;
	socklen_t len = cmd_sockaddr(&ss, "127.0.0.1", 6100);
	const char *x, *y;
	char b;
	int s;

	rp_bind(r, l, "127.0.0.1", 6100);
	rp_listen(r, l);
	skbox_connect(r->w, cl, (struct sockaddr *)&ss, len);
	s = skbox_accept(r->w, l, NULL, NULL);
	if (s >= 0)
		skbox_close(r->w, s);
	skbox_recv(r->w, cl, &b, 1, 0);
	rp_close_all(r);
	skbox_nanosleep(r->w, 200000000ULL);
	x = rp_bind(r, rp_sock(r, AF_INET, SOCK_STREAM, 0, 0), "127.0.0.1", 6100);
	y = rp_bind(r, rp_sock(r, AF_INET, SOCK_STREAM, 0, 1), "127.0.0.1", 6100);
	rp_case(r, "tcp4 port in TIME_WAIT: plain reuseaddr reuseport", x, y,
		rp_bind(r, rp_sock(r, AF_INET, SOCK_STREAM, 1, 0), "127.0.0.1", 6100), NULL);
	rp_close_all(r);
}

/* a fresh socket bound to host:sport sends n datagrams to host:dport */
static void rp_send_from(struct rp *r, int fam, const char *host, int sport, int dport, int n)
{
	int fd = skbox_socket(r->w, fam, SOCK_DGRAM, 0);
	struct sockaddr_storage ss;
	socklen_t l = cmd_sockaddr(&ss, host, sport);

	if (fd < 0)
		return;
	skbox_bind(r->w, fd, (struct sockaddr *)&ss, l);
	l = cmd_sockaddr(&ss, host, dport);
	for (int i = 0; i < n; i++)
		skbox_sendto(r->w, fd, "x", 1, 0, (struct sockaddr *)&ss, l);
	skbox_close(r->w, fd);
}

/* Drains fd; counts datagrams, and the source ports base..base+n-1 into
 * owner[] (-2: a flow seen by two sockets) */
static int rp_drain(struct rp *r, int fd, int who, int *owner, int base, int n, int only)
{
	struct sockaddr_storage from;
	int count = 0;
	char b[16];

	skbox_nanosleep(r->w, 10000000ULL);	/* lo delivers from its backlog */
	for (;;) {
		socklen_t fl = sizeof(from);
		int port;

		if (skbox_recvfrom(r->w, fd, b, sizeof(b), MSG_DONTWAIT, (struct sockaddr *)&from,
				   &fl) < 0)
			return count;
		port = ntohs(((struct sockaddr_in *)&from)->sin_port);
		if (from.ss_family == AF_INET6)
			port = ntohs(((struct sockaddr_in6 *)&from)->sin6_port);
		count += only < 0 || port == only ? 1 : 100;
		if (owner && port >= base && port < base + n)
			owner[port - base] = owner[port - base] == -1 || owner[port - base] == who ?
					     who : -2;
	}
}

static void rp_udp_spread(struct rp *r, int fam, const char *host)
{
	const char *v = fam == AF_INET ? "4" : "6";
	int fds[4], cnt[4], owner[200], got[4] = { 0 }, total = 0, n = 0, peer;
	bool all = true, one = true;
	struct sockaddr_storage ss;
	socklen_t l;

	for (int i = 0; i < 4; i++) {
		fds[i] = rp_sock(r, fam, SOCK_DGRAM, 1, 0);
		rp_bind(r, fds[i], host, 7000);
	}
	for (int i = 0; i < 200; i++)
		owner[i] = -1;
	memset(cnt, 0, sizeof(cnt));
	/* 25 flows at a time: skbox charges more per skb than Linux, so 100
	 * datagrams would overrun a socket's default receive buffer */
	for (int k = 0; k < 200; k += 25) {
		for (int i = k; i < k + 25; i++)
			rp_send_from(r, fam, host, 20000 + i, 7000, 2);
		for (int i = 0; i < 4; i++)
			cnt[i] += rp_drain(r, fds[i], i, owner, 20000, 200, -1);
	}
	for (int i = 0; i < 4; i++) {
		total += cnt[i];
		all &= cnt[i] > 0;
	}
	for (int i = 0; i < 200; i++)
		one &= owner[i] >= 0;
	fprintf(r->ctx->out, "udp%s 4 sockets 200 flows: %d datagrams, every socket got some: %s, "
		"each flow one socket: %s\n", v, total, all ? "True" : "False", one ? "True" : "False");
	/* a connected member takes its peer's datagrams, and no one else's */
	peer = rp_sock(r, fam, SOCK_DGRAM, 0, 0);
	rp_bind(r, peer, host, 30000);
	l = cmd_sockaddr(&ss, host, 30000);
	skbox_connect(r->w, fds[0], (struct sockaddr *)&ss, l);
	l = cmd_sockaddr(&ss, host, 7000);
	for (int i = 0; i < 20; i++)
		skbox_sendto(r->w, peer, "y", 1, 0, (struct sockaddr *)&ss, l);
	for (int i = 0; i < 50; i++)
		rp_send_from(r, fam, host, 31000 + i, 7000, 1);
	for (int i = 0; i < 4; i++)
		got[i] = rp_drain(r, fds[i], i, NULL, 0, 0, i ? -1 : 30000);
	fprintf(r->ctx->out, "udp%s connected member: its peer's 20 datagrams to it alone: %s, "
		"others %d to the rest\n", v, got[0] == 20 ? "True" : "False",
		got[1] + got[2] + got[3]);
	skbox_close(r->w, fds[1]);
	for (int i = 0; i < 40; i++)
		rp_send_from(r, fam, host, 32000 + i, 7000, 1);
	for (int i = 0; i < 4; i++)
		if (i != 1)
			n += rp_drain(r, fds[i], i, NULL, 0, 0, -1);
	fprintf(r->ctx->out, "udp%s after close of a member: %d of 40 received\n", v, n);
	for (int i = 0; i < r->nfds; i++)
		if (r->fds[i] == fds[1])
			r->fds[i] = r->fds[--r->nfds];
	rp_close_all(r);
}

static void rp_tcp_spread(struct rp *r, int fam, const char *host)
{
	int ls[3], cnt[3], total = 0;
	struct sockaddr_storage ss;
	socklen_t l = cmd_sockaddr(&ss, host, 7100);
	bool all = true;

	for (int i = 0; i < 3; i++) {
		ls[i] = rp_sock(r, fam, SOCK_STREAM | SOCK_NONBLOCK, 1, 0);
		rp_bind(r, ls[i], host, 7100);
		skbox_listen(r->w, ls[i], 128);
	}
	for (int i = 0; i < 60; i++)
		skbox_connect(r->w, rp_sock(r, fam, SOCK_STREAM, 0, 0), (struct sockaddr *)&ss, l);
	for (int i = 0; i < 3; i++) {
		int s;

		cnt[i] = 0;
		while ((s = skbox_accept(r->w, ls[i], NULL, NULL)) >= 0) {
			skbox_close(r->w, s);
			cnt[i]++;
		}
		total += cnt[i];
		all &= cnt[i] > 0;
	}
	fprintf(r->ctx->out, "tcp%s 3 listeners 60 connections: %d accepted, every listener got "
		"some: %s\n", fam == AF_INET ? "4" : "6", total, all ? "True" : "False");
	rp_close_all(r);
}

int do_reuseport(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct rp r = { .ctx = ctx, .w = ctx->world };
	bool v6 = argc == 2 && !strcmp(argv[1], "-6");

	if (argc > 1 && !v6) {
		fprintf(ctx->err, "Usage: reuseport [-6]\n");
		return 1;
	}
	rp_udp_binds(&r);
	if (v6)
		rp_udp6_binds(&r);
	rp_tcp_binds(&r);
	if (v6)
		rp_tcp6_binds(&r);
	rp_time_wait(&r);
	rp_udp_spread(&r, AF_INET, "127.0.0.1");
	if (v6)
		rp_udp_spread(&r, AF_INET6, "::1");
	rp_tcp_spread(&r, AF_INET, "127.0.0.1");
	if (v6)
		rp_tcp_spread(&r, AF_INET6, "::1");
	return 0;
}
