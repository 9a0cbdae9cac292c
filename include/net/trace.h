/* The packet trace (issue: see every packet): one line per stage a packet
 * passes, with virtual time, namespace, device, tracking id and the kernel
 * function's name; drops with their reason.  Off, it costs one branch. */
#ifndef SKBOX_NET_TRACE_H
#define SKBOX_NET_TRACE_H

#include "linux/skbuff.h"
#include "net/world.h"

struct trace_state;

/* "on" with an optional pcap filter expression (tcpdump syntax); returns 0
 * or -EINVAL with the filter's error in err (size errlen). */
int trace_start(struct world *w, const char *filter, FILE *out, char *err, size_t errlen);

#define TRACE_LINES 0x1		/* print each stage */
#define TRACE_JSON 0x2		/* as JSON lines (docs/TRACE.md) */
#define TRACE_DROPS 0x4		/* keep a summary of drops (skbox why) */
#define TRACE_RECORD 0x8	/* keep every event in memory (trace_events) */

int trace_start_flags(struct world *w, const char *filter, FILE *out, unsigned int flags,
		      char *err, size_t errlen);
void trace_report_drops(struct world *w, FILE *out);
void trace_stop(struct world *w);
/* The recorded events (TRACE_RECORD), one JSON object per line. */
const char *trace_events(struct world *w, size_t *len);
void trace_json_string(FILE *out, const char *s);
/* cold: the call stays out of line, off the packet path's code */
__attribute__((cold)) void __skb_trace(struct world *w, struct sk_buff *skb, const char *func,
					const char *note);

static inline struct world *skb_world(const struct sk_buff *skb)
{
	return container_of(skb->pool, struct world, skb_pool);
}

/* Is the world tracing?  Building with -DSKBOX_NO_TRACE compiles every
 * trace point out (make bench measures what they cost when off). */
static inline bool skb_tracing(const struct sk_buff *skb)
{
#ifdef SKBOX_NO_TRACE
	(void)skb;
	return false;
#else
	return __builtin_expect(skb->trace_on, 0);
#endif
}

/* A stage of the packet path: call with the kernel function's name. */
static inline void skb_trace(struct sk_buff *skb, const char *func)
{
	if (skb_tracing(skb))
		__skb_trace(skb_world(skb), skb, func, NULL);
}

static inline void skb_trace_note(struct sk_buff *skb, const char *func, const char *note)
{
	if (skb_tracing(skb))
		__skb_trace(skb_world(skb), skb, func, note);
}

/* Before a drop: the setting or state that causes it, for `skbox why`. */
static inline void skb_drop_hint(struct sk_buff *skb, const char *hint)
{
	if (skb_tracing(skb))
		skb->trace_hint = hint;
}

struct rtable;
/* The route chosen (type, table, device, gateway), shown at a routing stage. */
void skb_trace_route(struct sk_buff *skb, const char *func, const struct rtable *rt);

#endif
