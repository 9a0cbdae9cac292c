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

#ifndef RTPROT_RA
#define RTPROT_RA 9
#endif

#define ND_OPT_PREFIX_INFO 3
#define ND_OPT_REDIRECT_HDR 4
#define ND_OPT_MTU 5
#define ND_OPT_NONCE 14
#define ND_MAX_PREFIX_INFO 16

/* ndisc_parse_options(): the options of one message, checked (a zero or
 * overrunning length is invalid); the first of each single option kept */
struct ndisc_options {
	const u8 *src_lladdr, *tgt_lladdr, *mtu, *nonce, *rh;
	const u8 *pi[ND_MAX_PREFIX_INFO];
	int n_pi;
};

int ndisc_parse_options(const u8 *opt, unsigned int len, struct ndisc_options *o);
/* the checks ndisc_router_discovery makes before acting: 0 or a drop reason */
int ndisc_ra_check(const u8 *msg, unsigned int len, const struct in6_addr *saddr,
		   struct ndisc_options *o);

/* net/ipv6/ndisc.c */
void ndisc_send_ns(struct net_device *dev, const struct in6_addr *target,
		   const struct in6_addr *daddr, const struct in6_addr *saddr, u64 nonce);
void ndisc_send_rs(struct net_device *dev, const struct in6_addr *saddr);
/* types 133-137 from icmpv6_rcv (consumes skb) */
int ndisc_rcv(struct sk_buff *skb);
/* ip6_forward: skb goes back out the device it came in on: tell its
 * sender the better first hop, target (ndisc_send_redirect) */
void ndisc_send_redirect(struct sk_buff *skb, const struct in6_addr *target);
/* inet_peer_xrlim_allow() for IPv6 peers (net->ipv6.peers): one token per
 * timeout ns, a burst of six */
bool ip6_peer_xrlim_allow(struct net *net, const struct in6_addr *addr, u64 timeout);
int ndisc_net_init(struct net *net);
void ndisc_net_exit(struct net *net);

#endif
