/* IPV6_TCLASS and the IPv6 route key (net/ipv6/ipv6_sockglue.c, datagram.c,
 * route.c), and the fib6 GC (ip6_fib.c): a `dsfield` rule matches the class
 * of an ip6_route_output_flow() key, ECN bits aside; a UDP socket's class
 * reaches a receiver with IPV6_RECVTCLASS, a sendmsg IPV6_TCLASS message
 * overrides it, a bad one is EINVAL; a route with `expires` stays past its
 * time until the GC (net.ipv6.route.flush) takes it.  The kernel's side of
 * the socket cases is transcripts/ipv6-tclass. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <stdlib.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "helpers.h"
#include "skbox/socket.h"
#include "net/dst.h"
#include "net/flow.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"

struct tc_rig {
	struct world *w;
	int errs;
};

#define CHECK(r, cond) ((cond) ? (void)0 : (void)((r)->errs++, \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond)))

static void test_dsfield_rule_key(void **state)
{
	struct world *w = world_new(11);
	struct net *n = net_create(w, "a");
	struct flowi6 fl6 = { .flowi6_proto = IPPROTO_UDP };
	struct dst_entry *dst;
	int err = 0;

	(void)state;
	assert_int_equal(h_run(w, n, "ip link set lo up", T_SEC, NULL), 0);
	assert_int_equal(h_run(w, n, "ip -6 route add table 100 2001:db8:1::/64 dev lo", T_SEC,
			       NULL), 0);
	assert_int_equal(h_run(w, n, "ip -6 rule add dsfield 0x04 table 100", T_SEC, NULL), 0);
	inet_pton(AF_INET6, "2001:db8:1::1", &fl6.daddr);
	for (int tc = 0x04; tc <= 0x07; tc++) {	/* the ECN bits do not count */
		fl6.flowi6_tclass = (u8)tc;
		dst = ip6_route_output_flow(n, &fl6, &err);
		assert_non_null(dst);
		assert_string_equal(dst->dev->name, "lo");
		dst_release(dst);
	}
	fl6.flowi6_tclass = 0x20;
	assert_null(ip6_route_output_flow(n, &fl6, &err));
	assert_int_equal(err, -ENETUNREACH);
	assert_int_equal(world_free(w, stderr), 0);
}

static int sendc(struct world *w, int fd, int v, size_t clen)
{
	union { struct cmsghdr c; char b[CMSG_SPACE(sizeof(int))]; } u;
	struct sockaddr_in6 to = { .sin6_family = AF_INET6, .sin6_port = htons(7000) };
	struct iovec iov = { .iov_base = "x", .iov_len = 1 };
	struct msghdr m = { .msg_name = &to, .msg_namelen = sizeof(to), .msg_iov = &iov,
			    .msg_iovlen = 1 };

	to.sin6_addr.s6_addr[15] = 1;
	memset(&u, 0, sizeof(u));
	if (clen) {
		u.c.cmsg_level = IPPROTO_IPV6;
		u.c.cmsg_type = IPV6_TCLASS;
		u.c.cmsg_len = CMSG_LEN(clen);
		memcpy(CMSG_DATA(&u.c), &v, clen);
		m.msg_control = u.b;
		m.msg_controllen = sizeof(u.b);
	}
	return (int)skbox_sendmsg(w, fd, &m, 0);
}

/* The class the next datagram carried (its IPV6_TCLASS message), -1: none */
static int recvc(struct world *w, int fd)
{
	union { struct cmsghdr c; char b[64]; } u;
	char buf[8];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.b,
			    .msg_controllen = sizeof(u.b) };
	int v = -1;

	memset(&u, 0, sizeof(u));
	if (skbox_recvmsg(w, fd, &m, 0) < 0 || !u.c.cmsg_len)
		return -1;
	if (u.c.cmsg_level == IPPROTO_IPV6 && u.c.cmsg_type == IPV6_TCLASS)
		memcpy(&v, CMSG_DATA(&u.c), sizeof(v));
	return v;
}

static int tc_task(void *arg)
{
	struct tc_rig *r = arg;
	struct world *w = r->w;
	struct sockaddr_in6 me = { .sin6_family = AF_INET6, .sin6_port = htons(7000) };
	int rx = skbox_socket(w, AF_INET6, SOCK_DGRAM, 0), tx = skbox_socket(w, AF_INET6,
									      SOCK_DGRAM, 0);
	int one = 1, v = 0x28, bad = 256;
	socklen_t l = sizeof(v);

	me.sin6_addr.s6_addr[15] = 1;
	CHECK(r, skbox_bind(w, rx, (struct sockaddr *)&me, sizeof(me)) == 0);
	CHECK(r, skbox_setsockopt(w, tx, IPPROTO_IPV6, IPV6_TCLASS, &bad, sizeof(bad)) == -EINVAL);
	CHECK(r, skbox_setsockopt(w, tx, IPPROTO_IPV6, IPV6_TCLASS, &v, sizeof(v)) == 0);
	v = 0;
	CHECK(r, skbox_getsockopt(w, tx, IPPROTO_IPV6, IPV6_TCLASS, &v, &l) == 0 && v == 0x28);
	CHECK(r, sendc(w, tx, 0, 0) == 1);
	CHECK(r, recvc(w, rx) == -1);	/* no IPV6_RECVTCLASS yet */
	CHECK(r, skbox_setsockopt(w, rx, IPPROTO_IPV6, IPV6_RECVTCLASS, &one, sizeof(one)) == 0);
	CHECK(r, sendc(w, tx, 0, 0) == 1);
	CHECK(r, recvc(w, rx) == 0x28);
	CHECK(r, sendc(w, tx, 0x48, sizeof(int)) == 1);
	CHECK(r, recvc(w, rx) == 0x48);
	CHECK(r, sendc(w, tx, 256, sizeof(int)) == -EINVAL);
	CHECK(r, sendc(w, tx, 0x48, 1) == -EINVAL);
	skbox_close(w, rx);
	skbox_close(w, tx);
	return 0;
}

static void test_udp_tclass(void **state)
{
	struct tc_rig r = { 0 };
	struct task *t;
	struct net *n;

	(void)state;
	r.w = world_new(12);
	n = net_create(r.w, "a");
	assert_int_equal(h_run(r.w, n, "ip link set lo up", T_SEC, NULL), 0);
	t = task_spawn(r.w, n, "tc", tc_task, &r);
	h_advance_to(r.w, r.w->now + 3 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r.errs, 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_route_expires_gc(void **state)
{
	struct world *w = world_new(13);
	struct net *n = net_create(w, "a");
	char *out = NULL;

	(void)state;
	assert_int_equal(h_run(w, n, "ip link set lo up", T_SEC, NULL), 0);
	assert_int_equal(h_run(w, n, "ip -6 route add 2001:db8:2::/64 dev lo expires 3", T_SEC,
			       NULL), 0);
	h_advance_to(w, w->now + 4 * T_SEC);	/* expired; the GC is 30 s away */
	assert_int_equal(h_run(w, n, "ip -6 route show 2001:db8:2::/64", T_SEC, &out), 0);
	assert_non_null(strstr(out, "expires -1sec"));
	free(out);
	assert_int_equal(h_run(w, n, "sysctl -qw net.ipv6.route.flush=1", T_SEC, NULL), 0);
	assert_int_equal(h_run(w, n, "ip -6 route show 2001:db8:2::/64", T_SEC, &out), 0);
	assert_string_equal(out, "");
	free(out);
	assert_int_equal(world_free(w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dsfield_rule_key),
		cmocka_unit_test(test_udp_tclass),
		cmocka_unit_test(test_route_expires_gc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
