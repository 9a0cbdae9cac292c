/* IPVS core (net/netfilter/ipvs/ip_vs_core.c): the netfilter hooks.
 *
 *   LOCAL_IN   98  ip_vs_out_hook   replies of masqueraded connections for a
 *                                   local client: source back to the VIP
 *   LOCAL_IN   99  ip_vs_in_hook    requests to a virtual service: schedule a
 *                                   real server (new connection) and transmit
 *   LOCAL_OUT -99  ip_vs_out_hook   (replies of a local real server)
 *   LOCAL_OUT -98  ip_vs_in_hook    requests made on this host
 *   FORWARD   100  ip_vs_out_hook   replies passing through (the usual case)
 *
 * A virtual address must be local: the packet reaches LOCAL_IN (kube-proxy
 * binds every ClusterIP to the kube-ipvs0 dummy device).  Packets IPVS
 * translated carry skb->ipvs_property and pass the hooks untouched.
 * Connection states follow ip_vs_proto_tcp.c's table; UDP has one state. */
#include <arpa/inet.h>
#include "net/ip_vs.h"
#include "net/ip.h"
#include "net/icmp.h"
#include "net/tcp.h"
#include "net/trace.h"
#include "net/net_namespace.h"
#include "net/netfilter/nf_nat.h"
#include "linux/netdevice.h"
#include "linux/netfilter.h"

#define TH_FIN 0x01
#define TH_SYN 0x02
#define TH_RST 0x04
#define TH_ACK 0x10

/* What IPVS reads of a packet (struct ip_vs_iphdr + the ports). */
struct ip_vs_iphdr {
	u8 protocol;
	u8 tcp_flags;
	__be32 saddr, daddr;
	__be16 sport, dport;
};

/* TCP or UDP, not a later fragment, with its ports: true. */
static bool ip_vs_fill_iph(struct sk_buff *skb, struct ip_vs_iphdr *h)
{
	const struct iphdr *iph = ip_hdr(skb);
	unsigned int ihl = iph->ihl * 4u;
	const u8 *l4;

	if (iph->protocol != IPPROTO_TCP && iph->protocol != IPPROTO_UDP)
		return false;
	if (iph->frag_off & htons(IP_OFFSET))
		return false;
	if (!pskb_may_pull(skb, ihl + (iph->protocol == IPPROTO_TCP ? 14u : 8u)))
		return false;
	iph = ip_hdr(skb);
	l4 = (const u8 *)iph + ihl;
	h->protocol = iph->protocol;
	h->saddr = iph->saddr;
	h->daddr = iph->daddr;
	memcpy(&h->sport, l4, 2);
	memcpy(&h->dport, l4 + 2, 2);
	h->tcp_flags = iph->protocol == IPPROTO_TCP ? l4[13] : 0;
	return true;
}

/* ---- states (tcp_state_transition, udp_state_transition) ---- */
#define sNO IP_VS_TCP_S_NONE
#define sES IP_VS_TCP_S_ESTABLISHED
#define sSS IP_VS_TCP_S_SYN_SENT
#define sSR IP_VS_TCP_S_SYN_RECV
#define sFW IP_VS_TCP_S_FIN_WAIT
#define sTW IP_VS_TCP_S_TIME_WAIT
#define sCL IP_VS_TCP_S_CLOSE
#define sCW IP_VS_TCP_S_CLOSE_WAIT
#define sLA IP_VS_TCP_S_LAST_ACK
#define sLI IP_VS_TCP_S_LISTEN
#define sSA IP_VS_TCP_S_SYNACK

/* [direction * 4 + syn/fin/ack/rst][state]: input, output, input-only */
static const u8 tcp_states[12][IP_VS_TCP_S_LAST] = {
	/*        sNO, sES, sSS, sSR, sFW, sTW, sCL, sCW, sLA, sLI, sSA */
	/*syn*/ { sSR, sES, sES, sSR, sSR, sSR, sSR, sSR, sSR, sSR, sSR },
	/*fin*/ { sCL, sCW, sSS, sTW, sTW, sTW, sCL, sCW, sLA, sLI, sTW },
	/*ack*/ { sCL, sES, sSS, sES, sFW, sTW, sCL, sCW, sCL, sLI, sES },
	/*rst*/ { sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sSR },
	/*syn*/ { sSS, sES, sSS, sSR, sSS, sSS, sSS, sSS, sSS, sLI, sSR },
	/*fin*/ { sTW, sFW, sSS, sTW, sFW, sTW, sCL, sTW, sLA, sLI, sTW },
	/*ack*/ { sES, sES, sSS, sES, sFW, sTW, sCL, sCW, sLA, sES, sES },
	/*rst*/ { sCL, sCL, sSS, sCL, sCL, sTW, sCL, sCL, sCL, sCL, sCL },
	/*syn*/ { sSR, sES, sES, sSR, sSR, sSR, sSR, sSR, sSR, sSR, sSR },
	/*fin*/ { sCL, sFW, sSS, sTW, sFW, sTW, sCL, sCW, sLA, sLI, sTW },
	/*ack*/ { sCL, sES, sSS, sES, sFW, sTW, sCL, sCW, sCL, sLI, sES },
	/*rst*/ { sCL, sCL, sCL, sSR, sCL, sCL, sCL, sCL, sLA, sLI, sCL },
};

static int tcp_state_idx(u8 flags)
{
	if (flags & TH_RST)
		return 3;
	if (flags & TH_SYN)
		return 0;
	if (flags & TH_FIN)
		return 1;
	if (flags & TH_ACK)
		return 2;
	return -1;
}

/* ActiveConn counts ESTABLISHED connections, InActConn the others. */
static void tcp_set_dest_counters(struct ip_vs_conn *cp, unsigned int new_state)
{
	struct ip_vs_dest *dest = cp->dest;

	if (!dest)
		return;
	if (!(cp->flags & IP_VS_CONN_F_INACTIVE) && new_state != IP_VS_TCP_S_ESTABLISHED) {
		dest->activeconns--;
		dest->inactconns++;
		cp->flags |= IP_VS_CONN_F_INACTIVE;
	} else if ((cp->flags & IP_VS_CONN_F_INACTIVE) && new_state == IP_VS_TCP_S_ESTABLISHED) {
		dest->activeconns++;
		dest->inactconns--;
		cp->flags &= ~IP_VS_CONN_F_INACTIVE;
	}
}

static void set_tcp_state(struct netns_ipvs *ipvs, struct ip_vs_conn *cp, int direction,
			  u8 flags)
{
	int off = direction == IP_VS_DIR_OUTPUT ? 4 : 0;
	unsigned int new_state = IP_VS_TCP_S_CLOSE;
	int idx;

	if (cp->flags & IP_VS_CONN_F_NOOUTPUT) {
		if (off == 4)
			cp->flags &= ~IP_VS_CONN_F_NOOUTPUT;
		else
			off = 8;
	}
	idx = tcp_state_idx(flags);
	if (idx >= 0)
		new_state = tcp_states[off + idx][cp->state];
	if (new_state != cp->state)
		tcp_set_dest_counters(cp, new_state);
	cp->state = new_state;
	cp->timeout = (u64)ipvs->tcp_timeouts[new_state] * 1000000000ull;
}

void ip_vs_set_state(struct ip_vs_conn *cp, int direction, const struct sk_buff *skb)
{
	struct netns_ipvs *ipvs = net_ipvs(cp->net);
	const struct iphdr *iph = ip_hdr(skb);

	if (cp->protocol == IPPROTO_UDP) {
		cp->timeout = (u64)ipvs->udp_timeout * 1000000000ull;
		return;
	}
	set_tcp_state(ipvs, cp, direction, ((const u8 *)iph + iph->ihl * 4u)[13]);
}

/* ---- statistics ---- */
static void stats_add(struct world *w, struct ip_vs_stats *s, bool in, unsigned int len)
{
	ip_vs_est_update(w, s);
	if (in) {
		s->inpkts++;
		s->inbytes += len;
	} else {
		s->outpkts++;
		s->outbytes += len;
	}
}

static void ip_vs_pkt_stats(struct ip_vs_conn *cp, const struct sk_buff *skb, bool in)
{
	struct ip_vs_dest *dest = cp->dest;
	struct world *w = cp->net->world;

	if (!dest || !(dest->flags & IP_VS_DEST_F_AVAILABLE))
		return;
	stats_add(w, &dest->stats, in, skb->len);
	stats_add(w, &dest->svc->stats, in, skb->len);
	stats_add(w, &net_ipvs(cp->net)->tot_stats, in, skb->len);
}

static void ip_vs_conn_stats(struct ip_vs_conn *cp, struct ip_vs_service *svc)
{
	struct world *w = svc->net->world;
	struct ip_vs_stats *s[3] = { &cp->dest->stats, &svc->stats,
				     &net_ipvs(svc->net)->tot_stats };

	for (int i = 0; i < 3; i++) {
		ip_vs_est_update(w, s[i]);
		s[i]->conns++;
	}
}

/* ---- scheduling (ip_vs_schedule, ip_vs_sched_persist) ---- */
static struct ip_vs_conn *ip_vs_sched_persist(struct ip_vs_service *svc, struct sk_buff *skb,
					      const struct ip_vs_iphdr *h)
{
	__be32 snet = h->saddr & svc->netmask;
	struct ip_vs_conn *ct = ip_vs_ct_in_get(svc->net, h->protocol, snet, svc->addr, svc->port);
	struct ip_vs_dest *dest;
	struct ip_vs_conn *cp;

	/* ip_vs_check_template: a template whose server went or is quiescent
	 * is invalidated (no lookup finds it; it lives on while it controls
	 * connections) and a new one is made */
	if (ct && (!ct->dest || ct->dest->weight <= 0)) {
		ct->vport = htons(0xffff);
		ct->dport = htons(0xffff);
		ct = NULL;
	}
	if (!ct) {
		dest = svc->scheduler->schedule(svc, skb, h->saddr, h->sport);
		if (!dest)
			return NULL;
		ct = ip_vs_conn_new(svc->net, h->protocol, snet, 0, svc->addr, svc->port,
				    dest->addr, dest->port, IP_VS_CONN_F_TEMPLATE, dest);
		if (!ct)
			return NULL;
	}
	ct->timeout = (u64)svc->timeout * 1000000000ull;
	dest = ct->dest;
	cp = ip_vs_conn_new(svc->net, h->protocol, h->saddr, h->sport, h->daddr, h->dport,
			    dest->addr, dest->port ? dest->port : h->dport, 0, dest);
	if (!cp)
		return NULL;
	cp->control = ct;
	ct->n_control++;
	ip_vs_conn_put(ct);
	ip_vs_conn_stats(cp, svc);
	return cp;
}

static struct ip_vs_conn *ip_vs_schedule(struct ip_vs_service *svc, struct sk_buff *skb,
					 const struct ip_vs_iphdr *h)
{
	struct ip_vs_dest *dest;
	struct ip_vs_conn *cp;
	unsigned int flags;

	if (svc->flags & IP_VS_SVC_F_PERSISTENT)
		return ip_vs_sched_persist(svc, skb, h);
	dest = svc->scheduler->schedule(svc, skb, h->saddr, h->sport);
	if (!dest)
		return NULL;
	flags = (svc->flags & IP_VS_SVC_F_ONEPACKET) && h->protocol == IPPROTO_UDP ?
		IP_VS_CONN_F_ONE_PACKET : 0;
	cp = ip_vs_conn_new(svc->net, h->protocol, h->saddr, h->sport, h->daddr, h->dport,
			    dest->addr, dest->port ? dest->port : h->dport, flags, dest);
	if (cp)
		ip_vs_conn_stats(cp, svc);
	return cp;
}

/* ip_vs_leave: no real server to take it; ICMP port unreachable (no RST:
 * no socket exists at this layer). */
static unsigned int ip_vs_leave(struct sk_buff *skb)
{
	skb_trace_note(skb, "ip_vs_leave", "no destination available");
	icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0);
	skb_drop_hint(skb, "ip_vs: the virtual service has no usable real server");
	return NF_DROP;
}

/* tcp_conn_schedule / udp_conn_schedule + ip_vs_try_to_schedule:
 * NULL with *verdict when nothing is scheduled. */
static struct ip_vs_conn *ip_vs_try_to_schedule(struct netns_ipvs *ipvs, struct sk_buff *skb,
						const struct ip_vs_iphdr *h,
						unsigned int *verdict)
{
	struct ip_vs_service *svc;
	struct ip_vs_conn *cp;

	*verdict = NF_ACCEPT;
	if (h->protocol == IPPROTO_TCP &&
	    (!((h->tcp_flags & TH_SYN) || ipvs->sysctl_sloppy_tcp) || (h->tcp_flags & TH_RST)))
		return NULL;
	/* ip_vs_service_find(): a fwmark service first, then address and port */
	svc = ip_vs_service_find_fwm(ipvs->net, skb->mark);
	if (!svc)
		svc = ip_vs_service_find(ipvs->net, h->protocol, h->daddr, h->dport);
	if (!svc)
		return NULL;
	cp = ip_vs_schedule(svc, skb, h);
	if (!cp)
		*verdict = ip_vs_leave(skb);
	return cp;
}

/* A SYN for a connection in TIME_WAIT/CLOSE (conn_reuse_mode): the old
 * one goes; when its conntrack entry is still the packet's, the SYN is
 * dropped (the client sends it again a second later). */
static struct ip_vs_conn *ip_vs_conn_reuse(struct netns_ipvs *ipvs, struct sk_buff *skb,
					   struct ip_vs_conn *cp, const struct ip_vs_iphdr *h,
					   bool *drop)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;
	bool old_ct = false;

	*drop = false;
	if (!ipvs->sysctl_conn_reuse_mode || h->protocol != IPPROTO_TCP ||
	    !(h->tcp_flags & TH_SYN) || cp->control)
		return cp;
	if (!(cp->state == IP_VS_TCP_S_TIME_WAIT || cp->state == IP_VS_TCP_S_CLOSE ||
	      ((ipvs->sysctl_conn_reuse_mode & 2) && cp->state == IP_VS_TCP_S_FIN_WAIT &&
	       (cp->flags & IP_VS_CONN_F_NOOUTPUT))))
		return cp;
	ct = nf_ct_get(skb, &ctinfo);
	if ((cp->flags & IP_VS_CONN_F_NFCT) && ct && !nf_ct_is_untracked(skb) &&
	    nf_ct_is_confirmed(ct))
		old_ct = true;
	if (!old_ct)
		cp->flags &= ~IP_VS_CONN_F_NFCT;
	if (!cp->n_control)
		ip_vs_conn_expire_now(cp);
	*drop = old_ct;
	return NULL;
}

static unsigned int ip_vs_in_hook(void *priv, struct sk_buff *skb,
				  const struct nf_hook_state *state)
{
	struct netns_ipvs *ipvs = net_ipvs(state->net);
	struct ip_vs_iphdr h;
	struct ip_vs_conn *cp;
	unsigned int ret;
	bool drop;

	(void)priv;
	if (skb->ipvs_property || !ipvs || !skb_dst(skb))
		return NF_ACCEPT;
	if (state->hook == NF_INET_LOCAL_IN && skb->pkt_type != PACKET_HOST)
		return NF_ACCEPT;
	if (!ip_vs_fill_iph(skb, &h))
		return NF_ACCEPT;
	cp = ip_vs_conn_in_get(state->net, h.protocol, h.saddr, h.sport, h.daddr, h.dport);
	if (cp) {
		cp = ip_vs_conn_reuse(ipvs, skb, cp, &h, &drop);
		if (drop)
			return NF_DROP;
	}
	if (!cp) {
		cp = ip_vs_try_to_schedule(ipvs, skb, &h, &ret);
		if (!cp)
			return ret;
	}
	skb_trace(skb, "ip_vs_in");
	ip_vs_pkt_stats(cp, skb, true);
	ip_vs_set_state(cp, IP_VS_DIR_INPUT, skb);
	ret = cp->packet_xmit(skb, cp);
	ip_vs_conn_put(cp);
	return ret;
}

/* handle_response: a masqueraded connection's reply leaves with the
 * virtual address and port as its source. */
static unsigned int handle_response(struct sk_buff *skb, struct ip_vs_conn *cp)
{
	struct nf_conntrack_tuple t;

	memset(&t, 0, sizeof(t));
	t.src.ip = cp->vaddr;
	t.src.u.all = cp->vport;
	t.dst.protonum = (u8)cp->protocol;
	skb_trace(skb, "ip_vs_out");
	if (!nf_nat_ipv4_manip_pkt(skb, 0, &t, NF_NAT_MANIP_SRC))
		return NF_DROP;
	ip_vs_pkt_stats(cp, skb, false);
	ip_vs_set_state(cp, IP_VS_DIR_OUTPUT, skb);
	skb->ipvs_property = 1;
	if (cp->flags & IP_VS_CONN_F_NFCT)
		ip_vs_update_conntrack(skb, cp, false);
	else
		ip_vs_notrack(skb);
	ip_vs_conn_put(cp);
	return NF_ACCEPT;
}

static unsigned int ip_vs_out_hook(void *priv, struct sk_buff *skb,
				   const struct nf_hook_state *state)
{
	struct ip_vs_iphdr h;
	struct ip_vs_conn *cp;

	(void)priv;
	if (skb->ipvs_property || !net_ipvs(state->net))
		return NF_ACCEPT;
	if (!ip_vs_fill_iph(skb, &h))
		return NF_ACCEPT;
	cp = ip_vs_conn_out_get(state->net, h.protocol, h.saddr, h.sport, h.daddr, h.dport);
	if (!cp || (cp->flags & IP_VS_CONN_F_FWD_MASK) != IP_VS_CONN_F_MASQ)
		return NF_ACCEPT;
	return handle_response(skb, cp);
}

static const struct nf_hook_ops ip_vs_ops4[] = {
	{ .hook = ip_vs_out_hook, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_IN, .priority = 98 },
	{ .hook = ip_vs_in_hook, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_IN, .priority = 99 },
	{ .hook = ip_vs_out_hook, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_OUT, .priority = -99 },
	{ .hook = ip_vs_in_hook, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_OUT, .priority = -98 },
	{ .hook = ip_vs_out_hook, .pf = NFPROTO_IPV4, .hooknum = NF_INET_FORWARD, .priority = 100 },
};

#define NR_OPS (sizeof(ip_vs_ops4) / sizeof(ip_vs_ops4[0]))

int ip_vs_register_hooks(struct net *net)
{
	struct netns_ipvs *ipvs = net_ipvs(net);

	for (size_t i = 0; i < NR_OPS; i++) {
		int err = nf_register_net_hook(net, &ip_vs_ops4[i]);

		if (err) {
			while (i-- > 0)
				nf_unregister_net_hook(net, &ip_vs_ops4[i]);
			return err;
		}
	}
	ipvs->hooks_on = true;
	return 0;
}

void ip_vs_unregister_hooks(struct net *net)
{
	struct netns_ipvs *ipvs = net_ipvs(net);

	if (!ipvs->hooks_on)
		return;
	for (size_t i = 0; i < NR_OPS; i++)
		nf_unregister_net_hook(net, &ip_vs_ops4[i]);
	ipvs->hooks_on = false;
}
