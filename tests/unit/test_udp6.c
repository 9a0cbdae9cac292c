/* UDP over IPv6 sockets on lo (::1, 127.0.0.1): port conflicts between the
 * families (a dual-stack [::] conflicts with 0.0.0.0 unless IPV6_V6ONLY; a
 * socket on ::1 is IPv6-only), bind errors, getsockname, an IPv4 datagram
 * to a dual-stack socket (a v4-mapped sender), an IPv6 one (Udp6*); the
 * error queue (IPV6_RECVERR, IPV6_RECVHOPLIMIT), and a raw ICMPv6 socket's. */
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
#include "net/sock.h"

struct u6_rig {
	struct world *w;
	struct net *n;
	int errs;			/* failed checks inside the task */
	char from[INET6_ADDRSTRLEN];
	char got[32];
};

#define CHECK(r, cond) ((cond) ? (void)0 : (void)((r)->errs++, \
	fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, #cond)))

static int bind6(struct world *w, int fd, const char *a, int port, u32 scope)
{
	struct sockaddr_in6 s = { .sin6_family = AF_INET6, .sin6_port = htons((u16)port),
				  .sin6_scope_id = scope };

	inet_pton(AF_INET6, a, &s.sin6_addr);
	return skbox_bind(w, fd, (struct sockaddr *)&s, sizeof(s));
}

static int bind4(struct world *w, int fd, const char *a, int port)
{
	struct sockaddr_in s = { .sin_family = AF_INET, .sin_port = htons((u16)port) };

	inet_pton(AF_INET, a, &s.sin_addr);
	return skbox_bind(w, fd, (struct sockaddr *)&s, sizeof(s));
}

static void conflicts(struct u6_rig *r)
{
	struct world *w = r->w;
	int one = 1, v4 = skbox_socket(w, AF_INET, SOCK_DGRAM, 0);
	int v6 = skbox_socket(w, AF_INET6, SOCK_DGRAM, 0);
	int v6b = skbox_socket(w, AF_INET6, SOCK_DGRAM, 0);
	int v4b = skbox_socket(w, AF_INET, SOCK_DGRAM, 0);

	CHECK(r, bind4(w, v4, "0.0.0.0", 7000) == 0);
	CHECK(r, bind6(w, v6, "::", 7000, 0) == -EADDRINUSE);
	CHECK(r, skbox_setsockopt(w, v6, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) == 0);
	CHECK(r, bind6(w, v6, "::", 7000, 0) == 0);
	CHECK(r, skbox_setsockopt(w, v6, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) ==
		 -EINVAL);
	/* a specific IPv6 address takes no IPv4: 0.0.0.0 on its port is free */
	CHECK(r, bind6(w, v6b, "::1", 7001, 0) == 0);
	CHECK(r, bind4(w, v4b, "0.0.0.0", 7001) == 0);
	skbox_close(w, v4);
	skbox_close(w, v6);
	skbox_close(w, v6b);
	skbox_close(w, v4b);
}

static void bind_errors(struct u6_rig *r)
{
	struct world *w = r->w;
	int fd = skbox_socket(w, AF_INET6, SOCK_DGRAM, 0);
	struct sockaddr_in6 me;
	socklen_t l = sizeof(me);

	CHECK(r, bind6(w, fd, "2001:db8::9", 7002, 0) == -EADDRNOTAVAIL);
	CHECK(r, bind6(w, fd, "fe80::1", 7002, 0) == -EINVAL);
	CHECK(r, bind6(w, fd, "::1", 7002, 0) == 0);
	CHECK(r, skbox_getsockname(w, fd, (struct sockaddr *)&me, &l) == 0);
	CHECK(r, l == sizeof(me) && me.sin6_family == AF_INET6 && ntohs(me.sin6_port) == 7002);
	CHECK(r, ipv6_addr_loopback(&me.sin6_addr));
	skbox_close(w, fd);
}

/* sends msg from a fresh socket of family fam to addr:port */
static void send_one(struct u6_rig *r, int fam, const char *addr, int port, const char *msg)
{
	struct sockaddr_storage ss = { 0 };
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
	int fd = skbox_socket(r->w, fam, SOCK_DGRAM, 0);

	ss.ss_family = (sa_family_t)fam;
	if (fam == AF_INET) {
		sin->sin_port = htons((u16)port);
		inet_pton(AF_INET, addr, &sin->sin_addr);
	} else {
		sin6->sin6_port = htons((u16)port);
		inet_pton(AF_INET6, addr, &sin6->sin6_addr);
	}
	CHECK(r, skbox_sendto(r->w, fd, msg, strlen(msg), 0, (struct sockaddr *)&ss,
			      fam == AF_INET ? sizeof(*sin) : sizeof(*sin6)) == (ssize_t)strlen(msg));
	skbox_close(r->w, fd);
}

static void recv_one(struct u6_rig *r, int fd)
{
	struct sockaddr_in6 from;
	socklen_t fl = sizeof(from);
	struct pollfd p = { .fd = fd, .events = POLLIN };
	ssize_t n;

	memset(r->got, 0, sizeof(r->got));
	CHECK(r, skbox_poll(r->w, &p, 1, 1000) == 1);
	n = skbox_recvfrom(r->w, fd, r->got, sizeof(r->got) - 1, MSG_DONTWAIT,
			   (struct sockaddr *)&from, &fl);
	CHECK(r, n > 0 && fl == sizeof(from) && from.sin6_family == AF_INET6);
	inet_ntop(AF_INET6, &from.sin6_addr, r->from, sizeof(r->from));
}

static int u6_task(void *arg)
{
	struct u6_rig *r = arg;
	int fd;

	conflicts(r);
	bind_errors(r);
	fd = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, 0);
	CHECK(r, bind6(r->w, fd, "::", 7003, 0) == 0);
	send_one(r, AF_INET, "127.0.0.1", 7003, "four");
	recv_one(r, fd);
	CHECK(r, !strcmp(r->got, "four") && !strcmp(r->from, "::ffff:127.0.0.1"));
	send_one(r, AF_INET6, "::1", 7003, "six");
	recv_one(r, fd);
	CHECK(r, !strcmp(r->got, "six") && !strcmp(r->from, "::1"));
	skbox_close(r->w, fd);
	return 0;
}

static void test_udp6_sockets(void **state)
{
	struct u6_rig r = { 0 };
	struct task *t;

	(void)state;
	r.w = world_new(5);
	r.n = net_create(r.w, "a");
	assert_int_equal(h_run(r.w, r.n, "ip link set lo up", T_SEC, NULL), 0);
	t = task_spawn(r.w, r.n, "u6", u6_task, &r);
	h_advance_to(r.w, r.w->now + 3 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r.errs, 0);
	assert_int_equal(r.n->ipv6.udp6[UDP_MIB_INDATAGRAMS], 1);
	assert_int_equal(r.n->ipv6.udp6[UDP_MIB_OUTDATAGRAMS], 1);
	assert_int_equal(r.n->mib.udp[UDP_MIB_INDATAGRAMS], 1);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* A datagram to a closed IPv6 port: Udp6NoPorts and an ICMPv6 port
 * unreachable, which a connected sender reads as ECONNREFUSED */
static int refused_task(void *arg)
{
	struct u6_rig *r = arg;
	struct sockaddr_in6 dst = { .sin6_family = AF_INET6, .sin6_port = htons(7999) };
	int fd = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, 0);
	char buf[8];

	dst.sin6_addr.s6_addr[15] = 1;
	CHECK(r, skbox_connect(r->w, fd, (struct sockaddr *)&dst, sizeof(dst)) == 0);
	CHECK(r, skbox_send(r->w, fd, "x", 1, 0) == 1);
	skbox_nanosleep(r->w, 100000000ULL);
	CHECK(r, skbox_recv(r->w, fd, buf, sizeof(buf), MSG_DONTWAIT) == -ECONNREFUSED);
	skbox_close(r->w, fd);
	return 0;
}

static void test_udp6_refused(void **state)
{
	struct u6_rig r = { 0 };
	struct task *t;

	(void)state;
	r.w = world_new(6);
	r.n = net_create(r.w, "a");
	assert_int_equal(h_run(r.w, r.n, "ip link set lo up", T_SEC, NULL), 0);
	t = task_spawn(r.w, r.n, "refused", refused_task, &r);
	h_advance_to(r.w, r.w->now + 3 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r.errs, 0);
	assert_int_equal(r.n->ipv6.udp6[UDP_MIB_NOPORTS], 1);
	assert_int_equal(r.n->ipv6.icmp6msg_in[1], 1);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* IPV6_RECVERR on an unconnected socket (traceroute6): the port
 * unreachable is queued; recvmsg(MSG_ERRQUEUE) gives the datagram back, the
 * destination it went to, IPV6_HOPLIMIT (IPV6_RECVHOPLIMIT) and
 * IPV6_RECVERR with the ICMPv6 origin, type, code and the offender ::1.
 * A datagram read normally carries its hop limit too. */
static int errqueue_task(void *arg)
{
	struct u6_rig *r = arg;
	struct sockaddr_in6 dst = { .sin6_family = AF_INET6, .sin6_port = htons(7998) };
	struct sockaddr_in6 from;
	int one = 1, fd = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, 0), hlim = 0, v = 0;
	int fd2 = skbox_socket(r->w, AF_INET6, SOCK_DGRAM, 0);
	struct pollfd p = { .fd = fd, .events = POLLIN };
	char buf[16] = { 0 }, ctrl[256];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = { .msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = &iov,
			    .msg_iovlen = 1, .msg_control = ctrl,
			    .msg_controllen = sizeof(ctrl) };
	struct {
		struct sock_extended_err ee;
		struct sockaddr_in6 offender;
	} eh;
	struct cmsghdr *cm;
	socklen_t l = sizeof(v);

	dst.sin6_addr.s6_addr[15] = 1;
	CHECK(r, skbox_setsockopt(r->w, fd, IPPROTO_IPV6, IPV6_RECVERR, &one, sizeof(one)) == 0);
	CHECK(r, skbox_setsockopt(r->w, fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one,
				  sizeof(one)) == 0);
	CHECK(r, skbox_getsockopt(r->w, fd, IPPROTO_IPV6, IPV6_RECVERR, &v, &l) == 0 && v == 1);
	CHECK(r, skbox_sendto(r->w, fd, "probe", 5, 0, (struct sockaddr *)&dst,
			      sizeof(dst)) == 5);
	CHECK(r, skbox_poll(r->w, &p, 1, 1000) == 1 && p.revents == POLLERR);
	memset(ctrl, 0, sizeof(ctrl));
	memset(&eh, 0, sizeof(eh));
	CHECK(r, skbox_recvmsg(r->w, fd, &m, MSG_ERRQUEUE) == 5 && !memcmp(buf, "probe", 5));
	CHECK(r, m.msg_flags == MSG_ERRQUEUE && m.msg_namelen == sizeof(from));
	CHECK(r, ntohs(from.sin6_port) == 7998 && ipv6_addr_loopback(&from.sin6_addr));
	CHECK(r, m.msg_controllen == CMSG_SPACE(sizeof(int)) + CMSG_SPACE(sizeof(eh)));
	cm = CMSG_FIRSTHDR(&m);
	CHECK(r, cm && cm->cmsg_level == IPPROTO_IPV6 && cm->cmsg_type == IPV6_HOPLIMIT);
	if (cm)
		memcpy(&hlim, CMSG_DATA(cm), sizeof(hlim));
	CHECK(r, hlim == 64);
	cm = cm ? CMSG_NXTHDR(&m, cm) : NULL;
	CHECK(r, cm && cm->cmsg_level == IPPROTO_IPV6 && cm->cmsg_type == IPV6_RECVERR &&
		 cm->cmsg_len == CMSG_LEN(sizeof(eh)));
	if (cm)
		memcpy(&eh, CMSG_DATA(cm), sizeof(eh));
	CHECK(r, eh.ee.ee_errno == ECONNREFUSED && eh.ee.ee_origin == SO_EE_ORIGIN_ICMP6);
	CHECK(r, eh.ee.ee_type == 1 && eh.ee.ee_code == 4);
	CHECK(r, eh.offender.sin6_family == AF_INET6 &&
		 ipv6_addr_loopback(&eh.offender.sin6_addr));
	CHECK(r, skbox_recvmsg(r->w, fd, &m, MSG_ERRQUEUE) == -EAGAIN);
	/* the error was reported as well (sk_err), as Linux */
	CHECK(r, skbox_recv(r->w, fd, buf, sizeof(buf), MSG_DONTWAIT) == -ECONNREFUSED);
	/* a datagram read with IPV6_RECVHOPLIMIT: its hop limit */
	CHECK(r, bind6(r->w, fd2, "::1", 7997, 0) == 0);
	CHECK(r, skbox_setsockopt(r->w, fd2, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one,
				  sizeof(one)) == 0);
	dst.sin6_port = htons(7997);
	CHECK(r, skbox_sendto(r->w, fd, "next", 4, 0, (struct sockaddr *)&dst,
			      sizeof(dst)) == 4);
	p.fd = fd2;
	CHECK(r, skbox_poll(r->w, &p, 1, 1000) == 1);
	m.msg_controllen = sizeof(ctrl);
	m.msg_namelen = sizeof(from);
	hlim = 0;
	CHECK(r, skbox_recvmsg(r->w, fd2, &m, 0) == 4 && m.msg_flags == 0);
	cm = CMSG_FIRSTHDR(&m);
	CHECK(r, cm && cm->cmsg_type == IPV6_HOPLIMIT);
	if (cm)
		memcpy(&hlim, CMSG_DATA(cm), sizeof(hlim));
	CHECK(r, hlim == 64);
	skbox_close(r->w, fd2);
	skbox_close(r->w, fd);
	return 0;
}

static void test_udp6_errqueue(void **state)
{
	struct u6_rig r = { 0 };
	struct task *t;

	(void)state;
	r.w = world_new(7);
	r.n = net_create(r.w, "a");
	assert_int_equal(h_run(r.w, r.n, "ip link set lo up", T_SEC, NULL), 0);
	t = task_spawn(r.w, r.n, "errq", errqueue_task, &r);
	h_advance_to(r.w, r.w->now + 3 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r.errs, 0);
	assert_int_equal(world_free(r.w, stderr), 0);
}

/* A raw ICMPv6 socket with IPV6_RECVERR (iputils' ping -6): an echo
 * request sent with hop limit 1 through a router comes back as a time
 * exceeded in the error queue — the request itself, IPV6_RECVERR with the
 * ICMPv6 origin and the router as offender (raw6_icmp_error). */
static int raw_errqueue_task(void *arg)
{
	struct u6_rig *r = arg;
	struct sockaddr_in6 dst = { .sin6_family = AF_INET6 }, to;
	int one = 1, fd = skbox_socket(r->w, AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
	u8 echo[16] = { 128, 0, 0, 0, 0x12, 0x34, 0, 1 }, buf[64];
	char ctrl[256];
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr m = { .msg_name = &to, .msg_namelen = sizeof(to), .msg_iov = &iov,
			    .msg_iovlen = 1, .msg_control = ctrl, .msg_controllen = sizeof(ctrl) };
	struct {
		struct sock_extended_err ee;
		struct sockaddr_in6 offender;
	} eh;
	struct pollfd p = { .fd = fd };		/* POLLERR alone */
	struct cmsghdr *cm;
	char off[INET6_ADDRSTRLEN] = "";

	inet_pton(AF_INET6, "2001:db8:2::9", &dst.sin6_addr);
	CHECK(r, skbox_setsockopt(r->w, fd, IPPROTO_IPV6, IPV6_RECVERR, &one, sizeof(one)) == 0);
	CHECK(r, skbox_setsockopt(r->w, fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &one,
				  sizeof(one)) == 0);
	CHECK(r, skbox_setsockopt(r->w, fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one,
				  sizeof(one)) == 0);
	CHECK(r, skbox_sendto(r->w, fd, echo, sizeof(echo), 0, (struct sockaddr *)&dst,
			      sizeof(dst)) == sizeof(echo));
	CHECK(r, skbox_poll(r->w, &p, 1, 2000) == 1 && (p.revents & POLLERR));
	memset(&eh, 0, sizeof(eh));
	CHECK(r, skbox_recvmsg(r->w, fd, &m, MSG_ERRQUEUE) == sizeof(echo));
	CHECK(r, buf[0] == 128 && buf[4] == 0x12 && buf[5] == 0x34);
	cm = CMSG_FIRSTHDR(&m);		/* the time exceeded's hop limit first */
	CHECK(r, cm && cm->cmsg_level == IPPROTO_IPV6 && cm->cmsg_type == IPV6_HOPLIMIT);
	cm = cm ? CMSG_NXTHDR(&m, cm) : NULL;
	CHECK(r, cm && cm->cmsg_level == IPPROTO_IPV6 && cm->cmsg_type == IPV6_RECVERR);
	if (cm)
		memcpy(&eh, CMSG_DATA(cm), sizeof(eh));
	CHECK(r, eh.ee.ee_origin == SO_EE_ORIGIN_ICMP6 && eh.ee.ee_type == 3 &&
		 eh.ee.ee_code == 0 && eh.ee.ee_errno == EHOSTUNREACH);
	inet_ntop(AF_INET6, &eh.offender.sin6_addr, off, sizeof(off));
	CHECK(r, !strcmp(off, "2001:db8:1::1"));
	skbox_close(r->w, fd);
	return 0;
}

static void test_raw6_errqueue(void **state)
{
	struct u6_rig r = { 0 };
	struct net *rt;
	struct task *t;

	(void)state;
	r.w = world_new(8);
	r.n = net_create(r.w, "a");
	rt = net_create(r.w, "r");
	assert_non_null(h_link(r.n, "veth", "va", "vr", rt));
	assert_int_equal(h_run(r.w, r.n, "ip addr add 2001:db8:1::2/64 dev va nodad", T_SEC,
			       NULL), 0);
	assert_int_equal(h_run(r.w, rt, "ip addr add 2001:db8:1::1/64 dev vr nodad", T_SEC,
			       NULL), 0);
	assert_int_equal(h_up(r.n, "va"), 0);
	assert_int_equal(h_up(rt, "vr"), 0);
	assert_int_equal(h_run(r.w, r.n, "ip route add default via 2001:db8:1::1", T_SEC, NULL),
			 0);
	assert_int_equal(h_run(r.w, rt, "sysctl -qw net.ipv6.conf.all.forwarding=1", T_SEC,
			       NULL), 0);
	/* a route on (back to a: the hop limit runs out first) */
	assert_int_equal(h_run(r.w, rt, "ip route add 2001:db8:2::/64 via 2001:db8:1::2", T_SEC,
			       NULL), 0);
	t = task_spawn(r.w, r.n, "raw6", raw_errqueue_task, &r);
	h_advance_to(r.w, r.w->now + 3 * T_SEC);
	assert_int_equal(t->state, TASK_DEAD);
	task_free(t);
	assert_int_equal(r.errs, 0);
	assert_int_equal(rt->ipv6.icmp6msg_out[3], 1);
	assert_int_equal(world_free(r.w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_udp6_sockets),
		cmocka_unit_test(test_udp6_refused),
		cmocka_unit_test(test_udp6_errqueue),
		cmocka_unit_test(test_raw6_errqueue),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
