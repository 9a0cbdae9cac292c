/* Netfilter core (net/netfilter/core.c): per-namespace hook lists sorted by
 * priority, and nf_hook_slow() which walks them and acts on the verdicts. */
#include <errno.h>
#include <stdlib.h>
#include "linux/slab.h"
#include "linux/netfilter.h"
#include "net/net_namespace.h"
#include "net/netfilter/nf_queue.h"

/* br_netfilter's hooks follow the IPv4 ones (net/bridge/br_netfilter_hooks.c) */
int br_nf_hooks_update(struct net *net);

int nf_register_net_hook(struct net *net, const struct nf_hook_ops *ops)
{
	struct nf_hook_entries *e;
	unsigned int i;

	if (!net->nf) {
		net->nf = kzalloc(sizeof(struct netns_nf));
		if (!net->nf)
			return -ENOMEM;
	}
	e = &((struct netns_nf *)net->nf)->hooks[ops->pf][ops->hooknum];
	if (e->num >= NF_MAX_HOOKS_PER_POINT)
		return -ENOSPC;
	for (i = e->num; i > 0 && e->ops[i - 1]->priority > ops->priority; i--)
		e->ops[i] = e->ops[i - 1];
	e->ops[i] = ops;
	e->num++;
	if (ops->pf == NFPROTO_IPV4) {
		int err = br_nf_hooks_update(net);

		if (err) {
			nf_unregister_net_hook(net, ops);
			return err;
		}
	}
	return 0;
}

void nf_unregister_net_hook(struct net *net, const struct nf_hook_ops *ops)
{
	struct nf_hook_entries *e;

	if (!net->nf)
		return;
	e = &((struct netns_nf *)net->nf)->hooks[ops->pf][ops->hooknum];
	for (unsigned int i = 0; i < e->num; i++) {
		if (e->ops[i] != ops)
			continue;
		for (; i + 1 < e->num; i++)
			e->ops[i] = e->ops[i + 1];
		e->num--;
		if (ops->pf == NFPROTO_IPV4)
			br_nf_hooks_update(net);
		return;
	}
}

/* Runs the hooks in priority order from index start.  ACCEPT goes on to the
 * next hook, DROP frees the skb and returns the errno it carries (-EPERM by
 * default), STOLEN means a hook took the skb, QUEUE hands it to a queue
 * (nf_queue.c: a reader continues it later with nf_reinject), REPEAT calls
 * the same hook again, STOP accepts without the remaining hooks. */
int nf_hook_slow_from(struct sk_buff *skb, struct nf_hook_state *state,
		      const struct nf_hook_entries *e, unsigned int start)
{
	/* NAT and TCPMSS update checksums incrementally, which needs a
	 * complete one (Linux's inet_proto_csum_replace4 also knows how to
	 * update a CHECKSUM_PARTIAL pseudo-header sum) */
	if (skb->ip_summed == CHECKSUM_PARTIAL && skb_checksum_help(skb)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_SKB_CSUM);
		return -ENOMEM;
	}
	for (unsigned int i = start; i < e->num; i++) {
		unsigned int verdict = e->ops[i]->hook(e->ops[i]->priv, skb, state);
		int ret;

		switch (verdict & NF_VERDICT_MASK) {
		case NF_ACCEPT:
			break;
		case NF_DROP:
			kfree_skb_reason(skb, SKB_DROP_REASON_NETFILTER_DROP);
			ret = NF_DROP_GETERR(verdict);
			return ret ? ret : -EPERM;
		case NF_STOLEN:
			return 0;
		case NF_QUEUE:
			ret = nf_queue(skb, state, i, verdict);
			if (ret != 1)
				return ret;
			break;
		case NF_REPEAT:
			i--;
			break;
		default:
			return 1;
		}
	}
	return 1;
}

int nf_hook_slow(struct sk_buff *skb, struct nf_hook_state *state,
		 const struct nf_hook_entries *e)
{
	return nf_hook_slow_from(skb, state, e, 0);
}

void nf_net_exit(struct net *net)
{
	nfqnl_net_exit(net);
	free(net->nf);
	net->nf = NULL;
}
