/* Info structs of the conntrack-reading matches -m connbytes and
 * -m helper (Linux's uapi xt_connbytes.h, xt_helper.h). */
#ifndef SKBOX_UAPI_XT_CTMORE_H
#define SKBOX_UAPI_XT_CTMORE_H

#include "linux/types.h"

enum xt_connbytes_what {
	XT_CONNBYTES_PKTS,
	XT_CONNBYTES_BYTES,
	XT_CONNBYTES_AVGPKT,
};

enum xt_connbytes_direction {
	XT_CONNBYTES_DIR_ORIGINAL,
	XT_CONNBYTES_DIR_REPLY,
	XT_CONNBYTES_DIR_BOTH,
};

/* from > to: the range is inverted */
struct xt_connbytes_info {
	struct {
		u64 from;
		u64 to;
	} count;
	u8 what;
	u8 direction;
};

struct xt_helper_info {
	int invert;
	char name[30];
};

#endif
