/* The iptables tool's core extensions, as const registries searched by
 * name (xtables.c).  NULL-terminated. */
#include <stddef.h>
#include "xtables.h"

extern const struct xtables_match libxt_tcp, libxt_udp, libipt_icmp;

const struct xtables_match *const xtables_core_matches[] = {
	&libxt_tcp, &libxt_udp, &libipt_icmp,
	NULL,
};

const struct xtables_target *const xtables_core_targets[] = {
	NULL,
};
