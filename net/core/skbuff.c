/* sk_buff allocation, cloning and freeing (net/core/skbuff.c).
 * Headers and data buffers come from per-world pools, so the packet path
 * does not call malloc once the pools are warm.  Every skb ends exactly once,
 * in consume_skb() (normal end) or kfree_skb_reason() (a drop, with why). */
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/skbuff.h"
#include "net/dst.h"
#include "net/sock.h"

static const unsigned int size_classes[] = { 2048, 4096, 16384, 65536 + 1024 };
#define NR_CLASSES (sizeof(size_classes) / sizeof(size_classes[0]))
#define CLASS_MALLOC 0xff

void skb_pool_init(struct skb_pool *pool)
{
	memset(pool, 0, sizeof(*pool));
}

/* A pooled buffer of class c: its skb_shared_info sits at its end. */
static unsigned char *skb_pool_buf(struct skb_shared_info *sh, unsigned int c)
{
	return (unsigned char *)(sh + 1) - size_classes[c];
}

void skb_pool_destroy(struct skb_pool *pool)
{
	struct sk_buff *skb = pool->free_skbs;

	while (skb) {
		struct sk_buff *next = skb->next;

		free(skb);
		skb = next;
	}
	for (unsigned int c = 0; c < NR_CLASSES; c++) {
		struct skb_shared_info *sh = pool->free_bufs[c];

		while (sh) {
			struct skb_shared_info *next = sh->next_free;

			free(skb_pool_buf(sh, c));
			sh = next;
		}
	}
	memset(pool, 0, sizeof(*pool));
}

/* The fields before users are cleared (as Linux's __alloc_skb() clears up
 * to tail); the caller sets users and the rest. */
static struct sk_buff *skb_head_alloc(struct skb_pool *pool)
{
	struct sk_buff *skb;

	if (should_failslab())
		return NULL;
	skb = pool->free_skbs;

	if (skb)
		pool->free_skbs = skb->next;
	else
		skb = malloc(sizeof(*skb));
	if (!skb)
		return NULL;
	pool->skbs_live++;
	pool->skbs_total++;
	return skb;
}

/* The fields before users, cleared in 64-byte steps: gcc makes each step
 * four 16-byte stores, where one memset of the whole becomes `rep stosq`,
 * slow to start on x86 (and counted a word at a time by callgrind). */
static void skb_clear_header(struct sk_buff *skb)
{
	for (size_t off = 0; off < SKB_ALLOC_CLEAR; off += 64)
		memset((char *)skb + off, 0, SKB_ALLOC_CLEAR - off < 64 ? SKB_ALLOC_CLEAR - off : 64);
}

static void skb_head_free(struct sk_buff *skb)
{
	struct skb_pool *pool = skb->pool;

	pool->skbs_live--;
	skb->next = pool->free_skbs;
	pool->free_skbs = skb;
}

/* A buffer of at least size bytes followed by the skb_shared_info.  Free
 * buffers of a class are linked through their skb_shared_info, the line at
 * their end that every use writes, so a pooled buffer's first line is not
 * touched unless its headroom is used. */
static unsigned char *skb_buf_alloc(struct skb_pool *pool, unsigned int size,
				    unsigned int *bufsize, u8 *cls)
{
	unsigned int need = size + (unsigned int)sizeof(struct skb_shared_info);
	unsigned char *buf;

	if (should_failslab())
		return NULL;
	for (unsigned int c = 0; c < NR_CLASSES; c++) {
		struct skb_shared_info *sh;

		if (need > size_classes[c])
			continue;
		sh = pool->free_bufs[c];
		if (sh) {
			pool->free_bufs[c] = sh->next_free;
			buf = skb_pool_buf(sh, c);
		} else {
			buf = malloc(size_classes[c]);
		}
		if (!buf)
			return NULL;
		*bufsize = size_classes[c] - (unsigned int)sizeof(struct skb_shared_info);
		*cls = (u8)c;
		pool->bufs_live++;
		return buf;
	}
	buf = malloc(need);
	if (!buf)
		return NULL;
	*bufsize = size;
	*cls = CLASS_MALLOC;
	pool->bufs_live++;
	return buf;
}

static void skb_buf_free(struct skb_pool *pool, unsigned char *head,
			 struct skb_shared_info *sh)
{
	u8 cls = sh->size_class;

	pool->bufs_live--;
	if (cls == CLASS_MALLOC) {
		free(head);
		return;
	}
	sh->next_free = pool->free_bufs[cls];
	pool->free_bufs[cls] = sh;
}

static void skb_set_buffer(struct sk_buff *skb, unsigned char *buf, unsigned int size,
			   u8 cls)
{
	struct skb_shared_info *sh;

	skb->head = buf;
	skb->data = buf;
	skb->tail = buf;
	skb->end = buf + size;
	skb->truesize = size + (u32)sizeof(struct sk_buff);
	sh = skb_shinfo(skb);
	memset(sh, 0, sizeof(*sh));
	sh->dataref = 1;
	sh->size_class = cls;
}

struct sk_buff *alloc_skb(struct skb_pool *pool, unsigned int size)
{
	struct sk_buff *skb = skb_head_alloc(pool);
	unsigned int bufsize;
	unsigned char *buf;
	u8 cls;

	if (!skb)
		return NULL;
	skb->pool = pool;
	buf = skb_buf_alloc(pool, size, &bufsize, &cls);
	if (!buf) {
		skb_head_free(skb);
		return NULL;
	}
	skb_clear_header(skb);
	skb->trace_on = pool->tracing;
	skb->users = 1;
	skb_set_buffer(skb, buf, bufsize, cls);
	return skb;
}

static void skb_release_data(struct sk_buff *skb)
{
	struct skb_shared_info *sh = skb_shinfo(skb);

	if (--sh->dataref)
		return;
	while (sh->frag_list) {
		struct sk_buff *frag = sh->frag_list;

		sh->frag_list = frag->next;
		frag->next = NULL;
		consume_skb(frag);
	}
	skb_buf_free(skb->pool, skb->head, sh);
}

static void skb_release_head_state(struct sk_buff *skb)
{
	skb_dst_drop(skb);
	if (skb->destructor) {
		skb->destructor(skb);
		skb->destructor = NULL;
	}
	skb->sk = NULL;
	nf_conntrack_put(skb_nfct(skb));
	skb->_nfct = 0;
	nf_bridge_info_put(skb->nf_bridge);
	skb->nf_bridge = NULL;
}

void nf_bridge_info_put(struct nf_bridge_info *nf_bridge)
{
	if (nf_bridge && --nf_bridge->use == 0)
		free(nf_bridge);
}

static void __kfree_skb(struct sk_buff *skb)
{
	skb_release_head_state(skb);
	skb_release_data(skb);
	skb_head_free(skb);
}

void kfree_skb_reason(struct sk_buff *skb, enum skb_drop_reason reason)
{
	if (!skb)
		return;
	if (--skb->users)
		return;
	if (skb->pool->drop_hook)
		skb->pool->drop_hook(skb->pool->drop_hook_arg, skb, reason,
				     __builtin_return_address(0));
	__kfree_skb(skb);
}

void consume_skb(struct sk_buff *skb)
{
	if (!skb)
		return;
	if (--skb->users)
		return;
	__kfree_skb(skb);
}

static void copy_skb_header(struct sk_buff *n, const struct sk_buff *old)
{
	n->dev = old->dev;
	n->tstamp = old->tstamp;
	memcpy(n->cb, old->cb, sizeof(n->cb));
	n->dst = old->dst;
	if (n->dst)
		dst_hold(n->dst);
	n->len = old->len;
	n->data_len = old->data_len;
	n->mac_len = old->mac_len;
	n->hdr_len = old->hdr_len;
	n->protocol = old->protocol;
	n->pkt_type = old->pkt_type;
	n->ip_summed = old->ip_summed;
	n->ignore_df = old->ignore_df;
	n->priority = old->priority;
	n->mark = old->mark;
	n->_nfct = old->_nfct;
	nf_conntrack_get(skb_nfct(n));
	n->nf_bridge = old->nf_bridge;
	if (n->nf_bridge)
		n->nf_bridge->use++;
	n->hash = old->hash;
	n->skb_iif = old->skb_iif;
	n->trace_id = old->trace_id;
	n->trace_on = old->trace_on;
	n->trace_match = old->trace_match;
	n->trace_last = old->trace_last;
	n->trace_hint = old->trace_hint;
	n->transport_header = old->transport_header;
	n->network_header = old->network_header;
	n->mac_header = old->mac_header;
	n->csum_start = old->csum_start;
	n->csum_offset = old->csum_offset;
}

void skb_copy_header(struct sk_buff *n, const struct sk_buff *old)
{
	copy_skb_header(n, old);
}

/* The clone shares the buffer and starts as a copy of the whole header
 * (one block copy, as Linux's __copy_skb_header() copies its headers
 * group); what is the original's own is reset after it: the list links,
 * the socket and its destructor, the reference count, and the flags
 * copy_skb_header() does not carry. */
struct sk_buff *skb_clone(struct sk_buff *skb)
{
	struct sk_buff *n = skb_head_alloc(skb->pool);

	if (!n)
		return NULL;
	memcpy(n, skb, sizeof(*n));
	n->next = NULL;
	n->prev = NULL;
	n->sk = NULL;
	n->destructor = NULL;
	n->ndisc_nodetype = 0;
	n->nf_trace = 0;
	n->offload_fwd_mark = 0;
	n->local_df = 0;
	n->ipvs_property = 0;
	n->users = 1;
	if (n->dst)
		dst_hold(n->dst);
	nf_conntrack_get(skb_nfct(n));
	if (n->nf_bridge)
		n->nf_bridge->use++;
	n->cloned = 1;
	skb->cloned = 1;
	skb_shinfo(skb)->dataref++;
	return n;
}

struct sk_buff *skb_copy(const struct sk_buff *skb)
{
	unsigned int headroom = skb_headroom(skb);
	struct sk_buff *n = alloc_skb(skb->pool, headroom + skb->len);

	if (!n)
		return NULL;
	skb_reserve(n, (int)headroom);
	skb_put(n, skb->len);
	if (skb_copy_bits(skb, 0, n->data, (int)skb->len)) {
		kfree_skb(n);
		return NULL;
	}
	copy_skb_header(n, skb);
	n->data_len = 0;
	skb_shinfo(n)->gso_size = skb_shinfo(skb)->gso_size;
	skb_shinfo(n)->gso_segs = skb_shinfo(skb)->gso_segs;
	/* header offsets are relative to head, which moved with the same headroom */
	return n;
}

/* Reallocate the buffer with more head/tail room; the skb owns a private copy. */
int pskb_expand_head(struct sk_buff *skb, int nhead, int ntail)
{
	long data_off = skb->data - skb->head;
	long tail_off = skb->tail - skb->head;
	unsigned int size = (unsigned int)(skb->end - skb->head) + (unsigned int)nhead +
			    (unsigned int)ntail;
	struct sk_buff *fl = skb_shinfo(skb)->frag_list;
	u16 gso_size = skb_shinfo(skb)->gso_size, gso_segs = skb_shinfo(skb)->gso_segs;
	unsigned int bufsize;
	unsigned char *buf;
	u8 cls;

	buf = skb_buf_alloc(skb->pool, size, &bufsize, &cls);
	if (!buf)
		return -12; /* -ENOMEM */
	memcpy(buf + nhead, skb->head, (size_t)tail_off);
	for (struct sk_buff *it = fl; it; it = it->next)
		skb_get(it);		/* the old buffer's release drops one ref each */
	skb_release_data(skb);
	skb_set_buffer(skb, buf, bufsize, cls);
	skb_shinfo(skb)->frag_list = fl;
	skb_shinfo(skb)->gso_size = gso_size;
	skb_shinfo(skb)->gso_segs = gso_segs;
	skb->csum_start = (u16)(skb->csum_start + nhead);
	skb->data = buf + nhead + data_off;
	skb->tail = buf + nhead + tail_off;
	skb->mac_header = (u16)(skb->mac_header + nhead);
	skb->network_header = (u16)(skb->network_header + nhead);
	skb->transport_header = (u16)(skb->transport_header + nhead);
	skb->cloned = 0;
	return 0;
}

int skb_copy_bits(const struct sk_buff *skb, int offset, void *to, int len)
{
	int headlen = (int)skb_headlen(skb);
	unsigned char *dst = to;

	if (offset < 0 || len < 0 || offset + len > (int)skb->len)
		return -14; /* -EFAULT */
	if (offset < headlen) {
		int copy = headlen - offset < len ? headlen - offset : len;

		memcpy(dst, skb->data + offset, (size_t)copy);
		dst += copy;
		len -= copy;
		offset += copy;
	}
	if (!len)
		return 0;	/* all linear: skb_shared_info stays untouched */
	offset -= headlen;
	for (struct sk_buff *f = skb_shinfo(skb)->frag_list; f && len > 0; f = f->next) {
		if (offset >= (int)f->len) {
			offset -= (int)f->len;
			continue;
		}
		int copy = (int)f->len - offset < len ? (int)f->len - offset : len;

		if (skb_copy_bits(f, offset, dst, copy))
			return -14;
		dst += copy;
		len -= copy;
		offset = 0;
	}
	return 0;
}

/* Pull the frag_list into one linear buffer (reassembled datagrams). */
int skb_linearize(struct sk_buff *skb)
{
	struct skb_shared_info *sh = skb_shinfo(skb);
	unsigned int extra = skb->data_len;
	unsigned char *p;
	int err;

	if (!extra)
		return 0;
	if (skb_tailroom(skb) < 0 || (unsigned int)(skb->end - skb->tail) < extra || skb_cloned(skb)) {
		err = pskb_expand_head(skb, 0, (int)extra);
		if (err)
			return err;
		sh = skb_shinfo(skb);
	}
	p = skb->tail;
	if (skb_copy_bits(skb, (int)skb_headlen(skb), p, (int)extra))
		return -14;
	while (sh->frag_list) {
		struct sk_buff *f = sh->frag_list;

		sh->frag_list = f->next;
		f->next = NULL;
		consume_skb(f);
	}
	skb->tail += extra;
	skb->data_len = 0;
	return 0;
}

void skb_trim(struct sk_buff *skb, unsigned int len)
{
	if (skb->len <= len)
		return;
	if (skb->data_len)
		skb_linearize(skb);
	skb->len = len;
	skb->tail = skb->data + len;
}

int pskb_trim_rcsum(struct sk_buff *skb, unsigned int len)
{
	if (len < skb->len) {
		if (skb->ip_summed == CHECKSUM_COMPLETE)
			skb->ip_summed = CHECKSUM_NONE;
		skb_trim(skb, len);
	}
	return 0;
}

void skb_dst_set(struct sk_buff *skb, struct dst_entry *dst)
{
	skb_dst_drop(skb);
	skb->dst = dst;
}

void skb_dst_drop(struct sk_buff *skb)
{
	if (skb->dst) {
		dst_release(skb->dst);
		skb->dst = NULL;
	}
}

void skb_orphan(struct sk_buff *skb)
{
	if (skb->destructor) {
		skb->destructor(skb);
		skb->destructor = NULL;
	}
	skb->sk = NULL;
}

void skb_queue_purge_reason(struct sk_buff_head *list, enum skb_drop_reason reason)
{
	struct sk_buff *skb;

	while ((skb = __skb_dequeue(list)) != NULL)
		kfree_skb_reason(skb, reason);
}

static const char *const drop_reasons[] = {
	[SKB_NOT_DROPPED_YET] = "NOT_DROPPED_YET",
	[SKB_CONSUMED] = "CONSUMED",
#define FN(reason) [SKB_DROP_REASON_##reason] = #reason,
	DEFINE_DROP_REASON(FN)
#undef FN
};

const char *drop_reason_name(enum skb_drop_reason reason)
{
	if ((unsigned int)reason >= sizeof(drop_reasons) / sizeof(drop_reasons[0]))
		return "UNKNOWN";
	return drop_reasons[reason];
}
