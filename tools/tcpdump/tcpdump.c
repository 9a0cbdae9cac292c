/* tcpdump 4.99 (Debian 12) over libpcap, inside the world.  Live capture is
 * a PF_PACKET-style tap: a packet_type for ETH_P_ALL on one device
 * (dev_add_pack), which __netif_receive_skb_core (receive) and
 * dev_hard_start_xmit (transmit, PACKET_OUTGOING) hand a clone of each
 * frame.  The filter is compiled and run by libpcap (pcap_compile on a
 * pcap_open_dead handle, pcap_offline_filter); -w/-r use libpcap's savefile
 * code.  The command is a task: it sleeps on a wait queue the tap wakes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "linux/slab.h"
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "linux/skbuff.h"
#include "net/net_namespace.h"
#include "net/world.h"
#include "tcpdump.h"

static const char usage_text[] =
	"tcpdump version 4.99.3\n"
	"libpcap version 1.10.3 (with TPACKET_V3)\n"
	"OpenSSL 3.0.19 27 Jan 2026\n"
	"Usage: tcpdump [-AbdDefhHIJKlLnNOpqStuUvxX#] [ -B size ] [ -c count ] [--count]\n"
	"\t\t[ -C file_size ] [ -E algo:secret ] [ -F file ] [ -G seconds ]\n"
	"\t\t[ -i interface ] [ --immediate-mode ] [ -j tstamptype ]\n"
	"\t\t[ -M secret ] [ --number ] [ --print ] [ -Q in|out|inout ]\n"
	"\t\t[ -r file ] [ -s snaplen ] [ -T type ] [ --version ]\n"
	"\t\t[ -V file ] [ -w file ] [ -W filecount ] [ -y datalinktype ]\n"
	"\t\t[ --time-stamp-precision precision ] [ --micro ] [ --nano ]\n"
	"\t\t[ -z postrotate-command ] [ -Z user ] [ expression ]\n";

/* Flags that take an argument; returns the slot for it, NULL otherwise. */
static const char **td_optarg_slot(struct tcpdump *td, char c, const char **dummy)
{
	switch (c) {
	case 'i': return &td->device;
	case 'w': return &td->wfile;
	case 'r': return &td->rfile;
	case 'c': case 's': case 'B': case 'Z': case 'z': case 'C': case 'F':
	case 'G': case 'W': case 'y': case 'T': case 'E': case 'M': case 'j':
	case 'Q': case 'V':
		return dummy;
	default: return NULL;
	}
}

static int td_flag(struct tcpdump *td, char c)
{
	switch (c) {
	case 'n': td->nflag = true; break;
	case 'l': td->lflag = true; break;
	case 'p': case 'S': case 'U': break;
	case 'e': td->eflag = true; break;
	case 't': td->tflag = true; break;
	case 'v': td->vflag++; break;
	case 'q': td->qflag++; break;
	default:
		fprintf(td->ctx->err, "tcpdump: invalid option -- '%c'\n", c);
		fputs(usage_text, td->ctx->err);
		return -1;
	}
	return 0;
}

/* One "-xyz" word (argv[*i]); an option argument may follow in the word or
 * be the next word. */
static int td_parse_word(struct tcpdump *td, int argc, char **argv, int *i)
{
	/* pcap_set_immediate_mode(): the world hands each packet over as it
	 * passes, so the capture is immediate already */
	if (!strcmp(argv[*i], "--immediate-mode"))
		return 0;
	for (const char *p = argv[*i] + 1; *p; p++) {
		const char *dummy, **slot = td_optarg_slot(td, *p, &dummy);
		const char *arg;

		if (!slot) {
			if (td_flag(td, *p))
				return -1;
			continue;
		}
		arg = p[1] ? p + 1 : (*i + 1 < argc ? argv[++*i] : NULL);
		if (!arg) {
			fprintf(td->ctx->err, "tcpdump: option requires an argument -- '%c'\n", *p);
			fputs(usage_text, td->ctx->err);
			return -1;
		}
		*slot = arg;
		if (*p == 'c') {
			char *end;

			td->count = strtol(arg, &end, 10);
			if (*end || td->count <= 0) {
				fprintf(td->ctx->err, "tcpdump: invalid packet count %s\n", arg);
				return -1;
			}
		}
		return 0;
	}
	return 0;
}

/* The expression: the remaining words joined by spaces (tcpdump's
 * copy_argv). */
static int td_parse(struct tcpdump *td, int argc, char **argv)
{
	int i;
	size_t len = 1;

	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++)
		if (td_parse_word(td, argc, argv, &i))
			return -1;
	for (int k = i; k < argc; k++)
		len += strlen(argv[k]) + 1;
	if (i >= argc)
		return 0;
	td->expr = kzalloc(len);
	if (!td->expr)
		return -1;
	for (int k = i; k < argc; k++) {
		if (k > i)
			strcat(td->expr, " ");
		strcat(td->expr, argv[k]);
	}
	return 0;
}

static int td_compile(struct tcpdump *td)
{
	td->dead = pcap_open_dead(DLT_EN10MB, TD_SNAPLEN);
	if (!td->dead) {
		fprintf(td->ctx->err, "tcpdump: pcap_open_dead failed\n");
		return -1;
	}
	if (pcap_compile(td->dead, &td->prog, td->expr ? td->expr : "", 1,
			 PCAP_NETMASK_UNKNOWN) < 0) {
		fprintf(td->ctx->err, "tcpdump: %s\n", pcap_geterr(td->dead));
		return -1;
	}
	td->have_prog = true;
	return 0;
}

static bool td_match(struct tcpdump *td, const uint8_t *p, uint32_t len)
{
	struct pcap_pkthdr h = { .caplen = len, .len = len };

	return !td->have_prog || pcap_offline_filter(&td->prog, &h, p);
}

/* One packet that passed the filter: written (-w) or printed. */
static void td_handle(struct tcpdump *td, const struct timeval *ts,
		      const uint8_t *p, uint32_t len)
{
	td->captured++;
	if (td->dumper) {
		struct pcap_pkthdr h = { .ts = *ts, .caplen = len, .len = len };

		pcap_dump((u_char *)td->dumper, &h, p);
		return;
	}
	td_print_packet(td, ts, p, len);
}

/* -r -: the command's standard input, read whole, as a stream libpcap reads */
static pcap_t *td_open_stdin(struct tcpdump *td, char **buf, char *errbuf)
{
	size_t len = 0, cap = 0;
	ssize_t n;
	FILE *f;
	pcap_t *pf;

	for (;;) {
		if (len == cap) {
			char *p = krealloc(*buf, cap ? cap * 2 : 4096);

			if (!p) {
				snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", strerror(ENOMEM));
				return NULL;
			}
			*buf = p;
			cap = cap ? cap * 2 : 4096;
		}
		n = cmd_read(td->ctx, *buf + len, cap - len);
		if (n <= 0)
			break;
		len += (size_t)n;
	}
	f = fmemopen(*buf, len ? len : 1, "r");
	if (!f) {
		snprintf(errbuf, PCAP_ERRBUF_SIZE, "%s", strerror(errno));
		return NULL;
	}
	if (!len)
		fseek(f, 0, SEEK_END);	/* an empty input: nothing to read */
	pf = pcap_fopen_offline(f, errbuf);
	if (!pf)
		fclose(f);
	return pf;
}

/* -r FILE: read a savefile and print it; no capture statistics. */
static int td_read_file(struct tcpdump *td)
{
	char errbuf[PCAP_ERRBUF_SIZE];
	char *buf = NULL;
	pcap_t *pf = !strcmp(td->rfile, "-") ? td_open_stdin(td, &buf, errbuf) :
		pcap_open_offline(td->rfile, errbuf);
	struct pcap_pkthdr *h;
	const u_char *data;

	if (!pf) {
		fprintf(td->ctx->err, "tcpdump: %s\n", errbuf);
		kfree(buf);
		return 1;
	}
	fprintf(td->ctx->err, "reading from file %s, link-type EN10MB (Ethernet), "
		"snapshot length %d\n", td->rfile, pcap_snapshot(pf));
	while (pcap_next_ex(pf, &h, &data) == 1) {
		if (td->count && (long)td->captured >= td->count)
			break;
		td->wire_len = h->len;
		if (td_match(td, data, h->caplen))
			td_handle(td, &h->ts, data, h->caplen);
	}
	td->wire_len = 0;
	pcap_close(pf);
	kfree(buf);
	return 0;
}

/* The tap: the callback of our packet_type.  It owns the clone. */
static int td_tap_rcv(struct sk_buff *skb, struct net_device *dev,
		      struct packet_type *pt, struct net_device *orig_dev)
{
	struct tcpdump *td = pt->af_packet_priv;
	const uint8_t *mac = skb_mac_header(skb);
	uint32_t head = (uint32_t)(skb->tail - mac), len = head + skb->data_len;
	struct td_pkt *pkt;
	struct timespec now;

	(void)dev;
	(void)orig_dev;
	pkt = kmalloc(sizeof(*pkt) + len);
	if (!pkt)
		goto out;
	memcpy(pkt->data, mac, head);
	if (skb->data_len)
		skb_copy_bits(skb, (int)skb_headlen(skb), pkt->data + head, (int)skb->data_len);
	pkt->len = len;
	if (!td_match(td, pkt->data, len) ||
	    (td->loopback && skb->pkt_type == PACKET_OUTGOING)) {
		/* libpcap drops lo's outgoing copies after the kernel filter */
		td->received += td_match(td, pkt->data, len);
		free(pkt);
		goto out;
	}
	td->received++;
	/* a real-time world stamps frames with the wall clock, as the kernel
	 * does; a virtual one with its own time (from 00:00:00) */
	if (td->w->realtime)
		clock_gettime(CLOCK_REALTIME, &now);
	else
		skbox_gettime(td->w, &now);
	pkt->ts.tv_sec = now.tv_sec;
	pkt->ts.tv_usec = now.tv_nsec / 1000;
	pkt->next = NULL;
	*td->tailp = pkt;
	td->tailp = &pkt->next;
	wake_up(&td->wq);
out:
	consume_skb(skb);
	return 0;
}

/* Like stdio on a pipe: whole 4096-byte blocks go out as they fill, the
 * rest at exit (all = true).  With -l every line goes out at once. */
static void td_out_flush(struct tcpdump *td, bool all)
{
	char *rest;
	size_t n, rlen;

	fflush(td->out);
	if (td->out == td->ctx->out)
		return;
	n = all ? td->olen : td->olen / 4096 * 4096;
	if (!n)
		return;
	fwrite(td->obuf, 1, n, td->ctx->out);
	fflush(td->ctx->out);
	rlen = td->olen - n;
	rest = kmalloc(rlen + 1);
	if (rest)
		memcpy(rest, td->obuf + n, rlen);
	fclose(td->out);
	free(td->obuf);
	td->obuf = NULL;
	td->out = open_memstream(&td->obuf, &td->olen);
	if (!td->out)
		td->out = td->ctx->out;
	else if (rest)
		fwrite(rest, 1, rlen, td->out);
	free(rest);
}

static void td_out_close(struct tcpdump *td)
{
	if (td->out != td->ctx->out) {
		td_out_flush(td, true);
		fclose(td->out);
		free(td->obuf);
		td->out = td->ctx->out;
	}
}

static void td_drain(struct tcpdump *td)
{
	struct td_pkt *pkt;

	while ((pkt = td->head) && (!td->count || (long)td->captured < td->count)) {
		td->head = pkt->next;
		if (!td->head)
			td->tailp = &td->head;
		td_handle(td, &pkt->ts, pkt->data, pkt->len);
		free(pkt);
	}
}

static void td_free_queue(struct tcpdump *td)
{
	while (td->head) {
		struct td_pkt *pkt = td->head;

		td->head = pkt->next;
		free(pkt);
	}
	td->tailp = &td->head;
}

#define PLURAL(n) ((n) == 1 ? "" : "s")

static void td_stats(struct tcpdump *td)
{
	FILE *e = td->ctx->err;

	fprintf(e, "%lu packet%s captured\n", td->captured, PLURAL(td->captured));
	fprintf(e, "%lu packet%s received by filter\n", td->received, PLURAL(td->received));
	fprintf(e, "0 packets dropped by kernel\n");
}

/* The capture loop: sleep until the tap queues something, print, until -c
 * packets or a signal. */
static int td_loop(struct tcpdump *td)
{
	int interrupted = 0;

	td->pt.type = htons(ETH_P_ALL);
	td->pt.dev = td->dev;
	td->pt.func = td_tap_rcv;
	td->pt.af_packet_priv = td;
	dev_add_pack(td->ctx->net, &td->pt);
	for (;;) {
		td_drain(td);
		td_out_flush(td, false);
		if (td->count && (long)td->captured >= td->count)
			break;
		if (task_wait(td->w, &td->wq, 0) == -EINTR) {
			interrupted = 1;
			break;
		}
	}
	dev_remove_pack(td->ctx->net, &td->pt);
	td_free_queue(td);
	if (interrupted)
		fputc('\n', td->out);
	td_out_close(td);
	td_stats(td);
	return 0;
}

/* The device: -i NAME, or the first up device that is not a loopback. */
static int td_open_device(struct tcpdump *td)
{
	struct net_device *dev;

	if (td->device) {
		td->dev = __dev_get_by_name(td->ctx->net, td->device);
		if (!td->dev) {
			fprintf(td->ctx->err, "tcpdump: %s: No such device exists\n"
				"(No such device exists)\n", td->device);
			return -1;
		}
	} else {
		list_for_each_entry(dev, &td->ctx->net->dev_base_head, dev_list) {
			if ((dev->flags & IFF_UP) && !(dev->flags & IFF_LOOPBACK)) {
				td->dev = dev;
				break;
			}
		}
		if (!td->dev) {
			fprintf(td->ctx->err, "tcpdump: no suitable device found\n");
			return -1;
		}
		td->device = td->dev->name;
	}
	if (!(td->dev->flags & IFF_UP)) {
		fprintf(td->ctx->err, "tcpdump: %s: That device is not up\n", td->device);
		return -1;
	}
	td->loopback = td->dev->flags & IFF_LOOPBACK;
	return 0;
}

static int td_live(struct tcpdump *td)
{
	FILE *e = td->ctx->err;

	if (td_open_device(td) || td_compile(td))
		return 1;
	if (td->wfile) {
		td->dumper = pcap_dump_open(td->dead, td->wfile);
		if (!td->dumper) {
			fprintf(e, "tcpdump: %s\n", pcap_geterr(td->dead));
			return 1;
		}
	}
	if (!td->vflag && !td->wfile)
		fprintf(e, "tcpdump: verbose output suppressed, use -v[v]... for full protocol decode\n");
	else
		fprintf(e, "tcpdump: ");
	fprintf(e, "listening on %s, link-type EN10MB (Ethernet), snapshot length %d bytes\n",
		td->device, TD_SNAPLEN);
	fflush(e);
	if (!td->lflag && !td->wfile) {
		td->out = open_memstream(&td->obuf, &td->olen);
		if (!td->out)
			td->out = td->ctx->out;
	}
	return td_loop(td);
}

int do_tcpdump(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct tcpdump *td = kzalloc(sizeof(*td));
	int rc = 1;

	if (!td)
		return 1;
	td->ctx = ctx;
	td->w = ctx->world;
	td->out = ctx->out;
	td->tailp = &td->head;
	init_waitqueue_head(&td->wq);
	if (td_parse(td, argc, argv))
		goto out;
	if (td->rfile)
		rc = td_compile(td) ? 1 : td_read_file(td);
	else
		rc = td_live(td);
out:
	if (td->dumper)
		pcap_dump_close(td->dumper);
	if (td->have_prog)
		pcap_freecode(&td->prog);
	if (td->dead)
		pcap_close(td->dead);
	fflush(ctx->out);
	free(td->expr);
	free(td);
	return rc;
}
