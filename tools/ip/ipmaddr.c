/* `ip maddress` (iproute2 ip/ipmaddr.c): the multicast addresses of each
 * device — link-layer ones (the device's filter, /proc/net/dev_mcast) and
 * the IPv4 groups joined (in_dev's list, /proc/net/igmp, newest first) —
 * grouped by ifindex as iproute2 prints them — and the IPv6 groups
 * (idev->mc_list, /proc/net/igmp6, newest first).  No `add`/`del` of
 * static link-layer addresses. */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>
#include "ip_common.h"
#include "linux/igmp.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/mld.h"
#include "net/net_namespace.h"

struct maddr_filter {
	const char *dev;
	int family;
};

static int maddr_usage(struct ip_ctx *ipc)
{
	fprintf(ipc->err, "Usage: ip maddr [ add | del ] MULTIADDR dev STRING\n"
			  "       ip maddr show [ dev STRING ]\n");
	return 255;
}

static void maddr_print_inet6(struct ip_ctx *ipc, const struct net_device *dev, bool *head)
{
	const struct inet6_dev *idev = __in6_dev_get(dev);
	const struct ifmcaddr6 *mc;
	char b[INET6_ADDRSTRLEN];

	if (!idev)
		return;
	list_for_each_entry(mc, &idev->mc_list, list) {
		if (!*head)
			fprintf(ipc->out, "%d:\t%s\n", dev->ifindex, dev->name);
		*head = true;
		inet_ntop(AF_INET6, &mc->mca_addr, b, sizeof(b));
		fprintf(ipc->out, "\tinet6 %s", b);
		if (mc->mca_users != 1)
			fprintf(ipc->out, " users %d", mc->mca_users);
		fputc('\n', ipc->out);
	}
}

static void maddr_print_dev(struct ip_ctx *ipc, const struct net_device *dev,
			    const struct maddr_filter *f)
{
	const struct list_head *groups = ip_mc_groups(__in_dev_get_rtnl(dev));
	const struct ip_mc_list *im;
	bool head = false;
	char b[32];

	if (f->dev && strcmp(f->dev, dev->name))
		return;
	for (int i = 0; (f->family == AF_UNSPEC || f->family == AF_PACKET) && i < dev->mc_count; i++) {
		if (!head)
			fprintf(ipc->out, "%d:\t%s\n", dev->ifindex, dev->name);
		head = true;
		format_lladdr(b, dev->mc_list[i], ETH_ALEN);
		fprintf(ipc->out, "\tlink  %s\n", b);
	}
	if (!groups || f->family == AF_INET6)
		goto inet6;
	list_for_each_entry(im, groups, list) {
		if (!head)
			fprintf(ipc->out, "%d:\t%s\n", dev->ifindex, dev->name);
		head = true;
		fprintf(ipc->out, "\tinet  %s", format_ipv4(b, im->multiaddr));
		if (im->users != 1)
			fprintf(ipc->out, " users %d", im->users);
		fputc('\n', ipc->out);
	}
inet6:
	if (f->family != AF_INET)
		maddr_print_inet6(ipc, dev, &head);
}

static int maddr_list(struct ip_ctx *ipc, int argc, char **argv)
{
	struct maddr_filter f = { .family = ipc->family };
	struct net_device *dev;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(argv[0], "dev")) {
			if (argc < 2)
				return ip_incomplete(ipc);
			argc--;
			argv++;
		} else if (!matches(argv[0], "help")) {
			return maddr_usage(ipc);
		}
		if (f.dev)
			return ip_duparg2(ipc, "dev", argv[0]);
		f.dev = argv[0];
	}
	for_each_netdev(ipc->net, dev)
		maddr_print_dev(ipc, dev, &f);
	return 0;
}

int do_ipmaddr(struct ip_ctx *ipc, int argc, char **argv)
{
	if (argc < 1)
		return maddr_list(ipc, 0, NULL);
	if (!matches(argv[0], "list") || !matches(argv[0], "show") || !matches(argv[0], "lst"))
		return maddr_list(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "help"))
		return maddr_usage(ipc);
	if (!matches(argv[0], "add") || !matches(argv[0], "delete")) {
		fprintf(ipc->err, "skbox: ip maddr %s: not available in skbox yet\n", argv[0]);
		return 1;
	}
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip maddr help\".\n", argv[0]);
	return 255;
}
