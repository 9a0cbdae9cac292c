/* -m physdev (net/netfilter/xt_physdev.c): the bridge ports a bridged
 * IPv4 packet came in on and goes out of, which br_netfilter records in
 * skb->nf_bridge before the packet passes the iptables hooks. */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_misc.h"

static bool physdev_name_match(const char *name, const char *want, const char *mask)
{
	unsigned int diff = 0;

	for (unsigned int i = 0; i < IFNAMSIZ; i++)
		diff |= (unsigned int)(unsigned char)(name[i] ^ want[i]) & (unsigned char)mask[i];
	return diff == 0;
}

static bool physdev_unbridged(const struct xt_physdev_info *info)
{
	/* not bridged: matches only when the rule asks for "not bridged" or
	 * only for inverted names */
	if ((info->bitmask & XT_PHYSDEV_OP_BRIDGED) && !(info->invert & XT_PHYSDEV_OP_BRIDGED))
		return false;
	if ((info->bitmask & XT_PHYSDEV_OP_ISIN) && !(info->invert & XT_PHYSDEV_OP_ISIN))
		return false;
	if ((info->bitmask & XT_PHYSDEV_OP_ISOUT) && !(info->invert & XT_PHYSDEV_OP_ISOUT))
		return false;
	if ((info->bitmask & XT_PHYSDEV_OP_IN) && !(info->invert & XT_PHYSDEV_OP_IN))
		return false;
	if ((info->bitmask & XT_PHYSDEV_OP_OUT) && !(info->invert & XT_PHYSDEV_OP_OUT))
		return false;
	return true;
}

static bool physdev_flag(const struct xt_physdev_info *info, u8 op, bool value)
{
	return !(info->bitmask & op) || (value ^ !!(info->invert & op));
}

static bool physdev_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	static const char nulldev[IFNAMSIZ];
	const struct xt_physdev_info *info = par->matchinfo;
	const struct nf_bridge_info *nb = skb->nf_bridge;
	const char *in, *out;

	if (!nb)
		return physdev_unbridged(info);
	if (!physdev_flag(info, XT_PHYSDEV_OP_BRIDGED, nb->physoutdev != NULL) ||
	    !physdev_flag(info, XT_PHYSDEV_OP_ISIN, nb->physindev != NULL) ||
	    !physdev_flag(info, XT_PHYSDEV_OP_ISOUT, nb->physoutdev != NULL))
		return false;
	in = nb->physindev ? nb->physindev->name : nulldev;
	out = nb->physoutdev ? nb->physoutdev->name : nulldev;
	if ((info->bitmask & XT_PHYSDEV_OP_IN) &&
	    !(physdev_name_match(in, info->physindev, info->in_mask) ^
	      !!(info->invert & XT_PHYSDEV_OP_IN)))
		return false;
	if ((info->bitmask & XT_PHYSDEV_OP_OUT) &&
	    !(physdev_name_match(out, info->physoutdev, info->out_mask) ^
	      !!(info->invert & XT_PHYSDEV_OP_OUT)))
		return false;
	return true;
}

static int physdev_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_physdev_info *info = par->matchinfo;

	if (!(info->bitmask & XT_PHYSDEV_OP_MASK) || (info->bitmask & ~XT_PHYSDEV_OP_MASK))
		return -EINVAL;
	return 0;
}

const struct xt_match xt_physdev_match = {
	.name = "physdev", .family = NFPROTO_UNSPEC, .match = physdev_mt,
	.checkentry = physdev_mt_check, .matchsize = sizeof(struct xt_physdev_info),
};
