/* rtnetlink notifications (net/core/rtnetlink.c's rtnl_notify() and the
 * callers that build RTM_NEW and RTM_DEL messages: rtmsg_ifinfo(),
 * rtmsg_ifa(), rtmsg_fib(), inet6_rt_notify(), inet6_ifa_notify(),
 * neigh_notify(), notify_rule_change()).  In Linux the message is a netlink
 * skb multicast to the sockets of a group; here it names the object that
 * changed, and each listener (an `ip monitor`) turns it into its text at
 * once, while the object still exists, and queues that text on its socket,
 * bounded by the socket's receive buffer as a netlink socket is. */
#ifndef SKBOX_NET_RTNL_NOTIFY_H
#define SKBOX_NET_RTNL_NOTIFY_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/sched.h"

struct net;
struct net_device;
struct in_ifaddr;
struct inet6_ifaddr;
struct fib_alias;
struct fib6_info;
struct neighbour;
struct fib_rule;
struct nexthop;

/* include/uapi/linux/rtnetlink.h: the multicast groups */
enum rtnetlink_groups {
	RTNLGRP_NONE,
	RTNLGRP_LINK = 1,
	RTNLGRP_NEIGH = 3,
	RTNLGRP_IPV4_IFADDR = 5,
	RTNLGRP_IPV4_ROUTE = 7,
	RTNLGRP_IPV4_RULE = 8,
	RTNLGRP_IPV6_IFADDR = 9,
	RTNLGRP_IPV6_ROUTE = 11,
	RTNLGRP_IPV6_RULE = 19,
	RTNLGRP_IPV4_NETCONF = 24,
	RTNLGRP_IPV6_NETCONF = 25,
	RTNLGRP_NEXTHOP = 32,
};
#define RTNLGRP_BIT(g)	(1ULL << (g))

/* message types (uapi rtnetlink.h) */
enum {
	RTM_NEWLINK = 16, RTM_DELLINK,
	RTM_NEWADDR = 20, RTM_DELADDR,
	RTM_NEWROUTE = 24, RTM_DELROUTE,
	RTM_NEWNEIGH = 28, RTM_DELNEIGH,
	RTM_NEWRULE = 32, RTM_DELRULE,
	RTM_NEWNETCONF = 80, RTM_DELNETCONF,
	RTM_NEWNEXTHOP = 104, RTM_DELNEXTHOP,
};

/* netconf (include/uapi/linux/netconf.h): the attributes a message has */
enum {
	NETCONF_FORWARDING = 1 << 0,
	NETCONF_RP_FILTER = 1 << 1,
	NETCONF_MC_FORWARDING = 1 << 2,
	NETCONF_PROXY_NEIGH = 1 << 3,
	NETCONF_IGNORE_LINKDOWN = 1 << 4,
	NETCONF_ALL = 0x1f,		/* NETCONFA_ALL: those of the family */
};
#define NETCONFA_IFINDEX_ALL		-1
#define NETCONFA_IFINDEX_DEFAULT	-2

/* What one notification carries: the type, the netlink flags
 * (NLM_F_REPLACE on a replaced route) and the object. */
struct rtnl_msg {
	int type;
	u32 nlflags;
	int family;			/* rules: AF_INET or AF_INET6 */
	union {
		struct net_device *dev;			/* RTM_*LINK */
		const struct in_ifaddr *ifa;		/* RTM_*ADDR, AF_INET */
		const struct inet6_ifaddr *ifa6;	/* RTM_*ADDR, AF_INET6 */
		struct {
			u32 tb_id;
			__be32 dst;
			int plen;
			const struct fib_alias *fa;
		} rt4;					/* RTM_*ROUTE, AF_INET */
		const struct fib6_info *rt6;		/* RTM_*ROUTE, AF_INET6 */
		const struct neighbour *neigh;		/* RTM_*NEIGH */
		const struct fib_rule *rule;		/* RTM_*RULE */
		const struct nexthop *nh;		/* RTM_*NEXTHOP */
		struct {
			int ifindex;			/* or NETCONFA_IFINDEX_* */
			const char *name;		/* the device's, when one */
			u32 which;			/* NETCONF_* present */
			int forwarding, rp_filter, mc_forwarding, proxy_neigh;
			int ignore_linkdown;
		} netconf;				/* RTM_*NETCONF */
	};
};

/* A socket bound to rtnetlink groups: `ip monitor`'s.  rcv() formats the
 * message (it may not keep pointers into it) and queues the text with
 * rtnl_listener_queue(). */
struct rtnl_chunk;
struct rtnl_listener {
	struct list_head list;		/* net->rtnl_listeners */
	struct net *net;		/* NULL once the namespace went away */
	u64 groups;			/* RTNLGRP_BIT()s */
	void (*rcv)(struct rtnl_listener *l, const struct rtnl_msg *m);
	void *priv;
	struct rtnl_chunk *head, *tail;	/* queued text, one chunk per message */
	size_t rmem_alloc;		/* sk_rmem_alloc: truesize of the queue */
	size_t rcvbuf;			/* sk_rcvbuf */
	bool overrun;			/* sk_err = ENOBUFS, told at the next read */
	unsigned long drops;		/* messages lost to overruns */
	struct task *task;		/* its reader, once it waited */
	struct wait_queue_head wq;
};

/* iproute2 asks 1 MB (rtnl_open()); SO_RCVBUF caps it at rmem_max
 * (212992) and doubles it */
#define RTNL_DEFAULT_RCVBUF	(2 * 212992)
/* the truesize a message costs beyond its payload (sk_buff + shared info) */
#define RTNL_MSG_OVERHEAD	576

void rtnl_listener_init(struct rtnl_listener *l, u64 groups,
			void (*rcv)(struct rtnl_listener *l, const struct rtnl_msg *m),
			void *priv);
void rtnl_listener_add(struct net *net, struct rtnl_listener *l);
void rtnl_listener_del(struct rtnl_listener *l);
/* netlink_broadcast(): queue one message's text; -ENOBUFS when the
 * receive buffer is full (the message is lost, the reader told) */
int rtnl_listener_queue(struct rtnl_listener *l, const char *text, size_t len);
/* a message lost before it was queued (no memory to build it) */
void rtnl_listener_drop(struct rtnl_listener *l);
/* Take the queued text (malloc'ed, *len bytes, NULL when none): blocks
 * until there is some.  Returns 0, -ENOBUFS once after an overrun,
 * -EINTR on a signal, -ENODEV when the namespace went away. */
int rtnl_listener_recv(struct rtnl_listener *l, char **text, size_t *len);
/* The readers that have something to read run now (the script runner,
 * after each command: a monitor prints before the next one starts). */
struct world;
void rtnl_run_listeners(struct world *w);
/* the namespace goes: its listeners are told (net_destroy()) */
void rtnl_listeners_detach(struct net *net);

/* rtnl_notify(): deliver to every listener of net in group */
void rtnl_notify(struct net *net, unsigned int group, const struct rtnl_msg *m);
bool rtnl_has_listeners(const struct net *net, unsigned int group);

/* The kernel's callers, one line at each place that changes state. */
void rtmsg_ifinfo(int type, struct net_device *dev);
/* dev_open()'s message: __dev_notify_flags() runs before linkwatch, so
 * the operstate is still the one of the carrier before ndo_open */
void rtmsg_ifinfo_open(struct net_device *dev, u8 old_carrier);
/* linkwatch (net/core/link_watch.c): a carrier change is told by its own
 * message once the device is up; inside dev_open()/dev_close() (begin/end)
 * it waits until the flags' message and its notifiers are out */
void linkwatch_fire_event(struct net_device *dev);
void linkwatch_begin(struct net *net);
void linkwatch_end(struct net *net);
/* rtnetlink_event(): MTU, address, name and master changes */
int rtnetlink_event(struct net_device *dev, unsigned long event);
void rtmsg_ifa(int type, const struct in_ifaddr *ifa);
void rtmsg_fib(int type, __be32 dst, const struct fib_alias *fa, int plen, u32 tb_id,
	       struct net *net, u32 nlflags);
void inet6_rt_notify(int type, const struct fib6_info *rt, struct net *net, u32 nlflags);
/* fib6_add() and fib_table_delete() nlflags bit: no message (nl_info's
 * skip_notify: ip6_route_multipath_add() tells the route once, whole; the
 * routes of a deleted nexthop go as fib_flush() takes them, silently) */
#define RTNL_SKIP_NOTIFY	0x80000000u
#define FIB6_SKIP_NOTIFY	RTNL_SKIP_NOTIFY
void inet6_ifa_notify(int type, const struct inet6_ifaddr *ifa);
void neigh_notify(const struct neighbour *n, int type);
void notify_rule_change(int type, const struct fib_rule *rule, struct net *net, int family);
void nexthop_notify(int type, const struct nexthop *nh, struct net *net);
/* inet_netconf_notify_devconf(), inet6_netconf_notify_devconf(): conf is
 * the device's (ifindex), all's or default's; NULL for a deleted one */
struct ipv4_devconf;
struct ipv6_devconf;
void inet_netconf_notify_devconf(struct net *net, int type, u32 which, int ifindex,
				 const struct ipv4_devconf *conf);
void inet6_netconf_notify_devconf(struct net *net, int type, u32 which, int ifindex,
				  const struct ipv6_devconf *conf);

#endif
