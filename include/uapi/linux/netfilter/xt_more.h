/* Info structs of -m quota, -m cpu, -m mac, -m owner, -m string and
 * -j NFLOG (Linux's uapi xt_quota.h, xt_cpu.h, xt_mac.h, xt_owner.h,
 * xt_string.h, xt_NFLOG.h).  Fields after the tool's part hold the
 * kernel's state, carried over table edits with the rule's data. */
#ifndef SKBOX_UAPI_XT_MORE_H
#define SKBOX_UAPI_XT_MORE_H

#include "linux/types.h"

/* -m quota */
#define XT_QUOTA_INVERT 0x1
struct xt_quota_info {
	u32 flags;
	u32 pad;
	u64 quota;
	/* kernel: the bytes left (Linux's xt_quota_priv), set on first check */
	u64 remain;
	u8 started;
};

/* -m cpu */
struct xt_cpu_info {
	u32 cpu;
	u32 invert;
};

/* -m mac */
struct xt_mac_info {
	unsigned char srcaddr[6];
	int invert;
};

/* -m owner (revision 1) */
enum {
	XT_OWNER_UID = 1 << 0,
	XT_OWNER_GID = 1 << 1,
	XT_OWNER_SOCKET = 1 << 2,
	XT_OWNER_SUPPL_GROUPS = 1 << 3,
};
#define XT_OWNER_MASK 0x0f

struct xt_owner_match_info {
	u32 uid_min, uid_max;
	u32 gid_min, gid_max;
	u8 match, invert;
};

/* -m string (revision 1) */
#define XT_STRING_MAX_PATTERN_SIZE 128
#define XT_STRING_MAX_ALGO_NAME_SIZE 16
enum {
	XT_STRING_FLAG_INVERT = 0x01,
	XT_STRING_FLAG_IGNORECASE = 0x02,
};

struct xt_string_info {
	u16 from_offset;
	u16 to_offset;
	char algo[XT_STRING_MAX_ALGO_NAME_SIZE];
	char pattern[XT_STRING_MAX_PATTERN_SIZE];
	u8 patlen;
	u8 flags;
};

/* -j NFLOG */
#define XT_NFLOG_DEFAULT_GROUP 0x1
#define XT_NFLOG_DEFAULT_THRESHOLD 0
#define XT_NFLOG_F_COPY_LEN 0x1

struct xt_nflog_info {
	u32 len;
	u16 group;
	u16 threshold;
	u16 flags;
	u16 pad;
	char prefix[64];
};

/* -m recent (revision 1) */
enum {
	XT_RECENT_CHECK = 1 << 0,
	XT_RECENT_SET = 1 << 1,
	XT_RECENT_UPDATE = 1 << 2,
	XT_RECENT_REMOVE = 1 << 3,
	XT_RECENT_TTL = 1 << 4,
	XT_RECENT_REAP = 1 << 5,
	XT_RECENT_SOURCE = 0,
	XT_RECENT_DEST = 1,
	XT_RECENT_NAME_LEN = 200,
};
#define XT_RECENT_MODIFIERS (XT_RECENT_TTL | XT_RECENT_REAP)
#define XT_RECENT_VALID_FLAGS 0x3f

struct recent_table;

struct xt_recent_mtinfo_v1 {
	u32 seconds;
	u32 hit_count;
	u8 check_set;
	u8 invert;
	char name[XT_RECENT_NAME_LEN];
	u8 side;
	__be32 mask;			/* union nf_inet_addr: IPv4 only here */
	u32 mask_pad[3];
	struct recent_table *table;	/* kernel: the named list */
};

/* -m hashlimit (revision 3) */
enum {
	XT_HASHLIMIT_HASH_DIP = 1 << 0,
	XT_HASHLIMIT_HASH_DPT = 1 << 1,
	XT_HASHLIMIT_HASH_SIP = 1 << 2,
	XT_HASHLIMIT_HASH_SPT = 1 << 3,
	XT_HASHLIMIT_INVERT = 1 << 4,
	XT_HASHLIMIT_BYTES = 1 << 5,
	XT_HASHLIMIT_RATE_MATCH = 1 << 6,
};
#define XT_HASHLIMIT_ALL 0x7f
#define XT_HASHLIMIT_SCALE_v2 1000000ULL	/* avg: 1/SCALE s per packet */
#define XT_HASHLIMIT_BYTE_SHIFT 4
#define XT_HASHLIMIT_NAME_LEN 16

struct hashlimit_cfg3 {
	u64 mode;
	u64 avg;		/* packets: seconds * SCALE per packet; bytes: a cost */
	u64 burst;
	u32 size;		/* buckets (0: the kernel's choice) */
	u32 max;		/* entries (0: 8 * size) */
	u32 gc_interval;	/* ms */
	u32 expire;		/* ms */
	u32 interval;		/* rate-match window, s */
	u8 srcmask, dstmask;
};

struct xt_hashlimit_htable;

struct xt_hashlimit_mtinfo3 {
	char name[XT_HASHLIMIT_NAME_LEN];
	struct hashlimit_cfg3 cfg;
	struct xt_hashlimit_htable *hinfo;	/* kernel: the named table */
	u32 tool_mult;			/* the tool's scratch: seconds per rate unit */
};

#endif
