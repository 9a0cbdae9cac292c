/* net/ipv6/fib6_rules.c — the IPv6 half of policy routing (`ip -6 rule`).
 *
 * Corresponds to Linux net/ipv6/fib6_rules.c.  The rule list itself is kept
 * by the family-independent net/core/fib_rules.c (add, delete, goto, devices);
 * this file matches an IPv6 flow against a rule (from/to prefixes, the DSCP of
 * the traffic class, and the shared iif/oif/fwmark/ipproto/ports/uid
 * selectors) and runs its action over the fib6 tables.  Every route lookup of
 * the IPv6 path (ip6_route_input, ip6_route_output, `ip -6 route get`) comes
 * through fib6_rule_lookup(); a namespace without rules of its own takes the
 * short way, local table then main, as fib6_rules_net_init() leaves it.
 */
#include <errno.h>
#include <string.h>

#include "linux/netdevice.h"
#include "net/ip_fib.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "uapi/rtnetlink.h"

int fib6_rules_init(struct net *net)
{
	int err;

	INIT_LIST_HEAD(&net->ipv6.fib6_rules);
	err = fib_default_rule_add(net, AF_INET6, 0, RT_TABLE_LOCAL);
	if (!err)
		err = fib_default_rule_add(net, AF_INET6, 0x7FFE, RT_TABLE_MAIN);
	if (err)
		fib6_rules_exit(net);
	net->ipv6.fib6_has_custom_rules = false;
	return err;
}

void fib6_rules_exit(struct net *net)
{
	if (net->ipv6.fib6_rules.next)
		fib_rules_free(&net->ipv6.fib6_rules);
}

/* fib6_rule_match(): a flow without a source address matches no `from` */
static bool fib6_rule_match(const struct fib_rule *rule, const struct flowi6 *fl6)
{
	bool ret = false;

	if (!fib_rule_match_common(rule, fl6->flowi6_iif, fl6->flowi6_oif, fl6->flowi6_mark,
				   fl6->flowi6_proto, fl6->fl6_sport, fl6->fl6_dport,
				   fl6->flowi6_uid))
		goto out;
	if (rule->dst_len && !ipv6_prefix_equal(&fl6->daddr, &rule->dst6, rule->dst_len))
		goto out;
	if (rule->src_len && (ipv6_addr_any(&fl6->saddr) ||
			      !ipv6_prefix_equal(&fl6->saddr, &rule->src6, rule->src_len)))
		goto out;
	/* the DSCP only: ECN bits of the traffic class never decide */
	if (rule->tos && rule->tos != (fl6->flowi6_tclass & 0xFC))
		goto out;
	ret = true;
out:
	return (rule->flags & FIB_RULE_INVERT) ? !ret : ret;
}

/* fib6_rule_action(): -EAGAIN moves on to the next rule */
static int fib6_rule_action(struct net *net, const struct fib_rule *rule,
			    const struct flowi6 *fl6, struct fib6_info **res)
{
	struct fib6_table *tb;
	struct fib6_info *f;

	switch (rule->action) {
	case FR_ACT_TO_TBL:
		break;
	case FR_ACT_UNREACHABLE:
		return -ENETUNREACH;
	case FR_ACT_PROHIBIT:
		return -EACCES;
	case FR_ACT_BLACKHOLE:
	default:
		return -EINVAL;
	}
	tb = fib6_get_table(net, rule->table);
	if (!tb)
		return -EAGAIN;
	f = fib6_table_lookup(net, tb, &fl6->daddr, fl6->flowi6_oif);
	if (!f || f->fib6_type == RTN_THROW)
		return -EAGAIN;
	/* fib6_rule_suppress(): a route no more specific than allowed */
	if (f->fib6_dst_len <= rule->suppress_prefixlen)
		return -EAGAIN;
	*res = f;
	return 0;
}

static struct fib6_info *fib6_rules_walk(struct net *net, const struct flowi6 *fl6,
					 u32 *table, int *err)
{
	struct list_head *head = &net->ipv6.fib6_rules;
	struct fib6_info *f = NULL;
	struct fib_rule *rule;

	for (rule = list_first_entry(head, struct fib_rule, list); &rule->list != head;
	     rule = list_entry(rule->list.next, struct fib_rule, list)) {
jumped:
		if (!fib6_rule_match(rule, fl6))
			continue;
		if (rule->action == FR_ACT_GOTO) {
			if (!rule->ctarget)
				continue;
			rule = rule->ctarget;
			goto jumped;
		}
		if (rule->action == FR_ACT_NOP)
			continue;
		*err = fib6_rule_action(net, rule, fl6, &f);
		if (*err == -EAGAIN)
			continue;
		if (!*err && table)
			*table = rule->table;
		return f;
	}
	*err = -ENETUNREACH;
	return NULL;
}

struct fib6_info *fib6_rule_lookup(struct net *net, const struct flowi6 *fl6, u32 *table,
				   int *errp)
{
	struct fib6_table *order[2] = { net->ipv6.fib6_local_tbl, net->ipv6.fib6_main_tbl };
	int err = -ENETUNREACH;
	struct fib6_info *f;

	if (net->ipv6.fib6_has_custom_rules) {
		f = fib6_rules_walk(net, fl6, table, &err);
		if (errp)
			*errp = err;
		return f;
	}
	for (int i = 0; i < 2; i++) {
		f = fib6_table_lookup(net, order[i], &fl6->daddr, fl6->flowi6_oif);
		if (f) {
			if (table)
				*table = order[i]->tb6_id;
			return f;
		}
	}
	if (errp)
		*errp = err;
	return NULL;
}
