/* pfifo and bfifo (net/sched/sch_fifo.c): first in, first out, with a
 * limit in packets (pfifo; default the device's txqueuelen) or in bytes
 * (bfifo; default txqueuelen × MTU).  Over the limit a packet is dropped and
 * counted. */
#include "linux/netdevice.h"
#include "net/sch_generic.h"

static int pfifo_enqueue(struct sk_buff *skb, struct Qdisc *q)
{
	if (skb_queue_len(&q->q) >= q->limit)
		return qdisc_drop(skb, q);
	q->backlog += skb->len;
	__skb_queue_tail(&q->q, skb);
	return NET_XMIT_SUCCESS;
}

static int bfifo_enqueue(struct sk_buff *skb, struct Qdisc *q)
{
	if (q->backlog + skb->len > q->limit)
		return qdisc_drop(skb, q);
	q->backlog += skb->len;
	__skb_queue_tail(&q->q, skb);
	return NET_XMIT_SUCCESS;
}

static struct sk_buff *fifo_dequeue(struct Qdisc *q)
{
	struct sk_buff *skb = __skb_dequeue(&q->q);

	if (skb)
		q->backlog -= skb->len;
	return skb;
}

static void fifo_reset(struct Qdisc *q)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(&q->q)))
		kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
	q->backlog = 0;
}

static int pfifo_init(struct Qdisc *q, const struct tc_qopt *opt)
{
	q->limit = opt && opt->has_limit ? opt->limit : q->dev->tx_queue_len ? q->dev->tx_queue_len : 1;
	return 0;
}

static int bfifo_init(struct Qdisc *q, const struct tc_qopt *opt)
{
	u32 dflt = (q->dev->tx_queue_len ? q->dev->tx_queue_len : 1) * q->dev->mtu;

	q->limit = opt && opt->has_limit ? opt->limit : dflt;
	return 0;
}

static void pfifo_dump(const struct Qdisc *q, FILE *out)
{
	fprintf(out, "limit %up", q->limit);
}

static void bfifo_dump(const struct Qdisc *q, FILE *out)
{
	fprintf(out, "limit %ub", q->limit);
}

const struct Qdisc_ops pfifo_qdisc_ops = {
	.id = "pfifo",
	.enqueue = pfifo_enqueue,
	.dequeue = fifo_dequeue,
	.init = pfifo_init,
	.reset = fifo_reset,
	.dump = pfifo_dump,
};

const struct Qdisc_ops bfifo_qdisc_ops = {
	.id = "bfifo",
	.enqueue = bfifo_enqueue,
	.dequeue = fifo_dequeue,
	.init = bfifo_init,
	.reset = fifo_reset,
	.dump = bfifo_dump,
};
