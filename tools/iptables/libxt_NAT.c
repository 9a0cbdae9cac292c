/* The tool side of the NAT targets (iptables' extensions/libxt_NAT.c,
 * libxt_MASQUERADE.c, libxt_REDIRECT.c): DNAT and SNAT
 * (`--to-destination/--to-source [ADDR[-ADDR]][:PORT[-PORT]]`, `--random`,
 * `--random-fully` (SNAT only), `--persistent`), MASQUERADE (`--to-ports`,
 * `--random`, `--random-fully`) and REDIRECT (`--to-ports`, `--random`).
 * All four fill a struct nf_nat_range2, the kernel targets' info
 * (net/netfilter/xt_nat.c, xt_MASQUERADE.c, xt_REDIRECT.c).  Messages, -L
 * and -S text as iptables 1.8.9 (nf_tables) prints them. */
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "xtables.h"
#include "net/netfilter/nf_conntrack.h"

/* "seen" bits in p->flags (the rule's target owns them) */
#define NAT_SEEN_TO	(1u << 16)

enum { O_TO, O_RANDOM, O_RANDOM_FULLY, O_PERSISTENT };

static const struct xt_option dnat_opts[] = {
	{ "to-destination", O_TO, true }, { "random", O_RANDOM, false },
	{ "persistent", O_PERSISTENT, false }, { NULL, 0, false },
};

static const struct xt_option snat_opts[] = {
	{ "to-source", O_TO, true }, { "random", O_RANDOM, false },
	{ "random-fully", O_RANDOM_FULLY, false }, { "persistent", O_PERSISTENT, false },
	{ NULL, 0, false },
};

static const struct xt_option masq_opts[] = {
	{ "to-ports", O_TO, true }, { "random", O_RANDOM, false },
	{ "random-fully", O_RANDOM_FULLY, false }, { NULL, 0, false },
};

static const struct xt_option redir_opts[] = {
	{ "to-ports", O_TO, true }, { "random", O_RANDOM, false }, { NULL, 0, false },
};

/* Ports make sense only for these (libxt_NAT's check at parse time). */
static bool nat_proto_has_ports(const struct xt_parse *p)
{
	u16 proto = p->ip ? p->ip->proto : 0;

	if (p->ip && (p->ip->invflags & IPT_INV_PROTO))
		return false;
	return proto == 6 || proto == 17 || proto == 132 || proto == 33 || proto == 1;
}

static const char *nat_proto_name(const struct xt_parse *p)
{
	return p->ip && p->ip->proto == 17 ? "udp" : "tcp";
}

/* "PORT[-PORT]" into the range; 0 or -1 after the error. */
static int nat_parse_ports(struct xt_parse *p, const char *arg, struct nf_nat_range2 *r)
{
	char buf[64], *dash, *slash;
	int lo, hi;

	snprintf(buf, sizeof(buf), "%s", arg);
	if (strchr(buf, ':'))
		return xt_param_error(p, "Invalid port:port syntax - use dash");
	slash = strchr(buf, '/');
	if (slash)
		return xt_param_error(p, "Garbage after port value: `%s'", arg + (slash - buf));
	dash = strchr(buf, '-');
	if (dash)
		*dash = '\0';
	lo = xtables_parse_port(buf, nat_proto_name(p));
	if (lo < 0)
		return xt_param_error(p, "Port `%s' not valid", buf);
	hi = lo;
	if (dash) {
		hi = xtables_parse_port(dash + 1, nat_proto_name(p));
		if (hi < 0)
			return xt_param_error(p, "Port `%s' not valid", dash + 1);
		if (hi < lo)
			return xt_param_error(p, "Port range `%s' funky", dash + 1);
	}
	r->flags |= NF_NAT_RANGE_PROTO_SPECIFIED;
	r->min_proto.all = htons((u16)lo);
	r->max_proto.all = htons((u16)hi);
	return 0;
}

/* "[ADDR[-ADDR]][:PORT[-PORT]]" */
static int nat_parse_to(struct xt_parse *p, const char *arg, struct nf_nat_range2 *r)
{
	char buf[128], *colon, *dash;

	snprintf(buf, sizeof(buf), "%s", arg);
	colon = strchr(buf, ':');
	if (colon && strchr(colon + 1, ':'))
		return xt_param_error(p, "Bad IP address \"%s\"", arg);
	if (colon) {
		*colon = '\0';
		if (!nat_proto_has_ports(p))
			return xt_param_error(p, "Need TCP, UDP, SCTP or DCCP with port specification");
		if (nat_parse_ports(p, colon + 1, r))
			return -1;
	}
	if (!buf[0])
		return 0;
	dash = strchr(buf, '-');
	if (dash)
		*dash = '\0';
	if (!xtables_parse_ipaddr(buf, &r->min_addr))
		return xt_param_error(p, "Bad IP address \"%s\"", dash ? buf : arg);
	r->max_addr = r->min_addr;
	if (dash && !xtables_parse_ipaddr(dash + 1, &r->max_addr))
		return xt_param_error(p, "Bad IP address \"%s\"", dash + 1);
	r->flags |= NF_NAT_RANGE_MAP_IPS;
	return 0;
}

static int nat_parse_common(struct xt_parse *p, const char *tg, const char *toname, int id,
			    bool inv, struct nf_nat_range2 *r)
{
	static const char *const names[] = { NULL, "random", "random-fully", "persistent" };

	if (inv)
		return xt_param_error(p, "%s: option \"--%s\" cannot be inverted.\n", tg,
				      id == O_TO ? toname : names[id]);
	switch (id) {
	case O_TO:
		if (p->flags & NAT_SEEN_TO)
			return xt_param_error(p, "%s: option \"--%s\" can only be used once.\n",
					      tg, toname);
		p->flags |= NAT_SEEN_TO;
		return 0;
	case O_RANDOM:
		r->flags |= NF_NAT_RANGE_PROTO_RANDOM;
		return 0;
	case O_RANDOM_FULLY:
		r->flags |= NF_NAT_RANGE_PROTO_RANDOM_FULLY;
		return 0;
	case O_PERSISTENT:
		r->flags |= NF_NAT_RANGE_PERSISTENT;
		return 0;
	}
	return 0;
}

static int dnat_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	if (nat_parse_common(p, "DNAT", "to-destination", id, inv, data))
		return -1;
	return id == O_TO ? nat_parse_to(p, arg, data) : 0;
}

static int snat_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	if (nat_parse_common(p, "SNAT", "to-source", id, inv, data))
		return -1;
	return id == O_TO ? nat_parse_to(p, arg, data) : 0;
}

static int ports_parse(struct xt_parse *p, const char *tg, int id, const char *arg, bool inv,
		       void *data)
{
	if (nat_parse_common(p, tg, "to-ports", id, inv, data))
		return -1;
	if (id != O_TO)
		return 0;
	if (!nat_proto_has_ports(p))
		return xt_param_error(p, "Need TCP, UDP, SCTP or DCCP with port specification");
	return nat_parse_ports(p, arg, data);
}

static int masq_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	return ports_parse(p, "MASQUERADE", id, arg, inv, data);
}

static int redir_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	return ports_parse(p, "REDIRECT", id, arg, inv, data);
}

static int dnat_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!(p->flags & NAT_SEEN_TO))
		return xt_param_error(p, "DNAT: option \"--to-destination\" must be specified\n");
	return 0;
}

static int snat_final(struct xt_parse *p, void *data)
{
	(void)data;
	if (!(p->flags & NAT_SEEN_TO))
		return xt_param_error(p, "SNAT: option \"--to-source\" must be specified\n");
	return 0;
}

static void nat_print_ports(FILE *out, const struct nf_nat_range2 *r)
{
	fprintf(out, "%u", ntohs(r->min_proto.all));
	if (r->max_proto.all != r->min_proto.all)
		fprintf(out, "-%u", ntohs(r->max_proto.all));
}

static void nat_print_range(FILE *out, const struct nf_nat_range2 *r)
{
	char a[16], b[16];

	if (r->flags & NF_NAT_RANGE_MAP_IPS) {
		fputs(xtables_ipaddr_to_buf(r->min_addr, a), out);
		if (r->max_addr != r->min_addr)
			fprintf(out, "-%s", xtables_ipaddr_to_buf(r->max_addr, b));
	}
	if (r->flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
		fputc(':', out);
		nat_print_ports(out, r);
	}
}

static void nat_print_flags(FILE *out, const struct nf_nat_range2 *r, bool save)
{
	const char *pre = save ? " --" : " ";

	if (r->flags & NF_NAT_RANGE_PROTO_RANDOM)
		fprintf(out, "%srandom", pre);
	if (r->flags & NF_NAT_RANGE_PROTO_RANDOM_FULLY)
		fprintf(out, "%srandom-fully", pre);
	if (r->flags & NF_NAT_RANGE_PERSISTENT)
		fprintf(out, "%spersistent", pre);
}

static void nat_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fputs(" to:", out);
	nat_print_range(out, data);
	nat_print_flags(out, data, false);
}

static void dnat_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	fputs(" --to-destination ", out);
	nat_print_range(out, data);
	nat_print_flags(out, data, true);
}

static void snat_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	fputs(" --to-source ", out);
	nat_print_range(out, data);
	nat_print_flags(out, data, true);
}

static void masq_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct nf_nat_range2 *r = data;

	(void)ip;
	(void)numeric;
	if (r->flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
		fputs(" masq ports: ", out);
		nat_print_ports(out, r);
	}
	nat_print_flags(out, r, false);
}

static void ports_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	const struct nf_nat_range2 *r = data;

	(void)ip;
	if (r->flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
		fputs(" --to-ports ", out);
		nat_print_ports(out, r);
	}
	nat_print_flags(out, r, true);
}

static void redir_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	const struct nf_nat_range2 *r = data;

	(void)ip;
	(void)numeric;
	if (r->flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
		fputs(" redir ports ", out);
		nat_print_ports(out, r);
	}
	nat_print_flags(out, r, false);
}

const struct xtables_target libxt_DNAT = {
	.name = "DNAT", .revision = 2, .family = NFPROTO_IPV4,
	.size = sizeof(struct nf_nat_range2), .opts = dnat_opts, .parse = dnat_parse,
	.final_check = dnat_final, .print = nat_print, .save = dnat_save,
};

const struct xtables_target libxt_SNAT = {
	.name = "SNAT", .revision = 2, .family = NFPROTO_IPV4,
	.size = sizeof(struct nf_nat_range2), .opts = snat_opts, .parse = snat_parse,
	.final_check = snat_final, .print = nat_print, .save = snat_save,
};

const struct xtables_target libxt_MASQUERADE = {
	.name = "MASQUERADE", .family = NFPROTO_IPV4, .size = sizeof(struct nf_nat_range2),
	.opts = masq_opts, .parse = masq_parse, .print = masq_print, .save = ports_save,
};

const struct xtables_target libxt_REDIRECT = {
	.name = "REDIRECT", .family = NFPROTO_IPV4, .size = sizeof(struct nf_nat_range2),
	.opts = redir_opts, .parse = redir_parse, .print = redir_print, .save = ports_save,
};
