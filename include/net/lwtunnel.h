/* Lightweight tunnel state on a route's nexthop (include/net/lwtunnel.h,
 * include/uapi/linux/lwtunnel.h): `ip route add … encap ip|ip6 …` gives the
 * nexthop a tunnel key (id, src, dst, ttl/hoplimit, tos/tc, flags) that a
 * collect_md tunnel device would read from the route (skb_tunnel_info());
 * other devices send the packet as it is. */
#ifndef SKBOX_NET_LWTUNNEL_H
#define SKBOX_NET_LWTUNNEL_H

#include <netinet/in.h>
#include "linux/types.h"

struct net;
struct netlink_ext_ack;

/* enum lwtunnel_encap_types (uapi) */
enum lwtunnel_encap_types {
	LWTUNNEL_ENCAP_NONE,
	LWTUNNEL_ENCAP_MPLS,
	LWTUNNEL_ENCAP_IP,
	LWTUNNEL_ENCAP_ILA,
	LWTUNNEL_ENCAP_IP6,
	LWTUNNEL_ENCAP_SEG6,
	LWTUNNEL_ENCAP_BPF,
	LWTUNNEL_ENCAP_SEG6_LOCAL,
	LWTUNNEL_ENCAP_RPL,
	LWTUNNEL_ENCAP_IOAM6,
	LWTUNNEL_ENCAP_XFRM,
	__LWTUNNEL_ENCAP_MAX,
};
#define LWTUNNEL_ENCAP_MAX (__LWTUNNEL_ENCAP_MAX - 1)

/* LWTUNNEL_IP_FLAGS / LWTUNNEL_IP6_FLAGS: TUNNEL_* of the key (host order) */
#define TUNNEL_CSUM 0x01
#define TUNNEL_KEY 0x04
#define TUNNEL_SEQ 0x08

/* struct ip_tunnel_key, the part the ip and ip6 encaps set: what
 * RTA_ENCAP carries (LWTUNNEL_IP_* or LWTUNNEL_IP6_*); what it leaves out is 0 */
struct ip_tunnel_key {
	u64 tun_id;			/* LWTUNNEL_IP_ID, host order */
	__be32 src4, dst4;		/* LWTUNNEL_IP_SRC / _DST */
	struct in6_addr src6, dst6;	/* LWTUNNEL_IP6_SRC / _DST */
	u8 tos;				/* LWTUNNEL_IP_TOS, LWTUNNEL_IP6_TC */
	u8 ttl;				/* LWTUNNEL_IP_TTL, LWTUNNEL_IP6_HOPLIMIT */
	u16 tun_flags;			/* TUNNEL_KEY | TUNNEL_CSUM | TUNNEL_SEQ */
};

/* The request: RTA_ENCAP_TYPE and RTA_ENCAP of a route or of one nexthop */
struct lwtunnel_encap_cfg {
	u16 type;			/* LWTUNNEL_ENCAP_*, NONE: no encap */
	struct ip_tunnel_key key;
};

struct lwtunnel_state {
	u16 type;
	int refcnt;
	struct ip_tunnel_key key;	/* lwt_tun_info(): mode IP_TUNNEL_INFO_TX */
};

/* lwtunnel_valid_encap_type(): 0, or -EINVAL / -EOPNOTSUPP with Linux's
 * message for a type this kernel has no module for */
int lwtunnel_valid_encap_type(u16 type, struct netlink_ext_ack *extack);
/* lwtunnel_build_state(): a new state (reference 1) in *ts, NULL for NONE */
int lwtunnel_build_state(const struct lwtunnel_encap_cfg *cfg, struct lwtunnel_state **ts,
			 struct netlink_ext_ack *extack);
/* lwtunnel_cmp_encap(): 0 when a and b encapsulate the same way */
int lwtunnel_cmp_encap(const struct lwtunnel_state *a, const struct lwtunnel_state *b);
/* does the request's encap describe state (fib_encap_match)? */
bool lwtunnel_cfg_match(const struct lwtunnel_encap_cfg *cfg, const struct lwtunnel_state *ts);

static inline struct lwtunnel_state *lwtstate_get(struct lwtunnel_state *ts)
{
	if (ts)
		ts->refcnt++;
	return ts;
}

void lwtstate_put(struct lwtunnel_state *ts);

#endif
