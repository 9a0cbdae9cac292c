/* Ping sockets (net/ipv4/ping.c): socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)
 * — what iputils' ping opens first — and the half of the ICMPv6 ones that
 * both families share, as Linux keeps it here (net/ipv6/ping.c has the
 * IPv6 send and connect).  Creating one needs the caller's group in
 * net.ipv4.ping_group_range (default "1 0": nobody, so ping falls back to
 * a raw socket, as on Linux), else EACCES.  The socket's "port" is the echo
 * identifier: bind() takes it from sin_port/sin6_port, or the first send or
 * connect picks a free one (ping_get_port: one table for both families,
 * as Linux's ping_table; sockets may share an identifier, as
 * INET_PROTOSW_REUSE lets them).  sendmsg takes an echo request (type 8
 * code 0, at least its 8-byte header; anything else is EINVAL), writes the
 * identifier and the checksum and sends it through ip_make_skb and
 * ip_send_skb (Icmp OutMsgs and IcmpMsg OutType8 once it went, as
 * icmp_out_count).  icmp_rcv hands echo replies to ping_rcv, which queues
 * them on the socket of that identifier (bound address and device
 * permitting); ICMP errors quoting one of its requests reach it through
 * icmp_err → ping_err (IP_RECVERR: the error queue; without it only a hard
 * error on a connected socket, sk_err).  recvmsg gives the whole ICMP
 * message, the source with port 0 and IP_TTL/IP_TOS control messages
 * (IP_RECVTTL, IP_RECVTOS). */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/ip_fib.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/ping.h"
#include "net/route.h"
#include "net/sock.h"
#include "net/tcp.h"
#include "net/trace.h"

#define IP_PMTUDISC_OMIT 5
#define ICMPV6_ECHO_REQUEST 128

int ip_err_from_icmp(struct sk_buff *skb, bool *fatal);	/* net/core/sock.c */

/* ping_init_sock(): the caller (tasks run as uid/gid 0) must be in
 * net.ipv4.ping_group_range; an AF_INET6 ping socket is IPv6-only */
int ping_init_sock(struct sock *sk)
{
	const int *range = sock_net(sk)->ipv4.sysctl_ping_group_range;
	const int gid = 0;

	if (sk->sk_family == AF_INET6)
		sk->ipv6only = 1;
	sk->sk_reuse = 1;	/* INET_PROTOSW_REUSE */
	return range[0] <= gid && gid <= range[1] ? 0 : -EACCES;
}

static bool ping_ident_used(struct list_head *head, u16 ident)
{
	struct sock *sk2;

	list_for_each_entry(sk2, head, sk_node)
		if (sk2->inet_num == ident)
			return true;
	return false;
}

/* ping_get_port(): ident 0 picks the first free identifier after the last
 * one picked (never 0); a given one conflicts only with a socket that does
 * not allow sharing (SO_REUSEADDR off on either side) */
static int ping_get_port(struct sock *sk, u16 ident)
{
	struct net *net = sock_net(sk);
	struct list_head *head = &net->ipv4.ping_sockets;
	struct sock *sk2;
	u32 i;

	if (!ident) {
		u16 result = (u16)(net->ipv4.ping_port_rover + 1);

		for (i = 0; i < (1u << 16); i++, result++) {
			if (!result)
				result++;
			if (!ping_ident_used(head, result))
				break;
		}
		if (i >= (1u << 16))
			return -EADDRINUSE;
		net->ipv4.ping_port_rover = ident = result;
	} else {
		list_for_each_entry(sk2, head, sk_node)
			if (sk2->inet_num == ident && sk2 != sk && (!sk2->sk_reuse || !sk->sk_reuse))
				return -EADDRINUSE;
	}
	sk->inet_num = ident;
	sk->inet_sport = htons(ident);
	if (list_empty(&sk->sk_node))
		list_add(&sk->sk_node, head);	/* the newest first, as sk_add_node */
	return 0;
}

/* ping_unhash(): the identifier is free again */
static void ping_unhash(struct sock *sk)
{
	list_del_init(&sk->sk_node);
	sk->inet_num = 0;
	sk->inet_sport = 0;
}

void ping_close(struct sock *sk)
{
	ping_unhash(sk);
	sk_free(sk);
}

int ping_autobind(struct sock *sk)
{
	return sk->inet_num || !ping_get_port(sk, 0) ? 0 : -EAGAIN;
}

/* The IPv4 half of ping_check_bind_addr(): any, or a local address (or
 * any with IP_FREEBIND / ip_nonlocal_bind); never multicast or broadcast */
static int ping_v4_check_bind_addr(struct sock *sk, const struct sockaddr_in *addr, int len)
{
	struct net *net = sock_net(sk);
	unsigned int type;

	if (len < (int)sizeof(*addr))
		return -EINVAL;
	if (addr->sin_family != AF_INET &&
	    !(addr->sin_family == AF_UNSPEC && addr->sin_addr.s_addr == htonl(INADDR_ANY)))
		return -EAFNOSUPPORT;
	if (addr->sin_addr.s_addr == htonl(INADDR_ANY))
		return 0;
	type = inet_addr_type(net, addr->sin_addr.s_addr);
	if (type == RTN_MULTICAST || type == RTN_BROADCAST ||
	    (type != RTN_LOCAL && !sk->freebind && !net->ipv4.sysctl_ip_nonlocal_bind))
		return -EADDRNOTAVAIL;
	return 0;
}

/* The IPv6 half: a unicast address of ours or ::; a link-local one needs
 * its interface (sin6_scope_id), which binds the socket to it */
static int ping_v6_check_bind_addr(struct sock *sk, const struct sockaddr_in6 *addr, int len,
				   int *bound_dev_if)
{
	struct net *net = sock_net(sk);
	int type, scoped, has_addr;
	struct net_device *dev = NULL;

	if (len < (int)sizeof(*addr))
		return -EINVAL;
	if (addr->sin6_family != AF_INET6)
		return -EAFNOSUPPORT;
	type = ipv6_addr_type(&addr->sin6_addr);
	scoped = (type & IPV6_ADDR_LINKLOCAL) != 0;
	if ((type != IPV6_ADDR_ANY && (ipv6_addr_is_multicast(&addr->sin6_addr) ||
				       ipv6_addr_v4mapped(&addr->sin6_addr))) ||
	    (scoped && !addr->sin6_scope_id))
		return -EINVAL;
	if (addr->sin6_scope_id && !(dev = __dev_get_by_index(net, (int)addr->sin6_scope_id)))
		return -ENODEV;
	if (!dev && sk->sk_bound_dev_if && !(dev = __dev_get_by_index(net, sk->sk_bound_dev_if)))
		return -ENODEV;
	has_addr = ipv6_chk_addr(net, &addr->sin6_addr, scoped ? dev : NULL);
	if (!(sk->freebind || net->ipv6.sysctl_ip_nonlocal_bind || has_addr ||
	      type == IPV6_ADDR_ANY))
		return -EADDRNOTAVAIL;
	if (scoped)
		*bound_dev_if = (int)addr->sin6_scope_id;
	return 0;
}

/* ping_set_saddr() and the rest of ping_bind()'s bookkeeping */
static void ping_set_saddr(struct sock *sk, const struct sockaddr *uaddr)
{
	if (sk->sk_family == AF_INET) {
		sk->inet_rcv_saddr = sk->inet_saddr =
			((const struct sockaddr_in *)uaddr)->sin_addr.s_addr;
		if (sk->inet_rcv_saddr)
			sk->sk_userlocks |= SOCK_BINDADDR_LOCK;
	} else {
		sk->sk_v6_rcv_saddr = ((const struct sockaddr_in6 *)uaddr)->sin6_addr;
		memset(&sk->sk_v6_daddr, 0, sizeof(sk->sk_v6_daddr));
		if (!ipv6_addr_any(&sk->sk_v6_rcv_saddr))
			sk->sk_userlocks |= SOCK_BINDADDR_LOCK;
	}
	sk->inet_daddr = 0;
	sk->inet_dport = 0;
}

/* ping_bind(): no privileged identifiers, no multicast or broadcast
 * addresses; a second bind is EINVAL */
int ping_bind(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	int dif = sk->sk_bound_dev_if, err;
	u16 snum;

	if (sk->sk_family == AF_INET)
		err = ping_v4_check_bind_addr(sk, (const struct sockaddr_in *)uaddr, len);
	else
		err = ping_v6_check_bind_addr(sk, (const struct sockaddr_in6 *)uaddr, len, &dif);
	if (err)
		return err;
	if (sk->inet_num)
		return -EINVAL;
	/* sin_port and sin6_port sit at the same offset */
	snum = ntohs(((const struct sockaddr_in *)uaddr)->sin_port);
	if (ping_get_port(sk, snum))
		return -EADDRINUSE;
	sk->sk_bound_dev_if = dif;
	ping_set_saddr(sk, uaddr);
	if (snum)
		sk->sk_userlocks |= SOCK_BINDPORT_LOCK;
	return 0;
}

/* ping_supported(): an echo request of the socket's family */
int ping_common_sendmsg(int family, const struct msghdr *msg, size_t len, u8 *icmph)
{
	size_t got = 0;

	if (len > 0xFFFF)
		return -EMSGSIZE;
	if (len < PING_ICMPH_LEN)
		return -EINVAL;
	if (msg->msg_flags & MSG_OOB)
		return -EOPNOTSUPP;
	for (size_t i = 0; i < msg->msg_iovlen && got < PING_ICMPH_LEN; i++) {
		size_t n = msg->msg_iov[i].iov_len;

		if (n > PING_ICMPH_LEN - got)
			n = PING_ICMPH_LEN - got;
		memcpy(icmph + got, msg->msg_iov[i].iov_base, n);
		got += n;
	}
	if (got < PING_ICMPH_LEN)
		return -EFAULT;
	if (icmph[1] != 0)
		return -EINVAL;
	return (family == AF_INET && icmph[0] == ICMP_ECHO) ||
	       (family == AF_INET6 && icmph[0] == ICMPV6_ECHO_REQUEST) ? 0 : -EINVAL;
}

/* The route of an echo request to daddr (the socket's device, mark, TOS
 * and source): 0 with *rtp held, or -errno (IpOutNoRoutes for none; a
 * broadcast needs SO_BROADCAST: EACCES) */
static int ping_v4_route(struct sock *sk, __be32 daddr, struct flowi4 *fl4, struct rtable **rtp)
{
	struct rtable *rt = NULL;
	int err;

	*fl4 = (struct flowi4){ .flowi4_oif = sk->sk_bound_dev_if, .flowi4_mark = sk->sk_mark,
				.flowi4_tos = sk->tos & IPTOS_RT_MASK,
				.flowi4_proto = IPPROTO_ICMP, .daddr = daddr,
				.saddr = sk->inet_saddr };
	rt = ip_route_output_dgram(sock_net(sk), fl4, sk, &err);
	if (!rt) {
		if (err == -ENETUNREACH)
			__IP_INC_STATS(sock_net(sk), IPSTATS_MIB_OUTNOROUTES);
		return err;
	}
	*rtp = rt;
	return 0;
}

/* ip4_datagram_connect() (+ inet_autobind, __udp_disconnect for
 * AF_UNSPEC): the peer and, unless bound, the source the route gives; the
 * port given is kept (0 leaves getpeername ENOTCONN, as Linux) */
static int ping_v4_connect(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in *usin = (const struct sockaddr_in *)uaddr;
	struct flowi4 fl4 = { 0 };
	struct rtable *rt = NULL;
	int err;

	if (len < (int)sizeof(*usin))
		return -EINVAL;
	if (usin->sin_family == AF_UNSPEC) {
		sk->inet_daddr = 0;
		sk->inet_dport = 0;
		sk->sk_state = TCP_CLOSE;
		if (!(sk->sk_userlocks & SOCK_BINDADDR_LOCK))
			sk->inet_rcv_saddr = sk->inet_saddr = 0;
		if (!(sk->sk_userlocks & SOCK_BINDPORT_LOCK))
			ping_unhash(sk);
		return 0;
	}
	if (usin->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	if ((err = ping_autobind(sk)) || (err = ping_v4_route(sk, usin->sin_addr.s_addr, &fl4, &rt)))
		return err;
	ip_rt_put(rt);
	if (!sk->inet_saddr)
		sk->inet_saddr = fl4.saddr;
	if (!sk->inet_rcv_saddr)
		sk->inet_rcv_saddr = fl4.saddr;
	sk->inet_daddr = fl4.daddr;
	sk->inet_dport = usin->sin_port;
	sk->sk_state = TCP_ESTABLISHED;
	return 0;
}

/* The destination of a send: 0 or -errno */
static int ping_v4_dest(struct sock *sk, const struct msghdr *msg, __be32 *daddr)
{
	const struct sockaddr_in *usin = msg->msg_name;

	if (usin) {
		if (msg->msg_namelen < sizeof(*usin))
			return -EINVAL;
		if (usin->sin_family != AF_INET)
			return -EAFNOSUPPORT;
		*daddr = usin->sin_addr.s_addr;
		return 0;
	}
	if (sk->sk_state != TCP_ESTABLISHED)
		return -EDESTADDRREQ;
	*daddr = sk->inet_daddr;
	return 0;
}

/* __ip_append_data()'s check: with IP_MTU_DISCOVER do, probe or interface
 * a message over the MTU is EMSGSIZE, with a local error queued */
static int ping_v4_check_pmtu(struct sock *sk, const struct rtable *rt, __be32 daddr,
			      size_t len)
{
	/* ip_sk_use_pmtu(): probe, interface and omit take the device's MTU */
	unsigned int mtu = sk->pmtudisc < IP_PMTUDISC_PROBE ? ipv4_mtu(&rt->dst) :
			   rt->dst.dev->mtu;

	if (sk->pmtudisc < IP_PMTUDISC_DO || sk->pmtudisc == IP_PMTUDISC_OMIT ||
	    len + sizeof(struct iphdr) <= mtu)
		return 0;
	ip_local_error(sk, EMSGSIZE, daddr, 0, mtu);
	return -EMSGSIZE;
}

/* The echo request as it leaves: the user's type, code and sequence, the
 * socket's identifier, the checksum over the whole message */
static void ping_v4_fill_hdr(struct sock *sk, struct sk_buff *skb, const u8 *user)
{
	struct icmphdr *h = icmp_hdr(skb);

	h->type = user[0];
	h->code = user[1];
	h->checksum = 0;
	h->un.echo.id = sk->inet_sport;
	memcpy(&h->un.echo.sequence, user + 6, 2);
	h->checksum = ip_compute_csum(h, (int)(skb->tail - (u8 *)h));
}

/* ping_v4_sendmsg(): inet_send_prepare's autobind first, then the checks
 * in Linux's order */
static int ping_v4_sendmsg(struct sock *sk, const struct msghdr *msg, size_t len, int flags)
{
	struct net *net = sock_net(sk);
	struct flowi4 fl4 = { 0 };
	u8 user[PING_ICMPH_LEN];
	struct sk_buff *skb;
	struct rtable *rt = NULL;
	__be32 daddr;
	int err;

	(void)flags;
	if ((err = ping_autobind(sk)))
		return err;
	if ((err = ping_common_sendmsg(AF_INET, msg, len, user)) ||
	    (err = ping_v4_dest(sk, msg, &daddr)))
		return err;
	if ((err = ping_v4_route(sk, daddr, &fl4, &rt)))
		return err;
	if ((err = ping_v4_check_pmtu(sk, rt, daddr, len))) {
		ip_rt_put(rt);
		return err;
	}
	if (!(skb = ip_make_skb(sk, &fl4, rt, NULL, 0, msg, len, IPPROTO_ICMP))) {
		ip_rt_put(rt);
		return -ENOBUFS;
	}
	ping_v4_fill_hdr(sk, skb, user);
	skb_dst_set(skb, &rt->dst);
	skb->dev = rt->dst.dev;
	if (skb_tracing(skb)) {
		skb_trace(skb, "ping_v4_sendmsg");
		skb_trace_route(skb, "ip_route_output_flow", rt);
		skb_trace(skb, "ip_make_skb");
	}
	if ((err = ip_send_skb(net, skb)))
		return err;
	__ICMP_INC_STATS(net, ICMP_MIB_OUTMSGS);	/* icmp_out_count() */
	net->mib.icmpmsg_out[user[0]]++;
	return (int)len;
}

/* ping_lookup(): the socket of identifier ident for a packet (its network
 * header): same family, bound address and device permitting; the newest
 * first.  The device is inet_iif()'s: for a packet looped back to an
 * address of ours, that address's (10.0.0.1 on v0 reaches a socket bound
 * to v0, not one bound to lo), as Linux's local routes say. */
static struct sock *ping_lookup(struct net *net, const struct sk_buff *skb, u16 ident)
{
	const u8 *nh = skb_network_header(skb);
	int family = nh[0] >> 4 == 6 ? AF_INET6 : AF_INET;
	int dif = -1;
	struct sock *sk;

	list_for_each_entry(sk, &net->ipv4.ping_sockets, sk_node) {
		if (sk->inet_num != ident || sk->sk_family != family)
			continue;
		if (family == AF_INET) {
			if (sk->inet_rcv_saddr && sk->inet_rcv_saddr != ip_hdr(skb)->daddr)
				continue;
		} else if (!ipv6_addr_any(&sk->sk_v6_rcv_saddr) &&
			   !ipv6_addr_equal(&sk->sk_v6_rcv_saddr, &ipv6_hdr(skb)->daddr)) {
			continue;
		}
		if (sk->sk_bound_dev_if && dif < 0)
			dif = ip6_pktinfo_ifindex(net, skb, family == AF_INET,
						  family == AF_INET ? (const void *)&ip_hdr(skb)->daddr :
								      (const void *)&ipv6_hdr(skb)->daddr);
		if (sk->sk_bound_dev_if && sk->sk_bound_dev_if != dif)
			continue;
		return sk;
	}
	return NULL;
}

void ping_rcv(struct sk_buff *skb)
{
	struct sk_buff *c;
	struct sock *sk;

	if (skb->len < PING_ICMPH_LEN)
		return;
	sk = ping_lookup(dev_net(skb->dev), skb, (u16)(skb->data[4] << 8 | skb->data[5]));
	if (sk && (c = skb_clone(skb)))
		sock_queue_rcv_skb(sk, c);
}

/* The errno of an ICMP error about an echo request (ping_err's switch);
 * *harderr as Linux's icmp_err_convert[].fatal; 0 when there is none
 * (frag needed on a socket with IP_PMTUDISC_DONT) */
static int ping_v4_err_convert(struct sk_buff *skb, struct sock *sk, bool *harderr)
{
	/* the unreachable codes that are hard errors: PROT, PORT, NET_UNKNOWN,
	 * HOST_UNKNOWN, HOST_ISOLATED, NET_ANO, HOST_ANO, PKT_FILTERED,
	 * PREC_VIOLATION, PREC_CUTOFF */
	static const u16 fatal = 0xE7CC;
	const struct icmphdr *h = icmp_hdr(skb);
	bool ignored;

	*harderr = false;
	switch (h->type) {
	case ICMP_SOURCE_QUENCH:
	case ICMP_REDIRECT:
		return EREMOTEIO;	/* not real errors, but ping wants to see them */
	case ICMP_PARAMETERPROB:
		*harderr = true;
		return EPROTO;
	case ICMP_DEST_UNREACH:
		if (h->code == ICMP_FRAG_NEEDED) {
			*harderr = true;
			return sk->pmtudisc != IP_PMTUDISC_DONT ? EMSGSIZE : 0;
		}
		if (h->code > NR_ICMP_UNREACH)
			return EHOSTUNREACH;
		*harderr = (fatal >> h->code) & 1;
		return ip_err_from_icmp(skb, &ignored);
	default:
		return EHOSTUNREACH;	/* time exceeded */
	}
}

void ping_err(struct sk_buff *skb, int offset, u32 info)
{
	const u8 *icmph = skb->data + offset;
	const u8 *eh = skb_transport_header(skb);
	int family = skb_network_header(skb)[0] >> 4 == 6 ? AF_INET6 : AF_INET;
	struct sock *sk;
	bool harderr;
	int err;

	if (icmph[1] != 0 || icmph[0] != (family == AF_INET ? ICMP_ECHO : ICMPV6_ECHO_REQUEST))
		return;
	sk = ping_lookup(dev_net(skb->dev), skb, (u16)(icmph[4] << 8 | icmph[5]));
	if (!sk)
		return;
	if (family == AF_INET)
		err = ping_v4_err_convert(skb, sk, &harderr);
	else
		err = icmpv6_err_convert(eh[0], eh[1], &harderr);
	if (!err)
		return;
	if (!sk->recverr) {
		if (!harderr || sk->sk_state != TCP_ESTABLISHED)
			return;
	} else if (family == AF_INET) {
		ip_icmp_error(sk, skb, err, 0, info, icmph);
	} else {
		ipv6_icmp_error(sk, skb, err, 0, info, icmph);
	}
	sk->sk_err = err;
	sk->sk_error_report(sk);
}

/* ip_cmsg_recv() (net/ipv4/ip_sockglue.c): IP_TTL (an int) and IP_TOS
 * (one byte) of the datagram, when the socket asked for them, in Linux's
 * order; msg_controllen is set only when one was written.  ip_recv_error
 * gives an ICMP error's own ones the same way. */
void ip_cmsg_recv_at(struct sock *sk, struct msghdr *msg, const struct sk_buff *skb,
		     size_t *used)
{
	if (sk->recvttl) {
		int ttl = ip_hdr(skb)->ttl;

		put_cmsg_at(msg, used, SOL_IP, IP_TTL, &ttl, sizeof(ttl));
	}
	if (sk->recvtos) {
		u8 tos = ip_hdr(skb)->tos;

		put_cmsg_at(msg, used, SOL_IP, IP_TOS, &tos, sizeof(tos));
	}
}

void ip_cmsg_recv(struct sock *sk, struct msghdr *msg, const struct sk_buff *skb)
{
	size_t used = 0;

	ip_cmsg_recv_at(sk, msg, skb, &used);
	if (used)
		msg->msg_controllen = used;
}

/* ping_recvmsg(): the whole ICMP(v6) message, who sent it (port 0), the
 * family's control messages */
int ping_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags, int *addr_len)
{
	struct sk_buff *skb;
	size_t copied;
	int err = 0;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (flags & MSG_ERRQUEUE)
		return sk->sk_family == AF_INET ? ip_recv_error(sk, msg, len, addr_len) :
						  ipv6_recv_error(sk, msg, len, addr_len);
	if (!(skb = skb_recv_datagram(sk, flags, &err)))
		return err;
	copied = skb->len;
	if (copied > len) {
		msg->msg_flags |= MSG_TRUNC;
		copied = len;
	}
	skb_copy_datagram_msg(skb, 0, msg, copied);
	if (sk->sk_family == AF_INET) {
		if (msg->msg_name) {
			struct sockaddr_in *sin = msg->msg_name;

			memset(sin, 0, sizeof(*sin));
			sin->sin_family = AF_INET;
			sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
			*addr_len = sizeof(*sin);
		}
		ip_cmsg_recv(sk, msg, skb);
	} else {
		ip6_datagram_recv_from(sk, msg, skb, addr_len);
	}
	consume_skb(skb);
	return (int)copied;
}

const struct proto ping_prot = {
	.name = "PING",
	.init = ping_init_sock,
	.close = ping_close,
	.bind = ping_bind,
	.connect = ping_v4_connect,
	.sendmsg = ping_v4_sendmsg,
	.recvmsg = ping_recvmsg,
	.setsockopt = ip_setsockopt,
	.getsockopt = ip_getsockopt,
	.unhash = ping_unhash,
	.obj_size = sizeof(struct sock),
};
