/* IPv4 packet filtering (net/ipv4/netfilter/ip_tables.c): the tables of a
 * namespace, created on first use, and ipt_do_table(), the walk of a
 * table's chains that every table hook (raw, mangle, filter, nat) runs.
 *
 * As with iptables-legacy, the tool edits a private copy of a table
 * (ipt_table_dup) and hands it back whole (ipt_replace_table), which
 * resolves and checks every rule once, so the packet path only follows
 * indexes: no lookup and no allocation per packet.
 *
 * The same engine serves ip6tables (net/ipv6/netfilter/ip6_tables.c): a
 * table belongs to a family (ops->table->af, info->af), is found by family
 * and name, hooks with its family's pf, and checks its extensions with it;
 * only the address part of the walk differs (ipt_do_table_af). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netfilter_ipv4/ip_tables.h"
#include "net/net_namespace.h"
#include "net/ip.h"
#include "net/trace.h"
#include "linux/netfilter_ipv6/ip6_tables.h"
#include "ip_tables_priv.h"

static const unsigned int ipt_net_id = NETGEN_IPTABLES;

static struct ipt_pernet *ipt_pernet(const struct net *net)
{
	return net_generic(net, ipt_net_id);
}

static const struct ipt_table_ops *ipt_find_ops(u8 af, const char *name)
{
	const struct ipt_table_ops *const *regs4[] = { ipt_core_tables, ipt_ct_tables };
	const struct ipt_table_ops *const *regs6[] = { ip6t_core_tables, ip6t_ct_tables };
	const struct ipt_table_ops *const *const *regs = af == NFPROTO_IPV6 ? regs6 : regs4;

	for (size_t r = 0; r < ARRAY_SIZE(regs4); r++)
		for (const struct ipt_table_ops *const *o = regs[r]; *o; o++)
			if (!strcmp((*o)->table->name, name))
				return *o;
	return NULL;
}

static const char *const ipt_hook_names[NF_INET_NUMHOOKS] = {
	"PREROUTING", "INPUT", "FORWARD", "OUTPUT", "POSTROUTING",
};

const char *ipt_hook_name(unsigned int hook)
{
	return hook < NF_INET_NUMHOOKS ? ipt_hook_names[hook] : "?";
}

/* A table with only its built-in chains, policies ACCEPT. */
static struct xt_table_info *ipt_table_initial(u8 af, unsigned int valid_hooks)
{
	struct xt_table_info *info = kzalloc(sizeof(*info));

	if (!info)
		return NULL;
	info->af = af;
	info->cap = NF_INET_NUMHOOKS;
	info->chains = kcalloc(info->cap, sizeof(*info->chains));
	if (!info->chains) {
		free(info);
		return NULL;
	}
	for (unsigned int h = 0; h < NF_INET_NUMHOOKS; h++) {
		struct ipt_chain *c;

		if (!(valid_hooks & (1u << h)))
			continue;
		c = &info->chains[info->nchains++];
		snprintf(c->name, sizeof(c->name), "%s", ipt_hook_names[h]);
		c->hook = (int)h;
		c->policy = XT_STD_ACCEPT;
	}
	return info;
}

static void ipt_rule_release(struct net *net, u8 af, struct ipt_rule *r)
{
	for (unsigned int m = 0; m < r->nmatches; m++) {
		struct xt_entry_match *em = &r->matches[m];

		if (net && em->match->destroy) {
			struct xt_mtdtor_param par = {
				.net = net, .match = em->match, .matchinfo = em->data,
				.family = af,
			};
			em->match->destroy(&par);
		}
		free(em->data);
	}
	free(r->matches);
	if (r->target.target && net && r->target.target->destroy) {
		struct xt_tgdtor_param par = {
			.net = net, .target = r->target.target, .targinfo = r->target.data,
			.family = af,
		};
		r->target.target->destroy(&par);
	}
	free(r->target.data);
}

static void ipt_table_release(struct net *net, struct xt_table_info *info)
{
	if (!info)
		return;
	for (unsigned int c = 0; c < info->nchains; c++) {
		for (unsigned int i = 0; i < info->chains[c].nrules; i++)
			ipt_rule_release(net, info->af, &info->chains[c].rules[i]);
		free(info->chains[c].rules);
	}
	free(info->chains);
	free(info);
}

void ipt_table_free(struct xt_table_info *info)
{
	ipt_table_release(NULL, info);
}

static void *memdup_or_null(const void *p, size_t n, bool *fail)
{
	void *q;

	if (!p || !n)
		return NULL;
	q = kmalloc(n);
	if (!q)
		*fail = true;
	else
		memcpy(q, p, n);
	return q;
}

static int ipt_rule_copy(struct ipt_rule *dst, const struct ipt_rule *src)
{
	bool fail = false;

	*dst = *src;
	dst->matches = memdup_or_null(src->matches, src->nmatches * sizeof(*src->matches), &fail);
	for (unsigned int m = 0; m < src->nmatches && dst->matches; m++)
		dst->matches[m].data = memdup_or_null(src->matches[m].data,
						      src->matches[m].match->matchsize, &fail);
	if (src->target.target)
		dst->target.data = memdup_or_null(src->target.data,
						  src->target.target->targetsize, &fail);
	if (fail) {
		if (!dst->matches)
			dst->nmatches = 0;
		ipt_rule_release(NULL, NFPROTO_UNSPEC, dst);
		return -ENOMEM;
	}
	return 0;
}

static int ipt_chain_copy(struct ipt_chain *dst, const struct ipt_chain *src)
{
	*dst = *src;
	dst->cap = src->nrules;
	dst->rules = NULL;
	if (!src->nrules)
		return 0;
	dst->rules = kcalloc(src->nrules, sizeof(*dst->rules));
	if (!dst->rules)
		goto err;
	for (unsigned int i = 0; i < src->nrules; i++) {
		if (ipt_rule_copy(&dst->rules[i], &src->rules[i])) {
			dst->nrules = i;
			goto err;
		}
	}
	return 0;
err:
	for (unsigned int i = 0; dst->rules && i < dst->nrules; i++)
		ipt_rule_release(NULL, NFPROTO_UNSPEC, &dst->rules[i]);
	free(dst->rules);
	dst->rules = NULL;
	dst->nrules = 0;
	return -ENOMEM;
}

struct xt_table_info *ipt_table_dup(const struct xt_table_info *info)
{
	struct xt_table_info *n;

	if (!info)
		return NULL;
	n = kzalloc(sizeof(*n));
	if (!n)
		return NULL;
	n->af = info->af;
	n->cap = info->nchains ? info->nchains : 1;
	n->chains = kcalloc(n->cap, sizeof(*n->chains));
	if (!n->chains) {
		free(n);
		return NULL;
	}
	for (unsigned int c = 0; c < info->nchains; c++) {
		if (ipt_chain_copy(&n->chains[c], &info->chains[c])) {
			ipt_table_free(n);
			return NULL;
		}
		n->nchains++;
	}
	return n;
}

/* ---- tables in a namespace ---- */

static struct ipt_net_table *ipt_instance(struct net *net, u8 af, const char *name)
{
	struct ipt_pernet *pn = ipt_pernet(net);

	for (unsigned int i = 0; pn && i < pn->ntables; i++)
		if (pn->tables[i]->ops->table->af == af &&
		    !strcmp(pn->tables[i]->ops->table->name, name))
			return pn->tables[i];
	return NULL;
}

static void ipt_unregister_hooks(struct net *net, struct ipt_net_table *t, unsigned int n)
{
	for (unsigned int h = 0; h < n; h++)
		if (t->hook_ops[h].hook)
			nf_unregister_net_hook(net, &t->hook_ops[h]);
}

static int ipt_register_hooks(struct net *net, struct ipt_net_table *t)
{
	const struct ipt_table_ops *ops = t->ops;

	for (unsigned int h = 0; h < NF_INET_NUMHOOKS; h++) {
		int err;

		if (!(ops->table->valid_hooks & (1u << h)) || !ops->hook[h])
			continue;
		t->hook_ops[h] = (struct nf_hook_ops){
			.hook = ops->hook[h], .priv = t, .pf = ops->table->af,
			.hooknum = h, .priority = ops->priority[h],
		};
		err = nf_register_net_hook(net, &t->hook_ops[h]);
		if (err) {
			t->hook_ops[h].hook = NULL;
			ipt_unregister_hooks(net, t, h);
			return err;
		}
	}
	return 0;
}

static struct ipt_net_table *ipt_instance_create(struct net *net, const struct ipt_table_ops *ops)
{
	struct ipt_pernet *pn = ipt_pernet(net);
	struct ipt_net_table *t;

	if (pn->ntables >= IPT_MAX_TABLES)
		return NULL;
	t = kzalloc(sizeof(*t));
	if (!t)
		return NULL;
	t->ops = ops;
	t->net = net;
	t->info = ipt_table_initial(ops->table->af, ops->table->valid_hooks);
	if (!t->info)
		goto err_free;
	ipt_table_index_hooks(t);
	if (ops->net_init && ops->net_init(net))
		goto err_info;
	if (ipt_register_hooks(net, t))
		goto err_exit;
	pn->tables[pn->ntables++] = t;
	return t;
err_exit:
	if (ops->net_exit)
		ops->net_exit(net);
err_info:
	ipt_table_free(t->info);
err_free:
	free(t);
	return NULL;
}

static void ipt_instance_destroy(struct net *net, struct ipt_net_table *t)
{
	ipt_unregister_hooks(net, t, NF_INET_NUMHOOKS);
	if (t->ops->net_exit)
		t->ops->net_exit(net);
	ipt_index_free(t);
	ipt_table_release(net, t->info);
	free(t);
}

static struct ipt_net_table *ipt_instance_get(struct net *net, u8 af, const char *name)
{
	struct ipt_net_table *t = ipt_instance(net, af, name);
	const struct ipt_table_ops *ops;

	if (t)
		return t;
	ops = ipt_find_ops(af, name);
	return ops ? ipt_instance_create(net, ops) : NULL;
}

const struct xt_table_info *xt_af_get_table(struct net *net, u8 af, const char *name)
{
	struct ipt_net_table *t = ipt_instance_get(net, af, name);

	return t ? t->info : NULL;
}

const struct xt_table_info *xt_af_table_peek(struct net *net, u8 af, const char *name)
{
	struct ipt_net_table *t = ipt_instance(net, af, name);

	return t ? t->info : NULL;
}

int xt_af_replace_table(struct net *net, u8 af, const char *name,
			struct xt_table_info *newinfo)
{
	struct ipt_net_table *t = ipt_instance_get(net, af, name);
	struct xt_table_info *old;
	int err;

	if (!t)
		return -ENOENT;
	newinfo->af = af;
	err = ipt_check_table(net, t, newinfo);
	if (err)
		return err;
	old = t->info;
	t->info = newinfo;
	ipt_table_index_hooks(t);
	if (af == NFPROTO_IPV4)		/* the destination index is IPv4's */
		ipt_index_build(t);
	ipt_table_release(net, old);
	return 0;
}

const struct xt_table_info *ipt_get_table(struct net *net, const char *name)
{
	return xt_af_get_table(net, NFPROTO_IPV4, name);
}

const struct xt_table_info *ipt_table_peek(struct net *net, const char *name)
{
	return xt_af_table_peek(net, NFPROTO_IPV4, name);
}

int ipt_replace_table(struct net *net, const char *name, struct xt_table_info *newinfo)
{
	return xt_af_replace_table(net, NFPROTO_IPV4, name, newinfo);
}

/* Hook index of each built-in chain, for ipt_do_table. */
void ipt_table_index_hooks(struct ipt_net_table *t)
{
	for (unsigned int h = 0; h < NF_INET_NUMHOOKS; h++)
		t->hook_chain[h] = -1;
	for (unsigned int c = 0; c < t->info->nchains; c++)
		if (t->info->chains[c].hook >= 0)
			t->hook_chain[t->info->chains[c].hook] = (int)c;
}

/* A drop's hint must outlive the packet (skbox why keeps the pointer):
 * the namespace keeps one copy of each hint string. */
const char *ipt_intern_hint(struct net *net, const char *s)
{
	struct ipt_pernet *pn = ipt_pernet(net);
	struct ipt_hint *h;

	for (h = pn->hints; h; h = h->next)
		if (!strcmp(h->text, s))
			return h->text;
	h = kmalloc(sizeof(*h) + strlen(s) + 1);
	if (!h)
		return NULL;
	strcpy(h->text, s);
	h->next = pn->hints;
	pn->hints = h;
	return h->text;
}

static int ipt_net_init(struct net *net)
{
	(void)net;
	return 0;
}

static void ipt_net_exit(struct net *net)
{
	struct ipt_pernet *pn = ipt_pernet(net);

	while (pn->ntables > 0)
		ipt_instance_destroy(net, pn->tables[--pn->ntables]);
	while (pn->hints) {
		struct ipt_hint *h = pn->hints;

		pn->hints = h->next;
		free(h);
	}
}

const struct pernet_operations ipt_net_ops = {
	.name = "ip_tables",
	.init = ipt_net_init,
	.exit = ipt_net_exit,
	.id = &ipt_net_id,
	.size = sizeof(struct ipt_pernet),
};

const char *ipt_rule_comment(const struct ipt_rule *r)
{
	for (unsigned int m = 0; m < r->nmatches; m++)
		if (!strcmp(r->matches[m].match->name, "comment"))
			return r->matches[m].data;
	return NULL;
}
