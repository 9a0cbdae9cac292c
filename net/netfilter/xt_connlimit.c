/* -m connlimit (net/netfilter/xt_connlimit.c with nf_conncount.c): the
 * number of connections from one source (or to one destination) network.
 * Each rule keeps, per masked address, the original tuples of the
 * connections it has counted, oldest first (CONNCOUNT_SLOTS buckets of
 * nodes, a list of tuples per node).  A packet walks its key's list up to
 * its own tuple: each saved tuple whose entry has gone from conntrack, or
 * is a TCP connection in TIME_WAIT or CLOSE, is dropped on the way (at
 * most 8 per packet; one CPU: the kernel's find_or_evict() always evicts
 * what it cannot find); the packet's own connection is appended unless it
 * was found.  The match compares the list's length with
 * the limit (--connlimit-above N: more than N; --connlimit-upto N: at most
 * N).  The lists are made again on every table replace, as the kernel's
 * checkentry allocates them anew. */
#include <errno.h>
#include <string.h>
#include "linux/netfilter/x_tables.h"
#include "linux/slab.h"
#include "uapi/linux/netfilter/xt_connlimit.h"
#include "net/ip.h"
#include "net/netfilter/nf_conntrack.h"

#define CONNCOUNT_SLOTS 256
#define CONNCOUNT_GC_MAX_NODES 8

struct conncount_tuple {
	struct conncount_tuple *next;
	struct nf_conntrack_tuple tuple;
};

struct conncount_node {
	struct conncount_node *next;
	u32 key;
	unsigned int count;
	struct conncount_tuple *head;
};

struct xt_connlimit_data {
	struct conncount_node *slot[CONNCOUNT_SLOTS];
};

static unsigned int conncount_hash(u32 key)
{
	key *= 0x9E3779B1u;
	return key >> 24;
}

static bool conncount_closed(const struct nf_conn *ct)
{
	return nf_ct_protonum(ct) == IPPROTO_TCP &&
	       (ct->proto.tcp.state == TCP_CONNTRACK_TIME_WAIT ||
		ct->proto.tcp.state == TCP_CONNTRACK_CLOSE);
}

/* Walk the saved tuples oldest first (__nf_conncount_add): drop those
 * whose connection is gone, or closed unless it is the packet's own, at
 * most CONNCOUNT_GC_MAX_NODES of them; stop at the packet's tuple.  True
 * when the packet's connection is saved already. */
static bool conncount_gc(struct net *net, struct conncount_node *n,
			 const struct nf_conntrack_tuple *tuple)
{
	struct conncount_tuple **pp = &n->head, *c;
	struct nf_conntrack_tuple_hash *h;
	unsigned int collect = 0;

	while ((c = *pp) && collect <= CONNCOUNT_GC_MAX_NODES) {
		h = nf_conntrack_find_get(net, &c->tuple);
		if (h) {
			struct nf_conn *ct = nf_ct_tuplehash_to_ctrack(h);
			bool same = nf_ct_tuple_equal(&c->tuple, tuple);
			bool closed = conncount_closed(ct);

			nf_ct_put(ct);
			if (same)
				return true;
			if (!closed) {
				pp = &c->next;
				continue;
			}
		}
		*pp = c->next;
		kfree(c);
		n->count--;
		collect++;
	}
	return false;
}

static struct conncount_node *conncount_node(struct xt_connlimit_data *d, u32 key)
{
	struct conncount_node **slot = &d->slot[conncount_hash(key)], *n;

	for (n = *slot; n; n = n->next)
		if (n->key == key)
			return n;
	n = kzalloc(sizeof(*n));
	if (!n)
		return NULL;
	n->key = key;
	n->next = *slot;
	*slot = n;
	return n;
}

/* The count with the packet's connection in it; 0 when memory ran out. */
static unsigned int conncount_count(struct net *net, struct xt_connlimit_data *d, u32 key,
				    const struct nf_conntrack_tuple *tuple)
{
	struct conncount_node *n = conncount_node(d, key);
	struct conncount_tuple *c, **pp;

	if (!n)
		return 0;
	if (conncount_gc(net, n, tuple))
		return n->count;
	c = kzalloc(sizeof(*c));
	if (!c)
		return 0;
	c->tuple = *tuple;
	for (pp = &n->head; *pp; pp = &(*pp)->next)
		;
	*pp = c;
	return ++n->count;
}

static bool connlimit_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_connlimit_info *info = par->matchinfo;
	const struct iphdr *iph = ip_hdr(skb);
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	struct nf_conntrack_tuple tuple;
	const struct nf_conntrack_tuple *t = &tuple;
	unsigned int connections;
	u32 key;

	if (ct && ctinfo != IP_CT_UNTRACKED)
		t = &ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple;
	else if (!nf_ct_get_tuplepr(skb, (unsigned int)skb_network_offset(skb), &tuple))
		goto hotdrop;
	key = (info->flags & XT_CONNLIMIT_DADDR) ? iph->daddr : iph->saddr;
	key &= info->v4_mask;
	connections = conncount_count(xt_net(par), info->data, key, t);
	if (connections == 0)
		goto hotdrop;
	return (connections > info->limit) ^ !!(info->flags & XT_CONNLIMIT_INVERT);
hotdrop:
	par->hotdrop = true;
	return false;
}

static int connlimit_mt_check(const struct xt_mtchk_param *par)
{
	struct xt_connlimit_info *info = par->matchinfo;
	int err = nf_ct_netns_get(par->net);

	if (err)
		return err;
	info->data = kzalloc(sizeof(*info->data));
	if (!info->data) {
		nf_ct_netns_put(par->net);
		return -ENOMEM;
	}
	return 0;
}

static void connlimit_mt_destroy(const struct xt_mtdtor_param *par)
{
	struct xt_connlimit_info *info = par->matchinfo;
	struct xt_connlimit_data *d = info->data;

	for (unsigned int i = 0; i < CONNCOUNT_SLOTS; i++) {
		struct conncount_node *n, *nn;

		for (n = d->slot[i]; n; n = nn) {
			struct conncount_tuple *c, *cn;

			nn = n->next;
			for (c = n->head; c; c = cn) {
				cn = c->next;
				kfree(c);
			}
			kfree(n);
		}
	}
	kfree(d);
	info->data = NULL;
	nf_ct_netns_put(par->net);
}

const struct xt_match xt_connlimit_match = {
	.name = "connlimit", .revision = 1, .family = NFPROTO_IPV4, .match = connlimit_mt,
	.checkentry = connlimit_mt_check, .destroy = connlimit_mt_destroy,
	.matchsize = sizeof(struct xt_connlimit_info),
};
