// SPDX-License-Identifier: GPL-2.0
/* tc filters and actions (net/sched/cls_*.c, act_*.c): along a scenario
 * with ingress, clsact and fq_codel blocks, basic, matchall and u32
 * classifiers, mirred redirects and mirrors across namespaces and gact
 * verdicts, the N-th allocation fails once, for every N the scenario
 * makes (the harness of test_failnth.c).  Each run must end cleanly: no
 * crash, no sanitizer report, nothing leaked at world_free(): no filter,
 * action, skb or qdisc left behind. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <limits.h>
#include <cmocka.h>
#include <sys/wait.h>
#include <unistd.h>

#include "linux/slab.h"
#include "helpers.h"
#include "../../tools/skbox/run.h"

static const char *const scenario[] = {
	"ip netns add ns2",
	"ip link add veth1 type veth peer name veth2 netns ns2",
	"ip addr add 192.0.2.1/24 dev veth1",
	"ip -n ns2 addr add 192.0.2.2/24 dev veth2",
	"ip link set veth1 up",
	"ip -n ns2 link set veth2 up",
	"ip link set lo up",
	"tc qdisc add dev veth1 clsact",
	"tc filter add dev veth1 egress protocol ip u32 match ip dst 192.0.2.2/32 match ip protocol 1 0xff action mirred egress mirror dev lo action pass",
	"tc filter add dev veth1 ingress pref 5 protocol ip matchall action continue",
	"tc filter add dev veth1 ingress pref 6 protocol all basic action pipe action gact ok",
	"ip netns exec ns2 tc qdisc add dev lo root handle 1: fq_codel limit 50",
	"ip netns exec ns2 tc filter add dev lo parent 1: protocol ip basic action mirred egress redirect dev veth2",
	"ip netns exec ns2 tc qdisc add dev veth2 ingress",
	"ip netns exec ns2 tc filter add dev veth2 ingress protocol ip u32 match ip src 192.0.2.1 action mirred ingress mirror dev lo index 7",
	"ping -c 2 -i 0.2 -W 1 192.0.2.2",
	"ip netns exec ns2 ping -c 1 -W 1 192.0.2.2",
	"tc -s filter show dev veth1 egress",
	"ip netns exec ns2 tc -s qdisc show",
	"tc filter replace dev veth1 ingress pref 5 handle 1 protocol ip matchall action drop",
	"tc filter del dev veth1 ingress pref 6",
	"ip netns del ns2",
};

#include "failnth_harness.h"

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_allocation_fails_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
