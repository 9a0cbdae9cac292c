/* SYN cookies (net/ipv4/syncookies.c): when a listener's SYN queue is full,
 * tcp_conn_request() answers with a SYN-ACK whose ISN encodes the
 * connection (a keyed hash of the 4-tuple and a 64 s counter, plus the
 * peer's ISN) and an MSS index in its low bits, and keeps nothing.  The
 * ACK that comes back to the listener is checked here (tcp_v4_do_rcv) and
 * becomes an established child.  Without timestamps there is no room for
 * window scaling or SACK, so cookie connections go without, as in Linux
 * when the peer sends no timestamps.  IPv6 listeners share this code
 * (Linux's net/ipv6/syncookies.c: cookie_v6_init_sequence, cookie_v6_check):
 * the hash takes the IPv6 addresses folded, the MSS table is IPv6's. */
#include <netinet/in.h>
#include "net/ip.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/tcp.h"
#include "net/world.h"

static const u16 msstab[] = { 536, 1300, 1440, 1460 };
static const u16 msstab6[] = { 1280 - 60, 1480 - 60, 1500 - 60, 9000 - 60 };

#define COOKIE_PERIOD_NS (64 * NSEC_PER_SEC)

static u32 cookie_hash(const struct tcp_net *tn, __be32 saddr, __be32 daddr, __be16 sport,
		       __be16 dport, u32 count)
{
	u64 h = ((u64)tn->syncookie_secret[0] << 32 | tn->syncookie_secret[1]) ^ count;

	h ^= ((u64)saddr << 32 | daddr) * 0x9E3779B97F4A7C15ull;
	h ^= ((u64)sport << 16 | dport) * 0xC2B2AE3D27D4EB4Full;
	h ^= h >> 29;
	h *= 0xBF58476D1CE4E5B9ull;
	h ^= h >> 32;
	return (u32)h;
}

static __be32 cookie_fold6(const struct in6_addr *a)
{
	u64 x = 0;

	for (int i = 0; i < 4; i++)
		x = (x ^ a->s6_addr32[i]) * 0x9E3779B97F4A7C15ull;
	return (__be32)(x >> 32);
}

/* The flow's addresses for cookie_hash(): IPv4's, or IPv6's folded */
static void cookie_addrs(const struct sk_buff *skb, __be32 *saddr, __be32 *daddr)
{
	const struct ipv6hdr *ip6 = ipv6_hdr(skb);

	if (ip_hdr(skb)->version == 4) {
		*saddr = ip_hdr(skb)->saddr;
		*daddr = ip_hdr(skb)->daddr;
		return;
	}
	*saddr = cookie_fold6(&ip6->saddr);
	*daddr = cookie_fold6(&ip6->daddr);
}

static const u16 *cookie_msstab(const struct sk_buff *skb)
{
	return ip_hdr(skb)->version == 4 ? msstab : msstab6;
}

/* The namespace's secret, drawn on first use (so that namespaces that
 * never need a cookie take nothing from the world's random stream). */
static void cookie_secret_init(struct sock *lsk)
{
	struct tcp_net *tn = tcp_pernet(sock_net(lsk));

	while (!tn->syncookie_secret[0]) {
		tn->syncookie_secret[0] = world_random_u32(lsk->sk_world);
		tn->syncookie_secret[1] = world_random_u32(lsk->sk_world);
	}
}

static u32 cookie_count(const struct sock *sk)
{
	return (u32)(sk->sk_world->now / COOKIE_PERIOD_NS);
}

/* cookie_v4_init_sequence(): the ISN for a SYN from skb */
static u32 cookie_v4_init_sequence(struct sock *lsk, const struct sk_buff *skb, u16 peer_mss,
				   u16 *mss)
{
	const u16 *tab = cookie_msstab(skb);
	const struct tcphdr *th = tcp_hdr(skb);
	__be32 saddr, daddr;
	u32 idx = 0, h;

	for (u32 i = 0; i < sizeof(msstab) / sizeof(msstab[0]); i++)
		if (tab[i] <= peer_mss)
			idx = i;
	*mss = tab[idx];
	cookie_addrs(skb, &saddr, &daddr);
	h = cookie_hash(tcp_pernet(sock_net(lsk)), saddr, daddr, th->source, th->dest,
			cookie_count(lsk));
	return ((h + ntohl(th->seq)) & ~3u) | idx;
}

/* The SYN-ACK for a SYN that found the queue full; the child only carries
 * the answer and goes away at once. */
int cookie_v4_send_synack(struct sock *lsk, struct sock *sk, struct sk_buff *skb,
			  const struct tcp_options_received *o)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u16 mss;

	__NET_INC_STATS(sock_net(lsk), LINUX_MIB_SYNCOOKIESSENT);
	cookie_secret_init(lsk);
	if (tcp_child_route(lsk, sk)) {
		tcp_destroy_sock(sk);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
		return 0;
	}
	tp->wscale_ok = tp->sack_ok = tp->tstamp_ok = 0;
	tcp_mtup_init(sk);
	tp->iss = tp->write_seq = cookie_v4_init_sequence(lsk, skb, o->mss_clamp ?
							  o->mss_clamp : TCP_MSS_DEFAULT, &mss);
	tp->advmss = tp->advmss < mss ? tp->advmss : mss;
	tp->snd_una = tp->snd_nxt = tp->iss;
	tp->rcv_nxt = tp->rcv_wup = TCP_SKB_CB(skb)->seq + 1;
	consume_skb(skb);
	tcp_send_synack(sk);
	tcp_destroy_sock(sk);
	return 0;
}

static int cookie_mss(struct sock *lsk, const struct sk_buff *skb)
{
	const struct tcphdr *th = tcp_hdr(skb);
	u32 cookie = ntohl(th->ack_seq) - 1, peer_isn = ntohl(th->seq) - 1;
	u32 now = cookie_count(lsk);
	__be32 saddr, daddr;

	cookie_addrs(skb, &saddr, &daddr);
	for (u32 c = now; c + 2 > now; c--) {
		u32 h = cookie_hash(tcp_pernet(sock_net(lsk)), saddr, daddr, th->source, th->dest,
				    c);

		if (((h + peer_isn) & ~3u) == (cookie & ~3u))
			return cookie_msstab(skb)[cookie & 3];
		if (!c)
			break;
	}
	return 0;
}

/* cookie_v4_check(): an ACK for the listener.  Returns 1 when the segment
 * was taken (a valid cookie: a child owns it, or it was dropped because the
 * accept queue is full), 0 when it was no cookie. */
int cookie_v4_check(struct sock *lsk, struct sk_buff *skb)
{
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);
	struct tcp_sock *tp;
	struct sock *sk;
	int mss;

	if (!tcp_pernet(sock_net(lsk))->sysctl_tcp_syncookies ||
	    !tcp_sk(lsk)->synq_overflow_ts ||
	    lsk->sk_world->now + 1 - tcp_sk(lsk)->synq_overflow_ts > 2 * COOKIE_PERIOD_NS)
		return 0;
	mss = cookie_mss(lsk, skb);
	if (!mss) {
		__NET_INC_STATS(sock_net(lsk), LINUX_MIB_SYNCOOKIESFAILED);
		return 0;
	}
	if (inet_csk(lsk)->icsk_accept_len > inet_csk(lsk)->sk_max_ack_backlog) {
		__NET_INC_STATS(sock_net(lsk), LINUX_MIB_LISTENOVERFLOWS);
		__NET_INC_STATS(sock_net(lsk), LINUX_MIB_LISTENDROPS);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
		return 1;
	}
	sk = tcp_create_openreq_child(lsk, skb);
	if (!sk)
		return 0;
	if (tcp_child_route(lsk, sk)) {
		tcp_destroy_sock(sk);
		return 0;
	}
	__NET_INC_STATS(sock_net(lsk), LINUX_MIB_SYNCOOKIESRECV);
	tp = tcp_sk(sk);
	tcp_mtup_init(sk);
	tp->mss_cache = (u32)mss < tp->advmss ? (u32)mss : tp->advmss;
	tp->iss = cb->ack_seq - 1;
	tp->snd_una = tp->snd_nxt = tp->write_seq = cb->ack_seq;
	tp->irs = cb->seq - 1;
	tp->rcv_nxt = tp->rcv_wup = tp->copied_seq = cb->seq;
	tp->snd_wnd = cb->window;
	tp->snd_wl1 = cb->seq;
	sk->inet_id = (u16)world_random_u32(sock_net(sk)->world);
	tp->parent = tcp_sk(lsk);
	list_add_tail(&tp->accept_node, &inet_csk(lsk)->icsk_syn_queue);
	inet_csk(lsk)->icsk_syn_len++;
	list_add_tail(&tp->bind_node, &tcp_pernet(sock_net(sk))->bhash);
	tcp_set_state(sk, TCP_SYN_RECV);
	inet_ehash_insert(sk);
	__TCP_INC_STATS(sock_net(sk), TCP_MIB_PASSIVEOPENS);
	tcp_rcv_state_process(sk, skb);
	return 1;
}
