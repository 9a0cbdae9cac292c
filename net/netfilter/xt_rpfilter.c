/* -m rpfilter (net/ipv4/netfilter/ipt_rpfilter.c), raw and mangle
 * PREROUTING: reverse path filtering as a match.  The source address is
 * looked up as a destination (with the packet's mark under --validmark):
 * the route must be unicast (or local, with --accept-local) and go out
 * of the device the packet came in on (any device with --loose).  Looped
 * back packets, and a zero source to a broadcast or local multicast
 * address (DHCP), pass.  --invert matches the packets that fail. */
#include <errno.h>
#include <string.h>
#include "linux/netfilter.h"
#include "linux/netfilter/x_tables.h"
#include "linux/netdevice.h"
#include "net/ip.h"
#include "net/ip_fib.h"
#include "net/route.h"
#include "uapi/linux/netfilter/xt_extra.h"

#define RPF_FLAGS (XT_RPFILTER_LOOSE | XT_RPFILTER_VALID_MARK | XT_RPFILTER_ACCEPT_LOCAL | \
		   XT_RPFILTER_INVERT)

/* fib_info_nh_uses_dev(): does one of the route's nexthops use dev? */
static bool rpfilter_nh_uses_dev(const struct fib_info *fi, const struct net_device *dev)
{
	for (int i = 0; fi && i < fi->fib_nhs; i++)
		if (fi->fib_nh[i].fib_nh_dev == dev)
			return true;
	return false;
}

static bool rpfilter_lookup_reverse(struct net *net, struct flowi4 *fl4,
				    const struct net_device *dev, u8 flags)
{
	struct fib_result res;

	memset(&res, 0, sizeof(res));
	if (fib_lookup(net, fl4, &res, FIB_LOOKUP_IGNORE_LINKSTATE))
		return false;
	if (res.type != RTN_UNICAST &&
	    (res.type != RTN_LOCAL || !(flags & XT_RPFILTER_ACCEPT_LOCAL)))
		return false;
	return rpfilter_nh_uses_dev(res.fi, dev) || (flags & XT_RPFILTER_LOOSE);
}

static bool rpfilter_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_rpfilter_info *info = par->matchinfo;
	const struct net_device *in = xt_in(par);
	bool invert = info->flags & XT_RPFILTER_INVERT;
	const struct iphdr *iph = ip_hdr(skb);
	struct flowi4 fl4;

	if (skb->pkt_type == PACKET_LOOPBACK || (in->flags & IFF_LOOPBACK))
		return !invert;
	if (ipv4_is_zeronet(iph->saddr) &&
	    (ipv4_is_lbcast(iph->daddr) || ipv4_is_local_multicast(iph->daddr)))
		return !invert;
	memset(&fl4, 0, sizeof(fl4));
	fl4.flowi4_iif = 1;			/* LOOPBACK_IFINDEX */
	fl4.daddr = iph->saddr;
	fl4.saddr = ipv4_is_multicast(iph->daddr) || ipv4_is_lbcast(iph->daddr) ||
		    ipv4_is_zeronet(iph->daddr) ? 0 : iph->daddr;
	fl4.flowi4_mark = (info->flags & XT_RPFILTER_VALID_MARK) ? skb->mark : 0;
	fl4.flowi4_tos = iph->tos & IPTOS_RT_MASK;
	fl4.flowi4_scope = RT_SCOPE_UNIVERSE;
	return rpfilter_lookup_reverse(xt_net(par), &fl4, in, info->flags) ^ invert;
}

static int rpfilter_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_rpfilter_info *info = par->matchinfo;

	if (info->flags & ~RPF_FLAGS)
		return -EINVAL;
	if (strcmp(par->table, "mangle") && strcmp(par->table, "raw"))
		return -EINVAL;		/* "only valid in 'raw' or 'mangle' table" */
	return 0;
}

const struct xt_match xt_rpfilter_match = {
	.name = "rpfilter", .revision = 0, .family = NFPROTO_IPV4, .match = rpfilter_mt,
	.checkentry = rpfilter_mt_check, .matchsize = sizeof(struct xt_rpfilter_info),
	.hooks = 1 << NF_INET_PRE_ROUTING,
};
