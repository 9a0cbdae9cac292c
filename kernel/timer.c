// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/timer.c - the world's timer wheel, like kernel/time/timer.c.
 * A hierarchical wheel (11 levels x 64 slots, 6 bits of nanoseconds per level)
 * driven by the event loop in (virtual) world time. Slots the clock reaches are
 * cascaded down, so expiry is exact; due timers run in (expires, seq) order.
 */
#include <string.h>

#include "linux/timer.h"

/* timer_base_next_hint() walks a first slot of at most this many timers */
#define TIMER_HINT_WALK 4

static bool timer_before(const struct timer_list *a, const struct timer_list *b)
{
	if (a->expires != b->expires)
		return a->expires < b->expires;
	return a->seq < b->seq;
}

/* Start time of slot @s of level @lvl in the current rotation of @clk. */
static uint64_t slot_start(uint64_t clk, unsigned lvl, unsigned s)
{
	unsigned hi = (lvl + 1) * TIMER_LVL_BITS;
	uint64_t upper = hi >= 64 ? 0 : clk & ~((UINT64_C(1) << hi) - 1);

	return upper | ((uint64_t)s << (lvl * TIMER_LVL_BITS));
}

static void due_add(struct timer_base *b, struct timer_list *t)
{
	struct timer_list *p = b->due_tail;

	while (p && timer_before(t, p))
		p = p->prev;
	t->prev = p;
	t->next = p ? p->next : b->due_head;
	if (t->next)
		t->next->prev = t;
	else
		b->due_tail = t;
	if (p)
		p->next = t;
	else
		b->due_head = t;
	t->state = TIMER_DUE;
}

static void due_del(struct timer_base *b, struct timer_list *t)
{
	if (t->prev)
		t->prev->next = t->next;
	else
		b->due_head = t->next;
	if (t->next)
		t->next->prev = t->prev;
	else
		b->due_tail = t->prev;
	t->next = t->prev = NULL;
	t->state = TIMER_IDLE;
}

/* Place @t relative to b->clk: due list if already expired, else its level/slot.
 * The due list's timers all expire before the wheel's; one that expires before
 * the last of them joins them (a cascade moves timers due by the time the
 * wheel runs to straight there, past clk). */
static void enqueue(struct timer_base *b, struct timer_list *t)
{
	uint64_t diff = t->expires ^ b->clk;
	unsigned lvl, s;

	if (t->expires <= b->clk || (b->due_tail && t->expires <= b->due_tail->expires)) {
		due_add(b, t);
		return;
	}
	lvl = (unsigned)(63 - __builtin_clzll(diff)) / TIMER_LVL_BITS;
	s = (unsigned)(t->expires >> (lvl * TIMER_LVL_BITS)) & (TIMER_LVL_SIZE - 1);
	t->level = (uint8_t)lvl;
	t->slot = (uint8_t)s;
	t->prev = NULL;
	t->next = b->slots[lvl][s];
	if (t->next)
		t->next->prev = t;
	b->slots[lvl][s] = t;
	b->occupied[lvl] |= UINT64_C(1) << s;
	t->state = TIMER_WHEEL;
}

static void wheel_del(struct timer_base *b, struct timer_list *t)
{
	if (t->prev)
		t->prev->next = t->next;
	else
		b->slots[t->level][t->slot] = t->next;
	if (t->next)
		t->next->prev = t->prev;
	if (!b->slots[t->level][t->slot])
		b->occupied[t->level] &= ~(UINT64_C(1) << t->slot);
	t->next = t->prev = NULL;
	t->state = TIMER_IDLE;
}

/* Remove @t from wherever it is queued; returns 1 if it was pending. */
static int detach(struct timer_list *t)
{
	switch (t->state) {
	case TIMER_WHEEL:
		wheel_del(t->base, t);
		return 1;
	case TIMER_DUE:
		due_del(t->base, t);
		return 1;
	default:
		return 0;
	}
}

/*
 * The earliest occupied slot of the wheel. Invariant: a timer on level l shares
 * all bits above level l with clk and its slot is > clk's slot on that level,
 * so the lowest non-empty level holds the earliest timers, in its lowest slot.
 */
static bool first_slot(const struct timer_base *b, unsigned *lvl, unsigned *s)
{
	unsigned l;

	for (l = 0; l < TIMER_LEVELS; l++) {
		if (b->occupied[l]) {
			*lvl = l;
			*s = (unsigned)__builtin_ctzll(b->occupied[l]);
			return true;
		}
	}
	return false;
}

/* Advance clk to the start of slot (@lvl, @s) and re-place its timers lower;
 * those due by @now (the time the wheel runs to) go straight to the due list,
 * which keeps them in (expires, seq) order, instead of down level by level:
 * the loop usually jumps to a timer's exact expiry, so a sleep of 10 ms took
 * three cascades to get there. */
static void cascade(struct timer_base *b, unsigned lvl, unsigned s, uint64_t start,
		    uint64_t now)
{
	struct timer_list *t = b->slots[lvl][s], *next;

	b->slots[lvl][s] = NULL;
	b->occupied[lvl] &= ~(UINT64_C(1) << s);
	b->clk = start;
	for (; t; t = next) {
		next = t->next;
		if (t->expires <= now)
			due_add(b, t);
		else
			enqueue(b, t);
	}
}

void timer_base_init(struct timer_base *b, uint64_t now)
{
	memset(b, 0, sizeof(*b));
	b->clk = now;
}

void timer_setup(struct timer_base *b, struct timer_list *t,
		 void (*fn)(struct timer_list *))
{
	memset(t, 0, sizeof(*t));
	t->base = b;
	t->function = fn;
	t->state = TIMER_IDLE;
}

int mod_timer(struct timer_list *t, uint64_t expires)
{
	struct timer_base *b = t->base;
	int was = detach(t);

	t->expires = expires;
	t->seq = b->next_seq++;
	enqueue(b, t);
	if (expires < b->next_expiry)
		b->next_expiry = expires;
	if (!was)
		b->count++;
	return was;
}

int del_timer(struct timer_list *t)
{
	int was = detach(t);

	if (was)
		t->base->count--;
	return was;
}

bool timer_pending(const struct timer_list *t)
{
	return t->state != TIMER_IDLE;
}

uint64_t timer_base_next(const struct timer_base *b)
{
	const struct timer_list *t;
	uint64_t best = UINT64_MAX;
	unsigned lvl, s;

	if (b->due_head)
		return b->due_head->expires;
	if (!first_slot(b, &lvl, &s))
		return UINT64_MAX;
	for (t = b->slots[lvl][s]; t; t = t->next)
		if (t->expires < best)
			best = t->expires;
	return best;
}

/* A lower bound of the next expiry that costs nothing: the start of the
 * earliest occupied slot (exact on level 0 and for the due list).  The loop
 * may jump there; running the wheel at that time cascades the slot into finer
 * ones, so the exact time is reached in a few cheap steps, where walking a
 * coarse slot of 100,000 conntrack timers for their minimum was not cheap. */
static uint64_t timer_base_hint(const struct timer_base *b)
{
	const struct timer_list *t;
	uint64_t best = UINT64_MAX;
	unsigned lvl, s, n = 0;

	if (b->due_head)
		return b->due_head->expires;
	if (!first_slot(b, &lvl, &s))
		return UINT64_MAX;
	/* A short slot is walked: the loop then jumps to the exact time and
	 * the cascade happens in one run instead of one loop round a level. */
	for (t = b->slots[lvl][s]; t; t = t->next) {
		if (++n > TIMER_HINT_WALK)
			return slot_start(b->clk, lvl, s);
		if (t->expires < best)
			best = t->expires;
	}
	return best;
}

/* Never earlier than next_expiry, itself a lower bound: the start of a slot
 * placed against a clk left far behind (runs before next_expiry return at
 * once and do not move it) may lie in the past, and a loop that jumped there
 * would find the run doing nothing, again and again (a fuzz_stateful hang). */
uint64_t timer_base_next_hint(const struct timer_base *b)
{
	uint64_t hint = timer_base_hint(b);

	return hint > b->next_expiry ? hint : b->next_expiry;
}

unsigned timer_base_run(struct timer_base *b, uint64_t now)
{
	struct timer_list *t;
	unsigned n = 0, lvl, s;
	uint64_t start;

	/* the event loop runs the wheel every round; most rounds come before
	 * the next timer (the clock is left behind: placing timers relative
	 * to an earlier clk is still exact, only coarser) */
	if (now < b->next_expiry)
		return 0;
	for (;;) {
		t = b->due_head;
		if (t) {
			if (t->expires > now) {
				b->next_expiry = t->expires;
				break;
			}
			due_del(b, t);
			b->count--;
			t->function(t);
			n++;
			continue;
		}
		if (!first_slot(b, &lvl, &s)) {
			b->next_expiry = UINT64_MAX;
			break;
		}
		start = slot_start(b->clk, lvl, s);
		if (start > now) {
			/* every timer of the slot expires at or after its start */
			b->next_expiry = start;
			break;
		}
		cascade(b, lvl, s, start, now);
	}
	if (now > b->clk)
		b->clk = now;
	return n;
}

unsigned timer_base_count(const struct timer_base *b)
{
	return b->count;
}
