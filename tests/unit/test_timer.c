// SPDX-License-Identifier: GPL-2.0
/* Unit tests for kernel/timer.c: the world's hierarchical timer wheel. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "linux/timer.h"

#define NS	UINT64_C(1)
#define US	(1000 * NS)
#define MS	(1000 * US)
#define SEC	(1000 * MS)
#define HOUR	(3600 * SEC)
#define DAY	(24 * HOUR)

/* ---- simple recording timers ---- */

struct rec {
	struct timer_list timer;
	int id;
	int fired;
	uint64_t fired_at;		/* expires at the moment it ran */
};

static int order_log[64];
static int order_n;

static void rec_fn(struct timer_list *t)
{
	struct rec *r = from_timer(r, t, timer);

	r->fired++;
	r->fired_at = t->expires;
	if (order_n < 64)
		order_log[order_n++] = r->id;
}

static void rec_init(struct timer_base *b, struct rec *r, int n)
{
	for (int i = 0; i < n; i++) {
		timer_setup(b, &r[i].timer, rec_fn);
		r[i].id = i;
		r[i].fired = 0;
	}
	order_n = 0;
}

static void test_basic_fire(void **state)
{
	struct timer_base b;
	struct rec r[1];

	(void)state;
	timer_base_init(&b, 1000);
	rec_init(&b, r, 1);
	assert_false(timer_pending(&r[0].timer));
	assert_int_equal(mod_timer(&r[0].timer, 1500), 0);
	assert_true(timer_pending(&r[0].timer));
	assert_int_equal(timer_base_count(&b), 1);
	assert_int_equal(timer_base_next(&b), 1500);
	assert_int_equal(timer_base_run(&b, 1499), 0);
	assert_int_equal(r[0].fired, 0);
	assert_int_equal(timer_base_run(&b, 1500), 1);
	assert_int_equal(r[0].fired, 1);
	assert_false(timer_pending(&r[0].timer));
	assert_int_equal(timer_base_count(&b), 0);
	assert_true(timer_base_next(&b) == UINT64_MAX);
	assert_int_equal(timer_base_run(&b, 1 * SEC), 0);
}

static void test_rearm_delete(void **state)
{
	struct timer_base b;
	struct rec r[2];

	(void)state;
	timer_base_init(&b, 0);
	rec_init(&b, r, 2);
	assert_int_equal(mod_timer(&r[0].timer, 10 * SEC), 0);
	assert_int_equal(mod_timer(&r[0].timer, 5 * MS), 1);	/* earlier */
	assert_int_equal(timer_base_next(&b), 5 * MS);
	assert_int_equal(mod_timer(&r[0].timer, 7 * HOUR), 1);	/* later */
	assert_int_equal(timer_base_next(&b), 7 * HOUR);
	assert_int_equal(timer_base_count(&b), 1);
	assert_int_equal(mod_timer(&r[1].timer, 3), 0);
	assert_int_equal(del_timer(&r[1].timer), 1);
	assert_int_equal(del_timer(&r[1].timer), 0);
	assert_int_equal(timer_base_run(&b, 7 * HOUR - 1), 0);
	assert_int_equal(del_timer(&r[0].timer), 1);
	assert_int_equal(timer_base_count(&b), 0);
	assert_int_equal(timer_base_run(&b, 100 * HOUR), 0);
	assert_int_equal(r[0].fired + r[1].fired, 0);
	/* arm in the past: runs on the next run call */
	assert_int_equal(mod_timer(&r[1].timer, 5), 0);
	assert_int_equal(timer_base_next(&b), 5);
	assert_int_equal(timer_base_run(&b, 100 * HOUR), 1);
	assert_int_equal(r[1].fired_at, 5);
}

static void test_ties_insertion_order(void **state)
{
	struct timer_base b;
	struct rec r[8];
	static const int arm_order[8] = { 3, 1, 7, 0, 5, 2, 6, 4 };

	(void)state;
	timer_base_init(&b, 0);
	rec_init(&b, r, 8);
	for (int i = 0; i < 8; i++)	/* all armed far first, then re-armed */
		mod_timer(&r[i].timer, 1 * DAY);
	for (int i = 0; i < 8; i++)
		mod_timer(&r[arm_order[i]].timer, 123456789);
	mod_timer(&r[0].timer, 123456788);	/* earlier expiry wins over seq */
	assert_int_equal(timer_base_run(&b, 123456789), 8);
	assert_int_equal(order_log[0], 0);
	for (int i = 0, j = 1; i < 8; i++) {
		if (arm_order[i] == 0)
			continue;
		assert_int_equal(order_log[j++], arm_order[i]);
	}
}

static void test_next_exact_levels(void **state)
{
	static const uint64_t deltas[] = { 1 * NS, 1 * US, 1 * MS, 1 * SEC,
					   1 * HOUR, 30 * DAY };
	const unsigned n = sizeof(deltas) / sizeof(deltas[0]);
	struct timer_base b;
	struct rec r[6];
	uint64_t now = 987654321 * NS + 17;

	(void)state;
	timer_base_init(&b, now);
	rec_init(&b, r, 6);
	for (unsigned i = n; i-- > 0;) {	/* arm far-to-near */
		mod_timer(&r[i].timer, now + deltas[i] + i);
		assert_int_equal(timer_base_next(&b), now + deltas[i] + i);
	}
	for (unsigned i = 0; i < n; i++) {
		uint64_t e = now + deltas[i] + i;

		assert_int_equal(timer_base_next(&b), e);
		assert_int_equal(timer_base_run(&b, e - 1), 0);
		assert_int_equal(timer_base_next(&b), e);
		assert_int_equal(timer_base_run(&b, e), 1);
		assert_int_equal(r[i].fired, 1);
		assert_int_equal(r[i].fired_at, e);
	}
	assert_true(timer_base_next(&b) == UINT64_MAX);
	/* top of the range: level 10 */
	mod_timer(&r[0].timer, UINT64_MAX - 1);
	assert_true(timer_base_next(&b) == UINT64_MAX - 1);
	assert_int_equal(timer_base_run(&b, UINT64_MAX - 2), 0);
	assert_int_equal(timer_base_run(&b, UINT64_MAX - 1), 1);
}

/* ---- periodic and arm-at-now callbacks ---- */

struct periodic {
	struct timer_list timer;
	uint64_t period;
	unsigned runs;
	uint64_t last;
	struct timer_list *buddy;	/* armed at the current expiry on first run */
};

static void periodic_fn(struct timer_list *t)
{
	struct periodic *p = from_timer(p, t, timer);
	uint64_t now = t->expires;

	p->runs++;
	p->last = now;
	assert_int_equal(mod_timer(t, now + p->period), 0);
	if (p->buddy && p->runs == 1)
		mod_timer(p->buddy, now);	/* arm at 'now': runs in this call */
}

static void test_periodic_and_arm_now(void **state)
{
	struct timer_base b;
	struct periodic p;
	struct rec r[1];

	(void)state;
	timer_base_init(&b, 0);
	rec_init(&b, r, 1);
	memset(&p, 0, sizeof(p));
	timer_setup(&b, &p.timer, periodic_fn);
	p.period = 10 * MS;
	p.buddy = &r[0].timer;
	mod_timer(&p.timer, 10 * MS);
	/* one big jump runs every period, plus the buddy at 10 ms */
	assert_int_equal(timer_base_run(&b, 1 * SEC), 100 + 1);
	assert_int_equal(p.runs, 100);
	assert_int_equal(p.last, 1 * SEC);
	assert_int_equal(r[0].fired, 1);
	assert_int_equal(r[0].fired_at, 10 * MS);
	assert_int_equal(timer_base_next(&b), 1 * SEC + 10 * MS);
	assert_int_equal(timer_base_count(&b), 1);
	/* step by step, exactly at each expiry */
	for (int i = 0; i < 50; i++) {
		uint64_t nx = timer_base_next(&b);

		assert_int_equal(timer_base_run(&b, nx), 1);
		assert_int_equal(p.last, nx);
	}
	assert_int_equal(p.runs, 150);
	assert_int_equal(del_timer(&p.timer), 1);
	assert_int_equal(timer_base_count(&b), 0);
}

/* ---- randomized test against a brute-force reference model ---- */

#define NT	96
#define NOPS	20000
#define LOGMAX	4096
#define NOW_BUDGET 8

struct rt {
	struct timer_list timer;
	int id;
};

struct model_t {
	bool pending;
	uint64_t expires, seq;
};

struct fire {
	int id;
	uint64_t expires;
};

struct world {
	/* real */
	struct timer_base base;
	struct rt t[NT];
	struct fire log[LOGMAX];
	unsigned nlog;
	unsigned now_budget;
	uint64_t target;
	/* model */
	struct model_t m[NT];
	uint64_t mseq, mclk;
	struct fire mlog[LOGMAX];
	unsigned nmlog;
	unsigned mnow_budget;
};

static struct world *W;

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint64_t rnd(void)
{
	uint64_t x = rng_state;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	return rng_state = x;
}

static uint64_t hash2(uint64_t a, uint64_t b)
{
	uint64_t h = a * 0x9e3779b97f4a7c15ull ^ (b + 0x632be59bd9b4e019ull);

	h ^= h >> 31;
	h *= 0xbf58476d1ce4e5b9ull;
	return h ^ (h >> 29);
}

/* random delta spanning many magnitudes: 0 .. 2^40 */
static uint64_t rnd_delta(void)
{
	unsigned k = (unsigned)(rnd() % 41);

	return k ? rnd() & ((UINT64_C(1) << k) - 1) : 0;
}

/* What a fired timer does, as a pure function of (id, expires, budget). */
enum act { ACT_NONE, ACT_REARM, ACT_ARM_NOW, ACT_DELETE };

static enum act rule(int id, uint64_t e, unsigned budget, int *other, uint64_t *when)
{
	uint64_t h = hash2((uint64_t)id, e);

	*other = (int)((uint64_t)id + 1 + (h >> 8) % (NT - 1)) % NT;
	switch (h % 8) {
	case 0:
	case 1:
		*when = e + 1 + (h >> 16) % (1u << ((h >> 40) % 24));
		return ACT_REARM;
	case 2:
		*when = W->target;
		return budget ? ACT_ARM_NOW : ACT_NONE;
	case 3:
		return ACT_DELETE;
	default:
		return ACT_NONE;
	}
}

static void model_arm(int i, uint64_t e)
{
	W->m[i].pending = true;
	W->m[i].expires = e;
	W->m[i].seq = W->mseq++;
}

static void model_run(uint64_t now)
{
	for (;;) {
		int best = -1, other;
		uint64_t when = 0;

		for (int i = 0; i < NT; i++) {
			struct model_t *m = &W->m[i];

			if (!m->pending || m->expires > now)
				continue;
			if (best < 0 || m->expires < W->m[best].expires ||
			    (m->expires == W->m[best].expires && m->seq < W->m[best].seq))
				best = i;
		}
		if (best < 0)
			break;
		W->m[best].pending = false;
		assert_true(W->nmlog < LOGMAX);
		W->mlog[W->nmlog++] = (struct fire){ best, W->m[best].expires };
		switch (rule(best, W->m[best].expires, W->mnow_budget, &other, &when)) {
		case ACT_REARM:
			model_arm(best, when);
			break;
		case ACT_ARM_NOW:
			W->mnow_budget--;
			model_arm(other, when);
			break;
		case ACT_DELETE:
			W->m[other].pending = false;
			break;
		default:
			break;
		}
	}
	if (now > W->mclk)
		W->mclk = now;
}

static void real_fn(struct timer_list *t)
{
	struct rt *r = from_timer(r, t, timer);
	int other;
	uint64_t when = 0;

	assert_false(timer_pending(t));
	assert_true(W->nlog < LOGMAX);
	W->log[W->nlog++] = (struct fire){ r->id, t->expires };
	switch (rule(r->id, t->expires, W->now_budget, &other, &when)) {
	case ACT_REARM:
		mod_timer(t, when);
		break;
	case ACT_ARM_NOW:
		W->now_budget--;
		mod_timer(&W->t[other].timer, when);
		break;
	case ACT_DELETE:
		del_timer(&W->t[other].timer);
		break;
	default:
		break;
	}
}

static uint64_t model_next(unsigned *count)
{
	uint64_t best = UINT64_MAX;

	*count = 0;
	for (int i = 0; i < NT; i++) {
		if (!W->m[i].pending)
			continue;
		(*count)++;
		if (W->m[i].expires < best)
			best = W->m[i].expires;
	}
	return best;
}

static void check_state(void)
{
	unsigned cnt;
	uint64_t nx = model_next(&cnt);

	assert_int_equal(timer_base_count(&W->base), cnt);
	assert_true(timer_base_next(&W->base) == nx);
	for (int i = 0; i < NT; i++) {
		assert_int_equal(timer_pending(&W->t[i].timer), W->m[i].pending);
		if (W->m[i].pending) {
			assert_true(W->t[i].timer.expires == W->m[i].expires);
			assert_true(W->t[i].timer.seq == W->m[i].seq);
		}
	}
}

static void do_run(uint64_t now)
{
	unsigned n;

	W->nlog = W->nmlog = 0;
	W->now_budget = W->mnow_budget = NOW_BUDGET;
	W->target = now;
	model_run(now);
	n = timer_base_run(&W->base, now);
	assert_int_equal(n, W->nmlog);
	assert_int_equal(W->nlog, W->nmlog);
	for (unsigned i = 0; i < n; i++) {
		assert_int_equal(W->log[i].id, W->mlog[i].id);
		assert_true(W->log[i].expires == W->mlog[i].expires);
		assert_true(W->log[i].expires <= now);
	}
}

static void random_op(unsigned *fired)
{
	unsigned op = (unsigned)(rnd() % 100);
	int i = (int)(rnd() % NT);
	uint64_t e, nx;
	unsigned cnt;

	if (op < 45) {			/* arm, sometimes in the past */
		e = W->mclk + rnd_delta();
		if (op < 3)		/* mclk starts at 5 s, so no wrap */
			e = W->mclk - rnd() % 1000;
		assert_int_equal(mod_timer(&W->t[i].timer, e), W->m[i].pending);
		model_arm(i, e);
	} else if (op < 60) {		/* delete */
		assert_int_equal(del_timer(&W->t[i].timer), W->m[i].pending);
		W->m[i].pending = false;
	} else if (op < 80) {		/* advance by a random step */
		do_run(W->mclk + rnd_delta());
	} else if (op < 95) {		/* jump straight to the next expiry */
		nx = model_next(&cnt);
		if (nx != UINT64_MAX) {
			do_run(nx);
			assert_true(W->nlog >= 1);
		}
	} else {			/* run without advancing */
		do_run(W->mclk);
	}
	*fired += W->nlog;
	W->nlog = 0;
	check_state();
}

static void test_random_vs_model(void **state)
{
	static struct world w;
	unsigned fired = 0;

	(void)state;
	memset(&w, 0, sizeof(w));
	W = &w;
	w.mclk = 5 * SEC + 12345;
	timer_base_init(&w.base, w.mclk);
	for (int i = 0; i < NT; i++) {
		timer_setup(&w.base, &w.t[i].timer, real_fn);
		w.t[i].id = i;
	}
	for (int op = 0; op < NOPS; op++)
		random_op(&fired);
	assert_true(fired > 2000);
	do_run(UINT64_C(1) << 62);	/* drain everything still pending */
	for (int i = 0; i < NT; i++)
		del_timer(&w.t[i].timer);
	assert_int_equal(timer_base_count(&w.base), 0);
	W = NULL;
}

/* The hint is a lower bound of the next expiry; it is exact when the
 * earliest slot holds few timers (the loop then jumps straight there and one
 * run cascades down), and the slot's start when it holds many. */
static void test_next_hint(void **state)
{
	struct timer_base b;
	struct rec r[8];
	uint64_t now = 5 * SEC + 3;

	(void)state;
	timer_base_init(&b, now);
	rec_init(&b, r, 8);
	assert_true(timer_base_next_hint(&b) == UINT64_MAX);
	mod_timer(&r[0].timer, now + 10 * MS + 7);	/* level 3 */
	assert_int_equal(timer_base_next_hint(&b), now + 10 * MS + 7);
	mod_timer(&r[1].timer, now + 10 * MS + 5);	/* same slot, earlier */
	assert_int_equal(timer_base_next_hint(&b), now + 10 * MS + 5);
	/* one run at the hint cascades through the levels and fires it */
	assert_int_equal(timer_base_run(&b, now + 10 * MS + 5), 1);
	assert_int_equal(r[1].fired, 1);
	assert_int_equal(timer_base_next_hint(&b), now + 10 * MS + 7);
	assert_int_equal(timer_base_run(&b, now + 10 * MS + 7), 1);
	/* a crowded slot: its start, no later than the earliest timer */
	now = now + 10 * MS + 7;
	order_n = 0;
	for (int i = 0; i < 8; i++)
		mod_timer(&r[i].timer, now + 20 * MS + (uint64_t)(8 - i));
	assert_true(timer_base_next_hint(&b) <= now + 20 * MS + 1);
	assert_true(timer_base_next_hint(&b) > now);
	assert_int_equal(timer_base_next(&b), now + 20 * MS + 1);
	assert_int_equal(timer_base_run(&b, now + 20 * MS + 8), 8);
	assert_int_equal(order_log[0], 7);
}

/* The event loop's rounds (world_run): run the wheel, and when nothing ran
 * jump to the hint.  A crowded coarse slot placed while the clock was far
 * behind gave a hint (the slot's start) in the past while runs before
 * next_expiry did nothing: the loop spun (found by fuzz_stateful). */
static void test_next_hint_behind_clk(void **state)
{
	struct timer_base b;
	struct rec r[8];
	uint64_t now = 0;
	unsigned fired = 0;

	(void)state;
	timer_base_init(&b, 0);
	rec_init(&b, r, 8);
	timer_base_run(&b, 0);		/* empty: next_expiry is "never" */
	for (int i = 0; i < 8; i++)
		mod_timer(&r[i].timer, 5 * SEC + (uint64_t)i);
	for (int round = 0; round < 100 && fired < 8; round++) {
		unsigned n = timer_base_run(&b, now);

		fired += n;
		if (!n) {
			uint64_t h = timer_base_next_hint(&b);

			assert_true(h > now);
			now = h;
		}
	}
	assert_int_equal(fired, 8);
	assert_int_equal(r[0].fired_at, 5 * SEC);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic_fire),
		cmocka_unit_test(test_rearm_delete),
		cmocka_unit_test(test_ties_insertion_order),
		cmocka_unit_test(test_next_exact_levels),
		cmocka_unit_test(test_next_hint),
		cmocka_unit_test(test_next_hint_behind_clk),
		cmocka_unit_test(test_periodic_and_arm_now),
		cmocka_unit_test(test_random_vs_model),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
