/* TCP output (net/ipv4/tcp_output.c): tcp_sendmsg queues data in MSS-sized
 * skbs on the write queue; tcp_write_xmit() sends what the congestion and
 * receive windows and Nagle allow; tcp_transmit_skb() copies one queued skb
 * into a fresh packet with the TCP header, options (MSS, SACK_PERM, TS,
 * NOP, WS on a SYN, as Linux orders them) and the IP header, then
 * ip_local_out() (LOCAL_OUT → ip_output).  Also ACKs, FIN, RST, probes. */
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include "linux/netdevice.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/tcp.h"
#include "net/sch_generic.h"
#include "net/trace.h"
#include "net/world.h"

#define TCP_HEADROOM (NET_SKB_PAD + 32 + 20 + 60)
#define MAX_TCP_HEADER_LEN (20 + 60)	/* IP and TCP with options, within gso_max_size */

u32 tcp_time_stamp(const struct sock *sk)
{
	return (u32)(sk->sk_world->now / NSEC_PER_MSEC) + tcp_sk(sk)->tsoffset;
}

struct sk_buff *tcp_alloc_skb(struct sock *sk, unsigned int size)
{
	struct sk_buff *skb = alloc_skb(&sk->sk_world->skb_pool, TCP_HEADROOM + size);

	if (skb) {
		skb_reserve(skb, TCP_HEADROOM);
		memset(skb->cb, 0, sizeof(skb->cb));
	}
	return skb;
}

/* tcp_select_window(): what we can still take, never moving the right
 * edge back (RFC 9293 3.8.6.2.2), rounded to the scale unit. */
u16 tcp_select_window(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int space = tcp_rcv_space(sk);
	u32 cur = tp->rcv_wnd + tp->rcv_wup - tp->rcv_nxt, win;

	if (after(tp->rcv_nxt, tp->rcv_wup + tp->rcv_wnd))
		cur = 0;
	win = space < 0 ? 0 : (u32)space;
	if (win > tp->rcv_ssthresh)
		win = tp->rcv_ssthresh;
	if (win < cur)
		win = cur;
	if (win < tp->rcv_mss && win < cur + 1)
		win = cur;
	win = (win + (1u << tp->rcv_wscale) - 1) & ~((1u << tp->rcv_wscale) - 1);
	if (win > (65535u << tp->rcv_wscale))
		win = 65535u << tp->rcv_wscale;
	tp->rcv_wnd = win;
	tp->rcv_wup = tp->rcv_nxt;
	return (u16)(win >> tp->rcv_wscale);
}

static u8 *put_ts(u8 *p, const struct sock *sk)
{
	u32 v = htonl(tcp_time_stamp(sk)), e = htonl(tcp_sk(sk)->ts_recent);

	*p++ = TCPOPT_TIMESTAMP;
	*p++ = 10;
	memcpy(p, &v, 4);
	memcpy(p + 4, &e, 4);
	return p + 8;
}

/* SYN and SYN-ACK options in Linux's order: MSS, SACK_PERM, TS, NOP, WS. */
static unsigned int tcp_syn_options(const struct sock *sk, u8 *p)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	u8 *s = p;
	u16 mss = htons((u16)tp->advmss);

	*p++ = TCPOPT_MSS;
	*p++ = 4;
	memcpy(p, &mss, 2);
	p += 2;
	if (tp->sack_ok && tp->tstamp_ok) {
		*p++ = TCPOPT_SACK_PERM;
		*p++ = 2;
	} else if (tp->sack_ok) {
		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_SACK_PERM;
		*p++ = 2;
	}
	if (tp->tstamp_ok) {
		if (!tp->sack_ok) {
			*p++ = TCPOPT_NOP;
			*p++ = TCPOPT_NOP;
		}
		p = put_ts(p, sk);
	}
	if (tp->wscale_ok) {
		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_WINDOW;
		*p++ = 3;
		*p++ = tp->rcv_wscale;
	}
	return (unsigned int)(p - s);
}

static unsigned int tcp_established_options(const struct sock *sk, u8 *p)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	u8 *s = p;

	if (tp->tstamp_ok) {
		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_NOP;
		p = put_ts(p, sk);
	}
	if (tp->sack_ok && (tp->num_sacks || tp->dsack)) {
		/* a D-SACK block (tcp_dsack_set) goes first, then the others */
		unsigned int all = tp->num_sacks + (tp->dsack ? 1u : 0u);
		unsigned int n = all > (tp->tstamp_ok ? 3u : 4u) ? (tp->tstamp_ok ? 3u : 4u) : all;

		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_NOP;
		*p++ = TCPOPT_SACK;
		*p++ = (u8)(2 + 8 * n);
		for (unsigned int i = 0; i < n; i++) {
			const u32 *blk = !tp->dsack ? tp->selective_acks[i] :
					 i ? tp->selective_acks[i - 1] : tp->duplicate_sack;
			u32 a = htonl(blk[0]), b = htonl(blk[1]);

			memcpy(p, &a, 4);
			memcpy(p + 4, &b, 4);
			p += 8;
		}
	}
	return (unsigned int)(p - s);
}

/* tcp_v4_send_check(): a device that checksums (NETIF_F_HW_CSUM: veth,
 * lo, bridge) gets CHECKSUM_PARTIAL — the pseudo-header sum in the field,
 * the rest for validate_xmit_skb() or nobody; others a complete sum. */
static void tcp_v4_send_check(struct sk_buff *skb, __be32 saddr, __be32 daddr, bool hw)
{
	struct tcphdr *th = tcp_hdr(skb);
	u16 proto = htons(IPPROTO_TCP), l = htons((u16)skb->len);
	u32 sum = csum_partial(&saddr, 4, 0);

	th->check = 0;
	sum = csum_partial(&daddr, 4, sum);
	sum = csum_partial(&proto, 2, sum);
	sum = csum_partial(&l, 2, sum);
	if (hw) {
		th->check = (u16)~csum_fold(sum);
		skb->ip_summed = CHECKSUM_PARTIAL;
		skb->csum_start = skb->transport_header;
		skb->csum_offset = 16;	/* offsetof(struct tcphdr, check) */
		return;
	}
	sum = csum_partial(skb->data, (int)skb->len, sum);
	th->check = csum_fold(sum);
}

static void tcp_push_ip_header(struct sock *sk, struct sk_buff *skb, u8 flags)
{
	struct net *net = sock_net(sk);
	struct iphdr *iph = (struct iphdr *)skb_push(skb, sizeof(*iph));

	skb_reset_network_header(skb);
	memset(iph, 0, sizeof(*iph));
	iph->version = 4;
	iph->ihl = 5;
	iph->tos = sk->tos;
	iph->ttl = (u8)(sk->uc_ttl > 0 ? sk->uc_ttl : net->ipv4.sysctl_ip_default_ttl);
	iph->protocol = IPPROTO_TCP;
	iph->saddr = sk->inet_saddr;
	iph->daddr = sk->inet_daddr;
	if (sk->pmtudisc >= IP_PMTUDISC_WANT)
		iph->frag_off = htons(IP_DF);
	/* a SYN-ACK leaves from the request socket, whose IP id is 0; the
	 * segments of a super-packet take the ids after its own */
	if ((flags & (TCPHDR_SYN | TCPHDR_ACK)) != (TCPHDR_SYN | TCPHDR_ACK)) {
		iph->id = htons(sk->inet_id);
		sk->inet_id = (u16)(sk->inet_id + skb_gso_segs(skb));
	}
}

/* The payload of segs queued skbs from skb on, in one packet (TSO). */
static struct sk_buff *tcp_copy_payload(struct sock *sk, struct sk_buff *skb,
					unsigned int segs, u8 *flags)
{
	unsigned int len = 0, i;
	struct sk_buff *it, *n;

	for (i = 0, it = skb; i < segs; i++, it = it->next)
		len += it->len;
	n = tcp_alloc_skb(sk, len);
	if (!n)
		return NULL;
	*flags = 0;
	for (i = 0, it = skb; i < segs; i++, it = it->next) {
		if (it->len)
			skb_copy_bits(it, 0, skb_put(n, it->len), (int)it->len);
		*flags |= TCP_SKB_CB(it)->tcp_flags;
	}
	/* a TSO packet of new data carries PSH, as Linux's do on veth and in
	 * its own packetdrill scripts (segmentation leaves it on the last
	 * segment); a retransmitted run only if its last skb had it (Linux's
	 * tcp_fragment keeps PSH on the tail part) */
	if (segs > 1) {
		skb_shinfo(n)->gso_size = (u16)tcp_sk(sk)->mss_cache;
		skb_shinfo(n)->gso_segs = (u16)segs;
		if (!(TCP_SKB_CB(skb)->sacked & TCPCB_EVER_RETRANS))
			*flags |= TCPHDR_PSH;
	}
	return n;
}

static void tcp_fill_header(struct sock *sk, struct sk_buff *n, const u8 *opts,
			    unsigned int olen, u32 seq, u8 flags)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcphdr *th = (struct tcphdr *)skb_push(n, sizeof(*th) + olen);

	skb_reset_transport_header(n);
	memset(th, 0, sizeof(*th));
	memcpy(th + 1, opts, olen);
	th->source = sk->inet_sport;
	th->dest = sk->inet_dport;
	th->seq = htonl(seq);
	th->doff = (u8)((sizeof(*th) + olen) / 4);
	th->flags = flags;
	if (flags & TCPHDR_ACK)
		th->ack_seq = htonl(tp->rcv_nxt);
	if (flags & TCPHDR_SYN)
		th->window = htons((u16)(tp->rcv_wnd > 65535 ? 65535 : tp->rcv_wnd));
	else
		th->window = htons(tcp_select_window(sk));
}

/* What sending data and an ACK tells the delayed-ACK machinery. */
static void tcp_event_sent(struct sock *sk, bool data, u8 flags)
{
	struct tcp_sock *tp = tcp_sk(sk);

	/* tcp_event_data_sent(): data sent within the ATO (40 ms) of data
	 * received makes the connection interactive (pingpong) */
	if (data && sk->sk_world->now < inet_csk(sk)->icsk_ack_lrcvtime + TCP_DELACK_MIN_NS)
		inet_csk(sk)->icsk_ack_pingpong = 1;
	if (flags & TCPHDR_ACK) {
		inet_csk(sk)->icsk_ack_pending = 0;
		del_timer(&inet_csk(sk)->icsk_delack_timer);
		tp->num_sacks = tp->num_sacks && skb_queue_empty(&tp->out_of_order_queue) ?
				0 : tp->num_sacks;
	}
}

/* tcp_transmit_skb() + __tcp_transmit_skb() + ip_queue_xmit(), for segs
 * consecutive queued skbs sent as one TSO packet (segs 1: one segment). */
int tcp_transmit_skbs(struct sock *sk, struct sk_buff *skb, unsigned int segs)
{
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);
	struct net *net = sock_net(sk);
	struct dst_entry *dst = sk->sk_dst_cache;
	u8 opts[40], flags;
	unsigned int olen;
	struct sk_buff *n;

	if (!dst)
		return -EHOSTUNREACH;
	olen = cb->tcp_flags & TCPHDR_SYN ? tcp_syn_options(sk, opts) :
	       tcp_established_options(sk, opts);
	if (!(cb->tcp_flags & TCPHDR_SYN))
		tcp_sk(sk)->dsack = 0;		/* sent once */
	n = tcp_copy_payload(sk, skb, segs, &flags);
	if (!n)
		return -ENOBUFS;
	tcp_event_sent(sk, n->len != 0, flags);
	tcp_fill_header(sk, n, opts, olen, cb->seq, flags);
	dst_hold(dst);
	skb_dst_set(n, dst);
	n->dev = dst->dev;
	n->priority = sk->sk_priority;
	n->mark = sk->sk_mark;
	skb_trace(n, "tcp_transmit_skb");
	net->mib.tcp[TCP_MIB_OUTSEGS] += segs;
	return inet_csk(sk)->icsk_af_ops->queue_xmit(sk, n, flags);
}

/* ipv4_specific.queue_xmit: tcp_v4_send_check, the IPv4 header,
 * ip_queue_xmit */
int tcp_v4_queue_xmit(struct sock *sk, struct sk_buff *n, u8 flags)
{
	struct net *net = sock_net(sk);
	struct dst_entry *dst = skb_dst(n);

	tcp_v4_send_check(n, sk->inet_saddr, sk->inet_daddr,
			  dst->dev && (dst->dev->features & NETIF_F_HW_CSUM));
	tcp_push_ip_header(sk, n, flags);
	__IP_INC_STATS(net, IPSTATS_MIB_OUTREQUESTS);
	skb_trace(n, "ip_queue_xmit");
	return ip_local_out(net, sk, n) > 0 ? 0 : 0;
}

int tcp_transmit_skb(struct sock *sk, struct sk_buff *skb)
{
	return tcp_transmit_skbs(sk, skb, 1);
}

/* Splitting a sent skb makes one more in flight, with its marks. */
static void tcp_fragment_sent(struct tcp_sock *tp, u8 sacked)
{
	tp->packets_out++;
	if (sacked & TCPCB_SACKED_ACKED)
		tp->sacked_out++;
	if (sacked & TCPCB_LOST)
		tp->lost_out++;
	if (sacked & TCPCB_RETRANS)
		tp->retrans_out++;
}

/* tcp_fragment(): split skb so that it holds len bytes; the rest goes into
 * a new skb right after it. */
int tcp_fragment(struct sock *sk, struct sk_buff *skb, unsigned int len)
{
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned int rest = skb->len - len;
	struct sk_buff *n = tcp_alloc_skb(sk, rest);

	if (!n)
		return -ENOBUFS;
	skb_copy_bits(skb, (int)len, skb_put(n, rest), (int)rest);
	skb_trim(skb, len);
	*TCP_SKB_CB(n) = *TCP_SKB_CB(skb);
	if (before(TCP_SKB_CB(skb)->seq, tp->snd_nxt))
		tcp_fragment_sent(tp, TCP_SKB_CB(n)->sacked);
	TCP_SKB_CB(n)->seq = TCP_SKB_CB(skb)->seq + len;
	TCP_SKB_CB(skb)->end_seq = TCP_SKB_CB(n)->seq;
	TCP_SKB_CB(skb)->tcp_flags &= (u8)~(TCPHDR_FIN | TCPHDR_PSH);
	n->next = skb->next;
	n->prev = skb;
	skb->next->prev = n;
	skb->next = n;
	tp->sk_write_queue.qlen++;
	return 0;
}

static bool tcp_nagle_hold(const struct tcp_sock *tp, const struct sk_buff *skb)
{
	if (skb->len >= tp->mss_cache || (TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN))
		return false;
	if (tp->nonagle)
		return false;
	/* tcp_nagle_check() with Minshall's variant (tcp_minshall_check):
	 * hold the last, partial segment only while an earlier small segment
	 * is unacknowledged */
	return tp->packets_out && skb->next == (const struct sk_buff *)&tp->sk_write_queue &&
	       tp->snd_sml_set && after(tp->snd_sml, tp->snd_una) &&
	       !after(tp->snd_sml, tp->snd_nxt);
}

/* tcp_tso_segs(): how many queued skbs from skb on go out as one TSO
 * packet — full-MSS skbs (the last may be short) that cwnd, the peer's
 * window and Nagle let go now, within the device's gso_max_size and
 * gso_max_segs.  1 when the route's device has no TSO. */
static unsigned int tcp_tso_segs(struct sock *sk, struct sk_buff *skb, u32 wnd_end)
{
	struct tcp_sock *tp = tcp_sk(sk);
	const struct net_device *dev = sk->sk_dst_cache ? sk->sk_dst_cache->dev : NULL;
	const struct sk_buff *q = (const struct sk_buff *)&tp->sk_write_queue;
	unsigned int segs = 1, bytes = skb->len, max_bytes, max_segs;

	if (!dev || !(dev->features & (sk->sk_family == AF_INET6 ? NETIF_F_TSO6 : NETIF_F_TSO)))
		return 1;
	max_bytes = (dev->gso_max_size < GSO_MAX_SIZE ? dev->gso_max_size : GSO_MAX_SIZE) -
		    MAX_TCP_HEADER_LEN;
	max_segs = dev->gso_max_segs;
	while (skb->next != q && skb->len == tp->mss_cache &&
	       !(TCP_SKB_CB(skb)->tcp_flags & (TCPHDR_SYN | TCPHDR_FIN))) {
		struct sk_buff *next = skb->next;

		if (segs >= max_segs || bytes + next->len > max_bytes ||
		    next->len > tp->mss_cache ||
		    tcp_packets_in_flight(tp) + segs >= tp->snd_cwnd ||
		    after(TCP_SKB_CB(next)->end_seq - !!(TCP_SKB_CB(next)->tcp_flags & TCPHDR_FIN),
			  wnd_end) ||
		    (TCP_SKB_CB(next)->tcp_flags & TCPHDR_SYN) || tcp_nagle_hold(tp, next))
			break;
		bytes += next->len;
		segs++;
		skb = next;
	}
	return segs;
}

/* tcp_event_new_data_sent() for one queued skb that just left */
static void tcp_event_new_data_sent(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

	cb->when = sk->sk_world->now;
	tp->snd_nxt = cb->end_seq;
	tp->packets_out++;
	if (tp->packets_out > tp->max_packets_out)
		tp->max_packets_out = tp->packets_out;
	if (skb->len < tp->mss_cache) {	/* tcp_minshall_update() */
		tp->snd_sml = cb->end_seq;
		tp->snd_sml_set = 1;
	}
	if (skb->len)
		__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPORIGDATASENT);
	tp->send_head = skb->next == (struct sk_buff *)&tp->sk_write_queue ? NULL : skb->next;
}

/* Whether the head of the unsent queue may go now (cwnd, the peer's
 * window, Nagle); may split it to fit.  tcp_snd_wnd_test(): a segment
 * goes only when it fits the receive window; split at the window's edge
 * only when nothing is in flight (a window smaller than a segment).  A
 * loss probe (probe) goes whatever cwnd and Nagle say. */
static bool tcp_may_send_head(struct sock *sk, struct sk_buff *skb, u32 wnd_end, bool probe)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

	if (tcp_packets_in_flight(tp) >= tp->snd_cwnd && !probe) {
		tp->is_cwnd_limited = 1;
		return false;
	}
	if (skb->len > tp->mss_cache && tcp_fragment(sk, skb, tp->mss_cache))
		return false;
	if (after(cb->seq + skb->len, wnd_end)) {
		if (tp->packets_out || !after(wnd_end, cb->seq) ||
		    tcp_fragment(sk, skb, wnd_end - cb->seq))
			return false;
	}
	return probe || !tcp_nagle_hold(tp, skb);
}

/* tcp_write_xmit(): send queued skbs while cwnd, rwnd and Nagle allow,
 * as TSO super-packets where the route's device takes them; push_one 2
 * is the loss probe's one segment.  New data re-arms the RTO when none
 * was out (or over a pending probe), then the tail loss probe is armed
 * (tcp_schedule_loss_probe); PRR counts what left in recovery. */
static void __tcp_write_xmit(struct sock *sk, int push_one)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;
	unsigned int sent = 0;

	while ((skb = tp->send_head) != NULL) {
		u32 wnd_end = tp->snd_una + tp->snd_wnd, prior_packets = tp->packets_out;
		unsigned int segs;

		if (!tcp_may_send_head(sk, skb, wnd_end, push_one == 2))
			break;
		segs = push_one ? 1 : tcp_tso_segs(sk, skb, wnd_end);
		skb_trace_note(skb, "tcp_write_xmit", NULL);
		tcp_transmit_skbs(sk, skb, segs);
		for (unsigned int i = 0; i < segs; i++, skb = skb->next)
			tcp_event_new_data_sent(sk, skb);
		if (tcp_in_cwnd_reduction(sk))
			tp->prr_out += segs;
		sent += segs;
		if (!prior_packets || icsk->icsk_pending == ICSK_TIME_LOSS_PROBE ||
		    !timer_pending(&icsk->icsk_retransmit_timer))
			tcp_rearm_rto(sk);
		if (push_one)
			break;
	}
	if (sent && push_one != 2)
		tcp_schedule_loss_probe(sk, false);
	if (tp->send_head && !tp->packets_out &&
	    !timer_pending(&icsk->icsk_retransmit_timer))
		tcp_reset_xmit_timer(sk, icsk->icsk_rto);
}

void tcp_write_xmit(struct sock *sk)
{
	__tcp_write_xmit(sk, 0);
}

/* The tail loss probe's new segment (tcp_write_xmit with push_one 2) */
void tcp_write_xmit_one(struct sock *sk)
{
	__tcp_write_xmit(sk, 2);
}

void tcp_push(struct sock *sk)
{
	if (tcp_sk(sk)->send_head)
		tcp_write_xmit(sk);
}

/* A segment carrying no data and nothing to retransmit: ACK, RST, probe. */
static void tcp_send_ctl(struct sock *sk, u32 seq, u8 flags)
{
	struct sk_buff *skb = tcp_alloc_skb(sk, 0);

	if (!skb)
		return;
	TCP_SKB_CB(skb)->seq = seq;
	TCP_SKB_CB(skb)->end_seq = seq;
	TCP_SKB_CB(skb)->tcp_flags = flags;
	tcp_transmit_skb(sk, skb);
	consume_skb(skb);
}

void tcp_send_ack(struct sock *sk)
{
	if (sk->sk_state == TCP_CLOSE)
		return;
	tcp_send_ctl(sk, tcp_sk(sk)->snd_nxt, TCPHDR_ACK);
}

/* tcp_send_delayed_ack(): at most tcp_delack_min later (40 ms) */
void tcp_send_delayed_ack(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	icsk->icsk_ack_pending = 1;
	if (!timer_pending(&icsk->icsk_delack_timer))
		mod_timer(&icsk->icsk_delack_timer, sk->sk_world->now + TCP_DELACK_MIN_NS);
}

/* RFC 5961 4.2/5.2: an ACK with our current numbers instead of obeying */
void tcp_send_challenge_ack(struct sock *sk)
{
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPCHALLENGEACK);
	tcp_send_ack(sk);
}

void tcp_send_active_reset(struct sock *sk)
{
	tcp_send_ctl(sk, tcp_sk(sk)->snd_nxt, TCPHDR_RST | TCPHDR_ACK);
	__TCP_INC_STATS(sock_net(sk), TCP_MIB_OUTRSTS);
}

/* tcp_xmit_probe_skb(): seq snd_una - 1 makes the peer answer with an ACK
 * that tells its current window (zero-window probe, keepalive). */
void tcp_send_probe0(struct sock *sk)
{
	tcp_send_ctl(sk, tcp_sk(sk)->snd_una - 1, TCPHDR_ACK);
}

static void tcp_queue_skb(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);

	__skb_queue_tail(&tp->sk_write_queue, skb);
	tp->sk_wmem_queued += (int)skb->len;
	tp->write_seq = TCP_SKB_CB(skb)->end_seq;
	if (!tp->send_head)
		tp->send_head = skb;
}

/* tcp_send_fin(): FIN rides on the last unsent skb, else a new one */
void tcp_send_fin(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *tail = skb_queue_empty(&tp->sk_write_queue) ? NULL :
			       tp->sk_write_queue.prev;

	if (tail && tp->send_head) {
		TCP_SKB_CB(tail)->tcp_flags |= TCPHDR_FIN;
		TCP_SKB_CB(tail)->end_seq++;
		tp->write_seq++;
	} else {
		struct sk_buff *skb = tcp_alloc_skb(sk, 0);

		if (!skb)
			return;
		TCP_SKB_CB(skb)->seq = tp->write_seq;
		TCP_SKB_CB(skb)->end_seq = tp->write_seq + 1;
		TCP_SKB_CB(skb)->tcp_flags = TCPHDR_FIN | TCPHDR_ACK;
		tcp_queue_skb(sk, skb);
	}
	tp->fin_sent = 1;
	tp->nonagle |= 2;
	tcp_write_xmit(sk);
}

/* tcp_mtup_init()/tcp_connect_init(): MSS from the route MTU − 40,
 * clamped by TCP_MAXSEG; window and its scale from the receive buffer. */
void tcp_mtup_init(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	unsigned int mtu = sk->sk_dst_cache ? dst_mtu(sk->sk_dst_cache) : 576;
	u32 space, ws = 0;

	tp->advmss = mtu - inet_csk(sk)->icsk_af_ops->net_header_len - 20;
	if (tp->user_mss && tp->user_mss < tp->advmss)
		tp->advmss = tp->user_mss;
	if (!(sk->sk_userlocks & SOCK_RCVBUF_LOCK))
		sk->sk_rcvbuf = tn->sysctl_tcp_rmem[1];
	if (!(sk->sk_userlocks & SOCK_SNDBUF_LOCK))
		sk->sk_sndbuf = tn->sysctl_tcp_wmem[1];
	tp->rcv_mss = tp->advmss;
	space = (u32)sk->sk_rcvbuf / 2;
	if (space > 65535)
		space = 65535;
	tp->rcv_wnd = space / tp->advmss * tp->advmss;
	if (!tp->rcv_wnd)
		tp->rcv_wnd = space;
	tp->rcv_ssthresh = tp->rcv_wnd;
	if (tp->wscale_ok) {
		u32 max = (u32)(sk->sk_userlocks & SOCK_RCVBUF_LOCK ? sk->sk_rcvbuf :
				tn->sysctl_tcp_rmem[2]);

		while (max > 65535 && ws < TCP_MAX_WSCALE) {
			max >>= 1;
			ws++;
		}
	}
	tp->rcv_wscale = (u8)ws;
}

/* tcp_connect(): the SYN goes out now and stays queued for retransmission */
int tcp_connect(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	struct sk_buff *skb;

	tp->wscale_ok = (u8)tn->sysctl_tcp_window_scaling;
	tp->tstamp_ok = (u8)tn->sysctl_tcp_timestamps;
	tp->sack_ok = (u8)tn->sysctl_tcp_sack;
	tcp_mtup_init(sk);
	tp->mss_cache = tp->advmss;
	tp->snd_una = tp->snd_nxt = tp->iss = tp->write_seq;
	tp->rcv_nxt = 0;
	tp->rcv_wup = 0;
	skb = tcp_alloc_skb(sk, 0);
	if (!skb)
		return -ENOBUFS;
	TCP_SKB_CB(skb)->seq = tp->write_seq;
	TCP_SKB_CB(skb)->end_seq = tp->write_seq + 1;
	TCP_SKB_CB(skb)->tcp_flags = TCPHDR_SYN;
	TCP_SKB_CB(skb)->when = sk->sk_world->now;
	tcp_queue_skb(sk, skb);
	tp->send_head = NULL;
	tp->snd_nxt = tp->write_seq;
	tp->packets_out = 1;
	tcp_transmit_skb(sk, skb);
	__TCP_INC_STATS(sock_net(sk), TCP_MIB_ACTIVEOPENS);
	tcp_reset_xmit_timer(sk, inet_csk(sk)->icsk_rto);
	return 0;
}

/* tcp_make_synack() for a child in SYN_RECV */
int tcp_send_synack(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb = tcp_alloc_skb(sk, 0);

	if (!skb)
		return -ENOBUFS;
	TCP_SKB_CB(skb)->seq = tp->write_seq;
	TCP_SKB_CB(skb)->end_seq = tp->write_seq + 1;
	TCP_SKB_CB(skb)->tcp_flags = TCPHDR_SYN | TCPHDR_ACK;
	TCP_SKB_CB(skb)->when = sk->sk_world->now;
	tcp_queue_skb(sk, skb);
	tp->send_head = NULL;
	tp->snd_nxt = tp->write_seq;
	tp->packets_out = 1;
	tcp_transmit_skb(sk, skb);
	tcp_reset_xmit_timer(sk, inet_csk(sk)->icsk_rto);
	return 0;
}

/* What a retransmission of skb records: its time, EVER_RETRANS, the counters */
static void tcp_retrans_mark(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

	skb_trace_note(skb, "tcp_retransmit_skb", NULL);
	cb->when = sk->sk_world->now;
	cb->sacked |= TCPCB_EVER_RETRANS;
	__TCP_INC_STATS(sock_net(sk), TCP_MIB_RETRANSSEGS);
	tcp_sk(sk)->total_retrans++;
	if (cb->tcp_flags & TCPHDR_SYN)
		__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPSYNRETRANS);
}

/* __tcp_retransmit_skb(): one sent skb again (cut to the MSS first); the
 * loss probe calls it directly, so its probe is not counted in flight */
int __tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!after(TCP_SKB_CB(skb)->end_seq, tp->snd_una))
		return -EINVAL;
	if (skb->len > tp->mss_cache && tcp_fragment(sk, skb, tp->mss_cache))
		return -ENOBUFS;
	tcp_retrans_mark(sk, skb);
	return tcp_transmit_skb(sk, skb);
}

/* tcp_rtx_tso_segs(): how many lost skbs from skb on go again as one TSO
 * packet (Linux retransmits a lost run of its rtx queue's TSO skb in one
 * packet): full-MSS, lost and not yet resent, at most room of them */
unsigned int tcp_rtx_tso_segs(struct sock *sk, struct sk_buff *skb, unsigned int room)
{
	struct tcp_sock *tp = tcp_sk(sk);
	const struct net_device *dev = sk->sk_dst_cache ? sk->sk_dst_cache->dev : NULL;
	unsigned int segs = 1, bytes = skb->len, max_bytes;

	if (!dev || !(dev->features & NETIF_F_TSO))
		return 1;
	max_bytes = (dev->gso_max_size < GSO_MAX_SIZE ? dev->gso_max_size : GSO_MAX_SIZE) -
		    MAX_TCP_HEADER_LEN;
	while (segs < room && segs < dev->gso_max_segs && skb->len == tp->mss_cache &&
	       !(TCP_SKB_CB(skb)->tcp_flags & (TCPHDR_SYN | TCPHDR_FIN))) {
		struct sk_buff *next = skb->next;

		if (next == tp->send_head || next == (struct sk_buff *)&tp->sk_write_queue ||
		    (TCP_SKB_CB(next)->sacked & (TCPCB_LOST | TCPCB_RETRANS | TCPCB_SACKED_ACKED)) !=
		    TCPCB_LOST || next->len > tp->mss_cache || bytes + next->len > max_bytes ||
		    (TCP_SKB_CB(next)->tcp_flags & TCPHDR_SYN))
			break;
		bytes += next->len;
		segs++;
		skb = next;
	}
	return segs;
}

/* tcp_retransmit_skb() for segs consecutive skbs in one packet: each is
 * in flight again (retrans_out) and counted for undo (undo_retrans, the
 * episode's first retransmission in undo_stamp) */
int tcp_retransmit_skbs(struct sock *sk, struct sk_buff *skb, unsigned int segs)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *it = skb;
	int err;

	if (!after(TCP_SKB_CB(skb)->end_seq, tp->snd_una))
		return 0;
	if (segs == 1 && skb->len > tp->mss_cache && tcp_fragment(sk, skb, tp->mss_cache))
		return -ENOBUFS;
	for (unsigned int i = 0; i < segs; i++, it = it->next)
		tcp_retrans_mark(sk, it);
	err = tcp_transmit_skbs(sk, skb, segs);
	if (!tp->undo_stamp)
		tp->undo_stamp = sk->sk_world->now;
	if (tp->undo_retrans < 0)
		tp->undo_retrans = 0;
	for (unsigned int i = 0; i < segs; i++, skb = skb->next) {
		if (!err && !(TCP_SKB_CB(skb)->sacked & TCPCB_RETRANS)) {
			TCP_SKB_CB(skb)->sacked |= TCPCB_RETRANS;
			tp->retrans_out++;
		}
		tp->undo_retrans++;
	}
	return err;
}

int tcp_retransmit_skb(struct sock *sk, struct sk_buff *skb)
{
	return tcp_retransmit_skbs(sk, skb, 1);
}
