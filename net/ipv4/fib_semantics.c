/* net/ipv4/fib_semantics.c — what a route means: fib_info and its nexthop.
 *
 * Corresponds to Linux net/ipv4/fib_semantics.c.  On the control path,
 * `ip route add` → inet_rtm_newroute() → fib_table_insert() →
 * fib_create_info() here validates the nexthop (fib_check_nh) with the
 * kernel's extack messages.  On the device path, fib_netdev_event() calls
 * fib_sync_down_dev()/fib_sync_up() to mark nexthops dead or linkdown.  On
 * the packet path, ip_route_output_key() uses fib_select_path() and the
 * nexthop exceptions (PMTU cache) kept here.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "linux/slab.h"
#include "net/ip_fib.h"
#include "net/route.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"

#ifndef AF_INET
#define AF_INET 2
#endif

#define FNHE_MAX_PER_NH 64

/* fib_props[] of the kernel: error and minimal scope per route type. */
static const struct {
	int error;
	u8 scope;
} fib_props[RTN_MAX + 1] = {
	[RTN_UNSPEC] = { 0, RT_SCOPE_NOWHERE },
	[RTN_UNICAST] = { 0, RT_SCOPE_UNIVERSE },
	[RTN_LOCAL] = { 0, RT_SCOPE_HOST },
	[RTN_BROADCAST] = { 0, RT_SCOPE_LINK },
	[RTN_ANYCAST] = { 0, RT_SCOPE_LINK },
	[RTN_MULTICAST] = { 0, RT_SCOPE_UNIVERSE },
	[RTN_BLACKHOLE] = { -EINVAL, RT_SCOPE_UNIVERSE },
	[RTN_UNREACHABLE] = { -EHOSTUNREACH, RT_SCOPE_UNIVERSE },
	[RTN_PROHIBIT] = { -EACCES, RT_SCOPE_UNIVERSE },
	[RTN_THROW] = { -EAGAIN, RT_SCOPE_UNIVERSE },
	[RTN_NAT] = { -EINVAL, RT_SCOPE_NOWHERE },
	[RTN_XRESOLVE] = { -EINVAL, RT_SCOPE_NOWHERE },
};

int fib_props_error(u8 type)
{
	return type <= RTN_MAX ? fib_props[type].error : -EINVAL;
}

int fib_props_scope(u8 type)
{
	return type <= RTN_MAX ? fib_props[type].scope : RT_SCOPE_NOWHERE;
}

static void fnhe_free(struct fib_nh_exception *fnhe)
{
	ip_rt_put(fnhe->fnhe_rth_input);
	ip_rt_put(fnhe->fnhe_rth_output);
	free(fnhe);
}

void fib_nh_exceptions_flush(struct fib_nh *nh)
{
	struct fib_nh_exception *fnhe = nh->nh_exceptions, *next;

	for (; fnhe; fnhe = next) {
		next = fnhe->fnhe_next;
		fnhe_free(fnhe);
	}
	nh->nh_exceptions = NULL;
	nh->nh_exceptions_count = 0;
}

/* The exception for daddr behind nh, dropping it if it has expired. */
struct fib_nh_exception *find_exception(struct fib_nh *nh, __be32 daddr, u64 now)
{
	struct fib_nh_exception **pp = &nh->nh_exceptions, *fnhe;

	while ((fnhe = *pp)) {
		if (fnhe->fnhe_expires && fnhe->fnhe_expires <= now) {
			*pp = fnhe->fnhe_next;
			nh->nh_exceptions_count--;
			fnhe_free(fnhe);
			continue;
		}
		if (fnhe->fnhe_daddr == daddr)
			return fnhe;
		pp = &fnhe->fnhe_next;
	}
	return NULL;
}

/* update_or_create_fnhe() of route.c, kept next to the list it edits. */
void fib_insert_exception(struct fib_nh *nh, __be32 daddr, u32 pmtu, bool locked,
			  __be32 gw, u64 expires)
{
	struct fib_nh_exception *fnhe;

	for (fnhe = nh->nh_exceptions; fnhe; fnhe = fnhe->fnhe_next)
		if (fnhe->fnhe_daddr == daddr)
			break;
	if (!fnhe) {
		if (nh->nh_exceptions_count >= FNHE_MAX_PER_NH)
			return;
		fnhe = kzalloc(sizeof(*fnhe));
		if (!fnhe)
			return;
		fnhe->fnhe_daddr = daddr;
		fnhe->fnhe_next = nh->nh_exceptions;
		nh->nh_exceptions = fnhe;
		nh->nh_exceptions_count++;
	}
	if (pmtu) {
		fnhe->fnhe_pmtu = pmtu;
		fnhe->fnhe_mtu_locked = locked;
	}
	if (gw)
		fnhe->fnhe_gw = gw;
	fnhe->fnhe_expires = expires;
	fnhe->fnhe_stamp = expires;
}

static void free_fib_info(struct fib_info *fi)
{
	int i;

	for (i = 0; i < fi->fib_nhs; i++) {
		struct fib_nh *nh = &fi->fib_nh[i];

		fib_nh_exceptions_flush(nh);
		ip_rt_put(nh->nh_rth_input);
		ip_rt_put(nh->nh_rth_output);
		nh->nh_rth_input = nh->nh_rth_output = NULL;
		if (nh->fib_nh_dev)
			dev_put(nh->fib_nh_dev);
	}
	free(fi);
}

void fib_info_hold(struct fib_info *fi)
{
	fi->fib_clntref++;
}

void fib_info_put(struct fib_info *fi)
{
	if (--fi->fib_clntref <= 0 && fi->fib_treeref <= 0)
		free_fib_info(fi);
}

void fib_release_info(struct fib_info *fi)
{
	if (!fi || --fi->fib_treeref > 0)
		return;
	fi->fib_dead = 1;
	if (fi->fib_clntref <= 0)
		free_fib_info(fi);
}

bool fib_info_same(const struct fib_info *a, const struct fib_info *b)
{
	const unsigned int mask = ~(unsigned int)(RTNH_F_DEAD | RTNH_F_LINKDOWN);
	const struct fib_nh *na = &a->fib_nh[0], *nb = &b->fib_nh[0];

	if (a->fib_nhs != b->fib_nhs || a->fib_protocol != b->fib_protocol ||
	    a->fib_scope != b->fib_scope || a->fib_prefsrc != b->fib_prefsrc ||
	    a->fib_priority != b->fib_priority || a->fib_mtu != b->fib_mtu ||
	    a->fib_mtu_locked != b->fib_mtu_locked || a->fib_advmss != b->fib_advmss ||
	    ((a->fib_flags ^ b->fib_flags) & mask))
		return false;
	return na->fib_nh_oif == nb->fib_nh_oif && na->fib_nh_gw4 == nb->fib_nh_gw4 &&
	       na->fib_nh_gw_family == nb->fib_nh_gw_family &&
	       !((na->fib_nh_flags ^ nb->fib_nh_flags) & mask);
}

int fib_nh_match(struct net *net, struct fib_config *cfg, struct fib_info *fi)
{
	const struct fib_nh *nh = &fi->fib_nh[0];

	(void)net;
	if (cfg->fc_priority && cfg->fc_priority != fi->fib_priority)
		return 1;
	if (cfg->fc_oif && cfg->fc_oif != nh->fib_nh_oif)
		return 1;
	if (cfg->fc_gw_family && (cfg->fc_gw_family != nh->fib_nh_gw_family ||
				  cfg->fc_gw4 != nh->fib_nh_gw4))
		return 1;
	return 0;
}

static void fib_nh_set_dev(struct fib_nh *nh, struct net_device *dev)
{
	nh->fib_nh_dev = dev;
	nh->fib_nh_oif = dev->ifindex;
	dev_hold(dev);
	if (!netif_carrier_ok(dev))
		nh->fib_nh_flags |= RTNH_F_LINKDOWN;
}

static int fib_check_nh_onlink(struct net *net, struct fib_nh *nh, struct fib_config *cfg,
			       const char **errmsg)
{
	struct net_device *dev;

	if (cfg->fc_scope >= RT_SCOPE_LINK) {
		*errmsg = "Nexthop has invalid scope";
		return -EINVAL;
	}
	dev = nh->fib_nh_oif ? __dev_get_by_index(net, nh->fib_nh_oif) : NULL;
	if (!dev) {
		*errmsg = "Nexthop device required for onlink";
		return -ENODEV;
	}
	if (!(dev->flags & IFF_UP)) {
		*errmsg = "Nexthop device is not up";
		return -ENETDOWN;
	}
	if (inet_dev_addr_type(net, dev, nh->fib_nh_gw4) != RTN_UNICAST) {
		*errmsg = "Nexthop has invalid gateway";
		return -EINVAL;
	}
	fib_nh_set_dev(nh, dev);
	nh->fib_nh_scope = RT_SCOPE_LINK;
	return 0;
}

static int fib_check_nh_gw_lookup(struct net *net, struct fib_nh *nh, struct fib_config *cfg,
				  struct fib_result *res)
{
	struct flowi4 fl4 = {
		.daddr = nh->fib_nh_gw4,
		.flowi4_scope = cfg->fc_scope + 1,
		.flowi4_oif = nh->fib_nh_oif,
		.flowi4_iif = 1,	/* LOOPBACK_IFINDEX */
	};
	struct fib_table *tbl = NULL;
	int err = -EAGAIN;

	if (fl4.flowi4_scope < RT_SCOPE_LINK)
		fl4.flowi4_scope = RT_SCOPE_LINK;
	if (cfg->fc_table && cfg->fc_table != RT_TABLE_MAIN)
		tbl = fib_get_table(net, cfg->fc_table);
	if (tbl)
		err = fib_table_lookup(tbl, &fl4, res,
				       FIB_LOOKUP_IGNORE_LINKSTATE | FIB_LOOKUP_NOREF);
	if (!tbl || err)
		err = fib_lookup(net, &fl4, res, FIB_LOOKUP_IGNORE_LINKSTATE);
	return err;
}

static int fib_check_nh_v4_gw(struct net *net, struct fib_nh *nh, struct fib_config *cfg,
			      const char **errmsg)
{
	struct fib_result res = { 0 };
	struct net_device *dev;
	int err;

	if (nh->fib_nh_flags & RTNH_F_ONLINK)
		return fib_check_nh_onlink(net, nh, cfg, errmsg);
	err = fib_check_nh_gw_lookup(net, nh, cfg, &res);
	if (err) {
		*errmsg = "Nexthop has invalid gateway";
		return err;
	}
	if (res.type != RTN_UNICAST && res.type != RTN_LOCAL) {
		*errmsg = "Nexthop has invalid gateway";
		return -EINVAL;
	}
	dev = res.nhc ? res.nhc->fib_nh_dev : NULL;
	if (!dev) {
		*errmsg = "No egress device for nexthop gateway";
		return -EINVAL;
	}
	nh->fib_nh_scope = res.scope;
	fib_nh_set_dev(nh, dev);
	return (dev->flags & IFF_UP) ? 0 : -ENETDOWN;
}

static int fib_check_nh_nongw(struct net *net, struct fib_nh *nh, const char **errmsg)
{
	struct net_device *dev;

	if (nh->fib_nh_flags & (RTNH_F_PERVASIVE | RTNH_F_ONLINK)) {
		*errmsg = "Invalid flags for nexthop - PERVASIVE and ONLINK can not be set";
		return -EINVAL;
	}
	dev = nh->fib_nh_oif ? __dev_get_by_index(net, nh->fib_nh_oif) : NULL;
	if (!dev || !__in_dev_get_rtnl(dev))
		return -ENODEV;
	if (!(dev->flags & IFF_UP)) {
		*errmsg = "Device for nexthop is not up";
		return -ENETDOWN;
	}
	fib_nh_set_dev(nh, dev);
	nh->fib_nh_scope = RT_SCOPE_HOST;
	return 0;
}

static int fib_check_host_scope(struct net *net, struct fib_nh *nh, const char **errmsg)
{
	struct net_device *dev;

	if (nh->fib_nh_gw_family) {
		*errmsg = "Route with host scope can not have a gateway";
		return -EINVAL;
	}
	nh->fib_nh_scope = RT_SCOPE_NOWHERE;
	dev = nh->fib_nh_oif ? __dev_get_by_index(net, nh->fib_nh_oif) : NULL;
	if (!dev)
		return -ENODEV;
	fib_nh_set_dev(nh, dev);
	return 0;
}

/* fib_valid_prefsrc(): the preferred source must be a local address. */
static bool fib_valid_prefsrc(struct net *net, struct fib_config *cfg, __be32 src)
{
	u32 tb_id = cfg->fc_table;

	if (cfg->fc_type == RTN_LOCAL && cfg->fc_dst_len && src == cfg->fc_dst)
		return true;
	if (tb_id == RT_TABLE_MAIN || !tb_id)
		tb_id = RT_TABLE_LOCAL;
	if (inet_addr_type_table(net, src, tb_id) == RTN_LOCAL)
		return true;
	return tb_id != RT_TABLE_LOCAL &&
	       inet_addr_type_table(net, src, RT_TABLE_LOCAL) == RTN_LOCAL;
}

static int fib_check_type(struct fib_config *cfg, const char **errmsg)
{
	if (cfg->fc_type > RTN_MAX) {
		*errmsg = "Invalid route type";
		return -EINVAL;
	}
	if (fib_props[cfg->fc_type].scope > cfg->fc_scope) {
		*errmsg = "Invalid scope";
		return -EINVAL;
	}
	if (fib_props[cfg->fc_type].error) {
		if (cfg->fc_gw_family || cfg->fc_oif) {
			*errmsg = "Gateway, device and multipath can not be specified for this route type";
			return -EINVAL;
		}
		return 1;
	}
	switch (cfg->fc_type) {
	case RTN_UNICAST: case RTN_LOCAL: case RTN_BROADCAST:
	case RTN_ANYCAST: case RTN_MULTICAST:
		break;
	default:
		*errmsg = "Invalid route type";
		return -EINVAL;
	}
	if (cfg->fc_scope > RT_SCOPE_HOST) {
		*errmsg = "Invalid scope";
		return -EINVAL;
	}
	return 0;
}

static struct fib_info *fib_alloc_info(struct fib_config *cfg)
{
	struct fib_info *fi = kzalloc(sizeof(*fi));

	if (!fi)
		return NULL;
	INIT_LIST_HEAD(&fi->fib_list);
	fi->fib_net = cfg->fc_nlinfo_net;
	fi->fib_protocol = cfg->fc_protocol;
	fi->fib_scope = cfg->fc_scope;
	fi->fib_type = cfg->fc_type;
	fi->fib_prefsrc = cfg->fc_prefsrc;
	fi->fib_tb_id = cfg->fc_table;
	fi->fib_priority = cfg->fc_priority;
	fi->fib_mtu = cfg->fc_mtu;
	fi->fib_mtu_locked = cfg->fc_mtu_lock;
	fi->fib_advmss = cfg->fc_advmss;
	fi->fib_nhs = 1;
	fi->fib_nh[0].nh_parent = fi;
	fi->fib_nh[0].fib_nh_oif = cfg->fc_oif;
	fi->fib_nh[0].fib_nh_flags = cfg->fc_flags & RTNH_F_ONLINK;
	fi->fib_nh[0].fib_nh_weight = 1;
	if (cfg->fc_gw_family || cfg->fc_gw4) {
		fi->fib_nh[0].fib_nh_gw_family = AF_INET;
		fi->fib_nh[0].fib_nh_gw4 = cfg->fc_gw4;
	}
	return fi;
}

static int fib_check_info(struct net *net, struct fib_info *fi, struct fib_config *cfg,
			  const char **errmsg)
{
	struct fib_nh *nh = &fi->fib_nh[0];
	int err;

	if (cfg->fc_scope == RT_SCOPE_HOST)
		err = fib_check_host_scope(net, nh, errmsg);
	else if (nh->fib_nh_gw_family)
		err = fib_check_nh_v4_gw(net, nh, cfg, errmsg);
	else
		err = fib_check_nh_nongw(net, nh, errmsg);
	if (err)
		return err;
	if (fi->fib_prefsrc && !fib_valid_prefsrc(net, cfg, fi->fib_prefsrc)) {
		*errmsg = "Invalid prefsrc address";
		return -EINVAL;
	}
	if (nh->fib_nh_flags & RTNH_F_LINKDOWN)
		fi->fib_flags |= RTNH_F_LINKDOWN;
	return 0;
}

struct fib_info *fib_create_info_err(struct fib_config *cfg, const char **errmsg, int *err)
{
	const char *dummy = NULL;
	struct fib_info *fi;
	int ret;

	if (!errmsg)
		errmsg = &dummy;
	ret = fib_check_type(cfg, errmsg);
	if (ret < 0)
		goto err_out;
	fi = fib_alloc_info(cfg);
	if (!fi) {
		ret = -ENOMEM;
		goto err_out;
	}
	if (ret == 1) {		/* blackhole, unreachable, prohibit, throw */
		fi->fib_nh[0].fib_nh_oif = 0;
		fi->fib_nh[0].fib_nh_flags = 0;
		return fi;
	}
	ret = fib_check_info(cfg->fc_nlinfo_net, fi, cfg, errmsg);
	if (ret) {
		free_fib_info(fi);
		goto err_out;
	}
	return fi;
err_out:
	if (err)
		*err = ret;
	return NULL;
}

struct fib_info *fib_create_info(struct fib_config *cfg, const char **errmsg)
{
	return fib_create_info_err(cfg, errmsg, NULL);
}

struct fib_sync_arg {
	struct net_device *dev;
	unsigned long event;
	int scope;
	int nh_flags;
	int count;
};

static int fib_sync_down_one(struct fib_table *tb, struct fib_prefix *p,
			     struct fib_alias *fa, void *varg)
{
	struct fib_sync_arg *arg = varg;
	struct fib_info *fi = fa->fa_info;
	struct fib_nh *nh = &fi->fib_nh[0];

	(void)tb; (void)p;
	if (nh->fib_nh_dev != arg->dev || (nh->fib_nh_flags & RTNH_F_DEAD) ||
	    nh->fib_nh_scope == arg->scope)
		return 0;
	switch (arg->event) {
	case NETDEV_DOWN:
	case NETDEV_UNREGISTER:
		nh->fib_nh_flags |= RTNH_F_DEAD;
		fi->fib_flags |= RTNH_F_DEAD;
		/* fall through */
	case NETDEV_CHANGE:
		nh->fib_nh_flags |= RTNH_F_LINKDOWN;
		fi->fib_flags |= RTNH_F_LINKDOWN;
		break;
	}
	arg->count++;
	return 0;
}

/* Marks the nexthops through dev dead (down/unregister) or linkdown
 * (carrier loss).  Host-scope nexthops (local routes) survive a plain
 * down; force (unregister) kills them too.  Returns the number of
 * fib_infos changed; the caller flushes the dead ones. */
int fib_sync_down_dev(struct net_device *dev, unsigned long event, bool force)
{
	struct fib_sync_arg arg = {
		.dev = dev, .event = event,
		.scope = force ? -1 : RT_SCOPE_NOWHERE,
	};
	struct net *net = dev_net(dev);
	struct fib_table *tb;

	list_for_each_entry(tb, &net->ipv4.fib_tables, tb_list)
		fib_table_walk(tb, fib_sync_down_one, &arg);
	return arg.count;
}

static int fib_sync_up_one(struct fib_table *tb, struct fib_prefix *p,
			   struct fib_alias *fa, void *varg)
{
	struct fib_sync_arg *arg = varg;
	struct fib_info *fi = fa->fa_info;
	struct fib_nh *nh = &fi->fib_nh[0];

	(void)tb; (void)p;
	if (nh->fib_nh_dev != arg->dev || !(fi->fib_flags & arg->nh_flags))
		return 0;
	if (!(arg->dev->flags & IFF_UP) || !__in_dev_get_rtnl(arg->dev))
		return 0;
	nh->fib_nh_flags &= ~arg->nh_flags;
	fi->fib_flags &= ~arg->nh_flags;
	arg->count++;
	return 0;
}

/* Clears nh_flags (RTNH_F_DEAD on up, RTNH_F_LINKDOWN on carrier) on the
 * nexthops through dev.  Returns the number of fib_infos revived. */
int fib_sync_up(struct net_device *dev, unsigned char nh_flags)
{
	struct fib_sync_arg arg = { .dev = dev, .nh_flags = nh_flags };
	struct net *net = dev_net(dev);
	struct fib_table *tb;

	if (!(dev->flags & IFF_UP))
		return 0;
	if ((nh_flags & RTNH_F_DEAD) && netif_carrier_ok(dev))
		arg.nh_flags |= RTNH_F_LINKDOWN;
	list_for_each_entry(tb, &net->ipv4.fib_tables, tb_list)
		fib_table_walk(tb, fib_sync_up_one, &arg);
	return arg.count;
}

/* Single-path FIB: only the source address choice remains. */
void fib_select_path(struct net *net, struct fib_result *res, struct flowi4 *fl4)
{
	if (!fl4->saddr && res->fi)
		fl4->saddr = FIB_RES_PREFSRC(net, *res);
}
