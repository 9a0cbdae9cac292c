/* IPv4 fragmentation and reassembly (net/ipv4/ip_fragment.c): ip_do_fragment
 * splits a 3000-byte datagram on a 1500-byte route, ip_defrag puts it back
 * in order, in reverse and with a duplicate; an overlap kills the queue; a
 * missing fragment times out with ICMP time exceeded; nothing leaks. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "helpers.h"
#include "net/addrconf.h"
#include "net/ip.h"
#include "net/icmp.h"
#include "net/route.h"

#define DGRAM_LEN 3000
#define NFRAGS_MAX 8

struct drops {
	int n;
	enum skb_drop_reason last;
};

/* The output function's state; passed through the `sk` argument, which
 * ip_do_fragment only hands on (no globals). */
struct collector {
	struct sk_buff *frags[NFRAGS_MAX];
	int n;
	int fail_at;		/* return an error for this fragment (-1: never) */
};

struct rig {
	struct world *w;
	struct net *net;
	struct net_device *va, *vb;
	struct drops drops;
	u8 orig[DGRAM_LEN];
};

static void on_drop(void *arg, struct sk_buff *skb, enum skb_drop_reason reason, void *loc)
{
	struct drops *d = arg;

	(void)skb;
	(void)loc;
	d->n++;
	d->last = reason;
}

static void rig_build(struct rig *r)
{
	memset(r, 0, sizeof(*r));
	r->w = world_new(1);
	addrconf_world_ipv6_off(r->w);	/* IPv4 packets counted: no MLD/DAD */
	r->net = r->w->init_net;
	r->va = h_link(r->net, "veth", "va", "vb", NULL);
	r->vb = __dev_get_by_name(r->net, "vb");
	assert_non_null(r->va);
	assert_non_null(r->vb);
	assert_int_equal(h_addr(r->net, "va", "10.1.0.1", 24), 0);
	assert_int_equal(dev_open(r->va), 0);
	assert_int_equal(dev_open(r->vb), 0);
	r->w->skb_pool.drop_hook = on_drop;
	r->w->skb_pool.drop_hook_arg = &r->drops;
}

static void rig_free(struct rig *r)
{
	r->w->skb_pool.drop_hook = NULL;
	assert_int_equal(world_free(r->w, stderr), 0);
}

static u64 ipstat(struct rig *r, int field)
{
	return r->net->mib.ip[field];
}

/* A whole datagram 10.1.0.1 -> 10.1.0.2, data at the IP header, routed. */
static struct sk_buff *mk_dgram(struct rig *r)
{
	struct flowi4 fl4 = { 0 };
	struct sk_buff *skb = alloc_skb(&r->w->skb_pool, NET_SKB_PAD + 16 + DGRAM_LEN);
	struct iphdr *iph = (struct iphdr *)r->orig;
	struct rtable *rt;
	int err = 0;

	assert_non_null(skb);
	iph->version = 4;
	iph->ihl = 5;
	iph->tot_len = htons(DGRAM_LEN);
	iph->id = htons(0x1234);
	iph->ttl = 64;
	iph->protocol = 253;
	iph->saddr = h_ip("10.1.0.1");
	iph->daddr = h_ip("10.1.0.2");
	for (int i = 20; i < DGRAM_LEN; i++)
		r->orig[i] = (u8)(i * 7 + i / 251);
	ip_send_check(iph);

	skb_reserve(skb, NET_SKB_PAD + 16);
	skb_reset_network_header(skb);
	skb_put_data(skb, r->orig, DGRAM_LEN);
	skb_set_transport_header(skb, 20);
	skb->protocol = htons(ETH_P_IP);
	skb->dev = r->va;
	skb->mark = 7;
	fl4.daddr = iph->daddr;
	rt = ip_route_output_key(r->net, &fl4, &err);
	assert_non_null(rt);
	assert_ptr_equal(rt->dst.dev, r->va);
	skb_dst_set(skb, &rt->dst);	/* the skb owns the reference */
	return skb;
}

static int collect(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct collector *c = (struct collector *)sk;

	(void)net;
	if (c->n == c->fail_at) {
		kfree_skb(skb);
		return -ENOBUFS;
	}
	assert_true(c->n < NFRAGS_MAX);
	c->frags[c->n++] = skb;
	return 0;
}

static void fragment(struct rig *r, struct collector *c)
{
	memset(c, 0, sizeof(*c));
	c->fail_at = -1;
	assert_int_equal(ip_do_fragment(r->net, (struct sock *)c, mk_dgram(r), collect), 0);
	assert_int_equal(c->n, 3);
}

static void check_whole(struct rig *r, struct sk_buff *skb)
{
	struct iphdr *iph = ip_hdr(skb);

	assert_ptr_equal(skb->data, skb_network_header(skb));
	assert_int_equal(skb->len, DGRAM_LEN);
	assert_int_equal(skb->data_len, 0);
	assert_int_equal(ntohs(iph->tot_len), DGRAM_LEN);
	assert_int_equal(iph->frag_off, 0);
	assert_int_equal(ip_fast_csum(iph, iph->ihl), 0);
	assert_memory_equal(skb->data + 20, r->orig + 20, DGRAM_LEN - 20);
	assert_memory_equal(skb->data, r->orig, 6);		/* version..id */
	assert_int_equal(skb_transport_header(skb) - skb_network_header(skb), 20);
	assert_int_equal(skb->mark, 7);
	assert_int_equal(IPCB(skb)->frag_max_size, 1500);
	consume_skb(skb);
}

static void test_fragment(void **state)
{
	static const unsigned int off[3] = { 0, 185, 370 }, len[3] = { 1500, 1500, 40 };
	struct collector c;
	struct rig r;

	(void)state;
	rig_build(&r);
	fragment(&r, &c);
	for (int i = 0; i < 3; i++) {
		struct sk_buff *f = c.frags[i];
		struct iphdr *iph = ip_hdr(f);

		assert_ptr_equal(f->data, skb_network_header(f));
		assert_int_equal(f->len, len[i]);
		assert_int_equal(ntohs(iph->tot_len), len[i]);
		assert_int_equal(ntohs(iph->frag_off) & IP_OFFSET, off[i]);
		assert_int_equal(!!(ntohs(iph->frag_off) & IP_MF), i < 2);
		assert_int_equal(ntohs(iph->frag_off) & IP_DF, 0);
		assert_int_equal(ip_fast_csum(iph, iph->ihl), 0);
		assert_int_equal(iph->id, htons(0x1234));
		assert_memory_equal(f->data + 20, r.orig + 20 + off[i] * 8, len[i] - 20);
		assert_ptr_equal(f->dev, r.va);
		assert_non_null(skb_dst(f));
		assert_int_equal(f->mark, 7);
		assert_int_equal(f->protocol, htons(ETH_P_IP));
		assert_true(skb_headroom(f) >= NET_SKB_PAD + (unsigned int)r.va->hard_header_len);
		consume_skb(f);
	}
	assert_int_equal(ipstat(&r, IPSTATS_MIB_FRAGCREATES), 3);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_FRAGOKS), 1);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_FRAGFAILS), 0);
	rig_free(&r);
}

static void test_fragment_output_error(void **state)
{
	struct collector c = { .fail_at = 1 };
	struct rig r;

	(void)state;
	rig_build(&r);
	assert_int_equal(ip_do_fragment(r.net, (struct sock *)&c, mk_dgram(&r), collect),
			 -ENOBUFS);
	assert_int_equal(c.n, 1);
	consume_skb(c.frags[0]);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_FRAGCREATES), 1);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_FRAGFAILS), 1);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_FRAGOKS), 0);
	rig_free(&r);
}

static void test_defrag_in_order(void **state)
{
	struct collector c;
	struct rig r;

	(void)state;
	rig_build(&r);
	fragment(&r, &c);
	assert_int_equal(ip_defrag(r.net, c.frags[0], 0), -EINPROGRESS);
	assert_int_equal(ip_defrag(r.net, c.frags[1], 0), -EINPROGRESS);
	assert_int_equal(ip_defrag(r.net, c.frags[2], 0), 0);
	check_whole(&r, c.frags[2]);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMREQDS), 3);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMOKS), 1);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMFAILS), 0);
	assert_int_equal(r.drops.n, 0);
	rig_free(&r);
}

static void test_defrag_reverse(void **state)
{
	struct collector c;
	struct rig r;

	(void)state;
	rig_build(&r);
	fragment(&r, &c);
	assert_int_equal(ip_defrag(r.net, c.frags[2], 0), -EINPROGRESS);
	assert_int_equal(ip_defrag(r.net, c.frags[1], 0), -EINPROGRESS);
	assert_int_equal(ip_defrag(r.net, c.frags[0], 0), 0);
	check_whole(&r, c.frags[0]);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMOKS), 1);
	assert_int_equal(r.drops.n, 0);
	rig_free(&r);
}

static void test_defrag_duplicate(void **state)
{
	struct sk_buff *dup;
	struct collector c;
	struct rig r;

	(void)state;
	rig_build(&r);
	fragment(&r, &c);
	dup = skb_copy(c.frags[1]);
	assert_non_null(dup);
	assert_int_equal(ip_defrag(r.net, c.frags[1], 0), -EINPROGRESS);
	assert_int_equal(ip_defrag(r.net, dup, 0), -EINVAL);
	assert_int_equal(r.drops.n, 1);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_DUP_FRAG);
	assert_int_equal(ip_defrag(r.net, c.frags[0], 0), -EINPROGRESS);
	assert_int_equal(ip_defrag(r.net, c.frags[2], 0), 0);
	check_whole(&r, c.frags[2]);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMREQDS), 4);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMOKS), 1);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMFAILS), 0);
	rig_free(&r);
}

/* An overlapping fragment drops the whole queue (Linux since 2018). */
static void test_defrag_overlap(void **state)
{
	struct collector c;
	struct iphdr *iph;
	struct rig r;
	long live;

	(void)state;
	rig_build(&r);
	fragment(&r, &c);
	iph = ip_hdr(c.frags[1]);
	iph->frag_off = htons(IP_MF | 100);	/* 800..2280 overlaps 0..1480 */
	ip_send_check(iph);
	live = r.w->skb_pool.skbs_live;
	assert_int_equal(ip_defrag(r.net, c.frags[0], 0), -EINPROGRESS);
	assert_int_equal(ip_defrag(r.net, c.frags[1], 0), -EINVAL);
	assert_int_equal(r.w->skb_pool.skbs_live, live - 2);
	assert_int_equal(r.drops.n, 2);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMFAILS), 1);
	/* the last fragment starts a new queue, which the namespace exit frees */
	assert_int_equal(ip_defrag(r.net, c.frags[2], 0), -EINPROGRESS);
	rig_free(&r);
}

/* A datagram from a peer to us with its middle fragment missing: after
 * ipfrag_time the queue goes, with ICMP time exceeded since fragment 0
 * arrived. */
static void test_defrag_timeout(void **state)
{
	struct collector c;
	struct rig r;
	long live;

	(void)state;
	rig_build(&r);
	fragment(&r, &c);
	for (int i = 0; i < 3; i++) {
		struct iphdr *iph = ip_hdr(c.frags[i]);

		iph->saddr = h_ip("10.1.0.2");
		iph->daddr = h_ip("10.1.0.1");
		ip_send_check(iph);
		skb_dst_drop(c.frags[i]);
		c.frags[i]->skb_iif = r.va->ifindex;
		c.frags[i]->pkt_type = PACKET_HOST;
	}
	consume_skb(c.frags[1]);
	live = r.w->skb_pool.skbs_live;
	assert_int_equal(ip_defrag(r.net, c.frags[0], 0), -EINPROGRESS);
	assert_int_equal(ip_defrag(r.net, c.frags[2], 0), -EINPROGRESS);
	r.w->now += 29 * T_SEC;
	timer_base_run(&r.w->timers, r.w->now);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMTIMEOUT), 0);
	r.w->now += 1 * T_SEC;
	timer_base_run(&r.w->timers, r.w->now);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMTIMEOUT), 1);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMFAILS), 1);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
	assert_int_equal(r.net->mib.icmpmsg_out[ICMP_TIME_EXCEEDED], 1);
	/* let the ICMP error leave (ARP for 10.1.0.2 included) */
	h_advance_to(r.w, r.w->now + 5 * T_SEC);
	assert_true(r.w->skb_pool.skbs_live <= live - 2);
	rig_free(&r);
}

/* Only the first fragment missing: no ICMP, everything freed. */
static void test_defrag_timeout_no_first(void **state)
{
	struct collector c;
	struct rig r;
	long live;

	(void)state;
	rig_build(&r);
	fragment(&r, &c);
	consume_skb(c.frags[0]);
	live = r.w->skb_pool.skbs_live;
	assert_int_equal(ip_defrag(r.net, c.frags[1], 0), -EINPROGRESS);
	assert_int_equal(ip_defrag(r.net, c.frags[2], 0), -EINPROGRESS);
	r.w->now += 30 * T_SEC;
	timer_base_run(&r.w->timers, r.w->now);
	assert_int_equal(r.w->skb_pool.skbs_live, live - 2);
	assert_int_equal(r.drops.n, 2);
	assert_int_equal(ipstat(&r, IPSTATS_MIB_REASMTIMEOUT), 1);
	assert_int_equal(r.net->mib.icmpmsg_out[ICMP_TIME_EXCEEDED], 0);
	rig_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fragment),
		cmocka_unit_test(test_fragment_output_error),
		cmocka_unit_test(test_defrag_in_order),
		cmocka_unit_test(test_defrag_reverse),
		cmocka_unit_test(test_defrag_duplicate),
		cmocka_unit_test(test_defrag_overlap),
		cmocka_unit_test(test_defrag_timeout),
		cmocka_unit_test(test_defrag_timeout_no_first),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
