/* Fuzz target: the input is a script (at most 64 lines of 512 bytes) run
 * line by line in a fresh world through the script runner, so every command
 * parser (ip, bridge, brctl, sysctl, iptables, tcpdump, nstat, trace, ...)
 * and the runner's own parser see it.  Each command gets at most 2 s of
 * virtual time.  The world must free everything it made (a leak aborts).
 *
 * skbox's self-test commands (reuseport, v4mapped, tclass, pingsock: each a
 * fixed suite of sockets, 60-100 ms under ASan) run once an input: 3% of the
 * corpus repeated them line after line and took 73% of the target's time. */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>
#include "fuzz_common.h"

static const char *const self_tests[] = { "reuseport", "v4mapped", "tclass", "pingsock" };

/* A line naming a self-test that already ran in this input is skipped. */
static bool self_test_again(const char *line, unsigned int *ran)
{
	for (unsigned int i = 0; i < sizeof(self_tests) / sizeof(self_tests[0]); i++)
		if (strstr(line, self_tests[i])) {
			if (*ran & (1u << i))
				return true;
			*ran |= 1u << i;
		}
	return false;
}

/* Files a command names stay in a private directory: lines with a '/' are
 * skipped, and the target runs in fuzz_enter_private_dir()'s directory. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run_opts o = { .echo = false, .timeout_ns = 2000000000ULL };
	struct world *w;
	struct runner r;
	char line[513];
	int lines = 0;
	unsigned int ran = 0;

	if (size > 16384)
		return 0;
	fuzz_enter_private_dir();
	w = world_new(1);
	runner_init(&r, w, fuzz_devnull(), &o);
	while (size && lines++ < 64 && !r.exited) {
		size_t lim = size < sizeof(line) - 1 ? size : sizeof(line) - 1;
		const uint8_t *nl = memchr(data, '\n', lim);
		size_t n = nl ? (size_t)(nl - data) : lim;

		/* no NUL, no path (a byte loop here was 3% of the time) */
		if (!memchr(data, '\0', n) && !memchr(data, '/', n)) {
			memcpy(line, data, n);
			line[n] = '\0';
			if (!self_test_again(line, &ran))
				runner_line(&r, line);
		}
		data += n < size ? n + 1 : n;
		size -= n < size ? n + 1 : n;
	}
	runner_fini(&r);
	if (world_free(w, stderr))
		abort();
	return 0;
}
