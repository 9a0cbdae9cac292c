/* -j CHECKSUM --checksum-fill (net/netfilter/xt_CHECKSUM.c), mangle table:
 * a packet whose transport checksum is still to be filled in by the
 * device (CHECKSUM_PARTIAL: made on this host for a device that offloads
 * it) gets it computed now, for the programs that would read it before
 * (a DHCP client behind a virtual device). */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_extra.h"

static unsigned int checksum_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	(void)par;
	if (skb->ip_summed == CHECKSUM_PARTIAL)
		skb_checksum_help(skb);
	return XT_CONTINUE;
}

static int checksum_tg_check(const struct xt_tgchk_param *par)
{
	const struct xt_CHECKSUM_info *info = par->targinfo;

	if (!info->operation || (info->operation & ~XT_CHECKSUM_OP_FILL))
		return -EINVAL;
	return 0;
}

const struct xt_target xt_checksum_target = {
	.name = "CHECKSUM", .revision = 0, .family = NFPROTO_UNSPEC, .target = checksum_tg,
	.checkentry = checksum_tg_check, .targetsize = sizeof(struct xt_CHECKSUM_info),
	.table = "mangle",
};
