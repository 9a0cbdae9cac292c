/* Fuzz target: the packetdrill script reader (tools/packetdrill/parse.c),
 * then, when the script parses and is short in virtual time, the script run
 * against skbox's TCP (`skbox packetdrill`): inbound packets built from
 * mutated options, sequence numbers and flags; system calls with mutated
 * arguments.  No crash, no sanitizer report, no leak (world_free aborts on
 * one: fuzz_common.h).
 *
 * The input is written to in.pkt in a private temporary directory.  Scripts
 * whose shell lines (`...`) could name a path ('/') are only parsed, and so
 * are those that run one of skbox's self-test commands (reuseport, v4mapped,
 * tclass, pingsock: each a suite of its own, a millisecond or more a call
 * under ASan).
 * Inputs repeating them took 98% of the target's time and held it at 150
 * executions a second; fuzz_script runs those commands. */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>
#include "../../tools/packetdrill/pd.h"
#include "fuzz_common.h"

#define MAX_RUN_NS (20LL * 1000000000LL)	/* scripts longer than 20 s are only parsed */

static const char *const self_tests[] = { "reuseport", "v4mapped", "tclass", "pingsock" };

static bool runs_self_test(const char *cmd)
{
	for (size_t i = 0; i < sizeof(self_tests) / sizeof(self_tests[0]); i++)
		if (strstr(cmd, self_tests[i]))
			return true;
	return false;
}

/* Worth running: short in time, shell lines name no file and no self-test. */
static bool runnable(const struct pd_script *s)
{
	for (int i = 0; i < s->nevents; i++) {
		const struct pd_event *ev = &s->events[i];

		if (ev->t > MAX_RUN_NS || ev->t_hi > MAX_RUN_NS || ev->t_end > MAX_RUN_NS)
			return false;
		if (ev->kind == EV_SHELL && ev->cmd &&
		    (strchr(ev->cmd, '/') || runs_self_test(ev->cmd)))
			return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* a shell line gets the 20 s a script gets: a `ping -i 0` without -c
	 * ran the default hour of virtual time, 360,000 packets, half a second */
	char *argv[] = { "packetdrill", "--shell_timeout_secs=20", "in.pkt", NULL };
	struct pd_script s;
	char err[512];
	FILE *f;
	bool run;

	if (size > 8192)
		return 0;
	fuzz_enter_private_dir();
	f = fopen("in.pkt", "w");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f))
		abort();
	if (pd_parse_file("in.pkt", &s, err, sizeof(err))) {
		pd_script_free(&s);
		return 0;
	}
	run = runnable(&s);
	pd_script_free(&s);
	if (run && packetdrill_main(3, argv) > 1)
		abort();
	return 0;
}
