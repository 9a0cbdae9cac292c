/* rtable: an IPv4 dst_entry (include/net/route.h) and the lookups that make
 * them: ip_route_input_noref() on receive, ip_route_output_key() on send. */
#ifndef SKBOX_NET_ROUTE_H
#define SKBOX_NET_ROUTE_H

#include "linux/types.h"
#include "net/dst.h"
#include "net/flow.h"
#include "net/ip_fib.h"

struct tcp_congestion_ops;

struct rtable {
	struct dst_entry dst;
	/* what route.c's rt_nh_usable() compares of a cached route, together */
	int rt_genid;
	unsigned int rt_flags;		/* RTCF_* */
	u16 rt_type;			/* RTN_* */
	u8 rt_is_input;
	u8 rt_uses_gateway;
	int rt_iif;
	u32 rt_table_id;		/* table and rule it came from (trace, ip route get) */
	u32 rt_rule_pref;
	u8 rt_gw_family;
	__be32 rt_gw4;
	struct in6_addr rt_gw6;		/* rt_gw_family AF_INET6: resolved by ndisc */
	u32 rt_mtu_locked:1, rt_pmtu:31;
	u32 rt_advmss;			/* the route's metrics, for ip route get */
	const struct tcp_congestion_ops *rt_congctl;
	bool rt_congctl_locked;
	__be32 rt_prefsrc;		/* chosen source for output routes */
};

static inline struct rtable *skb_rtable(const struct sk_buff *skb)
{
	return (struct rtable *)skb_dst(skb);
}

static inline void ip_rt_put(struct rtable *rt)
{
	if (rt)
		dst_release(&rt->dst);
}

static inline __be32 rt_nexthop(const struct rtable *rt, __be32 daddr)
{
	if (rt->rt_gw_family == 2 /* AF_INET */)
		return rt->rt_gw4;
	return daddr;
}

#define IPTOS_TOS_MASK 0x1E
#define IPTOS_RT_MASK (IPTOS_TOS_MASK & ~3)
#define RT_TOS(tos) ((tos) & IPTOS_TOS_MASK)

/* Returns 0 and sets skb's dst, or a negative errno; *reason says why a drop. */
int ip_route_input_noref(struct sk_buff *skb, __be32 daddr, __be32 saddr, u8 tos,
			 struct net_device *dev, enum skb_drop_reason *reason);
/* Returns an rtable with a reference held, or an ERR_PTR-style NULL with *err. */
struct rtable *ip_route_output_key(struct net *net, struct flowi4 *flp, int *err);
struct rtable *ip_route_output_flow(struct net *net, struct flowi4 *flp,
				    const struct sock *sk, int *err);
/* ip_route_output_flow() for a datagram socket's send or connect: a
 * broadcast route without SO_BROADCAST is refused with -EACCES, as
 * udp_sendmsg(), raw_sendmsg() and ping_v4_sendmsg() refuse it */
struct rtable *ip_route_output_dgram(struct net *net, struct flowi4 *flp,
				     const struct sock *sk, int *err);
void ipv4_update_pmtu(struct sk_buff *skb, struct net *net, u32 mtu, int oif,
		      u8 protocol);
void ipv4_sk_update_pmtu(struct sk_buff *skb, struct sock *sk, u32 mtu);
void ipv4_sk_redirect(struct sk_buff *skb, struct sock *sk);
void rt_flush_dev(struct net_device *dev);
void rt_cache_flush(struct net *net);
unsigned int ipv4_mtu(const struct dst_entry *dst);
void ip_rt_send_redirect(struct sk_buff *skb);
void ipv4_redirect(struct sk_buff *skb, struct net *net, int oif, u8 protocol);
__be32 ip_rt_get_source(struct sk_buff *skb, struct rtable *rt);

#endif
