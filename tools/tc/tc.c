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

static int fifo_parse(struct cmd_ctx *ctx, const char *kind, int argc, char **argv,
		      struct tc_qopt *o)
{
	for (; argc > 0; argc--, argv++) {
		char *end;
		unsigned long v;

		if (strcmp(argv[0], "limit") || argc < 2) {
			fprintf(ctx->err, "%s: unknown parameter \"%s\"\n", kind, argv[0]);
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
		if (argc < 2 && tbf_known(argv[0])) {
			fprintf(ctx->err, "Command line is not complete. Try option \"help\"\n");
			return -255;
		}
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
		fprintf(ctx->out, " Sent %llu bytes %llu pkt (dropped %u, overlimits %u requeues %u) \n"
			" backlog %ub %up requeues %u\n", (unsigned long long)q->bytes,
			(unsigned long long)q->packets, q->drops, q->overlimits, q->requeues,
			q->backlog, skb_queue_len(&q->q), q->requeues);
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

	for (; argc > 0; argc--, argv++) {	/* tc_qdisc_list()'s words */
		if (!strcmp(argv[0], "dev")) {
			if (argc < 2)
				return incomplete(ctx);
			name = *++argv, argc--;
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
		if ((only && dev != only) || !dev->qdisc)
			continue;
		show_one(ctx, dev, !only, stats);
	}
	return 0;
}

struct qdisc_req {
	const char *cmd;
	struct net_device *dev;
	const struct Qdisc_ops *ops;
	struct tc_qopt opt;
};

static int rtnl_error(struct cmd_ctx *ctx, const char *msg)
{
	fprintf(ctx->err, "Error: %s\n", msg);
	return 2;
}

static int qdisc_apply(struct cmd_ctx *ctx, struct qdisc_req *r)
{
	struct Qdisc *cur = r->dev->qdisc;
	bool queueing = cur && cur->ops->enqueue;

	if (!strcmp(r->cmd, "del") || !strcmp(r->cmd, "delete")) {
		if (!queueing)
			return rtnl_error(ctx, "Cannot delete qdisc with handle of zero.");
		qdisc_destroy(cur);
		r->dev->qdisc = NULL;
		if (r->dev->flags & IFF_UP)
			dev_activate(r->dev);
		return 0;
	}
	if (!r->ops)
		return rtnl_error(ctx, "Specified qdisc kind is unknown.");
	if (!strcmp(r->cmd, "change")) {
		if (!queueing || cur->ops != r->ops)
			return rtnl_error(ctx, "Qdisc not found. To create specify NLM_F_CREATE flag.");
		return qdisc_change_root(r->dev, &r->opt) ? 2 : 0;
	}
	if (!strcmp(r->cmd, "add") && queueing)
		return rtnl_error(ctx, "Exclusivity flag on, cannot modify.");
	if (!strcmp(r->cmd, "replace") && queueing && cur->ops == r->ops)
		return qdisc_change_root(r->dev, &r->opt) ? 2 : 0;
	return qdisc_create_root(r->dev, r->ops, &r->opt) ? 2 : 0;
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

static int qdisc_modify(struct cmd_ctx *ctx, const char *cmd, int argc, char **argv)
{
	struct qdisc_req r = { .cmd = cmd };
	const char *kind = NULL, *devname = "";
	bool root = false;

	for (; argc > 0 && !kind; argc--, argv++) {
		if (!strcmp(argv[0], "dev") || !strcmp(argv[0], "handle")) {
			if (argc < 2)
				return incomplete(ctx);
			if (!strcmp(argv[0], "dev"))
				devname = argv[1];
			argv++, argc--;
		} else if (!strcmp(argv[0], "root")) {
			if (root) {
				fprintf(ctx->err, "Error: \"root\" is duplicate parent ID\n");
				return 255;
			}
			root = true;
		} else {
			kind = argv[0];
		}
	}
	/* a kind tc has no module for: parse_noqopt() refuses its options */
	if (kind && !tc_has_module(kind) && argc > 0) {
		fprintf(ctx->err, "Unknown qdisc \"%s\", hence option \"%s\" is unparsable\n",
			kind, argv[0]);
		return 1;
	}
	if (kind && !strcmp(kind, "tbf")) {
		int e = tbf_parse(ctx, argc, argv, &r.opt);

		if (e)
			return e == -255 ? 255 : 1;
		r.ops = qdisc_lookup_ops(kind);
		if (tbf_validate(ctx, &r.opt))
			return 2;
	} else if (kind) {
		r.ops = qdisc_lookup_ops(kind);
		if (r.ops && (!strcmp(kind, "netem") ? netem_parse(ctx, argc, argv, &r.opt) :
			      fifo_parse(ctx, kind, argc, argv, &r.opt)))
			return 1;
	}
	/* the device is looked up after the options are parsed, as tc does */
	r.dev = __dev_get_by_name(ctx->net, devname);
	if (!r.dev) {
		fprintf(ctx->err, "Cannot find device \"%s\"\n", devname);
		return 1;
	}
	if (!root && strcmp(cmd, "del") && strcmp(cmd, "delete") && strcmp(cmd, "change"))
		return rtnl_error(ctx, "Handle cannot be zero.");
	return qdisc_apply(ctx, &r);
}

static int tc_cmd(struct cmd_ctx *ctx, int argc, char **argv, bool stats)
{
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

int do_tc(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *batch = NULL;
	bool stats = false, force = false;

	argc--, argv++;
	while (argc > 0 && argv[0][0] == '-') {
		if (!strcmp(argv[0], "-s") || !strcmp(argv[0], "-stats") || !strcmp(argv[0], "-statistics"))
			stats = true;
		else if (!strcmp(argv[0], "-force"))
			force = true;
		else if (tc_opt(argv[0], "-batch")) {
			if (argc < 2) {
				fprintf(ctx->err, "Wrong number of arguments in batch mode\n");
				return 255;
			}
			batch = argv[1];
			argc--, argv++;
		}
		argc--, argv++;
	}
	if (batch)
		return tc_batch(ctx, batch, force, stats);
	return tc_cmd(ctx, argc, argv, stats);
}
