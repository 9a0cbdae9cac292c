/* Qdiscs (net/sched/sch_generic.c).  veth, bridge and lo are IFF_NO_QUEUE:
 * dev_activate() attaches "noqueue" the first time they go up, and it stays
 * attached when they go down again (so `ip link` shows "qdisc noqueue"
 * rather than the "noop" of a device that was never up). */
#include "linux/netdevice.h"

struct Qdisc {
	const char *id;
};

static const struct Qdisc noqueue_qdisc = { .id = "noqueue" };

void dev_activate(struct net_device *dev)
{
	if (!dev->qdisc && (dev->priv_flags & IFF_NO_QUEUE))
		dev->qdisc = &noqueue_qdisc;
}

const char *qdisc_id(const struct net_device *dev)
{
	return dev->qdisc ? dev->qdisc->id : "noop";
}
