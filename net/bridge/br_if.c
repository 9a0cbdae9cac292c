/* Bridge device and ports (net/bridge/br_device.c, br_if.c, br_stp_if.c):
 * creating the bridge, enslaving ports, the port state machine without STP
 * (forwarding as soon as the port is up with carrier), the bridge's MAC
 * (the lowest port MAC unless set by hand) and its carrier. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/bridge.h"
#include "net/ethernet.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "net/world.h"

netdev_tx_t br_dev_xmit(struct sk_buff *skb, struct net_device *dev);
rx_handler_result_t br_handle_frame(struct sk_buff **pskb);
void br_fdb_init(struct net_bridge *br);
void br_fdb_fini(struct net_bridge *br);
void br_fdb_delete_by_port(struct net_bridge *br, struct net_bridge_port *p, bool do_all);
void br_fdb_change_mac_address(struct net_bridge *br, const u8 *newaddr);
int br_fdb_insert_local(struct net_bridge *br, struct net_bridge_port *p, const u8 *addr);
void br_fdb_changeaddr(struct net_bridge_port *p, const u8 *newaddr);

const char *br_port_state_name(u8 state)
{
	static const char *const names[] = { "disabled", "listening", "learning",
					     "forwarding", "blocking" };

	return state < 5 ? names[state] : "unknown";
}

/* Carrier on while some port forwards (br_port_state_selection's tail). */
static void br_carrier_check(struct net_bridge *br)
{
	struct net_bridge_port *p;
	int live = 0;

	list_for_each_entry(p, &br->port_list, list)
		if (p->state == BR_STATE_FORWARDING)
			live++;
	if (live)
		netif_carrier_on(br->dev);
	else
		netif_carrier_off(br->dev);
}

static void br_port_fwd_timer(struct timer_list *t)
{
	(void)t;	/* only its remaining time is shown (forward_delay_timer) */
}

/* Without STP a port forwards as soon as it is enabled (br_make_forwarding). */
static void br_port_state_selection(struct net_bridge *br)
{
	struct net_bridge_port *p;

	list_for_each_entry(p, &br->port_list, list) {
		bool up = netif_running(br->dev) && netif_running(p->dev) &&
			  netif_oper_up(p->dev);

		if (!up) {
			p->state = BR_STATE_DISABLED;
			del_timer(&p->forward_delay_timer);
		} else if (p->state == BR_STATE_DISABLED) {
			p->state = BR_STATE_FORWARDING;
			mod_timer(&p->forward_delay_timer, dev_net(br->dev)->world->now +
				  br->forward_delay);
		}
	}
	br_carrier_check(br);
}

static bool br_recalculate_addr(struct net_bridge *br)
{
	struct net_bridge_port *p;
	const u8 *min = NULL;

	if (br->addr_set)
		return false;
	list_for_each_entry(p, &br->port_list, list)
		if (!min || memcmp(p->dev->dev_addr, min, ETH_ALEN) < 0)
			min = p->dev->dev_addr;
	if (!min || ether_addr_equal(min, br->dev->dev_addr))
		return false;
	br_fdb_change_mac_address(br, min);
	memcpy(br->dev->dev_addr, min, ETH_ALEN);
	call_netdevice_notifiers(NETDEV_CHANGEADDR, br->dev);
	return true;
}

/* The lowest free port number (a bitmap of the used ones, as Linux). */
static u16 find_portno(struct net_bridge *br)
{
	unsigned long used[(BR_MAX_PORTS + 63) / 64] = { 0 };
	struct net_bridge_port *p;

	used[0] = 1;			/* port 0 is never used */
	list_for_each_entry(p, &br->port_list, list)
		used[p->port_no / 64] |= 1UL << (p->port_no % 64);
	for (u16 i = 0; i < (BR_MAX_PORTS + 63) / 64; i++) {
		if (~used[i]) {
			u16 no = (u16)(i * 64 + __builtin_ctzl(~used[i]));

			return no < BR_MAX_PORTS ? no : 0;
		}
	}
	return 0;
}

int br_add_if(struct net_bridge *br, struct net_device *dev, struct netlink_ext_ack *extack)
{
	struct net_bridge_port *p;
	u16 no;
	int err;

	if ((dev->flags & IFF_LOOPBACK) || dev->type != ARPHRD_ETHER)
		return -EINVAL;
	if (netif_is_bridge_master(dev)) {
		NL_SET_ERR_MSG(extack, "Can not enslave a bridge to a bridge");
		return -ELOOP;
	}
	if (dev->master || dev->rx_handler)
		return -EBUSY;
	no = find_portno(br);
	if (!no)
		return -EXFULL;
	p = kzalloc(sizeof(*p));
	if (!p)
		return -ENOMEM;
	p->br = br;
	p->dev = dev;
	p->port_no = no;
	p->priority = 32;
	p->port_id = (u16)(0x8000 | no);
	p->path_cost = 2;
	p->flags = BR_LEARNING | BR_FLOOD | BR_MCAST_FLOOD | BR_BCAST_FLOOD;
	p->state = BR_STATE_DISABLED;
	timer_setup(&dev_net(dev)->world->timers, &p->forward_delay_timer, br_port_fwd_timer);
	err = netdev_rx_handler_register(dev, br_handle_frame, p);
	if (err) {
		free(p);
		return err;
	}
	dev->priv_flags |= IFF_BRIDGE_PORT;
	dev_set_promiscuity(dev, 1);
	dev_set_allmulti(dev, 1);
	list_add_tail(&p->list, &br->port_list);
	netdev_master_upper_dev_link(dev, br->dev);
	br_fdb_insert_local(br, p, dev->dev_addr);
	br_recalculate_addr(br);
	br_port_state_selection(br);
	return 0;
}

static void del_nbp(struct net_bridge_port *p)
{
	struct net_bridge *br = p->br;
	struct net_device *dev = p->dev;

	del_timer(&p->forward_delay_timer);
	list_del(&p->list);
	br_fdb_delete_by_port(br, p, true);
	netdev_rx_handler_unregister(dev);
	dev->priv_flags &= ~IFF_BRIDGE_PORT;
	dev_set_promiscuity(dev, -1);
	dev_set_allmulti(dev, -1);
	netdev_upper_dev_unlink(dev, br->dev);
	free(p);
}

int br_del_if(struct net_bridge *br, struct net_device *dev)
{
	struct net_bridge_port *p = br_port_get_rtnl(dev);

	if (!p || p->br != br)
		return -EINVAL;
	del_nbp(p);
	br_recalculate_addr(br);
	br_carrier_check(br);
	return 0;
}

int br_port_set_flag(struct net_bridge_port *p, u32 flag, bool on)
{
	if (on)
		p->flags |= flag;
	else
		p->flags &= ~flag;
	return 0;
}

/* A port's device changed state (br_device_event in br.c). */
int br_device_event(struct net_device *dev, unsigned long event)
{
	struct net_bridge_port *p = br_port_get_rtnl(dev);
	struct net_bridge *br;

	if (netif_is_bridge_master(dev) && event == NETDEV_UP)
		br_port_state_selection(netdev_priv(dev));
	if (!p)
		return 0;
	br = p->br;
	switch (event) {
	case NETDEV_UP:
	case NETDEV_DOWN:
	case NETDEV_CHANGE:
		br_port_state_selection(br);
		break;
	case NETDEV_CHANGEADDR:
		br_fdb_changeaddr(p, dev->dev_addr);
		br_recalculate_addr(br);
		break;
	case NETDEV_UNREGISTER:
		br_del_if(br, dev);
		break;
	default:
		break;
	}
	return 0;
}

/* The bridge joins the multicast router discovery group (224.0.0.106)
 * when it comes up, before IPv4 joins all-hosts. */
static int br_dev_open(struct net_device *dev)
{
	static const u8 mrd[ETH_ALEN] = { 0x01, 0x00, 0x5e, 0x00, 0x00, 0x6a };

	dev_mc_add(dev, mrd);
	return 0;
}

static int br_dev_stop(struct net_device *dev)
{
	struct net_bridge *br = netdev_priv(dev);
	struct net_bridge_port *p;

	list_for_each_entry(p, &br->port_list, list) {
		p->state = BR_STATE_DISABLED;
		del_timer(&p->forward_delay_timer);
	}
	netif_carrier_off(dev);
	return 0;
}

static int br_set_mac_address(struct net_device *dev, const u8 *addr)
{
	struct net_bridge *br = netdev_priv(dev);

	br_fdb_change_mac_address(br, addr);
	memcpy(dev->dev_addr, addr, ETH_ALEN);
	br->addr_set = true;
	return 0;
}

static int br_add_slave(struct net_device *dev, struct net_device *slave)
{
	return br_add_if(netdev_priv(dev), slave, NULL);
}

static int br_del_slave(struct net_device *dev, struct net_device *slave)
{
	return br_del_if(netdev_priv(dev), slave);
}

static int br_change_mtu(struct net_device *dev, int mtu)
{
	dev->mtu = (unsigned int)mtu;
	return 0;
}

static const struct net_device_ops br_netdev_ops = {
	.ndo_open = br_dev_open,
	.ndo_stop = br_dev_stop,
	.ndo_start_xmit = br_dev_xmit,
	.ndo_set_mac_address = br_set_mac_address,
	.ndo_add_slave = br_add_slave,
	.ndo_del_slave = br_del_slave,
	.ndo_change_mtu = br_change_mtu,
};

static void br_dev_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &br_netdev_ops;
	dev->priv_flags |= IFF_EBRIDGE | IFF_NO_QUEUE | IFF_LIVE_ADDR_CHANGE;
	dev->max_mtu = ETH_MAX_MTU;
	dev->carrier = 0;
	dev->features = NETIF_F_SOFTWARE_OFFLOADS;	/* the ports segment what they must */
}

static void br_apply_req(struct net_bridge *br, const struct bridge_req *r)
{
	if (r->ageing_time >= 0)
		br->ageing_time = (u64)r->ageing_time * 10 * NSEC_PER_MSEC;
	if (r->stp_state >= 0)
		br->stp_enabled = (u8)r->stp_state;
	if (r->forward_delay >= 0)
		br->forward_delay = (u64)r->forward_delay * 10 * NSEC_PER_MSEC;
	if (r->hello_time >= 0)
		br->hello_time = (u64)r->hello_time * 10 * NSEC_PER_MSEC;
	if (r->max_age >= 0)
		br->max_age = (u64)r->max_age * 10 * NSEC_PER_MSEC;
	if (r->priority >= 0)
		br->bridge_priority = (u16)r->priority;
	if (r->vlan_filtering >= 0)
		br->vlan_enabled = (u8)r->vlan_filtering;
}

static int br_newlink(struct net *src_net, struct net_device *dev, struct link_req *req,
		      struct netlink_ext_ack *extack)
{
	struct net_bridge *br = netdev_priv(dev);
	struct net *net = req->net ? req->net : src_net;
	int err;

	(void)extack;
	br->dev = dev;
	INIT_LIST_HEAD(&br->port_list);
	br->ageing_time = 300 * NSEC_PER_SEC;
	br->forward_delay = 15 * NSEC_PER_SEC;
	br->hello_time = 2 * NSEC_PER_SEC;
	br->max_age = 20 * NSEC_PER_SEC;
	br->bridge_priority = 32768;
	br->group_addr[0] = 0x01;
	br->group_addr[1] = 0x80;
	br->group_addr[2] = 0xc2;
	br->addr_set = req->has_addr;
	br->created = net->world->now;
	br_apply_req(br, &req->br);
	br_fdb_init(br);
	err = register_netdevice(net, dev);
	if (err) {
		br_fdb_fini(br);
		return err;
	}
	br_fdb_insert_local(br, NULL, dev->dev_addr);
	return 0;
}

static void br_dellink(struct net_device *dev, struct list_head *head)
{
	struct net_bridge *br = netdev_priv(dev);
	struct net_bridge_port *p, *n;

	(void)head;
	list_for_each_entry_safe(p, n, &br->port_list, list)
		del_nbp(p);
	unregister_netdevice(dev);
	br_fdb_fini(br);
	free_netdev(dev);
}

int br_changelink(struct net_device *dev, const struct bridge_req *r)
{
	br_apply_req(netdev_priv(dev), r);
	return 0;
}

const struct rtnl_link_ops br_link_ops = {
	.kind = "bridge",
	.priv_size = sizeof(struct net_bridge),
	.setup = br_dev_setup,
	.newlink = br_newlink,
	.dellink = br_dellink,
};

u64 br_port_forward_delay_remaining(const struct net_bridge_port *p)
{
	u64 now = dev_net(p->dev)->world->now;

	if (!timer_pending(&p->forward_delay_timer) || p->forward_delay_timer.expires <= now)
		return 0;
	return p->forward_delay_timer.expires - now;
}
