// SPDX-License-Identifier: GPL-2.0
/* Allocation failures along ping sockets (net/ipv4/ping.c, net/ipv6/ping.c;
 * the harness of test_failnth.c with another scenario): the cases of
 * transcript ping-socket (send errors, replies with IP_RECVTTL/IP_RECVTOS,
 * bind and connect, a router's host unreachable through IP_RECVERR),
 * an ICMPv6 ping socket's reply and a time exceeded from a router.  For
 * every N the N-th allocation fails once; each run ends cleanly with
 * nothing leaked. */
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
	"ip netns add a",
	"ip netns add r",
	"ip -n a link set lo up",
	"ip -n a link add v0 type veth peer name r0 netns r",
	"ip -n a addr add 10.0.0.1/24 dev v0",
	"ip -n a addr add 2001:db8::1/64 dev v0 nodad",
	"ip -n r addr add 10.0.0.2/24 dev r0",
	"ip -n a link set v0 up",
	"ip -n r link set r0 up",
	"ip -n a route add default via 10.0.0.2",
	/* pingsock unreach's neighbours, answered at once by the router (the
	 * runner stops a command after 3 s, before an ARP failure's error) */
	"ip -n a route add 10.0.0.77/32 via 10.0.0.2",
	"ip -n r route add unreachable 10.0.0.77/32",
	"ip netns exec r sysctl -qw net.ipv4.ip_forward=1",
	"ip netns exec a sysctl -qw net.ipv4.ping_group_range=\"0 2147483647\"",
	"ip netns exec a pingsock basic",
	"ip netns exec a pingsock unreach",
	"ip netns exec a ping -c 1 -t 1 -W 1 10.9.9.9",
	"ip netns exec a ping -6 -c 1 -W 1 ::1",
};

#include "failnth_harness.h"

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_allocation_fails_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
