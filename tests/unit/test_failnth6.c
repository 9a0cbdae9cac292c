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

/* The runs N = from..to go in a child, one after the other; before each
 * the child tells its N through the pipe.  When the child dies (a crash, a
 * sanitizer report, a leak found by world_free() or, at its exit, by
 * LeakSanitizer), the last N it told is the bad one, and a new child goes
 * on after it: one run of the test lists every N that fails, with a fork
 * per failure instead of one per N (a fork of an ASan process is dear). */
struct failnth_msg {
	unsigned long n;		/* 0: the stats follow, all done */
	struct failnth_stats st;
};

static void run_child(int fd, unsigned long from, unsigned long to)
{
	struct failnth_msg m = { 0 };

	for (unsigned long n = from; n <= to; n++) {
		struct failnth_msg cur = { .n = n };

		if (write(fd, &cur, sizeof(cur)) != sizeof(cur))
			_exit(3);
		run_once(n, &m.st);
	}
	m.n = 0;
	if (write(fd, &m, sizeof(m)) != sizeof(m))
		_exit(3);
	close(fd);
	exit(0);	/* not _exit(): LeakSanitizer looks at what is left */
}

/* One child from `from` on; returns the N it stopped at (to + 1: all done). */
static unsigned long run_forked(unsigned long from, unsigned long to, struct failnth_stats *st,
				unsigned long *bad)
{
	struct failnth_msg m;
	unsigned long last = 0;
	bool done = false;
	int fds[2], status;
	pid_t pid;

	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		close(fds[0]);
		run_child(fds[1], from, to);
	}
	close(fds[1]);
	while (read(fds[0], &m, sizeof(m)) == sizeof(m)) {
		if (!m.n) {
			done = true;
			st->runs += m.st.runs;
			st->failed += m.st.failed;
			st->enomem += m.st.enomem;
			break;
		}
		last = m.n;
	}
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (done && WIFEXITED(status) && !WEXITSTATUS(status))
		return to + 1;
	fprintf(stderr, "fail_nth %lu: %s %d\n", done ? to : last,
		WIFSIGNALED(status) ? "signal" : "exit status",
		WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
	(*bad)++;
	if (done)	/* a leak found at exit: which run is not known */
		return to + 1;
	st->runs++;	/* the run that died counts, with its failure */
	st->failed++;
	return (last ? last : from) + 1;
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
	if (from > 1)
		run_once(from, &st);
	for (unsigned long n = from; from == 1 && n <= to;)
		n = run_forked(n, to, &st, &bad);
	print_message("%lu runs, %lu allocations failed, %lu printed ENOMEM\n",
		      st.runs, st.failed, st.enomem);
	assert_int_equal(bad, 0);
	assert_int_equal(st.failed, to - from + 1);
}

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
