/* -m mark and -j MARK (net/netfilter/xt_mark.c): the packet's skb->mark,
 * tested as (mark & mask) == value, and set as (mark & ~mask) ^ value. */
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_misc.h"
#include "uapi/linux/netfilter/xt_targets.h"

static bool mark_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_mark_mtinfo1 *info = par->matchinfo;

	return ((skb->mark & info->mask) == info->mark) ^ info->invert;
}

static unsigned int mark_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_mark_tginfo2 *info = par->targinfo;

	skb->mark = (skb->mark & ~info->mask) ^ info->mark;
	return XT_CONTINUE;
}

const struct xt_match xt_mark_match = {
	.name = "mark", .revision = 1, .family = NFPROTO_UNSPEC, .match = mark_mt,
	.matchsize = sizeof(struct xt_mark_mtinfo1),
};

const struct xt_target xt_mark_target = {
	.name = "MARK", .revision = 2, .family = NFPROTO_UNSPEC, .target = mark_tg,
	.targetsize = sizeof(struct xt_mark_tginfo2),
};
