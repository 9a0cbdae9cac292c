/*
 * linux/timer.h - the world's hierarchical timer wheel (see kernel/timer.c).
 * Times are absolute nanoseconds of world time; expiry is exact.
 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

#define TIMER_LVL_BITS	6
#define TIMER_LVL_SIZE	(1u << TIMER_LVL_BITS)	/* 64 slots per level */
#define TIMER_LEVELS	11			/* 11 * 6 bits >= 64 */

enum timer_state {
	TIMER_IDLE = 0,		/* not pending */
	TIMER_WHEEL,		/* in slots[level][slot] */
	TIMER_DUE,		/* expires <= base clk: on the sorted due list */
};

struct timer_base;

struct timer_list {
	struct timer_list *next, *prev;		/* private links */
	uint64_t expires;
	void (*function)(struct timer_list *);
	struct timer_base *base;
	uint64_t seq;				/* insertion order, for ties */
	uint8_t state;				/* enum timer_state */
	uint8_t level, slot;
};

struct timer_base {
	uint64_t clk;				/* wheel clock (ns) */
	uint64_t next_seq;
	unsigned count;				/* pending timers */
	uint64_t occupied[TIMER_LEVELS];	/* bit s: slots[l][s] non-empty */
	struct timer_list *slots[TIMER_LEVELS][TIMER_LVL_SIZE];
	struct timer_list *due_head, *due_tail;	/* sorted by (expires, seq) */
	/* no timer expires before this (0: not known), as the kernel's
	 * base->next_expiry: a run before it has nothing to do */
	uint64_t next_expiry;
};

#ifndef container_of
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#endif

#define from_timer(var, timer_ptr, field) \
	container_of(timer_ptr, __typeof__(*var), field)

void timer_base_init(struct timer_base *b, uint64_t now);
void timer_setup(struct timer_base *b, struct timer_list *t,
		 void (*fn)(struct timer_list *));
int mod_timer(struct timer_list *t, uint64_t expires);
int del_timer(struct timer_list *t);
bool timer_pending(const struct timer_list *t);
uint64_t timer_base_next(const struct timer_base *b);
uint64_t timer_base_next_hint(const struct timer_base *b);	/* <= next, O(1) */
unsigned timer_base_run(struct timer_base *b, uint64_t now);
unsigned timer_base_count(const struct timer_base *b);

#endif /* _LINUX_TIMER_H */
