/* ip6tables' raw table (net/ipv6/netfilter/ip6table_raw.c): PREROUTING and
 * OUTPUT at NF_IP6_PRI_RAW (-300), before conntrack.  Also the registry of
 * the tables that need nothing but ip6_tables. */
#include "linux/netfilter_ipv6/ip6_tables.h"

static unsigned int ip6table_raw_hook(void *priv, struct sk_buff *skb,
				      const struct nf_hook_state *state)
{
	return ip6t_do_table(priv, skb, state);
}

static const struct xt_table packet_raw6 = {
	.name = "raw",
	.valid_hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_OUT),
	.priority = NF_IP_PRI_RAW,
	.af = NFPROTO_IPV6,
};

static const struct ipt_table_ops ip6table_raw_ops = {
	.table = &packet_raw6,
	.hook = {
		[NF_INET_PRE_ROUTING] = ip6table_raw_hook,
		[NF_INET_LOCAL_OUT] = ip6table_raw_hook,
	},
	.priority = {
		[NF_INET_PRE_ROUTING] = NF_IP_PRI_RAW,
		[NF_INET_LOCAL_OUT] = NF_IP_PRI_RAW,
	},
};

extern const struct ipt_table_ops ip6table_filter_ops;
extern const struct ipt_table_ops ip6table_mangle_ops;

const struct ipt_table_ops *const ip6t_core_tables[] = {
	&ip6table_raw_ops,
	&ip6table_mangle_ops,
	&ip6table_filter_ops,
	NULL,
};
