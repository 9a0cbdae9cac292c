/* Neighbour discovery (net/ipv6/ndisc.c, RFC 4861): nd_tbl resolves IPv6
 * next hops with the neighbour core's NUD machine.  ndisc_solicit() sends a
 * neighbour solicitation — to the solicited-node group ff02::1:ffXX:XXXX
 * (33:33:ff:XX:XX:XX) while INCOMPLETE, unicast when re-probing — and
 * ndisc_rcv() answers solicitations for our addresses with a solicited
 * advertisement (learning the sender, STALE) and takes advertisements
 * (REACHABLE when solicited).  Router discovery and redirects are counted
 * and ignored. */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
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

/* NS/NA: the ICMPv6 header, the target and one link-layer address option. */
static void ndisc_send(struct net_device *dev, u8 type, u32 flags, const struct in6_addr *target,
		       const struct in6_addr *saddr, const struct in6_addr *daddr, u8 opt)
{
	u8 buf[sizeof(struct nd_msg) + 8];
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
	icmpv6_xmit(dev_net(dev), saddr, daddr, dev->ifindex, buf, len, 255);
}

static void ndisc_solicit(struct neighbour *n, struct sk_buff *skb)
{
	struct net_device *dev = n->dev;
	const struct in6_addr *target = (const struct in6_addr *)n->primary_key6;
	struct in6_addr saddr, mcaddr;
	const struct in6_addr *daddr = target;
	int probes = n->probes - NEIGH_VAR(n->parms, UCAST_PROBES);

	if (skb && ipv6_chk_addr(dev_net(dev), &ipv6_hdr(skb)->saddr, dev))
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
	if (skb_dst(skb))
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

static int ndisc_recv_ns(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct net *net = dev_net(dev);
	const struct nd_msg *m = (const struct nd_msg *)skb->data;
	const struct ipv6hdr *hdr = ipv6_hdr(skb);
	struct in6_addr saddr = hdr->saddr, target = m->target;
	const u8 *lladdr;
	struct neighbour *n;
	bool bad;
	u32 flags = ND_NA_SOLICITED | ND_NA_OVERRIDE;

	lladdr = ndisc_opt_lladdr(skb, ND_OPT_SOURCE_LL_ADDR, &bad);
	if (bad) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS);
		return 0;
	}
	if (!ipv6_get_ifaddr(net, &target, dev)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_NS_OTHERHOST);
		return 0;
	}
	if (ipv6_addr_any(&saddr)) {	/* DAD probe: no DAD modelled */
		consume_skb(skb);
		return 0;
	}
	n = __neigh_lookup(&net->ipv6.nd_tbl, &saddr, dev, lladdr || !dev->addr_len);
	if (n) {
		neigh_update(n, lladdr, NUD_STALE,
			     NEIGH_UPDATE_F_WEAK_OVERRIDE | NEIGH_UPDATE_F_OVERRIDE, 0);
		neigh_release(n);
	}
	if (net->ipv6.devconf_all.data[DEVCONF_FORWARDING])
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
	const u8 *lladdr;
	struct neighbour *n;
	bool bad;

	lladdr = ndisc_opt_lladdr(skb, ND_OPT_TARGET_LL_ADDR, &bad);
	if (bad) {
		kfree_skb_reason(skb, SKB_DROP_REASON_IPV6_NDISC_BAD_OPTIONS);
		return 0;
	}
	n = neigh_lookup(&net->ipv6.nd_tbl, &m->target, dev);
	if (n) {
		neigh_update(n, lladdr, (flags & ND_NA_SOLICITED) ? NUD_REACHABLE : NUD_STALE,
			     NEIGH_UPDATE_F_WEAK_OVERRIDE |
			     ((flags & ND_NA_OVERRIDE) ? NEIGH_UPDATE_F_OVERRIDE : 0), 0);
		neigh_release(n);
	}
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
	return 0;
}

void ndisc_net_exit(struct net *net)
{
	neigh_table_clear(&net->ipv6.nd_tbl);
}
