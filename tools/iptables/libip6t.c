/* ip6tables' own extensions (iptables' extensions/libip6t_*.c): icmp6, hl,
 * ipv6header, frag, hbh, dst, rt, mh, ah, eui64, srh and the targets REJECT
 * (ICMPv6 codes), HL, SNPT and DNPT; options, and how -L, -S and ip6tables-save show
 * them, as ip6tables 1.8.9 (nf_tables) prints.  The bytes filled are the
 * kernel's info structs (include/uapi/linux/netfilter_ipv6/ip6t.h). */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "xtables.h"
#include "uapi/linux/netfilter_ipv6/ip6t.h"
#include "net/ipv6.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* xtables_option_parse(): an option given twice */
static int twice(struct xt_parse *p, const char *ext, int id, const char *opt)
{
	if (p->xflags & (1u << id))
		return xt_param_error(p, "%s: option \"--%s\" can only be used once.\n", ext, opt);
	return 0;
}

static int parse_u32(struct xt_parse *p, const char *ext, const char *opt, const char *arg,
		     u32 *v)
{
	unsigned int x;

	if (!xtables_strtoui(arg, &x, 0, 0xFFFFFFFFu))
		return xt_param_error(p, "%s: bad value for option \"--%s\", or out of range "
				      "(0-4294967295).\n", ext, opt);
	*v = x;
	return 0;
}

/* XTTYPE_UINT32RC into a [2]: one value sets both ends */
static int parse_u32_range(struct xt_parse *p, const char *ext, const char *opt,
			   const char *arg, u32 out[2])
{
	unsigned int v[2], n;

	if (xtables_parse_range(p, ext, opt, arg, 0xFFFFFFFFu, v, &n))
		return -1;
	out[0] = v[0];
	out[1] = n == 1 ? v[0] : v[1];
	return 0;
}

/* ---- icmp6 ---- */
struct icmp6_name {
	const char *name;
	u8 type, code_min, code_max;
};

static const struct icmp6_name icmpv6_codes[] = {
	{ "destination-unreachable", 1, 0, 0xFF },
	{ "no-route", 1, 0, 0 },
	{ "communication-prohibited", 1, 1, 1 },
	{ "beyond-scope", 1, 2, 2 },
	{ "address-unreachable", 1, 3, 3 },
	{ "port-unreachable", 1, 4, 4 },
	{ "failed-policy", 1, 5, 5 },
	{ "reject-route", 1, 6, 6 },
	{ "packet-too-big", 2, 0, 0xFF },
	{ "time-exceeded", 3, 0, 0xFF },
	{ "ttl-exceeded", 3, 0, 0xFF },
	{ "ttl-zero-during-transit", 3, 0, 0 },
	{ "ttl-zero-during-reassembly", 3, 1, 1 },
	{ "parameter-problem", 4, 0, 0xFF },
	{ "bad-header", 4, 0, 0 },
	{ "unknown-header-type", 4, 1, 1 },
	{ "unknown-option", 4, 2, 2 },
	{ "echo-request", 128, 0, 0xFF },
	{ "ping", 128, 0, 0xFF },
	{ "echo-reply", 129, 0, 0xFF },
	{ "pong", 129, 0, 0xFF },
	{ "router-solicitation", 133, 0, 0xFF },
	{ "router-advertisement", 134, 0, 0xFF },
	{ "neighbour-solicitation", 135, 0, 0xFF },
	{ "neighbor-solicitation", 135, 0, 0xFF },
	{ "neighbour-advertisement", 136, 0, 0xFF },
	{ "neighbor-advertisement", 136, 0, 0xFF },
	{ "redirect", 137, 0, 0xFF },
};

static const struct xt_option icmp6_opts[] = { { "icmpv6-type", 0, true }, { NULL, 0, false } };

static void icmp6_init(void *data)
{
	((struct ip6t_icmp *)data)->code[1] = 0xFF;
}

/* parse_range() of libxt_icmp.h: "N" or "N:M" */
static const char *icmp6_range(const char *s, unsigned int v[2])
{
	char *end;
	unsigned long x = strtoul(s, &end, 0);

	if (end == s || x > 255)
		return NULL;
	v[0] = v[1] = (unsigned int)x;
	if (*end == ':') {
		const char *t = end + 1;

		x = strtoul(t, &end, 0);
		if (end == t || x > 255)
			return NULL;
		v[1] = (unsigned int)x;
	}
	return end;
}

/* __parse_icmp(): a name (unambiguous prefix), or TYPE[/CODE] */
static int icmp6_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ip6t_icmp *ic = data;
	size_t match = ARRAY_LEN(icmpv6_codes), len = strlen(arg);
	unsigned int t[2], c[2];
	const char *next;

	if (twice(p, "icmp6", id, "icmpv6-type"))
		return -1;
	for (size_t i = 0; i < ARRAY_LEN(icmpv6_codes); i++) {
		if (strncasecmp(icmpv6_codes[i].name, arg, len))
			continue;
		if (match != ARRAY_LEN(icmpv6_codes))
			return xt_param_error(p, "Ambiguous ICMPv6 type `%s': `%s' or `%s'?", arg,
					      icmpv6_codes[match].name, icmpv6_codes[i].name);
		match = i;
	}
	if (match < ARRAY_LEN(icmpv6_codes)) {
		ic->type = icmpv6_codes[match].type;
		ic->code[0] = icmpv6_codes[match].code_min;
		ic->code[1] = icmpv6_codes[match].code_max;
	} else {
		next = icmp6_range(arg, t);
		if (!next)
			return xt_param_error(p, "Unknown ICMPv6 type `%s'", arg);
		ic->code[0] = 0;
		ic->code[1] = 0xFF;
		if (*next == '/') {
			next = icmp6_range(next + 1, c);
			if (!next)
				return xt_param_error(p, "Unknown ICMPv6 code `%s'", arg);
			ic->code[0] = (u8)c[0];
			ic->code[1] = (u8)c[1];
		}
		if (*next)
			return xt_param_error(p, "unknown character %c", *next);
		if (t[0] != t[1])
			return xt_param_error(p, "ICMPv6 type range not supported");
		ic->type = (u8)t[0];
	}
	ic->invflags |= inv ? IP6T_ICMP_INV : 0;
	return 0;
}

static void icmp6_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct ip6t_icmp *ic = data;
	bool inv = ic->invflags & IP6T_ICMP_INV;

	(void)ip;
	fputs(" ipv6-icmp", out);
	for (size_t i = 0; !numeric && i < ARRAY_LEN(icmpv6_codes); i++)
		if (icmpv6_codes[i].type == ic->type && icmpv6_codes[i].code_min == ic->code[0] &&
		    icmpv6_codes[i].code_max == ic->code[1]) {
			fprintf(out, " %s%s", inv ? "!" : "", icmpv6_codes[i].name);
			return;
		}
	if (inv)
		fputs(" !", out);
	fprintf(out, "type %u", ic->type);
	if (ic->code[0] == ic->code[1])
		fprintf(out, " code %u", ic->code[0]);
	else if (ic->code[0] != 0 || ic->code[1] != 0xFF)
		fprintf(out, " codes %u-%u", ic->code[0], ic->code[1]);
}

static void icmp6_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ip6t_icmp *ic = data;

	(void)ip;
	if (ic->invflags & IP6T_ICMP_INV)
		fputs(" !", out);
	fprintf(out, " --icmpv6-type %u", ic->type);
	if (ic->code[0] != 0 || ic->code[1] != 0xFF)
		fprintf(out, "/%u", ic->code[0]);
}

static const struct xtables_match libip6t_icmp6 = {
	.name = "icmp6", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_icmp),
	.init = icmp6_init, .opts = icmp6_opts, .parse = icmp6_parse, .print = icmp6_print,
	.save = icmp6_save, .mand = 1,
};

/* ---- hl ---- */
enum { O_HL_EQ, O_HL_LT, O_HL_GT, O_HL };

static const char *const hl_opt_names[] = { "hl-eq", "hl-lt", "hl-gt", "hl" };

static const struct xt_option hl_opts[] = {
	{ "hl-lt", O_HL_LT, true }, { "hl-gt", O_HL_GT, true }, { "hl-eq", O_HL_EQ, true },
	{ "hl", O_HL, true }, { NULL, 0, false },
};

static int hl_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ip6t_hl_info *info = data;
	unsigned int v;

	if (twice(p, "hl", id, hl_opt_names[id]))
		return -1;
	for (int o = 0; o < 4; o++)
		if (o != id && (p->xflags & (1u << o)))
			return xtables_excl_error(p, "hl", hl_opt_names[o], hl_opt_names[id]);
	if (inv && id != O_HL_EQ)
		return xt_param_error(p, "hl: option \"--%s\" cannot be inverted.", hl_opt_names[id]);
	if (!xtables_strtoui(arg, &v, 0, 255))
		return xt_param_error(p, "hl: bad value for option \"--%s\", or out of range "
				      "(0-255).\n", hl_opt_names[id]);
	info->hop_limit = (u8)v;
	info->mode = id == O_HL_LT ? IP6T_HL_LT : id == O_HL_GT ? IP6T_HL_GT :
		     inv ? IP6T_HL_NE : IP6T_HL_EQ;
	return 0;
}

static int hl_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!(p->xflags & 7))
		return xt_param_error(p, "HL match: You must specify one of `--hl-eq', `--hl-lt', "
				      "`--hl-gt'");
	return 0;
}

static void hl_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	static const char *const op[] = { "==", "!=", "<", ">" };
	const struct ip6t_hl_info *info = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " HL match HL %s %u", op[info->mode & 3], info->hop_limit);
}

static void hl_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	static const char *const op[] = { "--hl-eq", "! --hl-eq", "--hl-lt", "--hl-gt" };
	const struct ip6t_hl_info *info = data;

	(void)ip;
	fprintf(out, " %s %u", op[info->mode & 3], info->hop_limit);
}

static const struct xtables_match libip6t_hl = {
	.name = "hl", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_hl_info),
	.opts = hl_opts, .parse = hl_parse, .final_check = hl_final, .print = hl_print,
	.save = hl_save,
};

/* ---- ipv6header ---- */
static const struct { const char *name; u8 num; } hdr_names[] = {
	{ "hop-by-hop", 0 }, { "protocol", 255 }, { "hop", 0 }, { "dst", 60 }, { "route", 43 },
	{ "frag", 44 }, { "auth", 51 }, { "esp", 50 }, { "none", 59 }, { "prot", 255 },
	{ "0", 0 }, { "60", 60 }, { "43", 43 }, { "44", 44 }, { "51", 51 }, { "50", 50 },
	{ "59", 59 }, { "255", 255 },
};

static const struct { u8 proto, flag; } hdr_flags[] = {
	{ 0, MASK_HOPOPTS }, { 60, MASK_DSTOPTS }, { 43, MASK_ROUTING }, { 44, MASK_FRAGMENT },
	{ 51, MASK_AH }, { 50, MASK_ESP }, { 59, MASK_NONE }, { 255, MASK_PROTO },
};

static const struct xt_option ipv6header_opts[] = {
	{ "header", 0, true }, { "soft", 1, false }, { NULL, 0, false },
};

static int ipv6header_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ip6t_ipv6header_info *info = data;
	char buf[256], *save = NULL;

	if (twice(p, "ipv6header", id, id ? "soft" : "header"))
		return -1;
	if (id == 1) {
		info->modeflag |= 0xFF;
		return 0;
	}
	snprintf(buf, sizeof(buf), "%s", arg);
	info->matchflags = 0;
	for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		const struct protoent *pe = getprotobyname(t);
		int proto = pe ? pe->p_proto : -1;
		size_t i;

		for (i = 0; proto < 0 && i < ARRAY_LEN(hdr_names); i++)
			if (!strcmp(t, hdr_names[i].name))
				proto = hdr_names[i].num;
		if (proto < 0)
			return xt_param_error(p, "unknown header `%s' specified", t);
		for (i = 0; i < ARRAY_LEN(hdr_flags) && hdr_flags[i].proto != proto; i++)
			;
		if (i == ARRAY_LEN(hdr_flags))
			return xt_param_error(p, "unknown header `%d' specified", proto);
		info->matchflags |= hdr_flags[i].flag;
	}
	if (!info->matchflags)
		return xt_param_error(p, "ip6t_ipv6header: cannot parse header names");
	if (inv)
		info->invflags |= 0xFF;
	return 0;
}

/* proto_to_name(proto, 0): /etc/protocols first, then the short names */
static void print_header_names(FILE *out, u8 flags)
{
	bool have = false;

	while (flags) {
		size_t i;
		const struct protoent *pe;

		for (i = 0; !(flags & hdr_flags[i].flag); i++)
			;
		if (have)
			fputc(',', out);
		pe = hdr_flags[i].proto ? getprotobynumber(hdr_flags[i].proto) : NULL;
		if (pe) {
			fputs(pe->p_name, out);
		} else {
			for (size_t k = 0; k < ARRAY_LEN(hdr_names); k++)
				if (hdr_names[k].num == hdr_flags[i].proto) {
					fputs(hdr_names[k].name, out);
					break;
				}
		}
		have = true;
		flags &= (u8)~hdr_flags[i].flag;
	}
	if (!have)
		fputs("NONE", out);
}

static void ipv6header_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct ip6t_ipv6header_info *info = data;

	(void)ip;
	fputs(" ipv6header", out);
	if (info->matchflags || info->invflags) {
		fprintf(out, " flags:%s", info->invflags ? "!" : "");
		if (numeric)
			fprintf(out, "0x%02X", info->matchflags);
		else
			print_header_names(out, info->matchflags);
	}
	if (info->modeflag)
		fputs(" soft", out);
}

static void ipv6header_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ip6t_ipv6header_info *info = data;

	(void)ip;
	fprintf(out, "%s --header ", info->invflags ? " !" : "");
	print_header_names(out, info->matchflags);
	if (info->modeflag)
		fputs(" --soft", out);
}

static const struct xtables_match libip6t_ipv6header = {
	.name = "ipv6header", .family = NFPROTO_IPV6,
	.size = sizeof(struct ip6t_ipv6header_info), .opts = ipv6header_opts,
	.parse = ipv6header_parse, .print = ipv6header_print, .save = ipv6header_save, .mand = 1,
};

/* ---- frag ---- */
enum { O_FRAGID, O_FRAGLEN, O_FRAGRES, O_FRAGFIRST, O_FRAGMORE, O_FRAGLAST };

static const char *const frag_opt_names[] = {
	"fragid", "fraglen", "fragres", "fragfirst", "fragmore", "fraglast",
};

static const struct xt_option frag_opts[] = {
	{ "fragid", O_FRAGID, true }, { "fraglen", O_FRAGLEN, true },
	{ "fragres", O_FRAGRES, false }, { "fragfirst", O_FRAGFIRST, false },
	{ "fragmore", O_FRAGMORE, false }, { "fraglast", O_FRAGLAST, false },
	{ NULL, 0, false },
};

static void frag_init(void *data)
{
	((struct ip6t_frag *)data)->ids[1] = ~0U;
}

static int frag_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ip6t_frag *f = data;

	if (twice(p, "frag", id, frag_opt_names[id]))
		return -1;
	if ((id == O_FRAGMORE && (p->xflags & (1u << O_FRAGLAST))) ||
	    (id == O_FRAGLAST && (p->xflags & (1u << O_FRAGMORE))))
		return xtables_excl_error(p, "frag", frag_opt_names[id == O_FRAGMORE ?
				O_FRAGLAST : O_FRAGMORE], frag_opt_names[id]);
	if (inv && id != O_FRAGID && id != O_FRAGLEN)
		return xt_param_error(p, "frag: option \"--%s\" cannot be inverted.",
				      frag_opt_names[id]);
	switch (id) {
	case O_FRAGID:
		if (parse_u32_range(p, "frag", "fragid", arg, f->ids))
			return -1;
		f->invflags |= inv ? IP6T_FRAG_INV_IDS : 0;
		f->flags |= IP6T_FRAG_IDS;
		break;
	case O_FRAGLEN:
		if (parse_u32(p, "frag", "fraglen", arg, &f->hdrlen))
			return -1;
		f->invflags |= inv ? IP6T_FRAG_INV_LEN : 0;
		f->flags |= IP6T_FRAG_LEN;
		break;
	case O_FRAGRES:
		f->flags |= IP6T_FRAG_RES;
		break;
	case O_FRAGFIRST:
		f->flags |= IP6T_FRAG_FST;
		break;
	case O_FRAGMORE:
		f->flags |= IP6T_FRAG_MF;
		break;
	case O_FRAGLAST:
		f->flags |= IP6T_FRAG_NMF;
		break;
	}
	return 0;
}

/* print_ids() / print_spis() / print_nums(): a range unless it is all */
static void print_range(FILE *out, const char *lead, const char *name, u32 min, u32 max,
			bool inv)
{
	if (min == 0 && max == 0xFFFFFFFFu && !inv)
		return;
	fprintf(out, "%s%s", lead, name);
	if (min == max)
		fprintf(out, ":%s%u", inv ? "!" : "", min);
	else
		fprintf(out, "s:%s%u:%u", inv ? "!" : "", min, max);
}

static void save_range(FILE *out, const char *opt, const u32 v[2], bool inv)
{
	if (v[0] == 0 && v[1] == 0xFFFFFFFFu)
		return;
	fprintf(out, "%s --%s ", inv ? " !" : "", opt);
	if (v[0] != v[1])
		fprintf(out, "%u:%u", v[0], v[1]);
	else
		fprintf(out, "%u", v[0]);
}

static void frag_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct ip6t_frag *f = data;

	(void)ip;
	(void)numeric;
	fputs(" frag ", out);
	print_range(out, "", "id", f->ids[0], f->ids[1], f->invflags & IP6T_FRAG_INV_IDS);
	if (f->flags & IP6T_FRAG_LEN)
		fprintf(out, " length:%s%u", (f->invflags & IP6T_FRAG_INV_LEN) ? "!" : "",
			f->hdrlen);
	if (f->flags & IP6T_FRAG_RES)
		fputs(" reserved", out);
	if (f->flags & IP6T_FRAG_FST)
		fputs(" first", out);
	if (f->flags & IP6T_FRAG_MF)
		fputs(" more", out);
	if (f->flags & IP6T_FRAG_NMF)
		fputs(" last", out);
}

static void frag_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ip6t_frag *f = data;

	(void)ip;
	save_range(out, "fragid", f->ids, f->invflags & IP6T_FRAG_INV_IDS);
	if (f->flags & IP6T_FRAG_LEN)
		fprintf(out, "%s --fraglen %u", (f->invflags & IP6T_FRAG_INV_LEN) ? " !" : "",
			f->hdrlen);
	if (f->flags & IP6T_FRAG_RES)
		fputs(" --fragres", out);
	if (f->flags & IP6T_FRAG_FST)
		fputs(" --fragfirst", out);
	if (f->flags & IP6T_FRAG_MF)
		fputs(" --fragmore", out);
	if (f->flags & IP6T_FRAG_NMF)
		fputs(" --fraglast", out);
}

static const struct xtables_match libip6t_frag = {
	.name = "frag", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_frag),
	.init = frag_init, .opts = frag_opts, .parse = frag_parse, .print = frag_print,
	.save = frag_save,
};

/* ---- hbh / dst ---- */
static const struct xt_option hbh_opts[] = {
	{ "hbh-len", 0, true }, { "hbh-opts", 1, true }, { NULL, 0, false },
};

static const struct xt_option dst_opts[] = {
	{ "dst-len", 0, true }, { "dst-opts", 1, true }, { NULL, 0, false },
};

/* parse_opts_num() */
static int opts_num(struct xt_parse *p, const char *ext, const char *s, const char *what,
		    unsigned long *v)
{
	char *end;

	errno = 0;
	*v = strtoul(s, &end, 0);
	if (end == s)
		return xt_param_error(p, "%s: no valid digits in %s `%s'", ext, what, s);
	if (*v == ULONG_MAX && errno == ERANGE)
		return xt_param_error(p, "%s `%s' specified too big: would overflow", what, s);
	if (*end)
		return xt_param_error(p, "%s: error parsing %s `%s'", ext, what, s);
	return 0;
}

/* parse_options(): "TYPE[:LEN],..." (16 at most) */
static int opts_list(struct xt_parse *p, const char *ext, const char *arg, struct ip6t_opts *o)
{
	char buf[512], *cp = buf, *next;
	unsigned int i;

	snprintf(buf, sizeof(buf), "%s", arg);
	for (i = 0; cp && i < IP6T_OPTS_OPTSNR; cp = next, i++) {
		char *range;
		unsigned long v;

		next = strchr(cp, ',');
		if (next)
			*next++ = '\0';
		range = strchr(cp, ':');
		if (range) {
			if (i == IP6T_OPTS_OPTSNR - 1)
				return xt_param_error(p, "too many ports specified");
			*range++ = '\0';
		}
		if (opts_num(p, ext, cp, "opt", &v))
			return -1;
		o->opts[i] = (u16)((v & 0xFF) << 8);
		if (range) {
			if (o->opts[i] == 0)
				return xt_param_error(p, "PAD0 has not got length");
			if (opts_num(p, ext, range, "length", &v))
				return -1;
			o->opts[i] |= (u16)(v & 0xFF);
		} else {
			o->opts[i] |= 0xFF;
		}
	}
	if (cp)
		return xt_param_error(p, "too many addresses specified");
	o->optsnr = (u8)i;
	return 0;
}

static int opts_parse(struct xt_parse *p, const char *ext, const char *const names[2], int id,
		      const char *arg, bool inv, struct ip6t_opts *o)
{
	if (twice(p, ext, id, names[id]))
		return -1;
	if (id == 0) {
		if (parse_u32(p, ext, names[0], arg, &o->hdrlen))
			return -1;
		o->invflags |= inv ? IP6T_OPTS_INV_LEN : 0;
		o->flags |= IP6T_OPTS_LEN;
		return 0;
	}
	if (inv)
		return xt_param_error(p, "%s: option \"--%s\" cannot be inverted.", ext, names[1]);
	if (opts_list(p, ext, arg, o))
		return -1;
	o->flags |= IP6T_OPTS_OPTS;
	return 0;
}

static int hbh_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	static const char *const names[] = { "hbh-len", "hbh-opts" };

	return opts_parse(p, "hbh", names, id, arg, inv, data);
}

static int dst_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	static const char *const names[] = { "dst-len", "dst-opts" };

	return opts_parse(p, "dst", names, id, arg, inv, data);
}

static void opts_items(FILE *out, const struct ip6t_opts *o)
{
	for (unsigned int i = 0; i < o->optsnr; i++) {
		fprintf(out, "%c%d", i == 0 ? ' ' : ',', (o->opts[i] & 0xFF00) >> 8);
		if ((o->opts[i] & 0xFF) != 0xFF)
			fprintf(out, ":%d", o->opts[i] & 0xFF);
	}
}

static void opts_print(FILE *out, const char *name, const struct ip6t_opts *o)
{
	fprintf(out, " %s", name);
	if (o->flags & IP6T_OPTS_LEN)
		fprintf(out, " length:%s%u", (o->invflags & IP6T_OPTS_INV_LEN) ? "!" : "",
			o->hdrlen);
	if (o->flags & IP6T_OPTS_OPTS)
		fputs(" opts", out);
	opts_items(out, o);
}

static void opts_save(FILE *out, const char *name, const struct ip6t_opts *o)
{
	if (o->flags & IP6T_OPTS_LEN)
		fprintf(out, "%s --%s-len %u", (o->invflags & IP6T_OPTS_INV_LEN) ? " !" : "", name,
			o->hdrlen);
	if (o->flags & IP6T_OPTS_OPTS)
		fprintf(out, " --%s-opts", name);
	opts_items(out, o);
}

static void hbh_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	opts_print(out, "hbh", data);
}

static void hbh_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	opts_save(out, "hbh", data);
}

static void dst_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	opts_print(out, "dst", data);
}

static void dst_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	opts_save(out, "dst", data);
}

static const struct xtables_match libip6t_hbh = {
	.name = "hbh", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_opts),
	.opts = hbh_opts, .parse = hbh_parse, .print = hbh_print, .save = hbh_save,
};

static const struct xtables_match libip6t_dst = {
	.name = "dst", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_opts),
	.opts = dst_opts, .parse = dst_parse, .print = dst_print, .save = dst_save,
};

/* ---- rt ---- */
enum { O_RT_TYPE, O_RT_SEGSLEFT, O_RT_LEN, O_RT0RES, O_RT0ADDRS, O_RT0NSTRICT };

static const char *const rt_opt_names[] = {
	"rt-type", "rt-segsleft", "rt-len", "rt-0-res", "rt-0-addrs", "rt-0-not-strict",
};

static const struct xt_option rt_opts[] = {
	{ "rt-type", O_RT_TYPE, true }, { "rt-segsleft", O_RT_SEGSLEFT, true },
	{ "rt-len", O_RT_LEN, true }, { "rt-0-res", O_RT0RES, false },
	{ "rt-0-addrs", O_RT0ADDRS, true }, { "rt-0-not-strict", O_RT0NSTRICT, false },
	{ NULL, 0, false },
};

static void rt_init(void *data)
{
	((struct ip6t_rt *)data)->segsleft[1] = ~0U;
}

static int rt_addrs(struct xt_parse *p, const char *arg, struct ip6t_rt *rt)
{
	char buf[1024], *cp = buf, *next;
	unsigned int i;

	snprintf(buf, sizeof(buf), "%s", arg);
	for (i = 0; cp && i < IP6T_RT_HOPS; cp = next, i++) {
		next = strchr(cp, ',');
		if (next)
			*next++ = '\0';
		if (inet_pton(AF_INET6, cp, &rt->addrs[i]) != 1)
			return xt_param_error(p, "bad address: %s", cp);
	}
	if (cp)
		return xt_param_error(p, "too many addresses specified");
	rt->addrnr = (u8)i;
	return 0;
}

static int rt_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ip6t_rt *rt = data;
	bool type0 = (p->xflags & (1u << O_RT_TYPE)) && rt->rt_type == 0 &&
		     !(rt->invflags & IP6T_RT_INV_TYP);

	if (twice(p, "rt", id, rt_opt_names[id]))
		return -1;
	if (inv && id > O_RT_LEN)
		return xt_param_error(p, "rt: option \"--%s\" cannot be inverted.",
				      rt_opt_names[id]);
	switch (id) {
	case O_RT_TYPE:
		if (parse_u32(p, "rt", "rt-type", arg, &rt->rt_type))
			return -1;
		rt->invflags |= inv ? IP6T_RT_INV_TYP : 0;
		rt->flags |= IP6T_RT_TYP;
		break;
	case O_RT_SEGSLEFT:
		if (parse_u32_range(p, "rt", "rt-segsleft", arg, rt->segsleft))
			return -1;
		rt->invflags |= inv ? IP6T_RT_INV_SGS : 0;
		rt->flags |= IP6T_RT_SGS;
		break;
	case O_RT_LEN:
		if (parse_u32(p, "rt", "rt-len", arg, &rt->hdrlen))
			return -1;
		rt->invflags |= inv ? IP6T_RT_INV_LEN : 0;
		rt->flags |= IP6T_RT_LEN;
		break;
	case O_RT0RES:
		if (!type0)
			return xt_param_error(p, "`--rt-type 0' required before `--rt-0-res'");
		rt->flags |= IP6T_RT_RES;
		break;
	case O_RT0ADDRS:
		if (!type0)
			return xt_param_error(p, "`--rt-type 0' required before `--rt-0-addrs'");
		if (rt_addrs(p, arg, rt))
			return -1;
		rt->flags |= IP6T_RT_FST;
		break;
	case O_RT0NSTRICT:
		if (!(p->xflags & (1u << O_RT0ADDRS)))
			return xt_param_error(p, "`--rt-0-addr ...' required before "
					      "`--rt-0-not-strict'");
		rt->flags |= IP6T_RT_FST_NSTRICT;
		break;
	}
	return 0;
}

static void rt_addrs_out(FILE *out, const struct ip6t_rt *rt)
{
	char a[INET6_ADDRSTRLEN];

	for (unsigned int i = 0; i < rt->addrnr; i++)
		fprintf(out, "%c%s", i == 0 ? ' ' : ',', xtables_ip6addr_to_buf(&rt->addrs[i], a));
}

static void rt_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct ip6t_rt *rt = data;

	(void)ip;
	(void)numeric;
	fputs(" rt", out);
	if (rt->flags & IP6T_RT_TYP)
		fprintf(out, " type:%s%d", (rt->invflags & IP6T_RT_INV_TYP) ? "!" : "",
			(int)rt->rt_type);
	print_range(out, " ", "segsleft", rt->segsleft[0], rt->segsleft[1],
		    rt->invflags & IP6T_RT_INV_SGS);
	if (rt->flags & IP6T_RT_LEN)
		fprintf(out, " length:%s%u", (rt->invflags & IP6T_RT_INV_LEN) ? "!" : "",
			rt->hdrlen);
	if (rt->flags & IP6T_RT_RES)
		fputs(" reserved", out);
	if (rt->flags & IP6T_RT_FST)
		fputs(" 0-addrs", out);
	rt_addrs_out(out, rt);
	if (rt->flags & IP6T_RT_FST_NSTRICT)
		fputs(" 0-not-strict", out);
}

static void rt_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ip6t_rt *rt = data;

	(void)ip;
	if (rt->flags & IP6T_RT_TYP)
		fprintf(out, "%s --rt-type %u", (rt->invflags & IP6T_RT_INV_TYP) ? " !" : "",
			rt->rt_type);
	save_range(out, "rt-segsleft", rt->segsleft, rt->invflags & IP6T_RT_INV_SGS);
	if (rt->flags & IP6T_RT_LEN)
		fprintf(out, "%s --rt-len %u", (rt->invflags & IP6T_RT_INV_LEN) ? " !" : "",
			rt->hdrlen);
	if (rt->flags & IP6T_RT_RES)
		fputs(" --rt-0-res", out);
	if (rt->flags & IP6T_RT_FST)
		fputs(" --rt-0-addrs", out);
	rt_addrs_out(out, rt);
	if (rt->flags & IP6T_RT_FST_NSTRICT)
		fputs(" --rt-0-not-strict", out);
}

static const struct xtables_match libip6t_rt = {
	.name = "rt", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_rt),
	.init = rt_init, .opts = rt_opts, .parse = rt_parse, .print = rt_print, .save = rt_save,
};

/* ---- mh ---- */
static const struct { const char *name; u8 type; } mh_names[] = {
	{ "binding-refresh-request", 0 }, { "brr", 0 }, { "home-test-init", 1 }, { "hoti", 1 },
	{ "careof-test-init", 2 }, { "coti", 2 }, { "home-test", 3 }, { "hot", 3 },
	{ "careof-test", 4 }, { "cot", 4 }, { "binding-update", 5 }, { "bu", 5 },
	{ "binding-acknowledgement", 6 }, { "ba", 6 }, { "binding-error", 7 }, { "be", 7 },
};

static const struct xt_option mh_opts[] = { { "mh-type", 0, true }, { NULL, 0, false } };

static void mh_init(void *data)
{
	((struct ip6t_mh *)data)->types[1] = 0xFF;
}

/* name_to_type(): a name's prefix (an exact name wins), or a number */
static int mh_type(struct xt_parse *p, const char *name, u8 *type)
{
	size_t len = strlen(name), match = ARRAY_LEN(mh_names);
	unsigned int v;

	for (size_t i = 0; i < ARRAY_LEN(mh_names); i++)
		if (!strncasecmp(mh_names[i].name, name, len) &&
		    (match == ARRAY_LEN(mh_names) || strlen(mh_names[i].name) == len))
			match = i;
	if (match != ARRAY_LEN(mh_names)) {
		*type = mh_names[match].type;
		return 0;
	}
	if (!xtables_strtoui(name, &v, 0, 255))
		return xt_param_error(p, "Invalid MH type `%s'", name);
	*type = (u8)v;
	return 0;
}

static int mh_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ip6t_mh *mh = data;
	char buf[128], *cp;

	if (twice(p, "mh", id, "mh-type"))
		return -1;
	snprintf(buf, sizeof(buf), "%s", arg);
	cp = strchr(buf, ':');
	if (!cp) {
		if (mh_type(p, buf, &mh->types[0]))
			return -1;
		mh->types[1] = mh->types[0];
	} else {
		*cp++ = '\0';
		mh->types[0] = 0;
		mh->types[1] = 0xFF;
		if ((buf[0] && mh_type(p, buf, &mh->types[0])) ||
		    (cp[0] && mh_type(p, cp, &mh->types[1])))
			return -1;
		if (mh->types[0] > mh->types[1])
			return xt_param_error(p, "Invalid MH type range (min > max)");
	}
	mh->invflags |= inv ? IP6T_MH_INV_TYPE : 0;
	return 0;
}

static void mh_print_type(FILE *out, u8 type, bool numeric)
{
	for (size_t i = 0; !numeric && i < ARRAY_LEN(mh_names); i++)
		if (mh_names[i].type == type) {
			fputs(mh_names[i].name, out);
			return;
		}
	fprintf(out, "%u", type);
}

static void mh_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct ip6t_mh *mh = data;
	bool inv = mh->invflags & IP6T_MH_INV_TYPE;

	(void)ip;
	fputs(" mh", out);
	if (mh->types[0] == 0 && mh->types[1] == 0xFF && !inv)
		return;
	fprintf(out, " %s", inv ? "!" : "");
	mh_print_type(out, mh->types[0], numeric);
	if (mh->types[0] != mh->types[1]) {
		fputc(':', out);
		mh_print_type(out, mh->types[1], numeric);
	}
}

static void mh_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ip6t_mh *mh = data;

	(void)ip;
	if (mh->types[0] == 0 && mh->types[1] == 0xFF)
		return;
	if (mh->invflags & IP6T_MH_INV_TYPE)
		fputs(" !", out);
	if (mh->types[0] != mh->types[1])
		fprintf(out, " --mh-type %u:%u", mh->types[0], mh->types[1]);
	else
		fprintf(out, " --mh-type %u", mh->types[0]);
}

static const struct xtables_match libip6t_mh = {
	.name = "mh", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_mh),
	.init = mh_init, .opts = mh_opts, .parse = mh_parse, .print = mh_print, .save = mh_save,
};

/* ---- ah ---- */
enum { O_AHSPI, O_AHLEN, O_AHRES };

static const char *const ah_opt_names[] = { "ahspi", "ahlen", "ahres" };

static const struct xt_option ah_opts[] = {
	{ "ahspi", O_AHSPI, true }, { "ahlen", O_AHLEN, true }, { "ahres", O_AHRES, false },
	{ NULL, 0, false },
};

static void ah_init(void *data)
{
	((struct ip6t_ah *)data)->spis[1] = ~0U;
}

static int ah_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ip6t_ah *ah = data;

	if (twice(p, "ah", id, ah_opt_names[id]))
		return -1;
	if (inv && id == O_AHRES)
		return xt_param_error(p, "ah: option \"--ahres\" cannot be inverted.");
	switch (id) {
	case O_AHSPI:
		if (parse_u32_range(p, "ah", "ahspi", arg, ah->spis))
			return -1;
		ah->invflags |= inv ? IP6T_AH_INV_SPI : 0;
		break;
	case O_AHLEN:
		if (parse_u32(p, "ah", "ahlen", arg, &ah->hdrlen))
			return -1;
		ah->invflags |= inv ? IP6T_AH_INV_LEN : 0;
		break;
	case O_AHRES:
		ah->hdrres = 1;
		break;
	}
	return 0;
}

static void ah_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct ip6t_ah *ah = data;
	bool linv = ah->invflags & IP6T_AH_INV_LEN;

	(void)ip;
	(void)numeric;
	fputs(" ah ", out);
	print_range(out, "", "spi", ah->spis[0], ah->spis[1], ah->invflags & IP6T_AH_INV_SPI);
	if (ah->hdrlen || linv)
		fprintf(out, "length:%s%u", linv ? "!" : "", ah->hdrlen);
	if (ah->hdrres)
		fputs(" reserved", out);
}

static void ah_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ip6t_ah *ah = data;

	(void)ip;
	save_range(out, "ahspi", ah->spis, ah->invflags & IP6T_AH_INV_SPI);
	if (ah->hdrlen || (ah->invflags & IP6T_AH_INV_LEN))
		fprintf(out, "%s --ahlen %u", (ah->invflags & IP6T_AH_INV_LEN) ? " !" : "",
			ah->hdrlen);
	if (ah->hdrres)
		fputs(" --ahres", out);
}

static const struct xtables_match libip6t_ah = {
	.name = "ah", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_ah),
	.init = ah_init, .opts = ah_opts, .parse = ah_parse, .print = ah_print, .save = ah_save,
};

/* ---- eui64: no options, nothing printed by -L ---- */
static const struct xtables_match libip6t_eui64 = {
	.name = "eui64", .family = NFPROTO_IPV6, .size = sizeof(int),
};

/* ---- srh (revision 1) ---- */
enum {
	O_SRH_NEXTHDR, O_SRH_LEN_EQ, O_SRH_LEN_GT, O_SRH_LEN_LT, O_SRH_SEGS_EQ, O_SRH_SEGS_GT,
	O_SRH_SEGS_LT, O_SRH_LAST_EQ, O_SRH_LAST_GT, O_SRH_LAST_LT, O_SRH_TAG, O_SRH_PSID,
	O_SRH_NSID, O_SRH_LSID,
};

/* option id i sets flag 1 << i; its name, its -L label */
static const struct { const char *opt, *label; } srh_names[] = {
	{ "srh-next-hdr", "next-hdr" }, { "srh-hdr-len-eq", "hdr-len-eq" },
	{ "srh-hdr-len-gt", "hdr-len-gt" }, { "srh-hdr-len-lt", "hdr-len-lt" },
	{ "srh-segs-left-eq", "segs-left-eq" }, { "srh-segs-left-gt", "segs-left-gt" },
	{ "srh-segs-left-lt", "segs-left-lt" }, { "srh-last-entry-eq", "last-entry-eq" },
	{ "srh-last-entry-gt", "last-entry-gt" }, { "srh-last-entry-lt", "last-entry-lt" },
	{ "srh-tag", "tag" }, { "srh-psid", "psid" }, { "srh-nsid", "nsid" },
	{ "srh-lsid", "lsid" },
};

static const struct xt_option srh_opts[] = {
	{ "srh-next-hdr", O_SRH_NEXTHDR, true }, { "srh-hdr-len-eq", O_SRH_LEN_EQ, true },
	{ "srh-hdr-len-gt", O_SRH_LEN_GT, true }, { "srh-hdr-len-lt", O_SRH_LEN_LT, true },
	{ "srh-segs-left-eq", O_SRH_SEGS_EQ, true }, { "srh-segs-left-gt", O_SRH_SEGS_GT, true },
	{ "srh-segs-left-lt", O_SRH_SEGS_LT, true }, { "srh-last-entry-eq", O_SRH_LAST_EQ, true },
	{ "srh-last-entry-gt", O_SRH_LAST_GT, true }, { "srh-last-entry-lt", O_SRH_LAST_LT, true },
	{ "srh-tag", O_SRH_TAG, true }, { "srh-psid", O_SRH_PSID, true },
	{ "srh-nsid", O_SRH_NSID, true }, { "srh-lsid", O_SRH_LSID, true },
	{ NULL, 0, false },
};

/* XTTYPE_HOSTMASK for IPv6: the address as given, a prefix or mask form */
static int srh_sid(struct xt_parse *p, int id, const char *arg, struct in6_addr *addr,
		   struct in6_addr *mask)
{
	char buf[128], *slash;
	unsigned int bits = 128;

	snprintf(buf, sizeof(buf), "%s", arg);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	memset(mask, 0, sizeof(*mask));
	if (slash && inet_pton(AF_INET6, slash, mask) == 1)
		bits = 0;
	else if (slash && !xtables_strtoui(slash, &bits, 0, 128))
		return xt_param_error(p, "srh: bad value for option \"--%s\", or out of range "
				      "(0-128).\n", srh_names[id].opt);
	for (unsigned int b = 0; b < bits; b++)
		mask->s6_addr[b / 8] |= (u8)(0x80 >> (b % 8));
	if (inet_pton(AF_INET6, buf, addr) != 1)
		return xt_param_error(p, "host/network `%s' not found", buf);
	return 0;
}

static int srh_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ip6t_srh1 *s = data;
	unsigned int v, max = id == O_SRH_TAG ? 0xFFFF : 0xFF;

	if (twice(p, "srh", id, srh_names[id].opt))
		return -1;
	if (id >= O_SRH_PSID) {
		struct in6_addr *a = id == O_SRH_PSID ? &s->psid_addr :
				     id == O_SRH_NSID ? &s->nsid_addr : &s->lsid_addr;
		struct in6_addr *m = id == O_SRH_PSID ? &s->psid_msk :
				     id == O_SRH_NSID ? &s->nsid_msk : &s->lsid_msk;

		if (srh_sid(p, id, arg, a, m))
			return -1;
	} else {
		if (!xtables_strtoui(arg, &v, 0, max))
			return xt_param_error(p, "srh: bad value for option \"--%s\", or out of "
					      "range (0-%u).\n", srh_names[id].opt, max);
		if (id == O_SRH_NEXTHDR)
			s->next_hdr = (u8)v;
		else if (id <= O_SRH_LEN_LT)
			s->hdr_len = (u8)v;
		else if (id <= O_SRH_SEGS_LT)
			s->segs_left = (u8)v;
		else if (id <= O_SRH_LAST_LT)
			s->last_entry = (u8)v;
		else
			s->tag = (u16)v;
	}
	s->mt_flags |= (u16)(1u << id);
	if (inv)
		s->mt_invflags |= (u16)(1u << id);
	return 0;
}

static unsigned int srh_value(const struct ip6t_srh1 *s, int id)
{
	if (id == O_SRH_NEXTHDR)
		return s->next_hdr;
	if (id <= O_SRH_LEN_LT)
		return s->hdr_len;
	if (id <= O_SRH_SEGS_LT)
		return s->segs_left;
	if (id <= O_SRH_LAST_LT)
		return s->last_entry;
	return s->tag;
}

static const struct in6_addr *srh_addr(const struct ip6t_srh1 *s, int id, bool mask)
{
	if (id == O_SRH_PSID)
		return mask ? &s->psid_msk : &s->psid_addr;
	if (id == O_SRH_NSID)
		return mask ? &s->nsid_msk : &s->nsid_addr;
	return mask ? &s->lsid_msk : &s->lsid_addr;
}

static void srh_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct ip6t_srh1 *s = data;
	char a[INET6_ADDRSTRLEN];

	(void)ip;
	(void)numeric;
	fputs(" srh", out);
	for (int id = 0; id <= O_SRH_LSID; id++) {
		bool inv = s->mt_invflags & (1u << id);

		if (!(s->mt_flags & (1u << id)))
			continue;
		if (id < O_SRH_PSID)
			fprintf(out, " %s:%s%u", srh_names[id].label, inv ? "!" : "",
				srh_value(s, id));
		else
			fprintf(out, " %s %s %s/%d", srh_names[id].label, inv ? "!" : "",
				xtables_ip6addr_to_buf(srh_addr(s, id, false), a),
				xtables_ip6mask_to_cidr(srh_addr(s, id, true)));
	}
}

static void srh_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ip6t_srh1 *s = data;
	char a[INET6_ADDRSTRLEN];

	(void)ip;
	for (int id = 0; id <= O_SRH_LSID; id++) {
		const char *inv = (s->mt_invflags & (1u << id)) ? " !" : "";

		if (!(s->mt_flags & (1u << id)))
			continue;
		if (id < O_SRH_PSID)
			fprintf(out, "%s --%s %u", inv, srh_names[id].opt, srh_value(s, id));
		else
			fprintf(out, "%s --%s %s/%d", inv, srh_names[id].opt,
				xtables_ip6addr_to_buf(srh_addr(s, id, false), a),
				xtables_ip6mask_to_cidr(srh_addr(s, id, true)));
	}
}

static const struct xtables_match libip6t_srh = {
	.name = "srh", .revision = 1, .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_srh1),
	.opts = srh_opts, .parse = srh_parse, .print = srh_print, .save = srh_save,
};

const struct xtables_match *const xtables_ip6_matches[] = {
	&libip6t_icmp6, &libip6t_hl, &libip6t_ipv6header, &libip6t_frag, &libip6t_hbh,
	&libip6t_dst, &libip6t_rt, &libip6t_mh, &libip6t_ah, &libip6t_eui64, &libip6t_srh,
	NULL,
};

/* ---- REJECT ---- */
static const struct { const char *name, *alias; } reject6_names[] = {
	[IP6T_ICMP6_NO_ROUTE] = { "icmp6-no-route", "no-route" },
	[IP6T_ICMP6_ADM_PROHIBITED] = { "icmp6-adm-prohibited", "adm-prohibited" },
	[IP6T_ICMP6_ADDR_UNREACH] = { "icmp6-addr-unreachable", "addr-unreach" },
	[IP6T_ICMP6_PORT_UNREACH] = { "icmp6-port-unreachable", "port-unreach" },
	[IP6T_TCP_RESET] = { "tcp-reset", "tcp-reset" },
	[IP6T_ICMP6_POLICY_FAIL] = { "icmp6-policy-fail", "policy-fail" },
	[IP6T_ICMP6_REJECT_ROUTE] = { "icmp6-reject-route", "reject-route" },
};

static const struct xt_option reject6_opts[] = { { "reject-with", 0, true }, { NULL, 0, false } };

static void reject6_init(void *data)
{
	((struct ip6t_reject_info *)data)->with = IP6T_ICMP6_PORT_UNREACH;
}

/* a prefix of a name or of its alias, the first in table order */
static int reject6_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ip6t_reject_info *r = data;
	size_t len = strlen(arg);

	(void)inv;
	if (twice(p, "REJECT", id, "reject-with"))
		return -1;
	for (size_t i = 0; i < ARRAY_LEN(reject6_names); i++) {
		if (!reject6_names[i].name)
			continue;
		if (!strncasecmp(reject6_names[i].name, arg, len) ||
		    !strncasecmp(reject6_names[i].alias, arg, len)) {
			r->with = (u32)i;
			return 0;
		}
	}
	return xt_param_error(p, "unknown reject type \"%s\"", arg);
}

static const char *reject6_name(u32 with)
{
	return with < ARRAY_LEN(reject6_names) && reject6_names[with].name ?
	       reject6_names[with].name : "(null)";
}

static void reject6_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fprintf(out, " reject-with %s", reject6_name(((const struct ip6t_reject_info *)data)->with));
}

static void reject6_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	fprintf(out, " --reject-with %s",
		reject6_name(((const struct ip6t_reject_info *)data)->with));
}

static const struct xtables_target libip6t_REJECT = {
	.name = "REJECT", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_reject_info),
	.init = reject6_init, .opts = reject6_opts, .parse = reject6_parse,
	.print = reject6_print, .save = reject6_save,
};

/* ---- HL ---- */
static const char *const hl_tg_names[] = { "hl-set", "hl-inc", "hl-dec" };

static const struct xt_option hl_tg_opts[] = {
	{ "hl-set", IP6T_HL_SET, true }, { "hl-dec", IP6T_HL_DEC, true },
	{ "hl-inc", IP6T_HL_INC, true }, { NULL, 0, false },
};

static int hl_tg_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ip6t_HL_info *info = data;
	unsigned int v, min = id == IP6T_HL_SET ? 0 : 1;

	(void)inv;
	if (twice(p, "HL", id, hl_tg_names[id]))
		return -1;
	for (int o = 0; o < 3; o++)
		if (o != id && (p->xflags & (1u << o)))
			return xtables_excl_error(p, "HL", hl_tg_names[o], hl_tg_names[id]);
	if (!xtables_strtoui(arg, &v, min, 255))
		return xt_param_error(p, "HL: bad value for option \"--%s\", or out of range "
				      "(%u-255).\n", hl_tg_names[id], min);
	info->mode = (u8)id;
	info->hop_limit = (u8)v;
	return 0;
}

static int hl_tg_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!p->xflags)
		return xt_param_error(p, "HL: You must specify an action");
	return 0;
}

static void hl_tg_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	static const char *const what[] = { "set to", "increment by", "decrement by" };
	const struct ip6t_HL_info *info = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " HL %s %u", info->mode <= IP6T_HL_MAXMODE ? what[info->mode] : "",
		info->hop_limit);
}

static void hl_tg_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ip6t_HL_info *info = data;

	(void)ip;
	if (info->mode <= IP6T_HL_MAXMODE)
		fprintf(out, " --%s", hl_tg_names[info->mode]);
	fprintf(out, " %u", info->hop_limit);
}

static const struct xtables_target libip6t_HL = {
	.name = "HL", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_HL_info),
	.opts = hl_tg_opts, .parse = hl_tg_parse, .final_check = hl_tg_final,
	.print = hl_tg_print, .save = hl_tg_save,
};

/* ---- SNPT / DNPT ---- */
static const struct xt_option npt_opts[] = {
	{ "src-pfx", 0, true }, { "dst-pfx", 1, true }, { NULL, 0, false },
};

/* XTTYPE_HOSTMASK: "ADDR[/LEN]" (no length: 128) */
static int npt_parse(struct xt_parse *p, const char *ext, int id, const char *arg,
		     struct ip6t_npt_tginfo *npt)
{
	char buf[128], *slash;
	unsigned int len = 128;
	struct in6_addr *a = id ? &npt->dst_pfx : &npt->src_pfx;

	if (twice(p, ext, id, id ? "dst-pfx" : "src-pfx"))
		return -1;
	snprintf(buf, sizeof(buf), "%s", arg);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	if (slash && !xtables_strtoui(slash, &len, 0, 128))
		return xt_param_error(p, "%s: bad value for option \"--%s\", or out of range "
				      "(0-128).\n", ext, id ? "dst-pfx" : "src-pfx");
	if (inet_pton(AF_INET6, buf, a) != 1)
		return xt_param_error(p, "host/network `%s' not found", buf);
	if (id)
		npt->dst_pfx_len = (u8)len;
	else
		npt->src_pfx_len = (u8)len;
	return 0;
}

static int snpt_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	(void)inv;
	return npt_parse(p, "SNPT", id, arg, data);
}

static int dnpt_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	(void)inv;
	return npt_parse(p, "DNPT", id, arg, data);
}

static void npt_show(FILE *out, const char *name, const struct ip6t_npt_tginfo *npt)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	fprintf(out, " %s src-pfx %s/%u dst-pfx %s/%u", name,
		xtables_ip6addr_to_buf(&npt->src_pfx, a), npt->src_pfx_len,
		xtables_ip6addr_to_buf(&npt->dst_pfx, b), npt->dst_pfx_len);
}

static void snpt_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	npt_show(out, "SNPT", data);
}

static void dnpt_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	npt_show(out, "DNPT", data);
}

static void npt_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ip6t_npt_tginfo *npt = data;
	char a[INET6_ADDRSTRLEN];

	(void)ip;
	if (!ipv6_addr_any(&npt->src_pfx) || npt->src_pfx_len)
		fprintf(out, " --src-pfx %s/%u", xtables_ip6addr_to_buf(&npt->src_pfx, a),
			npt->src_pfx_len);
	if (!ipv6_addr_any(&npt->dst_pfx) || npt->dst_pfx_len)
		fprintf(out, " --dst-pfx %s/%u", xtables_ip6addr_to_buf(&npt->dst_pfx, a),
			npt->dst_pfx_len);
}

static const struct xtables_target libip6t_SNPT = {
	.name = "SNPT", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_npt_tginfo),
	.opts = npt_opts, .parse = snpt_parse, .print = snpt_print, .save = npt_save, .mand = 3,
};

static const struct xtables_target libip6t_DNPT = {
	.name = "DNPT", .family = NFPROTO_IPV6, .size = sizeof(struct ip6t_npt_tginfo),
	.opts = npt_opts, .parse = dnpt_parse, .print = dnpt_print, .save = npt_save, .mand = 3,
};

/* NAT66 targets (libxt_NAT.c) */
extern const struct xtables_target libip6t_DNAT, libip6t_SNAT, libip6t_MASQUERADE,
	libip6t_REDIRECT, libip6t_NETMAP;

const struct xtables_target *const xtables_ip6_targets[] = {
	&libip6t_REJECT, &libip6t_HL, &libip6t_SNPT, &libip6t_DNPT,
	&libip6t_DNAT, &libip6t_SNAT, &libip6t_MASQUERADE, &libip6t_REDIRECT,
	&libip6t_NETMAP,
	NULL,
};
