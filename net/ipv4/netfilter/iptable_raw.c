/* The raw table (net/ipv4/netfilter/iptable_raw.c): PREROUTING and OUTPUT
 * at priority NF_IP_PRI_RAW (-300), before connection tracking, where
 * TRACE and NOTRACK/CT rules go. */
#include <stddef.h>
#include "linux/netfilter_ipv4/ip_tables.h"

static unsigned int iptable_raw_hook(void *priv, struct sk_buff *skb,
				     const struct nf_hook_state *state)
{
	return ipt_do_table(priv, skb, state);
}

static const struct xt_table packet_raw = {
	.name = "raw",
	.valid_hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_OUT),
	.priority = NF_IP_PRI_RAW,
	.af = NFPROTO_IPV4,
};

const struct ipt_table_ops iptable_raw_ops = {
	.table = &packet_raw,
	.hook = {
		[NF_INET_PRE_ROUTING] = iptable_raw_hook,
		[NF_INET_LOCAL_OUT] = iptable_raw_hook,
	},
	.priority = {
		[NF_INET_PRE_ROUTING] = NF_IP_PRI_RAW,
		[NF_INET_LOCAL_OUT] = NF_IP_PRI_RAW,
	},
};

extern const struct ipt_table_ops iptable_filter_ops;
extern const struct ipt_table_ops iptable_mangle_ops;

/* The tables that need nothing but ip_tables, searched by name. */
const struct ipt_table_ops *const ipt_core_tables[] = {
	&iptable_raw_ops,
	&iptable_mangle_ops,
	&iptable_filter_ops,
	NULL,
};
