/* conntrack (conntrack-tools 1.4.7): list, count, delete and flush the
 * namespace's connection tracking entries, print their events and the
 * statistics.  Entries print as conntrack prints them; the summary line
 * goes to stderr and, as with a real conntrack whose stdout is a pipe,
 * comes out before the entries.
 *
 * -E listens: it prints each event as it happens (-e picks NEW, UPDATE,
 * DESTROY; the filters of -L apply), until a signal (the end of the
 * script, timeout, ^C) or the namespace goes, then the count on stderr.
 * Run it in the background (`conntrack -E &`) while traffic flows. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include "linux/slab.h"
#include "skbox/cmd.h"
#include "linux/sched.h"
#include "net/world.h"
#include "net/netfilter/nf_conntrack_l4proto.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"

#define CT_PROG "conntrack v1.4.7 (conntrack-tools)"

enum ct_cmd { CT_NONE, CT_LIST, CT_COUNT, CT_DELETE, CT_FLUSH, CT_EVENT, CT_STATS, CT_GET,
	      CT_VERSION };

struct ct_filter {
	int proto;			/* -1: any */
	bool has[4];			/* orig src, orig dst, reply src, reply dst */
	bool is6[4];			/* the address is IPv6: addr6 */
	__be32 addr[4];
	struct in6_addr addr6[4];
	int port[4];			/* orig sport, orig dport, reply sport, reply dport; -1 */
	bool has_mark;
	u32 mark, mark_mask;
	int tcp_state;			/* --state, -1 */
	int zone;			/* -w: the entry's zone (both directions), -1 */
	int family;			/* -f: NFPROTO_IPV4 or NFPROTO_IPV6; -1 any */
};

struct ct_opts {
	struct cmd_ctx *ctx;
	enum ct_cmd cmd;
	unsigned int print_flags;
	unsigned int event_mask;	/* 1 << IPCT_*; -e */
	struct ct_filter f;
};

static int ct_usage(struct ct_opts *o, const char *fmt, const char *arg)
{
	fprintf(o->ctx->err, CT_PROG ": ");
	fprintf(o->ctx->err, fmt, arg);
	fprintf(o->ctx->err, "\nTry `conntrack -h' or 'conntrack --help' for more information.\n");
	return 2;
}

static bool ct_match(const struct ct_filter *f, const struct nf_conn *ct)
{
	const struct nf_conntrack_tuple *t[2] = { &ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple,
						  &ct->tuplehash[IP_CT_DIR_REPLY].tuple };

	if (f->family >= 0 && nf_ct_l3num(ct) != f->family)
		return false;
	if (f->proto >= 0 && nf_ct_protonum(ct) != f->proto)
		return false;
	for (int i = 0; i < 4; i++) {
		const struct nf_conntrack_tuple *tu = t[i / 2];
		__be32 a = i % 2 ? tu->dst.ip : tu->src.ip;
		__be16 p = i % 2 ? tu->dst.u.all : tu->src.u.all;

		if (f->has[i] && (f->is6[i] != (bool)tu->dst.v6 ||
				  (f->is6[i] ? !ipv6_addr_equal(nf_ct_tuple_addr6(tu, i % 2),
								&f->addr6[i]) :
				   a != f->addr[i])))
			return false;
		if (f->port[i] >= 0 && ntohs(p) != f->port[i])
			return false;
	}
	if (f->has_mark && (ct->mark & f->mark_mask) != f->mark)
		return false;
	if (f->tcp_state >= 0 && (nf_ct_protonum(ct) != 6 || ct->proto.tcp.state != f->tcp_state))
		return false;
	/* ctnetlink reports CTA_ZONE only for a zone of both directions */
	if (f->zone >= 0 &&
	    (ct->zone_dir == NF_CT_DEFAULT_ZONE_DIR ? ct->zone : 0) != f->zone)
		return false;
	return true;
}

struct ct_walk {
	struct ct_opts *o;
	FILE *out;
	unsigned int n;
};

static int ct_list_one(struct nf_conn *ct, void *data)
{
	struct ct_walk *w = data;
	char line[512];

	if (!ct_match(&w->o->f, ct))
		return 0;
	nf_ct_snprint(line, sizeof(line), ct, w->o->print_flags);
	fputs(line, w->out);
	w->n++;
	return 0;
}

/* Entries go to a buffer first: the summary on stderr comes out first.
 * -G (get) is the same walk over the given tuple; none found is an error. */
static int ct_list(struct ct_opts *o, struct net *net)
{
	struct ct_walk w = { o, NULL, 0 };
	char *buf = NULL;
	size_t len = 0;

	if (!(w.out = open_memstream(&buf, &len)))
		return 1;
	nf_ct_iterate(net, ct_list_one, &w);
	fclose(w.out);
	if (o->cmd == CT_GET && !w.n) {
		fprintf(o->ctx->err, CT_PROG ": Operation failed: such conntrack doesn't exist\n");
		free(buf);
		return 1;
	}
	fprintf(o->ctx->err, CT_PROG ": %u flow entries have been shown.\n", w.n);
	fwrite(buf, 1, len, o->ctx->out);
	free(buf);
	return 0;
}

struct ct_del {
	struct ct_opts *o;
	FILE *out;
	unsigned int n;
};

static bool ct_del_one(struct nf_conn *ct, void *data)
{
	struct ct_del *d = data;
	char line[512];

	if (!ct_match(&d->o->f, ct))
		return false;
	nf_ct_snprint(line, sizeof(line), ct, d->o->print_flags);
	fputs(line, d->out);
	d->n++;
	return true;
}

static int ct_delete(struct ct_opts *o, struct net *net, bool flush)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	struct ct_del d = { o, NULL, 0 };
	char *buf = NULL;
	size_t len = 0;

	if (!(d.out = open_memstream(&buf, &len)))
		return 1;
	cn->ev_user_delete = true;
	nf_ct_iterate_cleanup_net(net, ct_del_one, &d);
	cn->ev_user_delete = false;
	fclose(d.out);
	if (flush)
		fprintf(o->ctx->err, CT_PROG ": connection tracking table has been emptied.\n");
	else
		fprintf(o->ctx->err, CT_PROG ": %u flow entries have been deleted.\n", d.n);
	if (!flush)
		fwrite(buf, 1, len, o->ctx->out);
	free(buf);
	return 0;
}

static int ct_count_one(struct nf_conn *ct, void *data)
{
	(void)ct;
	(*(unsigned int *)data)++;
	return 0;
}

/* A listening conntrack -E: lines wait in buf until the task runs. */
struct ct_event_reader {
	struct nf_ct_event_listener l;
	struct ct_opts *o;
	struct wait_queue_head wq;
	char *buf;
	size_t len;
	FILE *mem;
	unsigned int n;
	bool gone;
};

static void ct_event_notify(struct nf_ct_event_listener *l, enum ip_conntrack_events ev,
			    const struct nf_conn *ct, const char *line)
{
	struct ct_event_reader *r = container_of(l, struct ct_event_reader, l);

	if (!ct) {
		r->gone = true;
	} else {
		if (!(r->o->event_mask & (1u << ev)) || !ct_match(&r->o->f, ct))
			return;
		fputs(line, r->mem);
		r->n++;
	}
	wake_up(&r->wq);
}

/* Hand what came to stdout; conntrack flushes after every event. */
static void ct_event_flush(struct ct_event_reader *r)
{
	fflush(r->mem);
	if (!r->len)
		return;
	fwrite(r->buf, 1, r->len, r->o->ctx->out);
	fflush(r->o->ctx->out);
	rewind(r->mem);
	r->len = 0;
	r->buf[0] = 0;
}

static int ct_events(struct ct_opts *o, struct net *net)
{
	struct ct_event_reader r = { .o = o };
	struct world *w = o->ctx->world;

	if (!w || !current_task(w))
		return 1;
	if (!(r.mem = open_memstream(&r.buf, &r.len)))
		return 1;
	init_waitqueue_head(&r.wq);
	r.l.notify = ct_event_notify;
	nf_ct_event_listen(net, &r.l);
	for (;;) {
		ct_event_flush(&r);
		if (r.gone || task_wait(w, &r.wq, 0) == -EINTR)
			break;
	}
	nf_ct_event_unlisten(&r.l);
	ct_event_flush(&r);
	fclose(r.mem);
	free(r.buf);
	fprintf(o->ctx->err, CT_PROG ": %u flow events have been shown.\n", r.n);
	return 0;
}

static int ct_stats(struct ct_opts *o, struct net *net)
{
	const struct ip_conntrack_stat *s = &nf_ct_pernet(net)->stat;

	/* one CPU */
	fprintf(o->ctx->out, "cpu=0   \tfound=%u invalid=%u insert=%u insert_failed=%u drop=%u "
		"early_drop=%u error=%u search_restart=%u clash_resolve=%u chaintoolong=%u \n",
		s->found, s->invalid, s->insert, s->insert_failed, s->drop, s->early_drop,
		s->error, s->search_restart, s->clash_resolve, s->chaintoolong);
	return 0;
}

static int parse_proto(const char *s)
{
	static const char *const names[] = { "icmp", "tcp", "udp", "icmpv6" };
	static const int nums[] = { 1, 6, 17, 58 };
	char *end;
	long v;

	for (size_t i = 0; i < 4; i++)
		if (!strcasecmp(s, names[i]))
			return nums[i];
	v = strtol(s, &end, 10);
	return *s && !*end && v >= 0 && v <= 255 ? (int)v : -1;
}

struct ct_longopt {
	const char *name;
	char shortopt;
	bool arg;
};

static const struct ct_longopt ct_longopts[] = {
	{ "dump", 'L', false }, { "count", 'C', false }, { "delete", 'D', false },
	{ "flush", 'F', false }, { "event", 'E', false }, { "stats", 'S', false },
	{ "proto", 'p', true }, { "protonum", 'p', true }, { "orig-src", 's', true },
	{ "src", 's', true }, { "orig-dst", 'd', true }, { "dst", 'd', true },
	{ "reply-src", 'r', true }, { "reply-dst", 'q', true }, { "output", 'o', true },
	{ "mark", 'm', true }, { "sport", '1', true }, { "orig-port-src", '1', true },
	{ "dport", '2', true }, { "orig-port-dst", '2', true }, { "reply-port-src", '3', true },
	{ "reply-port-dst", '4', true }, { "state", '5', true }, { "family", 'f', true },
	{ "event-mask", 'e', true }, { "zone", 'w', true }, { "get", 'G', false },
	{ "version", 'V', false },
	{ NULL, 0, false },
};

static int ct_set_cmd(struct ct_opts *o, enum ct_cmd c)
{
	if (o->cmd != CT_NONE)
		return ct_usage(o, "%s", "Invalid commands combination");
	o->cmd = c;
	return 0;
}

/* -e NEW,UPDATE,DESTROY,ALL (any case) */
static int ct_parse_event_mask(struct ct_opts *o, const char *arg)
{
	static const char *const names[] = { "NEW", "UPDATE", "DESTROY", "ALL" };
	char *s = kstrdup(arg), *save = NULL;
	int rc = 0;

	if (!s)
		return 1;
	o->event_mask = 0;
	for (char *t = strtok_r(s, ",", &save); t && !rc; t = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < 4 && strcasecmp(t, names[i]); i++)
			;
		if (i == 4)
			rc = ct_usage(o, "Bad parameter `%s'", t);
		else
			o->event_mask |= i == 3 ? 7u : 1u << i;
	}
	free(s);
	return rc;
}

static int ct_parse_opt(struct ct_opts *o, char c, const char *arg, const char *name)
{
	static const char cmds[] = "LCDFESGV";
	static const char addr_opts[] = "sdrq";
	const char *k;
	char *end;

	if ((k = strchr(cmds, c)))
		return ct_set_cmd(o, (enum ct_cmd)(CT_LIST + (k - cmds)));
	if ((k = strchr(addr_opts, c))) {
		int i = (int)(k - addr_opts);

		o->f.is6[i] = inet_pton(AF_INET, arg, &o->f.addr[i]) != 1;
		if (o->f.is6[i] && inet_pton(AF_INET6, arg, &o->f.addr6[i]) != 1)
			return ct_usage(o, "Bad IP address `%s'", arg);
		o->f.has[i] = true;
		return 0;
	}
	switch (c) {
	case 'p':
		if ((o->f.proto = parse_proto(arg)) < 0)
			return ct_usage(o, "proto `%s' not found", arg);
		return 0;
	case 'o':
		if (!(arg = kstrdup(arg)))
			return ct_usage(o, "%s", strerror(ENOMEM));
		for (char *s = (char *)arg, *save = NULL, *t = strtok_r(s, ",", &save), *f = s; ;
		     t = strtok_r(NULL, ",", &save)) {
			if (!t) {
				free(f);
				return 0;
			}
			if (!strcmp(t, "extended"))
				o->print_flags |= NF_CT_PRINT_EXTENDED;
			else if (!strcmp(t, "id"))
				o->print_flags |= NF_CT_PRINT_ID;
		}
	case 'm':
		o->f.mark = (u32)strtoul(arg, &end, 0);
		o->f.mark_mask = *end == '/' ? (u32)strtoul(end + 1, NULL, 0) : 0xffffffffu;
		o->f.has_mark = true;
		return 0;
	case '1': case '2': case '3': case '4':
		o->f.port[c - '1'] = (int)strtol(arg, &end, 10);
		if (*end || o->f.port[c - '1'] < 0 || o->f.port[c - '1'] > 65535)
			return ct_usage(o, "invalid port `%s'", arg);
		return 0;
	case '5':
		for (int s = 0; s < TCP_CONNTRACK_MAX; s++)
			if (!strcasecmp(arg, nf_ct_tcp_state_name((unsigned int)s))) {
				o->f.tcp_state = s;
				return 0;
			}
		return ct_usage(o, "unknown state `%s'", arg);
	case 'f':
		if (!strcmp(arg, "ipv4"))
			o->f.family = NFPROTO_IPV4;
		else if (!strcmp(arg, "ipv6"))
			o->f.family = NFPROTO_IPV6;
		else
			return ct_usage(o, "`%s' unsupported protocol", arg);
		return 0;
	case 'e':
		return ct_parse_event_mask(o, arg);
	case 'w':
		o->f.zone = (int)strtol(arg, &end, 0);
		if (*end || o->f.zone < 0 || o->f.zone > 65535)
			return ct_usage(o, "Bad parameter `%s'", arg);
		return 0;
	default:
		return ct_usage(o, "unknown option `%s'", name);
	}
}

static int ct_parse(struct ct_opts *o, int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *arg = NULL;
		const struct ct_longopt *lo = NULL;
		char c;
		int rc;

		if (a[0] == '-' && a[1] == '-') {
			for (lo = ct_longopts; lo->name && strcmp(lo->name, a + 2); lo++)
				;
			if (!lo->name)
				return ct_usage(o, "unknown option `%s'", a);
			c = lo->shortopt;
		} else if (a[0] == '-' && a[1] && !a[2]) {
			c = a[1];
			for (lo = ct_longopts; lo->name && lo->shortopt != c; lo++)
				;
			if (!lo->name)
				return ct_usage(o, "unknown option `%s'", a);
		} else {
			return ct_usage(o, "unknown option `%s'", a);
		}
		if (lo->arg) {
			if (i + 1 >= argc)
				return ct_usage(o, "option `%s' requires an argument", a);
			arg = argv[++i];
		}
		if ((rc = ct_parse_opt(o, c, arg, a)))
			return rc;
	}
	return 0;
}

int do_conntrack(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct ct_opts o = { .ctx = ctx, .cmd = CT_NONE, .event_mask = 7 };
	unsigned int n = 0;
	int rc;

	o.f.proto = -1;
	o.f.tcp_state = -1;
	o.f.zone = -1;
	o.f.family = -1;		/* every family unless -f */
	for (int i = 0; i < 4; i++)
		o.f.port[i] = -1;
	if ((rc = ct_parse(&o, argc, argv)))
		return rc;
	for (int i = 0; i < 4; i++)
		if (o.f.has[i] && o.f.family >= 0 &&
		    o.f.is6[i] != (o.f.family == NFPROTO_IPV6))
			return ct_usage(&o, "%s", "mismatched address family");
	switch (o.cmd) {
	case CT_NONE:
		return ct_usage(&o, "%s", "no command specified");
	case CT_LIST:
	case CT_GET:
		return ct_list(&o, ctx->net);
	case CT_VERSION:
		fprintf(ctx->out, CT_PROG "\n");
		return 0;
	case CT_COUNT:
		nf_ct_iterate(ctx->net, ct_count_one, &n);
		fprintf(ctx->out, "%u\n", n);
		return 0;
	case CT_DELETE:
		return ct_delete(&o, ctx->net, false);
	case CT_FLUSH:
		return ct_delete(&o, ctx->net, true);
	case CT_EVENT:
		return ct_events(&o, ctx->net);
	case CT_STATS:
		return ct_stats(&o, ctx->net);
	}
	return 0;
}
