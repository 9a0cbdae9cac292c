/* IP Virtual Server (include/net/ip_vs.h): layer-4 load balancing inside
 * netfilter, per namespace, as Linux's net/netfilter/ipvs/.
 *
 *  - ip_vs_ctl.c   services and real servers (ipvsadm's requests), the
 *                  per-namespace state, the net.ipv4.vs.* sysctls, the hooks
 *                  registered with the first service;
 *  - ip_vs_conn.c  the connection table (keyed by protocol, client address
 *                  and port), per-state timeouts, the text of /proc/net/ip_vs_conn;
 *  - ip_vs_sched.c the schedulers rr, wrr, lc, wlc, sh, mh;
 *  - ip_vs_core.c  the hooks: ip_vs_in (LOCAL_IN, LOCAL_OUT) schedules and
 *                  transmits requests, ip_vs_out (LOCAL_IN, LOCAL_OUT, FORWARD)
 *                  gives replies of masqueraded connections their virtual
 *                  address back; TCP/UDP state transitions; statistics;
 *  - ip_vs_xmit.c  the transmitters: masquerading (DNAT to the real server)
 *                  and direct routing (the frame goes to the real server's
 *                  MAC, the IP header keeps the virtual address).
 *
 * IPv4, TCP and UDP; services by address and port or by fwmark; no sync
 * daemon. */
#ifndef SKBOX_NET_IP_VS_H
#define SKBOX_NET_IP_VS_H

#include <stdbool.h>
#include <stdio.h>
#include "linux/list.h"
#include "linux/timer.h"
#include "linux/types.h"

struct net;
struct world;
struct sk_buff;
struct ip_vs_conn;
struct ip_vs_service;

#define IP_VS_VERSION_CODE 0x010201		/* "1.2.1" */
#define IP_VS_SCHEDNAME_MAXLEN 16
#define IP_VS_CONN_TAB_BITS 12			/* "(size=4096)" */
#define IP_VS_CONN_TAB_SIZE (1u << IP_VS_CONN_TAB_BITS)

/* service flags (uapi ip_vs.h) */
#define IP_VS_SVC_F_PERSISTENT 0x0001
#define IP_VS_SVC_F_HASHED 0x0002
#define IP_VS_SVC_F_ONEPACKET 0x0004

/* connection flags: forwarding method and state */
#define IP_VS_CONN_F_FWD_MASK 0x0007
#define IP_VS_CONN_F_MASQ 0x0000
#define IP_VS_CONN_F_LOCALNODE 0x0001
#define IP_VS_CONN_F_TUNNEL 0x0002
#define IP_VS_CONN_F_DROUTE 0x0003
#define IP_VS_CONN_F_BYPASS 0x0004
#define IP_VS_CONN_F_HASHED 0x0040
#define IP_VS_CONN_F_NOOUTPUT 0x0080
#define IP_VS_CONN_F_INACTIVE 0x0100
#define IP_VS_CONN_F_TEMPLATE 0x1000
#define IP_VS_CONN_F_ONE_PACKET 0x2000
#define IP_VS_CONN_F_NFCT (1 << 16)		/* bound to its conntrack entry */

/* destination flags */
#define IP_VS_DEST_F_AVAILABLE 0x0001
#define IP_VS_DEST_F_OVERLOAD 0x0002

#define IP_VS_DIR_INPUT 0
#define IP_VS_DIR_OUTPUT 1

/* TCP states of IPVS (ip_vs_proto_tcp.c), in /proc/net/ip_vs_conn's words */
enum {
	IP_VS_TCP_S_NONE,
	IP_VS_TCP_S_ESTABLISHED,
	IP_VS_TCP_S_SYN_SENT,
	IP_VS_TCP_S_SYN_RECV,
	IP_VS_TCP_S_FIN_WAIT,
	IP_VS_TCP_S_TIME_WAIT,
	IP_VS_TCP_S_CLOSE,
	IP_VS_TCP_S_CLOSE_WAIT,
	IP_VS_TCP_S_LAST_ACK,
	IP_VS_TCP_S_LISTEN,
	IP_VS_TCP_S_SYNACK,
	IP_VS_TCP_S_LAST,
};
#define IP_VS_UDP_S_NORMAL 0

/* Counters (struct ip_vs_kstats) and the rate estimator (ip_vs_est.c):
 * every 2 s the rates move a quarter of the way to the last interval's,
 * computed lazily here (before a counter changes, and before a read). */
struct ip_vs_stats {
	u64 conns, inpkts, outpkts, inbytes, outbytes;
	u64 last_conns, last_inpkts, last_outpkts, last_inbytes, last_outbytes;
	s64 cps, inpps, outpps, inbps, outbps;	/* scaled as Linux's estimator */
	u64 est_next;				/* next 2-second tick (world ns) */
};

struct ip_vs_dest {
	struct list_head n_list;		/* svc->destinations: newest first */
	struct ip_vs_service *svc;
	__be32 addr;
	__be16 port;
	unsigned int conn_flags;		/* forwarding method */
	int weight, last_weight;
	u32 u_threshold, l_threshold;
	unsigned int flags;			/* IP_VS_DEST_F_* */
	int activeconns, inactconns, persistconns;
	struct ip_vs_stats stats;
};

struct ip_vs_scheduler {
	const char *name;
	int (*init_service)(struct ip_vs_service *svc);
	void (*done_service)(struct ip_vs_service *svc);
	/* a destination came, went or changed weight */
	int (*dest_changed)(struct ip_vs_service *svc, struct ip_vs_dest *dest, bool del);
	struct ip_vs_dest *(*schedule)(struct ip_vs_service *svc, const struct sk_buff *skb,
				       __be32 saddr, __be16 sport);
};

struct ip_vs_service {
	struct list_head s_list;		/* ipvs->services */
	struct net *net;
	u32 fwmark;				/* -f MARK: any TCP/UDP packet with this skb->mark */
	u16 protocol;
	__be32 addr;
	__be16 port;
	unsigned int flags;
	unsigned int timeout;			/* persistence, seconds */
	__be32 netmask;
	struct list_head destinations;
	unsigned int num_dests;
	const struct ip_vs_scheduler *scheduler;
	void *sched_data;
	struct ip_vs_stats stats;
};

typedef int (*ip_vs_xmit_fn)(struct sk_buff *skb, struct ip_vs_conn *cp);

struct ip_vs_conn {
	struct ip_vs_conn *c_next;		/* hash chain */
	struct net *net;
	u16 protocol;
	__be32 caddr, vaddr, daddr;
	__be16 cport, vport, dport;
	unsigned int flags;
	unsigned int state;
	u64 timeout;				/* ns, for the current state */
	struct timer_list timer;
	struct ip_vs_dest *dest;		/* NULL once the real server went */
	struct ip_vs_conn *control;		/* the persistence template */
	int n_control;				/* connections this template controls */
	ip_vs_xmit_fn packet_xmit;
};

/* The IPVS part of a namespace (struct netns_ipvs). */
struct netns_ipvs {
	struct net *net;
	struct list_head services;		/* creation order */
	unsigned int num_services;
	bool hooks_on;
	struct ip_vs_conn *conn_tab[IP_VS_CONN_TAB_SIZE];
	unsigned int conn_count;
	int tcp_timeouts[IP_VS_TCP_S_LAST + 1];	/* seconds */
	int udp_timeout;
	/* net.ipv4.vs.* */
	int sysctl_conntrack, sysctl_conn_reuse_mode, sysctl_expire_nodest_conn;
	int sysctl_sloppy_tcp, sysctl_snat_reroute;
	struct ip_vs_stats tot_stats;
};

struct netns_ipvs *net_ipvs(const struct net *net);

/* ---- ip_vs_ctl.c: what ipvsadm asks for (0 or -errno as the kernel) ---- */
struct ip_vs_service_user {
	u32 fwmark;				/* 0: a -t/-u service */
	u16 protocol;
	__be32 addr;
	__be16 port;
	char sched_name[IP_VS_SCHEDNAME_MAXLEN];
	unsigned int flags, timeout;
	__be32 netmask;
};

struct ip_vs_dest_user {
	__be32 addr;
	__be16 port;
	unsigned int conn_flags;
	int weight;
	u32 u_threshold, l_threshold;
};

struct ip_vs_service *ip_vs_service_find(struct net *net, u16 protocol, __be32 addr,
					 __be16 port);
/* __ip_vs_svc_fwm_find(): the fwmark service of mark (NULL for 0) */
struct ip_vs_service *ip_vs_service_find_fwm(struct net *net, u32 fwmark);
int ip_vs_add_service(struct net *net, const struct ip_vs_service_user *u);
int ip_vs_edit_service(struct net *net, const struct ip_vs_service_user *u);
int ip_vs_del_service(struct net *net, const struct ip_vs_service_user *u);
int ip_vs_flush(struct net *net);
int ip_vs_zero_service(struct net *net, const struct ip_vs_service_user *u);	/* NULL: all */
int ip_vs_add_dest(struct net *net, const struct ip_vs_service_user *s,
		   const struct ip_vs_dest_user *d);
int ip_vs_edit_dest(struct net *net, const struct ip_vs_service_user *s,
		    const struct ip_vs_dest_user *d);
int ip_vs_del_dest(struct net *net, const struct ip_vs_service_user *s,
		   const struct ip_vs_dest_user *d);
/* --set tcp tcpfin udp: 0 leaves a value as it is */
int ip_vs_set_timeout(struct net *net, int tcp, int tcpfin, int udp);
void ip_vs_get_timeout(struct net *net, int *tcp, int *tcpfin, int *udp);
/* The rates (ipvsadm --rate): conns/s, packets/s, bytes/s */
void ip_vs_read_rates(struct world *w, struct ip_vs_stats *s, u64 out[5]);
void ip_vs_est_update(struct world *w, struct ip_vs_stats *s);
/* net.ipv4.vs.* (net/core/sysctl_net.c asks here) */
int ip_vs_sysctl_read(struct net *net, const char *key, char *buf, size_t len);
int ip_vs_sysctl_write(struct net *net, const char *key, const char *val);
const char *ip_vs_sysctl_key(unsigned int i);

/* ---- ip_vs_sched.c ---- */
const struct ip_vs_scheduler *ip_vs_scheduler_get(const char *name);
static inline int ip_vs_dest_conn_overhead(const struct ip_vs_dest *dest)
{
	return (dest->activeconns << 8) + dest->inactconns;
}

/* ---- ip_vs_conn.c ---- */
struct ip_vs_conn *ip_vs_conn_new(struct net *net, u16 protocol, __be32 caddr, __be16 cport,
				  __be32 vaddr, __be16 vport, __be32 daddr, __be16 dport,
				  unsigned int flags, struct ip_vs_dest *dest);
/* client -> virtual (in) and real server -> client (out) lookups */
struct ip_vs_conn *ip_vs_conn_in_get(struct net *net, u16 protocol, __be32 saddr,
				     __be16 sport, __be32 daddr, __be16 dport);
struct ip_vs_conn *ip_vs_conn_out_get(struct net *net, u16 protocol, __be32 saddr,
				      __be16 sport, __be32 daddr, __be16 dport);
/* The persistence template of a client (cport 0) for a service. */
struct ip_vs_conn *ip_vs_ct_in_get(struct net *net, u16 protocol, __be32 caddr,
				   __be32 vaddr, __be16 vport);
/* Packet seen: the timer runs again for cp->timeout. */
void ip_vs_conn_put(struct ip_vs_conn *cp);
void ip_vs_conn_expire_now(struct ip_vs_conn *cp);
void ip_vs_conn_unbind_dest_all(struct net *net, struct ip_vs_dest *dest);
void ip_vs_conn_flush(struct net *net);
const char *ip_vs_state_name(const struct ip_vs_conn *cp);
/* Every connection in table order (ipvsadm -L -c reads them so). */
void ip_vs_conn_for_each(struct net *net, void (*fn)(struct ip_vs_conn *cp, void *arg),
			 void *arg);
/* Seconds left, as /proc/net/ip_vs_conn shows them. */
unsigned int ip_vs_conn_expires(const struct ip_vs_conn *cp);

/* ---- ip_vs_core.c ---- */
int ip_vs_register_hooks(struct net *net);
void ip_vs_unregister_hooks(struct net *net);
void ip_vs_set_state(struct ip_vs_conn *cp, int direction, const struct sk_buff *skb);

/* ---- ip_vs_xmit.c ---- */
int ip_vs_nat_xmit(struct sk_buff *skb, struct ip_vs_conn *cp);
int ip_vs_dr_xmit(struct sk_buff *skb, struct ip_vs_conn *cp);
int ip_vs_tunnel_xmit(struct sk_buff *skb, struct ip_vs_conn *cp);
/* Bind the packet's conntrack entry to the connection (conntrack=1) or
 * leave the packet untracked (conntrack=0). */
void ip_vs_update_conntrack(struct sk_buff *skb, struct ip_vs_conn *cp, bool outin);
void ip_vs_notrack(struct sk_buff *skb);
/* The conn's original-direction conntrack entry dies with it. */
void ip_vs_conn_drop_conntrack(struct ip_vs_conn *cp);

#endif
