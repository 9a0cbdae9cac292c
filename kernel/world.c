/* The world: clock, timer wheel, seeded RNG and the event loop that runs
 * tasks, the receive softirq (net_rx_action) and timers, in that order.
 * In virtual time the clock jumps to the next timer when nothing is runnable,
 * so the same script and seed always produce the same bytes.  In real time
 * the clock follows CLOCK_MONOTONIC and the loop sleeps in ppoll() on the
 * watched real file descriptors until the next timer (docs/LIVE-IO.md).
 * A virtual-time loop that never runs out of work (a CPU-bound sender and
 * receiver on a link without delay) lets the clock follow the CPU time it
 * spends once the stretch is long (world_busy_clock; docs/TCP.md). */
#include <errno.h>
#include <grp.h>
#include <unistd.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>
#include "linux/slab.h"
#include "net/world.h"
#include "net/net_namespace.h"
#include "linux/netdevice.h"
#include "linux/sched.h"
#include "net/trace.h"

static u64 rotl(u64 x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* xoshiro256** seeded through splitmix64 */
static void world_seed(struct world *w, u64 seed)
{
	for (int i = 0; i < 4; i++) {
		u64 z = (seed += 0x9e3779b97f4a7c15ULL);

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
		w->rng[i] = z ^ (z >> 31);
	}
	w->hashrnd = (u32)(w->rng[0] ^ w->rng[3] >> 32);	/* no draw from the stream */
}

u64 world_random_u64(struct world *w)
{
	u64 *s = w->rng;
	u64 result = rotl(s[1] * 5, 7) * 9;
	u64 t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

u32 world_random_u32(struct world *w)
{
	return (u32)(world_random_u64(w) >> 32);
}

u32 world_random_below(struct world *w, u32 n)
{
	return n ? (u32)(((u64)world_random_u32(w) * n) >> 32) : 0;
}

static u64 monotonic_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
}

static u64 thread_cpu_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
}

u64 world_now(const struct world *w)
{
	return w->now;
}

struct world *world_new(u64 seed)
{
	struct world *w = kzalloc(sizeof(*w));

	if (!w)
		return NULL;
	world_seed(w, seed);
	timer_base_init(&w->timers, 0);
	INIT_LIST_HEAD(&w->nets);
	INIT_LIST_HEAD(&w->napi_poll_list);
	INIT_LIST_HEAD(&w->runq);
	INIT_LIST_HEAD(&w->tasks);
	skb_pool_init(&w->skb_pool);
	w->trace_id_next = 1;
	w->log = open_memstream(&w->log_buf, &w->log_len);
	w->rt_origin = monotonic_ns();
	inet_protos_init(w);
	w->init_net = net_create(w, "");
	if (!w->init_net) {
		skb_pool_destroy(&w->skb_pool);
		if (w->log)
			fclose(w->log);
		free(w->log_buf);
		kfree(w);
		return NULL;
	}
	return w;
}

void skbox_files_release(struct world *w);

static void world_kill_tasks(struct world *w)
{
	struct task *t, *n;

	list_for_each_entry(t, &w->tasks, list)
		task_signal(t, SIGKILL);
	for (int i = 0; i < 64 && !list_empty(&w->tasks); i++) {
		task_run_queue(w);
		list_for_each_entry_safe(t, n, &w->tasks, list)
			if (t->state == TASK_DEAD)
				task_free(t);
	}
}

static int world_leak_report(struct world *w, FILE *report)
{
	int leaks = 0;

#define LEAK(cond, fmt, ...) do {					\
	if (cond) {							\
		leaks++;						\
		if (report)						\
			fprintf(report, "skbox: leak: " fmt "\n", __VA_ARGS__); \
	}								\
} while (0)
	LEAK(w->skb_pool.skbs_live, "%ld sk_buff(s) still allocated", w->skb_pool.skbs_live);
	LEAK(w->skb_pool.bufs_live, "%ld packet buffer(s) still allocated", w->skb_pool.bufs_live);
	LEAK(w->socks_live, "%ld socket(s) still open", w->socks_live);
	LEAK(w->neigh_live, "%ld neighbour(s) still referenced", w->neigh_live);
	LEAK(w->ct_live, "%ld conntrack entr(ies) still allocated", w->ct_live);
	LEAK(w->dst_live, "%ld route cache entr(ies) still referenced", w->dst_live);
	LEAK(timer_base_count(&w->timers), "%u timer(s) still pending",
	     timer_base_count(&w->timers));
	LEAK(!list_empty(&w->tasks), "%s", "tasks still alive");
	LEAK(w->nwatches, "%d file descriptor watch(es) still registered", w->nwatches);
#undef LEAK
	return leaks;
}

int world_free(struct world *w, FILE *report)
{
	struct net *net, *tmp;
	int leaks;

	if (!w)
		return 0;
	world_kill_tasks(w);
	trace_stop(w);
	skbox_files_release(w);
	/* Namespaces other than the first go first: their veth peers may live
	 * in the first one.  Then the first. */
	list_for_each_entry_safe(net, tmp, &w->nets, list)
		if (net != w->init_net)
			net_destroy(net);
	net_destroy(w->init_net);
	leaks = world_leak_report(w, report);
	skb_pool_destroy(&w->skb_pool);
	kfree(w->watches);
	kfree(w->pollfds);
	kfree(w->sched_ctx);
	if (w->log)
		fclose(w->log);
	free(w->log_buf);
	kfree(w);
	return leaks;
}

/* Run what is runnable now: tasks first, then the receive softirq, then
 * timers due at the current time. */
bool world_step(struct world *w)
{
	bool ran = false;

	if (!list_empty(&w->runq)) {
		task_run_queue(w);
		ran = true;
	}
	if (!list_empty(&w->napi_poll_list)) {
		net_rx_action_world(w);
		ran = true;
	}
	if (timer_base_run(&w->timers, w->now))
		ran = true;
	return ran;
}

void world_set_realtime(struct world *w, bool on)
{
	if (on && !w->realtime) {
		/* world time w->now corresponds to wall time "now" from here on */
		w->rt_origin = monotonic_ns() - w->now;
	}
	w->realtime = on;
}

/* In real time the clock is wall time since rt_origin; it never goes back. */
static void world_clock_sync(struct world *w)
{
	u64 now = monotonic_ns() - w->rt_origin;

	if (now > w->now)
		w->now = now;
}

static struct world_fd_watch *watch_find(struct world *w, int fd)
{
	for (int i = 0; i < w->nwatches; i++)
		if (w->watches[i].fd == fd)
			return &w->watches[i];
	return NULL;
}

int world_watch_fd(struct world *w, int fd, short events, world_fd_cb cb, void *arg)
{
	struct world_fd_watch *wa;

	if (fd < 0 || !cb)
		return -EINVAL;
	wa = watch_find(w, fd);
	if (!wa) {
		if (w->nwatches == w->watches_cap) {
			int cap = w->watches_cap ? 2 * w->watches_cap : 8;
			struct world_fd_watch *nw = krealloc(w->watches, (size_t)cap * sizeof(*nw));
			struct pollfd *np;

			if (!nw)
				return -ENOMEM;
			w->watches = nw;
			np = krealloc(w->pollfds, (size_t)cap * sizeof(*np));
			if (!np)
				return -ENOMEM;
			w->pollfds = np;
			w->watches_cap = cap;
		}
		wa = &w->watches[w->nwatches++];
	}
	*wa = (struct world_fd_watch){ .fd = fd, .events = events, .cb = cb, .arg = arg };
	return 0;
}

int world_watch_fd_events(struct world *w, int fd, short events)
{
	struct world_fd_watch *wa = watch_find(w, fd);

	if (!wa)
		return -ENOENT;
	wa->events = events;
	return 0;
}

int world_unwatch_fd(struct world *w, int fd)
{
	struct world_fd_watch *wa = watch_find(w, fd);

	if (!wa)
		return -ENOENT;
	*wa = w->watches[--w->nwatches];
	return 0;
}

/* ppoll() the watched fds for at most timeout_ns (UINT64_MAX: forever),
 * then run the callbacks of those with events.  With no fd watched this is
 * a plain sleep.  A callback may (un)watch fds: each fd that reported is
 * looked up again before its callback runs. */
static int world_poll_ns(struct world *w, u64 timeout_ns)
{
	struct pollfd *pfd = w->pollfds;
	struct timespec ts = {
		.tv_sec = (time_t)(timeout_ns / NSEC_PER_SEC),
		.tv_nsec = (long)(timeout_ns % NSEC_PER_SEC),
	};
	int n = w->nwatches, ready, fired = 0;

	if (!n && timeout_ns == UINT64_MAX)
		return 0;	/* nothing could ever wake us */
	for (int i = 0; i < n; i++)
		pfd[i] = (struct pollfd){ .fd = w->watches[i].fd, .events = w->watches[i].events };
	ready = ppoll(n ? pfd : NULL, (nfds_t)n, timeout_ns == UINT64_MAX ? NULL : &ts, NULL);
	if (w->realtime)
		world_clock_sync(w);
	if (ready <= 0)
		return 0;	/* timeout, or EINTR: the caller's loop goes on */
	/* Callbacks may (un)watch fds, which reallocates the arrays, or even
	 * poll again: work on a copy of what fired. */
	struct pollfd local[16], *got = ready <= 16 ? local : kmalloc((size_t)ready * sizeof(*got));

	if (!got)
		return 0;
	for (int i = 0; i < n && fired < ready; i++)
		if (pfd[i].revents)
			got[fired++] = pfd[i];
	for (int i = 0; i < fired; i++) {
		struct world_fd_watch *wa = watch_find(w, got[i].fd);

		if (wa)
			wa->cb(w, got[i].fd, got[i].revents, wa->arg);
	}
	if (got != local)
		kfree(got);
	return fired;
}

int world_poll_fds(struct world *w, int timeout_ms)
{
	return world_poll_ns(w, timeout_ms < 0 ? UINT64_MAX : (u64)timeout_ms * 1000000ULL);
}

/* Real time: sleep in ppoll() until wall time reaches `next` or a watched
 * fd has something. */
static void world_wait_realtime(struct world *w, u64 next)
{
	world_clock_sync(w);
	if (next > w->now)
		world_poll_ns(w, next == UINT64_MAX ? UINT64_MAX : next - w->now);
	else if (w->nwatches)
		world_poll_ns(w, 0);
}

/* Virtual time's busy rule.  On Linux a CPU-bound transfer takes the time
 * its CPU work takes; here work is free, so a loop that always finds more
 * (sender and receiver over a link without delay or rate) would never see
 * a timer fire.  After WORLD_BUSY_ROUNDS rounds in a row that found work,
 * the clock advances by the CPU time this thread spent on each further
 * round, until the loop next runs dry.  Short stretches (every exchange
 * that ends waiting for a timer) never reach the threshold, so they stay
 * byte-for-byte reproducible; a saturated run reports what the machine
 * did, as iperf3 over a real veth does.  Returns true when that moved the
 * clock to `until`. */
static bool world_busy_clock(struct world *w, u64 until)
{
	u64 cpu, step;

	if (w->realtime || ++w->busy_rounds < WORLD_BUSY_ROUNDS)
		return false;
	cpu = thread_cpu_ns();
	if (w->busy_rounds == WORLD_BUSY_ROUNDS) {
		w->busy_cpu_mark = cpu;
		return false;
	}
	w->busy_rounds = WORLD_BUSY_ROUNDS;
	if (until <= w->now)
		return true;
	step = cpu > w->busy_cpu_mark ? cpu - w->busy_cpu_mark : 0;
	w->busy_cpu_mark = cpu;
	w->now += step < until - w->now ? step : until - w->now;
	return w->now >= until;
}

int world_run(struct world *w, bool (*done)(void *arg), void *arg, u64 until)
{
	w->busy_rounds = 0;
	while (!done(arg)) {
		u64 next;
		bool io;

		if (w->realtime)
			world_clock_sync(w);
		/* fds first, without waiting: received frames join the work */
		io = w->nwatches && world_poll_ns(w, 0) > 0;
		if (world_step(w) || io) {
			if (world_busy_clock(w, until))
				return -ETIMEDOUT;
			continue;
		}
		w->busy_rounds = 0;
		next = timer_base_next_hint(&w->timers);
		if (w->realtime) {
			if (w->now >= until)
				return -ETIMEDOUT;
			if (next == UINT64_MAX && until == UINT64_MAX && !w->nwatches)
				return -EDEADLK;
			world_wait_realtime(w, next < until ? next : until);
			continue;
		}
		if (next == UINT64_MAX) {
			if (!w->nwatches)
				return -EDEADLK;
			/* only the outside world can make something happen */
			world_poll_ns(w, UINT64_MAX);
			continue;
		}
		if (next > until) {
			if (until > w->now)
				w->now = until;
			return -ETIMEDOUT;
		}
		if (next > w->now)
			w->now = next;
	}
	return 0;
}

/* After a world opened a host resource (a TAP, a host UDP socket): no
 * privilege can be gained any more (PR_SET_NO_NEW_PRIVS, kept across exec),
 * and with `skbox run --user NAME` a root process becomes NAME
 * (supplementary groups cleared, then gid, then uid).  Open fds keep
 * working.  Returns 0, or -EPERM when the drop failed. */
#define PR_SET_NO_NEW_PRIVS 38	/* <sys/prctl.h> pulls the system's linux/types.h, which ours shadows */
int prctl(int option, ...);

int world_drop_privileges(struct world *w)
{
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
	if (!w->drop_privs || geteuid() != 0)
		return 0;
	if (setgroups(0, NULL) || setgid((gid_t)w->drop_gid) || setuid((uid_t)w->drop_uid) ||
	    setuid(0) == 0)
		return -EPERM;
	w->drop_privs = false;
	return 0;
}
