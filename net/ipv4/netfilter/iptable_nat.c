/* The nat table (net/ipv4/netfilter/iptable_nat.c + nf_nat_proto.c's IPv4
 * hooks): PREROUTING and OUTPUT at NF_IP_PRI_NAT_DST (-100, destination
 * NAT), INPUT and POSTROUTING at NF_IP_PRI_NAT_SRC (100, source NAT).  Its
 * rules see only the first packet of a connection (nf_nat_inet_fn), and
 * only while a NAT target keeps conntrack running in the namespace.
 *
 * After DNAT in PREROUTING the packet's route is dropped so that
 * ip_rcv_finish routes it to the new destination; after DNAT in OUTPUT the
 * local packet is routed again (ip_route_me_harder). */
#include "linux/netfilter_ipv4/ip_tables.h"
#include "net/netfilter/nf_nat.h"
#include "net/route.h"
#include "net/ip.h"
#include "net/sock.h"
#include <errno.h>

static unsigned int nf_nat_ipv4_pre_routing(void *priv, struct sk_buff *skb,
					    const struct nf_hook_state *state)
{
	__be32 daddr = ip_hdr(skb)->daddr;
	unsigned int ret = nf_nat_inet_fn(priv, skb, state);

	if (ret == NF_ACCEPT && daddr != ip_hdr(skb)->daddr)
		skb_dst_drop(skb);
	return ret;
}

static unsigned int nf_nat_ipv4_local_in(void *priv, struct sk_buff *skb,
					 const struct nf_hook_state *state)
{
	return nf_nat_inet_fn(priv, skb, state);
}

static unsigned int nf_nat_ipv4_out(void *priv, struct sk_buff *skb,
				    const struct nf_hook_state *state)
{
	return nf_nat_inet_fn(priv, skb, state);
}

/* ip_route_me_harder(): route a local packet whose destination changed. */
static int ip_route_me_harder(struct net *net, struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);
	struct flowi4 fl4 = {
		.daddr = iph->daddr, .saddr = iph->saddr, .flowi4_tos = RT_TOS(iph->tos),
		.flowi4_proto = iph->protocol, .flowi4_mark = skb->mark,
		.flowi4_oif = skb->sk && skb->sk->sk_bound_dev_if ? skb->sk->sk_bound_dev_if : 0,
	};
	struct rtable *rt;
	int err = 0;

	if (!__ip_dev_find(net, iph->saddr))
		fl4.flowi4_flags |= FLOWI_FLAG_ANYSRC;
	rt = ip_route_output_key(net, &fl4, &err);
	if (!rt)
		return err ? err : -EHOSTUNREACH;
	skb_dst_drop(skb);
	skb_dst_set(skb, &rt->dst);
	return 0;
}

static unsigned int nf_nat_ipv4_local_fn(void *priv, struct sk_buff *skb,
					 const struct nf_hook_state *state)
{
	__be32 daddr = ip_hdr(skb)->daddr;
	unsigned int ret = nf_nat_inet_fn(priv, skb, state);
	int err;

	if (ret != NF_ACCEPT || daddr == ip_hdr(skb)->daddr)
		return ret;
	err = ip_route_me_harder(state->net, skb);
	return err ? NF_DROP_ERR(err) : ret;
}

/* The table alone does not start conntrack: the NAT targets do
 * (xt_nat.c), as in Linux, so a nat table holding only other rules sees
 * no packet (no entry, no NEW: its counters stay at 0). */
static int iptable_nat_net_init(struct net *net)
{
	return nf_nat_net_get(net);
}

static void iptable_nat_net_exit(struct net *net)
{
	nf_nat_net_put(net);
}

static const struct xt_table nf_nat_ipv4_table = {
	.name = "nat",
	.valid_hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_POST_ROUTING) |
		       (1 << NF_INET_LOCAL_OUT) | (1 << NF_INET_LOCAL_IN),
	.priority = NF_IP_PRI_NAT_DST,
	.af = NFPROTO_IPV4,
};

const struct ipt_table_ops iptable_nat_ops = {
	.table = &nf_nat_ipv4_table,
	.hook = {
		[NF_INET_PRE_ROUTING] = nf_nat_ipv4_pre_routing,
		[NF_INET_LOCAL_IN] = nf_nat_ipv4_local_in,
		[NF_INET_LOCAL_OUT] = nf_nat_ipv4_local_fn,
		[NF_INET_POST_ROUTING] = nf_nat_ipv4_out,
	},
	.priority = {
		[NF_INET_PRE_ROUTING] = NF_IP_PRI_NAT_DST,
		[NF_INET_LOCAL_IN] = NF_IP_PRI_NAT_SRC,
		[NF_INET_LOCAL_OUT] = NF_IP_PRI_NAT_DST,
		[NF_INET_POST_ROUTING] = NF_IP_PRI_NAT_SRC,
	},
	.net_init = iptable_nat_net_init,
	.net_exit = iptable_nat_net_exit,
};
