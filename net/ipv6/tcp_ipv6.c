/* TCP over IPv6 (net/ipv6/tcp_ipv6.c).  ip6_input_finish hands a segment
 * to tcp_v6_rcv(), which checks it (checksum over the IPv6 pseudo header),
 * looks the socket up (__inet6_lookup) and passes it to tcp_v6_do_rcv() →
 * the shared engine (tcp_rcv_state_process, tcp_conn_request); a segment
 * for no socket is answered with a RST (tcp_v6_send_reset).  The engine
 * reaches the network layer through ipv6_specific (icsk_af_ops): segments
 * leave by tcp_v6_queue_xmit (tcp_v6_send_check, ip6_xmit), a listener's
 * child is routed by tcp_v6_child_route and learns its addresses from the
 * SYN; MSS = MTU - 60.  Also the active open (tcp_v6_connect) and bind.
 *
 * AF_INET6 TCP sockets keep LOOPBACK4_IPV6 (127.0.0.6) in their IPv4
 * address fields, as Linux does for IPv6-only addresses: the IPv4 lookups
 * never match them, and the established hash puts them by ports.  Not
 * modelled: v4-mapped addresses on TCP sockets (a [::] listener takes no
 * IPv4 connections), SYN cookies over IPv6. */
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/ip.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/sock_reuseport.h"
#include "net/tcp.h"
#include "net/trace.h"
#include "net/world.h"
#include "uapi/rtnetlink.h"

#define SIN6_LEN_RFC2133 24

/* The pseudo-header sum (RFC 8200 8.1), as csum_partial adds words */
static u32 tcp_v6_pseudo(const struct in6_addr *s, const struct in6_addr *d, unsigned int len)
{
	u16 proto = htons(IPPROTO_TCP), l = htons((u16)len);
	u32 sum = csum_partial(s, 16, 0);

	sum = csum_partial(d, 16, sum);
	sum = csum_partial(&proto, 2, sum);
	return csum_partial(&l, 2, sum);
}

/* tcp_v6_send_check(): CHECKSUM_PARTIAL on a device that checksums, else
 * the whole sum */
static void tcp_v6_send_check(struct sk_buff *skb, const struct in6_addr *s,
			      const struct in6_addr *d, bool hw)
{
	struct tcphdr *th = tcp_hdr(skb);
	u32 sum;

	th->check = 0;
	sum = tcp_v6_pseudo(s, d, skb->len);
	if (hw) {
		th->check = (u16)~csum_fold(sum);
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = skb->transport_header;
		skb->csum_offset = 16;	/* offsetof(struct tcphdr, check) */
		return;
	}
	th->check = csum_fold(csum_partial(skb->data, (int)skb->len, sum));
}

/* ipv6_specific.queue_xmit: inet6_csk_xmit() */
static int tcp_v6_queue_xmit(struct sock *sk, struct sk_buff *skb, u8 flags)
{
	struct dst_entry *dst = skb_dst(skb);

	(void)flags;
	tcp_v6_send_check(skb, &sk->sk_v6_rcv_saddr, &sk->sk_v6_daddr,
			  dst->dev && (dst->dev->features & NETIF_F_HW_CSUM));
	skb_trace(skb, "inet6_csk_xmit");
	ip6_xmit_tclass(sock_net(sk), skb, &sk->sk_v6_rcv_saddr, &sk->sk_v6_daddr, IPPROTO_TCP,
			sk->uc_ttl, sk->tclass);
	return 0;
}

/* inet6_csk_route_req(): the route back to the SYN's sender */
static int tcp_v6_child_route(struct sock *lsk, struct sock *sk)
{
	int oif = sk->sk_bound_dev_if ? sk->sk_bound_dev_if : lsk->sk_bound_dev_if, err;
	struct dst_entry *dst = ip6_route_output(sock_net(sk), &sk->sk_v6_daddr,
						 &sk->sk_v6_rcv_saddr, oif, &err);

	if (!dst)
		return err;
	sk->sk_dst_cache = dst;
	return 0;
}

/* ---- ipv6_mapped: an AF_INET6 socket whose peer is IPv4 ---- */

/* The IPv4 addresses as the socket shows them: ::ffff:a.b.c.d */
static void tcp_v6_set_mapped(struct sock *sk)
{
	ipv6_addr_set_v4mapped(sk->inet_daddr, &sk->sk_v6_daddr);
	ipv6_addr_set_v4mapped(sk->inet_rcv_saddr, &sk->sk_v6_rcv_saddr);
}

/* tcp_v6_syn_recv_sock()'s IPv4 half: a child of a dual-stack listener
 * made by an IPv4 SYN takes the IPv4 ops (tcp_v4_syn_recv_sock) and shows
 * its addresses v4-mapped */
static void tcp_v6_mapped_syn_recv_addrs(struct sock *sk, const struct sk_buff *skb)
{
	ipv4_specific.syn_recv_addrs(sk, skb);
	tcp_v6_set_mapped(sk);
	sk->ipv6only = 0;
}

static const struct inet_connection_sock_af_ops ipv6_mapped = {
	.queue_xmit = tcp_v4_queue_xmit,
	.rebuild_header = tcp_v4_child_route,
	.syn_recv_addrs = tcp_v6_mapped_syn_recv_addrs,
	.net_header_len = sizeof(struct iphdr),
};

static void tcp_v6_syn_recv_addrs(struct sock *sk, const struct sk_buff *skb)
{
	const struct ipv6hdr *ip6 = ipv6_hdr(skb);

	if (skb->protocol == htons(ETH_P_IP)) {
		inet_csk(sk)->icsk_af_ops = &ipv6_mapped;
		tcp_v6_mapped_syn_recv_addrs(sk, skb);
		return;
	}

	sk->sk_v6_rcv_saddr = ip6->daddr;
	sk->sk_v6_daddr = ip6->saddr;
	sk->inet_saddr = sk->inet_rcv_saddr = sk->inet_daddr = LOOPBACK4_IPV6;
	sk->ipv6only = 1;
	if (ipv6_addr_linklocal(&ip6->saddr))
		sk->sk_bound_dev_if = skb->skb_iif ? skb->skb_iif : skb->dev->ifindex;
	/* tcp_v6_syn_recv_sock(): the listener's class, or the SYN's */
	if (tcp_pernet(sock_net(sk))->sysctl_tcp_reflect_tos)
		sk->tclass = ipv6_get_dsfield(ip6) & ~3;	/* ~INET_ECN_MASK */
}

const struct inet_connection_sock_af_ops ipv6_specific = {
	.queue_xmit = tcp_v6_queue_xmit,
	.rebuild_header = tcp_v6_child_route,
	.syn_recv_addrs = tcp_v6_syn_recv_addrs,
	.net_header_len = sizeof(struct ipv6hdr),
};

/* ---- receive ---- */
static void tcp_v6_fill_cb(struct sk_buff *skb, const struct tcphdr *th)
{
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);
	unsigned int hl = (unsigned int)th->doff * 4;

	memset(cb, 0, sizeof(*cb));
	cb->seq = ntohl(th->seq);
	cb->end_seq = cb->seq + !!(th->flags & TCPHDR_SYN) + !!(th->flags & TCPHDR_FIN) +
		      skb->len - hl;
	cb->ack_seq = ntohl(th->ack_seq);
	cb->tcp_flags = th->flags;
	cb->window = ntohs(th->window);
}

static struct sock *__inet6_lookup_established(struct tcp_net *tn, const struct ipv6hdr *ip6,
					       __be16 sport, u16 hnum)
{
	u32 h = inet_ehashfn(LOOPBACK4_IPV6, hnum, LOOPBACK4_IPV6, sport);
	struct sock *sk;

	list_for_each_entry(sk, &tn->ehash[h], sk_node)
		if (sk->sk_family == AF_INET6 && sk->inet_num == hnum && sk->inet_dport == sport &&
		    ipv6_addr_equal(&sk->sk_v6_daddr, &ip6->saddr) &&
		    ipv6_addr_equal(&sk->sk_v6_rcv_saddr, &ip6->daddr))
			return sk;
	return NULL;
}

/* inet6_lookup_listener(): bound address and device beat wildcards; an
 * SO_REUSEPORT group gives the member the flow hashes to */
static struct sock *inet6_lookup_listener(struct tcp_net *tn, const struct ipv6hdr *ip6,
					  __be16 sport, u16 hnum, int dif)
{
	struct sock *sk, *best = NULL, *sel;
	int best_score = -1;

	list_for_each_entry(sk, &tn->lhash, sk_node) {
		int score = 1;

		if (sk->sk_family != AF_INET6 || sk->inet_num != hnum)
			continue;
		if (!ipv6_addr_any(&sk->sk_v6_rcv_saddr)) {
			if (!ipv6_addr_equal(&sk->sk_v6_rcv_saddr, &ip6->daddr))
				continue;
			score += 4;
		}
		if (sk->sk_bound_dev_if) {
			if (sk->sk_bound_dev_if != dif)
				continue;
			score += 4;
		}
		if (score > best_score) {
			best = sk;
			best_score = score;
		}
	}
	if (best && best->sk_reuseport) {
		sel = reuseport_select_sock(best, reuseport_ehashfn6(&ip6->daddr, hnum,
								     &ip6->saddr, sport));
		if (sel)
			return sel;
	}
	return best;
}

static struct sock *__inet6_lookup(struct net *net, const struct ipv6hdr *ip6, __be16 sport,
				   __be16 dport, int dif)
{
	struct tcp_net *tn = tcp_pernet(net);
	struct sock *sk;

	if (!tn)
		return NULL;
	sk = __inet6_lookup_established(tn, ip6, sport, ntohs(dport));
	return sk ? sk : inet6_lookup_listener(tn, ip6, sport, ntohs(dport), dif);
}

static int tcp_v6_rcv_bad(struct net *net, struct sk_buff *skb, enum skb_drop_reason r)
{
	__TCP_INC_STATS(net, TCP_MIB_INERRS);
	kfree_skb_reason(skb, r);
	return 0;
}

/* tcp_v6_do_rcv(): the socket's own processing, the listener's SYN path */
static int tcp_v6_do_rcv(struct sock *sk, struct sk_buff *skb)
{
	u8 fl = TCP_SKB_CB(skb)->tcp_flags;

	skb_trace(skb, "tcp_v6_do_rcv");
	if (sk->sk_state != TCP_LISTEN)
		return tcp_rcv_state_process(sk, skb);
	if (fl & TCPHDR_RST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_RESET);
		return 0;
	}
	/* cookie_v6_check(): syncookies.c serves both families */
	if ((fl & TCPHDR_ACK) && !(fl & TCPHDR_SYN) && cookie_v4_check(sk, skb))
		return 0;
	if (fl & TCPHDR_ACK) {
		tcp_v6_send_reset(sk, skb);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
		return 0;
	}
	if (!(fl & TCPHDR_SYN) || (fl & TCPHDR_FIN)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
		return 0;
	}
	return tcp_conn_request(sk, skb);
}

static bool tcp_v6_csum_bad(const struct sk_buff *skb)
{
	const struct ipv6hdr *ip6 = ipv6_hdr(skb);

	/* skb_csum_unnecessary(): CHECKSUM_PARTIAL never left this world */
	if (skb->ip_summed == CHECKSUM_UNNECESSARY || skb->ip_summed == CHECKSUM_PARTIAL)
		return false;
	return csum_fold(csum_partial(skb->data, (int)skb->len,
				      tcp_v6_pseudo(&ip6->saddr, &ip6->daddr, skb->len))) != 0;
}

int tcp_v6_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	struct tcphdr *th;
	struct sock *sk;

	skb_trace(skb, "tcp_v6_rcv");
	if (skb->pkt_type != PACKET_HOST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_OTHERHOST);
		return 0;
	}
	__TCP_INC_STATS(net, TCP_MIB_INSEGS);
	if (!pskb_may_pull(skb, sizeof(*th)))
		return tcp_v6_rcv_bad(net, skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	skb_reset_transport_header(skb);
	th = tcp_hdr(skb);
	if (th->doff < 5 || !pskb_may_pull(skb, (unsigned int)th->doff * 4u) ||
	    skb_linearize(skb))
		return tcp_v6_rcv_bad(net, skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	th = tcp_hdr(skb);
	if (tcp_v6_csum_bad(skb)) {
		__TCP_INC_STATS(net, TCP_MIB_CSUMERRORS);
		return tcp_v6_rcv_bad(net, skb, SKB_DROP_REASON_TCP_CSUM);
	}
	tcp_v6_fill_cb(skb, th);
	sk = __inet6_lookup(net, ipv6_hdr(skb), th->source, th->dest,
			    skb->skb_iif ? skb->skb_iif : skb->dev->ifindex);
	if (!sk) {
		skb_drop_hint(skb, "no socket listens on this port: RST sent");
		tcp_v6_send_reset(NULL, skb);
		kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
		return 0;
	}
	return tcp_v6_do_rcv(sk, skb);
}

/* tcp_v6_err(): an ICMPv6 error quoting one of our segments; a hard one
 * during SYN_SENT aborts the connect, others are soft errors */
static int tcp_v6_route(struct sock *sk, const struct in6_addr *daddr, int oif);

/* tcp_v6_mtu_reduced(): a packet too big about one of our segments: the
 * route learns the MTU (a PMTU exception), the socket takes the new route
 * and a smaller MSS, and what is in flight and too big goes again
 * (tcp_simple_retransmit).  An MTU under 1280 is ignored, as Linux does. */
static void tcp_v6_mtu_reduced(struct sock *sk, struct sk_buff *skb, u32 mtu)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 mss;

	if (sk->sk_state == TCP_LISTEN || mtu < IPV6_MIN_MTU)
		return;
	mss = mtu - (u32)sizeof(struct ipv6hdr) - 20 - (tp->tstamp_ok ? 12 : 0);
	if (mss >= tp->mss_cache)
		return;
	ip6_update_pmtu(skb, sock_net(sk), mtu, sk->sk_bound_dev_if);
	if (tcp_v6_route(sk, &sk->sk_v6_daddr, 0))
		return;
	tp->mss_cache = mss;
	tcp_simple_retransmit(sk);
}

int tcp_v6_err(struct sk_buff *skb, u8 type, u8 code, int offset, u32 info)
{
	const struct ipv6hdr *inner = (const struct ipv6hdr *)skb->data;
	const struct tcphdr *th = (const struct tcphdr *)(skb->data + offset);
	struct ipv6hdr back = { .saddr = inner->daddr, .daddr = inner->saddr };
	struct tcp_net *tn = tcp_pernet(dev_net(skb->dev));
	struct sock *sk;
	bool fatal;
	int err;

	sk = tn ? __inet6_lookup_established(tn, &back, th->dest, ntohs(th->source)) : NULL;
	if (!sk || sk->sk_state == TCP_TIME_WAIT)
		return 0;
	if (type == ICMPV6_PKT_TOOBIG) {
		tcp_v6_mtu_reduced(sk, skb, info);
		return 0;
	}
	err = icmpv6_err_convert(type, code, &fatal);
	if (sk->sk_state == TCP_SYN_SENT && fatal && sk->sk_socket) {
		sk->sk_err = err;
		sk->sk_error_report(sk);
		tcp_done(sk);
	} else {
		sk->sk_err_soft = err;
	}
	return 0;
}

/* tcp_v6_send_response(): a bare RST (or RST+ACK) answering skb */
static void tcp_v6_send_ctl(struct net *net, const struct sk_buff *in, u32 seq, u32 ack,
			    u8 flags)
{
	const struct ipv6hdr *ip6 = ipv6_hdr(in);
	const struct tcphdr *ith = tcp_hdr(in);
	int oif = ipv6_addr_linklocal(&ip6->saddr) ? in->dev->ifindex : 0, err;
	struct dst_entry *dst = ip6_route_output(net, &ip6->saddr, &ip6->daddr, oif, &err);
	struct sk_buff *skb;
	struct tcphdr *th;

	if (!dst)
		return;
	skb = alloc_skb(&net->world->skb_pool, NET_SKB_PAD + 128 + sizeof(*th));
	if (!skb) {
		dst_release(dst);
		return;
	}
	skb_reserve(skb, NET_SKB_PAD + 128);
	th = (struct tcphdr *)skb_put_zero(skb, sizeof(*th));
	th->source = ith->dest;
	th->dest = ith->source;
	th->seq = htonl(seq);
	th->ack_seq = htonl(ack);
	th->doff = 5;
	th->flags = flags;
	skb_reset_transport_header(skb);
	tcp_v6_send_check(skb, &ip6->daddr, &ip6->saddr, false);
	skb_dst_set(skb, dst);
	skb->dev = dst->dev;
	__TCP_INC_STATS(net, TCP_MIB_OUTSEGS);
	/* the reset carries the segment's class without its ECN bits */
	/* flowlabel_reflect bit 1: with the segment's flow label */
	ip6_xmit_flow(net, skb, &ip6->daddr, &ip6->saddr, IPPROTO_TCP, -1,
		      ipv6_get_dsfield(ip6) & ~3,
		      net->ipv6.sysctl_flowlabel_reflect & 2 ? ip6_flowlabel(ip6) : 0);
}

/* tcp_v6_send_reset(): RFC 9293 3.10.7.1, as tcp_v4_send_reset */
void tcp_v6_send_reset(struct sock *sk, struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	const struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

	(void)sk;
	if (cb->tcp_flags & TCPHDR_RST)
		return;
	if (ipv6_addr_is_multicast(&ipv6_hdr(skb)->daddr))
		return;
	if (cb->tcp_flags & TCPHDR_ACK)
		tcp_v6_send_ctl(net, skb, cb->ack_seq, 0, TCPHDR_RST);
	else
		tcp_v6_send_ctl(net, skb, 0, cb->end_seq, TCPHDR_RST | TCPHDR_ACK);
	__TCP_INC_STATS(net, TCP_MIB_OUTRSTS);
}

/* ---- the socket half ---- */
static int tcp_v6_init_sock(struct sock *sk)
{
	tcp_v4_init_sock(sk);
	inet_csk(sk)->icsk_af_ops = &ipv6_specific;
	sk->inet_saddr = sk->inet_rcv_saddr = LOOPBACK4_IPV6;
	sk->ipv6only = sock_net(sk)->ipv6.sysctl_bindv6only != 0;
	return 0;
}

static int tcp_v6_bind(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)uaddr;
	int err;

	if (len < SIN6_LEN_RFC2133)
		return -EINVAL;
	if (ipv6_addr_v4mapped(&sin6->sin6_addr))
		return -EAFNOSUPPORT;	/* a v4-mapped local address: not modelled */
	err = ipv6_bind_addr_ok(sk, sin6);
	if (err)
		return err;
	if (sk->sk_state != TCP_CLOSE || sk->inet_num)
		return -EINVAL;
	sk->sk_v6_rcv_saddr = sin6->sin6_addr;
	if (!ipv6_addr_any(&sin6->sin6_addr))
		sk->ipv6only = 1;
	/* [::] without IPV6_V6ONLY is also 0.0.0.0 (__inet6_bind's v4addr
	 * INADDR_ANY): IPv4 listener lookups and binds see it */
	if (!sk->ipv6only)
		sk->inet_saddr = sk->inet_rcv_saddr = 0;
	err = inet_csk_get_port(sk, ntohs(sin6->sin6_port));
	if (err) {
		memset(&sk->sk_v6_rcv_saddr, 0, sizeof(sk->sk_v6_rcv_saddr));
		sk->inet_saddr = sk->inet_rcv_saddr = LOOPBACK4_IPV6;
	}
	return err;
}

/* The route to daddr (held in sk_dst_cache) and the source address; the
 * key has the socket's traffic class (IPV6_TCLASS), ports, mark and uid */
static int tcp_v6_route(struct sock *sk, const struct in6_addr *daddr, int oif)
{
	struct net *net = sock_net(sk);
	bool bound = !ipv6_addr_any(&sk->sk_v6_rcv_saddr);
	struct flowi6 fl6 = { .flowi6_oif = oif ? oif : sk->sk_bound_dev_if,
			      .flowi6_mark = sk->sk_mark, .flowi6_proto = IPPROTO_TCP,
			      .flowi6_tclass = sk->tclass, .flowi6_uid = sk->sk_uid,
			      .daddr = *daddr, .fl6_sport = sk->inet_sport,
			      .fl6_dport = sk->inet_dport };
	struct dst_entry *dst;
	int err;

	if (bound)
		fl6.saddr = sk->sk_v6_rcv_saddr;
	dst = ip6_route_output_flow(net, &fl6, &err);
	if (!dst) {
		if (err == -ENETUNREACH)
			__IP6_INC_STATS(net, IPSTATS6_MIB_OUTNOROUTES);
		return err;
	}
	if (!bound && ipv6_dev_get_saddr(net, dst->dev, daddr, &sk->sk_v6_rcv_saddr)) {
		dst_release(dst);
		return -EADDRNOTAVAIL;
	}
	if (sk->sk_dst_cache)
		dst_release(sk->sk_dst_cache);
	sk->sk_dst_cache = dst;
	return 0;
}

/* tcp_v6_connect() to ::ffff:a.b.c.d: the socket takes ipv6_mapped and
 * tcp_v4_connect() does the rest; IPV6_V6ONLY forbids it */
static int tcp_v6_connect_mapped(struct sock *sk, const struct sockaddr_in6 *usin)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct sockaddr_in sin;
	__be32 saddr = sk->inet_rcv_saddr;
	int err;

	if (sk->ipv6only)
		return -ENETUNREACH;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = usin->sin6_port;
	sin.sin_addr.s_addr = usin->sin6_addr.s6_addr32[3];
	icsk->icsk_af_ops = &ipv6_mapped;
	if (saddr == LOOPBACK4_IPV6)
		sk->inet_saddr = sk->inet_rcv_saddr = 0;
	err = tcp_v4_connect(sk, (const struct sockaddr *)&sin, (int)sizeof(sin));
	if (err) {
		icsk->icsk_af_ops = &ipv6_specific;
		sk->inet_saddr = sk->inet_rcv_saddr = saddr;
		return err;
	}
	tcp_v6_set_mapped(sk);
	return 0;
}

/* tcp_v6_connect(): route, source address, local port, ISN, SYN */
static int tcp_v6_connect(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in6 *usin = (const struct sockaddr_in6 *)uaddr;
	struct in6_addr daddr;
	struct tcp_sock *tp = tcp_sk(sk);
	int err;

	if (len < SIN6_LEN_RFC2133)
		return -EINVAL;
	if (usin->sin6_family != AF_INET6)
		return -EAFNOSUPPORT;
	daddr = usin->sin6_addr;
	if (ipv6_addr_any(&daddr))
		daddr.s6_addr[15] = 1;	/* connect to :: is to ::1 */
	if (ipv6_addr_v4mapped(&daddr))
		return tcp_v6_connect_mapped(sk, usin);
	if (ipv6_addr_is_multicast(&daddr))
		return -ENETUNREACH;
	sk->inet_dport = usin->sin6_port;	/* in the route's key */
	err = tcp_v6_route(sk, &daddr, (int)usin->sin6_scope_id);
	if (err) {
		sk->inet_dport = 0;
		return err;
	}
	if (usin->sin6_scope_id && ipv6_addr_linklocal(&daddr))
		sk->sk_bound_dev_if = (int)usin->sin6_scope_id;
	sk->sk_v6_daddr = daddr;
	sk->inet_daddr = sk->inet_saddr = sk->inet_rcv_saddr = LOOPBACK4_IPV6;
	sk->inet_dport = usin->sin6_port;
	if (!sk->inet_num && (err = inet_csk_get_port(sk, 0)))
		goto failure;
	tcp_set_state(sk, TCP_SYN_SENT);
	inet_ehash_insert(sk);
	tp->write_seq = world_random_u32(sock_net(sk)->world);
	tp->tsoffset = world_random_u32(sock_net(sk)->world);
	err = tcp_connect(sk);
	if (err)
		goto failure;
	return 0;
failure:
	tcp_set_state(sk, TCP_CLOSE);
	inet_unhash(sk);
	sk->inet_dport = 0;
	return err;
}

static void tcp_v6_close(struct sock *sk)
{
	tcp_prot.close(sk);
}

static int tcp_v6_sendmsg(struct sock *sk, const struct msghdr *m, size_t len, int flags)
{
	return tcp_prot.sendmsg(sk, m, len, flags);
}

static int tcp_v6_recvmsg(struct sock *sk, struct msghdr *m, size_t len, int flags, int *alen)
{
	return tcp_prot.recvmsg(sk, m, len, flags, alen);
}

/* The IPv6 options are ipv6_setsockopt()'s (ipv6_sockglue.c); a name it
 * does not know is accepted and not kept, as before */
static int tcp_v6_setsockopt(struct sock *sk, int level, int name, const void *val,
			     unsigned int len)
{
	int err;

	if (level != IPPROTO_IPV6)
		return tcp_prot.setsockopt(sk, level, name, val, len);
	err = ipv6_setsockopt(sk, level, name, val, len);
	return err == -ENOPROTOOPT ? 0 : err;
}

static int tcp_v6_getsockopt(struct sock *sk, int level, int name, void *val, unsigned int *len)
{
	if (level != IPPROTO_IPV6)
		return tcp_prot.getsockopt(sk, level, name, val, len);
	return ipv6_getsockopt(sk, level, name, val, len);
}

const struct proto tcpv6_prot = {
	.name = "TCPv6",
	.close = tcp_v6_close,
	.init = tcp_v6_init_sock,
	.connect = tcp_v6_connect,
	.bind = tcp_v6_bind,
	.sendmsg = tcp_v6_sendmsg,
	.recvmsg = tcp_v6_recvmsg,
	.setsockopt = tcp_v6_setsockopt,
	.getsockopt = tcp_v6_getsockopt,
	.obj_size = sizeof(struct tcp_sock),
};
