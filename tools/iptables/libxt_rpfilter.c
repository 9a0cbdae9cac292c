/* -m rpfilter (iptables' libxt_rpfilter.c): --loose, --validmark,
 * --accept-local, --invert */
#include "xtables.h"
#include "uapi/linux/netfilter/xt_extra.h"

static const struct xt_option rpfilter_opts[] = {
	{ "loose", 0, false }, { "validmark", 1, false }, { "accept-local", 2, false },
	{ "invert", 3, false }, { NULL, 0, false },
};

static int rpfilter_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_rpfilter_info *info = data;

	(void)p;
	(void)arg;
	(void)inv;
	info->flags |= (u8)(1 << id);	/* the ids are the XT_RPFILTER_ bits */
	return 0;
}

static void rpfilter_show(FILE *out, const struct xt_rpfilter_info *info, const char *pfx)
{
	for (int i = 0; i < 4; i++)
		if (info->flags & (1 << i))
			fprintf(out, " %s%s", pfx, rpfilter_opts[i].name);
}

static void rpfilter_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fputs(" rpfilter", out);
	rpfilter_show(out, data, "");
}

static void rpfilter_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	rpfilter_show(out, data, "--");
}

const struct xtables_match libxt_rpfilter = {
	.name = "rpfilter", .revision = 0, .family = NFPROTO_IPV4,
	.size = sizeof(struct xt_rpfilter_info), .opts = rpfilter_opts,
	.parse = rpfilter_parse, .print = rpfilter_print, .save = rpfilter_save,
};
