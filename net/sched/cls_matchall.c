/* The matchall classifier (net/sched/cls_matchall.c): one filter that
 * matches every packet of the classifier's protocol (tcf_match_any);
 * handle 0x1 unless given; a second one in the same classifier is refused
 * (EEXIST). */
#include <errno.h>
#include "net/pkt_cls.h"

static int mall_change(struct tcf_proto *tp, const struct tc_filter_cfg *cfg, u32 *handle,
		       const char **extack)
{
	(void)extack;
	if (tp->filters && !(cfg->has_handle && tp->filters->handle == cfg->handle))
		return -EEXIST;
	*handle = cfg->has_handle && cfg->handle ? cfg->handle : 1;
	return 0;
}

/* f_matchall.c's matchall_print_opt(): the hardware flags after the
 * handle and class */
static void mall_dump(const struct tcf_proto *tp, const struct tcf_filter *f, FILE *out,
		      const char *head)
{
	(void)tp;
	(void)head;
	if (!f)
		return;
	tcf_dump_handle(f, out);
	if (f->flags & TCA_CLS_FLAGS_SKIP_HW)
		fputs("\n  skip_hw", out);
	if (f->flags & TCA_CLS_FLAGS_SKIP_SW)
		fputs("\n  skip_sw", out);
	fputs("\n  not_in_hw", out);
}

const struct tcf_proto_ops cls_matchall_ops = {
	.kind = "matchall",
	.match = tcf_match_any,
	.change = mall_change,
	.dump = mall_dump,
};
