/* SO_REUSEPORT groups (include/net/sock_reuseport.h): sockets bound to one
 * port and address with SO_REUSEPORT (same uid, family, device) form a
 * group, and a lookup that finds one of them picks the member by the flow's
 * hash, reciprocal_scale(hash, num_socks), skipping connected members. */
#ifndef SKBOX_NET_SOCK_REUSEPORT_H
#define SKBOX_NET_SOCK_REUSEPORT_H

#include "linux/hash.h"
#include "linux/types.h"

struct sock;
struct in6_addr;

struct sock_reuseport {
	u16 max_socks;			/* length of socks[] */
	u16 num_socks;			/* members, in the order they joined */
	u32 hash_secret;		/* Linux's inet_ehash_secret, per group */
	unsigned int bind_inany:1;	/* bound to the wildcard address */
	unsigned int has_conns:1;	/* a member was connect()ed (UDP) */
	struct sock *socks[];
};

int reuseport_alloc(struct sock *sk, bool bind_inany);
int reuseport_add_sock(struct sock *sk, struct sock *sk2, bool bind_inany);
void reuseport_detach_sock(struct sock *sk);
/* The member for a flow hash; NULL when sk has no group or every member
 * is connected. */
struct sock *reuseport_select_sock(struct sock *sk, u32 hash);
void reuseport_has_conns_set(struct sock *sk);
bool reuseport_has_conns(const struct sock *sk);

/* include/linux/kernel.h: val scaled into [0, ep_ro) */
static inline u32 reciprocal_scale(u32 val, u32 ep_ro)
{
	return (u32)(((u64)val * ep_ro) >> 32);
}

/* inet_ehashfn() / udp_ehashfn() of the flow (the group adds its secret) */
static inline u32 reuseport_ehashfn(__be32 laddr, u16 lport, __be32 faddr, __be16 fport)
{
	return hash_3words(laddr, faddr, (u32)lport << 16 | fport);
}

u32 reuseport_ehashfn6(const struct in6_addr *laddr, u16 lport, const struct in6_addr *faddr,
		       __be16 fport);

#endif
