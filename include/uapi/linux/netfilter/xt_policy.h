/* -m policy (include/uapi/linux/netfilter/xt_policy.h), IPv4 addresses only. */
#ifndef SKBOX_UAPI_XT_POLICY_H
#define SKBOX_UAPI_XT_POLICY_H

#include "linux/types.h"

#define XT_POLICY_MAX_ELEM 4

enum xt_policy_flags {
	XT_POLICY_MATCH_IN = 0x1,
	XT_POLICY_MATCH_OUT = 0x2,
	XT_POLICY_MATCH_NONE = 0x4,
	XT_POLICY_MATCH_STRICT = 0x8,
};

enum xt_policy_modes {
	XT_POLICY_MODE_TRANSPORT,
	XT_POLICY_MODE_TUNNEL
};

struct xt_policy_spec {
	u8 saddr:1, daddr:1, proto:1, mode:1, spi:1, reqid:1;
};

struct xt_policy_elem {
	__be32 saddr, smask, daddr, dmask;
	__be32 spi;
	u32 reqid;
	u8 proto;
	u8 mode;
	struct xt_policy_spec match;
	struct xt_policy_spec invert;
};

struct xt_policy_info {
	struct xt_policy_elem pol[XT_POLICY_MAX_ELEM];
	u16 flags;
	u16 len;
};

#endif
