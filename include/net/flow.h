/* The key of a route lookup (include/net/flow.h). */
#ifndef SKBOX_NET_FLOW_H
#define SKBOX_NET_FLOW_H

#include <netinet/in.h>
#include "linux/types.h"

#define FLOWI_FLAG_ANYSRC 0x01
#define FLOWI_FLAG_KNOWN_NH 0x02

struct flowi4 {
	int flowi4_oif;
	int flowi4_iif;
	u32 flowi4_mark;
	u8 flowi4_tos;
	u8 flowi4_scope;
	u8 flowi4_proto;
	u8 flowi4_flags;
	u32 flowi4_uid;
	__be32 saddr;
	__be32 daddr;
	__be16 fl4_sport;
	__be16 fl4_dport;
	u8 fl4_icmp_type;
	u8 fl4_icmp_code;
};

/* The key of an IPv6 route lookup (flowi6); tclass is the traffic class
 * byte Linux keeps in the flow label's top bits. */
struct flowi6 {
	int flowi6_oif;
	int flowi6_iif;
	u32 flowi6_mark;
	u8 flowi6_proto;
	u8 flowi6_tclass;
	u32 flowi6_uid;
	__be32 flowlabel;		/* 0: ip6_make_flowlabel picks one */
	struct in6_addr saddr;
	struct in6_addr daddr;
	__be16 fl6_sport;
	__be16 fl6_dport;
};

#endif
