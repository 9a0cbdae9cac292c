/* fq_codel (net/sched/sch_fq_codel.c, include/net/codel_impl.h): packets
 * hashed into flows (1024 by default) or put in one by the qdisc's filters
 * (a class minor 1..flows; a filter that steals the packet, as mirred's
 * redirect, takes it away before it is queued); flows served by deficit
 * round robin (quantum: the device's MTU plus link header), new flows
 * before old ones; each flow's head dropped by CoDel when packets wait
 * longer than target (5 ms) for an interval (100 ms), or with ecn marked
 * CE when ECN-capable.  Over limit (10240 packets) or memory_limit (32 MB)
 * the fattest flow loses up to half its bytes, at most drop_batch (64)
 * packets.  The flow hash is a mix of the addresses, protocol and ports
 * with a per-qdisc perturbation from the world's seeded RNG. */
#include <errno.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/pkt_cls.h"
#include "net/sch_generic.h"
#include "net/world.h"

struct fq_codel_flow {
	struct sk_buff *head, *tail;
	struct fq_codel_flow *next;	/* in new_flows or old_flows */
	bool listed;
	int deficit;
	/* codel_vars */
	u32 count, lastcount;
	bool dropping;
	u64 first_above_time, drop_next;
};

struct fq_codel_sched_data {
	struct tcf_block block;
	struct fq_codel_flow *flows;
	u32 *backlogs;
	u32 flows_cnt, quantum, drop_batch, memory_limit, perturb;
	u64 target, interval, ce_threshold;
	bool ecn;
	u32 memory_usage, drop_overlimit, new_flow_count, ecn_mark, maxpacket;
	struct fq_codel_flow *new_head, *new_tail, *old_head, *old_tail;
};

/* the enqueue time rides in the skb's control block, as netem's send time */
#define FQ_CODEL_CB_OFF (sizeof(((struct sk_buff *)0)->cb) - sizeof(u64))

static u64 fq_codel_time(const struct sk_buff *skb)
{
	u64 t;

	memcpy(&t, skb->cb + FQ_CODEL_CB_OFF, sizeof(t));
	return t;
}

/* the end of the linear data: headers are read only below it */
static const unsigned char *fq_codel_end(const struct sk_buff *skb)
{
	return skb->data + skb_headlen(skb);
}

static u32 fq_codel_mix(u32 h, u32 v)
{
	h ^= v;
	h *= 0x9E3779B1U;
	return h ^ (h >> 15);
}

static u32 fq_codel_hash(const struct fq_codel_sched_data *d, const struct sk_buff *skb)
{
	const unsigned char *nh = skb_network_header(skb);
	u32 h = d->perturb;
	u8 proto = 0;
	int thoff = 0;

	if (skb->protocol == htons(ETH_P_IP) && fq_codel_end(skb) >= nh + sizeof(struct iphdr)) {
		const struct iphdr *iph = (const struct iphdr *)nh;

		h = fq_codel_mix(fq_codel_mix(h, iph->saddr), iph->daddr);
		proto = iph->protocol;
		thoff = iph->ihl * 4;
	} else if (skb->protocol == htons(ETH_P_IPV6) &&
		   fq_codel_end(skb) >= nh + sizeof(struct ipv6hdr)) {
		const struct ipv6hdr *ip6 = (const struct ipv6hdr *)nh;
		u32 w[8];

		memcpy(w, &ip6->saddr, sizeof(w));
		for (int i = 0; i < 8; i++)
			h = fq_codel_mix(h, w[i]);
		proto = ip6->nexthdr;
		thoff = sizeof(struct ipv6hdr);
	}
	if ((proto == 6 || proto == 17) && fq_codel_end(skb) >= nh + thoff + 4) {
		u32 ports;

		memcpy(&ports, nh + thoff, 4);
		h = fq_codel_mix(h, ports);
	}
	return fq_codel_mix(h, proto);
}

/* fq_codel_classify(): 1..flows, 0 when the packet is gone (*ret says how) */
static u32 fq_codel_classify(struct sk_buff *skb, struct Qdisc *q, int *ret)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);
	struct tcf_result res = { 0 };

	if (!d->block.chain0)
		return fq_codel_hash(d, skb) % d->flows_cnt + 1;
	*ret = NET_XMIT_SUCCESS;
	skb->tc_at_ingress = 0;
	switch (tcf_classify(skb, &d->block, &res)) {
	case TC_ACT_STOLEN:
	case TC_ACT_QUEUED:
	case TC_ACT_TRAP:
		consume_skb(skb);
		return 0;
	case TC_ACT_CONSUMED:
		return 0;
	case TC_ACT_SHOT:	/* dropped, the sender is not told (__NET_XMIT_BYPASS) */
		qdisc_drop(skb, q);
		return 0;
	default:
		break;
	}
	if ((res.classid >> 16) == (q->handle >> 16) && (res.classid & 0xFFFF) &&
	    (res.classid & 0xFFFF) <= d->flows_cnt)
		return res.classid & 0xFFFF;
	qdisc_drop(skb, q);
	return 0;
}

static void flow_list_add(struct fq_codel_flow **head, struct fq_codel_flow **tail,
			  struct fq_codel_flow *f)
{
	f->next = NULL;
	if (*tail)
		(*tail)->next = f;
	else
		*head = f;
	*tail = f;
}

static struct fq_codel_flow *flow_list_pop(struct fq_codel_flow **head, struct fq_codel_flow **tail)
{
	struct fq_codel_flow *f = *head;

	*head = f->next;
	if (!*head)
		*tail = NULL;
	f->next = NULL;
	return f;
}

static struct sk_buff *flow_dequeue_head(struct Qdisc *q, struct fq_codel_flow *f)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);
	struct sk_buff *skb = f->head;

	if (!skb)
		return NULL;
	f->head = skb->next;
	if (!f->head)
		f->tail = NULL;
	skb->next = NULL;
	d->backlogs[f - d->flows] -= skb->len;
	d->memory_usage -= skb->truesize;
	q->backlog -= skb->len;
	q->q.qlen--;
	return skb;
}

/* fq_codel_drop(): up to half the fattest flow's bytes from its head */
static u32 fq_codel_drop(struct Qdisc *q, u32 max_packets)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);
	u32 idx = 0, threshold, len = 0, i = 0;

	for (u32 k = 1; k < d->flows_cnt; k++)
		if (d->backlogs[k] > d->backlogs[idx])
			idx = k;
	threshold = d->backlogs[idx] / 2;
	do {
		struct sk_buff *skb = flow_dequeue_head(q, &d->flows[idx]);

		if (!skb)
			break;
		len += skb->len;
		q->drops++;
		kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
	} while (++i < max_packets && len < threshold);
	return idx;
}

static int fq_codel_enqueue(struct sk_buff *skb, struct Qdisc *q)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);
	u64 now = qdisc_now(q);
	struct fq_codel_flow *f;
	int ret = NET_XMIT_SUCCESS;
	u32 idx = fq_codel_classify(skb, q, &ret);

	if (!idx)
		return ret;
	idx--;
	f = &d->flows[idx];
	memcpy(skb->cb + FQ_CODEL_CB_OFF, &now, sizeof(now));
	skb->next = NULL;
	if (f->tail)
		f->tail->next = skb;
	else
		f->head = skb;
	f->tail = skb;
	d->backlogs[idx] += skb->len;
	q->backlog += skb->len;
	q->q.qlen++;
	d->memory_usage += skb->truesize;
	if (skb->len > d->maxpacket)
		d->maxpacket = skb->len;
	if (!f->listed) {
		f->listed = true;
		f->deficit = (int)d->quantum;
		flow_list_add(&d->new_head, &d->new_tail, f);
		d->new_flow_count++;
	}
	if (q->q.qlen <= q->limit && d->memory_usage <= d->memory_limit)
		return NET_XMIT_SUCCESS;
	d->drop_overlimit++;
	return fq_codel_drop(q, d->drop_batch) == idx ? NET_XMIT_DROP : NET_XMIT_SUCCESS;
}

/* codel_should_drop() */
static bool codel_should_drop(struct fq_codel_sched_data *d, struct fq_codel_flow *f,
			      const struct sk_buff *skb, u64 now)
{
	u64 sojourn = now - fq_codel_time(skb);

	if (sojourn < d->target || f->head == NULL) {	/* below target, or the last one */
		f->first_above_time = 0;
		return false;
	}
	if (!f->first_above_time) {
		f->first_above_time = now + d->interval;
		return false;
	}
	return now >= f->first_above_time;
}

/* the control law: the next drop interval/sqrt(count) later */
static u64 codel_control_law(const struct fq_codel_sched_data *d, u64 t, u32 count)
{
	u64 r = 1;

	while ((r + 1) * (r + 1) <= count)
		r++;
	return t + d->interval / r;
}

/* INET_ECN_set_ce(): true when the packet could carry the mark */
static bool fq_codel_set_ce(struct sk_buff *skb)
{
	unsigned char *nh = skb_network_header(skb);

	if (skb->protocol == htons(ETH_P_IP) && fq_codel_end(skb) >= nh + sizeof(struct iphdr)) {
		struct iphdr *iph = (struct iphdr *)nh;

		if (!(iph->tos & 3))
			return false;
		iph->tos |= 3;
		ip_send_check(iph);
		return true;
	}
	if (skb->protocol == htons(ETH_P_IPV6) && fq_codel_end(skb) >= nh + 2) {
		if (!(nh[1] & 0x30))
			return false;
		nh[1] |= 0x30;
		return true;
	}
	return false;
}

/* A drop (or a mark) of the head; true when it was dropped. */
static bool codel_drop_or_mark(struct Qdisc *q, struct sk_buff *skb)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);

	if (d->ecn && fq_codel_set_ce(skb)) {
		d->ecn_mark++;
		return false;
	}
	q->drops++;
	kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
	return true;
}

/* codel_dequeue(): the flow's head, after CoDel's drops */
static struct sk_buff *codel_dequeue(struct Qdisc *q, struct fq_codel_flow *f)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);
	u64 now = qdisc_now(q);
	struct sk_buff *skb = flow_dequeue_head(q, f);
	bool drop;

	if (!skb) {
		f->dropping = false;
		return NULL;
	}
	drop = codel_should_drop(d, f, skb, now);
	if (f->dropping) {
		if (!drop) {
			f->dropping = false;
		} else {
			while (f->dropping && now >= f->drop_next) {
				f->count++;
				if (!codel_drop_or_mark(q, skb)) {
					f->drop_next = codel_control_law(d, f->drop_next, f->count);
					return skb;
				}
				skb = flow_dequeue_head(q, f);
				if (!skb || !codel_should_drop(d, f, skb, now))
					f->dropping = false;
				else
					f->drop_next = codel_control_law(d, f->drop_next, f->count);
			}
		}
	} else if (drop) {
		f->dropping = true;
		if (codel_drop_or_mark(q, skb)) {
			skb = flow_dequeue_head(q, f);
			drop = skb && codel_should_drop(d, f, skb, now);
		}
		f->count = f->count > 2 && now - f->drop_next < 16 * d->interval ?
			   f->count - f->lastcount : 1;
		f->lastcount = f->count;
		f->drop_next = codel_control_law(d, now, f->count);
	}
	return skb;
}

static struct sk_buff *fq_codel_dequeue(struct Qdisc *q)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);

	for (;;) {
		bool is_new = d->new_head != NULL;
		struct fq_codel_flow **head = is_new ? &d->new_head : &d->old_head;
		struct fq_codel_flow **tail = is_new ? &d->new_tail : &d->old_tail;
		struct fq_codel_flow *f = *head;
		struct sk_buff *skb;

		if (!f)
			return NULL;
		if (f->deficit <= 0) {
			f->deficit += (int)d->quantum;
			flow_list_add(&d->old_head, &d->old_tail, flow_list_pop(head, tail));
			continue;
		}
		skb = codel_dequeue(q, f);
		if (!skb) {
			flow_list_pop(head, tail);
			if (is_new && d->old_head)	/* a new flow ends behind the old ones */
				flow_list_add(&d->old_head, &d->old_tail, f);
			else
				f->listed = false;
			continue;
		}
		f->deficit -= (int)skb->len;
		return skb;
	}
}

static void fq_codel_reset(struct Qdisc *q)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);

	for (u32 i = 0; d->flows && i < d->flows_cnt; i++) {
		struct sk_buff *skb;

		while ((skb = flow_dequeue_head(q, &d->flows[i])))
			kfree_skb_reason(skb, SKB_DROP_REASON_QDISC_DROP);
		d->flows[i] = (struct fq_codel_flow){ 0 };
	}
	d->new_head = d->new_tail = d->old_head = d->old_tail = NULL;
}

static void fq_codel_destroy(struct Qdisc *q)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);

	tcf_block_destroy(&d->block);
	kfree(d->flows);
	kfree(d->backlogs);
}

/* fq_codel_init() and fq_codel_change(): flows only at creation */
static int fq_codel_init(struct Qdisc *q, const struct tc_qopt *o)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);

	if (!d->flows) {
		d->flows_cnt = o && o->flows ? o->flows : 1024;
		d->flows = kcalloc(d->flows_cnt, sizeof(*d->flows));
		d->backlogs = kcalloc(d->flows_cnt, sizeof(*d->backlogs));
		if (!d->flows || !d->backlogs) {
			kfree(d->flows);
			kfree(d->backlogs);
			d->flows = NULL;
			d->backlogs = NULL;
			return -ENOMEM;
		}
		d->block.q = q;
		d->perturb = (u32)world_random_u64(dev_net(q->dev)->world);
		q->limit = 10240;
		d->quantum = q->dev->mtu + q->dev->hard_header_len;
		d->target = 5000000;
		d->interval = 100000000;
		d->memory_limit = 32U << 20;
		d->drop_batch = 64;
		d->ecn = true;
	}
	if (!o)
		return 0;
	if (o->has_limit)
		q->limit = o->limit;
	if (o->quantum)
		d->quantum = o->quantum;
	if (o->target_ns)
		d->target = o->target_ns;
	if (o->interval_ns)
		d->interval = o->interval_ns;
	if (o->ce_threshold_ns)
		d->ce_threshold = o->ce_threshold_ns;
	if (o->memory_limit)
		d->memory_limit = o->memory_limit;
	if (o->drop_batch)
		d->drop_batch = o->drop_batch;
	if (o->ecn >= 0)
		d->ecn = o->ecn;
	return 0;
}

/* tc's print_time(): "5ms", "100ms", "1s", "500us" */
static void fq_codel_print_time(FILE *out, const char *key, u64 ns)
{
	double us = (double)(ns / 1000);

	if (us >= 1e6)
		fprintf(out, "%s %gs ", key, us / 1e6);
	else if (us >= 1e3)
		fprintf(out, "%s %gms ", key, us / 1e3);
	else
		fprintf(out, "%s %gus ", key, us);
}

static void fq_codel_dump(const struct Qdisc *q, FILE *out)
{
	const struct fq_codel_sched_data *d = (const void *)q->priv;

	fprintf(out, "limit %up flows %u quantum %u ", q->limit, d->flows_cnt, d->quantum);
	fq_codel_print_time(out, "target", d->target);
	if (d->ce_threshold)
		fq_codel_print_time(out, "ce_threshold", d->ce_threshold);
	fq_codel_print_time(out, "interval", d->interval);
	if (d->memory_limit >= 1U << 20 && !(d->memory_limit % (1U << 20)))
		fprintf(out, "memory_limit %uMb ", d->memory_limit >> 20);
	else if (d->memory_limit >= 1U << 10 && !(d->memory_limit % (1U << 10)))
		fprintf(out, "memory_limit %uKb ", d->memory_limit >> 10);
	else
		fprintf(out, "memory_limit %ub ", d->memory_limit);
	if (d->ecn)
		fputs("ecn ", out);
	fprintf(out, "drop_batch %u ", d->drop_batch);
}

static void fq_codel_dump_stats(const struct Qdisc *q, FILE *out)
{
	const struct fq_codel_sched_data *d = (const void *)q->priv;
	u32 new_len = 0, old_len = 0;

	for (const struct fq_codel_flow *f = d->new_head; f; f = f->next)
		new_len++;
	for (const struct fq_codel_flow *f = d->old_head; f; f = f->next)
		old_len++;
	fprintf(out, "  maxpacket %u drop_overlimit %u new_flow_count %u ecn_mark %u\n"
		"  new_flows_len %u old_flows_len %u\n", d->maxpacket, d->drop_overlimit,
		d->new_flow_count, d->ecn_mark, new_len, old_len);
}

/* fq_codel_tcf_block(): the qdisc's block; its classes (flows) have none */
static struct tcf_block *fq_codel_tcf_block(struct Qdisc *q, u32 parent)
{
	struct fq_codel_sched_data *d = qdisc_priv(q);

	return parent & 0xFFFF ? NULL : &d->block;
}

const struct Qdisc_ops fq_codel_qdisc_ops = {
	.id = "fq_codel",
	.priv_size = sizeof(struct fq_codel_sched_data),
	.enqueue = fq_codel_enqueue,
	.dequeue = fq_codel_dequeue,
	.init = fq_codel_init,
	.reset = fq_codel_reset,
	.destroy = fq_codel_destroy,
	.dump = fq_codel_dump,
	.dump_stats = fq_codel_dump_stats,
	.tcf_block = fq_codel_tcf_block,
	.classful = true,
};
