/* -m cgroup (include/uapi/linux/netfilter/xt_cgroup.h), revision 2 */
#ifndef SKBOX_UAPI_XT_CGROUP_H
#define SKBOX_UAPI_XT_CGROUP_H

#include "linux/types.h"

#define XT_CGROUP_PATH_MAX 512

struct xt_cgroup_info_v2 {
	u8 has_path;
	u8 has_classid;
	u8 invert_path;
	u8 invert_classid;
	union {
		char path[XT_CGROUP_PATH_MAX];
		u32 classid;
	};
	/* the kernel's: the cgroup of the path */
	void *priv __attribute__((aligned(8)));
};

#endif
