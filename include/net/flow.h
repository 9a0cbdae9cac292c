/* The key of a route lookup (include/net/flow.h). */
#ifndef SKBOX_NET_FLOW_H
#define SKBOX_NET_FLOW_H

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

#endif
