/* The packet trace (net/core/trace.c; what pwru, `iptables -j TRACE` and
 * dropwatch show on Linux, without losing events): each traced packet's
 * stages as text lines, drops with the kernel's reason and the stage they
 * followed.  The filter is a pcap expression, compiled with libpcap and
 * matched on the Ethernet frame as tcpdump would. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <pcap/pcap.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/ethernet.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include <arpa/inet.h>
#include "net/trace.h"

struct drop_record {
	char ns[64];
	char dev[16];
	const char *stage;
	const char *hint;
	enum skb_drop_reason reason;
	u64 first;
	unsigned long count;
};

struct trace_state {
	FILE *out;
	unsigned int flags;		/* TRACE_* */
	struct drop_record *drops;
	size_t ndrops, capdrops;
	bool has_filter;
	struct bpf_program prog;
	void (*saved_hook)(void *, struct sk_buff *, enum skb_drop_reason, void *);
	void *saved_arg;
	FILE *events;			/* TRACE_RECORD: every event as a JSON line */
	char *evbuf;
	size_t evlen;
};

static const char *ns_name(const struct net *net)
{
	return net->name[0] ? net->name : "-";
}

/* The frame as tcpdump would see it: from the MAC header when the skb has
 * one, else a made-up Ethernet header in front of the IP header. */
static bool trace_filter_match(struct trace_state *ts, const struct sk_buff *skb)
{
	u8 buf[2048];
	const u8 *start;
	unsigned int len;
	struct pcap_pkthdr h = { 0 };

	if (skb->mac_header && skb_mac_header(skb) >= skb->head &&
	    skb_mac_header(skb) + ETH_HLEN <= skb->tail &&
	    skb_mac_header(skb) <= skb->data) {
		start = skb_mac_header(skb);
		len = (unsigned int)(skb->tail - start);
	} else {
		struct ethhdr *eth = (struct ethhdr *)buf;
		unsigned int n = (unsigned int)(skb->tail - skb_network_header(skb));

		if (n > sizeof(buf) - ETH_HLEN)
			n = sizeof(buf) - ETH_HLEN;
		memset(eth, 0, ETH_HLEN);
		eth->h_proto = skb->protocol ? skb->protocol : htons(ETH_P_IP);
		memcpy(buf + ETH_HLEN, skb_network_header(skb), n);
		start = buf;
		len = n + ETH_HLEN;
	}
	h.caplen = h.len = len;
	return pcap_offline_filter(&ts->prog, &h, start) != 0;
}

static bool trace_wanted(struct trace_state *ts, struct sk_buff *skb)
{
	if (skb->trace_match)
		return skb->trace_match == 1;
	/* no header yet (a TCP payload queued by tcp_sendmsg): nothing a
	 * filter could read; decide when the headers are there */
	if (ts->has_filter && !skb->network_header && !skb->mac_header)
		return false;
	skb->trace_match = (!ts->has_filter || trace_filter_match(ts, skb)) ? 1 : 2;
	return skb->trace_match == 1;
}

/* A JSON string; '<' as \\u003c so that the text can sit in an HTML
 * <script> element unchanged. */
void trace_json_string(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', out);
		if (*s == '<')
			fputs("\\u003c", out);
		else if ((unsigned char)*s < 0x20)
			fprintf(out, "\\u%04x", (unsigned char)*s);
		else
			fputc(*s, out);
	}
	fputc('"', out);
}

/* One JSON object per line: {"t_ns","ns","dev","id","stage","note"} */
static void trace_json(FILE *out, struct world *w, struct sk_buff *skb, const char *what,
		       const char *note)
{
	struct net_device *dev = skb->dev;

	fprintf(out, "{\"t_ns\":%llu,\"ns\":", (unsigned long long)w->now);
	trace_json_string(out, dev ? ns_name(dev_net(dev)) : "-");
	fputs(",\"dev\":", out);
	trace_json_string(out, dev ? dev->name : "-");
	fprintf(out, ",\"id\":%u,\"stage\":", skb->trace_id);
	trace_json_string(out, what);
	if (note) {
		fputs(",\"note\":", out);
		trace_json_string(out, note);
	}
	fputs("}\n", out);
}

static void trace_line(struct world *w, struct sk_buff *skb, const char *what,
		       const char *note)
{
	struct trace_state *ts = w->trace;
	struct net_device *dev = skb->dev;

	if (ts->events)
		trace_json(ts->events, w, skb, what, note);
	if (!(ts->flags & TRACE_LINES))
		return;
	if (ts->flags & TRACE_JSON) {
		trace_json(ts->out, w, skb, what, note);
		return;
	}
	fprintf(ts->out, "[%4llu.%06llu] %-8s %-10s #%-4u %s%s%s\n",
		(unsigned long long)(w->now / NSEC_PER_SEC),
		(unsigned long long)(w->now % NSEC_PER_SEC / 1000),
		dev ? ns_name(dev_net(dev)) : "-", dev ? dev->name : "-",
		skb->trace_id, what, note ? " " : "", note ? note : "");
}

void __skb_trace(struct world *w, struct sk_buff *skb, const char *func, const char *note)
{
	if (!w->trace)		/* traced from an skb made before `trace off` */
		return;
	if (!skb->trace_id)
		skb->trace_id = w->trace_id_next++;
	skb->trace_last = func;
	if (trace_wanted(w->trace, skb))
		trace_line(w, skb, func, note);
}

static void drop_record_add(struct world *w, struct sk_buff *skb, enum skb_drop_reason reason)
{
	struct trace_state *ts = w->trace;
	const char *ns = skb->dev ? ns_name(dev_net(skb->dev)) : "-";
	const char *dev = skb->dev ? skb->dev->name : "-";
	const char *stage = skb->trace_last ? skb->trace_last : "?";
	const char *hint = skb->trace_hint ? skb->trace_hint : "";
	struct drop_record *d;

	for (size_t i = 0; i < ts->ndrops; i++) {
		d = &ts->drops[i];
		if (d->reason == reason && d->stage == stage && d->hint == hint && !strcmp(d->ns, ns) &&
		    !strcmp(d->dev, dev)) {
			d->count++;
			return;
		}
	}
	if (ts->ndrops == ts->capdrops) {
		size_t cap = ts->capdrops ? ts->capdrops * 2 : 16;
		struct drop_record *n = krealloc(ts->drops, cap * sizeof(*n));

		if (!n)
			return;
		ts->drops = n;
		ts->capdrops = cap;
	}
	d = &ts->drops[ts->ndrops++];
	snprintf(d->ns, sizeof(d->ns), "%s", ns);
	snprintf(d->dev, sizeof(d->dev), "%s", dev);
	d->stage = stage;
	d->hint = hint;
	d->reason = reason;
	d->first = w->now;
	d->count = 1;
}

/* `skbox why`: every drop of the run, grouped by where and why. */
void trace_report_drops(struct world *w, FILE *out)
{
	struct trace_state *ts = w->trace;

	if (!ts)
		return;
	if (!ts->ndrops) {
		fprintf(out, "no packet was dropped\n");
		return;
	}
	fprintf(out, "%-6s %-12s %-8s %-10s %-22s %s\n", "count", "first", "netns", "dev",
		"reason", "after");
	for (size_t i = 0; i < ts->ndrops; i++) {
		const struct drop_record *d = &ts->drops[i];
		char first[32];

		snprintf(first, sizeof(first), "%llu.%06llu", (unsigned long long)(d->first / NSEC_PER_SEC),
			 (unsigned long long)(d->first % NSEC_PER_SEC / 1000));
		fprintf(out, "%-6lu %-12s %-8s %-10s %-22s %s%s%s\n", d->count, first, d->ns,
			d->dev, drop_reason_name(d->reason), d->stage, d->hint[0] ? ": " : "",
			d->hint);
	}
}

static void trace_drop(void *arg, struct sk_buff *skb, enum skb_drop_reason reason, void *loc)
{
	struct world *w = arg;
	struct trace_state *ts = w->trace;
	char note[256];

	if (ts->saved_hook)
		ts->saved_hook(ts->saved_arg, skb, reason, loc);
	if (skb->trace_match != 1)
		return;
	if (ts->flags & TRACE_DROPS)
		drop_record_add(w, skb, reason);
	snprintf(note, sizeof(note), "reason=%s after %s%s%s", drop_reason_name(reason),
		 skb->trace_last ? skb->trace_last : "?", skb->trace_hint ? ": " : "",
		 skb->trace_hint ? skb->trace_hint : "");
	trace_line(w, skb, "DROP", note);
}

int trace_start(struct world *w, const char *filter, FILE *out, char *err, size_t errlen)
{
	return trace_start_flags(w, filter, out, TRACE_LINES, err, errlen);
}

int trace_start_flags(struct world *w, const char *filter, FILE *out, unsigned int flags,
		      char *err, size_t errlen)
{
	struct trace_state *ts = kzalloc(sizeof(*ts));

	if (!ts)
		return -ENOMEM;
	ts->out = out;
	ts->flags = flags;
	if (flags & TRACE_RECORD) {
		ts->events = open_memstream(&ts->evbuf, &ts->evlen);
		if (!ts->events) {
			free(ts);
			return -ENOMEM;
		}
	}
	if (filter && *filter) {
		pcap_t *p = pcap_open_dead(DLT_EN10MB, 65535);

		if (!p || pcap_compile(p, &ts->prog, filter, 1, PCAP_NETMASK_UNKNOWN)) {
			snprintf(err, errlen, "%s", p ? pcap_geterr(p) : "pcap_open_dead failed");
			if (p)
				pcap_close(p);
			if (ts->events)
				fclose(ts->events);
			free(ts->evbuf);
			free(ts);
			return -EINVAL;
		}
		pcap_close(p);
		ts->has_filter = true;
	}
	trace_stop(w);
	ts->saved_hook = w->skb_pool.drop_hook;
	ts->saved_arg = w->skb_pool.drop_hook_arg;
	w->skb_pool.drop_hook = trace_drop;
	w->skb_pool.drop_hook_arg = w;
	w->skb_pool.tracing = true;
	w->trace = ts;
	return 0;
}

void trace_stop(struct world *w)
{
	struct trace_state *ts = w->trace;

	if (!ts)
		return;
	w->skb_pool.drop_hook = ts->saved_hook;
	w->skb_pool.drop_hook_arg = ts->saved_arg;
	w->skb_pool.tracing = false;
	if (ts->has_filter)
		pcap_freecode(&ts->prog);
	free(ts->drops);
	if (ts->events)
		fclose(ts->events);
	free(ts->evbuf);
	free(ts);
	w->trace = NULL;
}

const char *trace_events(struct world *w, size_t *len)
{
	struct trace_state *ts = w->trace;

	if (!ts || !ts->events) {
		*len = 0;
		return "";
	}
	fflush(ts->events);
	*len = ts->evlen;
	return ts->evbuf ? ts->evbuf : "";
}

void skb_trace_route(struct sk_buff *skb, const char *func, const struct rtable *rt)
{
	static const char *const types[] = {
		"unspec", "unicast", "local", "broadcast", "anycast", "multicast",
		"blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve",
	};
	char note[160], gw[INET6_ADDRSTRLEN] = "";
	struct world *w = skb_world(skb);

	if (!w->trace)
		return;
	if (rt->rt_uses_gateway && rt->rt_gw_family == AF_INET6)
		inet_ntop(AF_INET6, &rt->rt_gw6, gw, sizeof(gw));
	else if (rt->rt_uses_gateway)
		inet_ntop(AF_INET, &rt->rt_gw4, gw, sizeof(gw));
	snprintf(note, sizeof(note), "%s rule %u table %u%s%s dev %s%s",
		 rt->rt_type < 12 ? types[rt->rt_type] : "?", rt->rt_rule_pref, rt->rt_table_id,
		 gw[0] ? " via " : "", gw, rt->dst.dev->name,
		 rt->dst.error ? " (error)" : "");
	__skb_trace(w, skb, func, note);
}
