/* Ping sockets (include/net/ping.h): socket(AF_INET, SOCK_DGRAM,
 * IPPROTO_ICMP) and socket(AF_INET6, SOCK_DGRAM, IPPROTO_ICMPV6).
 * net/ipv4/ping.c holds what both families share (the identifier table,
 * bind, receive, errors, recvmsg) and the IPv4 proto; net/ipv6/ping.c the
 * IPv6 send and connect and pingv6_prot. */
#ifndef SKBOX_NET_PING_H
#define SKBOX_NET_PING_H

#include "linux/types.h"
#include "net/sock.h"

#define PING_ICMPH_LEN 8	/* struct icmphdr, struct icmp6hdr */

int ping_init_sock(struct sock *sk);
void ping_close(struct sock *sk);
int ping_bind(struct sock *sk, const struct sockaddr *uaddr, int len);
/* inet_autobind(): an identifier before the first send or connect */
int ping_autobind(struct sock *sk);
/* the user's ICMP(v6) header, checked: an echo request of the family */
int ping_common_sendmsg(int family, const struct msghdr *msg, size_t len, u8 *icmph);
int ping_recvmsg(struct sock *sk, struct msghdr *msg, size_t len, int flags, int *addr_len);
/* an echo reply, skb data at its ICMP(v6) header; the caller keeps skb */
void ping_rcv(struct sk_buff *skb);
/* an ICMP(v6) error, skb data at the quoted IP(v6) header, offset the
 * quoted ICMP(v6) header's; the transport header is the error's */
void ping_err(struct sk_buff *skb, int offset, u32 info);

extern const struct proto ping_prot;
extern const struct proto pingv6_prot;

#endif
