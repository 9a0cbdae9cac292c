/* TCP segmentation offload over IPv6 (net/ipv6/tcpv6_offload.c with the
 * IPv6 half of ip6_offload.c's ipv6_gso_segment): tcp6_gso_segment() cuts
 * a TCP-over-IPv6 super-packet (the TCP header right after the IPv6 one,
 * as tcp_v6 sends them) into gso_size pieces, as a NIC with TSO6 would:
 * each segment gets a copy of the headers with its own payload length, its
 * sequence number, FIN and PSH only on the last, CWR only on the first, and
 * a complete TCP checksum over the IPv6 pseudo header (RFC 8200 8.1).
 * skb_gso_segment() (net/core/gso.c) calls it for a device without TSO,
 * ip6_finish_output() when the segments are larger than the route's MTU. */
#include <string.h>
#include "linux/netdevice.h"
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/tcp.h"

#define TCPHDR_CWR 0x80

static void tcp6_gso_fix_headers(struct sk_buff *n, unsigned int i, bool last, u32 seq)
{
	struct ipv6hdr *ip6 = ipv6_hdr(n);
	struct tcphdr *th = tcp_hdr(n);
	unsigned int tcplen = n->len - (unsigned int)skb_transport_offset(n);
	u16 proto = htons(IPPROTO_TCP);
	u32 sum, l = htonl(tcplen);

	ip6->payload_len = htons((u16)(n->len - (unsigned int)skb_network_offset(n) -
				       sizeof(*ip6)));
	th->seq = htonl(seq);
	if (!last)
		th->flags &= (u8)~(TCPHDR_FIN | TCPHDR_PSH);
	if (i)
		th->flags &= (u8)~TCPHDR_CWR;
	th->check = 0;
	sum = csum_partial(&ip6->saddr, 16, 0);
	sum = csum_partial(&ip6->daddr, 16, sum);
	sum = csum_partial(&l, 4, sum);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(th, (int)tcplen, sum);
	th->check = csum_fold(sum);
}

struct sk_buff *tcp6_gso_segment(struct sk_buff *skb)
{
	if (ipv6_hdr(skb)->nexthdr != IPPROTO_TCP)
		return NULL;
	return tcp_gso_segment(skb, tcp6_gso_fix_headers);
}
