/* net/ipv4/devinet.c — IPv4 addresses and per-device configuration.
 *
 * Corresponds to Linux net/ipv4/devinet.c.  Control path: `ip addr add/del`
 * → inet_rtm_newaddr()/inet_rtm_deladdr() → inet_insert_ifa()/inet_del_ifa()
 * → fib_inetaddr_event() (local/broadcast/prefix routes); sysctl writes to
 * net.ipv4.conf.* → devinet_sysctl_write().  Packet path: route.c and arp.c
 * read the devconf (rp_filter, accept_local, arp_ignore…) through the
 * IN_DEV_* macros and choose source addresses with inet_select_addr().
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linux/slab.h"
#include "linux/hash.h"
#include "linux/igmp.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "net/ip_fib.h"
#include "net/route.h"
#include "net/rtnetlink.h"
#include "net/net_namespace.h"
#include "net/rtnl_notify.h"

/* MASQUERADE forgets the connections that used an address (nf_nat_masquerade.c) */
void nf_nat_masq_inet_event(struct in_ifaddr *ifa, unsigned long event);

#define INFINITY_LIFE_TIME 0xFFFFFFFFU

struct net *in_dev_net(const struct in_device *in_dev)
{
	return dev_net(in_dev->dev);
}

int in_dev_conf_all(const struct in_device *in_dev, int attr)
{
	return in_dev_net(in_dev)->ipv4.devconf_all.data[attr];
}

/* The kernel's ipv4_devconf / ipv4_devconf_dflt initialisers. */
static void devinet_conf_defaults(struct ipv4_devconf *c, bool dflt)
{
	memset(c, 0, sizeof(*c));
	c->data[IPV4_DEVCONF_ACCEPT_REDIRECTS] = 1;
	c->data[IPV4_DEVCONF_SEND_REDIRECTS] = 1;
	c->data[IPV4_DEVCONF_SECURE_REDIRECTS] = 1;
	c->data[IPV4_DEVCONF_SHARED_MEDIA] = 1;
	c->data[IPV4_DEVCONF_IGMPV2_UNSOLICITED_REPORT_INTERVAL] = 10000;
	c->data[IPV4_DEVCONF_IGMPV3_UNSOLICITED_REPORT_INTERVAL] = 1000;
	c->data[IPV4_DEVCONF_ARP_EVICT_NOCARRIER] = 1;
	c->data[IPV4_DEVCONF_ACCEPT_SOURCE_ROUTE] = dflt ? 1 : 0;
}

void devinet_init_net_conf(struct net *net)
{
	devinet_conf_defaults(&net->ipv4.devconf_all, false);
	devinet_conf_defaults(&net->ipv4.devconf_dflt, true);
}

/* ---- inet_addr_lst: the namespace's local addresses by value ----
 * As Linux's per-namespace inet_addr_lst: fib_validate_source() asks, for
 * every packet delivered locally, whether its source is one of our own
 * addresses (a martian), and __ip_dev_find() which device has an address.
 * Walking every device's address list for that touched a line per device
 * and per address; a hash touches one bucket, empty for a remote source.
 * The table starts at one cache line and doubles while it holds more
 * addresses than buckets (Linux's is an rhashtable that grows too). */
#define IN4_ADDR_HSIZE_MIN 8

static unsigned int inet_addr_hash(const struct net *net, __be32 addr)
{
	return hash_mix32((u32)addr) & (net->ipv4.inet_addr_hsize - 1);
}

static void inet_addr_lst_grow(struct net *net)
{
	unsigned int n = net->ipv4.inet_addr_hsize * 2, i;
	struct in_ifaddr **nb = kcalloc(n, sizeof(*nb));

	if (!nb)
		return;		/* the chains just stay longer */
	for (i = 0; i < net->ipv4.inet_addr_hsize; i++) {
		struct in_ifaddr *ifa = net->ipv4.inet_addr_lst[i], *next;

		for (; ifa; ifa = next) {
			unsigned int h = hash_mix32((u32)ifa->ifa_local) & (n - 1);

			next = ifa->addr_lst;
			ifa->addr_lst = nb[h];
			nb[h] = ifa;
		}
	}
	kfree(net->ipv4.inet_addr_lst);
	net->ipv4.inet_addr_lst = nb;
	net->ipv4.inet_addr_hsize = n;
}

/* The newest address of a value comes first, as hlist_add_head_rcu() */
static void inet_hash_insert(struct net *net, struct in_ifaddr *ifa)
{
	unsigned int h;

	if (net->ipv4.inet_addr_count >= net->ipv4.inet_addr_hsize)
		inet_addr_lst_grow(net);
	h = inet_addr_hash(net, ifa->ifa_local);
	ifa->addr_lst = net->ipv4.inet_addr_lst[h];
	net->ipv4.inet_addr_lst[h] = ifa;
	net->ipv4.inet_addr_count++;
}

static void inet_hash_remove(struct net *net, struct in_ifaddr *ifa)
{
	struct in_ifaddr **pp = &net->ipv4.inet_addr_lst[inet_addr_hash(net, ifa->ifa_local)];

	for (; *pp; pp = &(*pp)->addr_lst) {
		if (*pp == ifa) {
			*pp = ifa->addr_lst;
			ifa->addr_lst = NULL;
			net->ipv4.inet_addr_count--;
			return;
		}
	}
}

struct in_ifaddr *inet_lookup_ifaddr_rcu(struct net *net, __be32 addr)
{
	struct in_ifaddr *ifa = net->ipv4.inet_addr_lst[inet_addr_hash(net, addr)];

	for (; ifa; ifa = ifa->addr_lst)
		if (ifa->ifa_local == addr)
			return ifa;
	return NULL;
}

static int devinet_init_net(struct net *net)
{
	devinet_init_net_conf(net);
	net->ipv4.inet_addr_lst = kcalloc(IN4_ADDR_HSIZE_MIN, sizeof(*net->ipv4.inet_addr_lst));
	if (!net->ipv4.inet_addr_lst)
		return -ENOMEM;
	net->ipv4.inet_addr_hsize = IN4_ADDR_HSIZE_MIN;
	return 0;
}

/* after the devices, so every address has left the table */
static void devinet_exit_net(struct net *net)
{
	kfree(net->ipv4.inet_addr_lst);
	net->ipv4.inet_addr_lst = NULL;
}

const struct pernet_operations devinet_ops = {
	.name = "devinet",
	.init = devinet_init_net,
	.exit = devinet_exit_net,
};

struct in_device *inetdev_init(struct net_device *dev)
{
	struct in_device *in_dev = kzalloc(sizeof(*in_dev));

	if (!in_dev)
		return NULL;
	in_dev->cnf = dev_net(dev)->ipv4.devconf_dflt;

	in_dev->dev = dev;
	in_dev->refcnt = 1;
	INIT_LIST_HEAD(&in_dev->ifa_list);
	if (dev->flags & IFF_LOOPBACK) {
		in_dev->cnf.data[IPV4_DEVCONF_NOXFRM] = 1;
		in_dev->cnf.data[IPV4_DEVCONF_NOPOLICY] = 1;
	}
	dev->ip_ptr = in_dev;
	fib_rules_event(dev, NETDEV_REGISTER);
	inet_netconf_notify_devconf(dev_net(dev), RTM_NEWNETCONF, NETCONF_ALL, dev->ifindex,
				    &in_dev->cnf);
	return in_dev;
}

struct in_ifaddr *inet_alloc_ifa(void)
{
	struct in_ifaddr *ifa = kzalloc(sizeof(*ifa));

	if (ifa) {
		INIT_LIST_HEAD(&ifa->ifa_list);
		ifa->ifa_valid_lft = INFINITY_LIFE_TIME;
		ifa->ifa_preferred_lft = INFINITY_LIFE_TIME;
	}
	return ifa;
}

struct in_ifaddr *inet_ifa_byprefix(struct in_device *in_dev, __be32 prefix, __be32 mask)
{
	struct in_ifaddr *ifa;

	in_dev_for_each_ifa(ifa, in_dev)
		if (ifa->ifa_mask == mask && inet_ifa_match(prefix, ifa))
			return ifa;
	return NULL;
}

int inet_addr_onlink(struct in_device *in_dev, __be32 a, __be32 b)
{
	struct in_ifaddr *ifa;

	in_dev_for_each_ifa(ifa, in_dev) {
		if (inet_ifa_match(a, ifa) && (!b || inet_ifa_match(b, ifa)))
			return 1;
	}
	return 0;
}

/* __inet_insert_ifa(): primaries after the last primary of wider-or-equal
 * scope, secondaries (same subnet as an existing address) at the end. */
static int __inet_insert_ifa(struct in_ifaddr *ifa, struct netlink_ext_ack *extack)
{
	struct in_device *in_dev = ifa->ifa_dev;
	struct list_head *last_primary = &in_dev->ifa_list;
	struct in_ifaddr *ifa1;

	ifa->ifa_flags &= ~IFA_F_SECONDARY;
	in_dev_for_each_ifa(ifa1, in_dev) {
		if (!(ifa1->ifa_flags & IFA_F_SECONDARY) && ifa->ifa_scope <= ifa1->ifa_scope)
			last_primary = &ifa1->ifa_list;
		if (ifa1->ifa_mask == ifa->ifa_mask && inet_ifa_match(ifa1->ifa_address, ifa)) {
			if (ifa1->ifa_local == ifa->ifa_local) {
				free(ifa);
				return -EEXIST;
			}
			if (ifa1->ifa_scope != ifa->ifa_scope) {
				NL_SET_ERR_MSG(extack, "ipv4: Invalid scope value");
				free(ifa);
				return -EINVAL;
			}
			ifa->ifa_flags |= IFA_F_SECONDARY;
		}
	}
	if (ifa->ifa_flags & IFA_F_SECONDARY)
		list_add_tail(&ifa->ifa_list, &in_dev->ifa_list);
	else
		list_add(&ifa->ifa_list, last_primary);
	inet_hash_insert(dev_net(in_dev->dev), ifa);
	rtmsg_ifa(RTM_NEWADDR, ifa);
	fib_inetaddr_event(ifa, NETDEV_UP);
	return 0;
}

int inet_insert_ifa(struct in_ifaddr *ifa)
{
	return __inet_insert_ifa(ifa, NULL);
}

static bool ifa_same_subnet(const struct in_ifaddr *a, const struct in_ifaddr *b)
{
	return a->ifa_mask == b->ifa_mask && inet_ifa_match(a->ifa_address, b);
}

/* Step 1 of __inet_del_ifa(): a primary takes its secondaries with it
 * unless promote_secondaries; returns the one to promote, if any, and in
 * *last_prim where it goes: after the last primary of its scope when other
 * addresses stood between, else (NULL) it stays where it is. */
static struct in_ifaddr *inet_del_secondaries(struct in_device *in_dev, struct in_ifaddr *ifa1,
					      struct in_ifaddr **last_prim)
{
	bool do_promote = IN_DEV_CONF_GET(in_dev, PROMOTE_SECONDARIES) ||
			  in_dev_conf_all(in_dev, IPV4_DEVCONF_PROMOTE_SECONDARIES);
	struct list_head *pos = ifa1->ifa_list.next, *next;
	bool skipped = false;

	*last_prim = list_first_entry(&in_dev->ifa_list, struct in_ifaddr, ifa_list);
	for (; pos != &in_dev->ifa_list; pos = next) {
		struct in_ifaddr *ifa = list_entry(pos, struct in_ifaddr, ifa_list);

		next = pos->next;
		if (!(ifa->ifa_flags & IFA_F_SECONDARY) && ifa1->ifa_scope <= ifa->ifa_scope)
			*last_prim = ifa;
		if (!(ifa->ifa_flags & IFA_F_SECONDARY) || !ifa_same_subnet(ifa1, ifa)) {
			skipped = true;		/* prev_prom */
			continue;
		}
		if (do_promote) {
			if (!skipped || *last_prim == ifa1)
				*last_prim = NULL;
			return ifa;
		}
		list_del(&ifa->ifa_list);
		inet_hash_remove(dev_net(in_dev->dev), ifa);
		rtmsg_ifa(RTM_DELADDR, ifa);
		fib_inetaddr_event(ifa, NETDEV_DOWN);
		nf_nat_masq_inet_event(ifa, NETDEV_DOWN);
		free(ifa);
	}
	return NULL;
}

static void inet_promote(struct in_device *in_dev, struct in_ifaddr *ifa1,
			 struct in_ifaddr *promote, struct in_ifaddr *last_prim)
{
	struct in_ifaddr *ifa;

	promote->ifa_flags &= ~IFA_F_SECONDARY;
	if (last_prim) {
		list_del(&promote->ifa_list);
		list_add(&promote->ifa_list, &last_prim->ifa_list);
	}
	rtmsg_ifa(RTM_NEWADDR, promote);
	fib_inetaddr_event(promote, NETDEV_UP);
	in_dev_for_each_ifa(ifa, in_dev) {
		if (ifa != promote && (ifa->ifa_flags & IFA_F_SECONDARY) &&
		    ifa_same_subnet(ifa1, ifa))
			fib_add_ifaddr(ifa);
	}
}

int inet_del_ifa(struct in_device *in_dev, struct in_ifaddr *ifa1)
{
	struct in_ifaddr *promote = NULL, *last_prim = NULL, *ifa;

	if (!in_dev->dead && !(ifa1->ifa_flags & IFA_F_SECONDARY))
		promote = inet_del_secondaries(in_dev, ifa1, &last_prim);
	if (promote) {
		for (ifa = promote; &ifa->ifa_list != &in_dev->ifa_list;
		     ifa = list_entry(ifa->ifa_list.next, struct in_ifaddr, ifa_list))
			if (ifa_same_subnet(ifa1, ifa))
				fib_del_ifaddr(ifa, ifa1);
	}
	list_del(&ifa1->ifa_list);
	inet_hash_remove(dev_net(in_dev->dev), ifa1);
	rtmsg_ifa(RTM_DELADDR, ifa1);
	fib_inetaddr_event(ifa1, NETDEV_DOWN);
	nf_nat_masq_inet_event(ifa1, NETDEV_DOWN);	/* the inetaddr notifier's other listener */
	if (promote)
		inet_promote(in_dev, ifa1, promote, last_prim);
	free(ifa1);
	return 0;
}

void inetdev_destroy(struct in_device *in_dev)
{
	struct net_device *dev = in_dev->dev;

	in_dev->dead = true;
	inet_netconf_notify_devconf(dev_net(dev), RTM_DELNETCONF, 0, dev->ifindex, NULL);
	ip_mc_destroy_dev(in_dev);
	while (!list_empty(&in_dev->ifa_list))
		inet_del_ifa(in_dev, list_first_entry(&in_dev->ifa_list, struct in_ifaddr,
						      ifa_list));
	dev->ip_ptr = NULL;
	free(in_dev);
}

void inetdev_lo_up(struct in_device *in_dev)
{
	struct in_ifaddr *ifa = inet_alloc_ifa();

	if (!ifa)
		return;
	ifa->ifa_local = ifa->ifa_address = htonl(0x7F000001);
	ifa->ifa_prefixlen = 8;
	ifa->ifa_mask = inet_make_mask(8);
	ifa->ifa_dev = in_dev;
	ifa->ifa_scope = RT_SCOPE_HOST;
	memcpy(ifa->ifa_label, in_dev->dev->name, IFNAMSIZ);
	inet_insert_ifa(ifa);
}

static struct in_ifaddr *inet_ifa_from_req(struct in_device *in_dev, const struct ifa_req *req)
{
	struct in_ifaddr *ifa = inet_alloc_ifa();

	if (!ifa)
		return NULL;
	ifa->ifa_dev = in_dev;
	ifa->ifa_local = req->local;
	ifa->ifa_address = req->address ? req->address : req->local;
	ifa->ifa_prefixlen = req->prefixlen;
	ifa->ifa_mask = inet_make_mask(req->prefixlen);
	ifa->ifa_broadcast = req->broadcast;
	if (req->brd_set && !req->broadcast && req->prefixlen < 31)
		ifa->ifa_broadcast = ifa->ifa_address | ~ifa->ifa_mask;
	ifa->ifa_flags = req->flags & ~IFA_F_SECONDARY;
	if (req->scope_set)
		ifa->ifa_scope = req->scope;
	else if ((ntohl(req->local) >> 24) == 127)
		ifa->ifa_scope = RT_SCOPE_HOST;
	ifa->ifa_rt_priority = req->metric;
	snprintf(ifa->ifa_label, sizeof(ifa->ifa_label), "%s",
		 req->label[0] ? req->label : in_dev->dev->name);
	if (req->valid_lft)
		ifa->ifa_valid_lft = req->valid_lft;
	if (req->preferred_lft)
		ifa->ifa_preferred_lft = req->preferred_lft;
	return ifa;
}

static struct in_ifaddr *find_matching_ifa(struct in_device *in_dev, struct in_ifaddr *ifa)
{
	struct in_ifaddr *ifa1;

	in_dev_for_each_ifa(ifa1, in_dev)
		if (ifa_same_subnet(ifa1, ifa) && ifa1->ifa_local == ifa->ifa_local)
			return ifa1;
	return NULL;
}

/* inet_rtm_newaddr() on an address there (`ip addr change/replace`): a
 * new metric moves its prefix route; the lifetimes are the request's */
static void inet_ifa_modify(struct in_ifaddr *ifa, const struct ifa_req *req)
{
	if (ifa->ifa_rt_priority != req->metric) {
		fib_modify_prefix_route(ifa, req->metric);
		ifa->ifa_rt_priority = req->metric;
	}
	if (req->valid_lft)
		ifa->ifa_valid_lft = req->valid_lft;
	if (req->preferred_lft)
		ifa->ifa_preferred_lft = req->preferred_lft;
}

int inet_rtm_newaddr(struct net *net, const struct ifa_req *req, struct netlink_ext_ack *extack)
{
	struct net_device *dev = __dev_get_by_index(net, req->ifindex);
	struct in_device *in_dev;
	struct in_ifaddr *ifa, *old;

	if (req->prefixlen > 32) {
		NL_SET_ERR_MSG(extack, "ipv4: Invalid prefix length");
		return -EINVAL;
	}
	if (!dev)
		return -ENODEV;
	in_dev = __in_dev_get_rtnl(dev);
	if (!in_dev)
		return -ENOBUFS;
	ifa = inet_ifa_from_req(in_dev, req);
	if (!ifa)
		return -ENOBUFS;
	if ((old = find_matching_ifa(in_dev, ifa))) {
		free(ifa);
		if ((req->nlflags & NLM_F_EXCL) || !(req->nlflags & NLM_F_REPLACE)) {
			NL_SET_ERR_MSG(extack, "ipv4: Address already assigned");
			return -EEXIST;
		}
		inet_ifa_modify(old, req);
		rtmsg_ifa(RTM_NEWADDR, old);
		return 0;
	}
	return __inet_insert_ifa(ifa, extack);
}

int inet_rtm_deladdr(struct net *net, const struct ifa_req *req, struct netlink_ext_ack *extack)
{
	struct net_device *dev = __dev_get_by_index(net, req->ifindex);
	struct in_device *in_dev = dev ? __in_dev_get_rtnl(dev) : NULL;
	struct in_ifaddr *ifa;

	if (!in_dev) {
		NL_SET_ERR_MSG(extack, "ipv4: Device not found");
		return -ENODEV;
	}
	in_dev_for_each_ifa(ifa, in_dev) {
		if (req->local && ifa->ifa_local != req->local)
			continue;
		if (req->label[0] && strcmp(req->label, ifa->ifa_label))
			continue;
		if (req->address && (req->prefixlen != ifa->ifa_prefixlen ||
				     !inet_ifa_match(req->address, ifa)))
			continue;
		return inet_del_ifa(in_dev, ifa);
	}
	NL_SET_ERR_MSG(extack, "ipv4: Address not found");
	return -EADDRNOTAVAIL;
}

static __be32 in_dev_select_addr(const struct in_device *in_dev, int scope)
{
	int localnet_scope = IN_DEV_ROUTE_LOCALNET(in_dev) ? RT_SCOPE_LINK : RT_SCOPE_HOST;
	struct in_ifaddr *ifa;

	in_dev_for_each_ifa(ifa, in_dev) {
		int s = ifa->ifa_scope < localnet_scope ? ifa->ifa_scope : localnet_scope;

		if (!(ifa->ifa_flags & IFA_F_SECONDARY) && s <= scope)
			return ifa->ifa_local;
	}
	return 0;
}

__be32 inet_select_addr(const struct net_device *dev, __be32 dst, int scope)
{
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	struct net *net = dev_net(dev);
	struct net_device *d;
	struct in_ifaddr *ifa;
	__be32 addr = 0;

	if (in_dev) {
		int localnet_scope = IN_DEV_ROUTE_LOCALNET(in_dev) ? RT_SCOPE_LINK : RT_SCOPE_HOST;

		in_dev_for_each_ifa(ifa, in_dev) {
			int s = ifa->ifa_scope < localnet_scope ? ifa->ifa_scope : localnet_scope;

			if ((ifa->ifa_flags & IFA_F_SECONDARY) || s > scope)
				continue;
			if (!dst || inet_ifa_match(dst, ifa))
				return ifa->ifa_local;
			if (!addr)
				addr = ifa->ifa_local;
		}
		if (addr)
			return addr;
	}
	for_each_netdev(net, d) {
		if (d->ip_ptr && (addr = in_dev_select_addr(d->ip_ptr, scope)))
			return addr;
	}
	return 0;
}

static __be32 confirm_addr_indev(struct in_device *in_dev, __be32 dst, __be32 local, int scope)
{
	int localnet_scope = IN_DEV_ROUTE_LOCALNET(in_dev) ? RT_SCOPE_LINK : RT_SCOPE_HOST;
	struct in_ifaddr *ifa;
	__be32 addr = 0;
	bool same = false;

	in_dev_for_each_ifa(ifa, in_dev) {
		int min_scope = ifa->ifa_scope < localnet_scope ? ifa->ifa_scope : localnet_scope;

		if (!addr && (local == ifa->ifa_local || !local) && min_scope <= scope) {
			addr = ifa->ifa_local;
			if (same)
				break;
		}
		if (same)
			continue;
		same = (!local || inet_ifa_match(local, ifa)) && (!dst || inet_ifa_match(dst, ifa));
		if (same && addr) {
			if (local || !dst || inet_ifa_match(addr, ifa))
				break;
			if (min_scope <= scope) {
				addr = ifa->ifa_local;
				break;
			}
			same = false;
		}
	}
	return same ? addr : 0;
}

__be32 inet_confirm_addr(struct net *net, struct in_device *in_dev, __be32 dst,
			 __be32 local, int scope)
{
	struct net_device *dev;
	__be32 addr = 0;

	if (in_dev)
		return confirm_addr_indev(in_dev, dst, local, scope);
	for_each_netdev(net, dev) {
		if (dev->ip_ptr && (addr = confirm_addr_indev(dev->ip_ptr, dst, local, scope)))
			break;
	}
	return addr;
}

struct net_device *__ip_dev_find(struct net *net, __be32 addr)
{
	struct flowi4 fl4 = { .daddr = addr };
	struct fib_result res = { 0 };
	struct fib_table *local;
	struct in_ifaddr *ifa = inet_lookup_ifaddr_rcu(net, addr);

	if (ifa)
		return ifa->ifa_dev->dev;
	local = fib_get_table(net, RT_TABLE_LOCAL);
	if (local && !fib_table_lookup(local, &fl4, &res, FIB_LOOKUP_NOREF) &&
	    res.type == RTN_LOCAL && res.nhc)
		return res.nhc->fib_nh_dev;
	return NULL;
}

/* all.forwarding (= net.ipv4.ip_forward): inet_forward_change(). */
static void inet_forward_change(struct net *net, int on)
{
	struct net_device *dev;

	net->ipv4.devconf_all.data[IPV4_DEVCONF_ACCEPT_REDIRECTS] = !on;
	net->ipv4.devconf_dflt.data[IPV4_DEVCONF_FORWARDING] = on;
	inet_netconf_notify_devconf(net, RTM_NEWNETCONF, NETCONF_FORWARDING, NETCONFA_IFINDEX_ALL,
				    &net->ipv4.devconf_all);
	inet_netconf_notify_devconf(net, RTM_NEWNETCONF, NETCONF_FORWARDING,
				    NETCONFA_IFINDEX_DEFAULT, &net->ipv4.devconf_dflt);
	for_each_netdev(net, dev) {
		if (!dev->ip_ptr)
			continue;
		dev->ip_ptr->cnf.data[IPV4_DEVCONF_FORWARDING] = on;
		inet_netconf_notify_devconf(net, RTM_NEWNETCONF, NETCONF_FORWARDING, dev->ifindex,
					    &dev->ip_ptr->cnf);
	}
}

static void devinet_copy_dflt_conf(struct net *net, int attr)
{
	struct net_device *dev;

	for_each_netdev(net, dev) {
		struct in_device *in_dev = dev->ip_ptr;

		if (in_dev && !(in_dev->cnf.state & (1ULL << attr)))
			in_dev->cnf.data[attr] = net->ipv4.devconf_dflt.data[attr];
	}
}

/* devinet_conf_proc(), devinet_sysctl_forward(): a changed forwarding,
 * rp_filter, proxy_arp or ignore_routes_with_linkdown is told as netconf
 * (all.forwarding by inet_forward_change(), for everyone) */
static void devinet_conf_notify(struct net *net, struct ipv4_devconf *cnf, int attr)
{
	static const u32 which[IPV4_DEVCONF_MAX] = {
		[IPV4_DEVCONF_FORWARDING] = NETCONF_FORWARDING,
		[IPV4_DEVCONF_RP_FILTER] = NETCONF_RP_FILTER,
		[IPV4_DEVCONF_PROXY_ARP] = NETCONF_PROXY_NEIGH,
		[IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN] = NETCONF_IGNORE_LINKDOWN,
	};
	struct net_device *dev;
	int ifindex = 0;

	if (!which[attr] || (attr == IPV4_DEVCONF_FORWARDING && cnf == &net->ipv4.devconf_all))
		return;
	if (cnf == &net->ipv4.devconf_all)
		ifindex = NETCONFA_IFINDEX_ALL;
	else if (cnf == &net->ipv4.devconf_dflt)
		ifindex = NETCONFA_IFINDEX_DEFAULT;
	else
		for_each_netdev(net, dev)
			if (dev->ip_ptr && &dev->ip_ptr->cnf == cnf)
				ifindex = dev->ifindex;
	if (ifindex)
		inet_netconf_notify_devconf(net, RTM_NEWNETCONF, which[attr], ifindex, cnf);
}

/* A write to net.ipv4.conf.{all,default,DEV}.NAME, with the kernel's
 * propagation rules (devinet_conf_proc / devinet_sysctl_forward). */
int devinet_sysctl_write(struct net *net, struct ipv4_devconf *cnf, int attr, int val)
{
	int old;

	if (attr < 0 || attr >= IPV4_DEVCONF_MAX)
		return -EINVAL;
	old = cnf->data[attr];
	cnf->data[attr] = val;
	if (old != val)
		devinet_conf_notify(net, cnf, attr);
	if (attr == IPV4_DEVCONF_FORWARDING) {
		if (cnf == &net->ipv4.devconf_all && old != val)
			inet_forward_change(net, val);
		if (old != val)
			rt_cache_flush(net);
		return 0;
	}
	cnf->state |= 1ULL << attr;
	if (cnf == &net->ipv4.devconf_dflt)
		devinet_copy_dflt_conf(net, attr);
	if (old != val && (attr == IPV4_DEVCONF_ACCEPT_LOCAL || attr == IPV4_DEVCONF_RP_FILTER ||
			   attr == IPV4_DEVCONF_ROUTE_LOCALNET || attr == IPV4_DEVCONF_NOXFRM ||
			   attr == IPV4_DEVCONF_NOPOLICY))
		rt_cache_flush(net);
	return 0;
}
