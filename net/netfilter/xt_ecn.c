/* -m ecn (net/netfilter/xt_ecn.c): the ECN field of the IP header and the
 * ECE/CWR bits of the TCP header; -m tcpmss (xt_tcpmss.c): the MSS option
 * of a TCP segment within a range (a segment without one matches only
 * inverted). */
#include <errno.h>
#include <netinet/in.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_proto.h"
#include "net/ip.h"

#define TCP_ECE 0x40
#define TCP_CWR 0x80

static bool ecn_match_tcp(const struct sk_buff *skb, const struct xt_ecn_info *info,
			  struct xt_action_param *par)
{
	u8 buf[20];
	const u8 *th = xt_header_pointer(skb, (int)par->thoff, 20, buf);

	if (!th) {
		par->hotdrop = true;
		return false;
	}
	if ((info->operation & XT_ECN_OP_MATCH_ECE) &&
	    !(!!(th[13] & TCP_ECE) ^ !!(info->invert & XT_ECN_OP_MATCH_ECE)))
		return false;
	if ((info->operation & XT_ECN_OP_MATCH_CWR) &&
	    !(!!(th[13] & TCP_CWR) ^ !!(info->invert & XT_ECN_OP_MATCH_CWR)))
		return false;
	return true;
}

static bool ecn_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_ecn_info *info = par->matchinfo;

	if ((info->operation & XT_ECN_OP_MATCH_IP) &&
	    !(((ip_hdr(skb)->tos & XT_ECN_IP_MASK) == info->ip_ect) ^
	      !!(info->invert & XT_ECN_OP_MATCH_IP)))
		return false;
	if (info->operation & (XT_ECN_OP_MATCH_ECE | XT_ECN_OP_MATCH_CWR))
		return ecn_match_tcp(skb, info, par);
	return true;
}

static int ecn_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_ecn_info *info = par->matchinfo;
	const struct ipt_ip *ip = par->entryinfo;

	if (info->operation & XT_ECN_OP_MATCH_MASK || info->invert & XT_ECN_OP_MATCH_MASK)
		return -EINVAL;
	/* "cannot match TCP bits for non-tcp packets" */
	if (info->operation & (XT_ECN_OP_MATCH_ECE | XT_ECN_OP_MATCH_CWR) &&
	    (ip->proto != IPPROTO_TCP || ip->invflags & IPT_INV_PROTO))
		return -EINVAL;
	return 0;
}

static bool tcpmss_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_tcpmss_match_info *info = par->matchinfo;
	u8 buf[60];
	const u8 *th = xt_header_pointer(skb, (int)par->thoff, 20, buf);
	unsigned int optlen;

	if (!th)
		goto drop;
	optlen = (th[12] >> 4) * 4u;
	if (optlen < 20)
		goto drop;
	if (optlen == 20)
		return info->invert;
	th = xt_header_pointer(skb, (int)par->thoff, (int)optlen, buf);
	if (!th)
		goto drop;
	for (unsigned int i = 20; i < optlen;) {
		if (th[i] == 2 && optlen - i >= 4 && th[i + 1] == 4) {
			u16 mss = (u16)(th[i + 2] << 8 | th[i + 3]);

			return (mss >= info->mss_min && mss <= info->mss_max) ^ info->invert;
		}
		if (th[i] < 2 || i + 1 >= optlen || !th[i + 1])
			i++;
		else
			i += th[i + 1];
	}
	return info->invert;
drop:
	par->hotdrop = true;
	return false;
}

const struct xt_match xt_ecn_match = {
	.name = "ecn", .family = NFPROTO_IPV4, .match = ecn_mt, .checkentry = ecn_mt_check,
	.matchsize = sizeof(struct xt_ecn_info),
};

const struct xt_match xt_tcpmss_match = {
	.name = "tcpmss", .family = NFPROTO_UNSPEC, .match = tcpmss_mt,
	.matchsize = sizeof(struct xt_tcpmss_match_info), .proto = IPPROTO_TCP,
};
