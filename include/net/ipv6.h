/* IPv6 wire formats and helpers (include/net/ipv6.h, include/uapi/linux/ipv6.h,
 * include/net/ipv6.h's ipv6_addr_* helpers) and the entry points of the
 * IPv6 packet path in net/ipv6/. */
#ifndef SKBOX_NET_IPV6_H
#define SKBOX_NET_IPV6_H

#include <string.h>
#include <netinet/in.h>
#include "linux/types.h"
#include "linux/skbuff.h"

struct net;
struct net_device;
struct packet_type;
struct sock;
struct inet6_dev;
struct dst_entry;

#define IPV6_MIN_MTU 1280
#define IPV6_MAXPLEN 65535

/* next header values (include/net/ipv6.h) */
#define NEXTHDR_HOP 0
#define NEXTHDR_TCP 6
#define NEXTHDR_UDP 17
#define NEXTHDR_ROUTING 43
#define NEXTHDR_FRAGMENT 44
#define NEXTHDR_AUTH 51
#define NEXTHDR_ICMP 58
#define NEXTHDR_NONE 59
#define NEXTHDR_DEST 60

/* ICMPv6 types and codes used by the IPv6 layer (include/uapi/linux/icmpv6.h) */
#define ICMPV6_DEST_UNREACH 1
#define ICMPV6_PKT_TOOBIG 2
#define ICMPV6_TIME_EXCEED 3
#define ICMPV6_PARAMPROB 4
#define ICMPV6_EXC_HOPLIMIT 0
#define ICMPV6_EXC_FRAGTIME 1
#define ICMPV6_HDR_FIELD 0
#define ICMPV6_UNK_NEXTHDR 1
#define ICMPV6_UNK_OPTION 2
#define ICMPV6_HDR_INCOMP 3

/* extension headers (include/uapi/linux/ipv6.h, include/net/ipv6.h) */
struct ipv6_opt_hdr {
	u8 nexthdr;
	u8 hdrlen;		/* in 8-octet units, not counting the first 8 */
};

struct ipv6_rt_hdr {
	u8 nexthdr;
	u8 hdrlen;
	u8 type;
	u8 segments_left;
};

struct frag_hdr {
	u8 nexthdr;
	u8 reserved;
	__be16 frag_off;	/* offset (13 bits, in 8 octets), 2 reserved bits, M */
	__be32 identification;
} __attribute__((packed, aligned(2)));	/* follows 8n-byte headers after a 14-byte link header */

#define IP6_MF 0x0001
#define IP6_OFFSET 0xFFF8

#define ipv6_optlen(p) (((p)->hdrlen + 1) << 3)
#define ipv6_authlen(p) (((p)->hdrlen + 2) << 2)

/* TLV option types (include/uapi/linux/in6.h) */
#define IPV6_TLV_PAD1 0
#define IPV6_TLV_PADN 1
#define IPV6_TLV_ROUTERALERT 5
#define IPV6_TLV_JUMBO 194

#define IPV6_SRCRT_TYPE_0 0
#define IPV6_SRCRT_TYPE_2 2
#define IPV6_SRCRT_TYPE_3 3
#define IPV6_SRCRT_TYPE_4 4

struct ipv6hdr {
	u8 priority_version;		/* version 4 bits (high), traffic class high 4 */
	u8 flow_lbl[3];
	__be16 payload_len;
	u8 nexthdr;
	u8 hop_limit;
	struct in6_addr saddr;
	struct in6_addr daddr;
};

static inline struct ipv6hdr *ipv6_hdr(const struct sk_buff *skb)
{
	return (struct ipv6hdr *)skb_network_header(skb);
}

static inline u8 ipv6_version(const struct ipv6hdr *h)
{
	return h->priority_version >> 4;
}

/* IP6CB: the IPv6 layer's part of skb->cb (struct inet6_skb_parm) */
struct inet6_skb_parm {
	int iif;
	u16 nhoff;		/* offset of the next-header byte naming what follows */
	u16 flags;		/* IP6SKB_* */
	u16 hop, dst0, srcrt, dst1, lastopt;	/* offsets of the headers seen */
	u16 frag_max_size;	/* the largest fragment of a reassembled packet */
	u16 ra;			/* the Router Alert value */
};

#define IP6SKB_ROUTERALERT 8
#define IP6SKB_FRAGMENTED 16

#define IP6CB(skb) ((struct inet6_skb_parm *)((skb)->cb))

/* ---- address helpers (include/net/ipv6.h) ---- */
static inline bool ipv6_addr_equal(const struct in6_addr *a, const struct in6_addr *b)
{
	return !memcmp(a, b, sizeof(*a));
}

static inline bool ipv6_addr_any(const struct in6_addr *a)
{
	static const struct in6_addr any;

	return ipv6_addr_equal(a, &any);
}

static inline bool ipv6_addr_loopback(const struct in6_addr *a)
{
	static const struct in6_addr lo = { { { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } } };

	return ipv6_addr_equal(a, &lo);
}

static inline bool ipv6_addr_is_multicast(const struct in6_addr *a)
{
	return a->s6_addr[0] == 0xff;
}

static inline bool ipv6_addr_linklocal(const struct in6_addr *a)
{
	return a->s6_addr[0] == 0xfe && (a->s6_addr[1] & 0xc0) == 0x80;
}

/* ::ffff:a.b.c.d (RFC 4291 2.5.5.2) */
static inline bool ipv6_addr_v4mapped(const struct in6_addr *a)
{
	static const u8 pfx[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };

	return !memcmp(a->s6_addr, pfx, sizeof(pfx));
}

static inline void ipv6_addr_set_v4mapped(__be32 addr, struct in6_addr *v4mapped)
{
	memset(v4mapped, 0, 10);
	v4mapped->s6_addr[10] = v4mapped->s6_addr[11] = 0xff;
	memcpy(v4mapped->s6_addr + 12, &addr, 4);
}

static inline __be32 ipv6_addr_v4(const struct in6_addr *a)
{
	__be32 v;

	memcpy(&v, a->s6_addr + 12, 4);
	return v;
}

/* 127.0.0.6: the IPv4 fields of a socket bound or connected to an
 * IPv6-only address (LOOPBACK4_IPV6) */
#define LOOPBACK4_IPV6 htonl(0x7f000006)

/* Are the first plen bits of a and b the same? */
static inline bool ipv6_prefix_equal(const struct in6_addr *a, const struct in6_addr *b,
				     unsigned int plen)
{
	unsigned int bytes = plen / 8, bits = plen % 8;

	if (memcmp(a, b, bytes))
		return false;
	if (!bits)
		return true;
	return !((a->s6_addr[bytes] ^ b->s6_addr[bytes]) & (0xff00 >> bits));
}

static inline void ipv6_addr_prefix(struct in6_addr *pfx, const struct in6_addr *addr, int plen)
{
	int o = plen >> 3, b = plen & 7;

	memset(pfx, 0, sizeof(*pfx));
	memcpy(pfx->s6_addr, addr->s6_addr, (size_t)o);
	if (b)
		pfx->s6_addr[o] = addr->s6_addr[o] & (u8)(0xff00 >> b);
}

/* The number of leading bits a and b share (__ipv6_addr_diff). */
static inline int ipv6_addr_diff(const struct in6_addr *a, const struct in6_addr *b)
{
	for (int i = 0; i < 16; i++) {
		u8 x = a->s6_addr[i] ^ b->s6_addr[i];

		if (x)
			return i * 8 + __builtin_clz((unsigned int)x) - 24;
	}
	return 128;
}

/* ff02::1:ffXX:XXXX for addr (addrconf_addr_solict_mult) */
static inline void addrconf_addr_solict_mult(const struct in6_addr *addr, struct in6_addr *solicited)
{
	static const u8 pfx[13] = { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0xff };

	memcpy(solicited->s6_addr, pfx, sizeof(pfx));
	memcpy(solicited->s6_addr + 13, addr->s6_addr + 13, 3);
}

/* 33:33 + the low 32 bits (ipv6_eth_mc_map) */
static inline void ipv6_eth_mc_map(const struct in6_addr *addr, u8 *buf)
{
	buf[0] = 0x33;
	buf[1] = 0x33;
	memcpy(buf + 2, addr->s6_addr + 12, 4);
}

/* ipv6_addr_type() bits, the ones used */
#define IPV6_ADDR_ANY 0x0000U
#define IPV6_ADDR_UNICAST 0x0001U
#define IPV6_ADDR_MULTICAST 0x0002U
#define IPV6_ADDR_LOOPBACK 0x0010U
#define IPV6_ADDR_LINKLOCAL 0x0020U
#define IPV6_ADDR_SITELOCAL 0x0040U
#define IPV6_ADDR_MAPPED 0x1000U

/* scopes as ipv6_addr_src_scope() ranks them (RFC 6724) */
#define IPV6_ADDR_SCOPE_NODELOCAL 0x01
#define IPV6_ADDR_SCOPE_LINKLOCAL 0x02
#define IPV6_ADDR_SCOPE_SITELOCAL 0x05
#define IPV6_ADDR_SCOPE_GLOBAL 0x0e

int ipv6_addr_type(const struct in6_addr *addr);
int ipv6_addr_src_scope(const struct in6_addr *addr);

/* ---- the packet path (net/ipv6/) ---- */
int ipv6_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
	     struct net_device *orig_dev);
int ip6_input(struct sk_buff *skb);
int ip6_forward(struct sk_buff *skb);
int ip6_output(struct net *net, struct sock *sk, struct sk_buff *skb);
int ip6_pkt_discard(struct sk_buff *skb);
int ip6_pkt_discard_out(struct net *net, struct sock *sk, struct sk_buff *skb);
/* Builds the IPv6 header in front of skb->data (the payload) and sends it
 * through NF_INET_LOCAL_OUT and dst_output (ip6_xmit). */
int ip6_xmit(struct net *net, struct sk_buff *skb, const struct in6_addr *saddr,
	     const struct in6_addr *daddr, u8 proto, int hlimit);
/* The hop limit of what goes out by dst: its device's conf.DEV.hop_limit
 * (a router advertisement's cur hop limit sets it), as Linux's
 * ip6_dst_hoplimit (conf.all.hop_limit changes nothing) */
int ip6_dst_hoplimit(const struct dst_entry *dst);
/* The same with the header's traffic class (Linux's ip6_xmit tclass
 * argument; ip6_xmit() sends with 0, as ndisc, MLD and ICMPv6 errors do). */
int ip6_xmit_tclass(struct net *net, struct sk_buff *skb, const struct in6_addr *saddr,
		    const struct in6_addr *daddr, u8 proto, int hlimit, u8 tclass);
/* the same with a flow label (network order; 0: an automatic one,
 * net.ipv6.auto_flowlabels, ip6_make_flowlabel) */
int ip6_xmit_flow(struct net *net, struct sk_buff *skb, const struct in6_addr *saddr,
		  const struct in6_addr *daddr, u8 proto, int hlimit, u8 tclass, __be32 flowlabel);
#define IPV6_FLOWLABEL_MASK_H 0x000FFFFFu	/* the label, host order */
/* ip6_flowlabel(): a header's flow label, network order */
static inline __be32 ip6_flowlabel(const struct ipv6hdr *hdr)
{
	u32 first;

	memcpy(&first, hdr, sizeof(first));
	return first & htonl(IPV6_FLOWLABEL_MASK_H);
}
struct sock;
bool ip6_autoflowlabel(struct net *net, const struct sock *sk);
/* May sk bind sin6's address (ours, a link-local one with its interface,
 * or nonlocal binding allowed)?  0 or -errno (net/ipv6/udp.c). */
struct sockaddr_in6;
int ipv6_bind_addr_ok(struct sock *sk, const struct sockaddr_in6 *sin6);
/* The route's mtu (a PMTU exception's), else the device's conf.DEV.mtu
 * (mtu6: the device MTU, or a router advertisement's MTU option) */
unsigned int ip6_dst_mtu(const struct dst_entry *dst);

/* The error queue of IPv6 sockets (net/ipv6/datagram.c) */
struct msghdr;
/* ipv6_get_dsfield() (include/net/dsfield.h): the traffic class byte */
static inline u8 ipv6_get_dsfield(const struct ipv6hdr *iph)
{
	return (u8)(((iph->priority_version & 0x0F) << 4) | (iph->flow_lbl[0] >> 4));
}

/* The per-call settings of a sendmsg (struct ipcm6_cookie), first the
 * socket's (ipcm6_init_sk: hlimit -1 = the route's default, tclass the
 * socket's IPV6_TCLASS), then its control messages'. */
struct ipcm6_cookie {
	int hlimit;
	int tclass;
};

/* IPv6 socket options common to UDP, TCP and raw sockets
 * (net/ipv6/ipv6_sockglue.c): 0, -errno, or -ENOPROTOOPT for a name the
 * caller's protocol may know. */
int ipv6_setsockopt(struct sock *sk, int level, int name, const void *val, unsigned int len);
int ipv6_getsockopt(struct sock *sk, int level, int name, void *val, unsigned int *len);
/* Control messages of sendmsg (IPV6_TCLASS, IPV6_HOPLIMIT) into *ipc6, and
 * those recvmsg hands out (IPV6_TCLASS, IPV6_FLOWINFO) (net/ipv6/datagram.c) */
#define IPV6_DEFAULT_MCASTHOPS 1

/* ip6_sk_dst_hoplimit(): a socket's hop limit for daddr, -1 for the
 * route's (IPV6_MULTICAST_HOPS for a multicast destination) */
int ip6_sk_hoplimit(const struct sock *sk, const struct in6_addr *daddr);

struct flowi6;
int ip6_datagram_send_ctl(struct net *net, struct sock *sk, const struct msghdr *msg,
			  struct flowi6 *fl6, struct ipcm6_cookie *ipc6);
void ip6_datagram_recv_ctl(struct sock *sk, struct msghdr *msg, const struct sk_buff *skb);
/* the device a datagram came in on, its destination's for one looped back
 * (daddr: an in6_addr, or a __be32 when v4) */
int ip6_pktinfo_ifindex(struct net *net, const struct sk_buff *skb, bool v4, const void *daddr);
/* msg_name (the sender) and ip6_datagram_recv_ctl() for raw and ping */
void ip6_datagram_recv_from(struct sock *sk, struct msghdr *msg, const struct sk_buff *skb,
			    int *addr_len);
void ipv6_local_error(struct sock *sk, int err, const struct in6_addr *daddr, u32 info);
void ipv6_icmp_error(struct sock *sk, struct sk_buff *skb, int err, __be16 port, u32 info,
		     const u8 *payload);
int ipv6_recv_error(struct sock *sk, struct msghdr *msg, size_t len, int *addr_len);

/* ICMPv6 (net/ipv6/icmp.c) */
int icmpv6_rcv(struct sk_buff *skb);
int icmpv6_err(struct sk_buff *skb, u8 type, u8 code, int offset, u32 info);
/* A packet too big about the packet quoted at skb->data (an ICMPv6 error
 * being handled): a route exception with that MTU (net/ipv6/route.c) */
void ip6_update_pmtu(struct sk_buff *skb, struct net *net, u32 mtu, int oif);
void icmpv6_send(struct sk_buff *skb, u8 type, u8 code, u32 info);
/* Sends the ICMPv6 message msg (checksum filled in) from saddr (NULL: chosen)
 * to daddr, out of oif when non-zero. */
int icmpv6_xmit(struct net *net, const struct in6_addr *saddr, const struct in6_addr *daddr,
		int oif, const void *msg, unsigned int len, int hlimit);
/* The same along the route of fl6 (its traffic class, protocol, oif), with
 * traffic class tclass in the header. */
struct flowi6;
int icmpv6_xmit_flow(struct net *net, const struct flowi6 *fl6, const void *msg,
		     unsigned int len, int hlimit, u8 tclass);
__sum16 csum_ipv6_magic(const struct in6_addr *saddr, const struct in6_addr *daddr,
			u32 len, u8 proto, u32 sum);
u32 ipv6_csum_partial(const void *buf, unsigned int len, u32 sum);

/* the L4 handlers (inet6_protos) */
struct inet6_protocol {
	/* 0: delivered (or dropped by the protocol); 1: an extension header
	 * was passed, go on with IP6CB(skb)->nhoff; -1: dropped */
	int (*handler)(struct sk_buff *skb);
	/* an ICMPv6 error quoting one of our packets: skb->data at the
	 * quoted IPv6 header, the transport header at offset */
	int (*err_handler)(struct sk_buff *skb, u8 type, u8 code, int offset, u32 info);
	unsigned int flags;	/* INET6_PROTO_FINAL: an upper-layer protocol */
};

#define INET6_PROTO_NOPOLICY 0x1
#define INET6_PROTO_FINAL 0x2

/* icmpv6_err_convert(): the errno of an ICMPv6 error; *fatal for a hard one */
int icmpv6_err_convert(u8 type, u8 code, bool *fatal);

const struct inet6_protocol *inet6_protocol(u8 nexthdr);

/* ---- extension headers (net/ipv6/exthdrs.c, exthdrs_core.c) ---- */
static inline bool ipv6_ext_hdr(u8 nexthdr)
{
	return nexthdr == NEXTHDR_HOP || nexthdr == NEXTHDR_ROUTING ||
	       nexthdr == NEXTHDR_FRAGMENT || nexthdr == NEXTHDR_AUTH ||
	       nexthdr == NEXTHDR_NONE || nexthdr == NEXTHDR_DEST;
}

/* Skips the extension headers from start (an offset from skb->data) and
 * gives the upper-layer protocol in *nexthdrp and its offset; stops at the
 * fragment header of a non-first fragment (*frag_offp non-zero); -1 when
 * the headers run past the packet or end in NEXTHDR_NONE. */
int ipv6_skip_exthdr(const struct sk_buff *skb, int start, u8 *nexthdrp, __be16 *frag_offp);
/* Finds header `target` (-1: the upper-layer one) from the network header:
 * its protocol, *offset set; -ENOENT when absent (or past a non-first
 * fragment, *fragoff set), -EBADMSG on a truncated chain. */
int ipv6_find_hdr(const struct sk_buff *skb, unsigned int *offset, int target,
		  unsigned short *fragoff, int *flags);
#define IP6_FH_F_FRAG 1
/* Parses the Hop-by-Hop header right after the IPv6 header: 1, or -1 when
 * the packet was dropped (or answered with a parameter problem). */
int ipv6_parse_hopopts(struct sk_buff *skb);
/* Sends a parameter problem pointing at pos and frees skb. */
void icmpv6_param_prob_reason(struct sk_buff *skb, u8 code, int pos,
			      enum skb_drop_reason reason);
/* inet6_protocol handlers for routing, destination options, no next
 * header and fragment headers: 1 = go on with IP6CB(skb)->nhoff */
int ipv6_rthdr_rcv(struct sk_buff *skb);
int ipv6_destopt_rcv(struct sk_buff *skb);
int ipv6_nodata_rcv(struct sk_buff *skb);
int ipv6_frag_rcv(struct sk_buff *skb);

/* ---- fragmentation (ip6_output.c) and reassembly (reassembly.c) ---- */
/* Splits skb (network header at skb->data) into fragments of the path MTU
 * and hands each to output; the original is consumed. */
int ip6_fragment(struct net *net, struct sock *sk, struct sk_buff *skb,
		 int (*output)(struct net *, struct sock *, struct sk_buff *));
__be32 ipv6_select_ident(struct net *net, const struct in6_addr *daddr,
			 const struct in6_addr *saddr);
int ipv6_frags_init_net(struct net *net);
void ipv6_frags_exit_net(struct net *net);

#endif
