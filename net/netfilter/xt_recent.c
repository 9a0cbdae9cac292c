/* -m recent (net/netfilter/xt_recent.c): named per-namespace lists of
 * addresses (source or destination, under --mask) with the times they
 * were last seen.  --set adds or refreshes the address, --rcheck and
 * --update look it up (with --seconds and --hitcount over its recent
 * times, --rttl also comparing the TTL), --update refreshes it on a
 * match, --remove takes it out.  A list holds 200 addresses (the oldest
 * goes), each with 32 times, or the next power of two above the largest
 * --hitcount of the rules using the list (the list is emptied when that
 * grows), as Linux's module defaults make it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_more.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/ip.h"

#define RECENT_LIST_TOT 200		/* ip_list_tot */
#define RECENT_PKT_LIST_TOT 20		/* ip_pkt_list_tot */

struct recent_entry {
	struct recent_entry *next;
	__be32 addr;
	u8 ttl;
	unsigned int index, nstamps;
	u64 lru;			/* last update, for evicting the oldest */
	u64 stamps[];
};

struct recent_table {
	struct recent_table *next;
	char name[XT_RECENT_NAME_LEN];
	unsigned int refcnt, entries, nstamps_max;
	struct recent_entry *head;
};

static struct recent_table **recent_list(struct net *net)
{
	return (struct recent_table **)&net->gen[NETGEN_RECENT];
}

static void recent_entry_remove(struct recent_table *t, struct recent_entry *e)
{
	for (struct recent_entry **pp = &t->head; *pp; pp = &(*pp)->next)
		if (*pp == e) {
			*pp = e->next;
			free(e);
			t->entries--;
			return;
		}
}

static void recent_table_flush(struct recent_table *t)
{
	while (t->head)
		recent_entry_remove(t, t->head);
}

static struct recent_entry *recent_entry_lookup(struct recent_table *t, __be32 addr, u8 ttl)
{
	for (struct recent_entry *e = t->head; e; e = e->next)
		if (e->addr == addr && (!ttl || e->ttl == ttl))
			return e;
	return NULL;
}

static void recent_entry_update(struct recent_table *t, struct recent_entry *e, u64 now)
{
	e->index %= t->nstamps_max;
	e->stamps[e->index++] = now;
	if (e->index > e->nstamps)
		e->nstamps = e->index;
	e->lru = now;
}

static struct recent_entry *recent_entry_init(struct recent_table *t, __be32 addr, u8 ttl,
					      u64 now)
{
	struct recent_entry *e, *old = NULL;

	if (t->entries >= RECENT_LIST_TOT) {
		for (e = t->head; e; e = e->next)
			if (!old || e->lru < old->lru)
				old = e;
		recent_entry_remove(t, old);
	}
	e = kzalloc(sizeof(*e) + t->nstamps_max * sizeof(e->stamps[0]));
	if (!e)
		return NULL;
	e->addr = addr;
	e->ttl = ttl;
	recent_entry_update(t, e, now);
	e->next = t->head;
	t->head = e;
	t->entries++;
	return e;
}

/* --rcheck/--update with --seconds and/or --hitcount */
static bool recent_check_stamps(const struct xt_recent_mtinfo_v1 *info, struct recent_table *t,
				struct recent_entry *e, u64 now)
{
	u64 since = now > (u64)info->seconds * NSEC_PER_SEC ? now - (u64)info->seconds *
		    NSEC_PER_SEC : 0;
	unsigned int hits = 0;
	bool found = false;

	for (unsigned int i = 0; i < e->nstamps && !found; i++) {
		if (info->seconds && e->stamps[i] < since)
			continue;
		found = !info->hit_count || ++hits >= info->hit_count;
	}
	if (info->check_set & XT_RECENT_REAP) {	/* drop the times too old to count */
		unsigned int n = 0;

		for (unsigned int i = 0; i < e->nstamps; i++)
			if (e->stamps[i] >= since)
				e->stamps[n++] = e->stamps[i];
		e->nstamps = e->index = n;
		if (!n) {
			recent_entry_remove(t, e);
			return found;
		}
	}
	return found;
}

static bool recent_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_recent_mtinfo_v1 *info = par->matchinfo;
	struct recent_table *t = info->table;
	const struct iphdr *iph = ip_hdr(skb);
	u64 now = world_now(skb_world(skb));
	__be32 addr = (info->side == XT_RECENT_DEST ? iph->daddr : iph->saddr) & info->mask;
	u8 ttl = iph->ttl;
	bool ret = info->invert;
	struct recent_entry *e;

	if (xt_out(par) && !skb->sk)	/* the TTL as it was before forwarding */
		ttl++;
	e = recent_entry_lookup(t, addr, (info->check_set & XT_RECENT_TTL) ? ttl : 0);
	if (!e) {
		if (!(info->check_set & XT_RECENT_SET))
			return ret;
		if (!recent_entry_init(t, addr, ttl, now))
			par->hotdrop = true;
		return !ret;
	}
	if (info->check_set & XT_RECENT_SET) {
		ret = !ret;
	} else if (info->check_set & XT_RECENT_REMOVE) {
		recent_entry_remove(t, e);
		return !ret;
	} else if (info->seconds || info->hit_count) {
		bool reaped_all = (info->check_set & XT_RECENT_REAP) && info->seconds;

		if (recent_check_stamps(info, t, e, now))
			ret = !ret;
		if (reaped_all && !recent_entry_lookup(t, addr, (info->check_set & XT_RECENT_TTL) ?
						       ttl : 0))
			return ret;
	} else {
		ret = !ret;
	}
	if ((info->check_set & XT_RECENT_SET) ||
	    ((info->check_set & XT_RECENT_UPDATE) && ret != info->invert)) {
		recent_entry_update(t, e, now);
		e->ttl = ttl;
	}
	return ret;
}

static unsigned int recent_nstamps(const struct xt_recent_mtinfo_v1 *info)
{
	unsigned int n = 1, want = info->hit_count < RECENT_PKT_LIST_TOT ? RECENT_PKT_LIST_TOT :
				   info->hit_count;

	while (n < want)
		n <<= 1;
	return n;
}

static int recent_mt_check(const struct xt_mtchk_param *par)
{
	struct xt_recent_mtinfo_v1 *info = par->matchinfo;
	unsigned int ops = info->check_set & (XT_RECENT_SET | XT_RECENT_REMOVE | XT_RECENT_CHECK |
					      XT_RECENT_UPDATE);
	struct recent_table *t;

	if (!ops || (ops & (ops - 1)) || (info->check_set & ~XT_RECENT_VALID_FLAGS) ||
	    info->side > XT_RECENT_DEST)
		return -EINVAL;
	if ((info->check_set & (XT_RECENT_SET | XT_RECENT_REMOVE)) &&
	    (info->seconds || info->hit_count || (info->check_set & XT_RECENT_MODIFIERS)))
		return -EINVAL;
	if ((info->check_set & XT_RECENT_REAP) && !info->seconds)
		return -EINVAL;
	if (!info->name[0] || !memchr(info->name, '\0', sizeof(info->name)) ||
	    strchr(info->name, '/') || !strcmp(info->name, ".") || !strcmp(info->name, ".."))
		return -EINVAL;
	for (t = *recent_list(par->net); t && strcmp(t->name, info->name); t = t->next)
		;
	if (!t) {
		t = kzalloc(sizeof(*t));
		if (!t)
			return -ENOMEM;
		memcpy(t->name, info->name, sizeof(t->name));
		t->next = *recent_list(par->net);
		*recent_list(par->net) = t;
	}
	if (recent_nstamps(info) > t->nstamps_max) {
		recent_table_flush(t);
		t->nstamps_max = recent_nstamps(info);
	}
	t->refcnt++;
	info->table = t;
	return 0;
}

static void recent_mt_destroy(const struct xt_mtdtor_param *par)
{
	const struct xt_recent_mtinfo_v1 *info = par->matchinfo;
	struct recent_table *t = info->table, **pp;

	if (!t || --t->refcnt)
		return;
	for (pp = recent_list(par->net); *pp && *pp != t; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = t->next;
	recent_table_flush(t);
	free(t);
}

const struct xt_match xt_recent_match = {
	.name = "recent", .revision = 1, .family = NFPROTO_IPV4, .match = recent_mt,
	.checkentry = recent_mt_check, .destroy = recent_mt_destroy,
	.matchsize = sizeof(struct xt_recent_mtinfo_v1),
};
