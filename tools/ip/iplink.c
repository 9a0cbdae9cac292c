/* `ip link` (iproute2 ip/iplink.c, iplink_veth.c, iplink_bridge.c): parse
 * add/set/delete requests into struct link_req for rtnl_newlink(),
 * rtnl_setlink() and rtnl_dellink() (net/core/rtnetlink.c), and list
 * links with `show`. */
#include <errno.h>
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
	const char *name;		/* `name NEW` */
	const char *type;
	int type_argc;			/* words after `type KIND` */
	char **type_argv;
};

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

static int parse_valued(struct ip_ctx *ipc, struct link_req *req, struct link_parse *lp,
			const char *key, const char *val)
{
	int rc = parse_flag_word(ipc, req, key, val);

	if (rc >= 0)
		return rc;
	if (!strcmp(key, "name")) {
		if (strlen(val) >= IFNAMSIZ)
			return ip_invarg(ipc, "\"name\" not a valid ifname", val);
		lp->name = val;
		snprintf(req->name, sizeof(req->name), "%s", val);
	} else if (!strcmp(key, "mtu")) {
		if (get_integer(&req->mtu, val, 0))
			return ip_invarg(ipc, "Invalid \"mtu\" value\n", val);
	} else if (!matches(key, "address")) {
		if (parse_lladdr(req->addr, val)) {
			fprintf(ipc->err, "\"%s\" is invalid lladdr.\n", val);
			return 1;
		}
		req->has_addr = true;
	} else if (!matches(key, "txqueuelen") || !strcmp(key, "qlen") ||
		   !matches(key, "txqlen")) {
		if (get_integer(&req->txqlen, val, 0) || req->txqlen < 0)
			return ip_invarg(ipc, "Invalid \"txqueuelen\" value\n", val);
	} else if (!strcmp(key, "netns")) {
		return parse_netns(ipc, req, val);
	} else if (!strcmp(key, "master")) {
		return parse_master(ipc, req, val);
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
	else if (lp->dev)
		return ip_duparg2(ipc, "dev", w);
	else if (strlen(w) >= IFNAMSIZ || !*w || strchr(w, '/') || strchr(w, ' '))
		return ip_invarg(ipc, "\"dev\" not a valid ifname", w);
	else
		lp->dev = w;
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
	if (strcmp(lp->type_argv[0], "peer")) {
		fprintf(ipc->err, "Error: argument \"%s\" is wrong: unknown option\n",
			lp->type_argv[0]);
		return 255;
	}
	memset(&plp, 0, sizeof(plp));
	rc = link_parse(ipc, lp->type_argc - 1, lp->type_argv + 1, peer, &plp);
	if (rc)
		return rc;
	if (!plp.name && plp.dev)
		snprintf(peer->name, sizeof(peer->name), "%s", plp.dev);
	return 0;
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
	if ((rc = link_parse(ipc, argc, argv, &req, &lp)))
		return rc;
	if (!lp.type) {
		fprintf(ipc->err, "Not enough information: \"type\" argument is required\n");
		return 1;
	}
	if (!lp.name && lp.dev)
		snprintf(req.name, sizeof(req.name), "%s", lp.dev);
	/* skbox: `type tap|tun host-name HOSTIF` joins a host interface */
	rc = tap_link_parse(ipc, lp.type, lp.type_argc, lp.type_argv, &req);
	if (rc > 1)
		return rc;
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
	if ((rc = link_parse(ipc, argc, argv, req, lp)))
		return rc;
	if (!lp->dev) {
		fprintf(ipc->err, "Not enough of information: \"dev\" argument is required.\n");
		return 255;
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
		if (f->dev)
			return ip_duparg2(ipc, "dev", argv[0]);
		f->dev = __dev_get_by_name(ipc->net, argv[0]);
		if (!f->dev) {
			fprintf(ipc->err, "Device \"%s\" does not exist.\n", argv[0]);
			return 1;
		}
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
	if (!matches(argv[0], "help")) {
		fprintf(ipc->err, "Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n");
		return 255;
	}
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip link help\".\n", argv[0]);
	return 255;
}
