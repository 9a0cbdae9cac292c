/* Queueing packets to a reader (include/net/netfilter/nf_queue.h).
 *
 * A hook's NF_QUEUE_NR(n) verdict (-j NFQUEUE) hands the skb to
 * nf_queue(): it becomes a struct nf_queue_entry remembering where in the
 * hook list it stopped, and goes to queue n of the namespace
 * (nfnetlink_queue.c).  A reader (include/skbox/nfqueue.h, the `nfqueue`
 * command) sees it and gives a verdict; nf_reinject() then continues as
 * Linux's does: ACCEPT from the next hook, REPEAT the same hook again, STOP
 * straight to okfn, DROP frees it.
 *
 * Call order: nf_hook_slow -> nf_queue -> nfqnl_enqueue_packet ... (reader)
 * skbox_nfq_verdict -> nfqnl_set_verdict -> nf_reinject -> nf_hook_slow_from
 * -> okfn.
 */
#ifndef SKBOX_NET_NF_QUEUE_H
#define SKBOX_NET_NF_QUEUE_H

#include "linux/netfilter.h"
#include "linux/list.h"

struct net_device;

struct nf_queue_entry {
	struct list_head list;			/* the instance's queue, in id order */
	struct sk_buff *skb;
	unsigned int id;			/* packet id the reader answers with */
	unsigned int hook_index;		/* where in the hook list it stopped */
	const struct nf_hook_ops *hook_ops;	/* ... and which hook that was */
	struct nf_hook_state state;
	bool delivered;				/* the reader has seen it */
};

/* Queue skb at the hook (index in the namespace's list for state's hook)
 * that returned verdict (NF_QUEUE with a queue number).  Returns 1 when
 * the packet goes on to the next hook (--queue-bypass without a reader, or
 * a full queue with fail-open), 0 when it was queued or dropped. */
int nf_queue(struct sk_buff *skb, struct nf_hook_state *state, unsigned int index,
	     unsigned int verdict);
/* The reader's verdict (NF_ACCEPT, NF_DROP, NF_REPEAT, NF_STOP): the
 * packet continues or is freed; the entry is freed. */
void nf_reinject(struct nf_queue_entry *entry, unsigned int verdict);

/* ---- nfnetlink_queue.c ---- */
/* 0 when queued, -ESRCH without a reader, -ENOSPC when full (counted),
 * 1 when full with fail-open (the caller accepts). */
int nfqnl_enqueue_packet(struct nf_queue_entry *entry, unsigned int queuenum);
/* Drop the queued packets of a namespace and detach its readers (netns exit). */
void nfqnl_net_exit(struct net *net);
/* NETDEV_UNREGISTER: packets queued with the device as in or out are dropped. */
int nfqnl_rcv_dev_event(struct net_device *dev, unsigned long event);

#endif
