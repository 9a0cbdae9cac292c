/* IPv4 fragmentation and reassembly.  Mirrors the slow path of
 * ip_do_fragment() in net/ipv4/ip_output.c (ip_frag_init/ip_frag_next/
 * ip_frag_ipcb, ip_options_fragment from ip_options.c) and
 * net/ipv4/ip_fragment.c with net/ipv4/inet_fragment.c (queues, runs,
 * ip_expire, fqdir memory limit).  Sits on the transmit path below
 * ip_finish_output() and on the receive path in ip_local_deliver().
 * Like Linux since 4.17, ipfrag_low_thresh is obsolete: over
 * ipfrag_high_thresh new fragments are refused, no queue is evicted;
 * ipfrag_max_dist is not applied (docs/FEATURES.md). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/trace.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/sock.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/world.h"

#ifndef IPOPT_COPY
#define IPOPT_COPY 0x80
#endif

/* ---------------- fragmentation (ip_do_fragment, slow path) ---------------- */

struct ip_frag_state {
	bool DF;
	unsigned int hlen, ll_rs, mtu, left, ptr;
	unsigned int offset;		/* bytes, of the next fragment */
	bool not_last_frag;
};

/* ip_options_fragment(): options without the copy bit become NOOPs. */
static void ip_options_fragment(struct sk_buff *skb)
{
	unsigned char *opt = skb_network_header(skb) + sizeof(struct iphdr);
	int l = (int)(ip_hdr(skb)->ihl * 4u - sizeof(struct iphdr));

	while (l > 0) {
		int optlen;

		if (*opt == IPOPT_END)
			break;
		if (*opt == IPOPT_NOOP) {
			l--;
			opt++;
			continue;
		}
		optlen = l >= 2 ? opt[1] : 0;
		if (optlen < 2 || optlen > l)
			return;
		if (!(*opt & IPOPT_COPY))
			memset(opt, IPOPT_NOOP, (size_t)optlen);
		l -= optlen;
		opt += optlen;
	}
	IPCB(skb)->opt.ts = 0;
	IPCB(skb)->opt.rr = 0;
	IPCB(skb)->opt.rr_needaddr = 0;
	IPCB(skb)->opt.ts_needaddr = 0;
	IPCB(skb)->opt.ts_needtime = 0;
}

static void ip_copy_metadata(struct sk_buff *to, struct sk_buff *from)
{
	to->pkt_type = from->pkt_type;
	to->priority = from->priority;
	to->protocol = from->protocol;
	to->skb_iif = from->skb_iif;
	skb_dst_drop(to);
	if (skb_dst(from)) {
		dst_hold(skb_dst(from));
		skb_dst_set(to, skb_dst(from));
	}
	to->dev = from->dev;
	to->mark = from->mark;
	to->hash = from->hash;
	to->trace_id = from->trace_id;
	to->tstamp = from->tstamp;
	to->ignore_df = from->ignore_df;
}

static void ip_frag_init(struct sk_buff *skb, unsigned int hlen, unsigned int ll_rs,
			 unsigned int mtu, bool DF, struct ip_frag_state *state)
{
	const struct iphdr *iph = ip_hdr(skb);

	state->DF = DF;
	state->hlen = hlen;
	state->ll_rs = ll_rs;
	state->mtu = mtu;
	state->left = skb->len - hlen;
	state->ptr = hlen;
	state->offset = (ntohs(iph->frag_off) & IP_OFFSET) << 3;
	state->not_last_frag = iph->frag_off & htons(IP_MF);
}

static struct sk_buff *ip_frag_next(struct net *net, struct sk_buff *skb,
				    struct ip_frag_state *state)
{
	unsigned int len = state->left;
	struct sk_buff *skb2;
	struct iphdr *iph;

	if (len > state->mtu)
		len = state->mtu;
	if (len < state->left)
		len &= ~7u;
	skb2 = alloc_skb(&net->world->skb_pool, len + state->hlen + state->ll_rs);
	if (!skb2)
		return NULL;
	ip_copy_metadata(skb2, skb);
	skb_reserve(skb2, (int)state->ll_rs);
	skb_reset_network_header(skb2);
	skb_put_data(skb2, skb_network_header(skb), state->hlen);
	skb_set_transport_header(skb2, (int)state->hlen);
	if (skb->sk)		/* each fragment charges the sender as Linux's */
		skb_set_owner_w(skb2, skb->sk);
	skb_copy_bits(skb, (int)state->ptr, skb_put(skb2, len), (int)len);
	state->left -= len;

	iph = ip_hdr(skb2);
	iph->frag_off = htons((u16)(state->offset >> 3));
	if (state->DF)
		iph->frag_off |= htons(IP_DF);
	if (state->left > 0 || state->not_last_frag)
		iph->frag_off |= htons(IP_MF);
	state->ptr += len;
	state->offset += len;
	iph->tot_len = htons((u16)(len + state->hlen));
	ip_send_check(iph);
	return skb2;
}

/* ip_frag_ipcb(): each fragment inherits the control block; after the first
 * one the original's non-copied options are blanked for the rest. */
static void ip_frag_ipcb(struct sk_buff *from, struct sk_buff *to, bool first_frag)
{
	memcpy(to->cb, from->cb, sizeof(struct inet_skb_parm));
	if (first_frag)
		ip_options_fragment(from);
}

int ip_do_fragment(struct net *net, struct sock *sk, struct sk_buff *skb,
		   int (*output)(struct net *, struct sock *, struct sk_buff *))
{
	struct dst_entry *dst = skb_dst(skb);
	unsigned int hlen = ip_hdr(skb)->ihl * 4u, mtu, ll_rs;
	struct ip_frag_state state;
	int err = -EMSGSIZE;

	if (!dst)
		goto fail;
	mtu = ip_skb_dst_mtu(sk, skb);
	if (IPCB(skb)->frag_max_size && IPCB(skb)->frag_max_size < mtu)
		mtu = IPCB(skb)->frag_max_size;
	if (mtu < hlen + 8 || skb->len < hlen)
		goto fail;
	mtu -= hlen;			/* size of the data space */
	IPCB(skb)->flags |= IPSKB_FRAG_COMPLETE;
	ll_rs = NET_SKB_PAD + LL_RESERVED_SPACE(dst->dev);
	ip_frag_init(skb, hlen, ll_rs, mtu, IPCB(skb)->flags & IPSKB_FRAG_PMTU, &state);
	while (state.left > 0) {
		bool first_frag = (state.offset == 0);
		struct sk_buff *skb2 = ip_frag_next(net, skb, &state);

		if (!skb2) {
			err = -ENOMEM;
			goto fail;
		}
		ip_frag_ipcb(skb, skb2, first_frag);
		err = output(net, sk, skb2);
		if (err)
			goto fail;
		__IP_INC_STATS(net, IPSTATS_MIB_FRAGCREATES);
	}
	consume_skb(skb);
	__IP_INC_STATS(net, IPSTATS_MIB_FRAGOKS);
	return 0;
fail:
	kfree_skb(skb);
	__IP_INC_STATS(net, IPSTATS_MIB_FRAGFAILS);
	return err;
}

/* ---------------- reassembly (ip_defrag) ---------------- */

#define IPQ_HASHSZ 64
#define INET_FRAG_FIRST_IN 1
#define INET_FRAG_LAST_IN 2

/* ip4_frag_ecn() bits */
#define IPFRAG_ECN_NOT_ECT 0x01
#define IPFRAG_ECN_ECT_1 0x02
#define IPFRAG_ECN_ECT_0 0x04
#define IPFRAG_ECN_CE 0x08

#define IPFRAG_OK 0
#define IPFRAG_DUP 1
#define IPFRAG_OVERLAP 2

struct ipq {
	struct ipq *hnext;		/* hash chain */
	struct list_head lru;		/* nf->lru, creation order */
	struct net *net;
	__be32 saddr, daddr;
	__be16 id;
	u8 protocol;
	u8 flags;			/* INET_FRAG_* */
	u8 ecn;
	u32 user;
	struct sk_buff *fragments;	/* sorted by offset, linked through ->next */
	struct sk_buff *fragments_tail;	/* the highest fragment */
	struct sk_buff *last_run_head;
	unsigned int len;		/* end of the datagram's payload (so far) */
	unsigned int meat;		/* payload bytes queued */
	unsigned int max_size, max_df_size;
	long mem;			/* charged to nf->mem */
	int iif;
	struct timer_list timer;
};

struct ipv4_frags {
	struct ipq *hash[IPQ_HASHSZ];
	struct list_head lru;
	long mem;			/* frag_mem_limit() */
};

/* struct ipfrag_skb_cb: IPCB stays first, the queue's bookkeeping follows. */
struct ipfrag_skb_cb {
	struct inet_skb_parm h;
	unsigned int ip_defrag_offset;
	unsigned int frag_run_len;	/* on a run's first fragment */
	bool run_head;
};

_Static_assert(sizeof(struct ipfrag_skb_cb) <= sizeof(((struct sk_buff *)0)->cb),
	       "ipfrag_skb_cb fits in skb->cb");

#define FRAG_CB(skb) ((struct ipfrag_skb_cb *)((skb)->cb))

static const unsigned int frags_id = NETGEN_FRAGS;

static struct ipv4_frags *frags_of(const struct net *net)
{
	return net_generic(net, frags_id);
}

static unsigned int ipq_hashfn(__be32 saddr, __be32 daddr, __be16 id, u8 prot, u32 user)
{
	u32 h = saddr ^ (daddr * 0x9e3779b1u) ^ ((u32)id << 16) ^ prot ^ (user * 0x85ebca6bu);

	h ^= h >> 16;
	h *= 0x7feb352du;
	h ^= h >> 15;
	return h & (IPQ_HASHSZ - 1);
}

static void ipq_unhash(struct ipq *q)
{
	struct ipv4_frags *nf = frags_of(q->net);
	struct ipq **pp = &nf->hash[ipq_hashfn(q->saddr, q->daddr, q->id, q->protocol, q->user)];

	while (*pp && *pp != q)
		pp = &(*pp)->hnext;
	if (*pp)
		*pp = q->hnext;
	list_del(&q->lru);
}

/* inet_frag_kill() + inet_frag_destroy(): what is still queued goes with
 * `reason` (FRAG_REASM_TIMEOUT as inet_frag_rbtree_purge, or consumed). */
static void ipq_destroy(struct ipq *q, enum skb_drop_reason reason)
{
	struct ipv4_frags *nf = frags_of(q->net);

	del_timer(&q->timer);
	ipq_unhash(q);
	while (q->fragments) {
		struct sk_buff *f = q->fragments;

		q->fragments = f->next;
		f->next = NULL;
		if (reason == SKB_CONSUMED)
			consume_skb(f);
		else
			kfree_skb_reason(f, reason);
	}
	nf->mem -= q->mem;
	free(q);
}

/* frag_expire_skip_icmp(): only local delivery (and the RA chain) answers. */
static bool frag_expire_skip_icmp(u32 user)
{
	return user > 1;	/* IP_DEFRAG_LOCAL_DELIVER, IP_DEFRAG_CALL_RA_CHAIN */
}

static void ip_expire_icmp(struct net *net, struct sk_buff *head, int iif, u32 user)
{
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;
	const struct iphdr *iph;

	head->dev = __dev_get_by_index(net, iif);
	if (!head->dev)
		return;
	skb_push(head, (unsigned int)(head->data - skb_network_header(head)));
	iph = ip_hdr(head);
	/* the queued skb has no dst: route it again */
	if (ip_route_input_noref(head, iph->daddr, iph->saddr, iph->tos, head->dev, &reason))
		return;
	if (frag_expire_skip_icmp(user) && skb_rtable(head)->rt_type != RTN_LOCAL)
		return;
	icmp_send(head, ICMP_TIME_EXCEEDED, ICMP_EXC_FRAGTIME, 0);
}

static void ip_expire(struct timer_list *t)
{
	struct ipq *q = from_timer(q, t, timer);
	struct net *net = q->net;
	struct sk_buff *head = NULL;

	__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
	__IP_INC_STATS(net, IPSTATS_MIB_REASMTIMEOUT);
	/* RFC 792: time exceeded (reassembly) only if fragment zero arrived */
	if ((q->flags & INET_FRAG_FIRST_IN) && q->fragments) {
		head = q->fragments;	/* inet_frag_pull_head() */
		q->fragments = head->next;
		head->next = NULL;
		if (!q->fragments)
			q->fragments_tail = NULL;
		ip_expire_icmp(net, head, q->iif, q->user);
	}
	kfree_skb_reason(head, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
	ipq_destroy(q, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
}

static struct ipq *ipq_create(struct net *net, const struct iphdr *iph, u32 user,
			      unsigned int hash)
{
	struct ipv4_frags *nf = frags_of(net);
	struct ipq *q = kzalloc(sizeof(*q));

	if (!q)
		return NULL;
	q->net = net;
	q->saddr = iph->saddr;
	q->daddr = iph->daddr;
	q->id = iph->id;
	q->protocol = iph->protocol;
	q->user = user;
	q->mem = (long)sizeof(*q);
	nf->mem += q->mem;
	timer_setup(&net->world->timers, &q->timer, ip_expire);
	mod_timer(&q->timer, net->world->now +
		  (u64)net->ipv4.sysctl_ipfrag_time * 1000000000ull);
	q->hnext = nf->hash[hash];
	nf->hash[hash] = q;
	list_add_tail(&q->lru, &nf->lru);
	return q;
}

/* ip_find() / inet_frag_find(): NULL when over ipfrag_high_thresh. */
static struct ipq *ip_find(struct net *net, const struct iphdr *iph, u32 user)
{
	struct ipv4_frags *nf = frags_of(net);
	long high = net->ipv4.sysctl_ipfrag_high_thresh;
	unsigned int hash;
	struct ipq *q;

	if (!nf || !high || nf->mem > high)
		return NULL;
	hash = ipq_hashfn(iph->saddr, iph->daddr, iph->id, iph->protocol, user);
	for (q = nf->hash[hash]; q; q = q->hnext)
		if (q->saddr == iph->saddr && q->daddr == iph->daddr && q->id == iph->id &&
		    q->protocol == iph->protocol && q->user == user)
			return q;
	return ipq_create(net, iph, user, hash);
}

/* A fragment that is not at the tail: inside one run it is a duplicate,
 * touching anything else it is an overlap (inet_frag_queue_insert). */
static int ip_frag_insert_middle(struct ipq *q, struct sk_buff *skb, unsigned int offset,
				 unsigned int end)
{
	struct sk_buff **pp = &q->fragments;

	for (struct sk_buff *f = q->fragments; f; f = f->next) {
		unsigned int rs = FRAG_CB(f)->ip_defrag_offset;
		unsigned int re = rs + FRAG_CB(f)->frag_run_len;

		if (!FRAG_CB(f)->run_head || offset >= re)
			continue;
		if (end <= rs)
			break;
		if (offset >= rs && end <= re)
			return IPFRAG_DUP;
		return IPFRAG_OVERLAP;
	}
	while (*pp && FRAG_CB(*pp)->ip_defrag_offset < offset)
		pp = &(*pp)->next;
	skb->next = *pp;
	*pp = skb;
	return IPFRAG_OK;
}

static int ip_frag_queue_insert(struct ipq *q, struct sk_buff *skb, unsigned int offset,
				unsigned int end)
{
	struct sk_buff *last = q->fragments_tail;
	unsigned int last_end;

	FRAG_CB(skb)->ip_defrag_offset = offset;
	FRAG_CB(skb)->frag_run_len = skb->len;
	FRAG_CB(skb)->run_head = true;
	skb->next = NULL;
	if (!last) {
		q->fragments = q->fragments_tail = q->last_run_head = skb;
		return IPFRAG_OK;
	}
	last_end = FRAG_CB(last)->ip_defrag_offset + last->len;
	if (last_end >= end)
		return ip_frag_insert_middle(q, skb, offset, end);
	if (offset < last_end)
		return IPFRAG_OVERLAP;
	if (offset == last_end) {	/* fragrun_append_to_last() */
		FRAG_CB(q->last_run_head)->frag_run_len += skb->len;
		FRAG_CB(skb)->run_head = false;
	} else {
		q->last_run_head = skb;
	}
	last->next = skb;
	q->fragments_tail = skb;
	return IPFRAG_OK;
}

/* The final-fragment checks of ip_frag_queue(); -EINVAL: corrupt datagram. */
static int ip_frag_check_end(struct ipq *q, struct sk_buff *skb, unsigned int flags,
			     unsigned int offset, unsigned int *pend)
{
	unsigned int end = *pend;

	if (!(flags & IP_MF)) {
		/* bits beyond the end, or a different end: corrupt */
		if (end < q->len || ((q->flags & INET_FRAG_LAST_IN) && end != q->len))
			return -EINVAL;
		q->flags |= INET_FRAG_LAST_IN;
		q->len = end;
	} else {
		if (end & 7) {
			end &= ~7u;
			if (skb->ip_summed != CHECKSUM_UNNECESSARY)
				skb->ip_summed = CHECKSUM_NONE;
		}
		if (end > q->len) {
			if (q->flags & INET_FRAG_LAST_IN)
				return -EINVAL;
			q->len = end;
		}
	}
	*pend = end;
	return end == offset ? -EINVAL : 0;
}

static u8 ip4_frag_ecn(u8 tos)
{
	return (u8)(1 << (tos & 3));	/* INET_ECN_MASK */
}

/* ip_frag_ecn_table: -1 for an invalid mix, else the ECN bits to OR in. */
static int ip_frag_ecn(u8 ecn)
{
	if ((ecn & IPFRAG_ECN_NOT_ECT) && (ecn & ~IPFRAG_ECN_NOT_ECT))
		return -1;
	return (ecn & IPFRAG_ECN_CE) ? 3 /* INET_ECN_CE */ : 0;
}

static void ip_frag_unlink(struct ipq *q, struct sk_buff *skb)
{
	struct sk_buff **pp = &q->fragments, *prev = NULL;

	while (*pp && *pp != skb) {
		prev = *pp;
		pp = &(*pp)->next;
	}
	if (!*pp)
		return;
	*pp = skb->next;
	skb->next = NULL;
	if (q->fragments_tail == skb)
		q->fragments_tail = prev;
}

/* Copy every payload into skb's own buffer at its offset; skb's data ends
 * at its IP header (the head fragment's), linear. */
static void ip_frag_copy(struct ipq *q, struct sk_buff *skb, struct sk_buff *head,
			 unsigned int ihl)
{
	unsigned char *nh = skb_network_header(skb);

	memmove(nh + ihl + FRAG_CB(skb)->ip_defrag_offset, skb->data, skb->len);
	if (head != skb)
		memcpy(nh, skb_network_header(head), ihl);
	for (struct sk_buff *f = q->fragments; f; f = f->next)
		skb_copy_bits(f, 0, nh + ihl + FRAG_CB(f)->ip_defrag_offset, (int)f->len);
	skb->data = nh;
	skb->len = ihl + q->len;
	skb->data_len = 0;
	skb->tail = nh + skb->len;
	skb_set_transport_header(skb, (int)ihl);
	skb->ip_summed = CHECKSUM_NONE;
}

/* What skb_morph() and ip_frag_reasm() give the reassembled datagram. */
static void ip_frag_finish(struct ipq *q, struct sk_buff *skb, struct sk_buff *head, int ecn)
{
	struct iphdr *iph;

	if (head != skb) {
		memcpy(skb->cb, head->cb, sizeof(struct inet_skb_parm));
		skb->skb_iif = head->skb_iif;
		skb->mark = head->mark;
		skb->pkt_type = head->pkt_type;
		skb->protocol = head->protocol;
		skb->priority = head->priority;
		skb->trace_id = head->trace_id;
	}
	IPCB(skb)->frag_max_size = (u16)(q->max_df_size > q->max_size ? q->max_df_size
								     : q->max_size);
	iph = ip_hdr(skb);
	iph->tot_len = htons((u16)skb->len);
	iph->tos |= (u8)ecn;
	/* DF only if the largest fragment had it (see ip_frag_reasm) */
	if (q->max_df_size == q->max_size) {
		IPCB(skb)->flags |= IPSKB_FRAG_PMTU;
		iph->frag_off = htons(IP_DF);
	} else {
		iph->frag_off = 0;
	}
	ip_send_check(iph);
}

/* ip_frag_reasm(): build the datagram in skb, the fragment that completed
 * it.  On error skb is still queued: the caller kills the queue. */
static int ip_frag_reasm(struct ipq *q, struct sk_buff *skb)
{
	struct net *net = q->net;
	struct sk_buff *head = q->fragments;
	unsigned int ihl = ip_hdr(head)->ihl * 4u, len = ihl + q->len;
	unsigned char *nh = skb_network_header(skb);
	int ecn = ip_frag_ecn(q->ecn), need, err = -EINVAL;

	if (ecn < 0)
		goto out_fail;
	err = -E2BIG;
	if (len > 65535)	/* "Oversized IP packet" */
		goto out_fail;
	need = (int)((nh - skb->head) + len) - (int)(skb->end - skb->head);
	err = -ENOMEM;
	if ((need > 0 || skb_cloned(skb)) && pskb_expand_head(skb, 0, need > 0 ? need : 0))
		goto out_fail;
	ip_frag_unlink(q, skb);
	ip_frag_copy(q, skb, head, ihl);
	ip_frag_finish(q, skb, head, ecn);
	ipq_destroy(q, SKB_CONSUMED);
	__IP_INC_STATS(net, IPSTATS_MIB_REASMOKS);
	return 0;
out_fail:
	__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
	return err;
}

/* Charge a queued fragment (ip_frag_queue after inet_frag_queue_insert). */
static void ip_frag_account(struct ipq *q, struct sk_buff *skb, unsigned int offset,
			    unsigned int ihl, bool df, int iif)
{
	unsigned int fragsize = skb->len + ihl;

	q->iif = iif;
	q->meat += skb->len;
	q->ecn |= ip4_frag_ecn(ip_hdr(skb)->tos);
	q->mem += skb->truesize;
	frags_of(q->net)->mem += skb->truesize;
	if (offset == 0)
		q->flags |= INET_FRAG_FIRST_IN;
	if (fragsize > q->max_size)
		q->max_size = fragsize;
	if (df && fragsize > q->max_df_size)
		q->max_df_size = fragsize;
}

static int ip_frag_queue(struct ipq *q, struct sk_buff *skb)
{
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;
	const struct iphdr *iph = ip_hdr(skb);
	unsigned int flags = ntohs(iph->frag_off), ihl = iph->ihl * 4u;
	unsigned int offset = (flags & IP_OFFSET) << 3, hdr, end;
	int iif = skb->dev ? skb->dev->ifindex : q->iif, err = -EINVAL;
	struct net *net = q->net;

	hdr = (unsigned int)skb_network_offset(skb) + ihl;
	if (skb->len < hdr)
		goto discard_qp;
	end = offset + skb->len - hdr;
	if (ip_frag_check_end(q, skb, flags, offset, &end))
		goto discard_qp;
	err = -ENOMEM;
	if (skb_linearize(skb) || !skb_pull(skb, hdr))
		goto discard_qp;
	err = pskb_trim_rcsum(skb, end - offset);
	if (err)
		goto discard_qp;
	switch (ip_frag_queue_insert(q, skb, offset, end)) {
	case IPFRAG_DUP:
		reason = SKB_DROP_REASON_DUP_FRAG;
		err = -EINVAL;
		goto err;
	case IPFRAG_OVERLAP:	/* LINUX_MIB_REASM_OVERLAPS: not in snmp.h yet */
		err = -EINVAL;
		goto discard_qp;
	}
	ip_frag_account(q, skb, offset, ihl, flags & IP_DF, iif);
	if (q->flags == (INET_FRAG_FIRST_IN | INET_FRAG_LAST_IN) && q->meat == q->len) {
		err = ip_frag_reasm(q, skb);
		if (err)
			ipq_destroy(q, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
		return err;
	}
	skb_dst_drop(skb);
	skb->dev = NULL;	/* Linux: the rbnode overlays skb->dev */
	return -EINPROGRESS;
discard_qp:
	ipq_destroy(q, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
	__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
err:
	kfree_skb_reason(skb, reason);
	return err;
}

/* 0: skb is now the whole datagram (linear, data at its IP header);
 * -EINPROGRESS: queued; another -errno: dropped. */
int ip_defrag(struct net *net, struct sk_buff *skb, u32 user)
{
	struct ipq *q;

	__IP_INC_STATS(net, IPSTATS_MIB_REASMREQDS);
	skb_orphan(skb);
	q = ip_find(net, ip_hdr(skb), user);
	if (q)
		return ip_frag_queue(q, skb);
	__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
	skb_drop_hint(skb, "ip_defrag: reassembly memory over net.ipv4.ipfrag_high_thresh");
	kfree_skb(skb);
	return -ENOMEM;
}

/* ---------------- per namespace ---------------- */

int ipv4_frags_init_net(struct net *net)
{
	struct ipv4_frags *nf = frags_of(net);

	net->ipv4.sysctl_ipfrag_high_thresh = 4 * 1024 * 1024;
	net->ipv4.sysctl_ipfrag_low_thresh = 3 * 1024 * 1024;
	net->ipv4.sysctl_ipfrag_time = 30;
	net->ipv4.sysctl_ipfrag_max_dist = 64;
	if (!nf)
		return -ENOMEM;
	memset(nf, 0, sizeof(*nf));
	INIT_LIST_HEAD(&nf->lru);
	net->ipv4.frags = nf;
	return 0;
}

/* fqdir_exit(): every queue goes, with its fragments and its timer. */
void ipv4_frags_exit_net(struct net *net)
{
	struct ipv4_frags *nf = frags_of(net);

	if (!nf || !net->ipv4.frags)
		return;
	while (!list_empty(&nf->lru))
		ipq_destroy(list_first_entry(&nf->lru, struct ipq, lru),
			    SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
	net->ipv4.frags = NULL;
}

const struct pernet_operations ipv4_frags_ops = {
	.name = "ipv4_frags",
	.init = ipv4_frags_init_net,
	.exit = ipv4_frags_exit_net,
	.id = &frags_id,
	.size = sizeof(struct ipv4_frags),
};
