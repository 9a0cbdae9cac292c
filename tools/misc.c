/* Small commands a script needs: echo, sleep, timeout, true, false (coreutils). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "skbox/cmd.h"
#include "linux/sched.h"
#include <signal.h>
#include "net/world.h"

static void echo_escaped(FILE *out, const char *s, bool *stop)
{
	for (; *s; s++) {
		if (*s != '\\' || !s[1]) {
			fputc(*s, out);
			continue;
		}
		switch (*++s) {
		case 'n': fputc('\n', out); break;
		case 't': fputc('\t', out); break;
		case '\\': fputc('\\', out); break;
		case 'c': *stop = true; return;
		default: fputc('\\', out); fputc(*s, out); break;
		}
	}
}

int do_echo(struct cmd_ctx *ctx, int argc, char **argv)
{
	bool newline = true, escapes = false, stop = false;
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1] &&
	       strspn(argv[i] + 1, "neE") == strlen(argv[i] + 1); i++) {
		for (const char *f = argv[i] + 1; *f; f++) {
			newline &= *f != 'n';
			escapes = *f == 'e' ? true : *f == 'E' ? false : escapes;
		}
	}
	for (int first = i; i < argc && !stop; i++) {
		if (i > first)
			fputc(' ', ctx->out);
		if (escapes)
			echo_escaped(ctx->out, argv[i], &stop);
		else
			fputs(argv[i], ctx->out);
	}
	if (newline && !stop)
		fputc('\n', ctx->out);
	return 0;
}

#define SLEEP_MAX_S (100.0 * 365 * 86400)

/* "1.5", "2m", "1h", "0.2s", "infinity" → nanoseconds; -1 when malformed */
static long long parse_interval(const char *s)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno || !(v >= 0))
		return -1;
	if (*end == 's' && !end[1])
		;
	else if (*end == 'm' && !end[1])
		v *= 60;
	else if (*end == 'h' && !end[1])
		v *= 3600;
	else if (*end == 'd' && !end[1])
		v *= 86400;
	else if (*end)
		return -1;
	/* "infinity": longer than any run (a century of virtual time) */
	if (v > SLEEP_MAX_S)
		v = SLEEP_MAX_S;
	return (long long)(v * 1e9 + 0.5);
}

int do_sleep(struct cmd_ctx *ctx, int argc, char **argv)
{
	long long total = 0;

	if (argc < 2) {
		fprintf(ctx->err, "sleep: missing operand\nTry 'sleep --help' for more information.\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		long long ns = parse_interval(argv[i]);

		if (ns < 0) {
			fprintf(ctx->err, "sleep: invalid time interval '%s'\n"
				"Try 'sleep --help' for more information.\n", argv[i]);
			return 1;
		}
		total += ns;
		if (total > (long long)(SLEEP_MAX_S * 1e9))
			total = (long long)(SLEEP_MAX_S * 1e9);
	}
	if (task_sleep(ctx->world, (u64)total) == -EINTR)
		return 130;
	return 0;
}

/* timeout [-s SIG] [-k DUR] [--preserve-status] [--foreground] [-v] DURATION CMD [ARG]...:
 * runs CMD in the same task; when DURATION of (virtual) time passes, the task
 * gets SIG (SIGTERM), and the status is 124, as coreutils' timeout. */
struct timeout_alarm {
	struct timer_list timer;
	struct task *task;
	int sig;
	bool fired;
};

static void timeout_fire(struct timer_list *t)
{
	struct timeout_alarm *a = from_timer(a, t, timer);

	a->fired = true;
	task_signal(a->task, a->sig);
}

static int timeout_signal(const char *s)
{
	static const struct { const char *name; int sig; } sigs[] = {
		{ "TERM", SIGTERM }, { "INT", SIGINT }, { "KILL", SIGKILL }, { "HUP", SIGHUP },
		{ "QUIT", SIGQUIT }, { "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "ALRM", SIGALRM },
	};
	char *end;
	long n = strtol(s, &end, 10);

	if (*s && !*end && n > 0 && n < 65)
		return (int)n;
	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (!strcmp(s, sigs[i].name))
			return sigs[i].sig;
	return -1;
}

/* timeout's options: returns the index of DURATION, or -125 after printing
 * coreutils' message */
static int timeout_options(struct cmd_ctx *ctx, int argc, char **argv, struct timeout_alarm *a,
			   bool *preserve, bool *verbose)
{
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *o = argv[i], *v = NULL;

		if (!strcmp(o, "--")) {
			i++;
			break;
		}
		if (!strcmp(o, "--preserve-status")) {
			*preserve = true;
		} else if (!strcmp(o, "--foreground")) {
			;
		} else if (!strcmp(o, "-v") || !strcmp(o, "--verbose")) {
			*verbose = true;
		} else if (!strcmp(o, "-s") || !strcmp(o, "-k")) {
			if (i + 1 >= argc) {
				fprintf(ctx->err, "timeout: option requires an argument -- '%c'\n"
					"Try 'timeout --help' for more information.\n", o[1]);
				return -125;
			}
			v = argv[++i];
		} else if (!strncmp(o, "-s", 2) || !strncmp(o, "-k", 2)) {
			v = o + 2;
		} else if (!strncmp(o, "--signal=", 9) || !strncmp(o, "--kill-after=", 13)) {
			v = strchr(o, '=') + 1;
		} else {
			if (o[1] == '-')
				fprintf(ctx->err, "timeout: unrecognized option '%s'\n", o);
			else
				fprintf(ctx->err, "timeout: invalid option -- '%c'\n", o[1]);
			fprintf(ctx->err, "Try 'timeout --help' for more information.\n");
			return -125;
		}
		if (v && (o[1] == 's' || !strncmp(o, "--signal", 8))) {
			a->sig = timeout_signal(v);
			if (a->sig < 0) {
				fprintf(ctx->err, "timeout: %s: invalid signal\n"
					"Try 'timeout --help' for more information.\n", v);
				return -125;
			}
		} else if (v && parse_interval(v) < 0) {	/* -k: the task ends anyway */
			fprintf(ctx->err, "timeout: invalid time interval '%s'\n"
				"Try 'timeout --help' for more information.\n", v);
			return -125;
		}
	}
	return i;
}

int do_timeout(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct timeout_alarm a = { .sig = SIGTERM };
	bool preserve = false, verbose = false;
	long long ns;
	int i = timeout_options(ctx, argc, argv, &a, &preserve, &verbose), rc;

	if (i < 0)
		return -i;
	if (i + 2 > argc) {
		fprintf(ctx->err, "timeout: missing operand\n"
			"Try 'timeout --help' for more information.\n");
		return 125;
	}
	ns = parse_interval(argv[i]);
	if (ns < 0) {
		fprintf(ctx->err, "timeout: invalid time interval '%s'\n"
			"Try 'timeout --help' for more information.\n", argv[i]);
		return 125;
	}
	i++;
	if (!cmd_find(argv[i])) {
		fprintf(ctx->err, "timeout: failed to run command '%s': No such file or directory\n",
			argv[i]);
		return 127;
	}
	a.task = current_task(ctx->world);
	timer_setup(&ctx->world->timers, &a.timer, timeout_fire);
	if (ns > 0)
		mod_timer(&a.timer, ctx->world->now + (u64)ns);
	rc = cmd_run(ctx, argc - i, argv + i);
	del_timer(&a.timer);
	if (!a.fired)
		return rc;
	a.task->sigpending &= ~(1 << a.sig);
	if (verbose)
		fprintf(ctx->err, "timeout: sending signal %s to command '%s'\n",
			a.sig == SIGTERM ? "TERM" : a.sig == SIGINT ? "INT" : "KILL", argv[i]);
	return preserve ? rc : 124;
}

int do_true(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	return 0;
}

int do_false(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	(void)argc;
	(void)argv;
	return 1;
}

/* dmesg: the world's kernel log (what -j LOG writes), "[seconds] text"
 * lines as the kernel ring buffer shows them; -c/-C clear it after/without
 * printing. */
int do_dmesg(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct world *w = ctx->world;
	bool show = true, clear = false;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-c"))
			clear = true;
		else if (!strcmp(argv[i], "-C"))
			show = !(clear = true);
		else {
			fprintf(ctx->err, "dmesg: invalid option -- '%s'\n", argv[i]);
			return 1;
		}
	}
	if (!w || !w->log)
		return 0;
	fflush(w->log);
	if (show && w->log_len)
		fwrite(w->log_buf, 1, w->log_len, ctx->out);
	if (clear)
		rewind(w->log);
	if (clear) {
		fflush(w->log);
		if (w->log_buf)
			w->log_buf[0] = '\0';
	}
	return 0;
}
