/* tcpdump's state (tcpdump.c's globals and netdissect_options, gathered in
 * one struct): options, the compiled filter, the capture queue the tap
 * fills, the counters and print-tcp.c's sequence-number table. */
#ifndef SKBOX_TOOLS_TCPDUMP_H
#define SKBOX_TOOLS_TCPDUMP_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/time.h>
#include <pcap/pcap.h>
#include "linux/netdevice.h"
#include "linux/sched.h"

struct cmd_ctx;
struct world;

#define TD_SNAPLEN 262144
#define TD_NSEQ 64

struct td_pkt {
	struct td_pkt *next;
	struct timeval ts;
	uint32_t len;
	uint8_t data[];
};

/* print-tcp.c: struct tcp_seq_hash, one per conversation */
struct td_seq {
	uint8_t src[16], dst[16];	/* IPv4 in the first 4 bytes */
	uint32_t port;
	uint32_t seq, ack;
};

struct tcpdump {
	struct cmd_ctx *ctx;
	struct world *w;
	FILE *out;			/* ctx->out, or the stdio buffer below */
	char *obuf;			/* without -l, stdout to a pipe is block-buffered: */
	size_t olen;			/* output leaves in BUFSIZ blocks and at exit */
	const char *device, *wfile, *rfile;
	char *expr;
	long count;			/* -c, 0 = forever */
	int vflag, qflag;
	bool eflag, tflag, nflag, lflag;
	pcap_t *dead;
	struct bpf_program prog;
	bool have_prog;
	pcap_dumper_t *dumper;
	struct net_device *dev;
	bool loopback;
	struct packet_type pt;
	struct wait_queue_head wq;
	struct td_pkt *head, **tailp;
	unsigned long captured, received;
	uint32_t wire_len;		/* -r: the record's length on the wire (0: as captured) */
	struct td_seq seqs[TD_NSEQ];
	int nseq;
};

/* print.c */
void td_print_packet(struct tcpdump *td, const struct timeval *ts,
		     const uint8_t *p, uint32_t len);

#endif
