/* Bridge transmit and forwarding (net/bridge/br_forward.c, br_device.c):
 * sending a frame out of one port, flooding it to all ports but the one it
 * came in on (unless hairpin mode is on), and br_dev_xmit() for frames the
 * host itself sends through the bridge device. */
#include "linux/netfilter.h"
#include "net/bridge.h"
#include "net/ethernet.h"
#include "net/net_namespace.h"
#include "net/trace.h"

int br_pass_frame_up(struct sk_buff *skb);

/* should_deliver(): forwarding port, and not back out the ingress port
 * unless hairpin mode is on. */
static bool should_deliver(const struct net_bridge_port *p, const struct sk_buff *skb,
			   const struct net_device *indev)
{
	(void)skb;
	if (p->state != BR_STATE_FORWARDING)
		return false;
	if (indev && p->dev == indev && !(p->flags & BR_HAIRPIN_MODE))
		return false;
	return true;
}

/* br_dev_queue_push_xmit(): the frame leaves on the port's device
 * (skb->dev), after the bridge POST_ROUTING hook. */
int br_dev_queue_push_xmit(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)net;
	(void)sk;
	if (skb->len > skb->dev->mtu && !skb_is_gso(skb)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_BIG);
		return 0;
	}
	skb_push(skb, ETH_HLEN);
	dev_queue_xmit(skb);
	return 0;
}

int br_forward_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	return NF_HOOK(NFPROTO_BRIDGE, NF_BR_POST_ROUTING, net, sk, skb, NULL, skb->dev,
		       br_dev_queue_push_xmit);
}

/* The bridge FORWARD hook for frames that came in on a port, LOCAL_OUT for
 * frames the bridge device itself sends. */
static void __br_forward(const struct net_bridge_port *to, struct sk_buff *skb,
			 bool local_orig)
{
	struct net_device *indev = skb->dev;
	struct net *net = dev_net(to->dev);

	skb_trace_note(skb, "br_forward", to->dev->name);
	skb->dev = to->dev;
	if (local_orig) {
		NF_HOOK(NFPROTO_BRIDGE, NF_BR_LOCAL_OUT, net, NULL, skb, NULL, skb->dev,
			br_forward_finish);
		return;
	}
	NF_HOOK(NFPROTO_BRIDGE, NF_BR_FORWARD, net, NULL, skb, indev, skb->dev,
		br_forward_finish);
}

void br_forward(const struct net_bridge_port *to, struct sk_buff *skb, bool local_rcv,
		bool local_orig)
{
	struct net_device *indev = local_orig ? NULL : skb->dev;

	if (!to || !should_deliver(to, skb, indev)) {
		if (local_rcv)
			br_pass_frame_up(skb);
		else
			kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
		return;
	}
	if (local_rcv) {
		struct sk_buff *c = skb_clone(skb);

		if (c)
			__br_forward(to, c, local_orig);
		br_pass_frame_up(skb);
		return;
	}
	__br_forward(to, skb, local_orig);
}

/* br_flood(): one copy to every port that should get it; the original
 * goes up the stack when local_rcv, else to the last port. */
void br_flood(struct net_bridge *br, struct sk_buff *skb, bool bcast, bool local_rcv,
	      bool local_orig)
{
	struct net_device *indev = local_orig ? NULL : skb->dev;
	struct net_bridge_port *p, *prev = NULL;
	u32 flag = bcast ? BR_BCAST_FLOOD : BR_FLOOD;

	if (!bcast && is_multicast_ether_addr(eth_hdr(skb)->h_dest))
		flag = BR_MCAST_FLOOD;
	list_for_each_entry(p, &br->port_list, list) {
		if (!(p->flags & flag) || !should_deliver(p, skb, indev))
			continue;
		if (prev) {
			struct sk_buff *c = skb_clone(skb);

			if (c)
				__br_forward(prev, c, local_orig);
		}
		prev = p;
	}
	if (local_rcv) {
		if (prev) {
			struct sk_buff *c = skb_clone(skb);

			if (c)
				__br_forward(prev, c, local_orig);
		}
		br_pass_frame_up(skb);
		return;
	}
	if (prev)
		__br_forward(prev, skb, local_orig);
	else
		consume_skb(skb);
}

netdev_tx_t br_dev_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct net_bridge *br = netdev_priv(dev);
	const u8 *dest;
	struct net_bridge_fdb_entry *dst;

	skb_trace(skb, "br_dev_xmit");
	if (br_nf_bridged_dnat(skb))
		return NETDEV_TX_OK;
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += skb->len;
	skb_reset_mac_header(skb);
	dest = eth_hdr(skb)->h_dest;
	skb_pull(skb, ETH_HLEN);
	if (is_multicast_ether_addr(dest)) {
		br_flood(br, skb, is_broadcast_ether_addr(dest), false, true);
		return NETDEV_TX_OK;
	}
	dst = br_fdb_find(br, dest, 0);
	if (dst && dst->dst)
		br_forward(dst->dst, skb, false, true);
	else if (dst)
		kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
	else
		br_flood(br, skb, false, false, true);
	return NETDEV_TX_OK;
}
