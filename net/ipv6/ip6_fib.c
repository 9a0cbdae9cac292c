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
#include "net/rtnl_notify.h"

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
	tb->tb6_net = net;
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

bool fib6_nh_dead(const struct fib6_info *f)
{
	return f->fib6_nh_dev && !(f->fib6_nh_dev->flags & IFF_UP);
}

/* rt6_qualify_for_ecmp(): only routes through a gateway that addrconf did
 * not make become siblings */
static bool rt6_qualify_for_ecmp(const struct fib6_info *f)
{
	return !(f->fib6_flags & RTF_ADDRCONF) && f->fib6_nh_has_gw;
}

/* rt6_duplicate_nexthop(): the same device and gateway */
static bool rt6_duplicate_nexthop(const struct fib6_info *a, const struct fib6_info *b)
{
	return a->fib6_nh_dev == b->fib6_nh_dev && a->fib6_nh_has_gw == b->fib6_nh_has_gw &&
	       (!a->fib6_nh_has_gw || ipv6_addr_equal(&a->fib6_nh_gw, &b->fib6_nh_gw));
}

static bool fib6_same_slot(const struct fib6_info *a, const struct fib6_info *b)
{
	return !fib6_node_cmp(a, b) && a->fib6_metric == b->fib6_metric;
}

/* rt joins sib's group: every member counts one more sibling */
static void fib6_link_sibling(struct fib6_info *rt, struct fib6_info *sib)
{
	struct fib6_info *it;

	list_for_each_entry(it, &sib->fib6_siblings, fib6_siblings)
		it->fib6_nsiblings++;
	sib->fib6_nsiblings++;
	rt->fib6_nsiblings = sib->fib6_nsiblings;
	list_add_tail(&rt->fib6_siblings, &sib->fib6_siblings);
}

static void fib6_unlink_sibling(struct fib6_info *rt)
{
	struct fib6_info *it;

	if (!rt->fib6_nsiblings)
		return;
	list_for_each_entry(it, &rt->fib6_siblings, fib6_siblings)
		it->fib6_nsiblings--;
	list_del_init(&rt->fib6_siblings);
	rt->fib6_nsiblings = 0;
}

/* fib6_add_rt2node() replacing old (and its siblings) with rt */
static int __fib6_del(struct fib6_info *rt, bool notify);

static void fib6_replace(struct fib6_info *old, struct fib6_info *rt)
{
	list_add(&rt->fib6_node, &old->fib6_node);
	while (old->fib6_nsiblings)
		__fib6_del(list_first_entry(&old->fib6_siblings, struct fib6_info, fib6_siblings),
			   false);
	__fib6_del(old, false);	/* the new route's RTM_NEWROUTE (NLM_F_REPLACE) tells it */
}

/* fib6_start_gc(): a route that expires arms the namespace's GC timer,
 * net.ipv6.route.gc_interval seconds ahead */
static void fib6_start_gc(struct net *net, const struct fib6_info *rt)
{
	if (!rt->fib6_expires || timer_pending(&net->ipv6.ip6_fib_timer))
		return;
	mod_timer(&net->ipv6.ip6_fib_timer, world_now(net->world) +
		  (u64)net->ipv6.sysctl_route_gc_interval * NSEC_PER_SEC);
}

/* fib6_run_gc(): routes past their expiry (`expires N`, RA routes) go; the
 * timer comes back while some still wait to expire */
void fib6_run_gc(struct net *net)
{
	u64 now = world_now(net->world);
	struct fib6_table *tb;
	struct fib6_info *rt, *tmp;
	bool more = false;

	list_for_each_entry(tb, &net->ipv6.fib_tables, tb6_list) {
restart:
		list_for_each_entry_safe(rt, tmp, &tb->tb6_routes, fib6_node) {
			if (!rt->fib6_expires)
				continue;
			/* fib6_age(): time_after(jiffies, expires); a virtual clock
			 * meets the expiry exactly, Linux's is a little past it */
			if (rt->fib6_expires > now) {
				more = true;
				continue;
			}
			if (rt->fib6_nsiblings) {
				fib6_del(rt);
				goto restart;	/* a sibling may have been tmp */
			}
			fib6_del(rt);
		}
	}
	if (more)
		mod_timer(&net->ipv6.ip6_fib_timer, now +
			  (u64)net->ipv6.sysctl_route_gc_interval * NSEC_PER_SEC);
	else
		del_timer(&net->ipv6.ip6_fib_timer);
}

static void fib6_gc_timer_cb(struct timer_list *t)
{
	struct netns_ipv6 *n6 = from_timer(n6, t, ip6_fib_timer);

	fib6_run_gc(container_of(n6, struct net, ipv6));
}

/* fib6_add_rt2node(): an equal route (prefix, metric) already there is
 * EEXIST with NLM_F_EXCL (`ip route add`), replaced with NLM_F_REPLACE;
 * otherwise (append, or the next nexthop of a multipath add) a route
 * through a gateway joins the equal ones as a sibling, and the same
 * nexthop twice is EEXIST. */
int fib6_add(struct fib6_table *tb, struct fib6_info *rt, u32 nlflags)
{
	struct fib6_info *it, *same = NULL, *sibling = NULL;
	struct list_head *pos = &tb->tb6_routes;

	list_for_each_entry(it, &tb->tb6_routes, fib6_node) {
		int c = fib6_node_cmp(rt, it);

		if (c < 0 || (c == 0 && it->fib6_metric > rt->fib6_metric)) {
			pos = &it->fib6_node;
			break;
		}
		if (!fib6_same_slot(rt, it))
			continue;
		if (nlflags & NLM_F_EXCL)
			return -EEXIST;
		if (!same)
			same = it;
		if (!(nlflags & NLM_F_REPLACE) && rt6_duplicate_nexthop(it, rt))
			return -EEXIST;
		if (!sibling && rt6_qualify_for_ecmp(rt) && rt6_qualify_for_ecmp(it))
			sibling = it;
	}
	if (same && (nlflags & NLM_F_REPLACE)) {
		fib6_replace(same, rt);
		sibling = NULL;		/* went with the replaced route */
	} else if (!same && (nlflags & NLM_F_REPLACE) && !(nlflags & NLM_F_CREATE)) {
		return -ENOENT;
	} else {
		list_add_tail(&rt->fib6_node, pos);
		if (sibling)
			fib6_link_sibling(rt, sibling);
	}
	rt->fib6_table = tb;
	tb->tb6_count++;
	fib6_start_gc(tb->tb6_net, rt);
	if (!(nlflags & FIB6_SKIP_NOTIFY))	/* a multipath add tells the whole route */
		inet6_rt_notify(RTM_NEWROUTE, sibling ? sibling : rt, tb->tb6_net, nlflags);
	return 0;
}

int fib6_del(struct fib6_info *rt)
{
	return __fib6_del(rt, true);
}

static int __fib6_del(struct fib6_info *rt, bool notify)
{
	if (notify)
		inet6_rt_notify(RTM_DELROUTE, rt, rt->fib6_table->tb6_net, 0);
	fib6_unlink_sibling(rt);
	list_del(&rt->fib6_node);
	rt->fib6_table->tb6_count--;
	fib6_info_release(rt);
	return 0;
}

/* find_match(): a dead nexthop (its device down) of a multipath route
 * matches no lookup; without oif, fib6_select_path() steps over it */
static bool fib6_nh_usable(const struct fib6_info *rt, int oif)
{
	if (oif && rt->fib6_nsiblings && fib6_nh_dead(rt))
		return false;
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

/* Are all nexthops of rt's route dead? */
static bool fib6_group_dead(const struct fib6_info *rt)
{
	const struct fib6_info *it;

	if (!fib6_nh_dead(rt))
		return false;
	list_for_each_entry(it, &rt->fib6_siblings, fib6_siblings)
		if (!fib6_nh_dead(it))
			return false;
	return true;
}

/* rt6_multipath_flush(): a route whose nexthops are all dead goes whole */
void fib6_del_group(struct fib6_info *rt)
{
	inet6_rt_notify(RTM_DELROUTE, rt, rt->fib6_table->tb6_net, 0);	/* one for the group */
	while (rt->fib6_nsiblings)
		__fib6_del(list_first_entry(&rt->fib6_siblings, struct fib6_info, fib6_siblings),
			   false);
	__fib6_del(rt, false);
}

/* fib6_ifdown(): a single-path route through dev goes; a multipath one
 * keeps its dead nexthop until every nexthop is dead (or on unregister). */
void fib6_flush_dev(struct net *net, struct net_device *dev, bool unregister)
{
	struct fib6_table *tb;
	struct fib6_info *rt, *tmp;

	list_for_each_entry(tb, &net->ipv6.fib_tables, tb6_list) {
restart:
		list_for_each_entry_safe(rt, tmp, &tb->tb6_routes, fib6_node) {
			if (dev && rt->fib6_nh_dev != dev)
				continue;
			if (!dev || unregister || !rt->fib6_nsiblings) {
				fib6_del(rt);
			} else if (fib6_group_dead(rt)) {
				fib6_del_group(rt);
				goto restart;	/* siblings anywhere after rt went too */
			}
		}
	}
}

int fib6_tables_init(struct net *net)
{
	INIT_LIST_HEAD(&net->ipv6.fib_tables);
	INIT_LIST_HEAD(&net->ipv6.rt6_exceptions);
	timer_setup(&net->world->timers, &net->ipv6.ip6_fib_timer, fib6_gc_timer_cb);
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

	del_timer(&net->ipv6.ip6_fib_timer);
	fib6_rules_exit(net);
	fib6_flush_dev(net, NULL, false);
	list_for_each_entry_safe(tb, tmp, &net->ipv6.fib_tables, tb6_list) {
		list_del(&tb->tb6_list);
		kfree(tb);
	}
}
