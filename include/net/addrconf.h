/* IPv6 per-device state (include/net/if_inet6.h, include/net/addrconf.h):
 * struct inet6_dev hangs off dev->ip6_ptr, holds the device's addresses
 * (struct inet6_ifaddr, ordered by scope as ipv6_link_dev_addr keeps them)
 * and its devconf (net.ipv6.conf.DEV.*). */
#ifndef SKBOX_NET_ADDRCONF_H
#define SKBOX_NET_ADDRCONF_H

#include <netinet/in.h>
#include "linux/types.h"
#include "linux/list.h"
#include "linux/timer.h"

struct net;
struct net_device;
struct netlink_ext_ack;

/* net.ipv6.conf.X.*: the order is the sysctl directory's (alphabetical). */
#define IPV6_DEVCONF_LIST(FN)						\
	FN(ACCEPT_DAD, "accept_dad", 1)					\
	FN(ACCEPT_RA, "accept_ra", 1)					\
	FN(ACCEPT_RA_DEFRTR, "accept_ra_defrtr", 1)			\
	FN(ACCEPT_RA_MTU, "accept_ra_mtu", 1)				\
	FN(ACCEPT_RA_PINFO, "accept_ra_pinfo", 1)			\
	FN(ACCEPT_REDIRECTS, "accept_redirects", 1)			\
	FN(ACCEPT_SOURCE_ROUTE, "accept_source_route", 0)		\
	FN(ADDR_GEN_MODE, "addr_gen_mode", 0)				\
	FN(AUTOCONF, "autoconf", 1)					\
	FN(DAD_TRANSMITS, "dad_transmits", 1)				\
	FN(DISABLE_IPV6, "disable_ipv6", 0)				\
	FN(DISABLE_POLICY, "disable_policy", 0)				\
	FN(ENHANCED_DAD, "enhanced_dad", 1)				\
	FN(FORCE_MLD_VERSION, "force_mld_version", 0)			\
	FN(FORWARDING, "forwarding", 0)					\
	FN(HOP_LIMIT, "hop_limit", 64)					\
	FN(IGNORE_ROUTES_WITH_LINKDOWN, "ignore_routes_with_linkdown", 0) \
	FN(KEEP_ADDR_ON_DOWN, "keep_addr_on_down", 0)			\
	FN(MLDV1_UNSOLICITED_REPORT_INTERVAL, "mldv1_unsolicited_report_interval", 10000) \
	FN(MLDV2_UNSOLICITED_REPORT_INTERVAL, "mldv2_unsolicited_report_interval", 1000) \
	FN(MTU, "mtu", 1280)						\
	FN(NDISC_NOTIFY, "ndisc_notify", 0)				\
	FN(PROXY_NDP, "proxy_ndp", 0)					\
	FN(ROUTER_SOLICITATION_DELAY, "router_solicitation_delay", 1)	\
	FN(ROUTER_SOLICITATION_INTERVAL, "router_solicitation_interval", 4) \
	FN(ROUTER_SOLICITATION_MAX_INTERVAL, "router_solicitation_max_interval", 3600) \
	FN(ROUTER_SOLICITATIONS, "router_solicitations", -1)		\
	FN(SUPPRESS_FRAG_NDISC, "suppress_frag_ndisc", 1)		\
	FN(USE_TEMPADDR, "use_tempaddr", 0)

enum {
#define FN(id, name, dflt) DEVCONF_##id,
	IPV6_DEVCONF_LIST(FN)
#undef FN
	DEVCONF_MAX
};

struct ipv6_devconf {
	int data[DEVCONF_MAX];
};

#define IFA_F_TEMPORARY 0x01
#define IFA_F_OPTIMISTIC 0x04
#define IFA_F_DADFAILED 0x08
#define IFA_F_HOMEADDRESS 0x10
#define IFA_F_DEPRECATED 0x20
#define IFA_F_TENTATIVE 0x40
#define IFA_F_MANAGETEMPADDR 0x100
#define IFA_F_MCAUTOJOIN 0x400

/* ifa_proto (include/uapi/linux/if_addr.h) */
#define IFAPROT_UNSPEC 0
#define IFAPROT_KERNEL_LO 1
#define IFAPROT_KERNEL_RA 2
#define IFAPROT_KERNEL_LL 3

struct inet6_dev;

/* inet6_ifaddr.state */
enum {
	INET6_IFADDR_STATE_PREDAD,
	INET6_IFADDR_STATE_DAD,
	INET6_IFADDR_STATE_POSTDAD,
	INET6_IFADDR_STATE_ERRDAD,
	INET6_IFADDR_STATE_DEAD,
};

struct inet6_ifaddr {
	struct in6_addr addr;
	struct in6_addr peer_addr;	/* `peer P/N`: the other end */
	bool has_peer;
	u32 prefix_len;
	u32 rt_priority;		/* metric of the prefix route */
	u32 valid_lft, prefered_lft;
	u64 tstamp;			/* when the lifetimes were set (world ns) */
	u32 flags;			/* IFA_F_* */
	int scope;			/* RT_SCOPE_* as `ip addr` prints it */
	u8 ifa_proto;
	struct list_head if_list;	/* in idev->addr_list */
	struct inet6_dev *idev;
	/* duplicate address detection (addrconf_dad_work) */
	int state;			/* INET6_IFADDR_STATE_* */
	u8 dad_probes;			/* NS still to send */
	bool solict_joined;		/* in its solicited-node group */
	u64 dad_nonce;			/* enhanced DAD (RFC 7527): 6 bytes */
	struct timer_list dad_work;
};

struct inet6_dev {
	struct net_device *dev;
	struct list_head addr_list;
	struct ipv6_devconf cnf;
	bool dead;
	bool if_ready;			/* link-local configured (IF_READY) */
	struct timer_list linkwatch;	/* carrier came: configure (linkwatch's delay) */
	u64 rnd;			/* random delays (DAD, MLD, RS): own stream */
	/* MLD (net/ipv6/mcast.c) */
	struct list_head mc_list;	/* struct ifmcaddr6, newest first */
	struct list_head mc_tomb;	/* struct ifmcaddr6_tomb: left groups */
	int mc_qrv;			/* robustness variable */
	int mc_ifc_count, mc_dad_count;
	u64 mc_v1_seen;			/* until when an MLDv1 querier rules (ns) */
	struct timer_list mc_ifc_work;	/* state-change reports */
	struct timer_list mc_dad_work;	/* initial reports once the link-local is up */
	struct timer_list mc_gq_work;	/* answer to a general query */
	/* router solicitation (addrconf_rs_timer) */
	bool ra_rcvd;			/* IF_RA_RCVD: a router answered */
	int rs_probes;
	u64 rs_interval;		/* ns */
	struct timer_list rs_timer;
	struct timer_list verify;	/* lifetimes of dynamic addresses and RA routes */
};

/* a random number below n from the device's own stream (prandom) */
u32 addrconf_rand_below(struct inet6_dev *idev, u32 n);

static inline struct inet6_dev *__in6_dev_get(const struct net_device *dev);

/* net/ipv6/addrconf.c */
int addrconf_notify(struct net_device *dev, unsigned long event);
struct inet6_ifaddr *ipv6_get_ifaddr(struct net *net, const struct in6_addr *addr,
				     struct net_device *dev);
bool ipv6_chk_addr(struct net *net, const struct in6_addr *addr, const struct net_device *dev);
/* DAD events from ndisc.c: a neighbour says the address is taken */
void addrconf_dad_failure(struct sk_buff *skb, struct inet6_ifaddr *ifp);
void addrconf_rs_stop(struct inet6_dev *idev);
struct world;
void addrconf_world_ipv6_off(struct world *w);
/* what `ip -6 addr` shows of an address's lifetimes now (inet6_fill_ifaddr) */
void inet6_ifa_lifetimes(const struct inet6_ifaddr *ifa, u32 *valid, u32 *prefered);
/* router advertisements (ndisc.c → addrconf.c) */
void addrconf_prefix_rcv(struct net_device *dev, const u8 *opt, unsigned int len);
void addrconf_verify_schedule(struct inet6_dev *idev, u64 when);
int ipv6_dev_get_saddr(struct net *net, const struct net_device *dst_dev,
		       const struct in6_addr *daddr, struct in6_addr *saddr);
int ipv6_get_lladdr(const struct net_device *dev, struct in6_addr *addr);
int addrconf_sysctl_read(struct net *net, const char *key, char *buf, size_t len);
int addrconf_sysctl_write(struct net *net, const char *key, const char *val);
const char *addrconf_sysctl_key(struct net *net, unsigned int i, char *buf, size_t len);

/* `ip -6 addr add/del` (inet6_rtm_newaddr / inet6_rtm_deladdr) */
struct ifa6_req {
	int ifindex;
	struct in6_addr local;
	struct in6_addr peer;
	bool has_peer;
	u8 prefixlen;
	u32 flags;			/* IFA_F_NODAD, IFA_F_NOPREFIXROUTE */
	u32 valid_lft, preferred_lft;
	u32 metric;
	u32 nlflags;			/* NLM_F_REPLACE: an existing address changes */
};

int inet6_rtm_newaddr(struct net *net, const struct ifa6_req *req,
		      struct netlink_ext_ack *extack);
int inet6_rtm_deladdr(struct net *net, const struct ifa6_req *req,
		      struct netlink_ext_ack *extack);

#include "linux/netdevice.h"

static inline struct inet6_dev *__in6_dev_get(const struct net_device *dev)
{
	return dev->ip6_ptr;
}

#define in6_dev_for_each_ifa(ifa, idev) list_for_each_entry(ifa, &(idev)->addr_list, if_list)

#endif
