/* -m connlabel (net/netfilter/xt_connlabel.c): one of the 128 label bits
 * of the packet's conntrack entry; with --set the bit is set when it is
 * not, and the match is true.  The bits live in the entry's extension
 * (nf_ct_ext, made when a bit is first set); an entry without one, or a
 * packet without an entry, has none set. */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "net/netfilter/nf_conntrack.h"
#include "uapi/linux/netfilter/xt_extra.h"

static bool connlabel_test(const struct nf_conn *ct, unsigned int bit)
{
	return ct->ext && (ct->ext->labels[bit / 64] >> (bit % 64) & 1);
}

static bool connlabel_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_connlabel_mtinfo *info = par->matchinfo;
	bool invert = info->options & XT_CONNLABEL_OP_INVERT;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);

	if (!ct || (ct->status & IPS_UNTRACKED))
		return invert;
	if (connlabel_test(ct, info->bit))
		return !invert;
	if (!(info->options & XT_CONNLABEL_OP_SET))
		return invert;
	if (!nf_ct_ext_add(ct))			/* no labels area: none set */
		return invert;
	ct->ext->labels[info->bit / 64] |= 1ULL << (info->bit % 64);
	if (nf_ct_is_confirmed(ct))
		nf_conntrack_event_cache(IPCT_UPDATE, ct);	/* IPCT_LABEL */
	return !invert;
}

static int connlabel_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_connlabel_mtinfo *info = par->matchinfo;

	if (info->options & ~(XT_CONNLABEL_OP_INVERT | XT_CONNLABEL_OP_SET))
		return -EINVAL;
	if (info->bit > XT_CONNLABEL_MAXBIT)
		return -ERANGE;
	return nf_ct_netns_get_af(par->net, par->family);
}

static void connlabel_mt_destroy(const struct xt_mtdtor_param *par)
{
	nf_ct_netns_put_af(par->net, par->family);
}

const struct xt_match xt_connlabel_match = {
	.name = "connlabel", .revision = 0, .family = NFPROTO_UNSPEC, .match = connlabel_mt,
	.checkentry = connlabel_mt_check, .destroy = connlabel_mt_destroy,
	.matchsize = sizeof(struct xt_connlabel_mtinfo),
};
