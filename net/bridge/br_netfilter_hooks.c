/* Bridged IPv4 through the iptables hooks (net/bridge/br_netfilter_hooks.c).
 *
 * With net.bridge.bridge-nf-call-iptables = 1 (the default here, as on a
 * Debian host with br_netfilter loaded), an IPv4 frame crossing a bridge
 * also passes NF_INET_PRE_ROUTING (with the bridge as the input device),
 * NF_INET_FORWARD and NF_INET_POST_ROUTING, so iptables rules, conntrack
 * and NAT see it; `-m physdev` sees the bridge ports through
 * skb->nf_bridge.  A frame whose destination PRE_ROUTING rewrote (DNAT) is
 * routed again: to the host (handed up), or to a host on the same bridge
 * (the "bridged DNAT" that a ClusterIP reached from a pod on the bridge
 * takes; it leaves through the ingress port only with hairpin mode on).
 *
 * br_netfilter's hooks are registered while they have work: a bridge exists
 * in the namespace and some IPv4 hook (iptables, conntrack, NAT) is
 * registered there.  Without rules the bridge's NF_HOOK()s find no entries
 * and cost a branch, as NF_HOOK() does on Linux for a hook nobody uses
 * (br_nf_hooks_update()). */
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/netfilter.h"
#include "net/bridge.h"
#include "net/arp.h"
#include "net/ethernet.h"
#include "net/ip.h"
#include "net/neighbour.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/trace.h"

static bool br_nf_call_iptables(const struct net *net, const struct net_device *port)
{
	const struct net_bridge_port *p = br_port_get_rtnl(port);

	if (net->brnf.call_iptables)
		return true;
	return p && p->br->nf_call_iptables;
}

/* The frame's nf_bridge, unshared from its clones before a write. */
static struct nf_bridge_info *nf_bridge_unshare(struct sk_buff *skb)
{
	struct nf_bridge_info *nb = skb->nf_bridge;
	struct nf_bridge_info *n;

	if (!nb || nb->use == 1)
		return nb;
	n = kmalloc(sizeof(*n));
	if (!n)
		return NULL;
	*n = *nb;
	n->use = 1;
	nb->use--;
	skb->nf_bridge = n;
	return n;
}

/* br_validate_ipv4(): the checks ip_rcv makes, before iptables sees it. */
static bool br_validate_ipv4(struct sk_buff *skb)
{
	const struct iphdr *iph;
	unsigned int len;

	if (!pskb_may_pull(skb, sizeof(struct iphdr)))
		return false;
	iph = ip_hdr(skb);
	if (iph->ihl < 5 || iph->version != 4)
		return false;
	if (!pskb_may_pull(skb, iph->ihl * 4u))
		return false;
	iph = ip_hdr(skb);
	if (ip_fast_csum((const u8 *)iph, iph->ihl))
		return false;
	len = ntohs(iph->tot_len);
	if (skb->len < len || len < iph->ihl * 4u)
		return false;
	return pskb_trim_rcsum(skb, len) == 0;
}

static int br_nf_pre_routing_finish(struct net *net, struct sock *sk, struct sk_buff *skb);

static unsigned int br_nf_pre_routing(void *priv, struct sk_buff *skb,
				      const struct nf_hook_state *state)
{
	struct net_bridge_port *p = br_port_get_rtnl(skb->dev);
	struct nf_bridge_info *nb;

	(void)priv;
	if (!p || skb->protocol != htons(ETH_P_IP) || !br_nf_call_iptables(state->net, skb->dev))
		return NF_ACCEPT;
	skb_reset_network_header(skb);
	if (!br_validate_ipv4(skb)) {
		__IP_INC_STATS(state->net, IPSTATS_MIB_INHDRERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_INHDR);
		return NF_STOLEN;
	}
	nb = kzalloc(sizeof(*nb));
	if (!nb)
		return NF_DROP;
	nf_bridge_info_put(skb->nf_bridge);
	skb->nf_bridge = nb;
	nb->use = 1;
	nb->physindev = skb->dev;
	nb->bridge_in = p->br->dev;
	nb->in_prerouting = 1;
	nb->ipv4_daddr = ip_hdr(skb)->daddr;
	if (skb->pkt_type == PACKET_OTHERHOST) {
		skb->pkt_type = PACKET_HOST;
		nb->pkt_otherhost = 1;
	}
	skb->dev = p->br->dev;
	skb->transport_header = (u16)(skb->network_header + ip_hdr(skb)->ihl * 4u);
	skb_trace(skb, "br_nf_pre_routing");
	NF_HOOK(NFPROTO_IPV4, NF_INET_PRE_ROUTING, state->net, state->sk, skb, skb->dev, NULL,
		br_nf_pre_routing_finish);
	return NF_STOLEN;
}

/* DNAT to a host on the same bridge: address the frame to it and bridge it
 * on; unresolved, ARP for it through the bridge device and continue in
 * br_nf_bridged_dnat() when the neighbour sends it. */
static int br_nf_pre_routing_finish_bridge(struct net *net, struct sk_buff *skb)
{
	struct nf_bridge_info *nb = skb->nf_bridge;
	const struct rtable *rt = skb_rtable(skb);
	struct net_device *brdev = skb->dev;
	struct neighbour *n;
	int ret;

	n = ipv4_neigh_lookup_create(brdev, rt_nexthop(rt, ip_hdr(skb)->daddr));
	if (!n) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_CREATEFAIL);
		return 0;
	}
	if (n->nud_state & NUD_VALID) {
		memcpy(eth_hdr(skb)->h_dest, n->ha, ETH_ALEN);
		neigh_release(n);
		skb_dst_drop(skb);
		skb->dev = nb->physindev;
		return br_handle_frame_finish(net, NULL, skb);
	}
	memcpy(nb->neigh_header, eth_hdr(skb)->h_source, ETH_ALEN);
	nb->bridged_dnat = 1;
	ret = neigh_output(n, skb);
	neigh_release(n);
	return ret;
}

static int br_nf_pre_routing_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct nf_bridge_info *nb = nf_bridge_unshare(skb);
	const struct iphdr *iph = ip_hdr(skb);
	struct net_device *brdev = skb->dev;
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;

	if (!nb) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return 0;
	}
	if (nb->pkt_otherhost) {
		skb->pkt_type = PACKET_OTHERHOST;
		nb->pkt_otherhost = 0;
	}
	nb->in_prerouting = 0;
	if (iph->daddr != nb->ipv4_daddr) {
		skb_trace_note(skb, "br_nf_pre_routing_finish", "destination changed: route again");
		if (ip_route_input_noref(skb, iph->daddr, iph->saddr, iph->tos, brdev, &reason)) {
			kfree_skb_reason(skb, reason);
			return 0;
		}
		if (skb_dst(skb)->dev == brdev)
			return br_nf_pre_routing_finish_bridge(net, skb);
		memcpy(eth_hdr(skb)->h_dest, brdev->dev_addr, ETH_ALEN);
		skb->pkt_type = PACKET_HOST;
	} else {
		skb_dst_drop(skb);
	}
	skb->dev = nb->physindev;
	return br_handle_frame_finish(net, sk, skb);
}

bool br_nf_bridged_dnat(struct sk_buff *skb)
{
	struct nf_bridge_info *nb = skb->nf_bridge;

	if (!nb || !nb->bridged_dnat)
		return false;
	nb->bridged_dnat = 0;
	skb_reset_mac_header(skb);
	memcpy(eth_hdr(skb)->h_source, nb->neigh_header, ETH_ALEN);
	skb_pull(skb, ETH_HLEN);
	skb_dst_drop(skb);
	skb->dev = nb->physindev;
	br_handle_frame_finish(dev_net(skb->dev), NULL, skb);
	return true;
}

static int br_nf_forward_finish(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct nf_bridge_info *nb = skb->nf_bridge;

	if (nb->pkt_otherhost) {
		skb->pkt_type = PACKET_OTHERHOST;
		nb->pkt_otherhost = 0;
	}
	skb->dev = nb->physoutdev;
	return br_forward_finish(net, sk, skb);
}

static unsigned int br_nf_forward_ip(void *priv, struct sk_buff *skb,
				     const struct nf_hook_state *state)
{
	struct net_bridge_port *p = br_port_get_rtnl(skb->dev);
	struct nf_bridge_info *nb;

	(void)priv;
	if (!skb->nf_bridge || !p || skb->protocol != htons(ETH_P_IP))
		return NF_ACCEPT;
	nb = nf_bridge_unshare(skb);
	if (!nb)
		return NF_DROP;
	nb->physoutdev = skb->dev;
	if (skb->pkt_type == PACKET_OTHERHOST) {
		skb->pkt_type = PACKET_HOST;
		nb->pkt_otherhost = 1;
	}
	skb_trace(skb, "br_nf_forward_ip");
	NF_HOOK(NFPROTO_IPV4, NF_INET_FORWARD, state->net, NULL, skb, nb->bridge_in,
		p->br->dev, br_nf_forward_finish);
	return NF_STOLEN;
}

static int br_nf_dev_queue_xmit(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct nf_bridge_info *nb = skb->nf_bridge;

	if (nb->pkt_otherhost) {
		skb->pkt_type = PACKET_OTHERHOST;
		nb->pkt_otherhost = 0;
	}
	skb->dev = nb->physoutdev;
	return br_dev_queue_push_xmit(net, sk, skb);
}

static unsigned int br_nf_post_routing(void *priv, struct sk_buff *skb,
				       const struct nf_hook_state *state)
{
	struct net_bridge_port *p = br_port_get_rtnl(skb->dev);
	struct nf_bridge_info *nb = skb->nf_bridge;

	(void)priv;
	if (!nb || !nb->physoutdev || !p || skb->protocol != htons(ETH_P_IP))
		return NF_ACCEPT;
	if (skb->pkt_type == PACKET_OTHERHOST) {
		skb->pkt_type = PACKET_HOST;
		nb->pkt_otherhost = 1;
	}
	skb_trace(skb, "br_nf_post_routing");
	NF_HOOK(NFPROTO_IPV4, NF_INET_POST_ROUTING, state->net, state->sk, skb, NULL,
		p->br->dev, br_nf_dev_queue_xmit);
	return NF_STOLEN;
}

/* ip_sabotage_in(): a frame that already passed PRE_ROUTING on the bridge
 * path does not pass it again when it goes up the stack. */
static unsigned int ip_sabotage_in(void *priv, struct sk_buff *skb,
				   const struct nf_hook_state *state)
{
	(void)priv;
	if (skb->nf_bridge && !skb->nf_bridge->in_prerouting) {
		state->okfn(state->net, state->sk, skb);
		return NF_STOLEN;
	}
	return NF_ACCEPT;
}

#define BR_NF_SABOTAGE 3	/* br_nf_ops[] index of ip_sabotage_in */

static const struct nf_hook_ops br_nf_ops[] = {
	{ .hook = br_nf_pre_routing, .pf = NFPROTO_BRIDGE, .hooknum = NF_BR_PRE_ROUTING,
	  .priority = 0 /* NF_BR_PRI_BRNF */ },
	{ .hook = br_nf_forward_ip, .pf = NFPROTO_BRIDGE, .hooknum = NF_BR_FORWARD,
	  .priority = -1 /* NF_BR_PRI_BRNF - 1 */ },
	{ .hook = br_nf_post_routing, .pf = NFPROTO_BRIDGE, .hooknum = NF_BR_POST_ROUTING,
	  .priority = 2147483647 /* NF_BR_PRI_LAST */ },
	[BR_NF_SABOTAGE] = { .hook = ip_sabotage_in, .pf = NFPROTO_IPV4,
	  .hooknum = NF_INET_PRE_ROUTING, .priority = -2147483647 - 1 /* NF_IP_PRI_FIRST */ },
};

#define BR_NF_NOPS (sizeof(br_nf_ops) / sizeof(br_nf_ops[0]))

/* Some IPv4 hook other than ip_sabotage_in where a bridged frame would pass
 * it (PRE_ROUTING, FORWARD, POST_ROUTING). */
static bool br_nf_ipv4_active(const struct net *net)
{
	static const u8 hooks[] = { NF_INET_PRE_ROUTING, NF_INET_FORWARD, NF_INET_POST_ROUTING };

	for (size_t i = 0; i < sizeof(hooks); i++) {
		const struct nf_hook_entries *e = nf_hook_entries_get(net, NFPROTO_IPV4, hooks[i]);

		for (unsigned int j = 0; e && j < e->num; j++)
			if (e->ops[j] != &br_nf_ops[BR_NF_SABOTAGE])
				return true;
	}
	return false;
}

/* Registers br_netfilter's hooks when they get work, unregisters them when
 * they have none.  Linux keeps them registered from the first bridge on and
 * runs them for every bridged frame; without an IPv4 hook they accept every
 * frame untouched, so leaving them out changes nothing but the cost.  Called
 * when a bridge appears and when an IPv4 hook comes or goes (core.c);
 * `hooked` is set first, so the calls our own registrations make return at
 * once. */
int br_nf_hooks_update(struct net *net)
{
	bool want = net->brnf.enabled && br_nf_ipv4_active(net);

	if (want == (bool)net->brnf.hooked)
		return 0;
	net->brnf.hooked = want;
	if (!want) {
		for (size_t i = 0; i < BR_NF_NOPS; i++)
			nf_unregister_net_hook(net, &br_nf_ops[i]);
		return 0;
	}
	for (size_t i = 0; i < BR_NF_NOPS; i++) {
		int err = nf_register_net_hook(net, &br_nf_ops[i]);

		if (err) {
			net->brnf.hooked = 0;
			while (i--)
				nf_unregister_net_hook(net, &br_nf_ops[i]);
			return err;
		}
	}
	return 0;
}

/* The first bridge of a namespace (br_netfilter's brnf_device_event): from
 * now on bridged frames pass iptables whenever it has hooks. */
int brnf_device_event(struct net_device *dev, unsigned long event)
{
	struct net *net = dev_net(dev);

	if (event != NETDEV_REGISTER || !netif_is_bridge_master(dev) || net->brnf.enabled)
		return 0;
	net->brnf.enabled = 1;
	return br_nf_hooks_update(net);
}

static int brnf_net_init(struct net *net)
{
	net->brnf.call_iptables = 1;
	net->brnf.call_ip6tables = 1;
	net->brnf.call_arptables = 1;
	return 0;
}

static void brnf_net_exit(struct net *net)
{
	net->brnf.enabled = 0;
	br_nf_hooks_update(net);
}

const struct pernet_operations brnf_net_ops = {
	.name = "br_netfilter",
	.init = brnf_net_init,
	.exit = brnf_net_exit,
};
