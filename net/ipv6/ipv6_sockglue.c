/* The IPv6 socket options (net/ipv6/ipv6_sockglue.c): setsockopt() and
 * getsockopt() at level SOL_IPV6 on UDP, TCP and raw AF_INET6 sockets come
 * here from the protocols' own handlers (udpv6_setsockopt,
 * tcp_v6_setsockopt, rawv6_setsockopt); SOL_IP on a non-raw socket goes to
 * ip_setsockopt, as a dual-stack socket also sends IPv4.
 *
 * What each option changes on the way out: IPV6_TCLASS is the traffic
 * class of the route lookup (flowi6_tclass, which `ip -6 rule … dsfield`
 * matches) and of the header ip6_xmit_tclass() writes; IPV6_UNICAST_HOPS
 * the hop limit; IPV6_MTU_DISCOVER whether a datagram over the path MTU
 * fails with EMSGSIZE, IPV6_MULTICAST_HOPS the hop limit to a multicast
 * destination, IPV6_PKTINFO (sticky) the default interface, and
 * IPV6_AUTOFLOWLABEL whether an automatic flow label is set.  On the way
 * in: IPV6_RECVPKTINFO, IPV6_2292PKTINFO, IPV6_RECVHOPLIMIT,
 * IPV6_RECVTCLASS and IPV6_FLOWINFO ask recvmsg for those control messages
 * (ip6_datagram_recv_ctl in datagram.c), IPV6_RECVERR for the error queue. */
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/sock.h"

#ifndef IPV6_FLOWINFO
#define IPV6_FLOWINFO 11
#endif
#ifndef IPV6_RECVTCLASS
#define IPV6_RECVTCLASS 66
#endif
#ifndef IPV6_RECVHOPLIMIT
#define IPV6_RECVHOPLIMIT 51
#endif
#ifndef IPV6_TCLASS
#define IPV6_TCLASS 67
#endif
#define IPV6_PMTUDISC_OMIT_VAL 5
#define INET_ECN_MASK 3		/* include/net/inet_ecn.h */

/* IPV6_TCLASS: -1 is the default of RFC 3542 6.5 (0); a stream socket keeps
 * the ECN bits TCP itself sets, as Linux does. */
static int ipv6_set_tclass(struct sock *sk, int val)
{
	if (val < -1 || val > 0xff)
		return -EINVAL;
	if (val == -1)
		val = 0;
	if (sk->sk_type == SOCK_STREAM)
		val = (val & ~INET_ECN_MASK) | (sk->tclass & INET_ECN_MASK);
	sk->tclass = (u8)val;
	return 0;
}

/* do_ipv6_setsockopt(): every option here takes an int (optlen < 4 is
 * EINVAL); any other name is -ENOPROTOOPT for the caller to judge. */
static int do_ipv6_setsockopt(struct sock *sk, int name, int val)
{
	switch (name) {
	case IPV6_V6ONLY:
		if (sk->inet_num)
			return -EINVAL;
		sk->ipv6only = val != 0;
		return 0;
	case IPV6_UNICAST_HOPS:
		if (val < -1 || val > 255)
			return -EINVAL;
		sk->uc_ttl = val;
		return 0;
	case IPV6_MTU_DISCOVER:	/* IPV6_PMTUDISC_DONT … OMIT */
		if (val < IP_PMTUDISC_DONT || val > IPV6_PMTUDISC_OMIT_VAL)
			return -EINVAL;
		sk->pmtudisc = (u8)val;
		return 0;
	case IPV6_RECVERR:
		sk->recverr = val != 0;
		if (!val)
			skb_queue_purge_reason(&sk->sk_error_queue, SKB_DROP_REASON_NOT_SPECIFIED);
		return 0;
	case IPV6_RECVHOPLIMIT:
		sk->rxhoplimit = val != 0;
		return 0;
	case IPV6_TCLASS:
		return ipv6_set_tclass(sk, val);
	case IPV6_RECVTCLASS:
		sk->rxtclass = val != 0;
		return 0;
	case IPV6_FLOWINFO:
		sk->rxflow = val != 0;
		return 0;
	case IPV6_RECVPKTINFO:
		sk->rxinfo = val != 0;
		return 0;
	case IPV6_AUTOFLOWLABEL:
		sk->autoflowlabel = val != 0;
		sk->autoflowlabel_set = 1;
		return 0;
	case IPV6_MULTICAST_HOPS:	/* -1: the default, 1 */
		if (val < -1 || val > 255)
			return -EINVAL;
		sk->mcast_hops = val == -1 ? IPV6_DEFAULT_MCASTHOPS : val;
		return 0;
	case IPV6_2292PKTINFO:
		sk->rxoinfo = val != 0;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

/* IPV6_PKTINFO (RFC 3542 6.1): the sticky interface and source of what the
 * socket sends (np->sticky_pktinfo; sendmsg takes the interface when
 * neither the destination's scope nor SO_BINDTODEVICE chose one).  A
 * socket bound to a device may name only that one.  Not readable back
 * (getsockopt is ENOPROTOOPT, as Linux). */
static int ipv6_set_sticky_pktinfo(struct sock *sk, const void *val, unsigned int len)
{
	struct in6_pktinfo pkt;

	if (!val || len < sizeof(pkt))
		return -EINVAL;
	memcpy(&pkt, val, sizeof(pkt));
	if (sk->sk_bound_dev_if && sk->sk_bound_dev_if != (int)pkt.ipi6_ifindex)
		return -EINVAL;
	sk->sticky_pktinfo_ifindex = (int)pkt.ipi6_ifindex;
	sk->sticky_pktinfo_addr = pkt.ipi6_addr;
	return 0;
}

int ipv6_setsockopt(struct sock *sk, int level, int name, const void *val, unsigned int len)
{
	int v = 0;

	if (level == SOL_IP && sk->sk_type != SOCK_RAW)
		return ip_setsockopt(sk, level, name, val, len);
	if (level != SOL_IPV6)
		return -ENOPROTOOPT;
	switch (name) {
	case IPV6_PKTINFO:
		return ipv6_set_sticky_pktinfo(sk, val, len);
	case IPV6_V6ONLY: case IPV6_UNICAST_HOPS: case IPV6_MTU_DISCOVER: case IPV6_RECVERR:
	case IPV6_RECVHOPLIMIT: case IPV6_TCLASS: case IPV6_RECVTCLASS: case IPV6_FLOWINFO:
	case IPV6_RECVPKTINFO: case IPV6_2292PKTINFO: case IPV6_MULTICAST_HOPS:
	case IPV6_AUTOFLOWLABEL:
		if (len < sizeof(int) || !val)
			return -EINVAL;
		break;
	default:
		return -ENOPROTOOPT;
	}
	memcpy(&v, val, sizeof(v));
	return do_ipv6_setsockopt(sk, name, v);
}

int ip6_sk_hoplimit(const struct sock *sk, const struct in6_addr *daddr)
{
	return ipv6_addr_is_multicast(daddr) ? sk->mcast_hops : sk->uc_ttl;
}

/* do_ipv6_getsockopt(): an int, cut to the caller's length when shorter */
int ipv6_getsockopt(struct sock *sk, int level, int name, void *val, unsigned int *len)
{
	int v;

	if (level == SOL_IP && sk->sk_type != SOCK_RAW)
		return ip_getsockopt(sk, level, name, val, len);
	if (level != SOL_IPV6)
		return -ENOPROTOOPT;
	switch (name) {
	case IPV6_V6ONLY:
		v = sk->ipv6only;
		break;
	case IPV6_UNICAST_HOPS:
		v = sk->uc_ttl >= 0 ? sk->uc_ttl : sk->sk_dst_cache ?
		    ip6_dst_hoplimit(sk->sk_dst_cache) :
		    sock_net(sk)->ipv6.devconf_all.data[DEVCONF_HOP_LIMIT];
		break;
	case IPV6_MTU_DISCOVER:
		v = sk->pmtudisc;
		break;
	case IPV6_RECVERR:
		v = sk->recverr;
		break;
	case IPV6_RECVHOPLIMIT:
		v = sk->rxhoplimit;
		break;
	case IPV6_TCLASS:
		v = sk->tclass;
		break;
	case IPV6_RECVTCLASS:
		v = sk->rxtclass;
		break;
	case IPV6_FLOWINFO:
		v = sk->rxflow;
		break;
	case IPV6_RECVPKTINFO:
		v = sk->rxinfo;
		break;
	case IPV6_MULTICAST_HOPS:
		v = sk->mcast_hops;
		break;
	case IPV6_AUTOFLOWLABEL:
		v = ip6_autoflowlabel(sock_net(sk), sk);
		break;
	case IPV6_2292PKTINFO:
		v = sk->rxoinfo;
		break;
	default:
		return -ENOPROTOOPT;
	}
	if ((int)*len < 0)
		return -EINVAL;
	if (*len > sizeof(v))
		*len = sizeof(v);
	memcpy(val, &v, *len);
	return 0;
}
