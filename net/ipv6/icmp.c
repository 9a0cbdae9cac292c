/* ICMPv6 (net/ipv6/icmp.c): icmpv6_rcv() checks the checksum, counts the
 * message (Icmp6In*), answers echo requests (icmpv6_echo_reply), hands
 * neighbour discovery to ndisc_rcv() and copies everything to raw ICMPv6
 * sockets (ping -6).  icmpv6_send() reports an error about a packet to its
 * sender, quoting as much of it as fits in the minimum MTU (RFC 4443 2.4),
 * never about an ICMPv6 error, a multicast or an unspecified source. */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/flow.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/mld.h"
#include "net/ndisc.h"
#include "net/net_namespace.h"
#include "net/ping.h"
#include "net/trace.h"
#include "net/world.h"

#define ICMPV6_ECHO_REQUEST 128
#define ICMPV6_ECHO_REPLY 129

u32 ipv6_csum_partial(const void *buf, unsigned int len, u32 sum)
{
	const u8 *p = buf;

	for (; len > 1; len -= 2, p += 2)
		sum += (u32)(p[0] << 8 | p[1]);
	if (len)
		sum += (u32)(p[0] << 8);
	return sum;
}

static u16 csum_fold32(u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (u16)~sum;
}

/* The checksum over the pseudo-header and the message, in network order
 * (csum_ipv6_magic + csum_partial); 0 on a correct received message. */
__sum16 csum_ipv6_magic(const struct in6_addr *saddr, const struct in6_addr *daddr,
			u32 len, u8 proto, u32 sum)
{
	sum = ipv6_csum_partial(saddr, 16, sum);
	sum = ipv6_csum_partial(daddr, 16, sum);
	sum += len >> 16;
	sum += len & 0xffff;
	sum += proto;
	return htons(csum_fold32(sum));
}

static __sum16 icmpv6_csum(const struct in6_addr *s, const struct in6_addr *d, const void *msg,
			   unsigned int len)
{
	return csum_ipv6_magic(s, d, len, IPPROTO_ICMPV6, ipv6_csum_partial(msg, len, 0));
}

/* Sends type/code/word + data along the route of fl6 (from fl6->saddr
 * unless it is ::), with traffic class tclass in the header. */
int icmpv6_xmit_flow(struct net *net, const struct flowi6 *fl6, const void *msg,
		     unsigned int len, int hlimit, u8 tclass)
{
	const struct in6_addr *saddr = &fl6->saddr, *daddr = &fl6->daddr;
	struct dst_entry *dst;
	struct sk_buff *skb;
	struct in6_addr src;
	int err;
	u8 *p;

	if (!(dst = ip6_route_output_flow(net, fl6, &err)))
		return err;
	if (!ipv6_addr_any(saddr))
		src = *saddr;
	else if (!ipv6_addr_any(&((struct rt6_info *)dst)->rt6i_prefsrc))
		src = ((struct rt6_info *)dst)->rt6i_prefsrc;	/* ip6_route_get_saddr */
	else if (ipv6_dev_get_saddr(net, dst->dev, daddr, &src))
		memset(&src, 0, sizeof(src));
	skb = alloc_skb(&net->world->skb_pool, NET_SKB_PAD + 64 + 40 + len);
	if (!skb) {
		dst_release(dst);
		return -ENOBUFS;
	}
	skb_reserve(skb, NET_SKB_PAD + 64 + 40);
	p = skb_put_data(skb, msg, len);
	p[2] = p[3] = 0;
	memcpy(p + 2, &(__sum16){ icmpv6_csum(&src, daddr, p, len) }, 2);
	skb_reset_transport_header(skb);
	skb_dst_set(skb, dst);
	skb->dev = dst->dev;
	skb->ignore_df = 1;	/* the ICMPv6 socket fragments (IPV6_PMTUDISC_WANT) */
	__ICMP6_INC_STATS(net, ICMP6_MIB_OUTMSGS);
	net->ipv6.icmp6msg_out[p[0]]++;
	if (p[0] < 128)
		__ICMP6_INC_STATS(net, ICMP6_MIB_OUTERRORS);
	return ip6_xmit_flow(net, skb, &src, daddr, IPPROTO_ICMPV6, hlimit, tclass, fl6->flowlabel);
}

/* Sends type/code/word + data from saddr to daddr, out of oif when given. */
int icmpv6_xmit(struct net *net, const struct in6_addr *saddr, const struct in6_addr *daddr,
		int oif, const void *msg, unsigned int len, int hlimit)
{
	struct flowi6 fl6 = { .flowi6_oif = oif, .flowi6_proto = IPPROTO_ICMPV6, .daddr = *daddr };

	if (saddr)
		fl6.saddr = *saddr;
	return icmpv6_xmit_flow(net, &fl6, msg, len, hlimit, 0);
}

/* is_ineligible(): never about an ICMPv6 error (RFC 4443 2.4 e), found
 * past the extension headers */
static bool icmpv6_is_ineligible(const struct sk_buff *skb)
{
	int ptr = (int)(skb_network_header(skb) - skb->data) + (int)sizeof(struct ipv6hdr);
	u8 nexthdr = ipv6_hdr(skb)->nexthdr, type;
	__be16 frag_off;

	ptr = ipv6_skip_exthdr(skb, ptr, &nexthdr, &frag_off);
	if (ptr < 0 || nexthdr != IPPROTO_ICMPV6)
		return false;
	return skb_copy_bits(skb, ptr, &type, 1) || type < 128;
}

static bool icmpv6_may_send(const struct sk_buff *skb, u8 type, u8 code)
{
	const struct ipv6hdr *hdr = ipv6_hdr(skb);
	int t = ipv6_addr_type(&hdr->saddr);

	if (t == IPV6_ADDR_ANY || (t & IPV6_ADDR_MULTICAST))
		return false;
	/* RFC 4443 2.4 e.3: to a multicast destination only packet too big
	 * and an unknown option whose type asks for it */
	if (ipv6_addr_is_multicast(&hdr->daddr) && type != ICMPV6_PKT_TOOBIG &&
	    !(type == ICMPV6_PARAMPROB && code == ICMPV6_UNK_OPTION))
		return false;
	return !icmpv6_is_ineligible(skb);
}

/* icmpv6_rt_has_prefsrc(): the route to daddr has a preferred source
 * (`ip -6 route … src`), which then picks the error's source */
static bool icmpv6_rt_has_prefsrc(struct net *net, const struct in6_addr *daddr)
{
	struct dst_entry *dst;
	bool has;
	int err;

	if (!(dst = ip6_route_output(net, daddr, NULL, 0, &err)))
		return false;
	has = !ipv6_addr_any(&((struct rt6_info *)dst)->rt6i_prefsrc);
	dst_release(dst);
	return has;
}

void icmpv6_send(struct sk_buff *skb, u8 type, u8 code, u32 info)
{
	struct net *net = dev_net(skb->dev);
	const struct ipv6hdr *hdr = ipv6_hdr(skb);
	u8 msg[IPV6_MIN_MTU - 40];
	struct in6_addr saddr, *sp = NULL;
	__be32 w = htonl(info);
	long qlen;

	if (skb_linearize(skb) || !icmpv6_may_send(skb, type, code))
		return;
	qlen = skb->tail - skb_network_header(skb);
	if (qlen > (long)sizeof(msg) - 8)
		qlen = (long)sizeof(msg) - 8;
	if (qlen < 0)
		return;
	memcpy(msg + 8, skb_network_header(skb), (size_t)qlen);
	msg[0] = type;
	msg[1] = code;
	memcpy(msg + 4, &w, 4);
	/* answer from the address the packet was for, when it is ours */
	if (ipv6_chk_addr(net, &hdr->daddr, NULL)) {
		saddr = hdr->daddr;
		sp = &saddr;
	} else if (!icmpv6_rt_has_prefsrc(net, &hdr->saddr) &&
		   !ipv6_dev_get_saddr(net, skb->dev, &hdr->saddr, &saddr)) {
		/* else, unless the route back names a source, an address of
		 * the interface the packet came in on (icmp6_send: traceroute6
		 * sees a router's address on the path the probe took) */
		sp = &saddr;
	}
	skb_trace_note(skb, "icmpv6_send", type == 3 ? "time exceeded" :
		       type == 2 ? "packet too big" : type == 4 ? "parameter problem" :
		       "destination unreachable");
	icmpv6_xmit(net, sp, &hdr->saddr, 0, msg, 8u + (unsigned int)qlen, -1);
}

static void icmpv6_echo_reply(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	const struct ipv6hdr *hdr = ipv6_hdr(skb);
	struct in6_addr saddr = hdr->daddr, daddr = hdr->saddr;
	u8 msg[IPV6_MAXPLEN];
	unsigned int len = skb->len;
	struct flowi6 fl6;

	if (net->ipv6.sysctl_icmp_echo_ignore_all || len > sizeof(msg) ||
	    skb_copy_bits(skb, 0, msg, (int)len))
		return;
	if (ipv6_addr_is_multicast(&saddr))
		ipv6_dev_get_saddr(net, skb->dev, &daddr, &saddr);
	msg[0] = ICMPV6_ECHO_REPLY;
	/* icmpv6_echo_reply(): the reply keeps the request's traffic class */
	fl6 = (struct flowi6){ .flowi6_oif = ipv6_addr_linklocal(&daddr) ? skb->dev->ifindex : 0,
			       .flowi6_proto = IPPROTO_ICMPV6, .saddr = saddr, .daddr = daddr };
	/* flowlabel_reflect bit 2: the reply carries the request's label */
	if (net->ipv6.sysctl_flowlabel_reflect & 4)
		fl6.flowlabel = ip6_flowlabel(hdr);
	icmpv6_xmit_flow(net, &fl6, msg, len, -1, ipv6_get_dsfield(ipv6_hdr(skb)));
}

void rawv6_rcv(struct sk_buff *skb);
void raw6_icmp_error(struct sk_buff *skb, int nexthdr, u8 type, u8 code, int offset, u32 info);

int icmpv6_err_convert(u8 type, u8 code, bool *fatal)
{
	static const int unreach[] = { ENETUNREACH, EACCES, EHOSTUNREACH, EHOSTUNREACH,
				       ECONNREFUSED, EACCES, EACCES };

	*fatal = true;
	switch (type) {
	case 1:		/* ICMPV6_DEST_UNREACH */
		return code < ARRAY_SIZE(unreach) ? unreach[code] : EPROTO;
	case 2:		/* ICMPV6_PKT_TOOBIG */
		*fatal = false;
		return EMSGSIZE;
	case 4:		/* ICMPV6_PARAMPROB */
		return EPROTO;
	default:	/* ICMPV6_TIME_EXCEED */
		*fatal = false;
		return EHOSTUNREACH;
	}
}

/* icmpv6_notify(): an error about a packet we sent goes to the protocol
 * of the quoted packet, found past its extension headers (skb->data at
 * the quoted IPv6 header while the handler runs) */
static void icmpv6_notify(struct sk_buff *skb, u8 type, u8 code, u32 info)
{
	const struct inet6_protocol *ipprot;
	int inner_offset = sizeof(struct ipv6hdr);
	__be16 frag_off;
	u8 nexthdr;

	if (skb->len < 8 + sizeof(struct ipv6hdr))
		return;
	skb_pull(skb, 8);
	nexthdr = ((const struct ipv6hdr *)skb->data)->nexthdr;
	if (ipv6_ext_hdr(nexthdr))
		inner_offset = ipv6_skip_exthdr(skb, inner_offset, &nexthdr, &frag_off);
	/* the quoted header and 8 bytes of the protocol's */
	if (inner_offset >= 0 && skb->len >= (unsigned int)inner_offset + 8) {
		ipprot = inet6_protocol(nexthdr);
		if (ipprot && ipprot->err_handler)
			ipprot->err_handler(skb, type, code, inner_offset, info);
		raw6_icmp_error(skb, nexthdr, type, code, inner_offset, info);
	}
	skb_push(skb, 8);
}

/* icmpv6_err(): an error quoting an ICMPv6 message of ours (ping -6):
 * packet too big teaches the path MTU */
int icmpv6_err(struct sk_buff *skb, u8 type, u8 code, int offset, u32 info)
{
	(void)code;	/* ping_err reads the error's header itself */
	if (type == ICMPV6_PKT_TOOBIG)
		ip6_update_pmtu(skb, dev_net(skb->dev), info, 0);
	ping_err(skb, offset, info);
	return 0;
}

int icmpv6_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	const struct ipv6hdr *hdr = ipv6_hdr(skb);
	u8 type;

	skb_trace(skb, "icmpv6_rcv");
	__ICMP6_INC_STATS(net, ICMP6_MIB_INMSGS);
	if (skb_linearize(skb) || skb->len < 4 ||
	    icmpv6_csum(&hdr->saddr, &hdr->daddr, skb->data, skb->len)) {
		__ICMP6_INC_STATS(net, ICMP6_MIB_CSUMERRORS);
		__ICMP6_INC_STATS(net, ICMP6_MIB_INERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_ICMP_CSUM);
		return 0;
	}
	type = skb->data[0];
	net->ipv6.icmp6msg_in[type]++;
	if (type < 128)
		__ICMP6_INC_STATS(net, ICMP6_MIB_INERRORS);
	rawv6_rcv(skb);
	if (type >= 1 && type <= 4) {
		u32 info = (u32)skb->data[4] << 24 | (u32)skb->data[5] << 16 |
			   (u32)skb->data[6] << 8 | skb->data[7];

		icmpv6_notify(skb, type, skb->data[1], info);
	}
	switch (type) {
	case ICMPV6_ECHO_REQUEST:
		icmpv6_echo_reply(skb);
		break;
	case ICMPV6_ECHO_REPLY:
		ping_rcv(skb);
		break;
	case NDISC_ROUTER_SOLICITATION:
	case NDISC_ROUTER_ADVERTISEMENT:
	case NDISC_NEIGHBOUR_SOLICITATION:
	case NDISC_NEIGHBOUR_ADVERTISEMENT:
	case NDISC_REDIRECT:
		return ndisc_rcv(skb);
	case ICMPV6_MGM_QUERY:
		return igmp6_event_query(skb);
	case ICMPV6_MGM_REPORT:
	case ICMPV6_MGM_REDUCTION:
	case ICMPV6_MLD2_REPORT:
		return igmp6_event_report(skb);
	default:
		break;
	}
	consume_skb(skb);
	return 0;
}
