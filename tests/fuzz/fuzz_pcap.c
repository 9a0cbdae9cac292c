/* Fuzz target: pcap reading.  The input is a capture file, read with
 * `tcpdump -r` (libpcap parses the file; skbox's tcpdump decodes and prints
 * every record) three ways: every decoder at -vvv with the link layer (-e),
 * the quiet one-line form (-q -t), and with a filter expression (libpcap's
 * BPF runs on each record first).  No crash, no sanitizer report. */
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

static void tcpdump(int argc, char **argv)
{
	struct cmd_ctx ctx = { .world = world, .net = world->init_net,
			       .out = fuzz_devnull(), .err = fuzz_devnull() };

	cmd_run(&ctx, argc, argv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *verbose[] = { "tcpdump", "-r", "in.pcap", "-nn", "-e", "-vvv", NULL };
	char *quiet[] = { "tcpdump", "-r", "in.pcap", "-q", "-t", NULL };
	/* -n: getservbyport() reads /etc/services per port; the quiet form
	 * names ports, once per input is enough */
	char *filter[] = { "tcpdump", "-r", "in.pcap", "-v", "-n",
			   "tcp[13] & 2 != 0 or icmp or udp", NULL };
	FILE *f;

	if (size > 65536)
		return 0;
	fuzz_enter_private_dir();
	if (!world) {
		world = world_new(1);
		atexit(world_done);
	}
	f = fopen("in.pcap", "w");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f))
		abort();
	tcpdump(6, verbose);
	tcpdump(5, quiet);
	tcpdump(6, filter);
	return 0;
}
