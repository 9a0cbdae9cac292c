/* The IPv6 socket error queue (net/ipv6/datagram.c): ipv6_local_error()
 * queues an error found before a packet left (EMSGSIZE over the path MTU
 * with IPV6_MTU_DISCOVER "do"), ipv6_recv_error() hands one to
 * recvmsg(MSG_ERRQUEUE) with its IPV6_RECVERR control message, as ping -6
 * reads it ("ping: local error: message too long, mtu: 1400").
 *
 * The control messages of datagram sockets: ip6_datagram_send_ctl() reads
 * a sendmsg's IPV6_TCLASS and IPV6_HOPLIMIT (RFC 3542 6.5, 6.3) into the
 * call's ipcm6_cookie, which the caller filled with the socket's values
 * (ipcm6_init_sk).  An IPV6_TCLASS message of -1 stays -1, so the datagram
 * goes out with class 0xff, not the default RFC 3542 asks for: Linux 6.x
 * does that (checked, tests/transcripts/ipv6-tclass.sh); ip6_datagram_recv_ctl() writes IPV6_TCLASS and
 * IPV6_FLOWINFO into a recvmsg when IPV6_RECVTCLASS / IPV6_FLOWINFO are
 * on (ip6_datagram_recv_specific_ctl). */
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

int ip6_datagram_send_ctl(struct sock *sk, const struct msghdr *msg, struct ipcm6_cookie *ipc6)
{
	struct msghdr *m = (struct msghdr *)msg;	/* CMSG_NXTHDR takes no const */
	struct cmsghdr *cm;
	int err;

	(void)sk;
	if (!msg->msg_control || !msg->msg_controllen)
		return 0;
	for (cm = CMSG_FIRSTHDR(m); cm; cm = CMSG_NXTHDR(m, cm)) {
		if (cm->cmsg_len < sizeof(*cm) ||
		    (size_t)((u8 *)cm - (u8 *)msg->msg_control) + cm->cmsg_len > msg->msg_controllen)
			return -EINVAL;	/* !CMSG_OK() */
		if (cm->cmsg_level != SOL_IPV6)
			continue;
		err = 0;
		if (cm->cmsg_type == IPV6_TCLASS)
			err = ip6_cmsg_int(cm, -1, 0xff, &ipc6->tclass);
		else if (cm->cmsg_type == IPV6_HOPLIMIT)
			err = ip6_cmsg_int(cm, -1, 0xff, &ipc6->hlimit);
		if (err)
			return err;
	}
	return 0;
}

/* put_cmsg() that appends: *used bytes of msg_control are taken */
static void ip6_put_cmsg(struct msghdr *msg, size_t *used, int type, const void *data,
			 size_t len)
{
	struct cmsghdr *cm;

	if (!msg->msg_control || msg->msg_controllen < *used + CMSG_SPACE(len)) {
		msg->msg_flags |= MSG_CTRUNC;
		return;
	}
	cm = (struct cmsghdr *)((u8 *)msg->msg_control + *used);
	memset(cm, 0, CMSG_SPACE(len));
	cm->cmsg_level = SOL_IPV6;
	cm->cmsg_type = type;
	cm->cmsg_len = CMSG_LEN(len);
	memcpy(CMSG_DATA(cm), data, len);
	*used += CMSG_SPACE(len);
}

void ip6_datagram_recv_ctl(struct sock *sk, struct msghdr *msg, const struct sk_buff *skb)
{
	const struct ipv6hdr *iph = ipv6_hdr(skb);
	size_t used = 0;
	u32 first;

	if (sk->rxtclass) {
		int tclass = ipv6_get_dsfield(iph);

		ip6_put_cmsg(msg, &used, IPV6_TCLASS, &tclass, sizeof(tclass));
	}
	memcpy(&first, iph, sizeof(first));
	first &= htonl(IPV6_FLOWINFO_MASK_H);
	if (sk->rxflow && first)
		ip6_put_cmsg(msg, &used, IPV6_FLOWINFO, &first, sizeof(first));
	if (used)
		msg->msg_controllen = used;
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
