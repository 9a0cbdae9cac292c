/* `nc`, OpenBSD netcat as Debian's netcat-openbsd (1.219) behaves: connect
 * or listen (-l, -k), TCP or UDP (-u), port scans (-z), -v messages, -w
 * connect/idle timeout, -q after stdin EOF, -N half-close, -p/-s local
 * port and address, -n.  A task of the world: it uses the skbox socket API
 * (net/socket.c), reads stdin with cmd_read() as it arrives (live mode) or
 * all at once (a pipe of skbox's script runner) and writes what the network
 * sends to ctx->out. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"

struct nc_opts {
	struct cmd_ctx *ctx;
	struct world *w;
	bool listen, keep, udp, zero, verbose, numeric, shut_net;
	int family;			/* -4 AF_INET, -6 AF_INET6, 0: from the address */
	int timeout_ms;			/* -w, -1: none */
	int quit_s;			/* -q, -1: none */
	int lport;			/* -p */
	char lport_str[12];		/* -l -p PORT: the port to listen on (Debian's nc) */
	const char *saddr;		/* -s */
	const char *host;
	const char *port;
};

static const struct { int port; const char *name; } nc_services[] = {
	{ 21, "ftp" }, { 22, "ssh" }, { 23, "telnet" }, { 25, "smtp" }, { 53, "domain" },
	{ 80, "http" }, { 443, "https" }, { 8080, "http-alt" },
};

static const char *nc_service(int port)
{
	for (size_t i = 0; i < sizeof(nc_services) / sizeof(nc_services[0]); i++)
		if (nc_services[i].port == port)
			return nc_services[i].name;
	return "*";
}

static int nc_usage(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n"
		"\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n"
		"\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n"
		"\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n"
		"\t  [destination] [port]\n");
	return 1;
}

static int nc_num(struct nc_opts *o, const char *what, const char *s, int lo, int hi)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == 0 || *end || v < lo || v > hi) {
		fprintf(o->ctx->err, "nc: %s is %s: %s\n", what, v < lo ? "too small" :
			v > hi ? "too large" : "invalid", s);
		return -1;
	}
	return (int)v;
}

/* One option letter; arg is its argument for those that take one. */
static int nc_opt(struct nc_opts *o, char c, const char *arg)
{
	switch (c) {
	case 'l': o->listen = true; return 0;
	case 'k': o->keep = true; return 0;
	case 'u': o->udp = true; return 0;
	case 'z': o->zero = true; return 0;
	case 'v': o->verbose = true; return 0;
	case 'n': o->numeric = true; return 0;
	case 'N': o->shut_net = true; return 0;
	case '4': o->family = AF_INET; return 0;
	case '6': o->family = AF_INET6; return 0;
	case 'd': case 'D': case 'C': return 0;
	case 'w':
		o->timeout_ms = nc_num(o, "timeout", arg, 0, 100000000);
		if (o->timeout_ms < 0)
			return -1;
		o->timeout_ms *= 1000;
		return 0;
	case 'q':
		o->quit_s = (int)strtol(arg, NULL, 10);
		return 0;
	case 'p':
		o->lport = nc_num(o, "port number", arg, 1, 65535);
		return o->lport < 0 ? -1 : 0;
	case 's': o->saddr = arg; return 0;
	case 'I': case 'O': case 'M': case 'm': case 'T': case 'i': case 'W': return 0;
	default:
		return -2;
	}
}

static bool nc_takes_arg(char c)
{
	return strchr("wqpsIOMmTiW", c) != NULL;
}

static int nc_parse(struct nc_opts *o, int argc, char **argv)
{
	int i, npos = 0;
	const char *pos[2] = { NULL, NULL };

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (a[0] != '-' || !a[1]) {
			if (npos >= 2)
				return -2;
			pos[npos++] = a;
			continue;
		}
		for (const char *p = a + 1; *p; p++) {
			const char *arg = NULL;
			int e;

			if (nc_takes_arg(*p)) {
				arg = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
				if (!arg)
					return -2;
			}
			e = nc_opt(o, *p, arg);
			if (e)
				return e;
			if (arg)
				break;
		}
	}
	if (npos == 2) {
		o->host = pos[0];
		o->port = pos[1];
	} else if (npos == 1 && o->listen) {
		o->port = pos[0];
	} else if (npos == 0 && o->listen && o->lport > 0) {
		snprintf(o->lport_str, sizeof(o->lport_str), "%d", o->lport);
		o->port = o->lport_str;
	} else {
		return -2;
	}
	return 0;
}

/* getaddrinfo() of a numeric host: IPv4 unless -6 or an IPv6 literal; no
 * host (a listener) is the family's wildcard */
static int nc_addr(struct nc_opts *o, const char *host, int port, struct sockaddr_storage *ss)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
	bool v6 = o->family == AF_INET6 || (!o->family && host && strchr(host, ':'));
	const char *why = "Name or service not known";
	int ok;

	memset(ss, 0, sizeof(*ss));
	if (v6) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((unsigned short)port);
		ok = !host || inet_pton(AF_INET6, host, &sin6->sin6_addr) == 1;
	} else {
		sin->sin_family = AF_INET;
		sin->sin_port = htons((unsigned short)port);
		ok = !host || inet_pton(AF_INET, host, &sin->sin_addr) == 1;
	}
	if (!ok && host && inet_pton(v6 ? AF_INET : AF_INET6, host, &(struct in6_addr){ 0 }) == 1)
		why = "Address family for hostname not supported";
	if (!ok) {
		fprintf(o->ctx->err, "nc: getaddrinfo for host \"%s\" port %d: %s\n", host, port,
			why);
		return -1;
	}
	return 0;
}

static socklen_t nc_addrlen(const struct sockaddr_storage *ss)
{
	return ss->ss_family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
}

/* The numeric host and port of a peer, for -v */
static int nc_peer(const struct sockaddr_storage *ss, char *a, size_t alen)
{
	if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)ss;

		inet_ntop(AF_INET6, &sin6->sin6_addr, a, (socklen_t)alen);
		return ntohs(sin6->sin6_port);
	}
	inet_ntop(AF_INET, &((const struct sockaddr_in *)ss)->sin_addr, a, (socklen_t)alen);
	return ntohs(((const struct sockaddr_in *)ss)->sin_port);
}

/* Sends n bytes of stdin to fd; 0 or -errno. */
static int nc_send_all(struct nc_opts *o, int fd, const char *buf, size_t n)
{
	while (n) {
		ssize_t s = skbox_send(o->w, fd, buf, n, 0);

		if (s < 0)
			return (int)s;
		buf += s;
		n -= (size_t)s;
	}
	return 0;
}

/* stdin ended: -N half-closes, -q 0 quits, -q N quits N s later (or at
 * -w, whichever comes first).  Returns 1 to quit now. */
static int nc_stdin_eof(struct nc_opts *o, int fd, int *wait_ms)
{
	if (o->shut_net && !o->udp)
		skbox_shutdown(o->w, fd, SHUT_WR);
	if (o->quit_s == 0)
		return 1;
	if (o->quit_s > 0 && (*wait_ms < 0 || o->quit_s * 1000 < *wait_ms))
		*wait_ms = o->quit_s * 1000;
	return 0;
}

/* A read of stdin: sent on, or its end handled.  1 to quit (0: go on,
 * -1: the send failed). */
static int nc_from_stdin(struct nc_opts *o, int fd, bool *in_open, int *wait_ms)
{
	char buf[16384];
	ssize_t n = cmd_read(o->ctx, buf, sizeof(buf));

	if (n < 0)
		return 1;
	if (n > 0)
		return nc_send_all(o, fd, buf, (size_t)n) ? -1 : 0;
	*in_open = false;
	return nc_stdin_eof(o, fd, wait_ms);
}

/* readwrite(): stdin to the network and the network to stdout, both as
 * they come (poll on both, as OpenBSD's nc does), until the peer closes,
 * -q expires after stdin's EOF, or -w passes idle. */
static int nc_readwrite(struct nc_opts *o, int fd)
{
	char buf[16384];
	int wait_ms = o->timeout_ms > 0 ? o->timeout_ms : -1;
	bool in_open = true;

	for (;;) {
		struct pollfd p[2] = {
			{ .fd = in_open ? 0 : -1, .events = POLLIN },
			{ .fd = fd, .events = POLLIN },
		};
		int r = cmd_poll(o->ctx, p, 2, wait_ms);
		ssize_t n;

		if (r <= 0)
			return 0;
		if (p[0].revents) {
			r = nc_from_stdin(o, fd, &in_open, &wait_ms);
			if (r)
				return r < 0 ? 1 : 0;
			continue;	/* stdin first, as the old whole-buffer nc sent it */
		}
		n = skbox_recv(o->w, fd, buf, sizeof(buf), MSG_DONTWAIT);
		if (n == -EAGAIN)
			continue;
		if (n <= 0)
			return 0;
		fwrite(buf, 1, (size_t)n, o->ctx->out);
		fflush(o->ctx->out);
	}
}

/* Non-blocking connect with -w as its limit (timeout_connect()). */
static int nc_connect_fd(struct nc_opts *o, int fd, const struct sockaddr_storage *dst)
{
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	int err = 0, r;
	socklen_t l = sizeof(err);

	if (o->timeout_ms <= 0)
		return skbox_connect(o->w, fd, (const struct sockaddr *)dst, nc_addrlen(dst));
	r = skbox_connect(o->w, fd, (const struct sockaddr *)dst, nc_addrlen(dst));
	if (r != -EINPROGRESS)
		return r;
	r = skbox_poll(o->w, &p, 1, o->timeout_ms);
	if (r == 0)
		return -ETIMEDOUT;
	if (r < 0)
		return r;
	skbox_getsockopt(o->w, fd, SOL_SOCKET, SO_ERROR, &err, &l);
	return -err;
}

static int nc_socket(struct nc_opts *o, int family, bool nonblock)
{
	int type = (o->udp ? SOCK_DGRAM : SOCK_STREAM) | (nonblock ? SOCK_NONBLOCK : 0);
	int fd = skbox_socket(o->w, family, type, 0);
	struct sockaddr_storage me;
	int fam = o->family, err = 0;

	if (fd < 0 || (!o->saddr && !o->lport))
		return fd;
	o->family = family;	/* the local address in the destination's family */
	if (nc_addr(o, o->saddr, o->lport, &me) ||
	    (err = skbox_bind(o->w, fd, (struct sockaddr *)&me, nc_addrlen(&me)))) {
		o->family = fam;
		if (o->saddr || o->lport)
			fprintf(o->ctx->err, "nc: bind failed: %s\n",
				strerror(err < 0 ? -err : EADDRINUSE));
		skbox_close(o->w, fd);
		return -1;
	}
	o->family = fam;
	return fd;
}

/* The client for one port: 0 when connected (and done), 1 on failure. */
static int nc_client_port(struct nc_opts *o, int port)
{
	const char *proto = o->udp ? "udp" : "tcp";
	struct sockaddr_storage dst;
	int fd, err, rc = 0;

	if (nc_addr(o, o->host, port, &dst))
		return 1;
	fd = nc_socket(o, dst.ss_family, o->timeout_ms > 0 && !o->udp);
	if (fd < 0)
		return 1;
	err = nc_connect_fd(o, fd, &dst);
	if (err) {
		if (o->verbose)
			fprintf(o->ctx->err, "nc: connect to %s port %d (%s) failed: %s\n", o->host,
				port, proto, strerror(-err));
		skbox_close(o->w, fd);
		return 1;
	}
	if (o->verbose)
		fprintf(o->ctx->err, "Connection to %s %d port [%s/%s] succeeded!\n", o->host,
			port, proto, nc_service(port));
	if (!o->zero)
		rc = nc_readwrite(o, fd);
	skbox_close(o->w, fd);
	return rc;
}

static int nc_client(struct nc_opts *o)
{
	int lo, hi, ret = 1;
	char *dash = strchr(o->port, '-');

	lo = nc_num(o, "port number", o->port, 0, 65535);
	if (dash) {
		char first[16];

		snprintf(first, sizeof(first), "%.*s", (int)(dash - o->port), o->port);
		lo = nc_num(o, "port number", first, 1, 65535);
		hi = nc_num(o, "port number", dash + 1, 1, 65535);
	} else {
		hi = lo;
	}
	if (lo < 0 || hi < 0) {
		if (!dash)
			fprintf(o->ctx->err, "nc: port range not valid\n");
		return 1;
	}
	for (int p = lo; p <= hi; p++)
		if (nc_client_port(o, p) == 0)
			ret = 0;
	return ret;
}

/* UDP listener: the first datagram's sender becomes the peer (connect) */
static int nc_udp_listen(struct nc_opts *o, int fd)
{
	char buf[16384];
	struct sockaddr_storage from;
	socklen_t fl = sizeof(from);
	ssize_t n = skbox_recvfrom(o->w, fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &fl);

	if (n < 0)
		return 1;
	if (o->verbose) {
		char a[INET6_ADDRSTRLEN];
		int port = nc_peer(&from, a, sizeof(a));

		fprintf(o->ctx->err, "Connection received on %s %d\n", a, port);
	}
	fwrite(buf, 1, (size_t)n, o->ctx->out);
	fflush(o->ctx->out);
	if (!o->keep)
		skbox_connect(o->w, fd, (struct sockaddr *)&from, fl);
	return nc_readwrite(o, fd);
}

static int nc_accept_loop(struct nc_opts *o, int lfd)
{
	do {
		struct sockaddr_storage peer;
		socklen_t pl = sizeof(peer);
		int c = skbox_accept(o->w, lfd, (struct sockaddr *)&peer, &pl);

		if (c < 0)
			return c == -EINTR ? 1 : 1;
		if (o->verbose) {
			char a[INET6_ADDRSTRLEN];
			int port = nc_peer(&peer, a, sizeof(a));

			fprintf(o->ctx->err, "Connection received on %s %d\n", a, port);
		}
		nc_readwrite(o, c);
		skbox_close(o->w, c);
	} while (o->keep);
	return 0;
}

static int nc_listen(struct nc_opts *o)
{
	struct sockaddr_storage me;
	int one = 1, fd, port = nc_num(o, "port number", o->port, 1, 65535), rc;

	if (port < 0 || nc_addr(o, o->host, port, &me))
		return 1;
	fd = skbox_socket(o->w, me.ss_family, o->udp ? SOCK_DGRAM : SOCK_STREAM, 0);
	if (fd < 0) {
		fprintf(o->ctx->err, "nc: socket: %s\n", strerror(-fd));
		return 1;
	}
	skbox_setsockopt(o->w, fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if ((rc = skbox_bind(o->w, fd, (struct sockaddr *)&me, nc_addrlen(&me))) ||
	    (!o->udp && (rc = skbox_listen(o->w, fd, 1)))) {
		/* nc's err(1, NULL): the bind's own error (EADDRNOTAVAIL for an
		 * address not ours or still tentative) */
		fprintf(o->ctx->err, "nc: %s\n", strerror(rc < 0 ? -rc : EADDRINUSE));
		skbox_close(o->w, fd);
		return 1;
	}
	if (o->verbose)
		fprintf(o->ctx->err, "Listening on %s %d\n", o->host ? o->host :
			me.ss_family == AF_INET6 ? "::" : "0.0.0.0", port);
	rc = o->udp ? nc_udp_listen(o, fd) : nc_accept_loop(o, fd);
	skbox_close(o->w, fd);
	return rc;
}

int do_nc(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct nc_opts o = { .ctx = ctx, .w = ctx->world, .timeout_ms = -1, .quit_s = -1 };
	int e = nc_parse(&o, argc, argv);

	if (e == -2)
		return nc_usage(ctx);
	if (e)
		return 1;
	if (o.listen && o.zero)
		return nc_usage(ctx);
	return o.listen ? nc_listen(&o) : nc_client(&o);
}
