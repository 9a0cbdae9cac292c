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
#include <netdb.h>
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

/* A number 0..65535 at the start of s; *end after it.  False if none. */
static bool nat_strtoport(const char *s, const char **end, unsigned int min, unsigned int *v)
{
	char *e;
	unsigned long n;

	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return false;
	n = strtoul(s, &e, 0);
	if (e == s || n < min || n > 65535)
		return false;
	*v = (unsigned int)n;
	*end = e;
	return true;
}

/* A service name (any protocol, as xtables_service_to_port(arg, NULL)). */
static int nat_service(const char *name)
{
	struct servent *se = getservbyname(name, NULL);

	return se ? ntohs((u16)se->s_port) : -1;
}

/* "/BASE" after a range: the shifted port map (NF_NAT_RANGE_PROTO_OFFSET). */
static int nat_parse_base(struct xt_parse *p, const char *arg, struct nf_nat_range2 *r)
{
	const char *end;
	unsigned int base;
	int svc;

	if (!nat_strtoport(arg, &end, 1, &base) || *end) {
		svc = nat_service(arg);
		if (svc < 0)
			return xt_param_error(p, "Port `%s' not valid", arg);
		base = (unsigned int)svc;
	}
	r->flags |= NF_NAT_RANGE_PROTO_OFFSET;
	r->base_proto.all = htons((u16)base);
	return 0;
}

/* "PORT[-PORT[/BASE]]" into the range, as libxt_NAT's parse_ports(): a
 * single port may be a service name, the bounds of a range may not. */
static int nat_parse_ports(struct xt_parse *p, const char *arg, struct nf_nat_range2 *r)
{
	const char *end;
	unsigned int lo, hi;
	int svc;

	r->flags |= NF_NAT_RANGE_PROTO_SPECIFIED;
	if (!nat_strtoport(arg, &end, 0, &lo)) {
		svc = nat_service(arg);
		if (svc < 0)
			return xt_param_error(p, "Port `%s' not valid", arg);
		lo = (unsigned int)svc;
		end = "";
	}
	if (*end == ':')
		return xt_param_error(p, "Invalid port:port syntax - use dash");
	if (*end && *end != '-')
		return xt_param_error(p, "Garbage after port value: `%s'", end);
	r->min_proto.all = r->max_proto.all = htons((u16)lo);
	if (!*end)
		return 0;
	arg = end + 1;
	if (!nat_strtoport(arg, &end, 0, &hi))
		return xt_param_error(p, "Port `%s' not valid", arg);
	if (hi < lo)
		return xt_param_error(p, "Port range `%s' funky", arg);
	r->max_proto.all = htons((u16)hi);
	if (!*end)
		return 0;
	if (*end != '/')
		return xt_param_error(p, "Garbage after port range: `%s'", end);
	return nat_parse_base(p, end + 1, r);
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

/* MASQUERADE's IPv4 info is the compat range, which has no base port: the
 * flag stays, the base is lost (as libxt_NAT's NAT_parse). */
static int masq_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct nf_nat_range2 *r = data;
	int err = ports_parse(p, "MASQUERADE", id, arg, inv, data);

	r->base_proto.all = 0;
	return err;
}

static int redir_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	return ports_parse(p, "REDIRECT", id, arg, inv, data);
}

/* REDIRECT's IPv4 info is the compat range: no shifted port map
 * (libxt_NAT's DNAT_fcheck). */
static int redir_final(struct xt_parse *p, void *data)
{
	const struct nf_nat_range2 *r = data;

	if (r->flags & NF_NAT_RANGE_PROTO_OFFSET)
		return xt_param_error(p, "Shifted portmap ranges not supported with this kernel");
	return 0;
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
	if (r->flags & NF_NAT_RANGE_PROTO_OFFSET)
		fprintf(out, "/%u", ntohs(r->base_proto.all));
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
	.opts = redir_opts, .parse = redir_parse, .final_check = redir_final,
	.print = redir_print, .save = ports_save,
};

/* -j NETMAP --to ADDR[/MASK] (libipt_NETMAP.c): the network as the range
 * min = ADDR & MASK, max = min | ~MASK. */
enum { O_NETMAP_TO };

static const struct xt_option netmap_opts[] = {
	{ "to", O_NETMAP_TO, true }, { NULL, 0, false },
};

static int netmap_parse(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct nf_nat_range2 *r = data;
	__be32 addr, mask;
	int rc;

	(void)id;
	if (inv)
		return xt_param_error(p, "NETMAP: option \"--to\" cannot be inverted.\n");
	rc = xtables_parse_hostmask(arg, &addr, &mask);
	if (rc)
		return xtables_hostmask_error(p, rc, "NETMAP", "to", arg);
	r->flags |= NF_NAT_RANGE_MAP_IPS;
	r->min_addr = addr & mask;
	r->max_addr = r->min_addr | ~mask;
	return 0;
}

static void netmap_print_net(FILE *out, const struct nf_nat_range2 *r)
{
	__be32 mask = ~(r->min_addr ^ r->max_addr);
	int bits = xtables_mask_to_bits(mask);
	char a[16], m[16];

	fputs(xtables_ipaddr_to_buf(r->min_addr, a), out);
	if (bits < 0)
		fprintf(out, "/%s", xtables_ipaddr_to_buf(mask, m));
	else
		fprintf(out, "/%d", bits);
}

static void netmap_print(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fputs(" to:", out);
	netmap_print_net(out, data);
}

static void netmap_save(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	fputs(" --to ", out);
	netmap_print_net(out, data);
}

const struct xtables_target libipt_NETMAP = {
	.name = "NETMAP", .family = NFPROTO_IPV4, .size = sizeof(struct nf_nat_range2),
	.opts = netmap_opts, .parse = netmap_parse, .print = netmap_print,
	.save = netmap_save, .mand = 1u << O_NETMAP_TO,
};

/* ---- ip6tables: the same targets for IPv6 (libxt_NAT's NAT_parse6 /
 * DNAT_parse6_v2): an address range in brackets when ports follow
 * ("[A[-B]]:P[-Q]"), a bare address (range) otherwise. */
static int nat_parse_to6(struct xt_parse *p, const char *arg, struct nf_nat_range2 *r)
{
	char buf[192], *start, *end, *colon, *dash;

	snprintf(buf, sizeof(buf), "%s", arg);
	start = strchr(buf, '[');
	if (!start) {
		start = buf;
		/* one colon is a port; more: an IPv6 address */
		colon = strchr(buf, ':');
		if (colon && strchr(colon + 1, ':'))
			colon = NULL;
	} else {
		start++;
		end = strchr(start, ']');
		if (!end)
			return xt_param_error(p, "Invalid address format");
		*end = '\0';
		colon = strchr(end + 1, ':');
	}
	if (colon) {
		if (!nat_proto_has_ports(p))
			return xt_param_error(p, "Need TCP, UDP, SCTP or DCCP with port specification");
		if (nat_parse_ports(p, colon + 1, r))
			return -1;
		if (colon == buf || colon == buf + 2)	/* ":P" or "[]:P": no address */
			return 0;
		*colon = '\0';
	}
	r->flags |= NF_NAT_RANGE_MAP_IPS;
	dash = strchr(start, '-');
	if (colon && dash && dash > colon)
		dash = NULL;
	if (dash)
		*dash = '\0';
	if (inet_pton(AF_INET6, start, &r->min_addr6) != 1)
		return xt_param_error(p, "Bad IP address \"%s\"", start);
	r->max_addr6 = r->min_addr6;
	if (dash && inet_pton(AF_INET6, dash + 1, &r->max_addr6) != 1)
		return xt_param_error(p, "Bad IP address \"%s\"", dash + 1);
	return 0;
}

static int dnat_parse6(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	if (nat_parse_common(p, "DNAT", "to-destination", id, inv, data))
		return -1;
	return id == O_TO ? nat_parse_to6(p, arg, data) : 0;
}

static int snat_parse6(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	if (nat_parse_common(p, "SNAT", "to-source", id, inv, data))
		return -1;
	return id == O_TO ? nat_parse_to6(p, arg, data) : 0;
}

/* sprint_range for AF_INET6: brackets around the addresses when ports follow */
static void nat_print_range6(FILE *out, const struct nf_nat_range2 *r)
{
	bool brackets = r->flags & NF_NAT_RANGE_PROTO_SPECIFIED;
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];

	if (r->flags & NF_NAT_RANGE_MAP_IPS) {
		if (brackets)
			fputc('[', out);
		fputs(xtables_ip6addr_to_buf(&r->min_addr6, a), out);
		if (memcmp(&r->min_addr6, &r->max_addr6, sizeof(r->min_addr6)))
			fprintf(out, "-%s", xtables_ip6addr_to_buf(&r->max_addr6, b));
		if (brackets)
			fputc(']', out);
	}
	if (r->flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
		fputc(':', out);
		nat_print_ports(out, r);
	}
}

static void nat_print6(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fputs(" to:", out);
	nat_print_range6(out, data);
	nat_print_flags(out, data, false);
}

static void dnat_save6(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	fputs(" --to-destination ", out);
	nat_print_range6(out, data);
	nat_print_flags(out, data, true);
}

static void snat_save6(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	fputs(" --to-source ", out);
	nat_print_range6(out, data);
	nat_print_flags(out, data, true);
}

const struct xtables_target libip6t_DNAT = {
	.name = "DNAT", .revision = 2, .family = NFPROTO_IPV6,
	.size = sizeof(struct nf_nat_range2), .opts = dnat_opts, .parse = dnat_parse6,
	.final_check = dnat_final, .print = nat_print6, .save = dnat_save6,
};

const struct xtables_target libip6t_SNAT = {
	.name = "SNAT", .revision = 2, .family = NFPROTO_IPV6,
	.size = sizeof(struct nf_nat_range2), .opts = snat_opts, .parse = snat_parse6,
	.final_check = snat_final, .print = nat_print6, .save = snat_save6,
};

const struct xtables_target libip6t_MASQUERADE = {
	.name = "MASQUERADE", .family = NFPROTO_IPV6, .size = sizeof(struct nf_nat_range2),
	.opts = masq_opts, .parse = masq_parse, .print = masq_print, .save = ports_save,
};

const struct xtables_target libip6t_REDIRECT = {
	.name = "REDIRECT", .family = NFPROTO_IPV6, .size = sizeof(struct nf_nat_range2),
	.opts = redir_opts, .parse = redir_parse, .final_check = redir_final,
	.print = redir_print, .save = ports_save,
};

/* -j NETMAP --to ADDR[/MASK] for IPv6 (libip6t_NETMAP.c): the network as
 * min = ADDR & MASK, max = min | ~MASK, word by word. */
static int netmap_parse6(struct xt_parse *p, int id, const char *arg, bool inv, void *data)
{
	struct nf_nat_range2 *r = data;
	struct in6_addr addr, mask;
	char buf[128], *slash;
	unsigned int bits = 128;

	(void)id;
	if (inv)
		return xt_param_error(p, "NETMAP: option \"--to\" cannot be inverted.\n");
	snprintf(buf, sizeof(buf), "%s", arg);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	memset(&mask, 0, sizeof(mask));
	if (slash && inet_pton(AF_INET6, slash, &mask) == 1)
		bits = 0;
	else if (slash && !xtables_strtoui(slash, &bits, 0, 128))
		return xt_param_error(p, "NETMAP: bad value for option \"--to\", neither a valid "
				      "network mask nor valid CIDR (0-128).\n");
	for (unsigned int b = 0; b < bits; b++)
		mask.s6_addr[b / 8] |= (u8)(0x80 >> (b % 8));
	/* skbox resolves no names: the answer of a namespace without DNS */
	if (inet_pton(AF_INET6, buf, &addr) != 1)
		return xt_param_error(p, "getaddrinfo: Name or service not known\n");
	r->flags |= NF_NAT_RANGE_MAP_IPS;
	for (int i = 0; i < 4; i++) {
		r->min_addr6.s6_addr32[i] = addr.s6_addr32[i] & mask.s6_addr32[i];
		r->max_addr6.s6_addr32[i] = r->min_addr6.s6_addr32[i] | ~mask.s6_addr32[i];
	}
	return 0;
}

static void netmap_print_net6(FILE *out, const struct nf_nat_range2 *r)
{
	char a[INET6_ADDRSTRLEN], m[INET6_ADDRSTRLEN];
	struct in6_addr mask;
	int bits;

	for (int i = 0; i < 4; i++)
		mask.s6_addr32[i] = ~(r->min_addr6.s6_addr32[i] ^ r->max_addr6.s6_addr32[i]);
	bits = xtables_ip6mask_to_cidr(&mask);
	fputs(xtables_ip6addr_to_buf(&r->min_addr6, a), out);
	if (bits < 0)
		fprintf(out, "/%s", xtables_ip6addr_to_buf(&mask, m));
	else
		fprintf(out, "/%d", bits);
}

static void netmap_print6(FILE *out, const struct ipt_ip *ip, const void *data, bool numeric)
{
	(void)ip;
	(void)numeric;
	fputs(" to:", out);
	netmap_print_net6(out, data);
}

static void netmap_save6(FILE *out, const struct ipt_ip *ip, const void *data)
{
	(void)ip;
	fputs(" --to ", out);
	netmap_print_net6(out, data);
}

const struct xtables_target libip6t_NETMAP = {
	.name = "NETMAP", .family = NFPROTO_IPV6, .size = sizeof(struct nf_nat_range2),
	.opts = netmap_opts, .parse = netmap_parse6, .print = netmap_print6,
	.save = netmap_save6, .mand = 1u << O_NETMAP_TO,
};
