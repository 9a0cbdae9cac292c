/* veth pairs (drivers/net/veth.c): two Ethernet devices joined by a virtual
 * cable, possibly in different namespaces.  A frame sent on one end goes
 * into the peer's namespace backlog through netif_rx() — always queued,
 * never a recursive call.  Carrier is on only while both ends are up. */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/ethernet.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/world.h"
#include "net/trace.h"

/* The frames sent, counted here as Linux counts them in the device's
 * lstats (dev_lstats_add()): beside the peer pointer every frame reads,
 * not in the device's statistics line, which nothing else on the path
 * touches. */
struct veth_priv {
	struct net_device *peer;
	u64 tx_packets;
	u64 tx_bytes;
	u64 peer_rx_dropped;
};

static netdev_tx_t veth_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct veth_priv *priv = netdev_priv(dev);
	struct net_device *rcv = priv->peer;
	unsigned int len = skb->len;

	if (!rcv || !(rcv->flags & IFF_UP) || skb->len < ETH_HLEN) {
		skb_drop_hint(skb, "the veth peer is down");
		dev->tx_dropped_core++;
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_READY);
		return NETDEV_TX_OK;
	}
	/* is_skb_forwardable(): nothing larger than the peer's MTU crosses,
	 * except a super-packet (its segments are checked where they are cut) */
	if (skb->len > rcv->mtu + ETH_HLEN + 4 /* VLAN_HLEN */ && !skb_is_gso(skb)) {
		rcv->rx_dropped_core++;
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_BIG);
		return NETDEV_TX_BUSY;	/* NET_XMIT_DROP: the sender sees ENOBUFS */
	}
	/* dev_forward_skb(): scrub what must not cross, then receive on the peer */
	skb_orphan(skb);
	skb_dst_drop(skb);
	nf_reset_ct(skb);
	if (!net_eq(dev_net(dev), dev_net(rcv))) {
		skb->ipvs_property = 0;		/* ipvs_reset() */
		skb->mark = 0;
	}
	skb->priority = 0;
	skb->ignore_df = 0;	/* a local sender's "may fragment" ends here */
	skb->protocol = eth_type_trans(skb, rcv);
	/* counted once, on the sender (Linux's dev_lstats_add()): the peer's
	 * receive counters are these, read by veth_get_stats64() */
	if (netif_rx(skb) == 0) {
		priv->tx_packets++;
		priv->tx_bytes += len;
	} else {
		dev->stats.tx_dropped++;
	}
	return NETDEV_TX_OK;
}

static int veth_open(struct net_device *dev)
{
	struct veth_priv *priv = netdev_priv(dev);
	struct net_device *peer = priv->peer;

	if (!peer)
		return -ENOTCONN;
	if (peer->flags & IFF_UP) {
		netif_carrier_on(dev);
		netif_carrier_on(peer);
	}
	return 0;
}

static int veth_close(struct net_device *dev)
{
	struct veth_priv *priv = netdev_priv(dev);

	netif_carrier_off(dev);
	if (priv->peer)
		netif_carrier_off(priv->peer);
	return 0;
}

static int veth_get_iflink(const struct net_device *dev)
{
	struct veth_priv *priv = netdev_priv(dev);

	return priv->peer ? priv->peer->ifindex : 0;
}

static struct net_device *veth_peer_dev(const struct net_device *dev)
{
	struct veth_priv *priv = netdev_priv(dev);

	return priv->peer;
}

/* veth_get_stats64(): what this end sent, and as received what its peer
 * sent (one set of counters per frame, as Linux's per-device lstats) */
static void veth_get_stats64(struct net_device *dev, struct rtnl_link_stats64 *s)
{
	struct veth_priv *priv = netdev_priv(dev);
	struct veth_priv *peer = priv->peer ? netdev_priv(priv->peer) : NULL;

	*s = dev->stats;
	s->tx_packets = priv->tx_packets;
	s->tx_bytes = priv->tx_bytes;
	s->rx_packets = peer ? peer->tx_packets : 0;
	s->rx_bytes = peer ? peer->tx_bytes : 0;
}

static int veth_change_mtu(struct net_device *dev, int mtu)
{
	dev->mtu = (unsigned int)mtu;
	return 0;
}

static const struct net_device_ops veth_netdev_ops = {
	.ndo_open = veth_open,
	.ndo_stop = veth_close,
	.ndo_start_xmit = veth_xmit,
	.ndo_get_iflink = veth_get_iflink,
	.ndo_get_peer = veth_peer_dev,
	.ndo_change_mtu = veth_change_mtu,
	.ndo_get_stats64 = veth_get_stats64,
};

static void veth_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->priv_flags |= IFF_NO_QUEUE | IFF_LIVE_ADDR_CHANGE;
	dev->netdev_ops = &veth_netdev_ops;
	dev->max_mtu = ETH_MAX_MTU;
	dev->carrier = 0;
	/* VETH_FEATURES; GRO only when asked for (ethtool -K DEV gro on), as Linux */
	dev->features = NETIF_F_SOFTWARE_OFFLOADS & ~NETIF_F_GRO;
}

extern const struct rtnl_link_ops veth_link_ops;

static struct net_device *veth_alloc(struct net *net, const char *name,
				     const struct link_req *req)
{
	struct net_device *dev = alloc_netdev(sizeof(struct veth_priv), name, veth_setup);

	if (!dev)
		return NULL;
	dev->rtnl_link_ops = &veth_link_ops;
	if (req && req->has_addr)
		memcpy(dev->dev_addr, req->addr, ETH_ALEN);
	else
		eth_hw_addr_random(net->world, dev);
	if (req && req->mtu)
		dev->mtu = (unsigned int)req->mtu;
	if (req && req->txqlen >= 0)
		dev->tx_queue_len = (unsigned int)req->txqlen;
	return dev;
}

/* The peer is registered first, so it gets the lower ifindex, as in Linux. */
static int veth_newlink(struct net *src_net, struct net_device *dev,
			struct link_req *req, struct netlink_ext_ack *extack)
{
	struct link_req *preq = req->peer;
	struct net *peer_net = preq && preq->net ? preq->net : src_net;
	struct net *net = req->net ? req->net : src_net;
	struct net_device *peer;
	int err;

	peer = veth_alloc(peer_net, preq && preq->name[0] ? preq->name : "veth%d", preq);
	if (!peer)
		return -ENOMEM;
	err = register_netdevice(peer_net, peer);
	if (err) {
		free_netdev(peer);
		return err;
	}
	err = register_netdevice(net, dev);
	if (err) {
		unregister_netdevice(peer);
		free_netdev(peer);
		NL_SET_ERR_MSG(extack, NULL);
		return err;
	}
	((struct veth_priv *)netdev_priv(dev))->peer = peer;
	((struct veth_priv *)netdev_priv(peer))->peer = dev;
	netif_carrier_off(dev);
	netif_carrier_off(peer);
	return 0;
}

/* Deleting either end deletes both (veth_dellink). */
static void veth_dellink(struct net_device *dev, struct list_head *head)
{
	struct veth_priv *priv = netdev_priv(dev);
	struct net_device *peer = priv->peer;

	(void)head;
	priv->peer = NULL;
	if (peer)
		((struct veth_priv *)netdev_priv(peer))->peer = NULL;
	/* unregister_netdevice_many(): both ends close before either goes */
	dev_close(dev);
	if (peer)
		dev_close(peer);
	unregister_netdevice(dev);
	if (peer) {
		unregister_netdevice(peer);
		free_netdev(peer);
	}
	free_netdev(dev);
}

const struct rtnl_link_ops veth_link_ops = {
	.kind = "veth",
	.priv_size = sizeof(struct veth_priv),
	.setup = veth_setup,
	.newlink = veth_newlink,
	.dellink = veth_dellink,
};

