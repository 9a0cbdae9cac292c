/* `tc filter` (iproute2 tc/tc_filter.c, f_basic.c, f_matchall.c, f_u32.c,
 * m_action.c, m_gact.c, m_mirred.c):
 *   tc [-s] filter { add | replace | change | del } dev DEV
 *        [ ingress | egress | root | parent X: ] [ pref N ] [ protocol P ]
 *        [ handle H ] [ KIND [ OPTIONS ] ]
 *   tc [-s] filter show dev DEV [ ingress | egress | parent X: ] [ pref N ] [ protocol P ]
 * KIND: basic, matchall, u32 (match ip src|dst|protocol|tos|sport|dport,
 * match u32|u16|u8 VAL MASK [at OFF]); ACTION: mirred { egress | ingress }
 * { redirect | mirror } dev D [index N], gact's drop|pass|ok|continue|pipe|
 * reclassify|trap [index N].  Messages and exit codes as tc's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/pkt_cls.h"
#include "tc_common.h"

/* parse errors: the status tc exits with */
#define TC_INCOMPLETE	(-255)	/* NEXT_ARG() at the end: 255 */
#define TC_EXIT255	(-254)	/* invarg(), duparg(), usage(): exit(-1) */
#define TC_FAIL		(-1)	/* a parser's return -1: 1 */

struct tc_args {
	int argc;
	char **argv;
};

/* iproute2's matches(): ARG is a prefix of WORD */
static bool tc_matches(const char *arg, const char *word)
{
	size_t n = strlen(arg);

	return n && n <= strlen(word) && !strncmp(arg, word, n);
}

static bool next_arg(struct tc_args *a)
{
	if (a->argc <= 1)
		return false;
	a->argc--, a->argv++;
	return true;
}

static void shift(struct tc_args *a)
{
	a->argc--, a->argv++;
}

/* get_u32() and friends: base 0, nothing after the number */
static int tc_get_ul(const char *s, int base, unsigned long max, unsigned long *v)
{
	char *end;

	if (!*s || *s == '-')
		return -1;
	errno = 0;
	*v = strtoul(s, &end, base);
	return *end || errno || *v > max ? -1 : 0;
}

static int tc_invarg(struct cmd_ctx *ctx, const char *msg, const char *arg)
{
	fprintf(ctx->err, "Error: argument \"%s\" is wrong: %s\n", arg, msg);
	return TC_EXIT255;
}

static int tc_duparg(struct cmd_ctx *ctx, const char *key, const char *arg)
{
	fprintf(ctx->err, "Error: duplicate \"%s\": \"%s\" is the second value.\n", key, arg);
	return TC_EXIT255;
}

/* ll_proto_a2n(): a name, or a number (host order given, network kept) */
static int tc_proto_a2n(const char *s, u16 *proto)
{
	static const struct { const char *name; u16 id; } names[] = {
		{ "all", ETH_P_ALL }, { "ip", ETH_P_IP }, { "arp", ETH_P_ARP }, { "ipv6", ETH_P_IPV6 },
		{ "802.1Q", ETH_P_8021Q }, { "802.1ad", 0x88A8 }, { "rarp", 0x8035 },
		{ "mpls_uc", 0x8847 }, { "mpls_mc", 0x8848 }, { "loop", 0x0060 },
	};
	unsigned long v;

	for (size_t i = 0; i < ARRAY_SIZE(names); i++) {
		if (!strcasecmp(s, names[i].name)) {
			*proto = htons(names[i].id);
			return 0;
		}
	}
	if (tc_get_ul(s, 0, 0xFFFF, &v))
		return -1;
	*proto = htons((u16)v);
	return 0;
}

/* get_tc_classid(): "root", "none", "X:", "X:Y" (hex) */
static int tc_get_classid(const char *s, u32 *h)
{
	char *end;
	unsigned long maj, min = 0;

	if (!strcmp(s, "root")) {
		*h = TC_H_ROOT;
		return 0;
	}
	if (!strcmp(s, "none")) {
		*h = 0;
		return 0;
	}
	maj = strtoul(s, &end, 16);
	if (end == s || maj > 0xFFFF || (*end && *end != ':'))
		return -1;
	if (*end == ':' && end[1]) {
		const char *m = end + 1;

		min = strtoul(m, &end, 16);
		if (end == m || *end || min > 0xFFFF)
			return -1;
	} else if (!*end) {	/* "X" alone is a minor of major 0 */
		*h = (u32)maj;
		return 0;
	}
	*h = (u32)(maj << 16 | min);
	return 0;
}

/* ---- actions (m_action.c, m_gact.c, m_mirred.c) ---- */

/* action_a2n() */
static int tc_action_a2n(const char *s, int *action)
{
	static const struct { const char *a; int n; } a2n[] = {
		{ "continue", TC_ACT_UNSPEC }, { "drop", TC_ACT_SHOT }, { "shot", TC_ACT_SHOT },
		{ "pass", TC_ACT_OK }, { "ok", TC_ACT_OK }, { "reclassify", TC_ACT_RECLASSIFY },
		{ "pipe", TC_ACT_PIPE }, { "goto", TC_ACT_GOTO_CHAIN }, { "jump", TC_ACT_JUMP },
		{ "trap", TC_ACT_TRAP },
	};

	for (size_t i = 0; i < ARRAY_SIZE(a2n); i++) {
		if (*s && tc_matches(s, a2n[i].a)) {
			if (action)
				*action = a2n[i].n;
			return 0;
		}
	}
	return -1;
}

static void gact_explain(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Usage: ... gact <ACTION> [RAND] [INDEX]\n"
		"Where: \tACTION := reclassify | drop | continue | pass | pipe |\n"
		"       \t          goto chain <CHAIN_INDEX> | jump <JUMP_COUNT>\n"
		"\tRAND := random <RANDTYPE> <ACTION> <VAL>\n"
		"\tRANDTYPE := netrand | determ\n"
		"\tVAL : = value not exceeding 10000\n"
		"\tJUMP_COUNT := Absolute jump from start of action list\n"
		"\tINDEX := index value used\n\n");
}

/* "index N" after an action */
static int tc_action_index(struct cmd_ctx *ctx, struct tc_args *a, u32 *index)
{
	unsigned long v;

	if (!next_arg(a))
		return TC_INCOMPLETE;
	if (tc_get_ul(a->argv[0], 10, UINT32_MAX, &v)) {
		fprintf(ctx->err, "Illegal \"index\"\n");
		return TC_FAIL;
	}
	*index = (u32)v;
	shift(a);
	return 0;
}

static int parse_gact(struct cmd_ctx *ctx, struct tc_args *a, struct tc_action_cfg *c)
{
	c->kind = "gact";
	if (tc_matches(a->argv[0], "gact") && !next_arg(a))
		return TC_INCOMPLETE;
	if (!tc_matches(a->argv[0], "index")) {
		if (tc_action_a2n(a->argv[0], &c->action)) {
			fprintf(ctx->err, "Bad action type %s\n", a->argv[0]);
			gact_explain(ctx);
			return TC_EXIT255;
		}
		if (c->action == TC_ACT_GOTO_CHAIN || c->action == TC_ACT_JUMP) {
			fprintf(ctx->err, "skbox: \"%s\" (chains and jumps) is not supported\n", a->argv[0]);
			return TC_FAIL;
		}
		shift(a);
		if (a->argc > 0 && a->argv[0][0] && tc_matches(a->argv[0], "random")) {
			fprintf(ctx->err, "skbox: gact \"random\" is not supported\n");
			return TC_FAIL;
		}
		if (a->argc > 0 && !strcmp(a->argv[0], "help")) {
			gact_explain(ctx);
			return TC_EXIT255;
		}
	}
	if (a->argc > 0 && a->argv[0][0] && tc_matches(a->argv[0], "index"))
		return tc_action_index(ctx, a, &c->index);
	return 0;
}

/* parse_direction()'s state */
struct mirred_words {
	bool egress, ingress, mirror, redir;
	int ok, iok;
	const char *devname;
};

static int mirred_both(struct cmd_ctx *ctx, const char *what)
{
	fprintf(ctx->err, "Can't have both %s\n", what);
	return TC_FAIL;
}

/* egress or ingress: the word after it is the next one looked at */
static int mirred_direction(struct cmd_ctx *ctx, struct tc_args *a, struct mirred_words *m)
{
	bool egress = a->argv[0][0] == 'e';

	if (egress ? m->ingress : m->egress)
		return mirred_both(ctx, "egress and ingress");
	*(egress ? &m->egress : &m->ingress) = true;
	m->ok++;
	return next_arg(a) ? 0 : TC_INCOMPLETE;
}

/* mirror or redirect: the kind of mirred and its default verdict */
static int mirred_kind(struct cmd_ctx *ctx, struct tc_action_cfg *c, struct mirred_words *m,
		       bool mirror)
{
	if (mirror ? m->redir : m->mirror)
		return mirred_both(ctx, "mirror and redir");
	*(mirror ? &m->mirror : &m->redir) = true;
	if (mirror)
		c->eaction = m->egress ? TCA_EGRESS_MIRROR : TCA_INGRESS_MIRROR;
	else
		c->eaction = m->egress ? TCA_EGRESS_REDIR : TCA_INGRESS_REDIR;
	c->action = mirror ? TC_ACT_PIPE : TC_ACT_STOLEN;
	m->ok++;
	return 0;
}

/* "index N" inside the loop: the value stays the current word */
static int mirred_index(struct cmd_ctx *ctx, struct tc_args *a, struct tc_action_cfg *c)
{
	unsigned long v;

	if (!next_arg(a))
		return TC_INCOMPLETE;
	if (tc_get_ul(a->argv[0], 10, UINT32_MAX, &v)) {
		fprintf(ctx->err, "Illegal \"index\"\n");
		return TC_FAIL;
	}
	c->index = (u32)v;
	return 0;
}

/* parse_direction()'s loop: { egress | ingress } { mirror | redirect } dev D;
 * 1 when it ends, 0 or 2 to go on with the next word, or an error (< 0) */
static int mirred_word(struct cmd_ctx *ctx, struct tc_args *a, struct tc_action_cfg *c,
		       struct mirred_words *m)
{
	const char *w = a->argv[0];
	int e;

	if (tc_matches(w, "action"))
		return next_arg(a) ? 1 : TC_INCOMPLETE;
	if ((!m->egress && tc_matches(w, "egress")) || (!m->ingress && tc_matches(w, "ingress"))) {
		e = mirred_direction(ctx, a, m);
		return e ? e : 2;	/* already on the next word */
	}
	if (tc_matches(w, "index")) {
		if ((e = mirred_index(ctx, a, c)))
			return e;
		m->iok++;
		if (!m->ok) {
			shift(a);
			return 1;
		}
	} else if (!m->ok) {
		fprintf(ctx->err, "was expecting egress or ingress (%s)\n", w);
		return 1;
	} else if (!m->mirror && tc_matches(w, "mirror")) {
		if ((e = mirred_kind(ctx, c, m, true)))
			return e;
	} else if (!m->redir && tc_matches(w, "redirect")) {
		if ((e = mirred_kind(ctx, c, m, false)))
			return e;
	} else if ((m->redir || m->mirror) && tc_matches(w, "dev")) {
		if (!next_arg(a))
			return TC_INCOMPLETE;
		m->devname = a->argv[0];
		shift(a);
		return 1;
	}
	return next_arg(a) ? 0 : TC_INCOMPLETE;
}

static int mirred_words(struct cmd_ctx *ctx, struct tc_args *a, struct tc_action_cfg *c,
			struct mirred_words *m)
{
	while (a->argc > 0) {
		int e = mirred_word(ctx, a, c, m);

		if (e == 1)
			return 0;
		if (e < 0)
			return e;
	}
	return 0;
}

static int parse_mirred(struct cmd_ctx *ctx, struct tc_args *a, struct tc_action_cfg *c)
{
	struct mirred_words m = { 0 };
	struct net_device *dev;
	int e;

	c->kind = "mirred";
	if (!next_arg(a))
		return TC_INCOMPLETE;
	if (!tc_matches(a->argv[0], "egress") && !tc_matches(a->argv[0], "ingress") &&
	    !tc_matches(a->argv[0], "index")) {
		if (tc_matches(a->argv[0], "help")) {
			fprintf(ctx->err, "Usage: mirred <DIRECTION> <ACTION> [index INDEX] <dev DEVICENAME>\n"
				"where:\n\tDIRECTION := <ingress | egress>\n\tACTION := <mirror | redirect>\n"
				"\tINDEX  is the specific policy instance id\n\tDEVICENAME is the devicename\n");
			return TC_EXIT255;
		}
		fprintf(ctx->err, "mirred option not supported %s\n", a->argv[0]);
		return TC_FAIL;
	}
	e = mirred_words(ctx, a, c, &m);
	if (e)
		return e;
	if (!m.ok && !m.iok)
		return TC_FAIL;
	if (m.devname) {
		dev = __dev_get_by_name(ctx->net, m.devname);
		if (!dev) {
			fprintf(ctx->err, "Cannot find device \"%s\"\n", m.devname);
			return TC_FAIL;
		}
		c->ifindex = dev->ifindex;
	}
	if ((c->eaction == TCA_EGRESS_MIRROR || c->eaction == TCA_INGRESS_MIRROR) && a->argc > 0 &&
	    !tc_action_a2n(a->argv[0], &c->action))
		shift(a);
	if (a->argc > 0 && a->argv[0][0] && tc_matches(a->argv[0], "index")) {
		if (m.iok) {
			fprintf(ctx->err, "mirred: Illegal double index\n");
			return TC_FAIL;
		}
		return tc_action_index(ctx, a, &c->index);
	}
	return 0;
}

/* m_action.c's new_cmd() */
static bool tc_new_cmd(const char *w)
{
	return *w && (tc_matches(w, "change") || tc_matches(w, "replace") ||
		      tc_matches(w, "delete") || tc_matches(w, "get") || tc_matches(w, "add"));
}

/* parse_action(): the actions up to a flowid/classid word or the end */
static int parse_action(struct cmd_ctx *ctx, struct tc_args *a, struct tc_filter_cfg *cfg)
{
	int eap = 0;

	while (a->argc > 0) {
		const char *w = a->argv[0];
		struct tc_action_cfg *c;
		struct tc_args saved;
		int e;

		if (!strcmp(w, "action")) {
			shift(a);
			eap = 1;
			continue;
		}
		if (!strcmp(w, "flowid") || !strcmp(w, "classid"))
			break;
		if (!strcmp(w, "help"))
			return TC_FAIL;
		if (tc_new_cmd(w))
			break;
		eap = 0;
		if (cfg->nr_actions >= TCA_ACT_MAX_PRIO) {
			fprintf(ctx->err, "Too many actions\n");
			return TC_FAIL;
		}
		c = &cfg->act[cfg->nr_actions];
		saved = *a;	/* a parser that fails leaves the words as they were */
		if (!strcmp(w, "mirred"))
			e = parse_mirred(ctx, a, c);
		else	/* any other word is gact's (CONFIG_GACT) */
			e = parse_gact(ctx, a, c);
		if (e == TC_FAIL)
			fprintf(ctx->err, "bad action parsing\n");
		if (e) {
			if (e != TC_FAIL)
				return e;
			fprintf(ctx->err, "parse_action: bad value (%d:%s)!\n", saved.argc,
				saved.argv[0]);
			return TC_FAIL;
		}
		cfg->nr_actions++;
	}
	if (eap > 0) {
		fprintf(ctx->err, "bad action empty %d\n", eap);
		fprintf(ctx->err, "parse_action: bad value (%d:%s)!\n", a->argc, "(null)");
		return TC_FAIL;
	}
	return 0;
}

/* "action …" inside a filter's options */
static int filter_actions(struct cmd_ctx *ctx, struct tc_args *a, struct tc_filter_cfg *cfg)
{
	int e;

	if (!next_arg(a))
		return TC_INCOMPLETE;
	e = parse_action(ctx, a, cfg);
	if (e == TC_FAIL)
		fprintf(ctx->err, "Illegal \"action\"\n");
	return e;
}

static int filter_classid(struct cmd_ctx *ctx, struct tc_args *a, struct tc_filter_cfg *cfg)
{
	if (!next_arg(a))
		return TC_INCOMPLETE;
	if (tc_get_classid(a->argv[0], &cfg->classid)) {
		fprintf(ctx->err, "Illegal \"classid\"\n");
		return TC_FAIL;
	}
	cfg->has_classid = true;
	shift(a);
	return 0;
}

/* ---- basic and matchall ---- */

static void basic_explain(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Usage: ... basic [ match EMATCH_TREE ] [ action ACTION_SPEC ] [ classid CLASSID ]\n"
		"\n"
		"Where: SELECTOR := SAMPLE SAMPLE ...\n"
		"       FILTERID := X:Y:Z\n"
		"       ACTION_SPEC := ... look at individual actions\n"
		"\n"
		"NOTE: CLASSID is parsed as hexadecimal input.\n");
}

static void matchall_explain(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Usage: ... matchall [skip_sw | skip_hw]\n"
		"                 [ action ACTION_SPEC ] [ classid CLASSID ]\n"
		"\n"
		"Where: SELECTOR := SAMPLE SAMPLE ...\n"
		"       FILTERID := X:Y:Z\n"
		"       ACTION_SPEC := ... look at individual actions\n"
		"\n"
		"NOTE: CLASSID is parsed as hexadecimal input.\n");
}

/* basic_parse_opt() and matchall_parse_opt(): a numeric handle, then
 * classid, action, skip_hw/skip_sw (matchall) */
static int parse_simple(struct cmd_ctx *ctx, const char *kind, const char *handle, struct tc_args *a,
			struct tc_filter_cfg *cfg)
{
	bool mall = !strcmp(kind, "matchall");
	int e = 0;

	if (handle) {
		char *end;
		long h = strtol(handle, &end, 0);

		if (*end || h < 0 || h > (long)UINT32_MAX) {
			fprintf(ctx->err, "Illegal \"handle\"\n");
			return TC_FAIL;
		}
		cfg->handle = (u32)h;
		cfg->has_handle = true;
	}
	while (a->argc > 0 && !e) {
		const char *w = a->argv[0];

		if (tc_matches(w, "classid") || !strcmp(w, "flowid")) {
			e = filter_classid(ctx, a, cfg);
		} else if (tc_matches(w, "action")) {
			e = filter_actions(ctx, a, cfg);
		} else if (mall && (!strcmp(w, "skip_hw") || !strcmp(w, "skip_sw"))) {
			cfg->flags |= w[5] == 'h' ? TCA_CLS_FLAGS_SKIP_HW : TCA_CLS_FLAGS_SKIP_SW;
			shift(a);
		} else {
			if (strcmp(w, "help"))
				fprintf(ctx->err, "What is \"%s\"?\n", w);
			if (mall)
				matchall_explain(ctx);
			else
				basic_explain(ctx);
			return TC_FAIL;
		}
	}
	if (!e && cfg->flags == (TCA_CLS_FLAGS_SKIP_HW | TCA_CLS_FLAGS_SKIP_SW)) {
		fprintf(ctx->err, "skip_hw and skip_sw are mutually exclusive\n");
		return TC_FAIL;
	}
	return e;
}

/* ---- u32 (f_u32.c) ---- */

static void u32_explain(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Usage: ... u32 [ match SELECTOR ... ] [ link HTID ] [ classid CLASSID ]\n"
		"               [ action ACTION_SPEC ] [ offset OFFSET_SPEC ]\n"
		"               [ ht HTID ] [ hashkey HASHKEY_SPEC ]\n"
		"               [ sample SAMPLE ] [skip_hw | skip_sw]\n"
		"or         u32 divisor DIVISOR\n"
		"\n"
		"Where: SELECTOR := SAMPLE SAMPLE ...\n"
		"       SAMPLE := { ip | ip6 | udp | tcp | icmp | u{32|16|8} | mark }\n"
		"                 SAMPLE_ARGS [ divisor DIVISOR ]\n"
		"       FILTERID := X:Y:Z\n"
		"\nNOTE: CLASSID is parsed at hexadecimal input.\n");
}

/* pack_key(): keys at the same offset are merged; a conflict fails */
static int u32_pack_key(struct tc_filter_cfg *cfg, u32 key, u32 mask, int off)
{
	__be32 k = htonl(key & mask), m = htonl(mask);

	for (int i = 0; i < cfg->nkeys; i++) {
		if (cfg->keys[i].off != off)
			continue;
		if ((cfg->keys[i].val ^ k) & cfg->keys[i].mask & m)
			return -1;
		cfg->keys[i].val |= k;
		cfg->keys[i].mask |= m;
		return 0;
	}
	if (cfg->nkeys >= TC_U32_MAXKEYS)
		return -1;
	cfg->keys[cfg->nkeys++] = (struct tc_u32_key){ .val = k, .mask = m, .off = off };
	return 0;
}

/* pack_key8/16(): the value shifted into its place in the aligned word */
static int u32_pack_sized(struct tc_filter_cfg *cfg, u32 key, u32 mask, int off, int bits)
{
	int shift = 32 - bits - (off & 3) * 8;

	if (shift < 0)
		return -1;
	return u32_pack_key(cfg, key << shift, mask << shift, off & ~3);
}

/* "VAL MASK [at OFF]" of match u32|u16|u8 */
static int u32_parse_sized(struct tc_args *a, struct tc_filter_cfg *cfg, int bits, int off)
{
	unsigned long max = bits == 32 ? UINT32_MAX : (1UL << bits) - 1, key, mask;

	if (a->argc < 2)
		return -1;
	if (tc_get_ul(a->argv[0], 0, max, &key) || tc_get_ul(a->argv[1], 16, max, &mask))
		return -1;
	a->argc -= 2, a->argv += 2;
	if (a->argc > 0 && !strcmp(a->argv[0], "at")) {
		char *end;
		long o;

		if (a->argc < 2)
			return -1;
		o = strtol(a->argv[1], &end, 0);
		if (*end || !a->argv[1][0])
			return -1;
		off = (int)o;
		a->argc -= 2, a->argv += 2;
	}
	if (bits == 32 && off % 4)
		return -1;
	if (bits == 16 && off % 2)
		return -1;
	return bits == 32 ? u32_pack_key(cfg, (u32)key, (u32)mask, off)
			  : u32_pack_sized(cfg, (u32)key, (u32)mask, off, bits);
}

/* "ADDR[/LEN]" of match ip src|dst */
static int u32_parse_ip_addr(struct tc_args *a, struct tc_filter_cfg *cfg, int off)
{
	char buf[64], *slash;
	struct in_addr in;
	unsigned long len = 32;
	u32 mask;

	if (a->argc < 1 || strlen(a->argv[0]) >= sizeof(buf))
		return -1;
	strcpy(buf, a->argv[0]);
	slash = strchr(buf, '/');
	if (slash) {
		*slash = '\0';
		if (tc_get_ul(slash + 1, 10, 32, &len))
			return -1;
	}
	if (inet_pton(AF_INET, buf, &in) != 1)
		return -1;
	mask = len ? ~0U << (32 - len) : 0;
	shift(a);
	return u32_pack_key(cfg, ntohl(in.s_addr), mask, off);
}

/* parse_ip(): the IPv4 header fields, ports as if no options */
static int u32_parse_ip(struct tc_args *a, struct tc_filter_cfg *cfg)
{
	static const struct { const char *w; int off, bits; } fields[] = {
		{ "protocol", 9, 8 }, { "tos", 1, 8 }, { "dsfield", 1, 8 }, { "precedence", 1, 8 },
		{ "ihl", 0, 8 }, { "sport", 20, 16 }, { "dport", 22, 16 }, { "icmp_type", 20, 8 },
		{ "icmp_code", 21, 8 },
	};
	const char *w;

	if (a->argc < 2)
		return -1;
	w = a->argv[0];
	shift(a);
	if (!strcmp(w, "src") || !strcmp(w, "dst"))
		return u32_parse_ip_addr(a, cfg, w[0] == 's' ? 12 : 16);
	for (size_t i = 0; i < ARRAY_SIZE(fields); i++) {
		unsigned long max = (1UL << fields[i].bits) - 1, key, mask;

		if (strcmp(w, fields[i].w))
			continue;
		if (a->argc < 2 || tc_get_ul(a->argv[0], 0, max, &key) ||
		    tc_get_ul(a->argv[1], 16, max, &mask))
			return -1;
		a->argc -= 2, a->argv += 2;
		return u32_pack_sized(cfg, (u32)key, (u32)mask, fields[i].off, fields[i].bits);
	}
	return -1;
}

static int u32_parse_selector(struct cmd_ctx *ctx, struct tc_args *a, struct tc_filter_cfg *cfg)
{
	const char *w;
	int e = -1;

	if (!next_arg(a))
		return TC_INCOMPLETE;
	w = a->argv[0];
	shift(a);
	if (!strcmp(w, "ip") && a->argc < 1)
		return TC_INCOMPLETE;	/* NEXT_ARG() after "ip" */
	if (!strcmp(w, "u32"))
		e = u32_parse_sized(a, cfg, 32, 0);
	else if (!strcmp(w, "u16"))
		e = u32_parse_sized(a, cfg, 16, 0);
	else if (!strcmp(w, "u8"))
		e = u32_parse_sized(a, cfg, 8, 0);
	else if (!strcmp(w, "ip"))
		e = u32_parse_ip(a, cfg);
	if (e) {
		fprintf(ctx->err, "Illegal \"match\"\n");
		return TC_FAIL;
	}
	return 0;
}

/* get_u32_handle(): "X:Y:Z", each part hex, any may be empty */
static int u32_get_handle(const char *s, u32 *h)
{
	unsigned long part[3] = { 0, 0, 0 };
	int n = 0;

	while (n < 3) {
		char *end;

		if (*s && *s != ':') {
			part[n] = strtoul(s, &end, 16);
			if (end == s)
				return -1;
			s = end;
		}
		n++;
		if (*s != ':')
			break;
		s++;
	}
	if (*s || part[0] > 0xFFF || part[1] > 0xFF || part[2] > 0xFFF)
		return -1;
	*h = (u32)(part[0] << 20 | part[1] << 12 | part[2]);
	return 0;
}

static int parse_u32(struct cmd_ctx *ctx, const char *handle, struct tc_args *a,
		     struct tc_filter_cfg *cfg)
{
	int e = 0;

	if (handle) {
		if (u32_get_handle(handle, &cfg->handle)) {
			fprintf(ctx->err, "Illegal filter ID\n");
			return TC_FAIL;
		}
		cfg->has_handle = true;
	}
	while (a->argc > 0 && !e) {
		const char *w = a->argv[0];

		if (tc_matches(w, "match")) {
			e = u32_parse_selector(ctx, a, cfg);
		} else if (tc_matches(w, "classid") || !strcmp(w, "flowid")) {
			e = filter_classid(ctx, a, cfg);
		} else if (tc_matches(w, "action")) {
			e = filter_actions(ctx, a, cfg);
		} else if (!strcmp(w, "skip_hw") || !strcmp(w, "skip_sw")) {
			cfg->flags |= w[5] == 'h' ? TCA_CLS_FLAGS_SKIP_HW : TCA_CLS_FLAGS_SKIP_SW;
			shift(a);
		} else {
			if (strcmp(w, "help"))
				fprintf(ctx->err, "What is \"%s\"?\n", w);
			u32_explain(ctx);
			return TC_FAIL;
		}
	}
	cfg->terminal = cfg->nr_actions > 0 && !cfg->has_classid;
	return e;
}

/* ---- tc filter add | replace | change | del ---- */

struct filter_req {
	const char *devname, *handle;
	u32 parent;
	bool parent_set, prio_set, proto_set;
	struct tc_filter_cfg cfg;
};

static int filter_parent_word(struct cmd_ctx *ctx, struct filter_req *r, struct tc_args *a)
{
	const char *w = a->argv[0];

	if (!strcmp(w, "parent")) {
		if (!next_arg(a))
			return TC_INCOMPLETE;
		if (r->parent_set)
			return tc_duparg(ctx, "parent", a->argv[0]);
		if (tc_get_classid(a->argv[0], &r->parent))
			return tc_invarg(ctx, "Invalid parent ID", a->argv[0]);
	} else {
		if (r->parent_set) {
			fprintf(ctx->err, "Error: \"%s\" is duplicate parent ID\n", w);
			return TC_EXIT255;
		}
		r->parent = w[0] == 'r' ? TC_H_ROOT : w[0] == 'i' ? 0xFFFFFFF2U : 0xFFFFFFF3U;
	}
	r->parent_set = true;
	return 0;
}

static void filter_usage(struct cmd_ctx *ctx);

/* pref, protocol, chain and their values: 1 when W is none of them */
static int filter_value_word(struct cmd_ctx *ctx, struct filter_req *r, struct tc_args *a, bool list)
{
	const char *w = a->argv[0];
	unsigned long v;

	if (!*w)
		return 1;
	if (tc_matches(w, "preference") || tc_matches(w, "priority")) {
		if (!next_arg(a))
			return TC_INCOMPLETE;
		if (r->prio_set)
			return tc_duparg(ctx, "priority", a->argv[0]);
		if (tc_get_ul(a->argv[0], 0, list ? UINT32_MAX : 0xFFFF, &v))
			return tc_invarg(ctx, list ? "invalid preference" : "invalid priority value",
					 a->argv[0]);
		r->cfg.prio = (u32)v;
		r->prio_set = true;
	} else if (tc_matches(w, "protocol")) {
		if (!next_arg(a))
			return TC_INCOMPLETE;
		if (r->proto_set)
			return tc_duparg(ctx, "protocol", a->argv[0]);
		if (tc_proto_a2n(a->argv[0], &r->cfg.protocol))
			return tc_invarg(ctx, "invalid protocol", a->argv[0]);
		r->proto_set = true;
	} else if (tc_matches(w, "chain")) {
		if (!next_arg(a))
			return TC_INCOMPLETE;
		if (tc_get_ul(a->argv[0], 0, UINT32_MAX, &v))
			return tc_invarg(ctx, "invalid chain index value", a->argv[0]);
		if (v) {
			fprintf(ctx->err, "skbox: only chain 0 is supported\n");
			return TC_FAIL;
		}
	} else {
		return 1;
	}
	return 0;
}

/* The words before the kind (tc_filter_modify()'s loop); the kind ends it.
 * 1: "help" asked for the usage. */
static int filter_words(struct cmd_ctx *ctx, struct filter_req *r, struct tc_args *a, bool list)
{
	for (; a->argc > 0; shift(a)) {
		const char *w = a->argv[0];
		int e;

		if (!strcmp(w, "dev")) {
			if (!next_arg(a))
				return TC_INCOMPLETE;
			if (r->devname)
				return tc_duparg(ctx, "dev", a->argv[0]);
			r->devname = a->argv[0];
		} else if (!strcmp(w, "root") || !strcmp(w, "ingress") || !strcmp(w, "egress") ||
			   !strcmp(w, "parent")) {
			if ((e = filter_parent_word(ctx, r, a)))
				return e;
		} else if (!strcmp(w, "handle")) {
			if (!next_arg(a))
				return TC_INCOMPLETE;
			if (r->handle)
				return tc_duparg(ctx, "handle", a->argv[0]);
			r->handle = a->argv[0];
		} else if ((e = filter_value_word(ctx, r, a, list)) <= 0) {
			if (e)
				return e;
		} else if (*w && tc_matches(w, "help")) {
			if (!list)
				return 1;
			filter_usage(ctx);	/* the listing goes on after it */
		} else if (list) {
			fprintf(ctx->err, " What is \"%s\"? Try \"tc filter help\"\n", w);
			return TC_EXIT255;
		} else {
			r->cfg.kind = w;
			shift(a);
			return 0;
		}
	}
	return 0;
}

static void filter_usage(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Usage: tc filter [ add | del | change | replace | show ] [ dev STRING ]\n"
		"       tc filter [ add | del | change | replace | show ] [ block BLOCK_INDEX ]\n"
		"       tc filter get dev STRING parent CLASSID protocol PROTO handle FILTERID pref PRIO FILTER_TYPE\n"
		"       tc filter get block BLOCK_INDEX protocol PROTO handle FILTERID pref PRIO FILTER_TYPE\n"
		"       [ pref PRIO ] protocol PROTO [ chain CHAIN_INDEX ]\n"
		"       [ estimator INTERVAL TIME_CONSTANT ]\n"
		"       [ root | ingress | egress | parent CLASSID ]\n"
		"       [ handle FILTERID ] [ [ FILTER_TYPE ] [ help | OPTIONS ] ]\n"
		"\n"
		"       tc filter show [ dev STRING ] [ root | ingress | egress | parent CLASSID ]\n"
		"       tc filter show [ block BLOCK_INDEX ]\n"
		"Where:\n"
		"FILTER_TYPE := { rsvp | u32 | bpf | fw | route | etc. }\n"
		"FILTERID := ... format depends on classifier, see there\n"
		"OPTIONS := ... try tc filter add <desired FILTER_KIND> help\n");
}

/* a parse error as tc's exit status */
static int tc_status(int e)
{
	return e == TC_INCOMPLETE || e == TC_EXIT255 ? 255 : 1;
}

static int tc_incomplete(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Command line is not complete. Try option \"help\"\n");
	return 255;
}

/* The kind's options (its parse_fopt); a kind tc has no parser for is
 * handed over as it is (the kernel answers "TC classifier not found"). */
static int filter_options(struct cmd_ctx *ctx, struct filter_req *r, struct tc_args *a)
{
	const char *k = r->cfg.kind;

	static const char *const other[] = { "bpf", "cgroup", "flow", "flower", "fw", "route",
		"rsvp", "tcindex" };

	r->cfg.no_options = a->argc == 0;
	if (!strcmp(k, "u32"))
		return parse_u32(ctx, r->handle, a, &r->cfg);
	if (!strcmp(k, "basic") || !strcmp(k, "matchall"))
		return parse_simple(ctx, k, r->handle, a, &r->cfg);
	for (size_t i = 0; i < ARRAY_SIZE(other); i++) {
		if (!strcmp(k, other[i])) {	/* tc parses them; skbox's kernel has none */
			a->argc = 0;
			return 0;
		}
	}
	if (a->argc > 0) {	/* parse_nofopt() */
		fprintf(ctx->err, "Unknown filter \"%s\", hence option \"%s\" is unparsable\n", k,
			a->argv[0]);
		return TC_FAIL;
	}
	return 0;
}

/* rtnl_talk(): the request to the kernel side, its answer as tc prints it */
static int filter_talk(struct cmd_ctx *ctx, struct net_device *dev, const struct filter_req *r,
		       const char *cmd)
{
	bool create = !strcmp(cmd, "add") || !strcmp(cmd, "replace");
	const char *extack = NULL;
	int e;

	if (!dev) {
		fprintf(ctx->err, "RTNETLINK answers: No such device\nWe have an error talking to the kernel\n");
		return 2;
	}
	e = !strcmp(cmd, "del") ? tc_del_tfilter(dev, r->parent, &r->cfg, &extack)
		: tc_new_tfilter(dev, r->parent, &r->cfg, create, !strcmp(cmd, "replace"), &extack);
	if (!e)
		return 0;
	if (extack)
		fprintf(ctx->err, "Error: %s.\n", extack);
	else
		fprintf(ctx->err, "RTNETLINK answers: %s\n", strerror(-e));
	fprintf(ctx->err, "We have an error talking to the kernel\n");
	return 2;
}

static int filter_modify(struct cmd_ctx *ctx, const char *cmd, int argc, char **argv)
{
	struct filter_req *r = kzalloc(sizeof(*r));
	struct tc_args a = { argc, argv };
	struct net_device *dev = NULL;
	int e, rc = 0;

	if (!r)
		return 1;
	if (!strcmp(cmd, "add") || !strcmp(cmd, "replace"))
		r->cfg.protocol = htons(ETH_P_ALL);
	e = filter_words(ctx, r, &a, false);
	if (e == 1) {
		filter_usage(ctx);
		goto out;
	}
	if (e) {
		rc = e == TC_INCOMPLETE ? tc_incomplete(ctx) : tc_status(e);
		goto out;
	}
	if (r->devname && !(dev = __dev_get_by_name(ctx->net, r->devname))) {
		fprintf(ctx->err, "Cannot find device \"%s\"\n", r->devname);
		rc = 1;
		goto out;
	}
	if (r->cfg.kind) {
		e = filter_options(ctx, r, &a);
		if (e) {
			rc = e == TC_INCOMPLETE ? tc_incomplete(ctx) : e == TC_EXIT255 ? 255 : 1;
			goto out;
		}
	} else if (r->handle) {
		fprintf(ctx->err, "Must specify filter type when using \"handle\"\n");
		rc = 255;
		goto out;
	} else if (a.argc) {
		fprintf(ctx->err, "Garbage instead of arguments \"%s ...\". Try \"tc filter help\".\n",
			a.argv[0]);
		rc = 255;
		goto out;
	}
	rc = filter_talk(ctx, dev, r, cmd);
out:
	kfree(r);
	return rc;
}

static int filter_list(struct cmd_ctx *ctx, int argc, char **argv, bool stats)
{
	struct filter_req *r = kzalloc(sizeof(*r));
	struct tc_args a = { argc, argv };
	struct tc_dump_opts o = { .stats = stats };
	struct net_device *dev = NULL;
	int e, rc = 0;

	if (!r)
		return 1;
	e = filter_words(ctx, r, &a, true);
	if (e == 1) {
		filter_usage(ctx);
	} else if (e) {
		rc = e == TC_INCOMPLETE ? tc_incomplete(ctx) : tc_status(e);
	} else if (r->devname && !(dev = __dev_get_by_name(ctx->net, r->devname))) {
		fprintf(ctx->err, "Cannot find device \"%s\"\n", r->devname);
		rc = 1;
	} else if (dev) {
		o.with_parent = !r->parent_set;
		tc_dump_tfilter(dev, r->parent, r->cfg.protocol, r->cfg.prio, &o, ctx->out);
	}
	kfree(r);
	return rc;
}

int do_filter(struct cmd_ctx *ctx, int argc, char **argv, bool stats)
{
	const char *w = argc > 0 ? argv[0] : NULL;

	if (!w)
		return filter_list(ctx, 0, NULL, stats);
	if (*w && tc_matches(w, "add"))
		return filter_modify(ctx, "add", argc - 1, argv + 1);
	if (*w && tc_matches(w, "change"))
		return filter_modify(ctx, "change", argc - 1, argv + 1);
	if (*w && tc_matches(w, "replace"))
		return filter_modify(ctx, "replace", argc - 1, argv + 1);
	if (*w && tc_matches(w, "delete"))
		return filter_modify(ctx, "del", argc - 1, argv + 1);
	if (*w && (tc_matches(w, "show") || tc_matches(w, "list") || tc_matches(w, "lst")))
		return filter_list(ctx, argc - 1, argv + 1, stats);
	if (*w && tc_matches(w, "help")) {
		filter_usage(ctx);
		return 0;
	}
	fprintf(ctx->err, "Command \"%s\" is unknown, try \"tc filter help\".\n", w);
	return 255;
}
