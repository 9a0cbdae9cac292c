/* Targets that rewrite the IP header (mangle table): -j DSCP and -j TOS
 * (net/netfilter/xt_DSCP.c), -j TTL (xt_HL.c), and -j ECN
 * (net/ipv4/netfilter/ipt_ECN.c, which also sets or clears the ECE and
 * CWR bits of a TCP header); and -j TCPOPTSTRIP on the TCP options.  Each fixes the checksums incrementally
 * (RFC 1624) and goes on with the next rule. */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_mangle.h"
#include "net/ip.h"

/* The writable IP header, or NULL when the skb cannot be made so. */
static struct iphdr *writable_iph(struct sk_buff *skb)
{
	if (skb_cow(skb, 0) || !pskb_may_pull(skb, sizeof(struct iphdr)))
		return NULL;
	return ip_hdr(skb);
}

/* The first 16-bit word of the IP header holds version, ihl and tos. */
static void ipv4_set_tos(struct iphdr *iph, u8 tos)
{
	__be16 from, to;

	memcpy(&from, iph, 2);
	iph->tos = tos;
	memcpy(&to, iph, 2);
	csum_replace2(&iph->check, from, to);
}

static unsigned int dscp_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_DSCP_info *info = par->targinfo;
	struct iphdr *iph = ip_hdr(skb);

	if ((iph->tos >> 2) != info->dscp && (iph = writable_iph(skb)))
		ipv4_set_tos(iph, (u8)((iph->tos & 0x03) | info->dscp << 2));
	return XT_CONTINUE;
}

static int dscp_tg_check(const struct xt_tgchk_param *par)
{
	const struct xt_DSCP_info *info = par->targinfo;

	return info->dscp > XT_DSCP_MAX ? -EDOM : 0;
}

static unsigned int tos_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_tos_target_info *info = par->targinfo;
	struct iphdr *iph = ip_hdr(skb);
	u8 nv = (u8)((iph->tos & ~info->tos_mask) ^ info->tos_value);

	if (nv != iph->tos && (iph = writable_iph(skb)))
		ipv4_set_tos(iph, nv);
	return XT_CONTINUE;
}

static unsigned int ttl_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct ipt_TTL_info *info = par->targinfo;
	struct iphdr *iph = ip_hdr(skb);
	int ttl = iph->ttl;
	__be16 from, to;

	switch (info->mode) {
	case IPT_TTL_SET:
		ttl = info->ttl;
		break;
	case IPT_TTL_INC:
		ttl = ttl + info->ttl > 255 ? 255 : ttl + info->ttl;
		break;
	case IPT_TTL_DEC:
		ttl = ttl - info->ttl < 0 ? 0 : ttl - info->ttl;
		break;
	}
	if (ttl == iph->ttl || !(iph = writable_iph(skb)))
		return XT_CONTINUE;
	memcpy(&from, &iph->ttl, 2);	/* ttl and protocol share a word */
	iph->ttl = (u8)ttl;
	memcpy(&to, &iph->ttl, 2);
	csum_replace2(&iph->check, from, to);
	return XT_CONTINUE;
}

static int ttl_tg_check(const struct xt_tgchk_param *par)
{
	const struct ipt_TTL_info *info = par->targinfo;

	if (info->mode > IPT_TTL_MAXMODE)
		return -EINVAL;
	return info->mode != IPT_TTL_SET && info->ttl == 0 ? -EINVAL : 0;
}

/* ECE and CWR are bits 6 and 7 of byte 13; the checksum word is 12-13. */
static void ecn_set_tcp(struct sk_buff *skb, const struct ipt_ECN_info *info, unsigned int thoff)
{
	u8 *th, flags;
	__be16 from, to;

	if (!pskb_may_pull(skb, thoff + 20))
		return;
	th = skb->data + thoff;
	flags = th[13];
	if (info->operation & IPT_ECN_OP_SET_ECE)
		flags = (u8)((flags & ~0x40) | (info->ece ? 0x40 : 0));
	if (info->operation & IPT_ECN_OP_SET_CWR)
		flags = (u8)((flags & ~0x80) | (info->cwr ? 0x80 : 0));
	if (flags == th[13])
		return;
	memcpy(&from, th + 12, 2);
	th[13] = flags;
	memcpy(&to, th + 12, 2);
	csum_replace2((__sum16 *)(th + 16), from, to);
}

static unsigned int ecn_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct ipt_ECN_info *info = par->targinfo;
	struct iphdr *iph = writable_iph(skb);

	if (!iph)
		return NF_DROP;
	if ((info->operation & IPT_ECN_OP_SET_IP) && (iph->tos & IPT_ECN_IP_MASK) != info->ip_ect)
		ipv4_set_tos(iph, (u8)((iph->tos & ~IPT_ECN_IP_MASK) | info->ip_ect));
	if ((info->operation & (IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR)) &&
	    ip_hdr(skb)->protocol == IPPROTO_TCP && par->fragoff == 0)
		ecn_set_tcp(skb, info, par->thoff);
	return XT_CONTINUE;
}

static int ecn_tg_check(const struct xt_tgchk_param *par)
{
	const struct ipt_ECN_info *info = par->targinfo;
	const struct ipt_ip *ip = par->entryinfo;

	if (info->operation & IPT_ECN_OP_MASK || info->ip_ect & ~IPT_ECN_IP_MASK)
		return -EINVAL;
	/* "cannot use operation on non-tcp rule" */
	if ((info->operation & (IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR)) &&
	    (ip->proto != IPPROTO_TCP || (ip->invflags & IPT_INV_PROTO)))
		return -EINVAL;
	return 0;
}

/* -j TCPOPTSTRIP (xt_TCPOPTSTRIP.c): the options whose kind is in the map
 * become NOPs; the checksum follows each byte as half of its 16-bit word. */
static unsigned int tcpoptstrip_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_tcpoptstrip_target_info *info = par->targinfo;
	unsigned int doff, i, optl;
	u8 *th;

	if (par->fragoff || skb_cow(skb, 0) || !pskb_may_pull(skb, par->thoff + 20))
		return XT_CONTINUE;
	doff = (skb->data[par->thoff + 12] >> 4) * 4u;
	if (doff < 20 || !pskb_may_pull(skb, par->thoff + doff))
		return NF_DROP;
	th = skb->data + par->thoff;
	for (i = 20; i < doff; i += optl) {
		optl = th[i] < 2 ? 1 : (i + 1 < doff && th[i + 1] >= 2 ? th[i + 1] : 0);
		if (!optl || i + optl > doff)
			break;
		if (!(info->strip_bmap[th[i] / 32] & (1u << (th[i] % 32))))
			continue;
		for (unsigned int j = i; j < i + optl; j++) {
			u16 o = th[j], n = 1;	/* TCPOPT_NOP */

			if (j % 2 == 0) {
				o <<= 8;
				n <<= 8;
			}
			csum_replace2((__sum16 *)(th + 16), htons(o), htons(n));
		}
		memset(th + i, 1, optl);
	}
	return XT_CONTINUE;
}

const struct xt_target xt_tcpoptstrip_target = {
	.name = "TCPOPTSTRIP", .family = NFPROTO_UNSPEC, .target = tcpoptstrip_tg,
	.targetsize = sizeof(struct xt_tcpoptstrip_target_info), .table = "mangle",
	.proto = IPPROTO_TCP,
};

/* IPv4 only: the IPv6 traffic class is not written */
const struct xt_target xt_dscp_target = {
	.name = "DSCP", .family = NFPROTO_IPV4, .target = dscp_tg,
	.checkentry = dscp_tg_check, .targetsize = sizeof(struct xt_DSCP_info), .table = "mangle",
};

const struct xt_target xt_tos_target = {
	.name = "TOS", .revision = 1, .family = NFPROTO_IPV4, .target = tos_tg,
	.targetsize = sizeof(struct xt_tos_target_info), .table = "mangle",
};

const struct xt_target xt_ttl_target = {
	.name = "TTL", .family = NFPROTO_IPV4, .target = ttl_tg, .checkentry = ttl_tg_check,
	.targetsize = sizeof(struct ipt_TTL_info), .table = "mangle",
};

const struct xt_target ipt_ecn_target = {
	.name = "ECN", .family = NFPROTO_IPV4, .target = ecn_tg, .checkentry = ecn_tg_check,
	.targetsize = sizeof(struct ipt_ECN_info), .table = "mangle",
};
