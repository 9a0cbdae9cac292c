/* Protocol trackers (include/net/netfilter/nf_conntrack_l4proto.h): one
 * const table per protocol, found by number; generic for the rest. */
#ifndef SKBOX_NET_NF_CONNTRACK_L4PROTO_H
#define SKBOX_NET_NF_CONNTRACK_L4PROTO_H

#include "net/netfilter/nf_conntrack.h"

struct nf_conntrack_l4proto {
	u8 l4proto;
	/* ports (or ICMP id/type/code) of the packet at dataoff */
	bool (*pkt_to_tuple)(const struct sk_buff *skb, unsigned int dataoff,
			     struct nf_conntrack_tuple *tuple);
	bool (*invert_tuple)(struct nf_conntrack_tuple *inverse,
			     const struct nf_conntrack_tuple *orig);
	/* before lookup: > 0 go on (skb->_nfct set when RELATED), 0 invalid,
	 * < 0 drop */
	int (*error)(struct net *net, struct sk_buff *skb, unsigned int dataoff,
		     const struct nf_hook_state *state, u16 zone);
	/* may this packet open an entry?  (ct not yet confirmed) */
	bool (*new)(struct nf_conn *ct, const struct sk_buff *skb, unsigned int dataoff);
	/* > 0 accept; -NF_ACCEPT invalid; -NF_DROP drop; -NF_REPEAT retry
	 * with a fresh entry (the old one was killed) */
	int (*packet)(struct nf_conn *ct, struct sk_buff *skb, unsigned int dataoff,
		      enum ip_conntrack_info ctinfo, const struct nf_hook_state *state);
	/* the words between the timeout and the tuples in conntrack -L */
	const char *(*state_name)(const struct nf_conn *ct);
	/* tuple text after the addresses: "sport=1 dport=2 " */
	int (*print_tuple)(char *buf, size_t len, const struct nf_conntrack_tuple *t);
};

extern const struct nf_conntrack_l4proto nf_conntrack_l4proto_tcp;
extern const struct nf_conntrack_l4proto nf_conntrack_l4proto_udp;
extern const struct nf_conntrack_l4proto nf_conntrack_l4proto_icmp;
extern const struct nf_conntrack_l4proto nf_conntrack_l4proto_icmpv6;
extern const struct nf_conntrack_l4proto nf_conntrack_l4proto_generic;

const struct nf_conntrack_l4proto *nf_ct_l4proto_find(u8 l4proto);

/* The protocol name as conntrack prints it ("tcp", "unknown"). */
const char *nf_ct_l4proto_name(u8 l4proto);

#endif
