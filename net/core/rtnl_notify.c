/* rtnetlink notifications (net/core/rtnetlink.c: rtnl_notify(); the
 * netlink socket's receive queue of net/netlink/af_netlink.c).  The places
 * that change state call rtmsg_ifinfo(), rtmsg_ifa(), rtmsg_fib(),
 * inet6_rt_notify(), inet6_ifa_notify(), neigh_notify(),
 * notify_rule_change(), nexthop_notify(); each names its object and group,
 * and every listener of the namespace on that group (an `ip monitor`)
 * formats it at once and queues the text.  A listener whose queue passes
 * its receive buffer loses the message and is told ENOBUFS at its next
 * read, as netlink_broadcast() does to a congested socket. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "linux/slab.h"
#include "net/addrconf.h"
#include "net/neighbour.h"
#include "net/net_namespace.h"
#include "net/rtnl_notify.h"
#include "net/world.h"

struct rtnl_chunk {
	struct rtnl_chunk *next;
	size_t len;
	char text[];
};

void rtnl_listener_init(struct rtnl_listener *l, u64 groups,
			void (*rcv)(struct rtnl_listener *l, const struct rtnl_msg *m),
			void *priv)
{
	memset(l, 0, sizeof(*l));
	INIT_LIST_HEAD(&l->list);
	l->groups = groups;
	l->rcv = rcv;
	l->priv = priv;
	l->rcvbuf = RTNL_DEFAULT_RCVBUF;
	init_waitqueue_head(&l->wq);
}

void rtnl_listener_add(struct net *net, struct rtnl_listener *l)
{
	l->net = net;
	list_add_tail(&l->list, &net->rtnl_listeners);
}

static void rtnl_listener_purge(struct rtnl_listener *l)
{
	while (l->head) {
		struct rtnl_chunk *c = l->head;

		l->head = c->next;
		kfree(c);
	}
	l->tail = NULL;
	l->rmem_alloc = 0;
}

void rtnl_listener_del(struct rtnl_listener *l)
{
	if (l->net)
		list_del(&l->list);
	l->net = NULL;
	rtnl_listener_purge(l);
}

void rtnl_listeners_detach(struct net *net)
{
	while (!list_empty(&net->rtnl_listeners)) {
		struct rtnl_listener *l = list_first_entry(&net->rtnl_listeners,
							   struct rtnl_listener, list);

		list_del_init(&l->list);
		l->net = NULL;
		wake_up(&l->wq);
	}
}

void rtnl_listener_drop(struct rtnl_listener *l)
{
	l->overrun = true;	/* netlink_overrun() */
	l->drops++;
	wake_up(&l->wq);
}

int rtnl_listener_queue(struct rtnl_listener *l, const char *text, size_t len)
{
	struct rtnl_chunk *c;

	/* netlink_broadcast_deliver(): over sk_rcvbuf, the socket overruns
	 * and drops until its reader has been told */
	if (l->rmem_alloc > l->rcvbuf || l->overrun) {
		rtnl_listener_drop(l);
		return -ENOBUFS;
	}
	c = kmalloc(sizeof(*c) + len);
	if (!c) {
		rtnl_listener_drop(l);	/* a failed skb clone */
		return -ENOBUFS;
	}
	c->next = NULL;
	c->len = len;
	memcpy(c->text, text, len);
	if (l->tail)
		l->tail->next = c;
	else
		l->head = c;
	l->tail = c;
	l->rmem_alloc += len + RTNL_MSG_OVERHEAD;
	wake_up(&l->wq);
	return 0;
}

/* All queued text at once: the reader prints it in one go. */
static int rtnl_listener_take(struct rtnl_listener *l, char **text, size_t *len)
{
	size_t n = 0, off = 0;
	struct rtnl_chunk *c;
	char *buf;

	for (c = l->head; c; c = c->next)
		n += c->len;
	buf = kmalloc(n + 1);
	if (!buf)
		return -ENOMEM;
	for (c = l->head; c; c = c->next) {
		memcpy(buf + off, c->text, c->len);
		off += c->len;
	}
	buf[n] = 0;
	rtnl_listener_purge(l);
	*text = buf;
	*len = n;
	return 0;
}

int rtnl_listener_recv(struct rtnl_listener *l, char **text, size_t *len)
{
	*text = NULL;
	*len = 0;
	for (;;) {
		struct world *w;

		if (l->head)
			return rtnl_listener_take(l, text, len);
		if (l->overrun) {
			/* netlink_recvmsg(): sk_err once, then the queue goes on */
			l->overrun = false;
			return -ENOBUFS;
		}
		if (!l->net)
			return -ENODEV;
		w = l->net->world;
		l->task = current_task(w);
		if (task_wait(w, &l->wq, 0) == -EINTR)
			return -EINTR;
	}
}

/* Queued messages come before the overrun is told: the reader sees what
 * fitted, then ENOBUFS (Linux reports sk_err at the next recvmsg, with
 * the queue kept). */

void rtnl_run_listeners(struct world *w)
{
	struct task *ready[16];
	struct net *net;
	int n = 0;

	list_for_each_entry(net, &w->nets, list) {
		struct rtnl_listener *l;

		list_for_each_entry(l, &net->rtnl_listeners, list)
			if (l->task && (l->head || l->overrun) && n < (int)ARRAY_SIZE(ready))
				ready[n++] = l->task;
	}
	for (int i = 0; i < n; i++)
		task_run_one(w, ready[i]);
}

bool rtnl_has_listeners(const struct net *net, unsigned int group)
{
	const struct rtnl_listener *l;

	if (!net || !net->rtnl_listeners.next)
		return false;
	list_for_each_entry(l, &net->rtnl_listeners, list)
		if (l->groups & RTNLGRP_BIT(group))
			return true;
	return false;
}

void rtnl_notify(struct net *net, unsigned int group, const struct rtnl_msg *m)
{
	struct rtnl_listener *l, *tmp;

	if (!net || !net->rtnl_listeners.next)
		return;
	list_for_each_entry_safe(l, tmp, &net->rtnl_listeners, list)
		if (l->groups & RTNLGRP_BIT(group))
			l->rcv(l, m);
}

void rtmsg_ifinfo(int type, struct net_device *dev)
{
	struct rtnl_msg m = { .type = type, .family = AF_UNSPEC, .dev = dev };

	rtnl_notify(dev_net(dev), RTNLGRP_LINK, &m);
}

void rtmsg_ifa(int type, const struct in_ifaddr *ifa)
{
	struct rtnl_msg m = { .type = type, .family = AF_INET, .ifa = ifa };

	rtnl_notify(dev_net(ifa->ifa_dev->dev), RTNLGRP_IPV4_IFADDR, &m);
}

void rtmsg_fib(int type, __be32 dst, const struct fib_alias *fa, int plen, u32 tb_id,
	       struct net *net, u32 nlflags)
{
	struct rtnl_msg m = { .type = type, .nlflags = nlflags, .family = AF_INET };

	m.rt4.tb_id = tb_id;
	m.rt4.dst = dst;
	m.rt4.plen = plen;
	m.rt4.fa = fa;
	rtnl_notify(net, RTNLGRP_IPV4_ROUTE, &m);
}

void inet6_rt_notify(int type, const struct fib6_info *rt, struct net *net, u32 nlflags)
{
	struct rtnl_msg m = { .type = type, .nlflags = nlflags, .family = AF_INET6, .rt6 = rt };

	rtnl_notify(net, RTNLGRP_IPV6_ROUTE, &m);
}

void inet6_ifa_notify(int type, const struct inet6_ifaddr *ifa)
{
	struct rtnl_msg m = { .type = type, .family = AF_INET6, .ifa6 = ifa };

	rtnl_notify(dev_net(ifa->idev->dev), RTNLGRP_IPV6_IFADDR, &m);
}

void neigh_notify(const struct neighbour *n, int type)
{
	struct rtnl_msg m = { .type = type, .family = n->tbl->key_len == 16 ? AF_INET6 : AF_INET,
			      .neigh = n };

	rtnl_notify(dev_net(n->dev), RTNLGRP_NEIGH, &m);
}

void notify_rule_change(int type, const struct fib_rule *rule, struct net *net, int family)
{
	struct rtnl_msg m = { .type = type, .family = family, .rule = rule };

	rtnl_notify(net, family == AF_INET6 ? RTNLGRP_IPV6_RULE : RTNLGRP_IPV4_RULE, &m);
}

void nexthop_notify(int type, const struct nexthop *nh, struct net *net)
{
	struct rtnl_msg m = { .type = type, .family = AF_INET, .nh = nh };

	rtnl_notify(net, RTNLGRP_NEXTHOP, &m);
}

void rtmsg_ifinfo_open(struct net_device *dev, u8 old_carrier)
{
	u8 carrier = dev->carrier, operstate = dev->operstate;

	if (!rtnl_has_listeners(dev_net(dev), RTNLGRP_LINK))
		return;
	dev->carrier = old_carrier;
	dev_update_operstate(dev);
	dev->carrier = carrier;
	rtmsg_ifinfo(RTM_NEWLINK, dev);
	dev->operstate = operstate;
}

/* linkwatch_do_dev(): netdev_state_change() for a device that is up */
static void linkwatch_do_dev(struct net_device *dev)
{
	if (dev->registered && (dev->flags & IFF_UP))
		rtmsg_ifinfo(RTM_NEWLINK, dev);
}

void linkwatch_fire_event(struct net_device *dev)
{
	struct net *net = dev_net(dev);

	if (!dev->registered || !net || !rtnl_has_listeners(net, RTNLGRP_LINK))
		return;
	if (!net->linkwatch_batch) {
		linkwatch_do_dev(dev);
		return;
	}
	for (int i = 0; i < net->linkwatch_n; i++)
		if (net->linkwatch_ev[i] == dev)	/* __LINK_STATE_LINKWATCH_PENDING */
			return;
	if (net->linkwatch_n < (int)ARRAY_SIZE(net->linkwatch_ev))
		net->linkwatch_ev[net->linkwatch_n++] = dev;
}

void linkwatch_begin(struct net *net)
{
	net->linkwatch_batch++;
}

void linkwatch_end(struct net *net)
{
	if (--net->linkwatch_batch)
		return;
	for (int i = 0; i < net->linkwatch_n; i++)
		linkwatch_do_dev(net->linkwatch_ev[i]);
	net->linkwatch_n = 0;
}

int rtnetlink_event(struct net_device *dev, unsigned long event)
{
	switch (event) {
	case NETDEV_CHANGEMTU:
	case NETDEV_CHANGEADDR:
	case NETDEV_CHANGENAME:
	case NETDEV_CHANGEUPPER:
		if (dev->registered)
			rtmsg_ifinfo(RTM_NEWLINK, dev);
		break;
	}
	return 0;
}

static const char *netconf_name(struct net *net, int ifindex)
{
	const struct net_device *dev = ifindex > 0 ? __dev_get_by_index(net, ifindex) : NULL;

	return dev ? dev->name : NULL;
}

void inet_netconf_notify_devconf(struct net *net, int type, u32 which, int ifindex,
				 const struct ipv4_devconf *conf)
{
	struct rtnl_msg m = { .type = type, .family = AF_INET };

	if (!rtnl_has_listeners(net, RTNLGRP_IPV4_NETCONF))
		return;
	m.netconf.ifindex = ifindex;
	m.netconf.name = netconf_name(net, ifindex);
	if (conf) {
		m.netconf.which = which;
		m.netconf.forwarding = conf->data[IPV4_DEVCONF_FORWARDING];
		m.netconf.rp_filter = conf->data[IPV4_DEVCONF_RP_FILTER];
		m.netconf.mc_forwarding = conf->data[IPV4_DEVCONF_MC_FORWARDING];
		m.netconf.proxy_neigh = conf->data[IPV4_DEVCONF_PROXY_ARP];
		m.netconf.ignore_linkdown = conf->data[IPV4_DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN];
	}
	rtnl_notify(net, RTNLGRP_IPV4_NETCONF, &m);
}

void inet6_netconf_notify_devconf(struct net *net, int type, u32 which, int ifindex,
				  const struct ipv6_devconf *conf)
{
	struct rtnl_msg m = { .type = type, .family = AF_INET6 };

	if (!rtnl_has_listeners(net, RTNLGRP_IPV6_NETCONF))
		return;
	m.netconf.ifindex = ifindex;
	m.netconf.name = netconf_name(net, ifindex);
	if (conf) {
		/* IPv6 has no rp_filter; mc_forwarding stays 0 without ip6mr */
		m.netconf.which = which & ~NETCONF_RP_FILTER;
		m.netconf.forwarding = conf->data[DEVCONF_FORWARDING];
		m.netconf.proxy_neigh = conf->data[DEVCONF_PROXY_NDP];
		m.netconf.ignore_linkdown = conf->data[DEVCONF_IGNORE_ROUTES_WITH_LINKDOWN];
	}
	rtnl_notify(net, RTNLGRP_IPV6_NETCONF, &m);
}
