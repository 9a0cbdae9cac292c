/* Neighbour tables (net/core/neighbour.c): the NUD state machine that
 * resolves next hops to link-layer addresses, queues packets while an
 * address is INCOMPLETE, and ages REACHABLE entries through STALE, DELAY and
 * PROBE with the kernel's default timers (base_reachable_time 30 s,
 * delay_first_probe_time 5 s, retrans_time 1 s, 3 probes). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "linux/hash.h"
#include "linux/printk.h"
#include "net/neighbour.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "net/rtnl_notify.h"
#include "net/trace.h"

#define NEIGH_MIN_TIMER (10 * NSEC_PER_MSEC)	/* HZ/100 */

static struct world *tbl_world(const struct neigh_table *tbl)
{
	return tbl->net->world;
}

static u64 ms_ns(int ms)
{
	return (u64)ms * NSEC_PER_MSEC;
}

/* Uniform in [base/2, 3*base/2), as neigh_rand_reach_time() */
static u64 neigh_rand_reach_time(struct world *w, u64 base)
{
	return base ? (base >> 1) + (world_random_u64(w) % base) : 0;
}

static size_t neigh_key_len(const struct neigh_table *tbl)
{
	return tbl->key_len ? (size_t)tbl->key_len : 4;
}

/* IPv4 keys hash as before; longer keys (nd_tbl) fold their words in. */
static unsigned int neigh_hash(const struct neigh_table *tbl, const void *pkey,
			       const struct net_device *dev)
{
	u32 key = 0, w;

	for (size_t i = 0; i < neigh_key_len(tbl); i += 4) {
		memcpy(&w, (const u8 *)pkey + i, 4);
		key ^= w;
	}
	return hash_mix32(key ^ hash_mix32((u32)dev->ifindex)) & (tbl->hash_buckets - 1);
}

static bool neigh_key_eq(const struct neigh_table *tbl, const struct neighbour *n,
			 const void *pkey)
{
	u32 k;

	if (neigh_key_len(tbl) != 4)
		return !memcmp(n->primary_key6, pkey, neigh_key_len(tbl));
	memcpy(&k, pkey, 4);	/* an IPv4 address: one compare, as arp_tbl's key_eq */
	return n->primary_key == k;
}

int neigh_table_init(struct net *net, struct neigh_table *tbl)
{
	static const int defaults[NEIGH_VAR_MAX] = {
		[NEIGH_VAR_MCAST_PROBES] = 3,
		[NEIGH_VAR_UCAST_PROBES] = 3,
		[NEIGH_VAR_APP_PROBES] = 0,
		[NEIGH_VAR_MCAST_REPROBES] = 0,
		[NEIGH_VAR_RETRANS_TIME] = 1000,
		[NEIGH_VAR_BASE_REACHABLE_TIME] = 30000,
		[NEIGH_VAR_DELAY_PROBE_TIME] = 5000,
		[NEIGH_VAR_GC_STALETIME] = 60000,
		[NEIGH_VAR_QUEUE_LEN_BYTES] = 212992,
		[NEIGH_VAR_PROXY_QLEN] = 64,
		[NEIGH_VAR_ANYCAST_DELAY] = 1000,
		[NEIGH_VAR_PROXY_DELAY] = 800,
		[NEIGH_VAR_LOCKTIME] = 1000,
		[NEIGH_VAR_INTERVAL_PROBE_TIME_MS] = 5000,
	};

	tbl->net = net;
	memcpy(tbl->parms.data, defaults, sizeof(defaults));
	tbl->parms.reachable_time =
		neigh_rand_reach_time(net->world, ms_ns(defaults[NEIGH_VAR_BASE_REACHABLE_TIME]));
	tbl->gc_interval = 30000;
	tbl->gc_thresh1 = 128;
	tbl->gc_thresh2 = 512;
	tbl->gc_thresh3 = 1024;
	tbl->hash_buckets = 1u << NEIGH_HASH_SHIFT_MIN;
	tbl->hash = kcalloc(tbl->hash_buckets, sizeof(*tbl->hash));
	skb_queue_head_init(&tbl->proxy_queue);
	return tbl->hash ? 0 : -ENOMEM;
}

static void neigh_free(struct neighbour *n)
{
	struct world *w = tbl_world(n->tbl);

	del_timer(&n->timer);
	skb_queue_purge_reason(&n->arp_queue, SKB_DROP_REASON_NEIGH_DEAD);
	dev_put(n->dev);
	n->tbl->entries--;
	n->tbl->destroys++;
	w->neigh_live--;
	free(n);
}

void neigh_release(struct neighbour *n)
{
	if (n && --n->refcnt == 0)
		neigh_free(n);
}

/* Unhash and mark dead; freed when the last reference goes. */
static void neigh_unlink(struct neigh_table *tbl, struct neighbour *n)
{
	struct neighbour **pp = &tbl->hash[neigh_hash(tbl, n->primary_key6, n->dev)];

	while (*pp && *pp != n)
		pp = &(*pp)->next;
	if (*pp)
		*pp = n->next;
	neigh_notify(n, RTM_DELNEIGH);	/* neigh_cleanup_and_release() */
	n->dead = 1;
	if (del_timer(&n->timer))
		n->refcnt--;		/* the timer's reference */
	skb_queue_purge_reason(&n->arp_queue, SKB_DROP_REASON_NEIGH_DEAD);
	n->arp_queue_len_bytes = 0;
	neigh_release(n);		/* the table's reference */
}

void neigh_table_clear(struct neigh_table *tbl)
{
	for (unsigned int i = 0; i < tbl->hash_buckets; i++)
		while (tbl->hash[i])
			neigh_unlink(tbl, tbl->hash[i]);
	del_timer(&tbl->proxy_timer);
	skb_queue_purge_reason(&tbl->proxy_queue, SKB_DROP_REASON_NEIGH_DEAD);
	while (tbl->phash) {
		struct pneigh_entry *p = tbl->phash;

		tbl->phash = p->next;
		free(p);
	}
	free(tbl->hash);
	tbl->hash = NULL;
}

struct neighbour *neigh_lookup(struct neigh_table *tbl, const void *pkey,
			       struct net_device *dev)
{
	struct neighbour *n;

	tbl->lookups++;
	for (n = tbl->hash[neigh_hash(tbl, pkey, dev)]; n; n = n->next) {
		if (neigh_key_eq(tbl, n, pkey) && n->dev == dev) {
			tbl->hits++;
			return neigh_clone(n);
		}
	}
	return NULL;
}

static void neigh_timer_handler(struct timer_list *t);
int arp_constructor(struct neighbour *n);

/* neigh_forced_gc(): when the table is at gc_thresh3 (or above gc_thresh2 and
 * the last flush is over 5 s old), drop entries nobody holds that failed or
 * were not updated in the last 5 s, down to gc_thresh2.  Returns how many. */
static int neigh_forced_gc(struct neigh_table *tbl)
{
	u64 now = tbl_world(tbl)->now, tref = now > 5 * NSEC_PER_SEC ? now - 5 * NSEC_PER_SEC : 0;
	int max_clean = tbl->entries - tbl->gc_thresh2, shrunk = 0;

	tbl->forced_gc_runs++;
	for (unsigned int i = 0; i < tbl->hash_buckets && shrunk < max_clean; i++) {
		struct neighbour *n = tbl->hash[i], *next;

		for (; n && shrunk < max_clean; n = next) {
			next = n->next;
			if (n->refcnt != 1 || (n->nud_state & NUD_PERMANENT))
				continue;
			if (n->nud_state == NUD_FAILED || n->nud_state == NUD_NOARP ||
			    n->updated < tref) {
				neigh_unlink(tbl, n);
				shrunk++;
			}
		}
	}
	tbl->last_flush = now;
	return shrunk;
}

/* net_info_ratelimited("%s: neighbor table overflow!\n") */
static void neigh_overflow_msg(struct neigh_table *tbl)
{
	struct world *w = tbl_world(tbl);

	if (net_ratelimit(w) && tbl->net == w->init_net)
		klog(w, "neighbour: %s: neighbor table overflow!\n", tbl->id);
}

/* neigh_hash_grow(): twice the buckets, every entry rehashed to the head of
 * its new chain.  A table starts at one cache line of buckets and grows
 * while it holds more entries than buckets, as Linux's; without memory it
 * stays as it is and its chains get longer. */
static void neigh_hash_grow(struct neigh_table *tbl)
{
	unsigned int old_buckets = tbl->hash_buckets;
	struct neighbour **old = tbl->hash, **nh = kcalloc(old_buckets * 2, sizeof(*nh));

	if (!nh)
		return;
	tbl->hash = nh;
	tbl->hash_buckets = old_buckets * 2;
	for (unsigned int i = 0; i < old_buckets; i++) {
		struct neighbour *n = old[i], *next;

		for (; n; n = next) {
			unsigned int h = neigh_hash(tbl, n->primary_key6, n->dev);

			next = n->next;
			n->next = nh[h];
			nh[h] = n;
		}
	}
	kfree(old);
}

struct neighbour *__neigh_create(struct neigh_table *tbl, const void *pkey,
				 struct net_device *dev, bool want_ref)
{
	struct neighbour *n;
	unsigned int h;
	int entries = tbl->entries;

	/* neigh_alloc(): over the thresholds, collect garbage first */
	if (entries >= tbl->gc_thresh3 ||
	    (entries >= tbl->gc_thresh2 &&
	     tbl_world(tbl)->now > tbl->last_flush + 5 * NSEC_PER_SEC)) {
		if (!neigh_forced_gc(tbl) && entries >= tbl->gc_thresh3) {
			neigh_overflow_msg(tbl);
			tbl->table_fulls++;
			return NULL;
		}
	}
	n = kzalloc(sizeof(*n));
	if (!n)
		return NULL;
	memcpy(n->primary_key6, pkey, neigh_key_len(tbl));
	n->tbl = tbl;
	n->dev = dev;
	dev_hold(dev);
	n->parms = &tbl->parms;
	n->refcnt = 1;			/* the table's */
	n->updated = n->used = tbl_world(tbl)->now;
	n->output = neigh_resolve_output;
	skb_queue_head_init(&n->arp_queue);
	timer_setup(&tbl_world(tbl)->timers, &n->timer, neigh_timer_handler);
	tbl->entries++;
	tbl->allocs++;
	tbl_world(tbl)->neigh_live++;
	if ((tbl->constructor ? tbl->constructor(n) : arp_constructor(n)) < 0) {
		neigh_release(n);
		return NULL;
	}
	/* the constructor may have changed the key (loopback): reuse an entry */
	for (struct neighbour *old = tbl->hash[neigh_hash(tbl, n->primary_key6, dev)]; old;
	     old = old->next) {
		if (old->dev == dev && neigh_key_eq(tbl, old, n->primary_key6)) {
			neigh_release(n);
			return want_ref ? neigh_clone(old) : old;
		}
	}
	if ((unsigned int)tbl->entries > tbl->hash_buckets)
		neigh_hash_grow(tbl);
	h = neigh_hash(tbl, n->primary_key6, dev);
	n->next = tbl->hash[h];
	tbl->hash[h] = n;
	return want_ref ? neigh_clone(n) : n;
}

struct neighbour *__neigh_lookup(struct neigh_table *tbl, const void *pkey,
				 struct net_device *dev, int creat)
{
	struct neighbour *n = neigh_lookup(tbl, pkey, dev);

	if (n || !creat)
		return n;
	return __neigh_create(tbl, pkey, dev, true);
}

static void neigh_connect(struct neighbour *n)
{
	n->output = n->ops->connected_output;
}

static void neigh_suspect(struct neighbour *n)
{
	n->output = n->ops->output;
}

static void neigh_add_timer(struct neighbour *n, u64 when)
{
	if (!mod_timer(&n->timer, when))
		n->refcnt++;		/* a pending timer holds a reference */
}

static void neigh_del_timer(struct neighbour *n)
{
	if ((n->nud_state & NUD_IN_TIMER) && del_timer(&n->timer))
		n->refcnt--;
}

static int neigh_max_probes(const struct neighbour *n)
{
	const struct neigh_parms *p = n->parms;

	return NEIGH_VAR(p, UCAST_PROBES) + NEIGH_VAR(p, APP_PROBES) +
	       ((n->nud_state & NUD_PROBE) ? NEIGH_VAR(p, MCAST_REPROBES) :
					     NEIGH_VAR(p, MCAST_PROBES));
}

/* Resolution failed: tell the senders of everything queued (ICMP host
 * unreachable for forwarded and local packets), then drop them. */
static void neigh_invalidate(struct neighbour *n)
{
	struct sk_buff *skb;

	n->tbl->res_failed++;
	while (n->nud_state == NUD_FAILED && (skb = __skb_dequeue(&n->arp_queue)) != NULL) {
		n->arp_queue_len_bytes -= skb->truesize;
		n->ops->error_report(n, skb);
	}
	skb_queue_purge_reason(&n->arp_queue, SKB_DROP_REASON_NEIGH_FAILED);
	n->arp_queue_len_bytes = 0;
}

static void neigh_probe(struct neighbour *n)
{
	struct sk_buff *skb = n->arp_queue.prev != (struct sk_buff *)&n->arp_queue ?
			      n->arp_queue.prev : NULL;

	n->probes++;
	n->ops->solicit(n, skb);
}

static u64 neigh_timer_next(struct neighbour *n, u64 now)
{
	struct neigh_parms *p = n->parms;
	u64 retrans = ms_ns(NEIGH_VAR(p, RETRANS_TIME));

	if (retrans < NEIGH_MIN_TIMER)
		retrans = NEIGH_MIN_TIMER;
	if (n->nud_state & NUD_REACHABLE) {
		if (now <= n->confirmed + p->reachable_time)
			return n->confirmed + p->reachable_time;
		if (now <= n->used + ms_ns(NEIGH_VAR(p, DELAY_PROBE_TIME))) {
			n->nud_state = NUD_DELAY;
			n->updated = now;
			neigh_suspect(n);
			return now + ms_ns(NEIGH_VAR(p, DELAY_PROBE_TIME));
		}
		n->nud_state = NUD_STALE;
		n->updated = now;
		neigh_suspect(n);
		return now;
	}
	if (n->nud_state & NUD_DELAY) {
		if (now <= n->confirmed + ms_ns(NEIGH_VAR(p, DELAY_PROBE_TIME))) {
			n->nud_state = NUD_REACHABLE;
			n->updated = now;
			neigh_connect(n);
			return n->confirmed + p->reachable_time;
		}
		n->nud_state = NUD_PROBE;
		n->updated = now;
		n->probes = 0;
	}
	return now + retrans;
}

static void neigh_timer_handler(struct timer_list *t)
{
	struct neighbour *n = from_timer(n, t, timer);
	u64 now = tbl_world(n->tbl)->now;
	u8 old = n->nud_state;
	u64 next;

	if (!(n->nud_state & NUD_IN_TIMER) || n->dead)
		goto out;
	next = neigh_timer_next(n, now);
	if ((n->nud_state & (NUD_INCOMPLETE | NUD_PROBE)) &&
	    n->probes >= neigh_max_probes(n)) {
		n->nud_state = NUD_FAILED;
		n->updated = now;
		neigh_invalidate(n);
		neigh_notify(n, RTM_NEWNEIGH);
		goto out;
	}
	/* every change but REACHABLE -> DELAY is told */
	if (n->nud_state != old && n->nud_state != NUD_DELAY)
		neigh_notify(n, RTM_NEWNEIGH);
	if (n->nud_state & NUD_IN_TIMER) {
		if (next < now + NEIGH_MIN_TIMER)
			next = now + NEIGH_MIN_TIMER;
		if (!mod_timer(&n->timer, next))
			n->refcnt++;
	}
	if (n->nud_state & (NUD_INCOMPLETE | NUD_PROBE))
		neigh_probe(n);
out:
	neigh_release(n);		/* the expired timer's reference */
}

/* Returns 0 when the packet can go now, 1 when it was queued (or dropped). */
int __neigh_event_send(struct neighbour *n, struct sk_buff *skb)
{
	struct world *w = tbl_world(n->tbl);
	bool immediate_probe = false;

	if (n->nud_state & (NUD_CONNECTED | NUD_DELAY | NUD_PROBE))
		return 0;
	if (n->dead) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_DEAD);
		return 1;
	}
	if (!(n->nud_state & (NUD_STALE | NUD_INCOMPLETE))) {
		if (NEIGH_VAR(n->parms, MCAST_PROBES) + NEIGH_VAR(n->parms, APP_PROBES)) {
			n->probes = NEIGH_VAR(n->parms, UCAST_PROBES);
			neigh_del_timer(n);
			n->nud_state = NUD_INCOMPLETE;
			n->updated = w->now;
			immediate_probe = true;
			neigh_add_timer(n, w->now + ms_ns(NEIGH_VAR(n->parms, RETRANS_TIME)));
		} else {
			n->nud_state = NUD_FAILED;
			n->updated = w->now;
			kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
			return 1;
		}
	} else if (n->nud_state & NUD_STALE) {
		neigh_del_timer(n);
		n->nud_state = NUD_DELAY;
		n->updated = w->now;
		neigh_add_timer(n, w->now + ms_ns(NEIGH_VAR(n->parms, DELAY_PROBE_TIME)));
	}
	if (n->nud_state == NUD_INCOMPLETE) {
		if (skb) {
			while (n->arp_queue_len_bytes + skb->truesize >
			       (unsigned int)NEIGH_VAR(n->parms, QUEUE_LEN_BYTES)) {
				struct sk_buff *old = __skb_dequeue(&n->arp_queue);

				if (!old)
					break;
				n->arp_queue_len_bytes -= old->truesize;
				n->tbl->unres_discards++;
				kfree_skb_reason(old, SKB_DROP_REASON_NEIGH_QUEUEFULL);
			}
			__skb_queue_tail(&n->arp_queue, skb);
			n->arp_queue_len_bytes += skb->truesize;
		}
		if (immediate_probe)
			neigh_probe(n);
		return 1;
	}
	return 0;
}

static int neigh_event_send(struct neighbour *n, struct sk_buff *skb)
{
	n->used = tbl_world(n->tbl)->now;
	if (!(n->nud_state & (NUD_CONNECTED | NUD_DELAY | NUD_PROBE)))
		return __neigh_event_send(n, skb);
	return 0;
}

static int neigh_fill_and_xmit(struct neighbour *n, struct sk_buff *skb)
{
	int err = dev_hard_header(skb, skb->dev, ntohs(skb->protocol), n->ha, NULL, skb->len);

	if (err < 0) {
		kfree_skb_reason(skb, SKB_DROP_REASON_DEV_HDR);
		return -EINVAL;
	}
	return dev_queue_xmit(skb);
}

int neigh_resolve_output(struct neighbour *n, struct sk_buff *skb)
{
	if (skb_tracing(skb))
		skb_trace_note(skb, "neigh_resolve_output", neigh_state_name(n->nud_state));
	if (neigh_event_send(n, skb))
		return 0;
	return neigh_fill_and_xmit(n, skb);
}

int neigh_connected_output(struct neighbour *n, struct sk_buff *skb)
{
	return neigh_fill_and_xmit(n, skb);
}

int neigh_direct_output(struct neighbour *n, struct sk_buff *skb)
{
	(void)n;
	return dev_queue_xmit(skb);
}

static void neigh_send_queued(struct neighbour *n)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(&n->arp_queue)) != NULL) {
		n->arp_queue_len_bytes -= skb->truesize;
		n->output(n, skb);
	}
	n->arp_queue_len_bytes = 0;
}

static bool neigh_update_lladdr(struct neighbour *n, const u8 **lladdr, u8 *new,
				u32 flags, u8 old)
{
	if (!*lladdr) {
		if (!(old & NUD_VALID))
			return false;
		*lladdr = n->ha;
		return true;
	}
	if ((old & NUD_VALID) && !memcmp(*lladdr, n->ha, n->dev->addr_len))
		*lladdr = n->ha;
	if (!(flags & NEIGH_UPDATE_F_OVERRIDE) && (old & NUD_VALID) && *lladdr != n->ha) {
		if (!(flags & NEIGH_UPDATE_F_WEAK_OVERRIDE))
			return false;
		if (old & NUD_CONNECTED) {
			*lladdr = n->ha;
			*new = NUD_STALE;
		}
	}
	return true;
}

/* neigh_update(): the one place a neighbour's state and address change. */
int neigh_update(struct neighbour *n, const u8 *lladdr, u8 new, u32 flags, u32 nlmsg_pid)
{
	struct world *w = tbl_world(n->tbl);
	u8 old = n->nud_state;

	(void)nlmsg_pid;
	if (!(flags & NEIGH_UPDATE_F_ADMIN) && (old & (NUD_NOARP | NUD_PERMANENT)))
		return -EPERM;
	if (n->dead)
		return -ENOENT;
	if (!(new & NUD_VALID)) {
		neigh_del_timer(n);
		if (old & NUD_CONNECTED)
			neigh_suspect(n);
		n->nud_state = new;
		n->updated = w->now;
		if ((old & (NUD_INCOMPLETE | NUD_PROBE)) && (new & NUD_FAILED))
			neigh_invalidate(n);
		if ((old & NUD_VALID) || ((old & (NUD_INCOMPLETE | NUD_PROBE)) && (new & NUD_FAILED)))
			neigh_notify(n, RTM_NEWNEIGH);
		return 0;
	}
	if (!neigh_update_lladdr(n, &lladdr, &new, flags, old))
		return lladdr ? 0 : -EINVAL;
	if (new & NUD_CONNECTED)
		n->confirmed = w->now;
	/* Same address seen again (an ARP request from it): no reason to
	 * doubt a valid entry, so STALE is not applied. */
	if (lladdr == n->ha && new == NUD_STALE && !(flags & NEIGH_UPDATE_F_ADMIN))
		new = old;
	if (new == old && lladdr == n->ha)
		return 0;
	if (new != old || lladdr != n->ha)
		n->updated = w->now;
	if (new != old) {
		neigh_del_timer(n);
		if (new & NUD_PROBE)
			n->probes = 0;
		if (new & NUD_IN_TIMER)
			neigh_add_timer(n, w->now + ((new & NUD_REACHABLE) ?
						     n->parms->reachable_time : 0));
		n->nud_state = new;
	}
	if (lladdr != n->ha)
		memcpy(n->ha, lladdr, n->dev->addr_len);
	if (new & NUD_CONNECTED)
		neigh_connect(n);
	else
		neigh_suspect(n);
	if (!(old & NUD_VALID))
		neigh_send_queued(n);
	neigh_notify(n, RTM_NEWNEIGH);	/* neigh_update_notify() */
	return 0;
}

struct neighbour *neigh_event_ns(struct neigh_table *tbl, u8 *lladdr, void *saddr,
				 struct net_device *dev)
{
	struct neighbour *n = __neigh_lookup(tbl, saddr, dev, lladdr || !dev->addr_len);

	if (n)
		neigh_update(n, lladdr, NUD_STALE, NEIGH_UPDATE_F_OVERRIDE, 0);
	return n;
}

void neigh_flush_dev(struct neigh_table *tbl, struct net_device *dev, bool skip_perm)
{
	for (unsigned int i = 0; i < tbl->hash_buckets; i++) {
		struct neighbour *n = tbl->hash[i], *next;

		for (; n; n = next) {
			next = n->next;
			if (dev && n->dev != dev)
				continue;
			if (skip_perm && (n->nud_state & NUD_PERMANENT))
				continue;
			neigh_unlink(tbl, n);
		}
	}
}

void neigh_ifdown(struct neigh_table *tbl, struct net_device *dev)
{
	struct pneigh_entry **pp = &tbl->phash;

	neigh_flush_dev(tbl, dev, false);
	while (*pp) {
		struct pneigh_entry *p = *pp;

		if (!dev || p->dev == dev) {
			*pp = p->next;
			free(p);
		} else {
			pp = &p->next;
		}
	}
}

void neigh_changeaddr(struct neigh_table *tbl, struct net_device *dev)
{
	neigh_flush_dev(tbl, dev, false);
}

int neigh_delete(struct neigh_table *tbl, struct neighbour *n)
{
	neigh_unlink(tbl, n);
	return 0;
}

struct pneigh_entry *pneigh_lookup(struct neigh_table *tbl, const void *key,
				   struct net_device *dev, int creat)
{
	struct pneigh_entry *p;
	u32 k;

	memcpy(&k, key, sizeof(k));
	for (p = tbl->phash; p; p = p->next)
		if (p->key == k && (!p->dev || p->dev == dev))
			return p;
	if (!creat)
		return NULL;
	p = kzalloc(sizeof(*p));
	if (!p)
		return NULL;
	p->key = k;
	p->dev = dev;
	p->next = tbl->phash;
	tbl->phash = p;
	return p;
}

int pneigh_delete(struct neigh_table *tbl, const void *key, struct net_device *dev)
{
	struct pneigh_entry **pp = &tbl->phash;
	u32 k;

	memcpy(&k, key, sizeof(k));
	for (; *pp; pp = &(*pp)->next) {
		struct pneigh_entry *p = *pp;

		if (p->key == k && p->dev == dev) {
			*pp = p->next;
			free(p);
			return 0;
		}
	}
	return -ENOENT;
}

const char *neigh_state_name(u8 state)
{
	switch (state) {
	case NUD_INCOMPLETE: return "INCOMPLETE";
	case NUD_REACHABLE: return "REACHABLE";
	case NUD_STALE: return "STALE";
	case NUD_DELAY: return "DELAY";
	case NUD_PROBE: return "PROBE";
	case NUD_FAILED: return "FAILED";
	case NUD_NOARP: return "NOARP";
	case NUD_PERMANENT: return "PERMANENT";
	case NUD_NONE: return "NONE";
	default: return "UNKNOWN";
	}
}

/* `ip neigh add/replace/change` (neigh_add in the kernel) */
#include "net/rtnetlink.h"

int neigh_add(struct net *net, const struct ndm_req *req, struct netlink_ext_ack *extack)
{
	struct net_device *dev = req->ifindex ? __dev_get_by_index(net, req->ifindex) : NULL;
	struct neigh_table *tbl = &net->ipv4.arp_tbl;
	struct neighbour *n;
	u32 flags = NEIGH_UPDATE_F_ADMIN | NEIGH_UPDATE_F_OVERRIDE;
	int err;

	if (req->flags & NTF_PROXY)
		return pneigh_lookup(tbl, &req->dst, dev, 1) ? 0 : -ENOBUFS;
	if (!dev) {
		NL_SET_ERR_MSG(extack, "Device not specified");
		return -EINVAL;
	}
	n = neigh_lookup(tbl, &req->dst, dev);
	if (!n) {
		if (!(req->nlflags & NLM_F_CREATE))
			return -ENOENT;
		n = __neigh_create(tbl, &req->dst, dev, true);
		if (!n)
			return -ENOBUFS;
	} else if (req->nlflags & NLM_F_EXCL) {
		neigh_release(n);
		return -EEXIST;
	}
	if (!(req->nlflags & NLM_F_REPLACE) && !(req->nlflags & NLM_F_CREATE))
		flags &= ~NEIGH_UPDATE_F_OVERRIDE;
	err = neigh_update(n, req->has_lladdr ? req->lladdr : NULL,
			   (u8)(req->state ? req->state : NUD_PERMANENT), flags, 0);
	if (err == -EINVAL && !req->has_lladdr)	/* __neigh_update() */
		NL_SET_ERR_MSG(extack, "No link layer address given");
	neigh_release(n);
	return err;
}

int neigh_delete_req(struct net *net, const struct ndm_req *req, struct netlink_ext_ack *extack)
{
	struct net_device *dev = req->ifindex ? __dev_get_by_index(net, req->ifindex) : NULL;
	struct neigh_table *tbl = &net->ipv4.arp_tbl;
	struct neighbour *n;

	if (req->flags & NTF_PROXY)
		return pneigh_delete(tbl, &req->dst, dev);
	if (!dev) {
		NL_SET_ERR_MSG(extack, "Device not specified");
		return -EINVAL;
	}
	n = neigh_lookup(tbl, &req->dst, dev);
	if (!n)
		return -ENOENT;
	neigh_update(n, NULL, NUD_FAILED, NEIGH_UPDATE_F_OVERRIDE | NEIGH_UPDATE_F_ADMIN, 0);
	neigh_release(n);
	neigh_unlink(tbl, n);
	return 0;
}
