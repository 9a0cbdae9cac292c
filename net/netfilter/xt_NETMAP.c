/* -j NETMAP (net/netfilter/xt_NETMAP.c, IPv4 and IPv6): static 1:1 mapping of a
 * whole network.  The rule holds the target network as a range whose
 * low end is the network and whose bits that differ are the host part;
 * the packet keeps its host part and takes the network's prefix.  At
 * PREROUTING and OUTPUT the destination is mapped, at POSTROUTING and
 * INPUT the source (HOOK2MANIP), for the first packet of a connection,
 * through nf_nat_setup_info(). */
#include "linux/netfilter/x_tables.h"
#include <errno.h>
#include <string.h>
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/netfilter/nf_nat.h"

static unsigned int netmap_tg4(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct nf_nat_range2 *r = par->targinfo;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	unsigned int hooknum = xt_hooknum(par);
	struct nf_nat_range2 newrange;
	__be32 netmask, new_ip;

	if (!ct || ctinfo == IP_CT_UNTRACKED)
		return NF_ACCEPT;
	netmask = ~(r->min_addr ^ r->max_addr);
	if (hook2manip(hooknum) == NF_NAT_MANIP_DST)
		new_ip = ip_hdr(skb)->daddr & ~netmask;
	else
		new_ip = ip_hdr(skb)->saddr & ~netmask;
	new_ip |= r->min_addr & netmask;
	memset(&newrange, 0, sizeof(newrange));
	newrange.flags = r->flags | NF_NAT_RANGE_MAP_IPS;
	newrange.min_addr = newrange.max_addr = new_ip;
	newrange.min_proto = r->min_proto;
	newrange.max_proto = r->max_proto;
	return nf_nat_setup_info(ct, &newrange, hook2manip(hooknum));
}

/* Linux refuses a range without addresses ("bad MAP_IPS"). */
static int netmap_tg4_check(const struct xt_tgchk_param *par)
{
	const struct nf_nat_range2 *r = par->targinfo;

	if (!(r->flags & NF_NAT_RANGE_MAP_IPS))
		return -EINVAL;
	return nf_ct_netns_get(par->net);
}

static void netmap_tg_destroy(const struct xt_tgdtor_param *par)
{
	nf_ct_netns_put(par->net);
}

const struct xt_target xt_netmap_target = {
	.name = "NETMAP", .family = NFPROTO_IPV4, .target = netmap_tg4,
	.targetsize = sizeof(struct nf_nat_range2), .table = "nat",
	.checkentry = netmap_tg4_check, .destroy = netmap_tg_destroy,
	.hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_POST_ROUTING) |
		 (1 << NF_INET_LOCAL_OUT) | (1 << NF_INET_LOCAL_IN),
};

/* IPv6 (netmap_tg6): the same per 32-bit word of the address. */
static unsigned int netmap_tg6(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct nf_nat_range2 *r = par->targinfo;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	enum nf_nat_manip_type m = hook2manip(xt_hooknum(par));
	const struct ipv6hdr *ip6h = ipv6_hdr(skb);
	struct nf_nat_range2 newrange;
	struct in6_addr new_addr;

	if (!ct || ctinfo == IP_CT_UNTRACKED)
		return NF_ACCEPT;
	new_addr = m == NF_NAT_MANIP_DST ? ip6h->daddr : ip6h->saddr;
	for (int i = 0; i < 4; i++) {
		__be32 netmask = ~(r->min_addr6.s6_addr32[i] ^ r->max_addr6.s6_addr32[i]);

		new_addr.s6_addr32[i] = (new_addr.s6_addr32[i] & ~netmask) |
					(r->min_addr6.s6_addr32[i] & netmask);
	}
	memset(&newrange, 0, sizeof(newrange));
	newrange.flags = r->flags | NF_NAT_RANGE_MAP_IPS;
	newrange.min_addr6 = newrange.max_addr6 = new_addr;
	newrange.min_proto = r->min_proto;
	newrange.max_proto = r->max_proto;
	return nf_nat_setup_info(ct, &newrange, m);
}

static int netmap_tg6_check(const struct xt_tgchk_param *par)
{
	const struct nf_nat_range2 *r = par->targinfo;

	if (!(r->flags & NF_NAT_RANGE_MAP_IPS))
		return -EINVAL;
	return nf_ct_netns_get_af(par->net, NFPROTO_IPV6);
}

static void netmap_tg6_destroy(const struct xt_tgdtor_param *par)
{
	nf_ct_netns_put_af(par->net, NFPROTO_IPV6);
}

const struct xt_target xt_netmap_target6 = {
	.name = "NETMAP", .family = NFPROTO_IPV6, .target = netmap_tg6,
	.targetsize = sizeof(struct nf_nat_range2), .table = "nat",
	.checkentry = netmap_tg6_check, .destroy = netmap_tg6_destroy,
	.hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_POST_ROUTING) |
		 (1 << NF_INET_LOCAL_OUT) | (1 << NF_INET_LOCAL_IN),
};
