/* Ethernet header and address helpers (include/linux/etherdevice.h). */
#ifndef SKBOX_NET_ETHERNET_H
#define SKBOX_NET_ETHERNET_H

#include <string.h>
#include "linux/netdevice.h"
#include "net/world.h"

struct ethhdr {
	u8 h_dest[ETH_ALEN];
	u8 h_source[ETH_ALEN];
	__be16 h_proto;
} __attribute__((packed));

static inline struct ethhdr *eth_hdr(const struct sk_buff *skb)
{
	return (struct ethhdr *)skb_mac_header(skb);
}

static inline bool is_multicast_ether_addr(const u8 *a)
{
	return a[0] & 1;
}

static inline bool is_broadcast_ether_addr(const u8 *a)
{
	return (a[0] & a[1] & a[2] & a[3] & a[4] & a[5]) == 0xff;
}

static inline bool is_zero_ether_addr(const u8 *a)
{
	return !(a[0] | a[1] | a[2] | a[3] | a[4] | a[5]);
}

static inline bool is_valid_ether_addr(const u8 *a)
{
	return !is_multicast_ether_addr(a) && !is_zero_ether_addr(a);
}

static inline bool ether_addr_equal(const u8 *a, const u8 *b)
{
	return !memcmp(a, b, ETH_ALEN);
}

static inline bool is_link_local_ether_addr(const u8 *a)
{
	static const u8 base[5] = { 0x01, 0x80, 0xc2, 0x00, 0x00 };

	return !memcmp(a, base, 5) && (a[5] & 0xf0) == 0;
}

/* IPv4 multicast group → 01:00:5e MAC (ip_eth_mc_map) */
static inline void ip_eth_mc_map(__be32 naddr, u8 *buf)
{
	u32 addr = ntohl(naddr);

	buf[0] = 0x01;
	buf[1] = 0x00;
	buf[2] = 0x5e;
	buf[5] = (u8)(addr & 0xFF);
	addr >>= 8;
	buf[4] = (u8)(addr & 0xFF);
	addr >>= 8;
	buf[3] = (u8)(addr & 0x7F);
}

extern const struct header_ops eth_header_ops;
u16 eth_type_trans(struct sk_buff *skb, struct net_device *dev);
void ether_setup(struct net_device *dev);
void eth_random_addr_w(struct world *w, u8 *addr);
void eth_hw_addr_random(struct world *w, struct net_device *dev);

#endif
