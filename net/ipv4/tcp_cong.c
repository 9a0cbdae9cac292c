/* TCP congestion control (net/ipv4/tcp_cong.c, tcp_cubic.c): the
 * registered algorithms — Reno/NewReno (RFC 5681, RFC 6582) and CUBIC
 * (RFC 9438, Linux's default) — chosen with
 * net.ipv4.tcp_congestion_control.  cwnd counts segments, as in Linux.
 * tcp_ack() calls cong_avoid for every ACK that advances snd_una. */
#include <math.h>
#include <string.h>
#include "net/tcp.h"
#include "net/world.h"

/* tcp_slow_start() + tcp_cong_avoid_ai() */
void tcp_slow_start_or_avoid(struct tcp_sock *tp, u32 acked)
{
	if (tp->snd_cwnd < tp->snd_ssthresh) {
		u32 cwnd = tp->snd_cwnd + acked;

		tp->snd_cwnd = cwnd < tp->snd_ssthresh ? cwnd : tp->snd_ssthresh;
		return;
	}
	tp->snd_cwnd_cnt += acked;
	if (tp->snd_cwnd_cnt >= tp->snd_cwnd) {
		tp->snd_cwnd_cnt -= tp->snd_cwnd;
		tp->snd_cwnd++;
	}
}

static u32 tcp_reno_ssthresh(struct tcp_sock *tp)
{
	u32 half = tp->snd_cwnd / 2;

	return half < 2 ? 2 : half;
}

static void tcp_reno_cong_avoid(struct tcp_sock *tp, u32 acked)
{
	tcp_slow_start_or_avoid(tp, acked);
}

const struct tcp_congestion_ops tcp_reno = {
	.name = "reno",
	.ssthresh = tcp_reno_ssthresh,
	.cong_avoid = tcp_reno_cong_avoid,
};

/* CUBIC: W(t) = C (t − K)^3 + Wmax with C = 0.4 and beta = 0.7;
 * K = cbrt(Wmax (1 − beta) / C).  Time comes from the world's clock. */
#define CUBIC_BETA 0.7
#define CUBIC_C 0.4

static void cubic_init(struct tcp_sock *tp)
{
	tp->cubic_epoch = 0;
	tp->cubic_wmax = 0;
}

static u32 cubic_ssthresh(struct tcp_sock *tp)
{
	u32 t;

	tp->cubic_epoch = 0;
	tp->cubic_wmax = tp->snd_cwnd;
	t = (u32)(tp->snd_cwnd * CUBIC_BETA);
	return t < 2 ? 2 : t;
}

static void cubic_cong_avoid(struct tcp_sock *tp, u32 acked)
{
	const struct sock *sk = &tp->icsk.sk;
	double t, k, target;

	if (tp->snd_cwnd < tp->snd_ssthresh) {
		tcp_slow_start_or_avoid(tp, acked);
		return;
	}
	if (!tp->cubic_epoch) {
		tp->cubic_epoch = sk->sk_world->now;
		if (tp->cubic_wmax < tp->snd_cwnd)
			tp->cubic_wmax = tp->snd_cwnd;
	}
	k = cbrt(tp->cubic_wmax * (1 - CUBIC_BETA) / CUBIC_C);
	t = (double)(sk->sk_world->now - tp->cubic_epoch + tp->srtt_ns) / 1e9;
	target = CUBIC_C * (t - k) * (t - k) * (t - k) + tp->cubic_wmax;
	if (target > tp->snd_cwnd) {
		u32 cnt = (u32)(tp->snd_cwnd / (target - tp->snd_cwnd));

		tp->snd_cwnd_cnt += acked;
		if (tp->snd_cwnd_cnt >= (cnt ? cnt : 1)) {
			tp->snd_cwnd_cnt = 0;
			tp->snd_cwnd++;
		}
	} else {
		tcp_slow_start_or_avoid(tp, acked);
	}
}

const struct tcp_congestion_ops cubictcp = {
	.name = "cubic",
	.ssthresh = cubic_ssthresh,
	.cong_avoid = cubic_cong_avoid,
	.init = cubic_init,
};

static const struct tcp_congestion_ops *const tcp_cong_list[] = { &cubictcp, &tcp_reno };

const struct tcp_congestion_ops *tcp_ca_find(const char *name)
{
	for (size_t i = 0; i < sizeof(tcp_cong_list) / sizeof(tcp_cong_list[0]); i++)
		if (!strcmp(tcp_cong_list[i]->name, name))
			return tcp_cong_list[i];
	return NULL;
}

/* tcp_get_available_congestion_control(): in registration order */
const char *tcp_ca_names(void)
{
	return "reno cubic";
}
