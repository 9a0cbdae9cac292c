/* Info structs of the targets that rewrite IP/TCP header fields (Linux's
 * uapi xt_DSCP.h with the TOS target, ipt_TTL.h, ipt_ECN.h). */
#ifndef SKBOX_UAPI_XT_MANGLE_H
#define SKBOX_UAPI_XT_MANGLE_H

#include "linux/types.h"

#define XT_DSCP_MAX 0x3f

/* -j DSCP */
struct xt_DSCP_info {
	u8 dscp;
};

/* -j TOS (revision 1): tos = (tos & ~mask) ^ value */
struct xt_tos_target_info {
	u8 tos_value;
	u8 tos_mask;
};

/* -j TTL */
enum { IPT_TTL_SET = 0, IPT_TTL_INC, IPT_TTL_DEC };
#define IPT_TTL_MAXMODE IPT_TTL_DEC

struct ipt_TTL_info {
	u8 mode;
	u8 ttl;
};

/* -j ECN */
#define IPT_ECN_IP_MASK		0x03
#define IPT_ECN_OP_SET_IP	0x01
#define IPT_ECN_OP_SET_ECE	0x10
#define IPT_ECN_OP_SET_CWR	0x20
#define IPT_ECN_OP_MASK		0xce

struct ipt_ECN_info {
	u8 operation;
	u8 ip_ect;
	u8 ece;				/* proto.tcp.ece */
	u8 cwr;				/* proto.tcp.cwr */
};

/* -j TCPOPTSTRIP: a bit per TCP option kind */
struct xt_tcpoptstrip_target_info {
	u32 strip_bmap[8];
};

#endif
