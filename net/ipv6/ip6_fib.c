/* The IPv6 routing tables (net/ipv6/ip6_fib.c).  Linux keeps each table as
 * a radix tree and dumps it with a post-order walk; skbox keeps each table
 * as a list already in that order — the more specific of two nested
 * prefixes first, disjoint prefixes by address, equal prefixes by metric,
 * then in insertion order — so `ip -6 route` prints in Linux's order and
 * fib6_table_lookup() takes the first match as the longest prefix with the
 * lowest metric.  Tables: local (255) and main (254) at start, others on
 * first use (fib6_new_table). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/netdevice.h"
#include "linux/slab.h"
#include "net/ip_fib.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "uapi/rtnetlink.h"

struct fib6_table *fib6_get_table(struct net *net, u32 id)
{
	struct fib6_table *tb;

	if (!id)
		id = RT_TABLE_MAIN;
	list_for_each_entry(tb, &net->ipv6.fib_tables, tb6_list)
		if (tb->tb6_id == id)
			return tb;
	return NULL;
}

struct fib6_table *fib6_new_table(struct net *net, u32 id)
{
	struct fib6_table *tb = fib6_get_table(net, id), *t;
	struct list_head *pos = &net->ipv6.fib_tables;

	if (tb)
		return tb;
	if (!(tb = kzalloc(sizeof(*tb))))
		return NULL;
	tb->tb6_id = id ? id : RT_TABLE_MAIN;
	INIT_LIST_HEAD(&tb->tb6_routes);
	/* by id, as Linux's walk over its table hash (id & 255) meets them */
	list_for_each_entry(t, &net->ipv6.fib_tables, tb6_list)
		if ((t->tb6_id & 255) > (tb->tb6_id & 255)) {
			pos = &t->tb6_list;
			break;
		}
	list_add_tail(&tb->tb6_list, pos);
	return tb;
}

/* Post-order position of a against b: < 0 when a is dumped first. */
static int fib6_node_cmp(const struct fib6_info *a, const struct fib6_info *b)
{
	int common = a->fib6_dst_len < b->fib6_dst_len ? a->fib6_dst_len : b->fib6_dst_len;
	int d = ipv6_addr_diff(&a->fib6_dst, &b->fib6_dst);

	if (d < common) {
		int bit = a->fib6_dst.s6_addr[d / 8] & (0x80 >> (d % 8));

		return bit ? 1 : -1;
	}
	if (a->fib6_dst_len != b->fib6_dst_len)
		return a->fib6_dst_len > b->fib6_dst_len ? -1 : 1;
	return 0;
}

/* fib6_add_rt2node(): an equal route (prefix, metric) already there is
 * EEXIST for add, swapped for replace. */
int fib6_add(struct fib6_table *tb, struct fib6_info *rt, u32 nlflags)
{
	struct fib6_info *it, *same = NULL;
	struct list_head *pos = &tb->tb6_routes;

	list_for_each_entry(it, &tb->tb6_routes, fib6_node) {
		int c = fib6_node_cmp(rt, it);

		if (c < 0 || (c == 0 && it->fib6_metric > rt->fib6_metric)) {
			pos = &it->fib6_node;
			break;
		}
		if (c == 0 && it->fib6_metric == rt->fib6_metric && !same)
			same = it;
	}
	/* a request from userspace with NLM_F_EXCL fails on any route of the
	 * same prefix and metric; addrconf's own only on the same nexthop */
	if (same && !(nlflags & NLM_F_REPLACE) && !(nlflags & NLM_F_EXCL)) {
		struct fib6_info *it2;

		for (it2 = same; &it2->fib6_node != &tb->tb6_routes;
		     it2 = list_entry(it2->fib6_node.next, struct fib6_info, fib6_node)) {
			if (fib6_node_cmp(rt, it2) || it2->fib6_metric != rt->fib6_metric)
				break;
			if (it2->fib6_nh_dev == rt->fib6_nh_dev &&
			    it2->fib6_nh_has_gw == rt->fib6_nh_has_gw)
				return -EEXIST;
		}
		same = NULL;
	}
	if (same && !(nlflags & NLM_F_REPLACE))
		return -EEXIST;
	if (same && (nlflags & NLM_F_REPLACE)) {
		list_add(&rt->fib6_node, &same->fib6_node);
		fib6_del(same);
	} else if (!same && (nlflags & NLM_F_REPLACE) && !(nlflags & NLM_F_CREATE)) {
		return -ENOENT;
	} else {
		list_add_tail(&rt->fib6_node, pos);
	}
	rt->fib6_table = tb;
	tb->tb6_count++;
	return 0;
}

int fib6_del(struct fib6_info *rt)
{
	list_del(&rt->fib6_node);
	rt->fib6_table->tb6_count--;
	fib6_info_release(rt);
	return 0;
}

static bool fib6_nh_usable(const struct fib6_info *rt, int oif)
{
	if (oif && rt->fib6_type != RTN_LOCAL && (!rt->fib6_nh_dev || rt->fib6_nh_dev->ifindex != oif))
		return false;
	return true;
}

struct fib6_info *fib6_table_lookup(struct net *net, struct fib6_table *tb,
				    const struct in6_addr *daddr, int oif)
{
	struct fib6_info *rt;

	(void)net;
	list_for_each_entry(rt, &tb->tb6_routes, fib6_node) {
		if (!ipv6_prefix_equal(&rt->fib6_dst, daddr, rt->fib6_dst_len))
			continue;
		if (fib6_nh_usable(rt, oif))
			return rt;
	}
	return NULL;
}

int fib6_walk(struct fib6_table *tb, int (*fn)(struct fib6_info *rt, void *arg), void *arg)
{
	struct fib6_info *rt, *tmp;
	int err;

	list_for_each_entry_safe(rt, tmp, &tb->tb6_routes, fib6_node)
		if ((err = fn(rt, arg)))
			return err;
	return 0;
}

void fib6_flush_dev(struct net *net, struct net_device *dev, bool kernel_only)
{
	struct fib6_table *tb;
	struct fib6_info *rt, *tmp;

	list_for_each_entry(tb, &net->ipv6.fib_tables, tb6_list)
		list_for_each_entry_safe(rt, tmp, &tb->tb6_routes, fib6_node) {
			if (dev && rt->fib6_nh_dev != dev)
				continue;
			if (kernel_only && rt->fib6_protocol != RTPROT_KERNEL)
				continue;
			fib6_del(rt);
		}
}

int fib6_tables_init(struct net *net)
{
	INIT_LIST_HEAD(&net->ipv6.fib_tables);
	INIT_LIST_HEAD(&net->ipv6.rt6_exceptions);
	net->ipv6.fib6_main_tbl = fib6_new_table(net, RT_TABLE_MAIN);
	net->ipv6.fib6_local_tbl = fib6_new_table(net, RT_TABLE_LOCAL);
	if (net->ipv6.fib6_main_tbl && net->ipv6.fib6_local_tbl && !fib6_rules_init(net))
		return 0;
	fib6_tables_exit(net);	/* what was made */
	return -ENOMEM;
}

void fib6_tables_exit(struct net *net)
{
	struct fib6_table *tb, *tmp;

	fib6_rules_exit(net);
	fib6_flush_dev(net, NULL, false);
	list_for_each_entry_safe(tb, tmp, &net->ipv6.fib_tables, tb6_list) {
		list_del(&tb->tb6_list);
		kfree(tb);
	}
}
