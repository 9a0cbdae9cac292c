/* The iptables command (iptables' iptables/xshared.c and nft.c): parses a
 * command line into a command and a rule, edits a copy of the table
 * (ipt_handle.c) and hands it back with ipt_replace_table().  Messages and
 * exit codes are those of iptables v1.8.9 (nf_tables). */
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "linux/slab.h"
#include "net/ipv6.h"
#include "iptables.h"
#include "skbox/cmd.h"

enum ipt_cmd {
	CMD_NONE, CMD_APPEND, CMD_INSERT, CMD_DELETE, CMD_REPLACE, CMD_LIST, CMD_LIST_RULES,
	CMD_FLUSH, CMD_ZERO, CMD_NEW, CMD_DELETE_CHAIN, CMD_POLICY, CMD_RENAME, CMD_CHECK,
};

#define MAX_MATCHES 16

struct ipt_args {
	enum ipt_cmd cmd;
	const char *chain;
	const char *arg2;		/* -P target, -E new name */
	unsigned int rulenum;		/* 0: none given */
	unsigned int format;
	bool verbose, numeric, exact, linenumbers, zero;
	struct ipt_rule rule;
	const struct xtables_match *xm[MAX_MATCHES];
	const struct xtables_target *xt;
	unsigned int seen[MAX_MATCHES];	/* per match: options given, 1 << id */
	unsigned int tseen;		/* the target's */
	const char *jump;
	const char *addrs[2];		/* -s / -d lists "a,b,c", NULL: one address */
	const char *addr_arg[2];	/* -s / -d as given, parsed after the final checks */
	bool have_rule_opts;
	bool other_family;		/* restore: a -4/-6 line for the other family */
	struct xt_parse p;
};

struct cmd_opt {
	const char *lname;
	char sname;
	enum ipt_cmd cmd;
};

static const struct cmd_opt cmd_opts[] = {
	{ "append", 'A', CMD_APPEND }, { "insert", 'I', CMD_INSERT },
	{ "delete", 'D', CMD_DELETE }, { "replace", 'R', CMD_REPLACE },
	{ "list", 'L', CMD_LIST }, { "list-rules", 'S', CMD_LIST_RULES },
	{ "flush", 'F', CMD_FLUSH }, { "zero", 'Z', CMD_ZERO },
	{ "new-chain", 'N', CMD_NEW }, { "delete-chain", 'X', CMD_DELETE_CHAIN },
	{ "policy", 'P', CMD_POLICY }, { "rename-chain", 'E', CMD_RENAME },
	{ "check", 'C', CMD_CHECK },
};

static int usage_error(struct ipt_args *a, const char *fmt, const char *arg)
{
	char msg[256];

	snprintf(msg, sizeof(msg), fmt, arg);
	xt_param_error(&a->p, "%s", msg);
	return 2;
}

static int ipt_msg(struct cmd_ctx *ctx, u8 af, const char *msg)
{
	fprintf(ctx->err, "%s: %s.\n", ipt_prog_name(af), msg);
	return 1;
}

const char *ipt_prog_name(u8 af)
{
	return af == NFPROTO_IPV6 ? "ip6tables" : "iptables";
}

static const struct xt_option *find_opt(const struct xt_option *opts, const char *name)
{
	for (; opts && opts->name; opts++)
		if (!strcmp(opts->name, name))
			return opts;
	return NULL;
}

static int add_match(struct ipt_args *a, const char *name)
{
	const struct xtables_match *xm;
	const struct xt_match *km;

	/* libxtables: "This is ugly as hell" */
	if (a->p.af == NFPROTO_IPV6 && (!strcmp(name, "icmpv6") || !strcmp(name, "ipv6-icmp")))
		name = "icmp6";
	xm = xtables_find_match(a->p.af, name);
	km = xm ? xt_find_match(a->p.af, name, xm->revision) : NULL;
	struct xt_entry_match *em;
	struct ipt_rule *r = &a->rule;

	if (!xm || !km) {
		xt_param_error(&a->p, "Couldn't load match `%s':No such file or directory\n", name);
		return -1;
	}
	if (r->nmatches == MAX_MATCHES)
		return -1;
	em = krealloc(r->matches, (r->nmatches + 1) * sizeof(*em));
	if (!em)
		return -1;
	r->matches = em;
	em = &r->matches[r->nmatches];
	em->match = km;
	em->data = kzalloc(km->matchsize ? km->matchsize : 1);
	if (!em->data)
		return -1;
	if (xm->init)
		xm->init(em->data);
	a->xm[r->nmatches++] = xm;
	return 0;
}

static int set_target(struct ipt_args *a, const char *name, bool go)
{
	const struct xtables_target *xt = go ? NULL : xtables_find_target(a->p.af, name);
	const struct xt_target *kt = xt ? xt_find_target(a->p.af, name, xt->revision) : NULL;

	a->jump = name;
	if (go)
		a->rule.ip.flags |= IPT_F_GOTO;
	if (!kt)
		return 0;
	a->xt = xt;
	a->rule.target.target = kt;
	a->rule.target.data = kzalloc(kt->targetsize ? kt->targetsize : 1);
	if (!a->rule.target.data)
		return -1;
	if (xt->init)
		xt->init(a->rule.target.data);
	return 0;
}

static int parse_proto(struct ipt_args *a, const char *s, bool inv)
{
	unsigned int v;
	const struct protoent *pe;

	a->rule.ip.invflags |= inv ? IPT_INV_PROTO : 0;
	if (xtables_strtoui(s, &v, 0, 255)) {
		a->rule.ip.proto = (u16)v;
		if (!v && inv)
			return usage_error(a, "%s", "rule would never match protocol");
		return 0;
	}
	if (ipt_proto_number(s, &v)) {
		a->rule.ip.proto = (u16)v;
		return 0;
	}
	pe = getprotobyname(s);
	if (!pe)
		return usage_error(a, "unknown protocol \"%s\" specified", s);
	a->rule.ip.proto = (u16)pe->p_proto;
	return 0;
}

/* ipv6_proto_parse(): a protocol that is an extension header is never the
 * upper layer the rule sees */
static void proto_warn6(struct ipt_args *a, const char *s)
{
	u16 p = a->rule.ip.proto;

	if ((p == 43 || p == 44 || p == 51 || p == 60) && !(a->rule.ip.invflags & IPT_INV_PROTO))
		fprintf(a->p.ctx->err, "Warning: never matched protocol: %s. use extension match "
			"instead.\n", s);
}

/* parse_ip6mask(): prefix length or a mask in address form */
static int parse_mask6(const char *s, struct in6_addr *mask)
{
	unsigned int bits;

	if (inet_pton(AF_INET6, s, mask) == 1)
		return 0;
	if (!xtables_strtoui(s, &bits, 0, 128))
		return -1;
	memset(mask, 0, sizeof(*mask));
	for (unsigned int b = 0; b < bits; b++)
		mask->s6_addr[b / 8] |= (u8)(0x80 >> (b % 8));
	return 0;
}

/* xtables_ip6parse_multiple() for one element: "ADDR[/MASK]"; a zero mask
 * ignores the name ("any/0"); the address is masked */
static int parse_addr6(struct ipt_args *a, const char *s, struct in6_addr *addr,
		       struct in6_addr *mask)
{
	char buf[128], *slash;

	snprintf(buf, sizeof(buf), "%s", s);
	slash = strrchr(buf, '/');
	if (slash)
		*slash = '\0';
	memset(mask, 0xff, sizeof(*mask));
	if (slash && parse_mask6(slash + 1, mask))
		return usage_error(a, "invalid mask `%s' specified", slash + 1);
	if (ipv6_addr_any(mask))
		snprintf(buf, sizeof(buf), "::");
	if (inet_pton(AF_INET6, buf, addr) != 1)
		return usage_error(a, "host/network `%s' not found", buf);
	for (int i = 0; i < 16; i++)
		addr->s6_addr[i] &= mask->s6_addr[i];
	return 0;
}

static int parse_addr_list6(struct ipt_args *a, const char *list, struct in6_addr *addr,
			    struct in6_addr *mask)
{
	char buf[512], *save = NULL;
	bool first = true;

	snprintf(buf, sizeof(buf), "%s", list);
	for (char *e = strtok_r(buf, ",", &save); e; e = strtok_r(NULL, ",", &save)) {
		struct in6_addr x, m;
		int rc = parse_addr6(a, e, &x, &m);

		if (rc)
			return rc;
		if (first) {
			*addr = x;
			*mask = m;
		}
		first = false;
	}
	return 0;
}

static int parse_mask(const char *s, __be32 *mask)
{
	unsigned int bits;

	if (strchr(s, '.'))
		return xtables_parse_ipaddr(s, mask) ? 0 : -1;
	if (!xtables_strtoui(s, &bits, 0, 32))
		return -1;
	*mask = bits ? htonl(0xFFFFFFFFu << (32 - bits)) : 0;
	return 0;
}

static int parse_addr(struct ipt_args *a, const char *s, __be32 *addr, __be32 *mask)
{
	char buf[64], *slash;

	snprintf(buf, sizeof(buf), "%s", s);
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	*mask = 0xFFFFFFFFu;
	if (slash && parse_mask(slash + 1, mask))
		return usage_error(a, "invalid mask `%s' specified", slash + 1);
	if (!xtables_parse_ipaddr(buf, addr))
		return usage_error(a, "host/network `%s' not found", buf);
	*addr &= *mask;
	return 0;
}

/* "a[/m][,b[/m]...]": each element checked, the first one set. */
static int parse_addr_list(struct ipt_args *a, const char *list, __be32 *addr, __be32 *mask)
{
	char buf[512], *save = NULL;
	bool first = true;

	snprintf(buf, sizeof(buf), "%s", list);
	for (char *e = strtok_r(buf, ",", &save); e; e = strtok_r(NULL, ",", &save)) {
		__be32 x, m;
		int rc = parse_addr(a, e, &x, &m);

		if (rc)
			return rc;
		if (first) {
			*addr = x;
			*mask = m;
		}
		first = false;
	}
	return 0;
}

/* The word after option i (its argument), or NULL with the error printed. */
static const char *need_arg(struct ipt_args *a, int argc, char **argv, int *i, const char *opt)
{
	if (*i + 1 >= argc) {
		usage_error(a, "option \"%s\" requires an argument", opt);
		return NULL;
	}
	return argv[++*i];
}

static bool is_optional_word(int argc, char **argv, int i)
{
	return i + 1 < argc && argv[i + 1][0] != '-' && strcmp(argv[i + 1], "!");
}

static char cmd_letter(enum ipt_cmd cmd)
{
	for (size_t k = 0; k < sizeof(cmd_opts) / sizeof(cmd_opts[0]); k++)
		if (cmd_opts[k].cmd == cmd)
			return cmd_opts[k].sname;
	return '?';
}

/* xs_has_arg(): the next word is an optional argument of the command */
static bool has_arg(int argc, char **argv, int i)
{
	return i + 1 < argc && argv[i + 1][0] != '-' && argv[i + 1][0] != '!';
}

/* After the chain: -I/-D's optional rule number, -R's, -P's policy, -E's name. */
static int command_args(struct ipt_args *a, enum ipt_cmd cmd, int argc, char **argv, int *i,
			const char *opt)
{
	if ((cmd == CMD_INSERT || cmd == CMD_DELETE) && has_arg(argc, argv, *i)) {
		if (!xtables_strtoui(argv[*i + 1], &a->rulenum, 1, 0x7fffffff))
			return usage_error(a, "Invalid rule number `%s'", argv[*i + 1]);
		++*i;
	} else if (cmd == CMD_REPLACE) {
		const char *s = need_arg(a, argc, argv, i, opt);

		if (!s || !xtables_strtoui(s, &a->rulenum, 1, 0x7fffffff))
			return s ? usage_error(a, "Invalid rule number `%s'", s) : 2;
	} else if (cmd == CMD_POLICY) {
		if (!has_arg(argc, argv, *i))
			return usage_error(a, "-P requires a chain and a policy", NULL);
		a->arg2 = argv[++*i];
	} else if (cmd == CMD_RENAME) {
		if (!(a->arg2 = need_arg(a, argc, argv, i, opt)))
			return 2;
	}
	return 0;
}

static int set_command(struct ipt_args *a, enum ipt_cmd cmd, char letter, int argc, char **argv,
		       int *i)
{
	char opt[4] = { '-', letter, 0, 0 };
	unsigned int n;

	if (a->cmd != CMD_NONE && !(a->cmd == CMD_LIST && cmd == CMD_ZERO)) {
		char msg[64];

		snprintf(msg, sizeof(msg), "Cannot use -%c with -%c", letter, cmd_letter(a->cmd));
		return usage_error(a, "%s", msg);
	}
	if (a->cmd == CMD_LIST && cmd == CMD_ZERO) {
		a->zero = true;
		return 0;
	}
	a->cmd = cmd;
	switch (cmd) {
	case CMD_LIST: case CMD_LIST_RULES: case CMD_FLUSH: case CMD_ZERO: case CMD_DELETE_CHAIN:
		if (is_optional_word(argc, argv, *i))
			a->chain = argv[++*i];
		if (a->chain && (cmd == CMD_LIST || cmd == CMD_LIST_RULES || cmd == CMD_ZERO) &&
		    *i + 1 < argc && xtables_strtoui(argv[*i + 1], &n, 1, 0x7fffffff)) {
			a->rulenum = n;
			++*i;
		}
		return 0;
	default:
		break;
	}
	if (!(a->chain = need_arg(a, argc, argv, i, opt)))
		return 2;
	if (cmd == CMD_NEW && (a->chain[0] == '-' || a->chain[0] == '!')) {
		char msg[64];

		snprintf(msg, sizeof(msg), "chain name not allowed to start with `%c'", a->chain[0]);
		return usage_error(a, "%s", msg);
	}
	return command_args(a, cmd, argc, argv, i, opt);
}

static int iface_too_long(struct ipt_args *a, const char *name)
{
	xt_param_error(&a->p, "interface name `%s' must be shorter than IFNAMSIZ (%i)", name,
		       IFNAMSIZ - 1);
	return 2;
}

static int rule_option(struct ipt_args *a, char c, const char *val, bool inv)
{
	struct ipt_ip *ip = &a->rule.ip;

	a->have_rule_opts = true;
	switch (c) {
	case 'p': {
		int rc = parse_proto(a, val, inv);

		if (!rc && a->p.af == NFPROTO_IPV6)
			proto_warn6(a, val);
		return rc;
	}
	case 's':
	case 'd':
		ip->invflags |= inv ? (c == 's' ? IPT_INV_SRCIP : IPT_INV_DSTIP) : 0;
		a->addrs[c == 'd'] = strchr(val, ',') ? val : NULL;
		a->addr_arg[c == 'd'] = val;
		return 0;
	case 'i':
		ip->invflags |= inv ? IPT_INV_VIA_IN : 0;
		if (!xtables_parse_interface(val, ip->iniface, ip->iniface_mask))
			return iface_too_long(a, val);
		return 0;
	case 'o':
		ip->invflags |= inv ? IPT_INV_VIA_OUT : 0;
		if (!xtables_parse_interface(val, ip->outiface, ip->outiface_mask))
			return iface_too_long(a, val);
		return 0;
	case 'm':
		return add_match(a, val) ? 2 : 0;
	case 'j':
	case 'g':
		if (a->jump)
			return usage_error(a, "multiple -j flags not allowed", NULL);
		return set_target(a, val, c == 'g') ? 2 : 0;
	}
	return 0;
}

static int short_option(struct ipt_args *a, char c, int argc, char **argv, int *i,
			const char *rest, bool inv, const char **table)
{
	char opt[3] = { '-', c, 0 };
	const char *val;

	for (size_t k = 0; k < sizeof(cmd_opts) / sizeof(cmd_opts[0]); k++)
		if (cmd_opts[k].sname == c)
			return set_command(a, cmd_opts[k].cmd, c, argc, argv, i);
	switch (c) {
	case 'n': a->numeric = true; return 0;
	case 'v': a->verbose = true; return 0;
	case 'x': a->exact = true; return 0;
	case '4': case '6':
		if ((c == '4') == (a->p.af == NFPROTO_IPV4))
			return 0;
		if (a->p.line) {	/* iptables-restore: the line is for the other family */
			a->other_family = true;
			return 0;
		}
		fprintf(a->p.ctx->err, "Try `%s -h' or '%s --help' for more information.\n",
			a->p.prog, a->p.prog);
		return 2;
	case 'f':
		if (a->p.af == NFPROTO_IPV6)
			return usage_error(a, "%s", "`-f' is not supported in IPv6, use -m frag instead");
		a->rule.ip.flags |= IPT_F_FRAG;
		a->rule.ip.invflags |= inv ? IPT_INV_FRAG : 0;
		return 0;
	case 'c': {
		const char *pc = *rest ? rest : need_arg(a, argc, argv, i, opt);
		const char *bc = pc ? need_arg(a, argc, argv, i, opt) : NULL;

		if (!bc)
			return 2;
		a->rule.counters.pcnt = strtoull(pc, NULL, 10);
		a->rule.counters.bcnt = strtoull(bc, NULL, 10);
		return 0;
	}
	case 'w': case 'W':
		if (!*rest && is_optional_word(argc, argv, *i))
			++*i;
		return 0;
	case 't': case 'p': case 's': case 'd': case 'i': case 'o': case 'm': case 'j': case 'g':
		val = *rest ? rest : need_arg(a, argc, argv, i, opt);
		if (!val)
			return 2;
		if (c == 't') {
			*table = val;
			return 0;
		}
		return rule_option(a, c, val, inv);
	}
	return usage_error(a, "unknown option \"%s\"", argv[*i]);
}

static const struct { const char *name; char c; } long_main[] = {
	{ "table", 't' }, { "jump", 'j' }, { "goto", 'g' }, { "in-interface", 'i' },
	{ "out-interface", 'o' }, { "protocol", 'p' }, { "source", 's' }, { "src", 's' },
	{ "destination", 'd' }, { "dst", 'd' }, { "numeric", 'n' }, { "verbose", 'v' },
	{ "exact", 'x' }, { "wait", 'w' }, { "wait-interval", 'W' }, { "match", 'm' },
	{ "fragment", 'f' }, { "ipv4", '4' }, { "ipv6", '6' }, { "set-counters", 'c' },
};

/* --name of the rule's matches, its target, or the implicit match of -p. */
static int ext_option(struct ipt_args *a, const char *name, int argc, char **argv, int *i,
		      bool inv)
{
	const struct xt_option *o = NULL;
	const char *two = NULL;
	void *data = NULL;
	int (*parse)(struct xt_parse *, int, const char *, bool, void *) = NULL;
	char joined[256];
	const char *val = NULL;
	unsigned int *seen = NULL;

	for (unsigned int m = a->rule.nmatches; !o && m-- > 0;)
		if ((o = find_opt(a->xm[m]->opts, name))) {
			data = a->rule.matches[m].data;
			parse = a->xm[m]->parse;
			two = a->xm[m]->two_args_opt;
			seen = &a->seen[m];
		}
	if (!o && a->xt && (o = find_opt(a->xt->opts, name))) {
		data = a->rule.target.data;
		parse = a->xt->parse;
		seen = &a->tseen;
	}
	if (!o) {
		const char *pn = ipt_proto_name(a->rule.ip.proto);
		const struct xtables_match *pm;

		if (pn && a->p.af == NFPROTO_IPV6 && a->rule.ip.proto == 58)
			pn = "icmp6";
		pm = pn ? xtables_find_match(a->p.af, pn) : NULL;

		if (a->rule.ip.proto && pm && find_opt(pm->opts, name) && !add_match(a, pn))
			return ext_option(a, name, argc, argv, i, inv);
		return usage_error(a, "unknown option \"%s\"", argv[*i]);
	}
	a->have_rule_opts = true;
	if (o->has_arg && !(val = need_arg(a, argc, argv, i, argv[*i])))
		return 2;
	if (two && !strcmp(two, o->name)) {
		const char *second = *i + 1 < argc ? argv[++*i] : NULL;

		/* libxt_tcp: the next word must exist and not look like an option */
		if (!second || second[0] == '-' || second[0] == '!')
			return usage_error(a, strcmp(o->name, "chunk-types") ?
					   "--%s requires two args." : "--%s requires two args",
					   o->name);
		snprintf(joined, sizeof(joined), "%s %s", val, second);
		val = joined;
	}
	a->p.ip = &a->rule.ip;
	a->p.xflags = *seen;
	if (parse(&a->p, o->id, val, inv, data))
		return 2;
	*seen |= 1u << (o->id & 31);
	return 0;
}

static int long_option(struct ipt_args *a, int argc, char **argv, int *i, bool inv,
		       const char **table)
{
	const char *name = argv[*i] + 2;
	char *eq = strchr(name, '=');

	if (eq)
		return usage_error(a, "unknown option \"%s\"", argv[*i]);
	if (!strcmp(name, "line-numbers")) {
		a->linenumbers = true;
		return 0;
	}
	for (size_t k = 0; k < sizeof(cmd_opts) / sizeof(cmd_opts[0]); k++)
		if (!strcmp(cmd_opts[k].lname, name))
			return set_command(a, cmd_opts[k].cmd, cmd_opts[k].sname, argc, argv, i);
	for (size_t k = 0; k < sizeof(long_main) / sizeof(long_main[0]); k++)
		if (!strcmp(long_main[k].name, name))
			return short_option(a, long_main[k].c, argc, argv, i, "", inv, table);
	return ext_option(a, name, argc, argv, i, inv);
}

static int parse_args(struct ipt_args *a, int argc, char **argv, const char **table)
{
	bool inv = false;
	int rc = 0;

	for (int i = 1; i < argc && !rc; i++) {
		const char *arg = argv[i];

		if (!strcmp(arg, "!")) {
			inv = true;
			continue;
		}
		if (arg[0] == '-' && arg[1] == '-') {
			rc = long_option(a, argc, argv, &i, inv, table);
		} else if (arg[0] == '-' && arg[1]) {
			int at = i;

			for (const char *c = arg + 1; *c && !rc && i == at; c++) {
				bool takes = strchr("tpsdiomjgc", *c) != NULL;

				rc = short_option(a, *c, argc, argv, &i, takes ? c + 1 : "", inv, table);
				if (takes)
					break;
			}
		} else {
			fprintf(a->p.ctx->err, "Bad argument `%s'\nTry `%s -h' or '%s "
				"--help' for more information.\n", arg, ipt_prog_name(a->p.af),
				ipt_prog_name(a->p.af));
			return 2;
		}
		inv = false;
	}
	return rc;
}

const char *ipt_cmdline_table(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if ((!strcmp(argv[i], "-t") || !strcmp(argv[i], "--table")) && i + 1 < argc)
			return argv[i + 1];
		if (!strncmp(argv[i], "-t", 2) && argv[i][2])
			return argv[i] + 2;
	}
	return "filter";
}

static int resolve_jump(struct ipt_args *a, struct ipt_handle *h)
{
	static const struct { const char *name; int v; } std[] = {
		{ "ACCEPT", XT_STD_ACCEPT }, { "DROP", XT_STD_DROP },
		{ "RETURN", XT_RETURN }, { "QUEUE", XT_STD_QUEUE },
	};
	int c;

	if (a->rule.target.target)
		return 0;
	a->rule.target.verdict = XT_STD_CONTINUE;
	if (!a->jump)
		return 0;
	for (size_t i = 0; i < sizeof(std) / sizeof(std[0]); i++)
		if (!strcmp(a->jump, std[i].name) && !(a->rule.ip.flags & IPT_F_GOTO)) {
			a->rule.target.verdict = std[i].v;
			return 0;
		}
	c = ipt_chain_find(h, a->jump);
	if (c < 0 || h->info->chains[c].hook >= 0)
		return usage_error(a, "Chain '%s' does not exist", a->jump);
	a->rule.target.verdict = c;
	return 0;
}

/* -s and -d, after the loop and the extensions' final checks, as
 * iptables' ipv4_post_parse() does (so "-s -j LOG" fails at "LOG"). */
static int parse_addrs(struct ipt_args *a)
{
	struct ipt_ip *ip = &a->rule.ip;

	if (a->p.af == NFPROTO_IPV6) {
		if (a->addr_arg[0] && parse_addr_list6(a, a->addr_arg[0], &ip->src6, &ip->smsk6))
			return 2;
		if (a->addr_arg[1] && parse_addr_list6(a, a->addr_arg[1], &ip->dst6, &ip->dmsk6))
			return 2;
		return 0;
	}
	if (a->addr_arg[0] && parse_addr_list(a, a->addr_arg[0], &ip->src, &ip->smsk))
		return 2;
	if (a->addr_arg[1] && parse_addr_list(a, a->addr_arg[1], &ip->dst, &ip->dmsk))
		return 2;
	return 0;
}

/* The extension's own check, then the options it requires (XTOPT_MAND),
 * in iptables' order (xtables_option_mfcall). */
static int ext_final_check(struct ipt_args *a, const char *name, const struct xt_option *opts,
			   unsigned int mand, int (*check)(struct xt_parse *, void *),
			   unsigned int seen, void *data)
{
	a->p.xflags = seen;
	if (check && check(&a->p, data))
		return -1;
	for (; opts && opts->name; opts++)
		if ((mand & ~seen & (1u << (opts->id & 31)))) {
			xt_param_error(&a->p, "%s: option \"--%s\" must be specified\n", name,
				       opts->name);
			return -1;
		}
	return 0;
}

static int final_checks(struct ipt_args *a)
{
	const char *ch = a->chain;
	bool no_in = ch && (!strcmp(ch, "OUTPUT") || !strcmp(ch, "POSTROUTING"));
	bool no_out = ch && (!strcmp(ch, "INPUT") || !strcmp(ch, "PREROUTING"));

	if (no_out && a->rule.ip.outiface[0])
		return usage_error(a, "Can't use -o with %s\n", ch);
	if (no_in && a->rule.ip.iniface[0])
		return usage_error(a, "Can't use -i with %s\n", ch);
	for (unsigned int m = 0; m < a->rule.nmatches; m++)
		if (ext_final_check(a, a->xm[m]->name, a->xm[m]->opts, a->xm[m]->mand,
				    a->xm[m]->final_check, a->seen[m], a->rule.matches[m].data))
			return 2;
	if (a->xt && ext_final_check(a, a->xt->name, a->xt->opts, a->xt->mand,
				     a->xt->final_check, a->tseen, a->rule.target.data))
		return 2;
	return 0;
}

static unsigned int user_bytes(u8 af, const struct xt_entry_match *em)
{
	const struct xtables_match *xm = xtables_find_match(af, em->match->name);

	return xm && xm->userspacesize ? xm->userspacesize : em->match->matchsize;
}

/* A match or target without data (TRACE, NOTRACK) has no buffer: NULL. */
static bool data_equal(const void *a, const void *b, size_t n)
{
	return !n || !memcmp(a, b, n);
}

static bool rule_equal(u8 af, const struct ipt_rule *x, const struct ipt_rule *y)
{
	if (memcmp(&x->ip, &y->ip, sizeof(x->ip)) || x->nmatches != y->nmatches ||
	    x->target.target != y->target.target)
		return false;
	for (unsigned int m = 0; m < x->nmatches; m++)
		if (x->matches[m].match != y->matches[m].match ||
		    !data_equal(x->matches[m].data, y->matches[m].data,
				user_bytes(af, &x->matches[m])))
			return false;
	if (x->target.target)
		return data_equal(x->target.data, y->target.data, x->target.target->targetsize);
	return x->target.verdict == y->target.verdict;
}

static int find_rule(u8 af, const struct ipt_chain *c, const struct ipt_rule *r)
{
	for (unsigned int i = 0; i < c->nrules; i++)
		if (rule_equal(af, &c->rules[i], r))
			return (int)i;
	return -1;
}

static int kernel_error(struct cmd_ctx *ctx, u8 af, int err, const char *what,
			const char *chain)
{
	fprintf(ctx->err, "%s v1.8.9 (nf_tables):  %s failed (%s): %s %s\n", ipt_prog_name(af),
		what, strerror(-err), strcmp(what, "CHAIN_DEL") ? "rule in chain" : "chain", chain);
	return 4;
}

static unsigned int list_format(const struct ipt_args *a)
{
	unsigned int f = FMT_OPTIONS;

	f |= a->verbose ? FMT_VIA : FMT_NOCOUNTS;
	if (a->numeric)
		f |= FMT_NUMERIC;
	if (!a->exact)
		f |= FMT_KILOMEGAGIGA;
	if (a->linenumbers)
		f |= FMT_LINENUMBERS;
	return f;
}

static int cmd_list(struct cmd_ctx *ctx, struct ipt_handle *h, struct ipt_args *a, int c)
{
	const struct xt_table_info *info = h->info;
	unsigned int *order = ipt_chain_order(info);
	bool first = true;

	if (!order)
		return 4;
	ipt_rules_loaded(ctx->err, info);
	for (unsigned int k = 0; k < info->nchains; k++) {
		unsigned int i = order[k];

		if (c >= 0 && (int)i != c)
			continue;
		if (!first && a->cmd == CMD_LIST)
			fputc('\n', ctx->out);
		first = false;
		if (a->cmd == CMD_LIST) {
			ipt_print_chain(ctx->out, info, i, list_format(a), a->rulenum);
			continue;
		}
		if (a->rulenum)
			continue;
		if (info->chains[i].hook >= 0)
			fprintf(ctx->out, "-P %s %s%s\n", info->chains[i].name,
				info->chains[i].policy == XT_STD_DROP ? "DROP" : "ACCEPT",
				a->verbose ? " -c 0 0" : "");
		else
			fprintf(ctx->out, "-N %s\n", info->chains[i].name);
	}
	for (unsigned int k = 0; a->cmd == CMD_LIST_RULES && k < info->nchains; k++) {
		unsigned int i = order[k];
		unsigned int mode = a->verbose ? IPT_COUNTERS_INLINE : IPT_COUNTERS_NONE;

		for (unsigned int r = 0; (c < 0 || (int)i == c) && r < info->chains[i].nrules; r++)
			if (!a->rulenum || a->rulenum == r + 1)
				ipt_save_rule(ctx->out, info, i, &info->chains[i].rules[r], mode);
	}
	free(order);
	return 0;
}

static int cmd_rule(struct cmd_ctx *ctx, struct ipt_handle *h, struct ipt_args *a, int c)
{
	struct ipt_chain *ch = &h->info->chains[c];
	unsigned int pos = ch->nrules;
	int found;

	switch (a->cmd) {
	case CMD_INSERT:
		pos = a->rulenum ? a->rulenum - 1 : 0;
		if (pos > ch->nrules)
			return ipt_msg(ctx, h->af, "Index of insertion too big");
		break;
	case CMD_REPLACE:
		if (a->rulenum > ch->nrules)
			return ipt_msg(ctx, h->af, ch->nrules ? "Index of replacement too big"
					   : "No chain/target/match by that name");
		ipt_rule_free(&ch->rules[a->rulenum - 1]);
		ch->rules[a->rulenum - 1] = a->rule;
		memset(&a->rule, 0, sizeof(a->rule));
		h->dirty = true;
		return 0;
	case CMD_DELETE:
	case CMD_CHECK:
		found = find_rule(h->af, ch, &a->rule);
		if (found < 0)
			return ipt_msg(ctx, h->af, "Bad rule (does a matching rule exist in that chain?)");
		if (a->cmd == CMD_CHECK)
			return 0;
		ipt_rule_free(&ch->rules[found]);
		memmove(&ch->rules[found], &ch->rules[found + 1],
			(ch->nrules - (unsigned int)found - 1) * sizeof(*ch->rules));
		ch->nrules--;
		h->dirty = true;
		return 0;
	default:
		break;
	}
	if (ipt_rule_insert(ch, pos, &a->rule))
		return 4;
	memset(&a->rule, 0, sizeof(a->rule));
	h->dirty = true;
	return 0;
}

/* -s a,b -d c,d: one rule per source and destination pair, in order. */
static int cmd_rule_addrs(struct cmd_ctx *ctx, struct ipt_handle *h, struct ipt_args *a, int c)
{
	char lists[2][512];
	char *srcs[64], *dsts[64];
	unsigned int ns = 0, nd = 0, pos = a->rulenum;
	struct ipt_rule proto = a->rule;
	int rc = 0;

	for (int k = 0; k < 2; k++) {
		char *save = NULL, **v = k ? dsts : srcs;
		unsigned int *n = k ? &nd : &ns;

		snprintf(lists[k], sizeof(lists[k]), "%s", a->addrs[k] ? a->addrs[k] : "");
		for (char *e = strtok_r(lists[k], ",", &save); e && *n < 64;
		     e = strtok_r(NULL, ",", &save))
			v[(*n)++] = e;
	}
	for (unsigned int s = 0; s < (ns ? ns : 1) && !rc; s++)
		for (unsigned int d = 0; d < (nd ? nd : 1) && !rc; d++) {
			if (ipt_rule_clone(&a->rule, &proto))
				return 4;
			if (ns && a->p.af == NFPROTO_IPV6)
				parse_addr6(a, srcs[s], &a->rule.ip.src6, &a->rule.ip.smsk6);
			else if (ns)
				parse_addr(a, srcs[s], &a->rule.ip.src, &a->rule.ip.smsk);
			if (nd && a->p.af == NFPROTO_IPV6)
				parse_addr6(a, dsts[d], &a->rule.ip.dst6, &a->rule.ip.dmsk6);
			else if (nd)
				parse_addr(a, dsts[d], &a->rule.ip.dst, &a->rule.ip.dmsk);
			if (a->cmd == CMD_INSERT)
				a->rulenum = (pos ? pos : 1) + s * (nd ? nd : 1) + d;
			rc = cmd_rule(ctx, h, a, c);
			ipt_rule_free(&a->rule);
		}
	a->rule = proto;
	return rc;
}

static int cmd_delete_num(struct cmd_ctx *ctx, struct ipt_handle *h, struct ipt_args *a, int c)
{
	struct ipt_chain *ch = &h->info->chains[c];

	if (a->rulenum > ch->nrules)
		return ipt_msg(ctx, h->af, "Index of deletion too big");
	ipt_rule_free(&ch->rules[a->rulenum - 1]);
	memmove(&ch->rules[a->rulenum - 1], &ch->rules[a->rulenum],
		(ch->nrules - a->rulenum) * sizeof(*ch->rules));
	ch->nrules--;
	h->dirty = true;
	return 0;
}

static void flush_or_zero(struct ipt_handle *h, struct ipt_args *a, int c)
{
	for (unsigned int i = 0; i < h->info->nchains; i++) {
		struct ipt_chain *ch = &h->info->chains[i];

		if (c >= 0 && (int)i != c)
			continue;
		if (a->cmd == CMD_FLUSH) {
			for (unsigned int r = 0; r < ch->nrules; r++)
				ipt_rule_free(&ch->rules[r]);
			ch->nrules = 0;
			continue;
		}
		memset(&ch->counters, 0, sizeof(ch->counters));
		ch->policy_counters = ch->hook >= 0;
		for (unsigned int r = 0; r < ch->nrules; r++)
			memset(&ch->rules[r].counters, 0, sizeof(ch->rules[r].counters));
	}
	h->dirty = true;
}

static bool chain_referenced(const struct xt_table_info *info, unsigned int c)
{
	for (unsigned int i = 0; i < info->nchains; i++)
		for (unsigned int r = 0; r < info->chains[i].nrules; r++) {
			const struct xt_entry_target *t = &info->chains[i].rules[r].target;

			if (!t->target && t->verdict == (int)c)
				return true;
		}
	return false;
}

static int cmd_delete_chain(struct cmd_ctx *ctx, struct ipt_handle *h, int c)
{
	struct xt_table_info *info = h->info;

	if (c >= 0) {
		if (info->chains[c].hook >= 0)
			return ipt_msg(ctx, h->af, "No chain/target/match by that name");
		if (chain_referenced(info, (unsigned int)c) || info->chains[c].nrules)
			return kernel_error(ctx, h->af, -EBUSY, "CHAIN_DEL", info->chains[c].name);
		return ipt_chain_delete(h, (unsigned int)c) ? 4 : 0;
	}
	for (unsigned int i = 0; i < info->nchains; i++)
		if (info->chains[i].hook < 0 &&
		    (info->chains[i].nrules || chain_referenced(info, i)))
			return kernel_error(ctx, h->af, -EBUSY, "CHAIN_DEL", info->chains[i].name);
	for (unsigned int i = info->nchains; i-- > 0;)
		if (info->chains[i].hook < 0 && ipt_chain_delete(h, i))
			return 4;
	return 0;
}

static int cmd_chain(struct cmd_ctx *ctx, struct ipt_handle *h, struct ipt_args *a, int c)
{
	switch (a->cmd) {
	case CMD_NEW:
		if (c >= 0)
			return ipt_msg(ctx, h->af, "Chain already exists");
		return ipt_chain_add(h, a->chain) < 0 ? 4 : 0;
	case CMD_DELETE_CHAIN:
		return cmd_delete_chain(ctx, h, c);
	case CMD_RENAME:	/* nft_chain_user_rename(): user chains only */
		if (c < 0 || h->info->chains[c].hook >= 0)
			return ipt_msg(ctx, h->af, "No chain/target/match by that name");
		if (ipt_chain_find(h, a->arg2) >= 0)
			return ipt_msg(ctx, h->af, "File exists");
		return ipt_chain_rename(h, (unsigned int)c, a->arg2) ? 4 : 0;
	case CMD_POLICY:
		if (c < 0 || h->info->chains[c].hook < 0)
			return ipt_msg(ctx, h->af, "Bad built-in chain name");
		if (strcmp(a->arg2, "ACCEPT") && strcmp(a->arg2, "DROP"))
			return ipt_msg(ctx, h->af, "Bad policy name. Run `dmesg' for more information");
		h->info->chains[c].policy = strcmp(a->arg2, "DROP") ? XT_STD_ACCEPT : XT_STD_DROP;
		h->info->chains[c].policy_counters = true;
		h->dirty = true;
		return 0;
	default:
		return 0;
	}
}

static int run_command(struct cmd_ctx *ctx, struct ipt_handle *h, struct ipt_args *a)
{
	int c = a->chain ? ipt_chain_find(h, a->chain) : -1;

	if (a->chain && c < 0 && a->cmd != CMD_NEW && a->cmd != CMD_POLICY) {
		if (a->cmd == CMD_LIST || a->cmd == CMD_LIST_RULES) {
			fprintf(ctx->err, "%s v1.8.9 (nf_tables): chain `%s' in table `%s' "
				"is incompatible, use 'nft' tool.\n", ipt_prog_name(h->af), a->chain,
				h->table);
			return 1;
		}
		return ipt_msg(ctx, h->af, "No chain/target/match by that name");
	}
	switch (a->cmd) {
	case CMD_LIST:
	case CMD_LIST_RULES:
		cmd_list(ctx, h, a, c);
		if (a->zero) {
			unsigned int *order = ipt_chain_order(h->info);

			for (unsigned int k = 0; order && k < h->info->nchains; k++)
				if (c < 0 || (int)order[k] == c)
					fprintf(ctx->out, "Zeroing chain `%s'\n",
						h->info->chains[order[k]].name);
			free(order);
			a->cmd = CMD_ZERO;
			flush_or_zero(h, a, c);
		}
		return 0;
	case CMD_FLUSH:
	case CMD_ZERO:
		flush_or_zero(h, a, c);
		return 0;
	case CMD_APPEND: case CMD_INSERT: case CMD_REPLACE: case CMD_DELETE: case CMD_CHECK:
		if (a->cmd == CMD_DELETE && a->rulenum && !a->have_rule_opts)
			return cmd_delete_num(ctx, h, a, c);
		if (resolve_jump(a, h))
			return 2;
		if (a->addrs[0] || a->addrs[1])
			return cmd_rule_addrs(ctx, h, a, c);
		return cmd_rule(ctx, h, a, c);
	default:
		return cmd_chain(ctx, h, a, c);
	}
}

int ipt_do_command(struct cmd_ctx *ctx, struct ipt_handle *h, int argc, char **argv,
		   const char *table, unsigned int restore_line)
{
	return ipt_do_command_af(ctx, NFPROTO_IPV4, h, argc, argv, table, restore_line);
}

int ipt_do_command_af(struct cmd_ctx *ctx, u8 af, struct ipt_handle *h, int argc, char **argv,
		      const char *table, unsigned int restore_line)
{
	bool restore = restore_line != 0;
	struct ipt_args a;
	int rc;

	memset(&a, 0, sizeof(a));
	a.p.ctx = ctx;
	a.p.af = af;
	a.p.prog = restore ? (af == NFPROTO_IPV6 ? "ip6tables-restore" : "iptables-restore") :
		   ipt_prog_name(af);
	a.p.line = restore_line;
	a.p.ip = &a.rule.ip;
	rc = parse_args(&a, argc, argv, &table);
	if (!rc && a.other_family) {
		ipt_rule_free(&a.rule);
		return 0;
	}
	if (!rc && a.cmd == CMD_NONE)
		rc = usage_error(&a, "%s", "no command specified");
	if (!rc)
		rc = final_checks(&a);
	if (!rc)
		rc = parse_addrs(&a);
	if (!rc && !restore) {
		int err = ipt_handle_open(h, ctx->net, af, table);

		if (err == -ENOENT) {
			fprintf(ctx->err, "%s v1.8.9 (nf_tables): table '%s' does not exist\n"
				"Perhaps %s or your kernel needs to be upgraded.\n", a.p.prog, table,
				a.p.prog);
			rc = 3;
		} else if (err) {	/* nft.c: RESOURCE_PROBLEM, nft_strerror() */
			fprintf(ctx->err, "%s v1.8.9 (nf_tables): Could not fetch rule set "
				"generation id: %s\n", a.p.prog, err == -ENOMEM ?
				"Memory allocation problem" : strerror(-err));
			rc = 4;
		}
	}
	if (!rc)
		rc = run_command(ctx, h, &a);
	if (!rc && !restore && h->dirty) {
		int err = ipt_handle_commit(h);

		if (err)
			rc = kernel_error(ctx, af, err, "RULE_APPEND", a.chain ? a.chain : "");
	}
	ipt_rule_free(&a.rule);
	if (!restore)
		ipt_handle_close(h);
	return rc;
}

static int do_xtables(struct cmd_ctx *ctx, u8 af, int argc, char **argv)
{
	struct ipt_handle h;

	for (int i = 1; i < argc; i++)
		if (!strcmp(argv[i], "-V") || !strcmp(argv[i], "--version")) {
			fprintf(ctx->out, "%s v1.8.9 (nf_tables)\n", ipt_prog_name(af));
			return 0;
		}

	memset(&h, 0, sizeof(h));
	return ipt_do_command_af(ctx, af, &h, argc, argv, ipt_cmdline_table(argc, argv), 0);
}

int do_iptables(struct cmd_ctx *ctx, int argc, char **argv)
{
	return do_xtables(ctx, NFPROTO_IPV4, argc, argv);
}

int do_ip6tables(struct cmd_ctx *ctx, int argc, char **argv)
{
	return do_xtables(ctx, NFPROTO_IPV6, argc, argv);
}
