/* IPv6 extension headers and reassembly on receive (net/ipv6/exthdrs.c,
 * reassembly.c) with hand-made frames sent from namespace a to b over a
 * veth pair.  Each case's expected answer — the ICMPv6 error b sends back
 * (type, code, pointer) or none, the counter b bumps, the drop reason —
 * is what the kernel (6.18) did with the same frames (sent from an
 * AF_PACKET socket, seen with tcpdump and nstat). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include "helpers.h"
#include "net/ethernet.h"
#include "net/ipv6.h"
#include "net/mld.h"

#define MAXSEEN 8
#define MAXDROPS 32

struct seen {
	int n;
	u8 type[MAXSEEN], code[MAXSEEN];
	u32 info[MAXSEEN];
};

struct drops {
	int n;
	enum skb_drop_reason reason[MAXDROPS];
};

struct rig {
	struct world *w;
	struct net *a, *b;
	struct net_device *va, *vb;
	struct packet_type tap;
	struct seen seen;
	struct drops drops;
	u64 before[__IPSTATS6_MIB_MAX];
};

/* ICMPv6 errors arriving in a */
static int tap_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
		   struct net_device *orig)
{
	struct seen *s = pt->af_packet_priv;
	const u8 *p = skb->data;

	(void)dev;
	(void)orig;
	if (skb->protocol == htons(ETH_P_IPV6) && skb->pkt_type != PACKET_OUTGOING &&
	    skb->len >= 48 && p[6] == IPPROTO_ICMPV6 && p[40] < 128 && s->n < MAXSEEN) {
		s->type[s->n] = p[40];
		s->code[s->n] = p[41];
		s->info[s->n] = (u32)p[44] << 24 | (u32)p[45] << 16 | (u32)p[46] << 8 | p[47];
		s->n++;
	}
	consume_skb(skb);
	return 0;
}

static void on_drop(void *arg, struct sk_buff *skb, enum skb_drop_reason reason, void *loc)
{
	struct drops *d = arg;

	(void)skb;
	(void)loc;
	if (d->n < MAXDROPS)
		d->reason[d->n++] = reason;
}

static void rig_build(struct rig *r)
{
	static const char *const cmds[][2] = {
		{ "a", "ip link set va up" }, { "b", "ip link set vb up" },
		{ "a", "ip -6 addr add 2001:db8::1/64 dev va nodad" },
		{ "b", "ip -6 addr add 2001:db8::2/64 dev vb nodad" },
	};

	memset(r, 0, sizeof(*r));
	r->w = world_new(11);
	r->a = net_create(r->w, "a");
	r->b = net_create(r->w, "b");
	r->va = h_link(r->a, "veth", "va", "vb", r->b);
	r->vb = __dev_get_by_name(r->b, "vb");
	assert_non_null(r->vb);
	for (size_t i = 0; i < ARRAY_SIZE(cmds); i++)
		assert_int_equal(h_run(r->w, cmds[i][0][0] == 'a' ? r->a : r->b, cmds[i][1],
				       T_SEC, NULL), 0);
	r->tap.type = htons(ETH_P_ALL);
	r->tap.func = tap_rcv;
	r->tap.af_packet_priv = &r->seen;
	dev_add_pack(r->a, &r->tap);
	r->w->skb_pool.drop_hook = on_drop;
	r->w->skb_pool.drop_hook_arg = &r->drops;
}

static void rig_free(struct rig *r)
{
	r->w->skb_pool.drop_hook = NULL;
	dev_remove_pack(r->a, &r->tap);
	assert_int_equal(world_free(r->w, stderr), 0);
}

static void rig_reset(struct rig *r)
{
	memset(&r->seen, 0, sizeof(r->seen));
	memset(&r->drops, 0, sizeof(r->drops));
	memcpy(r->before, r->b->ipv6.mib, sizeof(r->before));
}

static u64 delta(struct rig *r, int field)
{
	return r->b->ipv6.mib[field] - r->before[field];
}

static bool dropped_with(struct rig *r, enum skb_drop_reason reason)
{
	for (int i = 0; i < r->drops.n; i++)
		if (r->drops.reason[i] == reason)
			return true;
	return false;
}

/* ---- building packets ---- */
struct pkt {
	u8 b[256];
	unsigned int len;
};

static void put(struct pkt *p, const void *d, unsigned int n)
{
	memcpy(p->b + p->len, d, n);
	p->len += n;
}

static void ip6_start(struct pkt *p, u8 nexthdr, const char *dst)
{
	struct ipv6hdr h = { .priority_version = 0x60, .nexthdr = nexthdr, .hop_limit = 64 };

	inet_pton(AF_INET6, "2001:db8::1", &h.saddr);
	inet_pton(AF_INET6, dst ? dst : "2001:db8::2", &h.daddr);
	p->len = 0;
	put(p, &h, sizeof(h));
}

static void ip6_finish(struct pkt *p)
{
	struct ipv6hdr *h = (struct ipv6hdr *)p->b;

	h->payload_len = htons((u16)(p->len - sizeof(*h)));
}

/* A UDP header + payload to port 9 (nobody listens: port unreachable);
 * the checksum over the final addresses. */
static void udp_put(struct pkt *p, const char *payload)
{
	const struct ipv6hdr *h = (const struct ipv6hdr *)p->b;
	unsigned int n = (unsigned int)strlen(payload), l = 8 + n;
	u8 u[64] = { 0x04, 0xd2, 0x00, 0x09, (u8)(l >> 8), (u8)l, 0, 0 };
	__sum16 c;

	memcpy(u + 8, payload, n);
	c = csum_ipv6_magic(&h->saddr, &h->daddr, l, IPPROTO_UDP, ipv6_csum_partial(u, l, 0));
	memcpy(u + 6, &c, 2);
	put(p, u, l);
}

static void opt_put(struct pkt *p, u8 nexthdr, const u8 *opts, unsigned int n)
{
	u8 h[2] = { nexthdr, (u8)((n + 2) / 8 - 1) };

	assert_int_equal((n + 2) % 8, 0);
	put(p, h, 2);
	put(p, opts, n);
}

static void frag_put(struct pkt *p, u8 nexthdr, unsigned int off, bool mf, u32 id)
{
	struct frag_hdr f = { .nexthdr = nexthdr,
			      .frag_off = htons((u16)(off | (mf ? IP6_MF : 0))),
			      .identification = htonl(id) };

	put(p, &f, sizeof(f));
}

static void inject(struct rig *r, const struct pkt *p, bool multicast)
{
	struct sk_buff *skb = alloc_skb(&r->w->skb_pool, NET_SKB_PAD + 2 + ETH_HLEN + p->len);
	struct ethhdr *eth;
	static const u8 allnodes[ETH_ALEN] = { 0x33, 0x33, 0, 0, 0, 1 };

	assert_non_null(skb);
	skb_reserve(skb, NET_SKB_PAD + 2);
	eth = (struct ethhdr *)skb_put(skb, ETH_HLEN);
	memcpy(eth->h_dest, multicast ? allnodes : r->vb->dev_addr, ETH_ALEN);
	memcpy(eth->h_source, r->va->dev_addr, ETH_ALEN);
	eth->h_proto = htons(ETH_P_IPV6);
	skb_put_data(skb, p->b, p->len);
	skb->dev = r->va;
	dev_queue_xmit(skb);
	h_advance_to(r->w, r->w->now + 200 * T_MS);
}

static void expect_icmp(struct rig *r, int type, int code, u32 pointer)
{
	if (type < 0) {
		assert_int_equal(r->seen.n, 0);
		return;
	}
	assert_int_equal(r->seen.n, 1);
	assert_int_equal(r->seen.type[0], type);
	assert_int_equal(r->seen.code[0], code);
	assert_int_equal(r->seen.info[0], pointer);
}

static const u8 pad4[] = { 1, 4, 0, 0, 0, 0 };

static void hbh_case(struct rig *r, const u8 *opts, unsigned int n, const char *dst)
{
	struct pkt p;

	rig_reset(r);
	ip6_start(&p, NEXTHDR_HOP, dst);
	opt_put(&p, IPPROTO_UDP, opts, n);
	udp_put(&p, "hello!!!");
	ip6_finish(&p);
	inject(r, &p, dst != NULL);
}

/* Hop-by-Hop: PadN and an option to skip pass; the others by their two
 * high bits; bad padding is a header error; multicast gets no answer for
 * 11 options. */
static void test_hopopts(void **state)
{
	static const u8 skip[] = { 0x3e, 4, 0, 0, 0, 0 }, discard[] = { 0x7e, 4, 0, 0, 0, 0 },
			icmp[] = { 0xbe, 4, 0, 0, 0, 0 }, icmp_uc[] = { 0xfe, 4, 0, 0, 0, 0 },
			badpad[] = { 1, 4, 0, 0, 1, 0 },
			longpad[] = { 1, 4, 0, 0, 0, 0, 1, 6, 0, 0, 0, 0, 0, 0 };
	struct rig r;

	(void)state;
	rig_build(&r);
	hbh_case(&r, pad4, sizeof(pad4), NULL);
	expect_icmp(&r, ICMPV6_DEST_UNREACH, 4, 0);	/* port unreachable: delivered */
	assert_int_equal(r.b->ipv6.udp6[UDP_MIB_NOPORTS], 1);
	hbh_case(&r, skip, sizeof(skip), NULL);
	expect_icmp(&r, ICMPV6_DEST_UNREACH, 4, 0);
	hbh_case(&r, discard, sizeof(discard), NULL);
	expect_icmp(&r, -1, 0, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INHDRERRORS), 1);
	assert_true(dropped_with(&r, SKB_DROP_REASON_UNHANDLED_PROTO));
	hbh_case(&r, icmp, sizeof(icmp), NULL);
	expect_icmp(&r, ICMPV6_PARAMPROB, ICMPV6_UNK_OPTION, 42);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INHDRERRORS), 1);
	hbh_case(&r, icmp_uc, sizeof(icmp_uc), NULL);
	expect_icmp(&r, ICMPV6_PARAMPROB, ICMPV6_UNK_OPTION, 42);
	hbh_case(&r, icmp_uc, sizeof(icmp_uc), "ff02::1");
	expect_icmp(&r, -1, 0, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INHDRERRORS), 1);
	hbh_case(&r, badpad, sizeof(badpad), NULL);
	expect_icmp(&r, -1, 0, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INHDRERRORS), 1);
	assert_true(dropped_with(&r, SKB_DROP_REASON_IP_INHDR));
	hbh_case(&r, longpad, sizeof(longpad), NULL);
	expect_icmp(&r, -1, 0, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INHDRERRORS), 1);
	rig_free(&r);
}

/* Destination options pass; a Hop-by-Hop header after them is an unknown
 * next header (pointer at the byte naming it); no next header is
 * delivered; an unknown protocol points at the IPv6 header's field. */
static void test_dstopts_and_nexthdr(void **state)
{
	static const u8 pad1s[] = { 0, 0, 0, 0, 0, 0 };
	struct rig r;
	struct pkt p;

	(void)state;
	rig_build(&r);
	rig_reset(&r);
	ip6_start(&p, NEXTHDR_DEST, NULL);
	opt_put(&p, IPPROTO_UDP, pad1s, sizeof(pad1s));
	udp_put(&p, "hello!!!");
	ip6_finish(&p);
	inject(&r, &p, false);
	expect_icmp(&r, ICMPV6_DEST_UNREACH, 4, 0);

	rig_reset(&r);
	ip6_start(&p, NEXTHDR_DEST, NULL);
	opt_put(&p, NEXTHDR_HOP, pad4, sizeof(pad4));
	opt_put(&p, IPPROTO_UDP, pad4, sizeof(pad4));
	udp_put(&p, "hello!!!");
	ip6_finish(&p);
	inject(&r, &p, false);
	expect_icmp(&r, ICMPV6_PARAMPROB, ICMPV6_UNK_NEXTHDR, 40);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INUNKNOWNPROTOS), 1);

	rig_reset(&r);
	ip6_start(&p, NEXTHDR_NONE, NULL);
	put(&p, "12345678", 8);
	ip6_finish(&p);
	inject(&r, &p, false);
	expect_icmp(&r, -1, 0, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INDELIVERS), 1);

	rig_reset(&r);
	ip6_start(&p, 253, NULL);
	put(&p, "12345678", 8);
	ip6_finish(&p);
	inject(&r, &p, false);
	expect_icmp(&r, ICMPV6_PARAMPROB, ICMPV6_UNK_NEXTHDR, 6);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INUNKNOWNPROTOS), 1);
	assert_true(dropped_with(&r, SKB_DROP_REASON_IP_NOPROTO));
	rig_free(&r);
}

static void rthdr_case(struct rig *r, u8 type, u8 segleft)
{
	u8 rh[24] = { IPPROTO_UDP, 2, type, segleft, 0, 0, 0, 0, 0x20, 0x01, 0x0d, 0xb8 };
	struct pkt p;

	rh[23] = 9;
	rig_reset(r);
	ip6_start(&p, NEXTHDR_ROUTING, NULL);
	put(&p, rh, sizeof(rh));
	udp_put(&p, "hello!!!");
	ip6_finish(&p);
	inject(r, &p, false);
}

/* Routing headers: types 0, 2 and unknown ones with segments left get a
 * parameter problem at the type (octet 42), without segments left they
 * are passed over; SRH (4) and RPL (3) are dropped silently. */
static void test_rthdr(void **state)
{
	static const u8 answered[] = { 0, 2, 9 };
	struct rig r;

	(void)state;
	rig_build(&r);
	for (size_t i = 0; i < sizeof(answered); i++) {
		rthdr_case(&r, answered[i], 1);
		expect_icmp(&r, ICMPV6_PARAMPROB, ICMPV6_HDR_FIELD, 42);
		assert_int_equal(delta(&r, IPSTATS6_MIB_INHDRERRORS), 1);
		rthdr_case(&r, answered[i], 0);
		expect_icmp(&r, ICMPV6_DEST_UNREACH, 4, 0);
	}
	for (u8 t = 3; t <= 4; t++) {
		rthdr_case(&r, t, 1);
		expect_icmp(&r, -1, 0, 0);
		assert_int_equal(delta(&r, IPSTATS6_MIB_INHDRERRORS), 0);
		rthdr_case(&r, t, 0);
		expect_icmp(&r, -1, 0, 0);
	}
	rig_free(&r);
}

/* The UDP datagram of 40 bytes cut at 24 */
static void frag_pkt(struct pkt *p, u32 id, unsigned int off, bool mf, unsigned int from,
		     unsigned int to)
{
	struct pkt whole;

	ip6_start(&whole, IPPROTO_UDP, NULL);
	udp_put(&whole, "abcdefghabcdefghabcdefghabcdefgh");
	ip6_start(p, NEXTHDR_FRAGMENT, NULL);
	frag_put(p, IPPROTO_UDP, off, mf, id);
	put(p, whole.b + 40 + from, to - from);
	ip6_finish(p);
}

/* Reassembly: in reverse order, with a duplicate, an overlap (the whole
 * datagram goes: RFC 5722), an atomic fragment (RFC 6946). */
static void test_reassembly(void **state)
{
	struct rig r;
	struct pkt f1, f2, bad;

	(void)state;
	rig_build(&r);
	rig_reset(&r);
	frag_pkt(&f1, 0x2000, 0, true, 0, 24);
	frag_pkt(&f2, 0x2000, 24, false, 24, 40);
	inject(&r, &f2, false);
	expect_icmp(&r, -1, 0, 0);
	inject(&r, &f1, false);
	expect_icmp(&r, ICMPV6_DEST_UNREACH, 4, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMREQDS), 2);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMOKS), 1);

	rig_reset(&r);
	frag_pkt(&f1, 0x2002, 0, true, 0, 24);
	frag_pkt(&f2, 0x2002, 24, false, 24, 40);
	inject(&r, &f1, false);
	inject(&r, &f1, false);
	assert_true(dropped_with(&r, SKB_DROP_REASON_DUP_FRAG));
	inject(&r, &f2, false);
	expect_icmp(&r, ICMPV6_DEST_UNREACH, 4, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMREQDS), 3);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMOKS), 1);

	rig_reset(&r);
	frag_pkt(&f1, 0x2001, 0, true, 0, 24);
	frag_pkt(&bad, 0x2001, 16, false, 16, 40);
	frag_pkt(&f2, 0x2001, 24, false, 24, 40);
	inject(&r, &f1, false);
	inject(&r, &bad, false);
	inject(&r, &f2, false);	/* starts a new queue, which waits */
	expect_icmp(&r, -1, 0, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMREQDS), 3);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMFAILS), 1);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMOKS), 0);

	rig_reset(&r);
	frag_pkt(&f1, 0x1234, 0, false, 0, 40);
	inject(&r, &f1, false);
	expect_icmp(&r, ICMPV6_DEST_UNREACH, 4, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMREQDS), 1);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMOKS), 1);
	rig_free(&r);	/* the waiting queue goes with the namespace */
}

/* Bad fragments: a first one without the whole UDP header (incomplete
 * chain, code 3), a non-last one not a multiple of 8 (pointer at the
 * payload length). */
static void test_bad_fragments(void **state)
{
	struct rig r;
	struct pkt p;

	(void)state;
	rig_build(&r);
	rig_reset(&r);
	frag_pkt(&p, 0x1235, 0, true, 0, 4);
	inject(&r, &p, false);
	expect_icmp(&r, ICMPV6_PARAMPROB, ICMPV6_HDR_INCOMP, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INHDRERRORS), 1);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMREQDS), 1);

	rig_reset(&r);
	frag_pkt(&p, 0x1236, 0, true, 0, 21);
	inject(&r, &p, false);
	expect_icmp(&r, ICMPV6_PARAMPROB, ICMPV6_HDR_FIELD, 4);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INHDRERRORS), 1);
	rig_free(&r);
}

/* A queue that never completes: after ip6frag_time, ReasmTimeout and
 * ReasmFails; time exceeded (code 1) only when the first fragment came. */
static void test_reassembly_timeout(void **state)
{
	struct rig r;
	struct pkt p;

	(void)state;
	rig_build(&r);
	r.b->ipv6.frags.timeout = 1;
	rig_reset(&r);
	frag_pkt(&p, 0x1237, 0, true, 0, 16);
	inject(&r, &p, false);
	h_advance_to(r.w, r.w->now + 2 * T_SEC);
	expect_icmp(&r, ICMPV6_TIME_EXCEED, ICMPV6_EXC_FRAGTIME, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMTIMEOUT), 1);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMFAILS), 1);
	assert_true(dropped_with(&r, SKB_DROP_REASON_FRAG_REASM_TIMEOUT));

	rig_reset(&r);
	frag_pkt(&p, 0x1238, 16, true, 16, 32);
	inject(&r, &p, false);
	h_advance_to(r.w, r.w->now + 2 * T_SEC);
	expect_icmp(&r, -1, 0, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMTIMEOUT), 1);
	rig_free(&r);
}

/* Over net.ipv6.ip6frag_high_thresh a new fragment is refused
 * (ReasmFails); an atomic fragment is never queued, so it still passes. */
static void test_reassembly_memory(void **state)
{
	struct rig r;
	struct pkt p;

	(void)state;
	rig_build(&r);
	r.b->ipv6.frags.high_thresh = 0;
	rig_reset(&r);
	frag_pkt(&p, 0x1240, 0, true, 0, 24);
	inject(&r, &p, false);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMREQDS), 1);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMFAILS), 1);
	assert_true(list_empty(&r.b->ipv6.frags.queues));
	frag_pkt(&p, 0x1241, 0, false, 0, 40);
	inject(&r, &p, false);
	expect_icmp(&r, ICMPV6_DEST_UNREACH, 4, 0);
	rig_free(&r);
}

/* nf_defrag_ipv6 (net/ipv6/netfilter/nf_conntrack_reasm.c) while b runs
 * conntrack: fragments wait in conntrack's own queues before PRE_ROUTING's
 * tables, so the stack sees the datagram whole (no Ip6Reasm* counts, the
 * stack's queues stay empty); an overlap drops the datagram; a non-last
 * fragment not a multiple of 8 goes on unchanged and the stack answers
 * it; a queue that times out counts ReasmTimeout and sends time exceeded
 * (ip6frag_expire_frag_queue serves both kinds of queue in Linux 6.12). */
static void test_nf_defrag(void **state)
{
	struct rig r;
	struct pkt f1, f2, bad;

	(void)state;
	rig_build(&r);
	assert_int_equal(h_run(r.w, r.b, "ip6tables -A INPUT -m conntrack --ctstate NEW", T_MS,
			       NULL), 0);
	rig_reset(&r);
	frag_pkt(&f1, 0x3000, 0, true, 0, 24);
	frag_pkt(&f2, 0x3000, 24, false, 24, 40);
	inject(&r, &f2, false);
	assert_false(list_empty(&r.b->ipv6.nf_frags.queues));
	inject(&r, &f1, false);
	expect_icmp(&r, ICMPV6_DEST_UNREACH, 4, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMREQDS), 0);
	assert_true(list_empty(&r.b->ipv6.nf_frags.queues));
	assert_true(list_empty(&r.b->ipv6.frags.queues));
	assert_int_equal(r.b->ipv6.nf_frags.mem, 0);

	rig_reset(&r);
	frag_pkt(&f1, 0x3001, 0, true, 0, 24);
	frag_pkt(&bad, 0x3001, 16, false, 16, 40);
	frag_pkt(&f2, 0x3001, 24, false, 24, 40);
	inject(&r, &f1, false);
	inject(&r, &bad, false);
	assert_true(dropped_with(&r, SKB_DROP_REASON_NETFILTER_DROP));
	inject(&r, &f2, false);	/* a new queue, which waits */
	expect_icmp(&r, -1, 0, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMFAILS), 0);

	rig_reset(&r);
	frag_pkt(&f1, 0x3002, 0, true, 0, 21);
	inject(&r, &f1, false);
	expect_icmp(&r, ICMPV6_PARAMPROB, ICMPV6_HDR_FIELD, 4);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMREQDS), 1);
	assert_int_equal(delta(&r, IPSTATS6_MIB_INHDRERRORS), 1);

	r.b->ipv6.nf_frags.timeout = 1;
	rig_reset(&r);
	frag_pkt(&f1, 0x3003, 0, true, 0, 16);
	inject(&r, &f1, false);
	h_advance_to(r.w, r.w->now + 61 * T_SEC);
	expect_icmp(&r, ICMPV6_TIME_EXCEED, ICMPV6_EXC_FRAGTIME, 0);
	assert_int_equal(delta(&r, IPSTATS6_MIB_REASMTIMEOUT), 2);	/* and 0x3001's */
	assert_true(list_empty(&r.b->ipv6.nf_frags.queues));
	rig_free(&r);
}

/* An MLDv2 general query from the wire, as a router sends it: from a
 * link-local address to ff02::1, hop limit 1, behind a Hop-by-Hop header
 * with a Router Alert (ipv6_parse_hopopts takes it) — b answers with one
 * report of its groups within the maximum response delay; the same query
 * with hop limit 2 is ignored (igmp6_event_query). */
static void mld_query_case(struct rig *r, u8 hop_limit)
{
	static const u8 hbh[8] = { IPPROTO_ICMPV6, 0, 5, 2, 0, 0, 1, 0 };
	u8 q[28] = { 130, 0, 0, 0, 0x03, 0xe8 /* 1000 ms */, 0, 0 };
	struct ipv6hdr h = { .priority_version = 0x60, .nexthdr = NEXTHDR_HOP,
			     .hop_limit = hop_limit };
	__sum16 c;
	struct pkt p;

	q[24] = 2;	/* QRV */
	q[25] = 125;	/* QQIC */
	inet_pton(AF_INET6, "fe80::1", &h.saddr);
	inet_pton(AF_INET6, "ff02::1", &h.daddr);
	c = csum_ipv6_magic(&h.saddr, &h.daddr, sizeof(q), IPPROTO_ICMPV6,
			    ipv6_csum_partial(q, sizeof(q), 0));
	memcpy(q + 2, &c, 2);
	p.len = 0;
	put(&p, &h, sizeof(h));
	put(&p, hbh, sizeof(hbh));
	put(&p, q, sizeof(q));
	ip6_finish(&p);
	inject(r, &p, true);
}

static void test_mld_query_from_wire(void **state)
{
	struct rig r;
	u64 in, out;

	(void)state;
	rig_build(&r);
	h_advance_to(r.w, r.w->now + 10 * T_SEC);	/* the unsolicited reports are done */
	in = r.b->ipv6.icmp6msg_in[ICMPV6_MGM_QUERY];
	out = r.b->ipv6.icmp6msg_out[ICMPV6_MLD2_REPORT];
	mld_query_case(&r, 1);
	h_advance_to(r.w, r.w->now + 2 * T_SEC);
	assert_int_equal(r.b->ipv6.icmp6msg_in[ICMPV6_MGM_QUERY], in + 1);
	assert_int_equal(r.b->ipv6.icmp6msg_out[ICMPV6_MLD2_REPORT], out + 1);
	mld_query_case(&r, 2);
	h_advance_to(r.w, r.w->now + 2 * T_SEC);
	assert_int_equal(r.b->ipv6.icmp6msg_in[ICMPV6_MGM_QUERY], in + 2);
	assert_int_equal(r.b->ipv6.icmp6msg_out[ICMPV6_MLD2_REPORT], out + 1);
	rig_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hopopts),
		cmocka_unit_test(test_dstopts_and_nexthdr),
		cmocka_unit_test(test_rthdr),
		cmocka_unit_test(test_reassembly),
		cmocka_unit_test(test_bad_fragments),
		cmocka_unit_test(test_reassembly_timeout),
		cmocka_unit_test(test_reassembly_memory),
		cmocka_unit_test(test_nf_defrag),
		cmocka_unit_test(test_mld_query_from_wire),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
