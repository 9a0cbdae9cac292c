/* ip6tables' own matches (Linux's net/ipv6/netfilter/ip6t_*.c and the
 * icmp6 match of ip6_tables.c): icmp6, hl, ipv6header, frag, hbh and dst,
 * rt, mh, ah, eui64.  Each reads the headers it needs with
 * xt_header_pointer; a header that should be there but cannot be read
 * drops the packet (hotdrop), as Linux does. */
#include <errno.h>
#include <string.h>
#include "linux/netfilter_ipv6/ip6_tables.h"
#include "uapi/linux/netfilter_ipv6/ip6t.h"
#include "net/ipv6.h"

#define NEXTHDR_AUTH	51
#define NEXTHDR_ESP	50
#define NEXTHDR_MOBILITY 135

/* nf_ip6_ext_hdr(): the extension headers, ESP among them */
static bool ip6t_ext_hdr_or_esp(u8 nexthdr)
{
	return nexthdr == NEXTHDR_HOP || nexthdr == NEXTHDR_ROUTING ||
	       nexthdr == NEXTHDR_FRAGMENT || nexthdr == NEXTHDR_ESP || nexthdr == NEXTHDR_AUTH ||
	       nexthdr == NEXTHDR_NONE || nexthdr == NEXTHDR_DEST;
}

static bool range_match(u32 min, u32 max, u32 v, bool invert)
{
	return (v >= min && v <= max) ^ invert;
}

/* ---- -m icmp6 ---- */
static bool icmp6_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct ip6t_icmp *info = par->matchinfo;
	u8 buf[2];
	const u8 *ic;

	if (par->fragoff != 0)
		return false;
	ic = xt_header_pointer(skb, (int)par->thoff, 2, buf);
	if (!ic) {
		par->hotdrop = true;
		return false;
	}
	return ((info->type == 0xFF) ||
		(ic[0] == info->type && ic[1] >= info->code[0] && ic[1] <= info->code[1])) ^
	       !!(info->invflags & IP6T_ICMP_INV);
}

static int icmp6_mt_check(const struct xt_mtchk_param *par)
{
	const struct ip6t_icmp *info = par->matchinfo;

	return (info->invflags & ~IP6T_ICMP_INV) ? -EINVAL : 0;
}

const struct xt_match ip6t_icmp6_match = {
	.name = "icmp6", .family = NFPROTO_IPV6, .match = icmp6_mt, .checkentry = icmp6_mt_check,
	.matchsize = sizeof(struct ip6t_icmp), .proto = 58,
};

/* ---- -m hl (xt_hl.c's hl_mt6) ---- */
static bool hl_mt6(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct ip6t_hl_info *info = par->matchinfo;
	u8 hl = ipv6_hdr(skb)->hop_limit;

	switch (info->mode) {
	case IP6T_HL_EQ:
		return hl == info->hop_limit;
	case IP6T_HL_NE:
		return hl != info->hop_limit;
	case IP6T_HL_LT:
		return hl < info->hop_limit;
	case IP6T_HL_GT:
		return hl > info->hop_limit;
	}
	return false;
}

const struct xt_match ip6t_hl_match = {
	.name = "hl", .family = NFPROTO_IPV6, .match = hl_mt6,
	.matchsize = sizeof(struct ip6t_hl_info),
};

/* ---- -m ipv6header (ip6t_ipv6header.c) ---- */
static bool ipv6header_mt6(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct ip6t_ipv6header_info *info = par->matchinfo;
	unsigned int ptr = (unsigned int)skb_network_offset(skb) + sizeof(struct ipv6hdr);
	int len = (int)(skb->len - ptr);
	u8 nexthdr = ipv6_hdr(skb)->nexthdr;
	unsigned int temp = 0;

	while (ip6t_ext_hdr_or_esp(nexthdr)) {
		u8 buf[2];
		const u8 *hp;
		unsigned int hdrlen;

		if (nexthdr == NEXTHDR_NONE) {
			temp |= MASK_NONE;
			break;
		}
		if (len < 2)
			return false;
		if (nexthdr == NEXTHDR_ESP) {
			temp |= MASK_ESP;
			break;
		}
		hp = xt_header_pointer(skb, (int)ptr, 2, buf);
		if (!hp) {
			par->hotdrop = true;
			return false;
		}
		if (nexthdr == NEXTHDR_FRAGMENT)
			hdrlen = 8;
		else if (nexthdr == NEXTHDR_AUTH)
			hdrlen = (hp[1] + 2u) << 2;
		else
			hdrlen = (hp[1] + 1u) << 3;
		switch (nexthdr) {
		case NEXTHDR_HOP:
			temp |= MASK_HOPOPTS;
			break;
		case NEXTHDR_ROUTING:
			temp |= MASK_ROUTING;
			break;
		case NEXTHDR_FRAGMENT:
			temp |= MASK_FRAGMENT;
			break;
		case NEXTHDR_AUTH:
			temp |= MASK_AH;
			break;
		case NEXTHDR_DEST:
			temp |= MASK_DSTOPTS;
			break;
		default:
			return false;
		}
		nexthdr = hp[0];
		len -= (int)hdrlen;
		ptr += hdrlen;
		if (ptr > skb->len)
			break;
	}
	if (nexthdr != NEXTHDR_NONE && nexthdr != NEXTHDR_ESP)
		temp |= MASK_PROTO;
	if (info->modeflag)
		return !((temp ^ info->matchflags ^ info->invflags) & info->matchflags);
	return info->invflags ? temp != info->matchflags : temp == info->matchflags;
}

const struct xt_match ip6t_ipv6header_match = {
	.name = "ipv6header", .family = NFPROTO_IPV6, .match = ipv6header_mt6,
	.matchsize = sizeof(struct ip6t_ipv6header_info),
};

/* ---- -m frag (ip6t_frag.c) ---- */
static bool frag_mt6(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct ip6t_frag *info = par->matchinfo;
	int ptr = ip6t_find_ext(skb, NEXTHDR_FRAGMENT);
	u8 buf[8];
	const u8 *fh;
	u16 frag_off;
	u32 id;

	if (ptr < 0)
		return false;
	fh = xt_header_pointer(skb, ptr, 8, buf);
	if (!fh) {
		par->hotdrop = true;
		return false;
	}
	frag_off = (u16)((fh[2] << 8) | fh[3]);
	id = ((u32)fh[4] << 24) | ((u32)fh[5] << 16) | ((u32)fh[6] << 8) | fh[7];
	return range_match(info->ids[0], info->ids[1], id, info->invflags & IP6T_FRAG_INV_IDS) &&
	       !((info->flags & IP6T_FRAG_RES) && (fh[1] || (frag_off & 0x6))) &&
	       !((info->flags & IP6T_FRAG_FST) && (frag_off & 0xfff8)) &&
	       !((info->flags & IP6T_FRAG_MF) && !(frag_off & 0x1)) &&
	       !((info->flags & IP6T_FRAG_NMF) && (frag_off & 0x1));
}

static int frag_mt6_check(const struct xt_mtchk_param *par)
{
	const struct ip6t_frag *info = par->matchinfo;

	return (info->invflags & ~(IP6T_FRAG_INV_IDS | IP6T_FRAG_INV_LEN)) ? -EINVAL : 0;
}

const struct xt_match ip6t_frag_match = {
	.name = "frag", .family = NFPROTO_IPV6, .match = frag_mt6, .checkentry = frag_mt6_check,
	.matchsize = sizeof(struct ip6t_frag),
};

/* ---- -m hbh / -m dst (ip6t_hbh.c): the header's length and, strictly in
 * order, its options (type, and length unless "any") ---- */
static bool opts_mt6(const struct sk_buff *skb, struct xt_action_param *par, u8 which)
{
	const struct ip6t_opts *info = par->matchinfo;
	int ptr = ip6t_find_ext(skb, which);
	unsigned int hdrlen, temp;
	u8 buf[2];
	const u8 *oh;

	if (ptr < 0)
		return false;
	oh = xt_header_pointer(skb, ptr, 2, buf);
	if (!oh) {
		par->hotdrop = true;
		return false;
	}
	hdrlen = (oh[1] + 1u) << 3;
	if (skb->len - (unsigned int)ptr < hdrlen)
		return false;
	if ((info->flags & IP6T_OPTS_LEN) &&
	    !((info->hdrlen == hdrlen) ^ !!(info->invflags & IP6T_OPTS_INV_LEN)))
		return false;
	if (!(info->flags & IP6T_OPTS_OPTS))
		return true;
	if (info->flags & IP6T_OPTS_NSTRICT)
		return false;		/* "Not strict - not implemented" in Linux too */
	ptr += 2;
	hdrlen -= 2;
	for (temp = 0; temp < info->optsnr; temp++) {
		const u8 *tp, *lp;
		unsigned int optlen;
		u8 b1, b2;

		if (hdrlen < 1)
			break;
		tp = xt_header_pointer(skb, ptr, 1, &b1);
		if (!tp || *tp != (info->opts[temp] >> 8))
			return false;
		if (*tp == 0) {
			optlen = 1;
		} else {
			unsigned int spec_len = info->opts[temp] & 0xFF;

			if (hdrlen < 2)
				break;
			lp = xt_header_pointer(skb, ptr + 1, 1, &b2);
			if (!lp || (spec_len != 0xFF && spec_len != *lp))
				return false;
			optlen = *lp + 2u;
		}
		if (optlen > hdrlen)
			break;
		ptr += (int)optlen;
		hdrlen -= optlen;
	}
	return temp == info->optsnr;
}

static bool hbh_mt6(const struct sk_buff *skb, struct xt_action_param *par)
{
	return opts_mt6(skb, par, NEXTHDR_HOP);
}

static bool dst_mt6(const struct sk_buff *skb, struct xt_action_param *par)
{
	return opts_mt6(skb, par, NEXTHDR_DEST);
}

static int opts_mt6_check(const struct xt_mtchk_param *par)
{
	const struct ip6t_opts *info = par->matchinfo;

	if (info->invflags & ~IP6T_OPTS_INV_LEN)
		return -EINVAL;
	return (info->flags & IP6T_OPTS_NSTRICT) ? -EINVAL : 0;
}

const struct xt_match ip6t_hbh_match = {
	.name = "hbh", .family = NFPROTO_IPV6, .match = hbh_mt6, .checkentry = opts_mt6_check,
	.matchsize = sizeof(struct ip6t_opts),
};

const struct xt_match ip6t_dst_match = {
	.name = "dst", .family = NFPROTO_IPV6, .match = dst_mt6, .checkentry = opts_mt6_check,
	.matchsize = sizeof(struct ip6t_opts),
};

/* ---- -m rt (ip6t_rt.c) ---- */
static bool rt_mt6(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct ip6t_rt *info = par->matchinfo;
	int ptr = ip6t_find_ext(skb, NEXTHDR_ROUTING);
	unsigned int hdrlen;
	u8 buf[8];
	const u8 *rh;

	if (ptr < 0)
		return false;
	rh = xt_header_pointer(skb, ptr, 8, buf);
	if (!rh) {
		par->hotdrop = true;
		return false;
	}
	hdrlen = (rh[1] + 1u) << 3;
	if (skb->len - (unsigned int)ptr < hdrlen)
		return false;
	if (!range_match(info->segsleft[0], info->segsleft[1], rh[3],
			 info->invflags & IP6T_RT_INV_SGS))
		return false;
	if ((info->flags & IP6T_RT_LEN) &&
	    !((info->hdrlen == hdrlen) ^ !!(info->invflags & IP6T_RT_INV_LEN)))
		return false;
	if ((info->flags & IP6T_RT_TYP) &&
	    !((info->rt_type == rh[2]) ^ !!(info->invflags & IP6T_RT_INV_TYP)))
		return false;
	if ((info->flags & IP6T_RT_RES) && (rh[4] | rh[5] | rh[6] | rh[7]))
		return false;
	if ((info->flags & IP6T_RT_FST_MASK) && rh[2] == 0) {
		/* type 0: the addresses, in order (strict: all of them) */
		unsigned int n = (hdrlen - 8) / 16, i = 0, temp = 0;

		if ((info->flags & IP6T_RT_FST_NSTRICT) == 0 && info->addrnr > n)
			return false;
		for (; temp < info->addrnr && i < n; i++) {
			struct in6_addr a;
			const struct in6_addr *ap = xt_header_pointer(skb, ptr + 8 + (int)i * 16,
								      16, &a);

			if (!ap)
				return false;
			if (ipv6_addr_equal(ap, &info->addrs[temp]))
				temp++;
			else if (!(info->flags & IP6T_RT_FST_NSTRICT))
				return false;
		}
		return temp == info->addrnr;
	}
	return true;
}

static int rt_mt6_check(const struct xt_mtchk_param *par)
{
	const struct ip6t_rt *info = par->matchinfo;

	if (info->invflags & ~(IP6T_RT_INV_TYP | IP6T_RT_INV_SGS | IP6T_RT_INV_LEN))
		return -EINVAL;
	/* "`--rt-type 0' required before `--rt-0-*'" */
	if ((info->flags & (IP6T_RT_RES | IP6T_RT_FST_MASK)) &&
	    (!(info->flags & IP6T_RT_TYP) || info->rt_type != 0 ||
	     (info->invflags & IP6T_RT_INV_TYP)))
		return -EINVAL;
	return 0;
}

const struct xt_match ip6t_rt_match = {
	.name = "rt", .family = NFPROTO_IPV6, .match = rt_mt6, .checkentry = rt_mt6_check,
	.matchsize = sizeof(struct ip6t_rt),
};

/* ---- -m mh (ip6t_mh.c) ---- */
static bool mh_mt6(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct ip6t_mh *info = par->matchinfo;
	u8 buf[3];
	const u8 *mh;

	if (par->fragoff != 0)
		return false;
	mh = xt_header_pointer(skb, (int)par->thoff, 3, buf);
	if (!mh || mh[0] != NEXTHDR_NONE) {	/* payload proto must be none */
		par->hotdrop = true;
		return false;
	}
	return range_match(info->types[0], info->types[1], mh[2],
			   info->invflags & IP6T_MH_INV_TYPE);
}

static int mh_mt6_check(const struct xt_mtchk_param *par)
{
	const struct ip6t_mh *info = par->matchinfo;

	return (info->invflags & ~IP6T_MH_INV_TYPE) ? -EINVAL : 0;
}

const struct xt_match ip6t_mh_match = {
	.name = "mh", .family = NFPROTO_IPV6, .match = mh_mt6, .checkentry = mh_mt6_check,
	.matchsize = sizeof(struct ip6t_mh), .proto = NEXTHDR_MOBILITY,
};

/* ---- -m ah (ip6t_ah.c) ---- */
static bool ah_mt6(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct ip6t_ah *info = par->matchinfo;
	int ptr = ip6t_find_ext(skb, NEXTHDR_AUTH);
	unsigned int hdrlen;
	u8 buf[8];
	const u8 *ah;
	u32 spi;

	if (ptr < 0)
		return false;
	ah = xt_header_pointer(skb, ptr, 8, buf);
	if (!ah) {
		par->hotdrop = true;
		return false;
	}
	hdrlen = (ah[1] + 2u) << 2;
	spi = ((u32)ah[4] << 24) | ((u32)ah[5] << 16) | ((u32)ah[6] << 8) | ah[7];
	return range_match(info->spis[0], info->spis[1], spi, info->invflags & IP6T_AH_INV_SPI) &&
	       (!info->hdrlen ||
		((info->hdrlen == hdrlen) ^ !!(info->invflags & IP6T_AH_INV_LEN))) &&
	       !(info->hdrres && (ah[2] | ah[3]));
}

static int ah_mt6_check(const struct xt_mtchk_param *par)
{
	const struct ip6t_ah *info = par->matchinfo;

	return (info->invflags & ~(IP6T_AH_INV_SPI | IP6T_AH_INV_LEN)) ? -EINVAL : 0;
}

const struct xt_match ip6t_ah_match = {
	.name = "ah", .family = NFPROTO_IPV6, .match = ah_mt6, .checkentry = ah_mt6_check,
	.matchsize = sizeof(struct ip6t_ah),
};

/* ---- -m srh (ip6t_srh.c, revision 1): fields of a type 4 routing header
 * and the previous, next and last segment ids ---- */
static bool srh_sid(const struct sk_buff *skb, int off, const struct in6_addr *msk,
		    const struct in6_addr *addr, bool inv)
{
	struct in6_addr buf;
	const struct in6_addr *sid = xt_header_pointer(skb, off, 16, &buf);
	bool differ = false;

	if (!sid)
		return false;
	for (int i = 0; i < 16; i++)
		differ |= (sid->s6_addr[i] & msk->s6_addr[i]) != addr->s6_addr[i];
	return differ == inv;
}

#define SRH_TEST(flag, cond) \
	(!(info->mt_flags & (flag)) || ((bool)(cond) ^ !!(info->mt_invflags & (flag))))

static bool srh1_mt6(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct ip6t_srh1 *info = par->matchinfo;
	int srhoff = ip6t_find_ext(skb, NEXTHDR_ROUTING);
	unsigned int hdrlen;
	u8 buf[8];
	const u8 *srh;
	u16 tag;

	if (srhoff < 0 || !(srh = xt_header_pointer(skb, srhoff, 8, buf)))
		return false;
	hdrlen = (srh[1] + 1u) << 3;
	if (skb->len - (unsigned int)srhoff < hdrlen || srh[2] != 4 || srh[3] > srh[4])
		return false;
	tag = (u16)(srh[6] << 8 | srh[7]);
	if (!SRH_TEST(IP6T_SRH_NEXTHDR, srh[0] == info->next_hdr) ||
	    !SRH_TEST(IP6T_SRH_LEN_EQ, srh[1] == info->hdr_len) ||
	    !SRH_TEST(IP6T_SRH_LEN_GT, srh[1] > info->hdr_len) ||
	    !SRH_TEST(IP6T_SRH_LEN_LT, srh[1] < info->hdr_len) ||
	    !SRH_TEST(IP6T_SRH_SEGS_EQ, srh[3] == info->segs_left) ||
	    !SRH_TEST(IP6T_SRH_SEGS_GT, srh[3] > info->segs_left) ||
	    !SRH_TEST(IP6T_SRH_SEGS_LT, srh[3] < info->segs_left) ||
	    !SRH_TEST(IP6T_SRH_LAST_EQ, srh[4] == info->last_entry) ||
	    !SRH_TEST(IP6T_SRH_LAST_GT, srh[4] > info->last_entry) ||
	    !SRH_TEST(IP6T_SRH_LAST_LT, srh[4] < info->last_entry) ||
	    !SRH_TEST(IP6T_SRH_TAG, tag == info->tag))
		return false;
	if (info->mt_flags & IP6T_SRH_PSID) {
		if (srh[3] == srh[4] ||
		    !srh_sid(skb, srhoff + 8 + (srh[3] + 1) * 16, &info->psid_msk,
			     &info->psid_addr, info->mt_invflags & IP6T_SRH_PSID))
			return false;
	}
	if (info->mt_flags & IP6T_SRH_NSID) {
		if (srh[3] == 0 ||
		    !srh_sid(skb, srhoff + 8 + (srh[3] - 1) * 16, &info->nsid_msk,
			     &info->nsid_addr, info->mt_invflags & IP6T_SRH_NSID))
			return false;
	}
	if ((info->mt_flags & IP6T_SRH_LSID) &&
	    !srh_sid(skb, srhoff + 8, &info->lsid_msk, &info->lsid_addr,
		     info->mt_invflags & IP6T_SRH_LSID))
		return false;
	return true;
}

static int srh1_mt6_check(const struct xt_mtchk_param *par)
{
	const struct ip6t_srh1 *info = par->matchinfo;

	if ((info->mt_flags & ~IP6T_SRH_MASK) || (info->mt_invflags & ~IP6T_SRH_INV_MASK))
		return -EINVAL;
	return 0;
}

const struct xt_match ip6t_srh_match = {
	.name = "srh", .revision = 1, .family = NFPROTO_IPV6, .match = srh1_mt6,
	.checkentry = srh1_mt6_check, .matchsize = sizeof(struct ip6t_srh1),
};

/* ---- -m eui64 (ip6t_eui64.c): the source address's interface id is the
 * EUI-64 of the frame's source MAC ---- */
static bool eui64_mt6(const struct sk_buff *skb, struct xt_action_param *par)
{
	const unsigned char *mh = skb_mac_header(skb);
	u8 eui64[8];

	if (!skb->dev || skb->dev->type != ARPHRD_ETHER || mh + 14 > skb->data) {
		if (par->fragoff == 0)
			par->hotdrop = true;
		return false;
	}
	if (mh[12] != 0x86 || mh[13] != 0xdd)
		return false;
	memcpy(eui64, mh + 6, 3);
	memcpy(eui64 + 5, mh + 9, 3);
	eui64[3] = 0xff;
	eui64[4] = 0xfe;
	eui64[0] ^= 0x02;
	return !memcmp(&ipv6_hdr(skb)->saddr.s6_addr[8], eui64, 8);
}

const struct xt_match ip6t_eui64_match = {
	.name = "eui64", .family = NFPROTO_IPV6, .match = eui64_mt6, .matchsize = sizeof(int),
	.hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_IN) | (1 << NF_INET_FORWARD),
};
