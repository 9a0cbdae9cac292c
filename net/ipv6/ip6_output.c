/* IPv6 transmit and forwarding (net/ipv6/ip6_output.c): ip6_xmit() builds
 * the header and runs NF_INET_LOCAL_OUT, dst_output() → ip6_output() runs
 * NF_INET_POST_ROUTING, ip6_finish_output() checks the MTU (IPv6 routers
 * never fragment: "packet too big" instead), ip6_finish_output2() hands the
 * packet to the next hop's neighbour in nd_tbl (multicast maps straight to
 * 33:33:xx:xx:xx:xx).  ip6_forward() checks forwarding, the hop limit
 * (ICMPv6 time exceeded) and the MTU, decrements the hop limit and runs
 * NF_INET_FORWARD.  Fragmentation of local packets is not modelled. */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "linux/netfilter.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/ndisc.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/world.h"

int ip6_dst_hoplimit(const struct net *net)
{
	return net->ipv6.devconf_all.data[DEVCONF_HOP_LIMIT];
}

unsigned int ip6_dst_mtu(const struct dst_entry *dst)
{
	unsigned int mtu = dst->mtu ? dst->mtu : dst->dev->mtu;

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

static int ip6_finish_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	unsigned int mtu = ip6_dst_mtu(skb_dst(skb));

	if (skb->len > mtu && !skb_is_gso(skb)) {
		/* a local sender learns it from the error queue in Linux; the
		 * packet itself is dropped as too big */
		__IP6_INC_STATS(net, IPSTATS6_MIB_OUTDISCARDS);
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_BIG);
		return -EMSGSIZE;
	}
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

/* ip6_xmit(): the payload is at skb->data with headroom for the header
 * and the link layer; skb_dst is set. */
int ip6_xmit(struct net *net, struct sk_buff *skb, const struct in6_addr *saddr,
	     const struct in6_addr *daddr, u8 proto, int hlimit)
{
	unsigned int plen = skb->len;
	struct ipv6hdr *hdr;

	skb_push(skb, sizeof(*hdr));
	skb_reset_network_header(skb);
	hdr = ipv6_hdr(skb);
	memset(hdr, 0, 4);
	hdr->priority_version = 0x60;
	hdr->payload_len = htons((u16)plen);
	hdr->nexthdr = proto;
	hdr->hop_limit = (u8)(hlimit >= 0 ? hlimit : ip6_dst_hoplimit(net));
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

/* ---- forwarding ---- */
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
	mtu = ip6_dst_mtu(dst);
	if (skb->len > mtu && !skb_is_gso(skb)) {
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
