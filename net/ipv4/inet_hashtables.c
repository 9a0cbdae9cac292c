/* TCP socket lookup tables (net/ipv4/inet_hashtables.c,
 * net/ipv4/inet_connection_sock.c): the established hash keyed by the
 * 4-tuple (TIME_WAIT sockets stay in it), the listener list, the bind list
 * with its port conflicts and the ephemeral-port search over
 * net.ipv4.ip_local_port_range.  tcp_v4_rcv() asks __inet_lookup() here. */
#include <errno.h>
#include <stdlib.h>
#include <netinet/in.h>
#include "linux/slab.h"
#include "linux/netdevice.h"
#include "net/dst.h"
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/sock_reuseport.h"
#include "net/tcp.h"
#include "net/world.h"

struct tcp_net *tcp_pernet(const struct net *net)
{
	return net_generic(net, NETGEN_TCP);
}

static struct sock *inet_lookup_established(struct tcp_net *tn, __be32 saddr, __be16 sport,
					    __be32 daddr, u16 hnum);

u32 inet_ehashfn(__be32 laddr, u16 lport, __be32 faddr, __be16 fport)
{
	u32 h = (u32)laddr * 2654435761u ^ (u32)faddr * 2246822519u;

	h ^= ((u32)lport << 16 | fport) * 3266489917u;
	return (h ^ (h >> 15)) % TCP_EHASH_SIZE;
}

void inet_ehash_insert(struct sock *sk)
{
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	u32 h = inet_ehashfn(sk->inet_rcv_saddr, sk->inet_num, sk->inet_daddr, sk->inet_dport);

	list_del(&sk->sk_node);
	list_add(&sk->sk_node, &tn->ehash[h]);
}

void inet_unhash(struct sock *sk)
{
	reuseport_detach_sock(sk);
	list_del(&sk->sk_node);
	INIT_LIST_HEAD(&sk->sk_node);
}

/* inet_rcv_saddr_equal(sk, o, true): do the bound addresses overlap?
 * Two IPv6 sockets by their IPv6 addresses (ipv6_rcv_saddr_equal); an
 * IPv4 one (or an AF_INET6 one on a v4-mapped address) and an IPv6 one
 * only when that is [::] without IPV6_V6ONLY. */
static bool inet_bind_addr_overlap(const struct sock *sk, const struct sock *o)
{
	bool v6a = sk->sk_family == AF_INET6 && !ipv6_addr_v4mapped(&sk->sk_v6_rcv_saddr);
	bool v6b = o->sk_family == AF_INET6 && !ipv6_addr_v4mapped(&o->sk_v6_rcv_saddr);
	const struct sock *s6;

	if (v6a && v6b)
		return ipv6_addr_any(&sk->sk_v6_rcv_saddr) || ipv6_addr_any(&o->sk_v6_rcv_saddr) ||
		       ipv6_addr_equal(&sk->sk_v6_rcv_saddr, &o->sk_v6_rcv_saddr);
	if (v6a || v6b) {
		s6 = v6a ? sk : o;
		return !s6->ipv6only && ipv6_addr_any(&s6->sk_v6_rcv_saddr);
	}
	return !o->inet_rcv_saddr || !sk->inet_rcv_saddr || o->inet_rcv_saddr == sk->inet_rcv_saddr;
}

/* inet_bind_conflict() over the port's owners (inet_csk_bind_conflict,
 * relaxed as bind() and listen() ask): same port, overlapping device and
 * address, and neither both SO_REUSEADDR with no listener among them, nor
 * both SO_REUSEPORT of one uid (a TIME_WAIT owner: any uid). */
static bool inet_bind_conflict(struct tcp_net *tn, const struct sock *sk, u16 port)
{
	bool reuseport_cb_ok = !sk->sk_reuseport_cb;
	struct tcp_sock *tp;

	list_for_each_entry(tp, &tn->bhash, bind_node) {
		const struct sock *o = &tp->icsk.sk;

		if (o == sk || o->inet_num != port)
			continue;
		if (o->sk_bound_dev_if && sk->sk_bound_dev_if &&
		    o->sk_bound_dev_if != sk->sk_bound_dev_if)
			continue;
		if (!inet_bind_addr_overlap(sk, o))
			continue;
		if (sk->sk_reuse && o->sk_reuse && o->sk_state != TCP_LISTEN)
			continue;
		if (sk->sk_reuseport && o->sk_reuseport && reuseport_cb_ok &&
		    (o->sk_state == TCP_TIME_WAIT || o->sk_uid == sk->sk_uid))
			continue;
		return true;
	}
	return false;
}

/* inet_rcv_saddr_equal(sk, sk2, false): the very same bound address */
static bool inet_rcv_saddr_same(const struct sock *sk, const struct sock *sk2)
{
	if (sk->sk_family == AF_INET6)
		return ipv6_addr_equal(&sk->sk_v6_rcv_saddr, &sk2->sk_v6_rcv_saddr);
	return sk->inet_rcv_saddr == sk2->inet_rcv_saddr;
}

static bool inet_rcv_saddr_any(const struct sock *sk)
{
	if (sk->sk_family == AF_INET6)
		return ipv6_addr_any(&sk->sk_v6_rcv_saddr);
	return !sk->inet_rcv_saddr;
}

/* inet_reuseport_add_sock() (from __inet_hash, at listen()): a listener
 * with SO_REUSEPORT joins the group of a listener on the same port,
 * family, device and address of the same uid, or starts one. */
int inet_reuseport_add_sock(struct sock *sk)
{
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	struct sock *sk2;

	if (!sk->sk_reuseport)
		return 0;
	list_for_each_entry(sk2, &tn->lhash, sk_node)
		if (sk2 != sk && sk2->sk_family == sk->sk_family &&
		    sk2->ipv6only == sk->ipv6only && sk2->inet_num == sk->inet_num &&
		    sk2->sk_bound_dev_if == sk->sk_bound_dev_if && sk2->sk_reuseport &&
		    sk2->sk_uid == sk->sk_uid && inet_rcv_saddr_same(sk, sk2))
			return reuseport_add_sock(sk, sk2, inet_rcv_saddr_any(sk));
	return reuseport_alloc(sk, inet_rcv_saddr_any(sk));
}

static void inet_bind_hash(struct sock *sk, u16 port)
{
	struct tcp_sock *tp = tcp_sk(sk);

	sk->inet_num = port;
	sk->inet_sport = htons(port);
	if (list_empty(&tp->bind_node))
		list_add_tail(&tp->bind_node, &tcp_pernet(sock_net(sk))->bhash);
}

/* inet_csk_get_port(): port 0 picks from the ephemeral range, starting at a
 * random offset as Linux does (odd ports first is a Linux detail skipped). */
int inet_csk_get_port(struct sock *sk, u16 port)
{
	struct net *net = sock_net(sk);
	struct tcp_net *tn = tcp_pernet(net);
	int lo = net->ipv4.sysctl_ip_local_port_range[0];
	int hi = net->ipv4.sysctl_ip_local_port_range[1];
	u32 n = (u32)(hi - lo + 1), start;

	if (port) {
		if (inet_bind_conflict(tn, sk, port))
			return -EADDRINUSE;
		inet_bind_hash(sk, port);
		return 0;
	}
	start = world_random_below(net->world, n);
	for (u32 i = 0; i < n; i++) {
		u16 p = (u16)(lo + (int)((start + i) % n));

		if (!inet_bind_conflict(tn, sk, p)) {
			inet_bind_hash(sk, p);
			return 0;
		}
	}
	return -EADDRINUSE;	/* bind(), listen(): __inet_bind's answer */
}

/* tcp_twsk_unique(): may a new connection take the 4-tuple of the
 * TIME_WAIT socket tw?  Only when tw saw timestamps (PAWS then tells old
 * duplicates from new segments), and, choosing a port (not an explicit
 * bind), when tcp_tw_reuse allows it (2: loopback only) and the last
 * timestamp is more than a second old.  The new ISN starts past tw's. */
static bool tcp_twsk_unique(struct sock *sk, struct sock *tw, bool choosing)
{
	const struct tcp_sock *tcptw = tcp_sk(tw);
	struct net *net = sock_net(sk);
	int reuse = tcp_pernet(net)->sysctl_tcp_tw_reuse;

	if (reuse == 2 && !ipv4_is_loopback(tw->inet_daddr) &&
	    !ipv4_is_loopback(tw->inet_rcv_saddr) && tw->sk_bound_dev_if != 1)
		reuse = 0;
	if (!tcptw->tstamp_ok || !tcptw->rcv_tstamp)
		return false;
	if (choosing && (!reuse || net->world->now <= tcptw->rcv_tstamp + NSEC_PER_SEC))
		return false;
	tcp_sk(sk)->write_seq = tcptw->snd_nxt + 65535 + 2;
	if (!tcp_sk(sk)->write_seq)
		tcp_sk(sk)->write_seq = 1;
	return true;
}

/* __inet_check_established(): may sk use local port lport towards its
 * destination?  Yes when no socket holds the 4-tuple, or a TIME_WAIT one
 * that tcp_twsk_unique() lets go (it ends now, TCP_MIB_TIMEWAITRECYCLED). */
static bool inet_check_established(struct sock *sk, u16 lport, bool choosing)
{
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	struct sock *o = inet_lookup_established(tn, sk->inet_daddr, sk->inet_dport,
						 sk->inet_rcv_saddr, lport);

	if (!o || o == sk)
		return true;
	if (o->sk_state != TCP_TIME_WAIT || !tcp_twsk_unique(sk, o, choosing))
		return false;
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TIMEWAITRECYCLED);
	inet_unhash(o);
	tcp_done(o);
	return true;
}

/* A port whose bind bucket a bind() made (fastreuse >= 0) is never taken
 * by connect(); one that only connect()s hold is shared between distinct
 * 4-tuples (__inet_hash_connect). */
static bool inet_port_connect_only(struct tcp_net *tn, const struct sock *sk, u16 port)
{
	struct tcp_sock *tp;

	list_for_each_entry(tp, &tn->bhash, bind_node)
		if (&tp->icsk.sk != sk && tp->icsk.sk.inet_num == port && !tp->bind_connect)
			return false;
	return true;
}

/* __inet_hash_connect(): the local port of an active open.  A socket bound
 * before keeps its port if the 4-tuple is free; otherwise every port of
 * ip_local_port_range from a random start, the first whose 4-tuple is
 * unique.  -EADDRNOTAVAIL when none is. */
int inet_hash_connect(struct sock *sk)
{
	struct net *net = sock_net(sk);
	struct tcp_net *tn = tcp_pernet(net);
	int lo = net->ipv4.sysctl_ip_local_port_range[0];
	int hi = net->ipv4.sysctl_ip_local_port_range[1];
	u32 n = (u32)(hi - lo + 1), start;

	if (sk->inet_num)
		return inet_check_established(sk, sk->inet_num, false) ? 0 : -EADDRNOTAVAIL;
	start = world_random_below(net->world, n);
	for (u32 i = 0; i < n; i++) {
		u16 p = (u16)(lo + (int)((start + i) % n));

		if (!inet_port_connect_only(tn, sk, p) || !inet_check_established(sk, p, true))
			continue;
		inet_bind_hash(sk, p);
		tcp_sk(sk)->bind_connect = 1;
		return 0;
	}
	return -EADDRNOTAVAIL;
}

void inet_put_port(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	list_del(&tp->bind_node);
	INIT_LIST_HEAD(&tp->bind_node);
}

static struct sock *inet_lookup_established(struct tcp_net *tn, __be32 saddr, __be16 sport,
					    __be32 daddr, u16 hnum)
{
	u32 h = inet_ehashfn(daddr, hnum, saddr, sport);
	struct sock *sk;

	list_for_each_entry(sk, &tn->ehash[h], sk_node)
		if (sk->inet_num == hnum && sk->inet_dport == sport &&
		    sk->inet_daddr == saddr && sk->inet_rcv_saddr == daddr)
			return sk;
	return NULL;
}

/* inet_lhash2_lookup(): the best scoring listener (bound address and
 * device beat wildcards); when it is in an SO_REUSEPORT group, the member
 * the flow hashes to (inet_lookup_reuseport). */
static struct sock *inet_lookup_listener(struct tcp_net *tn, __be32 saddr, __be16 sport,
					 __be32 daddr, u16 hnum, int dif)
{
	struct sock *sk, *best = NULL, *sel;
	int best_score = -1;

	list_for_each_entry(sk, &tn->lhash, sk_node) {
		int score = 1;

		/* a dual-stack AF_INET6 listener on [::] takes IPv4 too
		 * (tcp_v6_bind), below an AF_INET one (compute_score) */
		if (sk->inet_num != hnum || sk->ipv6only)
			continue;
		if (sk->sk_family == AF_INET)
			score++;
		if (sk->inet_rcv_saddr) {
			if (sk->inet_rcv_saddr != daddr)
				continue;
			score += 4;
		}
		if (sk->sk_bound_dev_if) {
			if (sk->sk_bound_dev_if != dif)
				continue;
			score += 4;
		}
		if (score > best_score) {
			best = sk;
			best_score = score;
		}
	}
	if (best && best->sk_reuseport) {
		sel = reuseport_select_sock(best, reuseport_ehashfn(daddr, hnum, saddr, sport));
		if (sel)
			return sel;
	}
	return best;
}

struct sock *__inet_lookup(struct net *net, __be32 saddr, __be16 sport, __be32 daddr,
			   __be16 dport, int dif)
{
	struct tcp_net *tn = tcp_pernet(net);
	struct sock *sk = inet_lookup_established(tn, saddr, sport, daddr, ntohs(dport));

	return sk ? sk : inet_lookup_listener(tn, saddr, sport, daddr, ntohs(dport), dif);
}

void tcp_net_init(struct net *net)
{
	struct tcp_net *tn = kzalloc(sizeof(*tn));

	net->gen[NETGEN_TCP] = tn;
	if (!tn)
		return;
	for (int i = 0; i < TCP_EHASH_SIZE; i++)
		INIT_LIST_HEAD(&tn->ehash[i]);
	INIT_LIST_HEAD(&tn->lhash);
	INIT_LIST_HEAD(&tn->bhash);
	tcp_sysctl_init(net);
}

/* inet_twsk_purge() and friends at namespace exit: every TCP socket the
 * namespace still holds (TIME_WAIT, orphans, listeners' children) goes. */
void tcp_net_exit(struct net *net)
{
	struct tcp_net *tn = tcp_pernet(net);
	struct tcp_sock *tp, *n;

	if (!tn)
		return;
	list_for_each_entry_safe(tp, n, &tn->bhash, bind_node)
		if (!tp->icsk.sk.sk_socket)
			tcp_destroy_sock(&tp->icsk.sk);
	for (int i = 0; i < TCP_EHASH_SIZE; i++) {
		struct sock *sk, *sn;

		list_for_each_entry_safe(sk, sn, &tn->ehash[i], sk_node)
			if (!sk->sk_socket)
				tcp_destroy_sock(sk);
	}
	free(tn);
	net->gen[NETGEN_TCP] = NULL;
}

static void tcp_sk_drop_dst(struct sock *sk, const struct net_device *dev)
{
	if (sk->sk_dst_cache && sk->sk_dst_cache->dev == dev) {
		dst_release(sk->sk_dst_cache);
		sk->sk_dst_cache = NULL;
	}
}

/* dst_ifdown(): a device that goes away takes the sockets' routes along */
void tcp_dev_unregister(struct net *net, const struct net_device *dev)
{
	struct tcp_net *tn = tcp_pernet(net);
	struct tcp_sock *tp;
	struct sock *sk;

	if (!tn)
		return;
	list_for_each_entry(tp, &tn->bhash, bind_node)
		tcp_sk_drop_dst(&tp->icsk.sk, dev);
	for (int i = 0; i < TCP_EHASH_SIZE; i++)
		list_for_each_entry(sk, &tn->ehash[i], sk_node)
			tcp_sk_drop_dst(sk, dev);
}
