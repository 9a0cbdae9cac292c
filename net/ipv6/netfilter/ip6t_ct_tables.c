/* The ip6tables tables that need conntrack: the nat table
 * (ip6table_nat.c, NAT66), a NULL-terminated registry ip_tables.c
 * searches. */
#include <stddef.h>
#include "linux/netfilter_ipv6/ip6_tables.h"

extern const struct ipt_table_ops ip6table_nat_ops;

const struct ipt_table_ops *const ip6t_ct_tables[] = {
	&ip6table_nat_ops,
	NULL,
};
