/* Classifiers (net/sched/cls_api.c): a block's chain 0 of classifiers
 * (tcf_proto), sorted by preference, and tcf_classify(), which runs them on a
 * packet: the first filter that matches runs its actions, and their verdict
 * ends the classification unless it is "continue" (TC_ACT_UNSPEC), which
 * goes on to the next filter.  A reclassify verdict starts again from the
 * top, at most four times (then the packet is dropped:
 * TC_RECLASSIFY_LOOP).  `tc filter add|replace|del|show` land in
 * tc_new_tfilter(), tc_del_tfilter() and tc_dump_tfilter(). */
#include <errno.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "linux/printk.h"
#include "net/net_namespace.h"
#include "net/pkt_cls.h"
#include "net/sch_generic.h"
#include "net/trace.h"
#include "net/world.h"

extern const struct tcf_proto_ops cls_basic_ops;
extern const struct tcf_proto_ops cls_matchall_ops;
extern const struct tcf_proto_ops cls_u32_ops;

static const struct tcf_proto_ops *const cls_kinds[] = {
	&cls_basic_ops,
	&cls_matchall_ops,
	&cls_u32_ops,
};

#define MAX_REC_LOOP 4

const struct tcf_proto_ops *tcf_proto_lookup_ops(const char *kind)
{
	for (size_t i = 0; i < ARRAY_SIZE(cls_kinds); i++)
		if (!strcmp(cls_kinds[i]->kind, kind))
			return cls_kinds[i];
	return NULL;
}

/* One pass over the chain: the verdict of the first filter whose actions
 * do not say "continue", or TC_ACT_UNSPEC. */
static int __tcf_classify(struct sk_buff *skb, const struct tcf_block *block,
			  struct tcf_result *res)
{
	for (const struct tcf_proto *tp = block->chain0; tp; tp = tp->next) {
		if (tp->protocol != skb->protocol && tp->protocol != htons(ETH_P_ALL))
			continue;
		for (const struct tcf_filter *f = tp->filters; f; f = f->next) {
			int r;

			if ((f->flags & TCA_CLS_FLAGS_SKIP_SW) || !tp->ops->match(skb, tp, f))
				continue;
			res->classid = f->classid;
			r = tcf_action_exec(skb, (struct tc_action **)f->actions, f->nr_actions, res);
			if (r >= 0)
				return r;
		}
	}
	return TC_ACT_UNSPEC;
}

int tcf_classify(struct sk_buff *skb, const struct tcf_block *block, struct tcf_result *res)
{
	for (int loop = 0; loop < MAX_REC_LOOP; loop++) {
		int r = __tcf_classify(skb, block, res);

		if (r != TC_ACT_RECLASSIFY)
			return r;
	}
	if (net_ratelimit(skb_world(skb)))
		klog(skb_world(skb), "%s: reclassify loop, rule prio %u, protocol %02x\n",
		     skb->dev->name, block->chain0 ? block->chain0->prio : 0, ntohs(skb->protocol));
	res->drop_reason = SKB_DROP_REASON_TC_RECLASSIFY_LOOP;
	return TC_ACT_SHOT;
}

static void tcf_filter_free(struct tcf_filter *f)
{
	for (int i = 0; i < f->nr_actions; i++)
		tcf_action_put(f->actions[i]);
	kfree(f->keys);
	kfree(f);
}

static void tcf_proto_destroy(struct tcf_proto *tp)
{
	while (tp->filters) {
		struct tcf_filter *f = tp->filters;

		tp->filters = f->next;
		tcf_filter_free(f);
	}
	if (tp->ops->destroy)
		tp->ops->destroy(tp);
	kfree(tp);
}

void tcf_block_destroy(struct tcf_block *block)
{
	while (block->chain0) {
		struct tcf_proto *tp = block->chain0;

		block->chain0 = tp->next;
		tcf_proto_destroy(tp);
	}
}

/* The block behind a filter's parent: the ingress qdisc's for ffff:…, the
 * root qdisc's when its handle is the parent's (or no parent is given). */
static struct tcf_block *tcf_block_find(struct net_device *dev, u32 parent, const char **extack)
{
	struct Qdisc *q = dev->qdisc;
	struct tcf_block *b;

	if ((parent & 0xFFFF0000U) == 0xFFFF0000U && dev->ingress_qdisc)
		q = dev->ingress_qdisc;
	else if (parent && (!q || !q->ops->enqueue || (q->handle ^ parent) & 0xFFFF0000U)) {
		*extack = "Parent Qdisc doesn't exists";
		return NULL;
	}
	if (!q || !q->ops->tcf_block) {
		*extack = q && q->ops->classful ? "Class doesn't support blocks" : "Qdisc not classful";
		return NULL;
	}
	b = q->ops->tcf_block(q, parent);
	if (!b)
		*extack = "Class doesn't support blocks";
	return b;
}

/* tcf_chain_tp_find(): the classifier of that preference; *pprev is where
 * a new one goes */
static struct tcf_proto *tcf_chain_tp_find(struct tcf_block *b, u32 prio, struct tcf_proto ***pprev)
{
	struct tcf_proto **pp, *tp;

	for (pp = &b->chain0; (tp = *pp); pp = &tp->next)
		if (tp->prio >= prio)
			break;
	*pprev = pp;
	return tp && tp->prio == prio ? tp : NULL;
}

/* tcf_auto_prio(): one below the first preference from 32768 up, else 49152 */
static u32 tcf_auto_prio(const struct tcf_block *b)
{
	for (const struct tcf_proto *tp = b->chain0; tp; tp = tp->next)
		if (tp->prio >= 0x8000)
			return tp->prio - 1;
	return 0xC000;
}

static struct tcf_filter *tcf_filter_find(struct tcf_proto *tp, u32 handle, struct tcf_filter ***pprev)
{
	struct tcf_filter **pp, *f;

	for (pp = &tp->filters; (f = *pp); pp = &f->next)
		if (f->handle >= handle)
			break;
	*pprev = pp;
	return f && f->handle == handle ? f : NULL;
}

static int tcf_filter_build(struct net *net, const struct tc_filter_cfg *cfg, u32 handle,
			    struct tcf_filter **out, const char **extack)
{
	struct tcf_filter *f = kzalloc(sizeof(*f));
	int err = 0;

	if (!f)
		return -ENOMEM;
	f->handle = handle;
	f->classid = cfg->classid;
	f->has_classid = cfg->has_classid;
	f->terminal = cfg->terminal;
	f->flags = cfg->flags | TCA_CLS_FLAGS_NOT_IN_HW;
	if (cfg->nkeys) {
		f->keys = kcalloc((size_t)cfg->nkeys, sizeof(*f->keys));
		if (!f->keys)
			err = -ENOMEM;
		else
			memcpy(f->keys, cfg->keys, (size_t)cfg->nkeys * sizeof(*f->keys));
		f->nkeys = cfg->nkeys;
	}
	for (int i = 0; !err && i < cfg->nr_actions; i++) {
		err = tcf_action_init(net, &cfg->act[i], &f->actions[i], extack);
		if (!err)
			f->nr_actions++;
	}
	if (err) {
		tcf_filter_free(f);
		return err;
	}
	*out = f;
	return 0;
}

/* The filter into its classifier, in handle order (replacing one). */
static int tcf_filter_insert(struct net_device *dev, struct tcf_proto *tp, const struct tc_filter_cfg *cfg,
			     bool create, bool replace, const char **extack)
{
	struct tcf_filter **pp, *old = NULL, *f;
	u32 handle = cfg->handle;
	int err;

	if (cfg->has_handle && create && !replace && tp->ops->get && tp->ops->get(tp, cfg->handle)) {
		*extack = "Filter already exists";
		return -EEXIST;
	}
	if (cfg->has_handle && (old = tcf_filter_find(tp, cfg->handle, &pp))) {
		if (create && !replace) {
			*extack = "Filter already exists";
			return -EEXIST;
		}
	} else if (!create) {
		*extack = "Specified filter handle not found";
		return -ENOENT;
	}
	err = tp->ops->change(tp, cfg, &handle, extack);
	if (!err && !old && tcf_filter_find(tp, handle, &pp))
		err = -ENOSPC;	/* u32's "::800": the node's idr slot is taken */
	if (!err)
		err = tcf_filter_build(dev_net(dev), cfg, handle, &f, extack);
	if (err)
		return err;
	if (old) {
		f->next = old->next;
		*pp = f;
		tcf_filter_free(old);
		return 0;
	}
	tcf_filter_find(tp, handle, &pp);
	f->next = *pp;
	*pp = f;
	return 0;
}

static int tcf_proto_create(struct tcf_block *b, const struct tc_filter_cfg *cfg, u32 prio,
			    struct tcf_proto **out, const char **extack)
{
	const struct tcf_proto_ops *ops;
	struct tcf_proto *tp;
	int err;

	if (!cfg->kind || !cfg->protocol) {
		*extack = "Filter kind and protocol must be specified";
		return -EINVAL;
	}
	ops = tcf_proto_lookup_ops(cfg->kind);
	if (!ops) {
		*extack = "TC classifier not found";
		return -ENOENT;
	}
	tp = kzalloc(sizeof(*tp));
	if (!tp)
		return -ENOMEM;
	tp->ops = ops;
	tp->block = b;
	tp->protocol = cfg->protocol;
	tp->prio = prio;
	err = ops->init ? ops->init(tp) : 0;
	if (err) {
		kfree(tp);
		return err;
	}
	*out = tp;
	return 0;
}

/* tc_new_tfilter(): `tc filter add` (create), `replace` (create, replace),
 * `change` (neither: the filter must exist) */
int tc_new_tfilter(struct net_device *dev, u32 parent, const struct tc_filter_cfg *cfg,
		   bool create, bool replace, const char **extack)
{
	struct tcf_block *b;
	struct tcf_proto *tp, **pprev;
	u32 prio = cfg->prio;
	bool new_tp = false;
	int err;

	if (!prio && !create) {
		*extack = "Invalid filter command with priority of zero";
		return -ENOENT;
	}
	b = tcf_block_find(dev, parent, extack);
	if (!b)
		return -EINVAL;
	if (!prio)
		prio = tcf_auto_prio(b);
	tp = tcf_chain_tp_find(b, prio, &pprev);
	if (tp && cfg->protocol != tp->protocol) {
		*extack = "Protocol mismatch for filter with specified priority";
		return -EINVAL;
	}
	if (tp && cfg->kind && strcmp(cfg->kind, tp->ops->kind)) {
		*extack = "Specified filter kind does not match existing one";
		return -EINVAL;
	}
	if (!tp && !create) {
		*extack = "Need both RTM_NEWTFILTER and NLM_F_CREATE to create a new filter";
		return -ENOENT;
	}
	if (!tp) {
		err = tcf_proto_create(b, cfg, prio, &tp, extack);
		if (err)
			return err;
		new_tp = true;
	}
	/* u32 without options: the classifier and its hash table alone */
	if (cfg->no_options && !cfg->has_handle && tp->ops == &cls_u32_ops)
		err = 0;
	else if (cfg->no_options && cfg->has_handle && tp->ops == &cls_u32_ops) {
		*extack = "Filter handle requires options";
		err = -EINVAL;
	} else
		err = tcf_filter_insert(dev, tp, cfg, create, replace, extack);
	if (err && new_tp) {
		tcf_proto_destroy(tp);
	} else if (new_tp) {
		tp->next = *pprev;
		*pprev = tp;
	}
	return err;
}

/* tc_del_tfilter(): no preference flushes the chain; no handle removes
 * the classifier; a handle removes one filter, and the classifier with its
 * last one (u32 keeps its hash table) */
int tc_del_tfilter(struct net_device *dev, u32 parent, const struct tc_filter_cfg *cfg,
		   const char **extack)
{
	struct tcf_block *b = tcf_block_find(dev, parent, extack);
	struct tcf_proto *tp, **pprev;
	struct tcf_filter *f, **fprev;

	if (!b)
		return -EINVAL;
	if (!b->chain0) {	/* chain 0 exists while it holds classifiers */
		*extack = "Cannot find specified filter chain";
		return -EINVAL;
	}
	if (!cfg->prio && (cfg->protocol || cfg->has_handle || cfg->kind)) {
		*extack = "Cannot flush filters with protocol, handle or kind set";
		return -EINVAL;
	}
	if (!cfg->prio) {
		tcf_block_destroy(b);
		return 0;
	}
	tp = tcf_chain_tp_find(b, cfg->prio, &pprev);
	if (!tp || (cfg->protocol && cfg->protocol != tp->protocol)) {
		*extack = "Filter with specified priority/protocol not found";
		return -ENOENT;
	}
	if (cfg->kind && strcmp(cfg->kind, tp->ops->kind)) {
		*extack = "Specified filter kind does not match existing one";
		return -EINVAL;
	}
	if (cfg->has_handle) {
		f = tcf_filter_find(tp, cfg->handle, &fprev);
		if (!f) {
			*extack = "Specified filter handle not found";
			return -ENOENT;
		}
		*fprev = f->next;
		tcf_filter_free(f);
		if (tp->filters || tp->ops == &cls_u32_ops)
			return 0;
	}
	*pprev = tp->next;
	tcf_proto_destroy(tp);
	return 0;
}

/* ll_proto_n2a() of iproute2 */
static void tc_print_proto(FILE *out, u16 proto)
{
	static const struct { u16 id; const char *name; } names[] = {
		{ ETH_P_ALL, "all" }, { ETH_P_IP, "ip" }, { ETH_P_ARP, "arp" },
		{ ETH_P_IPV6, "ipv6" }, { ETH_P_8021Q, "802.1Q" }, { 0x88A8, "802.1ad" },
		{ 0x8035, "rarp" }, { 0x8847, "mpls_uc" }, { 0x8848, "mpls_mc" }, { 0x0060, "loop" },
	};

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (names[i].id == ntohs(proto)) {
			fprintf(out, "protocol %s ", names[i].name);
			return;
		}
	}
	fprintf(out, "protocol [%d] ", ntohs(proto));
}

static void tc_print_parent(FILE *out, u32 parent)
{
	if (parent == TC_H_ROOT)
		fputs("root ", out);
	else if (parent == 0xFFFFFFF2U)
		fputs("ingress ", out);
	else if (parent == 0xFFFFFFF3U)
		fputs("egress ", out);
	else if (parent & 0xFFFF)
		fprintf(out, "parent %x:%x ", parent >> 16, parent & 0xFFFF);
	else
		fprintf(out, "parent %x: ", parent >> 16);
}

/* print_filter()'s start: what the request did not fix, then the kind */
static void tc_filter_head(char *buf, size_t len, const struct net_device *dev, u32 parent,
			   const struct tcf_proto *tp, const struct tc_dump_opts *o, u16 protocol,
			   u32 prio)
{
	FILE *f = fmemopen(buf, len, "w");

	if (!f) {
		buf[0] = '\0';
		return;
	}
	fputs("filter ", f);
	if (o->with_dev)
		fprintf(f, "dev %s ", dev->name);
	if (o->with_parent)
		tc_print_parent(f, parent);
	if (!protocol || protocol != tp->protocol)
		tc_print_proto(f, tp->protocol);
	if (!prio || prio != tp->prio)
		fprintf(f, "pref %u ", tp->prio);
	fprintf(f, "%s chain 0 ", tp->ops->kind);
	fclose(f);
}

int tc_dump_tfilter(struct net_device *dev, u32 parent, u16 protocol, u32 prio,
		    const struct tc_dump_opts *o, FILE *out)
{
	const char *extack = NULL;
	struct tcf_block *b;
	u32 shown = parent;
	char head[160];

	struct tc_dump_opts o2 = *o;

	if (parent == TC_H_ROOT && dev->ingress_qdisc) {
		/* "root" is looked up by its major, ffff: the ingress qdisc's */
		parent = shown = 0xFFFFFFF2U;
		o2.with_parent = true;
		o = &o2;
	}
	if (!parent && (!dev->qdisc || !dev->qdisc->ops->tcf_block))
		return 0;
	b = tcf_block_find(dev, parent, &extack);
	if (!b)
		return 0;
	if (!parent)
		shown = dev->qdisc->handle;
	for (const struct tcf_proto *tp = b->chain0; tp; tp = tp->next) {
		/* the request carries prio << 16 in 32 bits: a larger one is none */
		if ((protocol && tp->protocol != protocol) || ((prio & 0xFFFF) && tp->prio != prio))
			continue;
		tc_filter_head(head, sizeof(head), dev, shown, tp, o, protocol, prio);
		fprintf(out, "%s\n", head);
		if (tp->ops->dump)
			tp->ops->dump(tp, NULL, out, head);
		for (const struct tcf_filter *f = tp->filters; f; f = f->next) {
			fputs(head, out);
			tp->ops->dump(tp, f, out, head);
			if (f->nr_actions)
				tcf_action_dump(f->actions, f->nr_actions, dev_net(dev), o->stats, out);
			fputc('\n', out);
		}
	}
	return 0;
}

/* The match of classifiers whose every filter matches every packet of the
 * classifier's protocol (basic without an ematch, matchall) */
bool tcf_match_any(const struct sk_buff *skb, const struct tcf_proto *tp,
		   const struct tcf_filter *f)
{
	(void)skb;
	(void)tp;
	(void)f;
	return true;
}

/* What f_basic.c and f_matchall.c print first of a filter: its handle and
 * the class it gives (flowid); nothing on the classifier's own line */
void tcf_dump_handle(const struct tcf_filter *f, FILE *out)
{
	if (!f)
		return;
	fprintf(out, "handle 0x%x ", f->handle);
	if (f->has_classid)
		fprintf(out, "flowid %x:%x ", f->classid >> 16, f->classid & 0xFFFF);
}

/* What a hook does with tcf_classify()'s verdict: the packet back to go on,
 * or NULL when the filters took it (shot: counted on Q and freed with the
 * filter's reason or DFLT; stolen, queued, trapped, consumed). */
struct sk_buff *tcf_verdict(struct sk_buff *skb, struct Qdisc *q, int act,
			    const struct tcf_result *res, enum skb_drop_reason dflt,
			    const char *hint)
{
	switch (act) {
	case TC_ACT_SHOT:
		q->drops++;
		skb_drop_hint(skb, hint);
		kfree_skb_reason(skb, res->drop_reason ? (enum skb_drop_reason)res->drop_reason :
				 dflt);
		return NULL;
	case TC_ACT_STOLEN:
	case TC_ACT_QUEUED:
	case TC_ACT_TRAP:
		consume_skb(skb);
		return NULL;
	case TC_ACT_CONSUMED:
		return NULL;
	default:
		return skb;
	}
}
