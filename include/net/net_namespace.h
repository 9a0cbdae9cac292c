/* struct net: one network namespace (include/net/net_namespace.h).
 * Everything a namespace owns hangs off it; nothing lives in globals. */
#ifndef SKBOX_NET_NET_NAMESPACE_H
#define SKBOX_NET_NET_NAMESPACE_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/skbuff.h"
#include "linux/inetdevice.h"
#include "net/snmp.h"
#include "net/neighbour.h"
#include "linux/netdevice.h"
#include "net/netns/ipv6.h"

struct world;
struct net_device;
struct fib_table;
struct sock;

#define NETNS_NAME_MAX 64

/* The per-namespace receive backlog (struct softnet_data, per-CPU in Linux). */
struct napi_struct {
	struct list_head poll_list;	/* on world->napi_poll_list while scheduled */
	bool scheduled;
	int (*poll)(struct napi_struct *napi, int budget);
	struct net *net;
	struct sk_buff *gro_list;	/* held super-packets, oldest first (net/core/gro.c) */
	int gro_count;
};

struct softnet_data {
	struct sk_buff_head input_pkt_queue;
	struct napi_struct backlog;
	u64 processed;
	u64 dropped;			/* /proc/net/softnet_stat column 2 */
	u64 time_squeeze;
};

struct netns_core {
	int sysctl_netdev_max_backlog;
	int sysctl_netdev_budget;
	int sysctl_somaxconn;
	int sysctl_dev_weight;
	/* net.core.{r,w}mem_{default,max}: readable in every namespace, kept and
	 * written in the initial one only (as Linux 6.x) */
	int sysctl_rmem_default, sysctl_rmem_max;
	int sysctl_wmem_default, sysctl_wmem_max;
};

struct inet_peer;

/* br_netfilter's per-namespace switches (struct brnf_net) */
struct netns_brnf {
	int call_iptables;
	int call_ip6tables;
	int call_arptables;
	int filter_vlan_tagged;
	int filter_pppoe_tagged;
	int pass_vlan_indev;
	int enabled;			/* a bridge exists */
	int hooked;			/* br_netfilter's hooks registered (br_nf_hooks_update) */
};

struct netns_ipv4 {
	/* What every route lookup reads, in one cache line: these come
	 * first in struct net, which net_create() allocates 64-byte aligned */
	struct fib_table *fib_main;
	struct fib_table *fib_local;
	struct fib_table *fib_default;
	/* local addresses by value (devinet.c): a power-of-two array of
	 * chains through in_ifaddr.addr_lst */
	struct in_ifaddr **inet_addr_lst;
	unsigned int inet_addr_hsize, inet_addr_count;
	int rt_genid;			/* route.c: cached routes older than this are stale */
	int fib_rules_require_fldissect; /* rules on ipproto/ports/uid: no keyed route cache */
	int sysctl_fib_multipath_hash_policy;
	bool fib_has_custom_rules;

	struct ipv4_devconf devconf_all;
	struct ipv4_devconf devconf_dflt;
	struct list_head fib_tables;		/* struct fib_table, by id */
	struct list_head rules_ops;		/* struct fib_rule, by pref */
	struct list_head nexthops;		/* struct nexthop, by id (ip nexthop) */
	bool dev_exiting;		/* default_device_exit(): even tunl0 goes */
	int fib_rules_gotos;		/* goto rules: re-resolve targets only when any */
	u32 fib_seq;
	struct neigh_table arp_tbl;

	int sysctl_icmp_echo_ignore_all;
	int sysctl_icmp_echo_ignore_broadcasts;
	int sysctl_icmp_ignore_bogus_error_responses;
	int sysctl_icmp_ratelimit;		/* ms */
	int sysctl_icmp_ratemask;
	int sysctl_icmp_msgs_per_sec;
	int sysctl_icmp_msgs_burst;
	int sysctl_icmp_errors_use_inbound_ifaddr;
	int sysctl_ip_default_ttl;
	int sysctl_ip_no_pmtu_disc;
	int sysctl_ip_fwd_use_pmtu;
	int sysctl_ip_nonlocal_bind;
	int sysctl_ip_dynaddr;
	int sysctl_ip_early_demux;
	int sysctl_ip_local_port_range[2];
	int sysctl_ping_group_range[2];
	int sysctl_ip_min_pmtu;			/* net.ipv4.route.min_pmtu */
	int sysctl_ip_rt_mtu_expires;		/* seconds */
	int sysctl_ipfrag_high_thresh;
	int sysctl_ipfrag_low_thresh;
	int sysctl_ipfrag_time;
	int sysctl_ipfrag_max_dist;

	struct list_head peers;			/* struct inet_peer: ICMP rate limits, IP ids */
	u32 ip_id_next;
	u64 icmp_global_credit_stamp;
	int icmp_global_credit;
	void *frags;				/* struct ipv4_frags */
	struct list_head raw_sockets;		/* struct sock, SOCK_RAW */
	struct list_head udp_sockets;
	void *udp_table;
	struct list_head ping_sockets;		/* ping sockets of both families (ping.c) */
	u16 ping_port_rover;			/* the last identifier ping_get_port picked */
	struct packet_type ip_packet_type;
	struct packet_type arp_packet_type;
};

struct net {
	struct netns_ipv4 ipv4;			/* first: its first line is the route lookups' */
	struct list_head list;			/* in world->nets */
	struct net *name_next;			/* world->ns_hash chain */
	struct world *world;
	void *gen[16];				/* net_generic() slots for pernet_operations
						 * (near the top: routing reads one per packet) */
	char name[NETNS_NAME_MAX];		/* `ip netns` name; "" for the first */
	int refcnt;
	int ifindex;				/* last ifindex handed out */
	u32 dev_base_seq;
	/* devices by name and by ifindex (dev_name_head, dev_index_head in
	 * Linux); the tables grow with the number of devices */
	struct net_device **dev_name_hash, **dev_index_hash;
	unsigned int dev_hash_size, dev_count;
	struct list_head dev_base_head;
	struct net_device *loopback_dev;
	struct list_head ptype_all;		/* taps: tcpdump */
	struct list_head ptype_base;		/* dev_add_pack() handlers */
	struct list_head nsid_list;		/* struct netns_id: peers' ids for link-netnsid */
	struct softnet_data softnet;
	struct netns_core core;
	struct netns_ipv6 ipv6;			/* net/ipv6/ */
	struct netns_mib mib;
	void *nf;				/* struct netns_nf: netfilter hooks */
	struct netns_brnf brnf;			/* net.bridge.bridge-nf-* */
	struct list_head rtnl_listeners;	/* rtnetlink sockets: ip monitor (rtnl_notify.h) */
	struct net_device *linkwatch_ev[8];	/* carrier changes told after the flags' message */
	int linkwatch_batch, linkwatch_n;
};

/* Like register_pernet_subsys(): init/exit run for every namespace; a
 * subsystem that needs private state asks for `size` bytes in slot *id. */
/* net_generic() slots, one per subsystem that asks for private state */
enum {
	NETGEN_ROUTE,
	NETGEN_FRAGS,
	NETGEN_ICMP,
	NETGEN_IPTABLES,
	NETGEN_TCP,
	NETGEN_CONNTRACK,
	NETGEN_NAT,
	NETGEN_IPSET,
	NETGEN_IPVS,
	NETGEN_HASHLIMIT,
	NETGEN_RECENT,
	NETGEN_MAX = 16,
};

struct pernet_operations {
	const char *name;
	int (*init)(struct net *net);
	void (*exit)(struct net *net);
	const unsigned int *id;
	size_t size;
};

static inline void *net_generic(const struct net *net, unsigned int id)
{
	return net->gen[id];
}

struct net *net_create(struct world *world, const char *name);
void net_destroy(struct net *net);
/* References, as Linux's get_net/put_net: a namespace's name (`ip netns
 * add`), each command running in it and each open socket of it hold one;
 * the last put_net() destroys it.  `ip netns del` only drops the name's. */
/* include/net/net_namespace.h: the generation id of the namespace's cached
 * IPv4 routes, next to the FIB tables every lookup reads */
static inline int rt_genid_ipv4(const struct net *net)
{
	return net->ipv4.rt_genid;
}

static inline void rt_genid_bump_ipv4(struct net *net)
{
	net->ipv4.rt_genid++;
}

static inline struct net *get_net(struct net *net)
{
	net->refcnt++;
	return net;
}
void put_net(struct net *net);
/* `ip netns del`: the name goes, the namespace lives on while used. */
void net_unname(struct net *net);
struct net *get_net_ns_by_name(struct world *world, const char *name);
int peernet2id(struct net *net, struct net *peer);	/* -1 when none assigned */
int peernet2id_alloc(struct net *net, struct net *peer);
void net_ns_id_forget(struct net *net, struct net *peer);

static inline bool net_eq(const struct net *a, const struct net *b)
{
	return a == b;
}

#endif
