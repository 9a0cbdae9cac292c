/* `iperf3` (Debian's iperf3 3.12) inside the world: options, and the
 * control protocol's common pieces (state bytes, length-prefixed JSON,
 * results exchange).  The client and the server speak iperf3's own protocol
 * on port 5201, so a real iperf3 across a host TAP talks to them (check
 * tap-iperf3).  docs/IPERF.md describes what is supported. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "net/world.h"
#include "iperf3.h"

u64 ip3_now(const struct ip3_test *t)
{
	struct timespec ts;

	skbox_gettime(t->w, &ts);
	return (u64)ts.tv_sec * 1000000000ULL + (u64)ts.tv_nsec;
}

/* "iperf3: error - ..." on stderr (or in the -J document), exit status 1 */
int ip3_error(struct ip3_test *t, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (t->json && !t->server) {
		ip3_json_finish(t, msg);
		return t->connected ? 1 : 0;	/* 3.12 exits 0 when -J could not connect */
	}
	fflush(t->ctx->out);
	fprintf(t->ctx->err, "iperf3: error - %s\n", msg);
	return 1;
}

int ip3_send_all(struct ip3_test *t, int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = skbox_send(t->w, fd, p, len, 0);

		if (n <= 0)
			return n < 0 ? (int)n : -EPIPE;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int ip3_recv_all(struct ip3_test *t, int fd, void *buf, size_t len)
{
	char *p = buf;

	while (len) {
		ssize_t n = skbox_recv(t->w, fd, p, len, 0);

		if (n <= 0)
			return n < 0 ? (int)n : -ECONNRESET;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int ip3_send_state(struct ip3_test *t, signed char state)
{
	return ip3_send_all(t, t->ctrl, &state, 1);
}

int ip3_read_state(struct ip3_test *t, signed char *state)
{
	return ip3_recv_all(t, t->ctrl, state, 1);
}

int ip3_send_json(struct ip3_test *t, const char *js)
{
	u32 n = htonl((u32)strlen(js));

	if (ip3_send_all(t, t->ctrl, &n, 4))
		return -1;
	return ip3_send_all(t, t->ctrl, js, strlen(js));
}

char *ip3_recv_json(struct ip3_test *t)
{
	u32 n;
	char *js;

	if (ip3_recv_all(t, t->ctrl, &n, 4))
		return NULL;
	n = ntohl(n);
	if (n > 1 << 20)
		return NULL;
	js = malloc(n + 1);
	if (!js || ip3_recv_all(t, t->ctrl, js, n)) {
		free(js);
		return NULL;
	}
	js[n] = 0;
	return js;
}

/* A number (or true/false) after "key": in a flat reading of the text. */
bool ip3_json_num(const char *js, const char *key, double *v)
{
	char pat[64];
	const char *p;

	snprintf(pat, sizeof(pat), "\"%s\"", key);
	p = strstr(js, pat);
	if (!p)
		return false;
	p += strlen(pat);
	while (*p == ' ' || *p == '\t' || *p == ':' || *p == '\n')
		p++;
	if (!strncmp(p, "true", 4))
		*v = 1;
	else if (!strncmp(p, "false", 5))
		*v = 0;
	else
		*v = strtod(p, NULL);
	return true;
}

/* What this side measured, as send_results() writes it. */
char *ip3_results_json(struct ip3_test *t)
{
	char *js = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&js, &len);
	double start = 0, end = (double)(t->end_ns - t->start_ns) / 1e9;

	if (!f)
		return NULL;
	fprintf(f, "{\"cpu_util_total\":0,\"cpu_util_user\":0,\"cpu_util_system\":0,"
		"\"sender_has_retransmits\":%d,\"congestion_used\":\"cubic\",\"streams\":[",
		t->sender_has_retrans ? 1 : 0);
	for (int i = 0; i < t->nstreams; i++) {
		const struct ip3_stream *s = &t->st[i];

		fprintf(f, "%s{\"id\":%d,\"bytes\":%llu,\"retransmits\":%d,\"jitter\":%.17g,"
			"\"errors\":%llu,\"omitted_errors\":0,\"packets\":%llu,"
			"\"omitted_packets\":0,\"start_time\":%g,\"end_time\":%.6f}",
			i ? "," : "", s->id, (unsigned long long)s->bytes,
			s->sender && !t->udp ? (int)s->retrans : -1, s->jitter,
			(unsigned long long)s->cnt_error, (unsigned long long)s->packets, start, end);
	}
	fprintf(f, "]}");
	fclose(f);
	return js;
}

/* get_results(): the peer's figures, stream by stream (matched by id). */
int ip3_parse_results(struct ip3_test *t, const char *js)
{
	const char *p = strstr(js, "\"streams\"");
	double v;

	if (!p || !ip3_json_num(js, "sender_has_retransmits", &v))
		return -1;
	t->peer_has_retrans = v > 0;
	while ((p = strstr(p, "\"id\""))) {
		struct ip3_stream *s = NULL;

		ip3_json_num(p, "id", &v);
		for (int i = 0; i < t->nstreams; i++)
			if (t->st[i].id == (int)v)
				s = &t->st[i];
		if (!s)
			return -1;
		ip3_json_num(p, "bytes", &v);
		s->peer_bytes = (u64)v;
		ip3_json_num(p, "retransmits", &v);
		s->peer_retrans = v < 0 ? 0 : (u32)v;
		ip3_json_num(p, "jitter", &s->peer_jitter);
		ip3_json_num(p, "errors", &v);
		s->peer_errors = (u64)v;
		ip3_json_num(p, "packets", &v);
		s->peer_packets = (u64)v;
		if (ip3_json_num(p, "start_time", &v))
			s->peer_start = v;
		if (ip3_json_num(p, "end_time", &v))
			s->peer_end = v;
		p++;
	}
	return 0;
}

void ip3_stream_names(struct ip3_test *t, struct ip3_stream *s)
{
	socklen_t l = sizeof(s->local);

	skbox_getsockname(t->w, s->fd, (struct sockaddr *)&s->local, &l);
	l = sizeof(s->remote);
	skbox_getpeername(t->w, s->fd, (struct sockaddr *)&s->remote, &l);
}

/* unit_atoi(): "2M" is 2 MiB (sizes); unit_atof_rate(): "10M" is 10^7 (rates) */
static int ip3_atof_unit(const char *s, double base, double *v)
{
	char *end;
	double x = strtod(s, &end);

	if (end == s)
		x = 0;
	switch (*end) {
	case 'k': case 'K': x *= base; end++; break;
	case 'm': case 'M': x *= base * base; end++; break;
	case 'g': case 'G': x *= base * base * base; end++; break;
	case 't': case 'T': x *= base * base * base * base; end++; break;
	default: break;
	}
	*v = x;
	return 0;
}

static int ip3_usage(struct ip3_test *t, const char *what)
{
	fprintf(t->ctx->err, "iperf3: parameter error - %s\n\n%s", what, ip3_usage_text);
	return 1;
}

/* A byte count or rate: beyond u64 is the most it holds (iperf3 converts
 * without a check; here a NaN or a negative is 0). */
static u64 ip3_u64(double v)
{
	if (!(v > 0))
		return 0;
	return v >= 18446744073709551616.0 ? UINT64_MAX : (u64)v;
}

/* One option with its argument (NULL for flags); -1 on a bad value, -2 a bad
 * port, -3 a bad report interval. */
static int ip3_opt(struct ip3_test *t, const char *o, const char *arg)
{
	double v;

	if (!strcmp(o, "-p") || !strcmp(o, "--port")) {
		t->port = atoi(arg);
		if (t->port < 1 || t->port > 65535)
			return -2;
		return 0;
	}
	if (strcmp(o, "-c") && strcmp(o, "--client") && strcmp(o, "-i") && strcmp(o, "--interval"))
		t->client_only_opt = true;
	if (!strcmp(o, "-t") || !strcmp(o, "--time"))
		t->duration = atoi(arg);
	else if (!strcmp(o, "-n") || !strcmp(o, "--bytes")) {
		if (ip3_atof_unit(arg, 1024, &v))
			return -1;
		t->nbytes = ip3_u64(v);
	} else if (!strcmp(o, "-l") || !strcmp(o, "--length")) {
		ip3_atof_unit(arg, 1024, &v);
		if (!(v >= 1 && v <= 1 << 20))
			return -1;
		t->len = (int)v;
	} else if (!strcmp(o, "-b") || !strcmp(o, "--bitrate")) {
		if (ip3_atof_unit(arg, 1000, &v))
			return -1;
		t->rate = ip3_u64(v);
		t->rate_set = true;
	} else if (!strcmp(o, "-P") || !strcmp(o, "--parallel")) {
		t->parallel = atoi(arg);
		if (t->parallel < 1 || t->parallel > IP3_MAX_STREAMS)
			return -1;
	} else if (!strcmp(o, "-i") || !strcmp(o, "--interval")) {
		v = atof(arg);	/* iperf3: 0, or MIN_INTERVAL..MAX_INTERVAL */
		if (v != 0 && !(v >= 0.1 && v <= 60))
			return -3;
		t->interval_ns = (u64)(v * 1e9);
	} else if (!strcmp(o, "-c") || !strcmp(o, "--client")) {
		t->host = arg;
	}
	return 0;
}

int ip3_ntop(const struct sockaddr_storage *ss, char *a)
{
	if (ss->ss_family == AF_INET6) {
		const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)ss;

		inet_ntop(AF_INET6, &sin6->sin6_addr, a, INET6_ADDRSTRLEN);
		return ntohs(sin6->sin6_port);
	}
	inet_ntop(AF_INET, &((const struct sockaddr_in *)ss)->sin_addr, a, INET6_ADDRSTRLEN);
	return ntohs(((const struct sockaddr_in *)ss)->sin_port);
}

static bool ip3_flag(struct ip3_test *t, const char *o)
{
	static const char *const ignored[] = { "-D", "--daemon", "-V", "--verbose", "-4",
		"--forceflush", "-Z", "--zerocopy", NULL };

	if (!strcmp(o, "-s") || !strcmp(o, "--server"))
		t->server = true;
	else if (!strcmp(o, "-1") || !strcmp(o, "--one-off"))
		t->one_off = true;
	else if (!strcmp(o, "-u") || !strcmp(o, "--udp"))
		t->udp = t->client_only_opt = true;
	else if (!strcmp(o, "-R") || !strcmp(o, "--reverse"))
		t->reverse = t->client_only_opt = true;
	else if (!strcmp(o, "--bidir"))
		t->bidir = t->client_only_opt = true;
	else if (!strcmp(o, "-J") || !strcmp(o, "--json"))
		t->json = true;
	else if (!strcmp(o, "-6") || !strcmp(o, "--version6"))
		t->family = AF_INET6;
	else {
		for (int i = 0; ignored[i]; i++)
			if (!strcmp(o, ignored[i]))
				return true;
		return false;
	}
	return true;
}

static int ip3_parse(struct ip3_test *t, int argc, char **argv)
{
	static const char *const with_arg = " -p --port -t --time -n --bytes -l --length -b "
		"--bitrate -P --parallel -i --interval -c --client ";

	for (int i = 1; i < argc; i++) {
		char key[32];

		snprintf(key, sizeof(key), " %s ", argv[i]);
		if (argv[i][0] == '-' && strstr(with_arg, key)) {
			if (i + 1 >= argc)
				return ip3_usage(t, "option requires an argument");
			int e = ip3_opt(t, argv[i], argv[i + 1]);

			if (e == -2)
				return ip3_usage(t, "port number must be between 1 and 65535 inclusive");
			if (e == -3)
				return ip3_usage(t, "invalid report interval (min = 0.1, max = 60 seconds)");
			if (e)
				return ip3_usage(t, "invalid value");

			i++;
		} else if (!ip3_flag(t, argv[i])) {
			fprintf(t->ctx->err, "iperf3: unrecognized option '%s'\n%s", argv[i],
				ip3_usage_text);
			return 1;
		}
	}
	if (t->server == (t->host != NULL))
		return ip3_usage(t, "must either be a client (-c) or server (-s)");
	if (t->server && t->client_only_opt)
		return ip3_usage(t, "some option you are trying to set is client only");
	if (t->bidir && t->reverse)
		return ip3_usage(t, "cannot be both reverse and bidirectional");
	return 0;
}

int do_iperf3(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct ip3_test t = {
		.ctx = ctx, .w = ctx->world, .out = ctx->out, .port = IP3_DEFAULT_PORT,
		.duration = 10, .parallel = 1, .interval_ns = 1000000000ULL, .ctrl = -1,
	};
	int rc = ip3_parse(&t, argc, argv);

	if (rc)
		return rc;
	if (t.bidir) {
		fprintf(ctx->err, "iperf3: parameter error - --bidir is not supported by skbox's iperf3\n");
		return 1;
	}
	if (t.nbytes)
		t.duration = 0;
	if (t.json) {
		t.jint_f = open_memstream(&t.jint, &t.jint_len);
		if (!t.jint_f)
			return 1;
	}
	rc = t.server ? ip3_server(&t) : ip3_client(&t);
	if (t.jint_f)
		fclose(t.jint_f);
	free(t.jint);
	free(t.buf);
	return rc;
}
