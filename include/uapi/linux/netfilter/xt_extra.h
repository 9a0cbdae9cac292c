/* Info structs of -m connlabel, -m cluster, -m socket, -m rpfilter,
 * -j CHECKSUM and -j HMARK (Linux's uapi xt_connlabel.h, xt_cluster.h,
 * xt_socket.h, xt_rpfilter.h, xt_CHECKSUM.h, xt_HMARK.h). */
#ifndef SKBOX_UAPI_XT_EXTRA_H
#define SKBOX_UAPI_XT_EXTRA_H

#include "linux/types.h"

#define XT_CONNLABEL_MAXBIT 127
enum xt_connlabel_mtopts {
	XT_CONNLABEL_OP_INVERT = 1 << 0,
	XT_CONNLABEL_OP_SET = 1 << 1,
};

struct xt_connlabel_mtinfo {
	u16 bit;
	u16 options;
};

enum xt_cluster_flags {
	XT_CLUSTER_F_INV = (1 << 0),
};

#define XT_CLUSTER_NODES_MAX 32

struct xt_cluster_match_info {
	u32 total_nodes;
	u32 node_mask;
	u32 hash_seed;
	u32 flags;
	void *data;			/* kernel: unused */
};

#define XT_CHECKSUM_OP_FILL 0x01

struct xt_CHECKSUM_info {
	u8 operation;
};

/* -m socket (xt_socket.h): revisions 1-3 carry the flags */
enum {
	XT_SOCKET_TRANSPARENT = 1 << 0,
	XT_SOCKET_NOWILDCARD = 1 << 1,
	XT_SOCKET_RESTORESKMARK = 1 << 2,
};

struct xt_socket_mtinfo {
	u8 flags;
};

/* -m rpfilter (xt_rpfilter.h) */
enum {
	XT_RPFILTER_LOOSE = 1 << 0,
	XT_RPFILTER_VALID_MARK = 1 << 1,
	XT_RPFILTER_ACCEPT_LOCAL = 1 << 2,
	XT_RPFILTER_INVERT = 1 << 3,
};

struct xt_rpfilter_info {
	u8 flags;
};

/* -j HMARK (xt_HMARK.h) */
enum {
	XT_HMARK_SADDR_MASK, XT_HMARK_DADDR_MASK, XT_HMARK_SPI, XT_HMARK_SPI_MASK,
	XT_HMARK_SPORT, XT_HMARK_DPORT, XT_HMARK_SPORT_MASK, XT_HMARK_DPORT_MASK,
	XT_HMARK_PROTO_MASK, XT_HMARK_RND, XT_HMARK_MODULUS, XT_HMARK_OFFSET, XT_HMARK_CT,
	XT_HMARK_METHOD_L3, XT_HMARK_METHOD_L3_4,
};
#define XT_HMARK_FLAG(flag) (1U << (flag))

union hmark_ports {
	struct { u16 src, dst; } p16;	/* network order, as Linux's b16 */
	u32 v32;
};

struct xt_hmark_info {
	u32 src_mask[4];		/* union nf_inet_addr */
	u32 dst_mask[4];
	union hmark_ports port_mask;
	union hmark_ports port_set;
	u32 flags;
	u16 proto_mask;
	u32 hashrnd;
	u32 hmodulus;
	u32 hoffset;			/* mark offset to start from */
};

#endif
