/* `ip tuntap` (iproute2 ip/iptuntap.c): add, del and show TUN/TAP devices,
 * and `ip link add NAME type tap|tun host-name HOSTIF` (skbox: the device
 * joined to a real TAP or TUN interface of the host, docs/LIVE-IO.md).
 * Linux makes these through /dev/net/tun (TUNSETIFF + TUNSETPERSIST);
 * here the request goes straight to the tun driver with the same flags,
 * and the errors are the ioctl's as iproute2 prints them. */
#include <errno.h>
#include <string.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/tun.h"

static int tuntap_usage(struct ip_ctx *ipc)
{
	fputs("Usage: ip tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]\n"
	      "       [ mode { tun | tap } ] [ user USER ] [ group GROUP ]\n"
	      "       [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]\n"
	      "\n"
	      "Where: USER  := { STRING | NUMBER }\n"
	      "       GROUP := { STRING | NUMBER }\n", ipc->err);
	return 255;
}

static int tuntap_mode(struct ip_ctx *ipc, unsigned int *flags, const char *arg)
{
	unsigned int want = !matches(arg, "tun") ? IFF_TUN : !matches(arg, "tap") ? IFF_TAP : 0;

	if (!want) {
		fprintf(ipc->err, "Unknown tunnel mode \"%s\"\n", arg);
		return 255;
	}
	if (*flags & TUN_TYPE_MASK & ~want) {
		fprintf(ipc->err, "You managed to ask for more than one tunnel mode.\n");
		return 255;
	}
	*flags |= want;
	return 0;
}

/* iproute2 parse_args(): IFF_NO_PI unless `pi`; a bare word is the name. */
static int tuntap_parse(struct ip_ctx *ipc, int argc, char **argv, struct tun_req *t,
			char *name)
{
	memset(t, 0, sizeof(*t));
	t->flags = IFF_NO_PI;
	name[0] = 0;
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];
		int rc;

		if (!matches(w, "mode") || !matches(w, "user") || !matches(w, "group") ||
		    !matches(w, "dev") || !matches(w, "name")) {
			if (argc < 2)
				return ip_incomplete(ipc);
			argc--;
			argv++;
			if (!matches(w, "mode") && (rc = tuntap_mode(ipc, &t->flags, argv[0])))
				return rc;
			if (!matches(w, "user") || !matches(w, "group") || !matches(w, "mode"))
				continue;
		} else if (!matches(w, "pi")) {
			t->flags &= ~IFF_NO_PI;
			continue;
		} else if (!matches(w, "one_queue")) {
			t->flags |= IFF_ONE_QUEUE;
			continue;
		} else if (!matches(w, "vnet_hdr")) {
			t->flags |= IFF_VNET_HDR;
			continue;
		} else if (!matches(w, "multi_queue")) {
			t->flags |= IFF_MULTI_QUEUE;
			continue;
		} else if (!matches(w, "help")) {
			return tuntap_usage(ipc);
		}
		if (name[0])
			return ip_duparg2(ipc, "name", argv[0]);
		if (strlen(argv[0]) >= IFNAMSIZ || !argv[0][0] || strchr(argv[0], '/') ||
		    strchr(argv[0], ' '))
			return ip_invarg(ipc, "\"name\" not a valid ifname", argv[0]);
		snprintf(name, IFNAMSIZ, "%s", argv[0]);
	}
	if (!(t->flags & TUN_TYPE_MASK)) {
		fprintf(ipc->err, "You failed to specify a tunnel mode\n");
		return 1;
	}
	return 0;
}

static int tunsetiff_err(struct ip_ctx *ipc, int err)
{
	fprintf(ipc->err, "ioctl(TUNSETIFF): %s\n", strerror(err));
	return 1;
}

/* TUNSETIFF on a name that exists (tun_set_iff): never with IFF_TUN_EXCL
 * (what `add` asks), else only a tun device of the same mode. */
static int tuntap_existing(struct net_device *dev, unsigned int flags)
{
	if (flags & IFF_TUN_EXCL)
		return EBUSY;
	if (!netif_is_tun(dev) ||
	    (tun_get_flags(dev) & TUN_TYPE_MASK) != (flags & TUN_TYPE_MASK))
		return EINVAL;
	return 0;
}

static int tuntap_add(struct ip_ctx *ipc, int argc, char **argv)
{
	struct netlink_ext_ack ext = { NULL };
	struct net_device *dev;
	struct link_req req;
	int rc;

	link_req_init(&req);
	if ((rc = tuntap_parse(ipc, argc, argv, &req.tun, req.name)))
		return rc;
	req.tun.flags |= IFF_TUN_EXCL | IFF_PERSIST;
	if (req.name[0] && (dev = __dev_get_by_name(ipc->net, req.name)))
		return tunsetiff_err(ipc, tuntap_existing(dev, req.tun.flags));
	if (!req.name[0])
		snprintf(req.name, sizeof(req.name), "%s", (req.tun.flags & IFF_TUN) ? "tun%d" : "tap%d");
	req.kind = "tun";
	rc = rtnl_newlink(ipc->net, &req, &ext);
	return rc ? tunsetiff_err(ipc, -rc) : 0;
}

/* TUNSETIFF then TUNSETPERSIST 0: a name that does not exist is created and
 * gone again at close, so that succeeds too. */
static int tuntap_del(struct ip_ctx *ipc, int argc, char **argv)
{
	struct netlink_ext_ack ext = { NULL };
	struct net_device *dev;
	struct tun_req t;
	char name[IFNAMSIZ];
	int rc;

	if ((rc = tuntap_parse(ipc, argc, argv, &t, name)))
		return rc;
	if (!name[0] || !(dev = __dev_get_by_name(ipc->net, name)))
		return 0;
	if ((rc = tuntap_existing(dev, t.flags)))
		return tunsetiff_err(ipc, rc);
	rc = rtnl_dellink(dev, &ext);
	return rc ? tunsetiff_err(ipc, -rc) : 0;
}

/* iproute2 6.1 print_flags(), with "persist" and (IFF_NOFILTER being
 * IFF_NO_PI's bit) "filter" when packet information is on. */
static const struct {
	unsigned int flag;
	bool set;
	const char *name;
} tun_flag_names[] = {
	{ IFF_TUN, true, "tun" }, { IFF_TAP, true, "tap" }, { IFF_NO_PI, false, "pi" },
	{ IFF_ONE_QUEUE, true, "one_queue" }, { IFF_VNET_HDR, true, "vnet_hdr" },
	{ IFF_MULTI_QUEUE, true, "multi_queue" }, { IFF_PERSIST, true, "persist" },
	{ IFF_NO_PI, false, "filter" },
};

static int tuntap_show(struct ip_ctx *ipc)
{
	struct net_device *dev;

	if (ipc->json)
		jw_arr_open(&ipc->jw, NULL);
	for_each_netdev(ipc->net, dev) {
		unsigned int flags;

		if (!netif_is_tun(dev))
			continue;
		flags = tun_get_flags(dev);
		if (ipc->json) {
			jw_obj_open(&ipc->jw, NULL);
			jw_string(&ipc->jw, "ifname", dev->name);
			jw_arr_open(&ipc->jw, "flags");
		} else {
			fprintf(ipc->out, "%s:", dev->name);
		}
		for (size_t i = 0; i < sizeof(tun_flag_names) / sizeof(tun_flag_names[0]); i++) {
			if (!!(flags & tun_flag_names[i].flag) != tun_flag_names[i].set)
				continue;
			if (ipc->json)
				jw_string(&ipc->jw, NULL, tun_flag_names[i].name);
			else
				fprintf(ipc->out, " %s", tun_flag_names[i].name);
		}
		if (ipc->json) {
			jw_arr_close(&ipc->jw);
			jw_obj_close(&ipc->jw);
		} else {
			fputc('\n', ipc->out);
			if (ipc->show_details)
				fputs("\tAttached to processes:\n", ipc->out);
		}
	}
	if (ipc->json) {
		jw_arr_close(&ipc->jw);
		fputc('\n', ipc->out);
	}
	return 0;
}

int do_iptuntap(struct ip_ctx *ipc, int argc, char **argv)
{
	if (argc < 1)
		return tuntap_show(ipc);
	if (!matches(argv[0], "add"))
		return tuntap_add(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "delete"))
		return tuntap_del(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "show") || !matches(argv[0], "lst") || !matches(argv[0], "list"))
		return tuntap_show(ipc);
	if (!matches(argv[0], "help"))
		return tuntap_usage(ipc);
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip tuntap help\".\n", argv[0]);
	return 255;
}

/* `ip link add NAME type tap|tun host-name HOSTIF`: words after the type.
 * Returns 0 with req filled, 1 when these are not ours (the caller says
 * "Unknown device type" as Linux does), or an exit status. */
int tap_link_parse(struct ip_ctx *ipc, const char *type, int argc, char **argv,
		   struct link_req *req)
{
	unsigned int mode = !strcmp(type, "tap") ? IFF_TAP : !strcmp(type, "tun") ? IFF_TUN : 0;

	if (!mode)
		return 1;
	for (; argc > 0; argc--, argv++) {
		if (strcmp(argv[0], "host-name"))
			return ip_invarg(ipc, "unknown tap option", argv[0]);
		if (argc < 2)
			return ip_incomplete(ipc);
		if (strlen(argv[1]) >= IFNAMSIZ || !argv[1][0])
			return ip_invarg(ipc, "\"host-name\" not a valid ifname", argv[1]);
		snprintf(req->tun.host, sizeof(req->tun.host), "%s", argv[1]);
		argc--;
		argv++;
	}
	if (!req->tun.host[0])
		return 1;	/* "tun": the driver refuses; "tap": unknown, as in Linux */
	req->tun.flags = mode | IFF_NO_PI;
	req->kind = "tun";
	if (!req->name[0])
		snprintf(req->name, sizeof(req->name), "%s", mode == IFF_TAP ? "tap%d" : "tun%d");
	return 0;
}
