/* Printing of links as `ip link show` / `ip addr show` print them (iproute2
 * ip/ipaddress.c print_linkinfo()): the header line, link/ether line,
 * `-d` details (veth, bridge, bridge_slave), `-s` statistics, `-br` and
 * `-j`.  Reads struct net_device directly, as RTM_GETLINK would fill it. */
#include <string.h>
#include <sys/socket.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/bridge.h"
#include "net/tun.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "net/vxlan.h"
#include "iplink_vxlan.h"

static const char *const operstate_names[] = {
	"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP",
};

static const char *dev_operstate(const struct net_device *dev)
{
	return dev->operstate < 7 ? operstate_names[dev->operstate] : "UNKNOWN";
}

/* A device that has never been up has the noop qdisc; dev_activate()
 * attaches noqueue to IFF_NO_QUEUE devices and it stays after down. */
const char *ip_dev_qdisc(const struct net_device *dev)
{
	return qdisc_id(dev);
}

/* The veth peer (IFLA_LINK) and, when it lives elsewhere, its namespace. */
static struct net_device *dev_peer(const struct net_device *dev)
{
	if (dev->netdev_ops && dev->netdev_ops->ndo_get_peer)
		return dev->netdev_ops->ndo_get_peer(dev);
	return NULL;
}

static struct net *dev_link_net(const struct net_device *dev)
{
	struct net_device *peer = dev_peer(dev);

	if (!peer || net_eq(dev_net(peer), dev_net(dev)))
		return NULL;
	return dev_net(peer);
}

void ip_link_ifname(struct ip_ctx *ipc, const struct net_device *dev, char *buf, size_t len)
{
	struct net_device *peer = dev_peer(dev);

	(void)ipc;
	if (!dev->netdev_ops || !dev->netdev_ops->ndo_get_iflink)
		snprintf(buf, len, "%s", dev->name);
	else if (!peer)
		snprintf(buf, len, "%s@NONE", dev->name);
	else if (dev_link_net(dev))
		snprintf(buf, len, "%s@if%d", dev->name, peer->ifindex);
	else
		snprintf(buf, len, "%s@%s", dev->name, peer->name);
}

/* M-DOWN: the peer is in this namespace and down. */
const char *ip_dev_operstate(const struct net_device *dev)
{
	return dev_operstate(dev);
}

static bool dev_mdown(const struct net_device *dev)
{
	struct net_device *peer = dev_peer(dev);

	return peer && !dev_link_net(dev) && !(peer->flags & IFF_UP);
}

struct flag_name {
	unsigned int flag;
	const char *name;
};

static const struct flag_name link_flags[] = {
	{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_BROADCAST, "BROADCAST" },
	{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
	{ IFF_NOARP, "NOARP" }, { IFF_ALLMULTI, "ALLMULTI" },
	{ IFF_PROMISC, "PROMISC" }, { IFF_NOTRAILERS, "NOTRAILERS" },
	{ IFF_DEBUG, "DEBUG" }, { IFF_DYNAMIC, "DYNAMIC" },
	{ IFF_AUTOMEDIA, "AUTOMEDIA" }, { IFF_PORTSEL, "PORTSEL" },
	{ IFF_MASTER, "MASTER" }, { IFF_SLAVE, "SLAVE" }, { IFF_UP, "UP" },
	{ IFF_LOWER_UP, "LOWER_UP" }, { IFF_DORMANT, "DORMANT" }, { IFF_ECHO, "ECHO" },
};

static void flag_out(struct ip_ctx *ipc, const char *name, bool more)
{
	if (ipc->json)
		jw_string(&ipc->jw, NULL, name);
	else
		fprintf(ipc->out, more ? "%s," : "%s", name);
}

void ip_print_link_flags(struct ip_ctx *ipc, unsigned int flags, bool mdown)
{
	if (ipc->json)
		jw_arr_open(&ipc->jw, "flags");
	else
		fputc('<', ipc->out);
	if ((flags & IFF_UP) && !(flags & IFF_RUNNING))
		flag_out(ipc, "NO-CARRIER", flags != 0);
	flags &= ~IFF_RUNNING;
	for (size_t i = 0; i < ARRAY_SIZE(link_flags); i++) {
		if (!(flags & link_flags[i].flag))
			continue;
		flags &= ~link_flags[i].flag;
		flag_out(ipc, link_flags[i].name, flags != 0);
	}
	if (flags && !ipc->json)
		fprintf(ipc->out, "%x", flags);
	if (mdown)
		ipc->json ? jw_string(&ipc->jw, NULL, "M-DOWN") : (void)fprintf(ipc->out, ",M-DOWN");
	if (ipc->json)
		jw_arr_close(&ipc->jw);
	else
		fputs("> ", ipc->out);
}

static const char *link_type_name(const struct net_device *dev)
{
	if (dev->type == ARPHRD_LOOPBACK)
		return "loopback";
	if (dev->type == ARPHRD_NONE)
		return "none";
	if (dev->type == 768)	/* ARPHRD_TUNNEL */
		return "ipip";
	return "ether";
}

static void print_nl(struct ip_ctx *ipc)
{
	fputs(ipc->oneline ? "\\" : "\n", ipc->out);
}

static const char *link_net_name(struct net *ln)
{
	return ln->name[0] ? ln->name : NULL;
}

static void print_link_l2(struct ip_ctx *ipc, struct net_device *dev)
{
	char mac[64], brd[64];
	struct net *ln = dev_link_net(dev);
	int len = dev->addr_len ? dev->addr_len : ETH_ALEN;

	/* rtnl_fill_link_netnsid(): a dump assigns the peer namespace an id */
	int nsid = ln ? peernet2id_alloc(dev_net(dev), ln) : -1;

	format_lladdr(mac, dev->dev_addr, len);
	format_lladdr(brd, dev->broadcast, len);
	if (dev->type == 768 && len == 4) {	/* ll_addr_n2a(): a tunnel's are IPv4 */
		snprintf(mac, sizeof(mac), "%u.%u.%u.%u", dev->dev_addr[0], dev->dev_addr[1],
			 dev->dev_addr[2], dev->dev_addr[3]);
		snprintf(brd, sizeof(brd), "%u.%u.%u.%u", dev->broadcast[0], dev->broadcast[1],
			 dev->broadcast[2], dev->broadcast[3]);
	}
	if (ipc->json) {
		jw_string(&ipc->jw, "link_type", link_type_name(dev));
		if (dev->addr_len) {
			jw_string(&ipc->jw, "address", mac);
			jw_string(&ipc->jw, "broadcast", brd);
		}
		if (ln)
			jw_int(&ipc->jw, "link_netnsid", nsid);
		return;
	}
	print_nl(ipc);
	if (!dev->addr_len) {	/* a TUN: no link-layer address */
		fprintf(ipc->out, "    link/%s ", link_type_name(dev));
		return;
	}
	fprintf(ipc->out, "    link/%s ", link_type_name(dev));
	ip_color_printf(ipc, COLOR_MAC, "%s", mac);
	fprintf(ipc->out, " %s ", dev->flags & IFF_POINTOPOINT ? "peer" : "brd");
	ip_color_printf(ipc, COLOR_MAC, "%s", brd);
	if (ln && link_net_name(ln))
		fprintf(ipc->out, " link-netns %s", link_net_name(ln));
	else if (ln)
		fprintf(ipc->out, " link-netnsid %d", nsid);
}

static void print_link_head(struct ip_ctx *ipc, struct net_device *dev, bool addr_mode)
{
	struct json_writer *jw = &ipc->jw;
	char name[64];

	if (ipc->json) {
		struct net_device *peer = dev_peer(dev);

		jw_int(jw, "ifindex", dev->ifindex);
		if (peer && dev_link_net(dev))
			jw_int(jw, "link_index", peer->ifindex);
		else if (peer)
			jw_string(jw, "link", peer->name);
		jw_string(jw, "ifname", dev->name);
	} else {
		ip_link_ifname(ipc, dev, name, sizeof(name));
		fprintf(ipc->out, "%d: ", dev->ifindex);
		ip_color_printf(ipc, COLOR_IFNAME, "%s: ", name);
	}
	ip_print_link_flags(ipc, dev_get_flags(dev), dev_mdown(dev));
	if (ipc->json) {
		jw_uint(jw, "mtu", dev->mtu);
		jw_string(jw, "qdisc", ip_dev_qdisc(dev));
		if (dev->master)
			jw_string(jw, "master", dev->master->name);
		jw_string(jw, "operstate", dev_operstate(dev));
		if (!addr_mode)
			jw_string(jw, "linkmode", "DEFAULT");
		jw_string(jw, "group", "default");
		jw_uint(jw, "txqlen", dev->tx_queue_len);
		return;
	}
	fprintf(ipc->out, "mtu %u qdisc %s ", dev->mtu, ip_dev_qdisc(dev));
	if (dev->master)
		fprintf(ipc->out, "master %s ", dev->master->name);
	fputs("state ", ipc->out);
	ip_color_printf(ipc, ip_oper_state_color(dev_operstate(dev)), "%s ", dev_operstate(dev));
	if (ipc->monitor)	/* a notification: no IFLA_LINKMODE/TXQLEN shown */
		fputs("group default ", ipc->out);
	else
		fprintf(ipc->out, "%sgroup default qlen %u", addr_mode ? "" : "mode DEFAULT ",
			dev->tx_queue_len);
}

/* ---- -d: bridge and bridge port details ---- */

static void fmt_bridge_id(char *buf, u16 prio, const u8 *mac)
{
	sprintf(buf, "%.2x%.2x.%x:%x:%x:%x:%x:%x", prio >> 8, prio & 0xff,
		mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
}

static void fmt_timer(char *buf, u64 ns)
{
	u64 cs = ns / 10000000ULL;

	sprintf(buf, "%4i.%.2i", (int)(cs / 100), (int)(cs % 100));
}

static void print_kv(struct ip_ctx *ipc, const char *k, const char *v)
{
	fprintf(ipc->out, "%s %s ", k, v);
}

static void print_ku(struct ip_ctx *ipc, const char *k, unsigned long long v)
{
	fprintf(ipc->out, "%s %llu ", k, v);
}

static const char *const br_mcast_tail =
	"group_fwd_mask 0 group_address 01:80:c2:00:00:00 mcast_snooping 1 "
	"no_linklocal_learn 0 mcast_vlan_snooping 0 mcast_router 1 "
	"mcast_query_use_ifaddr 0 mcast_querier 0 mcast_hash_elasticity 16 "
	"mcast_hash_max 4096 mcast_last_member_count 2 mcast_startup_query_count 2 "
	"mcast_last_member_interval 100 mcast_membership_interval 26000 "
	"mcast_querier_interval 25500 mcast_query_interval 12500 "
	"mcast_query_response_interval 1000 mcast_startup_query_interval 3124 "
	"mcast_stats_enabled 0 mcast_igmp_version 2 mcast_mld_version 1 ";

static void print_bridge_info(struct ip_ctx *ipc, const struct net_device *dev)
{
	const struct net_bridge *br = br_from_dev(dev);
	char id[32], t[16];

	if (!br)
		return;
	print_ku(ipc, "forward_delay", br->forward_delay / 10000000ULL);
	print_ku(ipc, "hello_time", br->hello_time / 10000000ULL);
	print_ku(ipc, "max_age", br->max_age / 10000000ULL);
	print_ku(ipc, "ageing_time", br->ageing_time / 10000000ULL);
	print_ku(ipc, "stp_state", br->stp_enabled);
	print_ku(ipc, "priority", br->bridge_priority);
	print_ku(ipc, "vlan_filtering", br->vlan_enabled);
	fmt_bridge_id(id, br->bridge_priority, dev->dev_addr);
	print_kv(ipc, "bridge_id", id);
	print_kv(ipc, "designated_root", id);
	fputs("root_port 0 root_path_cost 0 topology_change 0 "
	      "topology_change_detected 0 hello_timer    0.00 tcn_timer    0.00 "
	      "topology_change_timer    0.00 ", ipc->out);
	fmt_timer(t, br_gc_timer_remaining(br));
	print_kv(ipc, "gc_timer", t);
	fputs(br_mcast_tail, ipc->out);
	print_ku(ipc, "nf_call_iptables", br->nf_call_iptables);
	print_ku(ipc, "nf_call_ip6tables", br->nf_call_ip6tables);
	print_ku(ipc, "nf_call_arptables", br->nf_call_arptables);
}

static const char *onoff(u32 flags, u32 bit)
{
	return (flags & bit) ? "on" : "off";
}

static void print_port_flags(struct ip_ctx *ipc, u32 f)
{
	print_kv(ipc, "hairpin", onoff(f, BR_HAIRPIN_MODE));
	print_kv(ipc, "guard", onoff(f, BR_BPDU_GUARD));
	print_kv(ipc, "root_block", onoff(f, BR_ROOT_BLOCK));
	print_kv(ipc, "fastleave", onoff(f, BR_MULTICAST_FAST_LEAVE));
	print_kv(ipc, "learning", onoff(f, BR_LEARNING));
	print_kv(ipc, "flood", onoff(f, BR_FLOOD));
}

static void print_port_tail(struct ip_ctx *ipc, u32 f)
{
	print_kv(ipc, "proxy_arp", onoff(f, BR_PROXYARP));
	print_kv(ipc, "proxy_arp_wifi", onoff(f, BR_PROXYARP_WIFI));
	fputs("mcast_router 1 ", ipc->out);
	print_kv(ipc, "mcast_fast_leave", onoff(f, BR_MULTICAST_FAST_LEAVE));
	print_kv(ipc, "mcast_flood", onoff(f, BR_MCAST_FLOOD));
	print_kv(ipc, "bcast_flood", onoff(f, BR_BCAST_FLOOD));
	print_kv(ipc, "mcast_to_unicast", onoff(f, BR_MULTICAST_TO_UNICAST));
	print_kv(ipc, "neigh_suppress", onoff(f, BR_NEIGH_SUPPRESS));
	fputs("group_fwd_mask 0 group_fwd_mask_str 0x0 ", ipc->out);
	print_kv(ipc, "vlan_tunnel", onoff(f, BR_VLAN_TUNNEL));
	print_kv(ipc, "isolated", onoff(f, BR_ISOLATED));
	print_kv(ipc, "locked", onoff(f, BR_PORT_LOCKED));
}

static void print_bridge_slave(struct ip_ctx *ipc, const struct net_device *dev)
{
	const struct net_bridge_port *p = br_port_get_rtnl(dev);
	char id[32], t[16];

	if (!p)
		return;
	print_nl(ipc);
	fputs("    bridge_slave ", ipc->out);
	print_kv(ipc, "state", br_port_state_name(p->state));
	print_ku(ipc, "priority", p->priority);
	print_ku(ipc, "cost", p->path_cost);
	print_port_flags(ipc, p->flags);
	fprintf(ipc->out, "port_id 0x%x port_no 0x%x designated_port %u designated_cost 0 ",
		p->port_id, p->port_no, p->port_id);
	fmt_bridge_id(id, p->br->bridge_priority, p->br->dev->dev_addr);
	print_kv(ipc, "designated_bridge", id);
	print_kv(ipc, "designated_root", id);
	fputs("hold_timer    0.00 message_age_timer    0.00 ", ipc->out);
	fmt_timer(t, br_port_forward_delay_remaining(p));
	print_kv(ipc, "forward_delay_timer", t);
	fputs("topology_change_ack 0 config_pending 0 ", ipc->out);
	print_port_tail(ipc, p->flags);
}

static bool bridge_has_ports(const struct net_device *dev)
{
	const struct net_bridge *br = br_from_dev(dev);

	return br && !list_empty(&br->port_list);
}

/* numtxqueues/numrxqueues: veth gets one per CPU of this machine (2), the
 * others one. */
static unsigned int link_num_queues(const struct net_device *dev)
{
	return dev->rtnl_link_ops && !strcmp(dev->rtnl_link_ops->kind, "veth") ? 2 : 1;
}

/* tso_max_size: an empty bridge and a vxlan without a lower device have
 * the 64k default; the others inherit the larger size */
static unsigned int link_tso_max_size(const struct net_device *dev)
{
	if (netif_is_bridge_master(dev) && !bridge_has_ports(dev))
		return 65536;
	if (netif_is_vxlan(dev) && !vxlan_lower_dev(dev))
		return 65536;
	if (netif_is_tun(dev))
		return 65536;
	return 524280;
}

static void print_link_details_json(struct ip_ctx *ipc, const struct net_device *dev)
{
	struct json_writer *jw = &ipc->jw;

	jw_int(jw, "promiscuity", dev->promiscuity);
	jw_int(jw, "allmulti", dev->allmulti);
	jw_uint(jw, "min_mtu", dev->min_mtu);
	jw_uint(jw, "max_mtu", dev->max_mtu);
	if (dev->rtnl_link_ops || dev->master) {
		jw_obj_open(jw, "linkinfo");
		if (dev->rtnl_link_ops)
			jw_string(jw, "info_kind", dev->rtnl_link_ops->kind);
		vxlan_print_opt_json(ipc, dev);
		if (dev->master)
			jw_string(jw, "info_slave_kind", "bridge");
		jw_obj_close(jw);
	}
	jw_string(jw, "inet6_addr_gen_mode", "eui64");
	jw_uint(jw, "num_tx_queues", link_num_queues(dev));
	jw_uint(jw, "num_rx_queues", link_num_queues(dev));
	jw_uint(jw, "gso_max_size", 65536);
	jw_uint(jw, "gso_max_segs", 65535);
	jw_uint(jw, "tso_max_size", link_tso_max_size(dev));
	jw_uint(jw, "tso_max_segs", 65535);
	jw_uint(jw, "gro_max_size", 65536);
}

static void print_link_details(struct ip_ctx *ipc, const struct net_device *dev)
{
	unsigned int nq = link_num_queues(dev);

	if (ipc->json) {
		print_link_details_json(ipc, dev);
		return;
	}
	fprintf(ipc->out, " promiscuity %d  allmulti %d minmtu %u maxmtu %u ",
		dev->promiscuity, dev->allmulti, dev->min_mtu, dev->max_mtu);
	if (dev->rtnl_link_ops) {
		print_nl(ipc);
		fprintf(ipc->out, "    %s ", dev->rtnl_link_ops->kind);
		print_bridge_info(ipc, dev);
		vxlan_print_opt(ipc, dev);
		if (dev->rtnl_link_ops->fill_info)
			dev->rtnl_link_ops->fill_info(dev, ipc->out);
	}
	print_bridge_slave(ipc, dev);
	fprintf(ipc->out, "addrgenmode eui64 numtxqueues %u numrxqueues %u "
		"gso_max_size 65536 gso_max_segs 65535 tso_max_size %u "
		"tso_max_segs 65535 gro_max_size 65536 ", nq, nq,
		link_tso_max_size(dev));
}

/* ---- -s: statistics (iproute2 print_stats64) ---- */

static void size_columns(unsigned int *cols, int n, const u64 *vals)
{
	for (int i = 0; i < n; i++) {
		char b[32];
		unsigned int len = (unsigned int)snprintf(b, sizeof(b), "%llu",
							  (unsigned long long)vals[i]);
		if (len > cols[i])
			cols[i] = len;
	}
}

static void print_nums(struct ip_ctx *ipc, const unsigned int *cols, const u64 *v, int n)
{
	for (int i = 0; i < n; i++)
		fprintf(ipc->out, "%*llu ", (int)cols[i], (unsigned long long)v[i]);
}

static void print_stats_json(struct ip_ctx *ipc, const struct rtnl_link_stats64 *s)
{
	struct json_writer *jw = &ipc->jw;

	jw_obj_open(jw, "stats64");
	jw_obj_open(jw, "rx");
	jw_uint(jw, "bytes", s->rx_bytes);
	jw_uint(jw, "packets", s->rx_packets);
	jw_uint(jw, "errors", s->rx_errors);
	jw_uint(jw, "dropped", s->rx_dropped);
	jw_uint(jw, "over_errors", s->rx_over_errors);
	jw_uint(jw, "multicast", s->multicast);
	jw_obj_close(jw);
	jw_obj_open(jw, "tx");
	jw_uint(jw, "bytes", s->tx_bytes);
	jw_uint(jw, "packets", s->tx_packets);
	jw_uint(jw, "errors", s->tx_errors);
	jw_uint(jw, "dropped", s->tx_dropped);
	jw_uint(jw, "carrier_errors", s->tx_carrier_errors);
	jw_uint(jw, "collisions", s->collisions);
	jw_obj_close(jw);
	jw_obj_close(jw);
}

static void print_stats(struct ip_ctx *ipc, struct net_device *dev)
{
	struct rtnl_link_stats64 s;
	unsigned int cols[7] = { 10, 7, 6, 7, 7, 7, 10 };

	memset(&s, 0, sizeof(s));
	dev_get_stats(dev, &s);
	if (ipc->json) {
		print_stats_json(ipc, &s);
		return;
	}
	u64 rx[6] = { s.rx_bytes, s.rx_packets, s.rx_errors, s.rx_dropped,
		      s.rx_missed_errors, s.multicast };
	u64 tx[6] = { s.tx_bytes, s.tx_packets, s.tx_errors, s.tx_dropped,
		      s.tx_carrier_errors, s.collisions };
	u64 rxe[6] = { 0, s.rx_length_errors, s.rx_crc_errors, s.rx_frame_errors,
		       s.rx_fifo_errors, s.rx_over_errors };
	u64 txe[6] = { 0, s.tx_aborted_errors, s.tx_fifo_errors, s.tx_window_errors,
		       s.tx_heartbeat_errors, 0 };
	size_columns(cols, 6, rx);
	size_columns(cols, 6, tx);
	if (ipc->show_stats > 1) {
		size_columns(cols, 6, rxe);
		size_columns(cols, 6, txe);
	}
	print_nl(ipc);
	fprintf(ipc->out, "    RX: %*s %*s %*s %*s %*s %*s %*s", cols[0] - 4, "bytes",
		cols[1], "packets", cols[2], "errors", cols[3], "dropped",
		cols[4], "missed", cols[5], "mcast", cols[6], "");
	print_nl(ipc);
	fputs("    ", ipc->out);
	print_nums(ipc, cols, rx, 6);
	if (ipc->show_stats > 1) {
		print_nl(ipc);
		fprintf(ipc->out, "    RX errors:%*s %*s %*s %*s %*s %*s", cols[0] - 10, "",
			cols[1], "length", cols[2], "crc", cols[3], "frame",
			cols[4], "fifo", cols[5], "overrun");
		print_nl(ipc);
		fprintf(ipc->out, "%*s", cols[0] + 5, "");
		print_nums(ipc, cols + 1, rxe + 1, 5);
	}
	print_nl(ipc);
	fprintf(ipc->out, "    TX: %*s %*s %*s %*s %*s %*s %*s", cols[0] - 4, "bytes",
		cols[1], "packets", cols[2], "errors", cols[3], "dropped",
		cols[4], "carrier", cols[5], "collsns", cols[6], "");
	print_nl(ipc);
	fputs("    ", ipc->out);
	print_nums(ipc, cols, tx, 6);
	if (ipc->show_stats > 1) {
		print_nl(ipc);
		fprintf(ipc->out, "    TX errors:%*s %*s %*s %*s %*s %*s", cols[0] - 10, "",
			cols[1], "aborted", cols[2], "fifo", cols[3], "window",
			cols[4], "heartbt", cols[5], "transns");
		print_nl(ipc);
		fprintf(ipc->out, "%*s", cols[0] + 5, "");
		print_nums(ipc, cols + 1, txe + 1, 5);
	}
}

/* Everything but the addresses: `ip link show` (addr_mode false) or the
 * link part of `ip addr show`.  The caller closes the JSON object / line. */
void ip_print_link(struct ip_ctx *ipc, struct net_device *dev, bool addr_mode)
{
	print_link_head(ipc, dev, addr_mode);
	if (!(addr_mode && (ipc->family == AF_INET || ipc->family == AF_INET6))) {
		print_link_l2(ipc, dev);
	} else if (ipc->json) {
		/* -4/-6 -j: no link_type/address either, as the text */
		if (dev_link_net(dev))
			jw_int(&ipc->jw, "link_netnsid",
			       peernet2id_alloc(dev_net(dev), dev_link_net(dev)));
	} else if (dev_link_net(dev)) {
		/* no link/ether line (-4/-6): IFLA_LINK_NETNSID still printed */
		struct net *ln = dev_link_net(dev);
		int nsid = peernet2id_alloc(dev_net(dev), ln);

		if (link_net_name(ln))
			fprintf(ipc->out, " link-netns %s", link_net_name(ln));
		else
			fprintf(ipc->out, " link-netnsid %d", nsid);
	}
	if (ipc->show_details)
		print_link_details(ipc, dev);
	if (ipc->show_stats)
		print_stats(ipc, dev);
}

void ip_print_link_brief(struct ip_ctx *ipc, struct net_device *dev, bool addr_mode)
{
	char name[64], mac[64];

	ip_link_ifname(ipc, dev, name, sizeof(name));
	ip_color_printf(ipc, COLOR_IFNAME, "%-16s ", name);
	ip_color_printf(ipc, ip_oper_state_color(dev_operstate(dev)), "%-14s ", dev_operstate(dev));
	if (addr_mode)
		return;
	format_lladdr(mac, dev->dev_addr, dev->addr_len ? dev->addr_len : ETH_ALEN);
	ip_color_printf(ipc, COLOR_MAC, "%s ", mac);
	ip_print_link_flags(ipc, dev_get_flags(dev), dev_mdown(dev));
}
