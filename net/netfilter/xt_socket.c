/* -m socket (net/netfilter/xt_socket.c, nf_socket_ipv4.c), PREROUTING and
 * INPUT: is there a local TCP or UDP socket the packet belongs to (the
 * established one of its 4-tuple, else a listener)?  A reply of a
 * source-NATed flow is looked up with its original address.  A socket
 * bound to the wildcard address does not count unless --nowildcard;
 * --transparent wants an IP_TRANSPARENT socket (skbox has none, so it
 * never matches); --restore-skmark copies the socket's mark to the
 * packet.  TCP and UDP over IPv4 only (not the payload of ICMP errors). */
#include <errno.h>
#include <netinet/in.h>
#include "linux/netfilter.h"
#include "linux/netfilter/x_tables.h"
#include "linux/netdevice.h"
#include "net/ip.h"
#include "net/sock.h"
#include "net/tcp.h"
#include "net/udp.h"
#include "net/netfilter/nf_conntrack.h"
#include "uapi/linux/netfilter/xt_extra.h"

static struct sock *socket_lookup_v4(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct iphdr *iph = ip_hdr(skb);
	const struct net_device *in = xt_in(par);
	__be32 daddr = iph->daddr;
	enum ip_conntrack_info ctinfo;
	const struct nf_conn *ct;
	__be16 ports[2], *p;

	if (iph->protocol != IPPROTO_TCP && iph->protocol != IPPROTO_UDP)
		return NULL;
	p = (__be16 *)xt_header_pointer(skb, (int)par->thoff, sizeof(ports), ports);
	if (!p)
		return NULL;
	ports[0] = p[0];
	ports[1] = p[1];
	ct = nf_ct_get(skb, &ctinfo);
	if (ct && ctinfo == IP_CT_ESTABLISHED_REPLY && (ct->status & IPS_SRC_NAT_DONE)) {
		daddr = ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple.src.ip;
		ports[1] = ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple.src.u.all;
	}
	if (iph->protocol == IPPROTO_TCP)
		return __inet_lookup(xt_net(par), iph->saddr, ports[0], daddr, ports[1],
				     in ? in->ifindex : 0);
	return udp4_lib_lookup(xt_net(par), iph->saddr, ports[0], daddr, ports[1],
			       in ? in->ifindex : 0);
}

static bool socket_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_socket_mtinfo *info = par->matchinfo;
	struct sock *sk = skb->sk;
	bool wildcard, transparent = true;

	if (!sk)
		sk = socket_lookup_v4(skb, par);
	if (!sk)
		return false;
	wildcard = !(info->flags & XT_SOCKET_NOWILDCARD) && !sk->inet_rcv_saddr;
	if (info->flags & XT_SOCKET_TRANSPARENT)
		transparent = false;		/* no IP_TRANSPARENT sockets */
	if ((info->flags & XT_SOCKET_RESTORESKMARK) && !wildcard && transparent)
		((struct sk_buff *)skb)->mark = sk->sk_mark;
	return !wildcard && transparent;
}

static int socket_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_socket_mtinfo *info = par->matchinfo;

	if (info->flags & ~(XT_SOCKET_TRANSPARENT | XT_SOCKET_NOWILDCARD |
			    XT_SOCKET_RESTORESKMARK))
		return -EINVAL;
	return 0;
}

const struct xt_match xt_socket_match = {
	.name = "socket", .revision = 3, .family = NFPROTO_IPV4, .match = socket_mt,
	.checkentry = socket_mt_check, .matchsize = sizeof(struct xt_socket_mtinfo),
	.hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_IN),
};
