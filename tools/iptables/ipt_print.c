/* How iptables shows rules (iptables' nft-shared.c print_rule_details,
 * print_header, and the save functions): `-L` in its table form with the
 * FMT_* widths, and the `-A CHAIN ...` form of `-S` and iptables-save,
 * both as iptables v1.8.9 (nf_tables) prints them. */
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <arpa/inet.h>
#include "linux/slab.h"
#include "net/ipv6.h"
#include "iptables.h"

#define FMT(tab, notab) ((format & FMT_NOTABLE) ? (notab) : (tab))

/* libxtables' xtables_chain_protos[] (1.8.9) */
static const struct { const char *name; u16 num; } chain_protos[] = {
	{ "tcp", 6 }, { "sctp", 132 }, { "udp", 17 }, { "udplite", 136 },
	{ "icmp", 1 }, { "ipv6-icmp", 58 }, { "icmpv6", 58 }, { "esp", 50 }, { "ah", 51 },
	{ "mobility-header", 135 }, { "ipv6-mh", 135 }, { "mh", 135 }, { "all", 0 },
};

bool ipt_proto_number(const char *name, unsigned int *num)
{
	for (size_t i = 0; i < sizeof(chain_protos) / sizeof(chain_protos[0]); i++)
		if (!strcasecmp(chain_protos[i].name, name)) {
			*num = chain_protos[i].num;
			return true;
		}
	return false;
}

const char *ipt_proto_name(u16 proto)
{
	const struct protoent *pe;

	for (size_t i = 0; i < sizeof(chain_protos) / sizeof(chain_protos[0]); i++)
		if (chain_protos[i].num == proto)
			return chain_protos[i].name;
	pe = getprotobynumber(proto);
	return pe ? pe->p_name : NULL;
}

static const char *std_verdict_name(int v)
{
	switch (v) {
	case XT_STD_ACCEPT:
		return "ACCEPT";
	case XT_STD_DROP:
		return "DROP";
	case XT_STD_QUEUE:
		return "QUEUE";
	case XT_RETURN:
		return "RETURN";
	}
	return "";
}

const char *ipt_target_name(const struct xt_table_info *info, const struct ipt_rule *r)
{
	/* iptables-nft lists NOTRACK as the CT target it becomes */
	if (r->target.target)
		return strcmp(r->target.target->name, "NOTRACK") ? r->target.target->name : "CT";
	if (r->target.verdict >= 0)
		return info->chains[r->target.verdict].name;
	return std_verdict_name(r->target.verdict);
}

static void print_num(FILE *out, u64 n, unsigned int format)
{
	static const char units[] = "KMGT";

	if (!(format & FMT_KILOMEGAGIGA)) {
		fprintf(out, FMT("%8llu ", "%llu "), (unsigned long long)n);
		return;
	}
	if (n <= 99999) {
		fprintf(out, FMT("%5llu ", "%llu "), (unsigned long long)n);
		return;
	}
	for (int u = 0; u < 4; u++) {
		n = (n + 500) / 1000;
		if (n <= 9999 || u == 3) {
			fprintf(out, FMT("%4llu%c ", "%llu%c "), (unsigned long long)n, units[u]);
			return;
		}
	}
}

static void print_header(FILE *out, const struct ipt_chain *ch, unsigned int format)
{
	fprintf(out, "Chain %s", ch->name);
	if (ch->hook >= 0) {
		fprintf(out, " (policy %s", std_verdict_name(ch->policy));
		if (!(format & FMT_NOCOUNTS)) {
			fputc(' ', out);
			print_num(out, ch->counters.pcnt, format | FMT_NOTABLE);
			fputs("packets, ", out);
			print_num(out, ch->counters.bcnt, format | FMT_NOTABLE);
			fputs("bytes", out);
		}
		fputs(")\n", out);
	} else {
		fprintf(out, " (%u references)\n", ch->references);
	}
	if (format & FMT_LINENUMBERS)
		fprintf(out, FMT("%-4s ", "%s "), "num");
	if (!(format & FMT_NOCOUNTS)) {
		if (format & FMT_KILOMEGAGIGA) {
			fprintf(out, FMT("%5s ", "%s "), "pkts");
			fprintf(out, FMT("%5s ", "%s "), "bytes");
		} else {
			fprintf(out, FMT("%8s ", "%s "), "pkts");
			fprintf(out, FMT("%10s ", "%s "), "bytes");
		}
	}
	if (!(format & FMT_NOTARGET))
		fprintf(out, FMT("%-9s ", "%s "), "target");
	fputs(" prot ", out);
	if (format & FMT_OPTIONS)
		fputs("opt", out);
	if (format & FMT_VIA) {
		fprintf(out, FMT(" %-6s ", "%s "), "in");
		fprintf(out, FMT("%-6s ", "%s "), "out");
	}
	fprintf(out, FMT(" %-19s ", "%s "), "source");
	fprintf(out, FMT(" %-19s ", " %s "), "destination");
	fputc('\n', out);
}

/* "/8", "/255.255.0.255", or "" for /32. */
static void mask_to_string(__be32 mask, char *buf)
{
	u32 m = ntohl(mask);
	int bits = 0;
	char a[16];

	if (m == 0xFFFFFFFFu) {
		buf[0] = '\0';
		return;
	}
	while (bits < 32 && (m & (0x80000000u >> bits)))
		bits++;
	if (bits < 32 && (m << bits) != 0) {
		sprintf(buf, "/%s", xtables_ipaddr_to_buf(mask, a));
		return;
	}
	sprintf(buf, "/%d", bits);
}

static void print_addr(FILE *out, __be32 addr, __be32 mask, bool inv, unsigned int format)
{
	char buf[64], a[16], m[20];

	if (mask == 0 && !(format & FMT_NUMERIC)) {
		snprintf(buf, sizeof(buf), "anywhere");
	} else {
		mask_to_string(mask, m);
		snprintf(buf, sizeof(buf), "%s%s", xtables_ipaddr_to_buf(addr, a),
			 mask == 0 ? "/0" : m);
	}
	fputc(inv ? '!' : ' ', out);
	fprintf(out, FMT("%-19s ", "%s "), buf);
}

/* ipv6_addr_to_string(): "anywhere" for the unspecified address unless
 * numeric, else the address and "/LEN" (nothing for /128) or "/MASK" */
static void print_addr6(FILE *out, const struct in6_addr *addr, const struct in6_addr *mask,
			bool inv, unsigned int format)
{
	char buf[128], a[INET6_ADDRSTRLEN], m[INET6_ADDRSTRLEN + 2];
	int l = xtables_ip6mask_to_cidr(mask);

	if (ipv6_addr_any(addr) && !(format & FMT_NUMERIC)) {
		snprintf(buf, sizeof(buf), "anywhere");
	} else {
		if (l < 0)
			snprintf(m, sizeof(m), "/%s", xtables_ip6addr_to_buf(mask, a));
		else if (l == 128)
			m[0] = '\0';
		else
			snprintf(m, sizeof(m), "/%d", l);
		snprintf(buf, sizeof(buf), "%s%s", xtables_ip6addr_to_buf(addr, a), m);
	}
	fputc(inv ? '!' : ' ', out);
	fprintf(out, FMT("%-19s ", "%s "), buf);
}

static void print_ifaces(FILE *out, const struct ipt_ip *ip, unsigned int format)
{
	char iface[IFNAMSIZ + 8];
	const char *any = (format & FMT_NUMERIC) ? "*" : "any";

	if (!(format & FMT_VIA))
		return;
	snprintf(iface, sizeof(iface), "%s%s%s", (ip->invflags & IPT_INV_VIA_IN) ? "!" : "",
		 ip->iniface[0] ? ip->iniface : any,
		 ip->iniface[0] && !ip->iniface_mask[strlen(ip->iniface)] ? "+" : "");
	fprintf(out, FMT(" %-6s ", "in %s "), iface);
	snprintf(iface, sizeof(iface), "%s%s%s", (ip->invflags & IPT_INV_VIA_OUT) ? "!" : "",
		 ip->outiface[0] ? ip->outiface : any,
		 ip->outiface[0] && !ip->outiface_mask[strlen(ip->outiface)] ? "+" : "");
	fprintf(out, FMT("%-6s ", "out %s "), iface);
}

static void print_rule(FILE *out, const struct xt_table_info *info, const struct ipt_rule *r,
		       unsigned int num, unsigned int format)
{
	const char *pname = ipt_proto_name(r->ip.proto);

	if (format & FMT_LINENUMBERS)
		fprintf(out, FMT("%-4u ", "%u "), num);
	if (!(format & FMT_NOCOUNTS)) {
		print_num(out, r->counters.pcnt, format);
		print_num(out, r->counters.bcnt, format);
	}
	if (!(format & FMT_NOTARGET))
		fprintf(out, FMT("%-9s ", "%s "), ipt_target_name(info, r));
	fputc((r->ip.invflags & IPT_INV_PROTO) ? '!' : ' ', out);
	if ((format & (FMT_NUMERIC | FMT_NOTABLE)) == FMT_NUMERIC || !pname)
		fprintf(out, FMT("%-4hu ", "%hu "), r->ip.proto);
	else
		fprintf(out, FMT("%-4s ", "%s "), pname);
	if (format & FMT_OPTIONS) {
		bool v6 = info->af == NFPROTO_IPV6;	/* print_fragment(..., fake) */

		fputc(!v6 && (r->ip.invflags & IPT_INV_FRAG) ? '!' : '-', out);
		fputc(!v6 && (r->ip.flags & IPT_F_FRAG) ? 'f' : '-', out);
		fputc(' ', out);
	}
	print_ifaces(out, &r->ip, format);
	if (info->af == NFPROTO_IPV6) {
		print_addr6(out, &r->ip.src6, &r->ip.smsk6, r->ip.invflags & IPT_INV_SRCIP, format);
		print_addr6(out, &r->ip.dst6, &r->ip.dmsk6, r->ip.invflags & IPT_INV_DSTIP, format);
	} else {
		print_addr(out, r->ip.src, r->ip.smsk, r->ip.invflags & IPT_INV_SRCIP, format);
		print_addr(out, r->ip.dst, r->ip.dmsk, r->ip.invflags & IPT_INV_DSTIP, format);
	}
	if (r->ip.flags & IPT_F_GOTO)
		fputs("[goto] ", out);
	for (unsigned int m = 0; m < r->nmatches; m++) {
		const struct xtables_match *xm = xtables_find_match(info->af,
								    r->matches[m].match->name);

		if (xm && xm->print)
			xm->print(out, &r->ip, r->matches[m].data, format & FMT_NUMERIC);
	}
	if (r->target.target) {
		const struct xtables_target *xt = xtables_find_target(info->af,
								      r->target.target->name);

		if (xt && xt->print)
			xt->print(out, &r->ip, r->target.data, format & FMT_NUMERIC);
	}
	fputc('\n', out);
}

void ipt_print_chain(FILE *out, const struct xt_table_info *info, unsigned int c,
		     unsigned int format, unsigned int rulenum)
{
	const struct ipt_chain *ch = &info->chains[c];

	if (rulenum) {
		if (rulenum <= ch->nrules)
			print_rule(out, info, &ch->rules[rulenum - 1], rulenum, format);
		return;
	}
	print_header(out, ch, format);
	for (unsigned int i = 0; i < ch->nrules; i++)
		print_rule(out, info, &ch->rules[i], i + 1, format);
}

static void save_addr(FILE *out, char opt, __be32 addr, __be32 mask, bool inv)
{
	char a[16], m[20];

	if (!mask && !addr && !inv)
		return;
	mask_to_string(mask, m);
	fprintf(out, "%s -%c %s%s", inv ? " !" : "", opt, xtables_ipaddr_to_buf(addr, a),
		m[0] ? m : "/32");
}

static void save_iface(FILE *out, char opt, const char *name, const unsigned char *mask, bool inv)
{
	if (!name[0])
		return;
	fprintf(out, "%s -%c %s%s", inv ? " !" : "", opt, name, mask[strlen(name)] ? "" : "+");
}

/* save_ipv6_addr(): nothing for ::/0 unless inverted, else "/LEN" always */
static void save_addr6(FILE *out, char opt, const struct in6_addr *addr,
		       const struct in6_addr *mask, bool inv)
{
	char a[INET6_ADDRSTRLEN], m[INET6_ADDRSTRLEN];
	int l = xtables_ip6mask_to_cidr(mask);

	if (!inv && l == 0)
		return;
	fprintf(out, "%s -%c %s", inv ? " !" : "", opt, xtables_ip6addr_to_buf(addr, a));
	if (l < 0)
		fprintf(out, "/%s", xtables_ip6addr_to_buf(mask, m));
	else
		fprintf(out, "/%d", l);
}

static void save_ip(FILE *out, u8 af, const struct ipt_ip *ip)
{
	if (af == NFPROTO_IPV6) {
		save_addr6(out, 's', &ip->src6, &ip->smsk6, ip->invflags & IPT_INV_SRCIP);
		save_addr6(out, 'd', &ip->dst6, &ip->dmsk6, ip->invflags & IPT_INV_DSTIP);
	} else {
		save_addr(out, 's', ip->src, ip->smsk, ip->invflags & IPT_INV_SRCIP);
		save_addr(out, 'd', ip->dst, ip->dmsk, ip->invflags & IPT_INV_DSTIP);
	}
	save_iface(out, 'i', ip->iniface, ip->iniface_mask, ip->invflags & IPT_INV_VIA_IN);
	save_iface(out, 'o', ip->outiface, ip->outiface_mask, ip->invflags & IPT_INV_VIA_OUT);
	if (ip->proto) {
		const char *pname = ipt_proto_name(ip->proto);

		fprintf(out, "%s -p ", (ip->invflags & IPT_INV_PROTO) ? " !" : "");
		if (pname)
			fputs(pname, out);
		else
			fprintf(out, "%u", ip->proto);
	}
	if (ip->flags & IPT_F_FRAG)
		fprintf(out, "%s -f", (ip->invflags & IPT_INV_FRAG) ? " !" : "");
}

void ipt_save_rule(FILE *out, const struct xt_table_info *info, unsigned int c,
		   const struct ipt_rule *r, unsigned int counters)
{
	if (counters == IPT_COUNTERS_PREFIX)
		fprintf(out, "[%llu:%llu] ", (unsigned long long)r->counters.pcnt,
			(unsigned long long)r->counters.bcnt);
	fprintf(out, "-A %s", info->chains[c].name);
	save_ip(out, info->af, &r->ip);
	for (unsigned int m = 0; m < r->nmatches; m++) {
		const struct xtables_match *xm = xtables_find_match(info->af,
								    r->matches[m].match->name);

		fprintf(out, " -m %s", r->matches[m].match->name);
		if (xm && xm->save)
			xm->save(out, &r->ip, r->matches[m].data);
	}
	if (counters == IPT_COUNTERS_INLINE)
		fprintf(out, " -c %llu %llu", (unsigned long long)r->counters.pcnt,
			(unsigned long long)r->counters.bcnt);
	if (r->target.target) {
		const struct xtables_target *xt = xtables_find_target(info->af,
								      r->target.target->name);

		fprintf(out, " -j %s", r->target.target->name);
		if (xt && xt->save)
			xt->save(out, &r->ip, r->target.data);
	} else if (r->target.verdict >= 0) {
		fprintf(out, " -%c %s", (r->ip.flags & IPT_F_GOTO) ? 'g' : 'j',
			info->chains[r->target.verdict].name);
	} else if (r->target.verdict != XT_STD_CONTINUE) {
		fprintf(out, " -j %s", std_verdict_name(r->target.verdict));
	}
	fputc('\n', out);
}

void ipt_save_policy(FILE *out, const struct ipt_chain *ch, bool counters)
{
	(void)counters;
	fprintf(out, ":%s %s [%llu:%llu]\n", ch->name,
		ch->hook >= 0 ? std_verdict_name(ch->policy) : "-",
		(unsigned long long)ch->counters.pcnt, (unsigned long long)ch->counters.bcnt);
}

static int chain_cmp(const void *a, const void *b, void *arg)
{
	const struct xt_table_info *info = arg;
	const struct ipt_chain *x = &info->chains[*(const unsigned int *)a];
	const struct ipt_chain *y = &info->chains[*(const unsigned int *)b];

	if ((x->hook >= 0) != (y->hook >= 0))
		return x->hook >= 0 ? -1 : 1;
	if (x->hook >= 0)
		return x->hook - y->hook;
	return strcmp(x->name, y->name);
}

unsigned int *ipt_chain_order(const struct xt_table_info *info)
{
	unsigned int *order = kmalloc((info->nchains + 1) * sizeof(*order));

	if (!order)
		return NULL;
	for (unsigned int i = 0; i < info->nchains; i++)
		order[i] = i;
	qsort_r(order, info->nchains, sizeof(*order), chain_cmp, (void *)info);
	return order;
}

void ipt_rules_loaded(FILE *err, const struct xt_table_info *info)
{
	for (unsigned int c = 0; c < info->nchains; c++)
		for (unsigned int r = 0; r < info->chains[c].nrules; r++) {
			const struct ipt_rule *rule = &info->chains[c].rules[r];

			for (unsigned int m = 0; m < rule->nmatches; m++) {
				const struct xtables_match *xm =
					xtables_find_match(info->af, rule->matches[m].match->name);

				if (xm && xm->loaded)
					xm->loaded(err, rule->matches[m].data);
			}
		}
}
