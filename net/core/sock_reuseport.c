/* SO_REUSEPORT groups (net/core/sock_reuseport.c).  Binding (UDP:
 * udp_lib_get_port) or listening (TCP: __inet_hash) with SO_REUSEPORT puts
 * the socket into the group of a compatible socket on the same port, or
 * makes a new group; closing takes it out (reuseport_detach_sock).  The
 * lookups (__udp4_lib_lookup, __udp6_lib_lookup, the TCP listener lookups)
 * ask reuseport_select_sock() for the member that gets a flow: the flow's
 * hash scaled over the members (reuseport_select_sock_by_hash), stepping
 * over connected UDP members, which a lookup only finds by their better
 * score.  No BPF program selects here, and a listener that stops listening
 * leaves the group at once (Linux keeps it in a "closed" part of the group
 * while it stays bound). */
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/slab.h"
#include "net/net_namespace.h"
#include "net/sock.h"
#include "net/sock_reuseport.h"
#include "net/world.h"

#define INIT_SOCKS 128

static struct sock_reuseport *__reuseport_alloc(struct world *w, u16 max_socks)
{
	struct sock_reuseport *reuse;

	reuse = kzalloc(sizeof(*reuse) + max_socks * sizeof(struct sock *));
	if (!reuse)
		return NULL;
	reuse->max_socks = max_socks;
	reuse->hash_secret = world_random_u32(w);
	return reuse;
}

/* reuseport_alloc(): sk alone in a new group */
int reuseport_alloc(struct sock *sk, bool bind_inany)
{
	struct sock_reuseport *reuse = sk->sk_reuseport_cb;

	if (reuse) {
		/* already in a group (a socket bound again after its group
		 * formed): only the wildcard flag can change */
		if (bind_inany)
			reuse->bind_inany = 1;
		return 0;
	}
	reuse = __reuseport_alloc(sk->sk_world, INIT_SOCKS);
	if (!reuse)
		return -ENOMEM;
	reuse->socks[0] = sk;
	reuse->num_socks = 1;
	reuse->bind_inany = bind_inany;
	sk->sk_reuseport_cb = reuse;
	return 0;
}

/* reuseport_grow(): twice the room; every member points at the new group */
static struct sock_reuseport *reuseport_grow(struct sock_reuseport *reuse)
{
	u32 more = (u32)reuse->max_socks * 2;
	struct sock_reuseport *n;

	if (more > 0xffff)
		return NULL;	/* U16_MAX members, as Linux */
	n = krealloc(reuse, sizeof(*n) + more * sizeof(struct sock *));
	if (!n)
		return NULL;
	n->max_socks = (u16)more;
	for (u16 i = 0; i < n->num_socks; i++)
		n->socks[i]->sk_reuseport_cb = n;
	return n;
}

/* reuseport_add_sock(): sk joins sk2's group (made now if sk2 has none:
 * SO_REUSEPORT set on sk2 after its bind) */
int reuseport_add_sock(struct sock *sk, struct sock *sk2, bool bind_inany)
{
	struct sock_reuseport *reuse;
	int err;

	if (!sk2->sk_reuseport_cb) {
		err = reuseport_alloc(sk2, bind_inany);
		if (err)
			return err;
	}
	reuse = sk2->sk_reuseport_cb;
	if (sk->sk_reuseport_cb == reuse)
		return 0;
	if (sk->sk_reuseport_cb)
		reuseport_detach_sock(sk);
	if (reuse->num_socks == reuse->max_socks) {
		reuse = reuseport_grow(reuse);
		if (!reuse)
			return -ENOMEM;
	}
	reuse->socks[reuse->num_socks++] = sk;
	sk->sk_reuseport_cb = reuse;
	return 0;
}

/* reuseport_detach_sock(): the last member takes sk's place (so flows that
 * hashed to the last slot move, as on Linux); an empty group goes */
void reuseport_detach_sock(struct sock *sk)
{
	struct sock_reuseport *reuse = sk->sk_reuseport_cb;

	if (!reuse)
		return;
	for (u16 i = 0; i < reuse->num_socks; i++) {
		if (reuse->socks[i] != sk)
			continue;
		reuse->socks[i] = reuse->socks[reuse->num_socks - 1];
		reuse->num_socks--;
		break;
	}
	sk->sk_reuseport_cb = NULL;
	if (!reuse->num_socks)
		kfree(reuse);
}

/* A connected member (UDP after connect(), Linux's TCP_ESTABLISHED) takes
 * only its own peer's datagrams, which the lookup's score gives it. */
static bool reuseport_sk_connected(const struct sock *sk)
{
	if (sk->sk_type == SOCK_DGRAM)
		return sk->inet_dport != 0;
	return sk->sk_state == 1 /* TCP_ESTABLISHED */;
}

/* reuseport_select_sock_by_hash() */
struct sock *reuseport_select_sock(struct sock *sk, u32 hash)
{
	struct sock_reuseport *reuse = sk->sk_reuseport_cb;
	u32 n, i, j;

	if (!reuse || !reuse->num_socks)
		return NULL;
	n = reuse->num_socks;
	i = j = reciprocal_scale(hash_mix32(hash ^ reuse->hash_secret), n);
	while (reuseport_sk_connected(reuse->socks[i])) {
		if (++i >= n)
			i = 0;
		if (i == j)
			return NULL;
	}
	return reuse->socks[i];
}

void reuseport_has_conns_set(struct sock *sk)
{
	if (sk->sk_reuseport_cb)
		sk->sk_reuseport_cb->has_conns = 1;
}

bool reuseport_has_conns(const struct sock *sk)
{
	return sk->sk_reuseport_cb && sk->sk_reuseport_cb->has_conns;
}

u32 reuseport_ehashfn6(const struct in6_addr *laddr, u16 lport, const struct in6_addr *faddr,
		       __be16 fport)
{
	u32 h = (u32)lport << 16 | fport, a, b;

	for (int i = 0; i < 4; i++) {
		memcpy(&a, &laddr->s6_addr[i * 4], 4);
		memcpy(&b, &faddr->s6_addr[i * 4], 4);
		h = hash_3words(h, a, b);
	}
	return h;
}
