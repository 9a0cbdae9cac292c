/* The data of `-m set` shared by iptables and the kernel side (xt_set.c). */
#ifndef SKBOX_UAPI_XT_SET_H
#define SKBOX_UAPI_XT_SET_H

#include "linux/types.h"

struct ip_set;

struct xt_set_info_match {
	char name[32];		/* the set */
	u8 dim;			/* how many directions were given */
	u8 flags;		/* bit i: dimension i + 1 is the source */
	u8 invert;
	/* kernel only (not compared by -D/-C): the set, while the rule lives */
	struct ip_set *set;
};

#endif
