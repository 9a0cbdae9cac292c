/* -j CHECKSUM (iptables' libxt_CHECKSUM.c): --checksum-fill, required */
#include "xtables.h"
#include "uapi/linux/netfilter/xt_extra.h"

static const struct xt_option checksum_opts[] = {
	{ "checksum-fill", 0, false }, { NULL, 0, false },
};

static int checksum_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_CHECKSUM_info *info = data;

	(void)p;
	(void)id;
	(void)arg;
	(void)inv;
	info->operation = XT_CHECKSUM_OP_FILL;
	return 0;
}

static void checksum_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_CHECKSUM_info *info = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " CHECKSUM%s", info->operation & XT_CHECKSUM_OP_FILL ? " fill" : "");
}

static void checksum_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_CHECKSUM_info *info = data;

	(void)ip;
	if (info->operation & XT_CHECKSUM_OP_FILL)
		fputs(" --checksum-fill", out);
}

const struct xtables_target libxt_CHECKSUM = {
	.name = "CHECKSUM", .revision = 0, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_CHECKSUM_info), .opts = checksum_opts,
	.parse = checksum_parse, .print = checksum_print, .save = checksum_save,
	.mand = 1,
};
