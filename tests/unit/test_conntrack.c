/* Connection tracking: entries made by traffic, timeouts in virtual time,
 * nf_conntrack_max, and a teardown that leaves no entry and no timer behind
 * (the TCP state machine over a whole connection: tests/transcripts/ct-basic.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "skbox/cmd.h"
#include "net/world.h"
#include "net/net_namespace.h"
#include "net/netfilter/nf_conntrack.h"
#include "helpers.h"

static struct world *two_namespaces(struct net **b)
{
	static const char *const setup[] = {
		"ip netns add a", "ip netns add b", "ip link add va type veth peer name vb",
		"ip link set va netns a", "ip link set vb netns b",
		"ip -n a addr add 10.0.0.1/24 dev va", "ip -n b addr add 10.0.0.2/24 dev vb",
		"ip -n a link set va up", "ip -n b link set vb up",
		"ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW,ESTABLISHED",
	};
	struct world *w = world_new(1);

	assert_non_null(w);
	for (size_t i = 0; i < sizeof(setup) / sizeof(setup[0]); i++)
		assert_int_equal(h_run(w, w->init_net, setup[i], 10 * T_SEC, NULL), 0);
	*b = get_net_ns_by_name(w, "b");
	assert_non_null(*b);
	return w;
}

struct find {
	u8 proto;
	struct nf_conn *ct;
};

static int find_fn(struct nf_conn *ct, void *data)
{
	struct find *f = data;

	if (nf_ct_protonum(ct) != f->proto)
		return 0;
	f->ct = ct;
	return 1;
}

static struct nf_conn *find_proto(struct net *net, u8 proto)
{
	struct find f = { proto, NULL };

	nf_ct_iterate(net, find_fn, &f);
	return f.ct;
}

/* A ping makes one ICMP entry that times out after 30 s of virtual time. */
static void test_icmp_timeout(void **state)
{
	struct net *b;
	struct world *w = two_namespaces(&b);
	struct nf_conn *ct;

	(void)state;
	assert_int_equal(h_run(w, w->init_net, "ip netns exec a ping -c 1 10.0.0.2", 10 * T_SEC, NULL), 0);
	ct = find_proto(b, 1);
	assert_non_null(ct);
	assert_true(ct->status & IPS_SEEN_REPLY);
	assert_int_equal(nf_ct_expires(ct), 30);
	h_advance_to(w, w->now + 31 * T_SEC);
	assert_null(find_proto(b, 1));
	assert_int_equal(nf_ct_entries(b), 0);
	assert_int_equal(world_free(w, stderr), 0);
}

/* With nf_conntrack_max 1 the second flow finds the table full. */
static void test_table_full(void **state)
{
	struct net *b;
	struct world *w = two_namespaces(&b);
	char *out = NULL;

	(void)state;
	assert_int_equal(h_run(w, w->init_net, "sysctl -w net.netfilter.nf_conntrack_max=1", T_SEC, NULL), 0);
	assert_int_equal(h_run(w, w->init_net, "ip netns exec a ping -c 1 10.0.0.2", 10 * T_SEC, NULL), 0);
	assert_int_not_equal(h_run(w, w->init_net, "ip netns exec b ping -c 1 -W 1 10.0.0.1", 10 * T_SEC, NULL), 0);
	assert_int_equal(nf_ct_pernet(b)->stat.drop, 1);
	assert_int_equal(h_run(w, w->init_net, "dmesg", T_SEC, &out), 0);
	assert_non_null(strstr(out, "nf_conntrack: table full, dropping packet"));
	free(out);
	assert_int_equal(world_free(w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_icmp_timeout),
		cmocka_unit_test(test_table_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
