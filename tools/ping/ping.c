/* ping, as iputils ping (Debian 12, 20221126) prints it, for IPv4.  A task
 * inside the world: a raw ICMP socket with IP_RECVERR, echo requests every
 * interval, replies and ICMP errors read from the socket and its error
 * queue, the statistics block at the end (or on ^C / the runner's timeout).
 * Uses only the world's socket API (include/skbox/socket.h). */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/ip_icmp.h>
#include "linux/slab.h"
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "ping.h"

/* struct sock_extended_err (linux/errqueue.h; that header clashes with the
 * project's include/linux) */
struct sock_extended_err {
	uint32_t ee_errno;
	uint8_t ee_origin;
	uint8_t ee_type;
	uint8_t ee_code;
	uint8_t ee_pad;
	uint32_t ee_info;
	uint32_t ee_data;
};

#define SO_EE_ORIGIN_LOCAL 1
#define SO_EE_ORIGIN_ICMP 2

static long long ns_of(struct world *w)
{
	struct timespec ts;

	skbox_gettime(w, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static u_short in_cksum(const void *buf, int len)
{
	const u_char *p = buf;
	unsigned long sum = 0;

	for (; len > 1; len -= 2, p += 2)
		sum += (unsigned long)((p[0] << 8) | p[1]);
	if (len)
		sum += (unsigned long)(p[0] << 8);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return htons((u_short)~sum);
}

/* pr_icmph(): the words iputils prints for an ICMP error */
static void pr_icmph(FILE *out, int type, int code, unsigned int info)
{
	static const char *const unreach[] = {
		"Destination Net Unreachable", "Destination Host Unreachable",
		"Destination Protocol Unreachable", "Destination Port Unreachable",
		NULL, "Source Route Failed", "Destination Net Unknown",
		"Destination Host Unknown", "Source Host Isolated",
		"Destination Net Prohibited", "Destination Host Prohibited",
		"Destination Net Unreachable for Type of Service",
		"Destination Host Unreachable for Type of Service", "Packet filtered",
		"Precedence Violation", "Precedence Cutoff",
	};

	switch (type) {
	case ICMP_DEST_UNREACH:
		if (code == ICMP_FRAG_NEEDED)
			fprintf(out, "Frag needed and DF set (mtu = %u)\n", info);
		else if (code >= 0 && code <= 15)
			fprintf(out, "%s\n", unreach[code]);
		else
			fprintf(out, "Dest Unreachable, Bad Code: %d\n", code);
		break;
	case ICMP_SOURCE_QUENCH:
		fprintf(out, "Source Quench\n");
		break;
	case ICMP_REDIRECT:
		fprintf(out, "Redirect %s\n", code == 0 ? "Network" : code == 1 ? "Host" :
			code == 2 ? "Type of Service and Network" : "Type of Service and Host");
		break;
	case ICMP_TIME_EXCEEDED:
		fprintf(out, "%s\n", code == 0 ? "Time to live exceeded" :
			code == 1 ? "Frag reassembly time exceeded" : "Time exceeded, Bad Code");
		break;
	case ICMP_PARAMETERPROB:
		fprintf(out, "Parameter problem: pointer = %u\n", info >> 24);
		break;
	default:
		fprintf(out, "Bad ICMP type: %d\n", type);
		break;
	}
}

static void print_time(FILE *out, long long us)
{
	if (us >= 100000 - 50)
		fprintf(out, " time=%lld ms", (us + 500) / 1000);
	else if (us >= 10000 - 5)
		fprintf(out, " time=%lld.%01lld ms", (us + 50) / 1000, ((us + 50) % 1000) / 100);
	else if (us >= 1000)
		fprintf(out, " time=%lld.%02lld ms", (us + 5) / 1000, ((us + 5) % 1000) / 10);
	else
		fprintf(out, " time=%lld.%03lld ms", us / 1000, us % 1000);
}

static bool seq_seen(struct ping_state *s, unsigned int seq)
{
	unsigned int bit = seq % PING_MAX_DUP_CHK;

	return s->rcvd_tbl[bit / 8] & (1u << (bit % 8));
}

static void seq_set(struct ping_state *s, unsigned int seq)
{
	unsigned int bit = seq % PING_MAX_DUP_CHK;

	s->rcvd_tbl[bit / 8] |= (u_char)(1u << (bit % 8));
}

static void seq_clear(struct ping_state *s, unsigned int seq)
{
	unsigned int bit = seq % PING_MAX_DUP_CHK;

	s->rcvd_tbl[bit / 8] &= (u_char)~(1u << (bit % 8));
}

static void acknowledge(struct ping_state *s, unsigned int seq)
{
	unsigned int diff = (u_short)s->ntransmitted - seq;

	if (diff <= 0x7FFF) {
		if ((int)diff + 1 > s->pipesize)
			s->pipesize = (int)diff + 1;
	}
}

static int ping_send(struct ping_state *s)
{
	struct icmphdr *icp = (struct icmphdr *)s->outpack;
	int cc = s->datalen + 8;
	long long now = ns_of(s->w);
	ssize_t n;

	if (cc > (int)sizeof(s->outpack)) {
		/* sendmsg would fail: iputils counts it as sent, says nothing */
		s->cur_ns = s->last_send_ns = now;
		s->ntransmitted++;
		return -EMSGSIZE;
	}
	icp->type = s->v6 ? 128 /* ICMPV6_ECHO_REQUEST */ : ICMP_ECHO;
	icp->code = 0;
	icp->checksum = 0;
	icp->un.echo.sequence = htons((u_short)(s->ntransmitted + 1));
	icp->un.echo.id = s->ident;
	seq_clear(s, (unsigned int)(s->ntransmitted + 1));
	for (int i = 0; i < s->datalen; i++)
		s->outpack[8 + i] = (u_char)i;
	if (s->datalen >= 16) {
		struct timeval tv = { .tv_sec = (time_t)(now / 1000000000LL),
				      .tv_usec = (suseconds_t)((now % 1000000000LL) / 1000) };

		memcpy(s->outpack + 8, &tv, sizeof(tv));
	}
	icp->checksum = s->v6 ? 0 : in_cksum(icp, cc);	/* ICMPv6: the kernel sums */
	s->cur_ns = now;
	n = s->v6 ? skbox_sendto(s->w, s->fd, s->outpack, (size_t)cc, 0,
				 (struct sockaddr *)&s->whereto6, sizeof(s->whereto6)) :
		    skbox_sendto(s->w, s->fd, s->outpack, (size_t)cc, 0,
				 (struct sockaddr *)&s->whereto, sizeof(s->whereto));
	s->ntransmitted++;
	s->last_send_ns = now;
	if (n == cc)
		return 0;
	if (n == -EMSGSIZE || n == -EHOSTUNREACH || n == -ENETUNREACH || n == -EACCES) {
		/* reported through the error queue, like iputils with IP_RECVERR */
		return (int)n;
	}
	/* a netfilter DROP in OUTPUT (EPERM): iputils says nothing, as the
	 * kernel transcripts show */
	if (n < 0 && n != -EPERM)
		fprintf(s->ctx->err, "ping: sendmsg: %s\n", strerror((int)-n));
	return n < 0 ? (int)n : 0;
}

static void ping_stats_rtt(struct ping_state *s, long long us)
{
	s->tsum += us;
	s->tsum2 += us * us;
	if (us < s->tmin)
		s->tmin = us;
	if (us > s->tmax)
		s->tmax = us;
}

/* An echo reply: print it, count it, spot duplicates. */
static void ping_reply(struct ping_state *s, const u_char *buf, int cc, int ttl,
		       const char *from)
{
	const struct icmphdr *icp = (const struct icmphdr *)buf;
	unsigned int seq = ntohs(icp->un.echo.sequence);
	long long us = 0;
	bool dup;

	if (cc - 8 >= (int)sizeof(struct timeval)) {
		struct timeval tv;

		memcpy(&tv, buf + 8, sizeof(tv));
		us = (ns_of(s->w) / 1000) - ((long long)tv.tv_sec * 1000000LL + tv.tv_usec);
		if (us < 0)
			us = 0;
	}
	acknowledge(s, seq);
	dup = seq_seen(s, seq);
	if (dup) {
		s->nrepeats++;
	} else {
		s->nreceived++;
		seq_set(s, seq);
		if (cc - 8 >= (int)sizeof(struct timeval))
			ping_stats_rtt(s, us);
	}
	if (s->quiet)
		return;
	fprintf(s->out, "%d bytes from %s: icmp_seq=%u ttl=%d", cc, from, seq, ttl);
	if (cc - 8 >= (int)sizeof(struct timeval))
		print_time(s->out, us);
	if (dup)
		fprintf(s->out, " (DUP!)");
	if (cc != s->datalen + 8)
		fprintf(s->out, "\nwrong data byte count %d instead of %d", cc, s->datalen + 8);
	fputc('\n', s->out);
}

/* One packet from the socket: IP header + ICMP. */
static void ping_parse(struct ping_state *s, const u_char *buf, int len,
		       const struct sockaddr_in *from)
{
	const struct iphdr *ip = (const struct iphdr *)buf;
	int hlen = ip->ihl * 4;
	const struct icmphdr *icp;

	if (len < hlen + 8)
		return;
	icp = (const struct icmphdr *)(buf + hlen);
	if (icp->type == ICMP_ECHOREPLY) {
		if (icp->un.echo.id != s->ident)
			return;
		if (from->sin_addr.s_addr != s->whereto.sin_addr.s_addr && !s->broadcast)
			return;
		ping_reply(s, buf + hlen, len - hlen, ip->ttl, inet_ntoa(from->sin_addr));
	}
	/* Errors arrive through the error queue too (IP_RECVERR works): the
	 * copy on the socket is ignored, as iputils does. */
}

static void ping_recv_error(struct ping_state *s)
{
	u_char buf[1024] __attribute__((aligned(16)));
	u_char cbuf[512] __attribute__((aligned(16)));
	struct sockaddr_in6 target6;
	struct sockaddr_in target;
	struct iovec iov = { .iov_base = buf, .iov_len = sizeof(buf) };
	struct msghdr msg = { .msg_name = &target, .msg_namelen = sizeof(target),
			      .msg_iov = &iov, .msg_iovlen = 1, .msg_control = cbuf,
			      .msg_controllen = sizeof(cbuf) };
	struct sock_extended_err *e = NULL;
	const struct icmphdr *icp = (const struct icmphdr *)buf;
	ssize_t n;

	if (s->v6) {
		msg.msg_name = &target6;
		msg.msg_namelen = sizeof(target6);
	}
	n = skbox_recvmsg(s->w, s->fd, &msg, MSG_ERRQUEUE | MSG_DONTWAIT);
	if (n < 0)
		return;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c))
		if ((c->cmsg_level == SOL_IP && c->cmsg_type == IP_RECVERR) ||
		    (c->cmsg_level == SOL_IPV6 && c->cmsg_type == IPV6_RECVERR))
			e = (struct sock_extended_err *)CMSG_DATA(c);
	if (!e)
		return;
	if (e->ee_origin == SO_EE_ORIGIN_LOCAL) {
		s->nerrors++;
		if (s->quiet)
			return;
		if (e->ee_errno != EMSGSIZE)
			fprintf(s->ctx->err, "ping: local error: %s\n", strerror((int)e->ee_errno));
		else	/* iputils' ping6 says "mtu: N", its IPv4 side "mtu=N" */
			fprintf(s->ctx->err, s->v6 ? "ping: local error: message too long, mtu: %u\n" :
				"ping: local error: message too long, mtu=%u\n", e->ee_info);
		return;
	}
	if (s->v6)
		return;	/* ICMPv6 errors come as messages (ping6_error) */
	if (e->ee_origin != SO_EE_ORIGIN_ICMP || n < 8 || icp->type != ICMP_ECHO ||
	    icp->un.echo.id != s->ident ||
	    target.sin_addr.s_addr != s->whereto.sin_addr.s_addr)
		return;
	acknowledge(s, ntohs(icp->un.echo.sequence));
	s->nerrors++;
	if (s->quiet)
		return;
	{
		const struct sockaddr_in *off = (const struct sockaddr_in *)(e + 1);

		fprintf(s->out, "From %s icmp_seq=%u ", inet_ntoa(off->sin_addr),
			ntohs(icp->un.echo.sequence));
		pr_icmph(s->out, e->ee_type, e->ee_code, e->ee_info);
	}
}

/* ping6: the name as iputils prints it, with %DEV for link-local */
static const char *ping6_name(struct ping_state *s, const struct sockaddr_in6 *a, char *buf,
			      size_t len)
{
	inet_ntop(AF_INET6, &a->sin6_addr, buf, (socklen_t)len);
	if (a->sin6_scope_id && IN6_IS_ADDR_LINKLOCAL(&a->sin6_addr) && s->device[0])
		snprintf(buf + strlen(buf), len - strlen(buf), "%%%s", s->device);
	return buf;
}

/* An ICMPv6 error quoting one of our echo requests: "From X icmp_seq=N ..." */
static void ping6_error(struct ping_state *s, const u_char *buf, int len, const char *from)
{
	static const char *const unreach[] = { "No route", "Administratively prohibited",
		"Beyond scope", "Address unreachable", "Port unreachable" };
	const struct icmphdr *inner = (const struct icmphdr *)(buf + 8 + 40);
	int nexthdr = len >= 8 + 40 ? buf[8 + 6] : -1;

	/* the first fragment of a fragmented echo: past its fragment header
	 * (the kernel matches past extension headers, ipv6_skip_exthdr) */
	if (nexthdr == 44 && len >= 8 + 40 + 8 && !((buf[8 + 40 + 2] << 8 | buf[8 + 40 + 3]) & 0xfff8)) {
		nexthdr = buf[8 + 40];
		inner = (const struct icmphdr *)(buf + 8 + 40 + 8);
	}
	if (nexthdr != IPPROTO_ICMPV6 || (const u_char *)inner + 8 > buf + len ||
	    inner->un.echo.id != s->ident)
		return;
	s->nerrors++;
	fprintf(s->out, "From %s icmp_seq=%u ", from, ntohs(inner->un.echo.sequence));
	if (buf[0] == 3)
		fputs("Time exceeded: Hop limit\n", s->out);
	else if (buf[0] == 2)
		fprintf(s->out, "Packet too big: mtu=%u\n", (unsigned)(buf[4] << 24 | buf[5] << 16 | buf[6] << 8 | buf[7]));
	else if (buf[0] == 1 && buf[1] < 5)
		fprintf(s->out, "Destination unreachable: %s\n", unreach[buf[1]]);
	else
		fprintf(s->out, "Destination unreachable: Unknown code %u\n", buf[1]);
}

static void ping6_recv(struct ping_state *s)
{
	u_char buf[65536 + 128] __attribute__((aligned(16)));
	char ctl[64] __attribute__((aligned(8))), name[INET6_ADDRSTRLEN + 20];
	struct sockaddr_in6 from;
	struct iovec iov = { buf, sizeof(buf) };
	struct msghdr msg;
	ssize_t n;

	for (;;) {
		int hops = 0;

		memset(&msg, 0, sizeof(msg));
		msg.msg_name = &from;
		msg.msg_namelen = sizeof(from);
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		msg.msg_control = ctl;
		msg.msg_controllen = sizeof(ctl);
		if ((n = skbox_recvmsg(s->w, s->fd, &msg, MSG_DONTWAIT)) < 8)
			return;
		if (msg.msg_controllen >= CMSG_LEN(sizeof(int)))
			memcpy(&hops, CMSG_DATA((struct cmsghdr *)ctl), sizeof(int));
		ping6_name(s, &from, name, sizeof(name));
		if (buf[0] == 129 && ((const struct icmphdr *)buf)->un.echo.id == s->ident &&
		    IN6_ARE_ADDR_EQUAL(&from.sin6_addr, &s->whereto6.sin6_addr))
			ping_reply(s, buf, (int)n, hops, name);
		else if (buf[0] < 128)
			ping6_error(s, buf, (int)n, name);
	}
}

static void ping_recv(struct ping_state *s)
{
	u_char buf[65536 + 128] __attribute__((aligned(16)));
	struct sockaddr_in from;
	socklen_t flen = sizeof(from);
	ssize_t n;

	if (s->v6) {
		ping6_recv(s);
		return;
	}
	while ((n = skbox_recvfrom(s->w, s->fd, buf, sizeof(buf), MSG_DONTWAIT,
				   (struct sockaddr *)&from, &flen)) > 0)
		ping_parse(s, buf, (int)n, &from);
	if (n == -EHOSTUNREACH || n == -ENETUNREACH || n == -EMSGSIZE || n == -ECONNREFUSED)
		ping_recv_error(s);
}

static long long ping_next_event(struct ping_state *s, long long now)
{
	long long next = LLONG_MAX;

	if (!s->npackets || s->ntransmitted < s->npackets)
		next = s->ntransmitted ? s->last_send_ns + s->interval_ms * 1000000LL : now;
	if (s->exit_at_ns && s->exit_at_ns < next)
		next = s->exit_at_ns;
	if (s->deadline_ms && s->start_ns + s->deadline_ms * 1000000LL < next)
		next = s->start_ns + s->deadline_ms * 1000000LL;
	return next;
}

/* schedule_exit(): after the last packet, wait for stragglers */
static void ping_schedule_exit(struct ping_state *s)
{
	long long wait_ns;

	if (s->exit_at_ns)
		return;
	if (s->nreceived) {
		wait_ns = 2 * s->tmax * 1000LL;
		if (wait_ns < s->interval_ms * 1000000LL)
			wait_ns = s->interval_ms * 1000000LL;
	} else {
		wait_ns = s->linger_ms * 1000000LL;
	}
	s->exit_at_ns = s->last_send_ns + wait_ns;
}

static bool ping_done(struct ping_state *s, long long now)
{
	if (s->exiting)
		return true;
	if (s->npackets && s->nreceived + s->nerrors >= s->npackets)
		return true;
	if (s->deadline_ms && s->nerrors)
		return true;
	if (s->deadline_ms && now >= s->start_ns + s->deadline_ms * 1000000LL)
		return true;
	return s->exit_at_ns && now >= s->exit_at_ns;
}

static void ping_loop(struct ping_state *s)
{
	for (;;) {
		long long now = ns_of(s->w), next;
		struct pollfd pfd = { .fd = s->fd, .events = POLLIN | POLLERR };
		int timeout, r;

		if (ping_done(s, now))
			return;
		if ((!s->npackets || s->ntransmitted < s->npackets) &&
		    (!s->ntransmitted || now >= s->last_send_ns + s->interval_ms * 1000000LL)) {
			ping_send(s);
			if (s->npackets && s->ntransmitted >= s->npackets)
				ping_schedule_exit(s);
			continue;
		}
		next = ping_next_event(s, now);
		timeout = next == LLONG_MAX ? -1 : (int)((next - now + 999999) / 1000000);
		r = skbox_poll(s->w, &pfd, 1, timeout);
		if (r == -EINTR || skbox_signal_pending(s->w))
			return;
		if (r > 0 && (pfd.revents & POLLERR))
			ping_recv_error(s);
		if (r > 0)
			ping_recv(s);
	}
}

static void ping_finish(struct ping_state *s)
{
	FILE *out = s->out;
	long long ms = (s->cur_ns - s->start_ns + 500000) / 1000000;
	const char *comma = "";

	fputc('\n', out);
	fprintf(out, "--- %s ping statistics ---\n", s->hostname);
	fprintf(out, "%ld packets transmitted, %ld received", s->ntransmitted, s->nreceived);
	if (s->nrepeats)
		fprintf(out, ", +%ld duplicates", s->nrepeats);
	if (s->nchecksum)
		fprintf(out, ", +%ld corrupted", s->nchecksum);
	if (s->nerrors)
		fprintf(out, ", +%ld errors", s->nerrors);
	if (s->ntransmitted) {
		fprintf(out, ", %g%% packet loss",
			(double)((float)((s->ntransmitted - s->nreceived) * 100.0 / s->ntransmitted)));
		fprintf(out, ", time %lldms", ms);
	}
	fputc('\n', out);
	if (s->nreceived && s->datalen >= 16) {
		long long n = s->nreceived + s->nrepeats;
		long long avg = s->tsum / n;
		long long var = s->tsum2 / n - avg * avg;
		long long mdev = 0;

		while (mdev * mdev < var)
			mdev++;
		if (mdev * mdev > var)
			mdev--;
		fprintf(out, "rtt min/avg/max/mdev = %lld.%03lld/%lld.%03lld/%lld.%03lld/%lld.%03lld ms",
			s->tmin / 1000, s->tmin % 1000, avg / 1000, avg % 1000,
			s->tmax / 1000, s->tmax % 1000, mdev / 1000, mdev % 1000);
		comma = ", ";
	}
	if (s->pipesize > 1)
		fprintf(out, "%spipe %d", comma, s->pipesize);
	fputc('\n', out);
}

static int ping_usage(struct cmd_ctx *ctx)
{
	fprintf(ctx->err,
		"\nUsage\n  ping [options] <destination>\n\n"
		"Options:\n"
		"  <destination>      dns name or ip address\n"
		"  -c <count>         stop after <count> replies\n"
		"  -i <interval>      seconds between sending each packet\n"
		"  -I <interface>     either interface name or address\n"
		"  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>\n"
		"  -q                 quiet output\n"
		"  -s <size>          use <size> as number of data bytes to be sent\n"
		"  -t <ttl>           define time to live\n"
		"  -W <timeout>       time to wait for response\n"
		"  -w <deadline>      reply wait <deadline> in seconds\n");
	return 2;
}

static int parse_long(struct cmd_ctx *ctx, const char *arg, long min, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (!*arg || *end || errno == ERANGE) {
		fprintf(ctx->err, "ping: invalid argument: '%s'\n", arg);
		return -1;
	}
	if (v < min || v > max) {
		fprintf(ctx->err, "ping: invalid argument: '%s': out of range: %ld <= value <= %ld\n",
			arg, min, max);
		return -1;
	}
	*out = v;
	return 0;
}

/* iputils accepts garbage here with a warning and uses 0. */
static double parse_seconds(struct cmd_ctx *ctx, const char *arg)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(arg, &end);
	if (end == arg || *end || errno == ERANGE) {
		fprintf(ctx->err, "ping: option argument contains garbage: %s\n"
			"ping: this will become fatal error in the future\n", arg);
		return 0;
	}
	return v;
}

static int ping_opt(struct ping_state *s, int c, const char *arg)
{
	struct cmd_ctx *ctx = s->ctx;
	long v;

	switch (c) {
	case 'c':
		if (parse_long(ctx, arg, 1, LONG_MAX, &v))
			return -1;
		s->npackets = v;
		return 0;
	case 'i': {
		/* 0 is flood rate; the world keeps a 10 ms floor so that virtual
		 * time moves (iputils' flood mode waits up to 10 ms per probe) */
		double i = parse_seconds(ctx, arg);

		if (!(i >= 0 && i <= (double)INT_MAX / 1000)) {	/* iputils: error(2, …) */
			fprintf(ctx->err, "ping: bad timing interval: %s\n", arg);
			return -2;
		}
		s->interval_ms = (long long)(i * 1000.0 + 0.5);
		if (s->interval_ms < 10)
			s->interval_ms = 10;
		return 0;
	}
	case 'W': {
		double w = parse_seconds(ctx, arg);

		if (!(w >= 0 && w <= (double)INT_MAX / 1000)) {	/* iputils' bound: fuzz_script */
			fprintf(ctx->err, "ping: bad linger time: %s\n", arg);
			return -2;
		}
		s->linger_ms = (long long)(w * 1000.0 + 0.5);
		return 0;
	}
	case 'w':
		if (parse_long(ctx, arg, 0, INT_MAX, &v))
			return -1;
		s->deadline_ms = v * 1000;
		return 0;
	case 's':
		if (parse_long(ctx, arg, 0, INT_MAX, &v))
			return -1;
		s->datalen = (int)v;	/* too large: sends fail silently, as iputils */
		return 0;
	case 't':
		if (parse_long(ctx, arg, 0, 255, &v))
			return -1;
		s->ttl = (int)v;
		return 0;
	case 'M':
		if (!strcmp(arg, "do"))
			s->pmtudisc = IP_PMTUDISC_DO;
		else if (!strcmp(arg, "dont"))
			s->pmtudisc = IP_PMTUDISC_DONT;
		else if (!strcmp(arg, "want"))
			s->pmtudisc = IP_PMTUDISC_WANT;
		else if (!strcmp(arg, "probe"))
			s->pmtudisc = IP_PMTUDISC_PROBE;
		else {
			fprintf(ctx->err, "ping: invalid -M argument: %s\n", arg);
			return -2;
		}
		return 0;
	case 'I':
		if (inet_pton(AF_INET, arg, &s->source.sin_addr) == 1) {
			s->strictsource = true;
			return 0;
		}
		snprintf(s->device, sizeof(s->device), "%s", arg);
		return 0;
	default:
		return ping_usage(ctx) ? -1 : -1;
	}
}

static int ping_parse_args(struct ping_state *s, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--"))
			return i + 1;
		for (int j = 1; a[j]; j++) {
			char c = a[j];

			if (c == '6') {
				s->v6 = true;
				continue;
			}
			if (c == 'q' || c == 'n' || c == 'b' || c == '4') {
				s->quiet |= c == 'q';
				s->numeric |= c == 'n';
				s->broadcast |= c == 'b';
				continue;
			}
			if (!strchr("ciWwstMI", c)) {
				fprintf(s->ctx->err, "ping: invalid option -- '%c'\n", c);
				return -ping_usage(s->ctx);
			}
			if (a[j + 1]) {
				int err = ping_opt(s, c, a + j + 1);

				if (err)
					return err;
			} else {
				if (i + 1 >= argc) {
					fprintf(s->ctx->err, "ping: option requires an argument -- '%c'\n", c);
					return -ping_usage(s->ctx);
				}
				int err = ping_opt(s, c, argv[++i]);

				if (err)
					return err;
			}
			break;
		}
	}
	return i;
}

/* Find our source address the iputils way: connect a UDP socket. */
static int ping_probe_source(struct ping_state *s)
{
	struct cmd_ctx *ctx = s->ctx;
	struct sockaddr_in dst = s->whereto;
	socklen_t alen = sizeof(s->source);
	int fd = skbox_socket(s->w, AF_INET, SOCK_DGRAM, IPPROTO_UDP);
	int err;

	if (fd < 0)
		return fd;
	if (s->device[0]) {
		err = skbox_setsockopt(s->w, fd, SOL_SOCKET, SO_BINDTODEVICE, s->device,
				       (socklen_t)strlen(s->device) + 1);
		if (err) {
			fprintf(ctx->err, "ping: SO_BINDTODEVICE %s: %s\n", s->device, strerror(-err));
			goto fail;
		}
	}
	if (s->strictsource) {
		err = skbox_bind(s->w, fd, (struct sockaddr *)&s->source, sizeof(s->source));
		if (err) {
			fprintf(ctx->err, "ping: bind: %s\n", strerror(-err));
			goto fail;
		}
	}
	dst.sin_port = htons(1025);
	if (s->broadcast) {
		int on = 1;

		skbox_setsockopt(s->w, fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on));
	}
	err = skbox_connect(s->w, fd, (struct sockaddr *)&dst, sizeof(dst));
	if (err) {
		if (err == -EACCES && !s->broadcast)
			fprintf(ctx->err, "ping: Do you want to ping broadcast? Then -b. "
				"If not, check your local firewall rules\n");
		else
			fprintf(ctx->err, "ping: connect: %s\n", strerror(-err));
		goto fail;
	}
	skbox_getsockname(s->w, fd, (struct sockaddr *)&s->source, &alen);
	s->source.sin_port = 0;
	skbox_close(s->w, fd);
	return 0;
fail:
	skbox_close(s->w, fd);
	return -1;
}

static int ping_open(struct ping_state *s)
{
	struct cmd_ctx *ctx = s->ctx;
	int on = 1, err;
	uint32_t filt;

	s->fd = skbox_socket(s->w, AF_INET, SOCK_RAW, IPPROTO_ICMP);
	if (s->fd < 0) {
		fprintf(ctx->err, "ping: socket: %s\n", strerror(-s->fd));
		return -1;
	}
	if (s->device[0])
		skbox_setsockopt(s->w, s->fd, SOL_SOCKET, SO_BINDTODEVICE, s->device,
				 (socklen_t)strlen(s->device) + 1);
	if (s->strictsource)
		skbox_bind(s->w, s->fd, (struct sockaddr *)&s->source, sizeof(s->source));
	if (s->broadcast)
		skbox_setsockopt(s->w, s->fd, SOL_SOCKET, SO_BROADCAST, &on, sizeof(on));
	skbox_setsockopt(s->w, s->fd, SOL_IP, IP_RECVERR, &on, sizeof(on));
	filt = ~((1u << ICMP_SOURCE_QUENCH) | (1u << ICMP_DEST_UNREACH) |
		 (1u << ICMP_TIME_EXCEEDED) | (1u << ICMP_PARAMETERPROB) |
		 (1u << ICMP_REDIRECT) | (1u << ICMP_ECHOREPLY));
	skbox_setsockopt(s->w, s->fd, SOL_RAW, 1 /* ICMP_FILTER */, &filt, sizeof(filt));
	if (s->ttl >= 0) {
		err = skbox_setsockopt(s->w, s->fd, SOL_IP, IP_TTL, &s->ttl, sizeof(s->ttl));
		if (err) {
			fprintf(ctx->err, "ping: can't set unicast time-to-live: %s\n", strerror(-err));
			return -1;
		}
	}
	if (s->pmtudisc >= 0)
		skbox_setsockopt(s->w, s->fd, SOL_IP, IP_MTU_DISCOVER, &s->pmtudisc,
				 sizeof(s->pmtudisc));
	return 0;
}

static void ping_header(struct ping_state *s)
{
	FILE *out = s->out;

	fprintf(out, "PING %s (%s) ", s->hostname, inet_ntoa(s->whereto.sin_addr));
	if (s->device[0] || s->strictsource)
		fprintf(out, "from %s %s: ", inet_ntoa(s->source.sin_addr), s->device);
	fprintf(out, "%d(%d) bytes of data.\n", s->datalen, s->datalen + 8 + 20);
}

static void ping_init(struct ping_state *s, struct cmd_ctx *ctx)
{
	memset(s, 0, sizeof(*s));
	s->ctx = ctx;
	s->w = ctx->world;
	s->out = ctx->out;
	s->fd = -1;
	s->interval_ms = 1000;
	s->linger_ms = PING_MAXWAIT * 1000;
	s->datalen = 56;
	s->ttl = -1;
	s->pmtudisc = -1;
	s->tmin = LLONG_MAX;
	s->whereto.sin_family = AF_INET;
	s->source.sin_family = AF_INET;
}

/* ping -6: parse ADDR[%DEV], open a raw ICMPv6 socket, check the route
 * (iputils connects a probe socket: "ping: connect: ..."), print the header. */
static int ping6_start(struct ping_state *s)
{
	char *pct = strchr(s->hostname, '%'), addr[256], name[INET6_ADDRSTRLEN + 20];
	struct sockaddr_in6 *d = &s->whereto6;
	int err, on = 1;

	s->v6 = true;
	snprintf(addr, sizeof(addr), "%s", s->hostname);
	if (pct) {
		addr[pct - s->hostname] = 0;
		snprintf(s->device, sizeof(s->device), "%s", pct + 1);
	}
	d->sin6_family = AF_INET6;
	if (inet_pton(AF_INET6, addr, &d->sin6_addr) != 1) {
		fprintf(s->ctx->err, "ping: %s: Name or service not known\n", s->hostname);
		return 2;
	}
	if ((s->fd = skbox_socket(s->w, AF_INET6, SOCK_RAW, IPPROTO_ICMPV6)) < 0) {
		fprintf(s->ctx->err, "ping: socket: %s\n", strerror(-s->fd));
		return 2;
	}
	if (s->device[0]) {
		skbox_setsockopt(s->w, s->fd, SOL_SOCKET, SO_BINDTODEVICE, s->device,
				 (socklen_t)strlen(s->device) + 1);
		d->sin6_scope_id = (uint32_t)skbox_if_nametoindex(s->w, s->device);
	}
	if (s->ttl >= 0) {	/* iputils sets both */
		skbox_setsockopt(s->w, s->fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &s->ttl,
				 sizeof(s->ttl));
		skbox_setsockopt(s->w, s->fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &s->ttl, sizeof(s->ttl));
	}
	skbox_setsockopt(s->w, s->fd, IPPROTO_IPV6, IPV6_RECVERR, &on, sizeof(on));
	/* iputils asks for the hop limit of replies (ttl=) */
	skbox_setsockopt(s->w, s->fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &on, sizeof(on));
	if (s->pmtudisc >= 0)	/* IPV6_PMTUDISC_* have IP_PMTUDISC_*'s values */
		skbox_setsockopt(s->w, s->fd, IPPROTO_IPV6, IPV6_MTU_DISCOVER, &s->pmtudisc,
				 sizeof(s->pmtudisc));
	if ((err = skbox_connect(s->w, s->fd, (struct sockaddr *)d, sizeof(*d)))) {
		fprintf(s->ctx->err, "ping: connect: %s\n", strerror(-err));
		return 2;
	}
	s->ident = htons((u_short)(s->fd * 7919 + 4242));
	ping6_name(s, d, name, sizeof(name));
	fprintf(s->out, "PING %s(%s) %d data bytes\n", s->hostname, name, s->datalen);
	return 0;
}

int do_ping(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct ping_state *s = kmalloc(sizeof(*s));
	int i, ret = 2;

	if (!s) {
		fprintf(ctx->err, "ping: %s\n", strerror(ENOMEM));
		return 2;
	}
	ping_init(s, ctx);
	/* iputils' ping6 link: IPv6 */
	s->v6 = !strcmp(strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : argv[0], "ping6");
	i = ping_parse_args(s, argc, argv);
	if (i < 0) {
		/* bad values exit 1, usage errors and bad -M/-W 2 (iputils) */
		ret = i == -1 ? 1 : 2;
		goto out;
	}
	if (i >= argc) {
		fprintf(ctx->err, "ping: usage error: Destination address required\n");
		ret = 1;
		goto out;
	}
	snprintf(s->hostname, sizeof(s->hostname), "%s", argv[argc - 1]);
	if (s->v6 || strchr(s->hostname, ':')) {
		ret = ping6_start(s);
		if (ret)
			goto out;
		goto run;
	}
	if (inet_aton(s->hostname, &s->whereto.sin_addr) == 0) {
		fprintf(ctx->err, "ping: %s: Name or service not known\n", s->hostname);
		goto out;
	}
	if (ping_probe_source(s) || ping_open(s))
		goto out;
	s->ident = htons((u_short)(ctx->world ? (unsigned int)(s->fd * 7919 + 4242) : 0));
	ping_header(s);
run:
	s->start_ns = s->cur_ns = ns_of(s->w);
	ping_loop(s);
	ping_finish(s);
	ret = (!s->nreceived || (s->deadline_ms && s->nreceived < s->npackets)) ? 1 : 0;
out:
	if (s->fd >= 0)
		skbox_close(s->w, s->fd);
	free(s);
	return ret;
}
