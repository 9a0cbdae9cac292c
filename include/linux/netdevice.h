/* struct net_device and its ops (include/linux/netdevice.h). */
#ifndef SKBOX_LINUX_NETDEVICE_H
#define SKBOX_LINUX_NETDEVICE_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/skbuff.h"
#include <arpa/inet.h>

struct net;
struct net_device;
struct in_device;
struct inet6_dev;
struct netlink_ext_ack;
struct link_req;

#define IFNAMSIZ 16
#define MAX_ADDR_LEN 32
#define ETH_ALEN 6
/* Headroom for the link header, keeping the IP header 16-byte aligned. */
#define LL_RESERVED_SPACE(dev) ((((dev)->hard_header_len + 15u) & ~15u) + 16u)
#define ETH_HLEN 14
#define ETH_ZLEN 60
#define ETH_DATA_LEN 1500
#define ETH_MIN_MTU 68
#define ETH_MAX_MTU 0xFFFFU

#define ETH_P_IP 0x0800
#define ETH_P_ARP 0x0806
#define ETH_P_IPV6 0x86DD
#define ETH_P_8021Q 0x8100
#define ETH_P_802_3_MIN 0x0600
#define ETH_P_ALL 0x0003

/* dev->flags (include/uapi/linux/if.h) */
enum net_device_flags {
	IFF_UP = 1 << 0,
	IFF_BROADCAST = 1 << 1,
	IFF_DEBUG = 1 << 2,
	IFF_LOOPBACK = 1 << 3,
	IFF_POINTOPOINT = 1 << 4,
	IFF_NOTRAILERS = 1 << 5,
	IFF_RUNNING = 1 << 6,
	IFF_NOARP = 1 << 7,
	IFF_PROMISC = 1 << 8,
	IFF_ALLMULTI = 1 << 9,
	IFF_MASTER = 1 << 10,
	IFF_SLAVE = 1 << 11,
	IFF_MULTICAST = 1 << 12,
	IFF_PORTSEL = 1 << 13,
	IFF_AUTOMEDIA = 1 << 14,
	IFF_DYNAMIC = 1 << 15,
	IFF_LOWER_UP = 1 << 16,
	IFF_DORMANT = 1 << 17,
	IFF_ECHO = 1 << 18,
};

/* dev->priv_flags, the ones we use */
enum netdev_priv_flags {
	IFF_EBRIDGE = 1 << 1,
	IFF_BRIDGE_PORT = 1 << 2,
	IFF_NO_QUEUE = 1 << 3,
	IFF_LIVE_ADDR_CHANGE = 1 << 4,
	/* skbox: the driver never reports carrier changes, so linkwatch never
	 * runs and the operstate stays UNKNOWN while up (lo, dummy) */
	IFF_NO_OPER_REPORT = 1 << 5,
	/* skbox: a vxlan device sends over it (its unregistering deletes them) */
	IFF_VXLAN_LOWER = 1 << 6,
};

/* RFC 2863 operstate (include/uapi/linux/if.h) */
enum {
	IF_OPER_UNKNOWN,
	IF_OPER_NOTPRESENT,
	IF_OPER_DOWN,
	IF_OPER_LOWERLAYERDOWN,
	IF_OPER_TESTING,
	IF_OPER_DORMANT,
	IF_OPER_UP,
};

#define ARPHRD_ETHER 1
#define ARPHRD_LOOPBACK 772
#define ARPHRD_NONE 0xFFFE

enum netdev_tx {
	NETDEV_TX_OK = 0x00,
	NETDEV_TX_BUSY = 0x10,
};
typedef enum netdev_tx netdev_tx_t;

enum rx_handler_result {
	RX_HANDLER_CONSUMED,
	RX_HANDLER_ANOTHER,
	RX_HANDLER_EXACT,
	RX_HANDLER_PASS,
};
typedef enum rx_handler_result rx_handler_result_t;
typedef rx_handler_result_t rx_handler_func_t(struct sk_buff **pskb);

/* Notifier events (include/linux/netdevice.h) */
enum netdev_event {
	NETDEV_UP = 1,
	NETDEV_DOWN,
	NETDEV_REBOOT,
	NETDEV_CHANGE,
	NETDEV_REGISTER,
	NETDEV_UNREGISTER,
	NETDEV_CHANGEMTU,
	NETDEV_CHANGEADDR,
	NETDEV_GOING_DOWN,
	NETDEV_CHANGENAME,
	NETDEV_PRE_UP,
	NETDEV_CHANGEUPPER,
};

struct rtnl_link_stats64 {
	u64 rx_packets, tx_packets, rx_bytes, tx_bytes;
	u64 rx_errors, tx_errors, rx_dropped, tx_dropped;
	u64 multicast, collisions;
	u64 rx_length_errors, rx_over_errors, rx_crc_errors, rx_frame_errors;
	u64 rx_fifo_errors, rx_missed_errors;
	u64 tx_aborted_errors, tx_carrier_errors, tx_fifo_errors;
	u64 tx_heartbeat_errors, tx_window_errors;
	u64 rx_compressed, tx_compressed, rx_nohandler;
};

struct net_device_ops {
	int (*ndo_init)(struct net_device *dev);
	void (*ndo_uninit)(struct net_device *dev);
	int (*ndo_open)(struct net_device *dev);
	int (*ndo_stop)(struct net_device *dev);
	netdev_tx_t (*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	int (*ndo_set_mac_address)(struct net_device *dev, const u8 *addr);
	int (*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	void (*ndo_get_stats64)(struct net_device *dev, struct rtnl_link_stats64 *s);
	struct net_device *(*ndo_get_peer)(const struct net_device *dev);
	int (*ndo_get_iflink)(const struct net_device *dev);
	int (*ndo_add_slave)(struct net_device *dev, struct net_device *port);
	int (*ndo_del_slave)(struct net_device *dev, struct net_device *port);
	void (*ndo_change_rx_flags)(struct net_device *dev, int change);
};

struct header_ops {
	int (*create)(struct sk_buff *skb, struct net_device *dev, u16 type,
		      const void *daddr, const void *saddr, unsigned int len);
	int (*parse)(const struct sk_buff *skb, unsigned char *haddr);
};

/* What `ip link add NAME type KIND ...` drives (include/net/rtnetlink.h). */
struct rtnl_link_ops {
	const char *kind;
	size_t priv_size;
	void (*setup)(struct net_device *dev);
	/* Parse the kind-specific words after "type KIND"; create extra devices
	 * (the veth peer) and register dev.  Returns -errno with ext message. */
	int (*newlink)(struct net *src_net, struct net_device *dev,
		       struct link_req *req, struct netlink_ext_ack *extack);
	void (*dellink)(struct net_device *dev, struct list_head *head);
	/* `ip -d link show` lines */
	void (*fill_info)(const struct net_device *dev, void *out);
	void (*fill_slave_info)(const struct net_device *dev, const struct net_device *port, void *out);
};

struct Qdisc;

struct net_device {
	/* What every frame reads, first: two cache lines (alloc_netdev()
	 * aligns the device to 64 bytes), then the four counters veth and
	 * the bridge update per frame at the start of the third. */
	struct net *nd_net;
	void *priv;			/* netdev_priv() */
	const struct net_device_ops *netdev_ops;
	const struct header_ops *header_ops;
	rx_handler_func_t *rx_handler;	/* the bridge, for ports */
	void *rx_handler_data;
	struct in_device *ip_ptr;
	struct Qdisc *qdisc;
	/* offloads (include/linux/netdev_features.h): what the device takes
	 * whole; validate_xmit_skb() does the rest in software */
	u64 features;
	int ifindex;
	unsigned int flags;		/* IFF_* visible to userspace */
	unsigned int priv_flags;
	unsigned int mtu;
	unsigned short type;		/* ARPHRD_* */
	unsigned short hard_header_len;
	u8 operstate;
	u8 carrier;			/* netif_carrier_ok() */
	u8 addr_len;
	u8 addr_assign_type;
	u8 dev_addr[MAX_ADDR_LEN];

	struct rtnl_link_stats64 stats;	/* core-counted (dropped) and driver-counted */
	u64 rx_dropped_core, tx_dropped_core, rx_nohandler_core;
	/* ingress or clsact (tc filters), out of the first two cache lines:
	 * read per frame only after the counters' line */
	struct Qdisc *ingress_qdisc;

	char name[IFNAMSIZ];
	struct list_head dev_list;	/* in net->dev_base_head, ifindex order */
	struct net_device *name_next;	/* net->dev_name_hash chain */
	struct net_device *index_next;	/* net->dev_index_hash chain */
	struct list_head close_list;
	unsigned int gflags;		/* flags set by the administrator */
	int promiscuity;
	int allmulti;
	unsigned int min_mtu, max_mtu;
	unsigned int mtu_orig;		/* NETDEV_CHANGEMTU: the MTU before (Linux's notifier_info_ext) */
	unsigned int tx_queue_len;
	u8 perm_addr[MAX_ADDR_LEN];
	u8 broadcast[MAX_ADDR_LEN];
	u8 mc_list[16][ETH_ALEN];	/* hardware multicast addresses joined */
	int mc_count;
	u8 uc_list[8][ETH_ALEN];	/* secondary unicast addresses (dev->uc) */
	int uc_count;
	u32 group;
	int refcnt;
	bool registered;
	bool rtnl_link_initializing;	/* rtnl_newlink() tells it once ops->newlink is done */

	const struct rtnl_link_ops *rtnl_link_ops;
	struct inet6_dev *ip6_ptr;	/* IPv6 (net/ipv6/addrconf.c) */
	struct net_device *master;	/* upper device (bridge) */
	void (*priv_destructor)(struct net_device *dev);
	unsigned int gso_max_size;	/* largest super-packet, IP header on */
	u16 gso_max_segs;
};

#define NETIF_F_SG		(1ULL << 0)	/* scatter-gather */
#define NETIF_F_HW_CSUM		(1ULL << 3)	/* checksums any L4 (CHECKSUM_PARTIAL) */
#define NETIF_F_TSO		(1ULL << 16)	/* TCPv4 segmentation */
/* skbox keeps ethtool's "tso" group in one bit: TCPv6 segmentation too */
#define NETIF_F_TSO6		NETIF_F_TSO
#define NETIF_F_GSO		(1ULL << 11)	/* software segmentation late */
#define NETIF_F_GRO		(1ULL << 14)	/* merge received TCP segments */
/* what veth, lo, bridge and dummy have on, as Linux's VETH_FEATURES */
#define NETIF_F_SOFTWARE_OFFLOADS \
	(NETIF_F_SG | NETIF_F_HW_CSUM | NETIF_F_TSO | NETIF_F_GSO | NETIF_F_GRO)
#define GSO_MAX_SIZE		65536u
#define GSO_MAX_SEGS		65535u

struct sk_buff *validate_xmit_skb(struct sk_buff *skb, struct net_device *dev);

static inline void *netdev_priv(const struct net_device *dev)
{
	return dev->priv;
}

static inline struct net *dev_net(const struct net_device *dev)
{
	return dev->nd_net;
}

static inline bool netif_running(const struct net_device *dev)
{
	return dev->flags & IFF_UP;
}

static inline bool netif_carrier_ok(const struct net_device *dev)
{
	return dev->carrier;
}

static inline bool netif_oper_up(const struct net_device *dev)
{
	return dev->operstate == IF_OPER_UP || dev->operstate == IF_OPER_UNKNOWN;
}

static inline bool netif_is_bridge_master(const struct net_device *dev)
{
	return dev->priv_flags & IFF_EBRIDGE;
}

static inline bool netif_is_bridge_port(const struct net_device *dev)
{
	return dev->priv_flags & IFF_BRIDGE_PORT;
}

static inline void dev_hold(struct net_device *dev)
{
	dev->refcnt++;
}

static inline void dev_put(struct net_device *dev)
{
	dev->refcnt--;
}

/* ---- protocol handlers (dev_add_pack) and taps ---- */
struct packet_type {
	u16 type;			/* __be16 ETH_P_* or htons(ETH_P_ALL) */
	struct net_device *dev;		/* NULL: any device */
	int (*func)(struct sk_buff *skb, struct net_device *dev,
		    struct packet_type *pt, struct net_device *orig_dev);
	void *af_packet_priv;
	struct list_head list;
};

/* ---- net/core/dev.c ---- */
struct net_device *alloc_netdev(size_t priv_size, const char *name,
				void (*setup)(struct net_device *dev));
void free_netdev(struct net_device *dev);
int register_netdevice(struct net *net, struct net_device *dev);
void unregister_netdevice(struct net_device *dev);
int dev_open(struct net_device *dev);
void dev_activate(struct net_device *dev);
const char *qdisc_id(const struct net_device *dev);
int dev_get_iflink(const struct net_device *dev);
/* Puts dev in net's list and name/index tables (register_netdevice does;
 * tests that build devices by hand call it). */
int list_netdevice(struct net *net, struct net_device *dev);
void dev_update_operstate(struct net_device *dev);
int dev_close(struct net_device *dev);
int dev_change_flags(struct net_device *dev, unsigned int flags);
int dev_set_mtu(struct net_device *dev, int mtu);
int dev_set_mac_address(struct net_device *dev, const u8 *addr);
int dev_change_name(struct net_device *dev, const char *newname);
int dev_change_net_namespace(struct net_device *dev, struct net *net, const char *pat);
int dev_set_promiscuity(struct net_device *dev, int inc);
int dev_set_allmulti(struct net_device *dev, int inc);
int dev_mc_add(struct net_device *dev, const u8 *addr);
int dev_mc_del(struct net_device *dev, const u8 *addr);
/* net/core/dev_addr_lists.c's _excl forms: -EEXIST for an address listed */
int dev_mc_add_excl(struct net_device *dev, const u8 *addr);
int dev_uc_add_excl(struct net_device *dev, const u8 *addr);
int dev_uc_del(struct net_device *dev, const u8 *addr);
unsigned int dev_get_flags(const struct net_device *dev);
void dev_get_stats(struct net_device *dev, struct rtnl_link_stats64 *s);
struct net_device *__dev_get_by_name(struct net *net, const char *name);
struct net_device *__dev_get_by_index(struct net *net, int ifindex);
int dev_valid_name(const char *name);
int dev_alloc_name(struct net *net, struct net_device *dev, const char *pattern);
int call_netdevice_notifiers(enum netdev_event ev, struct net_device *dev);

void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);
int netdev_rx_handler_register(struct net_device *dev, rx_handler_func_t *h, void *data);
void netdev_rx_handler_unregister(struct net_device *dev);
int netdev_master_upper_dev_link(struct net_device *dev, struct net_device *upper);
void netdev_upper_dev_unlink(struct net_device *dev, struct net_device *upper);

void dev_add_pack(struct net *net, struct packet_type *pt);
void dev_remove_pack(struct net *net, struct packet_type *pt);

int netif_rx(struct sk_buff *skb);
int netif_receive_skb(struct sk_buff *skb);
int __netif_receive_skb_core(struct sk_buff *skb);
int dev_queue_xmit(struct sk_buff *skb);
int dev_hard_start_xmit(struct sk_buff *skb, struct net_device *dev);
int dev_loopback_xmit(struct net *net, struct sock *sk, struct sk_buff *skb);
void net_rx_action(struct net *net);

static inline int dev_hard_header(struct sk_buff *skb, struct net_device *dev,
				  u16 type, const void *daddr, const void *saddr,
				  unsigned int len)
{
	if (!dev->header_ops || !dev->header_ops->create)
		return 0;
	return dev->header_ops->create(skb, dev, type, daddr, saddr, len);
}

#define for_each_netdev(net, d) list_for_each_entry(d, &(net)->dev_base_head, dev_list)
#define for_each_netdev_safe(net, d, n) list_for_each_entry_safe(d, n, &(net)->dev_base_head, dev_list)

#endif
