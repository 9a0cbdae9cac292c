/* `ip -6 route` and `ip -6 rule` (iproute2 ip/iproute.c, ip/iprule.c, the
 * AF_INET6 half): show/add/del/replace/get/flush over the fib6 tables
 * (net/ipv6/route.c, ip6_fib.c), printed as iproute2 prints them:
 * "2001:db8::/64 dev veth0 proto kernel metric 256 pref medium". */
#include <arpa/inet.h>
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/flow.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/tcp.h"
#include "net/world.h"
#include "uapi/rtnetlink.h"

struct route6_filter {
	u32 table;			/* 0: main; RT_TABLE_UNSPEC+all: every table */
	bool all_tables;
	struct net_device *dev;
	bool flush;
	bool cloned;			/* `cache`: the PMTU exceptions (RTM_F_CLONED) */
	/* iproute2's rdst and mdst: `root P` lists the routes inside P
	 * (prefix length >= P's), `match P` those that P is inside (<= P's),
	 * `exact P` (or a bare P) both, so P's route only */
	struct in6_addr rdst, mdst;
	int rplen, mplen;		/* -1: not given */
	int count;
};

static void fmt_dst(char *buf, size_t len, const struct fib6_info *f)
{
	char a[INET6_ADDRSTRLEN];

	if (!f->fib6_dst_len) {
		snprintf(buf, len, "default");
		return;
	}
	inet_ntop(AF_INET6, &f->fib6_dst, a, sizeof(a));
	if (f->fib6_dst_len == 128)
		snprintf(buf, len, "%s", a);
	else
		snprintf(buf, len, "%s/%u", a, f->fib6_dst_len);
}

/* "expires Nsec " of an exception, as iproute2 prints rta_expires / HZ */
static void route6_print_expires(struct ip_ctx *ipc, const struct rt6_exception *ex)
{
	u64 now = ipc->net->world->now, exp = ex->rt6i->dst.expires;

	if (exp > now)
		fprintf(ipc->out, "expires %llusec ", (unsigned long long)((exp - now) / 1000000000ull));
}

/* print_rta_multipath(): "\n\tnexthop via G dev D weight W [dead] [linkdown] " */
static void route6_print_nexthop(struct ip_ctx *ipc, const struct fib6_info *nh)
{
	char g[INET6_ADDRSTRLEN];
	FILE *o = ipc->out;

	fputs("\n\tnexthop ", o);
	if (nh->fib6_nh_lws)
		lwt_print_encap(ipc, nh->fib6_nh_lws);
	if (nh->fib6_nh_has_gw)
		fprintf(o, "via %s ", inet_ntop(AF_INET6, &nh->fib6_nh_gw, g, sizeof(g)));
	if (nh->fib6_nh_dev)
		fprintf(o, "dev %s ", nh->fib6_nh_dev->name);
	fprintf(o, "weight %u ", nh->fib6_nh_weight);
	if (fib6_nh_dead(nh))
		fputs("dead ", o);
	if (fib6_nh_dead(nh) || rt6_nexthop_linkdown(nh))
		fputs("linkdown ", o);
}

/* A route, or (ex set) one of its PMTU exceptions as `ip -6 route show
 * cache` prints it: the destination /128, the route's other attributes,
 * "expires" and the learned "mtu". */
static void route6_print(struct ip_ctx *ipc, const struct fib6_info *f,
			 const struct rt6_exception *ex, bool show_table)
{
	char d[INET6_ADDRSTRLEN + 8], g[INET6_ADDRSTRLEN], b[32];
	FILE *o = ipc->out;

	if (f->fib6_type != RTN_UNICAST)
		fprintf(o, "%s ", rt_type_name(b, f->fib6_type));
	if (ex)
		inet_ntop(AF_INET6, &ex->rt6i->rt6i_dst, d, sizeof(d));
	else
		fmt_dst(d, sizeof(d), f);
	fprintf(o, "%s ", d);
	if (f->fib6_nh_lws && (ex || !f->fib6_nsiblings))
		lwt_print_encap(ipc, f->fib6_nh_lws);
	if (ex && (ex->rt6i->rt6i_flags & RTF_DYNAMIC)) {	/* a redirect's first hop */
		if (ex->rt6i->rt6i_flags & RTF_GATEWAY)
			fprintf(o, "via %s ", inet_ntop(AF_INET6, &ex->rt6i->rt6i_gateway, g,
							sizeof(g)));
	} else if (f->fib6_nh_has_gw && (ex || !f->fib6_nsiblings)) {
		fprintf(o, "via %s ", inet_ntop(AF_INET6, &f->fib6_nh_gw, g, sizeof(g)));
	}
	if (f->fib6_nh_dev && (ex || !f->fib6_nsiblings))
		fprintf(o, "dev %s ", f->fib6_nh_dev->name);
	if (show_table && f->fib6_table->tb6_id != RT_TABLE_MAIN)
		fprintf(o, "table %s ", rt_table_name(b, f->fib6_table->tb6_id));
	if (f->fib6_protocol != RTPROT_BOOT)
		fprintf(o, "proto %s ", rt_proto_name(b, f->fib6_protocol));
	if (!ipv6_addr_any(&f->fib6_prefsrc) && f->fib6_type != RTN_LOCAL)
		fprintf(o, "src %s ", inet_ntop(AF_INET6, &f->fib6_prefsrc, g, sizeof(g)));
	fprintf(o, "metric %u ", f->fib6_metric);
	/* RTNH_F_LINKDOWN comes with linkwatch's NETDEV_CHANGE: a route told
	 * deleted as its device goes down has not got it yet */
	if (rt6_nexthop_linkdown(f) && (ex || !f->fib6_nsiblings) &&
	    (f->fib6_nh_dev->flags & IFF_UP))
		fputs("linkdown ", o);
	if (ex)
		route6_print_expires(ipc, ex);
	else if (f->fib6_expires)	/* RTA_CACHEINFO's rta_expires, whole seconds, */
		fprintf(o, "expires %dsec ",	/* negative when expired, not yet collected */
			(int)(((long long)f->fib6_expires - (long long)world_now(ipc->net->world)) /
			      (long long)NSEC_PER_SEC));
	if (ex ? ex->rt6i->dst.mtu : f->fib6_mtu)
		fprintf(o, "mtu %u ", ex ? ex->rt6i->dst.mtu : f->fib6_mtu);
	if (f->fib6_advmss)
		fprintf(o, "advmss %u ", f->fib6_advmss);
	if (f->fib6_hoplimit)
		fprintf(o, "hoplimit %u ", f->fib6_hoplimit);
	if (f->fib6_congctl)
		fprintf(o, "congctl %s%s ", f->fib6_congctl_locked ? "lock " : "",
			f->fib6_congctl->name);
	fputs("pref medium", o);
	if (!ex && f->fib6_nsiblings) {
		const struct fib6_info *it = f;

		do {
			route6_print_nexthop(ipc, it);
			it = list_entry(it->fib6_siblings.next, struct fib6_info, fib6_siblings);
		} while (it != f);
	}
	fputc('\n', o);
}

/* -j: the same as iproute2's JSON (print_route with a json context) */
/* dead: only a multipath nexthop stays while its device is down */
static void route6_flags_json(struct ip_ctx *ipc, const struct fib6_info *nh, bool sibling)
{
	bool dead = nh && sibling && fib6_nh_dead(nh);

	jw_arr_open(&ipc->jw, "flags");
	if (dead)
		jw_string(&ipc->jw, NULL, "dead");
	if (nh && (dead || rt6_nexthop_linkdown(nh)))
		jw_string(&ipc->jw, NULL, "linkdown");
	jw_arr_close(&ipc->jw);
}

static void route6_print_json(struct ip_ctx *ipc, const struct fib6_info *f, bool show_table)
{
	struct json_writer *jw = &ipc->jw;
	char d[INET6_ADDRSTRLEN + 8], b[32];
	const struct fib6_info *it = f;
	bool group = f->fib6_nsiblings > 0;

	jw_obj_open(jw, NULL);
	if (f->fib6_type != RTN_UNICAST)
		jw_string(jw, "type", rt_type_name(b, f->fib6_type));
	fmt_dst(d, sizeof(d), f);
	jw_string(jw, "dst", d);
	if (!group && f->fib6_nh_lws)
		lwt_print_encap(ipc, f->fib6_nh_lws);
	if (!group && f->fib6_nh_has_gw)
		jw_string(jw, "gateway", inet_ntop(AF_INET6, &f->fib6_nh_gw, d, sizeof(d)));
	if (!group && f->fib6_nh_dev)
		jw_string(jw, "dev", f->fib6_nh_dev->name);
	if (show_table && f->fib6_table->tb6_id != RT_TABLE_MAIN)
		jw_string(jw, "table", rt_table_name(b, f->fib6_table->tb6_id));
	if (f->fib6_protocol != RTPROT_BOOT)
		jw_string(jw, "protocol", rt_proto_name(b, f->fib6_protocol));
	if (!ipv6_addr_any(&f->fib6_prefsrc) && f->fib6_type != RTN_LOCAL)
		jw_string(jw, "prefsrc", inet_ntop(AF_INET6, &f->fib6_prefsrc, d, sizeof(d)));
	jw_uint(jw, "metric", f->fib6_metric);
	route6_flags_json(ipc, group ? NULL : f, false);
	if (f->fib6_mtu || f->fib6_advmss || f->fib6_hoplimit || f->fib6_congctl) {
		jw_arr_open(jw, "metrics");
		jw_obj_open(jw, NULL);
		if (f->fib6_mtu)
			jw_uint(jw, "mtu", f->fib6_mtu);
		if (f->fib6_advmss)
			jw_uint(jw, "advmss", f->fib6_advmss);
		if (f->fib6_hoplimit)
			jw_uint(jw, "hoplimit", f->fib6_hoplimit);
		if (f->fib6_congctl)
			jw_string(jw, "congestion", f->fib6_congctl->name);
		jw_obj_close(jw);
		jw_arr_close(jw);
	}
	jw_string(jw, "pref", "medium");
	if (group) {
		jw_arr_open(jw, "nexthops");
		do {
			jw_obj_open(jw, NULL);
			if (it->fib6_nh_lws)
				lwt_print_encap(ipc, it->fib6_nh_lws);
			if (it->fib6_nh_has_gw)
				jw_string(jw, "gateway",
					  inet_ntop(AF_INET6, &it->fib6_nh_gw, d, sizeof(d)));
			if (it->fib6_nh_dev)
				jw_string(jw, "dev", it->fib6_nh_dev->name);
			jw_uint(jw, "weight", it->fib6_nh_weight);
			route6_flags_json(ipc, it, true);
			jw_obj_close(jw);
			it = list_entry(it->fib6_siblings.next, struct fib6_info, fib6_siblings);
		} while (it != f);
		jw_arr_close(jw);
	}
	jw_obj_close(jw);
}

/* `ip -6 route show/flush cache`: the exceptions of the routes that match */
static void route6_walk_cloned(struct ip_ctx *ipc, struct route6_filter *f, struct fib6_info *rt)
{
	struct rt6_exception *ex, *tmp;

	list_for_each_entry_safe(ex, tmp, &ipc->net->ipv6.rt6_exceptions, list) {
		if (ex->from != rt || !rt6_find_exception(ipc->net, rt, &ex->rt6i->rt6i_dst))
			continue;
		if (f->flush) {
			f->count++;
			continue;
		}
		route6_print(ipc, rt, ex, f->all_tables);
	}
	if (f->flush)
		rt6_flush_exceptions(ipc->net, rt);
}

/* get_prefix(): "default" is ::/0, an address without a length /128 */
static int route6_prefix(struct ip_ctx *ipc, const char *arg, struct in6_addr *a, int *plen)
{
	if (!strcmp(arg, "default") || !strcmp(arg, "all") || !strcmp(arg, "any")) {
		memset(a, 0, sizeof(*a));
		*plen = 0;
		return 0;
	}
	if (ip6_parse_prefix(a, plen, arg))
		return ip_bad_prefix(ipc, arg);
	if (*plen < 0)
		*plen = 128;
	return 0;
}

/* [ root | match | exact | to ] PREFIX at *argv (the keyword consumed) */
static int route6_filter_prefix(struct ip_ctx *ipc, int *argc, char ***argv,
				struct route6_filter *f)
{
	const char *k = (*argv)[0];
	bool root = !strcmp(k, "root"), match = !strcmp(k, "match");

	if ((root || match || !strcmp(k, "to") || !strcmp(k, "exact")) && *argc > 1)
		(*argc)--, (*argv)++;
	if (root)
		return route6_prefix(ipc, (*argv)[0], &f->rdst, &f->rplen);
	if (route6_prefix(ipc, (*argv)[0], &f->mdst, &f->mplen))
		return 1;
	if (!match) {
		f->rdst = f->mdst;
		f->rplen = f->mplen;
	}
	return 0;
}

/* filter_nlmsg()'s rdst/mdst tests */
static bool route6_filter_dst(const struct route6_filter *f, const struct fib6_info *rt)
{
	if (f->rplen >= 0 && (rt->fib6_dst_len < f->rplen ||
			      !ipv6_prefix_equal(&rt->fib6_dst, &f->rdst, (unsigned int)f->rplen)))
		return false;
	if (f->mplen >= 0 && (rt->fib6_dst_len > f->mplen ||
			      !ipv6_prefix_equal(&rt->fib6_dst, &f->mdst, rt->fib6_dst_len)))
		return false;
	return true;
}

static int route6_filter_parse(struct ip_ctx *ipc, int argc, char **argv, struct route6_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->table = RT_TABLE_MAIN;
	f->rplen = f->mplen = -1;
	for (; argc > 0; argc--, argv++) {
		if (!strcmp(argv[0], "table") && argc > 1) {
			argc--, argv++;
			if (!strcmp(argv[0], "all")) {
				f->all_tables = true;
			} else if (rt_table_parse(&f->table, argv[0])) {
				return ip_invarg(ipc, "table id value is invalid\n", argv[0]);
			}
		} else if (!strcmp(argv[0], "cache") || !strcmp(argv[0], "cloned")) {
			f->cloned = true;
		} else if ((!strcmp(argv[0], "dev") || !strcmp(argv[0], "oif")) && argc > 1) {
			argc--, argv++;
			if (!(f->dev = ip_dev_get(ipc, argv[0])))
				return 1;
		} else if (!strcmp(argv[0], "proto") || !strcmp(argv[0], "type") ||
			   !strcmp(argv[0], "scope")) {
			argc--, argv++;
		} else {
			if (route6_filter_prefix(ipc, &argc, &argv, f))
				return 1;
		}
	}
	return 0;
}

/* Is b one of a's siblings (the same multipath route)? */
static bool route6_sibling_of(const struct fib6_info *a, const struct fib6_info *b)
{
	const struct fib6_info *it;

	list_for_each_entry(it, &a->fib6_siblings, fib6_siblings)
		if (it == b)
			return true;
	return false;
}

static int route6_walk(struct ip_ctx *ipc, struct route6_filter *f)
{
	struct fib6_table *tb;

	list_for_each_entry(tb, &ipc->net->ipv6.fib_tables, tb6_list) {
		struct fib6_info *rt, *tmp;

		if (!f->all_tables && tb->tb6_id != f->table)
			continue;
		list_for_each_entry_safe(rt, tmp, &tb->tb6_routes, fib6_node) {
			if (f->dev && rt->fib6_nh_dev != f->dev)
				continue;
			if (!route6_filter_dst(f, rt))
				continue;
			if (f->cloned) {
				route6_walk_cloned(ipc, f, rt);
				continue;
			}
			if (f->flush) {
				fib6_del(rt);
				f->count++;
				continue;
			}
			/* a multipath route prints once, at its first nexthop */
			if (rt->fib6_nsiblings && rt->fib6_node.prev != &tb->tb6_routes &&
			    route6_sibling_of(rt, list_entry(rt->fib6_node.prev, struct fib6_info,
							     fib6_node)))
				continue;
			if (ipc->json)
				route6_print_json(ipc, rt, f->all_tables);
			else
				route6_print(ipc, rt, NULL, f->all_tables);
		}
	}
	return 0;
}

static int route6_show(struct ip_ctx *ipc, int argc, char **argv, bool flush)
{
	struct route6_filter f;
	int rc;

	if ((rc = route6_filter_parse(ipc, argc, argv, &f)))
		return rc;
	f.flush = flush;
	if (!ipc->json || flush)
		return route6_walk(ipc, &f);
	jw_arr_open(&ipc->jw, NULL);
	rc = route6_walk(ipc, &f);
	jw_arr_close(&ipc->jw);
	fputc('\n', ipc->out);
	return rc;
}

/* ---- add / del / replace ---- */
static int route6_metric_word(struct ip_ctx *ipc, struct fib6_config *c, const char *k,
			      const char *v)
{
	u32 *p = !strcmp(k, "mtu") ? &c->fc_mtu : !strcmp(k, "advmss") ? &c->fc_advmss :
		 &c->fc_hoplimit;

	if (!strcmp(v, "lock"))
		return 1;	/* caller re-reads the next word */
	if (get_u32(p, v, 0))
		return ip_invarg(ipc, !strcmp(k, "mtu") ? "\"mtu\" value is invalid\n" :
				 "invalid value", v);
	return 0;
}

static int route6_word(struct ip_ctx *ipc, struct fib6_config *c, const char *k, const char *v)
{
	unsigned int x;
	int plen;

	if (!strcmp(k, "via")) {
		if (!strcmp(v, "inet6") || ip6_parse_prefix(&c->fc_gateway, &plen, v) || plen >= 0)
			return ip_bad_addr(ipc, v);
		c->fc_has_gw = true;
	} else if (!strcmp(k, "dev") || !strcmp(k, "oif")) {
		struct net_device *dev = ip_dev_get(ipc, v);

		if (!dev)
			return 1;
		c->fc_ifindex = dev->ifindex;
	} else if (!strcmp(k, "metric") || !strcmp(k, "priority") || !strcmp(k, "preference")) {
		if (get_u32(&c->fc_metric, v, 0))
			return ip_invarg(ipc, "\"metric\" value is invalid\n", v);
		c->fc_metric_set = true;
	} else if (!strcmp(k, "table")) {
		if (rt_table_parse(&c->fc_table, v))
			return ip_invarg(ipc, "\"table\" value is invalid\n", v);
	} else if (!strcmp(k, "proto") || !strcmp(k, "protocol")) {
		if (rt_proto_parse(&x, v))
			return ip_invarg(ipc, "\"protocol\" value is invalid\n", v);
		c->fc_protocol = (u8)x;
		c->fc_proto_set = true;
	} else if (!strcmp(k, "src")) {
		if (ip6_parse_prefix(&c->fc_prefsrc, &plen, v))
			return ip_bad_addr(ipc, v);
	} else if (!strcmp(k, "mtu") || !strcmp(k, "advmss") || !strcmp(k, "hoplimit")) {
		return route6_metric_word(ipc, c, k, v);
	} else if (!strcmp(k, "congctl")) {
		/* iproute2 passes the name on; the kernel checks it */
		if (!strcmp(v, "lock")) {
			c->fc_congctl_lock = true;
			return 1;	/* the caller re-reads the next word */
		}
		c->fc_congctl = v;
	} else if (!strcmp(k, "tos") || !strcmp(k, "dsfield")) {
		if (get_u8(&c->fc_tos, v, 16))
			return ip_invarg(ipc, "\"tos\" value is invalid\n", v);
	} else if (!strcmp(k, "expires")) {
		if (get_u32(&c->fc_expires, v, 0))
			return ip_invarg(ipc, "\"expires\" value is invalid\n", v);
		c->fc_expires_set = true;
	} else if (!strcmp(k, "pref") || !strcmp(k, "scope") || !strcmp(k, "realm")) {
		/* accepted, not modelled */
	} else {
		return -1;
	}
	return 0;
}

/* One `nexthop via G dev D weight W` (parse_one_nh); the count of words */
static int route6_parse_one_nh(struct ip_ctx *ipc, int argc, char **argv,
			       struct fib6_nh_config *nh, struct lwtunnel_encap_cfg *encap,
			       int *used)
{
	int i = 0, plen;

	memset(nh, 0, sizeof(*nh));
	nh->weight = 1;
	while (i < argc && strcmp(argv[i], "nexthop")) {
		const char *k = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (!strcmp(k, "onlink")) {
			i++;
			continue;
		}
		if (!strcmp(k, "encap")) {
			int n = argc - i, rc;
			char **w = argv + i;

			if ((rc = lwt_parse_encap(ipc, &n, &w, encap)))
				return rc;
			i = (int)(w - argv) + 1;
			continue;
		}
		if (strcmp(k, "via") && strcmp(k, "dev") && strcmp(k, "weight"))
			break;
		if (!v) {
			fprintf(ipc->err, "Command line is not complete. Try option \"help\"\n");
			return 255;
		}
		if (!strcmp(k, "via")) {
			if (ip6_parse_prefix(&nh->gw, &plen, v) || plen >= 0)
				return ip_bad_addr(ipc, v);
			nh->has_gw = true;
		} else if (!strcmp(k, "dev")) {
			struct net_device *dev = ip_dev_get(ipc, v);

			if (!dev)
				return 1;
			nh->ifindex = dev->ifindex;
		} else if (get_u32(&nh->weight, v, 0) || !nh->weight || nh->weight > 256) {
			return ip_invarg(ipc, "\"weight\" is invalid\n", v);
		}
		i += 2;
	}
	*used = i;
	return 0;
}

/* parse_nexthops(): everything after the first `nexthop` */
static int route6_parse_nexthops(struct ip_ctx *ipc, int argc, char **argv,
				 struct fib6_config *c)
{
	while (argc > 0) {
		int used = 0, rc;

		if (strcmp(argv[0], "nexthop")) {
			fprintf(ipc->err, "Error: \"nexthop\" or end of line is expected instead of \"%s\"\n",
				argv[0]);
			return 255;
		}
		if (c->fc_mp_len == FIB6_MAX_NEXTHOPS)
			return ip_rtnl_err(ipc, -EINVAL, NULL);
		argc--, argv++;
		rc = route6_parse_one_nh(ipc, argc, argv, &c->fc_mp[c->fc_mp_len],
					 &c->fc_mp_encap[c->fc_mp_len], &used);
		c->fc_mp_len++;
		if (rc)
			return rc;
		argc -= used;
		argv += used;
	}
	return 0;
}

static int route6_parse(struct ip_ctx *ipc, int argc, char **argv, struct fib6_config *c)
{
	bool have_dst = false;
	unsigned int type;
	int plen;

	for (; argc > 0; argc--, argv++) {
		int rc;

		if (!strcmp(argv[0], "encap")) {
			if ((rc = lwt_parse_encap(ipc, &argc, &argv, &c->fc_encap)))
				return rc;
			continue;
		}
		rc = argc > 1 ? route6_word(ipc, c, argv[0], argv[1]) : -1;

		if (rc == 1 && argc > 2 && !strcmp(argv[1], "lock")) {
			rc = route6_word(ipc, c, argv[0], argv[2]);
			argc--, argv++;
		}
		if (rc > 0)
			return rc;
		if (rc == 0) {
			argc--, argv++;
			continue;
		}
		if (!strcmp(argv[0], "onlink"))
			continue;
		if (!strcmp(argv[0], "nexthop")) {
			int rc2 = route6_parse_nexthops(ipc, argc, argv, c);

			if (rc2)
				return rc2;
			break;
		}
		if (!have_dst && !rt_type_parse(&type, argv[0]) && argc > 1) {
			c->fc_type = (u8)type;
			continue;
		}
		if (!strcmp(argv[0], "to") && argc > 1)
			argc--, argv++;
		if (have_dst)
			return ip_duparg2(ipc, "to", argv[0]);
		if (ip6_parse_prefix(&c->fc_dst, &plen, argv[0]))
			return ip_bad_prefix(ipc, argv[0]);
		c->fc_dst_len = (u8)(plen < 0 ? 128 : plen);
		have_dst = true;
	}
	return have_dst ? 0 : -1;
}

static int route6_modify(struct ip_ctx *ipc, int argc, char **argv, u32 nlflags, bool del)
{
	struct netlink_ext_ack ext = { NULL };
	struct fib6_config c;
	int rc;

	memset(&c, 0, sizeof(c));
	ipc->family = AF_INET6;
	c.fc_table = RT_TABLE_MAIN;
	c.fc_nlflags = nlflags;
	if ((rc = route6_parse(ipc, argc, argv, &c)) > 0)
		return rc;
	if (rc < 0) {
		fprintf(ipc->err, "Error: either \"to\" is duplicate, or \"%s\" is a garbage.\n",
			argc ? argv[argc - 1] : "");
		return 255;
	}
	rc = del ? ip6_route_del(ipc->net, &c, &ext) : ip6_route_add(ipc->net, &c, &ext);
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

/* ---- get (inet6_rtm_getroute) ---- */
struct route6_get_req {
	struct flowi6 fl6;
	int uid;
	bool have_dst, have_src;
	bool fibmatch;			/* RTM_F_FIB_MATCH: the route, not the result */
};

static int route6_get_word(struct ip_ctx *ipc, struct route6_get_req *q, const char *k,
			   const char *v)
{
	struct net_device *dev;
	int plen = -1;

	if (!strcmp(k, "from")) {
		if (ip6_parse_prefix(&q->fl6.saddr, &plen, v))
			return ip_bad_prefix(ipc, v);
		q->have_src = true;
	} else if (!strcmp(k, "iif") || !strcmp(k, "oif") || !strcmp(k, "dev")) {
		if (!(dev = ip_dev_get(ipc, v)))
			return 1;
		*(!strcmp(k, "iif") ? &q->fl6.flowi6_iif : &q->fl6.flowi6_oif) = dev->ifindex;
	} else if (!strcmp(k, "mark")) {
		if (get_u32(&q->fl6.flowi6_mark, v, 0))
			return ip_invarg(ipc, "invalid mark value", v);
	} else if (!strcmp(k, "tos") || !strcmp(k, "dsfield")) {
		if (get_u8(&q->fl6.flowi6_tclass, v, 16))
			return ip_invarg(ipc, "TOS value is invalid\n", v);
	} else if (!strcmp(k, "vrf")) {
		return 0;
	} else {
		return route_get_l4_word(ipc, &q->fl6.flowi6_proto, &q->fl6.fl6_sport,
					 &q->fl6.fl6_dport, &q->uid, k, v);
	}
	return 0;
}

static int route6_get_parse(struct ip_ctx *ipc, int argc, char **argv, struct route6_get_req *q)
{
	int plen = -1;

	memset(q, 0, sizeof(*q));
	q->uid = -1;
	for (; argc > 0; argc--, argv++) {
		int rc = argc > 1 ? route6_get_word(ipc, q, argv[0], argv[1]) : -1;

		if (rc > 0)
			return rc;
		if (rc == 0) {
			argc--, argv++;
			continue;
		}
		if (!strcmp(argv[0], "fibmatch")) {
			q->fibmatch = true;
			continue;
		}
		if (!strcmp(argv[0], "connected"))
			continue;
		if (!strcmp(argv[0], "to") && argc > 1)
			argc--, argv++;
		if (ip6_parse_prefix(&q->fl6.daddr, &plen, argv[0]))
			return ip_bad_prefix(ipc, argv[0]);
		q->have_dst = true;
	}
	if (!q->have_dst) {
		fprintf(ipc->err, "need at least a destination address\n");
		return 1;
	}
	/* a lookup "from" userspace carries the caller's uid; an input one none */
	q->fl6.flowi6_uid = q->uid >= 0 ? (u32)q->uid : q->fl6.flowi6_iif ? 0xFFFFFFFFU : 0;
	return 0;
}

/* rt6_fill_node() as iproute2 prints it: "DST from SRC via GW dev DEV table T
 * proto P src PREFSRC metric M [iif DEV] pref medium" */
static void route6_get_print(struct ip_ctx *ipc, const struct route6_get_req *q,
			     const struct fib6_info *f, u32 table)
{
	char a[INET6_ADDRSTRLEN], b[32];
	struct in6_addr src;
	FILE *o = ipc->out;
	struct net_device *iif = q->fl6.flowi6_iif ?
				 __dev_get_by_index(ipc->net, q->fl6.flowi6_iif) : NULL;
	const struct rt6_exception *ex = f->fib6_type == RTN_UNICAST ?
					 rt6_find_exception(ipc->net, f, &q->fl6.daddr) : NULL;

	if (f->fib6_type != RTN_UNICAST)
		fprintf(o, "%s ", rt_type_name(b, f->fib6_type));
	fprintf(o, "%s ", inet_ntop(AF_INET6, &q->fl6.daddr, a, sizeof(a)));
	fprintf(o, "from %s ", inet_ntop(AF_INET6, &q->fl6.saddr, a, sizeof(a)));
	if (f->fib6_nh_lws)
		lwt_print_encap(ipc, f->fib6_nh_lws);
	if (ex && (ex->rt6i->rt6i_flags & RTF_DYNAMIC)) {	/* a redirect's first hop */
		if (ex->rt6i->rt6i_flags & RTF_GATEWAY)
			fprintf(o, "via %s ", inet_ntop(AF_INET6, &ex->rt6i->rt6i_gateway, a,
							sizeof(a)));
	} else if (f->fib6_nh_has_gw) {
		fprintf(o, "via %s ", inet_ntop(AF_INET6, &f->fib6_nh_gw, a, sizeof(a)));
	}
	fprintf(o, "dev %s ", f->fib6_type == RTN_LOCAL ? "lo" : f->fib6_nh_dev->name);
	if (table != RT_TABLE_MAIN)
		fprintf(o, "table %s ", rt_table_name(b, table));
	if (f->fib6_protocol != RTPROT_BOOT)
		fprintf(o, "proto %s ", rt_proto_name(b, f->fib6_protocol));
	if (!iif && !ipv6_dev_get_saddr(ipc->net, f->fib6_nh_dev, &q->fl6.daddr, &src))
		fprintf(o, "src %s ", inet_ntop(AF_INET6, &src, a, sizeof(a)));
	fprintf(o, "metric %u ", f->fib6_metric);
	if (ex)
		route6_print_expires(ipc, ex);
	if (ex ? ex->rt6i->dst.mtu : f->fib6_mtu)
		fprintf(o, "mtu %u ", ex ? ex->rt6i->dst.mtu : f->fib6_mtu);
	if (f->fib6_hoplimit)
		fprintf(o, "hoplimit %u ", f->fib6_hoplimit);
	if (iif)
		fprintf(o, "iif %s ", iif->name);
	fputs("pref medium\n", o);
}

static int route6_get(struct ip_ctx *ipc, int argc, char **argv)
{
	struct route6_get_req q;
	struct fib6_info *f;
	u32 table = RT_TABLE_MAIN;
	int rc, err = 0;

	if (argc > 0 && !matches(argv[0], "help"))
		return iproute_usage(ipc);
	if ((rc = route6_get_parse(ipc, argc, argv, &q)))
		return rc;
	f = fib6_rule_lookup(ipc->net, &q.fl6, &table, &err);
	if (!f)
		return ip_rtnl_err(ipc, err ? err : -ENETUNREACH, NULL);
	f = fib6_select_path(ipc->net, f, &q.fl6);
	if (f->fib6_type == RTN_UNREACHABLE || f->fib6_type == RTN_PROHIBIT ||
	    f->fib6_type == RTN_BLACKHOLE)
		return ip_rtnl_err(ipc, f->fib6_type == RTN_UNREACHABLE ? -EHOSTUNREACH :
				   f->fib6_type == RTN_PROHIBIT ? -EACCES : -EINVAL, NULL);
	/* fibmatch: rt6_fill_node() of the path taken, its siblings after it */
	if (q.fibmatch)
		route6_print(ipc, f, NULL, true);
	else
		route6_get_print(ipc, &q, f, table);
	return 0;
}

int do_iproute6(struct ip_ctx *ipc, int argc, char **argv)
{
	const char *c = argc > 0 ? argv[0] : "show";

	argc--;
	argv++;
	if (!matches(c, "add"))
		return route6_modify(ipc, argc, argv, NLM_F_CREATE | NLM_F_EXCL, false);
	if (!matches(c, "change") || !strcmp(c, "chg"))
		return route6_modify(ipc, argc, argv, NLM_F_REPLACE, false);
	if (!matches(c, "replace"))
		return route6_modify(ipc, argc, argv, NLM_F_CREATE | NLM_F_REPLACE, false);
	if (!matches(c, "append") || !matches(c, "prepend"))
		return route6_modify(ipc, argc, argv, NLM_F_CREATE, false);
	if (!matches(c, "delete"))
		return route6_modify(ipc, argc, argv, 0, true);
	if (!matches(c, "list") || !matches(c, "show") || !matches(c, "lst"))
		return route6_show(ipc, argc < 0 ? 0 : argc, argv, false);
	if (!matches(c, "get"))
		return route6_get(ipc, argc, argv);
	if (!matches(c, "flush"))
		return route6_show(ipc, argc, argv, true);
	if (!matches(c, "help"))
		return iproute_usage(ipc);
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip route help\".\n", c);
	return 255;
}

void ip_route6_print_one(struct ip_ctx *ipc, const struct fib6_info *rt)
{
	if (ipc->json)
		route6_print_json(ipc, rt, true);
	else
		route6_print(ipc, rt, NULL, true);
}
