/* -m statistic (net/netfilter/xt_statistic.c): random sampling from the
 * world's seeded generator (so runs repeat), or every Nth packet with a
 * counter kept in the rule. */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_misc.h"
#include "net/trace.h"

static bool statistic_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	struct xt_statistic_info *info = (struct xt_statistic_info *)par->matchinfo;
	bool ret = info->flags & XT_STATISTIC_INVERT;

	switch (info->mode) {
	case XT_STATISTIC_MODE_RANDOM:
		if ((world_random_u32(skb_world(skb)) & 0x7FFFFFFF) < info->u.random.probability)
			ret = !ret;
		break;
	case XT_STATISTIC_MODE_NTH:
		info->nth_count = info->nth_count == info->u.nth.every ? 0 : info->nth_count + 1;
		if (info->nth_count == info->u.nth.packet)
			ret = !ret;
		break;
	}
	return ret;
}

static int statistic_mt_check(const struct xt_mtchk_param *par)
{
	struct xt_statistic_info *info = par->matchinfo;

	if (info->mode > XT_STATISTIC_MODE_NTH || (info->flags & ~XT_STATISTIC_INVERT))
		return -EINVAL;
	/* the running counter came from the tool (u.nth.count) or from the
	 * table this one replaces: a table edit keeps the rule's state */
	if (info->nth_count > info->u.nth.every)
		info->nth_count = info->u.nth.count;
	return 0;
}

const struct xt_match xt_statistic_match = {
	.name = "statistic", .family = NFPROTO_UNSPEC, .match = statistic_mt,
	.checkentry = statistic_mt_check, .matchsize = sizeof(struct xt_statistic_info),
};
