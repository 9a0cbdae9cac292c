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
#include "net/gro.h"
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

/* tcp_gso_segment(): the family-neutral cut (tcp_gso_segment() of
 * Linux's tcp_offload.c); fix writes each segment's network and TCP
 * headers (index, last one?, sequence number) */
struct sk_buff *tcp_gso_segment(struct sk_buff *skb,
				void (*fix)(struct sk_buff *n, unsigned int i, bool last, u32 seq))
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
		fix(n, i, off + len >= total, seq + off);
		*pp = n;
		pp = &n->next;
	}
	*pp = NULL;
	return head;
}

struct sk_buff *tcp4_gso_segment(struct sk_buff *skb)
{
	return tcp_gso_segment(skb, tcp4_gso_fix_headers);
}

/* ---- receive offload: tcp4_gro_receive / tcp4_gro_complete ---- */

/* tcp4_gro_receive()'s checksum step: a segment that came from this
 * machine's stack (CHECKSUM_PARTIAL) or was checked already is trusted;
 * any other is checked here, and a bad one is not merged (the normal path
 * drops it with TCP's counters). */
static bool tcp4_gro_csum_ok(struct sk_buff *skb, const struct iphdr *iph)
{
	u16 proto = htons(IPPROTO_TCP), l = htons((u16)(skb->len - sizeof(*iph)));
	u32 sum;

	if (skb->ip_summed == CHECKSUM_PARTIAL || skb->ip_summed == CHECKSUM_UNNECESSARY)
		return true;
	sum = csum_partial(&iph->saddr, 4, 0);
	sum = csum_partial(&iph->daddr, 4, sum);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(&l, 2, sum);
	sum = csum_partial(skb->data + sizeof(*iph), (int)(skb->len - sizeof(*iph)), sum);
	if (csum_fold(sum))
		return false;
	skb->ip_summed = CHECKSUM_UNNECESSARY;
	return true;
}

/* skb_gro_receive(): the new segment's payload goes behind the held one's
 * (one copy into a buffer grown once to the largest super-packet). */
static int tcp4_gro_append(struct sk_buff *p, const struct sk_buff *skb, unsigned int hdrlen,
			   unsigned int len)
{
	if (p->len + len > GRO_MAX_SIZE)
		return -1;
	if ((skb_tailroom(p) < (int)len || skb_cloned(p)) &&
	    pskb_expand_head(p, 0, (int)(GRO_MAX_SIZE - p->len)))
		return -1;
	memcpy(skb_put(p, len), skb->data + hdrlen, len);
	NAPI_GRO_CB(p)->count++;
	return 0;
}

/* The held skb of the new segment's flow (same addresses and ports), or NULL. */
static struct sk_buff **tcp4_gro_lookup(struct sk_buff **head, const struct tcphdr *th)
{
	for (struct sk_buff **pp = head; *pp; pp = &(*pp)->next) {
		struct sk_buff *p = *pp;
		const struct tcphdr *th2;

		if (!NAPI_GRO_CB(p)->same_flow)
			continue;
		th2 = tcp_hdr(p);
		if (th->source != th2->source || th->dest != th2->dest) {
			NAPI_GRO_CB(p)->same_flow = 0;
			continue;
		}
		return pp;
	}
	return NULL;
}

/* tcp_gro_receive()'s rules: the segment continues the held one when
 * nothing but CWR/FIN/PSH differs in the flags, the ACK number and the
 * options are the same, it starts where the held data ends and is no
 * larger than the first segment.  A short segment or one with URG, PSH,
 * RST, SYN or FIN ends the super-packet (after joining it). */
static bool tcp4_gro_mergeable(const struct sk_buff *p, const struct sk_buff *skb,
			       const struct tcphdr *th, unsigned int len)
{
	const struct tcphdr *th2 = tcp_hdr(p);
	unsigned int thlen = (unsigned int)th->doff * 4u;
	unsigned int held = p->len - (unsigned int)skb_transport_offset(p) - th2->doff * 4u;
	unsigned int mss = skb_shinfo(p)->gso_size;

	if (NAPI_GRO_CB(p)->flush || (th->flags & TCPHDR_CWR) ||
	    ((th->flags ^ th2->flags) & (u8)~(TCPHDR_CWR | TCPHDR_FIN | TCPHDR_PSH)))
		return false;
	if (th->ack_seq != th2->ack_seq || th->doff != th2->doff ||
	    memcmp(th + 1, th2 + 1, thlen - sizeof(*th)))
		return false;
	if (len - 1 >= mss || ntohl(th2->seq) + held != ntohl(th->seq))
		return false;
	return !skb_is_gso(skb) && !skb->data_len && !p->data_len;
}

struct sk_buff **tcp4_gro_receive(struct sk_buff **head, struct sk_buff *skb)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	unsigned int hdrlen = sizeof(*iph), thlen, len, mss = 1;
	const struct tcphdr *th;
	struct sk_buff **pp = NULL;
	bool flush;

	NAPI_GRO_CB(skb)->flush = 1;
	if (skb_headlen(skb) < hdrlen + sizeof(*th))
		return NULL;
	th = (const struct tcphdr *)(skb->data + hdrlen);
	thlen = (unsigned int)th->doff * 4u;
	if (thlen < sizeof(*th) || skb_headlen(skb) < hdrlen + thlen ||
	    !tcp4_gro_csum_ok(skb, iph))
		return NULL;
	NAPI_GRO_CB(skb)->flush = 0;
	len = skb->len - hdrlen - thlen;
	NAPI_GRO_CB(skb)->len = (u16)len;
	pp = tcp4_gro_lookup(head, th);
	if (pp) {
		struct sk_buff *p = *pp;

		mss = skb_shinfo(p)->gso_size;
		if (tcp4_gro_mergeable(p, skb, th, len) &&
		    !tcp4_gro_append(p, skb, hdrlen + thlen, len)) {
			tcp_hdr(p)->flags |= th->flags & (TCPHDR_FIN | TCPHDR_PSH);
			NAPI_GRO_CB(skb)->merged = 1;
		} else {
			mss = 1;
		}
	}
	flush = len < mss || skb_is_gso(skb) || skb->data_len ||
		(th->flags & (TCPHDR_URG | TCPHDR_PSH | TCPHDR_RST | TCPHDR_SYN | TCPHDR_FIN));
	if (pp && NAPI_GRO_CB(skb)->merged && !flush)
		pp = NULL;		/* the held skb stays to take more */
	NAPI_GRO_CB(skb)->flush |= flush;
	return pp;
}

/* tcp4_gro_complete(): a super-packet as TSO would have made it — the
 * pseudo-header sum in the field, CHECKSUM_PARTIAL (trusted by the
 * receiver, completed by validate_xmit_skb() if it is sent on). */
int tcp4_gro_complete(struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct tcphdr *th = tcp_hdr(skb);
	u16 proto = htons(IPPROTO_TCP);
	u16 l = htons((u16)(skb->len - (unsigned int)skb_transport_offset(skb)));
	u32 sum = csum_partial(&iph->saddr, 4, 0);

	sum = csum_partial(&iph->daddr, 4, sum);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(&l, 2, sum);
	th->check = (u16)~csum_fold(sum);
	skb->ip_summed = CHECKSUM_PARTIAL;
	skb->csum_start = skb->transport_header;
	skb->csum_offset = 16;	/* offsetof(struct tcphdr, check) */
	return 0;
}
