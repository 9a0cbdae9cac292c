/* The world: clock, timer wheel, seeded RNG and the event loop that runs
 * tasks, the receive softirq (net_rx_action) and timers, in that order.
 * In virtual time the clock jumps to the next timer when nothing is runnable,
 * so the same script and seed always produce the same bytes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <time.h>
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

u64 world_now(const struct world *w)
{
	return w->now;
}

struct world *world_new(u64 seed)
{
	struct world *w = calloc(1, sizeof(*w));

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
		free(w);
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
	free(w->sched_ctx);
	if (w->log)
		fclose(w->log);
	free(w->log_buf);
	free(w);
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

static void world_wait_realtime(struct world *w, u64 next)
{
	u64 now = monotonic_ns() - w->rt_origin;

	if (next > now) {
		struct timespec ts = {
			.tv_sec = (time_t)((next - now) / NSEC_PER_SEC),
			.tv_nsec = (long)((next - now) % NSEC_PER_SEC),
		};
		nanosleep(&ts, NULL);
	}
	now = monotonic_ns() - w->rt_origin;
	w->now = now > w->now ? now : w->now;
}

int world_run(struct world *w, bool (*done)(void *arg), void *arg, u64 until)
{
	while (!done(arg)) {
		u64 next;

		if (world_step(w))
			continue;
		next = timer_base_next(&w->timers);
		if (next == UINT64_MAX)
			return -EDEADLK;
		if (next > until) {
			if (until > w->now)
				w->now = until;
			return -ETIMEDOUT;
		}
		if (w->realtime)
			world_wait_realtime(w, next);
		else if (next > w->now)
			w->now = next;
	}
	return 0;
}
