/* -m hashlimit (net/netfilter/xt_hashlimit.c): a token bucket per flow,
 * the flow being the packet's addresses and ports as --hashlimit-mode
 * picks them (with --hashlimit-srcmask/-dstmask prefixes).  Rules that
 * name the same table share it and its buckets, per namespace; the first
 * rule's configuration makes the table, as in Linux.
 *
 * Credits are nanoseconds of the world's virtual clock (Linux: jiffies):
 * a packet costs avg / SCALE seconds, a bucket holds burst packets; in
 * byte mode a packet costs its length at the configured bytes per second
 * and a bucket holds burst * that rate (one second's worth without
 * --hashlimit-burst).  --hashlimit-rate-match counts packets (or bytes)
 * per window of `interval` seconds and matches while the flow stays
 * under rate * interval.  Idle entries expire after `expire` ms; a full
 * table (max entries) drops the packet (hotdrop), as Linux does. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/slab.h"
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_more.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/ip.h"

struct hl_dst {
	__be32 src, dst;
	__be16 sport, dport;
};

struct hl_ent {
	struct hl_ent *next;
	struct hl_dst dst;
	u64 expires;		/* ns */
	u64 prev;		/* last refill */
	u64 credit, cap, cost;	/* ns (packets) or bytes (byte mode) */
	u64 window_end, current;	/* rate-match */
	bool prev_over;
};

struct xt_hashlimit_htable {
	struct xt_hashlimit_htable *next;
	char name[XT_HASHLIMIT_NAME_LEN];
	struct hashlimit_cfg3 cfg;
	unsigned int use;		/* rules that reference it */
	unsigned int count;
	u64 next_gc;
	struct hl_ent *hash[];		/* cfg.size buckets */
};

#define HL_DEFAULT_SIZE 1024

static struct xt_hashlimit_htable **hl_list(struct net *net)
{
	return (struct xt_hashlimit_htable **)&net->gen[NETGEN_HASHLIMIT];
}

static __be32 hl_mask(__be32 addr, u8 plen)
{
	return plen ? addr & htonl(~0u << (32 - plen)) : 0;
}

static unsigned int hl_hash(const struct xt_hashlimit_htable *ht, const struct hl_dst *d)
{
	u32 h = d->src * 2654435761u ^ d->dst * 40503u ^ ((u32)d->sport << 16 | d->dport);

	return (h ^ h >> 15) % ht->cfg.size;
}

/* The flow of the packet; false for a non-first fragment when ports count. */
static bool hl_flow(const struct sk_buff *skb, struct xt_action_param *par,
		    const struct hashlimit_cfg3 *cfg, struct hl_dst *d)
{
	const struct iphdr *iph = ip_hdr(skb);
	u8 buf[4];
	const u8 *ports;

	memset(d, 0, sizeof(*d));
	if (cfg->mode & XT_HASHLIMIT_HASH_SIP)
		d->src = hl_mask(iph->saddr, cfg->srcmask);
	if (cfg->mode & XT_HASHLIMIT_HASH_DIP)
		d->dst = hl_mask(iph->daddr, cfg->dstmask);
	if (!(cfg->mode & (XT_HASHLIMIT_HASH_SPT | XT_HASHLIMIT_HASH_DPT)))
		return true;
	switch (iph->protocol) {
	case IPPROTO_TCP: case IPPROTO_UDP: case IPPROTO_UDPLITE: case IPPROTO_SCTP:
	case IPPROTO_DCCP:
		break;
	default:
		return true;
	}
	if (par->fragoff)
		return false;
	ports = xt_header_pointer(skb, (int)par->thoff, 4, buf);
	if (!ports)
		return false;
	if (cfg->mode & XT_HASHLIMIT_HASH_SPT)
		memcpy(&d->sport, ports, 2);
	if (cfg->mode & XT_HASHLIMIT_HASH_DPT)
		memcpy(&d->dport, ports + 2, 2);
	return true;
}

/* Bytes per second of a byte-mode cost (iptables' cost_to_bytes). */
static u64 hl_cost_to_bytes(u64 cost)
{
	u64 r = cost ? 0xFFFFFFFFu / cost : 0xFFFFFFFFu;

	return (r - 1) << XT_HASHLIMIT_BYTE_SHIFT;
}

static void hl_ent_init(const struct hashlimit_cfg3 *cfg, struct hl_ent *e, u64 now)
{
	e->prev = now;
	e->window_end = now + (u64)(cfg->interval ? cfg->interval : 1) * NSEC_PER_SEC;
	if (cfg->mode & XT_HASHLIMIT_BYTES) {
		e->cost = hl_cost_to_bytes(cfg->avg);	/* bytes per second */
		e->cap = e->cost * (cfg->burst ? cfg->burst : 1);
	} else {
		e->cost = cfg->avg * (NSEC_PER_SEC / XT_HASHLIMIT_SCALE_v2);
		e->cap = e->cost * cfg->burst;
	}
	e->credit = e->cap;
}

static void hl_refill(const struct hashlimit_cfg3 *cfg, struct hl_ent *e, u64 now)
{
	u64 dt = now - e->prev;

	e->prev = now;
	if (cfg->mode & XT_HASHLIMIT_BYTES)
		e->credit += dt / 1000 * e->cost / 1000000;	/* bytes earned in dt ns */
	else
		e->credit += dt;
	if (e->credit > e->cap)
		e->credit = e->cap;
}

static void hl_gc(struct xt_hashlimit_htable *ht, u64 now, bool all)
{
	for (unsigned int i = 0; i < ht->cfg.size; i++)
		for (struct hl_ent **pp = &ht->hash[i]; *pp;) {
			struct hl_ent *e = *pp;

			if (!all && e->expires > now) {
				pp = &e->next;
				continue;
			}
			*pp = e->next;
			free(e);
			ht->count--;
		}
	ht->next_gc = now + (u64)ht->cfg.gc_interval * 1000000;
}

static struct hl_ent *hl_find_or_add(struct xt_hashlimit_htable *ht, const struct hl_dst *d,
				     u64 now)
{
	unsigned int h = hl_hash(ht, d);
	struct hl_ent *e;

	for (e = ht->hash[h]; e; e = e->next)
		if (!memcmp(&e->dst, d, sizeof(*d)))
			break;
	if (e && e->expires <= now) {		/* idle too long: a new flow */
		hl_ent_init(&ht->cfg, e, now);
		e->current = 0;
		e->prev_over = false;
	}
	if (e)
		return e;
	if (ht->count >= ht->cfg.max || !(e = kzalloc(sizeof(*e))))
		return NULL;
	e->dst = *d;
	hl_ent_init(&ht->cfg, e, now);
	e->next = ht->hash[h];
	ht->hash[h] = e;
	ht->count++;
	return e;
}

/* --hashlimit-rate-match: under rate * interval in this window and the last. */
static bool hl_rate_match(const struct hashlimit_cfg3 *cfg, struct hl_ent *e, u64 now,
			  unsigned int len)
{
	u64 rate = cfg->mode & XT_HASHLIMIT_BYTES ? hl_cost_to_bytes(cfg->avg) :
		   XT_HASHLIMIT_SCALE_v2 / cfg->avg;
	u64 limit = rate * cfg->interval;

	if (now >= e->window_end) {
		e->prev_over = now < e->window_end + (u64)cfg->interval * NSEC_PER_SEC &&
			       e->current > limit;
		e->current = 0;
		e->window_end = now + (u64)cfg->interval * NSEC_PER_SEC;
	}
	e->current += cfg->mode & XT_HASHLIMIT_BYTES ? len : 1;
	return !e->prev_over && e->current <= limit;
}

static bool hashlimit_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_hashlimit_mtinfo3 *info = par->matchinfo;
	struct xt_hashlimit_htable *ht = info->hinfo;
	const struct hashlimit_cfg3 *cfg = &ht->cfg;
	u64 now = world_now(skb_world(skb)), cost;
	bool inv = info->cfg.mode & XT_HASHLIMIT_INVERT;
	struct hl_dst d;
	struct hl_ent *e;

	if (now >= ht->next_gc)
		hl_gc(ht, now, false);
	if (!hl_flow(skb, par, cfg, &d) || !(e = hl_find_or_add(ht, &d, now))) {
		par->hotdrop = true;
		return false;
	}
	e->expires = now + (u64)cfg->expire * 1000000;
	if (cfg->mode & XT_HASHLIMIT_RATE_MATCH)
		return hl_rate_match(cfg, e, now, skb->len) ^ inv;
	hl_refill(cfg, e, now);
	cost = cfg->mode & XT_HASHLIMIT_BYTES ? skb->len : e->cost;
	if (e->credit >= cost) {
		e->credit -= cost;
		return !inv;
	}
	return inv;
}

static struct xt_hashlimit_htable *hl_create(struct net *net, const struct xt_hashlimit_mtinfo3 *info)
{
	u32 size = info->cfg.size ? info->cfg.size : HL_DEFAULT_SIZE;
	struct xt_hashlimit_htable *ht = kzalloc(sizeof(*ht) + size * sizeof(ht->hash[0]));

	if (!ht)
		return NULL;
	memcpy(ht->name, info->name, sizeof(ht->name));
	ht->cfg = info->cfg;
	ht->cfg.size = size;
	if (!ht->cfg.max)
		ht->cfg.max = 8 * size;
	ht->next_gc = world_now(net->world) + (u64)ht->cfg.gc_interval * 1000000;
	ht->next = *hl_list(net);
	*hl_list(net) = ht;
	return ht;
}

static int hashlimit_check_cfg(const struct hashlimit_cfg3 *cfg)
{
	if (cfg->gc_interval == 0 || cfg->expire == 0 || cfg->srcmask > 32 || cfg->dstmask > 32 ||
	    cfg->mode & ~(u64)XT_HASHLIMIT_ALL)
		return -EINVAL;
	if (cfg->mode & XT_HASHLIMIT_RATE_MATCH) {
		if (cfg->avg == 0 || cfg->avg > 0xFFFFFFFFu)
			return -ERANGE;
		return cfg->interval == 0 ? -EINVAL : 0;
	}
	if (cfg->mode & XT_HASHLIMIT_BYTES)
		return cfg->avg == 0 ? -ERANGE : 0;
	if (cfg->burst == 0 || cfg->avg == 0 || cfg->avg > 0xFFFFFFFFFFFFull / cfg->burst)
		return -ERANGE;
	return 0;
}

static int hashlimit_mt_check(const struct xt_mtchk_param *par)
{
	struct xt_hashlimit_mtinfo3 *info = par->matchinfo;
	struct xt_hashlimit_htable *ht;
	int err = hashlimit_check_cfg(&info->cfg);

	if (err)
		return err;
	if (!info->name[0] || memchr(info->name, '\0', sizeof(info->name)) == NULL ||
	    strchr(info->name, '/'))
		return -EINVAL;
	for (ht = *hl_list(par->net); ht; ht = ht->next)
		if (!strcmp(ht->name, info->name))
			break;
	if (!ht && !(ht = hl_create(par->net, info)))
		return -ENOMEM;
	ht->use++;
	info->hinfo = ht;
	return 0;
}

static void hashlimit_mt_destroy(const struct xt_mtdtor_param *par)
{
	const struct xt_hashlimit_mtinfo3 *info = par->matchinfo;
	struct xt_hashlimit_htable *ht = info->hinfo, **pp;

	if (!ht || --ht->use)
		return;
	for (pp = hl_list(par->net); *pp && *pp != ht; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = ht->next;
	hl_gc(ht, 0, true);
	free(ht);
}

const struct xt_match xt_hashlimit_match = {
	.name = "hashlimit", .revision = 3, .family = NFPROTO_IPV4, .match = hashlimit_mt,
	.checkentry = hashlimit_mt_check, .destroy = hashlimit_mt_destroy,
	.matchsize = sizeof(struct xt_hashlimit_mtinfo3),
};
