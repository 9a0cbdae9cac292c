/* Destination index for long chains (skbox's addition to ip_tables.c).
 *
 * A kube-proxy KUBE-SERVICES chain holds one `-d CLUSTER-IP/32 ...` rule
 * per service; Linux tries them one by one.  At replace time, each run of
 * at least IPT_INDEX_MIN consecutive rules that all require an exact
 * destination address (-d A/32, not inverted) becomes a segment with a
 * hash from that address to the segment's rules, in order.  The walk
 * (ip_tables_walk.c) then jumps straight to the first rule of the segment
 * that can match the packet's destination — the same rule the linear walk
 * would have reached, since no other rule of the segment can match. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "ip_tables_priv.h"

#define IPT_INDEX_MIN 16

struct ipt_seg_slot {
	__be32 dst;
	u32 first;		/* into seg->rules */
	u32 count;		/* 0: empty slot */
};

struct ipt_seg {
	u32 start, end;			/* rule indexes [start, end) */
	u32 mask;			/* slots - 1 */
	struct ipt_seg_slot *slots;
	u32 *rules;			/* rule indexes grouped by destination, ascending */
};

struct ipt_chain_index {
	u32 nsegs;
	struct ipt_seg *segs;
	int *rule_seg;			/* per rule: segment number or -1 */
};

static bool rule_exact_dst(const struct ipt_rule *r)
{
	return r->ip.dmsk == 0xFFFFFFFFu && !(r->ip.invflags & IPT_INV_DSTIP);
}

/* All bits of the address reach the low bits used as the slot (a
 * multiplicative hash alone leaves them to the first octets, which are
 * the same for a whole service range). */
static u32 dst_hash(__be32 dst)
{
	u32 h = (u32)dst;

	h ^= h >> 16;
	h *= 0x45d9f3bu;
	h ^= h >> 16;
	h *= 0x45d9f3bu;
	return h ^ (h >> 16);
}

static int pair_cmp(const void *a, const void *b)
{
	const u64 *x = a, *y = b;

	return *x < *y ? -1 : *x > *y;
}

static int seg_build(struct ipt_seg *seg, const struct ipt_chain *ch)
{
	u32 n = seg->end - seg->start, slots = 16;
	u64 *pairs = kmalloc(n * sizeof(*pairs));

	while (slots < n * 2)
		slots *= 2;
	seg->mask = slots - 1;
	seg->slots = kcalloc(slots, sizeof(*seg->slots));
	seg->rules = kmalloc(n * sizeof(*seg->rules));
	if (!pairs || !seg->slots || !seg->rules) {
		free(pairs);
		return -ENOMEM;
	}
	for (u32 i = 0; i < n; i++)
		pairs[i] = (u64)ch->rules[seg->start + i].ip.dst << 32 | (seg->start + i);
	qsort(pairs, n, sizeof(*pairs), pair_cmp);
	for (u32 i = 0; i < n;) {
		__be32 dst = (__be32)(pairs[i] >> 32);
		u32 h = dst_hash(dst) & seg->mask, j = i;

		while (seg->slots[h].count)
			h = (h + 1) & seg->mask;
		seg->slots[h].dst = dst;
		seg->slots[h].first = i;
		for (; j < n && (__be32)(pairs[j] >> 32) == dst; j++)
			seg->rules[j] = (u32)pairs[j];
		seg->slots[h].count = j - i;
		i = j;
	}
	free(pairs);
	return 0;
}

static void chain_index_free(struct ipt_chain_index *ci)
{
	if (!ci)
		return;
	for (u32 s = 0; s < ci->nsegs; s++) {
		free(ci->segs[s].slots);
		free(ci->segs[s].rules);
	}
	free(ci->segs);
	free(ci->rule_seg);
	free(ci);
}

static int chain_segments(const struct ipt_chain *ch, struct ipt_chain_index **out)
{
	struct ipt_chain_index *ci = NULL;
	u32 i = 0;

	*out = NULL;
	while (i < ch->nrules) {
		u32 j = i;

		while (j < ch->nrules && rule_exact_dst(&ch->rules[j]))
			j++;
		if (j - i >= IPT_INDEX_MIN) {
			struct ipt_seg *segs;

			if (!ci && !(ci = kzalloc(sizeof(*ci))))
				return -ENOMEM;
			segs = krealloc(ci->segs, (ci->nsegs + 1) * sizeof(*segs));
			if (!segs)
				goto err;
			ci->segs = segs;
			memset(&segs[ci->nsegs], 0, sizeof(*segs));
			segs[ci->nsegs].start = i;
			segs[ci->nsegs].end = j;
			if (seg_build(&segs[ci->nsegs++], ch))
				goto err;
		}
		i = j > i ? j : i + 1;
	}
	if (!ci)
		return 0;
	ci->rule_seg = kmalloc(ch->nrules * sizeof(*ci->rule_seg));
	if (!ci->rule_seg)
		goto err;
	for (i = 0; i < ch->nrules; i++)
		ci->rule_seg[i] = -1;
	for (u32 s = 0; s < ci->nsegs; s++)
		for (i = ci->segs[s].start; i < ci->segs[s].end; i++)
			ci->rule_seg[i] = (int)s;
	*out = ci;
	return 0;
err:
	chain_index_free(ci);
	return -ENOMEM;
}

void ipt_index_free(struct ipt_net_table *t)
{
	for (u32 c = 0; t->index && c < t->nindex; c++)
		chain_index_free(t->index[c]);
	free(t->index);
	t->index = NULL;
	t->nindex = 0;
}

/* Builds the index of every chain of t->info; on failure the walk is
 * simply linear. */
void ipt_index_build(struct ipt_net_table *t)
{
	const struct xt_table_info *info = t->info;

	ipt_index_free(t);
	t->index = kcalloc(info->nchains ? info->nchains : 1, sizeof(*t->index));
	if (!t->index)
		return;
	t->nindex = info->nchains;
	for (u32 c = 0; c < info->nchains; c++)
		if (chain_segments(&info->chains[c], &t->index[c])) {
			ipt_index_free(t);
			return;
		}
}

/* The first rule at or after `rule` that the walk must try for a packet
 * to dst: `rule` itself unless it lies in an indexed segment. */
u32 ipt_index_next(const struct ipt_net_table *t, u32 chain, u32 rule, __be32 dst)
{
	const struct ipt_chain_index *ci = t->index ? t->index[chain] : NULL;
	const struct ipt_seg *seg;
	u32 h;

	if (!ci || ci->rule_seg[rule] < 0)
		return rule;
	seg = &ci->segs[ci->rule_seg[rule]];
	for (h = dst_hash(dst) & seg->mask; seg->slots[h].count; h = (h + 1) & seg->mask) {
		const struct ipt_seg_slot *sl = &seg->slots[h];

		if (sl->dst != dst)
			continue;
		for (u32 k = 0; k < sl->count; k++)
			if (seg->rules[sl->first + k] >= rule)
				return seg->rules[sl->first + k];
		break;
	}
	return seg->end;
}
