/* `seq [FIRST] LAST` (GNU coreutils): the integers from FIRST (1) to LAST,
 * one a line — test data of a known size for transfers (nc, curl).
 *
 * A command takes no virtual time and runs until it returns, so a count
 * without end (`seq 1e18`, which a real shell would ^C or time out) would hold
 * the world for ever and grow a captured output without bound (both found by
 * fuzz_script and fuzz_packetdrill).  skbox's seq prints at most SEQ_MAX
 * numbers; a longer range is an error, before anything is printed. */
#define SEQ_MAX (1L << 24)
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
	if (last < first)
		return 0;
	if ((unsigned long)last - (unsigned long)first >= SEQ_MAX) {
		fprintf(ctx->err, "seq: %ld to %ld: more than %ld numbers (skbox's limit)\n",
			first, last, SEQ_MAX);
		return 1;
	}
	for (long i = first;; i++) {	/* no i++ past LONG_MAX */
		fprintf(ctx->out, "%ld\n", i);
		if (i == last)
			return 0;
	}
}
