/* iperf3's server (iperf_server_api.c): listen on 5201, take one client at
 * a time through the control protocol, and (without -1) start over. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "net/world.h"
#include "iperf3.h"

static void sv_banner(struct ip3_test *t)
{
	if (t->json)
		return;
	fprintf(t->out, "-----------------------------------------------------------\n"
		"Server listening on %d (test #%d)\n"
		"-----------------------------------------------------------\n",
		t->port, t->test_no);
	fflush(t->out);
}

static int sv_listen(struct ip3_test *t, int type)
{
	struct sockaddr_in sin = { .sin_family = AF_INET, .sin_port = htons((u16)t->port) };
	struct sockaddr_in6 sin6 = { .sin6_family = AF_INET6, .sin6_port = htons((u16)t->port) };
	bool v6 = t->family == AF_INET6;
	int one = 1, fd = skbox_socket(t->w, v6 ? AF_INET6 : AF_INET, type, 0);

	if (fd < 0)
		return fd;
	skbox_setsockopt(t->w, fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (skbox_bind(t->w, fd, v6 ? (struct sockaddr *)&sin6 : (struct sockaddr *)&sin,
		       v6 ? sizeof(sin6) : sizeof(sin)) ||
	    (type == SOCK_STREAM && skbox_listen(t->w, fd, 5))) {
		skbox_close(t->w, fd);
		return -EADDRINUSE;
	}
	return fd;
}

/* Parameters from the client's JSON (get_parameters()). */
static int sv_params(struct ip3_test *t)
{
	char *js = ip3_recv_json(t);
	double v;

	if (!js)
		return -1;
	t->udp = ip3_json_num(js, "udp", &v) && v;
	t->reverse = ip3_json_num(js, "reverse", &v) && v;
	t->duration = ip3_json_num(js, "time", &v) ? (int)v : 10;
	t->nbytes = ip3_json_num(js, "num", &v) ? (u64)v : 0;
	t->parallel = ip3_json_num(js, "parallel", &v) && v >= 1 && v <= IP3_MAX_STREAMS ? (int)v : 1;
	t->len = ip3_json_num(js, "len", &v) && v >= 1 && v <= 1 << 20 ? (int)v : IP3_DEFAULT_TCP_LEN;
	t->rate = ip3_json_num(js, "bandwidth", &v) ? (u64)v : 0;
	t->bidir = ip3_json_num(js, "bidirectional", &v) && v;
	free(js);
	return t->bidir ? -1 : 0;
}

static int sv_accept_tcp(struct ip3_test *t, int lfd)
{
	char cookie[IP3_COOKIE_SIZE];
	int fd;

	for (;;) {
		fd = skbox_accept(t->w, lfd, NULL, NULL);
		if (fd < 0)
			return fd;
		if (!ip3_recv_all(t, fd, cookie, sizeof(cookie)) &&
		    !memcmp(cookie, t->cookie, sizeof(cookie)))
			return fd;
		skbox_close(t->w, fd);		/* not ours: iperf3 refuses it */
	}
}

static int sv_accept_udp(struct ip3_test *t)
{
	struct sockaddr_storage from;
	socklen_t fl = sizeof(from);
	u32 msg = 0, reply = IP3_UDP_CONNECT_REPLY;
	int fd = sv_listen(t, SOCK_DGRAM);

	if (fd < 0)
		return fd;
	if (skbox_recvfrom(t->w, fd, &msg, 4, 0, (struct sockaddr *)&from, &fl) < 0 ||
	    skbox_connect(t->w, fd, (struct sockaddr *)&from, fl) ||
	    skbox_send(t->w, fd, &reply, 4, 0) != 4) {
		skbox_close(t->w, fd);
		return -EIO;
	}
	return fd;
}

static int sv_create_streams(struct ip3_test *t, int lfd)
{
	if (ip3_send_state(t, IP3_CREATE_STREAMS))
		return -1;
	for (int i = 0; i < t->parallel; i++) {
		struct ip3_stream *s = &t->st[i];
		int fd = t->udp ? sv_accept_udp(t) : sv_accept_tcp(t, lfd);

		if (fd < 0)
			return -1;
		*s = (struct ip3_stream){ .fd = fd, .id = i ? i + 2 : 1, .sock = 5 + 2 * i,
					  .sender = t->reverse };
		ip3_stream_names(t, s);
		t->nstreams++;
		ip3_print_connected(t, s);
	}
	return 0;
}

static int sv_results(struct ip3_test *t)
{
	char *theirs, *mine;
	int rc;

	if (ip3_send_state(t, IP3_EXCHANGE_RESULTS))
		return -1;
	theirs = ip3_recv_json(t);
	if (!theirs)
		return -1;
	rc = ip3_parse_results(t, theirs);
	free(theirs);
	mine = ip3_results_json(t);
	if (rc || !mine || ip3_send_json(t, mine)) {
		free(mine);
		return -1;
	}
	free(mine);
	if (ip3_send_state(t, IP3_DISPLAY_RESULTS))
		return -1;
	ip3_summary(t);
	return 0;
}

/* One test on an accepted control connection. */
static int sv_test(struct ip3_test *t, int lfd)
{
	signed char done;

	if (ip3_recv_all(t, t->ctrl, t->cookie, IP3_COOKIE_SIZE) ||
	    ip3_send_state(t, IP3_PARAM_EXCHANGE) || sv_params(t))
		return -1;
	if (!t->len)
		t->len = IP3_DEFAULT_TCP_LEN;
	t->buf = calloc(1, (size_t)t->len > 65536 ? (size_t)t->len : 65536);
	if (!t->buf || sv_create_streams(t, lfd) || ip3_send_state(t, IP3_TEST_START) ||
	    ip3_send_state(t, IP3_TEST_RUNNING))
		return -1;
	t->start_ns = t->int_start_ns = t->next_send_ns = ip3_now(t);
	ip3_print_header(t);
	if (ip3_run_streams(t) || sv_results(t))
		return -1;
	ip3_read_state(t, &done);	/* IPERF_DONE, or the client's close */
	return 0;
}

static void sv_reset(struct ip3_test *t)
{
	for (int i = 0; i < t->nstreams; i++)
		skbox_close(t->w, t->st[i].fd);
	t->nstreams = 0;
	skbox_close(t->w, t->ctrl);
	t->ctrl = -1;
	free(t->buf);
	t->buf = NULL;
	t->udp = t->reverse = false;
	t->len = 0;
}

int ip3_server(struct ip3_test *t)
{
	int lfd = sv_listen(t, SOCK_STREAM);

	if (lfd < 0)
		return ip3_error(t, "unable to start listener for connections: %s", strerror(-lfd));
	for (t->test_no = 1;; t->test_no++) {
		struct sockaddr_storage peer;
		socklen_t pl = sizeof(peer);
		char a[INET6_ADDRSTRLEN];
		int port;

		sv_banner(t);
		t->ctrl = skbox_accept(t->w, lfd, (struct sockaddr *)&peer, &pl);
		if (t->ctrl < 0)
			break;
		port = ip3_ntop(&peer, a);
		if (!t->json)
			fprintf(t->out, "Accepted connection from %s, port %d\n", a, port);
		if (sv_test(t, lfd) && !t->json)
			fprintf(t->ctx->err, "iperf3: error - the client has terminated\n");
		sv_reset(t);
		if (t->one_off)
			break;
	}
	skbox_close(t->w, lfd);
	return 0;
}
