/* The benchmark cases of `make bench` that run inside one skbox world
 * (tests/bench/run.sh runs them and the kernel's side, and writes
 * build/bench.json).  Each prints one line "KEY VALUE ..." for run.sh.
 *
 *   bench_suite bridge-udp N    N 64-byte UDP datagrams, socket to socket,
 *                               veth → bridge → veth (the seed topology)
 *   bench_suite bridge-udp-mt T N  the same in T worlds on T threads at once
 *   bench_suite forward-udp N   N frames through a router namespace's forwarding path
 *   bench_suite forward-udp-mt T N  the same in T worlds on T threads at once
 *   bench_suite forward-udp-sock N  N 64-byte UDP datagrams, socket to socket,
 *                               a → router namespace r → b (veth each side)
 *   bench_suite forward-udp-sock-mt T N  the same in T worlds on T threads at once
 *   bench_suite tcp-stream MB   one TCP flow over a veth pair, MB megabytes
 *   bench_suite tcp-stream MB tso-off|tso-off-gro   the same with the sender cutting
 *                               real segments, and the receiver merging them (GRO)
 *   bench_suite tcp-crr N       N connect/request/response/close over it
 *   bench_suite netns N         N namespaces, each a veth pair into one of 10
 *                               bridges, an address and a default route,
 *                               made with the `ip` command
 *   bench_suite sim-speed NS S  NS namespaces on one bridge, each pinging every
 *                               other once a second for S seconds of virtual time
 *                               (raw sockets with ping's ICMP_FILTER; add
 *                               "nofilter" for sockets that see every request) */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <poll.h>
#include <malloc.h>
#include <arpa/inet.h>
#include "net/icmp.h"
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "net/world.h"
#include "net/ip.h"
#include "linux/netdevice.h"
#include "net/net_namespace.h"
#include "linux/sched.h"
#include "net/tcp.h"

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU time of this thread: on a shared machine the wall clock also counts
 * the time other jobs had the core */
static double cpu_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long rss_kb(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long size = 0, res = 0;

	if (f) {
		if (fscanf(f, "%ld %ld", &size, &res) != 2)
			res = 0;
		fclose(f);
	}
	return res * 4;
}

/* Runs one command line (split on spaces) in net; aborts on failure. */
static void sh(struct world *w, struct net *net, const char *line)
{
	char buf[256], *argv[24], *save = NULL;
	int argc = 0;
	struct cmd_ctx ctx = { .world = w, .net = net, .out = stdout, .err = stderr };

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *t = strtok_r(buf, " ", &save); t && argc < 23; t = strtok_r(NULL, " ", &save))
		argv[argc++] = t;
	argv[argc] = NULL;
	if (cmd_run(&ctx, argc, argv)) {
		fprintf(stderr, "bench: failed: %s\n", line);
		exit(1);
	}
}

static void shf(struct world *w, struct net *net, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void shf(struct world *w, struct net *net, const char *fmt, ...)
{
	char line[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	sh(w, net, line);
}

static bool never(void *arg)
{
	(void)arg;
	return false;
}

static bool task_done(void *arg)
{
	return ((struct task *)arg)->state == TASK_DEAD;
}

/* ---- bridge-udp ---- */
struct udp_bench {
	struct world *w;
	const char *dst;		/* the receiver's address */
	long n, received;
	long out_of_order;		/* datagrams that came after a later one */
	u64 last_seq;
	bool sender_done;
	double t0, c0;			/* wall and thread CPU time when the counted flood starts */
};

static void seed_topology(struct world *w)
{
	static const char *const lines[] = {
		"ip link add name testbr type bridge",
		"ip link add name veth1 type veth peer name br-veth1",
		"ip link add name veth2 type veth peer name br-veth2",
		"ip netns add test1", "ip netns add test2",
		"ip link set netns test1 dev veth1", "ip link set netns test2 dev veth2",
		"ip link set master testbr dev br-veth1", "ip link set master testbr dev br-veth2",
		"ip netns exec test1 ip addr add 172.16.0.2/24 dev veth1",
		"ip netns exec test2 ip addr add 172.16.0.3/24 dev veth2",
		"ip netns exec test1 ip link set veth1 up", "ip netns exec test2 ip link set veth2 up",
		"ip link set br-veth1 up", "ip link set br-veth2 up", "ip link set testbr up",
	};

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		sh(w, w->init_net, lines[i]);
}

static int udp_sender(void *arg)
{
	struct udp_bench *b = arg;
	struct sockaddr_in dst = { .sin_family = AF_INET, .sin_port = htons(9000) };
	char payload[64] = "skbox";
	int fd = skbox_socket(b->w, AF_INET, SOCK_DGRAM, 0);

	inet_pton(AF_INET, b->dst, &dst.sin_addr);
	/* one datagram first, so that ARP is resolved before the count starts */
	skbox_sendto(b->w, fd, payload, sizeof(payload), 0, (struct sockaddr *)&dst, sizeof(dst));
	skbox_nanosleep(b->w, 10 * 1000 * 1000ULL);
	b->t0 = now_s();
	b->c0 = cpu_s();
	for (long sent = 0; sent < b->n; ) {
		/* a burst, then let the stack and the receiver run; each
		 * datagram carries its number, so the receiver sees the order */
		for (int i = 0; i < 64 && sent < b->n; i++, sent++) {
			u64 seq = (u64)sent + 1;

			memcpy(payload + 8, &seq, sizeof(seq));
			skbox_sendto(b->w, fd, payload, sizeof(payload), 0, (struct sockaddr *)&dst,
				     sizeof(dst));
		}
		skbox_nanosleep(b->w, 0);
	}
	b->sender_done = true;
	skbox_close(b->w, fd);
	return 0;
}

static int udp_receiver(void *arg)
{
	struct udp_bench *b = arg;
	struct sockaddr_in me = { .sin_family = AF_INET, .sin_port = htons(9000) };
	int fd = skbox_socket(b->w, AF_INET, SOCK_DGRAM, 0);
	int big = 8 << 20;
	char buf[256];

	skbox_setsockopt(b->w, fd, SOL_SOCKET, SO_RCVBUF, &big, sizeof(big));
	skbox_bind(b->w, fd, (struct sockaddr *)&me, sizeof(me));
	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };

		while (skbox_recv(b->w, fd, buf, sizeof(buf), MSG_DONTWAIT) > 0) {
			u64 seq;

			memcpy(&seq, buf + 8, sizeof(seq));
			if (seq && seq < b->last_seq)
				b->out_of_order++;
			else
				b->last_seq = seq;
			b->received++;
		}
		if (b->received >= b->n + 1)
			break;
		/* blocks until a datagram comes; 100 ms of quiet after the
		 * sender finished means the rest were dropped */
		if (skbox_poll(b->w, &pfd, 1, 100) == 0 && b->sender_done)
			break;
	}
	skbox_close(b->w, fd);
	return 0;
}

static void router_topology(struct world *w);

/* one bridge-udp world (routed: one forward-udp-sock world): returns the
 * seconds the datagrams took, sets *received (without the ARP warm-up),
 * *cpu (the thread's CPU seconds for them) and *leaks */
static double udp_world(bool routed, long n, long *received, long *out_of_order, double *cpu,
			int *leaks)
{
	struct world *w = world_new(1);
	struct udp_bench b = { .w = w, .n = n, .dst = routed ? "10.2.0.2" : "172.16.0.3" };
	struct task *rx, *tx;
	double dt;

	if (routed)
		router_topology(w);
	else
		seed_topology(w);
	rx = task_spawn(w, get_net_ns_by_name(w, routed ? "b" : "test2"), "rx", udp_receiver, &b);
	world_run(w, never, NULL, w->now + 1000);
	tx = task_spawn(w, get_net_ns_by_name(w, routed ? "a" : "test1"), "tx", udp_sender, &b);
	world_run(w, task_done, rx, UINT64_MAX);
	dt = now_s() - b.t0;
	*cpu = cpu_s() - b.c0;
	world_run(w, task_done, tx, UINT64_MAX);
	task_free(tx);
	task_free(rx);
	*received = b.received - 1;	/* the ARP warm-up */
	*out_of_order = b.out_of_order;
	*leaks = world_free(w, stderr);
	return dt;
}

static int bench_udp(bool routed, long n)
{
	long received, ooo;
	int leaks;
	double cpu, dt = udp_world(routed, n, &received, &ooo, &cpu, &leaks);

	/* pps_cpu: from the thread's CPU time (what other jobs take is left out) */
	printf("received %ld of %ld seconds %.3f pps %.0f cpu %.3f pps_cpu %.0f out_of_order %ld\n",
	       received, n, dt, (double)received / dt, cpu, (double)received / cpu, ooo);
	return leaks ? 1 : 0;
}

/* ---- bridge-udp on every core: one world per thread ----
 * A world runs on one thread; a machine's cores run independent worlds
 * (a topology split in shards, or many test worlds at once).  Nothing in
 * the library is shared between worlds, so they scale with the cores. */
struct udp_shard {
	pthread_t thread;
	bool routed;
	long n, received, out_of_order;
	int leaks;
	double dt, cpu;
};

static void *bridge_udp_shard(void *arg)
{
	struct udp_shard *sh = arg;

	sh->dt = udp_world(sh->routed, sh->n, &sh->received, &sh->out_of_order, &sh->cpu,
			   &sh->leaks);
	return NULL;
}

static int bench_udp_mt(bool routed, int threads, long n)
{
	struct udp_shard *sh = calloc((size_t)threads, sizeof(*sh));
	long received = 0, ooo = 0;
	int leaks = 0;
	double t0 = now_s(), dt;

	for (int i = 0; i < threads; i++) {
		sh[i].n = n;
		sh[i].routed = routed;
		pthread_create(&sh[i].thread, NULL, bridge_udp_shard, &sh[i]);
	}
	for (int i = 0; i < threads; i++) {
		pthread_join(sh[i].thread, NULL);
		received += sh[i].received;
		ooo += sh[i].out_of_order;
		leaks += sh[i].leaks;
	}
	dt = now_s() - t0;
	printf("threads %d received %ld of %ld seconds %.3f pps %.0f out_of_order %ld\n", threads,
	       received, n * threads, dt, (double)received / dt, ooo);
	free(sh);
	return leaks ? 1 : 0;
}

/* ---- forward-udp: the forwarding path of a router namespace ---- */
static void router_topology(struct world *w)
{
	static const char *const lines[] = {
		"ip netns add r", "ip netns add a", "ip netns add b",
		"ip link add ra netns r type veth peer name eth0 netns a",
		"ip link add rb netns r type veth peer name eth0 netns b",
		"ip -n r addr add 10.1.0.1/24 dev ra", "ip -n r addr add 10.2.0.1/24 dev rb",
		"ip -n r link set ra up", "ip -n r link set rb up",
		"ip -n a addr add 10.1.0.2/24 dev eth0", "ip -n a link set eth0 up",
		"ip -n a route add default via 10.1.0.1",
		"ip -n b addr add 10.2.0.2/24 dev eth0", "ip -n b link set eth0 up",
		"ip -n b route add default via 10.2.0.1",
		"ip netns exec r sysctl -q -w net.ipv4.ip_forward=1",
	};

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		sh(w, w->init_net, lines[i]);
}

/* 64-byte UDP datagrams (106-byte frames) from a to 10.2.0.9, built once
 * and injected on a's eth0: r forwards them out of rb to a neighbour whose
 * MAC is not b's, so b drops them at once as PACKET_OTHERHOST.  Counts what
 * leaves rb. */
struct fwd_run {
	pthread_t thread;
	long n;
	u64 forwarded;
	double dt, dc;			/* wall and thread CPU seconds of the flood */
	int leaks;
};

/* a veth counts what it sent in its private part: dev_get_stats() */
static u64 dev_tx_packets(struct net_device *dev)
{
	struct rtnl_link_stats64 s;

	dev_get_stats(dev, &s);
	return s.tx_packets;
}

static void *forward_world(void *arg)
{
	struct fwd_run *run = arg;
	long n = run->n;
	struct world *w = world_new(1);
	struct net *a, *r;
	struct net_device *in, *out;
	u8 frame[14 + 20 + 8 + 64] = { 0 };
	struct iphdr *iph = (struct iphdr *)(frame + 14);
	double t0, c0;
	u64 tx0;

	router_topology(w);
	sh(w, w->init_net, "ip -n r neigh add 10.2.0.9 lladdr 02:00:00:00:00:99 dev rb");
	a = get_net_ns_by_name(w, "a");
	r = get_net_ns_by_name(w, "r");
	in = __dev_get_by_name(a, "eth0");
	out = __dev_get_by_name(r, "rb");
	memcpy(frame, in->netdev_ops->ndo_get_peer(in)->dev_addr, 6);
	memcpy(frame + 6, in->dev_addr, 6);
	frame[12] = 0x08;
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 64;
	iph->protocol = IPPROTO_UDP;
	iph->tot_len = htons(20 + 8 + 64);
	inet_pton(AF_INET, "10.1.0.2", &iph->saddr);
	inet_pton(AF_INET, "10.2.0.9", &iph->daddr);
	ip_send_check(iph);
	frame[14 + 20 + 1] = 9;			/* UDP ports 9 -> 9, no checksum */
	frame[14 + 20 + 3] = 9;
	frame[14 + 20 + 5] = 72;
	tx0 = dev_tx_packets(out);
	t0 = now_s();
	c0 = cpu_s();
	for (long i = 0; i < n; i += 64) {
		for (long j = i; j < i + 64 && j < n; j++) {
			struct sk_buff *skb = alloc_skb(&w->skb_pool, NET_SKB_PAD + 2 + sizeof(frame));

			skb_reserve(skb, NET_SKB_PAD + 2);
			skb_put_data(skb, frame, sizeof(frame));
			skb->dev = in;
			dev_queue_xmit(skb);
		}
		world_run(w, never, NULL, w->now);
	}
	run->dt = now_s() - t0;
	run->dc = cpu_s() - c0;
	run->forwarded = dev_tx_packets(out) - tx0;
	run->leaks = world_free(w, stderr);
	return NULL;
}

static int bench_forward(long n)
{
	struct fwd_run run = { .n = n };

	forward_world(&run);
	/* pps_cpu: from the thread's CPU time (what other jobs take is left out) */
	printf("forwarded %llu of %ld seconds %.3f pps %.0f cpu %.3f pps_cpu %.0f\n",
	       (unsigned long long)run.forwarded, n, run.dt, (double)run.forwarded / run.dt,
	       run.dc, (double)run.forwarded / run.dc);
	return run.leaks ? 1 : 0;
}

/* forward-udp on T threads, one world each (a router per core, sharing
 * nothing): the per-core rates and the all-core one (all frames over the
 * wall time from the first start to the last end) */
static int bench_forward_mt(int threads, long n)
{
	struct fwd_run *runs = calloc((size_t)threads, sizeof(*runs));
	u64 forwarded = 0;
	int leaks = 0;
	double t0 = now_s(), dt;

	for (int i = 0; i < threads; i++) {
		runs[i].n = n;
		pthread_create(&runs[i].thread, NULL, forward_world, &runs[i]);
	}
	for (int i = 0; i < threads; i++) {
		pthread_join(runs[i].thread, NULL);
		forwarded += runs[i].forwarded;
		leaks += runs[i].leaks;
	}
	dt = now_s() - t0;
	printf("threads %d forwarded %llu of %ld seconds %.3f pps %.0f per_core", threads,
	       (unsigned long long)forwarded, n * threads, dt, (double)forwarded / dt);
	for (int i = 0; i < threads; i++)
		printf("%c%.0f", i ? ',' : ' ', (double)runs[i].forwarded / runs[i].dt);
	printf(" per_core_cpu");
	for (int i = 0; i < threads; i++)
		printf("%c%.0f", i ? ',' : ' ', (double)runs[i].forwarded / runs[i].dc);
	printf("\n");
	free(runs);
	return leaks ? 1 : 0;
}

/* ---- tcp-stream and tcp-crr: TCP over a veth pair between two namespaces ---- */
struct tcp_bench {
	struct world *w;
	long long bytes;		/* stream: to send */
	long n;				/* crr: transactions */
	long long got;
	long done;
	double t0, t1;
};

static void pair_topology(struct world *w)
{
	static const char *const lines[] = {
		"ip netns add t1", "ip netns add t2",
		"ip link add veth1 netns t1 type veth peer name veth2 netns t2",
		"ip -n t1 addr add 10.9.0.1/24 dev veth1", "ip -n t2 addr add 10.9.0.2/24 dev veth2",
		"ip -n t1 link set veth1 up", "ip -n t2 link set veth2 up",
		"ip -n t1 link set lo up", "ip -n t2 link set lo up",
	};

	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		sh(w, w->init_net, lines[i]);
}

static int tcp_listener(struct world *w)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(9000) };
	int fd = skbox_socket(w, AF_INET, SOCK_STREAM, 0), one = 1;

	skbox_setsockopt(w, fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (skbox_bind(w, fd, (struct sockaddr *)&a, sizeof(a)) || skbox_listen(w, fd, 1024))
		abort();
	return fd;
}

static int tcp_dial(struct world *w)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(9000) };
	int fd = skbox_socket(w, AF_INET, SOCK_STREAM, 0);

	inet_pton(AF_INET, "10.9.0.2", &a.sin_addr);
	if (fd < 0 || skbox_connect(w, fd, (struct sockaddr *)&a, sizeof(a)))
		abort();
	return fd;
}

static int stream_server(void *arg)
{
	struct tcp_bench *b = arg;
	static char buf[65536];
	int l = tcp_listener(b->w), c = skbox_accept(b->w, l, NULL, NULL);
	ssize_t k;

	while ((k = skbox_recv(b->w, c, buf, sizeof(buf), 0)) > 0)
		b->got += k;
	if (getenv("BENCH_DEBUG")) {
		int v = 0;
		socklen_t l = sizeof(v);

		skbox_getsockopt(b->w, c, SOL_SOCKET, SO_RCVBUF, &v, &l);
		fprintf(stderr, "server rcvbuf %d now %.6f s\n", v, (double)b->w->now / 1e9);
	}
	skbox_close(b->w, c);
	skbox_close(b->w, l);
	return 0;
}

static int stream_client(void *arg)
{
	struct tcp_bench *b = arg;
	static char buf[65536];
	int fd = tcp_dial(b->w);

	b->t0 = now_s();
	for (long long sent = 0; sent < b->bytes;) {
		ssize_t k = skbox_send(b->w, fd, buf, sizeof(buf), 0);

		if (k <= 0)
			abort();
		sent += k;
	}
	if (getenv("BENCH_DEBUG")) {
		int v = 0;
		socklen_t l = sizeof(v);

		skbox_getsockopt(b->w, fd, SOL_SOCKET, SO_SNDBUF, &v, &l);
		fprintf(stderr, "client sndbuf %d\n", v);
	}
	skbox_shutdown(b->w, fd, SHUT_WR);
	while (skbox_recv(b->w, fd, buf, sizeof(buf), 0) > 0)
		;
	b->t1 = now_s();
	skbox_close(b->w, fd);
	return 0;
}

static int crr_server(void *arg)
{
	struct tcp_bench *b = arg;
	int l = tcp_listener(b->w);
	char c1;

	for (long i = 0; i < b->n; i++) {
		int c = skbox_accept(b->w, l, NULL, NULL);

		if (c < 0)
			abort();
		if (skbox_recv(b->w, c, &c1, 1, 0) == 1)
			skbox_send(b->w, c, &c1, 1, 0);
		skbox_close(b->w, c);
	}
	skbox_close(b->w, l);
	return 0;
}

static int crr_client(void *arg)
{
	struct tcp_bench *b = arg;
	char c1 = 'x';

	b->t0 = now_s();
	for (long i = 0; i < b->n; i++) {
		int fd = tcp_dial(b->w);

		if (skbox_send(b->w, fd, &c1, 1, 0) != 1 || skbox_recv(b->w, fd, &c1, 1, 0) != 1)
			abort();
		skbox_close(b->w, fd);
		b->done++;
	}
	b->t1 = now_s();
	return 0;
}

/* offload: NULL (the defaults: TSO on, GRO off, as veth on Linux), "tso-off"
 * (the sender cuts real segments), "tso-off-gro" (and the receiver merges them) */
static int bench_tcp(bool stream, long long amount, const char *offload)
{
	struct world *w = world_new(1);
	struct tcp_bench b = { .w = w, .bytes = amount << 20, .n = (long)amount };
	struct task *srv, *cli;

	pair_topology(w);
	if (offload && !strncmp(offload, "tso-off", 7))
		sh(w, w->init_net, "ip netns exec t1 ethtool -K veth1 tso off gso off");
	if (offload && !strcmp(offload, "tso-off-gro"))
		sh(w, w->init_net, "ip netns exec t2 ethtool -K veth2 gro on");
	srv = task_spawn(w, get_net_ns_by_name(w, "t2"), "server",
			 stream ? stream_server : crr_server, &b);
	world_run(w, never, NULL, w->now + 1000);
	cli = task_spawn(w, get_net_ns_by_name(w, "t1"), "client",
			 stream ? stream_client : crr_client, &b);
	world_run(w, task_done, cli, UINT64_MAX);
	world_run(w, task_done, srv, UINT64_MAX);
	task_free(cli);
	task_free(srv);
	if (getenv("BENCH_DEBUG")) {
		struct net *n1 = get_net_ns_by_name(w, "t1"), *n2 = get_net_ns_by_name(w, "t2");
		fprintf(stderr, "t1 out %llu retrans %llu timeouts %llu; t2 out %llu\n",
			(unsigned long long)n1->mib.tcp[TCP_MIB_OUTSEGS],
			(unsigned long long)n1->mib.tcp[TCP_MIB_RETRANSSEGS],
			(unsigned long long)n1->mib.linux_mib[LINUX_MIB_TCPTIMEOUTS],
			(unsigned long long)n2->mib.tcp[TCP_MIB_OUTSEGS]);
	}
	if (stream)
		printf("bytes %lld seconds %.3f gbps %.3f\n", b.got, b.t1 - b.t0,
		       (double)b.got * 8 / (b.t1 - b.t0) / 1e9);
	else
		printf("transactions %ld seconds %.3f tps %.0f\n", b.done, b.t1 - b.t0,
		       (double)b.done / (b.t1 - b.t0));
	return world_free(w, stderr) ? 1 : 0;
}

/* ---- tcp-lossy: MB through netem loss/duplicate/reorder both ways, every
 * byte checked against the pattern it was sent with ---- */
struct lossy {
	struct world *w;
	long long bytes, got, bad;
	const char *ca;
};

static u8 lossy_pattern(long long i)
{
	return (u8)((i * 131 + (i >> 13)) & 0xff);
}

static int lossy_server(void *arg)
{
	struct lossy *b = arg;
	static u8 buf[65536];
	int l = tcp_listener(b->w), c = skbox_accept(b->w, l, NULL, NULL);
	ssize_t k;

	while ((k = skbox_recv(b->w, c, buf, sizeof(buf), 0)) > 0) {
		for (ssize_t i = 0; i < k; i++)
			b->bad += buf[i] != lossy_pattern(b->got + i);
		b->got += k;
	}
	skbox_close(b->w, c);
	skbox_close(b->w, l);
	return 0;
}

static int lossy_client(void *arg)
{
	struct lossy *b = arg;
	static u8 buf[65536];
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(9000) };
	int fd = skbox_socket(b->w, AF_INET, SOCK_STREAM, 0);

	skbox_setsockopt(b->w, fd, IPPROTO_TCP, TCP_CONGESTION, b->ca, strlen(b->ca));
	inet_pton(AF_INET, "10.9.0.2", &a.sin_addr);
	if (skbox_connect(b->w, fd, (struct sockaddr *)&a, sizeof(a)))
		abort();
	for (long long sent = 0; sent < b->bytes;) {
		size_t n = sizeof(buf);
		ssize_t k;

		if ((long long)n > b->bytes - sent)
			n = (size_t)(b->bytes - sent);
		for (size_t i = 0; i < n; i++)
			buf[i] = lossy_pattern(sent + (long long)i);
		k = skbox_send(b->w, fd, buf, n, 0);
		if (k <= 0)
			abort();
		sent += k;
	}
	skbox_close(b->w, fd);
	return 0;
}

static int bench_tcp_lossy(long long mb, const char *ca)
{
	struct world *w = world_new(1);
	struct lossy b = { .w = w, .bytes = mb << 20, .ca = ca };
	struct task *srv, *cli;
	u64 v0;
	double t0;

	pair_topology(w);
	sh(w, get_net_ns_by_name(w, "t1"),
	   "tc qdisc add dev veth1 root netem delay 5ms loss 10% duplicate 5% reorder 25% 50%");
	sh(w, get_net_ns_by_name(w, "t2"),
	   "tc qdisc add dev veth2 root netem delay 5ms loss 10% duplicate 5% reorder 25% 50%");
	srv = task_spawn(w, get_net_ns_by_name(w, "t2"), "server", lossy_server, &b);
	world_run(w, never, NULL, w->now + 1000);
	v0 = w->now;
	t0 = now_s();
	cli = task_spawn(w, get_net_ns_by_name(w, "t1"), "client", lossy_client, &b);
	world_run(w, task_done, srv, UINT64_MAX);
	world_run(w, task_done, cli, UINT64_MAX);
	task_free(cli);
	task_free(srv);
	printf("ca %s bytes %lld of %lld bad %lld retrans %llu virtual %.1f wall %.3f\n", ca, b.got,
	       b.bytes, b.bad,
	       (unsigned long long)get_net_ns_by_name(w, "t1")->mib.tcp[TCP_MIB_RETRANSSEGS],
	       (double)(w->now - v0) / 1e9, now_s() - t0);
	if (b.got != b.bytes || b.bad)
		return 1;
	return world_free(w, stderr) ? 1 : 0;
}

/* ---- tcp-idle: heap bytes per idle established connection (each end of
 * N connections between two namespaces counts as one), from mallinfo2 ---- */
struct idle {
	struct world *w;
	long n;
	int *fds;
	bool hold;
};

static int idle_server(void *arg)
{
	struct idle *b = arg;
	int l = tcp_listener(b->w);

	for (long i = 0; i < b->n; i++)
		b->fds[b->n + i] = skbox_accept(b->w, l, NULL, NULL);
	skbox_close(b->w, l);
	return 0;
}

static int idle_client(void *arg)
{
	struct idle *b = arg;

	for (long i = 0; i < b->n; i++)
		b->fds[i] = tcp_dial(b->w);
	return 0;
}

static int bench_tcp_idle(long n)
{
	struct world *w = world_new(1);
	struct idle b = { .w = w, .n = n, .fds = calloc((size_t)(2 * n), sizeof(int)) };
	struct task *srv, *cli;
	size_t m0, m1;

	pair_topology(w);
	/* one connection first so that routes, neighbours and pools exist */
	srv = task_spawn(w, get_net_ns_by_name(w, "t2"), "server", idle_server, &b);
	world_run(w, never, NULL, w->now + 1000);
	m0 = mallinfo2().uordblks;
	cli = task_spawn(w, get_net_ns_by_name(w, "t1"), "client", idle_client, &b);
	world_run(w, task_done, cli, UINT64_MAX);
	world_run(w, task_done, srv, UINT64_MAX);
	world_run(w, never, NULL, w->now + NSEC_PER_SEC);	/* delayed ACKs go */
	m1 = mallinfo2().uordblks;
	printf("connections %ld bytes_per_connection %.0f tcp_sock %zu\n", n,
	       (double)(m1 - m0) / (double)(2 * n), sizeof(struct tcp_sock));
	task_free(cli);
	task_free(srv);
	for (long i = 0; i < 2 * n; i++)
		skbox_close(w, b.fds[i]);
	free(b.fds);
	world_run(w, never, NULL, w->now + 121 * NSEC_PER_SEC);
	return world_free(w, stderr) ? 1 : 0;
}

/* ---- rules: a kube-proxy-shaped rule set in a router's FORWARD path ---- */
/* kube-proxy's rules for n services, in the filter table (DNAT as ACCEPT)
 * and in the nat table (kube_nat_rules): KUBE-SERVICES with one rule per
 * service VIP, a KUBE-SVC chain per service choosing between two endpoints
 * with -m statistic, a KUBE-SEP chain per endpoint.  About 8 rules a
 * service in each table.  The packets of the run are one UDP flow: the
 * first walks the nat table, the rest follow its conntrack entry. */
/* The nat table of the same services, as kube-proxy writes it: KUBE-SERVICES
 * from PREROUTING, a KUBE-SVC per service, a KUBE-SEP per endpoint with
 * KUBE-MARK-MASQ and DNAT, MASQUERADE of marked packets in POSTROUTING. */
static void kube_nat_rules(FILE *f, long n)
{
	fprintf(f, "*nat\n:PREROUTING ACCEPT [0:0]\n:INPUT ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
		   ":POSTROUTING ACCEPT [0:0]\n:KUBE-SERVICES - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n"
		   ":KUBE-POSTROUTING - [0:0]\n");
	for (long i = 0; i < n; i++)
		fprintf(f, ":KUBE-SVC-%06ld - [0:0]\n:KUBE-SEP-%06ld-A - [0:0]\n"
			   ":KUBE-SEP-%06ld-B - [0:0]\n", i, i, i);
	fprintf(f, "-A PREROUTING -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n"
		   "-A POSTROUTING -m comment --comment \"kubernetes postrouting rules\" -j KUBE-POSTROUTING\n"
		   "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n"
		   "-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN\n"
		   "-A KUBE-POSTROUTING -j MARK --set-xmark 0x4000/0x0\n"
		   "-A KUBE-POSTROUTING -j MASQUERADE\n");
	for (long i = 0; i < n; i++) {
		int a = (int)(i / 250), b = (int)(i % 250 + 1);

		fprintf(f, "-A KUBE-SERVICES -d 10.96.%d.%d/32 -p udp -m comment --comment "
			   "\"default/svc%ld:dns cluster IP\" -m udp --dport 53 -j KUBE-SVC-%06ld\n",
			a, b, i, i);
		fprintf(f, "-A KUBE-SVC-%06ld -m statistic --mode random --probability 0.5 "
			   "-j KUBE-SEP-%06ld-A\n-A KUBE-SVC-%06ld -j KUBE-SEP-%06ld-B\n", i, i, i, i);
		for (int e = 0; e < 2; e++)
			fprintf(f, "-A KUBE-SEP-%06ld-%c -s 10.244.%d.%d/32 -j KUBE-MARK-MASQ\n"
				   "-A KUBE-SEP-%06ld-%c -p udp -j DNAT --to-destination 10.244.%d.%d:53\n",
				i, 'A' + e, a, b, i, 'A' + e, a + 100 * e, b);
	}
	fprintf(f, "COMMIT\n");
}

static char *kube_rules(long n, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	fprintf(f, "*filter\n:INPUT ACCEPT [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n"
		   ":KUBE-SERVICES - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n");
	for (long i = 0; i < n; i++)
		fprintf(f, ":KUBE-SVC-%06ld - [0:0]\n:KUBE-SEP-%06ld-A - [0:0]\n"
			   ":KUBE-SEP-%06ld-B - [0:0]\n", i, i, i);
	fprintf(f, "-A FORWARD -m comment --comment \"kubernetes service portals\" -j KUBE-SERVICES\n"
		   "-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n");
	for (long i = 0; i < n; i++) {
		int a = (int)(i / 250), b = (int)(i % 250 + 1);

		fprintf(f, "-A KUBE-SERVICES -d 10.96.%d.%d/32 -p udp -m comment --comment "
			   "\"default/svc%ld:dns cluster IP\" -m udp --dport 53 -j KUBE-SVC-%06ld\n",
			a, b, i, i);
		fprintf(f, "-A KUBE-SVC-%06ld -m statistic --mode random --probability 0.5 "
			   "-j KUBE-SEP-%06ld-A\n-A KUBE-SVC-%06ld -j KUBE-SEP-%06ld-B\n", i, i, i, i);
		for (int e = 0; e < 2; e++)
			fprintf(f, "-A KUBE-SEP-%06ld-%c -s 10.244.%d.%d/32 -j KUBE-MARK-MASQ\n"
				   "-A KUBE-SEP-%06ld-%c -p udp -j ACCEPT\n", i, 'A' + e, a, b, i, 'A' + e);
	}
	fprintf(f, "COMMIT\n");
	kube_nat_rules(f, n);
	fclose(f);
	return buf;
}

/* new: every packet opens a new connection (its own source address and port),
 * so each walks the nat table's KUBE-SERVICES chain, as a new connection does */
static int bench_rules(long n, long packets, bool new_conns)
{
	struct world *w = world_new(1);
	struct net *r;
	size_t len;
	char *rules = kube_rules(n, &len);
	char *argv[] = { "iptables-restore", NULL };
	struct cmd_ctx ctx = { .world = w, .out = stdout, .err = stderr, .in = rules, .in_len = len };
	struct net_device *in, *out;
	u8 frame[14 + 20 + 8 + 64] = { 0 };
	struct iphdr *iph = (struct iphdr *)(frame + 14);
	double t0, load, dt;
	u64 tx0;

	router_topology(w);
	sh(w, w->init_net, "ip -n r route add 10.96.0.0/16 via 10.2.0.9");
	sh(w, w->init_net, "ip -n r route add 10.244.0.0/16 via 10.2.0.9");
	sh(w, w->init_net, "ip -n r neigh add 10.2.0.9 lladdr 02:00:00:00:00:99 dev rb");
	r = get_net_ns_by_name(w, "r");
	ctx.net = r;
	t0 = now_s();
	if (cmd_run(&ctx, 1, argv))
		abort();
	load = now_s() - t0;
	free(rules);
	in = __dev_get_by_name(get_net_ns_by_name(w, "a"), "eth0");
	out = __dev_get_by_name(r, "rb");
	memcpy(frame, in->netdev_ops->ndo_get_peer(in)->dev_addr, 6);
	memcpy(frame + 6, in->dev_addr, 6);
	frame[12] = 0x08;
	iph->version = 4;
	iph->ihl = 5;
	iph->ttl = 64;
	iph->protocol = IPPROTO_UDP;
	iph->tot_len = htons(20 + 8 + 64);
	inet_pton(AF_INET, "10.1.0.2", &iph->saddr);
	/* the last service: the worst case for a rule-by-rule walk */
	iph->daddr = htonl(0x0a600000u | (u32)((n - 1) / 250) << 8 | (u32)((n - 1) % 250 + 1));
	ip_send_check(iph);
	frame[14 + 20 + 1] = 53;
	frame[14 + 20 + 3] = 53;
	frame[14 + 20 + 5] = 72;
	tx0 = dev_tx_packets(out);
	t0 = now_s();
	for (long i = 0; i < packets; i += 64) {
		for (long j = i; j < i + 64 && j < packets; j++) {
			struct sk_buff *skb = alloc_skb(&w->skb_pool, NET_SKB_PAD + 2 + sizeof(frame));

			if (new_conns) {
				u16 sport = (u16)(1024 + j % 60000);

				iph->saddr = htonl(0x0a010002u + (u32)(j / 60000));
				iph->check = 0;
				ip_send_check(iph);
				frame[14 + 20] = (u8)(sport >> 8);
				frame[14 + 20 + 1] = (u8)sport;
			}
			skb_reserve(skb, NET_SKB_PAD + 2);
			skb_put_data(skb, frame, sizeof(frame));
			skb->dev = in;
			dev_queue_xmit(skb);
		}
		world_run(w, never, NULL, w->now);
	}
	dt = now_s() - t0;
	printf("services %ld%s load_seconds %.3f forwarded %llu pps %.0f\n", n,
	       new_conns ? " new_connections" : "", load,
	       (unsigned long long)(dev_tx_packets(out) - tx0),
	       (double)(dev_tx_packets(out) - tx0) / dt);
	return world_free(w, stderr) ? 1 : 0;
}

/* ---- netns: N namespaces, each a veth into one of 10 bridges ---- */
static int bench_netns(long n)
{
	struct world *w = world_new(1);
	long rss0 = rss_kb();
	double t0 = now_s(), dt;
	struct net *root = w->init_net;

	for (int b = 0; b < 10; b++) {
		shf(w, root, "ip link add name br%d type bridge", b);
		shf(w, root, "ip addr add 10.%d.0.1/16 dev br%d", b, b);
		shf(w, root, "ip link set br%d up", b);
	}
	for (long i = 0; i < n; i++) {
		int b = (int)(i % 10);
		long k = i / 10 + 2;
		char name[24];
		struct net *ns;

		snprintf(name, sizeof(name), "n%ld", i);
		shf(w, root, "ip netns add %s", name);
		shf(w, root, "ip link add name h%ld type veth peer name eth0 netns %s", i, name);
		shf(w, root, "ip link set h%ld master br%d up", i, b);
		ns = get_net_ns_by_name(w, name);
		shf(w, ns, "ip addr add 10.%d.%ld.%ld/16 dev eth0", b, k / 250, k % 250 + 2);
		sh(w, ns, "ip link set eth0 up");
		sh(w, ns, "ip link set lo up");
		shf(w, ns, "ip route add default via 10.%d.0.1", b);
	}
	dt = now_s() - t0;
	printf("namespaces %ld seconds %.3f rss_mb %.1f\n", n, dt, (double)(rss_kb() - rss0) / 1024);
	return world_free(w, stderr) ? 1 : 0;
}

/* ---- sim-speed: everyone pings everyone once a second ---- */
struct sim {
	struct world *w;
	int n;
	int seconds;
	bool nofilter;		/* "nofilter": every echo request reaches every socket */
	long replies;
};

struct pinger {
	struct sim *s;
	int idx;
};

static void icmp_fill(unsigned char *pkt, size_t len, u16 id, u16 seq)
{
	struct icmphdr *icp = (struct icmphdr *)pkt;
	unsigned long sum = 0;

	memset(pkt, 0, len);
	icp->type = ICMP_ECHO;
	icp->un.echo.id = htons(id);
	icp->un.echo.sequence = htons(seq);
	for (size_t i = 0; i < len; i += 2)
		sum += (unsigned long)(pkt[i] << 8 | pkt[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	icp->checksum = htons((unsigned short)~sum);
}

static int pinger(void *arg)
{
	struct pinger *p = arg;
	struct sim *s = p->s;
	int fd = skbox_socket(s->w, AF_INET, SOCK_RAW, IPPROTO_ICMP);
	unsigned char pkt[64], buf[256];
	/* as ping (iputils and tools/ping) does: replies and errors only, so
	 * the echo requests of the others are not queued on this socket too */
	u32 filt = ~((1u << ICMP_SOURCE_QUENCH) | (1u << ICMP_DEST_UNREACH) |
		     (1u << ICMP_TIME_EXCEEDED) | (1u << ICMP_PARAMETERPROB) |
		     (1u << ICMP_REDIRECT) | (1u << ICMP_ECHOREPLY));

	if (!s->nofilter)
		skbox_setsockopt(s->w, fd, SOL_RAW, 1 /* ICMP_FILTER */, &filt, sizeof(filt));

	/* the pings of one second are spread over it, as separate ping
	 * programs would be; pinger i starts i microseconds in */
	u64 gap = 1000000000ULL / (u64)s->n;

	skbox_nanosleep(s->w, (u64)p->idx * 1000);
	for (int sec = 0; sec < s->seconds; sec++) {
		for (int j = 0; j < s->n; j++) {
			struct sockaddr_in dst = { .sin_family = AF_INET };

			if (j != p->idx) {
				dst.sin_addr.s_addr = htonl(0x0a000000u | (unsigned int)(j + 2));
				icmp_fill(pkt, sizeof(pkt), (u16)p->idx, (u16)sec);
				skbox_sendto(s->w, fd, pkt, sizeof(pkt), 0, (struct sockaddr *)&dst,
					     sizeof(dst));
			}
			skbox_nanosleep(s->w, gap);
			while (skbox_recv(s->w, fd, buf, sizeof(buf), MSG_DONTWAIT) > 0) {
				const struct icmphdr *icp = (const void *)(buf + (buf[0] & 0xf) * 4);

				if (icp->type == ICMP_ECHOREPLY && ntohs(icp->un.echo.id) == p->idx)
					s->replies++;
			}
		}
	}
	skbox_close(s->w, fd);
	return 0;
}

static bool all_done(void *arg)
{
	struct task **t = arg;

	for (; *t; t++)
		if ((*t)->state != TASK_DEAD)
			return false;
	return true;
}

static int bench_sim_speed(int n, int seconds, bool nofilter)
{
	struct world *w = world_new(1);
	struct sim s = { .w = w, .n = n, .seconds = seconds, .nofilter = nofilter };
	struct pinger *p = calloc((size_t)n, sizeof(*p));
	struct task **t = calloc((size_t)n + 1, sizeof(*t));
	u64 v0;
	double t0, dt, c0, dc;

	sh(w, w->init_net, "ip link add name br0 type bridge");
	sh(w, w->init_net, "ip link set br0 up");
	for (int i = 0; i < n; i++) {
		char name[16];

		snprintf(name, sizeof(name), "p%d", i);
		shf(w, w->init_net, "ip netns add %s", name);
		shf(w, w->init_net, "ip link add name v%d type veth peer name eth0 netns %s", i, name);
		shf(w, w->init_net, "ip link set v%d master br0 up", i);
		shf(w, get_net_ns_by_name(w, name), "ip addr add 10.0.0.%d/8 dev eth0", i + 2);
		sh(w, get_net_ns_by_name(w, name), "ip link set eth0 up");
	}
	v0 = w->now;
	t0 = now_s();
	c0 = cpu_s();
	for (int i = 0; i < n; i++) {
		char name[16];

		snprintf(name, sizeof(name), "p%d", i);
		p[i] = (struct pinger){ .s = &s, .idx = i };
		t[i] = task_spawn(w, get_net_ns_by_name(w, name), "ping", pinger, &p[i]);
	}
	world_run(w, all_done, t, UINT64_MAX);
	dt = now_s() - t0;
	dc = cpu_s() - c0;
	for (int i = 0; i < n; i++)
		task_free(t[i]);
	printf("replies %ld of %ld virtual %.1f wall %.3f speedup %.1f cpu %.3f speedup_cpu %.1f\n",
	       s.replies, (long)n * (n - 1) * seconds, (double)(w->now - v0) / 1e9, dt,
	       (double)(w->now - v0) / 1e9 / dt, dc, (double)(w->now - v0) / 1e9 / dc);
	free(p);
	free(t);
	return world_free(w, stderr) ? 1 : 0;
}

int main(int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "bridge-udp"))
		return bench_udp(false, argc > 2 ? atol(argv[2]) : 1000000);
	if (argc >= 2 && !strcmp(argv[1], "bridge-udp-mt"))
		return bench_udp_mt(false, argc > 2 ? atoi(argv[2]) : 2, argc > 3 ? atol(argv[3]) : 1000000);
	if (argc >= 2 && !strcmp(argv[1], "forward-udp-sock"))
		return bench_udp(true, argc > 2 ? atol(argv[2]) : 1000000);
	if (argc >= 2 && !strcmp(argv[1], "forward-udp-sock-mt"))
		return bench_udp_mt(true, argc > 2 ? atoi(argv[2]) : 2, argc > 3 ? atol(argv[3]) : 1000000);
	if (argc >= 2 && !strcmp(argv[1], "forward-udp"))
		return bench_forward(argc > 2 ? atol(argv[2]) : 1000000);
	if (argc >= 2 && !strcmp(argv[1], "forward-udp-mt"))
		return bench_forward_mt(argc > 2 ? atoi(argv[2]) : 2, argc > 3 ? atol(argv[3]) : 1000000);
	if (argc >= 2 && !strcmp(argv[1], "tcp-stream"))
		return bench_tcp(true, argc > 2 ? atoll(argv[2]) : 2000, argc > 3 ? argv[3] : NULL);
	if (argc >= 2 && !strcmp(argv[1], "tcp-idle"))
		return bench_tcp_idle(argc > 2 ? atol(argv[2]) : 10000);
	if (argc >= 2 && !strcmp(argv[1], "tcp-lossy"))
		return bench_tcp_lossy(argc > 2 ? atoll(argv[2]) : 100, argc > 3 ? argv[3] : "cubic");
	if (argc >= 2 && !strcmp(argv[1], "tcp-crr"))
		return bench_tcp(false, argc > 2 ? atoll(argv[2]) : 20000, NULL);
	if (argc >= 2 && !strcmp(argv[1], "rules"))
		return bench_rules(argc > 2 ? atol(argv[2]) : 10000, argc > 3 ? atol(argv[3]) : 500000,
				   argc > 4 && !strcmp(argv[4], "new"));
	if (argc >= 2 && !strcmp(argv[1], "rules-print")) {
		size_t len;
		char *r = kube_rules(argc > 2 ? atol(argv[2]) : 10000, &len);

		fwrite(r, 1, len, stdout);
		free(r);
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "netns"))
		return bench_netns(argc > 2 ? atol(argv[2]) : 10000);
	if (argc >= 2 && !strcmp(argv[1], "sim-speed"))
		return bench_sim_speed(argc > 2 ? atoi(argv[2]) : 100, argc > 3 ? atoi(argv[3]) : 60,
				       argc > 4 && !strcmp(argv[4], "nofilter"));
	fprintf(stderr, "usage: bench_suite bridge-udp N | netns N | sim-speed NS SECONDS [nofilter]\n");
	return 2;
}
