/* REJECT's answers (include/net/netfilter/ipv4/nf_reject.h). */
#ifndef SKBOX_NET_NETFILTER_NF_REJECT_H
#define SKBOX_NET_NETFILTER_NF_REJECT_H

#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_tcpudp.h"

void nf_send_unreach(struct sk_buff *skb_in, int code, int hook);
void nf_send_reset(struct net *net, struct sk_buff *oldskb, int hook);

#endif
