/* Generic receive offload (include/net/gro.h): segments of one TCP flow
 * received in one NAPI poll are merged into one super-packet before the
 * protocol layers see them (net/core/gro.c, net/ipv4/tcp_offload.c). */
#ifndef SKBOX_NET_GRO_H
#define SKBOX_NET_GRO_H

#include "linux/netdevice.h"
#include "linux/skbuff.h"

struct napi_struct;

/* gro_max_size: the largest super-packet (IP total length fits 16 bits) */
#define GRO_MAX_SIZE 65535
/* MAX_GRO_SKBS: flows held at once per NAPI instance */
#define MAX_GRO_SKBS 8

/* skb->cb while the skb is in GRO (NAPI_GRO_CB) */
struct napi_gro_cb {
	u16 count;		/* segments in this skb */
	u16 len;		/* payload bytes of the segment (set by the protocol) */
	u8 same_flow;		/* on a held skb: may be the new one's flow */
	u8 flush;		/* deliver now, do not hold / merge */
	u8 merged;		/* on the new skb: its payload went into a held one */
};

#define NAPI_GRO_CB(skb) ((struct napi_gro_cb *)(skb)->cb)

enum gro_result {
	GRO_MERGED_FREE,	/* copied into a held skb; this one is consumed */
	GRO_HELD,		/* kept to merge what follows */
	GRO_NORMAL,		/* delivered as it is */
};

/* The protocol offloads (struct packet_offload / struct net_offload):
 * gro_receive returns the link of a held skb that must be completed now,
 * or NULL; gro_complete fixes a merged skb's headers. */
struct gro_offload {
	u16 type;		/* ethertype (network order) or IP protocol */
	struct sk_buff **(*gro_receive)(struct sk_buff **head, struct sk_buff *skb);
	int (*gro_complete)(struct sk_buff *skb);
};

/* netif_elide_gro(): frames of a device without GRO, of lo and those
 * looped back by dev_loopback_xmit() (no NAPI for them in Linux) skip GRO;
 * inline, so that the common path pays one test. */
static inline bool netif_elide_gro(const struct sk_buff *skb)
{
	return !(skb->dev->features & NETIF_F_GRO) || (skb->dev->flags & IFF_LOOPBACK) ||
	       skb->pkt_type == PACKET_LOOPBACK;
}

enum gro_result napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);
void napi_gro_flush(struct napi_struct *napi);

struct sk_buff **tcp4_gro_receive(struct sk_buff **head, struct sk_buff *skb);
int tcp4_gro_complete(struct sk_buff *skb);

#endif
