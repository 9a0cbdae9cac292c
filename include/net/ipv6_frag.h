/* IPv6 reassembly queues shared by the stack (net/ipv6/reassembly.c) and
 * nf_defrag_ipv6 (net/ipv6/netfilter/nf_conntrack_reasm.c), as Linux's
 * include/net/ipv6_frag.h and inet_fragment.c: a queue per (source,
 * destination, identification, user) in a struct fqdir6. */
#ifndef SKBOX_NET_IPV6_FRAG_H
#define SKBOX_NET_IPV6_FRAG_H

#include "linux/skbuff.h"
#include "linux/timer.h"
#include "net/ipv6.h"
#include "net/netns/ipv6.h"

struct nf_hook_state;

/* whose queue (enum ip6_defrag_users): the stack's, conntrack's at
 * PRE_ROUTING and LOCAL_OUT (plus the zone id) */
enum ip6_defrag_users {
	IP6_DEFRAG_LOCAL_DELIVER,
	IP6_DEFRAG_CONNTRACK_IN = 5,
	IP6_DEFRAG_CONNTRACK_OUT = IP6_DEFRAG_CONNTRACK_IN + 0x10000,
};

struct frag_queue6 {
	struct list_head list;		/* fqdir6.queues */
	struct net *net;
	struct fqdir6 *dir;
	struct in6_addr saddr, daddr;
	__be32 id;
	u32 user;
	int iif;			/* the device of the last fragment */
	int key_iif;			/* part of the key for link-local/multicast */
	struct timer_list timer;
	struct sk_buff *fragments;	/* by offset; ->next */
	struct sk_buff *fragments_tail, *last_run_head;
	unsigned int len;		/* the end of the datagram as known so far */
	unsigned int meat;		/* payload bytes queued */
	unsigned int max_size;		/* the largest fragment, IPv6 header included */
	u16 nhoff;			/* of the byte naming the fragment header */
	u8 flags;			/* FQ_FIRST_IN / FQ_LAST_IN */
	long mem;
};

#define FQ_FIRST_IN 0x1
#define FQ_LAST_IN 0x2

/* IP6CB stays first in skb->cb; the queue's bookkeeping follows. */
struct frag6_skb_cb {
	struct inet6_skb_parm h6;
	unsigned int offset;
	unsigned int run_len;		/* on a run's first fragment */
	bool run_head;
};

_Static_assert(sizeof(struct frag6_skb_cb) <= sizeof(((struct sk_buff *)0)->cb),
	       "frag6_skb_cb fits in skb->cb");

#define FRAG6_CB(skb) ((struct frag6_skb_cb *)((skb)->cb))

enum { FRAG6_OK, FRAG6_DUP, FRAG6_OVERLAP };

/* The queue of (hdr's addresses, id, user) in dir, made if missing; NULL
 * when dir is over its high_thresh or out of memory. */
struct frag_queue6 *ip6_fq_find(struct net *net, struct fqdir6 *dir, __be32 id, u32 user,
				const struct ipv6hdr *hdr, int iif);
void ip6_fq_destroy(struct frag_queue6 *fq, enum skb_drop_reason reason);
/* skb (its data at the fragment's payload) into the queue at offset:
 * FRAG6_OK, FRAG6_DUP (the caller drops it) or FRAG6_OVERLAP. */
int ip6_fq_insert(struct frag_queue6 *fq, struct sk_buff *skb, unsigned int offset,
		  unsigned int end);
/* Account a queued fragment (its IPv6 payload length plen). */
void ip6_fq_account(struct frag_queue6 *fq, struct sk_buff *skb, unsigned int offset,
		    unsigned int plen);
/* Rebuild the datagram in skb, the fragment that completed it, without the
 * fragment header (the header before it names what followed); 0, or
 * -ENOMEM / -E2BIG with skb still queued. */
int ip6_fq_reasm(struct frag_queue6 *fq, struct sk_buff *skb);
/* RFC 8200 4.5: the first fragment (fragment header at fhoff from
 * skb->data) lacks part
 * of the upper-layer header. */
bool ipv6_frag_thdr_truncated(struct sk_buff *skb, int fhoff);
void ip6_fqdir_init(struct fqdir6 *dir);
void ip6_fqdir_exit(struct fqdir6 *dir);

/* nf_defrag_ipv6 (net/ipv6/netfilter/nf_conntrack_reasm.c) */
int nf_ct_frag6_gather(struct net *net, struct sk_buff *skb, u32 user);
unsigned int ipv6_defrag(void *priv, struct sk_buff *skb, const struct nf_hook_state *state);

#endif
