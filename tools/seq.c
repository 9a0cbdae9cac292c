/* `seq [FIRST] LAST` (GNU coreutils): the integers from FIRST (1) to LAST,
 * one a line — test data of a known size for transfers (nc, curl). */
#include <stdio.h>
#include <stdlib.h>
#include "skbox/cmd.h"

static int seq_num(struct cmd_ctx *ctx, const char *s, long *v)
{
	char *end;

	*v = strtol(s, &end, 10);
	if (!*s || *end) {
		fprintf(ctx->err, "seq: invalid floating point argument: '%s'\n"
			"Try 'seq --help' for more information.\n", s);
		return -1;
	}
	return 0;
}

int do_seq(struct cmd_ctx *ctx, int argc, char **argv)
{
	long first = 1, last;

	if (argc < 2 || argc > 3) {
		fprintf(ctx->err, "seq: %s\nTry 'seq --help' for more information.\n",
			argc < 2 ? "missing operand" : "extra operand");
		return 1;
	}
	if ((argc == 3 && seq_num(ctx, argv[1], &first)) || seq_num(ctx, argv[argc - 1], &last))
		return 1;
	for (long i = first; i <= last; i++)
		fprintf(ctx->out, "%ld\n", i);
	return 0;
}
