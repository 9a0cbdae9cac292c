/* The ip6tables tables that need conntrack (Linux's ip6table_nat): none
 * yet — skbox's conntrack tracks IPv4 only, so there is no NAT66 and
 * `ip6tables -t nat` answers as a kernel without ip6table_nat. */
#include <stddef.h>
#include "linux/netfilter_ipv6/ip6_tables.h"

const struct ipt_table_ops *const ip6t_ct_tables[] = {
	NULL,
};
