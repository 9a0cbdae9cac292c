/* The tool side of -m policy (iptables' extensions/libxt_policy.c): --dir
 * in|out, --pol none|ipsec, --strict, and per policy element [!] --reqid,
 * [!] --spi, [!] --proto ah|esp|ipcomp, [!] --mode transport|tunnel,
 * [!] --tunnel-src/--tunnel-dst ADDR[/MASK], --next.  -L and -S text as
 * iptables 1.8.9 prints them. */
#include <netdb.h>
#include <string.h>
#include <netinet/in.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_policy.h"

enum {
	O_DIRECTION, O_POLICY, O_STRICT, O_REQID, O_SPI, O_PROTO, O_MODE, O_TUNNELSRC,
	O_TUNNELDST, O_NEXT,
};

static const struct xt_option policy_opts[] = {
	{ "dir", O_DIRECTION, true }, { "pol", O_POLICY, true }, { "strict", O_STRICT, false },
	{ "reqid", O_REQID, true }, { "spi", O_SPI, true }, { "tunnel-src", O_TUNNELSRC, true },
	{ "tunnel-dst", O_TUNNELDST, true }, { "proto", O_PROTO, true },
	{ "mode", O_MODE, true }, { "next", O_NEXT, false }, { NULL, 0, false },
};

static const char *const policy_names[] = {
	"dir", "pol", "strict", "reqid", "spi", "proto", "mode", "tunnel-src", "tunnel-dst",
	"next",
};

/* libxtables' generic checks: inversion, and once for the non-MULTI options */
static int policy_precheck(struct xt_parse *p, int id, bool inv)
{
	bool multi = id >= O_REQID;

	if (inv && (id <= O_STRICT || id == O_NEXT))
		return xt_param_error(p, "policy: option \"--%s\" cannot be inverted.\n",
				      policy_names[id]);
	if (!multi && (p->xflags & (1u << id)))
		return xt_param_error(p, "policy: option \"--%s\" can only be used once.\n",
				      policy_names[id]);
	return 0;
}

static int policy_parse_flag(struct xt_parse *p, int id, const char *arg, u16 *flags)
{
	if (id == O_DIRECTION) {
		if (!strcmp(arg, "in"))
			*flags |= XT_POLICY_MATCH_IN;
		else if (!strcmp(arg, "out"))
			*flags |= XT_POLICY_MATCH_OUT;
		else
			return xt_param_error(p, "policy_match: invalid dir \"%s\"", arg);
	} else if (id == O_POLICY) {
		if (!strcmp(arg, "none"))
			*flags |= XT_POLICY_MATCH_NONE;
		else if (strcmp(arg, "ipsec"))
			return xt_param_error(p, "policy match: invalid policy \"%s\"", arg);
	} else {
		*flags |= XT_POLICY_MATCH_STRICT;
	}
	return 0;
}

static int policy_parse_u32(struct xt_parse *p, int id, const char *arg, u32 *v)
{
	unsigned int n;

	if (!xtables_strtoui(arg, &n, 0, 0xFFFFFFFFu))
		return xt_param_error(p, "policy: bad value for option \"--%s\", or out of range "
				      "(0-4294967295).\n", policy_names[id]);
	*v = n;
	return 0;
}

static int policy_parse_proto(struct xt_parse *p, const char *arg, u8 *proto)
{
	struct protoent *pe;
	unsigned int v;

	if (xtables_strtoui(arg, &v, 0, 255)) {
		*proto = (u8)v;
	} else if (!strcmp(arg, "all")) {
		*proto = 0;
	} else {
		pe = getprotobyname(arg);
		if (!pe)
			return xt_param_error(p, "unknown protocol \"%s\" specified", arg);
		*proto = (u8)pe->p_proto;
	}
	if (*proto != IPPROTO_AH && *proto != IPPROTO_ESP && *proto != 108)
		return xt_param_error(p, "policy match: protocol must be ah/esp/ipcomp");
	return 0;
}

static int policy_parse_mode(struct xt_parse *p, const char *arg, u8 *mode)
{
	if (!strcmp(arg, "transport"))
		*mode = XT_POLICY_MODE_TRANSPORT;
	else if (!strcmp(arg, "tunnel"))
		*mode = XT_POLICY_MODE_TUNNEL;
	else
		return xt_param_error(p, "policy match: invalid mode \"%s\"", arg);
	return 0;
}

static int policy_parse_addr(struct xt_parse *p, int id, const char *arg, __be32 *addr,
			     __be32 *mask)
{
	int rc = xtables_parse_hostmask(arg, addr, mask);

	return rc ? xtables_hostmask_error(p, rc, "policy", policy_names[id], arg) : 0;
}

/* One option of the current element; "double --X" when it has one. */
static int policy_parse_elem(struct xt_parse *p, int id, const char *arg, bool inv,
			     struct xt_policy_elem *e)
{
	struct xt_policy_spec seen = e->match;

	if ((id == O_REQID && seen.reqid) || (id == O_SPI && seen.spi) ||
	    (id == O_TUNNELSRC && seen.saddr) || (id == O_TUNNELDST && seen.daddr) ||
	    (id == O_PROTO && seen.proto) || (id == O_MODE && seen.mode))
		return xt_param_error(p, "policy match: double --%s option", policy_names[id]);
	switch (id) {
	case O_REQID:
		e->match.reqid = 1, e->invert.reqid = inv;
		return policy_parse_u32(p, id, arg, &e->reqid);
	case O_SPI:
		e->match.spi = 1, e->invert.spi = inv;
		return policy_parse_u32(p, id, arg, &e->spi);
	case O_TUNNELSRC:
		e->match.saddr = 1, e->invert.saddr = inv;
		return policy_parse_addr(p, id, arg, &e->saddr, &e->smask);
	case O_TUNNELDST:
		e->match.daddr = 1, e->invert.daddr = inv;
		return policy_parse_addr(p, id, arg, &e->daddr, &e->dmask);
	case O_PROTO:
		if (policy_parse_proto(p, arg, &e->proto))
			return -1;
		e->match.proto = 1, e->invert.proto = inv;
		return 0;
	case O_MODE:
		e->match.mode = 1, e->invert.mode = inv;
		return policy_parse_mode(p, arg, &e->mode);
	}
	return 0;
}

static int policy_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_policy_info *info = data;

	if (policy_precheck(p, id, inv))
		return -1;
	if (id <= O_STRICT)
		return policy_parse_flag(p, id, arg, &info->flags);
	if (id == O_NEXT) {
		if (++info->len == XT_POLICY_MAX_ELEM)
			return xt_param_error(p, "policy match: maximum policy depth reached");
		return 0;
	}
	return policy_parse_elem(p, id, arg, inv, &info->pol[info->len]);
}

static int policy_check_elem(struct xt_parse *p, const struct xt_policy_info *info,
			     unsigned int i)
{
	const struct xt_policy_elem *e = &info->pol[i];

	if ((info->flags & XT_POLICY_MATCH_STRICT) &&
	    !(e->match.reqid || e->match.spi || e->match.saddr || e->match.daddr ||
	      e->match.proto || e->match.mode))
		return xt_param_error(p, "policy match: empty policy element %u. --strict is in "
				      "effect, but at least one of reqid, spi, tunnel-src, "
				      "tunnel-dst, proto or mode is required.", i);
	if ((e->match.saddr || e->match.daddr) &&
	    ((e->mode == XT_POLICY_MODE_TUNNEL && e->invert.mode) ||
	     (e->mode == XT_POLICY_MODE_TRANSPORT && !e->invert.mode)))
		return xt_param_error(p, "policy match: --tunnel-src/--tunnel-dst is only valid in "
				      "tunnel mode");
	return 0;
}

/* policy_check(), then the option table's "also requires" (--next needs
 * --strict), as xtables_option_mfcall() orders them. */
static int policy_final(struct xt_parse *p, void *data)
{
	struct xt_policy_info *info = data;

	if (!(info->flags & (XT_POLICY_MATCH_IN | XT_POLICY_MATCH_OUT)))
		return xt_param_error(p, "policy match: neither --dir in nor --dir out specified");
	if (info->flags & XT_POLICY_MATCH_NONE) {
		if (info->flags & XT_POLICY_MATCH_STRICT)
			return xt_param_error(p, "policy match: policy none but --strict given");
		if (info->len != 0)
			return xt_param_error(p, "policy match: policy none but policy given");
	} else {
		info->len++;
	}
	for (unsigned int i = 0; i < info->len; i++)
		if (policy_check_elem(p, info, i))
			return -1;
	if ((p->xflags & (1u << O_NEXT)) && !(p->xflags & (1u << O_STRICT)))
		return xt_param_error(p, "policy: option \"--next\" also requires \"--strict\".\n");
	return 0;
}

static void policy_show_addr(FILE *out, const char *inv, const char *pfx, const char *name,
			     __be32 addr, __be32 mask)
{
	char a[16], m[16];
	int bits = xtables_mask_to_bits(mask);

	fprintf(out, "%s %s%s %s", inv, pfx, name, xtables_ipaddr_to_buf(addr, a));
	if (bits < 0)
		fprintf(out, "/%s", xtables_ipaddr_to_buf(mask, m));
	else if (bits != 32)
		fprintf(out, "/%d", bits);
}

static void policy_show_proto(FILE *out, const char *inv, const char *pfx, u8 proto,
			      bool numeric)
{
	struct protoent *pe = numeric ? NULL : getprotobynumber(proto);

	if (pe)
		fprintf(out, "%s %sproto %s", inv, pfx, pe->p_name);
	else
		fprintf(out, "%s %sproto %u", inv, pfx, proto);
}

static void policy_show_elem(FILE *out, const char *pfx, const struct xt_policy_elem *e,
			     bool numeric)
{
#define NOT(f) (e->invert.f ? " !" : "")
	if (e->match.reqid)
		fprintf(out, "%s %sreqid %u", NOT(reqid), pfx, e->reqid);
	if (e->match.spi)
		fprintf(out, "%s %sspi 0x%x", NOT(spi), pfx, e->spi);
	if (e->match.proto)
		policy_show_proto(out, NOT(proto), pfx, e->proto, numeric);
	if (e->match.mode)
		fprintf(out, "%s %smode %s", NOT(mode), pfx,
			e->mode == XT_POLICY_MODE_TRANSPORT ? "transport" :
			e->mode == XT_POLICY_MODE_TUNNEL ? "tunnel" : "???");
	if (e->match.daddr)
		policy_show_addr(out, NOT(daddr), pfx, "tunnel-dst", e->daddr, e->dmask);
	if (e->match.saddr)
		policy_show_addr(out, NOT(saddr), pfx, "tunnel-src", e->saddr, e->smask);
#undef NOT
}

static void policy_show_flags(FILE *out, const char *pfx, const struct xt_policy_info *info)
{
	fprintf(out, " %sdir %s", pfx, (info->flags & XT_POLICY_MATCH_IN) ? "in" : "out");
	fprintf(out, " %spol %s", pfx, (info->flags & XT_POLICY_MATCH_NONE) ? "none" : "ipsec");
	if (info->flags & XT_POLICY_MATCH_STRICT)
		fprintf(out, " %sstrict", pfx);
}

static void policy_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_policy_info *info = data;

	(void)ip;
	fputs(" policy match", out);
	policy_show_flags(out, "", info);
	for (unsigned int i = 0; i < info->len && i < XT_POLICY_MAX_ELEM; i++) {
		if (info->len > 1)
			fprintf(out, " [%u]", i);
		policy_show_elem(out, "", &info->pol[i], numeric);
	}
}

static void policy_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_policy_info *info = data;

	(void)ip;
	policy_show_flags(out, "--", info);
	for (unsigned int i = 0; i < info->len && i < XT_POLICY_MAX_ELEM; i++) {
		policy_show_elem(out, "--", &info->pol[i], false);
		if (i + 1 < info->len)
			fputs(" --next", out);
	}
}

const struct xtables_match libxt_policy = {
	.name = "policy", .family = NFPROTO_IPV4, .size = sizeof(struct xt_policy_info),
	.opts = policy_opts, .parse = policy_parse, .final_check = policy_final,
	.print = policy_print, .save = policy_save,
};
