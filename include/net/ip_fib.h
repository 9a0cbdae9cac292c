/* The IPv4 FIB (include/net/ip_fib.h): tables of prefixes, each prefix with a
 * list of aliases (type, tos, metric) pointing at a shared fib_info that holds
 * the nexthop.  Lookup is longest-prefix match per table. */
#ifndef SKBOX_NET_IP_FIB_H
#define SKBOX_NET_IP_FIB_H

#include <netinet/in.h>
#include "linux/types.h"
#include "linux/list.h"
#include "net/flow.h"
#include "uapi/rtnetlink.h"
#include "net/lwtunnel.h"

struct net;
struct net_device;
struct rtable;
struct sk_buff;
struct in_device;
struct in_ifaddr;
struct tcp_congestion_ops;

/* A cached PMTU (and redirect) for one destination behind a nexthop:
 * what `ip route get` prints as "cache expires Nsec mtu M". */
struct fib_nh_exception {
	struct fib_nh_exception *fnhe_next;
	__be32 fnhe_daddr;
	u32 fnhe_pmtu;
	bool fnhe_mtu_locked;
	__be32 fnhe_gw;
	u64 fnhe_expires;		/* ns of world time; 0 = none */
	struct rtable *fnhe_rth_input;
	struct rtable *fnhe_rth_output;
	u64 fnhe_stamp;
};

struct fib_nh {
	/* what a lookup and the route cache read (48 bytes: one line with
	 * the end of fib_info, see there) */
	struct net_device *fib_nh_dev;
	unsigned int fib_nh_flags;	/* RTNH_F_* */
	u8 fib_nh_scope;
	u8 fib_nh_gw_family;		/* AF_INET, AF_INET6 (RFC 5549) or 0 */
	__be32 fib_nh_gw4;
	int fib_nh_oif;
	struct rtable *nh_rth_input;	/* cached input route */
	struct rtable *nh_rth_output;	/* cached output route */
	struct fib_nh_exception *nh_exceptions;
	/* the rest */
	struct fib_info *nh_parent;
	struct in6_addr fib_nh_gw6;	/* the gateway when fib_nh_gw_family is AF_INET6 */
	struct lwtunnel_state *fib_nh_lws;	/* encap ip|ip6 … (nhc_lwtstate), or NULL */
	int fib_nh_weight;
	int fib_nh_upper_bound;		/* multipath: hash <= bound picks it (fib_rebalance) */
	__be32 nh_saddr;		/* preferred source, computed */
	int nh_saddr_genid;
	int nh_exceptions_count;
};

/* Allocated 64-byte aligned (fib_semantics.c): the first line holds what
 * only changes and dumps read; the second what a lookup reads of the
 * fib_info (flags, dead, scope, number of nexthops, prefsrc) and of its
 * first nexthop (device, flags, gateway, cached routes, exceptions). */
struct fib_info {
	struct list_head fib_list;	/* in the namespace's list of fib_infos */
	struct net *fib_net;
	const struct tcp_congestion_ops *fib_congctl;	/* RTAX_CC_ALGO, or NULL */
	int fib_treeref;
	int fib_clntref;
	u32 fib_tb_id;
	u32 fib_priority;		/* metric */
	u32 fib_mtu;			/* RTAX_MTU metric, 0 = none */
	u32 fib_advmss;
	u32 fib_nh_id;			/* made from nexthop object N (nhid), or 0 */
	bool fib_mtu_locked;
	bool fib_congctl_locked;
	/* the lookup's line */
	unsigned int fib_flags __attribute__((aligned(64)));
	u8 fib_dead;
	u8 fib_protocol;
	u8 fib_scope;
	u8 fib_type;
	int fib_nhs;
	__be32 fib_prefsrc;
	struct fib_nh fib_nh[1];
};

struct fib_alias {
	struct list_head fa_list;	/* in the prefix's alias list */
	struct fib_info *fa_info;
	u8 fa_tos;
	u8 fa_type;
	u8 fa_state;
	u8 fa_slen;			/* 32 - prefix length */
	u32 tb_id;			/* the table it belongs to (fa_tb's id) */
	u8 offload, trap;
	/* its table: while local is merged into main's prefixes, a prefix
	 * holds the aliases of both, local's first (tb_id descending) */
	struct fib_table *fa_tb;
};

/* One prefix node in a table. */
struct fib_prefix {
	struct fib_prefix *hnext;	/* hash chain within its prefix length */
	__be32 key;			/* network order, host bits zero */
	u8 plen;
	struct list_head aliases;	/* struct fib_alias, in the kernel's order */
};

/* A table of at most FIB_SMALL prefixes (a namespace's merged local and
 * main tables, as a rule) is looked up in one array, longest prefix first,
 * that fits in two cache lines; larger tables probe the hashes by length.
 * The array holds each prefix's first alias, so a hit reads the alias and
 * its fib_info but not the prefix node (the alias's list head is in it).
 *
 * As on Linux (fib_trie_table(id, alias)), the local table is an alias of
 * main's prefixes while the namespace has no custom rules: its tb_data is
 * main, its routes are aliases with tb_id RT_TABLE_LOCAL in main's
 * prefixes, and fib_lookup() finds local and main routes in one lookup.
 * fib_unmerge() gives it prefixes of its own when the first rule is added
 * or deleted.  Inserts, deletes, flushes and walks of a table see only its
 * own aliases; a lookup in either sees both. */
#define FIB_SMALL 8

struct fib_table {
	/* what a lookup reads, first */
	u64 plen_mask;			/* bit p set: some prefix of length p exists */
	unsigned int nprefixes;
	__be32 small_key[FIB_SMALL];	/* valid while nprefixes <= FIB_SMALL */
	u8 small_plen[FIB_SMALL];
	u32 tb_id;			/* in the first line: route.c compares it per packet */
	struct fib_table *tb_data;	/* whose prefixes: itself, or main's (merged) */
	struct fib_alias *small_fa[FIB_SMALL];	/* first alias, NULL while none */
	struct list_head tb_list;	/* in net->ipv4.fib_tables, by id */
	int tb_num_default;
	unsigned int entries;
	/* per prefix length: an open hash of fib_prefix */
	struct fib_prefix **buckets[33];
	unsigned int nbuckets[33];
	unsigned int count[33];
};

struct fib_result {
	__be32 prefix;
	unsigned char prefixlen;
	unsigned char nh_sel;
	unsigned char type;
	unsigned char scope;
	u32 tclassid;
	struct fib_nh *nhc;
	struct fib_info *fi;
	struct fib_table *table;
	struct fib_alias *fa;
	u32 rule_pref;			/* the rule that chose the table (for trace) */
};

/* The id of the table the route is in, read from the alias (its line is
 * read by the lookup already) rather than from the table. */
static inline u32 fib_res_table_id(const struct fib_result *res)
{
	return res->table ? res->fa->tb_id : 0;
}

#define FIB_RES_NHC(res) ((res).nhc)
#define FIB_RES_DEV(res) ((res).nhc->fib_nh_dev)
#define FIB_RES_PREFSRC(net, res) \
	((res).fi->fib_prefsrc ? : fib_result_prefsrc(net, &(res)))

#define FIB_LOOKUP_NOREF 1
#define FIB_LOOKUP_IGNORE_LINKSTATE 2

/* One nexthop of RTA_MULTIPATH (struct rtnexthop): `nexthop via A dev X weight W` */
struct fib_nh_config {
	u8 gw_family;			/* AF_INET6: RTA_VIA inet6 (gw6); else gw4 */
	__be32 gw4;
	struct in6_addr gw6;
	int oif;
	int weight;			/* 1..256 */
	u32 flags;			/* RTNH_F_ONLINK */
	struct lwtunnel_encap_cfg encap;	/* RTA_ENCAP of this nexthop */
};

/* The description of a route to add, as RTM_NEWROUTE carries it. */
struct fib_config {
	u8 fc_dst_len;
	u8 fc_tos;
	u8 fc_protocol;
	u8 fc_scope;
	u8 fc_type;
	u8 fc_gw_family;
	u32 fc_table;
	__be32 fc_dst;
	__be32 fc_gw4;
	struct in6_addr fc_gw6;		/* RTA_VIA inet6, with fc_gw_family AF_INET6 */
	int fc_oif;
	u32 fc_flags;			/* RTNH_F_ONLINK */
	u32 fc_priority;
	__be32 fc_prefsrc;
	u32 fc_mtu;
	bool fc_mtu_lock;
	u32 fc_advmss;
	u32 fc_nh_id;			/* nhid: a nexthop object (net/ipv4/nexthop.c) */
	const char *fc_congctl;		/* RTAX_CC_ALGO by name, or NULL */
	bool fc_congctl_lock;
	u32 fc_nlflags;			/* NLM_F_CREATE/EXCL/REPLACE/APPEND */
	struct net *fc_nlinfo_net;
	bool fc_scope_given;
	const struct fib_nh_config *fc_mp;	/* multipath nexthops, or NULL */
	int fc_mp_len;
	struct lwtunnel_encap_cfg fc_encap;	/* RTA_ENCAP_TYPE + RTA_ENCAP */
};

#define NLM_F_REPLACE 0x100
#define NLM_F_EXCL 0x200
#define NLM_F_CREATE 0x400
#define NLM_F_APPEND 0x800

/* net/ipv4/fib_trie.c */
/* alias: the table whose prefixes the new one shares (Linux's fib_trie_table) */
struct fib_table *fib_trie_table(u32 id, struct fib_table *alias);
/* gives a merged table prefixes of its own, moving its aliases there */
int fib_trie_unmerge(struct fib_table *tb);
void fib_free_table(struct fib_table *tb);
int fib_table_insert(struct net *net, struct fib_table *tb, struct fib_config *cfg,
		     const char **errmsg);
int fib_table_delete(struct net *net, struct fib_table *tb, struct fib_config *cfg,
		     const char **errmsg);
int fib_table_lookup(struct fib_table *tb, const struct flowi4 *flp,
		     struct fib_result *res, int fib_flags);
int fib_table_flush(struct net *net, struct fib_table *tb, bool flush_all);
/* Calls fn for each alias in the kernel's dump order: prefixes by ascending
 * key, for equal keys the longer prefix first, then the aliases of a prefix
 * in their list order.  Stops when fn returns non-zero (and returns that).
 * fn must not insert or delete routes. */
int fib_table_walk(struct fib_table *tb,
		   int (*fn)(struct fib_table *tb, struct fib_prefix *p,
			     struct fib_alias *fa, void *arg),
		   void *arg);

/* net/ipv4/fib_frontend.c */
struct fib_table *fib_new_table(struct net *net, u32 id);
struct fib_table *fib_get_table(struct net *net, u32 id);
/* splits local from main before the first custom rule (fib_frontend.c) */
int fib_unmerge(struct net *net);
int fib_lookup(struct net *net, struct flowi4 *flp, struct fib_result *res,
	       unsigned int flags);
int fib_validate_source(struct sk_buff *skb, __be32 src, __be32 dst, u8 tos,
			int oif, struct net_device *dev, struct in_device *idev,
			u32 *itag);
unsigned int inet_addr_type(struct net *net, __be32 addr);
unsigned int inet_addr_type_table(struct net *net, __be32 addr, u32 tb_id);
unsigned int inet_dev_addr_type(struct net *net, const struct net_device *dev,
				__be32 addr);
void fib_add_ifaddr(struct in_ifaddr *ifa);
/* fib_modify_prefix_route(): an address's prefix route moves to new_metric */
void fib_modify_prefix_route(struct in_ifaddr *ifa, u32 new_metric);
void fib_del_ifaddr(struct in_ifaddr *ifa, struct in_ifaddr *iprim);
int fib_netdev_event(struct net_device *dev, unsigned long event);
__be32 fib_result_prefsrc(struct net *net, struct fib_result *res);
int ip_rt_ioctl_add(struct net *net, struct fib_config *cfg);

/* net/ipv4/fib_semantics.c */
struct fib_info *fib_create_info(struct fib_config *cfg, const char **errmsg);
/* The same, giving the -errno in *err when it returns NULL. */
struct fib_info *fib_create_info_err(struct fib_config *cfg, const char **errmsg, int *err);
void fib_release_info(struct fib_info *fi);
void fib_info_put(struct fib_info *fi);
int fib_sync_down_dev(struct net_device *dev, unsigned long event, bool force);
int fib_sync_up(struct net_device *dev, unsigned char nh_flags);
void fib_select_path(struct net *net, struct fib_result *res, struct flowi4 *fl4);
void fib_rebalance(struct fib_info *fi);
u32 fib_multipath_hash(const struct net *net, const struct flowi4 *fl4);
void fib_select_multipath(struct fib_result *res, u32 hash);
int fib_nh_match(struct net *net, struct fib_config *cfg, struct fib_info *fi);
void fib_nh_exceptions_flush(struct fib_nh *nh);
struct fib_nh_exception *find_exception(struct fib_nh *nh, __be32 daddr, u64 now);
int fib_props_error(u8 type);
int fib_props_scope(u8 type);
bool fib_info_same(const struct fib_info *a, const struct fib_info *b);
void fib_info_hold(struct fib_info *fi);		/* a client reference */
void fib_insert_exception(struct fib_nh *nh, __be32 daddr, u32 pmtu, bool locked,
			  __be32 gw, u64 expires);
int ip_fib_check_default(__be32 gw, struct net_device *dev);
void fib_sync_mtu(struct net_device *dev, u32 orig_mtu);
void fib_nh_retarget(struct fib_info *fi, const struct fib_nh *to);

/* net/core/fib_rules.c: one policy rule of either family (family 0 is
 * AF_INET); IPv4 prefixes in src/dst, IPv6 ones in src6/dst6. */
struct fib_rule {
	struct list_head list;
	u8 family;
	struct in6_addr src6, dst6;
	u32 pref;
	u32 table;
	u8 action;
	u8 tos;
	u32 flags;			/* FIB_RULE_INVERT … */
	u32 mark, mark_mask;
	u32 target;			/* goto target pref */
	bool mark_set;
	__be32 src, srcmask, dst, dstmask;
	u8 src_len, dst_len;
	char iifname[16];
	char oifname[16];
	int iifindex;			/* -1: named device absent */
	int oifindex;
	int suppress_prefixlen;		/* -1 none */
	int suppress_ifgroup;
	u8 proto;
	u8 l3mdev;
	u8 ip_proto;
	u16 sport_start, sport_end, dport_start, dport_end;
	u32 uid_start, uid_end;
	bool uid_set;
	struct fib_rule *ctarget;	/* for goto */
};

int fib4_rules_init(struct net *net);
void fib4_rules_exit(struct net *net);
int fib_rules_lookup(struct net *net, struct flowi4 *flp, struct fib_result *res,
		     unsigned int flags);
int fib_nl_newrule(struct net *net, struct fib_rule *tmpl, bool pref_given,
		   const char **errmsg);
int fib_nl_delrule(struct net *net, const struct fib_rule *tmpl, unsigned int given,
		   const char **errmsg);
void fib_rules_event(struct net_device *dev, unsigned long event);
/* The ordered rule list of a family (AF_INET, AF_INET6) in net. */
struct list_head *fib_rules_list(struct net *net, int family);
int fib_default_rule_add(struct net *net, int family, u32 pref, u32 table);
void fib_rules_free(struct list_head *head);
/* iif/oif/fwmark/ipproto/sport/dport/uidrange, as both families match them */
bool fib_rule_match_common(const struct fib_rule *rule, int iif, int oif, u32 mark,
			   u8 proto, __be16 sport, __be16 dport, u32 uid);
/* `given` bits for fib_nl_delrule: which selectors the request carried */
#define FIB_RULE_GIVEN_PREF	0x0001
#define FIB_RULE_GIVEN_TABLE	0x0002
#define FIB_RULE_GIVEN_SRC	0x0004
#define FIB_RULE_GIVEN_DST	0x0008
#define FIB_RULE_GIVEN_IIF	0x0010
#define FIB_RULE_GIVEN_OIF	0x0020
#define FIB_RULE_GIVEN_MARK	0x0040
#define FIB_RULE_GIVEN_TOS	0x0080
#define FIB_RULE_GIVEN_ACTION	0x0100
#define FIB_RULE_GIVEN_SUPPRESS	0x0200
#define FIB_RULE_GIVEN_GOTO	0x0400
#define FIB_RULE_GIVEN_INVERT	0x0800
#define FIB_RULE_GIVEN_UID	0x1000
#define FIB_RULE_GIVEN_IPPROTO	0x2000
#define FIB_RULE_GIVEN_SPORT	0x4000
#define FIB_RULE_GIVEN_DPORT	0x8000
void fib_rule_init(struct fib_rule *r);	/* a template with "no selector" values */

#endif
