/* `ip address` (iproute2 ip/ipaddress.c): list links with their IPv4
 * addresses (in_device->ifa_list order), and add/del/replace/flush through
 * inet_rtm_newaddr()/inet_rtm_deladdr() (net/ipv4/devinet.c). */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "ip_common.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"

#define INFINITY_LIFE_TIME 0xFFFFFFFFU

static bool ifa_permanent(const struct in_ifaddr *ifa)
{
	return (ifa->ifa_flags & IFA_F_PERMANENT) || ifa->ifa_valid_lft == INFINITY_LIFE_TIME;
}

static void fmt_lft(char *buf, u32 v)
{
	if (v == INFINITY_LIFE_TIME)
		strcpy(buf, "forever");
	else
		sprintf(buf, "%usec", v);
}

static void addr_json(struct ip_ctx *ipc, const struct in_ifaddr *ifa)
{
	struct json_writer *jw = &ipc->jw;
	char a[20], sc[16];

	jw_obj_open(jw, NULL);
	jw_string(jw, "family", "inet");
	jw_string(jw, "local", format_ipv4(a, ifa->ifa_local));
	if (ifa->ifa_address != ifa->ifa_local)
		jw_string(jw, "address", format_ipv4(a, ifa->ifa_address));
	jw_int(jw, "prefixlen", ifa->ifa_prefixlen);
	if (ifa->ifa_rt_priority)	/* IFA_RT_PRIORITY */
		jw_uint(jw, "metric", ifa->ifa_rt_priority);
	if (ifa->ifa_broadcast)
		jw_string(jw, "broadcast", format_ipv4(a, ifa->ifa_broadcast));
	jw_string(jw, "scope", rt_scope_name(sc, ifa->ifa_scope));
	if (ifa->ifa_flags & IFA_F_SECONDARY)
		jw_bool(jw, "secondary", true);
	if (ifa->ifa_flags & IFA_F_NODAD)
		jw_bool(jw, "nodad", true);
	if (ifa->ifa_flags & IFA_F_NOPREFIXROUTE)
		jw_bool(jw, "noprefixroute", true);
	if (!ifa_permanent(ifa))
		jw_bool(jw, "dynamic", true);
	jw_string(jw, "label", ifa->ifa_label);
	jw_uint(jw, "valid_life_time", ifa->ifa_valid_lft);
	jw_uint(jw, "preferred_life_time", ifa->ifa_preferred_lft);
	jw_obj_close(jw);
}

static void addr_text(struct ip_ctx *ipc, const struct net_device *dev,
		      const struct in_ifaddr *ifa)
{
	char a[20], p[20], sc[16], v[24], pr[24];
	FILE *o = ipc->out;

	if (ipc->oneline || ipc->monitor)
		fprintf(o, "%d: %s    ", dev->ifindex, dev->name);
	else
		fputs("    ", o);
	fputs("inet ", o);
	ip_color_printf(ipc, COLOR_INET, "%s", format_ipv4(a, ifa->ifa_local));
	if (ifa->ifa_address != ifa->ifa_local) {
		fputs(" peer ", o);
		ip_color_printf(ipc, COLOR_INET, "%s", format_ipv4(p, ifa->ifa_address));
	}
	fprintf(o, "/%d ", ifa->ifa_prefixlen);
	if (ifa->ifa_rt_priority)
		fprintf(o, "metric %u ", ifa->ifa_rt_priority);
	if (ifa->ifa_broadcast) {
		fputs("brd ", o);
		ip_color_printf(ipc, COLOR_INET, "%s ", format_ipv4(a, ifa->ifa_broadcast));
	}
	fprintf(o, "scope %s ", rt_scope_name(sc, ifa->ifa_scope));
	if (ifa->ifa_flags & IFA_F_SECONDARY)
		fputs("secondary ", o);
	if (ifa->ifa_flags & IFA_F_NODAD)
		fputs("nodad ", o);
	if (ifa->ifa_flags & IFA_F_NOPREFIXROUTE)
		fputs("noprefixroute ", o);
	if (!ifa_permanent(ifa))
		fputs("dynamic ", o);
	fmt_lft(v, ifa->ifa_valid_lft);
	fmt_lft(pr, ifa->ifa_preferred_lft);
	fprintf(o, "%s%s       valid_lft %s preferred_lft %s\n", ifa->ifa_label,
		ipc->oneline ? "\\" : "\n", v, pr);
}

static void addr_brief(struct ip_ctx *ipc, const struct in_ifaddr *ifa)
{
	char a[20], p[20];

	ip_color_printf(ipc, COLOR_INET, "%s", format_ipv4(a, ifa->ifa_local));
	if (ifa->ifa_address != ifa->ifa_local) {
		fputs(" peer ", ipc->out);
		ip_color_printf(ipc, COLOR_INET, "%s", format_ipv4(p, ifa->ifa_address));
	}
	fprintf(ipc->out, "/%d ", ifa->ifa_prefixlen);
}

static bool dev_has_addr(const struct net_device *dev)
{
	const struct in_device *in_dev = __in_dev_get_rtnl(dev);

	return in_dev && !list_empty(&in_dev->ifa_list);
}

static void addr_show_dev_json(struct ip_ctx *ipc, struct net_device *dev)
{
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	struct in_ifaddr *ifa;

	jw_obj_open(&ipc->jw, NULL);
	ip_print_link(ipc, dev, true);
	jw_arr_open(&ipc->jw, "addr_info");
	if (in_dev)
		in_dev_for_each_ifa(ifa, in_dev)
			addr_json(ipc, ifa);
	if (ipc->family != AF_INET)
		ip6_print_dev_addrs(ipc, dev);
	jw_arr_close(&ipc->jw);
	jw_obj_close(&ipc->jw);
}

static void addr_show_dev(struct ip_ctx *ipc, struct net_device *dev)
{
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	struct in_ifaddr *ifa;

	if (ipc->family == AF_INET && !dev_has_addr(dev))
		return;
	if (ipc->json) {
		addr_show_dev_json(ipc, dev);
		return;
	}
	if (ipc->brief) {
		ip_print_link_brief(ipc, dev, true);
		if (in_dev)
			in_dev_for_each_ifa(ifa, in_dev)
				addr_brief(ipc, ifa);
		if (ipc->family != AF_INET)
			ip6_print_dev_addrs(ipc, dev);
		fputc('\n', ipc->out);
		return;
	}
	if (!ipc->oneline) {
		ip_print_link(ipc, dev, true);
		fputc('\n', ipc->out);
	}
	if (in_dev)
		in_dev_for_each_ifa(ifa, in_dev)
			addr_text(ipc, dev, ifa);
	if (ipc->family != AF_INET)
		ip6_print_dev_addrs(ipc, dev);
}

static int addr_show(struct ip_ctx *ipc, int argc, char **argv)
{
	struct net_device *dev, *only = NULL;
	const char *name = NULL;
	bool up = false;

	/* ipaddr_list(): the device is named by its word and looked up
	 * after the loop ("show dev v0" is a second device) */
	for (; argc > 0; argc--, argv++) {
		if (!strcmp(argv[0], "up")) {
			up = true;
			continue;
		}
		if (!strcmp(argv[0], "dev")) {
			if (argc < 2)
				return ip_incomplete(ipc);
			argc--;
			argv++;
		} else if (!matches(argv[0], "help")) {
			return ip_addr_usage(ipc);
		}
		if (name)
			return ip_duparg2(ipc, "dev", argv[0]);
		name = argv[0];
	}
	if (name && !(only = __dev_get_by_name(ipc->net, name))) {
		fprintf(ipc->err, "Device \"%s\" does not exist.\n", name);
		return 1;
	}
	if (ipc->json)
		jw_arr_open(&ipc->jw, NULL);
	for_each_netdev(ipc->net, dev)
		if ((!only || dev == only) && (!up || (dev->flags & IFF_UP)))
			addr_show_dev(ipc, dev);
	if (ipc->json) {
		jw_arr_close(&ipc->jw);
		fputc('\n', ipc->out);
	}
	return 0;
}

struct addr_args {
	struct ifa_req req;
	struct inet_prefix local, peer;
	bool have_local, have_peer;
	int family;			/* req.ifa.ifa_family: -4, or the first address */
	int brd_len;			/* iproute2's: -1 "+", -2 "-", 4 an address */
	bool lft_given;
	const char *dev, *label;
};

static int addr_lft(struct ip_ctx *ipc, u32 *lft, const char *key, const char *val)
{
	if (!strcmp(val, "forever")) {
		*lft = INFINITY_LIFE_TIME;
		return 0;
	}
	if (get_u32(lft, val, 0))
		return ip_invarg(ipc, !strcmp(key, "valid_lft") ? "valid_lft value" :
				 "preferred_lft value", val);
	return 0;
}

static int addr_bad(struct ip_ctx *ipc, const struct addr_args *a, bool prefix,
		    const char *arg)
{
	return prefix ? ip_bad_prefix_af(ipc, a->family, arg) :
			ip_bad_addr_af(ipc, a->family, arg);
}

static int addr_brd(struct ip_ctx *ipc, struct addr_args *a, const char *v)
{
	if (a->brd_len)
		return ip_duparg(ipc, "broadcast", v);
	if (!strcmp(v, "+")) {
		a->brd_len = -1;
	} else if (!strcmp(v, "-")) {
		a->brd_len = -2;
	} else {
		if (parse_ipv4(&a->req.broadcast, v))
			return addr_bad(ipc, a, false, v);
		a->req.brd_set = true;
		a->family = AF_INET;
		a->brd_len = 4;
	}
	return 0;
}

/* The keywords of ipaddr_modify() that take a value; 0 done, -1 not one */
static int addr_keyword(struct ip_ctx *ipc, struct addr_args *a, const char *k, const char *v)
{
	unsigned int scope;

	if (!strcmp(k, "peer") || !strcmp(k, "remote")) {
		if (a->have_peer)
			return ip_duparg(ipc, "peer", v);
		if (parse_prefix(&a->peer, v) || a->peer.is_default)
			return addr_bad(ipc, a, true, v);
		a->have_peer = true;
		a->family = AF_INET;
	} else if (!matches(k, "broadcast") || !strcmp(k, "brd")) {
		return addr_brd(ipc, a, v);
	} else if (!strcmp(k, "anycast")) {
		/* IFA_ANYCAST: IPv4 has no anycast addresses (the kernel
		 * ignores the attribute); the address is still checked */
		u32 any;

		if (parse_ipv4(&any, v))
			return addr_bad(ipc, a, false, v);
		a->family = AF_INET;
	} else if (!strcmp(k, "scope")) {
		if (rt_scope_parse(&scope, v))
			return ip_invarg(ipc, "invalid scope value.", v);
		a->req.scope = (u8)scope;
		a->req.scope_set = true;
	} else if (!strcmp(k, "dev")) {
		a->dev = v;
	} else if (!strcmp(k, "label")) {
		a->label = v;
	} else if (!matches(k, "valid_lft") || !matches(k, "preferred_lft")) {
		a->lft_given = true;
		return addr_lft(ipc, !matches(k, "valid_lft") ? &a->req.valid_lft :
				&a->req.preferred_lft, !matches(k, "valid_lft") ? "valid_lft" :
				"preferred_lft", v);
	} else if (!strcmp(k, "metric") || !strcmp(k, "priority") ||
		   !strcmp(k, "preference")) {
		if (get_u32(&a->req.metric, v, 0))
			return ip_invarg(ipc, "\"metric\" value is invalid\n", v);
	} else {
		return -1;
	}
	return 0;
}

static bool addr_takes_value(const char *k)
{
	return !strcmp(k, "peer") || !strcmp(k, "remote") || !matches(k, "broadcast") ||
	       !strcmp(k, "brd") || !strcmp(k, "anycast") || !strcmp(k, "scope") ||
	       !strcmp(k, "dev") || !strcmp(k, "label") || !matches(k, "valid_lft") ||
	       !matches(k, "preferred_lft") || !strcmp(k, "metric") ||
	       !strcmp(k, "priority") || !strcmp(k, "preference") || !strcmp(k, "local");
}

static int addr_local(struct ip_ctx *ipc, struct addr_args *a, const char *v)
{
	if (a->have_local)
		return ip_duparg2(ipc, "local", v);
	if (parse_prefix(&a->local, v) || a->local.is_default)
		return addr_bad(ipc, a, true, v);
	a->have_local = true;
	a->family = AF_INET;
	return 0;
}

/* ipaddr_modify()'s loop: a keyword at the end is NEXT_ARG()'s "Command
 * line is not complete"; any other word is the local address */
static int addr_parse(struct ip_ctx *ipc, int argc, char **argv, struct addr_args *a)
{
	for (; argc > 0; argc--, argv++) {
		const char *k = argv[0];
		int rc;

		if (!strcmp(k, "noprefixroute") || !strcmp(k, "nodad") || !strcmp(k, "home") ||
		    !strcmp(k, "mngtmpaddr") || !strcmp(k, "autojoin") ||
		    !strcmp(k, "optimistic")) {
			if (!strcmp(k, "noprefixroute"))
				a->req.flags |= IFA_F_NOPREFIXROUTE;
			if (!strcmp(k, "nodad"))
				a->req.flags |= IFA_F_NODAD;
			continue;
		}
		if (addr_takes_value(k) && argc < 2)
			return ip_incomplete(ipc);
		if (strcmp(k, "local") && argc > 1 && (rc = addr_keyword(ipc, a, k, argv[1])) >= 0) {
			if (rc)
				return rc;
			argc--;
			argv++;
			continue;
		}
		if (!strcmp(k, "local")) {
			argc--;
			argv++;
		}
		if (!matches(argv[0], "help"))
			return ip_addr_usage(ipc);
		if ((rc = addr_local(ipc, a, argv[0])))
			return rc;
	}
	return 0;
}

static void addr_fill(struct addr_args *a, struct net_device *dev, bool add)
{
	struct ifa_req *r = &a->req;
	u32 mask;

	r->ifindex = dev->ifindex;
	r->local = a->local.addr;
	r->address = a->have_peer ? a->peer.addr : a->local.addr;
	r->prefixlen = (u8)(a->have_peer ? (a->peer.bitlen < 0 ? 32 : a->peer.bitlen) :
			    (a->local.bitlen < 0 ? 32 : a->local.bitlen));
	if (a->label)
		snprintf(r->label, sizeof(r->label), "%s", a->label);
	if (add && !r->scope_set) {
		r->scope = ((ntohl(r->local) >> 24) == 127) ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE;
		r->scope_set = true;
	}
	mask = r->prefixlen ? htonl(~0U << (32 - r->prefixlen)) : 0;
	if (add && a->brd_len == -1 && r->prefixlen < 31) {
		r->broadcast = r->address | ~mask;
		r->brd_set = true;
	} else if (add && a->brd_len == -2 && r->prefixlen < 31) {
		r->broadcast = r->address & mask;
		r->brd_set = true;
	}
}

/* ipaddr_modify() after its loop, in its order: "dev" is required, "brd
 * +|-" needs an IPv4 request, then the device is looked up; the label is
 * any name the kernel's IFA_LABEL policy takes (below IFNAMSIZ; iproute2
 * 6.1 no longer asks it to start with the device's name) */
static int addr_modify(struct ip_ctx *ipc, int argc, char **argv, u32 nlflags, bool del)
{
	struct netlink_ext_ack ext = { NULL };
	struct net_device *dev;
	struct addr_args a;
	int rc;

	memset(&a, 0, sizeof(a));
	a.family = ipc->family;
	a.req.valid_lft = a.req.preferred_lft = INFINITY_LIFE_TIME;
	if ((rc = addr_parse(ipc, argc, argv, &a)))
		return rc;
	if (!a.dev) {
		fprintf(ipc->err, "Not enough information: \"dev\" argument is required.\n");
		return 1;
	}
	if (a.brd_len < 0 && !del && a.family != AF_INET) {
		fprintf(ipc->err, "Broadcast can be set only for IPv4 addresses\n");
		return 1;
	}
	if (!(dev = ip_dev_get(ipc, a.dev)))
		return 1;
	if (a.lft_given && !a.req.valid_lft) {
		fprintf(ipc->err, "valid_lft is zero\n");
		return 1;
	}
	if (a.lft_given && a.req.valid_lft < a.req.preferred_lft) {
		fprintf(ipc->err, "preferred_lft is greater than valid_lft\n");
		return 1;
	}
	/* the kernel's IFA policy: an IFA_LABEL of IFNAMSIZ or more, or
	 * iproute2's empty IFA_BROADCAST for "brd +" without an address */
	if ((a.label && strlen(a.label) >= IFNAMSIZ) ||
	    (!del && a.brd_len < 0 && !a.have_local && !a.have_peer)) {
		ext._msg = "Attribute failed policy validation";
		return ip_rtnl_err(ipc, -EINVAL, &ext);
	}
	if (!a.have_local) {
		/* no family: rtnetlink has no handler (EOPNOTSUPP); an IPv4
		 * request without IFA_LOCAL is refused by rtm_to_ifaddr() */
		if (a.family != AF_INET || del)
			return ip_rtnl_err(ipc, -EOPNOTSUPP, NULL);
		ext._msg = "ipv4: Local address is not supplied";
		return ip_rtnl_err(ipc, -EINVAL, &ext);
	}
	addr_fill(&a, dev, !del);
	a.req.nlflags = nlflags;
	rc = del ? inet_rtm_deladdr(ipc->net, &a.req, &ext) :
		   inet_rtm_newaddr(ipc->net, &a.req, &ext);
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

static int addr_flush(struct ip_ctx *ipc, int argc, char **argv)
{
	struct net_device *dev;
	int guard = 0;

	if (argc < 1) {
		fprintf(ipc->err, "Flush requires arguments.\n");
		return 255;
	}
	if (!strcmp(argv[0], "dev") && argc > 1)
		argv++;
	dev = __dev_get_by_name(ipc->net, argv[0]);
	if (!dev) {
		fprintf(ipc->err, "Device \"%s\" does not exist.\n", argv[0]);
		return 1;
	}
	while (dev_has_addr(dev) && guard++ < 100000) {
		struct in_ifaddr *ifa = list_first_entry(&__in_dev_get_rtnl(dev)->ifa_list,
							 struct in_ifaddr, ifa_list);
		struct netlink_ext_ack ext = { NULL };
		struct ifa_req req;
		int rc;

		memset(&req, 0, sizeof(req));
		req.ifindex = dev->ifindex;
		req.local = ifa->ifa_local;
		req.address = ifa->ifa_address;
		req.prefixlen = ifa->ifa_prefixlen;
		rc = inet_rtm_deladdr(ipc->net, &req, &ext);
		if (rc)
			return ip_rtnl_err(ipc, rc, &ext);
	}
	return 0;
}

int do_ipaddr(struct ip_ctx *ipc, int argc, char **argv)
{
	if (ipc->family == AF_INET6 ||
	    (!ipc->family && argc > 1 && matches(argv[0], "show") && matches(argv[0], "list") &&
	     ip_args_inet6(argc - 1, argv + 1)))
		return do_ipaddr6(ipc, argc, argv);
	if (argc < 1)
		return addr_show(ipc, 0, NULL);
	if (!matches(argv[0], "add"))
		return addr_modify(ipc, argc - 1, argv + 1, NLM_F_CREATE | NLM_F_EXCL, false);
	if (!matches(argv[0], "change") || !strcmp(argv[0], "chg"))
		return addr_modify(ipc, argc - 1, argv + 1, NLM_F_REPLACE, false);
	if (!matches(argv[0], "replace"))
		return addr_modify(ipc, argc - 1, argv + 1, NLM_F_CREATE | NLM_F_REPLACE, false);
	if (!matches(argv[0], "delete"))
		return addr_modify(ipc, argc - 1, argv + 1, 0, true);
	if (!matches(argv[0], "list") || !matches(argv[0], "show") ||
	    !matches(argv[0], "lst"))
		return addr_show(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "flush"))
		return addr_flush(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "help"))
		return ip_addr_usage(ipc);
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip address help\".\n", argv[0]);
	return 255;
}

void ip_addr_print_one(struct ip_ctx *ipc, const struct in_ifaddr *ifa)
{
	if (ipc->json)
		addr_json(ipc, ifa);
	else
		addr_text(ipc, ifa->ifa_dev->dev, ifa);
}
