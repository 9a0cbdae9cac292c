/* ARP (include/net/arp.h, include/uapi/linux/if_arp.h). */
#ifndef SKBOX_NET_ARP_H
#define SKBOX_NET_ARP_H

#include "linux/types.h"
#include "linux/skbuff.h"
#include "net/neighbour.h"

struct packet_type;

#define ARPOP_REQUEST 1
#define ARPOP_REPLY 2

struct arphdr {
	__be16 ar_hrd;
	__be16 ar_pro;
	u8 ar_hln;
	u8 ar_pln;
	__be16 ar_op;
} __attribute__((packed));

static inline struct arphdr *arp_hdr(const struct sk_buff *skb)
{
	return (struct arphdr *)skb_network_header(skb);
}

int arp_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
	    struct net_device *orig_dev);
void arp_send(int type, int ptype, __be32 dest_ip, struct net_device *dev,
	      __be32 src_ip, const u8 *dest_hw, const u8 *src_hw, const u8 *target_hw);
void arp_ifdown(struct net_device *dev);
int arp_invalidate(struct net_device *dev, __be32 ip, bool force);
int arp_netdev_event(struct net_device *dev, unsigned long event);
int arp_tbl_init(struct net *net);
void arp_tbl_exit(struct net *net);
struct neighbour *ipv4_neigh_lookup_create(struct net_device *dev, __be32 nexthop);

#endif
