/* IPVS schedulers (net/netfilter/ipvs/ip_vs_sched.c, ip_vs_rr.c, ip_vs_wrr.c,
 * ip_vs_lc.c, ip_vs_wlc.c, ip_vs_sh.c, ip_vs_mh.c): which real server a new
 * connection goes to, in the kernel's order.  A service's destinations are
 * a list with the newest first (list_add in __ip_vs_update_dest), and every
 * scheduler walks that list as Linux does, so the sequences are the
 * kernel's.  A destination is usable when its weight is above 0 and it is
 * not overloaded (u-threshold reached). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "linux/slab.h"
#include "net/ip_vs.h"

static bool dest_usable(const struct ip_vs_dest *dest)
{
	return !(dest->flags & IP_VS_DEST_F_OVERLOAD) && dest->weight > 0;
}

/* ---- rr: round robin (ip_vs_rr.c); sched_data is the last list node ---- */
static int rr_init_svc(struct ip_vs_service *svc)
{
	svc->sched_data = NULL;			/* NULL: the list head */
	return 0;
}

static void rr_done_svc(struct ip_vs_service *svc)
{
	svc->sched_data = NULL;			/* not allocated */
}

static int rr_dest_changed(struct ip_vs_service *svc, struct ip_vs_dest *dest, bool del)
{
	/* a deleted destination hands its place to the one before it */
	if (del && svc->sched_data == &dest->n_list) {
		struct list_head *prev = dest->n_list.prev;

		svc->sched_data = prev == &svc->destinations ? NULL : prev;
	}
	return 0;
}

static struct ip_vs_dest *rr_schedule(struct ip_vs_service *svc, const struct sk_buff *skb,
				      __be32 saddr, __be16 sport)
{
	struct list_head *p = svc->sched_data ? svc->sched_data : &svc->destinations;
	struct list_head *last = p, *q = p;

	(void)skb, (void)saddr, (void)sport;
	for (unsigned int pass = 0; pass < 2; pass++) {
		for (q = q->next; ; q = q->next) {
			struct ip_vs_dest *dest;

			if (q == &svc->destinations)
				break;
			dest = list_entry(q, struct ip_vs_dest, n_list);
			if (dest_usable(dest)) {
				svc->sched_data = q;
				return dest;
			}
			if (q == last)
				return NULL;
		}
		if (p == &svc->destinations)
			break;		/* started at the head: one pass saw them all */
	}
	return NULL;
}

static const struct ip_vs_scheduler ip_vs_rr_scheduler = {
	.name = "rr",
	.init_service = rr_init_svc,
	.done_service = rr_done_svc,
	.dest_changed = rr_dest_changed,
	.schedule = rr_schedule,
};

/* ---- wrr: weighted round robin (ip_vs_wrr.c) ---- */
struct ip_vs_wrr_mark {
	struct list_head *cl;			/* current dest or the head */
	int cw, mw, di;				/* current, maximum weight, interval */
};

static int gcd(int a, int b)
{
	while (b) {
		int t = a % b;

		a = b;
		b = t;
	}
	return a;
}

static int wrr_gcd_weight(const struct ip_vs_service *svc)
{
	const struct ip_vs_dest *dest;
	int g = 0;

	list_for_each_entry(dest, &svc->destinations, n_list)
		if (dest->weight > 0)
			g = g > 0 ? gcd(dest->weight, g) : dest->weight;
	return g ? g : 1;
}

static int wrr_max_weight(const struct ip_vs_service *svc)
{
	const struct ip_vs_dest *dest;
	int w = 0;

	list_for_each_entry(dest, &svc->destinations, n_list)
		if (dest->weight > w)
			w = dest->weight;
	return w;
}

static int wrr_init_svc(struct ip_vs_service *svc)
{
	struct ip_vs_wrr_mark *mark = kmalloc(sizeof(*mark));

	if (!mark)
		return -ENOMEM;
	mark->cl = &svc->destinations;
	mark->di = wrr_gcd_weight(svc);
	mark->mw = wrr_max_weight(svc) - (mark->di - 1);
	mark->cw = mark->mw;
	svc->sched_data = mark;
	return 0;
}

static int wrr_dest_changed(struct ip_vs_service *svc, struct ip_vs_dest *dest, bool del)
{
	struct ip_vs_wrr_mark *mark = svc->sched_data;

	(void)dest;
	if (del)
		return 0;	/* recomputed once it is off the list */
	mark->cl = &svc->destinations;
	mark->di = wrr_gcd_weight(svc);
	mark->mw = wrr_max_weight(svc) - (mark->di - 1);
	if (mark->cw > mark->mw || !mark->cw)
		mark->cw = mark->mw;
	else if (mark->di > 1)
		mark->cw = (mark->cw / mark->di) * mark->di + 1;
	return 0;
}

/* One pass over the destinations after the current one for weight >= cw;
 * 1 found, 0 end of the list, -1 reached stop. */
static int wrr_pass(struct ip_vs_service *svc, struct ip_vs_wrr_mark *mark,
		    struct list_head **pos, struct list_head *stop)
{
	for (struct list_head *q = (*pos)->next; q != &svc->destinations; q = q->next) {
		struct ip_vs_dest *dest = list_entry(q, struct ip_vs_dest, n_list);

		*pos = q;
		if (!(dest->flags & IP_VS_DEST_F_OVERLOAD) && dest->weight >= mark->cw)
			return 1;
		if (q == stop)
			return -1;
	}
	*pos = &svc->destinations;
	return 0;
}

static struct ip_vs_dest *wrr_schedule(struct ip_vs_service *svc, const struct sk_buff *skb,
				       __be32 saddr, __be16 sport)
{
	struct ip_vs_wrr_mark *mark = svc->sched_data;
	struct list_head *pos = mark->cl, *last = mark->cl, *stop = NULL;
	bool last_pass = false, restarted = false;
	int r;

	(void)skb, (void)saddr, (void)sport;
	if (mark->mw == 0)
		return NULL;
	for (;;) {
		r = wrr_pass(svc, mark, &pos, stop);
		if (r == 1) {
			mark->cl = pos;
			return list_entry(pos, struct ip_vs_dest, n_list);
		}
		if (r < 0)
			break;
		mark->cw -= mark->di;
		if (mark->cw <= 0) {
			mark->cw = mark->mw;
			if (last_pass || last == &svc->destinations)
				break;
			restarted = true;
		}
		last_pass = mark->cw <= mark->di;
		if (last_pass && restarted && last != &svc->destinations)
			stop = last;
	}
	mark->cl = pos;
	return NULL;
}

static const struct ip_vs_scheduler ip_vs_wrr_scheduler = {
	.name = "wrr",
	.init_service = wrr_init_svc,
	.dest_changed = wrr_dest_changed,
	.schedule = wrr_schedule,
};

/* ---- lc: least connections (ip_vs_lc.c) ---- */
static struct ip_vs_dest *lc_schedule(struct ip_vs_service *svc, const struct sk_buff *skb,
				      __be32 saddr, __be16 sport)
{
	struct ip_vs_dest *dest, *least = NULL;
	int loh = 0;

	(void)skb, (void)saddr, (void)sport;
	list_for_each_entry(dest, &svc->destinations, n_list) {
		int doh;

		if ((dest->flags & IP_VS_DEST_F_OVERLOAD) || dest->weight == 0)
			continue;
		doh = ip_vs_dest_conn_overhead(dest);
		if (!least || doh < loh) {
			least = dest;
			loh = doh;
		}
	}
	return least;
}

static const struct ip_vs_scheduler ip_vs_lc_scheduler = {
	.name = "lc",
	.schedule = lc_schedule,
};

/* ---- wlc: weighted least connections (ip_vs_wlc.c) ---- */
static struct ip_vs_dest *wlc_schedule(struct ip_vs_service *svc, const struct sk_buff *skb,
				       __be32 saddr, __be16 sport)
{
	struct ip_vs_dest *dest, *least = NULL;
	s64 loh = 0;

	(void)skb, (void)saddr, (void)sport;
	list_for_each_entry(dest, &svc->destinations, n_list) {
		s64 doh;

		if (dest->flags & IP_VS_DEST_F_OVERLOAD)
			continue;
		if (!least) {
			if (dest->weight <= 0)
				continue;
			least = dest;
			loh = ip_vs_dest_conn_overhead(dest);
			continue;
		}
		doh = ip_vs_dest_conn_overhead(dest);
		if (loh * dest->weight > doh * least->weight) {
			least = dest;
			loh = doh;
		}
	}
	return least;
}

static const struct ip_vs_scheduler ip_vs_wlc_scheduler = {
	.name = "wlc",
	.schedule = wlc_schedule,
};

/* ---- sh: source hashing (ip_vs_sh.c), 256 buckets ---- */
#define IP_VS_SH_TAB_BITS 8
#define IP_VS_SH_TAB_SIZE (1u << IP_VS_SH_TAB_BITS)
#define GOLDEN_RATIO_32 0x61C88647u

struct ip_vs_sh_state {
	struct ip_vs_dest *buckets[IP_VS_SH_TAB_SIZE];
};

static u32 hash_32(u32 val, unsigned int bits)
{
	return (val * GOLDEN_RATIO_32) >> (32 - bits);
}

/* ip_vs_sh_reassign: each destination takes `weight` buckets in a row,
 * the list repeating until the table is full. */
static int sh_dest_changed(struct ip_vs_service *svc, struct ip_vs_dest *dest, bool del)
{
	struct ip_vs_sh_state *s = svc->sched_data;
	struct list_head *p = &svc->destinations;
	int d_count = 0;

	(void)dest;
	if (del)
		return 0;
	for (unsigned int i = 0; i < IP_VS_SH_TAB_SIZE; i++) {
		struct ip_vs_dest *d;

		if (list_empty(&svc->destinations)) {
			s->buckets[i] = NULL;
			continue;
		}
		if (p == &svc->destinations)
			p = p->next;
		d = list_entry(p, struct ip_vs_dest, n_list);
		s->buckets[i] = d;
		if (++d_count >= d->weight) {
			p = p->next;
			d_count = 0;
		}
	}
	return 0;
}

static int sh_init_svc(struct ip_vs_service *svc)
{
	svc->sched_data = kzalloc(sizeof(struct ip_vs_sh_state));
	if (!svc->sched_data)
		return -ENOMEM;
	return sh_dest_changed(svc, NULL, false);
}

static struct ip_vs_dest *sh_schedule(struct ip_vs_service *svc, const struct sk_buff *skb,
				      __be32 saddr, __be16 sport)
{
	struct ip_vs_sh_state *s = svc->sched_data;
	struct ip_vs_dest *dest;

	(void)skb, (void)sport;	/* the port counts only with sh-port */
	dest = s->buckets[hash_32(ntohl(saddr), IP_VS_SH_TAB_BITS) % IP_VS_SH_TAB_SIZE];
	return dest && dest_usable(dest) ? dest : NULL;
}

static const struct ip_vs_scheduler ip_vs_sh_scheduler = {
	.name = "sh",
	.init_service = sh_init_svc,
	.dest_changed = sh_dest_changed,
	.schedule = sh_schedule,
};

/* ---- mh: maglev hashing (ip_vs_mh.c), 4093 slots, hsiphash keys ---- */
#define IP_VS_MH_TAB_SIZE 4093
#define IP_VS_MH_TAB_BITS 5			/* ilog2(4093) / 2 */

struct ip_vs_mh_state {
	struct ip_vs_dest *lookup[IP_VS_MH_TAB_SIZE];
	int gcd, rshift;
};

#define ROTL64(x, b) (((x) << (b)) | ((x) >> (64 - (b))))
#define SIPROUND(v0, v1, v2, v3) do { \
	v0 += v1; v1 = ROTL64(v1, 13); v1 ^= v0; v0 = ROTL64(v0, 32); \
	v2 += v3; v3 = ROTL64(v3, 16); v3 ^= v2; \
	v0 += v3; v3 = ROTL64(v3, 21); v3 ^= v0; \
	v2 += v1; v1 = ROTL64(v1, 17); v1 ^= v2; v2 = ROTL64(v2, 32); \
} while (0)

/* hsiphash() of a 4-byte value on a 64-bit kernel: SipHash-1-3 with the
 * key words of ip_vs_mh's generate_hash_secret(), truncated to 32 bits. */
static u32 hsiphash_u32(u32 v, u64 k0, u64 k1)
{
	u64 v0 = 0x736f6d6570736575ULL ^ k0, v1 = 0x646f72616e646f6dULL ^ k1;
	u64 v2 = 0x6c7967656e657261ULL ^ k0, v3 = 0x7465646279746573ULL ^ k1;
	u64 b = (4ULL << 56) | v;	/* le32 load on a little-endian value */

	v3 ^= b;
	SIPROUND(v0, v1, v2, v3);
	v0 ^= b;
	v2 ^= 0xff;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	return (u32)((v0 ^ v1) ^ (v2 ^ v3));
}

static u32 mh_hashkey(__be32 addr, __be16 port, int which)
{
	u64 k = which == 1 ? 2654435761ULL : 2654435801ULL;

	return hsiphash_u32(ntohs(port) + ntohl(addr), k, k);
}

struct mh_setup {
	unsigned int offset, skip, perm, turns;
};

static void mh_weights(struct ip_vs_service *svc, struct ip_vs_mh_state *s)
{
	struct ip_vs_dest *dest;
	int g = 0, mw = 0, fls = 0;

	list_for_each_entry(dest, &svc->destinations, n_list)
		if (dest->last_weight > 0)
			g = g > 0 ? gcd(dest->last_weight, g) : dest->last_weight;
	s->gcd = g;
	s->rshift = 0;
	if (g < 1)
		return;
	list_for_each_entry(dest, &svc->destinations, n_list)
		if (dest->last_weight > mw)
			mw = dest->last_weight;
	for (int v = mw / g; v; v >>= 1)
		fls++;
	s->rshift = fls - IP_VS_MH_TAB_BITS > 0 ? fls - IP_VS_MH_TAB_BITS : 0;
}

/* ip_vs_mh_permutate + ip_vs_mh_populate */
static void mh_fill(struct ip_vs_service *svc, struct ip_vs_mh_state *s, struct mh_setup *ds,
		    unsigned char *used)
{
	struct list_head *p = &svc->destinations;
	unsigned int n = 0, dt_count = 0;

	while (n < IP_VS_MH_TAB_SIZE) {
		struct mh_setup *d = ds;

		if (p == &svc->destinations)
			p = p->next;
		while (p != &svc->destinations) {
			unsigned int c;

			if (d->turns < 1) {
				p = p->next;
				d++;
				continue;
			}
			for (c = d->perm; used[c]; c = d->perm) {
				d->perm += d->skip;
				if (d->perm >= IP_VS_MH_TAB_SIZE)
					d->perm -= IP_VS_MH_TAB_SIZE;
			}
			used[c] = 1;
			s->lookup[c] = list_entry(p, struct ip_vs_dest, n_list);
			if (++n == IP_VS_MH_TAB_SIZE)
				return;
			if (++dt_count >= d->turns) {
				dt_count = 0;
				p = p->next;
				d++;
			}
		}
	}
}

static int mh_dest_changed(struct ip_vs_service *svc, struct ip_vs_dest *unused, bool del)
{
	struct ip_vs_mh_state *s = svc->sched_data;
	struct ip_vs_dest *dest;
	struct mh_setup *ds;
	unsigned char *used;
	unsigned int i = 0;

	(void)unused;
	if (del)
		return 0;
	memset(s->lookup, 0, sizeof(s->lookup));
	mh_weights(svc, s);
	if (s->gcd < 1 || !svc->num_dests)
		return 0;
	ds = kcalloc(svc->num_dests, sizeof(*ds));
	used = kcalloc(IP_VS_MH_TAB_SIZE, 1);
	if (!ds || !used) {
		free(ds);
		free(used);
		return -ENOMEM;
	}
	list_for_each_entry(dest, &svc->destinations, n_list) {
		int lw = dest->last_weight;

		ds[i].offset = mh_hashkey(dest->addr, dest->port, 1) % IP_VS_MH_TAB_SIZE;
		ds[i].skip = mh_hashkey(dest->addr, dest->port, 2) % (IP_VS_MH_TAB_SIZE - 1) + 1;
		ds[i].perm = ds[i].offset;
		ds[i].turns = (unsigned int)((lw / s->gcd) >> s->rshift);
		if (!ds[i].turns)
			ds[i].turns = lw != 0;
		i++;
	}
	mh_fill(svc, s, ds, used);
	free(ds);
	free(used);
	return 0;
}

static int mh_init_svc(struct ip_vs_service *svc)
{
	svc->sched_data = kzalloc(sizeof(struct ip_vs_mh_state));
	if (!svc->sched_data)
		return -ENOMEM;
	return mh_dest_changed(svc, NULL, false);
}

static struct ip_vs_dest *mh_schedule(struct ip_vs_service *svc, const struct sk_buff *skb,
				      __be32 saddr, __be16 sport)
{
	struct ip_vs_mh_state *s = svc->sched_data;
	struct ip_vs_dest *dest;

	(void)skb, (void)sport;	/* the port counts only with mh-port */
	dest = s->lookup[mh_hashkey(saddr, 0, 1) % IP_VS_MH_TAB_SIZE];
	return dest && dest_usable(dest) ? dest : NULL;
}

static const struct ip_vs_scheduler ip_vs_mh_scheduler = {
	.name = "mh",
	.init_service = mh_init_svc,
	.dest_changed = mh_dest_changed,
	.schedule = mh_schedule,
};

/* The registered schedulers (register_ip_vs_scheduler). */
static const struct ip_vs_scheduler *const ip_vs_schedulers[] = {
	&ip_vs_rr_scheduler, &ip_vs_wrr_scheduler, &ip_vs_lc_scheduler,
	&ip_vs_wlc_scheduler, &ip_vs_sh_scheduler, &ip_vs_mh_scheduler,
};

const struct ip_vs_scheduler *ip_vs_scheduler_get(const char *name)
{
	for (size_t i = 0; i < sizeof(ip_vs_schedulers) / sizeof(ip_vs_schedulers[0]); i++)
		if (!strcmp(ip_vs_schedulers[i]->name, name))
			return ip_vs_schedulers[i];
	return NULL;
}
