/* tbf (net/sched/sch_tbf.c): a token bucket filter on a device's egress.
 * Tokens are kept as time, in nanoseconds, as the kernel does: the bucket
 * holds at most `burst` bytes' worth of time at `rate`; a packet leaves when
 * the tokens cover its transmission time, else the watchdog runs the queue
 * again when they will.  With `peakrate`, a second bucket of `mtu` bytes
 * limits the rate of back-to-back packets.  Packets wait in an inner bfifo
 * of `limit` bytes (tc computes the limit from `latency`); a packet larger
 * than the bucket can never leave and is dropped on arrival. */
#include <string.h>
#include "linux/netdevice.h"
#include "net/sch_generic.h"

struct tbf_sched_data {
	u64 rate, peak;			/* bytes per second */
	u32 burst, mtu;			/* bytes */
	s64 buffer, mtu_ns;		/* the buckets, as time */
	s64 tokens, ptokens;
	u64 t_c;			/* when the tokens were last counted */
};

/* psched_l2t_ns(): time to send len bytes at rate */
static s64 tbf_l2t(u64 rate, unsigned int len)
{
	return (s64)((u64)len * 1000000000ULL / rate);
}

static int tbf_enqueue(struct sk_buff *skb, struct Qdisc *q);

/* tbf_segment(): a TSO super-packet larger than the bucket is queued as
 * its segments, each under the usual rules */
static int tbf_segment(struct sk_buff *skb, struct Qdisc *q)
{
	struct sk_buff *segs = skb_gso_segment(skb), *next;
	int queued = 0;

	if (!segs)
		return qdisc_drop(skb, q);
	for (; segs; segs = next) {
		next = segs->next;
		segs->next = segs->prev = NULL;
		if (tbf_enqueue(segs, q) == NET_XMIT_SUCCESS)
			queued++;
	}
	consume_skb(skb);
	return queued ? NET_XMIT_SUCCESS : NET_XMIT_DROP;
}

static int tbf_enqueue(struct sk_buff *skb, struct Qdisc *q)
{
	struct tbf_sched_data *d = qdisc_priv(q);

	if (skb->len > d->burst || (d->peak && skb->len > d->mtu)) {
		if (skb_is_gso(skb))
			return tbf_segment(skb, q);
		return qdisc_drop(skb, q);
	}
	if (q->backlog + skb->len > q->limit)
		return qdisc_drop(skb, q);
	q->backlog += skb->len;
	__skb_queue_tail(&q->q, skb);
	return NET_XMIT_SUCCESS;
}

static struct sk_buff *tbf_dequeue(struct Qdisc *q)
{
	struct tbf_sched_data *d = qdisc_priv(q);
	struct sk_buff *skb = skb_peek(&q->q);
	u64 now = qdisc_now(q);
	s64 toks, ptoks = 0;

	if (!skb)
		return NULL;
	toks = (s64)(now - d->t_c);
	if (toks > d->buffer)
		toks = d->buffer;
	if (d->peak) {
		ptoks = toks + d->ptokens;
		if (ptoks > d->mtu_ns)
			ptoks = d->mtu_ns;
		ptoks -= tbf_l2t(d->peak, skb->len);
	}
	toks += d->tokens;
	if (toks > d->buffer)
		toks = d->buffer;
	toks -= tbf_l2t(d->rate, skb->len);
	if ((toks | ptoks) >= 0) {
		__skb_unlink(skb, &q->q);
		q->backlog -= skb->len;
		d->t_c = now;
		d->tokens = toks;
		d->ptokens = ptoks;
		return skb;
	}
	qdisc_watchdog_schedule(q, now + (u64)(-toks > -ptoks ? -toks : -ptoks));
	q->overlimits++;
	return NULL;
}

static void tbf_reset(struct Qdisc *q)
{
	struct tbf_sched_data *d = qdisc_priv(q);
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(&q->q)))
		kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
	q->backlog = 0;
	d->tokens = d->buffer;
	d->ptokens = d->mtu_ns;
	d->t_c = qdisc_now(q);
}

/* tbf_change(): the kernel refuses a peak rate not above the rate. */
static int tbf_init(struct Qdisc *q, const struct tc_qopt *opt)
{
	struct tbf_sched_data *d = qdisc_priv(q);

	if (!opt || !opt->rate_bps || !opt->burst)
		return -22;
	if (opt->peakrate_bps && opt->peakrate_bps <= opt->rate_bps)
		return -22;
	d->rate = opt->rate_bps;
	d->peak = opt->peakrate_bps;
	d->burst = opt->burst;
	d->mtu = opt->mtu;
	d->buffer = tbf_l2t(d->rate, d->burst);
	d->mtu_ns = d->peak ? tbf_l2t(d->peak, d->mtu) : 0;
	q->limit = opt->limit;
	d->tokens = d->buffer;
	d->ptokens = d->mtu_ns;
	d->t_c = qdisc_now(q);
	return 0;
}

/* print_rate() of iproute2: 1000-based, exact multiples only below 1000 units */
static void tbf_print_rate(FILE *out, const char *name, u64 bytes)
{
	static const char *const units[] = { "", "K", "M", "G", "T" };
	u64 r = bytes * 8;
	size_t i = 0;

	while (i + 1 < sizeof(units) / sizeof(units[0]) && r >= 1000 &&
	       (r % 1000 == 0 || r >= 1000000)) {
		r /= 1000;
		i++;
	}
	fprintf(out, "%s %llu%sbit ", name, (unsigned long long)r, units[i]);
}

/* print_size(): "10Kb", "5Mb", "1540b" */
static void tbf_print_size(FILE *out, const char *name, u32 sz)
{
	double v = sz;

	if (sz >= 1024 * 1024 && (v - 1048576.0 * (u64)(v / 1048576 + 0.5)) < 1024 &&
	    (1048576.0 * (u64)(v / 1048576 + 0.5) - v) < 1024)
		fprintf(out, "%s %lluMb ", name, (unsigned long long)(v / 1048576 + 0.5));
	else if (sz >= 1024 && (v - 1024.0 * (u64)(v / 1024 + 0.5)) < 16 &&
		 (1024.0 * (u64)(v / 1024 + 0.5) - v) < 16)
		fprintf(out, "%s %lluKb ", name, (unsigned long long)(v / 1024 + 0.5));
	else
		fprintf(out, "%s %ub ", name, sz);
}

/* tc keeps the bucket as 64 ns ticks of whole microseconds: what it shows
 * went through that rounding (tc_calc_xmittime / tc_calc_xmitsize). */
static u32 tbf_ticks(u64 rate, u32 size)
{
	return (u32)(1e6 * size / (double)rate * 15.625);
}

static u32 tbf_shown(u64 rate, u32 ticks)
{
	return (u32)((double)rate * (u32)(ticks / 15.625) / 1e6);
}

static void tbf_dump(const struct Qdisc *q, FILE *out)
{
	const struct tbf_sched_data *d = (const void *)q->priv;
	u32 bt = tbf_ticks(d->rate, d->burst), mt = d->peak ? tbf_ticks(d->peak, d->mtu) : 0;
	double lat = 1e6 * (q->limit / (double)d->rate) - (u32)(bt / 15.625);

	tbf_print_rate(out, "rate", d->rate);
	tbf_print_size(out, "burst", tbf_shown(d->rate, bt));
	if (d->peak) {
		double lat2 = 1e6 * (q->limit / (double)d->peak) - (u32)(mt / 15.625);

		tbf_print_rate(out, "peakrate", d->peak);
		tbf_print_size(out, "minburst", tbf_shown(d->peak, mt));
		if (lat2 > lat)
			lat = lat2;
	}
	if (lat >= 0) {
		u32 us = (u32)lat;

		if (us >= 1000000)
			fprintf(out, "lat %.3gs ", us / 1e6);
		else if (us >= 1000)
			fprintf(out, "lat %.3gms ", us / 1e3);
		else
			fprintf(out, "lat %uus ", us);
	} else {
		tbf_print_size(out, "limit", q->limit);
	}
}

const struct Qdisc_ops tbf_qdisc_ops = {
	.id = "tbf",
	.priv_size = sizeof(struct tbf_sched_data),
	.enqueue = tbf_enqueue,
	.dequeue = tbf_dequeue,
	.init = tbf_init,
	.reset = tbf_reset,
	.dump = tbf_dump,
	.classful = true,
};
