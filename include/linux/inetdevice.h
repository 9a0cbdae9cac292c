/* IPv4 per-device state and devconf (include/linux/inetdevice.h). */
#ifndef SKBOX_LINUX_INETDEVICE_H
#define SKBOX_LINUX_INETDEVICE_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/netdevice.h"

struct net_device;
struct net;

/* include/uapi/linux/ip.h: the order is the sysctl table's. */
#define IPV4_DEVCONF_LIST(FN)						\
	FN(FORWARDING, "forwarding")					\
	FN(MC_FORWARDING, "mc_forwarding")				\
	FN(PROXY_ARP, "proxy_arp")					\
	FN(ACCEPT_REDIRECTS, "accept_redirects")			\
	FN(SECURE_REDIRECTS, "secure_redirects")			\
	FN(SEND_REDIRECTS, "send_redirects")				\
	FN(SHARED_MEDIA, "shared_media")				\
	FN(RP_FILTER, "rp_filter")					\
	FN(ACCEPT_SOURCE_ROUTE, "accept_source_route")			\
	FN(BOOTP_RELAY, "bootp_relay")					\
	FN(LOG_MARTIANS, "log_martians")				\
	FN(TAG, "tag")							\
	FN(ARPFILTER, "arp_filter")					\
	FN(MEDIUM_ID, "medium_id")					\
	FN(NOXFRM, "disable_xfrm")					\
	FN(NOPOLICY, "disable_policy")					\
	FN(FORCE_IGMP_VERSION, "force_igmp_version")			\
	FN(ARP_ANNOUNCE, "arp_announce")				\
	FN(ARP_IGNORE, "arp_ignore")					\
	FN(PROMOTE_SECONDARIES, "promote_secondaries")			\
	FN(ARP_ACCEPT, "arp_accept")					\
	FN(ARP_NOTIFY, "arp_notify")					\
	FN(ACCEPT_LOCAL, "accept_local")				\
	FN(SRC_VMARK, "src_valid_mark")					\
	FN(PROXY_ARP_PVLAN, "proxy_arp_pvlan")				\
	FN(ROUTE_LOCALNET, "route_localnet")				\
	FN(IGMPV2_UNSOLICITED_REPORT_INTERVAL, "igmpv2_unsolicited_report_interval") \
	FN(IGMPV3_UNSOLICITED_REPORT_INTERVAL, "igmpv3_unsolicited_report_interval") \
	FN(IGNORE_ROUTES_WITH_LINKDOWN, "ignore_routes_with_linkdown")	\
	FN(DROP_UNICAST_IN_L2_MULTICAST, "drop_unicast_in_l2_multicast")	\
	FN(DROP_GRATUITOUS_ARP, "drop_gratuitous_arp")			\
	FN(BC_FORWARDING, "bc_forwarding")				\
	FN(ARP_EVICT_NOCARRIER, "arp_evict_nocarrier")

enum {
#define FN(id, name) IPV4_DEVCONF_##id,
	IPV4_DEVCONF_LIST(FN)
#undef FN
	IPV4_DEVCONF_MAX
};

struct ipv4_devconf {
	int data[IPV4_DEVCONF_MAX];
	u64 state;			/* bit i: data[i] was written for this device */
};

#define IPV4_DEVCONF(cnf, attr) ((cnf).data[IPV4_DEVCONF_##attr])

struct in_ifaddr {
	struct list_head ifa_list;	/* in in_dev->ifa_list, primaries first */
	struct in_ifaddr *addr_lst;	/* next in its net->ipv4.inet_addr_lst chain */
	struct in_device *ifa_dev;
	__be32 ifa_local;
	__be32 ifa_address;		/* peer, == local unless point-to-point */
	__be32 ifa_mask;
	__be32 ifa_broadcast;
	u32 ifa_rt_priority;
	u8 ifa_scope;
	u8 ifa_prefixlen;
	u32 ifa_flags;
	char ifa_label[16];
	u32 ifa_valid_lft;
	u32 ifa_preferred_lft;
};

#define IFA_F_SECONDARY 0x01
#define IFA_F_NODAD 0x02
#define IFA_F_PERMANENT 0x80
#define IFA_F_NOPREFIXROUTE 0x200

struct in_device {
	struct net_device *dev;
	struct list_head ifa_list;
	struct ipv4_devconf cnf;
	int refcnt;
	bool dead;
	unsigned long mr_v1_seen;
	struct ip_mc_dev *mc;		/* joined groups and IGMP state (igmp.c), NULL: none yet */
};



static inline struct in_device *__in_dev_get_rtnl(const struct net_device *dev)
{
	return dev->ip_ptr;
}

#define in_dev_get __in_dev_get_rtnl
#define __in_dev_get_rcu __in_dev_get_rtnl

/* Effective values, combining all/DEV as the kernel's IN_DEV_* macros do. */
struct net *in_dev_net(const struct in_device *in_dev);
int in_dev_conf_all(const struct in_device *in_dev, int attr);

#define IN_DEV_CONF_GET(in_dev, attr) ((in_dev)->cnf.data[IPV4_DEVCONF_##attr])
#define IN_DEV_ANDCONF(in_dev, attr) \
	(in_dev_conf_all(in_dev, IPV4_DEVCONF_##attr) && IN_DEV_CONF_GET(in_dev, attr))
#define IN_DEV_ORCONF(in_dev, attr) \
	(in_dev_conf_all(in_dev, IPV4_DEVCONF_##attr) || IN_DEV_CONF_GET(in_dev, attr))
#define IN_DEV_MAXCONF(in_dev, attr) \
	(in_dev_conf_all(in_dev, IPV4_DEVCONF_##attr) > IN_DEV_CONF_GET(in_dev, attr) ? \
	 in_dev_conf_all(in_dev, IPV4_DEVCONF_##attr) : IN_DEV_CONF_GET(in_dev, attr))

#define IN_DEV_FORWARD(in_dev) IN_DEV_CONF_GET((in_dev), FORWARDING)
#define IN_DEV_RPFILTER(in_dev) IN_DEV_MAXCONF((in_dev), RP_FILTER)
#define IN_DEV_SRC_VMARK(in_dev) IN_DEV_ORCONF((in_dev), SRC_VMARK)
#define IN_DEV_ACCEPT_LOCAL(in_dev) IN_DEV_ORCONF((in_dev), ACCEPT_LOCAL)
#define IN_DEV_PROXY_ARP(in_dev) IN_DEV_ORCONF((in_dev), PROXY_ARP)
#define IN_DEV_ROUTE_LOCALNET(in_dev) IN_DEV_ORCONF((in_dev), ROUTE_LOCALNET)
#define IN_DEV_ARPFILTER(in_dev) IN_DEV_ORCONF((in_dev), ARPFILTER)
#define IN_DEV_ARP_ACCEPT(in_dev) IN_DEV_MAXCONF((in_dev), ARP_ACCEPT)
#define IN_DEV_ARP_ANNOUNCE(in_dev) IN_DEV_MAXCONF((in_dev), ARP_ANNOUNCE)
#define IN_DEV_ARP_IGNORE(in_dev) IN_DEV_MAXCONF((in_dev), ARP_IGNORE)
#define IN_DEV_LOG_MARTIANS(in_dev) IN_DEV_ORCONF((in_dev), LOG_MARTIANS)
#define IN_DEV_SHARED_MEDIA(in_dev) IN_DEV_ORCONF((in_dev), SHARED_MEDIA)
#define IN_DEV_TX_REDIRECTS(in_dev) IN_DEV_ORCONF((in_dev), SEND_REDIRECTS)
#define IN_DEV_SEC_REDIRECTS(in_dev) IN_DEV_ORCONF((in_dev), SECURE_REDIRECTS)
/* a router takes redirects only when all and DEV agree; a host when either says so */
#define IN_DEV_RX_REDIRECTS(in_dev) \
	(IN_DEV_FORWARD(in_dev) ? IN_DEV_ANDCONF((in_dev), ACCEPT_REDIRECTS) : \
				  IN_DEV_ORCONF((in_dev), ACCEPT_REDIRECTS))
#define IN_DEV_IGNORE_ROUTES_WITH_LINKDOWN(in_dev) \
	IN_DEV_ORCONF((in_dev), IGNORE_ROUTES_WITH_LINKDOWN)



#define in_dev_for_each_ifa(ifa, in_dev) list_for_each_entry(ifa, &(in_dev)->ifa_list, ifa_list)

static inline __be32 inet_make_mask(int logmask)
{
	if (logmask)
		return htonl(~((1U << (32 - logmask)) - 1));
	return 0;
}

static inline bool inet_ifa_match(__be32 addr, const struct in_ifaddr *ifa)
{
	return !((addr ^ ifa->ifa_address) & ifa->ifa_mask);
}

/* net/ipv4/devinet.c */
struct in_device *inetdev_init(struct net_device *dev);
void inetdev_destroy(struct in_device *in_dev);
__be32 inet_select_addr(const struct net_device *dev, __be32 dst, int scope);
__be32 inet_confirm_addr(struct net *net, struct in_device *in_dev, __be32 dst,
			 __be32 local, int scope);
struct in_ifaddr *inet_ifa_byprefix(struct in_device *in_dev, __be32 prefix, __be32 mask);
struct net_device *__ip_dev_find(struct net *net, __be32 addr);
/* The address ifa_local == addr of some device of net, or NULL (by hash). */
struct in_ifaddr *inet_lookup_ifaddr_rcu(struct net *net, __be32 addr);
int inet_addr_onlink(struct in_device *in_dev, __be32 a, __be32 b);
int inet_insert_ifa(struct in_ifaddr *ifa);
int inet_del_ifa(struct in_device *in_dev, struct in_ifaddr *ifa);
struct in_ifaddr *inet_alloc_ifa(void);
void devinet_init_net_conf(struct net *net);
int devinet_sysctl_write(struct net *net, struct ipv4_devconf *cnf, int attr, int val);
/* inetdev_event(NETDEV_UP) for loopback: 127.0.0.1/8 scope host. */
void inetdev_lo_up(struct in_device *in_dev);
/* The inetaddr notifier (fib_inetaddr_event in fib_frontend.c): NETDEV_UP
 * after an address is added, NETDEV_DOWN after it is unlinked. */
int fib_inetaddr_event(struct in_ifaddr *ifa, unsigned long event);

#endif
