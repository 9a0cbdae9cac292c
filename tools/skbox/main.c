/* The skbox program: `skbox run [--echo] [--seed N] [--timeout SECS] FILE`,
 * `skbox shell`, `skbox --version`.  The only place that calls exit(). */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "net/world.h"
#include "net/addrconf.h"
#include "net/trace.h"
#include "run.h"
#include "trace_html.h"
#include "../packetdrill/pd.h"
#include "live.h"

int skbox_shell(struct world *w, const struct run_opts *o);

#define SKBOX_VERSION "0.1.0"

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: skbox run [--echo] [--seed N] [--timeout SECS] [--no-ipv6] [--realtime [--user NAME]]\n"
		"                 [--trace[=FILTER]]\n"
		"                 [--trace-format=json] [--trace-html FILE] FILE\n"
		"       skbox why [--seed N] [--timeout SECS] FILE\n"
		"       skbox shell [--seed N] [--timeout SECS]\n"
		"       skbox packetdrill [--tolerance_usecs=N] [--verbose] FILE.pkt\n"
		"       skbox up [--dir DIR] [--foreground] [--virtual]\n"
		"       skbox exec [--dir DIR] [--netns NS] CMD [ARGS...]\n"
		"       skbox env|shell|down [--dir DIR]\n"
		"       skbox run --bash FILE [ARGS...]\n"
		"       skbox --version\n"
		"\n"
		"  run     run a script of commands in a fresh world (virtual time)\n"
		"  why     run FILE, then list every dropped packet: where, why, after which stage\n"
		"  shell   the same world interactively (attached to a running world\n"
		"          with --dir or $SKBOX_DIR: the system's bash, shims in PATH)\n"
		"  up      a world as a server in DIR (docs/LIVE.md); prints the\n"
		"          export lines of `skbox env`; `down` stops it\n"
		"  exec    run a command in the running world\n"
		"  run --bash FILE  the system's bash runs FILE against a fresh world\n"
		"  --realtime   the clock follows wall time (needed by host TAP devices)\n"
		"  --no-ipv6    IPv6 disabled in every namespace (as tests/kernel/kernel-run.sh)\n"
		"  --user NAME  once a host TAP is open, run on as user NAME (root only)\n"
		"  --echo  print each command as \"# COMMAND\" before its output\n"
		"  --seed N     seed of the world's random numbers (default 1)\n"
		"  --timeout S  interrupt (^C) a foreground command (or `wait`) after S seconds of\n"
		"               virtual time (default 3600)\n"
		"  --trace[=FILTER]  print every stage of every packet matching the pcap\n"
		"               FILTER (all packets without one), and every drop's reason\n"
		"  --trace-format=text|json  JSON: one object per line (docs/TRACE.md)\n"
		"  --trace-html FILE  also write the trace as an HTML page: namespaces,\n"
		"               devices and each packet's path, drops in red\n");
}

struct args {
	bool echo;
	bool realtime;
	const char *user;
	unsigned long long seed;
	bool no_ipv6;
	double timeout;
	const char *file;
	bool trace;
	bool json;
	bool why;
	const char *filter;
	const char *html;
};

static int parse_args(int argc, char **argv, int i, struct args *a, bool need_file)
{
	for (; i < argc; i++) {
		const char *s = argv[i];
		char *end;

		if (!strcmp(s, "--echo")) {
			a->echo = true;
		} else if (!strcmp(s, "--realtime")) {
			a->realtime = true;
		} else if (!strcmp(s, "--no-ipv6")) {
			a->no_ipv6 = true;
		} else if (!strcmp(s, "--trace-format=json") || !strcmp(s, "--trace-format=text")) {
			a->json = s[15] == 'j';
		} else if (!strcmp(s, "--trace") || !strncmp(s, "--trace=", 8)) {
			a->trace = true;
			a->filter = s[7] == '=' ? s + 8 : "";
		} else if (!strcmp(s, "--user") && i + 1 < argc) {
			a->user = argv[++i];
		} else if (!strcmp(s, "--trace-html") && i + 1 < argc) {
			a->html = argv[++i];
		} else if ((!strcmp(s, "--seed") || !strcmp(s, "--timeout")) && i + 1 < argc) {
			errno = 0;
			if (s[2] == 's')
				a->seed = strtoull(argv[++i], &end, 0);
			else
				a->timeout = strtod(argv[++i], &end);
			if (*end || errno || !(a->timeout >= 0)) {
				fprintf(stderr, "skbox: invalid value for %s: '%s'\n", s, argv[i]);
				return -1;
			}
		} else if (s[0] == '-' && s[1]) {
			fprintf(stderr, "skbox: unknown option '%s'\n", s);
			return -1;
		} else if (need_file && !a->file) {
			a->file = s;
		} else {
			fprintf(stderr, "skbox: unexpected argument '%s'\n", s);
			return -1;
		}
	}
	if (need_file && !a->file) {
		fprintf(stderr, "skbox: run: a script FILE is required\n");
		return -1;
	}
	return 0;
}

/* The subcommands that are not a world run here: live mode, packetdrill,
 * help, version.  Returns the exit status, or -1 when argv is a run/why/shell. */
static int other_command(int argc, char **argv)
{
	const char *base = strrchr(argv[0], '/');

	if (live_is_shim_name(base ? base + 1 : argv[0]))
		return live_shim_main(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "up"))
		return live_cmd_up(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "down"))
		return live_cmd_down(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "env"))
		return live_cmd_env(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "exec"))
		return live_cmd_exec(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "shell") &&
	    ((argc > 2 && !strncmp(argv[2], "--dir", 5)) || live_dir_from(NULL)))
		return live_cmd_shell(argc, argv);
	if (argc >= 4 && !strcmp(argv[1], "run") && !strcmp(argv[2], "--bash"))
		return live_cmd_run_bash(argv[3], argc - 4, argv + 4);
	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (!strcmp(argv[1], "packetdrill"))
		return packetdrill_main(argc - 1, argv + 1);
	if (!strcmp(argv[1], "--version")) {
		printf("skbox %s\n", SKBOX_VERSION);
		return 0;
	}
	return -1;
}

/* A world for `run`/`why`/`shell` with the options applied (real time, the
 * user to drop to, tracing); NULL after printing why, with *status set. */
static struct world *world_for(const struct args *a, int *status)
{
	struct world *w = world_new(a->seed);

	*status = 2;
	if (!w) {
		fprintf(stderr, "skbox: out of memory\n");
		*status = 1;
		return NULL;
	}
	world_set_realtime(w, a->realtime);
	if (a->no_ipv6)
		addrconf_world_ipv6_off(w);
	if (a->user) {
		struct passwd *pw = getpwnam(a->user);

		if (!pw) {
			fprintf(stderr, "skbox: --user: no such user '%s'\n", a->user);
			world_free(w, NULL);
			return NULL;
		}
		w->drop_privs = true;
		w->drop_uid = pw->pw_uid;
		w->drop_gid = pw->pw_gid;
	}
	if (a->trace || a->why || a->html) {
		unsigned int flags = (a->trace ? TRACE_LINES : 0) | (a->json ? TRACE_JSON : 0) |
				     (a->why ? TRACE_DROPS : 0) | (a->html ? TRACE_RECORD : 0);
		char err[256];

		if (trace_start_flags(w, a->filter ? a->filter : "", stdout, flags, err,
				      sizeof(err))) {
			fprintf(stderr, "skbox: --trace: bad filter '%s': %s\n", a->filter, err);
			world_free(w, stderr);
			return NULL;
		}
	}
	return w;
}

int main(int argc, char **argv)
{
	struct args a = { .seed = 1, .timeout = 3600 };
	struct run_opts o;
	struct world *w;
	bool run;
	int status, leaks;

	status = other_command(argc, argv);
	if (status >= 0)
		return status;
	a.why = !strcmp(argv[1], "why");
	run = a.why || !strcmp(argv[1], "run");
	if (!run && strcmp(argv[1], "shell")) {
		fprintf(stderr, "skbox: unknown command '%s'\n", argv[1]);
		usage(stderr);
		return 2;
	}
	if (parse_args(argc, argv, 2, &a, run))
		return 2;
	o.echo = a.echo;
	/* beyond ~500 years ("inf"): no limit */
	o.timeout_ns = a.timeout < 1.6e10 ? (uint64_t)(a.timeout * 1e9 + 0.5) : 0;
	w = world_for(&a, &status);
	if (!w)
		return status;
	status = run ? script_run_file(w, a.file, &o, stdout) : skbox_shell(w, &o);
	if (a.why) {
		printf("\n--- dropped packets ---\n");
		trace_report_drops(w, stdout);
	}
	if (a.html && trace_html_write(w, a.html)) {
		fprintf(stderr, "skbox: --trace-html: %s: %s\n", a.html, strerror(errno));
		if (!status)
			status = 1;
	}
	fflush(stdout);
	leaks = world_free(w, stderr);
	if (leaks && !status)
		status = 1;
	return status;
}
