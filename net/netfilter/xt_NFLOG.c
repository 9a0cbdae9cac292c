/* -j NFLOG (net/netfilter/xt_NFLOG.c): hands a copy of the packet to the
 * nfnetlink_log listeners of a group and goes on with the next rule.
 * skbox has no nfnetlink sockets, so no group ever has a listener: as on
 * Linux with nobody bound to the group, the packet goes on unchanged.  The
 * copy shows in the packet trace (`trace on`) as an nfulnl_log_packet note
 * with the group and prefix. */
#include <errno.h>
#include <stdio.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_more.h"
#include "net/trace.h"
#include "net/world.h"

static unsigned int nflog_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_nflog_info *info = par->targinfo;
	char note[128];

	if (skb_world(skb)->trace) {
		snprintf(note, sizeof(note), "group %u prefix \"%.63s\" (no listener)", info->group,
			 info->prefix);
		skb_trace_note(skb, "nfulnl_log_packet", note);
	}
	return XT_CONTINUE;
}

static int nflog_tg_check(const struct xt_tgchk_param *par)
{
	const struct xt_nflog_info *info = par->targinfo;

	if (info->flags & ~XT_NFLOG_F_COPY_LEN)
		return -EINVAL;
	return info->prefix[sizeof(info->prefix) - 1] != '\0' ? -EINVAL : 0;
}

const struct xt_target xt_nflog_target = {
	.name = "NFLOG", .family = NFPROTO_UNSPEC, .target = nflog_tg,
	.checkentry = nflog_tg_check, .targetsize = sizeof(struct xt_nflog_info),
};
