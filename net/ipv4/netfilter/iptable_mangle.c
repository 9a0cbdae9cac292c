/* The mangle table (net/ipv4/netfilter/iptable_mangle.c): all five hooks
 * at priority NF_IP_PRI_MANGLE (-150), after conntrack, before DNAT.
 * Linux re-routes a local packet whose mark, TOS or addresses a mangle
 * OUTPUT rule changed; skbox keeps the route already chosen. */
#include "linux/netfilter_ipv4/ip_tables.h"

static unsigned int iptable_mangle_hook(void *priv, struct sk_buff *skb,
					const struct nf_hook_state *state)
{
	return ipt_do_table(priv, skb, state);
}

static const struct xt_table packet_mangler = {
	.name = "mangle",
	.valid_hooks = (1 << NF_INET_NUMHOOKS) - 1,
	.priority = NF_IP_PRI_MANGLE,
	.af = NFPROTO_IPV4,
};

const struct ipt_table_ops iptable_mangle_ops = {
	.table = &packet_mangler,
	.hook = {
		[NF_INET_PRE_ROUTING] = iptable_mangle_hook,
		[NF_INET_LOCAL_IN] = iptable_mangle_hook,
		[NF_INET_FORWARD] = iptable_mangle_hook,
		[NF_INET_LOCAL_OUT] = iptable_mangle_hook,
		[NF_INET_POST_ROUTING] = iptable_mangle_hook,
	},
	.priority = {
		[NF_INET_PRE_ROUTING] = NF_IP_PRI_MANGLE,
		[NF_INET_LOCAL_IN] = NF_IP_PRI_MANGLE,
		[NF_INET_FORWARD] = NF_IP_PRI_MANGLE,
		[NF_INET_LOCAL_OUT] = NF_IP_PRI_MANGLE,
		[NF_INET_POST_ROUTING] = NF_IP_PRI_MANGLE,
	},
};
