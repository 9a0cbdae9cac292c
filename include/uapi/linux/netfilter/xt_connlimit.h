/* -m connlimit (include/uapi/linux/netfilter/xt_connlimit.h, revision 1),
 * IPv4 mask only. */
#ifndef SKBOX_UAPI_XT_CONNLIMIT_H
#define SKBOX_UAPI_XT_CONNLIMIT_H

#include "linux/types.h"

struct xt_connlimit_data;

enum {
	XT_CONNLIMIT_INVERT = 1 << 0,
	XT_CONNLIMIT_DADDR = 1 << 1,
};

struct xt_connlimit_info {
	__be32 v4_mask;
	unsigned int limit;
	u32 flags;
	/* the kernel's: the rule's connection lists */
	struct xt_connlimit_data *data __attribute__((aligned(8)));
};

#endif
