/* IPv4 routing (net/ipv4/route.c): turns a FIB result into the dst_entry an
 * skb carries — input ip_local_deliver / ip_forward / ip_error, output
 * ip_output — caches those per namespace, and keeps the path-MTU
 * exceptions learned from ICMP "fragmentation needed" (net.ipv4.route.
 * mtu_expires, 600 s) that `ip route get` shows as "cache expires … mtu …". */
#include <errno.h>
#include <stdlib.h>
#include "linux/slab.h"
#include "linux/hash.h"
#include <string.h>
#include "linux/igmp.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/rtnetlink.h"
#include "net/world.h"
#include "net/trace.h"
#include "net/icmp.h"
#include "net/arp.h"
#include "net/neighbour.h"
#include "net/sock.h"
#include "net/nexthop.h"
#include "net/tcp.h"
#include "net/lwtunnel.h"

int ip_error(struct sk_buff *skb);
int ip_rt_bug(struct net *net, struct sock *sk, struct sk_buff *skb);

/* The keyed cache (a shortcut Linux does not have: it runs fib_lookup for
 * every packet) maps a flow's key to its rtable.  It starts at 16 slots and
 * doubles while more than a quarter are taken, up to 64: the rtables it
 * points to are the nexthops' shared ones, so a miss costs a FIB lookup,
 * not an allocation — and a small table stays in the CPU cache even in a
 * world of hundreds of namespaces each talking to a hundred peers, where a
 * table per destination cost more in cache misses than it saved
 * (sim-speed: 4096 slots 0.61 s, 64 slots 0.52 s, none 0.70 s of CPU). */
#define RT_CACHE_MIN 16
#define RT_CACHE_MAX 64
#define LOOPBACK_IFINDEX 1

struct rt_key {
	__be32 daddr, saddr;
	int iif, oif;
	u32 mark;
	u8 tos, input, scope;
	u32 hash;		/* rt_key_hash() of the fields above, made once */
};

struct rt_cache_entry {
	struct rt_key key;
	struct rtable *rt;
};

struct rt_net {
	unsigned int nr;			/* entries in use */
	unsigned int size;			/* slots; 0 until first use */
	u16 lookups, hits;			/* this window's, while on */
	u16 off;				/* windows left with the cache off */
	struct rt_cache_entry *cache;
	struct rtable *unreach;			/* the last no-route input route */
};

static const unsigned int rt_net_id = NETGEN_ROUTE;

static struct rt_net *rt_net(const struct net *net)
{
	return net_generic(net, rt_net_id);
}

/* ---- dst_entry basics (net/core/dst.c) ---- */
void dst_release(struct dst_entry *dst)
{
	struct rtable *rt = (struct rtable *)dst;

	if (!dst || --dst->refcnt)
		return;
	lwtstate_put(dst->lwtstate);
	if (dst->dev) {
		dev_net(dst->dev)->world->dst_live--;
		dev_put(dst->dev);
	}
	free(rt);
}

unsigned int dst_mtu(const struct dst_entry *dst)
{
	return ipv4_mtu(dst);
}

int dst_discard(struct sk_buff *skb)
{
	kfree_skb(skb);
	return 0;
}

int dst_discard_out(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)net;
	(void)sk;
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
	return 0;
}

int ip_rt_bug(struct net *net, struct sock *sk, struct sk_buff *skb)
{
	(void)net;
	(void)sk;
	kfree_skb(skb);
	return 0;
}

static struct rtable *rt_dst_alloc(struct net_device *dev, unsigned int flags, u16 type)
{
	struct rtable *rt;

	/* 64-byte aligned: the dst's first line, and rt_nh_usable()'s fields
	 * (include/net/route.h) at the start of the second */
	if (should_failslab() || posix_memalign((void **)&rt, 64, sizeof(*rt)))
		return NULL;
	memset(rt, 0, sizeof(*rt));
	rt->dst.dev = dev;
	dev_hold(dev);
	dev_net(dev)->world->dst_live++;
	rt->dst.refcnt = 1;
	rt->dst.output = ip_output;
	if (flags & RTCF_LOCAL)
		rt->dst.input = ip_local_deliver;
	else
		rt->dst.input = dst_discard;
	rt->rt_genid = rt_genid_ipv4(dev_net(dev));
	rt->rt_flags = flags;
	rt->rt_type = type;
	return rt;
}

/* ---- the route cache ---- */
/* One avalanche mix over the fields folded together (the source turned
 * by half a word, so that a → b and b → a differ), not one per field:
 * every forwarded packet hashes its key, and a collision costs only a
 * miss. */
static unsigned int rt_key_hash(const struct rt_key *k)
{
	u32 misc = (u32)k->iif ^ (u32)k->oif << 12 ^ (u32)k->tos << 24 ^
		   (u32)k->input << 30 ^ (u32)k->scope << 20;

	return hash_mix32(k->daddr ^ (k->saddr >> 16 | k->saddr << 16) ^
			  (misc + k->mark) * 0x9e3779b9u);
}

void rt_cache_flush(struct net *net)
{
	struct rt_net *rn = rt_net(net);

	if (!rn)		/* namespace still being set up */
		return;
	rt_genid_bump_ipv4(net);
	ip_rt_put(rn->unreach);
	rn->unreach = NULL;
	for (unsigned int i = 0; rn->nr && i < rn->size; i++) {
		if (rn->cache[i].rt) {
			ip_rt_put(rn->cache[i].rt);
			rn->cache[i].rt = NULL;
			rn->nr--;
		}
	}
}

void rt_flush_dev(struct net_device *dev)
{
	rt_cache_flush(dev_net(dev));
}

/* A namespace whose flows outnumber the slots (sim-speed: 99 peers each,
 * 64 slots) misses nearly every time, and each miss costs a slot's cache
 * line and an eviction.  So the cache measures itself over windows of
 * RT_CACHE_WINDOW lookups: fewer than one hit in eight turns it off (no
 * get, no put) for the next RT_CACHE_OFF windows, then it measures again.
 * Invisible but in speed: a hit returns what the slow path would. */
#define RT_CACHE_WINDOW 256
#define RT_CACHE_OFF 15

static bool rt_cache_on(struct rt_net *rn)
{
	if (rn->off) {
		if (++rn->lookups == RT_CACHE_WINDOW) {
			rn->lookups = 0;
			rn->off--;
		}
		return false;
	}
	if (++rn->lookups == RT_CACHE_WINDOW) {
		if (rn->hits < RT_CACHE_WINDOW / 8)
			rn->off = RT_CACHE_OFF;
		rn->lookups = rn->hits = 0;
	}
	return true;
}

/* Makes the key's hash (once: the put after a miss reuses it) */
static struct rtable *rt_cache_get(struct net *net, struct rt_key *k)
{
	struct rt_net *rn = rt_net(net);
	struct rt_cache_entry *e;

	if (!rt_cache_on(rn))
		return NULL;
	k->hash = rt_key_hash(k);
	if (!rn->nr)
		return NULL;
	e = &rn->cache[k->hash & (rn->size - 1)];
	if (e->rt && !memcmp(&e->key, k, sizeof(*k)) && !e->rt->dst.obsolete &&
	    (!e->rt->dst.expires || e->rt->dst.expires > net->world->now)) {
		dst_hold(&e->rt->dst);
		rn->hits++;
		return e->rt;
	}
	return NULL;
}

/* Doubles the table (or makes the first one); entries move to their new
 * slots, the losers of a collision are released. */
static int rt_cache_grow(struct rt_net *rn)
{
	unsigned int size = rn->size ? rn->size * 2 : RT_CACHE_MIN;
	struct rt_cache_entry *n = kcalloc(size, sizeof(*n));

	if (!n)
		return rn->size ? 0 : -ENOMEM;
	for (unsigned int i = 0; i < rn->size; i++) {
		struct rt_cache_entry *o = &rn->cache[i], *d;

		if (!o->rt)
			continue;
		d = &n[o->key.hash & (size - 1)];
		if (d->rt) {
			ip_rt_put(o->rt);
			rn->nr--;
			continue;
		}
		*d = *o;
	}
	free(rn->cache);
	rn->cache = n;
	rn->size = size;
	return 0;
}

static void rt_cache_put(struct net *net, const struct rt_key *k, struct rtable *rt)
{
	struct rt_net *rn = rt_net(net);
	struct rt_cache_entry *e;

	u32 hash;

	if (rn->off)
		return;
	/* 0: the get before this one was in a window with the cache off */
	hash = k->hash ? k->hash : rt_key_hash(k);
	if ((rn->nr + 1) * 4 > rn->size && rn->size < RT_CACHE_MAX && rt_cache_grow(rn))
		return;
	e = &rn->cache[hash & (rn->size - 1)];
	if (e->rt)
		ip_rt_put(e->rt);
	else
		rn->nr++;
	e->key = *k;
	e->key.hash = hash;
	dst_hold(&rt->dst);
	e->rt = rt;
}

/* ---- the per-nexthop cache (nh_rth_input / nh_rth_output) ----
 * As Linux since 3.6: a route that does not depend on its destination (no
 * PMTU exception for it, no redirect to send) is kept on the nexthop that
 * made it, so every destination behind one nexthop shares one rtable — the
 * keyed cache above then holds pointers to a handful of rtables, not one
 * per peer (sim-speed: 100 namespaces × 99 peers).  A cached rtable is
 * used while the namespace's genid is unchanged and the fields that depend
 * on the flow (input device, chosen source, rule) are the same. */
static struct rtable **rt_nh_slot(struct net *net, const struct fib_result *res,
				  __be32 daddr, bool input)
{
	struct fib_nh *nh;

	if (!res->fi || !FIB_RES_NHC(*res))
		return NULL;
	nh = FIB_RES_NHC(*res);
	if (nh->nh_exceptions && find_exception(nh, daddr, net->world->now))
		return NULL;
	return input ? &nh->nh_rth_input : &nh->nh_rth_output;
}

static bool rt_nh_usable(struct net *net, const struct rtable *rt, struct net_device *dev,
			 unsigned int flags, u16 type, const struct fib_result *res)
{
	return rt && rt->rt_genid == rt_genid_ipv4(net) && !rt->dst.obsolete &&
	       rt->dst.dev == dev && rt->rt_flags == flags && rt->rt_type == type &&
	       rt->rt_rule_pref == res->rule_pref &&
	       rt->rt_table_id == fib_res_table_id(res);
}

static void rt_nh_store(struct rtable **slot, struct rtable *rt)
{
	if (!slot)
		return;
	dst_hold(&rt->dst);
	ip_rt_put(*slot);
	*slot = rt;
}

static void rt_key_init(struct rt_key *k)
{
	memset(k, 0, sizeof(*k));
}

/* ---- path MTU exceptions: kept on the nexthop (fib_nh_exception) ---- */
/* __ip_rt_update_pmtu(): remember a smaller MTU for fl4's destination on
 * the nexthop the flow takes (the table of its rule) — on every path of a
 * multipath route, as Linux does (the next packet may hash to another).
 * Below route.min_pmtu (552) the exception is min_pmtu, locked: later
 * reports are ignored and DF is no longer set. */
static void __ip_rt_update_pmtu(struct net *net, struct rtable *rt, struct flowi4 *fl4,
				u32 mtu)
{
	u64 now = net->world->now, expires_ns;
	u32 min = (u32)net->ipv4.sysctl_ip_min_pmtu, old_mtu;
	struct fib_result res;
	bool lock = false;

	if (rt->rt_mtu_locked || (rt->rt_flags & RTCF_LOCAL))
		return;
	old_mtu = ipv4_mtu(&rt->dst);
	if (old_mtu < mtu)
		return;
	if (mtu < min) {
		lock = true;
		mtu = old_mtu < min ? old_mtu : min;
	}
	expires_ns = (u64)net->ipv4.sysctl_ip_rt_mtu_expires * NSEC_PER_SEC;
	if (rt->rt_pmtu == mtu && !lock && now + expires_ns / 2 < rt->dst.expires)
		return;
	if (fib_lookup(net, fl4, &res, 0) || !res.fi || res.type != RTN_UNICAST)
		return;
	fib_select_path(net, &res, fl4);
	if (res.fi->fib_nhs > 1) {
		for (int i = 0; i < res.fi->fib_nhs; i++)
			fib_insert_exception(&res.fi->fib_nh[i], fl4->daddr, mtu, lock, 0,
					     now + expires_ns);
	} else {
		fib_insert_exception(FIB_RES_NHC(res), fl4->daddr, mtu, lock, 0, now + expires_ns);
	}
	rt_cache_flush(net);
}

/* __build_flow_key() from the quoted header: the flow the packet took */
static void rt_flow_from_quote(struct flowi4 *fl4, const struct sk_buff *skb, int oif,
			       u8 tos, u8 protocol, u32 mark)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;

	memset(fl4, 0, sizeof(*fl4));
	fl4->daddr = iph->daddr;
	fl4->saddr = iph->saddr;
	fl4->flowi4_oif = oif;
	fl4->flowi4_tos = tos & IPTOS_RT_MASK;
	fl4->flowi4_proto = protocol;
	fl4->flowi4_mark = mark;
}

static void rt_update_pmtu_flow(struct net *net, struct flowi4 *fl4, u32 mtu)
{
	struct flowi4 key = *fl4;
	struct rtable *rt;
	int err;

	rt = ip_route_output_key(net, &key, &err);
	if (!rt)
		return;
	__ip_rt_update_pmtu(net, rt, fl4, mtu);
	ip_rt_put(rt);
}

void ipv4_update_pmtu(struct sk_buff *skb, struct net *net, u32 mtu, int oif, u8 protocol)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	struct flowi4 fl4;

	rt_flow_from_quote(&fl4, skb, oif, iph->tos, protocol, skb->mark);
	rt_update_pmtu_flow(net, &fl4, mtu);
}

/* ipv4_sk_update_pmtu(): the same with the socket's TOS, device and mark */
void ipv4_sk_update_pmtu(struct sk_buff *skb, struct sock *sk, u32 mtu)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	struct flowi4 fl4;

	rt_flow_from_quote(&fl4, skb, sk->sk_bound_dev_if, sk->tos, iph->protocol, sk->sk_mark);
	rt_update_pmtu_flow(sock_net(sk), &fl4, mtu);
}

unsigned int ipv4_mtu(const struct dst_entry *dst)
{
	const struct rtable *rt = (const struct rtable *)dst;
	unsigned int mtu = rt->rt_pmtu;

	if (!mtu || (dst->expires && dst->expires <= dev_net(dst->dev)->world->now))
		mtu = dst->mtu;
	if (!mtu)
		mtu = dst->dev->mtu;
	if (!mtu || mtu > IP_MAX_MTU)
		mtu = IP_MAX_MTU;
	return mtu;
}

/* An exception's PMTU and redirected gateway, onto a route for its daddr */
static void fill_route_from_fnhe(struct rtable *rt, const struct fib_nh_exception *fnhe)
{
	rt->rt_pmtu = fnhe->fnhe_pmtu;
	rt->rt_mtu_locked = fnhe->fnhe_mtu_locked;
	rt->dst.expires = fnhe->fnhe_expires;
	if (fnhe->fnhe_gw) {
		rt->rt_flags |= RTCF_REDIRECTED;
		rt->rt_uses_gateway = 1;
		rt->rt_gw_family = 2 /* AF_INET */;
		rt->rt_gw4 = fnhe->fnhe_gw;
	}
}

/* ---- ICMP redirects: exceptions too (__ip_do_redirect) ----
 * A redirect is believed for ip_rt_gc_timeout (RT_GC_TIMEOUT, 300 s): a
 * knob of the initial namespace only in Linux, so a constant here. */
#define IP_RT_GC_TIMEOUT (300 * NSEC_PER_SEC)

static bool ip_redirect_acceptable(struct net *net, struct in_device *in_dev,
				   __be32 new_gw, __be32 old_gw)
{
	if (new_gw == old_gw || !IN_DEV_RX_REDIRECTS(in_dev) || ipv4_is_multicast(new_gw) ||
	    ipv4_is_lbcast(new_gw) || ipv4_is_zeronet(new_gw))
		return false;
	/* shared_media (on by default): any unicast address will do */
	if (IN_DEV_SHARED_MEDIA(in_dev))
		return inet_addr_type(net, new_gw) == RTN_UNICAST;
	if (!inet_addr_onlink(in_dev, new_gw, old_gw))
		return false;
	/* secure_redirects: only to a gateway some route of ours names */
	return !(IN_DEV_SEC_REDIRECTS(in_dev) && ip_fib_check_default(new_gw, in_dev->dev));
}

/* __ip_do_redirect(): the gateway that reaches fl4->daddr (the router that
 * sent this redirect) says new_gw is the better hop.  Taken only when the
 * new gateway's link-layer address is known; otherwise it is asked for
 * (ARP) and the redirect dropped, as Linux does: the router repeats it. */
static void __ip_do_redirect(struct rtable *rt, struct sk_buff *skb, struct flowi4 *fl4)
{
	__be32 new_gw = icmp_hdr(skb)->un.gateway;
	__be32 old_gw = ip_hdr(skb)->saddr;
	struct net_device *dev = skb->dev;
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	struct net *net = dev_net(dev);
	struct fib_result res;
	struct neighbour *n;

	switch (icmp_hdr(skb)->code & 7) {
	case ICMP_REDIR_NET:
	case ICMP_REDIR_HOST:
	case ICMP_REDIR_NETTOS:
	case ICMP_REDIR_HOSTTOS:
		break;
	default:
		return;
	}
	if (!rt->rt_uses_gateway || rt->rt_gw4 != old_gw || !in_dev)
		return;
	if (!ip_redirect_acceptable(net, in_dev, new_gw, old_gw))
		return;
	n = ipv4_neigh_lookup_create(rt->dst.dev, new_gw);
	if (!n)
		return;
	if (!(n->nud_state & NUD_VALID)) {
		__neigh_event_send(n, NULL);
	} else if (!fib_lookup(net, fl4, &res, 0) && res.fi) {
		fib_select_path(net, &res, fl4);
		fib_insert_exception(FIB_RES_NHC(res), fl4->daddr, 0, false, new_gw,
				     net->world->now + IP_RT_GC_TIMEOUT);
		rt_cache_flush(net);
	}
	neigh_release(n);
}

static void rt_redirect_flow(struct net *net, struct sk_buff *skb, struct flowi4 *fl4)
{
	struct flowi4 key = *fl4;
	struct rtable *rt;
	int err;

	rt = ip_route_output_key(net, &key, &err);
	if (!rt)
		return;
	__ip_do_redirect(rt, skb, fl4);
	ip_rt_put(rt);
}

/* ipv4_redirect(): skb->data is the quoted header of our packet that the
 * redirect is about; the route it took is looked up again */
void ipv4_redirect(struct sk_buff *skb, struct net *net, int oif, u8 protocol)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	struct flowi4 fl4;

	rt_flow_from_quote(&fl4, skb, oif, iph->tos, protocol, skb->mark);
	rt_redirect_flow(net, skb, &fl4);
}

void ipv4_sk_redirect(struct sk_buff *skb, struct sock *sk)
{
	const struct iphdr *iph = (const struct iphdr *)skb->data;
	struct flowi4 fl4;

	rt_flow_from_quote(&fl4, skb, sk->sk_bound_dev_if, sk->tos, iph->protocol, sk->sk_mark);
	rt_redirect_flow(sock_net(sk), skb, &fl4);
}

/* rt_set_nexthop(): gateway, metrics and any exception (PMTU, redirect) for daddr */
static void rt_set_nexthop(struct net *net, struct rtable *rt, __be32 daddr,
			   const struct fib_result *res)
{
	struct fib_nh_exception *fnhe = NULL;

	if (res->fi) {
		struct fib_nh *nh = FIB_RES_NHC(*res);

		if ((nh->fib_nh_gw4 || nh->fib_nh_gw_family == AF_INET6) &&
		    nh->fib_nh_scope == RT_SCOPE_LINK) {
			rt->rt_uses_gateway = 1;
			rt->rt_gw_family = nh->fib_nh_gw_family;
			if (nh->fib_nh_gw_family == AF_INET6)
				rt->rt_gw6 = nh->fib_nh_gw6;	/* RFC 5549 */
			else
				rt->rt_gw4 = nh->fib_nh_gw4;
		}
		rt->dst.mtu = res->fi->fib_mtu;
		rt->rt_mtu_locked = res->fi->fib_mtu_locked;
		rt->rt_advmss = res->fi->fib_advmss;
		rt->rt_congctl = res->fi->fib_congctl;
		rt->rt_congctl_locked = res->fi->fib_congctl_locked;
		rt->rt_table_id = fib_res_table_id(res);
		rt->dst.lwtstate = lwtstate_get(nh->fib_nh_lws);
		if (rt->rt_type == RTN_UNICAST)
			fnhe = find_exception(nh, daddr, net->world->now);
	}
	if (fnhe)
		fill_route_from_fnhe(rt, fnhe);
}

/* ---- input routes (ip_route_input_slow) ---- */
struct rt_input {
	struct sk_buff *skb;
	__be32 daddr, saddr;
	u8 tos;
	struct net_device *dev;
	struct in_device *in_dev;
	struct fib_result res;
	enum skb_drop_reason *reason;
};

/* the fields of an input route that come from the flow */
static void rt_input_set(struct rt_input *in, struct rtable *rt)
{
	rt->rt_is_input = 1;
	rt->rt_iif = in->dev->ifindex;
	rt->rt_rule_pref = in->res.rule_pref;
	if (in->res.table)
		rt->rt_table_id = fib_res_table_id(&in->res);
}

/* rt is new (its fields set here) or shared from a nexthop (already set) */
static int rt_input_finish(struct rt_input *in, struct rtable *rt, bool cache,
			   const struct rt_key *k)
{
	struct net *net = dev_net(in->dev);

	if (!rt->rt_is_input)
		rt_input_set(in, rt);
	if (cache && k)
		rt_cache_put(net, k, rt);
	skb_dst_set(in->skb, &rt->dst);
	return 0;
}

/* no_route: an input route whose input is ip_error.  Linux allocates one
 * per packet; here the last one is kept and shared while the input device
 * and the error are the same (an ARP request flooded to a hundred
 * namespaces costs each a route lookup for a target that is not theirs). */
static int rt_unreach_input(struct rt_input *in, struct net_device *dev, int err)
{
	struct rt_net *rn = rt_net(dev_net(in->dev));
	struct rtable *rt = rn->unreach;

	if (rt && rt->rt_genid == rt_genid_ipv4(dev_net(in->dev)) && !rt->dst.obsolete &&
	    rt->dst.dev == dev &&
	    rt->rt_iif == in->dev->ifindex && rt->dst.error == (short)-err &&
	    rt->rt_rule_pref == in->res.rule_pref) {
		dst_hold(&rt->dst);
		skb_dst_set(in->skb, &rt->dst);
		return 0;
	}
	rt = rt_dst_alloc(dev, 0, RTN_UNREACHABLE);
	if (!rt)
		return -ENOBUFS;
	rt->dst.output = ip_rt_bug;
	rt->dst.input = ip_error;
	rt->dst.error = (short)-err;
	rt_input_set(in, rt);
	ip_rt_put(rn->unreach);
	dst_hold(&rt->dst);
	rn->unreach = rt;
	skb_dst_set(in->skb, &rt->dst);
	return 0;
}

/* local_input / brd_input / no_route: a route to ourselves, or ip_error */
static int rt_local_input(struct rt_input *in, unsigned int flags, int err,
			  const struct rt_key *k)
{
	struct net *net = dev_net(in->dev);
	struct net_device *dev = net->loopback_dev;
	struct rtable *rt;

	/* ip_rt_get_dev(): the route's device, else lo */
	if (in->res.fi && FIB_RES_NHC(in->res) && FIB_RES_DEV(in->res))
		dev = FIB_RES_DEV(in->res);
	if (in->res.type == RTN_LOCAL && !flags) {
		struct rtable **slot = rt_nh_slot(net, &in->res, in->daddr, true);

		if (slot && rt_nh_usable(net, *slot, dev, RTCF_LOCAL, RTN_LOCAL, &in->res) &&
		    (*slot)->rt_iif == in->dev->ifindex) {
			dst_hold(&(*slot)->dst);
			return rt_input_finish(in, *slot, true, k);
		}
		rt = rt_dst_alloc(dev, RTCF_LOCAL, RTN_LOCAL);
		if (!rt)
			return -ENOBUFS;
		rt->dst.output = ip_rt_bug;
		rt_input_set(in, rt);
		rt_nh_store(slot, rt);
		return rt_input_finish(in, rt, true, k);
	}
	if (in->res.type == RTN_UNREACHABLE)
		return rt_unreach_input(in, dev, err);
	rt = rt_dst_alloc(dev, flags | RTCF_LOCAL, in->res.type);
	if (!rt)
		return -ENOBUFS;
	rt->dst.output = ip_rt_bug;
	return rt_input_finish(in, rt, true, k);
}

static int rt_mkroute_input(struct rt_input *in, const struct rt_key *k)
{
	struct net *net = dev_net(in->dev);
	struct rtable **slot = NULL;
	struct net_device *out_dev = FIB_RES_DEV(in->res);
	struct in_device *out_in = __in_dev_get_rtnl(out_dev);
	unsigned int flags = 0;
	struct rtable *rt;
	u32 itag = 0;
	int err;

	if (!out_in)
		return -EINVAL;
	err = fib_validate_source(in->skb, in->saddr, in->daddr, in->tos,
				  out_dev->ifindex, in->dev, in->in_dev, &itag);
	if (err < 0) {
		*in->reason = err == -EXDEV ? SKB_DROP_REASON_IP_RPFILTER :
					      SKB_DROP_REASON_IP_INADDRERRORS;
		return err;
	}
	if (out_in == in->in_dev && err && IN_DEV_TX_REDIRECTS(out_in) &&
	    in->skb->protocol == htons(ETH_P_IP)) {
		__be32 gw = FIB_RES_NHC(in->res)->fib_nh_gw4;

		if (IN_DEV_SHARED_MEDIA(out_in) || inet_addr_onlink(out_in, in->saddr, gw))
			IPCB(in->skb)->flags |= IPSKB_DOREDIRECT;
	}
	if (in->skb->protocol != htons(ETH_P_IP) && out_in == in->in_dev)
		return -EINVAL;		/* ARP: no proxying back out the same link */
	if (!(IPCB(in->skb)->flags & IPSKB_DOREDIRECT))
		slot = rt_nh_slot(net, &in->res, in->daddr, true);
	if (slot && rt_nh_usable(net, *slot, out_dev, flags, in->res.type, &in->res) &&
	    (*slot)->rt_iif == in->dev->ifindex) {
		dst_hold(&(*slot)->dst);
		return rt_input_finish(in, *slot, true, k);
	}
	rt = rt_dst_alloc(out_dev, flags, in->res.type);
	if (!rt)
		return -ENOBUFS;
	rt->dst.input = ip_forward;
	rt_set_nexthop(net, rt, in->daddr, &in->res);
	rt_input_set(in, rt);
	rt_nh_store(slot, rt);
	return rt_input_finish(in, rt, !(IPCB(in->skb)->flags & IPSKB_DOREDIRECT), k);
}

static int rt_martian(struct rt_input *in, enum skb_drop_reason reason)
{
	*in->reason = reason;
	return -EINVAL;
}

/* The ports fib_multipath_hash() policy 1 needs, from the packet
 * (the flow dissector's job in Linux); fragments after the first have none. */
static void rt_input_flow_l4(const struct sk_buff *skb, struct flowi4 *fl4)
{
	const struct iphdr *iph = ip_hdr(skb);
	unsigned int off = (unsigned int)iph->ihl * 4;
	const __be16 *ports;

	fl4->flowi4_proto = iph->protocol;
	if ((iph->protocol != IPPROTO_TCP && iph->protocol != IPPROTO_UDP) ||
	    (ntohs(iph->frag_off) & IP_OFFSET) || skb_headlen(skb) < off + 4)
		return;
	ports = (const __be16 *)((const u8 *)iph + off);
	fl4->fl4_sport = ports[0];
	fl4->fl4_dport = ports[1];
}

/* ip_mkroute_input(): a multipath route picks its nexthop by the flow's
 * hash; with the L4 policy the keyed cache (not keyed on ports) is skipped */
static int rt_mkroute_input_mp(struct rt_input *in, struct flowi4 *fl4, const struct rt_key *k)
{
	struct net *net = dev_net(in->dev);

	if (!in->res.fi || in->res.fi->fib_nhs < 2 || in->skb->protocol != htons(ETH_P_IP))
		return rt_mkroute_input(in, k);
	if (net->ipv4.sysctl_fib_multipath_hash_policy & 1) {
		rt_input_flow_l4(in->skb, fl4);
		k = NULL;
	}
	fib_select_multipath(&in->res, fib_multipath_hash(net, fl4));
	return rt_mkroute_input(in, k);
}

static int rt_input_lookup(struct rt_input *in, const struct rt_key *k)
{
	struct net *net = dev_net(in->dev);
	struct flowi4 fl4 = {
		.flowi4_iif = in->dev->ifindex, .flowi4_mark = in->skb->mark,
		.flowi4_tos = in->tos, .flowi4_scope = RT_SCOPE_UNIVERSE,
		.daddr = in->daddr, .saddr = in->saddr,
	};
	u32 itag = 0;
	int err;

	err = fib_lookup(net, &fl4, &in->res, 0);
	if (err) {
		if (!IN_DEV_FORWARD(in->in_dev))
			err = -EHOSTUNREACH;
		goto no_route;
	}
	if (in->res.type == RTN_BROADCAST)
		goto brd_input;
	if (in->res.type == RTN_LOCAL) {
		err = fib_validate_source(in->skb, in->saddr, in->daddr, in->tos, 0, in->dev,
					  in->in_dev, &itag);
		if (err < 0) {
			*in->reason = err == -EXDEV ? SKB_DROP_REASON_IP_RPFILTER :
						      SKB_DROP_REASON_IP_INADDRERRORS;
			return err;
		}
		return rt_local_input(in, 0, 0, k);
	}
	if (!IN_DEV_FORWARD(in->in_dev)) {
		err = -EHOSTUNREACH;
		goto no_route;
	}
	if (in->res.type != RTN_UNICAST)
		return rt_martian(in, SKB_DROP_REASON_IP_INADDRERRORS);
	return rt_mkroute_input_mp(in, &fl4, k);
brd_input:
	if (in->skb->protocol != htons(ETH_P_IP))
		return -EINVAL;
	if (!ipv4_is_zeronet(in->saddr)) {
		err = fib_validate_source(in->skb, in->saddr, 0, in->tos, 0, in->dev,
					  in->in_dev, &itag);
		if (err < 0)
			return rt_martian(in, SKB_DROP_REASON_IP_INADDRERRORS);
	}
	in->res.type = RTN_BROADCAST;
	return rt_local_input(in, RTCF_BROADCAST, 0, k);
no_route:
	in->res.type = RTN_UNREACHABLE;
	in->res.fi = NULL;
	in->res.table = NULL;
	return rt_local_input(in, 0, err, k);
}

/* ip_route_input_rcu()'s multicast branch and ip_route_input_mc(): a group
 * the device joined (ip_check_mc_rcu) is delivered locally, on an uncached
 * route; any other group is dropped (no multicast routing here). */
static int ip_route_input_mc(struct rt_input *in, u8 proto)
{
	u32 itag = 0;
	struct rtable *rt;

	if (!ip_check_mc_rcu(in->in_dev, in->daddr, in->saddr, proto))
		return rt_martian(in, SKB_DROP_REASON_NOT_SPECIFIED);
	if (ipv4_is_multicast(in->saddr) || ipv4_is_lbcast(in->saddr) ||
	    (ipv4_is_loopback(in->saddr) && !IN_DEV_ROUTE_LOCALNET(in->in_dev)))
		return rt_martian(in, SKB_DROP_REASON_IP_INADDRERRORS);
	if (ipv4_is_zeronet(in->saddr)) {
		if (!ipv4_is_local_multicast(in->daddr) && proto != IPPROTO_IGMP)
			return rt_martian(in, SKB_DROP_REASON_IP_INADDRERRORS);
	} else if (fib_validate_source(in->skb, in->saddr, 0, in->tos, 0, in->dev, in->in_dev,
				       &itag) < 0) {
		return rt_martian(in, SKB_DROP_REASON_IP_INADDRERRORS);
	}
	rt = rt_dst_alloc(dev_net(in->dev)->loopback_dev, RTCF_MULTICAST | RTCF_LOCAL,
			  RTN_MULTICAST);
	if (!rt)
		return -ENOBUFS;
	rt->dst.output = ip_rt_bug;
	rt_input_set(in, rt);
	skb_dst_set(in->skb, &rt->dst);
	return 0;
}

/* The checks and the FIB lookup of a route the keyed cache does not hold
 * (kp: its key, to cache the result under; NULL for ARP's lookups) */
static int ip_route_input_slow(struct sk_buff *skb, __be32 daddr, __be32 saddr, u8 tos,
			       struct net_device *dev, struct in_device *in_dev,
			       enum skb_drop_reason *reason, const struct rt_key *kp)
{
	struct rt_input in = { .skb = skb, .daddr = daddr, .saddr = saddr,
			       .tos = tos & IPTOS_RT_MASK, .dev = dev,
			       .in_dev = in_dev, .reason = reason };

	if (ipv4_is_multicast(saddr) || ipv4_is_lbcast(saddr))
		return rt_martian(&in, SKB_DROP_REASON_IP_INADDRERRORS);
	if (ipv4_is_lbcast(daddr) || (saddr == 0 && daddr == 0)) {
		memset(&in.res, 0, sizeof(in.res));
		in.res.type = RTN_BROADCAST;
		return rt_local_input(&in, RTCF_BROADCAST, 0, kp);
	}
	if (ipv4_is_zeronet(saddr))
		return rt_martian(&in, SKB_DROP_REASON_IP_INADDRERRORS);
	if (ipv4_is_zeronet(daddr))
		return rt_martian(&in, SKB_DROP_REASON_IP_INADDRERRORS);
	if (ipv4_is_loopback(daddr) && !IN_DEV_ROUTE_LOCALNET(in.in_dev))
		return rt_martian(&in, SKB_DROP_REASON_IP_INADDRERRORS);
	if (!ipv4_is_loopback(daddr) && ipv4_is_loopback(saddr) &&
	    !IN_DEV_ROUTE_LOCALNET(in.in_dev))
		return rt_martian(&in, SKB_DROP_REASON_IP_INADDRERRORS);
	return rt_input_lookup(&in, kp);
}

int ip_route_input_noref(struct sk_buff *skb, __be32 daddr, __be32 saddr, u8 tos,
			 struct net_device *dev, enum skb_drop_reason *reason)
{
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	enum skb_drop_reason dummy;
	const struct rt_key *kp = NULL;
	struct rt_key k;
	struct rtable *rt;

	if (!reason)
		reason = &dummy;
	*reason = SKB_DROP_REASON_NOT_SPECIFIED;
	if (!in_dev)
		return -EINVAL;
	/* ARP's lookups (arp_process: is the target ours?) skip the keyed
	 * cache: a flooded request asks every namespace once about an
	 * address that is not its own, and would only evict IP flows */
	if (skb->protocol == htons(ETH_P_IP)) {
		if (ipv4_is_multicast(daddr)) {
			struct rt_input in = { .skb = skb, .daddr = daddr, .saddr = saddr,
					       .tos = tos & IPTOS_RT_MASK, .dev = dev,
					       .in_dev = in_dev, .reason = reason };

			return ip_route_input_mc(&in, ip_hdr(skb)->protocol);
		}
		rt_key_init(&k);
		k.daddr = daddr;
		k.saddr = saddr;
		k.iif = dev->ifindex;
		k.mark = skb->mark;
		k.tos = tos & IPTOS_RT_MASK;
		k.input = 1;
		rt = rt_cache_get(dev_net(dev), &k);
		if (rt) {
			skb_dst_set(skb, &rt->dst);
			return 0;
		}
		kp = &k;
	}
	return ip_route_input_slow(skb, daddr, saddr, tos, dev, in_dev, reason, kp);
}

/* ---- output routes (ip_route_output_key_hash_rcu) ---- */
static struct rtable *rt_mkroute_output(struct net *net, struct fib_result *res,
					struct flowi4 *fl4, int orig_oif,
					struct net_device *dev_out, unsigned int flags,
					int *err)
{
	struct in_device *in_dev = __in_dev_get_rtnl(dev_out);
	struct rtable **slot = NULL;
	u16 type = res->type;
	struct rtable *rt;

	*err = -EINVAL;
	if (!in_dev)
		return NULL;
	/* the address first: the device's conf line is read only for 127/8 */
	if (ipv4_is_loopback(fl4->saddr) && !IN_DEV_ROUTE_LOCALNET(in_dev) &&
	    !(dev_out->flags & IFF_LOOPBACK))
		return NULL;
	if (ipv4_is_lbcast(fl4->daddr))
		type = RTN_BROADCAST;
	else if (ipv4_is_multicast(fl4->daddr))
		type = RTN_MULTICAST;
	else if (ipv4_is_zeronet(fl4->daddr))
		return NULL;
	if (dev_out->flags & IFF_LOOPBACK)
		flags |= RTCF_LOCAL;
	if (type == RTN_BROADCAST) {
		flags |= RTCF_BROADCAST | RTCF_LOCAL;
		res->fi = NULL;
	} else if (type == RTN_MULTICAST) {
		flags |= RTCF_MULTICAST | RTCF_LOCAL;
		if (!ip_check_mc_rcu(in_dev, fl4->daddr, fl4->saddr, fl4->flowi4_proto))
			flags &= ~RTCF_LOCAL;	/* not a member: no copy for us */
		res->fi = NULL;
	}
	if (!(flags & (RTCF_BROADCAST | RTCF_MULTICAST)))
		slot = rt_nh_slot(net, res, fl4->daddr, false);
	if (slot && rt_nh_usable(net, *slot, dev_out, flags, type, res) &&
	    (*slot)->rt_iif == orig_oif && (*slot)->rt_prefsrc == fl4->saddr) {
		dst_hold(&(*slot)->dst);
		*err = 0;
		return *slot;
	}
	*err = -ENOBUFS;
	rt = rt_dst_alloc(dev_out, flags, type);
	if (!rt)
		return NULL;
	rt->rt_iif = orig_oif;
	rt->rt_prefsrc = fl4->saddr;
	rt->rt_rule_pref = res->rule_pref;
	rt->rt_table_id = fib_res_table_id(res);
	if ((flags & (RTCF_BROADCAST | RTCF_MULTICAST)) && !(dev_out->flags & IFF_LOOPBACK))
		rt->dst.output = ip_mc_output;
	rt_set_nexthop(net, rt, fl4->daddr, res);
	rt_nh_store(slot, rt);
	*err = 0;
	return rt;
}

static struct net_device *rt_output_check_saddr(struct net *net, struct flowi4 *fl4,
						int *err)
{
	struct net_device *dev;

	if (ipv4_is_multicast(fl4->saddr) || ipv4_is_lbcast(fl4->saddr) ||
	    ipv4_is_zeronet(fl4->saddr)) {
		*err = -EINVAL;
		return NULL;
	}
	*err = -ENETUNREACH;
	dev = __ip_dev_find(net, fl4->saddr);
	if (!dev && !(fl4->flowi4_flags & FLOWI_FLAG_ANYSRC))
		return NULL;
	*err = 0;
	return dev ? dev : net->loopback_dev;
}

static struct rtable *rt_output_slow(struct net *net, struct flowi4 *fl4, int *err)
{
	struct fib_result res = { 0 };
	struct net_device *dev_out = NULL;
	int orig_oif = fl4->flowi4_oif;
	unsigned int flags = 0;

	fl4->flowi4_iif = LOOPBACK_IFINDEX;
	if (fl4->saddr) {
		struct net_device *d = rt_output_check_saddr(net, fl4, err);

		if (!d)
			return NULL;
		if (!fl4->flowi4_oif && (ipv4_is_multicast(fl4->daddr) ||
					 ipv4_is_lbcast(fl4->daddr))) {
			dev_out = d;
			fl4->flowi4_oif = d->ifindex;
			goto make_route;
		}
	}
	if (fl4->flowi4_oif) {
		dev_out = __dev_get_by_index(net, fl4->flowi4_oif);
		*err = -ENODEV;
		if (!dev_out)
			return NULL;
		*err = -ENETUNREACH;
		if (!(dev_out->flags & IFF_UP) || !__in_dev_get_rtnl(dev_out))
			return NULL;
		if (ipv4_is_local_multicast(fl4->daddr) || ipv4_is_lbcast(fl4->daddr)) {
			if (!fl4->saddr)
				fl4->saddr = inet_select_addr(dev_out, 0, RT_SCOPE_LINK);
			goto make_route;
		}
		if (!fl4->saddr) {
			if (ipv4_is_multicast(fl4->daddr))
				fl4->saddr = inet_select_addr(dev_out, 0, fl4->flowi4_scope);
			else if (!fl4->daddr)
				fl4->saddr = inet_select_addr(dev_out, 0, RT_SCOPE_HOST);
		}
	}
	if (!fl4->daddr) {
		fl4->daddr = fl4->saddr;
		if (!fl4->daddr)
			fl4->daddr = fl4->saddr = htonl(0x7f000001);
		dev_out = net->loopback_dev;
		fl4->flowi4_oif = LOOPBACK_IFINDEX;
		res.type = RTN_LOCAL;
		flags |= RTCF_LOCAL;
		goto make_route;
	}
	*err = fib_lookup(net, fl4, &res, 0);
	if (*err) {
		res.fi = NULL;
		res.table = NULL;
		if (fl4->flowi4_oif && dev_out) {
			/* the table is wrong: assume the destination is on link */
			if (!fl4->saddr)
				fl4->saddr = inet_select_addr(dev_out, 0, RT_SCOPE_LINK);
			res.type = RTN_UNICAST;
			goto make_route;
		}
		return NULL;
	}
	if (res.type == RTN_LOCAL) {
		if (!fl4->saddr)
			fl4->saddr = res.fi->fib_prefsrc ? res.fi->fib_prefsrc : fl4->daddr;
		dev_out = net->loopback_dev;
		orig_oif = FIB_RES_DEV(res) ? FIB_RES_DEV(res)->ifindex : orig_oif;
		fl4->flowi4_oif = dev_out->ifindex;
		flags |= RTCF_LOCAL;
		goto make_route;
	}
	fib_select_path(net, &res, fl4);
	dev_out = FIB_RES_DEV(res);
make_route:
	return rt_mkroute_output(net, &res, fl4, orig_oif, dev_out, flags, err);
}

struct rtable *ip_route_output_key(struct net *net, struct flowi4 *flp, int *err)
{
	struct rt_key k;
	struct rtable *rt;

	rt_key_init(&k);
	k.daddr = flp->daddr;
	k.saddr = flp->saddr;
	k.oif = flp->flowi4_oif;
	k.mark = flp->flowi4_mark;
	k.tos = flp->flowi4_tos & IPTOS_RT_MASK;
	k.scope = flp->flowi4_scope;
	flp->flowi4_tos &= IPTOS_RT_MASK;
	if (net->ipv4.fib_rules_require_fldissect ||
	    (net->ipv4.sysctl_fib_multipath_hash_policy & 1))
		return rt_output_slow(net, flp, err);
	rt = rt_cache_get(net, &k);
	if (rt) {
		flp->saddr = rt->rt_prefsrc;
		if (!flp->flowi4_oif)
			flp->flowi4_oif = rt->dst.dev->ifindex;
		*err = 0;
		return rt;
	}
	rt = rt_output_slow(net, flp, err);
	if (rt)
		rt_cache_put(net, &k, rt);
	return rt;
}

struct rtable *ip_route_output_flow(struct net *net, struct flowi4 *flp,
				    const struct sock *sk, int *err)
{
	(void)sk;
	return ip_route_output_key(net, flp, err);
}

struct rtable *ip_route_output_dgram(struct net *net, struct flowi4 *flp,
				     const struct sock *sk, int *err)
{
	struct rtable *rt = ip_route_output_flow(net, flp, sk, err);

	if (rt && (rt->rt_flags & RTCF_BROADCAST) &&
	    !(sk->sk_socket && (sk->sk_socket->flags & SOCK_BROADCAST))) {
		ip_rt_put(rt);
		*err = -EACCES;
		return NULL;
	}
	return rt;
}

/* ---- ip_error(): the input route of an unroutable packet ---- */
int ip_error(struct sk_buff *skb)
{
	struct rtable *rt = skb_rtable(skb);
	struct net_device *dev = skb->dev;
	struct in_device *in_dev = __in_dev_get_rtnl(dev);
	struct net *net = dev_net(rt->dst.dev);
	enum skb_drop_reason reason = SKB_DROP_REASON_NOT_SPECIFIED;
	int code;

	if (!in_dev)
		goto out;
	if (!IN_DEV_FORWARD(in_dev)) {
		skb_drop_hint(skb, "not for this host and forwarding is off (net.ipv4.conf.DEV.forwarding / ip_forward = 0)");
		if (rt->dst.error == EHOSTUNREACH) {
			reason = SKB_DROP_REASON_IP_INADDRERRORS;
			__IP_INC_STATS(net, IPSTATS_MIB_INADDRERRORS);
		} else if (rt->dst.error == ENETUNREACH) {
			reason = SKB_DROP_REASON_IP_INNOROUTES;
			__IP_INC_STATS(net, IPSTATS_MIB_INNOROUTES);
		}
		goto out;
	}
	skb_drop_hint(skb, "no route to the destination (ip route)");
	switch (rt->dst.error) {
	case EHOSTUNREACH:
		code = 1;	/* ICMP_HOST_UNREACH */
		reason = SKB_DROP_REASON_IP_INADDRERRORS;
		__IP_INC_STATS(net, IPSTATS_MIB_INADDRERRORS);
		break;
	case ENETUNREACH:
		code = 0;	/* ICMP_NET_UNREACH */
		reason = SKB_DROP_REASON_IP_INNOROUTES;
		__IP_INC_STATS(net, IPSTATS_MIB_INNOROUTES);
		break;
	case EACCES:
		code = 13;	/* ICMP_PKT_FILTERED */
		break;
	default:
		goto out;
	}
	icmp_send(skb, 3, code, 0);
out:
	kfree_skb_reason(skb, reason);
	return 0;
}

/* ---- `ip route get` (inet_rtm_getroute) ---- */
/* rt_fill_info(): an exception's time left; the route's metrics, the MTU
 * being the exception's PMTU while it lasts */
static void rt_fill_metrics(struct net *net, const struct rtable *rt, struct rtm_get_res *res)
{
	res->mtu = rt->dst.mtu;
	res->mtu_locked = rt->rt_mtu_locked;
	if (rt->dst.expires > net->world->now) {
		res->expires_ns = rt->dst.expires - net->world->now;
		if (rt->rt_pmtu)
			res->mtu = rt->rt_pmtu;
	}
	res->advmss = rt->rt_advmss;
	res->congctl = rt->rt_congctl ? rt->rt_congctl->name : NULL;
	res->congctl_locked = rt->rt_congctl_locked;
}

/* rt_fill_info(): RTA_GATEWAY, or RTA_VIA for an IPv6 gateway */
static void rt_fill_gw(const struct rtable *rt, struct rtm_get_res *res)
{
	if (rt->dst.lwtstate)		/* lwtunnel_fill_encap() */
		res->encap = *rt->dst.lwtstate;
	if (!rt->rt_uses_gateway)
		return;
	res->gw_family = rt->rt_gw_family;
	if (rt->rt_gw_family == AF_INET6)
		res->gw6 = rt->rt_gw6;
	else
		res->gw = rt->rt_gw4;
}

static int getroute_input(struct net *net, const struct rtm_get_req *req,
			  struct rtm_get_res *res)
{
	struct net_device *dev = __dev_get_by_index(net, req->iif);
	struct sk_buff *skb;
	struct rtable *rt;
	int err;

	if (!dev)
		return -ENODEV;
	skb = alloc_skb(&net->world->skb_pool, 64);
	if (!skb)
		return -ENOBUFS;
	skb->protocol = htons(ETH_P_IP);
	skb->dev = dev;
	skb->mark = req->mark;
	err = ip_route_input_noref(skb, req->dst, req->src, req->tos, dev, NULL);
	if (err == -EXDEV)
		err = -EINVAL;	/* a martian source is "Invalid argument" to userspace */
	rt = skb_rtable(skb);
	if (!err && rt && rt->dst.error)
		err = -rt->dst.error;
	if (!err) {
		res->type = (u8)rt->rt_type;
		res->table = rt->rt_table_id;
		res->oif = rt->dst.dev->ifindex;
		res->flags = rt->rt_flags;
		rt_fill_gw(rt, res);
		rt_fill_metrics(net, rt, res);
		/* rt_fill_info(): this packet would make the router send a redirect */
		if (IPCB(skb)->flags & IPSKB_DOREDIRECT)
			res->flags |= RTCF_DOREDIRECT;
	}
	res->iif = req->iif;
	res->src = req->src;
	consume_skb(skb);
	return err;
}

static int getroute_output(struct net *net, const struct rtm_get_req *req,
			   struct rtm_get_res *res)
{
	struct flowi4 fl4 = { .daddr = req->dst, .saddr = req->src, .flowi4_oif = req->oif,
			      .flowi4_mark = req->mark, .flowi4_tos = req->tos,
			      .flowi4_proto = req->ipproto, .fl4_sport = req->sport,
			      .fl4_dport = req->dport,
			      .flowi4_uid = req->uid > 0 ? (u32)req->uid : 0 };
	struct rtable *rt;
	int err;

	res->uid = req->uid > 0 ? req->uid : 0;
	rt = ip_route_output_key(net, &fl4, &err);
	if (!rt)
		return err;
	res->type = (u8)rt->rt_type;
	res->table = rt->rt_table_id;
	res->oif = rt->dst.dev->ifindex;
	res->flags = rt->rt_flags;
	rt_fill_gw(rt, res);
	res->prefsrc = fl4.saddr;
	res->src = req->src;
	rt_fill_metrics(net, rt, res);
	ip_rt_put(rt);
	return 0;
}

int inet_rtm_getroute(struct net *net, const struct rtm_get_req *req,
		      struct rtm_get_res *res, struct netlink_ext_ack *extack)
{
	(void)extack;
	memset(res, 0, sizeof(*res));
	res->dst = req->dst;
	if (req->fibmatch) {
		struct flowi4 fl4 = { .daddr = req->dst, .saddr = req->src,
				      .flowi4_oif = req->oif, .flowi4_iif = req->iif ? req->iif : 1,
				      .flowi4_mark = req->mark, .flowi4_tos = req->tos };
		int err = fib_lookup(net, &fl4, &res->res, 0);

		if (err)
			return err;
		res->type = res->res.type;
		return 0;
	}
	if (req->iif)
		return getroute_input(net, req, res);
	return getroute_output(net, req, res);
}

static int rt_net_init(struct net *net)
{
	INIT_LIST_HEAD(&net->ipv4.nexthops);
	net->ipv4.sysctl_ip_min_pmtu = 552;
	net->ipv4.sysctl_ip_rt_mtu_expires = 600;
	return 0;
}

static void rt_net_exit(struct net *net)
{
	nexthop_net_exit(net);
	rt_cache_flush(net);
	free(rt_net(net)->cache);
}

const struct pernet_operations ipv4_route_ops = {
	.name = "route",
	.init = rt_net_init,
	.exit = rt_net_exit,
	.id = &rt_net_id,
	.size = sizeof(struct rt_net),
};
