/* The tool side of the address and header matches (iptables'
 * libxt_addrtype.c, libxt_physdev.c, libxt_iprange.c, libipt_ttl.c,
 * libxt_tos.c, libxt_dscp.c, libxt_pkttype.c). */
#include <string.h>
#include <strings.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_misc.h"

/* ---- addrtype ---- */
static const char *const rtn_names[] = {
	"UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST",
	"BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE",
};
#define NRTN (sizeof(rtn_names) / sizeof(rtn_names[0]))

enum { O_SRC_TYPE, O_DST_TYPE, O_LIMIT_IN, O_LIMIT_OUT };

static const struct xt_option addrtype_opts[] = {
	{ "src-type", O_SRC_TYPE, true }, { "dst-type", O_DST_TYPE, true },
	{ "limit-iface-in", O_LIMIT_IN, false }, { "limit-iface-out", O_LIMIT_OUT, false },
	{ NULL, 0, false },
};

static int parse_types(struct xt_parse *p, const char *arg, u16 *mask)
{
	char buf[128], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", arg);
	for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		size_t i;

		for (i = 0; i < NRTN && strcasecmp(t, rtn_names[i]); i++)
			;
		if (i == NRTN)
			return xt_param_error(p, "addrtype: bad type \"%s\"", t);
		*mask |= (u16)(1u << i);
	}
	return 0;
}

static int addrtype_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_addrtype_info_v1 *a = data;

	switch (id) {
	case O_SRC_TYPE:
		a->flags |= inv ? XT_ADDRTYPE_INVERT_SOURCE : 0;
		return parse_types(p, arg, &a->source);
	case O_DST_TYPE:
		a->flags |= inv ? XT_ADDRTYPE_INVERT_DEST : 0;
		return parse_types(p, arg, &a->dest);
	case O_LIMIT_IN:
		a->flags |= XT_ADDRTYPE_LIMIT_IFACE_IN;
		return 0;
	}
	a->flags |= XT_ADDRTYPE_LIMIT_IFACE_OUT;
	return 0;
}

static void print_types(FILE *out, u16 mask)
{
	const char *sep = "";

	for (size_t i = 0; i < NRTN; i++)
		if (mask & (1u << i)) {
			fprintf(out, "%s%s", sep, rtn_names[i]);
			sep = ",";
		}
}

static void addrtype_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_addrtype_info_v1 *a = data;

	(void)ip;
	(void)numeric;
	fputs(" ADDRTYPE match", out);
	if (a->source) {
		fprintf(out, " src-type %s", (a->flags & XT_ADDRTYPE_INVERT_SOURCE) ? "!" : "");
		print_types(out, a->source);
	}
	if (a->dest) {
		fprintf(out, " dst-type %s", (a->flags & XT_ADDRTYPE_INVERT_DEST) ? "!" : "");
		print_types(out, a->dest);
	}
	if (a->flags & XT_ADDRTYPE_LIMIT_IFACE_IN)
		fputs(" limit-in", out);
	if (a->flags & XT_ADDRTYPE_LIMIT_IFACE_OUT)
		fputs(" limit-out", out);
}

static void addrtype_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_addrtype_info_v1 *a = data;

	(void)ip;
	if (a->source) {
		fprintf(out, "%s --src-type ", (a->flags & XT_ADDRTYPE_INVERT_SOURCE) ? " !" : "");
		print_types(out, a->source);
	}
	if (a->dest) {
		fprintf(out, "%s --dst-type ", (a->flags & XT_ADDRTYPE_INVERT_DEST) ? " !" : "");
		print_types(out, a->dest);
	}
	if (a->flags & XT_ADDRTYPE_LIMIT_IFACE_IN)
		fputs(" --limit-iface-in", out);
	if (a->flags & XT_ADDRTYPE_LIMIT_IFACE_OUT)
		fputs(" --limit-iface-out", out);
}

/* ---- physdev ---- */
static const struct xt_option physdev_opts[] = {
	{ "physdev-in", XT_PHYSDEV_OP_IN, true },
	{ "physdev-out", XT_PHYSDEV_OP_OUT, true },
	{ "physdev-is-in", XT_PHYSDEV_OP_ISIN, false },
	{ "physdev-is-out", XT_PHYSDEV_OP_ISOUT, false },
	{ "physdev-is-bridged", XT_PHYSDEV_OP_BRIDGED, false },
	{ NULL, 0, false },
};

static int physdev_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_physdev_info *d = data;

	(void)p;
	d->bitmask |= (u8)id;
	d->invert |= inv ? (u8)id : 0;
	if (id == XT_PHYSDEV_OP_IN)
		xtables_parse_interface(arg, d->physindev, (unsigned char *)d->in_mask);
	else if (id == XT_PHYSDEV_OP_OUT)
		xtables_parse_interface(arg, d->physoutdev, (unsigned char *)d->out_mask);
	return 0;
}

static void physdev_name(FILE *out, const char *name, const char *mask)
{
	fprintf(out, " %s%s", name, mask[strlen(name)] ? "" : "+");
}

static void physdev_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_physdev_info *d = data;

	(void)ip;
	if (d->bitmask & XT_PHYSDEV_OP_ISIN)
		fprintf(out, "%s --physdev-is-in", (d->invert & XT_PHYSDEV_OP_ISIN) ? " !" : "");
	if (d->bitmask & XT_PHYSDEV_OP_IN) {
		fprintf(out, "%s --physdev-in", (d->invert & XT_PHYSDEV_OP_IN) ? " !" : "");
		physdev_name(out, d->physindev, d->in_mask);
	}
	if (d->bitmask & XT_PHYSDEV_OP_ISOUT)
		fprintf(out, "%s --physdev-is-out", (d->invert & XT_PHYSDEV_OP_ISOUT) ? " !" : "");
	if (d->bitmask & XT_PHYSDEV_OP_OUT) {
		fprintf(out, "%s --physdev-out", (d->invert & XT_PHYSDEV_OP_OUT) ? " !" : "");
		physdev_name(out, d->physoutdev, d->out_mask);
	}
	if (d->bitmask & XT_PHYSDEV_OP_BRIDGED)
		fprintf(out, "%s --physdev-is-bridged",
			(d->invert & XT_PHYSDEV_OP_BRIDGED) ? " !" : "");
}

static void physdev_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)numeric;
	fputs(" PHYSDEV match", out);
	physdev_save(out, ip, data);
}

/* ---- iprange ---- */
static const struct xt_option iprange_opts[] = {
	{ "src-range", IPRANGE_SRC, true }, { "dst-range", IPRANGE_DST, true },
	{ NULL, 0, false },
};

static int iprange_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_iprange_mtinfo *r = data;
	char buf[64], *dash;
	__be32 lo, hi;

	snprintf(buf, sizeof(buf), "%s", arg);
	dash = strchr(buf, '-');
	if (dash)
		*dash = '\0';
	if (!xtables_parse_ipaddr(buf, &lo) || !xtables_parse_ipaddr(dash ? dash + 1 : buf, &hi))
		return xt_param_error(p, "iprange match: Bad IP address \"%s\"", arg);
	r->flags |= (u8)id | (inv ? (u8)(id << 4) : 0);
	if (id == IPRANGE_SRC) {
		r->src_min = lo;
		r->src_max = hi;
	} else {
		r->dst_min = lo;
		r->dst_max = hi;
	}
	return 0;
}

static void iprange_show(FILE *out, const struct xt_iprange_mtinfo *r, bool save)
{
	char a[16], b[16];

	if (r->flags & IPRANGE_SRC)
		fprintf(out, save ? "%s --src-range %s-%s" : " source IP range%s %s-%s",
			(r->flags & IPRANGE_SRC_INV) ? " !" : "", xtables_ipaddr_to_buf(r->src_min, a),
			xtables_ipaddr_to_buf(r->src_max, b));
	if (r->flags & IPRANGE_DST)
		fprintf(out, save ? "%s --dst-range %s-%s" : " destination IP range%s %s-%s",
			(r->flags & IPRANGE_DST_INV) ? " !" : "", xtables_ipaddr_to_buf(r->dst_min, a),
			xtables_ipaddr_to_buf(r->dst_max, b));
}

static void iprange_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	iprange_show(out, data, false);
}

static void iprange_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	iprange_show(out, data, true);
}

/* ---- ttl ---- */
static const struct xt_option ttl_opts[] = {
	{ "ttl-eq", IPT_TTL_EQ, true }, { "ttl-lt", IPT_TTL_LT, true },
	{ "ttl-gt", IPT_TTL_GT, true }, { NULL, 0, false },
};

static int ttl_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ipt_ttl_info *t = data;
	unsigned int v;

	if (!xtables_strtoui(arg, &v, 0, 255))
		return xt_param_error(p, "ttl: Expected value between 0 and 255");
	if (inv && id != IPT_TTL_EQ)
		return xt_param_error(p, "ttl: unexpected `!'");
	t->mode = (u8)(inv ? IPT_TTL_NE : id);
	t->ttl = (u8)v;
	return 0;
}

static void ttl_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	static const char *const ops[] = { "==", "!=", "<", ">" };
	const struct ipt_ttl_info *t = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " TTL match TTL %s %u", ops[t->mode & 3], t->ttl);
}

static void ttl_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	static const char *const opts[] = { " --ttl-eq", " ! --ttl-eq", " --ttl-lt", " --ttl-gt" };
	const struct ipt_ttl_info *t = data;

	(void)ip;
	fprintf(out, "%s %u", opts[t->mode & 3], t->ttl);
}

/* ---- tos / dscp ---- */
static const struct { const char *name; u8 value; } tos_names[] = {
	{ "Minimize-Cost", 0x02 }, { "Maximize-Reliability", 0x04 },
	{ "Maximize-Throughput", 0x08 }, { "Minimize-Delay", 0x10 }, { "Normal-Service", 0x00 },
};

static const struct xt_option tos_opts[] = { { "tos", 0, true }, { NULL, 0, false } };

static int tos_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_tos_match_info *t = data;
	unsigned int v, m = 0xFF;
	char buf[64], *slash;

	(void)id;
	t->invert = inv;
	for (size_t i = 0; i < sizeof(tos_names) / sizeof(tos_names[0]); i++)
		if (!strcasecmp(arg, tos_names[i].name)) {
			t->tos_value = tos_names[i].value;
			t->tos_mask = 0x3F;
			return 0;
		}
	snprintf(buf, sizeof(buf), "%s", arg);
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	if (!xtables_strtoui(buf, &v, 0, 255) || (slash && !xtables_strtoui(slash + 1, &m, 0, 255)))
		return xt_param_error(p, "Bad TOS value \"%s\"", arg);
	t->tos_value = (u8)v;
	t->tos_mask = (u8)m;
	return 0;
}

static void tos_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_tos_match_info *t = data;

	(void)ip;
	fprintf(out, " tos match%s", t->invert ? "!" : "");
	if (!numeric && t->tos_mask == 0x3F)
		for (size_t i = 0; i < sizeof(tos_names) / sizeof(tos_names[0]); i++)
			if (tos_names[i].value == t->tos_value) {
				fprintf(out, " %s", tos_names[i].name);
				return;
			}
	fprintf(out, "0x%02x/0x%02x", t->tos_value, t->tos_mask);
}

static void tos_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_tos_match_info *t = data;

	(void)ip;
	fprintf(out, "%s --tos 0x%02x/0x%02x", t->invert ? " !" : "", t->tos_value, t->tos_mask);
}

static const struct xt_option dscp_opts[] = {
	{ "dscp", 0, true }, { "dscp-class", 1, true }, { NULL, 0, false },
};

static int dscp_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_dscp_info *d = data;
	unsigned int v;

	if (id == 1) {
		int c = xtables_dscp_class(p, arg);

		if (c < 0)
			return -1;
		v = (unsigned int)c;
	} else if (!xtables_strtoui(arg, &v, 0, 63)) {
		return xt_param_error(p, "DSCP `%s' not within range 0-63", arg);
	}
	d->dscp = (u8)v;
	d->invert = inv;
	return 0;
}

static void dscp_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_dscp_info *d = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " DSCP match %s0x%02x", d->invert ? "!" : "", d->dscp);
}

static void dscp_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_dscp_info *d = data;

	(void)ip;
	fprintf(out, "%s --dscp 0x%02x", d->invert ? " !" : "", d->dscp);
}

/* ---- pkttype ---- */
static const char *const pkt_names[] = { "unicast", "broadcast", "multicast", "otherhost",
					 "outgoing" };

static const struct xt_option pkttype_opts[] = {
	{ "pkt-type", 0, true }, { NULL, 0, false },
};

static int pkttype_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_pkttype_info *k = data;

	(void)id;
	for (int i = 0; i < 5; i++)
		if (!strcasecmp(arg, pkt_names[i])) {
			k->pkttype = i;
			k->invert = inv;
			return 0;
		}
	return xt_param_error(p, "Bad packet type '%s'", arg);
}

static void pkttype_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_pkttype_info *k = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " PKTTYPE %s= %s", k->invert ? "!" : "", pkt_names[k->pkttype % 5]);
}

static void pkttype_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_pkttype_info *k = data;

	(void)ip;
	fprintf(out, "%s --pkt-type %s", k->invert ? " !" : "", pkt_names[k->pkttype % 5]);
}

static int addrtype_final(struct xt_parse *p, void *data)
{
	const struct xt_addrtype_info_v1 *a = data;

	if (!a->source && !a->dest)
		return xt_param_error(p, "addrtype: you must specify --src-type or --dst-type");
	return 0;
}

static int iprange_final(struct xt_parse *p, void *data)
{
	if (!((const struct xt_iprange_mtinfo *)data)->flags)
		return xt_param_error(p, "iprange match: You must specify `--src-range' or "
				      "`--dst-range'");
	return 0;
}

static int ttl_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!p->xflags)
		return xt_param_error(p, "TTL match: You must specify one of `--ttl-eq', "
				      "`--ttl-lt', `--ttl-gt");
	return 0;
}

static int dscp_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!p->xflags)
		return xt_param_error(p, "DSCP match: Parameter --dscp is required");
	if (p->xflags == 3)
		return xtables_excl_error(p, "dscp", "dscp", "dscp-class");
	return 0;
}

const struct xtables_match libxt_addrtype = {
	.name = "addrtype", .revision = 1, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_addrtype_info_v1), .opts = addrtype_opts, .parse = addrtype_parse,
	.final_check = addrtype_final,
	.print = addrtype_print, .save = addrtype_save,
};

const struct xtables_match libxt_physdev = {
	.name = "physdev", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_physdev_info),
	.opts = physdev_opts, .parse = physdev_parse, .print = physdev_print, .save = physdev_save,
};

const struct xtables_match libxt_iprange = {
	.name = "iprange", .revision = 1, .family = NFPROTO_IPV4,
	.size = sizeof(struct xt_iprange_mtinfo), .opts = iprange_opts, .parse = iprange_parse,
	.final_check = iprange_final,
	.print = iprange_print, .save = iprange_save,
};

const struct xtables_match libipt_ttl = {
	.name = "ttl", .family = NFPROTO_IPV4, .size = sizeof(struct ipt_ttl_info),
	.opts = ttl_opts, .parse = ttl_parse, .final_check = ttl_final, .print = ttl_print,
	.save = ttl_save,
};

const struct xtables_match libxt_tos = {
	.name = "tos", .revision = 1, .family = NFPROTO_IPV4,
	.size = sizeof(struct xt_tos_match_info), .opts = tos_opts, .parse = tos_parse,
	.print = tos_print, .save = tos_save,
	.mand = 1u << 0,
};

const struct xtables_match libxt_dscp = {
	.name = "dscp", .family = NFPROTO_IPV4, .size = sizeof(struct xt_dscp_info),
	.opts = dscp_opts, .parse = dscp_parse, .final_check = dscp_final, .print = dscp_print,
	.save = dscp_save,
};

const struct xtables_match libxt_pkttype = {
	.name = "pkttype", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_pkttype_info),
	.opts = pkttype_opts, .parse = pkttype_parse, .print = pkttype_print, .save = pkttype_save,
	.mand = 1u << 0,
};
