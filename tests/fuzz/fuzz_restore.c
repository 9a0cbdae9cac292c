/* Fuzz target: the input is what iptables-restore reads on standard input
 * (tables, chain lines, rules, COMMIT), plain and with --noflush, then the
 * rule set is listed back with iptables-save -c and iptables -L -v.
 *
 * One world serves many inputs (a world made and freed per input was a
 * quarter of the time): after each input a plain iptables-restore of the
 * four tables, empty, flushes every chain, deletes the user chains and sets
 * the policies and counters back, and iptables-save must then print exactly
 * those empty tables (an abort otherwise: a rule, chain or counter that a
 * flush left behind is a finding).  What stays between inputs: the tables
 * exist (a fresh world makes them on first use) and the namespace's
 * interned strings.  Every RESET_EVERY inputs, and at exit, the world is
 * freed and must have freed everything (a leak aborts: fuzz_common.h), so
 * an input whose rules leak is still found, RESET_EVERY inputs later. */
#include <stddef.h>
#include <stdint.h>
#include "skbox/cmd.h"
#include "fuzz_common.h"

#define RESET_EVERY 256

static struct world *world;
static unsigned int inputs;

static const char flush_all[] =
	"*mangle\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n"
	":OUTPUT ACCEPT [0:0]\n:POSTROUTING ACCEPT [0:0]\nCOMMIT\n"
	"*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n"
	"*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\nCOMMIT\n"
	"*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
	":POSTROUTING ACCEPT [0:0]\nCOMMIT\n";

static char *pristine;		/* iptables-save -c of flush_all in a fresh world */

static int run(FILE *out, const char *in, size_t len, int argc, char **argv)
{
	struct cmd_ctx ctx = { .world = world, .net = world->init_net, .out = out,
			       .err = fuzz_devnull(), .in = in, .in_len = len };

	return cmd_run(&ctx, argc, argv);
}

/* The rule set as iptables-save -c prints it (the caller frees it). */
static char *saved(void)
{
	char *save[] = { "iptables-save", "-c", NULL };
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	if (!f)
		abort();
	run(f, NULL, 0, 2, save);
	fclose(f);
	return buf;
}

static void flush(void)
{
	char *restore[] = { "iptables-restore", NULL };

	if (run(fuzz_devnull(), flush_all, sizeof(flush_all) - 1, 1, restore)) {
		struct cmd_ctx ctx = { .world = world, .net = world->init_net, .out = stderr,
				       .err = stderr, .in = flush_all,
				       .in_len = sizeof(flush_all) - 1 };

		fprintf(stderr, "fuzz_restore: the flush failed:\n");
		cmd_run(&ctx, 1, restore);
		abort();
	}
}

static void world_done(void)
{
	if (world)
		world_free(world, stderr);
	world = NULL;
	free(pristine);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *restore[] = { "iptables-restore", "--noflush", NULL };
	char *save[] = { "iptables-save", "-c", NULL };
	char *list[] = { "iptables", "-t", "mangle", "-L", "-v", "-n", NULL };
	char *now;

	if (size > 65536)
		return 0;
	if (world && ++inputs % RESET_EVERY == 0) {
		world_free(world, stderr);	/* aborts on a leak */
		world = NULL;
	}
	if (!world) {
		if (!pristine)
			atexit(world_done);
		world = world_new(1);
		if (!pristine) {
			flush();
			pristine = saved();
		}
	}
	run(fuzz_devnull(), (const char *)data, size, 1, restore);
	run(fuzz_devnull(), (const char *)data, size, 2, restore);
	run(fuzz_devnull(), NULL, 0, 2, save);
	run(fuzz_devnull(), NULL, 0, 6, list);
	flush();
	now = saved();
	if (strcmp(now, pristine)) {
		fprintf(stderr, "fuzz_restore: the flush left\n%s\ninstead of\n%s\n", now, pristine);
		abort();
	}
	free(now);
	return 0;
}
