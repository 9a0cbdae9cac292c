/* ICMPv6 tracking (net/netfilter/nf_conntrack_proto_icmpv6.c): echo and
 * node information requests open entries keyed by type/code/id, 30 s (the
 * ICMP timeout); an ICMPv6 error whose quoted packet belongs to an entry
 * is RELATED to it; neighbour discovery and MLD are UNTRACKED
 * (noct_valid_new); other messages cannot open an entry (invalid). */
#include <stdio.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/netfilter/x_tables.h"
#include "net/ipv6.h"
#include "net/netfilter/nf_conntrack_l4proto.h"
#include "net/net_namespace.h"

#define ICMPV6_ECHO_REQUEST	128
#define ICMPV6_ECHO_REPLY	129
#define ICMPV6_NI_QUERY		139
#define ICMPV6_NI_REPLY		140

static bool icmpv6_pkt_to_tuple(const struct sk_buff *skb, unsigned int dataoff,
				struct nf_conntrack_tuple *tuple)
{
	u8 buf[8];
	const u8 *h = xt_header_pointer(skb, (int)dataoff, 8, buf);

	if (!h)
		return false;
	tuple->dst.u.icmp.type = h[0];
	memcpy(&tuple->src.u.icmp.id, h + 4, 2);
	tuple->dst.u.icmp.code = h[1];
	return true;
}

/* request <-> reply, stored +1 so that 0 means "none" (index: type - 128) */
static const u8 invmap[] = {
	[ICMPV6_ECHO_REQUEST - 128] = ICMPV6_ECHO_REPLY + 1,
	[ICMPV6_ECHO_REPLY - 128] = ICMPV6_ECHO_REQUEST + 1,
	[ICMPV6_NI_QUERY - 128] = ICMPV6_NI_REPLY + 1,
	[ICMPV6_NI_REPLY - 128] = ICMPV6_NI_QUERY + 1,
};

static bool icmpv6_invert_tuple(struct nf_conntrack_tuple *inv,
				const struct nf_conntrack_tuple *orig)
{
	int type = orig->dst.u.icmp.type - 128;

	if (type < 0 || type >= (int)sizeof(invmap) || !invmap[type])
		return false;
	inv->src.u.icmp.id = orig->src.u.icmp.id;
	inv->dst.u.icmp.type = (u8)(invmap[type] - 1);
	inv->dst.u.icmp.code = orig->dst.u.icmp.code;
	return true;
}

static bool icmpv6_new(struct nf_conn *ct, const struct sk_buff *skb, unsigned int dataoff)
{
	u8 type = ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple.dst.u.icmp.type;

	(void)skb;
	(void)dataoff;
	return type == ICMPV6_ECHO_REQUEST || type == ICMPV6_NI_QUERY;
}

/* The quoted packet, reversed, is a tuple of an entry: RELATED to it. */
static int icmpv6_error_message(struct net *net, struct sk_buff *skb, unsigned int dataoff,
				u16 zone)
{
	struct nf_conntrack_tuple6 inner, inv;
	struct nf_conntrack_tuple_hash *h;
	struct nf_conn *ct;

	if (!nf_ct_get_tuple6(skb, dataoff + 8, &inner))
		return 0;
	if (inner.t.dst.protonum == IPPROTO_ICMPV6 && inner.t.dst.u.icmp.type < 128)
		return 0;
	if (!nf_ct_invert_tuple6(&inv, &inner.t))
		return 0;
	inv.t.src.zone = zone;
	h = nf_conntrack_find_get(net, &inv.t);
	if (!h)
		return 0;
	ct = nf_ct_tuplehash_to_ctrack(h);
	nf_ct_set(skb, ct, h->tuple.dst.dir == IP_CT_DIR_REPLY ? IP_CT_RELATED_REPLY :
		  IP_CT_RELATED);
	return 1;
}

/* noct_valid_new: MLD and neighbour discovery pass untracked */
static bool icmpv6_untracked(u8 type)
{
	return (type >= 130 && type <= 137) || type == 143;
}

static int icmpv6_error(struct net *net, struct sk_buff *skb, unsigned int dataoff,
			const struct nf_hook_state *state, u16 zone)
{
	u8 buf[8];
	const u8 *h = xt_header_pointer(skb, (int)dataoff, 8, buf);

	(void)state;
	if (!h)
		return 0;
	if (icmpv6_untracked(h[0])) {
		struct nf_conn *ct = nf_ct_untracked_get(net);

		nf_conntrack_get(&ct->ct_general);
		nf_ct_set(skb, ct, IP_CT_UNTRACKED);
		return 1;
	}
	if (h[0] >= 128)		/* informational: an entry, or invalid by new() */
		return 1;
	return icmpv6_error_message(net, skb, dataoff, zone);
}

static int icmpv6_packet(struct nf_conn *ct, struct sk_buff *skb, unsigned int dataoff,
			 enum ip_conntrack_info ctinfo, const struct nf_hook_state *state)
{
	(void)dataoff;
	nf_ct_refresh_acct(ct, ctinfo, skb,
			   (unsigned int)nf_ct_pernet(state->net)->sysctl.icmp_timeout);
	return NF_ACCEPT;
}

static int icmpv6_print_tuple(char *buf, size_t len, const struct nf_conntrack_tuple *t)
{
	return snprintf(buf, len, "type=%u code=%u id=%u ", t->dst.u.icmp.type,
			t->dst.u.icmp.code, ntohs(t->src.u.icmp.id));
}

const struct nf_conntrack_l4proto nf_conntrack_l4proto_icmpv6 = {
	.l4proto = IPPROTO_ICMPV6,
	.pkt_to_tuple = icmpv6_pkt_to_tuple,
	.invert_tuple = icmpv6_invert_tuple,
	.error = icmpv6_error,
	.new = icmpv6_new,
	.packet = icmpv6_packet,
	.print_tuple = icmpv6_print_tuple,
};
