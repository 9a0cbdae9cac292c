/* hping3, as Debian's hping3 (3.a2.ds2) prints it: TCP (default), UDP (-2) and
 * ICMP (-1) probes with chosen flags, ports, sizes, TTL and source addresses,
 * at an interval or as a flood, and the replies it sees.  A task inside the
 * world: packets are built here and sent on a raw IPPROTO_RAW socket
 * (IP_HDRINCL), replies are read from raw TCP and ICMP sockets.
 *
 * Flood mode sends back to back; in virtual time that is a 1 Mpps sender
 * handing the stack bursts of HP_FLOOD_BURST packets every HP_FLOOD_BURST
 * microseconds (a burst reaches the receiver's backlog before its softirq and
 * its tasks run, as with a NIC's interrupt coalescing); replies are not read,
 * and, as hping3, it stops only on a signal (`timeout 0.1 hping3 --flood ...`). */
#include <errno.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <poll.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "linux/slab.h"
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "linux/netdevice.h"
#include "net/route.h"
#include "net/world.h"

enum hp_mode { HP_TCP, HP_UDP, HP_ICMP };

#define TH_FIN	0x01
#define TH_SYN	0x02
#define TH_RST	0x04
#define TH_PUSH	0x08
#define TH_ACK	0x10
#define TH_URG	0x20
#define TH_X	0x40
#define TH_Y	0x80

#define HP_RING 4096		/* send times remembered, by sequence */
#define HP_FLOOD_BURST 64
#define HP_COUNTREACHED_NS 1000000000ULL	/* wait after the last packet */

struct hping {
	struct cmd_ctx *ctx;
	struct world *w;
	enum hp_mode mode;
	u8 flags;
	int dport, baseport, icmp_type, icmp_code, ttl, data;
	bool keep_sport, flood, quiet, numeric, rand_source, dport_inc;
	bool morefrag, dontfrag;
	u32 rand_dest_mask;	/* --rand-dest: host-order bits of the octets given as 'x' */
	int fragoff;		/* bytes, a multiple of 8 */
	long count;		/* -1: forever */
	u64 interval;
	__be32 daddr, saddr, spoof;
	char dev[IFNAMSIZ];
	int sfd, rfd_tcp, rfd_icmp;
	long sent, received;
	u16 ip_id, icmp_id;
	u32 tcp_seq;
	u64 sent_at[HP_RING];
	double rtt_min, rtt_max, rtt_sum;
};

static u16 hp_csum(const void *buf, size_t len, u32 sum)
{
	const u8 *p = buf;

	for (; len > 1; len -= 2, p += 2)
		sum += (u32)(p[0] << 8 | p[1]);
	if (len)
		sum += (u32)(p[0] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((u16)~sum);
}

static u32 hp_pseudo(__be32 s, __be32 d, u8 proto, size_t len)
{
	u32 sum = 0;

	s = ntohl(s);
	d = ntohl(d);
	sum += (s >> 16) + (s & 0xffff) + (d >> 16) + (d & 0xffff);
	return sum + proto + (u32)len;
}

static u64 hp_now(struct world *w)
{
	struct timespec ts;

	skbox_gettime(w, &ts);
	return (u64)ts.tv_sec * 1000000000ULL + (u64)ts.tv_nsec;
}

static int hp_usage_error(struct cmd_ctx *ctx, const char *fmt, const char *arg)
{
	fprintf(ctx->err, fmt, arg);
	return 1;
}

static int hp_option_error(struct cmd_ctx *ctx, const char *msg)
{
	fputs(msg, ctx->out);
	return 1;
}

/* hping3 fills the data with 'X' */
/* The IPv4 header (hping3's build_ip): the checksum is the stack's (raw_send_hdrinc). */
static void hp_build_ip(struct hping *h, u8 *ip, size_t len, __be32 saddr)
{
	ip[0] = 0x45;
	ip[2] = (u8)(len >> 8);
	ip[3] = (u8)len;
	ip[4] = (u8)(h->ip_id >> 8);
	ip[5] = (u8)h->ip_id;
	h->ip_id++;
	if (h->morefrag || h->dontfrag || h->fragoff) {
		u16 fo = (u16)((h->fragoff >> 3) & 0x1fff);

		if (h->morefrag)
			fo |= 0x2000;
		if (h->dontfrag)
			fo |= 0x4000;
		ip[6] = (u8)(fo >> 8);
		ip[7] = (u8)fo;
	}
	ip[8] = (u8)h->ttl;
	ip[9] = h->mode == HP_TCP ? IPPROTO_TCP : h->mode == HP_UDP ? IPPROTO_UDP : IPPROTO_ICMP;
	memcpy(ip + 12, &saddr, 4);
	if (h->rand_dest_mask) {
		u32 d = ntohl(h->daddr) & ~h->rand_dest_mask;

		d |= world_random_u32(h->w) & h->rand_dest_mask;
		memcpy(ip + 16, &(__be32){ htonl(d) }, 4);
	} else {
		memcpy(ip + 16, &h->daddr, 4);
	}
}

static void hp_put16(u8 *p, unsigned int v)
{
	p[0] = (u8)(v >> 8);
	p[1] = (u8)v;
}

/* The TCP, UDP or ICMP header over @ul bytes (header and data), with its checksum. */
static void hp_build_l4(struct hping *h, u8 *th, size_t ul, __be32 saddr, long seq)
{
	u16 sport = (u16)(h->keep_sport ? h->baseport : h->baseport + (int)(seq % 65536));
	u16 dport = (u16)(h->dport_inc ? h->dport + (int)seq : h->dport);
	u16 c;

	if (h->mode == HP_TCP) {
		hp_put16(th, sport);
		hp_put16(th + 2, dport);
		hp_put16(th + 4, (unsigned int)(h->tcp_seq >> 16));
		hp_put16(th + 6, (unsigned int)h->tcp_seq);
		th[12] = 5 << 4;
		th[13] = h->flags;
		th[15] = 64;		/* window 64, hping3's default */
		c = hp_csum(th, ul, hp_pseudo(saddr, h->daddr, IPPROTO_TCP, ul));
		memcpy(th + 16, &c, 2);
	} else if (h->mode == HP_UDP) {
		hp_put16(th, sport);
		hp_put16(th + 2, dport);
		hp_put16(th + 4, (unsigned int)ul);
		c = hp_csum(th, ul, hp_pseudo(saddr, h->daddr, IPPROTO_UDP, ul));
		memcpy(th + 6, &c, 2);
	} else {
		th[0] = (u8)h->icmp_type;
		th[1] = (u8)h->icmp_code;
		hp_put16(th + 4, (unsigned int)h->icmp_id);
		hp_put16(th + 6, (unsigned int)seq);
		c = hp_csum(th, ul, 0);
		memcpy(th + 2, &c, 2);
	}
}

static size_t hp_build(struct hping *h, u8 *pkt, long seq)
{
	size_t l4 = h->mode == HP_TCP ? 20 : 8, len = 20 + l4 + (size_t)h->data;
	__be32 saddr = h->spoof ? h->spoof : h->saddr;

	if (h->rand_source)
		saddr = htonl(world_random_u32(h->w));
	memset(pkt, 0, len);
	memset(pkt + 20 + l4, 'X', (size_t)h->data);
	hp_build_ip(h, pkt, len, saddr);
	hp_build_l4(h, pkt + 20, l4 + (size_t)h->data, saddr, seq);
	return len;
}

static void hp_rtt(struct hping *h, long seq, double *rtt)
{
	u64 now = hp_now(h->w);

	*rtt = 0;
	if (seq < 0 || seq >= h->sent || h->sent - seq > HP_RING)
		return;
	*rtt = (double)(now - h->sent_at[seq % HP_RING]) / 1e6;
	if (h->received == 0 || *rtt < h->rtt_min)
		h->rtt_min = *rtt;
	if (*rtt > h->rtt_max)
		h->rtt_max = *rtt;
	h->rtt_sum += *rtt;
	h->received++;
}

static void hp_flags_str(u8 f, char *buf)
{
	buf[0] = 0;
	if (f & TH_RST) strcat(buf, "R");
	if (f & TH_SYN) strcat(buf, "S");
	if (f & TH_ACK) strcat(buf, "A");
	if (f & TH_FIN) strcat(buf, "F");
	if (f & TH_PUSH) strcat(buf, "P");
	if (f & TH_URG) strcat(buf, "U");
	if (f & TH_X) strcat(buf, "X");
	if (f & TH_Y) strcat(buf, "Y");
	if (!buf[0]) strcat(buf, "none");
}

/* a TCP segment from the target: a reply to one of ours? */
static void hp_tcp_reply(struct hping *h, const u8 *p, size_t n)
{
	size_t ihl = (size_t)(p[0] & 15) * 4;
	const u8 *th = p + ihl;
	char ip[INET_ADDRSTRLEN], fl[16];
	int sport, dport;
	long seq;
	double rtt;

	if (n < ihl + 20 || memcmp(p + 12, &h->daddr, 4))
		return;
	sport = th[0] << 8 | th[1];
	dport = th[2] << 8 | th[3];
	if (!h->dport_inc && sport != h->dport)
		return;
	seq = h->keep_sport ? h->sent - 1 : (long)((dport - h->baseport) & 0xffff);
	if (h->keep_sport ? dport != h->baseport : seq >= h->sent)
		return;
	hp_rtt(h, seq, &rtt);
	if (h->quiet)
		return;
	inet_ntop(AF_INET, p + 12, ip, sizeof(ip));
	hp_flags_str(th[13], fl);
	fprintf(h->ctx->out, "len=%d ip=%s ttl=%d %sid=%d sport=%d flags=%s seq=%ld win=%d rtt=%.1f ms\n",
		p[2] << 8 | p[3], ip, p[8], (p[6] & 0x40) ? "DF " : "", p[4] << 8 | p[5], sport,
		fl, seq, th[14] << 8 | th[15], rtt);
}

static const char *hp_unreach(int code)
{
	static const char *const names[] = {
		"Network Unreachable", "Host Unreachable", "Protocol Unreachable",
		"Port Unreachable", "Fragmentation Needed/DF set", "Source Route failed",
		"Network Unknown", "Host Unknown", "Source Host Isolated",
		"Network Unreachable For TOS", "Host Unreachable For TOS",
		"Communication Administratively Prohibited", "Host Precedence Violation",
		"Precedence cutoff in effect",
	};
	return code >= 0 && code < 14 ? names[code] : "Unreachable type=3 code=?";
}

static void hp_icmp(struct hping *h, const u8 *p, size_t n)
{
	size_t ihl = (size_t)(p[0] & 15) * 4;
	const u8 *ic = p + ihl, *in, *il4;
	char from[INET_ADDRSTRLEN];
	long seq;
	double rtt;

	if (n < ihl + 8)
		return;
	inet_ntop(AF_INET, p + 12, from, sizeof(from));
	if (ic[0] == 0 && h->mode == HP_ICMP) {		/* echo reply */
		if (memcmp(p + 12, &h->daddr, 4) || (ic[4] << 8 | ic[5]) != h->icmp_id)
			return;
		seq = ic[6] << 8 | ic[7];
		if (seq >= h->sent)
			return;
		hp_rtt(h, seq, &rtt);
		if (!h->quiet)
			fprintf(h->ctx->out, "len=%d ip=%s ttl=%d %sid=%d icmp_seq=%ld rtt=%.1f ms\n",
				p[2] << 8 | p[3], from, p[8], (p[6] & 0x40) ? "DF " : "",
				p[4] << 8 | p[5], seq, rtt);
		return;
	}
	if (ic[0] != 3 && ic[0] != 11)
		return;
	/* an error about one of our packets: the quoted header is ours */
	in = ic + 8;
	if (n < ihl + 8 + 20 + 8 || memcmp(in + 16, &h->daddr, 4))
		return;
	il4 = in + (size_t)(in[0] & 15) * 4;
	if ((size_t)(il4 + 8 - p) > n)
		return;
	if (h->mode == HP_ICMP)
		seq = il4[6] << 8 | il4[7];
	else
		seq = h->keep_sport ? h->sent - 1 :
		      (long)(((il4[0] << 8 | il4[1]) - h->baseport) & 0xffff);
	if (seq < 0 || seq >= h->sent)
		return;
	hp_rtt(h, seq, &rtt);
	if (h->quiet)
		return;
	if (ic[0] == 11)
		fprintf(h->ctx->out, "TTL 0 during transit from ip=%s%s\n", from,
			h->numeric ? "" : " name=UNKNOWN");
	else
		fprintf(h->ctx->out, "ICMP %s from ip=%s%s\n", hp_unreach(ic[1]), from,
			h->numeric ? "" : " name=UNKNOWN");
	if (h->mode != HP_ICMP)
		fprintf(h->ctx->out, "status=0 port=%d seq=%ld\n", il4[0] << 8 | il4[1], seq);
}

static void hp_read(struct hping *h, int fd)
{
	u8 buf[2048];
	ssize_t n;

	while ((n = skbox_recv(h->w, fd, buf, sizeof(buf), MSG_DONTWAIT)) > 0) {
		if (fd == h->rfd_tcp)
			hp_tcp_reply(h, buf, (size_t)n);
		else
			hp_icmp(h, buf, (size_t)n);
	}
}

/* wait until `until` (virtual ns; UINT64_MAX: for ever), reading replies;
 * false on a signal */
static bool hp_wait(struct hping *h, u64 until)
{
	for (;;) {
		struct pollfd p[2] = { { .fd = h->rfd_icmp, .events = POLLIN },
				       { .fd = h->rfd_tcp, .events = POLLIN } };
		u64 now = hp_now(h->w);
		int ms, r;

		if (now >= until)
			return true;
		if (h->count >= 0 && h->received >= h->count && h->sent >= h->count)
			return true;
		ms = until == UINT64_MAX ? -1 : (int)((until - now + 999999) / 1000000);
		r = skbox_poll(h->w, p, h->rfd_tcp >= 0 ? 2 : 1, ms);
		if (r < 0 || skbox_signal_pending(h->w))
			return false;
		if (p[0].revents & POLLIN)
			hp_read(h, h->rfd_icmp);
		if (h->rfd_tcp >= 0 && (p[1].revents & POLLIN))
			hp_read(h, h->rfd_tcp);
	}
}

/* -i N is hping3's strtol(N, NULL, 0) kept in an int (so "1x" is 1, "010"
 * is 8, 2^32 + 1 is 1), -i uN its atol(N) in a timeval's tv_usec; a negative
 * one is "bad timing interval" (-1 here), and setitimer() refuses 1,000,000
 * microseconds or more: no timer, as -i u0 */
static long long hp_interval(const char *s)
{
	long v;

	if (*s == 'u') {
		v = strtol(s + 1, NULL, 10);
		if (v < 0)
			return -1;
		return v < 1000000 ? v * 1000LL : 0;
	}
	v = (int)(unsigned int)(unsigned long)strtol(s, NULL, 0);
	return v < 0 ? -1 : v * 1000000000LL;
}

static int hp_route(struct hping *h, const char *host)
{
	struct flowi4 fl4 = { .daddr = h->daddr };
	struct rtable *rt;
	int err = 0;

	rt = ip_route_output_key(h->ctx->net, &fl4, &err);
	if (!rt) {
		fprintf(h->ctx->err, "Warning: Unable to guess the output interface\n");
		snprintf(h->dev, sizeof(h->dev), "lo");
		(void)host;
		return 0;
	}
	snprintf(h->dev, sizeof(h->dev), "%s", rt->dst.dev->name);
	h->saddr = fl4.saddr;
	ip_rt_put(rt);
	return 0;
}

static int hp_run(struct hping *h, const char *host)
{
	char mode[64], fl[16];
	int one = 1;
	u64 next;

	hp_route(h, host);
	h->sfd = skbox_socket(h->w, AF_INET, SOCK_RAW, IPPROTO_RAW);
	h->rfd_icmp = skbox_socket(h->w, AF_INET, SOCK_RAW, IPPROTO_ICMP);
	h->rfd_tcp = h->mode == HP_TCP ? skbox_socket(h->w, AF_INET, SOCK_RAW, IPPROTO_TCP) : -1;
	if (h->sfd < 0 || h->rfd_icmp < 0 || (h->mode == HP_TCP && h->rfd_tcp < 0)) {
		fprintf(h->ctx->err, "[open_sockraw] socket(): Operation not permitted\n");
		return 1;
	}
	skbox_setsockopt(h->w, h->sfd, IPPROTO_IP, IP_HDRINCL, &one, sizeof(one));
	if (h->mode == HP_TCP) {
		if (h->flags) {
			fl[0] = 0;
			if (h->flags & TH_FIN) strcat(fl, "F");
			if (h->flags & TH_SYN) strcat(fl, "S");
			if (h->flags & TH_RST) strcat(fl, "R");
			if (h->flags & TH_PUSH) strcat(fl, "P");
			if (h->flags & TH_ACK) strcat(fl, "A");
			if (h->flags & TH_URG) strcat(fl, "U");
			if (h->flags & TH_X) strcat(fl, "X");
			if (h->flags & TH_Y) strcat(fl, "Y");
			snprintf(mode, sizeof(mode), "%s set", fl);
		} else {
			snprintf(mode, sizeof(mode), "NO FLAGS are set");
		}
	} else {
		snprintf(mode, sizeof(mode), "%s mode set", h->mode == HP_UDP ? "udp" : "icmp");
	}
	fprintf(h->ctx->out, "HPING %s (%s %s): %s, %d headers + %d data bytes\n", host, h->dev,
		inet_ntop(AF_INET, &h->daddr, fl, sizeof(fl)) ? fl : host, mode,
		h->mode == HP_TCP ? 40 : 28, h->data);
	if (h->flood)	/* hping3 writes this and its statistics to stderr */
		fprintf(h->ctx->err, "hping in flood mode, no replies will be shown\n");
	next = hp_now(h->w);
	while (h->flood || h->count < 0 || h->sent < h->count) {
		u8 pkt[65536];
		size_t len = hp_build(h, pkt, h->sent);
		struct sockaddr_in to = { .sin_family = AF_INET, .sin_addr.s_addr = h->daddr };
		ssize_t r;

		memcpy(&to.sin_addr.s_addr, pkt + 16, 4);	/* --rand-dest: this packet's */
		h->sent_at[h->sent % HP_RING] = hp_now(h->w);
		r = skbox_sendto(h->w, h->sfd, pkt, len, 0, (struct sockaddr *)&to, sizeof(to));
		if (r < 0 && !h->flood)
			fprintf(h->ctx->err, "[send_ip] sendto: %s\n", strerror(errno));
		h->sent++;
		if (h->flood) {
			if (skbox_signal_pending(h->w))
				break;
			if (h->sent % HP_FLOOD_BURST == 0 &&
			    (skbox_nanosleep(h->w, HP_FLOOD_BURST * 1000ULL) ||
			     skbox_signal_pending(h->w)))
				break;
			continue;
		}
		next += h->interval;
		if (h->count >= 0 && h->sent >= h->count)
			break;
		/* -i 0, -i u0: hping3's alarm(0) (a zero setitimer) arms nothing,
		 * so after the first packet it only listens, until a signal */
		if (!hp_wait(h, h->interval ? next : UINT64_MAX))
			goto stats;
	}
	if (!h->flood)
		hp_wait(h, hp_now(h->w) + HP_COUNTREACHED_NS);
stats:
	fprintf(h->ctx->err, "\n--- %s hping statistic ---\n", host);
	fprintf(h->ctx->err, "%ld packets transmitted, %ld packets received, %d%% packet loss\n",
		h->sent, h->received,
		h->sent ? (int)((h->sent - h->received) * 100 / h->sent) : 0);
	fprintf(h->ctx->err, "round-trip min/avg/max = %.1f/%.1f/%.1f ms\n", h->rtt_min,
		h->received ? h->rtt_sum / (double)h->received : 0.0, h->rtt_max);
	return h->received ? 0 : 1;
}

/* options without a value: TCP flags, modes and switches */
static const struct hp_flag {
	const char *s, *l;
	enum { HPF_TCP, HPF_MODE, HPF_BOOL } kind;
	int val;
	size_t off;		/* HPF_BOOL: the bool in struct hping */
} hp_flags[] = {
	{ "-S", "--syn", HPF_TCP, TH_SYN, 0 }, { "-A", "--ack", HPF_TCP, TH_ACK, 0 },
	{ "-F", "--fin", HPF_TCP, TH_FIN, 0 }, { "-R", "--rst", HPF_TCP, TH_RST, 0 },
	{ "-P", "--push", HPF_TCP, TH_PUSH, 0 }, { "-U", "--urg", HPF_TCP, TH_URG, 0 },
	{ "-X", "--xmas", HPF_TCP, TH_X, 0 }, { "-Y", "--ymas", HPF_TCP, TH_Y, 0 },
	{ "-1", "--icmp", HPF_MODE, HP_ICMP, 0 }, { "-2", "--udp", HPF_MODE, HP_UDP, 0 },
	{ "-k", "--keep", HPF_BOOL, 0, offsetof(struct hping, keep_sport) },
	{ "-q", "--quiet", HPF_BOOL, 0, offsetof(struct hping, quiet) },
	{ "-n", "--numeric", HPF_BOOL, 0, offsetof(struct hping, numeric) },
	{ NULL, "--flood", HPF_BOOL, 0, offsetof(struct hping, flood) },
	{ NULL, "--rand-source", HPF_BOOL, 0, offsetof(struct hping, rand_source) },
	{ "-x", "--morefrag", HPF_BOOL, 0, offsetof(struct hping, morefrag) },
	{ "-y", "--dontfrag", HPF_BOOL, 0, offsetof(struct hping, dontfrag) },
};

/* options that take a value */
static const char *const hp_value_opts[] = {
	"-c", "--count", "-i", "--interval", "-p", "--destport", "-s", "--baseport", "-d",
	"--data", "-a", "--spoof", "-t", "--ttl", "-C", "--icmptype", "-K", "--icmpcode", "-I",
	"--interface", "-g", "--fragoff",
};

static bool opt_is(const char *a, const char *s, const char *l)
{
	return (s && !strcmp(a, s)) || !strcmp(a, l);
}

static bool hp_flag_opt(struct hping *h, const char *a)
{
	for (size_t i = 0; i < sizeof(hp_flags) / sizeof(hp_flags[0]); i++) {
		const struct hp_flag *f = &hp_flags[i];

		if (!opt_is(a, f->s, f->l))
			continue;
		if (f->kind == HPF_TCP)
			h->flags |= (u8)f->val;
		else if (f->kind == HPF_MODE)
			h->mode = (enum hp_mode)f->val;
		else
			*(bool *)((char *)h + f->off) = true;
		return true;
	}
	if (!strcmp(a, "--fast"))
		h->interval = 100000000ULL;
	else if (!strcmp(a, "--faster"))
		h->interval = 1000ULL;
	else if (!strcmp(a, "--rand-dest"))
		h->rand_dest_mask = 1;		/* the mask comes with the host */
	else
		return false;
	return true;
}

static bool hp_takes_value(const char *a)
{
	for (size_t i = 0; i < sizeof(hp_value_opts) / sizeof(hp_value_opts[0]); i++)
		if (!strcmp(a, hp_value_opts[i]))
			return true;
	return false;
}

/* one option with its value; 0, or 1 after printing hping3's message */
static int hp_value_opt(struct hping *h, const char *a, const char *v)
{
	struct cmd_ctx *ctx = h->ctx;
	char *end;

	if (opt_is(a, "-c", "--count")) {
		h->count = strtol(v, &end, 10);
		if (*end || h->count <= 0)
			return hp_option_error(ctx, "Option error: count must > 0\n");
	} else if (opt_is(a, "-i", "--interval")) {
		long long ns = hp_interval(v);

		if (ns < 0)	/* hping3 prints its option errors on stdout */
			return hp_option_error(ctx, "Option error: bad timing interval\n");
		h->interval = (u64)ns;
	} else if (opt_is(a, "-p", "--destport")) {
		if (*v == '+') {
			h->dport_inc = true;
			v += v[1] == '+' ? 2 : 1;
		}
		h->dport = atoi(v) & 0xffff;
	} else if (opt_is(a, "-s", "--baseport")) {
		h->baseport = atoi(v) & 0xffff;
	} else if (opt_is(a, "-d", "--data")) {
		h->data = atoi(v);
		if (h->data < 0 || h->data > 65495)
			return hp_option_error(ctx, "Option error: data size too large\n");
	} else if (opt_is(a, "-a", "--spoof")) {
		if (inet_pton(AF_INET, v, &h->spoof) != 1)
			return hp_usage_error(ctx, "Unable to resolve '%s'\n", v);
	} else if (opt_is(a, "-t", "--ttl")) {
		h->ttl = atoi(v) & 0xff;
	} else if (opt_is(a, "-C", "--icmptype")) {
		h->icmp_type = atoi(v) & 0xff;
	} else if (opt_is(a, "-K", "--icmpcode")) {
		h->icmp_code = atoi(v) & 0xff;
	} else if (opt_is(a, "-g", "--fragoff")) {
		h->fragoff = atoi(v);
	}
	/* -I: the route decides the interface */
	return 0;
}

/* the target: an address, or with --rand-dest "10.0.x.x" (x octets random) */
static int hp_set_host(struct hping *h, const char *host)
{
	char tmp[INET_ADDRSTRLEN + 8];
	u32 mask = 0;

	if (!h->rand_dest_mask)
		return inet_pton(AF_INET, host, &h->daddr) == 1 ? 0 :
		       hp_usage_error(h->ctx, "Unable to resolve '%s'\n", host);
	snprintf(tmp, sizeof(tmp), "%s", host);
	for (char *o = tmp, *dot; o; o = dot ? dot + 1 : NULL) {
		int octet = 0;

		dot = strchr(o, '.');
		for (const char *c = tmp; c < o; c++)
			octet += *c == '.';
		if (!strncmp(o, "x", 1) && (o[1] == '.' || !o[1]) && octet < 4) {
			mask |= 0xffu << (24 - 8 * octet);
			o[0] = '0';
		}
	}
	h->rand_dest_mask = mask;
	if (!mask || inet_pton(AF_INET, tmp, &h->daddr) != 1)
		return hp_usage_error(h->ctx, "Unable to resolve '%s'\n", host);
	return 0;
}

static void hp_init(struct hping *h, struct cmd_ctx *ctx)
{
	h->ctx = ctx;
	h->w = ctx->world;
	h->count = -1;
	h->interval = 1000000000ULL;
	h->ttl = 64;
	h->baseport = 1024 + (int)world_random_below(h->w, 2000);
	h->ip_id = (u16)world_random_u32(h->w);
	h->icmp_id = (u16)world_random_u32(h->w);
	h->tcp_seq = world_random_u32(h->w);
	h->icmp_type = 8;
	h->sfd = h->rfd_tcp = h->rfd_icmp = -1;
}

int do_hping3(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct hping *h = kzalloc(sizeof(*h));
	const char *host = NULL;
	int rc = 0;

	if (!h)
		return 1;
	hp_init(h, ctx);
	for (int i = 1; i < argc && !rc; i++) {
		const char *a = argv[i];

		if (hp_flag_opt(h, a))
			continue;
		if (hp_takes_value(a)) {
			if (i + 1 >= argc) {
				fprintf(ctx->err, "hping3: option requires an argument -- '%s'\n"
					"Try hping3 --help\n", a + (a[1] == '-' ? 2 : 1));
				rc = 1;
			} else {
				rc = hp_value_opt(h, a, argv[++i]);
			}
		} else if (a[0] == '-' && a[1]) {
			fprintf(ctx->err, "hping3: unrecognized option `%s'\nTry hping3 --help\n", a);
			rc = 1;
		} else {
			host = a;
		}
	}
	if (!rc && !host)
		fprintf(ctx->err, "usage: hping3 host [options]\n  -h  --help      show this help\n");
	else if (!rc && !(rc = hp_set_host(h, host)))
		rc = hp_run(h, host);
	if (h->sfd >= 0)
		skbox_close(h->w, h->sfd);
	if (h->rfd_tcp >= 0)
		skbox_close(h->w, h->rfd_tcp);
	if (h->rfd_icmp >= 0)
		skbox_close(h->w, h->rfd_icmp);
	free(h);
	return rc;
}
