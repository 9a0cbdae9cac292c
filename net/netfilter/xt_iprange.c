/* -m iprange (net/netfilter/xt_iprange.c, revision 1): source and/or
 * destination address within an inclusive range, compared in host order. */
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_misc.h"
#include "net/ip.h"

static bool in_range(__be32 addr, __be32 min, __be32 max)
{
	u32 a = ntohl(addr);

	return a >= ntohl(min) && a <= ntohl(max);
}

static bool iprange_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_iprange_mtinfo *info = par->matchinfo;
	const struct iphdr *iph = ip_hdr(skb);

	if ((info->flags & IPRANGE_SRC) &&
	    !(in_range(iph->saddr, info->src_min, info->src_max) ^
	      !!(info->flags & IPRANGE_SRC_INV)))
		return false;
	if ((info->flags & IPRANGE_DST) &&
	    !(in_range(iph->daddr, info->dst_min, info->dst_max) ^
	      !!(info->flags & IPRANGE_DST_INV)))
		return false;
	return true;
}

const struct xt_match xt_iprange_match = {
	.name = "iprange", .revision = 1, .family = NFPROTO_IPV4, .match = iprange_mt,
	.matchsize = sizeof(struct xt_iprange_mtinfo),
};
