/* Qdisc configuration (net/sched/sch_api.c): the registered kinds, and the
 * root qdisc replaced, changed or removed as `tc qdisc` asks.  Handles are
 * given out from 8001: per world, as the kernel's autohandle counter does. */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/sch_generic.h"
#include "net/world.h"

extern const struct Qdisc_ops pfifo_qdisc_ops;
extern const struct Qdisc_ops bfifo_qdisc_ops;
extern const struct Qdisc_ops netem_qdisc_ops;
extern const struct Qdisc_ops tbf_qdisc_ops;
extern const struct Qdisc_ops fq_codel_qdisc_ops;

struct Qdisc *qdisc_alloc(struct net_device *dev, const struct Qdisc_ops *ops);

static const struct Qdisc_ops *const qdisc_kinds[] = {
	&pfifo_qdisc_ops,
	&bfifo_qdisc_ops,
	&netem_qdisc_ops,
	&tbf_qdisc_ops,
	&fq_codel_qdisc_ops,
};

const struct Qdisc_ops *qdisc_lookup_ops(const char *kind)
{
	for (size_t i = 0; i < sizeof(qdisc_kinds) / sizeof(qdisc_kinds[0]); i++)
		if (!strcmp(qdisc_kinds[i]->id, kind))
			return qdisc_kinds[i];
	return NULL;
}

unsigned int qdisc_refcnt(const struct net_device *dev)
{
	if (!dev->qdisc || !dev->qdisc->ops->enqueue)
		return 2;
	return dev->rtnl_link_ops && !strcmp(dev->rtnl_link_ops->kind, "veth") ? 3 : 2;
}

/* The packets the old root held go with it. */
int qdisc_create_root(struct net_device *dev, const struct Qdisc_ops *ops,
		      const struct tc_qopt *opt)
{
	struct world *w = dev_net(dev)->world;
	struct Qdisc *q = qdisc_alloc(dev, ops);
	int err;

	if (!q)
		return -ENOMEM;
	err = ops->init ? ops->init(q, opt) : 0;
	if (err) {
		qdisc_destroy(q);
		return err;
	}
	if (!w->qdisc_handle)
		w->qdisc_handle = 0x8000;
	q->handle = ++w->qdisc_handle << 16;
	qdisc_destroy(dev->qdisc);
	dev->qdisc = q;
	return 0;
}

int qdisc_change_root(struct net_device *dev, const struct tc_qopt *opt)
{
	struct Qdisc *q = dev->qdisc;

	if (!q || !q->ops->enqueue)
		return -ENOENT;
	return q->ops->init ? q->ops->init(q, opt) : 0;
}
