/* IPV6_PKTINFO / IPV6_RECVPKTINFO / IPV6_2292PKTINFO (net/ipv6/datagram.c,
 * ipv6_sockglue.c), ICMP6_FILTER on raw ICMPv6 sockets (raw.c) and ICMPv6
 * ping sockets (ping.c).  One namespace: lo up, a veth pair v0 (2001:db8::1,
 * 10.0.0.1) — v1 (2001:db8:1::1), both ends here.  Every expected value was
 * read on Linux 6.18 with a python3 program doing the same calls in a fresh
 * namespace of the same shape (the interface of a datagram looped back to
 * an address of ours is that address's device; the order of the messages;
 * a control buffer too short is cut with MSG_CTRUNC; EINVAL, ENODEV as
 * there). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "helpers.h"
#include "skbox/socket.h"
#include "net/ipv6.h"
#include "net/sock.h"

#ifndef IPV6_FLOWINFO
#define IPV6_FLOWINFO 11
#endif
#ifndef ICMP6_FILTER
#define ICMP6_FILTER 1
#endif

struct pk_rig {
	struct world *w;
	struct net *n;
	int lo, v0, v1;			/* ifindexes */
	int errs;
};

#define CHECK(r, cond) ((cond) ? (void)0 : (void)((r)->errs++, \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond)))

static struct sockaddr_in6 sa6(const char *a, int port)
{
	struct sockaddr_in6 s = { .sin6_family = AF_INET6, .sin6_port = htons((u16)port) };

	inet_pton(AF_INET6, a, &s.sin6_addr);
	return s;
}

static struct in6_pktinfo pktinfo(const char *a, int ifindex)
{
	struct in6_pktinfo p = { .ipi6_ifindex = (unsigned int)ifindex };

	inet_pton(AF_INET6, a, &p.ipi6_addr);
	return p;
}

/* sendmsg of "z" to dst:9000 with one IPV6_PKTINFO-like message (type,
 * data of len bytes) */
static ssize_t send_ctl(struct pk_rig *r, int fd, const char *dst, int type, const void *data,
			size_t len)
{
	struct sockaddr_in6 d = sa6(dst, 9000);
	char ctl[CMSG_SPACE(sizeof(struct in6_pktinfo))] = { 0 };
	struct iovec iov = { .iov_base = "z", .iov_len = 1 };
	struct msghdr m = { .msg_name = &d, .msg_namelen = sizeof(d), .msg_iov = &iov,
			    .msg_iovlen = 1, .msg_control = ctl,
			    .msg_controllen = CMSG_SPACE(len) };
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);

	cm->cmsg_level = IPPROTO_IPV6;
	cm->cmsg_type = type;
	cm->cmsg_len = CMSG_LEN(len);
	memcpy(CMSG_DATA(cm), data, len);
	return skbox_sendmsg(r->w, fd, &m, 0);
}

/* One datagram on fd: its source (text) and the first control message's
 * in6_pktinfo (address text, ifindex); returns the number of messages */
static int recv_pk(struct pk_rig *r, int fd, char *from, char *addr, int *ifindex)
{
	struct sockaddr_in6 s;
	char buf[16], ctl[256];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = { .msg_name = &s, .msg_namelen = sizeof(s), .msg_iov = &iov,
			    .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = sizeof(ctl) };
	struct pollfd p = { .fd = fd, .events = POLLIN };
	struct in6_pktinfo info;
	struct cmsghdr *cm;
	int n = 0;

	memset(ctl, 0, sizeof(ctl));
	CHECK(r, skbox_poll(r->w, &p, 1, 1000) == 1);
	CHECK(r, skbox_recvmsg(r->w, fd, &m, MSG_DONTWAIT) > 0);
	inet_ntop(AF_INET6, &s.sin6_addr, from, INET6_ADDRSTRLEN);
	*addr = 0;
	*ifindex = -1;
	for (cm = CMSG_FIRSTHDR(&m); cm; cm = CMSG_NXTHDR(&m, cm), n++) {
		if (n || cm->cmsg_level != IPPROTO_IPV6 || cm->cmsg_len != CMSG_LEN(sizeof(info)))
			continue;
		memcpy(&info, CMSG_DATA(cm), sizeof(info));
		inet_ntop(AF_INET6, &info.ipi6_addr, addr, INET6_ADDRSTRLEN);
		*ifindex = (int)info.ipi6_ifindex;
	}
	return n;
}

static void sendto6(struct pk_rig *r, int fd, const char *dst, int port)
{
	struct sockaddr_in6 d = sa6(dst, port);

	CHECK(r, skbox_sendto(r->w, fd, "x", 1, 0, (struct sockaddr *)&d, sizeof(d)) == 1);
}

/* the receiving side: IPV6_RECVPKTINFO gives each datagram's destination
 * and the interface it came in on */
static void recv_side(struct pk_rig *r, int rfd, int sfd)
{
	static const struct { const char *dst; int dev; } cases[] = {
		{ "::1", 0 }, { "2001:db8::1", 1 }, { "2001:db8:1::1", 2 },
	};
	char from[INET6_ADDRSTRLEN], addr[INET6_ADDRSTRLEN];
	int one = 1, v = -1, idx, s4 = skbox_socket(r->w, AF_INET, SOCK_DGRAM, 0);
	int devs[] = { r->lo, r->v0, r->v1 };
	unsigned int l = sizeof(v);
	struct sockaddr_in d4 = { .sin_family = AF_INET, .sin_port = htons(9000) };

	CHECK(r, skbox_setsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &one, 1) == -EINVAL);
	CHECK(r, skbox_setsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &one,
				  sizeof(one)) == 0);
	CHECK(r, skbox_getsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &v, &l) == 0 &&
		 v == 1);
	CHECK(r, skbox_getsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_2292PKTINFO, &v, &l) == 0 &&
		 v == 0);
	l = sizeof(struct in6_pktinfo);
	CHECK(r, skbox_getsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_PKTINFO, addr, &l) ==
		 -ENOPROTOOPT);
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		sendto6(r, sfd, cases[i].dst, 9000);
		CHECK(r, recv_pk(r, rfd, from, addr, &idx) == 1);
		CHECK(r, !strcmp(addr, cases[i].dst) && idx == devs[cases[i].dev]);
	}
	/* IPv4 on the dual-stack socket: the v4-mapped destination */
	inet_pton(AF_INET, "10.0.0.1", &d4.sin_addr);
	CHECK(r, skbox_sendto(r->w, s4, "y", 1, 0, (struct sockaddr *)&d4, sizeof(d4)) == 1);
	CHECK(r, recv_pk(r, rfd, from, addr, &idx) == 1);
	CHECK(r, !strcmp(addr, "::ffff:10.0.0.1") && idx == r->v0);
	inet_pton(AF_INET, "127.0.0.1", &d4.sin_addr);
	CHECK(r, skbox_sendto(r->w, s4, "y", 1, 0, (struct sockaddr *)&d4, sizeof(d4)) == 1);
	CHECK(r, recv_pk(r, rfd, from, addr, &idx) == 1);
	CHECK(r, !strcmp(addr, "::ffff:127.0.0.1") && idx == r->lo);
	skbox_close(r->w, s4);
}

/* IPV6_PKTINFO, hop limit, class and IPV6_2292PKTINFO in Linux's order;
 * a control buffer of 30 bytes holds a cut IPV6_PKTINFO and MSG_CTRUNC */
static void recv_order(struct pk_rig *r, int rfd, int sfd)
{
	static const int want[] = { IPV6_PKTINFO, IPV6_HOPLIMIT, IPV6_TCLASS, IPV6_2292PKTINFO };
	int one = 1, zero = 0, n = 0;
	char buf[8], ctl[200];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
			    .msg_controllen = sizeof(ctl) };
	struct cmsghdr *cm;

	skbox_setsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_2292PKTINFO, &one, sizeof(one));
	skbox_setsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one, sizeof(one));
	skbox_setsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_RECVTCLASS, &one, sizeof(one));
	sendto6(r, sfd, "::1", 9000);
	skbox_nanosleep(r->w, 10 * T_MS);
	CHECK(r, skbox_recvmsg(r->w, rfd, &m, MSG_DONTWAIT) == 1 && !(m.msg_flags & MSG_CTRUNC));
	for (cm = CMSG_FIRSTHDR(&m); cm; cm = CMSG_NXTHDR(&m, cm), n++)
		CHECK(r, n < 4 && cm->cmsg_type == want[n]);
	CHECK(r, n == 4 && m.msg_controllen == 2 * CMSG_SPACE(sizeof(struct in6_pktinfo)) + 2 * CMSG_SPACE(sizeof(int)));
	sendto6(r, sfd, "::1", 9000);
	skbox_nanosleep(r->w, 10 * T_MS);
	m.msg_controllen = 30;
	m.msg_flags = 0;
	CHECK(r, skbox_recvmsg(r->w, rfd, &m, MSG_DONTWAIT) == 1 && (m.msg_flags & MSG_CTRUNC));
	cm = (struct cmsghdr *)ctl;
	CHECK(r, m.msg_controllen == 30 && cm->cmsg_type == IPV6_PKTINFO && cm->cmsg_len == 30);
	skbox_setsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_2292PKTINFO, &zero, sizeof(zero));
	skbox_setsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &zero, sizeof(zero));
	skbox_setsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_RECVTCLASS, &zero, sizeof(zero));
}

/* IPV6_PKTINFO on send: source and interface, or the errors */
static void send_side(struct pk_rig *r, int rfd, int sfd)
{
	static const struct { const char *src; int dev; const char *dst; int ret; } cases[] = {
		{ "::", -1, "::1", 1 },
		{ "2001:db8::1", -1, "::1", 1 },
		{ "2001:db8:1::1", -1, "2001:db8::1", 1 },
		{ "2001:db8::9", -1, "::1", -EINVAL },		/* not ours */
		{ "::", 0, "::1", 1 },
		{ "::", 2, "2001:db8:1::1", 1 },
		{ "::", 99, "::1", -ENODEV },
		{ "fe80::1", -1, "::1", -EINVAL },		/* link-local, no interface */
		{ "::", 1, "2001:db8::1", 1 },
	};
	char from[INET6_ADDRSTRLEN], addr[INET6_ADDRSTRLEN];
	int devs[] = { r->lo, r->v0, r->v1 }, idx;

	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		struct in6_pktinfo p = pktinfo(cases[i].src, cases[i].dev < 0 ? 0 :
					       cases[i].dev == 99 ? 99 : devs[cases[i].dev]);
		ssize_t ret = send_ctl(r, sfd, cases[i].dst, IPV6_PKTINFO, &p, sizeof(p));

		CHECK(r, ret == cases[i].ret);
		if (ret != 1)
			continue;
		recv_pk(r, rfd, from, addr, &idx);
		CHECK(r, !strcmp(from, strcmp(cases[i].src, "::") ? cases[i].src : cases[i].dst));
	}
	/* too short, an unknown IPv6 type: EINVAL; IPV6_2292PKTINFO as PKTINFO */
	{
		struct in6_pktinfo p = pktinfo("2001:db8::1", 0);
		int zero = 0;

		CHECK(r, send_ctl(r, sfd, "::1", IPV6_PKTINFO, &p, 16) == -EINVAL);
		CHECK(r, send_ctl(r, sfd, "::1", 99, &zero, sizeof(zero)) == -EINVAL);
		CHECK(r, send_ctl(r, sfd, "::1", IPV6_2292PKTINFO, &p, sizeof(p)) == 1);
		recv_pk(r, rfd, from, addr, &idx);
		CHECK(r, !strcmp(from, "2001:db8::1"));
	}
}

/* the sticky IPV6_PKTINFO: its interface; a device-bound socket may name
 * only that device */
static void sticky(struct pk_rig *r, int rfd, int sfd)
{
	char from[INET6_ADDRSTRLEN], addr[INET6_ADDRSTRLEN];
	struct in6_pktinfo p = pktinfo("2001:db8::1", r->v1), q = pktinfo("::", r->v0);
	int idx, b = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, 0);

	CHECK(r, skbox_setsockopt(r->w, sfd, IPPROTO_IPV6, IPV6_PKTINFO, &p, 0) == -EINVAL);
	CHECK(r, skbox_setsockopt(r->w, sfd, IPPROTO_IPV6, IPV6_PKTINFO, &p, 19) == -EINVAL);
	CHECK(r, skbox_setsockopt(r->w, sfd, IPPROTO_IPV6, IPV6_PKTINFO, &p, sizeof(p)) == 0);
	sendto6(r, sfd, "2001:db8:1::1", 9000);
	CHECK(r, recv_pk(r, rfd, from, addr, &idx) == 1);
	CHECK(r, !strcmp(from, "2001:db8:1::1") && idx == r->v1);
	/* a message naming another interface than the sticky one */
	CHECK(r, send_ctl(r, sfd, "2001:db8:1::1", IPV6_PKTINFO, &q, sizeof(q)) == -EINVAL);
	CHECK(r, skbox_setsockopt(r->w, b, SOL_SOCKET, SO_BINDTODEVICE, "v1", 3) == 0);
	CHECK(r, skbox_setsockopt(r->w, b, IPPROTO_IPV6, IPV6_PKTINFO, &p, sizeof(p)) == 0);
	CHECK(r, skbox_setsockopt(r->w, b, IPPROTO_IPV6, IPV6_PKTINFO, &q, sizeof(q)) == -EINVAL);
	q.ipi6_ifindex = 0;
	CHECK(r, skbox_setsockopt(r->w, b, IPPROTO_IPV6, IPV6_PKTINFO, &q, sizeof(q)) == -EINVAL);
	skbox_close(r->w, b);
}

static int pktinfo_task(void *arg)
{
	struct pk_rig *r = arg;
	int rfd = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, 0);
	int sfd = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, 0);
	struct sockaddr_in6 any = sa6("::", 9000);

	CHECK(r, skbox_bind(r->w, rfd, (struct sockaddr *)&any, sizeof(any)) == 0);
	recv_side(r, rfd, sfd);
	recv_order(r, rfd, sfd);
	send_side(r, rfd, sfd);
	sticky(r, rfd, sfd);
	skbox_close(r->w, rfd);
	skbox_close(r->w, sfd);
	return 0;
}

static void rig_up(struct pk_rig *r, unsigned int seed)
{
	r->w = world_new(seed);
	r->n = net_create(r->w, "a");
	assert_int_equal(h_run(r->w, r->n, "ip link set lo up", T_SEC, NULL), 0);
	assert_non_null(h_link(r->n, "veth", "v0", "v1", NULL));
	assert_int_equal(h_run(r->w, r->n, "ip addr add 2001:db8::1/64 dev v0 nodad", T_SEC,
			       NULL), 0);
	assert_int_equal(h_run(r->w, r->n, "ip addr add 10.0.0.1/24 dev v0", T_SEC, NULL), 0);
	assert_int_equal(h_run(r->w, r->n, "ip addr add 2001:db8:1::1/64 dev v1 nodad", T_SEC,
			       NULL), 0);
	assert_int_equal(h_up(r->n, "v0"), 0);
	assert_int_equal(h_up(r->n, "v1"), 0);
	r->lo = __dev_get_by_name(r->n, "lo")->ifindex;
	r->v0 = __dev_get_by_name(r->n, "v0")->ifindex;
	r->v1 = __dev_get_by_name(r->n, "v1")->ifindex;
}

static void rig_run(struct pk_rig *r, int (*fn)(void *))
{
	struct task *t = task_spawn(r->w, r->n, "t", fn, r);

	h_advance_to(r->w, r->w->now + 10 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r->errs, 0);
}

static void test_ipv6_pktinfo(void **state)
{
	struct pk_rig r = { 0 };

	(void)state;
	rig_up(&r, 11);
	rig_run(&r, pktinfo_task);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* raw ICMPv6 socket r sends an echo request to ::1; how many messages of
 * each type (128, 129) reach fd in 100 ms */
static void raw_echo(struct pk_rig *r, int from, u16 id)
{
	u8 req[12] = { 128, 0, 0, 0, (u8)(id >> 8), (u8)id, 0, 1, 'd', 'a', 't', 'a' };
	struct sockaddr_in6 d = sa6("::1", 0);

	CHECK(r, skbox_sendto(r->w, from, req, sizeof(req), 0, (struct sockaddr *)&d,
			      sizeof(d)) == sizeof(req));
	skbox_nanosleep(r->w, 100 * T_MS);
}

static int drain_types(struct pk_rig *r, int fd, int *n128, int *n129)
{
	u8 buf[256];
	int n = 0;

	*n128 = *n129 = 0;
	while (skbox_recv(r->w, fd, buf, sizeof(buf), MSG_DONTWAIT) > 0) {
		*n128 += buf[0] == 128;
		*n129 += buf[0] == 129;
		n++;
	}
	return n;
}

/* ICMP6_FILTER: all pass by default; a filter blocking all but echo reply
 * keeps the request out; short and long values as Linux takes them */
static int filter_task(void *arg)
{
	struct pk_rig *r = arg;
	int fd = skbox_socket(r->w, AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
	int fd2 = skbox_socket(r->w, AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
	u32 f[8], blk[8], ones[2] = { ~0u, ~0u }, zeros[10] = { 0 };
	unsigned int l = sizeof(f);
	int a, b;

	CHECK(r, skbox_getsockopt(r->w, fd, IPPROTO_ICMPV6, ICMP6_FILTER, f, &l) == 0 &&
		 l == sizeof(f) && !f[0] && !f[7]);
	l = 64;
	CHECK(r, skbox_getsockopt(r->w, fd, IPPROTO_ICMPV6, ICMP6_FILTER, f, &l) == 0 &&
		 l == sizeof(f));
	/* 8 bytes set the first 8; 40 are cut to 32 */
	CHECK(r, skbox_setsockopt(r->w, fd, IPPROTO_ICMPV6, ICMP6_FILTER, ones, 8) == 0);
	l = 8;
	CHECK(r, skbox_getsockopt(r->w, fd, IPPROTO_ICMPV6, ICMP6_FILTER, f, &l) == 0 &&
		 l == 8 && f[0] == ~0u && f[1] == ~0u);
	CHECK(r, skbox_setsockopt(r->w, fd, IPPROTO_ICMPV6, ICMP6_FILTER, zeros, 40) == 0);
	CHECK(r, skbox_setsockopt(r->w, fd, IPPROTO_ICMPV6, 2, zeros, 32) == -ENOPROTOOPT);
	l = 32;
	CHECK(r, skbox_getsockopt(r->w, fd, IPPROTO_ICMPV6, 2, f, &l) == -ENOPROTOOPT);
	memset(blk, 0xff, sizeof(blk));
	blk[129 >> 5] &= ~(1u << (129 & 31));
	CHECK(r, skbox_setsockopt(r->w, fd, IPPROTO_ICMPV6, ICMP6_FILTER, blk, sizeof(blk)) == 0);
	l = sizeof(f);
	CHECK(r, skbox_getsockopt(r->w, fd, IPPROTO_ICMPV6, ICMP6_FILTER, f, &l) == 0 &&
		 !memcmp(f, blk, sizeof(f)));
	raw_echo(r, fd2, 0x1234);
	CHECK(r, drain_types(r, fd, &a, &b) == 1 && b == 1);
	CHECK(r, drain_types(r, fd2, &a, &b) == 2 && a == 1 && b == 1);
	skbox_close(r->w, fd);
	skbox_close(r->w, fd2);
	return 0;
}

static void test_icmp6_filter(void **state)
{
	struct pk_rig r = { 0 };

	(void)state;
	rig_up(&r, 12);
	rig_run(&r, filter_task);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static ssize_t ping_send(struct pk_rig *r, int fd, const void *msg, size_t len, const char *dst)
{
	struct sockaddr_in6 d = sa6(dst ? dst : "::", 0);

	return skbox_sendto(r->w, fd, msg, len, 0, dst ? (struct sockaddr *)&d : NULL,
			    dst ? sizeof(d) : 0);
}

static u16 sock_port(struct pk_rig *r, int fd)
{
	struct sockaddr_in6 me;
	socklen_t l = sizeof(me);

	CHECK(r, skbox_getsockname(r->w, fd, (struct sockaddr *)&me, &l) == 0);
	return ntohs(me.sin6_port);
}

/* the errors of a ping socket's sendmsg, as Linux checks them */
static void ping_send_errors(struct pk_rig *r, int p)
{
	u8 req[12] = { 128, 0, 0, 0, 0, 0, 0, 1, 'd', 'a', 't', 'a' };
	u8 bad[8] = { 129, 0, 0, 0, 0, 0, 0, 1 }, code[8] = { 128, 1, 0, 0, 0, 0, 0, 1 };

	CHECK(r, ping_send(r, p, req, 4, "::1") == -EINVAL);
	CHECK(r, ping_send(r, p, bad, sizeof(bad), "::1") == -EINVAL);
	CHECK(r, ping_send(r, p, code, sizeof(code), "::1") == -EINVAL);
	CHECK(r, ping_send(r, p, req, sizeof(req), NULL) == -EDESTADDRREQ);
	CHECK(r, ping_send(r, p, req, sizeof(req), "::ffff:127.0.0.1") == -EINVAL);
	CHECK(r, ping_send(r, p, req, sizeof(req), "fe80::1") == -EINVAL);
	CHECK(r, ping_send(r, p, req, sizeof(req), "2001:db9::1") == -ENETUNREACH);
}

/* a reply read from a ping socket: the whole message, port 0, the
 * socket's identifier in it; the raw socket saw request and reply */
static void ping_reply(struct pk_rig *r, int p, int raw)
{
	u8 req[12] = { 128, 0, 0, 0, 0, 0, 0, 1, 'd', 'a', 't', 'a' }, buf[64];
	char ctl[64], from[INET6_ADDRSTRLEN];
	struct sockaddr_in6 s;
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = { .msg_name = &s, .msg_namelen = sizeof(s), .msg_iov = &iov,
			    .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = sizeof(ctl) };
	struct cmsghdr *cm;
	int one = 1, a, b;
	u16 id;

	CHECK(r, ping_send(r, p, req, sizeof(req), "::1") == sizeof(req));
	id = sock_port(r, p);
	CHECK(r, id != 0);
	skbox_nanosleep(r->w, 100 * T_MS);
	CHECK(r, skbox_recvmsg(r->w, p, &m, MSG_DONTWAIT) == 12);
	inet_ntop(AF_INET6, &s.sin6_addr, from, sizeof(from));
	CHECK(r, buf[0] == 129 && buf[1] == 0 && (buf[4] << 8 | buf[5]) == id &&
		 !memcmp(buf + 6, "\0\1data", 6) && !strcmp(from, "::1") && s.sin6_port == 0);
	CHECK(r, drain_types(r, raw, &a, &b) == 2 && a == 1 && b == 1);
	skbox_setsockopt(r->w, p, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one, sizeof(one));
	CHECK(r, ping_send(r, p, req, sizeof(req), "::1") == sizeof(req));
	skbox_nanosleep(r->w, 100 * T_MS);
	m.msg_controllen = sizeof(ctl);
	CHECK(r, skbox_recvmsg(r->w, p, &m, MSG_DONTWAIT) == 12);
	cm = CMSG_FIRSTHDR(&m);
	CHECK(r, cm && cm->cmsg_type == IPV6_HOPLIMIT && *(int *)CMSG_DATA(cm) == 64);
	CHECK(r, ping_send(r, p, req, sizeof(req), "::1") == sizeof(req));
	skbox_nanosleep(r->w, 100 * T_MS);
	CHECK(r, skbox_recv(r->w, p, buf, 3, 0) == 3);
	CHECK(r, skbox_recv(r->w, p, buf, sizeof(buf), MSG_DONTWAIT) == -EAGAIN);
	drain_types(r, raw, &a, &b);
}

/* bind: an identifier two sockets may share (the newest gets the
 * replies), an address not ours, a second bind; connect: no peer name */
static void ping_bind_connect(struct pk_rig *r)
{
	u8 req[12] = { 128, 0, 0, 0, 0, 0, 0, 1, 'd', 'a', 't', 'a' }, buf[64];
	int q = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
	int q2 = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
	int q3 = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
	struct sockaddr_in6 a = sa6("::", 4321), peer;
	socklen_t l = sizeof(peer);

	CHECK(r, skbox_bind(r->w, q, (struct sockaddr *)&a, sizeof(a)) == 0 &&
		 sock_port(r, q) == 4321);
	CHECK(r, skbox_bind(r->w, q2, (struct sockaddr *)&a, sizeof(a)) == 0);
	a = sa6("2001:db8::9", 0);
	CHECK(r, skbox_bind(r->w, q3, (struct sockaddr *)&a, sizeof(a)) == -EADDRNOTAVAIL);
	a = sa6("::", 0);
	CHECK(r, skbox_bind(r->w, q3, (struct sockaddr *)&a, sizeof(a)) == 0 && sock_port(r, q3));
	a = sa6("::", 77);
	CHECK(r, skbox_bind(r->w, q3, (struct sockaddr *)&a, sizeof(a)) == -EINVAL);
	a = sa6("::1", 0);
	CHECK(r, skbox_connect(r->w, q, (struct sockaddr *)&a, sizeof(a)) == 0);
	CHECK(r, skbox_getpeername(r->w, q, (struct sockaddr *)&peer, &l) == -ENOTCONN);
	CHECK(r, skbox_send(r->w, q, req, sizeof(req), 0) == sizeof(req));
	skbox_nanosleep(r->w, 100 * T_MS);
	CHECK(r, skbox_recv(r->w, q, buf, sizeof(buf), MSG_DONTWAIT) == -EAGAIN);
	CHECK(r, skbox_recv(r->w, q2, buf, sizeof(buf), MSG_DONTWAIT) == 12 &&
		 (buf[4] << 8 | buf[5]) == 4321);
	skbox_close(r->w, q);
	skbox_close(r->w, q2);
	skbox_close(r->w, q3);
}

/* IPV6_RECVERR: an echo request to a neighbour that never answers comes
 * back as address unreachable from our own address, with the request */
static void ping_errqueue(struct pk_rig *r, int p)
{
	u8 req[12] = { 128, 0, 0, 0, 0, 0, 0, 1, 'd', 'a', 't', 'a' }, buf[64];
	char ctl[256], to[INET6_ADDRSTRLEN], off[INET6_ADDRSTRLEN];
	struct sockaddr_in6 s;
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = { .msg_name = &s, .msg_namelen = sizeof(s), .msg_iov = &iov,
			    .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = sizeof(ctl) };
	struct pollfd pf = { .fd = p, .events = POLLIN };
	struct sock_extended_err ee;
	struct sockaddr_in6 offender;
	struct cmsghdr *cm;
	int one = 1;

	skbox_setsockopt(r->w, p, IPPROTO_IPV6, IPV6_RECVERR, &one, sizeof(one));
	CHECK(r, ping_send(r, p, req, sizeof(req), "2001:db8::77") == sizeof(req));
	CHECK(r, skbox_poll(r->w, &pf, 1, 5000) == 1 && (pf.revents & POLLERR));
	CHECK(r, skbox_recvmsg(r->w, p, &m, MSG_ERRQUEUE) == 12 && buf[0] == 128 &&
		 (buf[4] << 8 | buf[5]) == sock_port(r, p));
	inet_ntop(AF_INET6, &s.sin6_addr, to, sizeof(to));
	CHECK(r, !strcmp(to, "2001:db8::77") && s.sin6_port == 0);
	for (cm = CMSG_FIRSTHDR(&m); cm; cm = CMSG_NXTHDR(&m, cm))
		if (cm->cmsg_type == IPV6_RECVERR)
			break;
	CHECK(r, cm != NULL);
	if (!cm)
		return;
	memcpy(&ee, CMSG_DATA(cm), sizeof(ee));
	memcpy(&offender, CMSG_DATA(cm) + sizeof(ee), sizeof(offender));
	inet_ntop(AF_INET6, &offender.sin6_addr, off, sizeof(off));
	CHECK(r, ee.ee_errno == EHOSTUNREACH && ee.ee_origin == SO_EE_ORIGIN_ICMP6 &&
		 ee.ee_type == 1 && ee.ee_code == 3 && !strcmp(off, "2001:db8::1"));
}

static int ping_task(void *arg)
{
	struct pk_rig *r = arg;
	int raw = skbox_socket(r->w, AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
	int p = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6), v = 0;
	unsigned int l = sizeof(v);

	CHECK(r, p == -EACCES);	/* ping_group_range "1 0" */
	CHECK(r, skbox_socket(r->w, AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6) == -EACCES);
	r->n->ipv4.sysctl_ping_group_range[0] = 0;
	r->n->ipv4.sysctl_ping_group_range[1] = 2147483647;
	p = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
	CHECK(r, p >= 0 && sock_port(r, p) == 0);
	CHECK(r, skbox_setsockopt(r->w, p, IPPROTO_ICMPV6, ICMP6_FILTER, &v, sizeof(v)) ==
		 -ENOPROTOOPT);
	CHECK(r, skbox_getsockopt(r->w, p, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &v, &l) == 0 &&
		 v == 64);
	ping_send_errors(r, p);
	ping_reply(r, p, raw);
	ping_bind_connect(r);
	ping_errqueue(r, p);
	skbox_close(r->w, p);
	skbox_close(r->w, raw);
	return 0;
}

static void test_ping6_sockets(void **state)
{
	struct pk_rig r = { 0 };

	(void)state;
	rig_up(&r, 13);
	rig_run(&r, ping_task);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* the flow label a datagram from a fresh socket (IPV6_AUTOFLOWLABEL
 * autofl: -1 untouched) to ::1 port 9100 arrives with, host order */
static u32 label_of(struct pk_rig *r, int rfd, int autofl, int sport)
{
	int fd = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, 0);
	struct sockaddr_in6 me = sa6("::", sport);
	char buf[8], ctl[64];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl,
			    .msg_controllen = sizeof(ctl) };
	struct cmsghdr *cm;
	u32 first = 0;

	if (autofl >= 0)
		skbox_setsockopt(r->w, fd, IPPROTO_IPV6, IPV6_AUTOFLOWLABEL, &autofl,
				 sizeof(autofl));
	CHECK(r, skbox_bind(r->w, fd, (struct sockaddr *)&me, sizeof(me)) == 0);
	sendto6(r, fd, "::1", 9100);
	skbox_nanosleep(r->w, 10 * T_MS);
	memset(ctl, 0, sizeof(ctl));
	CHECK(r, skbox_recvmsg(r->w, rfd, &m, MSG_DONTWAIT) == 1);
	cm = CMSG_FIRSTHDR(&m);
	if (cm && cm->cmsg_len && cm->cmsg_type == IPV6_FLOWINFO)
		memcpy(&first, CMSG_DATA(cm), 4);
	skbox_close(r->w, fd);
	return ntohl(first) & 0xFFFFF;
}

static int flowlabel_task(void *arg)
{
	struct pk_rig *r = arg;
	int rfd = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, 0), one = 1, v = -1;
	struct sockaddr_in6 me = sa6("::", 9100);
	unsigned int l = sizeof(v);
	u32 a, b, c;

	CHECK(r, skbox_bind(r->w, rfd, (struct sockaddr *)&me, sizeof(me)) == 0);
	skbox_setsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_FLOWINFO, &one, sizeof(one));
	CHECK(r, skbox_getsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_AUTOFLOWLABEL, &v, &l) == 0 &&
		 v == 1);
	/* a flow keeps its label; another flow (port) has its own */
	a = label_of(r, rfd, -1, 7001);
	b = label_of(r, rfd, -1, 7001);
	c = label_of(r, rfd, -1, 7002);
	CHECK(r, a && a == b && c && c != a);
	r->lo = (int)a;		/* handed to the test: the same seed, the same label */
	CHECK(r, label_of(r, rfd, 0, 7001) == 0);	/* IPV6_AUTOFLOWLABEL off */
	r->n->ipv6.sysctl_auto_flowlabels = 0;
	CHECK(r, label_of(r, rfd, -1, 7001) == 0);
	CHECK(r, skbox_getsockopt(r->w, rfd, IPPROTO_IPV6, IPV6_AUTOFLOWLABEL, &v, &l) == 0 &&
		 v == 0);
	CHECK(r, label_of(r, rfd, 1, 7001) == 0);	/* 0: off whatever the socket says */
	r->n->ipv6.sysctl_auto_flowlabels = 2;		/* opt-in */
	CHECK(r, label_of(r, rfd, -1, 7001) == 0 && label_of(r, rfd, 1, 7001) == a);
	r->n->ipv6.sysctl_auto_flowlabels = 3;		/* forced */
	CHECK(r, label_of(r, rfd, 0, 7001) == a);
	r->n->ipv6.sysctl_flowlabel_state_ranges = 1;
	CHECK(r, label_of(r, rfd, -1, 7001) == (a | 0x80000));
	skbox_close(r->w, rfd);
	return 0;
}

static void test_ipv6_flowlabel(void **state)
{
	struct pk_rig r = { 0 }, r2 = { 0 };

	(void)state;
	rig_up(&r, 14);
	rig_run(&r, flowlabel_task);
	rig_up(&r2, 14);
	rig_run(&r2, flowlabel_task);
	assert_int_equal(r.lo, r2.lo);
	assert_int_equal(world_free(r.w, stderr), 0);
	assert_int_equal(world_free(r2.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ipv6_pktinfo),
		cmocka_unit_test(test_icmp6_filter),
		cmocka_unit_test(test_ping6_sockets),
		cmocka_unit_test(test_ipv6_flowlabel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
