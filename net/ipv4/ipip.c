/* IPIP tunnels (net/ipv4/ipip.c with the parts of net/ipv4/ip_tunnel.c it
 * uses): an IPv4 packet inside another IPv4 header, protocol 4 (RFC 2003).
 *
 * Transmit (ipip_tunnel_xmit): the packet the device is given gets an outer
 * header to `remote` (tunl0, which has none, uses the inner route's next
 * hop: an NBMA tunnel), source `local` or the route's, TTL `ttl` or the
 * inner one (inherit), TOS `tos` (1: the inner one), DF with pmtudisc; then
 * ip_local_out(), so the outer packet is routed and filtered like any other.
 * Receive (ipip_rcv, protocol 4): ip_tunnel_lookup() picks the up tunnel
 * whose remote and local match best, else tunl0 if it is up; the outer
 * header goes, the inner packet enters the stack on that device
 * (netif_rx).  No tunnel: ICMP port unreachable, as Linux's tunnel4.
 *
 * Linux's ipip module creates tunl0 in every namespace when it loads; here
 * the module "loads" in a namespace with its first `ip link add ... type
 * ipip`, which creates tunl0 there (so `ip link add tunl0 type ipip` is
 * "File exists" with tunl0 present afterwards, as on a machine where that
 * command loaded the module).  Before that, protocol 4 is unknown. */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "linux/skbuff.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/ip_tunnels.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/rtnetlink.h"
#include "net/trace.h"
#include "net/world.h"

extern const struct rtnl_link_ops ipip_link_ops;

bool netif_is_ipip(const struct net_device *dev)
{
	return dev && dev->rtnl_link_ops == &ipip_link_ops;
}

static struct ip_tunnel *ipip_fb(struct net *net)
{
	struct net_device *dev;

	for_each_netdev(net, dev)
		if (netif_is_ipip(dev) && ((struct ip_tunnel *)netdev_priv(dev))->fb)
			return netdev_priv(dev);
	return NULL;
}

/* ip_tunnel_lookup(): remote and local, then remote, then local, then tunl0 */
static struct ip_tunnel *ip_tunnel_lookup(struct net *net, __be32 remote, __be32 local)
{
	struct ip_tunnel *best[3] = { NULL, NULL, NULL }, *fb = NULL;
	struct net_device *dev;

	for_each_netdev(net, dev) {
		struct ip_tunnel *t = netdev_priv(dev);

		if (!netif_is_ipip(dev) || !(dev->flags & IFF_UP))
			continue;
		if (t->fb)
			fb = t;
		else if (t->parms.daddr == remote && t->parms.saddr == local && !best[0])
			best[0] = t;
		else if (t->parms.daddr == remote && !t->parms.saddr && !best[1])
			best[1] = t;
		else if (!t->parms.daddr && t->parms.saddr == local && !best[2])
			best[2] = t;
	}
	for (int i = 0; i < 3; i++)
		if (best[i])
			return best[i];
	return fb;
}

/* ---- transmit ---- */

static void ipip_tx_error(struct net_device *dev, struct sk_buff *skb, const char *why)
{
	dev->stats.tx_errors++;
	skb_drop_hint(skb, why);
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
}

static void ipip_push_header(struct sk_buff *skb, const struct ip_tunnel *t, __be32 saddr,
			     __be32 daddr)
{
	const struct iphdr *inner = ip_hdr(skb);
	u8 tos = t->parms.tos == 1 ? inner->tos : t->parms.tos;
	u8 ttl = t->parms.ttl ? t->parms.ttl : inner->ttl;
	struct iphdr *iph;

	iph = (struct iphdr *)skb_push(skb, sizeof(*iph));
	skb_reset_network_header(skb);
	memset(iph, 0, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = tos;
	iph->ttl = ttl;
	iph->frag_off = t->parms.pmtudisc ? htons(IP_DF) : 0;
	iph->protocol = IPPROTO_IPIP;
	iph->saddr = saddr;
	iph->daddr = daddr;
}

static netdev_tx_t ipip_tunnel_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct ip_tunnel *t = netdev_priv(dev);
	struct net *net = dev_net(dev);
	__be32 dst = t->parms.daddr;
	unsigned int len = skb->len;
	struct flowi4 fl4 = { 0 };
	struct rtable *rt;
	int err;

	if (skb->protocol != htons(ETH_P_IP) || !pskb_may_pull(skb, sizeof(struct iphdr))) {
		ipip_tx_error(dev, skb, "ipip carries IPv4 only");
		return NETDEV_TX_OK;
	}
	skb_reset_network_header(skb);
	if (!dst && skb_rtable(skb))	/* NBMA: the inner route's next hop */
		dst = rt_nexthop(skb_rtable(skb), ip_hdr(skb)->daddr);
	if (!dst) {
		ipip_tx_error(dev, skb, "tunnel without a remote and no next hop");
		return NETDEV_TX_OK;
	}
	fl4.daddr = dst;
	fl4.saddr = t->parms.saddr;
	fl4.flowi4_oif = t->parms.link;
	fl4.flowi4_proto = IPPROTO_IPIP;
	rt = ip_route_output_key(net, &fl4, &err);
	if (!rt || rt->dst.dev == dev) {
		if (rt)
			ip_rt_put(rt);
		dev->stats.tx_carrier_errors++;
		ipip_tx_error(dev, skb, "no route to the tunnel's remote");
		return NETDEV_TX_OK;
	}
	if (skb_cow_head(skb, sizeof(struct iphdr) + LL_RESERVED_SPACE(rt->dst.dev))) {
		ip_rt_put(rt);
		ipip_tx_error(dev, skb, NULL);
		return NETDEV_TX_OK;
	}
	skb_dst_drop(skb);
	nf_reset_ct(skb);
	ipip_push_header(skb, t, fl4.saddr, dst);
	memset(skb->cb, 0, sizeof(skb->cb));
	skb_dst_set(skb, &rt->dst);
	skb->dev = rt->dst.dev;
	ip_select_ident(net, skb, NULL);
	skb_trace(skb, "ipip_tunnel_xmit");
	if (ip_local_out(net, NULL, skb) < 0) {
		dev->stats.tx_errors++;
		return NETDEV_TX_OK;
	}
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += len;
	return NETDEV_TX_OK;
}

/* ---- receive ---- */

static int ipip_rcv(struct sk_buff *skb)
{
	const struct iphdr *outer = ip_hdr(skb);
	struct net *net = dev_net(skb->dev);
	struct ip_tunnel *t;

	skb_trace(skb, "ipip_rcv");
	t = ip_tunnel_lookup(net, outer->saddr, outer->daddr);
	if (!t) {
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0);
		skb_drop_hint(skb, "no ipip tunnel matches (tunl0 down?)");
		kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
		return 0;
	}
	if (!pskb_may_pull(skb, sizeof(struct iphdr))) {
		t->dev->stats.rx_errors++;
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return 0;
	}
	/* ip_tunnel_rcv(): the inner packet, scrubbed, on the tunnel device */
	skb_reset_network_header(skb);
	skb_reset_mac_header(skb);
	skb_dst_drop(skb);
	nf_reset_ct(skb);
	skb->protocol = htons(ETH_P_IP);
	skb->pkt_type = PACKET_HOST;
	skb->dev = t->dev;
	t->dev->stats.rx_packets++;
	t->dev->stats.rx_bytes += skb->len;
	netif_rx(skb);
	return 0;
}

/* the module is "loaded" in a namespace once it has tunl0 */
static bool ipip_present(const struct net *net)
{
	return ipip_fb((struct net *)net) != NULL;
}

static const struct net_protocol ipip_protocol = {
	.handler = ipip_rcv,
	.present = ipip_present,
};

void ipip_proto_init(struct world *w)
{
	inet_add_protocol(w, &ipip_protocol, IPPROTO_IPIP);
}

/* ---- the device ---- */

static int ipip_get_iflink(const struct net_device *dev)
{
	return ((const struct ip_tunnel *)netdev_priv(dev))->parms.link;
}

/* the lower device (`dev`), which `ip link` shows as NAME@LOWER */
static struct net_device *ipip_get_peer(const struct net_device *dev)
{
	int link = ipip_get_iflink(dev);

	return link ? __dev_get_by_index(dev_net(dev), link) : NULL;
}

static const struct net_device_ops ipip_netdev_ops = {
	.ndo_start_xmit = ipip_tunnel_xmit,
	.ndo_get_iflink = ipip_get_iflink,
	.ndo_get_peer = ipip_get_peer,
};

static void ipip_tunnel_setup(struct net_device *dev)
{
	dev->netdev_ops = &ipip_netdev_ops;
	dev->type = ARPHRD_TUNNEL;
	dev->flags = IFF_NOARP;
	dev->addr_len = 4;
	dev->hard_header_len = 0;
	dev->mtu = 1480;
	dev->min_mtu = 68;
	dev->max_mtu = 0xFFFF - sizeof(struct iphdr);
	dev->priv_flags |= IFF_NO_QUEUE | IFF_NO_OPER_REPORT;
}

/* ip_tunnel_bind_dev() and the addresses `ip link` shows */
static void ipip_apply_parms(struct net_device *dev, struct ip_tunnel *t)
{
	struct net_device *lower = t->parms.link ?
				   __dev_get_by_index(dev_net(dev), t->parms.link) : NULL;

	memset(dev->dev_addr, 0, sizeof(dev->dev_addr));
	memset(dev->broadcast, 0, sizeof(dev->broadcast));
	memcpy(dev->dev_addr, &t->parms.saddr, 4);
	memcpy(dev->broadcast, &t->parms.daddr, 4);
	if (t->parms.daddr)
		dev->flags |= IFF_POINTOPOINT;
	if (lower && lower->mtu > sizeof(struct iphdr))
		dev->mtu = lower->mtu - (unsigned int)sizeof(struct iphdr);
}

static bool ip_tunnel_find(struct net *net, const struct ip_tunnel_parm *p)
{
	struct net_device *dev;

	for_each_netdev(net, dev) {
		const struct ip_tunnel *t = netdev_priv(dev);

		if (netif_is_ipip(dev) && t->parms.saddr == p->saddr &&
		    t->parms.daddr == p->daddr && t->parms.link == p->link)
			return true;
	}
	return false;
}

/* ipip_init_net(): the fallback tunnel, when ipip is first used in net */
static int ipip_fb_create(struct net *net)
{
	struct net_device *dev;
	int err;

	if (ipip_fb(net))
		return 0;
	dev = alloc_netdev(sizeof(struct ip_tunnel), "tunl0", ipip_tunnel_setup);
	if (!dev)
		return -ENOMEM;
	dev->rtnl_link_ops = &ipip_link_ops;
	dev->nd_net = net;
	((struct ip_tunnel *)netdev_priv(dev))->dev = dev;
	((struct ip_tunnel *)netdev_priv(dev))->fb = true;
	err = register_netdevice(net, dev);
	if (err)
		free_netdev(dev);
	return err;
}

static int ipip_newlink(struct net *src_net, struct net_device *dev, struct link_req *req,
			struct netlink_ext_ack *extack)
{
	struct net *net = req->net ? req->net : src_net;
	const struct ip_tunnel_parm *p = req->info_data;
	struct ip_tunnel *t = netdev_priv(dev);
	unsigned int mtu = dev->mtu;
	int err;

	(void)extack;
	err = ipip_fb_create(net);
	if (err)
		return err;
	memset(t, 0, sizeof(*t));
	t->dev = dev;
	if (p)
		t->parms = *p;
	if (ip_tunnel_find(net, &t->parms))
		return -EEXIST;
	ipip_apply_parms(dev, t);
	if (req->mtu)
		dev->mtu = mtu;
	return register_netdevice(net, dev);
}

/* ip_tunnel_dellink(): tunl0 stays */
static void ipip_dellink(struct net_device *dev, struct list_head *head)
{
	(void)head;
	if (((struct ip_tunnel *)netdev_priv(dev))->fb && !dev_net(dev)->ipv4.dev_exiting)
		return;
	unregister_netdevice(dev);
	free_netdev(dev);
}

/* iproute2 iptunnel_print_opt(): after the kind, "ipip remote .. local .." */
static void ipip_fill_info(const struct net_device *dev, void *out)
{
	const struct ip_tunnel *t = netdev_priv(dev);
	const u8 *r = (const u8 *)&t->parms.daddr, *l = (const u8 *)&t->parms.saddr;
	struct net_device *lower = t->parms.link ?
				   __dev_get_by_index(dev_net(dev), t->parms.link) : NULL;
	FILE *f = out;

	fputs("ipip ", f);
	if (t->parms.daddr)
		fprintf(f, "remote %u.%u.%u.%u ", r[0], r[1], r[2], r[3]);
	else
		fputs("remote any ", f);
	if (t->parms.saddr)
		fprintf(f, "local %u.%u.%u.%u ", l[0], l[1], l[2], l[3]);
	else
		fputs("local any ", f);
	if (lower)
		fprintf(f, "dev %s ", lower->name);
	if (t->parms.ttl)
		fprintf(f, "ttl %u ", t->parms.ttl);
	else
		fputs("ttl inherit ", f);
	if (t->parms.tos == 1)
		fputs("tos inherit ", f);
	else if (t->parms.tos)
		fprintf(f, "tos %#x ", t->parms.tos);
	fputs(t->parms.pmtudisc ? "pmtudisc " : "nopmtudisc ", f);
}

const struct rtnl_link_ops ipip_link_ops = {
	.kind = "ipip",
	.priv_size = sizeof(struct ip_tunnel),
	.setup = ipip_tunnel_setup,
	.newlink = ipip_newlink,
	.dellink = ipip_dellink,
	.fill_info = ipip_fill_info,
};
