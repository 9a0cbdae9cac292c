/* IPv4 forwarding (net/ipv4/ip_forward.c): the input route of a packet for
 * another host.  TTL is checked before anything else (ICMP time exceeded),
 * then the path MTU (ICMP fragmentation needed when DF is set), then the
 * header is made private, TTL decremented, NF_INET_FORWARD, dst_output(). */
#include "linux/netdevice.h"
#include "linux/netfilter.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/trace.h"

static bool ip_exceeds_mtu(const struct sk_buff *skb, unsigned int mtu)
{
	if (skb->len <= mtu)
		return false;
	if (skb_is_gso(skb) && skb_gso_validate_network_len(skb, mtu))
		return false;
	if (!(ip_hdr(skb)->frag_off & htons(IP_DF)))
		return false;
	if (IPCB(skb)->frag_max_size > mtu)
		return true;
	if (skb->ignore_df)
		return false;
	return true;
}

static int ip_forward_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	__IP_INC_STATS(net, IPSTATS_MIB_OUTFORWDATAGRAMS);
	return dst_output(net, sk, skb);
}

int ip_forward(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;
	struct rtable *rt;
	unsigned int mtu;

	skb_trace(skb, "ip_forward");
	if (skb->pkt_type != PACKET_HOST) {
		reason = SKB_DROP_REASON_OTHERHOST;
		goto drop;
	}
	if (skb->sk)
		goto drop;
	if (ip_hdr(skb)->ttl <= 1)
		goto too_many_hops;
	rt = skb_rtable(skb);
	if (IPCB(skb)->opt.is_strictroute && rt->rt_uses_gateway) {
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_SR_FAILED, 0);
		goto drop;
	}
	IPCB(skb)->flags |= IPSKB_FORWARDED;
	mtu = ip_dst_mtu_maybe_forward(&rt->dst, true);
	if (ip_exceeds_mtu(skb, mtu)) {
		__IP_INC_STATS(net, IPSTATS_MIB_FRAGFAILS);
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(mtu));
		reason = SKB_DROP_REASON_PKT_TOO_BIG;
		goto drop;
	}
	if (skb_cow(skb, rt->dst.dev->hard_header_len + 16u))
		goto drop;
	ip_decrease_ttl(ip_hdr(skb));
	if ((IPCB(skb)->flags & IPSKB_DOREDIRECT) && !IPCB(skb)->opt.srr)
		ip_rt_send_redirect(skb);
	skb_trace(skb, "NF_INET_FORWARD");
	return NF_HOOK(NFPROTO_IPV4, NF_INET_FORWARD, net, NULL, skb, skb->dev,
		       rt->dst.dev, ip_forward_finish);
too_many_hops:
	__IP_INC_STATS(net, IPSTATS_MIB_INHDRERRORS);
	icmp_send(skb, ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, 0);
	reason = SKB_DROP_REASON_IP_INHDR;
drop:
	kfree_skb_reason(skb, reason);
	return 1;
}
