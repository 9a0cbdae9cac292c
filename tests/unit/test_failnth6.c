// SPDX-License-Identifier: GPL-2.0
/* Allocation failures along IPv6's fragments, PMTU and multipath (the
 * harness of test_failnth.c with another scenario): a router with a 1400
 * link and a two-nexthop route, ping -6 -s 3000 (fragmentation,
 * reassembly, packet too big, a route exception), a fragmented UDP
 * datagram, a nexthop's device going down.  For every N the N-th
 * allocation fails once; each run ends cleanly with nothing leaked. */
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
	"ip netns add c",
	"ip netns add r",
	"ip netns add s",
	"ip -n c link add c0 type veth peer name r0 netns r",
	"ip -n s link add s0 type veth peer name r1 netns r",
	"ip -n r link add r2 type veth peer name s2 netns s",
	"ip -n r link set r1 mtu 1400",
	"ip -n c link set c0 up",
	"ip -n s link set s0 up",
	"ip -n s link set s2 up",
	"ip -n r link set r0 up",
	"ip -n r link set r1 up",
	"ip -n r link set r2 up",
	"ip -n c addr add 2001:db8:1::2/64 dev c0 nodad",
	"ip -n r addr add 2001:db8:1::1/64 dev r0 nodad",
	"ip -n r addr add 2001:db8:2::1/64 dev r1 nodad",
	"ip -n r addr add 2001:db8:3::1/64 dev r2 nodad",
	"ip -n s addr add 2001:db8:2::2/64 dev s0 nodad",
	"ip -n s addr add 2001:db8:3::2/64 dev s2 nodad",
	"ip -n s addr add 2001:db8:9::9/128 dev lo",
	"ip -n s link set lo up",
	"ip -n c route add default via 2001:db8:1::1",
	"ip -n s route add default via 2001:db8:2::1",
	"ip -n r -6 route add 2001:db8:9::/64 nexthop via 2001:db8:2::2 dev r1 nexthop via 2001:db8:3::2 dev r2 weight 2",
	"ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1",
	"ip netns exec c ping -6 -c 2 -i 0.2 -s 3000 2001:db8:9::9",
	"ip -n c -6 route show cache",
	"ip netns exec s nc -6 -u -l 5000 &",
	"sleep 0.1",
	"seq 1 900 | ip netns exec c nc -6 -u -w 1 2001:db8:9::9 5000",
	"ip -n r link set r2 down",
	"ip -n r -6 route",
};

#include "failnth_harness.h"

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_allocation_fails_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
