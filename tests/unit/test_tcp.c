/* TCP between two namespaces over a veth pair: handshake, data both ways,
 * half-close, RST on a closed port (ECONNREFUSED), retransmission after a
 * loss (the link goes down for a while), TIME_WAIT expiry, the listen
 * backlog, non-blocking connect.  Every test ends with the leak check. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <cmocka.h>
#include <netinet/in.h>
#include "helpers.h"
#include "skbox/socket.h"
#include "net/ip.h"
#include "net/tcp.h"

struct rig {
	struct world *w;
	struct net *a, *b;
	int port;
	int srv_rc, cli_rc;
	char srv_got[4096];
	char cli_got[4096];
	int srv_len, cli_len;
	int big;		/* bytes the client sends */
	bool server_shutdown_first;	/* the client waits 10 ms before sending */
};

static void build(struct rig *r)
{
	memset(r, 0, sizeof(*r));
	r->w = world_new(7);
	r->a = net_create(r->w, "a");
	r->b = net_create(r->w, "b");
	assert_non_null(h_link(r->a, "veth", "va", "vb", r->b));
	assert_int_equal(h_addr(r->a, "va", "10.2.0.1", 24), 0);
	assert_int_equal(h_addr(r->b, "vb", "10.2.0.2", 24), 0);
	dev_open(__dev_get_by_name(r->a, "va"));
	dev_open(__dev_get_by_name(r->b, "vb"));
	r->port = 8888;
}

static void addr_of(struct sockaddr_in *s, const char *ip, int port)
{
	memset(s, 0, sizeof(*s));
	s->sin_family = AF_INET;
	s->sin_port = htons((u16)port);
	inet_pton(AF_INET, ip, &s->sin_addr);
}

static int read_all(struct world *w, int fd, char *buf, int cap)
{
	int len = 0;

	for (;;) {
		ssize_t n = skbox_recv(w, fd, buf + len, (size_t)(cap - len), 0);

		if (n <= 0)
			return n < 0 ? (int)n : len;
		len += (int)n;
		if (len >= cap)
			return len;
	}
}

/* Server: accept one connection, read to EOF, answer, close. */
static int server(void *arg)
{
	struct rig *r = arg;
	struct sockaddr_in me, peer;
	socklen_t plen = sizeof(peer);
	int one = 1, fd = skbox_socket(r->w, AF_INET, SOCK_STREAM, 0), c;

	addr_of(&me, "0.0.0.0", r->port);
	skbox_setsockopt(r->w, fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (skbox_bind(r->w, fd, (struct sockaddr *)&me, sizeof(me)) ||
	    skbox_listen(r->w, fd, 5))
		return r->srv_rc = -1;
	c = skbox_accept(r->w, fd, (struct sockaddr *)&peer, &plen);
	skbox_close(r->w, fd);
	if (c < 0)
		return r->srv_rc = c;
	r->srv_len = read_all(r->w, c, r->srv_got, sizeof(r->srv_got));
	skbox_send(r->w, c, "pong", 4, 0);
	skbox_close(r->w, c);
	return 0;
}

/* Client: connect, send, half-close, read the answer to EOF. */
static int client(void *arg)
{
	struct rig *r = arg;
	struct sockaddr_in dst;
	char big[4096];
	int fd = skbox_socket(r->w, AF_INET, SOCK_STREAM, 0);

	addr_of(&dst, "10.2.0.2", r->port);
	r->cli_rc = skbox_connect(r->w, fd, (struct sockaddr *)&dst, sizeof(dst));
	if (r->cli_rc) {
		skbox_close(r->w, fd);
		return 0;
	}
	if (r->server_shutdown_first)
		task_sleep(r->w, 10 * T_MS);
	if (r->big) {
		for (int i = 0; i < r->big; i++)
			big[i] = (char)('a' + i % 26);
		skbox_send(r->w, fd, big, (size_t)r->big, 0);
	} else {
		skbox_send(r->w, fd, "ping", 4, 0);
	}
	skbox_shutdown(r->w, fd, SHUT_WR);
	r->cli_len = read_all(r->w, fd, r->cli_got, sizeof(r->cli_got));
	skbox_close(r->w, fd);
	return 0;
}

static void run_pair(struct rig *r, bool with_server, u64 span)
{
	struct task *s = with_server ? task_spawn(r->w, r->b, "srv", server, r) : NULL;
	struct task *c;

	if (s)
		task_run_queue(r->w);
	c = task_spawn(r->w, r->a, "cli", client, r);
	h_advance_to(r->w, r->w->now + span);
	assert_int_equal(c->state, TASK_DEAD);
	task_free(c);
	if (s) {
		assert_int_equal(s->state, TASK_DEAD);
		task_free(s);
	}
}

static void test_handshake_data_close(void **state)
{
	struct rig r;

	(void)state;
	build(&r);
	run_pair(&r, true, 2 * T_SEC);
	assert_int_equal(r.cli_rc, 0);
	assert_int_equal(r.srv_len, 4);
	assert_memory_equal(r.srv_got, "ping", 4);
	assert_int_equal(r.cli_len, 4);
	assert_memory_equal(r.cli_got, "pong", 4);
	assert_int_equal(r.a->mib.tcp[TCP_MIB_ACTIVEOPENS], 1);
	assert_int_equal(r.b->mib.tcp[TCP_MIB_PASSIVEOPENS], 1);
	assert_int_equal(r.a->mib.tcp[TCP_MIB_RETRANSSEGS], 0);
	/* The client closed first: it sits in TIME_WAIT for 60 s. */
	h_advance_to(r.w, r.w->now + 61 * T_SEC);
	assert_int_equal(r.a->mib.linux_mib[LINUX_MIB_TIMEWAITED], 1);
	assert_int_equal(r.w->socks_live, 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_refused(void **state)
{
	struct rig r;

	(void)state;
	build(&r);
	run_pair(&r, false, 2 * T_SEC);
	assert_int_equal(r.cli_rc, -ECONNREFUSED);
	assert_int_equal(r.b->mib.tcp[TCP_MIB_OUTRSTS], 1);
	assert_int_equal(r.a->mib.tcp[TCP_MIB_ATTEMPTFAILS], 1);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_bulk(void **state)
{
	struct rig r;

	(void)state;
	build(&r);
	r.big = 4000;
	run_pair(&r, true, 3 * T_SEC);
	assert_int_equal(r.srv_len, 4000);
	for (int i = 0; i < 4000; i++)
		if (r.srv_got[i] != (char)('a' + i % 26))
			fail();
	assert_int_equal(world_free(r.w, stderr), 0);
}

static int link_flap(void *arg)
{
	struct rig *r = arg;
	struct net_device *d = __dev_get_by_name(r->a, "va");

	task_sleep(r->w, 5 * T_MS);
	dev_close(d);
	task_sleep(r->w, 500 * T_MS);
	dev_open(d);
	return 0;
}

/* The link goes down right after the handshake: the data is lost once and
 * retransmitted when the RTO fires. */
static void test_retransmit(void **state)
{
	struct rig r;
	struct task *f;

	(void)state;
	build(&r);
	r.big = 3000;
	r.server_shutdown_first = true;
	f = task_spawn(r.w, r.a, "flap", link_flap, &r);
	run_pair(&r, true, 10 * T_SEC);
	task_free(f);
	assert_int_equal(r.srv_len, 3000);
	assert_true(r.a->mib.tcp[TCP_MIB_RETRANSSEGS] >= 1);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static int nb_client(void *arg)
{
	struct rig *r = arg;
	struct sockaddr_in dst;
	int fd = skbox_socket(r->w, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), err = 0;
	struct pollfd p = { .fd = fd, .events = POLLOUT };
	socklen_t l = sizeof(err);

	addr_of(&dst, "10.2.0.2", r->port);
	r->cli_rc = skbox_connect(r->w, fd, (struct sockaddr *)&dst, sizeof(dst));
	if (r->cli_rc == -EINPROGRESS && skbox_poll(r->w, &p, 1, 5000) == 1) {
		skbox_getsockopt(r->w, fd, SOL_SOCKET, SO_ERROR, &err, &l);
		r->cli_len = err;
	}
	skbox_close(r->w, fd);
	return 0;
}

static void test_nonblocking_connect_refused(void **state)
{
	struct rig r;
	struct task *c;

	(void)state;
	build(&r);
	c = task_spawn(r.w, r.a, "nb", nb_client, &r);
	h_advance_to(r.w, r.w->now + 2 * T_SEC);
	assert_int_equal(c->state, TASK_DEAD);
	task_free(c);
	assert_int_equal(r.cli_rc, -EINPROGRESS);
	assert_int_equal(r.cli_len, ECONNREFUSED);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* SYN cookies on every SYN (tcp_syncookies = 2): the handshake and the
 * data still work, with no state kept between SYN and ACK. */
static void test_syncookies(void **state)
{
	struct rig r;

	(void)state;
	build(&r);
	tcp_pernet(r.b)->sysctl_tcp_syncookies = 2;
	run_pair(&r, true, 2 * T_SEC);
	assert_int_equal(r.cli_rc, 0);
	assert_int_equal(r.srv_len, 4);
	assert_int_equal(r.cli_len, 4);
	assert_int_equal(r.b->mib.linux_mib[LINUX_MIB_SYNCOOKIESSENT], 1);
	assert_int_equal(r.b->mib.linux_mib[LINUX_MIB_SYNCOOKIESRECV], 1);
	assert_int_equal(world_free(r.w, stderr), 0);
}

struct backlog_rig {
	struct rig *r;
	int connected;
	int accepted;
};

static int slow_server(void *arg)
{
	struct backlog_rig *b = arg;
	struct world *w = b->r->w;
	struct sockaddr_in me;
	int fd = skbox_socket(w, AF_INET, SOCK_STREAM, 0), c[4];

	addr_of(&me, "10.2.0.2", b->r->port);
	skbox_bind(w, fd, (struct sockaddr *)&me, sizeof(me));
	skbox_listen(w, fd, 1);
	task_sleep(w, 500 * T_MS);
	for (int i = 0; i < 4; i++)
		if ((c[i] = skbox_accept(w, fd, NULL, NULL)) >= 0)
			b->accepted++;
	for (int i = 0; i < 4; i++)
		skbox_close(w, c[i]);
	skbox_close(w, fd);
	return 0;
}

static int one_client(void *arg)
{
	struct backlog_rig *b = arg;
	struct world *w = b->r->w;
	struct sockaddr_in dst;
	int fd = skbox_socket(w, AF_INET, SOCK_STREAM, 0);

	addr_of(&dst, "10.2.0.2", b->r->port);
	if (!skbox_connect(w, fd, (struct sockaddr *)&dst, sizeof(dst)))
		b->connected++;
	skbox_close(w, fd);
	return 0;
}

/* listen(fd, 1): one embryonic child, then SYN cookies; the accept queue
 * holds two, the rest is dropped (ListenOverflows, ListenDrops) until the
 * server accepts and the peers retransmit. */
static void test_backlog(void **state)
{
	struct rig r;
	struct backlog_rig b = { .r = &r };
	struct task *t[5];

	(void)state;
	build(&r);
	t[0] = task_spawn(r.w, r.b, "srv", slow_server, &b);
	task_run_queue(r.w);
	for (int i = 1; i < 5; i++)
		t[i] = task_spawn(r.w, r.a, "cli", one_client, &b);
	h_advance_to(r.w, r.w->now + 5 * T_SEC);
	for (int i = 0; i < 5; i++) {
		assert_int_equal(t[i]->state, TASK_DEAD);
		task_free(t[i]);
	}
	assert_int_equal(b.accepted, 4);
	assert_int_equal(b.connected, 4);
	assert_true(r.b->mib.linux_mib[LINUX_MIB_LISTENOVERFLOWS] >= 1);
	assert_int_equal(r.b->mib.linux_mib[LINUX_MIB_LISTENDROPS],
			 r.b->mib.linux_mib[LINUX_MIB_LISTENOVERFLOWS]);
	assert_true(r.b->mib.linux_mib[LINUX_MIB_SYNCOOKIESSENT] >= 1);
	h_advance_to(r.w, r.w->now + 70 * T_SEC);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* A stream of several MB with a slow reader: the sender blocks on a full
 * send buffer and must be woken by the ACKs (tcp_check_space); the reader
 * takes 1000 bytes every millisecond, so the receive window closes and
 * must be reopened by the reads (tcp_cleanup_rbuf).  Every byte checked. */
struct stream {
	struct rig *r;
	long long total, sent, got;
	int bad;
	bool fast;		/* the reader does not sleep */
	const char *ca;		/* TCP_CONGESTION of the sender */
	int rcvbuf, sndbuf;	/* at the end of the transfer */
};

static u8 pattern(long long i)
{
	return (u8)((i * 7 + (i >> 11)) & 0xff);
}

static int stream_tx(void *arg)
{
	struct stream *st = arg;
	struct sockaddr_in dst;
	static u8 buf[20000];
	int fd = skbox_socket(st->r->w, AF_INET, SOCK_STREAM, 0);

	if (st->ca)
		skbox_setsockopt(st->r->w, fd, IPPROTO_TCP, TCP_CONGESTION, st->ca, strlen(st->ca));
	addr_of(&dst, "10.2.0.2", st->r->port);
	if (skbox_connect(st->r->w, fd, (struct sockaddr *)&dst, sizeof(dst)))
		return -1;
	while (st->sent < st->total) {
		size_t n = sizeof(buf);
		ssize_t k;

		if ((long long)n > st->total - st->sent)
			n = (size_t)(st->total - st->sent);
		for (size_t i = 0; i < n; i++)
			buf[i] = pattern(st->sent + (long long)i);
		k = skbox_send(st->r->w, fd, buf, n, 0);
		if (k <= 0)
			break;
		st->sent += k;
	}
	skbox_getsockopt(st->r->w, fd, SOL_SOCKET, SO_SNDBUF, &st->sndbuf, &(socklen_t){ 4 });
	skbox_close(st->r->w, fd);
	return 0;
}

static int stream_rx(void *arg)
{
	struct stream *st = arg;
	struct sockaddr_in me;
	static u8 buf[1000];
	int one = 1, l = skbox_socket(st->r->w, AF_INET, SOCK_STREAM, 0), c;
	ssize_t k;

	addr_of(&me, "0.0.0.0", st->r->port);
	skbox_setsockopt(st->r->w, l, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (skbox_bind(st->r->w, l, (struct sockaddr *)&me, sizeof(me)) ||
	    skbox_listen(st->r->w, l, 5))
		return -1;
	c = skbox_accept(st->r->w, l, NULL, NULL);
	skbox_close(st->r->w, l);
	while ((k = skbox_recv(st->r->w, c, buf, sizeof(buf), 0)) > 0) {
		for (ssize_t i = 0; i < k; i++)
			if (buf[i] != pattern(st->got + i))
				st->bad++;
		st->got += k;
		if (!st->fast)
			task_sleep(st->r->w, T_MS);
	}
	skbox_getsockopt(st->r->w, c, SOL_SOCKET, SO_RCVBUF, &st->rcvbuf, &(socklen_t){ 4 });
	skbox_close(st->r->w, c);
	return 0;
}

static void test_stream_slow_reader(void **state)
{
	struct rig r;
	struct stream st = { .r = &r, .total = 4 << 20 };
	struct task *s, *c;

	(void)state;
	build(&r);
	s = task_spawn(r.w, r.b, "rx", stream_rx, &st);
	task_run_queue(r.w);
	c = task_spawn(r.w, r.a, "tx", stream_tx, &st);
	h_advance_to(r.w, r.w->now + 4200 * T_SEC / 1000 * 2);
	assert_int_equal(c->state, TASK_DEAD);
	assert_int_equal(s->state, TASK_DEAD);
	task_free(c);
	task_free(s);
	assert_int_equal(st.sent, st.total);
	assert_int_equal(st.got, st.total);
	assert_int_equal(st.bad, 0);
	/* the window closed and was reopened without a timeout */
	assert_int_equal(r.a->mib.tcp[TCP_MIB_RETRANSSEGS], 0);
	h_advance_to(r.w, r.w->now + 61 * T_SEC);
	assert_int_equal(r.w->socks_live, 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* Autotuning: over a 20 ms RTT path the receive buffer grows past
 * tcp_rmem[1] (tcp_rcv_space_adjust) and the send buffer past tcp_wmem[1]
 * (tcp_sndbuf_expand); neither passes tcp_rmem[2]/tcp_wmem[2]. */
static void test_autotuning(void **state)
{
	struct rig r;
	struct stream st = { .r = &r, .total = 8 << 20, .fast = true };
	struct task *s, *c;

	(void)state;
	build(&r);
	assert_int_equal(h_run(r.w, r.a, "tc qdisc add dev va root netem delay 10ms", T_SEC, NULL), 0);
	assert_int_equal(h_run(r.w, r.b, "tc qdisc add dev vb root netem delay 10ms", T_SEC, NULL), 0);
	s = task_spawn(r.w, r.b, "rx", stream_rx, &st);
	task_run_queue(r.w);
	c = task_spawn(r.w, r.a, "tx", stream_tx, &st);
	h_advance_to(r.w, r.w->now + 60 * T_SEC);
	assert_int_equal(c->state, TASK_DEAD);
	assert_int_equal(s->state, TASK_DEAD);
	task_free(c);
	task_free(s);
	assert_int_equal(st.got, st.total);
	assert_int_equal(st.bad, 0);
	assert_true(st.rcvbuf > 131072);
	assert_true(st.rcvbuf <= tcp_pernet(r.b)->sysctl_tcp_rmem[2]);
	assert_true(st.sndbuf > 16384);
	assert_true(st.sndbuf <= tcp_pernet(r.a)->sysctl_tcp_wmem[2]);
	h_advance_to(r.w, r.w->now + 61 * T_SEC);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* Byte-exact through a bad link: netem drops 10%, duplicates and reorders
 * both ways; every byte arrives in order, for each congestion control. */
static void lossy_transfer(const char *ca)
{
	struct rig r;
	struct stream st = { .r = &r, .total = 3 << 20, .fast = true, .ca = ca };
	struct task *s, *c;
	const char *q = "root netem delay 5ms loss 10% duplicate 5% reorder 25% 50%";
	char cmd[128];

	build(&r);
	snprintf(cmd, sizeof(cmd), "tc qdisc add dev va %s", q);
	assert_int_equal(h_run(r.w, r.a, cmd, T_SEC, NULL), 0);
	snprintf(cmd, sizeof(cmd), "tc qdisc add dev vb %s", q);
	assert_int_equal(h_run(r.w, r.b, cmd, T_SEC, NULL), 0);
	s = task_spawn(r.w, r.b, "rx", stream_rx, &st);
	task_run_queue(r.w);
	c = task_spawn(r.w, r.a, "tx", stream_tx, &st);
	h_advance_to(r.w, r.w->now + 600 * T_SEC);
	print_message("%s: got %lld of %lld, retrans %llu, timeouts %llu\n", ca, st.got, st.total,
		      (unsigned long long)r.a->mib.tcp[TCP_MIB_RETRANSSEGS],
		      (unsigned long long)r.a->mib.linux_mib[LINUX_MIB_TCPTIMEOUTS]);
	assert_int_equal(c->state, TASK_DEAD);
	assert_int_equal(s->state, TASK_DEAD);
	task_free(c);
	task_free(s);
	assert_int_equal(st.sent, st.total);
	assert_int_equal(st.got, st.total);
	assert_int_equal(st.bad, 0);
	assert_true(r.a->mib.tcp[TCP_MIB_RETRANSSEGS] > 0);
	h_advance_to(r.w, r.w->now + 121 * T_SEC);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_lossy_reno(void **state)
{
	(void)state;
	lossy_transfer("reno");
}

static void test_lossy_cubic(void **state)
{
	(void)state;
	lossy_transfer("cubic");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_handshake_data_close),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_bulk),
		cmocka_unit_test(test_retransmit),
		cmocka_unit_test(test_nonblocking_connect_refused),
		cmocka_unit_test(test_syncookies),
		cmocka_unit_test(test_backlog),
		cmocka_unit_test(test_stream_slow_reader),
		cmocka_unit_test(test_autotuning),
		cmocka_unit_test(test_lossy_reno),
		cmocka_unit_test(test_lossy_cubic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
