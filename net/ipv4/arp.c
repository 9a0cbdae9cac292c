/* ARP (net/ipv4/arp.c): answers requests for our addresses (subject to
 * arp_ignore, arp_filter and proxy_arp), learns senders into the neighbour
 * table, and sends the requests the neighbour layer asks for. */
#include <errno.h>
#include <string.h>
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "net/arp.h"
#include "net/ethernet.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/world.h"
#include "net/trace.h"

#define ARP_CB_LOCALLY_ENQUEUED 0x1

struct arp_cb {
	u32 flags;
};

#define ARP_CB(skb) ((struct arp_cb *)((skb)->cb + 40))

void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info);

static void arp_solicit(struct neighbour *n, struct sk_buff *skb);
static void arp_error_report(struct neighbour *n, struct sk_buff *skb);

static const struct neigh_ops arp_hh_ops = {
	.solicit = arp_solicit,
	.error_report = arp_error_report,
	.output = neigh_resolve_output,
	.connected_output = neigh_connected_output,
};

int arp_constructor(struct neighbour *n)
{
	struct net_device *dev = n->dev;
	struct in_device *in_dev = __in_dev_get_rtnl(dev);

	if (!in_dev)
		return -EINVAL;
	/* one neighbour per loopback or point-to-point device, keyed 0.0.0.0 */
	if (dev->flags & (IFF_LOOPBACK | IFF_POINTOPOINT))
		n->primary_key = 0;
	n->type = (u8)inet_addr_type(dev_net(dev), n->primary_key);
	n->ops = &arp_hh_ops;
	if (n->type == RTN_MULTICAST) {
		n->nud_state = NUD_NOARP;
		ip_eth_mc_map(n->primary_key, n->ha);
	} else if (dev->flags & (IFF_NOARP | IFF_LOOPBACK)) {
		n->nud_state = NUD_NOARP;
		memcpy(n->ha, dev->dev_addr, dev->addr_len);
	} else if (n->type == RTN_BROADCAST || (dev->flags & IFF_POINTOPOINT)) {
		n->nud_state = NUD_NOARP;
		memcpy(n->ha, dev->broadcast, dev->addr_len);
	}
	n->output = (n->nud_state & NUD_VALID) ? arp_hh_ops.connected_output :
						 arp_hh_ops.output;
	return 0;
}

static struct sk_buff *arp_create(int type, int ptype, __be32 dest_ip,
				  struct net_device *dev, __be32 src_ip,
				  const u8 *dest_hw, const u8 *src_hw, const u8 *target_hw)
{
	struct sk_buff *skb = alloc_skb(&dev_net(dev)->world->skb_pool,
					NET_SKB_PAD + LL_RESERVED_SPACE(dev) + 28);
	struct arphdr *arp;
	u8 *p;

	if (!skb)
		return NULL;
	skb_reserve(skb, (int)(NET_SKB_PAD + LL_RESERVED_SPACE(dev)));
	skb_reset_network_header(skb);
	arp = (struct arphdr *)skb_put(skb, 28);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_ARP);
	if (!src_hw)
		src_hw = dev->dev_addr;
	if (!dest_hw)
		dest_hw = dev->broadcast;
	if (dev_hard_header(skb, dev, (u16)ptype, dest_hw, src_hw, skb->len) < 0) {
		kfree_skb(skb);
		return NULL;
	}
	arp->ar_hrd = htons(ARPHRD_ETHER);
	arp->ar_pro = htons(ETH_P_IP);
	arp->ar_hln = ETH_ALEN;
	arp->ar_pln = 4;
	arp->ar_op = htons((u16)type);
	p = (u8 *)(arp + 1);
	memcpy(p, src_hw, ETH_ALEN);
	memcpy(p + 6, &src_ip, 4);
	if (target_hw)
		memcpy(p + 10, target_hw, ETH_ALEN);
	else
		memset(p + 10, 0, ETH_ALEN);
	memcpy(p + 16, &dest_ip, 4);
	return skb;
}

void arp_send(int type, int ptype, __be32 dest_ip, struct net_device *dev,
	      __be32 src_ip, const u8 *dest_hw, const u8 *src_hw, const u8 *target_hw)
{
	struct sk_buff *skb;

	if (dev->flags & IFF_NOARP)
		return;
	skb = arp_create(type, ptype, dest_ip, dev, src_ip, dest_hw, src_hw, target_hw);
	if (skb) {
		skb_trace_note(skb, "arp_send", type == ARPOP_REQUEST ? "request" : "reply");
		dev_queue_xmit(skb);
	}	/* NF_ARP_OUT: no arptables yet */
}

static void arp_solicit(struct neighbour *n, struct sk_buff *skb)
{
	struct net_device *dev = n->dev;
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	__be32 target = n->primary_key;
	const u8 *dst_hw = NULL;
	__be32 saddr = 0;
	int probes = n->probes;

	if (!in_dev)
		return;
	switch (IN_DEV_ARP_ANNOUNCE(in_dev)) {
	case 1:
		if (skb && inet_addr_type(dev_net(dev), ip_hdr(skb)->saddr) == RTN_LOCAL &&
		    inet_addr_onlink(in_dev, target, ip_hdr(skb)->saddr))
			saddr = ip_hdr(skb)->saddr;
		break;
	case 2:
		break;
	default:
		if (skb && inet_addr_type(dev_net(dev), ip_hdr(skb)->saddr) == RTN_LOCAL)
			saddr = ip_hdr(skb)->saddr;
		break;
	}
	if (!saddr)
		saddr = inet_select_addr(dev, target, RT_SCOPE_LINK);
	probes -= NEIGH_VAR(n->parms, UCAST_PROBES);
	if (probes < 0)
		dst_hw = n->ha;
	else if (probes - NEIGH_VAR(n->parms, APP_PROBES) < 0)
		return;
	arp_send(ARPOP_REQUEST, ETH_P_ARP, target, dev, saddr, dst_hw, dev->dev_addr, NULL);
}

/* Resolution failed for a queued packet: ICMP host unreachable to its
 * sender (ipv4_link_failure), then the packet is dropped. */
static void arp_error_report(struct neighbour *n, struct sk_buff *skb)
{
	(void)n;
	skb_drop_hint(skb, "no ARP reply from the next hop");
	if (skb_dst(skb))
		icmp_send(skb, 3 /* ICMP_DEST_UNREACH */, 1 /* ICMP_HOST_UNREACH */, 0);
	kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
}

/* arp_ignore: 0 any local address, 1 only addresses on the receiving
 * device, 2 … and in the sender's subnet, 3 not scope host, 8 never. */
static int arp_ignore(struct in_device *in_dev, __be32 sip, __be32 tip)
{
	struct net *net = dev_net(in_dev->dev);
	int scope;

	switch (IN_DEV_ARP_IGNORE(in_dev)) {
	case 0:
		return 0;
	case 1:
		sip = 0;
		scope = RT_SCOPE_HOST;
		break;
	case 2:
		scope = RT_SCOPE_HOST;
		break;
	case 3:
		sip = 0;
		scope = RT_SCOPE_LINK;
		in_dev = NULL;
		break;
	case 8:
		return 1;
	default:
		return 0;
	}
	return !inet_confirm_addr(net, in_dev, sip, tip, scope);
}

/* arp_filter: answer only if the reply would leave through this device. */
static int arp_filter(__be32 sip, __be32 tip, struct net_device *dev)
{
	struct net *net = dev_net(dev);
	struct flowi4 fl4 = { .daddr = sip, .saddr = tip };
	struct rtable *rt;
	int err, flag = 0;

	rt = ip_route_output_key(net, &fl4, &err);
	if (!rt)
		return 1;
	if (rt->dst.dev != dev) {
		__NET_INC_STATS(net, LINUX_MIB_ARPFILTER);
		flag = 1;
	}
	ip_rt_put(rt);
	return flag;
}

static void arp_proxy_timer(struct timer_list *t);
static int arp_process(struct sk_buff *skb);

static void pneigh_enqueue(struct neigh_table *tbl, struct sk_buff *skb)
{
	struct world *w = tbl->net->world;
	u64 delay = world_random_u64(w) %
		    ((u64)NEIGH_VAR(&tbl->parms, PROXY_DELAY) * NSEC_PER_MSEC + 1);

	if (skb_queue_len(&tbl->proxy_queue) > (u32)NEIGH_VAR(&tbl->parms, PROXY_QLEN)) {
		kfree_skb(skb);
		return;
	}
	ARP_CB(skb)->flags |= ARP_CB_LOCALLY_ENQUEUED;
	skb->tstamp = w->now + delay;
	__skb_queue_tail(&tbl->proxy_queue, skb);
	if (!timer_pending(&tbl->proxy_timer) || tbl->proxy_timer.expires > skb->tstamp)
		mod_timer(&tbl->proxy_timer, skb->tstamp);
}

static void arp_proxy_timer(struct timer_list *t)
{
	struct neigh_table *tbl = from_timer(tbl, t, proxy_timer);
	struct world *w = tbl->net->world;
	struct sk_buff *skb, *tmp;
	u64 next = UINT64_MAX;

	skb_queue_walk_safe(&tbl->proxy_queue, skb, tmp) {
		if (skb->tstamp <= w->now) {
			__skb_unlink(skb, &tbl->proxy_queue);
			arp_process(skb);
		} else if (skb->tstamp < next) {
			next = skb->tstamp;
		}
	}
	if (next != UINT64_MAX)
		mod_timer(&tbl->proxy_timer, next);
}

static bool arp_fwd_proxy(struct in_device *in_dev, struct net_device *dev,
			  struct rtable *rt)
{
	if (rt->dst.dev == dev)
		return false;
	return IN_DEV_PROXY_ARP(in_dev);
}

struct arp_fields {
	u8 *sha, *tha;
	__be32 sip, tip;
	u16 op;
};

static bool arp_parse(struct sk_buff *skb, struct net_device *dev, struct arp_fields *f)
{
	struct arphdr *arp = arp_hdr(skb);
	u8 *p = (u8 *)(arp + 1);

	if (arp->ar_pro != htons(ETH_P_IP) || arp->ar_hrd != htons(ARPHRD_ETHER))
		return false;
	f->op = ntohs(arp->ar_op);
	if (f->op != ARPOP_REPLY && f->op != ARPOP_REQUEST)
		return false;
	f->sha = p;
	memcpy(&f->sip, p + dev->addr_len, 4);
	f->tha = p + dev->addr_len + 4;
	memcpy(&f->tip, p + 2 * dev->addr_len + 4, 4);
	return true;
}

/* A request for one of our addresses, or one we answer by proxy.
 * Returns true when the request was handled (answered, ignored, queued). */
static bool arp_answer(struct sk_buff *skb, struct in_device *in_dev,
		       struct arp_fields *f, bool *keep)
{
	struct net_device *dev = skb->dev;
	struct net *net = dev_net(dev);
	enum skb_drop_reason reason;
	struct rtable *rt;
	struct neighbour *n;

	if (ip_route_input_noref(skb, f->tip, f->sip, 0, dev, &reason))
		return false;
	rt = skb_rtable(skb);
	if (rt->rt_type == RTN_LOCAL) {
		int dont_send = arp_ignore(in_dev, f->sip, f->tip);

		if (!dont_send && IN_DEV_ARPFILTER(in_dev))
			dont_send = arp_filter(f->sip, f->tip, dev);
		if (!dont_send) {
			n = neigh_event_ns(&net->ipv4.arp_tbl, f->sha, &f->sip, dev);
			if (n) {
				arp_send(ARPOP_REPLY, ETH_P_ARP, f->sip, dev, f->tip, f->sha,
					 dev->dev_addr, f->sha);
				neigh_release(n);
			}
		}
		return true;
	}
	if (!IN_DEV_FORWARD(in_dev) || rt->rt_type != RTN_UNICAST)
		return false;
	if (!arp_fwd_proxy(in_dev, dev, rt) &&
	    !(rt->dst.dev != dev && pneigh_lookup(&net->ipv4.arp_tbl, &f->tip, dev, 0)))
		return false;
	n = neigh_event_ns(&net->ipv4.arp_tbl, f->sha, &f->sip, dev);
	if (n)
		neigh_release(n);
	if ((ARP_CB(skb)->flags & ARP_CB_LOCALLY_ENQUEUED) || skb->pkt_type == PACKET_HOST ||
	    NEIGH_VAR(&net->ipv4.arp_tbl.parms, PROXY_DELAY) == 0) {
		arp_send(ARPOP_REPLY, ETH_P_ARP, f->sip, dev, f->tip, f->sha, dev->dev_addr,
			 f->sha);
	} else {
		skb_dst_drop(skb);
		pneigh_enqueue(&net->ipv4.arp_tbl, skb);
		*keep = true;
	}
	return true;
}

/* Gratuitous ARP: sender and target the same, from our subnet */
static bool arp_is_garp(struct net *net, struct net_device *dev, const struct arp_fields *f)
{
	if (f->tip != f->sip)
		return false;
	if (f->op == ARPOP_REPLY && memcmp(f->tha, f->sha, dev->addr_len))
		return false;
	return inet_addr_type(net, f->sip) == RTN_UNICAST;
}

static void arp_update_table(struct sk_buff *skb, struct in_device *in_dev,
			     const struct arp_fields *f)
{
	struct net_device *dev = skb->dev;
	struct net *net = dev_net(dev);
	struct neigh_table *tbl = &net->ipv4.arp_tbl;
	struct neighbour *n = __neigh_lookup(tbl, &f->sip, dev, 0);
	bool is_garp = false;
	u8 state = NUD_REACHABLE;
	bool override;

	if (n || IN_DEV_ARP_ACCEPT(in_dev))
		is_garp = arp_is_garp(net, dev, f);
	if (!n && IN_DEV_ARP_ACCEPT(in_dev) &&
	    (is_garp || (f->op == ARPOP_REPLY &&
			 inet_addr_type(net, f->sip) == RTN_UNICAST)))
		n = __neigh_lookup(tbl, &f->sip, dev, 1);
	if (!n)
		return;
	override = net->world->now > n->updated +
		   (u64)NEIGH_VAR(n->parms, LOCKTIME) * NSEC_PER_MSEC || is_garp;
	/* broadcast replies and requests do not assert reachability */
	if (f->op != ARPOP_REPLY || skb->pkt_type != PACKET_HOST)
		state = NUD_STALE;
	neigh_update(n, f->sha, state, override ? NEIGH_UPDATE_F_OVERRIDE : 0, 0);
	neigh_release(n);
}

static int arp_process(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	struct arp_fields f;
	bool keep = false;

	if (!in_dev || !arp_parse(skb, dev, &f))
		goto out_free;
	if (ipv4_is_multicast(f.tip) ||
	    (!IN_DEV_ROUTE_LOCALNET(in_dev) && ipv4_is_loopback(f.tip)))
		goto out_free;
	if (f.sip == 0) {
		/* duplicate address detection probe */
		if (f.op == ARPOP_REQUEST &&
		    inet_dev_addr_type(dev_net(dev), dev, f.tip) == RTN_LOCAL &&
		    !arp_ignore(in_dev, f.sip, f.tip))
			arp_send(ARPOP_REPLY, ETH_P_ARP, f.sip, dev, f.tip, f.sha,
				 dev->dev_addr, f.sha);
		goto out_consume;
	}
	if (f.op == ARPOP_REQUEST && arp_answer(skb, in_dev, &f, &keep)) {
		if (keep)
			return 0;
		goto out_consume;
	}
	arp_update_table(skb, in_dev, &f);
out_consume:
	consume_skb(skb);
	return 0;
out_free:
	kfree_skb(skb);
	return 0;
}

int arp_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
	    struct net_device *orig_dev)
{
	const struct arphdr *arp;

	(void)pt;
	(void)orig_dev;
	if ((dev->flags & IFF_NOARP) || skb->pkt_type == PACKET_OTHERHOST ||
	    skb->pkt_type == PACKET_LOOPBACK) {
		consume_skb(skb);
		return 0;
	}
	if (!pskb_may_pull(skb, sizeof(struct arphdr))) {
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return 0;
	}
	arp = arp_hdr(skb);
	if (arp->ar_hln != dev->addr_len || arp->ar_pln != 4 ||
	    !pskb_may_pull(skb, sizeof(struct arphdr) + 2 * (dev->addr_len + 4u))) {
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return 0;
	}
	memset(ARP_CB(skb), 0, sizeof(struct arp_cb));
	skb_trace(skb, "arp_rcv");
	return arp_process(skb);
}

/* arp_invalidate(): an address that became a broadcast address loses its
 * entry, unless it resolved (a valid one stays unless forced) */
int arp_invalidate(struct net_device *dev, __be32 ip, bool force)
{
	struct neigh_table *tbl = &dev_net(dev)->ipv4.arp_tbl;
	struct neighbour *n;

	if (!tbl->hash)		/* no table yet (a FIB built by hand, test_fib) */
		return -ENXIO;
	n = neigh_lookup(tbl, &ip, dev);
	if (!n)
		return -ENXIO;
	if ((n->nud_state & NUD_VALID) && !force) {
		neigh_release(n);
		return 0;
	}
	if (n->nud_state & ~NUD_NOARP)
		neigh_update(n, NULL, NUD_FAILED, NEIGH_UPDATE_F_OVERRIDE | NEIGH_UPDATE_F_ADMIN, 0);
	neigh_release(n);
	neigh_delete(tbl, n);
	return 0;
}

void arp_ifdown(struct net_device *dev)
{
	neigh_ifdown(&dev_net(dev)->ipv4.arp_tbl, dev);
}

int arp_netdev_event(struct net_device *dev, unsigned long event)
{
	struct neigh_table *tbl = &dev_net(dev)->ipv4.arp_tbl;
	struct in_device *in_dev = __in_dev_get_rtnl(dev);

	switch (event) {
	case NETDEV_CHANGEADDR:
		neigh_changeaddr(tbl, dev);
		rt_cache_flush(dev_net(dev));
		break;
	case NETDEV_CHANGE:
		if (!netif_carrier_ok(dev) && in_dev &&
		    IN_DEV_ORCONF(in_dev, ARP_EVICT_NOCARRIER))
			neigh_flush_dev(tbl, dev, true);
		break;
	default:
		break;
	}
	return 0;
}

int arp_tbl_init(struct net *net)
{
	struct neigh_table *tbl = &net->ipv4.arp_tbl;

	tbl->id = "arp_cache";
	if (neigh_table_init(net, tbl))
		return -ENOMEM;
	timer_setup(&net->world->timers, &tbl->proxy_timer, arp_proxy_timer);
	net->ipv4.arp_packet_type.type = htons(ETH_P_ARP);
	net->ipv4.arp_packet_type.func = arp_rcv;
	dev_add_pack(net, &net->ipv4.arp_packet_type);
	return 0;
}

void arp_tbl_exit(struct net *net)
{
	dev_remove_pack(net, &net->ipv4.arp_packet_type);
	neigh_table_clear(&net->ipv4.arp_tbl);
}

struct neighbour *ipv4_neigh_lookup_create(struct net_device *dev, __be32 nexthop)
{
	if (dev->flags & (IFF_LOOPBACK | IFF_POINTOPOINT))
		nexthop = 0;
	return __neigh_lookup(&dev_net(dev)->ipv4.arp_tbl, &nexthop, dev, 1);
}
