/* NFQUEUE through the embedder's API (include/skbox/nfqueue.h): a hook
 * queues, the reader receives and answers; ACCEPT continues from the next
 * hook with the new mark and payload, REPEAT runs the queueing hook again,
 * a full queue counts its drops, a second reader is refused, closing drops
 * what is left; no skb or entry leaks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>
#include "skbox/nfqueue.h"
#include "net/world.h"
#include "net/net_namespace.h"
#include "linux/netfilter.h"
#include "net/ip.h"

struct qstate {
	unsigned int queue_calls, after_calls, okfn_calls;
	u32 okfn_mark;
	unsigned int okfn_len;
	u8 okfn_first;
};

static struct qstate qs;

static unsigned int queue_hook(void *priv, struct sk_buff *skb, const struct nf_hook_state *s)
{
	(void)priv;
	(void)skb;
	(void)s;
	qs.queue_calls++;
	return NF_QUEUE_NR(5);
}

static unsigned int after_hook(void *priv, struct sk_buff *skb, const struct nf_hook_state *s)
{
	(void)priv;
	(void)skb;
	(void)s;
	qs.after_calls++;
	return NF_ACCEPT;
}

static int test_okfn(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)net;
	(void)sk;
	qs.okfn_calls++;
	qs.okfn_mark = skb->mark;
	qs.okfn_len = skb->len;
	qs.okfn_first = skb->data[0];
	consume_skb(skb);
	return 0;
}

static const struct nf_hook_ops ops[] = {
	{ .hook = queue_hook, .pf = NFPROTO_IPV4, .hooknum = NF_INET_PRE_ROUTING, .priority = 0 },
	{ .hook = after_hook, .pf = NFPROTO_IPV4, .hooknum = NF_INET_PRE_ROUTING, .priority = 10 },
};

static int send_one(struct world *w, struct net *net)
{
	struct sk_buff *skb = alloc_skb(&w->skb_pool, 128);
	struct iphdr *iph;

	skb_reserve(skb, 64);
	skb_reset_network_header(skb);
	iph = skb_put_zero(skb, 28);
	iph->version = 4;
	iph->ihl = 5;
	iph->protocol = 17;
	iph->tot_len = htons(28);
	skb->protocol = htons(ETH_P_IP);
	return NF_HOOK(NFPROTO_IPV4, NF_INET_PRE_ROUTING, net, NULL, skb, NULL, NULL, test_okfn);
}

static void test_nfqueue_api(void **state)
{
	struct world *w = world_new(1);
	struct net *net = w->init_net;
	struct skbox_nfq_packet p;
	struct skbox_nfq *q, *q2;
	u8 payload[40] = { 0x45 };
	char proc[256];
	u32 mark = 9;
	int err;

	(void)state;
	memset(&qs, 0, sizeof(qs));
	nf_register_net_hook(net, &ops[0]);
	nf_register_net_hook(net, &ops[1]);
	/* no reader: dropped */
	assert_int_equal(send_one(w, net), 0);
	assert_int_equal(qs.okfn_calls, 0);
	q = skbox_nfq_open(w, 5, &err);
	assert_non_null(q);
	assert_null(skbox_nfq_open(w, 5, &err));
	assert_int_equal(err, -EBUSY);
	assert_int_equal(skbox_nfq_recv(w, q, &p, 0), -EAGAIN);

	/* ACCEPT with a mark and a longer payload: on from the next hook */
	assert_int_equal(send_one(w, net), 0);
	assert_int_equal(skbox_nfq_recv(w, q, &p, 0), 0);
	assert_int_equal(p.id, 1);
	assert_int_equal(p.len, 28);
	assert_int_equal(p.payload_len, 28);
	assert_int_equal(p.hook, NF_INET_PRE_ROUTING);
	assert_int_equal(skbox_nfq_recv(w, q, &p, 0), -EAGAIN);	/* delivered once */
	assert_int_equal(skbox_nfq_verdict(q, 7, SKBOX_NF_ACCEPT, NULL, NULL, 0), -ENOENT);
	assert_int_equal(skbox_nfq_verdict(q, 1, SKBOX_NF_ACCEPT, &mark, payload, sizeof(payload)), 0);
	assert_int_equal(qs.after_calls, 1);
	assert_int_equal(qs.okfn_calls, 1);
	assert_int_equal(qs.okfn_mark, 9);
	assert_int_equal(qs.okfn_len, 40);
	assert_int_equal(qs.okfn_first, 0x45);

	/* REPEAT: the queueing hook runs again and queues it again */
	assert_int_equal(send_one(w, net), 0);
	assert_int_equal(skbox_nfq_recv(w, q, &p, 0), 0);
	qs.queue_calls = 0;
	assert_int_equal(skbox_nfq_verdict(q, p.id, SKBOX_NF_REPEAT, NULL, NULL, 0), 0);
	assert_int_equal(qs.queue_calls, 1);
	assert_int_equal(skbox_nfq_recv(w, q, &p, 0), 0);
	assert_int_equal(p.id, 3);
	assert_int_equal(skbox_nfq_verdict(q, p.id, SKBOX_NF_DROP, NULL, NULL, 0), 0);
	assert_int_equal(qs.okfn_calls, 1);

	/* a full queue drops and counts; close drops what waits */
	skbox_nfq_set_maxlen(q, 1);
	assert_int_equal(send_one(w, net), 0);
	assert_int_equal(send_one(w, net), 0);
	assert_int_equal(skbox_nfq_proc(w, proc, sizeof(proc)), 51);
	assert_string_equal(proc, "    5      1     1 2 65535     1     0        4  1\n");
	skbox_nfq_close(q);
	q2 = skbox_nfq_open(w, 5, &err);
	assert_non_null(q2);
	skbox_nfq_close(q2);
	assert_int_equal(qs.okfn_calls, 1);
	nf_unregister_net_hook(net, &ops[0]);
	nf_unregister_net_hook(net, &ops[1]);
	assert_int_equal(world_free(w, stderr), 0);
}

/* A reader still open when its namespace goes: the packets are dropped, the
 * reader learns it, and nothing leaks. */
static void test_nfqueue_netns_exit(void **state)
{
	struct world *w = world_new(1);
	struct net *net = w->init_net;
	struct skbox_nfq *q;
	int err;

	(void)state;
	memset(&qs, 0, sizeof(qs));
	nf_register_net_hook(net, &ops[0]);
	q = skbox_nfq_open(w, 5, &err);
	assert_non_null(q);
	assert_int_equal(send_one(w, net), 0);
	assert_int_equal(world_free(w, stderr), 0);
	skbox_nfq_close(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nfqueue_api),
		cmocka_unit_test(test_nfqueue_netns_exit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
