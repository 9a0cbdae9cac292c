/* `pingsock eacces|basic|unreach`: IPv4 ping sockets (socket(AF_INET,
 * SOCK_DGRAM, IPPROTO_ICMP), net/ipv4/ping.c) as a list of cases and their
 * results, one line each, as python3 prints them.
 *   eacces   creating one (and an ICMPv6 one) outside
 *            net.ipv4.ping_group_range: EACCES;
 *   basic    with the range open: the send errors in Linux's order (the
 *            identifier is bound by the first send, even a failed one),
 *            a reply to 127.0.0.1 (the whole message, the socket's
 *            identifier, a good checksum, port 0), IP_RECVTTL/IP_RECVTOS
 *            control messages, bind (a shared identifier, addresses not
 *            ours, broadcast, multicast, a second bind), connect
 *            (getpeername stays ENOTCONN) and which of two sockets of one
 *            identifier gets the reply (the newer);
 *   unreach  an echo request to a neighbour that never answers: with
 *            IP_RECVERR, POLLERR, recv's EHOSTUNREACH and the error queue
 *            (the request, sock_extended_err, the offender); without it,
 *            nothing.
 * Not a Linux tool: tests/kernel/bin/pingsock is the same list in python3
 * for the real kernel, so a transcript compares the two
 * (tests/transcripts/ping-socket.sh).  It expects lo up and 10.0.0.1/24 on
 * a device that is up. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"

#define PS_IP_RECVERR 11
#define PS_IP_RECVTTL 12
#define PS_MSG_ERRQUEUE 0x2000

struct ps {
	struct cmd_ctx *ctx;
	struct world *w;
};

static const char *ps_err(long e)
{
	const char *n = e < 0 ? strerrorname_np((int)-e) : NULL;

	return e >= 0 ? "ok" : n ? n : "error";
}

static struct sockaddr_in ps_sin(const char *a, int port)
{
	struct sockaddr_in s = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };

	inet_pton(AF_INET, a, &s.sin_addr);
	return s;
}

/* an echo request: type, code, a checksum and an identifier the kernel
 * replaces, seq, data */
static size_t ps_req(unsigned char *b, int seq, const char *data, int type, int code)
{
	size_t n = strlen(data);

	b[0] = (unsigned char)type;
	b[1] = (unsigned char)code;
	b[2] = b[3] = 0xff;
	b[4] = b[5] = 0x42;
	b[6] = (unsigned char)(seq >> 8);
	b[7] = (unsigned char)seq;
	memcpy(b + 8, data, n);
	return 8 + n;
}

static long ps_sendto(struct ps *p, int fd, const void *b, size_t n, const char *dst)
{
	struct sockaddr_in d = ps_sin(dst ? dst : "0.0.0.0", 0);

	return dst ? skbox_sendto(p->w, fd, b, n, 0, (struct sockaddr *)&d, sizeof(d)) :
		     skbox_send(p->w, fd, b, n, 0);
}

/* "('A.B.C.D', PORT)" as python prints a sockaddr_in */
static void ps_name(struct ps *p, int fd, bool peer)
{
	struct sockaddr_in s;
	socklen_t l = sizeof(s);
	char a[INET_ADDRSTRLEN];
	int err = peer ? skbox_getpeername(p->w, fd, (struct sockaddr *)&s, &l) :
			 skbox_getsockname(p->w, fd, (struct sockaddr *)&s, &l);

	if (err) {
		fputs(ps_err(err), p->ctx->out);
		return;
	}
	inet_ntop(AF_INET, &s.sin_addr, a, sizeof(a));
	fprintf(p->ctx->out, "('%s', %u)", a, ntohs(s.sin_port));
}

static int ps_port(struct ps *p, int fd)
{
	struct sockaddr_in s = { 0 };
	socklen_t l = sizeof(s);

	skbox_getsockname(p->w, fd, (struct sockaddr *)&s, &l);
	return ntohs(s.sin_port);
}

static unsigned short ps_csum(const unsigned char *b, size_t n)
{
	unsigned long s = 0;

	for (size_t i = 0; i + 1 < n; i += 2)
		s += (unsigned long)(b[i] << 8 | b[i + 1]);
	if (n & 1)
		s += (unsigned long)b[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (unsigned short)(~s & 0xffff);
}

/* The control messages of a reply: " [ttl 64, tos 32]" */
static void ps_cmsgs(struct ps *p, struct msghdr *m)
{
	const char *sep = " [";

	if (!m->msg_controllen)
		return;
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(m); cm; cm = CMSG_NXTHDR(m, cm)) {
		int v = 0;

		if (cm->cmsg_len == CMSG_LEN(sizeof(int)))
			memcpy(&v, CMSG_DATA(cm), sizeof(v));
		else
			v = *CMSG_DATA(cm);
		if (cm->cmsg_type == IP_TTL)
			fprintf(p->ctx->out, "%sttl %d", sep, v);
		else if (cm->cmsg_type == IP_TOS)
			fprintf(p->ctx->out, "%stos %d", sep, v);
		else
			fprintf(p->ctx->out, "%s%d %d", sep, cm->cmsg_type, v);
		sep = ", ";
	}
	fputc(']', p->ctx->out);
}

/* The next reply on fd (2 s at most), as python's show_reply prints it */
static void ps_reply(struct ps *p, int fd, const char *tag)
{
	unsigned char b[100];
	union { struct cmsghdr c; char buf[100]; } u;
	struct sockaddr_in s;
	struct iovec iov = { .iov_base = b, .iov_len = sizeof(b) };
	struct msghdr m = { .msg_name = &s, .msg_namelen = sizeof(s), .msg_iov = &iov,
			    .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf) };
	struct pollfd pf = { .fd = fd, .events = POLLIN };
	char a[INET_ADDRSTRLEN];
	ssize_t n;
	int id;

	memset(&u, 0, sizeof(u));
	if (skbox_poll(p->w, &pf, 1, 2000) <= 0 || (n = skbox_recvmsg(p->w, fd, &m, 0)) < 8) {
		fprintf(p->ctx->out, "%s: nothing\n", tag);
		return;
	}
	if (!u.c.cmsg_len)
		m.msg_controllen = 0;
	inet_ntop(AF_INET, &s.sin_addr, a, sizeof(a));
	id = b[4] << 8 | b[5];
	fprintf(p->ctx->out, "%s: type %d code %d id ", tag, b[0], b[1]);
	if (id == ps_port(p, fd))
		fputs("=port", p->ctx->out);
	else
		fprintf(p->ctx->out, "%d", id);
	fprintf(p->ctx->out, " seq %d csum %s b'%.*s' from %s port %u", b[6] << 8 | b[7],
		ps_csum(b, (size_t)n) ? "bad" : "ok", (int)n - 8, (const char *)b + 8, a,
		ntohs(s.sin_port));
	ps_cmsgs(p, &m);
	fputc('\n', p->ctx->out);
}

static void ps_eacces(struct ps *p)
{
	int fd = skbox_socket(p->w, AF_INET, SOCK_DGRAM, IPPROTO_ICMP);

	fprintf(p->ctx->out, "ping socket: %s\n", ps_err(fd));
	if (fd >= 0)
		skbox_close(p->w, fd);
	fd = skbox_socket(p->w, AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
	fprintf(p->ctx->out, "ping6 socket: %s\n", ps_err(fd));
	if (fd >= 0)
		skbox_close(p->w, fd);
}

/* The send errors, then a reply and its control messages */
static void ps_send_cases(struct ps *p, int fd)
{
	static const struct { const char *tag, *dst; size_t len; int type, code; } c[] = {
		{ "short", "127.0.0.1", 4, 8, 0 }, { "type 0", "127.0.0.1", 12, 0, 0 },
		{ "code 1", "127.0.0.1", 12, 8, 1 }, { "no route", "10.9.9.9", 12, 8, 0 },
	};
	struct sockaddr_in any = ps_sin("0.0.0.0", 4242);
	unsigned char b[64];
	int v;

	fputs("getsockname before: ", p->ctx->out);
	ps_name(p, fd, false);
	fputc('\n', p->ctx->out);
	for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		ps_req(b, 1, "data", c[i].type, c[i].code);
		fprintf(p->ctx->out, "send %s: %s\n", c[i].tag,
			ps_err(ps_sendto(p, fd, b, c[i].len, c[i].dst)));
	}
	fprintf(p->ctx->out, "send unconnected: %s\n",
		ps_err(ps_sendto(p, fd, b, ps_req(b, 1, "data", 8, 0), NULL)));
	fprintf(p->ctx->out, "bind after send: %s\n",
		ps_err(skbox_bind(p->w, fd, (struct sockaddr *)&any, sizeof(any))));
	fprintf(p->ctx->out, "id assigned: %s\n", ps_port(p, fd) ? "True" : "False");
	fprintf(p->ctx->out, "send: %ld\n", ps_sendto(p, fd, b, ps_req(b, 1, "data", 8, 0),
						       "127.0.0.1"));
	ps_reply(p, fd, "reply");
	v = 1;
	skbox_setsockopt(p->w, fd, SOL_IP, PS_IP_RECVTTL, &v, sizeof(v));
	skbox_setsockopt(p->w, fd, SOL_IP, IP_RECVTOS, &v, sizeof(v));
	v = 0x20;
	skbox_setsockopt(p->w, fd, SOL_IP, IP_TOS, &v, sizeof(v));
	ps_sendto(p, fd, b, ps_req(b, 2, "xxxxxxxxxxxxxxxxxxxx", 8, 0), "10.0.0.1");
	ps_reply(p, fd, "reply ttl tos");
}

/* name: 0 nothing more, 1 the socket's name, 2 its address only */
static void ps_bind(struct ps *p, int fd, const char *tag, const char *a, int port, int name)
{
	struct sockaddr_in s = ps_sin(a, port);
	int err = skbox_bind(p->w, fd, (struct sockaddr *)&s, sizeof(s));
	socklen_t l = sizeof(s);
	char txt[INET_ADDRSTRLEN];

	fprintf(p->ctx->out, "%s: %s", tag, ps_err(err));
	if (name == 1) {
		fputc(' ', p->ctx->out);
		ps_name(p, fd, false);
	} else if (name == 2 && !skbox_getsockname(p->w, fd, (struct sockaddr *)&s, &l)) {
		inet_ntop(AF_INET, &s.sin_addr, txt, sizeof(txt));
		fprintf(p->ctx->out, " %s", txt);
	}
	fputc('\n', p->ctx->out);
}

/* bind and connect; the reply to two sockets of one identifier */
static void ps_bind_cases(struct ps *p)
{
	int q = skbox_socket(p->w, AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	int q2 = skbox_socket(p->w, AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	int q3 = skbox_socket(p->w, AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	struct sockaddr_in lo = ps_sin("127.0.0.1", 0);
	unsigned char b[64];
	char buf[100];

	ps_bind(p, q, "bind 4321", "0.0.0.0", 4321, 1);
	ps_bind(p, q2, "bind 4321 again", "127.0.0.1", 4321, 1);
	ps_bind(p, q3, "bind 10.9.9.9", "10.9.9.9", 0, 0);
	ps_bind(p, q3, "bind 224.0.0.1", "224.0.0.1", 0, 0);
	ps_bind(p, q3, "bind 10.0.0.255", "10.0.0.255", 0, 0);
	ps_bind(p, q3, "bind 10.0.0.1", "10.0.0.1", 0, 2);
	ps_bind(p, q3, "bind twice", "0.0.0.0", 77, 0);
	fprintf(p->ctx->out, "connect: %s ",
		ps_err(skbox_connect(p->w, q, (struct sockaddr *)&lo, sizeof(lo))));
	ps_name(p, q, false);
	fputs("\ngetpeername: ", p->ctx->out);
	ps_name(p, q, true);
	fprintf(p->ctx->out, "\nsend connected: %ld\n",
		ps_sendto(p, q, b, ps_req(b, 3, "data", 8, 0), NULL));
	ps_reply(p, q2, "reply to the newer socket of 4321");
	fprintf(p->ctx->out, "older socket: %s\n",
		ps_err(skbox_recv(p->w, q, buf, sizeof(buf), MSG_DONTWAIT)));
	skbox_close(p->w, q);
	skbox_close(p->w, q2);
	skbox_close(p->w, q3);
}

static void ps_basic(struct ps *p)
{
	int fd = skbox_socket(p->w, AF_INET, SOCK_DGRAM, IPPROTO_ICMP);

	if (fd < 0) {
		fprintf(p->ctx->out, "ping socket: %s\n", ps_err(fd));
		return;
	}
	ps_send_cases(p, fd);
	skbox_close(p->w, fd);
	ps_bind_cases(p);
}

/* One entry of the error queue, as python's unreach() prints it */
static void ps_errqueue(struct ps *p, int fd)
{
	unsigned char b[100];
	union { struct cmsghdr c; char buf[512]; } u;
	struct sockaddr_in s;
	struct iovec iov = { .iov_base = b, .iov_len = sizeof(b) };
	struct msghdr m = { .msg_name = &s, .msg_namelen = sizeof(s), .msg_iov = &iov,
			    .msg_iovlen = 1, .msg_control = u.buf, .msg_controllen = sizeof(u.buf) };
	struct sock_extended_err { unsigned int ee_errno; unsigned char origin, type, code, pad;
				   unsigned int info, data; } ee;
	struct sockaddr_in off;
	char a[INET_ADDRSTRLEN], o[INET_ADDRSTRLEN];
	ssize_t n = skbox_recvmsg(p->w, fd, &m, PS_MSG_ERRQUEUE);

	if (n < 8) {
		fprintf(p->ctx->out, "errqueue: %s\n", ps_err(n));
		return;
	}
	inet_ntop(AF_INET, &s.sin_addr, a, sizeof(a));
	fprintf(p->ctx->out, "errqueue: type %d id %s seq %d b'%.*s' to %s, flags %s\n", b[0],
		(b[4] << 8 | b[5]) == ps_port(p, fd) ? "=port" : "other", b[6] << 8 | b[7],
		(int)n - 8, (const char *)b + 8, a,
		m.msg_flags & PS_MSG_ERRQUEUE ? "MSG_ERRQUEUE" : "none");
	for (struct cmsghdr *cm = CMSG_FIRSTHDR(&m); cm; cm = CMSG_NXTHDR(&m, cm)) {
		memcpy(&ee, CMSG_DATA(cm), sizeof(ee));
		memcpy(&off, CMSG_DATA(cm) + sizeof(ee), sizeof(off));
		inet_ntop(AF_INET, &off.sin_addr, o, sizeof(o));
		fprintf(p->ctx->out, "cmsg %d %d: %s origin %d type %d code %d info %u offender %s\n",
			cm->cmsg_level, cm->cmsg_type, ps_err(-(long)ee.ee_errno), ee.origin, ee.type,
			ee.code, ee.info, o);
	}
}

static void ps_unreach(struct ps *p)
{
	int fd = skbox_socket(p->w, AF_INET, SOCK_DGRAM, IPPROTO_ICMP), v = 1;
	struct pollfd pf = { .fd = fd, .events = POLLIN };
	unsigned char b[64];
	char buf[100];
	int r;

	skbox_setsockopt(p->w, fd, SOL_IP, PS_IP_RECVERR, &v, sizeof(v));
	ps_sendto(p, fd, b, ps_req(b, 5, "data", 8, 0), "10.0.0.77");
	r = skbox_poll(p->w, &pf, 1, 6000);
	fprintf(p->ctx->out, "poll: %s\n", r == 1 && (pf.revents & POLLERR) ? "POLLERR" : "[]");
	fprintf(p->ctx->out, "recv: %s\n", ps_err(skbox_recv(p->w, fd, buf, sizeof(buf),
							     MSG_DONTWAIT)));
	ps_errqueue(p, fd);
	fputs("errqueue again: ", p->ctx->out);
	{
		struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
		struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1 };

		fprintf(p->ctx->out, "%s\n", ps_err(skbox_recvmsg(p->w, fd, &m, PS_MSG_ERRQUEUE)));
	}
	skbox_close(p->w, fd);
	fd = skbox_socket(p->w, AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
	ps_sendto(p, fd, b, ps_req(b, 6, "data", 8, 0), "10.0.0.78");
	pf.fd = fd;
	r = skbox_poll(p->w, &pf, 1, 5000);
	fprintf(p->ctx->out, "without IP_RECVERR: %s\n", r == 0 ? "nothing" :
		ps_err(skbox_recv(p->w, fd, buf, sizeof(buf), MSG_DONTWAIT)));
	skbox_close(p->w, fd);
}

int do_pingsock(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct ps p = { .ctx = ctx, .w = ctx->world };

	if (argc == 2 && !strcmp(argv[1], "eacces"))
		ps_eacces(&p);
	else if (argc == 2 && !strcmp(argv[1], "basic"))
		ps_basic(&p);
	else if (argc == 2 && !strcmp(argv[1], "unreach"))
		ps_unreach(&p);
	else {
		fputs("Usage: pingsock eacces|basic|unreach\n", ctx->err);
		return 1;
	}
	return 0;
}
