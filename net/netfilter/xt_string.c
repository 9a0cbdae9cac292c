/* -m string (net/netfilter/xt_string.c): the pattern somewhere in the
 * packet bytes [from, to) counted from the IP header, as skb_find_text
 * finds it; "bm" and "kmp" (the two textsearch algorithms iptables names)
 * find the same matches, so one search serves both.  --icase compares
 * ASCII letters without case.  Another algorithm name is refused at
 * checkentry with -ENOENT, as Linux does when no such ts_ module exists. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_more.h"

static bool string_at(const u8 *text, const struct xt_string_info *info)
{
	if (!(info->flags & XT_STRING_FLAG_IGNORECASE))
		return !memcmp(text, info->pattern, info->patlen);
	for (unsigned int i = 0; i < info->patlen; i++)
		if (tolower(text[i]) != tolower((u8)info->pattern[i]))
			return false;
	return true;
}

static bool string_find(const struct sk_buff *skb, const struct xt_string_info *info)
{
	unsigned int to = info->to_offset < skb->len ? info->to_offset : skb->len;
	unsigned int n = to - info->from_offset;
	bool found = false;
	u8 *copy = NULL;
	const u8 *text;

	if (info->from_offset >= to || n < info->patlen)
		return false;
	if (to > skb->len - skb->data_len) {	/* nonlinear: search a copy */
		copy = kmalloc(n);
		if (!copy || skb_copy_bits(skb, info->from_offset, copy, (int)n) < 0) {
			free(copy);
			return false;
		}
		text = copy;
	} else {
		text = skb->data + info->from_offset;
	}
	for (unsigned int i = 0; !found && i + info->patlen <= n; i++)
		found = string_at(text + i, info);
	free(copy);
	return found;
}

static bool string_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_string_info *info = par->matchinfo;

	return string_find(skb, info) ^ !!(info->flags & XT_STRING_FLAG_INVERT);
}

static int string_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_string_info *info = par->matchinfo;

	if (info->from_offset > info->to_offset || info->patlen == 0 ||
	    info->patlen > XT_STRING_MAX_PATTERN_SIZE)
		return -EINVAL;
	if (info->flags & ~(XT_STRING_FLAG_INVERT | XT_STRING_FLAG_IGNORECASE))
		return -EINVAL;
	if (strncmp(info->algo, "bm", sizeof(info->algo)) &&
	    strncmp(info->algo, "kmp", sizeof(info->algo)))
		return -ENOENT;
	return 0;
}

const struct xt_match xt_string_match = {
	.name = "string", .revision = 1, .family = NFPROTO_UNSPEC, .match = string_mt,
	.checkentry = string_mt_check, .matchsize = sizeof(struct xt_string_info),
};
