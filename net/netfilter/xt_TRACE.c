/* Small targets: -j TRACE (xt_TRACE.c: meant for the raw table; marks the packet
 * so that every later table notes its decision in the packet trace) and
 * -j CLASSIFY (xt_CLASSIFY.c: sets skb->priority).  NFQUEUE is in
 * xt_NFQUEUE.c. */
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_targets.h"
#include "net/trace.h"

static unsigned int trace_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	(void)par;
	skb->nf_trace = 1;
	skb_trace_note(skb, "xt_TRACE", "nf_trace set");
	return XT_CONTINUE;
}

static unsigned int classify_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_classify_target_info *clinfo = par->targinfo;

	skb->priority = clinfo->priority;
	return XT_CONTINUE;
}

const struct xt_target xt_trace_target = {
	.name = "TRACE", .family = NFPROTO_UNSPEC, .target = trace_tg,
};

const struct xt_target xt_classify_target = {
	.name = "CLASSIFY", .family = NFPROTO_UNSPEC, .target = classify_tg,
	.targetsize = sizeof(struct xt_classify_target_info),
	.hooks = (1 << NF_INET_LOCAL_OUT) | (1 << NF_INET_FORWARD) | (1 << NF_INET_POST_ROUTING),
};
