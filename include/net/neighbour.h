/* Neighbour tables (include/net/neighbour.h): the ARP cache and its NUD states. */
#ifndef SKBOX_NET_NEIGHBOUR_H
#define SKBOX_NET_NEIGHBOUR_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/skbuff.h"
#include "linux/timer.h"

struct net;
struct net_device;
struct neighbour;

/* include/uapi/linux/neighbour.h */
#define NUD_INCOMPLETE 0x01
#define NUD_REACHABLE 0x02
#define NUD_STALE 0x04
#define NUD_DELAY 0x08
#define NUD_PROBE 0x10
#define NUD_FAILED 0x20
#define NUD_NOARP 0x40
#define NUD_PERMANENT 0x80
#define NUD_NONE 0x00

#define NUD_IN_TIMER (NUD_INCOMPLETE | NUD_REACHABLE | NUD_DELAY | NUD_PROBE)
#define NUD_VALID (NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE | NUD_PROBE | NUD_STALE | NUD_DELAY)
#define NUD_CONNECTED (NUD_PERMANENT | NUD_NOARP | NUD_REACHABLE)

#define NTF_USE 0x01
#define NTF_SELF 0x02
#define NTF_MASTER 0x04
#define NTF_PROXY 0x08
#define NTF_EXT_LEARNED 0x10
#define NTF_ROUTER 0x80

/* neigh_update() flags */
#define NEIGH_UPDATE_F_OVERRIDE 0x1
#define NEIGH_UPDATE_F_WEAK_OVERRIDE 0x2
#define NEIGH_UPDATE_F_OVERRIDE_ISROUTER 0x4
#define NEIGH_UPDATE_F_ADMIN 0x80000000

enum {
	NEIGH_VAR_MCAST_PROBES,
	NEIGH_VAR_UCAST_PROBES,
	NEIGH_VAR_APP_PROBES,
	NEIGH_VAR_MCAST_REPROBES,
	NEIGH_VAR_RETRANS_TIME,		/* ms */
	NEIGH_VAR_BASE_REACHABLE_TIME,	/* ms */
	NEIGH_VAR_DELAY_PROBE_TIME,	/* ms */
	NEIGH_VAR_GC_STALETIME,		/* ms */
	NEIGH_VAR_QUEUE_LEN_BYTES,
	NEIGH_VAR_PROXY_QLEN,
	NEIGH_VAR_ANYCAST_DELAY,	/* ms */
	NEIGH_VAR_PROXY_DELAY,		/* ms */
	NEIGH_VAR_LOCKTIME,		/* ms */
	NEIGH_VAR_INTERVAL_PROBE_TIME_MS,
	NEIGH_VAR_MAX
};

struct neigh_parms {
	int data[NEIGH_VAR_MAX];
	u64 reachable_time;		/* ns: randomized from base_reachable_time */
};

#define NEIGH_VAR(p, attr) ((p)->data[NEIGH_VAR_##attr])

struct neigh_ops {
	void (*solicit)(struct neighbour *n, struct sk_buff *skb);
	void (*error_report)(struct neighbour *n, struct sk_buff *skb);
	int (*output)(struct neighbour *n, struct sk_buff *skb);
	int (*connected_output)(struct neighbour *n, struct sk_buff *skb);
};

struct neighbour {
	/* the first cache line holds what a lookup and a transmit touch:
	 * the chain, the key, the state, the output and the address */
	struct neighbour *next;		/* hash chain */
	struct net_device *dev;
	union {
		u32 primary_key;	/* __be32 IPv4 address */
		u8 primary_key6[16];	/* struct in6_addr (nd_tbl) */
	};
	int refcnt;
	u8 nud_state;
	u8 flags;
	u8 type;			/* RTN_UNICAST, RTN_LOCAL, … */
	u8 dead;
	int probes;
	int (*output)(struct neighbour *n, struct sk_buff *skb);
	u64 used;
	u8 ha[32];
	u8 protocol;
	struct neigh_table *tbl;
	struct neigh_parms *parms;
	const struct neigh_ops *ops;
	u64 confirmed;
	u64 updated;
	struct timer_list timer;
	unsigned int arp_queue_len_bytes;
	struct sk_buff_head arp_queue;
};

struct pneigh_entry {
	struct pneigh_entry *next;
	struct net_device *dev;
	u32 key;
	u8 flags;
};

#define NEIGH_HASH_SHIFT_MIN 3	/* 8 buckets to start with; the table doubles */

struct neigh_table {
	/* what every lookup reads and counts, in one cache line */
	struct neighbour **hash;
	unsigned int hash_buckets;
	int key_len;			/* 4 (arp_tbl; 0 means 4) or 16 (nd_tbl) */
	u64 lookups, hits;		/* statistics, as `ip -s ntable` (more below) */
	const char *id;
	int (*constructor)(struct neighbour *n);	/* NULL: arp_constructor */
	struct net *net;
	struct neigh_parms parms;	/* defaults: net.ipv4.neigh.default.* */
	int gc_interval;		/* ms */
	int gc_thresh1, gc_thresh2, gc_thresh3;
	u64 last_flush;
	struct timer_list gc_timer;
	int entries;
	struct pneigh_entry *phash;
	struct sk_buff_head proxy_queue;
	struct timer_list proxy_timer;
	/* neighbour statistics, as `ip -s ntable` */
	u64 allocs, destroys, res_failed, rcv_probes_mcast, rcv_probes_ucast;
	u64 unres_discards, table_fulls, forced_gc_runs;
};

int neigh_table_init(struct net *net, struct neigh_table *tbl);
void neigh_table_clear(struct neigh_table *tbl);
struct neighbour *neigh_lookup(struct neigh_table *tbl, const void *pkey,
			       struct net_device *dev);
struct neighbour *__neigh_create(struct neigh_table *tbl, const void *pkey,
				 struct net_device *dev, bool want_ref);
struct neighbour *__neigh_lookup(struct neigh_table *tbl, const void *pkey,
				 struct net_device *dev, int creat);
int neigh_update(struct neighbour *neigh, const u8 *lladdr, u8 new, u32 flags,
		 u32 nlmsg_pid);
struct neighbour *neigh_event_ns(struct neigh_table *tbl, u8 *lladdr, void *saddr,
				 struct net_device *dev);
int neigh_resolve_output(struct neighbour *neigh, struct sk_buff *skb);
int neigh_connected_output(struct neighbour *neigh, struct sk_buff *skb);
int neigh_direct_output(struct neighbour *neigh, struct sk_buff *skb);
int __neigh_event_send(struct neighbour *neigh, struct sk_buff *skb);
void neigh_release(struct neighbour *neigh);
void neigh_ifdown(struct neigh_table *tbl, struct net_device *dev);
void neigh_changeaddr(struct neigh_table *tbl, struct net_device *dev);
int neigh_delete(struct neigh_table *tbl, struct neighbour *n);
void neigh_flush_dev(struct neigh_table *tbl, struct net_device *dev, bool skip_perm);
struct pneigh_entry *pneigh_lookup(struct neigh_table *tbl, const void *key,
				   struct net_device *dev, int creat);
int pneigh_delete(struct neigh_table *tbl, const void *key, struct net_device *dev);
const char *neigh_state_name(u8 state);

static inline struct neighbour *neigh_clone(struct neighbour *n)
{
	if (n)
		n->refcnt++;
	return n;
}

static inline int neigh_output(struct neighbour *n, struct sk_buff *skb)
{
	return n->output(n, skb);
}

#endif
