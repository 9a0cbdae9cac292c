/* The receive half of net/core/dev.c: netif_rx() queues into the
 * namespace's backlog (bounded by net.core.netdev_max_backlog), the softirq
 * net_rx_action() polls it with a budget, and __netif_receive_skb_core()
 * hands each frame to the taps, the rx_handler (bridge) and the protocol
 * handlers registered with dev_add_pack(). */
#include <errno.h>
#include "linux/netdevice.h"
#include "net/gro.h"
#include "net/pkt_cls.h"
#include "net/sch_generic.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "net/trace.h"

void dev_add_pack(struct net *net, struct packet_type *pt)
{
	if (pt->type == htons(ETH_P_ALL))
		list_add_tail(&pt->list, &net->ptype_all);
	else
		list_add_tail(&pt->list, &net->ptype_base);
}

void dev_remove_pack(struct net *net, struct packet_type *pt)
{
	(void)net;
	list_del(&pt->list);
}

static void napi_schedule(struct world *w, struct napi_struct *napi)
{
	if (napi->scheduled)
		return;
	napi->scheduled = true;
	list_add_tail(&napi->poll_list, &w->napi_poll_list);
}

/* enqueue_to_backlog() */
int netif_rx(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	struct softnet_data *sd = &net->softnet;
	/* net.core.netdev_max_backlog is global (the initial namespace's) */
	const struct net *knet = net->world->init_net ? net->world->init_net : net;

	if ((int)skb_queue_len(&sd->input_pkt_queue) >= knet->core.sysctl_netdev_max_backlog) {
		sd->dropped++;
		skb->dev->rx_dropped_core++;
		skb_drop_hint(skb, "receive backlog full (net.core.netdev_max_backlog)");
		kfree_skb_reason(skb, SKB_DROP_REASON_CPU_BACKLOG);
		return 1; /* NET_RX_DROP */
	}
	skb_trace(skb, "netif_rx");
	__skb_queue_tail(&sd->input_pkt_queue, skb);
	napi_schedule(net->world, &sd->backlog);
	return 0;
}

static int deliver_skb(struct sk_buff *skb, struct packet_type *pt,
		       struct net_device *orig_dev)
{
	return pt->func(skb, skb->dev, pt, orig_dev);
}

/* Copies for the taps (tcpdump): each gets its own clone. */
static void deliver_ptype_all(struct sk_buff *skb, struct list_head *list,
			      struct net_device *orig_dev)
{
	struct packet_type *pt;

	list_for_each_entry(pt, list, list) {
		struct sk_buff *c;

		if (pt->dev && pt->dev != skb->dev)
			continue;
		c = skb_clone(skb);
		if (c)
			deliver_skb(c, pt, orig_dev);
	}
}

static int deliver_ptype_base(struct sk_buff *skb, struct net_device *orig_dev)
{
	struct net *net = dev_net(skb->dev);
	struct packet_type *pt, *found = NULL;

	list_for_each_entry(pt, &net->ptype_base, list) {
		if (pt->type != skb->protocol)
			continue;
		if (pt->dev && pt->dev != skb->dev && pt->dev != orig_dev)
			continue;
		found = pt;
		break;
	}
	if (found)
		return deliver_skb(skb, found, orig_dev);
	skb->dev->rx_nohandler_core++;
	kfree_skb_reason(skb, SKB_DROP_REASON_UNHANDLED_PROTO);
	return 1;
}

/* sch_handle_ingress(): the ingress (or clsact) qdisc's filters, after the
 * taps and before the bridge and the protocols; NULL when they took the
 * packet (dropped, stolen or redirected). */
static struct sk_buff *sch_handle_ingress(struct sk_buff *skb)
{
	struct Qdisc *q = skb->dev->ingress_qdisc;
	struct tcf_block *b = dev_ingress_block(skb->dev);
	struct tcf_result res = { 0 };

	if (!b || !b->chain0)
		return skb;
	q->bytes += skb->len;
	q->packets++;
	skb->tc_at_ingress = 1;
	skb_trace_note(skb, "tcf_classify", "ingress");
	return tcf_verdict(skb, q, tcf_classify(skb, b, &res), &res, SKB_DROP_REASON_TC_INGRESS,
			   "a tc filter's verdict: drop (tc -s filter show dev DEV ingress)");
}

int __netif_receive_skb_core(struct sk_buff *skb)
{
	struct net_device *orig_dev = skb->dev;

	skb_reset_network_header(skb);
	skb_reset_transport_header(skb);
	skb->mac_len = (u16)(skb->network_header - skb->mac_header);
	skb->skb_iif = skb->dev->ifindex;
	skb_trace(skb, "__netif_receive_skb_core");
another_round:
	deliver_ptype_all(skb, &dev_net(skb->dev)->ptype_all, orig_dev);
	if (skb->dev->ingress_qdisc && !(skb = sch_handle_ingress(skb)))
		return 0;
	if (skb->dev->rx_handler) {
		switch (skb->dev->rx_handler(&skb)) {
		case RX_HANDLER_CONSUMED:
			return 0;
		case RX_HANDLER_ANOTHER:
			goto another_round;
		case RX_HANDLER_EXACT:
		case RX_HANDLER_PASS:
			break;
		}
	}
	return deliver_ptype_base(skb, orig_dev);
}

int netif_receive_skb(struct sk_buff *skb)
{
	skb_trace(skb, "netif_receive_skb");
	return __netif_receive_skb_core(skb);
}

/* process_backlog(): the backlog's NAPI poll.  It stands in for the poll
 * of the driver that received the frame (veth's, tun's), so frames of a
 * device with GRO on go through napi_gro_receive() and what GRO holds is
 * flushed when the poll ends. */
static int process_backlog(struct napi_struct *napi, int quota)
{
	struct softnet_data *sd = &napi->net->softnet;
	int work = 0;

	while (work < quota) {
		struct sk_buff *skb = __skb_dequeue(&sd->input_pkt_queue);

		if (!skb)
			break;
		sd->processed++;
		if (netif_elide_gro(skb))
			__netif_receive_skb_core(skb);
		else
			napi_gro_receive(napi, skb);
		work++;
	}
	if (napi->gro_list)
		napi_gro_flush(napi);
	return work;
}

void backlog_napi_init(struct net *net)
{
	struct softnet_data *sd = &net->softnet;

	skb_queue_head_init(&sd->input_pkt_queue);
	INIT_LIST_HEAD(&sd->backlog.poll_list);
	sd->backlog.poll = process_backlog;
	sd->backlog.net = net;
	sd->backlog.scheduled = false;
}

void backlog_napi_exit(struct net *net)
{
	struct softnet_data *sd = &net->softnet;

	if (sd->backlog.scheduled) {
		list_del(&sd->backlog.poll_list);
		sd->backlog.scheduled = false;
	}
	skb_queue_purge_reason(&sd->input_pkt_queue, SKB_DROP_REASON_DEV_READY);
}

/* Frames queued for a device that goes away are dropped (flush_backlog). */
void dev_flush_backlog(struct net_device *dev)
{
	struct softnet_data *sd = &dev_net(dev)->softnet;
	struct sk_buff *skb, *tmp;

	skb_queue_walk_safe(&sd->input_pkt_queue, skb, tmp) {
		if (skb->dev != dev)
			continue;
		__skb_unlink(skb, &sd->input_pkt_queue);
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_READY);
	}
}

/* net_rx_action(): one round over the scheduled backlogs, each polled with
 * its weight (dev_weight, 64), within netdev_budget for the round. */
void net_rx_action_world(struct world *w)
{
	struct list_head list;
	int budget = 300;

	INIT_LIST_HEAD(&list);
	while (!list_empty(&w->napi_poll_list))
		list_move_tail(w->napi_poll_list.next, &list);
	while (!list_empty(&list)) {
		struct napi_struct *napi = list_first_entry(&list, struct napi_struct, poll_list);
		/* net.core.dev_weight is global too */
		int weight = (w->init_net ? w->init_net : napi->net)->core.sysctl_dev_weight;
		int work;

		list_del(&napi->poll_list);
		napi->scheduled = false;
		work = napi->poll(napi, weight);
		budget -= work;
		if (work >= weight || !skb_queue_empty(&napi->net->softnet.input_pkt_queue)) {
			if (budget <= 0)
				napi->net->softnet.time_squeeze++;
			napi_schedule(w, napi);
		}
	}
}

void net_rx_action(struct net *net)
{
	net_rx_action_world(net->world);
}
