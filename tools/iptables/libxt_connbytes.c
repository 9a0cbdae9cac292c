/* The tool side of -m connbytes and -m helper (iptables'
 * libxt_connbytes.c, libxt_helper.c). */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_ctmore.h"

enum { O_CONNBYTES, O_DIR, O_MODE };

static const struct xt_option connbytes_opts[] = {
	{ "connbytes", O_CONNBYTES, true }, { "connbytes-dir", O_DIR, true },
	{ "connbytes-mode", O_MODE, true }, { NULL, 0, false },
};

static bool parse_u64(const char *s, u64 *v)
{
	char *end;

	if (!*s || *s == '-')
		return false;
	errno = 0;
	*v = strtoull(s, &end, 0);
	return !errno && !*end;
}

static int connbytes_range(struct xt_parse *p, const char *arg, bool inv,
			   struct xt_connbytes_info *c)
{
	char buf[64], *colon;
	u64 t;

	snprintf(buf, sizeof(buf), "%s", arg);
	colon = strchr(buf, ':');
	if (colon)
		*colon = '\0';
	c->count.from = 0;
	c->count.to = UINT64_MAX;
	if ((buf[0] || !colon) && !parse_u64(buf, &c->count.from))
		goto bad;
	if (colon && colon[1] && !parse_u64(colon + 1, &c->count.to))
		goto bad;
	if (c->count.to < c->count.from)
		return xt_param_error(p, "%" PRIu64 " should be less than %" PRIu64, c->count.from,
				      c->count.to);
	if (inv) {
		t = c->count.from;
		c->count.from = c->count.to;
		c->count.to = t;
	}
	return 0;
bad:
	return xt_param_error(p, "connbytes: bad value for option \"--connbytes\" near \"%s\", "
			      "or out of range (0-18446744073709551615).\n", arg);
}

static int connbytes_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	static const char *const dirs[] = { "original", "reply", "both" };
	static const char *const modes[] = { "packets", "bytes", "avgpkt" };
	struct xt_connbytes_info *c = data;

	if (id == O_CONNBYTES)
		return connbytes_range(p, arg, inv, c);
	for (u8 i = 0; i < 3; i++)
		if (!strcmp(arg, id == O_DIR ? dirs[i] : modes[i])) {
			*(id == O_DIR ? &c->direction : &c->what) = i;
			return 0;
		}
	return xt_param_error(p, "Unknown --connbytes-%s `%s'", id == O_DIR ? "dir" : "mode", arg);
}

static void connbytes_show(FILE *out, const struct xt_connbytes_info *c, bool save)
{
	static const char *const dirs[] = { " original", " reply", " both" };
	static const char *const modes[] = { " packets", " bytes", " avgpkt" };
	u64 from = c->count.from, to = c->count.to;

	if (from > to) {
		fputs(" !", out);
		from = c->count.to;
		to = c->count.from;
	}
	fprintf(out, " %sconnbytes %" PRIu64, save ? "--" : "", from);
	if (to && to < UINT64_MAX)
		fprintf(out, ":%" PRIu64, to);
	fputs(save ? " --connbytes-mode" : " connbytes mode", out);
	fputs(c->what < 3 ? modes[c->what] : " unknown", out);
	fputs(save ? " --connbytes-dir" : " connbytes direction", out);
	fputs(c->direction < 3 ? dirs[c->direction] : " unknown", out);
}

static void connbytes_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	connbytes_show(out, data, false);
}

static void connbytes_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	connbytes_show(out, data, true);
}

/* ---- helper ---- */
static const struct xt_option helper_opts[] = { { "helper", 0, true }, { NULL, 0, false } };

static int helper_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_helper_info *h = data;

	(void)id;
	if (strlen(arg) >= sizeof(h->name))
		return xt_param_error(p, "helper: option \"--helper\" argument too long (max %zu)",
				      sizeof(h->name) - 1);
	snprintf(h->name, sizeof(h->name), "%s", arg);
	h->invert = inv;
	return 0;
}

static void helper_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_helper_info *h = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " helper match %s\"%s\"", h->invert ? "! " : "", h->name);
}

static void helper_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_helper_info *h = data;

	(void)ip;
	fprintf(out, "%s --helper", h->invert ? " !" : "");
	xtables_save_string(out, h->name);
}

const struct xtables_match libxt_connbytes = {
	.name = "connbytes", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_connbytes_info),
	.opts = connbytes_opts, .parse = connbytes_parse, .print = connbytes_print,
	.save = connbytes_save, .mand = 1u << O_CONNBYTES | 1u << O_DIR | 1u << O_MODE,
};

const struct xtables_match libxt_helper = {
	.name = "helper", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_helper_info),
	.opts = helper_opts, .parse = helper_parse, .print = helper_print, .save = helper_save,
	.mand = 1,
};
