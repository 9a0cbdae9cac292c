/* IPv4 multicast membership and IGMP (net/ipv4/igmp.c).
 *
 * ip_mc_inc_group() joins a group on an in_device: the group's MAC goes into
 * the device's filter (ip_mc_filter_add → dev_mc_add) and the join is
 * announced — IGMPv3 (RFC 3376) by default: a TO_EX record sent twice
 * (qrv 2) from the interface change timer, the second within 1 s; IGMPv2
 * (RFC 2236) when net.ipv4.conf.{all,DEV}.force_igmp_version is 2 or a v2
 * querier was heard: a report to the group itself, repeated after up to
 * igmpv2_unsolicited_report_interval.  ip_mc_dec_group() leaves: v3 sends
 * TO_IN records twice, v2 a leave to 224.0.0.2 if we were the last reporter.
 * igmp_rcv() answers queries (v3 general: one report of every group after a
 * random part of the maximum response time) and suppresses v1/v2 reports
 * another member sent.  ip_check_mc_rcu() is what the input route asks
 * (route.c ip_route_input_mc).  Every up device is in 224.0.0.1 (ip_mc_up),
 * which is never reported.  No source filters (INCLUDE mode, SSM). */
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include "linux/igmp.h"
#include "linux/slab.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "linux/skbuff.h"
#include "net/ethernet.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/world.h"
#include "net/trace.h"

#define IGMP_QRV			2	/* sysctl_igmp_qrv */
#define IGMP_QUERY_INTERVAL_MS		125000
#define IGMP_QUERY_RESPONSE_INTERVAL_MS	10000
#define IGMP_V3_INTERVAL_DEFAULT_MS	1000
#define IGMP_V2_INTERVAL_DEFAULT_MS	10000
#define IPOPT_RA			148	/* Router Alert (RFC 2113) */

static struct world *in_dev_world(const struct in_device *in_dev)
{
	return dev_net(in_dev->dev)->world;
}

/* A random delay below max_ms, plus the kernel's 2 jiffies, in ns */
static u64 igmp_delay(const struct in_device *in_dev, u32 max_ms)
{
	u32 r = max_ms ? world_random_below(in_dev_world(in_dev), max_ms * 1000u) : 0;

	return world_now(in_dev_world(in_dev)) + (u64)r * 1000u + 2 * NSEC_PER_MSEC;
}

/* IGMP_V1_SEEN / IGMP_V2_SEEN: forced by sysctl, or an older querier heard */
static bool igmp_v1_seen(const struct in_device *in_dev)
{
	int all = in_dev_conf_all(in_dev, IPV4_DEVCONF_FORCE_IGMP_VERSION);

	return all == 1 || IN_DEV_CONF_GET(in_dev, FORCE_IGMP_VERSION) == 1 ||
	       (in_dev->mc && in_dev->mc->v1_seen > world_now(in_dev_world(in_dev)));
}

static bool igmp_v2_seen(const struct in_device *in_dev)
{
	int all = in_dev_conf_all(in_dev, IPV4_DEVCONF_FORCE_IGMP_VERSION);

	return all == 2 || IN_DEV_CONF_GET(in_dev, FORCE_IGMP_VERSION) == 2 ||
	       (in_dev->mc && in_dev->mc->v2_seen > world_now(in_dev_world(in_dev)));
}

static u32 unsolicited_report_interval(const struct in_device *in_dev)
{
	int ms;

	if (igmp_v1_seen(in_dev) || igmp_v2_seen(in_dev))
		ms = IN_DEV_CONF_GET(in_dev, IGMPV2_UNSOLICITED_REPORT_INTERVAL);
	else
		ms = IN_DEV_CONF_GET(in_dev, IGMPV3_UNSOLICITED_REPORT_INTERVAL);
	if (ms <= 0)
		ms = igmp_v2_seen(in_dev) ? IGMP_V2_INTERVAL_DEFAULT_MS : IGMP_V3_INTERVAL_DEFAULT_MS;
	return (u32)ms;
}

/* groups that are announced: not 224.0.0.1 (igmp_llm_reports is 1, so the
 * other link-local groups are) */
static bool igmp_reported(__be32 group)
{
	return group != IGMP_ALL_HOSTS;
}

/* ---- sending ---- */

/* igmpv3_get_srcaddr(): the route's source if it is the device's own, else 0.0.0.0 */
static __be32 igmpv3_get_srcaddr(const struct in_device *in_dev, __be32 saddr)
{
	const struct in_ifaddr *ifa;

	list_for_each_entry(ifa, &in_dev->ifa_list, ifa_list)
		if (ifa->ifa_local == saddr)
			return saddr;
	return 0;
}

/* igmpv3_newpack() / igmp_send_report(): an IPv4 header with Router Alert,
 * TOS 0xc0, TTL 1 and DF, routed out of the device itself; len bytes of
 * IGMP after it.  NULL when there is no route (the device is down). */
static struct sk_buff *igmp_newpack(struct in_device *in_dev, __be32 dst, unsigned int len,
				    bool v3)
{
	struct net_device *dev = in_dev->dev;
	struct net *net = dev_net(dev);
	struct flowi4 fl4 = { .daddr = dst, .flowi4_oif = dev->ifindex,
			      .flowi4_proto = IPPROTO_IGMP };
	struct sk_buff *skb;
	struct iphdr *iph;
	struct rtable *rt;
	u8 *ra;
	int err;

	rt = ip_route_output_key(net, &fl4, &err);
	if (!rt)
		return NULL;
	skb = alloc_skb(&net->world->skb_pool,
			NET_SKB_PAD + LL_RESERVED_SPACE(rt->dst.dev) + 24u + len);
	if (!skb) {
		ip_rt_put(rt);
		return NULL;
	}
	skb_reserve(skb, (int)(NET_SKB_PAD + LL_RESERVED_SPACE(rt->dst.dev)));
	skb_reset_network_header(skb);
	iph = (struct iphdr *)skb_put(skb, 24);
	memset(iph, 0, 24);
	iph->version = 4;
	iph->ihl = 6;
	iph->tos = 0xc0;
	iph->frag_off = htons(IP_DF);
	iph->ttl = 1;
	iph->protocol = IPPROTO_IGMP;
	iph->daddr = fl4.daddr;
	iph->saddr = v3 ? igmpv3_get_srcaddr(in_dev, fl4.saddr) : fl4.saddr;
	ra = (u8 *)(iph + 1);
	ra[0] = IPOPT_RA;
	ra[1] = 4;
	skb_set_transport_header(skb, 24);
	memset(skb_put(skb, len), 0, len);
	skb_dst_set(skb, &rt->dst);
	skb->dev = rt->dst.dev;
	return skb;
}

static void igmp_sendpack(struct in_device *in_dev, struct sk_buff *skb)
{
	struct net *net = dev_net(in_dev->dev);
	u8 *igmp = skb_transport_header(skb);
	unsigned int len = skb->len - 24;

	u16 check;

	igmp[2] = igmp[3] = 0;
	check = ip_compute_csum(igmp, (int)len);
	memcpy(igmp + 2, &check, 2);
	ip_select_ident(net, skb, NULL);
	skb_trace(skb, "igmp_send");
	ip_local_out(net, NULL, skb);
}

/* igmp_send_report(): a v1/v2 report to the group, or a leave to 224.0.0.2 */
static void igmp_send_report(struct in_device *in_dev, __be32 group, u8 type)
{
	__be32 dst = type == IGMP_HOST_LEAVE_MESSAGE ? IGMP_ALL_ROUTER : group;
	struct sk_buff *skb = igmp_newpack(in_dev, dst, 8, false);
	u8 *ih;

	if (!skb)
		return;
	ih = skb_transport_header(skb);
	ih[0] = type;
	memcpy(ih + 4, &group, 4);
	igmp_sendpack(in_dev, skb);
}

struct igmpv3_rec {
	u8 type;
	__be32 group;
};

/* igmpv3_sendpack() of a report holding n group records (no sources) */
static void igmpv3_send(struct in_device *in_dev, const struct igmpv3_rec *rec, unsigned int n)
{
	struct sk_buff *skb;
	u8 *ih;

	if (!n)
		return;
	skb = igmp_newpack(in_dev, IGMPV3_ALL_MCR, 8 + 8 * n, true);
	if (!skb)
		return;
	ih = skb_transport_header(skb);
	ih[0] = IGMPV3_HOST_MEMBERSHIP_REPORT;
	ih[6] = (u8)(n >> 8);
	ih[7] = (u8)n;
	for (unsigned int i = 0; i < n; i++) {
		u8 *g = ih + 8 + 8 * i;

		g[0] = rec[i].type;
		memcpy(g + 4, &rec[i].group, 4);
	}
	igmp_sendpack(in_dev, skb);
}

struct ip_mc_tomb {
	struct list_head list;
	__be32 multiaddr;
	u8 crcount;
};

static unsigned int ip_mc_count(const struct ip_mc_dev *mc)
{
	const struct list_head *p;
	unsigned int n = 0;

	for (p = mc->groups.next; p != &mc->groups; p = p->next)
		n++;
	for (p = mc->tombs.next; p != &mc->tombs; p = p->next)
		n++;
	return n;
}

/* igmpv3_send_cr(): the state-change report — left groups first (TO_IN),
 * then joined ones (TO_EX), each as often as its crcount says */
static void igmpv3_send_cr(struct ip_mc_dev *mc)
{
	struct igmpv3_rec *rec = kcalloc(ip_mc_count(mc) + 1, sizeof(*rec));
	struct ip_mc_tomb *t, *tn;
	struct ip_mc_list *im;
	unsigned int n = 0;

	if (!rec)
		return;
	list_for_each_entry_safe(t, tn, &mc->tombs, list) {
		rec[n++] = (struct igmpv3_rec){ IGMPV3_CHANGE_TO_INCLUDE, t->multiaddr };
		if (--t->crcount == 0) {
			list_del(&t->list);
			kfree(t);
		}
	}
	list_for_each_entry(im, &mc->groups, list) {
		if (!im->crcount)
			continue;
		rec[n++] = (struct igmpv3_rec){ IGMPV3_CHANGE_TO_EXCLUDE, im->multiaddr };
		im->crcount--;
	}
	igmpv3_send(mc->in_dev, rec, n);
	kfree(rec);
}

/* igmpv3_send_report(in_dev, NULL / im): the current state, MODE_IS_EXCLUDE */
static void igmpv3_send_report(struct ip_mc_dev *mc, const struct ip_mc_list *only)
{
	struct igmpv3_rec *rec = kcalloc(ip_mc_count(mc) + 1, sizeof(*rec));
	struct ip_mc_list *im;
	unsigned int n = 0;

	if (!rec)
		return;
	list_for_each_entry(im, &mc->groups, list)
		if ((!only || im == only) && igmp_reported(im->multiaddr))
			rec[n++] = (struct igmpv3_rec){ IGMPV3_MODE_IS_EXCLUDE, im->multiaddr };
	igmpv3_send(mc->in_dev, rec, n);
	kfree(rec);
}

/* ---- timers ---- */

static void igmp_ifc_start_timer(struct ip_mc_dev *mc, u32 max_ms)
{
	mod_timer(&mc->ifc_timer, igmp_delay(mc->in_dev, max_ms));
}

static void igmp_ifc_timer_expire(struct timer_list *t)
{
	struct ip_mc_dev *mc = from_timer(mc, t, ifc_timer);

	igmpv3_send_cr(mc);
	if (mc->ifc_count) {
		mc->ifc_count--;
		igmp_ifc_start_timer(mc, unsolicited_report_interval(mc->in_dev));
	}
}

/* igmp_ifc_event(): a state change to announce, at once and qrv times */
static void igmp_ifc_event(struct ip_mc_dev *mc)
{
	if (igmp_v1_seen(mc->in_dev) || igmp_v2_seen(mc->in_dev))
		return;
	mc->ifc_count = IGMP_QRV;
	igmp_ifc_start_timer(mc, 1);
}

static void igmp_gq_timer_expire(struct timer_list *t)
{
	struct ip_mc_dev *mc = from_timer(mc, t, gq_timer);

	igmpv3_send_report(mc, NULL);
}

static void igmp_timer_expire(struct timer_list *t)
{
	struct ip_mc_list *im = from_timer(im, t, timer);
	struct in_device *in_dev = im->interface;

	if (igmp_v1_seen(in_dev))
		igmp_send_report(in_dev, im->multiaddr, IGMP_HOST_MEMBERSHIP_REPORT);
	else if (igmp_v2_seen(in_dev))
		igmp_send_report(in_dev, im->multiaddr, IGMPV2_HOST_MEMBERSHIP_REPORT);
	else
		igmpv3_send_report(in_dev->mc, im);
	im->reporter = true;
	if (im->unsolicit_count && --im->unsolicit_count)
		mod_timer(&im->timer, igmp_delay(in_dev, unsolicited_report_interval(in_dev)));
}

/* igmp_mod_timer(): answer within max_ms, keeping an earlier answer */
static void igmp_mod_timer(struct ip_mc_list *im, u32 max_ms)
{
	u64 now = world_now(in_dev_world(im->interface));

	if (timer_pending(&im->timer) && im->timer.expires - now <= (u64)max_ms * NSEC_PER_MSEC)
		return;
	im->unsolicit_count = 0;
	mod_timer(&im->timer, igmp_delay(im->interface, max_ms));
}

/* ---- the group list ---- */

static struct ip_mc_dev *ip_mc_dev_get(struct in_device *in_dev)
{
	struct ip_mc_dev *mc = in_dev->mc;
	struct world *w = in_dev_world(in_dev);

	if (mc)
		return mc;
	mc = kzalloc(sizeof(*mc));
	if (!mc)
		return NULL;
	mc->in_dev = in_dev;
	INIT_LIST_HEAD(&mc->groups);
	INIT_LIST_HEAD(&mc->tombs);
	timer_setup(&w->timers, &mc->ifc_timer, igmp_ifc_timer_expire);
	timer_setup(&w->timers, &mc->gq_timer, igmp_gq_timer_expire);
	in_dev->mc = mc;
	return mc;
}

static struct ip_mc_list *ip_mc_find(const struct in_device *in_dev, __be32 addr)
{
	struct ip_mc_list *im;

	if (!in_dev->mc)
		return NULL;
	list_for_each_entry(im, &in_dev->mc->groups, list)
		if (im->multiaddr == addr)
			return im;
	return NULL;
}

/* arp_mc_map() for the device types that have a multicast MAC */
static bool ip_mc_map(const struct in_device *in_dev, __be32 addr, u8 *mac)
{
	if (in_dev->dev->type != ARPHRD_ETHER)
		return false;
	ip_eth_mc_map(addr, mac);
	return true;
}

static void ip_mc_filter_add(struct in_device *in_dev, __be32 addr)
{
	u8 mac[ETH_ALEN];

	if (ip_mc_map(in_dev, addr, mac))
		dev_mc_add(in_dev->dev, mac);
}

/* the device's filter has no reference counts: keep a MAC another loaded
 * group maps to */
static void ip_mc_filter_del(struct in_device *in_dev, __be32 addr)
{
	u8 mac[ETH_ALEN], other[ETH_ALEN];
	struct ip_mc_list *im;

	if (!ip_mc_map(in_dev, addr, mac))
		return;
	list_for_each_entry(im, &in_dev->mc->groups, list)
		if (im->loaded && im->multiaddr != addr && ip_mc_map(in_dev, im->multiaddr, other) &&
		    !memcmp(mac, other, ETH_ALEN))
			return;
	dev_mc_del(in_dev->dev, mac);
}

static void igmpv3_del_delrec(struct ip_mc_dev *mc, __be32 addr)
{
	struct ip_mc_tomb *t, *tn;

	list_for_each_entry_safe(t, tn, &mc->tombs, list)
		if (t->multiaddr == addr) {
			list_del(&t->list);
			kfree(t);
		}
}

static void igmpv3_clear_delrec(struct ip_mc_dev *mc)
{
	struct ip_mc_tomb *t, *tn;

	list_for_each_entry_safe(t, tn, &mc->tombs, list) {
		list_del(&t->list);
		kfree(t);
	}
}

/* igmp_group_added(): filter, then the join's reports (when the device is up) */
static void igmp_group_added(struct ip_mc_list *im)
{
	struct in_device *in_dev = im->interface;

	if (!im->loaded) {
		im->loaded = true;
		ip_mc_filter_add(in_dev, im->multiaddr);
	}
	if (!igmp_reported(im->multiaddr) || in_dev->dead || !(in_dev->dev->flags & IFF_UP))
		return;
	im->unsolicit_count = IGMP_QRV;
	if (igmp_v1_seen(in_dev) || igmp_v2_seen(in_dev)) {
		mod_timer(&im->timer, igmp_delay(in_dev, 1));
		return;
	}
	im->crcount = IGMP_QRV;
	igmp_ifc_event(in_dev->mc);
}

/* igmp_group_dropped(): filter off; a leave (v2, if we reported last) or
 * TO_IN records (v3) */
static void igmp_group_dropped(struct ip_mc_list *im)
{
	struct in_device *in_dev = im->interface;
	struct ip_mc_tomb *t;

	if (im->loaded) {
		im->loaded = false;
		ip_mc_filter_del(in_dev, im->multiaddr);
	}
	del_timer(&im->timer);
	if (!igmp_reported(im->multiaddr) || in_dev->dead || !(in_dev->dev->flags & IFF_UP))
		return;
	if (igmp_v1_seen(in_dev))
		return;
	if (igmp_v2_seen(in_dev)) {
		if (im->reporter)
			igmp_send_report(in_dev, im->multiaddr, IGMP_HOST_LEAVE_MESSAGE);
		return;
	}
	t = kzalloc(sizeof(*t));
	if (!t)
		return;
	t->multiaddr = im->multiaddr;
	t->crcount = IGMP_QRV;
	list_add(&t->list, &in_dev->mc->tombs);
	igmp_ifc_event(in_dev->mc);
}

int ip_mc_inc_group(struct in_device *in_dev, __be32 addr)
{
	struct ip_mc_dev *mc;
	struct ip_mc_list *im;

	if (!in_dev || !ipv4_is_multicast(addr))
		return -EINVAL;
	im = ip_mc_find(in_dev, addr);
	if (im) {
		im->users++;
		return 0;
	}
	mc = ip_mc_dev_get(in_dev);
	im = mc ? kzalloc(sizeof(*im)) : NULL;
	if (!im)
		return -ENOBUFS;
	im->interface = in_dev;
	im->multiaddr = addr;
	im->users = 1;
	timer_setup(&in_dev_world(in_dev)->timers, &im->timer, igmp_timer_expire);
	list_add(&im->list, &mc->groups);
	igmpv3_del_delrec(mc, addr);
	igmp_group_added(im);
	rt_cache_flush(dev_net(in_dev->dev));	/* ip_rt_multicast_event() */
	return 0;
}

int ip_mc_dec_group(struct in_device *in_dev, __be32 addr)
{
	struct ip_mc_list *im = in_dev ? ip_mc_find(in_dev, addr) : NULL;

	if (!im)
		return -ENOENT;
	if (--im->users)
		return 0;
	list_del(&im->list);
	igmp_group_dropped(im);
	kfree(im);
	rt_cache_flush(dev_net(in_dev->dev));
	return 0;
}

bool ip_check_mc_rcu(struct in_device *in_dev, __be32 mc_addr, __be32 src_addr, u8 proto)
{
	(void)src_addr;
	(void)proto;
	return in_dev && ip_mc_find(in_dev, mc_addr);
}

const struct list_head *ip_mc_groups(const struct in_device *in_dev)
{
	return in_dev && in_dev->mc ? &in_dev->mc->groups : NULL;
}

/* ip_mc_up(): 224.0.0.1, then every group announced again */
void ip_mc_up(struct in_device *in_dev)
{
	struct ip_mc_list *im;

	if (!in_dev || ip_mc_inc_group(in_dev, IGMP_ALL_HOSTS))
		return;
	list_for_each_entry(im, &in_dev->mc->groups, list) {
		igmpv3_del_delrec(in_dev->mc, im->multiaddr);
		igmp_group_added(im);
	}
}

/* ip_mc_down(): filters off, no reports pending, 224.0.0.1 left; the
 * groups stay joined */
void ip_mc_down(struct in_device *in_dev)
{
	struct ip_mc_dev *mc = in_dev ? in_dev->mc : NULL;
	struct ip_mc_list *im;

	if (!mc)
		return;
	list_for_each_entry(im, &mc->groups, list) {
		if (im->loaded) {
			im->loaded = false;
			ip_mc_filter_del(in_dev, im->multiaddr);
		}
		del_timer(&im->timer);
		im->crcount = 0;
	}
	mc->ifc_count = 0;
	del_timer(&mc->ifc_timer);
	del_timer(&mc->gq_timer);
	igmpv3_clear_delrec(mc);
	ip_mc_dec_group(in_dev, IGMP_ALL_HOSTS);
}

/* ip_mc_destroy_dev(): the in_device goes, and its groups with it */
void ip_mc_destroy_dev(struct in_device *in_dev)
{
	struct ip_mc_dev *mc = in_dev->mc;
	struct ip_mc_list *im, *tmp;

	if (!mc)
		return;
	ip_mc_down(in_dev);
	list_for_each_entry_safe(im, tmp, &mc->groups, list) {
		list_del(&im->list);
		del_timer(&im->timer);
		kfree(im);
	}
	in_dev->mc = NULL;
	kfree(mc);
}

/* ---- receiving (igmp_rcv) ---- */

/* igmp_heard_report(): another member reported the group: ours is not
 * needed (v1/v2 report suppression) */
static void igmp_heard_report(struct in_device *in_dev, __be32 group)
{
	struct ip_mc_list *im = ip_mc_find(in_dev, group);

	if (!im || group == IGMP_ALL_HOSTS)
		return;
	if (del_timer(&im->timer))
		im->unsolicit_count = 0;
	im->reporter = false;
}

/* igmp_heard_query(): v1 (8 bytes, code 0), v2 (8 bytes) or v3 (>= 12) */
static void igmp_heard_query(struct in_device *in_dev, const u8 *ih, unsigned int len)
{
	struct ip_mc_dev *mc = in_dev->mc;
	u64 seen = world_now(in_dev_world(in_dev)) +
		   (u64)(IGMP_QRV * IGMP_QUERY_INTERVAL_MS + IGMP_QUERY_RESPONSE_INTERVAL_MS) *
		   NSEC_PER_MSEC;
	u32 max_ms = ih[1] * 100u;	/* tenths of a second */
	struct ip_mc_list *im;
	__be32 group;

	memcpy(&group, ih + 4, 4);
	if (len == 8) {
		if (!ih[1]) {
			mc->v1_seen = seen;
			max_ms = IGMP_QUERY_RESPONSE_INTERVAL_MS;
			group = 0;
		} else {
			mc->v2_seen = seen;
		}
		mc->ifc_count = 0;
		del_timer(&mc->ifc_timer);
		igmpv3_clear_delrec(mc);
	} else if (len < 12) {
		return;
	} else if (igmp_v1_seen(in_dev)) {
		max_ms = IGMP_QUERY_RESPONSE_INTERVAL_MS;
		group = 0;
	} else if (!igmp_v2_seen(in_dev)) {
		if (ih[1] >= 128)	/* IGMPV3_MRC: exponent and mantissa */
			max_ms = (((ih[1] & 0x0f) | 0x10u) << (((ih[1] >> 4) & 7) + 3)) * 100u;
		if (!max_ms)
			max_ms = 1;
		if (!group) {
			if (!(ih[10] | ih[11]))		/* no sources in a general query */
				mod_timer(&mc->gq_timer, igmp_delay(in_dev, max_ms));
			return;
		}
	}
	list_for_each_entry(im, &mc->groups, list)
		if ((!group || group == im->multiaddr) && igmp_reported(im->multiaddr))
			igmp_mod_timer(im, max_ms);
}

int igmp_rcv(struct sk_buff *skb)
{
	struct in_device *in_dev = __in_dev_get_rcu(skb->dev);
	unsigned int len = skb->len;
	const u8 *ih;
	__be32 group;

	skb_trace(skb, "igmp_rcv");
	if (!in_dev || !in_dev->mc) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
		return 0;
	}
	if (!pskb_may_pull(skb, 8) || ip_compute_csum(skb->data, (int)len)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
		return 0;
	}
	ih = skb->data;
	memcpy(&group, ih + 4, 4);
	switch (ih[0]) {
	case IGMP_HOST_MEMBERSHIP_QUERY:
		if (pskb_may_pull(skb, len))
			igmp_heard_query(in_dev, skb->data, len);
		break;
	case IGMP_HOST_MEMBERSHIP_REPORT:
	case IGMPV2_HOST_MEMBERSHIP_REPORT:
		/* our own, looped back, is not another member's */
		if (skb->pkt_type == PACKET_MULTICAST || skb->pkt_type == PACKET_BROADCAST)
			igmp_heard_report(in_dev, group);
		break;
	default:
		break;
	}
	consume_skb(skb);
	return 0;
}

static const struct net_protocol igmp_protocol = {
	.handler = igmp_rcv,
};

void igmp_proto_init(struct world *w)
{
	inet_add_protocol(w, &igmp_protocol, IPPROTO_IGMP);
}
