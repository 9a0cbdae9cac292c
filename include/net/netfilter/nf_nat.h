/* NAT bound to connection tracking (include/net/netfilter/nf_nat.h).
 *
 * The first packet of a connection (ctinfo IP_CT_NEW) walks the nat table
 * at the hook; a DNAT/SNAT/MASQUERADE/REDIRECT target calls
 * nf_nat_setup_info(), which picks a unique tuple (nf_nat_core.c: address
 * from the range, port with Linux's clash handling) and changes the
 * entry's reply tuple before the entry is confirmed.  Every later packet of
 * the connection, in both directions, is rewritten from the entry by
 * nf_nat_packet() (nf_nat_proto.c: IPv4 + TCP/UDP/ICMP with RFC 1624
 * incremental checksums); ICMP errors about it get their quoted packet
 * translated too (nf_nat_icmp_reply_translation()).  A hook where no rule
 * mapped the connection gets a "null binding" so that the mapping is
 * decided once per hook type, as in Linux.
 *
 * The NAT part of an entry lives in ct->ext->nat_area (struct nf_conn_nat);
 * conntrack calls nf_nat_ct_ops.destroy when the entry dies. */
#ifndef SKBOX_NET_NF_NAT_H
#define SKBOX_NET_NF_NAT_H

#include "net/netfilter/nf_conntrack.h"

/* The per-entry NAT extension (struct nf_conn_nat + the bysource link). */
struct nf_conn_nat {
	struct nf_conn_nat *by_next;		/* bysource hash chain */
	struct nf_conn_nat **by_pprev;		/* NULL: not hashed */
	struct nf_conn *ct;
	int masq_index;				/* MASQUERADE: the out device's ifindex */
};

_Static_assert(sizeof(struct nf_conn_nat) <= NF_CT_NAT_AREA, "nat area too small");

static inline struct nf_conn_nat *nfct_nat(struct nf_conn *ct)
{
	return (struct nf_conn_nat *)ct->ext->nat_area;
}

/* HOOK2MANIP: PRE_ROUTING and LOCAL_OUT change the destination, the
 * others (POST_ROUTING, LOCAL_IN) the source. */
static inline enum nf_nat_manip_type hook2manip(unsigned int hooknum)
{
	return hooknum == NF_INET_POST_ROUTING || hooknum == NF_INET_LOCAL_IN ?
	       NF_NAT_MANIP_SRC : NF_NAT_MANIP_DST;
}

static inline bool nf_nat_initialized(const struct nf_conn *ct, enum nf_nat_manip_type m)
{
	return ct->status & (m == NF_NAT_MANIP_SRC ? IPS_SRC_NAT_DONE : IPS_DST_NAT_DONE);
}

/* ---- nf_nat_core.c ---- */
/* The entry's NAT extension, set up (destroy hook in place) on first use. */
struct nf_conn_nat *nf_ct_nat_ext_add(struct nf_conn *ct);
/* The hook body of the nat table (nf_nat_inet_fn): NEW connections walk
 * the table (lookup = ipt_do_table on priv), the rest follow the entry. */
unsigned int nf_nat_inet_fn(void *priv, struct sk_buff *skb, const struct nf_hook_state *state);
unsigned int nf_nat_alloc_null_binding(struct nf_conn *ct, unsigned int hooknum);
/* Per-namespace NAT state appears with the nat table, goes with it. */
int nf_nat_net_get(struct net *net);
void nf_nat_net_put(struct net *net);

/* ---- nf_nat_proto.c ---- */
/* Rewrite skb (one direction of ct) for the hook's manip type. */
unsigned int nf_nat_packet(struct nf_conn *ct, enum ip_conntrack_info ctinfo,
			   unsigned int hooknum, struct sk_buff *skb);
/* Rewrite the IP header at iphdroff and its transport part to target. */
bool nf_nat_ipv4_manip_pkt(struct sk_buff *skb, unsigned int iphdroff,
			   const struct nf_conntrack_tuple *target,
			   enum nf_nat_manip_type maniptype);
/* An ICMP error about ct: 1 when translated (or nothing to do), 0: drop. */
int nf_nat_icmp_reply_translation(struct sk_buff *skb, struct nf_conn *ct,
				  enum ip_conntrack_info ctinfo, unsigned int hooknum);
/* NAT66: the same for an IPv6 header at iphdroff (target: an entry's tuple
 * or a packet-style one), and for an ICMPv6 error. */
bool nf_nat_ipv6_manip_pkt(struct sk_buff *skb, unsigned int iphdroff,
			   const struct nf_conntrack_tuple *target,
			   enum nf_nat_manip_type maniptype);
int nf_nat_icmpv6_reply_translation(struct sk_buff *skb, struct nf_conn *ct,
				    enum ip_conntrack_info ctinfo, unsigned int hooknum);

/* ---- nf_nat_masquerade.c, nf_nat_redirect.c ---- */
unsigned int nf_nat_masquerade_ipv4(struct sk_buff *skb, unsigned int hooknum,
				    const struct nf_nat_range2 *range,
				    const struct net_device *out);
unsigned int nf_nat_redirect_ipv4(struct sk_buff *skb, const struct nf_nat_range2 *range,
				  unsigned int hooknum);
/* NAT66: the source ipv6_dev_get_saddr picks on out for the destination;
 * ::1 from OUTPUT, else the input device's first global address. */
unsigned int nf_nat_masquerade_ipv6(struct sk_buff *skb, const struct nf_nat_range2 *range,
				    const struct net_device *out);
unsigned int nf_nat_redirect_ipv6(struct sk_buff *skb, const struct nf_nat_range2 *range,
				  unsigned int hooknum);
/* Device and address events: MASQUERADE entries go with their device or
 * their address (masq_device_event / masq_inet_event in Linux). */
int nf_nat_masq_device_event(struct net_device *dev, unsigned long event);
struct in_ifaddr;
void nf_nat_masq_inet_event(struct in_ifaddr *ifa, unsigned long event);
void nf_nat_masq_inet6_event(struct net_device *dev, const struct in6_addr *addr);

#endif
