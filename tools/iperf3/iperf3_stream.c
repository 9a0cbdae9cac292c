/* The data phase (iperf_api.c, iperf_tcp.c, iperf_udp.c): the sender
 * writes blocks as fast as the socket takes them (TCP) or paces datagrams at
 * the target bitrate (UDP: packet k leaves at k × len × 8 / rate); the
 * receiver reads, and for UDP counts losses from the sequence numbers and
 * jitter as RFC 1889 (iperf_udp_recv()).  Interval lines are printed as the
 * boundaries pass; the client ends the test (time or bytes reached) with
 * TEST_END on the control socket, the server ends when it reads it. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/tcp.h>
#include <string.h>
#include <time.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "net/world.h"
#include "iperf3.h"

/* Datagram timestamps: world time; in real time the wall clock, as the
 * real iperf3 at the other end of a TAP stamps its own. */
static void udp_stamp(struct ip3_test *t, u32 *sec, u32 *usec)
{
	struct timespec ts;

	if (t->w->realtime)
		clock_gettime(CLOCK_REALTIME, &ts);
	else
		skbox_gettime(t->w, &ts);
	*sec = (u32)ts.tv_sec;
	*usec = (u32)(ts.tv_nsec / 1000);
}

void ip3_stream_tcp_info(struct ip3_test *t, struct ip3_stream *s)
{
	struct tcp_info ti;
	socklen_t l = sizeof(ti);

	if (t->udp || !s->sender)
		return;
	memset(&ti, 0, sizeof(ti));
	if (skbox_getsockopt(t->w, s->fd, IPPROTO_TCP, TCP_INFO, &ti, &l))
		return;
	t->sender_has_retrans = true;
	s->retrans = ti.tcpi_total_retrans;
	s->cwnd = ti.tcpi_snd_cwnd * ti.tcpi_snd_mss;
}

static bool st_send_more(const struct ip3_test *t, const struct ip3_stream *s)
{
	u64 sent = 0;

	for (int i = 0; i < t->nstreams; i++)
		sent += t->st[i].bytes;
	(void)s;
	return !t->nbytes || sent < t->nbytes;
}

/* iperf_check_throttle(): with -b, TCP too sends only while the average
 * since the start is under the target. */
static bool st_tcp_green(const struct ip3_test *t, u64 now)
{
	u64 sent = 0;

	if (!t->rate || now <= t->start_ns)
		return true;
	for (int i = 0; i < t->nstreams; i++)
		sent += t->st[i].bytes;
	return (double)sent * 8 * 1e9 < (double)t->rate * (double)(now - t->start_ns);
}

static void st_send_tcp(struct ip3_test *t, struct ip3_stream *s)
{
	ssize_t n = skbox_send(t->w, s->fd, t->buf, (size_t)t->len, MSG_DONTWAIT);

	if (n > 0) {
		s->bytes += (u64)n;
		s->int_bytes += (u64)n;
	}
}

/* The datagrams whose time has come, at most 10 a turn (3.12's multisend)
 * and looking at the clock again after each: a blocking send may wait for
 * the send buffer, and the interval and end timers must still run. */
static void st_send_udp(struct ip3_test *t, struct ip3_stream *s, u64 now)
{
	for (int i = 0; i < 10 && now >= t->next_send_ns && st_send_more(t, s);
	     i++, now = ip3_now(t)) {
		u32 hdr[3];
		ssize_t n;

		udp_stamp(t, &hdr[0], &hdr[1]);
		hdr[0] = htonl(hdr[0]);
		hdr[1] = htonl(hdr[1]);
		hdr[2] = htonl((u32)(s->packets + 1));
		memcpy(t->buf, hdr, (size_t)t->len < sizeof(hdr) ? (size_t)t->len : sizeof(hdr));
		/* 3.12 leaves UDP sockets blocking ("Set non-blocking for
		 * non-UDP tests"): a full send buffer holds the sender here */
		n = skbox_send(t->w, s->fd, t->buf, (size_t)t->len, 0);
		if (n == -EAGAIN || n == -ENOBUFS)
			return;
		s->packets++;
		s->int_packets++;
		if (n > 0) {
			s->bytes += (u64)n;
			s->int_bytes += (u64)n;
		}
		t->next_send_ns += t->rate ? (u64)t->len * 8 * 1000000000ULL / t->rate : 0;
		if (!t->rate)
			return;
	}
}

static void st_recv_udp(struct ip3_test *t, struct ip3_stream *s, ssize_t n)
{
	u32 hdr[3];
	u64 pcount;
	u32 sec, usec;
	double transit, d;

	if (n < (ssize_t)sizeof(hdr))
		return;
	memcpy(hdr, t->buf, sizeof(hdr));
	pcount = ntohl(hdr[2]);
	if (pcount >= s->packets + 1) {
		if (pcount > s->packets + 1)
			s->cnt_error += pcount - 1 - s->packets;
		s->packets = pcount;
	} else {
		s->outoforder++;
		if (s->cnt_error > 0)
			s->cnt_error--;
	}
	udp_stamp(t, &sec, &usec);
	transit = ((double)sec + usec / 1e6) - ((double)ntohl(hdr[0]) + ntohl(hdr[1]) / 1e6);
	d = transit - s->prev_transit;
	if (d < 0)
		d = -d;
	s->prev_transit = transit;
	s->jitter += (d - s->jitter) / 16.0;
}

static void st_recv(struct ip3_test *t, struct ip3_stream *s)
{
	for (;;) {
		ssize_t n = skbox_recv(t->w, s->fd, t->buf, (size_t)t->len, MSG_DONTWAIT);

		if (n <= 0)
			return;
		s->bytes += (u64)n;
		s->int_bytes += (u64)n;
		if (t->udp)
			st_recv_udp(t, s, n);
	}
}

static u64 st_received(const struct ip3_test *t)
{
	u64 got = 0;

	for (int i = 0; i < t->nstreams; i++)
		got += t->st[i].bytes;
	return got;
}

/* The client's end condition: -t passed, or -n bytes sent / received. */
static bool st_client_done(const struct ip3_test *t, u64 now)
{
	if (t->duration)
		return now >= t->start_ns + (u64)t->duration * 1000000000ULL;
	return t->nbytes && st_received(t) >= t->nbytes;
}

/* The poll timeout: the next interval boundary, the end, the next datagram. */
static int st_timeout(const struct ip3_test *t, u64 now)
{
	u64 next = UINT64_MAX;

	if (t->interval_ns)
		next = t->int_start_ns + t->interval_ns;
	if (!t->server && t->duration && t->start_ns + (u64)t->duration * 1000000000ULL < next)
		next = t->start_ns + (u64)t->duration * 1000000000ULL;
	/* a datagram already due waits for POLLOUT (a full send buffer) */
	if (t->udp && t->nstreams && t->st[0].sender && st_send_more(t, &t->st[0]) &&
	    t->next_send_ns < next && t->next_send_ns > now)
		next = t->next_send_ns;
	if (!t->udp && t->rate && t->nstreams && t->st[0].sender && !st_tcp_green(t, now) &&
	    now + 1000000 < next)
		next = now + 1000000;	/* the pacing timer: look again in 1 ms */
	if (next == UINT64_MAX)
		return -1;
	return next <= now ? 0 : (int)((next - now) / 1000000);
}

/* Less than a millisecond to the next event: poll() cannot wait that
 * precisely, so sleep it off (the sockets are served right after). */
static void st_wait_short(struct ip3_test *t, u64 now)
{
	u64 next = t->interval_ns ? t->int_start_ns + t->interval_ns : UINT64_MAX;

	if (!t->server && t->duration && t->start_ns + (u64)t->duration * 1000000000ULL < next)
		next = t->start_ns + (u64)t->duration * 1000000000ULL;
	if (t->udp && t->nstreams && t->st[0].sender && st_send_more(t, &t->st[0]) &&
	    t->next_send_ns < next && t->next_send_ns > now)
		next = t->next_send_ns;
	if (next > now && next - now < 1000000)
		skbox_nanosleep(t->w, next - now);
}

static int st_finish(struct ip3_test *t, u64 now)
{
	t->end_ns = now;
	for (int i = 0; i < t->nstreams; i++)
		ip3_stream_tcp_info(t, &t->st[i]);
	ip3_interval(t, true);
	return t->server ? 0 : (ip3_send_state(t, IP3_TEST_END) ? 1 : 0);
}

/* The control socket spoke during the test. */
static int st_ctrl(struct ip3_test *t, u64 now)
{
	signed char state;

	if (ip3_read_state(t, &state))
		return t->server ? -1 : (ip3_error(t, "control socket has closed unexpectedly"), -1);
	if (t->server && state == IP3_TEST_END)
		return st_finish(t, now) ? -1 : 1;
	if (t->server)
		return -1;
	ip3_error(t, state == IP3_SERVER_ERROR ? "the server has terminated" :
		  "received an unknown control message");
	return -1;
}

static void st_poll_set(struct ip3_test *t, struct pollfd *p, u64 now)
{
	p[0] = (struct pollfd){ .fd = t->ctrl, .events = POLLIN };
	for (int i = 0; i < t->nstreams; i++) {
		struct ip3_stream *s = &t->st[i];
		short ev = POLLIN;

		if (s->sender)
			ev = st_send_more(t, s) && (t->udp ? now >= t->next_send_ns :
						    st_tcp_green(t, now)) ? POLLOUT : 0;
		p[i + 1] = (struct pollfd){ .fd = s->fd, .events = ev };
	}
}

int ip3_run_streams(struct ip3_test *t)
{
	struct pollfd p[IP3_MAX_STREAMS + 1];

	for (;;) {
		u64 now = ip3_now(t);
		int r;

		while (t->interval_ns && now >= t->int_start_ns + t->interval_ns)
			ip3_interval(t, false);
		if (!t->server && st_client_done(t, now))
			return st_finish(t, now);
		st_poll_set(t, p, now);
		r = st_timeout(t, now);
		if (r == 0)
			st_wait_short(t, now);
		r = skbox_poll(t->w, p, (nfds_t)t->nstreams + 1, r);
		if (r < 0)
			return t->server ? -1 : ip3_error(t, "interrupt - the client has terminated");
		now = ip3_now(t);
		if (p[0].revents) {
			r = st_ctrl(t, now);
			if (r)
				return r > 0 ? 0 : (t->server ? -1 : 1);
		}
		for (int i = 0; i < t->nstreams; i++) {
			struct ip3_stream *s = &t->st[i];

			if (s->sender && t->udp)
				st_send_udp(t, s, now);
			else if (s->sender && (p[i + 1].revents & POLLOUT))
				st_send_tcp(t, s);
			else if (!s->sender && p[i + 1].revents)
				st_recv(t, s);
		}
	}
}
