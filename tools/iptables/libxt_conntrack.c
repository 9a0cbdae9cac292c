/* The tool side of the conntrack extensions (iptables' libxt_conntrack.c,
 * which also provides -m state, libxt_connmark.c, libxt_CONNMARK.c,
 * libxt_CT.c): parsing, and the -L / -S text of iptables 1.8.9. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_conntrack.h"

int xt_parse_mark(const char *arg, u32 *value, u32 *mask);

/* ---- states and status bits ---- */

struct name_bit {
	const char *name;
	unsigned int bit;
};

/* in the order iptables prints them */
static const struct name_bit ctstates[] = {
	{ "INVALID", XT_CONNTRACK_STATE_INVALID },
	{ "NEW", XT_CONNTRACK_STATE_BIT(2) },
	{ "RELATED", XT_CONNTRACK_STATE_BIT(1) },
	{ "ESTABLISHED", XT_CONNTRACK_STATE_BIT(0) },
	{ "UNTRACKED", XT_CONNTRACK_STATE_UNTRACKED },
	{ "SNAT", XT_CONNTRACK_STATE_SNAT },
	{ "DNAT", XT_CONNTRACK_STATE_DNAT },
};

static const struct name_bit ctstatus[] = {
	{ "EXPECTED", 1 << 0 },
	{ "SEEN_REPLY", 1 << 1 },
	{ "ASSURED", 1 << 2 },
	{ "CONFIRMED", 1 << 3 },
};

/* "A,B,C" into a mask; false on an unknown name.  n limits the table. */
static bool parse_names(const char *arg, const struct name_bit *t, size_t n, bool none_ok,
			unsigned int *mask)
{
	char buf[256], *save = NULL, *tok;

	snprintf(buf, sizeof(buf), "%s", arg);
	*mask = 0;
	for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		size_t i;

		if (none_ok && !strcasecmp(tok, "NONE"))
			continue;
		for (i = 0; i < n && strcasecmp(tok, t[i].name); i++)
			;
		if (i == n)
			return false;
		*mask |= t[i].bit;
	}
	return true;
}

static void print_names(FILE *out, unsigned int mask, const struct name_bit *t, size_t n,
			const char *none)
{
	const char *sep = " ";

	if (!mask && none) {
		fprintf(out, " %s", none);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (mask & t[i].bit) {
			fprintf(out, "%s%s", sep, t[i].name);
			sep = ",";
		}
}

/* ---- -m conntrack ---- */

enum {
	O_CTSTATE, O_CTPROTO, O_CTORIGSRC, O_CTORIGDST, O_CTREPLSRC, O_CTREPLDST,
	O_CTORIGSRCPORT, O_CTORIGDSTPORT, O_CTREPLSRCPORT, O_CTREPLDSTPORT,
	O_CTSTATUS, O_CTEXPIRE, O_CTDIR,
};

static const struct xt_option conntrack_opts[] = {
	{ "ctstate", O_CTSTATE, true }, { "ctproto", O_CTPROTO, true },
	{ "ctorigsrc", O_CTORIGSRC, true }, { "ctorigdst", O_CTORIGDST, true },
	{ "ctreplsrc", O_CTREPLSRC, true }, { "ctrepldst", O_CTREPLDST, true },
	{ "ctorigsrcport", O_CTORIGSRCPORT, true }, { "ctorigdstport", O_CTORIGDSTPORT, true },
	{ "ctreplsrcport", O_CTREPLSRCPORT, true }, { "ctrepldstport", O_CTREPLDSTPORT, true },
	{ "ctstatus", O_CTSTATUS, true }, { "ctexpire", O_CTEXPIRE, true },
	{ "ctdir", O_CTDIR, true }, { NULL, 0, false },
};

static const char *const opt_names[] = {
	"ctstate", "ctproto", "ctorigsrc", "ctorigdst", "ctreplsrc", "ctrepldst",
	"ctorigsrcport", "ctorigdstport", "ctreplsrcport", "ctrepldstport",
	"ctstatus", "ctexpire", "ctdir",
};

/* "a.b.c.d[/len|/mask]" */
static bool parse_addr_mask(const char *arg, __be32 *addr, __be32 *mask)
{
	char buf[64], *slash;
	unsigned int len;

	snprintf(buf, sizeof(buf), "%s", arg);
	*mask = 0xffffffff;
	if ((slash = strchr(buf, '/'))) {
		*slash++ = 0;
		if (xtables_strtoui(slash, &len, 0, 32))
			*mask = len ? htonl(0xffffffffu << (32 - len)) : 0;
		else if (!xtables_parse_ipaddr(slash, mask))
			return false;
	}
	if (!xtables_parse_ipaddr(buf, addr))
		return false;
	return true;
}

static int parse_one_port(const char *s, const char *proto)
{
	unsigned int v;

	if (xtables_strtoui(s, &v, 0, 65535))
		return (int)v;
	return xtables_service_to_port(s, proto);
}

static bool parse_port_range(const char *arg, u16 l4proto, u16 *lo, u16 *hi)
{
	const char *proto = l4proto == 17 ? "udp" : "tcp";
	char buf[64], *colon;
	int a, b;

	snprintf(buf, sizeof(buf), "%s", arg);
	if ((colon = strchr(buf, ':')))
		*colon++ = 0;
	a = parse_one_port(buf, proto);
	b = colon ? parse_one_port(colon, proto) : a;
	if (a < 0 || b < 0)
		return false;
	*lo = (u16)a;
	*hi = (u16)b;
	return true;
}

static int conntrack_addr(struct xt_parse *p, const char *arg, __be32 *a, __be32 *m)
{
	if (!parse_addr_mask(arg, a, m))
		return xt_param_error(p, "getaddrinfo: Name or service not known\n");
	return 0;
}

static int conntrack_ports(struct xt_parse *p, struct xt_conntrack_mtinfo3 *c, int id,
			   const char *arg)
{
	u16 *lo[] = { &c->origsrc_port, &c->origdst_port, &c->replsrc_port, &c->repldst_port };
	u16 *hi[] = { &c->origsrc_port_high, &c->origdst_port_high, &c->replsrc_port_high,
		      &c->repldst_port_high };
	int k = id - O_CTORIGSRCPORT;

	if (!parse_port_range(arg, c->l4proto, lo[k], hi[k]))
		return xt_param_error(p, "conntrack: Bad value for \"--%s\" option: \"%s\"",
				      opt_names[id], arg);
	return 0;
}

static int conntrack_parse_value(struct xt_parse *p, struct xt_conntrack_mtinfo3 *c, int id,
				 const char *arg)
{
	unsigned int v, w, mask;
	char *colon;

	switch (id) {
	case O_CTSTATE:
		if (!parse_names(arg, ctstates, ARRAY_SIZE(ctstates), false, &mask))
			return xt_param_error(p, "Bad ctstate \"%s\"", arg);
		c->state_mask = (u16)mask;
		return 0;
	case O_CTPROTO:
		if (!xtables_strtoui(arg, &v, 0, 255)) {
			if (!strcasecmp(arg, "tcp"))
				v = 6;
			else if (!strcasecmp(arg, "udp"))
				v = 17;
			else if (!strcasecmp(arg, "icmp"))
				v = 1;
			else
				return xt_param_error(p, "unknown protocol \"%s\" specified", arg);
		}
		c->l4proto = (u16)v;
		return 0;
	case O_CTORIGSRC:
		return conntrack_addr(p, arg, &c->origsrc_addr, &c->origsrc_mask);
	case O_CTORIGDST:
		return conntrack_addr(p, arg, &c->origdst_addr, &c->origdst_mask);
	case O_CTREPLSRC:
		return conntrack_addr(p, arg, &c->replsrc_addr, &c->replsrc_mask);
	case O_CTREPLDST:
		return conntrack_addr(p, arg, &c->repldst_addr, &c->repldst_mask);
	case O_CTSTATUS:
		if (!parse_names(arg, ctstatus, ARRAY_SIZE(ctstatus), true, &mask))
			return xt_param_error(p, "Bad ctstatus \"%s\"", arg);
		c->status_mask = (u16)mask;
		return 0;
	case O_CTEXPIRE: {
		char buf[64];

		snprintf(buf, sizeof(buf), "%s", arg);
		colon = strchr(buf, ':');
		if (colon)
			*colon++ = 0;
		if (!xtables_strtoui(buf, &v, 0, 0xffffffffu) ||
		    !xtables_strtoui(colon ? colon : buf, &w, 0, 0xffffffffu))
			return xt_param_error(p, "conntrack: Bad value for \"--ctexpire\" option: \"%s\"",
					      arg);
		c->expires_min = v;
		c->expires_max = w;
		return 0;
	}
	case O_CTDIR:
		if (!strcasecmp(arg, "ORIGINAL"))
			c->invert_flags &= (u16)~XT_CONNTRACK_DIRECTION;
		else if (!strcasecmp(arg, "REPLY"))
			c->invert_flags |= XT_CONNTRACK_DIRECTION;
		else
			return xt_param_error(p, "conntrack: Bad value for \"--ctdir\" option: \"%s\"", arg);
		return 0;
	default:
		return conntrack_ports(p, c, id, arg);
	}
}

static const u16 opt_flag[] = {
	XT_CONNTRACK_STATE, XT_CONNTRACK_PROTO, XT_CONNTRACK_ORIGSRC, XT_CONNTRACK_ORIGDST,
	XT_CONNTRACK_REPLSRC, XT_CONNTRACK_REPLDST, XT_CONNTRACK_ORIGSRC_PORT,
	XT_CONNTRACK_ORIGDST_PORT, XT_CONNTRACK_REPLSRC_PORT, XT_CONNTRACK_REPLDST_PORT,
	XT_CONNTRACK_STATUS, XT_CONNTRACK_EXPIRES, XT_CONNTRACK_DIRECTION,
};

static int conntrack_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_conntrack_mtinfo3 *c = data;

	if (c->match_flags & opt_flag[id])
		return xt_param_error(p, "conntrack: \"--%s\" option may only be specified once",
				      opt_names[id]);
	if (inv && id == O_CTDIR)
		return xt_param_error(p, "conntrack: unexpected \"!\" with --ctdir");
	if (conntrack_parse_value(p, c, id, arg))
		return -1;
	c->match_flags |= opt_flag[id];
	if (inv)
		c->invert_flags |= opt_flag[id];
	return 0;
}

static int conntrack_final(struct xt_parse *p, void *data)
{
	if (!((struct xt_conntrack_mtinfo3 *)data)->match_flags)
		return xt_param_error(p, "conntrack: At least one option is required");
	return 0;
}

static void print_addr(FILE *out, __be32 addr, __be32 mask)
{
	char a[16], m[16];
	u32 hm = ntohl(mask);
	int len = 0;

	while (len < 32 && (hm & (0x80000000u >> len)))
		len++;
	if (len == 32)
		fprintf(out, " %s", xtables_ipaddr_to_buf(addr, a));
	else if (hm == (len ? 0xffffffffu << (32 - len) : 0))
		fprintf(out, " %s/%d", xtables_ipaddr_to_buf(addr, a), len);
	else
		fprintf(out, " %s/%s", xtables_ipaddr_to_buf(addr, a), xtables_ipaddr_to_buf(mask, m));
}

static void print_range(FILE *out, unsigned int lo, unsigned int hi)
{
	if (lo == hi)
		fprintf(out, " %u", lo);
	else
		fprintf(out, " %u:%u", lo, hi);
}

static void conntrack_dump(FILE *out, const struct xt_conntrack_mtinfo3 *c, const char *pfx)
{
	const __be32 *addr[] = { &c->origsrc_addr, &c->origdst_addr, &c->replsrc_addr, &c->repldst_addr };
	const __be32 *mask[] = { &c->origsrc_mask, &c->origdst_mask, &c->replsrc_mask, &c->repldst_mask };
	const u16 *lo[] = { &c->origsrc_port, &c->origdst_port, &c->replsrc_port, &c->repldst_port };
	const u16 *hi[] = { &c->origsrc_port_high, &c->origdst_port_high, &c->replsrc_port_high,
			    &c->repldst_port_high };

	for (int id = O_CTSTATE; id <= O_CTEXPIRE; id++) {
		if (!(c->match_flags & opt_flag[id]))
			continue;
		if (c->invert_flags & opt_flag[id])
			fputs(" !", out);
		fprintf(out, " %s%s", pfx, opt_names[id]);
		if (id == O_CTSTATE)
			print_names(out, c->state_mask, ctstates, ARRAY_SIZE(ctstates), NULL);
		else if (id == O_CTPROTO)
			fprintf(out, " %u", c->l4proto);
		else if (id <= O_CTREPLDST)
			print_addr(out, *addr[id - O_CTORIGSRC], *mask[id - O_CTORIGSRC]);
		else if (id <= O_CTREPLDSTPORT)
			print_range(out, *lo[id - O_CTORIGSRCPORT], *hi[id - O_CTORIGSRCPORT]);
		else if (id == O_CTSTATUS)
			print_names(out, c->status_mask, ctstatus, ARRAY_SIZE(ctstatus), "NONE");
		else
			print_range(out, c->expires_min, c->expires_max);
	}
	if (c->match_flags & XT_CONNTRACK_DIRECTION)
		fprintf(out, " %sctdir %s", pfx,
			c->invert_flags & XT_CONNTRACK_DIRECTION ? "REPLY" : "ORIGINAL");
}

static void conntrack_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	conntrack_dump(out, data, "");
}

static void conntrack_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	conntrack_dump(out, data, "--");
}

const struct xtables_match libxt_conntrack = {
	.name = "conntrack", .revision = 3, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_conntrack_mtinfo3), .opts = conntrack_opts,
	.parse = conntrack_parse, .final_check = conntrack_final,
	.print = conntrack_print, .save = conntrack_save,
};

/* ---- -m state ---- */

static const struct name_bit states[] = {
	{ "INVALID", XT_STATE_INVALID },
	{ "NEW", XT_CONNTRACK_STATE_BIT(2) },
	{ "RELATED", XT_CONNTRACK_STATE_BIT(1) },
	{ "ESTABLISHED", XT_CONNTRACK_STATE_BIT(0) },
	{ "UNTRACKED", XT_STATE_UNTRACKED },
};

static const struct xt_option state_opts[] = { { "state", 0, true }, { NULL, 0, false } };

static int state_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_state_info *s = data;
	unsigned int mask;

	(void)id;
	if (!parse_names(arg, states, ARRAY_SIZE(states), false, &mask))
		return xt_param_error(p, "Bad state \"%s\"", arg);
	s->statemask = mask;
	s->invert = inv;
	return 0;
}

static int state_final(struct xt_parse *p, void *data)
{
	if (!((struct xt_state_info *)data)->statemask)
		return xt_param_error(p, "state: option \"--state\" must be specified\n");
	return 0;
}

static void state_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_state_info *s = data;

	(void)ip;
	(void)numeric;
	fprintf(out, "%s state", s->invert ? " !" : "");
	print_names(out, s->statemask, states, ARRAY_SIZE(states), NULL);
}

static void state_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_state_info *s = data;

	(void)ip;
	fprintf(out, "%s --state", s->invert ? " !" : "");
	print_names(out, s->statemask, states, ARRAY_SIZE(states), NULL);
}

const struct xtables_match libxt_state = {
	.name = "state", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_state_info),
	.opts = state_opts, .parse = state_parse, .final_check = state_final,
	.print = state_print, .save = state_save,
};

/* ---- -m connmark ---- */

static const struct xt_option connmark_opts[] = { { "mark", 0, true }, { NULL, 0, false } };

static int connmark_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_connmark_mtinfo1 *m = data;

	(void)id;
	if (xt_parse_mark(arg, &m->mark, &m->mask))
		return xt_param_error(p, "Bad mark value \"%s\"", arg);
	m->invert = inv;
	m->invert |= 2;			/* seen */
	return 0;
}

static int connmark_final(struct xt_parse *p, void *data)
{
	struct xt_connmark_mtinfo1 *m = data;

	if (!(m->invert & 2))
		return xt_param_error(p, "connmark: option \"--mark\" must be specified\n");
	m->invert &= 1;
	return 0;
}

static void print_mark(FILE *out, u32 mark, u32 mask)
{
	if (mask != 0xffffffffu)
		fprintf(out, " 0x%x/0x%x", mark, mask);
	else
		fprintf(out, " 0x%x", mark);
}

static void connmark_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_connmark_mtinfo1 *m = data;

	(void)ip;
	(void)numeric;
	fprintf(out, " connmark match %s", m->invert ? "!" : "");
	print_mark(out, m->mark, m->mask);
}

static void connmark_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_connmark_mtinfo1 *m = data;

	(void)ip;
	fprintf(out, "%s --mark", m->invert ? " !" : "");
	print_mark(out, m->mark, m->mask);
}

const struct xtables_match libxt_connmark = {
	.name = "connmark", .revision = 1, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_connmark_mtinfo1), .opts = connmark_opts,
	.parse = connmark_parse, .final_check = connmark_final,
	.print = connmark_print, .save = connmark_save,
};

/* ---- -j CONNMARK ---- */

enum { C_SET_MARK, C_SET_XMARK, C_SAVE, C_RESTORE, C_AND, C_OR, C_XOR, C_MASK, C_NFMASK, C_CTMASK };

static const struct xt_option connmark_tg_opts[] = {
	{ "set-mark", C_SET_MARK, true }, { "set-xmark", C_SET_XMARK, true },
	{ "save-mark", C_SAVE, false }, { "restore-mark", C_RESTORE, false },
	{ "and-mark", C_AND, true }, { "or-mark", C_OR, true }, { "xor-mark", C_XOR, true },
	{ "mask", C_MASK, true }, { "nfmask", C_NFMASK, true }, { "ctmask", C_CTMASK, true },
	{ NULL, 0, false },
};

/* mode 0xff: no operation yet */
static void connmark_tg_init(void *data)
{
	struct xt_connmark_tginfo1 *t = data;

	t->mode = 0xff;
	t->ctmask = t->nfmask = 0xffffffffu;
}

static int connmark_tg_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_connmark_tginfo1 *t = data;
	u32 v = 0, m = 0xffffffffu;

	(void)inv;
	if (arg && id != C_SAVE && id != C_RESTORE) {
		if (id >= C_AND ? !xtables_strtoui(arg, &v, 0, 0xffffffffu) : xt_parse_mark(arg, &v, &m))
			return xt_param_error(p, "Bad mark value \"%s\"", arg);
	}
	switch (id) {
	case C_SET_MARK:
		t->mode = XT_CONNMARK_SET, t->ctmark = v, t->ctmask = v | m;
		break;
	case C_SET_XMARK:
		t->mode = XT_CONNMARK_SET, t->ctmark = v, t->ctmask = m;
		break;
	case C_AND:
		t->mode = XT_CONNMARK_SET, t->ctmark = 0, t->ctmask = ~v;
		break;
	case C_OR:
		t->mode = XT_CONNMARK_SET, t->ctmark = v, t->ctmask = v;
		break;
	case C_XOR:
		t->mode = XT_CONNMARK_SET, t->ctmark = v, t->ctmask = 0;
		break;
	case C_SAVE:
		t->mode = XT_CONNMARK_SAVE;
		break;
	case C_RESTORE:
		t->mode = XT_CONNMARK_RESTORE;
		break;
	case C_MASK:
		t->nfmask = t->ctmask = v;
		break;
	case C_NFMASK:
		t->nfmask = v;
		break;
	case C_CTMASK:
		t->ctmask = v;
		break;
	}
	return 0;
}

static int connmark_tg_final(struct xt_parse *p, void *data)
{
	if (((struct xt_connmark_tginfo1 *)data)->mode == 0xff)
		return xt_param_error(p, "CONNMARK target: No operation specified");
	return 0;
}

static void connmark_tg_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_connmark_tginfo1 *t = data;

	(void)ip;
	(void)numeric;
	if (t->mode == XT_CONNMARK_SET) {
		if (t->ctmark == 0)
			fprintf(out, " CONNMARK and 0x%x", ~t->ctmask);
		else if (t->ctmark == t->ctmask)
			fprintf(out, " CONNMARK or 0x%x", t->ctmark);
		else if (t->ctmask == 0)
			fprintf(out, " CONNMARK xor 0x%x", t->ctmark);
		else if (t->ctmask == 0xffffffffu)
			fprintf(out, " CONNMARK set 0x%x", t->ctmark);
		else
			fprintf(out, " CONNMARK xset 0x%x/0x%x", t->ctmark, t->ctmask);
		return;
	}
	fprintf(out, " CONNMARK %s", t->mode == XT_CONNMARK_SAVE ? "save" : "restore");
	if (t->nfmask == 0xffffffffu && t->ctmask == 0xffffffffu)
		return;
	if (t->nfmask == t->ctmask)
		fprintf(out, " mask 0x%x", t->nfmask);
	else if (t->mode == XT_CONNMARK_SAVE)
		fprintf(out, " nfmask 0x%x ctmask ~0x%x", t->nfmask, t->ctmask);
	else
		fprintf(out, " ctmask 0x%x nfmask ~0x%x", t->ctmask, t->nfmask);
}

static void connmark_tg_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_connmark_tginfo1 *t = data;

	(void)ip;
	if (t->mode == XT_CONNMARK_SET)
		fprintf(out, " --set-xmark 0x%x/0x%x", t->ctmark, t->ctmask);
	else
		fprintf(out, " --%s-mark --nfmask 0x%x --ctmask 0x%x",
			t->mode == XT_CONNMARK_SAVE ? "save" : "restore", t->nfmask, t->ctmask);
}

const struct xtables_target libxt_CONNMARK = {
	.name = "CONNMARK", .revision = 1, .family = NFPROTO_UNSPEC,
	.size = sizeof(struct xt_connmark_tginfo1), .init = connmark_tg_init,
	.opts = connmark_tg_opts, .parse = connmark_tg_parse, .final_check = connmark_tg_final,
	.print = connmark_tg_print, .save = connmark_tg_save,
};

/* ---- -j CT, -j NOTRACK ---- */

enum { O_CT_NOTRACK, O_CT_ZONE, O_CT_ZONE_ORIG, O_CT_ZONE_REPLY };

static const struct xt_option ct_opts[] = {
	{ "notrack", O_CT_NOTRACK, false }, { "zone", O_CT_ZONE, true },
	{ "zone-orig", O_CT_ZONE_ORIG, true }, { "zone-reply", O_CT_ZONE_REPLY, true },
	{ NULL, 0, false },
};

/* ID or "mark" (libxt_CT's ct_parse_zone_id) */
static int ct_parse_zone(struct xt_parse *p, int id, const char *arg,
			 struct xt_ct_target_info *t)
{
	unsigned int v;

	if (id == O_CT_ZONE_ORIG)
		t->flags |= XT_CT_ZONE_DIR_ORIG;
	if (id == O_CT_ZONE_REPLY)
		t->flags |= XT_CT_ZONE_DIR_REPL;
	t->zone = 0;
	if (!strcasecmp(arg, "mark")) {
		t->flags |= XT_CT_ZONE_MARK;
		return 0;
	}
	if (!xtables_strtoui(arg, &v, 0, 65535))
		return xt_param_error(p, "Cannot parse %s as a zone ID", arg);
	t->zone = (u16)v;
	return 0;
}

static int ct_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct xt_ct_target_info *t = data;

	(void)inv;
	if (id == O_CT_NOTRACK) {
		t->flags |= XT_CT_NOTRACK;
		return 0;
	}
	return ct_parse_zone(p, id, arg, t);
}

static void ct_show_zone(FILE *out, const char *pfx, const struct xt_ct_target_info *t)
{
	const char *dir = "";

	switch (t->flags & (XT_CT_ZONE_DIR_ORIG | XT_CT_ZONE_DIR_REPL)) {
	case XT_CT_ZONE_DIR_ORIG:
		dir = "-orig";
		break;
	case XT_CT_ZONE_DIR_REPL:
		dir = "-reply";
		break;
	}
	fprintf(out, " %szone%s", pfx, dir);
	if (t->flags & XT_CT_ZONE_MARK)
		fputs(" mark", out);
	else
		fprintf(out, " %u", t->zone);
}

static void ct_show(FILE *out, const char *pfx, const struct xt_ct_target_info *t)
{
	if (t->flags & XT_CT_NOTRACK)
		fprintf(out, " %snotrack", pfx);
	if ((t->flags & XT_CT_ZONE_MARK) || t->zone)
		ct_show_zone(out, pfx, t);
}

static void ct_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fputs(" CT", out);
	ct_show(out, "", data);
}

static void ct_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	ct_show(out, "--", data);
}

const struct xtables_target libxt_CT = {
	.name = "CT", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_ct_target_info),
	.opts = ct_opts, .parse = ct_parse, .print = ct_print, .save = ct_save,
};

static void notrack_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)data;
	(void)numeric;
	fputs(" NOTRACK", out);
}

const struct xtables_target libxt_NOTRACK = {
	.name = "NOTRACK", .family = NFPROTO_UNSPEC, .print = notrack_print,
};
