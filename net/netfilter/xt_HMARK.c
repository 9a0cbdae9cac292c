/* -j HMARK (net/netfilter/xt_HMARK.c): the packet's mark is a hash of its
 * flow, masked as the rule says: the addresses (--hmark-src-prefix,
 * --hmark-dst-prefix), the ports or the SPI (masked, then ORed with
 * --hmark-sport/dport/spi), the protocol (--hmark-proto-mask), with
 * --hmark-rnd as the seed; mark = hash scaled to --hmark-mod, plus
 * --hmark-offset.  The ports are put in order and so are the addresses,
 * so both directions of a flow get one mark.  With --hmark-tuple ct the
 * conntrack entry's tuples are hashed instead of the packet.  IPv4. */
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include "linux/jhash.h"
#include "linux/netfilter/x_tables.h"
#include "net/ip.h"
#include "net/netfilter/nf_conntrack.h"
#include "uapi/linux/netfilter/xt_extra.h"

struct hmark_tuple {
	__be32 src, dst;
	union hmark_ports uports;
	u8 proto;
};

static void hmark_swap_ports(union hmark_ports *up, const struct xt_hmark_info *info)
{
	union hmark_ports hp;
	u16 src, dst;

	hp.v32 = (up->v32 & info->port_mask.v32) | info->port_set.v32;
	src = ntohs(hp.p16.src);
	dst = ntohs(hp.p16.dst);
	up->v32 = dst > src ? (u32)dst << 16 | src : (u32)src << 16 | dst;
}

static u32 hmark_hash(struct hmark_tuple *t, const struct xt_hmark_info *info)
{
	u32 src = ntohl(t->src), dst = ntohl(t->dst), hash;

	if (dst < src) {
		u32 x = src;

		src = dst;
		dst = x;
	}
	hash = jhash_3words(src, dst, t->uports.v32, info->hashrnd);
	hash ^= t->proto & info->proto_mask;
	return (u32)(((u64)hash * info->hmodulus) >> 32) + info->hoffset;
}

static int hmark_ct_set_htuple(const struct sk_buff *skb, struct hmark_tuple *t,
			       const struct xt_hmark_info *info)
{
	enum ip_conntrack_info ctinfo;
	const struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	const struct nf_conntrack_tuple *o, *r;

	if (!ct || (ct->status & IPS_UNTRACKED))
		return -1;
	o = &ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple;
	r = &ct->tuplehash[IP_CT_DIR_REPLY].tuple;
	t->src = o->src.ip & info->src_mask[0];
	t->dst = r->src.ip & info->dst_mask[0];
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_METHOD_L3))
		return 0;
	t->proto = o->dst.protonum;
	if (t->proto != IPPROTO_ICMP) {
		t->uports.p16.src = o->src.u.all;
		t->uports.p16.dst = r->src.u.all;
		hmark_swap_ports(&t->uports, info);
	}
	return 0;
}

/* proto_ports_offset(): where the ports (or the SPI) are */
static int hmark_ports_offset(u8 proto)
{
	switch (proto) {
	case IPPROTO_TCP: case IPPROTO_UDP: case IPPROTO_DCCP: case IPPROTO_ESP:
	case IPPROTO_SCTP: case IPPROTO_UDPLITE:
		return 0;
	case IPPROTO_AH:
		return 4;
	}
	return -1;
}

static int hmark_pkt_set_htuple(const struct sk_buff *skb, struct hmark_tuple *t,
				const struct xt_hmark_info *info)
{
	const struct iphdr *ip = ip_hdr(skb);
	struct { u8 type, code; __be16 sum; u32 rest; } icmp_buf, *icmph;
	struct iphdr inner_buf;
	int nhoff = skb_network_offset(skb);
	const void *p;
	int off;

	if (ip->protocol == IPPROTO_ICMP) {	/* an ICMP error: its quoted header */
		icmph = xt_header_pointer(skb, nhoff + ip->ihl * 4, (int)sizeof(icmp_buf),
						   &icmp_buf);
		if (icmph && (icmph->type == 3 || icmph->type == 4 || icmph->type == 5 ||
			      icmph->type == 11 || icmph->type == 12)) {
			nhoff += ip->ihl * 4 + 8;
			ip = xt_header_pointer(skb, nhoff, (int)sizeof(inner_buf), &inner_buf);
			if (!ip)
				return -1;
		}
	}
	t->src = ip->saddr & info->src_mask[0];
	t->dst = ip->daddr & info->dst_mask[0];
	if (info->flags & XT_HMARK_FLAG(XT_HMARK_METHOD_L3))
		return 0;
	t->proto = ip->protocol;
	if (t->proto == IPPROTO_ICMP || (ip->frag_off & htons(0x3FFF)))
		return 0;			/* no ports; not in a fragment */
	off = hmark_ports_offset(t->proto);
	if (off < 0)
		return 0;
	p = xt_header_pointer(skb, nhoff + ip->ihl * 4 + off, (int)sizeof(t->uports), &t->uports);
	if (!p)
		return 0;
	if (p != &t->uports)
		memcpy(&t->uports, p, sizeof(t->uports));
	hmark_swap_ports(&t->uports, info);
	return 0;
}

static unsigned int hmark_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_hmark_info *info = par->targinfo;
	struct hmark_tuple t;

	memset(&t, 0, sizeof(t));
	if ((info->flags & XT_HMARK_FLAG(XT_HMARK_CT)) ? hmark_ct_set_htuple(skb, &t, info) :
							 hmark_pkt_set_htuple(skb, &t, info))
		return XT_CONTINUE;
	skb->mark = hmark_hash(&t, info);
	return XT_CONTINUE;
}

static int hmark_tg_check(const struct xt_tgchk_param *par)
{
	const struct xt_hmark_info *info = par->targinfo;
	const u32 f = info->flags;

	if (!info->hmodulus)
		return -EINVAL;			/* "invalid hash modulus" */
	if (info->proto_mask && (f & XT_HMARK_FLAG(XT_HMARK_METHOD_L3)))
		return -EINVAL;
	if ((f & XT_HMARK_FLAG(XT_HMARK_SPI_MASK)) &&
	    (f & (XT_HMARK_FLAG(XT_HMARK_SPORT_MASK) | XT_HMARK_FLAG(XT_HMARK_DPORT_MASK))))
		return -EINVAL;
	if ((f & XT_HMARK_FLAG(XT_HMARK_SPI)) &&
	    (f & (XT_HMARK_FLAG(XT_HMARK_SPORT) | XT_HMARK_FLAG(XT_HMARK_DPORT))))
		return -EINVAL;
	return 0;
}

const struct xt_target xt_hmark_target = {
	.name = "HMARK", .revision = 0, .family = NFPROTO_IPV4, .target = hmark_tg,
	.checkentry = hmark_tg_check, .targetsize = sizeof(struct xt_hmark_info),
};
