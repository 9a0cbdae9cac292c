/* NAT core (net/netfilter/nf_nat_core.c): the mapping of a connection,
 * decided once when its first packet passes a nat hook, kept in the
 * conntrack entry.
 *
 *   nat table hook (iptable_nat.c) → nf_nat_ipv4_fn
 *     RELATED ICMP error  → nf_nat_icmp_reply_translation (nf_nat_proto.c)
 *     NEW, not yet mapped → ipt_do_table → DNAT/SNAT/MASQUERADE/REDIRECT
 *                           → nf_nat_setup_info → get_unique_tuple
 *                           → nf_conntrack_alter_reply
 *                         (no rule mapped it: nf_nat_alloc_null_binding)
 *     every packet        → nf_nat_packet (nf_nat_proto.c)
 *
 * get_unique_tuple() is Linux's: an SNAT keeps the mapping an earlier
 * connection from the same source got (the bysource hash) when it fits the
 * range; else the address is picked from the range by a hash of the
 * addresses (jhash2, as Linux, so the same client gets the same address),
 * the port is kept when free, and otherwise searched from a random offset
 * in the range (1024-65535, 600-1023 or 1-511 by the original port when the
 * rule gives none), at most 128 tries and then smaller windows. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "linux/slab.h"
#include "net/netfilter/nf_nat.h"
#include "linux/netfilter/x_tables.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "net/trace.h"
#include "net/ip.h"
#include "net/ipv6.h"
#include "linux/netfilter_ipv6/ip6_tables.h"

#define NF_NAT_MAX_ATTEMPTS	128
#define NF_NAT_BYSOURCE_MIN	1024
#define NF_NAT_BYSOURCE_MAX	(1u << 20)

/* Per-namespace NAT state: the bysource hash.  Linux sizes it as the
 * conntrack table (262144 buckets, shared by all namespaces); here each
 * namespace starts small and the table grows (x4) past two entries a bucket. */
struct nf_nat_net {
	unsigned int users;
	unsigned int size, count;
	struct nf_conn_nat **bysource;
};

static struct nf_nat_net *nf_nat_pernet(const struct net *net)
{
	return net_generic(net, NETGEN_NAT);
}

/* ---- Bob Jenkins' lookup3 as include/linux/jhash.h ---- */
static inline u32 rol32(u32 w, unsigned int s)
{
	return (w << s) | (w >> (32 - s));
}

static u32 jhash2(const u32 *k, u32 length, u32 initval)
{
	u32 a, b, c;

	a = b = c = 0xdeadbeef + (length << 2) + initval;
	while (length > 3) {
		a += k[0]; b += k[1]; c += k[2];
		a -= c; a ^= rol32(c, 4); c += b;
		b -= a; b ^= rol32(a, 6); a += c;
		c -= b; c ^= rol32(b, 8); b += a;
		a -= c; a ^= rol32(c, 16); c += b;
		b -= a; b ^= rol32(a, 19); a += c;
		c -= b; c ^= rol32(b, 4); b += a;
		length -= 3;
		k += 3;
	}
	switch (length) {
	case 3: c += k[2]; /* fall through */
	case 2: b += k[1]; /* fall through */
	case 1: a += k[0];
		c ^= b; c -= rol32(b, 14);
		a ^= c; a -= rol32(c, 11);
		b ^= a; b -= rol32(a, 25);
		c ^= b; c -= rol32(b, 16);
		a ^= c; a -= rol32(c, 4);
		b ^= a; b -= rol32(a, 14);
		c ^= b; c -= rol32(b, 24);
		break;
	}
	return c;
}

static unsigned int hash_by_src(const struct nf_conntrack_tuple *t, unsigned int size)
{
	u32 k[3] = { t->src.ip, (u32)t->src.u.all << 16 | t->dst.protonum, 0 };

	return jhash2(k, 3, 0) & (size - 1);
}

/* ---- the bysource hash ---- */
static void nf_nat_bysource_del(struct nf_conn_nat *nat)
{
	struct nf_nat_net *nn;

	if (!nat->by_pprev)
		return;
	nn = nf_nat_pernet(nat->ct->net);
	if (nn)
		nn->count--;
	*nat->by_pprev = nat->by_next;
	if (nat->by_next)
		nat->by_next->by_pprev = nat->by_pprev;
	nat->by_pprev = NULL;
	nat->by_next = NULL;
}

static void nf_nat_cleanup_conntrack(struct nf_conn *ct)
{
	nf_nat_bysource_del(nfct_nat(ct));
}

static const struct nf_ct_nat_ops nf_nat_ct_ops = {
	.destroy = nf_nat_cleanup_conntrack,
};

struct nf_conn_nat *nf_ct_nat_ext_add(struct nf_conn *ct)
{
	struct nf_ct_ext *ext = nf_ct_ext_add(ct);

	if (!ext)
		return NULL;
	if (!ext->nat_ops) {
		ext->nat_ops = &nf_nat_ct_ops;
		nfct_nat(ct)->ct = ct;
	}
	return nfct_nat(ct);
}

static void bysource_link(struct nf_conn_nat **head, struct nf_conn_nat *nat)
{
	nat->by_next = *head;
	if (*head)
		(*head)->by_pprev = &nat->by_next;
	nat->by_pprev = head;
	*head = nat;
}

/* four times the buckets; every entry moves to its new chain */
static void nf_nat_bysource_grow(struct nf_nat_net *nn)
{
	unsigned int size = nn->size * 4;
	struct nf_conn_nat **t = kcalloc(size, sizeof(*t));

	if (!t)
		return;		/* keep the longer chains */
	for (unsigned int i = 0; i < nn->size; i++) {
		while (nn->bysource[i]) {
			struct nf_conn_nat *nat = nn->bysource[i];

			nn->bysource[i] = nat->by_next;
			bysource_link(&t[hash_by_src(&nat->ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple,
						     size)], nat);
		}
	}
	free(nn->bysource);
	nn->bysource = t;
	nn->size = size;
}

static void nf_nat_bysource_add(struct nf_conn *ct)
{
	struct nf_nat_net *nn = nf_nat_pernet(ct->net);
	struct nf_conn_nat *nat = nfct_nat(ct), **head;

	if (!nn || nat->by_pprev)
		return;
	if (nn->count + 1 > 2 * nn->size && nn->size < NF_NAT_BYSOURCE_MAX)
		nf_nat_bysource_grow(nn);
	nn->count++;
	head = &nn->bysource[hash_by_src(&ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple, nn->size)];
	bysource_link(head, nat);
}

int nf_nat_net_get(struct net *net)
{
	struct nf_nat_net *nn = nf_nat_pernet(net);

	if (!nn) {
		nn = kzalloc(sizeof(*nn));
		if (!nn)
			return -1;
		nn->size = NF_NAT_BYSOURCE_MIN;
		nn->bysource = kcalloc(nn->size, sizeof(*nn->bysource));
		if (!nn->bysource) {
			free(nn);
			return -1;
		}
		net->gen[NETGEN_NAT] = nn;
	}
	nn->users++;
	return 0;
}

/* The last user gone: entries that outlive the hash are unhooked from it. */
void nf_nat_net_put(struct net *net)
{
	struct nf_nat_net *nn = nf_nat_pernet(net);

	if (!nn || --nn->users)
		return;
	for (unsigned int i = 0; i < nn->size; i++)
		while (nn->bysource[i])
			nf_nat_bysource_del(nn->bysource[i]);
	free(nn->bysource);
	free(nn);
	net->gen[NETGEN_NAT] = NULL;
}

/* ---- tuple choice ----
 * IPv6 tuples being built are packet-style (wrapped in struct
 * nf_conntrack_tuple6, their addresses after them); IPv4 ones use .t. */
static void nat_invert(struct nf_conntrack_tuple6 *inv, const struct nf_conntrack_tuple *t)
{
	if (t->dst.v6)
		nf_ct_invert_tuple6(inv, t);
	else
		nf_ct_invert_tuple(&inv->t, t);
}

static void nat_set_addr6(struct nf_conntrack_tuple6 *t, bool dst, const struct in6_addr *a)
{
	if (dst) {
		t->dst = *a;
		t->t.dst.ip = nf_ct_addr6_fold(a);
	} else {
		t->src = *a;
		t->t.src.ip = nf_ct_addr6_fold(a);
	}
}

static bool nf_nat_used_tuple(const struct nf_conntrack_tuple *tuple, const struct nf_conn *ct)
{
	struct nf_conntrack_tuple6 reply;

	nat_invert(&reply, tuple);
	return nf_conntrack_tuple_taken(&reply.t, ct);
}

/* The last tries for a TCP port may take over a tuple whose connection is
 * closing (TIME_WAIT, CLOSE, CLOSE_WAIT; assured, replied, confirmed) when
 * the new SYN's sequence is past the old one's: the old entry is killed
 * (nf_nat_used_tuple_harder, Linux 6.x). */
#define NF_NAT_HARDER_THRESH	(NF_NAT_MAX_ATTEMPTS / 4)

static bool nf_nat_may_kill(const struct nf_conn *ct)
{
	const unsigned long needed = IPS_ASSURED | IPS_SEEN_REPLY | IPS_CONFIRMED;

	switch (ct->proto.tcp.state) {
	case TCP_CONNTRACK_CLOSE:
	case TCP_CONNTRACK_CLOSE_WAIT:
	case TCP_CONNTRACK_TIME_WAIT:
		break;
	default:
		return false;
	}
	if (ct->status & (IPS_FIXED_TIMEOUT | IPS_DYING))
		return false;
	return (ct->status & needed) == needed;
}

static bool nf_nat_used_tuple_harder(const struct nf_conntrack_tuple *tuple,
				     const struct nf_conn *ignored, unsigned int attempts_left)
{
	struct nf_conntrack_tuple_hash *h;
	struct nf_conntrack_tuple6 reply;
	struct nf_conn *ct;
	bool taken = true;

	if (attempts_left > NF_NAT_HARDER_THRESH || tuple->dst.protonum != IPPROTO_TCP ||
	    ignored->proto.tcp.state != TCP_CONNTRACK_SYN_SENT)
		return nf_nat_used_tuple(tuple, ignored);
	nat_invert(&reply, tuple);
	h = nf_conntrack_find_get(ignored->net, &reply.t);
	if (!h)
		return false;
	ct = nf_ct_tuplehash_to_ctrack(h);
	if (h->tuple.dst.dir == IP_CT_DIR_REPLY && ct != ignored && nf_nat_may_kill(ct) &&
	    (s32)(ignored->proto.tcp.seen[0].td_end - ct->proto.tcp.seen[0].td_end) > 0 &&
	    nf_ct_delete(ct))
		taken = false;
	nf_ct_put(ct);
	return taken;
}

static bool l4proto_in_range(const struct nf_conntrack_tuple *t, enum nf_nat_manip_type m,
			     const union nf_conntrack_man_proto *min,
			     const union nf_conntrack_man_proto *max)
{
	__be16 port;

	switch (t->dst.protonum) {
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		return ntohs(t->src.u.icmp.id) >= ntohs(min->icmp.id) &&
		       ntohs(t->src.u.icmp.id) <= ntohs(max->icmp.id);
	case IPPROTO_TCP:
	case IPPROTO_UDP:
		port = m == NF_NAT_MANIP_SRC ? t->src.u.all : t->dst.u.all;
		return ntohs(port) >= ntohs(min->all) && ntohs(port) <= ntohs(max->all);
	default:
		return true;
	}
}

static bool nf_nat_in_range(const struct nf_conntrack_tuple *t, const struct nf_nat_range2 *r)
{
	if ((r->flags & NF_NAT_RANGE_MAP_IPS) && t->dst.v6) {
		const struct in6_addr *a = nf_ct_tuple_addr6(t, false);

		if (memcmp(a, &r->min_addr6, sizeof(*a)) < 0 ||
		    memcmp(a, &r->max_addr6, sizeof(*a)) > 0)
			return false;
	} else if ((r->flags & NF_NAT_RANGE_MAP_IPS) &&
	    (ntohl(t->src.ip) < ntohl(r->min_addr) || ntohl(t->src.ip) > ntohl(r->max_addr)))
		return false;
	return !(r->flags & NF_NAT_RANGE_PROTO_SPECIFIED) ||
	       l4proto_in_range(t, NF_NAT_MANIP_SRC, &r->min_proto, &r->max_proto);
}

static bool same_src(const struct nf_conn *ct, const struct nf_conntrack_tuple *t)
{
	const struct nf_conntrack_tuple *o = &ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple;

	if (o->dst.protonum != t->dst.protonum || o->src.ip != t->src.ip ||
	    o->src.u.all != t->src.u.all || o->dst.v6 != t->dst.v6)
		return false;
	return !t->dst.v6 ||
	       ipv6_addr_equal(nf_ct_tuple_addr6(o, false), nf_ct_tuple_addr6(t, false));
}

/* An earlier connection from the same source: reuse its mapping. */
static bool find_appropriate_src(struct net *net, const struct nf_conntrack_tuple *tuple,
				 struct nf_conntrack_tuple6 *result,
				 const struct nf_nat_range2 *range)
{
	struct nf_nat_net *nn = nf_nat_pernet(net);

	if (!nn)
		return false;
	for (struct nf_conn_nat *n = nn->bysource[hash_by_src(tuple, nn->size)]; n;
	     n = n->by_next) {
		if (!same_src(n->ct, tuple) || nf_ct_is_dying(n->ct))
			continue;
		nat_invert(result, &n->ct->tuplehash[IP_CT_DIR_REPLY].tuple);
		result->t.dst = tuple->dst;
		if (tuple->dst.v6)
			result->dst = *nf_ct_tuple_addr6(tuple, true);
		if (nf_nat_in_range(&result->t, range))
			return true;
	}
	return false;
}

/* The address: the one of a single-address range, else a hash of the
 * source (and destination, unless --persistent) into the range. */
static void find_best_ips_proto6(struct nf_conntrack_tuple6 *t6,
				 const struct nf_nat_range2 *range, enum nf_nat_manip_type m)
{
	bool dst = m == NF_NAT_MANIP_DST, full_range = false;
	struct in6_addr var = dst ? t6->dst : t6->src;
	u32 j, minip, dist;

	if (!(range->flags & NF_NAT_RANGE_MAP_IPS))
		return;
	if (ipv6_addr_equal(&range->min_addr6, &range->max_addr6)) {
		nat_set_addr6(t6, dst, &range->min_addr6);
		return;
	}
	/* Linux's: a hash of the source (and the destination's last word)
	 * picks each word in turn; once a word is below the range's top,
	 * the following ones may take any value */
	j = jhash2(t6->src.s6_addr32, 4,
		   range->flags & NF_NAT_RANGE_PERSISTENT ? 0 : t6->dst.s6_addr32[3]);
	for (int i = 0; i < 4; i++) {
		if (!full_range) {
			minip = ntohl(range->min_addr6.s6_addr32[i]);
			dist = ntohl(range->max_addr6.s6_addr32[i]) - minip + 1;
		} else {
			minip = 0;
			dist = ~0u;
		}
		var.s6_addr32[i] = htonl(minip + (u32)(((u64)j * dist) >> 32));
		if (var.s6_addr32[i] != range->max_addr6.s6_addr32[i])
			full_range = true;
		if (!(range->flags & NF_NAT_RANGE_PERSISTENT))
			j ^= dst ? var.s6_addr32[i] : t6->dst.s6_addr32[i];
	}
	nat_set_addr6(t6, dst, &var);
}

static void find_best_ips_proto(struct nf_conntrack_tuple *tuple,
				const struct nf_nat_range2 *range, enum nf_nat_manip_type m)
{
	__be32 *var = m == NF_NAT_MANIP_SRC ? &tuple->src.ip : &tuple->dst.ip;
	u32 key[4] = { tuple->src.ip, 0, 0, 0 }, j, minip, dist;

	if (!(range->flags & NF_NAT_RANGE_MAP_IPS))
		return;
	if (range->min_addr == range->max_addr) {
		*var = range->min_addr;
		return;
	}
	j = jhash2(key, 4, range->flags & NF_NAT_RANGE_PERSISTENT ? 0 : tuple->dst.ip);
	minip = ntohl(range->min_addr);
	dist = ntohl(range->max_addr) - minip + 1;
	*var = htonl(minip + (u32)(((u64)j * dist) >> 32));
}

/* nf_nat_l4proto_unique_tuple(): search a free port (or ICMP id). */
static void nf_nat_l4proto_unique_tuple(struct nf_conntrack_tuple *tuple,
					const struct nf_nat_range2 *range,
					enum nf_nat_manip_type m, const struct nf_conn *ct)
{
	struct world *w = nf_ct_world(ct);
	unsigned int range_size, min, i, attempts;
	__be16 *keyptr;
	u16 off;

	switch (tuple->dst.protonum) {
	case IPPROTO_ICMP:
	case IPPROTO_ICMPV6:
		keyptr = &tuple->src.u.icmp.id;
		if (!(range->flags & NF_NAT_RANGE_PROTO_SPECIFIED)) {
			min = 0;
			range_size = 65536;
		} else {
			min = ntohs(range->min_proto.icmp.id);
			range_size = ntohs(range->max_proto.icmp.id) - min + 1;
		}
		break;
	case IPPROTO_TCP:
	case IPPROTO_UDP:
		keyptr = m == NF_NAT_MANIP_SRC ? &tuple->src.u.all : &tuple->dst.u.all;
		if (!(range->flags & NF_NAT_RANGE_PROTO_SPECIFIED)) {
			if (m == NF_NAT_MANIP_DST)
				return;
			if (ntohs(*keyptr) < 1024) {
				/* loose convention: below 512 is credential passing */
				min = ntohs(*keyptr) < 512 ? 1 : 600;
				range_size = (ntohs(*keyptr) < 512 ? 511 : 1023) - min + 1;
			} else {
				min = 1024;
				range_size = 65535 - 1024 + 1;
			}
		} else {
			unsigned int lo = ntohs(range->min_proto.all), hi = ntohs(range->max_proto.all);

			if (hi < lo) {
				unsigned int t = lo;

				lo = hi;
				hi = t;
			}
			min = lo;
			range_size = hi - lo + 1;
		}
		break;
	default:
		return;
	}
	/* A shifted port map (DNAT --to-destination A:LO-HI/BASE) keeps the
	 * distance of the original port from BASE. */
	if (range->flags & NF_NAT_RANGE_PROTO_OFFSET)
		off = (u16)(ntohs(*keyptr) - ntohs(range->base_proto.all));
	else if ((range->flags & (NF_NAT_RANGE_PROTO_RANDOM | NF_NAT_RANGE_PROTO_RANDOM_FULLY)) ||
		 m != NF_NAT_MANIP_DST)
		off = (u16)world_random_u32(w);
	else
		off = 0;
	attempts = range_size < NF_NAT_MAX_ATTEMPTS ? range_size : NF_NAT_MAX_ATTEMPTS;
	for (;;) {
		for (i = 0; i < attempts; i++, off++) {
			*keyptr = htons((u16)(min + off % range_size));
			if (!nf_nat_used_tuple_harder(tuple, ct, attempts - i))
				return;
		}
		if (attempts >= range_size || attempts < 16)
			return;
		attempts /= 2;
		off = (u16)world_random_u32(w);
	}
}

static void get_unique_tuple(struct nf_conntrack_tuple6 *tuple6,
			     const struct nf_conntrack_tuple6 *orig6,
			     const struct nf_nat_range2 *range, struct nf_conn *ct,
			     enum nf_nat_manip_type m)
{
	unsigned int rnd = NF_NAT_RANGE_PROTO_RANDOM | NF_NAT_RANGE_PROTO_RANDOM_FULLY;
	struct nf_conntrack_tuple *tuple = &tuple6->t;
	const struct nf_conntrack_tuple *orig = &orig6->t;

	/* An SNAT keeps the original tuple when the range allows it and it is
	 * unique; else the mapping the source already has, when it fits. */
	if (m == NF_NAT_MANIP_SRC && !(range->flags & rnd)) {
		if (nf_nat_in_range(orig, range)) {
			if (!nf_nat_used_tuple(orig, ct)) {
				*tuple6 = *orig6;
				return;
			}
		} else if (find_appropriate_src(ct->net, orig, tuple6, range) &&
			   !nf_nat_used_tuple(tuple, ct)) {
			return;
		}
	}
	*tuple6 = *orig6;
	if (tuple->dst.v6)
		find_best_ips_proto6(tuple6, range, m);
	else
		find_best_ips_proto(tuple, range, m);
	if (!(range->flags & rnd)) {
		if (range->flags & NF_NAT_RANGE_PROTO_SPECIFIED) {
			if (!(range->flags & NF_NAT_RANGE_PROTO_OFFSET) &&
			    l4proto_in_range(tuple, m, &range->min_proto, &range->max_proto) &&
			    (range->min_proto.all == range->max_proto.all ||
			     !nf_nat_used_tuple(tuple, ct)))
				return;
		} else if (!nf_nat_used_tuple(tuple, ct)) {
			return;
		}
	}
	nf_nat_l4proto_unique_tuple(tuple, range, m, ct);
}

unsigned int nf_nat_setup_info(struct nf_conn *ct, const struct nf_nat_range2 *range,
			       enum nf_nat_manip_type maniptype)
{
	struct nf_conntrack_tuple6 curr, new_tuple;

	if (nf_ct_is_confirmed(ct) || nf_nat_initialized(ct, maniptype))
		return NF_ACCEPT;
	if (!nf_ct_nat_ext_add(ct))
		return NF_DROP;
	memset(&curr, 0, sizeof(curr));
	/* what we have looks like the inverse of the reply (earlier manips included) */
	nat_invert(&curr, &ct->tuplehash[IP_CT_DIR_REPLY].tuple);
	get_unique_tuple(&new_tuple, &curr, range, ct, maniptype);
	if (!nf_ct_tuple_equal(&new_tuple.t, &curr.t)) {
		struct nf_conntrack_tuple6 reply;

		nat_invert(&reply, &new_tuple.t);
		nf_conntrack_alter_reply(ct, &reply.t);
		ct->status |= maniptype == NF_NAT_MANIP_SRC ? IPS_SRC_NAT : IPS_DST_NAT;
	}
	if (maniptype == NF_NAT_MANIP_SRC)
		nf_nat_bysource_add(ct);
	ct->status |= maniptype == NF_NAT_MANIP_DST ? IPS_DST_NAT_DONE : IPS_SRC_NAT_DONE;
	return NF_ACCEPT;
}

/* No rule mapped the connection at this hook: map it to itself, which
 * still moves its port when the tuple clashes with another connection. */
unsigned int nf_nat_alloc_null_binding(struct nf_conn *ct, unsigned int hooknum)
{
	enum nf_nat_manip_type m = hook2manip(hooknum);
	const struct nf_conntrack_tuple *r = &ct->tuplehash[IP_CT_DIR_REPLY].tuple;
	__be32 ip = m == NF_NAT_MANIP_SRC ? r->dst.ip : r->src.ip;
	struct nf_nat_range2 range = {
		.flags = NF_NAT_RANGE_MAP_IPS, .min_addr = ip, .max_addr = ip,
	};

	if (r->dst.v6)
		range.min_addr6 = range.max_addr6 = *nf_ct_tuple_addr6(r, m == NF_NAT_MANIP_SRC);
	return nf_nat_setup_info(ct, &range, m);
}

/* A masqueraded connection whose packets now leave by another device
 * is dropped (nf_nat_oif_changed). */
static bool nf_nat_oif_changed(unsigned int hooknum, enum ip_conntrack_info ctinfo,
			       struct nf_conn *ct, const struct net_device *out)
{
	const struct nf_conn_nat *nat = nf_ct_nat_ops(ct) ? nfct_nat(ct) : NULL;

	return nat && nat->masq_index && hooknum == NF_INET_POST_ROUTING &&
	       CTINFO2DIR(ctinfo) == IP_CT_DIR_ORIGINAL && out && nat->masq_index != out->ifindex;
}

unsigned int nf_nat_inet_fn(void *priv, struct sk_buff *skb, const struct nf_hook_state *state)
{
	enum nf_nat_manip_type m = hook2manip(state->hook);
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	unsigned int ret;

	bool v6;

	if (!ct || ctinfo == IP_CT_UNTRACKED)
		return NF_ACCEPT;
	v6 = nf_ct_l3num(ct) == NFPROTO_IPV6;
	if (v6 && (ctinfo == IP_CT_RELATED || ctinfo == IP_CT_RELATED_REPLY)) {
		unsigned int off;

		if (nf_ct_ipv6_l4(skb, 0, &off) == IPPROTO_ICMPV6)
			return nf_nat_icmpv6_reply_translation(skb, ct, ctinfo, state->hook) ?
			       NF_ACCEPT : NF_DROP;
	} else if ((ctinfo == IP_CT_RELATED || ctinfo == IP_CT_RELATED_REPLY) &&
		   ip_hdr(skb)->protocol == IPPROTO_ICMP) {
		return nf_nat_icmp_reply_translation(skb, ct, ctinfo, state->hook) ?
		       NF_ACCEPT : NF_DROP;
	}
	if (ctinfo == IP_CT_NEW || ctinfo == IP_CT_RELATED) {
		if (!nf_nat_initialized(ct, m)) {
			ret = v6 ? ip6t_do_table(priv, skb, state) : ipt_do_table(priv, skb, state);
			if (ret != NF_ACCEPT)
				return ret;
			if (!nf_nat_initialized(ct, m)) {
				ret = nf_nat_alloc_null_binding(ct, state->hook);
				if (ret != NF_ACCEPT)
					return ret;
			}
			return nf_nat_packet(ct, ctinfo, state->hook, skb);
		}
	}
	if (nf_nat_oif_changed(state->hook, ctinfo, ct, state->out)) {
		nf_ct_delete(ct);
		return NF_DROP;
	}
	return nf_nat_packet(ct, ctinfo, state->hook, skb);
}
