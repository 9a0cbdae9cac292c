/* The tool side of -m connlimit (iptables' extensions/libxt_connlimit.c,
 * revision 1): --connlimit-upto N / --connlimit-above N (one of them),
 * --connlimit-mask PREFIX, --connlimit-saddr / --connlimit-daddr.  -L
 * shows "#conn src/32 > N", -S always the mask and the address side. */
#include <stddef.h>
#include <string.h>
#include <arpa/inet.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_connlimit.h"

enum { O_UPTO, O_ABOVE, O_MASK, O_SADDR, O_DADDR };

static const struct xt_option connlimit_opts[] = {
	{ "connlimit-upto", O_UPTO, true }, { "connlimit-above", O_ABOVE, true },
	{ "connlimit-mask", O_MASK, true }, { "connlimit-saddr", O_SADDR, false },
	{ "connlimit-daddr", O_DADDR, false }, { NULL, 0, false },
};

static const char *const connlimit_names[] = {
	"connlimit-upto", "connlimit-above", "connlimit-mask", "connlimit-saddr",
	"connlimit-daddr",
};

static void connlimit_init(void *data)
{
	((struct xt_connlimit_info *)data)->v4_mask = 0xFFFFFFFFu;
}

/* The options' own checks, in libxtables' order: inversion, once. */
static int connlimit_precheck(struct xt_parse *p, int id, bool inv)
{
	if (inv && id >= O_MASK)
		return xt_param_error(p, "connlimit: option \"--%s\" cannot be inverted.\n",
				      connlimit_names[id]);
	if (p->xflags & (1u << id))
		return xt_param_error(p, "connlimit: option \"--%s\" can only be used once.\n",
				      connlimit_names[id]);
	return 0;
}

static int connlimit_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_connlimit_info *info = data;

	if (connlimit_precheck(p, id, inv))
		return -1;
	switch (id) {
	case O_UPTO:
	case O_ABOVE:
		if (!xtables_strtoui(arg, &info->limit, 0, 0xFFFFFFFFu))
			return xt_param_error(p, "connlimit: bad value for option \"--%s\", or out "
					      "of range (0-4294967295).\n", connlimit_names[id]);
		/* --connlimit-upto N is an inverted --connlimit-above N */
		if ((id == O_UPTO) != inv)
			info->flags |= XT_CONNLIMIT_INVERT;
		return 0;
	case O_MASK:
		if (!xtables_parse_plenmask(arg, &info->v4_mask))
			return xt_param_error(p, "connlimit: bad value for option \"--connlimit-mask\", "
					      "neither a valid network mask nor valid CIDR (0-32).\n");
		return 0;
	case O_SADDR:
		info->flags &= ~(u32)XT_CONNLIMIT_DADDR;
		return 0;
	case O_DADDR:
		info->flags |= XT_CONNLIMIT_DADDR;
		return 0;
	}
	return 0;
}

static int connlimit_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!(p->xflags & ((1u << O_UPTO) | (1u << O_ABOVE))))
		return xt_param_error(p, "You must specify \"--connlimit-above\" or "
				      "\"--connlimit-upto\".");
	/* then the exclusions, in the option table's order (xtables_options_fcheck) */
	if ((p->xflags & 1u << O_UPTO) && (p->xflags & 1u << O_ABOVE))
		return xtables_excl_error(p, "connlimit", "connlimit-upto", "connlimit-above");
	if ((p->xflags & 1u << O_SADDR) && (p->xflags & 1u << O_DADDR))
		return xtables_excl_error(p, "connlimit", "connlimit-saddr", "connlimit-daddr");
	return 0;
}

/* count_bits4(): the prefix length by the lowest set bit */
static unsigned int connlimit_bits(__be32 mask)
{
	unsigned int bits = 0;

	for (u32 m = ~ntohl(mask); m; m >>= 1)
		bits++;
	return 32 - bits;
}

static void connlimit_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_connlimit_info *info = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " #conn %s/%u %s %u", (info->flags & XT_CONNLIMIT_DADDR) ? "dst" : "src",
		connlimit_bits(info->v4_mask), (info->flags & XT_CONNLIMIT_INVERT) ? "<=" : ">",
		info->limit);
}

static void connlimit_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_connlimit_info *info = data;

	(void)ip;
	fprintf(out, " --connlimit-%s %u --connlimit-mask %u --connlimit-%s",
		(info->flags & XT_CONNLIMIT_INVERT) ? "upto" : "above", info->limit,
		connlimit_bits(info->v4_mask), (info->flags & XT_CONNLIMIT_DADDR) ? "daddr" : "saddr");
}

const struct xtables_match libxt_connlimit = {
	.name = "connlimit", .revision = 1, .family = NFPROTO_IPV4,
	.size = sizeof(struct xt_connlimit_info),
	.userspacesize = offsetof(struct xt_connlimit_info, data), .init = connlimit_init,
	.opts = connlimit_opts, .parse = connlimit_parse, .final_check = connlimit_final,
	.print = connlimit_print, .save = connlimit_save,
};
