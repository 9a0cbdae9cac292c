/* ping's state (iputils' struct ping_rts, the IPv4 part). */
#ifndef SKBOX_TOOLS_PING_H
#define SKBOX_TOOLS_PING_H

#include <stdbool.h>
#include <stdio.h>
#include <netinet/in.h>
#include <sys/types.h>

struct world;
struct cmd_ctx;

#define PING_MAX_DUP_CHK (0x10000)
#define PING_MAXWAIT 10

struct ping_state {
	struct cmd_ctx *ctx;
	struct world *w;
	FILE *out;
	int fd;
	char hostname[256];
	struct sockaddr_in whereto;
	struct sockaddr_in source;
	bool v6;			/* -6 or an IPv6 destination */
	struct sockaddr_in6 whereto6;
	char device[32];
	long npackets;			/* -c, 0 = forever */
	long long interval_ms;		/* -i */
	long long deadline_ms;		/* -w, 0 = none */
	long long linger_ms;		/* -W */
	int datalen;			/* -s */
	int ttl;			/* -t, -1 = default */
	int pmtudisc;			/* -M, -1 = default */
	bool quiet;			/* -q */
	bool broadcast;			/* -b */
	bool numeric;			/* -n */
	bool strictsource;
	u_short ident;
	long ntransmitted, nreceived, nrepeats, nerrors, nchecksum;
	int pipesize;
	long long start_ns, cur_ns, last_send_ns;
	long long tmin, tmax, tsum, tsum2;	/* µs */
	long long exit_at_ns;			/* 0: not scheduled */
	bool exiting;
	u_char rcvd_tbl[PING_MAX_DUP_CHK / 8];
	u_char outpack[65536] __attribute__((aligned(16)));
};

#endif
