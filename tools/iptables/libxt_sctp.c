/* The tool side of -m sctp and -m dccp (iptables' libxt_sctp.c,
 * libxt_dccp.c): ports, SCTP chunk types with their flags, DCCP packet
 * types and option; -L, -S and iptables-save as iptables 1.8.9 prints. */
#include <string.h>
#include <strings.h>
#include <ctype.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_proto.h"

/* "80", "a:b", ":b", "a:" with service names of proto */
static int parse_proto_ports(struct xt_parse *p, const char *arg, const char *proto, u16 *pts)
{
	char buf[64], *colon;
	int lo, hi;

	snprintf(buf, sizeof(buf), "%s", arg);
	colon = strchr(buf, ':');
	if (colon)
		*colon = '\0';
	lo = buf[0] || !colon ? xtables_parse_port(buf, proto) : 0;
	hi = !colon ? lo : colon[1] ? xtables_parse_port(colon + 1, proto) : 0xFFFF;
	if (lo < 0 || hi < 0)
		return xt_param_error(p, "invalid port/service `%s' specified",
				      lo < 0 ? buf : colon + 1);
	if (lo > hi)
		return xt_param_error(p, "invalid portrange (min > max)");
	pts[0] = (u16)lo;
	pts[1] = (u16)hi;
	return 0;
}

/* -L: "spt:80", "spts:!1:2" */
static void print_ports(FILE *out, const char *name, const u16 *pts, bool inv, bool numeric,
			const char *proto)
{
	if (pts[0] == 0 && pts[1] == 0xFFFF && !inv)
		return;
	fprintf(out, " %s%s:%s", name, pts[0] == pts[1] ? "" : "s", inv ? "!" : "");
	xtables_print_port(out, pts[0], proto, numeric);
	if (pts[0] != pts[1]) {
		fputc(':', out);
		xtables_print_port(out, pts[1], proto, numeric);
	}
}

/* -S: " ! --sport 1:2" */
static void save_ports(FILE *out, const char *opt, const u16 *pts, bool inv)
{
	fprintf(out, "%s --%s %u", inv ? " !" : "", opt, pts[0]);
	if (pts[0] != pts[1])
		fprintf(out, ":%u", pts[1]);
}

/* ---- sctp ---- */
static const struct { const char *name; u8 type; const char *flags; } sctp_chunks[] = {
	{ "DATA", 0, "----IUBE" }, { "INIT", 1, "--------" }, { "INIT_ACK", 2, "--------" },
	{ "SACK", 3, "--------" }, { "HEARTBEAT", 4, "--------" },
	{ "HEARTBEAT_ACK", 5, "--------" }, { "ABORT", 6, "-------T" },
	{ "SHUTDOWN", 7, "--------" }, { "SHUTDOWN_ACK", 8, "--------" },
	{ "ERROR", 9, "--------" }, { "COOKIE_ECHO", 10, "--------" },
	{ "COOKIE_ACK", 11, "--------" }, { "ECN_ECNE", 12, "--------" },
	{ "ECN_CWR", 13, "--------" }, { "SHUTDOWN_COMPLETE", 14, "-------T" },
	{ "I_DATA", 64, "----IUBE" }, { "RE_CONFIG", 130, "--------" },
	{ "PAD", 132, "--------" }, { "ASCONF", 193, "--------" },
	{ "ASCONF_ACK", 128, "--------" }, { "FORWARD_TSN", 192, "--------" },
	{ "I_FORWARD_TSN", 194, "--------" },
};
#define NCHUNKS (sizeof(sctp_chunks) / sizeof(sctp_chunks[0]))

enum { O_SPORT, O_DPORT, O_CHUNKS, O_TYPES, O_OPTION };

static const struct xt_option sctp_opts[] = {
	{ "source-port", O_SPORT, true }, { "sport", O_SPORT, true },
	{ "destination-port", O_DPORT, true }, { "dport", O_DPORT, true },
	{ "chunk-types", O_CHUNKS, true }, { NULL, 0, false },
};

static int sctp_chunk_flags(struct xt_parse *p, struct xt_sctp_info *s, size_t c,
			    const char *flags)
{
	struct xt_sctp_flag_info *fi = NULL;

	for (int i = 0; i < s->flag_count; i++)
		if (s->flag_info[i].chunktype == sctp_chunks[c].type)
			fi = &s->flag_info[i];
	for (; *flags; flags++) {
		const char *at = strchr(sctp_chunks[c].flags, toupper((unsigned char)*flags));
		u8 bit;

		if (!at)
			return xt_param_error(p, "Invalid flags for chunk type %zu", c);
		if (!fi) {
			if (s->flag_count == XT_NUM_SCTP_FLAGS)
				return xt_param_error(p, "Number of chunk types with flags exceeds "
						      "currently allowed limit.");
			fi = &s->flag_info[s->flag_count++];
			fi->chunktype = sctp_chunks[c].type;
		}
		bit = (u8)(1u << (7 - (at - sctp_chunks[c].flags)));
		fi->flag_mask |= bit;
		if (isupper((unsigned char)*flags))
			fi->flag |= bit;
	}
	return 0;
}

static int sctp_chunk_list(struct xt_parse *p, struct xt_sctp_info *s, char *list)
{
	char *save = NULL;

	memset(s->chunkmap, 0, sizeof(s->chunkmap));
	if (!strcasecmp(list, "ALL")) {
		memset(s->chunkmap, 0xFF, sizeof(s->chunkmap));
		return 0;
	}
	if (!strcasecmp(list, "NONE"))
		return 0;
	for (char *t = strtok_r(list, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		char *flags = strchr(t, ':');
		size_t c;

		if (flags)
			*flags++ = '\0';
		for (c = 0; c < NCHUNKS && strcasecmp(sctp_chunks[c].name, t); c++)
			;
		if (c == NCHUNKS)
			return xt_param_error(p, "Unknown sctp chunk `%s'", t);
		s->chunkmap[sctp_chunks[c].type / 32] |= 1u << (sctp_chunks[c].type % 32);
		if (flags && sctp_chunk_flags(p, s, c, flags))
			return -1;
	}
	return 0;
}

/* --chunk-types MATCH LIST (joined by a space by the core) */
static int sctp_parse_chunks(struct xt_parse *p, struct xt_sctp_info *s, const char *arg)
{
	char buf[1024], *list;

	snprintf(buf, sizeof(buf), "%s", arg);
	list = strchr(buf, ' ');
	if (!list || !list[1] || list[1] == '-' || list[1] == '!')
		return xt_param_error(p, "--chunk-types requires two args");
	*list++ = '\0';
	if (!strcasecmp(buf, "ANY"))
		s->chunk_match_type = SCTP_CHUNK_MATCH_ANY;
	else if (!strcasecmp(buf, "ALL"))
		s->chunk_match_type = SCTP_CHUNK_MATCH_ALL;
	else if (!strcasecmp(buf, "ONLY"))
		s->chunk_match_type = SCTP_CHUNK_MATCH_ONLY;
	else
		return xt_param_error(p, "Match type has to be one of \"ALL\", \"ANY\" or \"ONLY\"");
	return sctp_chunk_list(p, s, list);
}

static int sctp_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	static const char *const once[] = { "--source-port", "--destination-port",
					     "--chunk-types" };
	struct xt_sctp_info *s = data;
	u32 flag = 1u << id;
	int rc;

	if (p->xflags & flag)
		return xt_param_error(p, "Only one `%s' allowed", once[id]);
	if (id == O_SPORT)
		rc = parse_proto_ports(p, arg, "sctp", s->spts);
	else if (id == O_DPORT)
		rc = parse_proto_ports(p, arg, "sctp", s->dpts);
	else
		rc = sctp_parse_chunks(p, s, arg);
	s->flags |= flag;
	s->invflags |= inv ? flag : 0;
	return rc;
}

static void sctp_init(void *data)
{
	struct xt_sctp_info *s = data;

	s->spts[1] = s->dpts[1] = 0xFFFF;
}

static bool sctp_map_all(const struct xt_sctp_info *s, u32 value)
{
	for (int i = 0; i < 256 / 32; i++)
		if (s->chunkmap[i] != value)
			return false;
	return true;
}

static void sctp_print_flags(FILE *out, const struct xt_sctp_info *s, size_t c)
{
	for (int j = 0; j < s->flag_count; j++) {
		const struct xt_sctp_flag_info *fi = &s->flag_info[j];

		if (fi->chunktype != sctp_chunks[c].type || !fi->flag_mask)
			continue;
		fputc(':', out);
		for (int b = 7; b >= 0; b--)
			if (fi->flag_mask & (1u << b)) {
				char f = sctp_chunks[c].flags[7 - b];

				fputc((fi->flag & (1u << b)) ? f : tolower((unsigned char)f), out);
			}
	}
}

static void sctp_print_chunks(FILE *out, const struct xt_sctp_info *s, bool numeric)
{
	const char *sep = " ";

	switch (s->chunk_match_type) {
	case SCTP_CHUNK_MATCH_ANY: fputs(" any", out); break;
	case SCTP_CHUNK_MATCH_ALL: fputs(" all", out); break;
	case SCTP_CHUNK_MATCH_ONLY: fputs(" only", out); break;
	}
	if (sctp_map_all(s, 0)) {
		fputs(" NONE", out);
		return;
	}
	if (sctp_map_all(s, 0xFFFFFFFFu)) {
		fputs(" ALL", out);
		return;
	}
	for (unsigned int t = 0; t < 256; t++) {
		size_t c;

		if (!(s->chunkmap[t / 32] & (1u << (t % 32))))
			continue;
		fputs(sep, out);
		sep = ",";
		if (numeric) {
			fprintf(out, "0x%04X", t);
			continue;
		}
		for (c = 0; c < NCHUNKS && sctp_chunks[c].type != t; c++)
			;
		if (c < NCHUNKS) {
			fputs(sctp_chunks[c].name, out);
			sctp_print_flags(out, s, c);
		}
	}
}

static void sctp_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_sctp_info *s = data;

	(void)ip;
	fputs(" sctp", out);
	if (s->flags & (1u << O_SPORT))
		print_ports(out, "spt", s->spts, s->invflags & (1u << O_SPORT), numeric, "sctp");
	if (s->flags & (1u << O_DPORT))
		print_ports(out, "dpt", s->dpts, s->invflags & (1u << O_DPORT), numeric, "sctp");
	if (s->flags & XT_SCTP_CHUNK_TYPES) {
		if (s->invflags & XT_SCTP_CHUNK_TYPES)
			fputs(" !", out);
		sctp_print_chunks(out, s, numeric);
	}
}

static void sctp_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_sctp_info *s = data;

	(void)ip;
	if (s->flags & XT_SCTP_SRC_PORTS)
		save_ports(out, "sport", s->spts, s->invflags & XT_SCTP_SRC_PORTS);
	if (s->flags & XT_SCTP_DEST_PORTS)
		save_ports(out, "dport", s->dpts, s->invflags & XT_SCTP_DEST_PORTS);
	if (s->flags & XT_SCTP_CHUNK_TYPES) {
		fprintf(out, "%s --chunk-types", (s->invflags & XT_SCTP_CHUNK_TYPES) ? " !" : "");
		sctp_print_chunks(out, s, false);
	}
}

/* ---- dccp ---- */
static const char *const dccp_types[] = {
	"REQUEST", "RESPONSE", "DATA", "ACK", "DATAACK", "CLOSEREQ", "CLOSE", "RESET", "SYNC",
	"SYNCACK", "INVALID",
};
#define DCCP_PKT_INVALID 10
#define DCCP_INVALID_OTHERS 0xf800	/* types 11-15 count as INVALID */

static const struct xt_option dccp_opts[] = {
	{ "source-port", O_SPORT, true }, { "sport", O_SPORT, true },
	{ "destination-port", O_DPORT, true }, { "dport", O_DPORT, true },
	{ "dccp-types", O_TYPES, true }, { "dccp-option", O_OPTION, true }, { NULL, 0, false },
};

static int dccp_parse_types(struct xt_parse *p, const char *arg, u16 *mask)
{
	char buf[256], *save = NULL;

	snprintf(buf, sizeof(buf), "%s", arg);
	*mask = 0;
	for (char *t = strtok_r(buf, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		unsigned int i;

		for (i = 0; i <= DCCP_PKT_INVALID && strcasecmp(dccp_types[i], t); i++)
			;
		if (i > DCCP_PKT_INVALID)
			return xt_param_error(p, "Unknown DCCP type `%s'", t);
		*mask |= (u16)(1u << i);
	}
	if (*mask & (1u << DCCP_PKT_INVALID))
		*mask |= DCCP_INVALID_OTHERS;
	return 0;
}

static int dccp_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	static const u16 flag[] = { XT_DCCP_SRC_PORTS, XT_DCCP_DEST_PORTS, 0,
				    XT_DCCP_TYPE, XT_DCCP_OPTION };
	struct xt_dccp_info *d = data;
	unsigned int v;

	d->flags |= flag[id];
	d->invflags |= inv ? flag[id] : 0;
	switch (id) {
	case O_SPORT:
		return parse_proto_ports(p, arg, "dccp", d->spts);
	case O_DPORT:
		return parse_proto_ports(p, arg, "dccp", d->dpts);
	case O_TYPES:
		return dccp_parse_types(p, arg, &d->typemask);
	}
	if (!xtables_strtoui(arg, &v, 0, 255))
		return xt_param_error(p, "dccp: bad value for option \"--dccp-option\" near \"%s\", "
				      "or out of range (0-255).\n", arg);
	d->option = (u8)v;
	return 0;
}

static void dccp_init(void *data)
{
	struct xt_dccp_info *d = data;

	d->spts[1] = d->dpts[1] = 0xFFFF;
}

static void dccp_print_types(FILE *out, u16 types, bool numeric)
{
	const char *sep = " ";

	for (unsigned int i = 0; i < 16; i++) {
		if (!(types & (1u << i)))
			continue;
		fputs(sep, out);
		sep = ",";
		if (numeric) {
			fprintf(out, "%u", i);
			continue;
		}
		fputs(dccp_types[i], out);
		if (i == DCCP_PKT_INVALID)
			break;
	}
}

static void dccp_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_dccp_info *d = data;

	(void)ip;
	fputs(" dccp", out);
	if (d->flags & XT_DCCP_SRC_PORTS)
		print_ports(out, "spt", d->spts, d->invflags & XT_DCCP_SRC_PORTS, numeric, "dccp");
	if (d->flags & XT_DCCP_DEST_PORTS)
		print_ports(out, "dpt", d->dpts, d->invflags & XT_DCCP_DEST_PORTS, numeric, "dccp");
	if (d->flags & XT_DCCP_TYPE) {
		if (d->invflags & XT_DCCP_TYPE)
			fputs(" !", out);
		dccp_print_types(out, d->typemask, numeric);
	}
	if ((d->flags & XT_DCCP_OPTION) && (d->option || (d->invflags & XT_DCCP_OPTION)))
		fprintf(out, " option=%s%u", (d->invflags & XT_DCCP_OPTION) ? "!" : "", d->option);
}

static void dccp_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_dccp_info *d = data;

	(void)ip;
	if (d->flags & XT_DCCP_SRC_PORTS)
		save_ports(out, "sport", d->spts, d->invflags & XT_DCCP_SRC_PORTS);
	if (d->flags & XT_DCCP_DEST_PORTS)
		save_ports(out, "dport", d->dpts, d->invflags & XT_DCCP_DEST_PORTS);
	if (d->flags & XT_DCCP_TYPE) {
		fprintf(out, "%s --dccp-types", (d->invflags & XT_DCCP_TYPE) ? " !" : "");
		dccp_print_types(out, d->typemask, false);
	}
	if (d->flags & XT_DCCP_OPTION)
		fprintf(out, "%s --dccp-option %u", (d->invflags & XT_DCCP_OPTION) ? " !" : "",
			d->option);
}

const struct xtables_match libxt_sctp = {
	.name = "sctp", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_sctp_info),
	.init = sctp_init, .opts = sctp_opts, .parse = sctp_parse, .print = sctp_print,
	.save = sctp_save, .two_args_opt = "chunk-types",
};

const struct xtables_match libxt_dccp = {
	.name = "dccp", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_dccp_info),
	.init = dccp_init, .opts = dccp_opts, .parse = dccp_parse, .print = dccp_print,
	.save = dccp_save,
};
