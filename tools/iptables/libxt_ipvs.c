/* The tool side of -m ipvs (iptables' extensions/libxt_ipvs.c): --ipvs,
 * --vproto, --vaddr, --vport, --vdir, --vmethod, --vportctl; any option
 * but --ipvs implies --ipvs.  -L and -S text as iptables 1.8.9 prints it
 * (protocol and ports as numbers). */
#include <netdb.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_ipvs.h"
#include "net/ip_vs.h"

/* ids in the order of XT_IPVS_* bits */
enum { O_IPVS, O_VPROTO, O_VADDR, O_VPORT, O_VDIR, O_VMETHOD, O_VPORTCTL };

static const struct xt_option ipvs_opts[] = {
	{ "ipvs", O_IPVS, false }, { "vproto", O_VPROTO, true }, { "vaddr", O_VADDR, true },
	{ "vport", O_VPORT, true }, { "vdir", O_VDIR, true }, { "vmethod", O_VMETHOD, true },
	{ "vportctl", O_VPORTCTL, true }, { NULL, 0, false },
};

static const char *const ipvs_opt_names[] = {
	"ipvs", "vproto", "vaddr", "vport", "vdir", "vmethod", "vportctl",
};

/* xtables_parse_protocol(): a number, "all", or a name from /etc/protocols */
static int ipvs_parse_proto(struct xt_parse *p, const char *arg, u8 *proto)
{
	struct protoent *pe;
	unsigned int v;

	if (xtables_strtoui(arg, &v, 0, 255)) {
		*proto = (u8)v;
		return 0;
	}
	if (!strcmp(arg, "all")) {
		*proto = 0;
		return 0;
	}
	pe = getprotobyname(arg);
	if (!pe)
		return xt_param_error(p, "unknown protocol \"%s\" specified", arg);
	*proto = (u8)pe->p_proto;
	return 0;
}

static int ipvs_parse_port(struct xt_parse *p, int id, const char *arg, __be16 *port)
{
	int v = xtables_service_to_port(arg, NULL);

	(void)id;
	if (v < 0)
		return xt_param_error(p, "Port \"%s\" does not resolve to anything.\n", arg);
	*port = htons((u16)v);
	return 0;
}

static int ipvs_bad_value(struct xt_parse *p, const char *opt, const char *arg)
{
	return xt_param_error(p, "ipvs: Bad value for \"%s\" option: \"%s\"", opt, arg);
}

static int ipvs_parse_vdir(struct xt_parse *p, const char *arg, struct xt_ipvs_mtinfo *d)
{
	if (!strcasecmp(arg, "ORIGINAL"))
		d->invert &= (u8)~XT_IPVS_DIR;
	else if (!strcasecmp(arg, "REPLY"))
		d->invert |= XT_IPVS_DIR;
	else
		return ipvs_bad_value(p, "--vdir", arg);
	return 0;
}

static int ipvs_parse_vmethod(struct xt_parse *p, const char *arg, struct xt_ipvs_mtinfo *d)
{
	if (!strcasecmp(arg, "GATE"))
		d->fwd_method = IP_VS_CONN_F_DROUTE;
	else if (!strcasecmp(arg, "IPIP"))
		d->fwd_method = IP_VS_CONN_F_TUNNEL;
	else if (!strcasecmp(arg, "MASQ"))
		d->fwd_method = IP_VS_CONN_F_MASQ;
	else
		return ipvs_bad_value(p, "--vmethod", arg);
	return 0;
}

static int ipvs_parse_one(struct xt_parse *p, int id, const char *arg, struct xt_ipvs_mtinfo *d)
{
	int rc;

	switch (id) {
	case O_VPROTO:
		return ipvs_parse_proto(p, arg, &d->l4proto);
	case O_VADDR:
		rc = xtables_parse_hostmask(arg, &d->vaddr, &d->vmask);
		if (rc)
			return xtables_hostmask_error(p, rc, "ipvs", "vaddr", arg);
		return 0;
	case O_VPORT:
		return ipvs_parse_port(p, id, arg, &d->vport);
	case O_VDIR:
		return ipvs_parse_vdir(p, arg, d);
	case O_VMETHOD:
		return ipvs_parse_vmethod(p, arg, d);
	case O_VPORTCTL:
		return ipvs_parse_port(p, id, arg, &d->vportctl);
	}
	return 0;
}

static int ipvs_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_ipvs_mtinfo *d = data;

	if (inv && id == O_VDIR)
		return xt_param_error(p, "ipvs: option \"--vdir\" cannot be inverted.\n");
	if (p->xflags & (1u << id))
		return xt_param_error(p, "ipvs: option \"--%s\" can only be used once.\n",
				      ipvs_opt_names[id]);
	if (ipvs_parse_one(p, id, arg, d))
		return -1;
	d->bitmask |= (u8)(1u << id);
	if (inv)
		d->invert |= (u8)(1u << id);
	return 0;
}

static int ipvs_final(struct xt_parse *p, void *data)
{
	struct xt_ipvs_mtinfo *d = data;

	if (!p->xflags)
		return xt_param_error(p, "IPVS: At least one option is required");
	if (d->bitmask & XT_IPVS_ONCE_MASK) {
		if (d->invert & XT_IPVS_IPVS_PROPERTY)
			return xt_param_error(p, "! --ipvs cannot be together with other options");
		d->bitmask |= XT_IPVS_IPVS_PROPERTY;
	}
	return 0;
}

static const char *ipvs_method_name(u8 m)
{
	switch (m) {
	case IP_VS_CONN_F_DROUTE:
		return "GATE";
	case IP_VS_CONN_F_TUNNEL:
		return "IPIP";
	case IP_VS_CONN_F_MASQ:
		return "MASQ";
	}
	return "UNKNOWN";
}

static const char *ipvs_not(const struct xt_ipvs_mtinfo *d, u8 bit)
{
	return (d->invert & bit) ? " !" : "";
}

static void ipvs_show_vaddr(FILE *out, const struct xt_ipvs_mtinfo *d, bool numeric)
{
	char a[16], m[16];
	int bits = xtables_mask_to_bits(d->vmask);

	if (!numeric && d->vaddr == 0) {
		fputs(" anywhere", out);
		return;
	}
	fprintf(out, " %s", xtables_ipaddr_to_buf(d->vaddr, a));
	if (bits < 0)
		fprintf(out, "/%s", xtables_ipaddr_to_buf(d->vmask, m));
	else if (bits != 32)
		fprintf(out, "/%d", bits);
}

static void ipvs_show(FILE *out, const struct xt_ipvs_mtinfo *d, bool numeric, const char *pfx)
{
	if (d->bitmask == XT_IPVS_IPVS_PROPERTY)
		fprintf(out, "%s %sipvs", ipvs_not(d, XT_IPVS_IPVS_PROPERTY), pfx);
	if (d->bitmask & XT_IPVS_PROTO)
		fprintf(out, "%s %svproto %u", ipvs_not(d, XT_IPVS_PROTO), pfx, d->l4proto);
	if (d->bitmask & XT_IPVS_VADDR) {
		fprintf(out, "%s %svaddr", ipvs_not(d, XT_IPVS_VADDR), pfx);
		ipvs_show_vaddr(out, d, numeric);
	}
	if (d->bitmask & XT_IPVS_VPORT)
		fprintf(out, "%s %svport %u", ipvs_not(d, XT_IPVS_VPORT), pfx, ntohs(d->vport));
	if (d->bitmask & XT_IPVS_DIR)
		fprintf(out, " %svdir %s", pfx, (d->invert & XT_IPVS_DIR) ? "REPLY" : "ORIGINAL");
	if (d->bitmask & XT_IPVS_METHOD)
		fprintf(out, "%s %svmethod %s", ipvs_not(d, XT_IPVS_METHOD), pfx,
			ipvs_method_name(d->fwd_method));
	if (d->bitmask & XT_IPVS_VPORTCTL)
		fprintf(out, "%s %svportctl %u", ipvs_not(d, XT_IPVS_VPORTCTL), pfx,
			ntohs(d->vportctl));
}

static void ipvs_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	ipvs_show(out, data, numeric, "");
}

static void ipvs_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	ipvs_show(out, data, true, "--");
}

const struct xtables_match libxt_ipvs = {
	.name = "ipvs", .family = NFPROTO_IPV4, .size = sizeof(struct xt_ipvs_mtinfo),
	.opts = ipvs_opts, .parse = ipvs_parse, .final_check = ipvs_final,
	.print = ipvs_print, .save = ipvs_save,
};
