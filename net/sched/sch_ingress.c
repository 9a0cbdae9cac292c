/* The ingress and clsact qdiscs (net/sched/sch_ingress.c): no queue, only
 * filter blocks.  `tc qdisc add dev D ingress` gives the device one block,
 * run by sch_handle_ingress() on every frame it receives; clsact gives two,
 * the ingress one and an egress one run by sch_handle_egress() before the
 * root qdisc.  Both take the handle ffff: under the parent ffff:fff1, and a
 * filter's "ingress" or "egress" parent names the block (the ingress qdisc
 * has one block for both words, as Linux's ingress_tcf_block()). */
#include <errno.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/pkt_cls.h"
#include "net/sch_generic.h"

struct ingress_sched_data {
	struct tcf_block ingress_block;
	struct tcf_block egress_block;
};

struct Qdisc *qdisc_alloc(struct net_device *dev, const struct Qdisc_ops *ops);

static struct tcf_block *ingress_tcf_block(struct Qdisc *q, u32 parent)
{
	struct ingress_sched_data *d = qdisc_priv(q);

	(void)parent;
	return &d->ingress_block;
}

static struct tcf_block *clsact_tcf_block(struct Qdisc *q, u32 parent)
{
	struct ingress_sched_data *d = qdisc_priv(q);

	switch (parent & 0xFFFF) {
	case TC_H_MIN_INGRESS:
		return &d->ingress_block;
	case TC_H_MIN_EGRESS:
		return &d->egress_block;
	default:
		return NULL;
	}
}

/* What the filters hold goes with the qdisc. */
static void ingress_destroy(struct Qdisc *q)
{
	struct ingress_sched_data *d = qdisc_priv(q);

	tcf_block_destroy(&d->ingress_block);
	tcf_block_destroy(&d->egress_block);
}

static void ingress_dump(const struct Qdisc *q, FILE *out)
{
	if (q->ops == &ingress_qdisc_ops)
		fputs("---------------- ", out);
}

const struct Qdisc_ops ingress_qdisc_ops = {
	.id = "ingress",
	.priv_size = sizeof(struct ingress_sched_data),
	.destroy = ingress_destroy,
	.dump = ingress_dump,
	.tcf_block = ingress_tcf_block,
};

const struct Qdisc_ops clsact_qdisc_ops = {
	.id = "clsact",
	.priv_size = sizeof(struct ingress_sched_data),
	.destroy = ingress_destroy,
	.dump = ingress_dump,
	.tcf_block = clsact_tcf_block,
};

int qdisc_create_ingress(struct net_device *dev, const struct Qdisc_ops *ops)
{
	struct Qdisc *q;
	struct ingress_sched_data *d;

	if (dev->ingress_qdisc)
		return -EEXIST;
	q = qdisc_alloc(dev, ops);
	if (!q)
		return -ENOMEM;
	q->handle = 0xFFFF0000U;
	d = qdisc_priv(q);
	d->ingress_block.q = q;
	d->egress_block.q = q;
	dev->ingress_qdisc = q;
	return 0;
}

void qdisc_destroy_ingress(struct net_device *dev)
{
	qdisc_destroy(dev->ingress_qdisc);
	dev->ingress_qdisc = NULL;
}

/* The block a filter's parent names: ffff:fff2/fff3 or ffff: the ingress
 * qdisc's; NULL when the device has none. */
struct tcf_block *tcf_dev_block(struct net_device *dev, u32 parent)
{
	struct Qdisc *q = dev->ingress_qdisc;

	return q ? q->ops->tcf_block(q, parent) : NULL;
}

struct tcf_block *dev_ingress_block(const struct net_device *dev)
{
	struct Qdisc *q = dev->ingress_qdisc;

	return q ? q->ops->tcf_block(q, TC_H_MIN_INGRESS) : NULL;
}

/* Only clsact has an egress block: the ingress qdisc's one block is run at
 * ingress alone, whichever word its filters were added with. */
struct tcf_block *dev_egress_block(const struct net_device *dev)
{
	struct Qdisc *q = dev->ingress_qdisc;

	return q && q->ops == &clsact_qdisc_ops ? q->ops->tcf_block(q, TC_H_MIN_EGRESS) : NULL;
}
