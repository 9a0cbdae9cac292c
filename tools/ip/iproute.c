/* `ip route` (iproute2 ip/iproute.c): list the FIB tables with
 * fib_table_walk() (net/ipv4/fib_trie.c), add/del/replace/append/prepend/
 * change through inet_rtm_newroute()/inet_rtm_delroute() (fib_frontend.c),
 * `flush`, and `get` through inet_rtm_getroute() (net/ipv4/route.c). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "linux/slab.h"
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/ip_fib.h"
#include "net/route.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/world.h"
#include "net/tcp.h"

struct route_filter {
	u32 tb;				/* 0 = all tables */
	int oif;
	int proto;			/* -1 = any */
	int scope;
	int type;
	struct inet_prefix rdst, mdst;	/* root / match; both = exact */
	bool has_rdst, has_mdst;
	__be32 via;
	bool has_via;
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

static void route_multipath_json(struct ip_ctx *ipc, const struct fib_info *fi)
{
	struct json_writer *jw = &ipc->jw;
	char b[32];

	jw_arr_open(jw, "nexthops");
	for (int i = 0; i < fi->fib_nhs; i++) {
		const struct fib_nh *nh = &fi->fib_nh[i];

		jw_obj_open(jw, NULL);
		if (nh->fib_nh_gw4)
			jw_string(jw, "gateway", format_ipv4(b, nh->fib_nh_gw4));
		if (nh->fib_nh_dev)
			jw_string(jw, "dev", nh->fib_nh_dev->name);
		jw_uint(jw, "weight", (unsigned int)nh->fib_nh_weight);
		route_flags_json(ipc, nh);
		jw_obj_close(jw);
	}
	jw_arr_close(jw);
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
	if (nh && nh->fib_nh_gw4)
		jw_string(jw, "gateway", format_ipv4(b, nh->fib_nh_gw4));
	if (nh && nh->fib_nh_dev)
		jw_string(jw, "dev", nh->fib_nh_dev->name);
	if ((v->table != RT_TABLE_MAIN || ipc->show_details) && !f->tb)
		jw_string(jw, "table", rt_table_name(b, v->table));
	if (v->proto != RTPROT_BOOT || ipc->show_details)
		jw_string(jw, "protocol", rt_proto_name(b, v->proto));
	if (v->scope != RT_SCOPE_UNIVERSE || ipc->show_details)
		jw_string(jw, "scope", rt_scope_name(b, v->scope));
	if (fi && fi->fib_prefsrc)
		jw_string(jw, "prefsrc", format_ipv4(b, fi->fib_prefsrc));
	if (fi && fi->fib_priority)
		jw_uint(jw, "metric", fi->fib_priority);
	route_flags_json(ipc, nh);
	if (fi && (fi->fib_mtu || fi->fib_congctl)) {
		jw_arr_open(jw, "metrics");
		jw_obj_open(jw, NULL);
		if (fi->fib_mtu)
			jw_uint(jw, "mtu", fi->fib_mtu);
		if (fi->fib_congctl)
			jw_string(jw, "congctl", fi->fib_congctl->name);
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
		if (nh->fib_nh_gw4)
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
	if (v->tos)
		fprintf(o, "tos 0x%x ", v->tos);
	if (fi && fi->fib_nh_id)
		fprintf(o, "nhid %u ", fi->fib_nh_id);
	if (nh && nh->fib_nh_gw4) {
		fputs("via ", o);
		ip_color_printf(ipc, COLOR_INET, "%s ", format_ipv4(b, nh->fib_nh_gw4));
	}
	if (nh && nh->fib_nh_dev) {
		fputs("dev ", o);
		ip_color_printf(ipc, COLOR_IFNAME, "%s ", nh->fib_nh_dev->name);
	}
	if ((v->table != RT_TABLE_MAIN || ipc->show_details) && !f->tb)
		fprintf(o, "table %s ", rt_table_name(b, v->table));
	if (v->proto != RTPROT_BOOT || ipc->show_details)
		fprintf(o, "proto %s ", rt_proto_name(b, v->proto));
	if (v->scope != RT_SCOPE_UNIVERSE || ipc->show_details)
		fprintf(o, "scope %s ", rt_scope_name(b, v->scope));
	if (fi && fi->fib_prefsrc) {
		fputs("src ", o);
		ip_color_printf(ipc, COLOR_INET, "%s ", format_ipv4(b, fi->fib_prefsrc));
	}
	if (fi && fi->fib_priority)
		fprintf(o, "metric %u ", fi->fib_priority);
	route_flags_text(ipc, nh);
	if (fi && fi->fib_mtu)
		fprintf(o, "mtu %s%u ", fi->fib_mtu_locked ? "lock " : "", fi->fib_mtu);
	if (fi && fi->fib_congctl)
		fprintf(o, "congctl %s%s ", fi->fib_congctl_locked ? "lock " : "",
			fi->fib_congctl->name);
	if (mpath)
		route_print_multipath(ipc, fi);
	fputc('\n', o);
}

static bool route_match(const struct route_filter *f, const struct route_view *v)
{
	const struct fib_nh *nh = v->fi ? &v->fi->fib_nh[0] : NULL;

	if (f->oif && (!nh || !nh->fib_nh_dev || nh->fib_nh_dev->ifindex != f->oif))
		return false;
	if (f->proto >= 0 && v->proto != f->proto)
		return false;
	if (f->scope >= 0 && v->scope != f->scope)
		return false;
	if (f->type >= 0 && v->type != f->type)
		return false;
	if (f->has_via && (!nh || nh->fib_nh_gw4 != f->via))
		return false;
	if (f->has_rdst && (v->plen < f->rdst.bitlen ||
			    (v->dst & plen_mask(f->rdst.bitlen)) != f->rdst.addr))
		return false;
	if (f->has_mdst && (v->plen > f->mdst.bitlen ||
			    (f->mdst.addr & plen_mask(v->plen)) != v->dst))
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

static int filter_prefix(struct ip_ctx *ipc, struct inet_prefix *p, const char *arg)
{
	if (parse_prefix(p, arg))
		return ip_bad_prefix(ipc, arg);
	if (p->bitlen < 0)
		p->bitlen = 32;
	p->addr &= plen_mask(p->bitlen);
	return 0;
}

static int filter_word(struct ip_ctx *ipc, struct route_filter *f, const char *k,
		       const char *v)
{
	unsigned int n;
	struct net_device *dev;

	if (!strcmp(k, "table")) {
		if (!strcmp(v, "all") || !strcmp(v, "0"))
			f->tb = 0;
		else if (!strcmp(v, "cache"))
			f->cloned = true;
		else if (rt_table_parse(&f->tb, v))
			return ip_invarg(ipc, "table id value is invalid\n", v);
	} else if (!strcmp(k, "dev") || !strcmp(k, "oif")) {
		if (!(dev = __dev_get_by_name(ipc->net, v))) {
			fprintf(ipc->err, "Cannot find device \"%s\"\n", v);
			return 1;
		}
		f->oif = dev->ifindex;
	} else if (!strcmp(k, "proto") || !strcmp(k, "protocol")) {
		if (rt_proto_parse(&n, v))
			return ip_invarg(ipc, "invalid \"protocol\"\n", v);
		f->proto = (int)n;
	} else if (!strcmp(k, "scope")) {
		if (rt_scope_parse(&n, v))
			return ip_invarg(ipc, "invalid \"scope\"\n", v);
		f->scope = (int)n;
	} else if (!strcmp(k, "type")) {
		if (rt_type_parse(&n, v))
			return ip_invarg(ipc, "node type value is invalid\n", v);
		f->type = (int)n;
	} else if (!strcmp(k, "via")) {
		if (parse_ipv4(&f->via, v))
			return ip_bad_addr(ipc, v);
		f->has_via = true;
	} else if (!strcmp(k, "root")) {
		f->has_rdst = true;
		return filter_prefix(ipc, &f->rdst, v);
	} else if (!strcmp(k, "match")) {
		f->has_mdst = true;
		return filter_prefix(ipc, &f->mdst, v);
	} else if (!strcmp(k, "exact") || !strcmp(k, "to")) {
		f->has_rdst = f->has_mdst = true;
		if (filter_prefix(ipc, &f->rdst, v))
			return 1;
		f->mdst = f->rdst;
	} else {
		return -1;
	}
	return 0;
}

static int route_filter_parse(struct ip_ctx *ipc, int argc, char **argv,
			      struct route_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->tb = RT_TABLE_MAIN;
	f->proto = f->scope = f->type = -1;
	for (; argc > 0; argc--, argv++) {
		int rc = argc > 1 ? filter_word(ipc, f, argv[0], argv[1]) : -1;

		if (rc > 0)
			return rc;
		if (rc == 0) {
			argc--;
			argv++;
			continue;
		}
		if (!strcmp(argv[0], "cloned") || !strcmp(argv[0], "cached") ||
		    !strcmp(argv[0], "cache")) {
			f->cloned = true;
			continue;
		}
		f->has_rdst = f->has_mdst = true;
		if (filter_prefix(ipc, &f->rdst, argv[0]))
			return 1;
		f->mdst = f->rdst;
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
		return 255;
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
	const char *dev;
	struct fib_nh_config mp[ROUTE_MAX_NEXTHOPS];
	const char *mp_dev[ROUTE_MAX_NEXTHOPS];
};

static int route_metric_word(struct ip_ctx *ipc, struct route_args *a, int *argc,
			     char ***argv)
{
	const char *k = (*argv)[0], *v = (*argv)[1];

	if (!strcmp(k, "mtu")) {
		if (!strcmp(v, "lock")) {
			if (*argc < 3)
				return ip_incomplete(ipc);
			a->cfg.fc_mtu_lock = true;
			(*argc)--;
			(*argv)++;
			v = (*argv)[1];
		}
		if (get_u32(&a->cfg.fc_mtu, v, 0))
			return ip_invarg(ipc, "\"mtu\" value is invalid\n", v);
	} else if (!strcmp(k, "advmss")) {
		if (get_u32(&a->cfg.fc_advmss, v, 0))
			return ip_invarg(ipc, "\"mss\" value is invalid\n", v);
	} else if (!strcmp(k, "congctl")) {
		/* iproute2 passes the name on; the kernel checks it */
		if (!strcmp(v, "lock")) {
			if (*argc < 3)
				return ip_incomplete(ipc);
			a->cfg.fc_congctl_lock = true;
			(*argc)--;
			(*argv)++;
			v = (*argv)[1];
		}
		a->cfg.fc_congctl = v;
	} else {
		return -1;
	}
	return 0;
}

static int route_word(struct ip_ctx *ipc, struct route_args *a, const char *k, const char *v)
{
	struct fib_config *c = &a->cfg;
	unsigned int n;

	if (!strcmp(k, "src")) {
		if (parse_ipv4(&c->fc_prefsrc, v))
			return ip_bad_addr(ipc, v);
	} else if (!strcmp(k, "via")) {
		if (a->gw_ok)
			return ip_duparg(ipc, "via", v);
		if (parse_ipv4(&c->fc_gw4, v))
			return ip_bad_addr(ipc, v);
		c->fc_gw_family = AF_INET;
		a->gw_ok = true;
	} else if (!strcmp(k, "nhid")) {
		if (get_u32(&c->fc_nh_id, v, 0) || !c->fc_nh_id)
			return ip_invarg(ipc, "\"id\" value is invalid\n", v);
	} else if (!strcmp(k, "metric") || !strcmp(k, "priority") || !strcmp(k, "preference")) {
		if (get_u32(&c->fc_priority, v, 0))
			return ip_invarg(ipc, "\"metric\" value is invalid\n", v);
	} else if (!strcmp(k, "scope")) {
		if (rt_scope_parse(&n, v))
			return ip_invarg(ipc, "invalid \"scope\" value\n", v);
		c->fc_scope = (u8)n;
		a->scope_ok = true;
	} else if (!strcmp(k, "table")) {
		if (rt_table_parse(&c->fc_table, v))
			return ip_invarg(ipc, "\"table\" value is invalid\n", v);
		a->table_ok = true;
	} else if (!strcmp(k, "proto") || !strcmp(k, "protocol")) {
		if (rt_proto_parse(&n, v))
			return ip_invarg(ipc, "\"protocol\" value is invalid\n", v);
		c->fc_protocol = (u8)n;
	} else if (!strcmp(k, "tos") || !strcmp(k, "dsfield")) {
		if (get_u8(&c->fc_tos, v, 16))
			return ip_invarg(ipc, "TOS value is invalid\n", v);
	} else if (!strcmp(k, "dev") || !strcmp(k, "oif")) {
		a->dev = v;
	} else {
		return -1;
	}
	return 0;
}

static int route_dst_word(struct ip_ctx *ipc, struct route_args *a, int *argc, char ***argv)
{
	struct inet_prefix p;
	unsigned int type;
	const char *w = (*argv)[0];

	if (!strcmp(w, "to")) {
		if (*argc < 2)
			return ip_incomplete(ipc);
		(*argc)--;
		(*argv)++;
		w = (*argv)[0];
	}
	if ((*w < '0' || *w > '9') && !rt_type_parse(&type, w)) {
		if (*argc < 2)
			return ip_incomplete(ipc);
		a->cfg.fc_type = (u8)type;
		a->type_ok = true;
		(*argc)--;
		(*argv)++;
		w = (*argv)[0];
	}
	if (a->dst_ok)
		return ip_duparg2(ipc, "to", w);
	if (parse_prefix(&p, w))
		return ip_bad_prefix(ipc, w);
	a->cfg.fc_dst = p.addr;
	a->cfg.fc_dst_len = (u8)(p.bitlen < 0 ? 32 : p.bitlen);
	a->dst_ok = true;
	return 0;
}

/* parse_one_nh(): via ADDR, dev NAME, weight 1..256, onlink */
static int route_nexthop_word(struct ip_ctx *ipc, struct route_args *a, int i, int *argc,
			      char ***argv)
{
	struct fib_nh_config *m = &a->mp[i];
	const char *k = (*argv)[0], *v = *argc > 1 ? (*argv)[1] : NULL;
	unsigned int w;

	if (!strcmp(k, "onlink")) {
		m->flags |= RTNH_F_ONLINK;
		return 0;
	}
	if (!v || (strcmp(k, "via") && strcmp(k, "dev") && strcmp(k, "weight")))
		return ip_invarg(ipc, "\"nexthop\" or end of line is expected instead of\n", k);
	if (!strcmp(k, "via") && parse_ipv4(&m->gw4, v))
		return ip_bad_addr(ipc, v);
	if (!strcmp(k, "dev"))
		a->mp_dev[i] = v;
	if (!strcmp(k, "weight")) {
		if (get_unsigned(&w, v, 0) || w == 0 || w > 256)
			return ip_invarg(ipc, "\"weight\" is invalid\n", v);
		m->weight = (int)w;
	}
	(*argc)--;
	(*argv)++;
	return 0;
}

/* parse_nexthops(): the rest of the line is `nexthop NH [nexthop NH]…` */
static int route_nexthops_parse(struct ip_ctx *ipc, struct route_args *a, int argc, char **argv)
{
	int n = 0, rc;

	while (argc > 0) {
		if (strcmp(argv[0], "nexthop") || n == ROUTE_MAX_NEXTHOPS)
			return ip_invarg(ipc, "\"nexthop\" or end of line is expected instead of\n",
					 argv[0]);
		if (argc < 2) {
			fprintf(ipc->err, "Error: unexpected end of line after \"nexthop\"\n");
			return 255;
		}
		a->mp[n].weight = 1;
		for (argc--, argv++; argc > 0 && strcmp(argv[0], "nexthop"); argc--, argv++)
			if ((rc = route_nexthop_word(ipc, a, n, &argc, &argv)))
				return rc;
		n++;
	}
	a->cfg.fc_mp = a->mp;
	a->cfg.fc_mp_len = n;
	a->nhs_ok = true;
	return 0;
}

static int route_nexthops_devs(struct ip_ctx *ipc, struct route_args *a)
{
	struct net_device *dev;

	for (int i = 0; i < a->cfg.fc_mp_len; i++) {
		if (!a->mp_dev[i])
			continue;
		if (!(dev = ip_dev_get(ipc, a->mp_dev[i])))
			return 1;
		a->mp[i].oif = dev->ifindex;
	}
	return 0;
}

static int route_args_parse(struct ip_ctx *ipc, int argc, char **argv, struct route_args *a)
{
	for (; argc > 0; argc--, argv++) {
		int rc = -1;

		if (!strcmp(argv[0], "nexthop"))
			return route_nexthops_parse(ipc, a, argc, argv);

		if (!strcmp(argv[0], "onlink")) {
			a->cfg.fc_flags |= RTNH_F_ONLINK;
			continue;
		}
		if (argc == 1 && (!strcmp(argv[0], "congctl") || !strcmp(argv[0], "mtu") ||
				  !strcmp(argv[0], "advmss")))
			return ip_incomplete(ipc);	/* NEXT_ARG() */
		if (argc > 1)
			rc = route_metric_word(ipc, a, &argc, &argv);
		if (rc < 0 && argc > 1)
			rc = route_word(ipc, a, argv[0], argv[1]);
		if (rc > 0)
			return rc;
		if (rc == 0) {
			argc--;
			argv++;
			continue;
		}
		if ((rc = route_dst_word(ipc, a, &argc, &argv)))
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
	if ((rc = route_args_parse(ipc, argc, argv, &a)))
		return rc;
	if (!a.dst_ok)
		return ip_incomplete(ipc);
	if ((rc = route_nexthops_devs(ipc, &a)))
		return rc;
	if (a.dev) {
		if (!(dev = ip_dev_get(ipc, a.dev)))
			return 1;
		a.cfg.fc_oif = dev->ifindex;
	}
	route_defaults(&a, del);
	a.cfg.fc_nlflags = nlflags;
	a.cfg.fc_nlinfo_net = ipc->net;
	rc = del ? inet_rtm_delroute(ipc->net, &a.cfg, &ext) :
		   inet_rtm_newroute(ipc->net, &a.cfg, &ext);
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

static int get_word(struct ip_ctx *ipc, struct rtm_get_req *r, const char *k, const char *v)
{
	struct inet_prefix p;
	struct net_device *dev;

	if (!strcmp(k, "from")) {
		if (parse_prefix(&p, v))
			return ip_bad_prefix(ipc, v);
		r->src = p.addr;
	} else if (!strcmp(k, "iif") || !strcmp(k, "oif") || !strcmp(k, "dev")) {
		if (!(dev = ip_dev_get(ipc, v)))
			return 1;
		if (!strcmp(k, "iif"))
			r->iif = dev->ifindex;
		else
			r->oif = dev->ifindex;
	} else if (!strcmp(k, "mark")) {
		if (get_u32(&r->mark, v, 0))
			return ip_invarg(ipc, "invalid mark value", v);
	} else if (!strcmp(k, "tos") || !strcmp(k, "dsfield")) {
		if (get_u8(&r->tos, v, 16))
			return ip_invarg(ipc, "TOS value is invalid\n", v);
	} else if (!strcmp(k, "uid") || !strcmp(k, "ipproto") || !strcmp(k, "sport") ||
		   !strcmp(k, "dport")) {
		return route_get_l4_word(ipc, &r->ipproto, &r->sport, &r->dport, &r->uid, k, v);
	} else if (!strcmp(k, "vrf")) {
		return 0;
	} else {
		return -1;
	}
	return 0;
}

static int get_parse(struct ip_ctx *ipc, int argc, char **argv, struct rtm_get_req *r)
{
	struct inet_prefix p;
	bool dst_ok = false;

	for (; argc > 0; argc--, argv++) {
		int rc = argc > 1 ? get_word(ipc, r, argv[0], argv[1]) : -1;

		if (rc > 0)
			return rc;
		if (rc == 0) {
			argc--;
			argv++;
			continue;
		}
		if (!strcmp(argv[0], "fibmatch")) {
			r->fibmatch = true;
			continue;
		}
		if (!strcmp(argv[0], "connected"))
			continue;
		if (!strcmp(argv[0], "to") && argc > 1) {
			argc--;
			argv++;
		}
		if (parse_prefix(&p, argv[0]) || p.is_default)
			return ip_bad_prefix(ipc, argv[0]);
		r->dst = p.addr;
		dst_ok = true;
	}
	if (!dst_ok) {
		fprintf(ipc->err, "need at least a destination address\n");
		return 1;
	}
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
		      const struct rtm_get_res *res)
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
	if (res->gw) {
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
	int rc;

	memset(&r, 0, sizeof(r));
	memset(&res, 0, sizeof(res));
	if (argc > 0 && !matches(argv[0], "help"))
		return iproute_usage(ipc);
	r.uid = -1;
	if ((rc = get_parse(ipc, argc, argv, &r)))
		return rc;
	rc = inet_rtm_getroute(ipc->net, &r, &res, &ext);
	if (rc)
		return ip_rtnl_err(ipc, rc, &ext);
	if (r.fibmatch && res.res.fa && res.res.table) {
		struct route_filter f;
		struct route_view v;
		struct fib_prefix p;

		memset(&f, 0, sizeof(f));
		memset(&p, 0, sizeof(p));
		p.key = res.res.prefix;
		p.plen = res.res.prefixlen;
		route_view_fill(&v, res.res.table, &p, res.res.fa);
		route_print(ipc, &v, &f);
		return 0;
	}
	get_print(ipc, &r, &res);
	return 0;
}

int do_iproute(struct ip_ctx *ipc, int argc, char **argv)
{
	const char *c = argc > 0 ? argv[0] : "show";

	if (ipc->family == AF_INET6 || (!ipc->family && argc > 1 && ip_args_inet6(argc - 1, argv + 1)))
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
