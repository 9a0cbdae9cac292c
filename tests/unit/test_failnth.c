// SPDX-License-Identifier: GPL-2.0
/* Allocation failures (include/linux/slab.h, the kernel's fail_nth): along a
 * scenario that builds a bridge, a router that masquerades, and runs a TCP
 * connection and a UDP exchange through conntrack and NAT, the N-th
 * allocation of any kind (devices, addresses, routes, neighbours, sockets,
 * conntrack entries, rules, skbs) fails, for every N the scenario makes.
 * Each run must end cleanly: no crash, no sanitizer report, nothing leaked
 * at world_free() (skb, socket, conntrack entry, neighbour, route, timer).
 * The runs whose output names ENOMEM ("Cannot allocate memory", "No buffer
 * space available") are counted and reported. */
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
	"ip netns add h1",
	"ip netns add srv",
	"ip link add br0 type bridge",
	"ip link add v1 type veth peer name eth0 netns h1",
	"ip link set v1 master br0",
	"ip link set v1 up",
	"ip link set br0 up",
	"ip addr add 192.168.1.1/24 dev br0",
	"ip -n h1 addr add 192.168.1.2/24 dev eth0",
	"ip -n h1 link set eth0 up",
	"ip -n h1 route add default via 192.168.1.1",
	"ip link add wan type veth peer name eth0 netns srv",
	"ip addr add 10.0.0.1/24 dev wan",
	"ip link set wan up",
	"ip -n srv addr add 10.0.0.2/24 dev eth0",
	"ip -n srv link set eth0 up",
	"sysctl -qw net.ipv4.ip_forward=1",
	"iptables -t nat -A POSTROUTING -o wan -j MASQUERADE",
	"iptables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT",
	"iptables -A FORWARD -i br0 -p tcp --dport 80 -j ACCEPT",
	"iptables -A FORWARD -i br0 -p udp -j ACCEPT",
	"ip netns exec srv nc -l 80 &",
	"sleep 0.1",
	"echo hello | ip netns exec h1 nc -N 10.0.0.2 80",
	"echo hi | ip netns exec h1 nc -u -w 1 10.0.0.2 53",
	"ip netns exec h1 ping -c 1 -W 1 10.0.0.2",
	"conntrack -L",
	"iptables -t nat -L -v -n",
	"ip -s link show br0",
};

#include "failnth_harness.h"

/* world_new() (kernel/world.c: the world, then init_net and its tables)
 * with its N-th allocation failing, for every N until it succeeds: NULL,
 * and nothing of the partial world left (LeakSanitizer checks at exit). */
static void test_world_new_fails_cleanly(void **state)
{
	unsigned long n;

	(void)state;
	for (n = 1; n < 100000; n++) {
		struct world *w;

		failslab_set(n);
		w = world_new(7);
		if (!failslab.failed) {
			failslab_set(0);
			assert_non_null(w);
			assert_int_equal(world_free(w, stderr), 0);
			break;
		}
		failslab_set(0);
		assert_null(w);
	}
	print_message("world_new: %lu allocations, each failed once\n", n - 1);
	assert_true(n > 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_world_new_fails_cleanly),
		cmocka_unit_test(test_every_allocation_fails_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
