/* The IPv6 FIB (include/net/ip6_fib.h, include/net/ip6_route.h): per
 * namespace a list of struct fib6_table (by id: local 255, main 254, any
 * other `table N`), each holding struct fib6_info routes in the order
 * Linux's fib6 tree walk dumps them; rt6_info is the dst_entry a lookup
 * hands the packet path (input ip6_input / ip6_forward / ip6_pkt_discard,
 * output ip6_output). */
#ifndef SKBOX_NET_IP6_FIB_H
#define SKBOX_NET_IP6_FIB_H

#include <netinet/in.h>
#include "linux/types.h"
#include "linux/list.h"
#include "net/dst.h"
#include "net/lwtunnel.h"

struct net;
struct net_device;
struct netlink_ext_ack;

/* rt6i_flags / fib6_flags (include/uapi/linux/ipv6_route.h) */
#define RTF_GATEWAY 0x0002
#define RTF_DYNAMIC 0x0010
#define RTF_REJECT 0x0200
#define RTF_ADDRCONF 0x00040000
#define RTF_NONEXTHOP 0x00200000
#define RTF_EXPIRES 0x00400000
#define RTF_CACHE 0x01000000
#define RTF_LOCAL 0x80000000

#define IP6_RT_PRIO_USER 1024
#define IP6_RT_PRIO_ADDRCONF 256

struct rt6_info {
	struct dst_entry dst;
	struct in6_addr rt6i_gateway;	/* :: when on-link */
	u32 rt6i_flags;
	u8 rt6i_type;			/* RTN_* of the route it came from */
	u32 rt6i_table;
	u32 rt6i_metric;
	u8 rt6i_protocol;
	struct in6_addr rt6i_dst;
	u8 rt6i_dst_len;
	struct in6_addr rt6i_prefsrc;
};

static inline struct rt6_info *skb_rt6_info(const struct sk_buff *skb)
{
	return (struct rt6_info *)skb_dst(skb);
}

struct tcp_congestion_ops;

struct fib6_info {
	struct list_head fib6_node;	/* in its table, dump order */
	struct fib6_table *fib6_table;
	struct in6_addr fib6_dst;
	u8 fib6_dst_len;
	u8 fib6_type;			/* RTN_UNICAST, RTN_LOCAL, RTN_MULTICAST, … */
	u8 fib6_protocol;
	u32 fib6_metric;
	u32 fib6_flags;			/* RTF_* */
	struct net_device *fib6_nh_dev;
	struct in6_addr fib6_nh_gw;
	bool fib6_nh_has_gw;
	struct in6_addr fib6_prefsrc;
	u32 fib6_mtu;			/* metrics: mtu, 0 = none */
	u32 fib6_advmss, fib6_hoplimit;
	const struct tcp_congestion_ops *fib6_congctl;	/* RTAX_CC_ALGO, or NULL */
	bool fib6_congctl_locked;
	/* multipath (ECMP): the other nexthops of the same route are sibling
	 * fib6_infos, next to it in the table; each has its weight */
	struct list_head fib6_siblings;
	unsigned int fib6_nsiblings;
	u32 fib6_nh_weight;
	struct lwtunnel_state *fib6_nh_lws;	/* encap ip|ip6 … (nhc_lwtstate), or NULL */
	u64 fib6_expires;		/* RTF_EXPIRES: when (world ns), 0 = never (RA routes) */
	struct rt6_info *rt6i;		/* the dst this route hands out */
};

/* A sibling nexthop is dead while its device is down (RTNH_F_DEAD; Linux
 * sets the flag on NETDEV_DOWN and clears it on NETDEV_UP). */
bool fib6_nh_dead(const struct fib6_info *f);

struct fib6_table {
	struct list_head tb6_list;	/* in net->ipv6.fib_tables, by id */
	u32 tb6_id;
	struct list_head tb6_routes;	/* struct fib6_info */
	int tb6_count;
	struct net *tb6_net;		/* the namespace (fib6_add arms its GC) */
};

#define FIB6_MAX_NEXTHOPS 32

/* `ip -6 route add/del/replace` (inet6_rtm_newroute / inet6_rtm_delroute) */
struct fib6_config {
	u32 fc_table;
	u32 fc_metric;
	struct in6_addr fc_dst;
	u8 fc_dst_len;
	struct in6_addr fc_gateway;
	bool fc_has_gw;
	int fc_ifindex;
	u8 fc_type;
	u8 fc_protocol;
	u32 fc_flags;			/* RTF_* */
	u32 fc_nlflags;			/* NLM_F_* */
	struct in6_addr fc_prefsrc;
	u32 fc_mtu, fc_advmss, fc_hoplimit;
	const char *fc_congctl;		/* RTAX_CC_ALGO by name, or NULL */
	bool fc_congctl_lock;
	u32 fc_expires;			/* RTA_EXPIRES (s): with fc_expires_set, RTF_EXPIRES */
	bool fc_expires_set;
	u8 fc_tos;			/* rtm_tos of the request: refused, IPv6 has no dsfield routes */
	bool fc_metric_set, fc_proto_set, fc_type_set;
	u32 fc_weight;			/* of this nexthop (1 when 0) */
	/* RTA_MULTIPATH: `nexthop via G dev D weight W` … */
	struct fib6_nh_config {
		struct in6_addr gw;
		bool has_gw;
		int ifindex;
		u32 weight;
	} fc_mp[FIB6_MAX_NEXTHOPS];
	struct lwtunnel_encap_cfg fc_mp_encap[FIB6_MAX_NEXTHOPS];	/* each one's RTA_ENCAP */
	int fc_mp_len;
	struct lwtunnel_encap_cfg fc_encap;	/* RTA_ENCAP_TYPE + RTA_ENCAP */
};

/* net/ipv6/ip6_fib.c */
struct fib6_table *fib6_get_table(struct net *net, u32 id);
struct fib6_table *fib6_new_table(struct net *net, u32 id);
int fib6_add(struct fib6_table *tb, struct fib6_info *rt, u32 nlflags);
int fib6_del(struct fib6_info *rt);
/* Deletes rt with all its siblings (a whole multipath route). */
void fib6_del_group(struct fib6_info *rt);
void fib6_info_release(struct fib6_info *rt);
/* Longest prefix, then lowest metric, skipping routes whose device is down
 * (or has no carrier) when others remain (fib6_table_lookup). */
struct fib6_info *fib6_table_lookup(struct net *net, struct fib6_table *tb,
				    const struct in6_addr *daddr, int oif);
int fib6_tables_init(struct net *net);
void fib6_tables_exit(struct net *net);
int fib6_walk(struct fib6_table *tb, int (*fn)(struct fib6_info *rt, void *arg), void *arg);
/* The device went down (rt6_sync_down_dev): the routes through it go; a
 * multipath route keeps that nexthop, dead, unless all are.  On unregister
 * (or with dev NULL: all routes) the nexthops through it go too. */
void fib6_flush_dev(struct net *net, struct net_device *dev, bool unregister);

/* net/ipv6/route.c */
struct fib6_result6 {
	struct fib6_info *f6i;
	u32 table;
};

struct fib6_info *fib6_lookup(struct net *net, const struct in6_addr *daddr,
			      const struct in6_addr *saddr, int oif, u32 *table);
/* fib6_nh_init()'s gateway checks for an IPv4 route through an IPv6
 * gateway (RFC 5549): 0 and the egress device, or -errno and the message */
struct netlink_ext_ack;
int fib6_nh_check_gw(struct net *net, const struct in6_addr *gw, int oif, bool onlink,
		     u32 tb_id, struct net_device **devp, struct netlink_ext_ack *extack);
/* The dst for a received packet (ip6_route_input) and for a local sender
 * (ip6_route_output); both return a held reference, or NULL with *err. */
void ip6_route_input(struct sk_buff *skb);
struct dst_entry *ip6_route_output(struct net *net, const struct in6_addr *daddr,
				   const struct in6_addr *saddr, int oif, int *err);
struct flowi6;
struct dst_entry *ip6_route_output_flow(struct net *net, const struct flowi6 *fl6, int *err);
/* fib6_run_gc(): expired routes go (the GC timer, net.ipv6.route.flush) */
void fib6_run_gc(struct net *net);
int ip6_route_add(struct net *net, struct fib6_config *cfg, struct netlink_ext_ack *extack);
int ip6_route_del(struct net *net, struct fib6_config *cfg, struct netlink_ext_ack *extack);
struct fib6_info *fib6_info_alloc(const struct fib6_config *cfg, struct net_device *dev);
/* addrconf's routes: prefix route (main), local route (local), ff00::/8 (local) */
int addrconf_prefix_route(struct net *net, const struct in6_addr *pfx, int plen, u32 metric,
			  struct net_device *dev, bool add);
int addrconf_local_route(struct net *net, const struct in6_addr *addr, struct net_device *dev,
			 bool add);
int addrconf_add_mroute(struct net *net, struct net_device *dev, bool add);
int rt6_nexthop_linkdown(const struct fib6_info *rt);
/* fib6_select_path(): for a multipath route and no output device, the
 * sibling whose share of the hash space (by weight, live nexthops only)
 * holds the flow's hash (net.ipv6.fib_multipath_hash_policy 0: addresses
 * and protocol, 1: and ports) */
struct flowi6;
struct fib6_info *fib6_select_path(struct net *net, struct fib6_info *f,
				   const struct flowi6 *fl6);
u32 rt6_multipath_hash(const struct net *net, const struct flowi6 *fl6);
const struct in6_addr *rt6_nexthop(const struct rt6_info *rt, const struct in6_addr *daddr);

/* A PMTU exception (rt6_exception): the route it came from, its own dst
 * (RTF_CACHE, rt6i_dst the destination, dst.mtu, dst.expires) */
struct rt6_exception {
	struct list_head list;		/* net->ipv6.rt6_exceptions */
	struct fib6_info *from;
	struct rt6_info *rt6i;
};

/* The live exception of f for daddr, or NULL (expired ones go first). */
struct rt6_exception *rt6_find_exception(struct net *net, const struct fib6_info *f,
					 const struct in6_addr *daddr);
/* A redirect's exception (route.c, for ndisc.c): 0, -ENOENT, -ENOMEM. */
int rt6_redirect_exception(struct net *net, struct net_device *dev, const struct in6_addr *dest,
			   const struct in6_addr *target, const struct in6_addr *router);
/* Removes f's exceptions (every one with f NULL). */
void rt6_flush_exceptions(struct net *net, const struct fib6_info *f);

/* net/ipv6/fib6_rules.c: `ip -6 rule` (0 lookup local, 32766 lookup main at
 * start); fib6_rule_lookup() walks them (or local then main while the
 * namespace has none of its own) and gives the route and its table, or
 * NULL with *err (-ENETUNREACH, -EACCES for prohibit, -EINVAL blackhole). */
struct flowi6;
int fib6_rules_init(struct net *net);
void fib6_rules_exit(struct net *net);
struct fib6_info *fib6_rule_lookup(struct net *net, const struct flowi6 *fl6, u32 *table,
				   int *err);

#endif
