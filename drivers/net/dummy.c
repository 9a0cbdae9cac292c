/* The dummy device (drivers/net/dummy.c): `ip link add NAME type dummy`.
 * Everything sent to it is counted and freed; it never receives.  It has
 * no ARP (IFF_NOARP: neighbours are NOARP with the device's own address),
 * no queue, and never reports carrier, so it shows "state UNKNOWN" when up.
 * Linux's self-tests use it as a place to hang addresses and routes. */
#include "linux/netdevice.h"
#include "net/ethernet.h"
#include "net/rtnetlink.h"

static netdev_tx_t dummy_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += skb->len;
	consume_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops dummy_netdev_ops = {
	.ndo_start_xmit = dummy_xmit,
};

static void dummy_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &dummy_netdev_ops;
	dev->flags |= IFF_NOARP;
	dev->flags &= ~IFF_MULTICAST;
	dev->priv_flags |= IFF_LIVE_ADDR_CHANGE | IFF_NO_QUEUE | IFF_NO_OPER_REPORT;
	dev->min_mtu = 0;
	dev->max_mtu = 0;	/* no limit */
	dev->features = NETIF_F_SOFTWARE_OFFLOADS;
}

static int dummy_newlink(struct net *src_net, struct net_device *dev, struct link_req *req,
			 struct netlink_ext_ack *extack)
{
	(void)extack;
	return register_netdevice(req->net ? req->net : src_net, dev);
}

static void dummy_dellink(struct net_device *dev, struct list_head *head)
{
	(void)head;
	unregister_netdevice(dev);
	free_netdev(dev);
}

const struct rtnl_link_ops dummy_link_ops = {
	.kind = "dummy",
	.setup = dummy_setup,
	.newlink = dummy_newlink,
	.dellink = dummy_dellink,
};
