/* /proc/sys/net for one namespace (net/core/sysctl_net_core.c,
 * net/ipv4/sysctl_net_ipv4.c, devinet.c's devinet_sysctl and neighbour.c's
 * neigh_sysctl_register in Linux): static tables of entries with their
 * proc handler semantics — proc_dointvec parsing, min/max ranges,
 * ms/seconds/USER_HZ conversions — read and written by `sysctl`. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "net/neighbour.h"
#include "net/addrconf.h"
#include "net/netfilter/nf_conntrack.h"
#include "net/ip_vs.h"
#include "net/net_namespace.h"
#include "net/sysctl_net.h"
#include "net/tcp.h"
#include "net/world.h"

/* SK_INIT: an int that lives in the initial namespace; other namespaces
 * read it and may not write it (EINVAL), as net.core.rmem_default on Linux 6.x */
enum sctl_kind { SK_INT, SK_PAIR, SK_FORWARD, SK_INIT };

struct sctl_entry {
	const char *path;
	u8 kind;
	size_t offset;			/* into struct net */
	int min, max;
};

#define NET_OFF(field) offsetof(struct net, field)
#define ANY INT_MIN, INT_MAX

static const struct sctl_entry net_entries[] = {
	{ "net/bridge/bridge-nf-call-arptables", SK_INT, NET_OFF(brnf.call_arptables), ANY },
	{ "net/bridge/bridge-nf-call-ip6tables", SK_INT, NET_OFF(brnf.call_ip6tables), ANY },
	{ "net/bridge/bridge-nf-call-iptables", SK_INT, NET_OFF(brnf.call_iptables), ANY },
	{ "net/bridge/bridge-nf-filter-pppoe-tagged", SK_INT, NET_OFF(brnf.filter_pppoe_tagged), ANY },
	{ "net/bridge/bridge-nf-filter-vlan-tagged", SK_INT, NET_OFF(brnf.filter_vlan_tagged), ANY },
	{ "net/bridge/bridge-nf-pass-vlan-input-dev", SK_INT, NET_OFF(brnf.pass_vlan_indev), ANY },
	{ "net/core/dev_weight", SK_INT, NET_OFF(core.sysctl_dev_weight), ANY },
	{ "net/core/netdev_budget", SK_INT, NET_OFF(core.sysctl_netdev_budget), ANY },
	{ "net/core/netdev_max_backlog", SK_INT, NET_OFF(core.sysctl_netdev_max_backlog), ANY },
	{ "net/core/rmem_default", SK_INIT, NET_OFF(core.sysctl_rmem_default), 2304, INT_MAX },
	{ "net/core/rmem_max", SK_INIT, NET_OFF(core.sysctl_rmem_max), 2304, INT_MAX },
	{ "net/core/somaxconn", SK_INT, NET_OFF(core.sysctl_somaxconn), 0, INT_MAX },
	{ "net/core/wmem_default", SK_INIT, NET_OFF(core.sysctl_wmem_default), 4608, INT_MAX },
	{ "net/core/wmem_max", SK_INIT, NET_OFF(core.sysctl_wmem_max), 4608, INT_MAX },
	{ "net/ipv4/fib_multipath_hash_policy", SK_INT,
	  NET_OFF(ipv4.sysctl_fib_multipath_hash_policy), 0, 3 },
	{ "net/ipv4/icmp_echo_ignore_all", SK_INT, NET_OFF(ipv4.sysctl_icmp_echo_ignore_all), 0, 1 },
	{ "net/ipv4/icmp_echo_ignore_broadcasts", SK_INT,
	  NET_OFF(ipv4.sysctl_icmp_echo_ignore_broadcasts), 0, 1 },
	{ "net/ipv4/icmp_errors_use_inbound_ifaddr", SK_INT,
	  NET_OFF(ipv4.sysctl_icmp_errors_use_inbound_ifaddr), 0, 1 },
	{ "net/ipv4/icmp_ignore_bogus_error_responses", SK_INT,
	  NET_OFF(ipv4.sysctl_icmp_ignore_bogus_error_responses), 0, 1 },
	{ "net/ipv4/icmp_msgs_burst", SK_INT, NET_OFF(ipv4.sysctl_icmp_msgs_burst), 0, INT_MAX },
	{ "net/ipv4/icmp_msgs_per_sec", SK_INT, NET_OFF(ipv4.sysctl_icmp_msgs_per_sec), 0, INT_MAX },
	{ "net/ipv4/icmp_ratelimit", SK_INT, NET_OFF(ipv4.sysctl_icmp_ratelimit), ANY },
	{ "net/ipv4/icmp_ratemask", SK_INT, NET_OFF(ipv4.sysctl_icmp_ratemask), ANY },
	{ "net/ipv4/ip_default_ttl", SK_INT, NET_OFF(ipv4.sysctl_ip_default_ttl), 1, 255 },
	{ "net/ipv4/ip_dynaddr", SK_INT, NET_OFF(ipv4.sysctl_ip_dynaddr), ANY },
	{ "net/ipv4/ip_early_demux", SK_INT, NET_OFF(ipv4.sysctl_ip_early_demux), 0, 1 },
	{ "net/ipv4/ip_forward", SK_FORWARD, 0, ANY },
	{ "net/ipv4/ip_forward_use_pmtu", SK_INT, NET_OFF(ipv4.sysctl_ip_fwd_use_pmtu), 0, 1 },
	{ "net/ipv4/ip_local_port_range", SK_PAIR, NET_OFF(ipv4.sysctl_ip_local_port_range), 1, 65535 },
	{ "net/ipv4/ip_no_pmtu_disc", SK_INT, NET_OFF(ipv4.sysctl_ip_no_pmtu_disc), 0, 3 },
	{ "net/ipv4/ip_nonlocal_bind", SK_INT, NET_OFF(ipv4.sysctl_ip_nonlocal_bind), 0, 1 },
	{ "net/ipv4/ipfrag_high_thresh", SK_INT, NET_OFF(ipv4.sysctl_ipfrag_high_thresh), 0, INT_MAX },
	{ "net/ipv4/ipfrag_low_thresh", SK_INT, NET_OFF(ipv4.sysctl_ipfrag_low_thresh), 0, INT_MAX },
	{ "net/ipv4/ipfrag_max_dist", SK_INT, NET_OFF(ipv4.sysctl_ipfrag_max_dist), 0, INT_MAX },
	{ "net/ipv4/ipfrag_time", SK_INT, NET_OFF(ipv4.sysctl_ipfrag_time), ANY },
	{ "net/ipv4/ping_group_range", SK_PAIR, NET_OFF(ipv4.sysctl_ping_group_range), 0, INT_MAX },
	{ "net/ipv4/route/min_pmtu", SK_INT, NET_OFF(ipv4.sysctl_ip_min_pmtu), 68, INT_MAX },
	{ "net/ipv4/route/mtu_expires", SK_INT, NET_OFF(ipv4.sysctl_ip_rt_mtu_expires), ANY },
};

static const char *const devconf_names[] = {
#define FN(id, name) name,
	IPV4_DEVCONF_LIST(FN)
#undef FN
};

/* net.ipv4.neigh.*: a NEIGH_VAR (var >= 0) shown in a unit, or a table
 * field (gc_*), only under "default". */
struct neigh_entry {
	const char *name;
	int var;
	int div;			/* ms per shown unit: 1, 10 (USER_HZ), 1000 */
	size_t tbl_off;
};

#define TBL_OFF(f) offsetof(struct neigh_table, f)

static const struct neigh_entry neigh_entries[] = {
	{ "anycast_delay", NEIGH_VAR_ANYCAST_DELAY, 10, 0 },
	{ "app_solicit", NEIGH_VAR_APP_PROBES, 0, 0 },
	{ "base_reachable_time", NEIGH_VAR_BASE_REACHABLE_TIME, 1000, 0 },
	{ "base_reachable_time_ms", NEIGH_VAR_BASE_REACHABLE_TIME, 1, 0 },
	{ "delay_first_probe_time", NEIGH_VAR_DELAY_PROBE_TIME, 1000, 0 },
	{ "gc_interval", -1, 1000, TBL_OFF(gc_interval) },
	{ "gc_stale_time", NEIGH_VAR_GC_STALETIME, 1000, 0 },
	{ "gc_thresh1", -1, 0, TBL_OFF(gc_thresh1) },
	{ "gc_thresh2", -1, 0, TBL_OFF(gc_thresh2) },
	{ "gc_thresh3", -1, 0, TBL_OFF(gc_thresh3) },
	{ "interval_probe_time_ms", NEIGH_VAR_INTERVAL_PROBE_TIME_MS, 1, 0 },
	{ "locktime", NEIGH_VAR_LOCKTIME, 10, 0 },
	{ "mcast_resolicit", NEIGH_VAR_MCAST_REPROBES, 0, 0 },
	{ "mcast_solicit", NEIGH_VAR_MCAST_PROBES, 0, 0 },
	{ "proxy_delay", NEIGH_VAR_PROXY_DELAY, 10, 0 },
	{ "proxy_qlen", NEIGH_VAR_PROXY_QLEN, 0, 0 },
	{ "retrans_time", NEIGH_VAR_RETRANS_TIME, 10, 0 },
	{ "retrans_time_ms", NEIGH_VAR_RETRANS_TIME, 1, 0 },
	{ "ucast_solicit", NEIGH_VAR_UCAST_PROBES, 0, 0 },
	{ "unres_qlen", NEIGH_VAR_QUEUE_LEN_BYTES, -1, 0 },
	{ "unres_qlen_bytes", NEIGH_VAR_QUEUE_LEN_BYTES, 0, 0 },
};

/* SKB_TRUESIZE(ETH_FRAME_LEN): unres_qlen is shown in packets of this size */
#define NEIGH_PKT_TRUESIZE 2104

/* proc_dointvec: optional whitespace, [-]digits, optional trailing space. */
static int parse_ints(const char *s, int *v, int n)
{
	for (int i = 0; i < n; i++) {
		char *end;
		long x;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!(*s == '-' || (*s >= '0' && *s <= '9')))
			return -EINVAL;
		errno = 0;
		x = strtol(s, &end, 10);
		if (errno || end == s || x > INT_MAX || x < INT_MIN)
			return -EINVAL;
		v[i] = (int)x;
		s = end;
	}
	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	return *s ? -EINVAL : 0;
}

/* A resolved key. */
struct sctl_ref {
	const struct sctl_entry *ent;		/* net.core / net.ipv4 scalars */
	struct ipv4_devconf *cnf;		/* conf/X/NAME */
	int attr;
	const struct neigh_entry *nent;		/* neigh/X/NAME */
	struct neigh_table *tbl;
};

static struct ipv4_devconf *conf_for(struct net *net, const char *x)
{
	struct net_device *dev;

	if (!strcmp(x, "all"))
		return &net->ipv4.devconf_all;
	if (!strcmp(x, "default"))
		return &net->ipv4.devconf_dflt;
	dev = __dev_get_by_name(net, x);
	return dev && dev->ip_ptr ? &dev->ip_ptr->cnf : NULL;
}

static int resolve_conf(struct net *net, const char *rest, struct sctl_ref *r)
{
	char x[IFNAMSIZ + 1];
	const char *slash = strchr(rest, '/');

	if (!slash || (size_t)(slash - rest) > IFNAMSIZ)
		return -ENOENT;
	memcpy(x, rest, (size_t)(slash - rest));
	x[slash - rest] = 0;
	if (!(r->cnf = conf_for(net, x)))
		return -ENOENT;
	for (int i = 0; i < IPV4_DEVCONF_MAX; i++)
		if (!strcmp(devconf_names[i], slash + 1)) {
			r->attr = i;
			return 0;
		}
	return -ENOENT;
}

static int resolve_neigh(struct net *net, const char *rest, struct sctl_ref *r)
{
	char x[IFNAMSIZ + 1];
	const char *slash = strchr(rest, '/');
	bool dflt;

	if (!slash || (size_t)(slash - rest) > IFNAMSIZ)
		return -ENOENT;
	memcpy(x, rest, (size_t)(slash - rest));
	x[slash - rest] = 0;
	dflt = !strcmp(x, "default");
	if (!dflt && !__dev_get_by_name(net, x))
		return -ENOENT;
	r->tbl = &net->ipv4.arp_tbl;
	for (size_t i = 0; i < ARRAY_SIZE(neigh_entries); i++)
		if (!strcmp(neigh_entries[i].name, slash + 1) &&
		    (dflt || neigh_entries[i].var >= 0)) {
			r->nent = &neigh_entries[i];
			return 0;
		}
	return -ENOENT;
}

/* Keys the kernel registers for the initial namespace only (net_core_table,
 * neigh/default): the world's first namespace plays init_net. */
static bool init_net_only(const struct net *net, const char *key)
{
	if (net == net->world->init_net)
		return false;
	if (!strncmp(key, "net/core/", 9))
		return strcmp(key, "net/core/somaxconn") && strcmp(key, "net/core/rmem_default") &&
		       strcmp(key, "net/core/rmem_max") && strcmp(key, "net/core/wmem_default") &&
		       strcmp(key, "net/core/wmem_max");
	return !strncmp(key, "net/ipv4/neigh/default/", 23);
}

static int sctl_resolve(struct net *net, const char *key, struct sctl_ref *r)
{
	memset(r, 0, sizeof(*r));
	if (init_net_only(net, key))
		return -ENOENT;
	if (!strncmp(key, "net/ipv4/conf/", 14))
		return resolve_conf(net, key + 14, r);
	if (!strncmp(key, "net/ipv4/neigh/", 15))
		return resolve_neigh(net, key + 15, r);
	for (size_t i = 0; i < ARRAY_SIZE(net_entries); i++)
		if (!strcmp(net_entries[i].path, key)) {
			r->ent = &net_entries[i];
			return 0;
		}
	return -ENOENT;
}

static int *net_field(struct net *net, const struct sctl_entry *e)
{
	return (int *)((char *)net + e->offset);
}

static int neigh_get(const struct sctl_ref *r)
{
	const struct neigh_entry *n = r->nent;
	int v;

	if (n->var < 0)
		v = *(int *)((char *)r->tbl + n->tbl_off);
	else
		v = r->tbl->parms.data[n->var];
	if (n->div == -1)
		return v / NEIGH_PKT_TRUESIZE;
	return n->div > 0 ? v / n->div : v;
}

/* net.netfilter.nf_conntrack_* and net.nf_conntrack_max live with
 * conntrack (nf_conntrack_standalone.c). */
static bool is_nf_ct_key(const char *key)
{
	return !strncmp(key, "net/netfilter/", 14) || !strcmp(key, "net/nf_conntrack_max");
}

int sysctl_net_read(struct net *net, const char *key, char *buf, size_t len)
{
	struct sctl_ref r;
	int err, n;

	if (!strncmp(key, "net/ipv4/tcp_", 13))	/* net/ipv4/tcp_sysctl.c */
		return tcp_sysctl_read(net, key + 9, buf, len);
	if (!strncmp(key, "net/ipv6/", 9))	/* net/ipv6/addrconf.c */
		return addrconf_sysctl_read(net, key + 9, buf, len);
	err = sctl_resolve(net, key, &r);
	if (err == -ENOENT && is_nf_ct_key(key))
		return nf_ct_sysctl_read(net, key, buf, len);
	if (err == -ENOENT && !strncmp(key, "net/ipv4/vs/", 12))	/* ip_vs_ctl.c */
		return ip_vs_sysctl_read(net, key, buf, len);
	if (err)
		return err;
	if (r.cnf)
		n = snprintf(buf, len, "%d", r.cnf->data[r.attr]);
	else if (r.nent)
		n = snprintf(buf, len, "%d", neigh_get(&r));
	else if (r.ent->kind == SK_FORWARD)
		n = snprintf(buf, len, "%d", IPV4_DEVCONF(net->ipv4.devconf_all, FORWARDING));
	else if (r.ent->kind == SK_PAIR)
		n = snprintf(buf, len, "%d\t%d", net_field(net, r.ent)[0], net_field(net, r.ent)[1]);
	else if (r.ent->kind == SK_INIT)
		n = snprintf(buf, len, "%d", *net_field(net->world->init_net, r.ent));
	else
		n = snprintf(buf, len, "%d", *net_field(net, r.ent));
	return n < 0 || (size_t)n >= len ? -ENOSPC : 0;
}

static int neigh_set(struct sctl_ref *r, int v)
{
	const struct neigh_entry *n = r->nent;
	long long x = v;

	if (n->div == -1)
		x *= NEIGH_PKT_TRUESIZE;
	else if (n->div > 0)
		x *= n->div;
	if (x > INT_MAX || x < INT_MIN)
		return -EINVAL;
	if (n->var < 0)
		*(int *)((char *)r->tbl + n->tbl_off) = (int)x;
	else
		r->tbl->parms.data[n->var] = (int)x;
	return 0;
}

static int pair_set(struct net *net, const struct sctl_entry *e, const int *v)
{
	int *f = net_field(net, e);

	if (e->offset == NET_OFF(ipv4.sysctl_ip_local_port_range) &&
	    (v[1] < v[0] || v[0] < e->min || v[1] > e->max))
		return -EINVAL;
	if (v[0] < e->min || v[1] < e->min)
		return -EINVAL;
	f[0] = v[0];
	f[1] = v[1];
	return 0;
}

int sysctl_net_write(struct net *net, const char *key, const char *val)
{
	struct sctl_ref r;
	int err, v[2];

	if (!strncmp(key, "net/ipv4/tcp_", 13))	/* net/ipv4/tcp_sysctl.c */
		return tcp_sysctl_write(net, key + 9, val);
	if (!strncmp(key, "net/ipv6/", 9))	/* net/ipv6/addrconf.c */
		return addrconf_sysctl_write(net, key + 9, val);
	err = sctl_resolve(net, key, &r);
	if (err == -ENOENT && is_nf_ct_key(key))
		return nf_ct_sysctl_write(net, key, val);
	if (err == -ENOENT && !strncmp(key, "net/ipv4/vs/", 12))	/* ip_vs_ctl.c */
		return ip_vs_sysctl_write(net, key, val);
	if (err)
		return err;
	if (!r.cnf && !r.nent && r.ent->kind == SK_PAIR)
		return parse_ints(val, v, 2) ? -EINVAL : pair_set(net, r.ent, v);
	if (parse_ints(val, v, 1))
		return -EINVAL;
	if (r.cnf)
		return devinet_sysctl_write(net, r.cnf, r.attr, v[0]);
	if (r.nent)
		return r.nent->var >= 0 && v[0] < 0 ? -EINVAL : neigh_set(&r, v[0]);
	if (r.ent->kind == SK_FORWARD)
		return devinet_sysctl_write(net, &net->ipv4.devconf_all,
					    IPV4_DEVCONF_FORWARDING, v[0]);
	if (v[0] < r.ent->min || v[0] > r.ent->max)
		return -EINVAL;
	if (r.ent->kind == SK_INIT && net != net->world->init_net)
		return -EINVAL;
	*net_field(net, r.ent) = v[0];
	return 0;
}

/* ---- iteration for `sysctl -a` ---- */

struct key_list {
	char **keys;
	size_t n, cap;
	const char *prefix;	/* only the keys under it are kept */
};

static bool under(const char *key, const char *prefix)
{
	size_t l = strlen(prefix);

	return !l || (!strncmp(key, prefix, l) && (key[l] == '/' || key[l] == 0));
}

/* Whether a, b and c one after the other make a key under prefix (checked
 * before the key is made: most of 500 keys are not wanted). */
static bool under3(const char *prefix, const char *a, const char *b, const char *c)
{
	const char *part[3] = { a, b, c };
	int i = 0;

	for (const char *q = part[0];; q++) {
		while (!*q && i < 2)
			q = part[++i];
		if (!*prefix)
			return !*q || *q == '/';
		if (*q != *prefix++)
			return false;
	}
}

static int key_add(struct key_list *kl, const char *a, const char *b, const char *c)
{
	char buf[160];

	if (*kl->prefix && !under3(kl->prefix, a, b, c))
		return 0;
	snprintf(buf, sizeof(buf), "%s%s%s", a, b, c);
	if (!under(buf, kl->prefix))	/* cut short by buf's size */
		return 0;
	if (kl->n == kl->cap) {
		size_t cap = kl->cap ? kl->cap * 2 : 256;
		char **k = krealloc(kl->keys, cap * sizeof(*k));

		if (!k)
			return -ENOMEM;
		kl->keys = k;
		kl->cap = cap;
	}
	if (!(kl->keys[kl->n] = kstrdup(buf)))
		return -ENOMEM;
	kl->n++;
	return 0;
}

/* Whether a key that starts with head can be under the prefix asked for: a
 * group of keys that cannot is not made at all (a key sysctl does not know
 * made every IPv6 key with snprintf() to find none under it). */
static bool may_hold(const struct key_list *kl, const char *head)
{
	size_t n = strlen(head), m = strlen(kl->prefix);

	return !strncmp(kl->prefix, head, m < n ? m : n);
}

static int keys_for_x(struct key_list *kl, const char *x, bool dflt_neigh)
{
	char dir[64];
	int err = 0;

	snprintf(dir, sizeof(dir), "net/ipv4/conf/%s/", x);
	for (int i = 0; !err && i < IPV4_DEVCONF_MAX; i++)
		err = key_add(kl, dir, devconf_names[i], "");
	if (!strcmp(x, "all") || (!strcmp(x, "default") && !dflt_neigh))
		return err;
	snprintf(dir, sizeof(dir), "net/ipv4/neigh/%s/", x);
	for (size_t i = 0; !err && i < ARRAY_SIZE(neigh_entries); i++)
		if (dflt_neigh || neigh_entries[i].var >= 0)
			err = key_add(kl, dir, neigh_entries[i].name, "");
	return err;
}

static int keys_collect(struct net *net, struct key_list *kl)
{
	struct net_device *dev;
	char buf6[128];
	int err = 0;

	for (size_t i = 0; !err && i < ARRAY_SIZE(net_entries); i++)
		if (!init_net_only(net, net_entries[i].path))
			err = key_add(kl, net_entries[i].path, "", "");
	if (may_hold(kl, "net/ipv4/"))
		for (size_t i = 0; !err && tcp_sysctl_name(i); i++)
			err = key_add(kl, "net/ipv4/", tcp_sysctl_name(i), "");
	if (may_hold(kl, "net/ipv6/"))
		for (unsigned int i = 0;
		     !err && addrconf_sysctl_key(net, i, buf6, sizeof(buf6)); i++)
			err = key_add(kl, buf6, "", "");
	for (unsigned int i = 0; !err && nf_ct_sysctl_key(net, i); i++)
		err = key_add(kl, nf_ct_sysctl_key(net, i), "", "");
	if (!may_hold(kl, "net/ipv4/"))
		return err;
	if (!err)
		err = keys_for_x(kl, "all", false);
	if (!err)
		err = keys_for_x(kl, "default", net == net->world->init_net);
	for_each_netdev(net, dev)
		if (!err)
			err = keys_for_x(kl, dev->name, false);
	return err;
}

/* Alphabetical per directory: compare path components one by one, which is
 * comparing the bytes with '/' below every other one (one pass; this sort
 * ran for every key `sysctl` did not find). */
static int key_cmp(const void *pa, const void *pb)
{
	const unsigned char *a = *(const unsigned char *const *)pa;
	const unsigned char *b = *(const unsigned char *const *)pb;

	for (; *a && *a == *b; a++, b++)
		;
	return (*a == '/' ? 1 : *a) - (*b == '/' ? 1 : *b);
}

int sysctl_net_for_each(struct net *net, const char *prefix,
			int (*fn)(const char *key, const char *val, void *arg), void *arg)
{
	struct key_list kl = { NULL, 0, 0, prefix };
	char val[64];
	int err = keys_collect(net, &kl);

	if (!err && kl.n)
		qsort(kl.keys, kl.n, sizeof(*kl.keys), key_cmp);
	for (size_t i = 0; !err && i < kl.n; i++)
		if (!sysctl_net_read(net, kl.keys[i], val, sizeof(val)))
			err = fn(kl.keys[i], val, arg);
	for (size_t i = 0; i < kl.n; i++)
		free(kl.keys[i]);
	free(kl.keys);
	return err;
}
