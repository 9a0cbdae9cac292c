/* `tc` (iproute2 tc/tc.c, tc_qdisc.c, q_fifo.c, q_netem.c): root qdiscs.
 *   tc [-s] qdisc { add | replace | change | del } dev DEV root KIND [OPTIONS]
 *   tc [-s] qdisc [ show [ dev DEV ] ]
 *   tc [-force] -batch FILE      (FILE "-": stdin, a line run as it arrives)
 * Kinds: pfifo, bfifo (limit N), netem (delay TIME [JITTER [CORR%]],
 * loss [random] P% [CORR%], duplicate P%, corrupt P%, reorder P% [CORR%]
 * [gap N], rate RATE, limit N), tbf (rate R burst B latency L | limit N
 * [peakrate P mtu M]).  Messages and exit codes as tc's. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "skbox/cmd.h"
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/sch_generic.h"
#include "tc_common.h"


/* get_time(): "100ms", "1.5s", "20us", "300ns"; a bare number is µs. */
static int parse_time(const char *s, u64 *ns)
{
	static const struct { const char *u; double mul; } units[] = {
		{ "s", 1e9 }, { "sec", 1e9 }, { "secs", 1e9 }, { "ms", 1e6 }, { "msec", 1e6 },
		{ "msecs", 1e6 }, { "us", 1e3 }, { "usec", 1e3 }, { "usecs", 1e3 },
		{ "ns", 1 }, { "nsec", 1 }, { "nsecs", 1 }, { "", 1e3 },
	};
	char *end;
	double v = strtod(s, &end);

	if (end == s || v < 0)
		return -1;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (!strcasecmp(end, units[i].u)) {
			*ns = (u64)(v * units[i].mul + 0.5);
			return 0;
		}
	}
	return -1;
}

/* "1%" or a fraction "0.01" → probability scaled to 2^32 - 1 */
static int parse_percent(const char *s, u32 *p)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s)
		return -1;
	if (*end == '%' && !end[1])
		v /= 100;
	else if (*end)
		return -1;
	if (v < 0 || v > 1)
		return -1;
	*p = (u32)(v * UINT32_MAX + 0.5);
	return 0;
}

/* get_rate(): "1mbit", "100kbit", "10mbps" (bytes), "1gbit" → bytes/s */
static int parse_rate(const char *s, u64 *bps)
{
	static const struct { const char *u; double bits; } units[] = {
		{ "bit", 1 }, { "kbit", 1e3 }, { "mbit", 1e6 }, { "gbit", 1e9 }, { "tbit", 1e12 },
		{ "bps", 8 }, { "kbps", 8e3 }, { "mbps", 8e6 }, { "gbps", 8e9 }, { "", 1 },
	};
	char *end;
	double v = strtod(s, &end);

	if (end == s || v <= 0)
		return -1;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (!strcasecmp(end, units[i].u)) {
			*bps = (u64)(v * units[i].bits / 8 + 0.5);
			return 0;
		}
	}
	return -1;
}

static int illegal(struct cmd_ctx *ctx, const char *what)
{
	fprintf(ctx->err, "Illegal \"%s\"\n", what);
	return -1;
}

/* An optional correlation after a value: "25%". */
static void maybe_corr(char ***argv, int *argc, u32 *corr)
{
	if (*argc > 1 && strchr((*argv)[1], '%') && !parse_percent((*argv)[1], corr)) {
		(*argv)++;
		(*argc)--;
	}
}

static int netem_parse(struct cmd_ctx *ctx, int argc, char **argv, struct tc_qopt *o)
{
	for (; argc > 0; argc--, argv++) {
		const char *k = argv[0];

		if (argc < 2)
			return illegal(ctx, k);
		if (!strcmp(k, "delay") || !strcmp(k, "latency")) {
			argv++, argc--;
			if (parse_time(argv[0], &o->latency_ns))
				return illegal(ctx, "latency");
			if (argc > 1 && !parse_time(argv[1], &o->jitter_ns)) {
				argv++, argc--;
				maybe_corr(&argv, &argc, &o->delay_corr);
			}
		} else if (!strcmp(k, "loss")) {
			argv++, argc--;
			if (!strcmp(argv[0], "random") && argc > 1)
				argv++, argc--;
			if (parse_percent(argv[0], &o->loss))
				return illegal(ctx, "loss percent");
			maybe_corr(&argv, &argc, &o->loss_corr);
		} else if (!strcmp(k, "duplicate") || !strcmp(k, "corrupt") || !strcmp(k, "reorder")) {
			u32 *p = k[0] == 'd' ? &o->duplicate : k[0] == 'c' ? &o->corrupt : &o->reorder;
			u32 ignored;

			argv++, argc--;
			if (parse_percent(argv[0], p))
				return illegal(ctx, k);
			maybe_corr(&argv, &argc, p == &o->reorder ? &o->reorder_corr : &ignored);
		} else if (!strcmp(k, "gap") || !strcmp(k, "limit")) {
			char *end;
			unsigned long v = strtoul(argv[1], &end, 0);

			if (*end || v > UINT32_MAX)
				return illegal(ctx, k);
			if (k[0] == 'g') {
				o->gap = (u32)v;
			} else {
				o->limit = (u32)v;
				o->has_limit = true;
			}
			argv++, argc--;
		} else if (!strcmp(k, "rate")) {
			argv++, argc--;
			if (parse_rate(argv[0], &o->rate_bps))
				return illegal(ctx, "rate");
		} else {
			fprintf(ctx->err, "What is \"%s\"?\n", k);
			return -1;
		}
	}
	if (o->reorder && !o->latency_ns) {
		fprintf(ctx->err, "reordering not possible without specifying some delay\n");
		return -1;
	}
	if (o->reorder && !o->gap)
		o->gap = 1;
	return 0;
}

/* q_fifo.c: limit N; anything else is refused with the usage */
static int fifo_parse(struct cmd_ctx *ctx, const char *kind, int argc, char **argv,
		      struct tc_qopt *o)
{
	for (; argc > 0; argc--, argv++) {
		char *end;
		unsigned long v;

		if (!strcmp(argv[0], "limit") && argc < 2)
			return -255;
		if (strcmp(argv[0], "limit")) {
			if (strcmp(argv[0], "help"))
				fprintf(ctx->err, "%s: unknown parameter \"%s\"\n", kind, argv[0]);
			fprintf(ctx->err, "Usage: ... <[p|b]fifo | pfifo_head_drop> [ limit NUMBER ]\n");
			return -1;
		}
		v = strtoul(argv[1], &end, 0);
		if (*end || !argv[1][0] || v > UINT32_MAX) {
			fprintf(ctx->err, "%s: Illegal value for \"limit\": \"%s\"\n", kind, argv[1]);
			return -1;
		}
		o->limit = (u32)v;
		o->has_limit = true;
		argv++, argc--;
	}
	return 0;
}

/* get_unsigned(): a whole number in C notation, nothing after it */
static bool tc_unsigned(const char *s)
{
	char *end;
	unsigned long v;

	if (!*s)
		return false;
	v = strtoul(s, &end, 0);
	return !*end && v <= UINT32_MAX;
}

/* ---- tbf (iproute2 tc/q_tbf.c) ---- */

static void tbf_explain(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Usage: ... tbf limit BYTES burst BYTES[/BYTES] rate KBPS [ mtu BYTES[/BYTES] ]\n"
		"\t[ peakrate KBPS ] [ latency TIME ] [ overhead BYTES ] [ linklayer TYPE ]\n");
}

/* get_size(): bytes, with k/m/g (1024-based) or kbit/mbit/gbit; "/CELL" ignored */
static int tbf_get_size(const char *s, u32 *out)
{
	static const struct { const char *u; double mul; } units[] = {
		{ "", 1 }, { "b", 1 }, { "k", 1024 }, { "kb", 1024 }, { "m", 1048576 },
		{ "mb", 1048576 }, { "g", 1073741824.0 }, { "gb", 1073741824.0 },
		{ "kbit", 128 }, { "mbit", 131072 }, { "gbit", 134217728 },
	};
	char unit[16], *end;
	double v = strtod(s, &end);
	size_t n = strcspn(end, "/");

	if (end == s || v < 0 || n >= sizeof(unit))
		return -1;
	memcpy(unit, end, n);
	unit[n] = 0;
	for (size_t i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		if (!strcasecmp(unit, units[i].u)) {
			*out = (u32)(v * units[i].mul);
			return 0;
		}
	}
	return -1;
}

static int tbf_illegal(struct cmd_ctx *ctx, const char *what, const char *val)
{
	fprintf(ctx->err, "tbf: illegal value for \"%s\": \"%s\"\n", what, val);
	return -1;
}

/* One "KEY VALUE" pair; latency in µs through *lat_us. */
static int tbf_param(struct cmd_ctx *ctx, const char *k, const char *v, struct tc_qopt *o,
		     u64 *lat_us)
{
	u64 ns;

	if (!strcmp(k, "limit") || !strcmp(k, "latency") || !strcmp(k, "lat")) {
		if (o->has_limit || *lat_us) {
			fprintf(ctx->err, "tbf: specifying both \"latency\" and \"limit\" is not allowed\n");
			return -1;
		}
		if (k[1] == 'i') {
			if (tbf_get_size(v, &o->limit))
				return tbf_illegal(ctx, k, v);
			o->has_limit = true;
		} else {
			if (parse_time(v, &ns) || ns < 1000)
				return tbf_illegal(ctx, "latency", v);
			*lat_us = ns / 1000;
		}
	} else if (!strcmp(k, "burst") || !strcmp(k, "buffer") || !strcmp(k, "maxburst")) {
		if (tbf_get_size(v, &o->burst))
			return tbf_illegal(ctx, "burst", v);
	} else if (!strcmp(k, "mtu") || !strcmp(k, "minburst")) {
		if (tbf_get_size(v, &o->mtu))
			return tbf_illegal(ctx, "mtu", v);
	} else if (!strcmp(k, "rate") || !strcmp(k, "peakrate")) {
		if (parse_rate(v, k[0] == 'r' ? &o->rate_bps : &o->peakrate_bps))
			return tbf_illegal(ctx, k, v);
	} else if (!strcmp(k, "mpu") || !strcmp(k, "overhead") || !strcmp(k, "linklayer")) {
		return 0;
	} else {
		fprintf(ctx->err, "tbf: unknown parameter \"%s\"\n", k);
		tbf_explain(ctx);
		return -1;
	}
	return 0;
}

/* The checks after the loop, all reported before the usage (q_tbf.c). */
static int tbf_check(struct cmd_ctx *ctx, struct tc_qopt *o, u64 lat_us)
{
	int bad = 0;

	if (!o->rate_bps && ++bad)
		fprintf(ctx->err, "tbf: the \"rate\" parameter is mandatory.\n");
	if (!o->burst && ++bad)
		fprintf(ctx->err, "tbf: the \"burst\" parameter is mandatory.\n");
	if (o->peakrate_bps && !o->mtu && ++bad)
		fprintf(ctx->err, "tbf: when \"peakrate\" is specified, \"mtu\" must also be specified.\n");
	if (!o->has_limit && !lat_us && ++bad)
		fprintf(ctx->err, "tbf: either \"limit\" or \"latency\" is required.\n");
	if (bad) {
		tbf_explain(ctx);
		return -1;
	}
	if (!o->has_limit) {
		double lim = (double)o->rate_bps * (double)lat_us / 1e6 + o->burst;

		if (o->peakrate_bps) {
			double lim2 = (double)o->peakrate_bps * (double)lat_us / 1e6 + o->mtu;

			if (lim2 < lim)
				lim = lim2;
		}
		o->limit = (u32)lim;
		o->has_limit = true;
	}
	return 0;
}

static bool tbf_known(const char *k)
{
	static const char *const keys[] = { "limit", "latency", "lat", "burst", "buffer",
		"maxburst", "mtu", "minburst", "rate", "peakrate", "mpu", "overhead", "linklayer" };

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!strcmp(k, keys[i]))
			return true;
	return false;
}

static int tbf_parse(struct cmd_ctx *ctx, int argc, char **argv, struct tc_qopt *o)
{
	u64 lat_us = 0;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(argv[0], "help")) {
			tbf_explain(ctx);
			return -1;
		}
		if (argc < 2 && tbf_known(argv[0]))
			return -255;	/* NEXT_ARG() at the end: "not complete" */
		if (tbf_param(ctx, argv[0], argc > 1 ? argv[1] : "", o, &lat_us))
			return -1;
		argv++, argc--;
	}
	return tbf_check(ctx, o, lat_us);
}

/* What tbf_change() refuses: the peak rate must be above the rate. */
static int tbf_validate(struct cmd_ctx *ctx, const struct tc_qopt *o)
{
	if (o->peakrate_bps && o->peakrate_bps <= o->rate_bps) {
		fprintf(ctx->err, "RTNETLINK answers: Invalid argument\n");
		return 2;
	}
	return 0;
}

/* ---- prio (q_prio.c): options checked; skbox has no prio qdisc ---- */

static int prio_explain(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Usage: ... prio bands NUMBER priomap P1 P2...[multiqueue]\n");
	return -1;
}

/* One priomap element after "priomap": a band below the band count. */
static int prio_band(struct cmd_ctx *ctx, const char *w, long bands, int *idx)
{
	char *end;
	unsigned long band = strtoul(w, &end, 10);

	if (!*w || *end || band > UINT32_MAX) {
		fprintf(ctx->err, "Illegal \"priomap\" element\n");
		return -1;
	}
	if ((long)band >= bands) {
		fprintf(ctx->err, "\"priomap\" element is out of bands\n");
		return -1;
	}
	if (*idx > 15) {
		fprintf(ctx->err, "\"priomap\" index > TC_PRIO_MAX=15\n");
		return -1;
	}
	(*idx)++;
	return 0;
}

static int prio_parse(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool pmap = false;
	long bands = 3;
	int idx = 0;

	for (; argc > 0; argc--, argv++) {
		char *end;

		if (!strcmp(argv[0], "bands")) {
			if (pmap)
				return prio_explain(ctx);
			if (argc < 2)
				return -255;
			argv++, argc--;
			bands = strtol(argv[0], &end, 10);
			if (!argv[0][0] || *end || bands > INT32_MAX || bands < INT32_MIN) {
				fprintf(ctx->err, "Illegal \"bands\"\n");
				return -1;
			}
		} else if (!strcmp(argv[0], "priomap")) {
			if (pmap) {
				fprintf(ctx->err, "Error: duplicate priomap\n");
				return -1;
			}
			pmap = true;
		} else if (!strcmp(argv[0], "help")) {
			return prio_explain(ctx);
		} else if (strcmp(argv[0], "multiqueue")) {
			if (!pmap) {
				fprintf(ctx->err, "What is \"%s\"?\n", argv[0]);
				return prio_explain(ctx);
			}
			if (prio_band(ctx, argv[0], bands, &idx))
				return -1;
		}
	}
	return 0;
}

/* ---- fq_codel (q_fq_codel.c) ---- */

static int fq_codel_explain(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Usage: ... fq_codel\t[ limit PACKETS ] [ flows NUMBER ]\n"
		"[ memory_limit BYTES ]\n"
		"[ target TIME ] [ interval TIME ]\n"
		"[ quantum BYTES ] [ [no]ecn ]\n"
		"[ ce_threshold TIME ]\n"
		"[ ce_threshold_selector VALUE/MASK ]\n"
		"[ drop_batch SIZE ]\n");
	return -1;
}

/* get_u8() */
static bool tc_u8(const char *s)
{
	char *end;
	unsigned long v;

	if (!*s)
		return false;
	v = strtoul(s, &end, 0);
	return !*end && v <= 0xff;
}

/* ce_threshold_selector VALUE/MASK, both bytes */
static int fq_codel_selector(struct cmd_ctx *ctx, const char *v)
{
	const char *sep = strchr(v, '/');

	if (!sep) {
		fprintf(ctx->err, "Missing mask for \"ce_threshold_selector\"\n");
		return -1;
	}
	if (!tc_u8(strndupa(v, (size_t)(sep - v)))) {
		fprintf(ctx->err, "Illegal \"ce_threshold_selector\"\n");
		return -1;
	}
	if (!tc_u8(sep + 1)) {
		fprintf(ctx->err, "Illegal mask for \"ce_threshold_selector\"\n");
		return -1;
	}
	return 0;
}

/* The value of one fq_codel option into *o: 0 fine, -1 refused (message
 * printed). */
static int fq_codel_value(struct cmd_ctx *ctx, const char *k, const char *v, struct tc_qopt *o)
{
	u64 ns = 0;
	u32 size = 0;
	unsigned long n = 0;
	bool ok;

	if (!strcmp(k, "target") || !strcmp(k, "interval") || !strcmp(k, "ce_threshold"))
		ok = !parse_time(v, &ns);
	else if (!strcmp(k, "memory_limit"))
		ok = !tbf_get_size(v, &size);
	else if (!strcmp(k, "ce_threshold_selector"))
		return fq_codel_selector(ctx, v);
	else if ((ok = tc_unsigned(v)))
		n = strtoul(v, NULL, 0);
	if (!ok) {
		fprintf(ctx->err, "Illegal \"%s\"\n", k);
		return -1;
	}
	if (!strcmp(k, "limit")) {
		o->limit = (u32)n;
		o->has_limit = true;
	} else if (!strcmp(k, "flows")) {
		o->flows = (u32)n;
	} else if (!strcmp(k, "quantum")) {
		o->quantum = (u32)n;
	} else if (!strcmp(k, "drop_batch")) {
		o->drop_batch = (u32)n;
	} else if (!strcmp(k, "memory_limit")) {
		o->memory_limit = size;
	} else if (k[0] == 't') {
		o->target_ns = ns;
	} else if (k[0] == 'i') {
		o->interval_ns = ns;
	} else if (k[0] == 'c') {
		o->ce_threshold_ns = ns;
	}
	return 0;
}

static int fq_codel_parse(struct cmd_ctx *ctx, int argc, char **argv, struct tc_qopt *o)
{
	static const char *const valued[] = { "limit", "flows", "quantum", "drop_batch", "target",
		"ce_threshold", "ce_threshold_selector", "memory_limit", "interval" };

	for (; argc > 0; argc--, argv++) {
		size_t i;

		for (i = 0; i < ARRAY_SIZE(valued) && strcmp(argv[0], valued[i]); i++)
			;
		if (i < ARRAY_SIZE(valued)) {
			if (argc < 2)
				return -255;
			if (fq_codel_value(ctx, argv[0], argv[1], o))
				return -1;
			argv++, argc--;
		} else if (!strcmp(argv[0], "help")) {
			return fq_codel_explain(ctx);
		} else if (!strcmp(argv[0], "ecn") || !strcmp(argv[0], "noecn")) {
			o->ecn = argv[0][0] == 'e';
		} else {
			fprintf(ctx->err, "What is \"%s\"?\n", argv[0]);
			return fq_codel_explain(ctx);
		}
	}
	return 0;
}

static void show_stats(struct cmd_ctx *ctx, const struct Qdisc *q)
{
	fprintf(ctx->out, " Sent %llu bytes %llu pkt (dropped %u, overlimits %u requeues %u) \n"
		" backlog %ub %up requeues %u\n", (unsigned long long)q->bytes,
		(unsigned long long)q->packets, q->drops, q->overlimits, q->requeues,
		q->backlog, skb_queue_len(&q->q), q->requeues);
}

/* the ingress or clsact qdisc, under the root one */
static void show_ingress(struct cmd_ctx *ctx, const struct net_device *dev, bool with_dev, bool stats)
{
	const struct Qdisc *q = dev->ingress_qdisc;

	fprintf(ctx->out, "qdisc %s ffff: %s%s%sparent ffff:fff1 ", q->ops->id,
		with_dev ? "dev " : "", with_dev ? dev->name : "", with_dev ? " " : "");
	q->ops->dump(q, ctx->out);
	fputc('\n', ctx->out);
	if (stats)
		show_stats(ctx, q);
}

static void show_one(struct cmd_ctx *ctx, const struct net_device *dev, bool with_dev, bool stats)
{
	const struct Qdisc *q = dev->qdisc;

	fprintf(ctx->out, "qdisc %s %x: %s%s%sroot refcnt %u ", q->ops->id, q->handle >> 16,
		with_dev ? "dev " : "", with_dev ? dev->name : "", with_dev ? " " : "",
		qdisc_refcnt(dev));
	if (q->ops->dump)
		q->ops->dump(q, ctx->out);
	fputc('\n', ctx->out);
	if (stats)
		show_stats(ctx, q);
	if (stats && q->ops->dump_stats)
		q->ops->dump_stats(q, ctx->out);
}

/* tc.c usage(): `tc` alone or `tc -help` (exit 0) */
static void tc_usage(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Usage:\ttc [ OPTIONS ] OBJECT { COMMAND | help }\n"
		"\ttc [-force] -batch filename\n"
		"where  OBJECT := { qdisc | class | filter | chain |\n"
		"\t\t    action | monitor | exec }\n"
		"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[aw] |\n"
		"\t\t    -o[neline] | -j[son] | -p[retty] | -c[olor]\n"
		"\t\t    -b[atch] [filename] | -n[etns] name | -N[umeric] |\n"
		"\t\t     -nm | -nam[es] | { -cf | -conf } path\n"
		"\t\t     -br[ief] }\n");
}

/* iproute2's NEXT_ARG() at the end of the line */
static int incomplete(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Command line is not complete. Try option \"help\"\n");
	return 255;
}

static int qdisc_show(struct cmd_ctx *ctx, int argc, char **argv, bool stats)
{
	struct net_device *dev, *only = NULL;
	const char *name = NULL;
	int parent = 0;			/* 1 root, 2 ingress/clsact */

	for (; argc > 0; argc--, argv++) {	/* tc_qdisc_list()'s words */
		if (!strcmp(argv[0], "dev")) {
			if (argc < 2)
				return incomplete(ctx);
			name = *++argv, argc--;
		} else if (!strcmp(argv[0], "root")) {
			parent = 1;
		} else if (!strcmp(argv[0], "ingress") || !strcmp(argv[0], "clsact")) {
			parent = 2;
		} else if (strcmp(argv[0], "root") && strcmp(argv[0], "ingress") &&
			   strcmp(argv[0], "clsact") && strcmp(argv[0], "invisible")) {
			fprintf(ctx->err, "What is \"%s\"? Try \"tc qdisc help\".\n", argv[0]);
			return 255;
		}
	}
	if (name) {
		only = __dev_get_by_name(ctx->net, name);
		if (!only) {
			fprintf(ctx->err, "Cannot find device \"%s\"\n", name);
			return 1;
		}
	}
	for_each_netdev(ctx->net, dev) {
		if (only && dev != only)
			continue;
		if (dev->qdisc && parent != 2)
			show_one(ctx, dev, !only, stats);
		if (dev->ingress_qdisc && parent != 1)
			show_ingress(ctx, dev, !only, stats);
	}
	return 0;
}

struct qdisc_req {
	const char *cmd;
	const char *devname;
	const char *kind;
	struct net_device *dev;
	const struct Qdisc_ops *ops;
	struct tc_qopt opt;
	u32 handle;			/* 0: none given */
	bool root;
	bool ingress;			/* "ingress" or "clsact": the parent ffff:fff1 */
};

static int rtnl_error(struct cmd_ctx *ctx, const char *msg)
{
	fprintf(ctx->err, "Error: %s\n", msg);
	return 2;
}

static bool qdisc_is_del(const struct qdisc_req *r)
{
	return !strcmp(r->cmd, "del") || !strcmp(r->cmd, "delete");
}

/* tc_get_qdisc() for a delete: the root, or a qdisc found by its handle */
static int qdisc_delete(struct cmd_ctx *ctx, struct qdisc_req *r)
{
	struct Qdisc *cur = r->dev->qdisc;
	bool queueing = cur && cur->ops->enqueue;

	if (!r->root) {
		if (!r->handle || !queueing || cur->handle != r->handle)
			return rtnl_error(ctx, "Failed to find qdisc with specified handle.");
		return rtnl_error(ctx, "Classid cannot be zero.");
	}
	if (r->handle && (!cur || cur->handle != r->handle))
		return rtnl_error(ctx, "Invalid handle.");
	if (!queueing)
		return rtnl_error(ctx, "Cannot delete qdisc with handle of zero.");
	qdisc_destroy(cur);
	r->dev->qdisc = NULL;
	if (r->dev->flags & IFF_UP)
		dev_activate(r->dev);
	return 0;
}

/* A new root qdisc takes the handle given ("handle 1:"), else the next free one. */
static int qdisc_create(struct qdisc_req *r)
{
	if (qdisc_create_root(r->dev, r->ops, &r->opt))
		return 2;
	if (r->handle)
		r->dev->qdisc->handle = r->handle;
	return 0;
}

/* tc_modify_qdisc()/tc_get_qdisc() under the parent ffff:fff1 */
static int qdisc_apply_ingress(struct cmd_ctx *ctx, struct qdisc_req *r)
{
	const struct Qdisc_ops *ops = r->kind[0] == 'i' ? &ingress_qdisc_ops : &clsact_qdisc_ops;
	struct Qdisc *cur = r->dev->ingress_qdisc;

	if (qdisc_is_del(r)) {
		if (!cur)
			return rtnl_error(ctx, "Cannot find specified qdisc on specified device.");
		if (cur->ops != ops)
			return rtnl_error(ctx, "Invalid qdisc name: must match existing qdisc.");
		qdisc_destroy_ingress(r->dev);
		return 0;
	}
	if (cur && (!strcmp(r->cmd, "add") || cur->ops != ops))
		return rtnl_error(ctx, cur->ops != ops && strcmp(r->cmd, "add") ?
				  "Invalid qdisc name: must match existing qdisc." :
				  "Exclusivity flag on, cannot modify.");
	if (cur)
		return 0;
	if (!strcmp(r->cmd, "change"))
		return rtnl_error(ctx, "Qdisc not found. To create specify NLM_F_CREATE flag.");
	return qdisc_create_ingress(r->dev, ops) ? 2 : 0;
}

static int qdisc_apply(struct cmd_ctx *ctx, struct qdisc_req *r)
{
	struct Qdisc *cur = r->dev->qdisc;
	bool queueing = cur && cur->ops->enqueue;

	if (qdisc_is_del(r))
		return qdisc_delete(ctx, r);
	if (!r->ops)
		return rtnl_error(ctx, "Specified qdisc kind is unknown.");
	if (!r->root && (!queueing || cur->handle != r->handle))
		return rtnl_error(ctx, "Specified qdisc not found.");
	if (!strcmp(r->cmd, "change")) {
		/* tc_modify_qdisc(): a change names no flags; another kind
		 * under the root is created and grafted */
		if (!queueing)
			return rtnl_error(ctx, "Qdisc not found. To create specify NLM_F_CREATE flag.");
		if (cur->ops != r->ops)
			return qdisc_create(r);
		return qdisc_change_root(r->dev, &r->opt) ? 2 : 0;
	}
	if (!strcmp(r->cmd, "add") && queueing && r->handle && cur->handle != r->handle)
		return rtnl_error(ctx, "NLM_F_REPLACE needed to override.");
	if (!strcmp(r->cmd, "add") && queueing)
		return rtnl_error(ctx, "Exclusivity flag on, cannot modify.");
	if (!strcmp(r->cmd, "replace") && queueing && r->handle == cur->handle && cur->ops != r->ops)
		return rtnl_error(ctx, "Invalid qdisc name: must match existing qdisc.");
	if (!strcmp(r->cmd, "replace") && queueing && cur->ops == r->ops)
		return qdisc_change_root(r->dev, &r->opt) ? 2 : 0;
	return qdisc_create(r);
}

/* The qdisc kinds iproute2's tc parses (tc/q_*.c); any other word in the
 * place of a kind is one it cannot parse options for. */
static bool tc_has_module(const char *kind)
{
	static const char *const kinds[] = {
		"bfifo", "pfifo", "pfifo_head_drop", "pfifo_fast", "prio", "tbf", "netem",
		"fq_codel", "codel", "fq", "fq_pie", "pie", "sfq", "red", "gred", "choke",
		"sfb", "htb", "hfsc", "drr", "qfq", "ets", "cake", "cbs", "etf", "taprio",
		"mq", "mqprio", "multiq", "ingress", "clsact", "hhf", "plug", "skbprio",
		"noqueue", "atm", "dsmark",
	};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (!strcmp(kinds[i], kind))
			return true;
	return qdisc_lookup_ops(kind) != NULL;
}

/* get_qdisc_handle(): "none", or a hexadecimal major below 0x10000 with an
 * optional ':' after it */
static int tc_qdisc_handle(const char *s, u32 *h)
{
	char *end;
	unsigned long maj;

	if (!strcmp(s, "none")) {
		*h = 0;
		return 0;
	}
	maj = strtoul(s, &end, 16);
	if (end == s || maj >= 0x10000 || (*end != ':' && *end))
		return -1;
	*h = (u32)maj << 16;
	return 0;
}

/* iproute2's duparg() and invarg(): the status is exit(-1)'s */
static int tc_duparg(struct cmd_ctx *ctx, const char *key, const char *arg)
{
	fprintf(ctx->err, "Error: duplicate \"%s\": \"%s\" is the second value.\n", key, arg);
	return 255;
}

/* The words before the kind (tc_qdisc_modify()'s loop): dev, handle, root;
 * the first other word is the kind.  Returns an exit status, or -1. */
static int qdisc_words(struct cmd_ctx *ctx, struct qdisc_req *r, int *argc, char ***argv)
{
	for (; *argc > 0 && !r->kind; (*argc)--, (*argv)++) {
		char *w = (*argv)[0], *v = *argc > 1 ? (*argv)[1] : NULL;

		if (!strcmp(w, "dev") || !strcmp(w, "handle")) {
			if (w[0] == 'h' && r->handle)
				return tc_duparg(ctx, "handle", w);
			if (!v)
				return incomplete(ctx);
			if (w[0] == 'd' && r->devname[0])
				return tc_duparg(ctx, "dev", v);
			if (w[0] == 'd') {
				r->devname = v;
			} else if (tc_qdisc_handle(v, &r->handle)) {
				fprintf(ctx->err, "Error: argument \"%s\" is wrong: invalid qdisc ID\n", v);
				return 255;
			}
			(*argv)++, (*argc)--;
		} else if (!strcmp(w, "parent")) {	/* only the root: no child qdiscs here */
			if (!v)
				return incomplete(ctx);
			if (r->root)
				return tc_duparg(ctx, "parent", v);
			if (strcmp(v, "root") && strcmp(v, "ffffffff") && strcmp(v, "ffff:ffff"))
				return rtnl_error(ctx, "Failed to find specified qdisc.");
			r->root = true;
			(*argv)++, (*argc)--;
		} else if (!strcmp(w, "root")) {
			if (r->root) {
				fprintf(ctx->err, "Error: \"root\" is duplicate parent ID\n");
				return 255;
			}
			r->root = true;
		} else if (*w && (!strncmp(w, "ingress_block", strlen(w)) ||
				  !strncmp(w, "egress_block", strlen(w))) && strcmp(w, "ingress")) {
			unsigned long blk;
			char *end;

			if (!v)
				return incomplete(ctx);
			blk = strtoul(v, &end, 0);
			if (!*v || *end || !blk || blk > UINT32_MAX) {
				fprintf(ctx->err, "Error: argument \"%s\" is wrong: invalid %s block index value\n",
					v, w[0] == 'i' ? "ingress" : "egress");
				return 255;
			}
			fprintf(ctx->err, "skbox: shared filter blocks are not supported\n");
			return 2;
		} else if (!strcmp(w, "ingress") || !strcmp(w, "clsact")) {
			if (r->root) {
				fprintf(ctx->err, "Error: \"%s\" is a duplicate parent ID\n", w);
				return 255;
			}
			r->ingress = true;
			r->kind = w;
		} else {
			r->kind = w;
		}
	}
	return -1;
}

/* The kind's own options (its q_*.c parse_qopt): 0, or an exit status. */
static int qdisc_options(struct cmd_ctx *ctx, struct qdisc_req *r, int argc, char **argv)
{
	const char *kind = r->kind;
	int e = 0;

	if (r->ingress && argc > 0) {	/* q_ingress.c, q_clsact.c */
		if (strcmp(argv[0], "help"))
			fprintf(ctx->err, "What is \"%s\"?\n", argv[0]);
		fprintf(ctx->err, "Usage: ... %s\n", kind);
		return 1;
	}
	if (r->ingress)
		return 0;
	/* a kind tc has no module for: parse_noqopt() refuses its options */
	if (!tc_has_module(kind) && argc > 0) {
		fprintf(ctx->err, "Unknown qdisc \"%s\", hence option \"%s\" is unparsable\n",
			kind, argv[0]);
		return 1;
	}
	r->ops = qdisc_lookup_ops(kind);
	if (!strcmp(kind, "tbf"))
		e = tbf_parse(ctx, argc, argv, &r->opt);
	else if (!strcmp(kind, "netem"))
		e = netem_parse(ctx, argc, argv, &r->opt);
	else if (!strcmp(kind, "prio"))
		e = prio_parse(ctx, argc, argv);
	else if (!strcmp(kind, "fq_codel"))
		e = fq_codel_parse(ctx, argc, argv, &r->opt);
	else if (r->ops)
		e = fifo_parse(ctx, kind, argc, argv, &r->opt);
	if (e == -255)
		return incomplete(ctx);
	if (e)
		return 1;
	if (!strcmp(kind, "tbf") && tbf_validate(ctx, &r->opt))
		return 2;
	return 0;
}

static int qdisc_modify(struct cmd_ctx *ctx, const char *cmd, int argc, char **argv)
{
	struct qdisc_req r = { .cmd = cmd, .devname = "", .opt.ecn = -1 };
	int rc = qdisc_words(ctx, &r, &argc, &argv);

	if (rc >= 0)
		return rc;
	if (r.kind && (rc = qdisc_options(ctx, &r, argc, argv)))
		return rc;
	/* the device is looked up after the options are parsed, as tc does;
	 * without one the kernel finds no device at index 0 */
	if (!r.devname[0]) {
		fprintf(ctx->err, "RTNETLINK answers: No such device\n");
		return 2;
	}
	r.dev = __dev_get_by_name(ctx->net, r.devname);
	if (!r.dev) {
		fprintf(ctx->err, "Cannot find device \"%s\"\n", r.devname);
		return 1;
	}
	if (r.ingress)
		return qdisc_apply_ingress(ctx, &r);
	if (!r.root && !r.handle && !qdisc_is_del(&r) && strcmp(cmd, "change"))
		return rtnl_error(ctx, "Handle cannot be zero.");
	return qdisc_apply(ctx, &r);
}

static int tc_cmd(struct cmd_ctx *ctx, int argc, char **argv, bool stats)
{
	if (argc > 0 && argv[0][0] && !strncmp(argv[0], "help", strlen(argv[0]))) {
		/* do_cmd(): matches(*argv, "help"): the usage, exit 0 */
		tc_usage(ctx);
		return 0;
	}
	if (argc > 0 && argv[0][0] && !strncmp(argv[0], "filter", strlen(argv[0])))
		return do_filter(ctx, argc - 1, argv + 1, stats);
	if (argc < 1 || strcmp(argv[0], "qdisc")) {
		fprintf(ctx->err, "Object \"%s\" is unknown, try \"tc help\".\n", argc ? argv[0] : "");
		return 255;
	}
	argc--, argv++;
	if (!argc || !strcmp(argv[0], "show") || !strcmp(argv[0], "list") || !strcmp(argv[0], "ls"))
		return qdisc_show(ctx, argc ? argc - 1 : 0, argv + (argc ? 1 : 0), stats);
	if (!strcmp(argv[0], "add") || !strcmp(argv[0], "replace") || !strcmp(argv[0], "change") ||
	    !strcmp(argv[0], "del") || !strcmp(argv[0], "delete"))
		return qdisc_modify(ctx, argv[0], argc - 1, argv + 1);
	fprintf(ctx->err, "Command \"%s\" is unknown, try \"tc qdisc help\".\n", argv[0]);
	return 255;
}

static ssize_t tc_batch_line(struct cmd_ctx *ctx, FILE *f, char **buf, size_t *cap)
{
	return f ? getline(buf, cap, f) : cmd_getline(ctx, buf, cap);
}

/* `tc -batch FILE` (iproute2 lib/utils.c do_batch()): one command a line,
 * '#' starts a comment; the first failure stops the batch ("Command failed
 * FILE:LINE") unless -force.  "-" is stdin, each line run as it arrives. */
static int tc_batch(struct cmd_ctx *ctx, const char *name, bool force, bool stats)
{
	FILE *f = strcmp(name, "-") ? fopen(name, "r") : NULL;
	char *buf = NULL, *words[256], *save = NULL;
	size_t cap = 0;
	int lineno = 0, ret = 0;

	if (strcmp(name, "-") && !f) {
		fprintf(ctx->err, "Cannot open file \"%s\" for reading: %s\n", name, strerror(errno));
		return 1;
	}
	while (tc_batch_line(ctx, f, &buf, &cap) > 0) {
		int n = 0;

		lineno++;
		buf[strcspn(buf, "#")] = '\0';
		for (char *t = strtok_r(buf, " \t\r\n", &save); t && n < 255;
		     t = strtok_r(NULL, " \t\r\n", &save))
			words[n++] = t;
		if (!n || !tc_cmd(ctx, n, words, stats))
			continue;
		fprintf(ctx->err, "Command failed %s:%d\n", name, lineno);
		ret = 1;
		if (!force)
			break;
	}
	if (f)
		fclose(f);
	free(buf);
	return ret;
}

/* iproute2's matches(): a prefix of the option word, at least "-b" */
static bool tc_opt(const char *arg, const char *word)
{
	size_t n = strlen(arg);

	return n >= 2 && n <= strlen(word) && !strncmp(arg, word, n);
}

struct tc_opts {
	const char *batch;
	bool stats, force;
};

/* The options tc accepts and ignores here (output modes skbox's tc does
 * not have), in tc.c main()'s order, so that prefixes resolve as there. */
static bool tc_opt_ignored(const char *o)
{
	static const char *const words[] = { "-details", "-raw", "-pretty", "-graph" };
	static const char *const later[] = { "-Numeric", "-names", "-nm", "-color", "-timestamp",
		"-tshort", "-oneline", "-json", "-brief" };

	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (tc_opt(o, words[i]))
			return true;
	if (tc_opt(o, "-Version") || tc_opt(o, "-iec") || tc_opt(o, "-help") ||
	    tc_opt(o, "-force") || tc_opt(o, "-batch") || tc_opt(o, "-netns") ||
	    !strcmp(o, "-cf") || tc_opt(o, "-conf"))
		return false;
	for (size_t i = 0; i < ARRAY_SIZE(later); i++)
		if (tc_opt(o, later[i]))
			return true;
	return false;
}

/* One option of tc.c main(); returns the words it took (0: an exit status
 * in *rc, -1 to stop with *rc). */
static int tc_option(struct cmd_ctx *ctx, int argc, char **argv, struct tc_opts *o, int *rc)
{
	const char *a = argv[0][1] == '-' ? argv[0] + 1 : argv[0];

	if (tc_opt(a, "-stats") || tc_opt(a, "-statistics") || !strcmp(a, "-"))
		o->stats = true;
	else if (tc_opt_ignored(a))
		return 1;
	else if (tc_opt(a, "-Version")) {
		fprintf(ctx->out, "tc utility, iproute2-6.1.0, libbpf 1.1.2\n");
		*rc = 0;
		return -1;
	} else if (tc_opt(a, "-iec"))
		return 1;
	else if (tc_opt(a, "-help")) {
		tc_usage(ctx);
		*rc = 0;
		return -1;
	} else if (tc_opt(a, "-force"))
		o->force = true;
	else if (tc_opt(a, "-batch") || tc_opt(a, "-netns") || !strcmp(a, "-cf") ||
		 tc_opt(a, "-conf")) {
		if (argc < 2) {
			*rc = tc_opt(a, "-batch") ? (tc_usage(ctx), 0) : incomplete(ctx);
			return -1;
		}
		if (tc_opt(a, "-batch")) {
			o->batch = argv[1];
		} else if (tc_opt(a, "-netns") &&
			   !(ctx->net = get_net_ns_by_name(ctx->world, argv[1]))) {
			fprintf(ctx->err, "Cannot open network namespace \"%s\": %s\n", argv[1],
				"No such file or directory");
			*rc = 255;
			return -1;
		}
		return 2;
	} else {
		fprintf(ctx->err, "Option \"%s\" is unknown, try \"tc -help\".\n", argv[0]);
		*rc = 255;
		return -1;
	}
	return 1;
}

int do_tc(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct tc_opts o = { 0 };
	struct net *net = ctx->net;
	int rc = 0;

	argc--, argv++;
	while (argc > 0 && argv[0][0] == '-') {
		int n = tc_option(ctx, argc, argv, &o, &rc);

		if (n < 0)
			goto out;
		argc -= n, argv += n;
	}
	if (o.batch)
		rc = tc_batch(ctx, o.batch, o.force, o.stats);
	else if (!argc)
		tc_usage(ctx);
	else
		rc = tc_cmd(ctx, argc, argv, o.stats);
out:
	ctx->net = net;
	return rc;
}
