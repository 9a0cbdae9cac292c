/* The iptables tables that need connection tracking (the nat table,
 * iptable_nat.c), as a NULL-terminated registry ip_tables.c searches. */
#include <stddef.h>
#include "linux/netfilter_ipv4/ip_tables.h"

const struct ipt_table_ops *const ipt_ct_tables[] = {
	NULL,
};
