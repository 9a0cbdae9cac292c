/* VXLAN (drivers/net/vxlan/vxlan_core.c, RFC 7348): an Ethernet device
 * whose frames travel in UDP datagrams of the world's own IPv4 stack.
 *
 * Send (vxlan_xmit): the inner frame's destination MAC is looked up in the
 * device's FDB (else the all-zeros entry: head-end replication to every
 * remote it lists); per remote, the skb gets VXLAN, UDP and IP headers
 * pushed in front of the same buffer — so the tracking id stays — and goes
 * to ip_local_out(): routed, filtered by iptables OUTPUT/POSTROUTING and
 * traced like any locally sent datagram.
 *
 * Receive: the device's UDP socket on dstport (an encap socket, shared by
 * the devices of one port) hands each datagram to vxlan_rcv(), which finds
 * the device by VNI, learns the inner source MAC (unless nolearning), pulls
 * the headers and gives the inner frame to netif_rx() on the vxlan device. */
#include <errno.h>
#include <stdlib.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/slab.h"
#include "linux/igmp.h"
#include "linux/inetdevice.h"
#include "linux/netdevice.h"
#include "net/ethernet.h"
#include "net/neighbour.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/rtnetlink.h"
#include "net/sock.h"
#include "net/trace.h"
#include "net/vxlan.h"
#include "net/world.h"
#include "linux/hash.h"

extern const struct proto udp_prot;
extern const struct rtnl_link_ops vxlan_link_ops;

struct vxlan_udphdr {
	__be16 source;
	__be16 dest;
	__be16 len;
	__sum16 check;
};

static const u8 all_zeros_mac[ETH_ALEN];

bool netif_is_vxlan(const struct net_device *dev)
{
	return dev && dev->rtnl_link_ops == &vxlan_link_ops;
}

/* ---- the forwarding database ---- */

/* eth_hash(): the MAC as a little-endian word shifted up 16, hash_64() */
static unsigned int eth_hash(const u8 *addr)
{
	u64 value = 0;

	for (int i = ETH_ALEN - 1; i >= 0; i--)
		value = (value << 8) | addr[i];
	value <<= 16;
	return (unsigned int)((value * 0x61C8864680B583EBull) >> (64 - VXLAN_FDB_HASH_BITS));
}

static u64 vxlan_now(const struct vxlan_dev *vxlan)
{
	return world_now(vxlan->net->world);
}

static void vxlan_fdb_free(struct vxlan_dev *vxlan, struct vxlan_fdb *f)
{
	struct vxlan_rdst *rd, *tmp;

	list_for_each_entry_safe(rd, tmp, &f->remotes, list) {
		list_del(&rd->list);
		free(rd);
	}
	list_del(&f->hlist);
	list_del(&f->fdb_node);
	vxlan->addrcnt--;
	free(f);
}

/* vxlan_cleanup(): learned entries older than the ageing time go (done when
 * the table is read, so no timer runs for them) */
static void vxlan_fdb_age(struct vxlan_dev *vxlan)
{
	u64 now = vxlan_now(vxlan), age = (u64)vxlan->cfg.age_interval * 1000000000ull;

	if (!age)
		return;
	for (unsigned int h = 0; h < VXLAN_FDB_HASH_SIZE; h++) {
		struct vxlan_fdb *f, *tmp;

		list_for_each_entry_safe(f, tmp, &vxlan->fdb_head[h], hlist)
			if (!(f->state & (NUD_PERMANENT | NUD_NOARP)) && f->updated + age <= now)
				vxlan_fdb_free(vxlan, f);
	}
}

static struct vxlan_fdb *vxlan_find_mac(struct vxlan_dev *vxlan, const u8 *mac)
{
	struct vxlan_fdb *f;

	list_for_each_entry(f, &vxlan->fdb_head[eth_hash(mac)], hlist)
		if (ether_addr_equal(mac, f->eth_addr))
			return f;
	return NULL;
}

static struct vxlan_rdst *vxlan_fdb_find_rdst(struct vxlan_fdb *f, __be32 ip, u16 port,
					      u32 vni, int ifindex)
{
	struct vxlan_rdst *rd;

	list_for_each_entry(rd, &f->remotes, list)
		if (rd->remote_ip == ip && rd->remote_port == port && rd->remote_vni == vni &&
		    rd->remote_ifindex == ifindex)
			return rd;
	return NULL;
}

static struct vxlan_fdb *vxlan_fdb_create(struct vxlan_dev *vxlan, const u8 *mac, u16 state,
					  u8 flags)
{
	struct vxlan_fdb *f;

	if (vxlan->cfg.addrmax && vxlan->addrcnt >= vxlan->cfg.addrmax)
		return NULL;
	f = kzalloc(sizeof(*f));
	if (!f)
		return NULL;
	memcpy(f->eth_addr, mac, ETH_ALEN);
	f->state = state;
	f->flags = flags;
	f->updated = f->used = vxlan_now(vxlan);
	INIT_LIST_HEAD(&f->remotes);
	list_add(&f->hlist, &vxlan->fdb_head[eth_hash(mac)]);
	list_add(&f->fdb_node, &vxlan->fdb_list);
	vxlan->addrcnt++;
	return f;
}

static int vxlan_fdb_append(struct vxlan_fdb *f, __be32 ip, u16 port, u32 vni, int ifindex)
{
	struct vxlan_rdst *rd;

	if (vxlan_fdb_find_rdst(f, ip, port, vni, ifindex))
		return 0;
	rd = kzalloc(sizeof(*rd));
	if (!rd)
		return -ENOBUFS;
	rd->remote_ip = ip;
	rd->remote_port = port;
	rd->remote_vni = vni;
	rd->remote_ifindex = ifindex;
	list_add_tail(&rd->list, &f->remotes);
	return 1;
}

/* vxlan_fdb_update(): create, replace the first remote, or append one */
static int vxlan_fdb_update(struct vxlan_dev *vxlan, const u8 *mac, __be32 ip, u16 state,
			    u32 nlflags, u16 port, u32 vni, int ifindex, u8 ndm_flags)
{
	struct vxlan_fdb *f = vxlan_find_mac(vxlan, mac);
	int rc;

	if (f) {
		if (nlflags & NLM_F_EXCL)
			return -EEXIST;
		if (f->state != state) {
			f->state = state;
			f->updated = vxlan_now(vxlan);
		}
		if (nlflags & NLM_F_REPLACE) {
			struct vxlan_rdst *rd;

			/* only unicast MACs have one remote to replace */
			if (is_multicast_ether_addr(mac) || is_zero_ether_addr(mac))
				return -EOPNOTSUPP;
			rd = list_first_entry(&f->remotes, struct vxlan_rdst, list);
			rd->remote_ip = ip;
			rd->remote_port = port;
			rd->remote_vni = vni;
			rd->remote_ifindex = ifindex;
			f->updated = vxlan_now(vxlan);
			return 0;
		}
		if ((nlflags & NLM_F_APPEND) &&
		    (is_multicast_ether_addr(mac) || is_zero_ether_addr(mac))) {
			rc = vxlan_fdb_append(f, ip, port, vni, ifindex);
			if (rc < 0)
				return rc;
			if (rc)
				f->updated = vxlan_now(vxlan);
		}
		return 0;
	}
	if (!(nlflags & NLM_F_CREATE))
		return -ENOENT;
	f = vxlan_fdb_create(vxlan, mac, state, ndm_flags);
	if (!f)
		return -ENOSPC;
	rc = vxlan_fdb_append(f, ip, port, vni, ifindex);
	if (rc < 0) {
		vxlan_fdb_free(vxlan, f);
		return rc;
	}
	return 0;
}

int vxlan_fdb_add(struct net_device *dev, const struct vxlan_fdb_req *req)
{
	struct vxlan_dev *vxlan = vxlan_from_dev(dev);

	if (!vxlan)
		return -EOPNOTSUPP;
	if (!(req->state & (NUD_PERMANENT | NUD_REACHABLE)))
		return -EINVAL;
	if (!req->has_ip)
		return -EINVAL;	/* vxlan_fdb_parse(): no default remote for a new entry */
	vxlan_fdb_age(vxlan);
	return vxlan_fdb_update(vxlan, req->mac, req->ip, req->state, req->nlflags,
				req->port ? req->port : vxlan->cfg.dst_port,
				req->has_vni ? req->vni : vxlan->cfg.vni, req->ifindex, NTF_SELF);
}

int vxlan_fdb_delete(struct net_device *dev, const struct vxlan_fdb_req *req)
{
	struct vxlan_dev *vxlan = vxlan_from_dev(dev);
	struct vxlan_fdb *f;
	struct vxlan_rdst *rd;

	if (!vxlan)
		return -EOPNOTSUPP;
	vxlan_fdb_age(vxlan);
	f = vxlan_find_mac(vxlan, req->mac);
	if (!f)
		return -ENOENT;
	if (req->has_ip) {
		rd = vxlan_fdb_find_rdst(f, req->ip, req->port ? req->port : vxlan->cfg.dst_port,
					 req->has_vni ? req->vni : vxlan->cfg.vni, req->ifindex);
		if (!rd)
			return 0;	/* as the kernel: no such remote is no error */
		/* the last remote takes the entry with it */
		if (f->remotes.next->next != &f->remotes) {
			list_del(&rd->list);
			free(rd);
			return 0;
		}
	}
	vxlan_fdb_free(vxlan, f);
	return 0;
}

void vxlan_fdb_walk(struct net_device *dev,
		    void (*fn)(void *arg, const struct vxlan_fdb *f, const struct vxlan_rdst *rd),
		    void *arg)
{
	struct vxlan_dev *vxlan = vxlan_from_dev(dev);

	if (!vxlan)
		return;
	vxlan_fdb_age(vxlan);
	/* vxlan_fdb_dump(): one list, newest entry first */
	{
		struct vxlan_fdb *f;
		struct vxlan_rdst *rd;

		list_for_each_entry(f, &vxlan->fdb_list, fdb_node)
			list_for_each_entry(rd, &f->remotes, list)
				fn(arg, f, rd);
	}
}

static void vxlan_flush(struct vxlan_dev *vxlan)
{
	for (unsigned int h = 0; h < VXLAN_FDB_HASH_SIZE; h++) {
		struct vxlan_fdb *f, *tmp;

		list_for_each_entry_safe(f, tmp, &vxlan->fdb_head[h], hlist)
			vxlan_fdb_free(vxlan, f);
	}
}

struct net_device *vxlan_lower_dev(const struct net_device *dev)
{
	struct vxlan_dev *vxlan = vxlan_from_dev(dev);

	if (!vxlan || !vxlan->cfg.remote_ifindex)
		return NULL;
	return __dev_get_by_index(vxlan->net, vxlan->cfg.remote_ifindex);
}

/* ---- transmit ---- */

/* A flow hash that is the same both ways (the flow dissector's): inner
 * IPv4 addresses and ports, or ARP's addresses, or the MACs. */
static u32 vxlan_flow_hash(const struct sk_buff *skb)
{
	const u8 *d = skb->data;
	unsigned int len = skb_headlen(skb);
	u32 a, b, ports = 0, proto = 0;

	if (len >= ETH_HLEN + 20 && d[12] == 0x08 && d[13] == 0x00) {
		const u8 *ip = d + ETH_HLEN;
		unsigned int ihl = (ip[0] & 15u) * 4;

		memcpy(&a, ip + 12, 4);
		memcpy(&b, ip + 16, 4);
		proto = ip[9];
		if ((proto == IPPROTO_TCP || proto == IPPROTO_UDP) && len >= ETH_HLEN + ihl + 4 &&
		    !(ip[6] & 0x3f) && !ip[7]) {
			u16 sp = (u16)(ip[ihl] << 8 | ip[ihl + 1]);
			u16 dp = (u16)(ip[ihl + 2] << 8 | ip[ihl + 3]);

			ports = sp < dp ? (u32)sp << 16 | dp : (u32)dp << 16 | sp;
		}
	} else if (len >= ETH_HLEN + 28 && d[12] == 0x08 && d[13] == 0x06) {
		memcpy(&a, d + ETH_HLEN + 14, 4);
		memcpy(&b, d + ETH_HLEN + 24, 4);
		proto = 0x0806;
	} else {
		u32 m1 = 0, m2 = 0;

		memcpy(&m1, d, 4);
		memcpy(&m2, d + 6, 4);
		a = m1;
		b = m2;
		proto = skb->protocol;
	}
	if (a > b) {
		u32 t = a;

		a = b;
		b = t;
	}
	return hash_mix32(hash_3words(a, b, ports) ^ proto);
}

/* udp_flow_src_port(): the hash scaled into [min, max) — the namespace's
 * ip_local_port_range when `srcport` gives no range (0 0, or MIN == MAX) */
static u16 vxlan_src_port(const struct vxlan_dev *vxlan, const struct sk_buff *skb)
{
	u32 min = vxlan->cfg.port_min, max = vxlan->cfg.port_max;
	u32 hash = vxlan_flow_hash(skb);

	if (min >= max) {
		min = (u32)vxlan->net->ipv4.sysctl_ip_local_port_range[0];
		max = (u32)vxlan->net->ipv4.sysctl_ip_local_port_range[1];
	}
	if (max <= min)
		return (u16)min;
	return (u16)((((u64)hash * (max - min)) >> 32) + min);
}

static void vxlan_udp_csum(struct sk_buff *skb, const struct iphdr *iph,
			   struct vxlan_udphdr *uh, unsigned int ulen)
{
	u16 proto = htons(IPPROTO_UDP);
	u32 sum;

	uh->check = 0;
	sum = csum_partial(&iph->saddr, 8, 0);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(&uh->len, 2, sum);
	sum = csum_partial(uh, (int)ulen, sum);
	uh->check = csum_fold(sum);
	if (!uh->check)
		uh->check = 0xFFFF;
	(void)skb;
}

/* Keep the header at data + off 4-byte aligned: Linux does not care on x86,
 * but skbox's IPv4 code reads struct iphdr directly (and UBSan checks it).
 * The outer IPv4 header sits 36 bytes before the inner frame, the inner one
 * 14 bytes after it: moving the frame back by up to 3 bytes fixes both. */
static int vxlan_realign(struct sk_buff *skb, int off)
{
	unsigned int mis;

	if (skb_cow(skb, 4))
		return -ENOMEM;
	mis = (unsigned int)((uintptr_t)(skb->data + off) & 3u);
	if (mis) {
		unsigned char *to = skb->data - mis;

		memmove(to, skb->data, skb_headlen(skb));
		skb->data = to;
		skb->tail -= mis;
	}
	return 0;
}

static void vxlan_tx_drop(struct net_device *dev, struct sk_buff *skb,
			  enum skb_drop_reason reason, const char *hint)
{
	dev->tx_dropped_core++;
	skb_drop_hint(skb, hint);
	kfree_skb_reason(skb, reason);
}

/* skb_scrub_packet(): nothing of the inner packet's route, conntrack or
 * bridge state goes with the outer one */
static void vxlan_scrub(struct sk_buff *skb, bool xnet)
{
	skb_dst_drop(skb);
	nf_conntrack_put(skb_nfct(skb));
	skb->_nfct = 0;
	nf_bridge_info_put(skb->nf_bridge);
	skb->nf_bridge = NULL;
	if (xnet)
		skb->mark = 0;
}

/* The outer TOS: `tos`, or with `inherit` the inner IPv4 one */
static u8 vxlan_outer_tos(const struct vxlan_dev *vxlan, const struct sk_buff *skb)
{
	if (vxlan->cfg.tos != 1)
		return vxlan->cfg.tos;
	if (skb->protocol == htons(ETH_P_IP) && skb_headlen(skb) >= ETH_HLEN + 20)
		return skb->data[ETH_HLEN + 1];
	return 0;
}

/* The route to the remote VTEP; NULL after dropping the skb */
static struct rtable *vxlan_route(struct sk_buff *skb, struct net_device *dev,
				  struct flowi4 *fl4)
{
	struct vxlan_dev *vxlan = netdev_priv(dev);
	struct rtable *rt;
	int err;

	rt = ip_route_output_key(vxlan->net, fl4, &err);
	if (!rt) {
		dev->stats.tx_carrier_errors++;
		vxlan_tx_drop(dev, skb, SKB_DROP_REASON_IP_OUTNOROUTES, "no route to the remote VTEP");
		return NULL;
	}
	if (rt->dst.dev == dev) {
		/* the route to the remote goes back into this device */
		dev->stats.collisions++;
		ip_rt_put(rt);
		vxlan_tx_drop(dev, skb, SKB_DROP_REASON_NOT_SPECIFIED,
			      "circular route to the remote VTEP");
		return NULL;
	}
	if (skb_cow_head(skb, VXLAN_HEADROOM - ETH_HLEN + 4 + LL_RESERVED_SPACE(rt->dst.dev)) ||
	    vxlan_realign(skb, 0)) {
		ip_rt_put(rt);
		vxlan_tx_drop(dev, skb, SKB_DROP_REASON_NOMEM, NULL);
		return NULL;
	}
	return rt;
}

static void vxlan_trace_xmit(struct sk_buff *skb, const struct vxlan_rdst *rd, u16 dport,
			     u16 sport, const struct rtable *rt)
{
	char note[80], ip[16];
	const u8 *a = (const u8 *)&rd->remote_ip;

	snprintf(ip, sizeof(ip), "%u.%u.%u.%u", a[0], a[1], a[2], a[3]);
	snprintf(note, sizeof(note), "vni %u remote %s port %u sport %u", rd->remote_vni, ip,
		 dport, sport);
	skb_trace_note(skb, "vxlan_xmit", note);
	if (rt)
		skb_trace_route(skb, "ip_route_output_key", rt);
}

/* the VXLAN, UDP and IPv4 headers in front of the inner frame */
static void vxlan_push_headers(struct sk_buff *skb, const struct vxlan_dev *vxlan,
			       const struct vxlan_rdst *rd, const struct flowi4 *fl4, u8 tos,
			       u8 ttl)
{
	struct vxlan_udphdr *uh;
	struct vxlanhdr *vxh;
	struct iphdr *iph;
	unsigned int ulen;

	vxh = (struct vxlanhdr *)skb_push(skb, sizeof(*vxh));
	vxh->vx_flags = htonl(VXLAN_HF_VNI);
	vxh->vx_vni = htonl(rd->remote_vni << 8);
	ulen = skb->len + (unsigned int)sizeof(*uh);
	uh = (struct vxlan_udphdr *)skb_push(skb, sizeof(*uh));
	uh->source = fl4->fl4_sport;
	uh->dest = fl4->fl4_dport;
	uh->len = htons((u16)ulen);
	uh->check = 0;
	skb_reset_transport_header(skb);
	iph = (struct iphdr *)skb_push(skb, sizeof(*iph));
	skb_reset_network_header(skb);
	memset(iph, 0, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = tos;
	iph->ttl = ttl ? ttl : (u8)vxlan->net->ipv4.sysctl_ip_default_ttl;
	iph->protocol = IPPROTO_UDP;
	iph->saddr = fl4->saddr;
	iph->daddr = fl4->daddr;
	iph->frag_off = 0;	/* df unset: the outer packet may be fragmented */
	iph->tot_len = htons((u16)skb->len);
	if (!(vxlan->cfg.flags & VXLAN_F_UDP_ZERO_CSUM_TX))
		vxlan_udp_csum(skb, iph, uh, ulen);
}

/* vxlan_xmit_one(): encapsulate for one remote and send through IPv4 (or,
 * with a host underlay, through the host's UDP socket) */
static void vxlan_xmit_one(struct sk_buff *skb, struct net_device *dev,
			   const struct vxlan_rdst *rd)
{
	struct vxlan_dev *vxlan = netdev_priv(dev);
	struct net *net = vxlan->net;
	u16 dport = rd->remote_port ? rd->remote_port : vxlan->cfg.dst_port;
	struct flowi4 fl4 = { 0 };
	struct rtable *rt;
	unsigned int inner_len = skb->len - ETH_HLEN;
	u8 ttl = vxlan->cfg.ttl, tos = vxlan_outer_tos(vxlan, skb);
	u16 sport;

	if (!rd->remote_ip) {
		vxlan_tx_drop(dev, skb, SKB_DROP_REASON_NO_TX_TARGET, "the FDB entry has no remote");
		return;
	}
	if (vxlan->host_fd >= 0) {
		vxlan_scrub(skb, false);
		if (skb_tracing(skb))
			vxlan_trace_xmit(skb, rd, dport, vxlan->cfg.dst_port, NULL);
		vxlan_host_xmit(vxlan, skb, rd);
		return;
	}
	if (ipv4_is_multicast(rd->remote_ip) && !ttl)
		ttl = 1;
	sport = vxlan_src_port(vxlan, skb);
	fl4.daddr = rd->remote_ip;
	fl4.saddr = vxlan->cfg.saddr;
	fl4.flowi4_oif = rd->remote_ifindex;
	fl4.flowi4_tos = tos & IPTOS_RT_MASK;
	fl4.flowi4_mark = skb->mark;
	fl4.flowi4_proto = IPPROTO_UDP;
	fl4.fl4_sport = htons(sport);
	fl4.fl4_dport = htons(dport);
	rt = vxlan_route(skb, dev, &fl4);
	if (!rt)
		return;
	vxlan_scrub(skb, !net_eq(net, dev_net(dev)));
	if (skb_tracing(skb))
		vxlan_trace_xmit(skb, rd, dport, sport, rt);
	vxlan_push_headers(skb, vxlan, rd, &fl4, tos, ttl);
	memset(skb->cb, 0, sizeof(skb->cb));
	skb->protocol = htons(ETH_P_IP);
	skb->ignore_df = 1;
	skb_dst_set(skb, &rt->dst);
	ip_select_ident(net, skb, NULL);
	skb->ip_summed = CHECKSUM_NONE;
	/* iptunnel_xmit_stats(): the inner packet's L3 length */
	if (ip_local_out(net, vxlan->vn4_sock ? vxlan->vn4_sock->sk : NULL, skb) < 0) {
		dev->stats.tx_errors++;
		dev->stats.tx_aborted_errors++;
		return;
	}
	dev->stats.tx_packets++;
	dev->stats.tx_bytes += inner_len;
}

/* arp_reduce() (`proxy`): answer an ARP request from the vxlan device's own
 * neighbour table instead of flooding it over the underlay; a request
 * nobody answers is dropped too.  The reply comes in on the vxlan device. */
static bool vxlan_arp_reduce(struct vxlan_dev *vxlan, struct sk_buff *skb)
{
	struct net_device *dev = vxlan->dev;
	const u8 *d = skb->data, *arp = d + ETH_HLEN;
	struct neighbour *n;
	struct sk_buff *reply;
	__be32 sip, tip;
	u8 *r;

	if (skb->len < ETH_HLEN + 28 || d[12] != 0x08 || d[13] != 0x06)
		return false;
	if (arp[0] != 0 || arp[1] != 1 || arp[2] != 0x08 || arp[3] != 0x00 || arp[4] != 6 ||
	    arp[5] != 4 || arp[6] != 0 || arp[7] != 1)
		return false;	/* only Ethernet/IPv4 requests */
	memcpy(&sip, arp + 14, 4);
	memcpy(&tip, arp + 24, 4);
	if (ipv4_is_loopback(tip) || ipv4_is_multicast(tip))
		goto out;
	n = neigh_lookup(&dev_net(dev)->ipv4.arp_tbl, &tip, dev);
	if (!n)
		goto out;
	if (n->nud_state & NUD_CONNECTED) {
		reply = alloc_skb(skb->pool, NET_SKB_PAD + ETH_HLEN + 28 + 18);
		if (reply) {
			skb_reserve(reply, NET_SKB_PAD + 2);
			r = skb_put(reply, ETH_HLEN + 28);
			memcpy(r, arp + 8, ETH_ALEN);		/* to the asker */
			memcpy(r + 6, n->ha, ETH_ALEN);
			r[12] = 0x08;
			r[13] = 0x06;
			memcpy(r + 14, arp, 6);
			r[20] = 0;
			r[21] = 2;				/* ARPOP_REPLY */
			memcpy(r + 22, n->ha, ETH_ALEN);
			memcpy(r + 28, &tip, 4);
			memcpy(r + 32, arp + 8, ETH_ALEN);
			memcpy(r + 38, &sip, 4);
			reply->protocol = eth_type_trans(reply, dev);
			if (netif_rx(reply))	/* not counted as received, as Linux */
				dev->rx_dropped_core++;
		}
	}
	neigh_release(n);
out:
	consume_skb(skb);
	return true;
}

static netdev_tx_t vxlan_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct vxlan_dev *vxlan = netdev_priv(dev);
	struct vxlan_rdst *rd, *last = NULL;
	struct vxlan_fdb *f;

	if (skb->len < ETH_HLEN || skb_linearize(skb)) {
		vxlan_tx_drop(dev, skb, SKB_DROP_REASON_PKT_TOO_SMALL, NULL);
		return NETDEV_TX_OK;
	}
	skb_reset_mac_header(skb);
	if ((vxlan->cfg.flags & VXLAN_F_PROXY) && vxlan_arp_reduce(vxlan, skb))
		return NETDEV_TX_OK;
	vxlan_fdb_age(vxlan);
	f = vxlan_find_mac(vxlan, skb->data);
	if (!f)
		f = vxlan_find_mac(vxlan, all_zeros_mac);
	if (!f || list_empty(&f->remotes)) {
		vxlan_tx_drop(dev, skb, SKB_DROP_REASON_NO_TX_TARGET,
			      "no FDB entry for the destination MAC and no default remote");
		return NETDEV_TX_OK;
	}
	f->used = vxlan_now(vxlan);
	/* head-end replication: a copy for every remote but the last */
	list_for_each_entry(rd, &f->remotes, list) {
		if (last) {
			struct sk_buff *skb1 = skb_clone(skb);

			if (skb1)
				vxlan_xmit_one(skb1, dev, last);
			else
				dev->tx_dropped_core++;
		}
		last = rd;
	}
	vxlan_xmit_one(skb, dev, last);
	return NETDEV_TX_OK;
}

/* ---- receive ---- */

static struct vxlan_dev *vxlan_vs_find_vni(struct vxlan_sock *vs, u32 vni)
{
	struct vxlan_dev *vxlan;

	list_for_each_entry(vxlan, &vs->devs, vs_node)
		if (vxlan->cfg.vni == vni)
			return vxlan;
	return NULL;
}

/* vxlan_snoop(): learn (or move) the inner source MAC's remote */
static void vxlan_snoop(struct vxlan_dev *vxlan, __be32 src_ip, const u8 *src_mac)
{
	struct vxlan_fdb *f = vxlan_find_mac(vxlan, src_mac);

	if (f) {
		struct vxlan_rdst *rd = list_first_entry(&f->remotes, struct vxlan_rdst, list);

		f->updated = vxlan_now(vxlan);
		if (rd->remote_ip == src_ip)
			return;
		if (f->state & (NUD_PERMANENT | NUD_NOARP))
			return;
		rd->remote_ip = src_ip;
		return;
	}
	vxlan_fdb_update(vxlan, src_mac, src_ip, NUD_REACHABLE, NLM_F_EXCL | NLM_F_CREATE,
			 vxlan->cfg.dst_port, vxlan->cfg.vni, 0, NTF_SELF);
}

int vxlan_hdr_vni(struct sk_buff *skb, const struct vxlanhdr *hdr)
{
	struct vxlanhdr h;
	const struct vxlanhdr *vxh = &h;
	u32 vni;

	memcpy(&h, hdr, sizeof(h));	/* a host datagram's header may be unaligned */
	if (!(ntohl(vxh->vx_flags) & VXLAN_HF_VNI) || (vxh->vx_vni & htonl(0xff))) {
		skb_drop_hint(skb, "VXLAN header without the I flag");
		return -EINVAL;
	}
	vni = ntohl(vxh->vx_vni) >> 8;
	if (skb_tracing(skb)) {
		char note[24];

		snprintf(note, sizeof(note), "vni %u", vni);
		skb_trace_note(skb, "vxlan_rcv", note);
	}
	return (int)vni;
}

static int vxlan_rcv_drop(struct net_device *dev, struct sk_buff *skb,
			  enum skb_drop_reason reason)
{
	dev->rx_dropped_core++;
	kfree_skb_reason(skb, reason);
	return 0;
}

/* the inner frame (skb->data at its Ethernet header) from the VTEP src_ip:
 * checked, learned, and received on the device */
int vxlan_rcv_inner(struct vxlan_dev *vxlan, struct sk_buff *skb, __be32 src_ip)
{
	struct net_device *dev = vxlan->dev;

	if (vxlan_realign(skb, ETH_HLEN))
		return vxlan_rcv_drop(dev, skb, SKB_DROP_REASON_NOMEM);
	skb_reset_mac_header(skb);
	skb_dst_drop(skb);
	nf_conntrack_put(skb_nfct(skb));
	skb->_nfct = 0;
	if (!net_eq(vxlan->net, dev_net(dev)))
		skb->mark = 0;
	/* our own frame came back: a loop */
	if (ether_addr_equal(skb->data + ETH_ALEN, dev->dev_addr))
		return vxlan_rcv_drop(dev, skb, SKB_DROP_REASON_LOCAL_MAC);
	if (is_multicast_ether_addr(skb->data + ETH_ALEN) ||
	    is_zero_ether_addr(skb->data + ETH_ALEN))
		return vxlan_rcv_drop(dev, skb, SKB_DROP_REASON_MAC_INVALID_SOURCE);
	if (vxlan->cfg.flags & VXLAN_F_LEARN)
		vxlan_snoop(vxlan, src_ip, skb->data + ETH_ALEN);
	if (!(dev->flags & IFF_UP))
		return vxlan_rcv_drop(dev, skb, SKB_DROP_REASON_DEV_READY);
	memset(skb->cb, 0, sizeof(skb->cb));
	skb->skb_iif = 0;
	skb->protocol = eth_type_trans(skb, dev);
	skb->ip_summed = CHECKSUM_NONE;
	dev->stats.rx_packets++;
	dev->stats.rx_bytes += skb->len;
	netif_rx(skb);
	return 0;
}

static int vxlan_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct vxlan_sock *vs = sk->sk_user_data;
	struct vxlan_dev *vxlan;
	__be32 saddr;
	int vni;

	if (!pskb_may_pull(skb, VXLAN_HLEN + ETH_HLEN)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_PKT_TOO_SMALL);
		return 0;
	}
	vni = vxlan_hdr_vni(skb, (const struct vxlanhdr *)(skb->data +
							   sizeof(struct vxlan_udphdr)));
	if (vni < 0) {
		kfree_skb_reason(skb, SKB_DROP_REASON_VXLAN_INVALID_HDR);
		return 0;
	}
	vxlan = vxlan_vs_find_vni(vs, (u32)vni);
	if (!vxlan) {
		skb_drop_hint(skb, "no vxlan device with this VNI on the port");
		kfree_skb_reason(skb, SKB_DROP_REASON_VXLAN_VNI_NOT_FOUND);
		return 0;
	}
	saddr = ip_hdr(skb)->saddr;
	/* __iptunnel_pull_header() and skb_scrub_packet() */
	skb_pull(skb, VXLAN_HLEN);
	return vxlan_rcv_inner(vxlan, skb, saddr);
}

/* ---- the encapsulation socket ---- */

static struct vxlan_sock *vxlan_find_sock(struct net *net, u16 port)
{
	struct sock *sk;

	list_for_each_entry(sk, &net->ipv4.udp_sockets, sk_node)
		if (sk->encap_rcv == vxlan_rcv && sk->inet_num == port)
			return sk->sk_user_data;
	return NULL;
}

static int vxlan_sock_add(struct vxlan_dev *vxlan)
{
	struct vxlan_sock *vs = vxlan_find_sock(vxlan->net, vxlan->cfg.dst_port);
	struct sockaddr_in sin;
	int err;

	if (!vs) {
		vs = kzalloc(sizeof(*vs));
		if (!vs)
			return -ENOMEM;
		vs->sk = sk_alloc(vxlan->net, AF_INET, &udp_prot);
		if (!vs->sk) {
			free(vs);
			return -ENOMEM;
		}
		vs->sk->sk_type = SOCK_DGRAM;
		vs->sk->sk_protocol = IPPROTO_UDP;
		memset(&sin, 0, sizeof(sin));
		sin.sin_family = AF_INET;
		sin.sin_port = htons(vxlan->cfg.dst_port);
		err = udp_prot.bind(vs->sk, (struct sockaddr *)&sin, sizeof(sin));
		if (err) {
			sk_free(vs->sk);
			free(vs);
			return err;
		}
		vs->sk->mc_loop = 0;	/* setup_udp_tunnel_sock(): our own group datagrams stay out */
		vs->sk->encap_rcv = vxlan_rcv;
		vs->sk->sk_user_data = vs;
		vs->port = vxlan->cfg.dst_port;
		INIT_LIST_HEAD(&vs->devs);
	}
	vs->refcnt++;
	list_add_tail(&vxlan->vs_node, &vs->devs);
	vxlan->vn4_sock = vs;
	return 0;
}

static void vxlan_sock_release(struct vxlan_dev *vxlan)
{
	struct vxlan_sock *vs = vxlan->vn4_sock;

	if (!vs)
		return;
	list_del_init(&vxlan->vs_node);
	vxlan->vn4_sock = NULL;
	if (--vs->refcnt)
		return;
	vs->sk->encap_rcv = NULL;
	udp_prot.close(vs->sk);
	free(vs);
}

/* vxlan_group_used(): another open device of the socket is in the same
 * group on the same lower device, so the membership is shared */
static bool vxlan_group_used(const struct vxlan_dev *vxlan)
{
	const struct vxlan_dev *v;

	list_for_each_entry(v, &vxlan->vn4_sock->devs, vs_node)
		if (v != vxlan && v->cfg.remote_ip == vxlan->cfg.remote_ip &&
		    v->cfg.remote_ifindex == vxlan->cfg.remote_ifindex)
			return true;
	return false;
}

/* vxlan_igmp_join()/vxlan_igmp_leave(): the encap socket's membership of
 * `group` on the lower device (ip_mc_join_group: the IGMP report goes out
 * of it) */
static struct in_device *vxlan_group_in_dev(const struct vxlan_dev *vxlan)
{
	struct net_device *lower;

	if (!ipv4_is_multicast(vxlan->cfg.remote_ip) || !vxlan->vn4_sock ||
	    vxlan_group_used(vxlan))
		return NULL;
	lower = __dev_get_by_index(vxlan->net, vxlan->cfg.remote_ifindex);
	return lower ? __in_dev_get_rtnl(lower) : NULL;
}

static int vxlan_open(struct net_device *dev)
{
	struct vxlan_dev *vxlan = netdev_priv(dev);
	struct in_device *in_dev;
	int err;

	if (vxlan->cfg.flags & VXLAN_F_HOST_UNDERLAY)
		return 0;	/* the host socket is open from creation on */
	err = vxlan_sock_add(vxlan);
	if (err)
		return err;
	in_dev = vxlan_group_in_dev(vxlan);
	if (in_dev) {
		err = ip_mc_inc_group(in_dev, vxlan->cfg.remote_ip);
		if (err) {
			vxlan_sock_release(vxlan);
			return err;
		}
	}
	return 0;
}

static int vxlan_stop(struct net_device *dev)
{
	struct vxlan_dev *vxlan = netdev_priv(dev);
	struct in_device *in_dev = vxlan_group_in_dev(vxlan);

	if (in_dev)
		ip_mc_dec_group(in_dev, vxlan->cfg.remote_ip);
	vxlan_sock_release(vxlan);
	/* vxlan_flush(vxlan, false): learned entries go, configured ones stay */
	for (unsigned int h = 0; h < VXLAN_FDB_HASH_SIZE; h++) {
		struct vxlan_fdb *f, *tmp;

		list_for_each_entry_safe(f, tmp, &vxlan->fdb_head[h], hlist)
			if (!(f->state & (NUD_PERMANENT | NUD_NOARP)))
				vxlan_fdb_free(vxlan, f);
	}
	return 0;
}

static int vxlan_change_mtu(struct net_device *dev, int mtu)
{
	struct net_device *lower = vxlan_lower_dev(dev);

	if (lower && mtu > (int)lower->mtu - VXLAN_HEADROOM)
		return -EINVAL;
	dev->mtu = (unsigned int)mtu;
	return 0;
}

static const struct net_device_ops vxlan_netdev_ops = {
	.ndo_open = vxlan_open,
	.ndo_stop = vxlan_stop,
	.ndo_start_xmit = vxlan_xmit,
	.ndo_change_mtu = vxlan_change_mtu,
};

static void vxlan_setup(struct net_device *dev)
{
	struct vxlan_dev *vxlan = netdev_priv(dev);

	ether_setup(dev);
	dev->netdev_ops = &vxlan_netdev_ops;
	dev->priv_flags |= IFF_NO_QUEUE | IFF_NO_OPER_REPORT | IFF_LIVE_ADDR_CHANGE;
	dev->min_mtu = ETH_MIN_MTU;
	dev->max_mtu = ETH_MAX_MTU;
	vxlan->dev = dev;
	vxlan->host_fd = -1;
	INIT_LIST_HEAD(&vxlan->vs_node);
	for (unsigned int h = 0; h < VXLAN_FDB_HASH_SIZE; h++)
		INIT_LIST_HEAD(&vxlan->fdb_head[h]);
	INIT_LIST_HEAD(&vxlan->fdb_list);
}

/* vxlan_config_validate(): one device per VNI and port in a namespace */
static int vxlan_config_validate(struct net *src_net, struct vxlan_dev *vxlan,
				 struct net_device **lower, struct netlink_ext_ack *extack)
{
	const struct vxlan_config *conf = &vxlan->cfg;
	struct net_device *d;
	struct net *n;

	if (ipv4_is_multicast(conf->saddr)) {
		NL_SET_ERR_MSG(extack, "Local address cannot be multicast");
		return -EINVAL;
	}
	if (conf->port_max < conf->port_min) {	/* vxlan_validate() */
		NL_SET_ERR_MSG(extack, "Invalid source port range");
		return -EINVAL;
	}
	if (conf->remote_ifindex) {
		*lower = __dev_get_by_index(src_net, conf->remote_ifindex);
		if (!*lower) {
			NL_SET_ERR_MSG(extack, "Invalid local interface, device not found");
			return -ENODEV;
		}
	}
	list_for_each_entry(n, &src_net->world->nets, list)
		for_each_netdev(n, d) {
			struct vxlan_dev *other = vxlan_from_dev(d);

			if (other && other != vxlan && other->net == src_net &&
			    other->cfg.vni == conf->vni && other->cfg.dst_port == conf->dst_port) {
				NL_SET_ERR_MSG(extack,
					       "A VXLAN device with the specified VNI already exists");
				return -EEXIST;
			}
		}
	return 0;
}

/* vxlan_dev_configure(): the device, its host socket, the default remote */
static int vxlan_newlink(struct net *src_net, struct net_device *dev, struct link_req *req,
			 struct netlink_ext_ack *extack)
{
	struct vxlan_dev *vxlan = netdev_priv(dev);
	const struct vxlan_config *conf = req->info_data;
	struct net *net = req->net ? req->net : src_net;
	struct net_device *lower = NULL;
	int err;

	if (!conf) {
		NL_SET_ERR_MSG(extack, "Missing VXLAN configuration");
		return -EINVAL;
	}
	vxlan->cfg = *conf;
	vxlan->net = src_net;
	if (!vxlan->cfg.dst_port)
		vxlan->cfg.dst_port = VXLAN_LINUX_PORT;
	err = vxlan_config_validate(src_net, vxlan, &lower, extack);
	if (err)
		return err;
	if (lower) {
		lower->priv_flags |= IFF_VXLAN_LOWER;
		/* as this kernel: the lower device's MTU less 50, whatever mtu said */
		dev->mtu = lower->mtu - VXLAN_HEADROOM;
	}
	if (conf->flags & VXLAN_F_HOST_UNDERLAY) {
		err = vxlan_host_open(vxlan, extack);
		if (err)
			return err;
	}
	err = register_netdevice(net, dev);
	if (err) {
		vxlan_host_close(vxlan);
		return err;
	}
	vxlan->default_dst.remote_ip = conf->remote_ip;
	vxlan->default_dst.remote_ifindex = conf->remote_ifindex;
	vxlan->default_dst.remote_vni = conf->vni;
	if (!conf->remote_ip)
		return 0;
	/* the all-zeros entry for the configured remote or group */
	err = vxlan_fdb_update(vxlan, all_zeros_mac, conf->remote_ip,
			       NUD_REACHABLE | NUD_PERMANENT, NLM_F_EXCL | NLM_F_CREATE,
			       vxlan->cfg.dst_port, conf->vni, conf->remote_ifindex, NTF_SELF);
	if (err) {
		unregister_netdevice(dev);
		vxlan_host_close(vxlan);
		return err;
	}
	return 0;
}

static void vxlan_dellink(struct net_device *dev, struct list_head *head)
{
	struct vxlan_dev *vxlan = netdev_priv(dev);

	(void)head;
	unregister_netdevice(dev);
	vxlan_sock_release(vxlan);
	vxlan_host_close(vxlan);
	vxlan_flush(vxlan);
	free_netdev(dev);
}

const struct rtnl_link_ops vxlan_link_ops = {
	.kind = "vxlan",
	.priv_size = sizeof(struct vxlan_dev),
	.setup = vxlan_setup,
	.newlink = vxlan_newlink,
	.dellink = vxlan_dellink,
};

/* vxlan_netdevice_event(): unregistering a lower device deletes the vxlan
 * devices over it (vxlan_handle_lowerdev_unregister) */
int vxlan_netdevice_event(struct net_device *dev, unsigned long event)
{
	struct net *lower_net = dev_net(dev), *n;
	struct net_device *d;
	bool again = true;

	if (event != NETDEV_UNREGISTER || !(dev->priv_flags & IFF_VXLAN_LOWER))
		return 0;
	while (again) {
		again = false;
		list_for_each_entry(n, &lower_net->world->nets, list) {
			for_each_netdev(n, d) {
				struct vxlan_dev *vxlan = vxlan_from_dev(d);

				if (vxlan && d != dev && vxlan->net == lower_net &&
				    vxlan->cfg.remote_ifindex == dev->ifindex) {
					vxlan_dellink(d, NULL);
					again = true;
					break;
				}
			}
			if (again)
				break;
		}
	}
	return 0;
}
