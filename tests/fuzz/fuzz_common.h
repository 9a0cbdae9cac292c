/* Shared by the fuzz targets (tests/fuzz/fuzz_*.c): running command lines
 * in a world through the script runner, sockets in a namespace, running the
 * world for a while.  Harness code: findings abort(). */
#ifndef SKBOX_TESTS_FUZZ_COMMON_H
#define SKBOX_TESTS_FUZZ_COMMON_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include "skbox/socket.h"
#include "linux/sched.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "../../tools/skbox/run.h"

/* Every world a fuzz target frees, itself or through a tool (packetdrill),
 * must have freed everything: the targets link with --wrap=world_free, and
 * a leak is a finding. */
int __real_world_free(struct world *w, FILE *report);
int __wrap_world_free(struct world *w, FILE *report);
int __wrap_world_free(struct world *w, FILE *report)
{
	int leaks = __real_world_free(w, report);

	if (leaks)
		abort();
	return 0;
}

/* ASan fills every new block with 0xbe up to 4 KB: a third of fuzz_pcap's
 * and fuzz_packetdrill's time went to filling stdio and libpcap buffers.
 * 64 bytes still poison the headers of the structures.  Its quarantine
 * (256 MB) kept every freed block away from reuse, so a target that makes a
 * world per input faulted fresh pages in for each (page faults and memset
 * were a third of fuzz_script's and half of fuzz_restore's time): 32 MB
 * still holds a freed block for many inputs, far longer than one input
 * keeps a pointer.  ASAN_OPTIONS in the environment overrides this. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "max_malloc_fill_size=64:quarantine_size_mb=32";
}

/* Where the commands' output goes: a stream that discards what it is given
 * without a system call (the output is still formatted; /dev/null cost a
 * write() per command, nine per fuzz_script input). */
static ssize_t fuzz_discard(void *cookie, const char *buf, size_t len)
{
	(void)cookie;
	(void)buf;
	return (ssize_t)len;
}

static FILE *fuzz_devnull(void)
{
	static FILE *f;

	if (!f) {
		cookie_io_functions_t io = { .write = fuzz_discard };

		f = fopencookie(NULL, "w", io);
		if (!f)
			abort();
	}
	return f;
}

/* Files a target writes (the input as a file) or a command names stay in a
 * private directory made once per process, on tmpfs when there is one: an
 * ext4 file rewritten per input cost half of fuzz_pcap's time in writeback. */
static inline void fuzz_enter_private_dir(void)
{
	static bool done;
	char shm[] = "/dev/shm/skbox-fuzz-XXXXXX", tmp[] = "/tmp/skbox-fuzz-XXXXXX";

	if (done)
		return;
	done = true;
	if (mkdtemp(shm)) {
		if (chdir(shm))
			abort();
		return;
	}
	if (!mkdtemp(tmp) || chdir(tmp))
		abort();
}

/* One script line in w; its status. */
static inline int fuzz_sh(struct world *w, const char *line)
{
	struct run_opts o = { .echo = false, .timeout_ns = 2000000000ULL };
	struct runner r;
	int rc;

	runner_init(&r, w, fuzz_devnull(), &o);
	rc = runner_line(&r, line);
	runner_fini(&r);
	return rc;
}

static inline bool fuzz_never(void *arg)
{
	(void)arg;
	return false;
}

static inline void fuzz_run_for(struct world *w, unsigned long long ns)
{
	world_run(w, fuzz_never, NULL, w->now + ns);
}

/* Sockets are made in the namespace of the current task: pretend one runs in net. */
static inline int fuzz_socket_in(struct world *w, struct net *net, int type, int proto)
{
	struct task fake = { .net = net };
	struct task *saved = w->current;
	int fd;

	w->current = &fake;
	fd = skbox_socket(w, AF_INET, type | SOCK_NONBLOCK, proto);
	w->current = saved;
	return fd;
}

static inline int fuzz_udp_socket(struct world *w, struct net *net, int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((unsigned short)port) };
	int fd = fuzz_socket_in(w, net, SOCK_DGRAM, IPPROTO_UDP);

	if (fd < 0 || skbox_bind(w, fd, (struct sockaddr *)&a, sizeof(a)))
		abort();
	return fd;
}

static inline int fuzz_raw_socket(struct world *w, struct net *net)
{
	int fd = fuzz_socket_in(w, net, SOCK_RAW, IPPROTO_ICMP);

	if (fd < 0)
		abort();
	return fd;
}

static inline void fuzz_drain(struct world *w, int fd)
{
	char buf[2048];

	while (skbox_recv(w, fd, buf, sizeof(buf), MSG_DONTWAIT) > 0)
		;
}

static inline void fuzz_close(struct world *w, int fd)
{
	if (fd >= 0)
		skbox_close(w, fd);
}

#endif
