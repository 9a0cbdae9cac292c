/* The iptables tables that need connection tracking (the nat table,
 * iptable_nat.c), as a NULL-terminated registry ip_tables.c searches. */
#include <stddef.h>
#include "linux/netfilter_ipv4/ip_tables.h"

extern const struct ipt_table_ops iptable_nat_ops;

const struct ipt_table_ops *const ipt_ct_tables[] = {
	&iptable_nat_ops,
	NULL,
};
