/* The tool side of -j AUDIT (iptables' extensions/libxt_AUDIT.c): --type
 * accept|drop|reject (required, any case). */
#include <strings.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_AUDIT.h"

enum { O_AUDIT_TYPE };

static const struct xt_option audit_opts[] = {
	{ "type", O_AUDIT_TYPE, true }, { NULL, 0, false },
};

static const char *const audit_types[] = { "accept", "drop", "reject" };

static int audit_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_audit_info *info = data;

	(void)id;
	if (inv)
		return xt_param_error(p, "AUDIT: option \"--type\" cannot be inverted.\n");
	if (p->xflags & (1u << O_AUDIT_TYPE))
		return xt_param_error(p, "AUDIT: option \"--type\" can only be used once.\n");
	for (u8 t = 0; t <= XT_AUDIT_TYPE_MAX; t++)
		if (!strcasecmp(arg, audit_types[t])) {
			info->type = t;
			return 0;
		}
	return xt_param_error(p, "Bad action type value \"%s\"", arg);
}

static void audit_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_audit_info *info = data;

	(void)ip;
	(void)numeric;
	fputs(" AUDIT ", out);
	if (info->type <= XT_AUDIT_TYPE_MAX)
		fputs(audit_types[info->type], out);
}

static void audit_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_audit_info *info = data;

	(void)ip;
	if (info->type <= XT_AUDIT_TYPE_MAX)
		fprintf(out, " --type %s", audit_types[info->type]);
}

const struct xtables_target libxt_AUDIT = {
	.name = "AUDIT", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_audit_info),
	.opts = audit_opts, .parse = audit_parse, .print = audit_print, .save = audit_save,
	.mand = 1u << O_AUDIT_TYPE,
};
