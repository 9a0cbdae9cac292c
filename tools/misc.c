/* Small commands a script needs: echo, sleep, true, false (coreutils). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "skbox/cmd.h"
#include "linux/sched.h"
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
