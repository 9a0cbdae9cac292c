/* The fail_nth harness shared by test_failnth.c and test_failnth6.c: include
 * it after the scenario[] array of command lines.  For every N the N-th
 * allocation along the scenario fails once; each run must end cleanly. */
#ifndef SKBOX_TESTS_FAILNTH_HARNESS_H
#define SKBOX_TESTS_FAILNTH_HARNESS_H

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

#endif
