/* ip6tables' filter table (net/ipv6/netfilter/ip6table_filter.c): INPUT,
 * FORWARD and OUTPUT at NF_IP6_PRI_FILTER (0). */
#include "linux/netfilter_ipv6/ip6_tables.h"

static unsigned int ip6table_filter_hook(void *priv, struct sk_buff *skb,
					 const struct nf_hook_state *state)
{
	return ip6t_do_table(priv, skb, state);
}

static const struct xt_table packet_filter6 = {
	.name = "filter",
	.valid_hooks = (1 << NF_INET_LOCAL_IN) | (1 << NF_INET_FORWARD) |
		       (1 << NF_INET_LOCAL_OUT),
	.priority = NF_IP_PRI_FILTER,
	.af = NFPROTO_IPV6,
};

const struct ipt_table_ops ip6table_filter_ops = {
	.table = &packet_filter6,
	.hook = {
		[NF_INET_LOCAL_IN] = ip6table_filter_hook,
		[NF_INET_FORWARD] = ip6table_filter_hook,
		[NF_INET_LOCAL_OUT] = ip6table_filter_hook,
	},
	.priority = {
		[NF_INET_LOCAL_IN] = NF_IP_PRI_FILTER,
		[NF_INET_FORWARD] = NF_IP_PRI_FILTER,
		[NF_INET_LOCAL_OUT] = NF_IP_PRI_FILTER,
	},
};
