/* IPv4 transmit (net/ipv4/ip_output.c): __ip_local_out() finishes the
 * header and runs NF_INET_LOCAL_OUT, dst_output() → ip_output() runs
 * NF_INET_POST_ROUTING, ip_finish_output() fragments what exceeds the MTU,
 * and ip_finish_output2() hands the packet to the next hop's neighbour
 * (neigh_resolve_output → dev_queue_xmit). */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "linux/netfilter.h"
#include "net/arp.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/sock.h"
#include "net/world.h"
#include "net/trace.h"

/* The IP id for packets without DF, from the world's seeded generator
 * (the kernel hashes into a table of counters: deterministic here). */
u16 ip_idents_next(struct net *net, __be32 daddr, __be32 saddr, u8 proto)
{
	(void)daddr;
	(void)saddr;
	(void)proto;
	if (!net->ipv4.ip_id_next)
		net->ipv4.ip_id_next = world_random_u32(net->world) | 1;
	return (u16)(net->ipv4.ip_id_next++);
}

void ip_select_ident(struct net *net, struct sk_buff *skb, struct sock *sk)
{
	struct iphdr *iph = ip_hdr(skb);

	if (sk && sk->inet_daddr) {
		iph->id = htons(++sk->inet_id);
		return;
	}
	if ((iph->frag_off & htons(IP_DF)) && !skb->ignore_df)
		iph->id = 0;
	else
		iph->id = htons(ip_idents_next(net, iph->daddr, iph->saddr, iph->protocol));
}

/* ip_neigh_for_gw(): the neighbour of the next hop, in arp_tbl, or in
 * nd_tbl when the route's gateway is an IPv6 address (RFC 5549): the
 * frame then carries the MAC that ndisc resolved, with EtherType IPv4 */
static struct neighbour *ip_neigh_for_gw(struct rtable *rt, struct sk_buff *skb)
{
	struct net_device *dev = rt->dst.dev;

	if (rt->rt_gw_family == AF_INET6)
		return __neigh_lookup(&dev_net(dev)->ipv6.nd_tbl, &rt->rt_gw6, dev, 1);
	return ipv4_neigh_lookup_create(dev, rt_nexthop(rt, ip_hdr(skb)->daddr));
}

static int ip_finish_output2(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct rtable *rt = skb_rtable(skb);
	struct net_device *dev = rt->dst.dev;
	struct neighbour *neigh;
	int res;

	(void)sk;
	if (skb_headroom(skb) < dev->hard_header_len && skb_cow_head(skb, dev->hard_header_len)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return -ENOMEM;
	}
	if (rt->rt_type == RTN_MULTICAST)
		IP_UPD_PO_STATS(net, IPSTATS_MIB_OUTMCAST, skb->len);
	else if (rt->rt_type == RTN_BROADCAST)
		IP_UPD_PO_STATS(net, IPSTATS_MIB_OUTBCAST, skb->len);
	/* OUTOCTETS should be counted after fragment */
	IP_UPD_PO_STATS(net, IPSTATS_MIB_OUT, skb->len);
	skb_trace(skb, "ip_finish_output2");
	neigh = ip_neigh_for_gw(rt, skb);
	if (!neigh) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NEIGH_CREATEFAIL);
		return -EINVAL;
	}
	res = neigh_output(neigh, skb);
	neigh_release(neigh);
	return res;
}

/* ip_dst_mtu_maybe_forward() (include/net/ip.h in Linux): a path MTU learned
 * from ICMP is the MTU of this host's own packets.  A forwarded packet goes
 * by the route's mtu metric, else the device's MTU — the learned one only
 * with net.ipv4.ip_forward_use_pmtu=1 or a locked MTU — so that the router
 * on the narrow link, not this one, answers the sender. */
unsigned int ip_dst_mtu_maybe_forward(const struct dst_entry *dst, bool forwarding)
{
	const struct rtable *rt = (const struct rtable *)dst;
	unsigned int mtu;

	if (!forwarding || rt->rt_mtu_locked || dev_net(dst->dev)->ipv4.sysctl_ip_fwd_use_pmtu)
		return ipv4_mtu(dst);
	mtu = dst->mtu ? dst->mtu : dst->dev->mtu;
	return mtu < IP_MAX_MTU ? mtu : IP_MAX_MTU;
}

unsigned int ip_skb_dst_mtu(struct sock *sk, const struct sk_buff *skb)
{
	(void)sk;
	return ip_dst_mtu_maybe_forward(skb_dst(skb), IPCB(skb)->flags & IPSKB_FORWARDED);
}

static int ip_fragment(struct net *net, struct sock *sk, struct sk_buff *skb,
		       unsigned int mtu,
		       int (*output)(struct net *, struct sock *, struct sk_buff *))
{
	struct iphdr *iph = ip_hdr(skb);

	if (!(iph->frag_off & htons(IP_DF)))
		return ip_do_fragment(net, sk, skb, output);
	if (!skb->ignore_df || (IPCB(skb)->frag_max_size && IPCB(skb)->frag_max_size > mtu)) {
		__IP_INC_STATS(net, IPSTATS_MIB_FRAGFAILS);
		icmp_send(skb, ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, htonl(mtu));
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_BIG);
		return -EMSGSIZE;
	}
	return ip_do_fragment(net, sk, skb, output);
}

/* ip_finish_output_gso(): segments that fit go whole (the device or
 * validate_xmit_skb() cuts them); otherwise cut here and fragment each. */
static int ip_finish_output_gso(struct net *net, struct sock *sk, struct sk_buff *skb,
				unsigned int mtu)
{
	struct sk_buff *segs;
	int ret = 0;

	if (skb_gso_validate_network_len(skb, mtu))
		return ip_finish_output2(net, sk, skb);
	segs = skb_gso_segment(skb);
	if (!segs) {
		kfree_skb_reason(skb, SKB_DROP_REASON_SKB_GSO_SEG);
		return -ENOMEM;
	}
	consume_skb(skb);
	while (segs) {
		struct sk_buff *next = segs->next;
		int err;

		segs->next = NULL;
		err = segs->len > mtu ? ip_fragment(net, sk, segs, mtu, ip_finish_output2) :
		      ip_finish_output2(net, sk, segs);
		if (err && !ret)
			ret = err;
		segs = next;
	}
	return ret;
}

static int ip_finish_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	unsigned int mtu = ip_skb_dst_mtu(sk, skb);

	if (skb_is_gso(skb))
		return ip_finish_output_gso(net, sk, skb, mtu);
	if (skb->len > mtu || IPCB(skb)->frag_max_size)
		return ip_fragment(net, sk, skb, mtu, ip_finish_output2);
	return ip_finish_output2(net, sk, skb);
}

int ip_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct net_device *dev = skb_dst(skb)->dev;

	skb->dev = dev;
	skb_trace(skb, "ip_output");
	skb->protocol = htons(ETH_P_IP);
	skb_trace(skb, "NF_INET_POST_ROUTING");
	return NF_HOOK_COND(NFPROTO_IPV4, NF_INET_POST_ROUTING, net, sk, skb, NULL, dev,
			    ip_finish_output, !(IPCB(skb)->flags & IPSKB_REROUTED));
}

/* ip_mc_output()'s multicast half: a copy for our own members
 * (sk_mc_loop(): no socket, or IP_MULTICAST_LOOP on), looped back on the
 * device; a TTL of 0 goes no further.  Returns true when skb was consumed. */
static bool ip_mc_loop_copy(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct net_device *dev = skb_rtable(skb)->dst.dev;

	if (!sk || sk->mc_loop) {
		struct sk_buff *c = skb_clone(skb);

		if (c) {
			c->dev = dev;
			dev_loopback_xmit(net, sk, c);
		}
	}
	if (ip_hdr(skb)->ttl == 0) {
		consume_skb(skb);
		return true;
	}
	return false;
}

/* Broadcasts we send are also delivered to ourselves, through lo. */
int ip_mc_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct rtable *rt = skb_rtable(skb);
	struct net_device *dev = rt->dst.dev;

	skb->dev = dev;
	skb->protocol = htons(ETH_P_IP);
	if ((rt->rt_flags & RTCF_MULTICAST) && ip_mc_loop_copy(net, sk, skb))
		return 0;
	if (rt->rt_flags & RTCF_BROADCAST) {
		struct sk_buff *c = skb_clone(skb);

		if (c) {
			c->dev = dev;
			dev_loopback_xmit(net, sk, c);
		}
		if (ip_hdr(skb)->ttl == 0) {
			consume_skb(skb);
			return 0;
		}
	}
	return NF_HOOK_COND(NFPROTO_IPV4, NF_INET_POST_ROUTING, net, sk, skb, NULL, dev,
			    ip_finish_output, !(IPCB(skb)->flags & IPSKB_REROUTED));
}

static size_t copy_from_iov(const struct msghdr *msg, u8 *dst, size_t len)
{
	size_t done = 0;

	for (size_t i = 0; i < msg->msg_iovlen && done < len; i++) {
		size_t n = msg->msg_iov[i].iov_len;

		if (n > len - done)
			n = len - done;
		memcpy(dst + done, msg->msg_iov[i].iov_base, n);
		done += n;
	}
	return done;
}

/* ip_dont_fragment() and ip_sk_ignore_df() */
static bool ip_sk_df(const struct sock *sk, unsigned int len, unsigned int mtu)
{
	if (sk->pmtudisc == IP_PMTUDISC_DO || sk->pmtudisc == IP_PMTUDISC_PROBE)
		return true;
	return sk->pmtudisc == IP_PMTUDISC_WANT && len <= mtu;
}

/* ip_make_skb() (the __ip_append_data + __ip_make_skb of one datagram): the IP
 * header (unless the socket writes its own, IP_HDRINCL), l4len bytes of the
 * transport header from l4hdr, then len bytes of the message. */
struct sk_buff *ip_make_skb(struct sock *sk, struct flowi4 *fl4, struct rtable *rt,
			    const void *l4hdr, unsigned int l4len,
			    const struct msghdr *msg, size_t len, u8 protocol)
{
	struct net *net = sock_net(sk);
	struct net_device *dev = rt->dst.dev;
	unsigned int hlen = sk->hdrincl ? 0 : sizeof(struct iphdr);
	struct sk_buff *skb = alloc_skb(&net->world->skb_pool,
					(unsigned int)(NET_SKB_PAD + LL_RESERVED_SPACE(dev) + hlen +
						       l4len + len));
	struct iphdr *iph;

	if (!skb)
		return NULL;
	skb_reserve(skb, (int)(NET_SKB_PAD + LL_RESERVED_SPACE(dev)));
	skb_reset_network_header(skb);
	iph = (struct iphdr *)skb_put(skb, (unsigned int)(hlen + l4len + len));
	if (l4len)
		memcpy((u8 *)iph + hlen, l4hdr, l4len);
	copy_from_iov(msg, (u8 *)iph + hlen + l4len, len);
	skb_set_transport_header(skb, (int)sizeof(struct iphdr));
	if (!sk->hdrincl) {
		memset(iph, 0, sizeof(*iph));
		iph->version = 4;
		iph->ihl = 5;
		iph->tos = sk->tos;
		iph->ttl = (u8)(sk->uc_ttl > 0 ? sk->uc_ttl : net->ipv4.sysctl_ip_default_ttl);
		iph->protocol = protocol;
		iph->saddr = fl4->saddr;
		iph->daddr = fl4->daddr;
		if (ip_sk_df(sk, skb->len, ipv4_mtu(&rt->dst)))
			iph->frag_off = htons(IP_DF);
		skb->ignore_df = sk->pmtudisc < IP_PMTUDISC_DO;
		ip_select_ident(net, skb, sk);
	} else if (len >= sizeof(struct iphdr)) {
		if (!iph->saddr)
			iph->saddr = fl4->saddr;
		if (!iph->id)
			ip_select_ident(net, skb, NULL);
		iph->tot_len = htons((u16)skb->len);
		ip_send_check(iph);
	}
	/* skb->sk stays NULL: nothing here accounts send-buffer memory yet, and a
	 * packet waiting for ARP may outlive its socket */
	skb->priority = sk->sk_priority;
	skb->mark = sk->sk_mark;
	return skb;
}

int __ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	struct iphdr *iph = ip_hdr(skb);

	iph->tot_len = htons((u16)skb->len);
	ip_send_check(iph);
	skb->protocol = htons(ETH_P_IP);
	if (!skb->dev)
		skb->dev = skb_dst(skb)->dev;
	skb_trace(skb, "__ip_local_out");
	skb_trace(skb, "NF_INET_LOCAL_OUT");
	return nf_hook(NFPROTO_IPV4, NF_INET_LOCAL_OUT, net, sk, skb, NULL,
		       skb_dst(skb)->dev, dst_output);
}

int ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	int err = __ip_local_out(net, sk, skb);

	if (err == 1)
		err = dst_output(net, sk, skb);
	return err;
}

int ip_send_skb(struct net *net, struct sk_buff *skb)
{
	int err;

	__IP_INC_STATS(net, IPSTATS_MIB_OUTREQUESTS);
	err = ip_local_out(net, skb->sk, skb);
	if (err > 0)
		err = 0;
	if (err)
		__IP_INC_STATS(net, IPSTATS_MIB_OUTDISCARDS);
	return err;
}
