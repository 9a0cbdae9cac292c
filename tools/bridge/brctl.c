/* bridge-utils `brctl` (brctl/brctl_cmd.c): show, addbr, delbr, addif,
 * delif, hairpin — over the bridge device and its ports
 * (net/bridge/br_if.c), with bridge-utils' messages. */
#include <stdlib.h>
#include <string.h>
#include "skbox/cmd.h"
#include "linux/netdevice.h"
#include "net/bridge.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"

static int name_cmp(const void *a, const void *b)
{
	return strcmp((*(struct net_device *const *)a)->name, (*(struct net_device *const *)b)->name);
}

/* Devices of the namespace matching pred, sorted by name (alphasort). */
static size_t sorted_devs(struct net *net, struct net_device **out, size_t max,
			  const struct net_device *master)
{
	struct net_device *dev;
	size_t n = 0;

	for_each_netdev(net, dev) {
		bool want = master ? dev->master == master && br_port_get_rtnl(dev) :
				     netif_is_bridge_master(dev);

		if (want && n < max)
			out[n++] = dev;
	}
	qsort(out, n, sizeof(*out), name_cmp);
	return n;
}

static int brctl_show(struct cmd_ctx *ctx)
{
	struct net_device *brs[256], *ports[BR_MAX_PORTS];
	size_t nb = sorted_devs(ctx->net, brs, 256, NULL);

	fprintf(ctx->out, "bridge name\tbridge id\t\tSTP enabled\tinterfaces\n");
	for (size_t i = 0; i < nb; i++) {
		const struct net_bridge *br = br_from_dev(brs[i]);
		const u8 *m = brs[i]->dev_addr;
		size_t np = sorted_devs(ctx->net, ports, BR_MAX_PORTS, brs[i]);

		fprintf(ctx->out, "%s\t\t%.2x%.2x.%.2x%.2x%.2x%.2x%.2x%.2x\t%s\t\t", brs[i]->name,
			br->bridge_priority >> 8, br->bridge_priority & 0xff,
			m[0], m[1], m[2], m[3], m[4], m[5], br->stp_enabled ? "yes" : "no");
		if (!np)
			fputc('\n', ctx->out);
		for (size_t j = 0; j < np; j++)
			fprintf(ctx->out, "%s%s\n", j ? "\t\t\t\t\t\t\t" : "", ports[j]->name);
	}
	return 0;
}

static int brctl_addbr(struct cmd_ctx *ctx, const char *name)
{
	struct netlink_ext_ack ext = { NULL };
	struct link_req req;
	int err;

	if (__dev_get_by_name(ctx->net, name)) {
		fprintf(ctx->err, "device %s already exists; can't create bridge with the same name\n",
			name);
		return 1;
	}
	link_req_init(&req);
	snprintf(req.name, sizeof(req.name), "%s", name);
	req.kind = "bridge";
	err = rtnl_newlink(ctx->net, &req, &ext);
	if (err) {
		fprintf(ctx->err, "add bridge failed: %s\n", strerror(-err));
		return 1;
	}
	return 0;
}

static int brctl_delbr(struct cmd_ctx *ctx, const char *name)
{
	struct net_device *dev = __dev_get_by_name(ctx->net, name);

	if (!dev || !netif_is_bridge_master(dev)) {
		fprintf(ctx->err, "bridge %s doesn't exist; can't delete it\n", name);
		return 1;
	}
	if (dev->flags & IFF_UP) {
		fprintf(ctx->err, "bridge %s is still up; can't delete it\n", name);
		return 1;
	}
	return rtnl_dellink(dev, NULL) ? 1 : 0;
}

static int brctl_lookup(struct cmd_ctx *ctx, const char *brname, const char *ifname,
			struct net_device **br, struct net_device **dev)
{
	*br = __dev_get_by_name(ctx->net, brname);
	*dev = __dev_get_by_name(ctx->net, ifname);
	if (!*br || !netif_is_bridge_master(*br)) {
		fprintf(ctx->err, "bridge %s does not exist!\n", brname);
		return 1;
	}
	if (!*dev) {
		fprintf(ctx->err, "interface %s does not exist!\n", ifname);
		return 1;
	}
	return 0;
}

static int brctl_addif(struct cmd_ctx *ctx, const char *brname, const char *ifname)
{
	struct net_device *br, *dev;
	int err;

	if (brctl_lookup(ctx, brname, ifname, &br, &dev))
		return 1;
	if (dev->master && dev->master != br) {
		fprintf(ctx->err, "device %s is already a member of a bridge; "
			"can't enslave it to bridge %s.\n", ifname, brname);
		return 1;
	}
	if (netif_is_bridge_master(dev)) {
		fprintf(ctx->err, "device %s is a bridge device itself; "
			"can't enslave a bridge device to a bridge device.\n", ifname);
		return 1;
	}
	err = do_set_master(dev, br, NULL);
	if (err) {
		fprintf(ctx->err, "can't add %s to bridge %s: %s\n", ifname, brname, strerror(-err));
		return 1;
	}
	return 0;
}

static int brctl_delif(struct cmd_ctx *ctx, const char *brname, const char *ifname)
{
	struct net_device *br, *dev;

	if (brctl_lookup(ctx, brname, ifname, &br, &dev))
		return 1;
	if (dev->master != br) {
		fprintf(ctx->err, "device %s is not a slave of %s\n", ifname, brname);
		return 1;
	}
	return do_set_master(dev, NULL, NULL) ? 1 : 0;
}

static int brctl_hairpin(struct cmd_ctx *ctx, char **argv)
{
	struct net_device *br, *dev;
	struct net_bridge_port *p;
	bool on;

	if (!strcmp(argv[3], "on") || !strcmp(argv[3], "yes") || !strcmp(argv[3], "1"))
		on = true;
	else if (!strcmp(argv[3], "off") || !strcmp(argv[3], "no") || !strcmp(argv[3], "0"))
		on = false;
	else {
		fprintf(ctx->err, "expect on/off for argument\n");
		return 1;
	}
	dev = __dev_get_by_name(ctx->net, argv[2]);
	br = __dev_get_by_name(ctx->net, argv[1]);
	if (!dev) {
		fprintf(ctx->err, "interface %s does not exist!\n", argv[2]);
		return 1;
	}
	if (!br) {
		fprintf(ctx->err, "bridge %s does not exist!\n", argv[1]);
		return 1;
	}
	p = br_port_get_rtnl(dev);
	if (!p || p->br->dev != br) {
		fprintf(ctx->err, "can't set %s to hairpin on bridge %s: %s\n", argv[2], argv[1],
			"No such file or directory");
		return 1;
	}
	return br_port_set_flag(p, BR_HAIRPIN_MODE, on) ? 1 : 0;
}

int do_brctl(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct { const char *name; int nargs; } cmds[] = {
		{ "addbr", 1 }, { "delbr", 1 }, { "addif", 2 }, { "delif", 2 },
		{ "hairpin", 3 }, { "show", 0 },
	};

	if (argc < 2) {
		fprintf(ctx->out, "Usage: brctl [commands]\n");
		return 1;
	}
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (strcmp(argv[1], cmds[i].name))
			continue;
		if (argc - 2 < cmds[i].nargs) {
			fprintf(ctx->err, "Incorrect number of arguments for command\n");
			return 1;
		}
		switch (i) {
		case 0: return brctl_addbr(ctx, argv[2]);
		case 1: return brctl_delbr(ctx, argv[2]);
		case 2: return brctl_addif(ctx, argv[2], argv[3]);
		case 3: return brctl_delif(ctx, argv[2], argv[3]);
		case 4: return brctl_hairpin(ctx, argv + 1);
		default: return brctl_show(ctx);
		}
	}
	fprintf(ctx->err, "never heard of command [%s]\n", argv[1]);
	return 1;
}
