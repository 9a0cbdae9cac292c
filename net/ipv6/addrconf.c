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
 * Duplicate address detection (addrconf_dad_start/work, RFC 4862 5.4): a
 * new address is tentative — no local route, not a source, not bindable —
 * until dad_transmits neighbour solicitations from :: (with a nonce,
 * enhanced_dad) went unanswered, retrans_time apart, after a random delay
 * below router_solicitation_delay; an advertisement for it or another
 * node's DAD solicitation makes it `dadfailed` (addrconf_dad_failure, with
 * Linux's kernel message; accept_dad=2 disables IPv6 on the device when
 * the MAC-based link-local fails).  nodad, accept_dad=0 (all and device),
 * loopback and NOARP devices skip it.  When the link-local address is
 * usable the device announces its groups again (MLD, mcast.c) and, as a
 * host (accept_ra), sends router solicitations (addrconf_rs_timer). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/netdevice.h"
#include "linux/printk.h"
#include "linux/slab.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/mld.h"
#include "net/ndisc.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/world.h"
#include "uapi/rtnetlink.h"
#include "net/rtnl_notify.h"

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

/* splitmix64 over the device's own state: IPv6's random delays must not
 * shift the world's stream, which every script's MACs and ports come from */
u32 addrconf_rand_below(struct inet6_dev *idev, u32 n)
{
	u64 z = (idev->rnd += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	return n ? (u32)(((z >> 32) * (u64)n) >> 32) : 0;
}

static void addrconf_rs_timer(struct timer_list *t);
static void addrconf_verify(struct timer_list *t);

static const struct in6_addr in6addr_ll_allnodes = { { { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
							  0, 0, 0, 1 } } };
static const struct in6_addr in6addr_il_allnodes = { { { 0xff, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
							  0, 0, 0, 1 } } };

static struct inet6_dev *ipv6_add_dev(struct net_device *dev)
{
	struct inet6_dev *idev = kzalloc(sizeof(*idev));
	struct world *w = dev_net(dev)->world;

	if (!idev)
		return NULL;
	/* seeded from the world's state (not drawn from it), the namespace's
	 * and the device's names: two devices never share a stream (DAD nonces) */
	idev->rnd = (w->rng[0] ^ w->rng[3] ^ ((u64)dev->ifindex << 32)) * 0x2545f4914f6cdd1dULL;
	for (const char *c = dev_net(dev)->name; *c; c++)
		idev->rnd = (idev->rnd ^ (u8)*c) * 0x100000001b3ULL;
	for (const char *c = dev->name; *c; c++)
		idev->rnd = (idev->rnd ^ (u8)*c) * 0x100000001b3ULL;
	timer_setup(&w->timers, &idev->linkwatch, addrconf_linkwatch);
	timer_setup(&w->timers, &idev->rs_timer, addrconf_rs_timer);
	timer_setup(&w->timers, &idev->verify, addrconf_verify);
	idev->dev = dev;
	INIT_LIST_HEAD(&idev->addr_list);
	idev->cnf = dev_net(dev)->ipv6.devconf_dflt;
	idev->cnf.data[DEVCONF_MTU] = (int)dev->mtu;
	if (dev->flags & IFF_LOOPBACK)
		idev->cnf.data[DEVCONF_USE_TEMPADDR] = -1;
	dev->ip6_ptr = idev;
	ipv6_mc_init_dev(idev);
	/* every device is in ff01::1 and ff02::1, a router's in ff02::2 */
	if (ipv6_dev_mc_inc(dev, &in6addr_il_allnodes) ||
	    ipv6_dev_mc_inc(dev, &in6addr_ll_allnodes))
		goto err;
	if (idev->cnf.data[DEVCONF_FORWARDING] && (dev->flags & IFF_MULTICAST)) {
		static const struct in6_addr all_routers = { { { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0,
								 0, 0, 0, 0, 0, 0, 2 } } };

		if (ipv6_dev_mc_inc(dev, &all_routers))
			goto err;
	}
	inet6_netconf_notify_devconf(dev_net(dev), RTM_NEWNETCONF, NETCONF_ALL, dev->ifindex,
				     &idev->cnf);
	return idev;
err:
	ipv6_mc_destroy_dev(idev);
	dev->ip6_ptr = NULL;
	kfree(idev);
	return NULL;
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

/* ipv6_chk_addr(): ours and past DAD (IFA_F_TENTATIVE is banned) */
bool ipv6_chk_addr(struct net *net, const struct in6_addr *addr, const struct net_device *dev)
{
	const struct inet6_ifaddr *ifa = ipv6_get_ifaddr(net, addr, (struct net_device *)dev);

	return ifa && !(ifa->flags & IFA_F_TENTATIVE);
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

/* The prefix route (a host route for /128) and the peer's come with the
 * address; the local route when DAD is done (addrconf_dad_completed). */
static void addrconf_addr_routes(struct net *net, struct inet6_ifaddr *ifp, bool add)
{
	struct net_device *dev = ifp->idev->dev;
	struct in6_addr pfx;

	u32 metric = ifp->rt_priority ? ifp->rt_priority : IP6_RT_PRIO_ADDRCONF;

	/* ::1 gets none; fe80::/64 comes with the device (addrconf_dev_config) */
	/* RA addresses: the prefix route comes with the prefix option */
	if ((ifp->flags & IFA_F_NOPREFIXROUTE) || ifp->ifa_proto == IFAPROT_KERNEL_LO ||
	    ifp->ifa_proto == IFAPROT_KERNEL_LL || ifp->ifa_proto == IFAPROT_KERNEL_RA)
		return;
	ipv6_addr_prefix(&pfx, &ifp->addr, (int)ifp->prefix_len);
	addrconf_prefix_route(net, &pfx, (int)ifp->prefix_len, metric, dev, add);
}

/* __ipv6_ifa_notify(): the peer's /128 route comes with RTM_NEWADDR, when
 * DAD has completed (not before: a device without carrier has none yet),
 * and goes with RTM_DELADDR */
static void addrconf_peer_route(struct net *net, struct inet6_ifaddr *ifp, bool add)
{
	u32 metric = ifp->rt_priority ? ifp->rt_priority : IP6_RT_PRIO_ADDRCONF;

	if (ifp->has_peer && !ipv6_addr_any(&ifp->peer_addr))
		addrconf_prefix_route(net, &ifp->peer_addr, 128, metric, ifp->idev->dev, add);
}

static void addrconf_join_solict(struct inet6_ifaddr *ifp, bool join)
{
	struct net_device *dev = ifp->idev->dev;
	struct in6_addr maddr;

	if (ifp->solict_joined == join || (join && (dev->flags & (IFF_LOOPBACK | IFF_NOARP))))
		return;
	ifp->solict_joined = join;
	addrconf_addr_solict_mult(&ifp->addr, &maddr);
	if (join)
		ipv6_dev_mc_inc(dev, &maddr);
	else
		ipv6_dev_mc_dec(dev, &maddr);
}

/* ---- duplicate address detection ---- */
static void addrconf_dad_start(struct inet6_ifaddr *ifp);

static void addrconf_mod_dad_work(struct inet6_ifaddr *ifp, u64 delay_ns)
{
	mod_timer(&ifp->dad_work, world_now(dev_net(ifp->idev->dev)->world) + delay_ns);
}

/* ipv6_lonely_lladdr(): ifp is the only usable link-local address */
static bool ipv6_lonely_lladdr(const struct inet6_ifaddr *ifp)
{
	const struct inet6_ifaddr *ifa;

	in6_dev_for_each_ifa(ifa, ifp->idev)
		if (ifa != ifp && ipv6_addr_linklocal(&ifa->addr) &&
		    !(ifa->flags & (IFA_F_TENTATIVE | IFA_F_DADFAILED)))
			return false;
	return true;
}

static bool ipv6_accept_ra(const struct inet6_dev *idev)
{
	return idev->cnf.data[DEVCONF_FORWARDING] ? idev->cnf.data[DEVCONF_ACCEPT_RA] == 2 :
						  idev->cnf.data[DEVCONF_ACCEPT_RA] != 0;
}

/* rfc3315_s14_backoff_init/update: ×0.9..1.1, then ×1.9..2.1 up to the max */
static u64 rs_backoff(struct inet6_dev *idev, u64 rt, u64 mrt, bool init)
{
	u64 lo = init ? 900000 : 1900000;
	u64 tmp = (lo + addrconf_rand_below(idev, 200001)) * rt / 1000000;

	if (!init && tmp > mrt)
		tmp = (900000 + addrconf_rand_below(idev, 200001)) * mrt / 1000000;
	return tmp;
}

static void addrconf_rs_timer(struct timer_list *t)
{
	struct inet6_dev *idev = from_timer(idev, t, rs_timer);
	struct net_device *dev = idev->dev;
	int max = idev->cnf.data[DEVCONF_ROUTER_SOLICITATIONS];
	struct in6_addr lladdr;

	if (!(dev->flags & IFF_UP) || !ipv6_accept_ra(idev) || idev->ra_rcvd)
		return;
	if (max >= 0 && idev->rs_probes >= max)
		return;		/* no IPv6 routers present */
	idev->rs_probes++;
	if (ipv6_get_lladdr(dev, &lladdr))
		return;
	ndisc_send_rs(dev, &lladdr);
	idev->rs_interval = rs_backoff(idev, idev->rs_interval,
				       (u64)idev->cnf.data[DEVCONF_ROUTER_SOLICITATION_MAX_INTERVAL] *
					       NSEC_PER_SEC, false);
	mod_timer(&idev->rs_timer, world_now(dev_net(dev)->world) +
		  (idev->rs_probes == max ?
		   (u64)idev->cnf.data[DEVCONF_ROUTER_SOLICITATION_DELAY] * NSEC_PER_SEC :
		   idev->rs_interval));
}

void addrconf_rs_stop(struct inet6_dev *idev)
{
	idev->ra_rcvd = true;
	del_timer(&idev->rs_timer);
}

static void addrconf_dad_completed(struct inet6_ifaddr *ifp)
{
	struct inet6_dev *idev = ifp->idev;
	struct net_device *dev = idev->dev;
	struct net *net = dev_net(dev);
	bool send_mld, send_rs;

	ifp->state = INET6_IFADDR_STATE_POSTDAD;
	inet6_ifa_notify(RTM_NEWADDR, ifp);	/* ipv6_ifa_notify(): the address, then its route */
	addrconf_local_route(net, &ifp->addr, dev, true);
	addrconf_peer_route(net, ifp, true);
	send_mld = ifp->scope == RT_SCOPE_LINK && ipv6_lonely_lladdr(ifp);
	send_rs = send_mld && ipv6_accept_ra(idev) &&
		  idev->cnf.data[DEVCONF_ROUTER_SOLICITATIONS] != 0 &&
		  !(dev->flags & IFF_LOOPBACK);
	if (send_mld)
		ipv6_mc_dad_complete(idev);
	if (send_rs && !idev->ra_rcvd) {
		ndisc_send_rs(dev, &ifp->addr);
		idev->rs_probes = 1;
		idev->rs_interval = rs_backoff(idev,
			(u64)idev->cnf.data[DEVCONF_ROUTER_SOLICITATION_INTERVAL] * NSEC_PER_SEC,
			0, true);
		mod_timer(&idev->rs_timer, world_now(net->world) + idev->rs_interval);
	}
}

/* addrconf_dad_kick(): the first probe after a random delay below
 * router_solicitation_delay; the nonce of enhanced DAD */
static void addrconf_dad_kick(struct inet6_ifaddr *ifp)
{
	struct inet6_dev *idev = ifp->idev;
	int delay_s = idev->cnf.data[DEVCONF_ROUTER_SOLICITATION_DELAY];
	u32 rand_ms = addrconf_rand_below(idev, delay_s > 0 ? (u32)delay_s * 1000u : 1u);

	ifp->dad_nonce = 0;
	if (idev->cnf.data[DEVCONF_ENHANCED_DAD] ||
	    dev_net(idev->dev)->ipv6.devconf_all.data[DEVCONF_ENHANCED_DAD])
		while (!ifp->dad_nonce)
			ifp->dad_nonce = ((u64)addrconf_rand_below(idev, 1u << 16) << 32 |
					  addrconf_rand_below(idev, 0xffffffffu));
	ifp->dad_probes = (u8)(idev->cnf.data[DEVCONF_DAD_TRANSMITS] > 0 ?
			       idev->cnf.data[DEVCONF_DAD_TRANSMITS] : 0);
	addrconf_mod_dad_work(ifp, (u64)rand_ms * NSEC_PER_MSEC);
}

static void addrconf_dad_begin(struct inet6_ifaddr *ifp)
{
	struct inet6_dev *idev = ifp->idev;
	struct net_device *dev = idev->dev;
	struct net *net = dev_net(dev);

	addrconf_join_solict(ifp, true);
	if ((dev->flags & (IFF_NOARP | IFF_LOOPBACK)) ||
	    (net->ipv6.devconf_all.data[DEVCONF_ACCEPT_DAD] < 1 &&
	     idev->cnf.data[DEVCONF_ACCEPT_DAD] < 1) ||
	    !(ifp->flags & IFA_F_TENTATIVE) || (ifp->flags & IFA_F_NODAD)) {
		ifp->flags &= ~(IFA_F_TENTATIVE | IFA_F_OPTIMISTIC | IFA_F_DADFAILED);
		addrconf_dad_completed(ifp);
		return;
	}
	if (!idev->if_ready)
		return;		/* stays tentative until the link is ready */
	addrconf_dad_kick(ifp);
}

static void addrconf_dad_start(struct inet6_ifaddr *ifp)
{
	if (ifp->state != INET6_IFADDR_STATE_PREDAD)
		return;
	ifp->state = INET6_IFADDR_STATE_DAD;
	addrconf_dad_begin(ifp);
}

/* addrconf_dad_stop(ifp, 1): tentative and dadfailed for good */
static void addrconf_dad_stop(struct inet6_ifaddr *ifp)
{
	del_timer(&ifp->dad_work);
	ifp->flags |= IFA_F_TENTATIVE | IFA_F_DADFAILED;
	inet6_ifa_notify(RTM_NEWADDR, ifp);
}

static void addrconf_ifdown(struct inet6_dev *idev, bool unregister);

static void addrconf_dad_work(struct timer_list *t)
{
	struct inet6_ifaddr *ifp = from_timer(ifp, t, dad_work);
	struct inet6_dev *idev = ifp->idev;
	struct net_device *dev = idev->dev;
	struct in6_addr mcaddr, any = { { { 0 } } };
	u32 retrans;

	if (ifp->state == INET6_IFADDR_STATE_ERRDAD) {
		addrconf_dad_stop(ifp);
		if (idev->cnf.data[DEVCONF_DISABLE_IPV6])
			addrconf_ifdown(idev, false);
		return;
	}
	if (ifp->state != INET6_IFADDR_STATE_DAD || !(ifp->flags & IFA_F_TENTATIVE))
		return;
	if (!idev->if_ready)
		return;
	if (!ifp->dad_probes) {
		ifp->flags &= ~(IFA_F_TENTATIVE | IFA_F_OPTIMISTIC | IFA_F_DADFAILED);
		addrconf_dad_completed(ifp);
		return;
	}
	ifp->dad_probes--;
	retrans = (u32)NEIGH_VAR(&dev_net(dev)->ipv6.nd_tbl.parms, RETRANS_TIME);
	addrconf_mod_dad_work(ifp, (u64)(retrans > 10 ? retrans : 10) * NSEC_PER_MSEC);
	addrconf_addr_solict_mult(&ifp->addr, &mcaddr);
	ndisc_send_ns(dev, &ifp->addr, &mcaddr, &any, ifp->dad_nonce);
}

/* addrconf_dad_failure(): a neighbour has the address (its NA, or its own
 * DAD probe); accept_dad=2 turns IPv6 off when the MAC-based link-local
 * address is the one */
void addrconf_dad_failure(struct sk_buff *skb, struct inet6_ifaddr *ifp)
{
	struct inet6_dev *idev = ifp->idev;
	struct world *w = dev_net(idev->dev)->world;
	static const u8 none[ETH_ALEN];
	/* the sender's MAC (eth_hdr(skb)->h_source), when there is one */
	const u8 *mac = skb->dev->hard_header_len >= ETH_HLEN &&
			skb_network_header(skb) - skb_mac_header(skb) >= ETH_HLEN ?
			skb_mac_header(skb) + ETH_ALEN : none;
	char a[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, &ifp->addr, a, sizeof(a));
	if (net_ratelimit(w))
		klog(w, "IPv6: %s: IPv6 duplicate address %s used by "
			"%02x:%02x:%02x:%02x:%02x:%02x detected!\n", idev->dev->name, a,
		     mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	if (idev->cnf.data[DEVCONF_ACCEPT_DAD] > 1 && !idev->cnf.data[DEVCONF_DISABLE_IPV6] &&
	    ifp->ifa_proto == IFAPROT_KERNEL_LL) {
		idev->cnf.data[DEVCONF_DISABLE_IPV6] = 1;
		klog(w, "IPv6: %s: IPv6 being disabled!\n", idev->dev->name);
	}
	ifp->state = INET6_IFADDR_STATE_ERRDAD;
	addrconf_mod_dad_work(ifp, 0);
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
	/* no need of the tentative flag with nodad */
	ifp->flags = (flags & IFA_F_NODAD) ? flags : flags | IFA_F_TENTATIVE;
	ifp->state = INET6_IFADDR_STATE_PREDAD;
	ifp->rt_priority = metric;
	ifp->valid_lft = ifp->prefered_lft = INFINITY_LIFE_TIME;
	ifp->tstamp = world_now(dev_net(idev->dev)->world);
	ifp->scope = ipv6_addr_rt_scope(addr);
	ifp->ifa_proto = proto;
	ifp->idev = idev;
	timer_setup(&dev_net(idev->dev)->world->timers, &ifp->dad_work, addrconf_dad_work);
	ipv6_link_dev_addr(idev, ifp);
	addrconf_addr_routes(dev_net(idev->dev), ifp, true);
	if (proto == IFAPROT_UNSPEC && !(ifp->flags & IFA_F_NODAD))	/* inet6_addr_add() */
		inet6_ifa_notify(RTM_NEWADDR, ifp);
	addrconf_dad_start(ifp);
	return ifp;
}

/* cleanup_prefix_route(): the link-local prefix route goes with the last
 * link-local address of the device (`ip -6 addr flush`) */
static void addrconf_ll_prefix_cleanup(struct net *net, struct inet6_ifaddr *ifp)
{
	static const struct in6_addr ll = { { { 0xfe, 0x80 } } };
	struct inet6_ifaddr *it;

	if (ifp->ifa_proto != IFAPROT_KERNEL_LL)
		return;
	list_for_each_entry(it, &ifp->idev->addr_list, if_list)
		if (it != ifp && ipv6_prefix_equal(&it->addr, &ll, 64))
			return;
	addrconf_prefix_route(net, &ll, 64, IP6_RT_PRIO_ADDRCONF, ifp->idev->dev, false);
}

static void ipv6_del_addr(struct inet6_ifaddr *ifp)
{
	struct net *net = dev_net(ifp->idev->dev);

	inet6_ifa_notify(RTM_DELADDR, ifp);
	addrconf_ll_prefix_cleanup(net, ifp);
	list_del(&ifp->if_list);
	del_timer(&ifp->dad_work);
	addrconf_join_solict(ifp, false);
	if (ifp->state == INET6_IFADDR_STATE_POSTDAD)
		addrconf_local_route(net, &ifp->addr, ifp->idev->dev, false);
	addrconf_addr_routes(net, ifp, false);
	addrconf_peer_route(net, ifp, false);
	kfree(ifp);
}

/* inet6_addr_modify(): `ip -6 addr change/replace` of an address there:
 * its flags are the request's (nodad, noprefixroute; permanent without
 * lifetimes), its lifetimes, its peer, and a new metric or peer moves its
 * prefix routes */
static int inet6_addr_modify(struct net *net, struct inet6_ifaddr *ifp, const struct ifa6_req *req)
{
	bool lft = (req->valid_lft || req->preferred_lft) &&
		   (req->valid_lft != INFINITY_LIFE_TIME || req->preferred_lft != INFINITY_LIFE_TIME);

	if (lft && (!req->valid_lft || req->preferred_lft > req->valid_lft))
		return -EINVAL;
	addrconf_addr_routes(net, ifp, false);
	addrconf_peer_route(net, ifp, false);
	ifp->flags &= ~(IFA_F_DEPRECATED | IFA_F_PERMANENT | IFA_F_NODAD | IFA_F_NOPREFIXROUTE);
	ifp->flags |= (req->flags & (IFA_F_NODAD | IFA_F_NOPREFIXROUTE)) | (lft ? 0 : IFA_F_PERMANENT);
	ifp->tstamp = world_now(net->world);
	ifp->valid_lft = lft ? req->valid_lft : INFINITY_LIFE_TIME;
	ifp->prefered_lft = lft ? req->preferred_lft : INFINITY_LIFE_TIME;
	if (req->metric)
		ifp->rt_priority = req->metric;
	if (req->has_peer) {	/* a new peer: its route replaces the old one's */
		ifp->peer_addr = req->peer;
		ifp->has_peer = true;
	}
	addrconf_addr_routes(net, ifp, true);
	if (!(ifp->flags & IFA_F_NOPREFIXROUTE))	/* modify_prefix_route(…, true) */
		addrconf_peer_route(net, ifp, true);
	if (lft)
		addrconf_verify_schedule(ifp->idev, world_now(net->world));
	inet6_ifa_notify(RTM_NEWADDR, ifp);
	return 0;
}

int inet6_rtm_newaddr(struct net *net, const struct ifa6_req *req,
		      struct netlink_ext_ack *extack)
{
	struct net_device *dev = __dev_get_by_index(net, req->ifindex);
	struct inet6_dev *idev = dev ? __in6_dev_get(dev) : NULL;
	struct inet6_ifaddr *ifp;
	bool lft;

	if (!dev)
		return -ENODEV;
	if (!idev || idev->cnf.data[DEVCONF_DISABLE_IPV6]) {
		NL_SET_ERR_MSG(extack, "ipv6: IPv6 is disabled on this device");
		return -EACCES;
	}
	if (req->prefixlen > 128)
		return -EINVAL;
	if (ipv6_addr_is_multicast(&req->local) || ipv6_addr_any(&req->local))
		return -EINVAL;
	if ((ifp = ipv6_find_ifa(idev, &req->local))) {
		if ((req->nlflags & NLM_F_EXCL) || !(req->nlflags & NLM_F_REPLACE)) {
			NL_SET_ERR_MSG(extack, "ipv6: address already assigned");
			return -EEXIST;
		}
		return inet6_addr_modify(net, ifp, req);
	}
	/* addrconf_add_dev(): ff00::/8 with the first address; ipv6_find_idev()
	 * announces the device's groups again when it is up */
	if (!(dev->flags & IFF_LOOPBACK))
		addrconf_add_mroute(net, dev, true);
	if (dev->flags & IFF_UP)
		ipv6_mc_up(idev);
	/* valid_lft/preferred_lft: a dynamic address (inet6_addr_add); both 0
	 * is a request without lifetimes (no IFA_CACHEINFO) */
	lft = (req->valid_lft || req->preferred_lft) &&
	      (req->valid_lft != INFINITY_LIFE_TIME || req->preferred_lft != INFINITY_LIFE_TIME);
	if (lft && (!req->valid_lft || req->preferred_lft > req->valid_lft))
		return -EINVAL;
	ifp = ipv6_add_addr(idev, &req->local, req->has_peer ? &req->peer : NULL, req->prefixlen,
			    (req->flags & (IFA_F_NODAD | IFA_F_NOPREFIXROUTE)) |
				    (lft ? 0 : IFA_F_PERMANENT),
			    req->metric, IFAPROT_UNSPEC);
	if (!ifp)
		return -ENOBUFS;
	if (lft) {
		ifp->valid_lft = req->valid_lft;
		ifp->prefered_lft = req->preferred_lft;
		addrconf_verify_schedule(idev, world_now(net->world));
	}
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

/* addrconf_dad_run(): addresses that waited for the link start DAD */
static void addrconf_dad_run(struct inet6_dev *idev)
{
	struct inet6_ifaddr *ifa;

	in6_dev_for_each_ifa(ifa, idev) {
		if (ifa->state == INET6_IFADDR_STATE_PREDAD)
			addrconf_dad_start(ifa);
		else if (ifa->state == INET6_IFADDR_STATE_DAD && (ifa->flags & IFA_F_TENTATIVE) &&
			 !(ifa->flags & IFA_F_DADFAILED))
			addrconf_dad_kick(ifa);
	}
}

static void addrconf_dev_config(struct inet6_dev *idev)
{
	struct net_device *dev = idev->dev;
	struct net *net = dev_net(dev);
	static const struct in6_addr ll = { { { 0xfe, 0x80 } } };

	struct inet6_ifaddr *ifa;

	idev->if_ready = true;
	idev->ra_rcvd = false;
	if (dev->flags & IFF_UP)
		ipv6_mc_up(idev);
	/* addrconf_permanent_addr(), fixup_permanent_addr(): an address kept
	 * over a link down (keep_addr_on_down) has its prefix route again */
	list_for_each_entry(ifa, &idev->addr_list, if_list)
		if (ifa->ifa_proto == IFAPROT_UNSPEC && (ifa->flags & IFA_F_PERMANENT))
			addrconf_addr_routes(net, ifa, true);
	addrconf_dad_run(idev);
	if (dev->flags & IFF_LOOPBACK) {
		struct in6_addr lo = { { { 0 } } };

		lo.s6_addr[15] = 1;
		if (!ipv6_find_ifa(idev, &lo))
			ipv6_add_addr(idev, &lo, NULL, 128, IFA_F_PERMANENT, 0, IFAPROT_KERNEL_LO);
		return;
	}
	addrconf_add_mroute(net, dev, true);	/* addrconf_add_dev() first */
	addrconf_prefix_route(net, &ll, 64, IP6_RT_PRIO_ADDRCONF, dev, true);
	addrconf_add_linklocal(idev);
}

static bool addrconf_link_ready(const struct net_device *dev)
{
	return (dev->flags & IFF_UP) && (netif_oper_up(dev) || netif_carrier_ok(dev));
}

/* addrconf_ifdown(): addresses go (unless keep_addr_on_down: they wait
 * tentative for DAD again), and the routes through the device with them;
 * the groups leave the device's filter. */
static void addrconf_ifdown(struct inet6_dev *idev, bool unregister)
{
	struct net_device *dev = idev->dev;
	struct net *net = dev_net(dev);
	struct inet6_ifaddr *ifa, *tmp;
	bool keep = !unregister && (idev->cnf.data[DEVCONF_KEEP_ADDR_ON_DOWN] > 0 ||
				    net->ipv6.devconf_all.data[DEVCONF_KEEP_ADDR_ON_DOWN] > 0);

	fib6_flush_dev(net, dev, unregister);	/* rt6_disable_ip(): the routes go first */
	list_for_each_entry_safe(ifa, tmp, &idev->addr_list, if_list) {
		if (keep && ifa->ifa_proto == IFAPROT_UNSPEC) {
			del_timer(&ifa->dad_work);
			if (ifa->state == INET6_IFADDR_STATE_POSTDAD)
				addrconf_local_route(net, &ifa->addr, dev, false);
			addrconf_join_solict(ifa, false);
			ifa->state = INET6_IFADDR_STATE_PREDAD;
			if (!(ifa->flags & IFA_F_NODAD))
				ifa->flags |= IFA_F_TENTATIVE;
			ifa->flags &= ~IFA_F_DADFAILED;
			continue;
		}
		ipv6_del_addr(ifa);
	}
	neigh_ifdown(&net->ipv6.nd_tbl, dev);
	del_timer(&idev->linkwatch);
	del_timer(&idev->rs_timer);
	del_timer(&idev->verify);
	idev->if_ready = false;
	idev->ra_rcvd = false;
	if (unregister)
		ipv6_mc_destroy_dev(idev);
	else
		ipv6_mc_down(idev);
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
		/* already configured: resend the MLD reports (snooping switches) */
		else if (idev && idev->if_ready && addrconf_link_ready(dev) &&
			 !idev->cnf.data[DEVCONF_DISABLE_IPV6])
			ipv6_mc_up(idev);
		break;
	case NETDEV_DOWN:
		if (idev)
			addrconf_ifdown(idev, false);
		break;
	case NETDEV_UNREGISTER:
		if (idev) {
			del_timer(&idev->linkwatch);
			idev->dead = true;
			addrconf_ifdown(idev, true);
			inet6_netconf_notify_devconf(dev_net(dev), RTM_DELNETCONF, 0, dev->ifindex,
						     NULL);	/* addrconf_sysctl_unregister() */
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
			if (ifa->flags & IFA_F_TENTATIVE)
				continue;
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
		if (ipv6_addr_linklocal(&ifa->addr) && !(ifa->flags & IFA_F_TENTATIVE)) {
			*addr = ifa->addr;
			return 0;
		}
	return -EADDRNOTAVAIL;
}

/* ---- lifetimes and router advertisements' prefixes ---- */
#define MIN_VALID_LIFETIME (2 * 3600)	/* RFC 4862 5.5.3 e */

/* inet6_fill_ifaddr(): the lifetimes less the whole seconds gone by */
void inet6_ifa_lifetimes(const struct inet6_ifaddr *ifa, u32 *valid, u32 *prefered)
{
	u64 tval = (world_now(dev_net(ifa->idev->dev)->world) - ifa->tstamp) / NSEC_PER_SEC;

	*valid = ifa->valid_lft;
	*prefered = ifa->prefered_lft;
	if (*prefered == INFINITY_LIFE_TIME)
		return;
	*prefered = *prefered > tval ? *prefered - (u32)tval : 0;
	if (*valid != INFINITY_LIFE_TIME)
		*valid = *valid > tval ? *valid - (u32)tval : 0;
}

void addrconf_verify_schedule(struct inet6_dev *idev, u64 when)
{
	if (!timer_pending(&idev->verify) || idev->verify.expires > when)
		mod_timer(&idev->verify, when);
}

struct verify_walk {
	struct net_device *dev;
	u64 now, next;
};

static int addrconf_verify_route(struct fib6_info *f, void *arg)
{
	struct verify_walk *v = arg;

	if (f->fib6_nh_dev != v->dev || !f->fib6_expires)
		return 0;
	if (f->fib6_expires <= v->now)
		fib6_del(f);
	else if (f->fib6_expires < v->next)
		v->next = f->fib6_expires;
	return 0;
}

/* addrconf_verify_rtnl(): dynamic addresses past their valid lifetime go,
 * past the preferred one are deprecated; RA routes past their lifetime go */
static void addrconf_verify(struct timer_list *t)
{
	struct inet6_dev *idev = from_timer(idev, t, verify);
	struct net *net = dev_net(idev->dev);
	struct verify_walk v = { idev->dev, world_now(net->world), ~0ULL };
	struct fib6_table *tb = fib6_get_table(net, RT_TABLE_MAIN);
	struct inet6_ifaddr *ifa, *tmp;

	list_for_each_entry_safe(ifa, tmp, &idev->addr_list, if_list) {
		u64 age;

		if ((ifa->flags & IFA_F_PERMANENT) || ifa->prefered_lft == INFINITY_LIFE_TIME)
			continue;
		age = v.now - ifa->tstamp;
		if (ifa->valid_lft != INFINITY_LIFE_TIME &&
		    age >= (u64)ifa->valid_lft * NSEC_PER_SEC) {
			ipv6_del_addr(ifa);
			continue;
		}
		if (age >= (u64)ifa->prefered_lft * NSEC_PER_SEC)
			ifa->flags |= IFA_F_DEPRECATED;
		else if (ifa->tstamp + (u64)ifa->prefered_lft * NSEC_PER_SEC < v.next)
			v.next = ifa->tstamp + (u64)ifa->prefered_lft * NSEC_PER_SEC;
		if (ifa->valid_lft != INFINITY_LIFE_TIME &&
		    ifa->tstamp + (u64)ifa->valid_lft * NSEC_PER_SEC < v.next)
			v.next = ifa->tstamp + (u64)ifa->valid_lft * NSEC_PER_SEC;
	}
	if (tb)
		fib6_walk(tb, addrconf_verify_route, &v);
	if (v.next != ~0ULL)
		mod_timer(&idev->verify, v.next);
}

struct pfx_match {
	const struct in6_addr *pfx;
	int plen;
	const struct net_device *dev;
	struct fib6_info *found;
};

static int pfx_match(struct fib6_info *f, void *arg)
{
	struct pfx_match *m = arg;

	if (!m->found && f->fib6_dst_len == m->plen && f->fib6_nh_dev == m->dev &&
	    f->fib6_protocol == RTPROT_KERNEL && !f->fib6_nh_has_gw &&
	    ipv6_addr_equal(&f->fib6_dst, m->pfx))
		m->found = f;
	return 0;
}

/* the on-link part: the prefix route with the valid lifetime */
static void addrconf_prefix_onlink(struct inet6_dev *idev, const struct in6_addr *pfx, int plen,
				   u32 valid_lft)
{
	struct net *net = dev_net(idev->dev);
	struct fib6_table *tb = fib6_get_table(net, RT_TABLE_MAIN);
	struct pfx_match m = { pfx, plen, idev->dev, NULL };
	u64 now = world_now(net->world);

	if (tb)
		fib6_walk(tb, pfx_match, &m);
	if (m.found && !valid_lft) {
		fib6_del(m.found);
		return;
	}
	if (!m.found && valid_lft) {
		if (addrconf_prefix_route(net, pfx, plen, IP6_RT_PRIO_ADDRCONF, idev->dev, true))
			return;
		if (tb)
			fib6_walk(tb, pfx_match, &m);
	}
	if (!m.found)
		return;
	m.found->fib6_expires = valid_lft == INFINITY_LIFE_TIME ? 0 :
				now + (u64)valid_lft * NSEC_PER_SEC;
	if (m.found->fib6_expires)
		addrconf_verify_schedule(idev, m.found->fib6_expires);
}

/* the autonomous part: prefix + EUI-64, dynamic, or new lifetimes for the
 * address we have (RFC 4862 5.5.3 e: never below two hours that way) */
static void addrconf_prefix_addr(struct inet6_dev *idev, const struct in6_addr *pfx,
				 u32 valid_lft, u32 prefered_lft)
{
	struct net_device *dev = idev->dev;
	u64 now = world_now(dev_net(dev)->world);
	struct inet6_ifaddr *ifp;
	struct in6_addr addr;
	u32 stored, pref;

	memcpy(addr.s6_addr, pfx->s6_addr, 8);
	addrconf_ifid_eui48(addr.s6_addr + 8, dev);
	ifp = ipv6_find_ifa(idev, &addr);
	if (!ifp) {
		if (!valid_lft)
			return;
		ifp = ipv6_add_addr(idev, &addr, NULL, 64, IFA_F_MANAGETEMPADDR, 0,
				    IFAPROT_KERNEL_RA);
		if (!ifp)
			return;
		ifp->valid_lft = valid_lft;
		ifp->prefered_lft = prefered_lft;
		ifp->tstamp = now;
		addrconf_verify_schedule(idev, now + (u64)prefered_lft * NSEC_PER_SEC);
		return;
	}
	if (ifp->flags & IFA_F_PERMANENT)
		return;
	inet6_ifa_lifetimes(ifp, &stored, &pref);
	if (!(valid_lft > MIN_VALID_LIFETIME || valid_lft > stored)) {
		if (stored <= MIN_VALID_LIFETIME)
			return;
		valid_lft = MIN_VALID_LIFETIME;
		if (valid_lft < prefered_lft)
			prefered_lft = valid_lft;
	}
	ifp->valid_lft = valid_lft;
	ifp->prefered_lft = prefered_lft;
	ifp->tstamp = now;
	ifp->flags &= ~IFA_F_DEPRECATED;
	addrconf_verify_schedule(idev, now);
}

/* addrconf_prefix_rcv(): one prefix information option (32 bytes: length,
 * L and A flags, valid and preferred lifetimes, the prefix) */
void addrconf_prefix_rcv(struct net_device *dev, const u8 *opt, unsigned int len)
{
	struct inet6_dev *idev = __in6_dev_get(dev);
	u32 valid_lft, prefered_lft;
	struct in6_addr pfx;
	int plen;

	if (!idev || len < 32)
		return;		/* "addrconf: prefix option too short" */
	plen = opt[2];
	memcpy(&pfx, opt + 16, 16);
	if (plen > 128 || ipv6_addr_is_multicast(&pfx) || ipv6_addr_linklocal(&pfx))
		return;
	valid_lft = (u32)opt[4] << 24 | (u32)opt[5] << 16 | (u32)opt[6] << 8 | opt[7];
	prefered_lft = (u32)opt[8] << 24 | (u32)opt[9] << 16 | (u32)opt[10] << 8 | opt[11];
	if (prefered_lft > valid_lft)
		return;		/* "addrconf: prefix option has invalid lifetime" */
	{
		struct in6_addr raw = pfx;

		ipv6_addr_prefix(&pfx, &raw, plen);
	}
	if (opt[3] & 0x80)
		addrconf_prefix_onlink(idev, &pfx, plen, valid_lft);
	if ((opt[3] & 0x40) && idev->cnf.data[DEVCONF_AUTOCONF] && plen == 64 &&
	    dev->type == ARPHRD_ETHER && dev->addr_len == ETH_ALEN)
		addrconf_prefix_addr(idev, &pfx, valid_lft, prefered_lft);
}

/* ---- the namespace ---- */
int ndisc_net_init(struct net *net);
void ndisc_net_exit(struct net *net);

static int addrconf_net_init(struct net *net)
{
	struct netns_ipv6 *n6 = &net->ipv6;

	memcpy(n6->devconf_all.data, devconf_defaults, sizeof(devconf_defaults));
	memcpy(n6->devconf_dflt.data, devconf_defaults, sizeof(devconf_defaults));
	if (net->world->ipv6_off)
		n6->devconf_all.data[DEVCONF_DISABLE_IPV6] =
			n6->devconf_dflt.data[DEVCONF_DISABLE_IPV6] = 1;
	n6->sysctl_route_max_size = 2147483647;
	n6->sysctl_route_gc_thresh = 1024;
	n6->sysctl_route_gc_timeout = 60;
	n6->sysctl_route_gc_interval = 30;
	n6->sysctl_route_gc_elasticity = 9;
	n6->sysctl_route_gc_min_interval = 0;
	n6->sysctl_route_mtu_expires = 600;
	n6->sysctl_route_min_adv_mss = 1220;
	n6->sysctl_icmp_ratelimit = 1000;
	n6->sysctl_auto_flowlabels = 1;
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

/* dev_forward_change(): a router is in ff02::2, ff01::2 and ff05::2 */
static void dev_forward_change(struct inet6_dev *idev)
{
	static const u8 scopes[] = { 0x02, 0x01, 0x05 };
	struct net_device *dev = idev->dev;

	inet6_netconf_notify_devconf(dev_net(dev), RTM_NEWNETCONF, NETCONF_FORWARDING,
				     dev->ifindex, &idev->cnf);
	if (!(dev->flags & IFF_MULTICAST))
		return;
	for (size_t i = 0; i < sizeof(scopes); i++) {
		struct in6_addr a = { { { 0xff, scopes[i], 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					  0, 0, 0, 2 } } };

		if (idev->cnf.data[DEVCONF_FORWARDING])
			ipv6_dev_mc_inc(dev, &a);
		else
			ipv6_dev_mc_dec(dev, &a);
	}
}

static void addrconf_set_forwarding(struct inet6_dev *idev, int val)
{
	bool changed = !idev->cnf.data[DEVCONF_FORWARDING] != !val;

	idev->cnf.data[DEVCONF_FORWARDING] = val;
	if (changed)
		dev_forward_change(idev);
}

/* `skbox run --no-ipv6`: IPv6 off in the namespace and in every one made
 * later, as tests/kernel/kernel-run.sh sets up the kernel's (all, default
 * and lo disable_ipv6=1), so that transcripts compare without IPv6's own
 * packets (DAD, MLD, router solicitations). */
void addrconf_world_ipv6_off(struct world *w)
{
	struct net_device *dev;
	struct net *net = w->init_net;

	w->ipv6_off = true;
	if (!net)
		return;
	net->ipv6.devconf_all.data[DEVCONF_DISABLE_IPV6] = 1;
	net->ipv6.devconf_dflt.data[DEVCONF_DISABLE_IPV6] = 1;
	for_each_netdev(net, dev)
		addrconf_disable_ipv6(dev, 1);
}

/* Writing all.forwarding sets every device's and default's too
 * (addrconf_fixup_forwarding); a device's own only itself. */
int addrconf_fixup_forwarding(struct net *net, struct ipv6_devconf *cnf, int val)
{
	struct net_device *dev;

	int old = cnf->data[DEVCONF_FORWARDING], old_dflt;

	if (cnf != &net->ipv6.devconf_all) {
		for_each_netdev(net, dev)
			if (__in6_dev_get(dev) && &__in6_dev_get(dev)->cnf == cnf) {
				addrconf_set_forwarding(__in6_dev_get(dev), val);
				return 0;
			}
		cnf->data[DEVCONF_FORWARDING] = val;
		if (!old != !val)
			inet6_netconf_notify_devconf(net, RTM_NEWNETCONF, NETCONF_FORWARDING,
						     NETCONFA_IFINDEX_DEFAULT, cnf);
		return 0;
	}
	cnf->data[DEVCONF_FORWARDING] = val;
	old_dflt = net->ipv6.devconf_dflt.data[DEVCONF_FORWARDING];
	net->ipv6.devconf_dflt.data[DEVCONF_FORWARDING] = val;
	if (!old_dflt != !val)
		inet6_netconf_notify_devconf(net, RTM_NEWNETCONF, NETCONF_FORWARDING,
					     NETCONFA_IFINDEX_DEFAULT, &net->ipv6.devconf_dflt);
	for_each_netdev(net, dev)
		if (__in6_dev_get(dev))
			addrconf_set_forwarding(__in6_dev_get(dev), val);
	if (!old != !val)
		inet6_netconf_notify_devconf(net, RTM_NEWNETCONF, NETCONF_FORWARDING,
					     NETCONFA_IFINDEX_ALL, cnf);
	return 0;
}
