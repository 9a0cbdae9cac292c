/* The filter table (net/ipv4/netfilter/iptable_filter.c): INPUT, FORWARD
 * and OUTPUT at priority NF_IP_PRI_FILTER (0), after conntrack and mangle
 * and before SNAT. */
#include "linux/netfilter_ipv4/ip_tables.h"

static unsigned int iptable_filter_hook(void *priv, struct sk_buff *skb,
					const struct nf_hook_state *state)
{
	return ipt_do_table(priv, skb, state);
}

#define FILTER_VALID_HOOKS ((1 << NF_INET_LOCAL_IN) | (1 << NF_INET_FORWARD) | \
			    (1 << NF_INET_LOCAL_OUT))

static const struct xt_table packet_filter = {
	.name = "filter",
	.valid_hooks = FILTER_VALID_HOOKS,
	.priority = NF_IP_PRI_FILTER,
	.af = NFPROTO_IPV4,
};

const struct ipt_table_ops iptable_filter_ops = {
	.table = &packet_filter,
	.hook = {
		[NF_INET_LOCAL_IN] = iptable_filter_hook,
		[NF_INET_FORWARD] = iptable_filter_hook,
		[NF_INET_LOCAL_OUT] = iptable_filter_hook,
	},
	.priority = {
		[NF_INET_LOCAL_IN] = NF_IP_PRI_FILTER,
		[NF_INET_FORWARD] = NF_IP_PRI_FILTER,
		[NF_INET_LOCAL_OUT] = NF_IP_PRI_FILTER,
	},
};
