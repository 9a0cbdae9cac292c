/* net/ipv4/fib_trie.c — the per-table longest-prefix-match store.
 *
 * Corresponds to Linux net/ipv4/fib_trie.c.  In the packet path it sits under
 * fib_lookup(): ip_route_input_noref() / ip_route_output_key() → fib_lookup()
 * → (rules) → fib_table_lookup() here.  Instead of an LC-trie, each table
 * keeps one open hash per prefix length plus a bitmap of the lengths in use;
 * a lookup probes the lengths from /32 down.  Aliases of one prefix keep the
 * kernel's order (tos descending, then metric ascending) and the insert,
 * replace, append and delete rules of fib_table_insert()/fib_table_delete().
 *
 * As Linux's fib_trie_table(id, alias), a table may share the prefixes of
 * another: the local table those of main while there are no custom rules
 * (include/net/ip_fib.h).  `tb` below is the table a change or walk is for
 * (its id, its entries); `t = tb->tb_data` holds the prefixes.  In a shared
 * prefix the aliases are ordered by table id descending (local's first), as
 * Linux's fib_find_alias() orders them, then by tos and metric.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "linux/slab.h"
#include "net/ip_fib.h"
#include "net/route.h"
#include "net/net_namespace.h"
#include "linux/inetdevice.h"
#include "net/rtnl_notify.h"

#define FIB_HASH_MIN 8

static inline __be32 fib_plen_mask(int plen)
{
	return plen ? htonl(~0U << (32 - plen)) : 0;
}

static unsigned int fib_hash(__be32 key, unsigned int nbuckets)
{
	u32 k = ntohl(key) * 0x9E3779B1u;

	return (k ^ (k >> 16)) & (nbuckets - 1);
}

struct fib_table *fib_trie_table(u32 id, struct fib_table *alias)
{
	struct fib_table *tb;

	/* cache-line aligned: the lookup's fields share two lines */
	if (should_failslab() || posix_memalign((void **)&tb, 64, sizeof(*tb)))
		return NULL;
	memset(tb, 0, sizeof(*tb));
	INIT_LIST_HEAD(&tb->tb_list);
	tb->tb_id = id;
	tb->tb_data = alias ? alias->tb_data : tb;
	return tb;
}

static struct fib_prefix *fib_find_prefix(const struct fib_table *tb, __be32 key, int plen)
{
	struct fib_prefix *p;

	if (!(tb->plen_mask & (1ULL << plen)) || !tb->nbuckets[plen])
		return NULL;
	for (p = tb->buckets[plen][fib_hash(key, tb->nbuckets[plen])]; p; p = p->hnext)
		if (p->key == key)
			return p;
	return NULL;
}

static int fib_hash_grow(struct fib_table *tb, int plen)
{
	unsigned int n = tb->nbuckets[plen] ? tb->nbuckets[plen] * 2 : FIB_HASH_MIN;
	struct fib_prefix **nb = kcalloc(n, sizeof(*nb));
	unsigned int i;

	if (!nb)
		return -ENOMEM;
	for (i = 0; i < tb->nbuckets[plen]; i++) {
		struct fib_prefix *p = tb->buckets[plen][i], *next;

		for (; p; p = next) {
			unsigned int h = fib_hash(p->key, n);

			next = p->hnext;
			p->hnext = nb[h];
			nb[h] = p;
		}
	}
	free(tb->buckets[plen]);
	tb->buckets[plen] = nb;
	tb->nbuckets[plen] = n;
	return 0;
}

/* The small table's array, rebuilt whenever a prefix or an alias comes or
 * goes while the table is small: longest first, as the hashes are probed. */
static void fib_small_rebuild(struct fib_table *tb)
{
	unsigned int n = 0, i;
	int plen;

	if (tb->nprefixes > FIB_SMALL)
		return;
	for (plen = 32; plen >= 0; plen--) {
		for (i = 0; tb->count[plen] && i < tb->nbuckets[plen]; i++) {
			struct fib_prefix *p;

			for (p = tb->buckets[plen][i]; p; p = p->hnext) {
				tb->small_key[n] = p->key;
				tb->small_plen[n] = (u8)plen;
				tb->small_fa[n++] = list_empty(&p->aliases) ? NULL :
					list_first_entry(&p->aliases, struct fib_alias, fa_list);
			}
		}
	}
}

static struct fib_prefix *fib_insert_prefix(struct fib_table *tb, __be32 key, int plen)
{
	struct fib_prefix *p = kzalloc(sizeof(*p));
	unsigned int h;

	if (!p)
		return NULL;
	if (tb->count[plen] >= tb->nbuckets[plen] && fib_hash_grow(tb, plen)) {
		free(p);
		return NULL;
	}
	p->key = key;
	p->plen = plen;
	INIT_LIST_HEAD(&p->aliases);
	h = fib_hash(key, tb->nbuckets[plen]);
	p->hnext = tb->buckets[plen][h];
	tb->buckets[plen][h] = p;
	tb->count[plen]++;
	tb->nprefixes++;
	tb->plen_mask |= 1ULL << plen;
	fib_small_rebuild(tb);
	return p;
}

static void fib_remove_prefix(struct fib_table *tb, struct fib_prefix *p)
{
	struct fib_prefix **pp;

	pp = &tb->buckets[p->plen][fib_hash(p->key, tb->nbuckets[p->plen])];
	for (; *pp; pp = &(*pp)->hnext) {
		if (*pp == p) {
			*pp = p->hnext;
			break;
		}
	}
	if (--tb->count[p->plen] == 0)
		tb->plen_mask &= ~(1ULL << p->plen);
	tb->nprefixes--;
	free(p);
	fib_small_rebuild(tb);
}

/* The kernel's fib_find_alias() within one prefix: the first alias whose
 * (table id descending, tos, priority) does not sort before (tb_id, tos,
 * prio): an alias of table tb_id, or the first of a table after it. */
static struct fib_alias *fib_find_alias(struct fib_prefix *p, u32 tb_id, u8 tos, u32 prio)
{
	struct fib_alias *fa;

	if (!p)
		return NULL;
	list_for_each_entry(fa, &p->aliases, fa_list) {
		if (fa->tb_id > tb_id)
			continue;
		if (fa->tb_id < tb_id)
			return fa;
		if (fa->fa_tos > tos)
			continue;
		if (fa->fa_info->fib_priority >= prio || fa->fa_tos < tos)
			return fa;
	}
	return NULL;
}

/* t: the table holding the alias's prefix; its own table counts it */
static void fib_alias_free(struct fib_table *t, struct fib_alias *fa)
{
	list_del(&fa->fa_list);
	fib_release_info(fa->fa_info);
	fa->fa_tb->entries--;
	free(fa);
	fib_small_rebuild(t);
}

static struct fib_alias *fib_new_alias(struct fib_table *tb, struct fib_info *fi,
				       const struct fib_config *cfg)
{
	struct fib_alias *fa = kzalloc(sizeof(*fa));

	if (!fa)
		return NULL;
	INIT_LIST_HEAD(&fa->fa_list);
	fa->fa_info = fi;
	fa->fa_tos = cfg->fc_tos;
	fa->fa_type = cfg->fc_type;
	fa->fa_slen = 32 - cfg->fc_dst_len;
	fa->tb_id = tb->tb_id;
	fa->fa_tb = tb;
	return fa;
}

static void fib_table_changed(struct net *net)
{
	if (!net)
		return;
	net->ipv4.fib_seq++;
	rt_cache_flush(net);
}

static int fib_check_config(const struct fib_config *cfg, const char **errmsg)
{
	if (cfg->fc_dst_len > 32) {
		*errmsg = "Invalid prefix length";
		return -EINVAL;
	}
	if (cfg->fc_dst & ~fib_plen_mask(cfg->fc_dst_len)) {
		*errmsg = "Invalid prefix for given prefix length";
		return -EINVAL;
	}
	return 0;
}

/* NLM_F_REPLACE on an existing (tos, priority) group: the first alias of
 * the group takes the new fib_info and type. */
static int fib_replace_alias(struct net *net, struct fib_table *tb, struct fib_alias *first,
			     struct fib_info *fi, const struct fib_config *cfg)
{
	struct fib_alias *nfa = fib_new_alias(tb, fi, cfg);

	if (!nfa)
		return -ENOMEM;
	__list_add(&nfa->fa_list, first->fa_list.prev, &first->fa_list);
	tb->entries++;
	fib_alias_free(tb->tb_data, first);
	fib_table_changed(net);
	rtmsg_fib(RTM_NEWROUTE, cfg->fc_dst, nfa, cfg->fc_dst_len, tb->tb_id, net, NLM_F_REPLACE);
	return 0;
}

struct fib_insert_pos {
	struct fib_alias *first;	/* first alias with same tos+prio */
	struct fib_alias *match;	/* identical route */
	struct fib_alias *after_group;	/* first alias past the group, or NULL */
};

static void fib_scan_group(struct fib_prefix *p, u32 tb_id, struct fib_alias *fa,
			   struct fib_info *fi, const struct fib_config *cfg,
			   struct fib_insert_pos *pos)
{
	pos->first = fa;
	pos->match = NULL;
	pos->after_group = NULL;
	for (; &fa->fa_list != &p->aliases;
	     fa = list_entry(fa->fa_list.next, struct fib_alias, fa_list)) {
		if (fa->tb_id != tb_id || fa->fa_tos != cfg->fc_tos ||
		    fa->fa_info->fib_priority != fi->fib_priority) {
			pos->after_group = fa;
			return;
		}
		if (fa->fa_type == cfg->fc_type && fib_info_same(fa->fa_info, fi)) {
			pos->match = fa;
			return;
		}
	}
}

static int fib_insert_new(struct net *net, struct fib_table *tb, struct fib_prefix *p,
			  struct fib_alias *before, struct fib_info *fi,
			  const struct fib_config *cfg)
{
	struct fib_table *t = tb->tb_data;
	struct fib_alias *nfa;

	if (!p) {
		p = fib_insert_prefix(t, cfg->fc_dst, cfg->fc_dst_len);
		if (!p)
			return -ENOMEM;
	}
	nfa = fib_new_alias(tb, fi, cfg);
	if (!nfa) {
		if (list_empty(&p->aliases))
			fib_remove_prefix(t, p);
		return -ENOMEM;
	}
	if (before)
		__list_add(&nfa->fa_list, before->fa_list.prev, &before->fa_list);
	else
		list_add_tail(&nfa->fa_list, &p->aliases);
	tb->entries++;
	fib_small_rebuild(t);
	fib_table_changed(net);
	rtmsg_fib(RTM_NEWROUTE, cfg->fc_dst, nfa, cfg->fc_dst_len, tb->tb_id, net, cfg->fc_nlflags);
	return 0;
}

static int fib_insert_with(struct net *net, struct fib_table *tb, struct fib_config *cfg,
			   struct fib_info *fi)
{
	struct fib_prefix *p = fib_find_prefix(tb->tb_data, cfg->fc_dst, cfg->fc_dst_len);
	struct fib_alias *fa = fib_find_alias(p, tb->tb_id, cfg->fc_tos, fi->fib_priority);
	u32 flags = cfg->fc_nlflags;

	if (fa && fa->tb_id == tb->tb_id && fa->fa_tos == cfg->fc_tos &&
	    fa->fa_info->fib_priority == fi->fib_priority) {
		struct fib_insert_pos pos;

		if (flags & NLM_F_EXCL)
			return -EEXIST;
		fib_scan_group(p, tb->tb_id, fa, fi, cfg, &pos);
		if (flags & NLM_F_REPLACE) {
			if (pos.match)
				return 1;	/* identical: nothing to do */
			return fib_replace_alias(net, tb, pos.first, fi, cfg);
		}
		if (pos.match)
			return -EEXIST;
		fa = (flags & NLM_F_APPEND) ? pos.after_group : pos.first;
	}
	if (!(flags & NLM_F_CREATE))
		return -ENOENT;
	return fib_insert_new(net, tb, p, fa, fi, cfg);
}

int fib_table_insert(struct net *net, struct fib_table *tb, struct fib_config *cfg,
		     const char **errmsg)
{
	const char *dummy = NULL;
	struct fib_info *fi;
	int err;

	if (!errmsg)
		errmsg = &dummy;
	err = fib_check_config(cfg, errmsg);
	if (err)
		return err;
	if (!cfg->fc_nlinfo_net)
		cfg->fc_nlinfo_net = net;
	fi = fib_create_info_err(cfg, errmsg, &err);
	if (!fi)
		return err;
	fi->fib_tb_id = tb->tb_id;
	fi->fib_treeref++;
	err = fib_insert_with(net, tb, cfg, fi);
	if (err) {
		fib_release_info(fi);
		return err > 0 ? 0 : err;
	}
	return 0;
}

static bool fib_alias_matches_del(struct net *net, const struct fib_alias *fa,
				  struct fib_config *cfg)
{
	const struct fib_info *fi = fa->fa_info;

	if (cfg->fc_type && fa->fa_type != cfg->fc_type)
		return false;
	if (cfg->fc_scope_given && cfg->fc_scope != RT_SCOPE_NOWHERE &&
	    fi->fib_scope != cfg->fc_scope)
		return false;
	if (cfg->fc_prefsrc && fi->fib_prefsrc != cfg->fc_prefsrc)
		return false;
	if (cfg->fc_protocol && fi->fib_protocol != cfg->fc_protocol)
		return false;
	return fib_nh_match(net, cfg, fa->fa_info) == 0;
}

int fib_table_delete(struct net *net, struct fib_table *tb, struct fib_config *cfg,
		     const char **errmsg)
{
	const char *dummy = NULL;
	struct fib_prefix *p;
	struct fib_alias *fa;
	int err;

	if (!errmsg)
		errmsg = &dummy;
	err = fib_check_config(cfg, errmsg);
	if (err)
		return err;
	p = fib_find_prefix(tb->tb_data, cfg->fc_dst, cfg->fc_dst_len);
	fa = fib_find_alias(p, tb->tb_id, cfg->fc_tos, 0);
	if (!fa)
		return -ESRCH;
	for (; &fa->fa_list != &p->aliases;
	     fa = list_entry(fa->fa_list.next, struct fib_alias, fa_list)) {
		if (fa->tb_id != tb->tb_id || fa->fa_tos != cfg->fc_tos)
			break;
		if (fib_alias_matches_del(net, fa, cfg)) {
			if (!(cfg->fc_nlflags & RTNL_SKIP_NOTIFY))
				rtmsg_fib(RTM_DELROUTE, p->key, fa, p->plen, tb->tb_id, net, 0);
			fib_alias_free(tb->tb_data, fa);
			if (list_empty(&p->aliases))
				fib_remove_prefix(tb->tb_data, p);
			fib_table_changed(net);
			return 0;
		}
	}
	return -ESRCH;
}

static bool fib_ignore_linkdown(const struct net_device *dev)
{
	const struct in_device *in_dev = dev ? __in_dev_get_rtnl(dev) : NULL;

	return in_dev && IN_DEV_IGNORE_ROUTES_WITH_LINKDOWN(in_dev);
}

static bool fib_lookup_good_nh(const struct fib_nh *nh, int fib_flags,
			       const struct flowi4 *flp)
{
	if (nh->fib_nh_flags & RTNH_F_DEAD)
		return false;
	if ((nh->fib_nh_flags & RTNH_F_LINKDOWN) && !(fib_flags & FIB_LOOKUP_IGNORE_LINKSTATE) &&
	    fib_ignore_linkdown(nh->fib_nh_dev))
		return false;
	if (flp->flowi4_oif && flp->flowi4_oif != nh->fib_nh_oif)
		return false;
	return true;
}

/* res->table is the alias's own table: local for a local route found in
 * main's merged prefixes (the route's table id, as `ip route get` shows) */
static void fib_fill_result(struct fib_result *res, __be32 key,
			    int plen, struct fib_alias *fa, int nhsel)
{
	res->prefix = key;
	res->prefixlen = (unsigned char)plen;
	res->nh_sel = nhsel;
	res->type = fa->fa_type;
	res->scope = fa->fa_info->fib_scope;
	res->fi = fa->fa_info;
	res->nhc = &fa->fa_info->fib_nh[nhsel];
	res->table = fa->fa_tb;
	res->fa = fa;
}

/* check_leaf(): the aliases of prefix key/plen from fa (its first) to the
 * list head; 1 = no usable alias here, else 0 or the route type's error. */
static int fib_check_leaf(__be32 key, int plen, struct fib_alias *fa,
			  const struct flowi4 *flp, struct fib_result *res, int fib_flags)
{
	const struct list_head *head = fa->fa_list.prev;
	int nhsel, err;

	for (; &fa->fa_list != head; fa = list_entry(fa->fa_list.next, struct fib_alias, fa_list)) {
		struct fib_info *fi = fa->fa_info;

		if (fa->fa_tos && fa->fa_tos != (flp->flowi4_tos & IPTOS_RT_MASK))
			continue;
		if (fi->fib_dead || fi->fib_scope < flp->flowi4_scope)
			continue;
		/* unicast, local, broadcast, anycast, multicast: no error */
		err = fa->fa_type <= RTN_MULTICAST ? 0 : fib_props_error(fa->fa_type);
		if (err < 0) {
			fib_fill_result(res, key, plen, fa, 0);
			return err;
		}
		if (fi->fib_flags & RTNH_F_DEAD)
			continue;
		for (nhsel = 0; nhsel < fi->fib_nhs; nhsel++) {
			if (!fib_lookup_good_nh(&fi->fib_nh[nhsel], fib_flags, flp))
				continue;
			fib_fill_result(res, key, plen, fa, nhsel);
			return 0;
		}
	}
	return 1;
}

static int fib_small_lookup(struct fib_table *tb, const struct flowi4 *flp,
			    struct fib_result *res, int fib_flags)
{
	for (unsigned int i = 0; i < tb->nprefixes; i++) {
		int err;

		if ((flp->daddr & fib_plen_mask(tb->small_plen[i])) != tb->small_key[i] ||
		    !tb->small_fa[i])
			continue;
		err = fib_check_leaf(tb->small_key[i], tb->small_plen[i], tb->small_fa[i],
				     flp, res, fib_flags);
		if (err <= 0)
			return err;
	}
	return -EAGAIN;
}

/* A lookup in a merged table (main, or local as its alias) sees the routes
 * of both, as on Linux. */
int fib_table_lookup(struct fib_table *tb, const struct flowi4 *flp,
		     struct fib_result *res, int fib_flags)
{
	u64 plens;

	tb = tb->tb_data;
	plens = tb->plen_mask;

	if (tb->nprefixes <= FIB_SMALL)
		return fib_small_lookup(tb, flp, res, fib_flags);
	/* Only the lengths in use are probed, longest first: the highest set
	 * bit of plen_mask is the next length to try. */
	while (plens) {
		int plen = 63 - __builtin_clzll(plens);
		struct fib_prefix *p = fib_find_prefix(tb, flp->daddr & fib_plen_mask(plen), plen);
		int err;

		plens &= ~(1ULL << plen);
		if (!p || list_empty(&p->aliases))
			continue;
		err = fib_check_leaf(p->key, plen,
				     list_first_entry(&p->aliases, struct fib_alias, fa_list),
				     flp, res, fib_flags);
		if (err <= 0)
			return err;
	}
	return -EAGAIN;
}

/* Only tb's own aliases (of a merged table's prefixes) */
int fib_table_flush(struct net *net, struct fib_table *tb, bool flush_all)
{
	struct fib_table *t = tb->tb_data;
	int plen, found = 0;
	unsigned int i;

	for (plen = 0; plen <= 32; plen++) {
		for (i = 0; i < t->nbuckets[plen]; i++) {
			struct fib_prefix *p = t->buckets[plen][i], *next;

			for (; p; p = next) {
				struct fib_alias *fa, *n;

				next = p->hnext;
				list_for_each_entry_safe(fa, n, &p->aliases, fa_list) {
					if (fa->tb_id != tb->tb_id)
						continue;
					if (!flush_all && !(fa->fa_info->fib_flags & RTNH_F_DEAD))
						continue;
					fib_alias_free(t, fa);
					found++;
				}
				if (list_empty(&p->aliases))
					fib_remove_prefix(t, p);
			}
		}
	}
	if (found)
		fib_table_changed(net);
	return found;
}

/* Every prefix and alias of t's own store, whatever table the aliases are
 * of (their tables may be gone already: a namespace's exit frees the
 * tables in id order); release: their fib_infos too. */
static void fib_trie_clear(struct fib_table *t, bool release)
{
	int plen;
	unsigned int i;

	for (plen = 0; plen <= 32; plen++) {
		for (i = 0; i < t->nbuckets[plen]; i++) {
			struct fib_prefix *p = t->buckets[plen][i], *next;

			for (; p; p = next) {
				struct fib_alias *fa, *n;

				next = p->hnext;
				list_for_each_entry_safe(fa, n, &p->aliases, fa_list) {
					list_del(&fa->fa_list);
					if (release)
						fib_release_info(fa->fa_info);
					free(fa);
				}
				free(p);
			}
			t->buckets[plen][i] = NULL;
		}
		t->count[plen] = 0;
	}
	t->plen_mask = 0;
	t->nprefixes = 0;
	fib_small_rebuild(t);
}

/* A merged alias (local) owns no prefixes: the table it shares frees them. */
void fib_free_table(struct fib_table *tb)
{
	int plen;

	if (!tb)
		return;
	if (tb->tb_data == tb)
		fib_trie_clear(tb, true);
	for (plen = 0; plen <= 32; plen++)
		free(tb->buckets[plen]);
	free(tb);
}

static int fib_prefix_cmp(const void *a, const void *b)
{
	const struct fib_prefix *pa = *(struct fib_prefix *const *)a;
	const struct fib_prefix *pb = *(struct fib_prefix *const *)b;
	u32 ka = ntohl(pa->key), kb = ntohl(pb->key);

	if (ka != kb)
		return ka < kb ? -1 : 1;
	return (int)pb->plen - (int)pa->plen;	/* longer prefix first */
}

static struct fib_prefix **fib_collect_prefixes(struct fib_table *tb, size_t *np)
{
	size_t n = 0, total = 0;
	struct fib_prefix **v;
	unsigned int i;
	int plen;

	for (plen = 0; plen <= 32; plen++)
		total += tb->count[plen];
	v = kcalloc(total ? total : 1, sizeof(*v));
	if (!v)
		return NULL;
	for (plen = 0; plen <= 32; plen++)
		for (i = 0; i < tb->nbuckets[plen]; i++) {
			struct fib_prefix *p;

			for (p = tb->buckets[plen][i]; p && n < total; p = p->hnext)
				v[n++] = p;
		}
	qsort(v, n, sizeof(*v), fib_prefix_cmp);
	*np = n;
	return v;
}

int fib_table_walk(struct fib_table *tb,
		   int (*fn)(struct fib_table *tb, struct fib_prefix *p,
			     struct fib_alias *fa, void *arg),
		   void *arg)
{
	struct fib_prefix **v;
	size_t n = 0, i;
	int ret = 0;

	v = fib_collect_prefixes(tb->tb_data, &n);
	if (!v)
		return -ENOMEM;
	for (i = 0; i < n && !ret; i++) {
		struct fib_alias *fa;

		list_for_each_entry(fa, &v[i]->aliases, fa_list) {
			if (fa->tb_id != tb->tb_id)
				continue;
			ret = fn(tb, v[i], fa, arg);
			if (ret)
				break;
		}
	}
	free(v);
	return ret;
}

static bool fib_prefix_has_table(const struct fib_prefix *p, u32 tb_id)
{
	const struct fib_alias *fa;

	list_for_each_entry(fa, &p->aliases, fa_list)
		if (fa->tb_id == tb_id)
			return true;
	return false;
}

/* fib_trie_unmerge(): tb (local) gets prefixes of its own and its aliases
 * move there from the table it shared, in their order.  All prefixes are
 * made before any alias moves, so a failed allocation leaves both tables
 * as they were (-ENOMEM). */
int fib_trie_unmerge(struct fib_table *tb)
{
	struct fib_table *t = tb->tb_data;
	struct fib_prefix **v;
	size_t n = 0, i;

	if (t == tb)
		return 0;
	v = fib_collect_prefixes(t, &n);
	if (!v)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		if (fib_prefix_has_table(v[i], tb->tb_id) &&
		    !fib_insert_prefix(tb, v[i]->key, v[i]->plen)) {
			fib_trie_clear(tb, false);
			free(v);
			return -ENOMEM;
		}
	}
	for (i = 0; i < n; i++) {
		struct fib_prefix *own = fib_find_prefix(tb, v[i]->key, v[i]->plen);
		struct fib_alias *fa, *next;

		if (!own)
			continue;
		list_for_each_entry_safe(fa, next, &v[i]->aliases, fa_list) {
			if (fa->tb_id != tb->tb_id)
				continue;
			list_del(&fa->fa_list);
			list_add_tail(&fa->fa_list, &own->aliases);
		}
		if (list_empty(&v[i]->aliases))
			fib_remove_prefix(t, v[i]);
	}
	free(v);
	tb->tb_data = tb;
	fib_small_rebuild(t);
	fib_small_rebuild(tb);
	return 0;
}
