/* The tool side of -m string (iptables' libxt_string.c): --string or
 * --hex-string ("|0a 0d|" blocks between literal characters), --algo,
 * --from/--to, --icase; a pattern with a byte that is not printable is
 * shown in the hex form. */
#include <ctype.h>
#include <string.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_more.h"

enum { O_FROM, O_TO, O_ALGO, O_STRING, O_HEX_STRING, O_ICASE };

static const struct xt_option string_opts[] = {
	{ "from", O_FROM, true }, { "to", O_TO, true }, { "algo", O_ALGO, true },
	{ "string", O_STRING, true }, { "hex-string", O_HEX_STRING, true },
	{ "icase", O_ICASE, false }, { NULL, 0, false },
};

/* One "|hex hex|" block from s[*i] (just past the opening '|'). */
static int hex_block(struct xt_parse *p, const char *s, size_t *i, struct xt_string_info *info)
{
	size_t len = strlen(s);

	while (*i < len && s[*i] == ' ')
		++*i;
	while (*i < len && s[*i] != '|') {
		unsigned int v;
		char two[3] = { s[*i], s[*i + 1], 0 };

		if (*i + 2 >= len)
			return xt_param_error(p, *i + 1 >= len ? "Odd number of hex digits" :
					      "Invalid hex block");
		if (!isxdigit((unsigned char)two[0]) || !isxdigit((unsigned char)two[1]))
			return xt_param_error(p, "Invalid hex char '%c'",
					      isxdigit((unsigned char)two[0]) ? two[1] : two[0]);
		if (info->patlen >= XT_STRING_MAX_PATTERN_SIZE)
			return xt_param_error(p, "STRING too long \"%s\"", s);
		sscanf(two, "%x", &v);
		info->pattern[info->patlen++] = (char)v;
		*i += s[*i + 2] == ' ' ? 3 : 2;
	}
	++*i;	/* the closing '|' */
	return 0;
}

static int parse_hex_string(struct xt_parse *p, const char *s, struct xt_string_info *info)
{
	size_t len = strlen(s);

	if (!len)
		return xt_param_error(p, "STRING must contain at least one char");
	info->patlen = 0;
	for (size_t i = 0; i < len;) {
		if (s[i] == '|') {
			i++;
			if (hex_block(p, s, &i, info))
				return -1;
			continue;
		}
		if (info->patlen >= XT_STRING_MAX_PATTERN_SIZE)
			return xt_param_error(p, "STRING too long \"%s\"", s);
		if (s[i] == '\\') {
			if (i + 1 >= len)
				return xt_param_error(p, "Bad literal placement at end of string");
			i++;
		}
		info->pattern[info->patlen++] = s[i++];
	}
	return 0;
}

static int string_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_string_info *info = data;
	unsigned int v;

	switch (id) {
	case O_FROM:
	case O_TO:
		if (!xtables_strtoui(arg, &v, 0, 0xFFFF))
			return xt_param_error(p, "string: bad value for option \"--%s\", or out of "
					      "range (0-65535).\n", id == O_FROM ? "from" : "to");
		*(id == O_FROM ? &info->from_offset : &info->to_offset) = (u16)v;
		return 0;
	case O_ALGO:
		snprintf(info->algo, sizeof(info->algo), "%s", arg);
		return 0;
	case O_ICASE:
		info->flags |= XT_STRING_FLAG_IGNORECASE;
		return 0;
	}
	if ((p->xflags & (1u << O_STRING | 1u << O_HEX_STRING)))
		return xtables_excl_error(p, "string", "string", "hex-string");
	info->flags |= inv ? XT_STRING_FLAG_INVERT : 0;
	if (id == O_HEX_STRING)
		return parse_hex_string(p, arg, info);
	if (strlen(arg) > XT_STRING_MAX_PATTERN_SIZE)
		return xt_param_error(p, "STRING too long \"%s\"", arg);
	memcpy(info->pattern, arg, strlen(arg));
	info->patlen = (u8)strlen(arg);
	return 0;
}

static void string_init(void *data)
{
	((struct xt_string_info *)data)->to_offset = 0xFFFF;
}

static int string_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!(p->xflags & (1u << O_STRING | 1u << O_HEX_STRING)))
		return xt_param_error(p, "STRING match: You must specify `--string' or "
				      "`--hex-string'");
	return 0;
}

static bool is_hex_string(const struct xt_string_info *info)
{
	for (unsigned int i = 0; i < info->patlen; i++)
		if (!isprint((unsigned char)info->pattern[i]))
			return true;
	return info->patlen && info->pattern[info->patlen - 1] == '\\';
}

static void string_pattern(FILE *out, const struct xt_string_info *info)
{
	if (is_hex_string(info)) {
		fputs(" \"|", out);
		for (unsigned int i = 0; i < info->patlen; i++)
			fprintf(out, "%02x", (unsigned char)info->pattern[i]);
		fputs("|\"", out);
		return;
	}
	fputs(" \"", out);
	for (unsigned int i = 0; i < info->patlen; i++) {
		if (info->pattern[i] == '"' || info->pattern[i] == '\\')
			fputc('\\', out);
		fputc(info->pattern[i], out);
	}
	fputc('"', out);
}

static void string_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_string_info *info = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " STRING match %s", (info->flags & XT_STRING_FLAG_INVERT) ? "!" : "");
	string_pattern(out, info);
	fprintf(out, " ALGO name %s", info->algo);
	if (info->from_offset)
		fprintf(out, " FROM %u", info->from_offset);
	if (info->to_offset != 0xFFFF)
		fprintf(out, " TO %u", info->to_offset);
	if (info->flags & XT_STRING_FLAG_IGNORECASE)
		fputs(" ICASE", out);
}

static void string_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_string_info *info = data;

	(void)ip;
	fprintf(out, "%s --%s", (info->flags & XT_STRING_FLAG_INVERT) ? " !" : "",
		is_hex_string(info) ? "hex-string" : "string");
	string_pattern(out, info);
	fprintf(out, " --algo %s", info->algo);
	if (info->from_offset)
		fprintf(out, " --from %u", info->from_offset);
	if (info->to_offset != 0xFFFF)
		fprintf(out, " --to %u", info->to_offset);
	if (info->flags & XT_STRING_FLAG_IGNORECASE)
		fputs(" --icase", out);
}

const struct xtables_match libxt_string = {
	.name = "string", .revision = 1, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_string_info), .init = string_init, .opts = string_opts,
	.parse = string_parse, .final_check = string_final, .print = string_print,
	.save = string_save, .mand = 1u << O_ALGO,
};
