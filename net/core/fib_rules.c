/* net/core/fib_rules.c — IPv4 policy routing rules (`ip rule`).
 *
 * Corresponds to Linux net/core/fib_rules.c plus the IPv4 half in
 * net/ipv4/fib_rules.c.  In the packet path it sits inside fib_lookup():
 * when the namespace has custom rules, fib_rules_lookup() walks the rules in
 * pref order, matches selectors (from/to, iif/oif, fwmark, tos) and runs the
 * action (lookup TABLE, goto, nop, blackhole, unreachable, prohibit), moving
 * on to the next rule when a table answers -EAGAIN (no match or throw).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "linux/slab.h"
#include "net/ip_fib.h"
#include "net/net_namespace.h"
#include "linux/netdevice.h"

static inline __be32 fib_rule_mask(int len)
{
	return len ? htonl(~0U << (32 - len)) : 0;
}

void fib_rule_init(struct fib_rule *r)
{
	memset(r, 0, sizeof(*r));
	INIT_LIST_HEAD(&r->list);
	r->action = FR_ACT_TO_TBL;
	r->suppress_prefixlen = -1;
	r->suppress_ifgroup = -1;
	r->uid_end = 0xFFFFFFFF;
	r->sport_end = r->dport_end = 0;
}

static struct fib_rule *fib_rule_alloc(const struct fib_rule *tmpl)
{
	struct fib_rule *r = kmalloc(sizeof(*r));

	if (!r)
		return NULL;
	*r = *tmpl;
	INIT_LIST_HEAD(&r->list);
	r->ctarget = NULL;
	r->srcmask = fib_rule_mask(r->src_len);
	r->dstmask = fib_rule_mask(r->dst_len);
	r->src &= r->srcmask;
	r->dst &= r->dstmask;
	return r;
}

static void fib_rule_link(struct net *net, struct fib_rule *rule)
{
	struct fib_rule *r, *last = NULL;

	list_for_each_entry(r, &net->ipv4.rules_ops, list) {
		if (r->pref > rule->pref)
			break;
		last = r;
	}
	if (last)
		list_add(&rule->list, &last->list);
	else
		list_add(&rule->list, &net->ipv4.rules_ops);
}

static int fib_default_rule_add(struct net *net, u32 pref, u32 table)
{
	struct fib_rule tmpl, *r;

	fib_rule_init(&tmpl);
	tmpl.pref = pref;
	tmpl.table = table;
	r = fib_rule_alloc(&tmpl);
	if (!r)
		return -ENOMEM;
	fib_rule_link(net, r);
	return 0;
}

int fib4_rules_init(struct net *net)
{
	int err;

	if (!net->ipv4.rules_ops.next)
		INIT_LIST_HEAD(&net->ipv4.rules_ops);
	err = fib_default_rule_add(net, 0, RT_TABLE_LOCAL);
	if (!err)
		err = fib_default_rule_add(net, 0x7FFE, RT_TABLE_MAIN);
	if (!err)
		err = fib_default_rule_add(net, 0x7FFF, RT_TABLE_DEFAULT);
	if (err)
		fib4_rules_exit(net);
	net->ipv4.fib_has_custom_rules = false;
	return err;
}

void fib4_rules_exit(struct net *net)
{
	struct fib_rule *r, *n;

	list_for_each_entry_safe(r, n, &net->ipv4.rules_ops, list) {
		list_del(&r->list);
		free(r);
	}
}

/* fib_default_rule_pref(): one less than the second rule's pref. */
static u32 fib_default_rule_pref(struct net *net)
{
	struct list_head *head = &net->ipv4.rules_ops, *pos = head->next;

	if (pos != head && pos->next != head) {
		struct fib_rule *r = list_entry(pos->next, struct fib_rule, list);

		if (r->pref)
			return r->pref - 1;
	}
	return 0;
}

static void fib_rule_resolve_dev(struct net *net, const char *name, int *ifindex)
{
	struct net_device *dev;

	if (!name[0]) {
		*ifindex = 0;
		return;
	}
	dev = __dev_get_by_name(net, name);
	*ifindex = dev ? dev->ifindex : -1;
}

static bool fib_rule_same(const struct fib_rule *a, const struct fib_rule *b)
{
	return a->pref == b->pref && a->action == b->action && a->table == b->table &&
	       a->flags == b->flags && a->tos == b->tos && a->mark == b->mark &&
	       a->mark_mask == b->mark_mask && a->target == b->target &&
	       a->src == b->src && a->src_len == b->src_len && a->dst == b->dst &&
	       a->dst_len == b->dst_len && !strcmp(a->iifname, b->iifname) &&
	       !strcmp(a->oifname, b->oifname) &&
	       a->suppress_prefixlen == b->suppress_prefixlen &&
	       a->suppress_ifgroup == b->suppress_ifgroup;
}

static int fib_rule_check(struct net *net, struct fib_rule *rule, bool pref_given,
			  const char **errmsg)
{
	if (rule->src_len > 32 || rule->dst_len > 32) {
		*errmsg = "Invalid prefix length";
		return -EINVAL;
	}
	if (rule->action > FR_ACT_PROHIBIT || rule->action == FR_ACT_RES3 ||
	    rule->action == FR_ACT_RES4) {
		*errmsg = "Invalid action";
		return -EINVAL;
	}
	if (!pref_given)
		rule->pref = fib_default_rule_pref(net);
	if (rule->action == FR_ACT_GOTO) {
		if (!rule->target) {
			*errmsg = "Missing goto target for action goto";
			return -EINVAL;
		}
		if (rule->target <= rule->pref) {
			*errmsg = "Backward goto not supported";
			return -EINVAL;
		}
	} else if (rule->target) {
		*errmsg = "Unexpected goto target";
		return -EINVAL;
	}
	if (rule->action == FR_ACT_TO_TBL && !rule->table) {
		*errmsg = "Invalid table";	/* iproute2 always sends one */
		return -EINVAL;
	}
	return 0;
}

static void fib_rules_resolve_gotos(struct net *net)
{
	struct fib_rule *r, *t;

	list_for_each_entry(r, &net->ipv4.rules_ops, list) {
		if (r->action != FR_ACT_GOTO)
			continue;
		r->ctarget = NULL;
		list_for_each_entry(t, &net->ipv4.rules_ops, list) {
			if (t->pref == r->target) {
				r->ctarget = t;
				break;
			}
		}
		if (r->ctarget)
			r->flags &= ~FIB_RULE_UNRESOLVED;
		else
			r->flags |= FIB_RULE_UNRESOLVED;
	}
}

int fib_nl_newrule(struct net *net, struct fib_rule *tmpl, bool pref_given,
		   const char **errmsg)
{
	const char *dummy = NULL;
	struct fib_rule *rule, *r;
	int err;

	if (!errmsg)
		errmsg = &dummy;
	err = fib_rule_check(net, tmpl, pref_given, errmsg);
	if (err)
		return err;
	rule = fib_rule_alloc(tmpl);
	if (!rule)
		return -ENOMEM;
	list_for_each_entry(r, &net->ipv4.rules_ops, list) {
		if (r->pref > rule->pref)	/* sorted by pref: no equal one further on */
			break;
		if (fib_rule_same(r, rule)) {
			free(rule);
			return -EEXIST;
		}
	}
	fib_rule_resolve_dev(net, rule->iifname, &rule->iifindex);
	fib_rule_resolve_dev(net, rule->oifname, &rule->oifindex);
	fib_rule_link(net, rule);
	if (rule->action == FR_ACT_GOTO)
		net->ipv4.fib_rules_gotos++;
	if (net->ipv4.fib_rules_gotos)
		fib_rules_resolve_gotos(net);
	net->ipv4.fib_has_custom_rules = true;
	net->ipv4.fib_seq++;
	return 0;
}

static bool fib_rule_del_match(const struct fib_rule *r, const struct fib_rule *t,
			       unsigned int given)
{
	if ((given & FIB_RULE_GIVEN_PREF) && r->pref != t->pref)
		return false;
	if ((given & FIB_RULE_GIVEN_TABLE) && r->table != t->table)
		return false;
	if ((given & FIB_RULE_GIVEN_ACTION) && r->action != t->action)
		return false;
	if ((given & FIB_RULE_GIVEN_SRC) && (r->src_len != t->src_len ||
					     r->src != (t->src & fib_rule_mask(t->src_len))))
		return false;
	if ((given & FIB_RULE_GIVEN_DST) && (r->dst_len != t->dst_len ||
					     r->dst != (t->dst & fib_rule_mask(t->dst_len))))
		return false;
	if ((given & FIB_RULE_GIVEN_IIF) && strcmp(r->iifname, t->iifname))
		return false;
	if ((given & FIB_RULE_GIVEN_OIF) && strcmp(r->oifname, t->oifname))
		return false;
	if ((given & FIB_RULE_GIVEN_MARK) && (r->mark != t->mark || r->mark_mask != t->mark_mask))
		return false;
	if ((given & FIB_RULE_GIVEN_TOS) && r->tos != t->tos)
		return false;
	if ((given & FIB_RULE_GIVEN_GOTO) && r->target != t->target)
		return false;
	if ((given & FIB_RULE_GIVEN_SUPPRESS) && r->suppress_prefixlen != t->suppress_prefixlen)
		return false;
	if ((given & FIB_RULE_GIVEN_INVERT) &&
	    ((r->flags ^ t->flags) & FIB_RULE_INVERT))
		return false;
	return true;
}

int fib_nl_delrule(struct net *net, const struct fib_rule *tmpl, unsigned int given,
		   const char **errmsg)
{
	struct fib_rule *r;

	(void)errmsg;
	list_for_each_entry(r, &net->ipv4.rules_ops, list) {
		if (!fib_rule_del_match(r, tmpl, given))
			continue;
		if (r->flags & FIB_RULE_PERMANENT)
			return -EPERM;
		list_del(&r->list);
		if (r->action == FR_ACT_GOTO)
			net->ipv4.fib_rules_gotos--;
		free(r);
		if (net->ipv4.fib_rules_gotos)
			fib_rules_resolve_gotos(net);
		net->ipv4.fib_has_custom_rules = true;
		net->ipv4.fib_seq++;
		return 0;
	}
	return -ENOENT;
}

/* Rules naming a device follow it: attached on register, [detached] when
 * it goes away (fib_rules_event / attach_rules / detach_rules). */
void fib_rules_event(struct net_device *dev, unsigned long event)
{
	struct net *net = dev_net(dev);
	struct fib_rule *r;

	if (!net->ipv4.rules_ops.next)
		return;
	list_for_each_entry(r, &net->ipv4.rules_ops, list) {
		bool gone = event == NETDEV_UNREGISTER;

		if (r->iifname[0] && (gone ? r->iifindex == dev->ifindex :
				      !strcmp(r->iifname, dev->name)))
			r->iifindex = gone ? -1 : dev->ifindex;
		if (r->oifname[0] && (gone ? r->oifindex == dev->ifindex :
				      !strcmp(r->oifname, dev->name)))
			r->oifindex = gone ? -1 : dev->ifindex;
	}
}

static int fib4_rule_match(const struct fib_rule *rule, const struct flowi4 *fl)
{
	int ret = 0;

	if (rule->iifindex && rule->iifindex != fl->flowi4_iif)
		goto out;
	if (rule->oifindex && rule->oifindex != fl->flowi4_oif)
		goto out;
	if ((rule->mark ^ fl->flowi4_mark) & rule->mark_mask)
		goto out;
	if (((fl->saddr ^ rule->src) & rule->srcmask) || ((fl->daddr ^ rule->dst) & rule->dstmask))
		goto out;
	if (rule->tos && rule->tos != (fl->flowi4_tos & 0x1C))
		goto out;
	if (rule->ip_proto && rule->ip_proto != fl->flowi4_proto)
		goto out;
	if (rule->uid_set && (fl->flowi4_uid < rule->uid_start || fl->flowi4_uid > rule->uid_end))
		goto out;
	ret = 1;
out:
	return (rule->flags & FIB_RULE_INVERT) ? !ret : ret;
}

static int fib4_rule_action(struct net *net, const struct fib_rule *rule, struct flowi4 *flp,
			    struct fib_result *res, unsigned int flags)
{
	struct fib_table *tbl;

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
	tbl = fib_get_table(net, rule->table);
	if (!tbl)
		return -EAGAIN;
	return fib_table_lookup(tbl, flp, res, flags);
}

static bool fib4_rule_suppress(const struct fib_rule *rule, const struct fib_result *res)
{
	const struct net_device *dev = res->nhc ? res->nhc->fib_nh_dev : NULL;

	if (res->prefixlen <= rule->suppress_prefixlen)
		return true;
	if (rule->suppress_ifgroup != -1 && dev && dev->group == (u32)rule->suppress_ifgroup)
		return true;
	return false;
}

int fib_rules_lookup(struct net *net, struct flowi4 *flp, struct fib_result *res,
		     unsigned int flags)
{
	struct list_head *head = &net->ipv4.rules_ops;
	struct fib_rule *rule;
	int err;

	for (rule = list_first_entry(head, struct fib_rule, list); &rule->list != head;
	     rule = list_entry(rule->list.next, struct fib_rule, list)) {
jumped:
		if (!fib4_rule_match(rule, flp))
			continue;
		if (rule->action == FR_ACT_GOTO) {
			if (!rule->ctarget)
				continue;
			rule = rule->ctarget;
			goto jumped;
		}
		if (rule->action == FR_ACT_NOP)
			continue;
		err = fib4_rule_action(net, rule, flp, res, flags);
		if (!err && fib4_rule_suppress(rule, res))
			continue;
		if (err != -EAGAIN) {
			res->rule_pref = rule->pref;
			return err;
		}
	}
	return -ESRCH;
}
