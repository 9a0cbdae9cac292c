/* -m limit (net/netfilter/xt_limit.c): a token bucket of `burst` packets
 * refilled at `avg`, on the world's virtual clock.  Linux counts credit
 * in jiffies; skbox counts nanoseconds, which is the same rate without
 * the jiffy rounding. */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_misc.h"
#include "net/trace.h"
#include "net/net_namespace.h"

/* avg is in 1/XT_LIMIT_SCALE seconds per packet */
static u64 limit_cost(u32 avg)
{
	return (u64)avg * (NSEC_PER_SEC / XT_LIMIT_SCALE);
}

static bool limit_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	struct xt_rateinfo *r = (struct xt_rateinfo *)par->matchinfo;
	u64 now = world_now(skb_world(skb));

	r->credit += now - r->prev;
	r->prev = now;
	if (r->credit > r->credit_cap)
		r->credit = r->credit_cap;
	if (r->credit >= r->cost) {
		r->credit -= r->cost;
		return true;
	}
	return false;
}

static int limit_mt_check(const struct xt_mtchk_param *par)
{
	struct xt_rateinfo *r = par->matchinfo;

	if (r->burst == 0 || r->avg == 0)
		return -ERANGE;
	if (r->cost == limit_cost(r->avg) && r->credit_cap == r->cost * r->burst)
		return 0;	/* a rule kept across a table edit keeps its bucket */
	r->cost = limit_cost(r->avg);
	r->credit_cap = r->cost * r->burst;
	r->credit = r->credit_cap;
	r->prev = world_now(par->net->world);
	return 0;
}

const struct xt_match xt_limit_match = {
	.name = "limit", .family = NFPROTO_UNSPEC, .match = limit_mt,
	.checkentry = limit_mt_check, .matchsize = sizeof(struct xt_rateinfo),
};
