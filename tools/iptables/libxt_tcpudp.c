/* The tool side of -p tcp / udp / icmp (iptables' libxt_tcp.c,
 * libxt_udp.c, libipt_icmp.c): --sport/--dport with ranges, --tcp-flags,
 * --syn, --tcp-option, --icmp-type; how -L, -S and iptables-save show
 * them. */
#include <string.h>
#include <strings.h>
#include "xtables.h"
#include "uapi/linux/netfilter/xt_tcpudp.h"

enum { O_SPORT, O_DPORT, O_FLAGS, O_SYN, O_OPTION, O_ICMP };

static const struct xt_option tcp_opts[] = {
	{ "source-port", O_SPORT, true }, { "sport", O_SPORT, true },
	{ "destination-port", O_DPORT, true }, { "dport", O_DPORT, true },
	{ "tcp-flags", O_FLAGS, true }, { "syn", O_SYN, false },
	{ "tcp-option", O_OPTION, true }, { NULL, 0, false },
};

static const struct xt_option udp_opts[] = {
	{ "source-port", O_SPORT, true }, { "sport", O_SPORT, true },
	{ "destination-port", O_DPORT, true }, { "dport", O_DPORT, true },
	{ NULL, 0, false },
};

static const struct xt_option icmp_opts[] = {
	{ "icmp-type", O_ICMP, true }, { NULL, 0, false },
};

static int parse_ports(struct xt_parse *p, const char *arg, const char *proto, u16 *pts)
{
	char buf[64];
	char *colon;
	int lo, hi;

	snprintf(buf, sizeof(buf), "%s", arg);
	colon = strchr(buf, ':');
	if (!colon) {
		lo = xtables_parse_port(buf, proto);
		hi = lo;
	} else {
		*colon = '\0';
		lo = buf[0] ? xtables_parse_port(buf, proto) : 0;
		hi = colon[1] ? xtables_parse_port(colon + 1, proto) : 65535;
	}
	if (lo < 0 || hi < 0) {
		const char *bad = lo < 0 ? buf : colon + 1;

		return xt_param_error(p, "invalid port/service `%s' specified", bad);
	}
	pts[0] = (u16)(lo <= hi ? lo : hi);
	pts[1] = (u16)(lo <= hi ? hi : lo);
	return 0;
}

static const struct { const char *name; u8 flag; } tcp_flag_names[] = {
	{ "FIN", 0x01 }, { "SYN", 0x02 }, { "RST", 0x04 }, { "PSH", 0x08 },
	{ "ACK", 0x10 }, { "URG", 0x20 }, { "ALL", 0x3F }, { "NONE", 0 },
};

static int parse_tcp_flag_list(struct xt_parse *p, const char *s, size_t len, u8 *out)
{
	*out = 0;
	while (len > 0) {
		size_t n = strcspn(s, ",");
		size_t i;

		if (n > len)
			n = len;
		for (i = 0; i < sizeof(tcp_flag_names) / sizeof(tcp_flag_names[0]); i++)
			if (strlen(tcp_flag_names[i].name) == n &&
			    !strncasecmp(tcp_flag_names[i].name, s, n))
				break;
		if (i == sizeof(tcp_flag_names) / sizeof(tcp_flag_names[0]))
			return xt_param_error(p, "Unknown TCP flag `%.*s'", (int)n, s);
		*out |= tcp_flag_names[i].flag;
		s += n;
		len -= n;
		if (len) {
			s++;
			len--;
		}
	}
	return 0;
}

static int tcp_parse(struct xt_parse *p, int id, const char *arg, bool invert, void *data)
{
	struct xt_tcp *t = data;
	const char *sp;
	unsigned int v;

	switch (id) {
	case O_SPORT:
		t->invflags |= invert ? XT_TCP_INV_SRCPT : 0;
		return parse_ports(p, arg, "tcp", t->spts);
	case O_DPORT:
		t->invflags |= invert ? XT_TCP_INV_DSTPT : 0;
		return parse_ports(p, arg, "tcp", t->dpts);
	case O_SYN:
		t->flg_mask = 0x17;
		t->flg_cmp = 0x02;
		t->invflags |= invert ? XT_TCP_INV_FLAGS : 0;
		return 0;
	case O_FLAGS:
		sp = strchr(arg, ' ');
		t->invflags |= invert ? XT_TCP_INV_FLAGS : 0;
		if (parse_tcp_flag_list(p, arg, (size_t)(sp - arg), &t->flg_mask))
			return -1;
		return parse_tcp_flag_list(p, sp + 1, strlen(sp + 1), &t->flg_cmp);
	case O_OPTION:
		if (!xtables_strtoui(arg, &v, 1, 255))
			return xt_param_error(p, "Bad TCP option \"%s\"", arg);
		t->option = (u8)v;
		t->invflags |= invert ? XT_TCP_INV_OPTION : 0;
		return 0;
	}
	return -1;
}

static int udp_parse(struct xt_parse *p, int id, const char *arg, bool invert, void *data)
{
	struct xt_udp *u = data;

	if (id == O_SPORT) {
		u->invflags |= invert ? XT_UDP_INV_SRCPT : 0;
		return parse_ports(p, arg, "udp", u->spts);
	}
	u->invflags |= invert ? XT_UDP_INV_DSTPT : 0;
	return parse_ports(p, arg, "udp", u->dpts);
}

static void ports_init(u16 *spts, u16 *dpts)
{
	spts[1] = 0xFFFF;
	dpts[1] = 0xFFFF;
}

static void tcp_init(void *data)
{
	struct xt_tcp *t = data;

	ports_init(t->spts, t->dpts);
}

static void udp_init(void *data)
{
	struct xt_udp *u = data;

	ports_init(u->spts, u->dpts);
}

static void print_ports(FILE *out, const char *name, const u16 *pts, bool invert,
			const char *proto, bool numeric)
{
	if (pts[0] == 0 && pts[1] == 0xFFFF && !invert)
		return;
	if (pts[0] == pts[1]) {
		fprintf(out, " %s:%s", name, invert ? "!" : "");
		xtables_print_port(out, pts[0], proto, numeric);
		return;
	}
	fprintf(out, " %ss:%s", name, invert ? "!" : "");
	xtables_print_port(out, pts[0], proto, numeric);
	fputc(':', out);
	xtables_print_port(out, pts[1], proto, numeric);
}

static void print_tcpf(FILE *out, u8 flags)
{
	bool have = false;

	while (flags) {
		size_t i = 0;

		while (!(flags & tcp_flag_names[i].flag))
			i++;
		fprintf(out, "%s%s", have ? "," : "", tcp_flag_names[i].name);
		have = true;
		flags &= (u8)~tcp_flag_names[i].flag;
	}
	if (!have)
		fputs("NONE", out);
}

static void tcp_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_tcp *t = data;

	(void)ip;
	fputs(" tcp", out);
	print_ports(out, "spt", t->spts, t->invflags & XT_TCP_INV_SRCPT, "tcp", numeric);
	print_ports(out, "dpt", t->dpts, t->invflags & XT_TCP_INV_DSTPT, "tcp", numeric);
	if (t->option || (t->invflags & XT_TCP_INV_OPTION))
		fprintf(out, " option=%s%u", (t->invflags & XT_TCP_INV_OPTION) ? "!" : "", t->option);
	if (t->flg_mask || (t->invflags & XT_TCP_INV_FLAGS)) {
		fprintf(out, " flags:%s", (t->invflags & XT_TCP_INV_FLAGS) ? "!" : "");
		if (numeric) {
			fprintf(out, "0x%02X/0x%02X", t->flg_mask, t->flg_cmp);
		} else {
			print_tcpf(out, t->flg_mask);
			fputc('/', out);
			print_tcpf(out, t->flg_cmp);
		}
	}
}

static void save_ports(FILE *out, const char *opt, const u16 *pts, bool invert)
{
	if (pts[0] == 0 && pts[1] == 0xFFFF)
		return;
	fprintf(out, "%s --%s ", invert ? " !" : "", opt);
	if (pts[0] != pts[1])
		fprintf(out, "%u:%u", pts[0], pts[1]);
	else
		fprintf(out, "%u", pts[0]);
}

static void tcp_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_tcp *t = data;

	(void)ip;
	save_ports(out, "sport", t->spts, t->invflags & XT_TCP_INV_SRCPT);
	save_ports(out, "dport", t->dpts, t->invflags & XT_TCP_INV_DSTPT);
	if (t->option || (t->invflags & XT_TCP_INV_OPTION))
		fprintf(out, "%s --tcp-option %u", (t->invflags & XT_TCP_INV_OPTION) ? " !" : "",
			t->option);
	if (t->flg_mask || (t->invflags & XT_TCP_INV_FLAGS)) {
		fprintf(out, "%s --tcp-flags ", (t->invflags & XT_TCP_INV_FLAGS) ? " !" : "");
		print_tcpf(out, t->flg_mask);
		fputc(' ', out);
		print_tcpf(out, t->flg_cmp);
	}
}

static void udp_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct xt_udp *u = data;

	(void)ip;
	fputs(" udp", out);
	print_ports(out, "spt", u->spts, u->invflags & XT_UDP_INV_SRCPT, "udp", numeric);
	print_ports(out, "dpt", u->dpts, u->invflags & XT_UDP_INV_DSTPT, "udp", numeric);
}

static void udp_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct xt_udp *u = data;

	(void)ip;
	save_ports(out, "sport", u->spts, u->invflags & XT_UDP_INV_SRCPT);
	save_ports(out, "dport", u->dpts, u->invflags & XT_UDP_INV_DSTPT);
}

struct icmp_name {
	const char *name;
	u8 type, code_min, code_max;
	bool alias;			/* accepted, never printed */
};

static const struct icmp_name icmp_codes[] = {
	{ "any", 0xFF, 0, 0xFF, false },
	{ "echo-reply", 0, 0, 0xFF, false },
	{ "destination-unreachable", 3, 0, 0xFF, false },
	{ "network-unreachable", 3, 0, 0, false },
	{ "host-unreachable", 3, 1, 1, false },
	{ "protocol-unreachable", 3, 2, 2, false },
	{ "port-unreachable", 3, 3, 3, false },
	{ "fragmentation-needed", 3, 4, 4, false },
	{ "source-route-failed", 3, 5, 5, false },
	{ "network-unknown", 3, 6, 6, false },
	{ "host-unknown", 3, 7, 7, false },
	{ "network-prohibited", 3, 9, 9, false },
	{ "host-prohibited", 3, 10, 10, false },
	{ "TOS-network-unreachable", 3, 11, 11, false },
	{ "TOS-host-unreachable", 3, 12, 12, false },
	{ "communication-prohibited", 3, 13, 13, false },
	{ "host-precedence-violation", 3, 14, 14, false },
	{ "precedence-cutoff", 3, 15, 15, false },
	{ "source-quench", 4, 0, 0xFF, false },
	{ "redirect", 5, 0, 0xFF, false },
	{ "network-redirect", 5, 0, 0, false },
	{ "host-redirect", 5, 1, 1, false },
	{ "TOS-network-redirect", 5, 2, 2, false },
	{ "TOS-host-redirect", 5, 3, 3, false },
	{ "echo-request", 8, 0, 0xFF, false },
	{ "router-advertisement", 9, 0, 0xFF, false },
	{ "router-solicitation", 10, 0, 0xFF, false },
	{ "time-exceeded", 11, 0, 0xFF, false },
	{ "ttl-zero-during-transit", 11, 0, 0, false },
	{ "ttl-zero-during-reassembly", 11, 1, 1, false },
	{ "parameter-problem", 12, 0, 0xFF, false },
	{ "ip-header-bad", 12, 0, 0, false },
	{ "required-option-missing", 12, 1, 1, false },
	{ "timestamp-request", 13, 0, 0xFF, false },
	{ "timestamp-reply", 14, 0, 0xFF, false },
	{ "address-mask-request", 17, 0, 0xFF, false },
	{ "address-mask-reply", 18, 0, 0xFF, false },
	{ "pong", 0, 0, 0xFF, true },
	{ "ping", 8, 0, 0xFF, true },
	{ "ttl-exceeded", 11, 0, 0xFF, true },
};

#define NICMP (sizeof(icmp_codes) / sizeof(icmp_codes[0]))

static int icmp_parse(struct xt_parse *p, int id, const char *arg, bool invert, void *data)
{
	struct ipt_icmp *ic = data;
	char buf[32], *slash;
	unsigned int t, c;

	(void)id;
	ic->invflags |= invert ? IPT_ICMP_INV : 0;
	for (size_t i = 0; i < NICMP; i++)
		if (!strcasecmp(icmp_codes[i].name, arg)) {
			ic->type = icmp_codes[i].type;
			ic->code[0] = icmp_codes[i].code_min;
			ic->code[1] = icmp_codes[i].code_max;
			return 0;
		}
	snprintf(buf, sizeof(buf), "%s", arg);
	slash = strchr(buf, '/');
	if (slash)
		*slash = '\0';
	if (!xtables_strtoui(buf, &t, 0, 255) || (slash && !xtables_strtoui(slash + 1, &c, 0, 255)))
		return xt_param_error(p, "Unknown ICMP type `%s'", arg);
	ic->type = (u8)t;
	ic->code[0] = slash ? (u8)c : 0;
	ic->code[1] = slash ? (u8)c : 0xFF;
	return 0;
}

static void icmp_init(void *data)
{
	struct ipt_icmp *ic = data;

	ic->type = 0xFF;
	ic->code[1] = 0xFF;
}

static void icmp_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct ipt_icmp *ic = data;
	bool inv = ic->invflags & IPT_ICMP_INV;

	(void)ip;
	fputs(" icmp", out);
	for (size_t i = 0; !numeric && i < NICMP; i++)
		if (!icmp_codes[i].alias && icmp_codes[i].type == ic->type &&
		    icmp_codes[i].code_min == ic->code[0] && icmp_codes[i].code_max == ic->code[1]) {
			fprintf(out, " %s%s", inv ? "!" : "", icmp_codes[i].name);
			return;
		}
	if (inv)
		fputs(" !", out);
	fprintf(out, "type %u", ic->type);
	if (ic->code[0] == ic->code[1])
		fprintf(out, " code %u", ic->code[0]);
	else if (ic->code[0] != 0 || ic->code[1] != 0xFF)
		fprintf(out, " codes %u-%u", ic->code[0], ic->code[1]);
}

static void icmp_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct ipt_icmp *ic = data;

	(void)ip;
	if (ic->invflags & IPT_ICMP_INV)
		fputs(" !", out);
	if (ic->type == 0xFF) {
		fputs(" --icmp-type any", out);
		return;
	}
	fprintf(out, " --icmp-type %u", ic->type);
	if (ic->code[0] != 0 || ic->code[1] != 0xFF)
		fprintf(out, "/%u", ic->code[0]);
}

const struct xtables_match libxt_tcp = {
	.name = "tcp", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_tcp),
	.init = tcp_init, .opts = tcp_opts, .parse = tcp_parse, .print = tcp_print,
	.save = tcp_save, .two_args_opt = "tcp-flags",
};

const struct xtables_match libxt_udp = {
	.name = "udp", .family = NFPROTO_UNSPEC, .size = sizeof(struct xt_udp),
	.init = udp_init, .opts = udp_opts, .parse = udp_parse, .print = udp_print,
	.save = udp_save,
};

const struct xtables_match libipt_icmp = {
	.name = "icmp", .family = NFPROTO_IPV4, .size = sizeof(struct ipt_icmp),
	.init = icmp_init, .opts = icmp_opts, .parse = icmp_parse, .print = icmp_print,
	.save = icmp_save,
};
