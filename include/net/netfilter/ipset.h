/* IP sets (net/netfilter/ipset/ip_set_core.c, ip_set_hash_*.c in Linux):
 * named sets of addresses, networks or address/port pairs per namespace,
 * matched by iptables' `-m set` and managed by the `ipset` command.
 *
 * Types: hash:ip, hash:net, hash:ip,port, hash:net,port, hash:ip,port,ip.
 * Elements may carry a timeout (sets created with `timeout N`); expired
 * elements stop matching at once and are reclaimed on the next walk. */
#ifndef SKBOX_NET_NETFILTER_IPSET_H
#define SKBOX_NET_NETFILTER_IPSET_H

#include <stdbool.h>
#include <stdio.h>
#include "linux/types.h"

struct net;
struct sk_buff;

#define IPSET_MAXNAMELEN 32
#define IPSET_DIM_MAX 3

enum ip_set_kind {
	IPSET_HASH_IP,
	IPSET_HASH_NET,
	IPSET_HASH_IP_PORT,
	IPSET_HASH_NET_PORT,
	IPSET_HASH_IP_PORT_IP,
};

/* one element: first address (with prefix for :net), protocol and port,
 * second address (hash:ip,port,ip) */
struct ip_set_elem {
	__be32 ip;
	u8 cidr;		/* 32 for a host */
	u8 proto;		/* IPPROTO_* for the :port types */
	__be16 port;
	__be32 ip2;
	u64 expires;		/* world ns; 0: never */
	struct ip_set_elem *next;
};

struct ip_set {
	char name[IPSET_MAXNAMELEN];
	enum ip_set_kind kind;
	u32 hashsize, maxelem;
	bool with_timeout;
	u32 timeout;		/* default element timeout (s) */
	u32 initval;
	int ref;		/* iptables rules using the set */
	u32 elements;
	struct ip_set_elem **hash;
	u32 cidr_count[33];	/* hash:net*: how many elements per prefix length */
	struct ip_set *next;	/* creation order */
};

/* the type name ("hash:ip,port"), its number of dimensions, its revision */
const char *ip_set_type_name(enum ip_set_kind kind);
int ip_set_type_revision(enum ip_set_kind kind);
int ip_set_type_dim(enum ip_set_kind kind);
int ip_set_type_lookup(const char *name, enum ip_set_kind *kind);

struct ip_set *ip_set_find(struct net *net, const char *name);
struct ip_set *ip_set_first(struct net *net);
int ip_set_create(struct net *net, const char *name, enum ip_set_kind kind, u32 hashsize,
		  u32 maxelem, bool with_timeout, u32 timeout);
/* -EBUSY while referenced */
int ip_set_destroy(struct net *net, struct ip_set *set);
void ip_set_flush(struct ip_set *set);
int ip_set_rename(struct net *net, struct ip_set *set, const char *name);
int ip_set_swap(struct net *net, struct ip_set *a, struct ip_set *b);
/* add: -EEXIST unless exist; -ERANGE when full (maxelem); timeout in seconds
 * (-1: the set's default; sets without timeouts ignore it).  del: -ENOENT. */
int ip_set_add(struct net *net, struct ip_set *set, const struct ip_set_elem *e, bool exist,
	       long timeout);
int ip_set_del(struct net *net, struct ip_set *set, const struct ip_set_elem *e);
bool ip_set_test(struct net *net, struct ip_set *set, const struct ip_set_elem *e);
/* every live element, in the set's order (insertion order per bucket) */
void ip_set_walk(struct net *net, struct ip_set *set,
		 void (*fn)(const struct ip_set_elem *e, void *arg), void *arg);
/* memory the set takes, as `ipset list` shows it */
size_t ip_set_memsize(const struct ip_set *set);

/* -m set: the packet's fields picked by flags (bit i set: source for
 * dimension i + 1, else destination) looked up in the set */
bool ip_set_match_skb(struct net *net, struct ip_set *set, const struct sk_buff *skb,
		      unsigned int thoff, int fragoff, u8 dim, u8 flags);

/* "10.96.0.10,tcp:80" etc.: parse and print an element of the set's kind;
 * parse returns 0 or writes ipset's message (without the "ipset v7.17: "
 * prefix) into err */
int ip_set_parse_elem(enum ip_set_kind kind, const char *s, struct ip_set_elem *e,
		      char *err, size_t errlen);
void ip_set_print_elem(FILE *out, enum ip_set_kind kind, const struct ip_set_elem *e);

#endif
