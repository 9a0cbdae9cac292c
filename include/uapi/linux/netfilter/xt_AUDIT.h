/* -j AUDIT (include/uapi/linux/netfilter/xt_AUDIT.h) */
#ifndef SKBOX_UAPI_XT_AUDIT_H
#define SKBOX_UAPI_XT_AUDIT_H

#include "linux/types.h"

enum {
	XT_AUDIT_TYPE_ACCEPT = 0,
	XT_AUDIT_TYPE_DROP,
	XT_AUDIT_TYPE_REJECT,
	__XT_AUDIT_TYPE_MAX,
};

#define XT_AUDIT_TYPE_MAX (__XT_AUDIT_TYPE_MAX - 1)

struct xt_audit_info {
	u8 type;	/* XT_AUDIT_TYPE_* */
};

#endif
