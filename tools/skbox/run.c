/* The script runner: each command runs as a task in one world; the loop
 * runs until it ends.  A foreground command that would wait forever (nothing
 * left to happen in virtual time) or outlives --timeout is interrupted like
 * ^C.  Background jobs ('&') run alongside; `wait` waits for them. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "linux/sched.h"
#include "linux/slab.h"
#include "net/net_namespace.h"
#include "net/rtnl_notify.h"
#include "net/world.h"
#include "skbox/cmd.h"
#include "run.h"

struct job {
	struct job *next;
	struct task *task;
	struct cmd_ctx ctx;
	struct run_line line;		/* owns argv */
	int status;
	char *in_buf;			/* stdin from a pipe, owned */
	char *out_buf;			/* captured stdout when piped onwards */
	size_t out_len;
};

static int job_main(void *arg)
{
	struct job *j = arg;
	struct run_cmd *c = &j->line.cmds[0];

	j->status = cmd_run(&j->ctx, c->argc, c->argv);
	fflush(j->ctx.out);
	return j->status;
}

static bool job_dead(void *arg)
{
	return ((struct job *)arg)->task->state == TASK_DEAD;
}

static struct job *job_start(struct runner *r, struct run_line *line)
{
	struct job *j = kzalloc(sizeof(*j));

	if (!j)
		return NULL;
	j->line = *line;
	memset(line, 0, sizeof(*line));
	j->ctx.world = r->w;
	j->ctx.net = r->w->init_net;
	j->ctx.out = r->out;
	j->ctx.err = r->out;
	if (r->pipe_buf) {
		j->in_buf = r->pipe_buf;
		j->ctx.in = r->pipe_buf;
		j->ctx.in_len = r->pipe_len;
		r->pipe_buf = NULL;
		r->pipe_len = 0;
	}
	if (j->line.cmds[0].sep == SEP_PIPE) {
		j->ctx.out = open_memstream(&j->out_buf, &j->out_len);
		if (!j->ctx.out)
			j->ctx.out = r->out;
	}
	j->task = task_spawn(r->w, r->w->init_net, j->line.cmds[0].argv[0], job_main, j);
	if (!j->task) {
		if (j->ctx.out != r->out)
			fclose(j->ctx.out);
		free(j->out_buf);
		free(j->in_buf);
		run_line_free(&j->line);
		kfree(j);
		return NULL;
	}
	return j;
}

static void job_free(struct job *j)
{
	task_free(j->task);
	run_line_free(&j->line);
	free(j->in_buf);
	free(j->out_buf);
	free(j);
}

/* The left side of a pipe ended: its output waits for the right side. */
static void job_pipe_out(struct runner *r, struct job *j)
{
	if (!j->out_buf && j->ctx.out == r->out)
		return;
	fclose(j->ctx.out);
	j->ctx.out = r->out;
	free(r->pipe_buf);
	r->pipe_buf = j->out_buf;
	r->pipe_len = j->out_len;
	j->out_buf = NULL;
}

/* When a foreground command started now is interrupted (--timeout). */
static u64 runner_deadline(const struct runner *r)
{
	return r->opts.timeout_ns ? r->w->now + r->opts.timeout_ns : UINT64_MAX;
}

/* Run the loop until the job ends, interrupting it when it would never end
 * or at until. */
static int job_wait(struct runner *r, struct job *j, bool foreground, u64 until)
{
	struct world *w = r->w;
	int err = world_run(w, job_dead, j, until);

	if (err == -EDEADLK && foreground)
		fprintf(r->out, "skbox: %s:%d: '%s' would wait forever; interrupted\n",
			r->file, r->lineno, j->line.cmds[0].argv[0]);
	if (err) {
		task_signal(j->task, SIGINT);
		world_run(w, job_dead, j, UINT64_MAX);
	}
	/* an `ip monitor` it told something prints it before the next
	 * command, as a woken process does while bash prints its prompt */
	if (foreground)
		rtnl_run_listeners(w);
	return j->task->exit_code;
}

/* `wait` is a foreground command: --timeout bounds it too (`ping 10.0.0.1 &`
 * then `wait` ran the ping for ever), and the jobs still running then are
 * interrupted as at the end of the script. */
static void bg_wait_all(struct runner *r, bool interrupt)
{
	u64 until = runner_deadline(r);

	while (r->bg) {
		struct job *j = r->bg;

		r->bg = j->next;
		if (interrupt && j->task->state != TASK_DEAD)
			task_signal(j->task, SIGINT);
		job_wait(r, j, false, until);
		job_free(j);
	}
}

static bool is_assignment(const char *word)
{
	const char *eq = strchr(word, '=');

	if (!eq || eq == word)
		return false;
	for (const char *p = word; p < eq; p++)
		if (!(p == word ? (*p == '_' || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')) :
		      (*p == '_' || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
		       (*p >= '0' && *p <= '9'))))
			return false;
	return true;
}

/* Builtins of the shell itself: set, wait, exit, cd, assignments. */
static bool run_builtin(struct runner *r, struct run_cmd *c, int *status)
{
	const char *name = c->argv[0];

	if (!strcmp(name, "set")) {
		for (int i = 1; i < c->argc; i++) {
			if (!strcmp(c->argv[i], "-e"))
				r->errexit = true;
			else if (!strcmp(c->argv[i], "+e"))
				r->errexit = false;
		}
		*status = 0;
	} else if (!strcmp(name, "wait")) {
		bg_wait_all(r, false);
		*status = 0;
	} else if (!strcmp(name, "exit")) {
		*status = c->argc > 1 ? atoi(c->argv[1]) & 0xff : r->last_status;
		r->exited = true;
	} else if (c->argc == 1 && is_assignment(name)) {
		char *eq = strchr(c->argv[0], '=');

		*eq = 0;
		run_var_set(r, c->argv[0], eq + 1);
		*eq = '=';
		*status = 0;
	} else if (!strcmp(name, ":")) {
		*status = 0;
	} else {
		return false;
	}
	return true;
}

static const char *const unsupported_words[] = {
	"if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done",
	"case", "esac", "function", "{", "}", "[[", "]]", "select", "!", "coproc",
};

const char *run_unsupported_cmd(const struct run_cmd *c)
{
	for (size_t i = 0; i < sizeof(unsupported_words) / sizeof(unsupported_words[0]); i++)
		if (!strcmp(c->argv[0], unsupported_words[i]))
			return unsupported_words[i];
	if (c->argc >= 2 && !strcmp(c->argv[1], "()"))
		return "function definition";
	return NULL;
}

static int run_one(struct runner *r, struct run_line *line)
{
	struct run_cmd *c = &line->cmds[0];
	struct job *j;
	enum run_sep sep = c->sep;	/* job_start() takes (and clears) the line */
	int status;

	if (run_builtin(r, c, &status))
		return status;
	j = job_start(r, line);
	if (!j) {
		/* bash: the fork (a task and its stack) could not be made */
		fprintf(r->out, "skbox: fork: %s\n", strerror(ENOMEM));
		return 254;
	}
	if (sep == SEP_BG) {
		j->next = r->bg;
		r->bg = j;
		return 0;
	}
	status = job_wait(r, j, true, runner_deadline(r));
	if (sep == SEP_PIPE)
		job_pipe_out(r, j);
	job_free(j);
	return status;
}

/* A refused construct: say so with file and line; the script ends with 2
 * (an interactive shell carries on). */
static int refuse(struct runner *r, const char *what)
{
	fprintf(r->out, "skbox: %s:%d: unsupported shell construct: %s\n",
		r->file, r->lineno, what);
	r->last_status = 2;
	if (!r->interactive)
		r->exited = true;
	return 2;
}

/* Parse the whole line once before running any of it, so that a refused
 * construct anywhere stops the line before its first command runs.
 * Returns NULL, or the construct's name. */
static const char *run_check_line(struct runner *r, const char *p)
{
	while (*p) {
		struct run_line line;
		const char *what = NULL;

		if (run_parse_cmd(r, &p, &line, &what))
			return what;
		what = line.cmds[0].argc ? run_unsupported_cmd(&line.cmds[0]) : NULL;
		run_line_free(&line);
		if (what)
			return what;
	}
	return NULL;
}

/* Runs one logical line: commands joined by ; && || &, as bash does. */
int runner_line(struct runner *r, const char *text)
{
	const char *p = run_strip_prompt(text), *bad = run_check_line(r, p);
	bool skip = false;

	if (bad)
		return refuse(r, bad);
	while (*p && !r->exited) {
		struct run_line line;
		const char *what = NULL;
		enum run_sep sep;

		if (run_parse_cmd(r, &p, &line, &what))
			return refuse(r, what);
		if (!line.cmds[0].argc) {
			run_line_free(&line);
			continue;
		}
		sep = line.cmds[0].sep;
		if (!skip) {
			r->last_status = run_one(r, &line);
			/* set -e: not for a command followed by && or ||; the
			 * last command of such a list counts */
			if (r->errexit && r->last_status && sep != SEP_AND && sep != SEP_OR)
				r->exited = true;
		}
		run_line_free(&line);
		/* && runs the next on success, || on failure; a skipped command
		 * keeps the last status */
		skip = (sep == SEP_AND && r->last_status) || (sep == SEP_OR && !r->last_status);
	}
	return r->last_status;
}

int script_run_line(struct runner *r, const char *line)
{
	return runner_line(r, line);
}

void runner_init(struct runner *r, struct world *w, FILE *out, const struct run_opts *o)
{
	memset(r, 0, sizeof(*r));
	r->w = w;
	r->out = out;
	r->opts = *o;
	r->file = "-";
}

void runner_fini(struct runner *r)
{
	bg_wait_all(r, true);
	run_vars_free(r);
	free(r->pipe_buf);
	r->pipe_buf = NULL;
}

/* A logical line: physical lines joined at a trailing backslash. */
static char *read_logical(FILE *f, int *lineno)
{
	char *buf = NULL, *line = NULL;
	size_t len = 0, cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, f)) >= 0) {
		(*lineno)++;
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = 0;
		buf = realloc(buf, len + (size_t)n + 2);
		memcpy(buf + len, line, (size_t)n + 1);
		len += (size_t)n;
		if (n && line[n - 1] == '\\' && (n < 2 || line[n - 2] != '\\')) {
			buf[--len] = 0;
			continue;
		}
		break;
	}
	free(line);
	if (n < 0 && !buf)
		return NULL;
	return buf;
}

static bool blank_or_comment(const char *s)
{
	s += strspn(s, " \t");
	return !*s || *s == '#';
}

int script_run_file(struct world *w, const char *path, const struct run_opts *o, FILE *out)
{
	FILE *f = strcmp(path, "-") ? fopen(path, "r") : stdin;
	struct runner r;
	char *line;
	int lineno = 0;

	if (!f) {
		fprintf(stderr, "skbox: %s: %s\n", path, strerror(errno));
		return 127;
	}
	runner_init(&r, w, out, o);
	r.file = path;
	while (!r.exited && (line = read_logical(f, &lineno)) != NULL) {
		r.lineno = lineno;
		if (!blank_or_comment(line)) {
			const char *cmd = run_strip_prompt(line);

			if (o->echo)
				fprintf(out, "# %s\n", cmd);
			runner_line(&r, cmd);
			fflush(out);
		}
		free(line);
	}
	runner_fini(&r);
	if (f != stdin)
		fclose(f);
	return r.last_status;
}
