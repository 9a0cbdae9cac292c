/* Small targets: -j TRACE (xt_TRACE.c: meant for the raw table; marks the packet
 * so that every later table notes its decision in the packet trace),
 * -j NFQUEUE (xt_NFQUEUE.c: the verdict NF_QUEUE with the queue number;
 * skbox has no queue reader, so core.c drops the packet, or passes it on
 * with --queue-bypass, as Linux does without a listener) and -j CLASSIFY
 * (xt_CLASSIFY.c: sets skb->priority). */
#include <errno.h>
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

static unsigned int nfqueue_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_NFQ_info_v3 *info = par->targinfo;
	unsigned int verdict = NF_QUEUE_NR(info->queuenum);

	(void)skb;
	if (info->flags & NFQ_FLAG_BYPASS)
		verdict |= NF_VERDICT_FLAG_QUEUE_BYPASS;
	return verdict;
}

static int nfqueue_tg_check(const struct xt_tgchk_param *par)
{
	const struct xt_NFQ_info_v3 *info = par->targinfo;

	if (info->queues_total == 0 || (u32)info->queuenum + info->queues_total - 1 > 0xffff)
		return -ERANGE;
	return (info->flags & ~(NFQ_FLAG_BYPASS | NFQ_FLAG_CPU_FANOUT)) ? -EINVAL : 0;
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

const struct xt_target xt_nfqueue_target = {
	.name = "NFQUEUE", .revision = 3, .family = NFPROTO_UNSPEC, .target = nfqueue_tg,
	.checkentry = nfqueue_tg_check, .targetsize = sizeof(struct xt_NFQ_info_v3),
};

const struct xt_target xt_classify_target = {
	.name = "CLASSIFY", .family = NFPROTO_UNSPEC, .target = classify_tg,
	.targetsize = sizeof(struct xt_classify_target_info),
	.hooks = (1 << NF_INET_LOCAL_OUT) | (1 << NF_INET_FORWARD) | (1 << NF_INET_POST_ROUTING),
};
