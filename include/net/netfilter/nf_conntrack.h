/* Connection tracking (include/net/netfilter/nf_conntrack.h): what the rest
 * of the stack, NAT and the iptables extensions see of a tracked connection.
 * The core lives in net/netfilter/nf_conntrack_core.c (protocols in
 * nf_conntrack_proto_{tcp,udp,icmp}.c, sysctls and the text of an entry in
 * nf_conntrack_standalone.c); NAT in net/netfilter/nf_nat_core.c.
 *
 * The API (stable; NAT and the xt_* extensions build on it):
 *
 *  - Conntrack runs in a namespace while someone needs it, as Linux's
 *    nf_ct_netns_get()/nf_ct_netns_put(): the first get registers
 *    nf_conntrack_in at PRE_ROUTING and LOCAL_OUT (NF_IP_PRI_CONNTRACK, -200)
 *    and nf_conntrack_confirm at POST_ROUTING and LOCAL_IN
 *    (NF_IP_PRI_CONNTRACK_CONFIRM, INT_MAX); the last put unregisters them
 *    (entries stay until they time out).  Every conntrack/state/connmark
 *    match, CONNMARK/CT/NOTRACK target and the nat table hold a get.
 *  - nf_conntrack_in() gives the skb its entry in skb->_nfct (nf_ct_get())
 *    with a ctinfo: IP_CT_NEW for a new entry (unconfirmed: not yet in the
 *    table), IP_CT_ESTABLISHED / IP_CT_ESTABLISHED_REPLY, IP_CT_RELATED(_REPLY)
 *    for an ICMP error whose inner packet belongs to an entry; no entry
 *    (_nfct == 0) means INVALID; the namespace's untracked entry with
 *    IP_CT_UNTRACKED means NOTRACK.
 *  - An entry has two tuples, tuplehash[IP_CT_DIR_ORIGINAL] and
 *    [IP_CT_DIR_REPLY], both hashed (nf_conntrack_find_get() finds either).
 *    Until confirm, the reply tuple may change: NAT calls
 *    nf_conntrack_alter_reply(ct, new_reply) and checks candidates with
 *    nf_conntrack_tuple_taken(tuple, ct).  __nf_conntrack_confirm() inserts
 *    both tuples, starts the timeout and reports [NEW].
 *  - Per entry, NAT owns ct->ext->nat_area (zeroed bytes; nf_ct_ext_add()
 *    makes ct->ext); if ct->ext->nat_ops is set (nf_ct_nat_ops()),
 *    conntrack calls nat_ops->destroy(ct) exactly once when the entry dies
 *    (deleted from the table, freed while unconfirmed, or its namespace
 *    goes), with ct->net still valid.
 *  - nf_ct_iterate_cleanup_net() kills the entries a callback picks
 *    (MASQUERADE when an address goes, conntrack -D); nf_ct_flush() all.
 *  - References: nf_ct_put() / nf_conntrack_get(&ct->ct_general); an skb
 *    holds one through _nfct.  Lookups return a held reference.
 */
#ifndef SKBOX_NET_NF_CONNTRACK_H
#define SKBOX_NET_NF_CONNTRACK_H

#include <stdbool.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/skbuff.h"
#include "linux/list.h"
#include "linux/timer.h"
#include "linux/netfilter.h"

struct world;

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

/* struct nf_conntrack_tuple: addresses and ports in network order.  The
 * zone (CT --zone) of the entry in this direction is part of the tuple
 * here, so that it is in the hash and the comparison as in Linux's
 * hash_conntrack_raw / nf_ct_key_equal (0: the default zone). */
struct nf_conntrack_tuple {
	struct {
		__be32 ip;
		union nf_conntrack_man_proto u;
		u16 zone;
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
		u8 dir:1;			/* IP_CT_DIR_* */
		/* IPv6: src.ip and dst.ip hold the addresses folded to a
		 * word (for the hash); the addresses themselves are out of
		 * line, in the entry (struct nf_conn6) or, for a tuple of
		 * a packet, after it (wrapped: struct nf_conntrack_tuple6) */
		u8 v6:1;
		u8 wrapped:1;
	} dst;
};

/* A tuple of an IPv6 packet with its addresses. */
struct nf_conntrack_tuple6 {
	struct nf_conntrack_tuple t;	/* t.dst.v6 = t.dst.wrapped = 1 */
	struct in6_addr src, dst;
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

/* Packed to 18 bytes (two of them and the u8s below fill 40 bytes without
 * holes): struct nf_conn stays within 232 bytes. */
struct ip_ct_tcp_state {
	u32 td_end, td_maxend, td_maxwin, td_maxack;
	u8 td_scale;
	u8 flags;
} __attribute__((packed, aligned(2)));

struct ip_ct_tcp {
	struct ip_ct_tcp_state seen[2];
	u8 state;
	u8 last_dir, retrans, last_index;
	u32 last_seq, last_ack, last_end;
	u16 last_win;
	u8 last_wscale, last_flags;
};

struct nf_conn;

/* What NAT plugs into an entry (see the API above). */
struct nf_ct_nat_ops {
	void (*destroy)(struct nf_conn *ct);
};

#define NF_CT_NAT_AREA 32

/* The rare parts of an entry, out of line as Linux's nf_ct_ext: allocated
 * when the entry is made while nf_conntrack_acct is on, or when NAT binds
 * it (nf_ct_ext_add).  Most entries of a big table have none. */
struct nf_ct_ext {
	const struct nf_ct_nat_ops *nat_ops;	/* NAT's cleanup, or NULL */
	u64 packets[IP_CT_DIR_MAX], bytes[IP_CT_DIR_MAX];	/* with acct */
	u64 nat_area[NF_CT_NAT_AREA / 8];	/* zeroed; NAT's to use */
	u64 labels[2];				/* connlabel bits 0..127 (nf_conn_labels) */
};

/* 232 bytes (a 240-byte malloc chunk): the bench conntrack-1m case. */
struct nf_conn {
	struct nf_conntrack ct_general;		/* first: skb->_nfct points here */
	struct net *net;			/* NULL once the namespace went */
	struct nf_conntrack_tuple_hash tuplehash[IP_CT_DIR_MAX];
	u64 timeout;				/* absolute, in world nanoseconds */
	struct timer_list timer;		/* expiry, pending while confirmed; its
						 * base is the world's (nf_ct_world) */
	struct list_head list;			/* net's list of every entry, confirmed or not */
	struct nf_ct_ext *ext;			/* acct counters, NAT; or NULL */
	u32 status;
	u32 mark;
	u32 id;
	u16 zone;				/* CT --zone id (struct nf_conntrack_zone) */
	u8 zone_dir:3;				/* NF_CT_ZONE_DIR_*: where the id applies */
	bool acct:1;				/* made while nf_conntrack_acct was on: counters shown */
	u8 ev_cache;				/* events waiting for the packet to pass (1 << IPCT_*) */
	union {
		struct ip_ct_tcp tcp;
		struct { u32 stream_ts; } udp;
	} proto;
};

_Static_assert(sizeof(struct nf_conn) <= 232, "struct nf_conn grew: bench conntrack-1m");

/* An IPv6 entry (nf_conntrack_l3proto_ipv6): both tuples' addresses
 * after the entry (the reply's are the original's swapped until NAT66
 * changes them: nf_conntrack_alter_reply).  IPv4 entries keep their 232
 * bytes. */
struct nf_conn6 {
	struct nf_conn ct;
	/* [2 * dir + 0] source, [2 * dir + 1] destination of tuple dir */
	struct in6_addr addr[4];
};

/* Zone directions (NF_CT_ZONE_DIR_*) and, in a CT --zone mark template,
 * NF_CT_FLAG_MARK: the zone id is the packet's mark. */
#define NF_CT_ZONE_DIR_ORIG (1 << IP_CT_DIR_ORIGINAL)
#define NF_CT_ZONE_DIR_REPL (1 << IP_CT_DIR_REPLY)
#define NF_CT_DEFAULT_ZONE_DIR (NF_CT_ZONE_DIR_ORIG | NF_CT_ZONE_DIR_REPL)
#define NF_CT_FLAG_MARK 4

/* The zone id of ct in direction dir (nf_ct_zone_id). */
static inline u16 nf_ct_zone_id(const struct nf_conn *ct, int dir)
{
	return (ct->zone_dir & (1 << dir)) ? ct->zone : 0;
}

/* Statistics (struct ip_conntrack_stat), `conntrack -S`. */
struct ip_conntrack_stat {
	unsigned int found, invalid, insert, insert_failed, drop, early_drop, error,
		search_restart, clash_resolve, chaintoolong;
};

/* Timeouts (seconds) and switches of a namespace: the sysctls
 * net.netfilter.nf_conntrack_*.  nf_conntrack_max is the world's (the
 * first namespace's) value, as Linux's is global. */
struct nf_ct_sysctl {
	int max, acct, checksum, log_invalid, events, timestamp;
	int tcp_loose, tcp_be_liberal, tcp_max_retrans, tcp_ignore_invalid_rst;
	int tcp_timeouts[TCP_CONNTRACK_TIMEOUT_MAX];
	int udp_timeout, udp_timeout_stream, icmp_timeout, generic_timeout;
	int expect_max, gre_timeout, gre_timeout_stream, icmpv6_timeout;
};

/* The conntrack part of a namespace (struct nf_conntrack_net + netns_ct). */
struct nf_conntrack_net {
	unsigned int users;			/* nf_ct_netns_get() holders */
	unsigned int users6;			/* the same for IPv6 */
	struct nf_conntrack_tuple_hash **hash;	/* both tuples of every confirmed entry */
	unsigned int htable_size;		/* power of two; grows with the count */
	unsigned int htable_bits;		/* log2(htable_size) */
	unsigned int count;			/* entries alive (confirmed or not) */
	struct list_head all;			/* struct nf_conn.list */
	struct nf_conn *untracked;
	struct list_head templates;		/* CT --zone templates (nf_ct_tmpl_get) */
	u32 next_id;
	struct nf_ct_sysctl sysctl;
	struct ip_conntrack_stat stat;
	/* events (conntrack -E): delivered to the listeners present */
	struct list_head ev_listeners;		/* struct nf_ct_event_listener.list */
	bool ev_user_delete;			/* [DESTROY] by conntrack -D/-F */
	u32 ev_portid;
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

/* ---- API of net/netfilter/nf_conntrack_core.c ---- */
/* The entry's extension area, made (zeroed) on first use; NULL when out
 * of memory. */
struct nf_ct_ext *nf_ct_ext_add(struct nf_conn *ct);

static inline const struct nf_ct_nat_ops *nf_ct_nat_ops(const struct nf_conn *ct)
{
	return ct->ext ? ct->ext->nat_ops : NULL;
}

/* The world an entry lives in: its timer's base is the world's wheel (an
 * entry outlives its namespace while packets hold it). */
struct world *nf_ct_world(const struct nf_conn *ct);

struct nf_conntrack_net *nf_ct_pernet(const struct net *net);

static inline struct net *nf_ct_net(const struct nf_conn *ct)
{
	return ct->net;
}

static inline bool nf_ct_is_confirmed(const struct nf_conn *ct)
{
	return ct->status & IPS_CONFIRMED;
}

static inline bool nf_ct_is_dying(const struct nf_conn *ct)
{
	return ct->status & IPS_DYING;
}

static inline struct nf_conn *nf_ct_tuplehash_to_ctrack(const struct nf_conntrack_tuple_hash *h)
{
	return (struct nf_conn *)((char *)(h - h->tuple.dst.dir) -
				  offsetof(struct nf_conn, tuplehash));
}

/* The source (dst false) or destination address of an IPv6 tuple: after
 * a packet's tuple, or in its entry (nf_conntrack_core.c); whether two
 * IPv6 tuples have the same addresses. */
const struct in6_addr *nf_ct_tuple_addr6(const struct nf_conntrack_tuple *t, bool dst);
bool nf_ct_tuple_addr6_equal(const struct nf_conntrack_tuple *a,
			     const struct nf_conntrack_tuple *b);
/* An IPv6 address folded to the word a tuple's src.ip/dst.ip holds. */
static inline u32 nf_ct_addr6_fold(const struct in6_addr *a)
{
	return a->s6_addr32[0] ^ a->s6_addr32[1] ^ a->s6_addr32[2] ^ a->s6_addr32[3];
}

static inline bool nf_ct_tuple_equal(const struct nf_conntrack_tuple *a,
				     const struct nf_conntrack_tuple *b)
{
	if (!(a->src.ip == b->src.ip && a->src.u.all == b->src.u.all &&
	      a->src.zone == b->src.zone &&
	      a->dst.ip == b->dst.ip && a->dst.u.all == b->dst.u.all &&
	      a->dst.protonum == b->dst.protonum && a->dst.v6 == b->dst.v6))
		return false;
	return !a->dst.v6 || nf_ct_tuple_addr6_equal(a, b);
}

static inline void nf_ct_put(struct nf_conn *ct)
{
	nf_conntrack_put(&ct->ct_general);
}

/* Take (get) / drop (put) a user of conntrack in the namespace. */
int nf_ct_netns_get(struct net *net);
void nf_ct_netns_put(struct net *net);
/* The same for a family (Linux's nf_ct_netns_get(net, nfproto)): IPv6's
 * hooks are there while an IPv6 user is, IPv4's while an IPv4 one is. */
int nf_ct_netns_get_af(struct net *net, u8 nfproto);
void nf_ct_netns_put_af(struct net *net, u8 nfproto);

/* the family of an entry (NFPROTO_IPV4 or NFPROTO_IPV6) */
static inline u8 nf_ct_l3num(const struct nf_conn *ct)
{
	return ct->tuplehash[0].tuple.dst.v6 ? NFPROTO_IPV6 : NFPROTO_IPV4;
}

/* The hooks' work, callable directly (tests, NAT) */
unsigned int nf_conntrack_in(struct sk_buff *skb, const struct nf_hook_state *state);
unsigned int nf_conntrack_confirm(struct sk_buff *skb);

/* The tuple of a packet: IP header at skb's network header; false when it
 * cannot be parsed.  Protocols without ports get 0s. */
bool nf_ct_get_tuplepr(const struct sk_buff *skb, unsigned int nhoff,
		       struct nf_conntrack_tuple *tuple);
bool nf_ct_invert_tuple(struct nf_conntrack_tuple *inverse,
			const struct nf_conntrack_tuple *orig);
/* IPv6: the tuple of the IPv6 header at nhoff, with its addresses; the
 * inverse of an IPv6 tuple with its addresses; the upper-layer protocol
 * after the extension headers and its offset (-1: a later fragment, or
 * headers that cannot be followed). */
bool nf_ct_get_tuple6(const struct sk_buff *skb, unsigned int nhoff,
		      struct nf_conntrack_tuple6 *t6);
bool nf_ct_invert_tuple6(struct nf_conntrack_tuple6 *inverse,
			 const struct nf_conntrack_tuple *orig);
int nf_ct_ipv6_l4(const struct sk_buff *skb, unsigned int nhoff, unsigned int *off);

/* The entry one of whose tuples equals tuple, with a reference; NULL. */
struct nf_conntrack_tuple_hash *nf_conntrack_find_get(struct net *net,
						      const struct nf_conntrack_tuple *tuple);
/* Is tuple the reply tuple (or original) of a confirmed entry other than
 * ignored?  (NAT's clash check, nf_conntrack_tuple_taken in Linux.) */
bool nf_conntrack_tuple_taken(const struct nf_conntrack_tuple *tuple,
			      const struct nf_conn *ignored);
/* NAT changed the reply tuple of an unconfirmed entry.  IPv6: newreply is
 * a packet-style tuple (wrapped in struct nf_conntrack_tuple6), whose
 * addresses become the entry's reply addresses. */
void nf_conntrack_alter_reply(struct nf_conn *ct, const struct nf_conntrack_tuple *newreply);

/* Kill the entry now (timeout, conntrack -D, a TCP RST): out of the table,
 * [DESTROY] reported; it is freed when the last reference goes.  False when
 * it was already dying. */
bool nf_ct_delete(struct nf_conn *ct);
/* Kill every entry for which iter returns true; return how many. */
unsigned int nf_ct_iterate_cleanup_net(struct net *net,
				       bool (*iter)(struct nf_conn *ct, void *data), void *data);
/* Call fn on every confirmed, live entry (conntrack -L); stops on non-zero. */
int nf_ct_iterate(struct net *net, int (*fn)(struct nf_conn *ct, void *data), void *data);

/* Refresh the timeout: now + seconds (not for IPS_FIXED_TIMEOUT). */
void nf_ct_refresh_acct(struct nf_conn *ct, enum ip_conntrack_info ctinfo,
			const struct sk_buff *skb, unsigned int seconds);
/* Seconds left, as /proc and conntrack -L show them. */
unsigned long nf_ct_expires(const struct nf_conn *ct);

/* A template entry (IPS_TEMPLATE) carrying a zone, with a reference: the
 * CT target puts it on a packet before conntrack, nf_conntrack_in looks the
 * packet up in its zone and lets it go.  flags: NF_CT_ZONE_DIR_* and
 * NF_CT_FLAG_MARK.  One per (zone, flags) in the namespace. */
struct nf_conn *nf_ct_tmpl_get(struct net *net, u16 zone, u8 flags);

/* The untracked entry of the namespace (CT --notrack / NOTRACK). */
struct nf_conn *nf_ct_untracked_get(struct net *net);
/* Remove every entry (conntrack -F).  Return how many went. */
unsigned int nf_ct_flush(struct net *net);
unsigned int nf_ct_entries(struct net *net);

/* Events: [NEW] at confirm, [UPDATE] on a state/status change, [DESTROY]
 * when an entry dies; each goes, as the line conntrack -E prints, to every
 * listener of the namespace at that moment (ctnetlink's multicast groups:
 * nobody listening, nothing is kept). */
enum ip_conntrack_events {
	IPCT_NEW,
	IPCT_UPDATE,
	IPCT_DESTROY,
};

struct nf_ct_event_listener {
	struct list_head list;			/* nf_conntrack_net.ev_listeners */
	struct net *net;			/* NULL once the namespace went */
	/* line ends with '\n'; ct is NULL (and line NULL) when the namespace
	 * goes: the listener is already detached then. */
	void (*notify)(struct nf_ct_event_listener *l, enum ip_conntrack_events ev,
		       const struct nf_conn *ct, const char *line);
};
void nf_ct_event_listen(struct net *net, struct nf_ct_event_listener *l);
void nf_ct_event_unlisten(struct nf_ct_event_listener *l);

void nf_conntrack_event(enum ip_conntrack_events ev, struct nf_conn *ct);
/* As Linux, changes made while a packet passes are noted and reported in
 * one line when it reaches confirm (nf_conntrack_event_cache and
 * nf_ct_deliver_cached_events); [DESTROY] goes at once. */
static inline void nf_conntrack_event_cache(enum ip_conntrack_events ev, struct nf_conn *ct)
{
	ct->ev_cache |= (u8)(1u << ev);
}
void nf_ct_deliver_cached_events(struct nf_conn *ct);

/* ---- nf_conntrack_standalone.c: the text of an entry ---- */
#define NF_CT_PRINT_EXTENDED 0x1	/* conntrack -o extended: "ipv4     2 " first */
#define NF_CT_PRINT_ID 0x2		/* -o id */
/* One line as conntrack -L prints it (with '\n'); returns its length. */
int nf_ct_snprint(char *buf, size_t len, const struct nf_conn *ct, unsigned int flags);
const char *nf_ct_tcp_state_name(unsigned int state);
/* net/core/sysctl_net.c asks these for keys under net/netfilter and
 * net/nf_conntrack_max: 0 / -ENOENT / -EINVAL as sysctl_net_read/write. */
int nf_ct_sysctl_read(struct net *net, const char *key, char *buf, size_t len);
int nf_ct_sysctl_write(struct net *net, const char *key, const char *val);
/* The keys that exist in net, in order; fn as sysctl_net_for_each. */
const char *nf_ct_sysctl_key(const struct net *net, unsigned int i);

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
	struct in6_addr min_addr6, max_addr6;	/* ip6tables' targets (NAT66) */
};

unsigned int nf_nat_setup_info(struct nf_conn *ct, const struct nf_nat_range2 *range,
			       enum nf_nat_manip_type maniptype);

#endif
