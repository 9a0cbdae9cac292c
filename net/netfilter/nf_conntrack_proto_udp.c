/* UDP and the generic tracker (net/netfilter/nf_conntrack_proto_udp.c,
 * nf_conntrack_proto_generic.c): 30 s until a reply, then 30 s more per
 * packet; a flow still alive two seconds after it began, with replies, is a
 * stream: 120 s and ASSURED.  Other protocols: 600 s, no ports. */
#include <stdio.h>
#include <netinet/in.h>
#include "linux/netfilter/x_tables.h"
#include "net/netfilter/nf_conntrack_l4proto.h"
#include "net/net_namespace.h"
#include "net/world.h"

struct udphdr_ports {
	__be16 source, dest, len, check;
};

static bool udp_pkt_to_tuple(const struct sk_buff *skb, unsigned int dataoff,
			     struct nf_conntrack_tuple *tuple)
{
	struct udphdr_ports _h;
	const struct udphdr_ports *h = xt_header_pointer(skb, (int)dataoff, 4, &_h);

	if (!h)
		return false;
	tuple->src.u.udp.port = h->source;
	tuple->dst.u.udp.port = h->dest;
	return true;
}

static bool udp_invert_tuple(struct nf_conntrack_tuple *inv, const struct nf_conntrack_tuple *orig)
{
	inv->src.u.udp.port = orig->dst.u.udp.port;
	inv->dst.u.udp.port = orig->src.u.udp.port;
	return true;
}

/* udp_error: a header that fits, a length that matches the packet */
static int udp_error(struct net *net, struct sk_buff *skb, unsigned int dataoff,
		     const struct nf_hook_state *state, u16 zone)
{
	struct udphdr_ports _h;
	const struct udphdr_ports *h = xt_header_pointer(skb, (int)dataoff, sizeof(_h), &_h);

	(void)zone;
	unsigned int udplen = skb->len - dataoff;

	(void)net;
	(void)state;
	if (!h || ntohs(h->len) > udplen || ntohs(h->len) < sizeof(*h))
		return 0;
	return 1;
}

static int udp_packet(struct nf_conn *ct, struct sk_buff *skb, unsigned int dataoff,
		      enum ip_conntrack_info ctinfo, const struct nf_hook_state *state)
{
	const struct nf_ct_sysctl *s = &nf_ct_pernet(state->net)->sysctl;
	u64 now = world_now(nf_ct_world(ct));

	(void)dataoff;
	if (!nf_ct_is_confirmed(ct))
		ct->proto.udp.stream_ts = (u32)(now / 1000000u) + 2000;	/* ms */
	if (ct->status & IPS_SEEN_REPLY) {
		unsigned int extra = (unsigned int)s->udp_timeout;
		bool stream = false;

		/* still active two seconds after it began: a stream */
		if ((s32)((u32)(now / 1000000u) - ct->proto.udp.stream_ts) > 0) {
			extra = (unsigned int)s->udp_timeout_stream;
			stream = !(ct->status & IPS_ASSURED);
		}
		nf_ct_refresh_acct(ct, ctinfo, skb, extra);
		if (stream) {
			ct->status |= IPS_ASSURED;
			nf_conntrack_event_cache(IPCT_UPDATE, ct);
		}
	} else {
		nf_ct_refresh_acct(ct, ctinfo, skb, (unsigned int)s->udp_timeout);
	}
	return NF_ACCEPT;
}

static int udp_print_tuple(char *buf, size_t len, const struct nf_conntrack_tuple *t)
{
	return snprintf(buf, len, "sport=%u dport=%u ", ntohs(t->src.u.udp.port),
			ntohs(t->dst.u.udp.port));
}

const struct nf_conntrack_l4proto nf_conntrack_l4proto_udp = {
	.l4proto = IPPROTO_UDP,
	.pkt_to_tuple = udp_pkt_to_tuple,
	.invert_tuple = udp_invert_tuple,
	.error = udp_error,
	.packet = udp_packet,
	.print_tuple = udp_print_tuple,
};

static int generic_packet(struct nf_conn *ct, struct sk_buff *skb, unsigned int dataoff,
			  enum ip_conntrack_info ctinfo, const struct nf_hook_state *state)
{
	(void)dataoff;
	nf_ct_refresh_acct(ct, ctinfo, skb,
			   (unsigned int)nf_ct_pernet(state->net)->sysctl.generic_timeout);
	return NF_ACCEPT;
}

const struct nf_conntrack_l4proto nf_conntrack_l4proto_generic = {
	.l4proto = 255,
	.packet = generic_packet,
};

const struct nf_conntrack_l4proto *nf_ct_l4proto_find(u8 l4proto)
{
	switch (l4proto) {
	case IPPROTO_TCP:
		return &nf_conntrack_l4proto_tcp;
	case IPPROTO_UDP:
		return &nf_conntrack_l4proto_udp;
	case IPPROTO_ICMP:
		return &nf_conntrack_l4proto_icmp;
	case IPPROTO_ICMPV6:
		return &nf_conntrack_l4proto_icmpv6;
	default:
		return &nf_conntrack_l4proto_generic;
	}
}
