/* `curl` inside the world (curl 7.88 as Debian 12 ships it): HTTP/1.1 GET,
 * HEAD and POST over the world's TCP sockets.  Options: -s -S -o FILE
 * -w FORMAT -m SECS --connect-timeout SECS -X METHOD -d DATA -H HEADER -i
 * -I -f.  Messages and exit codes as curl's: (3) bad URL, (6) host name,
 * (7) could not connect, (22) HTTP error with -f, (28) timeout, (56)
 * receive failure.  Without -s, the progress meter goes to stderr, as curl
 * prints it when its output is not a terminal. */
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "curl.h"

static u64 now_ms(struct cmd_ctx *ctx)
{
	struct timespec ts;

	skbox_gettime(ctx->world, &ts);
	return (u64)ts.tv_sec * 1000 + (u64)ts.tv_nsec / 1000000;
}

/* "http://host[:port][/path]", "host[:port][/path]"; host as inet_aton
 * reads it (so "8888" is 0.0.34.184, as curl resolves it). */
static int curl_parse_host6(struct curl_req *q, char *host, const char *slash);

static int parse_url(struct curl_req *q, const char *url)
{
	const char *p = url, *slash, *colon;
	char host[256];
	size_t n;

	q->port = 80;
	if (strstr(p, "://")) {
		if (strncmp(p, "http://", 7)) {
			if (!strncmp(p, "ftp://", 6))
				q->port = 21;
			else
				return CURLE_UNSUPPORTED_PROTOCOL;
		}
		p = strstr(p, "://") + 3;
	}
	slash = strchr(p, '/');
	n = slash ? (size_t)(slash - p) : strlen(p);
	if (!n || n >= sizeof(host))
		return CURLE_URL_MALFORMAT;
	memcpy(host, p, n);
	host[n] = '\0';
	colon = strchr(host, ':');
	if (host[0] == '[')
		return curl_parse_host6(q, host, slash);
	if (colon) {
		char *end;
		long port = strtol(colon + 1, &end, 10);

		if (*end || port < 0 || port > 65535 || end == colon + 1)
			return CURLE_URL_MALFORMAT;
		q->port = (int)port;
		host[colon - host] = '\0';
	}
	snprintf(q->host, sizeof(q->host), "%s", host);
	snprintf(q->path, sizeof(q->path), "%s", slash ? slash : "/");
	q->family = AF_INET;
	if (!inet_aton(host, &q->addr))
		return CURLE_COULDNT_RESOLVE_HOST;
	return 0;
}

/* [ADDR] or [ADDR]:PORT (RFC 3986 3.2.2): an IPv6 literal */
static int curl_parse_host6(struct curl_req *q, char *host, const char *slash)
{
	char *end = strchr(host, ']');

	if (!end || (end[1] && end[1] != ':'))
		return CURLE_URL_MALFORMAT;
	if (end[1] == ':') {
		char *e;
		long port = strtol(end + 2, &e, 10);

		if (*e || port < 0 || port > 65535 || e == end + 2)
			return CURLE_URL_MALFORMAT;
		q->port = (int)port;
	}
	*end = '\0';
	snprintf(q->host, sizeof(q->host), "%s", host + 1);
	snprintf(q->path, sizeof(q->path), "%s", slash ? slash : "/");
	q->family = AF_INET6;
	if (inet_pton(AF_INET6, host + 1, &q->addr6) != 1)
		return CURLE_URL_MALFORMAT;
	return 0;
}

/* Waits for events on fd until the deadline; 1 ready, 0 timed out, -errno. */
static int wait_fd(struct cmd_ctx *ctx, struct curl_state *st, int fd, short events)
{
	struct pollfd p = { .fd = fd, .events = events };
	u64 now = now_ms(ctx);
	int ms = -1, r;

	if (st->deadline_ms) {
		if (now >= st->deadline_ms)
			return 0;
		ms = (int)(st->deadline_ms - now);
	}
	r = skbox_poll(ctx->world, &p, 1, ms);
	curl_progress_tick(ctx, st);
	if (r < 0)
		return r;
	if (skbox_signal_pending(ctx->world))
		return -EINTR;
	return r > 0 ? 1 : 0;
}

/* 0, or the curl error code (the caller reports it) */
static int curl_connect(struct cmd_ctx *ctx, struct curl_state *st, const struct curl_req *q)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((u16)q->port),
				 .sin_addr = q->addr };
	struct sockaddr_in6 a6 = { .sin6_family = AF_INET6, .sin6_port = htons((u16)q->port),
				   .sin6_addr = q->addr6 };
	bool v6 = q->family == AF_INET6;
	int fd = skbox_socket(ctx->world, q->family, SOCK_STREAM | SOCK_NONBLOCK, 0);
	int err = 0, r;
	socklen_t len = sizeof(err);

	if (fd < 0)
		return CURLE_COULDNT_CONNECT;
	r = skbox_connect(ctx->world, fd, v6 ? (struct sockaddr *)&a6 : (struct sockaddr *)&a,
			  v6 ? sizeof(a6) : sizeof(a));
	if (r == -EINPROGRESS) {
		r = wait_fd(ctx, st, fd, POLLOUT);
		if (r == 0) {
			skbox_close(ctx->world, fd);
			return CURLE_OPERATION_TIMEDOUT;
		}
		skbox_getsockopt(ctx->world, fd, SOL_SOCKET, SO_ERROR, &err, &len);
		r = r < 0 ? r : -err;
	}
	if (r < 0) {
		skbox_close(ctx->world, fd);
		return r == -EINTR ? CURLE_ABORTED_BY_CALLBACK : CURLE_COULDNT_CONNECT;
	}
	st->fd = fd;
	return 0;
}

static int send_all(struct cmd_ctx *ctx, struct curl_state *st, const char *buf, size_t len)
{
	while (len) {
		ssize_t k = skbox_send(ctx->world, st->fd, buf, len, MSG_DONTWAIT);

		if (k == -EAGAIN) {
			int r = wait_fd(ctx, st, st->fd, POLLOUT);

			if (r <= 0)
				return r ? CURLE_SEND_ERROR : CURLE_OPERATION_TIMEDOUT;
			continue;
		}
		if (k <= 0)
			return CURLE_SEND_ERROR;
		buf += k;
		len -= (size_t)k;
		st->uploaded += (u64)k;
	}
	return 0;
}

static int send_request(struct cmd_ctx *ctx, struct curl_state *st, const struct curl_req *q,
			const struct curl_opts *o)
{
	char head[4096];
	int n;
	const char *method = o->method ? o->method : o->head ? "HEAD" : o->data ? "POST" : "GET";

	n = snprintf(head, sizeof(head), "%s %s HTTP/1.1\r\nHost: %s%s%s%s%.0d\r\n"
		     "User-Agent: curl/7.88.1\r\nAccept: */*\r\n", method, q->path,
		     q->family == AF_INET6 ? "[" : "", q->host, q->family == AF_INET6 ? "]" : "",
		     q->port != 80 ? ":" : "", q->port != 80 ? q->port : 0);
	for (int i = 0; i < o->nheaders && n < (int)sizeof(head) - 256; i++)
		n += snprintf(head + n, sizeof(head) - (size_t)n, "%s\r\n", o->headers[i]);
	if (o->data)
		n += snprintf(head + n, sizeof(head) - (size_t)n,
			      "Content-Length: %zu\r\n"
			      "Content-Type: application/x-www-form-urlencoded\r\n",
			      strlen(o->data));
	n += snprintf(head + n, sizeof(head) - (size_t)n, "\r\n");
	if (n >= (int)sizeof(head))
		return CURLE_SEND_ERROR;
	n = send_all(ctx, st, head, (size_t)n);
	if (!n && o->data)
		n = send_all(ctx, st, o->data, strlen(o->data));
	return n;
}

/* Reads what the server sends until it closes (or the body is complete). */
static int read_response(struct cmd_ctx *ctx, struct curl_state *st, const struct curl_opts *o)
{
	char buf[16384];

	for (;;) {
		ssize_t k = skbox_recv(ctx->world, st->fd, buf, sizeof(buf), MSG_DONTWAIT);

		if (k == -EAGAIN) {
			int r = wait_fd(ctx, st, st->fd, POLLIN);

			if (r == 0)
				return CURLE_OPERATION_TIMEDOUT;
			if (r < 0)
				return r == -EINTR ? CURLE_ABORTED_BY_CALLBACK : CURLE_RECV_ERROR;
			continue;
		}
		if (k < 0)
			return CURLE_RECV_ERROR;
		if (k == 0)
			return curl_http_eof(ctx, st, o);
		if (curl_http_feed(ctx, st, o, buf, (size_t)k))
			return curl_http_done(st) ? 0 : CURLE_WEIRD_SERVER_REPLY;
		if (curl_http_done(st))
			return 0;
	}
}

/* One URL: connect, ask, read; the curl error code (0 when all went well). */
int curl_one(struct cmd_ctx *ctx, const struct curl_opts *o, const char *url)
{
	struct curl_req q = { 0 };
	struct curl_state st = { .fd = -1, .opts = o };
	int rc = parse_url(&q, url);

	st.start_ms = now_ms(ctx);
	if (o->max_time_ms)
		st.deadline_ms = st.start_ms + o->max_time_ms;
	curl_progress_start(ctx, &st);
	if (rc)
		return curl_fail(ctx, &st, &q, rc);
	rc = curl_connect(ctx, &st, &q);
	if (!rc)
		rc = send_request(ctx, &st, &q, o);
	if (!rc)
		rc = read_response(ctx, &st, o);
	if (st.fd >= 0)
		skbox_close(ctx->world, st.fd);
	if (rc)
		return curl_fail(ctx, &st, &q, rc);
	curl_progress_end(ctx, &st);
	if (o->fail && st.status >= 400) {
		curl_message(ctx, o, CURLE_HTTP_RETURNED_ERROR,
			     "The requested URL returned error: %d", st.status);
		rc = CURLE_HTTP_RETURNED_ERROR;
	}
	curl_write_out(ctx, &st, &q, o, rc);
	return rc;
}

/* ---- the command line ---- */
static int usage_error(struct cmd_ctx *ctx, const char *opt, const char *why)
{
	if (opt)
		fprintf(ctx->err, "curl: option %s: %s\n", opt, why);
	fputs("curl: try 'curl --help' or 'curl --manual' for more information\n", ctx->err);
	return CURLE_FAILED_INIT;
}

static const struct { char s; const char *l; bool arg; } curl_optlist[] = {
	{ 's', "--silent", false }, { 'S', "--show-error", false }, { 'i', "--include", false },
	{ 'I', "--head", false }, { 'f', "--fail", false }, { 'o', "--output", true },
	{ 'w', "--write-out", true }, { 'm', "--max-time", true }, { 'X', "--request", true },
	{ 'd', "--data", true }, { 'H', "--header", true }, { 0, "--connect-timeout", true },
	{ '4', "--ipv4", false }, { '6', "--ipv6", false },
};

static int set_opt(struct cmd_ctx *ctx, struct curl_opts *o, char s, const char *l,
		   const char *arg)
{
	switch (s) {
	case 's': o->silent = true; break;
	case '4': o->ip_version = 4; break;
	case '6': o->ip_version = 6; break;
	case 'S': o->show_error = true; break;
	case 'i': o->include = true; break;
	case 'I': o->head = true; break;
	case 'f': o->fail = true; break;
	case 'o': o->output = arg; break;
	case 'w': o->write_out = arg; break;
	case 'X': o->method = arg; break;
	case 'd': o->data = arg; break;
	case 'H':
		if (o->nheaders < CURL_MAX_HEADERS)
			o->headers[o->nheaders++] = arg;
		break;
	default: {		/* -m, --connect-timeout: seconds, fractions allowed */
		char *end;
		double secs = strtod(arg, &end);

		if (*end || !(secs >= 0))	/* a NaN too */
			return usage_error(ctx, l, "expected a proper numerical parameter");
		if (secs > (double)LONG_MAX / 1000)
			return usage_error(ctx, l, "too large number");
		if (!o->max_time_ms || (u64)(secs * 1000) < o->max_time_ms)
			o->max_time_ms = (u64)(secs * 1000);
	}
	}
	return 0;
}

/* Parses options; URLs are left in urls[]; 0 or curl's exit status. */
static int parse_args(struct cmd_ctx *ctx, int argc, char **argv, struct curl_opts *o,
		      char **urls, int *nurls)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		size_t k;

		if (a[0] != '-' || !a[1]) {
			urls[(*nurls)++] = argv[i];
			continue;
		}
		for (const char *c = a[1] == '-' ? "" : a + 1; *c; c++) {
			for (k = 0; k < sizeof(curl_optlist) / sizeof(curl_optlist[0]); k++)
				if (curl_optlist[k].s == *c)
					break;
			if (k == sizeof(curl_optlist) / sizeof(curl_optlist[0])) {
				char bad[3] = { '-', *c, 0 };

				return usage_error(ctx, bad, "is unknown");
			}
			if (curl_optlist[k].arg) {
				const char *arg = c[1] ? c + 1 : i + 1 < argc ? argv[++i] : NULL;
				char opt[3] = { '-', *c, 0 };

				if (!arg)
					return usage_error(ctx, opt, "requires parameter");
				if (set_opt(ctx, o, *c, opt, arg))
					return CURLE_FAILED_INIT;
				break;
			}
			set_opt(ctx, o, *c, NULL, NULL);
		}
		if (a[1] != '-')
			continue;
		for (k = 0; k < sizeof(curl_optlist) / sizeof(curl_optlist[0]); k++)
			if (!strcmp(curl_optlist[k].l, a))
				break;
		if (k == sizeof(curl_optlist) / sizeof(curl_optlist[0]))
			return usage_error(ctx, a, "is unknown");
		if (curl_optlist[k].arg && i + 1 >= argc)
			return usage_error(ctx, a, "requires parameter");
		if (set_opt(ctx, o, curl_optlist[k].s, a, curl_optlist[k].arg ? argv[++i] : NULL))
			return CURLE_FAILED_INIT;
	}
	return *nurls ? 0 : usage_error(ctx, NULL, NULL);
}

int do_curl(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct curl_opts o = { 0 };
	char **urls = calloc((size_t)argc + 1, sizeof(*urls));
	int nurls = 0, rc;

	if (!urls)
		return CURLE_FAILED_INIT;
	rc = parse_args(ctx, argc, argv, &o, urls, &nurls);
	o.out = ctx->out;
	if (!rc && o.output && !(o.out = fopen(o.output, "w"))) {
		curl_message(ctx, &o, CURLE_WRITE_ERROR, "Failed to open the file %s", o.output);
		rc = CURLE_WRITE_ERROR;
	}
	/* every URL is tried; the status is the last failure's */
	for (int i = 0, done = rc; !done && i < nurls; i++) {
		int r = curl_one(ctx, &o, urls[i]);

		if (r)
			rc = r;
	}
	if (o.out && o.out != ctx->out)
		fclose(o.out);
	free(urls);
	return rc;
}
