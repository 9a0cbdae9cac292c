/* Neighbour discovery (include/net/ndisc.h): the ICMPv6 messages of
 * RFC 4861 that resolve IPv6 next hops in nd_tbl. */
#ifndef SKBOX_NET_NDISC_H
#define SKBOX_NET_NDISC_H

#include <netinet/in.h>
#include "linux/types.h"
#include "linux/skbuff.h"

struct net;
struct net_device;

#define NDISC_ROUTER_SOLICITATION 133
#define NDISC_ROUTER_ADVERTISEMENT 134
#define NDISC_NEIGHBOUR_SOLICITATION 135
#define NDISC_NEIGHBOUR_ADVERTISEMENT 136
#define NDISC_REDIRECT 137

#define ND_OPT_SOURCE_LL_ADDR 1
#define ND_OPT_TARGET_LL_ADDR 2

/* struct nd_msg: the ICMPv6 header, the target, options */
struct nd_msg {
	u8 icmp6_type;
	u8 icmp6_code;
	__sum16 icmp6_cksum;
	__be32 icmp6_flags;		/* NA: R, S, O in the top bits */
	struct in6_addr target;
	u8 opt[];
};

#define ND_NA_ROUTER 0x80000000U
#define ND_NA_SOLICITED 0x40000000U
#define ND_NA_OVERRIDE 0x20000000U

#define ND_OPT_NONCE 14

/* net/ipv6/ndisc.c */
void ndisc_send_ns(struct net_device *dev, const struct in6_addr *target,
		   const struct in6_addr *daddr, const struct in6_addr *saddr, u64 nonce);
void ndisc_send_rs(struct net_device *dev, const struct in6_addr *saddr);
/* types 133-137 from icmpv6_rcv (consumes skb) */
int ndisc_rcv(struct sk_buff *skb);
int ndisc_net_init(struct net *net);
void ndisc_net_exit(struct net *net);

#endif
