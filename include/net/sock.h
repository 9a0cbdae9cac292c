/* struct socket (the user-facing half, with proto_ops) and struct sock (the
 * protocol half, with proto), as seed 001 describes (include/net/sock.h). */
#ifndef SKBOX_NET_SOCK_H
#define SKBOX_NET_SOCK_H

#include <sys/socket.h>
#include <netinet/in.h>
#include "linux/types.h"
#include "linux/list.h"
#include "linux/skbuff.h"
#include "linux/sched.h"

struct net;
struct sock;
struct socket;
struct sock_reuseport;
struct dst_entry;
struct msghdr;
struct flowi4;

struct proto_ops {
	int family;
	int (*release)(struct socket *sock);
	int (*bind)(struct socket *sock, const struct sockaddr *addr, int len);
	int (*connect)(struct socket *sock, const struct sockaddr *addr, int len, int flags);
	int (*getname)(struct socket *sock, struct sockaddr *addr, int peer);
	unsigned int (*poll)(struct socket *sock);
	int (*setsockopt)(struct socket *sock, int level, int name, const void *val,
			  unsigned int len);
	int (*getsockopt)(struct socket *sock, int level, int name, void *val,
			  unsigned int *len);
	int (*sendmsg)(struct socket *sock, const struct msghdr *m, size_t len, int flags);
	int (*recvmsg)(struct socket *sock, struct msghdr *m, size_t len, int flags);
	int (*shutdown)(struct socket *sock, int how);
	int (*listen)(struct socket *sock, int backlog);
	int (*accept)(struct socket *sock, struct socket *newsock, int flags);
};

struct proto {
	const char *name;
	void (*close)(struct sock *sk);
	int (*init)(struct sock *sk);
	int (*connect)(struct sock *sk, const struct sockaddr *addr, int len);
	int (*bind)(struct sock *sk, const struct sockaddr *addr, int len);
	int (*sendmsg)(struct sock *sk, const struct msghdr *m, size_t len, int flags);
	int (*recvmsg)(struct sock *sk, struct msghdr *m, size_t len, int flags,
		       int *addr_len);
	int (*setsockopt)(struct sock *sk, int level, int name, const void *val,
			  unsigned int len);
	int (*getsockopt)(struct sock *sk, int level, int name, void *val,
			  unsigned int *len);
	int (*hash)(struct sock *sk);
	/* SIOCINQ, SIOCOUTQ, SIOCOUTQNSD; -ENOIOCTLCMD for others */
	int (*ioctl)(struct sock *sk, int cmd, int *karg);
	void (*unhash)(struct sock *sk);
	size_t obj_size;
};

/* One entry of the INET protocol switch (inetsw_array). */
struct inet_protosw {
	unsigned short type;
	unsigned short protocol;	/* IPPROTO_IP (0) = wildcard */
	const struct proto *prot;
	const struct proto_ops *ops;
	unsigned int flags;
};

struct sock {
	struct list_head sk_node;	/* in the protocol's lookup list */
	struct net *sk_net;
	struct world *sk_world;
	struct socket *sk_socket;
	const struct proto *sk_prot;
	u16 sk_family;
	u16 sk_type;
	u8 sk_protocol;
	u8 sk_state;
	u8 sk_shutdown;
	bool sk_reuse;
	u8 sk_reuseport;		/* SO_REUSEPORT */
	u32 sk_uid;			/* sk_uid(): the owner's uid (tasks run as 0) */
	struct sock_reuseport *sk_reuseport_cb;	/* its SO_REUSEPORT group */
	u8 sk_userlocks;		/* SOCK_SNDBUF_LOCK | SOCK_RCVBUF_LOCK | SOCK_BIND*_LOCK */
	u8 sk_keepopen:1, sk_linger:1;
	u8 sk_wfree_last:1;		/* closed: the last sock_wfree frees it */
	int sk_lingertime;		/* seconds */
	u64 sk_rcvtimeo;		/* SO_RCVTIMEO in ns; SK_TIMEO_MAX: forever */
	u64 sk_sndtimeo;		/* SO_SNDTIMEO */
	int sk_err;
	int sk_err_soft;
	int sk_bound_dev_if;
	u32 sk_mark;
	u32 sk_priority;
	int sk_rcvbuf;
	int sk_sndbuf;
	int sk_rmem_alloc;
	int sk_wmem_alloc;
	u64 sk_drops;
	struct sk_buff_head sk_receive_queue;
	struct sk_buff_head sk_error_queue;
	struct wait_queue_head sk_wq;
	void (*sk_data_ready)(struct sock *sk);
	void (*sk_error_report)(struct sock *sk);
	struct dst_entry *sk_dst_cache;
	/* struct inet_sock */
	__be32 inet_saddr;
	__be32 inet_rcv_saddr;
	__be32 inet_daddr;
	__be16 inet_sport;
	__be16 inet_dport;
	__be16 inet_num;		/* host order local port / raw protocol */
	u16 inet_id;			/* IP ids of a connected socket */
	int uc_ttl;			/* -1: the namespace default */
	u8 tos;
	u8 pmtudisc;
	u8 recverr:1, hdrincl:1, freebind:1, mc_loop:1, recvttl:1, recvtos:1;
	u8 icmp_filter_set;
	u32 icmp_filter;		/* ICMP_FILTER: bit set = type blocked */
	/* AF_INET6 sockets (sk_v6_rcv_saddr, sk_v6_daddr, struct ipv6_pinfo):
	 * an IPv6-only address leaves LOOPBACK4_IPV6 in the IPv4 fields so
	 * IPv4 lookups never match it, as Linux does */
	struct in6_addr sk_v6_rcv_saddr;
	struct in6_addr sk_v6_daddr;
	u8 ipv6only:1, rxtclass:1, rxflow:1;	/* IPV6_RECVTCLASS, IPV6_FLOWINFO */
	u8 rxhoplimit:1;			/* IPV6_RECVHOPLIMIT */
	u8 rxinfo:1, rxoinfo:1;			/* IPV6_RECVPKTINFO, IPV6_2292PKTINFO */
	u8 autoflowlabel:1, autoflowlabel_set:1;	/* IPV6_AUTOFLOWLABEL */
	u8 tclass;			/* IPV6_TCLASS (np->tclass); 0 by default */
	struct in6_addr sticky_pktinfo_addr;	/* IPV6_PKTINFO (np->sticky_pktinfo) */
	int sticky_pktinfo_ifindex;
	int mcast_hops;			/* IPV6_MULTICAST_HOPS (1 from inet6_create) */
	/* struct udp_sock: a tunnel's encapsulation socket (vxlan) takes its
	 * datagrams here; <= 0 consumed, > 0 goes on as plain UDP */
	int (*encap_rcv)(struct sock *sk, struct sk_buff *skb);
	void *sk_user_data;
};

#define SOCK_BROADCAST	1UL	/* struct socket's flags: SO_BROADCAST */

struct socket {
	int state;
	short type;
	unsigned long flags;
	struct sock *sk;
	const struct proto_ops *ops;
	int fd;
	bool nonblock;
	int owner_pid;			/* the task that made the fd (ss -p) */
	char owner_comm[16];
	struct list_head ep_links;	/* epitems watching it (NULL next: none yet) */
};

/* SOL_IP error queue entry (include/uapi/linux/errqueue.h) */
struct sock_extended_err {
	u32 ee_errno;
	u8 ee_origin;
	u8 ee_type;
	u8 ee_code;
	u8 ee_pad;
	u32 ee_info;
	u32 ee_data;
};

#define SO_EE_ORIGIN_NONE 0
#define SO_EE_ORIGIN_LOCAL 1
#define SO_EE_ORIGIN_ICMP 2
#define SO_EE_ORIGIN_ICMP6 3

/* skb->cb of an error-queue skb (struct sock_exterr_skb) */
struct sock_exterr_skb {
	struct sock_extended_err ee;
	u16 addr_offset;
	__be16 port;
	__be32 offender;		/* ICMP sender */
};

#define SKB_EXT_ERR(skb) ((struct sock_exterr_skb *)((skb)->cb + 16))

static inline struct net *sock_net(const struct sock *sk)
{
	return sk->sk_net;
}

#define SOCK_SNDBUF_LOCK 1
#define SOCK_RCVBUF_LOCK 2
#define SOCK_BINDADDR_LOCK 4	/* bound to an address: a disconnect keeps it */
#define SOCK_BINDPORT_LOCK 8	/* bound to a port (ping: an identifier) */

/* include/linux/errno.h: "no such ioctl here" inside the kernel; the
 * system call returns -ENOTTY */
#define ENOIOCTLCMD 515

struct sock *sk_alloc(struct net *net, int family, const struct proto *prot);
void sk_free(struct sock *sk);
/* Send-buffer accounting (sk_wmem_alloc): skb charged to sk until it is
 * freed or orphaned (a device took it), sock_wfree as its destructor. */
void skb_set_owner_w(struct sk_buff *skb, struct sock *sk);
bool sock_writeable(const struct sock *sk);
/* sock_alloc_send_pskb()'s wait: 0 once sk_wmem_alloc is under sk_sndbuf,
 * -EAGAIN (non-blocking), -EINTR, or -errno of a socket error. */
int sock_wait_for_wmem(struct sock *sk, int flags);
int sock_queue_rcv_skb(struct sock *sk, struct sk_buff *skb);
int sock_queue_err_skb(struct sock *sk, struct sk_buff *skb);
void sock_def_readable(struct sock *sk);
int sk_wait_data(struct sock *sk, u64 timeout_ns);
/* MAX_SCHEDULE_TIMEOUT: a blocking call waits as long as it takes */
#define SK_TIMEO_MAX (~0ULL)
/* sock_rcvtimeo()/sock_sndtimeo(): 0 for a non-blocking call */
u64 sock_rcvtimeo(const struct sock *sk, bool noblock);
u64 sock_sndtimeo(const struct sock *sk, bool noblock);
/* One wait on sk_wq within *timeo (sk_wait_event): 0 after a wake-up, with
 * *timeo less the time waited; -EAGAIN once *timeo is spent (or was 0),
 * -EINTR on a signal. */
int sk_wait_timeo(struct sock *sk, u64 *timeo);
struct sk_buff *skb_recv_datagram(struct sock *sk, int flags, int *err);
size_t skb_copy_datagram_msg(const struct sk_buff *skb, int offset, struct msghdr *msg,
			     size_t len);
int ip_recv_error(struct sock *sk, struct msghdr *msg, size_t len, int *addr_len);
/* put_cmsg() at *used bytes of msg's control buffer (net/ipv6/datagram.c) */
void put_cmsg_at(struct msghdr *msg, size_t *used, int level, int type, const void *data,
		 size_t len);
/* IP_TTL, IP_TOS control messages a recvmsg asked for (net/ipv4/ping.c);
 * _at: appended at *used bytes, msg_controllen left to the caller */
void ip_cmsg_recv(struct sock *sk, struct msghdr *msg, const struct sk_buff *skb);
void ip_cmsg_recv_at(struct sock *sk, struct msghdr *msg, const struct sk_buff *skb,
		     size_t *used);
void ip_icmp_error(struct sock *sk, struct sk_buff *skb, int err, __be16 port,
		   u32 info, const u8 *payload);
void ip_local_error(struct sock *sk, int err, __be32 daddr, __be16 port, u32 info);
int ip_setsockopt(struct sock *sk, int level, int name, const void *val, unsigned int len);
int ip_getsockopt(struct sock *sk, int level, int name, void *val, unsigned int *len);
int sock_setsockopt(struct socket *sock, int level, int name, const void *val,
		    unsigned int len);
int sock_getsockopt(struct socket *sock, int level, int name, void *val,
		    unsigned int *len);

/* net/ipv4/raw.c */
int raw_local_deliver(struct sk_buff *skb, int protocol);
void raw_icmp_error(struct sk_buff *skb, int protocol, u32 info);
extern const struct proto raw_prot;
extern const struct proto_ops inet_sockraw_ops;

#endif
