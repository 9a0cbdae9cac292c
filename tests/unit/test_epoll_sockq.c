/* What an event loop asks a socket after epoll says "ready": SIOCINQ and
 * SIOCOUTQ (tcp_ioctl, udp_ioctl), TCP_INQ and its TCP_CM_INQ control
 * message on recvmsg (the FIN counts as one byte there, as tcp_inq_hint);
 * and the local port of connect(): with ip_local_port_range "10000 10000"
 * two connections to distinct peers share port 10000
 * (__inet_hash_connect), a third to a peer already connected gets
 * EADDRNOTAVAIL, bind() to port 0 EADDRINUSE, a second UDP autobind
 * EAGAIN; a TIME_WAIT 4-tuple is taken over after a second on loopback
 * (tcp_tw_reuse 2, TcpExtTWRecycled).  Leak check at the end of each. */
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

static void sin_of(struct sockaddr_in *s, int port)
{
	memset(s, 0, sizeof(*s));
	s->sin_family = AF_INET;
	s->sin_port = htons((u16)port);
	s->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

static int listener(struct world *w, int port)
{
	struct sockaddr_in a;
	int fd = skbox_socket(w, AF_INET, SOCK_STREAM, 0);

	sin_of(&a, port);
	assert_int_equal(skbox_bind(w, fd, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(skbox_listen(w, fd, 8), 0);
	return fd;
}

/* A non-blocking connect from outside a task, completed by the loop. */
static int dial(struct world *w, int port, int *err)
{
	struct sockaddr_in a;
	int fd = skbox_socket(w, AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

	sin_of(&a, port);
	*err = skbox_connect(w, fd, (struct sockaddr *)&a, sizeof(a));
	h_advance_to(w, w->now + 10 * T_MS);
	return fd;
}

static int local_port(struct world *w, int fd)
{
	struct sockaddr_in a;
	socklen_t l = sizeof(a);

	assert_int_equal(skbox_getsockname(w, fd, (struct sockaddr *)&a, &l), 0);
	return ntohs(a.sin_port);
}

static int inq_cmsg(struct world *w, int fd, char *buf, size_t len, int *inq)
{
	struct iovec iov = { .iov_base = buf, .iov_len = len };
	union { struct cmsghdr h; char b[CMSG_SPACE(sizeof(int))]; } c;
	struct msghdr m = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = &c,
			    .msg_controllen = sizeof(c) };
	ssize_t n = skbox_recvmsg(w, fd, &m, MSG_DONTWAIT);
	struct cmsghdr *cm = CMSG_FIRSTHDR(&m);

	*inq = -1;
	if (cm && cm->cmsg_level == IPPROTO_TCP && cm->cmsg_type == TCP_INQ)
		memcpy(inq, CMSG_DATA(cm), sizeof(*inq));
	return (int)n;
}

static void test_inq_outq(void **state)
{
	struct world *w = world_new(5);
	char buf[200] = { 0 };
	int l, c, s, err, v = 0, one = 1, two = 2, inq;
	socklen_t vl = sizeof(v);

	(void)state;
	h_up(w->init_net, "lo");
	l = listener(w, 7000);
	c = dial(w, 7000, &err);
	assert_int_equal(err, -EINPROGRESS);
	s = skbox_accept(w, l, NULL, NULL);
	assert_true(s >= 0);
	assert_int_equal(skbox_ioctl(w, l, SIOCINQ, &v), -EINVAL);
	assert_int_equal(skbox_ioctl(w, l, SIOCOUTQ, &v), -EINVAL);
	assert_int_equal(skbox_ioctl(w, s, 0x1234, &v), -ENOTTY);
	assert_int_equal(skbox_send(w, c, buf, 100, 0), 100);
	assert_int_equal(skbox_ioctl(w, c, SIOCOUTQ, &v), 0);
	assert_int_equal(v, 100);			/* not yet acknowledged */
	assert_int_equal(skbox_ioctl(w, c, SIOCOUTQNSD, &v), 0);
	h_advance_to(w, w->now + 10 * T_MS);
	assert_int_equal(skbox_ioctl(w, c, SIOCOUTQ, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(skbox_ioctl(w, s, SIOCINQ, &v), 0);
	assert_int_equal(v, 100);
	/* TCP_INQ: 0/1 only; the cmsg tells what is left */
	assert_int_equal(skbox_setsockopt(w, s, IPPROTO_TCP, TCP_INQ, &two, sizeof(two)), -EINVAL);
	assert_int_equal(skbox_setsockopt(w, s, IPPROTO_TCP, TCP_INQ, &one, sizeof(one)), 0);
	assert_int_equal(skbox_getsockopt(w, s, IPPROTO_TCP, TCP_INQ, &v, &vl), 0);
	assert_int_equal(v, 1);
	assert_int_equal(inq_cmsg(w, s, buf, 30, &inq), 30);
	assert_int_equal(inq, 70);
	skbox_close(w, c);				/* FIN */
	h_advance_to(w, w->now + 10 * T_MS);
	assert_int_equal(skbox_ioctl(w, s, SIOCINQ, &v), 0);
	assert_int_equal(v, 70);			/* the FIN not counted */
	assert_int_equal(inq_cmsg(w, s, buf, sizeof(buf), &inq), 70);
	assert_int_equal(inq, 1);			/* ... but here it is */
	assert_int_equal(inq_cmsg(w, s, buf, sizeof(buf), &inq), 0);
	assert_int_equal(skbox_ioctl(w, s, SIOCINQ, &v), 0);
	assert_int_equal(v, 0);
	skbox_close(w, s);
	skbox_close(w, l);
	h_advance_to(w, w->now + 61 * T_SEC);
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_udp_inq(void **state)
{
	struct world *w = world_new(6);
	struct sockaddr_in a;
	int r = skbox_socket(w, AF_INET, SOCK_DGRAM, 0), s, v = -1;

	(void)state;
	h_up(w->init_net, "lo");
	s = skbox_socket(w, AF_INET, SOCK_DGRAM, 0);
	sin_of(&a, 6000);
	assert_int_equal(skbox_bind(w, r, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(skbox_ioctl(w, r, SIOCINQ, &v), 0);
	assert_int_equal(v, 0);
	skbox_sendto(w, s, "12345", 5, 0, (struct sockaddr *)&a, sizeof(a));
	skbox_sendto(w, s, "123", 3, 0, (struct sockaddr *)&a, sizeof(a));
	h_advance_to(w, w->now + T_MS);
	assert_int_equal(skbox_ioctl(w, r, FIONREAD, &v), 0);
	assert_int_equal(v, 5);				/* the next datagram only */
	assert_int_equal(skbox_ioctl(w, s, SIOCOUTQ, &v), 0);
	assert_int_equal(v, 0);
	skbox_close(w, r);
	skbox_close(w, s);
	assert_int_equal(world_free(w, stderr), 0);
}

static void test_shared_port(void **state)
{
	struct world *w = world_new(8);
	struct net *net = w->init_net;
	struct sockaddr_in a;
	int l1, l2, c1, c2, c3, b, u1, u2, err;

	(void)state;
	h_up(net, "lo");
	net->ipv4.sysctl_ip_local_port_range[0] = 10000;
	net->ipv4.sysctl_ip_local_port_range[1] = 10000;
	l1 = listener(w, 7000);
	l2 = listener(w, 7001);
	assert_true(l1 >= 0 && l2 > l1);
	c1 = dial(w, 7000, &err);
	assert_int_equal(err, -EINPROGRESS);
	c2 = dial(w, 7001, &err);
	assert_int_equal(err, -EINPROGRESS);
	assert_int_equal(local_port(w, c1), 10000);
	assert_int_equal(local_port(w, c2), 10000);
	c3 = dial(w, 7001, &err);
	assert_int_equal(err, -EADDRNOTAVAIL);
	b = skbox_socket(w, AF_INET, SOCK_STREAM, 0);
	sin_of(&a, 0);
	assert_int_equal(skbox_bind(w, b, (struct sockaddr *)&a, sizeof(a)), -EADDRINUSE);
	sin_of(&a, 10000);
	assert_int_equal(skbox_bind(w, b, (struct sockaddr *)&a, sizeof(a)), -EADDRINUSE);
	/* UDP: no sharing, and autobind's failure is EAGAIN */
	u1 = skbox_socket(w, AF_INET, SOCK_DGRAM, 0);
	u2 = skbox_socket(w, AF_INET, SOCK_DGRAM, 0);
	sin_of(&a, 9000);
	assert_int_equal(skbox_connect(w, u1, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(skbox_connect(w, u2, (struct sockaddr *)&a, sizeof(a)), -EAGAIN);
	assert_int_equal(skbox_sendto(w, u2, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)),
			 -EAGAIN);
	/* c1 closes first: TIME_WAIT holds 10000 -> 7000; loopback and a
	 * second later, tcp_tw_reuse 2 lets a new connect take it over */
	skbox_close(w, c1);
	skbox_close(w, c3);
	h_advance_to(w, w->now + 10 * T_MS);
	skbox_close(w, skbox_accept(w, l1, NULL, NULL));	/* the peer closes too */
	h_advance_to(w, w->now + 100 * T_MS);
	c1 = dial(w, 7000, &err);
	assert_int_equal(err, -EADDRNOTAVAIL);
	skbox_close(w, c1);
	h_advance_to(w, w->now + 2 * T_SEC);
	c1 = dial(w, 7000, &err);
	assert_int_equal(err, -EINPROGRESS);
	assert_int_equal(local_port(w, c1), 10000);
	assert_int_equal(net->mib.linux_mib[LINUX_MIB_TIMEWAITRECYCLED], 1);
	for (int fd = 3; fd < w->nfiles; fd++)
		skbox_close(w, fd);
	h_advance_to(w, w->now + 61 * T_SEC);
	assert_int_equal(world_free(w, stderr), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_inq_outq),
		cmocka_unit_test(test_udp_inq),
		cmocka_unit_test(test_shared_port),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
