/* Connection tracking core (net/netfilter/nf_conntrack_core.c and
 * nf_conntrack_proto.c's ipv4_conntrack_in/ipv4_confirm): at PRE_ROUTING and
 * LOCAL_OUT (priority -200) nf_conntrack_in() finds or makes the entry of a
 * packet and lets the protocol tracker judge it; at LOCAL_IN and
 * POST_ROUTING (last) nf_conntrack_confirm() puts a new entry into the
 * namespace's table.  Entries die by their timer (exact, in virtual time),
 * by the protocol (TCP RST/reopen), by conntrack -D/-F or with the
 * namespace.  The API is described in include/net/netfilter/nf_conntrack.h. */
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <linux/printk.h>
#include <stdlib.h>
#include "linux/slab.h"
#include "linux/hash.h"
#include "linux/netfilter/x_tables.h"
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/ipv6_frag.h"
#include "net/icmp.h"
#include "net/netfilter/nf_conntrack.h"
#include "net/netfilter/nf_conntrack_l4proto.h"
#include "net/net_namespace.h"
#include "net/trace.h"
#include "net/world.h"

static const unsigned int nf_conntrack_net_id = NETGEN_CONNTRACK;

/* What /proc/sys/net/netfilter/nf_conntrack_buckets shows: the kernel's
 * size for this machine's memory (2^18).  The table itself starts small and
 * doubles with the count (up to 2^24 buckets, so that a million entries
 * keep chains short); a bucket is the top bits of the hash, so early drop
 * can scan the kernel's buckets whatever the table's size. */
#define NF_CT_BUCKETS_BITS 18
#define NF_CT_BUCKETS_SHOWN (1u << NF_CT_BUCKETS_BITS)
#define NF_CT_EVICTION_RANGE 8
#define NF_CT_HTABLE_MIN 64u
#define NF_CT_HTABLE_MAX (1u << 24)

struct nf_conntrack_net *nf_ct_pernet(const struct net *net)
{
	return net_generic(net, nf_conntrack_net_id);
}

static int nf_ct_max(const struct net *net)
{
	return nf_ct_pernet(net->world->init_net)->sysctl.max;
}

/* ---- tuples and hashing ---- */

static u32 hash_conntrack_raw(const struct nf_conntrack_tuple *t)
{
	u32 ports = ((u32)t->src.u.all << 16) | t->dst.u.all;

	return hash_3words(t->src.ip, t->dst.ip ^ t->dst.protonum ^ ((u32)t->src.zone << 16),
			   ports);
}

/* The bucket Linux's table of NF_CT_BUCKETS_SHOWN would use
 * (reciprocal_scale). */
static u32 shown_bucket(u32 hash)
{
	return hash >> (32 - NF_CT_BUCKETS_BITS);
}

static unsigned int bucket_of(const struct nf_conntrack_net *cn, u32 hash)
{
	return hash >> (32 - cn->htable_bits);
}

static void hash_insert(struct nf_conntrack_net *cn, struct nf_conntrack_tuple_hash *h)
{
	unsigned int b = bucket_of(cn, hash_conntrack_raw(&h->tuple));

	h->next = cn->hash[b];
	cn->hash[b] = h;
}

static void hash_remove(struct nf_conntrack_net *cn, struct nf_conntrack_tuple_hash *h)
{
	struct nf_conntrack_tuple_hash **pp = &cn->hash[bucket_of(cn, hash_conntrack_raw(&h->tuple))];

	for (; *pp; pp = &(*pp)->next)
		if (*pp == h) {
			*pp = h->next;
			h->next = NULL;
			return;
		}
}

/* Double the table when it holds more entries than buckets (two tuples a
 * bucket, as Linux's default nf_conntrack_buckets == nf_conntrack_max). */
static void hash_grow(struct nf_conntrack_net *cn)
{
	unsigned int old = cn->htable_size, size = old * 2;
	struct nf_conntrack_tuple_hash **nh, **oh = cn->hash;

	if (size > NF_CT_HTABLE_MAX || !(nh = kcalloc(size, sizeof(*nh))))
		return;
	cn->hash = nh;
	cn->htable_size = size;
	cn->htable_bits++;
	for (unsigned int i = 0; i < old; i++)
		while (oh[i]) {
			struct nf_conntrack_tuple_hash *h = oh[i];

			oh[i] = h->next;
			hash_insert(cn, h);
		}
	free(oh);
}

static struct nf_conntrack_tuple_hash *
__nf_conntrack_find(struct nf_conntrack_net *cn, const struct nf_conntrack_tuple *tuple)
{
	struct nf_conntrack_tuple_hash *h;

	if (!cn->hash)
		return NULL;
	for (h = cn->hash[bucket_of(cn, hash_conntrack_raw(tuple))]; h; h = h->next)
		if (nf_ct_tuple_equal(&h->tuple, tuple))
			return h;
	return NULL;
}

static bool nf_ct_is_expired(const struct nf_conn *ct)
{
	return ct->timeout <= world_now(nf_ct_world(ct));
}

struct nf_conntrack_tuple_hash *nf_conntrack_find_get(struct net *net,
						      const struct nf_conntrack_tuple *tuple)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	struct nf_conntrack_tuple_hash *h = __nf_conntrack_find(cn, tuple);
	struct nf_conn *ct;

	if (!h)
		return NULL;
	ct = nf_ct_tuplehash_to_ctrack(h);
	/* an entry whose time is up is gone, even before its timer ran */
	if (nf_ct_is_expired(ct)) {
		nf_ct_delete(ct);
		return NULL;
	}
	nf_conntrack_get(&ct->ct_general);
	return h;
}

bool nf_conntrack_tuple_taken(const struct nf_conntrack_tuple *tuple,
			      const struct nf_conn *ignored)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(ignored->net);
	struct nf_conntrack_tuple_hash *h;

	if (!cn->hash)
		return false;
	for (h = cn->hash[bucket_of(cn, hash_conntrack_raw(tuple))]; h; h = h->next) {
		struct nf_conn *ct = nf_ct_tuplehash_to_ctrack(h);

		if (ct != ignored && nf_ct_tuple_equal(&h->tuple, tuple) && !nf_ct_is_expired(ct))
			return true;
	}
	return false;
}

void nf_conntrack_alter_reply(struct nf_conn *ct, const struct nf_conntrack_tuple *newreply)
{
	assert(!nf_ct_is_confirmed(ct));
	if (newreply->dst.v6) {
		struct nf_conn6 *c6 = container_of(ct, struct nf_conn6, ct);
		struct in6_addr s = *nf_ct_tuple_addr6(newreply, false);
		struct in6_addr d = *nf_ct_tuple_addr6(newreply, true);

		c6->addr[2] = s;
		c6->addr[3] = d;
	}
	ct->tuplehash[IP_CT_DIR_REPLY].tuple = *newreply;
	ct->tuplehash[IP_CT_DIR_REPLY].tuple.dst.wrapped = 0;
	ct->tuplehash[IP_CT_DIR_REPLY].tuple.dst.dir = IP_CT_DIR_REPLY;
	ct->tuplehash[IP_CT_DIR_REPLY].tuple.src.zone = nf_ct_zone_id(ct, IP_CT_DIR_REPLY);
}

/* ---- life of an entry ---- */

static void nf_ct_nat_cleanup(struct nf_conn *ct)
{
	const struct nf_ct_nat_ops *ops = nf_ct_nat_ops(ct);

	if (ops) {
		ct->ext->nat_ops = NULL;
		ops->destroy(ct);
	}
}

/* The last reference went (nf_conntrack_destroy + nf_conntrack_free). */
static void destroy_conntrack(struct nf_conntrack *nfct)
{
	struct nf_conn *ct = (struct nf_conn *)nfct;

	if (ct->status & (IPS_UNTRACKED | IPS_TEMPLATE)) {
		free(ct);
		return;
	}
	if (ct->net) {
		nf_ct_nat_cleanup(ct);
		list_del(&ct->list);
		nf_ct_pernet(ct->net)->count--;
	}
	nf_ct_world(ct)->ct_live--;
	free(ct->ext);
	free(ct);
}

static void nf_ct_timer_fn(struct timer_list *t)
{
	struct nf_conn *ct = from_timer(ct, t, timer);

	/* refreshes only move ct->timeout; the timer catches up lazily */
	if (ct->timeout > world_now(nf_ct_world(ct))) {
		mod_timer(&ct->timer, ct->timeout);
		return;
	}
	nf_ct_delete(ct);
}

bool nf_ct_delete(struct nf_conn *ct)
{
	struct nf_conntrack_net *cn;

	if (nf_ct_is_dying(ct) || !nf_ct_is_confirmed(ct) || !ct->net)
		return false;
	cn = nf_ct_pernet(ct->net);
	ct->status |= IPS_DYING;
	del_timer(&ct->timer);
	hash_remove(cn, &ct->tuplehash[IP_CT_DIR_ORIGINAL]);
	hash_remove(cn, &ct->tuplehash[IP_CT_DIR_REPLY]);
	nf_conntrack_event(IPCT_DESTROY, ct);
	nf_ct_nat_cleanup(ct);
	nf_ct_put(ct);				/* the table's reference */
	return true;
}

struct world *nf_ct_world(const struct nf_conn *ct)
{
	return container_of(ct->timer.base, struct world, timers);
}

struct nf_ct_ext *nf_ct_ext_add(struct nf_conn *ct)
{
	if (!ct->ext)
		ct->ext = kzalloc(sizeof(*ct->ext));
	return ct->ext;
}

static struct nf_conn *nf_ct_alloc_raw(struct net *net, bool v6)
{
	struct nf_conn *ct = kzalloc(v6 ? sizeof(struct nf_conn6) : sizeof(*ct));

	if (!ct)
		return NULL;
	ct->net = net;
	ct->ct_general.use = 1;
	ct->ct_general.destroy = destroy_conntrack;
	timer_setup(&net->world->timers, &ct->timer, nf_ct_timer_fn);
	INIT_LIST_HEAD(&ct->list);
	return ct;
}

/* The kernel's bucket `want` lies in one chain of a smaller table, or
 * spreads over several of a larger one. */
static bool early_drop_bucket(struct nf_conntrack_net *cn, u32 want)
{
	unsigned int bits = cn->htable_bits, lo, hi;

	if (bits <= NF_CT_BUCKETS_BITS) {
		lo = want >> (NF_CT_BUCKETS_BITS - bits);
		hi = lo + 1;
	} else {
		lo = want << (bits - NF_CT_BUCKETS_BITS);
		hi = (want + 1) << (bits - NF_CT_BUCKETS_BITS);
	}
	for (unsigned int b = lo; b < hi; b++) {
		struct nf_conntrack_tuple_hash *h;

		for (h = cn->hash[b]; h; h = h->next) {
			struct nf_conn *ct = nf_ct_tuplehash_to_ctrack(h);

			if (shown_bucket(hash_conntrack_raw(&h->tuple)) != want ||
			    (ct->status & IPS_ASSURED) || nf_ct_is_dying(ct))
				continue;
			if (nf_ct_delete(ct)) {
				cn->stat.early_drop++;
				return true;
			}
		}
	}
	return false;
}

/* Early drop: a confirmed entry that is not ASSURED, from the kernel's
 * NF_CT_EVICTION_RANGE buckets starting at the new tuple's (early_drop). */
static bool early_drop(struct net *net, u32 hash)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	u32 first = shown_bucket(hash);

	if (!cn->hash)
		return false;
	for (u32 i = 0; i < NF_CT_EVICTION_RANGE; i++) {
		if (early_drop_bucket(cn, (first + i) % NF_CT_BUCKETS_SHOWN))
			return true;
	}
	return false;
}

/* net_warn_ratelimited("nf_conntrack: table full, dropping packet\n"), with
 * nf_conntrack's pr_fmt prefix as Linux prints it */
static void nf_ct_table_full(struct net *net)
{
	if (net_ratelimit(net->world))
		klog(net->world, "nf_conntrack: nf_conntrack: table full, dropping packet\n");
}

/* A new, unconfirmed entry for orig (__nf_conntrack_alloc + init_conntrack);
 * NULL when the table is full and nothing could be dropped. */
static struct nf_conn *init_conntrack(struct net *net, const struct nf_conntrack_tuple *orig,
				      u16 zone, u8 zone_dir)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	int max = nf_ct_max(net);
	struct nf_conn *ct;

	if (max && cn->count >= (unsigned int)max && !early_drop(net, hash_conntrack_raw(orig))) {
		nf_ct_table_full(net);
		return NULL;
	}
	if (!(ct = nf_ct_alloc_raw(net, orig->dst.v6)))
		return NULL;
	if (orig->dst.v6) {		/* a packet's tuple: its addresses follow it */
		const struct nf_conntrack_tuple6 *w = container_of(orig, struct nf_conntrack_tuple6, t);
		struct nf_conn6 *c6 = container_of(ct, struct nf_conn6, ct);

		c6->addr[0] = c6->addr[3] = w->src;
		c6->addr[1] = c6->addr[2] = w->dst;
	}
	ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple = *orig;
	ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple.dst.wrapped = 0;
	ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple.dst.dir = IP_CT_DIR_ORIGINAL;
	nf_ct_invert_tuple(&ct->tuplehash[IP_CT_DIR_REPLY].tuple, orig);
	ct->tuplehash[IP_CT_DIR_REPLY].tuple.dst.dir = IP_CT_DIR_REPLY;
	ct->zone = zone;
	ct->zone_dir = zone_dir & NF_CT_DEFAULT_ZONE_DIR;
	ct->tuplehash[IP_CT_DIR_REPLY].tuple.src.zone = nf_ct_zone_id(ct, IP_CT_DIR_REPLY);
	ct->timeout = world_now(net->world);
	ct->id = ++cn->next_id;
	ct->acct = cn->sysctl.acct != 0;
	if (ct->acct && !nf_ct_ext_add(ct)) {
		free(ct);
		return NULL;
	}
	list_add_tail(&ct->list, &cn->all);
	cn->count++;
	net->world->ct_live++;
	return ct;
}

void nf_ct_refresh_acct(struct nf_conn *ct, enum ip_conntrack_info ctinfo,
			const struct sk_buff *skb, unsigned int seconds)
{
	enum ip_conntrack_dir dir = CTINFO2DIR(ctinfo);

	if (!(ct->status & IPS_FIXED_TIMEOUT))
		ct->timeout = world_now(nf_ct_world(ct)) + (u64)seconds * NSEC_PER_SEC;
	if (skb && ct->acct) {
		ct->ext->packets[dir]++;
		ct->ext->bytes[dir] += skb->len;
	}
}

unsigned long nf_ct_expires(const struct nf_conn *ct)
{
	u64 now = world_now(nf_ct_world(ct));

	return ct->timeout > now ? (unsigned long)((ct->timeout - now) / NSEC_PER_SEC) : 0;
}

/* ---- tuples of packets ---- */

/* not inlined: the compiler cannot see which of the two a tuple is */
__attribute__((noinline))
const struct in6_addr *nf_ct_tuple_addr6(const struct nf_conntrack_tuple *t, bool dst)
{
	const struct nf_conntrack_tuple_hash *h;
	const struct nf_conn6 *c6;

	if (t->dst.wrapped) {
		const struct nf_conntrack_tuple6 *w = (const struct nf_conntrack_tuple6 *)t;

		return dst ? &w->dst : &w->src;
	}
	h = container_of(t, struct nf_conntrack_tuple_hash, tuple);
	c6 = container_of(nf_ct_tuplehash_to_ctrack(h), struct nf_conn6, ct);
	return &c6->addr[2 * t->dst.dir + dst];
}

bool nf_ct_tuple_addr6_equal(const struct nf_conntrack_tuple *a,
			     const struct nf_conntrack_tuple *b)
{
	return ipv6_addr_equal(nf_ct_tuple_addr6(a, false), nf_ct_tuple_addr6(b, false)) &&
	       ipv6_addr_equal(nf_ct_tuple_addr6(a, true), nf_ct_tuple_addr6(b, true));
}

static u32 fold6(const struct in6_addr *a)
{
	return nf_ct_addr6_fold(a);
}

int nf_ct_ipv6_l4(const struct sk_buff *skb, unsigned int nhoff, unsigned int *off)
{
	u8 buf[8];
	const u8 *h = xt_header_pointer(skb, (int)nhoff, 8, buf);
	u8 nexthdr;

	if (!h)
		return -1;
	nexthdr = h[6];
	nhoff += 40;
	while (nexthdr == NEXTHDR_HOP || nexthdr == NEXTHDR_ROUTING ||
	       nexthdr == NEXTHDR_FRAGMENT || nexthdr == 51 || nexthdr == NEXTHDR_DEST) {
		h = xt_header_pointer(skb, (int)nhoff, 8, buf);
		if (!h)
			return -1;
		if (nexthdr == NEXTHDR_FRAGMENT) {
			if (((h[2] << 8) | h[3]) & ~0x7)
				return -1;	/* a later fragment: no ports */
			nhoff += 8;
		} else if (nexthdr == 51) {
			nhoff += (h[1] + 2u) << 2;
		} else {
			nhoff += (h[1] + 1u) << 3;
		}
		nexthdr = h[0];
	}
	*off = nhoff;
	return nexthdr;
}

/* ipv6_pkt_to_tuple() and the protocol's ports */
bool nf_ct_get_tuple6(const struct sk_buff *skb, unsigned int nhoff,
		      struct nf_conntrack_tuple6 *t6)
{
	struct ipv6hdr _ip6h;
	const struct ipv6hdr *ip6h = xt_header_pointer(skb, (int)nhoff, sizeof(_ip6h), &_ip6h);
	const struct nf_conntrack_l4proto *l4;
	unsigned int off;
	int proto;

	if (!ip6h || (proto = nf_ct_ipv6_l4(skb, nhoff, &off)) < 0)
		return false;
	memset(t6, 0, sizeof(*t6));
	t6->src = ip6h->saddr;
	t6->dst = ip6h->daddr;
	t6->t.src.ip = fold6(&t6->src);
	t6->t.dst.ip = fold6(&t6->dst);
	t6->t.dst.v6 = 1;
	t6->t.dst.wrapped = 1;
	t6->t.dst.protonum = (u8)proto;
	l4 = nf_ct_l4proto_find((u8)proto);
	return !l4->pkt_to_tuple || l4->pkt_to_tuple(skb, off, &t6->t);
}

bool nf_ct_invert_tuple6(struct nf_conntrack_tuple6 *inverse,
			 const struct nf_conntrack_tuple *orig)
{
	struct in6_addr s = *nf_ct_tuple_addr6(orig, false), d = *nf_ct_tuple_addr6(orig, true);
	bool ok = nf_ct_invert_tuple(&inverse->t, orig);

	inverse->src = d;
	inverse->dst = s;
	inverse->t.dst.wrapped = 1;
	return ok;
}

bool nf_ct_get_tuplepr(const struct sk_buff *skb, unsigned int nhoff,
		       struct nf_conntrack_tuple *tuple)
{
	struct iphdr _iph;
	const struct iphdr *iph = xt_header_pointer(skb, (int)nhoff, sizeof(_iph), &_iph);
	const struct nf_conntrack_l4proto *l4;

	if (!iph || iph->ihl < 5)
		return false;
	memset(tuple, 0, sizeof(*tuple));
	tuple->src.ip = iph->saddr;
	tuple->dst.ip = iph->daddr;
	tuple->dst.protonum = iph->protocol;
	l4 = nf_ct_l4proto_find(iph->protocol);
	return !l4->pkt_to_tuple || l4->pkt_to_tuple(skb, nhoff + iph->ihl * 4u, tuple);
}

bool nf_ct_invert_tuple(struct nf_conntrack_tuple *inverse,
			const struct nf_conntrack_tuple *orig)
{
	const struct nf_conntrack_l4proto *l4 = nf_ct_l4proto_find(orig->dst.protonum);

	memset(inverse, 0, sizeof(*inverse));
	inverse->src.ip = orig->dst.ip;
	inverse->dst.ip = orig->src.ip;
	inverse->dst.protonum = orig->dst.protonum;
	inverse->dst.dir = !orig->dst.dir;
	inverse->dst.v6 = orig->dst.v6;		/* addresses: nf_ct_invert_tuple6 */
	inverse->src.zone = orig->src.zone;
	if (l4->invert_tuple)
		return l4->invert_tuple(inverse, orig);
	return true;
}

/* ---- the hooks ---- */

static const char *const ctinfo_names[] = {
	[IP_CT_ESTABLISHED] = "established", [IP_CT_RELATED] = "related",
	[IP_CT_NEW] = "new", [IP_CT_ESTABLISHED_REPLY] = "established reply",
	[IP_CT_RELATED_REPLY] = "related reply", [IP_CT_UNTRACKED] = "untracked",
};

static void nf_ct_trace(struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;

	if (!skb_tracing(skb))
		return;
	ct = nf_ct_get(skb, &ctinfo);
	skb_trace_note(skb, "nf_conntrack_in", ct ? ctinfo_names[ctinfo] : "invalid");
}

/* The zone a packet is looked up in (struct nf_conntrack_zone). */
struct nf_ct_zone_key {
	u16 id;
	u8 dir;
};

/* A CT --zone template on the packet: its zone (the mark's with --zone
 * mark), and the packet lets go of it (nf_ct_zone_tmpl). */
static void nf_ct_take_template(struct sk_buff *skb, struct nf_ct_zone_key *zk)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *tmpl = nf_ct_get(skb, &ctinfo);

	zk->id = 0;
	zk->dir = NF_CT_DEFAULT_ZONE_DIR;
	if (!tmpl)
		return;
	zk->id = tmpl->zone_dir & NF_CT_FLAG_MARK ? (u16)skb->mark : tmpl->zone;
	zk->dir = tmpl->zone_dir & NF_CT_DEFAULT_ZONE_DIR;
	nf_reset_ct(skb);
}

/* Find the entry of the packet or make one; set skb->_nfct
 * (resolve_normal_ct).  0, or -ENOMEM when the table is full. */
static int resolve_normal_ct(struct net *net, struct sk_buff *skb, unsigned int dataoff,
			     const struct nf_conntrack_l4proto *l4, const struct nf_ct_zone_key *zk,
			     u8 pf)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	struct nf_conntrack_tuple6 t6;		/* IPv4 uses t6.t only */
	struct nf_conntrack_tuple *tuple = &t6.t;
	struct nf_conntrack_tuple_hash *h;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct;

	if (pf == NFPROTO_IPV6 ?
	    !nf_ct_get_tuple6(skb, (unsigned int)skb_network_offset(skb), &t6) :
	    !nf_ct_get_tuplepr(skb, (unsigned int)skb_network_offset(skb), tuple))
		return -EINVAL;
	tuple->src.zone = zk->dir & NF_CT_ZONE_DIR_ORIG ? zk->id : 0;
	h = nf_conntrack_find_get(net, tuple);
	if (!h) {
		if (!(ct = init_conntrack(net, tuple, zk->id, zk->dir)))
			return -ENOMEM;
		if (l4->new && !l4->new(ct, skb, dataoff)) {
			nf_ct_put(ct);
			return -EINVAL;
		}
		nf_ct_set(skb, ct, IP_CT_NEW);
		return 0;
	}
	cn->stat.found++;
	ct = nf_ct_tuplehash_to_ctrack(h);
	if (h->tuple.dst.dir == IP_CT_DIR_REPLY)
		ctinfo = IP_CT_ESTABLISHED_REPLY;
	else if (ct->status & IPS_SEEN_REPLY)
		ctinfo = IP_CT_ESTABLISHED;
	else
		ctinfo = IP_CT_NEW;
	nf_ct_set(skb, ct, ctinfo);
	return 0;
}

static unsigned int nf_ct_drop_full(struct net *net, struct sk_buff *skb)
{
	nf_ct_pernet(net)->stat.drop++;
	skb_drop_hint(skb, "nf_conntrack: table full (net.netfilter.nf_conntrack_max)");
	kfree_skb_reason(skb, SKB_DROP_REASON_NETFILTER_DROP);
	return NF_STOLEN;
}

unsigned int nf_conntrack_in(struct sk_buff *skb, const struct nf_hook_state *state)
{
	struct net *net = state->net;
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	const struct nf_conntrack_l4proto *l4;
	enum ip_conntrack_info ctinfo;
	struct nf_ct_zone_key zk;
	const struct iphdr *iph;
	unsigned int dataoff;
	struct nf_conn *ct;
	int ret;

	/* seen already (looped back), or NOTRACK in the raw table */
	if (skb->_nfct && !(nf_ct_get(skb, &ctinfo)->status & IPS_TEMPLATE))
		return NF_ACCEPT;
	nf_ct_take_template(skb, &zk);
	if (state->pf == NFPROTO_IPV6) {
		/* nf_defrag_ipv6 reassembled it; a later fragment still here
		 * (its queue could not be made) has no ports (invalid) */
		int proto = nf_ct_ipv6_l4(skb, (unsigned int)skb_network_offset(skb), &dataoff);

		if (proto < 0)
			goto invalid;
		l4 = nf_ct_l4proto_find((u8)proto);
	} else {
		iph = ip_hdr(skb);
		dataoff = (unsigned int)skb_network_offset(skb) + iph->ihl * 4u;
		/* nf_defrag_ipv4 reassembled it; a fragment that still comes
		 * here (reassembly failed to start) has no ports to track */
		if (iph->frag_off & htons(IP_OFFSET))
			goto invalid;
		l4 = nf_ct_l4proto_find(iph->protocol);
	}
	if (l4->error) {
		ret = l4->error(net, skb, dataoff, state,
				zk.dir & NF_CT_ZONE_DIR_ORIG ? zk.id : 0);
		if (ret <= 0) {
			cn->stat.error++;
			cn->stat.invalid++;
			if (ret < 0) {
				kfree_skb_reason(skb, SKB_DROP_REASON_NETFILTER_DROP);
				return NF_STOLEN;
			}
			goto invalid;
		}
		if (skb->_nfct)			/* RELATED to an entry */
			goto out;
	}
repeat:
	ret = resolve_normal_ct(net, skb, dataoff, l4, &zk, state->pf);
	if (ret == -ENOMEM)
		return nf_ct_drop_full(net, skb);
	if (ret < 0) {
		cn->stat.invalid++;
		goto invalid;
	}
	ct = nf_ct_get(skb, &ctinfo);
	ret = l4->packet(ct, skb, dataoff, ctinfo, state);
	if (ret <= 0) {
		nf_reset_ct(skb);
		if (ret == -NF_REPEAT)		/* TCP reopened a closed connection */
			goto repeat;
		cn->stat.invalid++;
		if (ret == -NF_DROP) {
			cn->stat.drop++;
			skb_drop_hint(skb, "nf_conntrack: the TCP tracker rejected the segment");
			kfree_skb_reason(skb, SKB_DROP_REASON_NETFILTER_DROP);
			return NF_STOLEN;
		}
		goto invalid;
	}
	if (ctinfo == IP_CT_ESTABLISHED_REPLY && !(ct->status & IPS_SEEN_REPLY)) {
		ct->status |= IPS_SEEN_REPLY;
		nf_conntrack_event_cache(IPCT_UPDATE, ct);
	}
out:
	nf_ct_trace(skb);
	return NF_ACCEPT;
invalid:
	skb_trace_note(skb, "nf_conntrack_in", "invalid");
	return NF_ACCEPT;
}

/* A clash: another entry with the same tuples was confirmed first.  Take
 * it when it is the same flow (nf_ct_resolve_clash), else drop. */
static unsigned int nf_ct_resolve_clash(struct sk_buff *skb, struct nf_conn *ct,
					struct nf_conntrack_tuple_hash *h)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(ct->net);
	struct nf_conn *loser = ct, *winner = nf_ct_tuplehash_to_ctrack(h);
	enum ip_conntrack_info ctinfo;

	if (nf_ct_tuple_equal(&winner->tuplehash[IP_CT_DIR_REPLY].tuple,
			      &loser->tuplehash[IP_CT_DIR_REPLY].tuple) &&
	    nf_ct_tuple_equal(&winner->tuplehash[IP_CT_DIR_ORIGINAL].tuple,
			      &loser->tuplehash[IP_CT_DIR_ORIGINAL].tuple) &&
	    !nf_ct_is_dying(winner)) {
		nf_ct_get(skb, &ctinfo);
		nf_conntrack_get(&winner->ct_general);
		nf_ct_put(loser);
		nf_ct_set(skb, winner, ctinfo);
		cn->stat.clash_resolve++;
		return NF_ACCEPT;
	}
	cn->stat.insert_failed++;
	kfree_skb_reason(skb, SKB_DROP_REASON_NETFILTER_DROP);
	return NF_STOLEN;
}

static int __nf_conntrack_confirm(struct sk_buff *skb, struct nf_conn *ct,
				  enum ip_conntrack_info ctinfo)
{
	struct nf_conntrack_net *cn;
	struct nf_conntrack_tuple_hash *h;

	/* only the original direction confirms (a reply to an unconfirmed
	 * entry comes from a looped-back packet) */
	if (CTINFO2DIR(ctinfo) != IP_CT_DIR_ORIGINAL || !ct->net)
		return NF_ACCEPT;
	cn = nf_ct_pernet(ct->net);
	if (!cn->hash) {
		cn->hash = kcalloc(NF_CT_HTABLE_MIN, sizeof(*cn->hash));
		if (!cn->hash) {
			kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
			return NF_STOLEN;
		}
		cn->htable_size = NF_CT_HTABLE_MIN;
		cn->htable_bits = 6;
	}
	if ((h = __nf_conntrack_find(cn, &ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple)) ||
	    (h = __nf_conntrack_find(cn, &ct->tuplehash[IP_CT_DIR_REPLY].tuple)))
		return (int)nf_ct_resolve_clash(skb, ct, h);
	hash_insert(cn, &ct->tuplehash[IP_CT_DIR_ORIGINAL]);
	hash_insert(cn, &ct->tuplehash[IP_CT_DIR_REPLY]);
	ct->status |= IPS_CONFIRMED;
	nf_conntrack_get(&ct->ct_general);	/* the table's reference */
	mod_timer(&ct->timer, ct->timeout);
	cn->stat.insert++;
	if (cn->count > cn->htable_size)
		hash_grow(cn);
	nf_conntrack_event_cache(IPCT_NEW, ct);
	return NF_ACCEPT;
}

unsigned int nf_conntrack_confirm(struct sk_buff *skb)
{
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);

	unsigned int ret = NF_ACCEPT;

	if (!ct)
		return NF_ACCEPT;
	if (!nf_ct_is_confirmed(ct))
		ret = (unsigned int)__nf_conntrack_confirm(skb, ct, ctinfo);
	if (ret == NF_ACCEPT && (ct = nf_ct_get(skb, &ctinfo)) && ct->ev_cache)
		nf_ct_deliver_cached_events(ct);
	return ret;
}

static unsigned int ipv4_conntrack_in(void *priv, struct sk_buff *skb,
				      const struct nf_hook_state *state)
{
	(void)priv;
	return nf_conntrack_in(skb, state);
}

static unsigned int ipv4_confirm(void *priv, struct sk_buff *skb,
				 const struct nf_hook_state *state)
{
	(void)priv;
	(void)state;
	return nf_conntrack_confirm(skb);
}

/* nf_defrag_ipv4: conntrack sees whole datagrams.  Fragments are
 * reassembled before the raw table (priority -400) under their own key
 * (IP_DEFRAG_CONNTRACK_IN/OUT); the datagram then goes on whole. */
enum {
	IP_DEFRAG_CONNTRACK_IN = 2,
	IP_DEFRAG_CONNTRACK_OUT = 3,
};

static unsigned int ipv4_conntrack_defrag(void *priv, struct sk_buff *skb,
					  const struct nf_hook_state *state)
{
	(void)priv;
	if (skb->_nfct || !ip_is_fragment(ip_hdr(skb)))
		return NF_ACCEPT;
	if (ip_defrag(state->net, skb, state->hook == NF_INET_LOCAL_OUT ?
		      IP_DEFRAG_CONNTRACK_OUT : IP_DEFRAG_CONNTRACK_IN))
		return NF_STOLEN;
	return NF_ACCEPT;
}

static const struct nf_hook_ops ipv4_conntrack_ops[] = {
	{ .hook = ipv4_conntrack_defrag, .pf = NFPROTO_IPV4, .hooknum = NF_INET_PRE_ROUTING,
	  .priority = NF_IP_PRI_CONNTRACK_DEFRAG },
	{ .hook = ipv4_conntrack_defrag, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_OUT,
	  .priority = NF_IP_PRI_CONNTRACK_DEFRAG },
	{ .hook = ipv4_conntrack_in, .pf = NFPROTO_IPV4, .hooknum = NF_INET_PRE_ROUTING,
	  .priority = NF_IP_PRI_CONNTRACK },
	{ .hook = ipv4_conntrack_in, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_OUT,
	  .priority = NF_IP_PRI_CONNTRACK },
	{ .hook = ipv4_confirm, .pf = NFPROTO_IPV4, .hooknum = NF_INET_POST_ROUTING,
	  .priority = NF_IP_PRI_CONNTRACK_CONFIRM },
	{ .hook = ipv4_confirm, .pf = NFPROTO_IPV4, .hooknum = NF_INET_LOCAL_IN,
	  .priority = NF_IP_PRI_CONNTRACK_CONFIRM },
};

/* nf_conntrack_l3proto_ipv6's hooks (NF_IP6_PRI_* have IPv4's values),
 * with nf_defrag_ipv6's (net/ipv6/netfilter/nf_conntrack_reasm.c) */
static const struct nf_hook_ops ipv6_conntrack_ops[] = {
	{ .hook = ipv6_defrag, .pf = NFPROTO_IPV6, .hooknum = NF_INET_PRE_ROUTING,
	  .priority = NF_IP_PRI_CONNTRACK_DEFRAG },
	{ .hook = ipv6_defrag, .pf = NFPROTO_IPV6, .hooknum = NF_INET_LOCAL_OUT,
	  .priority = NF_IP_PRI_CONNTRACK_DEFRAG },
	{ .hook = ipv4_conntrack_in, .pf = NFPROTO_IPV6, .hooknum = NF_INET_PRE_ROUTING,
	  .priority = NF_IP_PRI_CONNTRACK },
	{ .hook = ipv4_conntrack_in, .pf = NFPROTO_IPV6, .hooknum = NF_INET_LOCAL_OUT,
	  .priority = NF_IP_PRI_CONNTRACK },
	{ .hook = ipv4_confirm, .pf = NFPROTO_IPV6, .hooknum = NF_INET_POST_ROUTING,
	  .priority = NF_IP_PRI_CONNTRACK_CONFIRM },
	{ .hook = ipv4_confirm, .pf = NFPROTO_IPV6, .hooknum = NF_INET_LOCAL_IN,
	  .priority = NF_IP_PRI_CONNTRACK_CONFIRM },
};

int nf_ct_netns_get_af(struct net *net, u8 nfproto)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	bool v6 = nfproto == NFPROTO_IPV6;
	const struct nf_hook_ops *ops = v6 ? ipv6_conntrack_ops : ipv4_conntrack_ops;
	size_t i, n = v6 ? ARRAY_SIZE(ipv6_conntrack_ops) : ARRAY_SIZE(ipv4_conntrack_ops);
	unsigned int *users = v6 ? &cn->users6 : &cn->users;
	int err;

	if ((*users)++)
		return 0;
	for (i = 0; i < n; i++) {
		err = nf_register_net_hook(net, &ops[i]);
		if (err) {
			while (i-- > 0)
				nf_unregister_net_hook(net, &ops[i]);
			(*users)--;
			return err;
		}
	}
	return 0;
}

void nf_ct_netns_put_af(struct net *net, u8 nfproto)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	bool v6 = nfproto == NFPROTO_IPV6;
	const struct nf_hook_ops *ops = v6 ? ipv6_conntrack_ops : ipv4_conntrack_ops;
	size_t n = v6 ? ARRAY_SIZE(ipv6_conntrack_ops) : ARRAY_SIZE(ipv4_conntrack_ops);
	unsigned int *users = v6 ? &cn->users6 : &cn->users;

	assert(*users > 0);
	if (--*users)
		return;
	for (size_t i = 0; i < n; i++)
		nf_unregister_net_hook(net, &ops[i]);
}

int nf_ct_netns_get(struct net *net)
{
	return nf_ct_netns_get_af(net, NFPROTO_IPV4);
}

void nf_ct_netns_put(struct net *net)
{
	nf_ct_netns_put_af(net, NFPROTO_IPV4);
}

/* ---- walking and flushing ---- */

unsigned int nf_ct_iterate_cleanup_net(struct net *net,
				       bool (*iter)(struct nf_conn *ct, void *data), void *data)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	struct nf_conn *ct, *tmp;
	unsigned int n = 0;

	list_for_each_entry_safe(ct, tmp, &cn->all, list) {
		if (!nf_ct_is_confirmed(ct) || nf_ct_is_dying(ct) || !iter(ct, data))
			continue;
		/* the next entry may hold its last reference through nothing
		 * but the table: keep it alive across the delete */
		nf_conntrack_get(&ct->ct_general);
		if (nf_ct_delete(ct))
			n++;
		tmp = list_entry(ct->list.next, struct nf_conn, list);
		nf_ct_put(ct);
	}
	return n;
}

int nf_ct_iterate(struct net *net, int (*fn)(struct nf_conn *ct, void *data), void *data)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	struct nf_conn *ct;
	int err;

	list_for_each_entry(ct, &cn->all, list) {
		if (!nf_ct_is_confirmed(ct) || nf_ct_is_dying(ct) || nf_ct_is_expired(ct))
			continue;
		if ((err = fn(ct, data)))
			return err;
	}
	return 0;
}

static bool kill_all(struct nf_conn *ct, void *data)
{
	(void)ct;
	(void)data;
	return true;
}

unsigned int nf_ct_flush(struct net *net)
{
	return nf_ct_iterate_cleanup_net(net, kill_all, NULL);
}

unsigned int nf_ct_entries(struct net *net)
{
	return nf_ct_pernet(net)->count;
}

struct nf_conn *nf_ct_untracked_get(struct net *net)
{
	return nf_ct_pernet(net)->untracked;
}

/* ---- the namespace ---- */

static void nf_ct_sysctl_defaults(struct nf_ct_sysctl *s)
{
	static const int tcp[TCP_CONNTRACK_TIMEOUT_MAX] = {
		[TCP_CONNTRACK_SYN_SENT] = 120, [TCP_CONNTRACK_SYN_RECV] = 60,
		[TCP_CONNTRACK_ESTABLISHED] = 432000, [TCP_CONNTRACK_FIN_WAIT] = 120,
		[TCP_CONNTRACK_CLOSE_WAIT] = 60, [TCP_CONNTRACK_LAST_ACK] = 30,
		[TCP_CONNTRACK_TIME_WAIT] = 120, [TCP_CONNTRACK_CLOSE] = 10,
		[TCP_CONNTRACK_SYN_SENT2] = 120, [TCP_CONNTRACK_RETRANS] = 300,
		[TCP_CONNTRACK_UNACK] = 300,
	};

	s->max = (int)NF_CT_BUCKETS_SHOWN;
	s->checksum = 1;
	s->events = 2;
	s->tcp_loose = 1;
	s->tcp_max_retrans = 3;
	memcpy(s->tcp_timeouts, tcp, sizeof(tcp));
	s->udp_timeout = 30;
	s->udp_timeout_stream = 120;
	s->icmp_timeout = 30;
	s->generic_timeout = 600;
	s->expect_max = 4096;
	s->gre_timeout = 30;
	s->gre_timeout_stream = 180;
	s->icmpv6_timeout = 30;
}

static int nf_conntrack_pernet_init(struct net *net)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	struct nf_conn *u = kzalloc(sizeof(*u));

	if (!u)
		return -ENOMEM;
	INIT_LIST_HEAD(&cn->all);
	INIT_LIST_HEAD(&cn->ev_listeners);
	INIT_LIST_HEAD(&cn->templates);
	cn->ev_portid = 3000000000u + net->world->nsid_next;
	nf_ct_sysctl_defaults(&cn->sysctl);
	/* the untracked entry: confirmed, never in the table; freed with its
	 * last reference (the namespace holds one) */
	u->ct_general.use = 1;
	u->ct_general.destroy = destroy_conntrack;
	u->status = IPS_CONFIRMED | IPS_UNTRACKED;
	u->timer.base = &net->world->timers;	/* nf_ct_world(); never armed */
	INIT_LIST_HEAD(&u->list);
	cn->untracked = u;
	return 0;
}

struct nf_conn *nf_ct_tmpl_get(struct net *net, u16 zone, u8 flags)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	struct nf_conn *t;

	list_for_each_entry(t, &cn->templates, list)
		if (t->zone == zone && t->zone_dir == flags)
			goto found;
	if (!(t = kzalloc(sizeof(*t))))
		return NULL;
	/* like the untracked entry: confirmed, never in the table, freed with
	 * its last reference (the namespace holds one) */
	t->net = net;
	t->ct_general.use = 1;
	t->ct_general.destroy = destroy_conntrack;
	t->status = IPS_CONFIRMED | IPS_TEMPLATE;
	t->timer.base = &net->world->timers;
	t->zone = zone;
	t->zone_dir = flags & 7;
	list_add_tail(&t->list, &cn->templates);
found:
	nf_conntrack_get(&t->ct_general);
	return t;
}

/* The listeners of a namespace that goes hear of it and let go. */
static void nf_ct_events_detach(struct nf_conntrack_net *cn)
{
	struct nf_ct_event_listener *l, *tmp;

	list_for_each_entry_safe(l, tmp, &cn->ev_listeners, list) {
		list_del_init(&l->list);
		l->net = NULL;
		l->notify(l, IPCT_DESTROY, NULL, NULL);
	}
}

static void nf_conntrack_pernet_exit(struct net *net)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	struct nf_conn *ct, *tmp;

	while (cn->users)
		nf_ct_netns_put(net);
	while (cn->users6)
		nf_ct_netns_put_af(net, NFPROTO_IPV6);
	nf_ct_flush(net);
	/* entries still referenced by packets in flight outlive the
	 * namespace, detached */
	list_for_each_entry_safe(ct, tmp, &cn->all, list) {
		nf_ct_nat_cleanup(ct);
		list_del_init(&ct->list);
		ct->net = NULL;
		cn->count--;
	}
	cn->untracked->net = NULL;
	nf_ct_put(cn->untracked);
	list_for_each_entry_safe(ct, tmp, &cn->templates, list) {
		list_del_init(&ct->list);
		ct->net = NULL;
		nf_ct_put(ct);
	}
	free(cn->hash);
	cn->hash = NULL;
	nf_ct_events_detach(cn);
}

const struct pernet_operations nf_conntrack_net_ops = {
	.name = "nf_conntrack",
	.init = nf_conntrack_pernet_init,
	.exit = nf_conntrack_pernet_exit,
	.id = &nf_conntrack_net_id,
	.size = sizeof(struct nf_conntrack_net),
};
