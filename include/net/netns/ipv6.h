/* struct netns_ipv6: what one namespace owns of IPv6
 * (include/net/netns/ipv6.h): devconf all/default, the fib6 tables, the
 * neighbour discovery table, sysctls and SNMP counters. */
#ifndef SKBOX_NET_NETNS_IPV6_H
#define SKBOX_NET_NETNS_IPV6_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/neighbour.h"
#include "net/snmp.h"

/* A set of reassembly queues (Linux's struct fqdir): struct frag_queue6
 * by arrival, the memory they hold and their limits. */
struct fqdir6 {
	struct list_head queues;
	long mem;
	int high_thresh, low_thresh;	/* bytes */
	int timeout;			/* seconds */
};

/* /proc/net/snmp6 names, in nstat's order */
#define IP6_MIB_LIST(FN)						\
	FN(INRECEIVES, "Ip6InReceives") FN(INHDRERRORS, "Ip6InHdrErrors") \
	FN(INTOOBIGERRORS, "Ip6InTooBigErrors") FN(INNOROUTES, "Ip6InNoRoutes") \
	FN(INADDRERRORS, "Ip6InAddrErrors") FN(INUNKNOWNPROTOS, "Ip6InUnknownProtos") \
	FN(INTRUNCATEDPKTS, "Ip6InTruncatedPkts") FN(INDISCARDS, "Ip6InDiscards") \
	FN(INDELIVERS, "Ip6InDelivers") FN(OUTFORWDATAGRAMS, "Ip6OutForwDatagrams") \
	FN(OUTREQUESTS, "Ip6OutRequests") FN(OUTDISCARDS, "Ip6OutDiscards") \
	FN(OUTNOROUTES, "Ip6OutNoRoutes") FN(REASMTIMEOUT, "Ip6ReasmTimeout") \
	FN(REASMREQDS, "Ip6ReasmReqds") FN(REASMOKS, "Ip6ReasmOKs")	\
	FN(REASMFAILS, "Ip6ReasmFails") FN(FRAGOKS, "Ip6FragOKs")	\
	FN(FRAGFAILS, "Ip6FragFails") FN(FRAGCREATES, "Ip6FragCreates") \
	FN(INMCASTPKTS, "Ip6InMcastPkts") \
	FN(OUTMCASTPKTS, "Ip6OutMcastPkts") FN(INOCTETS, "Ip6InOctets")	\
	FN(OUTOCTETS, "Ip6OutOctets") FN(INMCASTOCTETS, "Ip6InMcastOctets") \
	FN(OUTMCASTOCTETS, "Ip6OutMcastOctets") FN(OUTPKTS, "Ip6OutTransmits")

#define ICMP6_MIB_LIST(FN)						\
	FN(INMSGS, "Icmp6InMsgs") FN(INERRORS, "Icmp6InErrors")		\
	FN(OUTMSGS, "Icmp6OutMsgs") FN(OUTERRORS, "Icmp6OutErrors")	\
	FN(CSUMERRORS, "Icmp6InCsumErrors")

enum {
#define FN(id, name) IPSTATS6_MIB_##id,
	IP6_MIB_LIST(FN)
#undef FN
	__IPSTATS6_MIB_MAX
};

enum {
#define FN(id, name) ICMP6_MIB_##id,
	ICMP6_MIB_LIST(FN)
#undef FN
	__ICMP6_MIB_MAX
};

struct fib6_table;

struct netns_ipv6 {
	struct ipv6_devconf devconf_all;
	struct ipv6_devconf devconf_dflt;
	struct list_head fib_tables;		/* struct fib6_table, by id */
	struct fib6_table *fib6_main_tbl;
	struct fib6_table *fib6_local_tbl;
	struct list_head fib6_rules;		/* struct fib_rule, by pref (fib6_rules.c) */
	bool fib6_has_custom_rules;
	int fib6_rules_gotos;
	struct neigh_table nd_tbl;
	struct packet_type ipv6_packet_type;
	struct list_head raw6_sockets;		/* struct sock: raw ICMPv6 (ping -6) */
	/* net.ipv6.* scalars: stored; see docs/IPV6.md for which act */
	int sysctl_route_max_size;
	int sysctl_route_gc_thresh;
	int sysctl_route_gc_timeout;
	int sysctl_route_gc_interval;
	struct timer_list ip6_fib_timer;	/* fib6_gc_timer_cb: expired routes go */
	int sysctl_route_gc_elasticity;
	int sysctl_route_gc_min_interval;
	int sysctl_route_mtu_expires;
	int sysctl_route_min_adv_mss;
	int sysctl_icmp_ratelimit;
	int sysctl_icmp_echo_ignore_all;
	int sysctl_fib_multipath_hash_policy;
	int sysctl_ip_nonlocal_bind;
	int sysctl_flowlabel_reflect;		/* bit 2 (4): echo replies; bit 1 (2): resets */
	int sysctl_auto_flowlabels;		/* 1 by default (ip6_make_flowlabel) */
	int sysctl_flowlabel_state_ranges;	/* 1: automatic labels have bit 19 set */
	int sysctl_bindv6only;			/* net.ipv6.bindv6only: IPV6_V6ONLY's default */
	/* reassembly queues (net/ipv6/reassembly.c): the stack's own
	 * (net.ipv6.ip6frag_*) and nf_defrag_ipv6's, apart as Linux's
	 * (net/ipv6/netfilter/nf_conntrack_reasm.c,
	 * net.netfilter.nf_conntrack_frag6_*) */
	struct fqdir6 frags, nf_frags;
	/* PMTU exceptions (net/ipv6/route.c): struct rt6_exception */
	struct list_head rt6_exceptions;
	/* inet_peer rate limits (net/ipv6/ndisc.c: redirects) */
	struct list_head peers;
	u64 mib[__IPSTATS6_MIB_MAX];
	u64 icmp6[__ICMP6_MIB_MAX];
	u64 icmp6msg_in[256], icmp6msg_out[256];
	u64 udp6[__UDP_MIB_MAX];		/* Udp6*: the UDP_MIB_* indexes */
};

#define __IP6_INC_STATS(net, field) ((net)->ipv6.mib[field]++)
#define __IP6_ADD_STATS(net, field, v) ((net)->ipv6.mib[field] += (v))
#define __ICMP6_INC_STATS(net, field) ((net)->ipv6.icmp6[field]++)
#define __UDP6_INC_STATS(net, field) ((net)->ipv6.udp6[field]++)

#endif
