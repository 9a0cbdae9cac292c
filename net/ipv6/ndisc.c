/* Neighbour discovery (net/ipv6/ndisc.c, RFC 4861): nd_tbl resolves IPv6
 * next hops with the neighbour core's NUD machine.  ndisc_solicit() sends a
 * neighbour solicitation — to the solicited-node group ff02::1:ffXX:XXXX
 * (33:33:ff:XX:XX:XX) while INCOMPLETE, unicast when re-probing — and
 * ndisc_rcv() answers solicitations for our addresses with a solicited
 * advertisement (learning the sender, STALE) and takes advertisements
 * (REACHABLE when solicited).  Duplicate address detection: probes from
 * :: (ndisc_send_ns with a nonce), a probe or an advertisement for one of
 * our tentative addresses fails its DAD (addrconf_dad_failure), a probe
 * for a usable one is answered to all nodes.  Router solicitations
 * (ndisc_send_rs) from hosts; a router learns the sender of one.
 * Router advertisements (ndisc_router_discovery) on a host (accept_ra, or
 * accept_ra=2 with forwarding): the default route `proto ra` via the
 * router with its lifetime and hop limit (accept_ra_defrtr), the MTU
 * option (accept_ra_mtu), prefix information to addrconf_prefix_rcv
 * (accept_ra_pinfo), the router's neighbour entry STALE and `router`.
 * Redirects (RFC 4861 8): a router sends one when a packet leaves by the
 * device it came in on (ndisc_send_redirect, from ip6_forward); a host
 * with the device's accept_redirects and not forwarding takes one from
 * its first-hop router as a route exception (ndisc_redirect_rcv). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "linux/printk.h"
#include "linux/netdevice.h"
#include "linux/slab.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ip_fib.h"
#include "net/ipv6.h"
#include "net/icmp.h"
#include "net/ndisc.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/world.h"
#include "uapi/rtnetlink.h"

static void ndisc_solicit(struct neighbour *n, struct sk_buff *skb);
static void ndisc_error_report(struct neighbour *n, struct sk_buff *skb);

static const struct neigh_ops ndisc_hh_ops = {
	.solicit = ndisc_solicit,
	.error_report = ndisc_error_report,
	.output = neigh_resolve_output,
	.connected_output = neigh_connected_output,
};

static int ndisc_constructor(struct neighbour *n)
{
	struct net_device *dev = n->dev;
	const struct in6_addr *addr = (const struct in6_addr *)n->primary_key6;

	if (!__in6_dev_get(dev))
		return -EINVAL;
	n->ops = &ndisc_hh_ops;
	n->type = ipv6_addr_is_multicast(addr) ? RTN_MULTICAST : RTN_UNICAST;
	if (n->type == RTN_MULTICAST && dev->type == ARPHRD_ETHER) {
		n->nud_state = NUD_NOARP;
		ipv6_eth_mc_map(addr, n->ha);
	} else if (dev->flags & (IFF_NOARP | IFF_LOOPBACK) || !dev->addr_len) {
		n->nud_state = NUD_NOARP;
		memcpy(n->ha, dev->dev_addr, dev->addr_len);
	}
	n->output = (n->nud_state & NUD_VALID) ? ndisc_hh_ops.connected_output :
						 ndisc_hh_ops.output;
	return 0;
}

/* ndisc_send_skb(): out of dev from exactly saddr (:: for DAD probes),
 * hop limit 255 */
static void ndisc_send_skb(struct net_device *dev, const struct in6_addr *saddr,
			   const struct in6_addr *daddr, u8 *msg, unsigned int len)
{
	struct net *net = dev_net(dev);
	struct dst_entry *dst;
	struct sk_buff *skb;
	struct in6_addr src;
	int err;

	if (!ipv6_addr_any(saddr)) {
		icmpv6_xmit(net, saddr, daddr, dev->ifindex, msg, len, 255);
		return;
	}
	memset(&src, 0, sizeof(src));
	if (!(dst = ip6_route_output(net, daddr, &src, dev->ifindex, &err)))
		return;
	skb = alloc_skb(&net->world->skb_pool, NET_SKB_PAD + 64 + 40 + len);
	if (!skb) {
		dst_release(dst);
		return;
	}
	skb_reserve(skb, NET_SKB_PAD + 64 + 40);
	msg[2] = msg[3] = 0;
	memcpy(msg + 2, &(__sum16){ csum_ipv6_magic(&src, daddr, len, IPPROTO_ICMPV6,
						    ipv6_csum_partial(msg, len, 0)) }, 2);
	skb_put_data(skb, msg, len);
	skb_reset_transport_header(skb);
	skb_dst_set(skb, dst);
	skb->dev = dev;
	__ICMP6_INC_STATS(net, ICMP6_MIB_OUTMSGS);
	net->ipv6.icmp6msg_out[msg[0]]++;
	ip6_xmit(net, skb, &src, daddr, IPPROTO_ICMPV6, 255);
}

/* NS/NA: the ICMPv6 header, the target, a link-layer address option and
 * (DAD probes of enhanced DAD) a nonce option. */
static void ndisc_send_nonce(struct net_device *dev, u8 type, u32 flags,
			     const struct in6_addr *target, const struct in6_addr *saddr,
			     const struct in6_addr *daddr, u8 opt, u64 nonce)
{
	u8 buf[sizeof(struct nd_msg) + 16];
	struct nd_msg *m = (struct nd_msg *)buf;
	unsigned int len = sizeof(*m);

	memset(buf, 0, sizeof(buf));
	m->icmp6_type = type;
	m->icmp6_flags = htonl(flags);
	m->target = *target;
	if (opt && dev->addr_len == ETH_ALEN) {
		m->opt[0] = opt;
		m->opt[1] = 1;		/* in units of 8 octets */
		memcpy(m->opt + 2, dev->dev_addr, ETH_ALEN);
		len += 8;
	}
	if (nonce) {
		u8 *o = buf + len;

		o[0] = ND_OPT_NONCE;
		o[1] = 1;
		for (int i = 0; i < 6; i++)
			o[2 + i] = (u8)(nonce >> (8 * (5 - i)));
		len += 8;
	}
	ndisc_send_skb(dev, saddr, daddr, buf, len);
}

static void ndisc_send(struct net_device *dev, u8 type, u32 flags, const struct in6_addr *target,
		       const struct in6_addr *saddr, const struct in6_addr *daddr, u8 opt)
{
	ndisc_send_nonce(dev, type, flags, target, saddr, daddr, opt, 0);
}

/* ndisc_send_ns(): from :: (DAD) without a source link-layer option */
void ndisc_send_ns(struct net_device *dev, const struct in6_addr *target,
		   const struct in6_addr *daddr, const struct in6_addr *saddr, u64 nonce)
{
	ndisc_send_nonce(dev, NDISC_NEIGHBOUR_SOLICITATION, 0, target, saddr, daddr,
			 ipv6_addr_any(saddr) ? 0 : ND_OPT_SOURCE_LL_ADDR, nonce);
}

/* ndisc_send_rs(): to ff02::2 with our link-layer address */
void ndisc_send_rs(struct net_device *dev, const struct in6_addr *saddr)
{
	static const struct in6_addr all_routers = { { { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0,
							 0, 0, 0, 0, 2 } } };
	u8 buf[16];
	unsigned int len = 8;

	memset(buf, 0, sizeof(buf));
	buf[0] = NDISC_ROUTER_SOLICITATION;
	if (!ipv6_addr_any(saddr) && dev->addr_len == ETH_ALEN) {
		buf[8] = ND_OPT_SOURCE_LL_ADDR;
		buf[9] = 1;
		memcpy(buf + 10, dev->dev_addr, ETH_ALEN);
		len += 8;
	}
	icmpv6_xmit(dev_net(dev), saddr, &all_routers, dev->ifindex, buf, len, 255);
}

static void ndisc_solicit(struct neighbour *n, struct sk_buff *skb)
{
	struct net_device *dev = n->dev;
	const struct in6_addr *target = (const struct in6_addr *)n->primary_key6;
	struct in6_addr saddr, mcaddr;
	const struct in6_addr *daddr = target;
	int probes = n->probes - NEIGH_VAR(n->parms, UCAST_PROBES);

	/* an IPv4 packet waits here too when its route's gateway is an IPv6
	 * address (RFC 5549); its header has no IPv6 source */
	if (skb && skb->protocol == htons(ETH_P_IPV6) &&
	    ipv6_chk_addr(dev_net(dev), &ipv6_hdr(skb)->saddr, dev))
		saddr = ipv6_hdr(skb)->saddr;
	else if (ipv6_dev_get_saddr(dev_net(dev), dev, target, &saddr))
		return;
	if (probes >= 0) {
		if (probes - NEIGH_VAR(n->parms, APP_PROBES) < 0)
			return;		/* the application's turn (app_solicit) */
		addrconf_addr_solict_mult(target, &mcaddr);
		daddr = &mcaddr;
	}
	ndisc_send(dev, NDISC_NEIGHBOUR_SOLICITATION, 0, target, &saddr, daddr,
		   ND_OPT_SOURCE_LL_ADDR);
}

/* Resolution failed: address unreachable to the sender of what waited. */
static void ndisc_error_report(struct neighbour *n, struct sk_buff *skb)
{
	(void)n;
	skb_drop_hint(skb, "no neighbour advertisement from the next hop");
	/* dst_link_failure(): each family's own error (ipv4_link_failure for
	 * an IPv4 packet routed through an IPv6 gateway) */
	if (skb_dst(skb) && skb->protocol == htons(ETH_P_IP))
		icmp_send(skb, 3 /* ICMP_DEST_UNREACH */, 1 /* ICMP_HOST_UNREACH */, 0);
	else if (skb_dst(skb))
		icmpv6_send(skb, 1 /* DEST_UNREACH */, 3 /* ADDR_UNREACH */, 0);
	kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_FAILED);
}

/* The link-layer address option of type `want`, or NULL. */
static const u8 *ndisc_opt_lladdr(const struct sk_buff *skb, u8 want, bool *bad)
{
	const u8 *p = skb->data + sizeof(struct nd_msg), *end = skb->data + skb->len;
	const u8 *found = NULL;

	*bad = false;
	while (p + 2 <= end) {
		unsigned int l = p[1] * 8u;

		if (!l || p + l > end) {
			*bad = true;
			return NULL;
		}
		if (p[0] == want && l >= 2 + ETH_ALEN)
			found = p + 2;
		p += l;
	}
	return found;
}

/* The nonce option of a DAD probe (0: none) */
static u64 ndisc_opt_nonce(const struct sk_buff *skb)
{
	const u8 *p = skb->data + sizeof(struct nd_msg), *end = skb->data + skb->len;
	u64 nonce = 0;

	while (p + 2 <= end && p[1] && p + p[1] * 8u <= end) {
		if (p[0] == ND_OPT_NONCE && p[1] == 1)
			for (int i = 0; i < 6; i++)
				nonce = nonce << 8 | p[2 + i];
		p += p[1] * 8u;
	}
	return nonce;
}

static bool ipv6_addr_is_solict_mult(const struct in6_addr *a)
{
	static const u8 pfx[13] = { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0xff };

	return !memcmp(a->s6_addr, pfx, sizeof(pfx));
}

static int ndisc_recv_ns(struct sk_buff *skb)
{
	static const struct in6_addr all_nodes = { { { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
						       0, 0, 0, 1 } } };
	struct net_device *dev = skb->dev;
	struct net *net = dev_net(dev);
	const struct nd_msg *m = (const struct nd_msg *)skb->data;
	const struct ipv6hdr *hdr = ipv6_hdr(skb);
	struct in6_addr saddr = hdr->saddr, target = m->target;
	bool dad = ipv6_addr_any(&saddr), bad, router;
	struct inet6_ifaddr *ifp;
	const u8 *lladdr;
	struct neighbour *n;
	u32 flags = ND_NA_SOLICITED | ND_NA_OVERRIDE;

	lladdr = ndisc_opt_lladdr(skb, ND_OPT_SOURCE_LL_ADDR, &bad);
	if (bad || (dad && lladdr)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS);
		return 0;
	}
	if (dad && !ipv6_addr_is_solict_mult(&hdr->daddr)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS);
		return 0;
	}
	ifp = ipv6_get_ifaddr(net, &target, dev);
	if (!ifp) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_NS_OTHERHOST);
		return 0;
	}
	if (ifp->flags & (IFA_F_TENTATIVE | IFA_F_OPTIMISTIC)) {
		/* another node's DAD for our tentative address: ours fails,
		 * unless it is our own probe looped back (same nonce) */
		if (dad && !(ifp->flags & IFA_F_DADFAILED)) {
			u64 nonce = ndisc_opt_nonce(skb);

			if (!nonce || nonce != ifp->dad_nonce)
				addrconf_dad_failure(skb, ifp);
		}
		consume_skb(skb);
		return 0;
	}
	router = net->ipv6.devconf_all.data[DEVCONF_FORWARDING] != 0;
	if (dad) {
		/* defend: an unsolicited advertisement to all nodes */
		consume_skb(skb);
		ndisc_send(dev, NDISC_NEIGHBOUR_ADVERTISEMENT,
			   ND_NA_OVERRIDE | (router ? ND_NA_ROUTER : 0), &target, &target,
			   &all_nodes, ND_OPT_TARGET_LL_ADDR);
		return 0;
	}
	n = __neigh_lookup(&net->ipv6.nd_tbl, &saddr, dev, lladdr || !dev->addr_len);
	if (n) {
		neigh_update(n, lladdr, NUD_STALE,
			     NEIGH_UPDATE_F_WEAK_OVERRIDE | NEIGH_UPDATE_F_OVERRIDE, 0);
		neigh_release(n);
	}
	if (router)
		flags |= ND_NA_ROUTER;
	consume_skb(skb);
	ndisc_send(dev, NDISC_NEIGHBOUR_ADVERTISEMENT, flags, &target, &target, &saddr,
		   ND_OPT_TARGET_LL_ADDR);
	return 0;
}

static int ndisc_recv_na(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct net *net = dev_net(dev);
	const struct nd_msg *m = (const struct nd_msg *)skb->data;
	u32 flags = ntohl(m->icmp6_flags);
	struct inet6_ifaddr *ifp;
	const u8 *lladdr;
	struct neighbour *n;
	bool bad;

	lladdr = ndisc_opt_lladdr(skb, ND_OPT_TARGET_LL_ADDR, &bad);
	if (bad) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS);
		return 0;
	}
	ifp = ipv6_get_ifaddr(net, &m->target, dev);
	if (ifp) {
		if (skb->pkt_type != PACKET_LOOPBACK && (ifp->flags & IFA_F_TENTATIVE)) {
			if (!(ifp->flags & IFA_F_DADFAILED))
				addrconf_dad_failure(skb, ifp);
		} else if (skb->pkt_type != PACKET_LOOPBACK && net_ratelimit(net->world)) {
			char a[INET6_ADDRSTRLEN];
			const u8 *t = m->target.s6_addr;

			snprintf(a, sizeof(a), "%02x%02x:%02x%02x:%02x%02x:%02x%02x:%02x%02x:"
				 "%02x%02x:%02x%02x:%02x%02x", t[0], t[1], t[2], t[3], t[4], t[5],
				 t[6], t[7], t[8], t[9], t[10], t[11], t[12], t[13], t[14], t[15]);
			klog(net->world, "ICMPv6: ndisc_recv_na: someone advertises our address "
					 "%s on %s!\n", a, dev->name);
		}
		consume_skb(skb);
		return 0;
	}
	n = neigh_lookup(&net->ipv6.nd_tbl, &m->target, dev);
	if (n) {
		neigh_update(n, lladdr, (flags & ND_NA_SOLICITED) ? NUD_REACHABLE : NUD_STALE,
			     NEIGH_UPDATE_F_WEAK_OVERRIDE |
			     ((flags & ND_NA_OVERRIDE) ? NEIGH_UPDATE_F_OVERRIDE : 0), 0);
		/* NEIGH_UPDATE_F_OVERRIDE_ISROUTER: the R flag says whether it
		 * is a router (`ip -6 neigh` shows "router") */
		if (flags & ND_NA_ROUTER)
			n->flags |= NTF_ROUTER;
		else
			n->flags &= (u8)~NTF_ROUTER;
		neigh_release(n);
	}
	consume_skb(skb);
	return 0;
}

/* ndisc_recv_rs(): a router learns the host's link-layer address (STALE);
 * hosts ignore solicitations */
static int ndisc_recv_rs(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct net *net = dev_net(dev);
	struct inet6_dev *idev = __in6_dev_get(dev);
	const struct ipv6hdr *hdr = ipv6_hdr(skb);
	const u8 *p = skb->data + 8, *end = skb->data + skb->len, *lladdr = NULL;
	struct in6_addr saddr = hdr->saddr;
	struct neighbour *n;

	if (skb->len < 8) {
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return 0;
	}
	if (!idev || !idev->cnf.data[DEVCONF_FORWARDING] || ipv6_addr_any(&saddr)) {
		consume_skb(skb);
		return 0;
	}
	for (; p + 2 <= end; p += p[1] * 8u) {
		if (!p[1] || p + p[1] * 8u > end) {
			kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS);
			return 0;
		}
		if (p[0] == ND_OPT_SOURCE_LL_ADDR && p[1] * 8u >= 2u + ETH_ALEN)
			lladdr = p + 2;
	}
	n = __neigh_lookup(&net->ipv6.nd_tbl, &saddr, dev, 1);
	if (n) {
		neigh_update(n, lladdr, NUD_STALE,
			     NEIGH_UPDATE_F_WEAK_OVERRIDE | NEIGH_UPDATE_F_OVERRIDE |
			     NEIGH_UPDATE_F_OVERRIDE_ISROUTER, 0);
		neigh_release(n);
	}
	consume_skb(skb);
	return 0;
}

/* ---- router advertisements (ndisc_router_discovery) ---- */

int ndisc_parse_options(const u8 *opt, unsigned int len, struct ndisc_options *o)
{
	memset(o, 0, sizeof(*o));
	while (len) {
		unsigned int l;

		if (len < 2)
			return -EINVAL;
		l = opt[1] * 8u;
		if (!l || l > len)
			return -EINVAL;
		switch (opt[0]) {
		case ND_OPT_SOURCE_LL_ADDR:
			if (!o->src_lladdr)
				o->src_lladdr = opt;
			break;
		case ND_OPT_TARGET_LL_ADDR:
			if (!o->tgt_lladdr)
				o->tgt_lladdr = opt;
			break;
		case ND_OPT_MTU:
			if (!o->mtu)
				o->mtu = opt;
			break;
		case ND_OPT_NONCE:
			if (!o->nonce)
				o->nonce = opt;
			break;
		case ND_OPT_REDIRECT_HDR:
			if (!o->rh)
				o->rh = opt;
			break;
		case ND_OPT_PREFIX_INFO:
			if (o->n_pi < ND_MAX_PREFIX_INFO)
				o->pi[o->n_pi++] = opt;
			break;
		default:	/* unknown options are skipped (RFC 4861 4.6) */
			break;
		}
		opt += l;
		len -= l;
	}
	return 0;
}

/* From a link-local source, 16 bytes of header, valid options, a
 * link-layer address option of the device's length. */
int ndisc_ra_check(const u8 *msg, unsigned int len, const struct in6_addr *saddr,
		   struct ndisc_options *o)
{
	if (!ipv6_addr_linklocal(saddr))
		return SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS;
	if (len < 16)
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	if (ndisc_parse_options(msg + 16, len - 16, o))
		return SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS;
	if (o->src_lladdr && o->src_lladdr[1] * 8u < 2u + ETH_ALEN)
		return SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS;
	if (o->mtu && o->mtu[1] != 1)
		return SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS;
	return 0;
}

static bool ipv6_accept_ra(const struct inet6_dev *idev)
{
	return idev->cnf.data[DEVCONF_FORWARDING] ? idev->cnf.data[DEVCONF_ACCEPT_RA] == 2 :
						  idev->cnf.data[DEVCONF_ACCEPT_RA] != 0;
}

struct dflt_match {
	const struct in6_addr *gw;
	const struct net_device *dev;
	struct fib6_info *found;
};

static int dflt_match(struct fib6_info *f, void *arg)
{
	struct dflt_match *m = arg;

	if (!m->found && !f->fib6_dst_len && f->fib6_protocol == RTPROT_RA &&
	    f->fib6_nh_has_gw && ipv6_addr_equal(&f->fib6_nh_gw, m->gw) && f->fib6_nh_dev == m->dev)
		m->found = f;
	return 0;
}

/* rt6_get_dflt_router() */
static struct fib6_info *rt6_get_dflt_router(struct net *net, const struct in6_addr *gw,
					     const struct net_device *dev)
{
	struct fib6_table *tb = fib6_get_table(net, RT_TABLE_MAIN);
	struct dflt_match m = { gw, dev, NULL };

	if (tb)
		fib6_walk(tb, dflt_match, &m);
	return m.found;
}

/* rt6_add_dflt_router(): default via the router, proto ra, metric 1024 */
static struct fib6_info *rt6_add_dflt_router(struct net *net, const struct in6_addr *gw,
					     struct net_device *dev)
{
	struct fib6_config cfg;

	memset(&cfg, 0, sizeof(cfg));
	cfg.fc_table = RT_TABLE_MAIN;
	cfg.fc_metric = IP6_RT_PRIO_USER;
	cfg.fc_metric_set = true;
	cfg.fc_gateway = *gw;
	cfg.fc_has_gw = true;
	cfg.fc_ifindex = dev->ifindex;
	cfg.fc_type = RTN_UNICAST;
	cfg.fc_protocol = RTPROT_RA;
	cfg.fc_proto_set = true;
	cfg.fc_flags = RTF_GATEWAY | RTF_ADDRCONF | RTF_EXPIRES;
	cfg.fc_nlflags = NLM_F_CREATE;
	if (ip6_route_add(net, &cfg, NULL))
		return NULL;
	return rt6_get_dflt_router(net, gw, dev);
}

/* The default router part: its route with the lifetime and hop limit */
static struct fib6_info *ndisc_ra_defrtr(struct sk_buff *skb, struct inet6_dev *idev,
					 const u8 *ra)
{
	struct net_device *dev = skb->dev;
	struct net *net = dev_net(dev);
	const struct in6_addr *saddr = &ipv6_hdr(skb)->saddr;
	u32 lifetime = (u32)ra[6] << 8 | ra[7];
	struct fib6_info *rt;

	if (!idev->cnf.data[DEVCONF_ACCEPT_RA_DEFRTR] || ipv6_chk_addr(net, saddr, dev))
		return NULL;
	rt = rt6_get_dflt_router(net, saddr, dev);
	if (rt && !lifetime) {
		fib6_del(rt);
		rt = NULL;
	}
	if (!rt && lifetime)
		rt = rt6_add_dflt_router(net, saddr, dev);
	if (rt)
		rt->fib6_expires = world_now(net->world) + (u64)lifetime * NSEC_PER_SEC;
	if (rt)
		addrconf_verify_schedule(idev, rt->fib6_expires);
	if (ra[4]) {		/* cur hop limit (accept_ra_min_hop_limit 1) */
		idev->cnf.data[DEVCONF_HOP_LIMIT] = ra[4];
		if (rt)
			rt->fib6_hoplimit = ra[4];
	}
	return rt;
}

static void ndisc_ra_mtu(struct inet6_dev *idev, struct fib6_info *rt, const u8 *opt)
{
	u32 mtu = (u32)opt[4] << 24 | (u32)opt[5] << 16 | (u32)opt[6] << 8 | opt[7];

	if (!idev->cnf.data[DEVCONF_ACCEPT_RA_MTU])
		return;
	if (mtu < IPV6_MIN_MTU || mtu > idev->dev->mtu)
		return;		/* "RA: invalid mtu" */
	idev->cnf.data[DEVCONF_MTU] = (int)mtu;
	if (rt)
		rt->fib6_mtu = mtu;
}

static int ndisc_router_discovery(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct net *net = dev_net(dev);
	struct inet6_dev *idev = __in6_dev_get(dev);
	struct fib6_info *rt = NULL;
	struct ndisc_options o;
	struct neighbour *n;
	int reason;

	reason = ndisc_ra_check(skb->data, skb->len, &ipv6_hdr(skb)->saddr, &o);
	if (reason) {
		kfree_skb_reason(skb, (enum skb_drop_reason)reason);
		return 0;
	}
	if (!idev) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
		return 0;
	}
	if (ipv6_accept_ra(idev)) {
		addrconf_rs_stop(idev);		/* IF_RA_RCVD */
		rt = ndisc_ra_defrtr(skb, idev, skb->data);
	}
	/* the router's neighbour entry: STALE with its address, a router */
	n = __neigh_lookup(&net->ipv6.nd_tbl, &ipv6_hdr(skb)->saddr, dev, 1);
	if (n) {
		neigh_update(n, o.src_lladdr ? o.src_lladdr + 2 : NULL, NUD_STALE,
			     NEIGH_UPDATE_F_WEAK_OVERRIDE | NEIGH_UPDATE_F_OVERRIDE |
			     NEIGH_UPDATE_F_OVERRIDE_ISROUTER, 0);
		n->flags |= NTF_ROUTER;
		neigh_release(n);
	}
	if (!ipv6_accept_ra(idev)) {
		consume_skb(skb);
		return 0;
	}
	if (idev->cnf.data[DEVCONF_ACCEPT_RA_PINFO])
		for (int i = 0; i < o.n_pi; i++)
			addrconf_prefix_rcv(dev, o.pi[i], o.pi[i][1] * 8u);
	if (o.mtu)
		ndisc_ra_mtu(idev, rt, o.mtu);
	consume_skb(skb);
	return 0;
}

/* ---- redirects ---- */

struct inet6_peer {
	struct list_head list;		/* net->ipv6.peers */
	struct in6_addr addr;
	u64 rate_tokens, rate_last;	/* ns */
};

#define XRLIM_BURST_FACTOR 6

/* inet_getpeer_v6() + inet_peer_xrlim_allow(): a new peer starts with a
 * full bucket (its rate_last a minute ago); without memory, allowed. */
bool ip6_peer_xrlim_allow(struct net *net, const struct in6_addr *addr, u64 timeout)
{
	u64 now = net->world->now, token;
	struct inet6_peer *p;

	list_for_each_entry(p, &net->ipv6.peers, list)
		if (ipv6_addr_equal(&p->addr, addr))
			goto found;
	if (!(p = kzalloc(sizeof(*p))))
		return true;
	p->addr = *addr;
	p->rate_last = now - (now < 60 * NSEC_PER_SEC ? now : 60 * NSEC_PER_SEC);
	if (now < 60 * NSEC_PER_SEC)
		p->rate_tokens = 60 * NSEC_PER_SEC - now;
	list_add_tail(&p->list, &net->ipv6.peers);
found:
	token = p->rate_tokens + (now - p->rate_last);
	p->rate_last = now;
	if (token > XRLIM_BURST_FACTOR * timeout)
		token = XRLIM_BURST_FACTOR * timeout;
	if (token >= timeout) {
		p->rate_tokens = token - timeout;
		return true;
	}
	p->rate_tokens = token;
	return false;
}

/* Whether the route back to the packet's sender is on-link (a redirect
 * goes only to a neighbour). */
static bool ndisc_sender_is_neighbour(struct net *net, struct net_device *dev,
				      const struct in6_addr *daddr, const struct in6_addr *saddr)
{
	struct in6_addr src = *saddr;
	struct dst_entry *dst;
	bool gw;
	int err;

	if (!(dst = ip6_route_output(net, daddr, &src, dev->ifindex, &err)))
		return false;
	gw = ((const struct rt6_info *)dst)->rt6i_flags & RTF_GATEWAY;
	dst_release(dst);
	return !gw;
}

/* ndisc_send_redirect(): from our link-local address to the sender, hop
 * limit 255: the target (a link-local router, or the destination itself
 * when it is on-link), the destination, the target's link-layer address
 * when its neighbour entry is valid, and as much of the packet as fits in
 * 1280 bytes (the redirected header option).  At most one a second per
 * sender after a burst of six (and per destination: ip6_forward). */
void ndisc_send_redirect(struct sk_buff *skb, const struct in6_addr *target)
{
	struct net_device *dev = skb->dev;
	struct net *net = dev_net(dev);
	const struct ipv6hdr *hdr = ipv6_hdr(skb);
	u8 msg[IPV6_MIN_MTU - sizeof(struct ipv6hdr)], *p;
	unsigned int optlen = 0, rd_len, avail;
	struct in6_addr saddr;
	struct neighbour *n;

	if (ipv6_get_lladdr(dev, &saddr))
		return;
	if (!ipv6_addr_equal(&hdr->daddr, target) &&
	    (!ipv6_addr_linklocal(target) || ipv6_addr_is_multicast(target)))
		return;
	if (!ndisc_sender_is_neighbour(net, dev, &hdr->saddr, &saddr) ||
	    !ip6_peer_xrlim_allow(net, &hdr->saddr, NSEC_PER_SEC))
		return;
	memset(msg, 0, 40);
	msg[0] = NDISC_REDIRECT;
	memcpy(msg + 8, target, 16);
	memcpy(msg + 24, &hdr->daddr, 16);
	p = msg + 40;
	n = neigh_lookup(&net->ipv6.nd_tbl, target, dev);
	if (n) {
		if ((n->nud_state & NUD_VALID) && dev->addr_len) {
			optlen = (2u + dev->addr_len + 7) & ~7u;
			memset(p, 0, optlen);
			p[0] = ND_OPT_TARGET_LL_ADDR;
			p[1] = (u8)(optlen / 8);
			memcpy(p + 2, n->ha, dev->addr_len);
			p += optlen;
		}
		neigh_release(n);
	}
	avail = skb->len - (unsigned int)skb_network_offset(skb);
	rd_len = IPV6_MIN_MTU - sizeof(struct ipv6hdr) - 40 - optlen;
	if (rd_len > avail + 8)
		rd_len = avail + 8;
	rd_len &= ~7u;
	if (rd_len) {
		memset(p, 0, 8);
		p[0] = ND_OPT_REDIRECT_HDR;
		p[1] = (u8)(rd_len / 8);
		skb_copy_bits(skb, skb_network_offset(skb), p + 8, (int)rd_len - 8);
	}
	skb_trace_note(skb, "ndisc_send_redirect", "redirect to a better first hop");
	ndisc_send_skb(dev, &saddr, &hdr->saddr, msg, 40 + optlen + rd_len);
}

/* ndisc_redirect_rcv() + rt6_do_redirect(): from a link-local source;
 * ignored by a router or with the device's accept_redirects 0 (`all`
 * does not count, as Linux); the target's link-layer address updates
 * its neighbour entry; the route exception only for a destination whose
 * first hop is the sender.  Linux applies it through the quoted packet's
 * protocol (icmpv6_notify); here whatever the quoted protocol is. */
static int ndisc_redirect_rcv(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct net *net = dev_net(dev);
	struct inet6_dev *idev = __in6_dev_get(dev);
	struct in6_addr target, dest, saddr = ipv6_hdr(skb)->saddr;
	struct ndisc_options o;
	struct neighbour *n;
	bool on_link;

	if (skb->len < 40) {
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return 0;
	}
	if (!ipv6_addr_linklocal(&saddr)) {
		skb_drop_hint(skb, "redirect: source address is not link-local");
		kfree_skb(skb);
		return 0;
	}
	if (ndisc_parse_options(skb->data + 40, skb->len - 40, &o)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS);
		return 0;
	}
	memcpy(&target, skb->data + 8, 16);
	memcpy(&dest, skb->data + 24, 16);
	on_link = ipv6_addr_equal(&dest, &target);
	if (ipv6_addr_is_multicast(&dest) ||
	    (!on_link && (!ipv6_addr_linklocal(&target) || ipv6_addr_is_multicast(&target))) ||
	    !idev || idev->cnf.data[DEVCONF_FORWARDING] ||
	    !idev->cnf.data[DEVCONF_ACCEPT_REDIRECTS]) {
		consume_skb(skb);
		return 0;
	}
	if (o.tgt_lladdr && o.tgt_lladdr[1] * 8u >= 2u + dev->addr_len &&
	    (n = __neigh_lookup(&net->ipv6.nd_tbl, &target, dev, 1))) {
		neigh_update(n, o.tgt_lladdr + 2, NUD_STALE,
			     NEIGH_UPDATE_F_WEAK_OVERRIDE | NEIGH_UPDATE_F_OVERRIDE |
			     (on_link ? 0 : NEIGH_UPDATE_F_OVERRIDE_ISROUTER), 0);
		neigh_release(n);
	}
	if (!rt6_redirect_exception(net, dev, &dest, &target, &saddr))
		skb_trace_note(skb, "rt6_do_redirect", "route exception through the target");
	consume_skb(skb);
	return 0;
}

int ndisc_rcv(struct sk_buff *skb)
{
	const struct ipv6hdr *hdr = ipv6_hdr(skb);

	skb_trace(skb, "ndisc_rcv");
	if (hdr->hop_limit != 255) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_HOP_LIMIT);
		return 0;
	}
	if (skb->data[1] != 0) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_BAD_CODE);
		return 0;
	}
	switch (skb->data[0]) {
	case NDISC_NEIGHBOUR_SOLICITATION:
		if (skb->len < sizeof(struct nd_msg))
			break;
		return ndisc_recv_ns(skb);
	case NDISC_NEIGHBOUR_ADVERTISEMENT:
		if (skb->len < sizeof(struct nd_msg))
			break;
		return ndisc_recv_na(skb);
	case NDISC_ROUTER_SOLICITATION:
		return ndisc_recv_rs(skb);
	case NDISC_ROUTER_ADVERTISEMENT:
		return ndisc_router_discovery(skb);
	case NDISC_REDIRECT:
		return ndisc_redirect_rcv(skb);
	default:
		consume_skb(skb);
		return 0;
	}
	kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	return 0;
}

static void ndisc_proxy_timer(struct timer_list *t)
{
	(void)t;
}

int ndisc_net_init(struct net *net)
{
	struct neigh_table *tbl = &net->ipv6.nd_tbl;
	struct world *w = net->world;
	u64 saved[4], x, base;
	int err;

	tbl->id = "ndisc_cache";
	tbl->key_len = 16;
	tbl->constructor = ndisc_constructor;
	/* IPv6 in every namespace must not shift the random stream the rest
	 * draws from (MACs, ports, ids): scripts keep their bytes.  The
	 * randomized reachable time comes from a mix of the state instead. */
	memcpy(saved, w->rng, sizeof(saved));
	err = neigh_table_init(net, tbl);
	memcpy(w->rng, saved, sizeof(saved));
	if (err)
		return err;
	x = (saved[0] ^ saved[3] ^ (u64)net->ifindex) * 0x9e3779b97f4a7c15ULL;
	x ^= x >> 31;
	base = (u64)NEIGH_VAR(&tbl->parms, BASE_REACHABLE_TIME) * NSEC_PER_MSEC;
	tbl->parms.reachable_time = base / 2 + x % base;
	timer_setup(&net->world->timers, &tbl->proxy_timer, ndisc_proxy_timer);
	INIT_LIST_HEAD(&net->ipv6.peers);
	return 0;
}

void ndisc_net_exit(struct net *net)
{
	struct inet6_peer *p, *tmp;

	neigh_table_clear(&net->ipv6.nd_tbl);
	if (net->ipv6.peers.next)
		list_for_each_entry_safe(p, tmp, &net->ipv6.peers, list)
			kfree(p);
}
