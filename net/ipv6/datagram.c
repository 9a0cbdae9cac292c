/* The IPv6 socket error queue (net/ipv6/datagram.c): ipv6_local_error()
 * queues an error found before a packet left (EMSGSIZE over the path MTU
 * with IPV6_MTU_DISCOVER "do"), ipv6_recv_error() hands one to
 * recvmsg(MSG_ERRQUEUE) with its IPV6_RECVERR control message, as ping -6
 * reads it ("ping: local error: message too long, mtu: 1400"). */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include "linux/netdevice.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/sock.h"
#include "net/world.h"

#ifndef IPV6_RECVERR
#define IPV6_RECVERR 25
#endif

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

int ipv6_recv_error(struct sock *sk, struct msghdr *msg, size_t len, int *addr_len)
{
	struct sk_buff *skb = __skb_dequeue(&sk->sk_error_queue);
	struct {
		struct sock_extended_err ee;
		struct sockaddr_in6 offender;
	} errhdr;
	struct sock_exterr_skb *serr;
	size_t copied;

	if (!skb)
		return -EAGAIN;
	serr = SKB_EXT_ERR(skb);
	copied = skb->len < len ? skb->len : len;
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	skb_copy_datagram_msg(skb, 0, msg, copied);
	if (msg->msg_name && msg->msg_namelen >= sizeof(struct sockaddr_in6)) {
		struct sockaddr_in6 *sin6 = msg->msg_name;

		memset(sin6, 0, sizeof(*sin6));
		sin6->sin6_family = AF_INET6;
		memcpy(&sin6->sin6_addr, skb_network_header(skb) + serr->addr_offset, 16);
		*addr_len = sizeof(*sin6);
	}
	memset(&errhdr, 0, sizeof(errhdr));
	memcpy(&errhdr.ee, &serr->ee, sizeof(errhdr.ee));
	if (msg->msg_control && msg->msg_controllen >= CMSG_SPACE(sizeof(errhdr))) {
		struct cmsghdr *cm = (struct cmsghdr *)msg->msg_control;

		cm->cmsg_level = IPPROTO_IPV6;
		cm->cmsg_type = IPV6_RECVERR;
		cm->cmsg_len = CMSG_LEN(sizeof(errhdr));
		memcpy(CMSG_DATA(cm), &errhdr, sizeof(errhdr));
		msg->msg_controllen = CMSG_SPACE(sizeof(errhdr));
	} else {
		msg->msg_flags |= MSG_CTRUNC;
	}
	msg->msg_flags |= MSG_ERRQUEUE;
	consume_skb(skb);
	return (int)copied;
}
