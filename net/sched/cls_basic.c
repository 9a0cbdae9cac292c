/* The basic classifier (net/sched/cls_basic.c): with no ematch (the only
 * form skbox has), each of its filters matches every packet of the
 * classifier's protocol (tcf_match_any).  Handles are 0x1, 0x2… unless
 * given. */
#include <errno.h>
#include "net/pkt_cls.h"

/* basic_change(): a free handle from 1 up */
static int basic_change(struct tcf_proto *tp, const struct tc_filter_cfg *cfg, u32 *handle,
			const char **extack)
{
	u32 h = 1;

	(void)extack;
	if (cfg->has_handle && cfg->handle) {
		*handle = cfg->handle;
		return 0;
	}
	for (const struct tcf_filter *f = tp->filters; f && f->handle <= h; f = f->next)
		if (f->handle == h)
			h++;
	*handle = h;
	return 0;
}

/* f_basic.c's basic_print_opt() */
static void basic_dump(const struct tcf_proto *tp, const struct tcf_filter *f, FILE *out,
		       const char *head)
{
	(void)tp;
	(void)head;
	tcf_dump_handle(f, out);
}

const struct tcf_proto_ops cls_basic_ops = {
	.kind = "basic",
	.match = tcf_match_any,
	.change = basic_change,
	.dump = basic_dump,
};
