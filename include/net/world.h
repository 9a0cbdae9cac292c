/* struct world: one simulated machine — clock, timers, randomness, the event
 * loop, the tasks and every namespace.  Two worlds never share state. */
#ifndef SKBOX_NET_WORLD_H
#define SKBOX_NET_WORLD_H

#include <stdio.h>
#include "linux/types.h"
#include "linux/list.h"
#include "linux/skbuff.h"
#include "linux/timer.h"

struct net;
struct task;
struct net_protocol;
struct world;

/* A real file descriptor the loop watches (docs/LIVE-IO.md).  revents is
 * what poll() reported (POLLIN, POLLOUT, POLLERR, POLLHUP…). */
typedef void (*world_fd_cb)(struct world *w, int fd, short revents, void *arg);

struct world_fd_watch {
	int fd;
	short events;			/* POLLIN | POLLOUT … */
	world_fd_cb cb;
	void *arg;
};

/* Rounds of a virtual-time loop in a row with work before the clock
 * follows the CPU time spent (world_busy_clock, docs/TCP.md). */
#define WORLD_BUSY_ROUNDS 2000

struct world {
	u64 now;			/* ns since the world began */
	bool realtime;
	bool ipv6_off;			/* namespaces start with disable_ipv6=1 (run --no-ipv6) */
	u64 rt_origin;			/* CLOCK_MONOTONIC at world start (real time) */
	/* virtual time's busy rule (world_busy_clock): rounds of the loop in a
	 * row that found work, and the thread CPU time when the clock last
	 * took it */
	u32 busy_rounds;
	u64 busy_cpu_mark;
	struct timer_base timers;
	u64 rng[4];			/* xoshiro256** state */
	u32 hashrnd;			/* flow-hash secret (IPv6 auto flow labels), from the seed */
	struct list_head nets;
	struct net **ns_hash;			/* named namespaces by name */
	unsigned int ns_hash_size, ns_count;
	u32 qdisc_handle;			/* last qdisc major handle given out */
	u32 mirred_nest_level;		/* act_mirred's redirects in progress */
	struct net *init_net;
	struct list_head napi_poll_list;	/* softirq: namespaces with backlog work */
	struct list_head runq;		/* runnable tasks */
	struct list_head tasks;		/* every live task */
	struct task *current;		/* the task running now, NULL in the loop */
	void *sched_ctx;		/* the loop's saved context */
	struct skb_pool skb_pool;
	u32 trace_id_next;
	int nsid_next;
	FILE *log;			/* kernel log (dmesg); NULL: discarded */
	char *log_buf;			/* what log holds (open_memstream), for dmesg */
	size_t log_len;
	/* net_ratelimit() (kernel/printk.c): the interval's start, lines
	 * printed in it and calls suppressed */
	u64 rl_begin;
	int rl_printed, rl_missed;
	long socks_live;		/* leak check */
	long ct_live;			/* conntrack entries (leak check) */
	long neigh_live;
	long dst_live;
	const struct net_protocol *inet_protos[256];	/* inet_add_protocol() */
	int next_pid;
	struct trace_state *trace;	/* NULL: tracing off */
	struct socket **files;		/* the socket table: fd -> socket */
	int nfiles;
	struct world_fd_watch *watches;	/* real fds the loop polls */
	int nwatches, watches_cap;
	void *pollfds;			/* struct pollfd[watches_cap], reused */
	/* skbox run --user: the identity to switch to once a host TAP is open */
	bool drop_privs;
	unsigned int drop_uid, drop_gid;
};

struct world *world_new(u64 seed);
/* Frees everything.  Returns 0, or the number of leaked objects (skbs,
 * sockets, timers, …) after describing them on `report` (if not NULL). */
int world_free(struct world *w, FILE *report);

u64 world_now(const struct world *w);
u32 world_random_u32(struct world *w);
u64 world_random_u64(struct world *w);
/* Uniform in [0, n). */
u32 world_random_below(struct world *w, u32 n);

/* Run the loop until done(arg) is true, nothing can ever happen again, or
 * the clock reaches `until`.  Returns 0 when done, -EDEADLK when idle with no
 * timer left, -ETIMEDOUT at `until`. */
int world_run(struct world *w, bool (*done)(void *arg), void *arg, u64 until);
/* One step: run tasks, softirqs and due timers at the current time.
 * Returns true if anything ran. */
bool world_step(struct world *w);

/* Real time: the clock follows CLOCK_MONOTONIC from now on (and timers
 * fire at their wall-clock time).  Call before anything is scheduled or at
 * any point; the clock never goes back. */
void world_set_realtime(struct world *w, bool on);

/* Real file descriptors (docs/LIVE-IO.md).  The loop calls cb(w, fd,
 * revents, arg) from world_run when poll() reports one of `events` (or an
 * error/hang-up) on fd.  In real time the loop sleeps in poll() until the
 * next timer; in virtual time it polls without waiting while anything can
 * run and blocks in poll() only when nothing is runnable, no timer is
 * pending and at least one fd is watched.  One watch per fd: watching an
 * fd again replaces its events, cb and arg.  Callbacks run in the loop (no
 * task is current) and may watch/unwatch any fd, including their own.
 * Returns 0, -EINVAL (fd < 0 or no cb) or -ENOMEM. */
int world_watch_fd(struct world *w, int fd, short events, world_fd_cb cb, void *arg);
/* Change the events of a watched fd (e.g. add POLLOUT while output is
 * queued).  Returns 0 or -ENOENT. */
int world_watch_fd_events(struct world *w, int fd, short events);
/* Stop watching fd (it is not closed).  Returns 0 or -ENOENT. */
int world_unwatch_fd(struct world *w, int fd);
/* poll() the watched fds once, waiting at most timeout_ms (-1: forever),
 * and run the callbacks.  Returns how many fds had events. */
int world_poll_fds(struct world *w, int timeout_ms);

void inet_protos_init(struct world *w);
/* The receive softirq over every namespace with backlog work. */
void net_rx_action_world(struct world *w);

static inline u64 jiffies_ns(const struct world *w)
{
	return w->now;
}

int world_drop_privileges(struct world *w);

#endif
