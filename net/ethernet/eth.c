/* Ethernet framing (net/ethernet/eth.c): building the header on transmit and
 * eth_type_trans() on receive, which classifies the frame (pkt_type) and
 * pulls the header off. */
#include <string.h>
#include "linux/netdevice.h"
#include "net/ethernet.h"

static int eth_header(struct sk_buff *skb, struct net_device *dev, u16 type,
		      const void *daddr, const void *saddr, unsigned int len)
{
	struct ethhdr *eth = (struct ethhdr *)skb_push(skb, ETH_HLEN);

	(void)len;
	eth->h_proto = htons(type);
	memcpy(eth->h_source, saddr ? saddr : dev->dev_addr, ETH_ALEN);
	if (daddr) {
		memcpy(eth->h_dest, daddr, ETH_ALEN);
		return ETH_HLEN;
	}
	/* No destination yet: the neighbour layer fills it in. */
	return -ETH_HLEN;
}

static int eth_header_parse(const struct sk_buff *skb, unsigned char *haddr)
{
	const struct ethhdr *eth = (const struct ethhdr *)skb_mac_header(skb);

	memcpy(haddr, eth->h_source, ETH_ALEN);
	return ETH_ALEN;
}

const struct header_ops eth_header_ops = {
	.create = eth_header,
	.parse = eth_header_parse,
};

u16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	eth = (const struct ethhdr *)skb->data;
	skb_pull(skb, ETH_HLEN);
	if (is_multicast_ether_addr(eth->h_dest)) {
		if (is_broadcast_ether_addr(eth->h_dest))
			skb->pkt_type = PACKET_BROADCAST;
		else
			skb->pkt_type = PACKET_MULTICAST;
	} else if (!ether_addr_equal(eth->h_dest, dev->dev_addr)) {
		skb->pkt_type = PACKET_OTHERHOST;
	} else {
		skb->pkt_type = PACKET_HOST;
	}
	if (ntohs(eth->h_proto) >= ETH_P_802_3_MIN)
		return eth->h_proto;
	return htons(0x0004); /* ETH_P_802_2 */
}

void ether_setup(struct net_device *dev)
{
	dev->header_ops = &eth_header_ops;
	dev->type = ARPHRD_ETHER;
	dev->hard_header_len = ETH_HLEN;
	dev->mtu = ETH_DATA_LEN;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_DATA_LEN;
	dev->addr_len = ETH_ALEN;
	dev->tx_queue_len = 1000;
	dev->flags = IFF_BROADCAST | IFF_MULTICAST;
	memset(dev->broadcast, 0xFF, ETH_ALEN);
}

/* A random locally administered unicast MAC from the world's RNG. */
void eth_random_addr_w(struct world *w, u8 *addr)
{
	u64 r = world_random_u64(w);

	for (int i = 0; i < ETH_ALEN; i++)
		addr[i] = (u8)(r >> (8 * i));
	addr[0] &= 0xfe;	/* unicast */
	addr[0] |= 0x02;	/* locally administered */
}

void eth_hw_addr_random(struct world *w, struct net_device *dev)
{
	eth_random_addr_w(w, dev->dev_addr);
	dev->addr_assign_type = 1; /* NET_ADDR_RANDOM */
}
