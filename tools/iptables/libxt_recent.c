/* The tool side of -m recent, revision 1 (iptables' libxt_recent.c). */
#include <stddef.h>
#include <string.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_more.h"

enum { O_SET, O_RCHECK, O_UPDATE, O_REMOVE, O_SECONDS, O_REAP, O_HITCOUNT, O_RTTL, O_NAME,
       O_RSOURCE, O_RDEST, O_MASK };

static const struct xt_option recent_opts[] = {
	{ "set", O_SET, false }, { "rcheck", O_RCHECK, false }, { "update", O_UPDATE, false },
	{ "remove", O_REMOVE, false }, { "seconds", O_SECONDS, true }, { "reap", O_REAP, false },
	{ "hitcount", O_HITCOUNT, true }, { "rttl", O_RTTL, false }, { "name", O_NAME, true },
	{ "rsource", O_RSOURCE, false }, { "rdest", O_RDEST, false }, { "mask", O_MASK, true },
	{ NULL, 0, false },
};

static const char *const recent_names[] = { "set", "rcheck", "update", "remove", "seconds",
					    "reap", "hitcount", "rttl", "name", "rsource", "rdest",
					    "mask" };

#define F_ANY_OP (1u << O_SET | 1u << O_RCHECK | 1u << O_UPDATE | 1u << O_REMOVE)

static int recent_number(struct xt_parse *p, int id, const char *arg, unsigned int min, u32 *v)
{
	if (!xtables_strtoui(arg, v, min, 0xFFFFFFFFu))
		return xt_param_error(p, "recent: bad value for option \"--%s\", or out of range "
				      "(%u-4294967295).\n", recent_names[id], min);
	return 0;
}

static int recent_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	static const u8 ops[] = { XT_RECENT_SET, XT_RECENT_CHECK, XT_RECENT_UPDATE,
				  XT_RECENT_REMOVE };
	struct xt_recent_mtinfo_v1 *r = data;

	if (inv && id > O_REMOVE)
		return xt_param_error(p, "recent: option \"--%s\" cannot be inverted.\n",
				      recent_names[id]);
	switch (id) {
	case O_SET: case O_RCHECK: case O_UPDATE: case O_REMOVE:
		if (p->xflags & F_ANY_OP & ~(1u << id))
			for (int o = 0; o <= O_REMOVE; o++)
				if (p->xflags & (1u << o))
					return xtables_excl_error(p, "recent", recent_names[o],
								  recent_names[id]);
		r->check_set |= ops[id];
		r->invert |= inv;
		return 0;
	case O_SECONDS: return recent_number(p, id, arg, 1, &r->seconds);
	case O_HITCOUNT: return recent_number(p, id, arg, 0, &r->hit_count);
	case O_REAP: r->check_set |= XT_RECENT_REAP; return 0;
	case O_RTTL: r->check_set |= XT_RECENT_TTL; return 0;
	case O_RSOURCE: r->side = XT_RECENT_SOURCE; return 0;
	case O_RDEST: r->side = XT_RECENT_DEST; return 0;
	case O_NAME:
		if (strlen(arg) >= sizeof(r->name))
			return xt_param_error(p, "recent: option \"--name\" argument too long");
		snprintf(r->name, sizeof(r->name), "%s", arg);
		return 0;
	}
	if (!xtables_parse_ipaddr(arg, &r->mask))
		return xt_param_error(p, "host/network `%s' not found", arg);
	return 0;
}

static void recent_init(void *data)
{
	struct xt_recent_mtinfo_v1 *r = data;

	snprintf(r->name, sizeof(r->name), "DEFAULT");
	r->side = XT_RECENT_SOURCE;
	r->mask = 0xFFFFFFFFu;
}

static int recent_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!(p->xflags & F_ANY_OP))
		return xt_param_error(p, "recent: you must specify one of `--set', `--rcheck' "
				      "`--update' or `--remove'");
	if ((p->xflags & 1u << O_REAP) && !(p->xflags & 1u << O_SECONDS))
		return xt_param_error(p, "recent: option \"--reap\" also requires \"--seconds\".\n");
	if ((p->xflags & 1u << O_RTTL) && (p->xflags & (1u << O_SET | 1u << O_REMOVE)))
		return xtables_excl_error(p, "recent", "rttl",
					  (p->xflags & 1u << O_SET) ? "set" : "remove");
	return 0;
}

static void recent_show(FILE *out, const struct xt_recent_mtinfo_v1 *r, bool save)
{
	static const char *const ops_l[] = { " CHECK", " SET", " UPDATE", " REMOVE" };
	static const char *const ops_s[] = { " --rcheck", " --set", " --update", " --remove" };
	char mask[16];

	if (r->invert)
		fputs(" !", out);
	if (!save)
		fputs(" recent:", out);
	for (int i = 0; i < 4; i++)
		if (r->check_set & (1u << i))
			fputs(save ? ops_s[i] : ops_l[i], out);
	if (r->seconds)
		fprintf(out, save ? " --seconds %d" : " seconds: %d", (int)r->seconds);
	if (r->check_set & XT_RECENT_REAP)
		fputs(save ? " --reap" : " reap", out);
	if (r->hit_count)
		fprintf(out, save ? " --hitcount %d" : " hit_count: %d", (int)r->hit_count);
	if (r->check_set & XT_RECENT_TTL)
		fputs(save ? " --rttl" : " TTL-Match", out);
	fprintf(out, save ? " --name %s" : " name: %s", r->name);
	xtables_ipaddr_to_buf(r->mask, mask);
	if (save)
		fprintf(out, " --mask %s%s", mask,
			r->side == XT_RECENT_DEST ? " --rdest" : " --rsource");
	else
		fprintf(out, " side: %s mask: %s", r->side == XT_RECENT_DEST ? "dest" : "source",
			mask);
}

static void recent_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	recent_show(out, data, false);
}

static void recent_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	recent_show(out, data, true);
}

const struct xtables_match libxt_recent = {
	.name = "recent", .revision = 1, .family = NFPROTO_IPV4,
	.size = sizeof(struct xt_recent_mtinfo_v1), .init = recent_init, .opts = recent_opts,
	.parse = recent_parse, .final_check = recent_final, .print = recent_print,
	.save = recent_save, .userspacesize = offsetof(struct xt_recent_mtinfo_v1, table),
};
