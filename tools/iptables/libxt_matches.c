/* The tool side of the small matches (iptables' libxt_comment.c,
 * libxt_mark.c, libxt_multiport.c, libxt_limit.c, libxt_statistic.c,
 * libxt_length.c, libxt_pkttype.c). */
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_misc.h"

int xt_parse_mark(const char *arg, u32 *value, u32 *mask);

/* ---- comment ---- */
static const struct xt_option comment_opts[] = { { "comment", 0, true }, { NULL, 0, false } };

static int comment_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	(void)id;
	(void)inv;
	if (strlen(arg) >= XT_MAX_COMMENT_LEN)
		return xt_param_error(p, "comment too long");
	snprintf(((struct xt_comment_info *)data)->comment, XT_MAX_COMMENT_LEN, "%s", arg);
	return 0;
}

static void comment_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fprintf(out, " /* %s */", ((const struct xt_comment_info *)data)->comment);
}

static void comment_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	fputs(" --comment", out);
	xtables_save_string(out, ((const struct xt_comment_info *)data)->comment);
}

/* ---- mark ---- */
static const struct xt_option mark_opts[] = { { "mark", 0, true }, { NULL, 0, false } };

static int mark_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_mark_mtinfo1 *m = data;

	(void)id;
	if (xt_parse_mark(arg, &m->mark, &m->mask))
		return xt_param_error(p, "Bad mark value \"%s\"", arg);
	m->mark &= m->mask;
	m->invert = inv;
	return 0;
}

static void print_mark(FILE *out, const struct xt_mark_mtinfo1 *m)
{
	if (m->mask != 0xFFFFFFFFu)
		fprintf(out, " 0x%x/0x%x", m->mark, m->mask);
	else
		fprintf(out, " 0x%x", m->mark);
}

static void mark_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_mark_mtinfo1 *m = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " mark match%s", m->invert ? " !" : "");
	print_mark(out, m);
}

static void mark_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_mark_mtinfo1 *m = data;

	(void)ip;
	fprintf(out, "%s --mark", m->invert ? " !" : "");
	print_mark(out, m);
}

/* ---- multiport ---- */
static const struct xt_option multiport_opts[] = {
	{ "source-ports", XT_MULTIPORT_SOURCE, true },
	{ "sports", XT_MULTIPORT_SOURCE, true },
	{ "destination-ports", XT_MULTIPORT_DESTINATION, true },
	{ "dports", XT_MULTIPORT_DESTINATION, true },
	{ "ports", XT_MULTIPORT_EITHER, true }, { NULL, 0, false },
};

static int multiport_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_multiport_v1 *mp = data;
	const char *proto = p->ip->proto == 17 ? "udp" : "tcp";
	char buf[256], *save = NULL;

	if (p->ip->proto != 6 && p->ip->proto != 17 && p->ip->proto != 132 &&
	    p->ip->proto != 33 && p->ip->proto != 136)
		return xt_param_error(p, "multiport needs `-p tcp', `-p udp', `-p udplite', "
				      "`-p sctp' or `-p dccp'");
	mp->flags = (u8)id;
	mp->invert = inv;
	snprintf(buf, sizeof(buf), "%s", arg);
	for (char *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		char *colon = strchr(tok, ':');
		int lo, hi;

		if (colon)
			*colon = '\0';
		lo = xtables_parse_port(tok, proto);
		hi = colon ? xtables_parse_port(colon + 1, proto) : lo;
		if (lo < 0 || hi < 0)
			return xt_param_error(p, "invalid port/service `%s' specified",
					      lo < 0 ? tok : colon + 1);
		if (mp->count + (colon ? 2 : 1) > XT_MULTI_PORTS)
			return xt_param_error(p, "too many ports specified");
		mp->pflags[mp->count] = colon ? 1 : 0;
		mp->ports[mp->count++] = (u16)lo;
		if (colon)
			mp->ports[mp->count++] = (u16)hi;
	}
	return 0;
}

static void multiport_ports(FILE *out, const struct xt_multiport_v1 *mp, bool numeric)
{
	const char *proto = "tcp";

	for (unsigned int i = 0; i < mp->count; i++) {
		fputs(i ? "," : "", out);
		xtables_print_port(out, mp->ports[i], proto, numeric);
		if (mp->pflags[i] && i + 1 < mp->count) {
			fputc(':', out);
			xtables_print_port(out, mp->ports[++i], proto, numeric);
		}
	}
}

static void multiport_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	static const char *const kinds[] = { "sports", "dports", "ports" };
	const struct xt_multiport_v1 *mp = data;

	(void)ip;
	fprintf(out, " multiport %s %s", kinds[mp->flags % 3], mp->invert ? "!" : "");
	multiport_ports(out, mp, numeric);
}

static void multiport_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	static const char *const kinds[] = { "sports", "dports", "ports" };
	const struct xt_multiport_v1 *mp = data;

	(void)ip;
	fprintf(out, "%s --%s ", mp->invert ? " !" : "", kinds[mp->flags % 3]);
	multiport_ports(out, mp, true);
}

/* ---- limit ---- */
static const struct xt_option limit_opts[] = {
	{ "limit", 0, true }, { "limit-burst", 1, true }, { NULL, 0, false },
};

static const struct { const char *name; u32 mult; } rates[] = {
	{ "day", XT_LIMIT_SCALE * 24 * 60 * 60 }, { "hour", XT_LIMIT_SCALE * 60 * 60 },
	{ "min", XT_LIMIT_SCALE * 60 }, { "sec", XT_LIMIT_SCALE },
};

static void limit_init(void *data)
{
	struct xt_rateinfo *r = data;

	r->avg = XT_LIMIT_SCALE * 3600 / 3;
	r->burst = 5;
}

static int limit_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_rateinfo *r = data;
	const char *slash = strchr(arg, '/');
	unsigned int n;
	u32 mult = 1;

	(void)inv;
	if (id == 1) {
		if (!xtables_strtoui(arg, &r->burst, 0, 10000))
			return xt_param_error(p, "limit: bad value for option \"--limit-burst\", or "
					      "out of range (0-10000).\n");
		return 0;
	}
	n = (unsigned int)strtoul(arg, NULL, 10);
	if (slash) {
		size_t len = strlen(slash + 1);

		if (!strncasecmp(slash + 1, "second", len))
			mult = 1;
		else if (!strncasecmp(slash + 1, "minute", len))
			mult = 60;
		else if (!strncasecmp(slash + 1, "hour", len))
			mult = 3600;
		else if (!strncasecmp(slash + 1, "day", len))
			mult = 86400;
		else
			n = 0;
	}
	if (!n || (u64)XT_LIMIT_SCALE * mult / n == 0)
		return xt_param_error(p, "bad rate \"%s\"'", arg);
	r->avg = (u32)((u64)XT_LIMIT_SCALE * mult / n);
	return 0;
}

static void print_rate(FILE *out, u32 period)
{
	size_t i;

	for (i = 1; i < sizeof(rates) / sizeof(rates[0]); i++)
		if (period > rates[i].mult || rates[i].mult / period < rates[i].mult % period)
			break;
	fprintf(out, " %u/%s", rates[i - 1].mult / period, rates[i - 1].name);
}

static void limit_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_rateinfo *r = data;

	(void)ip;
	(void)numeric;
	fputs(" limit: avg", out);
	print_rate(out, r->avg);
	fprintf(out, " burst %u", r->burst);
}

static void limit_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_rateinfo *r = data;

	(void)ip;
	fputs(" --limit", out);
	print_rate(out, r->avg);
	if (r->burst != 5)
		fprintf(out, " --limit-burst %u", r->burst);
}

/* ---- statistic ---- */
enum { O_MODE, O_PROB, O_EVERY, O_PACKET };

static const struct xt_option statistic_opts[] = {
	{ "mode", O_MODE, true }, { "probability", O_PROB, true },
	{ "every", O_EVERY, true }, { "packet", O_PACKET, true },
	{ NULL, 0, false },
};

static int statistic_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_statistic_info *s = data;
	unsigned int v;
	double prob;
	char *end;

	if (inv)
		s->flags |= XT_STATISTIC_INVERT;
	switch (id) {
	case O_MODE:
		if (!strcmp(arg, "random"))
			s->mode = XT_STATISTIC_MODE_RANDOM;
		else if (!strcmp(arg, "nth"))
			s->mode = XT_STATISTIC_MODE_NTH;
		else
			return xt_param_error(p, "Bad mode \"%s\"", arg);
		return 0;
	case O_PROB:
		prob = strtod(arg, &end);
		if (*end || prob < 0 || prob > 1)
			return xt_param_error(p, "--probability must be between 0 and 1");
		s->u.random.probability = (u32)lround(0x80000000 * prob);
		return 0;
	case O_EVERY:
		if (!xtables_strtoui(arg, &v, 1, 0xFFFFFFFFu))
			return xt_param_error(p, "Bad --every value \"%s\"", arg);
		s->u.nth.every = v - 1;
		s->u.nth.count = v - 1;
		s->nth_count = v - 1;
		return 0;
	}
	if (!xtables_strtoui(arg, &s->u.nth.packet, 0, 0xFFFFFFFFu))
		return xt_param_error(p, "Bad --packet value \"%s\"", arg);
	return 0;
}

static int statistic_final(struct xt_parse *p, void *data)
{
	struct xt_statistic_info *s = data;

	if (s->mode == XT_STATISTIC_MODE_RANDOM && !(p->xflags & (1u << O_PROB)))
		return xt_param_error(p, "--probability must be specified when using random mode");
	if (s->mode == XT_STATISTIC_MODE_NTH && !(p->xflags & (1u << O_EVERY | 1u << O_PACKET)))
		return xt_param_error(p, "--every and --packet must be specified when using nth mode");
	if (s->u.nth.packet > s->u.nth.every)
		return xt_param_error(p, "the --packet p must be 0 <= p <= n-1");
	return 0;
}

/* After the option checks: --probability excludes --every and --packet,
 * which need each other (statistic_opts' excl/also in iptables). */
static int statistic_pairs(struct xt_parse *p)
{
	if ((p->xflags & (1u << O_PROB)) && (p->xflags & (1u << O_EVERY | 1u << O_PACKET)))
		return xt_param_error(p, "statistic: option \"--probability\" cannot be used "
				      "together with \"--%s\".\n",
				      (p->xflags & (1u << O_EVERY)) ? "every" : "packet");
	if ((p->xflags & (1u << O_EVERY)) && !(p->xflags & (1u << O_PACKET)))
		return xt_param_error(p, "statistic: option \"--every\" also requires \"--packet\".\n");
	if ((p->xflags & (1u << O_PACKET)) && !(p->xflags & (1u << O_EVERY)))
		return xt_param_error(p, "statistic: option \"--packet\" also requires \"--every\".\n");
	return 0;
}

static int statistic_check(struct xt_parse *p, void *data)
{
	return statistic_final(p, data) ? -1 : statistic_pairs(p);
}

static void statistic_show(FILE *out, const struct xt_statistic_info *s, bool save)
{
	bool inv = s->flags & XT_STATISTIC_INVERT;

	if (s->mode == XT_STATISTIC_MODE_RANDOM) {
		fprintf(out, save ? " --mode random%s --probability %.11f" :
			" statistic mode random%s probability %.11f", inv ? " !" : "",
			1.0 * s->u.random.probability / 0x80000000);
		return;
	}
	fprintf(out, save ? " --mode nth%s --every %u" : " statistic mode nth%s every %u",
		inv ? " !" : "", s->u.nth.every + 1);
	if (save)
		fprintf(out, " --packet %u", s->u.nth.packet);
	else if (s->u.nth.packet)
		fprintf(out, " packet %u", s->u.nth.packet);
}

static void statistic_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	statistic_show(out, data, false);
}

static void statistic_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	statistic_show(out, data, true);
}

/* ---- length ---- */
static const struct xt_option length_opts[] = { { "length", 0, true }, { NULL, 0, false } };

static int length_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_length_info *l = data;
	unsigned int a = 0, b = 0xFFFF;
	char buf[64], *colon;

	(void)id;
	snprintf(buf, sizeof(buf), "%s", arg);
	colon = strchr(buf, ':');
	if (colon)
		*colon = '\0';
	if ((buf[0] || !colon) && !xtables_strtoui(buf, &a, 0, 0xFFFF))
		return xt_param_error(p, "length invalid: \"%s\"", arg);
	if (!colon)
		b = a;
	else if (colon[1] && !xtables_strtoui(colon + 1, &b, 0, 0xFFFF))
		return xt_param_error(p, "length invalid: \"%s\"", arg);
	l->min = (u16)a;
	l->max = (u16)b;
	l->invert = inv;
	return 0;
}

static void length_range(FILE *out, const struct xt_length_info *l)
{
	if (l->min == l->max)
		fprintf(out, "%u", l->min);
	else
		fprintf(out, "%u:%u", l->min, l->max);
}

static void length_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_length_info *l = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " length %s", l->invert ? "!" : "");
	length_range(out, l);
}

static void length_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_length_info *l = data;

	(void)ip;
	fprintf(out, " %s--length ", l->invert ? "! " : "");
	length_range(out, l);
}

const struct xtables_match libxt_comment = {
	.name = "comment", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_comment_info),
	.opts = comment_opts, .parse = comment_parse, .print = comment_print, .save = comment_save,
	.mand = 1u << 0,
};

const struct xtables_match libxt_mark = {
	.name = "mark", .revision = 1, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_mark_mtinfo1), .opts = mark_opts, .parse = mark_parse,
	.print = mark_print, .save = mark_save,
	.mand = 1u << 0,
};

const struct xtables_match libxt_multiport = {
	.name = "multiport", .revision = 1, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_multiport_v1), .opts = multiport_opts, .parse = multiport_parse,
	.print = multiport_print, .save = multiport_save,
};

const struct xtables_match libxt_limit = {
	.name = "limit", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_rateinfo),
	.init = limit_init, .opts = limit_opts, .parse = limit_parse, .print = limit_print,
	.save = limit_save, .userspacesize = offsetof(struct xt_rateinfo, prev),
};

const struct xtables_match libxt_statistic = {
	.name = "statistic", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_statistic_info),
	.opts = statistic_opts, .parse = statistic_parse, .final_check = statistic_check,
	.print = statistic_print,
	.save = statistic_save, .userspacesize = offsetof(struct xt_statistic_info, nth_count),
	.mand = 1u << O_MODE,
};

const struct xtables_match libxt_length = {
	.name = "length", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_length_info),
	.opts = length_opts, .parse = length_parse, .print = length_print, .save = length_save,
	.mand = 1u << 0,
};
