/* UDP sockets (net/ipv4/udp.c, net/ipv4/datagram.c): so far the control
 * half — bind, autobind from the ephemeral range, connect with its route
 * lookup (what ping's source-address probe uses), getsockname.  Sending and
 * receiving datagrams is the transport issue's work. */
#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include "linux/netdevice.h"
#include "net/ip.h"
#include "net/icmp.h"
#include "net/trace.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/sock.h"
#include "net/sock_reuseport.h"
#include "net/udp.h"
#include "net/world.h"

struct udphdr_wire {
	__be16 source;
	__be16 dest;
	__be16 len;
	__sum16 check;
};

/* Is port taken for an ephemeral choice?  Any socket on it is enough. */
static bool udp_port_used(struct net *net, u16 port, const struct sock *self)
{
	struct sock *sk;

	list_for_each_entry(sk, &net->ipv4.udp_sockets, sk_node)
		if (sk != self && sk->inet_num == port)
			return true;
	return false;
}

/* udp_lib_lport_inuse(): does sk2 keep sk off port?  IPv4 and IPv6
 * sockets share the table (Linux's udp_table): same port, overlapping
 * devices and addresses, not both SO_REUSEADDR, and not both SO_REUSEPORT
 * of one uid. */
static bool udp_lib_conflict(const struct sock *sk, const struct sock *sk2, u16 port)
{
	if (sk2 == sk || sk2->inet_num != port)
		return false;
	if (sk2->sk_reuse && sk->sk_reuse)
		return false;
	if (sk2->sk_bound_dev_if && sk->sk_bound_dev_if &&
	    sk2->sk_bound_dev_if != sk->sk_bound_dev_if)
		return false;
	if (!udp_rcv_saddr_equal(sk, sk2))
		return false;
	return !(sk2->sk_reuseport && sk->sk_reuseport && !sk->sk_reuseport_cb &&
		 sk2->sk_uid == sk->sk_uid);
}

static bool udp_lib_lport_inuse(struct net *net, const struct sock *sk, u16 port)
{
	struct sock *sk2;

	list_for_each_entry(sk2, &net->ipv4.udp_sockets, sk_node)
		if (udp_lib_conflict(sk, sk2, port))
			return true;
	return false;
}

/* The very same bound address (inet_rcv_saddr_equal(.., false)) */
static bool udp_rcv_saddr_same(const struct sock *sk, const struct sock *sk2)
{
	if (sk->sk_family == AF_INET6)
		return !memcmp(&sk->sk_v6_rcv_saddr, &sk2->sk_v6_rcv_saddr,
			       sizeof(sk->sk_v6_rcv_saddr));
	return sk->inet_rcv_saddr == sk2->inet_rcv_saddr;
}

static bool udp_rcv_saddr_any(const struct sock *sk)
{
	static const struct in6_addr any6;

	if (sk->sk_family == AF_INET6)
		return !memcmp(&sk->sk_v6_rcv_saddr, &any6, sizeof(any6));
	return !sk->inet_rcv_saddr;
}

/* udp_reuseport_add_sock(): join the group of a socket with SO_REUSEPORT on
 * the same port, family, device and address of the same uid, or start one */
static int udp_reuseport_add_sock(struct net *net, struct sock *sk)
{
	struct sock *sk2;

	list_for_each_entry(sk2, &net->ipv4.udp_sockets, sk_node)
		if (sk2 != sk && sk2->sk_family == sk->sk_family &&
		    sk2->ipv6only == sk->ipv6only && sk2->inet_num == sk->inet_num &&
		    sk2->sk_bound_dev_if == sk->sk_bound_dev_if && sk2->sk_reuseport &&
		    sk2->sk_uid == sk->sk_uid && udp_rcv_saddr_same(sk, sk2))
			return reuseport_add_sock(sk, sk2, udp_rcv_saddr_any(sk));
	return reuseport_alloc(sk, udp_rcv_saddr_any(sk));
}

/* udp_lib_get_port(): want, unless a socket there conflicts, or a free
 * port from ip_local_port_range (inet_autobind); with SO_REUSEPORT the
 * socket joins its group (no memory for it: -EADDRINUSE, as Linux). */
int udp_get_port(struct sock *sk, u16 want)
{
	struct net *net = sock_net(sk);
	int lo = net->ipv4.sysctl_ip_local_port_range[0];
	int hi = net->ipv4.sysctl_ip_local_port_range[1];
	u32 n = (u32)(hi - lo + 1);
	u32 start;

	if (want) {
		if (udp_lib_lport_inuse(net, sk, want))
			return -EADDRINUSE;
		sk->inet_num = want;
		goto found;
	}
	start = world_random_below(net->world, n);
	for (u32 i = 0; i < n; i++) {
		u16 port = (u16)(lo + (int)((start + i) % n));

		if (!udp_port_used(net, port, sk)) {
			sk->inet_num = port;
			goto found;
		}
	}
	return -EADDRINUSE;
found:
	if (sk->sk_reuseport && udp_reuseport_add_sock(net, sk)) {
		sk->inet_num = 0;
		return -EADDRINUSE;
	}
	return 0;
}

void udp_hash(struct sock *sk)
{
	if (list_empty(&sk->sk_node))
		list_add_tail(&sk->sk_node, &sock_net(sk)->ipv4.udp_sockets);
	sk->inet_sport = htons(sk->inet_num);
}

static int udp_bind(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in *addr = (const struct sockaddr_in *)uaddr;
	unsigned int type;
	int err;

	if (len < (int)sizeof(*addr))
		return -EINVAL;
	if (sk->inet_num)
		return -EINVAL;
	type = inet_addr_type(sock_net(sk), addr->sin_addr.s_addr);
	if (addr->sin_addr.s_addr && type != RTN_LOCAL && type != RTN_MULTICAST &&
	    type != RTN_BROADCAST && !sk->freebind &&
	    !sock_net(sk)->ipv4.sysctl_ip_nonlocal_bind)
		return -EADDRNOTAVAIL;
	sk->inet_rcv_saddr = sk->inet_saddr = addr->sin_addr.s_addr;
	err = udp_get_port(sk, ntohs(addr->sin_port));
	if (err) {
		sk->inet_rcv_saddr = sk->inet_saddr = 0;
		return err;
	}
	udp_hash(sk);
	return 0;
}

/* ip4_datagram_connect(): route to the peer, take its source address */
static int udp_connect(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in *usin = (const struct sockaddr_in *)uaddr;
	struct flowi4 fl4 = { 0 };
	struct rtable *rt;
	int err;

	if (len < (int)sizeof(*usin))
		return -EINVAL;
	if (usin->sin_family == AF_UNSPEC) {
		sk->inet_daddr = 0;
		sk->inet_dport = 0;
		return 0;
	}
	if (usin->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	fl4.daddr = usin->sin_addr.s_addr;
	fl4.saddr = sk->inet_saddr;
	fl4.flowi4_oif = sk->sk_bound_dev_if;
	fl4.flowi4_mark = sk->sk_mark;
	fl4.flowi4_tos = sk->tos & IPTOS_RT_MASK;
	fl4.flowi4_proto = IPPROTO_UDP;
	fl4.fl4_sport = sk->inet_sport;		/* ip_route_connect(): rules on ports */
	fl4.fl4_dport = usin->sin_port;
	rt = ip_route_output_dgram(sock_net(sk), &fl4, sk, &err);
	if (!rt) {
		if (err == -ENETUNREACH)
			__IP_INC_STATS(sock_net(sk), IPSTATS_MIB_OUTNOROUTES);
		return err;
	}
	if (!sk->inet_saddr)
		sk->inet_saddr = fl4.saddr;
	if (!sk->inet_rcv_saddr)
		sk->inet_rcv_saddr = fl4.saddr;
	sk->inet_daddr = fl4.daddr;
	sk->inet_dport = usin->sin_port;
	reuseport_has_conns_set(sk);
	if (sk->sk_dst_cache)
		dst_release(sk->sk_dst_cache);
	sk->sk_dst_cache = &rt->dst;
	if (!sk->inet_num) {
		/* inet_autobind(): no free port is -EAGAIN */
		if (udp_get_port(sk, 0))
			return -EAGAIN;
		udp_hash(sk);
	}
	return 0;
}

static void udp_close(struct sock *sk)
{
	reuseport_detach_sock(sk);
	list_del(&sk->sk_node);
	sk_free(sk);
}

/* udp4_hwcsum-less checksum over the pseudo header; a computed 0 goes out
 * as 0xFFFF (RFC 768: 0 means "no checksum"). */
static void udp_set_csum(struct sk_buff *skb)
{
	struct udphdr_wire *uh = (struct udphdr_wire *)skb_transport_header(skb);
	const struct iphdr *iph = ip_hdr(skb);
	u16 proto = htons(IPPROTO_UDP);
	u32 sum;

	uh->check = 0;
	sum = csum_partial(&iph->saddr, 8, 0);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(&uh->len, 2, sum);
	sum = csum_partial(uh, ntohs(uh->len), sum);
	uh->check = csum_fold(sum);
	if (!uh->check)
		uh->check = 0xFFFF;
}

static int udp_dest(struct sock *sk, const struct msghdr *m, struct flowi4 *fl4)
{
	if (m->msg_name) {
		const struct sockaddr_in *usin = m->msg_name;

		if (m->msg_namelen < sizeof(*usin))
			return -EINVAL;
		if (usin->sin_family != AF_INET)
			return usin->sin_family == AF_UNSPEC ? -EINVAL : -EAFNOSUPPORT;
		fl4->daddr = usin->sin_addr.s_addr;
		fl4->fl4_dport = usin->sin_port;
		if (!usin->sin_port)
			return -EINVAL;
		return 0;
	}
	if (!sk->inet_daddr)
		return -EDESTADDRREQ;
	fl4->daddr = sk->inet_daddr;
	fl4->fl4_dport = sk->inet_dport;
	return 0;
}

/* udp_sendmsg(): inet_autobind, route (ip_route_output_flow), the
 * datagram (ip_make_skb), its UDP header, ip_send_skb(). */
static int udp_sendmsg(struct sock *sk, const struct msghdr *m, size_t len, int flags)
{
	struct net *net = sock_net(sk);
	struct flowi4 fl4 = { 0 };
	struct udphdr_wire uh;
	struct sk_buff *skb;
	struct rtable *rt;
	int err;

	if (len > 0xFFFF - 28)
		return -EMSGSIZE;
	err = udp_dest(sk, m, &fl4);
	if (err)
		return err;
	if (!sk->inet_num) {
		/* inet_autobind(): no free port is -EAGAIN */
		if (udp_get_port(sk, 0))
			return -EAGAIN;
		udp_hash(sk);
	}
	fl4.saddr = sk->inet_saddr;
	fl4.flowi4_oif = sk->sk_bound_dev_if;
	fl4.flowi4_mark = sk->sk_mark;
	fl4.flowi4_tos = sk->tos & IPTOS_RT_MASK;
	fl4.flowi4_proto = IPPROTO_UDP;
	fl4.fl4_sport = sk->inet_sport;
	rt = ip_route_output_dgram(net, &fl4, sk, &err);
	if (!rt) {
		if (err == -ENETUNREACH)
			__IP_INC_STATS(net, IPSTATS_MIB_OUTNOROUTES);
		return err;
	}
	if (sk->pmtudisc >= IP_PMTUDISC_DO && len + 28 > ipv4_mtu(&rt->dst)) {
		ip_local_error(sk, EMSGSIZE, fl4.daddr, fl4.fl4_dport, ipv4_mtu(&rt->dst) - 20);
		ip_rt_put(rt);
		return -EMSGSIZE;
	}
	/* sock_alloc_send_skb(): room in the send buffer, or wait for it */
	err = sock_wait_for_wmem(sk, flags);
	if (err) {
		ip_rt_put(rt);
		if (err == -EAGAIN)
			__UDP_INC_STATS(net, UDP_MIB_SNDBUFERRORS);
		return err;
	}
	uh.source = sk->inet_sport;
	uh.dest = fl4.fl4_dport;
	uh.len = htons((u16)(len + sizeof(uh)));
	uh.check = 0;
	skb = ip_make_skb(sk, &fl4, rt, &uh, sizeof(uh), m, len, IPPROTO_UDP);
	if (!skb) {
		ip_rt_put(rt);
		return -ENOBUFS;
	}
	udp_set_csum(skb);
	skb_set_owner_w(skb, sk);
	skb_dst_set(skb, &rt->dst);
	skb->dev = rt->dst.dev;
	if (skb_tracing(skb)) {
		/* the stages before the skb existed, then its making */
		skb_trace(skb, "udp_sendmsg");
		skb_trace_route(skb, "ip_route_output_flow", rt);
		skb_trace(skb, "ip_make_skb");
		skb_trace(skb, "udp_send_skb");
	}
	err = ip_send_skb(net, skb);
	if (err) {
		if (err == -ENOBUFS && !sk->recverr)
			err = 0;
		else
			__UDP_INC_STATS(net, UDP_MIB_SNDBUFERRORS);
	} else {
		__UDP_INC_STATS(net, UDP_MIB_OUTDATAGRAMS);
	}
	return err ? err : (int)len;
}

/* udp_recvmsg(): one datagram's payload, and who sent it */
static int udp_recvmsg(struct sock *sk, struct msghdr *m, size_t len, int flags, int *alen)
{
	struct sk_buff *skb;
	size_t copied;
	int err = 0;

	if (flags & MSG_ERRQUEUE)
		return ip_recv_error(sk, m, len, alen);
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	copied = skb->len - 8;
	if (copied > len) {
		m->msg_flags |= MSG_TRUNC;
		copied = len;
	}
	skb_copy_datagram_msg(skb, 8, m, copied);
	if (m->msg_name) {
		struct sockaddr_in *sin = m->msg_name;

		memset(sin, 0, sizeof(*sin));
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
		memcpy(&sin->sin_port, skb->data, 2);
		*alen = sizeof(*sin);
	}
	if (!(flags & MSG_PEEK))
		__UDP_INC_STATS(sock_net(sk), UDP_MIB_INDATAGRAMS);
	if (flags & MSG_TRUNC)
		copied = skb->len - 8;
	consume_skb(skb);
	return (int)copied;
}

/* udp_ioctl(): SIOCINQ is the payload of the next datagram (0 when none),
 * SIOCOUTQ what the socket has in flight below it. */
static int udp_ioctl(struct sock *sk, int cmd, int *karg)
{
	switch (cmd) {
	case SIOCINQ: {
		const struct sk_buff *skb = skb_peek(&sk->sk_receive_queue);

		*karg = skb ? (int)skb->len - 8 : 0;
		return 0;
	}
	case SIOCOUTQ:
		*karg = sk->sk_wmem_alloc;
		return 0;
	}
	return -ENOIOCTLCMD;
}

const struct proto udp_prot = {
	.name = "UDP",
	.close = udp_close,
	.connect = udp_connect,
	.bind = udp_bind,
	.sendmsg = udp_sendmsg,
	.recvmsg = udp_recvmsg,
	.setsockopt = ip_setsockopt,
	.getsockopt = ip_getsockopt,
	.ioctl = udp_ioctl,
	.obj_size = sizeof(struct sock),
};

/* ---- receive (__udp4_lib_rcv) ---- */

/* compute_score(): -1 when sk does not take the datagram; a bound address
 * beats the wildcard (Linux looks it up first), a connected peer and a
 * bound device add, an AF_INET socket beats a dual-stack AF_INET6 one */
static int udp4_score(const struct sock *sk, __be32 saddr, __be16 sport, __be32 daddr,
		      u16 hnum, int dif)
{
	int score;

	if (sk->inet_num != hnum || sk->ipv6only)
		return -1;
	score = sk->sk_family == AF_INET ? 2 : 1;
	if (sk->inet_rcv_saddr) {
		if (sk->inet_rcv_saddr != daddr)
			return -1;
		score += 16;
	}
	if (sk->inet_daddr) {
		if (sk->inet_daddr != saddr)
			return -1;
		score += 4;
	}
	if (sk->inet_dport) {
		if (sk->inet_dport != sport)
			return -1;
		score += 4;
	}
	if (sk->sk_bound_dev_if) {
		if (sk->sk_bound_dev_if != dif)
			return -1;
		score += 4;
	}
	return score;
}

/* __udp4_lib_lookup(): the best-scoring socket; an unconnected one in an
 * SO_REUSEPORT group hands over to the member the flow hashes to
 * (connected members, better scored, take their own peer's datagrams) */
static struct sock *__udp4_lib_lookup_skb(struct net *net, __be32 saddr, __be16 sport,
					  __be32 daddr, __be16 dport, int dif)
{
	u16 hnum = ntohs(dport);
	struct sock *sk, *best = NULL, *sel;
	int best_score = -1;

	list_for_each_entry(sk, &net->ipv4.udp_sockets, sk_node) {
		int score = udp4_score(sk, saddr, sport, daddr, hnum, dif);

		if (score > best_score) {
			best = sk;
			best_score = score;
		}
	}
	if (best && best->sk_reuseport && !best->inet_dport) {
		sel = reuseport_select_sock(best, reuseport_ehashfn(daddr, hnum, saddr, sport));
		if (sel)
			return sel;
	}
	return best;
}

/* udp4_lib_lookup(): the socket a datagram would go to (xt_socket) */
struct sock *udp4_lib_lookup(struct net *net, __be32 saddr, __be16 sport, __be32 daddr,
			     __be16 dport, int dif)
{
	return __udp4_lib_lookup_skb(net, saddr, sport, daddr, dport, dif);
}

int ip_err_from_icmp(struct sk_buff *skb, bool *fatal);

/* __udp4_lib_err(): an ICMP error quoting a datagram sent from here.  skb
 * data is at the quoted IP header.  With IP_RECVERR the error is queued
 * (traceroute reads it with MSG_ERRQUEUE); without it only a hard error on
 * a connected socket is reported (ECONNREFUSED on the next call). */
int udp_err(struct sk_buff *skb, u32 info)
{
	const struct iphdr *inner = (const struct iphdr *)skb->data;
	const struct udphdr_wire *uh = (const void *)(skb->data + inner->ihl * 4u);
	struct net *net = dev_net(skb->dev);
	struct sock *sk;
	bool fatal;
	int err;

	sk = __udp4_lib_lookup_skb(net, inner->daddr, uh->dest, inner->saddr, uh->source, 0);
	if (!sk) {
		__ICMP_INC_STATS(net, ICMP_MIB_INERRORS);
		return -ENOENT;
	}
	/* __udp4_lib_err(): path MTU discovery and redirects reach the routes */
	if (icmp_hdr(skb)->type == ICMP_DEST_UNREACH && icmp_hdr(skb)->code == ICMP_FRAG_NEEDED)
		ipv4_sk_update_pmtu(skb, sk, info);
	else if (icmp_hdr(skb)->type == ICMP_REDIRECT) {
		ipv4_sk_redirect(skb, sk);
		return 0;
	}
	err = ip_err_from_icmp(skb, &fatal);
	if (!err)
		return 0;
	if (!sk->recverr) {
		if (!fatal || !sk->inet_daddr)
			return 0;
	} else {
		ip_icmp_error(sk, skb, err, uh->dest, info, (const u8 *)(uh + 1));
	}
	sk->sk_err = err;
	sk->sk_error_report(sk);
	return 0;
}

static bool udp_csum_ok(struct sk_buff *skb, unsigned int ulen)
{
	const struct iphdr *iph = ip_hdr(skb);
	u32 sum = 0;
	u16 proto = htons(IPPROTO_UDP), len = htons((u16)ulen);

	if (!((struct udphdr_wire *)skb->data)->check)
		return true;	/* no checksum sent */
	sum = csum_partial(&iph->saddr, 8, 0);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(&len, 2, sum);
	sum = csum_partial(skb->data, (int)ulen, sum);
	return csum_fold(sum) == 0;
}

/* udp_queue_rcv_skb() for one of several receivers */
static void udp_mcast_queue_one(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	if (sk->encap_rcv && sk->encap_rcv(sk, skb) <= 0) {
		__UDP_INC_STATS(net, UDP_MIB_INDATAGRAMS);
		return;
	}
	if (sock_queue_rcv_skb(sk, skb)) {
		__UDP_INC_STATS(net, UDP_MIB_RCVBUFERRORS);
		__UDP_INC_STATS(net, UDP_MIB_INERRORS);
	}
}

/* __udp4_lib_mcast_deliver(): a multicast or broadcast datagram goes to
 * every socket bound to its port and address (or the wildcard); a clone
 * for each but the last.  Nobody: UdpIgnoredMulti. */
static int __udp4_lib_mcast_deliver(struct net *net, struct sk_buff *skb,
				    const struct udphdr_wire *uh)
{
	__be32 saddr = ip_hdr(skb)->saddr, daddr = ip_hdr(skb)->daddr;
	int dif = skb->dev->ifindex;
	struct sock *sk, *first = NULL;

	list_for_each_entry(sk, &net->ipv4.udp_sockets, sk_node) {
		struct sk_buff *c;

		if (sk->inet_num != ntohs(uh->dest) || sk->ipv6only ||
		    (sk->inet_rcv_saddr && sk->inet_rcv_saddr != daddr) ||
		    (sk->inet_daddr && (sk->inet_daddr != saddr || sk->inet_dport != uh->source)) ||
		    (sk->sk_bound_dev_if && sk->sk_bound_dev_if != dif))
			continue;
		if (!first) {
			first = sk;
			continue;
		}
		c = skb_clone(skb);
		if (c)
			udp_mcast_queue_one(net, sk, c);
	}
	skb_trace_note(skb, "__udp4_lib_mcast_deliver", first ? "socket found" : "no socket");
	if (first) {
		udp_mcast_queue_one(net, first, skb);
		return 0;
	}
	__UDP_INC_STATS(net, UDP_MIB_IGNOREDMULTI);
	consume_skb(skb);
	return 0;
}

/* udp_rcv(): checks, then the socket of the destination port, else ICMP
 * port unreachable (UdpNoPorts) for unicast. */
int udp_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	struct rtable *rt = skb_rtable(skb);
	const struct udphdr_wire *uh;
	unsigned int ulen;
	struct sock *sk;

	skb_trace(skb, "udp_rcv");
	if (!pskb_may_pull(skb, sizeof(*uh)))
		goto short_packet;
	uh = (const struct udphdr_wire *)skb->data;
	ulen = ntohs(uh->len);
	if (ulen > skb->len || ulen < sizeof(*uh))
		goto short_packet;
	pskb_trim_rcsum(skb, ulen);
	if (!udp_csum_ok(skb, ulen)) {
		__UDP_INC_STATS(net, UDP_MIB_CSUMERRORS);
		__UDP_INC_STATS(net, UDP_MIB_INERRORS);
		kfree_skb_reason(skb, SKB_DROP_REASON_UDP_CSUM);
		return 0;
	}
	if (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST))
		return __udp4_lib_mcast_deliver(net, skb, uh);
	sk = __udp4_lib_lookup_skb(net, ip_hdr(skb)->saddr, uh->source, ip_hdr(skb)->daddr,
				   uh->dest, skb->dev->ifindex);
	skb_trace_note(skb, "__udp4_lib_lookup_skb", sk ? "socket found" : "no socket");
	if (sk && sk->encap_rcv) {
		/* udp_queue_rcv_one_skb(): a tunnel's socket takes it (counted
		 * as received) or gives it back as plain UDP */
		if (sk->encap_rcv(sk, skb) <= 0) {
			__UDP_INC_STATS(net, UDP_MIB_INDATAGRAMS);
			return 0;
		}
	}
	if (sk) {
		if (sock_queue_rcv_skb(sk, skb)) {
			__UDP_INC_STATS(net, UDP_MIB_RCVBUFERRORS);
			__UDP_INC_STATS(net, UDP_MIB_INERRORS);
		}
		return 0;
	}
	if (rt->rt_flags & (RTCF_BROADCAST | RTCF_MULTICAST)) {
		__UDP_INC_STATS(net, UDP_MIB_IGNOREDMULTI);
		consume_skb(skb);
		return 0;
	}
	__UDP_INC_STATS(net, UDP_MIB_NOPORTS);
	icmp_send(skb, 3 /* ICMP_DEST_UNREACH */, 3 /* ICMP_PORT_UNREACH */, 0);
	skb_drop_hint(skb, "no socket bound to the destination port");
	kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
	return 0;
short_packet:
	__UDP_INC_STATS(net, UDP_MIB_INERRORS);
	kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	return 0;
}
