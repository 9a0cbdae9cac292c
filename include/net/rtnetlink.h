/* The control plane that `ip` drives (net/core/rtnetlink.c and the RTM_*
 * handlers).  In Linux these are netlink messages; here the request is a C
 * struct, and the answer is 0 or -errno plus an optional extack message that
 * iproute2 prints as "Error: MSG." (otherwise "RTNETLINK answers: strerror"). */
#ifndef SKBOX_NET_RTNETLINK_H
#define SKBOX_NET_RTNETLINK_H

#include "linux/types.h"
#include "linux/netdevice.h"
#include "net/ip_fib.h"
#include "net/tun.h"

struct net;
struct in_ifaddr;

struct netlink_ext_ack {
	const char *_msg;
};

#define NL_SET_ERR_MSG(extack, msg) do { if (extack) (extack)->_msg = (msg); } while (0)

/* Bridge options of `ip link add/set ... type bridge ...` (seconds are in
 * centiseconds like the kernel's clock_t values: 30000 = 300 s). */
struct bridge_req {
	int ageing_time;		/* -1 = unchanged */
	int stp_state;
	int forward_delay;
	int hello_time;
	int max_age;
	int priority;
	int vlan_filtering;
};

/* `ip link add/set`: the fields a request may carry. */
struct link_req {
	char name[IFNAMSIZ];		/* "" = let the kernel pick (veth0…) */
	const char *kind;		/* "veth", "bridge", NULL for set */
	bool has_addr;
	u8 addr[ETH_ALEN];
	int mtu;			/* 0 = default */
	int txqlen;			/* -1 = default */
	struct net *net;		/* target namespace (netns NAME), NULL = same */
	struct link_req *peer;		/* veth: the peer's request */
	struct bridge_req br;
	struct net_device *master;	/* master DEV */
	bool nomaster;
	int up;				/* 1 up, 0 down, -1 unchanged */
	unsigned int flags;		/* `ip link set` promisc/arp/multicast changes */
	unsigned int flag_mask;
	const void *info_data;		/* IFLA_INFO_DATA of other kinds (struct vxlan_config) */
	struct tun_req tun;		/* tun/tap: mode, flags, host interface */
};

void link_req_init(struct link_req *req);
const struct rtnl_link_ops *rtnl_link_ops_get(const char *kind);
int rtnl_newlink(struct net *net, struct link_req *req, struct netlink_ext_ack *extack);
int rtnl_setlink(struct net_device *dev, struct link_req *req, struct netlink_ext_ack *extack);
int rtnl_dellink(struct net_device *dev, struct netlink_ext_ack *extack);
/* Used by `ip link set DEV master BR` / `nomaster`. */
int do_set_master(struct net_device *dev, struct net_device *master,
		  struct netlink_ext_ack *extack);

/* `ip addr add/del` (net/ipv4/devinet.c) */
struct ifa_req {
	int ifindex;
	__be32 local;
	__be32 address;			/* peer; = local if none */
	__be32 broadcast;		/* 0 = none; brd + computes it */
	bool brd_set;
	u8 prefixlen;
	u8 scope;
	bool scope_set;
	u32 flags;			/* IFA_F_* */
	char label[IFNAMSIZ];		/* "" = the device's name */
	u32 valid_lft, preferred_lft;	/* 0xFFFFFFFF = forever */
	u32 metric;
	u32 nlflags;			/* NLM_F_REPLACE: an address there changes */
};

int inet_rtm_newaddr(struct net *net, const struct ifa_req *req, struct netlink_ext_ack *extack);
int inet_rtm_deladdr(struct net *net, const struct ifa_req *req, struct netlink_ext_ack *extack);

/* `ip route add/del/…` (net/ipv4/fib_frontend.c).  cfg->fc_nlflags carries
 * NLM_F_CREATE|EXCL (add), REPLACE (replace/change), APPEND (append). */
int inet_rtm_newroute(struct net *net, struct fib_config *cfg, struct netlink_ext_ack *extack);
int inet_rtm_delroute(struct net *net, struct fib_config *cfg, struct netlink_ext_ack *extack);

/* `ip route get` (net/ipv4/route.c) */
struct rtm_get_req {
	__be32 dst;
	__be32 src;			/* from ADDR */
	int iif;			/* iif DEV: simulate input */
	int oif;			/* oif DEV */
	u32 mark;
	u8 tos;
	bool fibmatch;
	u8 ipproto;			/* ipproto/sport/dport/uid: rule selectors */
	__be16 sport, dport;
	int uid;			/* -1: none given (the caller's, 0) */
};

struct rtm_get_res {
	u8 type;			/* RTN_* */
	u32 table;
	__be32 dst, src, prefsrc, gw;
	u8 gw_family;			/* AF_INET6: the gateway is gw6 (RTA_VIA) */
	struct in6_addr gw6;
	struct lwtunnel_state encap;	/* RTA_ENCAP of the route's nexthop (type 0: none) */
	int oif, iif;
	unsigned int flags;		/* RTCF_* */
	unsigned int mtu;		/* cached PMTU, 0 = none */
	u64 expires_ns;			/* remaining, for "cache expires" */
	bool mtu_locked;
	u32 advmss;			/* RTAX_ADVMSS metric, 0 = none */
	const char *congctl;		/* RTAX_CC_ALGO metric, or NULL */
	bool congctl_locked;
	int uid;
	/* fibmatch: the matching route */
	struct fib_result res;
};

int inet_rtm_getroute(struct net *net, const struct rtm_get_req *req,
		      struct rtm_get_res *res, struct netlink_ext_ack *extack);

/* `ip neigh add/del/change/replace` (net/core/neighbour.c) */
struct ndm_req {
	int ifindex;
	__be32 dst;
	bool has_lladdr;
	u8 lladdr[ETH_ALEN];
	u16 state;			/* NUD_*; default NUD_PERMANENT */
	u8 flags;			/* NTF_PROXY, NTF_ROUTER */
	u32 nlflags;			/* NLM_F_CREATE|EXCL|REPLACE */
};

int neigh_add(struct net *net, const struct ndm_req *req, struct netlink_ext_ack *extack);
int neigh_delete_req(struct net *net, const struct ndm_req *req, struct netlink_ext_ack *extack);

#endif
