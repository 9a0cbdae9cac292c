/* `ip rule`, `ip -6 rule` (iproute2 ip/iprule.c): list a family's policy
 * rules (fib_rules_list(): net->ipv4.rules_ops or net->ipv6.fib6_rules,
 * ordered by preference) and add/delete them through
 * fib_nl_newrule()/fib_nl_delrule() (net/core/fib_rules.c). */
#include <arpa/inet.h>
#include <errno.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <string.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/ip_fib.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"

static const char iprule_usage_text[];

/* print_rule(): an action that is not a table, goto or nop is printed as
 * the route type of its number (rtnl_rtntype_n2a()) */
static const char *rule_action_name(char *buf, u8 action)
{
	if (action == FR_ACT_TO_TBL || action == FR_ACT_GOTO || action == FR_ACT_NOP)
		return NULL;
	return rt_type_name(buf, action);
}

/* "all", ADDR or ADDR/LEN of the rule's source (dst false) or destination */
static const char *rule_fmt_prefix(char *buf, const struct fib_rule *r, bool dst, bool plen)
{
	u8 len = dst ? r->dst_len : r->src_len;
	char a[INET6_ADDRSTRLEN];

	if (!len)
		return strcpy(buf, "all");
	if (r->family == AF_INET6)
		inet_ntop(AF_INET6, dst ? &r->dst6 : &r->src6, a, sizeof(a));
	else
		format_ipv4(a, dst ? r->dst : r->src);
	if (!plen || len == (r->family == AF_INET6 ? 128 : 32))
		return strcpy(buf, a);
	sprintf(buf, "%s/%u", a, len);
	return buf;
}

/* " sport 666" or " sport 1000-2000" */
static void rule_print_range(FILE *o, const char *key, u16 start, u16 end)
{
	if (!start)
		return;
	if (start == end)
		fprintf(o, " %s %u", key, start);
	else
		fprintf(o, " %s %u-%u", key, start, end);
}

static void rule_print_json(struct ip_ctx *ipc, const struct fib_rule *r)
{
	struct json_writer *jw = &ipc->jw;
	char b[INET6_ADDRSTRLEN + 8];

	jw_obj_open(jw, NULL);
	jw_uint(jw, "priority", r->pref);
	if (r->flags & FIB_RULE_INVERT)
		jw_null(jw, "not");
	jw_string(jw, "src", rule_fmt_prefix(b, r, false, false));
	if (r->src_len && r->src_len != (r->family == AF_INET6 ? 128 : 32))
		jw_uint(jw, "srclen", r->src_len);
	if (r->dst_len) {
		jw_string(jw, "dst", rule_fmt_prefix(b, r, true, false));
		if (r->dst_len != (r->family == AF_INET6 ? 128 : 32))
			jw_uint(jw, "dstlen", r->dst_len);
	}
	if (r->tos) {
		sprintf(b, "0x%02x", r->tos);
		jw_string(jw, "tos", b);
	}
	if (r->mark_set || r->mark) {
		sprintf(b, "0x%x", r->mark);
		jw_string(jw, "fwmark", b);
		if (r->mark_mask != 0xFFFFFFFFU) {
			sprintf(b, "0x%x", r->mark_mask);
			jw_string(jw, "fwmask", b);
		}
	}
	if (r->iifname[0])
		jw_string(jw, "iif", r->iifname);
	if (r->oifname[0])
		jw_string(jw, "oif", r->oifname);
	if (r->table)
		jw_string(jw, "table", rt_table_name(b, r->table));
	if (r->table && r->suppress_prefixlen >= 0)
		jw_int(jw, "suppress_prefixlen", r->suppress_prefixlen);
	if (r->action == FR_ACT_GOTO) {
		jw_uint(jw, "goto", r->target);
		if (!r->ctarget)
			jw_null(jw, "unresolved");
	} else if (r->action == FR_ACT_NOP)
		jw_null(jw, "nop");
	else if (rule_action_name(b, r->action))
		jw_string(jw, "action", rule_action_name(b, r->action));
	jw_obj_close(jw);
}

/* The selectors after from/to, in iproute2's print_rule() order */
static void rule_print_selectors(FILE *o, const struct fib_rule *r)
{
	char b[24];

	if (r->tos)
		fprintf(o, " tos 0x%02x", r->tos);
	if (r->mark_set || r->mark) {
		fprintf(o, " fwmark 0x%x", r->mark);
		if (r->mark_mask != 0xFFFFFFFFU)
			fprintf(o, "/0x%x", r->mark_mask);
	}
	/* fib_nl_fill_rule(): FIB_RULE_IIF_DETACHED while the device is away */
	if (r->iifname[0])
		fprintf(o, " iif %s%s", r->iifname, r->iifindex == -1 ? " [detached]" : "");
	if (r->oifname[0])
		fprintf(o, " oif %s%s", r->oifname, r->oifindex == -1 ? " [detached]" : "");
	if (r->uid_set)
		fprintf(o, " uidrange %u-%u", r->uid_start, r->uid_end);
	if (r->ip_proto)
		fprintf(o, " ipproto %s", inet_proto_n2a(b, r->ip_proto));
	rule_print_range(o, "sport", r->sport_start, r->sport_end);
	rule_print_range(o, "dport", r->dport_start, r->dport_end);
}

static void rule_print(struct ip_ctx *ipc, const struct fib_rule *r)
{
	char b[INET6_ADDRSTRLEN + 8];
	FILE *o = ipc->out;

	if (ipc->json) {
		rule_print_json(ipc, r);
		return;
	}
	fprintf(o, "%u:\t", r->pref);
	if (r->flags & FIB_RULE_INVERT)
		fputs("not ", o);
	fprintf(o, "from %s", rule_fmt_prefix(b, r, false, true));
	if (r->dst_len)
		fprintf(o, " to %s", rule_fmt_prefix(b, r, true, true));
	rule_print_selectors(o, r);
	if (r->table)
		fprintf(o, " lookup %s", rt_table_name(b, r->table));
	if (r->table && r->suppress_prefixlen >= 0)
		fprintf(o, " suppress_prefixlength %d", r->suppress_prefixlen);
	if (r->action == FR_ACT_GOTO)
		fprintf(o, " goto %u%s", r->target, r->ctarget ? "" : " [unresolved]");
	else if (r->action == FR_ACT_NOP)
		fputs(" nop", o);
	else if (rule_action_name(b, r->action))
		fprintf(o, " %s", rule_action_name(b, r->action));
	fputc('\n', o);
}

/* iprule_list_flush_or_save()'s filter */
struct rule_filter {
	struct fib_rule r;		/* the values */
	bool pref, not, tos, iif, oif, l3mdev, uid, table;
	bool src, dst;			/* IPv4 prefixes: r.src/src_len, r.dst/dst_len */
	bool proto;
};

static int rule_filter_prefix(struct ip_ctx *ipc, const char *v, const char *msg, __be32 *addr,
			      u8 *len)
{
	struct inet_prefix p;

	(void)msg;	/* get_prefix() exits first, with its own message */
	if (parse_prefix(&p, v))
		return ip_bad_prefix_af(ipc, ipc->family ? ipc->family : AF_INET, v);
	*len = (u8)(p.bitlen < 0 ? 32 : p.bitlen);
	*addr = p.addr;
	return 0;
}

static bool rule_filter_key(const char *k)
{
	static const char *const exact[] = { "tos", "dsfield", "fwmark", "dev", "iif", "oif",
		"uidrange", "ipproto", "sport", "dport" };
	static const char *const abbrev[] = { "preference", "order", "priority", "tun_id",
		"lookup", "table", "from", "src", "protocol" };

	for (size_t i = 0; i < ARRAY_SIZE(exact); i++)
		if (!strcmp(k, exact[i]))
			return true;
	for (size_t i = 0; i < ARRAY_SIZE(abbrev); i++)
		if (!matches(k, abbrev[i]))
			return true;
	return false;
}

/* one word of the filter; -1: not a keyword (the default: [to|dst] PREFIX) */
static int rule_filter_word(struct ip_ctx *ipc, struct rule_filter *f, const char *k,
			    const char *v)
{
	struct fib_rule *r = &f->r;
	unsigned int n;

	if (!matches(k, "preference") || !matches(k, "order") || !matches(k, "priority")) {
		if (get_u32(&r->pref, v, 0))
			return ip_invarg(ipc, "preference value is invalid\n", v);
		f->pref = true;
	} else if (!strcmp(k, "tos") || !strcmp(k, "dsfield")) {
		if (get_u8(&r->tos, v, 16))
			return ip_invarg(ipc, "TOS value is invalid\n", v);
		f->tos = true;
	} else if (!strcmp(k, "fwmark")) {
		char buf[64], *slash;

		snprintf(buf, sizeof(buf), "%s", v);
		if ((slash = strchr(buf, '/')))
			*slash++ = 0;
		if (get_u32(&r->mark, buf, 0))
			return ip_invarg(ipc, "fwmark value is invalid\n", buf);
		if (slash && get_u32(&r->mark_mask, slash, 0))
			return ip_invarg(ipc, "fwmask value is invalid\n", slash);
	} else if (!strcmp(k, "dev") || !strcmp(k, "iif") || !strcmp(k, "oif")) {
		bool oif = !strcmp(k, "oif");

		if (!*v || strlen(v) >= IFNAMSIZ || strchr(v, '/') || strchr(v, ' '))
			return ip_invarg(ipc, oif ? "\"oif\" not a valid ifname" :
					 "\"iif\"/\"dev\" not a valid ifname", v);
		snprintf(oif ? r->oifname : r->iifname, IFNAMSIZ, "%s", v);
		*(oif ? &f->oif : &f->iif) = true;
	} else if (!strcmp(k, "uidrange")) {
		if (sscanf(v, "%u-%u", &r->uid_start, &r->uid_end) != 2)
			return ip_invarg(ipc, "invalid UID range\n", v);
		f->uid = true;
	} else if (!matches(k, "tun_id")) {
		unsigned long long id;
		char *end;

		id = strtoull(v, &end, 0);
		if (!*v || *end || *v == '-' || (id == ~0ULL))
			return ip_invarg(ipc, "\"tun_id\" value is invalid\n", v);
	} else if (!matches(k, "lookup") || !matches(k, "table")) {
		if (rt_table_parse(&r->table, v))
			return ip_invarg(ipc, "table id value is invalid\n", v);
		f->table = true;
	} else if (!matches(k, "from") || !matches(k, "src")) {
		f->src = true;
		return rule_filter_prefix(ipc, v, "from value is invalid\n", &r->src, &r->src_len);
	} else if (!matches(k, "protocol")) {
		if (!rt_proto_parse(&n, v)) {
			r->proto = (u8)n;
			f->proto = true;
		} else if (strcmp(v, "all")) {
			return ip_invarg(ipc, "invalid \"protocol\"\n", v);
		}
	} else if (!strcmp(k, "ipproto")) {
		if (inet_proto_a2n(&r->ip_proto, v))
			return ip_invarg(ipc, "Invalid \"ipproto\" value\n", v);
	} else if (!strcmp(k, "sport") || !strcmp(k, "dport")) {
		unsigned short s, e;
		int got = sscanf(v, "%hu-%hu", &s, &e);

		if (got != 1 && got != 2)
			return ip_invarg(ipc, k[0] == 's' ? "invalid port range\n" :
					 "invalid dport range\n", v);
		if (got == 1)
			e = s;
		*(k[0] == 's' ? &r->sport_start : &r->dport_start) = s;
		*(k[0] == 's' ? &r->sport_end : &r->dport_end) = e;
	} else {
		return -1;
	}
	return 0;
}

static bool rule_prefix_in(__be32 want, u8 want_len, __be32 have, u8 have_len)
{
	__be32 mask = want_len ? htonl(~0U << (32 - want_len)) : 0;

	return want_len <= have_len && !((want ^ have) & mask);
}

/* filter_nlmsg() of iprule.c */
static bool rule_filter_match(const struct rule_filter *f, const struct fib_rule *r)
{
	const struct fib_rule *w = &f->r;

	if (f->pref && w->pref != r->pref)
		return false;
	if (f->not && !(r->flags & FIB_RULE_INVERT))
		return false;
	if (f->src && (r->family == AF_INET6 ||
		       !rule_prefix_in(w->src, w->src_len, r->src, r->src_len)))
		return false;
	if (f->dst && (r->family == AF_INET6 ||
		       !rule_prefix_in(w->dst, w->dst_len, r->dst, r->dst_len)))
		return false;
	if (f->tos && w->tos != r->tos)
		return false;
	if (w->mark && w->mark != r->mark)
		return false;
	if (w->mark_mask && w->mark_mask != (r->mark_set || r->mark ? r->mark_mask : 0))
		return false;
	if (f->iif && strcmp(w->iifname, r->iifname))
		return false;
	if (f->oif && strcmp(w->oifname, r->oifname))
		return false;
	if (f->l3mdev && !r->l3mdev)
		return false;
	if (f->uid && (!r->uid_set || r->uid_start != w->uid_start || r->uid_end != w->uid_end))
		return false;
	if (w->ip_proto && w->ip_proto != r->ip_proto)
		return false;
	if (w->sport_start && (w->sport_start != r->sport_start || w->sport_end != r->sport_end))
		return false;
	if (w->dport_start && (w->dport_start != r->dport_start || w->dport_end != r->dport_end))
		return false;
	if (f->table && w->table != r->table)
		return false;
	if (f->proto && w->proto != r->proto)
		return false;
	return true;
}

/* iprule_list_flush_or_save()'s words, in its order; a keyword without
 * its value is "Command line is not complete" */
static int rule_list(struct ip_ctx *ipc, int argc, char **argv)
{
	struct rule_filter f;
	struct fib_rule *r;
	int rc;

	memset(&f, 0, sizeof(f));
	for (; argc > 0; argc--, argv++) {
		const char *k = argv[0];

		if (!strcmp(k, "not")) {
			f.not = true;
			continue;
		}
		if (!strcmp(k, "l3mdev")) {
			f.l3mdev = true;
			continue;
		}
		if (argc == 1 && rule_filter_key(k))
			return ip_incomplete(ipc);
		rc = argc > 1 ? rule_filter_word(ipc, &f, k, argv[1]) : -1;
		if (rc > 0)
			return rc;
		if (rc == 0) {
			argc--;
			argv++;
			continue;
		}
		if (!matches(k, "dst") || !matches(k, "to")) {
			if (argc < 2)
				return ip_incomplete(ipc);
			argc--;
			argv++;
		}
		f.dst = true;
		if ((rc = rule_filter_prefix(ipc, argv[0], "to value is invalid\n", &f.r.dst,
					     &f.r.dst_len)))
			return rc;
	}
	if (ipc->json)
		jw_arr_open(&ipc->jw, NULL);
	list_for_each_entry(r, fib_rules_list(ipc->net, ipc->family), list)
		if (rule_filter_match(&f, r))
			rule_print(ipc, r);
	if (ipc->json) {
		jw_arr_close(&ipc->jw);
		fputc('\n', ipc->out);
	}
	return 0;
}

struct rule_args {
	struct fib_rule r;
	unsigned int given;
	bool table_ok;
};

/* from/to PREFIX: the family follows the address when -4/-6 did not say */
static int rule_prefix(struct ip_ctx *ipc, struct rule_args *a, const char *v, bool dst)
{
	struct fib_rule *r = &a->r;
	struct inet_prefix p;
	struct in6_addr a6;
	int plen = -1;

	if (strchr(v, ':') && r->family != AF_INET) {
		if (ip6_parse_prefix(&a6, &plen, v))
			return ip_bad_prefix(ipc, v);
		r->family = AF_INET6;
		*(dst ? &r->dst_len : &r->src_len) = (u8)(plen < 0 ? 128 : plen);
		*(dst ? &r->dst6 : &r->src6) = a6;
		return 0;
	}
	if (parse_prefix(&p, v))
		return ip_bad_prefix(ipc, v);
	if (p.is_default)
		return 0;
	u8 len = (u8)(p.bitlen < 0 ? 32 : p.bitlen);
	__be32 mask = len ? htonl(~0U << (32 - len)) : 0;

	if (dst) {
		r->dst_len = len, r->dstmask = mask, r->dst = p.addr & mask;
	} else {
		r->src_len = len, r->srcmask = mask, r->src = p.addr & mask;
	}
	return 0;
}

/* uidrange A-B; sport/dport N or N-M */
static int rule_range(const char *v, u32 *start, u32 *end)
{
	char buf[48], *dash;

	snprintf(buf, sizeof(buf), "%s", v);
	dash = strchr(buf, '-');
	if (dash)
		*dash++ = 0;
	if (get_u32(start, buf, 0))
		return -1;
	*end = *start;
	return dash && get_u32(end, dash, 0) ? -1 : 0;
}

static int rule_port_range(struct ip_ctx *ipc, const char *k, const char *v, u16 *start, u16 *end)
{
	u32 s, e;

	if (rule_range(v, &s, &e) || s > 0xFFFF || e > 0xFFFF || s > e || !s)
		return ip_invarg(ipc, "invalid port range\n", v);
	(void)k;
	*start = (u16)s;
	*end = (u16)e;
	return 0;
}

static int rule_word3(struct ip_ctx *ipc, struct rule_args *a, const char *k, const char *v)
{
	struct fib_rule *r = &a->r;

	if (!strcmp(k, "uidrange")) {
		if (rule_range(v, &r->uid_start, &r->uid_end))
			return ip_invarg(ipc, "invalid UID range\n", v);
		r->uid_set = true;
		a->given |= FIB_RULE_GIVEN_UID;
	} else if (!strcmp(k, "ipproto")) {
		if (inet_proto_a2n(&r->ip_proto, v))
			return ip_invarg(ipc, "Invalid \"ipproto\" value\n", v);
		a->given |= FIB_RULE_GIVEN_IPPROTO;
	} else if (!strcmp(k, "sport")) {
		a->given |= FIB_RULE_GIVEN_SPORT;
		return rule_port_range(ipc, k, v, &r->sport_start, &r->sport_end);
	} else if (!strcmp(k, "dport")) {
		a->given |= FIB_RULE_GIVEN_DPORT;
		return rule_port_range(ipc, k, v, &r->dport_start, &r->dport_end);
	} else {
		return -1;
	}
	return 0;
}

static int rule_fwmark(struct ip_ctx *ipc, struct rule_args *a, const char *v)
{
	char buf[64], *slash;

	snprintf(buf, sizeof(buf), "%s", v);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = 0;
	if (get_u32(&a->r.mark, buf, 0))
		return ip_invarg(ipc, "fwmark value is invalid\n", buf);
	a->r.mark_mask = 0xFFFFFFFFU;
	if (slash && get_u32(&a->r.mark_mask, slash, 0))
		return ip_invarg(ipc, "fwmask value is invalid\n", slash);
	a->r.mark_set = true;
	a->given |= FIB_RULE_GIVEN_MARK;
	return 0;
}

static int rule_word2(struct ip_ctx *ipc, struct rule_args *a, const char *k, const char *v)
{
	struct fib_rule *r = &a->r;
	u32 n;

	if (!strcmp(k, "preference") || !strcmp(k, "order") || !strcmp(k, "priority") ||
	    !strcmp(k, "pref") || !strcmp(k, "prio")) {
		if (get_u32(&r->pref, v, 0))
			return ip_invarg(ipc, "preference value is invalid\n", v);
		a->given |= FIB_RULE_GIVEN_PREF;
	} else if (!strcmp(k, "tos") || !strcmp(k, "dsfield")) {
		if (get_u8(&r->tos, v, 16))
			return ip_invarg(ipc, "TOS value is invalid\n", v);
		a->given |= FIB_RULE_GIVEN_TOS;
	} else if (!strcmp(k, "table") || !strcmp(k, "lookup")) {
		if (rt_table_parse(&r->table, v))
			return ip_invarg(ipc, "invalid table ID\n", v);
		a->given |= FIB_RULE_GIVEN_TABLE;
		a->table_ok = true;
	} else if (!strcmp(k, "suppress_prefixlength")) {
		if (get_u32(&n, v, 0) || n > 128)
			return ip_invarg(ipc, "suppress_prefixlength value is invalid\n", v);
		r->suppress_prefixlen = (int)n;
		a->given |= FIB_RULE_GIVEN_SUPPRESS;
	} else if (!strcmp(k, "dev") || !strcmp(k, "iif")) {
		snprintf(r->iifname, sizeof(r->iifname), "%s", v);
		a->given |= FIB_RULE_GIVEN_IIF;
	} else if (!strcmp(k, "oif")) {
		snprintf(r->oifname, sizeof(r->oifname), "%s", v);
		a->given |= FIB_RULE_GIVEN_OIF;
	} else if (!strcmp(k, "goto")) {
		if (get_u32(&r->target, v, 0))
			return ip_invarg(ipc, "invalid target\n", v);
		r->action = FR_ACT_GOTO;
		a->given |= FIB_RULE_GIVEN_GOTO | FIB_RULE_GIVEN_ACTION;
	} else {
		return rule_word3(ipc, a, k, v);
	}
	return 0;
}

static int rule_word(struct ip_ctx *ipc, struct rule_args *a, const char *k, const char *v)
{
	if (!strcmp(k, "from")) {
		a->given |= FIB_RULE_GIVEN_SRC;
		return rule_prefix(ipc, a, v, false);
	}
	if (!strcmp(k, "to")) {
		a->given |= FIB_RULE_GIVEN_DST;
		return rule_prefix(ipc, a, v, true);
	}
	if (!strcmp(k, "fwmark"))
		return rule_fwmark(ipc, a, v);
	return rule_word2(ipc, a, k, v);
}

/* iprule_modify()'s keywords in its order: the name a word stands for
 * (matches(): some may be cut short), NULL for a type word */
static const char *rule_keyword(const char *w)
{
	static const struct { const char *word, *key; bool abbrev; } keys[] = {
		{ "from", "from", false }, { "to", "to", false },
		{ "preference", "preference", true }, { "order", "preference", true },
		{ "priority", "preference", true }, { "tos", "tos", false },
		{ "dsfield", "tos", true }, { "fwmark", "fwmark", false },
		{ "realms", "realms", true }, { "protocol", "protocol", true },
		{ "tun_id", "tun_id", true }, { "table", "table", true },
		{ "lookup", "table", false }, { "suppress_prefixlength",
		"suppress_prefixlength", true }, { "sup_pl", "suppress_prefixlength", false },
		{ "suppress_ifgroup", "suppress_ifgroup", true },
		{ "sup_group", "suppress_ifgroup", false }, { "dev", "iif", false },
		{ "iif", "iif", false }, { "oif", "oif", false }, { "l3mdev", "l3mdev", false },
		{ "uidrange", "uidrange", false }, { "nat", "nat", false },
		{ "map-to", "nat", true }, { "ipproto", "ipproto", false },
		{ "sport", "sport", false }, { "dport", "dport", false },
	};

	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (keys[i].abbrev ? !matches(w, keys[i].word) : !strcmp(w, keys[i].word))
			return keys[i].key;
	return NULL;
}

/* the default branch: [type] goto N | nop | a route type (rtnl_rtntype_a2n:
 * any number up to 255 too) as the action; each counts as the table
 * given (none is sent: "unicast" alone gets an empty table) */
static int rule_type_word(struct ip_ctx *ipc, struct rule_args *a, int *argc, char ***argv)
{
	struct fib_rule *r = &a->r;
	unsigned int type;
	const char *w;

	if (!strcmp((*argv)[0], "type")) {
		if (*argc < 2)
			return ip_incomplete(ipc);
		(*argc)--;
		(*argv)++;
	}
	w = (*argv)[0];
	if (!matches(w, "help")) {
		fputs(iprule_usage_text, ipc->err);
		return 255;
	}
	if (!matches(w, "goto")) {
		if (*argc < 2)
			return ip_incomplete(ipc);
		(*argc)--;
		(*argv)++;
		if (get_u32(&r->target, (*argv)[0], 0))
			return ip_invarg(ipc, "invalid target\n", (*argv)[0]);
		r->action = FR_ACT_GOTO;
		a->given |= FIB_RULE_GIVEN_GOTO;
	} else if (!matches(w, "nop")) {
		r->action = FR_ACT_NOP;
	} else if (!rt_type_parse(&type, w)) {
		r->action = (u8)type;
	} else {
		return ip_invarg(ipc, "Failed to parse rule type", w);
	}
	a->given |= FIB_RULE_GIVEN_ACTION;
	a->table_ok = true;
	return 0;
}

static int rule_parse(struct ip_ctx *ipc, int argc, char **argv, struct rule_args *a)
{
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0], *k;
		int rc;

		if (!strcmp(w, "not")) {
			a->r.flags |= FIB_RULE_INVERT;
			a->given |= FIB_RULE_GIVEN_INVERT;
			continue;
		}
		if ((k = rule_keyword(w)) && !strcmp(k, "l3mdev"))
			continue;	/* no VRF: nothing to do */
		if (k) {
			if (argc < 2)
				return ip_incomplete(ipc);
			rc = rule_word(ipc, a, k, argv[1]);
			if (rc > 0)
				return rc;
			argc--;
			argv++;
			continue;
		}
		if ((rc = rule_type_word(ipc, a, &argc, &argv)))
			return rc;
	}
	return 0;
}

static int rule_modify(struct ip_ctx *ipc, int argc, char **argv, bool add)
{
	struct netlink_ext_ack ext = { NULL };
	const char *errmsg = NULL;
	struct rule_args a;
	int rc;

	memset(&a, 0, sizeof(a));
	fib_rule_init(&a.r);
	if (ipc->family == AF_INET6)
		a.r.family = AF_INET6;
	if (add) {
		if (argc == 0) {
			fprintf(ipc->err, "\"ip rule add\" requires arguments.\n");
			return 1;
		}
		a.r.action = FR_ACT_TO_TBL;
	}
	if ((rc = rule_parse(ipc, argc, argv, &a)))
		return rc;
	if (add && !a.table_ok)
		a.r.table = RT_TABLE_MAIN;
	if (add)
		rc = fib_nl_newrule(ipc->net, &a.r, a.given & FIB_RULE_GIVEN_PREF, &errmsg);
	else
		rc = fib_nl_delrule(ipc->net, &a.r, a.given, &errmsg);
	ext._msg = errmsg;
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

/* iproute2's flush_rule(): every rule but those of pref 0, one at a time */
static int rule_flush(struct ip_ctx *ipc)
{
	struct list_head *head = fib_rules_list(ipc->net, ipc->family);
	struct fib_rule *r, *n;

	list_for_each_entry_safe(r, n, head, list) {
		struct fib_rule t;

		if (r->pref == 0)
			continue;
		fib_rule_init(&t);
		t.family = r->family;
		t.pref = r->pref;
		fib_nl_delrule(ipc->net, &t, FIB_RULE_GIVEN_PREF, NULL);
	}
	return 0;
}

static const char iprule_usage_text[] =
	"Usage: ip rule { add | del } SELECTOR ACTION\n"
	"       ip rule { flush | save | restore }\n"
	"       ip rule [ list [ SELECTOR ]]\n"
	"SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]\n"
	"            [ fwmark FWMARK[/MASK] ]\n"
	"            [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]\n"
	"            [ uidrange NUMBER-NUMBER ]\n"
	"            [ ipproto PROTOCOL ]\n"
	"            [ sport [ NUMBER | NUMBER-NUMBER ]\n"
	"            [ dport [ NUMBER | NUMBER-NUMBER ] ]\n"
	"ACTION := [ table TABLE_ID ]\n"
	"          [ protocol PROTO ]\n"
	"          [ nat ADDRESS ]\n"
	"          [ realms [SRCREALM/]DSTREALM ]\n"
	"          [ goto NUMBER ]\n"
	"          SUPPRESSOR\n"
	"SUPPRESSOR := [ suppress_prefixlength NUMBER ]\n"
	"              [ suppress_ifgroup DEVGROUP ]\n"
	"TABLE_ID := [ local | main | default | NUMBER ]\n";

int do_iprule(struct ip_ctx *ipc, int argc, char **argv)
{
	if (argc < 1)
		return rule_list(ipc, 0, NULL);
	if (!matches(argv[0], "list") || !matches(argv[0], "show") ||
	    !matches(argv[0], "lst"))
		return rule_list(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "add"))
		return rule_modify(ipc, argc - 1, argv + 1, true);
	if (!matches(argv[0], "delete"))
		return rule_modify(ipc, argc - 1, argv + 1, false);
	if (!matches(argv[0], "flush"))
		return rule_flush(ipc);
	if (!matches(argv[0], "help")) {
		fputs(iprule_usage_text, ipc->err);
		return 255;
	}
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip rule help\".\n", argv[0]);
	return 255;
}

void ip_rule_print_one(struct ip_ctx *ipc, const struct fib_rule *r)
{
	rule_print(ipc, r);
}
