/* -j HMARK (iptables' libxt_HMARK.c, IPv4): --hmark-tuple TYPES
 * (ct,src,dst,sport,dport,proto,spi), --hmark-src-prefix/--hmark-dst-prefix
 * LEN, --hmark-sport/dport-mask, --hmark-spi-mask, --hmark-sport/dport/spi,
 * --hmark-proto-mask, --hmark-rnd, --hmark-mod (required), --hmark-offset */
#include <arpa/inet.h>
#include <string.h>
#include <strings.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_extra.h"

enum {
	O_SADDR_MASK, O_DADDR_MASK, O_SPI, O_SPI_MASK, O_SPORT, O_DPORT, O_SPORT_MASK,
	O_DPORT_MASK, O_PROTO_MASK, O_RND, O_MODULUS, O_OFFSET, O_CT, O_TYPE,
};

#define HMARK_OPT_PKT_MASK ((1 << O_SADDR_MASK) | (1 << O_DADDR_MASK) | (1 << O_SPI_MASK) | \
	(1 << O_SPORT_MASK) | (1 << O_DPORT_MASK) | (1 << O_PROTO_MASK) | (1 << O_SPORT) | \
	(1 << O_DPORT) | (1 << O_SPI))

static const struct xt_option hmark_opts[] = {
	{ "hmark-tuple", O_TYPE, true }, { "hmark-src-prefix", O_SADDR_MASK, true },
	{ "hmark-dst-prefix", O_DADDR_MASK, true }, { "hmark-sport-mask", O_SPORT_MASK, true },
	{ "hmark-dport-mask", O_DPORT_MASK, true }, { "hmark-spi-mask", O_SPI_MASK, true },
	{ "hmark-sport", O_SPORT, true }, { "hmark-dport", O_DPORT, true },
	{ "hmark-spi", O_SPI, true }, { "hmark-proto-mask", O_PROTO_MASK, true },
	{ "hmark-rnd", O_RND, true }, { "hmark-mod", O_MODULUS, true },
	{ "hmark-offset", O_OFFSET, true }, { NULL, 0, false },
};

/* "--hmark-tuple": each type sets its mask whole (hmark_parse()) */
static bool hmark_type(const char *type, size_t len, struct xt_hmark_info *info,
		       unsigned int *xflags)
{
	static const struct { const char *name; int opt, flag; } types[] = {
		{ "ct", O_CT, XT_HMARK_CT }, { "src", O_SADDR_MASK, XT_HMARK_SADDR_MASK },
		{ "dst", O_DADDR_MASK, XT_HMARK_DADDR_MASK },
		{ "sport", O_SPORT_MASK, XT_HMARK_SPORT_MASK },
		{ "dport", O_DPORT_MASK, XT_HMARK_DPORT_MASK },
		{ "proto", O_PROTO_MASK, XT_HMARK_PROTO_MASK },
		{ "spi", O_SPI_MASK, XT_HMARK_SPI_MASK },
	};

	for (size_t i = 0; i < ARRAY_SIZE(types); i++) {
		if (strncasecmp(type, types[i].name, len))
			continue;
		switch (types[i].opt) {
		case O_SADDR_MASK: memset(info->src_mask, 0xff, sizeof(info->src_mask)); break;
		case O_DADDR_MASK: memset(info->dst_mask, 0xff, sizeof(info->dst_mask)); break;
		case O_SPORT_MASK: info->port_mask.p16.src = 0xffff; break;
		case O_DPORT_MASK: info->port_mask.p16.dst = 0xffff; break;
		case O_PROTO_MASK: info->proto_mask = 0xffff; break;
		case O_SPI_MASK: info->port_mask.v32 = 0xffffffffu; break;
		}
		info->flags |= XT_HMARK_FLAG(types[i].flag);
		*xflags |= 1U << types[i].opt;
		return true;
	}
	return false;
}

static int hmark_parse_type(struct xt_parse *p, const char *arg, struct xt_hmark_info *info)
{
	const char *comma;

	while ((comma = strchr(arg, ','))) {
		if (comma == arg || !hmark_type(arg, (size_t)(comma - arg), info, &p->flags))
			return xt_param_error(p, "Bad type \"%s\"", arg);
		arg = comma + 1;
	}
	if (!*arg)
		return xt_param_error(p, "\"--hmark-tuple\" requires a list of types with no "
				      "spaces, e.g. src,dst,sport,dport,proto");
	if (!hmark_type(arg, strlen(arg), info, &p->flags))
		return xt_param_error(p, "Bad type \"%s\"", arg);
	return 0;
}

static int hmark_bad(struct xt_parse *p, int id, unsigned int min, unsigned int max)
{
	const char *name = "";

	for (const struct xt_option *o = hmark_opts; o->name; o++)
		if (o->id == id)
			name = o->name;
	return xt_param_error(p, "HMARK: bad value for option \"--%s\", or out of range "
			      "(%u-%u).\n", name, min, max);
}

/* xtopt_parse_plenmask(): a prefix length 0..32, else a mask written as
 * an address ("255.255.0.0", or inet_aton()'s "33"); a mask that is not
 * contiguous is taken whole (/32) */
static int hmark_parse_plen(struct xt_parse *p, int id, const char *arg,
			    struct xt_hmark_info *info)
{
	unsigned int v;
	struct in_addr a;
	u32 m;

	if (xtables_strtoui(arg, &v, 0, 32)) {
		m = v ? htonl(~0U << (32 - v)) : 0;
	} else if (inet_aton(arg, &a)) {
		u32 h = ntohl(a.s_addr);

		m = !(~h & (~h + 1)) ? a.s_addr : 0xffffffffu;	/* contiguous ones? */
	} else {
		return xt_param_error(p, "HMARK: bad value for option \"--%s\", neither a valid "
				      "network mask nor valid CIDR (0-32).\n",
				      id == O_SADDR_MASK ? "hmark-src-prefix" : "hmark-dst-prefix");
	}
	*(id == O_SADDR_MASK ? &info->src_mask[0] : &info->dst_mask[0]) = m;
	info->flags |= XT_HMARK_FLAG(id);
	p->flags |= 1U << id;
	return 0;
}

static int hmark_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_hmark_info *info = data;
	unsigned int v, max = 0xffffffffu, min = 0;

	(void)inv;
	if (id == O_TYPE)
		return hmark_parse_type(p, arg, info);
	if (id == O_SADDR_MASK || id == O_DADDR_MASK)
		return hmark_parse_plen(p, id, arg, info);
	if (id == O_SADDR_MASK || id == O_DADDR_MASK)
		max = 32;
	else if (id == O_SPORT_MASK || id == O_DPORT_MASK || id == O_SPORT || id == O_DPORT ||
		 id == O_PROTO_MASK)
		max = 0xffff;
	else if (id == O_MODULUS)
		min = 1;
	if (!xtables_strtoui(arg, &v, min, max))
		return hmark_bad(p, id, min, max);
	switch (id) {
	case O_SADDR_MASK: info->src_mask[0] = v ? htonl(~0U << (32 - v)) : 0; break;
	case O_DADDR_MASK: info->dst_mask[0] = v ? htonl(~0U << (32 - v)) : 0; break;
	case O_SPI: info->port_set.v32 = htonl(v); break;
	case O_SPORT: info->port_set.p16.src = htons((u16)v); break;
	case O_DPORT: info->port_set.p16.dst = htons((u16)v); break;
	case O_SPORT_MASK: info->port_mask.p16.src = htons((u16)v); break;
	case O_DPORT_MASK: info->port_mask.p16.dst = htons((u16)v); break;
	case O_SPI_MASK: info->port_mask.v32 = htonl(v); break;
	case O_PROTO_MASK: info->proto_mask = (u16)v; break;
	case O_RND: info->hashrnd = v; break;
	case O_MODULUS: info->hmodulus = v; break;
	case O_OFFSET: info->hoffset = v; break;
	}
	info->flags |= XT_HMARK_FLAG(id);	/* the options' ids are the XT_HMARK_ bits */
	p->flags |= 1U << id;
	return 0;
}

static int hmark_final(struct xt_parse *p, void *data)
{
	unsigned int f = p->flags;

	(void)data;
	if (!(f & (1 << O_MODULUS)))
		return xt_param_error(p, "--hmark-mod is mandatory");
	if (!(f & (1 << O_RND)))
		return xt_param_error(p, "--hmark-rnd is mandatory");
	if ((f & (1 << O_SPI_MASK)) && (f & ((1 << O_SPORT_MASK) | (1 << O_DPORT_MASK))))
		return xt_param_error(p, "you cannot use --hmark-spi-mask and --hmark-?port-mask,"
				      "at the same time");
	if (!(f & (HMARK_OPT_PKT_MASK | (1 << O_CT))))
		return xt_param_error(p, "you have to specify --hmark-tuple at least");
	return 0;
}

static unsigned int mask_cidr(u32 m)
{
	unsigned int n = 0;

	for (m = ntohl(m); m & 0x80000000u; m <<= 1)
		n++;
	return n;
}

static void hmark_show(FILE *out, const struct xt_hmark_info *info, bool save)
{
	static const struct { int flag; const char *print, *save; } f16[] = {
		{ XT_HMARK_SPORT_MASK, "sport-mask 0x%x ", " --hmark-sport-mask 0x%04x" },
		{ XT_HMARK_DPORT_MASK, "dport-mask 0x%x ", " --hmark-dport-mask 0x%04x" },
		{ XT_HMARK_SPI_MASK, "spi-mask 0x%x ", " --hmark-spi-mask 0x%08x" },
		{ XT_HMARK_SPORT, "sport 0x%x ", " --hmark-sport 0x%04x" },
		{ XT_HMARK_DPORT, "dport 0x%x ", " --hmark-dport 0x%04x" },
		{ XT_HMARK_SPI, "spi 0x%x ", " --hmark-spi 0x%08x" },
	};
	const unsigned int vals[] = {
		ntohs(info->port_mask.p16.src), ntohs(info->port_mask.p16.dst),
		ntohl(info->port_mask.v32), ntohs(info->port_set.p16.src),
		ntohs(info->port_set.p16.dst), ntohl(info->port_set.v32),
	};

	for (size_t i = 0; i < ARRAY_SIZE(f16); i++)
		if (info->flags & XT_HMARK_FLAG(f16[i].flag))
			fprintf(out, save ? f16[i].save : f16[i].print, vals[i]);
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_PROTO_MASK))
		fprintf(out, save ? " --hmark-proto-mask 0x%02x" : "proto-mask 0x%x ",
			info->proto_mask);
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_RND))
		fprintf(out, save ? " --hmark-rnd 0x%08x" : "rnd 0x%x ", info->hashrnd);
}

static void hmark_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_hmark_info *info = data;

	(void)ip;
	(void)numeric;
	fputs(" HMARK ", out);
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_MODULUS))
		fprintf(out, "mod %u ", info->hmodulus);
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_OFFSET))
		fprintf(out, "+ 0x%x ", info->hoffset);
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_CT))
		fputs("ct, ", out);
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_SADDR_MASK))
		fprintf(out, "src-prefix %u ", mask_cidr(info->src_mask[0]));
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_DADDR_MASK))
		fprintf(out, "dst-prefix %u ", mask_cidr(info->dst_mask[0]));
	hmark_show(out, info, false);
}

static void hmark_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_hmark_info *info = data;

	(void)ip;
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_SADDR_MASK))
		fprintf(out, " --hmark-src-prefix %u", mask_cidr(info->src_mask[0]));
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_DADDR_MASK))
		fprintf(out, " --hmark-dst-prefix %u", mask_cidr(info->dst_mask[0]));
	hmark_show(out, info, true);
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_MODULUS))
		fprintf(out, " --hmark-mod %u", info->hmodulus);
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_OFFSET))
		fprintf(out, " --hmark-offset %u", info->hoffset);
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_CT))
		fputs(" --hmark-tuple ct", out);
}

const struct xtables_target libxt_HMARK = {
	.name = "HMARK", .revision = 0, .family = NFPROTO_IPV4,
	.size = sizeof(struct xt_hmark_info), .opts = hmark_opts,
	.parse = hmark_parse, .final_check = hmark_final, .print = hmark_print,
	.save = hmark_save,
};
