/* Input routes through the keyed route cache (net/ipv4/route.c,
 * ip_route_input_noref): the second packet of a flow is answered from the
 * cache, so every field a rule can select on (mark, tos, input device,
 * source) must be part of the key — a packet that differs in one of them
 * gets its own route, never the cached one of another flow.  Also: more
 * flows than the cache has slots, a route deleted between two packets, ARP's
 * lookups (which skip the cache), multicast destinations and martian
 * sources after a cached flow. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "helpers.h"
#include "net/ip.h"
#include "net/route.h"
#include "net/ethernet.h"

struct rig {
	struct world *w;
	struct net *r;
	struct net_device *ra, *rb, *rc;
};

/* r with three ports: ra 10.1.0.1/24 (where packets come in), rb
 * 10.2.0.1/24 (the main table's way to 10.2/16), rc 10.3.0.1/24 (the way
 * the policy rules pick) */
static void rig_build(struct rig *g)
{
	static const char *const cmds[] = {
		"ip rule add fwmark 7 table 100",
		"ip rule add tos 0x10 table 100",
		"ip rule add from 10.1.0.99 table 100",
		"ip rule add iif rb table 100",
		"ip route add 10.2.0.0/16 via 10.2.0.2",
		"ip route add 10.2.0.0/16 via 10.3.0.2 table 100",
		"sysctl -q -w net.ipv4.ip_forward=1",
	};
	struct net *x;

	memset(g, 0, sizeof(*g));
	g->w = world_new(3);
	g->r = net_create(g->w, "r");
	x = net_create(g->w, "x");
	g->ra = h_link(g->r, "veth", "ra", "xa", x);
	g->rb = h_link(g->r, "veth", "rb", "xb", x);
	g->rc = h_link(g->r, "veth", "rc", "xc", x);
	assert_non_null(g->rc);
	assert_int_equal(h_addr(g->r, "ra", "10.1.0.1", 24), 0);
	assert_int_equal(h_addr(g->r, "rb", "10.2.0.1", 24), 0);
	assert_int_equal(h_addr(g->r, "rc", "10.3.0.1", 24), 0);
	for (int i = 0; i < 3; i++)
		assert_int_equal(dev_open((struct net_device *[]){ g->ra, g->rb, g->rc }[i]), 0);
	assert_int_equal(h_up(x, "xa"), 0);
	assert_int_equal(h_up(x, "xb"), 0);
	assert_int_equal(h_up(x, "xc"), 0);
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		assert_int_equal(h_run(g->w, g->r, cmds[i], T_SEC, NULL), 0);
}

static void rig_free(struct rig *g)
{
	assert_int_equal(world_free(g->w, stderr), 0);
}

struct pkt {
	const char *saddr, *daddr;
	u8 tos;
	u32 mark;
	struct net_device *dev;
	__be16 proto;
};

/* Routes one packet as ip_rcv_finish_core() does; returns the output
 * device's name ("local" for a local route), or the error as text. */
static const char *route(struct rig *g, const struct pkt *p)
{
	struct sk_buff *skb = alloc_skb(&g->w->skb_pool, 128);
	enum skb_drop_reason reason;
	static char res[32];
	struct iphdr *iph;
	struct rtable *rt;
	int err;

	assert_non_null(skb);
	skb_reserve(skb, 16);
	skb_reset_network_header(skb);
	iph = (struct iphdr *)skb_put(skb, sizeof(*iph));
	memset(iph, 0, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 64;
	iph->tos = p->tos;
	iph->protocol = IPPROTO_UDP;
	iph->saddr = h_ip(p->saddr);
	iph->daddr = h_ip(p->daddr);
	skb->protocol = p->proto ? p->proto : htons(ETH_P_IP);
	skb->dev = p->dev ? p->dev : g->ra;
	skb->mark = p->mark;
	err = ip_route_input_noref(skb, iph->daddr, iph->saddr, iph->tos, skb->dev, &reason);
	rt = skb_rtable(skb);
	if (err)
		snprintf(res, sizeof(res), "error %d", err);
	else if (rt->rt_flags & RTCF_LOCAL)
		snprintf(res, sizeof(res), "local");
	else if (rt->dst.error)
		snprintf(res, sizeof(res), "dst error %d", rt->dst.error);
	else
		snprintf(res, sizeof(res), "%s", rt->dst.dev->name);
	kfree_skb(skb);
	return res;
}

/* Each flow asked several times, interleaved with the others: the first
 * answer comes from the FIB, the next ones from the cache. */
static void test_key_fields(void **state)
{
	struct rig g;
	const struct pkt plain = { .saddr = "10.1.0.2", .daddr = "10.2.0.9" };
	const struct pkt marked = { .saddr = "10.1.0.2", .daddr = "10.2.0.9", .mark = 7 };
	const struct pkt tos = { .saddr = "10.1.0.2", .daddr = "10.2.0.9", .tos = 0x10 };
	const struct pkt other_src = { .saddr = "10.1.0.99", .daddr = "10.2.0.9" };
	const struct pkt mark_other = { .saddr = "10.1.0.2", .daddr = "10.2.0.9", .mark = 8 };

	(void)state;
	rig_build(&g);
	for (int round = 0; round < 4; round++) {
		struct pkt from_rb = plain;

		from_rb.dev = g.rb;
		assert_string_equal(route(&g, &plain), "rb");
		assert_string_equal(route(&g, &marked), "rc");
		assert_string_equal(route(&g, &plain), "rb");
		assert_string_equal(route(&g, &tos), "rc");
		assert_string_equal(route(&g, &other_src), "rc");
		assert_string_equal(route(&g, &mark_other), "rb");
		assert_string_equal(route(&g, &from_rb), "rc");
		assert_string_equal(route(&g, &plain), "rb");
	}
	rig_free(&g);
}

/* 300 destinations, more than the cache's 64 slots, twice over: each gets
 * the route of its own prefix (even: 10.2/16 through rb; odd: 10.4/16, a
 * route of its own through rc) */
static void test_many_flows(void **state)
{
	struct rig g;
	char d[32];

	(void)state;
	rig_build(&g);
	assert_int_equal(h_run(g.w, g.r, "ip route add 10.4.0.0/16 via 10.3.0.2", T_SEC, NULL), 0);
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < 300; i++) {
			struct pkt p = { .saddr = "10.1.0.2", .daddr = d };

			snprintf(d, sizeof(d), "10.%d.%d.%d", i % 2 ? 4 : 2, i / 200 + 1, i % 200 + 10);
			assert_string_equal(route(&g, &p), i % 2 ? "rc" : "rb");
		}
	}
	rig_free(&g);
}

/* A cached flow whose route goes away: the next packet is not forwarded
 * through the old route (the cache is flushed with the route's change). */
static void test_route_deleted(void **state)
{
	struct rig g;
	const struct pkt p = { .saddr = "10.1.0.2", .daddr = "10.2.0.9" };

	(void)state;
	rig_build(&g);
	assert_string_equal(route(&g, &p), "rb");
	assert_string_equal(route(&g, &p), "rb");
	assert_int_equal(h_run(g.w, g.r, "ip route del 10.2.0.0/16 via 10.2.0.2", T_SEC, NULL), 0);
	assert_string_equal(route(&g, &p), "rb");	/* 10.2.0.0/24, the connected route */
	assert_int_equal(h_run(g.w, g.r, "ip route add 10.2.0.0/24 via 10.3.0.2 table main metric 1",
			       T_SEC, NULL), 0);
	assert_int_equal(h_run(g.w, g.r, "ip addr del 10.2.0.1/24 dev rb", T_SEC, NULL), 0);
	assert_string_equal(route(&g, &p), "rc");
	assert_string_equal(route(&g, &p), "rc");
	rig_free(&g);
}

/* Lookups that bypass the cache give what they gave before: ARP's (is
 * the target local?), a multicast destination, a martian source. */
static void test_uncached(void **state)
{
	struct rig g;
	const struct pkt flow = { .saddr = "10.1.0.2", .daddr = "10.2.0.9" };
	const struct pkt arp = { .saddr = "10.1.0.2", .daddr = "10.1.0.1", .proto = htons(ETH_P_ARP) };
	const struct pkt arp_fwd = { .saddr = "10.1.0.2", .daddr = "10.2.0.9", .proto = htons(ETH_P_ARP) };
	const struct pkt martian = { .saddr = "127.0.0.1", .daddr = "10.2.0.9" };
	const struct pkt zero_src = { .saddr = "0.0.0.0", .daddr = "10.2.0.9" };
	const struct pkt all_hosts = { .saddr = "10.1.0.2", .daddr = "224.0.0.1" };
	const struct pkt group = { .saddr = "10.1.0.2", .daddr = "239.1.1.1" };

	(void)state;
	rig_build(&g);
	for (int round = 0; round < 3; round++) {
		assert_string_equal(route(&g, &flow), "rb");
		assert_string_equal(route(&g, &arp), "local");
		assert_string_equal(route(&g, &arp_fwd), "rb");
		assert_string_equal(route(&g, &martian), "error -22");
		assert_string_equal(route(&g, &zero_src), "error -22");
		/* a group r is in (all-hosts) is local; one it is not in, with
		 * no multicast forwarding, is refused (ip_route_input_noref) */
		assert_string_equal(route(&g, &all_hosts), "local");
		assert_string_equal(route(&g, &group), "error -22");
	}
	rig_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_fields),
		cmocka_unit_test(test_many_flows),
		cmocka_unit_test(test_route_deleted),
		cmocka_unit_test(test_uncached),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
