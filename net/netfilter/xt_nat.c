/* The NAT targets (net/netfilter/xt_nat.c, xt_MASQUERADE.c, xt_REDIRECT.c):
 * -j DNAT / SNAT (revision 2, struct nf_nat_range2), MASQUERADE and
 * REDIRECT.  Only the nat table runs them, only for the first packet of a
 * connection, at the hooks Linux allows (DNAT and REDIRECT at PREROUTING and
 * OUTPUT, SNAT at POSTROUTING and INPUT, MASQUERADE at POSTROUTING; else
 * the rule is refused with EINVAL).  Each one decides the connection's
 * mapping through nf_nat_setup_info() and accepts.  Each rule holds
 * conntrack running in its namespace (nf_ct_netns_get in checkentry). */
#include "linux/netfilter/x_tables.h"
#include "net/netfilter/nf_nat.h"

static unsigned int xt_snat_target_v2(struct sk_buff *skb, const struct xt_action_param *par)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);

	if (!ct || ctinfo == IP_CT_UNTRACKED)
		return NF_ACCEPT;
	return nf_nat_setup_info(ct, par->targinfo, NF_NAT_MANIP_SRC);
}

static unsigned int xt_dnat_target_v2(struct sk_buff *skb, const struct xt_action_param *par)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);

	if (!ct || ctinfo == IP_CT_UNTRACKED)
		return NF_ACCEPT;
	return nf_nat_setup_info(ct, par->targinfo, NF_NAT_MANIP_DST);
}

static unsigned int masquerade_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	return nf_nat_masquerade_ipv4(skb, xt_hooknum(par), par->targinfo, xt_out(par));
}

static unsigned int redirect_tg4(struct sk_buff *skb, const struct xt_action_param *par)
{
	return nf_nat_redirect_ipv4(skb, par->targinfo, xt_hooknum(par));
}

static int xt_nat_checkentry(const struct xt_tgchk_param *par)
{
	return nf_ct_netns_get(par->net);
}

static void xt_nat_destroy(const struct xt_tgdtor_param *par)
{
	nf_ct_netns_put(par->net);
}

const struct xt_target xt_snat_target = {
	.name = "SNAT", .revision = 2, .family = NFPROTO_IPV4, .target = xt_snat_target_v2,
	.targetsize = sizeof(struct nf_nat_range2), .table = "nat",
	.checkentry = xt_nat_checkentry, .destroy = xt_nat_destroy,
	.hooks = (1 << NF_INET_POST_ROUTING) | (1 << NF_INET_LOCAL_IN),
};

const struct xt_target xt_dnat_target = {
	.name = "DNAT", .revision = 2, .family = NFPROTO_IPV4, .target = xt_dnat_target_v2,
	.targetsize = sizeof(struct nf_nat_range2), .table = "nat",
	.checkentry = xt_nat_checkentry, .destroy = xt_nat_destroy,
	.hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_OUT),
};

const struct xt_target xt_masquerade_target = {
	.name = "MASQUERADE", .family = NFPROTO_IPV4, .target = masquerade_tg,
	.targetsize = sizeof(struct nf_nat_range2), .table = "nat",
	.checkentry = xt_nat_checkentry, .destroy = xt_nat_destroy,
	.hooks = 1 << NF_INET_POST_ROUTING,
};

const struct xt_target xt_redirect_target = {
	.name = "REDIRECT", .family = NFPROTO_IPV4, .target = redirect_tg4,
	.targetsize = sizeof(struct nf_nat_range2), .table = "nat",
	.checkentry = xt_nat_checkentry, .destroy = xt_nat_destroy,
	.hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_OUT),
};

/* ip6tables' NAT targets (ip6t_MASQUERADE, REDIRECT's IPv6 half, xt_nat's
 * NFPROTO_IPV6 entries): the same info, IPv6 addresses in min_addr6 /
 * max_addr6; conntrack for IPv6 held while the rule exists. */
static unsigned int masquerade_tg6(struct sk_buff *skb, const struct xt_action_param *par)
{
	return nf_nat_masquerade_ipv6(skb, par->targinfo, xt_out(par));
}

static unsigned int redirect_tg6(struct sk_buff *skb, const struct xt_action_param *par)
{
	return nf_nat_redirect_ipv6(skb, par->targinfo, xt_hooknum(par));
}

static int xt_nat_checkentry6(const struct xt_tgchk_param *par)
{
	return nf_ct_netns_get_af(par->net, NFPROTO_IPV6);
}

static void xt_nat_destroy6(const struct xt_tgdtor_param *par)
{
	nf_ct_netns_put_af(par->net, NFPROTO_IPV6);
}

const struct xt_target xt_snat_target6 = {
	.name = "SNAT", .revision = 2, .family = NFPROTO_IPV6, .target = xt_snat_target_v2,
	.targetsize = sizeof(struct nf_nat_range2), .table = "nat",
	.checkentry = xt_nat_checkentry6, .destroy = xt_nat_destroy6,
	.hooks = (1 << NF_INET_POST_ROUTING) | (1 << NF_INET_LOCAL_IN),
};

const struct xt_target xt_dnat_target6 = {
	.name = "DNAT", .revision = 2, .family = NFPROTO_IPV6, .target = xt_dnat_target_v2,
	.targetsize = sizeof(struct nf_nat_range2), .table = "nat",
	.checkentry = xt_nat_checkentry6, .destroy = xt_nat_destroy6,
	.hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_OUT),
};

const struct xt_target xt_masquerade_target6 = {
	.name = "MASQUERADE", .family = NFPROTO_IPV6, .target = masquerade_tg6,
	.targetsize = sizeof(struct nf_nat_range2), .table = "nat",
	.checkentry = xt_nat_checkentry6, .destroy = xt_nat_destroy6,
	.hooks = 1 << NF_INET_POST_ROUTING,
};

const struct xt_target xt_redirect_target6 = {
	.name = "REDIRECT", .family = NFPROTO_IPV6, .target = redirect_tg6,
	.targetsize = sizeof(struct nf_nat_range2), .table = "nat",
	.checkentry = xt_nat_checkentry6, .destroy = xt_nat_destroy6,
	.hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_OUT),
};
