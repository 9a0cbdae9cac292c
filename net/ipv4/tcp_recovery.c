/* TCP loss recovery (net/ipv4/tcp_recovery.c, and the loss-recovery half
 * of tcp_input.c and the TLP of tcp_output.c, kept here so that the files
 * stay small).  tcp_ack() → tcp_ack_recovery():
 *
 *   tcp_sacktag / tcp_clean_rtx_queue: the scoreboard (SACKED, LOST,
 *   RETRANS marks), tcp_rack_advance (the newest delivered skb and its
 *   RTT), DSACKs, reordering;
 *   tcp_fastretrans_alert: the Open/Disorder/CWR/Recovery/Loss machine;
 *   RACK (RFC 8985, net.ipv4.tcp_recovery = 1) marks lost every skb sent
 *   before a delivered one and not delivered within RTT + reo_wnd, the
 *   rest wait on the reorder timer (ICSK_TIME_REO_TIMEOUT); without SACK
 *   NewReno, with tcp_recovery 0 RFC 6675's DupThresh scoreboard;
 *   undo (DSACK, timestamps, F-RTO per RFC 5682) of needless reductions;
 *   tcp_cong_control: PRR (RFC 6937) in recovery, cwnd growth outside;
 *   tcp_xmit_recovery: the lost segments again, or F-RTO's new data.
 *
 *   tcp_write_xmit / tcp_ack → tcp_schedule_loss_probe: PTO = 2 SRTT (+ the
 *   delayed-ACK allowance with one segment out), never after the RTO;
 *   ICSK_TIME_LOSS_PROBE → tcp_send_loss_probe sends new data or the last
 *   segment again, so that a tail loss gets SACK feedback instead of an RTO.
 *
 * Times are the world's virtual nanoseconds (Linux: microseconds). */
#include "net/net_namespace.h"
#include "net/tcp.h"
#include "net/world.h"

#define TCP_TIMEOUT_MIN_NS (2 * NSEC_PER_USEC)	/* TCP_TIMEOUT_MIN_US */

static u64 tcp_min_rtt(const struct tcp_sock *tp)
{
	return tp->min_rtt_ns ? tp->min_rtt_ns : ~0ull;
}

/* tcp_skb_sent_after(): t1/seq1 left after t2/seq2 (ties by sequence) */
static bool tcp_skb_sent_after(u64 t1, u64 t2, u32 seq1, u32 seq2)
{
	return t1 > t2 || (t1 == t2 && after(seq1, seq2));
}

/* tcp_rack_reo_wnd(): no reordering seen yet, be aggressive in recovery
 * or once DupThresh segments are SACKed; else min_rtt/4 per step
 * (steps grow with DSACKs), at most SRTT (RFC 8985 6.2 step 4). */
static u64 tcp_rack_reo_wnd(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	int recovery = tcp_pernet(sock_net(sk))->sysctl_tcp_recovery;
	u64 wnd;

	if (!tp->reord_seen) {
		if (inet_csk(sk)->icsk_ca_state >= TCP_CA_Recovery)
			return 0;
		if (tp->sacked_out >= tp->reordering && !(recovery & TCP_RACK_NO_DUPTHRESH))
			return 0;
	}
	if (!tp->min_rtt_ns)
		return 0;
	wnd = (tp->min_rtt_ns >> 2) * tp->rack.reo_wnd_steps;
	return wnd < tp->srtt_ns ? wnd : tp->srtt_ns;
}

/* tcp_rack_detect_loss() (RFC 8985 6.2 step 5).  Linux walks a list
 * sorted by send time; skbox walks the sent part of the write queue,
 * which holds the same skbs in sequence order. */
static void tcp_rack_detect_loss(struct sock *sk, u64 *reo_timeout)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u64 reo_wnd = tcp_rack_reo_wnd(sk), now = sk->sk_world->now;
	struct sk_buff *skb;

	*reo_timeout = 0;
	for (skb = tp->sk_write_queue.next; skb != tp->send_head &&
	     skb != (struct sk_buff *)&tp->sk_write_queue; skb = skb->next) {
		struct tcp_skb_cb *scb = TCP_SKB_CB(skb);
		s64 remaining;

		if (!tcp_skb_sent_after(tp->rack.mstamp, scb->when, tp->rack.end_seq, scb->end_seq)) {
			/* an original sent after RACK's skb: so are all that follow
			 * but retransmissions (Linux's time-sorted list ends here) */
			if (!(scb->sacked & (TCPCB_RETRANS | TCPCB_EVER_RETRANS)))
				break;
			continue;
		}
		if (scb->sacked & TCPCB_SACKED_ACKED)
			continue;
		/* lost and not yet sent again */
		if ((scb->sacked & TCPCB_LOST) && !(scb->sacked & TCPCB_RETRANS))
			continue;
		/* lost when not delivered within the RTT plus the window */
		remaining = (s64)(tp->rack.rtt_ns + reo_wnd) - (s64)(now - scb->when);
		if (remaining <= 0)
			tcp_mark_skb_lost(sk, skb);
		else if ((u64)remaining > *reo_timeout)
			*reo_timeout = (u64)remaining;
	}
}

/* tcp_rack_mark_lost(): after an ACK that advanced RACK; true when the
 * reorder timer now waits for some */
bool tcp_rack_mark_lost(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u64 timeout;

	if (!tp->rack.advanced)
		return false;
	tp->rack.advanced = 0;
	tcp_rack_detect_loss(sk, &timeout);
	if (timeout)
		inet_csk_reset_xmit_timer(sk, ICSK_TIME_REO_TIMEOUT, timeout + TCP_TIMEOUT_MIN_NS);
	return timeout != 0;
}

/* tcp_rack_advance(): a delivered skb sent at xmit_time.  A retransmitted
 * one that comes back faster than min_rtt may be its original's ACK:
 * ambiguous, ignored (RFC 8985 6.2 step 2). */
void tcp_rack_advance(struct tcp_sock *tp, u8 sacked, u32 end_seq, u64 xmit_time, u64 now)
{
	u64 rtt = now - xmit_time;

	if (rtt < tcp_min_rtt(tp) && (sacked & (TCPCB_RETRANS | TCPCB_EVER_RETRANS)))
		return;
	tp->rack.advanced = 1;
	tp->rack.rtt_ns = rtt;
	if (tcp_skb_sent_after(xmit_time, tp->rack.mstamp, end_seq, tp->rack.end_seq)) {
		tp->rack.mstamp = xmit_time;
		tp->rack.end_seq = end_seq;
	}
}

/* tcp_rack_reo_timeout(): the reorder timer fired; what is still not
 * delivered is lost now, which starts recovery (with PRR's first step)
 * if it is not on yet. */
void tcp_rack_reo_timeout(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 prior_inflight = tcp_packets_in_flight(tp), lost = tp->lost_out;
	u64 timeout;

	tcp_rack_detect_loss(sk, &timeout);
	if (prior_inflight != tcp_packets_in_flight(tp)) {
		if (inet_csk(sk)->icsk_ca_state != TCP_CA_Recovery) {
			tcp_enter_recovery(sk);
			tcp_cwnd_reduction(sk, 1, tp->lost_out - lost, false);
		}
		tcp_xmit_retransmit_queue(sk);
	}
	if (inet_csk(sk)->icsk_pending != ICSK_TIME_RETRANS)
		tcp_rearm_rto(sk);
}

/* tcp_rack_update_reo_wnd(): a DSACK (a spurious retransmission) grows the
 * window one step, at most once per round trip; it goes back to one step
 * after TCP_RACK_RECOVERY_THRESH recoveries without one.  (Linux counts
 * the round trip in delivered segments; skbox in SRTT.) */
void tcp_rack_update_reo_wnd(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u64 now = sk->sk_world->now;

	if (tcp_pernet(sock_net(sk))->sysctl_tcp_recovery & TCP_RACK_STATIC_REO_WND)
		return;
	if (tp->rack.dsack_seen && tp->rack.last_adjust &&
	    now - tp->rack.last_adjust < tp->srtt_ns)
		tp->rack.dsack_seen = 0;
	if (tp->rack.dsack_seen) {
		if (tp->rack.reo_wnd_steps < 0xff)
			tp->rack.reo_wnd_steps++;
		tp->rack.dsack_seen = 0;
		tp->rack.last_adjust = now;
		tp->rack.reo_wnd_persist = TCP_RACK_RECOVERY_THRESH;
	} else if (!tp->rack.reo_wnd_persist) {
		tp->rack.reo_wnd_steps = 1;
	}
}

/* tcp_schedule_loss_probe(): SACK connections in Open or CWR with data
 * out (net.ipv4.tcp_early_retrans 3 or 4) arm the probe timer instead of
 * the RTO: 2 SRTT, plus tcp_rto_min for a lone segment (the peer may
 * delay its ACK), or TCP_TIMEOUT_INIT without an RTT; never later than
 * the RTO would fire. */
bool tcp_schedule_loss_probe(struct sock *sk, bool advancing_rto)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	int early = tcp_pernet(sock_net(sk))->sysctl_tcp_early_retrans;
	u64 timeout;
	s64 rto_delta;

	if ((early != 3 && early != 4) || !tp->packets_out || !tp->sack_ok ||
	    (icsk->icsk_ca_state != TCP_CA_Open && icsk->icsk_ca_state != TCP_CA_CWR) ||
	    (sk->sk_state != TCP_ESTABLISHED && sk->sk_state != TCP_CLOSE_WAIT &&
	     sk->sk_state != TCP_FIN_WAIT1 && sk->sk_state != TCP_CLOSING &&
	     sk->sk_state != TCP_LAST_ACK))
		return false;
	if (tp->srtt_ns) {
		timeout = 2 * tp->srtt_ns;
		timeout += tp->packets_out == 1 ? TCP_RTO_MIN_NS : TCP_TIMEOUT_MIN_NS;
	} else {
		timeout = TCP_TIMEOUT_INIT_NS;
	}
	rto_delta = advancing_rto ? (s64)icsk->icsk_rto : tcp_rto_delta(sk);
	if (rto_delta > 0 && (u64)rto_delta < timeout)
		timeout = (u64)rto_delta;
	inet_csk_reset_xmit_timer(sk, ICSK_TIME_LOSS_PROBE, timeout);
	return true;
}

/* The last sent skb, cut to its last MSS (the probe is one segment). */
static struct sk_buff *tcp_loss_probe_skb(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb = tp->send_head ? tp->send_head->prev : tp->sk_write_queue.prev;

	if (skb == (struct sk_buff *)&tp->sk_write_queue)
		return NULL;
	if (skb->len > tp->mss_cache) {
		u32 cut = (skb->len - 1) / tp->mss_cache * tp->mss_cache;

		if (tcp_fragment(sk, skb, cut))
			return NULL;
		skb = skb->next;
	}
	return skb;
}

/* tcp_send_loss_probe(): the probe timer fired.  At most one probe is
 * out; new data goes if the peer's window takes it (whatever cwnd),
 * else the last segment again.  Either way the RTO is re-armed. */
void tcp_send_loss_probe(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	if (tp->tlp_high_seq)
		goto rearm_timer;
	tp->tlp_retrans = 0;
	skb = tp->send_head;
	if (skb && !after(TCP_SKB_CB(skb)->seq + (skb->len < tp->mss_cache ? skb->len :
						   tp->mss_cache), tp->snd_una + tp->snd_wnd)) {
		u32 pcount = tp->packets_out;

		tcp_write_xmit_one(sk);
		if (tp->packets_out > pcount)
			goto probe_sent;
		goto rearm_timer;
	}
	skb = tcp_loss_probe_skb(sk);
	if (!skb || __tcp_retransmit_skb(sk, skb))
		goto rearm_timer;
	tp->tlp_retrans = 1;
probe_sent:
	tp->tlp_high_seq = tp->snd_nxt;
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPLOSSPROBES);
	inet_csk(sk)->icsk_pending = 0;	/* tcp_rearm_rto starts a whole RTO from now */
rearm_timer:
	tcp_rearm_rto(sk);
}

enum { REXMIT_NONE, REXMIT_LOST, REXMIT_NEW };

bool tcp_is_sack_rack(const struct sock *sk)
{
	return tcp_sk(sk)->sack_ok &&
	       (tcp_pernet(sock_net(sk))->sysctl_tcp_recovery & TCP_RACK_LOSS_DETECTION);
}

static bool tcp_skb_sent(const struct tcp_sock *tp, const struct sk_buff *skb)
{
	return skb != tp->send_head && skb != (const struct sk_buff *)&tp->sk_write_queue;
}

/* tcp_highest_sack_seq(): the forward-most SACKed byte, snd_una without */
static u32 tcp_highest_sack_seq(const struct tcp_sock *tp)
{
	return tp->sacked_out && after(tp->fack, tp->snd_una) ? tp->fack : tp->snd_una;
}

/* tcp_check_sack_reordering(): low_seq was delivered after data above
 * it: reordering, as deep as the distance to the highest SACK */
static void tcp_check_sack_reordering(struct sock *sk, u32 low_seq)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 fack = tcp_highest_sack_seq(tp), mss = tp->mss_cache, metric;

	if (!before(low_seq, fack) || !mss)
		return;
	metric = fack - low_seq;
	if (metric > tp->reordering * mss)
		tp->reordering = (metric + mss - 1) / mss < TCP_MAX_REORDERING ?
				 (metric + mss - 1) / mss : TCP_MAX_REORDERING;
	tp->reord_seen++;
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPSACKREORDER);
}

/* RFC 6298 2.2/2.3 with Linux's floor: RTO = SRTT + max(4 RTTVAR, rto_min) */
/* tcp_set_rto(): RFC 6298 2.3 with Linux's floor: SRTT + max(4 RTTVAR, rto_min) */
static void tcp_set_rto(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u64 var = 4 * tp->mdev_ns < TCP_RTO_MIN_NS ? TCP_RTO_MIN_NS : 4 * tp->mdev_ns;

	if (!tp->srtt_ns)
		return;
	inet_csk(sk)->icsk_rto = tp->srtt_ns + var;
	if (inet_csk(sk)->icsk_rto > TCP_RTO_MAX_NS)
		inet_csk(sk)->icsk_rto = TCP_RTO_MAX_NS;
}

void tcp_rtt_estimator(struct sock *sk, u64 m)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tp->min_rtt_ns || m < tp->min_rtt_ns)
		tp->min_rtt_ns = m;
	if (!tp->srtt_ns) {
		tp->srtt_ns = m;
		tp->mdev_ns = m / 2;
	} else {
		u64 d = m > tp->srtt_ns ? m - tp->srtt_ns : tp->srtt_ns - m;

		tp->mdev_ns = (3 * tp->mdev_ns + d) / 4;
		tp->srtt_ns = (7 * tp->srtt_ns + m) / 8;
	}
	tcp_set_rto(sk);
}

/* One fully ACKed skb leaves the scoreboard (tcp_clean_rtx_queue's loop) */
static int tcp_ack_one_skb(struct sock *sk, struct sk_buff *skb, u32 *reord, u64 *sample,
			   bool *sample_ok)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);
	u8 sacked = cb->sacked;
	int flag = cb->tcp_flags & TCPHDR_SYN ? FLAG_SYN_ACKED : FLAG_DATA_ACKED;

	if (sacked & (TCPCB_RETRANS | TCPCB_EVER_RETRANS)) {
		if (sacked & TCPCB_RETRANS)
			tp->retrans_out--;
		flag |= FLAG_RETRANS_DATA_ACKED;
	} else if (!(sacked & TCPCB_SACKED_ACKED)) {
		*sample = sk->sk_world->now - cb->when;	/* Karn: never sent again */
		*sample_ok = true;
		if (before(cb->seq, *reord))
			*reord = cb->seq;
		if (!after(cb->end_seq, tp->high_seq))
			flag |= FLAG_ORIG_SACK_ACKED;
	}
	if (sacked & TCPCB_SACKED_ACKED) {
		tp->sacked_out--;
	} else {
		tp->delivered++;
		if (tp->sack_ok)
			tcp_rack_advance(tp, sacked, cb->end_seq, cb->when, sk->sk_world->now);
	}
	if (sacked & TCPCB_LOST)
		tp->lost_out--;
	return flag;
}

/* tcp_clean_rtx_queue(): free what the ACK covers; one RTT sample from a
 * segment never retransmitted (Karn).  Returns FLAG_*; *acked counts. */
int tcp_clean_rtx_queue(struct sock *sk, u32 ack, u32 prior_fack, u32 *acked)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 reord = tp->snd_nxt;
	struct sk_buff *skb;
	bool sample_ok = false;
	u64 sample = 0;
	int flag = 0;

	*acked = 0;
	while ((skb = skb_peek(&tp->sk_write_queue)) != NULL && skb != tp->send_head) {
		if (after(TCP_SKB_CB(skb)->end_seq, ack))
			break;
		flag |= tcp_ack_one_skb(sk, skb, &reord, &sample, &sample_ok);
		__skb_unlink(skb, &tp->sk_write_queue);
		tp->sk_wmem_queued -= (int)skb->len;
		tp->packets_out--;
		(*acked)++;
		consume_skb(skb);
	}
	if (sample_ok)
		tcp_rtt_estimator(sk, sample ? sample : 1);
	else if (*acked)
		tcp_set_rto(sk);	/* no sample (Karn): the RTO from SRTT again */
	if (*acked) {
		flag |= FLAG_SET_XMIT_TIMER;
		/* without SACK a retransmission among them hides whether the
		 * originals made the progress */
		if (!tp->sack_ok && (flag & FLAG_RETRANS_DATA_ACKED))
			flag &= ~FLAG_ORIG_SACK_ACKED;
		if (tp->sack_ok && before(reord, prior_fack))
			tcp_check_sack_reordering(sk, reord);	/* a hole filled by its original */
	}
	if (!tp->sacked_out)
		tp->fack = tp->snd_una;
	return flag;
}

/* tcp_check_dsack(): the first block below the cumulative ACK, or inside
 * the second, reports a duplicate (RFC 2883).  A DSACK for a
 * retransmission means it was not needed (undo_retrans, RACK's reo_wnd). */
static bool tcp_check_dsack(struct sock *sk, const struct tcp_options_received *opt,
			    u32 ack, u32 prior_snd_una, int *flag)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 s0 = opt->sack[0][0], e0 = opt->sack[0][1];
	bool dup = before(s0, ack) ||
		   (opt->num_sacks > 1 && !after(e0, opt->sack[1][1]) &&
		    !before(s0, opt->sack[1][0]));

	if (!dup || !before(s0, e0))
		return false;
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPDSACKRECV);
	tp->rack.dsack_seen = 1;
	*flag |= FLAG_DSACKING_ACK;
	/* D-SACK for data already forgotten: count it down blindly */
	if (tp->undo_marker && tp->undo_retrans > 0 && !after(e0, prior_snd_una) &&
	    after(e0, tp->undo_marker))
		tp->undo_retrans--;
	if (tp->tlp_high_seq && tp->tlp_retrans && e0 == tp->tlp_high_seq)
		*flag |= FLAG_DSACK_TLP;
	return true;
}

/* tcp_sacktag_one(): skb is newly SACKed */
static int tcp_sacktag_one(struct sock *sk, struct sk_buff *skb, u32 *reord)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);
	int flag = FLAG_DATA_SACKED;

	tcp_rack_advance(tp, cb->sacked, cb->end_seq, cb->when, sk->sk_world->now);
	if (!(cb->sacked & (TCPCB_RETRANS | TCPCB_EVER_RETRANS))) {
		/* a hole filled by its original: reordering */
		if (before(cb->seq, tcp_highest_sack_seq(tp)) && before(cb->seq, *reord))
			*reord = cb->seq;
		if (!after(cb->end_seq, tp->high_seq))
			flag |= FLAG_ORIG_SACK_ACKED;
	}
	/* delivered: neither lost nor in flight again */
	if (cb->sacked & TCPCB_RETRANS)
		tp->retrans_out--;
	if (cb->sacked & TCPCB_LOST)
		tp->lost_out--;
	cb->sacked &= (u8)~(TCPCB_RETRANS | TCPCB_LOST);
	cb->sacked |= TCPCB_SACKED_ACKED;
	tp->sacked_out++;
	tp->delivered++;
	if (!after(tp->fack, tp->snd_una) || after(cb->end_seq, tp->fack))
		tp->fack = cb->end_seq;
	return flag;
}

/* A DSACK block over a retransmitted skb: that retransmission was
 * spurious (tcp_sacktag_one with dup_sack) */
static void tcp_dsack_one(struct tcp_sock *tp, struct sk_buff *skb)
{
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

	if (!(cb->sacked & (TCPCB_RETRANS | TCPCB_EVER_RETRANS)))
		return;
	if (tp->undo_marker && tp->undo_retrans > 0 && after(cb->end_seq, tp->undo_marker))
		tp->undo_retrans--;
}

/* tcp_sacktag_write_queue(): mark what the SACK blocks cover */
static int tcp_sacktag(struct sock *sk, const struct tcp_options_received *opt, u32 ack,
		       u32 prior_snd_una)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 reord = tp->snd_nxt;
	struct sk_buff *skb;
	int flag = 0;
	bool dup = tcp_check_dsack(sk, opt, ack, prior_snd_una, &flag);

	for (int i = 0; i < opt->num_sacks; i++) {
		for (skb = tp->sk_write_queue.next; tcp_skb_sent(tp, skb); skb = skb->next) {
			struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

			if (before(cb->seq, opt->sack[i][0]) || after(cb->end_seq, opt->sack[i][1]))
				continue;
			if (dup && i == 0)
				tcp_dsack_one(tp, skb);
			else if (!(cb->sacked & TCPCB_SACKED_ACKED))
				flag |= tcp_sacktag_one(sk, skb, &reord);
		}
	}
	if (before(reord, tp->snd_nxt))
		tcp_check_sack_reordering(sk, reord);
	return flag;
}

/* tcp_mark_skb_lost(): the scoreboard now counts skb lost; a lost
 * retransmission (LOST and RETRANS) leaves the pipe and goes again. */
void tcp_mark_skb_lost(struct sock *sk, struct sk_buff *skb)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

	if (cb->sacked & TCPCB_SACKED_ACKED)
		return;
	if (cb->sacked & TCPCB_LOST) {
		if (cb->sacked & TCPCB_RETRANS) {
			cb->sacked &= (u8)~TCPCB_RETRANS;
			tp->retrans_out--;
			__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPLOSTRETRANSMIT);
		}
		return;
	}
	cb->sacked |= TCPCB_LOST;
	tp->lost_out++;
}

/* tcp_update_scoreboard() as RFC 6675's IsLost() (net.ipv4.tcp_recovery
 * 0): a segment not SACKed with DupThresh SACKed segments above it is lost */
static void tcp_update_scoreboard(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 above = tp->sacked_out;
	struct sk_buff *skb;

	for (skb = tp->sk_write_queue.next; tcp_skb_sent(tp, skb) &&
	     above >= tp->reordering; skb = skb->next) {
		if (TCP_SKB_CB(skb)->sacked & TCPCB_SACKED_ACKED)
			above--;
		else if (!(TCP_SKB_CB(skb)->sacked & TCPCB_LOST))
			tcp_mark_skb_lost(sk, skb);
	}
}

/* tcp_newreno_mark_lost(): without SACK the head is lost after DupThresh
 * duplicate ACKs, and again at each partial ACK in recovery (RFC 6582) */
static void tcp_newreno_mark_lost(struct sock *sk, bool snd_una_advanced)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u8 state = inet_csk(sk)->icsk_ca_state;
	struct sk_buff *head = skb_peek(&tp->sk_write_queue);

	if (!head || !tcp_skb_sent(tp, head))
		return;
	if ((state < TCP_CA_Recovery && tp->sacked_out >= tp->reordering) ||
	    (state == TCP_CA_Recovery && snd_una_advanced))
		tcp_mark_skb_lost(sk, head);
}

/* Without SACK each duplicate ACK stands for a segment that left the
 * network (tcp_add_reno_sack, tcp_limit_reno_sacked): at least one hole
 * stays. */
static void tcp_add_reno_sack(struct tcp_sock *tp, u32 num_dupack)
{
	u32 holes = tp->lost_out > 1 ? tp->lost_out : 1, prior = tp->sacked_out;

	if (!num_dupack)
		return;
	tp->sacked_out += num_dupack;
	if (holes > tp->packets_out)
		holes = tp->packets_out;
	if (tp->sacked_out + holes > tp->packets_out)
		tp->sacked_out = tp->packets_out - holes;
	if (tp->sacked_out > prior)
		tp->delivered += tp->sacked_out - prior;
}

/* tcp_remove_reno_sacks(): one ACKed segment filled the hole, the rest
 * were the duplicate ACKs' */
static void tcp_remove_reno_sacks(struct tcp_sock *tp, u32 acked)
{
	if (!acked || tp->sack_ok)
		return;
	tp->sacked_out = acked - 1 >= tp->sacked_out ? 0 : tp->sacked_out - (acked - 1);
}

/* tcp_xmit_retransmit_queue(): send again what the scoreboard marks lost,
 * oldest first, while the pipe is under cwnd; PRR counts them.  The RTO
 * restarts when the head goes again (not over the reorder timer). */
void tcp_xmit_retransmit_queue(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb, *head = skb_peek(&tp->sk_write_queue), *next;
	bool rearm = false;

	for (skb = head; skb && tcp_skb_sent(tp, skb); skb = next) {
		u32 room, segs;

		next = skb->next;
		if (tcp_packets_in_flight(tp) >= tp->snd_cwnd || tp->retrans_out >= tp->lost_out)
			break;
		room = tp->snd_cwnd - tcp_packets_in_flight(tp);
		if ((TCP_SKB_CB(skb)->sacked & (TCPCB_LOST | TCPCB_RETRANS |
						TCPCB_SACKED_ACKED)) != TCPCB_LOST)
			continue;
		if (room > tp->lost_out - tp->retrans_out)
			room = tp->lost_out - tp->retrans_out;
		segs = tcp_rtx_tso_segs(sk, skb, room);
		if (tcp_retransmit_skbs(sk, skb, segs))
			break;
		next = skb;
		for (u32 i = 0; i < segs; i++)
			next = next->next;
		sock_net(sk)->mib.linux_mib[inet_csk(sk)->icsk_ca_state == TCP_CA_Loss ?
			LINUX_MIB_TCPSLOWSTARTRETRANS : LINUX_MIB_TCPFASTRETRANS] += segs;
		if (tcp_in_cwnd_reduction(sk))
			tp->prr_out += segs;
		if (skb == head && inet_csk(sk)->icsk_pending != ICSK_TIME_REO_TIMEOUT)
			rearm = true;
	}
	if (rearm)
		inet_csk_reset_xmit_timer(sk, ICSK_TIME_RETRANS, inet_csk(sk)->icsk_rto);
}

/* tcp_any_retrans_done(): something of this episode was sent again */
static bool tcp_any_retrans_done(const struct tcp_sock *tp)
{
	const struct sk_buff *head = skb_peek(&tp->sk_write_queue);

	return tp->retrans_out ||
	       (head && tcp_skb_sent(tp, head) && (TCP_SKB_CB(head)->sacked & TCPCB_EVER_RETRANS));
}

static void tcp_set_ca_state(struct sock *sk, u8 state)
{
	inet_csk(sk)->icsk_ca_state = state;
}

/* tcp_packet_delayed(): the ACK echoes a timestamp older than our first
 * retransmission, so the original got through (Eifel, RFC 3522) */
static bool tcp_packet_delayed(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	u32 first = (u32)(tp->undo_stamp / NSEC_PER_MSEC) + tp->tsoffset;

	return tp->undo_stamp && tp->ack_tsecr && (s32)(tp->ack_tsecr - first) < 0;
}

static bool tcp_may_undo(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	return tp->undo_marker && (!tp->undo_retrans || tcp_packet_delayed(sk));
}

/* tcp_init_undo(): retransmissions still in flight may be DSACKed later */
static void tcp_init_undo(struct tcp_sock *tp)
{
	tp->undo_marker = tp->snd_una;
	tp->undo_retrans = tp->retrans_out ? (int)tp->retrans_out : -1;
}

/* tcp_current_ssthresh() */
static u32 tcp_current_ssthresh(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	u32 three_quarters = (tp->snd_cwnd >> 1) + (tp->snd_cwnd >> 2);

	if (tcp_in_cwnd_reduction(sk))
		return tp->snd_ssthresh;
	return tp->snd_ssthresh > three_quarters ? tp->snd_ssthresh : three_quarters;
}

/* tcp_undo_cwnd_reduction(): the reduction was for nothing: cwnd and
 * ssthresh as before (undo_cwnd: max(cwnd, prior_cwnd), reno and cubic) */
static void tcp_undo_cwnd_reduction(struct sock *sk, bool unmark_loss)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	if (unmark_loss) {
		for (skb = tp->sk_write_queue.next; tcp_skb_sent(tp, skb); skb = skb->next)
			TCP_SKB_CB(skb)->sacked &= (u8)~TCPCB_LOST;
		tp->lost_out = 0;
	}
	if (tp->prior_ssthresh) {
		if (tp->prior_cwnd > tp->snd_cwnd)
			tp->snd_cwnd = tp->prior_cwnd;
		if (tp->prior_ssthresh > tp->snd_ssthresh)
			tp->snd_ssthresh = tp->prior_ssthresh;
	}
	tp->undo_marker = 0;
	tp->rack.advanced = 1;	/* RACK looks at the losses again */
}

/* tcp_init_cwnd_reduction(): ssthresh from the congestion control; PRR
 * starts counting */
static void tcp_init_cwnd_reduction(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tp->high_seq = tp->snd_nxt;
	tp->tlp_high_seq = 0;
	tp->snd_cwnd_cnt = 0;
	tp->prior_cwnd = tp->snd_cwnd;
	tp->prr_delivered = 0;
	tp->prr_out = 0;
	tp->snd_ssthresh = inet_csk(sk)->icsk_ca_ops->ssthresh(tp);
}

/* tcp_cwnd_reduction(): Proportional Rate Reduction (RFC 6937).  While
 * the pipe is above ssthresh, send in proportion to what is delivered
 * (ssthresh/prior_cwnd of it); below, slow-start back up to ssthresh
 * (PRR-SSRB).  The first retransmission goes whatever the pipe. */
void tcp_cwnd_reduction(struct sock *sk, u32 newly_acked_sacked, u32 newly_lost, bool una_advanced)
{
	struct tcp_sock *tp = tcp_sk(sk);
	s64 delta = (s64)tp->snd_ssthresh - tcp_packets_in_flight(tp), sndcnt;

	if (!newly_acked_sacked || !tp->prior_cwnd)
		return;
	tp->prr_delivered += newly_acked_sacked;
	if (delta < 0) {
		u64 dividend = (u64)tp->snd_ssthresh * tp->prr_delivered + tp->prior_cwnd - 1;

		sndcnt = (s64)(dividend / tp->prior_cwnd) - tp->prr_out;
	} else {
		sndcnt = (s64)tp->prr_delivered - tp->prr_out;
		if (sndcnt < newly_acked_sacked)
			sndcnt = newly_acked_sacked;
		if (una_advanced && !newly_lost)
			sndcnt++;
		if (sndcnt > delta)
			sndcnt = delta;
	}
	if (sndcnt < (tp->prr_out ? 0 : 1))
		sndcnt = tp->prr_out ? 0 : 1;
	tp->snd_cwnd = tcp_packets_in_flight(tp) + (u32)sndcnt;
}

/* tcp_end_cwnd_reduction(): cwnd settles at ssthresh (unless undone) */
static void tcp_end_cwnd_reduction(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tp->snd_ssthresh < TCP_INFINITE_SSTHRESH &&
	    (inet_csk(sk)->icsk_ca_state == TCP_CA_CWR || tp->undo_marker))
		tp->snd_cwnd = tp->snd_ssthresh;
}

/* tcp_enter_recovery(): fast recovery (RFC 5681 3.2, RFC 6675 5) starts;
 * PRR then lowers cwnd towards ssthresh as ACKs come. */
void tcp_enter_recovery(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tcp_any_retrans_done(tp))
		tp->undo_stamp = 0;
	__NET_INC_STATS(sock_net(sk), tp->sack_ok ? LINUX_MIB_TCPSACKRECOVERY :
			LINUX_MIB_TCPRENORECOVERY);
	tp->prior_ssthresh = 0;
	tcp_init_undo(tp);
	if (!tcp_in_cwnd_reduction(sk)) {
		tp->prior_ssthresh = tcp_current_ssthresh(sk);
		tcp_init_cwnd_reduction(sk);
	}
	tcp_set_ca_state(sk, TCP_CA_Recovery);
}

/* tcp_timeout_mark_lost(): after an RTO everything is lost but what RACK
 * says was sent too recently to tell; SACKs on the head mean the peer
 * reneged, and all SACK marks go. */
static void tcp_timeout_mark_lost(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb, *head = skb_peek(&tp->sk_write_queue);
	bool reneg = head && tcp_skb_sent(tp, head) &&
		     (TCP_SKB_CB(head)->sacked & TCPCB_SACKED_ACKED);
	u64 now = sk->sk_world->now;

	if (reneg || !tp->sack_ok)
		tp->sacked_out = 0;
	for (skb = head; skb && tcp_skb_sent(tp, skb); skb = skb->next) {
		struct tcp_skb_cb *cb = TCP_SKB_CB(skb);

		if (reneg)
			cb->sacked &= (u8)~TCPCB_SACKED_ACKED;
		else if (skb != head && tp->sack_ok &&
			 (s64)tp->rack.rtt_ns - (s64)(now - cb->when) > 0)
			continue;	/* sent too recently to tell */
		tcp_mark_skb_lost(sk, skb);
	}
}

/* tcp_enter_loss(): the RTO fired.  ssthresh falls once per episode;
 * cwnd is what is still in flight plus one, and the lost segments
 * slow-start out as ACKs come back (RFC 5681 3.1).  F-RTO (RFC 5682,
 * net.ipv4.tcp_frto) watches whether the timeout was spurious. */
void tcp_enter_loss(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	bool new_recovery = icsk->icsk_ca_state < TCP_CA_Recovery;

	tcp_timeout_mark_lost(sk);
	if (icsk->icsk_ca_state <= TCP_CA_Disorder || !after(tp->high_seq, tp->snd_una) ||
	    (icsk->icsk_ca_state == TCP_CA_Loss && !icsk->icsk_retransmits)) {
		tp->prior_ssthresh = tcp_current_ssthresh(sk);
		tp->prior_cwnd = tp->snd_cwnd;
		tp->snd_ssthresh = icsk->icsk_ca_ops->ssthresh(tp);
		tcp_init_undo(tp);
	}
	tp->snd_cwnd = tcp_packets_in_flight(tp) + 1;
	tp->snd_cwnd_cnt = 0;
	if (icsk->icsk_ca_state <= TCP_CA_Disorder &&
	    tp->sacked_out >= (u32)tn->sysctl_tcp_reordering &&
	    tp->reordering > (u32)tn->sysctl_tcp_reordering)
		tp->reordering = (u32)tn->sysctl_tcp_reordering;
	tcp_set_ca_state(sk, TCP_CA_Loss);
	tp->high_seq = tp->snd_nxt;
	tp->tlp_high_seq = 0;
	tp->dup_acks = 0;
	tp->frto = tn->sysctl_tcp_frto && (new_recovery || icsk->icsk_retransmits);
}

/* tcp_simple_retransmit(): the path MTU fell (a packet too big): every
 * segment in flight larger than the new MSS is lost and goes again, cut to
 * it.  The congestion window stays: the units changed, not the amount of
 * data in the network (Linux's comment). */
void tcp_simple_retransmit(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *skb;

	for (skb = skb_peek(&tp->sk_write_queue); skb && tcp_skb_sent(tp, skb); skb = skb->next)
		if (skb->len > tp->mss_cache)
			tcp_mark_skb_lost(sk, skb);
	if (!tp->lost_out)
		return;
	if (inet_csk(sk)->icsk_ca_state != TCP_CA_Loss) {
		tp->high_seq = tp->snd_nxt;
		tp->snd_ssthresh = tcp_current_ssthresh(sk);
		tp->prior_ssthresh = 0;
		tp->undo_marker = 0;
		tcp_set_ca_state(sk, TCP_CA_Loss);
	}
	tcp_xmit_retransmit_queue(sk);
}

/* tcp_try_keep_open(): Disorder while anything is SACKed, lost or resent */
static void tcp_try_keep_open(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u8 state = TCP_CA_Open;

	if (tp->sacked_out || tp->lost_out || tcp_any_retrans_done(tp))
		state = TCP_CA_Disorder;
	if (inet_csk(sk)->icsk_ca_state != state) {
		tcp_set_ca_state(sk, state);
		tp->high_seq = tp->snd_nxt;
	}
}

static void tcp_try_to_open(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tcp_any_retrans_done(tp))
		tp->undo_stamp = 0;
	if (inet_csk(sk)->icsk_ca_state != TCP_CA_CWR)
		tcp_try_keep_open(sk);
}

/* tcp_try_undo_recovery(): recovery is over; if no retransmission was
 * needed (all DSACKed, or the ACK's timestamp says the originals came),
 * cwnd goes back (TCPFullUndo, TCPLossUndo).  A NewReno sender holds the
 * state until data above high_seq is ACKed (RFC 6582). */
static bool tcp_try_undo_recovery(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tcp_may_undo(sk)) {
		tcp_undo_cwnd_reduction(sk, false);
		__NET_INC_STATS(sock_net(sk), inet_csk(sk)->icsk_ca_state == TCP_CA_Loss ?
				LINUX_MIB_TCPLOSSUNDO : LINUX_MIB_TCPFULLUNDO);
	} else if (tp->rack.reo_wnd_persist) {
		tp->rack.reo_wnd_persist--;
	}
	if (tp->snd_una == tp->high_seq && !tp->sack_ok) {
		if (!tcp_any_retrans_done(tp))
			tp->undo_stamp = 0;
		return true;
	}
	tcp_set_ca_state(sk, TCP_CA_Open);
	return false;
}

/* tcp_try_undo_dsack(): DSACKs came for every retransmission */
static bool tcp_try_undo_dsack(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tp->undo_marker || tp->undo_retrans)
		return false;
	if (tp->rack.reo_wnd_persist < TCP_RACK_RECOVERY_THRESH)
		tp->rack.reo_wnd_persist++;
	tcp_undo_cwnd_reduction(sk, false);
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPDSACKUNDO);
	return true;
}

/* tcp_try_undo_loss(): the RTO was spurious (F-RTO, DSACK or timestamps) */
static bool tcp_try_undo_loss(struct sock *sk, bool frto_undo)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!frto_undo && !tcp_may_undo(sk))
		return false;
	tcp_undo_cwnd_reduction(sk, true);
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPLOSSUNDO);
	if (frto_undo)
		__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPSPURIOUSRTOS);
	inet_csk(sk)->icsk_retransmits = 0;
	if (tp->snd_una == tp->high_seq && !tp->sack_ok)
		return true;
	if (frto_undo || tp->sack_ok)
		tcp_set_ca_state(sk, TCP_CA_Open);
	return true;
}

/* tcp_try_undo_partial(): a partial ACK in recovery whose timestamp says
 * the hole was filled by the original: reordering, not loss */
static bool tcp_try_undo_partial(struct sock *sk, u32 prior_snd_una)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tp->undo_marker || !tcp_packet_delayed(sk))
		return false;
	tcp_check_sack_reordering(sk, prior_snd_una);
	if (tp->retrans_out)
		return true;
	if (!tcp_any_retrans_done(tp))
		tp->undo_stamp = 0;
	tcp_undo_cwnd_reduction(sk, true);
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPPARTIALUNDO);
	tcp_try_keep_open(sk);
	return false;
}

/* tcp_identify_packet_loss(): NewReno without SACK, RACK with it
 * (net.ipv4.tcp_recovery); a lost retransmission is FLAG_LOST_RETRANS */
static void tcp_identify_packet_loss(struct sock *sk, int *flag)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 prior_retrans = tp->retrans_out;

	if (!tp->packets_out)
		return;
	if (!tp->sack_ok) {
		tcp_newreno_mark_lost(sk, *flag & FLAG_SND_UNA_ADVANCED);
	} else if (tcp_is_sack_rack(sk)) {
		if (tcp_rack_mark_lost(sk))
			*flag &= ~FLAG_SET_XMIT_TIMER;
		if (prior_retrans > tp->retrans_out)
			*flag |= FLAG_LOST_RETRANS;
	}
}

/* tcp_time_to_recover(): a loss is proven, or (without RACK) DupThresh
 * segments are SACKed */
static bool tcp_time_to_recover(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	if (tp->lost_out)
		return true;
	return !tcp_is_sack_rack(sk) && tp->sacked_out + 1 > tp->reordering;
}

/* tcp_process_loss(): an ACK in the Loss state.  F-RTO (RFC 5682 3.1,
 * SACK version): after the RTO's retransmission, new data goes; if the
 * next ACKs cover never-retransmitted data, the RTO was spurious. */
static void tcp_process_loss(struct sock *sk, int flag, u32 num_dupack, int *rexmit)
{
	struct tcp_sock *tp = tcp_sk(sk);
	bool recovered = !before(tp->snd_una, tp->high_seq);

	if ((flag & FLAG_SND_UNA_ADVANCED) && tcp_try_undo_loss(sk, false))
		return;
	if (tp->frto) {
		if ((flag & FLAG_ORIG_SACK_ACKED) && tcp_try_undo_loss(sk, true))
			return;	/* step 3.b: spurious */
		if (after(tp->snd_nxt, tp->high_seq)) {
			if ((flag & FLAG_DATA_SACKED) || num_dupack)
				tp->frto = 0;	/* step 3.a: the loss was real */
		} else if ((flag & FLAG_SND_UNA_ADVANCED) && !recovered) {
			tp->high_seq = tp->snd_nxt;
			/* step 2.b: send new data (after tcp_ack's cwnd update) */
			if (tp->send_head && after(tp->snd_una + tp->snd_wnd, tp->snd_nxt)) {
				*rexmit = REXMIT_NEW;
				return;
			}
			tp->frto = 0;
		}
	}
	if (recovered) {
		tcp_try_undo_recovery(sk);
		return;
	}
	if (!tp->sack_ok) {
		if (after(tp->snd_nxt, tp->high_seq) && num_dupack)
			tcp_add_reno_sack(tp, num_dupack);
		else if (flag & FLAG_SND_UNA_ADVANCED)
			tp->sacked_out = 0;
	}
	*rexmit = REXMIT_LOST;
}

/* Recovery/CWR ends once high_seq is ACKed (tcp_fastretrans_alert step D);
 * true when the ACK needs nothing more */
static bool tcp_fastretrans_exit(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);

	if (icsk->icsk_ca_state == TCP_CA_Open) {
		tp->undo_stamp = 0;
		return false;
	}
	if (before(tp->snd_una, tp->high_seq))
		return false;
	if (icsk->icsk_ca_state == TCP_CA_CWR && tp->snd_una != tp->high_seq) {
		tcp_end_cwnd_reduction(sk);
		tcp_set_ca_state(sk, TCP_CA_Open);
	} else if (icsk->icsk_ca_state == TCP_CA_Recovery) {
		if (!tp->sack_ok)
			tp->sacked_out = 0;
		if (tcp_try_undo_recovery(sk))
			return true;
		tcp_end_cwnd_reduction(sk);
	}
	return false;
}

/* tcp_fastretrans_alert() step E in Recovery; false: nothing to send */
static bool tcp_fastretrans_recovery(struct sock *sk, u32 prior_snd_una, u32 num_dupack,
				     int *flag)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (!(*flag & FLAG_SND_UNA_ADVANCED)) {
		if (!tp->sack_ok)
			tcp_add_reno_sack(tp, num_dupack);
	} else if (tcp_try_undo_partial(sk, prior_snd_una)) {
		return false;
	}
	if (tcp_try_undo_dsack(sk))
		tcp_try_to_open(sk);
	tcp_identify_packet_loss(sk, flag);
	if (inet_csk(sk)->icsk_ca_state != TCP_CA_Recovery) {
		if (!tcp_time_to_recover(sk))
			return false;
		tcp_enter_recovery(sk);	/* reordering undone, then a loss */
	}
	return true;
}

/* tcp_fastretrans_alert(): the ACK's effect on the loss recovery state
 * machine (Open, Disorder, CWR, Recovery, Loss), as Linux runs it. */
static void tcp_fastretrans_alert(struct sock *sk, u32 prior_snd_una, u32 num_dupack,
				  int *flag, int *rexmit)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);

	if (!tp->packets_out && tp->sacked_out)
		tp->sacked_out = 0;
	if (tcp_fastretrans_exit(sk))
		return;
	switch (icsk->icsk_ca_state) {
	case TCP_CA_Recovery:
		if (!tcp_fastretrans_recovery(sk, prior_snd_una, num_dupack, flag))
			return;
		break;
	case TCP_CA_Loss:
		tcp_process_loss(sk, *flag, num_dupack, rexmit);
		tcp_identify_packet_loss(sk, flag);
		if (!(icsk->icsk_ca_state == TCP_CA_Open || (*flag & FLAG_LOST_RETRANS)))
			return;
		/* cwnd undone, or retransmissions lost */
		__attribute__((fallthrough));
	default:
		if (!tp->sack_ok) {
			if (*flag & FLAG_SND_UNA_ADVANCED)
				tp->sacked_out = 0;
			tcp_add_reno_sack(tp, num_dupack);
		}
		if (icsk->icsk_ca_state <= TCP_CA_Disorder)
			tcp_try_undo_dsack(sk);
		tcp_identify_packet_loss(sk, flag);
		if (!tcp_time_to_recover(sk)) {
			tcp_try_to_open(sk);
			return;
		}
		tcp_enter_recovery(sk);
		if (!tcp_is_sack_rack(sk) && tp->sack_ok)	/* the fast retransmit */
			tcp_mark_skb_lost(sk, skb_peek(&tp->sk_write_queue));
	}
	if (!tcp_is_sack_rack(sk) && tp->sack_ok)
		tcp_update_scoreboard(sk);
	*rexmit = REXMIT_LOST;
}

/* tcp_process_tlp_ack(): was the loss probe's episode a real loss?  An
 * ACK beyond the probe (not a DSACK of it) means the probe repaired a
 * loss: cwnd is reduced once (CWR, TCPLossProbeRecovery). */
static void tcp_process_tlp_ack(struct sock *sk, u32 ack, int flag)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (before(ack, tp->tlp_high_seq))
		return;
	if (!tp->tlp_retrans || (flag & FLAG_DSACK_TLP)) {
		tp->tlp_high_seq = 0;
	} else if (after(ack, tp->tlp_high_seq)) {
		tcp_init_cwnd_reduction(sk);
		tcp_set_ca_state(sk, TCP_CA_CWR);
		tcp_end_cwnd_reduction(sk);
		tcp_try_keep_open(sk);
		__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPLOSSPROBERECOVERY);
	} else if (!(flag & (FLAG_SND_UNA_ADVANCED | FLAG_NOT_DUP | FLAG_DATA_SACKED))) {
		tp->tlp_high_seq = 0;	/* a pure dupack: original and probe arrived */
	}
}

/* tcp_ack_is_dubious(): anything but a plain forward ACK in Open */
static bool tcp_ack_is_dubious(const struct sock *sk, int flag)
{
	return !(flag & FLAG_NOT_DUP) || (flag & FLAG_CA_ALERT) ||
	       inet_csk(sk)->icsk_ca_state != TCP_CA_Open;
}

/* tcp_cong_control(): PRR in recovery/CWR; otherwise cwnd grows on data
 * delivered in order (any delivery once reordering is known), and only
 * while cwnd limits sending (tcp_is_cwnd_limited: in slow start while
 * under twice what was in flight). */
static void tcp_cong_control(struct sock *sk, u32 acked_sacked, u32 newly_lost, int flag)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int raise = tp->reordering > (u32)tcp_pernet(sock_net(sk))->sysctl_tcp_reordering ?
		    FLAG_FORWARD_PROGRESS : FLAG_DATA_ACKED;

	if (tcp_in_cwnd_reduction(sk)) {
		tcp_cwnd_reduction(sk, acked_sacked, newly_lost, flag & FLAG_SND_UNA_ADVANCED);
	} else if ((flag & raise) &&
		   (tp->is_cwnd_limited || (tp->snd_cwnd < tp->snd_ssthresh &&
					    tp->snd_cwnd < 2 * tp->max_packets_out))) {
		inet_csk(sk)->icsk_ca_ops->cong_avoid(tp, acked_sacked);
	}
}

/* tcp_xmit_recovery(): F-RTO's new data, or the lost segments */
static void tcp_xmit_recovery(struct sock *sk, int rexmit)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (rexmit == REXMIT_NONE || sk->sk_state == TCP_SYN_SENT)
		return;
	if (rexmit == REXMIT_NEW) {
		u8 nonagle = tp->nonagle;

		tp->nonagle |= 1;
		tcp_write_xmit(sk);
		tp->nonagle = nonagle;
		if (after(tp->snd_nxt, tp->high_seq))
			return;
		tp->frto = 0;
	}
	tcp_xmit_retransmit_queue(sk);
}

/* tcp_ack()'s scoreboard and recovery part (after the window): SACK
 * blocks, the cumulative ACK, then Linux's tcp_ack order —
 * tcp_fastretrans_alert, tcp_cong_control (PRR), tcp_xmit_recovery, the
 * loss probe's outcome, and the TLP or RTO timer.  Returns how many skbs
 * the ACK freed. */
u32 tcp_ack_recovery(struct sock *sk, const struct tcp_options_received *o, u32 ack, int flag)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 prior_una = tp->snd_una, prior_packets = tp->packets_out;
	u32 prior_delivered = tp->delivered, prior_lost = tp->lost_out, num_dupack = 0, acked;
	u32 prior_fack = tp->sack_ok ? tcp_highest_sack_seq(tp) : tp->snd_una;
	int rexmit = REXMIT_NONE;

	if (after(ack, prior_una)) {
		flag |= FLAG_SND_UNA_ADVANCED;
		inet_csk(sk)->icsk_retransmits = 0;
	}
	if (tp->sack_ok && o->num_sacks)
		flag |= tcp_sacktag(sk, o, ack, prior_una);
	tp->snd_una = ack;
	flag |= tcp_clean_rtx_queue(sk, ack, prior_fack, &acked);
	if (!prior_packets)
		goto no_queue;
	if (acked) {
		inet_csk(sk)->icsk_backoff = 0;
		inet_csk(sk)->icsk_probes_out = 0;
		tcp_remove_reno_sacks(tp, acked);
	}
	if (tp->sack_ok)
		tcp_rack_update_reo_wnd(sk);
	if (tcp_ack_is_dubious(sk, flag)) {
		if (!(flag & (FLAG_SND_UNA_ADVANCED | FLAG_NOT_DUP | FLAG_DSACKING_ACK)))
			num_dupack = 1;
		tcp_fastretrans_alert(sk, prior_una, num_dupack, &flag, &rexmit);
	}
	tcp_cong_control(sk, tp->delivered - prior_delivered,
			 tp->lost_out > prior_lost ? tp->lost_out - prior_lost : 0, flag);
	if (acked) {
		tp->is_cwnd_limited = 0;
		tp->max_packets_out = tp->packets_out;
	}
	tcp_xmit_recovery(sk, rexmit);
no_queue:
	if (tp->tlp_high_seq)
		tcp_process_tlp_ack(sk, ack, flag);
	if (flag & FLAG_SET_XMIT_TIMER) {	/* tcp_set_xmit_timer() */
		if (!tcp_schedule_loss_probe(sk, true))
			tcp_rearm_rto(sk);
	}
	return acked;
}
