// SPDX-License-Identifier: GPL-2.0
/* Unit tests for the IPv6 FIB (net/ipv6/ip6_fib.c, route.c) in a world:
 * longest prefix match, metrics, the dump order of Linux's fib6 walk, the
 * local table before main, EEXIST/replace, and addrconf's routes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>

#include "helpers.h"
#include "net/addrconf.h"
#include "net/ip_fib.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/flow.h"
#include "uapi/rtnetlink.h"

static struct in6_addr A6(const char *s)
{
	struct in6_addr a;

	assert_int_equal(inet_pton(AF_INET6, s, &a), 1);
	return a;
}

static int add(struct net *net, const char *pfx, int plen, u32 metric, const char *gw, u32 nlf)
{
	struct fib6_config c;
	struct net_device *dev = __dev_get_by_name(net, "va");

	memset(&c, 0, sizeof(c));
	c.fc_table = RT_TABLE_MAIN;
	c.fc_dst = A6(pfx);
	c.fc_dst_len = (u8)plen;
	c.fc_metric = metric;
	c.fc_metric_set = true;
	c.fc_ifindex = dev->ifindex;
	c.fc_nlflags = nlf;
	if (gw) {
		c.fc_gateway = A6(gw);
		c.fc_has_gw = true;
	}
	return ip6_route_add(net, &c, NULL);
}

static struct fib6_info *lookup(struct net *net, const char *d, u32 *table)
{
	struct in6_addr a = A6(d);

	return fib6_lookup(net, &a, NULL, 0, table);
}

struct env {
	struct world *w;
	struct net *a, *b;
};

static void env_build(struct env *e)
{
	struct ifa6_req r;

	e->w = world_new(1);
	e->a = net_create(e->w, "a");
	e->b = net_create(e->w, "b");
	assert_non_null(h_link(e->a, "veth", "va", "vb", e->b));
	assert_int_equal(h_up(e->a, "va"), 0);
	assert_int_equal(h_up(e->b, "vb"), 0);
	h_advance_to(e->w, e->w->now + T_MS);	/* linkwatch: va's carrier */
	memset(&r, 0, sizeof(r));
	r.ifindex = __dev_get_by_name(e->a, "va")->ifindex;
	r.local = A6("2001:db8::1");
	r.prefixlen = 64;
	r.flags = IFA_F_NODAD;		/* usable (local route) at once */
	assert_int_equal(inet6_rtm_newaddr(e->a, &r, NULL), 0);
	assert_int_equal(inet6_rtm_newaddr(e->a, &r, NULL), -EEXIST);
}

static void test_fib6_lookup(void **state)
{
	struct env e;
	struct fib6_info *f;
	u32 table = 0;

	(void)state;
	env_build(&e);
	assert_int_equal(add(e.a, "2001:db8:1::", 48, 1024, "2001:db8::2", NLM_F_CREATE | NLM_F_EXCL), 0);
	assert_int_equal(add(e.a, "2001:db8:1:2::", 64, 1024, "2001:db8::3", NLM_F_CREATE | NLM_F_EXCL), 0);
	assert_int_equal(add(e.a, "::", 0, 1024, "2001:db8::fe", NLM_F_CREATE | NLM_F_EXCL), 0);
	assert_int_equal(add(e.a, "::", 0, 1024, "2001:db8::fd", NLM_F_CREATE | NLM_F_EXCL), -EEXIST);
	assert_int_equal(add(e.a, "::", 0, 10, "2001:db8::fd", NLM_F_CREATE | NLM_F_EXCL), 0);
	/* the longest prefix wins */
	f = lookup(e.a, "2001:db8:1:2::5", &table);
	assert_non_null(f);
	assert_int_equal(f->fib6_dst_len, 64);
	assert_int_equal(table, RT_TABLE_MAIN);
	f = lookup(e.a, "2001:db8:1:3::5", NULL);
	assert_int_equal(f->fib6_dst_len, 48);
	/* for equal prefixes the lower metric */
	f = lookup(e.a, "2001:db9::1", NULL);
	assert_int_equal(f->fib6_dst_len, 0);
	assert_int_equal(f->fib6_metric, 10);
	/* our own address: table local first */
	f = lookup(e.a, "2001:db8::1", &table);
	assert_int_equal(f->fib6_type, RTN_LOCAL);
	assert_int_equal(table, RT_TABLE_LOCAL);
	/* the connected prefix, from the address */
	f = lookup(e.a, "2001:db8::7", NULL);
	assert_int_equal(f->fib6_protocol, RTPROT_KERNEL);
	assert_int_equal(f->fib6_metric, 256);
	assert_int_equal(world_free(e.w, stderr), 0);
}

/* the post-order of Linux's fib6 walk: nested prefixes inner first,
 * disjoint ones by address, default last */
static void test_fib6_dump_order(void **state)
{
	static const char *const want[] = { "2001:db8::/64", "2001:db8:1:2::/64",
		"2001:db8:1::/48", "fe80::/64", "::/0" };
	struct env e;
	struct fib6_info *f;
	size_t i = 0;

	(void)state;
	env_build(&e);
	assert_int_equal(add(e.a, "::", 0, 1024, "2001:db8::fe", NLM_F_CREATE | NLM_F_EXCL), 0);
	assert_int_equal(add(e.a, "2001:db8:1::", 48, 1024, NULL, NLM_F_CREATE | NLM_F_EXCL), 0);
	assert_int_equal(add(e.a, "2001:db8:1:2::", 64, 1024, NULL, NLM_F_CREATE | NLM_F_EXCL), 0);
	list_for_each_entry(f, &e.a->ipv6.fib6_main_tbl->tb6_routes, fib6_node) {
		char buf[INET6_ADDRSTRLEN + 8], a[INET6_ADDRSTRLEN];

		inet_ntop(AF_INET6, &f->fib6_dst, a, sizeof(a));
		snprintf(buf, sizeof(buf), "%s/%u", a, f->fib6_dst_len);
		assert_true(i < ARRAY_SIZE(want));
		assert_string_equal(buf, want[i++]);
	}
	assert_int_equal(i, ARRAY_SIZE(want));
	/* replace swaps the route in place; delete removes it */
	assert_int_equal(add(e.a, "2001:db8:1::", 48, 1024, "2001:db8::9",
			     NLM_F_CREATE | NLM_F_REPLACE), 0);
	assert_true(lookup(e.a, "2001:db8:1:5::1", NULL)->fib6_nh_has_gw);
	assert_int_equal(world_free(e.w, stderr), 0);
}

/* the share of 4000 flows (by source address, or by port with hash
 * policy 1) that take the nexthop through dev */
static int mp_share(struct net *net, const struct net_device *dev, bool ports)
{
	struct fib6_info *f, *again;
	struct flowi6 fl6;
	int n = 0;

	for (int i = 0; i < 4000; i++) {
		memset(&fl6, 0, sizeof(fl6));
		fl6.daddr = A6("2001:db8:9::1");
		fl6.saddr = A6("2001:db8::1");
		if (ports)
			fl6.fl6_sport = htons((u16)(10000 + i));
		else
			fl6.saddr.s6_addr[14] = (u8)(i >> 8), fl6.saddr.s6_addr[15] = (u8)i;
		f = fib6_rule_lookup(net, &fl6, NULL, NULL);
		assert_non_null(f);
		f = fib6_select_path(net, f, &fl6);
		again = fib6_select_path(net, fib6_rule_lookup(net, &fl6, NULL, NULL), &fl6);
		assert_ptr_equal(f, again);	/* a flow keeps to its path */
		n += f->fib6_nh_dev == dev;
	}
	return n;
}

/* ip -6 route add 2001:db8:9::/64 nexthop via … dev va weight 1 nexthop
 * via … dev wa weight 3: siblings; flows spread 1:3; a nexthop whose
 * device is down is dead and gets none; the last one down takes the route */
static void test_fib6_multipath(void **state)
{
	struct env e;
	struct fib6_config c;
	struct ifa6_req r;
	struct net_device *va, *wa;
	struct fib6_info *f;
	int n;

	(void)state;
	env_build(&e);
	assert_non_null(wa = h_link(e.a, "veth", "wa", "wb", e.b));
	assert_int_equal(h_up(e.a, "wa"), 0);
	assert_int_equal(h_up(e.b, "wb"), 0);
	h_advance_to(e.w, e.w->now + T_MS);
	memset(&r, 0, sizeof(r));
	r.ifindex = wa->ifindex;
	r.local = A6("2001:db8:2::1");
	r.prefixlen = 64;
	assert_int_equal(inet6_rtm_newaddr(e.a, &r, NULL), 0);
	va = __dev_get_by_name(e.a, "va");
	memset(&c, 0, sizeof(c));
	c.fc_table = RT_TABLE_MAIN;
	c.fc_dst = A6("2001:db8:9::");
	c.fc_dst_len = 64;
	c.fc_nlflags = NLM_F_CREATE | NLM_F_EXCL;
	c.fc_mp_len = 2;
	c.fc_mp[0] = (struct fib6_nh_config){ A6("2001:db8::2"), true, va->ifindex, 1 };
	c.fc_mp[1] = (struct fib6_nh_config){ A6("2001:db8:2::2"), true, wa->ifindex, 3 };
	assert_int_equal(ip6_route_add(e.a, &c, NULL), 0);
	assert_int_equal(ip6_route_add(e.a, &c, NULL), -EEXIST);
	f = lookup(e.a, "2001:db8:9::1", NULL);
	assert_int_equal(f->fib6_nsiblings, 1);
	n = mp_share(e.a, va, false);
	assert_in_range(n, 850, 1150);
	e.a->ipv6.sysctl_fib_multipath_hash_policy = 1;
	n = mp_share(e.a, va, true);
	assert_in_range(n, 850, 1150);
	e.a->ipv6.sysctl_fib_multipath_hash_policy = 0;
	/* wa down: its nexthop stays, dead */
	dev_close(wa);
	f = lookup(e.a, "2001:db8:9::1", NULL);
	assert_non_null(f);
	assert_int_equal(f->fib6_nsiblings, 1);
	assert_int_equal(mp_share(e.a, va, false), 4000);
	/* va down too: no nexthop left, the route goes */
	dev_close(va);
	assert_null(lookup(e.a, "2001:db8:9::1", NULL));
	assert_int_equal(world_free(e.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fib6_lookup),
		cmocka_unit_test(test_fib6_dump_order),
		cmocka_unit_test(test_fib6_multipath),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
