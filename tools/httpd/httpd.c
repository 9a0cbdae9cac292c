/* `httpd -p [ADDR:]PORT [-d DIR]`: a small HTTP/1.1 server program inside the
 * world, for curl, ClusterIP and NAT scenarios.  Without -d every GET is
 * answered with "skbox httpd in NETNS" (the namespace's name, so that a test
 * sees which backend answered); with -d, files from DIR on the host ("/" is
 * index.html; paths with ".." are refused; POST is answered 501, as
 * python3's http.server, the kernel side's httpd in transcripts).  Without
 * -d, POST bodies are read and counted.  One connection at a time,
 * "Connection: close", 5 s of virtual time per request; runs until
 * interrupted. */
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "linux/sched.h"
#include "net/net_namespace.h"
#include "net/world.h"

struct httpd {
	struct cmd_ctx *ctx;
	const char *dir;
	unsigned long served;
};

static int recv_timeout(struct world *w, int fd, char *buf, size_t len)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (skbox_poll(w, &p, 1, 5000) <= 0)
		return -ETIMEDOUT;
	return (int)skbox_recv(w, fd, buf, len, MSG_DONTWAIT);
}

static void reply(struct world *w, int fd, int status, const char *reason, const char *body,
		  size_t len)
{
	char head[256];
	int n = snprintf(head, sizeof(head), "HTTP/1.1 %d %s\r\nServer: skbox-httpd\r\n"
			 "Content-Type: text/html\r\nContent-Length: %zu\r\n"
			 "Connection: close\r\n\r\n", status, reason, len);

	skbox_send(w, fd, head, (size_t)n, 0);
	while (len) {
		ssize_t k = skbox_send(w, fd, body, len, 0);

		if (k <= 0)
			break;
		body += k;
		len -= (size_t)k;
	}
}

/* A file from -d DIR, or NULL (404). */
static char *read_file(const char *dir, const char *path, size_t *len)
{
	char name[4096];
	FILE *f;
	char *buf;
	long n;

	if (strstr(path, ".."))
		return NULL;
	snprintf(name, sizeof(name), "%s%s%s", dir, path, path[strlen(path) - 1] == '/' ?
		 "index.html" : "");
	f = fopen(name, "rb");
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) ||
	    !(buf = malloc((size_t)n + 1))) {
		fclose(f);
		return NULL;
	}
	*len = fread(buf, 1, (size_t)n, f);
	fclose(f);
	return buf;
}

static void answer(struct httpd *h, int fd, const char *method, const char *path, size_t posted)
{
	struct world *w = h->ctx->world;
	char body[256];
	size_t len;
	char *file;

	if (strcmp(method, "GET") && strcmp(method, "HEAD") && strcmp(method, "POST")) {
		reply(w, fd, 501, "Not Implemented", "", 0);
		return;
	}
	if (!strcmp(method, "POST") && h->dir) {	/* a file server: python's http.server answers 501 */
		reply(w, fd, 501, "Unsupported method ('POST')", "", 0);
		return;
	}
	if (!strcmp(method, "POST")) {
		len = (size_t)snprintf(body, sizeof(body), "received %zu bytes\n", posted);
		reply(w, fd, 200, "OK", body, len);
		return;
	}
	if (!h->dir) {
		len = (size_t)snprintf(body, sizeof(body), "skbox httpd in %s\n",
				       h->ctx->net->name[0] ? h->ctx->net->name : "-");
		reply(w, fd, 200, "OK", body, strcmp(method, "HEAD") ? len : 0);
		return;
	}
	file = read_file(h->dir, path, &len);
	if (!file) {
		reply(w, fd, 404, "Not Found", "Not Found\n", 10);
		return;
	}
	reply(w, fd, 200, "OK", file, strcmp(method, "HEAD") ? len : 0);
	free(file);
}

/* Reads the request head (and a POST body by Content-Length) and answers. */
static void serve(struct httpd *h, int fd)
{
	struct world *w = h->ctx->world;
	char req[8192], method[16] = "", path[2048] = "";
	size_t got = 0, want = 0;
	char *end = NULL, *cl;
	int k;

	while (!end && got < sizeof(req) - 1) {
		k = recv_timeout(w, fd, req + got, sizeof(req) - 1 - got);
		if (k <= 0)
			return;
		got += (size_t)k;
		req[got] = '\0';
		end = strstr(req, "\r\n\r\n");
	}
	if (!end || sscanf(req, "%15s %2047s", method, path) != 2) {
		reply(w, fd, 400, "Bad Request", "", 0);
		return;
	}
	cl = strcasestr(req, "\r\nContent-Length:");
	if (cl && cl < end)
		want = strtoul(cl + 17, NULL, 10);
	got -= (size_t)(end + 4 - req);
	while (got < want && (k = recv_timeout(w, fd, req, sizeof(req))) > 0)
		got += (size_t)k;
	answer(h, fd, method, path, got);
	h->served++;
}

/* -p [IPV6]:PORT: an AF_INET6 listener on that address */
static int parse_listen6(const char *s, struct sockaddr_in6 *a)
{
	const char *end = strchr(s, ']');
	char ip[64], *e;
	long port;

	if (!end || end[1] != ':')
		return -1;
	port = strtol(end + 2, &e, 10);
	if (*e || port <= 0 || port > 65535)
		return -1;
	a->sin6_family = AF_INET6;
	a->sin6_port = htons((u16)port);
	snprintf(ip, sizeof(ip), "%.*s", (int)(end - s - 1), s + 1);
	return inet_pton(AF_INET6, ip, &a->sin6_addr) == 1 ? 0 : -1;
}

static int parse_listen(const char *s, struct sockaddr_storage *ss)
{
	struct sockaddr_in *a = (struct sockaddr_in *)ss;
	const char *colon = strrchr(s, ':');
	char *end;
	long port;

	if (s[0] == '[')
		return parse_listen6(s, (struct sockaddr_in6 *)ss);
	port = strtol(colon ? colon + 1 : s, &end, 10);
	a->sin_family = AF_INET;
	if (*end || port <= 0 || port > 65535)
		return -1;
	a->sin_port = htons((u16)port);
	if (colon) {
		char ip[64];

		snprintf(ip, sizeof(ip), "%.*s", (int)(colon - s), s);
		if (inet_pton(AF_INET, ip, &a->sin_addr) != 1)
			return -1;
	}
	return 0;
}

int do_httpd(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct httpd h = { .ctx = ctx };
	struct sockaddr_storage a = { 0 };
	struct world *w = ctx->world;
	const char *listen_on = "80";
	int fd, one = 1;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-p") && i + 1 < argc) {
			listen_on = argv[++i];
		} else if (!strcmp(argv[i], "-d") && i + 1 < argc) {
			h.dir = argv[++i];
		} else if (strcmp(argv[i], "-f")) {
			fprintf(ctx->err, "Usage: httpd [-f] [-p [IP:]PORT] [-d DIR]\n");
			return 1;
		}
	}
	if (parse_listen(listen_on, &a)) {
		fprintf(ctx->err, "httpd: bad port '%s'\n", listen_on);
		return 1;
	}
	fd = skbox_socket(w, a.ss_family, SOCK_STREAM, 0);
	if (fd < 0)
		return 1;
	skbox_setsockopt(w, fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (skbox_bind(w, fd, (struct sockaddr *)&a, a.ss_family == AF_INET6 ?
		       sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in)) ||
	    skbox_listen(w, fd, 128)) {
		fprintf(ctx->err, "httpd: bind: Address already in use\n");
		skbox_close(w, fd);
		return 1;
	}
	while (!skbox_signal_pending(w)) {
		int c = skbox_accept(w, fd, NULL, NULL);

		if (c < 0)
			break;
		serve(&h, c);
		skbox_close(w, c);
	}
	skbox_close(w, fd);
	return 0;
}
