/* IPv6 transmit and forwarding (net/ipv6/ip6_output.c): ip6_xmit() builds
 * the header and runs NF_INET_LOCAL_OUT, dst_output() → ip6_output() runs
 * NF_INET_POST_ROUTING, ip6_finish_output() checks the MTU (IPv6 routers
 * never fragment: "packet too big" instead), ip6_finish_output2() hands the
 * packet to the next hop's neighbour in nd_tbl (multicast maps straight to
 * 33:33:xx:xx:xx:xx).  ip6_forward() checks forwarding, the hop limit
 * (ICMPv6 time exceeded) and the MTU, decrements the hop limit and runs
 * NF_INET_FORWARD.  ip6_fragment() splits a local packet larger than the
 * path MTU when its sender allows it (skb->ignore_df: IPV6_MTU_DISCOVER
 * below "do", Linux's default), keeping the unfragmentable headers in
 * every fragment and adding a fragment header (RFC 8200 4.5) with a random
 * identification. */
#include <errno.h>
#include <string.h>
#include "linux/jhash.h"
#include "linux/netdevice.h"
#include "linux/netfilter.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/ndisc.h"
#include "net/sock.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/world.h"

int ip6_dst_hoplimit(const struct dst_entry *dst)
{
	const struct inet6_dev *idev = __in6_dev_get(dst->dev);

	return idev ? idev->cnf.data[DEVCONF_HOP_LIMIT] :
		      dev_net(dst->dev)->ipv6.devconf_all.data[DEVCONF_HOP_LIMIT];
}

unsigned int ip6_dst_mtu(const struct dst_entry *dst)
{
	const struct inet6_dev *idev = __in6_dev_get(dst->dev);
	unsigned int mtu = dst->mtu ? dst->mtu :
			   idev && idev->cnf.data[DEVCONF_MTU] > 0 ?
			   (unsigned int)idev->cnf.data[DEVCONF_MTU] : dst->dev->mtu;

	return mtu < IPV6_MIN_MTU ? IPV6_MIN_MTU : mtu;
}

static int ip6_finish_output2(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct rt6_info *rt = skb_rt6_info(skb);
	struct net_device *dev = rt->dst.dev;
	const struct in6_addr *nexthop;
	struct neighbour *neigh;
	int res;

	(void)sk;
	if (skb_headroom(skb) < dev->hard_header_len && skb_cow_head(skb, dev->hard_header_len)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return -ENOMEM;
	}
	if (ipv6_addr_is_multicast(&ipv6_hdr(skb)->daddr))
		__IP6_INC_STATS(net, IPSTATS6_MIB_OUTMCASTPKTS);
	__IP6_INC_STATS(net, IPSTATS6_MIB_OUTPKTS);
	__IP6_ADD_STATS(net, IPSTATS6_MIB_OUTOCTETS, skb->len);
	skb_trace(skb, "ip6_finish_output2");
	nexthop = rt6_nexthop(rt, &ipv6_hdr(skb)->daddr);
	neigh = __neigh_lookup(&net->ipv6.nd_tbl, nexthop, dev, 1);
	if (!neigh) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_CREATEFAIL);
		return -EINVAL;
	}
	res = neigh_output(neigh, skb);
	neigh_release(neigh);
	return res;
}

/* ---- fragmentation (ip6_fragment, the slow path) ---- */

/* ip6_find_1stfragopt(): the length of the unfragmentable part (the IPv6
 * header, Hop-by-Hop, destination options before a routing header, the
 * routing header) and the offset of the next-header byte that will name
 * the fragment header. */
static int ip6_find_1stfragopt(struct sk_buff *skb, unsigned int *prevhdr)
{
	unsigned int offset = sizeof(struct ipv6hdr);
	unsigned int plen = skb->len;
	u8 *nh = skb_network_header(skb);
	bool found_rhdr = false;

	*prevhdr = offsetof(struct ipv6hdr, nexthdr);
	while (offset <= plen) {
		struct ipv6_opt_hdr *exthdr;
		unsigned int len;

		switch (nh[*prevhdr]) {
		case NEXTHDR_HOP:
			break;
		case NEXTHDR_ROUTING:
			found_rhdr = true;
			break;
		case NEXTHDR_DEST:
			if (found_rhdr)
				return (int)offset;
			break;
		default:
			return (int)offset;
		}
		if (offset + sizeof(struct ipv6_opt_hdr) > plen)
			return -EINVAL;
		exthdr = (struct ipv6_opt_hdr *)(nh + offset);
		len = (unsigned int)ipv6_optlen(exthdr);
		*prevhdr = offset;
		offset += len;
		if (offset > IPV6_MAXPLEN)
			return -EINVAL;
	}
	return -EINVAL;
}

__be32 ipv6_select_ident(struct net *net, const struct in6_addr *daddr,
			 const struct in6_addr *saddr)
{
	u32 id;

	(void)daddr;
	(void)saddr;
	/* Linux draws it at random (get_random_u32_above(0)) since the
	 * hashed counter leaked state; from the world's seeded RNG here */
	do
		id = world_random_u32(net->world);
	while (!id);
	return htonl(id);
}

static void ip6_copy_metadata(struct sk_buff *to, struct sk_buff *from)
{
	to->pkt_type = from->pkt_type;
	to->priority = from->priority;
	to->protocol = from->protocol;
	to->skb_iif = from->skb_iif;
	if (skb_dst(from)) {
		dst_hold(skb_dst(from));
		skb_dst_set(to, skb_dst(from));
	}
	to->dev = from->dev;
	to->mark = from->mark;
	to->trace_id = from->trace_id;
	memcpy(to->cb, from->cb, sizeof(struct inet6_skb_parm));
}

struct ip6_frag_state {
	unsigned int hlen, mtu, left, ptr, offset, prevhdr;
	u8 nexthdr;
	__be32 frag_id;
};

/* ip6_frag_next(): the next fragment, or NULL without memory. */
static struct sk_buff *ip6_frag_next(struct net *net, struct sk_buff *skb,
				     struct ip6_frag_state *st)
{
	unsigned int len = st->left, hroom = NET_SKB_PAD + 64;	/* keeps the IPv6 header aligned */
	struct frag_hdr *fh;
	struct sk_buff *frag;

	if (len > st->mtu)
		len = st->mtu;
	if (len < st->left)
		len &= ~7u;
	frag = alloc_skb(&net->world->skb_pool, hroom + st->hlen + sizeof(*fh) + len);
	if (!frag)
		return NULL;
	ip6_copy_metadata(frag, skb);
	skb_reserve(frag, (int)hroom);
	skb_put(frag, st->hlen + sizeof(*fh) + len);
	skb_reset_network_header(frag);
	memcpy(frag->data, skb_network_header(skb), st->hlen);
	frag->data[st->prevhdr] = NEXTHDR_FRAGMENT;
	fh = (struct frag_hdr *)(frag->data + st->hlen);
	fh->nexthdr = st->nexthdr;
	fh->reserved = 0;
	fh->frag_off = htons((u16)(st->offset | (st->left > len ? IP6_MF : 0)));
	fh->identification = st->frag_id;
	skb_set_transport_header(frag, (int)(st->hlen + sizeof(*fh)));
	skb_copy_bits(skb, (int)st->ptr, frag->data + st->hlen + sizeof(*fh), (int)len);
	ipv6_hdr(frag)->payload_len = htons((u16)(frag->len - sizeof(struct ipv6hdr)));
	st->left -= len;
	st->ptr += len;
	st->offset += len;
	return frag;
}

int ip6_fragment(struct net *net, struct sock *sk, struct sk_buff *skb,
		 int (*output)(struct net *, struct sock *, struct sk_buff *))
{
	unsigned int mtu = ip6_dst_mtu(skb_dst(skb));
	struct ip6_frag_state st;
	int hlen, err = 0;

	skb_trace(skb, "ip6_fragment");
	memset(&st, 0, sizeof(st));
	if ((hlen = ip6_find_1stfragopt(skb, &st.prevhdr)) < 0) {
		err = hlen;
		goto fail;
	}
	/* only a local sender that allows it is fragmented (ignore_df) */
	if (!skb->ignore_df && skb->len > mtu)
		goto fail_toobig;
	/* a datagram nf_defrag_ipv6 reassembled: fragments no larger than
	 * the largest that came */
	if (IP6CB(skb)->frag_max_size) {
		if (IP6CB(skb)->frag_max_size > mtu)
			goto fail_toobig;
		mtu = IP6CB(skb)->frag_max_size < IPV6_MIN_MTU ? IPV6_MIN_MTU :
		      IP6CB(skb)->frag_max_size;
	}
	if (mtu < (unsigned int)hlen + sizeof(struct frag_hdr) + 8)
		goto fail_toobig;
	st.hlen = (unsigned int)hlen;
	st.nexthdr = skb_network_header(skb)[st.prevhdr];
	st.mtu = mtu - st.hlen - sizeof(struct frag_hdr);
	st.frag_id = ipv6_select_ident(net, &ipv6_hdr(skb)->daddr, &ipv6_hdr(skb)->saddr);
	st.left = skb->len - st.hlen;
	st.ptr = (unsigned int)(skb_network_header(skb) - skb->data) + st.hlen;
	while (st.left > 0) {
		struct sk_buff *frag = ip6_frag_next(net, skb, &st);

		if (!frag) {
			err = -ENOMEM;
			goto fail;
		}
		err = output(net, sk, frag);
		if (err)
			goto fail;
		__IP6_INC_STATS(net, IPSTATS6_MIB_FRAGCREATES);
	}
	__IP6_INC_STATS(net, IPSTATS6_MIB_FRAGOKS);
	consume_skb(skb);
	return 0;
fail_toobig:
	icmpv6_send(skb, ICMPV6_PKT_TOOBIG, 0, mtu);
	err = -EMSGSIZE;
fail:
	__IP6_INC_STATS(net, IPSTATS6_MIB_FRAGFAILS);
	kfree_skb_reason(skb, err == -EMSGSIZE ? SKB_DROP_REASON_PKT_TOO_BIG :
			 SKB_DROP_REASON_NOMEM);
	return err;
}

/* ip6_finish_output_gso(): a TSO packet whose segments fit goes whole (the
 * device or validate_xmit_skb() cuts it); otherwise cut here, and each
 * segment goes as any packet of that size would */
static int ip6_finish_output_gso(struct net *net, struct sock *sk, struct sk_buff *skb,
				 unsigned int mtu)
{
	struct sk_buff *segs;
	int ret = 0;

	if (skb_gso_validate_network_len(skb, mtu))
		return ip6_finish_output2(net, sk, skb);
	segs = skb_gso_segment(skb);
	if (!segs) {
		kfree_skb_reason(skb, SKB_DROP_REASON_SKB_GSO_SEG);
		return -ENOMEM;
	}
	consume_skb(skb);
	while (segs) {
		struct sk_buff *next = segs->next;
		int err;

		segs->next = NULL;
		err = segs->len > mtu ? ip6_fragment(net, sk, segs, ip6_finish_output2) :
		      ip6_finish_output2(net, sk, segs);
		if (err && !ret)
			ret = err;
		segs = next;
	}
	return ret;
}

static int ip6_finish_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	unsigned int mtu = ip6_dst_mtu(skb_dst(skb));

	if (skb_is_gso(skb))
		return ip6_finish_output_gso(net, sk, skb, mtu);
	if (skb->len > mtu ||
	    (IP6CB(skb)->frag_max_size && skb->len > IP6CB(skb)->frag_max_size))
		return ip6_fragment(net, sk, skb, ip6_finish_output2);
	return ip6_finish_output2(net, sk, skb);
}

int ip6_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct net_device *dev = skb_dst(skb)->dev;
	struct inet6_dev *idev = __in6_dev_get(dev);

	skb->dev = dev;
	skb->protocol = htons(ETH_P_IPV6);
	skb_trace(skb, "ip6_output");
	if (!idev || idev->cnf.data[DEVCONF_DISABLE_IPV6]) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_OUTDISCARDS);
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6DISABLED);
		return 0;
	}
	skb_trace(skb, "NF_INET_POST_ROUTING");
	return NF_HOOK(NFPROTO_IPV6, NF_INET_POST_ROUTING, net, sk, skb, NULL, dev,
		       ip6_finish_output);
}

/* ip6_autoflowlabel(): IPV6_AUTOFLOWLABEL when the socket set it, else
 * net.ipv6.auto_flowlabels (1 opt-out and 3 forced: on; 0 off, 2 opt-in) */
bool ip6_autoflowlabel(struct net *net, const struct sock *sk)
{
	int mode = net->ipv6.sysctl_auto_flowlabels;

	if (sk && sk->autoflowlabel_set)
		return sk->autoflowlabel;
	return mode == 1 || mode == 3;
}

/* ip6_make_flowlabel(): without a label of its own a packet gets one from
 * the hash of its flow (addresses, protocol, ports or ICMPv6 type and
 * code), so every packet of a flow carries the same label (RFC 6437).
 * Linux keys that hash with a secret drawn at boot (and TCP's with a
 * random sk_txhash); skbox keys it with the world's hashrnd, from the
 * seed, so a run prints the same labels each time.  Host order, 20 bits. */
static u32 ip6_make_flowlabel(struct net *net, const struct sk_buff *skb, u32 label,
			      bool autolabel, u8 proto, const struct in6_addr *saddr,
			      const struct in6_addr *daddr)
{
	int mode = net->ipv6.sysctl_auto_flowlabels;
	u32 rnd = net->world->hashrnd, ports = 0, hash, s[4], d[4];

	if (label || !(mode == 3 || (mode && autolabel)))
		return label;
	if ((proto == IPPROTO_TCP || proto == IPPROTO_UDP) && skb->len >= 4)
		memcpy(&ports, skb->data, 4);
	else if (proto == IPPROTO_ICMPV6 && skb->len >= 2)
		ports = (u32)skb->data[0] << 8 | skb->data[1];
	memcpy(s, saddr, sizeof(s));
	memcpy(d, daddr, sizeof(d));
	hash = jhash_3words(jhash2_4(s, rnd), jhash2_4(d, rnd), ports, rnd ^ proto);
	hash = hash << 16 | hash >> 16;	/* rol32(hash, 16): the better bits */
	label = hash & IPV6_FLOWLABEL_MASK_H;
	if (net->ipv6.sysctl_flowlabel_state_ranges)
		label |= 0x80000;	/* IPV6_FLOWLABEL_STATELESS_FLAG */
	return label;
}

/* __ip6_xmit(): the payload is at skb->data with headroom for the header
 * and the link layer; skb_dst is set.  The first 32 bits are
 * ip6_flow_hdr(): version 6, the traffic class, the flow label. */
static int __ip6_xmit(struct net *net, struct sk_buff *skb, const struct in6_addr *saddr,
		      const struct in6_addr *daddr, u8 proto, int hlimit, u8 tclass, u32 label)
{
	unsigned int plen = skb->len;
	struct ipv6hdr *hdr;

	skb_push(skb, sizeof(*hdr));
	skb_reset_network_header(skb);
	hdr = ipv6_hdr(skb);
	hdr->priority_version = (u8)(0x60 | tclass >> 4);
	hdr->flow_lbl[0] = (u8)(tclass << 4 | (label >> 16 & 0x0F));
	hdr->flow_lbl[1] = (u8)(label >> 8);
	hdr->flow_lbl[2] = (u8)label;
	hdr->payload_len = htons((u16)plen);
	hdr->nexthdr = proto;
	hdr->hop_limit = (u8)(hlimit >= 0 ? hlimit : ip6_dst_hoplimit(skb_dst(skb)));
	hdr->saddr = *saddr;
	hdr->daddr = *daddr;
	skb->protocol = htons(ETH_P_IPV6);
	if (!skb->dev)
		skb->dev = skb_dst(skb)->dev;
	__IP6_INC_STATS(net, IPSTATS6_MIB_OUTREQUESTS);
	skb_trace(skb, "ip6_xmit");
	skb_trace(skb, "NF_INET_LOCAL_OUT");
	return NF_HOOK(NFPROTO_IPV6, NF_INET_LOCAL_OUT, net, skb->sk, skb, NULL,
		       skb_dst(skb)->dev, dst_output);
}

/* ip6_xmit_flow(): a socket's packet (or the stack's own answers: echo
 * replies, errors, resets), with flowlabel (network order) or, when 0,
 * an automatic one */
int ip6_xmit_flow(struct net *net, struct sk_buff *skb, const struct in6_addr *saddr,
		  const struct in6_addr *daddr, u8 proto, int hlimit, u8 tclass, __be32 flowlabel)
{
	u32 label = ip6_make_flowlabel(net, skb, ntohl(flowlabel) & IPV6_FLOWLABEL_MASK_H,
				       ip6_autoflowlabel(net, skb->sk), proto, saddr, daddr);

	return __ip6_xmit(net, skb, saddr, daddr, proto, hlimit, tclass, label);
}

int ip6_xmit_tclass(struct net *net, struct sk_buff *skb, const struct in6_addr *saddr,
		    const struct in6_addr *daddr, u8 proto, int hlimit, u8 tclass)
{
	return ip6_xmit_flow(net, skb, saddr, daddr, proto, hlimit, tclass, 0);
}

/* ip6_xmit(): neighbour discovery, MLD and REJECT's answers, which Linux
 * builds with ip6_flow_hdr(hdr, 0, 0): class and label 0 */
int ip6_xmit(struct net *net, struct sk_buff *skb, const struct in6_addr *saddr,
	     const struct in6_addr *daddr, u8 proto, int hlimit)
{
	return __ip6_xmit(net, skb, saddr, daddr, proto, hlimit, 0, 0);
}

/* ---- forwarding ---- */

/* ip6_pkt_too_big(): a datagram nf_defrag_ipv6 reassembled is too big
 * when its largest fragment was. */
static bool ip6_pkt_too_big(const struct sk_buff *skb, unsigned int mtu)
{
	if (skb->len <= mtu)
		return false;
	if (IP6CB(skb)->frag_max_size && IP6CB(skb)->frag_max_size > mtu)
		return true;
	if (skb->ignore_df)
		return false;
	/* a TSO packet is too big when its segments are */
	return !skb_is_gso(skb) || !skb_gso_validate_network_len(skb, mtu);
}
static int ip6_forward_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	__IP6_INC_STATS(net, IPSTATS6_MIB_OUTFORWDATAGRAMS);
	return dst_output(net, sk, skb);
}

static bool ip6_forward_allowed(struct net *net, struct sk_buff *skb,
				enum skb_drop_reason *reason)
{
	const struct ipv6hdr *hdr = ipv6_hdr(skb);

	if (!net->ipv6.devconf_all.data[DEVCONF_FORWARDING]) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INADDRERRORS);
		skb_drop_hint(skb, "IPv6 forwarding is off (net.ipv6.conf.all.forwarding)");
		return false;
	}
	if (skb->pkt_type != PACKET_HOST) {
		*reason = SKB_DROP_REASON_OTHERHOST;
		return false;
	}
	/* link-local sources and destinations are not forwarded (RFC 4291) */
	if (ipv6_addr_linklocal(&hdr->saddr) || ipv6_addr_linklocal(&hdr->daddr) ||
	    ipv6_addr_is_multicast(&hdr->daddr)) {
		icmpv6_send(skb, 1 /* DEST_UNREACH */, 2 /* NOT_NEIGHBOUR (beyond scope) */, 0);
		__IP6_INC_STATS(net, IPSTATS6_MIB_INADDRERRORS);
		return false;
	}
	return true;
}

int ip6_forward(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;
	struct dst_entry *dst = skb_dst(skb);
	unsigned int mtu;

	skb_trace(skb, "ip6_forward");
	if (!ip6_forward_allowed(net, skb, &reason))
		goto drop;
	if (ipv6_hdr(skb)->hop_limit <= 1) {
		icmpv6_send(skb, 3 /* ICMPV6_TIME_EXCEED */, 0 /* HOPLIMIT */, 0);
		__IP6_INC_STATS(net, IPSTATS6_MIB_INHDRERRORS);
		skb_drop_hint(skb, "hop limit exceeded");
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_INHDR);
		return -ETIMEDOUT;
	}
	/* back out the device it came in on: tell the sender its better
	 * first hop, at most once a second per destination (burst of six) */
	if (skb->dev == dst->dev && !IP6CB(skb)->srcrt &&
	    ip6_peer_xrlim_allow(net, &ipv6_hdr(skb)->daddr, NSEC_PER_SEC))
		ndisc_send_redirect(skb, rt6_nexthop(skb_rt6_info(skb), &ipv6_hdr(skb)->daddr));
	mtu = ip6_dst_mtu(dst);
	if (ip6_pkt_too_big(skb, mtu)) {
		icmpv6_send(skb, 2 /* ICMPV6_PKT_TOOBIG */, 0, mtu);
		__IP6_INC_STATS(net, IPSTATS6_MIB_INTOOBIGERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_BIG);
		return -EMSGSIZE;
	}
	if (skb_cow(skb, dst->dev->hard_header_len + 16u))
		goto drop;
	ipv6_hdr(skb)->hop_limit--;
	skb_trace(skb, "NF_INET_FORWARD");
	return NF_HOOK(NFPROTO_IPV6, NF_INET_FORWARD, net, NULL, skb, skb->dev, dst->dev,
		       ip6_forward_finish);
drop:
	__IP6_INC_STATS(net, IPSTATS6_MIB_INDISCARDS);
	kfree_skb_reason(skb, reason);
	return -EINVAL;
}
