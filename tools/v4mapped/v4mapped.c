/* `v4mapped`: TCP over AF_INET6 sockets with IPv4 peers (v4-mapped
 * addresses, net/ipv6/tcp_ipv6.c's ipv6_mapped) as a list of cases, one
 * line each: a dual-stack listener on [::] accepting an IPv4 client (the
 * addresses each side sees, a byte each way), an AF_INET6 client
 * connecting to ::ffff:127.0.0.1, IPV6_V6ONLY on either side, and which
 * binds of [::] and 0.0.0.0 on one port conflict.  Not a Linux tool:
 * tests/kernel/bin/v4mapped is the same list in python3 for the real
 * kernel, so a transcript compares the two.  Run it with lo up and IPv6 on;
 * it uses ports 7000-7020 of 127.0.0.1 and ::. */
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"

#define V4M_MAXFD 32
#define V4M_V6ONLY 26	/* IPV6_V6ONLY */

struct v4m {
	struct cmd_ctx *ctx;
	struct world *w;
	int fds[V4M_MAXFD];	/* every socket, closed at the end of a case */
	int nfds;
};

static int v4m_sock(struct v4m *m, int fam, bool v6only)
{
	int one = 1, fd = skbox_socket(m->w, fam, SOCK_STREAM, 0);

	if (fd < 0)
		return fd;
	if (v6only)
		skbox_setsockopt(m->w, fd, IPPROTO_IPV6, V4M_V6ONLY, &one, sizeof(one));
	if (m->nfds < V4M_MAXFD)
		m->fds[m->nfds++] = fd;
	return fd;
}

static void v4m_close_all(struct v4m *m)
{
	for (int i = 0; i < m->nfds; i++)
		skbox_close(m->w, m->fds[i]);
	m->nfds = 0;
}

static const char *v4m_err(int e)
{
	switch (e) {
	case 0: return "ok";
	case -EADDRINUSE: return "EADDRINUSE";
	case -ENETUNREACH: return "ENETUNREACH";
	case -ECONNREFUSED: return "ECONNREFUSED";
	case -EINVAL: return "EINVAL";
	case -EAFNOSUPPORT: return "EAFNOSUPPORT";
	default: return "error";
	}
}

static const char *v4m_bind(struct v4m *m, int fd, const char *a, int port)
{
	struct sockaddr_storage ss;
	socklen_t l = cmd_sockaddr(&ss, a, port);

	return v4m_err(skbox_bind(m->w, fd, (struct sockaddr *)&ss, l));
}

static int v4m_connect(struct v4m *m, int fd, const char *a, int port)
{
	struct sockaddr_storage ss;
	socklen_t l = cmd_sockaddr(&ss, a, port);

	return skbox_connect(m->w, fd, (struct sockaddr *)&ss, l);
}

/* "ADDR PORT" of a socket's own (peer 0) or peer's (1) name; ports of the
 * ephemeral range as P */
static const char *v4m_name(struct v4m *m, int fd, int peer, char *buf, size_t n)
{
	struct sockaddr_storage ss;
	socklen_t l = sizeof(ss);
	char a[INET6_ADDRSTRLEN] = "?";
	int port;

	if ((peer ? skbox_getpeername : skbox_getsockname)(m->w, fd, (struct sockaddr *)&ss, &l))
		return "?";
	if (ss.ss_family == AF_INET6) {
		inet_ntop(AF_INET6, &((struct sockaddr_in6 *)&ss)->sin6_addr, a, sizeof(a));
		port = ntohs(((struct sockaddr_in6 *)&ss)->sin6_port);
	} else {
		inet_ntop(AF_INET, &((struct sockaddr_in *)&ss)->sin_addr, a, sizeof(a));
		port = ntohs(((struct sockaddr_in *)&ss)->sin_port);
	}
	if (port >= 32768)
		snprintf(buf, n, "%s P", a);
	else
		snprintf(buf, n, "%s %d", a, port);
	return buf;
}

/* A listener of family lfam on laddr, a client of cfam to caddr: what
 * connect gives, the names each side sees, a byte each way. */
static void v4m_pair(struct v4m *m, const char *name, int lfam, bool lv6only, const char *laddr,
		     int cfam, bool cv6only, const char *caddr, int port)
{
	int l = v4m_sock(m, lfam, lv6only), c = v4m_sock(m, cfam, cv6only), s, err;
	char b1[80], b2[80], b3[80], b4[80], x = 'x', y = 0, z = 0;

	v4m_bind(m, l, laddr, port);
	skbox_listen(m->w, l, 8);
	err = v4m_connect(m, c, caddr, port);
	if (err) {
		fprintf(m->ctx->out, "%s: connect %s\n", name, v4m_err(err));
		v4m_close_all(m);
		return;
	}
	s = skbox_accept(m->w, l, NULL, NULL);
	if (s >= 0 && m->nfds < V4M_MAXFD)
		m->fds[m->nfds++] = s;
	skbox_send(m->w, c, &x, 1, 0);
	skbox_recv(m->w, s, &y, 1, 0);
	skbox_send(m->w, s, &y, 1, 0);
	skbox_recv(m->w, c, &z, 1, 0);
	fprintf(m->ctx->out, "%s: client %s -> %s, server %s <- %s, echo %s\n", name,
		v4m_name(m, c, 0, b1, sizeof(b1)), v4m_name(m, c, 1, b2, sizeof(b2)),
		v4m_name(m, s, 0, b3, sizeof(b3)), v4m_name(m, s, 1, b4, sizeof(b4)),
		z == 'x' ? "ok" : "lost");
	v4m_close_all(m);
}

/* Two binds on one port: the second's answer. */
static void v4m_binds(struct v4m *m, const char *name, int fam1, bool o1, const char *a1,
		      int fam2, bool o2, const char *a2, int port)
{
	const char *r1 = v4m_bind(m, v4m_sock(m, fam1, o1), a1, port);

	fprintf(m->ctx->out, "%s: %s %s\n", name, r1, v4m_bind(m, v4m_sock(m, fam2, o2), a2, port));
	v4m_close_all(m);
}

int do_v4mapped(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct v4m m = { .ctx = ctx, .w = ctx->world };

	(void)argv;
	if (argc > 1) {
		fputs("Usage: v4mapped\n", ctx->err);
		return 1;
	}
	v4m_pair(&m, "[::] listener, IPv4 client", AF_INET6, false, "::", AF_INET, false,
		 "127.0.0.1", 7000);
	v4m_pair(&m, "0.0.0.0 listener, AF_INET6 client to ::ffff:127.0.0.1", AF_INET, false,
		 "0.0.0.0", AF_INET6, false, "::ffff:127.0.0.1", 7001);
	v4m_pair(&m, "[::] listener, AF_INET6 client to ::ffff:127.0.0.1", AF_INET6, false, "::",
		 AF_INET6, false, "::ffff:127.0.0.1", 7002);
	v4m_pair(&m, "[::] listener, IPv6 client", AF_INET6, false, "::", AF_INET6, false, "::1",
		 7003);
	v4m_pair(&m, "V6ONLY client to ::ffff:127.0.0.1", AF_INET, false, "0.0.0.0", AF_INET6,
		 true, "::ffff:127.0.0.1", 7004);
	v4m_pair(&m, "V6ONLY [::] listener, IPv4 client", AF_INET6, true, "::", AF_INET, false,
		 "127.0.0.1", 7005);
	v4m_binds(&m, "bind [::] then 0.0.0.0", AF_INET6, false, "::", AF_INET, false, "0.0.0.0",
		  7010);
	v4m_binds(&m, "bind V6ONLY [::] then 0.0.0.0", AF_INET6, true, "::", AF_INET, false,
		  "0.0.0.0", 7011);
	v4m_binds(&m, "bind 127.0.0.1 then [::]", AF_INET, false, "127.0.0.1", AF_INET6, false,
		  "::", 7012);
	v4m_binds(&m, "bind 127.0.0.1 then V6ONLY [::]", AF_INET, false, "127.0.0.1", AF_INET6,
		  true, "::", 7013);
	v4m_binds(&m, "bind [::1] then 0.0.0.0", AF_INET6, false, "::1", AF_INET, false,
		  "0.0.0.0", 7014);
	v4m_binds(&m, "bind [::1] then [::]", AF_INET6, false, "::1", AF_INET6, false, "::",
		  7015);
	return 0;
}
