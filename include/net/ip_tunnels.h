/* IPv4-in-IPv4 tunnels (include/net/ip_tunnels.h, net/ipv4/ipip.c):
 * `ip link add NAME type ipip [remote A] [local A] [ttl N] [tos T]
 * [[no]pmtudisc] [dev D]`, and the fallback device tunl0 that the ipip
 * module gives every namespace (here: the namespace where ipip is first
 * used), which takes every IPIP packet no other tunnel matches. */
#ifndef SKBOX_NET_IP_TUNNELS_H
#define SKBOX_NET_IP_TUNNELS_H

#include <stdbool.h>
#include "linux/types.h"

struct net_device;
struct world;

#define ARPHRD_TUNNEL 768

/* what IFLA_IPTUN_* attributes carry (a link_req's info_data for "ipip") */
struct ip_tunnel_parm {
	__be32 saddr, daddr;		/* local, remote; 0 = any */
	u8 ttl;				/* 0 = inherit */
	u8 tos;				/* 1 = inherit */
	bool pmtudisc;			/* DF on the outer header */
	int link;			/* dev PHYS_DEV */
};

struct ip_tunnel {
	struct net_device *dev;
	struct ip_tunnel_parm parms;
	bool fb;			/* tunl0 */
};

bool netif_is_ipip(const struct net_device *dev);
void ipip_proto_init(struct world *w);

#endif
