/* net/core/fib_rules.c — policy routing rules (`ip rule`, `ip -6 rule`).
 *
 * Corresponds to Linux net/core/fib_rules.c plus the IPv4 half in
 * net/ipv4/fib_rules.c (the IPv6 half is net/ipv6/fib6_rules.c).  The
 * family-independent part keeps each family's list in pref order: add
 * (fib_nl_newrule), delete (fib_nl_delrule), goto resolution, devices
 * coming and going.  In the IPv4 packet path it sits inside fib_lookup():
 * when the namespace has custom rules, fib_rules_lookup() walks the rules in
 * pref order, matches selectors (from/to, iif/oif, fwmark, tos, ipproto,
 * sport/dport, uidrange) and runs the action (lookup TABLE, goto, nop,
 * blackhole, unreachable, prohibit), moving on to the next rule when a table
 * answers -EAGAIN (no match or throw).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "linux/slab.h"
#include "net/ip_fib.h"
#include "net/ip6_fib.h"
#include "net/net_namespace.h"
#include "linux/netdevice.h"
#include "net/rtnl_notify.h"

/* The per-namespace state of one family's rules (fib_rules_ops). */
struct fib_rules_ops {
	int family;
	u8 addr_bits;
	struct list_head *rules_list;
	bool *has_custom;
	int *nr_goto_rules;
};

static void fib_rules_ops_get(struct net *net, int family, struct fib_rules_ops *ops)
{
	if (family == AF_INET6) {
		*ops = (struct fib_rules_ops){ AF_INET6, 128, &net->ipv6.fib6_rules,
			&net->ipv6.fib6_has_custom_rules, &net->ipv6.fib6_rules_gotos };
		return;
	}
	*ops = (struct fib_rules_ops){ AF_INET, 32, &net->ipv4.rules_ops,
		&net->ipv4.fib_has_custom_rules, &net->ipv4.fib_rules_gotos };
}

struct list_head *fib_rules_list(struct net *net, int family)
{
	return family == AF_INET6 ? &net->ipv6.fib6_rules : &net->ipv4.rules_ops;
}

static inline __be32 fib_rule_mask(int len)
{
	return len ? htonl(~0U << (32 - len)) : 0;
}

/* ipv6_addr_prefix(): the first plen bits of a */
static void fib_rule_prefix6(struct in6_addr *a, u8 plen)
{
	for (int i = 0; i < 16; i++) {
		int bits = plen - i * 8;

		if (bits <= 0)
			a->s6_addr[i] = 0;
		else if (bits < 8)
			a->s6_addr[i] &= (u8)(0xFF << (8 - bits));
	}
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
	if (r->family == AF_INET6) {
		fib_rule_prefix6(&r->src6, r->src_len);
		fib_rule_prefix6(&r->dst6, r->dst_len);
		return r;
	}
	r->family = AF_INET;
	r->srcmask = fib_rule_mask(r->src_len);
	r->dstmask = fib_rule_mask(r->dst_len);
	r->src &= r->srcmask;
	r->dst &= r->dstmask;
	return r;
}

static void fib_rule_link(struct list_head *head, struct fib_rule *rule)
{
	struct fib_rule *r, *last = NULL;

	list_for_each_entry(r, head, list) {
		if (r->pref > rule->pref)
			break;
		last = r;
	}
	if (last)
		list_add(&rule->list, &last->list);
	else
		list_add(&rule->list, head);
}

/* fib_default_rule_add(): the rules a namespace starts with */
int fib_default_rule_add(struct net *net, int family, u32 pref, u32 table)
{
	struct fib_rule tmpl, *r;

	fib_rule_init(&tmpl);
	tmpl.family = (u8)family;
	tmpl.pref = pref;
	tmpl.table = table;
	r = fib_rule_alloc(&tmpl);
	if (!r)
		return -ENOMEM;
	fib_rule_link(fib_rules_list(net, family), r);
	return 0;
}

void fib_rules_free(struct list_head *head)
{
	struct fib_rule *r, *n;

	list_for_each_entry_safe(r, n, head, list) {
		list_del(&r->list);
		free(r);
	}
}

int fib4_rules_init(struct net *net)
{
	int err;

	if (!net->ipv4.rules_ops.next)
		INIT_LIST_HEAD(&net->ipv4.rules_ops);
	err = fib_default_rule_add(net, AF_INET, 0, RT_TABLE_LOCAL);
	if (!err)
		err = fib_default_rule_add(net, AF_INET, 0x7FFE, RT_TABLE_MAIN);
	if (!err)
		err = fib_default_rule_add(net, AF_INET, 0x7FFF, RT_TABLE_DEFAULT);
	if (err)
		fib4_rules_exit(net);
	net->ipv4.fib_has_custom_rules = false;
	return err;
}

void fib4_rules_exit(struct net *net)
{
	fib_rules_free(&net->ipv4.rules_ops);
}

/* fib_default_rule_pref(): one less than the second rule's pref. */
static u32 fib_default_rule_pref(struct list_head *head)
{
	struct list_head *pos = head->next;

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

static bool fib_rule_same_addr(const struct fib_rule *a, const struct fib_rule *b)
{
	if (a->src_len != b->src_len || a->dst_len != b->dst_len)
		return false;
	if (a->family == AF_INET6)
		return !memcmp(&a->src6, &b->src6, sizeof(a->src6)) &&
		       !memcmp(&a->dst6, &b->dst6, sizeof(a->dst6));
	return a->src == b->src && a->dst == b->dst;
}

/* rule_exists(): every attribute equal */
static bool fib_rule_same(const struct fib_rule *a, const struct fib_rule *b)
{
	return a->pref == b->pref && a->action == b->action && a->table == b->table &&
	       a->flags == b->flags && a->tos == b->tos && a->mark == b->mark &&
	       a->mark_mask == b->mark_mask && a->target == b->target &&
	       fib_rule_same_addr(a, b) && !strcmp(a->iifname, b->iifname) &&
	       !strcmp(a->oifname, b->oifname) &&
	       a->suppress_prefixlen == b->suppress_prefixlen &&
	       a->suppress_ifgroup == b->suppress_ifgroup && a->ip_proto == b->ip_proto &&
	       a->sport_start == b->sport_start && a->sport_end == b->sport_end &&
	       a->dport_start == b->dport_start && a->dport_end == b->dport_end &&
	       a->uid_set == b->uid_set && a->uid_start == b->uid_start &&
	       a->uid_end == b->uid_end;
}

/* The family's configure(): fib4_rule_configure / fib6_rule_configure */
static int fib_rule_check_family(const struct fib_rules_ops *ops, const struct fib_rule *rule,
				 const char **errmsg)
{
	if (rule->src_len > ops->addr_bits || rule->dst_len > ops->addr_bits) {
		*errmsg = "Invalid prefix length";
		return -EINVAL;
	}
	if (rule->tos & 0x03) {		/* !inet_validate_dscp() */
		*errmsg = "Invalid dsfield (tos): ECN bits must be 0";
		return -EINVAL;
	}
	/* IPv4 does not handle the high-order DSCP bits (IPTOS_TOS_MASK) */
	if (ops->family == AF_INET && (rule->tos & ~0x1E)) {
		*errmsg = "Invalid tos";
		return -EINVAL;
	}
	return 0;
}

static int fib_rule_check(const struct fib_rules_ops *ops, struct fib_rule *rule,
			  bool pref_given, const char **errmsg)
{
	int err = fib_rule_check_family(ops, rule, errmsg);

	if (err)
		return err;
	/* fib_nl2rule() takes any action (a lookup through an action that is
	 * none of the FR_ACT_* ones fails with EINVAL: fib4_rule_action()) */
	if (!pref_given)
		rule->pref = fib_default_rule_pref(ops->rules_list);
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
		*errmsg = "Unexpected goto";
		return -EINVAL;
	}
	/* IPv6 (fib6_rule_configure()) wants a table; IPv4's gets an empty
	 * one in fib_nl_newrule() */
	if (rule->action == FR_ACT_TO_TBL && !rule->table && ops->family == AF_INET6) {
		*errmsg = "Invalid table";
		return -EINVAL;
	}
	return 0;
}

/* fib_empty_table() (net/ipv4/fib_rules.c): the first table id from 1 on
 * that has no table yet, made now */
static struct fib_table *fib_empty_table(struct net *net)
{
	for (u32 id = 1; id; id++)
		if (!fib_get_table(net, id))
			return fib_new_table(net, id);
	return NULL;
}

static void fib_rules_resolve_gotos(struct list_head *head)
{
	struct fib_rule *r, *t;

	list_for_each_entry(r, head, list) {
		if (r->action != FR_ACT_GOTO)
			continue;
		r->ctarget = NULL;
		list_for_each_entry(t, head, list) {
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

/* fib_rule_requires_fldissect(): selectors the IPv4 keyed route cache
 * (net/ipv4/route.c) does not key on, so lookups must not use it */
static void fib_rule_count_fldissect(struct net *net, const struct fib_rule *r, int delta)
{
	if (r->family == AF_INET &&
	    (r->ip_proto || r->sport_start || r->dport_start || r->uid_set))
		net->ipv4.fib_rules_require_fldissect += delta;
}

static void fib_rules_changed(struct net *net, const struct fib_rules_ops *ops)
{
	if (*ops->nr_goto_rules)
		fib_rules_resolve_gotos(ops->rules_list);
	*ops->has_custom = true;
	if (ops->family == AF_INET)
		net->ipv4.fib_seq++;
}

int fib_nl_newrule(struct net *net, struct fib_rule *tmpl, bool pref_given,
		   const char **errmsg)
{
	const char *dummy = NULL;
	struct fib_rules_ops ops;
	struct fib_rule *rule, *r;
	int err;

	if (!errmsg)
		errmsg = &dummy;
	fib_rules_ops_get(net, tmpl->family, &ops);
	err = fib_rule_check(&ops, tmpl, pref_given, errmsg);
	if (err)
		return err;
	if (ops.family == AF_INET && tmpl->action == FR_ACT_TO_TBL && !tmpl->table) {
		/* fib4_rule_configure(): "table 0" is a new, empty table */
		struct fib_table *tb = fib_empty_table(net);

		if (!tb)
			return -ENOBUFS;
		tmpl->table = tb->tb_id;
	}
	rule = fib_rule_alloc(tmpl);
	if (!rule)
		return -ENOMEM;
	list_for_each_entry(r, ops.rules_list, list) {
		if (r->pref > rule->pref)	/* sorted by pref: no equal one further on */
			break;
		if (fib_rule_same(r, rule)) {
			free(rule);
			return -EEXIST;
		}
	}
	if (ops.family == AF_INET && (err = fib_unmerge(net))) {
		free(rule);
		return err;
	}
	fib_rule_resolve_dev(net, rule->iifname, &rule->iifindex);
	fib_rule_resolve_dev(net, rule->oifname, &rule->oifindex);
	fib_rule_link(ops.rules_list, rule);
	fib_rule_count_fldissect(net, rule, 1);
	if (rule->action == FR_ACT_GOTO)
		(*ops.nr_goto_rules)++;
	fib_rules_changed(net, &ops);
	notify_rule_change(RTM_NEWRULE, rule, net, ops.family);
	return 0;
}

static bool fib_rule_addr_match(const struct fib_rule *r, const struct fib_rule *t, bool dst)
{
	struct fib_rule m = *t;

	if ((dst ? r->dst_len : r->src_len) != (dst ? t->dst_len : t->src_len))
		return false;
	if (r->family == AF_INET6) {
		fib_rule_prefix6(&m.src6, m.src_len);
		fib_rule_prefix6(&m.dst6, m.dst_len);
		return dst ? !memcmp(&r->dst6, &m.dst6, 16) : !memcmp(&r->src6, &m.src6, 16);
	}
	return dst ? r->dst == (t->dst & fib_rule_mask(t->dst_len)) :
		     r->src == (t->src & fib_rule_mask(t->src_len));
}

static bool fib_rule_del_match_l4(const struct fib_rule *r, const struct fib_rule *t,
				  unsigned int given)
{
	if ((given & FIB_RULE_GIVEN_IPPROTO) && r->ip_proto != t->ip_proto)
		return false;
	if ((given & FIB_RULE_GIVEN_SPORT) &&
	    (r->sport_start != t->sport_start || r->sport_end != t->sport_end))
		return false;
	if ((given & FIB_RULE_GIVEN_DPORT) &&
	    (r->dport_start != t->dport_start || r->dport_end != t->dport_end))
		return false;
	if ((given & FIB_RULE_GIVEN_UID) &&
	    (!r->uid_set || r->uid_start != t->uid_start || r->uid_end != t->uid_end))
		return false;
	return true;
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
	if ((given & FIB_RULE_GIVEN_SRC) && !fib_rule_addr_match(r, t, false))
		return false;
	if ((given & FIB_RULE_GIVEN_DST) && !fib_rule_addr_match(r, t, true))
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
	return fib_rule_del_match_l4(r, t, given);
}

int fib_nl_delrule(struct net *net, const struct fib_rule *tmpl, unsigned int given,
		   const char **errmsg)
{
	struct fib_rules_ops ops;
	struct fib_rule *r;

	(void)errmsg;
	fib_rules_ops_get(net, tmpl->family, &ops);
	list_for_each_entry(r, ops.rules_list, list) {
		if (!fib_rule_del_match(r, tmpl, given))
			continue;
		if (r->flags & FIB_RULE_PERMANENT)
			return -EPERM;
		if (ops.family == AF_INET) {
			int err = fib_unmerge(net);

			if (err)
				return err;
		}
		notify_rule_change(RTM_DELRULE, r, net, ops.family);
		list_del(&r->list);
		fib_rule_count_fldissect(net, r, -1);
		if (r->action == FR_ACT_GOTO)
			(*ops.nr_goto_rules)--;
		free(r);
		fib_rules_changed(net, &ops);
		return 0;
	}
	return -ENOENT;
}

static void fib_rules_dev_event(struct list_head *head, struct net_device *dev,
				unsigned long event)
{
	struct fib_rule *r;

	if (!head->next)
		return;
	list_for_each_entry(r, head, list) {
		/* NETDEV_CHANGENAME: detach_rules() then attach_rules() */
		bool detach = event == NETDEV_UNREGISTER || event == NETDEV_CHANGENAME;
		bool attach = event != NETDEV_UNREGISTER;

		if (detach && r->iifname[0] && r->iifindex == dev->ifindex)
			r->iifindex = -1;
		if (detach && r->oifname[0] && r->oifindex == dev->ifindex)
			r->oifindex = -1;
		if (attach && r->iifname[0] && !strcmp(r->iifname, dev->name))
			r->iifindex = dev->ifindex;
		if (attach && r->oifname[0] && !strcmp(r->oifname, dev->name))
			r->oifindex = dev->ifindex;
	}
}

/* Rules naming a device follow it: attached on register, [detached] when
 * it goes away (fib_rules_event / attach_rules / detach_rules). */
void fib_rules_event(struct net_device *dev, unsigned long event)
{
	struct net *net = dev_net(dev);

	fib_rules_dev_event(&net->ipv4.rules_ops, dev, event);
	fib_rules_dev_event(&net->ipv6.fib6_rules, dev, event);
}

/* The selectors both families share (fib_rule_match in Linux's core) */
bool fib_rule_match_common(const struct fib_rule *rule, int iif, int oif, u32 mark,
			   u8 proto, __be16 sport, __be16 dport, u32 uid)
{
	if (rule->iifindex && rule->iifindex != iif)
		return false;
	if (rule->oifindex && rule->oifindex != oif)
		return false;
	if ((rule->mark ^ mark) & rule->mark_mask)
		return false;
	if (rule->ip_proto && rule->ip_proto != proto)
		return false;
	if (rule->sport_start && (ntohs(sport) < rule->sport_start ||
				  ntohs(sport) > rule->sport_end))
		return false;
	if (rule->dport_start && (ntohs(dport) < rule->dport_start ||
				  ntohs(dport) > rule->dport_end))
		return false;
	if (rule->uid_set && (uid < rule->uid_start || uid > rule->uid_end))
		return false;
	return true;
}

static int fib4_rule_match(const struct fib_rule *rule, const struct flowi4 *fl)
{
	int ret = 0;

	if (!fib_rule_match_common(rule, fl->flowi4_iif, fl->flowi4_oif, fl->flowi4_mark,
				   fl->flowi4_proto, fl->fl4_sport, fl->fl4_dport,
				   fl->flowi4_uid))
		goto out;
	if (((fl->saddr ^ rule->src) & rule->srcmask) || ((fl->daddr ^ rule->dst) & rule->dstmask))
		goto out;
	if (rule->tos && rule->tos != (fl->flowi4_tos & 0x1C))
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
