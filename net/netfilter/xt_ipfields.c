/* Matches on one field of the IP header or the skb: -m length
 * (xt_length.c, the IP total length; for IPv6 the payload length + 40),
 * -m ttl (ipt_ttl / xt_hl.c), -m tos and -m dscp (xt_dscp.c), -m pkttype
 * (xt_pkttype.c: host, broadcast, multicast, as the link layer classified
 * the frame; for IPv6 too). */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_misc.h"
#include "net/ip.h"
#include "net/ipv6.h"

static bool length_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_length_info *info = par->matchinfo;
	/* length_mt6: the payload length and the fixed header */
	u16 len = xt_family(par) == NFPROTO_IPV6 ? ntohs(ipv6_hdr(skb)->payload_len) + 40 :
		  ntohs(ip_hdr(skb)->tot_len);

	return (len >= info->min && len <= info->max) ^ info->invert;
}

static bool ttl_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct ipt_ttl_info *info = par->matchinfo;
	u8 ttl = ip_hdr(skb)->ttl;

	switch (info->mode) {
	case IPT_TTL_EQ:
		return ttl == info->ttl;
	case IPT_TTL_NE:
		return ttl != info->ttl;
	case IPT_TTL_LT:
		return ttl < info->ttl;
	case IPT_TTL_GT:
		return ttl > info->ttl;
	}
	return false;
}

static int ttl_mt_check(const struct xt_mtchk_param *par)
{
	const struct ipt_ttl_info *info = par->matchinfo;

	return info->mode > IPT_TTL_GT ? -EINVAL : 0;
}

static bool tos_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_tos_match_info *info = par->matchinfo;

	return ((ip_hdr(skb)->tos & info->tos_mask) == info->tos_value) ^ !!info->invert;
}

static bool dscp_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_dscp_info *info = par->matchinfo;

	return ((ip_hdr(skb)->tos >> 2) == info->dscp) ^ !!info->invert;
}

static int dscp_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_dscp_info *info = par->matchinfo;

	return info->dscp > 0x3f ? -EDOM : 0;
}

static bool pkttype_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_pkttype_info *info = par->matchinfo;
	int type = skb->pkt_type;

	/* a locally sent multicast or broadcast has pkt_type HOST: classify by
	 * the destination as Linux does for the loopback case */
	if (type == PACKET_HOST &&
	    (xt_family(par) == NFPROTO_IPV6 ? ipv6_addr_is_multicast(&ipv6_hdr(skb)->daddr) :
	     ipv4_is_multicast(ip_hdr(skb)->daddr)))
		type = PACKET_MULTICAST;
	return (type == info->pkttype) ^ !!info->invert;
}

const struct xt_match xt_length_match = {
	.name = "length", .family = NFPROTO_UNSPEC, .match = length_mt,
	.matchsize = sizeof(struct xt_length_info),
};

const struct xt_match xt_ttl_match = {
	.name = "ttl", .family = NFPROTO_IPV4, .match = ttl_mt, .checkentry = ttl_mt_check,
	.matchsize = sizeof(struct ipt_ttl_info),
};

const struct xt_match xt_tos_match = {
	.name = "tos", .revision = 1, .family = NFPROTO_IPV4, .match = tos_mt,
	.matchsize = sizeof(struct xt_tos_match_info),
};

const struct xt_match xt_dscp_match = {
	.name = "dscp", .family = NFPROTO_IPV4, .match = dscp_mt, .checkentry = dscp_mt_check,
	.matchsize = sizeof(struct xt_dscp_info),
};

const struct xt_match xt_pkttype_match = {
	.name = "pkttype", .family = NFPROTO_UNSPEC, .match = pkttype_mt,
	.matchsize = sizeof(struct xt_pkttype_info),
};
