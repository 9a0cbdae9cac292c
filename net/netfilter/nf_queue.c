/* nf_queue (net/netfilter/nf_queue.c): a packet a hook queued waits, as an
 * nf_queue_entry, for a reader's verdict; nf_reinject() continues the hook
 * walk where it stopped.  The queues themselves are nfnetlink_queue.c's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "linux/slab.h"
#include "net/netfilter/nf_queue.h"
#include "net/trace.h"

/* The drop when nobody reads the queue: --queue-bypass lets the packet go
 * on to the next hook instead (Linux: -ESRCH with the bypass flag). */
int nf_queue(struct sk_buff *skb, struct nf_hook_state *state, unsigned int index,
	     unsigned int verdict)
{
	const struct nf_hook_entries *e = nf_hook_entries_get(state->net, state->pf, state->hook);
	unsigned int queuenum = verdict >> NF_VERDICT_QBITS;
	struct nf_queue_entry *entry;
	char note[48];
	int err;

	entry = kzalloc(sizeof(*entry));
	if (!entry) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return 0;
	}
	entry->skb = skb;
	entry->hook_index = index;
	entry->hook_ops = e ? e->ops[index] : NULL;
	entry->state = *state;
	err = nfqnl_enqueue_packet(entry, queuenum);
	if (err == 0) {
		snprintf(note, sizeof(note), "queue %u id %u", queuenum, entry->id);
		skb_trace_note(skb, "nf_queue", note);
		return 0;
	}
	free(entry);
	if (err == 1) {
		skb_trace_note(skb, "nf_queue", "queue full: fail-open, accepted");
		return 1;
	}
	if (err == -ESRCH && (verdict & NF_VERDICT_FLAG_QUEUE_BYPASS)) {
		snprintf(note, sizeof(note), "queue %u: no reader, bypass", queuenum);
		skb_trace_note(skb, "nf_queue", note);
		return 1;
	}
	snprintf(note, sizeof(note), "queue %u: %s", queuenum,
		 err == -ESRCH ? "no reader" : "full");
	skb_trace_note(skb, "nf_queue", note);
	kfree_skb_reason(skb, SKB_DROP_REASON_NETFILTER_DROP);
	return 0;
}

static const char *const verdict_names[] = {
	[NF_DROP] = "DROP", [NF_ACCEPT] = "ACCEPT", [NF_STOLEN] = "STOLEN",
	[NF_QUEUE] = "QUEUE", [NF_REPEAT] = "REPEAT", [NF_STOP] = "STOP",
};

/* The hook list may have changed while the packet waited (a table went):
 * Linux drops the packet then. */
static const struct nf_hook_entries *reinject_hooks(const struct nf_queue_entry *entry)
{
	const struct nf_hook_entries *e;

	e = nf_hook_entries_get(entry->state.net, entry->state.pf, entry->state.hook);
	if (!e || entry->hook_index >= e->num || e->ops[entry->hook_index] != entry->hook_ops)
		return NULL;
	return e;
}

void nf_reinject(struct nf_queue_entry *entry, unsigned int verdict)
{
	struct sk_buff *skb = entry->skb;
	struct nf_hook_state *state = &entry->state;
	const struct nf_hook_entries *e = reinject_hooks(entry);
	unsigned int v = verdict & NF_VERDICT_MASK;
	char note[40];
	int ret;

	snprintf(note, sizeof(note), "id %u verdict %s", entry->id,
		 v <= NF_MAX_VERDICT ? verdict_names[v] : "?");
	skb_trace_note(skb, "nf_reinject", note);
	/* the socket, if any, is the skb's own (it holds it while queued) */
	state->sk = skb->sk;
	if (!e && v != NF_DROP)
		v = NF_DROP;
	switch (v) {
	case NF_ACCEPT:
		ret = nf_hook_slow_from(skb, state, e, entry->hook_index + 1);
		break;
	case NF_REPEAT:
		ret = nf_hook_slow_from(skb, state, e, entry->hook_index);
		break;
	case NF_STOP:
		ret = 1;
		break;
	default:
		kfree_skb_reason(skb, SKB_DROP_REASON_NETFILTER_DROP);
		ret = 0;
		break;
	}
	if (ret == 1)
		state->okfn(state->net, state->sk, skb);
	free(entry);
}
