/* netem (net/sched/sch_netem.c): a bad link in a qdisc.  Each packet may be
 * lost, duplicated or corrupted (one flipped bit), then waits latency ±
 * jitter (uniform) — plus its transmission time at `rate` behind the
 * packets before it — in a queue sorted by send time; with `reorder P gap
 * N`, after N−1 delayed packets one may go at once, ahead of the others.
 * Random numbers come from the world's seeded RNG, so a script gives the
 * same drops every run.  Correlations are accepted and shown but not used
 * (Linux deprecates them too). */
#include <stdint.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/sch_generic.h"
#include "net/world.h"

struct netem_sched_data {
	struct tc_qopt opt;
	u32 counter;			/* packets delayed since the last reordered one */
};

/* the send time rides in the end of the skb's control block */
#define NETEM_CB_OFF (sizeof(((struct sk_buff *)0)->cb) - sizeof(u64))

static u64 netem_time(const struct sk_buff *skb)
{
	u64 t;

	memcpy(&t, skb->cb + NETEM_CB_OFF, sizeof(t));
	return t;
}

static void netem_set_time(struct sk_buff *skb, u64 t)
{
	memcpy(skb->cb + NETEM_CB_OFF, &t, sizeof(t));
}

static struct world *qworld(const struct Qdisc *q)
{
	return dev_net(q->dev)->world;
}

/* true with probability p / 2^32 */
static bool chance(struct Qdisc *q, u32 p)
{
	return p && (u32)(world_random_u64(qworld(q)) >> 32) < p;
}

/* Inserted after the last packet due no later (tfifo). */
static void tfifo_enqueue(struct Qdisc *q, struct sk_buff *skb)
{
	struct sk_buff *head = (struct sk_buff *)&q->q, *p = q->q.prev;
	u64 t = netem_time(skb);

	while (p != head && netem_time(p) > t)
		p = p->prev;
	skb->prev = p;
	skb->next = p->next;
	p->next->prev = skb;
	p->next = skb;
	q->q.qlen++;
	q->backlog += skb->len;
}

static u64 netem_delay(struct Qdisc *q, const struct sk_buff *skb, u64 now)
{
	struct netem_sched_data *d = qdisc_priv(q);
	u64 delay = d->opt.latency_ns;

	if (d->opt.jitter_ns) {
		u64 span = 2 * d->opt.jitter_ns + 1;
		u64 r = world_random_u64(qworld(q)) % span;

		delay = delay + r >= d->opt.jitter_ns ? delay + r - d->opt.jitter_ns : 0;
	}
	if (d->opt.rate_bps) {
		u64 last = skb_queue_len(&q->q) ? netem_time(q->q.prev) : now;

		if (last > now + delay)
			delay = last - now;
		delay += (u64)skb->len * 1000000000ULL / d->opt.rate_bps;
	}
	return now + delay;
}

static void netem_corrupt(struct Qdisc *q, struct sk_buff *skb)
{
	unsigned int len = skb_headlen(skb);

	if (!len || skb_cloned(skb))
		return;
	skb->data[world_random_u64(qworld(q)) % len] ^= (u8)(1u << (world_random_u64(qworld(q)) % 8));
}

static int netem_enqueue(struct sk_buff *skb, struct Qdisc *q)
{
	struct netem_sched_data *d = qdisc_priv(q);
	u64 now = qdisc_now(q);
	int count = 1;

	if (chance(q, d->opt.duplicate))
		count++;
	if (chance(q, d->opt.loss))
		count--;
	if (!count) {		/* lost: the sender is not told */
		q->drops++;
		kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
		return NET_XMIT_SUCCESS;
	}
	if (chance(q, d->opt.corrupt))
		netem_corrupt(q, skb);
	if (skb_queue_len(&q->q) >= q->limit)
		return qdisc_drop(skb, q);
	if (count > 1) {
		struct sk_buff *dup = skb_copy(skb);

		if (dup && skb_queue_len(&q->q) + 1 < q->limit) {
			netem_set_time(dup, netem_delay(q, dup, now));
			tfifo_enqueue(q, dup);
		} else if (dup) {
			qdisc_drop(dup, q);
		}
	}
	if (!d->opt.gap || d->counter < d->opt.gap - 1 || !chance(q, d->opt.reorder)) {
		netem_set_time(skb, netem_delay(q, skb, now));
		d->counter++;
		tfifo_enqueue(q, skb);
	} else {		/* reordered: out now, ahead of the delayed ones */
		netem_set_time(skb, now);
		d->counter = 0;
		__skb_queue_head(&q->q, skb);
		q->backlog += skb->len;
	}
	return NET_XMIT_SUCCESS;
}

static struct sk_buff *netem_dequeue(struct Qdisc *q)
{
	struct sk_buff *skb = skb_peek(&q->q);

	if (!skb)
		return NULL;
	if (netem_time(skb) > qdisc_now(q)) {
		qdisc_watchdog_schedule(q, netem_time(skb));
		return NULL;
	}
	__skb_unlink(skb, &q->q);
	q->backlog -= skb->len;
	memset(skb->cb + NETEM_CB_OFF, 0, sizeof(u64));
	return skb;
}

static void netem_reset(struct Qdisc *q)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(&q->q)))
		kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
	q->backlog = 0;
}

static int netem_init(struct Qdisc *q, const struct tc_qopt *opt)
{
	struct netem_sched_data *d = qdisc_priv(q);

	d->opt = opt ? *opt : (struct tc_qopt){ 0 };
	q->limit = opt && opt->has_limit ? opt->limit : 1000;
	return 0;
}

static void print_time(FILE *out, const char *sep, u64 ns)
{
	if (ns >= 1000000000ULL)
		fprintf(out, "%s%.1fs", sep, (double)ns / 1e9);
	else if (ns >= 1000000)
		fprintf(out, "%s%.1fms", sep, (double)ns / 1e6);
	else if (ns >= 1000)
		fprintf(out, "%s%.1fus", sep, (double)ns / 1e3);
	else
		fprintf(out, "%s%lluns", sep, (unsigned long long)ns);
}

static void print_pct(FILE *out, const char *name, u32 p, u32 corr)
{
	if (!p)
		return;
	fprintf(out, " %s %g%%", name, 100.0 * p / UINT32_MAX);
	if (corr)
		fprintf(out, " %g%%", 100.0 * corr / UINT32_MAX);
}

static void print_rate(FILE *out, u64 bytes_per_s)
{
	static const char *const units[] = { "bit", "Kbit", "Mbit", "Gbit", "Tbit" };
	double r = (double)bytes_per_s * 8;
	size_t i = 0;

	while (i + 1 < sizeof(units) / sizeof(units[0]) && r >= 1000 &&
	       (r < 1000000 ? (u64)r % 1000 == 0 : true)) {
		r /= 1000;
		i++;
	}
	fprintf(out, " rate %.0f%s", r, units[i]);
}

static void netem_dump(const struct Qdisc *q, FILE *out)
{
	const struct netem_sched_data *d = (const void *)q->priv;

	fprintf(out, "limit %u", q->limit);
	if (d->opt.latency_ns) {
		print_time(out, " delay ", d->opt.latency_ns);
		if (d->opt.jitter_ns)
			print_time(out, "  ", d->opt.jitter_ns);
	}
	print_pct(out, "loss", d->opt.loss, d->opt.loss_corr);
	print_pct(out, "duplicate", d->opt.duplicate, 0);
	print_pct(out, "reorder", d->opt.reorder, d->opt.reorder_corr);
	print_pct(out, "corrupt", d->opt.corrupt, 0);
	if (d->opt.rate_bps)
		print_rate(out, d->opt.rate_bps);
	if (d->opt.gap)
		fprintf(out, " gap %u", d->opt.gap);
}

const struct Qdisc_ops netem_qdisc_ops = {
	.id = "netem",
	.priv_size = sizeof(struct netem_sched_data),
	.enqueue = netem_enqueue,
	.dequeue = netem_dequeue,
	.init = netem_init,
	.reset = netem_reset,
	.dump = netem_dump,
};
