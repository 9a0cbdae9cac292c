/* UDP over IPv6 (net/ipv6/udp.c, net/ipv6/datagram.c).  Receive:
 * ip6_input_finish → udpv6_rcv (length, checksum over the IPv6 pseudo
 * header — a zero checksum is invalid on IPv6, RFC 8200 8.1 — then
 * __udp6_lib_lookup, else ICMPv6 port unreachable) → the socket's queue.
 * Send: udpv6_sendmsg → ip6_route_output → the UDP header and checksum →
 * ip6_xmit.  AF_INET6 sockets share the namespace's UDP table with IPv4
 * ones; unless IPV6_V6ONLY, one bound to :: or a v4-mapped address also
 * takes IPv4 datagrams (net/ipv4/udp.c delivers them) and sends to v4-mapped
 * destinations through udp_sendmsg, as Linux does. */
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/netdevice.h"
#include "net/addrconf.h"
#include "net/ip.h"
#include "net/ip6_fib.h"
#include "net/ip_fib.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/sock.h"
#include "net/sock_reuseport.h"
#include "net/trace.h"
#include "net/udp.h"
#include "net/world.h"
#include "uapi/rtnetlink.h"

#define SIN6_LEN_RFC2133 24

/* What a bound socket's address covers: all IPv4, all IPv6, or one
 * address (an IPv4 one as ::ffff:a.b.c.d). */
struct udp_cover {
	bool any4, any6, one;
	struct in6_addr addr;
};

static void udp_cover_of(const struct sock *sk, struct udp_cover *c)
{
	memset(c, 0, sizeof(*c));
	if (sk->sk_family != AF_INET6) {
		c->any4 = !sk->inet_rcv_saddr;
		c->one = !c->any4;
		ipv6_addr_set_v4mapped(sk->inet_rcv_saddr, &c->addr);
		return;
	}
	if (ipv6_addr_any(&sk->sk_v6_rcv_saddr)) {
		c->any6 = true;
		c->any4 = !sk->ipv6only;
		return;
	}
	c->one = true;
	c->addr = sk->sk_v6_rcv_saddr;
}

static bool udp_cover_hits(const struct udp_cover *a, const struct udp_cover *b)
{
	if (!b->one)
		return (a->any4 && b->any4) || (a->any6 && b->any6);
	if (ipv6_addr_v4mapped(&b->addr) ? a->any4 : a->any6)
		return true;
	return a->one && ipv6_addr_equal(&a->addr, &b->addr);
}

bool udp_rcv_saddr_equal(const struct sock *sk, const struct sock *sk2)
{
	struct udp_cover a, b;

	udp_cover_of(sk, &a);
	udp_cover_of(sk2, &b);
	return udp_cover_hits(&a, &b) || udp_cover_hits(&b, &a);
}

/* The IPv4 fields of an AF_INET6 socket for addr (see LOOPBACK4_IPV6) */
static __be32 udpv6_v4_field(const struct in6_addr *addr)
{
	if (ipv6_addr_any(addr))
		return 0;
	return ipv6_addr_v4mapped(addr) ? ipv6_addr_v4(addr) : LOOPBACK4_IPV6;
}

static void udpv6_close(struct sock *sk)
{
	reuseport_detach_sock(sk);
	list_del(&sk->sk_node);
	sk_free(sk);
}

/* Is addr ours (or may it be bound anyway)?  0 or -errno. */
int ipv6_bind_addr_ok(struct sock *sk, const struct sockaddr_in6 *sin6)
{
	struct net *net = sock_net(sk);
	const struct in6_addr *a = &sin6->sin6_addr;
	struct net_device *dev = NULL;

	if (ipv6_addr_any(a))
		return 0;
	if (ipv6_addr_v4mapped(a)) {
		unsigned int type = inet_addr_type(net, ipv6_addr_v4(a));

		if (sk->ipv6only)
			return -EINVAL;
		if (type != RTN_LOCAL && type != RTN_MULTICAST && type != RTN_BROADCAST &&
		    !sk->freebind && !net->ipv4.sysctl_ip_nonlocal_bind)
			return -EADDRNOTAVAIL;
		return 0;
	}
	if (ipv6_addr_is_multicast(a))
		return 0;
	if (ipv6_addr_linklocal(a)) {
		if (sin6->sin6_scope_id)
			sk->sk_bound_dev_if = (int)sin6->sin6_scope_id;
		if (!sk->sk_bound_dev_if)
			return -EINVAL;
		dev = __dev_get_by_index(net, sk->sk_bound_dev_if);
		if (!dev)
			return -ENODEV;
	}
	if (!ipv6_chk_addr(net, a, dev) && !sk->freebind && !net->ipv6.sysctl_ip_nonlocal_bind)
		return -EADDRNOTAVAIL;
	return 0;
}

/* inet6_bind() for UDP */
static int udpv6_bind(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)uaddr;
	int err;

	if (len < SIN6_LEN_RFC2133)
		return -EINVAL;
	if (sin6->sin6_family != AF_INET6)
		return -EAFNOSUPPORT;
	if (sk->inet_num)
		return -EINVAL;
	err = ipv6_bind_addr_ok(sk, sin6);
	if (err)
		return err;
	sk->sk_v6_rcv_saddr = sin6->sin6_addr;
	sk->inet_rcv_saddr = sk->inet_saddr = udpv6_v4_field(&sin6->sin6_addr);
	/* bound to an IPv6 address, the socket takes no IPv4 (__inet6_bind) */
	if (!ipv6_addr_any(&sin6->sin6_addr) && !ipv6_addr_v4mapped(&sin6->sin6_addr))
		sk->ipv6only = 1;
	err = udp_get_port(sk, ntohs(sin6->sin6_port));
	if (err) {
		memset(&sk->sk_v6_rcv_saddr, 0, sizeof(sk->sk_v6_rcv_saddr));
		sk->inet_rcv_saddr = sk->inet_saddr = 0;
		return err;
	}
	udp_hash(sk);
	return 0;
}

/* ip6_datagram_connect() to a v4-mapped address: udp's IPv4 connect, the
 * addresses mirrored into the IPv6 fields */
static int udpv6_connect_v4(struct sock *sk, __be32 daddr, __be16 port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = port };
	int err;

	if (sk->ipv6only)
		return -ENETUNREACH;
	sin.sin_addr.s_addr = daddr;
	err = udp_prot.connect(sk, (const struct sockaddr *)&sin, sizeof(sin));
	if (err)
		return err;
	ipv6_addr_set_v4mapped(sk->inet_daddr, &sk->sk_v6_daddr);
	if (ipv6_addr_any(&sk->sk_v6_rcv_saddr) || ipv6_addr_v4mapped(&sk->sk_v6_rcv_saddr))
		ipv6_addr_set_v4mapped(sk->inet_rcv_saddr, &sk->sk_v6_rcv_saddr);
	return 0;
}

/* The route and source for daddr:dport out of oif with traffic class
 * tclass (ip6_datagram_flow_key_init: protocol, ports, mark, uid and the
 * class are the key `ip -6 rule` matches); a held dst or NULL (*err). */
static struct dst_entry *udpv6_route(struct sock *sk, const struct in6_addr *daddr, __be16 dport,
				     int oif, u8 tclass, const struct in6_addr *src,
				     struct in6_addr *saddr, int *err)
{
	struct net *net = sock_net(sk);
	const struct in6_addr *bound = src && !ipv6_addr_any(src) ? src :
				       ipv6_addr_any(&sk->sk_v6_rcv_saddr) ? NULL :
				       &sk->sk_v6_rcv_saddr;
	struct flowi6 fl6 = { .flowi6_oif = oif ? oif : sk->sk_bound_dev_if,
			      .flowi6_mark = sk->sk_mark, .flowi6_proto = IPPROTO_UDP,
			      .flowi6_tclass = tclass, .flowi6_uid = sk->sk_uid,
			      .daddr = *daddr, .fl6_sport = sk->inet_sport, .fl6_dport = dport };
	struct dst_entry *dst;

	if (bound)
		fl6.saddr = *bound;
	dst = ip6_route_output_flow(net, &fl6, err);
	if (!dst) {
		if (*err == -ENETUNREACH)
			__IP6_INC_STATS(net, IPSTATS6_MIB_OUTNOROUTES);
		return NULL;
	}
	if (bound) {
		*saddr = *bound;
	} else if (ipv6_dev_get_saddr(net, dst->dev, daddr, saddr)) {
		dst_release(dst);
		*err = -EADDRNOTAVAIL;
		return NULL;
	}
	return dst;
}

static int udpv6_connect(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)uaddr;
	struct in6_addr saddr;
	struct dst_entry *dst;
	int err;

	if (len < (int)sizeof(sa_family_t))
		return -EINVAL;
	if (sin6->sin6_family == AF_INET)
		return udpv6_connect_v4(sk, ((const struct sockaddr_in *)uaddr)->sin_addr.s_addr,
					((const struct sockaddr_in *)uaddr)->sin_port);
	if (sin6->sin6_family == AF_UNSPEC) {
		memset(&sk->sk_v6_daddr, 0, sizeof(sk->sk_v6_daddr));
		sk->inet_daddr = 0;
		sk->inet_dport = 0;
		return 0;
	}
	if (len < SIN6_LEN_RFC2133)
		return -EINVAL;
	if (sin6->sin6_family != AF_INET6)
		return -EAFNOSUPPORT;
	if (ipv6_addr_v4mapped(&sin6->sin6_addr))
		return udpv6_connect_v4(sk, ipv6_addr_v4(&sin6->sin6_addr), sin6->sin6_port);
	dst = udpv6_route(sk, &sin6->sin6_addr, sin6->sin6_port, (int)sin6->sin6_scope_id, sk->tclass,
			  NULL, &saddr, &err);
	if (!dst)
		return err;
	if (ipv6_addr_any(&sk->sk_v6_rcv_saddr)) {
		sk->sk_v6_rcv_saddr = saddr;
		sk->inet_rcv_saddr = sk->inet_saddr = LOOPBACK4_IPV6;
	}
	sk->sk_v6_daddr = sin6->sin6_addr;
	sk->inet_daddr = LOOPBACK4_IPV6;
	sk->inet_dport = sin6->sin6_port;
	reuseport_has_conns_set(sk);
	if (sin6->sin6_scope_id && ipv6_addr_linklocal(&sin6->sin6_addr))
		sk->sk_bound_dev_if = (int)sin6->sin6_scope_id;
	dst_release(dst);
	if (!sk->inet_num) {
		err = udp_get_port(sk, 0);
		if (err)
			return err;
		udp_hash(sk);
	}
	return 0;
}

static void udpv6_set_csum(struct sk_buff *skb, const struct in6_addr *saddr,
			   const struct in6_addr *daddr)
{
	struct udphdr *uh = (struct udphdr *)skb->data;
	u32 ulen = ntohs(uh->len);

	uh->check = 0;
	uh->check = csum_ipv6_magic(saddr, daddr, ulen, IPPROTO_UDP,
				    ipv6_csum_partial(uh, ulen, 0));
	if (!uh->check)
		uh->check = 0xFFFF;	/* 0 is "no checksum", invalid on IPv6 */
}

static void udpv6_copy_iov(const struct msghdr *msg, u8 *to, size_t len)
{
	for (size_t i = 0; i < msg->msg_iovlen && len; i++) {
		size_t n = msg->msg_iov[i].iov_len < len ? msg->msg_iov[i].iov_len : len;

		memcpy(to, msg->msg_iov[i].iov_base, n);
		to += n;
		len -= n;
	}
}

/* ip6_make_skb() + udp_v6_send_skb(): the datagram with room for the IPv6
 * header and the link layer below it */
static struct sk_buff *udpv6_make_skb(struct sock *sk, struct dst_entry *dst, __be16 dport,
				      const struct msghdr *msg, size_t len)
{
	struct net *net = sock_net(sk);
	unsigned int room = NET_SKB_PAD + LL_RESERVED_SPACE(dst->dev) + sizeof(struct ipv6hdr);
	struct sk_buff *skb = alloc_skb(&net->world->skb_pool,
					(unsigned int)(room + sizeof(struct udphdr) + len));
	struct udphdr *uh;

	if (!skb)
		return NULL;
	skb_reserve(skb, (int)room);
	uh = (struct udphdr *)skb_put(skb, (unsigned int)(sizeof(*uh) + len));
	uh->source = sk->inet_sport;
	uh->dest = dport;
	uh->len = htons((u16)(sizeof(*uh) + len));
	udpv6_copy_iov(msg, (u8 *)(uh + 1), len);
	skb_reset_transport_header(skb);
	skb->priority = sk->sk_priority;
	skb->mark = sk->sk_mark;
	return skb;
}

/* The IPv4 way out for a v4-mapped destination (udpv6_sendmsg's
 * do_udp_sendmsg) */
static int udpv6_sendmsg_v4(struct sock *sk, const struct msghdr *m, size_t len, int flags,
			    __be32 daddr, __be16 port)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = port };
	struct msghdr m4 = *m;

	if (sk->ipv6only)
		return -ENETUNREACH;
	sin.sin_addr.s_addr = daddr;
	m4.msg_name = &sin;
	m4.msg_namelen = sizeof(sin);
	return udp_prot.sendmsg(sk, &m4, len, flags);
}

/* Where the datagram goes: 0 with *daddr, *port and *oif; 1 when it goes
 * out as IPv4 (a v4-mapped destination); or -errno. */
static int udpv6_dest(struct sock *sk, const struct msghdr *m, struct in6_addr *daddr,
		      __be16 *port, int *oif)
{
	const struct sockaddr_in6 *sin6 = m->msg_name;

	*oif = 0;
	if (!sin6 || sin6->sin6_family == AF_UNSPEC) {
		if (sin6 && m->msg_namelen < sizeof(sa_family_t))
			return -EINVAL;
		if (!sk->inet_dport)
			return -EDESTADDRREQ;
		*daddr = sk->sk_v6_daddr;
		*port = sk->inet_dport;
	} else if (sin6->sin6_family == AF_INET) {
		const struct sockaddr_in *sin = m->msg_name;

		if (m->msg_namelen < sizeof(*sin))
			return -EINVAL;
		ipv6_addr_set_v4mapped(sin->sin_addr.s_addr, daddr);
		*port = sin->sin_port;
	} else if (sin6->sin6_family == AF_INET6) {
		if (m->msg_namelen < SIN6_LEN_RFC2133)
			return -EINVAL;
		*daddr = sin6->sin6_addr;
		*port = sin6->sin6_port;
		*oif = (int)sin6->sin6_scope_id;
	} else {
		return -EINVAL;
	}
	if (!*port)
		return -EINVAL;
	return ipv6_addr_v4mapped(daddr) ? 1 : 0;
}

static void udpv6_trace(struct sk_buff *skb)
{
	if (!skb_tracing(skb))
		return;
	skb_trace(skb, "udpv6_sendmsg");
	skb_trace(skb, "ip6_route_output");
	skb_trace(skb, "ip6_make_skb");
	skb_trace(skb, "udp_v6_send_skb");
}

/* What became of the datagram: Udp6OutDatagrams or Udp6SndbufErrors */
static int udpv6_sent(struct sock *sk, int err, size_t len)
{
	struct net *net = sock_net(sk);

	if (err) {
		if (err == -ENOBUFS && !sk->recverr)
			err = 0;
		else
			__UDP6_INC_STATS(net, UDP_MIB_SNDBUFERRORS);
	} else {
		__UDP6_INC_STATS(net, UDP_MIB_OUTDATAGRAMS);
	}
	return err ? err : (int)len;
}

/* udpv6_sendmsg() */
static int udpv6_sendmsg(struct sock *sk, const struct msghdr *m, size_t len, int flags)
{
	struct net *net = sock_net(sk);
	struct in6_addr daddr, saddr;
	struct ipcm6_cookie ipc6;
	struct dst_entry *dst;
	struct sk_buff *skb;
	struct flowi6 fl6;
	__be16 port;
	int oif, err;

	if (len > IPV6_MAXPLEN - sizeof(struct udphdr))
		return -EMSGSIZE;
	err = udpv6_dest(sk, m, &daddr, &port, &oif);
	if (err < 0)
		return err;
	if (err == 1)
		return udpv6_sendmsg_v4(sk, m, len, flags, ipv6_addr_v4(&daddr), port);
	/* the interface: the destination's scope, SO_BINDTODEVICE, then the
	 * sticky IPV6_PKTINFO; a control message's IPV6_PKTINFO may agree */
	fl6 = (struct flowi6){ .flowi6_oif = oif ? oif : sk->sk_bound_dev_if };
	if (!fl6.flowi6_oif)
		fl6.flowi6_oif = sk->sticky_pktinfo_ifindex;
	ipc6 = (struct ipcm6_cookie){ .hlimit = -1, .tclass = sk->tclass };	/* ipcm6_init_sk */
	err = ip6_datagram_send_ctl(net, sk, m, &fl6, &ipc6);
	if (err)
		return err;
	if (ipc6.hlimit < 0)
		ipc6.hlimit = ip6_sk_hoplimit(sk, &daddr);
	if (!sk->inet_num) {
		err = udp_get_port(sk, 0);
		if (err)
			return err;
		udp_hash(sk);
	}
	dst = udpv6_route(sk, &daddr, port, fl6.flowi6_oif, (u8)ipc6.tclass, &fl6.saddr, &saddr,
			  &err);
	if (!dst)
		return err;
	/* __ip6_append_data(): over the path MTU a datagram is fragmented
	 * unless IPV6_MTU_DISCOVER is "do" or "probe" (ip6_sk_ignore_df) */
	if (len + sizeof(struct udphdr) + sizeof(struct ipv6hdr) > ip6_dst_mtu(dst) &&
	    (sk->pmtudisc == IP_PMTUDISC_DO || sk->pmtudisc == IP_PMTUDISC_PROBE)) {
		dst_release(dst);
		return -EMSGSIZE;
	}
	err = sock_wait_for_wmem(sk, flags);
	if (err) {
		dst_release(dst);
		if (err == -EAGAIN)
			__UDP6_INC_STATS(net, UDP_MIB_SNDBUFERRORS);
		return err;
	}
	skb = udpv6_make_skb(sk, dst, port, m, len);
	if (!skb) {
		dst_release(dst);
		return -ENOBUFS;
	}
	udpv6_set_csum(skb, &saddr, &daddr);
	skb->ignore_df = sk->pmtudisc != IP_PMTUDISC_DO && sk->pmtudisc != IP_PMTUDISC_PROBE;
	skb_set_owner_w(skb, sk);
	skb_dst_set(skb, dst);
	skb->dev = dst->dev;
	udpv6_trace(skb);
	err = ip6_xmit_tclass(net, skb, &saddr, &daddr, IPPROTO_UDP, ipc6.hlimit, (u8)ipc6.tclass);
	return udpv6_sent(sk, err, len);
}

/* Who sent a datagram, as a sockaddr_in6 (v4-mapped for IPv4) */
static void udpv6_put_name(const struct sk_buff *skb, struct msghdr *m, int *alen)
{
	struct sockaddr_in6 *sin6 = m->msg_name;

	memset(sin6, 0, sizeof(*sin6));
	sin6->sin6_family = AF_INET6;
	memcpy(&sin6->sin6_port, skb->data, 2);
	if (skb_network_header(skb)[0] >> 4 == 4) {
		ipv6_addr_set_v4mapped(ip_hdr(skb)->saddr, &sin6->sin6_addr);
	} else {
		sin6->sin6_addr = ipv6_hdr(skb)->saddr;
		if (ipv6_addr_linklocal(&sin6->sin6_addr))
			sin6->sin6_scope_id = (u32)skb->skb_iif;
	}
	*alen = sizeof(*sin6);
}

/* udpv6_recvmsg(): one datagram of either family */
static int udpv6_recvmsg(struct sock *sk, struct msghdr *m, size_t len, int flags, int *alen)
{
	struct sk_buff *skb;
	bool v4;
	size_t copied;
	int err = 0;

	if (flags & MSG_ERRQUEUE)
		return ipv6_recv_error(sk, m, len, alen);
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	v4 = skb_network_header(skb)[0] >> 4 == 4;
	copied = skb->len - sizeof(struct udphdr);
	if (copied > len) {
		m->msg_flags |= MSG_TRUNC;
		copied = len;
	}
	skb_copy_datagram_msg(skb, sizeof(struct udphdr), m, copied);
	if (m->msg_name)
		udpv6_put_name(skb, m, alen);
	ip6_datagram_recv_ctl(sk, m, skb);
	if (!(flags & MSG_PEEK)) {
		if (v4)
			__UDP_INC_STATS(sock_net(sk), UDP_MIB_INDATAGRAMS);
		else
			__UDP6_INC_STATS(sock_net(sk), UDP_MIB_INDATAGRAMS);
	}
	if (flags & MSG_TRUNC)
		copied = skb->len - sizeof(struct udphdr);
	consume_skb(skb);
	return (int)copied;
}

/* ipv6_setsockopt(): the IPv6 options (ipv6_sockglue.c); IPv4 levels go
 * to ip_setsockopt (a dual-stack socket sends IPv4 too) */
static int udpv6_setsockopt(struct sock *sk, int level, int name, const void *val,
			    unsigned int len)
{
	if (level != IPPROTO_IPV6)
		return ip_setsockopt(sk, level, name, val, len);
	return ipv6_setsockopt(sk, level, name, val, len);
}

static int udpv6_getsockopt(struct sock *sk, int level, int name, void *val, unsigned int *len)
{
	if (level != IPPROTO_IPV6)
		return ip_getsockopt(sk, level, name, val, len);
	return ipv6_getsockopt(sk, level, name, val, len);
}

static int udpv6_init(struct sock *sk)
{
	sk->ipv6only = sock_net(sk)->ipv6.sysctl_bindv6only != 0;
	return 0;
}

const struct proto udpv6_prot = {
	.name = "UDPv6",
	.init = udpv6_init,
	.close = udpv6_close,
	.connect = udpv6_connect,
	.bind = udpv6_bind,
	.sendmsg = udpv6_sendmsg,
	.recvmsg = udpv6_recvmsg,
	.setsockopt = udpv6_setsockopt,
	.getsockopt = udpv6_getsockopt,
	.obj_size = sizeof(struct sock),
};

/* ---- receive (__udp6_lib_rcv) ---- */

/* compute_score(): -1 when sk does not take the datagram, else higher for
 * a closer match (bound address, connected peer, bound device) */
static int udpv6_score(const struct sock *sk, const struct ipv6hdr *ip6, __be16 sport,
		       u16 dport, int dif)
{
	int score = 0;

	if (sk->sk_family != AF_INET6 || sk->inet_num != dport)
		return -1;
	if (!ipv6_addr_any(&sk->sk_v6_rcv_saddr)) {
		if (!ipv6_addr_equal(&sk->sk_v6_rcv_saddr, &ip6->daddr))
			return -1;
		score += 4;
	}
	if (sk->inet_dport) {
		if (sk->inet_dport != sport || !ipv6_addr_equal(&sk->sk_v6_daddr, &ip6->saddr))
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

/* __udp6_lib_lookup(): the best-scoring socket, or the member of its
 * SO_REUSEPORT group the flow hashes to */
static struct sock *__udp6_lib_lookup(struct net *net, const struct ipv6hdr *ip6,
				      __be16 sport, __be16 dport, int dif)
{
	struct sock *sk, *best = NULL, *sel;
	int best_score = -1;

	list_for_each_entry(sk, &net->ipv4.udp_sockets, sk_node) {
		int score = udpv6_score(sk, ip6, sport, ntohs(dport), dif);

		if (score > best_score) {
			best = sk;
			best_score = score;
		}
	}
	if (best && best->sk_reuseport && !best->inet_dport) {
		sel = reuseport_select_sock(best, reuseport_ehashfn6(&ip6->daddr, ntohs(dport),
								     &ip6->saddr, sport));
		if (sel)
			return sel;
	}
	return best;
}

static bool udpv6_csum_ok(struct sk_buff *skb, unsigned int ulen)
{
	const struct ipv6hdr *ip6 = ipv6_hdr(skb);

	if (skb_linearize(skb))
		return false;
	return !csum_ipv6_magic(&ip6->saddr, &ip6->daddr, ulen, IPPROTO_UDP,
				ipv6_csum_partial(skb->data, ulen, 0));
}

static int udpv6_drop(struct net *net, struct sk_buff *skb, enum skb_drop_reason reason)
{
	if (reason == SKB_DROP_REASON_UDP_CSUM)
		__UDP6_INC_STATS(net, UDP_MIB_CSUMERRORS);
	__UDP6_INC_STATS(net, UDP_MIB_INERRORS);
	kfree_skb_reason(skb, reason);
	return 0;
}

/* A multicast datagram nobody bound to, or the datagram for sk */
static int udpv6_deliver(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	if (!sk) {
		__UDP6_INC_STATS(net, UDP_MIB_IGNOREDMULTI);
		consume_skb(skb);
		return 0;
	}
	if (sock_queue_rcv_skb(sk, skb)) {
		__UDP6_INC_STATS(net, UDP_MIB_RCVBUFERRORS);
		__UDP6_INC_STATS(net, UDP_MIB_INERRORS);
	}
	return 0;
}

int udpv6_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	const struct udphdr *uh;
	unsigned int ulen;
	struct sock *sk;

	skb_trace(skb, "udpv6_rcv");
	if (!pskb_may_pull(skb, sizeof(*uh)))
		return udpv6_drop(net, skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	uh = (const struct udphdr *)skb->data;
	ulen = ntohs(uh->len);
	if (ulen > skb->len || ulen < sizeof(*uh))
		return udpv6_drop(net, skb, SKB_DROP_REASON_PKT_TOO_SMALL);
	pskb_trim_rcsum(skb, ulen);
	if (!uh->check) {
		skb_drop_hint(skb, "UDP checksum 0 is invalid on IPv6 (RFC 8200 8.1)");
		return udpv6_drop(net, skb, SKB_DROP_REASON_UDP_CSUM);
	}
	if (!udpv6_csum_ok(skb, ulen))
		return udpv6_drop(net, skb, SKB_DROP_REASON_UDP_CSUM);
	uh = (const struct udphdr *)skb->data;
	sk = __udp6_lib_lookup(net, ipv6_hdr(skb), uh->source, uh->dest, skb->dev->ifindex);
	skb_trace_note(skb, "__udp6_lib_lookup", sk ? "socket found" : "no socket");
	if (sk || ipv6_addr_is_multicast(&ipv6_hdr(skb)->daddr))
		return udpv6_deliver(net, sk, skb);
	__UDP6_INC_STATS(net, UDP_MIB_NOPORTS);
	icmpv6_send(skb, 1 /* ICMPV6_DEST_UNREACH */, 4 /* ICMPV6_PORT_UNREACH */, 0);
	skb_drop_hint(skb, "no socket bound to the destination port");
	kfree_skb_reason(skb, SKB_DROP_REASON_NO_SOCKET);
	return 0;
}

/* __udp6_lib_err(): an ICMPv6 error about a datagram we sent; a hard one
 * on a connected socket is reported (ECONNREFUSED on the next call) */
int udpv6_err(struct sk_buff *skb, u8 type, u8 code, int offset, u32 info)
{
	const struct ipv6hdr *inner = (const struct ipv6hdr *)skb->data;
	const struct udphdr *uh = (const struct udphdr *)(skb->data + offset);
	struct ipv6hdr back = { .saddr = inner->daddr, .daddr = inner->saddr };
	struct sock *sk;
	bool fatal;
	int err;

	sk = __udp6_lib_lookup(dev_net(skb->dev), &back, uh->dest, uh->source, 0);
	if (!sk)
		return -ENOENT;
	err = icmpv6_err_convert(type, code, &fatal);
	/* packet too big: the route learns the MTU; a hard error for a
	 * connected socket unless IPV6_MTU_DISCOVER is "dont" */
	if (type == ICMPV6_PKT_TOOBIG) {
		ip6_update_pmtu(skb, dev_net(skb->dev), info, sk->sk_bound_dev_if);
		fatal = sk->pmtudisc != IP_PMTUDISC_DONT;
	}
	/* __udp6_lib_err(): with IPV6_RECVERR every error is queued
	 * (traceroute6 reads it); without, only a hard one on a connected
	 * socket is reported */
	if (!sk->recverr) {
		if (!fatal || !sk->inet_dport)
			return 0;
	} else {
		ipv6_icmp_error(sk, skb, err, uh->dest, info, (const u8 *)(uh + 1));
	}
	sk->sk_err = err;
	sk->sk_error_report(sk);
	return 0;
}
