/* IPv6 multicast membership and MLD (net/ipv6/mcast.c, RFC 3810 / 2710).
 *
 * ipv6_dev_mc_inc() joins a group on a device's inet6_dev: the group's
 * 33:33:xx:xx:xx:xx goes into the device's filter (igmp6_group_added →
 * dev_mc_add) and, when the device is up and the group is reportable (not
 * ff02::1, not interface-local), the join is announced.  MLDv2 by default:
 * a CHANGE_TO_EXCLUDE record sent mc_qrv (2) times from the interface
 * change work (mld_ifc_work), the first at once, the next within
 * mldv2_unsolicited_report_interval (1 s); MLDv1 (force_mld_version=1 or a
 * v1 querier heard): a report to the group itself, repeated after up to
 * mldv1_unsolicited_report_interval (10 s).  Leaving: v2 sends
 * CHANGE_TO_INCLUDE records, v1 a done to ff02::2 if we reported last.
 * Reports go from the device's link-local address once it is past DAD,
 * else from :: (RFC 3590), with hop limit 1 and a Hop-by-Hop Router Alert
 * (mld_newpack).  ipv6_mc_dad_complete() sends the current state again
 * when the link-local address becomes usable.  Queries (igmp6_event_query)
 * are answered after a random part of their maximum response delay.
 * Every device joins ff01::1 and ff02::1 when it registers (ipv6_add_dev),
 * routers ff02::2.  No source filters (INCLUDE mode, SSM), no MLD snooping.
 * Random delays come from the inet6_dev's own stream (addrconf_rand_below)
 * so that IPv6 never shifts the world's random numbers. */
#include <errno.h>
#include <string.h>
#include "linux/netdevice.h"
#include "linux/slab.h"
#include "net/addrconf.h"
#include "net/ip6_fib.h"
#include "net/ipv6.h"
#include "net/mld.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/world.h"

#define IPV6_TLV_ROUTERALERT 5
#define IPV6_TLV_PADN 1
#define MLD_MAX_RECORDS 64		/* records per report (1280-byte MTU: 61) */

static const struct in6_addr mld2_all_mcr = { { { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
						 0, 0, 0, 0x16 } } };
static const struct in6_addr all_routers = { { { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
						0, 0, 0, 0x02 } } };

static struct world *idev_world(const struct inet6_dev *idev)
{
	return dev_net(idev->dev)->world;
}

static int mc_scope(const struct in6_addr *a)
{
	return a->s6_addr[1] & 0x0f;
}

static bool ipv6_addr_is_ll_all_nodes(const struct in6_addr *a)
{
	static const struct in6_addr all = { { { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
						 0, 0, 0, 1 } } };

	return ipv6_addr_equal(a, &all);
}

/* mld_in_v1_mode(): forced by sysctl (all or the device), or a v1 querier */
static bool mld_in_v1_mode(const struct inet6_dev *idev)
{
	int all = dev_net(idev->dev)->ipv6.devconf_all.data[DEVCONF_FORCE_MLD_VERSION];
	int own = idev->cnf.data[DEVCONF_FORCE_MLD_VERSION];

	if (all == 2 || own == 2)
		return false;
	return all == 1 || own == 1 || idev->mc_v1_seen > world_now(idev_world(idev));
}

static u32 unsolicited_report_interval(const struct inet6_dev *idev)
{
	int ms = mld_in_v1_mode(idev) ?
		 idev->cnf.data[DEVCONF_MLDV1_UNSOLICITED_REPORT_INTERVAL] :
		 idev->cnf.data[DEVCONF_MLDV2_UNSOLICITED_REPORT_INTERVAL];

	return ms > 0 ? (u32)ms : 1;
}

/* a random point below max_ms from now, plus the kernel's 2 jiffies
 * (mld_ifc_start_work & co: get_random_u32_below(delay) + 2) */
static u64 mld_delay(struct inet6_dev *idev, u32 max_ms)
{
	u32 r = max_ms ? addrconf_rand_below(idev, max_ms) : 0;

	return world_now(idev_world(idev)) + ((u64)r + 2) * NSEC_PER_MSEC;
}

/* ---- sending ---- */

/* mld_newpack() + mld_sendpack(): IPv6 with a Hop-by-Hop Router Alert
 * (value 0: MLD) before the ICMPv6 message, hop limit 1, from the
 * device's usable link-local address or :: */
static void mld_sendpack(struct inet6_dev *idev, const struct in6_addr *daddr, const u8 *msg,
			 unsigned int len)
{
	struct net_device *dev = idev->dev;
	struct net *net = dev_net(dev);
	struct in6_addr saddr;
	struct dst_entry *dst;
	struct sk_buff *skb;
	u8 *p;
	int err;

	if (!(dev->flags & IFF_UP) || idev->cnf.data[DEVCONF_DISABLE_IPV6])
		return;
	if (ipv6_get_lladdr(dev, &saddr))
		memset(&saddr, 0, sizeof(saddr));
	dst = ip6_route_output(net, daddr, &saddr, dev->ifindex, &err);
	if (!dst)
		return;
	skb = alloc_skb(&net->world->skb_pool, NET_SKB_PAD + 64 + 40 + 8 + len);
	if (!skb) {
		dst_release(dst);
		return;
	}
	skb_reserve(skb, NET_SKB_PAD + 64 + 40);
	p = skb_put(skb, 8 + len);
	p[0] = IPPROTO_ICMPV6;
	p[1] = 0;
	p[2] = IPV6_TLV_ROUTERALERT;
	p[3] = 2;
	p[4] = p[5] = 0;
	p[6] = IPV6_TLV_PADN;
	p[7] = 0;
	memcpy(p + 8, msg, len);
	p[10] = p[11] = 0;
	memcpy(p + 10, &(__sum16){ csum_ipv6_magic(&saddr, daddr, len, IPPROTO_ICMPV6,
						   ipv6_csum_partial(p + 8, len, 0)) }, 2);
	skb_reset_transport_header(skb);
	skb_dst_set(skb, dst);
	skb->dev = dev;
	__ICMP6_INC_STATS(net, ICMP6_MIB_OUTMSGS);
	net->ipv6.icmp6msg_out[msg[0]]++;
	skb_trace(skb, "mld_sendpack");
	ip6_xmit(net, skb, &saddr, daddr, NEXTHDR_HOP, 1);
}

/* igmp6_send(): an MLDv1 report (to the group) or done (to ff02::2) */
static void igmp6_send(struct inet6_dev *idev, const struct in6_addr *group, u8 type)
{
	u8 msg[24];

	memset(msg, 0, sizeof(msg));
	msg[0] = type;
	memcpy(msg + 8, group, 16);
	mld_sendpack(idev, type == ICMPV6_MGM_REDUCTION ? &all_routers : group, msg, sizeof(msg));
}

struct mld2_rec {
	u8 type;
	struct in6_addr group;
};

/* one MLDv2 report to ff02::16 holding n records (no sources) */
static void mld2_send(struct inet6_dev *idev, const struct mld2_rec *rec, unsigned int n)
{
	u8 msg[8 + 20 * MLD_MAX_RECORDS];

	while (n) {
		unsigned int k = n > MLD_MAX_RECORDS ? MLD_MAX_RECORDS : n;

		memset(msg, 0, 8 + 20 * k);
		msg[0] = ICMPV6_MLD2_REPORT;
		msg[6] = (u8)(k >> 8);
		msg[7] = (u8)k;
		for (unsigned int i = 0; i < k; i++) {
			msg[8 + 20 * i] = rec[i].type;
			memcpy(msg + 8 + 20 * i + 4, &rec[i].group, 16);
		}
		mld_sendpack(idev, &mld2_all_mcr, msg, 8 + 20 * k);
		rec += k;
		n -= k;
	}
}

static unsigned int mld_count(const struct inet6_dev *idev)
{
	const struct list_head *p;
	unsigned int n = 0;

	for (p = idev->mc_list.next; p != &idev->mc_list; p = p->next)
		n++;
	for (p = idev->mc_tomb.next; p != &idev->mc_tomb; p = p->next)
		n++;
	return n;
}

static bool mld_reported(const struct ifmcaddr6 *mc)
{
	return !(mc->mca_flags & MAF_NOREPORT);
}

/* mld_send_cr(): the state-change report — left groups (TO_IN), then
 * joined ones (TO_EX), each as often as its crcount says */
static void mld_send_cr(struct inet6_dev *idev)
{
	struct mld2_rec *rec = kcalloc(mld_count(idev) + 1, sizeof(*rec));
	struct ifmcaddr6_tomb *t, *tn;
	struct ifmcaddr6 *mc;
	unsigned int n = 0;

	if (!rec)
		return;
	list_for_each_entry_safe(t, tn, &idev->mc_tomb, list) {
		rec[n++] = (struct mld2_rec){ MLD2_CHANGE_TO_INCLUDE, t->mca_addr };
		if (--t->mca_crcount <= 0) {
			list_del(&t->list);
			kfree(t);
		}
	}
	list_for_each_entry(mc, &idev->mc_list, list) {
		if (mc->mca_crcount <= 0 || !mld_reported(mc))
			continue;
		rec[n++] = (struct mld2_rec){ MLD2_CHANGE_TO_EXCLUDE, mc->mca_addr };
		mc->mca_crcount--;
	}
	mld2_send(idev, rec, n);
	kfree(rec);
}

/* mld_send_report(idev, NULL / mc): the current state, MODE_IS_EXCLUDE;
 * mld_send_initial_cr() is the same with CHANGE_TO_EXCLUDE */
static void mld_send_report(struct inet6_dev *idev, const struct ifmcaddr6 *only, u8 type)
{
	struct mld2_rec *rec = kcalloc(mld_count(idev) + 1, sizeof(*rec));
	struct ifmcaddr6 *mc;
	unsigned int n = 0;

	if (!rec)
		return;
	list_for_each_entry(mc, &idev->mc_list, list)
		if ((!only || mc == only) && mld_reported(mc))
			rec[n++] = (struct mld2_rec){ type, mc->mca_addr };
	mld2_send(idev, rec, n);
	kfree(rec);
}

/* ---- works (timers) ---- */

static void mld_ifc_start_work(struct inet6_dev *idev, u32 max_ms)
{
	mod_timer(&idev->mc_ifc_work, mld_delay(idev, max_ms));
}

static void mld_ifc_work(struct timer_list *t)
{
	struct inet6_dev *idev = from_timer(idev, t, mc_ifc_work);

	mld_send_cr(idev);
	if (idev->mc_ifc_count && --idev->mc_ifc_count)
		mld_ifc_start_work(idev, unsolicited_report_interval(idev));
}

/* mld_ifc_event(): a state change to announce, at once and qrv times */
static void mld_ifc_event(struct inet6_dev *idev)
{
	if (mld_in_v1_mode(idev))
		return;
	idev->mc_ifc_count = idev->mc_qrv;
	mld_ifc_start_work(idev, 1);
}

static void mld_dad_work(struct timer_list *t)
{
	struct inet6_dev *idev = from_timer(idev, t, mc_dad_work);

	mld_send_report(idev, NULL, MLD2_CHANGE_TO_EXCLUDE);
	if (idev->mc_dad_count && --idev->mc_dad_count)
		mod_timer(&idev->mc_dad_work, mld_delay(idev, unsolicited_report_interval(idev)));
}

/* ipv6_mc_dad_complete(): the link-local address is usable — announce the
 * groups again from it, qrv times */
void ipv6_mc_dad_complete(struct inet6_dev *idev)
{
	if (mld_in_v1_mode(idev))
		return;
	idev->mc_dad_count = idev->mc_qrv;
	if (!idev->mc_dad_count)
		return;
	mld_send_report(idev, NULL, MLD2_CHANGE_TO_EXCLUDE);
	if (--idev->mc_dad_count)
		mod_timer(&idev->mc_dad_work, mld_delay(idev, unsolicited_report_interval(idev)));
}

static void mld_gq_work(struct timer_list *t)
{
	struct inet6_dev *idev = from_timer(idev, t, mc_gq_work);

	mld_send_report(idev, NULL, MLD2_MODE_IS_EXCLUDE);
}

/* igmp6_timer_handler(): a v1 report, or a v2 answer to a group query */
static void igmp6_timer_handler(struct timer_list *t)
{
	struct ifmcaddr6 *mc = from_timer(mc, t, mca_timer);
	struct inet6_dev *idev = mc->idev;

	if (mld_in_v1_mode(idev))
		igmp6_send(idev, &mc->mca_addr, ICMPV6_MGM_REPORT);
	else
		mld_send_report(idev, mc, MLD2_MODE_IS_EXCLUDE);
	mc->mca_flags |= MAF_LAST_REPORTER;
	mc->mca_flags &= ~MAF_TIMER_RUNNING;
	if (mc->mca_crcount > 0 && --mc->mca_crcount && mld_in_v1_mode(idev)) {
		mod_timer(&mc->mca_timer, mld_delay(idev, unsolicited_report_interval(idev)));
		mc->mca_flags |= MAF_TIMER_RUNNING;
	}
}

/* ---- the group list ---- */

static struct ifmcaddr6 *mld_find(const struct inet6_dev *idev, const struct in6_addr *addr)
{
	struct ifmcaddr6 *mc;

	list_for_each_entry(mc, &idev->mc_list, list)
		if (ipv6_addr_equal(&mc->mca_addr, addr))
			return mc;
	return NULL;
}

static bool mld_map(const struct inet6_dev *idev, const struct in6_addr *addr, u8 *mac)
{
	if (idev->dev->type != ARPHRD_ETHER || idev->dev->addr_len != ETH_ALEN)
		return false;
	ipv6_eth_mc_map(addr, mac);
	return true;
}

/* the filter has no reference counts: keep a MAC another loaded group maps to */
static void mld_filter_del(struct ifmcaddr6 *mc)
{
	struct inet6_dev *idev = mc->idev;
	u8 mac[ETH_ALEN], other[ETH_ALEN];
	struct ifmcaddr6 *o;

	if (!mld_map(idev, &mc->mca_addr, mac))
		return;
	list_for_each_entry(o, &idev->mc_list, list)
		if (o != mc && (o->mca_flags & MAF_LOADED) && mld_map(idev, &o->mca_addr, other) &&
		    !memcmp(mac, other, ETH_ALEN))
			return;
	dev_mc_del(idev->dev, mac);
}

static void mld_del_delrec(struct inet6_dev *idev, const struct in6_addr *addr)
{
	struct ifmcaddr6_tomb *t, *tn;

	list_for_each_entry_safe(t, tn, &idev->mc_tomb, list)
		if (ipv6_addr_equal(&t->mca_addr, addr)) {
			list_del(&t->list);
			kfree(t);
		}
}

static void mld_clear_delrec(struct inet6_dev *idev)
{
	struct ifmcaddr6_tomb *t, *tn;

	list_for_each_entry_safe(t, tn, &idev->mc_tomb, list) {
		list_del(&t->list);
		kfree(t);
	}
}

/* igmp6_group_added(): the filter, then the join's reports (device up) */
static void igmp6_group_added(struct ifmcaddr6 *mc)
{
	struct inet6_dev *idev = mc->idev;
	u8 mac[ETH_ALEN];

	if (mc_scope(&mc->mca_addr) < IPV6_ADDR_SCOPE_LINKLOCAL)
		return;
	if (!(mc->mca_flags & MAF_LOADED)) {
		mc->mca_flags |= MAF_LOADED;
		if (mld_map(idev, &mc->mca_addr, mac))
			dev_mc_add(idev->dev, mac);
	}
	if (!(idev->dev->flags & IFF_UP) || !mld_reported(mc) ||
	    idev->cnf.data[DEVCONF_DISABLE_IPV6])
		return;
	if (mld_in_v1_mode(idev)) {
		/* igmp6_join_group(): at once, then once more */
		igmp6_send(idev, &mc->mca_addr, ICMPV6_MGM_REPORT);
		mc->mca_flags |= MAF_LAST_REPORTER | MAF_TIMER_RUNNING;
		mc->mca_crcount = 1;
		mod_timer(&mc->mca_timer, mld_delay(idev, unsolicited_report_interval(idev)));
		return;
	}
	mc->mca_crcount = idev->mc_qrv;
	mld_ifc_event(idev);
}

/* igmp6_group_dropped(): out of the filter; the leave's report */
static void igmp6_group_dropped(struct ifmcaddr6 *mc, bool announce)
{
	struct inet6_dev *idev = mc->idev;

	if (mc_scope(&mc->mca_addr) < IPV6_ADDR_SCOPE_LINKLOCAL)
		return;
	if (mc->mca_flags & MAF_LOADED) {
		mld_filter_del(mc);
		mc->mca_flags &= ~MAF_LOADED;
	}
	del_timer(&mc->mca_timer);
	mc->mca_flags &= ~MAF_TIMER_RUNNING;
	if (!announce || !mld_reported(mc) || !(idev->dev->flags & IFF_UP))
		return;
	if (mld_in_v1_mode(idev)) {
		if (mc->mca_flags & MAF_LAST_REPORTER)
			igmp6_send(idev, &mc->mca_addr, ICMPV6_MGM_REDUCTION);
		return;
	}
	/* mld_add_delrec() */
	{
		struct ifmcaddr6_tomb *t = kzalloc(sizeof(*t));

		if (!t)
			return;
		t->mca_addr = mc->mca_addr;
		t->mca_crcount = idev->mc_qrv;
		list_add_tail(&t->list, &idev->mc_tomb);
	}
	mld_ifc_event(idev);
}

int ipv6_dev_mc_inc(struct net_device *dev, const struct in6_addr *addr)
{
	struct inet6_dev *idev = __in6_dev_get(dev);
	struct ifmcaddr6 *mc;

	if (!idev)
		return -EINVAL;
	if (idev->dead)
		return -ENODEV;
	if ((mc = mld_find(idev, addr))) {
		mc->mca_users++;
		return 0;
	}
	mc = kzalloc(sizeof(*mc));
	if (!mc)
		return -ENOMEM;
	mc->mca_addr = *addr;
	mc->idev = idev;
	mc->mca_users = 1;
	timer_setup(&idev_world(idev)->timers, &mc->mca_timer, igmp6_timer_handler);
	if (ipv6_addr_is_ll_all_nodes(addr) || mc_scope(addr) < IPV6_ADDR_SCOPE_LINKLOCAL)
		mc->mca_flags |= MAF_NOREPORT;
	list_add(&mc->list, &idev->mc_list);
	mld_del_delrec(idev, addr);
	igmp6_group_added(mc);
	return 0;
}

int ipv6_dev_mc_dec(struct net_device *dev, const struct in6_addr *addr)
{
	struct inet6_dev *idev = __in6_dev_get(dev);
	struct ifmcaddr6 *mc;

	if (!idev || !(mc = mld_find(idev, addr)))
		return -ENOENT;
	if (--mc->mca_users)
		return 0;
	list_del(&mc->list);
	igmp6_group_dropped(mc, true);
	del_timer(&mc->mca_timer);
	kfree(mc);
	return 0;
}

/* ipv6_chk_mcast_addr(): is the device in the group (ip6_mc_input)? */
bool ipv6_chk_mcast_addr(struct net_device *dev, const struct in6_addr *group)
{
	struct inet6_dev *idev = __in6_dev_get(dev);

	return idev && mld_find(idev, group);
}

void ipv6_mc_init_dev(struct inet6_dev *idev)
{
	struct timer_base *tb = &idev_world(idev)->timers;

	INIT_LIST_HEAD(&idev->mc_list);
	INIT_LIST_HEAD(&idev->mc_tomb);
	idev->mc_qrv = MLD_QRV_DEFAULT;
	timer_setup(tb, &idev->mc_ifc_work, mld_ifc_work);
	timer_setup(tb, &idev->mc_dad_work, mld_dad_work);
	timer_setup(tb, &idev->mc_gq_work, mld_gq_work);
}

/* ipv6_mc_up(): the device is up — load every group again, announce */
void ipv6_mc_up(struct inet6_dev *idev)
{
	struct ifmcaddr6 *mc;

	idev->mc_v1_seen = 0;
	idev->mc_qrv = MLD_QRV_DEFAULT;
	list_for_each_entry(mc, &idev->mc_list, list) {
		mld_del_delrec(idev, &mc->mca_addr);
		igmp6_group_added(mc);
	}
}

/* ipv6_mc_down(): the device goes down — out of the filter, works stop */
void ipv6_mc_down(struct inet6_dev *idev)
{
	struct ifmcaddr6 *mc;

	idev->mc_ifc_count = 0;
	idev->mc_dad_count = 0;
	del_timer(&idev->mc_ifc_work);
	del_timer(&idev->mc_dad_work);
	del_timer(&idev->mc_gq_work);
	list_for_each_entry(mc, &idev->mc_list, list)
		igmp6_group_dropped(mc, false);
	mld_clear_delrec(idev);
}

void ipv6_mc_destroy_dev(struct inet6_dev *idev)
{
	struct ifmcaddr6 *mc, *tmp;

	ipv6_mc_down(idev);
	list_for_each_entry_safe(mc, tmp, &idev->mc_list, list) {
		list_del(&mc->list);
		del_timer(&mc->mca_timer);
		kfree(mc);
	}
}

/* ---- receiving ---- */

/* The query's group, maximum response delay and version (RFC 3810 5.1:
 * 24 bytes is v1, 28 or more v2; anything else is not a query). */
int mld_parse_query(const u8 *msg, unsigned int len, struct in6_addr *group, u32 *max_delay_ms,
		    bool *v2)
{
	u32 code;

	if (len == 24) {
		*v2 = false;
		*max_delay_ms = (u32)msg[4] << 8 | msg[5];
	} else if (len >= 28) {
		unsigned int nsrcs = (unsigned int)msg[26] << 8 | msg[27];

		if (len < 28 + 16 * nsrcs)
			return SKB_DROP_REASON_PKT_TOO_SMALL;
		*v2 = true;
		/* Maximum Response Code: exponent form above 32767 (RFC 3810 5.1.3) */
		code = (u32)msg[4] << 8 | msg[5];
		if (code >= 0x8000)
			code = ((code & 0x0fff) | 0x1000) << (((code >> 12) & 7) + 3);
		*max_delay_ms = code;
	} else {
		return SKB_DROP_REASON_PKT_TOO_SMALL;
	}
	memcpy(group, msg + 8, 16);
	if (!ipv6_addr_any(group) && !ipv6_addr_is_multicast(group))
		return SKB_DROP_REASON_NOT_SPECIFIED;
	return 0;
}

/* igmp6_event_query(): from a link-local source with hop limit 1; a v1
 * query turns the device to v1 for a while (the older-version querier
 * present timeout: robustness × query interval + response delay) */
int igmp6_event_query(struct sk_buff *skb)
{
	struct inet6_dev *idev = __in6_dev_get(skb->dev);
	const struct ipv6hdr *hdr = ipv6_hdr(skb);
	struct in6_addr group;
	struct ifmcaddr6 *mc;
	u32 max_ms;
	bool v2;
	int reason;

	if (!idev || !ipv6_addr_linklocal(&hdr->saddr) || hdr->hop_limit != 1) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOT_SPECIFIED);
		return 0;
	}
	reason = mld_parse_query(skb->data, skb->len, &group, &max_ms, &v2);
	if (reason) {
		kfree_skb_reason(skb, (enum skb_drop_reason)reason);
		return 0;
	}
	if (!v2)
		idev->mc_v1_seen = world_now(idev_world(idev)) +
				   ((u64)idev->mc_qrv * 125000 + max_ms) * NSEC_PER_MSEC;
	if (!max_ms)
		max_ms = 1;
	if (v2 && !mld_in_v1_mode(idev) && ipv6_addr_any(&group)) {
		/* general query: one report of every group (mld_gq_start_work) */
		u64 at = mld_delay(idev, max_ms);

		if (!timer_pending(&idev->mc_gq_work) || idev->mc_gq_work.expires > at)
			mod_timer(&idev->mc_gq_work, at);
		consume_skb(skb);
		return 0;
	}
	list_for_each_entry(mc, &idev->mc_list, list) {
		if (!ipv6_addr_any(&group) && !ipv6_addr_equal(&group, &mc->mca_addr))
			continue;
		if (!mld_reported(mc))
			continue;
		{
			u64 at = mld_delay(idev, max_ms);

			if (!(mc->mca_flags & MAF_TIMER_RUNNING) || mc->mca_timer.expires > at) {
				mc->mca_crcount = 0;
				mod_timer(&mc->mca_timer, at);
				mc->mca_flags |= MAF_TIMER_RUNNING;
			}
		}
	}
	consume_skb(skb);
	return 0;
}

/* igmp6_event_report(): another member's v1 report for a group we are in
 * stops our own pending one (v1 suppression) */
int igmp6_event_report(struct sk_buff *skb)
{
	struct inet6_dev *idev = __in6_dev_get(skb->dev);
	struct ifmcaddr6 *mc;
	struct in6_addr group;

	if (!idev || skb->len < 24 || skb->data[0] != ICMPV6_MGM_REPORT) {
		consume_skb(skb);
		return 0;
	}
	memcpy(&group, skb->data + 8, 16);
	mc = mld_find(idev, &group);
	if (mc && (mc->mca_flags & MAF_TIMER_RUNNING)) {
		del_timer(&mc->mca_timer);
		mc->mca_flags &= ~(MAF_TIMER_RUNNING | MAF_LAST_REPORTER);
	}
	consume_skb(skb);
	return 0;
}
