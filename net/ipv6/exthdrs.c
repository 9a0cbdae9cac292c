/* IPv6 extension headers on receive (net/ipv6/exthdrs.c, exthdrs_core.c).
 * ip6_rcv_core() calls ipv6_parse_hopopts() when a Hop-by-Hop header
 * follows the IPv6 header (RFC 8200 4.3: only there; anywhere else its
 * next-header value 0 is unknown).  The other headers are inet6_protocol
 * handlers that ip6_protocol_deliver_rcu() resubmits from: routing
 * (ipv6_rthdr_rcv), destination options (ipv6_destopt_rcv), no next header
 * (ipv6_nodata_rcv) and fragment (ipv6_frag_rcv in reassembly.c).  TLV
 * options: Pad1/PadN (at most 7 bytes of padding, PadN all zeroes, RFC
 * 4942 2.1.9.5), Router Alert; an unknown one by its two high bits (RFC
 * 8200 4.2): skip, drop, parameter problem, parameter problem unless the
 * destination is multicast.  Routing header: with segments left, type 0
 * (deprecated, RFC 5095), type 2 (Mobile IPv6, not built in the kernel
 * here) and unknown types get a parameter problem pointing at the type;
 * without segments left they are passed over; types 3 (RPL) and 4 (SRH)
 * are dropped silently while net.ipv6.conf.*.rpl_seg_enabled /
 * seg6_enabled are 0 (their defaults).  Checked against the kernel with
 * hand-made frames (tests/unit/test_ip6_exthdrs.c lists the cases).
 * ipv6_skip_exthdr() and ipv6_find_hdr() walk a chain for ICMPv6 errors
 * and the transport demux. */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/world.h"

/* ---- walking a chain (exthdrs_core.c) ---- */

int ipv6_skip_exthdr(const struct sk_buff *skb, int start, u8 *nexthdrp, __be16 *frag_offp)
{
	u8 nexthdr = *nexthdrp;

	*frag_offp = 0;
	while (ipv6_ext_hdr(nexthdr)) {
		struct ipv6_opt_hdr hp;
		int hdrlen;

		if (nexthdr == NEXTHDR_NONE)
			return -1;
		if (start < 0 || skb_copy_bits(skb, start, &hp, sizeof(hp)))
			return -1;
		if (nexthdr == NEXTHDR_FRAGMENT) {
			__be16 fo;

			if (skb_copy_bits(skb, start + (int)offsetof(struct frag_hdr, frag_off),
					  &fo, sizeof(fo)))
				return -1;
			*frag_offp = fo;
			if (ntohs(fo) & ~0x7)
				break;	/* not the first fragment: no upper header here */
			hdrlen = 8;
		} else if (nexthdr == NEXTHDR_AUTH) {
			hdrlen = ipv6_authlen(&hp);
		} else {
			hdrlen = ipv6_optlen(&hp);
		}
		nexthdr = hp.nexthdr;
		start += hdrlen;
	}
	*nexthdrp = nexthdr;
	return start;
}

int ipv6_find_hdr(const struct sk_buff *skb, unsigned int *offset, int target,
		  unsigned short *fragoff, int *flags)
{
	unsigned int start = (unsigned int)skb_network_offset(skb) + sizeof(struct ipv6hdr);
	u8 nexthdr = ipv6_hdr(skb)->nexthdr;

	if (fragoff)
		*fragoff = 0;
	for (;;) {
		struct ipv6_opt_hdr hp;
		unsigned int hdrlen;

		if ((!ipv6_ext_hdr(nexthdr) && target < 0) || nexthdr == target)
			break;
		if (!ipv6_ext_hdr(nexthdr) || nexthdr == NEXTHDR_NONE)
			return -ENOENT;
		if (skb_copy_bits(skb, (int)start, &hp, sizeof(hp)))
			return -EBADMSG;
		if (nexthdr == NEXTHDR_FRAGMENT) {
			__be16 fo;

			if (flags)
				*flags |= IP6_FH_F_FRAG;
			if (skb_copy_bits(skb, (int)start + 2, &fo, sizeof(fo)))
				return -EBADMSG;
			if (ntohs(fo) & IP6_OFFSET) {
				if (fragoff)
					*fragoff = ntohs(fo) & IP6_OFFSET;
				return -ENOENT;
			}
			hdrlen = 8;
		} else if (nexthdr == NEXTHDR_AUTH) {
			hdrlen = (unsigned int)ipv6_authlen(&hp);
		} else {
			hdrlen = (unsigned int)ipv6_optlen(&hp);
		}
		nexthdr = hp.nexthdr;
		start += hdrlen;
	}
	*offset = start;
	return nexthdr;
}

/* ---- TLV options (ip6_parse_tlv) ---- */

void icmpv6_param_prob_reason(struct sk_buff *skb, u8 code, int pos,
			      enum skb_drop_reason reason)
{
	icmpv6_send(skb, ICMPV6_PARAMPROB, code, (u32)pos);
	kfree_skb_reason(skb, reason);
}

/* An unknown option: its two high bits say what to do (RFC 8200 4.2). */
static bool ip6_tlvopt_unknown(struct sk_buff *skb, int optoff)
{
	switch (skb_network_header(skb)[optoff] >> 6) {
	case 0:		/* skip it */
		return true;
	case 1:		/* discard the packet */
		break;
	case 3:		/* discard; parameter problem unless for a multicast address */
		if (ipv6_addr_is_multicast(&ipv6_hdr(skb)->daddr))
			break;
		/* fall through */
	case 2:		/* discard with a parameter problem */
		skb_drop_hint(skb, "unknown IPv6 option (type's high bits 10/11)");
		icmpv6_param_prob_reason(skb, ICMPV6_UNK_OPTION, optoff,
					 SKB_DROP_REASON_UNHANDLED_PROTO);
		return false;
	}
	skb_drop_hint(skb, "unknown IPv6 option (type's high bits 01: discard)");
	kfree_skb_reason(skb, SKB_DROP_REASON_UNHANDLED_PROTO);
	return false;
}

/* Router Alert (RFC 2711): two bytes of value. */
static bool ipv6_hop_ra(struct sk_buff *skb, int optoff)
{
	const u8 *nh = skb_network_header(skb);

	if (nh[optoff + 1] == 2) {
		IP6CB(skb)->flags |= IP6SKB_ROUTERALERT;
		IP6CB(skb)->ra = (u16)(nh[optoff + 2] << 8 | nh[optoff + 3]);
		return true;
	}
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_INHDR);
	return false;
}

/* One non-padding option; false when the packet was freed. */
static bool ip6_parse_tlv_one(struct sk_buff *skb, int off, bool hopbyhop)
{
	u8 type = skb_network_header(skb)[off];

	if (hopbyhop && type == IPV6_TLV_ROUTERALERT)
		return ipv6_hop_ra(skb, off);
	/* jumbograms (RFC 2675) need a zero payload length, which
	 * ip6_rcv_core() never lets through: treated as unknown */
	return ip6_tlvopt_unknown(skb, off);
}

/* Parses the options of the header at the transport header; false when
 * the packet was freed. */
static bool ip6_parse_tlv(struct sk_buff *skb, bool hopbyhop)
{
	const u8 *nh = skb_network_header(skb);
	int off = (int)skb_network_header_len(skb);
	int len = (skb_transport_header(skb)[1] + 1) << 3;
	int padlen = 0;

	if (skb_transport_offset(skb) + len > (int)skb_headlen(skb))
		goto bad;
	off += 2;
	len -= 2;
	while (len > 0) {
		int optlen;

		if (nh[off] == IPV6_TLV_PAD1) {
			optlen = 1;
			if (++padlen > 7)
				goto bad;
		} else {
			if (len < 2)
				goto bad;
			optlen = nh[off + 1] + 2;
			if (optlen > len)
				goto bad;
			if (nh[off] == IPV6_TLV_PADN) {
				padlen += optlen;
				if (padlen > 7)
					goto bad;
				for (int i = 2; i < optlen; i++)
					if (nh[off + i])
						goto bad;
			} else {
				if (!ip6_parse_tlv_one(skb, off, hopbyhop))
					return false;
				nh = skb_network_header(skb);
				padlen = 0;
			}
		}
		off += optlen;
		len -= optlen;
	}
	if (len == 0)
		return true;
bad:
	skb_drop_hint(skb, "malformed IPv6 options (padding over 7 bytes, PadN not zero, length)");
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_INHDR);
	return false;
}

/* The header at the transport header and its whole length are there. */
static bool ipv6_exthdr_pull(struct sk_buff *skb)
{
	const u8 *th;

	if (skb_linearize(skb))
		return false;
	th = skb_transport_header(skb);
	return th + 8 <= skb->tail && th + ((th[1] + 1) << 3) <= skb->tail;
}

int ipv6_parse_hopopts(struct sk_buff *skb)
{
	if (!ipv6_exthdr_pull(skb)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_INHDR);
		return -1;
	}
	IP6CB(skb)->hop = sizeof(struct ipv6hdr);
	if (!ip6_parse_tlv(skb, true))
		return -1;
	skb->transport_header += (u16)((skb_transport_header(skb)[1] + 1) << 3);
	IP6CB(skb)->nhoff = sizeof(struct ipv6hdr);
	return 1;
}

int ipv6_destopt_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	struct inet6_skb_parm *opt = IP6CB(skb);

	skb_trace(skb, "ipv6_destopt_rcv");
	if (!ipv6_exthdr_pull(skb)) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INHDRERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_INHDR);
		return -1;
	}
	opt->lastopt = opt->dst1 = (u16)skb_network_header_len(skb);
	if (!ip6_parse_tlv(skb, false)) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INHDRERRORS);
		return -1;
	}
	skb->transport_header += (u16)((skb_transport_header(skb)[1] + 1) << 3);
	IP6CB(skb)->nhoff = opt->dst1;
	return 1;
}

/* Segments left on a type this host does not route by: type 0 is
 * deprecated (RFC 5095), type 2 needs Mobile IPv6 (not in the kernel
 * here), the rest are unknown: a parameter problem at the type. */
static int ipv6_rthdr_unknown(struct sk_buff *skb, struct ipv6_rt_hdr *hdr)
{
	__IP6_INC_STATS(dev_net(skb->dev), IPSTATS6_MIB_INHDRERRORS);
	skb_drop_hint(skb, "routing header with segments left of a type not processed (0, 2, unknown)");
	icmpv6_param_prob_reason(skb, ICMPV6_HDR_FIELD,
				 (int)(&hdr->type - skb_network_header(skb)),
				 SKB_DROP_REASON_IP_INHDR);
	return -1;
}

int ipv6_rthdr_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	struct inet6_skb_parm *opt = IP6CB(skb);
	struct ipv6_rt_hdr *hdr;

	skb_trace(skb, "ipv6_rthdr_rcv");
	if (!ipv6_exthdr_pull(skb)) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INHDRERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_INHDR);
		return -1;
	}
	hdr = (struct ipv6_rt_hdr *)skb_transport_header(skb);
	if (ipv6_addr_is_multicast(&ipv6_hdr(skb)->daddr) || skb->pkt_type != PACKET_HOST) {
		__IP6_INC_STATS(net, IPSTATS6_MIB_INADDRERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_INADDRERRORS);
		return -1;
	}
	/* SRH and RPL: seg6_enabled / rpl_seg_enabled are 0 by default */
	if (hdr->type == IPV6_SRCRT_TYPE_4 || hdr->type == IPV6_SRCRT_TYPE_3) {
		skb_drop_hint(skb, "segment routing header while seg6_enabled/rpl_seg_enabled are 0");
		kfree_skb(skb);
		return -1;
	}
	if (hdr->segments_left)
		return ipv6_rthdr_unknown(skb, hdr);
	opt->lastopt = opt->srcrt = (u16)skb_network_header_len(skb);
	skb->transport_header += (u16)((hdr->hdrlen + 1) << 3);
	opt->dst0 = opt->dst1;
	opt->dst1 = 0;
	opt->nhoff = (u16)(&hdr->nexthdr - skb_network_header(skb));
	return 1;
}

/* NEXTHDR_NONE: nothing follows (dst_discard); counted as delivered */
int ipv6_nodata_rcv(struct sk_buff *skb)
{
	consume_skb(skb);
	return 0;
}
