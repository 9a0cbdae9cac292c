/* AF_INET6 sockets (net/ipv6/af_inet6.c): inet6_create() picks proto_ops
 * and proto from inetsw6 (TCP, UDP, raw ICMPv6), inet6_bind/getname speak
 * sockaddr_in6; the rest is shared with AF_INET (inet_sendmsg, …). */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/netdevice.h"
#include "net/inet_common.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/sock.h"
#include "net/tcp.h"
#include "net/udp.h"

extern const struct proto rawv6_prot;
extern const struct proto pingv6_prot;
int rawv6_hash(struct sock *sk);

static int inet6_release(struct socket *sock)
{
	struct sock *sk = sock->sk;

	if (sk) {
		sock->sk = NULL;
		sk->sk_socket = NULL;
		sk->sk_prot->close(sk);
	}
	return 0;
}

int inet6_bind(struct socket *sock, const struct sockaddr *addr, int len)
{
	struct sock *sk = sock->sk;

	if (len < (int)offsetof(struct sockaddr_in6, sin6_scope_id))
		return -EINVAL;
	if (addr->sa_family != AF_INET6)
		return -EAFNOSUPPORT;
	return sk->sk_prot->bind ? sk->sk_prot->bind(sk, addr, len) : 0;
}

static int inet6_dgram_connect(struct socket *sock, const struct sockaddr *addr, int len,
			       int flags)
{
	(void)flags;
	if (len < (int)sizeof(addr->sa_family))
		return -EINVAL;
	return sock->sk->sk_prot->connect(sock->sk, addr, len);
}

/* inet6_getname(): the bound or peer address, a link-local one with its
 * interface as the scope */
int inet6_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)uaddr;
	struct sock *sk = sock->sk;

	memset(sin6, 0, sizeof(*sin6));
	sin6->sin6_family = AF_INET6;
	if (peer) {
		if (!sk->inet_dport)
			return -ENOTCONN;
		sin6->sin6_port = sk->inet_dport;
		sin6->sin6_addr = sk->sk_v6_daddr;
	} else {
		sin6->sin6_port = sk->sk_type == SOCK_RAW ? 0 : sk->inet_sport;
		sin6->sin6_addr = sk->sk_v6_rcv_saddr;
	}
	if (ipv6_addr_linklocal(&sin6->sin6_addr))
		sin6->sin6_scope_id = (u32)sk->sk_bound_dev_if;
	return sizeof(*sin6);
}

static unsigned int inet6_poll(struct socket *sock)
{
	struct sock *sk = sock->sk;
	unsigned int mask = sock_writeable(sk) ? POLLOUT | POLLWRNORM : 0;

	if (!skb_queue_empty(&sk->sk_receive_queue))
		mask |= POLLIN | POLLRDNORM;
	if (!skb_queue_empty(&sk->sk_error_queue) || sk->sk_err)
		mask |= POLLERR;
	return mask;
}

static int inet6_shutdown(struct socket *sock, int how)
{
	(void)how;
	sock->sk->sk_shutdown = 3;
	wake_up(&sock->sk->sk_wq);
	return 0;
}

static const struct proto_ops inet6_dgram_ops = {
	.family = AF_INET6,
	.release = inet6_release,
	.bind = inet6_bind,
	.connect = inet6_dgram_connect,
	.getname = inet6_getname,
	.poll = inet6_poll,
	.setsockopt = inet_setsockopt,
	.getsockopt = inet_getsockopt,
	.sendmsg = inet_sendmsg,
	.recvmsg = inet_recvmsg,
	.shutdown = inet6_shutdown,
};

static const struct proto_ops inet6_sockraw_ops = {
	.family = AF_INET6,
	.release = inet6_release,
	.bind = inet6_bind,
	.connect = inet6_dgram_connect,
	.getname = inet6_getname,
	.poll = inet6_poll,
	.setsockopt = inet_setsockopt,
	.getsockopt = inet_getsockopt,
	.sendmsg = inet_sendmsg,
	.recvmsg = inet_recvmsg,
	.shutdown = inet6_shutdown,
};

/* inetsw6: socket(AF_INET6, type, protocol) → ops + proto */
static const struct inet_protosw inetsw6[] = {
	/* inet_stream_ops serve both families (bind and getname ask
	 * inet6_bind/inet6_getname for AF_INET6) */
	{ .type = SOCK_STREAM, .protocol = IPPROTO_TCP, .prot = &tcpv6_prot,
	  .ops = &inet_stream_ops },
	{ .type = SOCK_DGRAM, .protocol = IPPROTO_UDP, .prot = &udpv6_prot,
	  .ops = &inet6_dgram_ops },
	{ .type = SOCK_DGRAM, .protocol = IPPROTO_ICMPV6, .prot = &pingv6_prot,
	  .ops = &inet6_sockraw_ops },
	{ .type = SOCK_RAW, .protocol = IPPROTO_ICMPV6, .prot = &rawv6_prot,
	  .ops = &inet6_sockraw_ops },
};

static const struct inet_protosw *inetsw6_lookup(int type, int protocol)
{
	for (size_t i = 0; i < ARRAY_SIZE(inetsw6); i++) {
		const struct inet_protosw *a = &inetsw6[i];

		if (a->type == type && (a->protocol == protocol || protocol == 0))
			return a;
	}
	return NULL;
}

int inet6_create(struct net *net, struct socket *sock, int type, int protocol)
{
	const struct inet_protosw *answer = inetsw6_lookup(type, protocol);
	struct sock *sk;

	if (!answer)
		return type == SOCK_STREAM || type == SOCK_DGRAM || type == SOCK_RAW ?
		       -EPROTONOSUPPORT : -ESOCKTNOSUPPORT;
	if (type == SOCK_RAW && !protocol)
		return -EPROTONOSUPPORT;
	if (!(sk = sk_alloc(net, AF_INET6, answer->prot)))
		return -ENOBUFS;
	sk->sk_type = (u16)type;
	sk->sk_protocol = (u8)answer->protocol;
	sk->mcast_hops = IPV6_DEFAULT_MCASTHOPS;
	sk->sk_socket = sock;
	if (sk->sk_prot->init) {
		int err = sk->sk_prot->init(sk);

		if (err) {	/* a ping socket outside ping_group_range: EACCES */
			sk->sk_socket = NULL;
			sk->sk_prot->close(sk);
			return err;
		}
	}
	sock->sk = sk;
	sock->ops = answer->ops;
	sock->type = (short)type;
	if (type == SOCK_RAW) {
		sk->inet_num = (u16)protocol;
		rawv6_hash(sk);
	}
	return 0;
}
