/* -m comment (net/netfilter/xt_comment.c): always matches; the text is for
 * people (and for the packet trace, which names the rule with it). */
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_misc.h"

static bool comment_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	(void)skb;
	(void)par;
	return true;
}

const struct xt_match xt_comment_match = {
	.name = "comment", .family = NFPROTO_UNSPEC, .match = comment_mt,
	.matchsize = sizeof(struct xt_comment_info),
};
