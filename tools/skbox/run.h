/* The script runner: a small, bash-compatible subset run in one world. */
#ifndef SKBOX_TOOLS_RUN_H
#define SKBOX_TOOLS_RUN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct world;

struct run_opts {
	bool echo;			/* print "# LINE" before each line's output */
	uint64_t timeout_ns;		/* ^C a foreground command (or wait) after this much virtual time */
};

/* Separators between commands on one line. */
enum run_sep {
	SEP_END,			/* end of line or ';' */
	SEP_AND,			/* && */
	SEP_OR,				/* || */
	SEP_BG,				/* & */
	SEP_PIPE,			/* | : the output feeds the next command's stdin */
};

#define RUN_MAX_WORDS 128
#define RUN_MAX_CMDS 32

struct run_cmd {
	int argc;
	char *argv[RUN_MAX_WORDS + 1];
	enum run_sep sep;		/* what follows this command */
};

/* run_parse_cmd() parses one command at a time (up to its separator):
 * cmds[0] only.  (It was cmds[RUN_MAX_CMDS]: 33 KB allocated and cleared
 * for every command a script ran.) */
struct run_line {
	int ncmds;
	struct run_cmd cmds[1];
	char *store;			/* the words live here */
	size_t used, cap;
};

struct run_vars;

struct runner {
	struct world *w;
	FILE *out;
	const char *file;
	int lineno;
	struct run_opts opts;
	int last_status;
	bool errexit;
	bool exited;			/* exit, set -e, or a refused construct */
	bool interactive;		/* the shell: a refused construct does not end it */
	struct run_vars *vars;
	void *bg;			/* background jobs */
	char *pipe_buf;			/* output of the command before '|' */
	size_t pipe_len;
};

/* Strip a pasted shell prompt ("[root@host ~]# ", "user@host:~$ "). */
const char *run_strip_prompt(const char *line);
/* Parse the next command of a line at *pp (words expanded now, so "$?"
 * sees the previous command's status) and advance *pp past its separator.
 * out->cmds[0] holds it (argc 0 when only blanks or a comment remained).
 * Returns 0, or -1 with *what naming the unsupported construct. */
int run_parse_cmd(struct runner *r, const char **pp, struct run_line *out,
		  const char **what);
void run_var_set(struct runner *r, const char *name, const char *value);
void run_vars_free(struct runner *r);
void run_line_free(struct run_line *l);
/* The reserved word or construct that starts c ("if", "for", a function
 * definition…), or NULL when c is a plain command. */
const char *run_unsupported_cmd(const struct run_cmd *c);

void runner_init(struct runner *r, struct world *w, FILE *out, const struct run_opts *o);
void runner_fini(struct runner *r);
/* Runs one logical line; returns its status (or 2 on a parse error). */
int runner_line(struct runner *r, const char *line);
/* The same, under the name the shell uses. */
int script_run_line(struct runner *r, const char *line);
/* Runs a whole file: one world, echo, set -e, exit; waits for background
 * jobs at the end (^C them, like the kernel-run tool). */
int script_run_file(struct world *w, const char *path, const struct run_opts *o, FILE *out);

#endif
