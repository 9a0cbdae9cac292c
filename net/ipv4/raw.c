/* Raw IPv4 sockets (net/ipv4/raw.c): what ping uses.  Every packet of the
 * socket's protocol that is delivered locally gets copied to it, IP header
 * included, filtered by ICMP_FILTER; sending builds the IP header (unless
 * IP_HDRINCL), routes and checks the path MTU like ip_append_data(). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/sock.h"
#include "net/world.h"
#include "net/trace.h"

int ip_err_from_icmp(struct sk_buff *skb, bool *fatal);

#define SOL_RAW_LEVEL 255
#define ICMP_FILTER_OPT 1

static bool raw_v4_match(const struct sock *sk, const struct sk_buff *skb, int protocol,
			 __be32 raddr, __be32 laddr, int dif)
{
	return sk->inet_num == protocol &&
	       (!sk->inet_daddr || sk->inet_daddr == raddr) &&
	       (!sk->inet_rcv_saddr || sk->inet_rcv_saddr == laddr) &&
	       (!sk->sk_bound_dev_if || sk->sk_bound_dev_if == dif || !skb);
}

static bool icmp_filter(const struct sock *sk, const struct sk_buff *skb)
{
	const u8 *type;
	u8 buf;

	if (!sk->icmp_filter_set)
		return false;
	type = skb_header_pointer(skb, (int)(skb_transport_header(skb) - skb->data), 1, &buf);
	if (!type)
		return true;
	return *type < 32 && (sk->icmp_filter & (1u << *type));
}

/* raw_local_deliver(): a copy for every matching raw socket */
int raw_local_deliver(struct sk_buff *skb, int protocol)
{
	struct net *net = dev_net(skb->dev);
	const struct iphdr *iph = ip_hdr(skb);
	int dif = skb->dev->ifindex;
	struct sock *sk;
	int delivered = 0;

	list_for_each_entry(sk, &net->ipv4.raw_sockets, sk_node) {
		struct sk_buff *c;

		if (!raw_v4_match(sk, skb, protocol, iph->saddr, iph->daddr, dif))
			continue;
		delivered = 1;
		if (protocol == IPPROTO_ICMP && icmp_filter(sk, skb))
			continue;
		c = skb_clone(skb);
		if (!c)
			continue;
		/* raw sockets see the packet from the IP header on */
		skb_push(c, (unsigned int)(c->data - skb_network_header(c)));
		sock_queue_rcv_skb(sk, c);
	}
	return delivered;
}

/* raw_err(): an ICMP error about a packet a raw socket sent */
void raw_icmp_error(struct sk_buff *skb, int protocol, u32 info)
{
	struct net *net = dev_net(skb->dev);
	const struct iphdr *inner = (const struct iphdr *)skb->data;
	struct sock *sk;

	list_for_each_entry(sk, &net->ipv4.raw_sockets, sk_node) {
		bool fatal;
		int err;

		if (!raw_v4_match(sk, NULL, protocol, inner->daddr, inner->saddr, 0))
			continue;
		err = ip_err_from_icmp(skb, &fatal);
		if (!err)
			continue;
		if (sk->recverr) {
			const u8 *payload = sk->hdrincl ? skb->data :
					    skb->data + inner->ihl * 4u;

			ip_icmp_error(sk, skb, err, 0, info, payload);
		}
		if (sk->recverr || fatal) {
			sk->sk_err = err;
			sk->sk_error_report(sk);
		}
	}
}

static int raw_hash(struct sock *sk)
{
	list_add_tail(&sk->sk_node, &sock_net(sk)->ipv4.raw_sockets);
	return 0;
}

static void raw_unhash(struct sock *sk)
{
	list_del(&sk->sk_node);
}

static void raw_close(struct sock *sk)
{
	raw_unhash(sk);
	sk_free(sk);
}

static int raw_bind(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in *addr = (const struct sockaddr_in *)uaddr;
	unsigned int type;

	if (len < (int)sizeof(*addr))
		return -EINVAL;
	type = inet_addr_type(sock_net(sk), addr->sin_addr.s_addr);
	if (addr->sin_addr.s_addr && type != RTN_LOCAL && type != RTN_MULTICAST &&
	    type != RTN_BROADCAST && !sk->freebind)
		return -EADDRNOTAVAIL;
	sk->inet_rcv_saddr = sk->inet_saddr = addr->sin_addr.s_addr;
	if (type == RTN_MULTICAST || type == RTN_BROADCAST)
		sk->inet_saddr = 0;
	return 0;
}

static int raw_connect(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in *usin = (const struct sockaddr_in *)uaddr;

	if (len < (int)sizeof(*usin))
		return -EINVAL;
	if (usin->sin_family == AF_UNSPEC) {
		sk->inet_daddr = 0;
		return 0;
	}
	sk->inet_daddr = usin->sin_addr.s_addr;
	return 0;
}

static int raw_sendmsg(struct sock *sk, const struct msghdr *msg, size_t len, int flags)
{
	struct net *net = sock_net(sk);
	struct flowi4 fl4 = { 0 };
	struct rtable *rt;
	struct sk_buff *skb;
	__be32 daddr;
	int err;

	(void)flags;
	if (len > 0xFFFF)
		return -EMSGSIZE;
	if (msg->msg_name) {
		const struct sockaddr_in *usin = msg->msg_name;

		if (msg->msg_namelen < sizeof(*usin) ||
		    (usin->sin_family != AF_INET && usin->sin_family != AF_UNSPEC))
			return -EINVAL;
		daddr = usin->sin_addr.s_addr;
	} else {
		if (!sk->inet_daddr)
			return -EDESTADDRREQ;
		daddr = sk->inet_daddr;
	}
	fl4.flowi4_oif = sk->sk_bound_dev_if;
	fl4.flowi4_mark = sk->sk_mark;
	fl4.flowi4_tos = sk->tos & IPTOS_RT_MASK;
	fl4.flowi4_proto = sk->hdrincl ? IPPROTO_RAW : (u8)sk->inet_num;
	fl4.daddr = daddr;
	fl4.saddr = sk->inet_saddr;
	rt = ip_route_output_dgram(net, &fl4, sk, &err);
	if (!rt)
		return err;
	if (!sk->hdrincl && sk->pmtudisc >= IP_PMTUDISC_DO &&
	    len + sizeof(struct iphdr) > ipv4_mtu(&rt->dst)) {
		ip_local_error(sk, EMSGSIZE, daddr, 0, ipv4_mtu(&rt->dst));
		ip_rt_put(rt);
		return -EMSGSIZE;
	}
	skb = ip_make_skb(sk, &fl4, rt, NULL, 0, msg, len, (u8)sk->inet_num);
	if (!skb) {
		ip_rt_put(rt);
		return -ENOBUFS;
	}
	skb_dst_set(skb, &rt->dst);
	skb->dev = rt->dst.dev;
	if (skb_tracing(skb)) {
		skb_trace(skb, "raw_sendmsg");
		skb_trace_route(skb, "ip_route_output_flow", rt);
		skb_trace(skb, "ip_make_skb");
	}
	if (ip_hdr(skb)->protocol == IPPROTO_ICMP && len >= 1) {
		__ICMP_INC_STATS(net, ICMP_MIB_OUTMSGS);
		net->mib.icmpmsg_out[skb_transport_header(skb)[0]]++;
	}
	if (sk->hdrincl) {
		__IP_INC_STATS(net, IPSTATS_MIB_OUTREQUESTS);
		err = ip_local_out(net, sk, skb);
	} else {
		err = ip_send_skb(net, skb);
	}
	if (err == -ENOBUFS && !sk->recverr)
		err = 0;
	return err < 0 ? err : (int)len;
}

static int raw_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
		       int *addr_len)
{
	struct sk_buff *skb;
	size_t copied;
	int err = 0;

	if (flags & MSG_ERRQUEUE)
		return ip_recv_error(sk, msg, len, addr_len);
	skb = skb_recv_datagram(sk, flags, &err);
	if (!skb)
		return err;
	copied = skb->len;
	if (len < copied) {
		msg->msg_flags |= MSG_TRUNC;
		copied = len;
	}
	skb_copy_datagram_msg(skb, 0, msg, copied);
	if (msg->msg_name) {
		struct sockaddr_in *sin = msg->msg_name;

		memset(sin, 0, sizeof(*sin));
		sin->sin_family = AF_INET;
		sin->sin_addr.s_addr = ip_hdr(skb)->saddr;
		*addr_len = sizeof(*sin);
	}
	if (flags & MSG_TRUNC)
		copied = skb->len;
	consume_skb(skb);
	return (int)copied;
}

static int raw_setsockopt(struct sock *sk, int level, int name, const void *val,
			  unsigned int len)
{
	if (level == SOL_RAW_LEVEL) {
		if (name != ICMP_FILTER_OPT || sk->inet_num != IPPROTO_ICMP)
			return -EOPNOTSUPP;
		if (len < sizeof(u32))
			return -EINVAL;
		memcpy(&sk->icmp_filter, val, sizeof(u32));
		sk->icmp_filter_set = 1;
		return 0;
	}
	return ip_setsockopt(sk, level, name, val, len);
}

static int raw_getsockopt(struct sock *sk, int level, int name, void *val, unsigned int *len)
{
	if (level == SOL_RAW_LEVEL) {
		if (name != ICMP_FILTER_OPT || sk->inet_num != IPPROTO_ICMP)
			return -EOPNOTSUPP;
		if (*len < sizeof(u32))
			return -EINVAL;
		memcpy(val, &sk->icmp_filter, sizeof(u32));
		*len = sizeof(u32);
		return 0;
	}
	return ip_getsockopt(sk, level, name, val, len);
}

const struct proto raw_prot = {
	.name = "RAW",
	.close = raw_close,
	.connect = raw_connect,
	.bind = raw_bind,
	.sendmsg = raw_sendmsg,
	.recvmsg = raw_recvmsg,
	.setsockopt = raw_setsockopt,
	.getsockopt = raw_getsockopt,
	.hash = raw_hash,
	.unhash = raw_unhash,
	.obj_size = sizeof(struct sock),
};
