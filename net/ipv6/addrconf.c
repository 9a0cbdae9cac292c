/* IPv6 address configuration (net/ipv6/addrconf.c): struct inet6_dev per
 * device (ipv6_add_dev on NETDEV_REGISTER), the addresses `ip -6 addr`
 * adds and deletes (inet6_rtm_newaddr → ipv6_add_addr, kept sorted by
 * scope as ipv6_link_dev_addr does), the automatic ones — ::1/128 when lo
 * comes up, fe80::EUI-64/64 when a device is up with carrier
 * (addrconf_dev_config, addr_gen_mode 0) — with their routes (prefix route
 * in main, local route and ff00::/8 in local), addrconf_ifdown when a
 * device goes down, and source address selection (ipv6_dev_get_saddr,
 * RFC 6724 rules 1, 2 and 8 as Linux scores them).
 *
 * Duplicate address detection is not modelled: addresses are usable at
 * once, as on Linux with accept_dad=0 or nodad (docs/IPV6.md). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/netdevice.h"
#include "linux/slab.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/world.h"
#include "uapi/rtnetlink.h"

#define INFINITY_LIFE_TIME 0xFFFFFFFFU

static const int devconf_defaults[DEVCONF_MAX] = {
#define FN(id, name, dflt) [DEVCONF_##id] = dflt,
	IPV6_DEVCONF_LIST(FN)
#undef FN
};

int ipv6_addr_type(const struct in6_addr *a)
{
	if (ipv6_addr_is_multicast(a))
		return IPV6_ADDR_MULTICAST;
	if (ipv6_addr_linklocal(a))
		return IPV6_ADDR_LINKLOCAL | IPV6_ADDR_UNICAST;
	if (a->s6_addr[0] == 0xfe && (a->s6_addr[1] & 0xc0) == 0xc0)
		return IPV6_ADDR_SITELOCAL | IPV6_ADDR_UNICAST;
	if (ipv6_addr_any(a))
		return IPV6_ADDR_ANY;
	if (ipv6_addr_loopback(a))
		return IPV6_ADDR_LOOPBACK | IPV6_ADDR_UNICAST;
	return IPV6_ADDR_UNICAST;
}

int ipv6_addr_src_scope(const struct in6_addr *a)
{
	int type = ipv6_addr_type(a);

	if (type & IPV6_ADDR_MULTICAST)
		return a->s6_addr[1] & 0x0f;
	if (type & IPV6_ADDR_LOOPBACK)
		return IPV6_ADDR_SCOPE_NODELOCAL;
	if (type & IPV6_ADDR_LINKLOCAL)
		return IPV6_ADDR_SCOPE_LINKLOCAL;
	if (type & IPV6_ADDR_SITELOCAL)
		return IPV6_ADDR_SCOPE_SITELOCAL;
	return IPV6_ADDR_SCOPE_GLOBAL;
}

/* The scope `ip addr` prints (ifa_scope: RT_SCOPE_*), from the address. */
static int ipv6_addr_rt_scope(const struct in6_addr *a)
{
	int type = ipv6_addr_type(a);

	if (type & IPV6_ADDR_LOOPBACK)
		return RT_SCOPE_HOST;
	if (type & IPV6_ADDR_LINKLOCAL)
		return RT_SCOPE_LINK;
	if (type & IPV6_ADDR_SITELOCAL)
		return RT_SCOPE_SITE;
	return RT_SCOPE_UNIVERSE;
}

static void addrconf_ifup(struct inet6_dev *idev);

/* NETDEV_CHANGE reaches addrconf through linkwatch, after the event that
 * caused it (a veth peer's NETDEV_UP): configure from a timer due now. */
static void addrconf_linkwatch(struct timer_list *t)
{
	struct inet6_dev *idev = from_timer(idev, t, linkwatch);

	addrconf_ifup(idev);
}

static struct inet6_dev *ipv6_add_dev(struct net_device *dev)
{
	struct inet6_dev *idev = kzalloc(sizeof(*idev));

	if (!idev)
		return NULL;
	timer_setup(&dev_net(dev)->world->timers, &idev->linkwatch, addrconf_linkwatch);
	idev->dev = dev;
	INIT_LIST_HEAD(&idev->addr_list);
	idev->cnf = dev_net(dev)->ipv6.devconf_dflt;
	idev->cnf.data[DEVCONF_MTU] = (int)dev->mtu;
	if (dev->flags & IFF_LOOPBACK)
		idev->cnf.data[DEVCONF_USE_TEMPADDR] = -1;
	dev->ip6_ptr = idev;
	return idev;
}

/* ---- addresses ---- */
static struct inet6_ifaddr *ipv6_find_ifa(struct inet6_dev *idev, const struct in6_addr *a)
{
	struct inet6_ifaddr *ifa;

	in6_dev_for_each_ifa(ifa, idev)
		if (ipv6_addr_equal(&ifa->addr, a))
			return ifa;
	return NULL;
}

struct inet6_ifaddr *ipv6_get_ifaddr(struct net *net, const struct in6_addr *addr,
				     struct net_device *dev)
{
	struct net_device *d;

	for_each_netdev(net, d) {
		struct inet6_dev *idev = __in6_dev_get(d);
		struct inet6_ifaddr *ifa;

		if ((dev && d != dev) || !idev)
			continue;
		if ((ifa = ipv6_find_ifa(idev, addr)))
			return ifa;
	}
	return NULL;
}

bool ipv6_chk_addr(struct net *net, const struct in6_addr *addr, const struct net_device *dev)
{
	return ipv6_get_ifaddr(net, addr, (struct net_device *)dev) != NULL;
}

/* ipv6_link_dev_addr(): before the first address of the same or a smaller
 * source scope, so globals come first, newest first. */
static void ipv6_link_dev_addr(struct inet6_dev *idev, struct inet6_ifaddr *ifp)
{
	int scope = ipv6_addr_src_scope(&ifp->addr);
	struct list_head *p;

	for (p = idev->addr_list.next; p != &idev->addr_list; p = p->next) {
		struct inet6_ifaddr *ifa = list_entry(p, struct inet6_ifaddr, if_list);

		if (scope >= ipv6_addr_src_scope(&ifa->addr))
			break;
	}
	list_add_tail(&ifp->if_list, p);
}

static void addrconf_addr_routes(struct net *net, struct inet6_ifaddr *ifp, bool add)
{
	struct net_device *dev = ifp->idev->dev;
	struct in6_addr pfx;

	u32 metric = ifp->rt_priority ? ifp->rt_priority : IP6_RT_PRIO_ADDRCONF;

	addrconf_local_route(net, &ifp->addr, dev, add);
	/* ::1 gets none; fe80::/64 comes with the device (addrconf_dev_config) */
	if ((ifp->flags & IFA_F_NOPREFIXROUTE) || ifp->ifa_proto == IFAPROT_KERNEL_LO ||
	    ifp->ifa_proto == IFAPROT_KERNEL_LL)
		return;
	/* the prefix route (a host route for /128), and the peer's */
	ipv6_addr_prefix(&pfx, &ifp->addr, (int)ifp->prefix_len);
	addrconf_prefix_route(net, &pfx, (int)ifp->prefix_len, metric, dev, add);
	if (ifp->has_peer) {
		ipv6_addr_prefix(&pfx, &ifp->peer_addr, (int)ifp->prefix_len);
		addrconf_prefix_route(net, &pfx, (int)ifp->prefix_len, metric, dev, add);
	}
}

static struct inet6_ifaddr *ipv6_add_addr(struct inet6_dev *idev, const struct in6_addr *addr,
					  const struct in6_addr *peer, u32 plen, u32 flags,
					  u32 metric, u8 proto)
{
	struct inet6_ifaddr *ifp = kzalloc(sizeof(*ifp));

	if (!ifp)
		return NULL;
	ifp->addr = *addr;
	if (peer) {
		ifp->peer_addr = *peer;
		ifp->has_peer = true;
	}
	ifp->prefix_len = plen;
	ifp->flags = flags;
	ifp->rt_priority = metric;
	ifp->valid_lft = ifp->prefered_lft = INFINITY_LIFE_TIME;
	ifp->scope = ipv6_addr_rt_scope(addr);
	ifp->ifa_proto = proto;
	ifp->idev = idev;
	ipv6_link_dev_addr(idev, ifp);
	addrconf_addr_routes(dev_net(idev->dev), ifp, true);
	return ifp;
}

static void ipv6_del_addr(struct inet6_ifaddr *ifp)
{
	list_del(&ifp->if_list);
	addrconf_addr_routes(dev_net(ifp->idev->dev), ifp, false);
	kfree(ifp);
}

int inet6_rtm_newaddr(struct net *net, const struct ifa6_req *req,
		      struct netlink_ext_ack *extack)
{
	struct net_device *dev = __dev_get_by_index(net, req->ifindex);
	struct inet6_dev *idev = dev ? __in6_dev_get(dev) : NULL;

	if (!dev)
		return -ENODEV;
	if (!idev || idev->cnf.data[DEVCONF_DISABLE_IPV6]) {
		NL_SET_ERR_MSG(extack, "IPv6 is disabled on this device");
		return -EACCES;
	}
	if (req->prefixlen > 128)
		return -EINVAL;
	if (ipv6_addr_is_multicast(&req->local) || ipv6_addr_any(&req->local))
		return -EINVAL;
	if (ipv6_find_ifa(idev, &req->local)) {
		NL_SET_ERR_MSG(extack, "ipv6: address already assigned");
		return -EEXIST;
	}
	/* addrconf_add_dev(): ff00::/8 with the first address */
	if (!(dev->flags & IFF_LOOPBACK))
		addrconf_add_mroute(net, dev, true);
	if (!ipv6_add_addr(idev, &req->local, req->has_peer ? &req->peer : NULL, req->prefixlen,
			   (req->flags & (IFA_F_NODAD | IFA_F_NOPREFIXROUTE)) | IFA_F_PERMANENT,
			   req->metric, IFAPROT_UNSPEC))
		return -ENOBUFS;
	return 0;
}

/* nf_nat_masquerade.c: the inet6addr notifier's NAT listener (masq_inet6_event) */
void nf_nat_masq_inet6_event(struct net_device *dev, const struct in6_addr *addr);

int inet6_rtm_deladdr(struct net *net, const struct ifa6_req *req,
		      struct netlink_ext_ack *extack)
{
	struct net_device *dev = __dev_get_by_index(net, req->ifindex);
	struct inet6_dev *idev = dev ? __in6_dev_get(dev) : NULL;
	struct inet6_ifaddr *ifp;

	(void)extack;
	if (!idev)
		return -ENODEV;
	ifp = ipv6_find_ifa(idev, &req->local);
	if (!ifp || ifp->prefix_len != req->prefixlen)
		return -EADDRNOTAVAIL;
	nf_nat_masq_inet6_event(dev, &ifp->addr);
	ipv6_del_addr(ifp);
	return 0;
}

/* ---- automatic configuration ---- */

/* addrconf_ifid_eui48(): the MAC with the U/L bit flipped and ff:fe inside */
static void addrconf_ifid_eui48(u8 *eui, const struct net_device *dev)
{
	eui[0] = dev->dev_addr[0] ^ 2;
	eui[1] = dev->dev_addr[1];
	eui[2] = dev->dev_addr[2];
	eui[3] = 0xff;
	eui[4] = 0xfe;
	eui[5] = dev->dev_addr[3];
	eui[6] = dev->dev_addr[4];
	eui[7] = dev->dev_addr[5];
}

/* addrconf_addr_gen(): modes 0 (eui64) and, not modelled, 2/3 (stable
 * privacy: Linux hashes a secret; skbox falls back to eui64); 1 makes none. */
static void addrconf_add_linklocal(struct inet6_dev *idev)
{
	struct net_device *dev = idev->dev;
	struct in6_addr addr;

	if (idev->cnf.data[DEVCONF_ADDR_GEN_MODE] == 1 || dev->type != ARPHRD_ETHER ||
	    dev->addr_len != ETH_ALEN)
		return;
	memset(&addr, 0, sizeof(addr));
	addr.s6_addr[0] = 0xfe;
	addr.s6_addr[1] = 0x80;
	addrconf_ifid_eui48(addr.s6_addr + 8, dev);
	if (ipv6_find_ifa(idev, &addr))
		return;
	ipv6_add_addr(idev, &addr, NULL, 64, IFA_F_PERMANENT, 0, IFAPROT_KERNEL_LL);
}

static void addrconf_dev_config(struct inet6_dev *idev)
{
	struct net_device *dev = idev->dev;
	struct net *net = dev_net(dev);
	static const struct in6_addr ll = { { { 0xfe, 0x80 } } };

	idev->if_ready = true;
	if (dev->flags & IFF_LOOPBACK) {
		struct in6_addr lo = { { { 0 } } };

		lo.s6_addr[15] = 1;
		if (!ipv6_find_ifa(idev, &lo))
			ipv6_add_addr(idev, &lo, NULL, 128, IFA_F_PERMANENT, 0, IFAPROT_KERNEL_LO);
		return;
	}
	addrconf_add_linklocal(idev);
	addrconf_prefix_route(net, &ll, 64, IP6_RT_PRIO_ADDRCONF, dev, true);
	addrconf_add_mroute(net, dev, true);
}

static bool addrconf_link_ready(const struct net_device *dev)
{
	return (dev->flags & IFF_UP) && (netif_oper_up(dev) || netif_carrier_ok(dev));
}

/* addrconf_ifdown(): addresses go (unless keep_addr_on_down), and the
 * routes through the device with them. */
static void addrconf_ifdown(struct inet6_dev *idev, bool unregister)
{
	struct net_device *dev = idev->dev;
	struct net *net = dev_net(dev);
	struct inet6_ifaddr *ifa, *tmp;
	bool keep = !unregister && (idev->cnf.data[DEVCONF_KEEP_ADDR_ON_DOWN] > 0 ||
				    net->ipv6.devconf_all.data[DEVCONF_KEEP_ADDR_ON_DOWN] > 0);

	list_for_each_entry_safe(ifa, tmp, &idev->addr_list, if_list) {
		if (keep && ifa->ifa_proto == IFAPROT_UNSPEC)
			continue;
		ipv6_del_addr(ifa);
	}
	fib6_flush_dev(net, dev, false);
	neigh_ifdown(&net->ipv6.nd_tbl, dev);
	del_timer(&idev->linkwatch);
	idev->if_ready = false;
}

static void addrconf_ifup(struct inet6_dev *idev)
{
	if (idev->cnf.data[DEVCONF_DISABLE_IPV6] || idev->if_ready)
		return;
	if (addrconf_link_ready(idev->dev))
		addrconf_dev_config(idev);
}

int addrconf_notify(struct net_device *dev, unsigned long event)
{
	struct inet6_dev *idev = __in6_dev_get(dev);

	switch (event) {
	case NETDEV_REGISTER:
		if (!idev && !ipv6_add_dev(dev))
			return -ENOMEM;
		break;
	case NETDEV_UP:
		if (idev)
			addrconf_ifup(idev);
		break;
	case NETDEV_CHANGE:
		if (idev && !idev->if_ready && addrconf_link_ready(dev))
			mod_timer(&idev->linkwatch, dev_net(dev)->world->now);
		break;
	case NETDEV_DOWN:
		if (idev)
			addrconf_ifdown(idev, false);
		break;
	case NETDEV_UNREGISTER:
		if (idev) {
			del_timer(&idev->linkwatch);
			addrconf_ifdown(idev, true);
			dev->ip6_ptr = NULL;
			kfree(idev);
		}
		break;
	case NETDEV_CHANGEMTU:
		if (idev && dev->mtu >= IPV6_MIN_MTU)
			idev->cnf.data[DEVCONF_MTU] = (int)dev->mtu;
		break;
	default:
		break;
	}
	return 0;
}

/* ---- source address selection (ipv6_dev_get_saddr) ---- */
struct saddr_score {
	const struct inet6_ifaddr *ifa;
	int scope_ok, prefix, same_dev;
};

static void saddr_eval(struct saddr_score *s, const struct inet6_ifaddr *ifa,
		       const struct in6_addr *daddr, int dscope, const struct net_device *dev)
{
	int scope = ipv6_addr_src_scope(&ifa->addr);
	int plen = ipv6_addr_diff(&ifa->addr, daddr);

	s->ifa = ifa;
	/* rule 2: the smallest scope that is at least the destination's */
	s->scope_ok = scope >= dscope ? 256 - scope : -256 + scope;
	s->prefix = plen > (int)ifa->prefix_len ? (int)ifa->prefix_len : plen;
	s->same_dev = ifa->idev->dev == dev;
}

static bool saddr_better(const struct saddr_score *a, const struct saddr_score *b)
{
	if (!b->ifa)
		return true;
	if (a->scope_ok != b->scope_ok)
		return a->scope_ok > b->scope_ok;
	if (a->same_dev != b->same_dev)
		return a->same_dev > b->same_dev;
	return a->prefix > b->prefix;
}

int ipv6_dev_get_saddr(struct net *net, const struct net_device *dst_dev,
		       const struct in6_addr *daddr, struct in6_addr *saddr)
{
	int dscope = ipv6_addr_src_scope(daddr);
	struct saddr_score best = { NULL, 0, 0, 0 }, cur;
	struct net_device *dev;

	for_each_netdev(net, dev) {
		struct inet6_dev *idev = __in6_dev_get(dev);
		struct inet6_ifaddr *ifa;

		/* link-local destinations: only the outgoing device's addresses */
		if (!idev || (dscope <= IPV6_ADDR_SCOPE_LINKLOCAL && dst_dev && dev != dst_dev))
			continue;
		in6_dev_for_each_ifa(ifa, idev) {
			if (ipv6_addr_equal(&ifa->addr, daddr)) {	/* rule 1 */
				*saddr = ifa->addr;
				return 0;
			}
			saddr_eval(&cur, ifa, daddr, dscope, dst_dev);
			if (saddr_better(&cur, &best))
				best = cur;
		}
	}
	if (!best.ifa)
		return -EADDRNOTAVAIL;
	*saddr = best.ifa->addr;
	return 0;
}

int ipv6_get_lladdr(const struct net_device *dev, struct in6_addr *addr)
{
	struct inet6_dev *idev = __in6_dev_get(dev);
	struct inet6_ifaddr *ifa;

	if (!idev)
		return -EADDRNOTAVAIL;
	in6_dev_for_each_ifa(ifa, idev)
		if (ipv6_addr_linklocal(&ifa->addr)) {
			*addr = ifa->addr;
			return 0;
		}
	return -EADDRNOTAVAIL;
}

/* ---- the namespace ---- */
int ndisc_net_init(struct net *net);
void ndisc_net_exit(struct net *net);

static int addrconf_net_init(struct net *net)
{
	struct netns_ipv6 *n6 = &net->ipv6;

	memcpy(n6->devconf_all.data, devconf_defaults, sizeof(devconf_defaults));
	memcpy(n6->devconf_dflt.data, devconf_defaults, sizeof(devconf_defaults));
	n6->sysctl_route_max_size = 2147483647;
	n6->sysctl_route_gc_thresh = 1024;
	n6->sysctl_route_gc_timeout = 60;
	n6->sysctl_route_gc_interval = 30;
	n6->sysctl_route_gc_elasticity = 9;
	n6->sysctl_route_gc_min_interval = 0;
	n6->sysctl_route_mtu_expires = 600;
	n6->sysctl_route_min_adv_mss = 1220;
	n6->sysctl_icmp_ratelimit = 1000;
	INIT_LIST_HEAD(&n6->raw6_sockets);
	if (fib6_tables_init(net))
		return -ENOMEM;
	if (ndisc_net_init(net)) {
		fib6_tables_exit(net);
		return -ENOMEM;
	}
	n6->ipv6_packet_type.type = htons(ETH_P_IPV6);
	n6->ipv6_packet_type.func = ipv6_rcv;
	dev_add_pack(net, &n6->ipv6_packet_type);
	return 0;
}

static void addrconf_net_exit(struct net *net)
{
	dev_remove_pack(net, &net->ipv6.ipv6_packet_type);
	ndisc_net_exit(net);
	fib6_tables_exit(net);
}

const struct pernet_operations addrconf_ops = {
	.name = "addrconf",
	.init = addrconf_net_init,
	.exit = addrconf_net_exit,
};

/* net.ipv6.conf.DEV.disable_ipv6: 1 takes the addresses away, 0 brings
 * the automatic ones back when the device is up (addrconf_disable_ipv6) */
int addrconf_disable_ipv6(struct net_device *dev, int val)
{
	struct inet6_dev *idev = __in6_dev_get(dev);

	if (!idev)
		return 0;
	idev->cnf.data[DEVCONF_DISABLE_IPV6] = val;
	if (val)
		addrconf_ifdown(idev, false);
	else
		addrconf_ifup(idev);
	return 0;
}

/* Writing all.forwarding sets every device's and default's too
 * (addrconf_fixup_forwarding); a device's own only itself. */
int addrconf_fixup_forwarding(struct net *net, struct ipv6_devconf *cnf, int val)
{
	struct net_device *dev;

	cnf->data[DEVCONF_FORWARDING] = val;
	if (cnf != &net->ipv6.devconf_all)
		return 0;
	net->ipv6.devconf_dflt.data[DEVCONF_FORWARDING] = val;
	for_each_netdev(net, dev)
		if (__in6_dev_get(dev))
			__in6_dev_get(dev)->cnf.data[DEVCONF_FORWARDING] = val;
	return 0;
}
