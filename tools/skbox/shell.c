/* `skbox shell`: the same world interactively, with line editing and
 * history from libedit; without a terminal it reads lines from stdin. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <editline/readline.h>
#include "net/world.h"
#include "run.h"

int skbox_shell(struct world *w, const struct run_opts *o)
{
	struct runner r;
	bool tty = isatty(STDIN_FILENO);
	char *line = NULL;
	size_t cap = 0;
	int lineno = 0;

	runner_init(&r, w, stdout, o);
	r.file = "shell";
	r.interactive = true;
	while (!r.exited) {
		char *text;

		if (tty) {
			text = readline("skbox# ");
			if (!text)
				break;
			if (*text)
				add_history(text);
		} else {
			ssize_t n = getline(&line, &cap, stdin);

			if (n < 0)
				break;
			while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
				line[--n] = 0;
			text = line;
		}
		r.lineno = ++lineno;
		script_run_line(&r, text);
		fflush(stdout);
		if (tty)
			free(text);
	}
	free(line);
	runner_fini(&r);
	return r.last_status;
}
