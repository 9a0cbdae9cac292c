/* TCP timers (net/ipv4/tcp_timer.c): retransmission with exponential
 * backoff (RFC 6298; tcp_syn_retries, tcp_synack_retries, tcp_retries2),
 * zero-window probes, the delayed ACK (tcp_delack_min 40 ms), keepalive,
 * the FIN_WAIT2 timeout (tcp_fin_timeout) and TIME_WAIT (60 s).  The
 * timers run on the world's wheel, in virtual time. */
#include <errno.h>
#include "net/net_namespace.h"
#include "net/tcp.h"
#include "net/world.h"

/* inet_csk_reset_xmit_timer(): icsk_retransmit_timer carries the RTO,
 * the zero-window probe, the tail loss probe and the RACK reorder timer;
 * icsk_pending says which. */
void inet_csk_reset_xmit_timer(struct sock *sk, u8 what, u64 when)
{
	if (when > TCP_RTO_MAX_NS)
		when = TCP_RTO_MAX_NS;
	inet_csk(sk)->icsk_pending = what;
	mod_timer(&inet_csk(sk)->icsk_retransmit_timer, sk->sk_world->now + when);
}

void tcp_reset_xmit_timer(struct sock *sk, u64 when)
{
	inet_csk_reset_xmit_timer(sk, tcp_sk(sk)->packets_out ? ICSK_TIME_RETRANS :
				  ICSK_TIME_PROBE0, when);
}

/* tcp_rto_delta_us(): how far in the future the RTO of the head is */
s64 tcp_rto_delta(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	const struct sk_buff *head = skb_peek(&tp->sk_write_queue);
	u64 when = head ? TCP_SKB_CB(head)->when : sk->sk_world->now;

	return (s64)(when + inet_csk(sk)->icsk_rto) - (s64)sk->sk_world->now;
}

/* tcp_rearm_rto(): after a probe or reorder timer the RTO keeps counting
 * from the head's transmission, not from now. */
void tcp_rearm_rto(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	u64 rto = icsk->icsk_rto;

	if (!tcp_sk(sk)->packets_out) {
		del_timer(&icsk->icsk_retransmit_timer);
		icsk->icsk_pending = 0;
		return;
	}
	if (icsk->icsk_pending == ICSK_TIME_REO_TIMEOUT ||
	    icsk->icsk_pending == ICSK_TIME_LOSS_PROBE) {
		s64 delta = tcp_rto_delta(sk);

		rto = delta > 1000 ? (u64)delta : 1000;
	}
	inet_csk_reset_xmit_timer(sk, ICSK_TIME_RETRANS, rto);
}

/* tcp_write_err(): give up on the connection (ETIMEDOUT or the soft error) */
void tcp_write_err(struct sock *sk)
{
	sk->sk_err = sk->sk_err_soft ? sk->sk_err_soft : ETIMEDOUT;
	sk->sk_error_report(sk);
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPABORTONTIMEOUT);
	tcp_done(sk);
}

static bool tcp_write_timeout(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	int limit = tn->sysctl_tcp_retries2;

	if (sk->sk_state == TCP_SYN_SENT)
		limit = icsk->icsk_syn_retries ? icsk->icsk_syn_retries : tn->sysctl_tcp_syn_retries;
	else if (sk->sk_state == TCP_SYN_RECV)
		limit = tn->sysctl_tcp_synack_retries;
	/* retransmits_timed_out(): TCP_USER_TIMEOUT replaces the count */
	if (tcp_sk(sk)->user_timeout && icsk->icsk_retransmits &&
	    sk->sk_state != TCP_SYN_SENT && sk->sk_state != TCP_SYN_RECV) {
		if (sk->sk_world->now - tcp_sk(sk)->retrans_stamp <
		    (u64)tcp_sk(sk)->user_timeout * NSEC_PER_MSEC)
			return false;
	} else if (icsk->icsk_retransmits < limit) {
		return false;
	}
	if (sk->sk_state == TCP_SYN_RECV) {
		tcp_done(sk);
		return true;
	}
	tcp_write_err(sk);
	return true;
}

/* tcp_probe_timer(): the peer's window is zero and we have data */
static void tcp_probe_timer(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);

	if (tp->packets_out || !tp->send_head) {
		icsk->icsk_probes_out = 0;
		return;
	}
	if (icsk->icsk_probes_out >= tcp_pernet(sock_net(sk))->sysctl_tcp_retries2) {
		tcp_write_err(sk);
		return;
	}
	icsk->icsk_probes_out++;
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPWINPROBE);
	tcp_send_probe0(sk);
	tcp_reset_xmit_timer(sk, icsk->icsk_rto << (icsk->icsk_probes_out < 10 ?
						      icsk->icsk_probes_out : 10));
}

/* tcp_clamp_rto_to_user_timeout(): the last RTO fires when the user
 * timeout ends, not a whole backed-off RTO later */
static u64 tcp_clamp_rto_to_user_timeout(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	u64 rto = inet_csk(sk)->icsk_rto, end, now = sk->sk_world->now;

	if (!tp->user_timeout || sk->sk_state == TCP_SYN_SENT || sk->sk_state == TCP_SYN_RECV)
		return rto;
	end = tp->retrans_stamp + (u64)tp->user_timeout * NSEC_PER_MSEC;
	if (end <= now)
		return NSEC_PER_MSEC;
	return end - now < rto ? end - now : rto;
}

/* tcp_retransmit_timer(): RTO expired — everything outstanding is lost,
 * cwnd collapses to one segment (RFC 5681 3.1, tcp_enter_loss), the head
 * goes again, the timer backs off. */
static void tcp_retransmit_timer(struct timer_list *t)
{
	struct inet_connection_sock *icsk = from_timer(icsk, t, icsk_retransmit_timer);
	struct sock *sk = &icsk->sk;
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *head;

	if (sk->sk_state == TCP_CLOSE || sk->sk_state == TCP_TIME_WAIT)
		return;
	/* tcp_write_timer_handler(): what the timer was armed for */
	switch (tp->packets_out ? icsk->icsk_pending : 0) {
	case ICSK_TIME_REO_TIMEOUT:
		tcp_rack_reo_timeout(sk);
		return;
	case ICSK_TIME_LOSS_PROBE:
		tcp_send_loss_probe(sk);
		return;
	}
	icsk->icsk_pending = 0;
	tp->tlp_high_seq = 0;
	if (!tp->packets_out) {
		tcp_probe_timer(sk);
		return;
	}
	if (tcp_write_timeout(sk))
		return;
	head = skb_peek(&tp->sk_write_queue);
	if (head && !icsk->icsk_retransmits)
		tp->retrans_stamp = TCP_SKB_CB(head)->when;
	if (sk->sk_state != TCP_SYN_SENT && sk->sk_state != TCP_SYN_RECV) {
		__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPTIMEOUTS);
		tcp_enter_loss(sk);
		tcp_xmit_retransmit_queue(sk);
	} else if (head) {
		tcp_retransmit_skb(sk, head);
	}
	icsk->icsk_backoff++;
	icsk->icsk_retransmits++;
	icsk->icsk_rto = icsk->icsk_rto * 2 > TCP_RTO_MAX_NS ? TCP_RTO_MAX_NS : icsk->icsk_rto * 2;
	tcp_reset_xmit_timer(sk, tcp_clamp_rto_to_user_timeout(sk));
}

static void tcp_delack_timer(struct timer_list *t)
{
	struct inet_connection_sock *icsk = from_timer(icsk, t, icsk_delack_timer);
	struct sock *sk = &icsk->sk;

	if (!icsk->icsk_ack_pending || sk->sk_state == TCP_CLOSE)
		return;
	/* tcp_delack_timer_handler(): a missed delayed ACK leaves pingpong */
	icsk->icsk_ack_pingpong = 0;
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_DELAYEDACKS);
	tcp_send_ack(sk);
}

void tcp_set_keepalive_timer(struct sock *sk)
{
	struct tcp_net *tn = tcp_pernet(sock_net(sk));

	mod_timer(&inet_csk(sk)->sk_timer, sk->sk_world->now +
		  (u64)keepalive_time_when(tcp_sk(sk), tn) * NSEC_PER_SEC);
}

/* The keepalive gives up after TCP_KEEPCNT unanswered probes, or with
 * TCP_USER_TIMEOUT once that long has passed since the peer was last
 * heard and a probe went unanswered (tcp_keepalive_timer). */
static bool tcp_keepalive_dead(const struct sock *sk, u64 idle)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	u32 probes = inet_csk(sk)->icsk_probes_out;

	if (tp->user_timeout)
		return probes > 0 && idle >= (u64)tp->user_timeout * NSEC_PER_MSEC;
	return probes >= keepalive_probes(tp, tcp_pernet(sock_net(sk)));
}

static void tcp_keepalive_probe(struct sock *sk)
{
	struct tcp_net *tn = tcp_pernet(sock_net(sk));
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *tp = tcp_sk(sk);
	u64 idle = sk->sk_world->now - tp->rcv_tstamp;
	u64 ktime = (u64)keepalive_time_when(tp, tn) * NSEC_PER_SEC;

	if (!sk->sk_keepopen || sk->sk_state != TCP_ESTABLISHED || tp->packets_out ||
	    tp->send_head)
		return;
	if (idle < ktime) {
		mod_timer(&icsk->sk_timer, tp->rcv_tstamp + ktime);
		return;
	}
	if (tcp_keepalive_dead(sk, idle)) {
		tcp_send_active_reset(sk);
		tcp_write_err(sk);
		return;
	}
	icsk->icsk_probes_out++;
	__NET_INC_STATS(sock_net(sk), LINUX_MIB_TCPKEEPALIVE);
	tcp_send_probe0(sk);
	mod_timer(&icsk->sk_timer, sk->sk_world->now +
		  (u64)keepalive_intvl_when(tp, tn) * NSEC_PER_SEC);
}

/* tcp_keepalive_timer(): keepalive, the orphaned FIN_WAIT2 timeout, and
 * the end of TIME_WAIT (inet_twsk's timer in Linux). */
static void tcp_keepalive_timer(struct timer_list *t)
{
	struct inet_connection_sock *icsk = from_timer(icsk, t, sk_timer);
	struct sock *sk = &icsk->sk;

	if (sk->sk_state == TCP_TIME_WAIT || sk->sk_state == TCP_FIN_WAIT2) {
		if (sk->sk_state == TCP_TIME_WAIT)
			__NET_INC_STATS(sock_net(sk), LINUX_MIB_TIMEWAITED);
		tcp_done(sk);
		return;
	}
	tcp_keepalive_probe(sk);
}

void tcp_init_xmit_timers(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct timer_base *b = &sk->sk_world->timers;

	/* tcp_init_sock()'s loss-recovery defaults */
	tcp_sk(sk)->reordering = (u32)tcp_pernet(sock_net(sk))->sysctl_tcp_reordering;
	tcp_sk(sk)->rack.reo_wnd_steps = 1;
	timer_setup(b, &icsk->icsk_retransmit_timer, tcp_retransmit_timer);
	timer_setup(b, &icsk->icsk_delack_timer, tcp_delack_timer);
	timer_setup(b, &icsk->sk_timer, tcp_keepalive_timer);
}

void tcp_clear_xmit_timers(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	del_timer(&icsk->icsk_retransmit_timer);
	del_timer(&icsk->icsk_delack_timer);
	del_timer(&icsk->sk_timer);
}

/* tcp_time_wait(): stay 60 s to absorb old duplicates (RFC 9293 3.6.1);
 * the socket keeps its hash slot and answers a retransmitted FIN. */
void tcp_time_wait(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);

	tcp_set_state(sk, TCP_TIME_WAIT);
	del_timer(&icsk->icsk_retransmit_timer);
	del_timer(&icsk->icsk_delack_timer);
	mod_timer(&icsk->sk_timer, sk->sk_world->now + TCP_TIMEWAIT_LEN_NS);
}
