/* TCP input (net/ipv4/tcp_input.c, tcp_minisocks.c): tcp_rcv_state_process()
 * follows RFC 9293 3.10.7 "SEGMENT ARRIVES" — SYN_SENT first, then for the
 * synchronized states: sequence check, RST (RFC 5961 challenge ACK when
 * in window but not exact), SYN (challenge ACK), ACK (tcp_ack: RTT per
 * RFC 6298, cwnd, fast retransmit on 3 dupacks, NewReno/SACK recovery),
 * data (tcp_data_queue with the out-of-order queue and SACK blocks), FIN.
 * The listener's SYN makes a child in SYN_RECV (tcp_conn_request). */
#include <errno.h>
#include <string.h>
#include <netinet/in.h>
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/tcp.h"
#include "net/trace.h"
#include "net/world.h"

void tcp_parse_options(const struct sk_buff *skb, struct tcp_options_received *opt)
{
	const struct tcphdr *th = tcp_hdr(skb);
	const u8 *p = (const u8 *)(th + 1);
	int len = th->doff * 4 - (int)sizeof(*th);

	memset(opt, 0, sizeof(*opt));
	while (len > 0) {
		u8 kind = *p, sz;

		if (kind == TCPOPT_EOL)
			break;
		if (kind == TCPOPT_NOP) {
			p++;
			len--;
			continue;
		}
		if (len < 2 || (sz = p[1]) < 2 || sz > len)
			break;
		if (kind == TCPOPT_MSS && sz == 4 && (th->flags & TCPHDR_SYN)) {
			opt->mss_clamp = (u16)(p[2] << 8 | p[3]);
		} else if (kind == TCPOPT_WINDOW && sz == 3 && (th->flags & TCPHDR_SYN)) {
			opt->wscale_ok = 1;
			opt->snd_wscale = p[2] > TCP_MAX_WSCALE ? TCP_MAX_WSCALE : p[2];
		} else if (kind == TCPOPT_SACK_PERM && sz == 2 && (th->flags & TCPHDR_SYN)) {
			opt->sack_ok = 1;
		} else if (kind == TCPOPT_TIMESTAMP && sz == 10) {
			opt->saw_tstamp = 1;
			opt->rcv_tsval = (u32)p[2] << 24 | (u32)p[3] << 16 | (u32)p[4] << 8 | p[5];
			opt->rcv_tsecr = (u32)p[6] << 24 | (u32)p[7] << 16 | (u32)p[8] << 8 | p[9];
		} else if (kind == TCPOPT_SACK && sz >= 10 && (sz - 2) % 8 == 0) {
			for (int i = 0; i < (sz - 2) / 8 && i < TCP_NUM_SACKS; i++) {
				const u8 *b = p + 2 + i * 8;

				opt->sack[i][0] = (u32)b[0] << 24 | (u32)b[1] << 16 | (u32)b[2] << 8 | b[3];
				opt->sack[i][1] = (u32)b[4] << 24 | (u32)b[5] << 16 | (u32)b[6] << 8 | b[7];
				opt->num_sacks = (u8)(i + 1);
			}
		}
		p += sz;
		len -= sz;
	}
}

/* tcp_reset(): the peer reset the connection */
void tcp_reset(struct sock *sk)
{
	switch (sk->sk_state) {
	case TCP_SYN_SENT:
		sk->sk_err = ECONNREFUSED;
		break;
	case TCP_CLOSE_WAIT:
		sk->sk_err = EPIPE;
		break;
	case TCP_CLOSE:
		return;
	default:
		sk->sk_err = ECONNRESET;
	}
	if (sk->sk_state == TCP_ESTABLISHED || sk->sk_state == TCP_CLOSE_WAIT)
		__TCP_INC_STATS(sock_net(sk), TCP_MIB_ESTABRESETS);
	sk->sk_error_report(sk);
	tcp_done(sk);
}

static void tcp_ack_update_window(struct sock *sk, const struct sk_buff *skb, u32 ack)
{
	struct tcp_sock *tp = tcp_sk(sk);
	const struct tcp_skb_cb *cb = TCP_SKB_CB(skb);
	u32 nwin = (u32)cb->window << tp->snd_wscale;

	/* tcp_may_update_window(): a window of zero is taken at once */
	if (after(ack, tp->snd_una) || after(cb->seq, tp->snd_wl1) ||
	    (cb->seq == tp->snd_wl1 && (nwin > tp->snd_wnd || !nwin))) {
		tp->snd_wl1 = cb->seq;
		tp->snd_wnd = nwin;
		if (nwin > tp->max_window)
			tp->max_window = nwin;
	}
}

/* sk_stream_is_writeable(): free send space at least half of what is queued */
bool tcp_stream_is_writeable(const struct sock *sk)
{
	int queued = tcp_sk(sk)->sk_wmem_queued;

	return sk->sk_sndbuf - queued >= queued / 2;
}

/* tcp_sndbuf_expand(): room for two congestion windows of data (at least
 * TCP_INIT_CWND and reordering + 1 segments), within tcp_wmem[2].  skbox
 * charges payload bytes, so a segment costs its MSS (Linux: its truesize). */
void tcp_sndbuf_expand(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	u32 nr_segs = tp->snd_cwnd > TCP_INIT_CWND ? tp->snd_cwnd : TCP_INIT_CWND;
	u64 sndmem;

	if ((u32)tn->sysctl_tcp_reordering + 1 > nr_segs)
		nr_segs = (u32)tn->sysctl_tcp_reordering + 1;
	sndmem = 2ull * nr_segs * tp->mss_cache;
	if (sndmem > (u64)tn->sysctl_tcp_wmem[2])
		sndmem = (u64)tn->sysctl_tcp_wmem[2];
	if ((u64)sk->sk_sndbuf < sndmem)
		sk->sk_sndbuf = (int)sndmem;
}

/* tcp_init_buffer_space(): at the start of the transfer */
void tcp_init_buffer_space(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!(sk->sk_userlocks & SOCK_SNDBUF_LOCK))
		tcp_sndbuf_expand(sk);
	tp->rcvq_space.space = tp->rcv_wnd < 10 * tp->advmss ? tp->rcv_wnd : 10 * tp->advmss;
	tp->rcvq_space.seq = tp->copied_seq;
	tp->rcvq_space.time = sk->sk_world->now;
}

/* tcp_rcv_space_adjust(): once per receive RTT, if the application read
 * more than last time, let the receive buffer (and so the window) grow to
 * carry twice that plus the growth, within tcp_rmem[2]
 * (net.ipv4.tcp_moderate_rcvbuf, not with SO_RCVBUF). */
void tcp_rcv_space_adjust(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	u64 rtt = tp->srtt_ns ? tp->srtt_ns : NSEC_PER_MSEC, rcvwin, rcvbuf;
	u32 copied;

	if (sk->sk_world->now - tp->rcvq_space.time < rtt)
		return;
	copied = tp->copied_seq - tp->rcvq_space.seq;
	if (copied <= tp->rcvq_space.space)
		goto new_measure;
	if (tn->sysctl_tcp_moderate_rcvbuf && !(sk->sk_userlocks & SOCK_RCVBUF_LOCK)) {
		rcvwin = ((u64)copied << 1) + 16ull * tp->advmss;
		rcvwin += (rcvwin * (copied - tp->rcvq_space.space) / tp->rcvq_space.space) << 1;
		rcvbuf = 2 * rcvwin;	/* tcp_space() offers half the buffer */
		if (rcvbuf > (u64)tn->sysctl_tcp_rmem[2])
			rcvbuf = (u64)tn->sysctl_tcp_rmem[2];
		if (rcvbuf > (u64)sk->sk_rcvbuf)
			sk->sk_rcvbuf = (int)rcvbuf;
	}
	tp->rcvq_space.space = copied;
new_measure:
	tp->rcvq_space.seq = tp->copied_seq;
	tp->rcvq_space.time = sk->sk_world->now;
}

/* tcp_new_space() → sk_stream_write_space(): an ACK freed send buffer;
 * grow it while the congestion window is not filled, and wake a writer
 * waiting in tcp_sendmsg or poll once there is room. */
static void tcp_check_space(struct sock *sk)
{
	if (!(sk->sk_userlocks & SOCK_SNDBUF_LOCK) &&
	    tcp_packets_in_flight(tcp_sk(sk)) < tcp_sk(sk)->snd_cwnd)
		tcp_sndbuf_expand(sk);
	if (sk->sk_socket && !(sk->sk_shutdown & SEND_SHUTDOWN) &&
	    tcp_stream_is_writeable(sk))
		wake_up(&sk->sk_wq);
}

/* tcp_ack(): returns -1 to drop the segment (ACK of unsent data).  The
 * window first, then the scoreboard and loss recovery (tcp_recovery.c). */
static int tcp_ack(struct sock *sk, struct sk_buff *skb, const struct tcp_options_received *o)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 ack = TCP_SKB_CB(skb)->ack_seq, prior_una = tp->snd_una, acked;
	u32 old_wnd = tp->snd_wnd;
	int flag = 0;

	if (before(ack, prior_una))
		return 0;
	if (after(ack, tp->snd_nxt)) {
		tcp_send_ack(sk);
		return -1;
	}
	if (o->saw_tstamp && o->rcv_tsecr && !tp->srtt_ns)
		tcp_rtt_estimator(sk, (u64)(tcp_time_stamp(sk) - o->rcv_tsecr) * NSEC_PER_MSEC);
	tp->ack_tsecr = o->saw_tstamp ? o->rcv_tsecr : 0;
	if (TCP_SKB_CB(skb)->seq != TCP_SKB_CB(skb)->end_seq)
		flag |= FLAG_DATA;
	tcp_ack_update_window(sk, skb, ack);
	if (tp->snd_wnd != old_wnd)
		flag |= FLAG_WIN_UPDATE;
	acked = tcp_ack_recovery(sk, o, ack, flag);
	if (acked)
		tcp_check_space(sk);
	return 0;
}

/* The SACK blocks to send, from the out-of-order queue, in Linux's order
 * (tcp_sack_new_ofo_skb, tcp_sack_remove; RFC 2018): the block holding the
 * segment that just arrived (recent) first, then the others as they were. */
static void tcp_sack_update(struct tcp_sock *tp, const struct sk_buff *recent)
{
	u32 blk[32][2], out[TCP_NUM_SACKS][2];
	bool used[32] = { false };
	struct sk_buff *skb;
	unsigned int n = 0, k = 0;

	for (skb = tp->out_of_order_queue.next;
	     skb != (struct sk_buff *)&tp->out_of_order_queue; skb = skb->next) {
		struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

		/* adjacent or overlapping (partly duplicated super-packets) */
		if (n && !after(cb->seq, blk[n - 1][1])) {
			if (after(cb->end_seq, blk[n - 1][1]))
				blk[n - 1][1] = cb->end_seq;
			continue;
		}
		if (n == 32)
			break;
		blk[n][0] = cb->seq;
		blk[n][1] = cb->end_seq;
		n++;
	}
	/* recent first, then the previous blocks' order, then the rest */
	for (int pass = 0; pass < 3; pass++) {
		for (unsigned int j = 0; j < (pass == 1 ? tp->num_sacks : 1u) && k < TCP_NUM_SACKS; j++) {
			for (unsigned int i = 0; i < n && k < TCP_NUM_SACKS; i++) {
				bool take;

				if (used[i])
					continue;
				if (pass == 0)
					take = recent && !before(TCP_SKB_CB(recent)->seq, blk[i][0]) &&
					       !after(TCP_SKB_CB(recent)->end_seq, blk[i][1]);
				else if (pass == 1)
					take = !before(tp->selective_acks[j][1], blk[i][0]) &&
					       !after(tp->selective_acks[j][0], blk[i][1]);
				else
					take = true;
				if (take) {
					used[i] = true;
					out[k][0] = blk[i][0];
					out[k][1] = blk[i][1];
					k++;
					if (pass != 2)
						break;
				}
			}
		}
	}
	memcpy(tp->selective_acks, out, sizeof(out[0]) * k);
	tp->num_sacks = (u8)k;
}

/* The segments after skb in the ofo queue that it covers whole go (a
 * super-packet over several older segments; tcp_data_queue_ofo's "remove
 * next skbs which are covered by skb").  A partial overlap stays: the
 * receive queue trims it when rcv_nxt reaches it. */
static void tcp_ofo_drop_covered(struct sock *sk, struct sk_buff *skb)
{
	struct sk_buff_head *q = &tcp_sk(sk)->out_of_order_queue;
	struct sk_buff *next;

	while ((next = skb->next) != (struct sk_buff *)q &&
	       !after(TCP_SKB_CB(next)->end_seq, TCP_SKB_CB(skb)->end_seq)) {
		__skb_unlink(next, q);
		sk->sk_rmem_alloc -= (int)next->len;
		kfree_skb_reason(next, SKB_DROP_REASON_TCP_OFOMERGE);
	}
}

/* tcp_data_queue_ofo(): keep a segment beyond a hole, sorted by seq */
static void tcp_data_queue_ofo(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff_head *q = &tp->out_of_order_queue;
	struct sk_buff *p;

	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPOFOQUEUE);
	for (p = q->prev; p != (struct sk_buff *)q; p = p->prev)
		if (!after(TCP_SKB_CB(p)->seq, TCP_SKB_CB(skb)->seq))
			break;
	if (p != (struct sk_buff *)q && !before(TCP_SKB_CB(p)->end_seq, TCP_SKB_CB(skb)->end_seq)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_OFOMERGE);
		return;
	}
	/* as tcp_data_queue(): a queued segment keeps no route nor device (a
	 * fuzz finding: one freed after its device, at teardown) */
	skb_dst_drop(skb);
	skb->dev = NULL;
	skb->prev = p;
	skb->next = p->next;
	p->next->prev = skb;
	p->next = skb;
	q->qlen++;
	sk->sk_rmem_alloc += (int)skb->len;
	tcp_ofo_drop_covered(sk, skb);
	tcp_sack_update(tp, skb);
}

static void tcp_queue_rcv(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 skip = tp->rcv_nxt - TCP_SKB_CB(skb)->seq;

	if (skip && skip <= skb->len)
		skb_pull(skb, skip);
	TCP_SKB_CB(skb)->seq = tp->rcv_nxt;
	tp->rcv_nxt = TCP_SKB_CB(skb)->end_seq;
	if (!skb->len) {
		consume_skb(skb);
		return;
	}
	skb_dst_drop(skb);
	skb->dev = NULL;
	sk->sk_rmem_alloc += (int)skb->len;
	__skb_queue_tail(&sk->sk_receive_queue, skb);
}

/* Segments of the ofo queue that the new rcv_nxt reaches (tcp_ofo_queue) */
static void tcp_ofo_queue(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	while ((skb = skb_peek(&tp->out_of_order_queue)) != NULL &&
	       !after(TCP_SKB_CB(skb)->seq, tp->rcv_nxt)) {
		__skb_unlink(skb, &tp->out_of_order_queue);
		sk->sk_rmem_alloc -= (int)skb->len;
		if (!after(TCP_SKB_CB(skb)->end_seq, tp->rcv_nxt)) {
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_OFOMERGE);
			continue;
		}
		tcp_queue_rcv(sk, skb);
	}
	tcp_sack_update(tp, NULL);
}

/* The ACK policy after data (__tcp_ack_snd_check): immediately in quickack
 * mode, with a hole, or after two full segments; else delayed. */
static void tcp_ack_snd_check(struct sock *sk, bool now)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);

	if (now || (icsk->icsk_ack_quick && !icsk->icsk_ack_pingpong) ||
	    tp->rcv_nxt - tp->rcv_wup > tp->rcv_mss ||
	    !skb_queue_empty(&tp->out_of_order_queue)) {
		if (icsk->icsk_ack_quick)
			icsk->icsk_ack_quick--;
		tcp_send_ack(sk);
		return;
	}
	tcp_send_delayed_ack(sk);
}

/* tcp_data_queue(): payload (and FIN) in sequence goes to the receive
 * queue; beyond a hole to the ofo queue; old data gets an immediate ACK. */
static void tcp_data_queue(struct sock *sk, struct sk_buff *skb, bool *fin)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

	skb_trace(skb, "tcp_data_queue");
	*fin = false;
	if (!after(cb->end_seq, tp->rcv_nxt)) {
		inet_csk(sk)->icsk_ack_pingpong = 0;	/* tcp_enter_quickack_mode() */
		/* tcp_dsack_set(): report the duplicate (net.ipv4.tcp_dsack=1) */
		if (tp->sack_ok && cb->seq != cb->end_seq) {
			tp->dsack = 1;
			tp->duplicate_sack[0] = cb->seq;
			tp->duplicate_sack[1] = cb->end_seq;
		}
		tcp_ack_snd_check(sk, true);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_OLD_DATA);
		return;
	}
	if (after(cb->seq, tp->rcv_nxt)) {
		tcp_data_queue_ofo(sk, skb);
		tcp_ack_snd_check(sk, true);
		return;
	}
	*fin = cb->tcp_flags & TCPHDR_FIN;
	if (skb->len)			/* tcp_event_data_recv() */
		inet_csk(sk)->icsk_ack_lrcvtime = sk->sk_world->now;
	/* tcp_grow_window(): only full-sized segments open the window further */
	if (skb->len >= tp->rcv_mss && tp->rcv_ssthresh < (u32)tcp_rcv_space(sk))
		tp->rcv_ssthresh += 2 * tp->rcv_mss;
	skb_trace(skb, "sk_data_ready");
	tcp_queue_rcv(sk, skb);
	if (!skb_queue_empty(&tp->out_of_order_queue)) {
		struct sk_buff *last = tp->out_of_order_queue.prev;
		bool ofo_fin = TCP_SKB_CB(last)->tcp_flags & TCPHDR_FIN;
		u32 last_end = TCP_SKB_CB(last)->end_seq;

		tcp_ofo_queue(sk);
		if (ofo_fin && tp->rcv_nxt == last_end)
			*fin = true;
	}
	if (!*fin)
		tcp_ack_snd_check(sk, false);
	sk->sk_data_ready(sk);
}

/* tcp_fin(): RFC 9293 3.10.7.4 eighth step */
static void tcp_fin(struct sock *sk)
{
	sk->sk_shutdown |= RCV_SHUTDOWN;
	switch (sk->sk_state) {
	case TCP_SYN_RECV:
	case TCP_ESTABLISHED:
		/* Linux enters pingpong mode: the FIN's ACK is delayed, so
		 * that our own FIN may carry it */
		tcp_set_state(sk, TCP_CLOSE_WAIT);
		inet_csk(sk)->icsk_ack_pingpong = 1;
		tcp_ack_snd_check(sk, false);
		sk->sk_data_ready(sk);
		return;
	case TCP_FIN_WAIT1:
		tcp_set_state(sk, TCP_CLOSING);
		break;
	case TCP_FIN_WAIT2:
		tcp_time_wait(sk);
		break;
	default:
		break;
	}
	tcp_send_ack(sk);
	sk->sk_data_ready(sk);
}

/* The options agreed on a SYN (tcp_rcv_synsent_state_process and
 * tcp_openreq_init) and the send MSS they give. */
static void tcp_apply_syn_options(struct sock *sk, const struct tcp_options_received *o)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 mss;

	tp->wscale_ok = tp->wscale_ok && o->wscale_ok;
	if (tp->wscale_ok)
		tp->snd_wscale = o->snd_wscale;
	else
		tp->snd_wscale = tp->rcv_wscale = 0;
	tp->sack_ok = tp->sack_ok && o->sack_ok;
	tp->tstamp_ok = tp->tstamp_ok && o->saw_tstamp;
	if (tp->tstamp_ok)
		tp->ts_recent = o->rcv_tsval;
	mss = o->mss_clamp ? o->mss_clamp : TCP_MSS_DEFAULT;
	if (mss > tp->advmss)
		mss = tp->advmss;
	if (tp->user_mss && mss > tp->user_mss)
		mss = tp->user_mss;
	tp->mss_cache = mss - (tp->tstamp_ok ? 12 : 0);
}

/* tcp_init_transfer(): the connection is established; start cwnd */
void tcp_init_transfer(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);

	tp->snd_cwnd = TCP_INIT_CWND;
	tp->snd_ssthresh = 0x7fffffff;
	icsk->icsk_ack_quick = 16;
	icsk->icsk_retransmits = 0;
	icsk->icsk_backoff = 0;
	if (icsk->icsk_rto > TCP_TIMEOUT_INIT_NS && !tp->srtt_ns)
		icsk->icsk_rto = TCP_TIMEOUT_INIT_NS;
	if (icsk->icsk_ca_ops->init)
		icsk->icsk_ca_ops->init(tp);
	tp->rcv_tstamp = sk->sk_world->now;
	tcp_init_buffer_space(sk);
	icsk->icsk_ack_lrcvtime = sk->sk_world->now;
	if (sk->sk_keepopen)
		tcp_set_keepalive_timer(sk);
}

static int tcp_rcv_synsent_state_process(struct sock *sk, struct sk_buff *skb,
					 const struct tcp_options_received *o)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);
	u32 acked;

	if (cb->tcp_flags & TCPHDR_ACK) {
		if (!after(cb->ack_seq, tp->iss) || after(cb->ack_seq, tp->snd_nxt)) {
			if (!(cb->tcp_flags & TCPHDR_RST))
				tcp_v4_send_reset(sk, skb);
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_ACK_UNSENT_DATA);
			return 0;
		}
		if (cb->tcp_flags & TCPHDR_RST) {
			tcp_reset(sk);
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_RESET);
			return 0;
		}
		if (!(cb->tcp_flags & TCPHDR_SYN)) {
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
			return 0;
		}
		tp->irs = cb->seq;
		tp->rcv_nxt = tp->rcv_wup = cb->seq + 1;
		tp->copied_seq = tp->rcv_nxt;
		tcp_apply_syn_options(sk, o);
		tp->snd_wl1 = cb->seq;
		tp->snd_wnd = (u32)cb->window;
		tp->max_window = tp->snd_wnd;
		tp->snd_una = cb->ack_seq;
		tcp_clean_rtx_queue(sk, cb->ack_seq, cb->ack_seq, &acked);
		tcp_rearm_rto(sk);
		tcp_set_state(sk, TCP_ESTABLISHED);
		tcp_init_transfer(sk);
		tcp_send_ack(sk);
		sk->sk_data_ready(sk);
		consume_skb(skb);
		tcp_push(sk);
		return 0;
	}
	/* Simultaneous open (RFC 9293 3.10.7.3, fourth check): a SYN without
	 * ACK.  Linux (tcp_rcv_synsent_state_process) moves to SYN_RECV and
	 * sends its SYN again as a SYN-ACK, same ISN; the peer's SYN-ACK or
	 * ACK then establishes the connection. */
	if ((cb->tcp_flags & (TCPHDR_SYN | TCPHDR_RST)) == TCPHDR_SYN) {
		struct sk_buff *syn = skb_peek(&tp->sk_write_queue);

		tp->irs = cb->seq;
		tp->rcv_nxt = tp->rcv_wup = tp->copied_seq = cb->seq + 1;
		tcp_apply_syn_options(sk, o);
		tp->snd_wl1 = cb->seq;
		tp->snd_wnd = (u32)cb->window;
		tp->max_window = tp->snd_wnd;
		tcp_set_state(sk, TCP_SYN_RECV);
		if (syn && (TCP_SKB_CB(syn)->tcp_flags & TCPHDR_SYN)) {
			TCP_SKB_CB(syn)->tcp_flags |= TCPHDR_ACK;
			tcp_transmit_skb(sk, syn);
		}
		consume_skb(skb);
		return 0;
	}
	kfree_skb_reason(skb, cb->tcp_flags & TCPHDR_RST ? SKB_DROP_REASON_TCP_RESET :
			 SKB_DROP_REASON_TCP_FLAGS);
	return 0;
}

/* tcp_sequence(): does the segment overlap the receive window? */
static bool tcp_sequence(const struct tcp_sock *tp, u32 seq, u32 end_seq)
{
	return !before(end_seq, tp->rcv_wup) && !after(seq, tp->rcv_nxt + tp->rcv_wnd);
}

/* Steps 1–4 of SEGMENT ARRIVES: returns true when the segment was consumed */
static bool tcp_validate_incoming(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

	if (!tcp_sequence(tp, cb->seq, cb->end_seq)) {
		if (!(cb->tcp_flags & TCPHDR_RST))
			tcp_send_ack(sk);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_INVALID_SEQUENCE);
		return true;
	}
	if (cb->tcp_flags & TCPHDR_RST) {
		if (cb->seq == tp->rcv_nxt || sk->sk_state == TCP_SYN_RECV)
			tcp_reset(sk);
		else
			tcp_send_challenge_ack(sk);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_RESET);
		return true;
	}
	if ((cb->tcp_flags & TCPHDR_SYN) && sk->sk_state != TCP_SYN_RECV) {
		__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPSYNCHALLENGE);
		tcp_send_challenge_ack(sk);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_INVALID_SYN);
		return true;
	}
	if (!(cb->tcp_flags & TCPHDR_ACK)) {
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
		return true;
	}
	return false;
}

/* A child's handshake completes: to the listener's accept queue */
void tcp_child_established(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_sock *lp = tp->parent;

	tcp_set_state(sk, TCP_ESTABLISHED);
	tcp_init_transfer(sk);
	if (!lp)
		return;
	list_del(&tp->accept_node);
	lp->icsk.icsk_syn_len--;
	list_add_tail(&tp->accept_node, &lp->icsk.icsk_accept_queue);
	lp->icsk.icsk_accept_len++;
	lp->icsk.sk.sk_data_ready(&lp->icsk.sk);
}

/* Step 5 for the states that wait for our SYN or FIN to be acked */
static bool tcp_ack_state_change(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);
	bool fin_acked = tp->fin_sent && tp->snd_una == tp->write_seq;

	switch (sk->sk_state) {
	case TCP_SYN_RECV:
		if (!after(cb->ack_seq, tp->iss) || after(cb->ack_seq, tp->snd_nxt)) {
			tcp_v4_send_reset(sk, skb);
			kfree_skb_reason(skb, SKB_DROP_REASON_TCP_ACK_UNSENT_DATA);
			return true;
		}
		tp->snd_wnd = (u32)cb->window << tp->snd_wscale;
		tp->snd_wl1 = cb->seq;
		tcp_child_established(sk);
		/* the SYN-ACK of a simultaneous open: its SYN is a duplicate,
		 * which Linux's tcp_data_queue reports in a D-SACK block and
		 * acknowledges at once */
		if (cb->tcp_flags & TCPHDR_SYN) {
			if (tp->sack_ok) {
				tp->dsack = 1;
				tp->duplicate_sack[0] = cb->seq;
				tp->duplicate_sack[1] = cb->end_seq;
			}
			tcp_send_ack(sk);
		}
		break;
	case TCP_FIN_WAIT1:
		if (fin_acked) {
			tcp_set_state(sk, TCP_FIN_WAIT2);
			sk->sk_shutdown |= SEND_SHUTDOWN;
			if (!sk->sk_socket)
				mod_timer(&inet_csk(sk)->sk_timer, sk->sk_world->now +
					  (u64)tcp_pernet(sock_net(sk))->sysctl_tcp_fin_timeout *
					  NSEC_PER_SEC);
			sk->sk_data_ready(sk);
		}
		break;
	case TCP_CLOSING:
		if (fin_acked)
			tcp_time_wait(sk);
		break;
	case TCP_LAST_ACK:
		if (fin_acked) {
			tcp_done(sk);
			consume_skb(skb);
			return true;
		}
		break;
	case TCP_TIME_WAIT:
		if (cb->tcp_flags & TCPHDR_FIN) {
			tcp_send_ack(sk);
			mod_timer(&inet_csk(sk)->sk_timer, sk->sk_world->now + TCP_TIMEWAIT_LEN_NS);
		}
		consume_skb(skb);
		return true;
	default:
		break;
	}
	return false;
}

static bool tcp_accepts_data(const struct sock *sk)
{
	return sk->sk_state == TCP_ESTABLISHED || sk->sk_state == TCP_FIN_WAIT1 ||
	       sk->sk_state == TCP_FIN_WAIT2;
}

/* tcp_rcv_state_process() / tcp_rcv_established(): every state but LISTEN */
int tcp_rcv_state_process(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_options_received o;
	bool fin = false;

	skb_trace(skb, sk->sk_state == TCP_ESTABLISHED ? "tcp_rcv_established" :
		  "tcp_rcv_state_process");
	tcp_parse_options(skb, &o);
	if (sk->sk_state == TCP_SYN_SENT)
		return tcp_rcv_synsent_state_process(sk, skb, &o);
	if (sk->sk_state == TCP_CLOSE) {
		tcp_v4_send_reset(sk, skb);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_CLOSE);
		return 0;
	}
	if (tcp_validate_incoming(sk, skb))
		return 0;
	tp->rcv_tstamp = sk->sk_world->now;
	if (o.saw_tstamp && tp->tstamp_ok && !after(TCP_SKB_CB(skb)->seq, tp->rcv_wup))
		tp->ts_recent = o.rcv_tsval;
	if (tcp_ack(sk, skb, &o) < 0) {
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_ACK_UNSENT_DATA);
		return 0;
	}
	if (tcp_ack_state_change(sk, skb))
		return 0;
	skb_pull(skb, (unsigned int)tcp_hdr(skb)->doff * 4);
	if (!skb->len && !(TCP_SKB_CB(skb)->tcp_flags & TCPHDR_FIN)) {
		__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPPUREACKS);
		consume_skb(skb);
		tcp_push(sk);
		return 0;
	}
	if (!tcp_accepts_data(sk)) {
		consume_skb(skb);
		return 0;
	}
	if ((sk->sk_shutdown & RCV_SHUTDOWN) && !sk->sk_socket && skb->len &&
	    after(TCP_SKB_CB(skb)->end_seq - 1, tp->rcv_nxt)) {
		__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONDATA);
		/* Linux returns 1 to tcp_v4_do_rcv, which answers the segment
		 * with tcp_v4_send_reset(): RST at its ack number, no ACK */
		tcp_v4_send_reset(sk, skb);
		tcp_reset(sk);
		kfree_skb_reason(skb, SKB_DROP_REASON_TCP_CLOSE);
		return 0;
	}
	tcp_data_queue(sk, skb, &fin);
	if (fin)
		tcp_fin(sk);
	tcp_push(sk);
	return 0;
}

/* tcp_create_openreq_child(): a socket for the connection a SYN (or a
 * valid cookie ACK) asks the listener for, with the listener's settings */
struct sock *tcp_create_openreq_child(struct sock *lsk, struct sk_buff *skb)
{
	struct tcp_sock *tp;
	struct sock *sk = sk_alloc(sock_net(lsk), lsk->sk_family, lsk->sk_prot);

	if (!sk)
		return NULL;
	tp = tcp_sk(sk);
	lsk->sk_prot->init(sk);
	sk->sk_type = SOCK_STREAM;
	sk->sk_protocol = IPPROTO_TCP;
	sk->sk_reuse = lsk->sk_reuse;
	sk->sk_reuseport = lsk->sk_reuseport;
	sk->sk_uid = lsk->sk_uid;
	sk->sk_userlocks = lsk->sk_userlocks;
	sk->sk_rcvbuf = lsk->sk_rcvbuf;
	sk->sk_sndbuf = lsk->sk_sndbuf;
	sk->sk_keepopen = lsk->sk_keepopen;
	sk->uc_ttl = lsk->uc_ttl;
	sk->tos = lsk->tos;
	sk->tclass = lsk->tclass;	/* the ipv6_pinfo copy */
	sk->rxtclass = lsk->rxtclass;
	sk->rxflow = lsk->rxflow;
	inet_csk(sk)->icsk_ca_ops = inet_csk(lsk)->icsk_ca_ops;
	tp->nonagle = tcp_sk(lsk)->nonagle;
	tp->user_mss = tcp_sk(lsk)->user_mss;
	inet_csk(sk)->icsk_af_ops->syn_recv_addrs(sk, skb);
	sk->inet_dport = tcp_hdr(skb)->source;
	sk->inet_num = lsk->inet_num;
	sk->inet_sport = lsk->inet_sport;
	return sk;
}

/* tcp_conn_request(): a SYN for a listener makes a child in SYN_RECV that
 * answers with a SYN-ACK.  A full accept queue drops the SYN
 * (ListenOverflows, ListenDrops); a full SYN queue answers with a SYN
 * cookie when net.ipv4.tcp_syncookies allows, else drops. */
int tcp_conn_request(struct sock *lsk, struct sk_buff *skb)
{
	struct inet_connection_sock *licsk = inet_csk(lsk);
	struct tcp_net *tn = tcp_pernet(sock_net(lsk));
	struct tcp_options_received o;
	bool want_cookie = tn->sysctl_tcp_syncookies == 2;
	struct sock *sk;

	if (licsk->icsk_accept_len > licsk->sk_max_ack_backlog) {	/* sk_acceptq_is_full() */
		__NET_INC_STATS(sock_net(lsk), LINUX_MIB_LISTENOVERFLOWS);
		goto drop;
	}
	/* inet_csk_reqsk_queue_is_full(): more than the backlog */
	if (licsk->icsk_syn_len > licsk->sk_max_ack_backlog ||
	    licsk->icsk_syn_len >= tn->sysctl_tcp_max_syn_backlog) {
		if (!tn->sysctl_tcp_syncookies)
			goto drop;
		want_cookie = true;
	}
	tcp_parse_options(skb, &o);
	sk = tcp_create_openreq_child(lsk, skb);
	if (!sk) {
		kfree_skb_reason(skb, SKB_DROP_REASON_NOMEM);
		return 0;
	}
	if (want_cookie) {
		tcp_sk(lsk)->synq_overflow_ts = lsk->sk_world->now + 1;
		return cookie_v4_send_synack(lsk, sk, skb, &o);
	}
	return tcp_child_init(lsk, sk, skb, &o);
drop:
	__NET_INC_STATS(sock_net(lsk), LINUX_MIB_LISTENDROPS);
	kfree_skb_reason(skb, SKB_DROP_REASON_TCP_FLAGS);
	return 0;
}

int tcp_child_route(struct sock *lsk, struct sock *sk)
{
	return inet_csk(sk)->icsk_af_ops->rebuild_header(lsk, sk);
}

/* inet_csk_route_child_sock() */
int tcp_v4_child_route(struct sock *lsk, struct sock *sk)
{
	struct flowi4 fl4 = { 0 };
	struct rtable *rt;
	int err;

	fl4.daddr = sk->inet_daddr;
	fl4.saddr = sk->inet_saddr;
	fl4.flowi4_proto = IPPROTO_TCP;
	fl4.flowi4_oif = lsk->sk_bound_dev_if;
	rt = ip_route_output_flow(sock_net(sk), &fl4, sk, &err);
	if (!rt)
		return err;
	sk->sk_dst_cache = &rt->dst;
	return 0;
}

/* tcp_openreq_init() + tcp_v4_send_synack() */
int tcp_child_init(struct sock *lsk, struct sock *sk, struct sk_buff *skb,
		   const struct tcp_options_received *o)
{
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

	if (tcp_child_route(lsk, sk)) {
		tcp_destroy_sock(sk);
		kfree_skb_reason(skb, SKB_DROP_REASON_IP_OUTNOROUTES);
		return 0;
	}
	tp->wscale_ok = (u8)tn->sysctl_tcp_window_scaling;
	tp->tstamp_ok = (u8)tn->sysctl_tcp_timestamps;
	tp->sack_ok = (u8)tn->sysctl_tcp_sack;
	tcp_mtup_init(sk);
	tcp_apply_syn_options(sk, o);
	/* the SYN-ACK's window is a multiple of the MSS less the options */
	if (tp->rcv_wnd >= tp->mss_cache) {
		u32 sp = (u32)sk->sk_rcvbuf / 2 > 65535 ? 65535 : (u32)sk->sk_rcvbuf / 2;

		tp->rcv_wnd = tp->rcv_ssthresh = sp / tp->mss_cache * tp->mss_cache;
	}
	tp->irs = cb->seq;
	tp->rcv_nxt = tp->rcv_wup = tp->copied_seq = cb->seq + 1;
	tp->snd_wnd = cb->window;
	tp->snd_wl1 = cb->seq;
	tp->iss = tp->write_seq = world_random_u32(sock_net(sk)->world);
	tp->snd_una = tp->snd_nxt = tp->iss;
	tp->tsoffset = world_random_u32(sock_net(sk)->world);
	sk->inet_id = (u16)world_random_u32(sock_net(sk)->world);
	tp->parent = tcp_sk(lsk);
	list_add_tail(&tp->accept_node, &inet_csk(lsk)->icsk_syn_queue);
	inet_csk(lsk)->icsk_syn_len++;
	list_add_tail(&tp->bind_node, &tn->bhash);
	tcp_set_state(sk, TCP_SYN_RECV);
	inet_ehash_insert(sk);
	__TCP_INC_STATS(sock_net(sk), TCP_MIB_PASSIVEOPENS);
	consume_skb(skb);
	tcp_send_synack(sk);
	return 0;
}
