/* IPVS transmitters (net/netfilter/ipvs/ip_vs_xmit.c), called by ip_vs_in
 * with a scheduled connection:
 *
 *   ip_vs_nat_xmit  route to the real server, TTL decremented, destination
 *                   address and port rewritten (RFC 1624 incremental
 *                   checksums, as nf_nat), conntrack told the new reply
 *                   tuple (net.ipv4.vs.conntrack=1) or the packet left
 *                   untracked, then LOCAL_OUT -> dst_output like a local
 *                   packet (ip_vs_nat_send_or_cont).  A local real server:
 *                   the packet goes on up the stack (NF_ACCEPT).
 *   ip_vs_dr_xmit   route to the real server with it as the known next hop
 *                   (FLOWI_FLAG_KNOWN_NH: the frame goes to its MAC), the IP
 *                   header keeps the virtual address (ip_vs_send_or_cont).
 *   ip_vs_tunnel_xmit  the packet inside an IPIP header to the real server
 *                   (ip_local_out), which decapsulates it on tunl0.
 *
 * Both return NF_STOLEN when they took the skb (sent or dropped). */
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "linux/slab.h"
#include "net/ip_vs.h"
#include "net/ip.h"
#include "net/icmp.h"
#include "net/route.h"
#include "net/trace.h"
#include "net/net_namespace.h"
#include "net/netfilter/nf_nat.h"
#include "linux/netdevice.h"
#include "linux/netfilter.h"
#include "uapi/rtnetlink.h"

/* ---- conntrack ---- */
void ip_vs_notrack(struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	struct net *net;

	if (!ct || nf_ct_is_untracked(skb) || !ct->net)
		return;
	net = ct->net;
	nf_reset_ct(skb);
	ct = nf_ct_untracked_get(net);
	nf_conntrack_get(&ct->ct_general);
	nf_ct_set(skb, ct, IP_CT_UNTRACKED);
}

void ip_vs_update_conntrack(struct sk_buff *skb, struct ip_vs_conn *cp, bool outin)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	struct nf_conntrack_tuple t;

	if (!ct || nf_ct_is_untracked(skb) || nf_ct_is_confirmed(ct) || nf_ct_is_dying(ct))
		return;
	if ((cp->flags & IP_VS_CONN_F_FWD_MASK) != IP_VS_CONN_F_MASQ ||
	    (cp->flags & IP_VS_CONN_F_ONE_PACKET) || CTINFO2DIR(ctinfo) != IP_CT_DIR_ORIGINAL)
		return;
	/* CIP->VIP stays; the reply will come RIP->CIP */
	t = ct->tuplehash[IP_CT_DIR_REPLY].tuple;
	if (outin) {
		t.src.ip = cp->daddr;
		t.src.u.all = cp->dport;
	} else {
		t.dst.ip = cp->vaddr;
		t.dst.u.all = cp->vport;
	}
	nf_conntrack_alter_reply(ct, &t);
}

void ip_vs_conn_drop_conntrack(struct ip_vs_conn *cp)
{
	struct nf_conntrack_tuple t;
	struct nf_conntrack_tuple_hash *h;

	if (!cp->cport)
		return;
	memset(&t, 0, sizeof(t));
	t.src.ip = cp->caddr;
	t.src.u.all = cp->cport;
	t.dst.ip = cp->vaddr;
	t.dst.u.all = cp->vport;
	t.dst.protonum = (u8)cp->protocol;
	t.dst.dir = IP_CT_DIR_ORIGINAL;
	h = nf_conntrack_find_get(cp->net, &t);
	if (!h)
		return;
	nf_ct_delete(nf_ct_tuplehash_to_ctrack(h));
	nf_ct_put(nf_ct_tuplehash_to_ctrack(h));
}

/* ---- routes ---- */
/* A copy of rt whose next hop is nh (an uncached KNOWN_NH route). */
static struct rtable *rt_known_nh(struct rtable *rt, __be32 nh)
{
	struct rtable *n = kmalloc(sizeof(*n));

	if (!n)
		return NULL;
	memcpy(n, rt, sizeof(*n));
	n->dst.refcnt = 1;
	lwtstate_get(n->dst.lwtstate);
	if (n->dst.dev) {
		dev_hold(n->dst.dev);
		dev_net(n->dst.dev)->world->dst_live++;
	}
	n->rt_gw_family = 2;
	n->rt_gw4 = nh;
	n->rt_uses_gateway = 1;
	return n;
}

/* __ip_vs_get_out_rt: 1 local, 0 routed (skb's dst replaced), -1 drop. */
static int ip_vs_get_out_rt(struct net *net, struct sk_buff *skb, __be32 daddr, bool known_nh)
{
	struct flowi4 fl4 = { .daddr = daddr, .flowi4_flags = FLOWI_FLAG_ANYSRC };
	struct iphdr *iph;
	struct rtable *rt;
	int err = 0;

	rt = ip_route_output_key(net, &fl4, &err);
	if (!rt)
		return -1;
	if (rt->rt_flags & RTCF_LOCAL) {
		ip_rt_put(rt);
		return 1;
	}
	iph = ip_hdr(skb);
	/* crosses_local_route_boundary: nothing from 127/8 leaves */
	if ((ntohl(iph->saddr) >> 24) == 127) {
		skb_drop_hint(skb, "ip_vs: stopping traffic from loopback address");
		ip_rt_put(rt);
		return -1;
	}
	if (iph->ttl <= 1) {		/* decrement_ttl */
		__IP_INC_STATS(net, IPSTATS_MIB_INHDRERRORS);
		icmp_send(skb, ICMP_TIME_EXCEEDED, ICMP_EXC_TTL, 0);
		ip_rt_put(rt);
		return -1;
	}
	if (known_nh && !rt->rt_uses_gateway) {
		struct rtable *n = rt_known_nh(rt, daddr);

		ip_rt_put(rt);
		if (!n)
			return -1;
		rt = n;
	}
	ip_decrease_ttl(ip_hdr(skb));
	skb_dst_drop(skb);
	skb_dst_set(skb, &rt->dst);
	return 0;
}

static void ip_vs_xmit_trace(struct sk_buff *skb, const char *func, struct ip_vs_conn *cp)
{
	char note[96];
	u32 v = ntohl(cp->vaddr), d = ntohl(cp->daddr);

	if (!skb_tracing(skb))
		return;
	snprintf(note, sizeof(note), "%u.%u.%u.%u:%u -> %u.%u.%u.%u:%u", v >> 24, v >> 16 & 255,
		 v >> 8 & 255, v & 255, ntohs(cp->vport), d >> 24, d >> 16 & 255, d >> 8 & 255,
		 d & 255, ntohs(cp->dport));
	skb_trace_note(skb, func, note);
}

/* ip_vs_send_or_cont: out through LOCAL_OUT as a local packet would go */
static int ip_vs_send(struct net *net, struct sk_buff *skb)
{
	skb->ipvs_property = 1;
	NF_HOOK(NFPROTO_IPV4, NF_INET_LOCAL_OUT, net, NULL, skb, NULL, skb_dst(skb)->dev,
		dst_output);
	return NF_STOLEN;
}

static bool ip_vs_dnat(struct sk_buff *skb, struct ip_vs_conn *cp)
{
	struct nf_conntrack_tuple t;

	memset(&t, 0, sizeof(t));
	t.dst.ip = cp->daddr;
	t.dst.u.all = cp->dport;
	t.dst.protonum = (u8)cp->protocol;
	return nf_nat_ipv4_manip_pkt(skb, 0, &t, NF_NAT_MANIP_DST);
}

int ip_vs_nat_xmit(struct sk_buff *skb, struct ip_vs_conn *cp)
{
	struct net *net = cp->net;
	int local = ip_vs_get_out_rt(net, skb, cp->daddr, false);

	if (local < 0)
		goto tx_error;
	ip_vs_xmit_trace(skb, "ip_vs_nat_xmit", cp);
	if (!ip_vs_dnat(skb, cp))
		goto tx_error;
	if (cp->flags & IP_VS_CONN_F_NFCT)
		ip_vs_update_conntrack(skb, cp, true);
	else
		ip_vs_notrack(skb);
	if (local) {
		skb->ipvs_property = 1;
		return NF_ACCEPT;
	}
	return ip_vs_send(net, skb);

tx_error:
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
	return NF_STOLEN;
}

int ip_vs_dr_xmit(struct sk_buff *skb, struct ip_vs_conn *cp)
{
	struct net *net = cp->net;
	int local = ip_vs_get_out_rt(net, skb, cp->daddr, true);

	if (local < 0)
		goto tx_error;
	ip_vs_xmit_trace(skb, "ip_vs_dr_xmit", cp);
	if (local) {
		skb->ipvs_property = 1;
		return NF_ACCEPT;
	}
	if (!(cp->flags & IP_VS_CONN_F_NFCT))
		ip_vs_notrack(skb);
	return ip_vs_send(net, skb);

tx_error:
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
	return NF_STOLEN;
}

/* ip_vs_tunnel_xmit(): the packet, TTL decremented, inside a new IPv4 header
 * (IPIP, RFC 2003) from the route's source address to the real server,
 * which decapsulates it on an ipip device (tunl0) and answers the client
 * directly from the virtual address.  The outer header copies the inner
 * TOS, TTL and DF; the inner packet's conntrack entry stays behind
 * (ip_vs_tunnel_xmit_prepare: nf_reset_ct), so the outer one is tracked
 * on its own. */
static struct sk_buff *ip_vs_tunnel_push(struct sk_buff *skb, __be32 saddr, __be32 daddr)
{
	const struct iphdr *old;
	struct iphdr *iph;

	if (skb_cow_head(skb, sizeof(*iph) + LL_RESERVED_SPACE(skb_dst(skb)->dev)))
		return NULL;
	old = ip_hdr(skb);
	iph = (struct iphdr *)skb_push(skb, sizeof(*iph));
	skb_reset_network_header(skb);
	memset(iph, 0, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = old->tos;
	iph->frag_off = old->frag_off & htons(IP_DF);
	iph->ttl = old->ttl;
	iph->protocol = IPPROTO_IPIP;
	iph->saddr = saddr;
	iph->daddr = daddr;
	return skb;
}

int ip_vs_tunnel_xmit(struct sk_buff *skb, struct ip_vs_conn *cp)
{
	struct net *net = cp->net;
	struct flowi4 fl4 = { .daddr = cp->daddr };
	int local = ip_vs_get_out_rt(net, skb, cp->daddr, false), err = 0;
	struct rtable *rt;

	if (local < 0)
		goto tx_error;
	ip_vs_xmit_trace(skb, "ip_vs_tunnel_xmit", cp);
	if (local) {
		skb->ipvs_property = 1;
		return NF_ACCEPT;
	}
	rt = ip_route_output_key(net, &fl4, &err);	/* the outer source address */
	if (!rt)
		goto tx_error;
	ip_rt_put(rt);
	if (!ip_vs_tunnel_push(skb, fl4.saddr, cp->daddr))
		goto tx_error;
	ip_select_ident(net, skb, NULL);
	skb->ipvs_property = 1;
	nf_reset_ct(skb);
	memset(skb->cb, 0, sizeof(skb->cb));
	ip_local_out(net, NULL, skb);
	return NF_STOLEN;

tx_error:
	kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
	return NF_STOLEN;
}
