/* The core iptables extensions (no conntrack needed), as const registries
 * that x_tables.c searches by name and revision.  NULL-terminated. */
#include <stddef.h>
#include "linux/netfilter/x_tables.h"

extern const struct xt_match xt_tcp_match, xt_udp_match, xt_icmp_match, xt_multiport_match,
	xt_mark_match, xt_comment_match, xt_addrtype_match, xt_statistic_match, xt_limit_match,
	xt_physdev_match, xt_iprange_match, xt_length_match, xt_ttl_match, xt_tos_match,
	xt_dscp_match, xt_pkttype_match, xt_set_match, xt_sctp_match, xt_dccp_match, xt_esp_match,
	xt_ah_match, xt_ipcomp_match, xt_ecn_match, xt_tcpmss_match, xt_quota_match, xt_cpu_match,
	xt_mac_match, xt_owner_match, xt_string_match, xt_hashlimit_match,
	xt_connbytes_match, xt_helper_match, xt_recent_match, xt_ipvs_match, xt_time_match,
	xt_policy_match, xt_cgroup_match, ip6t_icmp6_match, ip6t_hl_match, ip6t_ipv6header_match,
	ip6t_frag_match, ip6t_hbh_match, ip6t_dst_match, ip6t_rt_match, ip6t_mh_match,
	ip6t_ah_match, ip6t_eui64_match, ip6t_srh_match, xt_socket_match, xt_rpfilter_match;
extern const struct xt_target xt_mark_target, ipt_reject_target, xt_log_target,
	xt_tcpmss_target, xt_trace_target, xt_nfqueue_target, xt_classify_target, xt_dscp_target,
	xt_tos_target, xt_ttl_target, ipt_ecn_target, xt_nflog_target,
	xt_tcpoptstrip_target, xt_audit_target, ip6t_reject_target, ip6t_hl_target, ip6t_snpt_target, ip6t_dnpt_target,
	xt_checksum_target, xt_hmark_target;

const struct xt_match *const xt_core_matches[] = {
	&xt_tcp_match, &xt_udp_match, &xt_icmp_match, &xt_multiport_match, &xt_mark_match,
	&xt_comment_match, &xt_addrtype_match, &xt_statistic_match, &xt_limit_match,
	&xt_physdev_match, &xt_iprange_match, &xt_length_match, &xt_ttl_match, &xt_tos_match,
	&xt_dscp_match, &xt_pkttype_match, &xt_set_match, &xt_sctp_match, &xt_dccp_match,
	&xt_esp_match, &xt_ah_match, &xt_ipcomp_match, &xt_ecn_match, &xt_tcpmss_match,
	&xt_quota_match, &xt_cpu_match, &xt_mac_match, &xt_owner_match, &xt_string_match,
	&xt_hashlimit_match, &xt_connbytes_match, &xt_helper_match, &xt_recent_match,
	&xt_ipvs_match, &xt_time_match, &xt_policy_match,
	&xt_cgroup_match, &xt_socket_match, &xt_rpfilter_match,
	/* IPv6 only (net/ipv6/netfilter/ip6t_matches.c) */
	&ip6t_icmp6_match, &ip6t_hl_match, &ip6t_ipv6header_match, &ip6t_frag_match,
	&ip6t_hbh_match, &ip6t_dst_match, &ip6t_rt_match, &ip6t_mh_match, &ip6t_ah_match,
	&ip6t_eui64_match, &ip6t_srh_match,
	NULL,
};

const struct xt_target *const xt_core_targets[] = {
	&xt_mark_target, &ipt_reject_target, &xt_log_target, &xt_tcpmss_target,
	&xt_trace_target, &xt_nfqueue_target, &xt_classify_target, &xt_dscp_target,
	&xt_tos_target, &xt_ttl_target, &ipt_ecn_target, &xt_nflog_target,
	&xt_tcpoptstrip_target, &xt_audit_target, &xt_checksum_target, &xt_hmark_target,
	&ip6t_reject_target, &ip6t_hl_target, &ip6t_snpt_target, &ip6t_dnpt_target,	/* IPv6 */
	NULL,
};
