/* dst_entry: the result of a route lookup attached to an skb (include/net/dst.h).
 * input is ip_local_deliver or ip_forward; output is ip_output. */
#ifndef SKBOX_NET_DST_H
#define SKBOX_NET_DST_H

#include "linux/types.h"
#include "linux/skbuff.h"

struct net;
struct sock;
struct net_device;
struct neighbour;
struct lwtunnel_state;

#define DST_NOXFRM 0x0002
#define DST_NOPOLICY 0x0004
#define DST_NOCOUNT 0x0008
#define DST_FAKE_RTABLE 0x0010
#define DST_XFRM_TUNNEL 0x0020
#define DST_XFRM_QUEUE 0x0040
#define DST_METADATA 0x0080
#define DST_HOST 0x0100

#define DST_OBSOLETE_NONE 0
#define DST_OBSOLETE_DEAD 2
#define DST_OBSOLETE_FORCE_CHK -1
#define DST_OBSOLETE_KILL -2

struct dst_entry {
	struct net_device *dev;
	int (*input)(struct sk_buff *skb);
	int (*output)(struct net *net, struct sock *sk, struct sk_buff *skb);
	void (*destroy)(struct dst_entry *dst);
	int refcnt;
	short error;			/* -errno for reject routes */
	short obsolete;
	unsigned short flags;
	unsigned int mtu;		/* 0: the device's */
	u64 expires;			/* 0: never; PMTU entries expire */
	u64 lastuse;
	u32 tclassid;
	struct lwtunnel_state *lwtstate;	/* the nexthop's encap (held), or NULL */
};

static inline void dst_hold(struct dst_entry *dst)
{
	dst->refcnt++;
}

void dst_release(struct dst_entry *dst);

static inline int dst_input(struct sk_buff *skb)
{
	return skb_dst(skb)->input(skb);
}

static inline int dst_output(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	return skb_dst(skb)->output(net, sk, skb);
}

unsigned int dst_mtu(const struct dst_entry *dst);

int dst_discard(struct sk_buff *skb);
int dst_discard_out(struct net *net, struct sock *sk, struct sk_buff *skb);

#endif
