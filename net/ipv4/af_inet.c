/* IPv4 glue (net/ipv4/af_inet.c): the L4 protocol table filled with
 * inet_add_protocol(), the INET socket switch (inetsw_array, seed 001),
 * the per-namespace init of IPv4 (ip_rcv registered with dev_add_pack(),
 * ARP, ICMP, sysctl defaults) and the device events IPv4 reacts to. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/igmp.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "net/inet_common.h"
#include "net/arp.h"
#include "net/ethernet.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/ip_fib.h"
#include "net/ip_tunnels.h"
#include "net/net_namespace.h"
#include "net/ping.h"
#include "net/nexthop.h"
#include "net/route.h"
#include "net/sock.h"
#include "net/tcp.h"
#include "net/world.h"

void icmp_net_init(struct net *net);
void icmp_net_exit(struct net *net);
void nf_net_exit(struct net *net);

int udp_rcv(struct sk_buff *skb);
int udp_err(struct sk_buff *skb, u32 info);

static const struct net_protocol tcp_protocol = {
	.handler = tcp_v4_rcv,
	.err_handler = tcp_v4_err,
	.no_policy = 1,
};

static const struct net_protocol udp_protocol = {
	.handler = udp_rcv,
	.err_handler = udp_err,
	.no_policy = 1,
};

static const struct net_protocol icmp_protocol = {
	.handler = icmp_rcv,
	.err_handler = icmp_err,
	.no_policy = 1,
};

int inet_add_protocol(struct world *w, const struct net_protocol *prot, unsigned char num)
{
	if (w->inet_protos[num])
		return -EBUSY;
	w->inet_protos[num] = prot;
	return 0;
}

int inet_del_protocol(struct world *w, const struct net_protocol *prot, unsigned char num)
{
	if (w->inet_protos[num] != prot)
		return -ENOENT;
	w->inet_protos[num] = NULL;
	return 0;
}

const struct net_protocol *inet_protocol(const struct net *net, unsigned char num)
{
	return net->world->inet_protos[num];
}

/* inet_init(): the protocols every world knows */
void inet_protos_init(struct world *w)
{
	inet_add_protocol(w, &icmp_protocol, IPPROTO_ICMP);
	inet_add_protocol(w, &tcp_protocol, IPPROTO_TCP);
	inet_add_protocol(w, &udp_protocol, IPPROTO_UDP);
	igmp_proto_init(w);
	ipip_proto_init(w);
}

/* The INET protocol switch: socket(AF_INET, type, protocol) → ops + proto. */
extern const struct proto udp_prot;
extern const struct proto_ops inet_dgram_ops;

static const struct inet_protosw inetsw_array[] = {
	{ .type = SOCK_STREAM, .protocol = IPPROTO_TCP, .prot = &tcp_prot,
	  .ops = &inet_stream_ops },
	{ .type = SOCK_DGRAM, .protocol = IPPROTO_UDP, .prot = &udp_prot, .ops = &inet_dgram_ops },
	{ .type = SOCK_DGRAM, .protocol = IPPROTO_ICMP, .prot = &ping_prot,
	  .ops = &inet_sockraw_ops },
	{ .type = SOCK_RAW, .protocol = 0, .prot = &raw_prot, .ops = &inet_sockraw_ops },
};

const struct inet_protosw *inetsw_lookup(int type, int protocol)
{
	for (size_t i = 0; i < sizeof(inetsw_array) / sizeof(inetsw_array[0]); i++) {
		const struct inet_protosw *a = &inetsw_array[i];

		if (a->type != type)
			continue;
		/* IPPROTO_IP (0) asks for the type's default protocol; a
		 * protosw with protocol 0 (raw) takes any */
		if (a->protocol == protocol || a->protocol == 0 || protocol == 0)
			return a;
	}
	return NULL;
}

static int inet_net_init(struct net *net)
{
	net->ipv4.sysctl_ip_default_ttl = 64;
	net->ipv4.sysctl_ip_local_port_range[0] = 32768;
	net->ipv4.sysctl_ip_local_port_range[1] = 60999;
	net->ipv4.sysctl_ping_group_range[0] = 1;
	net->ipv4.sysctl_ping_group_range[1] = 0;
	net->ipv4.sysctl_ip_early_demux = 1;
	net->ipv4.sysctl_ip_fwd_use_pmtu = 0;
	net->ipv4.sysctl_fib_multipath_hash_policy = 0;
	INIT_LIST_HEAD(&net->ipv4.raw_sockets);
	INIT_LIST_HEAD(&net->ipv4.udp_sockets);
	INIT_LIST_HEAD(&net->ipv4.ping_sockets);
	tcp_net_init(net);
	if (!tcp_pernet(net))
		return -ENOMEM;
	icmp_net_init(net);
	if (arp_tbl_init(net)) {	/* the failed init undoes its own steps */
		tcp_net_exit(net);
		return -ENOMEM;
	}
	net->ipv4.ip_packet_type.type = htons(ETH_P_IP);
	net->ipv4.ip_packet_type.func = ip_rcv;
	dev_add_pack(net, &net->ipv4.ip_packet_type);
	return 0;
}

static void inet_net_exit(struct net *net)
{
	dev_remove_pack(net, &net->ipv4.ip_packet_type);
	arp_tbl_exit(net);
	icmp_net_exit(net);
	tcp_net_exit(net);
	nf_net_exit(net);
}

const struct pernet_operations inet_net_ops = {
	.name = "inet",
	.init = inet_net_init,
	.exit = inet_net_exit,
};

/* ip_mc_up/ip_mc_down (igmp.c): a device that is up has joined 224.0.0.1
 * and announces its groups */
static void ip_mc_allhosts(struct net_device *dev, bool join)
{
	if (join)
		ip_mc_up(__in_dev_get_rtnl(dev));
	else
		ip_mc_down(__in_dev_get_rtnl(dev));
}

/* inetdev_event() + fib_netdev_event() + arp_netdev_event(), in that order */
int ipv4_netdev_event(struct net_device *dev, unsigned long event)
{
	struct in_device *in_dev = __in_dev_get_rtnl(dev);

	switch (event) {
	case NETDEV_REGISTER:
		if (!in_dev && dev->mtu >= IPV4_MIN_MTU && !inetdev_init(dev))
			return -ENOMEM;
		break;
	case NETDEV_CHANGEMTU:
		/* IPv4 needs 68 bytes: below that the device loses it, addresses
		 * included; above, it comes back empty (inetdev_event). */
		if (!in_dev && dev->mtu >= IPV4_MIN_MTU) {
			inetdev_init(dev);
			return 0;
		}
		if (in_dev && dev->mtu < IPV4_MIN_MTU) {
			fib_netdev_event(dev, NETDEV_DOWN);
			arp_ifdown(dev);
			inetdev_destroy(in_dev);
			rt_cache_flush(dev_net(dev));
			return 0;
		}
		if (in_dev) {
			fib_sync_mtu(dev, dev->mtu_orig);
			rt_cache_flush(dev_net(dev));
		}
		break;
	case NETDEV_UNREGISTER:
		tcp_dev_unregister(dev_net(dev), dev);
		nexthop_flush_dev(dev);
		fib_netdev_event(dev, event);
		arp_ifdown(dev);
		rt_flush_dev(dev);
		if (in_dev)
			inetdev_destroy(in_dev);
		return 0;
	case NETDEV_UP:
		ip_mc_allhosts(dev, true);
		break;
	case NETDEV_DOWN:
		ip_mc_allhosts(dev, false);
		arp_ifdown(dev);
		break;
	default:
		break;
	}
	fib_netdev_event(dev, event);
	arp_netdev_event(dev, event);
	if (event != NETDEV_REGISTER)
		rt_cache_flush(dev_net(dev));
	return 0;
}

/* ---- the socket half: proto_ops shared by INET sockets ---- */
static int inet_release(struct socket *sock)
{
	struct sock *sk = sock->sk;

	if (sk) {
		sock->sk = NULL;
		sk->sk_socket = NULL;
		sk->sk_prot->close(sk);
	}
	return 0;
}

/* inet_bind(): raw_bind() looks at no family; __inet_bind() and
 * ping_check_bind_addr() take AF_UNSPEC for INADDR_ANY only */
static int inet_bind(struct socket *sock, const struct sockaddr *addr, int len)
{
	const struct sockaddr_in *sin = (const struct sockaddr_in *)addr;
	struct sock *sk = sock->sk;

	if (len < (int)sizeof(*sin))
		return -EINVAL;
	if (sk->sk_type != SOCK_RAW && sin->sin_family != AF_INET &&
	    !(sin->sin_family == AF_UNSPEC && sin->sin_addr.s_addr == htonl(INADDR_ANY)))
		return -EAFNOSUPPORT;
	return sk->sk_prot->bind ? sk->sk_prot->bind(sk, addr, len) : -EOPNOTSUPP;
}

static int inet_dgram_connect(struct socket *sock, const struct sockaddr *addr, int len,
			      int flags)
{
	struct sock *sk = sock->sk;

	(void)flags;
	if (len < (int)sizeof(addr->sa_family))
		return -EINVAL;
	return sk->sk_prot->connect(sk, addr, len);
}

static int inet_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct sock *sk = sock->sk;
	struct sockaddr_in *sin = (struct sockaddr_in *)uaddr;

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	if (peer) {
		/* no peer port: not connected (a ping or raw socket's connect
		 * keeps port 0, and getpeername stays ENOTCONN, as Linux) */
		if (!sk->inet_dport)
			return -ENOTCONN;
		sin->sin_port = sk->inet_dport;
		sin->sin_addr.s_addr = sk->inet_daddr;
	} else {
		sin->sin_port = sk->inet_sport;
		sin->sin_addr.s_addr = sk->inet_rcv_saddr ? sk->inet_rcv_saddr : sk->inet_saddr;
	}
	return sizeof(*sin);
}

static unsigned int datagram_poll(struct socket *sock)
{
	struct sock *sk = sock->sk;
	unsigned int mask = sock_writeable(sk) ? POLLOUT | POLLWRNORM : 0;

	if (!skb_queue_empty(&sk->sk_receive_queue))
		mask |= POLLIN | POLLRDNORM;
	if (!skb_queue_empty(&sk->sk_error_queue) || sk->sk_err)
		mask |= POLLERR;
	return mask;
}

int inet_setsockopt(struct socket *sock, int level, int name, const void *val,
			   unsigned int len)
{
	if (level == SOL_SOCKET)
		return sock_setsockopt(sock, level, name, val, len);
	return sock->sk->sk_prot->setsockopt(sock->sk, level, name, val, len);
}

int inet_getsockopt(struct socket *sock, int level, int name, void *val,
			   unsigned int *len)
{
	if (level == SOL_SOCKET)
		return sock_getsockopt(sock, level, name, val, len);
	return sock->sk->sk_prot->getsockopt(sock->sk, level, name, val, len);
}

/* inet_sendmsg(): what seed 000 names before udp_sendmsg */
int inet_sendmsg(struct socket *sock, const struct msghdr *m, size_t len, int flags)
{
	return sock->sk->sk_prot->sendmsg(sock->sk, m, len, flags);
}

int inet_recvmsg(struct socket *sock, struct msghdr *m, size_t len, int flags)
{
	int addr_len = 0;
	int err = sock->sk->sk_prot->recvmsg(sock->sk, m, len, flags, &addr_len);

	if (err >= 0 && m->msg_name)
		m->msg_namelen = (socklen_t)addr_len;
	return err;
}

static int inet_shutdown(struct socket *sock, int how)
{
	(void)how;
	sock->sk->sk_shutdown = 3;
	wake_up(&sock->sk->sk_wq);
	return 0;
}

const struct proto_ops inet_sockraw_ops = {
	.family = AF_INET,
	.release = inet_release,
	.bind = inet_bind,
	.connect = inet_dgram_connect,
	.getname = inet_getname,
	.poll = datagram_poll,
	.setsockopt = inet_setsockopt,
	.getsockopt = inet_getsockopt,
	.sendmsg = inet_sendmsg,
	.recvmsg = inet_recvmsg,
	.shutdown = inet_shutdown,
};

const struct proto_ops inet_dgram_ops = {
	.family = AF_INET,
	.release = inet_release,
	.bind = inet_bind,
	.connect = inet_dgram_connect,
	.getname = inet_getname,
	.poll = datagram_poll,
	.setsockopt = inet_setsockopt,
	.getsockopt = inet_getsockopt,
	.sendmsg = inet_sendmsg,
	.recvmsg = inet_recvmsg,
	.shutdown = inet_shutdown,
};

/* inet_create(): pick ops and proto from inetsw_array */
int inet_create(struct net *net, struct socket *sock, int type, int protocol)
{
	const struct inet_protosw *answer = inetsw_lookup(type, protocol);
	struct sock *sk;

	if (!answer)
		return type == SOCK_STREAM || type == SOCK_DGRAM || type == SOCK_RAW ?
		       -EPROTONOSUPPORT : -ESOCKTNOSUPPORT;
	if (type == SOCK_RAW && !protocol)
		return -EPROTONOSUPPORT;
	if (!protocol)
		protocol = answer->protocol;
	sk = sk_alloc(net, AF_INET, answer->prot);
	if (!sk)
		return -ENOBUFS;
	sk->sk_type = (u16)type;
	sk->sk_protocol = (u8)protocol;
	sk->sk_socket = sock;
	if (sk->sk_prot->init) {
		int err = sk->sk_prot->init(sk);

		if (err) {	/* a ping socket outside ping_group_range: EACCES */
			sk->sk_socket = NULL;
			sk->sk_prot->close(sk);
			return err;
		}
	}
	if (type == SOCK_RAW) {
		sk->inet_num = (u16)protocol;
		if (protocol == IPPROTO_RAW)
			sk->hdrincl = 1;
	}
	sock->sk = sk;
	sock->ops = answer->ops;
	sock->type = (short)type;
	if (sk->sk_prot->hash && type == SOCK_RAW)
		sk->sk_prot->hash(sk);
	return 0;
}
