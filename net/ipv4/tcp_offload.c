/* TCP segmentation and receive offload (net/ipv4/tcp_offload.c with the
 * IPv4 half of net/ipv4/af_inet.c's inet_gso_segment).
 *
 * tcp4_gso_segment() cuts a super-packet into gso_size pieces, as a NIC
 * with TSO would: each segment gets a copy of the headers with its own IP
 * total length, IP id (the first one's plus its index) and IP checksum, its
 * sequence number, FIN and PSH only on the last and CWR only on the first,
 * and a complete TCP checksum.  The trace id rides along with the rest of
 * the skb's metadata.
 *
 * tcp4_gro_receive() is the other direction (dev_gro_receive → inet_gro_receive
 * → tcp_gro_receive): in-order segments of one flow received in one NAPI
 * poll are merged into one skb before IP sees them, and flushed at the end
 * of the poll. */
#include <string.h>
#include "linux/netdevice.h"
#include "net/ip.h"
#include "net/tcp.h"

#define TCPHDR_CWR 0x80

static void tcp4_gso_fix_headers(struct sk_buff *n, unsigned int i, bool last, u32 seq)
{
	struct iphdr *iph = ip_hdr(n);
	struct tcphdr *th = tcp_hdr(n);
	unsigned int tcplen = n->len - (unsigned int)skb_transport_offset(n);
	u16 proto = htons(IPPROTO_TCP), l = htons((u16)tcplen);
	u32 sum;

	iph->tot_len = htons((u16)(n->len - (unsigned int)skb_network_offset(n)));
	iph->id = htons((u16)(ntohs(iph->id) + i));
	ip_send_check(iph);
	th->seq = htonl(seq);
	if (!last)
		th->flags &= (u8)~(TCPHDR_FIN | TCPHDR_PSH);
	if (i)
		th->flags &= (u8)~TCPHDR_CWR;
	th->check = 0;
	sum = csum_partial(&iph->saddr, 4, 0);
	sum = csum_partial(&iph->daddr, 4, sum);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(&l, 2, sum);
	sum = csum_partial(th, (int)tcplen, sum);
	th->check = csum_fold(sum);
}

/* One segment: the headers of skb, then len payload bytes from off. */
static struct sk_buff *tcp4_gso_one(struct sk_buff *skb, unsigned int hdrlen,
				    unsigned int off, unsigned int len)
{
	unsigned int headroom = skb_headroom(skb);
	struct sk_buff *n = alloc_skb(skb->pool, headroom + hdrlen + len);

	if (!n)
		return NULL;
	skb_copy_header(n, skb);
	n->len = 0;
	n->data_len = 0;
	n->ip_summed = CHECKSUM_NONE;
	skb_reserve(n, (int)headroom);
	memcpy(skb_put(n, hdrlen + len), skb->data, hdrlen);
	memcpy(n->data + hdrlen, skb->data + hdrlen + off, len);
	return n;
}

struct sk_buff *tcp4_gso_segment(struct sk_buff *skb)
{
	const struct tcphdr *th = tcp_hdr(skb);
	unsigned int hdrlen = (unsigned int)skb_transport_offset(skb) + (unsigned int)th->doff * 4u;
	unsigned int mss = skb_shinfo(skb)->gso_size, total = skb->len - hdrlen;
	struct sk_buff *head = NULL, **pp = &head;
	u32 seq = ntohl(th->seq);

	if (skb->len < hdrlen || !mss)
		return NULL;
	for (unsigned int off = 0, i = 0; off < total || (!total && !i); off += mss, i++) {
		unsigned int len = total - off < mss ? total - off : mss;
		struct sk_buff *n = tcp4_gso_one(skb, hdrlen, off, len);

		if (!n) {
			while (head) {
				n = head->next;
				kfree_skb_reason(head, SKB_DROP_REASON_NOMEM);
				head = n;
			}
			return NULL;
		}
		tcp4_gso_fix_headers(n, i, off + len >= total, seq + off);
		*pp = n;
		pp = &n->next;
	}
	*pp = NULL;
	return head;
}
