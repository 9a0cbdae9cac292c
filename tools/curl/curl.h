/* curl inside the world: shared by curl.c (connection, request) and
 * curl_http.c (options, response, progress meter, messages). */
#ifndef SKBOX_TOOLS_CURL_H
#define SKBOX_TOOLS_CURL_H

#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include "linux/types.h"

struct cmd_ctx;

/* curl's exit codes (CURLcode) */
enum {
	CURLE_UNSUPPORTED_PROTOCOL = 1,
	CURLE_FAILED_INIT = 2,
	CURLE_URL_MALFORMAT = 3,
	CURLE_COULDNT_RESOLVE_HOST = 6,
	CURLE_COULDNT_CONNECT = 7,
	CURLE_WEIRD_SERVER_REPLY = 8,
	CURLE_HTTP_RETURNED_ERROR = 22,
	CURLE_WRITE_ERROR = 23,
	CURLE_OPERATION_TIMEDOUT = 28,
	CURLE_ABORTED_BY_CALLBACK = 42,
	CURLE_GOT_NOTHING = 52,
	CURLE_SEND_ERROR = 55,
	CURLE_RECV_ERROR = 56,
};

#define CURL_MAX_HEADERS 16

struct curl_opts {
	bool silent, show_error, include, head, fail;
	const char *output;		/* -o FILE */
	const char *write_out;		/* -w FORMAT */
	const char *method;		/* -X */
	const char *data;		/* -d */
	const char *headers[CURL_MAX_HEADERS];
	int nheaders;
	u64 max_time_ms;		/* -m, --connect-timeout (the smaller) */
	int ip_version;			/* -4, -6: 0 either */
	FILE *out;			/* where the body goes */
};

struct curl_req {
	char host[256];
	char path[2048];
	int port;
	struct in_addr addr;
	int family;			/* AF_INET, or AF_INET6 for http://[ADDR]/ */
	struct in6_addr addr6;
};

struct curl_state {
	const struct curl_opts *opts;
	int fd;
	u64 start_ms, deadline_ms, last_meter_ms;
	bool meter_started;
	/* the response */
	int status;
	bool in_body, chunked, have_length;
	u64 content_length, body_got, chunk_left;
	u64 downloaded, uploaded;
	char line[8192];		/* header line being assembled */
	size_t line_len;
	bool done;
};

int curl_one(struct cmd_ctx *ctx, const struct curl_opts *o, const char *url);

/* curl_http.c */
int curl_fail(struct cmd_ctx *ctx, struct curl_state *st, const struct curl_req *q, int code);
void curl_message(struct cmd_ctx *ctx, const struct curl_opts *o, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void curl_progress_start(struct cmd_ctx *ctx, struct curl_state *st);
void curl_progress_tick(struct cmd_ctx *ctx, struct curl_state *st);
void curl_progress_end(struct cmd_ctx *ctx, struct curl_state *st);
/* Feeds received bytes; non-zero when the reply is malformed. */
int curl_http_feed(struct cmd_ctx *ctx, struct curl_state *st, const struct curl_opts *o,
		   const char *buf, size_t len);
bool curl_http_done(const struct curl_state *st);
int curl_http_eof(struct cmd_ctx *ctx, struct curl_state *st, const struct curl_opts *o);
void curl_write_out(struct cmd_ctx *ctx, const struct curl_state *st, const struct curl_req *q,
		    const struct curl_opts *o, int rc);

#endif
