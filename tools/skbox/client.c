/* The clients of a live world: the multi-call shim (ip, ping, nc, … as
 * symlinks to skbox), `skbox exec` and `skbox down`.  A client sends argv,
 * the namespace ($SKBOX_NETNS, set by `ip netns exec`), the cwd and, for
 * the commands that read it, stdin; it writes what the world sends to its
 * own stdout and stderr and exits with the command's status.  SIGINT,
 * SIGTERM and SIGHUP are passed on to the command. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <sys/un.h>
#include "live.h"

static int sig_pipe[2] = { -1, -1 };

int live_connect(const char *dir, bool quiet)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd;

	if (live_sock_path(dir, sa.sun_path, sizeof(sa.sun_path))) {
		if (!quiet)
			fprintf(stderr, "skbox: %s: directory name too long\n", dir);
		return -1;
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	if (connect(fd, (struct sockaddr *)&sa, sizeof(sa))) {
		if (!quiet)
			fprintf(stderr, "skbox: no world at %s: %s\n", sa.sun_path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static int write_all(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t n = send(fd, p, len, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

int live_send(int fd, uint32_t type, const void *buf, size_t len)
{
	struct live_hdr h = { type, (uint32_t)len };

	if (write_all(fd, &h, sizeof(h)))
		return -1;
	return len ? write_all(fd, buf, len) : 0;
}

static void on_signal(int sig)
{
	unsigned char s = (unsigned char)sig;
	int saved = errno;

	if (write(sig_pipe[1], &s, 1) < 0)
		(void)0;
	errno = saved;
}

static void forward_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal };

	if (pipe2(sig_pipe, O_CLOEXEC))
		return;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static int write_fd(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t n = write(fd, p, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Read frames until the status; returns it, or -1 if the world went away. */
static int relay(int fd, bool with_stdin)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	bool in_open = with_stdin;
	int status = -1;

	for (;;) {
		struct pollfd p[3] = {
			{ .fd = fd, .events = POLLIN },
			{ .fd = sig_pipe[0], .events = POLLIN },
			{ .fd = in_open ? 0 : -1, .events = POLLIN },
		};
		ssize_t n;

		if (poll(p, 3, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (p[1].revents & POLLIN) {
			unsigned char s;

			if (read(sig_pipe[0], &s, 1) == 1) {
				uint32_t sig = s;

				live_send(fd, LIVE_SIGNAL, &sig, sizeof(sig));
			}
		}
		if (p[2].revents & (POLLIN | POLLHUP | POLLERR)) {
			char in[65536];

			n = read(0, in, sizeof(in));
			if (n > 0) {
				live_send(fd, LIVE_STDIN, in, (size_t)n);
			} else if (n == 0 || errno != EINTR) {
				live_send(fd, LIVE_STDIN_EOF, NULL, 0);
				in_open = false;
			}
		}
		if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR)))
			continue;
		if (len + 65536 > cap) {
			cap = cap ? cap * 2 : 131072;
			buf = realloc(buf, cap);
			if (!buf)
				break;
		}
		n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
		while (len >= sizeof(struct live_hdr)) {
			struct live_hdr h;
			size_t whole;

			memcpy(&h, buf, sizeof(h));
			whole = sizeof(h) + h.len;
			if (h.len > LIVE_FRAME_MAX || len < whole)
				break;
			if (h.type == LIVE_STDOUT)
				write_fd(1, buf + sizeof(h), h.len);
			else if (h.type == LIVE_STDERR)
				write_fd(2, buf + sizeof(h), h.len);
			else if (h.type == LIVE_STATUS && h.len == 4)
				memcpy(&status, buf + sizeof(h), 4);
			memmove(buf, buf + whole, len - whole);
			len -= whole;
			if (status >= 0) {
				free(buf);
				return status;
			}
		}
	}
	free(buf);
	return -1;
}

int live_exec(const char *dir, const char *netns, int argc, char **argv, bool with_stdin)
{
	char cwd[4096];
	char *payload;
	size_t len = 4, off;
	uint32_t flags = with_stdin ? LIVE_F_STDIN : 0;
	int fd, status;

	if (!getcwd(cwd, sizeof(cwd)))
		strcpy(cwd, "/");
	if (!netns)
		netns = "";
	len += strlen(netns) + 1 + strlen(cwd) + 1;
	for (int i = 0; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if (len > LIVE_FRAME_MAX) {
		fprintf(stderr, "%s: Argument list too long\n", argv[0]);
		return 126;
	}
	fd = live_connect(dir, false);
	if (fd < 0)
		return 127;
	payload = malloc(len);
	if (!payload) {
		close(fd);
		return 126;
	}
	memcpy(payload, &flags, 4);
	off = 4;
	off += (size_t)sprintf(payload + off, "%s", netns) + 1;
	off += (size_t)sprintf(payload + off, "%s", cwd) + 1;
	for (int i = 0; i < argc; i++)
		off += (size_t)sprintf(payload + off, "%s", argv[i]) + 1;
	forward_signals();
	if (live_send(fd, LIVE_EXEC, payload, len)) {
		free(payload);
		close(fd);
		fprintf(stderr, "skbox: the world at %s went away\n", dir);
		return 127;
	}
	free(payload);
	status = relay(fd, with_stdin);
	close(fd);
	if (status < 0) {
		fprintf(stderr, "skbox: the world at %s went away\n", dir);
		return 127;
	}
	return status & 0xff;
}

/* One request whose only answer is frames and a status. */
static int live_request(const char *dir, uint32_t type, const char *data, size_t len)
{
	int fd = live_connect(dir, false), status;

	if (fd < 0)
		return -1;
	if (live_send(fd, type, data, len)) {
		close(fd);
		return -1;
	}
	status = relay(fd, false);
	close(fd);
	return status;
}

int live_netns_exists(const char *dir, const char *name)
{
	return live_request(dir, LIVE_NETNS, name, strlen(name)) == 0;
}

int live_down(const char *dir)
{
	int status = live_request(dir, LIVE_DOWN, NULL, 0);

	return status < 0 ? 1 : status;
}

/* Which commands read stdin: nc; iptables-restore without a file;
 * ip/tc/bridge -batch -.  The rest leave it to the caller (a `while read`
 * loop around `ip` must keep its input). */
static bool reads_stdin(int argc, char **argv)
{
	const char *n = argv[0];

	if (isatty(0))
		return false;
	if (!strcmp(n, "nc") || !strcmp(n, "nc.openbsd") || !strcmp(n, "netcat"))
		return true;
	if (strstr(n, "-restore")) {
		for (int i = 1; i < argc; i++)
			if (argv[i][0] != '-')
				return false;
		return true;
	}
	for (int i = 1; i + 1 < argc; i++)
		if ((!strcmp(argv[i], "-batch") || !strcmp(argv[i], "-b")) &&
		    !strcmp(argv[i + 1], "-"))
			return true;
	return false;
}

/* `ip netns …` words, as iproute2 matches them (a prefix of the word). */
static bool matches(const char *arg, const char *word, size_t min)
{
	size_t n = strlen(arg);

	return n >= min && n <= strlen(word) && !strncmp(arg, word, n);
}

/* `ip netns exec NS CMD…`: any program runs, with the namespace passed on
 * in $SKBOX_NETNS to the shims it starts.  `ip netns identify` names it. */
static int shim_ip_netns(const char *dir, int argc, char **argv, int *status)
{
	if (argc < 3 || !matches(argv[1], "netns", 4))
		return 0;
	if (matches(argv[2], "identify", 1) && argc == 3) {
		const char *ns = getenv("SKBOX_NETNS");

		if (ns && *ns)
			printf("%s\n", ns);
		*status = 0;
		return 1;
	}
	if (!matches(argv[2], "exec", 1))
		return 0;
	if (argc < 4) {
		fprintf(stderr, "No netns name specified\n");
		*status = 255;
		return 1;
	}
	if (argc < 5) {
		fprintf(stderr, "No command specified\n");
		*status = 255;
		return 1;
	}
	if (!live_netns_exists(dir, argv[3])) {
		fprintf(stderr, "Cannot open network namespace \"%s\": No such file or directory\n",
			argv[3]);
		*status = 255;
		return 1;
	}
	setenv("SKBOX_NETNS", argv[3], 1);
	fflush(stdout);
	execvp(argv[4], argv + 4);
	fprintf(stderr, "exec of \"%s\" failed: %s\n", argv[4], strerror(errno));
	*status = 255;
	return 1;
}

int live_shim_main(int argc, char **argv)
{
	const char *dir = getenv("SKBOX_DIR");
	char *base = strrchr(argv[0], '/');
	int status;

	argv[0] = base ? base + 1 : argv[0];
	if (!dir || !*dir) {
		fprintf(stderr, "%s: skbox shim: SKBOX_DIR is not set (eval \"$(skbox env)\")\n",
			argv[0]);
		return 127;
	}
	if (!strcmp(argv[0], "ip") && shim_ip_netns(dir, argc, argv, &status))
		return status;
	return live_exec(dir, getenv("SKBOX_NETNS"), argc, argv, reads_stdin(argc, argv));
}
