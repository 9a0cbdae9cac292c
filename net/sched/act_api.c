/* Actions (net/sched/act_api.c): what a matching filter does to the
 * packet.  The actions of a filter run in order while each says "pipe";
 * the first other verdict is the filter's.  Every action has an index,
 * unique per kind in its namespace (the lowest free one, as the kernel's
 * idr), that another filter can bind to ("action mirred … index 9"). */
#include <errno.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/pkt_cls.h"
#include "net/sch_generic.h"
#include "net/trace.h"
#include "net/world.h"

extern const struct tc_action_ops act_mirred_ops;
extern const struct tc_action_ops act_gact_ops;

static const struct tc_action_ops *const act_kinds[] = {
	&act_gact_ops,
	&act_mirred_ops,
};

const struct tc_action_ops *tc_lookup_action(const char *kind)
{
	for (size_t i = 0; i < ARRAY_SIZE(act_kinds); i++)
		if (!strcmp(act_kinds[i]->kind, kind))
			return act_kinds[i];
	return NULL;
}

/* The blocks a namespace's filters live in: each device's ingress qdisc. */
static struct tc_action *tcf_block_find_action(struct tcf_block *b, const struct tc_action_ops *ops,
					       u32 index)
{
	for (struct tcf_proto *tp = b ? b->chain0 : NULL; tp; tp = tp->next)
		for (struct tcf_filter *f = tp->filters; f; f = f->next)
			for (int i = 0; i < f->nr_actions; i++)
				if (f->actions[i]->ops == ops && f->actions[i]->index == index)
					return f->actions[i];
	return NULL;
}

/* tcf_idr_search() */
static struct tc_action *tcf_idr_search(struct net *net, const struct tc_action_ops *ops, u32 index)
{
	struct net_device *dev;
	struct tc_action *a;

	for_each_netdev(net, dev) {
		struct Qdisc *q = dev->ingress_qdisc;

		if (!q)
			continue;
		a = tcf_block_find_action(q->ops->tcf_block(q, TC_H_MIN_INGRESS), ops, index);
		if (!a && q->ops == &clsact_qdisc_ops)
			a = tcf_block_find_action(q->ops->tcf_block(q, TC_H_MIN_EGRESS), ops, index);
		if (a)
			return a;
	}
	return NULL;
}

static u32 tcf_idr_alloc(struct net *net, const struct tc_action_ops *ops)
{
	u32 index = 1;

	while (tcf_idr_search(net, ops, index))
		index++;
	return index;
}

/* tcf_action_init_1(): bind to the action of that index, or create one.
 * The caller holds a reference on *out. */
int tcf_action_init(struct net *net, const struct tc_action_cfg *cfg, struct tc_action **out,
		    const char **extack)
{
	const struct tc_action_ops *ops = tc_lookup_action(cfg->kind);
	struct tc_action *a;

	if (!ops) {
		*extack = "Failed to load TC action module";
		return -ENOENT;
	}
	a = cfg->index ? tcf_idr_search(net, ops, cfg->index) : NULL;
	if (a) {
		a->refcnt++;
		a->bindcnt++;
		*out = a;
		return 0;
	}
	if (ops == &act_mirred_ops && !cfg->ifindex) {
		*extack = "act_mirred: Must specify device or block";
		return -EINVAL;
	}
	if (ops == &act_mirred_ops && !__dev_get_by_index(net, cfg->ifindex))
		return -ENODEV;
	a = kzalloc(sizeof(*a));
	if (!a)
		return -ENOMEM;
	a->ops = ops;
	a->index = cfg->index ? cfg->index : tcf_idr_alloc(net, ops);
	a->refcnt = a->bindcnt = 1;
	a->tcfa_action = cfg->action;
	a->eaction = cfg->eaction;
	a->ifindex = cfg->ifindex;
	a->install = a->lastuse = net->world->now;
	*out = a;
	return 0;
}

void tcf_action_put(struct tc_action *a)
{
	a->bindcnt--;
	if (--a->refcnt == 0)
		kfree(a);
}

/* tcf_lastuse_update() and bstats_update(): the bytes from skb->data, so
 * without the link header at ingress, with it at egress, as qdisc_pkt_len() */
void tcf_action_update_stats(struct tc_action *a, const struct sk_buff *skb)
{
	u64 now = skb_world(skb)->now;

	a->lastuse = now;
	if (!a->used)
		a->firstuse = now;
	a->used = true;
	a->bytes += skb->len;
	a->packets++;
}

int tcf_action_exec(struct sk_buff *skb, struct tc_action **actions, int nr,
		    struct tcf_result *res)
{
	int ret = TC_ACT_OK;

	for (int i = 0; i < nr; i++) {
		struct tc_action *a = actions[i];

		do
			ret = a->ops->act(skb, a, res);
		while (ret == TC_ACT_REPEAT);
		if (ret != TC_ACT_PIPE)
			break;
	}
	return ret;
}

/* action_n2a() of iproute2 */
static const char *tcf_action_n2a(int action)
{
	switch (action) {
	case TC_ACT_UNSPEC:
		return "continue";
	case TC_ACT_OK:
		return "pass";
	case TC_ACT_SHOT:
		return "drop";
	case TC_ACT_RECLASSIFY:
		return "reclassify";
	case TC_ACT_PIPE:
		return "pipe";
	case TC_ACT_STOLEN:
		return "stolen";
	case TC_ACT_TRAP:
		return "trap";
	default:
		return "unknown";
	}
}

void tcf_action_print_control(FILE *out, const char *prefix, int action, const char *suffix)
{
	fprintf(out, "%s%s%s", prefix, tcf_action_n2a(action), suffix);
}

/* tcf_tm_dump(), shown in seconds by tc's print_tm().  Linux leaves out
 * "firstused" while the first use is under a clock tick (10 ms) old; a
 * `tc` run after the traffic is always later than that on Linux, while in
 * virtual time it may be at the same instant: skbox shows it once used. */
static void tcf_tm_dump(const struct tc_action *a, u64 now, FILE *out)
{
	u64 first = (now - a->firstuse) / 1000000000;

	fprintf(out, " installed %llu sec used %llu sec", (unsigned long long)((now - a->install) / 1000000000),
		(unsigned long long)((now - a->lastuse) / 1000000000));
	if (a->used)
		fprintf(out, " firstused %llu sec", (unsigned long long)first);
}

/* tc_print_action(): "action order N: KIND …", the index line, and with
 * -s the statistics */
void tcf_action_dump(struct tc_action *const *actions, int nr, struct net *net, bool stats,
		     FILE *out)
{
	for (int i = 0; i < nr; i++) {
		const struct tc_action *a = actions[i];

		fprintf(out, "\n\taction order %d: ", i + 1);
		a->ops->dump(a, net, out);
		fprintf(out, "index %u ref %d bind %d", a->index, a->refcnt, a->bindcnt);
		if (stats)
			tcf_tm_dump(a, net->world->now, out);
		fputc('\n', out);
		if (!stats)
			continue;
		fprintf(out, "\tAction statistics:\n\tSent %llu bytes %llu pkt (dropped %u, overlimits %u requeues 0) \n"
			"\tbacklog 0b 0p requeues 0\n", (unsigned long long)a->bytes,
			(unsigned long long)a->packets, a->drops, a->overlimits);
	}
}
