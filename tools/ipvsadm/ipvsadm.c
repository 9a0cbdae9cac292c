/* ipvsadm, as Debian's ipvsadm 1.31 parses and prints it: -A/-E/-D
 * services, -a/-e/-d real servers, -C, -Z, -L/-l [-n] [--stats|--rate|
 * --thresholds|--persistent-conn|-c|--timeout] [--exact] [--nosort],
 * -S/--save [-n], -R/--restore (stdin), --set tcp tcpfin udp, -h, -v.
 * The option/command table, the messages and the exit statuses are
 * ipvsadm's: fail() exits 2, a refused request prints libipvs's
 * ipvs_strerror() text and exits 255.  Addresses print numerically (a
 * world has no resolver); without -n ports print as service names. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netdb.h>
#include "linux/slab.h"
#include "skbox/cmd.h"
#include "net/ip_vs.h"
#include "net/world.h"

#define DEF_SCHED "wlc"
#define MAX_TIMEOUT (86400 * 31)
#define IPVS_SVC_PERSISTENT_TIMEOUT 300

enum { CMD_NONE, CMD_ADD, CMD_EDIT, CMD_DEL, CMD_FLUSH, CMD_LIST, CMD_ADDDEST, CMD_DELDEST,
       CMD_EDITDEST, CMD_TIMEOUT, CMD_STARTDAEMON, CMD_STOPDAEMON, CMD_RESTORE, CMD_SAVE,
       CMD_ZERO };
#define NUMBER_OF_CMD 14

static const char *const cmdnames[] = {
	"add-service", "edit-service", "delete-service", "flush", "list", "add-server",
	"delete-server", "edit-server", "set", "start-daemon", "stop-daemon", "restore", "save",
	"zero",
};

enum { OPT_NUMERIC = 1 << 0, OPT_CONNECTION = 1 << 1, OPT_SERVICE = 1 << 2,
       OPT_SCHEDULER = 1 << 3, OPT_PERSISTENT = 1 << 4, OPT_NETMASK = 1 << 5,
       OPT_SERVER = 1 << 6, OPT_FORWARD = 1 << 7, OPT_WEIGHT = 1 << 8,
       OPT_UTHRESHOLD = 1 << 9, OPT_LTHRESHOLD = 1 << 10, OPT_MCAST = 1 << 11,
       OPT_TIMEOUT = 1 << 12, OPT_DAEMON = 1 << 13, OPT_STATS = 1 << 14, OPT_RATE = 1 << 15,
       OPT_THRESHOLDS = 1 << 16, OPT_PERSISTENTCONN = 1 << 17, OPT_NOSORT = 1 << 18,
       OPT_SYNCID = 1 << 19, OPT_EXACT = 1 << 20, OPT_ONEPACKET = 1 << 21 };
#define NUMBER_OF_OPT 22

static const char *const optnames[] = {
	"numeric", "connection", "service-address", "scheduler", "persistent", "netmask",
	"real-server", "forwarding-method", "weight", "u-threshold", "l-threshold",
	"mcast-interface", "timeout", "daemon", "stats", "rate", "thresholds", "persistent-conn",
	"nosort", "syncid", "exact", "ops",
};

/* '+' compulsory, 'x' illegal, '1' exclusive, ' ' optional (ipvsadm.c) */
static const char commands_v_options[NUMBER_OF_CMD][NUMBER_OF_OPT + 1] = {
	/*         -ncsvc-s-p-M-rfw-w-x-y...*/
	/*ADD*/     "xx+   xxxxxxxxxxxxxxx ",
	/*EDIT*/    "xx+   xxxxxxxxxxxxxxx ",
	/*DEL*/     "xx+xxxxxxxxxxxxxxxxxxx",
	/*FLUSH*/   "xxxxxxxxxxxxxxxxxxxxxx",
	/*LIST*/    " 11xxxxxxxxx11       x",
	/*ADDSRV*/  "xx+xxx+    xxxxxxxxxxx",
	/*DELSRV*/  "xx+xxx+xxxxxxxxxxxxxxx",
	/*EDITSRV*/ "xx+xxx+    xxxxxxxxxxx",
	/*TIMEOUT*/ "xxxxxxxxxxxxxxxxxxxxxx",
	/*STARTD*/  "xxxxxxxxxxx xxxxxxx xx",
	/*STOPD*/   "xxxxxxxxxxxxxxxxxxx xx",
	/*RESTORE*/ "xxxxxxxxxxxxxxxxxxxxxx",
	/*SAVE*/    " xxxxxxxxxxxxxxxxxxxxx",
	/*ZERO*/    "xx xxxxxxxxxxxxxxxxxxx",
};

#define FMT_NUMERIC 0x0001
#define FMT_RULE 0x0002
#define FMT_STATS 0x0004
#define FMT_RATE 0x0008
#define FMT_THRESHOLDS 0x0010
#define FMT_PERSISTENTCONN 0x0020
#define FMT_NOSORT 0x0040
#define FMT_EXACT 0x0080

#define FAILED 2		/* fail(): the exit status */
#define REFUSED 255		/* a request the kernel refused (-1 from main) */

struct ipvsadm {
	struct cmd_ctx *ctx;
	int cmd;
	unsigned int options, format;
	struct ip_vs_service_user svc;
	struct ip_vs_dest_user dest;
	int tcp, tcpfin, udp;
	bool svc_has_port;
};

static int fail(struct ipvsadm *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int fail(struct ipvsadm *a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(a->ctx->err, fmt, ap);
	va_end(ap);
	fputc('\n', a->ctx->err);
	return FAILED;
}

static int tryhelp(struct ipvsadm *a)
{
	fprintf(a->ctx->err, "Try `ipvsadm -h' or 'ipvsadm --help' for more information.\n");
	return REFUSED;
}

/* libipvs's ipvs_strerror(): per request, then generic */
static const char *ipvs_strerror(int cmd, int err)
{
	static const struct { int cmd, err; const char *msg; } table[] = {
		{ CMD_ADD, EEXIST, "Service already exists" },
		{ CMD_ADD, ENOENT, "Scheduler or persistence engine not found" },
		{ CMD_EDIT, ESRCH, "No such service" },
		{ CMD_EDIT, ENOENT, "Scheduler or persistence engine not found" },
		{ CMD_DEL, ESRCH, "No such service" },
		{ CMD_ZERO, ESRCH, "No such service" },
		{ CMD_ADDDEST, ESRCH, "Service not defined" },
		{ CMD_ADDDEST, EEXIST, "Destination already exists" },
		{ CMD_EDITDEST, ESRCH, "Service not defined" },
		{ CMD_EDITDEST, ENOENT, "No such destination" },
		{ CMD_DELDEST, ESRCH, "Service not defined" },
		{ CMD_DELDEST, ENOENT, "No such destination" },
		{ CMD_LIST, ESRCH, "No such service" },
		{ 0, EPERM, "Permission denied (you must be root)" },
		{ 0, EINVAL, "Invalid operation.  Possibly wrong module version, address not unicast, ..." },
		{ 0, ENOPROTOOPT, "Protocol not available" },
		{ 0, ENOMEM, "Memory allocation problem" },
		{ 0, EOPNOTSUPP, "Operation not supported with IPv6" },
		{ 0, EAFNOSUPPORT, "Operation not supported with specified address family" },
		{ 0, EMSGSIZE, "Module is wrong version" },
	};

	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
		if ((!table[i].cmd || table[i].cmd == cmd) && table[i].err == err)
			return table[i].msg;
	return strerror(err);
}

/* ---- parsing helpers (string_to_number, parse_service, ...) ---- */
static int string_to_number(const char *s, int min, int max)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (*end == '\0' && end != s && errno != ERANGE && min <= n && n <= max)
		return (int)n;
	return -1;
}

static int service_to_port(const char *name, u16 proto)
{
	struct servent *se = getservbyname(name, proto == IPPROTO_TCP ? "tcp" : "udp");

	return se ? ntohs((u16)se->s_port) : -1;
}

#define SERVICE_ADDR 0x1
#define SERVICE_PORT 0x2

static int parse_service(const char *arg, u16 proto, __be32 *addr, __be16 *port)
{
	char buf[256], *portp;
	struct in_addr in;
	int n, result = 0;

	if (!arg || strspn(arg, "0123456789") == strlen(arg) || strlen(arg) >= sizeof(buf))
		return 0;
	strcpy(buf, arg);
	portp = strrchr(buf, ':');
	if (portp)
		*portp = '\0';
	if (!inet_aton(buf, &in))
		return 0;
	*addr = in.s_addr;
	result |= SERVICE_ADDR;
	if (portp) {
		result |= SERVICE_PORT;
		n = string_to_number(portp + 1, 0, 65535);
		if (n < 0)
			n = service_to_port(portp + 1, proto);
		if (n < 0)
			return 0;
		*port = htons((u16)n);
	}
	return result;
}

static int parse_timeout(struct ipvsadm *a, const char *s, int min, int max, int *out)
{
	if (!s) {
		*out = IPVS_SVC_PERSISTENT_TIMEOUT;
		return 0;
	}
	*out = string_to_number(s, min, max);
	if (*out == -1)
		return fail(a, "invalid timeout value `%s' specified", s);
	return 0;
}

static int set_command(struct ipvsadm *a, int cmd)
{
	if (a->cmd != CMD_NONE)
		return fail(a, "multiple commands specified");
	a->cmd = cmd;
	return 0;
}

static int set_option(struct ipvsadm *a, unsigned int opt)
{
	if (a->options & opt) {
		unsigned int i = 0;

		while (!(opt & (1u << i)))
			i++;
		return fail(a, "multiple '%s' options specified", optnames[i]);
	}
	a->options |= opt;
	return 0;
}

static int generic_opt_check(struct ipvsadm *a)
{
	const char *row = commands_v_options[a->cmd - 1];
	int last = 0, count = 0;

	for (int j = 0; j < NUMBER_OF_OPT; j++) {
		if (!(a->options & (1u << j))) {
			if (row[j] == '+')
				return fail(a, "You need to supply the '%s' option for the '%s' command",
					    optnames[j], cmdnames[a->cmd - 1]);
			continue;
		}
		if (row[j] == 'x')
			return fail(a, "Illegal '%s' option with the '%s' command", optnames[j],
				    cmdnames[a->cmd - 1]);
		if (row[j] == '1') {
			if (++count == 1) {
				last = j;
				continue;
			}
			return fail(a, "The option '%s' conflicts with the '%s' option in the '%s' command",
				    optnames[j], optnames[last], cmdnames[a->cmd - 1]);
		}
	}
	return 0;
}

/* ---- the option table (popt's, with its combined short options) ---- */
enum { TAG_SET = 128, TAG_START_DAEMON, TAG_STOP_DAEMON, TAG_MCAST_INTERFACE, TAG_TIMEOUT,
       TAG_DAEMON, TAG_STATS, TAG_RATE, TAG_THRESHOLDS, TAG_PERSISTENTCONN, TAG_SORT,
       TAG_NO_SORT, TAG_SYNCID };

struct ipvs_opt {
	const char *name;
	char shortname;
	int val;
	int arg;		/* 0 none, 1 required, 2 optional */
};

static const struct ipvs_opt options_table[] = {
	{ "add-service", 'A', 'A', 0 }, { "edit-service", 'E', 'E', 0 },
	{ "delete-service", 'D', 'D', 0 }, { "clear", 'C', 'C', 0 }, { "list", 'L', 'L', 0 },
	{ "list", 'l', 'l', 0 }, { "zero", 'Z', 'Z', 0 }, { "add-server", 'a', 'a', 0 },
	{ "edit-server", 'e', 'e', 0 }, { "delete-server", 'd', 'd', 0 },
	{ "set", 0, TAG_SET, 0 }, { "help", 'h', 'h', 0 }, { "version", 'v', 'v', 0 },
	{ "restore", 'R', 'R', 0 }, { "save", 'S', 'S', 0 },
	{ "start-daemon", 0, TAG_START_DAEMON, 1 }, { "stop-daemon", 0, TAG_STOP_DAEMON, 1 },
	{ "tcp-service", 't', 't', 1 }, { "udp-service", 'u', 'u', 1 },
	{ "fwmark-service", 'f', 'f', 1 }, { "scheduler", 's', 's', 1 },
	{ "persistent", 'p', 'p', 2 }, { "netmask", 'M', 'M', 1 }, { "real-server", 'r', 'r', 1 },
	{ "masquerading", 'm', 'm', 0 }, { "ipip", 'i', 'i', 0 }, { "gatewaying", 'g', 'g', 0 },
	{ "weight", 'w', 'w', 1 }, { "u-threshold", 'x', 'x', 1 }, { "l-threshold", 'y', 'y', 1 },
	{ "numeric", 'n', 'n', 0 }, { "connection", 'c', 'c', 0 },
	{ "mcast-interface", 0, TAG_MCAST_INTERFACE, 1 }, { "syncid", 0, TAG_SYNCID, 1 },
	{ "timeout", 0, TAG_TIMEOUT, 0 }, { "daemon", 0, TAG_DAEMON, 0 },
	{ "stats", 0, TAG_STATS, 0 }, { "rate", 0, TAG_RATE, 0 },
	{ "thresholds", 0, TAG_THRESHOLDS, 0 }, { "persistent-conn", 0, TAG_PERSISTENTCONN, 0 },
	{ "nosort", 0, TAG_NO_SORT, 0 }, { "sort", 0, TAG_SORT, 0 }, { "exact", 'X', 'X', 0 },
	{ "ipv6", '6', '6', 0 }, { "ops", 'o', 'o', 0 },
};

struct popt {
	int argc, i;
	char **argv;
	const char *cluster;		/* rest of a "-Ln" group */
	const char *bad;		/* the option popt could not take */
	const char *leftover[8];	/* arguments that are not options */
	int nleft;
};

static const struct ipvs_opt *opt_by_long(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof(options_table) / sizeof(options_table[0]); i++)
		if (strlen(options_table[i].name) == len && !strncmp(options_table[i].name, name, len))
			return &options_table[i];
	return NULL;
}

static const struct ipvs_opt *opt_by_short(char c)
{
	for (size_t i = 0; i < sizeof(options_table) / sizeof(options_table[0]); i++)
		if (options_table[i].shortname == c)
			return &options_table[i];
	return NULL;
}

/* The option's argument: the rest of the group, "=value", or the next word
 * (an optional one only when it does not look like an option). */
static int popt_arg(struct popt *p, const struct ipvs_opt *o, const char *inl, const char **arg)
{
	*arg = NULL;
	if (!o->arg)
		return 0;
	if (inl && *inl) {
		*arg = inl;
		return 0;
	}
	if (p->i < p->argc && (o->arg == 1 || p->argv[p->i][0] != '-')) {
		*arg = p->argv[p->i++];
		return 0;
	}
	return o->arg == 1 ? -1 : 0;
}

/* >= 0 an option value, -1 the end, -2 unknown option, -3 missing argument */
static int popt_next(struct popt *p, const char **arg)
{
	const struct ipvs_opt *o;

	*arg = NULL;
	while (!p->cluster || !*p->cluster) {
		const char *w;

		p->cluster = NULL;
		if (p->i >= p->argc)
			return -1;
		w = p->argv[p->i++];
		if (w[0] == '-' && w[1] == '-' && w[2]) {
			const char *eq = strchr(w + 2, '=');

			o = opt_by_long(w + 2, eq ? (size_t)(eq - w - 2) : strlen(w + 2));
			p->bad = w;
			if (!o)
				return -2;
			if (popt_arg(p, o, eq ? eq + 1 : NULL, arg))
				return -3;
			return o->val;
		}
		if (w[0] == '-' && w[1]) {
			p->cluster = w + 1;
			break;
		}
		if (p->nleft < 8)
			p->leftover[p->nleft++] = w;
	}
	o = opt_by_short(*p->cluster);
	p->bad = p->cluster - 1;
	if (!o)
		return -2;
	p->cluster++;
	if (o->arg) {
		const char *inl = p->cluster;

		p->cluster = NULL;
		if (popt_arg(p, o, inl, arg))
			return -3;
	}
	return o->val;
}

static int parse_command(struct ipvsadm *a, int c)
{
	static const struct { int c, cmd; } map[] = {
		{ 'A', CMD_ADD }, { 'E', CMD_EDIT }, { 'D', CMD_DEL }, { 'a', CMD_ADDDEST },
		{ 'e', CMD_EDITDEST }, { 'd', CMD_DELDEST }, { 'C', CMD_FLUSH }, { 'L', CMD_LIST },
		{ 'l', CMD_LIST }, { 'Z', CMD_ZERO }, { TAG_SET, CMD_TIMEOUT }, { 'R', CMD_RESTORE },
		{ 'S', CMD_SAVE },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (map[i].c == c)
			return set_command(a, map[i].cmd);
	return -1;
}

static int parse_service_opt(struct ipvsadm *a, int c, const char *arg)
{
	int err = set_option(a, OPT_SERVICE), parse;

	if (err)
		return err;
	if (c == 'f') {		/* the protocol set to a sane value, though it is not used */
		char *end;
		unsigned long m = strtoul(arg, &end, 10);

		if (*end || !*arg || !m || m > 0xffffffffUL)
			return fail(a, "invalid fwmark value `%s' specified", arg);
		a->svc.fwmark = (u32)m;
		a->svc.protocol = IPPROTO_TCP;
		return 0;
	}
	a->svc.protocol = c == 't' ? IPPROTO_TCP : IPPROTO_UDP;
	parse = parse_service(arg, a->svc.protocol, &a->svc.addr, &a->svc.port);
	if (!(parse & SERVICE_ADDR))
		return fail(a, "illegal virtual server address[:port] specified");
	a->svc_has_port = parse & SERVICE_PORT;
	return 0;
}

static int parse_server_opt(struct ipvsadm *a, const char *arg)
{
	int err = set_option(a, OPT_SERVER), parse;

	if (err)
		return err;
	parse = parse_service(arg, a->svc.protocol, &a->dest.addr, &a->dest.port);
	if (!(parse & SERVICE_ADDR))
		return fail(a, "illegal real server address[:port] specified");
	if (parse == SERVICE_ADDR)	/* copy vport to dport if not specified */
		a->dest.port = a->svc.port;
	return 0;
}

static int parse_number_opt(struct ipvsadm *a, int c, const char *arg)
{
	unsigned int opt = c == 'w' ? OPT_WEIGHT : c == 'x' ? OPT_UTHRESHOLD : OPT_LTHRESHOLD;
	int err = set_option(a, opt), v;

	if (err)
		return err;
	v = string_to_number(arg, 0, c == 'w' ? 65535 : INT_MAX);
	if (v == -1)
		return fail(a, "illegal %s specified",
			    c == 'w' ? "weight" : c == 'x' ? "u_threshold" : "l_threshold");
	if (c == 'w')
		a->dest.weight = v;
	else if (c == 'x')
		a->dest.u_threshold = (u32)v;
	else
		a->dest.l_threshold = (u32)v;
	return 0;
}

static int parse_flag_opt(struct ipvsadm *a, int c)
{
	static const struct { int c; unsigned int opt, fmt; } map[] = {
		{ 'c', OPT_CONNECTION, 0 }, { 'n', OPT_NUMERIC, FMT_NUMERIC },
		{ TAG_TIMEOUT, OPT_TIMEOUT, 0 }, { TAG_DAEMON, OPT_DAEMON, 0 },
		{ TAG_STATS, OPT_STATS, FMT_STATS }, { TAG_RATE, OPT_RATE, FMT_RATE },
		{ TAG_THRESHOLDS, OPT_THRESHOLDS, FMT_THRESHOLDS },
		{ TAG_PERSISTENTCONN, OPT_PERSISTENTCONN, FMT_PERSISTENTCONN },
		{ TAG_NO_SORT, OPT_NOSORT, FMT_NOSORT }, { 'X', OPT_EXACT, FMT_EXACT },
		{ 'o', OPT_ONEPACKET, 0 },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if (map[i].c != c)
			continue;
		a->format |= map[i].fmt;
		if (c == 'o')
			a->svc.flags |= IP_VS_SVC_F_ONEPACKET;
		return set_option(a, map[i].opt);
	}
	return -1;
}

static int parse_one(struct ipvsadm *a, int c, const char *arg, const char *bad)
{
	int err, v;

	switch (c) {
	case 't': case 'u': case 'f':
		return parse_service_opt(a, c, arg);
	case 's':
		err = set_option(a, OPT_SCHEDULER);
		snprintf(a->svc.sched_name, sizeof(a->svc.sched_name), "%s", arg);
		return err;
	case 'p':
		err = set_option(a, OPT_PERSISTENT);
		a->svc.flags |= IP_VS_SVC_F_PERSISTENT;
		if (!err)
			err = parse_timeout(a, arg, 1, MAX_TIMEOUT, &v);
		a->svc.timeout = (unsigned int)v;
		return err;
	case 'M': {
		struct in_addr in;

		err = set_option(a, OPT_NETMASK);
		if (!err && !inet_aton(arg, &in))
			return fail(a, "illegal virtual server persistent mask specified");
		a->svc.netmask = in.s_addr;
		return err;
	}
	case 'r':
		return parse_server_opt(a, arg);
	case 'i': case 'g': case 'm':
		err = set_option(a, OPT_FORWARD);
		a->dest.conn_flags = c == 'i' ? IP_VS_CONN_F_TUNNEL :
				     c == 'g' ? IP_VS_CONN_F_DROUTE : IP_VS_CONN_F_MASQ;
		return err;
	case 'w': case 'x': case 'y':
		return parse_number_opt(a, c, arg);
	case TAG_MCAST_INTERFACE:
		return set_option(a, OPT_MCAST);
	case TAG_SYNCID:
		return set_option(a, OPT_SYNCID);
	case TAG_SORT:
		return 0;
	case '6':
		return fail(a, "-6 used before -f\n");
	default:
		err = parse_flag_opt(a, c);
		return err == -1 ? fail(a, "invalid option `%s'", bad) : err;
	}
}

static void usage(struct ipvsadm *a, FILE *f);

static int parse_options(struct ipvsadm *a, int argc, char **argv)
{
	struct popt p = { .argc = argc, .argv = argv, .i = 1 };
	const char *arg;
	int c = popt_next(&p, &arg), err;

	if (c < 0)
		return tryhelp(a);
	if (c == 'h') {
		usage(a, a->ctx->out);
		return -1;
	}
	if (c == 'v') {
		fprintf(a->ctx->out, "ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n");
		return -1;
	}
	if (c == TAG_START_DAEMON || c == TAG_STOP_DAEMON)
		return fail(a, "Can't initialize the sync daemon (not in skbox)");
	if (parse_command(a, c))
		return tryhelp(a);
	while ((c = popt_next(&p, &arg)) >= 0) {
		err = parse_one(a, c, arg, p.bad);
		if (err)
			return err;
	}
	if (c < -1) {
		fprintf(a->ctx->err, "%s: %s\n", p.bad, c == -2 ? "unknown option" : "missing argument");
		return REFUSED;
	}
	if (a->cmd == CMD_TIMEOUT) {
		if (p.nleft < 3)
			return fail(a, "--set option requires 3 timeout values");
		if (parse_timeout(a, p.leftover[0], 0, MAX_TIMEOUT, &a->tcp) ||
		    parse_timeout(a, p.leftover[1], 0, MAX_TIMEOUT, &a->tcpfin) ||
		    parse_timeout(a, p.leftover[2], 0, MAX_TIMEOUT, &a->udp))
			return FAILED;
		memmove(p.leftover, p.leftover + 3, sizeof(p.leftover[0]) * 5);
		p.nleft -= 3;
	}
	if (p.nleft)
		return fail(a, "unexpected argument %s", p.leftover[0]);
	return 0;
}

/* ---- listing ---- */
static void addrport(char *buf, size_t len, __be32 addr, __be16 port, u16 proto,
		     unsigned int format)
{
	struct in_addr in = { .s_addr = addr };
	struct servent *se = NULL;

	if (!(format & FMT_NUMERIC))
		se = getservbyport(port, proto == IPPROTO_TCP ? "tcp" : "udp");
	if (se)
		snprintf(buf, len, "%s:%s", inet_ntoa(in), se->s_name);
	else
		snprintf(buf, len, "%s:%u", inet_ntoa(in), ntohs(port));
}

static void print_largenum(FILE *f, unsigned long long i, unsigned int format)
{
	if (format & FMT_EXACT) {
		int len = snprintf(NULL, 0, "%llu", i);

		fprintf(f, "%*llu", len <= 8 ? 9 : len + 1, i);
	} else if (i < 100000000ULL) {
		fprintf(f, "%9llu", i);
	} else if (i < 1000000000ULL) {
		fprintf(f, "%8lluK", i / 1000);
	} else if (i < 100000000000ULL) {
		fprintf(f, "%8lluM", i / 1000000);
	} else if (i < 100000000000000ULL) {
		fprintf(f, "%8lluG", i / 1000000000ULL);
	} else {
		fprintf(f, "%8lluT", i / 1000000000000ULL);
	}
}

static void print_title(FILE *f, unsigned int format)
{
	if (format & FMT_STATS)
		fprintf(f, "%-33s %8s %8s %8s %8s %8s\n  -> RemoteAddress:Port\n",
			"Prot LocalAddress:Port", "Conns", "InPkts", "OutPkts", "InBytes", "OutBytes");
	else if (format & FMT_RATE)
		fprintf(f, "%-33s %8s %8s %8s %8s %8s\n  -> RemoteAddress:Port\n",
			"Prot LocalAddress:Port", "CPS", "InPPS", "OutPPS", "InBPS", "OutBPS");
	else if (format & FMT_THRESHOLDS)
		fprintf(f, "%-33s %-10s %-10s %-10s %-10s\n  -> RemoteAddress:Port\n",
			"Prot LocalAddress:Port", "Uthreshold", "Lthreshold", "ActiveConn", "InActConn");
	else if (format & FMT_PERSISTENTCONN)
		fprintf(f, "%-33s %-9s %-11s %-10s %-10s\n  -> RemoteAddress:Port\n",
			"Prot LocalAddress:Port", "Weight", "PersistConn", "ActiveConn", "InActConn");
	else if (!(format & FMT_RULE))
		fprintf(f, "Prot LocalAddress:Port Scheduler Flags\n"
			"  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n");
}

static void print_stats(FILE *f, struct world *w, struct ip_vs_stats *s, unsigned int format)
{
	u64 v[5];

	if (format & FMT_RATE) {
		ip_vs_read_rates(w, s, v);
	} else {
		ip_vs_est_update(w, s);
		v[0] = s->conns, v[1] = s->inpkts, v[2] = s->outpkts;
		v[3] = s->inbytes, v[4] = s->outbytes;
	}
	for (int i = 0; i < 5; i++)
		print_largenum(f, v[i], format);
}

static const char *fwd_name(unsigned int flags)
{
	static const char *const n[] = { "Masq", "Local", "Tunnel", "Route" };

	return n[flags & 3];
}

static const char *fwd_switch(unsigned int flags)
{
	static const char *const n[] = { "-m", "-g", "-i", "-g" };

	return n[flags & 3];
}

static void print_svc_line(struct ipvsadm *a, struct ip_vs_service *svc, const char *name)
{
	FILE *f = a->ctx->out;
	unsigned int format = a->format;
	struct in_addr mask = { .s_addr = svc->netmask };

	if (format & FMT_RULE) {
		fprintf(f, "-A %s -s %s", name, svc->scheduler->name);
		if (svc->flags & IP_VS_SVC_F_PERSISTENT) {
			fprintf(f, " -p %u", svc->timeout);
			if (svc->netmask != 0xffffffff)
				fprintf(f, " -M %s", inet_ntoa(mask));
		}
		if (svc->flags & IP_VS_SVC_F_ONEPACKET)
			fprintf(f, " -o");
	} else if (format & (FMT_STATS | FMT_RATE)) {
		fprintf(f, "%-33s", name);
		print_stats(f, a->ctx->world, &svc->stats, format);
	} else {
		fprintf(f, "%s %s", name, svc->scheduler->name);
		if (svc->flags & IP_VS_SVC_F_PERSISTENT) {
			fprintf(f, " persistent %u", svc->timeout);
			if (svc->netmask != 0xffffffff)
				fprintf(f, " mask %s", inet_ntoa(mask));
		}
		if (svc->flags & IP_VS_SVC_F_ONEPACKET)
			fprintf(f, " ops");
	}
	fputc('\n', f);
}

static void print_dest(struct ipvsadm *a, struct ip_vs_dest *e, const char *svc_name, u16 proto)
{
	FILE *f = a->ctx->out;
	unsigned int format = a->format;
	char d[64];

	addrport(d, sizeof(d), e->addr, e->port, proto, format);
	if (!(format & FMT_RULE))
		d[28] = '\0';
	if (format & FMT_RULE) {
		fprintf(f, "-a %s -r %s %s -w %d\n", svc_name, d, fwd_switch(e->conn_flags),
			e->weight);
	} else if (format & (FMT_STATS | FMT_RATE)) {
		fprintf(f, "  -> %-28s", d);
		print_stats(f, a->ctx->world, &e->stats, format);
		fputc('\n', f);
	} else if (format & FMT_THRESHOLDS) {
		fprintf(f, "  -> %-28s %-10u %-10u %-10u %-10u\n", d, e->u_threshold, e->l_threshold,
			e->activeconns, e->inactconns);
	} else if (format & FMT_PERSISTENTCONN) {
		fprintf(f, "  -> %-28s %-9u %-11u %-10u %-10u\n", d, e->weight, e->persistconns,
			e->activeconns, e->inactconns);
	} else {
		fprintf(f, "  -> %-28s %-7s %-6d %-10u %-10u\n", d, fwd_name(e->conn_flags), e->weight,
			e->activeconns, e->inactconns);
	}
}

/* ipvs_cmp_services / ipvs_cmp_dests: int differences, as libipvs */
static int cmp_dests(const void *x, const void *y)
{
	const struct ip_vs_dest *a = *(struct ip_vs_dest *const *)x;
	const struct ip_vs_dest *b = *(struct ip_vs_dest *const *)y;
	int r = (int)(ntohl(a->addr) - ntohl(b->addr));

	return r ? r : ntohs(a->port) - ntohs(b->port);
}

static int cmp_services(const void *x, const void *y)
{
	const struct ip_vs_service *a = *(struct ip_vs_service *const *)x;
	const struct ip_vs_service *b = *(struct ip_vs_service *const *)y;
	int r = (int)(a->fwmark - b->fwmark);

	if (!r)
		r = a->protocol - b->protocol;
	if (!r)
		r = (int)(ntohl(a->addr) - ntohl(b->addr));
	return r ? r : ntohs(a->port) - ntohs(b->port);
}

static void print_service_entry(struct ipvsadm *a, struct ip_vs_service *svc)
{
	struct ip_vs_dest **v = kcalloc(svc->num_dests + 1, sizeof(*v));
	struct ip_vs_dest *dest;
	char addr[64], name[80];
	size_t n = 0;

	if (!v)
		return;
	list_for_each_entry(dest, &svc->destinations, n_list)
		v[n++] = dest;
	addrport(addr, sizeof(addr), svc->addr, svc->port, svc->protocol, a->format);
	if (svc->fwmark) {
		snprintf(name, sizeof(name), (a->format & FMT_RULE) ? "-f %u" : "FWM  %u",
			 svc->fwmark);
	} else if (a->format & FMT_RULE) {
		snprintf(name, sizeof(name), "%s %s", svc->protocol == IPPROTO_TCP ? "-t" : "-u", addr);
	} else {
		snprintf(name, sizeof(name), "%s  %s", svc->protocol == IPPROTO_TCP ? "TCP" : "UDP",
			 addr);
		name[33] = '\0';
	}
	print_svc_line(a, svc, name);
	if (!(a->format & FMT_NOSORT))
		qsort(v, n, sizeof(*v), cmp_dests);
	for (size_t i = 0; i < n; i++)
		print_dest(a, v[i], name, svc->protocol);
	free(v);
}

static int list_all(struct ipvsadm *a)
{
	struct netns_ipvs *ipvs = net_ipvs(a->ctx->net);
	struct ip_vs_service **v, *svc;
	size_t n = 0;

	if (!(a->format & FMT_RULE))
		fprintf(a->ctx->out, "IP Virtual Server version 1.2.1 (size=%u)\n",
			IP_VS_CONN_TAB_SIZE);
	print_title(a->ctx->out, a->format);
	if (!ipvs || !ipvs->num_services)
		return 0;
	v = kcalloc(ipvs->num_services, sizeof(*v));
	if (!v)
		return REFUSED;
	list_for_each_entry(svc, &ipvs->services, s_list)
		v[n++] = svc;
	if (!(a->format & FMT_NOSORT))
		qsort(v, n, sizeof(*v), cmp_services);
	for (size_t i = 0; i < n; i++)
		print_service_entry(a, v[i]);
	free(v);
	return 0;
}

static int list_service(struct ipvsadm *a)
{
	struct ip_vs_service *svc = a->svc.fwmark ?
		ip_vs_service_find_fwm(a->ctx->net, a->svc.fwmark) :
		ip_vs_service_find(a->ctx->net, a->svc.protocol, a->svc.addr, a->svc.port);

	if (!svc) {
		fprintf(a->ctx->err, "%s\n", ipvs_strerror(CMD_LIST, ESRCH));
		return 1;
	}
	print_title(a->ctx->out, a->format);
	print_service_entry(a, svc);
	return 0;
}

struct conn_list {
	struct ipvsadm *a;
};

/* /proc/net/ip_vs_conn read back as print_conn() shows it */
static void print_conn(struct ip_vs_conn *cp, void *arg)
{
	struct ipvsadm *a = ((struct conn_list *)arg)->a;
	unsigned int expires = ip_vs_conn_expires(cp);
	char c[64], v[64], d[64], exp[16];

	addrport(c, sizeof(c), cp->caddr, cp->cport, cp->protocol, a->format);
	addrport(v, sizeof(v), cp->vaddr, cp->vport, cp->protocol, a->format);
	addrport(d, sizeof(d), cp->daddr, cp->dport, cp->protocol, a->format);
	snprintf(exp, sizeof(exp), "%02u:%02u", expires / 60, expires % 60);
	fprintf(a->ctx->out, "%-3s %-6s %-11s %-18s %-18s %s\n",
		cp->protocol == IPPROTO_TCP ? "TCP" : "UDP", exp, ip_vs_state_name(cp), c, v, d);
}

static int list_conn(struct ipvsadm *a)
{
	struct conn_list l = { a };

	fprintf(a->ctx->out, "IPVS connection entries\n");
	fprintf(a->ctx->out, "pro expire %-11s %-18s %-18s %s\n", "state", "source", "virtual",
		"destination");
	ip_vs_conn_for_each(a->ctx->net, print_conn, &l);
	return 0;
}

static int list_timeout(struct ipvsadm *a)
{
	int tcp, tcpfin, udp;

	ip_vs_get_timeout(a->ctx->net, &tcp, &tcpfin, &udp);
	fprintf(a->ctx->out, "Timeout (tcp tcpfin udp): %d %d %d\n", tcp, tcpfin, udp);
	return 0;
}

/* ---- commands ---- */
static int do_list(struct ipvsadm *a)
{
	unsigned int o = a->options;

	if ((o & (OPT_CONNECTION | OPT_TIMEOUT | OPT_DAEMON)) &&
	    (o & (OPT_STATS | OPT_PERSISTENTCONN | OPT_RATE | OPT_THRESHOLDS)))
		return fail(a, "options conflicts in the list command");
	if (o & OPT_CONNECTION)
		return list_conn(a);
	if (o & OPT_SERVICE)
		return list_service(a);
	if (o & OPT_TIMEOUT)
		return list_timeout(a);
	if (o & OPT_DAEMON)
		return 0;
	return list_all(a);
}

static int do_request(struct ipvsadm *a)
{
	struct net *net = a->ctx->net;

	switch (a->cmd) {
	case CMD_FLUSH:
		return ip_vs_flush(net);
	case CMD_ADD:
		return ip_vs_add_service(net, &a->svc);
	case CMD_EDIT:
		return ip_vs_edit_service(net, &a->svc);
	case CMD_DEL:
		return ip_vs_del_service(net, &a->svc);
	case CMD_ZERO:
		return ip_vs_zero_service(net, (a->options & OPT_SERVICE) ? &a->svc : NULL);
	case CMD_ADDDEST:
		return ip_vs_add_dest(net, &a->svc, &a->dest);
	case CMD_EDITDEST:
		return ip_vs_edit_dest(net, &a->svc, &a->dest);
	case CMD_DELDEST:
		return ip_vs_del_dest(net, &a->svc, &a->dest);
	case CMD_TIMEOUT:
		return ip_vs_set_timeout(net, a->tcp, a->tcpfin, a->udp);
	default:
		return 0;
	}
}

/* the defaults and checks of process_options() */
static int check_request(struct ipvsadm *a)
{
	if (a->cmd == CMD_ADD || a->cmd == CMD_EDIT) {
		if (!a->svc.fwmark && !a->svc.port && !(a->svc.flags & IP_VS_SVC_F_PERSISTENT))
			return fail(a, "Zero port specified for non-persistent service");
		if ((a->svc.flags & IP_VS_SVC_F_ONEPACKET) && a->svc.protocol != IPPROTO_UDP)
			return fail(a, "One-Packet Scheduling is only for UDP virtual services");
		if (!a->svc.sched_name[0])
			strcpy(a->svc.sched_name, DEF_SCHED);
	}
	if ((a->cmd == CMD_ADDDEST || a->cmd == CMD_EDITDEST) &&
	    (a->dest.conn_flags == IP_VS_CONN_F_TUNNEL || a->dest.conn_flags == IP_VS_CONN_F_DROUTE))
		a->dest.port = a->svc.port;
	return 0;
}

static int restore_table(struct cmd_ctx *ctx, bool reading_stdin);

static int process_options(struct cmd_ctx *ctx, int argc, char **argv, bool reading_stdin)
{
	struct ipvsadm a = { .ctx = ctx };
	int err;

	a.dest.weight = 1;
	a.dest.conn_flags = IP_VS_CONN_F_DROUTE;
	a.svc.netmask = 0xffffffff;
	err = parse_options(&a, argc, argv);
	if (err)
		return err < 0 ? 0 : err;
	err = generic_opt_check(&a);
	if (!err)
		err = check_request(&a);
	if (err)
		return err;
	switch (a.cmd) {
	case CMD_LIST:
		return do_list(&a);
	case CMD_SAVE:
		a.format |= FMT_RULE;
		return list_all(&a);
	case CMD_RESTORE:
		return reading_stdin ? tryhelp(&a) : restore_table(ctx, reading_stdin);
	default:
		break;
	}
	err = do_request(&a);
	if (err) {
		fprintf(ctx->err, "%s\n", ipvs_strerror(a.cmd, -err));
		return REFUSED;
	}
	return 0;
}

/* -R: one command per line of standard input, words split on blanks */
static int restore_table(struct cmd_ctx *ctx, bool reading_stdin)
{
	const char *p = ctx->in, *end = ctx->in ? ctx->in + ctx->in_len : NULL;
	int result = 0;

	(void)reading_stdin;
	while (p && p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = strndup(p, len), *words[64], *save = NULL;
		int n = 0;

		if (!line)
			return REFUSED;
		words[n++] = "ipvsadm";
		for (char *w = strtok_r(line, " \t\r", &save); w && n < 63;
		     w = strtok_r(NULL, " \t\r", &save))
			words[n++] = w;
		words[n] = NULL;
		if (n > 1)
			result = process_options(ctx, n, words, true);
		free(line);
		if (result == FAILED)
			return result;
		p += len + (nl ? 1 : 0);
	}
	return result;
}

static void usage(struct ipvsadm *a, FILE *f)
{
	(void)a;
	fprintf(f, "ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n"
		"Usage:\n"
		"  ipvsadm -A|E virtual-service [-s scheduler] [-p [timeout]] [-M netmask] [--pe persistence_engine] [-b sched-flags]\n"
		"  ipvsadm -D virtual-service\n"
		"  ipvsadm -C\n"
		"  ipvsadm -R\n"
		"  ipvsadm -S [-n]\n"
		"  ipvsadm -a|e virtual-service -r server-address [options]\n"
		"  ipvsadm -d virtual-service -r server-address\n"
		"  ipvsadm -L|l [virtual-service] [options]\n"
		"  ipvsadm -Z [virtual-service]\n"
		"  ipvsadm --set tcp tcpfin udp\n"
		"  ipvsadm --start-daemon {master|backup} [daemon-options]\n"
		"  ipvsadm --stop-daemon {master|backup}\n"
		"  ipvsadm -h\n\n");
}

int do_ipvsadm(struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc == 1) {
		struct ipvsadm a = { .ctx = ctx };

		return list_all(&a);
	}
	return process_options(ctx, argc, argv, false);
}
