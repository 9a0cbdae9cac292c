// SPDX-License-Identifier: GPL-2.0
/* Unit tests for net/core/skbuff.c: the sk_buff pointer window, clones,
 * copies, the per-world pool and the drop hook. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "linux/skbuff.h"
#include "net/dropreason.h"

struct drop_log {
	int calls;
	enum skb_drop_reason last;
	struct sk_buff *last_skb;
};

static void drop_hook(void *arg, struct sk_buff *skb, enum skb_drop_reason reason,
		      void *location)
{
	struct drop_log *l = arg;

	(void)location;
	l->calls++;
	l->last = reason;
	l->last_skb = skb;
}

static void test_alloc_reserve_put_push_pull(void **state)
{
	struct skb_pool pool;
	struct sk_buff *skb;
	unsigned int room;
	unsigned char *p;

	(void)state;
	skb_pool_init(&pool);
	skb = alloc_skb(&pool, 256);
	assert_non_null(skb);
	assert_int_equal(pool.skbs_live, 1);
	assert_int_equal(pool.bufs_live, 1);
	assert_int_equal(skb->len, 0);
	assert_int_equal(skb->users, 1);
	assert_int_equal(skb_headroom(skb), 0);
	room = (unsigned int)skb_tailroom(skb);
	assert_true(room >= 256);
	assert_int_equal(skb_shinfo(skb)->dataref, 1);

	skb_reserve(skb, 64);
	assert_int_equal(skb_headroom(skb), 64);
	assert_int_equal(skb_tailroom(skb), (int)room - 64);
	assert_int_equal(skb->len, 0);

	p = skb_put(skb, 100);
	assert_ptr_equal(p, skb->data);
	memset(p, 0xab, 100);
	assert_int_equal(skb->len, 100);
	assert_int_equal(skb_headlen(skb), 100);
	assert_int_equal(skb_tailroom(skb), (int)room - 164);

	p = skb_push(skb, 14);
	assert_ptr_equal(p, skb->data);
	assert_int_equal(skb->len, 114);
	assert_int_equal(skb_headroom(skb), 50);
	skb_reset_mac_header(skb);
	assert_ptr_equal(skb_mac_header(skb), skb->data);

	p = skb_pull(skb, 14);
	assert_non_null(p);
	assert_int_equal(skb->len, 100);
	assert_int_equal(skb_headroom(skb), 64);
	assert_int_equal(skb->data[0], 0xab);
	skb_reset_network_header(skb);
	assert_int_equal(skb_network_offset(skb), 0);
	assert_int_equal(skb->data - skb_mac_header(skb), 14);
	/* pulling more than the linear part fails and changes nothing */
	assert_null(skb_pull(skb, 101));
	assert_int_equal(skb->len, 100);
	assert_true(pskb_may_pull(skb, 100));
	assert_false(pskb_may_pull(skb, 101));

	skb_trim(skb, 40);
	assert_int_equal(skb->len, 40);
	assert_ptr_equal(skb->tail, skb->data + 40);

	consume_skb(skb);
	assert_int_equal(pool.skbs_live, 0);
	assert_int_equal(pool.bufs_live, 0);
	skb_pool_destroy(&pool);
}

static void test_clone_shares_data(void **state)
{
	struct skb_pool pool;
	struct sk_buff *skb, *c;

	(void)state;
	skb_pool_init(&pool);
	skb = alloc_skb(&pool, 128);
	skb_reserve(skb, 32);
	skb_put_data(skb, "hello, world", 12);
	skb->mark = 7;
	skb->priority = 3;

	c = skb_clone(skb);
	assert_non_null(c);
	assert_ptr_not_equal(c, skb);
	assert_ptr_equal(c->head, skb->head);
	assert_ptr_equal(c->data, skb->data);
	assert_int_equal(c->len, 12);
	assert_int_equal(c->mark, 7);
	assert_int_equal(c->priority, 3);
	assert_int_equal(skb_shinfo(skb)->dataref, 2);
	assert_ptr_equal(skb_shinfo(c), skb_shinfo(skb));
	assert_true(skb_cloned(skb));
	assert_true(skb_cloned(c));
	assert_int_equal(pool.skbs_live, 2);
	assert_int_equal(pool.bufs_live, 1);	/* one shared buffer */

	/* a write through the shared buffer is seen by both */
	c->data[0] = 'H';
	assert_int_equal(skb->data[0], 'H');

	/* moving one window does not move the other */
	skb_pull(c, 7);
	assert_int_equal(c->len, 5);
	assert_int_equal(skb->len, 12);
	assert_memory_equal(c->data, "world", 5);

	consume_skb(c);
	assert_int_equal(skb_shinfo(skb)->dataref, 1);
	assert_false(skb_cloned(skb));	/* cloned bit set, but dataref back to 1 */
	assert_int_equal(pool.bufs_live, 1);
	consume_skb(skb);
	assert_int_equal(pool.skbs_live, 0);
	assert_int_equal(pool.bufs_live, 0);
	skb_pool_destroy(&pool);
}

static void test_expand_head_after_clone(void **state)
{
	struct skb_pool pool;
	struct sk_buff *skb, *c;
	unsigned int hr;

	(void)state;
	skb_pool_init(&pool);
	skb = alloc_skb(&pool, 128);
	skb_reserve(skb, 16);
	skb_put_data(skb, "0123456789", 10);
	skb_reset_network_header(skb);
	c = skb_clone(skb);
	hr = skb_headroom(c);

	assert_int_equal(pskb_expand_head(c, 32, 0), 0);
	assert_ptr_not_equal(c->head, skb->head);
	assert_false(skb_cloned(c));
	assert_false(skb_cloned(skb));
	assert_int_equal(skb_shinfo(c)->dataref, 1);
	assert_int_equal(skb_shinfo(skb)->dataref, 1);
	assert_int_equal(skb_headroom(c), hr + 32);
	assert_int_equal(c->len, 10);
	assert_memory_equal(c->data, "0123456789", 10);
	/* network header moved with the data */
	assert_ptr_equal(skb_network_header(c), c->data);
	assert_int_equal(pool.bufs_live, 2);

	/* private: writes no longer show through */
	c->data[0] = 'X';
	assert_int_equal(skb->data[0], '0');

	/* skb_cow on a clone makes it private, too */
	{
		struct sk_buff *c2 = skb_clone(skb);

		assert_true(skb_cloned(c2));
		assert_int_equal(skb_cow(c2, 0), 0);
		assert_false(skb_cloned(c2));
		assert_ptr_not_equal(c2->head, skb->head);
		assert_true(skb_headroom(c2) >= NET_SKB_PAD);
		kfree_skb(c2);
	}

	kfree_skb(c);
	consume_skb(skb);
	assert_int_equal(pool.skbs_live, 0);
	assert_int_equal(pool.bufs_live, 0);
	skb_pool_destroy(&pool);
}

static void test_skb_copy(void **state)
{
	struct skb_pool pool;
	struct sk_buff *skb, *n;

	(void)state;
	skb_pool_init(&pool);
	skb = alloc_skb(&pool, 200);
	skb_reserve(skb, 40);
	skb_put_data(skb, "abcdefghijklmnop", 16);
	skb_reset_network_header(skb);
	skb_set_transport_header(skb, 4);
	skb->mark = 99;
	skb->protocol = 0x0008;

	n = skb_copy(skb);
	assert_non_null(n);
	assert_ptr_not_equal(n->head, skb->head);
	assert_false(skb_cloned(n));
	assert_false(skb_cloned(skb));
	assert_int_equal(skb_shinfo(skb)->dataref, 1);
	assert_int_equal(skb_shinfo(n)->dataref, 1);
	assert_int_equal(n->len, 16);
	assert_int_equal(skb_headroom(n), 40);
	assert_memory_equal(n->data, "abcdefghijklmnop", 16);
	assert_int_equal(n->mark, 99);
	assert_int_equal(n->protocol, 0x0008);
	assert_ptr_equal(skb_network_header(n), n->data);
	assert_ptr_equal(skb_transport_header(n), n->data + 4);
	n->data[0] = 'Z';
	assert_int_equal(skb->data[0], 'a');
	assert_int_equal(pool.skbs_live, 2);
	assert_int_equal(pool.bufs_live, 2);

	consume_skb(n);
	consume_skb(skb);
	assert_int_equal(pool.skbs_live, 0);
	assert_int_equal(pool.bufs_live, 0);
	skb_pool_destroy(&pool);
}

/* skb_header_pointer(): in place within the linear part, copied across
 * the frag_list boundary, NULL past the end */
static void test_header_pointer(void **state)
{
	struct skb_pool pool;
	struct sk_buff *skb, *frag;
	unsigned char buf[8];
	const unsigned char *p;

	(void)state;
	skb_pool_init(&pool);
	skb = alloc_skb(&pool, 64);
	skb_put_data(skb, "abcdefgh", 8);
	frag = alloc_skb(&pool, 64);
	skb_put_data(frag, "ijklmnop", 8);
	skb_shinfo(skb)->frag_list = frag;
	skb->len += frag->len;
	skb->data_len += frag->len;

	p = skb_header_pointer(skb, 2, 4, buf);
	assert_ptr_equal(p, skb->data + 2);
	p = skb_header_pointer(skb, 6, 4, buf);
	assert_ptr_equal(p, buf);
	assert_memory_equal(p, "ghij", 4);
	p = skb_header_pointer(skb, 12, 4, buf);
	assert_ptr_equal(p, buf);
	assert_memory_equal(p, "mnop", 4);
	assert_null(skb_header_pointer(skb, 13, 4, buf));
	assert_null(skb_header_pointer(skb, -1, 1, buf));
	consume_skb(skb);
	assert_int_equal(pool.skbs_live, 0);
	assert_int_equal(pool.bufs_live, 0);
	skb_pool_destroy(&pool);
}

static void test_consume_vs_kfree_drop_hook(void **state)
{
	struct skb_pool pool;
	struct drop_log log = {0};
	struct sk_buff *skb;

	(void)state;
	skb_pool_init(&pool);
	pool.drop_hook = drop_hook;
	pool.drop_hook_arg = &log;

	/* consume: a normal end, not a drop */
	skb = alloc_skb(&pool, 64);
	consume_skb(skb);
	assert_int_equal(log.calls, 0);

	/* kfree_skb_reason: the hook sees the skb and the reason */
	skb = alloc_skb(&pool, 64);
	kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
	assert_int_equal(log.calls, 1);
	assert_int_equal(log.last, SKB_DROP_REASON_NO_SOCKET);
	assert_ptr_equal(log.last_skb, skb);

	/* plain kfree_skb: NOT_SPECIFIED */
	skb = alloc_skb(&pool, 64);
	kfree_skb(skb);
	assert_int_equal(log.calls, 2);
	assert_int_equal(log.last, SKB_DROP_REASON_NOT_SPECIFIED);

	/* with extra users, only the last put ends the skb (and calls the hook once) */
	skb = alloc_skb(&pool, 64);
	skb_get(skb);
	assert_int_equal(skb->users, 2);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_CSUM);
	assert_int_equal(log.calls, 2);
	assert_int_equal(pool.skbs_live, 1);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_CSUM);
	assert_int_equal(log.calls, 3);
	assert_int_equal(log.last, SKB_DROP_REASON_IP_CSUM);

	/* NULL is fine */
	kfree_skb_reason(NULL, SKB_DROP_REASON_NOMEM);
	consume_skb(NULL);
	assert_int_equal(log.calls, 3);

	assert_int_equal(pool.skbs_live, 0);
	assert_int_equal(pool.bufs_live, 0);
	skb_pool_destroy(&pool);
}

static void test_pool_reuse(void **state)
{
	struct skb_pool pool;
	struct sk_buff *a, *b, *c, *d;
	unsigned char *abuf;

	(void)state;
	skb_pool_init(&pool);
	a = alloc_skb(&pool, 100);
	abuf = a->head;
	consume_skb(a);
	assert_int_equal(pool.skbs_total, 1);
	assert_ptr_equal(pool.free_skbs, a);
	assert_non_null(pool.free_bufs[0]);

	/* the next skb of the same size class reuses header and buffer */
	b = alloc_skb(&pool, 120);
	assert_ptr_equal(b, a);
	assert_ptr_equal(b->head, abuf);
	assert_null(pool.free_skbs);
	assert_null(pool.free_bufs[0]);
	assert_int_equal(pool.skbs_total, 2);
	assert_int_equal(pool.skbs_live, 1);
	assert_int_equal(b->users, 1);
	assert_int_equal(b->len, 0);
	assert_int_equal(skb_shinfo(b)->dataref, 1);

	/* a second live skb needs fresh memory */
	c = alloc_skb(&pool, 100);
	assert_ptr_not_equal(c, b);
	assert_ptr_not_equal(c->head, b->head);
	assert_int_equal(pool.skbs_total, 3);
	assert_int_equal(pool.skbs_live, 2);

	/* a larger size comes from another class */
	d = alloc_skb(&pool, 3000);
	assert_true(skb_tailroom(d) >= 3000);
	consume_skb(d);
	assert_null(pool.free_bufs[0]);
	assert_non_null(pool.free_bufs[1]);

	/* many cycles: the free list keeps serving, total keeps counting */
	consume_skb(c);
	for (int i = 0; i < 1000; i++) {
		struct sk_buff *x = alloc_skb(&pool, 100);

		assert_ptr_equal(x, c);
		consume_skb(x);
	}
	assert_int_equal(pool.skbs_total, 1004);
	assert_int_equal(pool.skbs_live, 1);
	consume_skb(b);
	assert_int_equal(pool.skbs_live, 0);
	assert_int_equal(pool.bufs_live, 0);
	skb_pool_destroy(&pool);
	assert_null(pool.free_skbs);
}

/* skb_clone() copies the header in one block and then resets what is the
 * original's own: the clone is what the field-by-field copy made */
static int destructor_calls;

static void count_destructor(struct sk_buff *skb)
{
	(void)skb;
	destructor_calls++;
}

static void test_clone_header(void **state)
{
	struct skb_pool pool;
	struct sk_buff_head q;
	struct sk_buff *skb, *c;

	(void)state;
	skb_pool_init(&pool);
	skb_queue_head_init(&q);
	skb = alloc_skb(&pool, 256);
	skb_reserve(skb, 64);
	skb_put(skb, 40);
	skb_reset_mac_header(skb);
	skb->network_header = 78;
	skb->transport_header = 98;
	memcpy(skb->cb, "control block bytes", 19);
	skb->tstamp = 123456789;
	skb->protocol = 0x0008;
	skb->pkt_type = 3;
	skb->ip_summed = 1;
	skb->hash = 0xabcd;
	skb->skb_iif = 4;
	skb->trace_id = 99;
	skb->trace_on = 1;
	skb->ignore_df = 1;
	skb->ipvs_property = 1;
	skb->nf_trace = 1;
	skb->ndisc_nodetype = 2;
	skb->sk = (struct sock *)skb;	/* only compared */
	skb->destructor = count_destructor;
	__skb_queue_tail(&q, skb);

	c = skb_clone(skb);
	assert_non_null(c);
	assert_null(c->next);
	assert_null(c->prev);
	assert_null(c->sk);
	assert_null(c->destructor);
	assert_int_equal(c->users, 1);
	assert_ptr_equal(c->pool, &pool);
	assert_memory_equal(c->cb, "control block bytes", 19);
	assert_int_equal(c->tstamp, 123456789);
	assert_int_equal(c->protocol, 0x0008);
	assert_int_equal(c->pkt_type, 3);
	assert_int_equal(c->ip_summed, 1);
	assert_int_equal(c->hash, 0xabcd);
	assert_int_equal(c->skb_iif, 4);
	assert_int_equal(c->trace_id, 99);
	assert_int_equal(c->trace_on, 1);
	assert_int_equal(c->mac_header, skb->mac_header);
	assert_int_equal(c->network_header, 78);
	assert_int_equal(c->transport_header, 98);
	assert_int_equal(c->truesize, skb->truesize);
	assert_ptr_equal(c->tail, skb->tail);
	assert_ptr_equal(c->end, skb->end);
	assert_true(c->ignore_df);
	assert_false(c->ipvs_property);
	assert_false(c->nf_trace);
	assert_int_equal(c->ndisc_nodetype, 0);
	assert_true(c->cloned);
	/* the original keeps its own */
	assert_ptr_equal(skb->sk, skb);
	assert_true(skb->ipvs_property);
	assert_int_equal(skb_queue_len(&q), 1);
	consume_skb(c);
	assert_int_equal(destructor_calls, 0);
	__skb_unlink(skb, &q);
	skb->sk = NULL;
	consume_skb(skb);
	assert_int_equal(destructor_calls, 1);
	assert_int_equal(pool.skbs_live, 0);
	skb_pool_destroy(&pool);
}

/* A free pooled buffer is linked through its skb_shared_info, not its first
 * bytes: the headroom of a reused buffer is untouched, and a fresh skb on it
 * starts cleared (len 0, no frag_list, one data reference). */
static void test_pool_link_in_shinfo(void **state)
{
	struct skb_pool pool;
	struct sk_buff *a, *b;
	unsigned char *head;

	(void)state;
	skb_pool_init(&pool);
	a = alloc_skb(&pool, 100);
	head = a->head;
	memset(head, 0x5a, 64);
	a->mark = 5;
	a->priority = 6;
	consume_skb(a);
	assert_ptr_equal(pool.free_bufs[0], skb_shinfo(a));
	b = alloc_skb(&pool, 100);
	assert_ptr_equal(b->head, head);
	for (int i = 0; i < 64; i++)
		assert_int_equal(head[i], 0x5a);
	assert_null(pool.free_bufs[0]);
	assert_null(skb_shinfo(b)->frag_list);
	assert_int_equal(skb_shinfo(b)->dataref, 1);
	assert_int_equal(b->mark, 0);
	assert_int_equal(b->priority, 0);
	assert_int_equal(b->len, 0);
	assert_int_equal(b->users, 1);
	consume_skb(b);
	skb_pool_destroy(&pool);
	assert_null(pool.free_bufs[0]);
}

static void test_queues(void **state)
{
	struct skb_pool pool;
	struct sk_buff_head q;
	struct sk_buff *s[5], *x, *tmp;
	struct drop_log log = {0};
	int i;

	(void)state;
	skb_pool_init(&pool);
	pool.drop_hook = drop_hook;
	pool.drop_hook_arg = &log;
	__skb_queue_head_init(&q);
	assert_true(skb_queue_empty(&q));
	assert_null(skb_peek(&q));
	assert_null(__skb_dequeue(&q));

	for (i = 0; i < 5; i++) {
		s[i] = alloc_skb(&pool, 64);
		s[i]->mark = (u32)i;
		__skb_queue_tail(&q, s[i]);
	}
	assert_int_equal(skb_queue_len(&q), 5);
	assert_false(skb_queue_empty(&q));
	assert_ptr_equal(skb_peek(&q), s[0]);

	i = 0;
	skb_queue_walk_safe(&q, x, tmp)
		assert_int_equal(x->mark, (u32)i++);
	assert_int_equal(i, 5);

	x = __skb_dequeue(&q);
	assert_ptr_equal(x, s[0]);
	assert_null(x->next);
	assert_int_equal(skb_queue_len(&q), 4);
	consume_skb(x);

	__skb_unlink(s[2], &q);
	assert_int_equal(skb_queue_len(&q), 3);
	consume_skb(s[2]);
	assert_ptr_equal(__skb_dequeue(&q), s[1]);
	consume_skb(s[1]);

	/* purge drops what is left, with the reason */
	skb_queue_purge_reason(&q, SKB_DROP_REASON_QUEUE_PURGE);
	assert_true(skb_queue_empty(&q));
	assert_int_equal(skb_queue_len(&q), 0);
	assert_int_equal(log.calls, 2);
	assert_int_equal(log.last, SKB_DROP_REASON_QUEUE_PURGE);
	assert_int_equal(pool.skbs_live, 0);
	assert_int_equal(pool.bufs_live, 0);
	skb_pool_destroy(&pool);
}

static void test_drop_reason_names(void **state)
{
	(void)state;
	assert_string_equal(drop_reason_name(SKB_DROP_REASON_NOT_SPECIFIED), "NOT_SPECIFIED");
	assert_string_equal(drop_reason_name(SKB_DROP_REASON_NO_SOCKET), "NO_SOCKET");
	assert_string_equal(drop_reason_name(SKB_DROP_REASON_IP_CSUM), "IP_CSUM");
	assert_string_equal(drop_reason_name(SKB_DROP_REASON_NETFILTER_DROP), "NETFILTER_DROP");
	assert_string_equal(drop_reason_name(SKB_DROP_REASON_NEIGH_FAILED), "NEIGH_FAILED");
	assert_string_equal(drop_reason_name(SKB_DROP_REASON_OTHERHOST), "OTHERHOST");
	assert_string_equal(drop_reason_name(SKB_DROP_REASON_QUEUE_PURGE), "QUEUE_PURGE");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alloc_reserve_put_push_pull),
		cmocka_unit_test(test_clone_shares_data),
		cmocka_unit_test(test_expand_head_after_clone),
		cmocka_unit_test(test_skb_copy),
		cmocka_unit_test(test_header_pointer),
		cmocka_unit_test(test_consume_vs_kfree_drop_hook),
		cmocka_unit_test(test_pool_reuse),
		cmocka_unit_test(test_clone_header),
		cmocka_unit_test(test_pool_link_in_shinfo),
		cmocka_unit_test(test_queues),
		cmocka_unit_test(test_drop_reason_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
