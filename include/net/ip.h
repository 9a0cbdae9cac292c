/* IPv4 (include/net/ip.h, include/uapi/linux/ip.h). */
#ifndef SKBOX_NET_IP_H
#define SKBOX_NET_IP_H

#include <netinet/in.h>
#include <arpa/inet.h>
#include "linux/types.h"
#include "linux/skbuff.h"
#include "net/route.h"

struct net;
struct sock;
struct net_device;
struct packet_type;

struct iphdr {
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	u8 ihl:4, version:4;
#else
	u8 version:4, ihl:4;
#endif
	u8 tos;
	__be16 tot_len;
	__be16 id;
	__be16 frag_off;
	u8 ttl;
	u8 protocol;
	__sum16 check;
	__be32 saddr;
	__be32 daddr;
};

#define IP_CE 0x8000
#define IP_DF 0x4000
#define IP_MF 0x2000
#define IP_OFFSET 0x1FFF


#define IPOPT_END 0
#define IPOPT_NOOP 1

#define IP_PMTUDISC_DONT 0
#define IP_PMTUDISC_WANT 1
#define IP_PMTUDISC_DO 2
#define IP_PMTUDISC_PROBE 3

#define IPV4_MIN_MTU 68
#define IP_MAX_MTU 0xFFFFU

static inline struct iphdr *ip_hdr(const struct sk_buff *skb)
{
	return (struct iphdr *)skb_network_header(skb);
}

static inline bool ip_is_fragment(const struct iphdr *iph)
{
	return (iph->frag_off & htons(IP_MF | IP_OFFSET)) != 0;
}

/* Per-packet IP control block in skb->cb (struct inet_skb_parm). */
struct ip_options {
	u8 optlen;
	u8 srr, rr, ts;
	u8 is_strictroute:1, srr_is_hit:1, is_changed:1, rr_needaddr:1,
	   ts_needtime:1, ts_needaddr:1;
	u8 router_alert;
	u8 cipso;
};

struct inet_skb_parm {
	int iif;
	struct ip_options opt;
	u16 flags;
	u16 frag_max_size;
};

#define IPSKB_FORWARDED 1
#define IPSKB_XFRM_TUNNEL_SIZE 2
#define IPSKB_XFRM_TRANSFORMED 4
#define IPSKB_FRAG_COMPLETE 8
#define IPSKB_REROUTED 16
#define IPSKB_DOREDIRECT 32
#define IPSKB_FRAG_PMTU 64
#define IPSKB_L3SLAVE 128

#define IPCB(skb) ((struct inet_skb_parm *)((skb)->cb))

static inline bool ipv4_is_loopback(__be32 addr)
{
	return (addr & htonl(0xff000000)) == htonl(0x7f000000);
}

static inline bool ipv4_is_multicast(__be32 addr)
{
	return (addr & htonl(0xf0000000)) == htonl(0xe0000000);
}

static inline bool ipv4_is_local_multicast(__be32 addr)
{
	return (addr & htonl(0xffffff00)) == htonl(0xe0000000);
}

static inline bool ipv4_is_lbcast(__be32 addr)
{
	return addr == htonl(0xffffffff);
}

/* Only 0.0.0.0 itself: since Linux 5.3 the rest of 0.0.0.0/8 is unicast
 * (include/linux/in.h, "Allow 0.0.0.0/8 as a valid address range"). */
static inline bool ipv4_is_zeronet(__be32 addr)
{
	return addr == 0;
}

static inline bool ipv4_is_linklocal_169(__be32 addr)
{
	return (addr & htonl(0xffff0000)) == htonl(0xa9fe0000);
}

/* RFC 1071 checksum over len bytes, folded, not complemented. */
u32 csum_partial(const void *buf, int len, u32 sum);
u16 csum_fold(u32 sum);
u16 ip_fast_csum(const void *iph, unsigned int ihl);
/* RFC 1624 incremental update: HC' = ~(~HC + ~m + m'). */
void csum_replace2(__sum16 *sum, __be16 from, __be16 to);
void csum_replace4(__sum16 *sum, __be32 from, __be32 to);
u16 ip_compute_csum(const void *buf, int len);

static inline void ip_send_check(struct iphdr *iph)
{
	iph->check = 0;
	iph->check = ip_fast_csum(iph, iph->ihl);
}

static inline int ip_decrease_ttl(struct iphdr *iph)
{
	u32 check = (u32)iph->check;

	check += (u32)htons(0x0100);
	iph->check = (u16)(check + (check >= 0xFFFF));
	return --iph->ttl;
}

/* net/ipv4/ip_input.c */
int ip_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
	   struct net_device *orig_dev);
int ip_local_deliver(struct sk_buff *skb);
void ip_protocol_deliver_rcu(struct net *net, struct sk_buff *skb, int protocol);

/* net/ipv4/ip_forward.c */
int ip_forward(struct sk_buff *skb);

/* net/ipv4/ip_output.c */
int ip_output(struct net *net, struct sock *sk, struct sk_buff *skb);
int ip_mc_output(struct net *net, struct sock *sk, struct sk_buff *skb);
int ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb);
int __ip_local_out(struct net *net, struct sock *sk, struct sk_buff *skb);
int ip_send_skb(struct net *net, struct sk_buff *skb);
int ip_do_fragment(struct net *net, struct sock *sk, struct sk_buff *skb,
		   int (*output)(struct net *, struct sock *, struct sk_buff *));
struct msghdr;
struct sk_buff *ip_make_skb(struct sock *sk, struct flowi4 *fl4, struct rtable *rt,
			    const void *l4hdr, unsigned int l4len,
			    const struct msghdr *msg, size_t len, u8 protocol);
void ip_select_ident(struct net *net, struct sk_buff *skb, struct sock *sk);
struct dst_entry;
unsigned int ip_dst_mtu_maybe_forward(const struct dst_entry *dst, bool forwarding);
unsigned int ip_skb_dst_mtu(struct sock *sk, const struct sk_buff *skb);
u16 ip_idents_next(struct net *net, __be32 daddr, __be32 saddr, u8 proto);

/* net/ipv4/ip_fragment.c */
int ip_defrag(struct net *net, struct sk_buff *skb, u32 user);
int ipv4_frags_init_net(struct net *net);
void ipv4_frags_exit_net(struct net *net);

/* L4 demux (include/net/protocol.h) */
struct net_protocol {
	int (*handler)(struct sk_buff *skb);
	int (*err_handler)(struct sk_buff *skb, u32 info);
	/* skbox: a protocol whose module a namespace has not "loaded" yet
	 * (ipip before its first tunnel) is absent there, as on Linux */
	bool (*present)(const struct net *net);
	unsigned int no_policy:1, icmp_strict_tag_validation:1;
};

struct world;
int inet_add_protocol(struct world *w, const struct net_protocol *prot, unsigned char num);
int inet_del_protocol(struct world *w, const struct net_protocol *prot, unsigned char num);
const struct net_protocol *inet_protocol(const struct net *net, unsigned char num);

#endif
