/* `tclass opts|udp|tcp PORT|rst PORT`: the IPv6 traffic class a socket sets and sees, as
 * a list of cases with their results, one line each.
 *   opts  IPV6_TCLASS and IPV6_RECVTCLASS on UDP, TCP and raw ICMPv6
 *         sockets: the default, the range check (EINVAL), -1 back to the
 *         default, TCP keeping its ECN bits, a short option (EINVAL), a
 *         short getsockopt (the value cut to the length asked);
 *   udp   datagrams over ::1 port 7000: the IPV6_TCLASS control message a
 *         receiver with IPV6_RECVTCLASS gets for a sender's class, for a
 *         sendmsg's own IPV6_TCLASS message (-1: the socket's), and the
 *         EINVAL of a bad one;
 *   tcp PORT  a connection over ::1 from port PORT+1, a client with class
 *         0x40, to a listener on PORT with 0x20: the class of the accepted
 *         socket (the listener's, or the SYN's with
 *         net.ipv4.tcp_reflect_tos = 1), and a byte each way; the line
 *         comes 2 s after, when a capture of the exchange has printed it
 *         (tcpdump reads Linux's packet socket in blocks of up to 1 s);
 *   rst PORT  a connect from PORT+1 with class 0x40 to a closed PORT: the reset comes
 *         back with the SYN's class (tcp_v6_send_reset).
 * Not a Linux tool: tests/kernel/bin/tclass is the same list in python3
 * for the real kernel, so a transcript compares the two
 * (tests/transcripts/ipv6-tclass.sh).  Run it with lo up and IPv6 on. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"

#define TC_UDP_PORT 7000

struct tc {
	struct cmd_ctx *ctx;
	struct world *w;
};

static const char *tc_err(int e)
{
	switch (e) {
	case 0: return "ok";
	case -EINVAL: return "EINVAL";
	case -ENOPROTOOPT: return "ENOPROTOOPT";
	case -EAGAIN: return "EAGAIN";
	case -ECONNREFUSED: return "ECONNREFUSED";
	default: return "error";
	}
}

static int tc_set(struct tc *t, int fd, int name, int v)
{
	return skbox_setsockopt(t->w, fd, IPPROTO_IPV6, name, &v, sizeof(v));
}

static int tc_get(struct tc *t, int fd, int name)
{
	socklen_t l = sizeof(int);
	int v = -1;

	if (skbox_getsockopt(t->w, fd, IPPROTO_IPV6, name, &v, &l))
		return -1;
	return v;
}

/* "set V: ok 0xNN" or "set V: EINVAL" */
static void tc_case_set(struct tc *t, const char *kind, int fd, int v)
{
	int err = tc_set(t, fd, IPV6_TCLASS, v);

	fprintf(t->ctx->out, "%s set %d: %s", kind, v, tc_err(err));
	if (!err)
		fprintf(t->ctx->out, " 0x%02x", tc_get(t, fd, IPV6_TCLASS));
	fputc('\n', t->ctx->out);
}

static void tc_opts_of(struct tc *t, const char *kind, int type, int proto)
{
	int fd = skbox_socket(t->w, AF_INET6, type, proto), vals[] = { -2, 256, 0x28, -1, 0x07, 0xff };
	socklen_t l = 1;
	short s = 0x10;
	unsigned char c = 0;

	if (fd < 0) {
		fprintf(t->ctx->out, "%s socket: %s\n", kind, tc_err(fd));
		return;
	}
	fprintf(t->ctx->out, "%s default: 0x%02x\n", kind, tc_get(t, fd, IPV6_TCLASS));
	for (size_t i = 0; i < sizeof(vals) / sizeof(vals[0]); i++)
		tc_case_set(t, kind, fd, vals[i]);
	fprintf(t->ctx->out, "%s set short: %s\n", kind,
		tc_err(skbox_setsockopt(t->w, fd, IPPROTO_IPV6, IPV6_TCLASS, &s, sizeof(s))));
	int err = skbox_getsockopt(t->w, fd, IPPROTO_IPV6, IPV6_TCLASS, &c, &l);

	fprintf(t->ctx->out, "%s get 1 byte: %s len %u 0x%02x\n", kind, tc_err(err), (unsigned)l, c);
	fprintf(t->ctx->out, "%s recvtclass: %d", kind, tc_get(t, fd, IPV6_RECVTCLASS));
	tc_set(t, fd, IPV6_RECVTCLASS, 1);
	fprintf(t->ctx->out, " -> %d\n", tc_get(t, fd, IPV6_RECVTCLASS));
	skbox_close(t->w, fd);
}

static void tc_opts(struct tc *t)
{
	tc_opts_of(t, "udp", SOCK_DGRAM, 0);
	tc_opts_of(t, "tcp", SOCK_STREAM, 0);
	tc_opts_of(t, "raw", SOCK_RAW, IPPROTO_ICMPV6);
}

static socklen_t tc_lo(struct sockaddr_in6 *sin6, int port)
{
	memset(sin6, 0, sizeof(*sin6));
	sin6->sin6_family = AF_INET6;
	sin6->sin6_port = htons((unsigned short)port);
	sin6->sin6_addr = in6addr_loopback;
	return sizeof(*sin6);
}

/* sendmsg of "x" to ::1 with an IPV6_TCLASS control message of clen bytes
 * (0: none) holding v */
static int tc_send(struct tc *t, int fd, int v, size_t clen)
{
	union { struct cmsghdr c; char b[CMSG_SPACE(sizeof(int))]; } u;
	struct sockaddr_in6 to;
	struct iovec iov = { .iov_base = "x", .iov_len = 1 };
	struct msghdr m = { .msg_name = &to, .msg_namelen = tc_lo(&to, TC_UDP_PORT),
			    .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n;

	memset(&u, 0, sizeof(u));
	if (clen) {
		u.c.cmsg_level = IPPROTO_IPV6;
		u.c.cmsg_type = IPV6_TCLASS;
		u.c.cmsg_len = CMSG_LEN(clen);
		memcpy(CMSG_DATA(&u.c), &v, clen);
		m.msg_control = u.b;
		m.msg_controllen = sizeof(u.b);
	}
	n = skbox_sendmsg(t->w, fd, &m, 0);
	return n < 0 ? (int)n : 0;
}

/* What the receiver's next datagram carried: "tclass 0xNN", "no cmsg" */
static void tc_recv(struct tc *t, const char *name, int fd)
{
	union { struct cmsghdr c; char b[64]; } u;
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[16];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.b,
			    .msg_controllen = sizeof(u.b) };
	struct cmsghdr *cm;
	int v;

	memset(&u, 0, sizeof(u));
	fprintf(t->ctx->out, "%s: ", name);
	if (skbox_poll(t->w, &p, 1, 1000) <= 0 || skbox_recvmsg(t->w, fd, &m, 0) < 0) {
		fprintf(t->ctx->out, "nothing\n");
		return;
	}
	if (!u.c.cmsg_len)
		m.msg_controllen = 0;	/* the stack wrote no message */
	cm = CMSG_FIRSTHDR(&m);
	if (!cm) {
		fprintf(t->ctx->out, "no cmsg\n");
		return;
	}
	for (; cm; cm = CMSG_NXTHDR(&m, cm)) {
		memcpy(&v, CMSG_DATA(cm), sizeof(v));
		if (cm->cmsg_level == IPPROTO_IPV6 && cm->cmsg_type == IPV6_TCLASS)
			fprintf(t->ctx->out, "tclass 0x%02x%s", v, CMSG_NXTHDR(&m, cm) ? ", " : "\n");
		else
			fprintf(t->ctx->out, "cmsg %d/%d%s", cm->cmsg_level, cm->cmsg_type,
				CMSG_NXTHDR(&m, cm) ? ", " : "\n");
	}
}

static void tc_udp(struct tc *t)
{
	struct sockaddr_in6 me;
	int r = skbox_socket(t->w, AF_INET6, SOCK_DGRAM, 0);
	int s = skbox_socket(t->w, AF_INET6, SOCK_DGRAM, 0);

	if (r < 0 || s < 0 || skbox_bind(t->w, r, (struct sockaddr *)&me, tc_lo(&me, TC_UDP_PORT))) {
		fprintf(t->ctx->out, "udp: no sockets\n");
		goto out;
	}
	tc_set(t, s, IPV6_TCLASS, 0x28);
	tc_send(t, s, 0, 0);
	tc_recv(t, "udp 0x28 to a receiver without recvtclass", r);
	tc_set(t, r, IPV6_RECVTCLASS, 1);
	tc_send(t, s, 0, 0);
	tc_recv(t, "udp 0x28", r);
	fprintf(t->ctx->out, "udp cmsg 0x48 send: %s\n", tc_err(tc_send(t, s, 0x48, sizeof(int))));
	tc_recv(t, "udp cmsg 0x48", r);
	fprintf(t->ctx->out, "udp cmsg -1 send: %s\n", tc_err(tc_send(t, s, -1, sizeof(int))));
	tc_recv(t, "udp cmsg -1", r);
	fprintf(t->ctx->out, "udp cmsg 256 send: %s\n", tc_err(tc_send(t, s, 256, sizeof(int))));
	fprintf(t->ctx->out, "udp cmsg of 1 byte send: %s\n", tc_err(tc_send(t, s, 0x48, 1)));
	tc_set(t, s, IPV6_TCLASS, -1);
	tc_send(t, s, 0, 0);
	tc_recv(t, "udp after -1", r);
out:
	if (r >= 0)
		skbox_close(t->w, r);
	if (s >= 0)
		skbox_close(t->w, s);
}

static void tc_tcp(struct tc *t, int port)
{
	struct sockaddr_in6 a, ca;
	int l = skbox_socket(t->w, AF_INET6, SOCK_STREAM, 0);
	int c = skbox_socket(t->w, AF_INET6, SOCK_STREAM, 0), n = -1, err;
	struct pollfd p = { .fd = l, .events = POLLIN };
	char b = 'x', line[96];

	if (l < 0 || c < 0 || skbox_bind(t->w, l, (struct sockaddr *)&a, tc_lo(&a, port)) ||
	    skbox_bind(t->w, c, (struct sockaddr *)&ca, tc_lo(&ca, port + 1)) ||
	    skbox_listen(t->w, l, 4)) {
		fprintf(t->ctx->out, "tcp: no sockets\n");
		goto out;
	}
	tc_set(t, l, IPV6_TCLASS, 0x20);
	tc_set(t, c, IPV6_TCLASS, 0x40);
	err = skbox_connect(t->w, c, (struct sockaddr *)&a, tc_lo(&a, port));
	if (err || skbox_poll(t->w, &p, 1, 1000) <= 0 || (n = skbox_accept(t->w, l, NULL, NULL)) < 0) {
		fprintf(t->ctx->out, "tcp connect: %s, nothing accepted\n", tc_err(err));
		goto out;
	}
	snprintf(line, sizeof(line), "tcp listener 0x%02x, client 0x%02x, accepted 0x%02x\n",
		 tc_get(t, l, IPV6_TCLASS), tc_get(t, c, IPV6_TCLASS), tc_get(t, n, IPV6_TCLASS));
	skbox_send(t->w, c, &b, 1, 0);
	p.fd = n;
	if (skbox_poll(t->w, &p, 1, 1000) > 0 && skbox_recv(t->w, n, &b, 1, 0) == 1)
		skbox_send(t->w, n, &b, 1, 0);
	p.fd = c;
	if (skbox_poll(t->w, &p, 1, 1000) > 0)
		skbox_recv(t->w, c, &b, 1, 0);
	/* after a capture of the exchange (tcpdump -c 4) has printed it */
	skbox_poll(t->w, NULL, 0, 2000);
	fputs(line, t->ctx->out);
out:
	if (n >= 0)
		skbox_close(t->w, n);
	if (c >= 0)
		skbox_close(t->w, c);
	if (l >= 0)
		skbox_close(t->w, l);
}

/* A connect with class 0x40 to a port nobody listens on: the reset */
static void tc_rst(struct tc *t, int port)
{
	struct sockaddr_in6 a, ca;
	int c = skbox_socket(t->w, AF_INET6, SOCK_STREAM, 0), err;

	if (c < 0)
		return;
	tc_set(t, c, IPV6_TCLASS, 0x40);
	skbox_bind(t->w, c, (struct sockaddr *)&ca, tc_lo(&ca, port + 1));
	err = skbox_connect(t->w, c, (struct sockaddr *)&a, tc_lo(&a, port));
	skbox_poll(t->w, NULL, 0, 2000);	/* after the capture, as tcp */
	fprintf(t->ctx->out, "tcp connect to a closed port: %s\n", tc_err(err));
	skbox_close(t->w, c);
}

int do_tclass(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct tc t = { .ctx = ctx, .w = ctx->world };

	int port = argc == 3 ? atoi(argv[2]) : 0;

	if (!(argc == 2 && (!strcmp(argv[1], "opts") || !strcmp(argv[1], "udp"))) &&
	    !(argc == 3 && (!strcmp(argv[1], "tcp") || !strcmp(argv[1], "rst")) && port > 0 &&
	      port < 65535)) {
		fprintf(ctx->err, "Usage: tclass opts|udp|tcp PORT|rst PORT\n");
		return 1;
	}
	if (!strcmp(argv[1], "opts"))
		tc_opts(&t);
	else if (!strcmp(argv[1], "udp"))
		tc_udp(&t);
	else if (!strcmp(argv[1], "rst"))
		tc_rst(&t, port);
	else
		tc_tcp(&t, port);
	return 0;
}
