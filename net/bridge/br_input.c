/* Bridge receive (net/bridge/br_input.c): br_handle_frame() is the
 * rx_handler of every port.  It learns the source MAC, then delivers the
 * frame up the bridge device (br_pass_frame_up), forwards it to one port,
 * or floods it. */
#include "linux/netfilter.h"
#include "net/bridge.h"
#include "net/ethernet.h"
#include "net/net_namespace.h"
#include "net/trace.h"

void br_fdb_update(struct net_bridge *br, struct net_bridge_port *p, const u8 *addr);
void br_forward(const struct net_bridge_port *to, struct sk_buff *skb, bool local_rcv,
		bool local_orig);
void br_flood(struct net_bridge *br, struct sk_buff *skb, bool bcast, bool local_rcv,
	      bool local_orig);

static int br_netif_receive_skb(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)net;
	(void)sk;
	return netif_receive_skb(skb);
}

/* The frame goes up the stack as if received on the bridge device, after
 * the bridge LOCAL_IN hook. */
int br_pass_frame_up(struct sk_buff *skb)
{
	struct net_device *indev = skb->dev;
	struct net_device *brdev = ((struct net_bridge_port *)indev->rx_handler_data)->br->dev;

	skb_trace(skb, "br_pass_frame_up");
	brdev->stats.rx_packets++;
	brdev->stats.rx_bytes += skb->len;
	if (skb->pkt_type == PACKET_MULTICAST || skb->pkt_type == PACKET_BROADCAST)
		brdev->stats.multicast++;
	skb->dev = brdev;
	return NF_HOOK(NFPROTO_BRIDGE, NF_BR_LOCAL_IN, dev_net(indev), NULL, skb, indev, NULL,
		       br_netif_receive_skb);
}

/* After the bridge PRE_ROUTING hook: learn, then deliver, forward or flood
 * (skb->dev is the ingress port). */
int br_handle_frame_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct net_bridge_port *p = br_port_get_rtnl(skb->dev);
	struct net_bridge *br;
	const u8 *dest = eth_hdr(skb)->h_dest;
	struct net_bridge_fdb_entry *dst;
	bool local_rcv = false;

	(void)net;
	(void)sk;
	if (!p) {
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_READY);
		return 0;
	}
	br = p->br;
	if (p->state == BR_STATE_DISABLED || p->state == BR_STATE_BLOCKING) {
		kfree_skb_reason(skb, SKB_DROP_REASON_BRIDGE_INGRESS_STP_STATE);
		return 0;
	}
	if (p->flags & BR_LEARNING)
		br_fdb_update(br, p, eth_hdr(skb)->h_source);
	if (p->state == BR_STATE_LEARNING) {
		kfree_skb_reason(skb, SKB_DROP_REASON_BRIDGE_INGRESS_STP_STATE);
		return 0;
	}
	if (br->dev->flags & IFF_PROMISC)
		local_rcv = true;
	if (is_multicast_ether_addr(dest)) {
		br_flood(br, skb, is_broadcast_ether_addr(dest), true, false);
		return 0;
	}
	dst = br_fdb_find(br, dest, 0);
	if (dst && dst->is_local) {
		br_pass_frame_up(skb);
		return 0;
	}
	if (dst) {
		dst->used = dev_net(br->dev)->world->now;
		br_forward(dst->dst, skb, local_rcv, false);
		return 0;
	}
	br_flood(br, skb, false, local_rcv, false);
	return 0;
}

rx_handler_result_t br_handle_frame(struct sk_buff **pskb)
{
	struct sk_buff *skb = *pskb;
	struct net_bridge_port *p = skb->dev->rx_handler_data;
	const u8 *dest = eth_hdr(skb)->h_dest;

	if (skb->pkt_type == PACKET_LOOPBACK)
		return RX_HANDLER_PASS;
	skb_trace(skb, "br_handle_frame");
	if (!is_valid_ether_addr(eth_hdr(skb)->h_source)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_MAC_INVALID_SOURCE);
		return RX_HANDLER_CONSUMED;
	}
	/* 01:80:c2:00:00:0X is link-local: never forwarded, handed to the port */
	if (is_link_local_ether_addr(dest))
		return RX_HANDLER_PASS;
	if (ether_addr_equal(p->br->dev->dev_addr, dest))
		skb->pkt_type = PACKET_HOST;
	NF_HOOK(NFPROTO_BRIDGE, NF_BR_PRE_ROUTING, dev_net(skb->dev), NULL, skb, skb->dev, NULL,
		br_handle_frame_finish);
	return RX_HANDLER_CONSUMED;
}
