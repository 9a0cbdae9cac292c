/* -j HL (net/netfilter/xt_HL.c's hl_tg6): set, increase or decrease the
 * hop limit, in the mangle table.  IPv6 has no header checksum to fix. */
#include <errno.h>
#include "linux/netfilter_ipv6/ip6_tables.h"
#include "uapi/linux/netfilter_ipv6/ip6t.h"
#include "net/ipv6.h"

static unsigned int hl_tg6(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct ip6t_HL_info *info = par->targinfo;
	struct ipv6hdr *ip6h;
	int hl;

	if (skb_cow(skb, 0))
		return NF_DROP;
	ip6h = ipv6_hdr(skb);
	hl = ip6h->hop_limit;
	switch (info->mode) {
	case IP6T_HL_SET:
		hl = info->hop_limit;
		break;
	case IP6T_HL_INC:
		hl += info->hop_limit;
		if (hl > 255)
			hl = 255;
		break;
	case IP6T_HL_DEC:
		hl -= info->hop_limit;
		if (hl < 0)
			hl = 0;
		break;
	}
	ip6h->hop_limit = (u8)hl;
	return XT_CONTINUE;
}

static int hl_tg6_check(const struct xt_tgchk_param *par)
{
	const struct ip6t_HL_info *info = par->targinfo;

	if (info->mode > IP6T_HL_MAXMODE)
		return -EINVAL;
	if (info->mode != IP6T_HL_SET && info->hop_limit == 0)
		return -EINVAL;
	return 0;
}

const struct xt_target ip6t_hl_target = {
	.name = "HL", .family = NFPROTO_IPV6, .target = hl_tg6, .checkentry = hl_tg6_check,
	.targetsize = sizeof(struct ip6t_HL_info), .table = "mangle",
};
