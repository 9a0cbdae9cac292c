/* -j AUDIT (net/netfilter/xt_AUDIT.c): an AUDIT_NETFILTER_PKT record of the
 * packet for the audit subsystem, then on to the next rule.  skbox has no
 * audit subsystem: it behaves as a kernel booted with audit=0, where
 * audit_tg() finds audit_enabled == AUDIT_OFF and writes nothing.  The
 * rule is still checked as Linux checks it (a type beyond
 * XT_AUDIT_TYPE_MAX: ERANGE). */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_AUDIT.h"

static unsigned int audit_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	(void)skb;
	(void)par;
	return XT_CONTINUE;
}

static int audit_tg_check(const struct xt_tgchk_param *par)
{
	const struct xt_audit_info *info = par->targinfo;

	return info->type > XT_AUDIT_TYPE_MAX ? -ERANGE : 0;
}

const struct xt_target xt_audit_target = {
	.name = "AUDIT", .family = NFPROTO_UNSPEC, .target = audit_tg,
	.checkentry = audit_tg_check, .targetsize = sizeof(struct xt_audit_info),
};
