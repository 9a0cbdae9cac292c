/* ICMP tracking (net/netfilter/nf_conntrack_proto_icmp.c): echo,
 * timestamp, info and address-mask requests open entries keyed by
 * type/code/id, 30 s each; an ICMP error whose quoted packet belongs to an
 * entry is RELATED to it (nf_conntrack_inet_error). */
#include <stdio.h>
#include <netinet/in.h>
#include "linux/netfilter/x_tables.h"
#include "net/icmp.h"
#include "net/ip.h"
#include "net/netfilter/nf_conntrack_l4proto.h"
#include "net/net_namespace.h"

#define NR_ICMP_TYPES 18

static bool icmp_pkt_to_tuple(const struct sk_buff *skb, unsigned int dataoff,
			      struct nf_conntrack_tuple *tuple)
{
	struct icmphdr _h;
	const struct icmphdr *h = xt_header_pointer(skb, (int)dataoff, 8, &_h);

	if (!h)
		return false;
	tuple->dst.u.icmp.type = h->type;
	tuple->src.u.icmp.id = h->un.echo.id;
	tuple->dst.u.icmp.code = h->code;
	return true;
}

/* request <-> reply, stored +1 so that 0 means "none" */
static const u8 invmap[] = {
	[ICMP_ECHO] = ICMP_ECHOREPLY + 1,
	[ICMP_ECHOREPLY] = ICMP_ECHO + 1,
	[13] = 14 + 1, [14] = 13 + 1,		/* timestamp */
	[15] = 16 + 1, [16] = 15 + 1,		/* info */
	[17] = 18 + 1, [18] = 17 + 1,		/* address mask */
};

static bool icmp_invert_tuple(struct nf_conntrack_tuple *inv, const struct nf_conntrack_tuple *orig)
{
	u8 type = orig->dst.u.icmp.type;

	if (type >= sizeof(invmap) || !invmap[type])
		return false;
	inv->src.u.icmp.id = orig->src.u.icmp.id;
	inv->dst.u.icmp.type = (u8)(invmap[type] - 1);
	inv->dst.u.icmp.code = orig->dst.u.icmp.code;
	return true;
}

/* Only requests open an entry. */
static bool icmp_new(struct nf_conn *ct, const struct sk_buff *skb, unsigned int dataoff)
{
	u8 type = ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple.dst.u.icmp.type;

	(void)skb;
	(void)dataoff;
	return type == ICMP_ECHO || type == 13 || type == 15 || type == 17;
}

static bool icmp_is_error(u8 type)
{
	return type == ICMP_DEST_UNREACH || type == 4 /* source quench */ ||
	       type == ICMP_REDIRECT || type == ICMP_TIME_EXCEEDED || type == 12 /* param */;
}

/* The quoted packet, reversed, is a tuple of an entry: RELATED to it. */
static int icmp_error_message(struct net *net, struct sk_buff *skb, unsigned int dataoff,
			      u16 zone)
{
	struct nf_conntrack_tuple inner, inv;
	struct nf_conntrack_tuple_hash *h;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;

	if (!nf_ct_get_tuplepr(skb, dataoff + 8, &inner))
		return 0;
	/* an error about an error, or about nothing we can invert */
	if (inner.dst.protonum == IPPROTO_ICMP && icmp_is_error(inner.dst.u.icmp.type))
		return 0;
	if (!nf_ct_invert_tuple(&inv, &inner))
		return 0;
	inv.src.zone = zone;			/* looked up in the packet's zone */
	h = nf_conntrack_find_get(net, &inv);
	if (!h)
		return 0;
	ct = nf_ct_tuplehash_to_ctrack(h);
	/* the error goes to where the entry's tuple in that direction goes */
	if (ct->tuplehash[h->tuple.dst.dir].tuple.dst.ip != ip_hdr(skb)->daddr) {
		nf_ct_put(ct);
		return 0;
	}
	ctinfo = IP_CT_RELATED;
	if (h->tuple.dst.dir == IP_CT_DIR_REPLY)
		ctinfo = IP_CT_RELATED_REPLY;
	nf_ct_set(skb, ct, ctinfo);
	return 1;
}

static int icmp_error(struct net *net, struct sk_buff *skb, unsigned int dataoff,
		      const struct nf_hook_state *state, u16 zone)
{
	struct icmphdr _h;
	const struct icmphdr *h = xt_header_pointer(skb, (int)dataoff, sizeof(_h), &_h);

	(void)state;
	if (!h || h->type > NR_ICMP_TYPES)
		return 0;
	if (!icmp_is_error(h->type))
		return 1;
	return icmp_error_message(net, skb, dataoff, zone);
}

static int icmp_packet(struct nf_conn *ct, struct sk_buff *skb, unsigned int dataoff,
		       enum ip_conntrack_info ctinfo, const struct nf_hook_state *state)
{
	(void)dataoff;
	nf_ct_refresh_acct(ct, ctinfo, skb,
			   (unsigned int)nf_ct_pernet(state->net)->sysctl.icmp_timeout);
	return NF_ACCEPT;
}

static int icmp_print_tuple(char *buf, size_t len, const struct nf_conntrack_tuple *t)
{
	return snprintf(buf, len, "type=%u code=%u id=%u ", t->dst.u.icmp.type,
			t->dst.u.icmp.code, ntohs(t->src.u.icmp.id));
}

const struct nf_conntrack_l4proto nf_conntrack_l4proto_icmp = {
	.l4proto = IPPROTO_ICMP,
	.pkt_to_tuple = icmp_pkt_to_tuple,
	.invert_tuple = icmp_invert_tuple,
	.error = icmp_error,
	.new = icmp_new,
	.packet = icmp_packet,
	.print_tuple = icmp_print_tuple,
};
