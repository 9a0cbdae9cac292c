/* `bridge vlan { add | del } vid VLAN_ID dev DEV [ pvid ] [ untagged ] [ self ]
 * [ master ]`, `bridge vlan [ show ] [ dev DEV ] [ vid VLAN_ID ]` (iproute2
 * bridge/vlan.c).  skbox's bridge has no VLAN filtering, as a kernel built
 * without CONFIG_BRIDGE_VLAN_FILTERING (the reference machine's): the words
 * are parsed as bridge does, then the kernel's answers follow — a VLAN id
 * of 0 or 4095 is invalid, adding is not supported, deleting one that
 * cannot be there succeeds, and `show` lists no port. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "br_common.h"
#include "../ip/ip_common.h"
#include "linux/netdevice.h"
#include "net/bridge.h"
#include "net/net_namespace.h"

struct vlan_req {
	const char *dev;
	int vid, vid_end;		/* -1: none */
	bool pvid, self, master;
};

static int vlan_usage(struct cmd_ctx *ctx)
{
	fputs("Usage: bridge vlan { add | del } vid VLAN_ID dev DEV [ tunnel_info id TUNNEL_ID ]\n"
	      "                                                     [ pvid ] [ untagged ]\n"
	      "                                                     [ self ] [ master ]\n"
	      "       bridge vlan { set } vid VLAN_ID dev DEV [ state STP_STATE ]\n"
	      "                                               [ mcast_router MULTICAST_ROUTER ]\n"
	      "       bridge vlan { show } [ dev DEV ] [ vid VLAN_ID ]\n"
	      "       bridge vlan { tunnelshow } [ dev DEV ] [ vid VLAN_ID ]\n"
	      "       bridge vlan global { set } vid VLAN_ID dev DEV\n"
	      "                      [ mcast_snooping MULTICAST_SNOOPING ]\n"
	      "                      [ mcast_querier MULTICAST_QUERIER ]\n"
	      "                      [ mcast_igmp_version IGMP_VERSION ]\n"
	      "                      [ mcast_mld_version MLD_VERSION ]\n"
	      "                      [ mcast_last_member_count LAST_MEMBER_COUNT ]\n"
	      "                      [ mcast_last_member_interval LAST_MEMBER_INTERVAL ]\n"
	      "                      [ mcast_startup_query_count STARTUP_QUERY_COUNT ]\n"
	      "                      [ mcast_startup_query_interval STARTUP_QUERY_INTERVAL ]\n"
	      "                      [ mcast_membership_interval MEMBERSHIP_INTERVAL ]\n"
	      "                      [ mcast_querier_interval QUERIER_INTERVAL ]\n"
	      "                      [ mcast_query_interval QUERY_INTERVAL ]\n"
	      "                      [ mcast_query_response_interval QUERY_RESPONSE_INTERVAL ]\n"
	      "       bridge vlan global { show } [ dev DEV ] [ vid VLAN_ID ]\n", ctx->err);
	return 255;
}

static int incomplete(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "Command line is not complete. Try option \"help\"\n");
	return 255;
}

/* "vid N" or "vid N-M", read with atoi() as bridge does */
static void vlan_vid(struct vlan_req *r, char *v)
{
	char *dash = strchr(v, '-');

	r->vid = (short)atoi(dash ? strndupa(v, (size_t)(dash - v)) : v);
	if (dash)
		r->vid_end = (short)atoi(dash + 1);
}

/* vlan_modify()'s loop: words it does not know are skipped ("help" and its
 * abbreviations take the next word with them). */
static int vlan_parse(struct cmd_ctx *ctx, struct vlan_req *r, int argc, char **argv)
{
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

		if (!strcmp(w, "dev") || !strcmp(w, "vid") || !strcmp(w, "tunnel_info") ||
		    !matches(w, "help")) {
			if (argc < 2)
				return incomplete(ctx);
			argv++, argc--;
			if (!strcmp(w, "dev"))
				r->dev = argv[0];
			else if (!strcmp(w, "vid"))
				vlan_vid(r, argv[0]);
		} else if (!strcmp(w, "self")) {
			r->self = true;
		} else if (!strcmp(w, "master")) {
			r->master = true;
		} else if (!strcmp(w, "pvid")) {
			r->pvid = true;
		}
	}
	return 0;
}

/* The checks bridge makes before it asks the kernel; 0 or an exit status */
static int vlan_check(struct cmd_ctx *ctx, const struct vlan_req *r)
{
	if (!r->dev || r->vid == -1) {
		fprintf(ctx->err, "Device and VLAN ID are required arguments.\n");
		return 255;
	}
	if (!__dev_get_by_name(ctx->net, r->dev)) {
		fprintf(ctx->err, "Cannot find bridge device \"%s\"\n", r->dev);
		return 255;
	}
	if (r->vid >= 4096) {
		fprintf(ctx->err, "Invalid VLAN ID \"%hu\"\n", (unsigned short)r->vid);
		return 255;
	}
	if (r->vid_end != -1 && (r->vid_end >= 4096 || r->vid >= r->vid_end)) {
		fprintf(ctx->err, "Invalid VLAN range \"%hu-%hu\"\n", (unsigned short)r->vid,
			(unsigned short)r->vid_end);
		return 255;
	}
	if (r->vid_end != -1 && r->pvid) {
		fprintf(ctx->err, "pvid cannot be configured for a vlan range\n");
		return 255;
	}
	return 0;
}

/* br_vlan_valid_id(): the id as the kernel reads it, a u16 */
static bool vlan_valid_id(int vid)
{
	unsigned short v = (unsigned short)vid;

	return v > 0 && v < 4095;
}

/* br_setlink()/br_dellink() reached: br_afspec() without VLAN filtering */
static int vlan_br_afspec(struct cmd_ctx *ctx, const struct vlan_req *r, bool add)
{
	/* br_vlan_info(): the add path says why, the delete path does not */
	if (!vlan_valid_id(r->vid) || (r->vid_end != -1 && !vlan_valid_id(r->vid_end))) {
		fprintf(ctx->err, add ? "Error: bridge: Vlan id is invalid.\n" :
			"RTNETLINK answers: Invalid argument\n");
		return 255;
	}
	if (add) {
		fprintf(ctx->err, "RTNETLINK answers: %s\n", strerror(EOPNOTSUPP));
		return 255;
	}
	return 0;
}

/* rtnl_bridge_setlink()/dellink(): the master's handler unless only "self"
 * is named, then the device's own (a bridge has one, a port does not) */
static int vlan_modify(struct cmd_ctx *ctx, bool add, int argc, char **argv)
{
	struct vlan_req r = { .vid = -1, .vid_end = -1 };
	struct net_device *dev;
	int rc = vlan_parse(ctx, &r, argc, argv);

	if (rc || (rc = vlan_check(ctx, &r)))
		return rc;
	dev = __dev_get_by_name(ctx->net, r.dev);
	if (!r.self || r.master) {
		if (!br_port_get_rtnl(dev)) {
			fprintf(ctx->err, "RTNETLINK answers: %s\n", strerror(EOPNOTSUPP));
			return 255;
		}
		if ((rc = vlan_br_afspec(ctx, &r, add)))
			return rc;
	}
	if (!r.self)
		return 0;
	if (!netif_is_bridge_master(dev)) {
		fprintf(ctx->err, "RTNETLINK answers: %s\n", strerror(EOPNOTSUPP));
		return 255;
	}
	return vlan_br_afspec(ctx, &r, add);
}

/* vlan_show(): the heading; no port has a VLAN list without filtering */
static int vlan_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	const char *dev = NULL;

	for (; argc > 0; argc--, argv++) {
		if (strcmp(argv[0], "dev") && strcmp(argv[0], "vid"))
			continue;
		if (argc < 2)
			return incomplete(ctx);
		if (!strcmp(argv[0], "dev") && dev) {
			fprintf(ctx->err, "Error: duplicate \"dev\": \"%s\" is the second value.\n",
				argv[1]);
			return 255;
		}
		if (!strcmp(argv[0], "dev"))
			dev = argv[1];
		argv++, argc--;
	}
	if (dev && !__dev_get_by_name(ctx->net, dev)) {
		fprintf(ctx->err, "Cannot find device \"%s\"\n", dev);
		return 255;
	}
	fprintf(ctx->out, "%-16s  %-9s\n", "port", "vlan-id");
	return 0;
}

int do_bridge_vlan(struct cmd_ctx *ctx, int argc, char **argv)
{
	if (argc <= 0)
		return vlan_show(ctx, 0, argv);
	if (!matches(argv[0], "add") || !matches(argv[0], "delete"))
		return vlan_modify(ctx, argv[0][0] == 'a', argc - 1, argv + 1);
	if (!matches(argv[0], "show") || !matches(argv[0], "lst") || !matches(argv[0], "list") ||
	    !matches(argv[0], "tunnelshow"))
		return vlan_show(ctx, argc - 1, argv + 1);
	if (!matches(argv[0], "help"))
		return vlan_usage(ctx);
	fprintf(ctx->err, "Command \"%s\" is unknown, try \"bridge vlan help\".\n", argv[0]);
	return 255;
}
