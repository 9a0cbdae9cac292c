/* ethtool -k / -K (ethtool 6.1): a device's offload features.
 *
 * `ethtool -k DEV` lists the features as ethtool does for a veth on
 * Linux; the lines skbox acts on follow dev->features (checksum offload,
 * scatter-gather, TSO, GSO, GRO), the others show veth's values.
 * `ethtool -K DEV NAME on|off ...` sets gro, gso, tso, sg or tx (and their
 * long names) — GRO is the switch net/core/gro.c reads. */
#include <string.h>
#include "skbox/cmd.h"
#include "linux/netdevice.h"
#include "net/net_namespace.h"

struct ethtool_feature_line {
	const char *name;
	bool child;		/* printed indented under the line before */
	u64 feature;		/* 0: a value skbox does not model */
	bool on;		/* the value when feature is 0 */
	bool fixed;
};

static const struct ethtool_feature_line feature_lines[] = {
	{ "rx-checksumming", false, 0, true, false },
	{ "tx-checksumming", false, NETIF_F_HW_CSUM, true, false },
	{ "tx-checksum-ipv4", true, 0, false, true },
	{ "tx-checksum-ip-generic", true, NETIF_F_HW_CSUM, true, false },
	{ "tx-checksum-ipv6", true, 0, false, true },
	{ "tx-checksum-fcoe-crc", true, 0, false, true },
	{ "tx-checksum-sctp", true, 0, true, false },
	{ "scatter-gather", false, NETIF_F_SG, true, false },
	{ "tx-scatter-gather", true, NETIF_F_SG, true, false },
	{ "tx-scatter-gather-fraglist", true, 0, true, false },
	{ "tcp-segmentation-offload", false, NETIF_F_TSO, true, false },
	{ "tx-tcp-segmentation", true, NETIF_F_TSO, true, false },
	{ "tx-tcp-ecn-segmentation", true, NETIF_F_TSO, true, false },
	{ "tx-tcp-mangleid-segmentation", true, NETIF_F_TSO, true, false },
	{ "tx-tcp6-segmentation", true, NETIF_F_TSO, true, false },
	{ "tx-tcp-accecn-segmentation", true, NETIF_F_TSO, true, false },
	{ "generic-segmentation-offload", false, NETIF_F_GSO, true, false },
	{ "generic-receive-offload", false, NETIF_F_GRO, false, false },
	{ "large-receive-offload", false, 0, false, true },
	{ "rx-vlan-offload", false, 0, true, false },
	{ "tx-vlan-offload", false, 0, true, false },
	{ "ntuple-filters", false, 0, false, true },
	{ "receive-hashing", false, 0, false, true },
	{ "highdma", false, 0, true, false },
	{ "rx-vlan-filter", false, 0, false, true },
	{ "vlan-challenged", false, 0, false, true },
	{ "tx-gso-robust", false, 0, false, true },
	{ "tx-fcoe-segmentation", false, 0, false, true },
	{ "tx-gre-segmentation", false, 0, true, false },
	{ "tx-gre-csum-segmentation", false, 0, true, false },
	{ "tx-ipxip4-segmentation", false, 0, true, false },
	{ "tx-ipxip6-segmentation", false, 0, true, false },
	{ "tx-udp_tnl-segmentation", false, 0, true, false },
	{ "tx-udp_tnl-csum-segmentation", false, 0, true, false },
	{ "tx-gso-partial", false, 0, false, true },
	{ "tx-tunnel-remcsum-segmentation", false, 0, false, true },
	{ "tx-sctp-segmentation", false, 0, true, false },
	{ "tx-esp-segmentation", false, 0, false, true },
	{ "tx-udp-segmentation", false, 0, true, false },
	{ "tx-gso-list", false, 0, true, false },
	{ "tx-nocache-copy", false, 0, false, false },
	{ "loopback", false, 0, false, true },
	{ "rx-fcs", false, 0, false, true },
	{ "rx-all", false, 0, false, true },
	{ "tx-vlan-stag-hw-insert", false, 0, true, false },
	{ "rx-vlan-stag-hw-parse", false, 0, true, false },
	{ "rx-vlan-stag-filter", false, 0, false, true },
	{ "l2-fwd-offload", false, 0, false, true },
	{ "hw-tc-offload", false, 0, false, true },
	{ "esp-hw-offload", false, 0, false, true },
	{ "esp-tx-csum-hw-offload", false, 0, false, true },
	{ "rx-udp_tunnel-port-offload", false, 0, false, true },
	{ "tls-hw-tx-offload", false, 0, false, true },
	{ "tls-hw-rx-offload", false, 0, false, true },
	{ "rx-gro-hw", false, 0, false, true },
	{ "tls-hw-record", false, 0, false, true },
	{ "rx-gro-list", false, 0, false, false },
	{ "macsec-hw-offload", false, 0, false, true },
	{ "rx-udp-gro-forwarding", false, 0, false, false },
	{ "hsr-tag-ins-offload", false, 0, false, true },
	{ "hsr-tag-rm-offload", false, 0, false, true },
	{ "hsr-fwd-offload", false, 0, false, true },
	{ "hsr-dup-offload", false, 0, false, true },
};

/* the names -K takes for the features skbox models */
static const struct {
	const char *name, *alias;
	u64 feature;
} feature_names[] = {
	{ "gro", "generic-receive-offload", NETIF_F_GRO },
	{ "gso", "generic-segmentation-offload", NETIF_F_GSO },
	{ "tso", "tcp-segmentation-offload", NETIF_F_TSO },
	{ "sg", "scatter-gather", NETIF_F_SG },
	{ "tx", "tx-checksumming", NETIF_F_HW_CSUM },
};

static struct net_device *ethtool_dev(struct cmd_ctx *ctx, const char *name)
{
	struct net_device *dev = __dev_get_by_name(ctx->net, name);

	if (!dev)
		fprintf(ctx->err, "netlink error: no device matches name (offset 24)\n"
				  "netlink error: No such device\n");
	return dev;
}

static int ethtool_show_features(struct cmd_ctx *ctx, struct net_device *dev)
{
	fprintf(ctx->out, "Features for %s:\n", dev->name);
	for (size_t i = 0; i < sizeof(feature_lines) / sizeof(feature_lines[0]); i++) {
		const struct ethtool_feature_line *l = &feature_lines[i];
		bool on = l->feature ? !!(dev->features & l->feature) : l->on;

		fprintf(ctx->out, "%s%s: %s%s\n", l->child ? "\t" : "", l->name, on ? "on" : "off",
			l->fixed ? " [fixed]" : "");
	}
	return 0;
}

static u64 ethtool_feature(const char *name)
{
	for (size_t i = 0; i < sizeof(feature_names) / sizeof(feature_names[0]); i++)
		if (!strcmp(name, feature_names[i].name) || !strcmp(name, feature_names[i].alias))
			return feature_names[i].feature;
	return 0;
}

/* All pairs are checked before any is applied, as one netlink request. */
static int ethtool_set_features(struct cmd_ctx *ctx, struct net_device *dev, int argc,
				char **argv)
{
	u64 set = 0, clear = 0;

	for (int i = 0; i < argc; i += 2) {
		u64 f = ethtool_feature(argv[i]);

		if (i + 1 >= argc || (strcmp(argv[i + 1], "on") && strcmp(argv[i + 1], "off"))) {
			fprintf(ctx->err, "ethtool (-K): flag '(null)' for parameter '(null)' is not "
					  "followed by 'on' or 'off'\n");
			return 1;
		}
		if (!f) {
			fprintf(ctx->err, "netlink error: bit name not found (offset %zu)\n"
					  "netlink error: Operation not supported\n",
				48 + ((strlen(dev->name) + 1 + 3) & ~(size_t)3));
			return 92;
		}
		if (!strcmp(argv[i + 1], "on"))
			set |= f;
		else
			clear |= f;
	}
	dev->features = (dev->features | set) & ~clear;
	return 0;
}

int do_ethtool(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct net_device *dev;

	if (argc < 3 || (strcmp(argv[1], "-k") && strcmp(argv[1], "--show-features") &&
			 strcmp(argv[1], "--show-offload") && strcmp(argv[1], "-K") &&
			 strcmp(argv[1], "--features") && strcmp(argv[1], "--offload"))) {
		fprintf(ctx->err, "ethtool: bad command line argument(s)\n"
				  "For more information run ethtool -h\n");
		return 1;
	}
	dev = ethtool_dev(ctx, argv[2]);
	if (!dev)
		return argv[1][1] == 'k' || !strncmp(argv[1], "--show", 6) ? 1 : 92;
	if (argv[1][1] == 'k' || !strncmp(argv[1], "--show", 6))
		return ethtool_show_features(ctx, dev);
	return ethtool_set_features(ctx, dev, argc - 3, argv + 3);
}
