/* iproute2 `bridge` (bridge/bridge.c, fdb.c, link.c): `bridge fdb show
 * [br BR] [dev DEV]` dumps, per device in ifindex order, the bridge's
 * entries for a port (master) and the device's own multicast addresses
 * (self), as rtnl_fdb_dump() does; `bridge [-d] link [show] [dev DEV]`
 * lists bridge ports (net/bridge/br_netlink.c). */
#include <string.h>
#include "br_common.h"
#include "../ip/ip_common.h"
#include "linux/netdevice.h"
#include "net/bridge.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/vxlan.h"
#include "net/ip.h"
#include <errno.h>

struct fdb_filter {
	struct net_device *br;
	struct net_device *dev;
};

static void fdb_print_entry(struct cmd_ctx *ctx, const struct net_bridge_fdb_entry *f,
			    const struct net_device *dev, const struct net_device *br,
			    bool show_dev)
{
	char mac[32];

	format_lladdr(mac, f->addr, ETH_ALEN);
	fprintf(ctx->out, "%s ", mac);
	if (show_dev)
		fprintf(ctx->out, "dev %s ", dev->name);
	if (f->vlan_id)
		fprintf(ctx->out, "vlan %u ", f->vlan_id);
	fprintf(ctx->out, "master %s ", br->name);
	if (f->is_local)
		fputs("permanent", ctx->out);
	else if (f->is_static)
		fputs("static", ctx->out);
	fputc('\n', ctx->out);
}

/* br_fdb_dump(): the hash list is newest first */
static void fdb_dump_master(struct cmd_ctx *ctx, struct net_bridge *br,
			    const struct net_bridge_port *port, const struct net_device *dev,
			    bool show_dev)
{
	struct list_head *pos;

	for (pos = br->fdb_list.prev; pos != &br->fdb_list; pos = pos->prev) {
		struct net_bridge_fdb_entry *f = list_entry(pos, struct net_bridge_fdb_entry, list);

		if (f->dst == port)
			fdb_print_entry(ctx, f, dev, br->dev, show_dev);
	}
}

/* iproute2 print_fdb() for a vxlan device's own entries (vxlan_fdb_info) */
struct vxlan_dump_arg {
	struct cmd_ctx *ctx;
	struct net_device *dev;
	bool show_dev;
};

static void vxlan_fdb_print(void *arg, const struct vxlan_fdb *f, const struct vxlan_rdst *rd)
{
	struct vxlan_dump_arg *a = arg;
	const struct vxlan_dev *vxlan = vxlan_from_dev(a->dev);
	FILE *out = a->ctx->out;
	char mac[32], ip[32];

	format_lladdr(mac, f->eth_addr, ETH_ALEN);
	fprintf(out, "%s ", mac);
	if (a->show_dev)
		fprintf(out, "dev %s ", a->dev->name);
	fprintf(out, "dst %s ", format_ipv4(ip, rd->remote_ip));
	if (rd->remote_port && rd->remote_port != vxlan->cfg.dst_port)
		fprintf(out, "port %u ", rd->remote_port);
	if (rd->remote_vni != vxlan->cfg.vni)
		fprintf(out, "vni %u ", rd->remote_vni);
	if (rd->remote_ifindex) {
		struct net_device *via = __dev_get_by_index(vxlan->net, rd->remote_ifindex);

		if (via)
			fprintf(out, "via %s ", via->name);
	}
	if (f->flags & NTF_SELF)
		fputs("self ", out);
	if (f->state & NUD_PERMANENT)
		fputs("permanent", out);
	else if (f->state & NUD_NOARP)
		fputs("static", out);
	else if (f->state & NUD_STALE)
		fputs("stale", out);
	fputc('\n', out);
}

static void fdb_dump_self(struct cmd_ctx *ctx, struct net_device *dev, bool show_dev)
{
	char mac[32];

	if (netif_is_vxlan(dev)) {
		struct vxlan_dump_arg a = { ctx, dev, show_dev };

		vxlan_fdb_walk(dev, vxlan_fdb_print, &a);
		return;
	}
	if (dev->type != ARPHRD_ETHER)
		return;
	/* ndo_dflt_fdb_dump(): the unicast list, then the multicast one */
	for (int l = 0; l < 2; l++) {
		int n = l ? dev->mc_count : dev->uc_count;

		for (int i = 0; i < n && i < 8; i++) {
			format_lladdr(mac, l ? dev->mc_list[i] : dev->uc_list[i], ETH_ALEN);
			if (show_dev)
				fprintf(ctx->out, "%s dev %s self permanent\n", mac, dev->name);
			else
				fprintf(ctx->out, "%s self permanent\n", mac);
		}
	}
}

static void fdb_dump_dev(struct cmd_ctx *ctx, struct net_device *dev,
			 const struct fdb_filter *flt)
{
	struct net_bridge_port *p = br_port_get_rtnl(dev);
	struct net_bridge *br = br_from_dev(dev);

	if (flt->dev && flt->dev != dev)
		return;
	if (flt->br && dev != flt->br && dev->master != flt->br)
		return;
	if (p)
		fdb_dump_master(ctx, p->br, p, dev, !flt->dev);
	fdb_dump_self(ctx, dev, !flt->dev);
	if (br)
		fdb_dump_master(ctx, br, NULL, dev, !flt->dev);
}

static int fdb_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct fdb_filter flt = { NULL, NULL };
	struct net_device *dev;

	const char *br = NULL, *filter_dev = NULL;

	/* iproute2 fdb_show(): words it does not know are passed over */
	for (int i = 0; i < argc; i++) {
		bool valued = !strcmp(argv[i], "br") || !strcmp(argv[i], "dev") ||
			      !strcmp(argv[i], "brport");

		if (valued && i + 1 >= argc) {
			fprintf(ctx->err, "Command line is not complete. Try option \"help\"\n");
			return 255;
		}
		if (!strcmp(argv[i], "br"))
			br = argv[++i];
		else if (valued)
			filter_dev = argv[++i];
	}
	if (br) {
		dev = __dev_get_by_name(ctx->net, br);
		if (!dev || !netif_is_bridge_master(dev)) {
			fprintf(ctx->err, "Cannot find bridge device \"%s\"\n", br);
			return 255;
		}
		flt.br = dev;
	}
	if (filter_dev) {
		flt.dev = __dev_get_by_name(ctx->net, filter_dev);
		if (!flt.dev) {
			fprintf(ctx->err, "Cannot find device \"%s\"\n", filter_dev);
			return 255;
		}
	}
	for_each_netdev(ctx->net, dev)
		fdb_dump_dev(ctx, dev, &flt);
	return 0;
}

/* iproute2 fdb_modify(): `bridge fdb add|append|replace|del LLADDR dev DEV
 * [dst IP] [port P] [vni VNI] [via DEV] [self] [permanent|static|dynamic]`;
 * entries of a vxlan device's own FDB (vxlan_fdb_add / vxlan_fdb_delete). */
/* dst, port, vni, via with their value: 0, or the exit status after the
 * message; -1 when w is none of them */
static int fdb_value_opt(struct cmd_ctx *ctx, struct vxlan_fdb_req *req, const char *w,
			 const char *v)
{
	unsigned int u;

	if (!strcmp(w, "dst")) {
		if (parse_ipv4(&req->ip, v)) {
			fprintf(ctx->err, "Error: any valid address is expected rather than \"%s\".\n",
				v);
			return 1;
		}
		req->has_ip = true;
	} else if (!matches(w, "port")) {
		if (get_unsigned(&u, v, 0) || u > 0xffff) {
			fprintf(ctx->err, "Invalid port \"%s\"\n", v);
			return 255;
		}
		req->port = (u16)u;
	} else if (!strcmp(w, "vni")) {
		if (get_unsigned(&u, v, 0) || u >= VXLAN_N_VID) {
			fprintf(ctx->err, "Invalid VNI \"%s\"\n", v);
			return 255;
		}
		req->vni = u;
		req->has_vni = true;
	} else if (!strcmp(w, "via")) {
		struct net_device *via = __dev_get_by_name(ctx->net, v);

		if (!via) {
			fprintf(ctx->err, "Cannot find device \"%s\"\n", v);
			return 255;
		}
		req->ifindex = via->ifindex;
	} else {
		return -1;
	}
	return 0;
}

/* "master": the port's bridge (br_fdb_add(), br_fdb_delete()); permanent
 * entries are local ones, "static" ones are static */
static int fdb_modify_master(struct net_device *dev, const char *cmd,
			     const struct vxlan_fdb_req *req)
{
	struct net_bridge_port *p = br_port_get_rtnl(dev);
	bool local = req->state & NUD_PERMANENT;

	if (!p)
		return -EOPNOTSUPP;
	if (!matches(cmd, "delete"))
		return br_fdb_delete_user(p->br, p, req->mac);
	if (strcmp(cmd, "add") && strcmp(cmd, "append"))
		br_fdb_delete_user(p->br, p, req->mac);
	return br_fdb_add_user(p->br, p, req->mac, !local, local);
}

/* "self" on a device without an FDB of its own: ndo_dflt_fdb_add() and
 * ndo_dflt_fdb_del(), the device's unicast and multicast address lists;
 * only permanent entries, no VLAN */
static int fdb_modify_dflt(struct net_device *dev, const char *cmd,
			   const struct vxlan_fdb_req *req, bool vlan)
{
	bool mcast = req->mac[0] & 1;
	int err;

	if (!matches(cmd, "delete")) {
		if (!(req->state & NUD_PERMANENT) || vlan)
			return -EINVAL;
		return mcast ? dev_mc_del(dev, req->mac) : dev_uc_del(dev, req->mac);
	}
	if ((req->state && !(req->state & NUD_PERMANENT)) || vlan)
		return -EINVAL;
	err = mcast ? dev_mc_add_excl(dev, req->mac) : dev_uc_add_excl(dev, req->mac);
	if (err == -EEXIST && strcmp(cmd, "add"))	/* only NLM_F_EXCL reports it */
		err = 0;
	return err;
}

/* The request goes to the port's bridge (master), the device's own address
 * lists (a device without an FDB), or the vxlan/bridge FDB itself. */
static int fdb_modify_apply(struct net_device *dev, const char *cmd, struct vxlan_fdb_req *req,
			    bool master, bool have_vlan)
{
	if (master)
		return fdb_modify_master(dev, cmd, req);
	if (!netif_is_vxlan(dev) && !netif_is_bridge_master(dev))
		return fdb_modify_dflt(dev, cmd, req, have_vlan);
	if (!matches(cmd, "delete"))
		return vxlan_fdb_delete(dev, req);
	req->nlflags = NLM_F_CREATE;
	if (!strcmp(cmd, "add"))
		req->nlflags |= NLM_F_EXCL;
	else if (!strcmp(cmd, "append"))
		req->nlflags |= NLM_F_APPEND;
	else
		req->nlflags |= NLM_F_REPLACE;
	return vxlan_fdb_add(dev, req);
}

static int fdb_modify(struct cmd_ctx *ctx, const char *cmd, int argc, char **argv)
{
	struct vxlan_fdb_req req;
	struct net_device *dev = NULL;
	const char *devname = NULL;
	bool have_addr = false, master = false, have_vlan = false;
	int err, rc;

	memset(&req, 0, sizeof(req));
	req.state = NUD_NOARP;
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		bool valued = !strcmp(w, "dev") || !strcmp(w, "dst") || !matches(w, "port") ||
			      !strcmp(w, "vni") || !strcmp(w, "via") || !strcmp(w, "vlan") ||
			      !strcmp(w, "src_vni");

		if (valued && i + 1 >= argc) {
			fprintf(ctx->err, "Command line is not complete. Try option \"help\"\n");
			return 255;
		}
		if (!strcmp(w, "dev")) {
			devname = argv[++i];
		} else if (valued && (rc = fdb_value_opt(ctx, &req, w, argv[i + 1])) >= 0) {
			if (rc)
				return rc;
			i++;
		} else if (!strcmp(w, "self") || !strcmp(w, "master")) {
			master |= w[0] == 'm';
			continue;
		} else if (!matches(w, "local") || !matches(w, "permanent")) {
			req.state |= NUD_PERMANENT;
		} else if (!matches(w, "temp") || !matches(w, "static")) {
			req.state |= NUD_REACHABLE;
		} else if (!matches(w, "dynamic")) {
			req.state |= NUD_REACHABLE;
			req.state &= (u16)~NUD_NOARP;
		} else if (valued) {
			have_vlan |= !strcmp(w, "vlan");
			i++;
		} else {
			if (have_addr) {
				fprintf(ctx->err, "Error: either \"to\" is duplicate, or \"%s\" is a garbage.\n",
					w);
				return 255;
			}
			if (parse_lladdr(req.mac, w)) {
				fprintf(ctx->err, "Invalid mac address %s\n", w);
				return 255;
			}
			have_addr = true;
		}
	}
	if (!devname || !have_addr) {
		fprintf(ctx->err, "Device and address are required arguments.\n");
		return 255;
	}
	dev = __dev_get_by_name(ctx->net, devname);
	if (!dev) {
		fprintf(ctx->err, "Cannot find device \"%s\"\n", devname);
		return 255;
	}
	if (!(req.state & (NUD_PERMANENT | NUD_REACHABLE)))
		req.state |= NUD_PERMANENT;
	err = fdb_modify_apply(dev, cmd, &req, master, have_vlan);
	if (err) {
		fprintf(ctx->err, "RTNETLINK answers: %s\n", strerror(-err));
		return 255;
	}
	return 0;
}

static void link_details(struct cmd_ctx *ctx, const struct net_bridge_port *p)
{
	static const struct { const char *name; u32 bit; } fl[] = {
		{ "hairpin", BR_HAIRPIN_MODE }, { "guard", BR_BPDU_GUARD },
		{ "root_block", BR_ROOT_BLOCK }, { "fastleave", BR_MULTICAST_FAST_LEAVE },
		{ "learning", BR_LEARNING }, { "flood", BR_FLOOD },
		{ "mcast_flood", BR_MCAST_FLOOD }, { "bcast_flood", BR_BCAST_FLOOD },
	};

	fputs("    ", ctx->out);
	for (size_t i = 0; i < ARRAY_SIZE(fl); i++)
		fprintf(ctx->out, "%s %s ", fl[i].name, (p->flags & fl[i].bit) ? "on" : "off");
	fprintf(ctx->out, "mcast_router 1 mcast_to_unicast %s neigh_suppress %s "
		"vlan_tunnel %s isolated %s locked %s \n",
		(p->flags & BR_MULTICAST_TO_UNICAST) ? "on" : "off",
		(p->flags & BR_NEIGH_SUPPRESS) ? "on" : "off",
		(p->flags & BR_VLAN_TUNNEL) ? "on" : "off",
		(p->flags & BR_ISOLATED) ? "on" : "off",
		(p->flags & BR_PORT_LOCKED) ? "on" : "off");
}

/* M-DOWN (iproute2 print_link_flags()): a veth whose peer, in the same
 * namespace, is down */
static bool link_mdown(const struct net_device *dev)
{
	struct net_device *peer = dev->netdev_ops && dev->netdev_ops->ndo_get_peer ?
				  dev->netdev_ops->ndo_get_peer(dev) : NULL;

	return peer && net_eq(dev_net(peer), dev_net(dev)) && !(peer->flags & IFF_UP);
}

static int link_show(struct cmd_ctx *ctx, int argc, char **argv, bool details)
{
	struct net_device *dev, *only = NULL;
	struct ip_ctx ipc;
	char name[64];

	memset(&ipc, 0, sizeof(ipc));
	ipc.ctx = ctx;
	ipc.net = ctx->net;
	ipc.out = ctx->out;
	ipc.err = ctx->err;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "dev") && i + 1 < argc)
			i++;
		only = __dev_get_by_name(ctx->net, argv[i]);
		if (!only) {
			fprintf(ctx->err, "Cannot find device \"%s\"\n", argv[i]);
			return 1;
		}
	}
	for_each_netdev(ctx->net, dev) {
		struct net_bridge_port *p = br_port_get_rtnl(dev);

		if (!p || (only && dev != only))
			continue;
		ip_link_ifname(&ipc, dev, name, sizeof(name));
		fprintf(ctx->out, "%d: %s: ", dev->ifindex, name);
		ip_print_link_flags(&ipc, dev_get_flags(dev), link_mdown(dev));
		fprintf(ctx->out, "mtu %u master %s state %s priority %u cost %u \n", dev->mtu,
			p->br->dev->name, br_port_state_name(p->state), p->priority, p->path_cost);
		if (details)
			link_details(ctx, p);
	}
	return 0;
}

int do_bridge(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool details = false;
	int i = 1;

	for (; i < argc && argv[i][0] == '-'; i++)
		if (!matches(argv[i], "-details"))
			details = true;
	if (i >= argc) {	/* bridge.c usage() */
		fprintf(ctx->err, "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n"
			"       bridge [ -force ] -batch filename\n"
			"where  OBJECT := { link | fdb | mdb | vlan | monitor }\n"
			"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
			"                    -o[neline] | -t[imestamp] | -n[etns] name |\n"
			"                    -c[ompressvlans] -color -p[retty] -j[son] }\n");
		return 255;
	}
	if (!matches(argv[i], "fdb")) {
		if (i + 1 < argc && (!strcmp(argv[i + 1], "add") || !strcmp(argv[i + 1], "append") ||
				     !strcmp(argv[i + 1], "replace") || !matches(argv[i + 1], "delete")))
			return fdb_modify(ctx, argv[i + 1], argc - i - 2, argv + i + 2);
		if (i + 1 < argc && matches(argv[i + 1], "show") && matches(argv[i + 1], "list")) {
			fprintf(ctx->err, "Command \"%s\" is unknown, try \"bridge fdb help\".\n",
				argv[i + 1]);
			return 255;
		}
		return fdb_show(ctx, argc - i - 2 > 0 ? argc - i - 2 : 0, argv + i + 2);
	}
	if (!matches(argv[i], "link")) {
		int skip;

		/* do_link(): set, change, show, list, lst, help; anything else is unknown */
		if (i + 1 < argc && matches(argv[i + 1], "show") && matches(argv[i + 1], "list") &&
		    matches(argv[i + 1], "lst") && matches(argv[i + 1], "set") &&
		    matches(argv[i + 1], "change") && matches(argv[i + 1], "help")) {
			fprintf(ctx->err, "Command \"%s\" is unknown, try \"bridge link help\".\n",
				argv[i + 1]);
			return 255;
		}
		if (i + 1 < argc && (!matches(argv[i + 1], "set") || !matches(argv[i + 1], "change")))
			return bridge_link_modify(ctx, argc - i - 2, argv + i + 2);
		skip = (i + 1 < argc && (!matches(argv[i + 1], "show") ||
					    !matches(argv[i + 1], "list"))) ? 2 : 1;

		return link_show(ctx, argc - i - skip > 0 ? argc - i - skip : 0, argv + i + skip,
				 details);
	}
	if (!matches(argv[i], "vlan"))
		return do_bridge_vlan(ctx, argc - i - 1, argv + i + 1);
	fprintf(ctx->err, "Object \"%s\" is unknown, try \"bridge help\".\n", argv[i]);
	return 255;
}
