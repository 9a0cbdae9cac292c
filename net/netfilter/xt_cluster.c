/* -m cluster (net/netfilter/xt_cluster.c): nodes of a cluster that all see
 * the same packets share the flows out: the hash of the original source
 * address of the packet's conntrack entry (jhash with --cluster-hash-seed)
 * picks one of --cluster-total-nodes nodes, and the match is true when
 * that node is in --cluster-local-nodemask.  A packet for a unicast
 * address that came as PACKET_MULTICAST (the nodes answer ARP with a
 * multicast MAC) is made PACKET_HOST, as Linux does. */
#include <errno.h>
#include "linux/jhash.h"
#include "linux/netfilter/x_tables.h"
#include "net/netfilter/nf_conntrack.h"
#include "net/ip.h"
#include "net/ipv6.h"
#include "uapi/linux/netfilter/xt_extra.h"

static u32 cluster_hash(const struct nf_conn *ct, const struct xt_cluster_match_info *info)
{
	const struct nf_conntrack_tuple *t = &ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple;
	u32 hash;

	if (t->dst.v6) {
		const struct in6_addr *a = nf_ct_tuple_addr6(t, false);

		hash = jhash2_4(a->s6_addr32, info->hash_seed);
	} else {
		hash = jhash_1word(t->src.ip, info->hash_seed);
	}
	return (u32)(((u64)hash * info->total_nodes) >> 32);	/* reciprocal_scale() */
}

static bool cluster_is_multicast(const struct sk_buff *skb, u8 family)
{
	if (family == NFPROTO_IPV6)
		return ipv6_hdr(skb)->daddr.s6_addr[0] == 0xff;
	return (ntohl(ip_hdr(skb)->daddr) & 0xf0000000) == 0xe0000000;
}

static bool cluster_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_cluster_match_info *info = par->matchinfo;
	enum ip_conntrack_info ctinfo;
	const struct nf_conn *ct;

	if (!cluster_is_multicast(skb, xt_family(par)) && skb->pkt_type == PACKET_MULTICAST)
		((struct sk_buff *)skb)->pkt_type = PACKET_HOST;
	ct = nf_ct_get(skb, &ctinfo);
	if (!ct || (ct->status & IPS_UNTRACKED))
		return false;
	return !!((1U << cluster_hash(ct, info)) & info->node_mask) ^
	       !!(info->flags & XT_CLUSTER_F_INV);
}

static int cluster_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_cluster_match_info *info = par->matchinfo;

	if (info->total_nodes > XT_CLUSTER_NODES_MAX)
		return -EINVAL;
	if (info->node_mask >= (1ULL << info->total_nodes))
		return -EDOM;
	return nf_ct_netns_get_af(par->net, par->family);
}

static void cluster_mt_destroy(const struct xt_mtdtor_param *par)
{
	nf_ct_netns_put_af(par->net, par->family);
}

const struct xt_match xt_cluster_match = {
	.name = "cluster", .revision = 0, .family = NFPROTO_UNSPEC, .match = cluster_mt,
	.checkentry = cluster_mt_check, .destroy = cluster_mt_destroy,
	.matchsize = sizeof(struct xt_cluster_match_info),
};
