/* IPVS connections (net/netfilter/ipvs/ip_vs_conn.c): one entry per client
 * connection to a virtual service, hashed by protocol, client address and
 * port (both directions find it there: requests by the virtual address,
 * replies by the real server's), with a timer set to the state's timeout
 * after every packet.  A new connection counts as inactive on its real
 * server until TCP reaches ESTABLISHED (ActiveConn / InActConn).
 * When it expires, a connection bound to conntrack takes its entry along
 * (ip_vs_conn_drop_conntrack). */
#include <stdlib.h>
#include <arpa/inet.h>
#include "linux/slab.h"
#include "net/ip_vs.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "linux/hash.h"

static unsigned int conn_hashkey(u16 proto, __be32 addr, __be16 port)
{
	return hash_3words(proto, addr, port) & (IP_VS_CONN_TAB_SIZE - 1);
}

static void conn_hash(struct netns_ipvs *ipvs, struct ip_vs_conn *cp)
{
	unsigned int h = conn_hashkey(cp->protocol, cp->caddr, cp->cport);

	cp->c_next = ipvs->conn_tab[h];
	ipvs->conn_tab[h] = cp;
	cp->flags |= IP_VS_CONN_F_HASHED;
	ipvs->conn_count++;
}

static void conn_unhash(struct netns_ipvs *ipvs, struct ip_vs_conn *cp)
{
	struct ip_vs_conn **pp = &ipvs->conn_tab[conn_hashkey(cp->protocol, cp->caddr, cp->cport)];

	for (; *pp; pp = &(*pp)->c_next) {
		if (*pp == cp) {
			*pp = cp->c_next;
			cp->flags &= ~IP_VS_CONN_F_HASHED;
			ipvs->conn_count--;
			return;
		}
	}
}

/* ip_vs_bind_dest / ip_vs_unbind_dest: the real server's counters */
static void conn_bind_dest(struct ip_vs_conn *cp, struct ip_vs_dest *dest)
{
	cp->dest = dest;
	if (!dest)
		return;
	if (cp->flags & IP_VS_CONN_F_TEMPLATE)
		dest->persistconns++;
	else if (cp->flags & IP_VS_CONN_F_INACTIVE)
		dest->inactconns++;
	else
		dest->activeconns++;
	if (dest->u_threshold && (u32)ip_vs_dest_conn_overhead(dest) >= dest->u_threshold)
		dest->flags |= IP_VS_DEST_F_OVERLOAD;
}

static void conn_unbind_dest(struct ip_vs_conn *cp)
{
	struct ip_vs_dest *dest = cp->dest;
	u32 lower;

	if (!dest)
		return;
	if (cp->flags & IP_VS_CONN_F_TEMPLATE)
		dest->persistconns--;
	else if (cp->flags & IP_VS_CONN_F_INACTIVE)
		dest->inactconns--;
	else
		dest->activeconns--;
	/* back under the lower threshold (or 3/4 of the upper one) */
	lower = dest->l_threshold ? dest->l_threshold : dest->u_threshold * 3 / 4;
	if ((u32)ip_vs_dest_conn_overhead(dest) <= lower)
		dest->flags &= ~IP_VS_DEST_F_OVERLOAD;
	cp->dest = NULL;
}

static void conn_free(struct netns_ipvs *ipvs, struct ip_vs_conn *cp)
{
	del_timer(&cp->timer);
	conn_unhash(ipvs, cp);
	conn_unbind_dest(cp);
	if (cp->control)
		cp->control->n_control--;
	free(cp);
}

static void ip_vs_conn_expire(struct timer_list *t)
{
	struct ip_vs_conn *cp = from_timer(cp, t, timer);
	struct netns_ipvs *ipvs = net_ipvs(cp->net);

	/* a template lives while connections it controls do */
	if (cp->n_control > 0) {
		mod_timer(&cp->timer, world_now(cp->net->world) + cp->timeout);
		return;
	}
	if ((cp->flags & IP_VS_CONN_F_NFCT) && !(cp->flags & IP_VS_CONN_F_ONE_PACKET))
		ip_vs_conn_drop_conntrack(cp);
	conn_free(ipvs, cp);
}

struct ip_vs_conn *ip_vs_conn_new(struct net *net, u16 protocol, __be32 caddr, __be16 cport,
				  __be32 vaddr, __be16 vport, __be32 daddr, __be16 dport,
				  unsigned int flags, struct ip_vs_dest *dest)
{
	struct netns_ipvs *ipvs = net_ipvs(net);
	struct ip_vs_conn *cp = kzalloc(sizeof(*cp));

	if (!cp)
		return NULL;
	cp->net = net;
	cp->protocol = protocol;
	cp->caddr = caddr;
	cp->cport = cport;
	cp->vaddr = vaddr;
	cp->vport = vport;
	cp->daddr = daddr;
	cp->dport = dport;
	cp->flags = flags;
	if (!(flags & IP_VS_CONN_F_TEMPLATE))
		cp->flags |= IP_VS_CONN_F_INACTIVE;
	cp->timeout = 3 * 1000000000ull;
	timer_setup(&net->world->timers, &cp->timer, ip_vs_conn_expire);
	if (dest) {
		cp->flags |= dest->conn_flags & IP_VS_CONN_F_FWD_MASK;
		/* direct routing sees only the client's half */
		if ((dest->conn_flags & IP_VS_CONN_F_FWD_MASK) == IP_VS_CONN_F_DROUTE)
			cp->flags |= IP_VS_CONN_F_NOOUTPUT;
	}
	conn_bind_dest(cp, dest);
	switch (cp->flags & IP_VS_CONN_F_FWD_MASK) {
	case IP_VS_CONN_F_DROUTE:
		cp->packet_xmit = ip_vs_dr_xmit;
		break;
	case IP_VS_CONN_F_TUNNEL:
		cp->packet_xmit = ip_vs_tunnel_xmit;
		cp->flags |= IP_VS_CONN_F_NOOUTPUT;	/* the answers go straight to the client */
		break;
	default:
		cp->packet_xmit = ip_vs_nat_xmit;
		break;
	}
	if (ipvs->sysctl_conntrack)
		cp->flags |= IP_VS_CONN_F_NFCT;
	conn_hash(ipvs, cp);
	mod_timer(&cp->timer, world_now(net->world) + cp->timeout);
	return cp;
}

static struct ip_vs_conn *conn_find(struct net *net, u16 protocol, __be32 caddr,
				    __be16 cport, __be32 addr, __be16 port, bool out)
{
	struct netns_ipvs *ipvs = net_ipvs(net);
	struct ip_vs_conn *cp;

	if (!ipvs)
		return NULL;
	for (cp = ipvs->conn_tab[conn_hashkey(protocol, caddr, cport)]; cp; cp = cp->c_next) {
		if (cp->protocol != protocol || cp->caddr != caddr || cp->cport != cport ||
		    (cp->flags & IP_VS_CONN_F_TEMPLATE))
			continue;
		if (out ? cp->daddr == addr && cp->dport == port :
			  cp->vaddr == addr && cp->vport == port)
			return cp;
	}
	return NULL;
}

struct ip_vs_conn *ip_vs_conn_in_get(struct net *net, u16 protocol, __be32 saddr,
				     __be16 sport, __be32 daddr, __be16 dport)
{
	return conn_find(net, protocol, saddr, sport, daddr, dport, false);
}

/* A reply: from the real server (saddr, sport) to the client. */
struct ip_vs_conn *ip_vs_conn_out_get(struct net *net, u16 protocol, __be32 saddr,
				      __be16 sport, __be32 daddr, __be16 dport)
{
	struct ip_vs_conn *cp = conn_find(net, protocol, daddr, dport, saddr, sport, true);

	/* direct routing and masquerading alike; only NAT replies pass here */
	return cp;
}

struct ip_vs_conn *ip_vs_ct_in_get(struct net *net, u16 protocol, __be32 caddr,
				   __be32 vaddr, __be16 vport)
{
	struct netns_ipvs *ipvs = net_ipvs(net);
	struct ip_vs_conn *cp;

	if (!ipvs)
		return NULL;
	for (cp = ipvs->conn_tab[conn_hashkey(protocol, caddr, 0)]; cp; cp = cp->c_next)
		if ((cp->flags & IP_VS_CONN_F_TEMPLATE) && cp->protocol == protocol &&
		    cp->caddr == caddr && cp->cport == 0 && cp->vaddr == vaddr &&
		    cp->vport == vport)
			return cp;
	return NULL;
}

void ip_vs_conn_put(struct ip_vs_conn *cp)
{
	if (cp->flags & IP_VS_CONN_F_ONE_PACKET) {
		ip_vs_conn_expire_now(cp);
		return;
	}
	mod_timer(&cp->timer, world_now(cp->net->world) + cp->timeout);
}

void ip_vs_conn_expire_now(struct ip_vs_conn *cp)
{
	del_timer(&cp->timer);
	ip_vs_conn_expire(&cp->timer);
}

void ip_vs_conn_unbind_dest_all(struct net *net, struct ip_vs_dest *dest)
{
	struct netns_ipvs *ipvs = net_ipvs(net);

	for (unsigned int i = 0; ipvs && i < IP_VS_CONN_TAB_SIZE; i++)
		for (struct ip_vs_conn *cp = ipvs->conn_tab[i]; cp; cp = cp->c_next)
			if (cp->dest == dest)
				conn_unbind_dest(cp);
}

/* The namespace goes: every connection without touching conntrack. */
void ip_vs_conn_flush(struct net *net)
{
	struct netns_ipvs *ipvs = net_ipvs(net);

	for (unsigned int i = 0; ipvs && i < IP_VS_CONN_TAB_SIZE; i++)
		while (ipvs->conn_tab[i])
			conn_free(ipvs, ipvs->conn_tab[i]);
}

static const char *const tcp_state_name_table[IP_VS_TCP_S_LAST + 1] = {
	[IP_VS_TCP_S_NONE] = "NONE",
	[IP_VS_TCP_S_ESTABLISHED] = "ESTABLISHED",
	[IP_VS_TCP_S_SYN_SENT] = "SYN_SENT",
	[IP_VS_TCP_S_SYN_RECV] = "SYN_RECV",
	[IP_VS_TCP_S_FIN_WAIT] = "FIN_WAIT",
	[IP_VS_TCP_S_TIME_WAIT] = "TIME_WAIT",
	[IP_VS_TCP_S_CLOSE] = "CLOSE",
	[IP_VS_TCP_S_CLOSE_WAIT] = "CLOSE_WAIT",
	[IP_VS_TCP_S_LAST_ACK] = "LAST_ACK",
	[IP_VS_TCP_S_LISTEN] = "LISTEN",
	[IP_VS_TCP_S_SYNACK] = "SYNACK",
	[IP_VS_TCP_S_LAST] = "BUG!",
};

const char *ip_vs_state_name(const struct ip_vs_conn *cp)
{
	if (cp->protocol == IPPROTO_UDP)
		return cp->state == IP_VS_UDP_S_NORMAL ? "UDP" : "BUG!";
	if (cp->state >= IP_VS_TCP_S_LAST)
		return "ERR!";
	return tcp_state_name_table[cp->state];
}

void ip_vs_conn_for_each(struct net *net, void (*fn)(struct ip_vs_conn *cp, void *arg),
			 void *arg)
{
	struct netns_ipvs *ipvs = net_ipvs(net);

	for (unsigned int i = 0; ipvs && i < IP_VS_CONN_TAB_SIZE; i++)
		for (struct ip_vs_conn *cp = ipvs->conn_tab[i]; cp; cp = cp->c_next)
			fn(cp, arg);
}

unsigned int ip_vs_conn_expires(const struct ip_vs_conn *cp)
{
	u64 now = world_now(cp->net->world);

	if (cp->timer.expires <= now)
		return 0;
	return (unsigned int)((cp->timer.expires - now) / 1000000 / 1000);
}
