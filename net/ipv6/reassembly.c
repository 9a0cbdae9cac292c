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
#include "net/ipv6_frag.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/world.h"

static void ip6_frag_expire(struct timer_list *t);

void ip6_fq_destroy(struct frag_queue6 *fq, enum skb_drop_reason reason)
{
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
	fq->dir->mem -= fq->mem;
	kfree(fq);
}

/* ip6_frag_expire() (ip6frag_expire_frag_queue, both kinds of queue): the
 * queue goes; time exceeded if fragment 0 came. */
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
	ip6_fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
}

/* fq_find(): the interface is part of the key only for link-local and
 * multicast destinations, as Linux's. */
struct frag_queue6 *ip6_fq_find(struct net *net, struct fqdir6 *dir, __be32 id, u32 user,
				const struct ipv6hdr *hdr, int iif)
{
	struct frag_queue6 *fq;

	if (!ipv6_addr_is_multicast(&hdr->daddr) && !ipv6_addr_linklocal(&hdr->daddr))
		iif = 0;
	list_for_each_entry(fq, &dir->queues, list)
		if (fq->id == id && fq->user == user && fq->key_iif == iif &&
		    ipv6_addr_equal(&fq->saddr, &hdr->saddr) &&
		    ipv6_addr_equal(&fq->daddr, &hdr->daddr))
			return fq;
	if (!dir->high_thresh || dir->mem > dir->high_thresh)
		return NULL;
	if (!(fq = kzalloc(sizeof(*fq))))
		return NULL;
	fq->net = net;
	fq->dir = dir;
	fq->saddr = hdr->saddr;
	fq->daddr = hdr->daddr;
	fq->id = id;
	fq->user = user;
	fq->key_iif = iif;
	fq->mem = (long)sizeof(*fq);
	dir->mem += fq->mem;
	timer_setup(&net->world->timers, &fq->timer, ip6_frag_expire);
	mod_timer(&fq->timer, net->world->now + (u64)dir->timeout * 1000000000ull);
	list_add_tail(&fq->list, &dir->queues);
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

int ip6_fq_insert(struct frag_queue6 *fq, struct sk_buff *skb, unsigned int offset,
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

/* ip6_frag_reasm() / nf_ct_frag6_reasm(): rebuild the datagram in skb,
 * the fragment that completed it: the first fragment's headers without
 * the fragment header, then every payload at its offset. */
int ip6_fq_reasm(struct frag_queue6 *fq, struct sk_buff *skb)
{
	struct sk_buff *head = fq->fragments;
	unsigned int hlen = FRAG6_CB(head)->h6.lastopt;	/* up to the fragment header */
	unsigned int total = hlen + fq->len;
	u8 nexthdr = skb_network_header(head)[hlen];	/* the fragment header's */
	unsigned char *nh;
	int need;

	if (total - sizeof(struct ipv6hdr) > IPV6_MAXPLEN) {
		skb_drop_hint(skb, "reassembled IPv6 payload over 65535 bytes");
		return -E2BIG;
	}
	need = (int)((skb_network_header(skb) - skb->head) + total) - (int)(skb->end - skb->head);
	if ((need > 0 || skb_cloned(skb)) && pskb_expand_head(skb, 0, need > 0 ? need : 0))
		return -ENOMEM;
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
	IP6CB(skb)->flags |= IP6SKB_FRAGMENTED;
	IP6CB(skb)->frag_max_size = (u16)fq->max_size;
	ip6_fq_destroy(fq, SKB_CONSUMED);
	return 0;
}

static int ip6_frag_reasm(struct frag_queue6 *fq, struct sk_buff *skb)
{
	struct net *net = fq->net;
	u16 nhoff = fq->nhoff;

	if (ip6_fq_reasm(fq, skb)) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_REASMFAILS);
		return -1;
	}
	IP6CB(skb)->nhoff = nhoff;
	__IP6_INC_STATS(net, IPSTATS6_MIB_REASMOKS);
	return 1;
}

/* What a queued fragment adds to its queue. */
void ip6_fq_account(struct frag_queue6 *fq, struct sk_buff *skb, unsigned int offset,
		    unsigned int plen)
{
	if (skb->dev)
		fq->iif = skb->dev->ifindex;
	fq->meat += skb->len;
	fq->mem += skb->truesize;
	fq->dir->mem += skb->truesize;
	if (plen + sizeof(struct ipv6hdr) > fq->max_size)
		fq->max_size = plen + (unsigned int)sizeof(struct ipv6hdr);
	if (offset == 0) {
		fq->flags |= FQ_FIRST_IN;
		fq->nhoff = IP6CB(skb)->nhoff;
	}
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
	unsigned int plen;
	int err;

	if (end > IPV6_MAXPLEN) {
		*prob_offset = (u32)(hlen + offsetof(struct frag_hdr, frag_off));
		return -1;	/* the caller answers and frees */
	}
	err = ip6_frag_check_end(fq, fhdr, offset, end, prob_offset);
	if (err == -EPROTO) {
		ip6_fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
		return -1;
	}
	if (err)
		goto discard_fq;
	FRAG6_CB(skb)->h6.lastopt = (u16)hlen;	/* where the fragment header sits */
	if (!skb_pull(skb, (unsigned int)(skb_transport_header(skb) - skb->data) + 8) ||
	    pskb_trim_rcsum(skb, end - offset))
		goto discard_fq;
	plen = ntohs(ipv6_hdr(skb)->payload_len);
	switch (ip6_fq_insert(fq, skb, offset, end)) {
	case FRAG6_DUP:
		kfree_skb_reason(skb, SKB_DROP_REASON_DUP_FRAG);
		return -1;
	case FRAG6_OVERLAP:
		skb_drop_hint(skb, "overlapping IPv6 fragment: the datagram is dropped (RFC 5722)");
		goto discard_fq;
	}
	ip6_fq_account(fq, skb, offset, plen);
	if (fq->flags == (FQ_FIRST_IN | FQ_LAST_IN) && fq->meat == fq->len) {
		if (ip6_frag_reasm(fq, skb) > 0)
			return 1;
		ip6_fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
		return -1;
	}
	skb_dst_drop(skb);
	skb->dev = NULL;	/* as ip_fragment.c: the queue keeps iif, not the device */
	return -1;
discard_fq:
	ip6_fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
	__IP6_INC_STATS(net, IPSTATS6_MIB_REASMFAILS);
	kfree_skb_reason(skb, reason);
	return -1;
}

/* RFC 8200 4.5: the first fragment must hold every header up to the
 * upper-layer one (ipv6_frag_thdr_truncated). */
bool ipv6_frag_thdr_truncated(struct sk_buff *skb, int fhoff)
{
	__be16 frag_off;
	u8 nexthdr = 0;	/* skb_copy_bits() fills it; gcc's LTO cannot tell */
	int offset;

	if (skb_copy_bits(skb, fhoff, &nexthdr, 1))	/* the fragment header's */
		return true;
	offset = ipv6_skip_exthdr(skb, fhoff + 8, &nexthdr, &frag_off);

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
	if (!(fhdr->frag_off & htons(IP6_OFFSET)) &&
	    ipv6_frag_thdr_truncated(skb, (int)(skb_transport_header(skb) - skb->data))) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INHDRERRORS);
		skb_drop_hint(skb, "first IPv6 fragment without the upper-layer header");
		icmpv6_param_prob_reason(skb, ICMPV6_HDR_INCOMP, 0, SKB_DROP_REASON_IP_INHDR);
		return -1;
	}
	fq = ip6_fq_find(net, &net->ipv6.frags, fhdr->identification, IP6_DEFRAG_LOCAL_DELIVER,
			 ipv6_hdr(skb), skb->dev->ifindex);
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

void ip6_fqdir_init(struct fqdir6 *dir)
{
	INIT_LIST_HEAD(&dir->queues);
	dir->mem = 0;
	dir->high_thresh = 4 * 1024 * 1024;
	dir->low_thresh = 3 * 1024 * 1024;
	dir->timeout = 60;
}

void ip6_fqdir_exit(struct fqdir6 *dir)
{
	while (!list_empty(&dir->queues))
		ip6_fq_destroy(list_first_entry(&dir->queues, struct frag_queue6, list),
			       SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
}

int ipv6_frags_init_net(struct net *net)
{
	ip6_fqdir_init(&net->ipv6.frags);
	ip6_fqdir_init(&net->ipv6.nf_frags);
	return 0;
}

void ipv6_frags_exit_net(struct net *net)
{
	ip6_fqdir_exit(&net->ipv6.frags);
	ip6_fqdir_exit(&net->ipv6.nf_frags);
}

const struct pernet_operations ipv6_frags_ops = {
	.name = "ipv6_frags",
	.init = ipv6_frags_init_net,
	.exit = ipv6_frags_exit_net,
};
