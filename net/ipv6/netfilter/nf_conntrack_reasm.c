/* nf_defrag_ipv6: IPv6 reassembly for connection tracking
 * (net/ipv6/netfilter/nf_conntrack_reasm.c and nf_defrag_ipv6_hooks.c).
 *
 * While conntrack runs for IPv6 in a namespace, ipv6_defrag() sits at
 * PRE_ROUTING and LOCAL_OUT with priority NF_IP6_PRI_CONNTRACK_DEFRAG
 * (-400, before the raw table), so every table, conntrack and NAT see
 * whole datagrams.  Fragments wait in conntrack's own queues
 * (net->ipv6.nf_frags, the sysctls net.netfilter.nf_conntrack_frag6_*),
 * keyed also by the hook (IP6_DEFRAG_CONNTRACK_IN / _OUT + zone), apart
 * from the stack's (reassembly.c); the queue code is shared.  The
 * fragment that completes a datagram goes on as the datagram, its
 * fragment header removed, with skb->ignore_df and IP6CB(skb)->
 * frag_max_size (the largest fragment): a router refragments it to that
 * size in ip6_fragment() and answers packet too big when it exceeds the
 * next link's MTU (ip6_pkt_too_big), as Linux does since 4.5 (the
 * original fragments are not kept).  What is malformed for reassembly
 * (a non-last fragment not a multiple of 8 bytes) goes on unchanged for
 * the stack to answer; a fragment beyond 65535 bytes, an overlap or a
 * fragment past the end is dropped (NF_DROP).  No Ip6Reasm* counters but
 * those of a queue that times out (ip6frag_expire_frag_queue), which
 * also sends a time exceeded when the first fragment came. */
#include <errno.h>
#include <stddef.h>
#include "linux/netfilter.h"
#include "linux/netfilter/x_tables.h"
#include "net/ipv6.h"
#include "net/ipv6_frag.h"
#include "net/net_namespace.h"
#include "net/netfilter/nf_conntrack.h"
#include "net/trace.h"

/* find_prev_fhdr(): the fragment header's offset (*fhoff) and that of the
 * byte naming it (*prevhoff), both from the network header; -1 when the
 * packet has no fragment header before its upper-layer one. */
static int find_prev_fhdr(struct sk_buff *skb, int *prevhoff, int *fhoff)
{
	const int netoff = skb_network_offset(skb);
	u8 nexthdr = ipv6_hdr(skb)->nexthdr;
	int prev_nhoff = (int)offsetof(struct ipv6hdr, nexthdr);
	int start = (int)sizeof(struct ipv6hdr);
	int len = (int)skb->len - netoff - start;

	while (nexthdr != NEXTHDR_FRAGMENT) {
		struct ipv6_opt_hdr hdr;
		int hdrlen;

		if (!ipv6_ext_hdr(nexthdr) || nexthdr == NEXTHDR_NONE)
			return -1;
		if (len < (int)sizeof(hdr) || skb_copy_bits(skb, netoff + start, &hdr, sizeof(hdr)))
			return -1;
		hdrlen = nexthdr == NEXTHDR_AUTH ? (int)ipv6_authlen(&hdr) : (int)ipv6_optlen(&hdr);
		prev_nhoff = start;
		nexthdr = hdr.nexthdr;
		len -= hdrlen;
		start += hdrlen;
	}
	if (len < 0)
		return -1;
	*prevhoff = prev_nhoff;
	*fhoff = start;
	return 0;
}

/* The end checks of nf_ct_frag6_queue(): 0, -EINVAL (drop the fragment)
 * or -EPROTO (the queue killed, the fragment goes on unchanged). */
static int nf_ct_frag6_check_end(struct frag_queue6 *fq, const struct frag_hdr *fhdr,
				 unsigned int offset, unsigned int end)
{
	if (!(fhdr->frag_off & htons(IP6_MF))) {
		if (end < fq->len || ((fq->flags & FQ_LAST_IN) && end != fq->len))
			return -EINVAL;
		fq->flags |= FQ_LAST_IN;
		fq->len = end;
	} else {
		if (end & 7) {
			ip6_fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
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

/* nf_ct_frag6_queue(): 0 (skb is the whole datagram now), -EINPROGRESS
 * (queued, or dropped as a duplicate), -EINVAL (the caller drops it),
 * -EPROTO (let it go on as it is). */
static int nf_ct_frag6_queue(struct frag_queue6 *fq, struct sk_buff *skb,
			     const struct frag_hdr *fhdr, int nhoff, int fhoff)
{
	unsigned int plen = ntohs(ipv6_hdr(skb)->payload_len);
	unsigned int offset = ntohs(fhdr->frag_off) & IP6_OFFSET;
	unsigned int end = offset + plen - ((unsigned int)fhoff + 8 - sizeof(struct ipv6hdr));
	int err;

	if (end > IPV6_MAXPLEN) {
		skb_drop_hint(skb, "IPv6 fragment beyond 65535 bytes (nf_defrag_ipv6)");
		return -EINVAL;
	}
	err = nf_ct_frag6_check_end(fq, fhdr, offset, end);
	if (err)
		return err;
	FRAG6_CB(skb)->h6.lastopt = (u16)fhoff;	/* where the fragment header sits */
	if (!skb_pull(skb, (unsigned int)(skb_network_header(skb) - skb->data) +
		      (unsigned int)fhoff + 8) || pskb_trim_rcsum(skb, end - offset))
		return -EINVAL;
	switch (ip6_fq_insert(fq, skb, offset, end)) {
	case FRAG6_DUP:
		kfree_skb_reason(skb, SKB_DROP_REASON_DUP_FRAG);
		return -EINPROGRESS;
	case FRAG6_OVERLAP:
		skb_drop_hint(skb, "overlapping IPv6 fragment: the datagram is dropped (RFC 5722)");
		skb_push(skb, (unsigned int)(skb->data - skb_network_header(skb)));
		ip6_fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
		return -EINVAL;
	}
	ip6_fq_account(fq, skb, offset, plen);
	if (offset == 0)
		fq->nhoff = (u16)nhoff;
	if (fq->flags == (FQ_FIRST_IN | FQ_LAST_IN) && fq->meat == fq->len) {
		struct net_device *dev = skb->dev;

		if (ip6_fq_reasm(fq, skb)) {
			ip6_fq_destroy(fq, SKB_DROP_REASON_FRAG_REASM_TIMEOUT);
			return -EINPROGRESS;
		}
		skb->dev = dev;
		skb->ignore_df = 1;
		return 0;
	}
	skb_dst_drop(skb);
	skb->dev = NULL;	/* the queue keeps iif, not the device */
	return -EINPROGRESS;
}

int nf_ct_frag6_gather(struct net *net, struct sk_buff *skb, u32 user)
{
	u16 savethdr = skb->transport_header;
	const struct frag_hdr *fhdr;
	struct frag_queue6 *fq;
	int fhoff, nhoff, ret;

	if (ipv6_hdr(skb)->payload_len == 0)	/* a jumbogram has no fragment header */
		return 0;
	if (find_prev_fhdr(skb, &nhoff, &fhoff) < 0)
		return 0;
	/* RFC 8200 4.5: a first fragment without every header is left to
	 * the stack */
	if (ipv6_frag_thdr_truncated(skb, skb_network_offset(skb) + fhoff))
		return 0;
	if (skb_linearize(skb) || skb->len < (unsigned int)(skb_network_offset(skb) + fhoff + 8))
		return -ENOMEM;
	skb_set_transport_header(skb, skb_network_offset(skb) + fhoff);
	fhdr = (const struct frag_hdr *)skb_transport_header(skb);
	fq = ip6_fq_find(net, &net->ipv6.nf_frags, fhdr->identification, user, ipv6_hdr(skb),
			 skb->dev ? skb->dev->ifindex : 0);
	if (!fq) {
		skb_drop_hint(skb, "reassembly memory over net.netfilter.nf_conntrack_frag6_high_thresh");
		return -ENOMEM;
	}
	ret = nf_ct_frag6_queue(fq, skb, fhdr, nhoff, fhoff);
	if (ret == -EPROTO) {
		skb->transport_header = savethdr;
		ret = 0;
	}
	return ret;
}

/* nf_ct6_defrag_user(): conntrack's queues per hook and zone */
static u32 nf_ct6_defrag_user(unsigned int hooknum, const struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	const struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	u32 zone = ct ? nf_ct_zone_id(ct, CTINFO2DIR(ctinfo)) : 0;

	return (hooknum == NF_INET_PRE_ROUTING ? IP6_DEFRAG_CONNTRACK_IN :
		IP6_DEFRAG_CONNTRACK_OUT) + zone;
}

unsigned int ipv6_defrag(void *priv, struct sk_buff *skb, const struct nf_hook_state *state)
{
	enum ip_conntrack_info ctinfo;
	const struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	int err;

	(void)priv;
	/* seen already (looped back), or NOTRACK */
	if ((ct && !(ct->status & IPS_TEMPLATE)) || nf_ct_is_untracked(skb))
		return NF_ACCEPT;
	err = nf_ct_frag6_gather(state->net, skb, nf_ct6_defrag_user(state->hook, skb));
	if (err == -EINPROGRESS)
		return NF_STOLEN;
	return err == 0 ? NF_ACCEPT : NF_DROP;
}
