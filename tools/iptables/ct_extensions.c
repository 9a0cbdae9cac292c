/* The iptables tool's conntrack and NAT extensions (libxt_conntrack,
 * libxt_state, libxt_connmark, libxt_CONNMARK, libipt_DNAT/SNAT,
 * libxt_MASQUERADE, libxt_REDIRECT, libxt_CT), as const registries that
 * xtables_find_match()/xtables_find_target() search.  NULL-terminated. */
#include <stddef.h>
#include "xtables.h"

extern const struct xtables_match libxt_conntrack, libxt_state, libxt_connmark,
	libxt_connlimit, libxt_connlabel, libxt_cluster;
extern const struct xtables_target libxt_CONNMARK, libxt_CT, libxt_NOTRACK;
/* NAT (libxt_NAT.c) */
extern const struct xtables_target libxt_DNAT, libxt_SNAT, libxt_MASQUERADE, libxt_REDIRECT,
	libipt_NETMAP;

const struct xtables_match *const xtables_ct_matches[] = {
	&libxt_conntrack,
	&libxt_state,
	&libxt_connmark,
	&libxt_connlimit,
	&libxt_connlabel,
	&libxt_cluster,
	NULL,
};

const struct xtables_target *const xtables_ct_targets[] = {
	&libxt_CONNMARK,
	&libxt_CT,
	&libxt_NOTRACK,
	&libxt_DNAT, &libxt_SNAT, &libxt_MASQUERADE, &libxt_REDIRECT,
	&libipt_NETMAP,
	NULL,
};
