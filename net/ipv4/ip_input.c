/* IPv4 receive (net/ipv4/ip_input.c): ip_rcv() checks the header as the
 * kernel does (version, length, checksum, truncation), NF_INET_PRE_ROUTING,
 * ip_rcv_finish() routes the packet (ip_route_input_noref) and hands it to
 * dst->input: ip_local_deliver() for us, ip_forward() to pass on, ip_error()
 * when there is no route.  ip_local_deliver() reassembles, runs
 * NF_INET_LOCAL_IN and demuxes to raw sockets and the L4 handler registered
 * with inet_add_protocol(). */
#include <errno.h>
#include <string.h>
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "linux/netfilter.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/sock.h"
#include "net/world.h"
#include "net/trace.h"

void ip_protocol_deliver_rcu(struct net *net, struct sk_buff *skb, int protocol)
{
	const struct net_protocol *ipprot;
	int raw, ret;

resubmit:
	raw = raw_local_deliver(skb, protocol);
	ipprot = net->world->inet_protos[protocol];
	if (ipprot && ipprot->present && !ipprot->present(net))
		ipprot = NULL;
	if (ipprot) {
		ret = ipprot->handler(skb);
		if (ret < 0) {
			protocol = -ret;
			goto resubmit;
		}
		__IP_INC_STATS(net, IPSTATS_MIB_INDELIVERS);
		return;
	}
	if (!raw) {
		__IP_INC_STATS(net, IPSTATS_MIB_INUNKNOWNPROTOS);
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PROT_UNREACH, 0);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_NOPROTO);
	} else {
		__IP_INC_STATS(net, IPSTATS_MIB_INDELIVERS);
		consume_skb(skb);
	}
}

static int ip_local_deliver_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)sk;
	skb_pull(skb, skb_network_header_len(skb));
	ip_protocol_deliver_rcu(net, skb, ip_hdr(skb)->protocol);
	return 0;
}

int ip_local_deliver(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);

	skb_trace(skb, "ip_local_deliver");
	if (ip_is_fragment(ip_hdr(skb))) {
		if (ip_defrag(net, skb, 0 /* IP_DEFRAG_LOCAL_DELIVER */))
			return 0;
	}
	skb_trace(skb, "NF_INET_LOCAL_IN");
	return NF_HOOK(NFPROTO_IPV4, NF_INET_LOCAL_IN, net, NULL, skb, skb->dev, NULL,
		       ip_local_deliver_finish);
}

static int ip_rcv_finish_core(struct net *net, struct sk_buff *skb, struct net_device *dev)
{
	const struct iphdr *iph = ip_hdr(skb);
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;
	struct rtable *rt;
	int err;

	if (!skb_dst(skb)) {
		err = ip_route_input_noref(skb, iph->daddr, iph->saddr, iph->tos, dev, &reason);
		if (err) {
			if (err == -EXDEV) {
				skb_drop_hint(skb, "reverse path check failed (net.ipv4.conf.{all,DEV}.rp_filter)");
				reason = SKB_DROP_REASON_IP_RPFILTER;
				__NET_INC_STATS(net, LINUX_MIB_IPRPFILTER);
			}
			kfree_skb_reason(skb, reason);
			return -1;
		}
	}
	rt = skb_rtable(skb);
	if (skb_tracing(skb))
		skb_trace_route(skb, "ip_route_input_noref", rt);
	if (rt->rt_type == RTN_MULTICAST) {
		__IP_INC_STATS(net, IPSTATS_MIB_INMCASTPKTS);
		__IP_ADD_STATS(net, IPSTATS_MIB_INMCASTOCTETS, skb->len);
	} else if (rt->rt_type == RTN_BROADCAST) {
		__IP_INC_STATS(net, IPSTATS_MIB_INBCASTPKTS);
		__IP_ADD_STATS(net, IPSTATS_MIB_INBCASTOCTETS, skb->len);
	} else if (skb->pkt_type == PACKET_BROADCAST || skb->pkt_type == PACKET_MULTICAST) {
		struct in_device *in_dev = __in_dev_get_rtnl(dev);

		if (in_dev && IN_DEV_ORCONF(in_dev, DROP_UNICAST_IN_L2_MULTICAST)) {
			kfree_skb_reason(skb, SKB_DROP_REASON_UNICAST_IN_L2_MULTICAST);
			return -1;
		}
	}
	return 0;
}

static int ip_rcv_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)sk;
	if (ip_rcv_finish_core(net, skb, skb->dev))
		return 0;
	return dst_input(skb);
}

/* ip_rcv_core(): the header checks.  Returns the skb, or NULL when dropped. */
static struct sk_buff *ip_rcv_core(struct sk_buff *skb, struct net *net)
{
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;
	const struct iphdr *iph;
	unsigned int len;

	if (skb->pkt_type == PACKET_OTHERHOST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_OTHERHOST);
		return NULL;
	}
	__IP_INC_STATS(net, IPSTATS_MIB_INRECEIVES);
	__IP_ADD_STATS(net, IPSTATS_MIB_INOCTETS, skb->len);
	if (!pskb_may_pull(skb, sizeof(struct iphdr)))
		goto inhdr_error;
	iph = ip_hdr(skb);
	if (iph->ihl < 5 || iph->version != 4)
		goto inhdr_error;
	__IP_INC_STATS(net, IPSTATS_MIB_NOECTPKTS + (iph->tos & 3));	/* INET_ECN_MASK */
	if (!pskb_may_pull(skb, iph->ihl * 4u))
		goto inhdr_error;
	iph = ip_hdr(skb);
	if (ip_fast_csum(iph, iph->ihl)) {
		reason = SKB_DROP_REASON_IP_CSUM;
		__IP_INC_STATS(net, IPSTATS_MIB_CSUMERRORS);
		goto inhdr_error;
	}
	len = ntohs(iph->tot_len);
	if (skb->len < len) {
		__IP_INC_STATS(net, IPSTATS_MIB_INTRUNCATEDPKTS);
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return NULL;
	}
	if (len < iph->ihl * 4u)
		goto inhdr_error;
	pskb_trim_rcsum(skb, len);
	skb->transport_header = (u16)(skb->network_header + iph->ihl * 4u);
	memset(IPCB(skb), 0, sizeof(struct inet_skb_parm));
	IPCB(skb)->iif = skb->skb_iif;
	skb_orphan(skb);
	return skb;
inhdr_error:
	if (reason == SKB_DROP_REASON_NOT_SPECIFIED)
		reason = SKB_DROP_REASON_IP_INHDR;
	__IP_INC_STATS(net, IPSTATS_MIB_INHDRERRORS);
	kfree_skb_reason(skb, reason);
	return NULL;
}

int ip_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
	   struct net_device *orig_dev)
{
	struct net *net = dev_net(dev);

	(void)pt;
	(void)orig_dev;
	skb_trace(skb, "ip_rcv");
	skb = ip_rcv_core(skb, net);
	if (!skb)
		return 1;
	skb_trace(skb, "NF_INET_PRE_ROUTING");
	return NF_HOOK(NFPROTO_IPV4, NF_INET_PRE_ROUTING, net, NULL, skb, dev, NULL,
		       ip_rcv_finish);
}
