/* Live mode's commands: `skbox up`, `down`, `env`, `exec`, `shell` (attach)
 * and `run --bash`.  A world lives in a private directory (mode 0700):
 *
 *   DIR/sock   the server's Unix socket (0600)
 *   DIR/bin/   the shims: ip, ping, nc, … symlinks to this skbox binary
 *   DIR/log    what the server logs (commands, faults, the leak report)
 *   DIR/pid    the server's pid
 *
 * Clients find it through --dir or $SKBOX_DIR; `skbox env` prints the
 * export lines that put the shims first in PATH. */
/* not _GNU_SOURCE: <sys/stat.h> would pull <linux/stat.h>, whose
 * <linux/types.h> is ours under -Iinclude */
#undef _GNU_SOURCE
#define _DEFAULT_SOURCE 1
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "skbox/cmd.h"
#include "live.h"

/* Every name a shim may take; only those the world knows get a link. */
static const char *const shim_names[] = {
	"arping", "bridge", "brctl", "conntrack", "curl", "dmesg", "ebtables", "ethtool",
	"hping3", "httpd", "ip", "ip6tables", "ip6tables-legacy", "ip6tables-nft",
	"ip6tables-nft-restore", "ip6tables-nft-save", "ip6tables-restore", "ip6tables-save",
	"ipset", "iperf3",
	"iptables", "iptables-legacy", "iptables-legacy-restore", "iptables-legacy-save",
	"iptables-nft", "iptables-nft-restore", "iptables-nft-save", "iptables-restore",
	"iptables-save", "ipvsadm", "nc", "netcat", "nettest", "nfqueue", "nft", "nstat", "ping", "ping6", "ss",
	"sysctl", "tc", "tcpdump", "tee", "trace", "tracepath", "traceroute",
};

bool live_is_shim_name(const char *name)
{
	return strncmp(name, "skbox", 5) != 0;
}

const char *live_dir_from(const char *opt)
{
	const char *env = getenv("SKBOX_DIR");

	if (opt)
		return opt;
	return env && *env ? env : NULL;
}

int live_sock_path(const char *dir, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s/sock", dir);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

int live_make_dir(const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0700) && errno != EEXIST) {
		fprintf(stderr, "skbox: up: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	if (stat(dir, &st) || !S_ISDIR(st.st_mode) || st.st_uid != geteuid()) {
		fprintf(stderr, "skbox: up: %s: not a directory of ours\n", dir);
		return -1;
	}
	return chmod(dir, 0700);
}

int live_make_shims(const char *dir, const char *exe, bool virtual_time)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/bin", dir);
	if (mkdir(path, 0700) && errno != EEXIST)
		return -1;
	for (size_t i = 0; i < sizeof(shim_names) / sizeof(shim_names[0]) + 1; i++) {
		/* sleep: the world's own (virtual time) only when time is virtual;
		 * in real time the system's sleep is the same clock */
		const char *name = i < sizeof(shim_names) / sizeof(shim_names[0]) ? shim_names[i] :
				   "sleep";

		snprintf(path, sizeof(path), "%s/bin/%s", dir, name);
		unlink(path);
		/* tee: the shim writes /proc/sys files to the world's sysctl */
		if ((!cmd_find(name) && strcmp(name, "tee")) ||
		    (!strcmp(name, "sleep") && !virtual_time))
			continue;
		if (symlink(exe, path)) {
			fprintf(stderr, "skbox: up: %s: %s\n", path, strerror(errno));
			return -1;
		}
	}
	return 0;
}

/* Single quotes for the shell: ' becomes '\'' */
static void print_quoted(const char *s)
{
	putchar('\'');
	for (; *s; s++) {
		if (*s == '\'')
			fputs("'\\''", stdout);
		else
			putchar(*s);
	}
	putchar('\'');
}

void live_print_env(const char *dir)
{
	char bin[PATH_MAX];

	snprintf(bin, sizeof(bin), "%s/bin", dir);
	fputs("export SKBOX_DIR=", stdout);
	print_quoted(dir);
	fputs(";\nexport PATH=", stdout);
	print_quoted(bin);
	fputs(":\"$PATH\";\n", stdout);
	fflush(stdout);
}

/* LD_PRELOAD for host programs started for the world: their IPv4 sockets
 * become the world's (preload/, next to the skbox binary).  Added once. */
void live_set_preload(void)
{
	char exe[PATH_MAX], lib[PATH_MAX + 32], val[PATH_MAX * 4];
	const char *old = getenv("LD_PRELOAD");
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (n <= 0)
		return;
	exe[n] = 0;
	slash = strrchr(exe, '/');
	if (!slash)
		return;
	snprintf(lib, sizeof(lib), "%.*s/libskbox-preload.so", (int)(slash - exe), exe);
	if (access(lib, R_OK) || (old && strstr(old, lib)))
		return;
	snprintf(val, sizeof(val), "%s%s%s", lib, old && *old ? ":" : "", old ? old : "");
	setenv("LD_PRELOAD", val, 1);
#ifdef __SANITIZE_ADDRESS__
	/* the ASan build's shims start with the library loaded before libasan */
	old = getenv("ASAN_OPTIONS");
	snprintf(val, sizeof(val), "%s%sverify_asan_link_order=0", old ? old : "",
		 old && *old ? ":" : "");
	setenv("ASAN_OPTIONS", val, 1);
#endif
}

static void env_for_clients(const char *dir)
{
	char path[PATH_MAX * 2];
	const char *old = getenv("PATH");

	snprintf(path, sizeof(path), "%s/bin:%s", dir, old ? old : "/usr/sbin:/usr/bin:/sbin:/bin");
	setenv("PATH", path, 1);
	setenv("SKBOX_DIR", dir, 1);
	live_set_preload();
}

static char *self_exe(void)
{
	return realpath("/proc/self/exe", NULL);
}

static char *new_tmp_dir(const char *prefix)
{
	const char *tmp = getenv("TMPDIR");
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s-XXXXXX", tmp && *tmp ? tmp : "/tmp", prefix);
	if (!mkdtemp(path)) {
		fprintf(stderr, "skbox: up: %s: %s\n", path, strerror(errno));
		return NULL;
	}
	return strdup(path);
}

/* Fork the server; returns its pid once it listens, or -1. */
static pid_t spawn_server(const struct live_up_opts *o, const char *dir, bool detach)
{
	char log[PATH_MAX], pidf[PATH_MAX], c;
	int p[2];
	pid_t pid;

	snprintf(log, sizeof(log), "%s/log", dir);
	snprintf(pidf, sizeof(pidf), "%s/pid", dir);
	if (pipe(p))
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		struct live_up_opts so = *o;
		int fd = open(log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
		int nul = open("/dev/null", O_RDWR);
		FILE *pf;

		close(p[0]);
		if (detach)
			setsid();
		if (nul >= 0)
			dup2(nul, 0);
		if (fd >= 0) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		pf = fopen(pidf, "w");
		if (pf) {
			fprintf(pf, "%d\n", (int)getpid());
			fclose(pf);
		}
		so.ready_fd = p[1];
		exit(live_serve(&so, dir));
	}
	close(p[1]);
	if (read(p[0], &c, 1) != 1) {
		close(p[0]);
		waitpid(pid, NULL, 0);
		fprintf(stderr, "skbox: up: the world did not start (see %s)\n", log);
		return -1;
	}
	close(p[0]);
	return pid;
}

static int parse_dir_opt(int *i, int argc, char **argv, const char **dir)
{
	if (!strcmp(argv[*i], "--dir") && *i + 1 < argc) {
		*dir = argv[++*i];
		return 1;
	}
	if (!strncmp(argv[*i], "--dir=", 6)) {
		*dir = argv[*i] + 6;
		return 1;
	}
	return 0;
}

int live_cmd_up(int argc, char **argv)
{
	struct live_up_opts o = { .ready_fd = -1 };
	const char *opt = NULL;
	char *dir, *exe;
	int rc = 1, fd;

	for (int i = 2; i < argc; i++) {
		if (parse_dir_opt(&i, argc, argv, &opt))
			continue;
		if (!strcmp(argv[i], "--realtime")) {
			o.virtual_time = false;
		} else if (!strcmp(argv[i], "--virtual")) {
			o.virtual_time = true;
		} else if (!strcmp(argv[i], "--foreground") || !strcmp(argv[i], "-f")) {
			o.foreground = true;
		} else {
			fprintf(stderr, "skbox: up: unknown option '%s'\n", argv[i]);
			return 2;
		}
	}
	opt = live_dir_from(opt);
	dir = opt ? strdup(opt) : new_tmp_dir("skbox");
	exe = self_exe();
	if (!dir || !exe || live_make_dir(dir) || live_make_shims(dir, exe, o.virtual_time))
		goto out;
	fd = live_connect(dir, true);
	if (fd >= 0) {
		close(fd);
		fprintf(stderr, "skbox: up: a world already runs in %s\n", dir);
		goto out;
	}
	if (o.foreground) {
		live_print_env(dir);
		rc = live_serve(&o, dir);
	} else if (spawn_server(&o, dir, true) > 0) {
		live_print_env(dir);
		rc = 0;
	}
out:
	free(dir);
	free(exe);
	return rc;
}

static const char *need_dir(const char *opt, const char *cmd)
{
	const char *dir = live_dir_from(opt);

	if (!dir)
		fprintf(stderr, "skbox: %s: no world: give --dir DIR or set SKBOX_DIR (skbox up prints it)\n",
			cmd);
	return dir;
}

int live_cmd_down(int argc, char **argv)
{
	const char *opt = NULL, *dir;
	char pidf[PATH_MAX];
	FILE *f;
	int pid = 0, rc;

	for (int i = 2; i < argc; i++) {
		if (!parse_dir_opt(&i, argc, argv, &opt)) {
			fprintf(stderr, "skbox: down: unknown option '%s'\n", argv[i]);
			return 2;
		}
	}
	dir = need_dir(opt, "down");
	if (!dir)
		return 2;
	snprintf(pidf, sizeof(pidf), "%s/pid", dir);
	f = fopen(pidf, "r");
	if (f) {
		if (fscanf(f, "%d", &pid) != 1)
			pid = 0;
		fclose(f);
	}
	rc = live_down(dir);
	/* wait (up to 10 s) for the server to be gone, so that a new `up` in
	 * the same directory finds it free */
	for (int i = 0; pid > 0 && i < 1000 && kill(pid, 0) == 0; i++)
		usleep(10000);
	unlink(pidf);
	return rc;
}

int live_cmd_env(int argc, char **argv)
{
	const char *opt = NULL, *dir;

	for (int i = 2; i < argc; i++) {
		if (!parse_dir_opt(&i, argc, argv, &opt)) {
			fprintf(stderr, "skbox: env: unknown option '%s'\n", argv[i]);
			return 2;
		}
	}
	dir = need_dir(opt, "env");
	if (!dir)
		return 2;
	live_print_env(dir);
	return 0;
}

/* `skbox exec [--dir DIR] [--netns NS] CMD…`: a command of the world runs
 * there; any other program runs here with the shims first in PATH. */
int live_cmd_exec(int argc, char **argv)
{
	const char *opt = NULL, *dir;
	int i;

	for (i = 2; i < argc && argv[i][0] == '-'; i++) {
		if (parse_dir_opt(&i, argc, argv, &opt))
			continue;
		if (!strcmp(argv[i], "--netns") && i + 1 < argc) {
			setenv("SKBOX_NETNS", argv[++i], 1);
		} else if (!strcmp(argv[i], "--")) {
			i++;
			break;
		} else {
			fprintf(stderr, "skbox: exec: unknown option '%s'\n", argv[i]);
			return 2;
		}
	}
	if (i >= argc) {
		fprintf(stderr, "skbox: exec: a command is required\n");
		return 2;
	}
	dir = need_dir(opt, "exec");
	if (!dir)
		return 2;
	env_for_clients(dir);
	if (cmd_find(argv[i]))
		return live_shim_main(argc - i, argv + i);
	execvp(argv[i], argv + i);
	fprintf(stderr, "skbox: exec: %s: %s\n", argv[i], strerror(errno));
	return 127;
}

/* `skbox shell` attached to a running world: the system's bash with the
 * shims first in PATH. */
int live_cmd_shell(int argc, char **argv)
{
	const char *opt = NULL, *dir;

	for (int i = 2; i < argc; i++) {
		if (!parse_dir_opt(&i, argc, argv, &opt)) {
			fprintf(stderr, "skbox: shell: unknown option '%s'\n", argv[i]);
			return 2;
		}
	}
	dir = need_dir(opt, "shell");
	if (!dir)
		return 2;
	env_for_clients(dir);
	setenv("PS1", "skbox# ", 1);
	if (isatty(0))
		execlp("bash", "bash", "--norc", "-i", (char *)NULL);
	else
		execlp("bash", "bash", "--norc", "-s", (char *)NULL);
	fprintf(stderr, "skbox: shell: bash: %s\n", strerror(errno));
	return 127;
}

static void rm_dir(const char *dir)
{
	char path[PATH_MAX];
	const char *files[] = { "sock", "log", "pid" };
	DIR *d;
	struct dirent *e;

	snprintf(path, sizeof(path), "%s/bin", dir);
	d = opendir(path);
	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/bin/%s", dir, e->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	snprintf(path, sizeof(path), "%s/bin", dir);
	rmdir(path);
	for (size_t i = 0; i < 3; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, files[i]);
		unlink(path);
	}
	rmdir(dir);
}

static void dump_log(const char *dir)
{
	char path[PATH_MAX], buf[4096];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s/log", dir);
	f = fopen(path, "r");
	while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		fwrite(buf, 1, n, stderr);
	if (f)
		fclose(f);
}

/* `skbox run --bash FILE [ARGS…]`: the system's bash runs FILE against a
 * fresh world (real time), shims first in PATH; the world goes down at the
 * end with its leak check.  $SKBOX_LIVE_LOG=1 prints the server's log. */
int live_cmd_run_bash(const char *file, int argc, char **argv)
{
	struct live_up_opts o = { .ready_fd = -1 };
	char *dir = new_tmp_dir("skbox-run"), *exe = self_exe();
	char **bargv;
	pid_t server = -1, bash;
	int status = 1, ws, down;

	if (!dir || !exe || live_make_dir(dir) || live_make_shims(dir, exe, false))
		goto out;
	server = spawn_server(&o, dir, false);
	if (server < 0)
		goto out;
	bargv = calloc((size_t)argc + 3, sizeof(char *));
	if (!bargv)
		goto out;
	bargv[0] = "bash";
	bargv[1] = (char *)file;
	for (int i = 0; i < argc; i++)
		bargv[i + 2] = argv[i];
	fflush(NULL);
	bash = fork();
	if (bash == 0) {
		env_for_clients(dir);
		unsetenv("SKBOX_NETNS");
		execvp("bash", bargv);
		fprintf(stderr, "skbox: run --bash: bash: %s\n", strerror(errno));
		_exit(127);
	}
	free(bargv);
	if (bash > 0 && waitpid(bash, &ws, 0) == bash)
		status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
	down = live_down(dir);
	waitpid(server, NULL, 0);
	server = -1;
	if (down && !status)
		status = 1;
	if (getenv("SKBOX_LIVE_LOG"))
		dump_log(dir);
out:
	if (server > 0) {
		kill(server, SIGTERM);
		waitpid(server, NULL, 0);
	}
	if (dir)
		rm_dir(dir);
	free(dir);
	free(exe);
	return status;
}
