/* ip6tables' nat table (net/ipv6/netfilter/ip6table_nat.c + the IPv6 hooks
 * of nf_nat_proto.c): PREROUTING and OUTPUT at NF_IP6_PRI_NAT_DST (-100),
 * INPUT and POSTROUTING at NF_IP6_PRI_NAT_SRC (100), as iptable_nat.c; the
 * hook body is the shared nf_nat_inet_fn (it walks the table with
 * ip6t_do_table for an IPv6 entry).  After DNAT in PREROUTING the route is
 * dropped so that ip6_rcv_finish routes the packet to its new destination;
 * a local packet whose destination changed in OUTPUT is routed again
 * (ip6_route_me_harder). */
#include "linux/netfilter_ipv6/ip6_tables.h"
#include "net/netfilter/nf_nat.h"
#include "net/ipv6.h"
#include "net/ip6_fib.h"
#include "net/sock.h"
#include <errno.h>

static unsigned int nf_nat_ipv6_in(void *priv, struct sk_buff *skb,
				   const struct nf_hook_state *state)
{
	struct in6_addr daddr = ipv6_hdr(skb)->daddr;
	unsigned int ret = nf_nat_inet_fn(priv, skb, state);

	if (ret == NF_ACCEPT && !ipv6_addr_equal(&daddr, &ipv6_hdr(skb)->daddr))
		skb_dst_drop(skb);
	return ret;
}

static unsigned int nf_nat_ipv6_fn(void *priv, struct sk_buff *skb,
				   const struct nf_hook_state *state)
{
	return nf_nat_inet_fn(priv, skb, state);
}

/* ip6_route_me_harder(): route a local packet whose destination changed. */
static int ip6_route_me_harder(struct net *net, struct sk_buff *skb)
{
	const struct ipv6hdr *ip6h = ipv6_hdr(skb);
	int oif = skb->sk && skb->sk->sk_bound_dev_if ? skb->sk->sk_bound_dev_if : 0;
	struct dst_entry *dst;
	int err = 0;

	dst = ip6_route_output(net, &ip6h->daddr, &ip6h->saddr, oif, &err);
	if (!dst)
		return err ? err : -EHOSTUNREACH;
	skb_dst_drop(skb);
	skb_dst_set(skb, dst);
	return 0;
}

static unsigned int nf_nat_ipv6_local_fn(void *priv, struct sk_buff *skb,
					 const struct nf_hook_state *state)
{
	struct in6_addr daddr = ipv6_hdr(skb)->daddr;
	unsigned int ret = nf_nat_inet_fn(priv, skb, state);
	int err;

	if (ret != NF_ACCEPT || ipv6_addr_equal(&daddr, &ipv6_hdr(skb)->daddr))
		return ret;
	err = ip6_route_me_harder(state->net, skb);
	return err ? NF_DROP_ERR(err) : ret;
}

/* As iptable_nat: the NAT targets start conntrack, not the table. */
static int ip6table_nat_net_init(struct net *net)
{
	return nf_nat_net_get(net);
}

static void ip6table_nat_net_exit(struct net *net)
{
	nf_nat_net_put(net);
}

static const struct xt_table nf_nat_ipv6_table = {
	.name = "nat",
	.valid_hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_POST_ROUTING) |
		       (1 << NF_INET_LOCAL_OUT) | (1 << NF_INET_LOCAL_IN),
	.priority = NF_IP_PRI_NAT_DST,
	.af = NFPROTO_IPV6,
};

const struct ipt_table_ops ip6table_nat_ops = {
	.table = &nf_nat_ipv6_table,
	.hook = {
		[NF_INET_PRE_ROUTING] = nf_nat_ipv6_in,
		[NF_INET_LOCAL_IN] = nf_nat_ipv6_fn,
		[NF_INET_LOCAL_OUT] = nf_nat_ipv6_local_fn,
		[NF_INET_POST_ROUTING] = nf_nat_ipv6_fn,
	},
	.priority = {
		[NF_INET_PRE_ROUTING] = NF_IP_PRI_NAT_DST,
		[NF_INET_LOCAL_IN] = NF_IP_PRI_NAT_SRC,
		[NF_INET_LOCAL_OUT] = NF_IP_PRI_NAT_DST,
		[NF_INET_POST_ROUTING] = NF_IP_PRI_NAT_SRC,
	},
	.net_init = ip6table_nat_net_init,
	.net_exit = ip6table_nat_net_exit,
};
