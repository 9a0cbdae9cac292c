/* The tool side of -m cgroup (iptables' extensions/libxt_cgroup.c,
 * revision 2): [!] --path PATH, [!] --cgroup CLASSID.  The kernel refuses
 * both together, and neither. */
#include <stddef.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_cgroup.h"

enum { O_PATH, O_CLASSID };

static const struct xt_option cgroup_opts[] = {
	{ "path", O_PATH, true }, { "cgroup", O_CLASSID, true }, { NULL, 0, false },
};

static int cgroup_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_cgroup_info_v2 *info = data;
	const char *name = id == O_PATH ? "path" : "cgroup";

	if (p->xflags & (1u << id))
		return xt_param_error(p, "cgroup: option \"--%s\" can only be used once.\n", name);
	if (id == O_PATH) {
		snprintf(info->path, sizeof(info->path), "%s", arg);
		info->has_path = 1;
		info->invert_path = inv;
		return 0;
	}
	if (!xtables_strtoui(arg, &info->classid, 0, 0xFFFFFFFFu))
		return xt_param_error(p, "cgroup: bad value for option \"--cgroup\", or out of "
				      "range (0-4294967295).\n");
	info->has_classid = 1;
	info->invert_classid = inv;
	return 0;
}

static void cgroup_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_cgroup_info_v2 *info = data;

	(void)ip;
	(void)numeric;
	fputs(" cgroup", out);
	if (info->has_path)
		fprintf(out, " %s%s", info->invert_path ? "! " : "", info->path);
	if (info->has_classid)
		fprintf(out, " %s%u", info->invert_classid ? "! " : "", info->classid);
}

static void cgroup_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_cgroup_info_v2 *info = data;

	(void)ip;
	if (info->has_path) {
		fprintf(out, "%s --path", info->invert_path ? " !" : "");
		xtables_save_string(out, info->path);
	}
	if (info->has_classid)
		fprintf(out, "%s --cgroup %u", info->invert_classid ? " !" : "", info->classid);
}

const struct xtables_match libxt_cgroup = {
	.name = "cgroup", .revision = 2, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_cgroup_info_v2),
	.userspacesize = offsetof(struct xt_cgroup_info_v2, priv), .opts = cgroup_opts,
	.parse = cgroup_parse, .print = cgroup_print, .save = cgroup_save,
};
