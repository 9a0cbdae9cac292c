/* `ip monitor` (iproute2 ip/ipmonitor.c): a socket bound to the rtnetlink
 * groups of the objects asked for (net/core/rtnl_notify.c), each message
 * printed as `ip OBJECT show` prints that object, with "Deleted " for the
 * RTM_DEL ones and "[ROUTE]"-style labels with `label` or `all`.  The task
 * parks until messages come and runs until interrupted (^C, the end of a
 * script, `timeout`), in the namespace it runs in (`ip -n`, `ip netns
 * exec`).  A monitor that falls behind loses messages as a netlink socket
 * does: "netlink receive error No buffer space available (105)". */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include "ip_common.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "linux/slab.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ip_fib.h"
#include "net/neighbour.h"
#include "net/net_namespace.h"
#include "net/rtnl_notify.h"
#include "net/world.h"

#define IPMON_LLINK	(1U << 0)
#define IPMON_LADDR	(1U << 1)
#define IPMON_LROUTE	(1U << 2)
#define IPMON_LMROUTE	(1U << 3)
#define IPMON_LPREFIX	(1U << 4)
#define IPMON_LNEIGH	(1U << 5)
#define IPMON_LNETCONF	(1U << 6)
#define IPMON_LRULE	(1U << 8)
#define IPMON_LNSID	(1U << 9)
#define IPMON_LNEXTHOP	(1U << 10)

struct ipmon {
	struct ip_ctx *ipc;
	bool prefix_banner;		/* `label`, `all` */
	int ifindex;			/* `dev DEV`: addresses, routes, neighbours */
	struct rtnl_listener l;
};

static const char ipmon_usage_text[] =
	"Usage: ip monitor [ all | OBJECTS ] [ FILE ] [ label ] [ all-nsid ]\n"
	"                  [ dev DEVICE ]\n"
	"OBJECTS :=  address | link | mroute | neigh | netconf |\n"
	"            nexthop | nsid | prefix | route | rule | stats\n"
	"FILE := file FILENAME\n";

static int ipmon_usage(struct ip_ctx *ipc)
{
	fputs(ipmon_usage_text, ipc->err);
	return 255;
}

static const struct net_device *ipmon_msg_dev(const struct rtnl_msg *m)
{
	const struct fib_nh *nh;

	switch (m->type) {
	case RTM_NEWADDR:
	case RTM_DELADDR:
		return m->family == AF_INET6 ? m->ifa6->idev->dev : m->ifa->ifa_dev->dev;
	case RTM_NEWNEIGH:
	case RTM_DELNEIGH:
		return m->neigh->dev;
	case RTM_NEWNETCONF:
	case RTM_DELNETCONF:
		return NULL;	/* ipnetconf's filter: by ifindex, below */
	case RTM_NEWROUTE:
	case RTM_DELROUTE:
		if (m->family == AF_INET6)
			return m->rt6->fib6_nh_dev;
		nh = m->rt4.fa->fa_info && m->rt4.fa->fa_info->fib_nhs == 1 ?
		     &m->rt4.fa->fa_info->fib_nh[0] : NULL;
		return nh ? nh->fib_nh_dev : NULL;
	}
	return NULL;
}

static const char *on_off(int v)
{
	return v ? "on" : "off";
}

/* print_netconf() */
static void ipmon_print_netconf(struct ip_ctx *ipc, const struct rtnl_msg *m)
{
	static const char *const rp[] = { "off", "strict", "loose" };
	FILE *o = ipc->out;
	u32 w = m->netconf.which;

	fputs(m->family == AF_INET6 ? "inet6 " : "inet ", o);
	if (m->netconf.ifindex == NETCONFA_IFINDEX_ALL)
		fputs("all ", o);
	else if (m->netconf.ifindex == NETCONFA_IFINDEX_DEFAULT)
		fputs("default ", o);
	else if (m->netconf.name)
		ip_color_printf(ipc, COLOR_IFNAME, "%s ", m->netconf.name);
	else
		fprintf(o, "if%d ", m->netconf.ifindex);
	if (w & NETCONF_FORWARDING)
		fprintf(o, "forwarding %s ", on_off(m->netconf.forwarding));
	if (w & NETCONF_RP_FILTER)
		fprintf(o, "rp_filter %s ", (unsigned int)m->netconf.rp_filter < 3 ?
			rp[m->netconf.rp_filter] : "unknown mode");
	if (w & NETCONF_MC_FORWARDING)
		fprintf(o, "mc_forwarding %s ", on_off(m->netconf.mc_forwarding));
	if (w & NETCONF_PROXY_NEIGH)
		fprintf(o, "proxy_neigh %s ", on_off(m->netconf.proxy_neigh));
	if (w & NETCONF_IGNORE_LINKDOWN)
		fprintf(o, "ignore_routes_with_linkdown %s ", on_off(m->netconf.ignore_linkdown));
	fputc('\n', o);
}

/* print_timestamp(): the world's clock as the time of day (UTC; virtual
 * time starts at the epoch) */
static void ipmon_timestamp(struct ip_ctx *ipc)
{
	u64 now = ipc->net ? world_now(ipc->net->world) : 0;
	time_t t = (time_t)(now / NSEC_PER_SEC);
	long usec = (long)(now % NSEC_PER_SEC / 1000);
	char buf[40];
	struct tm tm;

	gmtime_r(&t, &tm);
	if (ipc->tshort) {
		strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M:%S", &tm);
		fprintf(ipc->out, "[%s.%06ld] ", buf, usec);
	} else {
		strftime(buf, sizeof(buf), "%a %b %e %H:%M:%S %Y", &tm);
		fprintf(ipc->out, "Timestamp: %s %ld usec\n", buf, usec);
	}
}

/* accept_msg(): the label, then the object as its `show` prints it */
static void ipmon_print(struct ip_ctx *ipc, const struct ipmon *mon, const struct rtnl_msg *m)
{
	static const char *const labels[] = {
		[RTM_NEWLINK] = "[LINK]", [RTM_DELLINK] = "[LINK]",
		[RTM_NEWADDR] = "[ADDR]", [RTM_DELADDR] = "[ADDR]",
		[RTM_NEWROUTE] = "[ROUTE]", [RTM_DELROUTE] = "[ROUTE]",
		[RTM_NEWNEIGH] = "[NEIGH]", [RTM_DELNEIGH] = "[NEIGH]",
		[RTM_NEWRULE] = "[RULE]", [RTM_DELRULE] = "[RULE]",
		[RTM_NEWNEXTHOP] = "[NEXTHOP]", [RTM_DELNEXTHOP] = "[NEXTHOP]",
		[RTM_NEWNETCONF] = "[NETCONF]", [RTM_DELNETCONF] = "[NETCONF]",
	};
	bool del = m->type == RTM_DELLINK || m->type == RTM_DELADDR ||
		   m->type == RTM_DELROUTE || m->type == RTM_DELNEIGH ||
		   m->type == RTM_DELRULE || m->type == RTM_DELNEXTHOP ||
		   m->type == RTM_DELNETCONF;

	if (ipc->timestamp && !ipc->json)
		ipmon_timestamp(ipc);
	if (mon->prefix_banner && !ipc->json)
		fputs(labels[m->type], ipc->out);
	if (del && !ipc->json)
		fputs("Deleted ", ipc->out);
	switch (m->type) {
	case RTM_NEWLINK:
	case RTM_DELLINK:
		ip_print_link(ipc, m->dev, false);	/* link/ether with -4 too */
		fputc('\n', ipc->out);
		break;
	case RTM_NEWADDR:
	case RTM_DELADDR:
		if (m->family == AF_INET6)
			ip_addr6_print_one(ipc, m->ifa6);
		else
			ip_addr_print_one(ipc, m->ifa);
		break;
	case RTM_NEWROUTE:
	case RTM_DELROUTE:
		if (m->family == AF_INET6)
			ip_route6_print_one(ipc, m->rt6);
		else
			ip_route_print_one(ipc, m->rt4.tb_id, m->rt4.dst, m->rt4.plen, m->rt4.fa);
		break;
	case RTM_NEWNEIGH:
	case RTM_DELNEIGH:
		ip_neigh_print_one(ipc, m->neigh);
		break;
	case RTM_NEWRULE:
	case RTM_DELRULE:
		ip_rule_print_one(ipc, m->rule);
		break;
	case RTM_NEWNEXTHOP:
	case RTM_DELNEXTHOP:
		ip_nexthop_print_one(ipc, m->nh);
		break;
	case RTM_NEWNETCONF:
	case RTM_DELNETCONF:
		ipmon_print_netconf(ipc, m);
		break;
	}
}

/* The socket's receive side: the message becomes text now, while the
 * object it names is still there, and waits in the socket's queue. */
static void ipmon_rcv(struct rtnl_listener *l, const struct rtnl_msg *m)
{
	struct ipmon *mon = l->priv;
	const struct net_device *dev;
	struct ip_ctx ipc = *mon->ipc;
	char *text = NULL;
	size_t len = 0;

	if (m->type == RTM_NEWNEIGH || m->type == RTM_DELNEIGH)
		if (ipc.family > 0 && m->family != ipc.family)
			return;
	dev = mon->ifindex ? ipmon_msg_dev(m) : NULL;
	if (mon->ifindex && (m->type == RTM_NEWNETCONF || m->type == RTM_DELNETCONF) &&
	    m->netconf.ifindex != mon->ifindex)
		return;
	if (mon->ifindex && m->type != RTM_NEWLINK && m->type != RTM_DELLINK &&
	    m->type != RTM_NEWRULE && m->type != RTM_DELRULE &&
	    m->type != RTM_NEWNETCONF && m->type != RTM_DELNETCONF &&
	    (!dev || dev->ifindex != mon->ifindex))
		return;
	ipc.out = open_memstream(&text, &len);
	if (!ipc.out) {
		rtnl_listener_drop(l);
		return;
	}
	ipc.monitor = true;
	ipc.json = false;	/* iproute2 6.1's monitor opens no JSON context: -j prints text */
	jw_init(&ipc.jw, ipc.out, ipc.pretty);
	ipmon_print(&ipc, mon, m);
	fclose(ipc.out);
	if (len)
		rtnl_listener_queue(l, text, len);
	free(text);
}

static int ipmon_word(struct ip_ctx *ipc, struct ipmon *mon, unsigned int *lmask,
		      int *argc, char ***argv)
{
	const char *w = (*argv)[0];
	struct net_device *dev;

	if (!matches(w, "file")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		fprintf(ipc->err, "skbox: ip monitor file: not available in skbox yet\n");
		return 1;
	} else if (!matches(w, "label")) {
		mon->prefix_banner = true;
	} else if (!matches(w, "link")) {
		*lmask |= IPMON_LLINK;
	} else if (!matches(w, "address")) {
		*lmask |= IPMON_LADDR;
	} else if (!matches(w, "route")) {
		*lmask |= IPMON_LROUTE;
	} else if (!matches(w, "mroute")) {
		*lmask |= IPMON_LMROUTE;
	} else if (!matches(w, "prefix")) {
		*lmask |= IPMON_LPREFIX;
	} else if (!matches(w, "neigh")) {
		*lmask |= IPMON_LNEIGH;
	} else if (!matches(w, "netconf")) {
		*lmask |= IPMON_LNETCONF;
	} else if (!matches(w, "rule")) {
		*lmask |= IPMON_LRULE;
	} else if (!matches(w, "nsid")) {
		*lmask |= IPMON_LNSID;
	} else if (!matches(w, "nexthop")) {
		*lmask |= IPMON_LNEXTHOP;
	} else if (!strcmp(w, "all")) {
		mon->prefix_banner = true;
	} else if (!matches(w, "all-nsid")) {
		fprintf(ipc->err, "skbox: ip monitor all-nsid: not available in skbox yet\n");
		return 1;
	} else if (!matches(w, "help")) {
		return ipmon_usage(ipc);
	} else if (!strcmp(w, "dev")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		dev = __dev_get_by_name(ipc->net, (*argv)[0]);
		if (!dev)
			return ip_invarg(ipc, "Device does not exist\n", (*argv)[0]);
		mon->ifindex = dev->ifindex;
	} else {
		fprintf(ipc->err, "Argument \"%s\" is unknown, try \"ip monitor help\".\n", w);
		return 255;
	}
	return 0;
}

static u64 ipmon_groups(const struct ip_ctx *ipc, unsigned int lmask)
{
	bool v4 = ipc->family <= 0 || ipc->family == AF_INET;
	bool v6 = ipc->family <= 0 || ipc->family == AF_INET6;
	u64 g = 0;

	if (lmask & IPMON_LLINK)
		g |= RTNLGRP_BIT(RTNLGRP_LINK);
	if (lmask & IPMON_LADDR)
		g |= (v4 ? RTNLGRP_BIT(RTNLGRP_IPV4_IFADDR) : 0) |
		     (v6 ? RTNLGRP_BIT(RTNLGRP_IPV6_IFADDR) : 0);
	if (lmask & IPMON_LROUTE)
		g |= (v4 ? RTNLGRP_BIT(RTNLGRP_IPV4_ROUTE) : 0) |
		     (v6 ? RTNLGRP_BIT(RTNLGRP_IPV6_ROUTE) : 0);
	if (lmask & IPMON_LNEIGH)
		g |= RTNLGRP_BIT(RTNLGRP_NEIGH);
	if (lmask & IPMON_LNETCONF)
		g |= (v4 ? RTNLGRP_BIT(RTNLGRP_IPV4_NETCONF) : 0) |
		     (v6 ? RTNLGRP_BIT(RTNLGRP_IPV6_NETCONF) : 0);
	if (lmask & IPMON_LRULE)
		g |= (v4 ? RTNLGRP_BIT(RTNLGRP_IPV4_RULE) : 0) |
		     (v6 ? RTNLGRP_BIT(RTNLGRP_IPV6_RULE) : 0);
	if (lmask & IPMON_LNEXTHOP)
		g |= RTNLGRP_BIT(RTNLGRP_NEXTHOP);
	return g;
}

/* rtnl_listen(): print what comes until interrupted */
static int ipmon_listen(struct ip_ctx *ipc, struct ipmon *mon)
{
	for (;;) {
		char *text;
		size_t len;
		int err = rtnl_listener_recv(&mon->l, &text, &len);

		if (err == -ENOBUFS) {
			fprintf(ipc->err, "netlink receive error %s (%d)\n", strerror(ENOBUFS),
				ENOBUFS);
			continue;
		}
		if (err == -ENOMEM)
			continue;
		if (err)
			return 0;
		fwrite(text, 1, len, ipc->out);
		fflush(ipc->out);
		kfree(text);
	}
}

int do_ipmonitor(struct ip_ctx *ipc, int argc, char **argv)
{
	unsigned int lmask = 0;
	struct ipmon mon;
	int rc;

	memset(&mon, 0, sizeof(mon));
	mon.ipc = ipc;
	for (; argc > 0; argc--, argv++) {
		rc = ipmon_word(ipc, &mon, &lmask, &argc, &argv);
		if (rc)
			return rc;
	}
	if (!lmask)
		lmask = ~0U;
	rtnl_listener_init(&mon.l, ipmon_groups(ipc, lmask), ipmon_rcv, &mon);
	if (ipc->rcvbuf)	/* rtnl_set_rcvbuf(): SO_RCVBUFFORCE doubles it */
		mon.l.rcvbuf = ipc->rcvbuf * 2 > 2280 ? (size_t)ipc->rcvbuf * 2 : 2280;
	rtnl_listener_add(ipc->net, &mon.l);
	rc = ipmon_listen(ipc, &mon);
	rtnl_listener_del(&mon.l);
	return rc;
}
