/* Raw ICMPv6 sockets (net/ipv6/raw.c, the AF_INET6 half of af_inet6.c):
 * what ping -6 uses.  rawv6_rcv() gives every ICMPv6 raw socket a copy of
 * each ICMPv6 message delivered locally, from the ICMPv6 header on (IPv6
 * raw sockets never see the IP header), with the hop limit as an
 * IPV6_HOPLIMIT control message; sending routes the destination
 * (sin6_scope_id or the bound device as the output interface) and fills in
 * the checksum, as Linux does for IPPROTO_ICMPV6 raw sockets. */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include "linux/netdevice.h"
#include "net/inet_common.h"
#include "net/addrconf.h"
#include "net/flow.h"
#include "net/ip6_fib.h"
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/sock.h"

#ifndef IPV6_HOPLIMIT
#define IPV6_HOPLIMIT 52
#endif

#ifndef ICMP6_FILTER
#define ICMP6_FILTER 1
#endif

/* struct raw6_sock: a raw ICMPv6 socket keeps its ICMP6_FILTER */
struct raw6_sock {
	struct sock sk;
	u32 filter[8];		/* struct icmp6_filter: bit set = type blocked */
};

static struct raw6_sock *raw6_sk(struct sock *sk)
{
	return (struct raw6_sock *)sk;
}

/* icmpv6_filter(): true when the socket's ICMP6_FILTER blocks this
 * message's type (RFC 3542 3.2); a message too short to have one passes */
static bool icmpv6_filter(struct sock *sk, const struct sk_buff *skb)
{
	u8 type;

	if (skb->len < 1 || skb_copy_bits(skb, 0, &type, 1))
		return false;
	return (raw6_sk(sk)->filter[type >> 5] & (1u << (type & 31))) != 0;
}

void rawv6_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);
	struct sock *sk;

	list_for_each_entry(sk, &net->ipv6.raw6_sockets, sk_node) {
		struct sk_buff *c;

		if (sk->sk_bound_dev_if && sk->sk_bound_dev_if != skb->dev->ifindex)
			continue;
		if (icmpv6_filter(sk, skb))
			continue;
		if ((c = skb_clone(skb)))
			sock_queue_rcv_skb(sk, c);
	}
}

/* raw6_icmp_error() → rawv6_err(): an ICMPv6 error quoting a packet of a
 * raw socket's protocol, sent from its bound address, reaches the sockets
 * with IPV6_RECVERR through their error queue (iputils' ping -6 prints
 * "From X icmp_seq=N Time exceeded: Hop limit" from it).  skb data is at
 * the quoted IPv6 header, offset its payload's. */
void raw6_icmp_error(struct sk_buff *skb, int nexthdr, u8 type, u8 code, int offset, u32 info)
{
	const struct ipv6hdr *inner = (const struct ipv6hdr *)skb->data;
	struct net *net = dev_net(skb->dev);
	struct sock *sk;
	bool fatal;
	int err = icmpv6_err_convert(type, code, &fatal);

	list_for_each_entry(sk, &net->ipv6.raw6_sockets, sk_node) {
		if (sk->inet_num != nexthdr || !sk->recverr)
			continue;
		if (sk->sk_bound_dev_if && sk->sk_bound_dev_if != skb->dev->ifindex)
			continue;
		if (!ipv6_addr_any(&sk->sk_v6_rcv_saddr) &&
		    !ipv6_addr_equal(&sk->sk_v6_rcv_saddr, &inner->saddr))
			continue;
		ipv6_icmp_error(sk, skb, err, 0, info, skb->data + offset);
		sk->sk_err = err;
		sk->sk_error_report(sk);
	}
}

int rawv6_hash(struct sock *sk)
{
	list_add_tail(&sk->sk_node, &sock_net(sk)->ipv6.raw6_sockets);
	return 0;
}

static void rawv6_close(struct sock *sk)
{
	list_del(&sk->sk_node);
	sk_free(sk);
}

static int rawv6_dst(struct sock *sk, const struct sockaddr *uaddr, int len,
		     struct in6_addr *daddr, int *oif)
{
	const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)uaddr;

	if (!uaddr || len < (int)sizeof(*sin6) || sin6->sin6_family != AF_INET6)
		return -EINVAL;
	*daddr = sin6->sin6_addr;
	*oif = sin6->sin6_scope_id ? (int)sin6->sin6_scope_id : sk->sk_bound_dev_if;
	return 0;
}

/* connect(): only checks the route, as ping's probe needs */
static int rawv6_connect(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	struct in6_addr daddr;
	struct dst_entry *dst;
	int oif, err = rawv6_dst(sk, uaddr, len, &daddr, &oif);

	struct flowi6 fl6;

	if (err)
		return err;
	fl6 = (struct flowi6){ .flowi6_oif = oif, .flowi6_mark = sk->sk_mark,
			       .flowi6_proto = IPPROTO_ICMPV6, .flowi6_tclass = sk->tclass,
			       .flowi6_uid = sk->sk_uid, .daddr = daddr };
	if (!(dst = ip6_route_output_flow(sock_net(sk), &fl6, &err)))
		return err;
	dst_release(dst);
	return 0;
}

/* __ip6_append_data(): with IPV6_MTU_DISCOVER "do" or "probe" a message
 * over the path MTU is EMSGSIZE, with a local error in the queue */
static int rawv6_check_pmtu(struct sock *sk, const struct in6_addr *daddr, int oif, size_t len)
{
	struct dst_entry *dst;
	unsigned int mtu;
	int err;

	if (sk->pmtudisc != IP_PMTUDISC_DO && sk->pmtudisc != IP_PMTUDISC_PROBE)
		return 0;
	if (!(dst = ip6_route_output(sock_net(sk), daddr, NULL, oif, &err)))
		return 0;	/* icmpv6_xmit reports the route error */
	mtu = ip6_dst_mtu(dst);
	dst_release(dst);
	if (len + sizeof(struct ipv6hdr) <= mtu)
		return 0;
	ipv6_local_error(sk, EMSGSIZE, daddr, mtu);
	return -EMSGSIZE;
}

static int rawv6_sendmsg(struct sock *sk, const struct msghdr *msg, size_t len, int flags)
{
	struct ipcm6_cookie ipc6;
	struct flowi6 fl6;
	struct in6_addr daddr;
	int oif, err;

	(void)flags;
	if (len < 4 || len > IPV6_MAXPLEN - 8)
		return len < 4 ? -EINVAL : -EMSGSIZE;
	if ((err = rawv6_dst(sk, msg->msg_name, (int)msg->msg_namelen, &daddr, &oif)))
		return err;
	if (msg->msg_iovlen != 1)
		return -EINVAL;
	if (!oif)
		oif = sk->sticky_pktinfo_ifindex;
	fl6 = (struct flowi6){ .flowi6_oif = oif };
	ipc6 = (struct ipcm6_cookie){ .hlimit = -1, .tclass = sk->tclass };	/* ipcm6_init_sk */
	if ((err = ip6_datagram_send_ctl(sock_net(sk), sk, msg, &fl6, &ipc6)))
		return err;
	if (ipv6_addr_any(&fl6.saddr))
		fl6.saddr = sk->sk_v6_rcv_saddr;
	if ((err = rawv6_check_pmtu(sk, &daddr, fl6.flowi6_oif, len)))
		return err;
	/* rawv6_sendmsg(): the class is part of the route's key */
	fl6.flowi6_mark = sk->sk_mark;
	fl6.flowi6_proto = IPPROTO_ICMPV6;
	fl6.flowi6_tclass = (u8)ipc6.tclass;
	fl6.flowi6_uid = sk->sk_uid;
	fl6.daddr = daddr;
	err = icmpv6_xmit_flow(sock_net(sk), &fl6, msg->msg_iov[0].iov_base, (unsigned int)len,
			       ipc6.hlimit >= 0 ? ipc6.hlimit : ip6_sk_hoplimit(sk, &daddr), (u8)ipc6.tclass);
	return err < 0 ? err : (int)len;
}

static int rawv6_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags,
			 int *addr_len)
{
	struct sk_buff *skb;
	size_t copied;
	int err = 0;

	if (flags & MSG_ERRQUEUE)
		return ipv6_recv_error(sk, msg, len, addr_len);
	if (!(skb = skb_recv_datagram(sk, flags, &err)))
		return err;
	copied = skb->len < len ? skb->len : len;
	skb_copy_datagram_msg(skb, 0, msg, copied);
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	ip6_datagram_recv_from(sk, msg, skb, addr_len);
	if (flags & MSG_TRUNC)
		copied = skb->len;
	consume_skb(skb);
	return (int)copied;
}

/* ICMP6_FILTER (rawv6_seticmpfilter/rawv6_geticmpfilter): a shorter
 * value sets only its first bytes, a longer one is cut to the 32 bytes of
 * struct icmp6_filter; getsockopt gives at most those 32 (a negative
 * length is EINVAL).  Only on ICMPv6 raw sockets. */
static int rawv6_seticmpfilter(struct sock *sk, int name, const void *val, unsigned int len)
{
	if (name != ICMP6_FILTER)
		return -ENOPROTOOPT;
	if (len > sizeof(raw6_sk(sk)->filter))
		len = sizeof(raw6_sk(sk)->filter);
	if (len && !val)
		return -EFAULT;
	memcpy(raw6_sk(sk)->filter, val, len);
	return 0;
}

static int rawv6_geticmpfilter(struct sock *sk, int name, void *val, unsigned int *len)
{
	if (name != ICMP6_FILTER)
		return -ENOPROTOOPT;
	if ((int)*len < 0)
		return -EINVAL;
	if (*len > sizeof(raw6_sk(sk)->filter))
		*len = sizeof(raw6_sk(sk)->filter);
	memcpy(val, raw6_sk(sk)->filter, *len);
	return 0;
}

/* rawv6_setsockopt(): SOL_ICMPV6 is the filter, SOL_IPV6 ipv6_setsockopt();
 * IPv6 names skbox does not model are accepted and not kept */
static int rawv6_setsockopt(struct sock *sk, int level, int name, const void *val,
			    unsigned int len)
{
	int err;

	if (level == IPPROTO_ICMPV6)
		return rawv6_seticmpfilter(sk, name, val, len);
	if (level != IPPROTO_IPV6)
		return 0;
	err = ipv6_setsockopt(sk, level, name, val, len);
	return err == -ENOPROTOOPT ? 0 : err;
}

static int rawv6_getsockopt(struct sock *sk, int level, int name, void *val, unsigned int *len)
{
	if (level == IPPROTO_ICMPV6)
		return rawv6_geticmpfilter(sk, name, val, len);
	return ipv6_getsockopt(sk, level, name, val, len);
}

const struct proto rawv6_prot = {
	.name = "RAWv6",
	.close = rawv6_close,
	.connect = rawv6_connect,
	.sendmsg = rawv6_sendmsg,
	.recvmsg = rawv6_recvmsg,
	.setsockopt = rawv6_setsockopt,
	.getsockopt = rawv6_getsockopt,
	.hash = rawv6_hash,
	.obj_size = sizeof(struct raw6_sock),
};
