/* Generic socket layer (net/core/sock.c, net/core/datagram.c,
 * net/ipv4/ip_sockglue.c): allocation, the receive and error queues with
 * their buffer limits, blocking receive, and the SOL_SOCKET / SOL_IP
 * options. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/sock.h"
#include "net/sock_reuseport.h"
#include "net/world.h"
#include "net/trace.h"

#define SK_RMEM_DEFAULT 212992
#define SK_WMEM_DEFAULT 212992
#define SOCK_MIN_RCVBUF 2304

struct sock *sk_alloc(struct net *net, int family, const struct proto *prot)
{
	size_t size = prot->obj_size > sizeof(struct sock) ? prot->obj_size : sizeof(struct sock);
	struct sock *sk = kzalloc(size);

	if (!sk)
		return NULL;
	sk->sk_net = net;
	sk->sk_world = net->world;
	sk->sk_family = (u16)family;
	sk->sk_prot = prot;
	sk->sk_rcvbuf = net->world->init_net ? net->world->init_net->core.sysctl_rmem_default :
					       SK_RMEM_DEFAULT;
	sk->sk_sndbuf = net->world->init_net ? net->world->init_net->core.sysctl_wmem_default :
					       SK_WMEM_DEFAULT;
	sk->uc_ttl = -1;
	sk->sk_rcvtimeo = SK_TIMEO_MAX;
	sk->sk_sndtimeo = SK_TIMEO_MAX;
	sk->pmtudisc = net->ipv4.sysctl_ip_no_pmtu_disc ? IP_PMTUDISC_DONT : IP_PMTUDISC_WANT;
	sk->mc_loop = 1;
	INIT_LIST_HEAD(&sk->sk_node);
	skb_queue_head_init(&sk->sk_receive_queue);
	skb_queue_head_init(&sk->sk_error_queue);
	init_waitqueue_head(&sk->sk_wq);
	sk->sk_data_ready = sock_def_readable;
	sk->sk_error_report = sock_def_readable;
	net->world->socks_live++;
	return sk;
}

static void __sk_free(struct sock *sk)
{
	sk->sk_world->socks_live--;
	free(sk);
}

/* sk_free(): the memory stays while skbs the socket sent still wait in a
 * qdisc or a neighbour queue (Linux: sk_wmem_alloc holds a reference);
 * the last sock_wfree frees it then. */
void sk_free(struct sock *sk)
{
	reuseport_detach_sock(sk);
	skb_queue_purge_reason(&sk->sk_receive_queue, SKB_DROP_REASON_SOCKET_CLOSE);
	skb_queue_purge_reason(&sk->sk_error_queue, SKB_DROP_REASON_SOCKET_CLOSE);
	if (sk->sk_dst_cache)
		dst_release(sk->sk_dst_cache);
	sk->sk_dst_cache = NULL;
	if (sk->sk_wmem_alloc > 0) {
		sk->sk_wfree_last = 1;
		sk->sk_socket = NULL;
		return;
	}
	__sk_free(sk);
}

/* sock_writeable(): less than half the send buffer in use */
bool sock_writeable(const struct sock *sk)
{
	return sk->sk_wmem_alloc < sk->sk_sndbuf / 2;
}

/* sock_wfree(): the skb left the host (a device took it) or was freed:
 * uncharge it, and wake a writer once half the buffer is free
 * (sock_def_write_space). */
static void sock_wfree(struct sk_buff *skb)
{
	struct sock *sk = skb->sk;

	sk->sk_wmem_alloc -= (int)skb->truesize;
	if (sk->sk_wfree_last) {
		if (sk->sk_wmem_alloc <= 0)
			__sk_free(sk);
		return;
	}
	if (2 * sk->sk_wmem_alloc <= sk->sk_sndbuf)
		wake_up(&sk->sk_wq);
}

void skb_set_owner_w(struct sk_buff *skb, struct sock *sk)
{
	skb_orphan(skb);
	skb->sk = sk;
	skb->destructor = sock_wfree;
	sk->sk_wmem_alloc += (int)skb->truesize;
}

int sock_wait_for_wmem(struct sock *sk, int flags)
{
	u64 timeo = sock_sndtimeo(sk, flags & MSG_DONTWAIT ||
				      (sk->sk_socket && sk->sk_socket->nonblock));

	while (sk->sk_wmem_alloc >= sk->sk_sndbuf) {
		int ret;

		if (sk->sk_err)
			return -sk->sk_err;
		ret = sk_wait_timeo(sk, &timeo);
		if (ret)
			return ret;
	}
	return 0;
}

void sock_def_readable(struct sock *sk)
{
	wake_up(&sk->sk_wq);
}

static void sock_rfree(struct sk_buff *skb)
{
	skb->sk->sk_rmem_alloc -= (int)skb->truesize;
}

/* skb_set_owner_r(): the skb's truesize is charged to sk's receive buffer
 * until it is freed (include/net/sock.h) */
static void skb_set_owner_r(struct sk_buff *skb, struct sock *sk)
{
	skb_orphan(skb);
	skb->sk = sk;
	skb->destructor = sock_rfree;
	sk->sk_rmem_alloc += (int)skb->truesize;
}

/* sock_queue_rcv_skb(): charge the receive buffer or drop */
int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb)
{
	skb_trace(skb, "sock_queue_rcv_skb");
	if (sk->sk_rmem_alloc + (int)skb->truesize > sk->sk_rcvbuf) {
		sk->sk_drops++;
		kfree_skb_reason(skb, SKB_DROP_REASON_SOCKET_RCVBUFF);
		return -ENOMEM;
	}
	skb_dst_drop(skb);
	skb_set_owner_r(skb, sk);
	__skb_queue_tail(&sk->sk_receive_queue, skb);
	skb_trace(skb, "sk_data_ready");
	sk->sk_data_ready(sk);
	return 0;
}

int sock_queue_err_skb(struct sock *sk, struct sk_buff *skb)
{
	if (sk->sk_rmem_alloc + (int)skb->truesize > sk->sk_rcvbuf) {
		kfree_skb_reason(skb, SKB_DROP_REASON_SOCKET_RCVBUFF);
		return -ENOMEM;
	}
	skb_dst_drop(skb);
	skb_set_owner_r(skb, sk);
	__skb_queue_tail(&sk->sk_error_queue, skb);
	sk->sk_error_report(sk);
	return 0;
}

int sk_wait_data(struct sock *sk, u64 timeout_ns)
{
	return task_wait(sk->sk_world, &sk->sk_wq, timeout_ns);
}

u64 sock_rcvtimeo(const struct sock *sk, bool noblock)
{
	return noblock ? 0 : sk->sk_rcvtimeo;
}

u64 sock_sndtimeo(const struct sock *sk, bool noblock)
{
	return noblock ? 0 : sk->sk_sndtimeo;
}

int sk_wait_timeo(struct sock *sk, u64 *timeo)
{
	u64 start = sk->sk_world->now, spent;
	int ret;

	if (!*timeo)
		return -EAGAIN;
	if (*timeo == SK_TIMEO_MAX)
		return task_wait(sk->sk_world, &sk->sk_wq, 0) == -EINTR ? -EINTR : 0;
	ret = task_wait(sk->sk_world, &sk->sk_wq, *timeo);
	if (ret == -EINTR)
		return -EINTR;
	spent = sk->sk_world->now - start;
	*timeo = ret == -ETIMEDOUT || spent >= *timeo ? 0 : *timeo - spent;
	return *timeo ? 0 : -EAGAIN;
}

/* __skb_recv_datagram(): the next queued skb, waiting when allowed;
 * MSG_PEEK leaves it queued (the caller's reference is its own) */
struct sk_buff *skb_recv_datagram(struct sock *sk, int flags, int *err)
{
	u64 timeo = sock_rcvtimeo(sk, flags & MSG_DONTWAIT ||
				      (sk->sk_socket && sk->sk_socket->nonblock));

	for (;;) {
		struct sk_buff *skb = flags & MSG_PEEK ? skb_peek(&sk->sk_receive_queue) :
					  __skb_dequeue(&sk->sk_receive_queue);
		int ret;

		if (skb)
			return flags & MSG_PEEK ? skb_get(skb) : skb;
		if (sk->sk_err) {
			*err = -sk->sk_err;
			sk->sk_err = 0;
			return NULL;
		}
		ret = sk_wait_timeo(sk, &timeo);
		if (ret == -EINTR || ret == -EAGAIN) {
			*err = ret;
			return NULL;
		}
	}
}

static int icmp_err_convert(u8 type, u8 code, bool *fatal)
{
	static const int unreach[] = {
		ENETUNREACH, EHOSTUNREACH, ENOPROTOOPT, ECONNREFUSED, EMSGSIZE, EOPNOTSUPP,
		ENETUNREACH, EHOSTDOWN, ENONET, ENETUNREACH, EHOSTUNREACH, ENETUNREACH,
		EHOSTUNREACH, EHOSTUNREACH, EHOSTUNREACH, EHOSTUNREACH,
	};

	*fatal = true;
	switch (type) {
	case ICMP_DEST_UNREACH:
		return code <= NR_ICMP_UNREACH ? unreach[code] : EHOSTUNREACH;
	case ICMP_TIME_EXCEEDED:
		*fatal = false;
		return EHOSTUNREACH;
	case ICMP_PARAMETERPROB:
		return EPROTO;
	default:
		*fatal = false;
		return 0;
	}
}

/* ip_icmp_error(): queue an ICMP error for a socket with IP_RECVERR.  skb
 * data is at the quoted (inner) IP header; payload is what the socket sent. */
void ip_icmp_error(struct sock *sk, struct sk_buff *skb, int err, __be16 port,
		   u32 info, const u8 *payload)
{
	const struct icmphdr *icmph = icmp_hdr(skb);
	const struct iphdr *inner = (const struct iphdr *)skb->data;
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
	serr->ee.ee_origin = SO_EE_ORIGIN_ICMP;
	serr->ee.ee_type = icmph->type;
	serr->ee.ee_code = icmph->code;
	serr->ee.ee_info = info;
	serr->addr_offset = (u16)((const u8 *)&inner->daddr - skb_network_header(skb));
	serr->port = port;
	serr->offender = ip_hdr(skb)->saddr;
	if (payload >= c->data && payload <= c->tail && skb_pull(c, (unsigned int)(payload - skb->data)))
		sock_queue_err_skb(sk, c);
	else
		kfree_skb(c);
}

/* ip_local_error(): an error found before the packet left (EMSGSIZE). */
void ip_local_error(struct sock *sk, int err, __be32 daddr, __be16 port, u32 info)
{
	struct sk_buff *skb;
	struct sock_exterr_skb *serr;
	struct iphdr *iph;

	if (!sk->recverr)
		return;
	skb = alloc_skb(&sk->sk_world->skb_pool, sizeof(struct iphdr));
	if (!skb)
		return;
	skb_put(skb, sizeof(struct iphdr));
	skb_reset_network_header(skb);
	iph = ip_hdr(skb);
	memset(iph, 0, sizeof(*iph));
	iph->daddr = daddr;
	serr = SKB_EXT_ERR(skb);
	memset(serr, 0, sizeof(*serr));
	serr->ee.ee_errno = (u32)err;
	serr->ee.ee_origin = SO_EE_ORIGIN_LOCAL;
	serr->ee.ee_info = info;
	serr->addr_offset = (u16)offsetof(struct iphdr, daddr);
	serr->port = port;
	skb_pull(skb, sizeof(struct iphdr));
	skb_reset_transport_header(skb);
	sock_queue_err_skb(sk, skb);
}

int ip_err_from_icmp(struct sk_buff *skb, bool *fatal)
{
	const struct icmphdr *icmph = icmp_hdr(skb);

	return icmp_err_convert(icmph->type, icmph->code, fatal);
}

/* skb_copy_datagram_msg(): len bytes from offset of the skb into the
 * message's iovecs. */
size_t skb_copy_datagram_msg(const struct sk_buff *skb, int offset, struct msghdr *msg,
			     size_t len)
{
	size_t done = 0;

	for (size_t i = 0; i < msg->msg_iovlen && done < len; i++) {
		size_t n = msg->msg_iov[i].iov_len;

		if (n > len - done)
			n = len - done;
		skb_copy_bits(skb, offset + (int)done, msg->msg_iov[i].iov_base, (int)n);
		done += n;
	}
	return done;
}

/* ip_recv_error(): read one entry of the error queue (MSG_ERRQUEUE) */
int ip_recv_error(struct sock *sk, struct msghdr *msg, size_t len, int *addr_len)
{
	struct sk_buff *skb = __skb_dequeue(&sk->sk_error_queue);
	struct {
		struct sock_extended_err ee;
		struct sockaddr_in offender;
	} errhdr;
	struct sock_exterr_skb *serr;
	size_t copied, used = 0;

	if (!skb)
		return -EAGAIN;
	serr = SKB_EXT_ERR(skb);
	copied = skb->len < len ? skb->len : len;
	if (copied < skb->len)
		msg->msg_flags |= MSG_TRUNC;
	skb_copy_datagram_msg(skb, 0, msg, copied);
	if (msg->msg_name) {
		struct sockaddr_in *sin = msg->msg_name;

		memset(sin, 0, sizeof(*sin));
		sin->sin_family = AF_INET;
		memcpy(&sin->sin_addr, skb_network_header(skb) + serr->addr_offset, 4);
		sin->sin_port = serr->port;
		*addr_len = sizeof(*sin);
	}
	memset(&errhdr, 0, sizeof(errhdr));
	memcpy(&errhdr.ee, &serr->ee, sizeof(errhdr.ee));
	if (serr->ee.ee_origin == SO_EE_ORIGIN_ICMP) {
		errhdr.offender.sin_family = AF_INET;
		errhdr.offender.sin_addr.s_addr = serr->offender;
		/* ipv4_datagram_support_cmsg(): the ICMP error's own IP_TTL and
		 * IP_TOS first, when the socket asked for them */
		ip_cmsg_recv_at(sk, msg, skb, &used);
	}
	put_cmsg_at(msg, &used, SOL_IP, IP_RECVERR, &errhdr, sizeof(errhdr));
	if (msg->msg_control)
		msg->msg_controllen = used;
	msg->msg_flags |= MSG_ERRQUEUE;
	consume_skb(skb);
	return (int)copied;
}

/* sock_set_timeout(): a struct timeval (the _OLD and _NEW forms have one
 * layout on 64-bit), counted in jiffies of this machine's kernel (HZ 250:
 * the usec round up to 4 ms); 0 s 0 us waits forever, a negative tv_sec
 * not at all; tv_usec out of [0, 1 s) is EDOM */
#define SK_HZ 250
#define SK_JIFFY_NS (NSEC_PER_SEC / SK_HZ)

static int sock_set_timeout(u64 *timeo, const void *val, unsigned int len)
{
	struct { s64 tv_sec, tv_usec; } tv;
	u64 j;

	if (len < sizeof(tv))
		return -EINVAL;
	memcpy(&tv, val, sizeof(tv));
	if (tv.tv_usec < 0 || tv.tv_usec >= 1000000)
		return -EDOM;
	if (tv.tv_sec < 0) {
		*timeo = 0;
		return 0;
	}
	if ((!tv.tv_sec && !tv.tv_usec) || tv.tv_sec >= (s64)(0x7fffffffffffffffLL / SK_HZ - 1)) {
		*timeo = SK_TIMEO_MAX;
		return 0;
	}
	j = (u64)tv.tv_sec * SK_HZ + ((u64)tv.tv_usec + 1000000 / SK_HZ - 1) / (1000000 / SK_HZ);
	*timeo = j > SK_TIMEO_MAX / SK_JIFFY_NS ? SK_TIMEO_MAX : j * SK_JIFFY_NS;
	return 0;
}

/* sock_get_timeout(): forever reads as 0 s 0 us; a short buffer gets the
 * first len bytes, as Linux copies them */
static int sock_get_timeout(u64 timeo, void *val, unsigned int *len)
{
	struct { s64 tv_sec, tv_usec; } tv = { 0, 0 };

	if (timeo != SK_TIMEO_MAX) {
		u64 j = timeo / SK_JIFFY_NS;

		tv.tv_sec = (s64)(j / SK_HZ);
		tv.tv_usec = (s64)(j % SK_HZ * 1000000 / SK_HZ);
	}
	if (*len > sizeof(tv))
		*len = sizeof(tv);
	memcpy(val, &tv, *len);
	return 0;
}

static int get_int(const void *val, unsigned int len, int *out)
{
	if (len >= sizeof(int))
		memcpy(out, val, sizeof(int));
	else if (len >= 1)
		*out = *(const u8 *)val;
	else
		return -EINVAL;
	return 0;
}

int sock_setsockopt(struct socket *sock, int level, int name, const void *val,
		    unsigned int len)
{
	struct sock *sk = sock->sk;
	int v = 0;

	(void)level;
	if (name == SO_BINDTODEVICE) {
		char ifname[IFNAMSIZ] = { 0 };
		struct net_device *dev;

		memcpy(ifname, val, len < IFNAMSIZ - 1 ? len : IFNAMSIZ - 1);
		if (!ifname[0]) {
			sk->sk_bound_dev_if = 0;
			return 0;
		}
		dev = __dev_get_by_name(sock_net(sk), ifname);
		if (!dev)
			return -ENODEV;
		sk->sk_bound_dev_if = dev->ifindex;
		return 0;
	}
	if (name == SO_RCVTIMEO_OLD || name == SO_RCVTIMEO_NEW)
		return sock_set_timeout(&sk->sk_rcvtimeo, val, len);
	if (name == SO_SNDTIMEO_OLD || name == SO_SNDTIMEO_NEW)
		return sock_set_timeout(&sk->sk_sndtimeo, val, len);
	if (name == SO_LINGER) {
		struct linger l;

		if (len < sizeof(l))
			return -EINVAL;
		memcpy(&l, val, sizeof(l));
		sk->sk_linger = l.l_onoff != 0;
		sk->sk_lingertime = l.l_linger;
		return 0;
	}
	if (get_int(val, len, &v))
		return -EINVAL;
	switch (name) {
	case SO_RCVBUF:		/* capped by net.core.rmem_max, then doubled */
		if (sock_net(sk)->world->init_net &&
		    v > sock_net(sk)->world->init_net->core.sysctl_rmem_max)
			v = sock_net(sk)->world->init_net->core.sysctl_rmem_max;
		sk->sk_rcvbuf = v * 2 < SOCK_MIN_RCVBUF ? SOCK_MIN_RCVBUF : v * 2;
		sk->sk_userlocks |= SOCK_RCVBUF_LOCK;
		return 0;
	case SO_SNDBUF:		/* capped by net.core.wmem_max, then doubled */
		if (sock_net(sk)->world->init_net &&
		    v > sock_net(sk)->world->init_net->core.sysctl_wmem_max)
			v = sock_net(sk)->world->init_net->core.sysctl_wmem_max;
		sk->sk_sndbuf = v * 2 < 4608 ? 4608 : v * 2;
		sk->sk_userlocks |= SOCK_SNDBUF_LOCK;
		return 0;
	case SO_KEEPALIVE:
		sk->sk_keepopen = v != 0;
		return 0;
	case SO_REUSEADDR:
		sk->sk_reuse = v != 0;
		return 0;
	case SO_REUSEPORT:
		sk->sk_reuseport = v != 0;
		return 0;
	case SO_MARK:
		sk->sk_mark = (u32)v;
		return 0;
	case SO_PRIORITY:
		sk->sk_priority = (u32)v;
		return 0;
	case SO_BROADCAST:
		if (v)
			sock->flags |= SOCK_BROADCAST;
		else
			sock->flags &= ~SOCK_BROADCAST;
		return 0;
	case SO_TIMESTAMP:
	case SO_DEBUG:
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

int sock_getsockopt(struct socket *sock, int level, int name, void *val, unsigned int *len)
{
	struct sock *sk = sock->sk;
	int v;

	(void)level;
	if (name == SO_RCVTIMEO_OLD || name == SO_RCVTIMEO_NEW)
		return sock_get_timeout(sk->sk_rcvtimeo, val, len);
	if (name == SO_SNDTIMEO_OLD || name == SO_SNDTIMEO_NEW)
		return sock_get_timeout(sk->sk_sndtimeo, val, len);
	switch (name) {
	case SO_RCVBUF: v = sk->sk_rcvbuf; break;
	case SO_SNDBUF: v = sk->sk_sndbuf; break;
	case SO_TYPE: v = sk->sk_type; break;
	case SO_PROTOCOL: v = sk->sk_protocol; break;
	case SO_DOMAIN: v = sk->sk_family; break;
	case SO_REUSEADDR: v = sk->sk_reuse; break;
	case SO_REUSEPORT: v = sk->sk_reuseport; break;
	case SO_MARK: v = (int)sk->sk_mark; break;
	case SO_ERROR: v = sk->sk_err; sk->sk_err = 0; break;
	case SO_KEEPALIVE: v = sk->sk_keepopen; break;
	case SO_ACCEPTCONN: v = sk->sk_type == SOCK_STREAM && sk->sk_state == 10; break;
	default: return -ENOPROTOOPT;
	}
	if (*len < sizeof(int))
		return -EINVAL;
	memcpy(val, &v, sizeof(v));
	*len = sizeof(int);
	return 0;
}

int ip_setsockopt(struct sock *sk, int level, int name, const void *val, unsigned int len)
{
	int v = 0;

	(void)level;
	if (get_int(val, len, &v))
		return -EINVAL;
	switch (name) {
	case IP_TTL:
		if (v < -1 || v == 0 || v > 255)
			return -EINVAL;
		sk->uc_ttl = v;
		return 0;
	case IP_TOS:
		sk->tos = (u8)(v & ~3);
		return 0;
	case IP_MTU_DISCOVER:
		if (v < IP_PMTUDISC_DONT || v > 5)
			return -EINVAL;
		sk->pmtudisc = (u8)v;
		return 0;
	case IP_RECVERR:
		sk->recverr = v != 0;
		if (!v)
			skb_queue_purge_reason(&sk->sk_error_queue, SKB_DROP_REASON_SOCKET_CLOSE);
		return 0;
	case IP_HDRINCL:
		if (sk->sk_type != SOCK_RAW)
			return -ENOPROTOOPT;
		sk->hdrincl = v != 0;
		return 0;
	case IP_RECVTTL:
		sk->recvttl = v != 0;
		return 0;
	case IP_RECVTOS:
		sk->recvtos = v != 0;
		return 0;
	case IP_FREEBIND:
		sk->freebind = v != 0;
		return 0;
	case IP_MULTICAST_LOOP:
		sk->mc_loop = v != 0;
		return 0;
	case IP_MULTICAST_TTL:
	case IP_MULTICAST_IF:
	case IP_PKTINFO:
	case IP_RECVOPTS:
	case IP_RETOPTS:
	case IP_OPTIONS:
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

int ip_getsockopt(struct sock *sk, int level, int name, void *val, unsigned int *len)
{
	int v;

	(void)level;
	switch (name) {
	case IP_TTL:
		v = sk->uc_ttl == -1 ? sock_net(sk)->ipv4.sysctl_ip_default_ttl : sk->uc_ttl;
		break;
	case IP_TOS: v = sk->tos; break;
	case IP_MTU_DISCOVER: v = sk->pmtudisc; break;
	case IP_RECVERR: v = sk->recverr; break;
	case IP_HDRINCL: v = sk->hdrincl; break;
	case IP_MTU:
		if (!sk->sk_dst_cache)
			return -ENOTCONN;
		v = (int)dst_mtu(sk->sk_dst_cache);
		break;
	default:
		return -ENOPROTOOPT;
	}
	if (*len < sizeof(int))
		return -EINVAL;
	memcpy(val, &v, sizeof(v));
	*len = sizeof(int);
	return 0;
}
