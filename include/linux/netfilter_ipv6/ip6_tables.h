/* IPv6 ip6tables tables (include/linux/netfilter_ipv6/ip6_tables.h): the
 * same table declaration as IPv4's (struct ipt_table_ops, af NFPROTO_IPV6);
 * the engine (copy, check, walk) is ip_tables.c's, shared by both
 * families, as Linux's ip_tables.c and ip6_tables.c are twins. */
#ifndef SKBOX_LINUX_NETFILTER_IPV6_IP6_TABLES_H
#define SKBOX_LINUX_NETFILTER_IPV6_IP6_TABLES_H

#include "linux/netfilter_ipv4/ip_tables.h"

/* NULL-terminated registries: raw, mangle, filter (ip6table_*.c), and the
 * ones that need conntrack (ip6t_ct_tables.c). */
extern const struct ipt_table_ops *const ip6t_core_tables[];
extern const struct ipt_table_ops *const ip6t_ct_tables[];

/* The upper-layer protocol of an IPv6 packet after its extension headers
 * (Linux's ipv6_find_hdr with target -1): the protocol, *thoff its offset
 * from skb->data, *fragoff the fragment offset in bytes (non-zero: a later
 * fragment); -1 when the chain of headers ends (no next header, a later
 * fragment of an extension header, a truncated header). */
int ip6t_find_hdr(const struct sk_buff *skb, unsigned int *thoff, int *fragoff);
/* The offset (from skb->data) of extension header `target` (NEXTHDR_*),
 * as ipv6_find_hdr with a target: -1 when the packet has none before its
 * upper layer or a later fragment hides it. */
int ip6t_find_ext(const struct sk_buff *skb, u8 target);

#endif
