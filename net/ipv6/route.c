/* IPv6 routing (net/ipv6/route.c): the rules (the default ones: local,
 * then main), the lookups that turn a fib6_info into the dst_entry a
 * packet carries — ip6_route_input() for received packets, ip6_route_output()
 * for local senders — and the routes `ip -6 route` and addrconf add.
 * Each fib6_info owns one rt6_info (Linux's per-cpu copy, one here) that
 * lookups hand out with a reference.  A packet too big makes a route
 * exception (rt6_exception, RTF_CACHE) for its destination with the
 * learned MTU (at least 1280), expiring after net.ipv6.route.mtu_expires;
 * lookups through that route to that destination hand out the exception's
 * rt6_info; `ip -6 route show cache` lists them. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/netdevice.h"
#include "linux/slab.h"
#include "net/addrconf.h"
#include "net/flow.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/tcp.h"
#include "net/trace.h"
#include "net/world.h"
#include "uapi/rtnetlink.h"
#include "net/rtnl_notify.h"

static int ip6_pkt_prohibit(struct sk_buff *skb);
static int ip6_blackhole(struct sk_buff *skb);

static void rt6_set_io(struct rt6_info *rt, u8 type)
{
	switch (type) {
	case RTN_LOCAL:
	case RTN_MULTICAST:
		rt->dst.input = ip6_input;
		rt->dst.output = ip6_output;
		break;
	case RTN_UNREACHABLE:
		rt->dst.input = ip6_pkt_discard;
		rt->dst.output = ip6_pkt_discard_out;
		rt->dst.error = -EHOSTUNREACH;
		break;
	case RTN_PROHIBIT:
		rt->dst.input = ip6_pkt_prohibit;
		rt->dst.output = ip6_pkt_discard_out;
		rt->dst.error = -EACCES;
		break;
	case RTN_BLACKHOLE:
		rt->dst.input = ip6_blackhole;
		rt->dst.output = dst_discard_out;
		rt->dst.error = -EINVAL;
		break;
	default:
		rt->dst.input = ip6_forward;
		rt->dst.output = ip6_output;
	}
}

static struct rt6_info *rt6_make_dst(struct fib6_info *f, struct net_device *dev)
{
	struct rt6_info *rt = kzalloc(sizeof(*rt));

	if (!rt)
		return NULL;
	rt->dst.dev = dev;
	dev_hold(dev);
	dev_net(dev)->world->dst_live++;
	rt->dst.refcnt = 1;
	rt->dst.mtu = f->fib6_mtu;
	rt6_set_io(rt, f->fib6_type);
	rt->rt6i_type = f->fib6_type;
	rt->rt6i_flags = f->fib6_flags;
	rt->rt6i_metric = f->fib6_metric;
	rt->rt6i_protocol = f->fib6_protocol;
	rt->rt6i_dst = f->fib6_dst;
	rt->rt6i_dst_len = f->fib6_dst_len;
	rt->rt6i_prefsrc = f->fib6_prefsrc;
	if (f->fib6_nh_has_gw)
		rt->rt6i_gateway = f->fib6_nh_gw;
	return rt;
}

struct fib6_info *fib6_info_alloc(const struct fib6_config *cfg, struct net_device *dev)
{
	struct fib6_info *f = kzalloc(sizeof(*f));
	struct net_device *dst_dev = dev;

	if (!f)
		return NULL;
	ipv6_addr_prefix(&f->fib6_dst, &cfg->fc_dst, cfg->fc_dst_len);
	f->fib6_dst_len = cfg->fc_dst_len;
	f->fib6_type = cfg->fc_type ? cfg->fc_type : RTN_UNICAST;
	f->fib6_protocol = cfg->fc_protocol;
	f->fib6_metric = cfg->fc_metric;
	f->fib6_flags = cfg->fc_flags;
	f->fib6_nh_dev = dev;
	f->fib6_nh_has_gw = cfg->fc_has_gw;
	f->fib6_nh_gw = cfg->fc_gateway;
	f->fib6_prefsrc = cfg->fc_prefsrc;
	f->fib6_mtu = cfg->fc_mtu;
	f->fib6_advmss = cfg->fc_advmss;
	f->fib6_hoplimit = cfg->fc_hoplimit;
	f->fib6_congctl = cfg->fc_congctl ? tcp_ca_find(cfg->fc_congctl) : NULL;
	f->fib6_congctl_locked = cfg->fc_congctl_lock;
	/* fib6_set_expires(): `expires N` (RTA_EXPIRES); fib6_add starts the GC */
	if (cfg->fc_expires_set) {
		f->fib6_flags |= RTF_EXPIRES;
		f->fib6_expires = world_now(dev_net(dev)->world) + (u64)cfg->fc_expires * NSEC_PER_SEC;
	}
	f->fib6_nh_weight = cfg->fc_weight ? cfg->fc_weight : 1;
	INIT_LIST_HEAD(&f->fib6_siblings);
	/* fib_nh_common_init(): the nexthop's lwtunnel state */
	if (lwtunnel_build_state(&cfg->fc_encap, &f->fib6_nh_lws, NULL)) {
		kfree(f);
		return NULL;
	}
	/* local routes send through lo (the kernel's rt6i dev for them) */
	if (f->fib6_type == RTN_LOCAL && dev_net(dev)->loopback_dev)
		dst_dev = dev_net(dev)->loopback_dev;
	f->rt6i = rt6_make_dst(f, dst_dev);
	if (!f->rt6i) {
		lwtstate_put(f->fib6_nh_lws);
		kfree(f);
		return NULL;
	}
	f->rt6i->dst.lwtstate = lwtstate_get(f->fib6_nh_lws);
	return f;
}

void fib6_info_release(struct fib6_info *f)
{
	if (f->fib6_nh_dev)
		rt6_flush_exceptions(dev_net(f->fib6_nh_dev), f);
	dst_release(&f->rt6i->dst);
	lwtstate_put(f->fib6_nh_lws);
	kfree(f);
}

/* ---- PMTU exceptions (rt6_exception) ---- */
static void rt6_remove_exception(struct rt6_exception *ex)
{
	list_del(&ex->list);
	dst_release(&ex->rt6i->dst);
	kfree(ex);
}

void rt6_flush_exceptions(struct net *net, const struct fib6_info *f)
{
	struct rt6_exception *ex, *tmp;

	if (!net->ipv6.rt6_exceptions.next)
		return;
	list_for_each_entry_safe(ex, tmp, &net->ipv6.rt6_exceptions, list)
		if (!f || ex->from == f)
			rt6_remove_exception(ex);
}

/* Removes what expired (rt6_age_exceptions, done at each use here). */
static void rt6_age_exceptions(struct net *net)
{
	struct rt6_exception *ex, *tmp;

	list_for_each_entry_safe(ex, tmp, &net->ipv6.rt6_exceptions, list)
		if (ex->rt6i->dst.expires && ex->rt6i->dst.expires <= net->world->now)
			rt6_remove_exception(ex);
}

struct rt6_exception *rt6_find_exception(struct net *net, const struct fib6_info *f,
					 const struct in6_addr *daddr)
{
	struct rt6_exception *ex;

	rt6_age_exceptions(net);
	list_for_each_entry(ex, &net->ipv6.rt6_exceptions, list)
		if (ex->from == f && ipv6_addr_equal(&ex->rt6i->rt6i_dst, daddr))
			return ex;
	return NULL;
}

/* The dst of f for daddr: its exception's when there is one. */
static struct dst_entry *rt6_dst_for(struct net *net, struct fib6_info *f,
				     const struct in6_addr *daddr)
{
	struct rt6_exception *ex = f->fib6_type == RTN_UNICAST ?
				   rt6_find_exception(net, f, daddr) : NULL;
	struct dst_entry *dst = ex ? &ex->rt6i->dst : &f->rt6i->dst;

	dst_hold(dst);
	return dst;
}

/* rt6_insert_exception(): a clone of f's dst for daddr alone */
static struct rt6_exception *rt6_insert_exception(struct net *net, struct fib6_info *f,
						  const struct in6_addr *daddr)
{
	struct rt6_exception *ex = kzalloc(sizeof(*ex));

	if (!ex)
		return NULL;
	ex->rt6i = rt6_make_dst(f, f->rt6i->dst.dev);
	if (!ex->rt6i) {
		kfree(ex);
		return NULL;
	}
	ex->from = f;
	ex->rt6i->rt6i_flags |= RTF_CACHE;
	ex->rt6i->rt6i_dst = *daddr;
	ex->rt6i->rt6i_dst_len = 128;
	list_add_tail(&ex->list, &net->ipv6.rt6_exceptions);
	return ex;
}

/* __ip6_rt_update_pmtu(): only ever lowers the MTU, never under 1280
 * (RFC 8201 4: a smaller one is taken as 1280) */
void ip6_update_pmtu(struct sk_buff *skb, struct net *net, u32 mtu, int oif)
{
	const struct ipv6hdr *iph = (const struct ipv6hdr *)skb->data;
	struct fib6_info *f = fib6_lookup(net, &iph->daddr, &iph->saddr, oif, NULL);
	struct rt6_exception *ex;

	if (!f || f->fib6_type != RTN_UNICAST)
		return;
	if (mtu < IPV6_MIN_MTU)
		mtu = IPV6_MIN_MTU;
	ex = rt6_find_exception(net, f, &iph->daddr);
	if (mtu >= ip6_dst_mtu(ex ? &ex->rt6i->dst : &f->rt6i->dst))
		return;
	if (!ex && !(ex = rt6_insert_exception(net, f, &iph->daddr)))
		return;
	ex->rt6i->dst.mtu = mtu;
	ex->rt6i->dst.expires = net->world->now +
				(u64)net->ipv6.sysctl_route_mtu_expires * 1000000000ull;
	skb_trace_note(skb, "ip6_update_pmtu", "route exception with the new MTU");
}

/* The route part of rt6_do_redirect(): an exception sends dest through
 * target (on-link when it is dest itself), replacing one there was.  Only
 * for the route whose first hop on dev is the redirect's sender, router
 * (__ip6_route_redirect: the route's gateway, or an earlier redirect's);
 * -ENOENT otherwise. */
int rt6_redirect_exception(struct net *net, struct net_device *dev, const struct in6_addr *dest,
			   const struct in6_addr *target, const struct in6_addr *router)
{
	struct fib6_info *f = fib6_lookup(net, dest, NULL, dev->ifindex, NULL);
	struct rt6_exception *ex;

	if (!f || f->fib6_type != RTN_UNICAST || f->fib6_nh_dev != dev)
		return -ENOENT;
	ex = rt6_find_exception(net, f, dest);
	if (!(f->fib6_nh_has_gw && ipv6_addr_equal(&f->fib6_nh_gw, router)) &&
	    !(ex && (ex->rt6i->rt6i_flags & RTF_GATEWAY) &&
	      ipv6_addr_equal(&ex->rt6i->rt6i_gateway, router)))
		return -ENOENT;
	if (ex)
		rt6_remove_exception(ex);
	if (!(ex = rt6_insert_exception(net, f, dest)))
		return -ENOMEM;
	ex->rt6i->rt6i_flags |= RTF_DYNAMIC | RTF_GATEWAY;
	if (ipv6_addr_equal(dest, target))
		ex->rt6i->rt6i_flags &= ~RTF_GATEWAY;
	ex->rt6i->rt6i_gateway = *target;
	return 0;
}

const struct in6_addr *rt6_nexthop(const struct rt6_info *rt, const struct in6_addr *daddr)
{
	if (rt->rt6i_flags & RTF_GATEWAY)
		return &rt->rt6i_gateway;
	return daddr;
}

int rt6_nexthop_linkdown(const struct fib6_info *rt)
{
	const struct net_device *dev = rt->fib6_nh_dev;

	return dev && rt->fib6_type != RTN_LOCAL && !(dev->flags & IFF_LOOPBACK) &&
	       !netif_carrier_ok(dev);
}

/* Through the rules (fib6_rule_lookup in fib6_rules.c). */
struct fib6_info *fib6_lookup(struct net *net, const struct in6_addr *daddr,
			      const struct in6_addr *saddr, int oif, u32 *table)
{
	struct fib6_info *f;
	struct flowi6 fl6;

	memset(&fl6, 0, sizeof(fl6));
	fl6.daddr = *daddr;
	if (saddr)
		fl6.saddr = *saddr;
	fl6.flowi6_oif = oif;
	f = fib6_rule_lookup(net, &fl6, table, NULL);
	return f ? fib6_select_path(net, f, &fl6) : NULL;
}

/* ip6_null_entry: no route at all */
static struct dst_entry *ip6_null_dst(struct net *net)
{
	struct fib6_config cfg;
	struct fib6_info *f;
	struct dst_entry *dst;

	memset(&cfg, 0, sizeof(cfg));
	cfg.fc_type = RTN_UNREACHABLE;
	if (!net->loopback_dev || !(f = fib6_info_alloc(&cfg, net->loopback_dev)))
		return NULL;
	dst = &f->rt6i->dst;
	dst_hold(dst);
	fib6_info_release(f);
	return dst;
}

void ip6_route_input(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	const struct ipv6hdr *iph = ipv6_hdr(skb);
	struct flowi6 fl6 = { .flowi6_iif = skb->dev->ifindex, .flowi6_mark = skb->mark,
			      .flowi6_proto = iph->nexthdr, .flowi6_tclass = ipv6_get_dsfield(iph),
			      .saddr = iph->saddr, .daddr = iph->daddr };
	struct fib6_info *f = fib6_rule_lookup(net, &fl6, NULL, NULL);
	struct dst_entry *dst;

	if (f)
		f = fib6_select_path(net, f, &fl6);
	/* link-local and multicast destinations stay on the arriving device */
	if (f && f->fib6_type == RTN_UNICAST && ipv6_addr_linklocal(&iph->daddr) &&
	    f->fib6_nh_dev != skb->dev)
		f = fib6_table_lookup(net, net->ipv6.fib6_main_tbl, &iph->daddr, skb->dev->ifindex);
	if (f) {
		dst = rt6_dst_for(net, f, &iph->daddr);
	} else {
		dst = ip6_null_dst(net);
	}
	skb_dst_set(skb, dst);
}

/* ip6_route_output() with the whole key: a socket's lookup carries its
 * traffic class (IPV6_TCLASS, matched by `ip -6 rule … dsfield`), protocol,
 * ports, mark and uid, as Linux's flowi6 does. */
struct dst_entry *ip6_route_output_flow(struct net *net, const struct flowi6 *fl6, int *err)
{
	struct fib6_info *f = fib6_rule_lookup(net, fl6, NULL, NULL);

	if (f)
		f = fib6_select_path(net, f, fl6);

	if (!f || f->fib6_type == RTN_UNREACHABLE || f->fib6_type == RTN_PROHIBIT ||
	    f->fib6_type == RTN_BLACKHOLE) {
		*err = !f || f->fib6_type == RTN_UNREACHABLE ? -ENETUNREACH :
		       f->fib6_type == RTN_PROHIBIT ? -EACCES : -EINVAL;
		return NULL;
	}
	return rt6_dst_for(net, f, &fl6->daddr);
}

struct dst_entry *ip6_route_output(struct net *net, const struct in6_addr *daddr,
				   const struct in6_addr *saddr, int oif, int *err)
{
	struct flowi6 fl6 = { .flowi6_oif = oif, .daddr = *daddr };

	if (saddr)
		fl6.saddr = *saddr;
	return ip6_route_output_flow(net, &fl6, err);
}

/* ---- multipath (fib6_select_path, rt6_multipath_hash) ---- */

/* Policy 0 hashes the addresses and the protocol (L3), 1 the ports too
 * (L4).  Linux keys its hash with a secret drawn at boot, so which path a
 * flow takes is not comparable with it; that a flow keeps to one path and
 * that flows spread by weight is (the same scheme as fib_multipath_hash). */
u32 rt6_multipath_hash(const struct net *net, const struct flowi6 *fl6)
{
	u32 h = 2166136261u, words[10];
	int n = 0;

	for (int i = 0; i < 4; i++) {
		words[n++] = fl6->saddr.s6_addr32[i];
		words[n++] = fl6->daddr.s6_addr32[i];
	}
	words[n++] = fl6->flowi6_proto;
	if (net->ipv6.sysctl_fib_multipath_hash_policy & 1)
		words[n++] = (u32)fl6->fl6_sport << 16 | fl6->fl6_dport;
	for (int i = 0; i < n; i++) {
		h ^= words[i];
		h *= 16777619u;
		h ^= h >> 15;
	}
	return h >> 1;
}

/* rt6_multipath_rebalance(): nexthop i owns the hash values up to
 * round(sum of the live weights through i << 31 / total) - 1 */
struct fib6_info *fib6_select_path(struct net *net, struct fib6_info *f,
				   const struct flowi6 *fl6)
{
	struct fib6_info *it, *last_live = NULL;
	u64 total = 0, w = 0;
	u32 hash;

	if (!f->fib6_nsiblings || fl6->flowi6_oif)
		return f;
	total = fib6_nh_dead(f) ? 0 : f->fib6_nh_weight;
	list_for_each_entry(it, &f->fib6_siblings, fib6_siblings)
		if (!fib6_nh_dead(it))
			total += it->fib6_nh_weight;
	if (!total)
		return f;
	hash = rt6_multipath_hash(net, fl6);
	it = f;
	do {
		if (!fib6_nh_dead(it)) {
			w += it->fib6_nh_weight;
			last_live = it;
			if ((u64)hash <= ((w << 31) + total / 2) / total - 1)
				return it;
		}
		it = list_entry(it->fib6_siblings.next, struct fib6_info, fib6_siblings);
	} while (it != f);
	return last_live;
}

/* ---- `ip -6 route add/del` ---- */
static int ip6_route_check_nh(struct net *net, struct fib6_config *cfg, struct net_device **dev,
			      struct netlink_ext_ack *extack)
{
	struct fib6_info *f;

	if (!cfg->fc_has_gw)
		return 0;
	cfg->fc_flags |= RTF_GATEWAY;
	if (*dev && ipv6_addr_linklocal(&cfg->fc_gateway))
		return 0;
	f = fib6_lookup(net, &cfg->fc_gateway, NULL, *dev ? (*dev)->ifindex : 0, NULL);
	if (f && f->fib6_type == RTN_LOCAL) {
		NL_SET_ERR_MSG(extack, "Gateway can not be a local address");
		return -EINVAL;
	}
	/* ip6_route_check_nh(): no route to it, a reject route or one through
	 * another gateway — EHOSTUNREACH without a message */
	if (!f || f->fib6_nh_has_gw || f->fib6_type != RTN_UNICAST)
		return -EHOSTUNREACH;
	if (!*dev)
		*dev = f->fib6_nh_dev;
	return 0;
}

static int ip6_route_dev(struct net *net, struct fib6_config *cfg, struct net_device **dev,
			 struct netlink_ext_ack *extack)
{
	int err;

	*dev = NULL;
	if (cfg->fc_ifindex && !(*dev = __dev_get_by_index(net, cfg->fc_ifindex)))
		return -ENODEV;
	if (cfg->fc_type == RTN_UNREACHABLE || cfg->fc_type == RTN_PROHIBIT ||
	    cfg->fc_type == RTN_BLACKHOLE) {
		*dev = net->loopback_dev;
		return 0;
	}
	err = ip6_route_check_nh(net, cfg, dev, extack);
	if (err)
		return err;
	if (!*dev)
		return -ENODEV;
	if (!((*dev)->flags & IFF_UP)) {
		NL_SET_ERR_MSG(extack, "Nexthop device is not up");
		return -ENETDOWN;
	}
	return 0;
}

/* ip6_route_info_create(): one route (or one nexthop of a multipath one) */
static int ip6_route_info_create(struct net *net, struct fib6_config *cfg,
				 struct fib6_info **out, struct netlink_ext_ack *extack)
{
	struct net_device *dev;
	int err;

	if (cfg->fc_dst_len > 128)
		return -EINVAL;
	if ((err = ip6_route_dev(net, cfg, &dev, extack)))
		return err;
	/* ip_metrics_convert(): RTAX_CC_ALGO names a congestion control */
	if (cfg->fc_congctl && !tcp_ca_find(cfg->fc_congctl)) {
		NL_SET_ERR_MSG(extack, "Unknown tcp congestion algorithm");
		return -EINVAL;
	}
	if (!cfg->fc_metric_set)
		cfg->fc_metric = IP6_RT_PRIO_USER;
	if (!cfg->fc_proto_set)
		cfg->fc_protocol = RTPROT_BOOT;
	if (!(*out = fib6_info_alloc(cfg, dev)))
		return -ENOMEM;
	return 0;
}

/* ip6_route_check_nh() for a gateway of another family's route: the route
 * to gw in table tb_id (else through the rules) must be a unicast one on
 * link, and through dev when one is given; without dev, its device is taken */
static int fib6_nh_gw_route(struct net *net, const struct in6_addr *gw, u32 tb_id,
			    struct net_device **devp)
{
	struct fib6_table *tb = tb_id ? fib6_get_table(net, tb_id) : NULL;
	int oif = *devp ? (*devp)->ifindex : 0;
	struct fib6_info *f = tb ? fib6_table_lookup(net, tb, gw, oif) : NULL;

	if (!f || f->fib6_nh_has_gw || f->fib6_type != RTN_UNICAST ||
	    (*devp && *devp != f->fib6_nh_dev))
		f = fib6_lookup(net, gw, NULL, oif, NULL);
	if (!f || f->fib6_nh_has_gw || f->fib6_type != RTN_UNICAST)
		return -EHOSTUNREACH;
	if (*devp)
		return *devp == f->fib6_nh_dev ? 0 : -EHOSTUNREACH;
	*devp = f->fib6_nh_dev;
	return 0;
}

/* ip6_route_check_nh_onlink(): a route to gw in main, other than the
 * default one, must be a unicast route through dev */
static int fib6_nh_gw_onlink(struct net *net, const struct in6_addr *gw,
			     const struct net_device *dev, struct netlink_ext_ack *extack)
{
	struct fib6_table *tb = fib6_get_table(net, RT_TABLE_MAIN);
	struct fib6_info *f = tb ? fib6_table_lookup(net, tb, gw, 0) : NULL;

	if (f && f->fib6_type != RTN_UNREACHABLE && f->fib6_type != RTN_PROHIBIT &&
	    f->fib6_type != RTN_BLACKHOLE && f->fib6_dst_len &&
	    (f->fib6_type != RTN_UNICAST || f->fib6_nh_dev != dev)) {
		NL_SET_ERR_MSG(extack, "Nexthop has invalid gateway or device mismatch");
		return -EINVAL;
	}
	return 0;
}

/* ip6_validate_gw(): a local, multicast or unspecified gateway is refused;
 * a global one must be on link (a route without gateway leads to it);
 * the egress device, found or given, is not the loopback device */
static int fib6_nh_validate_gw(struct net *net, const struct in6_addr *gw, u32 tb_id,
			       bool onlink, struct net_device **devp,
			       struct netlink_ext_ack *extack)
{
	int type = ipv6_addr_type(gw);
	bool any_dev = !(type & IPV6_ADDR_LINKLOCAL);
	bool need_addr_check = !*devp;
	int err;

	if (*devp && ipv6_get_ifaddr(net, gw, any_dev ? NULL : *devp)) {
		NL_SET_ERR_MSG(extack, "Gateway can not be a local address");
		return -EINVAL;
	}
	if (type != (IPV6_ADDR_LINKLOCAL | IPV6_ADDR_UNICAST)) {
		if (!(type & (IPV6_ADDR_UNICAST | IPV6_ADDR_MAPPED))) {
			NL_SET_ERR_MSG(extack, "Invalid gateway address");
			return -EINVAL;
		}
		err = onlink ? fib6_nh_gw_onlink(net, gw, *devp, extack) :
			       fib6_nh_gw_route(net, gw, tb_id, devp);
		if (err)
			return err;
	}
	if (!*devp) {
		NL_SET_ERR_MSG(extack, "Egress device not specified");
		return -EINVAL;
	}
	if ((*devp)->flags & IFF_LOOPBACK) {
		NL_SET_ERR_MSG(extack, "Egress device can not be loopback device for this route");
		return -EINVAL;
	}
	if (need_addr_check && ipv6_get_ifaddr(net, gw, any_dev ? NULL : *devp)) {
		NL_SET_ERR_MSG(extack, "Gateway can not be a local address");
		return -EINVAL;
	}
	return 0;
}

/* fib6_nh_init()'s checks of an IPv6 gateway, for an IPv4 route through it
 * (RFC 5549: fib_check_nh_v6_gw() in net/ipv4/fib_semantics.c).  oif is
 * the device given or 0; tb_id the IPv4 route's table, looked up first.
 * Returns 0 and the egress device in *devp, or -errno with the message. */
int fib6_nh_check_gw(struct net *net, const struct in6_addr *gw, int oif, bool onlink,
		     u32 tb_id, struct net_device **devp, struct netlink_ext_ack *extack)
{
	struct net_device *dev = NULL;
	struct inet6_dev *idev;
	int err;

	if (oif && (!(dev = __dev_get_by_index(net, oif)) || !__in6_dev_get(dev)))
		return -ENODEV;
	if (onlink) {
		if (!dev) {
			NL_SET_ERR_MSG(extack, "Nexthop device required for onlink");
			return -ENODEV;
		}
		if (!(dev->flags & IFF_UP)) {
			NL_SET_ERR_MSG(extack, "Nexthop device is not up");
			return -ENETDOWN;
		}
	}
	if ((err = fib6_nh_validate_gw(net, gw, tb_id, onlink, &dev, extack)))
		return err;
	idev = __in6_dev_get(dev);
	if (!idev || idev->cnf.data[DEVCONF_DISABLE_IPV6]) {
		NL_SET_ERR_MSG(extack, "IPv6 is disabled on nexthop device");
		return -EACCES;
	}
	if (!(dev->flags & IFF_UP)) {
		NL_SET_ERR_MSG(extack, "Nexthop device is not up");
		return -ENETDOWN;
	}
	*devp = dev;
	return 0;
}

static struct fib6_table *ip6_route_table(struct net *net, const struct fib6_config *cfg)
{
	return (cfg->fc_nlflags & NLM_F_CREATE) ? fib6_new_table(net, cfg->fc_table) :
						  fib6_get_table(net, cfg->fc_table);
}

/* ip6_route_multipath_add(): every nexthop is a route of its own; the
 * first goes in with the request's flags, the others as its siblings.  A
 * bad nexthop or a duplicate undoes what went in. */
static int ip6_route_multipath_add(struct net *net, struct fib6_config *cfg,
				   struct netlink_ext_ack *extack)
{
	struct fib6_info *rts[FIB6_MAX_NEXTHOPS];
	int n = cfg->fc_mp_len, created, added = 0, err = 0;
	struct fib6_table *tb;

	for (created = 0; created < n; created++) {
		struct fib6_config c = *cfg;

		c.fc_mp_len = 0;
		c.fc_gateway = cfg->fc_mp[created].gw;
		c.fc_has_gw = cfg->fc_mp[created].has_gw;
		c.fc_ifindex = cfg->fc_mp[created].ifindex;
		c.fc_weight = cfg->fc_mp[created].weight;
		c.fc_encap = cfg->fc_mp_encap[created];
		if ((err = ip6_route_info_create(net, &c, &rts[created], extack)))
			goto out;
	}
	if (!(tb = ip6_route_table(net, cfg))) {
		err = -ESRCH;
		goto out;
	}
	for (; added < n; added++) {
		u32 fl = added ? (cfg->fc_nlflags & ~(NLM_F_EXCL | NLM_F_REPLACE)) | NLM_F_CREATE :
				 cfg->fc_nlflags;

		fl |= n > 1 ? FIB6_SKIP_NOTIFY : 0;

		if ((err = fib6_add(tb, rts[added], fl)))
			break;
	}
	if (!err)
		inet6_rt_notify(RTM_NEWROUTE, rts[0], net, cfg->fc_nlflags);
	if (!err)
		return 0;
	for (int j = 0; j < added; j++)
		fib6_del(rts[j]);
out:
	for (int j = added; j < created; j++)
		fib6_info_release(rts[j]);
	return err;
}

/* rtm_to_fib6_config(): a route request with a dsfield (`ip -6 route add
 * … tos 0x04`) is refused; IPv6 matches the class in rules only */
/* rtm_to_fib6_config(): no dsfield; the encap types (RTA_ENCAP_TYPE and
 * each RTA_MULTIPATH nexthop's) are ones this kernel has */
static int rtm_fib6_tos_check(const struct fib6_config *cfg, struct netlink_ext_ack *extack)
{
	int err;

	if (cfg->fc_tos) {
		NL_SET_ERR_MSG(extack, "Invalid dsfield (tos): option not available for IPv6.");
		return -EINVAL;
	}
	for (int i = 0; i < cfg->fc_mp_len; i++)
		if (cfg->fc_mp_encap[i].type &&
		    (err = lwtunnel_valid_encap_type(cfg->fc_mp_encap[i].type, extack)))
			return err;
	if (cfg->fc_encap.type)
		return lwtunnel_valid_encap_type(cfg->fc_encap.type, extack);
	return 0;
}

int ip6_route_add(struct net *net, struct fib6_config *cfg, struct netlink_ext_ack *extack)
{
	struct fib6_table *tb;
	struct fib6_info *f;
	int err;

	if ((err = rtm_fib6_tos_check(cfg, extack)))
		return err;
	if (cfg->fc_mp_len > 1)
		return ip6_route_multipath_add(net, cfg, extack);
	if (cfg->fc_mp_len == 1) {	/* one nexthop given as RTA_MULTIPATH */
		cfg->fc_gateway = cfg->fc_mp[0].gw;
		cfg->fc_has_gw = cfg->fc_mp[0].has_gw;
		cfg->fc_ifindex = cfg->fc_mp[0].ifindex;
		cfg->fc_weight = cfg->fc_mp[0].weight;
		cfg->fc_encap = cfg->fc_mp_encap[0];
		cfg->fc_mp_len = 0;
	}
	if ((err = ip6_route_info_create(net, cfg, &f, extack)))
		return err;
	if (!(tb = ip6_route_table(net, cfg))) {
		fib6_info_release(f);
		return -ESRCH;
	}
	if ((err = fib6_add(tb, f, cfg->fc_nlflags)))
		fib6_info_release(f);
	return err;
}

static bool fib6_del_match(const struct fib6_info *f, const struct fib6_config *cfg)
{
	if (f->fib6_dst_len != cfg->fc_dst_len ||
	    !ipv6_prefix_equal(&f->fib6_dst, &cfg->fc_dst, cfg->fc_dst_len))
		return false;
	if (cfg->fc_ifindex && (!f->fib6_nh_dev || f->fib6_nh_dev->ifindex != cfg->fc_ifindex))
		return false;
	if (cfg->fc_has_gw && (!f->fib6_nh_has_gw ||
			       !ipv6_addr_equal(&f->fib6_nh_gw, &cfg->fc_gateway)))
		return false;
	if (cfg->fc_metric_set && cfg->fc_metric != f->fib6_metric)
		return false;
	if (cfg->fc_proto_set && cfg->fc_protocol != f->fib6_protocol)
		return false;
	return true;
}

/* ip6_route_del(): with a gateway only that nexthop goes, else the whole
 * route with its siblings (__ip6_del_rt_siblings); a multipath request
 * names each nexthop (ip6_route_multipath_del) */
int ip6_route_del(struct net *net, struct fib6_config *cfg, struct netlink_ext_ack *extack)
{
	struct fib6_table *tb = fib6_get_table(net, cfg->fc_table);
	struct fib6_info *f;
	int last_err = rtm_fib6_tos_check(cfg, extack);

	if (last_err)
		return last_err;
	if (!tb)
		return -ESRCH;
	for (int i = 0; i < cfg->fc_mp_len; i++) {
		struct fib6_config c = *cfg;

		c.fc_mp_len = 0;
		c.fc_gateway = cfg->fc_mp[i].gw;
		c.fc_has_gw = cfg->fc_mp[i].has_gw;
		c.fc_ifindex = cfg->fc_mp[i].ifindex;
		if (ip6_route_del(net, &c, extack))
			last_err = -ESRCH;
	}
	if (cfg->fc_mp_len)
		return last_err;
	list_for_each_entry(f, &tb->tb6_routes, fib6_node)
		if (fib6_del_match(f, cfg)) {
			if (cfg->fc_has_gw)
				return fib6_del(f);
			fib6_del_group(f);
			return 0;
		}
	return -ESRCH;
}

/* ---- addrconf's routes ---- */
static int addrconf_route(struct net *net, struct fib6_config *cfg, struct net_device *dev,
			  bool add)
{
	struct fib6_table *tb = fib6_get_table(net, cfg->fc_table);
	struct fib6_info *f;
	int err;

	cfg->fc_protocol = RTPROT_KERNEL;
	cfg->fc_ifindex = dev->ifindex;
	cfg->fc_metric_set = cfg->fc_proto_set = true;
	if (!add)
		return ip6_route_del(net, cfg, NULL);
	if (!tb || !(f = fib6_info_alloc(cfg, dev)))
		return -ENOMEM;
	if ((err = fib6_add(tb, f, NLM_F_CREATE)))
		fib6_info_release(f);
	return err;
}

int addrconf_prefix_route(struct net *net, const struct in6_addr *pfx, int plen, u32 metric,
			  struct net_device *dev, bool add)
{
	struct fib6_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.fc_table = RT_TABLE_MAIN;
	cfg.fc_dst = *pfx;
	cfg.fc_dst_len = (u8)plen;
	cfg.fc_metric = metric;
	cfg.fc_type = RTN_UNICAST;
	cfg.fc_flags = RTF_ADDRCONF;
	return addrconf_route(net, &cfg, dev, add);
}

int addrconf_local_route(struct net *net, const struct in6_addr *addr, struct net_device *dev,
			 bool add)
{
	struct fib6_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.fc_table = RT_TABLE_LOCAL;
	cfg.fc_dst = *addr;
	cfg.fc_dst_len = 128;
	cfg.fc_type = RTN_LOCAL;
	cfg.fc_flags = RTF_LOCAL;
	cfg.fc_prefsrc = *addr;
	return addrconf_route(net, &cfg, dev, add);
}

int addrconf_add_mroute(struct net *net, struct net_device *dev, bool add)
{
	struct fib6_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.fc_table = RT_TABLE_LOCAL;
	cfg.fc_dst.s6_addr[0] = 0xff;
	cfg.fc_dst_len = 8;
	cfg.fc_metric = IP6_RT_PRIO_ADDRCONF;
	cfg.fc_type = RTN_MULTICAST;
	return addrconf_route(net, &cfg, dev, add);
}

/* ---- the reject routes' input ---- */
static int ip6_pkt_drop(struct sk_buff *skb, u8 code)
{
	struct net *net = dev_net(skb->dev);

	__IP6_INC_STATS(net, IPSTATS6_MIB_INNOROUTES);
	icmpv6_send(skb, 1 /* ICMPV6_DEST_UNREACH */, code, 0);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_INNOROUTES);
	return 0;
}

int ip6_pkt_discard(struct sk_buff *skb)
{
	return ip6_pkt_drop(skb, 0 /* ICMPV6_NOROUTE */);
}

static int ip6_pkt_prohibit(struct sk_buff *skb)
{
	return ip6_pkt_drop(skb, 1 /* ICMPV6_ADM_PROHIBITED */);
}

static int ip6_blackhole(struct sk_buff *skb)
{
	kfree_skb(skb);
	return 0;
}

int ip6_pkt_discard_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)sk;
	__IP6_INC_STATS(net, IPSTATS6_MIB_OUTNOROUTES);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
	return 0;
}
