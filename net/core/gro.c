/* Generic receive offload (net/core/gro.c, and inet_gro_receive() of
 * net/ipv4/af_inet.c).
 *
 * Where the packet path sits: a NAPI poll hands each received frame to
 * napi_gro_receive() instead of straight to __netif_receive_skb_core().
 * dev_gro_receive() asks the offload of the frame's ethertype (IPv4:
 * inet_gro_receive(), then the IP protocol's: tcp4_gro_receive()) whether
 * it continues a flow held from earlier in the same poll.  In-order
 * segments of one TCP flow are merged into one skb; the poll's end
 * (napi_gro_flush()) or a segment that cannot be merged (PSH, other flags
 * or options, a gap in sequence, a different IP id step) completes the
 * held skb: napi_gro_complete() fixes its IP length and checksum, marks it
 * a super-packet (gso_size = the first segment's payload, gso_segs = how
 * many) and delivers it, so the taps, netfilter and TCP see one packet,
 * as on Linux.
 *
 * In skbox the frames of a veth or TAP arrive through the namespace's
 * backlog; its poll (process_backlog) stands in for the driver's NAPI
 * poll, and does GRO for frames whose device has NETIF_F_GRO (`ethtool -K
 * DEV gro on`; off by default on veth, as Linux's veth; lo never does GRO). */
#include <string.h>
#include "linux/netdevice.h"
#include "net/ethernet.h"
#include "net/gro.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/trace.h"

static struct sk_buff **inet_gro_receive(struct sk_buff **head, struct sk_buff *skb);
static int inet_gro_complete(struct sk_buff *skb);

/* inet_offloads[]: the IP protocols that merge */
static const struct gro_offload inet_offloads[] = {
	{ .type = IPPROTO_TCP, .gro_receive = tcp4_gro_receive, .gro_complete = tcp4_gro_complete },
};

/* offload_base: the ethertypes that merge (dev_add_offload) */
static const struct gro_offload packet_offloads[] = {
	{ .type = 0x0008 /* htons(ETH_P_IP) */, .gro_receive = inet_gro_receive,
	  .gro_complete = inet_gro_complete },
};

static const struct gro_offload *gro_find(const struct gro_offload *tab, size_t n, u16 type)
{
	for (size_t i = 0; i < n; i++)
		if (tab[i].type == type)
			return &tab[i];
	return NULL;
}

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- IPv4 (inet_gro_receive / inet_gro_complete) ---- */

/* The IP half of the flow match: same addresses and protocol; a held skb
 * of the flow must also agree on TTL, TOS and DF, and its IP ids must run
 * on (or stay fixed, with DF), else it is completed first. */
static void inet_gro_match(struct sk_buff *p, const struct iphdr *iph)
{
	const struct iphdr *iph2 = (const struct iphdr *)skb_network_header(p);
	u16 id = ntohs(iph->id), id2 = ntohs(iph2->id);
	bool df = iph->frag_off & htons(IP_DF);

	if (iph->protocol != iph2->protocol || iph->saddr != iph2->saddr ||
	    iph->daddr != iph2->daddr) {
		NAPI_GRO_CB(p)->same_flow = 0;
		return;
	}
	if (iph->ttl != iph2->ttl || iph->tos != iph2->tos ||
	    ((iph->frag_off ^ iph2->frag_off) & htons(IP_DF)))
		NAPI_GRO_CB(p)->flush = 1;
	if (id != (u16)(id2 + NAPI_GRO_CB(p)->count) && !(df && id == id2))
		NAPI_GRO_CB(p)->flush = 1;
}

static struct sk_buff **inet_gro_receive(struct sk_buff **head, struct sk_buff *skb)
{
	const struct gro_offload *ops;
	const struct iphdr *iph;
	struct sk_buff *p;

	NAPI_GRO_CB(skb)->flush = 1;
	if (skb_headlen(skb) < sizeof(struct iphdr))
		return NULL;
	iph = (const struct iphdr *)skb->data;
	if (iph->version != 4 || iph->ihl != 5 || ip_fast_csum(iph, 5))
		return NULL;
	if (ntohs(iph->tot_len) != skb->len || (iph->frag_off & htons(IP_MF | IP_OFFSET)))
		return NULL;
	ops = gro_find(inet_offloads, ARRAY_LEN(inet_offloads), iph->protocol);
	if (!ops)
		return NULL;
	NAPI_GRO_CB(skb)->flush = 0;
	for (p = *head; p; p = p->next)
		if (NAPI_GRO_CB(p)->same_flow)
			inet_gro_match(p, iph);
	skb_set_transport_header(skb, sizeof(struct iphdr));
	return ops->gro_receive(head, skb);
}

static int inet_gro_complete(struct sk_buff *skb)
{
	struct iphdr *iph = (struct iphdr *)skb_network_header(skb);
	const struct gro_offload *ops = gro_find(inet_offloads, ARRAY_LEN(inet_offloads),
						 iph->protocol);

	iph->tot_len = htons((u16)skb->len);
	ip_send_check(iph);
	return ops ? ops->gro_complete(skb) : 0;
}

/* ---- the device layer (dev_gro_receive / napi_gro_complete) ---- */

/* gro_list_prepare(): held skbs of the same device and link header may be
 * the new skb's flow; the protocols narrow it down. */
static void gro_list_prepare(struct sk_buff *head, const struct sk_buff *skb)
{
	for (struct sk_buff *p = head; p; p = p->next) {
		NAPI_GRO_CB(p)->same_flow = p->dev == skb->dev &&
			!memcmp(skb_mac_header(p), skb_mac_header(skb), ETH_HLEN);
		NAPI_GRO_CB(p)->flush = 0;
	}
}

static void napi_gro_complete(struct sk_buff *skb)
{
	const struct gro_offload *ops;

	if (NAPI_GRO_CB(skb)->count > 1) {
		ops = gro_find(packet_offloads, ARRAY_LEN(packet_offloads), skb->protocol);
		if (ops)
			ops->gro_complete(skb);
		skb_shinfo(skb)->gso_segs = NAPI_GRO_CB(skb)->count;
	} else {
		skb_shinfo(skb)->gso_size = 0;
	}
	skb_trace(skb, "napi_gro_complete");
	memset(skb->cb, 0, sizeof(skb->cb));
	__netif_receive_skb_core(skb);
}

/* Unlink the held skb at *pp and deliver it. */
static void gro_complete_at(struct napi_struct *napi, struct sk_buff **pp)
{
	struct sk_buff *p = *pp;

	*pp = p->next;
	p->next = NULL;
	napi->gro_count--;
	napi_gro_complete(p);
}

static void gro_hold(struct napi_struct *napi, struct sk_buff *skb)
{
	struct sk_buff **pp = &napi->gro_list;

	while (*pp)
		pp = &(*pp)->next;
	NAPI_GRO_CB(skb)->count = 1;
	skb_shinfo(skb)->gso_size = NAPI_GRO_CB(skb)->len;
	skb->next = NULL;
	*pp = skb;
	napi->gro_count++;
}

static enum gro_result dev_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	const struct gro_offload *ops;
	struct sk_buff **pp;

	ops = gro_find(packet_offloads, ARRAY_LEN(packet_offloads), skb->protocol);
	if (!ops)
		return GRO_NORMAL;
	skb_reset_network_header(skb);
	skb_trace(skb, "dev_gro_receive");
	gro_list_prepare(napi->gro_list, skb);
	memset(NAPI_GRO_CB(skb), 0, sizeof(struct napi_gro_cb));
	pp = ops->gro_receive(&napi->gro_list, skb);
	if (pp)
		gro_complete_at(napi, pp);
	if (NAPI_GRO_CB(skb)->merged)
		return GRO_MERGED_FREE;
	if (NAPI_GRO_CB(skb)->flush || napi->gro_count >= MAX_GRO_SKBS)
		return GRO_NORMAL;
	gro_hold(napi, skb);
	return GRO_HELD;
}

enum gro_result napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	enum gro_result ret;

	if (netif_elide_gro(skb)) {
		__netif_receive_skb_core(skb);
		return GRO_NORMAL;
	}
	ret = dev_gro_receive(napi, skb);
	switch (ret) {
	case GRO_NORMAL:
		memset(skb->cb, 0, sizeof(skb->cb));
		__netif_receive_skb_core(skb);
		break;
	case GRO_MERGED_FREE:
		consume_skb(skb);
		break;
	case GRO_HELD:
		break;
	}
	return ret;
}

/* napi_gro_flush(): the poll is over; what is held goes up, oldest first. */
void napi_gro_flush(struct napi_struct *napi)
{
	while (napi->gro_list)
		gro_complete_at(napi, &napi->gro_list);
}
