// SPDX-License-Identifier: GPL-2.0
/* Unit tests for net/bridge/br_netfilter_hooks.c: bridged IPv4 passes the
 * IPv4 PRE_ROUTING, FORWARD and POST_ROUTING hooks with the bridge as the
 * device and the ports in skb->nf_bridge; bridge-nf-call-iptables = 0
 * turns that off; a DROP at FORWARD stops the bridged ping; br_netfilter's
 * own hooks are registered only while an IPv4 hook exists. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <cmocka.h>

#include "helpers.h"
#include "linux/netfilter.h"
#include "net/bridge.h"

struct seen {
	unsigned int pre, fwd, post;
	char fwd_in[IFNAMSIZ], fwd_out[IFNAMSIZ], physin[IFNAMSIZ], physout[IFNAMSIZ];
	char pre_in[IFNAMSIZ];
	unsigned int verdict;		/* what FORWARD returns */
};

static unsigned int pre_hook(void *priv, struct sk_buff *skb, const struct nf_hook_state *st)
{
	struct seen *s = priv;

	(void)skb;
	s->pre++;
	snprintf(s->pre_in, sizeof(s->pre_in), "%s", st->in ? st->in->name : "-");
	return NF_ACCEPT;
}

static unsigned int fwd_hook(void *priv, struct sk_buff *skb, const struct nf_hook_state *st)
{
	struct seen *s = priv;

	s->fwd++;
	snprintf(s->fwd_in, sizeof(s->fwd_in), "%s", st->in ? st->in->name : "-");
	snprintf(s->fwd_out, sizeof(s->fwd_out), "%s", st->out ? st->out->name : "-");
	if (skb->nf_bridge) {
		snprintf(s->physin, sizeof(s->physin), "%s", skb->nf_bridge->physindev->name);
		snprintf(s->physout, sizeof(s->physout), "%s", skb->nf_bridge->physoutdev->name);
	}
	return s->verdict;
}

static unsigned int post_hook(void *priv, struct sk_buff *skb, const struct nf_hook_state *st)
{
	struct seen *s = priv;

	(void)skb;
	(void)st;
	s->post++;
	return NF_ACCEPT;
}

static void hooks_register(struct net *net, struct nf_hook_ops *ops, struct seen *s)
{
	ops[0] = (struct nf_hook_ops){ .hook = pre_hook, .priv = s, .pf = NFPROTO_IPV4,
				       .hooknum = NF_INET_PRE_ROUTING, .priority = 0 };
	ops[1] = (struct nf_hook_ops){ .hook = fwd_hook, .priv = s, .pf = NFPROTO_IPV4,
				       .hooknum = NF_INET_FORWARD, .priority = 0 };
	ops[2] = (struct nf_hook_ops){ .hook = post_hook, .priv = s, .pf = NFPROTO_IPV4,
				       .hooknum = NF_INET_POST_ROUTING, .priority = 0 };
	for (int i = 0; i < 3; i++)
		assert_int_equal(nf_register_net_hook(net, &ops[i]), 0);
}

static void hooks_unregister(struct net *net, struct nf_hook_ops *ops)
{
	for (int i = 0; i < 3; i++)
		nf_unregister_net_hook(net, &ops[i]);
}

static int ping_once(struct h_seed *s)
{
	char *out = NULL;
	int rc = h_run(s->w, s->t1, "ping -c 1 -W 1 172.16.0.3", 20 * T_SEC, &out);

	free(out);
	return rc;
}

static void test_bridged_hooks(void **state)
{
	struct world *w = world_new(1);
	struct h_seed s;
	struct seen seen = { .verdict = NF_ACCEPT };
	struct nf_hook_ops ops[3];

	(void)state;
	assert_int_equal(h_seed_build(&s, w), 0);
	hooks_register(s.root, ops, &seen);
	assert_int_equal(ping_once(&s), 0);
	/* echo request and reply, each through all three hooks */
	assert_int_equal(seen.pre, 2);
	assert_int_equal(seen.fwd, 2);
	assert_int_equal(seen.post, 2);
	assert_string_equal(seen.pre_in, "testbr");
	assert_string_equal(seen.fwd_in, "testbr");
	assert_string_equal(seen.fwd_out, "testbr");
	/* the last one was the reply: in on br-veth2, out on br-veth1 */
	assert_string_equal(seen.physin, "br-veth2");
	assert_string_equal(seen.physout, "br-veth1");
	hooks_unregister(s.root, ops);
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_call_iptables_off(void **state)
{
	struct world *w = world_new(1);
	struct h_seed s;
	struct seen seen = { .verdict = NF_DROP };
	struct nf_hook_ops ops[3];

	(void)state;
	assert_int_equal(h_seed_build(&s, w), 0);
	s.root->brnf.call_iptables = 0;
	hooks_register(s.root, ops, &seen);
	assert_int_equal(ping_once(&s), 0);
	assert_int_equal(seen.pre + seen.fwd + seen.post, 0);
	hooks_unregister(s.root, ops);
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_forward_drop(void **state)
{
	struct world *w = world_new(1);
	struct h_seed s;
	struct seen seen = { .verdict = NF_DROP };
	struct nf_hook_ops ops[3];

	(void)state;
	assert_int_equal(h_seed_build(&s, w), 0);
	hooks_register(s.root, ops, &seen);
	assert_int_not_equal(ping_once(&s), 0);
	assert_int_equal(seen.fwd, 1);
	assert_int_equal(seen.post, 0);
	hooks_unregister(s.root, ops);
	assert_int_equal(world_free(w, stderr), 0);
}

static unsigned int hook_num(struct net *net, u8 pf, unsigned int hook)
{
	const struct nf_hook_entries *e = nf_hook_entries_get(net, pf, hook);

	return e ? e->num : 0;
}

/* Without an IPv4 hook the bridge's hook points are empty (a bridged frame
 * pays a branch each); the first IPv4 hook brings br_netfilter's three
 * bridge hooks and ip_sabotage_in, the last one takes them away, and a
 * ping is bridged either way. */
static void test_hooks_follow_ipv4(void **state)
{
	struct world *w = world_new(1);
	struct h_seed s;
	struct seen seen = { .verdict = NF_ACCEPT };
	struct nf_hook_ops ops[3];

	(void)state;
	assert_int_equal(h_seed_build(&s, w), 0);
	assert_int_equal(s.root->brnf.enabled, 1);
	assert_int_equal(s.root->brnf.hooked, 0);
	assert_int_equal(hook_num(s.root, NFPROTO_BRIDGE, NF_BR_PRE_ROUTING), 0);
	assert_int_equal(hook_num(s.root, NFPROTO_BRIDGE, NF_BR_FORWARD), 0);
	assert_int_equal(hook_num(s.root, NFPROTO_BRIDGE, NF_BR_POST_ROUTING), 0);
	assert_int_equal(hook_num(s.root, NFPROTO_IPV4, NF_INET_PRE_ROUTING), 0);
	assert_int_equal(ping_once(&s), 0);

	hooks_register(s.root, ops, &seen);
	assert_int_equal(s.root->brnf.hooked, 1);
	assert_int_equal(hook_num(s.root, NFPROTO_BRIDGE, NF_BR_PRE_ROUTING), 1);
	assert_int_equal(hook_num(s.root, NFPROTO_BRIDGE, NF_BR_FORWARD), 1);
	assert_int_equal(hook_num(s.root, NFPROTO_BRIDGE, NF_BR_POST_ROUTING), 1);
	/* ip_sabotage_in and the test's own */
	assert_int_equal(hook_num(s.root, NFPROTO_IPV4, NF_INET_PRE_ROUTING), 2);
	assert_int_equal(ping_once(&s), 0);
	assert_int_equal(seen.fwd, 2);

	/* two of three gone: still hooked */
	nf_unregister_net_hook(s.root, &ops[0]);
	nf_unregister_net_hook(s.root, &ops[1]);
	assert_int_equal(s.root->brnf.hooked, 1);
	assert_int_equal(hook_num(s.root, NFPROTO_IPV4, NF_INET_PRE_ROUTING), 1);
	nf_unregister_net_hook(s.root, &ops[2]);
	assert_int_equal(s.root->brnf.hooked, 0);
	assert_int_equal(hook_num(s.root, NFPROTO_BRIDGE, NF_BR_PRE_ROUTING), 0);
	assert_int_equal(hook_num(s.root, NFPROTO_BRIDGE, NF_BR_FORWARD), 0);
	assert_int_equal(hook_num(s.root, NFPROTO_BRIDGE, NF_BR_POST_ROUTING), 0);
	assert_int_equal(hook_num(s.root, NFPROTO_IPV4, NF_INET_PRE_ROUTING), 0);
	assert_int_equal(ping_once(&s), 0);
	assert_int_equal(seen.fwd, 2);
	assert_int_equal(world_free(w, stderr), 0);
}

/* A namespace without a bridge keeps no br_netfilter hooks */
static void test_no_bridge_no_hooks(void **state)
{
	struct world *w = world_new(1);
	struct h_seed s;
	struct seen seen = { .verdict = NF_ACCEPT };
	struct nf_hook_ops ops[3];

	(void)state;
	assert_int_equal(h_seed_build(&s, w), 0);
	hooks_register(s.t1, ops, &seen);
	assert_int_equal(s.t1->brnf.hooked, 0);
	assert_int_equal(hook_num(s.t1, NFPROTO_BRIDGE, NF_BR_FORWARD), 0);
	assert_int_equal(hook_num(s.t1, NFPROTO_IPV4, NF_INET_PRE_ROUTING), 1);
	hooks_unregister(s.t1, ops);
	assert_int_equal(world_free(w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bridged_hooks),
		cmocka_unit_test(test_call_iptables_off),
		cmocka_unit_test(test_forward_drop),
		cmocka_unit_test(test_hooks_follow_ipv4),
		cmocka_unit_test(test_no_bridge_no_hooks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
