/* Limits (issue 8, "Floods and limits"): 100,000 routes and 100,000 policy
 * rules added and removed through `ip`, with the namespace still answering a
 * ping afterwards and the world freeing everything at teardown.  (The packet
 * floods are scenario tests: tests/scenarios/flood-*.sh.) */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>
#include "helpers.h"

#define N_ROUTES 100000
#define N_RULES 100000

struct pair {
	struct world *w;
	struct net *a, *b;
};

static void pair_setup(struct pair *p)
{
	p->w = world_new(1);
	assert_non_null(p->w);
	p->a = p->w->init_net;
	assert_int_equal(h_run(p->w, p->a, "ip netns add b", T_SEC, NULL), 0);
	p->b = get_net_ns_by_name(p->w, "b");
	assert_non_null(p->b);
	assert_non_null(h_link(p->a, "veth", "v0", "eth0", p->b));
	assert_int_equal(h_addr(p->a, "v0", "10.0.0.1", 24), 0);
	assert_int_equal(h_addr(p->b, "eth0", "10.0.0.2", 24), 0);
	assert_int_equal(h_up(p->a, "v0"), 0);
	assert_int_equal(h_up(p->b, "eth0"), 0);
}

static void pair_ping(struct pair *p)
{
	char *out = NULL;
	int rc = h_run(p->w, p->a, "ping -c 1 -W 1 10.0.0.2", 5 * T_SEC, &out);

	if (rc != 0)
		fprintf(stderr, "%s", out);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "1 received"));
	free(out);
}

static void pair_teardown(struct pair *p)
{
	assert_int_equal(world_free(p->w, stderr), 0);
}

static int run_fmt(struct pair *p, struct net *net, const char *fmt, unsigned int i)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), fmt, (i >> 16) & 255, (i >> 8) & 255, i & 255);
	return h_run(p->w, net, cmd, T_SEC, NULL);
}

/* a rule with pref 100001 - i: added in falling order, each goes to the head */
static int run_rule(struct pair *p, const char *verb, unsigned int i)
{
	char cmd[160];

	snprintf(cmd, sizeof(cmd), "ip rule %s pref %u from 192.%u.%u.%u lookup 100", verb,
		 100001 - i, (i >> 16) & 255, (i >> 8) & 255, i & 255);
	return h_run(p->w, p->a, cmd, T_SEC, NULL);
}

/* 100,000 /32 routes via the peer, a lookup hits one, then all go away */
static void test_100k_routes(void **state)
{
	struct pair p;
	char *out = NULL;

	(void)state;
	pair_setup(&p);
	for (unsigned int i = 0; i < N_ROUTES; i++)
		assert_int_equal(run_fmt(&p, p.a, "ip route add 172.%u.%u.%u/32 via 10.0.0.2", i), 0);
	assert_int_equal(h_run(p.w, p.a, "ip route get 172.1.134.159", T_SEC, &out), 0);
	assert_non_null(strstr(out, "172.1.134.159 via 10.0.0.2 dev v0"));
	free(out);
	/* one more than there is: the kernel's "RTNETLINK answers: File exists" */
	assert_int_equal(h_run(p.w, p.a, "ip route add 172.0.0.0/32 via 10.0.0.2", T_SEC, &out), 2);
	assert_non_null(strstr(out, "File exists"));
	free(out);
	pair_ping(&p);
	for (unsigned int i = 0; i < N_ROUTES; i++)
		assert_int_equal(run_fmt(&p, p.a, "ip route del 172.%u.%u.%u/32", i), 0);
	assert_int_equal(h_run(p.w, p.a, "ip route get 172.1.134.159", T_SEC, &out), 2);
	free(out);
	assert_int_equal(h_run(p.w, p.a, "ip route show", T_SEC, &out), 0);
	assert_string_equal(out, "10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 \n");
	free(out);
	pair_ping(&p);
	pair_teardown(&p);
}

/* 100,000 policy rules (from each source, to table 100), then removed.  The
 * rule list is a sorted list as in Linux (each add and del walks it), so the
 * rules get explicit prefs in falling order: without prefs, Linux numbers them
 * 32765, 32764, ... and from the 32766th on all get pref 0, making every add
 * walk the pref-0 rules (as on Linux). */
static void test_100k_rules(void **state)
{
	struct pair p;
	char *out = NULL;

	(void)state;
	pair_setup(&p);
	assert_int_equal(h_run(p.w, p.a, "ip route add default via 10.0.0.2 table 100", T_SEC,
			       NULL), 0);
	assert_int_equal(h_run(p.w, p.a, "sysctl -w net.ipv4.ip_forward=1", T_SEC, NULL), 0);
	for (unsigned int i = 0; i < N_RULES; i++)
		assert_int_equal(run_rule(&p, "add", i), 0);
	assert_int_equal(h_run(p.w, p.a, "ip route get 8.8.8.8 from 192.1.134.159 iif v0", T_SEC,
			       &out), 0);
	assert_non_null(strstr(out, "via 10.0.0.2 dev v0 table 100"));
	free(out);
	pair_ping(&p);
	/* newest (lowest pref) first: each is then at the head of the list */
	for (unsigned int i = N_RULES; i-- > 0;)
		assert_int_equal(run_rule(&p, "del", i), 0);
	assert_int_equal(h_run(p.w, p.a, "ip rule show", T_SEC, &out), 0);
	assert_string_equal(out, "0:\tfrom all lookup local\n"
				 "32766:\tfrom all lookup main\n"
				 "32767:\tfrom all lookup default\n");
	free(out);
	pair_ping(&p);
	pair_teardown(&p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_100k_routes),
		cmocka_unit_test(test_100k_rules),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
