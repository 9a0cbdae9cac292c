/* The software bridge (net/bridge/br_private.h): a bridge device, its
 * ports and its forwarding database. */
#ifndef SKBOX_NET_BRIDGE_H
#define SKBOX_NET_BRIDGE_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/netdevice.h"
#include "linux/timer.h"

/* port states (include/uapi/linux/if_bridge.h) */
#define BR_STATE_DISABLED 0
#define BR_STATE_LISTENING 1
#define BR_STATE_LEARNING 2
#define BR_STATE_FORWARDING 3
#define BR_STATE_BLOCKING 4

/* port flags */
#define BR_HAIRPIN_MODE 0x1
#define BR_BPDU_GUARD 0x2
#define BR_ROOT_BLOCK 0x4
#define BR_MULTICAST_FAST_LEAVE 0x8
#define BR_LEARNING 0x20
#define BR_FLOOD 0x40
#define BR_PROXYARP 0x100
#define BR_LEARNING_SYNC 0x200
#define BR_PROXYARP_WIFI 0x400
#define BR_MCAST_FLOOD 0x800
#define BR_MULTICAST_TO_UNICAST 0x1000
#define BR_VLAN_TUNNEL 0x2000
#define BR_BCAST_FLOOD 0x4000
#define BR_NEIGH_SUPPRESS 0x8000
#define BR_ISOLATED 0x10000
#define BR_PORT_LOCKED 0x40000

#define BR_MAX_PORTS 1024

struct net_bridge;

struct net_bridge_port {
	struct net_bridge *br;
	struct net_device *dev;
	struct list_head list;
	u16 port_no;
	u16 port_id;
	u8 state;
	u8 priority;			/* 32 */
	u32 path_cost;			/* 2 for veth (speed unknown: 10G → 2) */
	u32 flags;
	struct timer_list forward_delay_timer;
	u64 forward_delay_started;
};

struct net_bridge_fdb_entry {
	struct net_bridge_fdb_entry *next;	/* hash chain */
	struct list_head list;			/* br->fdb_list, insertion order */
	struct net_bridge_port *dst;		/* NULL: the bridge device itself */
	u8 addr[ETH_ALEN];
	u16 vlan_id;
	bool is_local;				/* frames to it go up the stack */
	bool is_static;				/* never ages: permanent/static */
	bool added_by_user;
	bool added_by_external_learn;
	u64 updated;
	u64 used;
};

#define BR_HASH_SIZE 256

struct net_bridge {
	struct net_device *dev;
	struct list_head port_list;
	struct net_bridge_fdb_entry *hash[BR_HASH_SIZE];
	struct list_head fdb_list;
	unsigned int fdb_count;
	u64 ageing_time;			/* ns; 300 s */
	u64 forward_delay;			/* ns; 15 s */
	u64 hello_time;				/* ns; 2 s */
	u64 max_age;				/* ns; 20 s */
	u16 bridge_priority;			/* 32768 */
	u8 stp_enabled;
	u8 vlan_enabled;
	bool addr_set;				/* MAC set by the administrator */
	u8 group_addr[ETH_ALEN];
	u16 group_fwd_mask;
	int nf_call_iptables;
	int nf_call_ip6tables;
	int nf_call_arptables;
	struct timer_list gc_timer;
	u64 created;
};

static inline struct net_bridge_port *br_port_get_rtnl(const struct net_device *dev)
{
	return netif_is_bridge_port(dev) ? dev->rx_handler_data : NULL;
}

static inline struct net_bridge *br_from_dev(const struct net_device *dev)
{
	return netif_is_bridge_master(dev) ? netdev_priv(dev) : NULL;
}

int br_add_if(struct net_bridge *br, struct net_device *dev, struct netlink_ext_ack *extack);
int br_del_if(struct net_bridge *br, struct net_device *dev);
int br_port_set_flag(struct net_bridge_port *p, u32 flag, bool on);
const char *br_port_state_name(u8 state);
struct net_bridge_fdb_entry *br_fdb_find(struct net_bridge *br, const u8 *addr, u16 vid);
int br_fdb_add_user(struct net_bridge *br, struct net_bridge_port *p, const u8 *addr,
		    bool is_static, bool is_local);
int br_fdb_delete_user(struct net_bridge *br, struct net_bridge_port *p, const u8 *addr);
/* Remaining time (ns) of the bridge's gc timer, for `ip -d link`. */
u64 br_gc_timer_remaining(const struct net_bridge *br);
u64 br_port_forward_delay_remaining(const struct net_bridge_port *p);

/* the bridge path between its netfilter hooks (br_input.c, br_forward.c) */
struct net;
struct sock;
int br_handle_frame_finish(struct net *net, struct sock *sk, struct sk_buff *skb);
int br_forward_finish(struct net *net, struct sock *sk, struct sk_buff *skb);
int br_dev_queue_push_xmit(struct net *net, struct sock *sk, struct sk_buff *skb);
/* br_netfilter: a frame DNATed to a host on the same bridge comes back
 * through br_dev_xmit() after ARP; true when it took it over. */
bool br_nf_bridged_dnat(struct sk_buff *skb);

#endif
