/* `bridge link set dev DEV [ cost N ] [ priority N ] [ state S ] [ FLAG on|off ]
 * ... [ self ] [ master ]` (iproute2 bridge/link.c brlink_modify()): the
 * words are parsed as bridge does (a word it does not know prints its usage
 * and exits 255), then applied to the port as br_setport() does
 * (net/bridge/br_netlink.c): flags first, then cost, priority and state,
 * each checked by the kernel's rules (cost 1..65535, priority 0..63, state
 * 0..4 on a running port). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "br_common.h"
#include "../ip/ip_common.h"
#include "linux/netdevice.h"
#include "net/bridge.h"
#include "net/net_namespace.h"

static const struct {
	const char *name;
	u32 bit;
} brport_flags[] = {
	{ "guard", BR_BPDU_GUARD }, { "hairpin", BR_HAIRPIN_MODE },
	{ "fastleave", BR_MULTICAST_FAST_LEAVE }, { "root_block", BR_ROOT_BLOCK },
	{ "learning", BR_LEARNING }, { "learning_sync", BR_LEARNING_SYNC },
	{ "flood", BR_FLOOD }, { "mcast_flood", BR_MCAST_FLOOD },
	{ "bcast_flood", BR_BCAST_FLOOD }, { "mcast_to_unicast", BR_MULTICAST_TO_UNICAST },
	{ "neigh_suppress", BR_NEIGH_SUPPRESS }, { "vlan_tunnel", BR_VLAN_TUNNEL },
	{ "isolated", BR_ISOLATED }, { "locked", BR_PORT_LOCKED },
};

static const char *const port_states[] = {
	"disabled", "listening", "learning", "forwarding", "blocking",
};

struct brlink_req {
	const char *dev;
	u32 set, clear;			/* port flags turned on and off */
	int cost;			/* sent when > 0 (atoi, as bridge) */
	int priority;			/* sent when >= 0 */
	int state;			/* -1: none */
	bool self, master;
};

static int brlink_usage(struct cmd_ctx *ctx)
{
	fputs("Usage: bridge link set dev DEV [ cost COST ] [ priority PRIO ] [ state STATE ]\n"
	      "                               [ guard {on | off} ]\n"
	      "                               [ hairpin {on | off} ]\n"
	      "                               [ fastleave {on | off} ]\n"
	      "                               [ root_block {on | off} ]\n"
	      "                               [ learning {on | off} ]\n"
	      "                               [ learning_sync {on | off} ]\n"
	      "                               [ flood {on | off} ]\n"
	      "                               [ mcast_router MULTICAST_ROUTER ]\n"
	      "                               [ mcast_flood {on | off} ]\n"
	      "                               [ bcast_flood {on | off} ]\n"
	      "                               [ mcast_to_unicast {on | off} ]\n"
	      "                               [ neigh_suppress {on | off} ]\n"
	      "                               [ vlan_tunnel {on | off} ]\n"
	      "                               [ isolated {on | off} ]\n"
	      "                               [ locked {on | off} ]\n"
	      "                               [ hwmode {vepa | veb} ]\n"
	      "                               [ backup_port DEVICE ] [ nobackup_port ]\n"
	      "                               [ self ] [ master ]\n"
	      "       bridge link show [dev DEV]\n", ctx->err);
	return 255;
}

/* parse_on_off(): "on" or "off", abbreviated as matches() allows */
static int brlink_flag(struct cmd_ctx *ctx, struct brlink_req *r, size_t i, const char *v)
{
	if (!matches(v, "on")) {
		r->set |= brport_flags[i].bit;
		r->clear &= ~brport_flags[i].bit;
	} else if (!matches(v, "off")) {
		r->clear |= brport_flags[i].bit;
		r->set &= ~brport_flags[i].bit;
	} else {
		fprintf(ctx->err, "Error: argument of \"%s\" must be one of \"off\", \"on\", not \"%s\"\n",
			brport_flags[i].name, v);
		return 234;	/* -EINVAL as an exit status */
	}
	return 0;
}

static int brlink_state(struct cmd_ctx *ctx, struct brlink_req *r, const char *v)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (*v && !*end) {
		r->state = (int)(signed char)n;
		return 0;
	}
	for (size_t i = 0; i < ARRAY_SIZE(port_states); i++)
		if (!strcmp(port_states[i], v)) {
			r->state = (int)i;
			return 0;
		}
	fprintf(ctx->err, "Error: invalid STP port state\n");
	return 255;
}

/* One word with its value (bridge's NEXT_ARG words): 0, or an exit status. */
static int brlink_valued(struct cmd_ctx *ctx, struct brlink_req *r, const char *w, const char *v)
{
	for (size_t i = 0; i < ARRAY_SIZE(brport_flags); i++)
		if (!strcmp(w, brport_flags[i].name))
			return brlink_flag(ctx, r, i, v);
	if (!strcmp(w, "dev"))
		r->dev = v;
	else if (!strcmp(w, "cost"))
		r->cost = atoi(v);
	else if (!strcmp(w, "priority"))
		r->priority = atoi(v);
	else if (!strcmp(w, "state"))
		return brlink_state(ctx, r, v);
	else if (!strcmp(w, "hwmode")) {
		if (strcmp(v, "vepa") && strcmp(v, "veb")) {
			fprintf(ctx->err, "Mode argument must be \"vepa\" or \"veb\".\n");
			return 255;
		}
		r->self = true;
	} else if (!strcmp(w, "backup_port") && !__dev_get_by_name(ctx->net, v)) {
		fprintf(ctx->err, "Error: device %s does not exist\n", v);
		return 255;
	}
	return 0;
}

static bool brlink_takes_value(const char *w)
{
	static const char *const words[] = { "dev", "cost", "priority", "state", "hwmode",
		"mcast_router", "backup_port" };

	for (size_t i = 0; i < ARRAY_SIZE(brport_flags); i++)
		if (!strcmp(w, brport_flags[i].name))
			return true;
	for (size_t i = 0; i < ARRAY_SIZE(words); i++)
		if (!strcmp(w, words[i]))
			return true;
	return false;
}

static int brlink_parse(struct cmd_ctx *ctx, struct brlink_req *r, int argc, char **argv)
{
	for (; argc > 0; argc--, argv++) {
		int rc;

		if (!strcmp(argv[0], "self")) {
			r->self = true;
		} else if (!strcmp(argv[0], "master")) {
			r->master = true;
		} else if (!strcmp(argv[0], "nobackup_port")) {
			continue;
		} else if (!brlink_takes_value(argv[0])) {
			return brlink_usage(ctx);
		} else if (argc < 2) {
			fprintf(ctx->err, "Command line is not complete. Try option \"help\"\n");
			return 255;
		} else {
			if ((rc = brlink_valued(ctx, r, argv[0], argv[1])))
				return rc;
			argv++, argc--;
		}
	}
	if (!r->dev) {
		fprintf(ctx->err, "Device is a required argument.\n");
		return 255;
	}
	return 0;
}

/* br_setport(): flags, then cost, priority, state; -errno */
static int brlink_apply(struct net_bridge_port *p, const struct brlink_req *r)
{
	if (r->cost > 0 && r->cost > 65535)
		return -ERANGE;
	if (r->priority >= 0 && (r->priority & 0xffff) > 63)
		return -ERANGE;
	if (r->state >= 0) {
		if (p->br->stp_enabled)
			return -EBUSY;
		if (!netif_running(p->dev) || (!netif_oper_up(p->dev) && r->state))
			return -ENETDOWN;
		if (r->state > BR_STATE_BLOCKING)
			return -EINVAL;
	}
	p->flags = (p->flags | r->set) & ~r->clear;
	if (r->cost > 0)
		p->path_cost = (u32)r->cost;
	if (r->priority >= 0)
		p->priority = (u8)r->priority;
	/* br_port_state_selection() without STP: a blocking port forwards */
	if (r->state >= 0)
		p->state = r->state == BR_STATE_BLOCKING ? BR_STATE_FORWARDING : (u8)r->state;
	return 0;
}

int bridge_link_modify(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct brlink_req r = { .cost = 0, .priority = -1, .state = -1 };
	struct net_device *dev;
	struct net_bridge_port *p;
	int err = brlink_parse(ctx, &r, argc, argv);

	if (err)
		return err;
	dev = __dev_get_by_name(ctx->net, r.dev);
	if (!dev) {
		fprintf(ctx->err, "Cannot find bridge device \"%s\"\n", r.dev);
		return 255;
	}
	/* rtnl_bridge_setlink(): the master's ndo_bridge_setlink unless only
	 * "self" is named; a device's own (self) has none here */
	p = br_port_get_rtnl(dev);
	if ((!r.self || r.master) && !p)
		err = -EOPNOTSUPP;
	else if (!r.self || r.master)
		err = brlink_apply(p, &r);
	if (!err && r.self)
		err = -EOPNOTSUPP;
	if (err) {
		fprintf(ctx->err, "RTNETLINK answers: %s\n", strerror(-err));
		return 255;
	}
	return 0;
}
