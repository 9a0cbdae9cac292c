// SPDX-License-Identifier: GPL-2.0
/* Unit tests for IPv4 routes through an IPv6 gateway (RFC 5549) and for
 * lightweight tunnel state on nexthops: the lwtunnel API
 * (net/core/lwtunnel.c), then two namespaces over veth where a's route to
 * b's IPv4 network goes `via inet6` b's address — the FIB result, the
 * output route, the neighbour used (nd_tbl, never arp_tbl), the echo reply,
 * the encap a route and its dst hold, and no leak at the end. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>

#include "helpers.h"
#include "net/ip_fib.h"
#include "net/lwtunnel.h"
#include "net/neighbour.h"
#include "net/route.h"
#include "net/rtnetlink.h"

static struct in6_addr A6(const char *s)
{
	struct in6_addr a;

	assert_int_equal(inet_pton(AF_INET6, s, &a), 1);
	return a;
}

static void test_lwtunnel_state(void **state)
{
	struct netlink_ext_ack ext = { NULL };
	struct lwtunnel_encap_cfg c = { .type = LWTUNNEL_ENCAP_IP };
	struct lwtunnel_state *a, *b, *none;

	(void)state;
	assert_int_equal(lwtunnel_valid_encap_type(LWTUNNEL_ENCAP_NONE, &ext), -EINVAL);
	assert_string_equal(ext._msg, "Unknown LWT encapsulation type");
	assert_int_equal(lwtunnel_valid_encap_type(LWTUNNEL_ENCAP_MAX + 1, &ext), -EINVAL);
	for (u16 t = 1; t <= LWTUNNEL_ENCAP_MAX; t++) {
		ext._msg = NULL;
		if (t == LWTUNNEL_ENCAP_IP || t == LWTUNNEL_ENCAP_IP6) {
			assert_int_equal(lwtunnel_valid_encap_type(t, &ext), 0);
			continue;
		}
		assert_int_equal(lwtunnel_valid_encap_type(t, &ext), -EOPNOTSUPP);
		assert_string_equal(ext._msg, "lwt encapsulation type not supported");
	}
	c.key.dst4 = h_ip("192.168.10.20");
	c.key.tun_flags = TUNNEL_KEY;
	assert_int_equal(lwtunnel_build_state(&c, &a, NULL), 0);
	assert_non_null(a);
	assert_int_equal(a->refcnt, 1);
	assert_true(lwtunnel_cfg_match(&c, a));
	c.key.ttl = 9;
	assert_false(lwtunnel_cfg_match(&c, a));
	assert_int_equal(lwtunnel_build_state(&c, &b, NULL), 0);
	assert_int_not_equal(lwtunnel_cmp_encap(a, b), 0);
	assert_int_not_equal(lwtunnel_cmp_encap(a, NULL), 0);
	assert_int_equal(lwtunnel_cmp_encap(NULL, NULL), 0);
	c.type = LWTUNNEL_ENCAP_NONE;
	assert_int_equal(lwtunnel_build_state(&c, &none, NULL), 0);
	assert_null(none);
	c.type = LWTUNNEL_ENCAP_MPLS;
	assert_int_equal(lwtunnel_build_state(&c, &none, NULL), -EOPNOTSUPP);
	assert_null(none);
	assert_ptr_equal(lwtstate_get(a), a);
	assert_int_equal(a->refcnt, 2);
	lwtstate_put(a);
	lwtstate_put(a);
	lwtstate_put(b);
	lwtstate_put(NULL);
}

struct rig {
	struct world *w;
	struct net *a, *b;
};

static void rig_build(struct rig *r)
{
	memset(r, 0, sizeof(*r));
	r->w = world_new(5);
	r->a = net_create(r->w, "a");
	r->b = net_create(r->w, "b");
	assert_non_null(h_link(r->a, "veth", "va", "vb", r->b));
	assert_int_equal(h_up(r->a, "va"), 0);
	assert_int_equal(h_up(r->b, "vb"), 0);
	assert_int_equal(h_run(r->w, r->a, "ip addr add 2001:db8::1/64 dev va nodad", T_SEC, NULL), 0);
	assert_int_equal(h_run(r->w, r->b, "ip addr add 2001:db8::2/64 dev vb nodad", T_SEC, NULL), 0);
	assert_int_equal(h_addr(r->a, "va", "10.0.1.1", 24), 0);
	assert_int_equal(h_addr(r->b, "vb", "10.0.2.1", 24), 0);
	assert_int_equal(h_run(r->w, r->b, "ip route add 10.0.1.0/24 via inet6 2001:db8::1", T_SEC, NULL), 0);
}

static void test_v6_gateway(void **state)
{
	struct flowi4 fl4 = { .daddr = h_ip("10.0.2.1") };
	struct in6_addr gw = A6("2001:db8::2");
	struct net_device *va;
	struct neighbour *n;
	struct fib_result res;
	struct rtable *rt;
	struct rig r;
	char *out = NULL;
	int err = 0;

	(void)state;
	rig_build(&r);
	va = __dev_get_by_name(r.a, "va");
	assert_int_equal(h_run(r.w, r.a, "ip route add 10.0.2.0/24 via inet6 2001:db8::2 "
			       "encap ip dst 192.168.10.20", T_SEC, NULL), 0);
	/* the FIB: an IPv6 gateway on link, the device found by IPv6's lookup */
	memset(&res, 0, sizeof(res));
	assert_int_equal(fib_lookup(r.a, &fl4, &res, 0), 0);
	assert_int_equal(res.nhc->fib_nh_gw_family, AF_INET6);
	assert_memory_equal(&res.nhc->fib_nh_gw6, &gw, sizeof(gw));
	assert_int_equal(res.nhc->fib_nh_scope, RT_SCOPE_LINK);
	assert_ptr_equal(res.nhc->fib_nh_dev, va);
	assert_non_null(res.nhc->fib_nh_lws);
	assert_int_equal(res.nhc->fib_nh_lws->key.dst4, h_ip("192.168.10.20"));
	/* the output route carries the gateway and holds the encap */
	rt = ip_route_output_key(r.a, &fl4, &err);
	assert_non_null(rt);
	assert_int_equal(rt->rt_uses_gateway, 1);
	assert_int_equal(rt->rt_gw_family, AF_INET6);
	assert_memory_equal(&rt->rt_gw6, &gw, sizeof(gw));
	assert_ptr_equal(rt->dst.lwtstate, res.nhc->fib_nh_lws);
	assert_true(rt->dst.lwtstate->refcnt >= 2);
	ip_rt_put(rt);
	/* a ping across: the gateway resolved by ndisc, no ARP for anything */
	assert_int_equal(h_run(r.w, r.a, "ping -c 1 -W 1 10.0.2.1", 3 * T_SEC, &out), 0);
	assert_non_null(strstr(out, "1 received"));
	free(out);
	n = neigh_lookup(&r.a->ipv6.nd_tbl, &gw, va);
	assert_non_null(n);
	assert_true(n->nud_state & NUD_VALID);
	neigh_release(n);
	assert_int_equal(r.a->ipv4.arp_tbl.entries, 0);
	assert_int_equal(r.b->ipv4.arp_tbl.entries, 0);
	/* delete names the gateway with its family; the IPv4 form does not match */
	assert_int_not_equal(h_run(r.w, r.a, "ip route del 10.0.2.0/24 via 2.0.0.1", T_SEC, NULL), 0);
	assert_int_not_equal(h_run(r.w, r.a, "ip route del 10.0.2.0/24 via inet6 2001:db8::2 "
				   "encap ip dst 192.168.10.21", T_SEC, NULL), 0);
	assert_int_equal(h_run(r.w, r.a, "ip route del 10.0.2.0/24 via inet6 2001:db8::2 "
			       "encap ip dst 192.168.10.20", T_SEC, NULL), 0);
	assert_int_not_equal(fib_lookup(r.a, &fl4, &res, 0), 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* an unanswered IPv6 gateway: the IPv4 packet waiting for it is dropped
 * with IPv4's host unreachable, not an ICMPv6 error */
static void test_v6_gateway_unreachable(void **state)
{
	struct rig r;
	u64 before;

	(void)state;
	rig_build(&r);
	assert_int_equal(h_run(r.w, r.a, "ip route add 10.0.3.0/24 via inet6 2001:db8::9", T_SEC,
			       NULL), 0);
	before = r.a->mib.icmpmsg_out[3 /* ICMP_DEST_UNREACH */];
	assert_int_not_equal(h_run(r.w, r.a, "ping -c 1 -W 5 10.0.3.1", 6 * T_SEC, NULL), 0);
	assert_int_equal(r.a->mib.icmpmsg_out[3 /* ICMP_DEST_UNREACH */], before + 1);
	assert_int_equal(world_free(r.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lwtunnel_state),
		cmocka_unit_test(test_v6_gateway),
		cmocka_unit_test(test_v6_gateway_unreachable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
