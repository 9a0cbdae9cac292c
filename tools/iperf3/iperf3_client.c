/* iperf3's client (iperf_client_api.c): connect the control socket, send
 * the cookie, then follow the server's state bytes — parameters, streams,
 * the test, the results, the summary. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/tcp.h>
#include <stdlib.h>
#include <string.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "net/world.h"
#include "iperf3.h"

static void cl_make_cookie(struct ip3_test *t)
{
	static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz234567";

	for (int i = 0; i < IP3_COOKIE_SIZE - 1; i++)
		t->cookie[i] = alphabet[world_random_u64(t->w) % 32];
	t->cookie[IP3_COOKIE_SIZE - 1] = 0;
}

/* The server's address: IPv6 with -6 or for an IPv6 literal */
static int cl_addr(struct ip3_test *t, struct sockaddr_storage *ss, socklen_t *len)
{
	struct sockaddr_in *sin = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;

	memset(ss, 0, sizeof(*ss));
	if (t->family == AF_INET6 || strchr(t->host, ':')) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((u16)t->port);
		*len = sizeof(*sin6);
		return inet_pton(AF_INET6, t->host, &sin6->sin6_addr) == 1 ? 0 : -1;
	}
	sin->sin_family = AF_INET;
	sin->sin_port = htons((u16)t->port);
	*len = sizeof(*sin);
	return inet_pton(AF_INET, t->host, &sin->sin_addr) == 1 ? 0 : -1;
}

static int cl_connect_ctrl(struct ip3_test *t)
{
	struct sockaddr_storage sin;
	int fd, err;
	socklen_t l = sizeof(t->mss), sl;

	if (cl_addr(t, &sin, &sl))
		return ip3_error(t, "unable to resolve host: Name or service not known");
	fd = skbox_socket(t->w, sin.ss_family, SOCK_STREAM, 0);
	if (fd < 0)
		return ip3_error(t, "unable to connect to server: %s", strerror(-fd));
	err = skbox_connect(t->w, fd, (struct sockaddr *)&sin, sl);
	if (err) {
		skbox_close(t->w, fd);
		return ip3_error(t, "unable to connect to server: %s", strerror(-err));
	}
	t->ctrl = fd;
	t->connected = true;
	skbox_getsockopt(t->w, fd, IPPROTO_TCP, TCP_MAXSEG, &t->mss, &l);
	cl_make_cookie(t);
	return ip3_send_all(t, fd, t->cookie, IP3_COOKIE_SIZE) ?
		ip3_error(t, "unable to send cookie to server: Broken pipe") : 0;
}

/* send_parameters(): the JSON the real client sends */
static int cl_send_params(struct ip3_test *t)
{
	char js[512];
	int n = snprintf(js, sizeof(js), "{\"%s\":true,\"omit\":0,\"time\":%d,\"num\":%llu,"
			 "\"blockcount\":0,\"parallel\":%d%s,\"len\":%d", t->udp ? "udp" : "tcp",
			 t->duration, (unsigned long long)t->nbytes, t->parallel,
			 t->reverse ? ",\"reverse\":true" : "", t->len);

	if (t->rate)
		n += snprintf(js + n, sizeof(js) - (size_t)n, ",\"bandwidth\":%llu",
			      (unsigned long long)t->rate);
	snprintf(js + n, sizeof(js) - (size_t)n, ",\"pacing_timer\":1000,\"client_version\":\"3.12\"}");
	return ip3_send_json(t, js) ? ip3_error(t, "unable to send parameters to server") : 0;
}

static int cl_udp_hello(struct ip3_test *t, int fd)
{
	u32 msg = IP3_UDP_CONNECT_MSG, reply = 0;
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (skbox_send(t->w, fd, &msg, 4, 0) != 4)
		return -1;
	if (skbox_poll(t->w, &p, 1, 30000) <= 0)
		return -1;
	if (skbox_recv(t->w, fd, &reply, 4, 0) != 4 || reply != IP3_UDP_CONNECT_REPLY)
		return -1;
	return 0;
}

static int cl_create_streams(struct ip3_test *t)
{
	struct sockaddr_storage sin;
	socklen_t sl;

	cl_addr(t, &sin, &sl);
	for (int i = 0; i < t->parallel; i++) {
		struct ip3_stream *s = &t->st[i];
		int fd = skbox_socket(t->w, sin.ss_family, t->udp ? SOCK_DGRAM : SOCK_STREAM, 0);
		int err = fd < 0 ? fd : skbox_connect(t->w, fd, (struct sockaddr *)&sin, sl);

		if (fd >= 0 && !err)
			err = t->udp ? cl_udp_hello(t, fd) :
				ip3_send_all(t, fd, t->cookie, IP3_COOKIE_SIZE);
		if (err) {
			if (fd >= 0)
				skbox_close(t->w, fd);
			return ip3_error(t, "unable to connect stream: %s", strerror(err < 0 ? -err : EIO));
		}
		s->fd = fd;
		s->id = i ? i + 2 : 1;
		s->sock = 5 + 2 * i;
		s->sender = !t->reverse;
		ip3_stream_names(t, s);
		t->nstreams++;
		ip3_print_connected(t, s);
	}
	return 0;
}

static int cl_exchange_results(struct ip3_test *t)
{
	char *mine = ip3_results_json(t), *theirs;
	int rc;

	if (!mine || ip3_send_json(t, mine)) {
		free(mine);
		return ip3_error(t, "unable to send results");
	}
	free(mine);
	theirs = ip3_recv_json(t);
	if (!theirs)
		return ip3_error(t, "unable to receive results");
	rc = ip3_parse_results(t, theirs);
	free(theirs);
	return rc ? ip3_error(t, "unable to receive results") : 0;
}

/* One state byte from the server and what the client does for it; 1: the
 * test is over (status in *rc). */
static int cl_handle_state(struct ip3_test *t, signed char state, int *rc)
{
	switch (state) {
	case IP3_PARAM_EXCHANGE:
		*rc = cl_send_params(t);
		return *rc != 0;
	case IP3_CREATE_STREAMS:
		*rc = cl_create_streams(t);
		return *rc != 0;
	case IP3_TEST_START:
		t->start_ns = t->int_start_ns = t->next_send_ns = ip3_now(t);
		ip3_print_header(t);
		return 0;
	case IP3_TEST_RUNNING:
		*rc = ip3_run_streams(t);
		return *rc != 0;
	case IP3_EXCHANGE_RESULTS:
		*rc = cl_exchange_results(t);
		return *rc != 0;
	case IP3_DISPLAY_RESULTS:
		ip3_summary(t);
		ip3_send_state(t, IP3_IPERF_DONE);
		*rc = 0;
		return 1;
	case IP3_ACCESS_DENIED:
		*rc = ip3_error(t, "the server is busy running a test. try again later");
		return 1;
	case IP3_SERVER_ERROR:
		*rc = ip3_error(t, "the server has terminated");
		return 1;
	default:
		*rc = ip3_error(t, "received an unknown control message (ensure other side is iperf3 and not iperf)");
		return 1;
	}
}

static void cl_close(struct ip3_test *t)
{
	for (int i = 0; i < t->nstreams; i++)
		skbox_close(t->w, t->st[i].fd);
	t->nstreams = 0;
	if (t->ctrl >= 0)
		skbox_close(t->w, t->ctrl);
	t->ctrl = -1;
}

int ip3_client(struct ip3_test *t)
{
	int rc = 0;

	if (!t->len)
		t->len = t->udp ? 0 : IP3_DEFAULT_TCP_LEN;
	if (t->udp && !t->rate_set)
		t->rate = IP3_DEFAULT_UDP_RATE;
	rc = cl_connect_ctrl(t);
	/* iperf_on_connect(): said once the control connection is up */
	if (!rc && !t->json)
		fprintf(t->out, "Connecting to host %s, port %d\n", t->host, t->port);
	if (!rc && !t->json && t->reverse)
		fprintf(t->out, "Reverse mode, remote host %s is sending\n", t->host);
	if (!rc && t->udp && !t->len)
		t->len = t->mss > 0 && t->mss < 65507 ? t->mss : 1460;
	t->buf = rc ? NULL : calloc(1, (size_t)t->len);
	while (!rc) {
		signed char state;

		if (ip3_read_state(t, &state)) {
			rc = ip3_error(t, "control socket has closed unexpectedly");
			break;
		}
		if (cl_handle_state(t, state, &rc))
			break;
	}
	if (!rc && t->json)
		ip3_json_finish(t, NULL);
	cl_close(t);
	if (!rc && !t->json)
		fprintf(t->out, "\niperf Done.\n");
	return rc;
}
