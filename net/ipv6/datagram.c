/* The IPv6 socket error queue (net/ipv6/datagram.c): ipv6_local_error()
 * queues an error found before a packet left (EMSGSIZE over the path MTU
 * with IPV6_MTU_DISCOVER "do"), ipv6_icmp_error() one an ICMPv6 error
 * reported (UDP with IPV6_RECVERR: traceroute6's time exceeded and port
 * unreachable), ipv6_recv_error() hands one to recvmsg(MSG_ERRQUEUE) with
 * its IPV6_RECVERR control message (sock_extended_err and the offender's
 * sockaddr_in6), as ping -6 ("ping: local error: message too long, mtu:
 * 1400") and traceroute6 read it.  An IPv4 error queued on a dual-stack
 * socket reads as v4-mapped addresses, as Linux.
 *
 * The control messages of datagram sockets: ip6_datagram_send_ctl() reads
 * a sendmsg's IPV6_TCLASS and IPV6_HOPLIMIT (RFC 3542 6.5, 6.3) into the
 * call's ipcm6_cookie, which the caller filled with the socket's values
 * (ipcm6_init_sk), and IPV6_PKTINFO (6.1) into its flowi6 (interface and
 * source).  An IPV6_TCLASS message of -1 stays -1, so the datagram
 * goes out with class 0xff, not the default RFC 3542 asks for: Linux 6.x
 * does that (checked, tests/transcripts/ipv6-tclass.sh).
 * ip6_datagram_recv_ctl() writes IPV6_PKTINFO, IPV6_HOPLIMIT, IPV6_TCLASS,
 * IPV6_FLOWINFO and IPV6_2292PKTINFO into a recvmsg when the socket asked
 * for them, in that order (ip6_datagram_recv_common_ctl, _specific_ctl). */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "linux/netdevice.h"
#include "linux/inetdevice.h"
#include "net/addrconf.h"
#include "net/flow.h"
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/sock.h"
#include "net/world.h"

#ifndef IPV6_RECVERR
#define IPV6_RECVERR 25
#endif
#ifndef IPV6_HOPLIMIT
#define IPV6_HOPLIMIT 52
#endif
#ifndef IPV6_FLOWINFO
#define IPV6_FLOWINFO 11
#endif
#define IPV6_FLOWINFO_MASK_H 0x0FFFFFFFu	/* the flow label and the class */

/* One int of a control message: 0 with *v, or -EINVAL for another length */
static int ip6_cmsg_int(const struct cmsghdr *cm, int lo, int hi, int *v)
{
	if (cm->cmsg_len != CMSG_LEN(sizeof(int)))
		return -EINVAL;
	memcpy(v, CMSG_DATA(cm), sizeof(*v));
	return *v < lo || *v > hi ? -EINVAL : 0;
}

/* IPV6_PKTINFO / IPV6_2292PKTINFO on send (RFC 3542 6.1): the interface
 * must exist and agree with one the destination's scope or the socket
 * already chose; a source address must be the host's (on that interface
 * when link-local), unless IP_FREEBIND.  fl6->flowi6_oif and fl6->saddr
 * take them. */
static int ip6_cmsg_pktinfo(struct net *net, struct sock *sk, const struct cmsghdr *cm,
			    struct flowi6 *fl6)
{
	struct in6_pktinfo info;
	struct net_device *dev = NULL;
	int type;

	if (cm->cmsg_len < CMSG_LEN(sizeof(info)))
		return -EINVAL;
	memcpy(&info, CMSG_DATA(cm), sizeof(info));
	if (info.ipi6_ifindex) {
		if (fl6->flowi6_oif && (int)info.ipi6_ifindex != fl6->flowi6_oif &&
		    sk->sk_bound_dev_if != fl6->flowi6_oif)
			return -EINVAL;
		fl6->flowi6_oif = (int)info.ipi6_ifindex;
	}
	type = ipv6_addr_type(&info.ipi6_addr);
	if (fl6->flowi6_oif) {
		if (!(dev = __dev_get_by_index(net, fl6->flowi6_oif)))
			return -ENODEV;
	} else if (type & IPV6_ADDR_LINKLOCAL) {
		return -EINVAL;
	}
	if (ipv6_addr_any(&info.ipi6_addr))
		return 0;
	/* strict: a link-local source must be on the chosen interface */
	if (!sk->freebind &&
	    !ipv6_chk_addr(net, &info.ipi6_addr, (type & IPV6_ADDR_LINKLOCAL) ? dev : NULL))
		return -EINVAL;
	fl6->saddr = info.ipi6_addr;
	return 0;
}

/* ip6_datagram_send_ctl(): the IPv6 control messages of a sendmsg.  fl6
 * comes with the interface the destination or the socket chose; ipc6 with
 * the socket's hop limit and class (ipcm6_init_sk).  A type Linux does not
 * know is EINVAL, as there; the extension-header ones (HOPOPTS, DSTOPTS,
 * RTHDR…) and IPV6_DONTFRAG are checked for length only and not applied. */
int ip6_datagram_send_ctl(struct net *net, struct sock *sk, const struct msghdr *msg,
			  struct flowi6 *fl6, struct ipcm6_cookie *ipc6)
{
	struct msghdr *m = (struct msghdr *)msg;	/* CMSG_NXTHDR takes no const */
	struct cmsghdr *cm;
	int err, v;

	if (!msg->msg_control || !msg->msg_controllen)
		return 0;
	for (cm = CMSG_FIRSTHDR(m); cm; cm = CMSG_NXTHDR(m, cm)) {
		if (cm->cmsg_len < sizeof(*cm) ||
		    (size_t)((u8 *)cm - (u8 *)msg->msg_control) + cm->cmsg_len > msg->msg_controllen)
			return -EINVAL;	/* !CMSG_OK() */
		if (cm->cmsg_level != SOL_IPV6)
			continue;
		switch (cm->cmsg_type) {
		case IPV6_PKTINFO:
		case IPV6_2292PKTINFO:
			err = ip6_cmsg_pktinfo(net, sk, cm, fl6);
			break;
		case IPV6_TCLASS:
			err = ip6_cmsg_int(cm, -1, 0xff, &ipc6->tclass);
			break;
		case IPV6_HOPLIMIT:
		case IPV6_2292HOPLIMIT:
			err = ip6_cmsg_int(cm, -1, 0xff, &ipc6->hlimit);
			break;
		case IPV6_DONTFRAG:
			err = ip6_cmsg_int(cm, 0, 1, &v);
			break;
		case IPV6_FLOWINFO:
			err = cm->cmsg_len < CMSG_LEN(4) ? -EINVAL : 0;
			break;
		case IPV6_HOPOPTS: case IPV6_2292HOPOPTS: case IPV6_DSTOPTS:
		case IPV6_2292DSTOPTS: case IPV6_RTHDRDSTOPTS: case IPV6_RTHDR:
		case IPV6_2292RTHDR:
			err = cm->cmsg_len < CMSG_LEN(2) ? -EINVAL : 0;
			break;
		default:
			err = -EINVAL;
		}
		if (err)
			return err;
	}
	return 0;
}

/* put_cmsg() appending at *used bytes of the control buffer: what does not
 * fit is cut (cmsg_len says how much came) and MSG_CTRUNC set, as Linux
 * (net/ipv4/ping.c's ip_cmsg_recv writes with it too) */
void put_cmsg_at(struct msghdr *msg, size_t *used, int level, int type,
			 const void *data, size_t len)
{
	size_t room = msg->msg_control && msg->msg_controllen > *used ?
		      msg->msg_controllen - *used : 0;
	size_t cmlen = CMSG_LEN(len);
	struct cmsghdr *cm;

	if (room < sizeof(*cm)) {
		msg->msg_flags |= MSG_CTRUNC;
		return;
	}
	if (room < cmlen) {
		msg->msg_flags |= MSG_CTRUNC;
		cmlen = room;
	}
	cm = (struct cmsghdr *)((char *)msg->msg_control + *used);
	cm->cmsg_level = level;
	cm->cmsg_type = type;
	cm->cmsg_len = cmlen;
	memcpy(CMSG_DATA(cm), data, cmlen - sizeof(*cm));
	if (room >= CMSG_SPACE(len))
		memset((char *)CMSG_DATA(cm) + len, 0, CMSG_SPACE(len) - CMSG_LEN(len));
	*used += CMSG_SPACE(len) < room ? CMSG_SPACE(len) : room;
}

/* The interface a datagram came in on, as IP6CB(skb)->iif gives it: one
 * looped back to an address of ours came "in" on that address's device
 * (Linux takes the local route's device, ip6_dst_idev), ::1 on lo.  The
 * same holds for IPv4's inet_iif() (the local route's rt_iif), which ping
 * sockets bound to a device compare. */
int ip6_pktinfo_ifindex(struct net *net, const struct sk_buff *skb, bool v4,
			       const void *daddr)
{
	struct net_device *dev = __dev_get_by_index(net, skb->skb_iif);
	const struct inet6_ifaddr *ifa;
	struct net_device *owner;
	__be32 a4;

	if (!dev || !(dev->flags & IFF_LOOPBACK))
		return skb->skb_iif;
	if (v4) {
		memcpy(&a4, daddr, 4);
		owner = __ip_dev_find(net, a4);
		return owner ? owner->ifindex : skb->skb_iif;
	}
	ifa = ipv6_get_ifaddr(net, daddr, NULL);
	return ifa ? ifa->idev->dev->ifindex : skb->skb_iif;
}

/* ip6_datagram_recv_common_ctl(): IPV6_PKTINFO for either family (an IPv4
 * datagram on a dual-stack socket gives its v4-mapped destination) */
static void ip6_datagram_recv_common_ctl(struct sock *sk, struct msghdr *msg,
					 const struct sk_buff *skb, size_t *used)
{
	const u8 *nh = skb_network_header(skb);
	bool v4 = nh[0] >> 4 == 4;
	struct in6_pktinfo info;

	if (!sk->rxinfo)
		return;
	memset(&info, 0, sizeof(info));
	if (v4)
		ipv6_addr_set_v4mapped(ip_hdr(skb)->daddr, &info.ipi6_addr);
	else
		info.ipi6_addr = ipv6_hdr(skb)->daddr;
	info.ipi6_ifindex = (unsigned int)ip6_pktinfo_ifindex(sock_net(sk), skb, v4,
							       v4 ? (const void *)&ip_hdr(skb)->daddr :
								    (const void *)&info.ipi6_addr);
	put_cmsg_at(msg, used, IPPROTO_IPV6, IPV6_PKTINFO, &info, sizeof(info));
}

/* ip6_datagram_recv_specific_ctl(): the IPv6 header's, in Linux's order */
static void ip6_datagram_recv_specific_ctl(struct sock *sk, struct msghdr *msg,
					   const struct sk_buff *skb, size_t *used)
{
	const struct ipv6hdr *iph = ipv6_hdr(skb);
	u32 first;

	if (sk->rxhoplimit) {
		int hlim = iph->hop_limit;

		put_cmsg_at(msg, used, IPPROTO_IPV6, IPV6_HOPLIMIT, &hlim, sizeof(hlim));
	}
	if (sk->rxtclass) {
		int tclass = ipv6_get_dsfield(iph);

		put_cmsg_at(msg, used, IPPROTO_IPV6, IPV6_TCLASS, &tclass, sizeof(tclass));
	}
	memcpy(&first, iph, sizeof(first));
	first &= htonl(IPV6_FLOWINFO_MASK_H);
	if (sk->rxflow && first)
		put_cmsg_at(msg, used, IPPROTO_IPV6, IPV6_FLOWINFO, &first, sizeof(first));
	if (sk->rxoinfo) {
		struct in6_pktinfo info = { .ipi6_addr = iph->daddr };

		info.ipi6_ifindex = (unsigned int)ip6_pktinfo_ifindex(sock_net(sk), skb, false,
								       &iph->daddr);
		put_cmsg_at(msg, used, IPPROTO_IPV6, IPV6_2292PKTINFO, &info, sizeof(info));
	}
}

void ip6_datagram_recv_ctl(struct sock *sk, struct msghdr *msg, const struct sk_buff *skb)
{
	size_t used = 0;

	ip6_datagram_recv_common_ctl(sk, msg, skb, &used);
	if (skb_network_header(skb)[0] >> 4 == 6)
		ip6_datagram_recv_specific_ctl(sk, msg, skb, &used);
	if (used)
		msg->msg_controllen = used;
}

/* What UDP-like IPv6 sockets (raw, ping) give a recvmsg beside the data:
 * the sender (msg_name, with the interface of a link-local one) and
 * ip6_datagram_recv_ctl()'s control messages */
void ip6_datagram_recv_from(struct sock *sk, struct msghdr *msg, const struct sk_buff *skb,
			    int *addr_len)
{
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
}

void ipv6_local_error(struct sock *sk, int err, const struct in6_addr *daddr, u32 info)
{
	struct sock_exterr_skb *serr;
	struct ipv6hdr *iph;
	struct sk_buff *skb;

	if (!sk->recverr)
		return;
	skb = alloc_skb(&sk->sk_world->skb_pool, sizeof(struct ipv6hdr));
	if (!skb)
		return;
	skb_put(skb, sizeof(struct ipv6hdr));
	skb_reset_network_header(skb);
	iph = ipv6_hdr(skb);
	memset(iph, 0, sizeof(*iph));
	iph->priority_version = 6 << 4;	/* ipv6_recv_error tells it from IPv4 */
	iph->daddr = *daddr;
	serr = SKB_EXT_ERR(skb);
	memset(serr, 0, sizeof(*serr));
	serr->ee.ee_errno = (u32)err;
	serr->ee.ee_origin = SO_EE_ORIGIN_LOCAL;
	serr->ee.ee_info = info;
	serr->addr_offset = (u16)offsetof(struct ipv6hdr, daddr);
	skb_pull(skb, sizeof(struct ipv6hdr));
	skb_reset_transport_header(skb);
	sock_queue_err_skb(sk, skb);
}

/* ipv6_icmp_error(): queue an ICMPv6 error for a socket with IPV6_RECVERR.
 * skb data is at the quoted IPv6 header, its network header the ICMPv6
 * packet's (whose source is the offender) and its transport header the
 * ICMPv6 header; payload: what the socket sent past its own header. */
void ipv6_icmp_error(struct sock *sk, struct sk_buff *skb, int err, __be16 port, u32 info,
		     const u8 *payload)
{
	const u8 *icmph = skb_transport_header(skb);
	const struct ipv6hdr *inner = (const struct ipv6hdr *)skb->data;
	struct sock_exterr_skb *serr;
	struct sk_buff *c;

	if (!sk->recverr)
		return;
	c = skb_clone(skb);
	if (!c)
		return;
	serr = SKB_EXT_ERR(c);
	memset(serr, 0, sizeof(*serr));
	serr->ee.ee_errno = (u32)err;
	serr->ee.ee_origin = SO_EE_ORIGIN_ICMP6;
	serr->ee.ee_type = icmph[0];
	serr->ee.ee_code = icmph[1];
	serr->ee.ee_info = info;
	serr->addr_offset = (u16)((const u8 *)&inner->daddr - skb_network_header(skb));
	serr->port = port;
	if (payload >= c->data && payload <= c->tail &&
	    skb_pull(c, (unsigned int)(payload - skb->data)))
		sock_queue_err_skb(sk, c);
	else
		kfree_skb(c);
}

static void ipv6_set_v4mapped_at(const u8 *v4, struct in6_addr *a)
{
	__be32 addr;

	memcpy(&addr, v4, 4);
	ipv6_addr_set_v4mapped(addr, a);
}

/* ipv6_recv_error(): one entry of the error queue: the data sent, the
 * destination it was sent to (msg_name), the hop limit of the ICMPv6
 * packet (IPV6_RECVHOPLIMIT) and IPV6_RECVERR (the error and the node
 * that reported it). */
int ipv6_recv_error(struct sock *sk, struct msghdr *msg, size_t len, int *addr_len)
{
	struct sk_buff *skb = __skb_dequeue(&sk->sk_error_queue);
	struct {
		struct sock_extended_err ee;
		struct sockaddr_in6 offender;
	} errhdr;
	struct sock_exterr_skb *serr;
	const u8 *nh;
	size_t copied, used = 0;
	bool v6;

	if (!skb)
		return -EAGAIN;
	serr = SKB_EXT_ERR(skb);
	nh = skb_network_header(skb);
	v6 = nh[0] >> 4 == 6;
	copied = skb->len < len ? skb->len : len;
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	skb_copy_datagram_msg(skb, 0, msg, copied);
	if (msg->msg_name && msg->msg_namelen >= sizeof(struct sockaddr_in6)) {
		struct sockaddr_in6 *sin6 = msg->msg_name;

		memset(sin6, 0, sizeof(*sin6));
		sin6->sin6_family = AF_INET6;
		if (v6)
			memcpy(&sin6->sin6_addr, nh + serr->addr_offset, 16);
		else
			ipv6_set_v4mapped_at(nh + serr->addr_offset, &sin6->sin6_addr);
		sin6->sin6_port = serr->port;
		if (v6 && ipv6_addr_linklocal(&sin6->sin6_addr))
			sin6->sin6_scope_id = (u32)skb->skb_iif;
		*addr_len = sizeof(*sin6);
	}
	memset(&errhdr, 0, sizeof(errhdr));
	memcpy(&errhdr.ee, &serr->ee, sizeof(errhdr.ee));
	if (serr->ee.ee_origin != SO_EE_ORIGIN_LOCAL) {
		errhdr.offender.sin6_family = AF_INET6;
		if (v6) {
			int hlim = ipv6_hdr(skb)->hop_limit;

			errhdr.offender.sin6_addr = ipv6_hdr(skb)->saddr;
			if (ipv6_addr_linklocal(&errhdr.offender.sin6_addr))
				errhdr.offender.sin6_scope_id = (u32)skb->skb_iif;
			if (sk->rxhoplimit)
				put_cmsg_at(msg, &used, IPPROTO_IPV6, IPV6_HOPLIMIT, &hlim,
					     sizeof(hlim));
		} else {
			ipv6_set_v4mapped_at(nh + 12, &errhdr.offender.sin6_addr);
		}
	}
	put_cmsg_at(msg, &used, IPPROTO_IPV6, IPV6_RECVERR, &errhdr, sizeof(errhdr));
	if (msg->msg_control)
		msg->msg_controllen = used;
	msg->msg_flags |= MSG_ERRQUEUE;
	consume_skb(skb);
	return (int)copied;
}
