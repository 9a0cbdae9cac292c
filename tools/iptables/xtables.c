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

const struct xtables_match *xtables_find_match(const char *name)
{
	const struct xtables_match *const *regs[] = { xtables_core_matches, xtables_ct_matches };

	for (size_t r = 0; r < 2; r++)
		for (const struct xtables_match *const *m = regs[r]; *m; m++)
			if (!strcmp((*m)->name, name))
				return *m;
	return NULL;
}

const struct xtables_target *xtables_find_target(const char *name)
{
	const struct xtables_target *const *regs[] = { xtables_core_targets, xtables_ct_targets };

	for (size_t r = 0; r < 2; r++)
		for (const struct xtables_target *const *t = regs[r]; *t; t++)
			if (!strcmp((*t)->name, name))
				return *t;
	return NULL;
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
