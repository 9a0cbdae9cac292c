/* A table being edited by the iptables tool (iptables-legacy's libiptc):
 * a copy of the namespace's table, chain names in an open-addressing hash,
 * rules inserted into per-chain arrays; committed whole with
 * ipt_replace_table().  Everything is linear in the size of the table. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "iptables.h"

static unsigned int name_hash(const char *s)
{
	unsigned int h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static int hash_rebuild(struct ipt_handle *h)
{
	unsigned int size = 64;

	while (size < h->info->nchains * 2 + 2)
		size *= 2;
	free(h->hash);
	h->hash = kcalloc(size, sizeof(*h->hash));
	if (!h->hash)
		return -ENOMEM;
	h->hash_size = size;
	for (unsigned int c = 0; c < h->info->nchains; c++) {
		unsigned int i = name_hash(h->info->chains[c].name) & (size - 1);

		while (h->hash[i])
			i = (i + 1) & (size - 1);
		h->hash[i] = c + 1;
	}
	return 0;
}

int ipt_chain_find(struct ipt_handle *h, const char *name)
{
	unsigned int i = name_hash(name) & (h->hash_size - 1);

	while (h->hash[i]) {
		unsigned int c = h->hash[i] - 1;

		if (!strcmp(h->info->chains[c].name, name))
			return (int)c;
		i = (i + 1) & (h->hash_size - 1);
	}
	return -1;
}

/* The tables the kernel has: one of them missing is a table that could not
 * be made (ENOMEM), another name one that does not exist. */
static bool ipt_table_known(u8 af, const char *table)
{
	static const char *const names[] = { "filter", "mangle", "raw", "security", "nat" };
	/* no ip6table_nat (no IPv6 conntrack): -t nat does not exist for IPv6 */
	size_t n = sizeof(names) / sizeof(names[0]) - (af == NFPROTO_IPV6);

	for (size_t i = 0; i < n; i++)
		if (!strcmp(names[i], table))
			return true;
	return false;
}

int ipt_handle_open(struct ipt_handle *h, struct net *net, u8 af, const char *table)
{
	const struct xt_table_info *cur = xt_af_get_table(net, af, table);

	memset(h, 0, sizeof(*h));
	if (!cur)
		return ipt_table_known(af, table) ? -ENOMEM : -ENOENT;
	h->net = net;
	h->af = af;
	h->table = table;
	h->info = ipt_table_dup(cur);
	if (!h->info)
		return -ENOMEM;
	return hash_rebuild(h);
}

int ipt_handle_commit(struct ipt_handle *h)
{
	int err;

	if (!h->dirty)
		return 0;
	err = xt_af_replace_table(h->net, h->af, h->table, h->info);
	if (err)
		return err;
	h->info = NULL;		/* the table owns it now */
	h->dirty = false;
	return 0;
}

void ipt_handle_close(struct ipt_handle *h)
{
	ipt_table_free(h->info);
	free(h->hash);
	memset(h, 0, sizeof(*h));
}

int ipt_chain_add(struct ipt_handle *h, const char *name)
{
	struct xt_table_info *info = h->info;
	struct ipt_chain *c;

	if (info->nchains == info->cap) {
		unsigned int cap = info->cap ? info->cap * 2 : 8;
		struct ipt_chain *n = krealloc(info->chains, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		info->chains = n;
		info->cap = cap;
	}
	c = &info->chains[info->nchains++];
	memset(c, 0, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->hook = -1;
	c->policy = XT_RETURN;
	h->dirty = true;
	if (info->nchains * 2 + 2 > h->hash_size)
		return hash_rebuild(h) ? -ENOMEM : (int)info->nchains - 1;
	{
		unsigned int i = name_hash(name) & (h->hash_size - 1);

		while (h->hash[i])
			i = (i + 1) & (h->hash_size - 1);
		h->hash[i] = info->nchains;
	}
	return (int)info->nchains - 1;
}

/* Removes chain idx (no rule may jump to it) and renumbers jumps. */
int ipt_chain_delete(struct ipt_handle *h, unsigned int idx)
{
	struct xt_table_info *info = h->info;

	for (unsigned int i = 0; i < info->chains[idx].nrules; i++)
		ipt_rule_free(&info->chains[idx].rules[i]);
	free(info->chains[idx].rules);
	memmove(&info->chains[idx], &info->chains[idx + 1],
		(info->nchains - idx - 1) * sizeof(*info->chains));
	info->nchains--;
	for (unsigned int c = 0; c < info->nchains; c++)
		for (unsigned int i = 0; i < info->chains[c].nrules; i++) {
			struct xt_entry_target *t = &info->chains[c].rules[i].target;

			if (!t->target && t->verdict > (int)idx)
				t->verdict--;
		}
	h->dirty = true;
	return hash_rebuild(h);
}

int ipt_chain_rename(struct ipt_handle *h, unsigned int idx, const char *name)
{
	snprintf(h->info->chains[idx].name, sizeof(h->info->chains[idx].name), "%s", name);
	h->dirty = true;
	return hash_rebuild(h);
}

int ipt_rule_insert(struct ipt_chain *c, unsigned int pos, struct ipt_rule *r)
{
	if (c->nrules == c->cap) {
		unsigned int cap = c->cap ? c->cap * 2 : 4;
		struct ipt_rule *n = krealloc(c->rules, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		c->rules = n;
		c->cap = cap;
	}
	memmove(&c->rules[pos + 1], &c->rules[pos], (c->nrules - pos) * sizeof(*r));
	c->rules[pos] = *r;
	c->nrules++;
	return 0;
}

void ipt_rule_free(struct ipt_rule *r)
{
	for (unsigned int m = 0; m < r->nmatches; m++)
		free(r->matches[m].data);
	free(r->matches);
	free(r->target.data);
	memset(r, 0, sizeof(*r));
}

int ipt_rule_clone(struct ipt_rule *dst, const struct ipt_rule *src)
{
	*dst = *src;
	dst->matches = NULL;
	dst->target.data = NULL;
	dst->nmatches = 0;
	if (src->nmatches) {
		dst->matches = kcalloc(src->nmatches, sizeof(*dst->matches));
		if (!dst->matches)
			return -ENOMEM;
	}
	for (unsigned int m = 0; m < src->nmatches; m++) {
		unsigned int size = src->matches[m].match->matchsize;

		dst->matches[m].match = src->matches[m].match;
		dst->matches[m].data = kmalloc(size ? size : 1);
		if (!dst->matches[m].data)
			goto err;
		memcpy(dst->matches[m].data, src->matches[m].data, size);
		dst->nmatches = m + 1;
	}
	if (src->target.target) {
		unsigned int size = src->target.target->targetsize;

		dst->target.data = kmalloc(size ? size : 1);
		if (!dst->target.data)
			goto err;
		memcpy(dst->target.data, src->target.data, size);
	}
	return 0;
err:
	ipt_rule_free(dst);
	return -ENOMEM;
}
