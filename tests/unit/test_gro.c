/* GRO (net/core/gro.c, tcp4_gro_receive): TCP segments queued on a veth
 * with GRO on, received in one NAPI poll, reach the taps as super-packets
 * when they are in order and alike; PSH, a gap, other options or a bad
 * checksum end or refuse the merge; with GRO off every segment goes up. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "helpers.h"
#include "net/ip.h"
#include "net/tcp.h"
#include "net/ethernet.h"

#define MAXSEEN 16

struct seen {
	int n;
	unsigned int len[MAXSEEN];	/* IP packet length as the tap saw it */
	unsigned int segs[MAXSEEN];
	unsigned int gso_size[MAXSEEN];
};

static int tap_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
		   struct net_device *orig)
{
	struct seen *s = pt->af_packet_priv;

	(void)dev;
	(void)orig;
	/* what arrives (not the RSTs b sends back: no socket listens) */
	if (skb->protocol == htons(ETH_P_IP) && skb->pkt_type != PACKET_OUTGOING &&
	    s->n < MAXSEEN) {
		s->len[s->n] = skb->len;
		s->segs[s->n] = skb_gso_segs(skb);
		s->gso_size[s->n] = skb_shinfo(skb)->gso_size;
		s->n++;
	}
	consume_skb(skb);
	return 0;
}

struct rig {
	struct world *w;
	struct net *a, *b;
	struct net_device *va, *vb;
	struct packet_type tap;
	struct seen seen;
};

static void rig_build(struct rig *r, bool gro)
{
	memset(r, 0, sizeof(*r));
	r->w = world_new(7);
	r->a = net_create(r->w, "a");
	r->b = net_create(r->w, "b");
	r->va = h_link(r->a, "veth", "va", "vb", r->b);
	r->vb = __dev_get_by_name(r->b, "vb");
	assert_non_null(r->vb);
	assert_int_equal(h_addr(r->a, "va", "10.1.0.1", 24), 0);
	assert_int_equal(h_addr(r->b, "vb", "10.1.0.2", 24), 0);
	dev_open(r->va);
	dev_open(r->vb);
	assert_false(r->vb->features & NETIF_F_GRO);	/* veth: off until asked for */
	if (gro)
		r->vb->features |= NETIF_F_GRO;
	r->tap.type = htons(ETH_P_ALL);
	r->tap.func = tap_rcv;
	r->tap.af_packet_priv = &r->seen;
	dev_add_pack(r->b, &r->tap);
}

static void rig_free(struct rig *r)
{
	dev_remove_pack(r->b, &r->tap);
	assert_int_equal(world_free(r->w, stderr), 0);
}

struct seg {
	u32 seq;
	u8 flags;
	u32 tsval;
	bool bad_csum;
};

/* One TCP segment 10.1.0.1:1000 -> 10.1.0.2:2000 with a timestamp option
 * and `payload` bytes, queued on va (nothing runs until the softirq). */
static void queue_segment(struct rig *r, const struct seg *sg, unsigned int payload, u16 id)
{
	unsigned int len = ETH_HLEN + 20 + 32 + payload;
	struct sk_buff *skb = alloc_skb(&r->w->skb_pool, NET_SKB_PAD + 2 + len);
	u8 *p;
	struct ethhdr *eth;
	struct iphdr *iph;
	struct tcphdr *th;
	u16 proto = htons(IPPROTO_TCP), l = htons((u16)(32 + payload));
	u32 sum, tsv = htonl(sg->tsval);

	assert_non_null(skb);
	skb_reserve(skb, NET_SKB_PAD + 2);
	p = skb_put_zero(skb, len);
	eth = (struct ethhdr *)p;
	iph = (struct iphdr *)(p + ETH_HLEN);
	th = (struct tcphdr *)(p + ETH_HLEN + 20);
	memcpy(eth->h_dest, r->vb->dev_addr, ETH_ALEN);
	memcpy(eth->h_source, r->va->dev_addr, ETH_ALEN);
	eth->h_proto = htons(ETH_P_IP);
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 64;
	iph->protocol = IPPROTO_TCP;
	iph->id = htons(id);
	iph->frag_off = htons(IP_DF);
	iph->tot_len = htons((u16)(20 + 32 + payload));
	iph->saddr = h_ip("10.1.0.1");
	iph->daddr = h_ip("10.1.0.2");
	ip_send_check(iph);
	th->source = htons(1000);
	th->dest = htons(2000);
	th->seq = htonl(sg->seq);
	th->ack_seq = htonl(1);
	th->doff = 8;
	th->flags = sg->flags;
	th->window = htons(512);
	memcpy((u8 *)(th + 1), "\x01\x01\x08\x0a", 4);	/* nop nop TS */
	memcpy((u8 *)(th + 1) + 4, &tsv, 4);
	sum = csum_partial(&iph->saddr, 8, 0);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(&l, 2, sum);
	th->check = csum_fold(csum_partial(th, (int)(32 + payload), sum));
	if (sg->bad_csum)
		th->check ^= 0x1234;
	skb->dev = r->va;
	dev_queue_xmit(skb);
}

static bool never(void *arg)
{
	(void)arg;
	return false;
}

static void run_segments(struct rig *r, const struct seg *segs, int n)
{
	for (int i = 0; i < n; i++)
		queue_segment(r, &segs[i], 1000, (u16)(100 + i));
	world_run(r->w, never, NULL, r->w->now);
}

#define ACK TCPHDR_ACK
#define PSH TCPHDR_PSH

static void test_in_order_merge(void **state)
{
	const struct seg segs[] = {
		{ 1, ACK, 7, false }, { 1001, ACK, 7, false },
		{ 2001, ACK, 7, false }, { 3001, ACK, 7, false },
	};
	struct rig r;

	(void)state;
	rig_build(&r, true);
	run_segments(&r, segs, 4);
	assert_int_equal(r.seen.n, 1);
	assert_int_equal(r.seen.len[0], 20 + 32 + 4000);
	assert_int_equal(r.seen.segs[0], 4);
	assert_int_equal(r.seen.gso_size[0], 1000);
	rig_free(&r);
}

static void test_psh_ends_super_packet(void **state)
{
	const struct seg segs[] = {
		{ 1, ACK, 7, false }, { 1001, ACK, 7, false },
		{ 2001, ACK | PSH, 7, false }, { 3001, ACK, 7, false },
	};
	struct rig r;

	(void)state;
	rig_build(&r, true);
	run_segments(&r, segs, 4);
	assert_int_equal(r.seen.n, 2);
	assert_int_equal(r.seen.segs[0], 3);
	assert_int_equal(r.seen.len[1], 20 + 32 + 1000);
	assert_int_equal(r.seen.segs[1], 1);
	assert_int_equal(r.seen.gso_size[1], 0);	/* alone: not a super-packet */
	rig_free(&r);
}

static void test_gap_options_checksum(void **state)
{
	const struct seg segs[] = {
		{ 1, ACK, 7, false }, { 2001, ACK, 7, false },	/* a gap: 1001 missing */
		{ 3001, ACK, 8, false },			/* another TS value */
		{ 4001, ACK, 8, true },				/* bad checksum */
	};
	struct rig r;

	(void)state;
	rig_build(&r, true);
	run_segments(&r, segs, 4);
	assert_int_equal(r.seen.n, 4);
	for (int i = 0; i < 4; i++)
		assert_int_equal(r.seen.segs[i], 1);
	rig_free(&r);
}

static void test_gro_off(void **state)
{
	const struct seg segs[] = {
		{ 1, ACK, 7, false }, { 1001, ACK, 7, false }, { 2001, ACK, 7, false },
	};
	struct rig r;

	(void)state;
	rig_build(&r, false);
	run_segments(&r, segs, 3);
	assert_int_equal(r.seen.n, 3);
	rig_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_order_merge),
		cmocka_unit_test(test_psh_ends_super_packet),
		cmocka_unit_test(test_gap_options_checksum),
		cmocka_unit_test(test_gro_off),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
