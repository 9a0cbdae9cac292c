/* IPv4 ping sockets (net/ipv4/ping.c) and what they share with the ICMPv6
 * ones: one identifier table for both families.  Namespaces a (v0
 * 10.0.0.1, default via r), r (r0 10.0.0.2, r1 10.0.1.2 with MTU 1400,
 * forwarding) and b (b0 10.0.1.1 and .3).  Every expected value was
 * read on Linux 6.18 with a python3 program doing the same calls in fresh
 * namespaces of the same shape: SO_BINDTODEVICE against the device of the
 * local address a reply comes to (v0 for 10.0.0.1, lo for 127.0.0.1); the
 * local EMSGSIZE of IP_PMTUDISC_DO (origin local, info the MTU, no data);
 * v4 and v6 sockets of one identifier each getting their own replies,
 * EADDRINUSE once one side turns SO_REUSEADDR off, autobound identifiers
 * consecutive across families; connect with a port (getpeername gives it),
 * AF_UNSPEC unbinding; bind's AF_UNSPEC for INADDR_ANY (ping, UDP; raw
 * looks at no family); time exceeded and frag needed through the error
 * queue (offender, type, code, info 1400, 528 bytes quoted), the route
 * then 1400 for the next send; on a connected socket without IP_RECVERR
 * frag needed is a hard error (sk_err, read once) and time exceeded is
 * not. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <cmocka.h>
#include <poll.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "helpers.h"
#include "skbox/socket.h"
#include "net/sock.h"

#define P_IP_RECVERR 11
#define P_IP_MTU_DISCOVER 10

struct pr {
	struct world *w;
	struct net *a, *r, *b;
	int errs;
};

#define CHECK(r, cond) ((cond) ? (void)0 : (void)((r)->errs++, \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond)))

static struct sockaddr_in sin4(const char *a, int port)
{
	struct sockaddr_in s = { .sin_family = AF_INET, .sin_port = htons((u16)port) };

	inet_pton(AF_INET, a, &s.sin_addr);
	return s;
}

static int psock(struct pr *r)
{
	return skbox_socket(r->w, AF_INET, SOCK_DGRAM, IPPROTO_ICMP);
}

/* an echo request of seq with len bytes of data (at most 1600) to dst */
static ssize_t echo_to(struct pr *r, int fd, const char *dst, int seq, size_t len)
{
	static u8 b[1608];
	struct sockaddr_in d = sin4(dst, 0);

	memset(b, 'x', sizeof(b));
	b[0] = 8;
	b[1] = 0;
	b[6] = (u8)(seq >> 8);
	b[7] = (u8)seq;
	return skbox_sendto(r->w, fd, b, 8 + len, 0, (struct sockaddr *)&d, sizeof(d));
}

/* the seq of the next message on fd within 300 ms, -1 for none; its type */
static int reply_seq(struct pr *r, int fd, int *type)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	u8 b[2048];

	if (skbox_poll(r->w, &p, 1, 300) != 1 || !(p.revents & POLLIN) ||
	    skbox_recv(r->w, fd, b, sizeof(b), MSG_DONTWAIT) < 8)
		return -1;
	if (type)
		*type = b[0];
	return b[6] << 8 | b[7];
}

static int sock_port(struct pr *r, int fd)
{
	struct sockaddr_in6 s = { 0 };
	socklen_t l = sizeof(s);

	CHECK(r, skbox_getsockname(r->w, fd, (struct sockaddr *)&s, &l) == 0);
	return ntohs(s.sin6_port);	/* sin_port sits at the same place */
}

struct errq {
	int err, origin, type, code, len;
	u32 info;
	char offender[INET_ADDRSTRLEN], to[INET_ADDRSTRLEN];
};

/* one entry of fd's error queue; -errno of the read */
static int errq_read(struct pr *r, int fd, struct errq *e)
{
	u8 b[2048];
	char ctl[256];
	struct sockaddr_in s = { 0 }, off;
	struct iovec iov = { .iov_base = b, .iov_len = sizeof(b) };
	struct msghdr m = { .msg_name = &s, .msg_namelen = sizeof(s), .msg_iov = &iov,
			    .msg_iovlen = 1, .msg_control = ctl, .msg_controllen = sizeof(ctl) };
	struct sock_extended_err ee;
	struct cmsghdr *cm;
	ssize_t n = skbox_recvmsg(r->w, fd, &m, MSG_ERRQUEUE);

	if (n < 0)
		return (int)n;
	cm = CMSG_FIRSTHDR(&m);
	CHECK(r, cm && cm->cmsg_level == SOL_IP && cm->cmsg_type == P_IP_RECVERR);
	if (!cm)
		return -EINVAL;
	memcpy(&ee, CMSG_DATA(cm), sizeof(ee));
	memcpy(&off, CMSG_DATA(cm) + sizeof(ee), sizeof(off));
	*e = (struct errq){ .err = (int)ee.ee_errno, .origin = ee.ee_origin, .type = ee.ee_type,
			    .code = ee.ee_code, .info = ee.ee_info, .len = (int)n };
	inet_ntop(AF_INET, &off.sin_addr, e->offender, sizeof(e->offender));
	inet_ntop(AF_INET, &s.sin_addr, e->to, sizeof(e->to));
	return 0;
}

/* SO_BINDTODEVICE: the device of the local address the reply comes to */
static void bound_device(struct pr *r)
{
	static const struct { const char *dev, *dst; bool gets; } c[] = {
		{ "v0", "10.0.0.1", true }, { "v0", "127.0.0.1", false },
		{ "lo", "10.0.0.1", false }, { "lo", "127.0.0.1", true },
	};

	for (size_t i = 0; i < ARRAY_SIZE(c); i++) {
		int fd = psock(r);

		CHECK(r, skbox_setsockopt(r->w, fd, SOL_SOCKET, SO_BINDTODEVICE, c[i].dev, 3) == 0);
		CHECK(r, echo_to(r, fd, c[i].dst, 1, 4) == 12);
		CHECK(r, (reply_seq(r, fd, NULL) == 1) == c[i].gets);
		skbox_close(r->w, fd);
	}
}

/* IP_PMTUDISC_DO: over the device's 1500 is a local EMSGSIZE */
static void local_emsgsize(struct pr *r)
{
	int fd = psock(r), one = 1, dflag = IP_PMTUDISC_DO;
	struct errq e;

	skbox_setsockopt(r->w, fd, SOL_IP, P_IP_RECVERR, &one, sizeof(one));
	skbox_setsockopt(r->w, fd, SOL_IP, P_IP_MTU_DISCOVER, &dflag, sizeof(dflag));
	CHECK(r, echo_to(r, fd, "10.0.0.2", 1, 1473) == -EMSGSIZE);
	CHECK(r, echo_to(r, fd, "10.0.0.2", 1, 1472) == 1480);
	CHECK(r, errq_read(r, fd, &e) == 0 && e.err == EMSGSIZE && e.origin == SO_EE_ORIGIN_LOCAL &&
		 e.info == 1500 && e.len == 0 && !strcmp(e.to, "10.0.0.2"));
	skbox_close(r->w, fd);
}

/* one identifier table: v4 and v6 sockets of 5000 each get their replies */
static void shared_ident(struct pr *r)
{
	u8 req6[10] = { 128, 0, 0, 0, 0, 0, 0, 9, 'h', 'i' };
	struct sockaddr_in s4 = sin4("0.0.0.0", 5000);
	struct sockaddr_in6 s6 = { .sin6_family = AF_INET6, .sin6_port = htons(5000) };
	struct sockaddr_in6 lo6 = { .sin6_family = AF_INET6, .sin6_addr = in6addr_loopback };
	int p4 = psock(r), p6 = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
	int p7 = psock(r), a, b, t = -1, zero = 0;

	CHECK(r, skbox_bind(r->w, p4, (struct sockaddr *)&s4, sizeof(s4)) == 0);
	CHECK(r, skbox_bind(r->w, p6, (struct sockaddr *)&s6, sizeof(s6)) == 0);
	CHECK(r, skbox_sendto(r->w, p6, req6, sizeof(req6), 0, (struct sockaddr *)&lo6,
			      sizeof(lo6)) == 10);
	CHECK(r, reply_seq(r, p6, &t) == 9 && t == 129 && reply_seq(r, p4, NULL) == -1);
	CHECK(r, echo_to(r, p4, "127.0.0.1", 10, 4) == 12);
	CHECK(r, reply_seq(r, p4, &t) == 10 && t == 0 && reply_seq(r, p6, NULL) == -1);
	skbox_setsockopt(r->w, p4, SOL_SOCKET, SO_REUSEADDR, &zero, sizeof(zero));
	CHECK(r, skbox_bind(r->w, p7, (struct sockaddr *)&s4, sizeof(s4)) == -EADDRINUSE);
	skbox_close(r->w, p4);
	skbox_close(r->w, p6);
	skbox_close(r->w, p7);
	/* the identifiers picked come one after the other, either family */
	p4 = psock(r);
	p6 = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6);
	echo_to(r, p4, "127.0.0.1", 1, 4);
	skbox_sendto(r->w, p6, req6, sizeof(req6), 0, (struct sockaddr *)&lo6, sizeof(lo6));
	a = sock_port(r, p4);
	b = sock_port(r, p6);
	CHECK(r, a && b == a + 1);
	skbox_close(r->w, p4);
	skbox_close(r->w, p6);
}

/* connect with a port: getpeername gives it; AF_UNSPEC unbinds */
static void connect_unspec(struct pr *r)
{
	struct sockaddr_in lo = sin4("127.0.0.1", 7), peer, me;
	struct sockaddr un = { .sa_family = AF_UNSPEC };
	socklen_t l = sizeof(peer);
	int fd = psock(r);
	u8 b[12] = { 8, 0 };

	CHECK(r, skbox_connect(r->w, fd, (struct sockaddr *)&lo, sizeof(lo)) == 0);
	CHECK(r, skbox_getpeername(r->w, fd, (struct sockaddr *)&peer, &l) == 0 &&
		 ntohs(peer.sin_port) == 7 && peer.sin_addr.s_addr == lo.sin_addr.s_addr);
	l = sizeof(me);
	CHECK(r, skbox_getsockname(r->w, fd, (struct sockaddr *)&me, &l) == 0 &&
		 me.sin_addr.s_addr == lo.sin_addr.s_addr && me.sin_port);
	CHECK(r, skbox_connect(r->w, fd, &un, sizeof(lo)) == 0);
	l = sizeof(me);
	CHECK(r, skbox_getsockname(r->w, fd, (struct sockaddr *)&me, &l) == 0 &&
		 !me.sin_addr.s_addr && !me.sin_port);
	CHECK(r, skbox_send(r->w, fd, b, sizeof(b), 0) == -EDESTADDRREQ);
	skbox_close(r->w, fd);
}

/* bind's families: AF_UNSPEC passes for INADDR_ANY only (ping, UDP), a raw
 * socket looks at none (a sockaddr_in marked AF_INET6 binds) */
static void bind_families(struct pr *r)
{
	static const struct { int type, proto, want[3]; } c[] = {
		{ SOCK_DGRAM, IPPROTO_ICMP, { 0, -EAFNOSUPPORT, -EAFNOSUPPORT } },
		{ SOCK_DGRAM, 0, { 0, -EAFNOSUPPORT, -EAFNOSUPPORT } },
		{ SOCK_RAW, IPPROTO_ICMP, { 0, 0, 0 } },
	};
	static const struct { int family; const char *addr; } b[3] = {
		{ AF_UNSPEC, "0.0.0.0" }, { AF_UNSPEC, "127.0.0.1" }, { AF_INET6, "0.0.0.0" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(c); i++)
		for (size_t j = 0; j < 3; j++) {
			int fd = skbox_socket(r->w, AF_INET, c[i].type, c[i].proto);
			struct sockaddr_in s = sin4(b[j].addr, 0);

			s.sin_family = (sa_family_t)b[j].family;
			CHECK(r, skbox_bind(r->w, fd, (struct sockaddr *)&s, sizeof(s)) == c[i].want[j]);
			skbox_close(r->w, fd);
		}
}

static int local_task(void *arg)
{
	struct pr *r = arg;

	CHECK(r, psock(r) == -EACCES);
	r->a->ipv4.sysctl_ping_group_range[0] = 0;
	r->a->ipv4.sysctl_ping_group_range[1] = 2147483647;
	bound_device(r);
	local_emsgsize(r);
	shared_ident(r);
	connect_unspec(r);
	bind_families(r);
	return 0;
}

/* ICMP errors from the router: time exceeded, frag needed (the route
 * learns 1400) */
static void router_errors(struct pr *r)
{
	int fd = psock(r), one = 1, v = 1;
	struct errq e;
	char b[64];

	skbox_setsockopt(r->w, fd, SOL_IP, P_IP_RECVERR, &one, sizeof(one));
	skbox_setsockopt(r->w, fd, SOL_IP, IP_TTL, &v, sizeof(v));
	echo_to(r, fd, "10.0.1.1", 1, 4);
	skbox_nanosleep(r->w, 500 * T_MS);
	CHECK(r, skbox_recv(r->w, fd, b, sizeof(b), MSG_DONTWAIT) == -EHOSTUNREACH);
	CHECK(r, errq_read(r, fd, &e) == 0 && e.err == EHOSTUNREACH && e.origin == SO_EE_ORIGIN_ICMP &&
		 e.type == 11 && e.code == 0 && e.info == 0 && e.len == 12 &&
		 !strcmp(e.offender, "10.0.0.2") && !strcmp(e.to, "10.0.1.1"));
	v = 64;
	skbox_setsockopt(r->w, fd, SOL_IP, IP_TTL, &v, sizeof(v));
	v = IP_PMTUDISC_DO;
	skbox_setsockopt(r->w, fd, SOL_IP, P_IP_MTU_DISCOVER, &v, sizeof(v));
	CHECK(r, echo_to(r, fd, "10.0.1.1", 2, 1472) == 1480);
	skbox_nanosleep(r->w, 500 * T_MS);
	CHECK(r, skbox_recv(r->w, fd, b, sizeof(b), MSG_DONTWAIT) == -EMSGSIZE);
	CHECK(r, errq_read(r, fd, &e) == 0 && e.err == EMSGSIZE && e.origin == SO_EE_ORIGIN_ICMP &&
		 e.type == 3 && e.code == 4 && e.info == 1400 && e.len == 528 &&
		 !strcmp(e.offender, "10.0.0.2"));
	CHECK(r, echo_to(r, fd, "10.0.1.1", 3, 1472) == -EMSGSIZE);
	CHECK(r, errq_read(r, fd, &e) == 0 && e.err == EMSGSIZE && e.origin == SO_EE_ORIGIN_LOCAL &&
		 e.info == 1400 && e.len == 0);
	skbox_close(r->w, fd);
}

/* connected, no IP_RECVERR: frag needed is a hard error, time exceeded
 * is not */
static void connected_errors(struct pr *r)
{
	struct sockaddr_in d = sin4("10.0.1.1", 0);
	int fd = psock(r), v = 1;
	char b[64];

	CHECK(r, skbox_connect(r->w, fd, (struct sockaddr *)&d, sizeof(d)) == 0);
	skbox_setsockopt(r->w, fd, SOL_IP, IP_TTL, &v, sizeof(v));
	echo_to(r, fd, "10.0.1.1", 4, 4);
	skbox_nanosleep(r->w, 500 * T_MS);
	CHECK(r, skbox_recv(r->w, fd, b, sizeof(b), MSG_DONTWAIT) == -EAGAIN);
	skbox_close(r->w, fd);
	fd = psock(r);
	d = sin4("10.0.1.3", 0);	/* a destination whose path MTU is not known yet */
	CHECK(r, skbox_connect(r->w, fd, (struct sockaddr *)&d, sizeof(d)) == 0);
	v = IP_PMTUDISC_DO;
	skbox_setsockopt(r->w, fd, SOL_IP, P_IP_MTU_DISCOVER, &v, sizeof(v));
	CHECK(r, echo_to(r, fd, "10.0.1.3", 5, 1472) == 1480);
	skbox_nanosleep(r->w, 500 * T_MS);
	CHECK(r, skbox_recv(r->w, fd, b, sizeof(b), MSG_DONTWAIT) == -EMSGSIZE);
	CHECK(r, skbox_recv(r->w, fd, b, sizeof(b), MSG_DONTWAIT) == -EAGAIN);
	skbox_close(r->w, fd);
}

static int router_task(void *arg)
{
	struct pr *r = arg;
	int fd;

	r->a->ipv4.sysctl_ping_group_range[0] = 0;
	r->a->ipv4.sysctl_ping_group_range[1] = 2147483647;
	fd = psock(r);
	CHECK(r, echo_to(r, fd, "10.0.1.1", 1, 56) == 64);	/* the neighbours */
	CHECK(r, reply_seq(r, fd, NULL) == 1);
	skbox_close(r->w, fd);
	router_errors(r);
	connected_errors(r);
	return 0;
}

static void run_in(struct net *n, const char *const *cmds, size_t nr, struct world *w)
{
	for (size_t i = 0; i < nr; i++)
		assert_int_equal(h_run(w, n, cmds[i], T_SEC, NULL), 0);
}

static void rig_up(struct pr *r)
{
	static const char *const a[] = {
		"ip link set lo up",
		"ip link add v0 type veth peer name r0 netns r",
		"ip addr add 10.0.0.1/24 dev v0", "ip link set v0 up",
		"ip route add default via 10.0.0.2",
	};
	static const char *const rr[] = {
		"ip link add r1 type veth peer name b0 netns b",
		"ip addr add 10.0.0.2/24 dev r0", "ip addr add 10.0.1.2/24 dev r1",
		"ip link set r1 mtu 1400", "ip link set r0 up", "ip link set r1 up",
		"sysctl -qw net.ipv4.ip_forward=1",
	};
	static const char *const b[] = {
		"ip addr add 10.0.1.1/24 dev b0", "ip addr add 10.0.1.3/24 dev b0",
		"ip link set b0 mtu 1400", "ip link set b0 up",
		"ip route add default via 10.0.1.2",
	};

	r->w = world_new(21);
	r->a = net_create(r->w, "a");
	r->r = net_create(r->w, "r");
	r->b = net_create(r->w, "b");
	run_in(r->a, a, ARRAY_SIZE(a), r->w);
	run_in(r->r, rr, ARRAY_SIZE(rr), r->w);
	run_in(r->b, b, ARRAY_SIZE(b), r->w);
}

static void rig_run(struct pr *r, int (*fn)(void *))
{
	struct task *t = task_spawn(r->w, r->a, "t", fn, r);

	h_advance_to(r->w, r->w->now + 20 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r->errs, 0);
}

static void test_ping4_local(void **state)
{
	struct pr r = { 0 };

	(void)state;
	rig_up(&r);
	rig_run(&r, local_task);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_ping4_errors(void **state)
{
	struct pr r = { 0 };

	(void)state;
	rig_up(&r);
	rig_run(&r, router_task);
	assert_int_equal(world_free(r.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ping4_local),
		cmocka_unit_test(test_ping4_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
