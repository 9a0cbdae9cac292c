/*
 * linux/slab.h - the allocator every kernel-side object comes from:
 * kmalloc(), kzalloc(), kcalloc(), krealloc(), kstrdup(), and the skb pool
 * (net/core/skbuff.c) ask should_failslab() first.
 *
 * Fault injection (the kernel's failslab and /proc/self/task/TID/fail-nth):
 * with failslab.fail_nth = N, the N-th allocation from then on fails once,
 * as Linux's fail_nth does for one task; failslab.count counts them.  Like
 * the kernel's failslab attribute it is one per process, not per world: the
 * allocation sites have no world at hand.  Off (fail_nth = 0), it costs one
 * branch.  Tests: tests/unit/test_failnth.c.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

struct failslab {
	unsigned long fail_nth;		/* 0: off */
	unsigned long count;		/* allocations since fail_nth was set */
	unsigned long failed;		/* allocations made to fail */
};

extern struct failslab failslab;

bool __should_failslab(void);

static inline bool should_failslab(void)
{
	return failslab.fail_nth && __should_failslab();
}

/* Arms the injection: the nth allocation from now fails (0: off). */
static inline void failslab_set(unsigned long nth)
{
	failslab.fail_nth = nth;
	failslab.count = 0;
	failslab.failed = 0;
}

static inline void *kmalloc(size_t size)
{
	return should_failslab() ? NULL : malloc(size);
}

static inline void *kzalloc(size_t size)
{
	return should_failslab() ? NULL : calloc(1, size);
}

static inline void *kcalloc(size_t n, size_t size)
{
	return should_failslab() ? NULL : calloc(n, size);
}

/* On failure the old block stays allocated, as with realloc(). */
static inline void *krealloc(void *p, size_t size)
{
	return should_failslab() ? NULL : realloc(p, size);
}

static inline char *kstrdup(const char *s)
{
	return should_failslab() ? NULL : strdup(s);
}

static inline void kfree(const void *p)
{
	free((void *)p);
}

#endif
