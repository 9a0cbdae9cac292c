/* `trace on [FILTER]`, `trace off`: the packet trace from inside a script or
 * the shell.  FILTER is a pcap expression, as tcpdump takes it. */
#include <errno.h>
#include <string.h>
#include "net/trace.h"
#include "skbox/cmd.h"

int do_trace(struct cmd_ctx *ctx, int argc, char **argv)
{
	char filter[1024] = "", err[256];
	size_t used = 0;

	if (argc < 2 || (strcmp(argv[1], "on") && strcmp(argv[1], "off"))) {
		fprintf(ctx->err, "Usage: trace on [FILTER] | trace off\n");
		return 2;
	}
	if (!strcmp(argv[1], "off")) {
		trace_stop(ctx->world);
		return 0;
	}
	for (int i = 2; i < argc; i++) {
		int n = snprintf(filter + used, sizeof(filter) - used, "%s%s", i > 2 ? " " : "",
				 argv[i]);

		if (n < 0 || (size_t)n >= sizeof(filter) - used) {
			fprintf(ctx->err, "trace: filter too long\n");
			return 2;
		}
		used += (size_t)n;
	}
	if (trace_start(ctx->world, filter, ctx->out, err, sizeof(err))) {
		fprintf(ctx->err, "trace: bad filter '%s': %s\n", filter, err);
		return 1;
	}
	return 0;
}
