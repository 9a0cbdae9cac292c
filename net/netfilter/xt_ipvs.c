/* -m ipvs (net/netfilter/xt_ipvs.c): properties of the IPVS connection a
 * packet belongs to.  --ipvs alone tests skb->ipvs_property (IPVS has
 * translated the packet).  Any other option implies it and looks the
 * packet up among IPVS connections as client -> real server (the inverted
 * pp->conn_out_get() lookup of the kernel), then compares the
 * connection's protocol, virtual address and port, forwarding method, the
 * virtual port of its persistence template (--vportctl), and the
 * packet's conntrack direction (--vdir). */
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_ipvs.h"
#include "net/ip.h"
#include "net/ip_vs.h"
#include "net/netfilter/nf_conntrack.h"

/* The reply lookup by the packet's addresses and ports (TCP and UDP, the
 * protocols skbox's IPVS balances). */
static struct ip_vs_conn *ipvs_mt_conn(const struct sk_buff *skb,
				       const struct xt_action_param *par)
{
	const struct iphdr *iph = ip_hdr(skb);
	__be16 ports[2], *pp;

	if (iph->protocol != IPPROTO_TCP && iph->protocol != IPPROTO_UDP)
		return NULL;
	if (par->fragoff)
		return NULL;
	pp = xt_header_pointer(skb, (int)par->thoff, sizeof(ports), ports);
	if (!pp)
		return NULL;
	/* the kernel fills the lookup inverted (ip_vs_fill_iph_skb(.., true, ..)):
	 * the packet runs client -> real server, the direction IPVS sent */
	return ip_vs_conn_out_get(xt_net(par), iph->protocol, iph->daddr, pp[1],
				  iph->saddr, pp[0]);
}

/* One property: true when it does not decide against the packet. */
static bool ipvs_mt_test(const struct xt_ipvs_mtinfo *d, u8 bit, bool equal)
{
	if (!(d->bitmask & bit))
		return true;
	return equal ^ !!(d->invert & bit);
}

static bool ipvs_mt_dir(const struct sk_buff *skb, const struct xt_ipvs_mtinfo *d)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;

	if (!(d->bitmask & XT_IPVS_DIR))
		return true;
	/* an untracked packet has no entry (Linux: nf_ct_get() gives NULL) */
	ct = nf_ct_get(skb, &ctinfo);
	if (!ct || ctinfo == IP_CT_UNTRACKED)
		return false;
	/* --vdir REPLY is stored as an inverted ORIGINAL */
	return (ctinfo < IP_CT_IS_REPLY) ^ !!(d->invert & XT_IPVS_DIR);
}

static bool ipvs_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_ipvs_mtinfo *d = par->matchinfo;
	struct ip_vs_conn *cp;

	if (d->bitmask == XT_IPVS_IPVS_PROPERTY)
		return skb->ipvs_property ^ !!(d->invert & XT_IPVS_IPVS_PROPERTY);
	if (!skb->ipvs_property)
		return false;
	if (!ipvs_mt_test(d, XT_IPVS_PROTO, ip_hdr(skb)->protocol == d->l4proto))
		return false;
	cp = ipvs_mt_conn(skb, par);
	if (!cp)
		return false;
	return ipvs_mt_test(d, XT_IPVS_VPORT, cp->vport == d->vport) &&
	       ipvs_mt_test(d, XT_IPVS_VPORTCTL,
			    cp->control && cp->control->vport == d->vportctl) &&
	       ipvs_mt_dir(skb, d) &&
	       ipvs_mt_test(d, XT_IPVS_METHOD,
			    (cp->flags & IP_VS_CONN_F_FWD_MASK) == d->fwd_method) &&
	       ipvs_mt_test(d, XT_IPVS_VADDR, !((cp->vaddr ^ d->vaddr) & d->vmask));
}

const struct xt_match xt_ipvs_match = {
	.name = "ipvs", .family = NFPROTO_IPV4, .match = ipvs_mt,
	.matchsize = sizeof(struct xt_ipvs_mtinfo),
};
