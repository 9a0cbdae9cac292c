/* SO_RCVTIMEO / SO_SNDTIMEO (net/core/sock.c sock_set_timeout, the waits in
 * net/core/sock.c, net/ipv4/tcp.c, net/ipv4/inet_connection_sock.c): the
 * values read back as this machine's kernel gives them (HZ 250: 1 us reads
 * 4000 us, 0.25 s reads 0.252 s, a negative tv_sec reads 0 and does not
 * block, EDOM and EINVAL), and in virtual time a blocking recv (UDP, TCP),
 * accept and send give up with EAGAIN when the time is spent, connect with
 * EINPROGRESS.  Every test ends with the leak check. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "helpers.h"
#include "skbox/socket.h"

struct rig {
	struct world *w;
	int errs;
};

#define CHECK(r, cond) ((cond) ? (void)0 : (void)((r)->errs++, \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond)))

struct tv64 {
	int64_t sec, usec;
};

static int set_tv(struct world *w, int fd, int name, int64_t sec, int64_t usec)
{
	struct tv64 tv = { sec, usec };

	return skbox_setsockopt(w, fd, SOL_SOCKET, name, &tv, sizeof(tv));
}

static bool get_is(struct world *w, int fd, int name, int64_t sec, int64_t usec)
{
	struct tv64 tv = { -9, -9 };
	socklen_t l = sizeof(tv);

	return !skbox_getsockopt(w, fd, SOL_SOCKET, name, &tv, &l) && l == sizeof(tv) &&
	       tv.sec == sec && tv.usec == usec;
}

static void sin_of(struct sockaddr_in *s, const char *ip, int port)
{
	memset(s, 0, sizeof(*s));
	s->sin_family = AF_INET;
	s->sin_port = htons((u16)port);
	inet_pton(AF_INET, ip, &s->sin_addr);
}

static int values_task(void *arg)
{
	struct rig *r = arg;
	struct world *w = r->w;
	int fd = skbox_socket(w, AF_INET, SOCK_DGRAM, 0);
	struct tv64 tv = { 1, 0 };
	struct sockaddr_in me;
	int64_t s8 = 0;
	socklen_t l = 8;
	char b;

	CHECK(r, get_is(w, fd, SO_RCVTIMEO_OLD, 0, 0));
	CHECK(r, set_tv(w, fd, SO_RCVTIMEO_OLD, 1, 500000) == 0);
	CHECK(r, get_is(w, fd, SO_RCVTIMEO_OLD, 1, 500000));
	CHECK(r, get_is(w, fd, SO_RCVTIMEO_NEW, 1, 500000));
	CHECK(r, set_tv(w, fd, SO_RCVTIMEO_NEW, 0, 1) == 0);
	CHECK(r, get_is(w, fd, SO_RCVTIMEO_OLD, 0, 4000));
	CHECK(r, set_tv(w, fd, SO_SNDTIMEO_OLD, 0, 250000) == 0);
	CHECK(r, get_is(w, fd, SO_SNDTIMEO_NEW, 0, 252000));
	CHECK(r, set_tv(w, fd, SO_SNDTIMEO_NEW, 3, 999999) == 0);
	CHECK(r, get_is(w, fd, SO_SNDTIMEO_OLD, 4, 0));
	CHECK(r, set_tv(w, fd, SO_RCVTIMEO_OLD, 0, 1000000) == -EDOM);
	CHECK(r, set_tv(w, fd, SO_RCVTIMEO_OLD, 0, -1) == -EDOM);
	CHECK(r, skbox_setsockopt(w, fd, SOL_SOCKET, SO_RCVTIMEO_OLD, &tv, 8) == -EINVAL);
	/* a short buffer gets the first bytes */
	CHECK(r, skbox_getsockopt(w, fd, SOL_SOCKET, SO_SNDTIMEO_OLD, &s8, &l) == 0);
	CHECK(r, l == 8 && s8 == 4);
	CHECK(r, set_tv(w, fd, SO_RCVTIMEO_OLD, 0, 0) == 0);
	CHECK(r, get_is(w, fd, SO_RCVTIMEO_OLD, 0, 0));
	/* a negative tv_sec: reads 0 and does not block at all */
	CHECK(r, set_tv(w, fd, SO_RCVTIMEO_OLD, -1, 0) == 0);
	CHECK(r, get_is(w, fd, SO_RCVTIMEO_OLD, 0, 0));
	sin_of(&me, "127.0.0.1", 0);
	CHECK(r, skbox_bind(w, fd, (struct sockaddr *)&me, sizeof(me)) == 0);
	{
		u64 t0 = w->now;

		CHECK(r, skbox_recv(w, fd, &b, 1, 0) == -EAGAIN);
		CHECK(r, w->now == t0);
	}
	skbox_close(w, fd);
	return 0;
}

/* waits of 200 ms (50 jiffies) in virtual time */
static int waits_task(void *arg)
{
	struct rig *r = arg;
	struct world *w = r->w;
	int u = skbox_socket(w, AF_INET, SOCK_DGRAM, 0);
	int l = skbox_socket(w, AF_INET, SOCK_STREAM, 0);
	int c = skbox_socket(w, AF_INET, SOCK_STREAM, 0);
	int c2 = skbox_socket(w, AF_INET, SOCK_STREAM, 0);
	static char big[1 << 20];
	struct sockaddr_in a;
	u64 t0;
	int s, small = 4096;
	ssize_t n;
	char b;

	sin_of(&a, "127.0.0.1", 9000);
	CHECK(r, skbox_bind(w, u, (struct sockaddr *)&a, sizeof(a)) == 0);
	CHECK(r, set_tv(w, u, SO_RCVTIMEO_OLD, 0, 200000) == 0);
	t0 = w->now;
	CHECK(r, skbox_recv(w, u, &b, 1, 0) == -EAGAIN);
	CHECK(r, w->now - t0 == 200 * T_MS);
	/* accept; small buffers so that a send fills them */
	CHECK(r, skbox_setsockopt(w, l, SOL_SOCKET, SO_RCVBUF, &small, sizeof(small)) == 0);
	CHECK(r, skbox_setsockopt(w, c, SOL_SOCKET, SO_SNDBUF, &small, sizeof(small)) == 0);
	CHECK(r, skbox_bind(w, l, (struct sockaddr *)&a, sizeof(a)) == 0);
	CHECK(r, skbox_listen(w, l, 5) == 0);
	CHECK(r, set_tv(w, l, SO_RCVTIMEO_OLD, 0, 200000) == 0);
	t0 = w->now;
	CHECK(r, skbox_accept(w, l, NULL, NULL) == -EAGAIN);
	CHECK(r, w->now - t0 == 200 * T_MS);
	/* recv on a connection with nothing to read */
	CHECK(r, skbox_connect(w, c, (struct sockaddr *)&a, sizeof(a)) == 0);
	s = skbox_accept(w, l, NULL, NULL);
	CHECK(r, s >= 0);
	CHECK(r, set_tv(w, c, SO_RCVTIMEO_OLD, 0, 200000) == 0);
	t0 = w->now;
	CHECK(r, skbox_recv(w, c, &b, 1, 0) == -EAGAIN);
	CHECK(r, w->now - t0 == 200 * T_MS);
	/* send to a peer that never reads: part of it, then the time is spent */
	CHECK(r, set_tv(w, c, SO_SNDTIMEO_OLD, 0, 200000) == 0);
	t0 = w->now;
	n = skbox_send(w, c, big, sizeof(big), 0);
	CHECK(r, n > 0 && n < (ssize_t)sizeof(big));
	CHECK(r, w->now - t0 >= 200 * T_MS);
	t0 = w->now;
	CHECK(r, skbox_send(w, c, big, sizeof(big), 0) == -EAGAIN);
	CHECK(r, w->now - t0 == 200 * T_MS);
	/* connect towards an address nobody answers ARP for */
	sin_of(&a, "10.3.0.9", 80);
	CHECK(r, set_tv(w, c2, SO_SNDTIMEO_OLD, 0, 200000) == 0);
	t0 = w->now;
	CHECK(r, skbox_connect(w, c2, (struct sockaddr *)&a, sizeof(a)) == -EINPROGRESS);
	CHECK(r, w->now - t0 == 200 * T_MS);
	CHECK(r, skbox_connect(w, c2, (struct sockaddr *)&a, sizeof(a)) == -EALREADY ||
		 skbox_connect(w, c2, (struct sockaddr *)&a, sizeof(a)) == -EINPROGRESS);
	skbox_close(w, c2);
	skbox_close(w, s);
	skbox_close(w, c);
	skbox_close(w, l);
	skbox_close(w, u);
	return 0;
}

static void run(int (*fn)(void *), u64 span)
{
	struct rig r = { 0 };
	struct net *n;
	struct task *t;

	r.w = world_new(21);
	n = net_create(r.w, "a");
	assert_int_equal(h_run(r.w, n, "ip link set lo up", T_SEC, NULL), 0);
	assert_non_null(h_link(n, "veth", "v0", "v1", n));
	assert_int_equal(h_addr(n, "v0", "10.3.0.1", 24), 0);
	assert_int_equal(h_up(n, "v0"), 0);
	t = task_spawn(r.w, n, "timeo", fn, &r);
	h_advance_to(r.w, r.w->now + span);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r.errs, 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_timeo_values(void **state)
{
	(void)state;
	run(values_task, T_SEC);
}

static void test_timeo_waits(void **state)
{
	(void)state;
	run(waits_task, 60 * T_SEC);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_timeo_values),
		cmocka_unit_test(test_timeo_waits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
