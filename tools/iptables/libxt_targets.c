/* The tool side of the core targets (iptables' libipt_REJECT.c,
 * libxt_LOG.c, libxt_MARK.c, libxt_TCPMSS.c, libxt_TRACE.c,
 * libxt_NFQUEUE.c, libxt_CLASSIFY.c): options, and how -L / -S show them
 * in the nf_tables flavour (LOG levels use nft's short names). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_targets.h"

static const char *const reject_names[] = {
	[IPT_ICMP_NET_UNREACHABLE] = "icmp-net-unreachable",
	[IPT_ICMP_HOST_UNREACHABLE] = "icmp-host-unreachable",
	[IPT_ICMP_PROT_UNREACHABLE] = "icmp-proto-unreachable",
	[IPT_ICMP_PORT_UNREACHABLE] = "icmp-port-unreachable",
	[IPT_ICMP_ECHOREPLY] = "echo-reply",
	[IPT_ICMP_NET_PROHIBITED] = "icmp-net-prohibited",
	[IPT_ICMP_HOST_PROHIBITED] = "icmp-host-prohibited",
	[IPT_TCP_RESET] = "tcp-reset",
	[IPT_ICMP_ADMIN_PROHIBITED] = "icmp-admin-prohibited",
};

static const struct { const char *alias; u32 with; } reject_aliases[] = {
	{ "net-unreach", IPT_ICMP_NET_UNREACHABLE }, { "host-unreach", IPT_ICMP_HOST_UNREACHABLE },
	{ "proto-unreach", IPT_ICMP_PROT_UNREACHABLE }, { "port-unreach", IPT_ICMP_PORT_UNREACHABLE },
	{ "net-prohib", IPT_ICMP_NET_PROHIBITED }, { "host-prohib", IPT_ICMP_HOST_PROHIBITED },
	{ "tcp-rst", IPT_TCP_RESET }, { "admin-prohib", IPT_ICMP_ADMIN_PROHIBITED },
};

static const struct xt_option reject_opts[] = { { "reject-with", 0, true }, { NULL, 0, false } };

static void reject_init(void *data)
{
	((struct ipt_reject_info *)data)->with = IPT_ICMP_PORT_UNREACHABLE;
}

static int reject_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ipt_reject_info *r = data;

	(void)id;
	(void)inv;
	for (u32 i = 0; i < sizeof(reject_names) / sizeof(reject_names[0]); i++)
		if (!strcasecmp(reject_names[i], arg)) {
			r->with = i;
			return 0;
		}
	for (size_t i = 0; i < sizeof(reject_aliases) / sizeof(reject_aliases[0]); i++)
		if (!strcasecmp(reject_aliases[i].alias, arg)) {
			r->with = reject_aliases[i].with;
			return 0;
		}
	return xt_param_error(p, "unknown reject type \"%s\"", arg);
}

static void reject_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fprintf(out, " reject-with %s", reject_names[((const struct ipt_reject_info *)data)->with]);
}

static void reject_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	fprintf(out, " --reject-with %s", reject_names[((const struct ipt_reject_info *)data)->with]);
}

/* ---- LOG ---- */
enum { O_LOG_LEVEL, O_LOG_PREFIX, O_LOG_SEQ, O_LOG_OPT, O_LOG_IPOPT, O_LOG_UID, O_LOG_MAC };

static const struct xt_option log_opts[] = {
	{ "log-level", O_LOG_LEVEL, true }, { "log-prefix", O_LOG_PREFIX, true },
	{ "log-tcp-sequence", O_LOG_SEQ, false }, { "log-tcp-options", O_LOG_OPT, false },
	{ "log-ip-options", O_LOG_IPOPT, false }, { "log-uid", O_LOG_UID, false },
	{ "log-macdecode", O_LOG_MAC, false }, { NULL, 0, false },
};

static const char *const log_levels[8] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

static void log_init(void *data)
{
	((struct xt_log_info *)data)->level = 4;
}

static int log_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	static const u8 flag[] = { 0, 0, XT_LOG_TCPSEQ, XT_LOG_TCPOPT, XT_LOG_IPOPT, XT_LOG_UID,
				   XT_LOG_MACDECODE };
	struct xt_log_info *l = data;
	unsigned int v;

	(void)inv;
	if (id == O_LOG_PREFIX) {
		if (strlen(arg) > sizeof(l->prefix) - 1)
			return xt_param_error(p, "Maximum prefix length %zu for --log-prefix",
					      sizeof(l->prefix) - 1);
		snprintf(l->prefix, sizeof(l->prefix), "%s", arg);
		return 0;
	}
	if (id != O_LOG_LEVEL) {
		l->logflags |= flag[id];
		return 0;
	}
	for (v = 0; v < 8 && strcasecmp(arg, log_levels[v]); v++)
		;
	if (v == 8 && !xtables_strtoui(arg, &v, 0, 7))
		return xt_param_error(p, "log-level `%s' unknown", arg);
	l->level = (u8)v;
	return 0;
}

static void log_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	static const char *const flags[] = { " tcp-sequence", " tcp-options", " ip-options",
					     " uid", "", " macdecode" };
	const struct xt_log_info *l = data;

	(void)ip;
	fputs(" LOG", out);
	if (numeric) {
		fprintf(out, " flags %u level %u", l->logflags, l->level);
	} else {
		fprintf(out, " level %s", l->level < 8 ? log_levels[l->level] : "?");
		for (unsigned int i = 0; i < 6; i++)
			if (l->logflags & (1u << i))
				fputs(flags[i], out);
	}
	if (l->prefix[0])
		fprintf(out, " prefix \"%s\"", l->prefix);
}

static void log_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	static const char *const flags[] = { " --log-tcp-sequence", " --log-tcp-options",
					     " --log-ip-options", " --log-uid", "", " --log-macdecode" };
	const struct xt_log_info *l = data;

	(void)ip;
	if (l->prefix[0]) {
		fputs(" --log-prefix", out);
		xtables_save_string(out, l->prefix);
	}
	if (l->level != 4)
		fprintf(out, " --log-level %u", l->level);
	for (unsigned int i = 0; i < 6; i++)
		if (l->logflags & (1u << i))
			fputs(flags[i], out);
}

/* ---- MARK ---- */
enum { O_SET_MARK, O_SET_XMARK, O_AND, O_OR, O_XOR };

static const struct xt_option mark_tg_opts[] = {
	{ "set-mark", O_SET_MARK, true }, { "set-xmark", O_SET_XMARK, true },
	{ "and-mark", O_AND, true }, { "or-mark", O_OR, true },
	{ "xor-mark", O_XOR, true }, { NULL, 0, false },
};

/* "value[/mask]" */
int xt_parse_mark(const char *arg, u32 *value, u32 *mask)
{
	char buf[64], *slash;

	snprintf(buf, sizeof(buf), "%s", arg);
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	*mask = 0xFFFFFFFFu;
	if (!xtables_strtoui(buf, value, 0, 0xFFFFFFFFu))
		return -1;
	return slash && !xtables_strtoui(slash + 1, mask, 0, 0xFFFFFFFFu) ? -1 : 0;
}

static int mark_tg_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_mark_tginfo2 *m = data;
	u32 v, mask;

	(void)inv;
	if (xt_parse_mark(arg, &v, &mask) || (id > O_SET_XMARK && mask != 0xFFFFFFFFu))
		return xt_param_error(p, "Bad MARK value \"%s\"", arg);
	switch (id) {
	case O_SET_MARK: m->mark = v; m->mask = v | mask; break;
	case O_SET_XMARK: m->mark = v; m->mask = mask; break;
	case O_AND: m->mark = 0; m->mask = ~v; break;
	case O_OR: m->mark = v; m->mask = v; break;
	case O_XOR: m->mark = v; m->mask = 0; break;
	}
	return 0;
}

static void mark_tg_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_mark_tginfo2 *m = data;

	(void)ip;
	(void)numeric;
	if (m->mark == 0)
		fprintf(out, " MARK and 0x%x", ~m->mask);
	else if (m->mark == m->mask)
		fprintf(out, " MARK or 0x%x", m->mark);
	else if (m->mask == 0)
		fprintf(out, " MARK xor 0x%x", m->mark);
	else if (m->mask == 0xFFFFFFFFu)
		fprintf(out, " MARK set 0x%x", m->mark);
	else
		fprintf(out, " MARK xset 0x%x/0x%x", m->mark, m->mask);
}

static void mark_tg_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_mark_tginfo2 *m = data;

	(void)ip;
	fprintf(out, " --set-xmark 0x%x/0x%x", m->mark, m->mask);
}

/* ---- TCPMSS ---- */
static const struct xt_option tcpmss_opts[] = {
	{ "set-mss", 0, true }, { "clamp-mss-to-pmtu", 1, false },
	{ NULL, 0, false },
};

static int tcpmss_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_tcpmss_info *t = data;
	unsigned int v;

	(void)inv;
	if (id == 1) {
		t->mss = XT_TCPMSS_CLAMP_PMTU;
		return 0;
	}
	if (!xtables_strtoui(arg, &v, 0, 0xFFFF - 40))
		return xt_param_error(p, "TCPMSS: bad value for option \"--set-mss\", or out of "
				      "range (0-65515).\n");
	t->mss = (u16)v;
	return 0;
}

static void tcpmss_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_tcpmss_info *t = data;

	(void)ip;
	(void)numeric;
	if (t->mss == XT_TCPMSS_CLAMP_PMTU)
		fputs(" TCPMSS clamp to PMTU", out);
	else
		fprintf(out, " TCPMSS set %u", t->mss);
}

static void tcpmss_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_tcpmss_info *t = data;

	(void)ip;
	if (t->mss == XT_TCPMSS_CLAMP_PMTU)
		fputs(" --clamp-mss-to-pmtu", out);
	else
		fprintf(out, " --set-mss %u", t->mss);
}


/* ---- NFQUEUE ---- */
enum { O_QNUM, O_QBAL, O_QBYPASS, O_QFANOUT };

static const struct xt_option nfq_opts[] = {
	{ "queue-num", O_QNUM, true }, { "queue-balance", O_QBAL, true },
	{ "queue-bypass", O_QBYPASS, false }, { "queue-cpu-fanout", O_QFANOUT, false },
	{ NULL, 0, false },
};

static void nfq_init(void *data)
{
	((struct xt_NFQ_info_v3 *)data)->queues_total = 1;
}

static int nfq_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_NFQ_info_v3 *q = data;
	unsigned int a, b;

	(void)inv;
	switch (id) {
	case O_QNUM:
		if (!xtables_strtoui(arg, &a, 0, 65535))
			return xt_param_error(p, "Unable to parse queue-num \"%s\"", arg);
		q->queuenum = (u16)a;
		return 0;
	case O_QBAL:
		if (sscanf(arg, "%u:%u", &a, &b) != 2 || a > b || b > 65535)
			return xt_param_error(p, "Bad range \"%s\"", arg);
		q->queuenum = (u16)a;
		q->queues_total = (u16)(b - a + 1);
		return 0;
	case O_QBYPASS:
		q->flags |= NFQ_FLAG_BYPASS;
		return 0;
	}
	q->flags |= NFQ_FLAG_CPU_FANOUT;
	return 0;
}

static void nfq_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_NFQ_info_v3 *q = data;

	(void)ip;
	(void)numeric;
	if (q->queues_total > 1)
		fprintf(out, " NFQUEUE balance %u:%u", q->queuenum, q->queuenum + q->queues_total - 1);
	else
		fprintf(out, " NFQUEUE num %u", q->queuenum);
	if (q->flags & NFQ_FLAG_BYPASS)
		fputs(" bypass", out);
	if (q->flags & NFQ_FLAG_CPU_FANOUT)
		fputs(" cpu-fanout", out);
}

static void nfq_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_NFQ_info_v3 *q = data;

	(void)ip;
	if (q->queues_total > 1)
		fprintf(out, " --queue-balance %u:%u", q->queuenum,
			q->queuenum + q->queues_total - 1);
	else
		fprintf(out, " --queue-num %u", q->queuenum);
	if (q->flags & NFQ_FLAG_BYPASS)
		fputs(" --queue-bypass", out);
	if (q->flags & NFQ_FLAG_CPU_FANOUT)
		fputs(" --queue-cpu-fanout", out);
}

/* ---- CLASSIFY ---- */
static const struct xt_option classify_opts[] = {
	{ "set-class", 0, true }, { NULL, 0, false },
};

static int classify_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	unsigned int maj, min;

	(void)id;
	(void)inv;
	if (sscanf(arg, "%x:%x", &maj, &min) != 2 || maj > 0xFFFF || min > 0xFFFF)
		return xt_param_error(p, "Bad class value \"%s\"", arg);
	((struct xt_classify_target_info *)data)->priority = maj << 16 | min;
	return 0;
}

static void classify_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	u32 prio = ((const struct xt_classify_target_info *)data)->priority;

	(void)ip;
	(void)numeric;
	fprintf(out, " CLASSIFY set %x:%x", prio >> 16, prio & 0xFFFF);
}

static void classify_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	u32 prio = ((const struct xt_classify_target_info *)data)->priority;

	(void)ip;
	fprintf(out, " --set-class %04x:%04x", prio >> 16, prio & 0xFFFF);
}

const struct xtables_target libipt_REJECT = {
	.name = "REJECT", .family = NFPROTO_IPV4, .size = sizeof(struct ipt_reject_info),
	.init = reject_init, .opts = reject_opts, .parse = reject_parse, .print = reject_print,
	.save = reject_save,
};

const struct xtables_target libxt_LOG = {
	.name = "LOG", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_log_info),
	.init = log_init, .opts = log_opts, .parse = log_parse, .print = log_print, .save = log_save,
};

static int mark_tg_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!p->xflags)
		return xt_param_error(p, "MARK: One of the --set-xmark, --{and,or,xor,set}-mark "
				      "options is required");
	return 0;
}

const struct xtables_target libxt_MARK = {
	.name = "MARK", .revision = 2, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_mark_tginfo2), .opts = mark_tg_opts, .parse = mark_tg_parse,
	.final_check = mark_tg_final,
	.print = mark_tg_print, .save = mark_tg_save,
};

static int tcpmss_final(struct xt_parse *p, void *data)
{
	if (!((struct xt_tcpmss_info *)data)->mss)
		return xt_param_error(p, "TCPMSS target: At least one parameter is required");
	return 0;
}

const struct xtables_target libxt_TCPMSS = {
	.name = "TCPMSS", .family = NFPROTO_IPV4, .size = sizeof(struct xt_tcpmss_info),
	.final_check = tcpmss_final, .opts = tcpmss_opts, .parse = tcpmss_parse, .print = tcpmss_print, .save = tcpmss_save,
};

const struct xtables_target libxt_TRACE = {
	.name = "TRACE", .family = NFPROTO_UNSPEC,
};

const struct xtables_target libxt_NFQUEUE = {
	.name = "NFQUEUE", .revision = 3, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_NFQ_info_v3), .init = nfq_init, .opts = nfq_opts,
	.parse = nfq_parse, .print = nfq_print, .save = nfq_save,
};

const struct xtables_target libxt_CLASSIFY = {
	.name = "CLASSIFY", .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_classify_target_info), .opts = classify_opts,
	.parse = classify_parse, .print = classify_print, .save = classify_save,
	.mand = 1u << 0,
};
