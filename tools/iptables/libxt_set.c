/* The tool side of `-m set` (iptables' libxt_set.c, revision 4):
 * --match-set NAME src|dst[,src|dst...], with `!`.  The set must exist in
 * the namespace when the rule is made. */
#include <stddef.h>
#include <string.h>
#include "xtables.h"
#include "skbox/cmd.h"
#include "net/netfilter/ipset.h"
#include "uapi/linux/netfilter/xt_set.h"

static const struct xt_option set_opts[] = { { "match-set", 0, true }, { NULL, 0, false } };

static int set_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_set_info_match *m = data;
	char name[64], dirs[64], *save = NULL;
	const char *sp = strchr(arg, ' ');

	(void)id;
	if (m->dim)
		return xt_param_error(p, "--match-set can be specified only once");
	if (!sp || !sp[1] || sp[1] == '-' || sp[1] == '!')
		return xt_param_error(p, "--match-set requires two args.");
	if ((size_t)(sp - arg) >= IPSET_MAXNAMELEN)
		return xt_param_error(p, "setname `%.*s' too long, max %d characters.",
				      (int)(sp - arg), arg, IPSET_MAXNAMELEN - 1);
	snprintf(name, sizeof(name), "%.*s", (int)(sp - arg), arg);
	snprintf(dirs, sizeof(dirs), "%s", sp + 1);
	if (!ip_set_find(p->ctx->net, name))
		return xt_param_error(p, "Set %s doesn't exist.\n", name);
	memcpy(m->name, name, strlen(name) + 1);	/* shorter than IPSET_MAXNAMELEN */
	for (char *t = strtok_r(dirs, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		if (m->dim >= IPSET_DIM_MAX)
			return xt_param_error(p, "Can't be more src/dst options than %i.",
					      IPSET_DIM_MAX);
		if (!strcmp(t, "src"))
			m->flags |= (u8)(1u << m->dim);
		else if (strcmp(t, "dst"))
			return xt_param_error(p, "You must specify (the comma separated list of) "
					      "'src' or 'dst'.");
		m->dim++;
	}
	m->invert = inv;
	return 0;
}

static int set_final_check(struct xt_parse *p, void *data)
{
	const struct xt_set_info_match *m = data;

	if (!m->dim)
		return xt_param_error(p, "You must specify `--match-set' with proper arguments");
	return 0;
}

static void set_print_dirs(FILE *out, const struct xt_set_info_match *m)
{
	for (int i = 0; i < m->dim; i++)
		fprintf(out, "%s%s", i ? "," : " ", (m->flags & (1u << i)) ? "src" : "dst");
}

static void set_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_set_info_match *m = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " %smatch-set %s", m->invert ? "! " : "", m->name);
	set_print_dirs(out, m);
}

static void set_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_set_info_match *m = data;

	(void)ip;
	fprintf(out, "%s --match-set %s", m->invert ? " !" : "", m->name);
	set_print_dirs(out, m);
}

const struct xtables_match libxt_set = {
	.name = "set", .revision = 4, .family = NFPROTO_IPV4,
	.size = sizeof(struct xt_set_info_match), .opts = set_opts, .parse = set_parse,
	.final_check = set_final_check, .print = set_print, .save = set_save,
	.userspacesize = offsetof(struct xt_set_info_match, set), .two_args_opt = "match-set",
};
