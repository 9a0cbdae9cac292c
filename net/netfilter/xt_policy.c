/* -m policy (net/netfilter/xt_policy.c): the IPsec policy a packet was
 * decapsulated with (--dir in: its secpath) or will be encapsulated with
 * (--dir out: its route's xfrm bundle).  skbox has no IPsec: no packet has
 * a secpath or an xfrm route, so the kernel's match_policy_in/out() answer
 * "no policy" (-1) for every packet: --pol none matches every packet,
 * --pol ipsec none.  checkentry refuses what the kernel refuses: no
 * direction, an outgoing policy at PREROUTING/INPUT, an incoming one at
 * POSTROUTING/OUTPUT, more than XT_POLICY_MAX_ELEM elements. */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_policy.h"

static bool policy_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_policy_info *info = par->matchinfo;

	/* match_policy_in/out(): no secpath, no xfrm route -> -1, "no policy" */
	(void)skb;
	return info->flags & XT_POLICY_MATCH_NONE;
}

static int policy_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_policy_info *info = par->matchinfo;
	unsigned int in_hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_IN);
	unsigned int out_hooks = (1 << NF_INET_POST_ROUTING) | (1 << NF_INET_LOCAL_OUT);

	if (!(info->flags & (XT_POLICY_MATCH_IN | XT_POLICY_MATCH_OUT)))
		return -EINVAL;
	if ((par->hook_mask & in_hooks) && (info->flags & XT_POLICY_MATCH_OUT))
		return -EINVAL;
	if ((par->hook_mask & out_hooks) && (info->flags & XT_POLICY_MATCH_IN))
		return -EINVAL;
	if (info->len > XT_POLICY_MAX_ELEM)
		return -EINVAL;
	return 0;
}

const struct xt_match xt_policy_match = {
	.name = "policy", .family = NFPROTO_IPV4, .match = policy_mt,
	.checkentry = policy_mt_check, .matchsize = sizeof(struct xt_policy_info),
};
