/* SO_REUSEPORT (net/core/sock_reuseport.c and the bind/lookup rules in
 * net/ipv4/udp.c, net/ipv6/udp.c, net/ipv4/inet_hashtables.c,
 * net/ipv6/tcp_ipv6.c): the `reuseport -6` case list gives what the real
 * kernel gave (recorded with tests/kernel/bin/reuseport -6 in a fresh
 * namespace with IPv6 on); UDP v4 and v6 flows spread evenly and each flow
 * keeps its socket; a closing member leaves its group (the last one frees
 * it); no memory for a group fails the bind with EADDRINUSE as Linux;
 * SO_REUSEPORT reads back.  Every test ends with the leak check. */
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
#include "linux/eventpoll.h"
#include "linux/slab.h"
#include "net/sock.h"
#include "net/sock_reuseport.h"

static const char kernel_out[] =
	"udp4 both reuseport: ok ok\n"
	"udp4 reuseport then plain: ok EADDRINUSE\n"
	"udp4 plain then reuseport: ok EADDRINUSE\n"
	"udp4 reuseport set after bind: ok ok\n"
	"udp4 wildcard and specific: ok ok\n"
	"udp4 reuseaddr then reuseport: ok EADDRINUSE\n"
	"udp4 and udp6 dual-stack: ok ok\n"
	"udp4 reuseport and udp6 plain: ok EADDRINUSE\n"
	"tcp4 both reuseport: ok ok ok ok\n"
	"tcp4 reuseport listener then reuseaddr: ok ok EADDRINUSE\n"
	"tcp4 reuseport set after bind: ok ok ok ok\n"
	"tcp4 reuseport cleared before listen: ok ok ok EADDRINUSE\n"
	"tcp4 both reuseaddr: ok ok ok EADDRINUSE\n"
	"tcp4 specific and wildcard: ok ok ok ok\n"
	"tcp6 both reuseport: ok ok ok ok\n"
	"tcp4 and tcp6 dual-stack: ok ok ok ok\n"
	"tcp4 reuseport listener and tcp6 plain: ok ok EADDRINUSE\n"
	"tcp4 port in TIME_WAIT: plain reuseaddr reuseport: EADDRINUSE EADDRINUSE ok\n"
	"udp4 4 sockets 200 flows: 400 datagrams, every socket got some: True, each flow one socket: True\n"
	"udp4 connected member: its peer's 20 datagrams to it alone: True, others 50 to the rest\n"
	"udp4 after close of a member: 40 of 40 received\n"
	"udp6 4 sockets 200 flows: 400 datagrams, every socket got some: True, each flow one socket: True\n"
	"udp6 connected member: its peer's 20 datagrams to it alone: True, others 50 to the rest\n"
	"udp6 after close of a member: 40 of 40 received\n"
	"tcp4 3 listeners 60 connections: 60 accepted, every listener got some: True\n"
	"tcp6 3 listeners 60 connections: 60 accepted, every listener got some: True\n";

static void test_reuseport_cases(void **state)
{
	struct world *w = world_new(11);
	struct net *n = net_create(w, "a");
	char *out = NULL;

	(void)state;
	assert_int_equal(h_run(w, n, "ip link set lo up", T_SEC, NULL), 0);
	assert_int_equal(h_run(w, n, "reuseport -6", 60 * T_SEC, &out), 0);
	assert_string_equal(out, kernel_out);
	free(out);
	/* the TIME_WAIT socket of the case list ends with the namespace */
	assert_int_equal(world_free(w, stderr), 0);
}

struct rig {
	struct world *w;
	int errs;
	int fam;
	const char *host;
	int per_sock[4];	/* datagrams each member got */
	int flows_split;	/* flows seen by two members */
	int num_socks[3];	/* group size: 4 bound, after a close, after all */
};

#define CHECK(r, cond) ((cond) ? (void)0 : (void)((r)->errs++, \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond)))

static socklen_t addr_of(struct rig *r, struct sockaddr_storage *ss, int port)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	ss->ss_family = (sa_family_t)r->fam;
	if (r->fam == AF_INET) {
		sin->sin_port = htons((u16)port);
		inet_pton(AF_INET, r->host, &sin->sin_addr);
		return sizeof(*sin);
	}
	sin6->sin6_port = htons((u16)port);
	inet_pton(AF_INET6, r->host, &sin6->sin6_addr);
	return sizeof(*sin6);
}

static int group_size(struct world *w, int fd)
{
	struct socket *sock = sockfd_lookup(w, fd);

	if (!sock || !sock->sk->sk_reuseport_cb)
		return 0;
	return sock->sk->sk_reuseport_cb->num_socks;
}

/* 400 flows, 3 datagrams each, 50 flows at a time */
static void spread(struct rig *r, int *fds)
{
	int owner[400];
	struct sockaddr_storage ss, from;
	socklen_t l;
	char b[8];

	for (int i = 0; i < 400; i++)
		owner[i] = -1;
	for (int k = 0; k < 400; k += 50) {
		for (int i = k; i < k + 50; i++) {
			int fd = skbox_socket(r->w, r->fam, SOCK_DGRAM, 0);

			l = addr_of(r, &ss, 20000 + i);
			CHECK(r, skbox_bind(r->w, fd, (struct sockaddr *)&ss, l) == 0);
			l = addr_of(r, &ss, 7000);
			for (int j = 0; j < 3; j++)
				skbox_sendto(r->w, fd, "x", 1, 0, (struct sockaddr *)&ss, l);
			skbox_close(r->w, fd);
		}
		skbox_nanosleep(r->w, 10000000ULL);
		for (int s = 0; s < 4; s++) {
			socklen_t fl = sizeof(from);

			while (skbox_recvfrom(r->w, fds[s], b, sizeof(b), MSG_DONTWAIT,
					      (struct sockaddr *)&from, &fl) == 1) {
				int p = ntohs(((struct sockaddr_in *)&from)->sin_port) - 20000;

				if (r->fam == AF_INET6)
					p = ntohs(((struct sockaddr_in6 *)&from)->sin6_port) - 20000;
				r->per_sock[s]++;
				if (p >= 0 && p < 400 && owner[p] != -1 && owner[p] != s)
					r->flows_split++;
				if (p >= 0 && p < 400)
					owner[p] = s;
				fl = sizeof(from);
			}
		}
	}
}

static int spread_task(void *arg)
{
	struct rig *r = arg;
	struct sockaddr_storage ss;
	socklen_t l = addr_of(r, &ss, 7000), ol = sizeof(int);
	int fds[4], one = 1, v = 0;

	for (int i = 0; i < 4; i++) {
		fds[i] = skbox_socket(r->w, r->fam, SOCK_DGRAM, 0);
		CHECK(r, skbox_setsockopt(r->w, fds[i], SOL_SOCKET, SO_REUSEPORT, &one,
					  sizeof(one)) == 0);
		CHECK(r, skbox_bind(r->w, fds[i], (struct sockaddr *)&ss, l) == 0);
	}
	CHECK(r, skbox_getsockopt(r->w, fds[0], SOL_SOCKET, SO_REUSEPORT, &v, &ol) == 0);
	CHECK(r, v == 1 && ol == sizeof(int));
	r->num_socks[0] = group_size(r->w, fds[0]);
	spread(r, fds);
	skbox_close(r->w, fds[2]);
	r->num_socks[1] = group_size(r->w, fds[0]);
	skbox_close(r->w, fds[0]);
	skbox_close(r->w, fds[1]);
	skbox_close(r->w, fds[3]);
	return 0;
}

static void run_spread(int fam, const char *host)
{
	struct rig r = { .fam = fam, .host = host };
	struct net *n;
	struct task *t;

	r.w = world_new(12);
	n = net_create(r.w, "a");
	assert_int_equal(h_run(r.w, n, "ip link set lo up", T_SEC, NULL), 0);
	t = task_spawn(r.w, n, "spread", spread_task, &r);
	h_advance_to(r.w, r.w->now + 10 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r.errs, 0);
	assert_int_equal(r.flows_split, 0);
	assert_int_equal(r.num_socks[0], 4);
	assert_int_equal(r.num_socks[1], 3);
	/* 1200 datagrams, 300 a member if even: each within 40% of that */
	for (int i = 0; i < 4; i++) {
		assert_true(r.per_sock[i] >= 180 && r.per_sock[i] <= 420);
		assert_true(r.per_sock[i] % 3 == 0);
	}
	assert_int_equal(r.per_sock[0] + r.per_sock[1] + r.per_sock[2] + r.per_sock[3], 1200);
	assert_int_equal(world_free(r.w, stderr), 0);
}

static void test_reuseport_udp4_spread(void **state)
{
	(void)state;
	run_spread(AF_INET, "127.0.0.1");
}

static void test_reuseport_udp6_spread(void **state)
{
	(void)state;
	run_spread(AF_INET6, "::1");
}

/* reuseport_alloc() failing: the bind fails as udp_lib_get_port's does,
 * the port stays free, nothing leaks; listen() gives ENOMEM */
static int nomem_task(void *arg)
{
	struct rig *r = arg;
	struct sockaddr_storage ss;
	socklen_t l = addr_of(r, &ss, 7001);
	int one = 1, u = skbox_socket(r->w, AF_INET, SOCK_DGRAM, 0);
	int t = skbox_socket(r->w, AF_INET, SOCK_STREAM, 0);

	skbox_setsockopt(r->w, u, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
	skbox_setsockopt(r->w, t, SOL_SOCKET, SO_REUSEPORT, &one, sizeof(one));
	failslab_set(1);
	CHECK(r, skbox_bind(r->w, u, (struct sockaddr *)&ss, l) == -EADDRINUSE);
	failslab_set(0);
	CHECK(r, skbox_bind(r->w, u, (struct sockaddr *)&ss, l) == 0);
	CHECK(r, group_size(r->w, u) == 1);
	CHECK(r, skbox_bind(r->w, t, (struct sockaddr *)&ss, l) == 0);
	failslab_set(1);
	CHECK(r, skbox_listen(r->w, t, 5) == -ENOMEM);
	failslab_set(0);
	CHECK(r, skbox_listen(r->w, t, 5) == 0);
	CHECK(r, group_size(r->w, t) == 1);
	skbox_close(r->w, u);
	skbox_close(r->w, t);
	return 0;
}

static void test_reuseport_nomem(void **state)
{
	struct rig r = { .fam = AF_INET, .host = "127.0.0.1" };
	struct net *n;
	struct task *t;

	(void)state;
	r.w = world_new(13);
	n = net_create(r.w, "a");
	assert_int_equal(h_run(r.w, n, "ip link set lo up", T_SEC, NULL), 0);
	t = task_spawn(r.w, n, "nomem", nomem_task, &r);
	h_advance_to(r.w, r.w->now + T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r.errs, 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reuseport_cases),
		cmocka_unit_test(test_reuseport_udp4_spread),
		cmocka_unit_test(test_reuseport_udp6_spread),
		cmocka_unit_test(test_reuseport_nomem),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
