/* Fuzz target: pcap reading.  The input is a capture file, read with
 * `tcpdump -r -` from standard input (libpcap parses the file; skbox's
 * tcpdump decodes and prints every record) three ways: every decoder at
 * -vvv with the link layer (-e), the quiet one-line form (-q -t), and with
 * a filter expression (libpcap's BPF runs on each record first).  No
 * crash, no sanitizer report.  (The input was written to a file per input
 * and read back: from memory it is the same libpcap reader, fed by
 * fmemopen(), without three opens and a write per input.) */
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>
#include "skbox/cmd.h"
#include "fuzz_common.h"

static struct world *world;

static void world_done(void)
{
	world_free(world, stderr);
}

static void tcpdump(const uint8_t *data, size_t size, int argc, char **argv)
{
	struct cmd_ctx ctx = { .world = world, .net = world->init_net,
			       .out = fuzz_devnull(), .err = fuzz_devnull(),
			       .in = (const char *)data, .in_len = size };

	cmd_run(&ctx, argc, argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *verbose[] = { "tcpdump", "-r", "-", "-nn", "-e", "-vvv", NULL };
	char *quiet[] = { "tcpdump", "-r", "-", "-q", "-t", NULL };
	/* -n: ports as numbers (the quiet form names them) */
	char *filter[] = { "tcpdump", "-r", "-", "-v", "-n",
			   "tcp[13] & 2 != 0 or icmp or udp", NULL };

	if (size > 65536)
		return 0;
	if (!world) {
		world = world_new(1);
		atexit(world_done);
	}
	tcpdump(data, size, 6, verbose);
	tcpdump(data, size, 5, quiet);
	tcpdump(data, size, 6, filter);
	return 0;
}
