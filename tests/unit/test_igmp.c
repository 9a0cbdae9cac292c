/* IGMP (net/ipv4/igmp.c): what a join, a leave and a query make the device
 * send, counted on the sending veth, and the membership state behind it —
 * users, the link-layer filter, the v2 querier memory, force_igmp_version.
 * The reports' bytes are in the vxlan-group transcript (tcpdump, against the
 * kernel); queries come from no tool, so they are crafted here. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <netinet/in.h>
#include "helpers.h"
#include "linux/igmp.h"
#include "linux/inetdevice.h"
#include "linux/skbuff.h"
#include "net/ethernet.h"
#include "net/ip.h"

struct rig {
	struct world *w;
	struct net *a, *b;
	struct net_device *ea;
	struct in_device *in;
};

static void build(struct rig *r)
{
	memset(r, 0, sizeof(*r));
	r->w = world_new(3);
	r->w->ipv6_off = true;		/* counts IGMP packets only: no MLD/DAD/RS */
	r->a = net_create(r->w, "a");
	r->b = net_create(r->w, "b");
	r->ea = h_link(r->a, "veth", "ea", "eb", r->b);
	assert_non_null(r->ea);
	assert_int_equal(h_addr(r->a, "ea", "10.0.0.1", 24), 0);
	assert_int_equal(h_addr(r->b, "eb", "10.0.0.2", 24), 0);
	assert_int_equal(h_up(r->a, "ea"), 0);
	assert_int_equal(h_up(r->b, "eb"), 0);
	r->in = __in_dev_get_rtnl(r->ea);
}

static u64 sent(const struct rig *r)
{
	struct rtnl_link_stats64 s;

	dev_get_stats(r->ea, &s);	/* a veth counts in its private part */
	return s.tx_packets;
}

static void wait_ms(struct rig *r, u64 ms)
{
	h_advance_to(r->w, r->w->now + ms * T_MS);
}

static bool has_mac(const struct net_device *dev, __be32 group)
{
	u8 mac[ETH_ALEN];

	ip_eth_mc_map(group, mac);
	for (int i = 0; i < dev->mc_count; i++)
		if (!memcmp(dev->mc_list[i], mac, ETH_ALEN))
			return true;
	return false;
}

/* an IGMP message as igmp_rcv() gets it on ea (after the IP header) */
static void deliver(struct rig *r, const u8 *msg, unsigned int len, bool good_csum)
{
	struct sk_buff *skb = alloc_skb(&r->w->skb_pool, 128);
	u8 *p;
	u16 c;

	assert_non_null(skb);
	skb_reserve(skb, 64);
	p = skb_put(skb, len);
	memcpy(p, msg, len);
	p[2] = p[3] = 0;
	c = ip_compute_csum(p, (int)len);
	if (!good_csum)
		c ^= 0x0101;
	memcpy(p + 2, &c, 2);
	skb->dev = r->ea;
	skb->pkt_type = PACKET_MULTICAST;
	igmp_rcv(skb);
}

static void test_join_leave_v3(void **state)
{
	__be32 g = h_ip("239.1.1.1");
	struct rig r;
	u64 t0;

	(void)state;
	build(&r);
	assert_true(ip_check_mc_rcu(r.in, h_ip("224.0.0.1"), 0, 0));
	assert_false(ip_check_mc_rcu(r.in, g, 0, 0));
	t0 = sent(&r);
	assert_int_equal(ip_mc_inc_group(r.in, g), 0);
	assert_true(ip_check_mc_rcu(r.in, g, 0, 0));
	assert_true(has_mac(r.ea, g));
	wait_ms(&r, 1100);
	assert_int_equal(sent(&r) - t0, 2);		/* TO_EX, twice */
	wait_ms(&r, 5000);
	assert_int_equal(sent(&r) - t0, 2);
	assert_int_equal(ip_mc_inc_group(r.in, g), 0);	/* a second user: nothing sent */
	assert_int_equal(ip_mc_dec_group(r.in, g), 0);
	wait_ms(&r, 2000);
	assert_int_equal(sent(&r) - t0, 2);
	assert_int_equal(ip_mc_dec_group(r.in, g), 0);
	assert_false(ip_check_mc_rcu(r.in, g, 0, 0));
	assert_false(has_mac(r.ea, g));
	wait_ms(&r, 1100);
	assert_int_equal(sent(&r) - t0, 4);		/* TO_IN, twice */
	assert_int_equal(ip_mc_dec_group(r.in, g), -ENOENT);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_general_query_v3(void **state)
{
	static const u8 q3[12] = { 0x11, 10 /* 1 s */, 0, 0, 0, 0, 0, 0, 0x02, 125, 0, 0 };
	struct rig r;
	u64 t0;

	(void)state;
	build(&r);
	ip_mc_inc_group(r.in, h_ip("239.1.1.1"));
	ip_mc_inc_group(r.in, h_ip("239.2.2.2"));
	wait_ms(&r, 2000);
	t0 = sent(&r);
	deliver(&r, q3, sizeof(q3), false);		/* bad checksum: ignored */
	wait_ms(&r, 1100);
	assert_int_equal(sent(&r), t0);
	deliver(&r, q3, sizeof(q3), true);
	wait_ms(&r, 1100);
	assert_int_equal(sent(&r) - t0, 1);		/* one report, both groups */
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_query_v2_and_force(void **state)
{
	static const u8 q2[8] = { 0x11, 100 /* 10 s */, 0, 0, 0, 0, 0, 0 };
	__be32 g = h_ip("239.1.1.1");
	struct rig r;
	u64 t0;

	(void)state;
	build(&r);
	ip_mc_inc_group(r.in, g);
	wait_ms(&r, 2000);
	t0 = sent(&r);
	deliver(&r, q2, sizeof(q2), true);
	assert_true(r.in->mc->v2_seen > r.w->now);	/* a v2 querier: v2 from now on */
	wait_ms(&r, 10100);
	assert_int_equal(sent(&r) - t0, 1);		/* a v2 report of the group */
	assert_int_equal(ip_mc_dec_group(r.in, g), 0);
	wait_ms(&r, 2000);
	assert_int_equal(sent(&r) - t0, 2);		/* the leave, once */
	/* force_igmp_version=2 on a device without a querier: v2 reports, repeated */
	r.in->mc->v2_seen = 0;
	r.in->cnf.data[IPV4_DEVCONF_FORCE_IGMP_VERSION] = 2;
	r.in->cnf.data[IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL] = 1000;
	t0 = sent(&r);
	ip_mc_inc_group(r.in, g);
	wait_ms(&r, 1100);
	assert_int_equal(sent(&r) - t0, 2);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* down: filters off, 224.0.0.1 left, groups kept; up: back, announced again */
static void test_down_up(void **state)
{
	__be32 g = h_ip("239.1.1.1");
	struct rig r;
	u64 t0;

	(void)state;
	build(&r);
	ip_mc_inc_group(r.in, g);
	wait_ms(&r, 2000);
	dev_close(r.ea);
	assert_false(has_mac(r.ea, g));
	assert_false(ip_check_mc_rcu(r.in, h_ip("224.0.0.1"), 0, 0));
	assert_true(ip_check_mc_rcu(r.in, g, 0, 0));
	t0 = sent(&r);
	assert_int_equal(dev_open(r.ea), 0);
	assert_true(has_mac(r.ea, g));
	wait_ms(&r, 1100);
	assert_int_equal(sent(&r) - t0, 2);
	assert_int_equal(world_free(r.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join_leave_v3),
		cmocka_unit_test(test_general_query_v3),
		cmocka_unit_test(test_query_v2_and_force),
		cmocka_unit_test(test_down_up),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
