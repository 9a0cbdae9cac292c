/* TCP over IPv4 (net/ipv4/tcp_ipv4.c): ip_local_deliver_finish hands a
 * segment to tcp_v4_rcv(), which checks it, fills TCP_SKB_CB, looks the
 * socket up (__inet_lookup) and passes it to tcp_v4_do_rcv() →
 * tcp_rcv_state_process(); a segment for no socket is answered with a RST
 * (tcp_v4_send_reset).  Also the active open (tcp_v4_connect) and ICMP
 * errors for TCP (tcp_v4_err). */
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/netdevice.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/tcp.h"
#include "net/trace.h"
#include "net/world.h"

int ip_err_from_icmp(struct sk_buff *skb, bool *fatal);

static u16 tcp_v4_csum(const struct sk_buff *skb, __be32 saddr, __be32 daddr, unsigned int len)
{
	u16 proto = htons(IPPROTO_TCP), l = htons((u16)len);
	u32 sum = csum_partial(&saddr, 4, 0);

	sum = csum_partial(&daddr, 4, sum);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(&l, 2, sum);
	sum = csum_partial(skb->data, (int)len, sum);
	return csum_fold(sum);
}

/* tcp_v4_fill_cb(): sequence space of the segment */
static void tcp_v4_fill_cb(struct sk_buff *skb, const struct tcphdr *th)
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

static int tcp_v4_rcv_bad(struct net *net, struct sk_buff *skb, enum skb_drop_reason r)
{
	__TCP_INC_STATS(net, TCP_MIB_INERRS);
	kfree_skb_reason(skb, r);
	return 0;
}

int tcp_v4_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	const struct iphdr *iph = ip_hdr(skb);
	struct tcphdr *th;
	struct sock *sk;

	skb_trace(skb, "tcp_v4_rcv");
	if (skb->pkt_type != PACKET_HOST) {
		kfree_skb_reason(skb, SKB_DROP_REASON_OTHERHOST);
		return 0;
	}
	net->mib.tcp[TCP_MIB_INSEGS] += skb_gso_segs(skb);
	if (!pskb_may_pull(skb, sizeof(*th)))
		return tcp_v4_rcv_bad(net, skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	skb_reset_transport_header(skb);
	th = tcp_hdr(skb);
	if (th->doff < 5 || !pskb_may_pull(skb, (unsigned int)th->doff * 4u))
		return tcp_v4_rcv_bad(net, skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	th = tcp_hdr(skb);
	/* skb_csum_unnecessary(): a CHECKSUM_PARTIAL packet came from this
	 * world over veth/lo/bridge and was never on a wire */
	if (skb->ip_summed != CHECKSUM_UNNECESSARY && skb->ip_summed != CHECKSUM_PARTIAL &&
	    tcp_v4_csum(skb, iph->saddr, iph->daddr, skb->len)) {
		__TCP_INC_STATS(net, TCP_MIB_CSUMERRORS);
		return tcp_v4_rcv_bad(net, skb, SKB_DROP_REASON_TCP_CSUM);
	}
	tcp_v4_fill_cb(skb, th);
	sk = __inet_lookup(net, iph->saddr, th->source, iph->daddr, th->dest, skb->skb_iif ?
			   skb->skb_iif : skb->dev->ifindex);
	if (!sk) {
		skb_drop_hint(skb, "no socket listens on this port: RST sent");
		tcp_v4_send_reset(NULL, skb);
		kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
		return 0;
	}
	return tcp_v4_do_rcv(sk, skb);
}

/* tcp_v4_do_rcv(): the socket's own processing, the listener's SYN path */
int tcp_v4_do_rcv(struct sock *sk, struct sk_buff *skb)
{
	skb_trace(skb, "tcp_v4_do_rcv");
	if (sk->sk_state == TCP_LISTEN) {
		u8 fl = TCP_SKB_CB(skb)->tcp_flags;

		if (fl & TCPHDR_RST) {
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_RESET);
			return 0;
		}
		if ((fl & TCPHDR_ACK) && !(fl & TCPHDR_SYN) && cookie_v4_check(sk, skb))
			return 0;
		if (fl & TCPHDR_ACK) {
			tcp_v4_send_reset(sk, skb);
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
			return 0;
		}
		if (!(fl & TCPHDR_SYN) || (fl & TCPHDR_FIN)) {
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
			return 0;
		}
		return tcp_conn_request(sk, skb);
	}
	return tcp_rcv_state_process(sk, skb);
}

/* A bare control segment (RST or ACK) not tied to a socket's queue. */
static void tcp_v4_send_ctl(struct net *net, const struct sk_buff *in, u32 seq, u32 ack,
			    u8 flags)
{
	const struct iphdr *iph = ip_hdr(in);
	const struct tcphdr *ith = tcp_hdr(in);
	struct flowi4 fl4 = { 0 };
	struct sk_buff *skb;
	struct rtable *rt;
	struct tcphdr *th;
	struct iphdr *oiph;
	int err;

	fl4.daddr = iph->saddr;
	fl4.saddr = iph->daddr;
	fl4.flowi4_proto = IPPROTO_TCP;
	rt = ip_route_output_flow(net, &fl4, NULL, &err);
	if (!rt)
		return;
	skb = alloc_skb(&net->world->skb_pool, NET_SKB_PAD + 128);
	if (!skb) {
		ip_rt_put(rt);
		return;
	}
	skb_reserve(skb, NET_SKB_PAD + 64);
	th = (struct tcphdr *)skb_put_zero(skb, sizeof(*th));
	th->source = ith->dest;
	th->dest = ith->source;
	th->seq = htonl(seq);
	th->ack_seq = htonl(ack);
	th->doff = 5;
	th->flags = flags;
	skb_reset_transport_header(skb);
	th->check = tcp_v4_csum(skb, fl4.saddr, fl4.daddr, skb->len);
	oiph = (struct iphdr *)skb_push(skb, sizeof(*oiph));
	skb_reset_network_header(skb);
	memset(oiph, 0, sizeof(*oiph));
	oiph->version = 4;
	oiph->ihl = 5;
	oiph->ttl = (u8)net->ipv4.sysctl_ip_default_ttl;
	oiph->protocol = IPPROTO_TCP;
	oiph->saddr = fl4.saddr;
	oiph->daddr = fl4.daddr;
	oiph->frag_off = htons(IP_DF);
	ip_select_ident(net, skb, NULL);
	skb_dst_set(skb, &rt->dst);
	skb->dev = rt->dst.dev;
	__TCP_INC_STATS(net, TCP_MIB_OUTSEGS);
	__IP_INC_STATS(net, IPSTATS_MIB_OUTREQUESTS);
	ip_local_out(net, NULL, skb);
}

/* tcp_v4_send_reset(): RFC 9293 3.10.7.1 — seq from the ACK field, or
 * seq 0 and an ACK covering the segment when it had no ACK. */
void tcp_v4_send_reset(struct sock *sk, struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	const struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

	if (skb_network_header(skb)[0] >> 4 == 6) {
		tcp_v6_send_reset(sk, skb);
		return;
	}
	if (cb->tcp_flags & TCPHDR_RST)
		return;
	if (skb_rtable(skb) && skb_rtable(skb)->rt_type != RTN_LOCAL)
		return;
	if (cb->tcp_flags & TCPHDR_ACK)
		tcp_v4_send_ctl(net, skb, cb->ack_seq, 0, TCPHDR_RST);
	else
		tcp_v4_send_ctl(net, skb, 0, cb->end_seq, TCPHDR_RST | TCPHDR_ACK);
	__TCP_INC_STATS(net, TCP_MIB_OUTRSTS);
}

static int tcp_v4_route(struct sock *sk, __be32 daddr, struct flowi4 *fl4)
{
	struct rtable *rt;
	int err;

	memset(fl4, 0, sizeof(*fl4));
	fl4->daddr = daddr;
	fl4->saddr = sk->inet_saddr;
	fl4->flowi4_oif = sk->sk_bound_dev_if;
	fl4->flowi4_mark = sk->sk_mark;
	fl4->flowi4_tos = sk->tos & IPTOS_RT_MASK;
	fl4->flowi4_proto = IPPROTO_TCP;
	rt = ip_route_output_flow(sock_net(sk), fl4, sk, &err);
	if (!rt) {
		if (err == -ENETUNREACH)
			__IP_INC_STATS(sock_net(sk), IPSTATS_MIB_OUTNOROUTES);
		return err;
	}
	if (rt->rt_flags & (RTCF_MULTICAST | RTCF_BROADCAST)) {
		ip_rt_put(rt);
		return -ENETUNREACH;
	}
	if (sk->sk_dst_cache)
		dst_release(sk->sk_dst_cache);
	sk->sk_dst_cache = &rt->dst;
	return 0;
}

/* tcp_v4_connect(): route, source address, local port, ISN, SYN. */
int tcp_v4_connect(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in *usin = (const struct sockaddr_in *)uaddr;
	struct tcp_sock *tp = tcp_sk(sk);
	struct flowi4 fl4;
	int err;

	if (len < (int)sizeof(*usin))
		return -EINVAL;
	if (usin->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	err = tcp_v4_route(sk, usin->sin_addr.s_addr ? usin->sin_addr.s_addr :
			   htonl(INADDR_LOOPBACK), &fl4);
	if (err)
		return err;
	if (!sk->inet_saddr)
		sk->inet_saddr = fl4.saddr;
	if (!sk->inet_rcv_saddr)
		sk->inet_rcv_saddr = fl4.saddr;
	sk->inet_daddr = fl4.daddr;
	sk->inet_dport = usin->sin_port;
	err = inet_hash_connect(sk);
	if (err)
		goto failure;
	tcp_set_state(sk, TCP_SYN_SENT);
	inet_ehash_insert(sk);
	if (!tp->write_seq)	/* else past a reused TIME_WAIT's */
		tp->write_seq = world_random_u32(sock_net(sk)->world);
	tp->tsoffset = world_random_u32(sock_net(sk)->world);
	sk->inet_id = (u16)world_random_u32(sock_net(sk)->world);
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

/* tcp_v4_err(): ICMP errors quoting one of our segments.  Unreachables
 * during SYN_SENT abort the connect; otherwise they are soft errors. */
int tcp_v4_err(struct sk_buff *skb, u32 info)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	struct net *net = dev_net(skb->dev);
	const struct tcphdr *th;
	bool fatal;
	struct sock *sk;
	int err;

	(void)info;
	if (skb->len < (unsigned int)iph->ihl * 4 + 8)
		return 0;
	th = (const struct tcphdr *)(skb->data + iph->ihl * 4);
	sk = __inet_lookup(net, iph->daddr, th->dest, iph->saddr, th->source, 0);
	if (!sk || sk->sk_state == TCP_LISTEN || sk->sk_state == TCP_TIME_WAIT)
		return 0;
	err = ip_err_from_icmp(skb, &fatal);
	if (!err)
		return 0;
	if (sk->sk_state == TCP_SYN_SENT && fatal && sk->sk_socket) {
		sk->sk_err = err;
		sk->sk_error_report(sk);
		tcp_done(sk);
	} else {
		sk->sk_err_soft = err;
	}
	return 0;
}

static void tcp_v4_syn_recv_addrs(struct sock *sk, const struct sk_buff *skb)
{
	const struct iphdr *iph = ip_hdr(skb);

	sk->inet_saddr = sk->inet_rcv_saddr = iph->daddr;
	sk->inet_daddr = iph->saddr;
	/* tcp_v4_syn_recv_sock(): the listener's TOS, or the SYN's */
	if (tcp_pernet(sock_net(sk))->sysctl_tcp_reflect_tos)
		sk->tos = iph->tos & ~3;	/* ~INET_ECN_MASK */
}

const struct inet_connection_sock_af_ops ipv4_specific = {
	.queue_xmit = tcp_v4_queue_xmit,
	.rebuild_header = tcp_v4_child_route,
	.syn_recv_addrs = tcp_v4_syn_recv_addrs,
	.net_header_len = sizeof(struct iphdr),
};
