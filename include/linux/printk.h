/* The world's kernel log (what `dmesg` shows) and Linux's net_ratelimit(). */
#ifndef SKBOX_LINUX_PRINTK_H
#define SKBOX_LINUX_PRINTK_H

#include <stdbool.h>

struct world;

/* One line "[seconds.micro] text" into the world's log (printk); nothing
 * when the world has no log. */
void klog(struct world *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* net_ratelimit(): one state for the whole world, as the kernel's
 * net_ratelimit_state (net.core.message_cost 5 s, message_burst 10).  When a
 * new interval begins after suppressed calls, logs "net_ratelimit: N
 * callbacks suppressed" as ___ratelimit() does.  True: print. */
bool net_ratelimit(struct world *w);

#endif
