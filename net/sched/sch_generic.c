/* Qdiscs (net/sched/sch_generic.c): the root qdisc between dev_queue_xmit()
 * and the driver.  veth, bridge, lo and dummy are IFF_NO_QUEUE:
 * dev_activate() attaches "noqueue" the first time they go up, and it stays
 * attached when they go down again (so `ip link` shows "qdisc noqueue"
 * rather than the "noop" of a device that was never up).  A queueing root
 * (pfifo, netem…) takes each packet in its enqueue and qdisc_run() hands
 * the driver whatever dequeue gives out; a qdisc holding packets for later
 * (netem) arms its watchdog timer. */
#include <errno.h>
#include <stdlib.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/sch_generic.h"
#include "net/trace.h"
#include "net/world.h"

static const struct Qdisc_ops noqueue_qdisc_ops = { .id = "noqueue" };

static void qdisc_watchdog(struct timer_list *t)
{
	struct Qdisc *q = from_timer(q, t, watchdog);

	qdisc_run(q);
}

struct Qdisc *qdisc_alloc(struct net_device *dev, const struct Qdisc_ops *ops)
{
	struct Qdisc *q = kzalloc(sizeof(*q) + ops->priv_size);

	if (!q)
		return NULL;
	q->ops = ops;
	q->dev = dev;
	q->q.next = q->q.prev = (struct sk_buff *)&q->q;
	timer_setup(&dev_net(dev)->world->timers, &q->watchdog, qdisc_watchdog);
	return q;
}

void qdisc_destroy(struct Qdisc *q)
{
	if (!q)
		return;
	del_timer(&q->watchdog);
	if (q->ops->reset)
		q->ops->reset(q);
	if (q->ops->destroy)
		q->ops->destroy(q);
	free(q);
}

void dev_activate(struct net_device *dev)
{
	if (!dev->qdisc && (dev->priv_flags & IFF_NO_QUEUE))
		dev->qdisc = qdisc_alloc(dev, &noqueue_qdisc_ops);
}

const char *qdisc_id(const struct net_device *dev)
{
	return dev->qdisc ? dev->qdisc->ops->id : "noop";
}

u64 qdisc_now(const struct Qdisc *q)
{
	return dev_net(q->dev)->world->now;
}

void qdisc_watchdog_schedule(struct Qdisc *q, u64 expires_ns)
{
	if (!timer_pending(&q->watchdog) || q->watchdog.expires > expires_ns)
		mod_timer(&q->watchdog, expires_ns);
}

int qdisc_drop(struct sk_buff *skb, struct Qdisc *q)
{
	q->drops++;
	kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
	return NET_XMIT_DROP;
}

void qdisc_run(struct Qdisc *q)
{
	struct sk_buff *skb;

	while ((skb = q->ops->dequeue(q))) {
		q->bytes += skb->len;
		q->packets++;
		dev_hard_start_xmit(skb, q->dev);
	}
}

/* dev_queue_xmit() for a device whose root qdisc queues. */
int dev_qdisc_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct Qdisc *q = dev->qdisc;
	int rc;

	skb_trace_note(skb, "dev_queue_xmit", q->ops->id);
	rc = q->ops->enqueue(skb, q);
	qdisc_run(q);
	return rc == NET_XMIT_DROP ? -ENOBUFS : 0;
}
