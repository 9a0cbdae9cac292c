/* Network namespaces (net/core/net_namespace.c): creation runs every
 * subsystem's pernet init in the order of the list below; destruction tears
 * the devices down and runs the exits in reverse. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "net/net_namespace.h"
#include "net/rtnl_notify.h"
#include "net/world.h"
#include "linux/netdevice.h"
#include "net/rtnetlink.h"

extern const struct pernet_operations netdev_core_net_ops;
extern const struct pernet_operations devinet_ops;
extern const struct pernet_operations fib_net_ops;
extern const struct pernet_operations inet_net_ops;
extern const struct pernet_operations ipv4_route_ops;
extern const struct pernet_operations ipv4_frags_ops;
extern const struct pernet_operations loopback_net_ops;
extern const struct pernet_operations brnf_net_ops;
extern const struct pernet_operations ipt_net_ops;
extern const struct pernet_operations ipset_net_ops;
extern const struct pernet_operations nf_conntrack_net_ops;
extern const struct pernet_operations ip_vs_net_ops;
extern const struct pernet_operations addrconf_ops;
extern const struct pernet_operations ipv6_frags_ops;

/* The one visible list of per-namespace subsystems, in init order. */
static const struct pernet_operations *const pernet_list[] = {
	&netdev_core_net_ops,
	&devinet_ops,
	&fib_net_ops,
	&ipv4_route_ops,
	&ipv4_frags_ops,
	&inet_net_ops,
	&addrconf_ops,		/* IPv6; before lo registers */
	&ipv6_frags_ops,
	&loopback_net_ops,
	&brnf_net_ops,
	&ipset_net_ops,		/* before ip_tables: rules hold references to sets */
	&nf_conntrack_net_ops,
	&ip_vs_net_ops,		/* after conntrack: its exit drops entries bound to connections */
	&ipt_net_ops,
};

#define NR_PERNET (sizeof(pernet_list) / sizeof(pernet_list[0]))

struct netns_id {
	struct list_head list;
	struct net *peer;
	int id;
};

static void net_free(struct net *net)
{
	for (size_t i = 0; i < NR_PERNET; i++)
		if (pernet_list[i]->id)
			free(net->gen[*pernet_list[i]->id]);
	free(net->dev_name_hash);
	free(net->dev_index_hash);
	free(net);
}

static int ops_init(const struct pernet_operations *ops, struct net *net)
{
	if (ops->id && ops->size) {
		net->gen[*ops->id] = kzalloc(ops->size);
		if (!net->gen[*ops->id])
			return -ENOMEM;
	}
	return ops->init ? ops->init(net) : 0;
}

/* ---- named namespaces by name: a chained table that grows ---- */
static unsigned int ns_hashfn(const char *name, unsigned int size)
{
	u32 h = 2166136261u;

	for (; *name; name++)
		h = (h ^ (u8)*name) * 16777619u;
	return h & (size - 1);
}

static int ns_hash_add(struct world *w, struct net *net)
{
	if (!net->name[0])
		return 0;
	if (w->ns_count + 1 > 2 * w->ns_hash_size) {
		unsigned int size = w->ns_hash_size ? w->ns_hash_size * 2 : 16;
		struct net **h = kcalloc(size, sizeof(*h));
		struct net *n;

		if (!h)
			return -ENOMEM;
		free(w->ns_hash);
		w->ns_hash = h;
		w->ns_hash_size = size;
		list_for_each_entry(n, &w->nets, list) {
			unsigned int i;

			if (!n->name[0] || n == net)
				continue;
			i = ns_hashfn(n->name, size);
			n->name_next = h[i];
			h[i] = n;
		}
	}
	{
		unsigned int i = ns_hashfn(net->name, w->ns_hash_size);

		net->name_next = w->ns_hash[i];
		w->ns_hash[i] = net;
	}
	w->ns_count++;
	return 0;
}

static void ns_hash_del(struct world *w, struct net *net)
{
	struct net **pp;

	if (!net->name[0] || !w->ns_hash_size)
		return;
	for (pp = &w->ns_hash[ns_hashfn(net->name, w->ns_hash_size)]; *pp; pp = &(*pp)->name_next)
		if (*pp == net) {
			*pp = net->name_next;
			w->ns_count--;
			break;
		}
	if (!w->ns_count) {
		free(w->ns_hash);
		w->ns_hash = NULL;
		w->ns_hash_size = 0;
	}
}

void default_device_exit(struct net *net);

struct net *net_create(struct world *world, const char *name)
{
	struct net *net;
	size_t i;

	/* cache-line aligned: netns_ipv4 keeps what route lookups read in one line */
	if (should_failslab() || posix_memalign((void **)&net, 64, sizeof(*net)))
		return NULL;
	memset(net, 0, sizeof(*net));
	net->world = world;
	snprintf(net->name, sizeof(net->name), "%s", name);
	net->refcnt = 1;
	INIT_LIST_HEAD(&net->dev_base_head);
	INIT_LIST_HEAD(&net->ptype_all);
	INIT_LIST_HEAD(&net->ptype_base);
	INIT_LIST_HEAD(&net->nsid_list);
	INIT_LIST_HEAD(&net->rtnl_listeners);
	if (ns_hash_add(world, net)) {
		free(net);
		return NULL;
	}
	list_add_tail(&net->list, &world->nets);
	for (i = 0; i < NR_PERNET; i++) {
		if (ops_init(pernet_list[i], net))
			goto err;
	}
	return net;
err:
	/* as net_destroy(): the devices an init registered (lo) go first */
	if (net->loopback_dev)
		default_device_exit(net);
	while (i-- > 0)
		if (pernet_list[i]->exit)
			pernet_list[i]->exit(net);
	ns_hash_del(world, net);
	list_del(&net->list);
	net_free(net);
	return NULL;
}

void net_destroy(struct net *net)
{
	struct net *other;
	struct netns_id *e, *tmp;

	rtnl_listeners_detach(net);	/* an ip monitor there ends, told nothing more */
	default_device_exit(net);
	/* taps still open (a tcpdump in this namespace) are detached, so their
	 * later dev_remove_pack() touches nothing freed */
	while (!list_empty(&net->ptype_all))
		list_del(net->ptype_all.next);
	for (size_t i = NR_PERNET; i-- > 0;)
		if (pernet_list[i]->exit)
			pernet_list[i]->exit(net);
	list_for_each_entry(other, &net->world->nets, list)
		net_ns_id_forget(other, net);
	list_for_each_entry_safe(e, tmp, &net->nsid_list, list) {
		list_del(&e->list);
		free(e);
	}
	ns_hash_del(net->world, net);
	list_del(&net->list);
	net_free(net);
}

void put_net(struct net *net)
{
	if (--net->refcnt == 0)
		net_destroy(net);
}

void net_unname(struct net *net)
{
	ns_hash_del(net->world, net);
	net->name[0] = '\0';
}

struct net *get_net_ns_by_name(struct world *world, const char *name)
{
	struct net *net;

	if (!world->ns_hash_size || !name[0])
		return NULL;
	for (net = world->ns_hash[ns_hashfn(name, world->ns_hash_size)]; net; net = net->name_next)
		if (!strcmp(net->name, name))
			return net;
	return NULL;
}

int peernet2id(struct net *net, struct net *peer)
{
	struct netns_id *e;

	list_for_each_entry(e, &net->nsid_list, list)
		if (e->peer == peer)
			return e->id;
	return -1;
}

/* Ids are per namespace, handed out from 0 in order of first need. */
int peernet2id_alloc(struct net *net, struct net *peer)
{
	struct netns_id *e;
	int id = peernet2id(net, peer);

	if (id >= 0)
		return id;
	id = 0;
	list_for_each_entry(e, &net->nsid_list, list)
		if (e->id >= id)
			id = e->id + 1;
	e = kzalloc(sizeof(*e));
	if (!e)
		return -1;
	e->peer = peer;
	e->id = id;
	list_add_tail(&e->list, &net->nsid_list);
	return id;
}

void net_ns_id_forget(struct net *net, struct net *peer)
{
	struct netns_id *e, *tmp;

	list_for_each_entry_safe(e, tmp, &net->nsid_list, list) {
		if (e->peer == peer) {
			list_del(&e->list);
			free(e);
		}
	}
}

/* net.core defaults and the receive backlog */
void backlog_napi_init(struct net *net);
void backlog_napi_exit(struct net *net);

static int netdev_core_init(struct net *net)
{
	net->core.sysctl_netdev_max_backlog = 1000;
	net->core.sysctl_rmem_default = 212992;
	net->core.sysctl_wmem_default = 212992;
	net->core.sysctl_rmem_max = 4194304;
	net->core.sysctl_wmem_max = 4194304;
	net->core.sysctl_netdev_budget = 300;
	net->core.sysctl_somaxconn = 4096;
	net->core.sysctl_dev_weight = 64;
	backlog_napi_init(net);
	return 0;
}

const struct pernet_operations netdev_core_net_ops = {
	.name = "netdev_core",
	.init = netdev_core_init,
	.exit = backlog_napi_exit,
};
