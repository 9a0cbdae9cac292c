// SPDX-License-Identifier: GPL-2.0
/* Unit tests for kernel/world.c: two worlds side by side in one process,
 * determinism per seed, and the virtual clock. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <errno.h>
#include <time.h>
#include <poll.h>
#include <unistd.h>
#include <cmocka.h>

#include "helpers.h"

static u64 wall_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * T_SEC + (u64)ts.tv_nsec;
}

/* Run ping in both worlds, stepping them alternately. */
static void ping_two(u64 seed1, u64 seed2, char **out1, char **out2, int *rc1, int *rc2)
{
	struct world *w1 = world_new(seed1), *w2 = world_new(seed2);
	struct h_seed s1, s2;
	struct h_job j1, j2;
	int steps = 0;

	assert_int_equal(h_seed_build(&s1, w1), 0);
	assert_int_equal(h_seed_build(&s2, w2), 0);
	h_job_init(&j1, w1, s1.t1, "ping -c 3 172.16.0.3");
	h_job_init(&j2, w2, s2.t1, "ping -c 3 172.16.0.3");
	assert_non_null(h_job_start(&j1));
	assert_non_null(h_job_start(&j2));
	while (!h_task_dead(j1.task) || !h_task_dead(j2.task)) {
		/* a bounded slice of each world in turn */
		if (!h_task_dead(j1.task))
			world_run(w1, h_task_dead, j1.task, w1->now + 100 * T_MS);
		if (!h_task_dead(j2.task))
			world_run(w2, h_task_dead, j2.task, w2->now + 100 * T_MS);
		assert_true(++steps < 1000);
	}
	assert_true(steps > 5);		/* they really were interleaved */
	*rc1 = j1.rc;
	*rc2 = j2.rc;
	h_job_finish(&j1);
	h_job_finish(&j2);
	*out1 = strdup(j1.buf);
	*out2 = strdup(j2.buf);
	h_job_free(&j1);
	h_job_free(&j2);
	assert_int_equal(world_free(w1, stderr), 0);
	assert_int_equal(world_free(w2, stderr), 0);
}

static void test_two_worlds_same_seed(void **state)
{
	char *o1, *o2;
	int r1, r2;

	(void)state;
	ping_two(42, 42, &o1, &o2, &r1, &r2);
	assert_int_equal(r1, 0);
	assert_int_equal(r2, 0);
	assert_non_null(strstr(o1, "3 packets transmitted, 3 received, 0% packet loss"));
	assert_string_equal(o1, o2);
	free(o1);
	free(o2);
}

static void test_two_worlds_other_seed(void **state)
{
	char *o1, *o2;
	int r1, r2;

	(void)state;
	ping_two(1, 987654321, &o1, &o2, &r1, &r2);
	assert_int_equal(r1, 0);
	assert_int_equal(r2, 0);
	assert_non_null(strstr(o1, "3 packets transmitted, 3 received"));
	assert_non_null(strstr(o2, "3 packets transmitted, 3 received"));
	free(o1);
	free(o2);
}

static void test_same_seed_same_random(void **state)
{
	struct world *a = world_new(7), *b = world_new(7), *c = world_new(8);
	int differ = 0;

	(void)state;
	for (int i = 0; i < 100; i++) {
		u64 x = world_random_u64(a), y = world_random_u64(b), z = world_random_u64(c);

		assert_true(x == y);
		differ += x != z;
		assert_true(world_random_below(a, 10) < 10);
		world_random_below(b, 10);
		world_random_below(c, 10);
	}
	assert_true(differ > 90);
	assert_int_equal(world_free(a, stderr), 0);
	assert_int_equal(world_free(b, stderr), 0);
	assert_int_equal(world_free(c, stderr), 0);
}

static void test_virtual_clock(void **state)
{
	struct world *w = world_new(5);
	struct h_seed s;
	char *out = NULL;
	u64 t0, wall0, wall;

	(void)state;
	assert_int_equal(h_seed_build(&s, w), 0);
	t0 = w->now;
	wall0 = wall_ns();
	assert_int_equal(h_run(w, s.t1, "ping -c 3 172.16.0.3", 100 * T_SEC, &out), 0);
	wall = wall_ns() - wall0;
	/* three echoes one second apart: 2 s of virtual time, exactly */
	assert_true(w->now - t0 == 2 * T_SEC);
	assert_non_null(strstr(out, "time 2000ms"));
	free(out);
	/* and far less than that of real time (generous for ASan/CI) */
	assert_true(wall < T_SEC / 2);
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_idle_world_deadlock(void **state)
{
	struct world *w = world_new(9);

	(void)state;
	/* nothing can ever happen: -EDEADLK, the clock stays */
	assert_int_equal(world_run(w, h_never, NULL, 10 * T_SEC), -EDEADLK);
	assert_true(w->now == 0);
	/* with a timer pending past `until`: -ETIMEDOUT at `until` */
	assert_int_equal(h_advance_to(w, 10 * T_SEC), -ETIMEDOUT);
	assert_true(w->now == 10 * T_SEC);
	assert_int_equal(world_free(w, stderr), 0);
}

/* Two tasks that wake each other forever: the loop never runs dry. */
struct pingpong {
	struct world *w;
	struct wait_queue_head wq[2];
	long rounds;
	int slept;
};

static int pp_side(struct pingpong *p, int me)
{
	for (;;) {
		p->rounds++;
		wake_up(&p->wq[!me]);
		if (task_wait(p->w, &p->wq[me], 0) == -EINTR)
			return 0;
	}
}

static int pp_a(void *arg) { return pp_side(arg, 0); }
static int pp_b(void *arg) { return pp_side(arg, 1); }

static bool pp_enough(void *arg)
{
	return ((struct pingpong *)arg)->rounds >= WORLD_BUSY_ROUNDS / 2;
}

static int pp_sleeper(void *arg)
{
	struct pingpong *p = arg;

	p->slept = task_sleep(p->w, 500 * 1000) == 0;
	return 0;
}

/* The busy rule: a loop that always finds work lets the clock follow the
 * CPU time it spends once the stretch is long, so timers still fire and
 * `until` is reached; short stretches keep the clock still. */
static void test_busy_clock(void **state)
{
	struct world *w = world_new(3);
	struct pingpong p = { .w = w };

	(void)state;
	init_waitqueue_head(&p.wq[0]);
	init_waitqueue_head(&p.wq[1]);
	assert_non_null(task_spawn(w, w->init_net, "ping", pp_a, &p));
	assert_non_null(task_spawn(w, w->init_net, "pong", pp_b, &p));
	assert_non_null(task_spawn(w, w->init_net, "sleeper", pp_sleeper, &p));
	/* a stretch shorter than WORLD_BUSY_ROUNDS leaves the clock alone */
	assert_int_equal(world_run(w, pp_enough, &p, T_SEC), 0);
	assert_true(w->now == 0);
	/* a saturated run reaches `until`, and the sleeper's timer fired */
	assert_int_equal(world_run(w, h_never, NULL, 2 * T_MS), -ETIMEDOUT);
	assert_true(w->now == 2 * T_MS);
	assert_int_equal(p.slept, 1);
	assert_true(p.rounds > WORLD_BUSY_ROUNDS);
	assert_int_equal(world_free(w, stderr), 0);
}

struct fd_probe {
	int fd;
	int calls;
	char got[16];
	bool unwatch;
};

static void fd_probe_cb(struct world *w, int fd, short revents, void *arg)
{
	struct fd_probe *p = arg;
	ssize_t n;

	assert_true(revents & POLLIN);
	assert_int_equal(fd, p->fd);
	n = read(fd, p->got, sizeof(p->got) - 1);
	assert_true(n > 0);
	p->got[n] = 0;
	p->calls++;
	if (p->unwatch)
		assert_int_equal(world_unwatch_fd(w, fd), 0);
}

static bool fd_probe_called(void *arg)
{
	return ((struct fd_probe *)arg)->calls > 0;
}

/* A real fd: virtual time polls it without waiting and blocks in poll()
 * only when nothing else can happen; the callback may unwatch itself. */
static void test_watch_fd(void **state)
{
	struct world *w = world_new(3);
	struct fd_probe p = { .unwatch = true };
	int pfd[2];

	(void)state;
	assert_int_equal(pipe(pfd), 0);
	p.fd = pfd[0];
	assert_int_equal(world_watch_fd(w, -1, POLLIN, fd_probe_cb, &p), -EINVAL);
	assert_int_equal(world_watch_fd(w, pfd[0], POLLIN, fd_probe_cb, &p), 0);
	assert_int_equal(world_watch_fd_events(w, pfd[0], POLLIN), 0);
	assert_int_equal(world_watch_fd_events(w, pfd[1], POLLIN), -ENOENT);
	assert_int_equal(write(pfd[1], "hello", 5), 5);
	/* nothing runnable, no timer, an fd watched: poll, not -EDEADLK */
	assert_int_equal(world_run(w, fd_probe_called, &p, UINT64_MAX), 0);
	assert_int_equal(p.calls, 1);
	assert_string_equal(p.got, "hello");
	assert_true(w->now == 0);
	assert_int_equal(world_unwatch_fd(w, pfd[0]), -ENOENT);
	assert_int_equal(world_run(w, h_never, NULL, T_SEC), -EDEADLK);
	/* a watch left behind is reported as a leak */
	assert_int_equal(world_watch_fd(w, pfd[0], POLLIN, fd_probe_cb, &p), 0);
	close(pfd[0]);
	close(pfd[1]);
	assert_int_equal(world_free(w, NULL), 1);
}

/* Real time: the clock follows the wall clock and timers fire on time. */
static void test_realtime_clock(void **state)
{
	struct world *w = world_new(4);
	u64 wall0 = wall_ns(), t0;

	(void)state;
	world_set_realtime(w, true);
	t0 = w->now;
	assert_int_equal(h_advance_to(w, t0 + 30 * T_MS), -ETIMEDOUT);
	assert_true(w->now >= t0 + 30 * T_MS);
	assert_true(wall_ns() - wall0 >= 30 * T_MS);
	assert_int_equal(world_free(w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_two_worlds_same_seed),
		cmocka_unit_test(test_two_worlds_other_seed),
		cmocka_unit_test(test_same_seed_same_random),
		cmocka_unit_test(test_virtual_clock),
		cmocka_unit_test(test_idle_world_deadlock),
		cmocka_unit_test(test_busy_clock),
		cmocka_unit_test(test_watch_fd),
		cmocka_unit_test(test_realtime_clock),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
