/* Parsing and naming helpers of the `ip` command (iproute2 lib/utils.c and
 * lib/rt_names.c): numbers, IPv4 addresses and prefixes, MAC addresses,
 * route table/scope/protocol/type names, and the error messages with the
 * exit statuses iproute2 uses (1 for bad addresses, 255 for bad arguments,
 * 2 for kernel refusals). */
#include <arpa/inet.h>
#include <stdarg.h>
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/rtnetlink.h"

int matches(const char *arg, const char *pattern)
{
	if (!*arg)
		return 1;
	while (*pattern && *arg == *pattern) {
		arg++;
		pattern++;
	}
	return !!*arg;
}

int get_unsigned(unsigned int *val, const char *arg, int base)
{
	unsigned long res;
	char *end;

	if (!arg || !*arg || *arg == '-')
		return -1;
	errno = 0;
	res = strtoul(arg, &end, base);
	if (!end || end == arg || *end || errno || res > UINT_MAX)
		return -1;
	*val = (unsigned int)res;
	return 0;
}

int get_u32(uint32_t *val, const char *arg, int base)
{
	unsigned int v;

	if (get_unsigned(&v, arg, base))
		return -1;
	*val = v;
	return 0;
}

int get_u8(uint8_t *val, const char *arg, int base)
{
	unsigned int v;

	if (get_unsigned(&v, arg, base) || v > 0xFF)
		return -1;
	*val = (uint8_t)v;
	return 0;
}

int get_integer(int *val, const char *arg, int base)
{
	long res;
	char *end;

	if (!arg || !*arg)
		return -1;
	errno = 0;
	res = strtol(arg, &end, base);
	if (!end || end == arg || *end || errno || res > INT_MAX || res < INT_MIN)
		return -1;
	*val = (int)res;
	return 0;
}

/* iproute2 get_addr_ipv4(): up to four numbers (any base) joined by dots. */
int parse_ipv4(uint32_t *addr, const char *cp)
{
	uint8_t ap[4] = { 0, 0, 0, 0 };

	if (!cp || !*cp)
		return -1;
	for (int i = 0; i < 4; i++) {
		unsigned long n;
		char *endp;

		if (*cp == '-' || *cp == '+' || *cp == ' ')
			return -1;
		n = strtoul(cp, &endp, 0);
		if (n > 255 || endp == cp)
			return -1;
		ap[i] = (uint8_t)n;
		if (*endp == '\0')
			break;
		if (i == 3 || *endp != '.')
			return -1;
		cp = endp + 1;
	}
	memcpy(addr, ap, 4);
	return 0;
}

static int parse_netmask(int *plen, const char *arg)
{
	unsigned int bits;
	uint32_t mask, host;

	if (!get_unsigned(&bits, arg, 0))
		return bits > 32 ? -1 : (*plen = (int)bits, 0);
	if (parse_ipv4(&mask, arg))
		return -1;
	host = ntohl(mask);
	bits = 0;
	while (bits < 32 && (host & (1U << (31 - bits))))
		bits++;
	if (bits < 32 && (host << bits))
		return -1;
	*plen = (int)bits;
	return 0;
}

int parse_prefix(struct inet_prefix *p, const char *arg)
{
	char buf[64];
	char *slash;

	memset(p, 0, sizeof(*p));
	p->bitlen = -1;
	if (!strcmp(arg, "default") || !strcmp(arg, "all") || !strcmp(arg, "any")) {
		p->is_default = true;
		p->bitlen = 0;
		return 0;
	}
	if (strlen(arg) >= sizeof(buf))
		return -1;
	strcpy(buf, arg);
	slash = strchr(buf, '/');
	if (slash)
		*slash = 0;
	if (parse_ipv4(&p->addr, buf))
		return -1;
	if (slash)
		return parse_netmask(&p->bitlen, slash + 1);
	return 0;
}

int parse_lladdr(uint8_t *mac, const char *arg)
{
	const char *cp = arg;
	int i;

	for (i = 0; i < ETH_ALEN; i++) {
		unsigned long v;
		char *end;

		if (!isxdigit((unsigned char)*cp))
			return -1;
		v = strtoul(cp, &end, 16);
		if (v > 255 || end - cp > 2)
			return -1;
		mac[i] = (uint8_t)v;
		if (*end == '\0')
			return i == ETH_ALEN - 1 ? 0 : -1;
		if (*end != ':' && *end != '.')
			return -1;
		cp = end + 1;
	}
	return -1;
}

void format_lladdr(char *buf, const uint8_t *mac, int len)
{
	buf[0] = 0;
	for (int i = 0; i < len; i++)
		sprintf(buf + (i ? i * 3 - 1 : 0), i ? ":%02x" : "%02x", mac[i]);
}

const char *format_ipv4(char *buf, uint32_t addr)
{
	const uint8_t *b = (const uint8_t *)&addr;

	sprintf(buf, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
	return buf;
}

/* ---- error messages (iproute2 lib/utils.c) ---- */

int ip_invarg(struct ip_ctx *ipc, const char *msg, const char *arg)
{
	fprintf(ipc->err, "Error: argument \"%s\" is wrong: %s\n", arg, msg);
	return 255;
}

int ip_incomplete(struct ip_ctx *ipc)
{
	fprintf(ipc->err, "Command line is not complete. Try option \"help\"\n");
	return 255;
}

int ip_duparg(struct ip_ctx *ipc, const char *key, const char *arg)
{
	fprintf(ipc->err, "Error: duplicate \"%s\": \"%s\" is the second value.\n", key, arg);
	return 255;
}

int ip_duparg2(struct ip_ctx *ipc, const char *key, const char *arg)
{
	fprintf(ipc->err, "Error: either \"%s\" is duplicate, or \"%s\" is a garbage.\n",
		key, arg);
	return 255;
}

static const char *family_name(const struct ip_ctx *ipc)
{
	return ipc->family == AF_INET6 ? "inet6" : ipc->family ? "inet" : "any valid";
}

/* get_prefix()/get_addr() of a request whose family is `family` (0:
 * none yet), not -4's: "inet" once an earlier address set it */
int ip_bad_prefix_af(struct ip_ctx *ipc, int family, const char *arg)
{
	int saved = ipc->family, rc;

	ipc->family = family;
	rc = ip_bad_prefix(ipc, arg);
	ipc->family = saved;
	return rc;
}

int ip_bad_addr_af(struct ip_ctx *ipc, int family, const char *arg)
{
	int saved = ipc->family, rc;

	ipc->family = family;
	rc = ip_bad_addr(ipc, arg);
	ipc->family = saved;
	return rc;
}

int ip_bad_prefix(struct ip_ctx *ipc, const char *arg)
{
	fprintf(ipc->err, "Error: %s prefix is expected rather than \"%s\".\n",
		family_name(ipc), arg);
	return 1;
}

int ip_bad_addr(struct ip_ctx *ipc, const char *arg)
{
	fprintf(ipc->err, "Error: %s address is expected rather than \"%s\".\n",
		family_name(ipc), arg);
	return 1;
}

int ip_no_dev(struct ip_ctx *ipc, const char *name)
{
	fprintf(ipc->err, "Cannot find device \"%s\"\n", name);
	return 1;
}

int ip_rtnl_err(struct ip_ctx *ipc, int err, const struct netlink_ext_ack *ext)
{
	const char *msg = ext ? ext->_msg : NULL;

	if (msg && *msg) {
		size_t n = strlen(msg);

		fprintf(ipc->err, "Error: %s%s\n", msg, msg[n - 1] == '.' ? "" : ".");
	} else {
		fprintf(ipc->err, "RTNETLINK answers: %s\n", strerror(err < 0 ? -err : err));
	}
	return 2;
}

struct net_device *ip_dev_get(struct ip_ctx *ipc, const char *name)
{
	struct net_device *dev = __dev_get_by_name(ipc->net, name);

	if (!dev)
		ip_no_dev(ipc, name);
	return dev;
}

/* ---- names (iproute2 lib/rt_names.c with Debian's /etc/iproute2 files) ---- */

struct id_name {
	unsigned int id;
	const char *name;
};

static const struct id_name table_names[] = {
	{ 0, "unspec" }, { 253, "default" }, { 254, "main" }, { 255, "local" },
};

static const struct id_name scope_names[] = {
	{ 0, "global" }, { 200, "site" }, { 253, "link" }, { 254, "host" },
	{ 255, "nowhere" },
};

static const struct id_name proto_names[] = {
	{ 0, "unspec" }, { 1, "redirect" }, { 2, "kernel" }, { 3, "boot" },
	{ 4, "static" }, { 8, "gated" }, { 9, "ra" }, { 10, "mrt" },
	{ 11, "zebra" }, { 12, "bird" }, { 13, "dnrouted" }, { 14, "xorp" },
	{ 15, "ntk" }, { 16, "dhcp" }, { 18, "keepalived" }, { 42, "babel" },
	{ 99, "openr" }, { 186, "bgp" }, { 187, "isis" }, { 188, "ospf" },
	{ 189, "rip" }, { 192, "eigrp" },
};

static const struct id_name type_names[] = {
	{ 0, "none" }, { 1, "unicast" }, { 2, "local" }, { 3, "broadcast" },
	{ 4, "anycast" }, { 5, "multicast" }, { 6, "blackhole" },
	{ 7, "unreachable" }, { 8, "prohibit" }, { 9, "throw" }, { 10, "nat" },
	{ 11, "xresolve" },
};

static const char *id2name(const struct id_name *t, size_t n, unsigned int id,
			   char *buf)
{
	for (size_t i = 0; i < n; i++)
		if (t[i].id == id)
			return t[i].name;
	sprintf(buf, "%u", id);
	return buf;
}

static int name2id(const struct id_name *t, size_t n, unsigned int *id,
		   const char *arg, unsigned int max)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(t[i].name, arg)) {
			*id = t[i].id;
			return 0;
		}
	if (get_unsigned(id, arg, 0) || *id > max)
		return -1;
	return 0;
}

const char *rt_table_name(char *buf, uint32_t id)
{
	return id2name(table_names, ARRAY_SIZE(table_names), id, buf);
}

int rt_table_parse(uint32_t *id, const char *arg)
{
	unsigned int v;

	if (name2id(table_names, ARRAY_SIZE(table_names), &v, arg, UINT_MAX))
		return -1;
	*id = v;
	return 0;
}

const char *rt_scope_name(char *buf, unsigned int scope)
{
	return id2name(scope_names, ARRAY_SIZE(scope_names), scope, buf);
}

int rt_scope_parse(unsigned int *scope, const char *arg)
{
	return name2id(scope_names, ARRAY_SIZE(scope_names), scope, arg, 255);
}

const char *rt_proto_name(char *buf, unsigned int proto)
{
	return id2name(proto_names, ARRAY_SIZE(proto_names), proto, buf);
}

int rt_proto_parse(unsigned int *proto, const char *arg)
{
	return name2id(proto_names, ARRAY_SIZE(proto_names), proto, arg, 255);
}

const char *rt_type_name(char *buf, unsigned int type)
{
	return id2name(type_names, ARRAY_SIZE(type_names), type, buf);
}

/* rtnl_rtntype_a2n(): some names may be cut short (matches()), any
 * number up to 255 is a type */
int rt_type_parse(unsigned int *type, const char *arg)
{
	static const struct { const char *name; unsigned int id; bool abbrev; } t[] = {
		{ "local", 2, false }, { "nat", 10, false }, { "broadcast", 3, true },
		{ "brd", 3, false }, { "anycast", 4, true }, { "multicast", 5, true },
		{ "prohibit", 8, true }, { "unreachable", 7, true }, { "blackhole", 6, true },
		{ "xresolve", 11, true }, { "unicast", 1, true }, { "throw", 9, false },
	};
	unsigned int n;

	for (size_t i = 0; i < ARRAY_SIZE(t); i++)
		if (t[i].abbrev ? !matches(arg, t[i].name) : !strcmp(arg, t[i].name)) {
			*type = t[i].id;
			return 0;
		}
	if (get_unsigned(&n, arg, 0) || n > 255)
		return -1;
	*type = n;
	return 0;
}

/* inet_proto_n2a() (lib/utils.c): the name /etc/protocols gives, else
 * ipproto-N; kept here so that output does not depend on the host's file */
static const struct { u8 num; const char *name; } inet_protos[] = {
	{ 1, "icmp" }, { 2, "igmp" }, { 4, "ipencap" }, { 6, "tcp" }, { 17, "udp" },
	{ 41, "ipv6" }, { 47, "gre" }, { 50, "esp" }, { 51, "ah" }, { 58, "ipv6-icmp" },
	{ 132, "sctp" }, { 136, "udplite" },
};

const char *inet_proto_n2a(char *buf, u8 proto)
{
	for (size_t i = 0; i < ARRAY_SIZE(inet_protos); i++)
		if (inet_protos[i].num == proto)
			return inet_protos[i].name;
	sprintf(buf, "ipproto-%u", proto);
	return buf;
}

int inet_proto_a2n(u8 *proto, const char *v)
{
	for (size_t i = 0; i < ARRAY_SIZE(inet_protos); i++)
		if (!strcmp(inet_protos[i].name, v)) {
			*proto = inet_protos[i].num;
			return 0;
		}
	if (!strncmp(v, "ipproto-", 8))
		v += 8;
	return get_u8(proto, v, 0);
}

/* `ip route get … uid N ipproto P sport N dport N` (both families) */
int route_get_l4_word(struct ip_ctx *ipc, u8 *proto, __be16 *sport, __be16 *dport, int *uid,
		      const char *k, const char *v)
{
	u32 n;

	if (!strcmp(k, "uid")) {
		if (get_u32(&n, v, 0) || n > 0x7FFFFFFF)
			return ip_invarg(ipc, "invalid UID\n", v);
		*uid = (int)n;
	} else if (!strcmp(k, "ipproto")) {
		if (inet_proto_a2n(proto, v))
			return ip_invarg(ipc, "Invalid \"ipproto\" value\n", v);
	} else if (!strcmp(k, "sport") || !strcmp(k, "dport")) {
		if (get_u32(&n, v, 0) || n > 0xFFFF)
			return ip_invarg(ipc, k[0] == 's' ? "invalid sport\n" : "invalid dport\n", v);
		*(k[0] == 's' ? sport : dport) = htons((u16)n);
	} else {
		return -1;
	}
	return 0;
}

/* lib/color.c: cyan names, yellow MACs, magenta IPv4, blue IPv6, green UP,
 * red DOWN */
static const char *const ip_color_codes[] = {
	[COLOR_IFNAME] = "\033[36m", [COLOR_MAC] = "\033[33m", [COLOR_INET] = "\033[35m",
	[COLOR_INET6] = "\033[34m", [COLOR_OPERSTATE_UP] = "\033[32m",
	[COLOR_OPERSTATE_DOWN] = "\033[31m",
};

void ip_color_printf(struct ip_ctx *ipc, enum ip_color c, const char *fmt, ...)
{
	bool on = ipc->color && !ipc->json && c != COLOR_NONE;
	va_list ap;

	if (on)
		fputs(ip_color_codes[c], ipc->out);
	va_start(ap, fmt);
	vfprintf(ipc->out, fmt, ap);
	va_end(ap);
	if (on)
		fputs("\033[0m", ipc->out);
}

enum ip_color ip_oper_state_color(const char *state)
{
	if (!strcmp(state, "UP"))
		return COLOR_OPERSTATE_UP;
	if (!strcmp(state, "DOWN"))
		return COLOR_OPERSTATE_DOWN;
	return COLOR_NONE;
}

/* matches_color(): "-c", "-color", "-color=always|auto|never"; *val 1
 * (always), 2 (auto: stdout is no terminal in the world, so off), 0 (never) */
int ip_matches_color(const char *arg, int *val)
{
	char opt[32];
	const char *eq = strchr(arg, '=');
	size_t n = eq ? (size_t)(eq - arg) : strlen(arg);

	if (n >= sizeof(opt))
		return 0;
	memcpy(opt, arg, n);
	opt[n] = 0;
	if (matches(opt, "-color"))
		return 0;
	if (!eq || !strcmp(eq + 1, "always"))
		*val = 1;
	else if (!strcmp(eq + 1, "auto"))
		*val = 2;
	else if (!strcmp(eq + 1, "never"))
		*val = 0;
	else
		return 0;
	return 1;
}

/* rtnl_rtrealm_a2n(): "cosmos" or 0..255 */
static int realm_a2n(u32 *id, const char *arg)
{
	unsigned int v;

	if (!strcmp(arg, "cosmos")) {
		*id = 0;
		return 0;
	}
	if (get_unsigned(&v, arg, 0) || v > 255)
		return -1;
	*id = v;
	return 0;
}

/* get_rt_realms_or_raw(): [SRC/]DST, else a raw number */
int realms_parse(unsigned int *realms, const char *arg)
{
	const char *slash = strchr(arg, '/');
	u32 src = 0, dst = 0;
	char buf[32];

	if (slash && (size_t)(slash - arg) < sizeof(buf)) {
		memcpy(buf, arg, (size_t)(slash - arg));
		buf[slash - arg] = 0;
		if (!realm_a2n(&src, buf) && (!slash[1] || !realm_a2n(&dst, slash + 1))) {
			*realms = src << 16 | dst;
			return 0;
		}
	} else if (!slash && (!*arg || !realm_a2n(&dst, arg))) {
		*realms = dst;
		return 0;
	}
	return get_u32(realms, arg, 0);
}

/* read_family() */
int route_read_family(const char *w)
{
	static const struct { const char *name; int af; } fams[] = {
		{ "inet", AF_INET }, { "inet6", AF_INET6 }, { "link", AF_PACKET },
		{ "ipx", 4 }, { "mpls", 28 }, { "bridge", AF_BRIDGE },
	};

	for (size_t i = 0; i < ARRAY_SIZE(fams); i++)
		if (!strcmp(w, fams[i].name))
			return fams[i].af;
	return AF_UNSPEC;
}

/* get_time_rtt(): NUMBER[s|sec|secs|ms|msec|msecs] */
int route_time(const char *arg)
{
	static const char *const units[] = { "", "s", "sec", "secs", "ms", "msec", "msecs" };
	char *end;

	if (!*arg || *arg == '-')
		return -1;
	if (strchr(arg, '.'))
		(void)strtod(arg, &end);
	else
		(void)strtoul(arg, &end, 0);
	if (end == arg)
		return -1;
	for (size_t i = 0; i < ARRAY_SIZE(units); i++)
		if (!strcasecmp(end, units[i]))
			return 0;
	return -1;
}

/* the words of iproute_modify() that an IPv4 route checks and does not keep
 * (MPLS's as and ttl-propagate, IPv6's from and pref, expires, realms,
 * fastopen_no_cookie): 0, -1 when k is none of them, else the exit status */
int route_word_unkept(struct ip_ctx *ipc, int *family, int *argc, char ***argv)
{
	const char *k = (*argv)[0];
	struct inet_prefix p;
	unsigned int n;
	__be32 addr;
	u32 u;

	if (!strcmp(k, "as")) {
		/* RTA_NEWDST: MPLS's; an IPv4 route ignores it */
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (!strcmp((*argv)[0], "to")) {
			if (!ip_next_arg(argc, argv))
				return ip_incomplete(ipc);
		}
		if (parse_ipv4(&addr, (*argv)[0]))
			return ip_bad_addr_af(ipc, *family, (*argv)[0]);
		*family = AF_INET;
	} else if (!strcmp(k, "from")) {
		/* RTA_SRC: IPv4's FIB has no source prefixes (ignored) */
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (parse_prefix(&p, (*argv)[0]))
			return ip_bad_prefix_af(ipc, *family, (*argv)[0]);
		if (!p.is_default)
			*family = AF_INET;
	} else if (!strcmp(k, "expires")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (get_u32(&u, (*argv)[0], 0))
			return ip_invarg(ipc, "\"expires\" value is invalid\n", (*argv)[0]);
	} else if (!matches(k, "pref")) {
		u8 pref;

		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);	/* RTA_PREF: IPv6's; an IPv4 route ignores it */
		if (strcmp((*argv)[0], "low") && strcmp((*argv)[0], "medium") &&
		    strcmp((*argv)[0], "high") && get_u8(&pref, (*argv)[0], 0))
			return ip_invarg(ipc, "\"pref\" value is invalid\n", (*argv)[0]);
	} else if (!strcmp(k, "ttl-propagate")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);	/* MPLS's; an IPv4 route ignores it */
		if (matches((*argv)[0], "enabled") && matches((*argv)[0], "disabled"))
			return ip_invarg(ipc, "\"ttl-propagate\" value is invalid\n", (*argv)[0]);
	} else if (!matches(k, "fastopen_no_cookie")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);	/* RTAX_FASTOPEN_NO_COOKIE: checked, not kept */
		if (get_unsigned(&n, (*argv)[0], 0))
			return ip_invarg(ipc, "\"fastopen_no_cookie\" value is invalid\n",
					 (*argv)[0]);
		if (n > 1)
			return ip_invarg(ipc, "\"fastopen_no_cookie\" value should be 0 or 1\n",
					 (*argv)[0]);
	} else if (!matches(k, "realms")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);	/* RTA_FLOW: checked, not kept (no route classifier) */
		if (realms_parse(&u, (*argv)[0]))
			return ip_invarg(ipc, "\"realm\" value is invalid\n", (*argv)[0]);
	} else {
		return -1;
	}
	return 0;
}

/* The family iproute2 gives a route request that -4/-6 did not fix.  For
 * add/del…, the first address's: `via inet6 ADDR` after an IPv4 destination
 * leaves it IPv4 (RTA_VIA); before one, or after `default`, it makes the
 * route IPv6.  show/flush/get list IPv4 routes unless an IPv6 address is
 * given, other than a `via inet6` filter's (IPv4 routes' IPv6 gateways). */
bool route_args_inet6(int argc, char **argv, bool modify)
{
	for (int i = 0; i < argc; i++) {
		if (!modify) {
			if (i > 1 && !strcmp(argv[i - 1], "inet6") && !strcmp(argv[i - 2], "via"))
				continue;
			if (ip_args_inet6(1, &argv[i]) &&
			    !(i > 0 && (!strcmp(argv[i - 1], "dev") || !strcmp(argv[i - 1], "oif") ||
					!strcmp(argv[i - 1], "iif"))))
				return true;
			continue;
		}
		const char *w = argv[i];
		char buf[INET_ADDRSTRLEN + 4];
		struct in_addr a4;

		if (!strcmp(w, "dev") || !strcmp(w, "oif") || !strcmp(w, "iif") ||
		    !strcmp(w, "table") || !strcmp(w, "label") || !strcmp(w, "lladdr")) {
			i++;
			continue;
		}
		snprintf(buf, sizeof(buf), "%.*s", (int)strcspn(w, "/"), w);
		if (strlen(w) < sizeof(buf) && inet_pton(AF_INET, buf, &a4) == 1)
			return false;
		if (strchr(w, ':') && ip_args_inet6(1, &argv[i]))
			return true;
	}
	return false;
}
