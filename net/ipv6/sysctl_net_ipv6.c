/* /proc/sys/net/ipv6 (net/ipv6/sysctl_net_ipv6.c, addrconf.c's
 * addrconf_sysctl, route.c's ipv6_route_table_template): conf/{all,default,
 * DEV}/NAME and the route/icmp scalars the self-tests write.  Which values
 * change behaviour is listed in docs/IPV6.md; the others are stored. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/net_namespace.h"

static const char *const devconf6_names[DEVCONF_MAX] = {
#define FN(id, name, dflt) [DEVCONF_##id] = name,
	IPV6_DEVCONF_LIST(FN)
#undef FN
};

#define N6(f) offsetof(struct netns_ipv6, f)

static const struct { const char *name; size_t off; } ipv6_scalars[] = {
	{ "auto_flowlabels", N6(sysctl_auto_flowlabels) },
	{ "bindv6only", N6(sysctl_bindv6only) },
	{ "fib_multipath_hash_policy", N6(sysctl_fib_multipath_hash_policy) },
	{ "flowlabel_reflect", N6(sysctl_flowlabel_reflect) },
	{ "flowlabel_state_ranges", N6(sysctl_flowlabel_state_ranges) },
	{ "icmp/echo_ignore_all", N6(sysctl_icmp_echo_ignore_all) },
	{ "icmp/ratelimit", N6(sysctl_icmp_ratelimit) },
	{ "ip6frag_high_thresh", N6(frags.high_thresh) },
	{ "ip6frag_low_thresh", N6(frags.low_thresh) },
	{ "ip6frag_time", N6(frags.timeout) },
	{ "ip_nonlocal_bind", N6(sysctl_ip_nonlocal_bind) },
	{ "route/gc_elasticity", N6(sysctl_route_gc_elasticity) },
	{ "route/gc_interval", N6(sysctl_route_gc_interval) },
	{ "route/gc_min_interval", N6(sysctl_route_gc_min_interval) },
	{ "route/gc_thresh", N6(sysctl_route_gc_thresh) },
	{ "route/gc_timeout", N6(sysctl_route_gc_timeout) },
	{ "route/max_size", N6(sysctl_route_max_size) },
	{ "route/min_adv_mss", N6(sysctl_route_min_adv_mss) },
	{ "route/mtu_expires", N6(sysctl_route_mtu_expires) },
};

static int *scalar_for(struct net *net, const char *key)
{
	for (size_t i = 0; i < ARRAY_SIZE(ipv6_scalars); i++)
		if (!strcmp(ipv6_scalars[i].name, key))
			return (int *)((char *)&net->ipv6 + ipv6_scalars[i].off);
	return NULL;
}

/* conf/X/NAME → the devconf and the index; -ENOENT when none */
static int conf6_resolve(struct net *net, const char *key, struct ipv6_devconf **cnf,
			 struct net_device **dev)
{
	char x[IFNAMSIZ + 1];
	const char *slash;

	*dev = NULL;
	if (strncmp(key, "conf/", 5))
		return -ENOENT;
	key += 5;
	slash = strchr(key, '/');
	if (!slash || (size_t)(slash - key) > IFNAMSIZ)
		return -ENOENT;
	memcpy(x, key, (size_t)(slash - key));
	x[slash - key] = 0;
	if (!strcmp(x, "all")) {
		*cnf = &net->ipv6.devconf_all;
	} else if (!strcmp(x, "default")) {
		*cnf = &net->ipv6.devconf_dflt;
	} else {
		*dev = __dev_get_by_name(net, x);
		if (!*dev || !__in6_dev_get(*dev))
			return -ENOENT;
		*cnf = &__in6_dev_get(*dev)->cnf;
	}
	for (int i = 0; i < DEVCONF_MAX; i++)
		if (!strcmp(devconf6_names[i], slash + 1))
			return i;
	return -ENOENT;
}

int addrconf_sysctl_read(struct net *net, const char *key, char *buf, size_t len)
{
	struct ipv6_devconf *cnf;
	struct net_device *dev;
	int *p = scalar_for(net, key), i, n;

	if (!strcmp(key, "route/flush"))
		return -EACCES;	/* mode 0200: write only */
	if (p)
		n = snprintf(buf, len, "%d", *p);
	else if ((i = conf6_resolve(net, key, &cnf, &dev)) >= 0)
		n = snprintf(buf, len, "%d", cnf->data[i]);
	else
		return -ENOENT;
	return n < 0 || (size_t)n >= len ? -ENOSPC : 0;
}

int addrconf_disable_ipv6(struct net_device *dev, int val);
int addrconf_fixup_forwarding(struct net *net, struct ipv6_devconf *cnf, int val);

static int parse_int(const char *s, int *v)
{
	char *end;
	long x;

	while (*s == ' ' || *s == '\t')
		s++;
	x = strtol(s, &end, 10);
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if (end == s || *end || x > INT_MAX || x < INT_MIN)
		return -EINVAL;
	*v = (int)x;
	return 0;
}

int addrconf_sysctl_write(struct net *net, const char *key, const char *val)
{
	struct ipv6_devconf *cnf;
	struct net_device *dev;
	int *p = scalar_for(net, key), i, v;

	if (!strcmp(key, "route/flush")) {	/* ipv6_sysctl_rtcache_flush() */
		if (parse_int(val, &v))
			return -EINVAL;
		fib6_run_gc(net);
		return 0;
	}
	if (parse_int(val, &v))
		return p || conf6_resolve(net, key, &cnf, &dev) >= 0 ? -EINVAL : -ENOENT;
	if (p) {
		*p = v;
		return 0;
	}
	if ((i = conf6_resolve(net, key, &cnf, &dev)) < 0)
		return -ENOENT;
	if (i == DEVCONF_ADDR_GEN_MODE && (v < 0 || v > 3))
		return -EINVAL;
	if (i == DEVCONF_FORWARDING)
		return addrconf_fixup_forwarding(net, cnf, v);
	cnf->data[i] = v;
	if (i == DEVCONF_DISABLE_IPV6 && dev)
		return addrconf_disable_ipv6(dev, v);
	if (i == DEVCONF_DISABLE_IPV6 && cnf == &net->ipv6.devconf_all) {
		net->ipv6.devconf_dflt.data[i] = v;
		for_each_netdev(net, dev)
			if (__in6_dev_get(dev)) {
				__in6_dev_get(dev)->cnf.data[i] = v;
				addrconf_disable_ipv6(dev, v);
			}
	}
	return 0;
}

/* The i-th key for `sysctl -a`, relative to /proc/sys; NULL past the end. */
const char *addrconf_sysctl_key(struct net *net, unsigned int i, char *buf, size_t len)
{
	struct net_device *dev;

	if (i < ARRAY_SIZE(ipv6_scalars)) {
		snprintf(buf, len, "net/ipv6/%s", ipv6_scalars[i].name);
		return buf;
	}
	i -= (unsigned int)ARRAY_SIZE(ipv6_scalars);
	if (i < 2 * DEVCONF_MAX) {
		snprintf(buf, len, "net/ipv6/conf/%s/%s", i < DEVCONF_MAX ? "all" : "default",
			 devconf6_names[i % DEVCONF_MAX]);
		return buf;
	}
	i -= 2 * DEVCONF_MAX;
	for_each_netdev(net, dev) {
		if (!__in6_dev_get(dev))
			continue;
		if (i < DEVCONF_MAX) {
			snprintf(buf, len, "net/ipv6/conf/%s/%s", dev->name, devconf6_names[i]);
			return buf;
		}
		i -= DEVCONF_MAX;
	}
	return NULL;
}
