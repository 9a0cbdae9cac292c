/* The iptables tool's shared helpers (iptables' libxtables/xtables.c):
 * extension lookup in the const registries, numbers, ports and services,
 * addresses, interface wildcards, and the quoting of saved strings. */
#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "xtables.h"
#include "skbox/cmd.h"

static bool family_ok(u8 want, u8 have)
{
	return have == NFPROTO_UNSPEC || have == want;
}

const struct xtables_match *xtables_find_match(u8 af, const char *name)
{
	const struct xtables_match *const *regs[] = { xtables_ip6_matches, xtables_core_matches,
						      xtables_ct_matches };

	for (size_t r = af == NFPROTO_IPV6 ? 0 : 1; r < 3; r++)
		for (const struct xtables_match *const *m = regs[r]; *m; m++)
			if (!strcmp((*m)->name, name) && family_ok(af, (*m)->family))
				return *m;
	return NULL;
}

const struct xtables_target *xtables_find_target(u8 af, const char *name)
{
	const struct xtables_target *const *regs[] = { xtables_ip6_targets, xtables_core_targets,
						       xtables_ct_targets };

	for (size_t r = af == NFPROTO_IPV6 ? 0 : 1; r < 3; r++)
		for (const struct xtables_target *const *t = regs[r]; *t; t++)
			if (!strcmp((*t)->name, name) && family_ok(af, (*t)->family))
				return *t;
	return NULL;
}

const char *xtables_ip6addr_to_buf(const struct in6_addr *addr, char *buf)
{
	return inet_ntop(AF_INET6, addr, buf, INET6_ADDRSTRLEN) ? buf : "?";
}

int xtables_ip6mask_to_cidr(const struct in6_addr *mask)
{
	int bits = 0;

	while (bits < 128 && (mask->s6_addr[bits / 8] & (0x80 >> (bits % 8))))
		bits++;
	for (int b = bits; b < 128; b++)
		if (mask->s6_addr[b / 8] & (0x80 >> (b % 8)))
			return -1;
	return bits;
}

int xt_param_error(struct xt_parse *p, const char *fmt, ...)
{
	va_list ap;

	fprintf(p->ctx->err, "%s v1.8.9 (nf_tables): ", p->prog);
	va_start(ap, fmt);
	vfprintf(p->ctx->err, fmt, ap);
	va_end(ap);
	fputc('\n', p->ctx->err);
	if (p->line)
		fprintf(p->ctx->err, "Error occurred at line: %u\n", p->line);
	fprintf(p->ctx->err, "Try `%s -h' or '%s --help' for more information.\n", p->prog,
		p->prog);
	return -1;
}

bool xtables_strtoui(const char *s, unsigned int *value, unsigned int min, unsigned int max)
{
	unsigned long long v;
	char *end;

	if (!s || !*s || *s == '-')
		return false;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || *end || v < min || v > max)
		return false;
	*value = (unsigned int)v;
	return true;
}

int xtables_service_to_port(const char *name, const char *proto)
{
	unsigned int v;
	struct servent *se;

	if (xtables_strtoui(name, &v, 0, 65535))
		return (int)v;
	se = getservbyname(name, proto);
	return se ? ntohs((u16)se->s_port) : -1;
}

int xtables_parse_port(const char *port, const char *proto)
{
	return xtables_service_to_port(port, proto ? proto : "tcp");
}

void xtables_print_port(FILE *out, u16 port, const char *proto, bool numeric)
{
	struct servent *se = numeric ? NULL : getservbyport(htons(port), proto);

	if (se)
		fputs(se->s_name, out);
	else
		fprintf(out, "%u", port);
}

const char *xtables_ipaddr_to_buf(__be32 addr, char *buf)
{
	u32 a = ntohl(addr);

	sprintf(buf, "%u.%u.%u.%u", a >> 24, (a >> 16) & 255, (a >> 8) & 255, a & 255);
	return buf;
}

const char *xtables_ipaddr_to_numeric(__be32 addr)
{
	static _Thread_local char buf[16];

	return xtables_ipaddr_to_buf(addr, buf);
}

bool xtables_parse_ipaddr(const char *s, __be32 *addr)
{
	struct in_addr in;

	if (inet_pton(AF_INET, s, &in) != 1)
		return false;
	*addr = in.s_addr;
	return true;
}

void xtables_save_string(FILE *out, const char *value)
{
	static const char no_quote[] = "_-0123456789abcdefghijklmnopqrstuvwxyz"
				       "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
	size_t len = strspn(value, no_quote);

	fputc(' ', out);
	if (len > 0 && value[len] == '\0') {
		fputs(value, out);
		return;
	}
	fputc('"', out);
	for (const char *p = value; *p; p++) {
		if (*p == '"' || *p == '\\' || *p == '\'')
			fputc('\\', out);
		fputc(*p, out);
	}
	fputc('"', out);
}

bool xtables_parse_interface(const char *arg, char *vianame, unsigned char *mask)
{
	size_t len = strlen(arg);

	if (len >= IFNAMSIZ)
		return false;
	memset(mask, 0, IFNAMSIZ);
	memset(vianame, 0, IFNAMSIZ);
	memcpy(vianame, arg, len);
	if (len == 0)
		return true;
	if (vianame[len - 1] == '+') {
		vianame[len - 1] = '\0';
		memset(mask, 0xFF, len - 1);
	} else {
		memset(mask, 0xFF, len + 1 <= IFNAMSIZ ? len + 1 : IFNAMSIZ);
	}
	return true;
}

/* "a", "a:b", ":b" (0:b) or "a:" (a:max), as iptables' XTTYPE_UINT*RC:
 * the message of xtopt_parse_mint for a bad part.  *n: 1 or 2 values. */
int xtables_parse_range(struct xt_parse *p, const char *ext, const char *opt, const char *arg,
			unsigned int max, unsigned int out[2], unsigned int *n)
{
	char buf[64], *colon;

	snprintf(buf, sizeof(buf), "%s", arg);
	colon = strchr(buf, ':');
	if (colon)
		*colon = '\0';
	out[0] = 0;
	out[1] = max;
	*n = colon ? 2 : 1;
	if (buf[0] && !xtables_strtoui(buf, &out[0], 0, max))
		return xt_param_error(p, "%s: bad value for option \"--%s\" near \"%s\", or out of "
				      "range (0-%u).\n", ext, opt, buf, max);
	if (colon && colon[1] && !xtables_strtoui(colon + 1, &out[1], 0, max))
		return xt_param_error(p, "%s: bad value for option \"--%s\" near \"%s\", or out of "
				      "range (0-%u).\n", ext, opt, colon + 1, max);
	if (!colon)
		out[1] = out[0];
	return 0;
}

/* "ADDR[/MASK]" (XTTYPE_HOSTMASK, libxtables' xtopt_parse_hostmask), MASK
 * as xtables_parse_plenmask() takes it.  The address is kept as given.
 * 0, or -1 for a bad address, -2 for a bad mask. */
int xtables_parse_hostmask(const char *s, __be32 *addr, __be32 *mask)
{
	char buf[64], *slash;

	snprintf(buf, sizeof(buf), "%s", s);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = '\0';
	if (!xtables_parse_ipaddr(buf, addr))
		return -1;
	*mask = 0xFFFFFFFFu;
	if (!slash)
		return 0;
	return xtables_parse_plenmask(slash, mask) ? 0 : -2;
}

/* A mask (XTTYPE_PLENMASK, xtopt_parse_plenmask): a prefix length 0..32,
 * else anything inet_aton() takes ("255.255.0.0", but also "33"), of
 * which a mask with holes counts as 32 bits, as the prefix length -1
 * stored in a u8 does there. */
bool xtables_parse_plenmask(const char *s, __be32 *mask)
{
	unsigned int bits;
	struct in_addr m;
	int len;

	*mask = 0xFFFFFFFFu;
	if (xtables_strtoui(s, &bits, 0, 32)) {
		*mask = bits ? htonl(0xFFFFFFFFu << (32 - bits)) : 0;
		return true;
	}
	if (!inet_aton(s, &m))
		return false;
	len = xtables_mask_to_bits(m.s_addr);
	if (len >= 0)
		*mask = len ? htonl(0xFFFFFFFFu << (32 - len)) : 0;
	return true;
}

/* The prefix length of a contiguous mask, -1 for a mask with holes. */
int xtables_mask_to_bits(__be32 mask)
{
	u32 m = ntohl(mask);
	int bits = 0;

	while (m & 0x80000000u) {
		bits++;
		m <<= 1;
	}
	return m ? -1 : bits;
}

int xtables_hostmask_error(struct xt_parse *p, int rc, const char *ext, const char *opt,
			   const char *arg)
{
	(void)arg;
	if (rc == -2)
		return xt_param_error(p, "%s: bad value for option \"--%s\", neither a valid "
				      "network mask nor valid CIDR (0-32).\n", ext, opt);
	/* skbox resolves no names: the answer of a namespace without DNS */
	return xt_param_error(p, "getaddrinfo: Temporary failure in name resolution\n");
}
