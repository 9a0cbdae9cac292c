/* nfqueue: a queue reader inside a world.  There is no such Linux command:
 * it stands in for a program built on libnetfilter_queue (nfq_open,
 * nfq_create_queue, nfq_set_mode, nfq_set_verdict), using the same calls of
 * include/skbox/nfqueue.h an embedder would.
 *
 *   nfqueue [-q N] [--verdict accept|drop|repeat|none|mark:M|repeat:M] [-c COUNT] [-v]
 *           [--queue-maxlen N] [--fail-open] [--copy-range N]
 *   nfqueue -l        the lines of /proc/net/netfilter/nfnetlink_queue
 *
 * mark:M accepts with the mark M, repeat:M runs the hook again with it
 * (the usual way to let a later pass of the same table see the mark).
 *
 * One line per packet: its id, hook, devices, addresses, length, mark and
 * the verdict given.  It runs until COUNT packets, or until interrupted
 * (the end of the script, `timeout`).  `--verdict none` holds the packets
 * unanswered (they are dropped when the reader exits, as Linux does). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "skbox/cmd.h"
#include "skbox/nfqueue.h"
#include "linux/netdevice.h"
#include "net/world.h"

#define NFQ_NO_VERDICT 0xff

struct nfq_opts {
	struct cmd_ctx *ctx;
	unsigned int queue;
	unsigned int verdict;		/* SKBOX_NF_*, or NFQ_NO_VERDICT */
	bool set_mark, verbose, list, fail_open;
	u32 mark;
	long count;
	long maxlen;			/* -1: the default (1024) */
	long copy_range;		/* -1: 65535 */
};

static int nfq_usage(struct nfq_opts *o, const char *what, const char *arg)
{
	fprintf(o->ctx->err, "nfqueue: %s%s%s\n", what, arg ? " " : "", arg ? arg : "");
	fprintf(o->ctx->err, "Usage: nfqueue [-q N] [--verdict accept|drop|repeat|none|mark:M|repeat:M] "
		"[-c COUNT] [-v] [--queue-maxlen N] [--fail-open] [--copy-range N] | -l\n");
	return 2;
}

static bool parse_ulong(const char *s, unsigned long max, unsigned long *v)
{
	char *end;

	if (!s || !*s || *s == '-')
		return false;
	*v = strtoul(s, &end, 0);
	return !*end && *v <= max;
}

static int parse_verdict(struct nfq_opts *o, const char *s)
{
	unsigned long m;

	if (!s)
		return nfq_usage(o, "option requires an argument:", "--verdict");
	if (!strcmp(s, "accept"))
		o->verdict = SKBOX_NF_ACCEPT;
	else if (!strcmp(s, "drop"))
		o->verdict = SKBOX_NF_DROP;
	else if (!strcmp(s, "repeat"))
		o->verdict = SKBOX_NF_REPEAT;
	else if (!strcmp(s, "none"))
		o->verdict = NFQ_NO_VERDICT;
	else if (!strncmp(s, "mark:", 5) && parse_ulong(s + 5, 0xffffffffu, &m)) {
		o->verdict = SKBOX_NF_ACCEPT;
		o->set_mark = true;
		o->mark = (u32)m;
	} else if (!strncmp(s, "repeat:", 7) && parse_ulong(s + 7, 0xffffffffu, &m)) {
		o->verdict = SKBOX_NF_REPEAT;
		o->set_mark = true;
		o->mark = (u32)m;
	} else {
		return nfq_usage(o, "bad verdict", s);
	}
	return 0;
}

static int parse_num_opt(struct nfq_opts *o, const char *name, const char *arg,
			 unsigned long max, long *out)
{
	unsigned long v;

	if (!arg)
		return nfq_usage(o, "option requires an argument:", name);
	if (!parse_ulong(arg, max, &v))
		return nfq_usage(o, "bad number", arg);
	*out = (long)v;
	return 0;
}

static int nfq_parse(struct nfq_opts *o, int argc, char **argv)
{
	long v;
	int rc;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *arg = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(a, "-v"))
			o->verbose = true;
		else if (!strcmp(a, "-l"))
			o->list = true;
		else if (!strcmp(a, "--fail-open"))
			o->fail_open = true;
		else if (!strcmp(a, "--verdict")) {
			if ((rc = parse_verdict(o, arg)))
				return rc;
			i++;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--queue-num")) {
			if ((rc = parse_num_opt(o, a, arg, 65535, &v)))
				return rc;
			o->queue = (unsigned int)v;
			i++;
		} else if (!strcmp(a, "-c")) {
			if ((rc = parse_num_opt(o, a, arg, 1u << 30, &o->count)))
				return rc;
			i++;
		} else if (!strcmp(a, "--queue-maxlen")) {
			if ((rc = parse_num_opt(o, a, arg, 0xffffffffu, &o->maxlen)))
				return rc;
			i++;
		} else if (!strcmp(a, "--copy-range")) {
			if ((rc = parse_num_opt(o, a, arg, 65535, &o->copy_range)))
				return rc;
			i++;
		} else {
			return nfq_usage(o, "unknown option", a);
		}
	}
	return 0;
}

static const char *hook_name(unsigned int hook)
{
	static const char *const names[] = { "PREROUTING", "INPUT", "FORWARD", "OUTPUT",
					     "POSTROUTING" };

	return hook < 5 ? names[hook] : "?";
}

static const char *dev_name(struct net *net, u32 ifindex)
{
	struct net_device *dev = ifindex ? __dev_get_by_index(net, (int)ifindex) : NULL;

	return dev ? dev->name : "";
}

static const char *verdict_name(const struct nfq_opts *o)
{
	switch (o->verdict) {
	case SKBOX_NF_ACCEPT:
		return o->set_mark ? "ACCEPT mark" : "ACCEPT";
	case SKBOX_NF_DROP:
		return "DROP";
	case SKBOX_NF_REPEAT:
		return o->set_mark ? "REPEAT mark" : "REPEAT";
	}
	return "none";
}

/* The layer-4 part of the line: ports, or the ICMP type and code (-v). */
static void print_l4(FILE *out, const struct skbox_nfq_packet *p, unsigned int ihl)
{
	const u8 *l4 = p->payload + ihl;
	u8 proto = p->payload[9];

	if (p->payload_len < ihl + 4)
		return;
	if (proto == 6 || proto == 17)
		fprintf(out, " SPT=%u DPT=%u", l4[0] << 8 | l4[1], l4[2] << 8 | l4[3]);
	else if (proto == 1)
		fprintf(out, " TYPE=%u CODE=%u", l4[0], l4[1]);
}

static void print_packet(struct nfq_opts *o, const struct skbox_nfq_packet *p)
{
	FILE *out = o->ctx->out;
	struct net *net = o->ctx->net;
	char src[INET_ADDRSTRLEN] = "?", dst[INET_ADDRSTRLEN] = "?";
	unsigned int ihl = 0;

	if (p->payload_len >= 20) {
		inet_ntop(AF_INET, p->payload + 12, src, sizeof(src));
		inet_ntop(AF_INET, p->payload + 16, dst, sizeof(dst));
		ihl = (p->payload[0] & 0xf) * 4u;
	}
	fprintf(out, "id=%u hook=%s IN=%s OUT=%s SRC=%s DST=%s LEN=%zu", p->id,
		hook_name(p->hook), dev_name(net, p->indev), dev_name(net, p->outdev), src, dst,
		p->len);
	if (ihl)
		fprintf(out, " PROTO=%u", p->payload[9]);
	if (o->verbose && ihl)
		print_l4(out, p, ihl);
	fprintf(out, " mark=%u verdict=%s", p->mark, verdict_name(o));
	if (o->set_mark)
		fprintf(out, " %u", o->mark);
	fputc('\n', out);
	fflush(out);
}

static int nfq_configure(struct nfq_opts *o, struct skbox_nfq *q)
{
	if (o->maxlen >= 0)
		skbox_nfq_set_maxlen(q, (u32)o->maxlen);
	if (o->fail_open)
		skbox_nfq_set_flags(q, SKBOX_NFQ_F_FAIL_OPEN);
	if (o->copy_range >= 0)
		skbox_nfq_set_mode(q, SKBOX_NFQ_COPY_PACKET, (u32)o->copy_range);
	return 0;
}

static int nfq_loop(struct nfq_opts *o)
{
	struct world *w = o->ctx->world;
	struct skbox_nfq_packet p;
	struct skbox_nfq *q;
	long seen = 0;
	int err;

	if (!(q = skbox_nfq_open(w, o->queue, &err))) {
		fprintf(o->ctx->err, "nfqueue: cannot bind queue %u: %s\n", o->queue,
			strerror(-err));
		return 1;
	}
	nfq_configure(o, q);
	while (!o->count || seen < o->count) {
		err = skbox_nfq_recv(w, q, &p, -1);
		if (err)
			break;
		seen++;
		print_packet(o, &p);
		if (o->verdict != NFQ_NO_VERDICT)
			skbox_nfq_verdict(q, p.id, o->verdict, o->set_mark ? &o->mark : NULL,
					  NULL, 0);
	}
	skbox_nfq_close(q);
	return err == -ENODEV ? 1 : 0;
}

int do_nfqueue(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct nfq_opts o = { .ctx = ctx, .verdict = SKBOX_NF_ACCEPT, .maxlen = -1,
			      .copy_range = -1 };
	int rc;

	if ((rc = nfq_parse(&o, argc, argv)))
		return rc;
	if (!ctx->world)
		return 1;
	if (o.list) {
		char buf[8192];
		int n = skbox_nfq_proc(ctx->world, buf, sizeof(buf));

		fwrite(buf, 1, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1, ctx->out);
		return 0;
	}
	return nfq_loop(&o);
}
