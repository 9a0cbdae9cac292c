/* The transmit half of net/core/dev.c: dev_queue_xmit() → the device's
 * qdisc (none for veth, bridge and lo, which are IFF_NO_QUEUE: "qdisc
 * noqueue") → dev_hard_start_xmit(), which copies to the taps and calls the
 * driver's ndo_start_xmit(). */
#include <errno.h>
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "net/sch_generic.h"
#include "net/pkt_cls.h"
#include "net/trace.h"

static int xmit_one(struct sk_buff *skb, struct net_device *dev)
{
	struct net *net = dev_net(dev);
	struct packet_type *pt;

	skb_trace(skb, "dev_hard_start_xmit");
	list_for_each_entry(pt, &net->ptype_all, list) {
		struct sk_buff *c;

		if (pt->dev && pt->dev != dev)
			continue;
		c = skb_clone(skb);
		if (!c)
			continue;
		c->pkt_type = PACKET_OUTGOING;
		skb_reset_mac_header(c);
		pt->func(c, dev, pt, dev);
	}
	return dev->netdev_ops->ndo_start_xmit(skb, dev);
}

/* validate_xmit_skb() first: a device without TSO or checksum offload
 * gets real segments and checksums, and so do its taps. */
int dev_hard_start_xmit(struct sk_buff *skb, struct net_device *dev)
{
	int rc = NETDEV_TX_OK;

	skb->next = NULL;
	skb = validate_xmit_skb(skb, dev);
	while (skb) {
		struct sk_buff *next = skb->next;

		skb->next = NULL;
		rc = xmit_one(skb, dev);
		skb = next;
	}
	return rc;
}

/* sch_handle_egress(): clsact's egress filters, before the root qdisc;
 * NULL when they took the packet (*rc: what dev_queue_xmit() returns). */
static struct sk_buff *sch_handle_egress(struct sk_buff *skb, int *rc, struct net_device *dev)
{
	struct Qdisc *q = dev->ingress_qdisc;
	struct tcf_block *b = dev_egress_block(dev);
	struct tcf_result res = { 0 };
	int act;

	if (!b || !b->chain0)
		return skb;
	q->bytes += skb->len;
	q->packets++;
	skb->tc_at_ingress = 0;
	skb_trace_note(skb, "tcf_classify", "egress");
	act = tcf_classify(skb, b, &res);
	*rc = act == TC_ACT_SHOT ? -ENOBUFS : 0;	/* NET_XMIT_DROP */
	return tcf_verdict(skb, q, act, &res, SKB_DROP_REASON_TC_EGRESS,
			   "a tc filter's verdict: drop (tc -s filter show dev DEV egress)");
}

int dev_queue_xmit(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	int rc;

	skb_reset_mac_header(skb);
	if (dev->ingress_qdisc && !(skb = sch_handle_egress(skb, &rc, dev)))
		return rc;
	if (!(dev->flags & IFF_UP)) {
		/* a down device has the noop qdisc: it drops and answers
		 * NET_XMIT_CN, which senders do not see as an error */
		dev->tx_dropped_core++;
		skb_drop_hint(skb, "the device is down (ip link set DEV up)");
		kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
		return 0;
	}
	if (dev->qdisc && dev->qdisc->ops->enqueue)
		return dev_qdisc_xmit(skb, dev);
	skb_trace(skb, "dev_queue_xmit");
	return dev_hard_start_xmit(skb, dev) == NETDEV_TX_OK ? 0 : -ENOBUFS;
}

/* Packets to ourselves through lo go back up as if received. */
int dev_loopback_xmit(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)net;
	(void)sk;
	skb_reset_mac_header(skb);
	skb->pkt_type = PACKET_LOOPBACK;
	return netif_rx(skb);
}
