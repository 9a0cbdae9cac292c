/* epoll over world sockets (net/eventpoll.c): the errno values of
 * epoll_create1/epoll_ctl/epoll_wait as Linux's, level-triggered vs EPOLLET
 * vs EPOLLONESHOT on UDP sockets, a task parked in epoll_wait woken by
 * sk_data_ready (a datagram, a connection to accept, data, a FIN with
 * EPOLLRDHUP) and by the state change of a non-blocking connect (EPOLLOUT),
 * timeouts in virtual time, nested epoll, close() taking a socket off the
 * interest list; and the queue introspection epoll users read next:
 * SIOCINQ/SIOCOUTQ, TCP_INQ and its TCP_CM_INQ control message, the local
 * port shared by connect()s to distinct peers.  Every test ends with the
 * leak check. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <cmocka.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <linux/sockios.h>
#include "helpers.h"
#include "skbox/socket.h"
#include "net/ip.h"
#include "net/tcp.h"

static struct world *lo_world(void)
{
	struct world *w = world_new(11);

	assert_int_equal(h_up(w->init_net, "lo"), 0);
	return w;
}

static void sin_of(struct sockaddr_in *s, const char *ip, int port)
{
	memset(s, 0, sizeof(*s));
	s->sin_family = AF_INET;
	s->sin_port = htons((u16)port);
	inet_pton(AF_INET, ip, &s->sin_addr);
}

static int udp_bound(struct world *w, int port)
{
	struct sockaddr_in a;
	int fd = skbox_socket(w, AF_INET, SOCK_DGRAM, 0);

	sin_of(&a, "127.0.0.1", port);
	assert_int_equal(skbox_bind(w, fd, (struct sockaddr *)&a, sizeof(a)), 0);
	return fd;
}

static void udp_send(struct world *w, int fd, int port, const char *msg)
{
	struct sockaddr_in a;

	sin_of(&a, "127.0.0.1", port);
	assert_int_equal(skbox_sendto(w, fd, msg, strlen(msg), 0, (struct sockaddr *)&a,
				      sizeof(a)), (ssize_t)strlen(msg));
	h_advance_to(w, w->now + T_MS);
}

static int ep_wait0(struct world *w, int ep, struct epoll_event *ev)
{
	return skbox_epoll_wait(w, ep, ev, 4, 0);
}

static void test_errors(void **state)
{
	struct world *w = lo_world();
	struct epoll_event ev = { .events = EPOLLIN }, out[2];
	int ep, ep2, s, one = 1;

	(void)state;
	assert_int_equal(skbox_epoll_create1(w, 1), -EINVAL);
	assert_int_equal(skbox_epoll_create(w, 0), -EINVAL);
	ep = skbox_epoll_create1(w, EPOLL_CLOEXEC);
	assert_true(ep >= 0);
	s = udp_bound(w, 5000);
	assert_int_equal(skbox_epoll_ctl(w, 99, EPOLL_CTL_ADD, s, &ev), -EBADF);
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, 99, &ev), -EBADF);
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, ep, &ev), -EINVAL);
	assert_int_equal(skbox_epoll_ctl(w, s, EPOLL_CTL_ADD, ep, &ev), -EINVAL);
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, s, NULL), -EFAULT);
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_MOD, s, &ev), -ENOENT);
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_DEL, s, NULL), -ENOENT);
	assert_int_equal(skbox_epoll_ctl(w, ep, 42, s, &ev), -EINVAL);
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, s, &ev), 0);
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, s, &ev), -EEXIST);
	ev.events = EPOLLIN | EPOLLEXCLUSIVE;
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_MOD, s, &ev), -EINVAL);
	assert_int_equal(skbox_epoll_wait(w, ep, out, 0, 0), -EINVAL);
	assert_int_equal(skbox_epoll_wait(w, s, out, 2, 0), -EINVAL);
	assert_int_equal(skbox_epoll_wait(w, 99, out, 2, 0), -EBADF);
	/* socket calls on an epoll fd */
	assert_int_equal(skbox_setsockopt(w, ep, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)),
			 -ENOTSOCK);
	assert_int_equal(skbox_send(w, ep, "x", 1, 0), -ENOTSOCK);
	/* nesting: ep2 may watch ep, but then ep may not watch ep2 */
	ep2 = skbox_epoll_create1(w, 0);
	ev.events = EPOLLIN;
	assert_int_equal(skbox_epoll_ctl(w, ep2, EPOLL_CTL_ADD, ep, &ev), 0);
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, ep2, &ev), -ELOOP);
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_DEL, s, NULL), 0);
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_DEL, s, NULL), -ENOENT);
	assert_int_equal(skbox_close(w, ep2), 0);
	assert_int_equal(skbox_close(w, ep), 0);
	assert_int_equal(skbox_close(w, s), 0);
	assert_int_equal(world_free(w, stderr), 0);
}

/* Level-triggered reports while ready; EPOLLET once per wakeup; EPOLLONESHOT
 * once until EPOLL_CTL_MOD. */
static void test_lt_et_oneshot(void **state)
{
	struct world *w = lo_world();
	struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 77 }, out[4];
	int ep = skbox_epoll_create1(w, 0), r = udp_bound(w, 5001), s = udp_bound(w, 5002);
	char buf[16];

	(void)state;
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, r, &ev), 0);
	assert_int_equal(ep_wait0(w, ep, out), 0);
	udp_send(w, s, 5001, "one");
	assert_int_equal(ep_wait0(w, ep, out), 1);
	assert_int_equal(out[0].events, EPOLLIN);
	assert_int_equal(out[0].data.u64, 77);
	assert_int_equal(ep_wait0(w, ep, out), 1);	/* LT: still there */
	ev.events = EPOLLIN | EPOLLET;
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_MOD, r, &ev), 0);
	assert_int_equal(ep_wait0(w, ep, out), 1);	/* MOD rechecks */
	assert_int_equal(ep_wait0(w, ep, out), 0);	/* ET: until news */
	udp_send(w, s, 5001, "two");
	assert_int_equal(ep_wait0(w, ep, out), 1);
	assert_int_equal(ep_wait0(w, ep, out), 0);
	ev.events = EPOLLIN | EPOLLONESHOT;
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_MOD, r, &ev), 0);
	assert_int_equal(ep_wait0(w, ep, out), 1);
	udp_send(w, s, 5001, "three");
	assert_int_equal(ep_wait0(w, ep, out), 0);	/* disabled */
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_MOD, r, &ev), 0);
	assert_int_equal(ep_wait0(w, ep, out), 1);
	for (int i = 0; i < 3; i++)
		assert_true(skbox_recv(w, r, buf, sizeof(buf), MSG_DONTWAIT) > 0);
	ev.events = EPOLLIN;
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_MOD, r, &ev), 0);
	assert_int_equal(ep_wait0(w, ep, out), 0);	/* drained */
	/* EPOLLOUT: an idle UDP socket is writable; two items, one call */
	ev.events = EPOLLOUT;
	ev.data.fd = s;
	assert_int_equal(skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, s, &ev), 0);
	assert_int_equal(ep_wait0(w, ep, out), 1);
	assert_int_equal(out[0].events, EPOLLOUT);
	assert_int_equal(out[0].data.fd, s);
	/* close() takes s off the interest list */
	assert_int_equal(skbox_close(w, s), 0);
	assert_int_equal(ep_wait0(w, ep, out), 0);
	assert_int_equal(skbox_close(w, r), 0);
	assert_int_equal(skbox_close(w, ep), 0);
	assert_int_equal(world_free(w, stderr), 0);
}

/* maxevents smaller than what is ready: the rest comes next call, in order */
static void test_maxevents_and_nested(void **state)
{
	struct world *w = lo_world();
	struct epoll_event ev = { .events = EPOLLIN }, out[4];
	int ep = skbox_epoll_create1(w, 0), outer = skbox_epoll_create1(w, 0);
	int a = udp_bound(w, 5011), b = udp_bound(w, 5012), s = udp_bound(w, 5013);
	struct pollfd pfd = { .fd = ep, .events = POLLIN };

	(void)state;
	ev.data.fd = a;
	skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, a, &ev);
	ev.data.fd = b;
	skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, b, &ev);
	ev.data.fd = ep;
	assert_int_equal(skbox_epoll_ctl(w, outer, EPOLL_CTL_ADD, ep, &ev), 0);
	assert_int_equal(skbox_poll(w, &pfd, 1, 0), 0);
	assert_int_equal(ep_wait0(w, outer, out), 0);
	udp_send(w, s, 5011, "a");
	udp_send(w, s, 5012, "b");
	/* the inner epoll fd is readable, to poll() and to the outer epoll */
	assert_int_equal(skbox_poll(w, &pfd, 1, 0), 1);
	assert_int_equal(pfd.revents, POLLIN);
	assert_int_equal(ep_wait0(w, outer, out), 1);
	assert_int_equal(out[0].data.fd, ep);
	assert_int_equal(skbox_epoll_wait(w, ep, out, 1, 0), 1);
	assert_int_equal(out[0].data.fd, a);
	assert_int_equal(skbox_epoll_wait(w, ep, out, 1, 0), 1);
	assert_int_equal(out[0].data.fd, b);
	assert_int_equal(skbox_epoll_wait(w, ep, out, 4, 0), 2);
	/* closing the inner epoll leaves the outer one empty */
	assert_int_equal(skbox_close(w, ep), 0);
	assert_int_equal(ep_wait0(w, outer, out), 0);
	skbox_close(w, outer);
	skbox_close(w, a);
	skbox_close(w, b);
	skbox_close(w, s);
	assert_int_equal(world_free(w, stderr), 0);
}

struct tcp_rig {
	struct world *w;
	int srv_events[8], nsrv;
	char got[64];
	int got_len;
	int cli_rc, cli_out;
	u64 timeout_took;
};

/* A server on epoll alone: the listener, then the connection; logs what
 * each wakeup reported until the peer's FIN (EPOLLRDHUP). */
static int epoll_server(void *arg)
{
	struct tcp_rig *r = arg;
	struct world *w = r->w;
	struct sockaddr_in me;
	struct epoll_event ev = { .events = EPOLLIN }, out[4];
	int l = skbox_socket(w, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	int ep = skbox_epoll_create1(w, 0), c = -1;
	u64 t0 = w->now;

	sin_of(&me, "127.0.0.1", 8000);
	skbox_bind(w, l, (struct sockaddr *)&me, sizeof(me));
	skbox_listen(w, l, 8);
	ev.data.fd = l;
	skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, l, &ev);
	assert_int_equal(skbox_epoll_wait(w, ep, out, 4, 100), 0);
	r->timeout_took = w->now - t0;
	while (r->nsrv < 8 && skbox_epoll_wait(w, ep, out, 4, -1) > 0) {
		r->srv_events[r->nsrv++] = (int)out[0].events;
		if (out[0].data.fd == l) {
			c = skbox_accept(w, l, NULL, NULL);
			ev.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
			ev.data.fd = c;
			skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, c, &ev);
			continue;
		}
		if (out[0].events & EPOLLRDHUP)
			break;
		r->got_len += (int)skbox_recv(w, c, r->got + r->got_len, 10, MSG_DONTWAIT);
	}
	skbox_close(w, c);
	skbox_close(w, l);
	skbox_close(w, ep);
	return 0;
}

/* A non-blocking connect finished by epoll: EPOLLOUT when established. */
static int epoll_client(void *arg)
{
	struct tcp_rig *r = arg;
	struct world *w = r->w;
	struct sockaddr_in dst;
	struct epoll_event ev = { .events = EPOLLOUT }, out[2];
	int fd = skbox_socket(w, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
	int ep = skbox_epoll_create1(w, 0);

	task_sleep(w, 200 * T_MS);
	sin_of(&dst, "127.0.0.1", 8000);
	r->cli_rc = skbox_connect(w, fd, (struct sockaddr *)&dst, sizeof(dst));
	skbox_epoll_ctl(w, ep, EPOLL_CTL_ADD, fd, &ev);
	if (skbox_epoll_wait(w, ep, out, 2, 1000) == 1)
		r->cli_out = (int)out[0].events;
	skbox_send(w, fd, "hello", 5, 0);
	task_sleep(w, 10 * T_MS);
	skbox_send(w, fd, "world", 5, 0);
	task_sleep(w, 10 * T_MS);
	skbox_close(w, fd);
	skbox_close(w, ep);
	return 0;
}

static void test_tcp_tasks(void **state)
{
	struct tcp_rig r = { .w = lo_world() };
	struct task *s, *c;

	(void)state;
	s = task_spawn(r.w, r.w->init_net, "srv", epoll_server, &r);
	c = task_spawn(r.w, r.w->init_net, "cli", epoll_client, &r);
	h_advance_to(r.w, r.w->now + 2 * T_SEC);
	assert_int_equal(s->state, TASK_DEAD);
	assert_int_equal(c->state, TASK_DEAD);
	task_free(s);
	task_free(c);
	assert_int_equal(r.timeout_took, 100 * T_MS);
	assert_int_equal(r.cli_rc, -EINPROGRESS);
	assert_int_equal(r.cli_out, EPOLLOUT);
	assert_int_equal(r.nsrv, 4);
	assert_int_equal(r.srv_events[0], EPOLLIN);		/* the listener */
	assert_int_equal(r.srv_events[1], EPOLLIN);		/* hello */
	assert_int_equal(r.srv_events[2], EPOLLIN);		/* world */
	assert_int_equal(r.srv_events[3], EPOLLIN | EPOLLRDHUP);	/* FIN */
	assert_int_equal(r.got_len, 10);
	assert_memory_equal(r.got, "helloworld", 10);
	h_advance_to(r.w, r.w->now + 61 * T_SEC);	/* TIME_WAIT */
	assert_int_equal(world_free(r.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_lt_et_oneshot),
		cmocka_unit_test(test_maxevents_and_nested),
		cmocka_unit_test(test_tcp_tasks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
