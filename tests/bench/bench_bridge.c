/* Foundation benchmark: ICMP echo requests and replies through
 * veth → bridge → veth between two namespaces (the seed topology), one core.
 * Counts every packet that crosses the bridge, per second of wall time.
 * Usage: bench_bridge [EXCHANGES]   (prints "packets N seconds S pps P") */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <arpa/inet.h>
#include <netinet/ip_icmp.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "net/world.h"
#include "net/trace.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"
#include "linux/sched.h"

struct bench {
	struct world *w;
	long exchanges;
	long replies;
};

static void mk(struct net *net, const char *kind, const char *name, const char *peer)
{
	struct link_req r, p;
	struct netlink_ext_ack ea = { 0 };

	link_req_init(&r);
	link_req_init(&p);
	snprintf(r.name, sizeof(r.name), "%s", name);
	r.kind = kind;
	if (peer) {
		snprintf(p.name, sizeof(p.name), "%s", peer);
		r.peer = &p;
	}
	if (rtnl_newlink(net, &r, &ea))
		abort();
}

static void addr(struct net *net, const char *dev, const char *a)
{
	struct ifa_req q;
	struct netlink_ext_ack ea = { 0 };

	memset(&q, 0, sizeof(q));
	q.ifindex = __dev_get_by_name(net, dev)->ifindex;
	inet_pton(AF_INET, a, &q.local);
	q.address = q.local;
	q.prefixlen = 24;
	q.valid_lft = q.preferred_lft = 0xffffffff;
	if (inet_rtm_newaddr(net, &q, &ea))
		abort();
}

static void topology(struct world *w, struct net **t1)
{
	struct net *root = w->init_net;
	struct net *a = net_create(w, "test1"), *b = net_create(w, "test2");
	struct net_device *br;

	mk(root, "bridge", "testbr", NULL);
	mk(root, "veth", "veth1", "br-veth1");
	mk(root, "veth", "veth2", "br-veth2");
	br = __dev_get_by_name(root, "testbr");
	dev_change_net_namespace(__dev_get_by_name(root, "veth1"), a, NULL);
	dev_change_net_namespace(__dev_get_by_name(root, "veth2"), b, NULL);
	do_set_master(__dev_get_by_name(root, "br-veth1"), br, NULL);
	do_set_master(__dev_get_by_name(root, "br-veth2"), br, NULL);
	addr(a, "veth1", "172.16.0.2");
	addr(b, "veth2", "172.16.0.3");
	dev_open(__dev_get_by_name(a, "veth1"));
	dev_open(__dev_get_by_name(b, "veth2"));
	dev_open(__dev_get_by_name(root, "br-veth1"));
	dev_open(__dev_get_by_name(root, "br-veth2"));
	dev_open(br);
	*t1 = a;
}

/* Keeps up to 64 requests in flight; yields so the softirq can run. */
static int flood(void *arg)
{
	struct bench *b = arg;
	struct world *w = b->w;
	struct sockaddr_in dst = { .sin_family = AF_INET };
	unsigned char pkt[64], buf[256];
	struct icmphdr *icp = (struct icmphdr *)pkt;
	long sent = 0;
	int fd = skbox_socket(w, AF_INET, SOCK_RAW, IPPROTO_ICMP);

	inet_pton(AF_INET, "172.16.0.3", &dst.sin_addr);
	memset(pkt, 0, sizeof(pkt));
	icp->type = ICMP_ECHO;
	icp->un.echo.id = htons(77);
	while (b->replies < b->exchanges) {
		while (sent < b->exchanges && sent - b->replies < 64) {
			icp->un.echo.sequence = htons((unsigned short)sent);
			icp->checksum = 0;
			{
				unsigned long sum = 0;

				for (int i = 0; i < 64; i += 2)
					sum += (unsigned long)(pkt[i] << 8 | pkt[i + 1]);
				while (sum >> 16)
					sum = (sum & 0xffff) + (sum >> 16);
				icp->checksum = htons((unsigned short)~sum);
			}
			skbox_sendto(w, fd, pkt, sizeof(pkt), 0, (struct sockaddr *)&dst, sizeof(dst));
			sent++;
		}
		while (skbox_recv(w, fd, buf, sizeof(buf), MSG_DONTWAIT) > 0)
			b->replies++;
		skbox_nanosleep(w, 0);
	}
	skbox_close(w, fd);
	return 0;
}

static bool dead(void *arg)
{
	return ((struct task *)arg)->state == TASK_DEAD;
}

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct bench b = { .exchanges = argc > 1 ? atol(argv[1]) : 200000 };
	struct net *t1;
	struct task *t;
	double t0, dt;
	FILE *devnull = NULL;
	int leaks;

	b.w = world_new(1);
	/* BENCH_TRACE=1: every packet traced (text lines to /dev/null) */
	if (getenv("BENCH_TRACE")) {
		char err[128];

		devnull = fopen("/dev/null", "w");
		if (!devnull || trace_start_flags(b.w, "", devnull, TRACE_LINES, err, sizeof(err)))
			return 1;
	}
	topology(b.w, &t1);
	t = task_spawn(b.w, t1, "flood", flood, &b);
	t0 = now_s();
	world_run(b.w, dead, t, UINT64_MAX);
	dt = now_s() - t0;
	task_free(t);
	printf("packets %ld seconds %.3f pps %.0f\n", 2 * b.replies, dt, 2.0 * (double)b.replies / dt);
	leaks = world_free(b.w, stderr);
	if (devnull)
		fclose(devnull);
	return leaks ? 1 : 0;
}
