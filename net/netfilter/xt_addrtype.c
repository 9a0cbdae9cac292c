/* -m addrtype (net/netfilter/xt_addrtype.c, revision 1): the route type
 * (LOCAL, UNICAST, BROADCAST, ...) of the source and/or destination
 * address in the namespace's tables, optionally only on the in or out
 * device. */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_misc.h"
#include "net/ip.h"
#include "net/ip_fib.h"

static bool addrtype_ok(struct net *net, const struct net_device *dev, __be32 addr, u16 mask)
{
	unsigned int type = dev ? inet_dev_addr_type(net, dev, addr) : inet_addr_type(net, addr);

	return !!(mask & (1u << type));
}

static bool addrtype_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_addrtype_info_v1 *info = par->matchinfo;
	const struct iphdr *iph = ip_hdr(skb);
	const struct net_device *dev = NULL;
	struct net *net = xt_net(par);

	if (info->flags & XT_ADDRTYPE_LIMIT_IFACE_IN)
		dev = xt_in(par);
	else if (info->flags & XT_ADDRTYPE_LIMIT_IFACE_OUT)
		dev = xt_out(par);
	if (info->source && (addrtype_ok(net, dev, iph->saddr, info->source) ^
			     !!(info->flags & XT_ADDRTYPE_INVERT_SOURCE)) == false)
		return false;
	if (info->dest && (addrtype_ok(net, dev, iph->daddr, info->dest) ^
			   !!(info->flags & XT_ADDRTYPE_INVERT_DEST)) == false)
		return false;
	return true;
}

static int addrtype_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_addrtype_info_v1 *info = par->matchinfo;
	unsigned int in_hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_IN) |
				(1 << NF_INET_FORWARD);
	unsigned int out_hooks = (1 << NF_INET_POST_ROUTING) | (1 << NF_INET_LOCAL_OUT) |
				 (1 << NF_INET_FORWARD);

	if ((info->flags & XT_ADDRTYPE_LIMIT_IFACE_IN) &&
	    (info->flags & XT_ADDRTYPE_LIMIT_IFACE_OUT))
		return -EINVAL;
	if ((info->flags & XT_ADDRTYPE_LIMIT_IFACE_IN) && (par->hook_mask & ~in_hooks))
		return -EINVAL;
	if ((info->flags & XT_ADDRTYPE_LIMIT_IFACE_OUT) && (par->hook_mask & ~out_hooks))
		return -EINVAL;
	return 0;
}

const struct xt_match xt_addrtype_match = {
	.name = "addrtype", .revision = 1, .family = NFPROTO_IPV4, .match = addrtype_mt,
	.checkentry = addrtype_mt_check, .matchsize = sizeof(struct xt_addrtype_info_v1),
};
