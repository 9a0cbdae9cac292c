/* Info structs of the small matches (Linux's uapi xt_multiport.h,
 * xt_mark.h, xt_comment.h, xt_addrtype.h, xt_statistic.h, xt_limit.h,
 * xt_physdev.h, xt_iprange.h, xt_length.h, ipt_ttl.h, xt_tos/xt_dscp.h,
 * xt_pkttype.h), one header for the lot: each is a few fields. */
#ifndef SKBOX_UAPI_XT_MISC_H
#define SKBOX_UAPI_XT_MISC_H

#include "linux/types.h"

/* -m multiport (revision 1) */
enum xt_multiport_flags {
	XT_MULTIPORT_SOURCE,
	XT_MULTIPORT_DESTINATION,
	XT_MULTIPORT_EITHER,
};
#define XT_MULTI_PORTS 15

struct xt_multiport_v1 {
	u8 flags;
	u8 count;			/* entries in ports[] (a range takes two) */
	u16 ports[XT_MULTI_PORTS];
	u8 pflags[XT_MULTI_PORTS];	/* 1: ports[i] starts a range */
	u8 invert;
};

/* -m mark (revision 1) */
struct xt_mark_mtinfo1 {
	u32 mark, mask;
	u8 invert;
};

/* -m comment */
#define XT_MAX_COMMENT_LEN 256
struct xt_comment_info {
	char comment[XT_MAX_COMMENT_LEN];
};

/* -m addrtype (revision 1) */
enum {
	XT_ADDRTYPE_INVERT_SOURCE = 0x0001,
	XT_ADDRTYPE_INVERT_DEST = 0x0002,
	XT_ADDRTYPE_LIMIT_IFACE_IN = 0x0004,
	XT_ADDRTYPE_LIMIT_IFACE_OUT = 0x0008,
};

/* bit (1 << RTN_x) for each route type */
struct xt_addrtype_info_v1 {
	u16 source;
	u16 dest;
	u32 flags;
};

/* -m statistic */
enum xt_statistic_mode {
	XT_STATISTIC_MODE_RANDOM,
	XT_STATISTIC_MODE_NTH,
};
#define XT_STATISTIC_INVERT 0x1

struct xt_statistic_info {
	u16 mode;
	u16 flags;
	union {
		struct {
			u32 probability;	/* of 0x80000000 */
		} random;
		struct {
			u32 every;		/* --every N stored as N - 1 */
			u32 packet;
			u32 count;		/* the tool's start value */
		} nth;
	} u;
	u32 nth_count;			/* kernel: the running counter */
};

/* -m limit */
#define XT_LIMIT_SCALE 10000
struct xt_rateinfo {
	u32 avg;			/* seconds * XT_LIMIT_SCALE per packet */
	u32 burst;
	/* kernel state, set by checkentry: a token bucket in nanoseconds of
	 * virtual time (Linux counts jiffies) */
	u64 prev;			/* when credit was last refilled */
	u64 credit;
	u64 credit_cap, cost;
};

/* -m physdev */
#define XT_PHYSDEV_OP_IN	0x01
#define XT_PHYSDEV_OP_OUT	0x02
#define XT_PHYSDEV_OP_BRIDGED	0x04
#define XT_PHYSDEV_OP_ISIN	0x08
#define XT_PHYSDEV_OP_ISOUT	0x10
#define XT_PHYSDEV_OP_MASK	0x1f

struct xt_physdev_info {
	char physindev[16];
	char in_mask[16];
	char physoutdev[16];
	char out_mask[16];
	u8 invert;
	u8 bitmask;
};

/* -m iprange (revision 1) */
enum {
	IPRANGE_SRC = 1 << 0,
	IPRANGE_DST = 1 << 1,
	IPRANGE_SRC_INV = 1 << 4,
	IPRANGE_DST_INV = 1 << 5,
};

struct xt_iprange_mtinfo {
	__be32 src_min, src_max;
	__be32 dst_min, dst_max;
	u8 flags;
};

/* -m length */
struct xt_length_info {
	u16 min, max;
	u8 invert;
};

/* -m ttl */
enum {
	IPT_TTL_EQ = 0,
	IPT_TTL_NE,
	IPT_TTL_LT,
	IPT_TTL_GT,
};

struct ipt_ttl_info {
	u8 mode;
	u8 ttl;
};

/* -m tos (revision 1) and -m dscp */
struct xt_tos_match_info {
	u8 tos_mask;
	u8 tos_value;
	u8 invert;
};

struct xt_dscp_info {
	u8 dscp;
	u8 invert;
};

/* -m pkttype */
struct xt_pkttype_info {
	int pkttype;			/* PACKET_HOST, PACKET_BROADCAST, ... */
	int invert;
};

#endif
