/* -m connmark and -j CONNMARK (net/netfilter/xt_connmark.c): the mark of
 * the packet's conntrack entry, tested as (ctmark & mask) == mark; set as
 * (ctmark & ~ctmask) ^ ctmark_value, saved from the packet's mark or
 * restored into it. */
#include "linux/netfilter/x_tables.h"
#include "net/netfilter/nf_conntrack.h"
#include "uapi/linux/netfilter/xt_conntrack.h"

static bool connmark_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_connmark_mtinfo1 *info = par->matchinfo;
	enum ip_conntrack_info ctinfo;
	const struct nf_conn *ct = nf_ct_get(skb, &ctinfo);

	if (!ct)
		return false;
	return ((ct->mark & info->mask) == info->mark) ^ info->invert;
}

static void connmark_set(struct nf_conn *ct, u32 mark)
{
	if (ct->mark == mark)
		return;
	ct->mark = mark;
	if (nf_ct_is_confirmed(ct))
		nf_conntrack_event_cache(IPCT_UPDATE, ct);
}

static unsigned int connmark_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_connmark_tginfo1 *info = par->targinfo;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);

	if (!ct || (ct->status & IPS_UNTRACKED))
		return XT_CONTINUE;
	switch (info->mode) {
	case XT_CONNMARK_SET:
		connmark_set(ct, (ct->mark & ~info->ctmask) ^ info->ctmark);
		break;
	case XT_CONNMARK_SAVE:
		connmark_set(ct, (ct->mark & ~info->ctmask) ^ (skb->mark & info->nfmask));
		break;
	case XT_CONNMARK_RESTORE:
		skb->mark = (skb->mark & ~info->nfmask) ^ (ct->mark & info->ctmask);
		break;
	}
	return XT_CONTINUE;
}

static int connmark_mt_check(const struct xt_mtchk_param *par)
{
	return nf_ct_netns_get_af(par->net, par->family);
}

static void connmark_mt_destroy(const struct xt_mtdtor_param *par)
{
	nf_ct_netns_put_af(par->net, par->family);
}

static int connmark_tg_check(const struct xt_tgchk_param *par)
{
	return nf_ct_netns_get_af(par->net, par->family);
}

static void connmark_tg_destroy(const struct xt_tgdtor_param *par)
{
	nf_ct_netns_put_af(par->net, par->family);
}

const struct xt_match xt_connmark_match = {
	.name = "connmark", .revision = 1, .family = NFPROTO_UNSPEC, .match = connmark_mt,
	.checkentry = connmark_mt_check, .destroy = connmark_mt_destroy,
	.matchsize = sizeof(struct xt_connmark_mtinfo1),
};

const struct xt_target xt_connmark_target = {
	.name = "CONNMARK", .revision = 1, .family = NFPROTO_UNSPEC, .target = connmark_tg,
	.checkentry = connmark_tg_check, .destroy = connmark_tg_destroy,
	.targetsize = sizeof(struct xt_connmark_tginfo1),
};
