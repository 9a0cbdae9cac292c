/* TCP sockets (net/ipv4/tcp.c and the stream half of net/ipv4/af_inet.c):
 * inet_stream_ops (connect, listen, accept, poll, shutdown) and tcp_prot
 * (tcp_sendmsg → the write queue → tcp_write_xmit; tcp_recvmsg from the
 * receive queue; tcp_close with FIN, or RST when data was left unread),
 * tcp_set_state() through which every state change goes, and the socket
 * options of SOL_TCP. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include <netinet/in.h>
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/route.h"
#include "net/tcp.h"
#include "net/trace.h"
#include "net/world.h"

#define TCP_CM_INQ TCP_INQ

#define TCPF(s) (1u << (s))

int tcp_v4_init_sock(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_net *tn = tcp_pernet(sock_net(sk));

	skb_queue_head_init(&tp->sk_write_queue);
	skb_queue_head_init(&tp->out_of_order_queue);
	INIT_LIST_HEAD(&tp->bind_node);
	INIT_LIST_HEAD(&tp->accept_node);
	INIT_LIST_HEAD(&icsk->icsk_accept_queue);
	INIT_LIST_HEAD(&icsk->icsk_syn_queue);
	tcp_init_xmit_timers(sk);
	icsk->icsk_af_ops = &ipv4_specific;
	icsk->icsk_rto = TCP_TIMEOUT_INIT_NS;
	icsk->icsk_ca_ops = tn->ca_default;
	tp->mss_cache = TCP_MSS_DEFAULT;
	tp->snd_cwnd = TCP_INIT_CWND;
	tp->snd_ssthresh = 0x7fffffff;
	sk->sk_state = TCP_CLOSE;
	sk->sk_rcvbuf = tn->sysctl_tcp_rmem[1];
	sk->sk_sndbuf = tn->sysctl_tcp_wmem[1];
	return 0;
}

/* Free space of the receive buffer, as a window (tcp_space()) */
int tcp_rcv_space(const struct sock *sk)
{
	return (sk->sk_rcvbuf - sk->sk_rmem_alloc) / 2;
}

/* tcp_set_state(): the one place a TCP state changes; keeps CurrEstab and
 * EstabResets as Linux does and unhashes a socket that closes. */
void tcp_set_state(struct sock *sk, int state)
{
	int old = sk->sk_state;
	struct net *net = sock_net(sk);

	if (state == TCP_ESTABLISHED && old != TCP_ESTABLISHED)
		__TCP_INC_STATS(net, TCP_MIB_CURRESTAB);
	if (state == TCP_CLOSE) {
		if (old == TCP_CLOSE_WAIT || old == TCP_ESTABLISHED)
			__TCP_INC_STATS(net, TCP_MIB_ESTABRESETS);
		if (old == TCP_SYN_SENT || old == TCP_SYN_RECV)
			__TCP_INC_STATS(net, TCP_MIB_ATTEMPTFAILS);
		inet_unhash(sk);
	}
	if (state != TCP_ESTABLISHED && old == TCP_ESTABLISHED)
		net->mib.tcp[TCP_MIB_CURRESTAB]--;
	sk->sk_state = (u8)state;
}

static void tcp_forget_children(struct sock *sk)
{
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *c, *n;

	list_for_each_entry_safe(c, n, &icsk->icsk_syn_queue, accept_node)
		tcp_destroy_sock(&c->icsk.sk);
	list_for_each_entry_safe(c, n, &icsk->icsk_accept_queue, accept_node) {
		if (c->icsk.sk.sk_state != TCP_CLOSE)
			tcp_send_active_reset(&c->icsk.sk);
		tcp_set_state(&c->icsk.sk, TCP_CLOSE);
		tcp_destroy_sock(&c->icsk.sk);
	}
}

/* inet_csk_destroy_sock(): everything the socket holds, then the memory */
void tcp_destroy_sock(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	tcp_clear_xmit_timers(sk);
	inet_unhash(sk);
	inet_put_port(sk);
	if (tp->parent) {
		struct inet_connection_sock *l = &tp->parent->icsk;

		if (sk->sk_state == TCP_SYN_RECV)
			l->icsk_syn_len--;
		else
			l->icsk_accept_len--;
		list_del(&tp->accept_node);
		tp->parent = NULL;
	}
	tcp_forget_children(sk);
	skb_queue_purge_reason(&tp->sk_write_queue, SKB_DROP_REASON_TCP_CLOSE);
	skb_queue_purge_reason(&tp->out_of_order_queue, SKB_DROP_REASON_TCP_CLOSE);
	sk_free(sk);
}

/* tcp_done(): the connection is over; an orphan goes away now */
void tcp_done(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);

	if (tp->parent && sk->sk_state == TCP_SYN_RECV) {
		tcp_set_state(sk, TCP_CLOSE);
		tcp_destroy_sock(sk);
		return;
	}
	tcp_set_state(sk, TCP_CLOSE);
	tcp_clear_xmit_timers(sk);
	sk->sk_shutdown = SHUTDOWN_MASK;
	if (!sk->sk_socket && !tp->parent)
		tcp_destroy_sock(sk);
	else
		wake_up(&sk->sk_wq);
}

static int tcp_v4_bind(struct sock *sk, const struct sockaddr *uaddr, int len)
{
	const struct sockaddr_in *addr = (const struct sockaddr_in *)uaddr;
	unsigned int type;
	int err;

	if (len < (int)sizeof(*addr))
		return -EINVAL;
	type = inet_addr_type(sock_net(sk), addr->sin_addr.s_addr);
	if (addr->sin_addr.s_addr && type != RTN_LOCAL && !sk->freebind &&
	    !sock_net(sk)->ipv4.sysctl_ip_nonlocal_bind)
		return -EADDRNOTAVAIL;
	if (sk->sk_state != TCP_CLOSE || sk->inet_num)
		return -EINVAL;
	sk->inet_rcv_saddr = sk->inet_saddr = addr->sin_addr.s_addr;
	err = inet_csk_get_port(sk, ntohs(addr->sin_port));
	if (err)
		sk->inet_rcv_saddr = sk->inet_saddr = 0;
	return err;
}

static bool tcp_unread(const struct sock *sk)
{
	return !skb_queue_empty(&sk->sk_receive_queue);
}

/* tcp_close_state(): the FIN-side transition of close() and shutdown() */
static bool tcp_close_state(struct sock *sk)
{
	switch (sk->sk_state) {
	case TCP_ESTABLISHED:
	case TCP_SYN_RECV:
		tcp_set_state(sk, TCP_FIN_WAIT1);
		return true;
	case TCP_CLOSE_WAIT:
		tcp_set_state(sk, TCP_LAST_ACK);
		return true;
	default:
		return false;
	}
}

static void tcp_close(struct sock *sk)
{
	struct net *net = sock_net(sk);

	sk->sk_shutdown = SHUTDOWN_MASK;
	if (sk->sk_state == TCP_LISTEN) {
		tcp_set_state(sk, TCP_CLOSE);
		tcp_destroy_sock(sk);
		return;
	}
	if (tcp_unread(sk) || (sk->sk_linger && !sk->sk_lingertime)) {
		__NET_INC_STATS(net, tcp_unread(sk) ? LINUX_MIB_TCPABORTONCLOSE :
				LINUX_MIB_TCPABORTONDATA);
		skb_queue_purge_reason(&sk->sk_receive_queue, SKB_DROP_REASON_TCP_CLOSE);
		if (sk->sk_state != TCP_CLOSE && sk->sk_state != TCP_SYN_SENT &&
		    sk->sk_state != TCP_TIME_WAIT)
			tcp_send_active_reset(sk);
		tcp_set_state(sk, TCP_CLOSE);
	} else if (tcp_close_state(sk)) {
		tcp_send_fin(sk);
	} else if (sk->sk_state == TCP_SYN_SENT) {
		tcp_set_state(sk, TCP_CLOSE);
	}
	if (sk->sk_state == TCP_FIN_WAIT2)
		mod_timer(&inet_csk(sk)->sk_timer, sk->sk_world->now +
			  (u64)tcp_pernet(net)->sysctl_tcp_fin_timeout * NSEC_PER_SEC);
	if (sk->sk_state == TCP_CLOSE)
		tcp_destroy_sock(sk);
}

static size_t iov_copy_from(const struct msghdr *m, size_t off, u8 *dst, size_t len)
{
	size_t done = 0;

	for (size_t i = 0; i < m->msg_iovlen && done < len; i++) {
		size_t n = m->msg_iov[i].iov_len;

		if (off >= n) {
			off -= n;
			continue;
		}
		n -= off;
		if (n > len - done)
			n = len - done;
		memcpy(dst + done, (const u8 *)m->msg_iov[i].iov_base + off, n);
		done += n;
		off = 0;
	}
	return done;
}

/* sk_stream_wait_connect(): 0 when the socket can send */
static int tcp_wait_connect(struct sock *sk, u64 *timeo)
{
	while (TCPF(sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV))) {
		int err = sk_wait_timeo(sk, timeo);

		if (err)
			return err;
	}
	if (sk->sk_err) {
		int e = sk->sk_err;

		sk->sk_err = 0;
		return -e;
	}
	if (!(TCPF(sk->sk_state) & (TCPF(TCP_ESTABLISHED) | TCPF(TCP_CLOSE_WAIT))))
		return -EPIPE;
	return 0;
}

/* One chunk into the tail skb (if unsent and not full) or a new skb */
static size_t tcp_copy_chunk(struct sock *sk, const struct msghdr *m, size_t off, size_t left)
{
	struct tcp_sock *tp = tcp_sk(sk);
	struct sk_buff *tail = skb_queue_empty(&tp->sk_write_queue) ? NULL :
			       tp->sk_write_queue.prev;
	size_t n;

	if (!tail || !tp->send_head || tail->len >= tp->mss_cache ||
	    (TCP_SKB_CB(tail)->tcp_flags & (TCPHDR_FIN | TCPHDR_SYN)) ||
	    skb_tailroom(tail) <= 0) {
		tail = tcp_alloc_skb(sk, tp->mss_cache);
		if (!tail)
			return 0;
		TCP_SKB_CB(tail)->seq = TCP_SKB_CB(tail)->end_seq = tp->write_seq;
		TCP_SKB_CB(tail)->tcp_flags = TCPHDR_ACK;
		skb_trace(tail, "tcp_sendmsg");
		__skb_queue_tail(&tp->sk_write_queue, tail);
		if (!tp->send_head)
			tp->send_head = tail;
	}
	n = tp->mss_cache - tail->len;
	if (n > (size_t)skb_tailroom(tail))
		n = (size_t)skb_tailroom(tail);
	if (n > left)
		n = left;
	iov_copy_from(m, off, skb_put(tail, (unsigned int)n), n);
	TCP_SKB_CB(tail)->end_seq += (u32)n;
	tp->write_seq += (u32)n;
	tp->sk_wmem_queued += (int)n;
	return n;
}

static int tcp_sendmsg(struct sock *sk, const struct msghdr *m, size_t len, int flags)
{
	struct tcp_sock *tp = tcp_sk(sk);
	bool nonblock = (flags & MSG_DONTWAIT) || (sk->sk_socket && sk->sk_socket->nonblock);
	u64 timeo = sock_sndtimeo(sk, nonblock);
	size_t copied = 0;
	int err = tcp_wait_connect(sk, &timeo);

	if (err)
		return err;
	while (copied < len) {
		size_t n;

		if (sk->sk_err || (sk->sk_shutdown & SEND_SHUTDOWN)) {
			err = sk->sk_err ? -sk->sk_err : -EPIPE;
			sk->sk_err = 0;
			break;
		}
		if (tp->sk_wmem_queued >= sk->sk_sndbuf) {
			/* sk_stream_wait_memory(): SO_SNDTIMEO spent is EAGAIN */
			tcp_push(sk);
			err = sk_wait_timeo(sk, &timeo);
			if (err)
				break;
			continue;
		}
		n = tcp_copy_chunk(sk, m, copied, len - copied);
		if (!n) {
			err = -ENOBUFS;
			break;
		}
		copied += n;
	}
	if (copied && !skb_queue_empty(&tp->sk_write_queue))
		TCP_SKB_CB(tp->sk_write_queue.prev)->tcp_flags |= TCPHDR_PSH;
	tcp_push(sk);
	return copied ? (int)copied : err;
}

/* __tcp_cleanup_rbuf(): after the application read, ACK now when a delayed
 * ACK is owed for more than a segment, or when the window we would offer
 * (__tcp_select_window) is at least twice what the peer was last told and
 * that was no more than half the largest window. */
static void tcp_cleanup_rbuf(struct sock *sk)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u32 now = tp->rcv_wnd + tp->rcv_wup - tp->rcv_nxt;
	int space = tcp_rcv_space(sk);
	u32 clamp = 65535u << tp->rcv_wscale, win;

	if (!(TCPF(sk->sk_state) & (TCPF(TCP_ESTABLISHED) | TCPF(TCP_FIN_WAIT1) |
				    TCPF(TCP_FIN_WAIT2))))
		return;
	if (after(tp->rcv_nxt, tp->rcv_wup + tp->rcv_wnd))
		now = 0;
	if (inet_csk(sk)->icsk_ack_pending && tp->rcv_nxt - tp->rcv_wup > tp->rcv_mss) {
		tcp_send_ack(sk);
		return;
	}
	if (sk->sk_shutdown & RCV_SHUTDOWN || space <= 0 || 2 * now > clamp)
		return;
	win = (u32)space < tp->rcv_ssthresh ? (u32)space : tp->rcv_ssthresh;
	if (win < tp->rcv_mss)
		return;
	if (win >= 2 * now && win - now >= tp->rcv_mss)
		tcp_send_ack(sk);
}

static size_t tcp_copy_out(struct sock *sk, struct msghdr *m, size_t len, int flags)
{
	struct sk_buff *skb = sk->sk_receive_queue.next;
	size_t copied = 0;

	while (copied < len && skb != (struct sk_buff *)&sk->sk_receive_queue) {
		struct sk_buff *next = skb->next;
		size_t n = skb->len < len - copied ? skb->len : len - copied;
		struct iovec iov[8];
		struct msghdr sub = *m;
		size_t skip = copied, k = 0;

		for (size_t i = 0; i < m->msg_iovlen && k < 8; i++) {
			if (skip >= m->msg_iov[i].iov_len) {
				skip -= m->msg_iov[i].iov_len;
				continue;
			}
			iov[k].iov_base = (u8 *)m->msg_iov[i].iov_base + skip;
			iov[k++].iov_len = m->msg_iov[i].iov_len - skip;
			skip = 0;
		}
		sub.msg_iov = iov;
		sub.msg_iovlen = k;
		skb_copy_datagram_msg(skb, 0, &sub, n);
		copied += n;
		if (!(flags & MSG_PEEK)) {
			tcp_sk(sk)->copied_seq += (u32)n;
			sk->sk_rmem_alloc -= (int)n;
			if (n == skb->len) {
				__skb_unlink(skb, &sk->sk_receive_queue);
				consume_skb(skb);
			} else {
				skb_pull(skb, (unsigned int)n);
			}
		}
		skb = next;
	}
	return copied;
}

/* tcp_inq(): what a read would get now, the FIN not counted (SIOCINQ) */
static int tcp_inq(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	int answ;

	if (TCPF(sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV)))
		return 0;
	answ = (int)(tp->rcv_nxt - tp->copied_seq);
	if (answ && (sk->sk_shutdown & RCV_SHUTDOWN))
		answ--;
	return answ;
}

/* tcp_inq_hint(): the TCP_CM_INQ value — the FIN counts, so that a reader
 * sees 0 only when there is nothing more, not even the end. */
static int tcp_inq_hint(const struct sock *sk)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	int inq = (int)(tp->rcv_nxt - tp->copied_seq);

	if (inq == 0 && (sk->sk_shutdown & RCV_SHUTDOWN))
		inq = 1;
	return inq;
}

/* The TCP_CM_INQ control message, or none (msg_controllen 0). */
static void tcp_recv_cmsg(struct sock *sk, struct msghdr *m)
{
	size_t room = m->msg_control ? m->msg_controllen : 0;
	int inq;

	m->msg_controllen = 0;
	if (!tcp_sk(sk)->recvmsg_inq)
		return;
	if (room < CMSG_SPACE(sizeof(inq))) {
		m->msg_flags |= MSG_CTRUNC;
		return;
	}
	inq = tcp_inq_hint(sk);
	{
		struct cmsghdr *cm = (struct cmsghdr *)m->msg_control;

		cm->cmsg_level = IPPROTO_TCP;	/* SOL_TCP */
		cm->cmsg_type = TCP_CM_INQ;
		cm->cmsg_len = CMSG_LEN(sizeof(inq));
		memcpy(CMSG_DATA(cm), &inq, sizeof(inq));
	}
	m->msg_controllen = CMSG_SPACE(sizeof(inq));
}

/* tcp_ioctl() */
static int tcp_ioctl(struct sock *sk, int cmd, int *karg)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	bool syn = TCPF(sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV));

	switch (cmd) {
	case SIOCINQ:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		*karg = tcp_inq(sk);
		return 0;
	case SIOCOUTQ:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		*karg = syn ? 0 : (int)(tp->write_seq - tp->snd_una);
		return 0;
	case SIOCOUTQNSD:
		if (sk->sk_state == TCP_LISTEN)
			return -EINVAL;
		*karg = syn ? 0 : (int)(tp->write_seq - tp->snd_nxt);
		return 0;
	}
	return -ENOIOCTLCMD;
}

static int tcp_recvmsg_locked(struct sock *sk, struct msghdr *m, size_t len, int flags)
{
	bool nonblock = (flags & MSG_DONTWAIT) || (sk->sk_socket && sk->sk_socket->nonblock);
	u64 timeo = sock_rcvtimeo(sk, nonblock);
	size_t copied = 0;
	int err;

	if (sk->sk_state == TCP_LISTEN)
		return -ENOTCONN;
	for (;;) {
		copied += tcp_copy_out(sk, m, len - copied, flags);
		if (copied >= len || (copied && !(flags & MSG_WAITALL)) || (flags & MSG_PEEK && copied))
			break;
		if (sk->sk_err) {
			int e = sk->sk_err;

			sk->sk_err = 0;
			return copied ? (int)copied : -e;
		}
		if (sk->sk_shutdown & RCV_SHUTDOWN)
			break;
		if (sk->sk_state == TCP_CLOSE)
			return copied ? (int)copied : -ENOTCONN;
		/* SO_RCVTIMEO spent (or non-blocking): EAGAIN */
		err = sk_wait_timeo(sk, &timeo);
		if (err)
			return copied ? (int)copied : err;
	}
	if (copied && !(flags & MSG_PEEK)) {
		tcp_rcv_space_adjust(sk);
		tcp_cleanup_rbuf(sk);
	}
	return (int)copied;
}

static int tcp_recvmsg(struct sock *sk, struct msghdr *m, size_t len, int flags, int *alen)
{
	int ret = tcp_recvmsg_locked(sk, m, len, flags);

	(void)alen;
	if (ret >= 0)
		tcp_recv_cmsg(sk, m);
	return ret;
}

/* TCP_KEEPIDLE (1..32767 s) restarts a running keepalive timer with the
 * new idle time less what has passed (tcp_sock_set_keepidle_locked);
 * TCP_KEEPINTVL (1..32767 s), TCP_KEEPCNT (1..127), TCP_USER_TIMEOUT (ms). */
static int tcp_keepalive_setsockopt(struct sock *sk, int name, int v)
{
	struct tcp_sock *tp = tcp_sk(sk);
	u64 idle, elapsed;

	switch (name) {
	case TCP_KEEPIDLE:
		if (v < 1 || v > 32767)
			return -EINVAL;
		tp->keepalive_time = (u32)v;
		if (!sk->sk_keepopen || TCPF(sk->sk_state) & (TCPF(TCP_CLOSE) | TCPF(TCP_LISTEN)))
			return 0;
		idle = (u64)v * NSEC_PER_SEC;
		elapsed = sk->sk_world->now - tp->rcv_tstamp;
		mod_timer(&inet_csk(sk)->sk_timer,
			  sk->sk_world->now + (idle > elapsed ? idle - elapsed : 0));
		return 0;
	case TCP_KEEPINTVL:
		if (v < 1 || v > 32767)
			return -EINVAL;
		tp->keepalive_intvl = (u32)v;
		return 0;
	case TCP_KEEPCNT:
		if (v < 1 || v > 127)
			return -EINVAL;
		tp->keepalive_probes = (u8)v;
		return 0;
	default:	/* TCP_USER_TIMEOUT */
		if (v < 0)
			return -EINVAL;
		tp->user_timeout = (u32)v;
		return 0;
	}
}

static int tcp_setsockopt(struct sock *sk, int level, int name, const void *val,
			  unsigned int len)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int v = 0;

	if (level != IPPROTO_TCP)
		return ip_setsockopt(sk, level, name, val, len);
	if (name == TCP_CONGESTION) {
		char buf[16] = { 0 };
		const struct tcp_congestion_ops *ca;

		memcpy(buf, val, len < sizeof(buf) - 1 ? len : sizeof(buf) - 1);
		ca = tcp_ca_find(buf);
		if (!ca)
			return -ENOENT;
		inet_csk(sk)->icsk_ca_ops = ca;
		return 0;
	}
	if (len < sizeof(int))
		return -EINVAL;
	memcpy(&v, val, sizeof(v));
	switch (name) {
	case TCP_NODELAY:
		tp->nonagle = v ? 1 : 0;
		if (v)
			tcp_push(sk);
		return 0;
	case TCP_MAXSEG:
		if (v && (v < 88 || v > 32767))
			return -EINVAL;
		tp->user_mss = (u32)v;
		return 0;
	case TCP_SYNCNT:
		if (v < 1 || v > 127)
			return -EINVAL;
		inet_csk(sk)->icsk_syn_retries = (u8)v;
		return 0;
	case TCP_KEEPIDLE:
	case TCP_KEEPINTVL:
	case TCP_KEEPCNT:
	case TCP_USER_TIMEOUT:
		return tcp_keepalive_setsockopt(sk, name, v);
	case TCP_QUICKACK:
		return v < 0 ? -EINVAL : 0;
	case TCP_INQ:
		if (v < 0 || v > 1)
			return -EINVAL;
		tp->recvmsg_inq = (u8)v;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

static u32 ns_to_ms_ago(const struct sock *sk, u64 t)
{
	return t ? (u32)((sk->sk_world->now - t) / NSEC_PER_MSEC) : 0;
}

/* tcp_get_info(): the fields ss -i and iperf3 read.  A listener reports
 * its cwnd and reordering, and in tcpi_unacked/tcpi_sacked its accept queue
 * and backlog, as Linux does. */
void tcp_get_info(struct sock *sk, struct tcp_info *info)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	const struct inet_connection_sock *icsk = inet_csk(sk);

	memset(info, 0, sizeof(*info));
	info->tcpi_state = sk->sk_state;
	if (sk->sk_state == TCP_LISTEN) {
		info->tcpi_snd_cwnd = tp->snd_cwnd;
		info->tcpi_reordering = 3;
		info->tcpi_unacked = (u32)icsk->icsk_accept_len;
		info->tcpi_sacked = (u32)icsk->sk_max_ack_backlog;
		return;
	}
	info->tcpi_ca_state = icsk->icsk_ca_state;
	info->tcpi_retransmits = icsk->icsk_retransmits;
	info->tcpi_probes = icsk->icsk_probes_out;
	info->tcpi_backoff = icsk->icsk_backoff;
	info->tcpi_options = (u8)((tp->tstamp_ok ? TCPI_OPT_TIMESTAMPS : 0) |
				  (tp->sack_ok ? TCPI_OPT_SACK : 0) |
				  (tp->wscale_ok ? TCPI_OPT_WSCALE : 0));
	if (tp->wscale_ok) {
		info->tcpi_snd_wscale = tp->snd_wscale & 15;
		info->tcpi_rcv_wscale = tp->rcv_wscale & 15;
	}
	/* Linux keeps the RTO in jiffies (HZ 250 here): it reads in 4 ms steps */
	info->tcpi_rto = (u32)((icsk->icsk_rto + 3999999) / 4000000 * 4000);
	/* icsk_ack.ato: TCP_ATO_MIN from the first data received on */
	info->tcpi_ato = tp->rcv_nxt - tp->irs > 1 ? (u32)(TCP_DELACK_MIN_NS / 1000) : 0;
	info->tcpi_snd_mss = tp->mss_cache;
	info->tcpi_rcv_mss = tp->rcv_mss;
	info->tcpi_unacked = tp->packets_out;
	info->tcpi_sacked = tp->sacked_out;
	info->tcpi_lost = tp->lost_out;
	info->tcpi_retrans = tp->retrans_out;
	info->tcpi_last_data_recv = ns_to_ms_ago(sk, icsk->icsk_ack_lrcvtime);
	info->tcpi_last_ack_recv = ns_to_ms_ago(sk, tp->rcv_tstamp);
	info->tcpi_pmtu = sk->sk_dst_cache ? dst_mtu(sk->sk_dst_cache) : 0;
	info->tcpi_rcv_ssthresh = tp->rcv_ssthresh;
	info->tcpi_rtt = (u32)(tp->srtt_ns / 1000);
	info->tcpi_rttvar = (u32)(tp->mdev_ns / 1000);
	info->tcpi_snd_ssthresh = tp->snd_ssthresh;
	info->tcpi_snd_cwnd = tp->snd_cwnd;
	info->tcpi_advmss = tp->advmss;
	info->tcpi_reordering = 3;
	info->tcpi_rcv_space = tp->rcvq_space.space;
	info->tcpi_total_retrans = tp->total_retrans;
	info->tcpi_bytes_acked = tp->snd_una - tp->iss - (tp->snd_una != tp->iss);
	info->tcpi_bytes_received = tp->rcv_nxt - tp->irs - (tp->rcv_nxt != tp->irs);
	info->tcpi_notsent_bytes = tp->write_seq - tp->snd_nxt;
	info->tcpi_min_rtt = tp->min_rtt_ns ? (u32)(tp->min_rtt_ns / 1000) : ~0u;
	info->tcpi_snd_wnd = tp->snd_wnd;
}

static int tcp_getsockopt_int(struct sock *sk, int name, int *v)
{
	const struct tcp_sock *tp = tcp_sk(sk);
	const struct tcp_net *tn = tcp_pernet(sock_net(sk));

	switch (name) {
	case TCP_KEEPIDLE:
		*v = (int)keepalive_time_when(tp, tn);
		return 0;
	case TCP_KEEPINTVL:
		*v = (int)keepalive_intvl_when(tp, tn);
		return 0;
	case TCP_KEEPCNT:
		*v = (int)keepalive_probes(tp, tn);
		return 0;
	case TCP_USER_TIMEOUT:
		*v = (int)tp->user_timeout;
		return 0;
	case TCP_INQ:
		*v = tp->recvmsg_inq;
		return 0;
	default:
		return -ENOPROTOOPT;
	}
}

static int tcp_getsockopt(struct sock *sk, int level, int name, void *val, unsigned int *len)
{
	struct tcp_sock *tp = tcp_sk(sk);
	int v;

	if (level != IPPROTO_TCP)
		return ip_getsockopt(sk, level, name, val, len);
	switch (name) {
	case TCP_NODELAY:
		v = tp->nonagle & 1;
		break;
	case TCP_MAXSEG:
		v = (int)tp->mss_cache;
		if (tp->user_mss && TCPF(sk->sk_state) & (TCPF(TCP_CLOSE) | TCPF(TCP_LISTEN)))
			v = (int)tp->user_mss;
		break;
	case TCP_CONGESTION: {
		const char *n = inet_csk(sk)->icsk_ca_ops->name;
		size_t l = strlen(n) + 1 < *len ? strlen(n) + 1 : *len;

		memcpy(val, n, l);
		*len = (unsigned int)l;
		return 0;
	}
	case TCP_INFO: {
		struct tcp_info info;

		tcp_get_info(sk, &info);
		*len = *len < sizeof(info) ? *len : (unsigned int)sizeof(info);
		memcpy(val, &info, *len);
		return 0;
	}
	default:
		if (tcp_getsockopt_int(sk, name, &v))
			return -ENOPROTOOPT;
	}
	if (*len < sizeof(int))
		return -EINVAL;
	memcpy(val, &v, sizeof(v));
	*len = sizeof(int);
	return 0;
}

const struct proto tcp_prot = {
	.name = "TCP",
	.close = tcp_close,
	.init = tcp_v4_init_sock,
	.connect = tcp_v4_connect,
	.bind = tcp_v4_bind,
	.sendmsg = tcp_sendmsg,
	.recvmsg = tcp_recvmsg,
	.setsockopt = tcp_setsockopt,
	.getsockopt = tcp_getsockopt,
	.ioctl = tcp_ioctl,
	.obj_size = sizeof(struct tcp_sock),
};
