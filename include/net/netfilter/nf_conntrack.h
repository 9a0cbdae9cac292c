/* Connection tracking (include/net/netfilter/nf_conntrack.h): what the rest
 * of the stack and the iptables extensions see of a tracked connection.
 * The core lives in net/netfilter/nf_conntrack_core.c; NAT in
 * net/netfilter/nf_nat_core.c. */
#ifndef SKBOX_NET_NF_CONNTRACK_H
#define SKBOX_NET_NF_CONNTRACK_H

#include <stdbool.h>
#include "linux/skbuff.h"
#include "linux/list.h"
#include "linux/timer.h"

struct net;

enum ip_conntrack_info {
	IP_CT_ESTABLISHED,
	IP_CT_RELATED,
	IP_CT_NEW,
	IP_CT_IS_REPLY,
	IP_CT_ESTABLISHED_REPLY = IP_CT_ESTABLISHED + IP_CT_IS_REPLY,
	IP_CT_RELATED_REPLY = IP_CT_RELATED + IP_CT_IS_REPLY,
	IP_CT_NUMBER,
	IP_CT_UNTRACKED = 7,
};

enum ip_conntrack_dir {
	IP_CT_DIR_ORIGINAL,
	IP_CT_DIR_REPLY,
	IP_CT_DIR_MAX,
};

/* status bits (enum ip_conntrack_status) */
enum {
	IPS_EXPECTED = 1 << 0,
	IPS_SEEN_REPLY = 1 << 1,
	IPS_ASSURED = 1 << 2,
	IPS_CONFIRMED = 1 << 3,
	IPS_SRC_NAT = 1 << 4,
	IPS_DST_NAT = 1 << 5,
	IPS_NAT_MASK = IPS_SRC_NAT | IPS_DST_NAT,
	IPS_SEQ_ADJUST = 1 << 6,
	IPS_SRC_NAT_DONE = 1 << 7,
	IPS_DST_NAT_DONE = 1 << 8,
	IPS_NAT_DONE_MASK = IPS_SRC_NAT_DONE | IPS_DST_NAT_DONE,
	IPS_DYING = 1 << 9,
	IPS_FIXED_TIMEOUT = 1 << 10,
	IPS_TEMPLATE = 1 << 11,
	IPS_UNTRACKED = 1 << 12,
	IPS_OFFLOAD = 1 << 14,
};

union nf_conntrack_man_proto {
	__be16 all;
	struct { __be16 port; } tcp;
	struct { __be16 port; } udp;
	struct { __be16 id; } icmp;
};

/* struct nf_conntrack_tuple: addresses and ports in network order. */
struct nf_conntrack_tuple {
	struct {
		__be32 ip;
		union nf_conntrack_man_proto u;
	} src;
	struct {
		__be32 ip;
		union {
			__be16 all;
			struct { __be16 port; } tcp;
			struct { __be16 port; } udp;
			struct { u8 type, code; } icmp;
		} u;
		u8 protonum;
		u8 dir;
	} dst;
};

struct nf_conntrack_tuple_hash {
	struct nf_conntrack_tuple_hash *next;	/* hash chain */
	struct nf_conntrack_tuple tuple;
};

/* TCP tracking state (enum tcp_conntrack) */
enum tcp_conntrack {
	TCP_CONNTRACK_NONE,
	TCP_CONNTRACK_SYN_SENT,
	TCP_CONNTRACK_SYN_RECV,
	TCP_CONNTRACK_ESTABLISHED,
	TCP_CONNTRACK_FIN_WAIT,
	TCP_CONNTRACK_CLOSE_WAIT,
	TCP_CONNTRACK_LAST_ACK,
	TCP_CONNTRACK_TIME_WAIT,
	TCP_CONNTRACK_CLOSE,
	TCP_CONNTRACK_LISTEN,
	TCP_CONNTRACK_SYN_SENT2,
	TCP_CONNTRACK_MAX,
	TCP_CONNTRACK_IGNORE,
	TCP_CONNTRACK_RETRANS,
	TCP_CONNTRACK_UNACK,
	TCP_CONNTRACK_TIMEOUT_MAX
};

struct ip_ct_tcp_state {
	u32 td_end, td_maxend, td_maxwin, td_maxack;
	u8 td_scale;
	u8 flags;
};

struct ip_ct_tcp {
	struct ip_ct_tcp_state seen[2];
	u8 state;
	u8 last_dir, retrans, last_index;
	u32 last_seq, last_ack, last_end;
	u16 last_win;
	u8 last_wscale, last_flags;
};

struct nf_conn {
	struct nf_conntrack ct_general;		/* first: skb->_nfct points here */
	struct net *net;
	struct nf_conntrack_tuple_hash tuplehash[IP_CT_DIR_MAX];
	unsigned long status;
	u64 timeout;				/* absolute, in world nanoseconds */
	struct timer_list timer;		/* expiry */
	u32 mark;
	u32 id;
	u64 packets[IP_CT_DIR_MAX], bytes[IP_CT_DIR_MAX];
	union {
		struct ip_ct_tcp tcp;
		struct { u32 stream_ts; } udp;
	} proto;
	struct list_head list;			/* per-namespace list of entries */
	void *nat;				/* NAT state (nf_nat_core.c) */
};

static inline struct nf_conn *nf_ct_get(const struct sk_buff *skb,
					enum ip_conntrack_info *ctinfo)
{
	*ctinfo = (enum ip_conntrack_info)(skb->_nfct & NFCT_INFOMASK);
	return (struct nf_conn *)(skb->_nfct & NFCT_PTRMASK);
}

static inline void nf_ct_set(struct sk_buff *skb, struct nf_conn *ct,
			     enum ip_conntrack_info info)
{
	skb->_nfct = (unsigned long)ct | info;
}

#define CTINFO2DIR(ctinfo) ((ctinfo) >= IP_CT_IS_REPLY ? IP_CT_DIR_REPLY : IP_CT_DIR_ORIGINAL)

static inline bool nf_ct_is_untracked(const struct sk_buff *skb)
{
	return (skb->_nfct & NFCT_INFOMASK) == IP_CT_UNTRACKED;
}

static inline u8 nf_ct_protonum(const struct nf_conn *ct)
{
	return ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple.dst.protonum;
}

/* ---- API of net/netfilter/nf_conntrack_core.c and nf_nat_core.c ---- */
/* The untracked entry of the namespace (CT --notrack / NOTRACK). */
struct nf_conn *nf_ct_untracked_get(struct net *net);
/* Remove every entry (conntrack -F), or those whose tuples use addr
 * (MASQUERADE when an address goes).  Return how many went. */
unsigned int nf_ct_flush(struct net *net);
unsigned int nf_ct_entries(struct net *net);

/* NAT (include/net/netfilter/nf_nat.h) */
enum nf_nat_manip_type {
	NF_NAT_MANIP_SRC,
	NF_NAT_MANIP_DST,
};

#define NF_NAT_RANGE_MAP_IPS		(1 << 0)
#define NF_NAT_RANGE_PROTO_SPECIFIED	(1 << 1)
#define NF_NAT_RANGE_PROTO_RANDOM	(1 << 2)
#define NF_NAT_RANGE_PERSISTENT		(1 << 3)
#define NF_NAT_RANGE_PROTO_RANDOM_FULLY	(1 << 4)
#define NF_NAT_RANGE_PROTO_OFFSET	(1 << 5)
#define NF_NAT_RANGE_NETMAP		(1 << 6)

/* struct nf_nat_range2 (uapi): also the info of the SNAT/DNAT targets
 * (revision 2), MASQUERADE and REDIRECT use nf_nat_ipv4_multi_range_compat
 * in Linux; skbox uses this one struct for all of them. */
struct nf_nat_range2 {
	unsigned int flags;
	__be32 min_addr, max_addr;
	union nf_conntrack_man_proto min_proto, max_proto, base_proto;
};

unsigned int nf_nat_setup_info(struct nf_conn *ct, const struct nf_nat_range2 *range,
			       enum nf_nat_manip_type maniptype);

#endif
