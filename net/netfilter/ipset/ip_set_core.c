/* IP sets (net/netfilter/ipset/ip_set_core.c and the ip_set_hash_*.c types
 * in Linux): per-namespace named sets, each a chained hash of elements with
 * optional timeouts.  hash:net* types keep a count of elements per prefix
 * length and look a packet up once per length present, longest first, as
 * the kernel's "nets" array does. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "linux/slab.h"
#include "linux/skbuff.h"
#include "linux/hash.h"
#include "net/net_namespace.h"
#include "net/netfilter/ipset.h"
#include "net/world.h"

struct ipset_net {
	struct ip_set *sets;		/* creation order */
};

static const unsigned int ipset_net_id = NETGEN_IPSET;

static struct ipset_net *ipset_net(struct net *net)
{
	return net_generic(net, ipset_net_id);
}

static const struct {
	const char *name;
	int dim, revision;
} ip_set_types[] = {
	[IPSET_HASH_IP] = { "hash:ip", 1, 6 },
	[IPSET_HASH_NET] = { "hash:net", 1, 7 },
	[IPSET_HASH_IP_PORT] = { "hash:ip,port", 2, 7 },
	[IPSET_HASH_NET_PORT] = { "hash:net,port", 2, 8 },
	[IPSET_HASH_IP_PORT_IP] = { "hash:ip,port,ip", 3, 6 },
};

const char *ip_set_type_name(enum ip_set_kind kind)
{
	return ip_set_types[kind].name;
}

int ip_set_type_dim(enum ip_set_kind kind)
{
	return ip_set_types[kind].dim;
}

int ip_set_type_revision(enum ip_set_kind kind)
{
	return ip_set_types[kind].revision;
}

int ip_set_type_lookup(const char *name, enum ip_set_kind *kind)
{
	for (size_t i = 0; i < sizeof(ip_set_types) / sizeof(ip_set_types[0]); i++)
		if (!strcmp(ip_set_types[i].name, name)) {
			*kind = (enum ip_set_kind)i;
			return 0;
		}
	return -ENOENT;
}

static bool is_net_kind(enum ip_set_kind k)
{
	return k == IPSET_HASH_NET || k == IPSET_HASH_NET_PORT;
}

static bool has_port(enum ip_set_kind k)
{
	return k == IPSET_HASH_IP_PORT || k == IPSET_HASH_NET_PORT || k == IPSET_HASH_IP_PORT_IP;
}

static __be32 prefix_mask(u8 cidr)
{
	return cidr ? htonl(~0u << (32 - cidr)) : 0;
}

static u32 elem_hash(const struct ip_set *set, const struct ip_set_elem *e)
{
	u32 h = hash_3words(e->ip, (u32)e->port << 16 | (u32)e->proto << 8 | e->cidr,
			    e->ip2 ^ set->initval);

	return h & (set->hashsize - 1);
}

static bool elem_eq(const struct ip_set_elem *a, const struct ip_set_elem *b)
{
	return a->ip == b->ip && a->cidr == b->cidr && a->proto == b->proto &&
	       a->port == b->port && a->ip2 == b->ip2;
}

static bool elem_expired(struct net *net, const struct ip_set_elem *e)
{
	return e->expires && e->expires <= net->world->now;
}

struct ip_set *ip_set_find(struct net *net, const char *name)
{
	struct ipset_net *in = ipset_net(net);

	for (struct ip_set *s = in ? in->sets : NULL; s; s = s->next)
		if (!strcmp(s->name, name))
			return s;
	return NULL;
}

struct ip_set *ip_set_first(struct net *net)
{
	struct ipset_net *in = ipset_net(net);

	return in ? in->sets : NULL;
}

int ip_set_create(struct net *net, const char *name, enum ip_set_kind kind, u32 hashsize,
		  u32 maxelem, bool with_timeout, u32 timeout)
{
	struct ipset_net *in = ipset_net(net);
	struct ip_set *set, **pp;
	u32 size = 64;

	if (ip_set_find(net, name))
		return -EEXIST;
	while (size < hashsize && size < (1u << 20))
		size <<= 1;
	set = kzalloc(sizeof(*set));
	if (!set)
		return -ENOMEM;
	set->hash = kcalloc(size, sizeof(*set->hash));
	if (!set->hash) {
		free(set);
		return -ENOMEM;
	}
	snprintf(set->name, sizeof(set->name), "%s", name);
	set->kind = kind;
	set->hashsize = size;
	set->maxelem = maxelem;
	set->with_timeout = with_timeout;
	set->timeout = timeout;
	set->initval = world_random_u32(net->world);
	for (pp = &in->sets; *pp; pp = &(*pp)->next)
		;
	*pp = set;
	return 0;
}

void ip_set_flush(struct ip_set *set)
{
	for (u32 i = 0; i < set->hashsize; i++) {
		while (set->hash[i]) {
			struct ip_set_elem *e = set->hash[i];

			set->hash[i] = e->next;
			free(e);
		}
	}
	set->elements = 0;
	memset(set->cidr_count, 0, sizeof(set->cidr_count));
}

static void ip_set_free(struct ip_set *set)
{
	ip_set_flush(set);
	free(set->hash);
	free(set);
}

int ip_set_destroy(struct net *net, struct ip_set *set)
{
	struct ipset_net *in = ipset_net(net);
	struct ip_set **pp;

	if (set->ref)
		return -EBUSY;
	for (pp = &in->sets; *pp && *pp != set; pp = &(*pp)->next)
		;
	if (*pp)
		*pp = set->next;
	ip_set_free(set);
	return 0;
}

int ip_set_rename(struct net *net, struct ip_set *set, const char *name)
{
	if (ip_set_find(net, name))
		return -EEXIST;
	snprintf(set->name, sizeof(set->name), "%s", name);
	return 0;
}

/* swap the contents (and names stay with the list position), as `ipset swap` */
int ip_set_swap(struct net *net, struct ip_set *a, struct ip_set *b)
{
	struct ip_set tmp;

	(void)net;
	if (a->kind != b->kind)
		return -EINVAL;
	tmp = *a;
	/* everything but name, references and list link changes sides */
	a->hashsize = b->hashsize;
	a->maxelem = b->maxelem;
	a->with_timeout = b->with_timeout;
	a->timeout = b->timeout;
	a->initval = b->initval;
	a->elements = b->elements;
	a->hash = b->hash;
	memcpy(a->cidr_count, b->cidr_count, sizeof(a->cidr_count));
	b->hashsize = tmp.hashsize;
	b->maxelem = tmp.maxelem;
	b->with_timeout = tmp.with_timeout;
	b->timeout = tmp.timeout;
	b->initval = tmp.initval;
	b->elements = tmp.elements;
	b->hash = tmp.hash;
	memcpy(b->cidr_count, tmp.cidr_count, sizeof(b->cidr_count));
	return 0;
}

/* unlink expired elements of one bucket */
static void bucket_gc(struct net *net, struct ip_set *set, u32 b)
{
	struct ip_set_elem **pp = &set->hash[b];

	while (*pp) {
		struct ip_set_elem *e = *pp;

		if (elem_expired(net, e)) {
			*pp = e->next;
			set->elements--;
			set->cidr_count[e->cidr]--;
			free(e);
		} else {
			pp = &e->next;
		}
	}
}

static struct ip_set_elem **elem_find(struct net *net, struct ip_set *set,
				      const struct ip_set_elem *k)
{
	u32 b = elem_hash(set, k);
	struct ip_set_elem **pp;

	bucket_gc(net, set, b);
	for (pp = &set->hash[b]; *pp; pp = &(*pp)->next)
		if (elem_eq(*pp, k))
			return pp;
	return NULL;
}

int ip_set_add(struct net *net, struct ip_set *set, const struct ip_set_elem *e, bool exist,
	       long timeout)
{
	struct ip_set_elem k = *e, **pp, *n;
	u64 expires = 0;

	if (set->with_timeout) {
		u32 t = timeout >= 0 ? (u32)timeout : set->timeout;

		expires = t ? net->world->now + (u64)t * NSEC_PER_SEC : 0;
	}
	k.ip &= prefix_mask(k.cidr);
	k.next = NULL;
	pp = elem_find(net, set, &k);
	if (pp) {
		if (!exist)
			return -EEXIST;
		(*pp)->expires = expires;	/* -exist re-adds: the timeout restarts */
		return 0;
	}
	if (set->elements >= set->maxelem)
		return -ERANGE;
	n = kmalloc(sizeof(*n));
	if (!n)
		return -ENOMEM;
	*n = k;
	n->expires = expires;
	n->next = NULL;
	/* append: a bucket lists its elements in the order they came */
	for (pp = &set->hash[elem_hash(set, &k)]; *pp; pp = &(*pp)->next)
		;
	*pp = n;
	set->elements++;
	set->cidr_count[n->cidr]++;
	return 0;
}

int ip_set_del(struct net *net, struct ip_set *set, const struct ip_set_elem *e)
{
	struct ip_set_elem k = *e, **pp, *d;

	k.ip &= prefix_mask(k.cidr);
	pp = elem_find(net, set, &k);
	if (!pp)
		return -ENOENT;
	d = *pp;
	*pp = d->next;
	set->elements--;
	set->cidr_count[d->cidr]--;
	free(d);
	return 0;
}

/* a lookup key (not a stored element): for :net types, every prefix length
 * present is tried, longest first */
bool ip_set_test(struct net *net, struct ip_set *set, const struct ip_set_elem *e)
{
	struct ip_set_elem k = *e;

	if (!is_net_kind(set->kind) || e->cidr != 32) {
		k.ip &= prefix_mask(k.cidr);
		return elem_find(net, set, &k) != NULL;
	}
	for (int c = 32; c >= 0; c--) {
		if (!set->cidr_count[c])
			continue;
		k.cidr = (u8)c;
		k.ip = e->ip & prefix_mask((u8)c);
		if (elem_find(net, set, &k))
			return true;
	}
	return false;
}

void ip_set_walk(struct net *net, struct ip_set *set,
		 void (*fn)(const struct ip_set_elem *e, void *arg), void *arg)
{
	for (u32 b = 0; b < set->hashsize; b++) {
		bucket_gc(net, set, b);
		for (const struct ip_set_elem *e = set->hash[b]; e; e = e->next)
			fn(e, arg);
	}
}

size_t ip_set_memsize(const struct ip_set *set)
{
	size_t per = has_port(set->kind) ? 24 : 16;

	return 200 + (size_t)set->elements * (per + (set->with_timeout ? 8 : 0));
}

/* ---- packets ---- */
bool ip_set_match_skb(struct net *net, struct ip_set *set, const struct sk_buff *skb,
		      unsigned int thoff, int fragoff, u8 dim, u8 flags)
{
	const u8 *iph = skb_network_header(skb);
	struct ip_set_elem k = { .cidr = 32 };
	int tdim = ip_set_type_dim(set->kind);

	if (dim < tdim)		/* the rule gives fewer directions than the type has */
		return false;
	memcpy(&k.ip, iph + ((flags & 1) ? 12 : 16), 4);
	if (has_port(set->kind)) {
		u8 ports[4];

		k.proto = iph[9];
		if (fragoff)
			return false;
		switch (k.proto) {
		case IPPROTO_TCP:
		case IPPROTO_UDP:
		case IPPROTO_SCTP:
		case IPPROTO_UDPLITE:
			if (skb->len < thoff + 4)
				return false;
			memcpy(ports, skb->data + thoff, 4);
			memcpy(&k.port, ports + ((flags & 2) ? 0 : 2), 2);
			break;
		case IPPROTO_ICMP:	/* type and code stand in for the port */
			if (skb->len < thoff + 2)
				return false;
			k.port = htons((u16)(skb->data[thoff] << 8 | skb->data[thoff + 1]));
			break;
		default:
			k.port = 0;
			break;
		}
	}
	if (set->kind == IPSET_HASH_IP_PORT_IP)
		memcpy(&k.ip2, iph + ((flags & 4) ? 12 : 16), 4);
	return ip_set_test(net, set, &k);
}

/* ---- text ---- */
static int parse_proto_port(const char *s, struct ip_set_elem *e, char *err, size_t errlen)
{
	const char *colon = strchr(s, ':');
	char *end;
	long port;

	e->proto = IPPROTO_TCP;
	if (colon) {
		size_t n = (size_t)(colon - s);

		if (n == 3 && !strncmp(s, "tcp", 3))
			e->proto = IPPROTO_TCP;
		else if (n == 3 && !strncmp(s, "udp", 3))
			e->proto = IPPROTO_UDP;
		else if (n == 4 && !strncmp(s, "sctp", 4))
			e->proto = IPPROTO_SCTP;
		else if (n == 7 && !strncmp(s, "udplite", 7))
			e->proto = IPPROTO_UDPLITE;
		else {
			snprintf(err, errlen, "Syntax error: cannot parse '%.*s' as a protocol",
				 (int)n, s);
			return -EINVAL;
		}
		s = colon + 1;
	}
	port = strtol(s, &end, 10);
	if (end == s || *end || port < 0 || port > 65535) {
		snprintf(err, errlen, "Syntax error: cannot parse '%s' as a %s port", s,
			 e->proto == IPPROTO_UDP ? "UDP" : "TCP");
		return -EINVAL;
	}
	e->port = htons((u16)port);
	return 0;
}

static int parse_ip(const char *s, __be32 *ip, u8 *cidr, bool net, char *err, size_t errlen)
{
	char buf[64];
	char *slash;

	snprintf(buf, sizeof(buf), "%s", s);
	slash = strchr(buf, '/');
	*cidr = 32;
	if (slash) {
		char *end;
		long c = strtol(slash + 1, &end, 10);

		*slash = '\0';
		if (!net || end == slash + 1 || *end || c < 1 || c > 32) {
			snprintf(err, errlen, net ? "The value of the CIDR parameter of the IP "
				 "address is invalid" : "Syntax error: plain IP address must be "
				 "supplied: %s", s);
			return -EINVAL;
		}
		*cidr = (u8)c;
	}
	if (inet_pton(AF_INET, buf, ip) != 1) {
		snprintf(err, errlen, "Syntax error: cannot parse %s: resolving to IPv4 address "
			 "failed", buf);
		return -EINVAL;
	}
	return 0;
}

int ip_set_parse_elem(enum ip_set_kind kind, const char *s, struct ip_set_elem *e,
		      char *err, size_t errlen)
{
	char buf[128], *parts[3] = { NULL, NULL, NULL }, *save = NULL;
	int n = 0, dim = ip_set_type_dim(kind);

	memset(e, 0, sizeof(*e));
	snprintf(buf, sizeof(buf), "%s", s);
	for (char *t = strtok_r(buf, ",", &save); t && n < 3; t = strtok_r(NULL, ",", &save))
		parts[n++] = t;
	if (n != dim) {
		snprintf(err, errlen, "Syntax error: Second element is missing from %s.", s);
		if (n > dim)
			snprintf(err, errlen, "Syntax error: Elem separator in %s, but settype %s "
				 "supports none.", s, ip_set_type_name(kind));
		return -EINVAL;
	}
	if (parse_ip(parts[0], &e->ip, &e->cidr, is_net_kind(kind), err, errlen))
		return -EINVAL;
	if (has_port(kind) && parse_proto_port(parts[1], e, err, errlen))
		return -EINVAL;
	if (kind == IPSET_HASH_IP_PORT_IP) {
		u8 c2;

		if (parse_ip(parts[2], &e->ip2, &c2, false, err, errlen))
			return -EINVAL;
	}
	e->ip &= prefix_mask(e->cidr);
	return 0;
}

static const char *proto_name(u8 p)
{
	switch (p) {
	case IPPROTO_TCP: return "tcp";
	case IPPROTO_UDP: return "udp";
	case IPPROTO_SCTP: return "sctp";
	case IPPROTO_UDPLITE: return "udplite";
	case IPPROTO_ICMP: return "icmp";
	default: return NULL;
	}
}

void ip_set_print_elem(FILE *out, enum ip_set_kind kind, const struct ip_set_elem *e)
{
	char a[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &e->ip, a, sizeof(a));
	fputs(a, out);
	if (is_net_kind(kind) && e->cidr != 32)
		fprintf(out, "/%u", e->cidr);
	if (has_port(kind)) {
		const char *pn = proto_name(e->proto);

		if (pn)
			fprintf(out, ",%s:%u", pn, ntohs(e->port));
		else
			fprintf(out, ",%u:%u", e->proto, ntohs(e->port));
	}
	if (kind == IPSET_HASH_IP_PORT_IP) {
		inet_ntop(AF_INET, &e->ip2, a, sizeof(a));
		fprintf(out, ",%s", a);
	}
}

/* ---- per namespace ---- */
static int ipset_net_init(struct net *net)
{
	(void)net;
	return 0;
}

static void ipset_net_exit(struct net *net)
{
	struct ipset_net *in = ipset_net(net);

	while (in && in->sets) {
		struct ip_set *s = in->sets;

		in->sets = s->next;
		ip_set_free(s);
	}
}

const struct pernet_operations ipset_net_ops = {
	.name = "ip_set",
	.init = ipset_net_init,
	.exit = ipset_net_exit,
	.id = &ipset_net_id,
	.size = sizeof(struct ipset_net),
};
