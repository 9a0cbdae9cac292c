/* `ip link` (iproute2 ip/iplink.c, iplink_veth.c, iplink_bridge.c): parse
 * add/set/delete requests into struct link_req for rtnl_newlink(),
 * rtnl_setlink() and rtnl_dellink() (net/core/rtnetlink.c), and list
 * links with `show`. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/vxlan.h"
#include "net/ip_tunnels.h"
#include "iplink_vxlan.h"

struct link_parse {
	const char *dev;		/* the device named (set/del) or created (add) */
	const char *name;		/* `name NEW` (dev points to it when no dev came first) */
	int addr_len;			/* bytes `address` gave (ll_addr_a2n()), 0 for none */
	int peer_addr_len;		/* veth: the peer's */
	const char *type;
	const char *link;		/* `link DEV`: looked up when creating */
	int type_argc;			/* words after `type KIND` */
	char **type_argv;
};

static int ip_link_usage(struct ip_ctx *ipc)
{
	fprintf(ipc->err, "Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n");
	return 255;
}

static int parse_on_off(struct ip_ctx *ipc, const char *key, const char *val, bool *on)
{
	if (!strcmp(val, "on"))
		*on = true;
	else if (!strcmp(val, "off"))
		*on = false;
	else {
		fprintf(ipc->err, "Error: argument of \"%s\" must be \"on\" or \"off\", not \"%s\"\n",
			key, val);
		return 1;
	}
	return 0;
}

/* promisc/arp/multicast/allmulticast/trailers FLAG on|off */
static int parse_flag_word(struct ip_ctx *ipc, struct link_req *req, const char *key,
			   const char *val)
{
	static const struct { const char *key; unsigned int flag; bool inverted; } words[] = {
		{ "promisc", IFF_PROMISC, false }, { "multicast", IFF_MULTICAST, false },
		{ "allmulticast", IFF_ALLMULTI, false }, { "arp", IFF_NOARP, true },
		{ "trailers", IFF_NOTRAILERS, true }, { "dynamic", IFF_DYNAMIC, false },
	};
	bool on;

	for (size_t i = 0; i < ARRAY_SIZE(words); i++) {
		if (strcmp(key, words[i].key))
			continue;
		if (parse_on_off(ipc, key, val, &on))
			return 1;
		req->flag_mask |= words[i].flag;
		if (on != words[i].inverted)
			req->flags |= words[i].flag;
		else
			req->flags &= ~words[i].flag;
		return 0;
	}
	return -1;
}

static int parse_netns(struct ip_ctx *ipc, struct link_req *req, const char *arg)
{
	req->net = get_net_ns_by_name(ipc->ctx->world, arg);
	if (!req->net)
		return ip_invarg(ipc, "Invalid \"netns\" value\n", arg);
	return 0;
}

static int parse_master(struct ip_ctx *ipc, struct link_req *req, const char *arg)
{
	req->master = __dev_get_by_name(ipc->net, arg);
	if (!req->master)
		return ip_invarg(ipc, "Device does not exist\n", arg);
	return 0;
}

/* iproute2 ll_addr_a2n(): hex bytes separated by ':' (get_u8() each: the
 * whole word, at most 0xff); the number of bytes, or -1 after the message.
 * The first ETH_ALEN bytes are kept; a length other than the device's is
 * refused later (link_add(), link_parse_dev()). */
static int ll_addr_a2n(struct ip_ctx *ipc, u8 *mac, const char *arg)
{
	char buf[128], *a = buf;
	int i;

	snprintf(buf, sizeof(buf), "%s", arg);
	memset(mac, 0, ETH_ALEN);
	for (i = 0; i < 32; i++) {
		char *cp = strchr(a, ':'), *end;
		unsigned long b;

		if (cp)
			*cp++ = '\0';
		b = *a ? strtoul(a, &end, 16) : 0;
		if (!*a || *end || b > 0xff) {
			fprintf(ipc->err, "\"%s\" is invalid lladdr.\n", a);
			return -1;
		}
		if (i < ETH_ALEN)
			mac[i] = (u8)b;
		if (!cp)
			break;
		a = cp;
	}
	return i + 1;
}

static int parse_valued(struct ip_ctx *ipc, struct link_req *req, struct link_parse *lp,
			const char *key, const char *val)
{
	int rc = parse_flag_word(ipc, req, key, val);

	if (rc >= 0)
		return rc;
	if (!strcmp(key, "name")) {
		if (lp->name)
			return ip_duparg(ipc, "name", val);
		if (strlen(val) >= IFNAMSIZ || !*val || strchr(val, '/') || strchr(val, ' '))
			return ip_invarg(ipc, "\"name\" not a valid ifname", val);
		lp->name = val;
		if (!lp->dev)
			lp->dev = val;
	} else if (!strcmp(key, "mtu")) {
		if (get_integer(&req->mtu, val, 0))
			return ip_invarg(ipc, "Invalid \"mtu\" value\n", val);
	} else if (!matches(key, "address")) {
		if ((lp->addr_len = ll_addr_a2n(ipc, req->addr, val)) < 0)
			return 1;
		req->has_addr = true;
	} else if (!matches(key, "txqueuelen") || !strcmp(key, "qlen") ||
		   !matches(key, "txqlen")) {
		if (get_integer(&req->txqlen, val, 0) || req->txqlen < 0)
			return ip_invarg(ipc, "Invalid \"txqueuelen\" value\n", val);
	} else if (!strcmp(key, "netns")) {
		return parse_netns(ipc, req, val);
	} else if (!strcmp(key, "master")) {
		return parse_master(ipc, req, val);
	} else if (!strcmp(key, "link")) {
		lp->link = val;
	} else {
		return -1;
	}
	return 0;
}

static bool takes_value(const char *w)
{
	static const char *const keys[] = { "name", "mtu", "netns", "master", "promisc",
		"multicast", "allmulticast", "arp", "trailers", "dynamic", "qlen", "dev",
		"link", "index", "group", "alias" };

	for (size_t i = 0; i < ARRAY_SIZE(keys); i++)
		if (!strcmp(w, keys[i]))
			return true;
	return !matches(w, "address") || !matches(w, "txqueuelen") || !matches(w, "txqlen") ||
	       !matches(w, "broadcast") || !strcmp(w, "brd");
}

static int parse_word(struct ip_ctx *ipc, struct link_req *req, struct link_parse *lp,
		      const char *w)
{
	if (!strcmp(w, "up"))
		req->up = 1;
	else if (!strcmp(w, "down"))
		req->up = 0;
	else if (!strcmp(w, "nomaster"))
		req->nomaster = true;
	else if (!matches(w, "help"))
		return ip_incomplete(ipc);
	else if (lp->dev != lp->name)	/* a dev may follow a name, once */
		return ip_duparg2(ipc, "dev", w);
	else if (strlen(w) >= IFNAMSIZ || !*w || strchr(w, '/') || strchr(w, ' '))
		return ip_invarg(ipc, "\"dev\" not a valid ifname", w);
	else
		lp->dev = w;
	return 0;
}

/* The end of iproute2 iplink_parse(): name and dev are one ("ip link add
 * dev X" and "ip link add name X"), or two when renaming (set), which a
 * request that creates refuses. */
static int link_parse_done(struct ip_ctx *ipc, struct link_req *req, struct link_parse *lp,
			   bool create)
{
	if (!lp->name)
		lp->name = lp->dev;
	else if (!lp->dev)
		lp->dev = lp->name;
	else if (!strcmp(lp->name, lp->dev))
		lp->name = lp->dev;
	if (!create) {
		if (!lp->dev) {
			fprintf(ipc->err, "Not enough information: \"dev\" argument is required.\n");
			return 255;
		}
		if (lp->name != lp->dev)
			snprintf(req->name, sizeof(req->name), "%s", lp->name);
		return 0;
	}
	if (lp->name != lp->dev) {
		fprintf(ipc->err, "both \"name\" and \"dev\" cannot be used when creating devices.\n");
		return 255;
	}
	if (lp->name)
		snprintf(req->name, sizeof(req->name), "%s", lp->name);
	if (lp->link && !__dev_get_by_name(ipc->net, lp->link))	/* iplink_parse()'s end */
		return ip_no_dev(ipc, lp->link);
	return 0;
}

/* iproute2 iplink_parse(): everything up to `type KIND`. */
static int link_parse(struct ip_ctx *ipc, int argc, char **argv, struct link_req *req,
		      struct link_parse *lp)
{
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];
		int rc;

		if (!strcmp(w, "type")) {
			if (argc < 2)
				return ip_incomplete(ipc);
			lp->type = argv[1];
			lp->type_argc = argc - 2;
			lp->type_argv = argv + 2;
			return 0;
		}
		if (!takes_value(w)) {
			if ((rc = parse_word(ipc, req, lp, w)))
				return rc;
			continue;
		}
		if (argc < 2)
			return ip_incomplete(ipc);
		argc--;
		argv++;
		if (!strcmp(w, "dev"))
			rc = parse_word(ipc, req, lp, argv[0]);
		else
			rc = parse_valued(ipc, req, lp, w, argv[0]);
		if (rc > 0)
			return rc;
	}
	return 0;
}

static int veth_parse(struct ip_ctx *ipc, struct link_parse *lp, struct link_req *peer)
{
	struct link_parse plp;
	int rc;

	if (lp->type_argc == 0)
		return 0;
	if (strcmp(lp->type_argv[0], "peer")) {	/* iplink_veth.c usage() */
		fprintf(ipc->err, "Usage: ip link <options> type veth [peer <options>]\n"
			"To get <options> type 'ip link add help'\n");
		return 1;
	}
	memset(&plp, 0, sizeof(plp));
	rc = link_parse(ipc, lp->type_argc - 1, lp->type_argv + 1, peer, &plp);
	if (!rc)
		rc = link_parse_done(ipc, peer, &plp, true);
	if (rc)
		return rc;
	if (plp.type)
		return ip_duparg(ipc, "type", plp.type);
	lp->peer_addr_len = plp.addr_len;
	return 0;
}

/* iproute2 iplink_vlan.c: the options are checked before the kernel, which
 * here has no 8021q ("Unknown device type"). */
static void vlan_explain(struct ip_ctx *ipc)
{
	fprintf(ipc->err,
		"Usage: ... vlan id VLANID\n"
		"\t\t[ protocol VLANPROTO ]\n"
		"\t\t[ reorder_hdr { on | off } ]\n"
		"\t\t[ gvrp { on | off } ]\n"
		"\t\t[ mvrp { on | off } ]\n"
		"\t\t[ loose_binding { on | off } ]\n"
		"\t\t[ bridge_binding { on | off } ]\n"
		"\t\t[ ingress-qos-map QOS-MAP ]\n"
		"\t\t[ egress-qos-map QOS-MAP ]\n"
		"\n"
		"VLANID := 0-4095\n"
		"VLANPROTO: [ 802.1Q | 802.1ad ]\n"
		"QOS-MAP := [ QOS-MAP ] QOS-MAPPING\n"
		"QOS-MAPPING := FROM:TO\n");
}

static int vlan_parse(struct ip_ctx *ipc, int argc, char **argv)
{
	static const char *const flags[] = { "reorder_hdr", "gvrp", "mvrp", "loose_binding",
					     "bridge_binding" };

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];
		bool is_flag = false;
		unsigned int u;

		for (size_t i = 0; i < ARRAY_SIZE(flags); i++)
			is_flag |= !matches(w, flags[i]);
		if (!matches(w, "help")) {
			vlan_explain(ipc);
			return 1;
		}
		if (strcmp(w, "id") && matches(w, "protocol") && !is_flag &&
		    matches(w, "ingress-qos-map") && matches(w, "egress-qos-map")) {
			fprintf(ipc->err, "vlan: unknown command \"%s\"?\n", w);
			vlan_explain(ipc);
			return 1;
		}
		if (argc < 2)
			return ip_incomplete(ipc);
		argc--;
		argv++;
		if (!strcmp(w, "id")) {
			if (get_unsigned(&u, argv[0], 0) || u > 0xffff)
				return ip_invarg(ipc, "id is invalid", argv[0]);
		} else if (!matches(w, "protocol")) {
			if (strcasecmp(argv[0], "802.1Q") && strcasecmp(argv[0], "802.1ad"))
				return ip_invarg(ipc, "protocol is invalid", argv[0]);
		} else if (is_flag) {
			if (strcmp(argv[0], "on") && strcmp(argv[0], "off")) {
				fprintf(ipc->err, "Error: argument of \"%s\" must be \"on\" or "
					"\"off\", not \"%s\"\n", w, argv[0]);
				return 1;
			}
		} else {	/* a QOS-MAP: FROM:TO pairs up to the next word */
			while (argc > 1 && strchr(argv[1], ':')) {
				argc--;
				argv++;
			}
		}
	}
	return 0;
}

/* The kinds iproute2 has a link_util for: another one followed by options
 * is "Garbage instead of arguments" before the kernel is asked. */
static bool iproute2_knows_kind(const char *kind)
{
	static const char *const kinds[] = {
		"vlan", "veth", "vcan", "vxcan", "macvlan", "macvtap", "ipvlan", "ipvtap",
		"vxlan", "geneve", "gre", "gretap", "erspan", "ip6gre", "ip6gretap",
		"ip6erspan", "ipip", "sit", "ip6tnl", "vti", "vti6", "bond", "bond_slave",
		"bridge", "bridge_slave", "hsr", "macsec", "can", "ipoib", "vrf", "xfrm",
		"rmnet", "bareudp", "amt", "gtp", "virt_wifi", "lowpan", "team", "team_slave",
		"nlmon", "ifb", "dummy", "netdevsim", "wireguard", "tun", "tap",
	};

	for (size_t i = 0; i < ARRAY_SIZE(kinds); i++)
		if (!strcmp(kind, kinds[i]))
			return true;
	return false;
}

static int *bridge_field(struct bridge_req *br, const char *key, int *scale)
{
	*scale = 1;
	if (!strcmp(key, "forward_delay"))
		return &br->forward_delay;
	if (!strcmp(key, "hello_time"))
		return &br->hello_time;
	if (!strcmp(key, "max_age"))
		return &br->max_age;
	if (!strcmp(key, "ageing_time"))
		return &br->ageing_time;
	if (!strcmp(key, "stp_state"))
		return &br->stp_state;
	if (!strcmp(key, "priority"))
		return &br->priority;
	if (!strcmp(key, "vlan_filtering"))
		return &br->vlan_filtering;
	return NULL;
}

static int bridge_parse(struct ip_ctx *ipc, struct link_parse *lp, struct bridge_req *br)
{
	for (int i = 0; i < lp->type_argc; i += 2) {
		const char *key = lp->type_argv[i];
		int scale, *f = bridge_field(br, key, &scale);

		if (!f) {
			fprintf(ipc->err, "bridge: unknown command \"%s\"?\n", key);
			return 1;
		}
		if (i + 1 >= lp->type_argc)
			return ip_incomplete(ipc);
		if (get_integer(f, lp->type_argv[i + 1], 0) || *f < 0) {
			fprintf(ipc->err, "Error: argument \"%s\" is wrong: Invalid %s\n",
				lp->type_argv[i + 1], key);
			return 255;
		}
		*f *= scale;
	}
	return 0;
}

static int link_add(struct ip_ctx *ipc, int argc, char **argv)
{
	struct netlink_ext_ack ext = { NULL };
	struct link_req req, peer;
	struct vxlan_config vxconf;
	struct ip_tunnel_parm tnlconf;
	struct link_parse lp;
	int rc;

	link_req_init(&req);
	link_req_init(&peer);
	memset(&lp, 0, sizeof(lp));
	if ((rc = link_parse(ipc, argc, argv, &req, &lp)) ||
	    (rc = link_parse_done(ipc, &req, &lp, true)))
		return rc;
	if (!lp.type) {
		fprintf(ipc->err, "Not enough information: \"type\" argument is required\n");
		return 1;
	}
	/* skbox: `type tap|tun host-name HOSTIF` joins a host interface */
	rc = tap_link_parse(ipc, lp.type, lp.type_argc, lp.type_argv, &req);
	if (rc > 1)
		return rc;
	if (rc && lp.type_argc && !iproute2_knows_kind(lp.type)) {
		if (!matches(lp.type_argv[0], "help"))
			return ip_link_usage(ipc);
		fprintf(ipc->err, "Garbage instead of arguments \"%s ...\". Try \"ip link help\".\n",
			lp.type_argv[0]);
		return 1;
	}
	if (rc && !strcmp(lp.type, "vlan")) {
		int vrc = vlan_parse(ipc, lp.type_argc, lp.type_argv);

		if (vrc)
			return vrc;
	}
	if (rc && !rtnl_link_ops_get(lp.type)) {
		fprintf(ipc->err, "Error: Unknown device type.\n");
		return 2;
	}
	if (rc)
		req.kind = lp.type;
	rc = 0;
	if (!strcmp(lp.type, "veth")) {
		rc = veth_parse(ipc, &lp, &peer);
		req.peer = &peer;
	} else if (!strcmp(lp.type, "bridge")) {
		rc = bridge_parse(ipc, &lp, &req.br);
	} else if (!strcmp(lp.type, "vxlan")) {
		rc = vxlan_parse_opt(ipc, lp.type_argc, lp.type_argv, &vxconf);
		req.info_data = &vxconf;
	} else if (!strcmp(lp.type, "ipip")) {	/* iplink_iptnl.c */
		rc = iptnl_parse_opt(ipc, lp.type_argc, lp.type_argv, &tnlconf);
		req.info_data = &tnlconf;
	}
	if (rc)
		return rc;
	/* veth_validate(), br_validate(), ...: an Ethernet address is 6 bytes */
	if ((lp.addr_len && lp.addr_len != ETH_ALEN && strcmp(lp.type, "ipip")) ||
	    (lp.peer_addr_len && lp.peer_addr_len != ETH_ALEN))
		return ip_rtnl_err(ipc, -EINVAL, &ext);
	rc = rtnl_newlink(ipc->net, &req, &ext);
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

/* `ip link set|del`: parse, and find the device "dev" names (required). */
static int link_parse_dev(struct ip_ctx *ipc, int argc, char **argv, struct link_req *req,
			  struct link_parse *lp, struct net_device **dev)
{
	int rc;

	link_req_init(req);
	memset(lp, 0, sizeof(*lp));
	if ((rc = link_parse(ipc, argc, argv, req, lp)) ||
	    (rc = link_parse_done(ipc, req, lp, false)))
		return rc;
	*dev = __dev_get_by_name(ipc->net, lp->dev);
	if (*dev && lp->addr_len && lp->addr_len != (int)(*dev)->addr_len) {
		fprintf(ipc->err, "Invalid address length %d - must be %u bytes\n", lp->addr_len,
			(*dev)->addr_len);
		return 1;
	}
	*dev = ip_dev_get(ipc, lp->dev);
	return *dev ? 0 : 1;
}

static int link_set(struct ip_ctx *ipc, int argc, char **argv)
{
	struct netlink_ext_ack ext = { NULL };
	struct net_device *dev;
	struct link_req req;
	struct link_parse lp;
	int rc;

	if ((rc = link_parse_dev(ipc, argc, argv, &req, &lp, &dev)))
		return rc;
	if (lp.type && !strcmp(lp.type, "bridge") && (rc = bridge_parse(ipc, &lp, &req.br)))
		return rc;
	rc = rtnl_setlink(dev, &req, &ext);
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

static int link_del(struct ip_ctx *ipc, int argc, char **argv)
{
	struct netlink_ext_ack ext = { NULL };
	struct net_device *dev;
	struct link_req req;
	struct link_parse lp;
	int rc;

	if ((rc = link_parse_dev(ipc, argc, argv, &req, &lp, &dev)))
		return rc;
	rc = rtnl_dellink(dev, &ext);
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

struct link_filter {
	struct net_device *dev;
	struct net_device *master;
	const char *kind;
	bool up;
};

static int link_filter_parse(struct ip_ctx *ipc, int argc, char **argv, struct link_filter *f)
{
	const char *dev = NULL;

	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (!strcmp(w, "up")) {
			f->up = true;
			continue;
		}
		if ((!strcmp(w, "master") || !strcmp(w, "type") || !strcmp(w, "dev")) && argc < 2)
			return ip_incomplete(ipc);
		if (!strcmp(w, "master") || !strcmp(w, "type") || !strcmp(w, "dev")) {
			argc--;
			argv++;
		}
		if (!strcmp(w, "type")) {
			f->kind = argv[0];
			continue;
		}
		if (!strcmp(w, "master")) {
			f->master = __dev_get_by_name(ipc->net, argv[0]);
			if (!f->master)
				return ip_invarg(ipc, "Device does not exist\n", argv[0]);
			continue;
		}
		if (dev)
			return ip_duparg2(ipc, "dev", argv[0]);
		dev = argv[0];
	}
	if (dev && !(f->dev = __dev_get_by_name(ipc->net, dev))) {
		fprintf(ipc->err, "Device \"%s\" does not exist.\n", dev);
		return 1;
	}
	return 0;
}

static bool link_filter_match(const struct link_filter *f, const struct net_device *dev)
{
	if (f->dev && f->dev != dev)
		return false;
	if (f->up && !(dev->flags & IFF_UP))
		return false;
	if (f->master && dev->master != f->master)
		return false;
	if (f->kind && (!dev->rtnl_link_ops || strcmp(dev->rtnl_link_ops->kind, f->kind)))
		return false;
	return true;
}

static void link_show_one(struct ip_ctx *ipc, struct net_device *dev)
{
	if (ipc->json) {
		jw_obj_open(&ipc->jw, NULL);
		ip_print_link(ipc, dev, false);
		jw_obj_close(&ipc->jw);
		return;
	}
	if (ipc->brief)
		ip_print_link_brief(ipc, dev, false);
	else
		ip_print_link(ipc, dev, false);
	fputc('\n', ipc->out);
}

static int link_show(struct ip_ctx *ipc, int argc, char **argv)
{
	struct link_filter f;
	struct net_device *dev;
	int rc;

	memset(&f, 0, sizeof(f));
	if ((rc = link_filter_parse(ipc, argc, argv, &f)))
		return rc;
	if (ipc->json)
		jw_arr_open(&ipc->jw, NULL);
	for_each_netdev(ipc->net, dev)
		if (link_filter_match(&f, dev))
			link_show_one(ipc, dev);
	if (ipc->json) {
		jw_arr_close(&ipc->jw);
		fputc('\n', ipc->out);
	}
	return 0;
}

int do_iplink(struct ip_ctx *ipc, int argc, char **argv)
{
	if (argc < 1)
		return link_show(ipc, 0, NULL);
	if (!matches(argv[0], "add") || !matches(argv[0], "create") ||
	    !matches(argv[0], "new"))
		return link_add(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "set") || !matches(argv[0], "change"))
		return link_set(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "delete"))
		return link_del(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "show") || !matches(argv[0], "lst") ||
	    !matches(argv[0], "list"))
		return link_show(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "help"))
		return ip_link_usage(ipc);
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip link help\".\n", argv[0]);
	return 255;
}
