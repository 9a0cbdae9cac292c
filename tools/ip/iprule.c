/* `ip rule` (iproute2 ip/iprule.c): list the IPv4 policy rules
 * (net->ipv4.rules_ops, ordered by preference) and add/delete them through
 * fib_nl_newrule()/fib_nl_delrule() (net/core/fib_rules.c). */
#include <errno.h>
#include <sys/socket.h>
#include <string.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/ip_fib.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"

static const char *rule_action_name(u8 action)
{
	switch (action) {
	case FR_ACT_BLACKHOLE: return "blackhole";
	case FR_ACT_UNREACHABLE: return "unreachable";
	case FR_ACT_PROHIBIT: return "prohibit";
	default: return NULL;
	}
}

static void rule_fmt_prefix(char *buf, __be32 addr, u8 len)
{
	char a[20];

	if (len == 32)
		strcpy(buf, format_ipv4(a, addr));
	else
		sprintf(buf, "%s/%u", format_ipv4(a, addr), len);
}

static void rule_print_json(struct ip_ctx *ipc, const struct fib_rule *r)
{
	struct json_writer *jw = &ipc->jw;
	char b[40];

	jw_obj_open(jw, NULL);
	jw_uint(jw, "priority", r->pref);
	if (r->flags & FIB_RULE_INVERT)
		jw_null(jw, "not");
	jw_string(jw, "src", r->src_len ? format_ipv4(b, r->src) : "all");
	if (r->src_len && r->src_len != 32)
		jw_uint(jw, "srclen", r->src_len);
	if (r->dst_len) {
		jw_string(jw, "dst", format_ipv4(b, r->dst));
		if (r->dst_len != 32)
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
	if (r->action == FR_ACT_TO_TBL && r->table)
		jw_string(jw, "table", rt_table_name(b, r->table));
	if (r->suppress_prefixlen >= 0)
		jw_int(jw, "suppress_prefixlen", r->suppress_prefixlen);
	if (r->action == FR_ACT_GOTO)
		jw_uint(jw, "goto", r->target);
	else if (r->action == FR_ACT_NOP)
		jw_null(jw, "nop");
	else if (rule_action_name(r->action))
		jw_string(jw, "action", rule_action_name(r->action));
	jw_obj_close(jw);
}

static void rule_print(struct ip_ctx *ipc, const struct fib_rule *r)
{
	FILE *o = ipc->out;
	char b[40];

	if (ipc->json) {
		rule_print_json(ipc, r);
		return;
	}
	fprintf(o, "%u:\t", r->pref);
	if (r->flags & FIB_RULE_INVERT)
		fputs("not ", o);
	if (r->src_len)
		rule_fmt_prefix(b, r->src, r->src_len);
	fprintf(o, "from %s", r->src_len ? b : "all");
	if (r->dst_len) {
		rule_fmt_prefix(b, r->dst, r->dst_len);
		fprintf(o, " to %s", b);
	}
	if (r->tos)
		fprintf(o, " tos 0x%02x", r->tos);
	if (r->mark_set || r->mark) {
		fprintf(o, " fwmark 0x%x", r->mark);
		if (r->mark_mask != 0xFFFFFFFFU)
			fprintf(o, "/0x%x", r->mark_mask);
	}
	if (r->iifname[0])
		fprintf(o, " iif %s%s", r->iifname,
			(r->flags & FIB_RULE_IIF_DETACHED) ? " [detached]" : "");
	if (r->oifname[0])
		fprintf(o, " oif %s%s", r->oifname,
			(r->flags & FIB_RULE_OIF_DETACHED) ? " [detached]" : "");
	if (r->action == FR_ACT_TO_TBL && r->table)
		fprintf(o, " lookup %s", rt_table_name(b, r->table));
	if (r->suppress_prefixlen >= 0)
		fprintf(o, " suppress_prefixlength %d", r->suppress_prefixlen);
	if (r->action == FR_ACT_GOTO)
		fprintf(o, " goto %u%s", r->target, r->ctarget ? "" : " [unresolved]");
	else if (r->action == FR_ACT_NOP)
		fputs(" nop", o);
	else if (rule_action_name(r->action))
		fprintf(o, " %s", rule_action_name(r->action));
	fputc('\n', o);
}

static int rule_list(struct ip_ctx *ipc, int argc, char **argv)
{
	struct fib_rule *r;
	u32 table = 0;
	bool by_table = false;

	for (; argc > 0; argc--, argv++) {
		if ((!strcmp(argv[0], "table") || !strcmp(argv[0], "lookup")) && argc > 1) {
			if (rt_table_parse(&table, argv[1]))
				return ip_invarg(ipc, "table id value is invalid\n", argv[1]);
			by_table = true;
			argc--;
			argv++;
		}
	}
	if (ipc->json)
		jw_arr_open(&ipc->jw, NULL);
	list_for_each_entry(r, &ipc->net->ipv4.rules_ops, list)
		if (!by_table || (r->action == FR_ACT_TO_TBL && r->table == table))
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

static int rule_prefix(struct ip_ctx *ipc, const char *v, __be32 *addr, __be32 *mask, u8 *len)
{
	struct inet_prefix p;

	if (parse_prefix(&p, v))
		return ip_bad_prefix(ipc, v);
	if (p.is_default)
		return 0;
	*len = (u8)(p.bitlen < 0 ? 32 : p.bitlen);
	*mask = *len ? htonl(~0U << (32 - *len)) : 0;
	*addr = p.addr & *mask;
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
		return -1;
	}
	return 0;
}

static int rule_word(struct ip_ctx *ipc, struct rule_args *a, const char *k, const char *v)
{
	struct fib_rule *r = &a->r;

	if (!strcmp(k, "from")) {
		a->given |= FIB_RULE_GIVEN_SRC;
		return rule_prefix(ipc, v, &r->src, &r->srcmask, &r->src_len);
	}
	if (!strcmp(k, "to")) {
		a->given |= FIB_RULE_GIVEN_DST;
		return rule_prefix(ipc, v, &r->dst, &r->dstmask, &r->dst_len);
	}
	if (!strcmp(k, "fwmark"))
		return rule_fwmark(ipc, a, v);
	return rule_word2(ipc, a, k, v);
}

static bool rule_needs_value(const char *k)
{
	static const char *const keys[] = { "from", "to", "fwmark", "preference", "order",
		"priority", "pref", "prio", "tos", "dsfield", "table", "lookup",
		"suppress_prefixlength", "dev", "iif", "oif", "goto", "realms", "protocol",
		"uidrange", "ipproto", "sport", "dport", "nat", "map-to", "l3mdev" };

	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strcmp(k, keys[i]))
			return true;
	return false;
}

static int rule_type_word(struct ip_ctx *ipc, struct rule_args *a, const char *w)
{
	if (!strcmp(w, "not")) {
		a->r.flags |= FIB_RULE_INVERT;
		a->given |= FIB_RULE_GIVEN_INVERT;
	} else if (!strcmp(w, "nop")) {
		a->r.action = FR_ACT_NOP;
		a->given |= FIB_RULE_GIVEN_ACTION;
	} else if (!strcmp(w, "blackhole") || !strcmp(w, "unreachable") ||
		   !strcmp(w, "prohibit")) {
		a->r.action = !strcmp(w, "blackhole") ? FR_ACT_BLACKHOLE :
			      !strcmp(w, "unreachable") ? FR_ACT_UNREACHABLE : FR_ACT_PROHIBIT;
		a->given |= FIB_RULE_GIVEN_ACTION;
	} else if (strcmp(w, "unicast")) {
		return ip_invarg(ipc, "Failed to parse rule type", w);
	}
	return 0;
}

static int rule_parse(struct ip_ctx *ipc, int argc, char **argv, struct rule_args *a)
{
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];
		int rc;

		if (rule_needs_value(w)) {
			if (argc < 2)
				return ip_incomplete(ipc);
			rc = rule_word(ipc, a, w, argv[1]);
			if (rc > 0)
				return rc;
			argc--;
			argv++;
			continue;
		}
		if (!strcmp(w, "type")) {
			if (argc < 2)
				return ip_incomplete(ipc);
			argc--;
			argv++;
			w = argv[0];
		}
		if ((rc = rule_type_word(ipc, a, w)))
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
	if (add) {
		if (argc == 0) {
			fprintf(ipc->err, "\"ip rule add\" requires arguments.\n");
			return 1;
		}
		a.r.action = FR_ACT_TO_TBL;
	}
	if ((rc = rule_parse(ipc, argc, argv, &a)))
		return rc;
	if (add && !a.table_ok && a.r.action == FR_ACT_TO_TBL)
		a.r.table = RT_TABLE_MAIN;
	if (add)
		rc = fib_nl_newrule(ipc->net, &a.r, a.given & FIB_RULE_GIVEN_PREF, &errmsg);
	else
		rc = fib_nl_delrule(ipc->net, &a.r, a.given, &errmsg);
	ext._msg = errmsg;
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

static int rule_flush(struct ip_ctx *ipc)
{
	struct fib_rule *r, *n;

	list_for_each_entry_safe(r, n, &ipc->net->ipv4.rules_ops, list) {
		struct fib_rule t;
		const char *errmsg = NULL;

		if (r->pref == 0 || r->pref == 32766 || r->pref == 32767)
			continue;
		fib_rule_init(&t);
		t.pref = r->pref;
		fib_nl_delrule(ipc->net, &t, FIB_RULE_GIVEN_PREF, &errmsg);
		break;
	}
	return 0;
}

int do_iprule(struct ip_ctx *ipc, int argc, char **argv)
{
	if (ipc->family == AF_INET6 && (argc < 1 || !matches(argv[0], "list") ||
					!matches(argv[0], "show")))
		return iprule6_list(ipc);
	if (ipc->family == AF_INET6) {	/* docs/IPV6.md */
		fprintf(ipc->err, "skbox: ip -6 rule %s: not available in skbox yet\n", argv[0]);
		return 2;
	}
	if (argc < 1)
		return rule_list(ipc, 0, NULL);
	if (!matches(argv[0], "list") || !matches(argv[0], "show") ||
	    !matches(argv[0], "lst"))
		return rule_list(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "add"))
		return rule_modify(ipc, argc - 1, argv + 1, true);
	if (!matches(argv[0], "delete"))
		return rule_modify(ipc, argc - 1, argv + 1, false);
	if (!matches(argv[0], "flush")) {
		/* one rule per pass: deleting changes the list under us */
		for (int i = 0; i < 100000; i++) {
			struct fib_rule *r;
			bool any = false;

			list_for_each_entry(r, &ipc->net->ipv4.rules_ops, list)
				if (r->pref != 0 && r->pref != 32766 && r->pref != 32767)
					any = true;
			if (!any)
				break;
			rule_flush(ipc);
		}
		return 0;
	}
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip rule help\".\n", argv[0]);
	return 255;
}
