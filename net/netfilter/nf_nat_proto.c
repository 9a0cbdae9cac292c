/* Rewriting packets for NAT (net/netfilter/nf_nat_proto.c): IPv4 addresses,
 * TCP/UDP ports and ICMP echo ids, with the checksums updated by RFC 1624
 * (csum_replace2/4: the IP header checksum, and the TCP/UDP checksum for
 * both the pseudo-header address and the port).  An ICMP error about a
 * NATed connection gets the packet it quotes rewritten the other way and
 * its own checksum recomputed (nf_nat_icmp_reply_translation), so the
 * client behind a MASQUERADE sees the error about the packet it sent.
 *
 * The trace notes each translation: "DNAT 10.96.0.10:80 -> 10.244.1.5:8080". */
#include <stdio.h>
#include <string.h>
#include "net/netfilter/nf_nat.h"
#include "net/ip.h"
#include "net/trace.h"
#include "net/icmp.h"
#include "net/ipv6.h"
#include <arpa/inet.h>

#define CSUM_MANGLED_0 ((__sum16)0xffff)
#define ICMPV6_ECHO_REQUEST	128
#define ICMPV6_ECHO_REPLY	129
#ifndef NDISC_REDIRECT
#define NDISC_REDIRECT		137
#endif

/* The first len bytes from skb->data private and linear (skb_ensure_writable). */
static bool nat_writable(struct sk_buff *skb, unsigned int len)
{
	if (len > skb->len)
		return false;
	return !skb_cow(skb, 0) && pskb_may_pull(skb, len);
}

static bool nat_has_ports(u8 protonum)
{
	return protonum == IPPROTO_TCP || protonum == IPPROTO_UDP;
}

static void csum_replace16(__sum16 *sum, const struct in6_addr *from, const struct in6_addr *to)
{
	for (int i = 0; i < 4; i++)
		csum_replace4(sum, from->s6_addr32[i], to->s6_addr32[i]);
}

/* The pseudo-header part of a transport checksum: the address that changes
 * (nf_csum_update); the IP header of the packet is at iphdroff. */
static void nat_csum_addr(struct sk_buff *skb, unsigned int iphdroff, __sum16 *check,
			  const struct nf_conntrack_tuple *t, enum nf_nat_manip_type m)
{
	if (t->dst.v6) {
		const struct ipv6hdr *ip6h = (const struct ipv6hdr *)(skb->data + iphdroff);
		struct in6_addr old = m == NF_NAT_MANIP_SRC ? ip6h->saddr : ip6h->daddr;

		csum_replace16(check, &old, nf_ct_tuple_addr6(t, m == NF_NAT_MANIP_DST));
	} else {
		const struct iphdr *iph = (const struct iphdr *)(skb->data + iphdroff);

		csum_replace4(check, m == NF_NAT_MANIP_SRC ? iph->saddr : iph->daddr,
			      m == NF_NAT_MANIP_SRC ? t->src.ip : t->dst.ip);
	}
}

/* TCP: ports at 0/2, checksum at 16.  An inner header in an ICMP error may
 * hold only 8 bytes: then the ports change and the checksum cannot. */
static bool tcp_manip_pkt(struct sk_buff *skb, unsigned int iphdroff, unsigned int hdroff,
			  const struct nf_conntrack_tuple *t, enum nf_nat_manip_type m)
{
	unsigned int hdrsize = skb->len >= hdroff + 20 ? 20 : 8;
	__be16 *portptr, newport, oldport;
	__sum16 *check;
	u8 *th;

	if (!nat_writable(skb, hdroff + hdrsize))
		return false;
	th = skb->data + hdroff;
	portptr = (__be16 *)(th + (m == NF_NAT_MANIP_SRC ? 0 : 2));
	newport = m == NF_NAT_MANIP_SRC ? t->src.u.tcp.port : t->dst.u.tcp.port;
	memcpy(&oldport, portptr, 2);
	memcpy(portptr, &newport, 2);
	if (hdrsize < 20)
		return true;
	check = (__sum16 *)(th + 16);
	nat_csum_addr(skb, iphdroff, check, t, m);
	csum_replace2(check, oldport, newport);
	return true;
}

/* UDP: checksum at 6; 0 means none and stays 0. */
static bool udp_manip_pkt(struct sk_buff *skb, unsigned int iphdroff, unsigned int hdroff,
			  const struct nf_conntrack_tuple *t, enum nf_nat_manip_type m)
{
	__be16 *portptr, newport, oldport;
	__sum16 *check;
	u8 *uh;

	if (!nat_writable(skb, hdroff + 8))
		return false;
	uh = skb->data + hdroff;
	portptr = (__be16 *)(uh + (m == NF_NAT_MANIP_SRC ? 0 : 2));
	newport = m == NF_NAT_MANIP_SRC ? t->src.u.udp.port : t->dst.u.udp.port;
	memcpy(&oldport, portptr, 2);
	check = (__sum16 *)(uh + 6);
	if (*check) {
		nat_csum_addr(skb, iphdroff, check, t, m);
		csum_replace2(check, oldport, newport);
		if (!*check)
			*check = CSUM_MANGLED_0;
	}
	memcpy(portptr, &newport, 2);
	return true;
}

/* ICMP queries carry their id where a port would be; errors are left alone. */
static bool icmp_manip_pkt(struct sk_buff *skb, unsigned int hdroff,
			   const struct nf_conntrack_tuple *t)
{
	__be16 oldid;
	u8 *ih;

	if (!nat_writable(skb, hdroff + 8))
		return false;
	ih = skb->data + hdroff;
	switch (ih[0]) {
	case ICMP_ECHO: case ICMP_ECHOREPLY: case ICMP_TIMESTAMP: case ICMP_TIMESTAMPREPLY:
	case ICMP_INFO_REQUEST: case ICMP_INFO_REPLY: case ICMP_ADDRESS: case ICMP_ADDRESSREPLY:
		break;
	default:
		return true;
	}
	memcpy(&oldid, ih + 4, 2);
	csum_replace2((__sum16 *)(ih + 2), oldid, t->src.u.icmp.id);
	memcpy(ih + 4, &t->src.u.icmp.id, 2);
	return true;
}

/* ICMPv6: the checksum covers the pseudo header (the address changes);
 * echo requests and replies carry the id (icmpv6_manip_pkt). */
static bool icmpv6_manip_pkt(struct sk_buff *skb, unsigned int iphdroff, unsigned int hdroff,
			     const struct nf_conntrack_tuple *t, enum nf_nat_manip_type m)
{
	__be16 oldid;
	u8 *ih;

	if (!nat_writable(skb, hdroff + 8))
		return false;
	ih = skb->data + hdroff;
	nat_csum_addr(skb, iphdroff, (__sum16 *)(ih + 2), t, m);
	if (ih[0] == ICMPV6_ECHO_REQUEST || ih[0] == ICMPV6_ECHO_REPLY) {
		memcpy(&oldid, ih + 4, 2);
		csum_replace2((__sum16 *)(ih + 2), oldid, t->src.u.icmp.id);
		memcpy(ih + 4, &t->src.u.icmp.id, 2);
	}
	return true;
}

static bool l4proto_manip_pkt(struct sk_buff *skb, unsigned int iphdroff, unsigned int hdroff,
			      const struct nf_conntrack_tuple *t, enum nf_nat_manip_type m)
{
	switch (t->dst.protonum) {
	case IPPROTO_TCP:
		return tcp_manip_pkt(skb, iphdroff, hdroff, t, m);
	case IPPROTO_UDP:
		return udp_manip_pkt(skb, iphdroff, hdroff, t, m);
	case IPPROTO_ICMP:
		return icmp_manip_pkt(skb, hdroff, t);
	case IPPROTO_ICMPV6:
		return icmpv6_manip_pkt(skb, iphdroff, hdroff, t, m);
	default:
		return true;
	}
}

bool nf_nat_ipv4_manip_pkt(struct sk_buff *skb, unsigned int iphdroff,
			   const struct nf_conntrack_tuple *target, enum nf_nat_manip_type m)
{
	struct iphdr *iph;
	unsigned int hdroff;

	if (!nat_writable(skb, iphdroff + sizeof(*iph)))
		return false;
	iph = (struct iphdr *)(skb->data + iphdroff);
	hdroff = iphdroff + iph->ihl * 4u;
	/* a non-first fragment has no transport header to rewrite */
	if (!(iph->frag_off & htons(IP_OFFSET)) &&
	    !l4proto_manip_pkt(skb, iphdroff, hdroff, target, m))
		return false;
	iph = (struct iphdr *)(skb->data + iphdroff);
	if (m == NF_NAT_MANIP_SRC) {
		csum_replace4(&iph->check, iph->saddr, target->src.ip);
		iph->saddr = target->src.ip;
	} else {
		csum_replace4(&iph->check, iph->daddr, target->dst.ip);
		iph->daddr = target->dst.ip;
	}
	return true;
}

/* IPv6 (nf_nat_ipv6_manip_pkt): the transport part of a first fragment
 * or whole packet, then the address; no header checksum.  target is a
 * packet-style IPv6 tuple or an entry's. */
bool nf_nat_ipv6_manip_pkt(struct sk_buff *skb, unsigned int iphdroff,
			   const struct nf_conntrack_tuple *target, enum nf_nat_manip_type m)
{
	struct ipv6hdr *ip6h;
	unsigned int hdroff;
	int proto;

	if (!nat_writable(skb, iphdroff + sizeof(*ip6h)))
		return false;
	proto = nf_ct_ipv6_l4(skb, iphdroff, &hdroff);
	/* a later fragment or headers that cannot be followed: the address only */
	if (proto >= 0 && !l4proto_manip_pkt(skb, iphdroff, hdroff, target, m))
		return false;
	ip6h = (struct ipv6hdr *)(skb->data + iphdroff);
	if (m == NF_NAT_MANIP_SRC)
		ip6h->saddr = *nf_ct_tuple_addr6(target, false);
	else
		ip6h->daddr = *nf_ct_tuple_addr6(target, true);
	return true;
}

static void nat_invert(struct nf_conntrack_tuple6 *inv, const struct nf_conntrack_tuple *t)
{
	if (t->dst.v6)
		nf_ct_invert_tuple6(inv, t);
	else
		nf_ct_invert_tuple(&inv->t, t);
}

/* "DNAT [2001:db8::1]:80 -> [2001:db8:1::5]:8080" */
static void nf_nat_trace6(struct sk_buff *skb, enum nf_nat_manip_type m,
			  const struct nf_conntrack_tuple *t, bool reply)
{
	const struct ipv6hdr *ip6h = (const struct ipv6hdr *)skb->data;
	char note[160], a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	unsigned int off;
	int proto;

	if (!skb_tracing(skb))
		return;
	inet_ntop(AF_INET6, m == NF_NAT_MANIP_SRC ? &ip6h->saddr : &ip6h->daddr, a, sizeof(a));
	inet_ntop(AF_INET6, nf_ct_tuple_addr6(t, m == NF_NAT_MANIP_DST), b, sizeof(b));
	proto = nf_ct_ipv6_l4(skb, 0, &off);
	if (proto >= 0 && nat_has_ports((u8)proto) && skb->len >= off + 4) {
		const u8 *l4 = skb->data + off;
		unsigned int op = (unsigned int)(l4[m == NF_NAT_MANIP_SRC ? 0 : 2] << 8 |
						 l4[m == NF_NAT_MANIP_SRC ? 1 : 3]);
		__be16 np = m == NF_NAT_MANIP_SRC ? t->src.u.all : t->dst.u.all;

		snprintf(note, sizeof(note), "%s [%s]:%u -> [%s]:%u%s",
			 m == NF_NAT_MANIP_SRC ? "SNAT" : "DNAT", a, op, b, ntohs(np),
			 reply ? " (reply)" : "");
	} else {
		snprintf(note, sizeof(note), "%s %s -> %s%s", m == NF_NAT_MANIP_SRC ? "SNAT" : "DNAT",
			 a, b, reply ? " (reply)" : "");
	}
	skb_trace_note(skb, "nf_nat_packet", note);
}

/* "DNAT 10.96.0.10:80 -> 10.244.1.5:8080" in the packet's trace. */
static void nf_nat_trace(struct sk_buff *skb, enum nf_nat_manip_type m,
			 const struct nf_conntrack_tuple *t, bool reply)
{
	const struct iphdr *iph = ip_hdr(skb);
	__be32 oa = m == NF_NAT_MANIP_SRC ? iph->saddr : iph->daddr;
	__be32 na = m == NF_NAT_MANIP_SRC ? t->src.ip : t->dst.ip;
	char note[96], a[24], b[24];
	int n;

	if (!skb_tracing(skb))
		return;
	snprintf(a, sizeof(a), "%u.%u.%u.%u", ntohl(oa) >> 24, ntohl(oa) >> 16 & 255,
		 ntohl(oa) >> 8 & 255, ntohl(oa) & 255);
	snprintf(b, sizeof(b), "%u.%u.%u.%u", ntohl(na) >> 24, ntohl(na) >> 16 & 255,
		 ntohl(na) >> 8 & 255, ntohl(na) & 255);
	if (nat_has_ports(t->dst.protonum) && !(iph->frag_off & htons(IP_OFFSET)) &&
	    skb->len >= iph->ihl * 4u + 4) {
		const u8 *l4 = (const u8 *)iph + iph->ihl * 4u;
		unsigned int op = (unsigned int)(l4[m == NF_NAT_MANIP_SRC ? 0 : 2] << 8 |
						 l4[m == NF_NAT_MANIP_SRC ? 1 : 3]);
		__be16 np = m == NF_NAT_MANIP_SRC ? t->src.u.all : t->dst.u.all;

		n = (int)strlen(a);
		snprintf(a + n, sizeof(a) - (size_t)n, ":%u", op);
		n = (int)strlen(b);
		snprintf(b + n, sizeof(b) - (size_t)n, ":%u", ntohs(np));
	}
	snprintf(note, sizeof(note), "%s %s -> %s%s", m == NF_NAT_MANIP_SRC ? "SNAT" : "DNAT",
		 a, b, reply ? " (reply)" : "");
	skb_trace_note(skb, "nf_nat_packet", note);
}

static unsigned int nf_nat_manip_pkt(struct sk_buff *skb, struct nf_conn *ct,
				     enum nf_nat_manip_type m, enum ip_conntrack_dir dir)
{
	struct nf_conntrack_tuple target;

	if (nf_ct_l3num(ct) == NFPROTO_IPV6) {
		struct nf_conntrack_tuple6 t6;

		nat_invert(&t6, &ct->tuplehash[!dir].tuple);
		nf_nat_trace6(skb, m, &t6.t, dir == IP_CT_DIR_REPLY);
		return nf_nat_ipv6_manip_pkt(skb, 0, &t6.t, m) ? NF_ACCEPT : NF_DROP;
	}
	/* where the packet must look like it comes from / goes to: the
	 * inverse of the other direction's tuple */
	nf_ct_invert_tuple(&target, &ct->tuplehash[!dir].tuple);
	nf_nat_trace(skb, m, &target, dir == IP_CT_DIR_REPLY);
	return nf_nat_ipv4_manip_pkt(skb, 0, &target, m) ? NF_ACCEPT : NF_DROP;
}

unsigned int nf_nat_packet(struct nf_conn *ct, enum ip_conntrack_info ctinfo,
			   unsigned int hooknum, struct sk_buff *skb)
{
	enum nf_nat_manip_type m = hook2manip(hooknum);
	enum ip_conntrack_dir dir = CTINFO2DIR(ctinfo);
	unsigned long statusbit = m == NF_NAT_MANIP_SRC ? IPS_SRC_NAT : IPS_DST_NAT;

	/* the reply direction undoes the other manip */
	if (dir == IP_CT_DIR_REPLY)
		statusbit ^= IPS_NAT_MASK;
	if (ct->status & statusbit)
		return nf_nat_manip_pkt(skb, ct, m, dir);
	return NF_ACCEPT;
}

static bool nat_icmp_csum_ok(const struct sk_buff *skb, unsigned int hdrlen)
{
	return ip_compute_csum(skb->data + hdrlen, (int)(skb->len - hdrlen)) == 0;
}

int nf_nat_icmp_reply_translation(struct sk_buff *skb, struct nf_conn *ct,
				  enum ip_conntrack_info ctinfo, unsigned int hooknum)
{
	enum ip_conntrack_dir dir = CTINFO2DIR(ctinfo);
	enum nf_nat_manip_type m = hook2manip(hooknum);
	unsigned int hdrlen = ip_hdr(skb)->ihl * 4u;
	struct nf_conntrack_tuple target;
	unsigned long statusbit;
	u8 *icmp;

	/* the whole packet linear: the ICMP checksum covers all of it */
	if (!nat_writable(skb, skb->len) || skb->len < hdrlen + 8 + sizeof(struct iphdr))
		return 0;
	if (!nat_icmp_csum_ok(skb, hdrlen))
		return 0;
	icmp = skb->data + hdrlen;
	if (icmp[0] == ICMP_REDIRECT) {
		/* redirects about NATed connections are not translated */
		if ((ct->status & IPS_NAT_DONE_MASK) != IPS_NAT_DONE_MASK || (ct->status & IPS_NAT_MASK))
			return 0;
	}
	statusbit = m == NF_NAT_MANIP_SRC ? IPS_SRC_NAT : IPS_DST_NAT;
	if (dir == IP_CT_DIR_REPLY)
		statusbit ^= IPS_NAT_MASK;
	if (!(ct->status & statusbit))
		return 1;
	/* the quoted packet went the other way: the other manip, to the tuple */
	if (!nf_nat_ipv4_manip_pkt(skb, hdrlen + 8, &ct->tuplehash[!dir].tuple, !m))
		return 0;
	icmp = skb->data + hdrlen;
	icmp[2] = icmp[3] = 0;
	{
		__sum16 c = (__sum16)ip_compute_csum(icmp, (int)(skb->len - hdrlen));

		memcpy(icmp + 2, &c, 2);
	}
	/* and the outer header like the reply to a packet of the connection */
	nf_ct_invert_tuple(&target, &ct->tuplehash[!dir].tuple);
	target.dst.protonum = IPPROTO_ICMP;
	nf_nat_trace(skb, m, &target, dir == IP_CT_DIR_REPLY);
	return nf_nat_ipv4_manip_pkt(skb, 0, &target, m);
}

/* An ICMPv6 error about ct (nf_nat_icmpv6_reply_translation): the quoted
 * packet gets the other manip back, its checksum recomputed; the outer
 * header is then rewritten as a reply of the connection (the pseudo
 * header's address updated in the ICMPv6 checksum). */
int nf_nat_icmpv6_reply_translation(struct sk_buff *skb, struct nf_conn *ct,
				    enum ip_conntrack_info ctinfo, unsigned int hooknum)
{
	enum ip_conntrack_dir dir = CTINFO2DIR(ctinfo);
	enum nf_nat_manip_type m = hook2manip(hooknum);
	struct nf_conntrack_tuple6 target;
	const struct ipv6hdr *ip6h;
	unsigned long statusbit;
	unsigned int hdroff, len;
	__sum16 c;
	u8 *icmp;

	if (nf_ct_ipv6_l4(skb, 0, &hdroff) != IPPROTO_ICMPV6)
		return 0;
	if (!nat_writable(skb, skb->len) || skb->len < hdroff + 8 + sizeof(struct ipv6hdr))
		return 0;
	len = skb->len - hdroff;
	ip6h = (const struct ipv6hdr *)skb->data;
	icmp = skb->data + hdroff;
	if (csum_ipv6_magic(&ip6h->saddr, &ip6h->daddr, len, IPPROTO_ICMPV6,
			    ipv6_csum_partial(icmp, len, 0)))
		return 0;
	if (icmp[0] == NDISC_REDIRECT) {
		if ((ct->status & IPS_NAT_DONE_MASK) != IPS_NAT_DONE_MASK || (ct->status & IPS_NAT_MASK))
			return 0;
	}
	statusbit = m == NF_NAT_MANIP_SRC ? IPS_SRC_NAT : IPS_DST_NAT;
	if (dir == IP_CT_DIR_REPLY)
		statusbit ^= IPS_NAT_MASK;
	if (!(ct->status & statusbit))
		return 1;
	if (!nf_nat_ipv6_manip_pkt(skb, hdroff + 8, &ct->tuplehash[!dir].tuple, !m))
		return 0;
	ip6h = (const struct ipv6hdr *)skb->data;
	icmp = skb->data + hdroff;
	icmp[2] = icmp[3] = 0;
	c = csum_ipv6_magic(&ip6h->saddr, &ip6h->daddr, len, IPPROTO_ICMPV6,
			    ipv6_csum_partial(icmp, len, 0));
	memcpy(icmp + 2, &c, 2);
	nat_invert(&target, &ct->tuplehash[!dir].tuple);
	target.t.dst.protonum = IPPROTO_ICMPV6;
	nf_nat_trace6(skb, m, &target.t, dir == IP_CT_DIR_REPLY);
	return nf_nat_ipv6_manip_pkt(skb, 0, &target.t, m);
}
