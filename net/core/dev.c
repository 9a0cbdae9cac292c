/* Devices: registration, flags and state, and the notifier chain that tells
 * IPv4, the FIB, ARP and the bridge about changes (net/core/dev.c, the
 * control half).  The packet half is in dev_rx.c and dev_tx.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/sch_generic.h"
#include "net/world.h"
#include "net/rtnl_notify.h"

/* Who hears about device events, in order (register_netdevice_notifier). */
int ipv4_netdev_event(struct net_device *dev, unsigned long event);
int addrconf_notify(struct net_device *dev, unsigned long event);
int br_device_event(struct net_device *dev, unsigned long event);
int brnf_device_event(struct net_device *dev, unsigned long event);
int nf_nat_masq_device_event(struct net_device *dev, unsigned long event);
int vxlan_netdevice_event(struct net_device *dev, unsigned long event);
int nfqnl_rcv_dev_event(struct net_device *dev, unsigned long event);
int rtnetlink_event(struct net_device *dev, unsigned long event);

static int (*const netdev_notifiers[])(struct net_device *dev, unsigned long event) = {
	ipv4_netdev_event,
	addrconf_notify,
	br_device_event,
	brnf_device_event,
	nf_nat_masq_device_event,
	vxlan_netdevice_event,
	nfqnl_rcv_dev_event,
	rtnetlink_event,
};

int call_netdevice_notifiers(enum netdev_event ev, struct net_device *dev)
{
	for (size_t i = 0; i < sizeof(netdev_notifiers) / sizeof(netdev_notifiers[0]); i++) {
		int err = netdev_notifiers[i](dev, ev);

		if (err)
			return err;
	}
	return 0;
}

struct net_device *alloc_netdev(size_t priv_size, const char *name,
				void (*setup)(struct net_device *dev))
{
	struct net_device *dev = NULL;

	/* cache-line aligned: the fields of the packet path fill the first two */
	if (should_failslab() || posix_memalign((void **)&dev, 64, sizeof(*dev) + priv_size))
		return NULL;
	memset(dev, 0, sizeof(*dev) + priv_size);
	if (priv_size)
		dev->priv = dev + 1;
	snprintf(dev->name, sizeof(dev->name), "%s", name ? name : "");
	INIT_LIST_HEAD(&dev->dev_list);
	INIT_LIST_HEAD(&dev->close_list);
	dev->carrier = 1;
	dev->operstate = IF_OPER_DOWN;
	dev->tx_queue_len = 1000;
	dev->mtu = ETH_DATA_LEN;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_DATA_LEN;
	dev->gso_max_size = GSO_MAX_SIZE;
	dev->gso_max_segs = GSO_MAX_SEGS;
	if (setup)
		setup(dev);
	return dev;
}

void free_netdev(struct net_device *dev)
{
	if (!dev)
		return;
	if (dev->priv_destructor)
		dev->priv_destructor(dev);
	free(dev);
}

/* ---- the name and ifindex hash tables of a namespace ---- */
static unsigned int dev_name_hashfn(const char *name, unsigned int size)
{
	u32 h = 2166136261u;

	for (int i = 0; i < IFNAMSIZ && name[i]; i++)
		h = (h ^ (u8)name[i]) * 16777619u;
	return h & (size - 1);
}

static unsigned int dev_index_hashfn(int ifindex, unsigned int size)
{
	return ((u32)ifindex * 2654435761u) >> 8 & (size - 1);
}

static void dev_hash_link(struct net *net, struct net_device *dev)
{
	unsigned int n = dev_name_hashfn(dev->name, net->dev_hash_size);
	unsigned int i = dev_index_hashfn(dev->ifindex, net->dev_hash_size);

	dev->name_next = net->dev_name_hash[n];
	net->dev_name_hash[n] = dev;
	dev->index_next = net->dev_index_hash[i];
	net->dev_index_hash[i] = dev;
}

/* Doubles the tables when they hold more than two devices per slot. */
static int dev_hash_grow(struct net *net)
{
	unsigned int size = net->dev_hash_size ? net->dev_hash_size * 2 : 16;
	struct net_device **nh = kcalloc(size, sizeof(*nh)), **ih = kcalloc(size, sizeof(*ih));
	struct net_device *d;

	if (!nh || !ih) {
		free(nh);
		free(ih);
		return -ENOMEM;
	}
	free(net->dev_name_hash);
	free(net->dev_index_hash);
	net->dev_name_hash = nh;
	net->dev_index_hash = ih;
	net->dev_hash_size = size;
	for_each_netdev(net, d)
		dev_hash_link(net, d);
	return 0;
}

static void dev_hash_unlink(struct net *net, struct net_device *dev)
{
	struct net_device **pp;

	pp = &net->dev_name_hash[dev_name_hashfn(dev->name, net->dev_hash_size)];
	for (; *pp; pp = &(*pp)->name_next)
		if (*pp == dev) {
			*pp = dev->name_next;
			break;
		}
	pp = &net->dev_index_hash[dev_index_hashfn(dev->ifindex, net->dev_hash_size)];
	for (; *pp; pp = &(*pp)->index_next)
		if (*pp == dev) {
			*pp = dev->index_next;
			break;
		}
}

struct net_device *__dev_get_by_name(struct net *net, const char *name)
{
	struct net_device *dev;

	if (!net->dev_hash_size)
		return NULL;
	dev = net->dev_name_hash[dev_name_hashfn(name, net->dev_hash_size)];
	for (; dev; dev = dev->name_next)
		if (!strncmp(dev->name, name, IFNAMSIZ))
			return dev;
	return NULL;
}

struct net_device *__dev_get_by_index(struct net *net, int ifindex)
{
	struct net_device *dev;

	if (!net->dev_hash_size)
		return NULL;
	dev = net->dev_index_hash[dev_index_hashfn(ifindex, net->dev_hash_size)];
	for (; dev; dev = dev->index_next)
		if (dev->ifindex == ifindex)
			return dev;
	return NULL;
}

int dev_valid_name(const char *name)
{
	size_t len = strlen(name);

	if (!len || len >= IFNAMSIZ)
		return 0;
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return 0;
	for (; *name; name++)
		if (*name == '/' || *name == ':' || *name == ' ' || *name == '\t' ||
		    *name == '\n')
			return 0;
	return 1;
}

/* "veth%d" → the first free veth0, veth1, … (a name with '%' is a pattern
 * only as one "%d", as Linux's __dev_alloc_name()) */
int dev_alloc_name(struct net *net, struct net_device *dev, const char *pattern)
{
	const char *pct = strchr(pattern, '%');
	char buf[IFNAMSIZ + 32];

	if (!dev_valid_name(pattern))
		return -EINVAL;
	if (pct && (pct[1] != 'd' || strchr(pct + 2, '%')))
		return -EINVAL;
	if (!pct) {
		if (__dev_get_by_name(net, pattern))
			return -EEXIST;
		if (pattern != dev->name)
			memmove(dev->name, pattern, strlen(pattern) + 1);
		return 0;
	}
	for (int i = 0; i < 32768; i++) {
		snprintf(buf, sizeof(buf), pattern, i);
		if (strlen(buf) >= IFNAMSIZ)
			return -EINVAL;
		if (!__dev_get_by_name(net, buf)) {
			memcpy(dev->name, buf, strlen(buf) + 1);
			return 0;
		}
	}
	return -ENFILE;
}

static int dev_new_index(struct net *net, int wanted)
{
	if (wanted > 0 && !__dev_get_by_index(net, wanted))
		return wanted;
	for (;;) {
		if (++net->ifindex <= 0)
			net->ifindex = 1;
		if (!__dev_get_by_index(net, net->ifindex))
			return net->ifindex;
	}
}

static void unlist_netdevice(struct net_device *dev);

int list_netdevice(struct net *net, struct net_device *dev)
{
	struct net_device *d;

	if (net->dev_count + 1 > 2 * net->dev_hash_size && dev_hash_grow(net))
		return -ENOMEM;
	net->dev_count++;
	dev_hash_link(net, dev);
	net->dev_base_seq++;
	/* keep the list in ifindex order, as dumps show it; new devices
	 * usually get the highest ifindex */
	if (list_empty(&net->dev_base_head) ||
	    list_last_entry(&net->dev_base_head, struct net_device, dev_list)->ifindex <
		    dev->ifindex) {
		list_add_tail(&dev->dev_list, &net->dev_base_head);
		return 0;
	}
	list_for_each_entry(d, &net->dev_base_head, dev_list) {
		if (d->ifindex > dev->ifindex) {
			__list_add(&dev->dev_list, d->dev_list.prev, &d->dev_list);
			return 0;
		}
	}
	list_add_tail(&dev->dev_list, &net->dev_base_head);
	return 0;
}

int register_netdevice(struct net *net, struct net_device *dev)
{
	char pattern[IFNAMSIZ];
	int err;

	dev->nd_net = net;
	snprintf(pattern, sizeof(pattern), "%s", dev->name[0] ? dev->name : "eth%d");
	err = dev_alloc_name(net, dev, pattern);
	if (err)
		return err;
	if (dev->netdev_ops && dev->netdev_ops->ndo_init) {
		err = dev->netdev_ops->ndo_init(dev);
		if (err)
			return err;
	}
	dev->ifindex = dev_new_index(net, dev->ifindex);
	err = list_netdevice(net, dev);
	if (err)
		return err;
	dev->registered = true;
	if (!(dev->flags & IFF_UP))
		dev->operstate = IF_OPER_DOWN;
	err = call_netdevice_notifiers(NETDEV_REGISTER, dev);
	if (err) {
		/* as Linux's rollback: the notifiers that took the device
		 * (inetdev_init() before IPv6 failed) let it go again */
		call_netdevice_notifiers(NETDEV_UNREGISTER, dev);
		unlist_netdevice(dev);
		dev->registered = false;
		if (dev->netdev_ops && dev->netdev_ops->ndo_uninit)
			dev->netdev_ops->ndo_uninit(dev);
	} else if (!dev->rtnl_link_initializing) {
		rtmsg_ifinfo(RTM_NEWLINK, dev);
	}
	return err;
}

/* Take the device out of its namespace; the caller frees it. */
static void unlist_netdevice(struct net_device *dev)
{
	dev_hash_unlink(dev->nd_net, dev);
	dev->nd_net->dev_count--;
	list_del(&dev->dev_list);
	dev->nd_net->dev_base_seq++;
}

void dev_flush_backlog(struct net_device *dev);

void unregister_netdevice(struct net_device *dev)
{
	if (!dev->registered)
		return;
	dev_close(dev);
	call_netdevice_notifiers(NETDEV_UNREGISTER, dev);
	dev_flush_backlog(dev);
	if (dev->netdev_ops && dev->netdev_ops->ndo_uninit)
		dev->netdev_ops->ndo_uninit(dev);
	unlist_netdevice(dev);
	qdisc_destroy(dev->qdisc);
	dev->qdisc = NULL;
	qdisc_destroy_ingress(dev);
	rtmsg_ifinfo(RTM_DELLINK, dev);
	dev->registered = false;
}

int dev_get_iflink(const struct net_device *dev)
{
	if (dev->netdev_ops && dev->netdev_ops->ndo_get_iflink)
		return dev->netdev_ops->ndo_get_iflink(dev);
	return dev->ifindex;
}

/* Without carrier: LOWERLAYERDOWN when the lower device (a veth's peer) is
 * in this namespace, DOWN otherwise (default_operstate in linkwatch.c). */
static u8 dev_lower_down_state(const struct net_device *dev)
{
	int iflink = dev_get_iflink(dev);
	const struct net_device *lower;

	if (iflink == dev->ifindex)
		return IF_OPER_DOWN;
	lower = __dev_get_by_index(dev_net(dev), iflink);
	if (!lower || (dev->netdev_ops->ndo_get_peer &&
		       dev->netdev_ops->ndo_get_peer(dev) != lower))
		return IF_OPER_DOWN;
	return IF_OPER_LOWERLAYERDOWN;
}

/* RFC 2863 operstate from flags and carrier, as linkwatch computes it. */
void dev_update_operstate(struct net_device *dev)
{
	if (!(dev->flags & IFF_UP))
		dev->operstate = IF_OPER_DOWN;
	else if (dev->flags & IFF_LOOPBACK || dev->priv_flags & IFF_NO_OPER_REPORT)
		dev->operstate = IF_OPER_UNKNOWN;
	else if (!netif_carrier_ok(dev))
		dev->operstate = dev_lower_down_state(dev);
	else
		dev->operstate = IF_OPER_UP;
}

unsigned int dev_get_flags(const struct net_device *dev)
{
	unsigned int flags = dev->flags & ~(IFF_RUNNING | IFF_LOWER_UP | IFF_PROMISC |
					    IFF_ALLMULTI);

	flags |= dev->gflags & (IFF_PROMISC | IFF_ALLMULTI);
	if (netif_running(dev)) {
		if (netif_oper_up(dev))
			flags |= IFF_RUNNING;
		if (netif_carrier_ok(dev))
			flags |= IFF_LOWER_UP;
	}
	return flags;
}

int dev_open(struct net_device *dev)
{
	u8 carrier = dev->carrier;
	int err = 0;

	if (dev->flags & IFF_UP)
		return 0;
	linkwatch_begin(dev_net(dev));
	if (dev->netdev_ops && dev->netdev_ops->ndo_open)
		err = dev->netdev_ops->ndo_open(dev);
	if (err) {
		linkwatch_end(dev_net(dev));
		return err;
	}
	dev->flags |= IFF_UP;
	dev_activate(dev);
	dev_update_operstate(dev);
	rtmsg_ifinfo_open(dev, carrier);
	call_netdevice_notifiers(NETDEV_UP, dev);
	linkwatch_end(dev_net(dev));
	return 0;
}

int dev_close(struct net_device *dev)
{
	if (!(dev->flags & IFF_UP))
		return 0;
	linkwatch_begin(dev_net(dev));
	call_netdevice_notifiers(NETDEV_GOING_DOWN, dev);
	if (dev->netdev_ops && dev->netdev_ops->ndo_stop)
		dev->netdev_ops->ndo_stop(dev);
	dev->flags &= ~IFF_UP;
	dev_update_operstate(dev);
	rtmsg_ifinfo(RTM_NEWLINK, dev);
	call_netdevice_notifiers(NETDEV_DOWN, dev);
	linkwatch_end(dev_net(dev));
	return 0;
}

int dev_change_flags(struct net_device *dev, unsigned int flags)
{
	unsigned int changeable = IFF_NOARP | IFF_MULTICAST | IFF_DEBUG | IFF_ALLMULTI |
				  IFF_DYNAMIC | IFF_AUTOMEDIA | IFF_NOTRAILERS;
	int err = 0;

	bool promisc_changed = (flags ^ dev->gflags) & IFF_PROMISC;

	if (promisc_changed) {
		dev->gflags ^= IFF_PROMISC;
		dev_set_promiscuity(dev, (flags & IFF_PROMISC) ? 1 : -1);
	}
	unsigned int old = dev->flags;

	dev->flags = (old & ~changeable) | (flags & changeable & ~IFF_ALLMULTI);
	if ((flags ^ old) & IFF_UP)
		err = (flags & IFF_UP) ? dev_open(dev) : dev_close(dev);
	else if (!err)
		call_netdevice_notifiers(NETDEV_CHANGE, dev);
	if (!err && !((flags ^ old) & IFF_UP) && (dev->flags != old || promisc_changed))
		rtmsg_ifinfo(RTM_NEWLINK, dev);
	return err;
}

int dev_set_promiscuity(struct net_device *dev, int inc)
{
	unsigned int old = dev->flags;

	dev->promiscuity += inc;
	if (dev->promiscuity < 0)
		dev->promiscuity = 0;
	if (dev->promiscuity)
		dev->flags |= IFF_PROMISC;
	else
		dev->flags &= ~IFF_PROMISC;
	if (old != dev->flags && dev->netdev_ops && dev->netdev_ops->ndo_change_rx_flags)
		dev->netdev_ops->ndo_change_rx_flags(dev, IFF_PROMISC);
	return 0;
}

int dev_set_allmulti(struct net_device *dev, int inc)
{
	dev->allmulti += inc;
	if (dev->allmulti < 0)
		dev->allmulti = 0;
	if (dev->allmulti)
		dev->flags |= IFF_ALLMULTI;
	else
		dev->flags &= ~IFF_ALLMULTI;
	return 0;
}

int dev_set_mtu(struct net_device *dev, int mtu)
{
	unsigned int orig_mtu = dev->mtu;
	int err = 0;

	/* max_mtu 0: no upper limit (loopback) */
	if (mtu < (int)dev->min_mtu || (dev->max_mtu && mtu > (int)dev->max_mtu))
		return -EINVAL;
	if ((unsigned int)mtu == dev->mtu)
		return 0;
	if (dev->netdev_ops && dev->netdev_ops->ndo_change_mtu)
		err = dev->netdev_ops->ndo_change_mtu(dev, mtu);
	else
		dev->mtu = (unsigned int)mtu;
	if (!err) {
		dev->mtu_orig = orig_mtu;
		call_netdevice_notifiers(NETDEV_CHANGEMTU, dev);
	}
	return err;
}

int dev_set_mac_address(struct net_device *dev, const u8 *addr)
{
	if (addr[0] & 1)
		return -EADDRNOTAVAIL;	/* multicast bit: not a unicast MAC */
	if (dev->netdev_ops && dev->netdev_ops->ndo_set_mac_address) {
		int err = dev->netdev_ops->ndo_set_mac_address(dev, addr);

		if (err)
			return err;
	} else {
		memcpy(dev->dev_addr, addr, dev->addr_len);
	}
	dev->addr_assign_type = 3; /* NET_ADDR_SET */
	call_netdevice_notifiers(NETDEV_CHANGEADDR, dev);
	return 0;
}

int dev_change_name(struct net_device *dev, const char *newname)
{
	if (!strncmp(dev->name, newname, IFNAMSIZ))
		return 0;
	if (!dev_valid_name(newname))
		return -EINVAL;
	if (dev->flags & IFF_UP && !(dev->priv_flags & IFF_LIVE_ADDR_CHANGE))
		return -EBUSY;
	if (__dev_get_by_name(dev_net(dev), newname))
		return -EEXIST;
	dev_hash_unlink(dev_net(dev), dev);
	snprintf(dev->name, IFNAMSIZ, "%s", newname);
	dev_hash_link(dev_net(dev), dev);
	call_netdevice_notifiers(NETDEV_CHANGENAME, dev);
	return 0;
}

/* `ip link set DEV netns NS`: the device leaves with its ifindex if free
 * there, loses its addresses and routes, and arrives down. */
int dev_change_net_namespace(struct net_device *dev, struct net *net, const char *pat)
{
	struct net *old = dev_net(dev);

	if (net_eq(old, net))
		return 0;
	if (dev->flags & IFF_LOOPBACK)
		return -EINVAL;
	if (__dev_get_by_name(net, dev->name)) {
		int err;

		if (!pat)
			return -EEXIST;
		dev_hash_unlink(old, dev);	/* the name may change */
		err = dev_alloc_name(net, dev, pat);
		dev_hash_link(old, dev);
		if (err)
			return -EEXIST;
	}
	dev_close(dev);
	call_netdevice_notifiers(NETDEV_UNREGISTER, dev);
	rtmsg_ifinfo(RTM_DELLINK, dev);
	dev_flush_backlog(dev);
	unlist_netdevice(dev);
	qdisc_destroy(dev->qdisc);	/* dev_shutdown(): back to noop */
	dev->qdisc = NULL;
	qdisc_destroy_ingress(dev);
	dev->nd_net = net;
	dev->ifindex = dev_new_index(net, dev->ifindex);
	if (list_netdevice(net, dev))
		return -ENOMEM;
	call_netdevice_notifiers(NETDEV_REGISTER, dev);
	dev_update_operstate(dev);
	rtmsg_ifinfo(RTM_NEWLINK, dev);
	if (dev->netdev_ops && dev->netdev_ops->ndo_get_peer) {
		struct net_device *peer = dev->netdev_ops->ndo_get_peer(dev);

		if (peer)
			dev_update_operstate(peer);
	}
	return 0;
}

void netif_carrier_on(struct net_device *dev)
{
	if (dev->carrier)
		return;
	dev->carrier = 1;
	dev_update_operstate(dev);
	if (dev->registered)
		call_netdevice_notifiers(NETDEV_CHANGE, dev);
	linkwatch_fire_event(dev);
}

void netif_carrier_off(struct net_device *dev)
{
	if (!dev->carrier)
		return;
	dev->carrier = 0;
	dev_update_operstate(dev);
	if (dev->registered)
		call_netdevice_notifiers(NETDEV_CHANGE, dev);
	linkwatch_fire_event(dev);
}

int netdev_rx_handler_register(struct net_device *dev, rx_handler_func_t *h, void *data)
{
	if (dev->rx_handler)
		return -EBUSY;
	dev->rx_handler = h;
	dev->rx_handler_data = data;
	return 0;
}

void netdev_rx_handler_unregister(struct net_device *dev)
{
	dev->rx_handler = NULL;
	dev->rx_handler_data = NULL;
}

int netdev_master_upper_dev_link(struct net_device *dev, struct net_device *upper)
{
	if (dev->master)
		return -EBUSY;
	dev->master = upper;
	call_netdevice_notifiers(NETDEV_CHANGEUPPER, dev);
	return 0;
}

void netdev_upper_dev_unlink(struct net_device *dev, struct net_device *upper)
{
	if (dev->master != upper)
		return;
	dev->master = NULL;
	call_netdevice_notifiers(NETDEV_CHANGEUPPER, dev);
}

int dev_mc_add(struct net_device *dev, const u8 *addr)
{
	for (int i = 0; i < dev->mc_count; i++)
		if (!memcmp(dev->mc_list[i], addr, ETH_ALEN))
			return 0;
	if (dev->mc_count >= (int)(sizeof(dev->mc_list) / sizeof(dev->mc_list[0])))
		return -ENOSPC;
	memcpy(dev->mc_list[dev->mc_count++], addr, ETH_ALEN);
	return 0;
}

int dev_mc_del(struct net_device *dev, const u8 *addr)
{
	for (int i = 0; i < dev->mc_count; i++) {
		if (memcmp(dev->mc_list[i], addr, ETH_ALEN))
			continue;
		memmove(dev->mc_list[i], dev->mc_list[i + 1],
			(size_t)(dev->mc_count - i - 1) * ETH_ALEN);
		dev->mc_count--;
		return 0;
	}
	return -ENOENT;
}

int dev_mc_add_excl(struct net_device *dev, const u8 *addr)
{
	for (int i = 0; i < dev->mc_count; i++)
		if (!memcmp(dev->mc_list[i], addr, ETH_ALEN))
			return -EEXIST;
	return dev_mc_add(dev, addr);
}

/* The unicast list (`bridge fdb add ADDR dev DEV self` on a device without
 * an FDB of its own: ndo_dflt_fdb_add()). */
int dev_uc_add_excl(struct net_device *dev, const u8 *addr)
{
	for (int i = 0; i < dev->uc_count; i++)
		if (!memcmp(dev->uc_list[i], addr, ETH_ALEN))
			return -EEXIST;
	if (dev->uc_count >= (int)(sizeof(dev->uc_list) / sizeof(dev->uc_list[0])))
		return -ENOSPC;
	memcpy(dev->uc_list[dev->uc_count++], addr, ETH_ALEN);
	return 0;
}

int dev_uc_del(struct net_device *dev, const u8 *addr)
{
	for (int i = 0; i < dev->uc_count; i++) {
		if (memcmp(dev->uc_list[i], addr, ETH_ALEN))
			continue;
		memmove(dev->uc_list[i], dev->uc_list[i + 1],
			(size_t)(dev->uc_count - i - 1) * ETH_ALEN);
		dev->uc_count--;
		return 0;
	}
	return -ENOENT;
}

void dev_get_stats(struct net_device *dev, struct rtnl_link_stats64 *s)
{
	if (dev->netdev_ops && dev->netdev_ops->ndo_get_stats64) {
		memset(s, 0, sizeof(*s));
		dev->netdev_ops->ndo_get_stats64(dev, s);
	} else {
		*s = dev->stats;
	}
	s->rx_dropped += dev->rx_dropped_core;
	s->tx_dropped += dev->tx_dropped_core;
	s->rx_nohandler += dev->rx_nohandler_core;
}
