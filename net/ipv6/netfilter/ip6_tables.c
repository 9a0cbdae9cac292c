/* IPv6 packet filtering (net/ipv6/netfilter/ip6_tables.c): ip6tables'
 * tables in a namespace and ip6t_do_table().  Everything but the address
 * part of a rule is ip_tables.c's engine (tables created on first use,
 * edit by copy, whole replace with the same checks, the same walk): an
 * ip6tables table is an xt_table_info with af NFPROTO_IPV6, its rules
 * carry their IPv6 addresses in ipt_ip's src6/dst6 with prefix masks. */
#include <string.h>
#include "linux/netfilter_ipv6/ip6_tables.h"
#include "net/ipv6.h"
#include "../../ipv4/netfilter/ip_tables_priv.h"

const struct xt_table_info *ip6t_get_table(struct net *net, const char *name)
{
	return xt_af_get_table(net, NFPROTO_IPV6, name);
}

const struct xt_table_info *ip6t_table_peek(struct net *net, const char *name)
{
	return xt_af_table_peek(net, NFPROTO_IPV6, name);
}

int ip6t_replace_table(struct net *net, const char *name, struct xt_table_info *newinfo)
{
	return xt_af_replace_table(net, NFPROTO_IPV6, name, newinfo);
}

/* ipv6_ext_hdr(): the headers that chain to another */
static bool ip6t_ext_hdr(u8 nexthdr)
{
	return nexthdr == NEXTHDR_HOP || nexthdr == NEXTHDR_ROUTING ||
	       nexthdr == NEXTHDR_FRAGMENT || nexthdr == 51 /* NEXTHDR_AUTH */ ||
	       nexthdr == NEXTHDR_NONE || nexthdr == NEXTHDR_DEST;
}

int ip6t_find_hdr(const struct sk_buff *skb, unsigned int *thoff, int *fragoff)
{
	unsigned int start = (unsigned int)skb_network_offset(skb) + sizeof(struct ipv6hdr);
	u8 nexthdr = ipv6_hdr(skb)->nexthdr;

	*fragoff = 0;
	while (ip6t_ext_hdr(nexthdr)) {
		u8 buf[8];
		const u8 *hp;
		unsigned int hdrlen;

		if (nexthdr == NEXTHDR_NONE)
			return -1;
		hp = xt_header_pointer(skb, (int)start, 8, buf);
		if (!hp)
			return -1;
		if (nexthdr == NEXTHDR_FRAGMENT) {
			int off = ((hp[2] << 8) | hp[3]) & ~0x7;

			if (off) {
				/* a later fragment: its upper layer has no header here */
				if (!ip6t_ext_hdr(hp[0]) || hp[0] == NEXTHDR_NONE) {
					*fragoff = off;
					*thoff = start + 8;
					return hp[0];
				}
				return -1;
			}
			hdrlen = 8;
		} else if (nexthdr == 51) {
			hdrlen = (hp[1] + 2u) << 2;
		} else {
			hdrlen = (hp[1] + 1u) << 3;
		}
		nexthdr = hp[0];
		start += hdrlen;
	}
	*thoff = start;
	return nexthdr;
}

int ip6t_find_ext(const struct sk_buff *skb, u8 target)
{
	unsigned int start = (unsigned int)skb_network_offset(skb) + sizeof(struct ipv6hdr);
	u8 nexthdr = ipv6_hdr(skb)->nexthdr;

	while (ip6t_ext_hdr(nexthdr) && nexthdr != NEXTHDR_NONE) {
		u8 buf[8];
		const u8 *hp = xt_header_pointer(skb, (int)start, 8, buf);

		if (!hp)
			return -1;
		if (nexthdr == target)
			return (int)start;
		if (nexthdr == NEXTHDR_FRAGMENT) {
			if (((hp[2] << 8) | hp[3]) & ~0x7)
				return -1;
			start += 8;
		} else if (nexthdr == 51) {
			start += (hp[1] + 2u) << 2;
		} else {
			start += (hp[1] + 1u) << 3;
		}
		nexthdr = hp[0];
	}
	return -1;
}

static bool ip6_addr_masked_ne(const struct in6_addr *a, const struct in6_addr *m,
			       const struct in6_addr *b)
{
	unsigned int diff = 0;

	for (int i = 0; i < 16; i++)
		diff |= (a->s6_addr[i] & m->s6_addr[i]) ^ b->s6_addr[i];
	return diff != 0;
}

#define INV(cond, ip, flag) ((bool)(cond) ^ !!((ip)->invflags & (flag)))

/* ip6_packet_match(): addresses, interfaces, then the protocol after the
 * extension headers; a first fragment whose headers cannot be followed is
 * dropped by a rule that names a protocol (hotdrop), as Linux does. */
bool ip6_packet_match(const struct sk_buff *skb, const char *indev, const char *outdev,
		      const struct ipt_ip *ipinfo, const struct ipt_pkt *pk,
		      struct xt_action_param *par)
{
	const struct ipv6hdr *ip6h = ipv6_hdr(skb);

	if (INV(ip6_addr_masked_ne(&ip6h->saddr, &ipinfo->smsk6, &ipinfo->src6), ipinfo,
		IPT_INV_SRCIP) ||
	    INV(ip6_addr_masked_ne(&ip6h->daddr, &ipinfo->dmsk6, &ipinfo->dst6), ipinfo,
		IPT_INV_DSTIP))
		return false;
	if (INV(!ipt_ifname_match(indev, ipinfo->iniface, ipinfo->iniface_mask), ipinfo,
		IPT_INV_VIA_IN))
		return false;
	if (INV(!ipt_ifname_match(outdev, ipinfo->outiface, ipinfo->outiface_mask), ipinfo,
		IPT_INV_VIA_OUT))
		return false;
	if (!ipinfo->proto && !(ipinfo->invflags & IPT_INV_PROTO))
		return true;
	if (pk->protohdr < 0) {
		if (!par->fragoff)
			par->hotdrop = true;
		return false;
	}
	if (ipinfo->proto == pk->protohdr)
		return !(ipinfo->invflags & IPT_INV_PROTO);
	return !ipinfo->proto || (ipinfo->invflags & IPT_INV_PROTO);
}

unsigned int ip6t_do_table(void *priv, struct sk_buff *skb, const struct nf_hook_state *state)
{
	struct ipt_pkt pk = { .af = NFPROTO_IPV6 };
	struct xt_action_param par;
	unsigned int thoff = 0;
	int fragoff = 0;

	memset(&par, 0, sizeof(par));
	pk.protohdr = ip6t_find_hdr(skb, &thoff, &fragoff);
	par.thoff = thoff;
	par.fragoff = fragoff;
	return ipt_do_table_af(priv, skb, state, &par, &pk);
}
