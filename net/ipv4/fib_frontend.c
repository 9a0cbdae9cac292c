/* net/ipv4/fib_frontend.c — the FIB's front door.
 *
 * Corresponds to Linux net/ipv4/fib_frontend.c.  Packet path: route.c's
 * ip_route_input_noref()/ip_route_output_key() call fib_lookup() (rules or
 * local → main → default) and fib_validate_source() (rp_filter,
 * accept_local, martian sources) from here.  Control path: `ip route
 * add/del` → inet_rtm_newroute()/delroute(); address and device events →
 * fib_add_ifaddr()/fib_del_ifaddr()/fib_netdev_event(), which maintain the
 * kernel-owned routes (local, broadcast, prefix) exactly as Linux 6.x.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "net/ip_fib.h"
#include "net/arp.h"
#include "net/route.h"
#include "net/rtnetlink.h"
#include "net/net_namespace.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"

#define LOOPBACK_IFINDEX 1

/* 0.0.0.0 only, as Linux >= 5.3: the rest of 0/8 is unicast */
static inline bool ipv4_is_zeronet(__be32 a) { return a == 0; }
static inline bool ipv4_is_lbcast(__be32 a) { return a == htonl(0xFFFFFFFF); }
static inline bool ipv4_is_multicast(__be32 a) { return (ntohl(a) & 0xF0000000) == 0xE0000000; }

struct fib_table *fib_get_table(struct net *net, u32 id)
{
	struct fib_table *tb;

	if (!id || id == RT_TABLE_MAIN)
		return net->ipv4.fib_main;
	if (id == RT_TABLE_LOCAL)
		return net->ipv4.fib_local;
	list_for_each_entry(tb, &net->ipv4.fib_tables, tb_list)
		if (tb->tb_id == id)
			return tb;
	return NULL;
}

/* Without custom rules the local table is made as an alias of main's
 * prefixes (Linux's fib_new_table()): fib_lookup() then finds local and
 * main routes in one table lookup. */
struct fib_table *fib_new_table(struct net *net, u32 id)
{
	struct fib_table *tb, *pos, *alias = NULL;

	if (!id)
		id = RT_TABLE_MAIN;
	tb = fib_get_table(net, id);
	if (tb)
		return tb;
	if (id == RT_TABLE_LOCAL && !net->ipv4.fib_has_custom_rules) {
		alias = fib_new_table(net, RT_TABLE_MAIN);
		if (!alias)
			return NULL;
	}
	tb = fib_trie_table(id, alias);
	if (!tb)
		return NULL;
	list_for_each_entry(pos, &net->ipv4.fib_tables, tb_list)
		if (pos->tb_id > id)
			break;
	__list_add(&tb->tb_list, pos->tb_list.prev, &pos->tb_list);
	if (id == RT_TABLE_MAIN)
		net->ipv4.fib_main = tb;
	else if (id == RT_TABLE_LOCAL)
		net->ipv4.fib_local = tb;
	else if (id == RT_TABLE_DEFAULT)
		net->ipv4.fib_default = tb;
	return tb;
}

static int fib_lookup_in(struct fib_table *tb, struct flowi4 *flp, struct fib_result *res,
			 unsigned int flags, u32 pref)
{
	int err;

	if (!tb)
		return -EAGAIN;
	err = fib_table_lookup(tb, flp, res, flags);
	if (err != -EAGAIN)
		res->rule_pref = pref;
	return err;
}

/* fib_unmerge(): the first custom rule (added or deleted) splits local
 * from main, as fib4_rule_configure()/fib4_rule_delete() do on Linux; the
 * rules decide from then on.  -ENOMEM leaves the tables merged. */
int fib_unmerge(struct net *net)
{
	struct fib_table *local = net->ipv4.fib_local;
	int err;

	if (!local || local->tb_data == local)
		return 0;
	err = fib_trie_unmerge(local);
	if (!err)
		net->ipv4.fib_has_custom_rules = true;	/* merged <=> no custom rules */
	return err;
}

/* Without custom rules the kernel looks up its merged local+main table,
 * then the default table; with them, the rules decide.  The rule a merged
 * lookup stands for is that of the route's own table (0 local, 32766 main). */
int fib_lookup(struct net *net, struct flowi4 *flp, struct fib_result *res,
	       unsigned int flags)
{
	int err;

	res->tclassid = 0;
	if (net->ipv4.fib_has_custom_rules) {
		err = fib_rules_lookup(net, flp, res, flags);
		if (err == -ESRCH)
			err = -ENETUNREACH;
		return err;
	}
	err = fib_lookup_in(net->ipv4.fib_main, flp, res, flags, 32766);
	if (err != -EAGAIN && fib_res_table_id(res) == RT_TABLE_LOCAL)
		res->rule_pref = 0;
	if (err && net->ipv4.fib_default && net->ipv4.fib_default->entries)
		err = fib_lookup_in(net->ipv4.fib_default, flp, res, flags, 32767);
	if (err == -EAGAIN)
		err = -ENETUNREACH;
	return err;
}

static unsigned int __inet_dev_addr_type(struct net *net, const struct net_device *dev,
					 __be32 addr, u32 tb_id)
{
	struct flowi4 fl4 = { .daddr = addr };
	struct fib_result res = { 0 };
	struct fib_table *table;
	unsigned int ret = RTN_BROADCAST;

	if (ipv4_is_zeronet(addr) || ipv4_is_lbcast(addr))
		return RTN_BROADCAST;
	if (ipv4_is_multicast(addr))
		return RTN_MULTICAST;
	table = fib_get_table(net, tb_id);
	if (table) {
		ret = RTN_UNICAST;
		if (!fib_table_lookup(table, &fl4, &res, FIB_LOOKUP_NOREF) &&
		    (!dev || dev == res.nhc->fib_nh_dev))
			ret = res.type;
	}
	return ret;
}

unsigned int inet_addr_type_table(struct net *net, __be32 addr, u32 tb_id)
{
	return __inet_dev_addr_type(net, NULL, addr, tb_id);
}

unsigned int inet_addr_type(struct net *net, __be32 addr)
{
	return __inet_dev_addr_type(net, NULL, addr, RT_TABLE_LOCAL);
}

unsigned int inet_dev_addr_type(struct net *net, const struct net_device *dev, __be32 addr)
{
	return __inet_dev_addr_type(net, dev, addr, RT_TABLE_LOCAL);
}

__be32 fib_result_prefsrc(struct net *net, struct fib_result *res)
{
	struct fib_nh *nh = res->nhc;

	(void)net;
	if (res->fi->fib_prefsrc)
		return res->fi->fib_prefsrc;
	if (!nh || !nh->fib_nh_dev)
		return 0;
	nh->nh_saddr = inet_select_addr(nh->fib_nh_dev, nh->fib_nh_gw4, res->fi->fib_scope);
	return nh->nh_saddr;
}

/* __fib_validate_source(): reverse lookup of the source. */
static int __fib_validate_source(struct sk_buff *skb, __be32 src, __be32 dst, u8 tos, int oif,
				 struct net_device *dev, int rpf, struct in_device *idev,
				 u32 *itag)
{
	struct net *net = dev_net(dev);
	struct fib_result res = { 0 };
	struct flowi4 fl4 = {
		.flowi4_iif = oif ? oif : LOOPBACK_IFINDEX,
		.daddr = src, .saddr = dst, .flowi4_tos = tos,
		.flowi4_scope = RT_SCOPE_UNIVERSE,
	};
	bool no_addr = list_empty(&idev->ifa_list);

	fl4.flowi4_mark = (IN_DEV_SRC_VMARK(idev) && skb) ? skb->mark : 0;
	if (fib_lookup(net, &fl4, &res, 0))
		goto last_resort;
	if (res.type != RTN_UNICAST &&
	    (res.type != RTN_LOCAL || !IN_DEV_ACCEPT_LOCAL(idev)))
		return -EINVAL;
	*itag = 0;
	if ((res.nhc && res.nhc->fib_nh_dev == dev) ||
	    (res.type == RTN_LOCAL && dev == net->loopback_dev))
		return res.nhc && res.nhc->fib_nh_scope >= RT_SCOPE_HOST;
	if (no_addr)
		goto last_resort;
	if (rpf == 1)
		return -EXDEV;
	fl4.flowi4_oif = dev->ifindex;
	if (fib_lookup(net, &fl4, &res, FIB_LOOKUP_IGNORE_LINKSTATE) == 0 &&
	    res.type == RTN_UNICAST)
		return res.nhc->fib_nh_scope >= RT_SCOPE_HOST;
	return 0;
last_resort:
	if (rpf)
		return -EXDEV;
	*itag = 0;
	return 0;
}

/* Returns 1 when the source is directly connected (RTCF_DIRECTSRC), 0 when
 * acceptable, -EINVAL for a martian source (a local address, or a route of
 * the wrong type), -EXDEV when reverse-path filtering rejects it. */
int fib_validate_source(struct sk_buff *skb, __be32 src, __be32 dst, u8 tos,
			int oif, struct net_device *dev, struct in_device *idev,
			u32 *itag)
{
	int r = IN_DEV_RPFILTER(idev);
	struct net *net = dev_net(dev);

	if (!r && (dev->ifindex != oif || !IN_DEV_TX_REDIRECTS(idev))) {
		if (IN_DEV_ACCEPT_LOCAL(idev))
			goto ok;
		if (net->ipv4.fib_has_custom_rules)
			goto full_check;
		if (inet_lookup_ifaddr_rcu(net, src))
			return -EINVAL;
ok:
		*itag = 0;
		return 0;
	}
full_check:
	return __fib_validate_source(skb, src, dst, tos, oif, dev, r, idev, itag);
}

static void fib_magic(bool add, int type, __be32 dst, int dst_len, struct in_ifaddr *ifa,
		      u32 rt_priority)
{
	struct net *net = dev_net(ifa->ifa_dev->dev);
	struct fib_config cfg = {
		.fc_protocol = RTPROT_KERNEL,
		.fc_type = type,
		.fc_dst = dst,
		.fc_dst_len = dst_len,
		.fc_priority = rt_priority,
		.fc_prefsrc = ifa->ifa_local,
		.fc_oif = ifa->ifa_dev->dev->ifindex,
		.fc_nlflags = NLM_F_CREATE | NLM_F_APPEND,
		.fc_nlinfo_net = net,
		.fc_scope = type != RTN_LOCAL ? RT_SCOPE_LINK : RT_SCOPE_HOST,
		.fc_scope_given = true,
	};
	struct fib_table *tb;

	tb = fib_new_table(net, type == RTN_UNICAST ? RT_TABLE_MAIN : RT_TABLE_LOCAL);
	if (!tb)
		return;
	cfg.fc_table = tb->tb_id;
	if (add)
		fib_table_insert(net, tb, &cfg, NULL);
	else
		fib_table_delete(net, tb, &cfg, NULL);
}

void fib_add_ifaddr(struct in_ifaddr *ifa)
{
	struct in_device *in_dev = ifa->ifa_dev;
	struct net_device *dev = in_dev->dev;
	struct in_ifaddr *prim = ifa;
	__be32 mask = ifa->ifa_mask;
	__be32 addr = ifa->ifa_local;
	__be32 prefix = ifa->ifa_address & mask;

	if (ifa->ifa_flags & IFA_F_SECONDARY) {
		prim = inet_ifa_byprefix(in_dev, prefix, mask);
		if (!prim)
			return;
	}
	fib_magic(true, RTN_LOCAL, addr, 32, prim, 0);
	if (!(dev->flags & IFF_UP))
		return;
	if (ifa->ifa_broadcast && ifa->ifa_broadcast != htonl(0xFFFFFFFF)) {
		fib_magic(true, RTN_BROADCAST, ifa->ifa_broadcast, 32, prim, 0);
		arp_invalidate(dev, ifa->ifa_broadcast, false);
	}
	if (!ipv4_is_zeronet(prefix) && !(ifa->ifa_flags & IFA_F_SECONDARY) &&
	    (prefix != addr || ifa->ifa_prefixlen < 32)) {
		if (!(ifa->ifa_flags & IFA_F_NOPREFIXROUTE))
			fib_magic(true, dev->flags & IFF_LOOPBACK ? RTN_LOCAL : RTN_UNICAST,
				  prefix, ifa->ifa_prefixlen, prim, ifa->ifa_rt_priority);
		if (ifa->ifa_prefixlen < 31) {
			fib_magic(true, RTN_BROADCAST, prefix | ~mask, 32, prim, 0);
			arp_invalidate(dev, prefix | ~mask, false);
		}
	}
}

void fib_modify_prefix_route(struct in_ifaddr *ifa, u32 new_metric)
{
	__be32 prefix = ifa->ifa_address & ifa->ifa_mask;
	struct net_device *dev = ifa->ifa_dev->dev;
	int type = dev->flags & IFF_LOOPBACK ? RTN_LOCAL : RTN_UNICAST;

	if (!(dev->flags & IFF_UP) || (ifa->ifa_flags & (IFA_F_SECONDARY | IFA_F_NOPREFIXROUTE)) ||
	    ipv4_is_zeronet(prefix) || (prefix == ifa->ifa_local && ifa->ifa_prefixlen == 32))
		return;
	fib_magic(true, type, prefix, ifa->ifa_prefixlen, ifa, new_metric);	/* the new */
	fib_magic(false, type, prefix, ifa->ifa_prefixlen, ifa, ifa->ifa_rt_priority);
}

#define LOCAL_OK 1
#define BRD_OK 2
#define BRD0_OK 4
#define BRD1_OK 8

struct fib_del_state {
	struct in_ifaddr *ifa, *prim, *prim1, *iprim;
	__be32 brd, any;
	unsigned int ok;
	bool gone, same_prefsrc;
};

/* One address of the device: does it keep the deleted address's routes? */
static bool fib_del_uses_prim(struct fib_del_state *s, struct in_ifaddr *ifa1)
{
	if (ifa1->ifa_flags & IFA_F_SECONDARY) {
		if (ifa1->ifa_mask == s->prim->ifa_mask && inet_ifa_match(ifa1->ifa_address, s->prim)) {
			s->prim1 = s->prim;
			return true;
		}
		if (!s->same_prefsrc)
			return false;
		if (!s->prim1 || ifa1->ifa_mask != s->prim1->ifa_mask ||
		    !inet_ifa_match(ifa1->ifa_address, s->prim1))
			s->prim1 = inet_ifa_byprefix(s->ifa->ifa_dev, ifa1->ifa_address,
						     ifa1->ifa_mask);
		return s->prim1 && s->prim1->ifa_local == s->prim->ifa_local;
	}
	if (s->prim->ifa_local != ifa1->ifa_local)
		return false;
	s->prim1 = ifa1;
	if (s->prim != s->prim1)
		s->same_prefsrc = true;
	return true;
}

static void fib_del_scan_one(struct fib_del_state *s, struct in_ifaddr *ifa1)
{
	struct in_ifaddr *ifa = s->ifa;

	if (ifa1 == ifa) {
		s->gone = false;
		return;
	}
	if (s->iprim && ifa1->ifa_mask == s->iprim->ifa_mask &&
	    inet_ifa_match(ifa1->ifa_address, s->iprim))
		return;
	if (!fib_del_uses_prim(s, ifa1))
		return;
	if (ifa->ifa_local == ifa1->ifa_local)
		s->ok |= LOCAL_OK;
	if (ifa->ifa_broadcast == ifa1->ifa_broadcast)
		s->ok |= BRD_OK;
	if (s->brd == ifa1->ifa_broadcast)
		s->ok |= BRD1_OK;
	if (s->any == ifa1->ifa_broadcast)
		s->ok |= BRD0_OK;
	if (s->prim1 == ifa1 && ifa1->ifa_prefixlen < 31) {
		__be32 brd1 = ifa1->ifa_address | ~ifa1->ifa_mask;
		__be32 any1 = ifa1->ifa_address & ifa1->ifa_mask;

		if (!ipv4_is_zeronet(any1)) {
			if (ifa->ifa_broadcast == brd1 || ifa->ifa_broadcast == any1)
				s->ok |= BRD_OK;
			if (s->brd == brd1 || s->brd == any1)
				s->ok |= BRD1_OK;
			if (s->any == brd1 || s->any == any1)
				s->ok |= BRD0_OK;
		}
	}
}

static int fib_sync_down_addr_one(struct fib_table *tb, struct fib_prefix *p,
				  struct fib_alias *fa, void *arg)
{
	__be32 local = *(__be32 *)arg;

	(void)tb; (void)p;
	if (fa->fa_info->fib_prefsrc == local) {
		fa->fa_info->fib_flags |= RTNH_F_DEAD;
		fa->fa_info->fib_nh[0].fib_nh_flags |= RTNH_F_DEAD;
	}
	return 0;
}

/* fib_sync_down_addr() + fib_flush(): routes whose prefsrc vanished. */
static void fib_flush_prefsrc(struct net *net, __be32 local)
{
	struct fib_table *tb;

	list_for_each_entry(tb, &net->ipv4.fib_tables, tb_list)
		fib_table_walk(tb, fib_sync_down_addr_one, &local);
	list_for_each_entry(tb, &net->ipv4.fib_tables, tb_list)
		fib_table_flush(net, tb, false);
}

static void fib_del_routes(struct fib_del_state *s, bool subnet)
{
	struct in_ifaddr *ifa = s->ifa;
	struct net_device *dev = ifa->ifa_dev->dev;

	if (!(s->ok & BRD_OK))
		fib_magic(false, RTN_BROADCAST, ifa->ifa_broadcast, 32, s->prim, 0);
	if (subnet && ifa->ifa_prefixlen < 31) {
		if (!(s->ok & BRD1_OK))
			fib_magic(false, RTN_BROADCAST, s->brd, 32, s->prim, 0);
		if (!(s->ok & BRD0_OK))
			fib_magic(false, RTN_BROADCAST, s->any, 32, s->prim, 0);
	}
	if (!(s->ok & LOCAL_OK)) {
		fib_magic(false, RTN_LOCAL, ifa->ifa_local, 32, s->prim, 0);
		if (s->gone && inet_dev_addr_type(dev_net(dev), dev, ifa->ifa_local) != RTN_LOCAL)
			fib_flush_prefsrc(dev_net(dev), ifa->ifa_local);
	}
}

void fib_del_ifaddr(struct in_ifaddr *ifa, struct in_ifaddr *iprim)
{
	struct in_device *in_dev = ifa->ifa_dev;
	struct net_device *dev = in_dev->dev;
	struct fib_del_state s = {
		.ifa = ifa, .prim = ifa, .iprim = iprim, .gone = true,
		.brd = ifa->ifa_address | ~ifa->ifa_mask,
		.any = ifa->ifa_address & ifa->ifa_mask,
	};
	struct in_ifaddr *ifa1;
	bool subnet = false;

	if (ifa->ifa_flags & IFA_F_SECONDARY) {
		s.prim = inet_ifa_byprefix(in_dev, s.any, ifa->ifa_mask);
		if (!s.prim || (iprim && iprim != s.prim))
			return;
	} else if (!ipv4_is_zeronet(s.any) &&
		   (s.any != ifa->ifa_local || ifa->ifa_prefixlen < 32)) {
		if (!(ifa->ifa_flags & IFA_F_NOPREFIXROUTE))
			fib_magic(false, dev->flags & IFF_LOOPBACK ? RTN_LOCAL : RTN_UNICAST,
				  s.any, ifa->ifa_prefixlen, s.prim, 0);
		subnet = true;
	}
	if (!in_dev->dead)
		in_dev_for_each_ifa(ifa1, in_dev)
			fib_del_scan_one(&s, ifa1);
	fib_del_routes(&s, subnet);
}

static void fib_disable_ip(struct net_device *dev, unsigned long event, bool force)
{
	struct net *net = dev_net(dev);
	struct fib_table *tb;

	if (fib_sync_down_dev(dev, event, force)) {
		list_for_each_entry(tb, &net->ipv4.fib_tables, tb_list)
			fib_table_flush(net, tb, false);
	} else {
		rt_cache_flush(net);
	}
	rt_flush_dev(dev);
}

/* The FIB's netdevice notifier (fib_netdev_event in the kernel). */
int fib_netdev_event(struct net_device *dev, unsigned long event)
{
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	struct net *net = dev_net(dev);
	struct in_ifaddr *ifa;

	switch (event) {
	case NETDEV_REGISTER:
	case NETDEV_CHANGENAME:
		fib_rules_event(dev, event);
		return 0;
	case NETDEV_UNREGISTER:
		fib_rules_event(dev, event);
		fib_disable_ip(dev, event, true);
		return 0;
	}
	if (!in_dev)
		return 0;
	switch (event) {
	case NETDEV_UP:
		if (dev->flags & IFF_LOOPBACK)	/* 127.0.0.1/8, unless there */
			inetdev_lo_up(in_dev);
		in_dev_for_each_ifa(ifa, in_dev)
			fib_add_ifaddr(ifa);
		fib_sync_up(dev, RTNH_F_DEAD);
		rt_cache_flush(net);
		break;
	case NETDEV_DOWN:
		fib_disable_ip(dev, event, false);
		break;
	case NETDEV_CHANGE:
		if (netif_running(dev) && netif_carrier_ok(dev))
			fib_sync_up(dev, RTNH_F_LINKDOWN);
		else
			fib_sync_down_dev(dev, event, false);
		rt_cache_flush(net);
		break;
	}
	return 0;
}

static void fib_default_scope(struct fib_config *cfg)
{
	if (cfg->fc_scope_given)
		return;
	switch (cfg->fc_type) {
	case RTN_LOCAL:
	case RTN_NAT:
		cfg->fc_scope = RT_SCOPE_HOST;
		break;
	case RTN_BROADCAST:
	case RTN_MULTICAST:
	case RTN_ANYCAST:
		cfg->fc_scope = RT_SCOPE_LINK;
		break;
	case RTN_UNICAST:
	case RTN_UNSPEC:
		cfg->fc_scope = (cfg->fc_gw_family || cfg->fc_gw4 || cfg->fc_mp_len || cfg->fc_nh_id) ?
				RT_SCOPE_UNIVERSE :
				RT_SCOPE_LINK;
		break;
	default:
		cfg->fc_scope = RT_SCOPE_UNIVERSE;
	}
}

/* rtm_to_fib_config(): RTA_ENCAP_TYPE, and each RTA_MULTIPATH nexthop's
 * (lwtunnel_valid_encap_type_attr), name an encap this kernel has */
static int fib_config_check_encap(const struct fib_config *cfg, struct netlink_ext_ack *extack)
{
	int err;

	for (int i = 0; i < cfg->fc_mp_len; i++)
		if (cfg->fc_mp[i].encap.type &&
		    (err = lwtunnel_valid_encap_type(cfg->fc_mp[i].encap.type, extack)))
			return err;
	if (cfg->fc_encap.type)
		return lwtunnel_valid_encap_type(cfg->fc_encap.type, extack);
	return 0;
}

int inet_rtm_newroute(struct net *net, struct fib_config *cfg, struct netlink_ext_ack *extack)
{
	const char *msg = NULL;
	struct fib_table *tb;
	int err;

	if (!cfg->fc_type)
		cfg->fc_type = RTN_UNICAST;
	if (cfg->fc_tos & 0x03) {	/* rtm_to_fib_config(): !inet_validate_dscp() */
		NL_SET_ERR_MSG(extack, "Invalid dsfield (tos): ECN bits must be 0");
		return -EINVAL;
	}
	if ((err = fib_config_check_encap(cfg, extack)))
		return err;
	if (cfg->fc_gw4 && !cfg->fc_gw_family)
		cfg->fc_gw_family = 2;	/* AF_INET */
	fib_default_scope(cfg);
	cfg->fc_nlinfo_net = net;
	if (!cfg->fc_table)
		cfg->fc_table = RT_TABLE_MAIN;
	tb = fib_new_table(net, cfg->fc_table);
	if (!tb)
		return -ENOBUFS;
	err = fib_table_insert(net, tb, cfg, &msg);
	if (err && msg)
		NL_SET_ERR_MSG(extack, msg);
	return err;
}

int inet_rtm_delroute(struct net *net, struct fib_config *cfg, struct netlink_ext_ack *extack)
{
	const char *msg = NULL;
	struct fib_table *tb;
	int err;

	if (cfg->fc_gw4 && !cfg->fc_gw_family)
		cfg->fc_gw_family = 2;
	if ((err = fib_config_check_encap(cfg, extack)))
		return err;
	cfg->fc_nlinfo_net = net;
	tb = fib_get_table(net, cfg->fc_table ? cfg->fc_table : RT_TABLE_MAIN);
	if (!tb) {
		NL_SET_ERR_MSG(extack, "FIB table does not exist");
		return -ESRCH;
	}
	err = fib_table_delete(net, tb, cfg, &msg);
	if (err && msg)
		NL_SET_ERR_MSG(extack, msg);
	return err;
}

int ip_rt_ioctl_add(struct net *net, struct fib_config *cfg)
{
	cfg->fc_nlflags = NLM_F_CREATE;
	return inet_rtm_newroute(net, cfg, NULL);
}

static int ip_fib_net_init(struct net *net)
{
	INIT_LIST_HEAD(&net->ipv4.fib_tables);
	INIT_LIST_HEAD(&net->ipv4.rules_ops);
	net->ipv4.fib_has_custom_rules = false;
	if (!fib_new_table(net, RT_TABLE_LOCAL) || !fib_new_table(net, RT_TABLE_MAIN) ||
	    !fib_new_table(net, RT_TABLE_DEFAULT))
		goto err;
	if (fib4_rules_init(net))
		goto err;
	return 0;
err:
	while (!list_empty(&net->ipv4.fib_tables)) {
		struct fib_table *tb = list_first_entry(&net->ipv4.fib_tables,
							struct fib_table, tb_list);

		list_del(&tb->tb_list);
		fib_free_table(tb);
	}
	return -ENOMEM;
}

static void ip_fib_net_exit(struct net *net)
{
	fib4_rules_exit(net);
	net->ipv4.fib_main = net->ipv4.fib_local = net->ipv4.fib_default = NULL;
	while (!list_empty(&net->ipv4.fib_tables)) {
		struct fib_table *tb = list_first_entry(&net->ipv4.fib_tables,
							struct fib_table, tb_list);

		list_del(&tb->tb_list);
		fib_free_table(tb);
	}
}

const struct pernet_operations fib_net_ops = {
	.name = "fib",
	.init = ip_fib_net_init,
	.exit = ip_fib_net_exit,
};

/* fib_inetaddr_event(): an address appeared or went away. */
int fib_inetaddr_event(struct in_ifaddr *ifa, unsigned long event)
{
	struct net_device *dev = ifa->ifa_dev->dev;
	struct net *net = dev_net(dev);

	switch (event) {
	case NETDEV_UP:
		fib_add_ifaddr(ifa);
		fib_sync_up(dev, RTNH_F_DEAD);
		rt_cache_flush(net);
		break;
	case NETDEV_DOWN:
		fib_del_ifaddr(ifa, NULL);
		if (list_empty(&ifa->ifa_dev->ifa_list)) {
			fib_disable_ip(dev, event, true);
			arp_ifdown(dev);	/* fib_disable_ip()'s last step */
		} else
			rt_cache_flush(net);
		break;
	}
	return 0;
}
