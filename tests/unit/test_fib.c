// SPDX-License-Identifier: GPL-2.0
/* Unit tests for the IPv4 FIB: net/ipv4/fib_trie.c, fib_semantics.c,
 * fib_frontend.c, net/core/fib_rules.c and net/ipv4/devinet.c, on a
 * hand-built struct net with hand-built devices (no world, no dev.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <arpa/inet.h>
#include <cmocka.h>

#include "linux/slab.h"
#include "net/ip_fib.h"
#include "net/rtnetlink.h"
#include "net/net_namespace.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"

extern const struct pernet_operations fib_net_ops;
extern const struct pernet_operations devinet_ops;

struct tnet {
	struct net net;
	struct net_device dev[2];
};

static __be32 A(const char *s)
{
	struct in_addr a;

	inet_pton(AF_INET, s, &a);
	return a.s_addr;
}

static void tdev_init(struct tnet *t, int i, const char *name, bool carrier)
{
	struct net_device *d = &t->dev[i];

	snprintf(d->name, sizeof(d->name), "%s", name);
	d->ifindex = i + 2;
	d->flags = IFF_UP | IFF_BROADCAST;
	d->carrier = carrier;
	d->nd_net = &t->net;
	assert_int_equal(list_netdevice(&t->net, d), 0);
	assert_non_null(inetdev_init(d));
}

static struct tnet *tnet_new(void)
{
	struct tnet *t = calloc(1, sizeof(*t));

	INIT_LIST_HEAD(&t->net.dev_base_head);
	assert_int_equal(devinet_ops.init(&t->net), 0);
	assert_int_equal(fib_net_ops.init(&t->net), 0);
	tdev_init(t, 0, "eth0", true);
	tdev_init(t, 1, "eth1", false);
	return t;
}

static void tnet_free(struct tnet *t)
{
	for (int i = 0; i < 2; i++) {
		fib_netdev_event(&t->dev[i], NETDEV_UNREGISTER);
		inetdev_destroy(t->dev[i].ip_ptr);
	}
	fib_net_ops.exit(&t->net);
	devinet_ops.exit(&t->net);
	free(t->net.dev_name_hash);
	free(t->net.dev_index_hash);
	free(t);
}

static int addr_add(struct tnet *t, int i, const char *a, int plen)
{
	struct ifa_req r = { .ifindex = t->dev[i].ifindex, .local = A(a), .prefixlen = plen };

	return inet_rtm_newaddr(&t->net, &r, NULL);
}

static int route(struct tnet *t, bool add, const char *dst, int plen, const char *gw,
		 int oif, u32 metric, u8 type, u32 nlflags)
{
	struct fib_config c = { .fc_dst = A(dst), .fc_dst_len = plen, .fc_priority = metric,
				.fc_type = type, .fc_oif = oif, .fc_nlflags = nlflags,
				.fc_protocol = RTPROT_BOOT };

	if (gw)
		c.fc_gw4 = A(gw);
	return add ? inet_rtm_newroute(&t->net, &c, NULL) : inet_rtm_delroute(&t->net, &c, NULL);
}

#define ADD (NLM_F_CREATE | NLM_F_EXCL)

static int lookup(struct tnet *t, const char *dst, struct fib_result *res)
{
	struct flowi4 fl = { .daddr = A(dst) };

	memset(res, 0, sizeof(*res));
	return fib_lookup(&t->net, &fl, res, 0);
}

static void test_ifaddr_routes(void **state)
{
	struct tnet *t = tnet_new();
	struct fib_result res;

	(void)state;
	assert_int_equal(addr_add(t, 0, "10.0.0.1", 24), 0);
	assert_int_equal(addr_add(t, 0, "10.0.0.1", 24), -EEXIST);
	assert_int_equal(inet_addr_type(&t->net, A("10.0.0.1")), RTN_LOCAL);
	assert_int_equal(inet_addr_type(&t->net, A("10.0.0.255")), RTN_BROADCAST);
	assert_int_equal(inet_addr_type(&t->net, A("10.0.0.0")), RTN_UNICAST);
	assert_int_equal(lookup(t, "10.0.0.7", &res), 0);
	assert_int_equal(res.prefixlen, 24);
	assert_int_equal(res.scope, RT_SCOPE_LINK);
	assert_int_equal(FIB_RES_PREFSRC(&t->net, res), A("10.0.0.1"));
	/* secondary in the same subnet; deleting the primary takes it along */
	assert_int_equal(addr_add(t, 0, "10.0.0.2", 24), 0);
	assert_int_equal(inet_addr_type(&t->net, A("10.0.0.2")), RTN_LOCAL);
	struct ifa_req r = { .ifindex = 2, .local = A("10.0.0.1"), .address = A("10.0.0.1"),
			     .prefixlen = 24 };
	assert_int_equal(inet_rtm_deladdr(&t->net, &r, NULL), 0);
	assert_int_equal(inet_rtm_deladdr(&t->net, &r, NULL), -EADDRNOTAVAIL);
	assert_int_equal(inet_addr_type(&t->net, A("10.0.0.2")), RTN_UNICAST);
	assert_int_equal(lookup(t, "10.0.0.7", &res), -ENETUNREACH);
	tnet_free(t);
}

/* net->ipv4.inet_addr_lst: every local address by value, through adds,
 * secondaries, deletes and the table's growth (it starts at 8 buckets) */
static void test_inet_addr_lst(void **state)
{
	struct tnet *t = tnet_new();
	char a[32];
	u32 itag;

	(void)state;
	assert_null(inet_lookup_ifaddr_rcu(&t->net, A("10.0.0.1")));
	assert_int_equal(addr_add(t, 0, "10.0.0.1", 24), 0);
	assert_int_equal(addr_add(t, 0, "10.0.0.2", 24), 0);	/* secondary */
	assert_int_equal(addr_add(t, 1, "10.0.0.1", 16), 0);	/* the same value on eth1 */
	assert_ptr_equal(inet_lookup_ifaddr_rcu(&t->net, A("10.0.0.2"))->ifa_dev->dev, &t->dev[0]);
	/* the newest address of a value first, as hlist_add_head */
	assert_ptr_equal(__ip_dev_find(&t->net, A("10.0.0.1")), &t->dev[1]);
	for (int i = 0; i < 40; i++) {
		snprintf(a, sizeof(a), "192.168.%d.1", i);
		assert_int_equal(addr_add(t, i % 2, a, 24), 0);
	}
	assert_true(t->net.ipv4.inet_addr_hsize >= 32);
	assert_int_equal(t->net.ipv4.inet_addr_count, 43);
	for (int i = 0; i < 40; i++) {
		snprintf(a, sizeof(a), "192.168.%d.1", i);
		assert_ptr_equal(__ip_dev_find(&t->net, A(a)), &t->dev[i % 2]);
	}
	assert_null(inet_lookup_ifaddr_rcu(&t->net, A("192.168.40.1")));
	/* a local source is a martian (fib_validate_source without rp_filter) */
	assert_int_equal(fib_validate_source(NULL, A("192.168.7.1"), A("10.0.0.1"), 0, 0,
					     &t->dev[0], t->dev[0].ip_ptr, &itag), -EINVAL);
	assert_int_equal(fib_validate_source(NULL, A("10.0.0.9"), A("10.0.0.1"), 0, 0,
					     &t->dev[0], t->dev[0].ip_ptr, &itag), 0);
	/* deleting the primary takes its secondary out of the table too */
	struct ifa_req r = { .ifindex = 2, .local = A("10.0.0.1"), .address = A("10.0.0.1"),
			     .prefixlen = 24 };
	assert_int_equal(inet_rtm_deladdr(&t->net, &r, NULL), 0);
	assert_null(inet_lookup_ifaddr_rcu(&t->net, A("10.0.0.2")));
	assert_ptr_equal(__ip_dev_find(&t->net, A("10.0.0.1")), &t->dev[1]);
	assert_int_equal(t->net.ipv4.inet_addr_count, 41);
	tnet_free(t);
}

static void test_lpm_and_order(void **state)
{
	struct tnet *t = tnet_new();
	struct fib_result res;

	(void)state;
	addr_add(t, 0, "10.0.0.1", 24);
	assert_int_equal(route(t, true, "0.0.0.0", 0, "10.0.0.254", 0, 0, 0, ADD), 0);
	assert_int_equal(route(t, true, "192.168.0.0", 16, "10.0.0.5", 0, 0, 0, ADD), 0);
	assert_int_equal(route(t, true, "192.168.1.0", 24, "10.0.0.6", 0, 0, 0, ADD), 0);
	assert_int_equal(route(t, true, "192.168.1.0", 24, "10.0.0.7", 0, 0, 0, ADD), -EEXIST);
	assert_int_equal(route(t, true, "192.168.1.0", 24, "10.0.0.8", 0, 0, 0,
			       NLM_F_CREATE | NLM_F_APPEND), 0);
	assert_int_equal(route(t, true, "192.168.1.0", 24, "10.0.0.9", 0, 0, 0, NLM_F_CREATE), 0);
	assert_int_equal(route(t, true, "192.168.1.0", 24, "10.0.0.10", 0, 5, 0, ADD), 0);
	assert_int_equal(route(t, true, "192.168.1.0", 24, "99.0.0.1", 0, 0, 0, ADD), -ENETUNREACH);
	assert_int_equal(lookup(t, "192.168.1.1", &res), 0);
	assert_int_equal(res.prefixlen, 24);
	assert_int_equal(res.nhc->fib_nh_gw4, A("10.0.0.9"));	/* prepend goes first */
	struct fib_alias *fa = res.fa;
	struct fib_alias *n1 = list_entry(fa->fa_list.next, struct fib_alias, fa_list);
	struct fib_alias *n2 = list_entry(n1->fa_list.next, struct fib_alias, fa_list);
	struct fib_alias *n3 = list_entry(n2->fa_list.next, struct fib_alias, fa_list);
	assert_int_equal(n1->fa_info->fib_nh[0].fib_nh_gw4, A("10.0.0.6"));
	assert_int_equal(n2->fa_info->fib_nh[0].fib_nh_gw4, A("10.0.0.8"));
	assert_int_equal(n3->fa_info->fib_priority, 5);
	/* replace: the first alias of the (tos, metric) group */
	assert_int_equal(route(t, true, "192.168.1.0", 24, "10.0.0.33", 0, 0, 0,
			       NLM_F_CREATE | NLM_F_REPLACE), 0);
	lookup(t, "192.168.1.1", &res);
	assert_int_equal(res.nhc->fib_nh_gw4, A("10.0.0.33"));
	assert_int_equal(lookup(t, "192.168.2.1", &res), 0);
	assert_int_equal(res.prefixlen, 16);
	assert_int_equal(lookup(t, "8.8.8.8", &res), 0);
	assert_int_equal(res.prefixlen, 0);
	/* delete */
	assert_int_equal(route(t, false, "192.168.1.0", 24, "10.0.0.99", 0, 0, 0, 0), -ESRCH);
	assert_int_equal(route(t, false, "192.168.1.0", 24, NULL, 0, 7, 0, 0), -ESRCH);
	assert_int_equal(route(t, false, "192.168.1.0", 24, "10.0.0.8", 0, 0, 0, 0), 0);
	assert_int_equal(route(t, false, "192.168.1.0", 24, NULL, 0, 0, 0, 0), 0);
	lookup(t, "192.168.1.1", &res);
	assert_int_equal(res.nhc->fib_nh_gw4, A("10.0.0.6"));
	tnet_free(t);
}

static void test_special_types(void **state)
{
	struct tnet *t = tnet_new();
	struct fib_result res;

	(void)state;
	addr_add(t, 0, "10.0.0.1", 24);
	route(t, true, "0.0.0.0", 0, "10.0.0.254", 0, 0, 0, ADD);
	route(t, true, "10.6.0.0", 16, NULL, 0, 0, RTN_BLACKHOLE, ADD);
	route(t, true, "10.7.0.0", 16, NULL, 0, 0, RTN_UNREACHABLE, ADD);
	route(t, true, "10.8.0.0", 16, NULL, 0, 0, RTN_PROHIBIT, ADD);
	route(t, true, "10.9.0.0", 16, NULL, 0, 0, RTN_THROW, ADD);
	assert_int_equal(route(t, true, "10.10.0.0", 16, NULL, 2, 0, RTN_BLACKHOLE, ADD), -EINVAL);
	assert_int_equal(lookup(t, "10.6.1.1", &res), -EINVAL);
	assert_int_equal(res.type, RTN_BLACKHOLE);
	assert_int_equal(lookup(t, "10.7.1.1", &res), -EHOSTUNREACH);
	assert_int_equal(lookup(t, "10.8.1.1", &res), -EACCES);
	assert_int_equal(lookup(t, "10.9.1.1", &res), -ENETUNREACH);	/* throw, no rules */
	/* device down: connected and gateway routes go, local stays */
	t->dev[0].flags &= ~IFF_UP;
	fib_netdev_event(&t->dev[0], NETDEV_DOWN);
	assert_int_equal(lookup(t, "8.8.8.8", &res), -ENETUNREACH);
	assert_int_equal(inet_addr_type(&t->net, A("10.0.0.1")), RTN_LOCAL);
	assert_int_equal(inet_addr_type(&t->net, A("10.0.0.255")), RTN_UNICAST);
	t->dev[0].flags |= IFF_UP;
	fib_netdev_event(&t->dev[0], NETDEV_UP);
	assert_int_equal(lookup(t, "10.0.0.9", &res), 0);
	/* no carrier: linkdown flag, still used */
	addr_add(t, 1, "10.1.0.1", 24);
	assert_int_equal(lookup(t, "10.1.0.9", &res), 0);
	assert_true(res.fi->fib_flags & RTNH_F_LINKDOWN);
	/* gateway checks */
	assert_int_equal(route(t, true, "10.2.0.0", 16, "10.0.0.255", 0, 0, 0, ADD), -EINVAL);
	assert_int_equal(route(t, true, "10.2.0.0", 16, "10.0.0.1", 0, 0, 0, ADD), 0);
	tnet_free(t);
}

static int rule_add(struct tnet *t, const char *from, int len, u32 table, u8 action,
		    u32 pref, u32 target)
{
	struct fib_rule r;

	fib_rule_init(&r);
	r.src = from ? A(from) : 0;
	r.src_len = from ? len : 0;
	r.table = table;
	r.action = action;
	r.pref = pref;
	r.target = target;
	return fib_nl_newrule(&t->net, &r, pref != 0, NULL);
}

static void test_rules(void **state)
{
	struct tnet *t = tnet_new();
	struct fib_result res;
	struct flowi4 fl = { .daddr = A("8.8.8.8"), .saddr = A("1.2.3.4") };
	struct fib_rule *r;
	u32 prefs[8];
	int n = 0;

	(void)state;
	addr_add(t, 0, "10.0.0.1", 24);
	struct fib_config c = { .fc_table = 100, .fc_dst_len = 0, .fc_gw4 = A("10.0.0.100"),
				.fc_nlflags = ADD, .fc_type = RTN_UNICAST };
	assert_int_equal(inet_rtm_newroute(&t->net, &c, NULL), 0);
	assert_int_equal(rule_add(t, "1.2.3.4", 32, 100, FR_ACT_TO_TBL, 0, 0), 0);
	list_for_each_entry(r, &t->net.ipv4.rules_ops, list)
		prefs[n++] = r->pref;
	assert_int_equal(n, 4);
	assert_int_equal(prefs[1], 32765);
	assert_int_equal(fib_lookup(&t->net, &fl, &res, 0), 0);
	assert_int_equal(res.rule_pref, 32765);
	assert_int_equal(res.nhc->fib_nh_gw4, A("10.0.0.100"));
	fl.saddr = A("1.2.3.5");
	assert_int_equal(fib_lookup(&t->net, &fl, &res, 0), -ENETUNREACH);
	/* goto skips over an unreachable rule */
	assert_int_equal(rule_add(t, NULL, 0, 0, FR_ACT_UNREACHABLE, 200, 0), 0);
	assert_int_equal(fib_lookup(&t->net, &fl, &res, 0), -ENETUNREACH);
	fl.saddr = A("1.2.3.4");
	assert_int_equal(fib_lookup(&t->net, &fl, &res, 0), -ENETUNREACH);
	assert_int_equal(rule_add(t, NULL, 0, 0, FR_ACT_GOTO, 100, 300), 0);
	assert_int_equal(rule_add(t, NULL, 0, 0, FR_ACT_GOTO, 100, 50), -EINVAL);
	assert_int_equal(rule_add(t, NULL, 0, 0, FR_ACT_PROHIBIT, 150, 0), 0);
	assert_int_equal(fib_lookup(&t->net, &fl, &res, 0), -EACCES);	/* goto 300 unresolved */
	assert_int_equal(rule_add(t, NULL, 0, 0, FR_ACT_NOP, 300, 0), 0);
	assert_int_equal(fib_lookup(&t->net, &fl, &res, 0), 0);		/* goto 300 → … 32765 */
	assert_int_equal(res.rule_pref, 32765);
	struct fib_rule d;
	fib_rule_init(&d);
	d.pref = 4242;
	assert_int_equal(fib_nl_delrule(&t->net, &d, FIB_RULE_GIVEN_PREF, NULL), -ENOENT);
	d.pref = 300;
	assert_int_equal(fib_nl_delrule(&t->net, &d, FIB_RULE_GIVEN_PREF, NULL), 0);
	assert_int_equal(fib_lookup(&t->net, &fl, &res, 0), -EACCES);
	tnet_free(t);
}

static void test_rp_filter(void **state)
{
	struct tnet *t = tnet_new();
	struct in_device *idev;
	u32 itag;

	(void)state;
	addr_add(t, 0, "10.0.0.1", 24);
	addr_add(t, 1, "10.1.0.1", 24);
	t->dev[1].carrier = 1;
	fib_netdev_event(&t->dev[1], NETDEV_CHANGE);
	idev = t->dev[0].ip_ptr;
	/* rp_filter 0: anything but our own address */
	assert_int_equal(fib_validate_source(NULL, A("10.1.0.5"), A("10.0.0.1"), 0, 0,
					     &t->dev[0], idev, &itag), 0);
	assert_int_equal(fib_validate_source(NULL, A("10.0.0.1"), A("10.0.0.1"), 0, 0,
					     &t->dev[0], idev, &itag), -EINVAL);
	/* strict: the source's route must point back out of eth0 */
	devinet_sysctl_write(&t->net, &t->net.ipv4.devconf_dflt, IPV4_DEVCONF_RP_FILTER, 1);
	assert_int_equal(IN_DEV_RPFILTER(idev), 1);
	assert_int_equal(fib_validate_source(NULL, A("10.1.0.5"), A("10.0.0.1"), 0, 0,
					     &t->dev[0], idev, &itag), -EXDEV);
	assert_int_equal(fib_validate_source(NULL, A("10.0.0.5"), A("10.0.0.1"), 0, 0,
					     &t->dev[0], idev, &itag), 1);
	assert_int_equal(fib_validate_source(NULL, A("8.8.8.8"), A("10.0.0.1"), 0, 0,
					     &t->dev[0], idev, &itag), -EXDEV);
	/* loose: any route back is fine */
	devinet_sysctl_write(&t->net, &t->net.ipv4.devconf_all, IPV4_DEVCONF_RP_FILTER, 2);
	assert_int_equal(fib_validate_source(NULL, A("10.1.0.5"), A("10.0.0.1"), 0, 0,
					     &t->dev[0], idev, &itag), 0);
	/* per-device write sticks against later default writes */
	devinet_sysctl_write(&t->net, &idev->cnf, IPV4_DEVCONF_ARP_IGNORE, 2);
	devinet_sysctl_write(&t->net, &t->net.ipv4.devconf_dflt, IPV4_DEVCONF_ARP_IGNORE, 1);
	assert_int_equal(IN_DEV_CONF_GET(idev, ARP_IGNORE), 2);
	assert_int_equal(IN_DEV_CONF_GET(t->dev[1].ip_ptr, ARP_IGNORE), 1);
	devinet_sysctl_write(&t->net, &t->net.ipv4.devconf_all, IPV4_DEVCONF_FORWARDING, 1);
	assert_int_equal(IN_DEV_FORWARD(idev), 1);
	assert_int_equal(t->net.ipv4.devconf_all.data[IPV4_DEVCONF_ACCEPT_REDIRECTS], 0);
	assert_int_equal(inet_select_addr(&t->dev[0], A("10.1.0.9"), RT_SCOPE_UNIVERSE),
			 A("10.0.0.1"));
	tnet_free(t);
}

/* fib_rebalance() + fib_select_multipath(): flows spread by weight over the
 * live nexthops; a dead one gets none. */
static void test_multipath_weights(void **state)
{
	struct fib_info *fi = calloc(1, sizeof(*fi) + 2 * sizeof(struct fib_nh));
	int count[3] = { 0 };

	(void)state;
	assert_non_null(fi);
	fi->fib_nhs = 3;
	fi->fib_nh[0].fib_nh_weight = 3;
	fi->fib_nh[1].fib_nh_weight = 1;
	fi->fib_nh[2].fib_nh_weight = 4;
	fib_rebalance(fi);
	assert_int_equal(fi->fib_nh[2].fib_nh_upper_bound, 0x7FFFFFFF);
	for (u32 h = 0; h < 0x80000000u; h += 0x10000) {
		struct fib_result res = { .fi = fi };

		fib_select_multipath(&res, h);
		count[res.nh_sel]++;
	}
	assert_int_equal(count[0], 12288);	/* 3/8 of 32768 */
	assert_int_equal(count[1], 4096);
	assert_int_equal(count[2], 16384);
	fi->fib_nh[0].fib_nh_flags |= RTNH_F_DEAD;
	fib_rebalance(fi);
	assert_int_equal(fi->fib_nh[0].fib_nh_upper_bound, -1);
	memset(count, 0, sizeof(count));
	for (u32 h = 0; h < 0x80000000u; h += 0x10000) {
		struct fib_result res = { .fi = fi };

		fib_select_multipath(&res, h);
		count[res.nh_sel]++;
	}
	assert_int_equal(count[0], 0);
	assert_int_equal(count[1], 6554);	/* 1/5, rounded to the bound */
	assert_int_equal(count[2], 26214);
	free(fi);
}

/* nexthop exceptions: a device MTU change moves PMTUs as fib_nhc_update_mtu()
 * (down to the new MTU; up with it when the old MTU was the limit; a locked
 * one only unlocks at or below it); expiry; secure_redirects' gateway check */
static void test_exceptions(void **state)
{
	struct tnet *t = tnet_new();
	struct fib_nh_exception *e;
	struct fib_result res;
	struct fib_nh *nh;

	(void)state;
	t->dev[0].mtu = 2000;
	assert_int_equal(addr_add(t, 0, "10.0.0.1", 24), 0);
	assert_int_equal(route(t, true, "10.1.0.0", 16, "10.0.0.254", 0, 0, RTN_UNICAST, ADD), 0);
	assert_int_equal(lookup(t, "10.1.2.3", &res), 0);
	nh = FIB_RES_NHC(res);
	fib_insert_exception(nh, A("10.1.2.3"), 1400, false, 0, 1000);
	fib_insert_exception(nh, A("10.1.2.4"), 552, true, 0, 1000);
	fib_insert_exception(nh, A("10.1.2.5"), 0, false, A("10.0.0.253"), 1000);
	t->dev[0].mtu = 1300;
	fib_sync_mtu(&t->dev[0], 2000);
	assert_int_equal(find_exception(nh, A("10.1.2.3"), 0)->fnhe_pmtu, 1300);
	e = find_exception(nh, A("10.1.2.4"), 0);
	assert_int_equal(e->fnhe_pmtu, 552);
	assert_true(e->fnhe_mtu_locked);
	assert_int_equal(find_exception(nh, A("10.1.2.5"), 0)->fnhe_pmtu, 0);
	t->dev[0].mtu = 1700;
	fib_sync_mtu(&t->dev[0], 1300);
	assert_int_equal(find_exception(nh, A("10.1.2.3"), 0)->fnhe_pmtu, 1700);
	t->dev[0].mtu = 500;
	fib_sync_mtu(&t->dev[0], 1700);
	e = find_exception(nh, A("10.1.2.4"), 0);
	assert_int_equal(e->fnhe_pmtu, 500);
	assert_false(e->fnhe_mtu_locked);
	/* a redirect keeps the PMTU learned before it, and the reverse */
	fib_insert_exception(nh, A("10.1.2.3"), 0, false, A("10.0.0.253"), 2000);
	e = find_exception(nh, A("10.1.2.3"), 0);
	assert_int_equal(e->fnhe_pmtu, 500);
	assert_int_equal(e->fnhe_gw, A("10.0.0.253"));
	assert_int_equal(e->fnhe_expires, 2000);
	/* expired ones go when looked at (10.1.2.4 and .5; .3 was renewed) */
	assert_null(find_exception(nh, A("10.1.2.4"), 1000));
	assert_int_equal(nh->nh_exceptions_count, 1);
	assert_non_null(find_exception(nh, A("10.1.2.3"), 1000));
	assert_int_equal(ip_fib_check_default(A("10.0.0.254"), &t->dev[0]), 0);
	assert_int_equal(ip_fib_check_default(A("10.0.0.253"), &t->dev[0]), -1);
	assert_int_equal(ip_fib_check_default(A("10.0.0.254"), &t->dev[1]), -1);
	tnet_free(t);
}

static int count_alias(struct fib_table *tb, struct fib_prefix *p, struct fib_alias *fa,
		       void *arg)
{
	(void)p;
	assert_int_equal(fa->tb_id, tb->tb_id);
	(*(int *)arg)++;
	return 0;
}

static int table_count(struct fib_table *tb)
{
	int n = 0;

	assert_int_equal(fib_table_walk(tb, count_alias, &n), 0);
	return n;
}

static int local_route(struct tnet *t, bool add, const char *dst, int plen, u32 table,
		       u8 type)
{
	struct fib_config c = { .fc_dst = A(dst), .fc_dst_len = plen, .fc_table = table,
				.fc_type = type, .fc_oif = t->dev[0].ifindex,
				.fc_nlflags = ADD, .fc_scope = RT_SCOPE_HOST,
				.fc_scope_given = true };

	return add ? inet_rtm_newroute(&t->net, &c, NULL) : inet_rtm_delroute(&t->net, &c, NULL);
}

/* Local merged into main (fib_new_table()/fib_trie_table(id, alias)): one
 * lookup, longest prefix over both; each table sees only its own routes;
 * fib_unmerge() at the first rule, atomic under allocation failures. */
static void test_local_merged(void **state)
{
	struct fib_table *local, *main_tb;
	struct fib_result res;
	struct tnet *t;
	int err;

	(void)state;
	for (unsigned long nth = 1;; nth++) {
		t = tnet_new();
		local = t->net.ipv4.fib_local;
		main_tb = t->net.ipv4.fib_main;
		assert_ptr_equal(local->tb_data, main_tb);
		assert_ptr_equal(main_tb->tb_data, main_tb);
		addr_add(t, 0, "10.0.0.1", 24);
		assert_int_equal(local_route(t, true, "10.9.0.0", 16, RT_TABLE_LOCAL, RTN_LOCAL), 0);
		assert_int_equal(route(t, true, "10.9.1.0", 24, NULL, 2, 0, 0, ADD), 0);
		/* the same prefix in both tables: local's alias first */
		assert_int_equal(route(t, true, "10.0.0.1", 32, NULL, 2, 5, 0, ADD), 0);
		assert_int_equal(local->entries, 3);	/* 10.0.0.1, 10.0.0.255, 10.9/16 */
		assert_int_equal(main_tb->entries, 3);
		assert_int_equal(table_count(local), 3);
		assert_int_equal(table_count(main_tb), 3);
		assert_int_equal(lookup(t, "10.0.0.1", &res), 0);
		assert_int_equal(res.type, RTN_LOCAL);
		assert_ptr_equal(res.table, local);
		assert_int_equal(res.rule_pref, 0);
		/* longest prefix over both tables, as Linux's merged trie */
		assert_int_equal(lookup(t, "10.9.1.1", &res), 0);
		assert_int_equal(res.type, RTN_UNICAST);
		assert_ptr_equal(res.table, main_tb);
		assert_int_equal(res.rule_pref, 32766);
		assert_int_equal(lookup(t, "10.9.2.1", &res), 0);
		assert_int_equal(res.type, RTN_LOCAL);
		/* a delete in one table leaves the other's alias of the prefix */
		assert_int_equal(local_route(t, false, "10.9.0.0", 16, RT_TABLE_MAIN, RTN_LOCAL),
				 -ESRCH);
		assert_int_equal(route(t, false, "10.0.0.1", 32, NULL, 2, 5, 0, 0), 0);
		assert_int_equal(lookup(t, "10.0.0.1", &res), 0);
		assert_int_equal(res.type, RTN_LOCAL);
		assert_int_equal(route(t, true, "10.0.0.1", 32, NULL, 2, 5, 0, ADD), 0);
		/* the first rule splits them */
		failslab_set(nth);
		err = rule_add(t, "1.2.3.4", 32, 100, FR_ACT_TO_TBL, 100, 0);
		failslab_set(0);
		if (err) {
			assert_int_equal(err, -ENOMEM);
			assert_ptr_equal(local->tb_data, main_tb);
			assert_false(t->net.ipv4.fib_has_custom_rules);
		} else {
			assert_ptr_equal(local->tb_data, local);
			assert_true(t->net.ipv4.fib_has_custom_rules);
		}
		assert_int_equal(table_count(local), 3);
		assert_int_equal(table_count(main_tb), 3);
		assert_int_equal(local->entries, 3);
		assert_int_equal(main_tb->entries, 3);
		assert_int_equal(lookup(t, "10.0.0.1", &res), 0);
		assert_ptr_equal(res.table, local);
		assert_int_equal(lookup(t, "10.9.1.1", &res), 0);
		/* split: the rules look up local before main */
		assert_ptr_equal(res.table, err ? main_tb : local);
		assert_int_equal(lookup(t, "10.0.0.7", &res), 0);
		assert_ptr_equal(res.table, main_tb);
		assert_int_equal(res.rule_pref, 32766);
		assert_int_equal(fib_table_flush(&t->net, main_tb, true), 3);
		assert_int_equal(lookup(t, "10.0.0.1", &res), 0);
		assert_ptr_equal(res.table, local);
		assert_int_equal(lookup(t, "10.0.0.7", &res), -ENETUNREACH);
		tnet_free(t);
		if (!err)
			break;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ifaddr_routes),
		cmocka_unit_test(test_inet_addr_lst),
		cmocka_unit_test(test_lpm_and_order),
		cmocka_unit_test(test_special_types),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_rp_filter),
		cmocka_unit_test(test_multipath_weights),
		cmocka_unit_test(test_exceptions),
		cmocka_unit_test(test_local_merged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
