/* `ip -6 address` (iproute2 ip/ipaddress.c, the AF_INET6 half): the inet6
 * lines of `ip addr show` — in inet6_dev->addr_list order, flags as
 * print_ifa_flags prints them — and add/del/flush through
 * inet6_rtm_newaddr()/inet6_rtm_deladdr() (net/ipv6/addrconf.c). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "uapi/rtnetlink.h"

#define INFINITY_LIFE_TIME 0xFFFFFFFFU

/* get_prefix_1() for inet6: ADDR[/N]; 0 ok, -1 bad.  *plen -1: none given */
int ip6_parse_prefix(struct in6_addr *a, int *plen, const char *arg)
{
	char buf[INET6_ADDRSTRLEN + 8];
	char *slash;

	if (strlen(arg) >= sizeof(buf))
		return -1;
	strcpy(buf, arg);
	*plen = -1;
	if ((slash = strchr(buf, '/'))) {
		char *end;
		long v = strtol(slash + 1, &end, 10);

		if (!slash[1] || *end || v < 0 || v > 128)
			return -1;
		*plen = (int)v;
		*slash = 0;
	}
	if (!strcmp(buf, "default") || !strcmp(buf, "any") || !strcmp(buf, "all")) {
		memset(a, 0, sizeof(*a));
		*plen = 0;
		return 0;
	}
	return inet_pton(AF_INET6, buf, a) == 1 ? 0 : -1;
}

/* Does the command name an IPv6 address (the family iproute2 infers)? */
bool ip_args_inet6(int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		struct in6_addr a;
		int plen;

		if (i > 0 && (!strcmp(argv[i - 1], "dev") || !strcmp(argv[i - 1], "lladdr") ||
			      !strcmp(argv[i - 1], "label") || !strcmp(argv[i - 1], "oif") ||
			      !strcmp(argv[i - 1], "iif")))
			continue;
		if (strchr(argv[i], ':') && !ip6_parse_prefix(&a, &plen, argv[i]))
			return true;
	}
	return false;
}

static void fmt_lft(char *buf, u32 v)
{
	if (v == INFINITY_LIFE_TIME)
		strcpy(buf, "forever");
	else
		sprintf(buf, "%usec", v);
}

static const struct { u32 mask; const char *name; } ifa6_flag_names[] = {
		{ IFA_F_TEMPORARY, "temporary" }, { IFA_F_NODAD, "nodad" },
		{ IFA_F_OPTIMISTIC, "optimistic" }, { IFA_F_DADFAILED, "dadfailed" },
		{ IFA_F_HOMEADDRESS, "home" }, { IFA_F_DEPRECATED, "deprecated" },
		{ IFA_F_TENTATIVE, "tentative" }, { IFA_F_PERMANENT, NULL },
		{ IFA_F_MANAGETEMPADDR, "mngtmpaddr" }, { IFA_F_NOPREFIXROUTE, "noprefixroute" },
		{ IFA_F_MCAUTOJOIN, "autojoin" },
};

/* print_ifa_flags(), the IPv6 flags in iproute2's table order; JSON: each
 * as a true boolean */
static void ifa6_flags(FILE *o, struct json_writer *jw, u32 flags)
{
	for (size_t i = 0; i < ARRAY_SIZE(ifa6_flag_names); i++) {
		const char *name = ifa6_flag_names[i].name;
		bool set = flags & ifa6_flag_names[i].mask;

		if (!name) {
			if (set)
				continue;
			name = "dynamic";
		} else if (!set) {
			continue;
		}
		if (jw)
			jw_bool(jw, name, true);
		else
			fprintf(o, "%s ", name);
	}
}

static void addr6_text(struct ip_ctx *ipc, const struct net_device *dev,
		       const struct inet6_ifaddr *ifa)
{
	char a[INET6_ADDRSTRLEN], p[INET6_ADDRSTRLEN], sc[16], v[24], pr[24];
	FILE *o = ipc->out;
	u32 valid, prefered;

	if (ipc->oneline || ipc->monitor)
		fprintf(o, "%d: %s    ", dev->ifindex, dev->name);
	else
		fputs("    ", o);
	inet_ntop(AF_INET6, &ifa->addr, a, sizeof(a));
	fputs("inet6 ", o);
	ip_color_printf(ipc, COLOR_INET6, "%s", a);
	if (ifa->has_peer)
		fprintf(o, " peer %s", inet_ntop(AF_INET6, &ifa->peer_addr, p, sizeof(p)));
	fprintf(o, "/%u ", ifa->prefix_len);
	if (ifa->rt_priority)	/* IFA_RT_PRIORITY */
		fprintf(o, "metric %u ", ifa->rt_priority);
	fprintf(o, "scope %s ", rt_scope_name(sc, (unsigned)ifa->scope));
	ifa6_flags(o, NULL, ifa->flags);
	inet6_ifa_lifetimes(ifa, &valid, &prefered);
	fmt_lft(v, valid);
	fmt_lft(pr, prefered);
	fprintf(o, "%s       valid_lft %s preferred_lft %s\n", ipc->oneline ? "\\" : "\n", v, pr);
}

static void addr6_brief(struct ip_ctx *ipc, const struct inet6_ifaddr *ifa)
{
	char a[INET6_ADDRSTRLEN];

	inet_ntop(AF_INET6, &ifa->addr, a, sizeof(a));
	ip_color_printf(ipc, COLOR_INET6, "%s", a);
	fprintf(ipc->out, "/%u ", ifa->prefix_len);
}

static void addr6_json(struct ip_ctx *ipc, const struct inet6_ifaddr *ifa)
{
	struct json_writer *jw = &ipc->jw;
	char a[INET6_ADDRSTRLEN], sc[16];
	u32 valid, prefered;

	inet_ntop(AF_INET6, &ifa->addr, a, sizeof(a));
	jw_obj_open(jw, NULL);
	jw_string(jw, "family", "inet6");
	jw_string(jw, "local", a);
	jw_int(jw, "prefixlen", (int)ifa->prefix_len);
	if (ifa->rt_priority)
		jw_uint(jw, "metric", ifa->rt_priority);
	jw_string(jw, "scope", rt_scope_name(sc, (unsigned)ifa->scope));
	ifa6_flags(NULL, jw, ifa->flags);
	inet6_ifa_lifetimes(ifa, &valid, &prefered);
	jw_uint(jw, "valid_life_time", valid);
	jw_uint(jw, "preferred_life_time", prefered);
	jw_obj_close(jw);
}

/* The inet6 part of one device in `ip addr show` (text, brief or JSON). */
void ip6_print_dev_addrs(struct ip_ctx *ipc, const struct net_device *dev)
{
	const struct inet6_dev *idev = __in6_dev_get(dev);
	struct inet6_ifaddr *ifa;

	if (!idev)
		return;
	list_for_each_entry(ifa, &idev->addr_list, if_list) {
		if (ipc->json)
			addr6_json(ipc, ifa);
		else if (ipc->brief)
			addr6_brief(ipc, ifa);
		else
			addr6_text(ipc, dev, ifa);
	}
}

bool ip6_dev_has_addr(const struct net_device *dev)
{
	const struct inet6_dev *idev = __in6_dev_get(dev);

	return idev && !list_empty(&idev->addr_list);
}

/* ---- add / del / flush ---- */
struct addr6_args {
	struct ifa6_req req;
	int peer_plen;
	bool have_local, lft_set;
	const char *dev;
};

static int addr6_parse(struct ip_ctx *ipc, int argc, char **argv, struct addr6_args *a)
{
	unsigned int scope;

	for (; argc > 0; argc--, argv++) {
		const char *k = argv[0];
		int plen;

		if (!strcmp(k, "nodad") || !strcmp(k, "noprefixroute") || !strcmp(k, "home") ||
		    !strcmp(k, "mngtmpaddr") || !strcmp(k, "autojoin") || !strcmp(k, "optimistic")) {
			a->req.flags |= !strcmp(k, "nodad") ? IFA_F_NODAD :
					!strcmp(k, "noprefixroute") ? IFA_F_NOPREFIXROUTE : 0;
			continue;
		}
		if ((!strcmp(k, "dev") || !strcmp(k, "scope") || !strcmp(k, "valid_lft") ||
		     !strcmp(k, "preferred_lft") || !strcmp(k, "metric") || !strcmp(k, "label") ||
		     !strcmp(k, "local") || !strcmp(k, "peer")) && argc < 2)
			return ip_incomplete(ipc);
		if (!strcmp(k, "dev")) {
			a->dev = argv[1];
		} else if (!strcmp(k, "scope")) {
			if (rt_scope_parse(&scope, argv[1]))
				return ip_invarg(ipc, "invalid scope value.", argv[1]);
		} else if (!strcmp(k, "metric") || !strcmp(k, "priority")) {
			if (get_u32(&a->req.metric, argv[1], 0))
				return ip_invarg(ipc, "\"metric\" value is invalid\n", argv[1]);
		} else if (!strcmp(k, "peer") || !strcmp(k, "remote")) {
			if (a->req.has_peer)
				return ip_duparg(ipc, "peer", argv[1]);
			if (ip6_parse_prefix(&a->req.peer, &plen, argv[1]))
				return ip_bad_prefix(ipc, argv[1]);
			a->req.has_peer = true;
			a->peer_plen = plen;
		} else if (!strcmp(k, "valid_lft") || !strcmp(k, "preferred_lft")) {
			u32 *lft = k[0] == 'v' ? &a->req.valid_lft : &a->req.preferred_lft;

			if (!strcmp(argv[1], "forever"))
				*lft = INFINITY_LIFE_TIME;
			else if (get_u32(lft, argv[1], 0))
				return ip_invarg(ipc, k[0] == 'v' ? "valid_lft value" :
						 "preferred_lft value", argv[1]);
			a->lft_set = true;
		} else if (!strcmp(k, "label")) {
			/* accepted */
		} else {
			if (!strcmp(k, "local"))
				argv++, argc--;
			if (a->have_local)
				return ip_duparg2(ipc, "local", argv[0]);
			if (ip6_parse_prefix(&a->req.local, &plen, argv[0]))
				return ip_bad_prefix(ipc, argv[0]);
			a->req.prefixlen = (u8)(plen < 0 ? 128 : plen);
			a->have_local = true;
			continue;
		}
		argc--;
		argv++;
	}
	return 0;
}

static int addr6_modify(struct ip_ctx *ipc, int argc, char **argv, u32 nlflags, bool del)
{
	struct netlink_ext_ack ext = { NULL };
	struct net_device *dev;
	struct addr6_args a;
	int rc;

	memset(&a, 0, sizeof(a));
	a.req.valid_lft = a.req.preferred_lft = INFINITY_LIFE_TIME;
	ipc->family = AF_INET6;
	if ((rc = addr6_parse(ipc, argc, argv, &a)))
		return rc;
	if (!a.dev) {
		fprintf(ipc->err, "Not enough information: \"dev\" argument is required.\n");
		return 1;
	}
	if (!(dev = ip_dev_get(ipc, a.dev)))
		return 1;
	if (!a.have_local)
		return ip_rtnl_err(ipc, -EOPNOTSUPP, NULL);
	if (a.req.has_peer)	/* the peer's length is the address's */
		a.req.prefixlen = (u8)(a.peer_plen < 0 ? 128 : a.peer_plen);
	a.req.ifindex = dev->ifindex;
	a.req.nlflags = nlflags;
	/* ipaddr_modify(): the lifetimes' checks */
	if (a.lft_set && !a.req.valid_lft) {
		fprintf(ipc->err, "valid_lft is zero\n");
		return 255;
	}
	if (a.lft_set && a.req.valid_lft < a.req.preferred_lft) {
		fprintf(ipc->err, "preferred_lft is greater than valid_lft\n");
		return 255;
	}
	rc = del ? inet6_rtm_deladdr(ipc->net, &a.req, &ext) :
		   inet6_rtm_newaddr(ipc->net, &a.req, &ext);
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

static int addr6_flush(struct ip_ctx *ipc, int argc, char **argv)
{
	struct net_device *dev;

	if (argc < 1) {
		fprintf(ipc->err, "Flush requires arguments.\n");
		return 255;
	}
	if (!strcmp(argv[0], "dev") && argc > 1)
		argv++;
	if (!(dev = __dev_get_by_name(ipc->net, argv[0]))) {
		fprintf(ipc->err, "Device \"%s\" does not exist.\n", argv[0]);
		return 1;
	}
	while (ip6_dev_has_addr(dev)) {
		struct inet6_ifaddr *ifa = list_first_entry(&__in6_dev_get(dev)->addr_list,
							    struct inet6_ifaddr, if_list);
		struct ifa6_req req;

		memset(&req, 0, sizeof(req));
		req.ifindex = dev->ifindex;
		req.local = ifa->addr;
		req.prefixlen = (u8)ifa->prefix_len;
		if (inet6_rtm_deladdr(ipc->net, &req, NULL))
			break;
	}
	return 0;
}

/* `ip -6 addr show`: the link line as an AF_INET6 link dump carries it
 * (no qdisc, group or link/ line), then the addresses. */
/* full_head: `ip -6 addr show dev X` asks for the link itself (the whole
 * head, no link/ line); a plain dump gets the AF_INET6 link summary. */
static void addr6_show_dev(struct ip_ctx *ipc, struct net_device *dev, bool full_head)
{
	if (!ip6_dev_has_addr(dev))
		return;
	if (ipc->json || ipc->brief) {
		if (ipc->brief)
			ip_print_link_brief(ipc, dev, true);
		else {
			jw_obj_open(&ipc->jw, NULL);
			ip_print_link(ipc, dev, true);
			jw_arr_open(&ipc->jw, "addr_info");
		}
		ip6_print_dev_addrs(ipc, dev);
		if (ipc->brief)
			fputc('\n', ipc->out);
		else {
			jw_arr_close(&ipc->jw);
			jw_obj_close(&ipc->jw);
		}
		return;
	}
	if (!ipc->oneline && full_head) {
		ip_print_link(ipc, dev, true);
		fputc('\n', ipc->out);
	} else if (!ipc->oneline) {
		fprintf(ipc->out, "%d: %s: ", dev->ifindex, dev->name);
		ip_print_link_flags(ipc, dev_get_flags(dev), false);
		fprintf(ipc->out, "mtu %u state %s qlen %u\n", dev->mtu,
			ip_dev_operstate(dev), dev->tx_queue_len);
	}
	ip6_print_dev_addrs(ipc, dev);
}

static int addr6_show(struct ip_ctx *ipc, int argc, char **argv)
{
	struct net_device *dev, *only = NULL;
	bool up = false;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(argv[0], "up")) {
			up = true;
			continue;
		}
		if (!strcmp(argv[0], "scope") || !strcmp(argv[0], "to") || !strcmp(argv[0], "label")) {
			argc--, argv++;
			continue;
		}
		if (!strcmp(argv[0], "dev") && argc > 1)
			argc--, argv++;
		if (!(only = __dev_get_by_name(ipc->net, argv[0]))) {
			fprintf(ipc->err, "Device \"%s\" does not exist.\n", argv[0]);
			return 1;
		}
	}
	if (ipc->json)
		jw_arr_open(&ipc->jw, NULL);
	for_each_netdev(ipc->net, dev)
		if ((!only || dev == only) && (!up || (dev->flags & IFF_UP)))
			addr6_show_dev(ipc, dev, only != NULL);
	if (ipc->json) {
		jw_arr_close(&ipc->jw);
		fputc('\n', ipc->out);
	}
	return 0;
}

int do_ipaddr6(struct ip_ctx *ipc, int argc, char **argv)
{
	if (argc < 1)
		return addr6_show(ipc, 0, NULL);
	if (!matches(argv[0], "add"))
		return addr6_modify(ipc, argc - 1, argv + 1, NLM_F_CREATE | NLM_F_EXCL, false);
	if (!matches(argv[0], "change") || !strcmp(argv[0], "chg"))
		return addr6_modify(ipc, argc - 1, argv + 1, NLM_F_REPLACE, false);
	if (!matches(argv[0], "replace"))
		return addr6_modify(ipc, argc - 1, argv + 1, NLM_F_CREATE | NLM_F_REPLACE, false);
	if (!matches(argv[0], "delete"))
		return addr6_modify(ipc, argc - 1, argv + 1, 0, true);
	if (!matches(argv[0], "list") || !matches(argv[0], "show") || !matches(argv[0], "lst"))
		return addr6_show(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "flush"))
		return addr6_flush(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "help"))
		return ip_addr_usage(ipc);
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip address help\".\n", argv[0]);
	return 255;
}

void ip_addr6_print_one(struct ip_ctx *ipc, const struct inet6_ifaddr *ifa)
{
	if (ipc->json)
		addr6_json(ipc, ifa);
	else
		addr6_text(ipc, ifa->idev->dev, ifa);
}
