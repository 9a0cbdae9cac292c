/* MASQUERADE and REDIRECT (net/netfilter/nf_nat_masquerade.c,
 * nf_nat_redirect.c).
 *
 * MASQUERADE is SNAT to the address the out device would use to reach the
 * packet's next hop (inet_select_addr), remembered per entry by the
 * device's ifindex: when the device goes down or that address is deleted,
 * the entries it made are removed (masq_device_event, masq_inet_event),
 * so the next packet of the flow starts a new connection with the new
 * address.  REDIRECT is DNAT to the host itself: 127.0.0.1 for locally
 * made packets, else the first address of the device the packet came in
 * on (no address: the packet is dropped). */
#include <stdio.h>
#include "net/netfilter/nf_nat.h"
#include "linux/inetdevice.h"
#include "linux/printk.h"
#include "uapi/rtnetlink.h"
#include "net/route.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "net/ipv6.h"
#include "net/addrconf.h"

unsigned int nf_nat_masquerade_ipv4(struct sk_buff *skb, unsigned int hooknum,
				    const struct nf_nat_range2 *range,
				    const struct net_device *out)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	const struct rtable *rt = skb_rtable(skb);
	struct nf_nat_range2 newrange;
	struct nf_conn_nat *nat;
	__be32 nh, newsrc;

	(void)hooknum;
	if (!ct || !out)
		return NF_ACCEPT;
	/* 0.0.0.0: a local packet that is probably not going anywhere */
	if (ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple.src.ip == 0)
		return NF_ACCEPT;
	/* a bridged frame (br_netfilter) may carry no route: its next hop is
	 * its destination */
	nh = rt ? rt_nexthop(rt, ip_hdr(skb)->daddr) : ip_hdr(skb)->daddr;
	newsrc = inet_select_addr(out, nh, RT_SCOPE_UNIVERSE);
	if (!newsrc) {
		struct world *w = nf_ct_world(ct);

		/* pr_info(), timestamped as every kernel log line */
		if (w)
			klog(w, "%s ate my IP address\n", out->name);
		return NF_DROP;
	}
	newrange = *range;
	newrange.flags |= NF_NAT_RANGE_MAP_IPS;
	newrange.min_addr = newrange.max_addr = newsrc;
	if (nf_nat_initialized(ct, NF_NAT_MANIP_SRC))
		return NF_ACCEPT;
	nat = nf_ct_nat_ext_add(ct);
	if (!nat)
		return NF_DROP;
	nat->masq_index = out->ifindex;
	return nf_nat_setup_info(ct, &newrange, NF_NAT_MANIP_SRC);
}

static bool device_cmp(struct nf_conn *ct, void *ifindex)
{
	return nf_ct_nat_ops(ct) && nfct_nat(ct)->masq_index == *(int *)ifindex;
}

int nf_nat_masq_device_event(struct net_device *dev, unsigned long event)
{
	struct net *net = dev_net(dev);
	int ifindex = dev->ifindex;

	if (event != NETDEV_DOWN || !nf_ct_pernet(net))
		return 0;
	nf_ct_iterate_cleanup_net(net, device_cmp, &ifindex);
	return 0;
}

struct masq_addr {
	int ifindex;
	__be32 addr;
};

static bool inet_cmp(struct nf_conn *ct, void *data)
{
	const struct masq_addr *w = data;

	return device_cmp(ct, &((struct masq_addr *)data)->ifindex) &&
	       nf_ct_l3num(ct) == NFPROTO_IPV4 && ct->tuplehash[IP_CT_DIR_REPLY].tuple.dst.ip == w->addr;
}

void nf_nat_masq_inet_event(struct in_ifaddr *ifa, unsigned long event)
{
	struct in_device *idev = ifa->ifa_dev;
	struct masq_addr w;
	struct net *net;

	/* a dying device: masq_device_event does the work */
	if (event != NETDEV_DOWN || !idev || idev->dead)
		return;
	net = dev_net(idev->dev);
	if (!nf_ct_pernet(net))
		return;
	w.ifindex = idev->dev->ifindex;
	w.addr = ifa->ifa_local;
	nf_ct_iterate_cleanup_net(net, inet_cmp, &w);
}

struct masq_addr6 {
	int ifindex;
	struct in6_addr addr;
};

static bool inet6_cmp(struct nf_conn *ct, void *data)
{
	struct masq_addr6 *w = data;

	return device_cmp(ct, &w->ifindex) && nf_ct_l3num(ct) == NFPROTO_IPV6 &&
	       ipv6_addr_equal(nf_ct_tuple_addr6(&ct->tuplehash[IP_CT_DIR_REPLY].tuple, true),
			       &w->addr);
}

/* An IPv6 address went (masq_inet6_event): the entries MASQUERADE made
 * with it on that device go. */
void nf_nat_masq_inet6_event(struct net_device *dev, const struct in6_addr *addr)
{
	struct net *net = dev_net(dev);
	struct masq_addr6 w;

	if (!nf_ct_pernet(net))
		return;
	w.ifindex = dev->ifindex;
	w.addr = *addr;
	nf_ct_iterate_cleanup_net(net, inet6_cmp, &w);
}

unsigned int nf_nat_redirect_ipv4(struct sk_buff *skb, const struct nf_nat_range2 *range,
				  unsigned int hooknum)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	struct nf_nat_range2 newrange;
	__be32 newdst = 0;

	if (!ct)
		return NF_ACCEPT;
	if (hooknum == NF_INET_LOCAL_OUT) {
		newdst = htonl(0x7F000001);
	} else {
		const struct in_device *indev = skb->dev ? __in_dev_get_rcu(skb->dev) : NULL;

		if (indev && !list_empty(&indev->ifa_list))
			newdst = list_first_entry(&indev->ifa_list, struct in_ifaddr,
						  ifa_list)->ifa_local;
		if (!newdst)
			return NF_DROP;
	}
	newrange = *range;
	newrange.flags |= NF_NAT_RANGE_MAP_IPS;
	newrange.min_addr = newrange.max_addr = newdst;
	return nf_nat_setup_info(ct, &newrange, NF_NAT_MANIP_DST);
}

/* NAT66 (nf_nat_masquerade_ipv6): the source address selection's choice
 * on the out device for the packet's destination. */
unsigned int nf_nat_masquerade_ipv6(struct sk_buff *skb, const struct nf_nat_range2 *range,
				    const struct net_device *out)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	struct nf_nat_range2 newrange;
	struct nf_conn_nat *nat;
	struct in6_addr src;

	if (!ct || !out)
		return NF_ACCEPT;
	if (ipv6_dev_get_saddr(nf_ct_net(ct), out, &ipv6_hdr(skb)->daddr, &src) < 0)
		return NF_DROP;
	if (nf_nat_initialized(ct, NF_NAT_MANIP_SRC))
		return NF_ACCEPT;
	nat = nf_ct_nat_ext_add(ct);
	if (!nat)
		return NF_DROP;
	nat->masq_index = out->ifindex;
	newrange = *range;
	newrange.flags |= NF_NAT_RANGE_MAP_IPS;
	newrange.min_addr6 = newrange.max_addr6 = src;
	return nf_nat_setup_info(ct, &newrange, NF_NAT_MANIP_SRC);
}

/* nf_nat_redirect_ipv6: ::1 from OUTPUT, else the input device's first
 * address that is not tentative (global ones come first). */
unsigned int nf_nat_redirect_ipv6(struct sk_buff *skb, const struct nf_nat_range2 *range,
				  unsigned int hooknum)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	struct nf_nat_range2 newrange;
	struct in6_addr newdst;
	bool found = false;

	if (!ct)
		return NF_ACCEPT;
	if (hooknum == NF_INET_LOCAL_OUT) {
		memset(&newdst, 0, sizeof(newdst));
		newdst.s6_addr[15] = 1;
		found = true;
	} else {
		struct inet6_dev *idev = skb->dev ? __in6_dev_get(skb->dev) : NULL;
		struct inet6_ifaddr *ifa;

		if (idev) {
			list_for_each_entry(ifa, &idev->addr_list, if_list) {
				if (ifa->flags & IFA_F_TENTATIVE)
					continue;
				newdst = ifa->addr;
				found = true;
				break;
			}
		}
	}
	if (!found)
		return NF_DROP;
	newrange = *range;
	newrange.flags |= NF_NAT_RANGE_MAP_IPS;
	newrange.min_addr6 = newrange.max_addr6 = newdst;
	return nf_nat_setup_info(ct, &newrange, NF_NAT_MANIP_DST);
}
