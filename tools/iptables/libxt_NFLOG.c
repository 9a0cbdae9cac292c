/* The tool side of -j NFLOG (iptables' libxt_NFLOG.c), as iptables-nft
 * keeps it: --nflog-range is accepted but not kept (nft's log has no such
 * field), the prefix is cut at 63 characters. */
#include <string.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_more.h"

enum { O_GROUP, O_PREFIX, O_RANGE, O_SIZE, O_THRESHOLD };

static const struct xt_option nflog_opts[] = {
	{ "nflog-group", O_GROUP, true }, { "nflog-prefix", O_PREFIX, true },
	{ "nflog-range", O_RANGE, true }, { "nflog-size", O_SIZE, true },
	{ "nflog-threshold", O_THRESHOLD, true }, { NULL, 0, false },
};

static const char *const nflog_names[] = { "nflog-group", "nflog-prefix", "nflog-range",
					   "nflog-size", "nflog-threshold" };

static int nflog_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_nflog_info *n = data;
	unsigned int v, max = (id == O_GROUP || id == O_THRESHOLD) ? 0xFFFF : 0xFFFFFFFFu;

	(void)inv;
	if (p->xflags & (1u << id))
		return xt_param_error(p, "NFLOG: option \"--%s\" can only be used once.\n",
				      nflog_names[id]);
	if (id == O_PREFIX) {
		if (!*arg)
			return xt_param_error(p, "NFLOG: option \"--nflog-prefix\" requires a "
					      "non-empty string.\n");
		snprintf(n->prefix, sizeof(n->prefix), "%s", arg);
		return 0;
	}
	if (!xtables_strtoui(arg, &v, 0, max))
		return xt_param_error(p, "NFLOG: bad value for option \"--%s\", or out of range "
				      "(0-%u).\n", nflog_names[id], max);
	if ((id == O_RANGE && (p->xflags & 1u << O_SIZE)) ||
	    (id == O_SIZE && (p->xflags & 1u << O_RANGE)))
		return xtables_excl_error(p, "NFLOG", "nflog-range", "nflog-size");
	switch (id) {
	case O_GROUP: n->group = (u16)v; break;
	case O_SIZE: n->len = v; n->flags |= XT_NFLOG_F_COPY_LEN; break;
	case O_THRESHOLD: n->threshold = (u16)v; break;
	}
	return 0;
}

static void nflog_init(void *data)
{
	((struct xt_nflog_info *)data)->threshold = XT_NFLOG_DEFAULT_THRESHOLD;
}

static void nflog_show(FILE *out, const struct xt_nflog_info *n, const char *dashes)
{
	if (n->prefix[0]) {
		fprintf(out, " %snflog-prefix", dashes);
		xtables_save_string(out, n->prefix);
	}
	if (n->group)
		fprintf(out, " %snflog-group %u", dashes, n->group);
	if (n->flags & XT_NFLOG_F_COPY_LEN)
		fprintf(out, " %snflog-size %u", dashes, n->len);
	if (n->threshold != XT_NFLOG_DEFAULT_THRESHOLD)
		fprintf(out, " %snflog-threshold %u", dashes, n->threshold);
}

static void nflog_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	nflog_show(out, data, "");
}

static void nflog_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	nflog_show(out, data, "--");
}

const struct xtables_target libxt_NFLOG = {
	.name = "NFLOG", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_nflog_info),
	.init = nflog_init, .opts = nflog_opts, .parse = nflog_parse, .print = nflog_print,
	.save = nflog_save,
};
