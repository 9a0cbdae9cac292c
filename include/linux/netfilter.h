/* Netfilter hook points (include/linux/netfilter.h).  NF_HOOK() runs the
 * hooks registered for (pf, hook) in the namespace, in priority order, and
 * calls okfn when they accept.  The tables (iptables) register here. */
#ifndef SKBOX_LINUX_NETFILTER_H
#define SKBOX_LINUX_NETFILTER_H

#include "linux/skbuff.h"
#include "net/net_namespace.h"

struct net;
struct sock;
struct net_device;

enum nf_inet_hooks {
	NF_INET_PRE_ROUTING,
	NF_INET_LOCAL_IN,
	NF_INET_FORWARD,
	NF_INET_LOCAL_OUT,
	NF_INET_POST_ROUTING,
	NF_INET_NUMHOOKS,
};

enum {
	NFPROTO_UNSPEC = 0,
	NFPROTO_INET = 1,
	NFPROTO_IPV4 = 2,
	NFPROTO_ARP = 3,
	NFPROTO_BRIDGE = 7,
	NFPROTO_IPV6 = 10,
};

/* Bridge hooks (include/uapi/linux/netfilter_bridge.h) */
enum nf_br_hooks {
	NF_BR_PRE_ROUTING,
	NF_BR_LOCAL_IN,
	NF_BR_FORWARD,
	NF_BR_LOCAL_OUT,
	NF_BR_POST_ROUTING,
	NF_BR_BROUTING,
	NF_BR_NUMHOOKS,
};

/* verdicts */
#define NF_DROP 0
#define NF_ACCEPT 1
#define NF_STOLEN 2
#define NF_QUEUE 3
#define NF_REPEAT 4
#define NF_STOP 5
#define NF_MAX_VERDICT NF_STOP

/* A verdict's upper 16 bits carry an errno for NF_DROP (NF_DROP_ERR) or a
 * queue number for NF_QUEUE (NF_QUEUE_NR), as in Linux. */
#define NF_VERDICT_MASK 0x000000ff
#define NF_VERDICT_QMASK 0xffff0000
#define NF_VERDICT_QBITS 16
#define NF_VERDICT_FLAG_QUEUE_BYPASS 0x00008000
#define NF_QUEUE_NR(x) ((((unsigned int)(x) << NF_VERDICT_QBITS) & NF_VERDICT_QMASK) | NF_QUEUE)
#define NF_DROP_ERR(x) (((unsigned int)-(x) << 16) | NF_DROP)
#define NF_DROP_GETERR(verdict) (-((int)((verdict) >> 16)))

struct nf_hook_state {
	u8 hook;
	u8 pf;
	struct net_device *in;
	struct net_device *out;
	struct sock *sk;
	struct net *net;
	int (*okfn)(struct net *, struct sock *, struct sk_buff *);
};

typedef unsigned int nf_hookfn(void *priv, struct sk_buff *skb,
			       const struct nf_hook_state *state);

struct nf_hook_ops {
	nf_hookfn *hook;
	void *priv;
	u8 pf;
	unsigned int hooknum;
	int priority;
};

#define NF_MAX_HOOKS_PER_POINT 16

struct nf_hook_entries {
	unsigned int num;
	const struct nf_hook_ops *ops[NF_MAX_HOOKS_PER_POINT];
};

/* Returns 1 when okfn should be called, 0 when the hooks consumed the skb
 * (dropped or stolen), or -errno. */
int nf_hook_slow(struct sk_buff *skb, struct nf_hook_state *state,
		 const struct nf_hook_entries *e);
/* The same from the hook at index start (nf_reinject). */
int nf_hook_slow_from(struct sk_buff *skb, struct nf_hook_state *state,
		      const struct nf_hook_entries *e, unsigned int start);
/* The hook lists of a namespace (net->nf), allocated with the first hook. */
struct netns_nf {
	struct nf_hook_entries hooks[NFPROTO_IPV6 + 1][NF_INET_NUMHOOKS + 1];
	void *queue;				/* struct nfnl_queue_net (nfnetlink_queue.c) */
};

static inline const struct nf_hook_entries *nf_hook_entries_get(const struct net *net, u8 pf,
								 unsigned int hook)
{
	const struct netns_nf *nf = net->nf;

	if (!nf || pf > NFPROTO_IPV6 || hook > NF_INET_NUMHOOKS)
		return NULL;
	return &nf->hooks[pf][hook];
}
int nf_register_net_hook(struct net *net, const struct nf_hook_ops *ops);
void nf_unregister_net_hook(struct net *net, const struct nf_hook_ops *ops);

static inline int nf_hook(u8 pf, unsigned int hook, struct net *net, struct sock *sk,
			  struct sk_buff *skb, struct net_device *indev,
			  struct net_device *outdev,
			  int (*okfn)(struct net *, struct sock *, struct sk_buff *))
{
	const struct nf_hook_entries *e = nf_hook_entries_get(net, pf, hook);
	struct nf_hook_state state;

	if (!e || !e->num)
		return 1;
	state.hook = (u8)hook;
	state.pf = pf;
	state.in = indev;
	state.out = outdev;
	state.sk = sk;
	state.net = net;
	state.okfn = okfn;
	return nf_hook_slow(skb, &state, e);
}

static inline int NF_HOOK(u8 pf, unsigned int hook, struct net *net, struct sock *sk,
			  struct sk_buff *skb, struct net_device *in,
			  struct net_device *out,
			  int (*okfn)(struct net *, struct sock *, struct sk_buff *))
{
	int ret = nf_hook(pf, hook, net, sk, skb, in, out, okfn);

	if (ret == 1)
		ret = okfn(net, sk, skb);
	return ret;
}

static inline int NF_HOOK_COND(u8 pf, unsigned int hook, struct net *net, struct sock *sk,
			       struct sk_buff *skb, struct net_device *in,
			       struct net_device *out,
			       int (*okfn)(struct net *, struct sock *, struct sk_buff *),
			       bool cond)
{
	int ret = 1;

	if (cond)
		ret = nf_hook(pf, hook, net, sk, skb, in, out, okfn);
	if (ret == 1)
		ret = okfn(net, sk, skb);
	return ret;
}

#endif
