/* IPv6 receive (net/ipv6/ip6_input.c): ipv6_rcv() checks the header as
 * ip6_rcv_core() does (version, payload length, truncation, loopback and
 * multicast source), NF_INET_PRE_ROUTING, ip6_rcv_finish() routes the
 * packet (ip6_route_input) and hands it to dst->input: ip6_input() for us,
 * ip6_forward() to pass on, ip6_pkt_discard() when there is no route.
 * ip6_input() runs NF_INET_LOCAL_IN and ip6_input_finish() hands the
 * payload to the inet6_protos handlers: the extension headers' ones
 * (exthdrs.c, reassembly.c) return 1 and the loop goes on with the header
 * they name, until an upper-layer protocol (INET6_PROTO_FINAL: ICMPv6,
 * TCP, UDP) takes the packet.  The Hop-by-Hop header is parsed in
 * ip6_rcv_core(), before routing, as Linux does. */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "linux/netfilter.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/mld.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/tcp.h"
#include "net/udp.h"
#include "net/world.h"
#include "uapi/rtnetlink.h"

static const struct inet6_protocol icmpv6_protocol = {
	.handler = icmpv6_rcv,
	.err_handler = icmpv6_err,
	.flags = INET6_PROTO_NOPOLICY | INET6_PROTO_FINAL,
};

static const struct inet6_protocol tcpv6_protocol = {
	.handler = tcp_v6_rcv,
	.err_handler = tcp_v6_err,
	.flags = INET6_PROTO_NOPOLICY | INET6_PROTO_FINAL,
};

static const struct inet6_protocol udpv6_protocol = {
	.handler = udpv6_rcv,
	.err_handler = udpv6_err,
	.flags = INET6_PROTO_NOPOLICY | INET6_PROTO_FINAL,
};

static const struct inet6_protocol rthdr_protocol = {
	.handler = ipv6_rthdr_rcv,
	.flags = INET6_PROTO_NOPOLICY,
};

static const struct inet6_protocol destopt_protocol = {
	.handler = ipv6_destopt_rcv,
	.flags = INET6_PROTO_NOPOLICY,
};

static const struct inet6_protocol nodata_protocol = {
	.handler = ipv6_nodata_rcv,
	.flags = INET6_PROTO_NOPOLICY,
};

static const struct inet6_protocol frag_protocol = {
	.handler = ipv6_frag_rcv,
	.flags = INET6_PROTO_NOPOLICY,
};

/* inet6_protos: the handlers by next header (inet6_add_protocol); no
 * entry for Hop-by-Hop (0): anywhere but first it is unknown (RFC 8200 4.1) */
static const struct inet6_protocol *const inet6_protos[256] = {
	[IPPROTO_ICMPV6] = &icmpv6_protocol,
	[IPPROTO_TCP] = &tcpv6_protocol,
	[IPPROTO_UDP] = &udpv6_protocol,
	[NEXTHDR_ROUTING] = &rthdr_protocol,
	[NEXTHDR_DEST] = &destopt_protocol,
	[NEXTHDR_NONE] = &nodata_protocol,
	[NEXTHDR_FRAGMENT] = &frag_protocol,
};

const struct inet6_protocol *inet6_protocol(u8 nexthdr)
{
	return inet6_protos[nexthdr];
}

static void ip6_protocol_deliver_rcu(struct net *net, struct sk_buff *skb)
{
	const struct inet6_protocol *ipprot;
	unsigned int nhoff;
	u8 nexthdr;
	int ret;

resubmit:
	nhoff = IP6CB(skb)->nhoff;
	if (!skb_pull(skb, (unsigned int)(skb_transport_header(skb) - skb->data)))
		goto discard;
	nexthdr = skb_network_header(skb)[nhoff];
	ipprot = inet6_protocol(nexthdr);
	if (!ipprot) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INUNKNOWNPROTOS);
		skb_drop_hint(skb, "no handler for this IPv6 next header");
		icmpv6_send(skb, ICMPV6_PARAMPROB, ICMPV6_UNK_NEXTHDR, nhoff);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_NOPROTO);
		return;
	}
	if (ipprot->flags & INET6_PROTO_FINAL)
		__IP6_INC_STATS(net, IPSTATS6_MIB_INDELIVERS);
	ret = ipprot->handler(skb);
	if (ret > 0)
		goto resubmit;
	if (ret == 0 && !(ipprot->flags & INET6_PROTO_FINAL))
		__IP6_INC_STATS(net, IPSTATS6_MIB_INDELIVERS);
	return;
discard:
	__IP6_INC_STATS(net, IPSTATS6_MIB_INDISCARDS);
	kfree_skb(skb);
}

static int ip6_input_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)sk;
	skb_trace(skb, "ip6_input_finish");
	ip6_protocol_deliver_rcu(net, skb);
	return 0;
}

int ip6_input(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);

	skb_trace(skb, "ip6_input");
	if (skb_rt6_info(skb)->rt6i_type == RTN_MULTICAST) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INMCASTPKTS);
		/* ip6_mc_input(): only the groups the device is in (mcast.c) */
		if (!ipv6_chk_mcast_addr(skb->dev, &ipv6_hdr(skb)->daddr)) {
			skb_drop_hint(skb, "not a member of the IPv6 multicast group");
			kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
			return 0;
		}
	}
	return NF_HOOK(NFPROTO_IPV6, NF_INET_LOCAL_IN, net, NULL, skb, skb->dev, NULL,
		       ip6_input_finish);
}

static int ip6_rcv_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)net;
	(void)sk;
	if (!skb_dst(skb))
		ip6_route_input(skb);
	if (!skb_dst(skb)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return 0;
	}
	skb_trace_note(skb, "ip6_route_input",
		       skb_rt6_info(skb)->rt6i_type == RTN_LOCAL ? "local" :
		       skb_rt6_info(skb)->rt6i_type == RTN_MULTICAST ? "multicast" :
		       skb_rt6_info(skb)->rt6i_type == RTN_UNICAST ? "forward" : "unreachable");
	return dst_input(skb);
}

static bool ip6_rcv_addr_ok(struct net *net, struct sk_buff *skb, const struct ipv6hdr *hdr,
			    enum skb_drop_reason *reason)
{
	struct net_device *dev = skb->dev;

	/* RFC 4291 2.5.3: loopback must not come from the wire; 2.7: no
	 * multicast source */
	if (!(dev->flags & IFF_LOOPBACK) &&
	    (ipv6_addr_loopback(&hdr->saddr) || ipv6_addr_loopback(&hdr->daddr))) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INADDRERRORS);
		*reason = SKB_DROP_REASON_IP_INADDRERRORS;
		return false;
	}
	if (ipv6_addr_is_multicast(&hdr->saddr)) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INADDRERRORS);
		*reason = SKB_DROP_REASON_IP_INADDRERRORS;
		return false;
	}
	return true;
}

/* ip6_rcv_core(): returns the skb, or NULL when dropped */
static struct sk_buff *ip6_rcv_core(struct sk_buff *skb, struct net_device *dev, struct net *net)
{
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;
	struct inet6_dev *idev = __in6_dev_get(dev);
	const struct ipv6hdr *hdr;
	u32 pkt_len;

	if (skb->pkt_type == PACKET_OTHERHOST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_OTHERHOST);
		return NULL;
	}
	__IP6_INC_STATS(net, IPSTATS6_MIB_INRECEIVES);
	__IP6_ADD_STATS(net, IPSTATS6_MIB_INOCTETS, skb->len);
	if (!idev || idev->cnf.data[DEVCONF_DISABLE_IPV6]) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INDISCARDS);
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6DISABLED);
		return NULL;
	}
	memset(IP6CB(skb), 0, sizeof(struct inet6_skb_parm));
	IP6CB(skb)->iif = skb->skb_iif;
	if (!pskb_may_pull(skb, sizeof(*hdr)))
		goto err;
	hdr = ipv6_hdr(skb);
	if (ipv6_version(hdr) != 6)
		goto err;
	if (!ip6_rcv_addr_ok(net, skb, hdr, &reason))
		goto drop;
	pkt_len = ntohs(hdr->payload_len);
	if (pkt_len + sizeof(*hdr) > skb->len) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INTRUNCATEDPKTS);
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return NULL;
	}
	pskb_trim_rcsum(skb, pkt_len + sizeof(*hdr));
	skb->transport_header = (u16)(skb->network_header + sizeof(*hdr));
	IP6CB(skb)->nhoff = offsetof(struct ipv6hdr, nexthdr);
	skb_orphan(skb);
	if (hdr->nexthdr == NEXTHDR_HOP && ipv6_parse_hopopts(skb) < 0) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INHDRERRORS);
		return NULL;
	}
	return skb;
err:
	__IP6_INC_STATS(net, IPSTATS6_MIB_INHDRERRORS);
	reason = SKB_DROP_REASON_IP_INHDR;
drop:
	kfree_skb_reason(skb, reason);
	return NULL;
}

int ipv6_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
	     struct net_device *orig_dev)
{
	struct net *net = dev_net(dev);

	(void)pt;
	(void)orig_dev;
	skb_trace(skb, "ipv6_rcv");
	skb = ip6_rcv_core(skb, dev, net);
	if (!skb)
		return 1;
	skb_trace(skb, "NF_INET_PRE_ROUTING");
	return NF_HOOK(NFPROTO_IPV6, NF_INET_PRE_ROUTING, net, NULL, skb, dev, NULL,
		       ip6_rcv_finish);
}
