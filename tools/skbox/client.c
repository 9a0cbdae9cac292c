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
#include "skbox/cmd.h"
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

/* What the shim relays: the connection's input (frames from the world)
 * and stdin's bytes on their way to the world. */
struct relay {
	int fd;
	bool in_open;			/* stdin not at EOF yet */
	bool in_eof_sent;
	char *out;			/* frames for the world not sent yet */
	size_t out_len, out_off;
	char *buf;			/* frames from the world, not whole yet */
	size_t len, cap;
	int status;
};

static int relay_queue(struct relay *r, uint32_t type, const void *data, size_t len)
{
	struct live_hdr h = { type, (uint32_t)len };
	char *n = realloc(r->out, r->out_len + sizeof(h) + len);

	if (!n)
		return -1;
	r->out = n;
	memcpy(r->out + r->out_len, &h, sizeof(h));
	if (len)
		memcpy(r->out + r->out_len + sizeof(h), data, len);
	r->out_len += sizeof(h) + len;
	return 0;
}

/* Sends what it can without blocking: a world that does not read the
 * command's stdin yet must not stop the shim from printing its output. */
static int relay_flush(struct relay *r)
{
	while (r->out_off < r->out_len) {
		ssize_t n = send(r->fd, r->out + r->out_off, r->out_len - r->out_off,
				 MSG_NOSIGNAL | MSG_DONTWAIT);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return 0;
		if (n <= 0)
			return -1;
		r->out_off += (size_t)n;
	}
	r->out_off = r->out_len = 0;
	return 0;
}

/* stdin is read only once what was read before has gone out: the world's
 * pace holds back the writer of the pipe, as a full pipe does. */
static void relay_stdin(struct relay *r)
{
	char in[65536];
	ssize_t n = read(0, in, sizeof(in));

	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	if (n > 0) {
		relay_queue(r, LIVE_STDIN, in, (size_t)n);
		return;
	}
	relay_queue(r, LIVE_STDIN_EOF, NULL, 0);
	r->in_open = false;
}

/* A signal goes to the command.  If stdin bytes still block the way (the
 * world is not reading them), the signal could not pass them: the shim
 * hangs up instead, and the world kills the command. */
static int relay_signal(struct relay *r)
{
	unsigned char s;
	uint32_t sig;

	if (read(sig_pipe[0], &s, 1) != 1)
		return 0;
	sig = s;
	if (r->out_off < r->out_len) {
		r->status = 128 + (int)sig;
		return -1;
	}
	relay_queue(r, LIVE_SIGNAL, &sig, sizeof(sig));
	return 0;
}

/* Whole frames from the world: output written out; 1 once the status came. */
static int relay_frames(struct relay *r)
{
	while (r->len >= sizeof(struct live_hdr)) {
		struct live_hdr h;
		size_t whole;

		memcpy(&h, r->buf, sizeof(h));
		whole = sizeof(h) + h.len;
		if (h.len > LIVE_FRAME_MAX || r->len < whole)
			break;
		if (h.type == LIVE_STDOUT)
			write_fd(1, r->buf + sizeof(h), h.len);
		else if (h.type == LIVE_STDERR)
			write_fd(2, r->buf + sizeof(h), h.len);
		else if (h.type == LIVE_STATUS && h.len == 4)
			memcpy(&r->status, r->buf + sizeof(h), 4);
		memmove(r->buf, r->buf + whole, r->len - whole);
		r->len -= whole;
		if (r->status >= 0)
			return 1;
	}
	return 0;
}

static int relay_input(struct relay *r)
{
	ssize_t n;

	if (r->len + 65536 > r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 131072;
		char *b = realloc(r->buf, cap);

		if (!b)
			return -1;
		r->buf = b;
		r->cap = cap;
	}
	n = read(r->fd, r->buf + r->len, r->cap - r->len);
	if (n < 0 && errno == EINTR)
		return 0;
	if (n <= 0)
		return -1;
	r->len += (size_t)n;
	return relay_frames(r);
}

/* One round of poll(): 1 when done (status or failure), 0 to go on. */
static int relay_step(struct relay *r)
{
	bool pending = r->out_off < r->out_len;
	struct pollfd p[3] = {
		{ .fd = r->fd, .events = POLLIN | (pending ? POLLOUT : 0) },
		{ .fd = sig_pipe[0], .events = POLLIN },
		{ .fd = r->in_open && !pending ? 0 : -1, .events = POLLIN },
	};
	int rc;

	if (poll(p, 3, -1) < 0)
		return errno == EINTR ? 0 : 1;
	if ((p[1].revents & POLLIN) && relay_signal(r))
		return 1;
	if (p[2].revents & (POLLIN | POLLHUP | POLLERR))
		relay_stdin(r);
	/* the world may have ended the command and closed while stdin was on
	 * its way (`ip -batch -` stopping at an error): stop sending, and still
	 * read the status it sent */
	if (relay_flush(r)) {
		r->out_off = r->out_len = 0;
		r->in_open = false;
	}
	if (!(p[0].revents & (POLLIN | POLLHUP | POLLERR)))
		return 0;
	rc = relay_input(r);
	return rc != 0;
}

/* Read frames until the status; returns it, or -1 if the world went away. */
static int relay(int fd, bool with_stdin)
{
	struct relay r = { .fd = fd, .in_open = with_stdin, .status = -1 };

	while (!relay_step(&r))
		;
	free(r.out);
	free(r.buf);
	return r.status;
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
 * ip/tc/bridge -batch -; tcpdump -r -.  The rest leave it to the caller (a `while read`
 * loop around `ip` must keep its input).  A terminal is read only by the
 * commands that take their stdin as it comes (interactive nc); the others
 * would wait for its end. */
static bool reads_stdin(int argc, char **argv)
{
	const char *n = argv[0];

	if (cmd_streams_stdin(argc, argv))
		return true;
	if (isatty(0))
		return false;
	if (strstr(n, "-restore")) {
		for (int i = 1; i < argc; i++)
			if (argv[i][0] != '-')
				return false;
		return true;
	}
	for (int i = 1; i + 1 < argc; i++) {
		if ((!strcmp(argv[i], "-batch") || !strcmp(argv[i], "-b")) &&
		    !strcmp(argv[i + 1], "-"))
			return true;
		if (!strcmp(n, "tcpdump") && !strcmp(argv[i], "-r") && !strcmp(argv[i + 1], "-"))
			return true;
	}
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
	/* a host program (socat, python) gets the world's sockets; a shim
	 * (nettest, ip) is the world's anyway */
	if (!cmd_find(argv[4]))
		live_set_preload();
	fflush(stdout);
	execvp(argv[4], argv + 4);
	fprintf(stderr, "exec of \"%s\" failed: %s\n", argv[4], strerror(errno));
	*status = 255;
	return 1;
}

/* The real program NAME on PATH, past the world's shim directory. */
static int exec_host_program(const char *dir, char **argv)
{
	char bin[4096], path[4096];
	const char *p = getenv("PATH");

	snprintf(bin, sizeof(bin), "%s/bin", dir);
	while (p && *p) {
		size_t n = strcspn(p, ":");

		if (n && (n != strlen(bin) || strncmp(p, bin, n))) {
			snprintf(path, sizeof(path), "%.*s/%s", (int)n, p, argv[0]);
			if (!access(path, X_OK))
				execv(path, argv);
		}
		p += n + (p[n] == ':');
	}
	fprintf(stderr, "%s: command not found\n", argv[0]);
	return 127;
}

/* One /proc/sys file written by tee: the world's sysctl, in $SKBOX_NETNS. */
static int tee_proc_sys(const char *dir, const char *file, const char *val, size_t len)
{
	char arg[4096];
	char *argv[] = { "sysctl", "-q", "-w", arg, NULL };
	int saved = dup(2), devnull = open("/dev/null", O_WRONLY), rc;

	while (len && (val[len - 1] == '\n' || val[len - 1] == ' '))
		len--;
	snprintf(arg, sizeof(arg), "%s=%.*s", file + strlen("/proc/sys/"), (int)len, val);
	dup2(devnull, 2);
	rc = live_exec(dir, getenv("SKBOX_NETNS"), 4, argv, false);
	dup2(saved, 2);
	close(saved);
	close(devnull);
	if (rc)
		fprintf(stderr, "tee: %s: No such file or directory\n", file);
	return rc ? 1 : 0;
}

/* `tee` (coreutils) where a file is under /proc/sys: the world's sysctl is
 * written, as `echo 1 | ip netns exec R tee /proc/sys/net/ipv4/ip_forward`
 * does on Linux; any other tee is the system's. */
static int shim_tee(const char *dir, int argc, char **argv)
{
	char *in = NULL;
	size_t len = 0, cap = 0;
	bool append = false, proc = false;
	int rc = 0;

	for (int i = 1; i < argc; i++)
		proc |= !strncmp(argv[i], "/proc/sys/", 10);
	if (!proc)
		return exec_host_program(dir, argv);
	for (;;) {
		ssize_t n;

		if (len + 4096 > cap && !(in = realloc(in, cap = cap * 2 + 4096)))
			return 1;
		n = read(0, in + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	write_fd(1, in ? in : "", len);
	for (int i = 1; i < argc; i++) {
		FILE *f;

		if (!strcmp(argv[i], "-a") || !strcmp(argv[i], "--append")) {
			append = true;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			continue;
		} else if (!strncmp(argv[i], "/proc/sys/", 10)) {
			rc |= tee_proc_sys(dir, argv[i], in ? in : "", len);
		} else if ((f = fopen(argv[i], append ? "a" : "w"))) {
			fwrite(in ? in : "", 1, len, f);
			fclose(f);
		} else {
			fprintf(stderr, "tee: %s: %s\n", argv[i], strerror(errno));
			rc = 1;
		}
	}
	free(in);
	return rc;
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
	if (!strcmp(argv[0], "tee"))
		return shim_tee(dir, argc, argv);
	return live_exec(dir, getenv("SKBOX_NETNS"), argc, argv, reads_stdin(argc, argv));
}
