/* The link half of rtnetlink (net/core/rtnetlink.c): `ip link add/set/del`
 * requests become device operations.  Device kinds register here through
 * their rtnl_link_ops, in one visible list. */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/ethernet.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/rtnl_notify.h"
#include "net/world.h"

extern const struct rtnl_link_ops veth_link_ops;
extern const struct rtnl_link_ops br_link_ops;
extern const struct rtnl_link_ops dummy_link_ops;
extern const struct rtnl_link_ops vxlan_link_ops;
extern const struct rtnl_link_ops tun_link_ops;
extern const struct rtnl_link_ops ipip_link_ops;

static const struct rtnl_link_ops *const link_kinds[] = {
	&veth_link_ops,
	&br_link_ops,
	&dummy_link_ops,
	&vxlan_link_ops,
	&tun_link_ops,
	&ipip_link_ops,
};

void link_req_init(struct link_req *req)
{
	memset(req, 0, sizeof(*req));
	req->txqlen = -1;
	req->up = -1;
	req->br.ageing_time = -1;
	req->br.stp_state = -1;
	req->br.forward_delay = -1;
	req->br.hello_time = -1;
	req->br.max_age = -1;
	req->br.priority = -1;
	req->br.vlan_filtering = -1;
}

const struct rtnl_link_ops *rtnl_link_ops_get(const char *kind)
{
	for (size_t i = 0; i < sizeof(link_kinds) / sizeof(link_kinds[0]); i++)
		if (!strcmp(link_kinds[i]->kind, kind))
			return link_kinds[i];
	return NULL;
}

int rtnl_newlink(struct net *net, struct link_req *req, struct netlink_ext_ack *extack)
{
	const struct rtnl_link_ops *ops = rtnl_link_ops_get(req->kind ? req->kind : "");
	struct net *dest = req->net ? req->net : net;
	char pattern[IFNAMSIZ];
	struct net_device *dev;
	int err;

	if (!ops)
		return -EOPNOTSUPP;
	if (req->name[0] && __dev_get_by_name(dest, req->name))
		return -EEXIST;
	if (req->name[0] && !dev_valid_name(req->name))
		return -EINVAL;
	if (req->mtu && (req->mtu < ETH_MIN_MTU || req->mtu > (int)ETH_MAX_MTU)) {
		NL_SET_ERR_MSG(extack, req->mtu < ETH_MIN_MTU ? "mtu less than device minimum" :
			       "mtu greater than device maximum");
		return -EINVAL;
	}
	snprintf(pattern, sizeof(pattern), "%s%%d", ops->kind);
	dev = alloc_netdev(ops->priv_size, req->name[0] ? req->name : pattern, ops->setup);
	if (!dev)
		return -ENOMEM;
	dev->rtnl_link_ops = ops;
	dev->nd_net = dest;
	if (req->has_addr)
		memcpy(dev->dev_addr, req->addr, ETH_ALEN);
	else
		eth_hw_addr_random(net->world, dev);
	if (req->mtu)
		dev->mtu = (unsigned int)req->mtu;
	if (req->txqlen >= 0)
		dev->tx_queue_len = (unsigned int)req->txqlen;
	dev->rtnl_link_initializing = true;
	err = ops->newlink(net, dev, req, extack);
	dev->rtnl_link_initializing = false;
	if (err) {
		free_netdev(dev);
		return err;
	}
	rtmsg_ifinfo(RTM_NEWLINK, dev);	/* rtnl_configure_link() */
	if (req->master)
		err = do_set_master(dev, req->master, extack);
	if (!err && req->up == 1)
		err = dev_open(dev);
	return err;
}

int do_set_master(struct net_device *dev, struct net_device *master,
		  struct netlink_ext_ack *extack)
{
	struct net_device *old = dev->master;
	int err;

	if (old == master)
		return 0;
	if (old) {
		err = old->netdev_ops->ndo_del_slave ?
		      old->netdev_ops->ndo_del_slave(old, dev) : -EOPNOTSUPP;
		if (err)
			return err;
	}
	if (!master)
		return 0;
	if (!master->netdev_ops->ndo_add_slave)
		return -EOPNOTSUPP;
	if (master == dev) {
		NL_SET_ERR_MSG(extack, "Cannot enslave a device to itself");
		return -ELOOP;
	}
	return master->netdev_ops->ndo_add_slave(master, dev);
}

int rtnl_setlink(struct net_device *dev, struct link_req *req, struct netlink_ext_ack *extack)
{
	int err = 0;

	if (req->net && !net_eq(req->net, dev_net(dev))) {
		err = dev_change_net_namespace(dev, req->net, NULL);
		if (err)
			return err;
	}
	if (req->mtu && (err = dev_set_mtu(dev, req->mtu)))
		return err;
	if (req->has_addr && (err = dev_set_mac_address(dev, req->addr)))
		return err;
	if (req->txqlen >= 0)
		dev->tx_queue_len = (unsigned int)req->txqlen;
	if (req->name[0] && (err = dev_change_name(dev, req->name)))
		return err;
	if (req->nomaster)
		err = do_set_master(dev, NULL, extack);
	else if (req->master)
		err = do_set_master(dev, req->master, extack);
	if (err)
		return err;
	if (req->flag_mask || req->up >= 0) {
		unsigned int flags = (dev_get_flags(dev) & ~req->flag_mask) |
				     (req->flags & req->flag_mask);

		if (req->up == 1)
			flags |= IFF_UP;
		else if (req->up == 0)
			flags &= ~IFF_UP;
		err = dev_change_flags(dev, flags);
	}
	return err;
}

int rtnl_dellink(struct net_device *dev, struct netlink_ext_ack *extack)
{
	if (!dev->rtnl_link_ops || !dev->rtnl_link_ops->dellink) {
		NL_SET_ERR_MSG(extack, NULL);
		return -EOPNOTSUPP;
	}
	dev->rtnl_link_ops->dellink(dev, NULL);
	return 0;
}

/* A namespace going away takes its devices with it; veth peers elsewhere
 * go too (the pair is deleted), loopback last. */
static struct net_device *first_removable(struct net *net)
{
	struct net_device *dev;

	for_each_netdev(net, dev)
		if (dev != net->loopback_dev && dev->rtnl_link_ops &&
		    dev->rtnl_link_ops->dellink)
			return dev;
	return NULL;
}

void default_device_exit(struct net *net)
{
	struct net_device *dev;

	net->ipv4.dev_exiting = true;
	/* dellink may remove more than one device (a veth takes its peer) */
	while ((dev = first_removable(net)) != NULL)
		dev->rtnl_link_ops->dellink(dev, NULL);
	if (net->loopback_dev) {
		unregister_netdevice(net->loopback_dev);
		free_netdev(net->loopback_dev);
		net->loopback_dev = NULL;
	}
}
