/* ICMP (net/ipv4/icmp.c): echo replies, errors about packets we cannot
 * deliver or forward (with the kernel's choice of source address, the
 * 576-byte quote limit and the per-destination and global rate limits),
 * delivery of received errors to the protocol, raw and ping sockets, and
 * of echo replies to ping sockets (ping_rcv, net/ipv4/ping.c). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/ping.h"
#include "net/route.h"
#include "net/sock.h"
#include "net/world.h"
#include "net/trace.h"

struct inet_peer {
	struct list_head list;
	__be32 daddr;
	u64 rate_tokens;		/* ns */
	u64 rate_last;
	u32 n_redirects;		/* sent since the last silence */
};

#define XRLIM_BURST_FACTOR 6

static bool icmp_is_error(u8 type)
{
	switch (type) {
	case ICMP_DEST_UNREACH:
	case ICMP_SOURCE_QUENCH:
	case ICMP_REDIRECT:
	case ICMP_TIME_EXCEEDED:
	case ICMP_PARAMETERPROB:
		return true;
	default:
		return false;
	}
}

static struct inet_peer *inet_getpeer(struct net *net, __be32 daddr)
{
	struct inet_peer *p;

	list_for_each_entry(p, &net->ipv4.peers, list)
		if (p->daddr == daddr)
			return p;
	p = kzalloc(sizeof(*p));
	if (!p)
		return NULL;
	p->daddr = daddr;
	/* a new peer starts with a full bucket (rate_last 60 s ago) */
	p->rate_last = net->world->now - (net->world->now < 60 * NSEC_PER_SEC ?
					   net->world->now : 60 * NSEC_PER_SEC);
	if (net->world->now < 60 * NSEC_PER_SEC)
		p->rate_tokens = 60 * NSEC_PER_SEC - net->world->now;
	list_add_tail(&p->list, &net->ipv4.peers);
	return p;
}

static bool inet_peer_xrlim_allow(struct inet_peer *peer, u64 now, u64 timeout)
{
	u64 token;

	if (!peer)
		return true;
	token = peer->rate_tokens + (now - peer->rate_last);
	peer->rate_last = now;
	if (token > XRLIM_BURST_FACTOR * timeout)
		token = XRLIM_BURST_FACTOR * timeout;
	if (token >= timeout) {
		peer->rate_tokens = token - timeout;
		return true;
	}
	peer->rate_tokens = token;
	return false;
}

/* icmpv4_mask_allow(): types outside icmp_ratemask, and frag-needed, are
 * never rate limited. */
static bool icmpv4_mask_allow(struct net *net, int type, int code)
{
	if (type > NR_ICMP_TYPES)
		return true;
	if (type == ICMP_DEST_UNREACH && code == ICMP_FRAG_NEEDED)
		return true;
	return !((1 << type) & net->ipv4.sysctl_icmp_ratemask);
}

/* icmp_global_allow(): net.ipv4.icmp_msgs_per_sec with icmp_msgs_burst */
static bool icmp_global_allow(struct net *net)
{
	u64 now = net->world->now;
	u64 delta = now - net->ipv4.icmp_global_credit_stamp;
	int credit = net->ipv4.icmp_global_credit;

	if (delta >= NSEC_PER_MSEC * 20) {
		credit += (int)(delta * (u64)net->ipv4.sysctl_icmp_msgs_per_sec / NSEC_PER_SEC);
		if (credit > net->ipv4.sysctl_icmp_msgs_burst)
			credit = net->ipv4.sysctl_icmp_msgs_burst;
		net->ipv4.icmp_global_credit_stamp = now;
	}
	if (credit <= 0) {
		net->ipv4.icmp_global_credit = credit;
		__ICMP_INC_STATS(net, ICMP_MIB_RATELIMITGLOBAL);
		return false;
	}
	net->ipv4.icmp_global_credit = credit - 1;
	return true;
}

static bool icmpv4_xrlim_allow(struct net *net, struct rtable *rt, __be32 daddr,
			       int type, int code)
{
	if (icmpv4_mask_allow(net, type, code))
		return true;
	if (rt->dst.dev->flags & IFF_LOOPBACK)
		return true;
	if (!inet_peer_xrlim_allow(inet_getpeer(net, daddr), net->world->now,
				   (u64)net->ipv4.sysctl_icmp_ratelimit * NSEC_PER_MSEC)) {
		__ICMP_INC_STATS(net, ICMP_MIB_RATELIMITHOST);
		return false;
	}
	return true;
}

/* Build and send one ICMP message: header + data copied from `from`.
 * DF is never set on what ICMP sends (the kernel's socket uses
 * IP_PMTUDISC_DONT). */
static void icmp_push_reply(struct net *net, struct rtable *rt, struct flowi4 *fl4,
			    const struct icmphdr *icmph, const struct sk_buff *from,
			    int offset, int len, u8 tos)
{
	struct net_device *dev = rt->dst.dev;
	struct sk_buff *skb = alloc_skb(&net->world->skb_pool, NET_SKB_PAD +
					LL_RESERVED_SPACE(dev) + 28u + (unsigned int)len);
	struct icmphdr *h;
	struct iphdr *iph;

	if (!skb)
		return;
	skb_reserve(skb, (int)(NET_SKB_PAD + LL_RESERVED_SPACE(dev)));
	skb_reset_network_header(skb);
	iph = (struct iphdr *)skb_put(skb, sizeof(*iph));
	skb_set_transport_header(skb, sizeof(*iph));
	h = (struct icmphdr *)skb_put(skb, sizeof(*h));
	*h = *icmph;
	if (skb_copy_bits(from, offset, skb_put(skb, (unsigned int)len), len)) {
		kfree_skb(skb);
		return;
	}
	h->checksum = 0;
	h->checksum = ip_compute_csum(h, (int)sizeof(*h) + len);
	memset(iph, 0, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = tos;
	iph->ttl = (u8)net->ipv4.sysctl_ip_default_ttl;
	iph->protocol = IPPROTO_ICMP;
	iph->saddr = fl4->saddr;
	iph->daddr = fl4->daddr;
	iph->id = htons(ip_idents_next(net, iph->daddr, iph->saddr, IPPROTO_ICMP));
	dst_hold(&rt->dst);
	skb_dst_set(skb, &rt->dst);
	skb->dev = dev;
	__ICMP_INC_STATS(net, ICMP_MIB_OUTMSGS);
	net->mib.icmpmsg_out[icmph->type]++;
	ip_send_skb(net, skb);
}

static bool icmp_send_allowed(struct sk_buff *skb_in, struct rtable *rt, int type)
{
	const struct iphdr *iph = ip_hdr(skb_in);

	if (skb_network_header(skb_in) + sizeof(*iph) > skb_in->tail)
		return false;
	/* no replies to physical multicast/broadcast, nor to their routes */
	if (skb_in->pkt_type != PACKET_HOST && skb_in->pkt_type != PACKET_LOOPBACK &&
	    skb_in->pkt_type != PACKET_OUTGOING)
		return false;
	if (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST))
		return false;
	if (iph->frag_off & htons(IP_OFFSET))
		return false;
	if (icmp_is_error((u8)type) && iph->protocol == IPPROTO_ICMP) {
		u8 inner;
		int off = (int)(skb_network_header(skb_in) - skb_in->data) + iph->ihl * 4;

		if (off < 0 || skb_copy_bits(skb_in, off, &inner, 1))
			return false;
		if (inner > NR_ICMP_TYPES || icmp_is_error(inner))
			return false;
	}
	return true;
}

/* __icmp_send(): an error about skb_in to its sender. */
void icmp_send(struct sk_buff *skb_in, int type, int code, __be32 info)
{
	struct rtable *rt = skb_rtable(skb_in);
	const struct iphdr *iph;
	struct icmphdr h = { .type = (u8)type, .code = (u8)code };
	struct flowi4 fl4 = { 0 };
	struct net *net;
	__be32 saddr;
	int offset, len, room, err;
	u8 tos;

	if (!rt || !icmp_send_allowed(skb_in, rt, type))
		return;
	if (skb_tracing(skb_in)) {
		char note[48];

		snprintf(note, sizeof(note), "type %d code %d", type, code);
		skb_trace_note(skb_in, "icmp_send", note);
	}
	net = dev_net(rt->dst.dev);
	iph = ip_hdr(skb_in);
	if (!(skb_in->dev && (skb_in->dev->flags & IFF_LOOPBACK)) &&
	    !icmpv4_mask_allow(net, type, code) && !icmp_global_allow(net))
		return;
	saddr = iph->daddr;
	if (!(rt->rt_flags & RTCF_LOCAL)) {
		struct net_device *dev = NULL;

		if (rt->rt_is_input && net->ipv4.sysctl_icmp_errors_use_inbound_ifaddr)
			dev = __dev_get_by_index(net, IPCB(skb_in)->iif);
		saddr = dev ? inet_select_addr(dev, iph->saddr, RT_SCOPE_LINK) : 0;
	}
	tos = icmp_is_error((u8)type) ? (u8)((iph->tos & IPTOS_TOS_MASK) | 0xc0) : iph->tos;
	h.un.gateway = info;
	fl4.daddr = iph->saddr;
	fl4.saddr = saddr;
	fl4.flowi4_tos = tos & IPTOS_RT_MASK;
	fl4.flowi4_proto = IPPROTO_ICMP;
	fl4.flowi4_mark = skb_in->mark;
	rt = ip_route_output_key(net, &fl4, &err);
	if (!rt)
		return;
	if (!icmpv4_xrlim_allow(net, rt, fl4.daddr, type, code))
		goto out;
	/* RFC 1812 4.3.2.3: as much as fits in 576 bytes */
	room = (int)ipv4_mtu(&rt->dst);
	if (room > 576)
		room = 576;
	room -= (int)(sizeof(struct iphdr) + sizeof(struct icmphdr));
	if (room <= (int)sizeof(struct iphdr))
		goto out;
	/* quote from the IP header, wherever the caller's data pointer is */
	offset = (int)(skb_network_header(skb_in) - skb_in->data);
	if (offset < 0)
		skb_push(skb_in, (unsigned int)-offset);
	len = (int)skb_in->len - (offset > 0 ? offset : 0);
	if (len > room)
		len = room;
	if (!fl4.saddr)
		fl4.saddr = htonl(0xc0000008);	/* INADDR_DUMMY */
	icmp_push_reply(net, rt, &fl4, &h, skb_in, offset > 0 ? offset : 0, len, tos);
	if (offset < 0)
		skb_pull(skb_in, (unsigned int)-offset);
out:
	ip_rt_put(rt);
}

/* fib_compute_spec_dst(): the address a reply comes from */
static __be32 icmp_spec_dst(struct sk_buff *skb)
{
	struct rtable *rt = skb_rtable(skb);

	if (rt->rt_type == RTN_LOCAL)
		return ip_hdr(skb)->daddr;
	return inet_select_addr(skb->dev, ip_hdr(skb)->saddr, RT_SCOPE_UNIVERSE);
}

static enum skb_drop_reason icmp_echo(struct sk_buff *skb)
{
	struct net *net = dev_net(skb_dst(skb)->dev);
	struct icmphdr h = *icmp_hdr(skb);
	struct flowi4 fl4 = { 0 };
	struct rtable *rt;
	int err;

	if (net->ipv4.sysctl_icmp_echo_ignore_all)
		return SKB_NOT_DROPPED_YET;
	h.type = ICMP_ECHOREPLY;
	h.checksum = 0;
	fl4.daddr = ip_hdr(skb)->saddr;
	fl4.saddr = icmp_spec_dst(skb);
	fl4.flowi4_tos = ip_hdr(skb)->tos & IPTOS_RT_MASK;
	fl4.flowi4_proto = IPPROTO_ICMP;
	fl4.flowi4_mark = skb->mark;
	rt = ip_route_output_key(net, &fl4, &err);
	if (!rt)
		return SKB_NOT_DROPPED_YET;
	if (icmpv4_xrlim_allow(net, rt, fl4.daddr, ICMP_ECHOREPLY, 0))
		icmp_push_reply(net, rt, &fl4, &h, skb, (int)sizeof(struct icmphdr),
				(int)skb->len - (int)sizeof(struct icmphdr), ip_hdr(skb)->tos);
	ip_rt_put(rt);
	return SKB_NOT_DROPPED_YET;
}

/* icmp_socket_deliver(): hand an error to the protocol of the packet it
 * quotes, and to raw sockets of that protocol. */
static void icmp_socket_deliver(struct sk_buff *skb, u32 info)
{
	struct net *net = dev_net(skb->dev);
	const struct net_protocol *ipprot;
	int protocol;

	/* skb->data is at the quoted IP header; its first 8 bytes of L4 too */
	if (!pskb_may_pull(skb, sizeof(struct iphdr)) ||
	    !pskb_may_pull(skb, ((const struct iphdr *)skb->data)->ihl * 4u + 8)) {
		__ICMP_INC_STATS(net, ICMP_MIB_INERRORS);
		return;
	}
	protocol = ((const struct iphdr *)skb->data)->protocol;
	raw_icmp_error(skb, protocol, info);
	ipprot = net->world->inet_protos[protocol];
	if (ipprot && ipprot->err_handler)
		ipprot->err_handler(skb, info);
}

static enum skb_drop_reason icmp_unreach(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	const struct icmphdr *icmph = icmp_hdr(skb);
	u32 info = 0;

	if (!pskb_may_pull(skb, sizeof(struct icmphdr) + sizeof(struct iphdr)))
		goto out_err;
	if (icmph->type == ICMP_DEST_UNREACH && icmph->code == ICMP_FRAG_NEEDED &&
	    !net->ipv4.sysctl_ip_no_pmtu_disc)
		info = ntohs(icmph->un.frag.mtu);
	else if (icmph->type == ICMP_PARAMETERPROB)
		info = ntohl(icmph->un.gateway) >> 24;
	skb_pull(skb, sizeof(struct icmphdr));
	icmp_socket_deliver(skb, info);
	return SKB_NOT_DROPPED_YET;
out_err:
	__ICMP_INC_STATS(net, ICMP_MIB_INERRORS);
	return SKB_DROP_REASON_PKT_TOO_SMALL;
}

/* icmp_redirect(): a router tells us of a better first hop for the packet
 * it quotes; the quoting protocol's error handler takes it to the routes
 * (ipv4_redirect).  info is the new gateway. */
static enum skb_drop_reason icmp_redirect(struct sk_buff *skb)
{
	if (skb->len < sizeof(struct icmphdr) + sizeof(struct iphdr)) {
		__ICMP_INC_STATS(dev_net(skb->dev), ICMP_MIB_INERRORS);
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	}
	skb_pull(skb, sizeof(struct icmphdr));
	icmp_socket_deliver(skb, ntohl(icmp_hdr(skb)->un.gateway));
	return SKB_NOT_DROPPED_YET;
}

/* The error handler of the ICMP protocol itself (ping's packets; skb data
 * at the quoted IP header, icmp_socket_deliver pulled 8 bytes past it):
 * the route learns the path MTU or the redirect, and an error quoting an
 * echo request goes to its ping socket (ping_err; Linux's raw_err and
 * ping_err each update the route, here it is done once for both) */
int icmp_err(struct sk_buff *skb, u32 info)
{
	const struct icmphdr *icmph = icmp_hdr(skb);
	struct net *net = dev_net(skb->dev);
	int offset = ((const struct iphdr *)skb->data)->ihl * 4;

	if (icmph->type == ICMP_DEST_UNREACH && icmph->code == ICMP_FRAG_NEEDED)
		ipv4_update_pmtu(skb, net, info, 0, IPPROTO_ICMP);
	else if (icmph->type == ICMP_REDIRECT)
		ipv4_redirect(skb, net, 0, IPPROTO_ICMP);
	if (skb->data[offset] != ICMP_ECHOREPLY)
		ping_err(skb, offset, info);
	return 0;
}

int icmp_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	struct rtable *rt = skb_rtable(skb);
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;
	struct icmphdr *icmph;

	skb_trace(skb, "icmp_rcv");
	__ICMP_INC_STATS(net, ICMP_MIB_INMSGS);
	if (ip_compute_csum(skb->data, (int)skb->len)) {
		reason = SKB_DROP_REASON_ICMP_CSUM;
		__ICMP_INC_STATS(net, ICMP_MIB_CSUMERRORS);
		goto error;
	}
	if (!pskb_may_pull(skb, sizeof(*icmph)))
		goto error;
	skb_reset_transport_header(skb);
	icmph = icmp_hdr(skb);
	net->mib.icmpmsg_in[icmph->type]++;
	if (icmph->type > NR_ICMP_TYPES) {
		reason = SKB_DROP_REASON_UNHANDLED_PROTO;
		goto error;
	}
	if (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST)) {
		if ((icmph->type == ICMP_ECHO || icmph->type == ICMP_TIMESTAMP) &&
		    net->ipv4.sysctl_icmp_echo_ignore_broadcasts) {
			reason = SKB_DROP_REASON_INVALID_PROTO;
			goto error;
		}
		if (icmph->type != ICMP_ECHO && icmph->type != ICMP_TIMESTAMP &&
		    icmph->type != ICMP_ADDRESS && icmph->type != ICMP_ADDRESSREPLY) {
			reason = SKB_DROP_REASON_INVALID_PROTO;
			goto error;
		}
	}
	switch (icmph->type) {
	case ICMP_ECHO:
		reason = icmp_echo(skb);
		break;
	case ICMP_DEST_UNREACH:
	case ICMP_TIME_EXCEEDED:
	case ICMP_PARAMETERPROB:
	case ICMP_SOURCE_QUENCH:
		reason = icmp_unreach(skb);
		break;
	case ICMP_REDIRECT:
		reason = icmp_redirect(skb);
		break;
	case ICMP_ECHOREPLY:
		ping_rcv(skb);	/* a copy for the ping socket of its identifier */
		reason = SKB_NOT_DROPPED_YET;
		break;
	default:
		reason = SKB_NOT_DROPPED_YET;	/* replies go to raw sockets only */
		break;
	}
	if (reason == SKB_NOT_DROPPED_YET) {
		consume_skb(skb);
		return 0;
	}
	kfree_skb_reason(skb, reason);
	return 0;
error:
	__ICMP_INC_STATS(net, ICMP_MIB_INERRORS);
	kfree_skb_reason(skb, reason);
	return 0;
}

/* route.c's redirect knobs (global, of the initial namespace only, in
 * Linux): ip_rt_redirect_number, _load (HZ/50) and _silence ((HZ/50) << 10) */
#define IP_RT_REDIRECT_NUMBER 9
#define IP_RT_REDIRECT_LOAD (20 * NSEC_PER_MSEC)
#define IP_RT_REDIRECT_SILENCE (IP_RT_REDIRECT_LOAD << 10)

/* ip_rt_send_redirect(): tell a host on the same link of a better hop.  The
 * first IP_RT_REDIRECT_NUMBER redirects to a host go out with exponential
 * backoff (20 ms << n); then none, until the host has sent nothing that
 * needed one for IP_RT_REDIRECT_SILENCE (it is taken to ignore them). */
void ip_rt_send_redirect(struct sk_buff *skb)
{
	struct rtable *rt = skb_rtable(skb);
	struct in_device *in_dev = __in_dev_get_rtnl(rt->dst.dev);
	struct net *net = dev_net(rt->dst.dev);
	u64 now = net->world->now;
	struct inet_peer *peer;

	if (!in_dev || !IN_DEV_TX_REDIRECTS(in_dev))
		return;
	peer = inet_getpeer(net, ip_hdr(skb)->saddr);
	if (!peer)
		return;
	if (now > peer->rate_last + IP_RT_REDIRECT_SILENCE) {
		peer->rate_tokens = 0;
		peer->n_redirects = 0;
	}
	if (peer->n_redirects >= IP_RT_REDIRECT_NUMBER) {
		peer->rate_last = now;
		return;
	}
	if (peer->n_redirects == 0 ||
	    now > peer->rate_last + (IP_RT_REDIRECT_LOAD << peer->n_redirects)) {
		icmp_send(skb, ICMP_REDIRECT, ICMP_REDIR_HOST,
			  rt_nexthop(rt, ip_hdr(skb)->daddr));
		peer->rate_last = now;
		peer->n_redirects++;
	}
}

void icmp_net_init(struct net *net)
{
	INIT_LIST_HEAD(&net->ipv4.peers);
	net->ipv4.sysctl_icmp_echo_ignore_all = 0;
	net->ipv4.sysctl_icmp_echo_ignore_broadcasts = 1;
	net->ipv4.sysctl_icmp_ignore_bogus_error_responses = 1;
	net->ipv4.sysctl_icmp_ratelimit = 1000;
	net->ipv4.sysctl_icmp_ratemask = 6168;
	net->ipv4.sysctl_icmp_msgs_per_sec = 1000;
	net->ipv4.sysctl_icmp_msgs_burst = 50;
	net->ipv4.icmp_global_credit = 50;
	net->ipv4.sysctl_icmp_errors_use_inbound_ifaddr = 0;
}

void icmp_net_exit(struct net *net)
{
	struct inet_peer *p, *n;

	list_for_each_entry_safe(p, n, &net->ipv4.peers, list) {
		list_del(&p->list);
		free(p);
	}
}
