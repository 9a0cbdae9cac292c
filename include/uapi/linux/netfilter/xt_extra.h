/* Info structs of -m connlabel, -m cluster, -m socket and -j CHECKSUM
 * (Linux's uapi xt_connlabel.h, xt_cluster.h, xt_socket.h, xt_CHECKSUM.h). */
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

#endif
