/* -j CT and -j NOTRACK in the raw table (net/netfilter/xt_CT.c): --notrack
 * gives the packet the namespace's untracked entry before conntrack runs,
 * so it stays UNTRACKED.  Zones are accepted and not applied. */
#include "linux/netfilter/x_tables.h"
#include "net/netfilter/nf_conntrack.h"
#include "uapi/linux/netfilter/xt_conntrack.h"

static unsigned int notrack_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	struct nf_conn *ct;

	if (skb->_nfct)				/* already tracked (looped back) */
		return XT_CONTINUE;
	ct = nf_ct_untracked_get(xt_net(par));
	nf_conntrack_get(&ct->ct_general);
	nf_ct_set(skb, ct, IP_CT_UNTRACKED);
	return XT_CONTINUE;
}

static unsigned int ct_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_ct_target_info *info = par->targinfo;

	if (info->flags & XT_CT_NOTRACK)
		return notrack_tg(skb, par);
	return XT_CONTINUE;
}

const struct xt_target xt_ct_target = {
	.name = "CT", .revision = 0, .family = NFPROTO_UNSPEC, .target = ct_tg,
	.targetsize = sizeof(struct xt_ct_target_info), .table = "raw",
};

const struct xt_target xt_notrack_target = {
	.name = "NOTRACK", .revision = 0, .family = NFPROTO_UNSPEC, .target = notrack_tg,
	.table = "raw",
};
