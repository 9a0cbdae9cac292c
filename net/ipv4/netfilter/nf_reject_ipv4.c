/* Answers for REJECT (net/ipv4/netfilter/nf_reject_ipv4.c): an ICMP
 * destination-unreachable through the stack's icmp_send(), or a TCP RST
 * built by hand — addresses and ports swapped, sequence numbers taken from
 * the offending segment (RFC 793 "Reset Generation") — and sent with
 * ip_local_out() from the namespace that rejects. */
#include <string.h>
#include "net/netfilter/nf_reject.h"
#include "net/ip.h"
#include "net/icmp.h"
#include "net/route.h"
#include "net/dst.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "linux/netdevice.h"

void nf_send_unreach(struct sk_buff *skb_in, int code, int hook)
{
	const struct iphdr *iph = ip_hdr(skb_in);

	(void)hook;
	if (iph->frag_off & htons(IP_OFFSET))
		return;
	icmp_send(skb_in, ICMP_DEST_UNREACH, code, 0);
}

/* The offending TCP header, or NULL when it is no segment to answer: a
 * fragment, too short, or itself a RST. */
static const u8 *nf_reject_oth(const struct sk_buff *skb, u8 *buf)
{
	const struct iphdr *iph = ip_hdr(skb);
	unsigned int thoff = (unsigned int)skb_network_offset(skb) + iph->ihl * 4u;
	const u8 *th;

	if (iph->frag_off & htons(IP_OFFSET) || iph->protocol != 6)
		return NULL;
	th = xt_header_pointer(skb, (int)thoff, 20, buf);
	if (!th || (th[13] & TCPHDR_RST))
		return NULL;
	return th;
}

static void nf_reject_tcp_build(u8 *t, const u8 *oth, const struct iphdr *oiph)
{
	unsigned int doff = (oth[12] >> 4) * 4u;
	u32 seg_len = ntohs(oiph->tot_len) - oiph->ihl * 4u - doff;
	u32 seq, ack;

	memset(t, 0, 20);
	memcpy(t, oth + 2, 2);		/* source port = old destination port */
	memcpy(t + 2, oth, 2);
	t[12] = 5 << 4;
	t[13] = TCPHDR_RST;
	if (oth[13] & TCPHDR_ACK) {
		memcpy(t + 4, oth + 8, 4);	/* seq = old ack_seq */
		return;
	}
	memcpy(&seq, oth + 4, 4);
	seg_len += !!(oth[13] & TCPHDR_SYN) + !!(oth[13] & TCPHDR_FIN);
	ack = htonl(ntohl(seq) + seg_len);
	memcpy(t + 8, &ack, 4);
	t[13] |= TCPHDR_ACK;
}

static void nf_reject_tcp_csum(struct iphdr *iph, u8 *t)
{
	u16 proto = htons(6), len = htons(20);
	u16 check;
	u32 sum;

	sum = csum_partial(&iph->saddr, 8, 0);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(&len, 2, sum);
	sum = csum_partial(t, 20, sum);
	check = csum_fold(sum);
	memcpy(t + 16, &check, 2);
}

void nf_send_reset(struct net *net, struct sk_buff *oldskb, int hook)
{
	const struct iphdr *oiph = ip_hdr(oldskb);
	struct flowi4 fl4 = { 0 };
	struct sk_buff *nskb;
	struct iphdr *niph;
	struct rtable *rt;
	u8 buf[20];
	const u8 *oth = nf_reject_oth(oldskb, buf);
	int err;

	(void)hook;
	if (!oth)
		return;
	fl4.daddr = oiph->saddr;
	fl4.flowi4_proto = 6;
	fl4.flowi4_mark = oldskb->mark;
	rt = ip_route_output_key(net, &fl4, &err);
	if (!rt)
		return;
	nskb = alloc_skb(oldskb->pool, 40 + LL_RESERVED_SPACE(rt->dst.dev) + 16);
	if (!nskb) {
		dst_release(&rt->dst);
		return;
	}
	skb_reserve(nskb, (int)LL_RESERVED_SPACE(rt->dst.dev));
	skb_reset_network_header(nskb);
	niph = (struct iphdr *)skb_put(nskb, 20);
	memset(niph, 0, 20);
	niph->version = 4;
	niph->ihl = 5;
	niph->frag_off = htons(IP_DF);
	niph->ttl = (u8)net->ipv4.sysctl_ip_default_ttl;
	niph->protocol = 6;
	niph->saddr = oiph->daddr;
	niph->daddr = oiph->saddr;
	skb_set_transport_header(nskb, 20);
	nf_reject_tcp_build(skb_put(nskb, 20), oth, oiph);
	nf_reject_tcp_csum(niph, skb_transport_header(nskb));
	nskb->mark = oldskb->mark;
	nskb->trace_id = oldskb->trace_id;
	skb_dst_set(nskb, &rt->dst);
	skb_trace(nskb, "nf_send_reset");
	ip_local_out(net, NULL, nskb);
}
