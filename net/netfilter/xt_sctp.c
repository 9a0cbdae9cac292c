/* -m sctp (net/netfilter/xt_sctp.c): source and destination ports of the
 * SCTP common header, and the chunk types the packet carries (any of,
 * all of, or only the listed ones), optionally with the chunk flags.
 * First fragments only; a header or chunk too short to read drops the
 * packet (hotdrop), as Linux does. */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_proto.h"

#define SCTP_COMMON_HDR_LEN 12

static bool chunkmap_is_set(const u32 *map, u8 type)
{
	return map[type / 32] & (1u << (type % 32));
}

/* The chunk's flags against the rule's flag_info for its type; a type
 * without flag_info matches whatever its flags. */
static bool sctp_match_flags(const struct xt_sctp_info *info, u8 type, u8 flags)
{
	for (int i = 0; i < info->flag_count && i < XT_NUM_SCTP_FLAGS; i++)
		if (info->flag_info[i].chunktype == type)
			return (flags & info->flag_info[i].flag_mask) == info->flag_info[i].flag;
	return true;
}

static bool sctp_map_is_clear(const u32 *map)
{
	for (int i = 0; i < 256 / 32; i++)
		if (map[i])
			return false;
	return true;
}

/* Walks the chunks from offset to the end of the packet. */
static bool sctp_match_chunks(const struct sk_buff *skb, unsigned int offset,
			      const struct xt_sctp_info *info, bool *hotdrop)
{
	u32 left[256 / 32];
	u8 buf[4];

	memcpy(left, info->chunkmap, sizeof(left));
	do {
		const u8 *ch = xt_header_pointer(skb, (int)offset, 4, buf);
		unsigned int len;

		if (!ch || !(len = (unsigned int)(ch[2] << 8 | ch[3]))) {
			*hotdrop = true;	/* a zero length would never end the walk */
			return false;
		}
		offset += (len + 3) & ~3u;
		if (!chunkmap_is_set(info->chunkmap, ch[0])) {
			if (info->chunk_match_type == SCTP_CHUNK_MATCH_ONLY)
				return false;
			continue;
		}
		switch (info->chunk_match_type) {
		case SCTP_CHUNK_MATCH_ANY:
			if (sctp_match_flags(info, ch[0], ch[1]))
				return true;
			break;
		case SCTP_CHUNK_MATCH_ALL:
			if (sctp_match_flags(info, ch[0], ch[1]))
				left[ch[0] / 32] &= ~(1u << (ch[0] % 32));
			break;
		case SCTP_CHUNK_MATCH_ONLY:
			if (!sctp_match_flags(info, ch[0], ch[1]))
				return false;
			break;
		}
	} while (offset < skb->len);
	if (info->chunk_match_type == SCTP_CHUNK_MATCH_ALL)
		return sctp_map_is_clear(left);
	return info->chunk_match_type == SCTP_CHUNK_MATCH_ONLY;
}

/* The condition, unless the option is absent; inverted by its flag. */
static bool sccheck(bool cond, u32 option, const struct xt_sctp_info *info)
{
	return !(info->flags & option) || (!!(info->invflags & option) ^ cond);
}

static bool sctp_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_sctp_info *info = par->matchinfo;
	u8 buf[SCTP_COMMON_HDR_LEN];
	const u8 *sh;
	u16 sport, dport;

	if (par->fragoff != 0)
		return false;
	sh = xt_header_pointer(skb, (int)par->thoff, SCTP_COMMON_HDR_LEN, buf);
	if (!sh) {
		par->hotdrop = true;
		return false;
	}
	sport = (u16)(sh[0] << 8 | sh[1]);
	dport = (u16)(sh[2] << 8 | sh[3]);
	return sccheck(sport >= info->spts[0] && sport <= info->spts[1], XT_SCTP_SRC_PORTS, info) &&
	       sccheck(dport >= info->dpts[0] && dport <= info->dpts[1], XT_SCTP_DEST_PORTS, info) &&
	       (!(info->flags & XT_SCTP_CHUNK_TYPES) ||
		sccheck(sctp_match_chunks(skb, par->thoff + SCTP_COMMON_HDR_LEN, info,
					  &par->hotdrop), XT_SCTP_CHUNK_TYPES, info));
}

static int sctp_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_sctp_info *info = par->matchinfo;

	if (info->flags & ~XT_SCTP_VALID_FLAGS || info->invflags & ~XT_SCTP_VALID_FLAGS ||
	    info->invflags & ~info->flags)
		return -EINVAL;
	if (!(info->flags & XT_SCTP_CHUNK_TYPES))
		return 0;
	if (info->chunk_match_type & (SCTP_CHUNK_MATCH_ALL | SCTP_CHUNK_MATCH_ANY |
				      SCTP_CHUNK_MATCH_ONLY))
		return 0;
	return -EINVAL;
}

const struct xt_match xt_sctp_match = {
	.name = "sctp", .family = NFPROTO_UNSPEC, .match = sctp_mt, .checkentry = sctp_mt_check,
	.matchsize = sizeof(struct xt_sctp_info), .proto = IPPROTO_SCTP,
};
