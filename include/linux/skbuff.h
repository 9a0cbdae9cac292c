/* struct sk_buff (include/linux/skbuff.h): one packet, its metadata and a
 * pointer window (head/data/tail/end) onto a buffer that clones share. */
#ifndef SKBOX_LINUX_SKBUFF_H
#define SKBOX_LINUX_SKBUFF_H

#include <assert.h>
#include <stddef.h>
#include <string.h>
#include "linux/types.h"
#include "linux/list.h"
#include "net/dropreason.h"

struct net_device;
struct sock;
struct dst_entry;
struct skb_pool;

/* skb->pkt_type, as eth_type_trans() sets it (include/uapi/linux/if_packet.h) */
enum {
	PACKET_HOST = 0,
	PACKET_BROADCAST = 1,
	PACKET_MULTICAST = 2,
	PACKET_OTHERHOST = 3,
	PACKET_OUTGOING = 4,
	PACKET_LOOPBACK = 5,
};

/* skb->ip_summed */
enum {
	CHECKSUM_NONE = 0,
	CHECKSUM_UNNECESSARY = 1,
	CHECKSUM_COMPLETE = 2,
	CHECKSUM_PARTIAL = 3,
};

#define NET_SKB_PAD 64

/* Lives at skb->end, shared by all clones of one buffer. */
struct skb_shared_info {
	int dataref;			/* skbs that point at this buffer */
	union {
		struct sk_buff *frag_list;	/* reassembled fragments, in order */
		/* a free buffer in its pool: the next free one of its class,
		 * linked here (a line the buffer's use touches anyway) */
		struct skb_shared_info *next_free;
	};
	u16 gso_size;
	u16 gso_segs;
	u8 size_class;			/* which pool the buffer came from */
};

struct sk_buff {
	struct sk_buff *next, *prev;	/* in an sk_buff_head */
	struct net_device *dev;
	struct sock *sk;
	u64 tstamp;
	char cb[48];			/* private to the current layer */
	struct dst_entry *dst;		/* _skb_refdst: holds a reference */
	void (*destructor)(struct sk_buff *skb);
	unsigned long _nfct;		/* struct nf_conntrack * | enum ip_conntrack_info */
	struct nf_bridge_info *nf_bridge;	/* bridged IPv4 seen by iptables */

	unsigned int len;		/* bytes from data to tail (plus frag_list) */
	unsigned int data_len;		/* bytes in frag_list */
	u16 mac_len;
	u16 hdr_len;
	u16 protocol;			/* __be16, ETH_P_* in network order */
	u8 pkt_type;
	u8 ip_summed;
	u8 cloned:1;
	u8 ndisc_nodetype:2;
	u8 ignore_df:1;
	u8 nf_trace:1;
	u8 offload_fwd_mark:1;
	u8 local_df:1;
	u8 ipvs_property:1;		/* IPVS translated it: its hooks let it pass */
	u8 tc_at_ingress:1;		/* tc classifies it at ingress */

	u32 priority;
	u32 mark;
	u32 hash;
	int skb_iif;			/* ifindex the packet arrived on */
	u32 trace_id;			/* follows the packet across clones and namespaces */
	u8 trace_match;			/* 0 undecided, 1 traced, 2 filtered out */
	u8 trace_on;			/* made while the world traced: one byte test per trace point */
	u8 csum_offset;			/* CHECKSUM_PARTIAL: store the sum this far past csum_start */
	const char *trace_last;		/* last stage passed (for drops) */
	const char *trace_hint;		/* why, in words, when a drop is coming */

	u16 transport_header;		/* offsets from head */
	u16 network_header;
	u16 mac_header;
	u16 csum_start;			/* CHECKSUM_PARTIAL: sum from here (offset from head) */

	/* from here on, alloc_skb() sets every field (it clears only what
	 * comes before users: SKB_ALLOC_CLEAR) */
	int users;			/* references to this sk_buff */
	u32 truesize;
	struct skb_pool *pool;
	unsigned char *head, *data, *tail, *end;
};

#define SKB_ALLOC_CLEAR offsetof(struct sk_buff, users)

struct sk_buff_head {
	struct sk_buff *next, *prev;
	u32 qlen;
};

/* ---- allocation (net/core/skbuff.c) ---- */
struct sk_buff *alloc_skb(struct skb_pool *pool, unsigned int size);
struct sk_buff *skb_clone(struct sk_buff *skb);
struct sk_buff *skb_copy(const struct sk_buff *skb);
void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason);
void consume_skb(struct sk_buff *skb);
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail);
int skb_linearize(struct sk_buff *skb);
void skb_trim(struct sk_buff *skb, unsigned int len);
int pskb_trim_rcsum(struct sk_buff *skb, unsigned int len);
int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len);
void skb_dst_set(struct sk_buff *skb, struct dst_entry *dst);
void skb_dst_drop(struct sk_buff *skb);
void skb_orphan(struct sk_buff *skb);
void skb_copy_header(struct sk_buff *n, const struct sk_buff *old);

/* ---- segmentation offload (net/core/gso.c) ---- */
int skb_checksum_help(struct sk_buff *skb);
struct sk_buff *skb_gso_segment(struct sk_buff *skb);
bool skb_gso_validate_network_len(const struct sk_buff *skb, unsigned int mtu);

/* ---- the conntrack entry an skb carries (include/linux/skbuff.h) ----
 * _nfct holds a struct nf_conntrack pointer with the enum ip_conntrack_info
 * in its low three bits.  Every skb holding the pointer holds a reference;
 * the last put calls the entry's destroy (net/netfilter/nf_conntrack_core.c). */
struct nf_conntrack {
	unsigned int use;
	void (*destroy)(struct nf_conntrack *nfct);
};

#define NFCT_INFOMASK	7UL
#define NFCT_PTRMASK	(~NFCT_INFOMASK)

static inline struct nf_conntrack *skb_nfct(const struct sk_buff *skb)
{
	return (struct nf_conntrack *)(skb->_nfct & NFCT_PTRMASK);
}

static inline void nf_conntrack_get(struct nf_conntrack *nfct)
{
	if (nfct)
		nfct->use++;
}

static inline void nf_conntrack_put(struct nf_conntrack *nfct)
{
	if (nfct && --nfct->use == 0)
		nfct->destroy(nfct);
}

/* Forget the entry (a packet leaving for another namespace, a socket). */
static inline void nf_reset_ct(struct sk_buff *skb)
{
	nf_conntrack_put(skb_nfct(skb));
	skb->_nfct = 0;
}

/* Bridged IPv4 on its way through the iptables hooks (br_netfilter): the
 * bridge ports it came in and goes out on, for -m physdev. */
struct nf_bridge_info {
	unsigned int use;
	u8 orig_proto;
	u8 pkt_otherhost:1;
	u8 in_prerouting:1;
	u8 bridged_dnat:1;
	struct net_device *physindev;
	struct net_device *physoutdev;
	struct net_device *bridge_in;	/* the bridge device, for hook state */
	__be32 ipv4_daddr;		/* before PRE_ROUTING: DNAT detection */
	u8 neigh_header[6];		/* source MAC kept across bridged DNAT */
};

void nf_bridge_info_put(struct nf_bridge_info *nf_bridge);

static inline void kfree_skb(struct sk_buff *skb)
{
	kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
}

static inline struct skb_shared_info *skb_shinfo(const struct sk_buff *skb)
{
	return (struct skb_shared_info *)skb->end;
}

/* A super-packet: gso_segs segments of gso_size payload bytes each (the
 * last may be shorter) behind one set of headers. */
static inline bool skb_is_gso(const struct sk_buff *skb)
{
	return skb_shinfo(skb)->gso_size != 0;
}

/* tcp_skb_pcount()/skb_shinfo(skb)->gso_segs ?: 1 */
static inline unsigned int skb_gso_segs(const struct sk_buff *skb)
{
	return skb_shinfo(skb)->gso_segs ? skb_shinfo(skb)->gso_segs : 1u;
}

static inline struct dst_entry *skb_dst(const struct sk_buff *skb)
{
	return skb->dst;
}

static inline bool skb_cloned(const struct sk_buff *skb)
{
	return skb->cloned && skb_shinfo(skb)->dataref != 1;
}

static inline unsigned int skb_headlen(const struct sk_buff *skb)
{
	return skb->len - skb->data_len;
}

/* skb_header_pointer(): @len bytes at @offset from data — in place when they
 * are in the linear part, else copied to @buffer; NULL past the end. */
static inline void *skb_header_pointer(const struct sk_buff *skb, int offset, int len,
				       void *buffer)
{
	if (offset >= 0 && len >= 0 && offset + len <= (int)skb_headlen(skb))
		return skb->data + offset;
	if (skb_copy_bits(skb, offset, buffer, len))
		return NULL;
	return buffer;
}

static inline unsigned int skb_headroom(const struct sk_buff *skb)
{
	return (unsigned int)(skb->data - skb->head);
}

static inline int skb_tailroom(const struct sk_buff *skb)
{
	return skb->data_len ? 0 : (int)(skb->end - skb->tail);
}

static inline void skb_reserve(struct sk_buff *skb, int len)
{
	skb->data += len;
	skb->tail += len;
}

static inline unsigned char *skb_put(struct sk_buff *skb, unsigned int len)
{
	unsigned char *tmp = skb->tail;

	assert(!skb->data_len);
	assert(skb->tail + len <= skb->end);
	skb->tail += len;
	skb->len += len;
	return tmp;
}

static inline void *skb_put_data(struct sk_buff *skb, const void *data, unsigned int len)
{
	void *p = skb_put(skb, len);

	memcpy(p, data, len);
	return p;
}

static inline void *skb_put_zero(struct sk_buff *skb, unsigned int len)
{
	void *p = skb_put(skb, len);

	memset(p, 0, len);
	return p;
}

static inline unsigned char *skb_push(struct sk_buff *skb, unsigned int len)
{
	assert(skb->data - len >= skb->head);
	skb->data -= len;
	skb->len += len;
	return skb->data;
}

static inline unsigned char *skb_pull(struct sk_buff *skb, unsigned int len)
{
	if (len > skb_headlen(skb))
		return NULL;
	skb->len -= len;
	skb->data += len;
	return skb->data;
}

/* True when len bytes from data are in the linear part (we keep skbs linear,
 * except reassembled datagrams, which are linearized before parsing). */
static inline bool pskb_may_pull(struct sk_buff *skb, unsigned int len)
{
	if (len <= skb_headlen(skb))
		return true;
	if (len > skb->len)
		return false;
	return skb_linearize(skb) == 0;
}

static inline unsigned char *skb_mac_header(const struct sk_buff *skb)
{
	return skb->head + skb->mac_header;
}

static inline unsigned char *skb_network_header(const struct sk_buff *skb)
{
	return skb->head + skb->network_header;
}

static inline unsigned char *skb_transport_header(const struct sk_buff *skb)
{
	return skb->head + skb->transport_header;
}

static inline void skb_reset_mac_header(struct sk_buff *skb)
{
	skb->mac_header = (u16)(skb->data - skb->head);
}

static inline void skb_reset_network_header(struct sk_buff *skb)
{
	skb->network_header = (u16)(skb->data - skb->head);
}

static inline void skb_reset_transport_header(struct sk_buff *skb)
{
	skb->transport_header = (u16)(skb->data - skb->head);
}

static inline void skb_set_network_header(struct sk_buff *skb, int offset)
{
	skb->network_header = (u16)(skb->data - skb->head + offset);
}

static inline void skb_set_transport_header(struct sk_buff *skb, int offset)
{
	skb->transport_header = (u16)(skb->data - skb->head + offset);
}

static inline int skb_network_offset(const struct sk_buff *skb)
{
	return (int)(skb_network_header(skb) - skb->data);
}

static inline int skb_transport_offset(const struct sk_buff *skb)
{
	return (int)(skb_transport_header(skb) - skb->data);
}

static inline unsigned int skb_network_header_len(const struct sk_buff *skb)
{
	return skb->transport_header - skb->network_header;
}

/* Make the header area private before writing to it (clones share it). */
static inline int skb_cow(struct sk_buff *skb, unsigned int headroom)
{
	int delta = 0;

	if (headroom > skb_headroom(skb))
		delta = (int)(headroom - skb_headroom(skb));
	if (delta || skb_cloned(skb))
		return pskb_expand_head(skb, delta + NET_SKB_PAD, 0);
	return 0;
}

static inline int skb_cow_head(struct sk_buff *skb, unsigned int headroom)
{
	return skb_cow(skb, headroom);
}

static inline struct sk_buff *skb_get(struct sk_buff *skb)
{
	skb->users++;
	return skb;
}

/* ---- queues ---- */
static inline void __skb_queue_head_init(struct sk_buff_head *list)
{
	list->prev = list->next = (struct sk_buff *)list;
	list->qlen = 0;
}

#define skb_queue_head_init __skb_queue_head_init

static inline bool skb_queue_empty(const struct sk_buff_head *list)
{
	return list->next == (const struct sk_buff *)list;
}

static inline u32 skb_queue_len(const struct sk_buff_head *list)
{
	return list->qlen;
}

static inline void __skb_queue_tail(struct sk_buff_head *list, struct sk_buff *skb)
{
	struct sk_buff *prev = list->prev;

	skb->next = (struct sk_buff *)list;
	skb->prev = prev;
	prev->next = skb;
	list->prev = skb;
	list->qlen++;
}

static inline void __skb_queue_head(struct sk_buff_head *list, struct sk_buff *skb)
{
	struct sk_buff *next = list->next;

	skb->next = next;
	skb->prev = (struct sk_buff *)list;
	next->prev = skb;
	list->next = skb;
	list->qlen++;
}

static inline void __skb_unlink(struct sk_buff *skb, struct sk_buff_head *list)
{
	skb->prev->next = skb->next;
	skb->next->prev = skb->prev;
	skb->next = skb->prev = NULL;
	list->qlen--;
}

static inline struct sk_buff *skb_peek(const struct sk_buff_head *list)
{
	struct sk_buff *skb = list->next;

	return skb == (const struct sk_buff *)list ? NULL : skb;
}

static inline struct sk_buff *__skb_dequeue(struct sk_buff_head *list)
{
	struct sk_buff *skb = skb_peek(list);

	if (skb)
		__skb_unlink(skb, list);
	return skb;
}

#define skb_queue_tail __skb_queue_tail
#define skb_dequeue __skb_dequeue

#define skb_queue_walk_safe(queue, skb, tmp)				\
	for (skb = (queue)->next, tmp = skb->next;			\
	     skb != (struct sk_buff *)(queue);				\
	     skb = tmp, tmp = skb->next)

void skb_queue_purge_reason(struct sk_buff_head *list, enum skb_drop_reason reason);

/* ---- the pool: sk_buff headers and data buffers with no malloc on the hot path ---- */
struct skb_pool {
	struct sk_buff *free_skbs;	/* singly linked through ->next */
	void *free_bufs[4];		/* per size class, linked through the first word */
	long skbs_live;			/* allocated and not freed: the leak check */
	long bufs_live;
	long skbs_total;
	void (*drop_hook)(void *arg, struct sk_buff *skb, enum skb_drop_reason reason,
			  void *location);
	void *drop_hook_arg;
	bool tracing;			/* new skbs get trace_on (net/core/trace.c) */
};

void skb_pool_init(struct skb_pool *pool);
void skb_pool_destroy(struct skb_pool *pool);

#endif
