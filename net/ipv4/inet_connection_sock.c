/* The connection-oriented socket calls (net/ipv4/inet_connection_sock.c and
 * the stream part of net/ipv4/af_inet.c): inet_stream_connect (blocking, or
 * EINPROGRESS then poll/SO_ERROR), inet_listen, inet_csk_accept from the
 * accept queue, tcp_poll, inet_shutdown for half-close — the proto_ops
 * inet_stream_ops that inetsw_array gives SOCK_STREAM sockets. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <netinet/in.h>
#include "net/net_namespace.h"
#include "net/tcp.h"
#include "net/world.h"

enum { SS_UNCONNECTED = 1, SS_CONNECTING, SS_CONNECTED };

#define TCPF(s) (1u << (s))

static int sock_error(struct sock *sk)
{
	int e = sk->sk_err;

	sk->sk_err = 0;
	return -e;
}

/* inet_wait_for_connect() within SO_SNDTIMEO: spent, connect() says
 * EINPROGRESS and the handshake goes on, as Linux */
static int inet_wait_for_connect(struct socket *sock)
{
	struct sock *sk = sock->sk;
	u64 timeo = sock_sndtimeo(sk, false);

	while (TCPF(sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV))) {
		int err = sk_wait_timeo(sk, &timeo);

		if (err)
			return err == -EAGAIN ? -EINPROGRESS : err;
	}
	if (sk->sk_state == TCP_CLOSE) {
		sock->state = SS_UNCONNECTED;
		return sk->sk_err ? sock_error(sk) : -ECONNABORTED;
	}
	sock->state = SS_CONNECTED;
	return 0;
}

static int inet_stream_connect(struct socket *sock, const struct sockaddr *addr, int len,
			       int flags)
{
	struct sock *sk = sock->sk;
	int err;

	(void)flags;
	if (len < (int)sizeof(addr->sa_family))
		return -EINVAL;
	if (addr->sa_family == AF_UNSPEC)
		return -EOPNOTSUPP;
	if (sock->state == SS_CONNECTING) {
		if (sk->sk_state == TCP_CLOSE) {
			sock->state = SS_UNCONNECTED;
			return sk->sk_err ? sock_error(sk) : -ECONNABORTED;
		}
		if (sk->sk_state != TCP_SYN_SENT) {
			sock->state = SS_CONNECTED;
			return -EISCONN;
		}
		if (sock->nonblock)
			return -EALREADY;
		return inet_wait_for_connect(sock);
	}
	if (sock->state == SS_CONNECTED || sk->sk_state != TCP_CLOSE)
		return sk->sk_state == TCP_LISTEN ? -EINVAL : -EISCONN;
	err = sk->sk_prot->connect(sk, addr, len);
	if (err)
		return err;
	sock->state = SS_CONNECTING;
	if (sock->nonblock)
		return -EINPROGRESS;
	return inet_wait_for_connect(sock);
}

/* inet_listen(): the port is checked again as a listener's (a second
 * listener conflicts even with SO_REUSEADDR, not with SO_REUSEPORT on both,
 * which counts as it is now, set before or after bind()); a listener with
 * SO_REUSEPORT joins its group (__inet_hash). */
static int inet_listen(struct socket *sock, int backlog)
{
	struct sock *sk = sock->sk;
	int err;

	if (sock->state == SS_CONNECTED || sock->state == SS_CONNECTING ||
	    !(TCPF(sk->sk_state) & (TCPF(TCP_CLOSE) | TCPF(TCP_LISTEN))))
		return -EINVAL;
	inet_csk(sk)->sk_max_ack_backlog = backlog;
	if (sk->sk_state == TCP_LISTEN)
		return 0;
	sk->sk_state = TCP_LISTEN;
	err = inet_csk_get_port(sk, sk->inet_num);
	if (!err)
		err = inet_reuseport_add_sock(sk);
	if (err) {
		sk->sk_state = TCP_CLOSE;
		return err;
	}
	list_del(&sk->sk_node);
	list_add_tail(&sk->sk_node, &tcp_pernet(sock_net(sk))->lhash);
	return 0;
}

/* inet_csk_accept(): the oldest established child */
static int inet_accept(struct socket *sock, struct socket *newsock, int flags)
{
	struct sock *sk = sock->sk;
	struct inet_connection_sock *icsk = inet_csk(sk);
	struct tcp_sock *child;
	u64 timeo;

	(void)flags;
	if (sk->sk_state != TCP_LISTEN)
		return -EINVAL;
	timeo = sock_rcvtimeo(sk, sock->nonblock);
	while (list_empty(&icsk->icsk_accept_queue)) {
		/* inet_csk_wait_for_connect(): SO_RCVTIMEO spent is EAGAIN */
		int err = sk_wait_timeo(sk, &timeo);

		if (err)
			return err;
		if (sk->sk_state != TCP_LISTEN)
			return -EINVAL;
	}
	child = list_first_entry(&icsk->icsk_accept_queue, struct tcp_sock, accept_node);
	list_del(&child->accept_node);
	INIT_LIST_HEAD(&child->accept_node);
	icsk->icsk_accept_len--;
	child->parent = NULL;
	child->icsk.sk.sk_socket = newsock;
	newsock->sk = &child->icsk.sk;
	newsock->state = SS_CONNECTED;
	return 0;
}

/* tcp_poll() */
static unsigned int tcp_poll(struct socket *sock)
{
	struct sock *sk = sock->sk;
	struct tcp_sock *tp = tcp_sk(sk);
	unsigned int mask = 0;

	if (sk->sk_state == TCP_LISTEN)
		return list_empty(&inet_csk(sk)->icsk_accept_queue) ? 0 : POLLIN | POLLRDNORM;
	if (sk->sk_shutdown == SHUTDOWN_MASK || sk->sk_state == TCP_CLOSE)
		mask |= POLLHUP;
	if (sk->sk_shutdown & RCV_SHUTDOWN)
		mask |= POLLIN | POLLRDNORM | POLLRDHUP;
	if (!(TCPF(sk->sk_state) & (TCPF(TCP_SYN_SENT) | TCPF(TCP_SYN_RECV)))) {
		if (!skb_queue_empty(&sk->sk_receive_queue))
			mask |= POLLIN | POLLRDNORM;
		if (!(sk->sk_shutdown & SEND_SHUTDOWN)) {
			if (tp->sk_wmem_queued < sk->sk_sndbuf && tcp_stream_is_writeable(sk))
				mask |= POLLOUT | POLLWRNORM;
		} else {
			mask |= POLLOUT | POLLWRNORM;
		}
	}
	if (sk->sk_err)
		mask |= POLLERR;
	if (sk->sk_state == TCP_CLOSE && sock->state != SS_CONNECTING && !sk->sk_err)
		mask = POLLOUT | POLLWRNORM | POLLHUP;
	return mask;
}

/* inet_shutdown(): SHUT_WR sends our FIN and keeps reading (half-close) */
static int inet_stream_shutdown(struct socket *sock, int how)
{
	struct sock *sk = sock->sk;

	if (how < SHUT_RD || how > SHUT_RDWR)
		return -EINVAL;
	how++;
	if (TCPF(sk->sk_state) & (TCPF(TCP_CLOSE) | TCPF(TCP_SYN_SENT)) &&
	    sock->state != SS_CONNECTED)
		return -ENOTCONN;
	sk->sk_shutdown |= (u8)how;
	if (sk->sk_state == TCP_LISTEN && (how & RCV_SHUTDOWN)) {
		tcp_set_state(sk, TCP_CLOSE);
		inet_put_port(sk);
	} else if ((how & SEND_SHUTDOWN) &&
		   (TCPF(sk->sk_state) & (TCPF(TCP_ESTABLISHED) | TCPF(TCP_SYN_RECV) |
					  TCPF(TCP_CLOSE_WAIT)))) {
		if (sk->sk_state == TCP_CLOSE_WAIT)
			tcp_set_state(sk, TCP_LAST_ACK);
		else
			tcp_set_state(sk, TCP_FIN_WAIT1);
		tcp_send_fin(sk);
	}
	wake_up(&sk->sk_wq);
	return 0;
}

static int inet_stream_setsockopt(struct socket *sock, int level, int name, const void *val,
				  unsigned int len)
{
	struct sock *sk = sock->sk;
	int err;

	if (level != SOL_SOCKET)
		return sk->sk_prot->setsockopt(sk, level, name, val, len);
	err = sock_setsockopt(sock, level, name, val, len);
	if (!err && name == SO_KEEPALIVE && sk->sk_state == TCP_ESTABLISHED) {
		if (sk->sk_keepopen)
			tcp_set_keepalive_timer(sk);
		else
			del_timer(&inet_csk(sk)->sk_timer);
	}
	return err;
}

static int inet_stream_getsockopt(struct socket *sock, int level, int name, void *val,
				  unsigned int *len)
{
	if (level == SOL_SOCKET)
		return sock_getsockopt(sock, level, name, val, len);
	return sock->sk->sk_prot->getsockopt(sock->sk, level, name, val, len);
}

static int inet_stream_release(struct socket *sock)
{
	struct sock *sk = sock->sk;

	if (sk) {
		sock->sk = NULL;
		sk->sk_socket = NULL;
		sk->sk_prot->close(sk);
	}
	return 0;
}

int inet6_bind(struct socket *sock, const struct sockaddr *addr, int len);
int inet6_getname(struct socket *sock, struct sockaddr *uaddr, int peer);

static int inet_stream_bind(struct socket *sock, const struct sockaddr *addr, int len)
{
	if (sock->sk->sk_family == AF_INET6)
		return inet6_bind(sock, addr, len);
	if (len < (int)sizeof(struct sockaddr_in))
		return -EINVAL;
	if (((const struct sockaddr_in *)addr)->sin_family != AF_INET)
		return -EAFNOSUPPORT;
	return sock->sk->sk_prot->bind(sock->sk, addr, len);
}

static int inet_stream_getname(struct socket *sock, struct sockaddr *uaddr, int peer)
{
	struct sock *sk = sock->sk;
	struct sockaddr_in *sin = (struct sockaddr_in *)uaddr;

	if (peer && (!sk->inet_dport || (TCPF(sk->sk_state) & (TCPF(TCP_CLOSE) |
		     TCPF(TCP_SYN_SENT)))))
		return -ENOTCONN;
	if (sk->sk_family == AF_INET6)
		return inet6_getname(sock, uaddr, peer);
	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	if (peer) {
		sin->sin_port = sk->inet_dport;
		sin->sin_addr.s_addr = sk->inet_daddr;
	} else {
		sin->sin_port = sk->inet_sport;
		sin->sin_addr.s_addr = sk->inet_rcv_saddr ? sk->inet_rcv_saddr : sk->inet_saddr;
	}
	return sizeof(*sin);
}

static int inet_stream_sendmsg(struct socket *sock, const struct msghdr *m, size_t len,
			       int flags)
{
	return sock->sk->sk_prot->sendmsg(sock->sk, m, len, flags);
}

static int inet_stream_recvmsg(struct socket *sock, struct msghdr *m, size_t len, int flags)
{
	int alen = 0;

	return sock->sk->sk_prot->recvmsg(sock->sk, m, len, flags, &alen);
}

const struct proto_ops inet_stream_ops = {
	.family = AF_INET,
	.release = inet_stream_release,
	.bind = inet_stream_bind,
	.connect = inet_stream_connect,
	.getname = inet_stream_getname,
	.poll = tcp_poll,
	.setsockopt = inet_stream_setsockopt,
	.getsockopt = inet_stream_getsockopt,
	.sendmsg = inet_stream_sendmsg,
	.recvmsg = inet_stream_recvmsg,
	.shutdown = inet_stream_shutdown,
	.listen = inet_listen,
	.accept = inet_accept,
};
