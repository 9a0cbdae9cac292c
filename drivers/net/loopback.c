/* The loopback device (drivers/net/loopback.c): every namespace has one,
 * ifindex 1, DOWN until `ip link set lo up`.  What it sends it receives:
 * loopback_xmit() puts the frame back into this namespace's backlog. */
#include <string.h>
#include "linux/netdevice.h"
#include "net/ethernet.h"
#include "net/net_namespace.h"

static netdev_tx_t loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
	unsigned int len = skb->len;

	skb_orphan(skb);
	if (skb->len < ETH_HLEN) {
		dev->tx_dropped_core++;
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return NETDEV_TX_OK;
	}
	skb->protocol = eth_type_trans(skb, dev);
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += len;
	if (netif_rx(skb) == 0) {
		dev->stats.rx_packets++;
		dev->stats.rx_bytes += len;
	}
	return NETDEV_TX_OK;
}

static const struct net_device_ops loopback_ops = {
	.ndo_start_xmit = loopback_xmit,
};

static void loopback_setup(struct net_device *dev)
{
	dev->mtu = 64 * 1024;
	dev->hard_header_len = ETH_HLEN;
	dev->min_mtu = 0;
	dev->max_mtu = 0;	/* no limit */
	dev->addr_len = ETH_ALEN;
	dev->type = ARPHRD_LOOPBACK;
	dev->flags = IFF_LOOPBACK;
	dev->priv_flags |= IFF_LIVE_ADDR_CHANGE | IFF_NO_QUEUE;
	dev->tx_queue_len = 1000;
	dev->header_ops = &eth_header_ops;
	dev->netdev_ops = &loopback_ops;
	dev->features = NETIF_F_SOFTWARE_OFFLOADS;
	memset(dev->dev_addr, 0, ETH_ALEN);
	memset(dev->broadcast, 0, ETH_ALEN);
}

static int loopback_net_init(struct net *net)
{
	struct net_device *dev = alloc_netdev(0, "lo", loopback_setup);
	int err;

	if (!dev)
		return -12;
	dev->ifindex = 1;
	err = register_netdevice(net, dev);
	if (err) {
		free_netdev(dev);
		return err;
	}
	net->loopback_dev = dev;
	return 0;
}

const struct pernet_operations loopback_net_ops = {
	.name = "loopback",
	.init = loopback_net_init,
};
