/* ICMPv6 ping sockets (net/ipv6/ping.c): socket(AF_INET6, SOCK_DGRAM,
 * IPPROTO_ICMPV6), what iputils' ping -6 opens first.  What both families
 * share — net.ipv4.ping_group_range (EACCES outside it), the identifier
 * table, bind, ping_rcv, ping_err and recvmsg — is net/ipv4/ping.c's, as
 * in Linux; here are the IPv6 connect and send and pingv6_prot.  sendmsg
 * takes an ICMPv6 echo request (type 128 code 0, at least its 8-byte
 * header; anything else is EINVAL), writes the identifier and the
 * checksum, and sends it as icmpv6_xmit_flow does for raw sockets.
 * icmpv6_rcv hands echo replies to ping_rcv and icmpv6_err errors to
 * ping_err (IPV6_RECVERR: the error queue); recvmsg gives the whole ICMPv6
 * message, the source with port 0 and the control messages of datagram.c
 * (IPV6_RECVHOPLIMIT, IPV6_RECVPKTINFO…). */
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
#include "net/ping.h"
#include "net/sock.h"
#include "net/tcp.h"

#define SIN6_LEN_RFC2133 24

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
	if ((err = ping_common_sendmsg(AF_INET6, msg, len, icmph)) || (err = ping_v6_dest(sk, msg, &daddr, &oif)))
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
