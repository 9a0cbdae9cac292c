// SPDX-License-Identifier: GPL-2.0
/* Unit tests for net/bridge: FDB learning on the seed topology, the bridge
 * MAC, ageing, hairpin mode and port removal. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>

#include "helpers.h"
#include "net/addrconf.h"
#include "net/bridge.h"
#include "net/ethernet.h"

static struct net_bridge_fdb_entry *fdb(struct h_seed *s, const struct net_device *dev)
{
	return br_fdb_find(netdev_priv(s->br), dev->dev_addr, 0);
}

static void seed_ping(struct h_seed *s, struct world *w)
{
	char *out = NULL;

	assert_int_equal(h_seed_build(s, w), 0);
	assert_int_equal(h_run(w, s->t1, "ping -c 1 172.16.0.3", 20 * T_SEC, &out), 0);
	assert_non_null(strstr(out, "1 packets transmitted, 1 received"));
	free(out);
}

static void test_fdb_learning(void **state)
{
	struct world *w = world_new(1);
	struct h_seed s;
	struct net_bridge *br;
	struct net_bridge_fdb_entry *f;

	(void)state;
	addrconf_world_ipv6_off(w);	/* IPv4 packets counted: no MLD/DAD */
	seed_ping(&s, w);
	br = netdev_priv(s.br);
	assert_ptr_equal(br_from_dev(s.br), br);

	f = fdb(&s, s.v1);
	assert_non_null(f);
	assert_non_null(f->dst);
	assert_ptr_equal(f->dst->dev, s.brv1);
	assert_ptr_equal(f->dst, br_port_get_rtnl(s.brv1));
	assert_false(f->is_local);
	assert_false(f->is_static);

	f = fdb(&s, s.v2);
	assert_non_null(f);
	assert_ptr_equal(f->dst->dev, s.brv2);
	assert_false(f->is_local);

	/* the ports' own addresses are local, permanent entries */
	f = fdb(&s, s.brv1);
	assert_non_null(f);
	assert_true(f->is_local);
	assert_true(f->is_static);
	f = fdb(&s, s.brv2);
	assert_non_null(f);
	assert_true(f->is_local);

	/* the bridge MAC is the lowest port MAC */
	{
		const u8 *lo = memcmp(s.brv1->dev_addr, s.brv2->dev_addr, ETH_ALEN) < 0 ?
				       s.brv1->dev_addr : s.brv2->dev_addr;

		assert_memory_equal(s.br->dev_addr, lo, ETH_ALEN);
		assert_false(br->addr_set);
	}
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_fdb_ageing(void **state)
{
	struct world *w = world_new(2);
	struct h_seed s;
	struct net_bridge *br;
	struct net_bridge_fdb_entry *f1, *f2;
	u64 last;

	(void)state;
	addrconf_world_ipv6_off(w);	/* IPv4 packets counted: no MLD/DAD */
	seed_ping(&s, w);
	br = netdev_priv(s.br);
	assert_true(br->ageing_time == 300 * T_SEC);
	/* let the neighbour probes (DELAY → PROBE after 5 s) finish */
	h_advance_to(w, w->now + 10 * T_SEC);
	f1 = fdb(&s, s.v1);
	f2 = fdb(&s, s.v2);
	assert_non_null(f1);
	assert_non_null(f2);
	last = f1->updated > f2->updated ? f1->updated : f2->updated;

	h_advance_to(w, last + 290 * T_SEC);
	assert_non_null(fdb(&s, s.v1));
	assert_non_null(fdb(&s, s.v2));
	h_advance_to(w, last + 301 * T_SEC);
	assert_null(fdb(&s, s.v1));
	assert_null(fdb(&s, s.v2));
	/* local entries never age */
	assert_non_null(fdb(&s, s.brv1));
	assert_non_null(fdb(&s, s.brv2));
	h_advance_to(w, w->now + 3600 * T_SEC);
	assert_non_null(fdb(&s, s.brv1));
	assert_non_null(fdb(&s, s.brv2));

	/* traffic learns them again */
	assert_int_equal(h_run(w, s.t1, "ping -c 1 172.16.0.3", 20 * T_SEC, NULL), 0);
	assert_non_null(fdb(&s, s.v1));
	assert_non_null(fdb(&s, s.v2));
	assert_int_equal(world_free(w, stderr), 0);
}

/* Send a raw Ethernet frame out of dev (ethertype 0x88b5, local experimental). */
static void send_frame(struct world *w, struct net_device *dev, const u8 *dst)
{
	struct sk_buff *skb = alloc_skb(&w->skb_pool, 128);
	struct ethhdr *eh;

	assert_non_null(skb);
	skb_reserve(skb, 32);
	eh = (struct ethhdr *)skb_put_zero(skb, 60);
	memcpy(eh->h_dest, dst, ETH_ALEN);
	memcpy(eh->h_source, dev->dev_addr, ETH_ALEN);
	eh->h_proto = htons(0x88b5);
	skb_reset_mac_header(skb);
	skb->dev = dev;
	skb->protocol = htons(0x88b5);
	dev_queue_xmit(skb);
	h_advance_to(w, w->now + 10 * T_MS);
}

static u64 tx_packets(struct net_device *dev)
{
	struct rtnl_link_stats64 st;

	memset(&st, 0, sizeof(st));
	dev_get_stats(dev, &st);
	return st.tx_packets;
}

static void test_hairpin(void **state)
{
	struct world *w = world_new(3);
	struct h_seed s;
	struct net_bridge_port *p1;
	u64 tx1, tx2;

	(void)state;
	addrconf_world_ipv6_off(w);	/* IPv4 packets counted: no MLD/DAD */
	seed_ping(&s, w);
	p1 = br_port_get_rtnl(s.brv1);
	assert_non_null(p1);
	assert_false(p1->flags & BR_HAIRPIN_MODE);
	assert_int_equal(p1->state, BR_STATE_FORWARDING);

	/* a frame from veth1 to veth1's own MAC: the FDB says "port 1",
	 * which is where it came in: never sent back */
	tx1 = tx_packets(s.brv1);
	tx2 = tx_packets(s.brv2);
	send_frame(w, s.v1, s.v1->dev_addr);
	assert_true(tx_packets(s.brv1) == tx1);
	assert_true(tx_packets(s.brv2) == tx2);

	/* a broadcast is flooded to the other ports, not the ingress one */
	{
		static const u8 bc[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };

		send_frame(w, s.v1, bc);
		assert_true(tx_packets(s.brv1) == tx1);
		assert_true(tx_packets(s.brv2) == tx2 + 1);
		tx2++;
	}

	/* hairpin on: it goes back out of port 1 */
	assert_int_equal(br_port_set_flag(p1, BR_HAIRPIN_MODE, true), 0);
	assert_true(p1->flags & BR_HAIRPIN_MODE);
	send_frame(w, s.v1, s.v1->dev_addr);
	assert_true(tx_packets(s.brv1) == tx1 + 1);
	assert_true(tx_packets(s.brv2) == tx2);

	/* and off again */
	assert_int_equal(br_port_set_flag(p1, BR_HAIRPIN_MODE, false), 0);
	send_frame(w, s.v1, s.v1->dev_addr);
	assert_true(tx_packets(s.brv1) == tx1 + 1);
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_port_removal(void **state)
{
	struct world *w = world_new(4);
	struct h_seed s;
	struct net_bridge *br;
	unsigned int before;
	u8 old_br_mac[ETH_ALEN];

	(void)state;
	addrconf_world_ipv6_off(w);	/* IPv4 packets counted: no MLD/DAD */
	seed_ping(&s, w);
	br = netdev_priv(s.br);
	before = br->fdb_count;
	assert_non_null(fdb(&s, s.v1));
	assert_non_null(fdb(&s, s.brv1));
	memcpy(old_br_mac, s.br->dev_addr, ETH_ALEN);

	assert_int_equal(do_set_master(s.brv1, NULL, NULL), 0);
	assert_null(br_port_get_rtnl(s.brv1));
	/* the learned entry and the port's local entry are gone */
	assert_null(fdb(&s, s.v1));
	assert_null(fdb(&s, s.brv1));
	assert_true(br->fdb_count <= before - 2);
	/* the other port's entries stay */
	assert_non_null(fdb(&s, s.v2));
	assert_non_null(fdb(&s, s.brv2));
	/* the bridge MAC follows the remaining port */
	assert_memory_equal(s.br->dev_addr, s.brv2->dev_addr, ETH_ALEN);
	(void)old_br_mac;
	assert_int_equal(world_free(w, stderr), 0);
}

/* veth counts a frame once, on the sender; each end's receive counters
 * are its peer's transmit counters (veth_get_stats64, as Linux) */
static void test_veth_stats(void **state)
{
	struct world *w = world_new(5);
	struct h_seed s;
	struct net_device *ends[2][2];

	(void)state;
	seed_ping(&s, w);
	ends[0][0] = s.v1, ends[0][1] = s.brv1;
	ends[1][0] = s.v2, ends[1][1] = s.brv2;
	for (int i = 0; i < 2; i++) {
		for (int j = 0; j < 2; j++) {
			struct rtnl_link_stats64 a, b;

			dev_get_stats(ends[i][j], &a);
			dev_get_stats(ends[i][!j], &b);
			assert_true(a.tx_packets > 0);
			assert_int_equal(a.tx_packets, b.rx_packets);
			assert_int_equal(a.tx_bytes, b.rx_bytes);
		}
	}
	assert_int_equal(world_free(w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fdb_learning),
		cmocka_unit_test(test_fdb_ageing),
		cmocka_unit_test(test_hairpin),
		cmocka_unit_test(test_port_removal),
		cmocka_unit_test(test_veth_stats),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
