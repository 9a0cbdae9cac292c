/* The conntrack and NAT extensions of iptables (xt_conntrack, xt_state,
 * xt_connmark, xt_nat, xt_MASQUERADE, xt_REDIRECT, xt_CT), as const
 * registries that x_tables.c searches after the core ones.  NULL-terminated. */
#include <stddef.h>
#include "linux/netfilter/x_tables.h"

extern const struct xt_match xt_conntrack_match, xt_state_match, xt_connmark_match,
	xt_connlimit_match, xt_connlabel_match, xt_cluster_match;
extern const struct xt_target xt_connmark_target, xt_ct_target, xt_notrack_target;
/* NAT (xt_nat.c, xt_MASQUERADE.c, xt_REDIRECT.c) */
extern const struct xt_target xt_dnat_target, xt_snat_target, xt_masquerade_target,
	xt_redirect_target,
	xt_netmap_target,
	xt_dnat_target6, xt_snat_target6, xt_masquerade_target6, xt_redirect_target6,
	xt_netmap_target6;

const struct xt_match *const xt_ct_matches[] = {
	&xt_conntrack_match,
	&xt_state_match,
	&xt_connmark_match,
	&xt_connlimit_match,
	&xt_connlabel_match,
	&xt_cluster_match,
	NULL,
};

const struct xt_target *const xt_ct_targets[] = {
	&xt_connmark_target,
	&xt_ct_target,
	&xt_notrack_target,
	&xt_dnat_target, &xt_snat_target, &xt_masquerade_target, &xt_redirect_target,
	&xt_netmap_target,
	&xt_dnat_target6, &xt_snat_target6, &xt_masquerade_target6, &xt_redirect_target6,
	&xt_netmap_target6,
	NULL,
};
