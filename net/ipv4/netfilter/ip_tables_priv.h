/* Private to net/ipv4/netfilter/ip_tables*.c: a table as it lives in one
 * namespace, and the namespace's list of tables. */
#ifndef SKBOX_IP_TABLES_PRIV_H
#define SKBOX_IP_TABLES_PRIV_H

#include "linux/netfilter_ipv4/ip_tables.h"

#define IPT_MAX_TABLES 12	/* IPv4's and IPv6's */
/* Deepest chain of jumps a table may hold (the walk's return stack). */
#define IPT_STACK_MAX 256

struct ipt_net_table {
	const struct ipt_table_ops *ops;
	struct xt_table_info *info;
	struct net *net;
	int hook_chain[NF_INET_NUMHOOKS];	/* chain index of each built-in chain */
	struct nf_hook_ops hook_ops[NF_INET_NUMHOOKS];
	struct ipt_chain_index **index;		/* per chain, NULL: linear (ip_tables_index.c) */
	unsigned int nindex;
};

struct ipt_hint {
	struct ipt_hint *next;
	char text[];
};

struct ipt_pernet {
	unsigned int ntables;
	struct ipt_net_table *tables[IPT_MAX_TABLES];
	struct ipt_hint *hints;
};

/* What the walk knows of the packet beyond its headers: the family and,
 * for IPv6, the upper-layer protocol after the extension headers (-1 when
 * the chain of headers could not be followed). */
struct ipt_pkt {
	u8 af;
	int protohdr;
};

unsigned int ipt_do_table_af(const struct ipt_net_table *t, struct sk_buff *skb,
			     const struct nf_hook_state *state, struct xt_action_param *par,
			     const struct ipt_pkt *pk);
bool ipt_ifname_match(const char *name, const char *rule, const unsigned char *mask);
/* net/ipv6/netfilter/ip6_tables.c: the ip6t_ip6 part of a rule */
bool ip6_packet_match(const struct sk_buff *skb, const char *indev, const char *outdev,
		      const struct ipt_ip *ipinfo, const struct ipt_pkt *pk,
		      struct xt_action_param *par);

void ipt_table_index_hooks(struct ipt_net_table *t);
struct ipt_chain_index;
void ipt_index_build(struct ipt_net_table *t);
void ipt_index_free(struct ipt_net_table *t);
u32 ipt_index_next(const struct ipt_net_table *t, u32 chain, u32 rule, __be32 dst);
int ipt_check_table(struct net *net, struct ipt_net_table *t, struct xt_table_info *info);
const char *ipt_intern_hint(struct net *net, const char *s);
const char *ipt_hook_name(unsigned int hook);
/* The text of the rule's -m comment, or NULL. */
const char *ipt_rule_comment(const struct ipt_rule *r);

#endif
