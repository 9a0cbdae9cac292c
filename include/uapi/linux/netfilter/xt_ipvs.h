/* -m ipvs (include/uapi/linux/netfilter/xt_ipvs.h), IPv4 addresses only. */
#ifndef SKBOX_UAPI_XT_IPVS_H
#define SKBOX_UAPI_XT_IPVS_H

#include "linux/types.h"

enum {
	XT_IPVS_IPVS_PROPERTY = 1 << 0,	/* all other options imply this one */
	XT_IPVS_PROTO = 1 << 1,
	XT_IPVS_VADDR = 1 << 2,
	XT_IPVS_VPORT = 1 << 3,
	XT_IPVS_DIR = 1 << 4,
	XT_IPVS_METHOD = 1 << 5,
	XT_IPVS_VPORTCTL = 1 << 6,
	XT_IPVS_MASK = (1 << 7) - 1,
	XT_IPVS_ONCE_MASK = XT_IPVS_MASK & ~XT_IPVS_IPVS_PROPERTY
};

struct xt_ipvs_mtinfo {
	__be32 vaddr, vmask;
	__be16 vport;
	u8 l4proto;
	u8 fwd_method;
	__be16 vportctl;
	u8 invert;
	u8 bitmask;
};

#endif
