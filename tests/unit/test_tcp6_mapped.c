/* TCP over AF_INET6 sockets with IPv4 peers (net/ipv6/tcp_ipv6.c's
 * ipv6_mapped) on lo: a dual-stack [::] listener accepts an IPv4 client
 * (the child shows ::ffff:127.0.0.1, 20 KB go each way over IPv4 with an
 * IPv4 MSS), an AF_INET6 client reaches an IPv4 listener through
 * ::ffff:127.0.0.1, a closed mapped port answers with a RST
 * (ECONNREFUSED), IPV6_V6ONLY forbids a mapped connect (ENETUNREACH) and
 * keeps a [::] listener from IPv4 (ECONNREFUSED); SYN cookies for an
 * IPv6 listener (syncookies.c shared with IPv4).  The transcript
 * ipv6-v4mapped compares the same cases with the kernel. */
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
#include "net/ipv6.h"
#include "net/tcp.h"

#define XFER 20000

struct m_rig {
	struct world *w;
	struct net *n;
	int errs;
	u16 mss;
};

#define CHECK(r, cond) ((cond) ? (void)0 : (void)((r)->errs++, \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond)))

static socklen_t addr(struct sockaddr_storage *ss, const char *a, int port)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (strchr(a, ':')) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((u16)port);
		inet_pton(AF_INET6, a, &sin6->sin6_addr);
		return sizeof(*sin6);
	}
	sin->sin_family = AF_INET;
	sin->sin_port = htons((u16)port);
	inet_pton(AF_INET, a, &sin->sin_addr);
	return sizeof(*sin);
}

static int sock_at(struct world *w, int fam, bool v6only, const char *a, int port, bool listen)
{
	struct sockaddr_storage ss;
	int one = 1, fd = skbox_socket(w, fam, SOCK_STREAM, 0);
	socklen_t l;

	if (v6only)
		skbox_setsockopt(w, fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	if (!listen)
		return fd;
	l = addr(&ss, a, port);
	if (skbox_bind(w, fd, (struct sockaddr *)&ss, l) || skbox_listen(w, fd, 8))
		return -1;
	return fd;
}

static int conn(struct world *w, int fd, const char *a, int port)
{
	struct sockaddr_storage ss;
	socklen_t l = addr(&ss, a, port);

	return skbox_connect(w, fd, (struct sockaddr *)&ss, l);
}

/* the peer's address as text */
static void peer(struct world *w, int fd, char *buf, size_t n)
{
	struct sockaddr_in6 s;
	socklen_t l = sizeof(s);

	buf[0] = 0;
	if (!skbox_getpeername(w, fd, (struct sockaddr *)&s, &l) && s.sin6_family == AF_INET6)
		inet_ntop(AF_INET6, &s.sin6_addr, buf, n);
}

static bool xfer(struct world *w, int from, int to)
{
	static char out[XFER], in[XFER];
	size_t got = 0;

	for (size_t i = 0; i < sizeof(out); i++)
		out[i] = (char)(i * 7);
	if (skbox_send(w, from, out, sizeof(out), 0) != (ssize_t)sizeof(out))
		return false;
	while (got < sizeof(in)) {
		ssize_t n = skbox_recv(w, to, in + got, sizeof(in) - got, 0);

		if (n <= 0)
			return false;
		got += (size_t)n;
	}
	return !memcmp(in, out, sizeof(in));
}

static int mapped_task(void *arg)
{
	struct m_rig *r = arg;
	struct world *w = r->w;
	int l = sock_at(w, AF_INET6, false, "::", 8000, true);
	int c = sock_at(w, AF_INET, false, NULL, 0, false), s;
	char a[INET6_ADDRSTRLEN];

	CHECK(r, l >= 0 && conn(w, c, "127.0.0.1", 8000) == 0);
	s = skbox_accept(w, l, NULL, NULL);
	CHECK(r, s >= 0);
	peer(w, s, a, sizeof(a));
	CHECK(r, !strcmp(a, "::ffff:127.0.0.1"));
	CHECK(r, xfer(w, c, s) && xfer(w, s, c));
	skbox_close(w, s);
	skbox_close(w, c);
	skbox_close(w, l);

	l = sock_at(w, AF_INET, false, "0.0.0.0", 8001, true);
	c = sock_at(w, AF_INET6, false, NULL, 0, false);
	CHECK(r, conn(w, c, "::ffff:127.0.0.1", 8001) == 0);
	peer(w, c, a, sizeof(a));
	CHECK(r, !strcmp(a, "::ffff:127.0.0.1"));
	s = skbox_accept(w, l, NULL, NULL);
	CHECK(r, s >= 0 && xfer(w, c, s));
	skbox_close(w, s);
	skbox_close(w, c);
	skbox_close(w, l);

	c = sock_at(w, AF_INET6, false, NULL, 0, false);
	CHECK(r, conn(w, c, "::ffff:127.0.0.1", 8002) == -ECONNREFUSED);
	skbox_close(w, c);
	c = sock_at(w, AF_INET6, true, NULL, 0, false);
	CHECK(r, conn(w, c, "::ffff:127.0.0.1", 8002) == -ENETUNREACH);
	skbox_close(w, c);
	l = sock_at(w, AF_INET6, true, "::", 8003, true);
	c = sock_at(w, AF_INET, false, NULL, 0, false);
	CHECK(r, conn(w, c, "127.0.0.1", 8003) == -ECONNREFUSED);
	skbox_close(w, c);
	skbox_close(w, l);
	skbox_nanosleep(w, 200000000ULL);
	return 0;
}

static void test_tcp6_mapped(void **state)
{
	struct m_rig r = { 0 };
	struct task *t;

	(void)state;
	r.w = world_new(7);
	r.n = net_create(r.w, "a");
	assert_int_equal(h_run(r.w, r.n, "ip link set lo up", T_SEC, NULL), 0);
	t = task_spawn(r.w, r.n, "mapped", mapped_task, &r);
	h_advance_to(r.w, r.w->now + 200 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r.errs, 0);
	/* every segment went over IPv4 */
	assert_int_equal(r.n->ipv6.mib[IPSTATS6_MIB_INRECEIVES], 0);
	assert_int_equal(r.n->mib.tcp[TCP_MIB_PASSIVEOPENS], 2);
	assert_int_equal(r.n->mib.tcp[TCP_MIB_ACTIVEOPENS], 4);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* SYN cookies for an IPv6 listener (tcp_syncookies = 2: every SYN): the
 * handshake completes from the cookie alone, 20 KB go each way */
static int cookie_task(void *arg)
{
	struct m_rig *r = arg;
	struct world *w = r->w;
	int l = sock_at(w, AF_INET6, true, "::1", 8100, true);
	int c = sock_at(w, AF_INET6, false, NULL, 0, false), s;

	CHECK(r, l >= 0 && conn(w, c, "::1", 8100) == 0);
	s = skbox_accept(w, l, NULL, NULL);
	CHECK(r, s >= 0 && xfer(w, c, s) && xfer(w, s, c));
	skbox_close(w, s);
	skbox_close(w, c);
	skbox_close(w, l);
	skbox_nanosleep(w, 200000000ULL);
	return 0;
}

static void test_tcp6_syncookies(void **state)
{
	struct m_rig r = { 0 };
	struct task *t;

	(void)state;
	r.w = world_new(8);
	r.n = net_create(r.w, "a");
	assert_int_equal(h_run(r.w, r.n, "ip link set lo up", T_SEC, NULL), 0);
	tcp_pernet(r.n)->sysctl_tcp_syncookies = 2;
	t = task_spawn(r.w, r.n, "cookie", cookie_task, &r);
	h_advance_to(r.w, r.w->now + 200 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r.errs, 0);
	assert_int_equal(r.n->mib.linux_mib[LINUX_MIB_SYNCOOKIESSENT], 1);
	assert_int_equal(r.n->mib.linux_mib[LINUX_MIB_SYNCOOKIESRECV], 1);
	assert_int_equal(r.n->ipv6.mib[IPSTATS6_MIB_INRECEIVES] > 0, 1);
	assert_int_equal(world_free(r.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tcp6_mapped),
		cmocka_unit_test(test_tcp6_syncookies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
