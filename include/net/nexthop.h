/* Nexthop objects (include/net/nexthop.h): `ip nexthop add id N via GW dev
 * DEV` makes a named nexthop that routes use with `nhid N`.  Here a route
 * made with nhid takes a copy of the object's nexthop and remembers the id
 * (fib_info.fib_nh_id); replacing the object updates every such route,
 * deleting it deletes them, as Linux does.  A group (`group 1,W/2`, the
 * hash-threshold kind) makes its routes multipath.  IPv4 only: no IPv6
 * gateways, no blackhole or fdb objects, no resilient groups. */
#ifndef SKBOX_NET_NEXTHOP_H
#define SKBOX_NET_NEXTHOP_H

#include "linux/types.h"
#include "linux/list.h"
#include "net/ip_fib.h"

#define NH_GRP_MAX 32

struct net;
struct net_device;
struct fib_info;
struct fib_config;
struct netlink_ext_ack;

struct nexthop {
	struct list_head nh_list;	/* in net->ipv4.nexthops, by id */
	u32 id;
	struct fib_info *nh_info;	/* the checked nexthop (device held); NULL: a group */
	int num_nh;			/* a group's members */
	u32 grp_id[NH_GRP_MAX];
	int grp_weight[NH_GRP_MAX];
	struct fib_nh_config grp_cfg[NH_GRP_MAX];	/* the members as a route's nexthops */
};

struct nh_config {
	u32 nh_id;
	__be32 nh_gw4;			/* 0: a device-only nexthop */
	u8 nh_gw_family;		/* AF_INET6: an IPv6 gateway (nh_gw6) */
	struct in6_addr nh_gw6;
	int nh_ifindex;
	u32 nh_flags;			/* RTNH_F_ONLINK */
	int num_grp;			/* group: members (ids, weights 1..256) */
	u32 grp_id[NH_GRP_MAX];
	int grp_weight[NH_GRP_MAX];
	u32 nlflags;			/* NLM_F_CREATE | NLM_F_EXCL | NLM_F_REPLACE */
};

struct nexthop *nexthop_find_by_id(struct net *net, u32 id);
int rtm_new_nexthop(struct net *net, struct nh_config *cfg, struct netlink_ext_ack *extack);
int rtm_del_nexthop(struct net *net, u32 id, struct netlink_ext_ack *extack);
int fib_nh_from_nexthop(struct net *net, struct fib_config *cfg, const char **errmsg);
void nexthop_flush_dev(struct net_device *dev);
void nexthop_net_exit(struct net *net);

#endif
