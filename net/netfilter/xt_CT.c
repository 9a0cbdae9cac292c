/* -j CT and -j NOTRACK in the raw table (net/netfilter/xt_CT.c): --notrack
 * gives the packet the namespace's untracked entry before conntrack runs,
 * so it stays UNTRACKED.  --zone N (--zone-orig, --zone-reply, or the
 * packet's mark with "mark") gives it a template entry carrying the zone,
 * which nf_conntrack_in looks the packet up in. */
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

	struct nf_conn *tmpl;
	u8 flags = 0;

	if (info->flags & XT_CT_NOTRACK)
		return notrack_tg(skb, par);
	if (skb->_nfct || (!info->zone && !(info->flags & XT_CT_ZONE_MARK)))
		return XT_CONTINUE;
	if (info->flags & XT_CT_ZONE_DIR_ORIG)
		flags |= NF_CT_ZONE_DIR_ORIG;
	if (info->flags & XT_CT_ZONE_DIR_REPL)
		flags |= NF_CT_ZONE_DIR_REPL;
	if (!flags)
		flags = NF_CT_DEFAULT_ZONE_DIR;
	if (info->flags & XT_CT_ZONE_MARK)
		flags |= NF_CT_FLAG_MARK;
	tmpl = nf_ct_tmpl_get(xt_net(par), info->zone, flags);
	if (tmpl)
		nf_ct_set(skb, tmpl, IP_CT_NEW);
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
