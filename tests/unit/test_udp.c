/* UDP receive: a bound socket gets the datagram; a closed port answers ICMP
 * port unreachable and counts UdpNoPorts; a bad checksum counts
 * UdpInCsumErrors. Datagrams are built on a raw IPPROTO_UDP socket. */
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

struct udp_rig {
	struct world *w;
	struct net *a, *b;
	int rc;
	char got[64];
	int icmp_type, icmp_code;
};

static void build(struct udp_rig *r)
{
	memset(r, 0, sizeof(*r));
	r->w = world_new(3);
	r->a = net_create(r->w, "a");
	r->b = net_create(r->w, "b");
	assert_non_null(h_link(r->a, "veth", "va", "vb", r->b));
	assert_int_equal(h_addr(r->a, "va", "10.2.0.1", 24), 0);
	assert_int_equal(h_addr(r->b, "vb", "10.2.0.2", 24), 0);
	dev_open(__dev_get_by_name(r->a, "va"));
	dev_open(__dev_get_by_name(r->b, "vb"));
	r->icmp_type = r->icmp_code = -1;
}

/* In namespace a: send one UDP datagram to 10.2.0.2:port, then read the
 * ICMP error, if any, within a second. */
static int sender(void *arg)
{
	struct udp_rig *r = arg;
	struct sockaddr_in dst = { .sin_family = AF_INET };
	unsigned char pkt[12] = { 0x04, 0xd2, 0x27, 0x0f, 0, 12, 0, 0, 'p', 'i', 'n', 'g' };
	unsigned char buf[256];
	int raw = skbox_socket(r->w, AF_INET, SOCK_RAW, IPPROTO_UDP);
	int icmp = skbox_socket(r->w, AF_INET, SOCK_RAW, IPPROTO_ICMP);
	struct pollfd pfd = { .fd = icmp, .events = POLLIN };

	inet_pton(AF_INET, "10.2.0.2", &dst.sin_addr);
	if (r->rc == 1)
		pkt[6] = 0x12;	/* a wrong checksum */
	skbox_sendto(r->w, raw, pkt, sizeof(pkt), 0, (struct sockaddr *)&dst, sizeof(dst));
	if (skbox_poll(r->w, &pfd, 1, 1000) > 0 &&
	    skbox_recv(r->w, icmp, buf, sizeof(buf), MSG_DONTWAIT) > 28) {
		r->icmp_type = buf[20];
		r->icmp_code = buf[21];
	}
	skbox_close(r->w, raw);
	skbox_close(r->w, icmp);
	return 0;
}

static int receiver(void *arg)
{
	struct udp_rig *r = arg;
	struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons(9999) };
	int fd = skbox_socket(r->w, AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	ssize_t n;

	skbox_bind(r->w, fd, (struct sockaddr *)&me, sizeof(me));
	if (skbox_poll(r->w, &pfd, 1, 2000) > 0) {
		n = skbox_recv(r->w, fd, r->got, sizeof(r->got) - 1, MSG_DONTWAIT);
		if (n > 0)
			r->got[n] = 0;
	}
	skbox_close(r->w, fd);
	return 0;
}

static void run_tasks(struct udp_rig *r, bool with_receiver)
{
	struct task *rx = with_receiver ? task_spawn(r->w, r->b, "rx", receiver, r) : NULL;
	struct task *tx;

	if (rx)
		task_run_queue(r->w);	/* bind before the datagram comes */
	tx = task_spawn(r->w, r->a, "tx", sender, r);
	h_advance_to(r->w, r->w->now + 3 * T_SEC);
	assert_int_equal(tx->state, TASK_DEAD);
	task_free(tx);
	if (rx) {
		assert_int_equal(rx->state, TASK_DEAD);
		task_free(rx);
	}
}

static void test_closed_port(void **state)
{
	struct udp_rig r;

	(void)state;
	build(&r);
	run_tasks(&r, false);
	assert_int_equal(r.icmp_type, 3);
	assert_int_equal(r.icmp_code, 3);
	assert_int_equal(r.b->mib.udp[UDP_MIB_NOPORTS], 1);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_bound_socket(void **state)
{
	struct udp_rig r;

	(void)state;
	build(&r);
	run_tasks(&r, true);
	assert_string_equal(r.got, "ping");
	assert_int_equal(r.icmp_type, -1);
	assert_int_equal(r.b->mib.udp[UDP_MIB_INDATAGRAMS], 1);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_bad_checksum(void **state)
{
	struct udp_rig r;

	(void)state;
	build(&r);
	r.rc = 1;
	run_tasks(&r, false);
	assert_int_equal(r.icmp_type, -1);
	assert_int_equal(r.b->mib.udp[UDP_MIB_CSUMERRORS], 1);
	assert_int_equal(r.b->mib.udp[UDP_MIB_NOPORTS], 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* Two UDP sockets, one in each namespace: a request and its echo, with
 * autobind on send and getsockname/port from recvfrom. */
static int udp_echo_server(void *arg)
{
	struct udp_rig *r = arg;
	struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons(7) }, from;
	socklen_t flen = sizeof(from);
	char buf[64];
	int fd = skbox_socket(r->w, AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	ssize_t n;

	skbox_bind(r->w, fd, (struct sockaddr *)&me, sizeof(me));
	n = skbox_recvfrom(r->w, fd, buf, sizeof(buf), 0, (struct sockaddr *)&from, &flen);
	if (n > 0)
		skbox_sendto(r->w, fd, buf, (size_t)n, 0, (struct sockaddr *)&from, flen);
	skbox_close(r->w, fd);
	return 0;
}

static int udp_echo_client(void *arg)
{
	struct udp_rig *r = arg;
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(7) };
	int fd = skbox_socket(r->w, AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	ssize_t n;

	inet_pton(AF_INET, "10.2.0.2", &to.sin_addr);
	r->rc = (int)skbox_sendto(r->w, fd, "hello", 5, 0, (struct sockaddr *)&to, sizeof(to));
	n = skbox_recv(r->w, fd, r->got, sizeof(r->got) - 1, 0);
	if (n > 0)
		r->got[n] = 0;
	skbox_close(r->w, fd);
	return 0;
}

static void test_udp_echo(void **state)
{
	struct udp_rig r;
	struct task *s, *c;

	(void)state;
	build(&r);
	s = task_spawn(r.w, r.b, "srv", udp_echo_server, &r);
	task_run_queue(r.w);
	c = task_spawn(r.w, r.a, "cli", udp_echo_client, &r);
	h_advance_to(r.w, r.w->now + T_SEC);
	assert_int_equal(r.rc, 5);
	assert_string_equal(r.got, "hello");
	assert_int_equal(r.a->mib.udp[UDP_MIB_OUTDATAGRAMS], 1);
	assert_int_equal(r.b->mib.udp[UDP_MIB_INDATAGRAMS], 1);
	assert_int_equal(s->state, TASK_DEAD);
	assert_int_equal(c->state, TASK_DEAD);
	task_free(s);
	task_free(c);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* Send-buffer accounting behind a slow qdisc: non-blocking sends fill
 * sk_sndbuf (EAGAIN, UdpSndbufErrors), POLLOUT only below half of it; the
 * socket closed with datagrams still queued lives until the last leaves. */
struct wmem_rig {
	struct udp_rig *r;
	int sent, eagain, pollout_full;
	long live_after_close;
};

static int wmem_sender(void *arg)
{
	struct wmem_rig *m = arg;
	struct world *w = m->r->w;
	struct sockaddr_in to = { .sin_family = AF_INET, .sin_port = htons(9) };
	int fd = skbox_socket(w, AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	struct pollfd pfd = { .fd = fd, .events = POLLOUT };
	char buf[1000] = { 0 };

	inet_pton(AF_INET, "10.2.0.2", &to.sin_addr);
	/* one first, while ARP resolves (the neighbour queue holds only a few) */
	skbox_sendto(w, fd, buf, sizeof(buf), 0, (struct sockaddr *)&to, sizeof(to));
	skbox_nanosleep(w, 10 * 1000 * 1000);
	while (m->sent < 10000) {
		ssize_t n = skbox_sendto(w, fd, buf, sizeof(buf), MSG_DONTWAIT,
					 (struct sockaddr *)&to, sizeof(to));

		if (n == -EAGAIN) {
			m->eagain++;
			break;
		}
		m->sent++;
	}
	m->pollout_full = skbox_poll(w, &pfd, 1, 0);
	/* blocking: waits for room, which comes as the queue drains */
	skbox_sendto(w, fd, buf, sizeof(buf), 0, (struct sockaddr *)&to, sizeof(to));
	skbox_close(w, fd);
	m->live_after_close = w->socks_live;
	return 0;
}

static void test_sndbuf_behind_qdisc(void **state)
{
	struct udp_rig r;
	struct wmem_rig m = { .r = &r };
	struct task *t;
	long base;

	(void)state;
	build(&r);
	assert_int_equal(h_run(r.w, r.a, "tc qdisc add dev va root tbf rate 1mbit burst 4k latency 5s",
			       T_SEC, NULL), 0);
	base = r.w->socks_live;
	t = task_spawn(r.w, r.a, "tx", wmem_sender, &m);
	/* the blocking send waits until half the buffer drained (8 ms each) */
	h_advance_to(r.w, r.w->now + 2 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	/* about sk_sndbuf / truesize datagrams, not the 10000 asked for */
	assert_true(m.sent > 50 && m.sent < 400);
	assert_int_equal(m.eagain, 1);
	assert_int_equal(m.pollout_full, 0);
	assert_int_equal(r.a->mib.udp[UDP_MIB_SNDBUFERRORS], 1);
	/* closed while its datagrams still waited in the tbf: it lived on */
	assert_true(m.live_after_close == base + 1);
	h_advance_to(r.w, r.w->now + 10 * T_SEC);
	assert_true(r.w->socks_live == base);
	assert_int_equal(world_free(r.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_closed_port),
		cmocka_unit_test(test_bound_socket),
		cmocka_unit_test(test_bad_checksum),
		cmocka_unit_test(test_udp_echo),
		cmocka_unit_test(test_sndbuf_behind_qdisc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
