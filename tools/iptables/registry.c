/* The iptables tool's core extensions, as const registries searched by
 * name (xtables.c).  NULL-terminated. */
#include <stddef.h>
#include "xtables.h"

extern const struct xtables_match libxt_tcp, libxt_udp, libipt_icmp, libxt_comment, libxt_mark,
	libxt_multiport, libxt_limit, libxt_statistic, libxt_length, libxt_addrtype, libxt_physdev,
	libxt_iprange, libipt_ttl, libxt_tos, libxt_dscp, libxt_pkttype, libxt_set, libxt_sctp,
	libxt_dccp, libxt_esp, libipt_ah, libxt_ipcomp, libxt_ecn, libxt_tcpmss, libxt_quota,
	libxt_cpu, libxt_mac, libxt_owner, libxt_string, libxt_hashlimit,
	libxt_connbytes, libxt_helper, libxt_recent, libxt_ipvs, libxt_time,
	libxt_policy, libxt_cgroup, libxt_socket, libxt_rpfilter;

const struct xtables_match *const xtables_core_matches[] = {
	&libxt_tcp, &libxt_udp, &libipt_icmp, &libxt_comment, &libxt_mark, &libxt_multiport,
	&libxt_limit, &libxt_statistic, &libxt_length, &libxt_addrtype, &libxt_physdev,
	&libxt_iprange, &libipt_ttl, &libxt_tos, &libxt_dscp, &libxt_pkttype, &libxt_set,
	&libxt_sctp, &libxt_dccp, &libxt_esp, &libipt_ah, &libxt_ipcomp, &libxt_ecn, &libxt_tcpmss,
	&libxt_quota, &libxt_cpu, &libxt_mac, &libxt_owner, &libxt_string, &libxt_hashlimit,
	&libxt_connbytes, &libxt_helper, &libxt_recent, &libxt_ipvs, &libxt_time,
	&libxt_policy, &libxt_cgroup, &libxt_socket, &libxt_rpfilter,
	NULL,
};

extern const struct xtables_target libipt_REJECT, libxt_LOG, libxt_MARK, libxt_TCPMSS,
	libxt_TRACE, libxt_NFQUEUE, libxt_CLASSIFY, libxt_DSCP, libxt_TOS, libipt_TTL, libipt_ECN,
	libxt_NFLOG, libxt_TCPOPTSTRIP, libxt_AUDIT, libxt_CHECKSUM, libxt_HMARK;

const struct xtables_target *const xtables_core_targets[] = {
	&libipt_REJECT, &libxt_LOG, &libxt_MARK, &libxt_TCPMSS, &libxt_TRACE, &libxt_NFQUEUE,
	&libxt_CLASSIFY, &libxt_DSCP, &libxt_TOS, &libipt_TTL, &libipt_ECN, &libxt_NFLOG,
	&libxt_TCPOPTSTRIP, &libxt_AUDIT, &libxt_CHECKSUM, &libxt_HMARK,
	NULL,
};
