/* ICMPv6 ping sockets (net/ipv6/ping.c, with the family-neutral half of
 * net/ipv4/ping.c): socket(AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6), what
 * iputils' ping -6 opens first.  Creating one needs the caller's group in
 * net.ipv4.ping_group_range (default "1 0": nobody, so ping falls back to a
 * raw socket, as on Linux), else EACCES.  The socket's "port" is the echo
 * identifier: bind() takes it from sin6_port, or the first send picks a
 * free one (ping_get_port; sockets of this family may share one, as
 * INET_PROTOSW_REUSE lets them on Linux).  sendmsg takes an ICMPv6 echo
 * request (type 128 code 0, at least its 8-byte header; anything else is
 * EINVAL), writes the identifier and the checksum, and sends it as
 * icmpv6_xmit_flow does for raw sockets.  icmpv6_rcv hands echo replies to
 * ping_rcv, which queues them on the socket of that identifier (bound
 * address and device permitting); ICMPv6 errors quoting one of its
 * requests reach it through icmpv6_err → ping_err (IPV6_RECVERR: the error
 * queue; without it only a hard error on a connected socket, sk_err).
 * recvmsg gives the whole ICMPv6 message, the source with port 0 and the
 * control messages of datagram.c (IPV6_RECVHOPLIMIT, IPV6_RECVPKTINFO…).
 * IPv4 ping sockets (AF_INET, IPPROTO_ICMP) are not built: socket() is
 * EPROTONOSUPPORT there and ping falls back to raw. */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "linux/netdevice.h"
#include "linux/slab.h"
#include "net/addrconf.h"
#include "net/flow.h"
#include "net/ip6_fib.h"
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/sock.h"
#include "net/tcp.h"

#define PING_ICMPH_LEN 8	/* struct icmp6hdr */
#define ICMPV6_ECHO_REQUEST 128
#define SIN6_LEN_RFC2133 24

/* ping_init_sock(): the caller (tasks run as uid/gid 0) must be in
 * net.ipv4.ping_group_range; an AF_INET6 ping socket is IPv6-only */
static int ping_init_sock(struct sock *sk)
{
	const int *range = sock_net(sk)->ipv4.sysctl_ping_group_range;
	const int gid = 0;

	sk->ipv6only = 1;
	sk->sk_reuse = 1;	/* INET_PROTOSW_REUSE */
	return range[0] <= gid && gid <= range[1] ? 0 : -EACCES;
}

/* ping_get_port(): ident 0 picks the first free identifier after the last
 * one picked (never 0); a given one conflicts only with a socket that does
 * not allow sharing (SO_REUSEADDR off on either side) */
static int ping_get_port(struct sock *sk, u16 ident)
{
	struct net *net = sock_net(sk);
	struct list_head *head = &net->ipv6.ping_sockets;
	struct sock *sk2;
	u32 i;

	if (!ident) {
		u16 result = (u16)(net->ipv6.ping_port_rover + 1);

		for (i = 0; i < (1u << 16); i++, result++) {
			bool used = false;

			if (!result)
				result++;
			list_for_each_entry(sk2, head, sk_node)
				if (sk2->inet_num == result)
					used = true;
			if (!used)
				break;
		}
		if (i >= (1u << 16))
			return -EADDRINUSE;
		net->ipv6.ping_port_rover = ident = result;
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

static void ping_close(struct sock *sk)
{
	list_del_init(&sk->sk_node);
	sk_free(sk);
}

/* ping_check_bind_addr(): a unicast address of ours or ::; a link-local
 * one needs its interface (sin6_scope_id), which binds the socket to it */
static int ping_check_bind_addr(struct sock *sk, const struct sockaddr_in6 *addr, int len,
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
	*bound_dev_if = scoped ? (int)addr->sin6_scope_id : sk->sk_bound_dev_if;
	return 0;
}

/* ping_bind(): no privileged identifiers, no multicast addresses */
static int ping_bind(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in6 *addr = (const struct sockaddr_in6 *)uaddr;
	int dif, err = ping_check_bind_addr(sk, addr, len, &dif);

	if (err)
		return err;
	if (sk->inet_num)
		return -EINVAL;
	if (ping_get_port(sk, ntohs(addr->sin6_port)))
		return -EADDRINUSE;
	sk->sk_bound_dev_if = dif;
	sk->sk_v6_rcv_saddr = addr->sin6_addr;
	memset(&sk->sk_v6_daddr, 0, sizeof(sk->sk_v6_daddr));
	sk->inet_dport = 0;
	return 0;
}

/* inet_autobind(): an identifier before the first send or connect */
static int ping_autobind(struct sock *sk)
{
	return sk->inet_num || !ping_get_port(sk, 0) ? 0 : -EAGAIN;
}

/* ip6_datagram_connect_v6_only(): the peer and, unless bound, the source
 * the route gives; no port (getpeername stays ENOTCONN, as Linux) */
static int ping_v6_connect(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)uaddr;
	struct net *net = sock_net(sk);
	struct dst_entry *dst;
	struct flowi6 fl6;
	int err;

	if (len < SIN6_LEN_RFC2133)
		return -EINVAL;
	if (sin6->sin6_family != AF_INET6)
		return -EAFNOSUPPORT;
	if (ipv6_addr_v4mapped(&sin6->sin6_addr))
		return -ENETUNREACH;	/* an IPv6-only socket */
	if ((err = ping_autobind(sk)))
		return err;
	fl6 = (struct flowi6){ .flowi6_mark = sk->sk_mark, .flowi6_proto = IPPROTO_ICMPV6,
			       .flowi6_tclass = sk->tclass, .flowi6_uid = sk->sk_uid,
			       .daddr = sin6->sin6_addr, .saddr = sk->sk_v6_rcv_saddr };
	fl6.flowi6_oif = ipv6_addr_linklocal(&sin6->sin6_addr) && sin6->sin6_scope_id ?
			 (int)sin6->sin6_scope_id : sk->sk_bound_dev_if;
	if (!(dst = ip6_route_output_flow(net, &fl6, &err)))
		return err;
	if (ipv6_addr_any(&sk->sk_v6_rcv_saddr) &&
	    ipv6_dev_get_saddr(net, dst->dev, &sin6->sin6_addr, &sk->sk_v6_rcv_saddr)) {
		dst_release(dst);
		return -EADDRNOTAVAIL;
	}
	dst_release(dst);
	if (fl6.flowi6_oif && ipv6_addr_linklocal(&sin6->sin6_addr))
		sk->sk_bound_dev_if = fl6.flowi6_oif;
	sk->sk_v6_daddr = sin6->sin6_addr;
	sk->sk_state = TCP_ESTABLISHED;
	return 0;
}

/* ping_common_sendmsg(): the user's ICMPv6 header, checked */
static int ping_common_sendmsg(const struct msghdr *msg, size_t len, u8 *icmph)
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
	return icmph[0] == ICMPV6_ECHO_REQUEST && icmph[1] == 0 ? 0 : -EINVAL;
}

/* The destination and the interface of a send: 0 or -errno */
static int ping_v6_dest(struct sock *sk, const struct msghdr *msg, struct in6_addr *daddr,
			int *oif)
{
	const struct sockaddr_in6 *u = msg->msg_name;
	int type;

	*oif = 0;
	if (u) {
		if (msg->msg_namelen < sizeof(*u))
			return -EINVAL;
		if (u->sin6_family != AF_INET6)
			return -EAFNOSUPPORT;
		*daddr = u->sin6_addr;
		if (ipv6_addr_linklocal(daddr) || ipv6_addr_is_multicast(daddr))
			*oif = (int)u->sin6_scope_id;
	} else {
		if (sk->sk_state != TCP_ESTABLISHED)
			return -EDESTADDRREQ;
		*daddr = sk->sk_v6_daddr;
	}
	if (!*oif)
		*oif = sk->sk_bound_dev_if;
	if (!*oif)
		*oif = sk->sticky_pktinfo_ifindex;
	type = ipv6_addr_type(daddr);
	if (((type & IPV6_ADDR_LINKLOCAL) && !*oif) || ipv6_addr_v4mapped(daddr) ||
	    (*oif && sk->sk_bound_dev_if && *oif != sk->sk_bound_dev_if))
		return -EINVAL;
	return 0;
}

/* ping_v6_sendmsg() */
static int ping_v6_sendmsg(struct sock *sk, const struct msghdr *msg, size_t len, int flags)
{
	struct ipcm6_cookie ipc6;
	struct flowi6 fl6;
	struct in6_addr daddr;
	u8 icmph[PING_ICMPH_LEN], *buf;
	size_t off = 0;
	int oif, err;

	(void)flags;
	if ((err = ping_autobind(sk)))	/* inet_send_prepare(), before any check */
		return err;
	if ((err = ping_common_sendmsg(msg, len, icmph)) || (err = ping_v6_dest(sk, msg, &daddr, &oif)))
		return err;
	fl6 = (struct flowi6){ .flowi6_oif = oif };
	ipc6 = (struct ipcm6_cookie){ .hlimit = -1, .tclass = sk->tclass };	/* ipcm6_init_sk */
	if ((err = ip6_datagram_send_ctl(sock_net(sk), sk, msg, &fl6, &ipc6)))
		return err;
	if (ipv6_addr_any(&fl6.saddr))
		fl6.saddr = sk->sk_v6_rcv_saddr;
	fl6.flowi6_mark = sk->sk_mark;
	fl6.flowi6_proto = IPPROTO_ICMPV6;
	fl6.flowi6_tclass = (u8)ipc6.tclass;
	fl6.flowi6_uid = sk->sk_uid;
	fl6.daddr = daddr;
	if (!(buf = kmalloc(len)))
		return -ENOBUFS;
	for (size_t i = 0; i < msg->msg_iovlen && off < len; i++) {
		size_t n = msg->msg_iov[i].iov_len < len - off ? msg->msg_iov[i].iov_len : len - off;

		memcpy(buf + off, msg->msg_iov[i].iov_base, n);
		off += n;
	}
	memcpy(&buf[4], &sk->inet_sport, 2);	/* the identifier is the socket's */
	err = icmpv6_xmit_flow(sock_net(sk), &fl6, buf, (unsigned int)len,
			       ipc6.hlimit >= 0 ? ipc6.hlimit : ip6_sk_hoplimit(sk, &daddr), (u8)ipc6.tclass);
	kfree(buf);
	return err < 0 ? err : (int)len;
}

/* ping_lookup(): the socket of identifier ident for a packet to daddr that
 * came in on dif */
static struct sock *ping_lookup(struct net *net, const struct in6_addr *daddr, u16 ident,
				int dif)
{
	struct sock *sk;

	list_for_each_entry(sk, &net->ipv6.ping_sockets, sk_node) {
		if (sk->inet_num != ident)
			continue;
		if (!ipv6_addr_any(&sk->sk_v6_rcv_saddr) &&
		    !ipv6_addr_equal(&sk->sk_v6_rcv_saddr, daddr))
			continue;
		if (sk->sk_bound_dev_if && sk->sk_bound_dev_if != dif)
			continue;
		return sk;
	}
	return NULL;
}

/* ping_rcv(): an echo reply (skb data at the ICMPv6 header) for the socket
 * of its identifier; the caller keeps skb */
void ping_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	struct sk_buff *c;
	struct sock *sk;
	u16 ident;

	if (skb->len < PING_ICMPH_LEN)
		return;
	ident = (u16)(skb->data[4] << 8 | skb->data[5]);
	sk = ping_lookup(net, &ipv6_hdr(skb)->daddr, ident, skb->skb_iif);
	if (sk && (c = skb_clone(skb)))
		sock_queue_rcv_skb(sk, c);
}

/* ping_err(): an ICMPv6 error quoting an echo request of ours (skb data at
 * the quoted IPv6 header, offset its ICMPv6 header) */
void ping_err(struct sk_buff *skb, u8 type, u8 code, int offset, u32 info)
{
	const u8 *icmph = skb->data + offset;
	struct sock *sk;
	bool harderr;
	int err;

	if (icmph[0] != ICMPV6_ECHO_REQUEST || icmph[1] != 0)
		return;
	sk = ping_lookup(dev_net(skb->dev), &ipv6_hdr(skb)->daddr,
			 (u16)(icmph[4] << 8 | icmph[5]), skb->skb_iif);
	if (!sk)
		return;
	err = icmpv6_err_convert(type, code, &harderr);
	if (!sk->recverr) {
		if (!harderr || sk->sk_state != TCP_ESTABLISHED)
			return;
	} else {
		ipv6_icmp_error(sk, skb, err, 0, info, icmph);
	}
	sk->sk_err = err;
	sk->sk_error_report(sk);
}

/* ping_recvmsg(): the whole ICMPv6 message, who sent it (port 0) */
static int ping_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
			int *addr_len)
{
	struct sk_buff *skb;
	size_t copied;
	int err = 0;

	if (flags & MSG_OOB)
		return -EOPNOTSUPP;
	if (flags & MSG_ERRQUEUE)
		return ipv6_recv_error(sk, msg, len, addr_len);
	if (!(skb = skb_recv_datagram(sk, flags, &err)))
		return err;
	copied = skb->len;
	if (copied > len) {
		msg->msg_flags |= MSG_TRUNC;
		copied = len;
	}
	skb_copy_datagram_msg(skb, 0, msg, copied);
	if (msg->msg_name) {
		struct sockaddr_in6 *sin6 = msg->msg_name;

		memset(sin6, 0, sizeof(*sin6));
		sin6->sin6_family = AF_INET6;
		sin6->sin6_addr = ipv6_hdr(skb)->saddr;
		if (ipv6_addr_linklocal(&sin6->sin6_addr))
			sin6->sin6_scope_id = (u32)skb->skb_iif;
		*addr_len = sizeof(*sin6);
	}
	ip6_datagram_recv_ctl(sk, msg, skb);
	consume_skb(skb);
	return (int)copied;
}

static int ping_v6_setsockopt(struct sock *sk, int level, int name, const void *val,
			      unsigned int len)
{
	return ipv6_setsockopt(sk, level, name, val, len);
}

static int ping_v6_getsockopt(struct sock *sk, int level, int name, void *val,
			      unsigned int *len)
{
	return ipv6_getsockopt(sk, level, name, val, len);
}

const struct proto pingv6_prot = {
	.name = "PINGv6",
	.init = ping_init_sock,
	.close = ping_close,
	.bind = ping_bind,
	.connect = ping_v6_connect,
	.sendmsg = ping_v6_sendmsg,
	.recvmsg = ping_recvmsg,
	.setsockopt = ping_v6_setsockopt,
	.getsockopt = ping_v6_getsockopt,
	.obj_size = sizeof(struct sock),
};
