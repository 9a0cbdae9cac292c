/* Queueing disciplines (include/net/sch_generic.h): a device's root qdisc
 * takes what dev_queue_xmit() sends and gives it to the driver when it
 * decides.  Kinds are registered in one const list (sch_api.c): noqueue
 * (what veth, bridge, lo and dummy get when they first go up), pfifo, bfifo
 * and netem (delay, jitter, loss, duplication, corruption, reordering, rate
 * — what `tc qdisc add dev X root netem …` sets up to test TCP over a bad
 * link).  The noop qdisc of a device that never went up is dev->qdisc ==
 * NULL. */
#ifndef SKBOX_NET_SCH_GENERIC_H
#define SKBOX_NET_SCH_GENERIC_H

#include <stdbool.h>
#include <stdio.h>
#include "linux/skbuff.h"
#include "linux/timer.h"

struct net_device;
struct Qdisc;

#define NET_XMIT_SUCCESS 0x00
#define NET_XMIT_DROP 0x01

/* The options `tc` parses, for every kind (unused fields 0). */
struct tc_qopt {
	u32 limit;			/* packets (bytes for bfifo); 0: the kind's default */
	bool has_limit;
	u64 latency_ns, jitter_ns;
	u32 loss, duplicate, corrupt, reorder;	/* probability, 0..UINT32_MAX */
	u32 delay_corr, loss_corr, reorder_corr;	/* correlation, same scale */
	u32 gap;
	u64 rate_bps;			/* bytes per second; 0: unlimited */
	/* tbf: bucket and peak bucket in bytes, peak rate in bytes per second */
	u32 burst, mtu;
	u64 peakrate_bps;
	/* fq_codel: 0 (or ecn -1): the default */
	u32 flows, quantum, drop_batch, memory_limit;
	u64 target_ns, interval_ns, ce_threshold_ns;
	int ecn;
};

struct Qdisc_ops {
	const char *id;
	size_t priv_size;
	int (*enqueue)(struct sk_buff *skb, struct Qdisc *q);
	struct sk_buff *(*dequeue)(struct Qdisc *q);
	int (*init)(struct Qdisc *q, const struct tc_qopt *opt);
	void (*reset)(struct Qdisc *q);		/* drop everything queued */
	void (*destroy)(struct Qdisc *q);	/* free what init allocated */
	/* the options as `tc qdisc show` prints them after "refcnt N " */
	void (*dump)(const struct Qdisc *q, FILE *out);
	/* `tc -s`: the kind's own lines after " backlog …" */
	void (*dump_stats)(const struct Qdisc *q, FILE *out);
	/* the filter block for a filter's parent class (cl_ops->tcf_block);
	 * NULL member: the qdisc is not classful */
	struct tcf_block *(*tcf_block)(struct Qdisc *q, u32 parent);
	bool classful;			/* has classes (tbf: its child's), maybe no block */
};

struct Qdisc {
	const struct Qdisc_ops *ops;
	u32 handle;			/* major:minor, 0 for noqueue */
	struct net_device *dev;
	struct sk_buff_head q;
	u32 limit;
	u32 backlog;			/* bytes queued */
	u64 bytes, packets;		/* sent */
	u32 drops, overlimits, requeues;
	struct timer_list watchdog;	/* run the queue again at this time */
	u32 u32_htid;			/* cls_u32: the last hash table id given out */
	struct tcf_proto *u32_tps;	/* cls_u32: its classifiers here (tc_u_common) */
	unsigned char priv[] __attribute__((aligned(8)));
};

static inline void *qdisc_priv(struct Qdisc *q)
{
	return q->priv;
}

/* The device's root qdisc gives out what it is ready to send. */
void qdisc_run(struct Qdisc *q);
void qdisc_watchdog_schedule(struct Qdisc *q, u64 expires_ns);
int qdisc_drop(struct sk_buff *skb, struct Qdisc *q);
u64 qdisc_now(const struct Qdisc *q);

/* sch_api.c: the kinds and the operations `tc qdisc` asks for */
const struct Qdisc_ops *qdisc_lookup_ops(const char *kind);
int qdisc_create_root(struct net_device *dev, const struct Qdisc_ops *ops,
		      const struct tc_qopt *opt);
int qdisc_change_root(struct net_device *dev, const struct tc_qopt *opt);
void qdisc_destroy(struct Qdisc *q);
/* The device's tx queues + 1, as `tc` shows "refcnt" for the root. */
unsigned int qdisc_refcnt(const struct net_device *dev);

int dev_qdisc_xmit(struct sk_buff *skb, struct net_device *dev);

/* sch_ingress.c: the ingress and clsact qdiscs (`tc qdisc add dev D ingress`) */
extern const struct Qdisc_ops ingress_qdisc_ops;
extern const struct Qdisc_ops clsact_qdisc_ops;
int qdisc_create_ingress(struct net_device *dev, const struct Qdisc_ops *ops);
void qdisc_destroy_ingress(struct net_device *dev);

#endif
