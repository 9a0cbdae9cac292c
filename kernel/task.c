/* Tasks: programs inside the world run as coroutines on their own stacks.
 * A blocking call (task_wait) saves the task's context and returns to the
 * loop; wake_up(), a timer or a signal makes it runnable again.  The loop
 * stays single-threaded and deterministic. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <sys/mman.h>
#include "linux/sched.h"
#include "linux/slab.h"
#include "net/world.h"
#if __has_include(<valgrind/memcheck.h>)
#include <valgrind/memcheck.h>
#else
#define VALGRIND_MAKE_MEM_UNDEFINED(addr, len) ((void)(addr), (void)(len))
#endif

#if defined(__SANITIZE_ADDRESS__)
#define SKBOX_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SKBOX_ASAN 1
#endif
#endif

#ifdef SKBOX_ASAN
void __sanitizer_start_switch_fiber(void **fake_stack_save, const void *bottom, size_t size);
void __sanitizer_finish_switch_fiber(void *fake_stack_save, const void **bottom_old,
				     size_t *size_old);
void __asan_unpoison_memory_region(void const volatile *addr, size_t size);
#endif

#define TASK_STACK_SIZE (512 * 1024)

/* Stacks of finished tasks are kept for the next ones (a script runs a task
 * per command; mapping and faulting in a fresh stack each time was most of
 * the cost of a short command).  Per thread, so worlds on other threads never
 * share one; at most STACK_CACHE_MAX are kept. */
#define STACK_CACHE_MAX 16
static __thread void *stack_cache[STACK_CACHE_MAX];
static __thread int stack_cache_n;


static void *task_stack_get(void)
{
	void *st;

	if (should_failslab())	/* as the kernel's alloc_thread_stack_node() may */
		return NULL;
	if (stack_cache_n) {
		st = stack_cache[--stack_cache_n];
#ifdef SKBOX_ASAN
		__asan_unpoison_memory_region(st, TASK_STACK_SIZE);
#endif
		/* memcheck marked what lay below the last task's stack pointer
		 * inaccessible; the next one starts at another colour */
		VALGRIND_MAKE_MEM_UNDEFINED(st, TASK_STACK_SIZE);
		return st;
	}
	st = mmap(NULL, TASK_STACK_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		  -1, 0);
	return st == MAP_FAILED ? NULL : st;
}

/* a task that ran to its end left its stack unwound; others are unmapped */
static void task_stack_put(void *st, bool finished)
{
	if (finished && stack_cache_n < STACK_CACHE_MAX)
		stack_cache[stack_cache_n++] = st;
	else
		munmap(st, TASK_STACK_SIZE);
}

/* Stacks are mapped at page (and often 512 KB) boundaries, so the top lines
 * of every task's stack — where it sits between switches — would share the
 * same few sets of the CPU caches: in a world of a hundred pingers those
 * lines evicted each other at every switch.  Each new context starts its
 * stack a different number of cache lines below the top, spread over 64 KB
 * (the set span of a 1 MB 16-way cache) by a golden-ratio step, as Linux
 * offsets its kernel stacks (RANDOMIZE_KSTACK_OFFSET, for another reason). */
#define TASK_STACK_COLOURS (64 * 1024)
static __thread unsigned int stack_colour_next;

static size_t task_stack_colour(void)
{
	return ((stack_colour_next++ * 0x9E3779B1u) >> 16) & (TASK_STACK_COLOURS - 64);
}

#if defined(__x86_64__)
/* A task's context is its saved stack pointer; the callee-saved registers
 * sit on its stack.  No signal mask is saved (glibc's swapcontext makes a
 * system call for that on every switch). */
struct task_context {
	void *sp;
};

void skbox_ctx_switch(void **save_sp, void *load_sp);
void skbox_ctx_entry(void);

__asm__(".text\n"
	".globl skbox_ctx_switch\n"
	".type skbox_ctx_switch,@function\n"
	"skbox_ctx_switch:\n"
	"\tpushq %rbp\n\tpushq %rbx\n\tpushq %r12\n"
	"\tpushq %r13\n\tpushq %r14\n\tpushq %r15\n"
	"\tmovq %rsp, (%rdi)\n"
	"\tmovq %rsi, %rsp\n"
	"\tpopq %r15\n\tpopq %r14\n\tpopq %r13\n"
	"\tpopq %r12\n\tpopq %rbx\n\tpopq %rbp\n"
	"\tret\n"
	".size skbox_ctx_switch, .-skbox_ctx_switch\n"
	".globl skbox_ctx_entry\n"
	".type skbox_ctx_entry,@function\n"
	"skbox_ctx_entry:\n"
	"\tmovq %rbx, %rdi\n"
	"\tcall skbox_task_main\n"
	"\tud2\n"
	".size skbox_ctx_entry, .-skbox_ctx_entry\n");
#define TASK_CTX_ASM 1
#else
struct task_context {
	ucontext_t uc;
};
#endif

struct task_sched {
	struct task_context loop_ctx;
	const void *loop_stack_bottom;
	size_t loop_stack_size;
};

static void ctx_switch(struct task_context *save, struct task_context *load)
{
#ifdef TASK_CTX_ASM
	skbox_ctx_switch(&save->sp, load->sp);
#else
	swapcontext(&save->uc, &load->uc);
#endif
}

static struct task_sched *sched_of(struct world *w)
{
	if (!w->sched_ctx)
		w->sched_ctx = kzalloc(sizeof(struct task_sched));
	return w->sched_ctx;
}

static void switch_to_task(struct world *w, struct task *t)
{
	struct task_sched *s = sched_of(w);
	void *fake = NULL;

	w->current = t;
#ifdef SKBOX_ASAN
	__sanitizer_start_switch_fiber(&fake, t->stack, t->stack_size);
#endif
	ctx_switch(&s->loop_ctx, (struct task_context *)t->ctx);
#ifdef SKBOX_ASAN
	__sanitizer_finish_switch_fiber(fake, NULL, NULL);
#endif
	(void)fake;
	w->current = NULL;
}

static void switch_to_loop(struct task *t)
{
	struct task_sched *s = sched_of(t->world);

#ifdef SKBOX_ASAN
	__sanitizer_start_switch_fiber(t->state == TASK_DEAD ? NULL : &t->fake_stack,
				       s->loop_stack_bottom, s->loop_stack_size);
#endif
	ctx_switch((struct task_context *)t->ctx, &s->loop_ctx);
#ifdef SKBOX_ASAN
	__sanitizer_finish_switch_fiber(t->fake_stack, &s->loop_stack_bottom,
					&s->loop_stack_size);
#endif
}

void skbox_task_main(struct task *t);

__attribute__((used)) void skbox_task_main(struct task *t)
{

#ifdef SKBOX_ASAN
	struct task_sched *s = sched_of(t->world);

	__sanitizer_finish_switch_fiber(NULL, &s->loop_stack_bottom, &s->loop_stack_size);
#endif
	t->exit_code = t->fn(t->arg);
	t->state = TASK_DEAD;
	del_timer(&t->timer);
	if (t->on_exit)
		t->on_exit(t, t->on_exit_data);
	switch_to_loop(t);
}

static void task_timer_fn(struct timer_list *timer)
{
	struct task *t = from_timer(t, timer, timer);

	t->timed_out = true;
	task_wake(t);
}

#ifdef TASK_CTX_ASM
/* A new stack that "returns" into skbox_ctx_entry with the task in rbx. */
static int task_make_context(struct task *t)
{
	struct task_context *c = kzalloc(sizeof(*c));
	uintptr_t top = ((uintptr_t)t->stack + t->stack_size - task_stack_colour()) &
			~(uintptr_t)15;
	uint64_t *sp = (uint64_t *)top;

	if (!c)
		return -ENOMEM;
	/* ret pops the entry address, leaving rsp 16-byte aligned for its call */
	*--sp = (uint64_t)(uintptr_t)skbox_ctx_entry;
	*--sp = 0;				/* rbp */
	*--sp = (uint64_t)(uintptr_t)t;		/* rbx */
	*--sp = 0;				/* r12 */
	*--sp = 0;				/* r13 */
	*--sp = 0;				/* r14 */
	*--sp = 0;				/* r15 */
	c->sp = sp;
	t->ctx = c;
	return 0;
}
#else
static void task_uc_entry(unsigned int hi, unsigned int lo)
{
	skbox_task_main((struct task *)(((uintptr_t)hi << 32) | (uintptr_t)lo));
}

/* getcontext() returns twice: keep it away from locals the caller uses. */
static int task_make_context(struct task *t)
{
	struct task_context *c = kzalloc(sizeof(*c));
	uintptr_t p = (uintptr_t)t;

	if (!c)
		return -ENOMEM;
	getcontext(&c->uc);
	c->uc.uc_stack.ss_sp = t->stack;
	c->uc.uc_stack.ss_size = t->stack_size - task_stack_colour();
	c->uc.uc_link = NULL;
	makecontext(&c->uc, (void (*)(void))task_uc_entry, 2,
		    (unsigned int)(p >> 32), (unsigned int)p);
	t->ctx = c;
	return 0;
}
#endif

struct task *task_spawn(struct world *w, struct net *net, const char *comm,
			task_fn fn, void *arg)
{
	struct task *t;

	/* the scheduler's state is made with the first task, so that a switch
	 * never finds it missing */
	if (!sched_of(w))
		return NULL;
	t = kzalloc(sizeof(*t));
	if (!t)
		return NULL;
	t->stack_size = TASK_STACK_SIZE;
	t->stack = task_stack_get();
	if (!t->stack || task_make_context(t)) {
		if (t->stack)
			task_stack_put(t->stack, false);
		kfree(t);
		return NULL;
	}
	t->world = w;
	t->net = net;
	t->fn = fn;
	t->arg = arg;
	t->pid = ++w->next_pid;
	snprintf(t->comm, sizeof(t->comm), "%s", comm ? comm : "task");
	timer_setup(&w->timers, &t->timer, task_timer_fn);
	INIT_LIST_HEAD(&t->wait.entry);
	t->wait.task = t;
	list_add_tail(&t->list, &w->tasks);
	t->state = TASK_RUNNABLE;
	list_add_tail(&t->run_list, &w->runq);
	return t;
}

void task_free(struct task *t)
{
	if (!t)
		return;
	del_timer(&t->timer);
	list_del(&t->wait.entry);
	if (t->state != TASK_DEAD || !list_empty(&t->run_list))
		list_del(&t->run_list);
	list_del(&t->list);
	task_stack_put(t->stack, t->state == TASK_DEAD);
	kfree(t->ctx);
	kfree(t);
}

struct task *current_task(struct world *w)
{
	return w->current;
}

void task_run_one(struct world *w, struct task *t)
{
	struct task *it;

	list_for_each_entry(it, &w->runq, run_list) {
		if (it != t)
			continue;
		list_del(&t->run_list);
		switch_to_task(w, t);
		return;
	}
}

void task_wake(struct task *t)
{
	if (t->state != TASK_BLOCKED)
		return;
	t->state = TASK_RUNNABLE;
	list_add_tail(&t->run_list, &t->world->runq);
}

void wake_up(struct wait_queue_head *wq)
{
	struct wait_queue_entry *e, *n;

	list_for_each_entry_safe(e, n, &wq->head, entry) {
		if (!e->task) {
			e->func(e);
			continue;
		}
		e->task->woken = true;
		task_wake(e->task);
	}
}

void task_signal(struct task *t, int sig)
{
	if (t->state == TASK_DEAD)
		return;
	t->sigpending |= 1 << sig;
	task_wake(t);
}

bool task_signal_pending(const struct task *t)
{
	return t->sigpending != 0;
}

int task_wait(struct world *w, struct wait_queue_head *wq, u64 timeout_ns)
{
	struct task *t = w->current;

	if (!t)
		return -EAGAIN;		/* not in a task: the caller must not block */
	if (t->sigpending)
		return -EINTR;
	t->woken = false;
	t->timed_out = false;
	if (wq)
		list_add_tail(&t->wait.entry, &wq->head);
	if (timeout_ns)
		mod_timer(&t->timer, w->now + timeout_ns);
	t->state = TASK_BLOCKED;
	switch_to_loop(t);
	list_del(&t->wait.entry);
	del_timer(&t->timer);
	if (t->woken)
		return 0;
	if (t->timed_out)
		return -ETIMEDOUT;
	return t->sigpending ? -EINTR : 0;
}

int task_sleep(struct world *w, u64 ns)
{
	int err;

	if (!w->current)
		return -EAGAIN;
	if (ns == 0) {
		/* yield: let the loop run once */
		struct task *t = w->current;

		t->state = TASK_RUNNABLE;
		list_add_tail(&t->run_list, &w->runq);
		switch_to_loop(t);
		return t->sigpending ? -EINTR : 0;
	}
	err = task_wait(w, NULL, ns);
	return err == -ETIMEDOUT ? 0 : err;
}

int task_run_queue(struct world *w)
{
	struct list_head batch;
	int n = 0;

	/* Run the tasks runnable now; tasks that yield go to the next round so
	 * that softirqs and timers get their turn. */
	INIT_LIST_HEAD(&batch);
	while (!list_empty(&w->runq))
		list_move_tail(w->runq.next, &batch);
	while (!list_empty(&batch)) {
		struct task *t = list_first_entry(&batch, struct task, run_list);

		list_del(&t->run_list);
		if (t->state == TASK_DEAD)
			continue;
		t->state = TASK_RUNNABLE;
		switch_to_task(w, t);
		n++;
	}
	return n;
}
