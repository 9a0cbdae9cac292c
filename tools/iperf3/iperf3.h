/* iperf3 inside the world: shared by iperf3.c (options, the control
 * protocol's common steps), iperf3_client.c, iperf3_server.c,
 * iperf3_stream.c (the data phase) and iperf3_report.c (text and -J
 * output).  The control protocol is iperf3's (3.12): a 37-byte cookie, one
 * signed state byte per step, JSON parameters and results each preceded by
 * a 4-byte big-endian length, data streams that open with the cookie (TCP)
 * or a 4-byte hello (UDP). */
#ifndef SKBOX_TOOLS_IPERF3_H
#define SKBOX_TOOLS_IPERF3_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include "linux/types.h"

struct cmd_ctx;
struct world;

/* the state bytes (iperf_api.h) */
enum {
	IP3_TEST_START = 1,
	IP3_TEST_RUNNING = 2,
	IP3_TEST_END = 4,
	IP3_PARAM_EXCHANGE = 9,
	IP3_CREATE_STREAMS = 10,
	IP3_SERVER_TERMINATE = 11,
	IP3_CLIENT_TERMINATE = 12,
	IP3_EXCHANGE_RESULTS = 13,
	IP3_DISPLAY_RESULTS = 14,
	IP3_IPERF_START = 15,
	IP3_IPERF_DONE = 16,
	IP3_ACCESS_DENIED = -1,
	IP3_SERVER_ERROR = -2,
};

#define IP3_COOKIE_SIZE 37
#define IP3_MAX_STREAMS 16
#define IP3_UDP_CONNECT_MSG 0x36373839u
#define IP3_UDP_CONNECT_REPLY 0x39383736u
#define IP3_DEFAULT_PORT 5201
#define IP3_DEFAULT_TCP_LEN (128 * 1024)
#define IP3_DEFAULT_UDP_RATE (1024 * 1024)

struct ip3_stream {
	int fd;
	int id;				/* 1, 3, 4, ... as iperf_add_stream numbers them */
	int sock;			/* the number shown in "[  5]" */
	bool sender;
	struct sockaddr_storage local, remote;
	u64 bytes, int_bytes;		/* whole test, current interval */
	u64 packets, int_packets;	/* UDP datagrams sent or highest seq seen */
	u64 cnt_error, int_error, outoforder;
	double jitter, prev_transit;
	u32 retrans, int_retrans_base, cwnd;
	/* what the peer reported in EXCHANGE_RESULTS */
	u64 peer_bytes, peer_packets, peer_errors;
	double peer_jitter, peer_start, peer_end;
	u32 peer_retrans;
};

struct ip3_test {
	struct cmd_ctx *ctx;
	struct world *w;
	FILE *out;			/* text output (the -J document goes to ctx->out at the end) */
	bool server, one_off, udp, reverse, bidir, json, verbose;
	int port;
	int duration;			/* -t seconds (0 with -n) */
	u64 nbytes;			/* -n */
	int len;			/* -l, 0: default */
	u64 rate;			/* -b bits/s, 0: unlimited */
	bool rate_set;
	int parallel;
	u64 interval_ns;		/* -i, 0: none */
	const char *host;
	int family;			/* -6: AF_INET6; a client also from an IPv6 host */
	char cookie[IP3_COOKIE_SIZE];
	int ctrl;
	int nstreams;
	struct ip3_stream st[IP3_MAX_STREAMS];
	u64 start_ns, int_start_ns, end_ns, next_send_ns;
	int test_no;
	bool sender_has_retrans, peer_has_retrans;
	char *buf;			/* one block */
	/* -J: the intervals array is built as the test runs */
	char *jint;
	size_t jint_len;
	FILE *jint_f;
	int nintervals;
	int mss;
	bool client_only_opt;		/* -t -n -l -b -P -u -R -J... seen (a server refuses them) */
	bool connected;
};

/* iperf3.c */
extern const char ip3_usage_text[];
u64 ip3_now(const struct ip3_test *t);
int ip3_send_state(struct ip3_test *t, signed char state);
int ip3_read_state(struct ip3_test *t, signed char *state);
int ip3_send_json(struct ip3_test *t, const char *js);
char *ip3_recv_json(struct ip3_test *t);
int ip3_error(struct ip3_test *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int ip3_recv_all(struct ip3_test *t, int fd, void *buf, size_t len);
int ip3_send_all(struct ip3_test *t, int fd, const void *buf, size_t len);
char *ip3_results_json(struct ip3_test *t);
int ip3_parse_results(struct ip3_test *t, const char *js);
bool ip3_json_num(const char *js, const char *key, double *v);
void ip3_stream_names(struct ip3_test *t, struct ip3_stream *s);

/* iperf3_client.c, iperf3_server.c */
int ip3_client(struct ip3_test *t);
int ip3_server(struct ip3_test *t);

/* iperf3_stream.c: the data phase; returns 0 when the test ended as it
 * should (client: end condition met and TEST_END sent; server: TEST_END
 * read), or an exit status. */
int ip3_run_streams(struct ip3_test *t);
void ip3_stream_tcp_info(struct ip3_test *t, struct ip3_stream *s);

/* iperf3_report.c */
const char *ip3_unit(char *buf, size_t n, double v, bool bytes);
void ip3_print_connected(struct ip3_test *t, const struct ip3_stream *s);
void ip3_print_header(struct ip3_test *t);
void ip3_interval(struct ip3_test *t, bool last);
void ip3_summary(struct ip3_test *t);
void ip3_json_finish(struct ip3_test *t, const char *error);

/* the address of ss as text in a (INET6_ADDRSTRLEN), and its port */
int ip3_ntop(const struct sockaddr_storage *ss, char *a);

#endif
