/* Info structs of the matches on transport headers other than TCP/UDP/ICMP
 * and on header bits (Linux's uapi xt_sctp.h, xt_dccp.h, xt_esp.h,
 * ipt_ah.h, xt_ipcomp.h, xt_ecn.h, xt_tcpmss.h). */
#ifndef SKBOX_UAPI_XT_PROTO_H
#define SKBOX_UAPI_XT_PROTO_H

#include "linux/types.h"

/* -m sctp */
#define XT_SCTP_SRC_PORTS	0x01
#define XT_SCTP_DEST_PORTS	0x02
#define XT_SCTP_CHUNK_TYPES	0x04
#define XT_SCTP_VALID_FLAGS	0x07

#define SCTP_CHUNK_MATCH_ANY	0x01	/* any of the listed chunks present */
#define SCTP_CHUNK_MATCH_ALL	0x02	/* all listed chunks present */
#define SCTP_CHUNK_MATCH_ONLY	0x04	/* only the listed chunks present */

struct xt_sctp_flag_info {
	u8 chunktype;
	u8 flag;
	u8 flag_mask;
};

#define XT_NUM_SCTP_FLAGS	4

struct xt_sctp_info {
	u16 dpts[2];
	u16 spts[2];
	u32 chunkmap[256 / 32];		/* a bit per chunk type */
	u32 chunk_match_type;
	struct xt_sctp_flag_info flag_info[XT_NUM_SCTP_FLAGS];
	int flag_count;
	u32 flags;
	u32 invflags;
};

/* -m dccp */
#define XT_DCCP_SRC_PORTS	0x01
#define XT_DCCP_DEST_PORTS	0x02
#define XT_DCCP_TYPE		0x04
#define XT_DCCP_OPTION		0x08
#define XT_DCCP_VALID_FLAGS	0x0f

struct xt_dccp_info {
	u16 dpts[2];
	u16 spts[2];
	u16 flags;
	u16 invflags;
	u16 typemask;			/* a bit per DCCP packet type */
	u8 option;
};

/* -m esp, -m ah, -m ipcomp: an SPI range */
struct xt_spi_info {
	u32 spis[2];
	u8 invflags;			/* XT_SPI_INV */
	u8 hdrres;			/* ipcomp --compres: the reserved bits are set */
};
#define XT_SPI_INV		0x01

/* -m ecn */
#define XT_ECN_IP_MASK		0x03
#define XT_ECN_OP_MATCH_IP	0x01
#define XT_ECN_OP_MATCH_ECE	0x10
#define XT_ECN_OP_MATCH_CWR	0x20
#define XT_ECN_OP_MATCH_MASK	0xce

struct xt_ecn_info {
	u8 operation;
	u8 invert;
	u8 ip_ect;
	u8 tcp_ect;
};

/* -m tcpmss */
struct xt_tcpmss_match_info {
	u16 mss_min, mss_max;
	u8 invert;
};

#endif
