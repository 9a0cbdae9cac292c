/* x_tables (include/linux/netfilter/x_tables.h): the match and target
 * extensions that iptables rules use, and the in-memory rule set of an
 * iptables table.
 *
 * The kernel side of every extension is a `struct xt_match` or
 * `struct xt_target` (net/netfilter/xt_*.c, net/ipv4/netfilter/ipt_*.c),
 * listed in a const registry (xt_registry.c), looked up by name and
 * revision.  Its info struct (`matchsize`/`targetsize` bytes) is the same
 * bytes the iptables tool parses into (tools/iptables/libxt_*.c), as the
 * uapi structs are in Linux.
 *
 * A table is a set of chains; a chain is an array of rules.  The iptables
 * tool works like iptables-legacy: it takes a copy of the table
 * (ipt_table_dup), edits the copy, and hands it back whole
 * (ipt_replace_table), which checks every rule and swaps it in. */
#ifndef SKBOX_LINUX_NETFILTER_X_TABLES_H
#define SKBOX_LINUX_NETFILTER_X_TABLES_H

#include <stdbool.h>
#include <netinet/in.h>
#include "linux/netfilter.h"
#include "linux/netdevice.h"

#define XT_EXTENSION_MAXNAMELEN	29
#define XT_TABLE_MAXNAMELEN	32
#define XT_FUNCTION_MAXNAMELEN	30	/* chain names: 28 characters + NUL */

/* Standard verdicts, encoded as Linux encodes them in a standard target:
 * -NF_x - 1.  A verdict >= 0 is the index of the chain to jump to. */
#define XT_STD_DROP	(-NF_DROP - 1)		/* -1 */
#define XT_STD_ACCEPT	(-NF_ACCEPT - 1)	/* -2 */
#define XT_STD_QUEUE	(-NF_QUEUE - 1)		/* -4 */
#define XT_RETURN	(-NF_REPEAT - 1)	/* -5 */
/* a rule without -j: count the packet and go on with the next rule */
#define XT_STD_CONTINUE	(-NF_STOP - 2)		/* -7 */
#define XT_CONTINUE	0xFFFFFFFF		/* a target's "go on with the next rule" */

struct xt_counters {
	u64 pcnt, bcnt;
};

/* ---- the IPv4 part of every rule (struct ipt_ip) ---- */
#define IPT_F_FRAG	0x01	/* -f: non-first fragments only */
#define IPT_F_GOTO	0x02	/* -g: goto, not jump */

#define IPT_INV_VIA_IN	0x01
#define IPT_INV_VIA_OUT	0x02
#define IPT_INV_TOS	0x04
#define IPT_INV_SRCIP	0x08
#define IPT_INV_DSTIP	0x10
#define IPT_INV_FRAG	0x20
#define IPT_INV_PROTO	0x40	/* XT_INV_PROTO */

/* IPv6 (struct ip6t_ip6): the same flags and inversion bits; an ip6tables
 * rule uses src6/dst6/smsk6/dmsk6, proto is the upper-layer protocol found
 * after the extension headers, and -f does not exist. */
struct ipt_ip {
	__be32 src, dst;		/* network order */
	__be32 smsk, dmsk;
	struct in6_addr src6, dst6;	/* ip6tables rules only */
	struct in6_addr smsk6, dmsk6;
	char iniface[IFNAMSIZ], outiface[IFNAMSIZ];
	unsigned char iniface_mask[IFNAMSIZ], outiface_mask[IFNAMSIZ];
	u16 proto;			/* 0 = all */
	u8 flags;
	u8 invflags;
};

struct xt_match;
struct xt_target;

/* What a match or target function sees (struct xt_action_param). */
struct xt_action_param {
	union {
		const struct xt_match *match;
		const struct xt_target *target;
	};
	union {
		const void *matchinfo;
		const void *targinfo;
	};
	const struct nf_hook_state *state;
	const char *table;
	int fragoff;			/* fragment offset in bytes, 0 for first */
	unsigned int thoff;		/* transport header offset from skb->data */
	bool hotdrop;			/* a match sets this to drop the packet */
};

static inline struct net *xt_net(const struct xt_action_param *par)
{
	return par->state->net;
}

static inline const struct net_device *xt_in(const struct xt_action_param *par)
{
	return par->state->in;
}

static inline const struct net_device *xt_out(const struct xt_action_param *par)
{
	return par->state->out;
}

static inline u8 xt_family(const struct xt_action_param *par)
{
	return par->state->pf;
}

static inline unsigned int xt_hooknum(const struct xt_action_param *par)
{
	return par->state->hook;
}

/* checkentry arguments (struct xt_mtchk_param / xt_tgchk_param). */
struct xt_mtchk_param {
	struct net *net;
	const char *table;
	const struct ipt_ip *entryinfo;
	const struct xt_match *match;
	void *matchinfo;
	unsigned int hook_mask;		/* 1 << NF_INET_* of the hooks that reach it */
	u8 family;
};

struct xt_mtdtor_param {
	struct net *net;
	const struct xt_match *match;
	void *matchinfo;
	u8 family;
};

struct xt_tgchk_param {
	struct net *net;
	const char *table;
	const struct ipt_ip *entryinfo;
	const struct xt_target *target;
	void *targinfo;
	unsigned int hook_mask;
	u8 family;
};

struct xt_tgdtor_param {
	struct net *net;
	const struct xt_target *target;
	void *targinfo;
	u8 family;
};

struct xt_match {
	const char *name;
	u8 revision;
	u8 family;			/* NFPROTO_IPV4 or NFPROTO_UNSPEC */
	bool (*match)(const struct sk_buff *skb, struct xt_action_param *par);
	/* 0 or -errno; may allocate private state into matchinfo */
	int (*checkentry)(const struct xt_mtchk_param *par);
	void (*destroy)(const struct xt_mtdtor_param *par);
	unsigned int matchsize;
	const char *table;		/* NULL: any table */
	unsigned int hooks;		/* 0: any hook */
	u16 proto;			/* 0: any protocol */
};

struct xt_target {
	const char *name;
	u8 revision;
	u8 family;
	/* NF_ACCEPT, NF_DROP, NF_STOLEN, NF_QUEUE..., XT_CONTINUE or XT_RETURN */
	unsigned int (*target)(struct sk_buff *skb, const struct xt_action_param *par);
	int (*checkentry)(const struct xt_tgchk_param *par);
	void (*destroy)(const struct xt_tgdtor_param *par);
	unsigned int targetsize;
	const char *table;
	unsigned int hooks;
	u16 proto;
};

/* ---- the rule set ---- */
struct xt_entry_match {
	const struct xt_match *match;
	void *data;			/* match->matchsize bytes, owned by the rule */
};

struct xt_entry_target {
	const struct xt_target *target;	/* NULL: standard target (verdict) */
	int verdict;			/* XT_STD_*, XT_RETURN, or chain index */
	void *data;			/* target->targetsize bytes */
};

struct ipt_rule {
	struct ipt_ip ip;
	unsigned int nmatches;
	struct xt_entry_match *matches;
	struct xt_entry_target target;
	struct xt_counters counters;
};

struct ipt_chain {
	char name[XT_FUNCTION_MAXNAMELEN];
	int hook;			/* NF_INET_* for a built-in chain, -1 for a user chain */
	int policy;			/* XT_STD_ACCEPT/XT_STD_DROP (built-in only) */
	struct xt_counters counters;	/* policy counters */
	unsigned int nrules;
	unsigned int cap;
	struct ipt_rule *rules;
	unsigned int references;	/* jumps to this chain (filled by ipt_replace_table) */
	/* the policy counters move (built-in only): iptables-nft gives a base
	 * chain counters once it sets them (-P, -Z, a restored ":CHAIN P [p:b]") */
	bool policy_counters;
};

struct xt_table_info {
	u8 af;				/* NFPROTO_IPV4 or NFPROTO_IPV6 */
	unsigned int nchains;
	unsigned int cap;
	struct ipt_chain *chains;	/* built-in chains first, in hook order */
};

/* A table as registered in a namespace (struct xt_table). */
struct xt_table {
	const char *name;
	unsigned int valid_hooks;	/* 1 << NF_INET_* */
	int priority;			/* NF_IP_PRI_* */
	u8 af;
};

/* ---- API (net/netfilter/x_tables.c, net/ipv4/netfilter/ip_tables.c) ---- */
const struct xt_match *xt_find_match(u8 af, const char *name, u8 revision);
const struct xt_target *xt_find_target(u8 af, const char *name, u8 revision);

/* The table's current rules, or NULL if the table does not exist (names:
 * "filter", "nat", "mangle", "raw").  Read-only view. */
const struct xt_table_info *ipt_get_table(struct net *net, const char *name);
/* The table's rules if it exists in the namespace already, else NULL
 * (does not create it: iptables-save lists only the tables in use). */
const struct xt_table_info *ipt_table_peek(struct net *net, const char *name);
/* A deep copy to edit (match and target data copied), or NULL. */
struct xt_table_info *ipt_table_dup(const struct xt_table_info *info);
void ipt_table_free(struct xt_table_info *info);
/* Checks every rule (checkentry, hooks, loops) and swaps newinfo in; on
 * success the table owns newinfo, on error (-errno) the caller still does. */
int ipt_replace_table(struct net *net, const char *name, struct xt_table_info *newinfo);

/* The same for ip6tables' tables (net/ipv6/netfilter/ip6_tables.c). */
const struct xt_table_info *ip6t_get_table(struct net *net, const char *name);
const struct xt_table_info *ip6t_table_peek(struct net *net, const char *name);
int ip6t_replace_table(struct net *net, const char *name, struct xt_table_info *newinfo);
/* By family (NFPROTO_IPV4 / NFPROTO_IPV6): what the ipt_* and ip6t_* above call. */
const struct xt_table_info *xt_af_get_table(struct net *net, u8 af, const char *name);
const struct xt_table_info *xt_af_table_peek(struct net *net, u8 af, const char *name);
int xt_af_replace_table(struct net *net, u8 af, const char *name, struct xt_table_info *newinfo);

/* The iptables traversal (ipt_do_table), called by each table's hooks. */
unsigned int ipt_do_table(void *priv, struct sk_buff *skb,
			  const struct nf_hook_state *state);
unsigned int ip6t_do_table(void *priv, struct sk_buff *skb,
			   const struct nf_hook_state *state);

/* The bytes [offset, offset+len) of the packet, from skb->data: a pointer
 * into the linear part, or buf filled by copying; NULL when the packet is
 * shorter (skb_header_pointer). */
static inline void *xt_header_pointer(const struct sk_buff *skb, int offset, int len, void *buf)
{
	if (offset < 0 || (unsigned int)(offset + len) > skb->len)
		return NULL;
	if ((unsigned int)(offset + len) <= skb->len - skb->data_len)
		return skb->data + offset;
	return skb_copy_bits(skb, offset, buf, len) < 0 ? NULL : buf;
}

/* Shared by every table and extension registry. */
extern const struct xt_match *const xt_core_matches[];
extern const struct xt_target *const xt_core_targets[];
extern const struct xt_match *const xt_ct_matches[];
extern const struct xt_target *const xt_ct_targets[];

/* Linux's hook priorities (enum nf_ip_hook_priorities). */
enum nf_ip_hook_priorities {
	NF_IP_PRI_FIRST = -2147483647 - 1,
	NF_IP_PRI_RAW_BEFORE_DEFRAG = -450,
	NF_IP_PRI_CONNTRACK_DEFRAG = -400,
	NF_IP_PRI_RAW = -300,
	NF_IP_PRI_SELINUX_FIRST = -225,
	NF_IP_PRI_CONNTRACK = -200,
	NF_IP_PRI_MANGLE = -150,
	NF_IP_PRI_NAT_DST = -100,
	NF_IP_PRI_FILTER = 0,
	NF_IP_PRI_SECURITY = 50,
	NF_IP_PRI_NAT_SRC = 100,
	NF_IP_PRI_SELINUX_LAST = 225,
	NF_IP_PRI_CONNTRACK_HELPER = 300,
	NF_IP_PRI_CONNTRACK_CONFIRM = 2147483647,
	NF_IP_PRI_LAST = 2147483647,
};

#endif
