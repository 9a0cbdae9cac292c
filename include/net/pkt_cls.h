/* Traffic-control classifiers and actions (include/net/pkt_cls.h,
 * include/net/act_api.h): a filter block hangs off a qdisc (the ingress
 * qdisc's one block, clsact's ingress and egress blocks); its chain 0 holds
 * the classifiers (tcf_proto) sorted by preference, each of one kind (basic,
 * matchall, u32) and one protocol, each with its filters; a filter that
 * matches runs its actions (mirred, gact) in order.  tcf_classify() is
 * called from sch_handle_ingress() and sch_handle_egress() (net/core). */
#ifndef SKBOX_NET_PKT_CLS_H
#define SKBOX_NET_PKT_CLS_H

#include <stdbool.h>
#include <stdio.h>
#include "linux/skbuff.h"

struct net;
struct net_device;
struct Qdisc;

/* the verdicts (include/uapi/linux/pkt_cls.h) */
#define TC_ACT_UNSPEC	(-1)
#define TC_ACT_OK		0
#define TC_ACT_RECLASSIFY	1
#define TC_ACT_SHOT		2
#define TC_ACT_PIPE		3
#define TC_ACT_STOLEN		4
#define TC_ACT_QUEUED		5
#define TC_ACT_REPEAT		6
#define TC_ACT_REDIRECT		7
#define TC_ACT_TRAP		8
#define TC_ACT_JUMP		0x10000000
#define TC_ACT_GOTO_CHAIN	0x20000000
/* the skb was passed on by the action itself (mirred's redirect) */
#define TC_ACT_CONSUMED		(TC_ACT_TRAP + 1)

/* the mirred kinds (tc_mirred.h) */
#define TCA_EGRESS_REDIR	1
#define TCA_EGRESS_MIRROR	2
#define TCA_INGRESS_REDIR	3
#define TCA_INGRESS_MIRROR	4

#define TCA_ACT_MAX_PRIO	32
#define TC_U32_MAXKEYS		128
#define TC_H_ROOT		0xFFFFFFFFU
#define TC_H_INGRESS		0xFFFFFFF1U
#define TC_H_CLSACT		TC_H_INGRESS
#define TC_H_MIN_INGRESS	0xFFF2U
#define TC_H_MIN_EGRESS		0xFFF3U
#define MIRRED_NEST_LIMIT	4

struct tcf_result {
	u32 classid;
	int drop_reason;		/* enum skb_drop_reason, for a TC_ACT_SHOT */
};

/* An action as `tc` asks for it (the TCA_ACT_* attributes). */
struct tc_action_cfg {
	const char *kind;		/* "mirred", "gact" */
	int action;			/* the control verdict: pipe, stolen, drop… */
	int eaction;			/* mirred: TCA_EGRESS_REDIR… */
	int ifindex;			/* mirred: the target device */
	u32 index;			/* 0: the lowest free one */
};

struct tc_u32_key {
	__be32 val, mask;
	int off;
};

/* A filter as `tc filter add|replace|del` asks for it (TCA_OPTIONS). */
struct tc_filter_cfg {
	const char *kind;
	u32 prio;			/* 0: the next below the first */
	u16 protocol;			/* __be16 */
	u32 handle;
	bool has_handle;
	u32 classid;
	bool has_classid;
	u32 flags;			/* TCA_CLS_FLAGS_SKIP_HW / _SKIP_SW */
	bool terminal;			/* u32: actions or a class given */
	bool no_options;		/* nothing after the kind (no TCA_OPTIONS) */
	int nkeys;			/* u32's selector */
	struct tc_u32_key keys[TC_U32_MAXKEYS];
	int nr_actions;
	struct tc_action_cfg act[TCA_ACT_MAX_PRIO];
};

#define TCA_CLS_FLAGS_SKIP_HW	1
#define TCA_CLS_FLAGS_SKIP_SW	2
#define TCA_CLS_FLAGS_NOT_IN_HW	8

struct tc_action;
struct tc_action_ops {
	const char *kind;
	int (*act)(struct sk_buff *skb, struct tc_action *a, struct tcf_result *res);
	/* the text after "action order N: ", up to and without " index" */
	void (*dump)(const struct tc_action *a, struct net *net, FILE *out);
};

struct tc_action {
	const struct tc_action_ops *ops;
	u32 index;
	int refcnt, bindcnt;
	int tcfa_action;		/* the verdict given back */
	int eaction, ifindex;		/* mirred */
	u64 bytes, packets;
	u32 drops, overlimits;
	u64 install, lastuse, firstuse;	/* ns of the world's clock */
	bool used;
};

/* One filter of a classifier: basic's and matchall's handle, a u32 knode. */
struct tcf_filter {
	struct tcf_filter *next;
	u32 handle;
	u32 classid;
	bool has_classid, terminal;
	u32 flags;
	int nkeys;
	struct tc_u32_key *keys;
	int nr_actions;
	struct tc_action *actions[TCA_ACT_MAX_PRIO];
};

struct tcf_proto;
struct tcf_proto_ops {
	const char *kind;
	/* does @f match?  (the filter's actions run when it does) */
	bool (*match)(const struct sk_buff *skb, const struct tcf_proto *tp,
		      const struct tcf_filter *f);
	/* tp->ops->get(): is there a filter of that handle to be found from
	 * this classifier (u32: in any hash table of the qdisc)?  NULL: its own */
	bool (*get)(const struct tcf_proto *tp, u32 handle);
	/* a new classifier of this kind: its own state (u32: the hash table) */
	int (*init)(struct tcf_proto *tp);
	void (*destroy)(struct tcf_proto *tp);
	/* check @cfg and pick the new filter's handle; message in *extack */
	int (*change)(struct tcf_proto *tp, const struct tc_filter_cfg *cfg, u32 *handle,
		      const char **extack);
	/* the kind's words after "KIND chain 0 ": one filter, or (f NULL)
	 * the classifier's own lines after its header (u32's hash table) */
	void (*dump)(const struct tcf_proto *tp, const struct tcf_filter *f, FILE *out,
		     const char *head);
};

struct tcf_block;
struct tcf_proto {
	struct tcf_proto *next;
	const struct tcf_proto_ops *ops;
	struct tcf_block *block;
	u16 protocol;			/* __be16 */
	u32 prio;
	u32 htid;			/* u32: the root hash table's id */
	struct tcf_proto *u32_next;	/* u32: the qdisc's other classifiers */
	struct tcf_filter *filters;	/* in handle order */
};

struct tcf_block {
	struct tcf_proto *chain0;
	struct Qdisc *q;
};

/* cls_api.c */
const struct tcf_proto_ops *tcf_proto_lookup_ops(const char *kind);
int tcf_classify(struct sk_buff *skb, const struct tcf_block *block, struct tcf_result *res);
struct sk_buff *tcf_verdict(struct sk_buff *skb, struct Qdisc *q, int act,
			    const struct tcf_result *res, enum skb_drop_reason dflt,
			    const char *hint);
int tc_new_tfilter(struct net_device *dev, u32 parent, const struct tc_filter_cfg *cfg,
		   bool create, bool replace, const char **extack);
int tc_del_tfilter(struct net_device *dev, u32 parent, const struct tc_filter_cfg *cfg,
		   const char **extack);
/* what print_filter() leaves out: the device and parent asked for; the
 * protocol and preference when they are the ones asked for */
struct tc_dump_opts {
	bool stats, with_dev, with_parent;
};
int tc_dump_tfilter(struct net_device *dev, u32 parent, u16 protocol, u32 prio,
		    const struct tc_dump_opts *o, FILE *out);
void tcf_block_destroy(struct tcf_block *block);
/* shared by cls_basic.c and cls_matchall.c */
bool tcf_match_any(const struct sk_buff *skb, const struct tcf_proto *tp,
		   const struct tcf_filter *f);
void tcf_dump_handle(const struct tcf_filter *f, FILE *out);

/* act_api.c */
const struct tc_action_ops *tc_lookup_action(const char *kind);
int tcf_action_init(struct net *net, const struct tc_action_cfg *cfg, struct tc_action **out,
		    const char **extack);
void tcf_action_put(struct tc_action *a);
int tcf_action_exec(struct sk_buff *skb, struct tc_action **actions, int nr,
		    struct tcf_result *res);
void tcf_action_dump(struct tc_action *const *actions, int nr, struct net *net, bool stats,
		     FILE *out);
void tcf_action_update_stats(struct tc_action *a, const struct sk_buff *skb);
void tcf_action_print_control(FILE *out, const char *prefix, int action, const char *suffix);

/* sch_ingress.c: the block behind a filter's parent (ffff:fff2 ingress,
 * ffff:fff3 egress) on a device with an ingress or clsact qdisc */
struct tcf_block *tcf_dev_block(struct net_device *dev, u32 parent);
struct tcf_block *dev_ingress_block(const struct net_device *dev);
struct tcf_block *dev_egress_block(const struct net_device *dev);

#endif
