/* -j REJECT for IPv6 (net/ipv6/netfilter/ip6t_REJECT.c and
 * nf_reject_ipv6.c): drop the packet and answer it with an ICMPv6
 * destination unreachable of the chosen code through icmpv6_send(), or a
 * TCP RST built here (addresses and ports swapped, sequence numbers from
 * the offending segment) and sent with ip6_xmit().  INPUT, FORWARD and
 * OUTPUT. */
#include <errno.h>
#include <string.h>
#include "linux/netfilter_ipv6/ip6_tables.h"
#include "uapi/linux/netfilter_ipv6/ip6t.h"
#include "net/ipv6.h"
#include "net/ip6_fib.h"
#include "net/dst.h"
#include "net/tcp.h"
#include "net/net_namespace.h"

#define ICMPV6_DEST_UNREACH 1

static const u8 reject6_code[] = {
	[IP6T_ICMP6_NO_ROUTE] = 0,		/* ICMPV6_NOROUTE */
	[IP6T_ICMP6_ADM_PROHIBITED] = 1,	/* ICMPV6_ADM_PROHIBITED */
	[IP6T_ICMP6_NOT_NEIGHBOUR] = 2,		/* ICMPV6_NOT_NEIGHBOUR */
	[IP6T_ICMP6_ADDR_UNREACH] = 3,		/* ICMPV6_ADDR_UNREACH */
	[IP6T_ICMP6_PORT_UNREACH] = 4,		/* ICMPV6_PORT_UNREACH */
	[IP6T_ICMP6_POLICY_FAIL] = 5,		/* ICMPV6_POLICY_FAIL */
	[IP6T_ICMP6_REJECT_ROUTE] = 6,		/* ICMPV6_REJECT_ROUTE */
};

/* nf_send_unreach6(): never for a later fragment, nor to a multicast or
 * unspecified source (icmpv6_send's own checks refuse the rest). */
static void nf_send_unreach6(struct sk_buff *skb, u8 code, const struct xt_action_param *par)
{
	const struct ipv6hdr *ip6h = ipv6_hdr(skb);

	if (par->fragoff || ipv6_addr_any(&ip6h->saddr) || ipv6_addr_is_multicast(&ip6h->saddr))
		return;
	if (!skb->dev)
		skb->dev = par->state->out ? par->state->out : par->state->in;
	if (!skb->dev)
		return;
	icmpv6_send(skb, ICMPV6_DEST_UNREACH, code, 0);
}

static u32 be32_at(const u8 *p)
{
	return ((u32)p[0] << 24) | ((u32)p[1] << 16) | ((u32)p[2] << 8) | p[3];
}

/* nf_send_reset6(): RFC 9293 3.10.7.1 for the offending segment */
static void nf_send_reset6(struct net *net, struct sk_buff *oldskb,
			   const struct xt_action_param *par)
{
	const struct ipv6hdr *oip6h = ipv6_hdr(oldskb);
	struct in6_addr saddr = oip6h->daddr, daddr = oip6h->saddr;
	unsigned int otcplen;
	struct dst_entry *dst;
	struct sk_buff *nskb;
	u8 buf[20], *t;
	const u8 *oth;
	__sum16 check;
	int err;

	if (par->fragoff || ipv6_addr_is_multicast(&oip6h->daddr))
		return;
	oth = xt_header_pointer(oldskb, (int)par->thoff, 20, buf);
	if (!oth || (oth[13] & TCPHDR_RST))
		return;
	otcplen = oldskb->len - par->thoff;
	dst = ip6_route_output(net, &daddr, &saddr, 0, &err);
	if (!dst)
		return;
	nskb = alloc_skb(oldskb->pool, NET_SKB_PAD + 128 + 20);
	if (!nskb) {
		dst_release(dst);
		return;
	}
	skb_reserve(nskb, NET_SKB_PAD + 128);
	t = skb_put_zero(nskb, 20);
	memcpy(t, oth + 2, 2);
	memcpy(t + 2, oth, 2);
	t[12] = 5 << 4;
	t[13] = TCPHDR_RST;
	if (oth[13] & TCPHDR_ACK) {
		memcpy(t + 4, oth + 8, 4);
	} else {
		u32 ack = be32_at(oth + 4) + otcplen - ((oth[12] >> 4) * 4u) +
			  !!(oth[13] & TCPHDR_SYN) + !!(oth[13] & TCPHDR_FIN);

		ack = htonl(ack);
		memcpy(t + 8, &ack, 4);
		t[13] |= TCPHDR_ACK;
	}
	skb_reset_transport_header(nskb);
	check = csum_ipv6_magic(&saddr, &daddr, 20, IPPROTO_TCP, ipv6_csum_partial(t, 20, 0));
	memcpy(t + 16, &check, 2);
	skb_dst_set(nskb, dst);
	nskb->dev = dst->dev;
	nskb->mark = oldskb->mark;
	ip6_xmit(net, nskb, &saddr, &daddr, IPPROTO_TCP, -1);
}

static unsigned int reject_tg6(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct ip6t_reject_info *reject = par->targinfo;

	if (reject->with == IP6T_TCP_RESET)
		nf_send_reset6(xt_net(par), skb, par);
	else if (reject->with < ARRAY_SIZE(reject6_code) && reject->with != IP6T_ICMP6_ECHOREPLY)
		nf_send_unreach6(skb, reject6_code[reject->with], par);
	return NF_DROP;
}

static int reject_tg6_check(const struct xt_tgchk_param *par)
{
	const struct ip6t_reject_info *rejinfo = par->targinfo;
	const struct ipt_ip *e = par->entryinfo;

	if (rejinfo->with == IP6T_ICMP6_ECHOREPLY || rejinfo->with > IP6T_ICMP6_REJECT_ROUTE)
		return -EINVAL;
	if (rejinfo->with == IP6T_TCP_RESET &&
	    (e->proto != IPPROTO_TCP || (e->invflags & IPT_INV_PROTO)))
		return -EINVAL;
	return 0;
}

const struct xt_target ip6t_reject_target = {
	.name = "REJECT", .family = NFPROTO_IPV6, .target = reject_tg6,
	.checkentry = reject_tg6_check, .targetsize = sizeof(struct ip6t_reject_info),
	.hooks = (1 << NF_INET_LOCAL_IN) | (1 << NF_INET_FORWARD) | (1 << NF_INET_LOCAL_OUT),
};
