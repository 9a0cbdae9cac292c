/* The tool side of the header-rewriting targets: -j DSCP, -j TOS
 * (iptables' libxt_DSCP.c, libxt_TOS.c), -j TTL (libipt_TTL.c), -j ECN
 * (libipt_ECN.c), -j TCPOPTSTRIP (libxt_TCPOPTSTRIP.c); and the DiffServ class names (dscp_helper.c) that
 * -m dscp --dscp-class shares. */
#include <string.h>
#include <strings.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_mangle.h"

static const struct { const char *name; u8 dscp; } ds_classes[] = {
	{ "CS0", 0x00 }, { "CS1", 0x08 }, { "CS2", 0x10 }, { "CS3", 0x18 }, { "CS4", 0x20 },
	{ "CS5", 0x28 }, { "CS6", 0x30 }, { "CS7", 0x38 }, { "BE", 0x00 }, { "AF11", 0x0a },
	{ "AF12", 0x0c }, { "AF13", 0x0e }, { "AF21", 0x12 }, { "AF22", 0x14 }, { "AF23", 0x16 },
	{ "AF31", 0x1a }, { "AF32", 0x1c }, { "AF33", 0x1e }, { "AF41", 0x22 }, { "AF42", 0x24 },
	{ "AF43", 0x26 }, { "EF", 0x2e },
};

/* As iptables' class_to_dscp: the name only has to start with a class. */
int xtables_dscp_class(struct xt_parse *p, const char *name)
{
	for (size_t i = 0; i < sizeof(ds_classes) / sizeof(ds_classes[0]); i++)
		if (!strncasecmp(name, ds_classes[i].name, strlen(ds_classes[i].name)))
			return ds_classes[i].dscp;
	return xt_param_error(p, "Invalid DSCP value `%s'", name);
}

/* "EXT: option \"--A\" cannot be used together with \"--B\"." */
int xtables_excl_error(struct xt_parse *p, const char *ext, const char *a, const char *b)
{
	return xt_param_error(p, "%s: option \"--%s\" cannot be used together with \"--%s\".\n",
			      ext, a, b);
}

/* ---- DSCP ---- */
enum { O_SET_DSCP, O_SET_DSCP_CLASS };

static const struct xt_option dscp_tg_opts[] = {
	{ "set-dscp", O_SET_DSCP, true }, { "set-dscp-class", O_SET_DSCP_CLASS, true },
	{ NULL, 0, false },
};

static int dscp_tg_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_DSCP_info *d = data;
	unsigned int v;
	int c;

	(void)inv;
	if (id == O_SET_DSCP_CLASS) {
		if ((c = xtables_dscp_class(p, arg)) < 0)
			return -1;
		d->dscp = (u8)c;
		return 0;
	}
	if (!xtables_strtoui(arg, &v, 0, XT_DSCP_MAX))
		return xt_param_error(p, "DSCP: bad value for option \"--set-dscp\", or out of "
				      "range (0-63).\n");
	d->dscp = (u8)v;
	return 0;
}

static int dscp_tg_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!p->xflags)
		return xt_param_error(p, "DSCP target: Parameter --set-dscp is required");
	if (p->xflags == 3)
		return xtables_excl_error(p, "DSCP", "set-dscp", "set-dscp-class");
	return 0;
}

static void dscp_tg_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fprintf(out, " DSCP set 0x%02x", ((const struct xt_DSCP_info *)data)->dscp);
}

static void dscp_tg_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	fprintf(out, " --set-dscp 0x%02x", ((const struct xt_DSCP_info *)data)->dscp);
}

/* ---- TOS ---- */
static const struct { const char *name; u8 value; } tos_names[] = {
	{ "Minimize-Cost", 0x02 }, { "Maximize-Reliability", 0x04 },
	{ "Maximize-Throughput", 0x08 }, { "Minimize-Delay", 0x10 }, { "Normal-Service", 0x00 },
};
#define NTOS (sizeof(tos_names) / sizeof(tos_names[0]))

enum { O_SET_TOS, O_AND_TOS, O_OR_TOS, O_XOR_TOS };
static const char *const tos_opt_names[] = { "set-tos", "and-tos", "or-tos", "xor-tos" };

static const struct xt_option tos_tg_opts[] = {
	{ "set-tos", O_SET_TOS, true }, { "and-tos", O_AND_TOS, true },
	{ "or-tos", O_OR_TOS, true }, { "xor-tos", O_XOR_TOS, true }, { NULL, 0, false },
};

/* --set-tos: "value[/mask]" (mask 0xff) or a symbolic name (mask 0x3f) */
static int tos_tg_set(struct xt_parse *p, const char *arg, struct xt_tos_target_info *t)
{
	char buf[64], *slash;
	unsigned int v, m = 0xFF;

	snprintf(buf, sizeof(buf), "%s", arg);
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	if (xtables_strtoui(buf, &v, 0, 0xFF)) {
		if (slash && !xtables_strtoui(slash + 1, &m, 0, 0xFF))
			return xt_param_error(p, "Illegal value: \"%s\"", arg);
		t->tos_value = (u8)v;
		t->tos_mask = (u8)m;
		return 0;
	}
	for (size_t i = 0; i < NTOS; i++)
		if (!strcasecmp(arg, tos_names[i].name)) {
			t->tos_value = tos_names[i].value;
			t->tos_mask = 0x3F;
			return 0;
		}
	return xt_param_error(p, "Symbolic name \"%s\" is unknown", arg);
}

static int tos_tg_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_tos_target_info *t = data;
	unsigned int v;

	(void)inv;
	if (p->xflags & (1u << id))
		return xt_param_error(p, "TOS: option \"--%s\" can only be used once.\n",
				      tos_opt_names[id]);
	if (id == O_SET_TOS)
		return tos_tg_set(p, arg, t);
	if (!xtables_strtoui(arg, &v, 0, 0xFF))
		return xt_param_error(p, "TOS: bad value for option \"--%s\", or out of range "
				      "(0-255).\n", tos_opt_names[id]);
	t->tos_value = id == O_AND_TOS ? 0 : (u8)v;
	t->tos_mask = id == O_AND_TOS ? (u8)~v : id == O_OR_TOS ? (u8)v : 0;
	return 0;
}

static int tos_tg_final(struct xt_parse *p, void *data)
{
	int first = -1;

	(void)data;
	if (!p->xflags)
		return xt_param_error(p, "TOS: An action is required");
	for (int i = 0; i < 4; i++)
		if (p->xflags & (1u << i)) {
			if (first >= 0)
				return xtables_excl_error(p, "TOS", tos_opt_names[first],
							  tos_opt_names[i]);
			first = i;
		}
	return 0;
}

static void tos_tg_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_tos_target_info *t = data;

	(void)ip;
	if (!numeric && t->tos_mask == 0x3F)
		for (size_t i = 0; i < NTOS; i++)
			if (tos_names[i].value == t->tos_value) {
				fprintf(out, " TOS set %s", tos_names[i].name);
				return;
			}
	if (numeric)
		fprintf(out, " TOS set 0x%02x/0x%02x", t->tos_value, t->tos_mask);
	else if (t->tos_value == 0)
		fprintf(out, " TOS and 0x%02x", (u8)~t->tos_mask);
	else if (t->tos_value == t->tos_mask)
		fprintf(out, " TOS or 0x%02x", t->tos_value);
	else if (t->tos_mask == 0)
		fprintf(out, " TOS xor 0x%02x", t->tos_value);
	else
		fprintf(out, " TOS set 0x%02x/0x%02x", t->tos_value, t->tos_mask);
}

static void tos_tg_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_tos_target_info *t = data;

	(void)ip;
	fprintf(out, " --set-tos 0x%02x/0x%02x", t->tos_value, t->tos_mask);
}

/* ---- TTL ---- */
static const char *const ttl_opt_names[] = { "ttl-set", "ttl-inc", "ttl-dec" };

static const struct xt_option ttl_tg_opts[] = {
	{ "ttl-set", IPT_TTL_SET, true }, { "ttl-dec", IPT_TTL_DEC, true },
	{ "ttl-inc", IPT_TTL_INC, true }, { NULL, 0, false },
};

static int ttl_tg_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ipt_TTL_info *t = data;
	unsigned int v, min = id == IPT_TTL_SET ? 0 : 1;

	(void)inv;
	if (p->xflags & (1u << id))
		return xt_param_error(p, "TTL: option \"--%s\" can only be used once.\n",
				      ttl_opt_names[id]);
	if (!xtables_strtoui(arg, &v, min, 255))
		return xt_param_error(p, "TTL: bad value for option \"--%s\", or out of range "
				      "(%u-255).\n", ttl_opt_names[id], min);
	t->mode = (u8)id;
	t->ttl = (u8)v;
	return 0;
}

static int ttl_tg_final(struct xt_parse *p, void *data)
{
	static const int order[] = { IPT_TTL_SET, IPT_TTL_DEC, IPT_TTL_INC };
	int first = -1;

	(void)data;
	if (!p->xflags)
		return xt_param_error(p, "TTL: You must specify an action");
	for (int i = 0; i < 3; i++)
		if (p->xflags & (1u << order[i])) {
			if (first >= 0)
				return xtables_excl_error(p, "TTL", ttl_opt_names[first],
							  ttl_opt_names[order[i]]);
			first = order[i];
		}
	return 0;
}

static void ttl_tg_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	static const char *const what[] = { "set to", "increment by", "decrement by" };
	const struct ipt_TTL_info *t = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " TTL %s %u", t->mode <= IPT_TTL_MAXMODE ? what[t->mode] : "", t->ttl);
}

static void ttl_tg_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ipt_TTL_info *t = data;

	(void)ip;
	if (t->mode <= IPT_TTL_MAXMODE)
		fprintf(out, " --%s", ttl_opt_names[t->mode]);
	fprintf(out, " %u", t->ttl);
}

/* ---- ECN ---- */
enum { O_ECN_REMOVE, O_ECN_CWR, O_ECN_ECE, O_ECN_IP };
static const char *const ecn_opt_names[] = { "ecn-tcp-remove", "ecn-tcp-cwr", "ecn-tcp-ece",
					     "ecn-ip-ect" };

static const struct xt_option ecn_tg_opts[] = {
	{ "ecn-tcp-remove", O_ECN_REMOVE, false }, { "ecn-tcp-cwr", O_ECN_CWR, true },
	{ "ecn-tcp-ece", O_ECN_ECE, true }, { "ecn-ip-ect", O_ECN_IP, true }, { NULL, 0, false },
};

static int ecn_tg_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct ipt_ECN_info *e = data;
	unsigned int v = 0, max = id == O_ECN_IP ? 3 : 1;

	(void)inv;
	if (id != O_ECN_REMOVE && !xtables_strtoui(arg, &v, 0, max))
		return xt_param_error(p, "ECN: bad value for option \"--%s\", or out of range "
				      "(0-%u).\n", ecn_opt_names[id], max);
	switch (id) {
	case O_ECN_REMOVE:
		e->operation |= IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR;
		e->ece = e->cwr = 0;
		break;
	case O_ECN_CWR:
		e->operation |= IPT_ECN_OP_SET_CWR;
		e->cwr = (u8)v;
		break;
	case O_ECN_ECE:
		e->operation |= IPT_ECN_OP_SET_ECE;
		e->ece = (u8)v;
		break;
	case O_ECN_IP:
		e->operation |= IPT_ECN_OP_SET_IP;
		e->ip_ect = (u8)v;
		break;
	}
	return 0;
}

static int ecn_tg_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!p->xflags)
		return xt_param_error(p, "ECN target: An operation is required");
	if ((p->xflags & 1u << O_ECN_REMOVE) && (p->xflags & (1u << O_ECN_CWR | 1u << O_ECN_ECE)))
		return xtables_excl_error(p, "ECN", "ecn-tcp-remove",
					  (p->xflags & 1u << O_ECN_CWR) ? "ecn-tcp-cwr" :
					  "ecn-tcp-ece");
	return 0;
}

static void ecn_tg_show(FILE *out, const struct ipt_ECN_info *e, bool save)
{
	if (e->operation == (IPT_ECN_OP_SET_ECE | IPT_ECN_OP_SET_CWR) && !e->ece && !e->cwr) {
		fputs(save ? " --ecn-tcp-remove" : " TCP remove", out);
		return;
	}
	if (e->operation & IPT_ECN_OP_SET_ECE)
		fprintf(out, save ? " --ecn-tcp-ece %d" : " ECE=%d", e->ece);
	if (e->operation & IPT_ECN_OP_SET_CWR)
		fprintf(out, save ? " --ecn-tcp-cwr %d" : " CWR=%d", e->cwr);
	if (e->operation & IPT_ECN_OP_SET_IP)
		fprintf(out, save ? " --ecn-ip-ect %d" : " ECT codepoint=%d", e->ip_ect);
}

static void ecn_tg_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fputs(" ECN", out);
	ecn_tg_show(out, data, false);
}

static void ecn_tg_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	ecn_tg_show(out, data, true);
}

/* ---- TCPOPTSTRIP ---- */
static const struct { const char *name; u8 kind; } tcpopt_names[] = {
	{ "wscale", 3 }, { "mss", 2 }, { "sack-permitted", 4 }, { "sack", 5 },
	{ "timestamp", 8 }, { "md5", 19 },
};

static const struct xt_option tcpoptstrip_opts[] = {
	{ "strip-options", 0, true }, { NULL, 0, false },
};

static int tcpoptstrip_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_tcpoptstrip_target_info *t = data;
	char buf[256], *save = NULL;

	(void)id;
	(void)inv;
	snprintf(buf, sizeof(buf), "%s", arg);
	for (char *o = strtok_r(buf, ",", &save); o; o = strtok_r(NULL, ",", &save)) {
		unsigned int kind = 0;

		for (size_t i = 0; i < sizeof(tcpopt_names) / sizeof(tcpopt_names[0]); i++)
			if (!strcmp(tcpopt_names[i].name, o))
				kind = tcpopt_names[i].kind;
		if (!kind && !xtables_strtoui(o, &kind, 0, 255))
			return xt_param_error(p, "Bad TCP option value \"%s\"", o);
		if (kind < 2)
			return xt_param_error(p, "Option value may not be 0 or 1");
		if (t->strip_bmap[kind / 32] & (1u << (kind % 32)))
			return xt_param_error(p, "Option \"%s\" already specified", o);
		t->strip_bmap[kind / 32] |= 1u << (kind % 32);
	}
	return 0;
}

static void tcpoptstrip_list(FILE *out, const struct xt_tcpoptstrip_target_info *t, bool numeric)
{
	const char *sep = "";

	for (unsigned int k = 0; k < 256; k++) {
		const char *name = NULL;

		if (!(t->strip_bmap[k / 32] & (1u << (k % 32))))
			continue;
		for (size_t i = 0; !numeric && i < sizeof(tcpopt_names) / sizeof(tcpopt_names[0]); i++)
			if (tcpopt_names[i].kind == k)
				name = tcpopt_names[i].name;
		if (name)
			fprintf(out, "%s%s", sep, name);
		else
			fprintf(out, "%s%u", sep, k);
		sep = ",";
	}
}

static bool tcpoptstrip_empty(const struct xt_tcpoptstrip_target_info *t)
{
	for (int i = 0; i < 8; i++)
		if (t->strip_bmap[i])
			return false;
	return true;
}

static void tcpoptstrip_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	if (tcpoptstrip_empty(data))
		return;
	fputs(" TCPOPTSTRIP options ", out);
	tcpoptstrip_list(out, data, numeric);
}

static void tcpoptstrip_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	if (tcpoptstrip_empty(data))
		return;
	fputs(" --strip-options ", out);
	tcpoptstrip_list(out, data, true);
}

const struct xtables_target libxt_TCPOPTSTRIP = {
	.name = "TCPOPTSTRIP", .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_tcpoptstrip_target_info), .opts = tcpoptstrip_opts,
	.parse = tcpoptstrip_parse, .print = tcpoptstrip_print, .save = tcpoptstrip_save,
};

const struct xtables_target libxt_DSCP = {
	.name = "DSCP", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_DSCP_info),
	.opts = dscp_tg_opts, .parse = dscp_tg_parse, .final_check = dscp_tg_final,
	.print = dscp_tg_print, .save = dscp_tg_save,
};

const struct xtables_target libxt_TOS = {
	.name = "TOS", .revision = 1, .family = NFPROTO_IPV4,
	.size = sizeof(struct xt_tos_target_info), .opts = tos_tg_opts, .parse = tos_tg_parse,
	.final_check = tos_tg_final, .print = tos_tg_print, .save = tos_tg_save,
};

const struct xtables_target libipt_TTL = {
	.name = "TTL", .family = NFPROTO_IPV4, .size = sizeof(struct ipt_TTL_info),
	.opts = ttl_tg_opts, .parse = ttl_tg_parse, .final_check = ttl_tg_final,
	.print = ttl_tg_print, .save = ttl_tg_save,
};

const struct xtables_target libipt_ECN = {
	.name = "ECN", .family = NFPROTO_IPV4, .size = sizeof(struct ipt_ECN_info),
	.opts = ecn_tg_opts, .parse = ecn_tg_parse, .final_check = ecn_tg_final,
	.print = ecn_tg_print, .save = ecn_tg_save,
};
