/* Checking a table before it goes live (ip_tables.c's translate_table and
 * mark_source_chains in Linux): built-in chains and policies, jumps to
 * existing user chains, no loops, which hooks reach each chain, and each
 * extension's own checkentry with that hook mask.  Linear in the size of
 * the table: chains are visited once per hook. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "ip_tables_priv.h"

static bool std_verdict_ok(int v, unsigned int nchains)
{
	if (v >= 0)
		return (unsigned int)v < nchains;
	return v == XT_STD_DROP || v == XT_STD_ACCEPT || v == XT_STD_QUEUE || v == XT_RETURN ||
	       v == XT_STD_CONTINUE;
}

static int check_chains(const struct ipt_net_table *t, const struct xt_table_info *info)
{
	unsigned int seen = 0;

	for (unsigned int c = 0; c < info->nchains; c++) {
		const struct ipt_chain *ch = &info->chains[c];

		for (unsigned int i = 0; i < ch->nrules; i++) {
			const struct xt_entry_target *tg = &ch->rules[i].target;

			if (tg->target)
				continue;
			if (!std_verdict_ok(tg->verdict, info->nchains))
				return -EINVAL;
			if (tg->verdict >= 0 && info->chains[tg->verdict].hook >= 0)
				return -EINVAL;	/* no jump into a built-in chain */
		}
		if (ch->hook < 0)
			continue;
		if (ch->hook >= NF_INET_NUMHOOKS || (seen & (1u << ch->hook)) ||
		    !(t->ops->table->valid_hooks & (1u << ch->hook)))
			return -EINVAL;
		if (ch->policy != XT_STD_ACCEPT && ch->policy != XT_STD_DROP)
			return -EINVAL;
		seen |= 1u << ch->hook;
	}
	return seen == t->ops->table->valid_hooks ? 0 : -EINVAL;
}

/* Depth of jumps below chain c (a goto does not push a return), with loop
 * detection: state 1 = on the current path. */
static int chain_depth(const struct xt_table_info *info, unsigned int c, u8 *state, int *depth)
{
	const struct ipt_chain *ch = &info->chains[c];
	int d = 0;

	if (state[c] == 1)
		return -EMLINK;		/* nf_tables' answer to a loop */
	if (state[c] == 2)
		return depth[c];
	state[c] = 1;
	for (unsigned int i = 0; i < ch->nrules; i++) {
		const struct ipt_rule *r = &ch->rules[i];
		int sub;

		if (r->target.target || r->target.verdict < 0)
			continue;
		sub = chain_depth(info, (unsigned int)r->target.verdict, state, depth);
		if (sub < 0)
			return sub;
		sub += (r->ip.flags & IPT_F_GOTO) ? 0 : 1;
		if (sub > d)
			d = sub;
	}
	state[c] = 2;
	depth[c] = d;
	return d;
}

/* hook_mask[c] |= 1 << hook for every chain reachable from the hook's chain. */
static void mark_hooks(const struct xt_table_info *info, unsigned int start, unsigned int hook,
		       unsigned int *hook_mask, unsigned int *stack)
{
	unsigned int sp = 0;

	hook_mask[start] |= 1u << hook;
	stack[sp++] = start;
	while (sp) {
		const struct ipt_chain *ch = &info->chains[stack[--sp]];

		for (unsigned int i = 0; i < ch->nrules; i++) {
			const struct xt_entry_target *tg = &ch->rules[i].target;

			if (tg->target || tg->verdict < 0 || (hook_mask[tg->verdict] & (1u << hook)))
				continue;
			hook_mask[tg->verdict] |= 1u << hook;
			stack[sp++] = (unsigned int)tg->verdict;
		}
	}
}

static int check_match(struct net *net, u8 af, const char *table, const struct ipt_rule *r,
		       struct xt_entry_match *em, unsigned int hook_mask)
{
	const struct xt_match *m = em->match;
	struct xt_mtchk_param par = {
		.net = net, .table = table, .entryinfo = &r->ip, .match = m,
		.matchinfo = em->data, .hook_mask = hook_mask, .family = af,
	};

	if ((m->family != NFPROTO_UNSPEC && m->family != af) ||
	    (m->table && strcmp(m->table, table)))
		return -EINVAL;
	if (m->hooks && (hook_mask & ~m->hooks))
		return -EINVAL;
	/* the nf_tables kernel accepts `! -p tcp --dport 80`: only the
	 * protocol number is checked */
	if (m->proto && r->ip.proto != m->proto)
		return -EINVAL;
	return m->checkentry ? m->checkentry(&par) : 0;
}

static int check_target(struct net *net, u8 af, const char *table, const struct ipt_rule *r,
			unsigned int hook_mask)
{
	const struct xt_target *tg = r->target.target;
	struct xt_tgchk_param par = {
		.net = net, .table = table, .entryinfo = &r->ip, .target = tg,
		.targinfo = r->target.data, .hook_mask = hook_mask, .family = af,
	};

	if (!tg)
		return 0;
	if ((tg->family != NFPROTO_UNSPEC && tg->family != af) ||
	    (tg->table && strcmp(tg->table, table)))
		return -EINVAL;
	if (tg->hooks && (hook_mask & ~tg->hooks))
		return -EINVAL;
	if (tg->proto && (r->ip.proto != tg->proto || (r->ip.invflags & IPT_INV_PROTO)))
		return -EINVAL;
	return tg->checkentry ? tg->checkentry(&par) : 0;
}

/* cleanup_match(): undo the checkentry of the first n matches of r */
static void uncheck_matches(struct net *net, u8 af, struct ipt_rule *r, unsigned int n)
{
	for (unsigned int m = 0; m < n; m++) {
		struct xt_entry_match *em = &r->matches[m];
		struct xt_mtdtor_param par = {
			.net = net, .match = em->match, .matchinfo = em->data,
			.family = af,
		};

		if (em->match->destroy)
			em->match->destroy(&par);
	}
}

/* cleanup_entry() for a rule that passed check_rule */
static void uncheck_rule(struct net *net, u8 af, struct ipt_rule *r)
{
	const struct xt_target *tg = r->target.target;

	uncheck_matches(net, af, r, r->nmatches);
	if (tg && tg->destroy) {
		struct xt_tgdtor_param par = {
			.net = net, .target = tg, .targinfo = r->target.data,
			.family = af,
		};

		tg->destroy(&par);
	}
}

/* On failure nothing stays checked: what the rule's earlier matches took
 * (named hashlimit/recent tables, conntrack references) is given back. */
static int check_rule(struct net *net, u8 af, const char *table, struct ipt_rule *r,
		      unsigned int hook_mask)
{
	unsigned int m;
	int err = 0;

	for (m = 0; m < r->nmatches && !err; m++) {
		if (!r->matches[m].match)
			err = -ENOENT;
		else
			err = check_match(net, af, table, r, &r->matches[m], hook_mask);
	}
	if (err) {
		uncheck_matches(net, af, r, m - 1);
		return err;
	}
	err = check_target(net, af, table, r, hook_mask);
	if (err)
		uncheck_matches(net, af, r, r->nmatches);
	return err;
}

/* undo every rule before chain c, rule i (the one that failed) */
static void uncheck_rules_before(struct net *net, u8 af, struct xt_table_info *info,
				 unsigned int c, unsigned int i)
{
	for (unsigned int cc = 0; cc <= c && cc < info->nchains; cc++)
		for (unsigned int ii = 0; ii < info->chains[cc].nrules; ii++) {
			if (cc == c && ii == i)
				return;
			uncheck_rule(net, af, &info->chains[cc].rules[ii]);
		}
}

static int check_graph(const struct xt_table_info *info, unsigned int *hook_mask)
{
	u8 *state = kcalloc(info->nchains, 1);
	int *depth = kcalloc(info->nchains, sizeof(*depth));
	unsigned int *stack = kcalloc(info->nchains, sizeof(*stack));
	int err = (state && depth && stack) ? 0 : -ENOMEM;

	for (unsigned int c = 0; !err && c < info->nchains; c++) {
		int d;

		if (info->chains[c].hook < 0)
			continue;
		d = chain_depth(info, c, state, depth);
		if (d < 0)
			err = d;
		else if (d >= IPT_STACK_MAX)
			err = -EMLINK;
		else
			mark_hooks(info, c, (unsigned int)info->chains[c].hook, hook_mask, stack);
	}
	free(state);
	free(depth);
	free(stack);
	return err;
}

static void count_references(struct xt_table_info *info)
{
	for (unsigned int c = 0; c < info->nchains; c++)
		info->chains[c].references = 0;
	for (unsigned int c = 0; c < info->nchains; c++)
		for (unsigned int i = 0; i < info->chains[c].nrules; i++) {
			const struct xt_entry_target *tg = &info->chains[c].rules[i].target;

			if (!tg->target && tg->verdict >= 0)
				info->chains[tg->verdict].references++;
		}
}

int ipt_check_table(struct net *net, struct ipt_net_table *t, struct xt_table_info *info)
{
	const char *table = t->ops->table->name;
	u8 af = t->ops->table->af;
	unsigned int *hook_mask;
	int err;

	err = check_chains(t, info);
	if (err)
		return err;
	hook_mask = kcalloc(info->nchains ? info->nchains : 1, sizeof(*hook_mask));
	if (!hook_mask)
		return -ENOMEM;
	err = check_graph(info, hook_mask);
	for (unsigned int c = 0; !err && c < info->nchains; c++)
		for (unsigned int i = 0; !err && i < info->chains[c].nrules; i++) {
			err = check_rule(net, af, table, &info->chains[c].rules[i], hook_mask[c]);
			if (err)
				uncheck_rules_before(net, af, info, c, i);
		}
	free(hook_mask);
	if (!err)
		count_references(info);
	return err;
}
