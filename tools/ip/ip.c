/* The `ip` command (iproute2 ip/ip.c): global options, then the object
 * (link, address, route, rule, neigh, netns) chosen by iproute2's prefix
 * matching, e.g. `ip a`, `ip r`, `ip ru`, `ip n`, `ip l`.  Runs in the
 * namespace of the context, or the one `-n NAME` names. */
#include <string.h>
#include <sys/socket.h>
#include "ip_common.h"
#include "net/net_namespace.h"

static const char ip_usage_text[] =
	"Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
	"       ip [ -force ] -batch filename\n"
	"where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |\n"
	"                   link | macsec | maddress | monitor | mptcp | mroute | mrule |\n"
	"                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n"
	"                   ntbl | route | rule | sr | tap | tcpmetrics |\n"
	"                   token | tunnel | tuntap | vrf | xfrm }\n"
	"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n"
	"                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n"
	"                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n"
	"                    -4 | -6 | -M | -B | -0 |\n"
	"                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n"
	"                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n"
	"                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n"
	"                    -c[olor]}\n";

static int ip_usage(struct ip_ctx *ipc)
{
	fputs(ip_usage_text, ipc->err);
	return 255;
}

static int ip_help_obj(struct ip_ctx *ipc, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return ip_usage(ipc);
}

/* Objects iproute2 has and skbox does not offer yet (docs/FEATURES.md). */
static int ip_unsupported(struct ip_ctx *ipc, int argc, char **argv)
{
	(void)argc;
	fprintf(ipc->err, "skbox: ip %s: not available in skbox yet\n", argv[-1]);
	return 1;
}

struct ip_object {
	const char *name;
	int (*fn)(struct ip_ctx *ipc, int argc, char **argv);
};

/* iproute2's table, in its order: the first match of an abbreviation wins. */
static const struct ip_object ip_objects[] = {
	{ "address", do_ipaddr }, { "addrlabel", ip_unsupported },
	{ "maddress", do_ipmaddr }, { "route", do_iproute },
	{ "rule", do_iprule }, { "neighbor", do_ipneigh },
	{ "neighbour", do_ipneigh }, { "ntable", ip_unsupported },
	{ "ntbl", ip_unsupported }, { "link", do_iplink },
	{ "l2tp", ip_unsupported }, { "fou", ip_unsupported },
	{ "ila", ip_unsupported }, { "macsec", ip_unsupported },
	{ "tunnel", ip_unsupported }, { "tunl", ip_unsupported },
	{ "tuntap", do_iptuntap }, { "tap", do_iptuntap },
	{ "token", ip_unsupported }, { "tcpmetrics", ip_unsupported },
	{ "tcp_metrics", ip_unsupported }, { "monitor", do_ipmonitor },
	{ "xfrm", ip_unsupported }, { "mroute", ip_unsupported },
	{ "mrule", ip_unsupported }, { "netns", do_ipnetns },
	{ "netconf", ip_unsupported }, { "vrf", ip_unsupported },
	{ "sr", ip_unsupported }, { "nexthop", do_ipnexthop },
	{ "mptcp", ip_unsupported }, { "ioam", ip_unsupported },
	{ "help", ip_help_obj }, { "stats", ip_unsupported },
};

static int ip_do_cmd(struct ip_ctx *ipc, int argc, char **argv)
{
	for (size_t i = 0; i < sizeof(ip_objects) / sizeof(ip_objects[0]); i++)
		if (!matches(argv[0], ip_objects[i].name))
			return ip_objects[i].fn(ipc, argc - 1, argv + 1);
	fprintf(ipc->err, "Object \"%s\" is unknown, try \"ip help\".\n", argv[0]);
	return 1;
}

static int ip_set_netns(struct ip_ctx *ipc, const char *name)
{
	struct net *net = get_net_ns_by_name(ipc->ctx->world, name);

	if (!net) {
		fprintf(ipc->err, "Cannot open network namespace \"%s\": %s\n", name,
			"No such file or directory");
		return 255;
	}
	ipc->net = net;
	return 0;
}

static int ip_family_opt(struct ip_ctx *ipc, const char *arg)
{
	if (!strcmp(arg, "inet"))
		ipc->family = AF_INET;
	else if (!strcmp(arg, "inet6"))
		ipc->family = AF_INET6;
	else if (!strcmp(arg, "help"))
		return ip_usage(ipc);
	else if (strcmp(arg, "link") && strcmp(arg, "bridge") &&
		 strcmp(arg, "mpls"))
		return ip_invarg(ipc, "invalid protocol family", arg);
	return 0;
}

/* One global option at argv[0]; returns -1 when it consumed argv[1] too,
 * 0 when it consumed only itself, or an exit status > 0. */
static int ip_opt_with_arg(struct ip_ctx *ipc, const char *opt, int argc, char **argv)
{
	int rc;

	if (argc < 2 && !matches(opt, "-netns")) {
		/* ip.c's NEXT_ARG() counts argv[0]: netns_switch(NULL) */
		fprintf(ipc->err, "Cannot open network namespace \"(null)\": "
			"No such file or directory\n");
		return 255;
	}
	if (argc < 2)
		return ip_incomplete(ipc);
	if (!matches(opt, "-family"))
		rc = ip_family_opt(ipc, argv[1]);
	else if (!matches(opt, "-batch"))
		ipc->batch = argv[1], rc = 0;
	else
		rc = ip_set_netns(ipc, argv[1]);
	return rc ? rc : -1;
}

static int ip_one_opt(struct ip_ctx *ipc, int argc, char **argv)
{
	const char *opt = argv[0];
	int color;

	if (opt[1] == '-')
		opt++;
	if (!matches(opt, "-loops") || !matches(opt, "-family") ||
	    !matches(opt, "-netns") || (!matches(opt, "-rcvbuf") && opt[2] == 'c') ||
	    (!matches(opt, "-batch") && strncmp(opt, "-br", 3))) {
		if (!matches(opt, "-rcvbuf") && opt[2] == 'c' && argc >= 2) {
			if (get_unsigned(&ipc->rcvbuf, argv[1], 0)) {
				fprintf(ipc->err, "Invalid rcvbuf size '%s'\n", argv[1]);
				return 255;
			}
			return -1;
		}
		if (!matches(opt, "-loops") || (!matches(opt, "-rcvbuf") && opt[2] == 'c'))
			return argc < 2 ? ip_incomplete(ipc) : -1;
		return ip_opt_with_arg(ipc, opt, argc, argv);
	}
	if (!strcmp(opt, "-4"))
		ipc->family = AF_INET;
	else if (!strcmp(opt, "-6"))
		ipc->family = AF_INET6;
	else if (!strcmp(opt, "-0") || !strcmp(opt, "-M") ||
		 !strcmp(opt, "-B"))
		ipc->family = -1;
	else if (!matches(opt, "-timestamp"))
		ipc->timestamp++;
	else if (!matches(opt, "-tshort")) {
		ipc->timestamp++;
		ipc->tshort = true;
	} else if (!matches(opt, "-human") || !matches(opt, "-human-readable") ||
		 !matches(opt, "-iec") || !matches(opt, "-resolve") ||
		 !matches(opt, "-Numeric") ||
		 !matches(opt, "-all"))
		return 0;
	else if (!matches(opt, "-stats") || !matches(opt, "-statistics"))
		ipc->show_stats++;
	else if (!matches(opt, "-details"))
		ipc->show_details++;
	else if (!matches(opt, "-force"))
		ipc->force = true;
	else if (!matches(opt, "-oneline"))
		ipc->oneline = true;
	else if (!matches(opt, "-Version")) {
		fprintf(ipc->out, "ip utility, iproute2-6.1.0, libbpf 1.1.2\n");
		return -2;
	} else if (!matches(opt, "-help"))
		return ip_usage(ipc);
	else if (!matches(opt, "-json"))
		ipc->json = true;
	else if (!matches(opt, "-pretty"))
		ipc->pretty = true;
	else if (!matches(opt, "-brief"))
		ipc->brief = true;
	else if (ip_matches_color(argv[0][1] == '-' ? argv[0] + 1 : argv[0], &color))
		ipc->color = color == 1;
	else {
		fprintf(ipc->err, "Option \"%s\" is unknown, try \"ip -help\".\n", opt);
		return 255;
	}
	return 0;
}

int do_ip(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct ip_ctx ipc;
	int rc;

	memset(&ipc, 0, sizeof(ipc));
	ipc.ctx = ctx;
	ipc.net = ctx->net;
	ipc.out = ctx->out;
	ipc.err = ctx->err;
	argc--;
	argv++;
	while (argc > 0 && argv[0][0] == '-') {
		if (!strcmp(argv[0], "--")) {
			argc--;
			argv++;
			break;
		}
		rc = ip_one_opt(&ipc, argc, argv);
		if (rc == -2)
			return 0;
		if (rc > 0)
			return rc;
		argc -= rc == -1 ? 2 : 1;
		argv += rc == -1 ? 2 : 1;
	}
	if (ipc.batch)
		return ip_batch(&ipc, ip_do_cmd);
	jw_init(&ipc.jw, ipc.out, ipc.pretty);
	if (argc < 1)
		return ip_usage(&ipc);
	return ip_do_cmd(&ipc, argc, argv);
}
