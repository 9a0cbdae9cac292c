/* Nexthop objects (net/ipv4/nexthop.c): the control path of `ip nexthop`
 * and of routes added with `nhid N`.  An object is checked as a route's
 * nexthop is (fib_create_info: "Nexthop has invalid gateway", "Device for
 * nexthop is not up") and kept as that fib_info.  A route with nhid copies
 * it (fib_nh_from_nexthop) and carries fib_nh_id; `nexthop replace` moves
 * each such route to the new gateway and device, dropping its exceptions and
 * cached routes; `nexthop del`/`flush`, and the device going away, delete
 * the routes with the object (remove_nexthop_from_fib). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/ip_fib.h"
#include "net/net_namespace.h"
#include "net/nexthop.h"
#include "net/route.h"
#include "net/rtnetlink.h"
#include "net/tcp.h"
#include "net/rtnl_notify.h"

struct nexthop *nexthop_find_by_id(struct net *net, u32 id)
{
	struct nexthop *nh;

	list_for_each_entry(nh, &net->ipv4.nexthops, nh_list)
		if (nh->id == id)
			return nh;
	return NULL;
}

/* the object as a route's nexthop config */
static void nh_fib_config(struct net *net, const struct nh_config *c, struct fib_config *f)
{
	memset(f, 0, sizeof(*f));
	f->fc_type = RTN_UNICAST;
	f->fc_scope = RT_SCOPE_UNIVERSE;
	f->fc_table = RT_TABLE_MAIN;
	f->fc_protocol = RTPROT_BOOT;
	f->fc_gw4 = c->nh_gw4;
	f->fc_gw_family = c->nh_gw4 ? AF_INET : 0;
	if (c->nh_gw_family == AF_INET6) {	/* an IPv4 route may use it (RFC 5549) */
		f->fc_gw_family = AF_INET6;
		f->fc_gw6 = c->nh_gw6;
	}
	f->fc_oif = c->nh_ifindex;
	f->fc_flags = c->nh_flags;
	f->fc_nlinfo_net = net;
}

/* fib_nh_from_nexthop(): a route added with nhid takes the object's nexthop */
int fib_nh_from_nexthop(struct net *net, struct fib_config *cfg, const char **errmsg)
{
	struct nexthop *nh = nexthop_find_by_id(net, cfg->fc_nh_id);
	const struct fib_nh *n;

	if (!nh) {
		*errmsg = "Nexthop id does not exist";
		return -EINVAL;
	}
	if (cfg->fc_gw_family || cfg->fc_oif || cfg->fc_mp_len) {
		*errmsg = "Nexthop specification and nexthop id are mutually exclusive";
		return -EINVAL;
	}
	if (!nh->nh_info && nh->num_nh > 1) {	/* a group: a multipath route */
		cfg->fc_mp = nh->grp_cfg;
		cfg->fc_mp_len = nh->num_nh;
		return 0;
	}
	if (!nh->nh_info) {
		cfg->fc_gw4 = nh->grp_cfg[0].gw4;
		cfg->fc_gw_family = cfg->fc_gw4 ? AF_INET : 0;
		if (nh->grp_cfg[0].gw_family == AF_INET6) {
			cfg->fc_gw_family = AF_INET6;
			cfg->fc_gw6 = nh->grp_cfg[0].gw6;
		}
		cfg->fc_oif = nh->grp_cfg[0].oif;
		cfg->fc_flags |= nh->grp_cfg[0].flags & RTNH_F_ONLINK;
		return 0;
	}
	n = &nh->nh_info->fib_nh[0];
	cfg->fc_gw4 = n->fib_nh_gw4;
	cfg->fc_gw_family = n->fib_nh_gw_family;
	cfg->fc_gw6 = n->fib_nh_gw6;
	cfg->fc_oif = n->fib_nh_oif;
	cfg->fc_flags |= n->fib_nh_flags & RTNH_F_ONLINK;
	return 0;
}

/* ---- the routes that use an object ---- */
struct nh_walk {
	struct net *net;
	u32 id;
	const struct fib_info *to;	/* replace: the new nexthop */
	bool rebuild;			/* a group changed: its routes are made again */
	struct fib_config *del;		/* delete: the routes found */
	size_t ndel, cap;
};

static int nh_walk_collect(struct nh_walk *w, const struct fib_table *tb,
			   const struct fib_prefix *p, const struct fib_alias *fa)
{
	struct fib_config *c;

	if (w->ndel == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 8;
		struct fib_config *n = krealloc(w->del, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		w->del = n;
		w->cap = cap;
	}
	c = &w->del[w->ndel++];
	memset(c, 0, sizeof(*c));
	c->fc_dst = p->key;
	c->fc_dst_len = p->plen;
	c->fc_tos = fa->fa_tos;
	c->fc_type = fa->fa_type;
	c->fc_table = tb->tb_id;
	c->fc_scope = RT_SCOPE_NOWHERE;
	c->fc_priority = fa->fa_info->fib_priority;
	c->fc_nlinfo_net = w->net;
	if (w->rebuild) {
		const struct fib_info *fi = fa->fa_info;

		c->fc_scope = fi->fib_scope;
		c->fc_scope_given = true;
		c->fc_protocol = fi->fib_protocol;
		c->fc_prefsrc = fi->fib_prefsrc;
		c->fc_mtu = fi->fib_mtu;
		c->fc_mtu_lock = fi->fib_mtu_locked;
		c->fc_advmss = fi->fib_advmss;
		c->fc_congctl = fi->fib_congctl ? fi->fib_congctl->name : NULL;
		c->fc_congctl_lock = fi->fib_congctl_locked;
		c->fc_nh_id = w->id;
		c->fc_nlflags = NLM_F_REPLACE;
	}
	return 0;
}

static int nh_walk_fn(struct fib_table *tb, struct fib_prefix *p, struct fib_alias *fa,
		      void *arg)
{
	struct nh_walk *w = arg;
	struct fib_info *fi = fa->fa_info;

	if (!fi || fi->fib_nh_id != w->id)
		return 0;
	if (w->to) {
		fib_nh_retarget(fi, &w->to->fib_nh[0]);
		return 0;
	}
	return nh_walk_collect(w, tb, p, fa);
}

static int nh_walk_routes(struct nh_walk *w)
{
	struct fib_table *tb;
	int err = 0;

	list_for_each_entry(tb, &w->net->ipv4.fib_tables, tb_list) {
		err = fib_table_walk(tb, nh_walk_fn, w);
		if (err < 0)
			break;
	}
	return err < 0 ? err : 0;
}

/* a group's members changed: each of its routes is replaced by one made
 * from the group as it is now */
static void nh_rebuild_routes(struct net *net, u32 id)
{
	struct nh_walk w = { .net = net, .id = id, .rebuild = true };

	nh_walk_routes(&w);
	for (size_t i = 0; i < w.ndel; i++)
		inet_rtm_newroute(net, &w.del[i], NULL);
	free(w.del);
	rt_cache_flush(net);
}

/* the members' nexthops, as a multipath route's */
static void nh_group_refresh(struct net *net, struct nexthop *grp)
{
	for (int i = 0; i < grp->num_nh; i++) {
		const struct nexthop *m = nexthop_find_by_id(net, grp->grp_id[i]);
		const struct fib_nh *n = m && m->nh_info ? &m->nh_info->fib_nh[0] : NULL;
		struct fib_nh_config *c = &grp->grp_cfg[i];

		memset(c, 0, sizeof(*c));
		c->weight = grp->grp_weight[i];
		if (!n)
			continue;
		c->gw4 = n->fib_nh_gw4;
		c->gw_family = n->fib_nh_gw_family;
		c->gw6 = n->fib_nh_gw6;
		c->oif = n->fib_nh_oif;
		c->flags = n->fib_nh_flags & RTNH_F_ONLINK;
	}
}

static int nh_group_index(const struct nexthop *grp, u32 id)
{
	for (int i = 0; i < grp->num_nh; i++)
		if (grp->grp_id[i] == id)
			return i;
	return -1;
}

/* a member replaced: the groups holding it make their routes again */
static void nh_groups_follow(struct net *net, u32 member)
{
	struct nexthop *g;

	list_for_each_entry(g, &net->ipv4.nexthops, nh_list) {
		if (g->nh_info || nh_group_index(g, member) < 0)
			continue;
		nh_group_refresh(net, g);
		nh_rebuild_routes(net, g->id);
	}
}

/* remove_nexthop_from_fib(): the routes with this id go */
static void nh_delete_routes(struct net *net, u32 id)
{
	struct nh_walk w = { .net = net, .id = id };

	nh_walk_routes(&w);
	for (size_t i = 0; i < w.ndel; i++) {
		w.del[i].fc_nlflags |= RTNL_SKIP_NOTIFY;	/* fib_flush(): no message */
		inet_rtm_delroute(net, &w.del[i], NULL);
	}
	free(w.del);
	rt_cache_flush(net);
}

static void nh_free(struct nexthop *nh)
{
	list_del(&nh->nh_list);
	if (nh->nh_info)
		fib_release_info(nh->nh_info);
	free(nh);
}

static void remove_nexthop(struct net *net, struct nexthop *nh);

/* remove_nh_grp_entry(): a deleted member leaves its groups; a group left
 * empty goes too, with its routes */
static void nh_groups_drop_member(struct net *net, u32 member)
{
	struct nexthop *g;
	bool again = true;

	while (again) {
		again = false;
		list_for_each_entry(g, &net->ipv4.nexthops, nh_list) {
			int i = g->nh_info ? -1 : nh_group_index(g, member);

			if (i < 0)
				continue;
			memmove(&g->grp_id[i], &g->grp_id[i + 1],
				(size_t)(g->num_nh - i - 1) * sizeof(g->grp_id[0]));
			memmove(&g->grp_weight[i], &g->grp_weight[i + 1],
				(size_t)(g->num_nh - i - 1) * sizeof(g->grp_weight[0]));
			if (--g->num_nh == 0) {
				remove_nexthop(net, g);
				again = true;
				break;
			}
			nh_group_refresh(net, g);
			nexthop_notify(RTM_NEWNEXTHOP, g, net);
			nh_rebuild_routes(net, g->id);
		}
	}
}

static void remove_nexthop(struct net *net, struct nexthop *nh)
{
	nexthop_notify(RTM_DELNEXTHOP, nh, net);	/* its routes go without a word */
	if (nh->nh_info)
		nh_groups_drop_member(net, nh->id);
	nh_delete_routes(net, nh->id);
	nh_free(nh);
}

/* the next free id, as nh_find_unused_id() (from 1 up) */
static u32 nh_unused_id(struct net *net)
{
	u32 id = 1;

	while (nexthop_find_by_id(net, id))
		id++;
	return id;
}

static struct nexthop *nh_insert(struct net *net, u32 id, struct fib_info *fi)
{
	struct nexthop *nh = kzalloc(sizeof(*nh)), *pos;

	if (!nh)
		return NULL;
	nh->id = id;
	nh->nh_info = fi;
	list_for_each_entry(pos, &net->ipv4.nexthops, nh_list)
		if (pos->id > id)
			break;
	list_add_tail(&nh->nh_list, &pos->nh_list);
	return nh;
}

/* nh_check_grp(): members exist, are single nexthops, appear once */
static int nh_check_grp(struct net *net, const struct nh_config *cfg,
			struct netlink_ext_ack *extack)
{
	for (int i = 0; i < cfg->num_grp; i++) {
		const struct nexthop *m = nexthop_find_by_id(net, cfg->grp_id[i]);

		if (!m) {
			NL_SET_ERR_MSG(extack, "Invalid nexthop id");
			return -EINVAL;
		}
		if (!m->nh_info) {
			NL_SET_ERR_MSG(extack, "Hash-threshold group can not be a nexthop within a group");
			return -EINVAL;
		}
		for (int j = 0; j < i; j++)
			if (cfg->grp_id[j] == cfg->grp_id[i]) {
				NL_SET_ERR_MSG(extack, "Nexthop id can not be used twice in a group");
				return -EINVAL;
			}
	}
	return 0;
}

static void nh_group_set(struct net *net, struct nexthop *g, const struct nh_config *cfg)
{
	g->num_nh = cfg->num_grp;
	memcpy(g->grp_id, cfg->grp_id, sizeof(g->grp_id));
	memcpy(g->grp_weight, cfg->grp_weight, sizeof(g->grp_weight));
	nh_group_refresh(net, g);
}

static int rtm_new_group(struct net *net, struct nh_config *cfg, struct nexthop *old,
			 struct netlink_ext_ack *extack)
{
	struct nexthop *g;
	int err = nh_check_grp(net, cfg, extack);

	if (err)
		return err;
	if (old) {
		if (old->nh_info) {
			NL_SET_ERR_MSG(extack, "Can not replace a nexthop with a nexthop group");
			return -EINVAL;
		}
		nh_group_set(net, old, cfg);
		nexthop_notify(RTM_NEWNEXTHOP, old, net);
		nh_rebuild_routes(net, old->id);
		return 0;
	}
	g = nh_insert(net, cfg->nh_id ? cfg->nh_id : nh_unused_id(net), NULL);
	if (!g)
		return -ENOMEM;
	nh_group_set(net, g, cfg);
	nexthop_notify(RTM_NEWNEXTHOP, g, net);
	return 0;
}

/* rtm_new_nexthop(): add, or replace an existing object in place */
int rtm_new_nexthop(struct net *net, struct nh_config *cfg, struct netlink_ext_ack *extack)
{
	struct nexthop *old = cfg->nh_id ? nexthop_find_by_id(net, cfg->nh_id) : NULL, *nh;
	const char *msg = NULL;
	struct fib_config fc;
	struct fib_info *fi;
	int err = 0;

	if (old && !(cfg->nlflags & NLM_F_REPLACE))
		return -EEXIST;
	if (!old && !(cfg->nlflags & NLM_F_CREATE))
		return -ENOENT;
	if (cfg->num_grp)
		return rtm_new_group(net, cfg, old, extack);
	if (old && !old->nh_info) {
		NL_SET_ERR_MSG(extack, "Can not replace a nexthop group with a nexthop");
		return -EINVAL;
	}
	nh_fib_config(net, cfg, &fc);
	fi = fib_create_info_err(&fc, &msg, &err);
	if (!fi) {
		if (msg)
			NL_SET_ERR_MSG(extack, msg);
		return err ? err : -EINVAL;
	}
	fi->fib_treeref++;
	if (old) {
		struct nh_walk w = { .net = net, .id = old->id, .to = fi };

		nh_walk_routes(&w);
		fib_release_info(old->nh_info);
		old->nh_info = fi;
		nexthop_notify(RTM_NEWNEXTHOP, old, net);
		nh_groups_follow(net, old->id);
		rt_cache_flush(net);
		return 0;
	}
	if (!(nh = nh_insert(net, cfg->nh_id ? cfg->nh_id : nh_unused_id(net), fi))) {
		fib_release_info(fi);
		return -ENOMEM;
	}
	nexthop_notify(RTM_NEWNEXTHOP, nh, net);
	return 0;
}

int rtm_del_nexthop(struct net *net, u32 id, struct netlink_ext_ack *extack)
{
	struct nexthop *nh = nexthop_find_by_id(net, id);

	(void)extack;
	if (!nh)
		return -ENOENT;
	remove_nexthop(net, nh);
	return 0;
}

/* nexthop_flush_dev(): NETDEV_UNREGISTER takes the objects through dev */
void nexthop_flush_dev(struct net_device *dev)
{
	struct net *net = dev_net(dev);
	struct nexthop *nh;
	bool again = true;

	/* a removal may take groups with it: look again from the start */
	while (again) {
		again = false;
		list_for_each_entry(nh, &net->ipv4.nexthops, nh_list)
			if (nh->nh_info && nh->nh_info->fib_nh[0].fib_nh_dev == dev) {
				remove_nexthop(net, nh);
				again = true;
				break;
			}
	}
}

void nexthop_net_exit(struct net *net)
{
	struct nexthop *nh, *n;

	list_for_each_entry_safe(nh, n, &net->ipv4.nexthops, nh_list)
		nh_free(nh);
}
