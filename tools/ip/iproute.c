/* `ip route` (iproute2 ip/iproute.c): list the FIB tables with
 * fib_table_walk() (net/ipv4/fib_trie.c), add/del/replace/append/prepend/
 * change through inet_rtm_newroute()/inet_rtm_delroute() (fib_frontend.c),
 * `flush`, and `get` through inet_rtm_getroute() (net/ipv4/route.c). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "linux/slab.h"
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/ip_fib.h"
#include "net/ipv6.h"
#include "net/route.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/world.h"
#include "net/tcp.h"

/* iproute2's route filter (iproute_list_flush_or_save(), filter_nlmsg()) */
struct route_filter {
	u32 tb;				/* 0 = all tables */
	int oif;			/* dev/oif: 0 = any (and "dev" is printed) */
	bool has_iif;			/* iif DEV: FIB routes have no RTA_IIF */
	bool has_proto, has_scope, has_type, has_tos;	/* also not printed */
	u8 proto, scope, type, tos;
	struct inet_prefix rdst, mdst;	/* root / match; both = exact */
	bool has_rdst, has_mdst;
	struct inet_prefix via, prefsrc;	/* via / src PREFIX */
	bool has_via, has_prefsrc;
	bool via_other;			/* via FAMILY ADDR of a family not inet or inet6 */
	struct in6_addr via6;		/* via inet6 PREFIX: IPv6 gateways (RTA_VIA) */
	int via6_len;
	bool has_via6;
	struct inet_prefix rsrc;	/* from [root|exact]: IPv4 routes' src_len is 0 */
	bool has_rsrc;
	u32 mark, metric, realm, realmmask;
	bool has_mark, has_metric;
	bool cloned;
};

struct route_view {
	u8 type, tos, proto, scope;
	u32 table;
	__be32 dst;
	int plen;
	const struct fib_info *fi;
};

static __be32 plen_mask(int plen)
{
	return plen ? htonl(~0U << (32 - plen)) : 0;
}

static bool nh_linkdown(const struct fib_nh *nh)
{
	/* a host route's nexthop (scope nowhere) never gets RTNH_F_LINKDOWN:
	 * fib_sync_down_dev() passes it by */
	if (nh->fib_nh_scope == RT_SCOPE_NOWHERE)
		return false;
	if (nh->fib_nh_flags & RTNH_F_LINKDOWN)
		return true;
	return nh->fib_nh_dev && !netif_carrier_ok(nh->fib_nh_dev) &&
	       nh->fib_nh_dev->type != ARPHRD_LOOPBACK;
}

static void route_flags_json(struct ip_ctx *ipc, const struct fib_nh *nh)
{
	jw_arr_open(&ipc->jw, "flags");
	if (nh && (nh->fib_nh_flags & RTNH_F_DEAD))
		jw_string(&ipc->jw, NULL, "dead");
	if (nh && (nh->fib_nh_flags & RTNH_F_ONLINK))
		jw_string(&ipc->jw, NULL, "onlink");
	if (nh && nh_linkdown(nh))
		jw_string(&ipc->jw, NULL, "linkdown");
	jw_arr_close(&ipc->jw);
}

static void route_flags_text(struct ip_ctx *ipc, const struct fib_nh *nh)
{
	if (!nh)
		return;
	if (nh->fib_nh_flags & RTNH_F_DEAD)
		fputs("dead ", ipc->out);
	if (nh->fib_nh_flags & RTNH_F_ONLINK)
		fputs("onlink ", ipc->out);
	if (nh_linkdown(nh))
		fputs("linkdown ", ipc->out);
}

static void route_dst(char *buf, const struct route_view *v)
{
	char a[20];

	if (v->plen == 0 && !v->dst)
		strcpy(buf, "default");
	else if (v->plen == 32)
		strcpy(buf, format_ipv4(a, v->dst));
	else
		sprintf(buf, "%s/%d", format_ipv4(a, v->dst), v->plen);
}

/* print_rta_via(): an IPv6 gateway of an IPv4 route (RTA_VIA) */
static void route_via6_json(struct ip_ctx *ipc, const struct fib_nh *nh)
{
	char b[INET6_ADDRSTRLEN];

	jw_obj_open(&ipc->jw, "via");
	jw_string(&ipc->jw, "family", "inet6");
	jw_string(&ipc->jw, "host", inet_ntop(AF_INET6, &nh->fib_nh_gw6, b, sizeof(b)));
	jw_obj_close(&ipc->jw);
}

static void route_via6_text(struct ip_ctx *ipc, const struct fib_nh *nh)
{
	char b[INET6_ADDRSTRLEN];

	fputs("via inet6 ", ipc->out);
	ip_color_printf(ipc, COLOR_INET6, "%s ", inet_ntop(AF_INET6, &nh->fib_nh_gw6, b, sizeof(b)));
}

static void route_multipath_json(struct ip_ctx *ipc, const struct fib_info *fi)
{
	struct json_writer *jw = &ipc->jw;
	char b[32];

	jw_arr_open(jw, "nexthops");
	for (int i = 0; i < fi->fib_nhs; i++) {
		const struct fib_nh *nh = &fi->fib_nh[i];

		jw_obj_open(jw, NULL);
		if (nh->fib_nh_lws)
			lwt_print_encap(ipc, nh->fib_nh_lws);
		if (nh->fib_nh_gw_family == AF_INET6)
			route_via6_json(ipc, nh);
		else if (nh->fib_nh_gw4)
			jw_string(jw, "gateway", format_ipv4(b, nh->fib_nh_gw4));
		if (nh->fib_nh_dev)
			jw_string(jw, "dev", nh->fib_nh_dev->name);
		jw_uint(jw, "weight", (unsigned int)nh->fib_nh_weight);
		route_flags_json(ipc, nh);
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
}

/* print_route() leaves out what the filter fixed: the gateway and the
 * source of a "via"/"src" filter on a whole address (bitlen == 32) */
static bool route_filter_host(const struct inet_prefix *p, bool set)
{
	return set && p->bitlen == 32;
}

static void route_print_json(struct ip_ctx *ipc, const struct route_view *v,
			     const struct route_filter *f)
{
	struct json_writer *jw = &ipc->jw;
	const struct fib_info *fi = v->fi;
	const bool mpath = fi && fi->fib_nhs > 1;
	const struct fib_nh *nh = fi && !mpath ? &fi->fib_nh[0] : NULL;
	char b[32];

	jw_obj_open(jw, NULL);
	if (v->type != RTN_UNICAST || ipc->show_details)
		jw_string(jw, "type", rt_type_name(b, v->type));
	route_dst(b, v);
	jw_string(jw, "dst", b);
	if (v->tos && !f->has_tos) {
		sprintf(b, "0x%02x", v->tos);
		jw_string(jw, "tos", b);
	}
	if (nh && nh->fib_nh_lws)
		lwt_print_encap(ipc, nh->fib_nh_lws);
	if (nh && nh->fib_nh_gw_family == AF_INET6)
		route_via6_json(ipc, nh);	/* printed even when a filter names it */
	else if (nh && nh->fib_nh_gw4 && !route_filter_host(&f->via, f->has_via))
		jw_string(jw, "gateway", format_ipv4(b, nh->fib_nh_gw4));
	if (nh && nh->fib_nh_dev && !f->oif)
		jw_string(jw, "dev", nh->fib_nh_dev->name);
	if ((v->table != RT_TABLE_MAIN || ipc->show_details) && !f->tb)
		jw_string(jw, "table", rt_table_name(b, v->table));
	if ((v->proto != RTPROT_BOOT || ipc->show_details) && !f->has_proto)
		jw_string(jw, "protocol", rt_proto_name(b, v->proto));
	if ((v->scope != RT_SCOPE_UNIVERSE || ipc->show_details) && !f->has_scope)
		jw_string(jw, "scope", rt_scope_name(b, v->scope));
	if (fi && fi->fib_prefsrc && !route_filter_host(&f->prefsrc, f->has_prefsrc))
		jw_string(jw, "prefsrc", format_ipv4(b, fi->fib_prefsrc));
	if (fi && fi->fib_priority && !f->has_metric)
		jw_uint(jw, "metric", fi->fib_priority);
	route_flags_json(ipc, nh);
	if (fi && (fi->fib_mtu || fi->fib_advmss || fi->fib_congctl)) {
		jw_arr_open(jw, "metrics");
		jw_obj_open(jw, NULL);
		if (fi->fib_mtu)
			jw_uint(jw, "mtu", fi->fib_mtu);
		if (fi->fib_advmss)
			jw_uint(jw, "advmss", fi->fib_advmss);
		if (fi->fib_congctl)
			jw_string(jw, "congestion", fi->fib_congctl->name);	/* print_rta_metrics() */
		jw_obj_close(jw);
		jw_arr_close(jw);
	}
	if (mpath)
		route_multipath_json(ipc, fi);
	jw_obj_close(jw);
}

/* print_rta_multipath(): one "\tnexthop via … dev … weight W" line each */
static void route_print_multipath(struct ip_ctx *ipc, const struct fib_info *fi)
{
	FILE *o = ipc->out;
	char b[32];

	for (int i = 0; i < fi->fib_nhs; i++) {
		const struct fib_nh *nh = &fi->fib_nh[i];

		fputs("\n\tnexthop ", o);
		if (nh->fib_nh_lws)
			lwt_print_encap(ipc, nh->fib_nh_lws);
		if (nh->fib_nh_gw_family == AF_INET6)
			route_via6_text(ipc, nh);
		else if (nh->fib_nh_gw4)
			fprintf(o, "via %s ", format_ipv4(b, nh->fib_nh_gw4));
		if (nh->fib_nh_dev)
			fprintf(o, "dev %s ", nh->fib_nh_dev->name);
		fprintf(o, "weight %d ", nh->fib_nh_weight);
		route_flags_text(ipc, nh);
	}
}

static void route_print(struct ip_ctx *ipc, const struct route_view *v,
			const struct route_filter *f)
{
	const struct fib_info *fi = v->fi;
	const bool mpath = fi && fi->fib_nhs > 1;
	const struct fib_nh *nh = fi && !mpath ? &fi->fib_nh[0] : NULL;
	FILE *o = ipc->out;
	char b[32];

	if (ipc->json) {
		route_print_json(ipc, v, f);
		return;
	}
	if (v->type != RTN_UNICAST || ipc->show_details)
		fprintf(o, "%s ", rt_type_name(b, v->type));
	route_dst(b, v);
	ip_color_printf(ipc, strcmp(b, "default") ? COLOR_INET : COLOR_NONE, "%s ", b);
	if (fi && fi->fib_nh_id)
		fprintf(o, "nhid %u ", fi->fib_nh_id);
	if (nh && nh->fib_nh_lws)
		lwt_print_encap(ipc, nh->fib_nh_lws);
	if (v->tos && !f->has_tos)
		fprintf(o, "tos 0x%02x ", v->tos);
	if (nh && nh->fib_nh_gw_family == AF_INET6) {
		route_via6_text(ipc, nh);
	} else if (nh && nh->fib_nh_gw4 && !route_filter_host(&f->via, f->has_via)) {
		fputs("via ", o);
		ip_color_printf(ipc, COLOR_INET, "%s ", format_ipv4(b, nh->fib_nh_gw4));
	}
	if (nh && nh->fib_nh_dev && !f->oif) {
		fputs("dev ", o);
		ip_color_printf(ipc, COLOR_IFNAME, "%s ", nh->fib_nh_dev->name);
	}
	if ((v->table != RT_TABLE_MAIN || ipc->show_details) && !f->tb)
		fprintf(o, "table %s ", rt_table_name(b, v->table));
	if ((v->proto != RTPROT_BOOT || ipc->show_details) && !f->has_proto)
		fprintf(o, "proto %s ", rt_proto_name(b, v->proto));
	if ((v->scope != RT_SCOPE_UNIVERSE || ipc->show_details) && !f->has_scope)
		fprintf(o, "scope %s ", rt_scope_name(b, v->scope));
	if (fi && fi->fib_prefsrc && !route_filter_host(&f->prefsrc, f->has_prefsrc)) {
		fputs("src ", o);
		ip_color_printf(ipc, COLOR_INET, "%s ", format_ipv4(b, fi->fib_prefsrc));
	}
	if (fi && fi->fib_priority && !f->has_metric)
		fprintf(o, "metric %u ", fi->fib_priority);
	route_flags_text(ipc, nh);
	if (fi && fi->fib_mtu)
		fprintf(o, "mtu %s%u ", fi->fib_mtu_locked ? "lock " : "", fi->fib_mtu);
	if (fi && fi->fib_advmss)	/* print_rta_metrics(): RTAX_ADVMSS after RTAX_MTU */
		fprintf(o, "advmss %u ", fi->fib_advmss);
	if (fi && fi->fib_congctl)
		fprintf(o, "congctl %s%s ", fi->fib_congctl_locked ? "lock " : "",
			fi->fib_congctl->name);
	if (mpath)
		route_print_multipath(ipc, fi);
	fputc('\n', o);
}

static bool prefix_has(const struct inet_prefix *p, __be32 a)
{
	return (a & plen_mask(p->bitlen)) == (p->addr & plen_mask(p->bitlen));
}

/* filter_nlmsg() for an IPv4 FIB route */
static bool route_match(const struct route_filter *f, const struct route_view *v)
{
	const struct fib_nh *nh = v->fi ? &v->fi->fib_nh[0] : NULL;

	if (f->has_proto && v->proto != f->proto)
		return false;
	if (f->has_scope && v->scope != f->scope)
		return false;
	if (f->has_type && v->type != f->type)
		return false;
	if (f->has_tos && v->tos != f->tos)
		return false;
	if (f->has_rdst && (v->plen < f->rdst.bitlen ||
			    (v->dst & plen_mask(f->rdst.bitlen)) != f->rdst.addr))
		return false;
	if (f->has_mdst && (v->plen > f->mdst.bitlen ||
			    (f->mdst.addr & plen_mask(v->plen)) != v->dst))
		return false;
	if (f->has_rsrc && f->rsrc.bitlen > 0)
		return false;
	if (f->via_other)
		return false;
	if (f->has_via && ((nh && nh->fib_nh_gw_family == AF_INET6) ||
			   !prefix_has(&f->via, nh ? nh->fib_nh_gw4 : 0)))
		return false;
	if (f->has_via6 && (!nh || nh->fib_nh_gw_family != AF_INET6 ||
			    !ipv6_prefix_equal(&nh->fib_nh_gw6, &f->via6, f->via6_len)))
		return false;
	if (f->has_prefsrc && !prefix_has(&f->prefsrc, v->fi ? v->fi->fib_prefsrc : 0))
		return false;
	if (f->realm & f->realmmask)		/* no realms (RTA_FLOW) on skbox's routes */
		return false;
	if (f->has_iif)
		return false;
	if (f->oif && (!nh || !nh->fib_nh_dev || nh->fib_nh_dev->ifindex != f->oif))
		return false;
	if (f->has_mark && f->mark)
		return false;
	if (f->has_metric && (v->fi ? v->fi->fib_priority : 0) != f->metric)
		return false;
	return true;
}

static void route_view_fill(struct route_view *v, struct fib_table *tb,
			    const struct fib_prefix *p, const struct fib_alias *fa)
{
	memset(v, 0, sizeof(*v));
	v->type = fa->fa_type;
	v->tos = fa->fa_tos;
	v->table = tb->tb_id;
	v->dst = p->key;
	v->plen = p->plen;
	v->fi = fa->fa_info;
	if (v->fi) {
		v->proto = v->fi->fib_protocol;
		v->scope = v->fi->fib_scope;
	}
}

struct route_walk {
	struct ip_ctx *ipc;
	const struct route_filter *f;
	bool flush;
	struct fib_config *del;		/* flush: collected routes */
	size_t ndel, cap;
};

static int route_collect(struct route_walk *w, const struct route_view *v)
{
	struct fib_config *c;
	const struct fib_nh *nh = v->fi ? &v->fi->fib_nh[0] : NULL;

	if (w->ndel == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 16;
		struct fib_config *n = krealloc(w->del, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		w->del = n;
		w->cap = cap;
	}
	c = &w->del[w->ndel++];
	memset(c, 0, sizeof(*c));
	c->fc_dst = v->dst;
	c->fc_dst_len = (u8)v->plen;
	c->fc_tos = v->tos;
	c->fc_type = v->type;
	c->fc_table = v->table;
	c->fc_scope = RT_SCOPE_NOWHERE;
	c->fc_priority = v->fi ? v->fi->fib_priority : 0;
	c->fc_oif = nh && nh->fib_nh_dev ? nh->fib_nh_dev->ifindex : 0;
	c->fc_gw4 = nh ? nh->fib_nh_gw4 : 0;
	c->fc_gw_family = c->fc_gw4 ? AF_INET : 0;
	if (nh && nh->fib_nh_gw_family == AF_INET6) {
		c->fc_gw_family = AF_INET6;
		c->fc_gw6 = nh->fib_nh_gw6;
	}
	c->fc_nlinfo_net = w->ipc->net;
	return 0;
}

static int route_walk_fn(struct fib_table *tb, struct fib_prefix *p,
			 struct fib_alias *fa, void *arg)
{
	struct route_walk *w = arg;
	struct route_view v;

	route_view_fill(&v, tb, p, fa);
	if (!route_match(w->f, &v))
		return 0;
	if (w->flush)
		return route_collect(w, &v);
	route_print(w->ipc, &v, w->f);
	return 0;
}

static int route_walk_tables(struct ip_ctx *ipc, const struct route_filter *f,
			     struct route_walk *w)
{
	struct fib_table *tb;
	int rc = 0;

	w->ipc = ipc;
	w->f = f;
	list_for_each_entry(tb, &ipc->net->ipv4.fib_tables, tb_list) {
		if (f->tb && tb->tb_id != f->tb)
			continue;
		rc = fib_table_walk(tb, route_walk_fn, w);
		if (rc)
			break;
	}
	return rc;
}

/* get_prefix() of a filter (family: -4's, or none) */
static int filter_prefix(struct ip_ctx *ipc, struct inet_prefix *p, const char *arg)
{
	if (parse_prefix(p, arg))
		return ip_bad_prefix(ipc, arg);
	if (p->bitlen < 0)
		p->bitlen = 32;
	p->addr &= plen_mask(p->bitlen);
	return 0;
}

/* `via [FAMILY] PREFIX` of a route filter, *argv at the word after `via` */
static int filter_via(struct ip_ctx *ipc, int *argc, char ***argv, struct route_filter *f)
{
	int af = route_read_family((*argv)[0]);

	if (af != AF_UNSPEC && !ip_next_arg(argc, argv))
		return ip_incomplete(ipc);
	if (af == AF_INET6) {
		if (ip6_parse_prefix(&f->via6, &f->via6_len, (*argv)[0]))
			return ip_bad_prefix_af(ipc, af, (*argv)[0]);
		if (f->via6_len < 0)
			f->via6_len = 128;
		f->has_via6 = true;
		return 0;
	}
	if (af != AF_UNSPEC && af != AF_INET) {
		f->via_other = true;	/* no IPv4 route has such a gateway */
		return 0;
	}
	if (parse_prefix(&f->via, (*argv)[0]))
		return ip_bad_prefix_af(ipc, af ? af : ipc->family, (*argv)[0]);
	if (f->via.bitlen < 0)
		f->via.bitlen = 32;
	f->has_via = true;
	return 0;
}

/* Which halves of `realms FROM/TO` the filter compares: a half left out
 * ("/TO", "FROM/") or 0 is not compared (iproute2's realmmask) */
static u32 filter_realmmask(u32 realm, const char *a)
{
	u32 mask = ~0U;

	if (!(realm & 0xFFFF) && *a && a[strlen(a) - 1] == '/')
		mask &= ~0xFFFFU;
	if (!(realm & 0xFFFF0000U) && (!strchr(a, '/') || a[0] == '/'))
		mask &= ~0xFFFF0000U;
	return mask;
}

/* `[root|match|exact] PREFIX` after `from` or `to`: *kind 0 root, 1 match,
 * 2 exact (the default) */
static int filter_prefix_kind(struct ip_ctx *ipc, int *argc, char ***argv,
			      struct inet_prefix *p, int *kind)
{
	static const char *const kinds[] = { "root", "match", "exact" };

	*kind = 2;
	for (int k = 0; k < 3; k++) {
		if (matches((*argv)[0], kinds[k]))
			continue;
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		*kind = k;
		break;
	}
	return filter_prefix(ipc, p, (*argv)[0]) ? 1 : 0;
}

/* The route class words of a filter (table, vrf, cached, tos, protocol,
 * scope, type, mark, metric): 0, -1 when w is none of them, else the exit
 * status */
static int filter_word_class(struct ip_ctx *ipc, int *argc, char ***argv,
			     struct route_filter *f)
{
	const char *w = (*argv)[0];
	unsigned int n;
	u32 tid;

	if (!matches(w, "table")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (!rt_table_parse(&tid, (*argv)[0]))
			f->tb = tid;
		else if (!strcmp((*argv)[0], "all"))
			f->tb = 0;
		else if (!strcmp((*argv)[0], "cache"))
			f->cloned = true;
		else if (!strcmp((*argv)[0], "help"))
			return iproute_usage(ipc);
		else
			return ip_invarg(ipc, "table id value is invalid\n", (*argv)[0]);
	} else if (!matches(w, "vrf")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);	/* skbox has no VRF devices */
		return ip_invarg(ipc, "Invalid VRF\n", (*argv)[0]);
	} else if (!matches(w, "cached") || !matches(w, "cloned")) {
		f->cloned = true;
	} else if (!strcmp(w, "tos") || !matches(w, "dsfield")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (get_u8(&f->tos, (*argv)[0], 16))
			return ip_invarg(ipc, "TOS value is invalid\n", (*argv)[0]);
		f->has_tos = true;
	} else if (!matches(w, "protocol")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (!rt_proto_parse(&n, (*argv)[0])) {
			f->proto = (u8)n;
			f->has_proto = true;
		} else if (strcmp((*argv)[0], "all")) {
			return ip_invarg(ipc, "invalid \"protocol\"\n", (*argv)[0]);
		}
	} else if (!matches(w, "scope")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (!rt_scope_parse(&n, (*argv)[0])) {
			f->scope = (u8)n;
			f->has_scope = true;
		} else if (strcmp((*argv)[0], "all")) {
			return ip_invarg(ipc, "invalid \"scope\"\n", (*argv)[0]);
		}
	} else if (!matches(w, "type")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (rt_type_parse(&n, (*argv)[0]))
			return ip_invarg(ipc, "node type value is invalid\n", (*argv)[0]);
		f->type = (u8)n;
		f->has_type = true;
	} else if (!strcmp(w, "mark")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (get_u32(&f->mark, (*argv)[0], 0))
			return ip_invarg(ipc, "invalid mark value", (*argv)[0]);
		f->has_mark = true;
	} else if (!matches(w, "metric") || !matches(w, "priority") ||
		   !strcmp(w, "preference")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (get_u32(&f->metric, (*argv)[0], 0))
			return ip_invarg(ipc, "\"metric\" value is invalid\n", (*argv)[0]);
		f->has_metric = true;
	} else {
		return -1;
	}
	return 0;
}

/* iproute_list_flush_or_save()'s words, in its order (matches(): a word
 * may be cut short); a keyword without its value is NEXT_ARG()'s
 * "Command line is not complete"; devices are looked up at the end */
static int route_filter_parse(struct ip_ctx *ipc, int argc, char **argv,
			      struct route_filter *f)
{
	const char *od = NULL, *id = NULL;
	struct net_device *dev;
	int err;

	memset(f, 0, sizeof(*f));
	f->tb = RT_TABLE_MAIN;
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		err = filter_word_class(ipc, &argc, &argv, f);
		if (err >= 0) {
			if (err)
				return err;
		} else if (!strcmp(w, "dev") || !strcmp(w, "oif")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			od = argv[0];
		} else if (!strcmp(w, "iif")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			id = argv[0];
		} else if (!strcmp(w, "via")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			if ((err = filter_via(ipc, &argc, &argv, f)))
				return err;
		} else if (!strcmp(w, "src")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			if (filter_prefix(ipc, &f->prefsrc, argv[0]))
				return 1;
			f->has_prefsrc = true;
		} else if (!matches(w, "realms")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			if (realms_parse(&f->realm, argv[0]))
				return ip_invarg(ipc, "invalid realms\n", argv[0]);
			f->realmmask = filter_realmmask(f->realm, argv[0]);
		} else if (!matches(w, "from")) {
			struct inet_prefix p;
			int kind;

			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			if ((err = filter_prefix_kind(ipc, &argc, &argv, &p, &kind)))
				return err;
			if (kind != 1) {	/* msrc matches any IPv4 route */
				f->rsrc = p;
				f->has_rsrc = true;
			}
		} else {
			struct inet_prefix p;
			int kind;

			if (!matches(w, "to") && !ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			if ((err = filter_prefix_kind(ipc, &argc, &argv, &p, &kind)))
				return err;
			if (kind != 1) {
				f->rdst = p;
				f->has_rdst = true;
			}
			if (kind != 0) {
				f->mdst = p;
				f->has_mdst = true;
			}
		}
	}
	if (id) {
		if (!(dev = ip_dev_get(ipc, id)))
			return 1;
		f->has_iif = true;
	}
	if (od) {
		if (!(dev = ip_dev_get(ipc, od)))
			return 1;
		f->oif = dev->ifindex;
	}
	return 0;
}

/* `ip route show cache`: the nexthop exceptions (Linux >= 5.3 dumps them
 * for RTM_F_CLONED, fnhe_dump_bucket()), each as rt_fill_info() shows the
 * route it makes: "DST via GW dev DEV" and a cache line */
static void get_print_cache(struct ip_ctx *ipc, const struct rtm_get_res *res);

struct cache_walk {
	struct ip_ctx *ipc;
	const struct route_filter *f;
};

static void route_print_exception(struct ip_ctx *ipc, u32 tb_id, const struct fib_nh *nh,
				  const struct fib_nh_exception *fnhe)
{
	struct rtm_get_res res;
	__be32 gw = fnhe->fnhe_gw ? fnhe->fnhe_gw : nh->fib_nh_gw4;
	u64 now = ipc->net->world->now;
	char b[32];

	fprintf(ipc->out, "%s ", format_ipv4(b, fnhe->fnhe_daddr));
	if (gw)
		fprintf(ipc->out, "via %s ", format_ipv4(b, gw));
	if (nh->fib_nh_dev)
		fprintf(ipc->out, "dev %s ", nh->fib_nh_dev->name);
	if (tb_id != RT_TABLE_MAIN)
		fprintf(ipc->out, "table %s ", rt_table_name(b, tb_id));
	memset(&res, 0, sizeof(res));
	res.flags = fnhe->fnhe_gw ? RTCF_REDIRECTED : 0;
	res.expires_ns = fnhe->fnhe_expires > now ? fnhe->fnhe_expires - now : 0;
	res.mtu = fnhe->fnhe_pmtu;
	res.mtu_locked = fnhe->fnhe_mtu_locked;
	get_print_cache(ipc, &res);
	fputc('\n', ipc->out);
}

static int route_cache_alias(struct fib_table *tb, struct fib_prefix *p, struct fib_alias *fa,
			     void *arg)
{
	struct cache_walk *c = arg;
	const struct fib_info *fi = fa->fa_info;
	const struct route_filter *f = c->f;
	u64 now = c->ipc->net->world->now;

	(void)p;
	for (int i = 0; fi && i < fi->fib_nhs; i++) {
		const struct fib_nh *nh = &fi->fib_nh[i];
		const struct fib_nh_exception *fnhe;

		if (f->oif && (!nh->fib_nh_dev || nh->fib_nh_dev->ifindex != f->oif))
			continue;
		for (fnhe = nh->nh_exceptions; fnhe; fnhe = fnhe->fnhe_next) {
			if (fnhe->fnhe_expires && fnhe->fnhe_expires <= now)
				continue;
			if (f->has_rdst && (fnhe->fnhe_daddr & plen_mask(f->rdst.bitlen)) !=
					   f->rdst.addr)
				continue;
			route_print_exception(c->ipc, tb->tb_id, nh, fnhe);
		}
	}
	return 0;
}

static void route_show_cache(struct ip_ctx *ipc, const struct route_filter *f)
{
	struct cache_walk c = { .ipc = ipc, .f = f };
	struct fib_table *tb;

	list_for_each_entry(tb, &ipc->net->ipv4.fib_tables, tb_list)
		fib_table_walk(tb, route_cache_alias, &c);
}

static int route_show(struct ip_ctx *ipc, int argc, char **argv)
{
	struct route_filter f;
	struct route_walk w;
	int rc;

	if ((rc = route_filter_parse(ipc, argc, argv, &f)))
		return rc;
	memset(&w, 0, sizeof(w));
	if (ipc->json)
		jw_arr_open(&ipc->jw, NULL);
	if (!f.cloned)
		route_walk_tables(ipc, &f, &w);
	else if (!ipc->json)
		route_show_cache(ipc, &f);
	if (ipc->json) {
		jw_arr_close(&ipc->jw);
		fputc('\n', ipc->out);
	}
	return 0;
}

static int route_flush_exceptions(struct fib_table *tb, struct fib_prefix *p,
				  struct fib_alias *fa, void *arg)
{
	struct fib_info *fi = fa->fa_info;

	(void)tb;
	(void)p;
	(void)arg;
	for (int i = 0; fi && i < fi->fib_nhs; i++)
		fib_nh_exceptions_flush(&fi->fib_nh[i]);
	return 0;
}

/* `ip route flush cache`: iproute2 writes /proc/sys/net/ipv4/route/flush,
 * whose handler flushes the route cache and bumps the exceptions' genid
 * (rt_cache_flush(), fnhe_genid_bump()): learned PMTUs are forgotten. */
static int route_flush_cache(struct ip_ctx *ipc)
{
	struct fib_table *tb;

	list_for_each_entry(tb, &ipc->net->ipv4.fib_tables, tb_list)
		fib_table_walk(tb, route_flush_exceptions, NULL);
	rt_cache_flush(ipc->net);
	if (ipc->show_stats)
		fprintf(ipc->out, "*** IPv4 routing cache is flushed.\n");
	return 0;
}

static int route_flush(struct ip_ctx *ipc, int argc, char **argv)
{
	struct route_filter f;
	struct route_walk w;
	int rc;

	if (argc < 1) {
		fprintf(ipc->err, "\"ip route flush\" requires arguments.\n");
		return 1;	/* return -1: do_cmd() exits 1 */
	}
	if ((rc = route_filter_parse(ipc, argc, argv, &f)))
		return rc;
	memset(&w, 0, sizeof(w));
	w.flush = true;
	if (f.cloned)
		return route_flush_cache(ipc);
	rc = route_walk_tables(ipc, &f, &w);
	for (size_t i = 0; !rc && i < w.ndel; i++) {
		struct netlink_ext_ack ext = { NULL };

		/* already gone with an earlier one (e.g. a dead nexthop) is fine */
		if (inet_rtm_delroute(ipc->net, &w.del[i], &ext) == -EINVAL)
			rc = ip_rtnl_err(ipc, -EINVAL, &ext);
	}
	free(w.del);
	return rc < 0 ? 2 : rc;
}

#define ROUTE_MAX_NEXTHOPS 32

struct route_args {
	struct fib_config cfg;
	bool dst_ok, gw_ok, scope_ok, table_ok, type_ok, nhs_ok;
	int family;			/* req.r.rtm_family: -4's, then the first address's */
	const char *dev;
	int nh_argc;			/* the `nexthop …` words, parsed after the device */
	char **nh_argv;
	struct fib_nh_config mp[ROUTE_MAX_NEXTHOPS];
};

/* the metrics iproute_modify() puts in RTA_METRICS: NAME [lock] VALUE.
 * skbox's fib_info keeps mtu, advmss and congctl; the others are
 * checked as iproute2 checks them and not kept. */
static const struct route_metric {
	const char *name;
	bool abbrev;			/* matches(): may be cut short */
	bool lock;			/* takes "lock" */
	int kind;			/* 0 unsigned, 1 time, 2 hoplimit (up to 255), 3 0|1 */
} route_metrics[] = {
	{ "mtu", false, true, 0 }, { "hoplimit", false, true, 2 },
	{ "advmss", false, true, 0 }, { "reordering", true, true, 0 },
	{ "rtt", false, true, 1 }, { "rto_min", false, false, 1 },
	{ "window", true, true, 0 }, { "cwnd", true, true, 0 },
	{ "initcwnd", true, true, 0 }, { "initrwnd", true, true, 0 },
	{ "features", true, false, -1 }, { "quickack", true, false, 3 },
	{ "congctl", true, true, -2 }, { "rttvar", true, true, 1 },
	{ "ssthresh", true, true, 0 },
};


static int route_metric_word(struct ip_ctx *ipc, struct route_args *a,
			     const struct route_metric *m, int *argc, char ***argv)
{
	const char *v;
	bool lock = false;
	unsigned int n = 0;	/* route_time() leaves it unset */
	char msg[64];

	if (!ip_next_arg(argc, argv))
		return ip_incomplete(ipc);
	if (m->lock && !strcmp((*argv)[0], "lock")) {
		lock = true;
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
	}
	v = (*argv)[0];
	if (m->kind == -2) {		/* congctl NAME: the kernel checks it */
		a->cfg.fc_congctl = v;
		a->cfg.fc_congctl_lock = lock;
		return 0;
	}
	if (m->kind == -1) {		/* features ecn */
		if (strcmp(v, "ecn"))
			return ip_invarg(ipc, "\"features\" value not valid\n", v);
		return 0;
	}
	snprintf(msg, sizeof(msg), "\"%s\" value is invalid\n",
		 !strcmp(m->name, "advmss") ? "mss" : m->name);
	if (m->kind == 1 ? route_time(v) : get_unsigned(&n, v, 0))
		return ip_invarg(ipc, msg, v);
	if (m->kind == 2 && n > 255)
		return ip_invarg(ipc, msg, v);
	if (m->kind == 3 && n > 1)
		return ip_invarg(ipc, "\"quickack\" value should be 0 or 1\n", v);
	if (!strcmp(m->name, "mtu")) {
		a->cfg.fc_mtu = n;
		a->cfg.fc_mtu_lock = lock;
	} else if (!strcmp(m->name, "advmss")) {
		a->cfg.fc_advmss = n;
	}
	return 0;
}

/* the destination (the default branch): [to] [TYPE] PREFIX */
static int route_dst_word(struct ip_ctx *ipc, struct route_args *a, int *argc, char ***argv)
{
	struct inet_prefix p;
	unsigned int type;
	const char *w;

	if (!strcmp((*argv)[0], "to")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
	}
	w = (*argv)[0];
	if ((*w < '0' || *w > '9') && !rt_type_parse(&type, w)) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		a->cfg.fc_type = (u8)type;
		a->type_ok = true;
		w = (*argv)[0];
	}
	if (!matches(w, "help"))
		return iproute_usage(ipc);
	if (a->dst_ok)
		return ip_duparg2(ipc, "to", w);
	if (parse_prefix(&p, w))
		return ip_bad_prefix_af(ipc, a->family, w);
	a->cfg.fc_dst = p.addr;
	a->cfg.fc_dst_len = (u8)(p.bitlen < 0 ? 32 : p.bitlen);
	a->dst_ok = true;
	if (!p.is_default)	/* "default" leaves the family unset */
		a->family = AF_INET;
	return 0;
}

/* via [FAMILY] ADDRESS (iproute_modify() and parse_one_nh()): an address
 * of the route's family is RTA_GATEWAY; `via inet6 ADDR` on an IPv4 route
 * is RTA_VIA, an IPv6 gateway (RFC 5549): *family AF_INET6 and gw6 */
static int route_via(struct ip_ctx *ipc, struct route_args *a, u8 *family, __be32 *gw,
		     struct in6_addr *gw6, int *argc, char ***argv)
{
	int af;

	if (!ip_next_arg(argc, argv))
		return ip_incomplete(ipc);
	af = route_read_family((*argv)[0]);
	if (af == AF_UNSPEC)
		af = a->family;
	else
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
	if (af == AF_INET6) {
		if (inet_pton(AF_INET6, (*argv)[0], gw6) != 1)
			return ip_bad_addr_af(ipc, af, (*argv)[0]);
		*family = AF_INET6;
		return 0;
	}
	if (parse_ipv4(gw, (*argv)[0]))
		return ip_bad_addr_af(ipc, af, (*argv)[0]);
	*family = AF_INET;
	a->family = AF_INET;
	return 0;
}

/* one word of iproute_modify()'s loop, in its order: 0 done, -1 not a
 * keyword, else the exit status of its error */
static int route_word(struct ip_ctx *ipc, struct route_args *a, int *argc, char ***argv)
{
	struct fib_config *c = &a->cfg;
	const char *k = (*argv)[0];
	unsigned int n;
	int rc;

	if (!strcmp(k, "src")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (parse_ipv4(&c->fc_prefsrc, (*argv)[0]))
			return ip_bad_addr_af(ipc, a->family, (*argv)[0]);
		a->family = AF_INET;
	} else if (!strcmp(k, "via")) {
		if (a->gw_ok)
			return ip_invarg(ipc, "use nexthop syntax to specify multiple via\n", k);
		a->gw_ok = true;
		if ((rc = route_via(ipc, a, &c->fc_gw_family, &c->fc_gw4, &c->fc_gw6, argc, argv)))
			return rc;
	} else if (!strcmp(k, "tos") || !matches(k, "dsfield")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (get_u8(&c->fc_tos, (*argv)[0], 16))
			return ip_invarg(ipc, "\"tos\" value is invalid\n", (*argv)[0]);
	} else if (!matches(k, "metric") || !matches(k, "priority") ||
		   !strcmp(k, "preference")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (get_u32(&c->fc_priority, (*argv)[0], 0))
			return ip_invarg(ipc, "\"metric\" value is invalid\n", (*argv)[0]);
	} else if (!strcmp(k, "scope")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (rt_scope_parse(&n, (*argv)[0]))
			return ip_invarg(ipc, "invalid \"scope\" value\n", (*argv)[0]);
		c->fc_scope = (u8)n;
		a->scope_ok = true;
	} else if (!strcmp(k, "onlink")) {
		c->fc_flags |= RTNH_F_ONLINK;
	} else if (!strcmp(k, "encap")) {
		return lwt_parse_encap(ipc, argc, argv, &c->fc_encap);
	} else if (!strcmp(k, "nhid")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (get_u32(&c->fc_nh_id, (*argv)[0], 0))
			return ip_invarg(ipc, "\"id\" value is invalid\n", (*argv)[0]);
	} else if (!matches(k, "protocol")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (rt_proto_parse(&n, (*argv)[0]))
			return ip_invarg(ipc, "\"protocol\" value is invalid\n", (*argv)[0]);
		c->fc_protocol = (u8)n;
	} else if (!matches(k, "table")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (rt_table_parse(&c->fc_table, (*argv)[0]))
			return ip_invarg(ipc, "\"table\" value is invalid\n", (*argv)[0]);
		a->table_ok = true;
	} else if (!matches(k, "vrf")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);	/* skbox has no VRF devices */
		return ip_invarg(ipc, "Invalid VRF\n", (*argv)[0]);
	} else if (!strcmp(k, "dev") || !strcmp(k, "oif")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		a->dev = (*argv)[0];
	} else {
		rc = route_word_unkept(ipc, &a->family, argc, argv);
		if (rc != -1)
			return rc;
		for (size_t i = 0; i < ARRAY_SIZE(route_metrics); i++) {
			const struct route_metric *m = &route_metrics[i];

			if (m->abbrev ? !matches(k, m->name) : !strcmp(k, m->name))
				return route_metric_word(ipc, a, m, argc, argv);
		}
		return -1;
	}
	return 0;
}

/* parse_one_nh(): via, dev (looked up now), weight 1..256, onlink,
 * realms; any other word ends the nexthop.  -1: no such device */
static int route_one_nh(struct ip_ctx *ipc, struct route_args *a, struct fib_nh_config *m,
			int *argc, char ***argv)
{
	struct net_device *dev;
	unsigned int w;
	u32 realms;
	int rc;

	while ((*argv)++, --(*argc) > 0) {
		const char *k = (*argv)[0];

		if (!strcmp(k, "via")) {
			if ((rc = route_via(ipc, a, &m->gw_family, &m->gw4, &m->gw6, argc, argv)))
				return rc;
		} else if (!strcmp(k, "dev")) {
			if (!ip_next_arg(argc, argv))
				return ip_incomplete(ipc);
			if (!(dev = ip_dev_get(ipc, (*argv)[0])))
				return -1;
			m->oif = dev->ifindex;
		} else if (!strcmp(k, "weight")) {
			if (!ip_next_arg(argc, argv))
				return ip_incomplete(ipc);
			if (get_unsigned(&w, (*argv)[0], 0) || w == 0 || w > 256)
				return ip_invarg(ipc, "\"weight\" is invalid\n", (*argv)[0]);
			m->weight = (int)w;
		} else if (!strcmp(k, "onlink")) {
			m->flags |= RTNH_F_ONLINK;
		} else if (!strcmp(k, "encap")) {
			if ((rc = lwt_parse_encap(ipc, argc, argv, &m->encap)))
				return rc;
		} else if (!matches(k, "realms")) {
			if (!ip_next_arg(argc, argv))
				return ip_incomplete(ipc);
			if (realms_parse(&realms, (*argv)[0]))
				return ip_invarg(ipc, "\"realm\" value is invalid\n", (*argv)[0]);
		} else {
			break;
		}
	}
	return 0;
}

/* parse_nexthops(): the rest of the line is `nexthop NH [nexthop NH]…` */
static int route_nexthops_parse(struct ip_ctx *ipc, struct route_args *a, int argc, char **argv)
{
	int n = 0, rc;

	while (argc > 0) {
		if (strcmp(argv[0], "nexthop")) {
			fprintf(ipc->err, "Error: \"nexthop\" or end of line is expected "
				"instead of \"%s\"\n", argv[0]);
			return 255;
		}
		if (argc < 2) {
			fprintf(ipc->err, "Error: unexpected end of line after \"nexthop\"\n");
			return 255;
		}
		if (n == ROUTE_MAX_NEXTHOPS) {
			fprintf(ipc->err, "Error: cannot parse nexthop\n");
			return 255;
		}
		a->mp[n].weight = 1;
		rc = route_one_nh(ipc, a, &a->mp[n], &argc, &argv);
		if (rc < 0) {
			fprintf(ipc->err, "Error: cannot parse nexthop\n");
			return 255;
		}
		if (rc)
			return rc;
		n++;
	}
	a->cfg.fc_mp = a->mp;
	a->cfg.fc_mp_len = n;
	return 0;
}

/* iproute_modify()'s loop; `nexthop` ends it (parsed after the device) */
static int route_args_parse(struct ip_ctx *ipc, int argc, char **argv, struct route_args *a)
{
	for (; argc > 0; argc--, argv++) {
		int rc;

		if (!strcmp(argv[0], "nexthop")) {
			a->nhs_ok = true;
			a->nh_argc = argc;
			a->nh_argv = argv;
			return 0;
		}
		rc = route_word(ipc, a, &argc, &argv);
		if (rc < 0)
			rc = route_dst_word(ipc, a, &argc, &argv);
		if (rc)
			return rc;
	}
	return 0;
}

static void route_defaults(struct route_args *a, bool del)
{
	struct fib_config *c = &a->cfg;
	u8 t = c->fc_type;

	if (!a->scope_ok) {
		if (t == RTN_LOCAL || t == RTN_NAT)
			c->fc_scope = RT_SCOPE_HOST;
		else if (t == RTN_BROADCAST || t == RTN_MULTICAST || t == RTN_ANYCAST)
			c->fc_scope = RT_SCOPE_LINK;
		else if (t == RTN_UNICAST || t == RTN_UNSPEC)
			c->fc_scope = del ? RT_SCOPE_NOWHERE :
				      (!a->gw_ok && !a->nhs_ok && !a->cfg.fc_nh_id ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE);
	}
	if (!a->table_ok)
		c->fc_table = (t == RTN_LOCAL || t == RTN_BROADCAST || t == RTN_NAT ||
			       t == RTN_ANYCAST) ? RT_TABLE_LOCAL : RT_TABLE_MAIN;
	c->fc_scope_given = a->scope_ok;
}

static int route_modify(struct ip_ctx *ipc, int argc, char **argv, u32 nlflags, bool del)
{
	struct netlink_ext_ack ext = { NULL };
	struct route_args a;
	struct net_device *dev;
	int rc;

	memset(&a, 0, sizeof(a));
	if (!del) {
		a.cfg.fc_protocol = RTPROT_BOOT;
		a.cfg.fc_type = RTN_UNICAST;
	}
	a.family = ipc->family;
	if ((rc = route_args_parse(ipc, argc, argv, &a)))
		return rc;
	if (!a.dst_ok)
		return iproute_usage(ipc);
	if (a.dev) {
		if (!(dev = ip_dev_get(ipc, a.dev)))
			return 1;
		a.cfg.fc_oif = dev->ifindex;
	}
	if (a.nhs_ok && (rc = route_nexthops_parse(ipc, &a, a.nh_argc, a.nh_argv)))
		return rc;
	route_defaults(&a, del);
	a.cfg.fc_nlflags = nlflags;
	a.cfg.fc_nlinfo_net = ipc->net;
	rc = del ? inet_rtm_delroute(ipc->net, &a.cfg, &ext) :
		   inet_rtm_newroute(ipc->net, &a.cfg, &ext);
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

/* the words of `ip route get` that are not in rtm_get_req */
struct get_opts {
	bool connected, notify, as;
};

/* `as [to] ADDR` of ip route get (MPLS's RTA_NEWDST): checked, not kept */
static int get_as_word(struct ip_ctx *ipc, int *argc, char ***argv, int *family)
{
	__be32 as;

	if (!ip_next_arg(argc, argv))
		return ip_incomplete(ipc);
	if (!strcmp((*argv)[0], "to") && !ip_next_arg(argc, argv))
		return ip_incomplete(ipc);
	if (parse_ipv4(&as, (*argv)[0]))
		return ip_bad_addr_af(ipc, *family, (*argv)[0]);
	*family = AF_INET;
	return 0;
}

/* `[to] ADDR[/32]`: the destination of ip route get */
static int get_dst_word(struct ip_ctx *ipc, int *argc, char ***argv, int *family,
			__be32 *dst)
{
	struct inet_prefix p;

	if (!strcmp((*argv)[0], "to") && !ip_next_arg(argc, argv))
		return ip_incomplete(ipc);
	if (!matches((*argv)[0], "help"))
		return iproute_usage(ipc);
	if (parse_prefix(&p, (*argv)[0]) || p.is_default)
		return ip_bad_prefix_af(ipc, *family, (*argv)[0]);
	*family = AF_INET;
	if (p.bitlen >= 0 && p.bitlen != 32)
		fprintf(ipc->err, "Warning: /%u as prefix is invalid, only /32 (or "
			"none) is supported.\n", p.bitlen);
	*dst = p.addr;
	return 0;
}

/* a device's index, 0 when ip_dev_get() said it does not exist */
static int get_ifindex(struct ip_ctx *ipc, const char *name)
{
	struct net_device *dev = ip_dev_get(ipc, name);

	return dev ? dev->ifindex : 0;
}

/* iproute_get()'s loop, in its order; devices are looked up after it */
static int get_parse(struct ip_ctx *ipc, int argc, char **argv, struct rtm_get_req *r,
		     struct get_opts *o)
{
	const char *idev = NULL, *odev = NULL;
	struct inet_prefix p;
	bool dst_ok = false;
	int family = ipc->family, rc;

	for (; argc > 0; argc--, argv++) {
		const char *k = argv[0];

		if (!strcmp(k, "tos") || !matches(k, "dsfield")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			if (get_u8(&r->tos, argv[0], 16))
				return ip_invarg(ipc, "TOS value is invalid\n", argv[0]);
		} else if (!matches(k, "from")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			if (!matches(argv[0], "help"))
				return iproute_usage(ipc);
			if (parse_prefix(&p, argv[0]))
				return ip_bad_prefix_af(ipc, family, argv[0]);
			family = AF_INET;
			r->src = p.addr;
		} else if (!matches(k, "iif")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			idev = argv[0];
		} else if (!matches(k, "mark")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			if (get_u32(&r->mark, argv[0], 0))
				return ip_invarg(ipc, "invalid mark value", argv[0]);
		} else if (!matches(k, "oif") || !strcmp(k, "dev")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			odev = argv[0];
		} else if (!matches(k, "notify")) {
			o->notify = true;
		} else if (!matches(k, "connected")) {
			o->connected = true;
		} else if (!matches(k, "vrf")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);	/* skbox has no VRF devices */
			return ip_invarg(ipc, "Invalid VRF\n", argv[0]);
		} else if (!matches(k, "uid") || !matches(k, "sport") || !matches(k, "dport") ||
			   !matches(k, "ipproto")) {
			const char *key = !matches(k, "uid") ? "uid" : !matches(k, "sport") ?
					  "sport" : !matches(k, "dport") ? "dport" : "ipproto";

			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
			if ((rc = route_get_l4_word(ipc, &r->ipproto, &r->sport, &r->dport,
						    &r->uid, key, argv[0])))
				return rc;
		} else if (!matches(k, "fibmatch")) {
			r->fibmatch = true;
		} else if (!strcmp(k, "as")) {
			if ((rc = get_as_word(ipc, &argc, &argv, &family)))
				return rc;
			o->as = true;
		} else {
			if ((rc = get_dst_word(ipc, &argc, &argv, &family, &r->dst)))
				return rc;
			dst_ok = true;
		}
	}
	if (!dst_ok) {
		fprintf(ipc->err, "need at least a destination address\n");
		return 1;
	}
	if (idev && !(r->iif = get_ifindex(ipc, idev)))
		return 1;
	if (odev && !(r->oif = get_ifindex(ipc, odev)))
		return 1;
	return 0;
}

static const struct { unsigned int flag; const char *name; } cache_flags[] = {
	{ RTCF_LOCAL, "local" }, { RTCF_MULTICAST, "mc" }, { RTCF_BROADCAST, "brd" },
	{ RTCF_DNAT, "dst-nat" }, { RTCF_DIRECTDST, "dst-direct" },
	{ RTCF_DIRECTSRC, "src-direct" }, { RTCF_REDIRECTED, "redirected" },
	{ RTCF_DOREDIRECT, "redirect" }, { RTCF_NOTIFY, "notify" },
};

static void get_print_cache(struct ip_ctx *ipc, const struct rtm_get_res *res)
{
	unsigned int flags = res->flags & ~0xFFFFU;
	struct net_device *iif;

	fputs(ipc->oneline ? "\\    cache " : "\n    cache ", ipc->out);
	if (flags) {
		fputc('<', ipc->out);
		for (size_t i = 0; i < ARRAY_SIZE(cache_flags); i++) {
			if (!(flags & cache_flags[i].flag))
				continue;
			flags &= ~cache_flags[i].flag;
			fprintf(ipc->out, flags ? "%s," : "%s", cache_flags[i].name);
		}
		if (flags)
			fprintf(ipc->out, "%x", flags);
		fputs("> ", ipc->out);
	}
	if (res->expires_ns)
		fprintf(ipc->out, "expires %dsec ", (int)(res->expires_ns / 1000000000ULL));
	if (res->mtu)
		fprintf(ipc->out, "mtu %s%u ", res->mtu_locked ? "lock " : "", res->mtu);
	if (res->advmss)
		fprintf(ipc->out, "advmss %u ", res->advmss);
	if (res->congctl)
		fprintf(ipc->out, "congctl %s%s ", res->congctl_locked ? "lock " : "", res->congctl);
	if (res->iif && (iif = __dev_get_by_index(ipc->net, res->iif)))
		fprintf(ipc->out, "iif %s ", iif->name);
}

static void get_print(struct ip_ctx *ipc, const struct rtm_get_req *r,
		      const struct rtm_get_res *res, bool notify)
{
	struct net_device *dev = res->oif ? __dev_get_by_index(ipc->net, res->oif) : NULL;
	FILE *o = ipc->out;
	char b[32];

	if (res->type != RTN_UNICAST)
		fprintf(o, "%s ", rt_type_name(b, res->type));
	ip_color_printf(ipc, COLOR_INET, "%s ", format_ipv4(b, r->dst));
	if (r->src) {
		fputs("from ", o);
		ip_color_printf(ipc, COLOR_INET, "%s ", format_ipv4(b, r->src));
	}
	if (res->encap.type)
		lwt_print_encap(ipc, &res->encap);
	if (res->gw_family == AF_INET6) {
		char b6[INET6_ADDRSTRLEN];

		fputs("via inet6 ", o);
		ip_color_printf(ipc, COLOR_INET6, "%s ",
				inet_ntop(AF_INET6, &res->gw6, b6, sizeof(b6)));
	} else if (res->gw) {
		fputs("via ", o);
		ip_color_printf(ipc, COLOR_INET, "%s ", format_ipv4(b, res->gw));
	}
	if (dev) {
		fputs("dev ", o);
		ip_color_printf(ipc, COLOR_IFNAME, "%s ", dev->name);
	}
	/* until the first rule of its own, Linux keeps the local table merged
	 * into main (fib_unmerge()): a local route is then found "in main" */
	if (res->table != RT_TABLE_MAIN &&
	    (res->table != RT_TABLE_LOCAL || ipc->net->ipv4.fib_has_custom_rules))
		fprintf(o, "table %s ", rt_table_name(b, res->table));
	if (!r->iif && !r->src && res->prefsrc) {
		fputs("src ", o);
		ip_color_printf(ipc, COLOR_INET, "%s ", format_ipv4(b, res->prefsrc));
	}
	if (notify)
		fputs("notify ", o);
	if (r->mark)
		fprintf(o, "mark %u ", r->mark);
	if (!r->iif)
		fprintf(o, "uid %d ", res->uid);
	get_print_cache(ipc, res);
	fputc('\n', o);
}

static int route_get(struct ip_ctx *ipc, int argc, char **argv)
{
	struct netlink_ext_ack ext = { NULL };
	struct rtm_get_req r;
	struct rtm_get_res res;
	struct get_opts o = { false };
	int rc;

	memset(&r, 0, sizeof(r));
	memset(&res, 0, sizeof(res));
	if (argc > 0 && !matches(argv[0], "help"))
		return iproute_usage(ipc);
	r.uid = -1;
	if ((rc = get_parse(ipc, argc, argv, &r, &o)))
		return rc;
	if (o.as) {	/* RTA_NEWDST: inet_rtm_valid_getroute_req() refuses it */
		ext._msg = "ipv4: Unsupported attribute in route get request";
		return ip_rtnl_err(ipc, -EINVAL, &ext);
	}
	rc = inet_rtm_getroute(ipc->net, &r, &res, &ext);
	if (rc)
		return ip_rtnl_err(ipc, rc, &ext);
	if (o.notify)		/* RTM_F_NOTIFY: rt_fill_info() marks the answer */
		res.flags |= RTCF_NOTIFY;
	if (r.fibmatch && res.res.fa && res.res.table) {
		struct route_filter f;
		struct route_view v;
		struct fib_prefix p;

		memset(&f, 0, sizeof(f));
		memset(&p, 0, sizeof(p));
		p.key = res.res.prefix;
		p.plen = res.res.prefixlen;
		route_view_fill(&v, res.res.table, &p, res.res.fa);
		/* merged into main (no custom rules): Linux answers from main */
		if (v.table == RT_TABLE_LOCAL && !ipc->net->ipv4.fib_has_custom_rules)
			v.table = RT_TABLE_MAIN;
		route_print(ipc, &v, &f);
		return 0;
	}
	get_print(ipc, &r, &res, o.notify);
	/* connected without from: iproute2 asks again from the answer's
	 * preferred source and prints the second answer too */
	if (o.connected && !r.src) {
		struct rtm_get_res again;

		if (!res.prefsrc) {
			fprintf(ipc->err, "Failed to connect the route\n");
			return 255;
		}
		memset(&again, 0, sizeof(again));
		r.src = res.prefsrc;
		rc = inet_rtm_getroute(ipc->net, &r, &again, &ext);
		if (rc)
			return ip_rtnl_err(ipc, rc, &ext);
		r.src = 0;
		if (o.notify)
			again.flags |= RTCF_NOTIFY;
		get_print(ipc, &r, &again, o.notify);
	}
	return 0;
}

int do_iproute(struct ip_ctx *ipc, int argc, char **argv)
{
	const char *c = argc > 0 ? argv[0] : "show";

	bool modify = argc > 0 && (!matches(c, "add") || !matches(c, "change") ||
				   !strcmp(c, "chg") || !matches(c, "replace") ||
				   !matches(c, "prepend") || !matches(c, "append") ||
				   !matches(c, "delete"));

	if (ipc->family == AF_INET6 ||
	    (!ipc->family && argc > 1 && route_args_inet6(argc - 1, argv + 1, modify)))
		return do_iproute6(ipc, argc, argv);
	argc--;
	argv++;
	if (!matches(c, "add"))
		return route_modify(ipc, argc, argv, NLM_F_CREATE | NLM_F_EXCL, false);
	if (!matches(c, "change") || !strcmp(c, "chg"))
		return route_modify(ipc, argc, argv, NLM_F_REPLACE, false);
	if (!matches(c, "replace"))
		return route_modify(ipc, argc, argv, NLM_F_CREATE | NLM_F_REPLACE, false);
	if (!matches(c, "prepend"))
		return route_modify(ipc, argc, argv, NLM_F_CREATE, false);
	if (!matches(c, "append"))
		return route_modify(ipc, argc, argv, NLM_F_CREATE | NLM_F_APPEND, false);
	if (!matches(c, "delete"))
		return route_modify(ipc, argc, argv, 0, true);
	if (!matches(c, "list") || !matches(c, "show") || !matches(c, "lst"))
		return route_show(ipc, argc < 0 ? 0 : argc, argv);
	if (!matches(c, "get"))
		return route_get(ipc, argc, argv);
	if (!matches(c, "flush"))
		return route_flush(ipc, argc, argv);
	if (!matches(c, "help"))
		return iproute_usage(ipc);
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip route help\".\n", c);
	return 255;
}

void ip_route_print_one(struct ip_ctx *ipc, u32 tb_id, __be32 dst, int plen,
			const struct fib_alias *fa)
{
	struct route_filter f;
	struct route_view v;
	struct fib_table tb = { .tb_id = tb_id };
	struct fib_prefix p = { .key = dst, .plen = plen };

	memset(&f, 0, sizeof(f));
	route_view_fill(&v, &tb, &p, fa);
	route_print(ipc, &v, &f);
}
