/* nfnetlink_queue (net/netfilter/nfnetlink_queue.c): the queues of a
 * namespace and their readers.  Linux talks netlink to a program using
 * libnetfilter_queue; skbox hands the same things to a task through
 * include/skbox/nfqueue.h (skbox_nfq_*).  An instance exists while a reader
 * has the queue bound; it holds the entries not yet answered (queue_total,
 * at most queue_maxlen, 1024 by default as Linux), with Linux's counters
 * (queue_dropped: full; queue_user_dropped: could not be delivered;
 * id_sequence: the last packet id) as /proc/net/netfilter/nfnetlink_queue
 * shows them. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "skbox/nfqueue.h"
#include "linux/netdevice.h"
#include "linux/sched.h"
#include "net/netfilter/nf_queue.h"
#include "net/world.h"

#define NFQNL_QMAX_DEFAULT 1024
#define NFQNL_MAX_COPY_RANGE 65535
#define INSTANCE_BUCKETS 16

struct nfqnl_instance {
	struct list_head list;			/* nfnl_queue_net.instances, newest first */
	struct world *world;
	struct net *net;			/* NULL once the namespace went */
	u16 queue_num;
	u32 peer_portid;
	u8 copy_mode;
	u32 copy_range;
	u32 queue_maxlen;
	u32 flags;
	unsigned int queue_total, queue_dropped, queue_user_dropped;
	u32 id_sequence;
	struct list_head queue_list;		/* struct nf_queue_entry, oldest first */
	struct wait_queue_head wq;		/* the reader waiting in recv */
	u8 *buf;				/* the copy handed to the reader */
};

struct nfnl_queue_net {
	struct list_head instances;
};

static struct nfnl_queue_net *nfnl_queue_pernet(struct net *net, bool create)
{
	struct netns_nf *nf = net->nf;
	struct nfnl_queue_net *q;

	if (!nf) {
		if (!create || !(nf = kzalloc(sizeof(*nf))))
			return NULL;
		net->nf = nf;
	}
	if (!nf->queue && create && (q = kzalloc(sizeof(*q)))) {
		INIT_LIST_HEAD(&q->instances);
		nf->queue = q;
	}
	return nf->queue;
}

static struct nfqnl_instance *instance_lookup(struct net *net, unsigned int queue_num)
{
	struct nfnl_queue_net *q = nfnl_queue_pernet(net, false);
	struct nfqnl_instance *inst;

	if (!q)
		return NULL;
	list_for_each_entry(inst, &q->instances, list)
		if (inst->queue_num == queue_num)
			return inst;
	return NULL;
}

/* ---- the kernel side ---- */

int nfqnl_enqueue_packet(struct nf_queue_entry *entry, unsigned int queuenum)
{
	struct nfqnl_instance *inst = instance_lookup(entry->state.net, queuenum);

	if (!inst)
		return -ESRCH;
	if (inst->queue_total >= inst->queue_maxlen) {
		if (inst->flags & SKBOX_NFQ_F_FAIL_OPEN)
			return 1;
		inst->queue_dropped++;
		return -ENOSPC;
	}
	entry->id = ++inst->id_sequence;
	list_add_tail(&entry->list, &inst->queue_list);
	inst->queue_total++;
	wake_up(&inst->wq);
	return 0;
}

static struct nf_queue_entry *find_dequeue_entry(struct nfqnl_instance *inst, u32 id)
{
	struct nf_queue_entry *entry;

	list_for_each_entry(entry, &inst->queue_list, list)
		if (entry->id == id) {
			list_del(&entry->list);
			inst->queue_total--;
			return entry;
		}
	return NULL;
}

/* Every waiting packet (or those cmp picks) gets verdict (nfqnl_flush). */
static void nfqnl_flush(struct nfqnl_instance *inst,
			bool (*cmp)(struct nf_queue_entry *e, const void *data), const void *data)
{
	struct nf_queue_entry *entry, *tmp;

	list_for_each_entry_safe(entry, tmp, &inst->queue_list, list) {
		if (cmp && !cmp(entry, data))
			continue;
		list_del(&entry->list);
		inst->queue_total--;
		nf_reinject(entry, NF_DROP);
	}
}

static bool dev_cmp(struct nf_queue_entry *entry, const void *dev)
{
	return entry->state.in == dev || entry->state.out == dev || entry->skb->dev == dev;
}

int nfqnl_rcv_dev_event(struct net_device *dev, unsigned long event)
{
	struct nfnl_queue_net *q;
	struct nfqnl_instance *inst;

	if (event != NETDEV_UNREGISTER || !dev_net(dev) ||
	    !(q = nfnl_queue_pernet(dev_net(dev), false)))
		return 0;
	list_for_each_entry(inst, &q->instances, list)
		nfqnl_flush(inst, dev_cmp, dev);
	return 0;
}

void nfqnl_net_exit(struct net *net)
{
	struct nfnl_queue_net *q = nfnl_queue_pernet(net, false);
	struct nfqnl_instance *inst, *tmp;

	if (!q)
		return;
	list_for_each_entry_safe(inst, tmp, &q->instances, list) {
		nfqnl_flush(inst, NULL, NULL);
		list_del_init(&inst->list);
		inst->net = NULL;
		wake_up(&inst->wq);
	}
	free(q);
	((struct netns_nf *)net->nf)->queue = NULL;
}

/* ---- the reader's side (include/skbox/nfqueue.h) ---- */

struct skbox_nfq {
	struct nfqnl_instance inst;
};

static struct net *current_net(struct world *w)
{
	struct task *t = current_task(w);

	return t && t->net ? t->net : w->init_net;
}

struct skbox_nfq *skbox_nfq_open(struct world *w, unsigned int queue_num, int *err)
{
	struct net *net = current_net(w);
	struct task *t = current_task(w);
	struct nfnl_queue_net *q;
	struct skbox_nfq *h;

	*err = 0;
	if (queue_num > 0xffff) {
		*err = -EINVAL;
		return NULL;
	}
	if (instance_lookup(net, queue_num)) {
		*err = -EBUSY;
		return NULL;
	}
	if (!(q = nfnl_queue_pernet(net, true)) || !(h = kzalloc(sizeof(*h))) ||
	    !(h->inst.buf = kmalloc(NFQNL_MAX_COPY_RANGE))) {
		if (q && h)
			free(h);
		*err = -ENOMEM;
		return NULL;
	}
	h->inst.world = w;
	h->inst.net = net;
	h->inst.queue_num = (u16)queue_num;
	/* a netlink socket's port id is its process id */
	h->inst.peer_portid = t ? (u32)t->pid : 1;
	h->inst.copy_mode = SKBOX_NFQ_COPY_PACKET;
	h->inst.copy_range = NFQNL_MAX_COPY_RANGE;
	h->inst.queue_maxlen = NFQNL_QMAX_DEFAULT;
	INIT_LIST_HEAD(&h->inst.queue_list);
	init_waitqueue_head(&h->inst.wq);
	list_add(&h->inst.list, &q->instances);
	return h;
}

void skbox_nfq_close(struct skbox_nfq *h)
{
	if (!h)
		return;
	if (h->inst.net) {
		nfqnl_flush(&h->inst, NULL, NULL);
		list_del(&h->inst.list);
	}
	free(h->inst.buf);
	free(h);
}

int skbox_nfq_set_maxlen(struct skbox_nfq *h, uint32_t maxlen)
{
	h->inst.queue_maxlen = maxlen;
	return 0;
}

int skbox_nfq_set_flags(struct skbox_nfq *h, uint32_t flags)
{
	if (flags & ~(u32)SKBOX_NFQ_F_FAIL_OPEN)
		return -EOPNOTSUPP;
	h->inst.flags = flags;
	return 0;
}

int skbox_nfq_set_mode(struct skbox_nfq *h, uint8_t mode, uint32_t range)
{
	if (mode > SKBOX_NFQ_COPY_PACKET)
		return -EINVAL;
	h->inst.copy_mode = mode;
	if (mode == SKBOX_NFQ_COPY_PACKET)
		h->inst.copy_range = range && range < NFQNL_MAX_COPY_RANGE ? range
									 : NFQNL_MAX_COPY_RANGE;
	return 0;
}

static void fill_packet(struct nfqnl_instance *inst, struct nf_queue_entry *entry,
			struct skbox_nfq_packet *pkt)
{
	struct sk_buff *skb = entry->skb;
	int off = skb_network_offset(skb);
	size_t len = skb->len - (size_t)off, copy = 0;

	if (inst->copy_mode == SKBOX_NFQ_COPY_PACKET)
		copy = len < inst->copy_range ? len : inst->copy_range;
	if (copy)
		skb_copy_bits(skb, off, inst->buf, (int)copy);
	memset(pkt, 0, sizeof(*pkt));
	pkt->id = entry->id;
	pkt->hw_protocol = ntohs(skb->protocol);
	pkt->hook = entry->state.hook;
	pkt->mark = skb->mark;
	pkt->indev = entry->state.in ? (u32)entry->state.in->ifindex : 0;
	pkt->outdev = entry->state.out ? (u32)entry->state.out->ifindex : 0;
	pkt->payload = inst->buf;
	pkt->payload_len = copy;
	pkt->len = len;
}

static struct nf_queue_entry *next_undelivered(struct nfqnl_instance *inst)
{
	struct nf_queue_entry *entry;

	list_for_each_entry(entry, &inst->queue_list, list)
		if (!entry->delivered)
			return entry;
	return NULL;
}

int skbox_nfq_recv(struct world *w, struct skbox_nfq *h, struct skbox_nfq_packet *pkt,
		   int timeout_ms)
{
	struct nfqnl_instance *inst = &h->inst;
	u64 deadline = timeout_ms > 0 ? world_now(w) + (u64)timeout_ms * 1000000u : 0;

	for (;;) {
		struct nf_queue_entry *entry;
		u64 now;
		int err;

		if (!inst->net)
			return -ENODEV;
		if ((entry = next_undelivered(inst))) {
			entry->delivered = true;
			fill_packet(inst, entry, pkt);
			return 0;
		}
		now = world_now(w);
		if (timeout_ms == 0 || (deadline && now >= deadline))
			return -EAGAIN;
		err = task_wait(w, &inst->wq, deadline ? deadline - now : 0);
		if (err == -EINTR)
			return -EINTR;
	}
}

/* The reader's new packet (nfqnl_mangle): from the IP header on. */
static int nfqnl_mangle(struct sk_buff *skb, const void *data, size_t len)
{
	int off = skb_network_offset(skb);
	size_t cur = skb->len - (size_t)off;

	if (len < 20 || len > 0xffff || skb_linearize(skb))
		return -EINVAL;
	if (len > cur || skb_cloned(skb)) {
		size_t more = len > cur ? len - cur : 0;

		if ((skb_cloned(skb) || skb_tailroom(skb) < (int)more) &&
		    pskb_expand_head(skb, 0, (int)more))
			return -ENOMEM;
		skb_put(skb, (unsigned int)more);
	} else if (len < cur) {
		skb_trim(skb, (unsigned int)(off + (int)len));
	}
	memcpy(skb_network_header(skb), data, len);
	skb->ip_summed = CHECKSUM_NONE;
	return 0;
}

int skbox_nfq_verdict(struct skbox_nfq *h, uint32_t id, unsigned int verdict,
		      const uint32_t *mark, const void *payload, size_t len)
{
	struct nfqnl_instance *inst = &h->inst;
	unsigned int v = verdict & NF_VERDICT_MASK;
	struct nf_queue_entry *entry;

	if (v > NF_MAX_VERDICT || v == NF_STOLEN || v == NF_QUEUE)
		return -EINVAL;
	if (!inst->net || !(entry = find_dequeue_entry(inst, id)))
		return -ENOENT;
	if (payload && nfqnl_mangle(entry->skb, payload, len))
		v = NF_DROP;
	if (mark)
		entry->skb->mark = *mark;
	nf_reinject(entry, v);
	return 0;
}

/* /proc/net/netfilter/nfnetlink_queue: the instance hash's order (bucket
 * queue_num % 16, newest first within a bucket). */
int skbox_nfq_proc(struct world *w, char *buf, size_t len)
{
	struct nfnl_queue_net *q = nfnl_queue_pernet(current_net(w), false);
	struct nfqnl_instance *inst;
	size_t n = 0;

	if (!q)
		return 0;
	for (unsigned int b = 0; b < INSTANCE_BUCKETS; b++)
		list_for_each_entry(inst, &q->instances, list) {
			int r;

			if (inst->queue_num % INSTANCE_BUCKETS != b)
				continue;
			r = snprintf(buf + n, n < len ? len - n : 0,
				     "%5u %6u %5u %1u %5u %5u %5u %8u %2d\n", inst->queue_num,
				     inst->peer_portid, inst->queue_total, inst->copy_mode,
				     inst->copy_range, inst->queue_dropped,
				     inst->queue_user_dropped, inst->id_sequence, 1);
			n += (size_t)r;
		}
	return (int)n;
}
