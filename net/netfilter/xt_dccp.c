/* -m dccp (net/netfilter/xt_dccp.c): ports, the packet type, and whether
 * a DCCP option is present.  First fragments only; a header too short to
 * read drops the packet (hotdrop). */
#include <errno.h>
#include <netinet/in.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_proto.h"

enum { DCCP_PKT_REQUEST, DCCP_PKT_RESPONSE, DCCP_PKT_DATA, DCCP_PKT_ACK, DCCP_PKT_DATAACK,
       DCCP_PKT_CLOSEREQ, DCCP_PKT_CLOSE, DCCP_PKT_RESET, DCCP_PKT_SYNC, DCCP_PKT_SYNCACK };

#define DCCP_HDR_LEN 12		/* struct dccp_hdr */

/* The fixed part before the options (__dccp_hdr_len): the generic header,
 * 4 more bytes with extended sequence numbers (X), then the type's own. */
static unsigned int dccp_hdr_len(const u8 *dh)
{
	unsigned int type = (dh[8] >> 1) & 0x0f;
	unsigned int len = (dh[8] & 1) ? 16 : 12;

	switch (type) {
	case DCCP_PKT_DATA:
		return len;
	case DCCP_PKT_REQUEST:
		return len + 4;
	case DCCP_PKT_RESPONSE:
	case DCCP_PKT_RESET:
		return len + 12;
	}
	return len + 8;
}

static bool dccp_find_option(const struct sk_buff *skb, unsigned int thoff, const u8 *dh,
			     u8 option, bool *hotdrop)
{
	unsigned int hlen = dccp_hdr_len(dh), doff = dh[4] * 4u;
	u8 buf[1020];
	const u8 *op;

	if (doff < hlen) {
		*hotdrop = true;
		return false;
	}
	if (doff == hlen)
		return false;
	op = xt_header_pointer(skb, (int)(thoff + hlen), (int)(doff - hlen), buf);
	if (!op) {
		*hotdrop = true;
		return false;
	}
	for (unsigned int i = 0; i < doff - hlen;) {
		if (op[i] == option)
			return true;
		if (op[i] < 2)
			i++;
		else
			i += (i + 1 < doff - hlen && op[i + 1]) ? op[i + 1] : 1;
	}
	return false;
}

static bool dccheck(bool cond, u16 option, const struct xt_dccp_info *info)
{
	return !(info->flags & option) || (!!(info->invflags & option) ^ cond);
}

static bool dccp_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_dccp_info *info = par->matchinfo;
	u8 buf[DCCP_HDR_LEN];
	const u8 *dh;
	u16 sport, dport;

	if (par->fragoff != 0)
		return false;
	dh = xt_header_pointer(skb, (int)par->thoff, DCCP_HDR_LEN, buf);
	if (!dh) {
		par->hotdrop = true;
		return false;
	}
	sport = (u16)(dh[0] << 8 | dh[1]);
	dport = (u16)(dh[2] << 8 | dh[3]);
	return dccheck(sport >= info->spts[0] && sport <= info->spts[1], XT_DCCP_SRC_PORTS, info) &&
	       dccheck(dport >= info->dpts[0] && dport <= info->dpts[1], XT_DCCP_DEST_PORTS, info) &&
	       dccheck(info->typemask & (1u << ((dh[8] >> 1) & 0x0f)), XT_DCCP_TYPE, info) &&
	       (!(info->flags & XT_DCCP_OPTION) ||
		dccheck(dccp_find_option(skb, par->thoff, dh, info->option, &par->hotdrop),
			XT_DCCP_OPTION, info));
}

static int dccp_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_dccp_info *info = par->matchinfo;

	if (info->flags & ~XT_DCCP_VALID_FLAGS || info->invflags & ~XT_DCCP_VALID_FLAGS ||
	    info->invflags & ~info->flags)
		return -EINVAL;
	return 0;
}

const struct xt_match xt_dccp_match = {
	.name = "dccp", .family = NFPROTO_UNSPEC, .match = dccp_mt, .checkentry = dccp_mt_check,
	.matchsize = sizeof(struct xt_dccp_info), .proto = IPPROTO_DCCP,
};
