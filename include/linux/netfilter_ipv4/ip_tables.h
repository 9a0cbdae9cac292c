/* IPv4 iptables tables (include/linux/netfilter_ipv4/ip_tables.h): how a
 * table (filter, mangle, raw, nat) is declared, and how it appears in a
 * namespace.  Tables are created in a namespace on first use (the first
 * iptables command naming them), as Linux loads iptable_* modules on
 * demand, so a namespace without rules pays nothing on its packet path. */
#ifndef SKBOX_LINUX_NETFILTER_IPV4_IP_TABLES_H
#define SKBOX_LINUX_NETFILTER_IPV4_IP_TABLES_H

#include "linux/netfilter/x_tables.h"

struct ipt_table_ops {
	const struct xt_table *table;		/* name, valid_hooks, af */
	/* one hook function and priority per valid hook; priv is the
	 * namespace's table, to pass to ipt_do_table() */
	nf_hookfn *hook[NF_INET_NUMHOOKS];
	int priority[NF_INET_NUMHOOKS];
	/* optional: run when the table appears in / leaves a namespace
	 * (the nat table takes a conntrack reference here) */
	int (*net_init)(struct net *net);
	void (*net_exit)(struct net *net);
};

/* NULL-terminated registries searched by name: filter, mangle, raw
 * (iptable_filter.c, ...) and the ones that need conntrack (nat). */
extern const struct ipt_table_ops *const ipt_core_tables[];
extern const struct ipt_table_ops *const ipt_ct_tables[];

#endif
