/* -m time (include/uapi/linux/netfilter/xt_time.h) */
#ifndef SKBOX_UAPI_XT_TIME_H
#define SKBOX_UAPI_XT_TIME_H

#include "linux/types.h"

struct xt_time_info {
	u32 date_start;
	u32 date_stop;
	u32 daytime_start;
	u32 daytime_stop;
	u32 monthdays_match;
	u8 weekdays_match;
	u8 flags;
};

enum {
	XT_TIME_LOCAL_TZ = 1 << 0,	/* the kernel's timezone instead of UTC */
	XT_TIME_CONTIGUOUS = 1 << 1,
	XT_TIME_ALL_MONTHDAYS = 0xFFFFFFFE,
	XT_TIME_ALL_WEEKDAYS = 0xFE,
	XT_TIME_MIN_DAYTIME = 0,
	XT_TIME_MAX_DAYTIME = 24 * 60 * 60 - 1,
};

#define XT_TIME_ALL_FLAGS (XT_TIME_LOCAL_TZ | XT_TIME_CONTIGUOUS)

#endif
