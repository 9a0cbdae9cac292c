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

#define NLINES (sizeof(scenario) / sizeof(scenario[0]))

struct failnth_stats {
	unsigned long runs, enomem, failed;
};

static bool names_enomem(const char *out)
{
	return strstr(out, "Cannot allocate memory") ||
	       strstr(out, "No buffer space available") ||
	       strstr(out, "Memory allocation problem");
}

/* Runs the scenario with the nth allocation after world_new() failing
 * (0: none); returns how many allocations it made. */
static unsigned long run_once(unsigned long nth, struct failnth_stats *st)
{
	struct run_opts o = { .echo = true, .timeout_ns = 3000000000ULL };
	struct world *w = world_new(7);
	struct runner r;
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	unsigned long count;

	assert_non_null(f);
	failslab_set(nth ? nth : ULONG_MAX);
	runner_init(&r, w, f, &o);
	for (size_t i = 0; i < NLINES && !r.exited; i++)
		runner_line(&r, scenario[i]);
	runner_fini(&r);
	count = failslab.count;
	if (st) {
		st->runs++;
		st->failed += failslab.failed;
		st->enomem += names_enomem(out ? out : "");
	}
	failslab_set(0);
	fclose(f);
	if (getenv("FAILNTH_VERBOSE"))
		fputs(out, stderr);
	free(out);
	assert_int_equal(world_free(w, stderr), 0);
	return count;
}

/* Each N runs in a child, so that one run of the test lists every N that
 * crashes, trips a sanitizer or leaks; the child reports its counts back. */
static bool run_forked(unsigned long n, struct failnth_stats *st)
{
	struct failnth_stats one = { 0 };
	int fds[2], status;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		close(fds[0]);
		run_once(n, &one);
		if (write(fds[1], &one, sizeof(one)) != sizeof(one))
			_exit(3);
		_exit(0);
	}
	close(fds[1]);
	if (read(fds[0], &one, sizeof(one)) != sizeof(one))
		one.runs = 0;
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) || !one.runs) {
		fprintf(stderr, "fail_nth %lu: %s %d\n", n,
			WIFSIGNALED(status) ? "signal" : "exit status",
			WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
		return false;
	}
	st->runs += one.runs;
	st->failed += one.failed;
	st->enomem += one.enomem;
	return true;
}

static void test_every_allocation_fails_once(void **state)
{
	struct failnth_stats st = { 0 };
	unsigned long total = run_once(0, NULL), from = 1, to, bad = 0;

	(void)state;
	if (getenv("FAILNTH_ONLY"))	/* to debug one N in this process */
		from = strtoul(getenv("FAILNTH_ONLY"), NULL, 10);
	to = from > 1 ? from : total;
	print_message("%lu allocations along the scenario\n", total);
	assert_true(total > 100);
	for (unsigned long n = from; n <= to; n++) {
		if (from > 1)
			run_once(n, &st);
		else if (!run_forked(n, &st))
			bad++;
	}
	print_message("%lu runs, %lu allocations failed, %lu printed ENOMEM\n",
		      st.runs, st.failed, st.enomem);
	assert_int_equal(bad, 0);
	assert_int_equal(st.failed, to - from + 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_allocation_fails_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
