/* Fuzz target: the input is what iptables-restore reads on standard input
 * (tables, chain lines, rules, COMMIT), in a fresh world, then the rule set
 * is listed back with iptables-save -c and iptables -L -v.  A leak aborts. */
#include <stddef.h>
#include <stdint.h>
#include "skbox/cmd.h"
#include "fuzz_common.h"

static int run(struct world *w, const char *in, size_t len, int argc, char **argv)
{
	struct cmd_ctx ctx = { .world = w, .net = w->init_net, .out = fuzz_devnull(),
			       .err = fuzz_devnull(), .in = in, .in_len = len };

	return cmd_run(&ctx, argc, argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *restore[] = { "iptables-restore", "--noflush", NULL };
	char *save[] = { "iptables-save", "-c", NULL };
	char *list[] = { "iptables", "-t", "mangle", "-L", "-v", "-n", NULL };
	struct world *w;

	if (size > 65536)
		return 0;
	w = world_new(1);
	run(w, (const char *)data, size, 1, restore);
	run(w, (const char *)data, size, 2, restore);
	run(w, NULL, 0, 2, save);
	run(w, NULL, 0, 6, list);
	if (world_free(w, stderr))
		abort();
	return 0;
}
