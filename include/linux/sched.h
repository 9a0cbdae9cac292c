/* Tasks: programs inside the world (ping, nc, a script line).  Each runs on
 * its own stack; a blocking call parks the task and returns to the loop. */
#ifndef SKBOX_LINUX_SCHED_H
#define SKBOX_LINUX_SCHED_H

#include "linux/types.h"
#include "linux/list.h"
#include "linux/timer.h"

struct world;
struct net;
struct task;

struct wait_queue_head {
	struct list_head head;
};

struct wait_queue_entry {
	struct list_head entry;
	struct task *task;
	/* with no task: wake_up() calls this instead (ep_poll_callback) */
	void (*func)(struct wait_queue_entry *e);
};

enum task_state {
	TASK_RUNNABLE,
	TASK_BLOCKED,
	TASK_DEAD,
};

typedef int (*task_fn)(void *arg);

struct task {
	struct list_head list;		/* world->tasks */
	struct list_head run_list;	/* world->runq */
	struct world *world;
	struct net *net;		/* the namespace it runs in */
	enum task_state state;
	task_fn fn;
	void *arg;
	int exit_code;
	int sigpending;			/* bitmask of signals (SIGINT, SIGTERM…) */
	bool woken;
	bool timed_out;
	struct timer_list timer;
	struct wait_queue_entry wait;
	void *ctx;			/* saved machine context */
	void *stack;
	size_t stack_size;
	void *fake_stack;		/* ASan fiber bookkeeping */
	void (*on_exit)(struct task *t, void *data);
	void *on_exit_data;
	char comm[16];
	int pid;
};

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	INIT_LIST_HEAD(&wq->head);
}

struct task *task_spawn(struct world *w, struct net *net, const char *comm,
			task_fn fn, void *arg);
void task_free(struct task *t);
struct task *current_task(struct world *w);
/* Park the current task until woken through wq (may be NULL), the timeout
 * (ns, 0 = none) passes, or a signal arrives.  Returns 0 when woken,
 * -ETIMEDOUT, or -EINTR. */
int task_wait(struct world *w, struct wait_queue_head *wq, u64 timeout_ns);
int task_sleep(struct world *w, u64 ns);
void wake_up(struct wait_queue_head *wq);
void task_wake(struct task *t);
void task_signal(struct task *t, int sig);
bool task_signal_pending(const struct task *t);
/* Runs t now when it waits in the run queue (out of its turn). */
void task_run_one(struct world *w, struct task *t);
/* Runs runnable tasks until none is left runnable; returns how many ran. */
int task_run_queue(struct world *w);

#endif
