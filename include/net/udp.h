/* UDP shared by IPv4 and IPv6 (include/net/udp.h, include/net/transp_v6.h):
 * one socket table per namespace (net->ipv4.udp_sockets) holds both
 * families, as Linux's udp_table does. */
#ifndef SKBOX_NET_UDP_H
#define SKBOX_NET_UDP_H

#include "linux/types.h"

struct sock;
struct sk_buff;

struct udphdr {
	__be16 source;
	__be16 dest;
	__be16 len;
	__sum16 check;
};

/* net/ipv4/udp.c: a port from ip_local_port_range (want 0) or want, and
 * the socket into the namespace's table */
int udp_get_port(struct sock *sk, u16 want);
void udp_hash(struct sock *sk);
/* the socket a datagram (saddr:sport -> daddr:dport, in on dif) goes to */
struct sock *udp4_lib_lookup(struct net *net, __be32 saddr, __be16 sport, __be32 daddr,
			     __be16 dport, int dif);
extern const struct proto udp_prot;

/* net/ipv6/udp.c: do two bound sockets' addresses overlap, one of them
 * AF_INET6 (inet_rcv_saddr_equal with ipv6_rcv_saddr_equal)? */
bool udp_rcv_saddr_equal(const struct sock *sk, const struct sock *sk2);
int udpv6_rcv(struct sk_buff *skb);
int udpv6_err(struct sk_buff *skb, u8 type, u8 code, int offset, u32 info);
extern const struct proto udpv6_prot;

#endif
