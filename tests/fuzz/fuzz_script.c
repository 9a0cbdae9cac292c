/* Fuzz target: the input is a script (at most 64 lines of 512 bytes) run
 * line by line in a fresh world through the script runner, so every command
 * parser (ip, bridge, brctl, sysctl, iptables, tcpdump, nstat, trace, ...)
 * and the runner's own parser see it.  Each command gets at most 2 s of
 * virtual time.  The world must free everything it made (a leak aborts). */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>
#include "fuzz_common.h"

/* Files a command names stay in a private directory: lines with a '/' are
 * skipped, and the target runs in fuzz_enter_private_dir()'s directory. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct run_opts o = { .echo = false, .timeout_ns = 2000000000ULL };
	struct world *w;
	struct runner r;
	char line[513];
	int lines = 0;

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
