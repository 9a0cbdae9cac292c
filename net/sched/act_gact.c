/* The generic action (net/sched/act_gact.c): a fixed verdict — drop, pass,
 * continue, pipe, reclassify, stolen, trap — for the filter that matched.
 * `tc … action drop` is gact. */
#include "net/pkt_cls.h"

static int tcf_gact_act(struct sk_buff *skb, struct tc_action *a, struct tcf_result *res)
{
	(void)res;
	tcf_action_update_stats(a, skb);
	if (a->tcfa_action == TC_ACT_SHOT)
		a->drops++;
	return a->tcfa_action;
}

/* m_gact.c's print_gact(), built with CONFIG_GACT_PROB as Debian's tc */
static void tcf_gact_dump(const struct tc_action *a, struct net *net, FILE *out)
{
	(void)net;
	tcf_action_print_control(out, "gact action ", a->tcfa_action, "");
	fputs("\n\t random type none pass val 0\n\t ", out);
}

const struct tc_action_ops act_gact_ops = {
	.kind = "gact",
	.act = tcf_gact_act,
	.dump = tcf_gact_dump,
};
