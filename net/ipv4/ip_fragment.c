/* IPv4 fragmentation and reassembly (net/ipv4/ip_output.c ip_do_fragment,
 * net/ipv4/ip_fragment.c).  Fragments of a datagram are queued per
 * (saddr, daddr, id, protocol, user) until complete; queues expire after
 * net.ipv4.ipfrag_time (30 s, ICMP time exceeded when fragment 0 arrived),
 * overlaps drop the whole queue as Linux does since 2018, and memory is
 * capped by ipfrag_high_thresh (evicting the oldest down to low_thresh). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/world.h"

/* ---- fragmentation (slow path: copy each fragment) ---- */
static struct sk_buff *ip_frag_make(struct net *net, struct sk_buff *skb, unsigned int hlen,
				    unsigned int off, unsigned int len, bool more)
{
	struct net_device *dev = skb_dst(skb)->dev;
	struct sk_buff *f = alloc_skb(&net->world->skb_pool,
				      NET_SKB_PAD + LL_RESERVED_SPACE(dev) + hlen + len);
	struct iphdr *iph;
	u16 frag_off;

	if (!f)
		return NULL;
	skb_reserve(f, (int)(NET_SKB_PAD + LL_RESERVED_SPACE(dev)));
	skb_reset_network_header(f);
	skb_put_data(f, skb->data, hlen);
	skb_set_transport_header(f, (int)hlen);
	skb_copy_bits(skb, (int)(hlen + off), skb_put(f, len), (int)len);
	iph = ip_hdr(f);
	frag_off = (u16)((ntohs(ip_hdr(skb)->frag_off) & IP_OFFSET) + off / 8);
	if (more || (ntohs(ip_hdr(skb)->frag_off) & IP_MF))
		frag_off |= IP_MF;
	frag_off |= ntohs(ip_hdr(skb)->frag_off) & IP_DF;
	iph->frag_off = htons(frag_off);
	iph->tot_len = htons((u16)(hlen + len));
	ip_send_check(iph);
	f->dev = skb->dev;
	f->protocol = skb->protocol;
	f->priority = skb->priority;
	f->mark = skb->mark;
	f->trace_id = skb->trace_id;
	f->sk = skb->sk;
	memcpy(f->cb, skb->cb, sizeof(f->cb));
	dst_hold(skb_dst(skb));
	skb_dst_set(f, skb_dst(skb));
	return f;
}

int ip_do_fragment(struct net *net, struct sock *sk, struct sk_buff *skb,
		   int (*output)(struct net *, struct sock *, struct sk_buff *))
{
	unsigned int hlen = ip_hdr(skb)->ihl * 4u;
	unsigned int mtu = ipv4_mtu(skb_dst(skb));
	unsigned int left, off = 0, chunk;
	int err = 0;

	if (mtu < hlen + 8 || skb_linearize(skb)) {
		__IP_INC_STATS(net, IPSTATS_MIB_FRAGFAILS);
		kfree_skb(skb);
		return -EINVAL;
	}
	chunk = (mtu - hlen) & ~7u;
	left = skb->len - hlen;
	while (left > 0) {
		unsigned int len = left > chunk ? chunk : left;
		struct sk_buff *f = ip_frag_make(net, skb, hlen, off, len, left > len);

		if (!f) {
			err = -ENOMEM;
			break;
		}
		__IP_INC_STATS(net, IPSTATS_MIB_FRAGCREATES);
		err = output(net, sk, f);
		if (err)
			break;
		off += len;
		left -= len;
	}
	__IP_INC_STATS(net, err ? IPSTATS_MIB_FRAGFAILS : IPSTATS_MIB_FRAGOKS);
	consume_skb(skb);
	return err;
}

/* ---- reassembly ---- */
struct ipq {
	struct ipq *next;
	struct net *net;
	__be32 saddr, daddr;
	__be16 id;
	u8 protocol;
	u32 user;
	struct sk_buff *frags;		/* sorted by offset, linked through ->next */
	unsigned int len;		/* total length once the last fragment came */
	unsigned int meat;		/* bytes received */
	unsigned int mem;
	bool last_in, first_in;
	int iif;
	struct timer_list timer;
	u64 created;
};

struct ipv4_frags {
	struct ipq *queues;
	unsigned int mem;
};

static const unsigned int frags_id = NETGEN_FRAGS;

static struct ipv4_frags *frags_of(struct net *net)
{
	return net_generic(net, frags_id);
}

#define FRAG_OFF(skb) (*(unsigned int *)((skb)->cb + 32))

static void ipq_unlink(struct ipq *q)
{
	struct ipv4_frags *nf = frags_of(q->net);
	struct ipq **pp = &nf->queues;

	while (*pp && *pp != q)
		pp = &(*pp)->next;
	if (*pp)
		*pp = q->next;
}

static void ipq_destroy(struct ipq *q, enum skb_drop_reason reason)
{
	struct ipv4_frags *nf = frags_of(q->net);

	del_timer(&q->timer);
	ipq_unlink(q);
	while (q->frags) {
		struct sk_buff *f = q->frags;

		q->frags = f->next;
		f->next = NULL;
		kfree_skb_reason(f, reason);
	}
	nf->mem -= q->mem;
	free(q);
}

static void ip_expire(struct timer_list *t)
{
	struct ipq *q = from_timer(q, t, timer);
	struct net *net = q->net;

	__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
	__IP_INC_STATS(net, IPSTATS_MIB_REASMTIMEOUT);
	/* RFC 792: time exceeded (reassembly) only if fragment zero arrived */
	if (q->first_in && q->frags && FRAG_OFF(q->frags) == 0) {
		struct sk_buff *head = q->frags;
		struct net_device *dev = __dev_get_by_index(net, q->iif);

		if (dev && skb_dst(head)) {
			head->dev = dev;
			icmp_send(head, ICMP_TIME_EXCEEDED, ICMP_EXC_FRAGTIME, 0);
		}
	}
	ipq_destroy(q, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
}

static struct ipq *ip_find(struct net *net, const struct iphdr *iph, u32 user)
{
	struct ipv4_frags *nf = frags_of(net);
	struct ipq *q;

	for (q = nf->queues; q; q = q->next)
		if (q->saddr == iph->saddr && q->daddr == iph->daddr && q->id == iph->id &&
		    q->protocol == iph->protocol && q->user == user)
			return q;
	q = calloc(1, sizeof(*q));
	if (!q)
		return NULL;
	q->net = net;
	q->saddr = iph->saddr;
	q->daddr = iph->daddr;
	q->id = iph->id;
	q->protocol = iph->protocol;
	q->user = user;
	q->created = net->world->now;
	timer_setup(&net->world->timers, &q->timer, ip_expire);
	mod_timer(&q->timer, net->world->now +
		  (u64)net->ipv4.sysctl_ipfrag_time * NSEC_PER_SEC);
	q->next = nf->queues;
	nf->queues = q;
	return q;
}

/* Over ipfrag_high_thresh: drop the oldest queues down to low_thresh. */
static void ip_evict(struct net *net)
{
	struct ipv4_frags *nf = frags_of(net);

	if (nf->mem <= (unsigned int)net->ipv4.sysctl_ipfrag_high_thresh)
		return;
	while (nf->queues && nf->mem > (unsigned int)net->ipv4.sysctl_ipfrag_low_thresh) {
		struct ipq *oldest = nf->queues;

		for (struct ipq *q = nf->queues; q; q = q->next)
			if (q->created < oldest->created)
				oldest = q;
		__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
		ipq_destroy(oldest, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
	}
}

/* Insert in offset order; any overlap poisons the whole datagram. */
static int ip_frag_queue(struct ipq *q, struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	unsigned int ihl = iph->ihl * 4u;
	unsigned int off = (ntohs(iph->frag_off) & IP_OFFSET) * 8u;
	unsigned int len = ntohs(iph->tot_len) - ihl;
	unsigned int end = off + len;
	bool more = ntohs(iph->frag_off) & IP_MF;
	struct sk_buff **pp = &q->frags;

	if (end > 65535 - ihl || (more && (len & 7)) || (!more && q->last_in && end != q->len) ||
	    (!more && end < q->meat) || (q->last_in && end > q->len))
		return -EINVAL;
	for (; *pp; pp = &(*pp)->next) {
		struct sk_buff *f = *pp;
		unsigned int foff = FRAG_OFF(f), fend = foff + f->len - ip_hdr(f)->ihl * 4u;

		if (foff == off && fend == end)
			return -EEXIST;		/* an exact duplicate */
		if (off < fend && end > foff)
			return -EINVAL;		/* overlap */
		if (foff > off)
			break;
	}
	FRAG_OFF(skb) = off;
	skb->next = *pp;
	*pp = skb;
	q->meat += len;
	q->mem += skb->truesize;
	frags_of(q->net)->mem += skb->truesize;
	if (!more) {
		q->last_in = true;
		q->len = end;
	}
	if (off == 0) {
		q->first_in = true;
		q->iif = skb->skb_iif;
	}
	return 0;
}

/* Build the whole datagram into the head fragment's place. */
static struct sk_buff *ip_frag_reasm(struct ipq *q)
{
	struct sk_buff *head = q->frags;
	unsigned int ihl = ip_hdr(head)->ihl * 4u;
	struct sk_buff *skb = alloc_skb(head->pool, NET_SKB_PAD + 16 + ihl + q->len);
	struct iphdr *iph;

	if (!skb)
		return NULL;
	skb_reserve(skb, NET_SKB_PAD + 16);
	skb_reset_network_header(skb);
	skb_put_data(skb, skb_network_header(head), ihl);
	skb_set_transport_header(skb, (int)ihl);
	for (struct sk_buff *f = head; f; f = f->next) {
		unsigned int fihl = ip_hdr(f)->ihl * 4u;

		skb_copy_bits(f, (int)(skb_network_header(f) - f->data + fihl),
			      skb->data + ihl + FRAG_OFF(f), (int)(f->len - fihl));
	}
	skb_put(skb, q->len);
	iph = ip_hdr(skb);
	iph->frag_off = 0;
	iph->tot_len = htons((u16)(ihl + q->len));
	ip_send_check(iph);
	skb->dev = head->dev;
	skb->skb_iif = head->skb_iif;
	skb->mark = head->mark;
	skb->pkt_type = head->pkt_type;
	skb->protocol = head->protocol;
	skb->trace_id = head->trace_id;
	memcpy(skb->cb, head->cb, sizeof(skb->cb));
	if (skb_dst(head)) {
		dst_hold(skb_dst(head));
		skb_dst_set(skb, skb_dst(head));
	}
	return skb;
}

/* Returns 0 with *pskb the whole datagram, or -EINPROGRESS (queued), or
 * another error (dropped). */
static int ip_defrag_skb(struct net *net, struct sk_buff **pskb, u32 user)
{
	struct sk_buff *skb = *pskb;
	struct ipq *q;
	int err;

	__IP_INC_STATS(net, IPSTATS_MIB_REASMREQDS);
	q = ip_find(net, ip_hdr(skb), user);
	if (!q) {
		__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return -ENOMEM;
	}
	err = ip_frag_queue(q, skb);
	if (err) {
		__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
		kfree_skb_reason(skb, SKB_DROP_REASON_DUP_FRAG);
		if (err == -EINVAL)
			ipq_destroy(q, SKB_DROP_REASON_DUP_FRAG);
		return err;
	}
	if (!(q->last_in && q->first_in && q->meat == q->len)) {
		ip_evict(net);
		return -EINPROGRESS;
	}
	*pskb = ip_frag_reasm(q);
	ipq_destroy(q, SKB_CONSUMED);
	if (!*pskb) {
		__IP_INC_STATS(net, IPSTATS_MIB_REASMFAILS);
		return -ENOMEM;
	}
	__IP_INC_STATS(net, IPSTATS_MIB_REASMOKS);
	return 0;
}

/* As the kernel's ip_defrag(): 0 when complete (skb now the datagram, its
 * data at the IP header), otherwise the skb was queued or freed. The
 * caller's skb pointer is updated through the continuation below. */
int ip_defrag(struct net *net, struct sk_buff *skb, u32 user)
{
	struct sk_buff *whole = skb;
	int err = ip_defrag_skb(net, &whole, user);

	if (err)
		return err;
	/* hand the whole datagram on as if it had arrived in one piece */
	skb_pull(whole, 0);
	ip_local_deliver(whole);
	return -EINPROGRESS;
}

static int ipv4_frags_init(struct net *net)
{
	net->ipv4.sysctl_ipfrag_high_thresh = 4 * 1024 * 1024;
	net->ipv4.sysctl_ipfrag_low_thresh = 3 * 1024 * 1024;
	net->ipv4.sysctl_ipfrag_time = 30;
	net->ipv4.sysctl_ipfrag_max_dist = 64;
	return 0;
}

static void ipv4_frags_exit(struct net *net)
{
	struct ipv4_frags *nf = frags_of(net);

	while (nf && nf->queues)
		ipq_destroy(nf->queues, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
}

int ipv4_frags_init_net(struct net *net)
{
	return ipv4_frags_init(net);
}

void ipv4_frags_exit_net(struct net *net)
{
	ipv4_frags_exit(net);
}

const struct pernet_operations ipv4_frags_ops = {
	.name = "ipv4_frags",
	.init = ipv4_frags_init,
	.exit = ipv4_frags_exit,
	.id = &frags_id,
	.size = sizeof(struct ipv4_frags),
};
