/* -j SNPT / -j DNPT (net/ipv6/netfilter/ip6t_NPT.c): RFC 6296 stateless,
 * checksum-neutral IPv6-to-IPv6 prefix translation in the mangle table.
 * The prefix is replaced and one 16-bit word of the interface part takes
 * the difference of the two prefixes' one's complement sums, so that
 * transport checksums stay right.  An address that cannot be adjusted
 * (all 0xffff words) is answered with a parameter problem and dropped. */
#include <errno.h>
#include <stddef.h>
#include "linux/netfilter_ipv6/ip6_tables.h"
#include "uapi/linux/netfilter_ipv6/ip6t.h"
#include "net/ipv6.h"

static u16 fold16(u32 s)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (u16)s;
}

static u32 sum16(const struct in6_addr *a)
{
	u32 s = 0;

	for (int i = 0; i < 8; i++)
		s += a->s6_addr16[i];
	return s;
}

static bool npt_pfx_ok(const struct in6_addr *a, unsigned int len)
{
	for (unsigned int b = len; b < 128; b++)
		if (a->s6_addr[b / 8] & (0x80 >> (b % 8)))
			return false;
	return true;
}

static int npt_checkentry(const struct xt_tgchk_param *par)
{
	const struct ip6t_npt_tginfo *npt = par->targinfo;

	if (npt->src_pfx_len > 64 || npt->dst_pfx_len > 64)
		return -EINVAL;
	/* the bits after each prefix must be zero */
	if (!npt_pfx_ok(&npt->src_pfx, npt->src_pfx_len) ||
	    !npt_pfx_ok(&npt->dst_pfx, npt->dst_pfx_len))
		return -EINVAL;
	return 0;
}

/* ip6t_npt_map_pfx() */
static bool npt_map_pfx(const struct ip6t_npt_tginfo *npt, struct in6_addr *addr)
{
	unsigned int pfx_len = npt->src_pfx_len > npt->dst_pfx_len ? npt->src_pfx_len :
			       npt->dst_pfx_len;
	u16 adjustment = fold16(sum16(&npt->src_pfx) + (u16)~fold16(sum16(&npt->dst_pfx)));
	unsigned int idx;
	u16 sum;

	for (unsigned int i = 0; i < pfx_len; i += 32) {
		__be32 mask = pfx_len - i >= 32 ? 0 : htonl((1u << (i - pfx_len + 32)) - 1);

		idx = i / 32;
		addr->s6_addr32[idx] &= mask;
		addr->s6_addr32[idx] |= ~mask & npt->dst_pfx.s6_addr32[idx];
	}
	if (pfx_len <= 48) {
		idx = 3;
	} else {
		for (idx = 4; idx < 8; idx++)
			if (addr->s6_addr16[idx] != 0xffff)
				break;
		if (idx == 8)
			return false;
	}
	sum = fold16((u32)addr->s6_addr16[idx] + adjustment);
	if (sum == 0xffff)
		sum = 0;
	addr->s6_addr16[idx] = sum;
	return true;
}

static unsigned int npt_tg(struct sk_buff *skb, const struct xt_action_param *par, bool src)
{
	struct ipv6hdr *ip6h;

	if (skb_cow(skb, 0))
		return NF_DROP;
	ip6h = ipv6_hdr(skb);
	if (!npt_map_pfx(par->targinfo, src ? &ip6h->saddr : &ip6h->daddr)) {
		if (!skb->dev)
			skb->dev = par->state->in ? par->state->in : par->state->out;
		if (skb->dev)	/* ICMPV6_PARAMPROB, ICMPV6_HDR_FIELD */
			icmpv6_send(skb, 4, 0, src ? offsetof(struct ipv6hdr, saddr) :
				    offsetof(struct ipv6hdr, daddr));
		return NF_DROP;
	}
	return XT_CONTINUE;
}

static unsigned int snpt_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	return npt_tg(skb, par, true);
}

static unsigned int dnpt_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	return npt_tg(skb, par, false);
}

const struct xt_target ip6t_snpt_target = {
	.name = "SNPT", .family = NFPROTO_IPV6, .target = snpt_tg, .checkentry = npt_checkentry,
	.targetsize = sizeof(struct ip6t_npt_tginfo), .table = "mangle",
	.hooks = (1 << NF_INET_LOCAL_IN) | (1 << NF_INET_POST_ROUTING),
};

const struct xt_target ip6t_dnpt_target = {
	.name = "DNPT", .family = NFPROTO_IPV6, .target = dnpt_tg, .checkentry = npt_checkentry,
	.targetsize = sizeof(struct ip6t_npt_tginfo), .table = "mangle",
	.hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_OUT),
};
