/* curl's command line, the HTTP/1.1 response (status line, headers,
 * Content-Length or chunked body, or to the end), the progress meter on
 * stderr, -w write-out and the error messages, as curl 7.88 prints them. */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "curl.h"

void curl_message(struct cmd_ctx *ctx, const struct curl_opts *o, int code, const char *fmt, ...)
{
	va_list ap;

	if (o->silent && !o->show_error)
		return;
	fprintf(ctx->err, "curl: (%d) ", code);
	va_start(ap, fmt);
	vfprintf(ctx->err, fmt, ap);
	va_end(ap);
	fputc('\n', ctx->err);
}

static u64 elapsed_ms(struct cmd_ctx *ctx, const struct curl_state *st)
{
	struct timespec ts;

	skbox_gettime(ctx->world, &ts);
	return (u64)ts.tv_sec * 1000 + (u64)ts.tv_nsec / 1000000 - st->start_ms;
}

/* ---- the progress meter (lib/progress.c) ---- */
static const char *max5(char buf[24], u64 v)
{
	if (v < 100000)
		snprintf(buf, 24, "%5llu", (unsigned long long)v);
	else if (v < 10000ULL * 1024)
		snprintf(buf, 24, "%4lluk", (unsigned long long)(v / 1024));
	else if (v < 100ULL << 20)
		snprintf(buf, 24, "%2llu.%lluM", (unsigned long long)(v >> 20),
			 (unsigned long long)((v & ((1 << 20) - 1)) * 10 >> 20));
	else
		snprintf(buf, 24, "%4lluM", (unsigned long long)(v >> 20));
	return buf;
}

static const char *time2str(char buf[32], u64 secs)
{
	if (!secs)
		return "--:--:--";
	snprintf(buf, 32, "%2llu:%02llu:%02llu", (unsigned long long)(secs / 3600),
		 (unsigned long long)(secs / 60 % 60), (unsigned long long)(secs % 60));
	return buf;
}

static void meter_line(struct cmd_ctx *ctx, struct curl_state *st)
{
	u64 ms = elapsed_ms(ctx, st), total = st->have_length ? st->content_length : 0;
	u64 speed = ms ? st->downloaded * 1000 / ms : st->downloaded;
	char b[6][24], t[32];
	unsigned int pct = total ? (unsigned int)(st->downloaded * 100 / total) : 0;

	fprintf(ctx->err, "\r%3u %s  %3u %s  %3u %s  %s  %s %s %s %s %s", pct, max5(b[0], total),
		pct, max5(b[1], st->downloaded), 0u, max5(b[2], st->uploaded), max5(b[3], speed),
		max5(b[4], 0), "--:--:--", time2str(t, ms / 1000), "--:--:--", max5(b[5], speed));
	st->last_meter_ms = ms;
}

void curl_progress_start(struct cmd_ctx *ctx, struct curl_state *st)
{
	if (st->opts->silent)
		return;
	fputs("  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n"
	      "                                 Dload  Upload   Total   Spent    Left  Speed\n",
	      ctx->err);
	st->meter_started = true;
	meter_line(ctx, st);
}

void curl_progress_tick(struct cmd_ctx *ctx, struct curl_state *st)
{
	if (st->meter_started && elapsed_ms(ctx, st) >= st->last_meter_ms + 1000)
		meter_line(ctx, st);
}

void curl_progress_end(struct cmd_ctx *ctx, struct curl_state *st)
{
	if (!st->meter_started)
		return;
	meter_line(ctx, st);
	fputc('\n', ctx->err);
	st->meter_started = false;
}

int curl_fail(struct cmd_ctx *ctx, struct curl_state *st, const struct curl_req *q, int code)
{
	const struct curl_opts *o = st->opts;
	u64 ms = elapsed_ms(ctx, st);

	curl_progress_end(ctx, st);
	switch (code) {
	case CURLE_URL_MALFORMAT:
		curl_message(ctx, o, code, "URL using bad/illegal format or missing URL");
		break;
	case CURLE_UNSUPPORTED_PROTOCOL:
		curl_message(ctx, o, code, "Protocol not supported or disabled in libcurl");
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		curl_message(ctx, o, code, "Could not resolve host: %s", q->host);
		break;
	case CURLE_COULDNT_CONNECT:
		curl_message(ctx, o, code, "Failed to connect to %s port %d after %llu ms: "
			     "Couldn't connect to server", inet_ntoa(q->addr), q->port,
			     (unsigned long long)ms);
		break;
	case CURLE_OPERATION_TIMEDOUT:
		if (st->fd < 0)
			curl_message(ctx, o, code, "Connection timed out after %llu milliseconds",
				     (unsigned long long)ms);
		else
			curl_message(ctx, o, code, "Operation timed out after %llu milliseconds "
				     "with %llu bytes received", (unsigned long long)ms,
				     (unsigned long long)st->downloaded);
		break;
	case CURLE_GOT_NOTHING:
		curl_message(ctx, o, code, "Empty reply from server");
		break;
	case CURLE_RECV_ERROR:
		curl_message(ctx, o, code, "Recv failure: Connection reset by peer");
		break;
	case CURLE_WEIRD_SERVER_REPLY:
		curl_message(ctx, o, code, "Unsupported HTTP version in response");
		break;
	default:
		break;
	}
	curl_write_out(ctx, st, q, o, code);
	return code;
}

/* ---- the response ---- */
static void body_out(struct curl_state *st, const struct curl_opts *o, const char *p, size_t n)
{
	st->downloaded += n;
	if (!o->head && !(o->fail && st->status >= 400))	/* -f: an error's body is not shown */
		fwrite(p, 1, n, o->out);
}

static void header_line(struct curl_state *st, const struct curl_opts *o)
{
	char *l = st->line;

	if (o->include || o->head)
		fprintf(o->out, "%s\r\n", l);
	if (!st->status) {
		if (sscanf(l, "HTTP/%*d.%*d %d", &st->status) != 1 &&
		    sscanf(l, "HTTP/%*d %d", &st->status) != 1)
			st->status = -1;
		return;
	}
	if (!*l) {
		st->in_body = true;
		if (o->head || st->status == 204 || st->status == 304 ||
		    (st->have_length && !st->content_length))
			st->done = true;
		return;
	}
	if (!strncasecmp(l, "Content-Length:", 15)) {
		st->have_length = true;
		st->content_length = strtoull(l + 15, NULL, 10);
	} else if (!strncasecmp(l, "Transfer-Encoding:", 18) && strstr(l + 18, "chunked")) {
		st->chunked = true;
	}
}

/* Chunked bodies: "SIZE\r\n" data "\r\n" ... "0\r\n\r\n". */
static size_t chunked_feed(struct curl_state *st, const struct curl_opts *o, const char *p,
			   size_t n)
{
	size_t used = 0;

	while (used < n && !st->done) {
		if (st->chunk_left) {
			size_t k = n - used < st->chunk_left ? n - used : st->chunk_left;

			body_out(st, o, p + used, k);
			st->chunk_left -= k;
			used += k;
			continue;
		}
		if (p[used] != '\n') {
			if (st->line_len < sizeof(st->line) - 1)
				st->line[st->line_len++] = p[used];
			used++;
			continue;
		}
		used++;
		st->line[st->line_len] = '\0';
		st->line_len = 0;
		if (st->line[0] == '\r' || !st->line[0])
			continue;
		st->chunk_left = strtoull(st->line, NULL, 16);
		if (!st->chunk_left)
			st->done = true;
	}
	return used;
}

int curl_http_feed(struct cmd_ctx *ctx, struct curl_state *st, const struct curl_opts *o,
		   const char *buf, size_t len)
{
	(void)ctx;
	while (len && !st->in_body) {
		char c = *buf++;

		len--;
		if (c != '\n') {
			if (st->line_len < sizeof(st->line) - 1)
				st->line[st->line_len++] = c;
			continue;
		}
		if (st->line_len && st->line[st->line_len - 1] == '\r')
			st->line_len--;
		st->line[st->line_len] = '\0';
		st->line_len = 0;
		header_line(st, o);
		if (st->status < 0)
			return -1;
	}
	if (!len || st->done)
		return 0;
	if (st->chunked) {
		chunked_feed(st, o, buf, len);
		return 0;
	}
	if (st->have_length && st->body_got + len > st->content_length)
		len = (size_t)(st->content_length - st->body_got);
	body_out(st, o, buf, len);
	st->body_got += len;
	if (st->have_length && st->body_got >= st->content_length)
		st->done = true;
	return 0;
}

bool curl_http_done(const struct curl_state *st)
{
	return st->done;
}

int curl_http_eof(struct cmd_ctx *ctx, struct curl_state *st, const struct curl_opts *o)
{
	(void)ctx;
	(void)o;
	if (!st->status)
		return CURLE_GOT_NOTHING;
	if (st->in_body && !st->chunked)
		st->done = true;
	return st->done ? 0 : CURLE_RECV_ERROR;
}

/* ---- -w FORMAT ---- */
static void write_var(struct cmd_ctx *ctx, const struct curl_state *st, const struct curl_req *q,
		      const char *name, size_t n, int rc)
{
	FILE *f = ctx->out;

	if (!strncmp(name, "http_code", n) || !strncmp(name, "response_code", n))
		fprintf(f, "%03d", st->status > 0 ? st->status : 0);
	else if (!strncmp(name, "size_download", n))
		fprintf(f, "%llu", (unsigned long long)st->downloaded);
	else if (!strncmp(name, "remote_ip", n))
		fputs(rc == CURLE_COULDNT_CONNECT || st->status ? inet_ntoa(q->addr) : "", f);
	else if (!strncmp(name, "remote_port", n))
		fprintf(f, "%d", q->port);
	else if (!strncmp(name, "exitcode", n))
		fprintf(f, "%d", rc);
	else if (!strncmp(name, "time_total", n))
		fprintf(f, "%.6f", (double)elapsed_ms(ctx, st) / 1000);
}

void curl_write_out(struct cmd_ctx *ctx, const struct curl_state *st, const struct curl_req *q,
		    const struct curl_opts *o, int rc)
{
	for (const char *p = o->write_out; p && *p; p++) {
		const char *end;

		if (p[0] == '%' && p[1] == '{' && (end = strchr(p, '}'))) {
			write_var(ctx, st, q, p + 2, (size_t)(end - p - 2), rc);
			p = end;
		} else if (p[0] == '\\' && p[1]) {
			p++;
			fputc(*p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'r' ? '\r' : *p, ctx->out);
		} else {
			fputc(*p, ctx->out);
		}
	}
}
