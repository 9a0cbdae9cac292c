/* Malformed frames: each is dropped with the kernel's drop reason and
 * counted where Linux counts it, nothing crashes, nothing leaks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "helpers.h"
#include "net/ip.h"
#include "net/ethernet.h"

struct drops {
	int n;
	enum skb_drop_reason last;
};

static void on_drop(void *arg, struct sk_buff *skb, enum skb_drop_reason reason, void *loc)
{
	struct drops *d = arg;

	(void)skb;
	(void)loc;
	d->n++;
	d->last = reason;
}

struct rig {
	struct world *w;
	struct net *a, *b;
	struct net_device *va, *vb;
	struct drops drops;
};

static void rig_build(struct rig *r)
{
	memset(r, 0, sizeof(*r));
	r->w = world_new(7);
	r->a = net_create(r->w, "a");
	r->b = net_create(r->w, "b");
	r->va = h_link(r->a, "veth", "va", "vb", r->b);
	r->vb = __dev_get_by_name(r->b, "vb");
	assert_non_null(r->va);
	assert_non_null(r->vb);
	assert_int_equal(h_addr(r->a, "va", "10.1.0.1", 24), 0);
	assert_int_equal(h_addr(r->b, "vb", "10.1.0.2", 24), 0);
	dev_open(r->va);
	dev_open(r->vb);
	r->w->skb_pool.drop_hook = on_drop;
	r->w->skb_pool.drop_hook_arg = &r->drops;
}

static bool never(void *arg)
{
	(void)arg;
	return false;
}

/* Send raw bytes out of va: they arrive on vb in namespace b. */
static void inject(struct rig *r, const u8 *frame, unsigned int len)
{
	struct sk_buff *skb = alloc_skb(&r->w->skb_pool, NET_SKB_PAD + 2 + len);

	assert_non_null(skb);
	skb_reserve(skb, NET_SKB_PAD + 2);	/* NET_IP_ALIGN */
	skb_put_data(skb, frame, len);
	skb->dev = r->va;
	dev_queue_xmit(skb);
	world_run(r->w, never, NULL, r->w->now);
}

static unsigned int ip_frame(struct rig *r, u8 *buf, unsigned int payload)
{
	struct ethhdr *eth = (struct ethhdr *)buf;
	struct iphdr *iph = (struct iphdr *)(buf + ETH_HLEN);

	memcpy(eth->h_dest, r->vb->dev_addr, ETH_ALEN);
	memcpy(eth->h_source, r->va->dev_addr, ETH_ALEN);
	eth->h_proto = htons(ETH_P_IP);
	memset(iph, 0, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 64;
	iph->protocol = 253;
	iph->tot_len = htons((u16)(20 + payload));
	memset(buf + ETH_HLEN + 20, 0xa5, payload);	/* an ICMP error quotes it */
	inet_pton(AF_INET, "10.1.0.1", &iph->saddr);
	inet_pton(AF_INET, "10.1.0.2", &iph->daddr);
	ip_send_check(iph);
	return ETH_HLEN + 20 + payload;
}

static void rig_free(struct rig *r)
{
	r->w->skb_pool.drop_hook = NULL;
	assert_int_equal(world_free(r->w, stderr), 0);
}

static void test_runt_ethernet(void **state)
{
	struct rig r;
	u8 frame[10] = { 0 };

	(void)state;
	rig_build(&r);
	inject(&r, frame, sizeof(frame));
	assert_int_equal(r.drops.n, 1);
	assert_int_equal(r.va->tx_dropped_core, 1);
	rig_free(&r);
}

static void test_bad_ip_headers(void **state)
{
	struct rig r;
	u8 store[144] __attribute__((aligned(16)));
	u8 *buf = store + 2;	/* IP header 4-byte aligned */
	struct iphdr *iph = (struct iphdr *)(buf + ETH_HLEN);
	unsigned int len;

	(void)state;
	rig_build(&r);
	/* bad checksum */
	len = ip_frame(&r, buf, 8);
	iph->check ^= 0x1;
	inject(&r, buf, len);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_IP_CSUM);
	assert_int_equal(r.b->mib.ip[IPSTATS_MIB_CSUMERRORS], 1);
	assert_int_equal(r.b->mib.ip[IPSTATS_MIB_INHDRERRORS], 1);
	/* version 6 in an IPv4 frame */
	len = ip_frame(&r, buf, 8);
	iph->version = 6;
	ip_send_check(iph);
	inject(&r, buf, len);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_IP_INHDR);
	/* ihl < 5 */
	len = ip_frame(&r, buf, 8);
	iph->ihl = 4;
	inject(&r, buf, len);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_IP_INHDR);
	/* tot_len beyond the frame: truncated */
	len = ip_frame(&r, buf, 8);
	iph->tot_len = htons(200);
	ip_send_check(iph);
	inject(&r, buf, len);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_PKT_TOO_SMALL);
	assert_int_equal(r.b->mib.ip[IPSTATS_MIB_INTRUNCATEDPKTS], 1);
	/* only 10 bytes of IP header */
	len = ip_frame(&r, buf, 8);
	inject(&r, buf, ETH_HLEN + 10);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_IP_INHDR);
	assert_int_equal(r.b->mib.ip[IPSTATS_MIB_INHDRERRORS], 4);
	(void)len;
	rig_free(&r);
}

static void test_otherhost_and_noproto(void **state)
{
	struct rig r;
	u8 store[144] __attribute__((aligned(16)));
	u8 *buf = store + 2;	/* IP header 4-byte aligned */
	struct ethhdr *eth = (struct ethhdr *)buf;
	unsigned int len;

	(void)state;
	rig_build(&r);
	/* not for our MAC: OTHERHOST */
	len = ip_frame(&r, buf, 8);
	eth->h_dest[5] ^= 0x10;
	inject(&r, buf, len);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_OTHERHOST);
	/* unknown EtherType: no handler, rx_nohandler counted */
	len = ip_frame(&r, buf, 8);
	eth->h_proto = htons(0x88b5);
	inject(&r, buf, len);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_UNHANDLED_PROTO);
	assert_int_equal(r.vb->rx_nohandler_core, 1);
	/* protocol 253 for us: no protocol handler (ICMP protocol unreachable
	 * would need lo up in b to come back; the drop is what we check) */
	len = ip_frame(&r, buf, 8);
	inject(&r, buf, len);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_IP_NOPROTO);
	assert_int_equal(r.b->mib.ip[IPSTATS_MIB_INUNKNOWNPROTOS], 1);
	rig_free(&r);
}

static void test_backlog_full(void **state)
{
	struct rig r;
	u8 store[144] __attribute__((aligned(16)));
	u8 *buf = store + 2;	/* IP header 4-byte aligned */
	unsigned int len;
	int i;

	(void)state;
	rig_build(&r);
	r.w->init_net->core.sysctl_netdev_max_backlog = 10;	/* global, as on Linux */
	len = ip_frame(&r, buf, 8);
	/* queue 15 frames before the softirq runs: 5 are CPU_BACKLOG drops */
	for (i = 0; i < 15; i++) {
		struct sk_buff *skb = alloc_skb(&r.w->skb_pool, NET_SKB_PAD + 2 + len);

		skb_reserve(skb, NET_SKB_PAD + 2);
		skb_put_data(skb, buf, len);
		skb->dev = r.va;
		dev_queue_xmit(skb);
	}
	assert_int_equal(r.drops.n, 5);
	assert_int_equal(r.drops.last, SKB_DROP_REASON_CPU_BACKLOG);
	assert_int_equal(r.b->softnet.dropped, 5);
	world_run(r.w, never, NULL, r.w->now);
	rig_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_runt_ethernet),
		cmocka_unit_test(test_bad_ip_headers),
		cmocka_unit_test(test_otherhost_and_noproto),
		cmocka_unit_test(test_backlog_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
