// SPDX-License-Identifier: GPL-2.0
/* Allocation failures: along a scenario (pings through the seed bridge with
 * an iptables rule on the bridge path, a UDP datagram, fragments), the N-th
 * skb allocation fails, for every N the scenario makes.  Each run must end
 * cleanly: no crash, no leaked skb, socket, neighbour, route or timer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <cmocka.h>

#include "helpers.h"

static const char *const scenario[] = {
	"iptables -A FORWARD -p icmp -j ACCEPT",
	"ping -c 2 -i 0.2 -W 1 172.16.0.3",
	"ping -c 1 -s 3000 -W 1 172.16.0.3",
};

/* Runs the scenario with the fail_nth-th allocation failing; returns how
 * many allocations it made. */
static unsigned long run_once(unsigned long fail_nth)
{
	struct world *w = world_new(3);
	struct h_seed s;
	unsigned long allocs;

	assert_int_equal(h_seed_build(&s, w), 0);
	w->skb_pool.fail_nth = fail_nth;
	h_run(w, s.root, scenario[0], T_SEC, NULL);
	for (size_t i = 1; i < sizeof(scenario) / sizeof(scenario[0]); i++)
		h_run(w, s.t1, scenario[i], 10 * T_SEC, NULL);
	allocs = w->skb_pool.allocs;
	assert_int_equal(world_free(w, stderr), 0);
	return allocs;
}

static void test_every_allocation_fails_once(void **state)
{
	unsigned long total = run_once(ULONG_MAX);

	(void)state;
	print_message("%lu allocations along the scenario\n", total);
	assert_true(total > 10);
	for (unsigned long n = 1; n <= total; n++)
		run_once(n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_allocation_fails_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
