/* ip6tables' mangle table (net/ipv6/netfilter/ip6table_mangle.c): all five
 * hooks at NF_IP6_PRI_MANGLE (-150).  Linux re-routes a local packet whose
 * mark or addresses a mangle OUTPUT rule changed; skbox keeps the route. */
#include "linux/netfilter_ipv6/ip6_tables.h"

static unsigned int ip6table_mangle_hook(void *priv, struct sk_buff *skb,
					 const struct nf_hook_state *state)
{
	return ip6t_do_table(priv, skb, state);
}

static const struct xt_table packet_mangler6 = {
	.name = "mangle",
	.valid_hooks = (1 << NF_INET_NUMHOOKS) - 1,
	.priority = NF_IP_PRI_MANGLE,
	.af = NFPROTO_IPV6,
};

const struct ipt_table_ops ip6table_mangle_ops = {
	.table = &packet_mangler6,
	.hook = {
		[NF_INET_PRE_ROUTING] = ip6table_mangle_hook,
		[NF_INET_LOCAL_IN] = ip6table_mangle_hook,
		[NF_INET_FORWARD] = ip6table_mangle_hook,
		[NF_INET_LOCAL_OUT] = ip6table_mangle_hook,
		[NF_INET_POST_ROUTING] = ip6table_mangle_hook,
	},
	.priority = {
		[NF_INET_PRE_ROUTING] = NF_IP_PRI_MANGLE,
		[NF_INET_LOCAL_IN] = NF_IP_PRI_MANGLE,
		[NF_INET_FORWARD] = NF_IP_PRI_MANGLE,
		[NF_INET_LOCAL_OUT] = NF_IP_PRI_MANGLE,
		[NF_INET_POST_ROUTING] = NF_IP_PRI_MANGLE,
	},
};
