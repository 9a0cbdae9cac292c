/* -m connlabel (iptables' libxt_connlabel.c): --label NUMBER (0..127),
 * --set.  The world has no /etc/xtables/connlabel.conf: as iptables on a
 * machine without it, a name is not found, and each look-up of a name
 * (parsing one; a rule loaded for -L/-S/-save) warns that the file cannot
 * be opened. */
#include <stdlib.h>
#include "skbox/cmd.h"
#include "xtables.h"
#include "uapi/linux/netfilter/xt_extra.h"

enum { O_LABEL, O_SET };

static const struct xt_option connlabel_opts[] = {
	{ "label", O_LABEL, true }, { "set", O_SET, false }, { NULL, 0, false },
};

static void connlabel_open(FILE *err)
{
	fprintf(err, "Warning: cannot open /etc/xtables/connlabel.conf: "
		"No such file or directory\n");
}

static int connlabel_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_connlabel_mtinfo *info = data;
	unsigned long v;
	char *end;

	if (id == O_SET) {
		info->options |= XT_CONNLABEL_OP_SET;
		return 0;
	}
	v = strtoul(arg, &end, 0);
	if (!*arg || *end || v > 0xFFFF) {	/* connlabel_value_parse(), then the map */
		connlabel_open(p->ctx->err);
		return xt_param_error(p, "label '%s' not found or invalid value", arg);
	}
	info->bit = (u16)v;
	if (inv)
		info->options |= XT_CONNLABEL_OP_INVERT;
	return 0;
}

static void connlabel_loaded(FILE *err, const void *data)
{
	(void)data;
	connlabel_open(err);		/* connlabel_get_name() of the bit */
}

static void connlabel_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_connlabel_mtinfo *info = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " connlabel%s %u%s", info->options & XT_CONNLABEL_OP_INVERT ? " !" : "",
		info->bit, info->options & XT_CONNLABEL_OP_SET ? " set" : "");
}

static void connlabel_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_connlabel_mtinfo *info = data;

	(void)ip;
	fprintf(out, "%s --label \"%u\"%s", info->options & XT_CONNLABEL_OP_INVERT ? " !" : "",
		info->bit, info->options & XT_CONNLABEL_OP_SET ? " --set" : "");
}

const struct xtables_match libxt_connlabel = {
	.name = "connlabel", .revision = 0, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_connlabel_mtinfo), .opts = connlabel_opts,
	.parse = connlabel_parse, .print = connlabel_print, .save = connlabel_save,
	.mand = 1 << O_LABEL, .loaded = connlabel_loaded,
};
