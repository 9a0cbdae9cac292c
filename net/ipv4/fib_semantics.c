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
#include "net/tcp.h"
#include "net/nexthop.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"

#include "net/ip6_fib.h"
#include "net/rtnetlink.h"

#ifndef AF_INET
#define AF_INET 2
#endif
#ifndef AF_INET6
#define AF_INET6 10
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

struct fib_gw_find {
	__be32 gw;
	const struct net_device *dev;
};

static int fib_gw_match(struct fib_table *tb, struct fib_prefix *p, struct fib_alias *fa,
			void *arg)
{
	const struct fib_gw_find *f = arg;
	const struct fib_info *fi = fa->fa_info;

	(void)tb;
	(void)p;
	for (int i = 0; fi && i < fi->fib_nhs; i++) {
		const struct fib_nh *nh = &fi->fib_nh[i];

		if (nh->fib_nh_dev == f->dev && nh->fib_nh_gw4 == f->gw &&
		    !(nh->fib_nh_flags & RTNH_F_DEAD))
			return 1;
	}
	return 0;
}

/* ip_fib_check_default(): 0 when some route already names gw as a gateway
 * through dev (secure_redirects accepts only those), else -1 */
int ip_fib_check_default(__be32 gw, struct net_device *dev)
{
	struct fib_gw_find f = { .gw = gw, .dev = dev };
	struct fib_table *tb;

	list_for_each_entry(tb, &dev_net(dev)->ipv4.fib_tables, tb_list)
		if (fib_table_walk(tb, fib_gw_match, &f) == 1)
			return 0;
	return -1;
}

/* fib_nhc_update_mtu(): the device's MTU changed from orig to new.  An
 * exception above the new MTU comes down to it; one that the old MTU
 * limited goes up with it; a locked one (below min_pmtu) only unlocks when
 * the device goes at or below it. */
static void fib_nh_update_mtu(struct fib_nh *nh, u32 new, u32 orig)
{
	for (struct fib_nh_exception *fnhe = nh->nh_exceptions; fnhe; fnhe = fnhe->fnhe_next) {
		if (!fnhe->fnhe_pmtu)
			continue;
		if (fnhe->fnhe_mtu_locked) {
			if (new <= fnhe->fnhe_pmtu) {
				fnhe->fnhe_pmtu = new;
				fnhe->fnhe_mtu_locked = false;
			}
		} else if (new < fnhe->fnhe_pmtu || orig == fnhe->fnhe_pmtu) {
			fnhe->fnhe_pmtu = new;
		}
	}
}

struct fib_mtu_sync {
	struct net_device *dev;
	u32 orig;
};

static int fib_mtu_sync_alias(struct fib_table *tb, struct fib_prefix *p, struct fib_alias *fa,
			      void *arg)
{
	struct fib_mtu_sync *s = arg;
	struct fib_info *fi = fa->fa_info;

	(void)tb;
	(void)p;
	for (int i = 0; fi && i < fi->fib_nhs; i++)
		if (fi->fib_nh[i].fib_nh_dev == s->dev)
			fib_nh_update_mtu(&fi->fib_nh[i], s->dev->mtu, s->orig);
	return 0;
}

/* fib_sync_mtu(): NETDEV_CHANGEMTU, for the nexthops through dev */
void fib_sync_mtu(struct net_device *dev, u32 orig_mtu)
{
	struct fib_mtu_sync s = { .dev = dev, .orig = orig_mtu };
	struct fib_table *tb;

	list_for_each_entry(tb, &dev_net(dev)->ipv4.fib_tables, tb_list)
		fib_table_walk(tb, fib_mtu_sync_alias, &s);
}

/* nexthop replace: a route made from the object follows it to its new
 * gateway and device; what was learned through the old one is dropped */
void fib_nh_retarget(struct fib_info *fi, const struct fib_nh *to)
{
	struct fib_nh *nh = &fi->fib_nh[0];

	fib_nh_exceptions_flush(nh);
	ip_rt_put(nh->nh_rth_input);
	ip_rt_put(nh->nh_rth_output);
	nh->nh_rth_input = nh->nh_rth_output = NULL;
	if (nh->fib_nh_dev)
		dev_put(nh->fib_nh_dev);
	nh->fib_nh_dev = to->fib_nh_dev;
	if (nh->fib_nh_dev)
		dev_hold(nh->fib_nh_dev);
	nh->fib_nh_oif = to->fib_nh_oif;
	nh->fib_nh_gw_family = to->fib_nh_gw_family;
	nh->fib_nh_gw4 = to->fib_nh_gw4;
	nh->fib_nh_gw6 = to->fib_nh_gw6;
	nh->fib_nh_scope = to->fib_nh_scope;
	nh->fib_nh_flags = to->fib_nh_flags;
	fi->fib_flags = (fi->fib_flags & ~RTNH_F_LINKDOWN) | (to->fib_nh_flags & RTNH_F_LINKDOWN);
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
		lwtstate_put(nh->fib_nh_lws);
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

static bool fib_nh_same(const struct fib_nh *na, const struct fib_nh *nb)
{
	const unsigned int mask = ~(unsigned int)(RTNH_F_DEAD | RTNH_F_LINKDOWN);

	return na->fib_nh_oif == nb->fib_nh_oif && na->fib_nh_gw4 == nb->fib_nh_gw4 &&
	       na->fib_nh_gw_family == nb->fib_nh_gw_family &&
	       !memcmp(&na->fib_nh_gw6, &nb->fib_nh_gw6, sizeof(na->fib_nh_gw6)) &&
	       !lwtunnel_cmp_encap(na->fib_nh_lws, nb->fib_nh_lws) &&
	       na->fib_nh_weight == nb->fib_nh_weight &&
	       !((na->fib_nh_flags ^ nb->fib_nh_flags) & mask);
}

bool fib_info_same(const struct fib_info *a, const struct fib_info *b)
{
	const unsigned int mask = ~(unsigned int)(RTNH_F_DEAD | RTNH_F_LINKDOWN);

	if (a->fib_nhs != b->fib_nhs || a->fib_protocol != b->fib_protocol ||
	    a->fib_scope != b->fib_scope || a->fib_prefsrc != b->fib_prefsrc ||
	    a->fib_priority != b->fib_priority || a->fib_mtu != b->fib_mtu ||
	    a->fib_mtu_locked != b->fib_mtu_locked || a->fib_advmss != b->fib_advmss ||
	    a->fib_congctl != b->fib_congctl || a->fib_congctl_locked != b->fib_congctl_locked ||
	    a->fib_nh_id != b->fib_nh_id ||
	    ((a->fib_flags ^ b->fib_flags) & mask))
		return false;
	for (int i = 0; i < a->fib_nhs; i++)
		if (!fib_nh_same(&a->fib_nh[i], &b->fib_nh[i]))
			return false;
	return true;
}

/* Does the gateway of a request (RTA_GATEWAY, or RTA_VIA of either family)
 * name nh's gateway? */
static bool fib_nh_gw_is(const struct fib_nh *nh, u8 family, __be32 gw4,
			 const struct in6_addr *gw6)
{
	if (family != nh->fib_nh_gw_family)
		return false;
	if (family == AF_INET6)
		return !memcmp(gw6, &nh->fib_nh_gw6, sizeof(*gw6));
	return gw4 == nh->fib_nh_gw4;
}

/* fib_nh_match(): 0 when the delete request names this route's nexthops
 * (RTA_MULTIPATH: every one, in order; else the first one's oif/gateway) */
int fib_nh_match(struct net *net, struct fib_config *cfg, struct fib_info *fi)
{
	const struct fib_nh *nh = &fi->fib_nh[0];

	(void)net;
	if (cfg->fc_priority && cfg->fc_priority != fi->fib_priority)
		return 1;
	if (cfg->fc_mp_len) {
		if (cfg->fc_mp_len != fi->fib_nhs)
			return 1;
		for (int i = 0; i < fi->fib_nhs; i++) {
			const struct fib_nh_config *m = &cfg->fc_mp[i];

			nh = &fi->fib_nh[i];
			if (m->oif && m->oif != nh->fib_nh_oif)
				return 1;
			if ((m->gw_family == AF_INET6 || m->gw4) &&
			    !fib_nh_gw_is(nh, m->gw_family == AF_INET6 ? AF_INET6 : AF_INET,
					  m->gw4, &m->gw6))
				return 1;
		}
		return 0;
	}
	/* fib_encap_match(): an encap given with the device or gateway */
	if ((cfg->fc_oif || cfg->fc_gw_family) && cfg->fc_encap.type &&
	    !lwtunnel_cfg_match(&cfg->fc_encap, nh->fib_nh_lws))
		return 1;
	if (cfg->fc_oif && cfg->fc_oif != nh->fib_nh_oif)
		return 1;
	if (cfg->fc_gw_family &&
	    !fib_nh_gw_is(nh, cfg->fc_gw_family, cfg->fc_gw4, &cfg->fc_gw6))
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

/* fib_nh_init(): family is AF_INET6 for a gateway given as RTA_VIA inet6,
 * AF_INET for an IPv4 one (has_gw: even 0.0.0.0), else 0 */
static void fib_nh_init(struct fib_info *fi, struct fib_nh *nh, u8 family, __be32 gw,
			const struct in6_addr *gw6, int oif, u32 flags, int weight)
{
	nh->nh_parent = fi;
	nh->fib_nh_oif = oif;
	nh->fib_nh_flags = flags & RTNH_F_ONLINK;
	nh->fib_nh_weight = weight;
	if (family == AF_INET6) {
		nh->fib_nh_gw_family = AF_INET6;
		nh->fib_nh_gw6 = *gw6;
	} else if (family || gw) {
		nh->fib_nh_gw_family = AF_INET;
		nh->fib_nh_gw4 = gw;
	}
}

/* fib_nh_common_init(): the nexthop's lwtunnel state, from its encap */
static int fib_alloc_encaps(struct fib_info *fi, const struct fib_config *cfg)
{
	for (int i = 0; i < fi->fib_nhs; i++) {
		const struct lwtunnel_encap_cfg *e = cfg->fc_mp_len ? &cfg->fc_mp[i].encap :
								      &cfg->fc_encap;
		int err = lwtunnel_build_state(e, &fi->fib_nh[i].fib_nh_lws, NULL);

		if (err)
			return err;
	}
	return 0;
}

static struct fib_info *fib_alloc_info(struct fib_config *cfg)
{
	int nhs = cfg->fc_mp_len > 1 ? cfg->fc_mp_len : 1;
	size_t size = sizeof(struct fib_info) + (size_t)(nhs - 1) * sizeof(struct fib_nh);
	struct fib_info *fi;

	_Static_assert(offsetof(struct fib_info, fib_flags) == 64 &&
		       offsetof(struct fib_info, fib_nh[0].nh_exceptions) + 8 <= 128,
		       "a lookup's fields of fib_info and its first nexthop share one line");
	/* 64-byte aligned, as the struct's second line wants (ip_fib.h) */
	if (should_failslab() || posix_memalign((void **)&fi, 64, size))
		return NULL;
	memset(fi, 0, size);
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
	fi->fib_congctl = cfg->fc_congctl ? tcp_ca_find(cfg->fc_congctl) : NULL;
	fi->fib_congctl_locked = cfg->fc_congctl_lock;
	fi->fib_nh_id = cfg->fc_nh_id;
	fi->fib_nhs = nhs;
	if (!cfg->fc_mp_len) {
		fib_nh_init(fi, &fi->fib_nh[0], cfg->fc_gw_family, cfg->fc_gw4, &cfg->fc_gw6,
			    cfg->fc_oif, cfg->fc_flags, 1);
		return fi;
	}
	/* one nexthop given as RTA_MULTIPATH is an ordinary route */
	for (int i = 0; i < nhs; i++) {
		const struct fib_nh_config *m = &cfg->fc_mp[i];

		fib_nh_init(fi, &fi->fib_nh[i], m->gw_family == AF_INET6 ? AF_INET6 : 0, m->gw4,
			    &m->gw6, m->oif, m->flags, nhs > 1 ? m->weight : 1);
	}
	return fi;
}

/* fib_check_nh_v6_gw(): an IPv6 gateway is checked as IPv6 checks a
 * route's nexthop (fib6_nh_init); the route's table is looked up first */
static int fib_check_nh_v6_gw(struct net *net, struct fib_nh *nh, struct fib_config *cfg,
			      const char **errmsg)
{
	struct netlink_ext_ack ext = { NULL };
	struct net_device *dev = NULL;
	int err;

	err = fib6_nh_check_gw(net, &nh->fib_nh_gw6, nh->fib_nh_oif,
			       nh->fib_nh_flags & RTNH_F_ONLINK, cfg->fc_table, &dev, &ext);
	if (err) {
		if (ext._msg)
			*errmsg = ext._msg;
		return err;
	}
	/* Linux takes the device from the IPv6 nexthop it made for the check,
	 * not its linkdown flag */
	nh->fib_nh_dev = dev;
	nh->fib_nh_oif = dev->ifindex;
	dev_hold(dev);
	nh->fib_nh_scope = RT_SCOPE_LINK;
	return 0;
}

static int fib_check_nh(struct net *net, struct fib_nh *nh, struct fib_config *cfg,
			const char **errmsg)
{
	if (cfg->fc_scope == RT_SCOPE_HOST)
		return fib_check_host_scope(net, nh, errmsg);
	if (nh->fib_nh_gw_family == AF_INET6)
		return fib_check_nh_v6_gw(net, nh, cfg, errmsg);
	if (nh->fib_nh_gw_family)
		return fib_check_nh_v4_gw(net, nh, cfg, errmsg);
	return fib_check_nh_nongw(net, nh, errmsg);
}

/* fib_rebalance(): each live nexthop owns a slice of the 31-bit hash space
 * in proportion to its weight; dead (and, with ignore_routes_with_linkdown,
 * linkdown) ones get none (upper bound -1). */
void fib_rebalance(struct fib_info *fi)
{
	int total = 0, w = 0;

	if (fi->fib_nhs < 2)
		return;
	for (int i = 0; i < fi->fib_nhs; i++)
		if (!(fi->fib_nh[i].fib_nh_flags & RTNH_F_DEAD))
			total += fi->fib_nh[i].fib_nh_weight;
	for (int i = 0; i < fi->fib_nhs; i++) {
		struct fib_nh *nh = &fi->fib_nh[i];

		if ((nh->fib_nh_flags & RTNH_F_DEAD) || !total) {
			nh->fib_nh_upper_bound = -1;
			continue;
		}
		w += nh->fib_nh_weight;
		nh->fib_nh_upper_bound = (int)((((u64)w << 31) + (u64)total / 2) / (u64)total - 1);
	}
}

static int fib_check_info(struct net *net, struct fib_info *fi, struct fib_config *cfg,
			  const char **errmsg)
{
	int err, linkdown = 0;

	for (int i = 0; i < fi->fib_nhs; i++) {
		err = fib_check_nh(net, &fi->fib_nh[i], cfg, errmsg);
		if (err)
			return err;
		if (fi->fib_nh[i].fib_nh_flags & RTNH_F_LINKDOWN)
			linkdown++;
	}
	if (fi->fib_prefsrc && !fib_valid_prefsrc(net, cfg, fi->fib_prefsrc)) {
		*errmsg = "Invalid prefsrc address";
		return -EINVAL;
	}
	if (linkdown == fi->fib_nhs)
		fi->fib_flags |= RTNH_F_LINKDOWN;
	fib_rebalance(fi);
	return 0;
}

struct fib_info *fib_create_info_err(struct fib_config *cfg, const char **errmsg, int *err)
{
	const char *dummy = NULL;
	struct fib_info *fi;
	int ret;

	if (!errmsg)
		errmsg = &dummy;
	if (cfg->fc_nh_id) {
		ret = fib_nh_from_nexthop(cfg->fc_nlinfo_net, cfg, errmsg);
		if (ret)
			goto err_out;
	}
	ret = fib_check_type(cfg, errmsg);
	if (ret < 0)
		goto err_out;
	/* ip_metrics_convert(): RTAX_CC_ALGO names a congestion control */
	if (cfg->fc_congctl && !tcp_ca_find(cfg->fc_congctl)) {
		*errmsg = "Unknown tcp congestion algorithm";
		ret = -EINVAL;
		goto err_out;
	}
	fi = fib_alloc_info(cfg);
	if (!fi) {
		ret = -ENOMEM;
		goto err_out;
	}
	if (fib_alloc_encaps(fi, cfg)) {
		free_fib_info(fi);
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

static bool fib_sync_down_nh(struct fib_nh *nh, const struct fib_sync_arg *arg)
{
	if (nh->fib_nh_dev != arg->dev || (nh->fib_nh_flags & RTNH_F_DEAD) ||
	    nh->fib_nh_scope == arg->scope)
		return false;
	switch (arg->event) {
	case NETDEV_DOWN:
	case NETDEV_UNREGISTER:
		nh->fib_nh_flags |= RTNH_F_DEAD;
		/* fall through */
	case NETDEV_CHANGE:
		nh->fib_nh_flags |= RTNH_F_LINKDOWN;
		break;
	}
	return true;
}

/* A fib_info is dead (linkdown) when all its nexthops are. */
static int fib_sync_down_one(struct fib_table *tb, struct fib_prefix *p,
			     struct fib_alias *fa, void *varg)
{
	struct fib_sync_arg *arg = varg;
	struct fib_info *fi = fa->fa_info;
	int changed = 0, dead = 0, linkdown = 0;

	(void)tb; (void)p;
	for (int i = 0; i < fi->fib_nhs; i++) {
		struct fib_nh *nh = &fi->fib_nh[i];

		changed += fib_sync_down_nh(nh, arg);
		dead += !!(nh->fib_nh_flags & RTNH_F_DEAD);
		linkdown += !!(nh->fib_nh_flags & RTNH_F_LINKDOWN);
	}
	/* a nexthop device going away takes the whole route with it, even
	 * when that nexthop was dead already (down before unregister) */
	if (arg->event == NETDEV_UNREGISTER && fi->fib_nhs > 1 && !(fi->fib_flags & RTNH_F_DEAD)) {
		for (int i = 0; i < fi->fib_nhs; i++)
			if (fi->fib_nh[i].fib_nh_dev == arg->dev) {
				dead = fi->fib_nhs;
				changed++;
			}
	}
	if (!changed)
		return 0;
	if (dead == fi->fib_nhs)
		fi->fib_flags |= RTNH_F_DEAD;
	if (linkdown == fi->fib_nhs)
		fi->fib_flags |= RTNH_F_LINKDOWN;
	fib_rebalance(fi);
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
	int changed = 0;

	(void)tb; (void)p;
	if (!(arg->dev->flags & IFF_UP) || !__in_dev_get_rtnl(arg->dev))
		return 0;
	for (int i = 0; i < fi->fib_nhs; i++) {
		struct fib_nh *nh = &fi->fib_nh[i];

		if (nh->fib_nh_dev != arg->dev || !(nh->fib_nh_flags & arg->nh_flags))
			continue;
		nh->fib_nh_flags &= ~arg->nh_flags;
		changed++;
	}
	if (!changed)
		return 0;
	fi->fib_flags &= ~arg->nh_flags;
	fib_rebalance(fi);
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

/* fib_multipath_hash(): policy 0 hashes the addresses (L3), 1 adds the
 * protocol and ports (L4); 2 and 3 (inner headers, custom fields) fall back
 * to 0 and 1.  Linux seeds its hash at boot, so which path a given flow
 * takes is not comparable between the two; only that a flow stays on one
 * path and that flows spread by weight. */
u32 fib_multipath_hash(const struct net *net, const struct flowi4 *fl4)
{
	u32 h = 2166136261u, words[4];
	int n = 2;

	words[0] = fl4->saddr;
	words[1] = fl4->daddr;
	if (net->ipv4.sysctl_fib_multipath_hash_policy & 1) {
		words[2] = fl4->flowi4_proto;
		words[3] = ((u32)fl4->fl4_sport << 16) | fl4->fl4_dport;
		n = 4;
	}
	for (int i = 0; i < n; i++) {
		h ^= words[i];
		h *= 16777619u;
		h ^= h >> 15;
	}
	return h >> 1;
}

/* fib_select_multipath(): the first live nexthop whose slice holds the hash */
void fib_select_multipath(struct fib_result *res, u32 hash)
{
	struct fib_info *fi = res->fi;

	for (int i = 0; i < fi->fib_nhs; i++) {
		struct fib_nh *nh = &fi->fib_nh[i];

		if (nh->fib_nh_upper_bound < 0 || hash > (u32)nh->fib_nh_upper_bound)
			continue;
		res->nh_sel = (unsigned char)i;
		res->nhc = nh;
		return;
	}
}

/* The output path's choice of nexthop (unless the lookup was tied to an
 * oif) and of source address. */
void fib_select_path(struct net *net, struct fib_result *res, struct flowi4 *fl4)
{
	if (res->fi && res->fi->fib_nhs > 1 && !fl4->flowi4_oif)
		fib_select_multipath(res, fib_multipath_hash(net, fl4));
	if (!fl4->saddr && res->fi)
		fl4->saddr = FIB_RES_PREFSRC(net, *res);
}
