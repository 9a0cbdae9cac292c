/* Info structs of the conntrack extensions (Linux's uapi xt_conntrack.h,
 * xt_state.h, xt_connmark.h, xt_CT.h): -m conntrack (revision 3),
 * -m state, -m connmark, -j CONNMARK (revision 1), -j CT / NOTRACK. */
#ifndef SKBOX_UAPI_XT_CONNTRACK_H
#define SKBOX_UAPI_XT_CONNTRACK_H

#include "linux/types.h"

#define XT_CONNTRACK_STATE_BIT(ctinfo) (1u << ((ctinfo) % 3 + 1))
#define XT_CONNTRACK_STATE_INVALID (1u << 0)
#define XT_CONNTRACK_STATE_SNAT (1u << 8)
#define XT_CONNTRACK_STATE_DNAT (1u << 9)
#define XT_CONNTRACK_STATE_UNTRACKED (1u << 10)

enum {
	XT_CONNTRACK_STATE = 1 << 0,
	XT_CONNTRACK_PROTO = 1 << 1,
	XT_CONNTRACK_ORIGSRC = 1 << 2,
	XT_CONNTRACK_ORIGDST = 1 << 3,
	XT_CONNTRACK_REPLSRC = 1 << 4,
	XT_CONNTRACK_REPLDST = 1 << 5,
	XT_CONNTRACK_STATUS = 1 << 6,
	XT_CONNTRACK_EXPIRES = 1 << 7,
	XT_CONNTRACK_ORIGSRC_PORT = 1 << 8,
	XT_CONNTRACK_ORIGDST_PORT = 1 << 9,
	XT_CONNTRACK_REPLSRC_PORT = 1 << 10,
	XT_CONNTRACK_REPLDST_PORT = 1 << 11,
	XT_CONNTRACK_DIRECTION = 1 << 12,
};

struct xt_conntrack_mtinfo3 {
	__be32 origsrc_addr, origsrc_mask, origdst_addr, origdst_mask;
	__be32 replsrc_addr, replsrc_mask, repldst_addr, repldst_mask;
	u32 expires_min, expires_max;
	u16 l4proto;
	u16 origsrc_port, origdst_port, replsrc_port, repldst_port;	/* host order */
	u16 match_flags, invert_flags;
	u16 state_mask, status_mask;
	u16 origsrc_port_high, origdst_port_high, replsrc_port_high, repldst_port_high;
};

/* -m state: the same state bits; UNTRACKED is bit 4 there */
#define XT_STATE_INVALID (1u << 0)
#define XT_STATE_UNTRACKED (1u << 4)

struct xt_state_info {
	u32 statemask;
	u8 invert;
};

struct xt_connmark_mtinfo1 {
	u32 mark, mask;
	u8 invert;
};

enum {
	XT_CONNMARK_SET = 0,
	XT_CONNMARK_SAVE,
	XT_CONNMARK_RESTORE,
};

struct xt_connmark_tginfo1 {
	u32 ctmark, ctmask, nfmask;
	u8 mode;
};

#define XT_CT_NOTRACK 0x1
#define XT_CT_NOTRACK_ALIAS 0x2
#define XT_CT_ZONE_DIR_ORIG 0x4
#define XT_CT_ZONE_DIR_REPL 0x8
#define XT_CT_ZONE_MARK 0x10

struct xt_ct_target_info {
	u16 flags;
	u16 zone;
};

#endif
