/* -m multiport (net/netfilter/xt_multiport.c, revision 1): up to 15 ports
 * or ranges, matched against the source, destination or either port of a
 * TCP/UDP/SCTP/DCCP/UDP-Lite packet (first fragment only). */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_misc.h"

static bool ports_match(const struct xt_multiport_v1 *info, u16 src, u16 dst)
{
	for (unsigned int i = 0; i < info->count; i++) {
		u16 s = info->ports[i], e = s;

		if (info->pflags[i] && i + 1 < info->count)
			e = info->ports[++i];
		switch (info->flags) {
		case XT_MULTIPORT_SOURCE:
			if (src >= s && src <= e)
				return !info->invert;
			break;
		case XT_MULTIPORT_DESTINATION:
			if (dst >= s && dst <= e)
				return !info->invert;
			break;
		default:
			if ((src >= s && src <= e) || (dst >= s && dst <= e))
				return !info->invert;
		}
	}
	return info->invert;
}

static bool multiport_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	u8 buf[4];
	const u8 *pp;

	if (par->fragoff != 0)
		return false;
	pp = xt_header_pointer(skb, (int)par->thoff, 4, buf);
	if (!pp) {
		par->hotdrop = true;
		return false;
	}
	return ports_match(par->matchinfo, (u16)(pp[0] << 8 | pp[1]), (u16)(pp[2] << 8 | pp[3]));
}

static int multiport_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_multiport_v1 *info = par->matchinfo;
	u16 proto = par->entryinfo->proto;

	if ((par->entryinfo->invflags & IPT_INV_PROTO) ||
	    (proto != 6 && proto != 17 && proto != 136 && proto != 132 && proto != 33))
		return -EINVAL;
	return (info->flags <= XT_MULTIPORT_EITHER && info->count <= XT_MULTI_PORTS) ? 0 : -EINVAL;
}

const struct xt_match xt_multiport_match = {
	.name = "multiport", .revision = 1, .family = NFPROTO_UNSPEC, .match = multiport_mt,
	.checkentry = multiport_mt_check, .matchsize = sizeof(struct xt_multiport_v1),
};
