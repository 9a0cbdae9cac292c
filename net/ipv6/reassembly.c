/* IPv6 reassembly (net/ipv6/reassembly.c with the queue rules of
 * net/ipv4/inet_fragment.c).  ipv6_frag_rcv() is the inet6_protocol
 * handler of the fragment header: an atomic fragment (offset 0, no M bit,
 * RFC 6946) goes on at once; others are queued per (source, destination,
 * identification) until every byte is there, then the datagram is rebuilt
 * in the fragment that completed it and goes on with the header after the
 * fragment header.  Any overlap drops the whole datagram (RFC 5722; a
 * fragment wholly inside what arrived is a duplicate and only it goes).  A
 * queue lives net.ipv6.ip6frag_time (60 s); on expiry an ICMPv6 time
 * exceeded (code 1) goes back if the first fragment arrived (RFC 8200
 * 4.5).  Over net.ipv6.ip6frag_high_thresh bytes queued, new fragments are
 * refused (low_thresh is stored, obsolete as on Linux since 4.17). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/netdevice.h"
#include "linux/slab.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/world.h"

struct frag_queue6 {
	struct list_head list;		/* net->ipv6.frag6_queues */
	struct net *net;
	struct in6_addr saddr, daddr;
	__be32 id;
	int iif;
	struct timer_list timer;
	struct sk_buff *fragments;	/* by offset; ->next */
	struct sk_buff *fragments_tail, *last_run_head;
	unsigned int len;		/* the end of the datagram as known so far */
	unsigned int meat;		/* payload bytes queued */
	unsigned int max_size;
	u16 nhoff;			/* of the first fragment's fragment header */
	u8 flags;			/* INET_FRAG_FIRST_IN / LAST_IN */
	long mem;
};

#define FQ_FIRST_IN 0x1
#define FQ_LAST_IN 0x2

/* IP6CB stays first in skb->cb; the queue's bookkeeping follows. */
struct frag6_skb_cb {
	struct inet6_skb_parm h6;
	unsigned int offset;
	unsigned int run_len;		/* on a run's first fragment */
	bool run_head;
};

_Static_assert(sizeof(struct frag6_skb_cb) <= sizeof(((struct sk_buff *)0)->cb),
	       "frag6_skb_cb fits in skb->cb");

#define FRAG6_CB(skb) ((struct frag6_skb_cb *)((skb)->cb))

enum { FRAG6_OK, FRAG6_DUP, FRAG6_OVERLAP };

static void fq_destroy(struct frag_queue6 *fq, enum skb_drop_reason reason)
{
	struct net *net = fq->net;

	del_timer(&fq->timer);
	list_del(&fq->list);
	while (fq->fragments) {
		struct sk_buff *f = fq->fragments;

		fq->fragments = f->next;
		f->next = NULL;
		if (reason == SKB_CONSUMED)
			consume_skb(f);
		else
			kfree_skb_reason(f, reason);
	}
	net->ipv6.frag6_mem -= fq->mem;
	kfree(fq);
}

/* ip6_frag_expire(): the queue goes; time exceeded if fragment 0 came. */
static void ip6_frag_expire(struct timer_list *t)
{
	struct frag_queue6 *fq = from_timer(fq, t, timer);
	struct net *net = fq->net;
	struct net_device *dev = __dev_get_by_index(net, fq->iif);
	struct sk_buff *head;

	if (dev) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_REASMFAILS);
		__IP6_INC_STATS(net, IPSTATS6_MIB_REASMTIMEOUT);
	}
	if (dev && (fq->flags & FQ_FIRST_IN) && fq->fragments &&
	    !FRAG6_CB(fq->fragments)->offset) {
		head = fq->fragments;	/* inet_frag_pull_head() */
		fq->fragments = head->next;
		head->next = NULL;
		if (!fq->fragments)
			fq->fragments_tail = NULL;
		head->dev = dev;
		skb_trace_note(head, "ip6_frag_expire", "time exceeded in reassembly");
		icmpv6_send(head, ICMPV6_TIME_EXCEED, ICMPV6_EXC_FRAGTIME, 0);
		kfree_skb_reason(head, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
	}
	fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
}

/* fq_find(): NULL when over ip6frag_high_thresh or out of memory. */
static struct frag_queue6 *fq_find(struct net *net, __be32 id, const struct ipv6hdr *hdr)
{
	struct frag_queue6 *fq;

	list_for_each_entry(fq, &net->ipv6.frag6_queues, list)
		if (fq->id == id && ipv6_addr_equal(&fq->saddr, &hdr->saddr) &&
		    ipv6_addr_equal(&fq->daddr, &hdr->daddr))
			return fq;
	if (!net->ipv6.sysctl_ip6frag_high_thresh ||
	    net->ipv6.frag6_mem > net->ipv6.sysctl_ip6frag_high_thresh)
		return NULL;
	if (!(fq = kzalloc(sizeof(*fq))))
		return NULL;
	fq->net = net;
	fq->saddr = hdr->saddr;
	fq->daddr = hdr->daddr;
	fq->id = id;
	fq->mem = (long)sizeof(*fq);
	net->ipv6.frag6_mem += fq->mem;
	timer_setup(&net->world->timers, &fq->timer, ip6_frag_expire);
	mod_timer(&fq->timer, net->world->now +
		  (u64)net->ipv6.sysctl_ip6frag_time * 1000000000ull);
	list_add_tail(&fq->list, &net->ipv6.frag6_queues);
	return fq;
}

/* Not at the tail: inside one run it is a duplicate, touching anything
 * else an overlap (inet_frag_queue_insert). */
static int fq_insert_middle(struct frag_queue6 *fq, struct sk_buff *skb, unsigned int offset,
			    unsigned int end)
{
	struct sk_buff **pp = &fq->fragments;

	for (struct sk_buff *f = fq->fragments; f; f = f->next) {
		unsigned int rs = FRAG6_CB(f)->offset, re = rs + FRAG6_CB(f)->run_len;

		if (!FRAG6_CB(f)->run_head || offset >= re)
			continue;
		if (end <= rs)
			break;
		return offset >= rs && end <= re ? FRAG6_DUP : FRAG6_OVERLAP;
	}
	while (*pp && FRAG6_CB(*pp)->offset < offset)
		pp = &(*pp)->next;
	skb->next = *pp;
	*pp = skb;
	return FRAG6_OK;
}

static int fq_insert(struct frag_queue6 *fq, struct sk_buff *skb, unsigned int offset,
		     unsigned int end)
{
	struct sk_buff *last = fq->fragments_tail;
	unsigned int last_end;

	FRAG6_CB(skb)->offset = offset;
	FRAG6_CB(skb)->run_len = skb->len;
	FRAG6_CB(skb)->run_head = true;
	skb->next = NULL;
	if (!last) {
		fq->fragments = fq->fragments_tail = fq->last_run_head = skb;
		return FRAG6_OK;
	}
	last_end = FRAG6_CB(last)->offset + last->len;
	if (last_end >= end)
		return fq_insert_middle(fq, skb, offset, end);
	if (offset < last_end)
		return FRAG6_OVERLAP;
	if (offset == last_end) {
		FRAG6_CB(fq->last_run_head)->run_len += skb->len;
		FRAG6_CB(skb)->run_head = false;
	} else {
		fq->last_run_head = skb;
	}
	last->next = skb;
	fq->fragments_tail = skb;
	return FRAG6_OK;
}

static void fq_unlink(struct frag_queue6 *fq, struct sk_buff *skb)
{
	struct sk_buff **pp = &fq->fragments, *prev = NULL;

	while (*pp && *pp != skb) {
		prev = *pp;
		pp = &(*pp)->next;
	}
	if (!*pp)
		return;
	*pp = skb->next;
	skb->next = NULL;
	if (fq->fragments_tail == skb)
		fq->fragments_tail = prev;
}

/* ip6_frag_reasm(): rebuild the datagram in skb, the fragment that
 * completed it: the first fragment's headers without the fragment header,
 * then every payload at its offset.  1 on success (skb goes on); on
 * failure skb is still queued and the caller kills the queue. */
static int ip6_frag_reasm(struct frag_queue6 *fq, struct sk_buff *skb)
{
	struct net *net = fq->net;
	struct sk_buff *head = fq->fragments;
	unsigned int hlen = FRAG6_CB(head)->h6.lastopt;	/* up to the fragment header */
	unsigned int total = hlen + fq->len;
	u8 nexthdr = skb_network_header(head)[hlen];	/* the fragment header's */
	unsigned char *nh;
	int need;

	if (total - sizeof(struct ipv6hdr) > IPV6_MAXPLEN) {
		skb_drop_hint(skb, "reassembled IPv6 payload over 65535 bytes");
		goto fail;
	}
	need = (int)((skb_network_header(skb) - skb->head) + total) - (int)(skb->end - skb->head);
	if ((need > 0 || skb_cloned(skb)) && pskb_expand_head(skb, 0, need > 0 ? need : 0))
		goto fail;
	fq_unlink(fq, skb);
	nh = skb_network_header(skb);
	memmove(nh + hlen + FRAG6_CB(skb)->offset, skb->data, skb->len);
	if (head != skb)
		memcpy(nh, skb_network_header(head), hlen);
	for (struct sk_buff *f = fq->fragments; f; f = f->next)
		skb_copy_bits(f, 0, nh + hlen + FRAG6_CB(f)->offset, (int)f->len);
	nh[fq->nhoff] = nexthdr;
	skb->data = nh;
	skb->len = total;
	skb->data_len = 0;
	skb->tail = nh + total;
	skb_set_transport_header(skb, (int)hlen);
	skb->ip_summed = CHECKSUM_NONE;
	ipv6_hdr(skb)->payload_len = htons((u16)(total - sizeof(struct ipv6hdr)));
	if (head != skb)
		memcpy(IP6CB(skb), IP6CB(head), sizeof(struct inet6_skb_parm));
	IP6CB(skb)->nhoff = fq->nhoff;
	IP6CB(skb)->flags |= IP6SKB_FRAGMENTED;
	IP6CB(skb)->frag_max_size = (u16)fq->max_size;
	fq_destroy(fq, SKB_CONSUMED);
	__IP6_INC_STATS(net, IPSTATS6_MIB_REASMOKS);
	return 1;
fail:
	__IP6_INC_STATS(net, IPSTATS6_MIB_REASMFAILS);
	return -1;
}

/* The end checks of ip6_frag_queue(): 0, -EINVAL to kill the queue, or
 * -EPROTO for a parameter problem at *prob_offset. */
static int ip6_frag_check_end(struct frag_queue6 *fq, const struct frag_hdr *fhdr,
			      unsigned int offset, unsigned int end, u32 *prob_offset)
{
	if (!(fhdr->frag_off & htons(IP6_MF))) {
		/* the last fragment: never beyond or different from a known end */
		if (end < fq->len || ((fq->flags & FQ_LAST_IN) && end != fq->len))
			return -EINVAL;
		fq->flags |= FQ_LAST_IN;
		fq->len = end;
	} else {
		/* RFC 8200 4.5: a non-last fragment is a multiple of 8 bytes */
		if (end & 7) {
			*prob_offset = offsetof(struct ipv6hdr, payload_len);
			return -EPROTO;
		}
		if (end > fq->len) {
			if (fq->flags & FQ_LAST_IN)
				return -EINVAL;
			fq->len = end;
		}
	}
	return end == offset ? -EINVAL : 0;
}

/* ip6_frag_queue(): 1 (skb is the whole datagram), -1 (queued or
 * dropped; *prob_offset set when a parameter problem is owed). */
static int ip6_frag_queue(struct frag_queue6 *fq, struct sk_buff *skb,
			  const struct frag_hdr *fhdr, u32 *prob_offset)
{
	struct net *net = fq->net;
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;
	unsigned int offset = ntohs(fhdr->frag_off) & IP6_OFFSET;
	unsigned int fhoff = (unsigned int)skb_transport_offset(skb);
	unsigned int end = offset + ntohs(ipv6_hdr(skb)->payload_len) -
			   (fhoff - (unsigned int)skb_network_offset(skb) + 8 -
			    (unsigned int)sizeof(struct ipv6hdr));
	unsigned int hlen = (unsigned int)(skb_transport_header(skb) - skb_network_header(skb));
	int err;

	if (end > IPV6_MAXPLEN) {
		*prob_offset = (u32)(hlen + offsetof(struct frag_hdr, frag_off));
		return -1;	/* the caller answers and frees */
	}
	err = ip6_frag_check_end(fq, fhdr, offset, end, prob_offset);
	if (err == -EPROTO) {
		fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
		return -1;
	}
	if (err)
		goto discard_fq;
	FRAG6_CB(skb)->h6.lastopt = (u16)hlen;	/* where the fragment header sits */
	if (!skb_pull(skb, (unsigned int)(skb_transport_header(skb) - skb->data) + 8) ||
	    pskb_trim_rcsum(skb, end - offset))
		goto discard_fq;
	switch (fq_insert(fq, skb, offset, end)) {
	case FRAG6_DUP:
		kfree_skb_reason(skb, SKB_DROP_REASON_DUP_FRAG);
		return -1;
	case FRAG6_OVERLAP:
		skb_drop_hint(skb, "overlapping IPv6 fragment: the datagram is dropped (RFC 5722)");
		goto discard_fq;
	}
	if (skb->dev)
		fq->iif = skb->dev->ifindex;
	fq->meat += skb->len;
	fq->mem += skb->truesize;
	net->ipv6.frag6_mem += skb->truesize;
	if (skb->len + hlen + 8 > fq->max_size)
		fq->max_size = skb->len + hlen + 8;
	if (offset == 0) {
		fq->flags |= FQ_FIRST_IN;
		fq->nhoff = IP6CB(skb)->nhoff;
	}
	if (fq->flags == (FQ_FIRST_IN | FQ_LAST_IN) && fq->meat == fq->len) {
		if (ip6_frag_reasm(fq, skb) > 0)
			return 1;
		fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
		return -1;
	}
	skb_dst_drop(skb);
	skb->dev = NULL;	/* as ip_fragment.c: the queue keeps iif, not the device */
	return -1;
discard_fq:
	fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
	__IP6_INC_STATS(net, IPSTATS6_MIB_REASMFAILS);
	kfree_skb_reason(skb, reason);
	return -1;
}

/* RFC 8200 4.5: the first fragment must hold every header up to the
 * upper-layer one (ipv6_frag_thdr_truncated). */
static bool ipv6_frag_thdr_truncated(struct sk_buff *skb, int start)
{
	u8 nexthdr = ((const struct frag_hdr *)skb_transport_header(skb))->nexthdr;
	__be16 frag_off;
	int offset = ipv6_skip_exthdr(skb, start + 8, &nexthdr, &frag_off);

	if (offset < 0 || (frag_off & htons(IP6_OFFSET)))
		return false;
	switch (nexthdr) {
	case NEXTHDR_TCP:
		offset += 20;
		break;
	case NEXTHDR_UDP:
	case NEXTHDR_ICMP:
		offset += 8;
		break;
	default:
		offset += 1;
	}
	return offset > (int)skb->len;
}

int ipv6_frag_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	const struct frag_hdr *fhdr;
	struct frag_queue6 *fq;
	u32 prob_offset = 0;
	int ret;

	skb_trace(skb, "ipv6_frag_rcv");
	__IP6_INC_STATS(net, IPSTATS6_MIB_REASMREQDS);
	if (skb_linearize(skb) || skb->len < sizeof(*fhdr))
		goto fail_hdr;
	fhdr = (const struct frag_hdr *)skb_transport_header(skb);
	/* an atomic fragment (RFC 6946): processed alone, never queued */
	if (!(fhdr->frag_off & htons(IP6_OFFSET | IP6_MF))) {
		IP6CB(skb)->nhoff = (u16)(skb_transport_header(skb) - skb_network_header(skb));
		skb->transport_header += sizeof(*fhdr);
		__IP6_INC_STATS(net, IPSTATS6_MIB_REASMOKS);
		IP6CB(skb)->flags |= IP6SKB_FRAGMENTED;
		IP6CB(skb)->frag_max_size = (u16)(ntohs(ipv6_hdr(skb)->payload_len) +
						  sizeof(struct ipv6hdr));
		return 1;
	}
	if (!(fhdr->frag_off & htons(IP6_OFFSET)) && ipv6_frag_thdr_truncated(skb, 0)) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INHDRERRORS);
		skb_drop_hint(skb, "first IPv6 fragment without the upper-layer header");
		icmpv6_param_prob_reason(skb, ICMPV6_HDR_INCOMP, 0, SKB_DROP_REASON_IP_INHDR);
		return -1;
	}
	fq = fq_find(net, fhdr->identification, ipv6_hdr(skb));
	if (!fq) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_REASMFAILS);
		skb_drop_hint(skb, "reassembly memory over net.ipv6.ip6frag_high_thresh");
		kfree_skb(skb);
		return -1;
	}
	ret = ip6_frag_queue(fq, skb, fhdr, &prob_offset);
	if (prob_offset) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INHDRERRORS);
		icmpv6_param_prob_reason(skb, ICMPV6_HDR_FIELD, (int)prob_offset,
					 SKB_DROP_REASON_IP_INHDR);
	}
	return ret;
fail_hdr:
	__IP6_INC_STATS(net, IPSTATS6_MIB_INHDRERRORS);
	icmpv6_param_prob_reason(skb, ICMPV6_HDR_FIELD, (int)skb_network_header_len(skb),
				 SKB_DROP_REASON_IP_INHDR);
	return -1;
}

/* ---- per namespace ---- */

int ipv6_frags_init_net(struct net *net)
{
	INIT_LIST_HEAD(&net->ipv6.frag6_queues);
	net->ipv6.frag6_mem = 0;
	net->ipv6.sysctl_ip6frag_high_thresh = 4 * 1024 * 1024;
	net->ipv6.sysctl_ip6frag_low_thresh = 3 * 1024 * 1024;
	net->ipv6.sysctl_ip6frag_time = 60;
	return 0;
}

void ipv6_frags_exit_net(struct net *net)
{
	while (!list_empty(&net->ipv6.frag6_queues))
		fq_destroy(list_first_entry(&net->ipv6.frag6_queues, struct frag_queue6, list),
			   SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
}

const struct pernet_operations ipv6_frags_ops = {
	.name = "ipv6_frags",
	.init = ipv6_frags_init_net,
	.exit = ipv6_frags_exit_net,
};
