/* The tool side of -m esp, -m ah, -m ipcomp (iptables' libxt_esp.c,
 * libipt_ah.c, libxt_ipcomp.c: an SPI range), -m ecn (libxt_ecn.c) and
 * -m tcpmss (libxt_tcpmss.c). */
#include <string.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_proto.h"

/* ---- esp / ah / ipcomp ---- */
enum { O_SPI, O_COMPRES };

static const struct xt_option esp_opts[] = { { "espspi", O_SPI, true }, { NULL, 0, false } };
static const struct xt_option ah_opts[] = { { "ahspi", O_SPI, true }, { NULL, 0, false } };
static const struct xt_option ipcomp_opts[] = {
	{ "ipcompspi", O_SPI, true }, { "compres", O_COMPRES, false }, { NULL, 0, false },
};

static int spi_parse(struct xt_parse *p, const char *ext, const char *opt, const char *arg,
		     bool inv, struct xt_spi_info *s)
{
	unsigned int v[2], n;

	if (xtables_parse_range(p, ext, opt, arg, 0xFFFFFFFFu, v, &n))
		return -1;
	s->spis[0] = v[0];
	s->spis[1] = v[1];
	s->invflags |= inv ? XT_SPI_INV : 0;
	return 0;
}

static int esp_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	(void)id;
	return spi_parse(p, "esp", "espspi", arg, inv, data);
}

static int ah_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	(void)id;
	return spi_parse(p, "ah", "ahspi", arg, inv, data);
}

static int ipcomp_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	if (id == O_COMPRES) {
		((struct xt_spi_info *)data)->hdrres = 1;
		return 0;
	}
	return spi_parse(p, "ipcomp", "ipcompspi", arg, inv, data);
}

static void spi_init(void *data)
{
	((struct xt_spi_info *)data)->spis[1] = 0xFFFFFFFFu;
}

/* -L: "spi:5", "spis:!1:2" (nothing for the whole range) */
static void spi_print_range(FILE *out, const struct xt_spi_info *s)
{
	bool inv = s->invflags & XT_SPI_INV;

	if (s->spis[0] == 0 && s->spis[1] == 0xFFFFFFFFu && !inv)
		return;
	if (s->spis[0] == s->spis[1])
		fprintf(out, "spi:%s%u", inv ? "!" : "", s->spis[0]);
	else
		fprintf(out, "spis:%s%u:%u", inv ? "!" : "", s->spis[0], s->spis[1]);
}

static void spi_save(FILE *out, const char *opt, const struct xt_spi_info *s)
{
	if (s->spis[0] == 0 && s->spis[1] == 0xFFFFFFFFu)
		return;
	fprintf(out, "%s --%s %u", (s->invflags & XT_SPI_INV) ? " !" : "", opt, s->spis[0]);
	if (s->spis[0] != s->spis[1])
		fprintf(out, ":%u", s->spis[1]);
}

static void esp_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_spi_info *s = data;

	(void)ip;
	(void)numeric;
	fputs(" esp", out);
	if (s->spis[0] != 0 || s->spis[1] != 0xFFFFFFFFu || (s->invflags & XT_SPI_INV))
		fputc(' ', out);
	spi_print_range(out, s);
}

static void ah_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fputs(" ah ", out);
	spi_print_range(out, data);
}

static void ipcomp_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_spi_info *s = data;

	(void)ip;
	(void)numeric;
	fputs(" comp ", out);
	spi_print_range(out, s);
	if (s->hdrres)
		fputs(" reserved", out);
}

static void esp_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	spi_save(out, "espspi", data);
}

static void ah_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	spi_save(out, "ahspi", data);
}

static void ipcomp_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	spi_save(out, "ipcompspi", data);
	if (((const struct xt_spi_info *)data)->hdrres)
		fputs(" --compres", out);
}

/* ---- ecn ---- */
enum { O_ECN_CWR, O_ECN_ECE, O_ECN_IP };

static const struct xt_option ecn_opts[] = {
	{ "ecn-tcp-cwr", O_ECN_CWR, false }, { "ecn-tcp-ece", O_ECN_ECE, false },
	{ "ecn-ip-ect", O_ECN_IP, true }, { NULL, 0, false },
};

static int ecn_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	static const u8 op[] = { XT_ECN_OP_MATCH_CWR, XT_ECN_OP_MATCH_ECE, XT_ECN_OP_MATCH_IP };
	struct xt_ecn_info *e = data;
	unsigned int v;

	if (id == O_ECN_IP) {
		if (!xtables_strtoui(arg, &v, 0, 3))
			return xt_param_error(p, "ecn: bad value for option \"--ecn-ip-ect\" near "
					      "\"%s\", or out of range (0-3).\n", arg);
		e->ip_ect = (u8)v;
	}
	e->operation |= op[id];
	e->invert |= inv ? op[id] : 0;
	return 0;
}

static void ecn_show(FILE *out, const struct xt_ecn_info *e, bool save)
{
	if (e->operation & XT_ECN_OP_MATCH_ECE)
		fprintf(out, save ? "%s --ecn-tcp-ece" : " %sECE",
			(e->invert & XT_ECN_OP_MATCH_ECE) ? (save ? " !" : "!") : "");
	if (e->operation & XT_ECN_OP_MATCH_CWR)
		fprintf(out, save ? "%s --ecn-tcp-cwr" : " %sCWR",
			(e->invert & XT_ECN_OP_MATCH_CWR) ? (save ? " !" : "!") : "");
	if (e->operation & XT_ECN_OP_MATCH_IP)
		fprintf(out, save ? "%s --ecn-ip-ect %d" : " %sECT=%d",
			(e->invert & XT_ECN_OP_MATCH_IP) ? (save ? " !" : "!") : "", e->ip_ect);
}

static void ecn_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fputs(" ECN match", out);
	ecn_show(out, data, false);
}

static void ecn_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	ecn_show(out, data, true);
}

static int ecn_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!p->xflags)
		return xt_param_error(p, "ECN match: some option required");
	return 0;
}

/* ---- tcpmss ---- */
static const struct xt_option tcpmss_opts[] = { { "mss", 0, true }, { NULL, 0, false } };

static int tcpmss_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_tcpmss_match_info *m = data;
	unsigned int v[2], n;

	(void)id;
	if (xtables_parse_range(p, "tcpmss", "mss", arg, 0xFFFF, v, &n))
		return -1;
	if (v[1] < v[0])
		return xt_param_error(p, "tcpmss: invalid range given");
	m->mss_min = (u16)v[0];
	m->mss_max = (u16)v[1];
	m->invert = inv;
	return 0;
}

static void tcpmss_show(FILE *out, const struct xt_tcpmss_match_info *m)
{
	fprintf(out, "%u", m->mss_min);
	if (m->mss_min != m->mss_max)
		fprintf(out, ":%u", m->mss_max);
}

static void tcpmss_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_tcpmss_match_info *m = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " tcpmss match %s", m->invert ? "!" : "");
	tcpmss_show(out, m);
}

static void tcpmss_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_tcpmss_match_info *m = data;

	(void)ip;
	fprintf(out, "%s --mss ", m->invert ? " !" : "");
	tcpmss_show(out, m);
}

const struct xtables_match libxt_esp = {
	.name = "esp", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_spi_info),
	.init = spi_init, .opts = esp_opts, .parse = esp_parse, .print = esp_print,
	.save = esp_save,
};

const struct xtables_match libipt_ah = {
	.name = "ah", .family = NFPROTO_IPV4, .size = sizeof(struct xt_spi_info),
	.init = spi_init, .opts = ah_opts, .parse = ah_parse, .print = ah_print, .save = ah_save,
};

const struct xtables_match libxt_ipcomp = {
	.name = "ipcomp", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_spi_info),
	.init = spi_init, .opts = ipcomp_opts, .parse = ipcomp_parse, .print = ipcomp_print,
	.save = ipcomp_save,
};

const struct xtables_match libxt_ecn = {
	.name = "ecn", .family = NFPROTO_IPV4, .size = sizeof(struct xt_ecn_info),
	.opts = ecn_opts, .parse = ecn_parse, .final_check = ecn_final, .print = ecn_print,
	.save = ecn_save,
};

const struct xtables_match libxt_tcpmss = {
	.name = "tcpmss", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_tcpmss_match_info),
	.opts = tcpmss_opts, .parse = tcpmss_parse, .print = tcpmss_print, .save = tcpmss_save,
	.mand = 1,
};
