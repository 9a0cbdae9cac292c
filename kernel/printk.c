/* The kernel log of a world: printk's timestamped lines and net_ratelimit(). */
#include <stdarg.h>
#include <stdio.h>

#include <linux/printk.h>
#include <net/world.h>

#define NET_MSG_COST	(5 * NSEC_PER_SEC)	/* net.core.message_cost */
#define NET_MSG_BURST	10			/* net.core.message_burst */

void klog(struct world *w, const char *fmt, ...)
{
	va_list ap;

	if (!w->log)
		return;
	fprintf(w->log, "[%5llu.%06llu] ", (unsigned long long)(w->now / NSEC_PER_SEC),
		(unsigned long long)(w->now % NSEC_PER_SEC / 1000));
	va_start(ap, fmt);
	vfprintf(w->log, fmt, ap);
	va_end(ap);
}

/* ___ratelimit() with the world's net_ratelimit_state */
bool net_ratelimit(struct world *w)
{
	if (!w->rl_begin || w->now >= w->rl_begin + NET_MSG_COST) {
		if (w->rl_missed)
			klog(w, "net_ratelimit: %d callbacks suppressed\n", w->rl_missed);
		w->rl_begin = w->now ? w->now : 1;
		w->rl_printed = w->rl_missed = 0;
	}
	if (w->rl_printed >= NET_MSG_BURST) {
		w->rl_missed++;
		return false;
	}
	w->rl_printed++;
	return true;
}
