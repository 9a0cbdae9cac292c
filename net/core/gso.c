/* Segmentation and checksum offload done in software (net/core/gso.c,
 * skb_checksum_help() and validate_xmit_skb() of net/core/dev.c).
 *
 * TCP hands IP super-packets — up to the device's gso_max_size, gso_size
 * payload bytes per segment — and leaves the checksum to the device
 * (CHECKSUM_PARTIAL: the field holds the pseudo-header sum, csum_start says
 * where summing starts) when the route's device has NETIF_F_TSO and
 * NETIF_F_HW_CSUM, as Linux does over veth, lo and bridges.  They cross
 * veth pairs and bridges whole.  Where a device lacks the feature (tun/tap,
 * vxlan, packetdrill's device) dev_hard_start_xmit() calls
 * validate_xmit_skb(), which cuts real segments (tcp4_gso_segment(), over
 * IPv6 tcp6_gso_segment()) and
 * completes checksums before the taps and the driver see the packet. */
#include <errno.h>
#include "linux/netdevice.h"
#include "net/ethernet.h"
#include "net/ip.h"
#include "net/tcp.h"

/* skb_checksum_help(): finish a CHECKSUM_PARTIAL checksum in software. */
int skb_checksum_help(struct sk_buff *skb)
{
	int start, end;
	u16 sum;

	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return 0;
	if (skb_linearize(skb) || (skb_cloned(skb) && pskb_expand_head(skb, 0, 0)))
		return -ENOMEM;
	start = (int)skb->csum_start - (int)skb_headroom(skb);
	end = start + skb->csum_offset + 2;
	skb->ip_summed = CHECKSUM_NONE;
	if (start < 0 || end > (int)skb->len)
		return -EINVAL;
	sum = csum_fold(csum_partial(skb->data + start, (int)skb->len - start, 0));
	memcpy(skb->data + start + skb->csum_offset, &sum, 2);
	return 0;
}

/* The length of each segment's IP packet (skb_gso_network_seglen()). */
static unsigned int skb_gso_network_seglen(const struct sk_buff *skb)
{
	const struct tcphdr *th = tcp_hdr(skb);

	return (unsigned int)(skb_transport_header(skb) - skb_network_header(skb)) +
	       (unsigned int)th->doff * 4u + skb_shinfo(skb)->gso_size;
}

/* skb_gso_validate_network_len(): do the segments fit mtu? */
bool skb_gso_validate_network_len(const struct sk_buff *skb, unsigned int mtu)
{
	return skb_gso_network_seglen(skb) <= mtu;
}

/* skb_gso_segment() → inet_gso_segment() → tcp4_gso_segment(): a list of
 * real packets (linked by ->next) or NULL; the caller still owns skb. */
struct sk_buff *skb_gso_segment(struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);

	if (iph->version == 6 && !skb_linearize(skb))
		return tcp6_gso_segment(skb);	/* ipv6_gso_segment() */
	if (iph->version != 4 || iph->protocol != IPPROTO_TCP ||
	    skb_linearize(skb))
		return NULL;
	return tcp4_gso_segment(skb);
}

/* validate_xmit_skb(): what the device cannot take whole is done here.
 * Returns the packet, a list of segments, or NULL when it was dropped. */
struct sk_buff *validate_xmit_skb(struct sk_buff *skb, struct net_device *dev)
{
	struct sk_buff *segs;

	if (skb_is_gso(skb) && !(dev->features & NETIF_F_TSO)) {
		segs = skb_gso_segment(skb);
		if (!segs) {
			dev->tx_dropped_core++;
			kfree_skb_reason(skb, SKB_DROP_REASON_SKB_GSO_SEG);
			return NULL;
		}
		consume_skb(skb);
		return segs;
	}
	if (skb->ip_summed == CHECKSUM_PARTIAL && !(dev->features & NETIF_F_HW_CSUM) &&
	    skb_checksum_help(skb)) {
		dev->tx_dropped_core++;
		kfree_skb_reason(skb, SKB_DROP_REASON_SKB_CSUM);
		return NULL;
	}
	return skb;
}
