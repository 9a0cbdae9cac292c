/* iperf3's end of test: the sender/receiver summary lines (the client shows
 * both, from its own figures and the server's results; the server shows
 * its own side), and the -J document (start, intervals, end). */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "skbox/cmd.h"
#include "net/world.h"
#include "iperf3.h"

/* One side of a stream at the end: what was sent, or what arrived. */
struct side {
	double from, to;
	u64 bytes, packets, lost;
	double jitter;
	u32 retrans;
};

static void summary_sides(const struct ip3_test *t, const struct ip3_stream *s,
			  struct side *snd, struct side *rcv)
{
	double mine = (double)(t->end_ns - t->start_ns) / 1e9;
	double theirs = s->peer_end > s->peer_start ? s->peer_end - s->peer_start : mine;
	struct side me = { 0, mine, s->bytes, s->packets, s->cnt_error, s->jitter, s->retrans };
	struct side peer = { 0, theirs, s->peer_bytes, s->peer_packets, s->peer_errors,
			     s->peer_jitter, s->peer_retrans };

	*snd = s->sender ? me : peer;
	*rcv = s->sender ? peer : me;
	snd->lost = 0;
	snd->jitter = 0;
}

static void summary_line(struct ip3_test *t, int sock, const struct side *d, bool sender)
{
	char id[8], tb[32], bb[32];
	double secs = d->to - d->from;

	snprintf(id, sizeof(id), sock < 0 ? "SUM" : "%3d", sock);
	ip3_unit(tb, sizeof(tb), (double)d->bytes, true);
	ip3_unit(bb, sizeof(bb), secs > 0 ? (double)d->bytes * 8 / secs : 0, false);
	fprintf(t->out, "[%s] %6.2f-%-6.2f sec  %ss  %ss/sec", id, d->from, d->to, tb, bb);
	if (t->udp)
		fprintf(t->out, "  %5.3f ms  %llu/%llu (%.2g%%)  %s\n", d->jitter * 1000,
			(unsigned long long)d->lost, (unsigned long long)d->packets,
			d->packets ? 100.0 * (double)d->lost / (double)d->packets : 0.0,
			sender ? "sender" : "receiver");
	else if (sender)
		fprintf(t->out, "  %3u             sender\n", d->retrans);
	else
		fprintf(t->out, "                  receiver\n");
}

static void side_add(struct side *sum, const struct side *d, int n)
{
	sum->bytes += d->bytes;
	sum->packets += d->packets;
	sum->lost += d->lost;
	sum->retrans += d->retrans;
	sum->jitter += d->jitter / n;
	if (d->to > sum->to)
		sum->to = d->to;
}

static void summary_totals(const struct ip3_test *t, struct side *ss, struct side *rs)
{
	memset(ss, 0, sizeof(*ss));
	memset(rs, 0, sizeof(*rs));
	for (int i = 0; i < t->nstreams; i++) {
		struct side snd, rcv;

		summary_sides(t, &t->st[i], &snd, &rcv);
		side_add(ss, &snd, t->nstreams);
		side_add(rs, &rcv, t->nstreams);
	}
}

void ip3_summary(struct ip3_test *t)
{
	bool both = !t->server, snd_me = t->nstreams && t->st[0].sender;
	struct side ss, rs;

	if (t->json)
		return;
	fprintf(t->out, "- - - - - - - - - - - - - - - - - - - - - - - - -\n");
	fprintf(t->out, "[ ID] Interval           Transfer     Bitrate%s\n",
		t->udp ? "         Jitter    Lost/Total Datagrams" :
		both || snd_me ? "         Retr" : "");
	for (int i = 0; i < t->nstreams; i++) {
		struct side snd, rcv;

		summary_sides(t, &t->st[i], &snd, &rcv);
		if (both || snd_me)
			summary_line(t, t->st[i].sock, &snd, true);
		if (both || !snd_me)
			summary_line(t, t->st[i].sock, &rcv, false);
	}
	summary_totals(t, &ss, &rs);
	if (t->nstreams > 1 && (both || snd_me))
		summary_line(t, -1, &ss, true);
	if (t->nstreams > 1 && (both || !snd_me))
		summary_line(t, -1, &rs, false);
	fflush(t->out);
}

/* ---- -J ---- */
static void jtabs(FILE *f, int n)
{
	while (n-- > 0)
		fputc('\t', f);
}

static void jnum(FILE *f, int ind, const char *key, double v, bool more)
{
	char b[64];

	jtabs(f, ind);
	if (v == (double)(long long)v && v < 2147483647.0 && v > -2147483647.0)
		snprintf(b, sizeof(b), "%lld", (long long)v);
	else {
		snprintf(b, sizeof(b), "%1.15g", v);
		if (strtod(b, NULL) != v)
			snprintf(b, sizeof(b), "%1.17g", v);
	}
	fprintf(f, "\"%s\":\t%s%s\n", key, b, more ? "," : "");
}

static void jstr(FILE *f, int ind, const char *key, const char *s, bool more)
{
	jtabs(f, ind);
	fprintf(f, "\"%s\":\t\"%s\"%s\n", key, s, more ? "," : "");
}

static void jside(struct ip3_test *t, FILE *f, int ind, const struct side *d, int sock,
		  bool sender_flag, bool udp_recv)
{
	double secs = d->to - d->from;

	if (sock >= 0)
		jnum(f, ind, "socket", sock, true);
	jnum(f, ind, "start", d->from, true);
	jnum(f, ind, "end", d->to, true);
	jnum(f, ind, "seconds", secs, true);
	jnum(f, ind, "bytes", (double)d->bytes, true);
	jnum(f, ind, "bits_per_second", secs > 0 ? (double)d->bytes * 8 / secs : 0, true);
	if (t->udp) {
		jnum(f, ind, "jitter_ms", udp_recv ? d->jitter * 1000 : 0, true);
		jnum(f, ind, "lost_packets", udp_recv ? (double)d->lost : 0, true);
		jnum(f, ind, "packets", (double)d->packets, true);
		jnum(f, ind, "lost_percent", udp_recv && d->packets ?
		     100.0 * (double)d->lost / (double)d->packets : 0, true);
	} else if (!udp_recv) {
		jnum(f, ind, "retransmits", d->retrans, true);
	}
	jtabs(f, ind);
	fprintf(f, "\"sender\":\t%s\n", sender_flag ? "true" : "false");
}

static void json_start_block(struct ip3_test *t, FILE *f)
{
	fprintf(f, "{\n\t\"start\":\t{\n\t\t\"connected\":\t[");
	for (int i = 0; i < t->nstreams; i++) {
		const struct ip3_stream *s = &t->st[i];
		char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
		int lport = ip3_ntop(&s->local, a), rport = ip3_ntop(&s->remote, b);

		fprintf(f, "%s{\n", i ? ", " : "");
		jnum(f, 4, "socket", s->sock, true);
		jstr(f, 4, "local_host", a, true);
		jnum(f, 4, "local_port", lport, true);
		jstr(f, 4, "remote_host", b, true);
		jnum(f, 4, "remote_port", rport, false);
		fprintf(f, "\t\t\t}");
	}
	fprintf(f, "],\n");
	jstr(f, 2, "version", "iperf 3.12", true);
	jstr(f, 2, "system_info", "skbox", true);
	fprintf(f, "\t\t\"connecting_to\":\t{\n");
	jstr(f, 3, "host", t->host ? t->host : "", true);
	jnum(f, 3, "port", t->port, false);
	fprintf(f, "\t\t},\n");
	jstr(f, 2, "cookie", t->cookie, true);
	if (!t->udp)
		jnum(f, 2, "tcp_mss_default", t->mss, true);
	jnum(f, 2, "target_bitrate", (double)t->rate, true);
	fprintf(f, "\t\t\"test_start\":\t{\n");
	jstr(f, 3, "protocol", t->udp ? "UDP" : "TCP", true);
	jnum(f, 3, "num_streams", t->nstreams, true);
	jnum(f, 3, "blksize", t->len, true);
	jnum(f, 3, "omit", 0, true);
	jnum(f, 3, "duration", t->duration, true);
	jnum(f, 3, "bytes", (double)t->nbytes, true);
	jnum(f, 3, "blocks", 0, true);
	jnum(f, 3, "reverse", t->reverse, true);
	jnum(f, 3, "tos", 0, true);
	jnum(f, 3, "target_bitrate", (double)t->rate, false);
	fprintf(f, "\t\t}\n\t},\n");
}

static void json_end_streams(struct ip3_test *t, FILE *f)
{
	fprintf(f, "\t\"end\":\t{\n\t\t\"streams\":\t[");
	for (int i = 0; i < t->nstreams; i++) {
		struct side snd, rcv;

		summary_sides(t, &t->st[i], &snd, &rcv);
		fprintf(f, "%s{\n", i ? ", " : "");
		if (t->udp) {
			fprintf(f, "\t\t\t\t\"udp\":\t{\n");
			jside(t, f, 5, &rcv, t->st[i].sock, t->st[i].sender, true);
			fprintf(f, "\t\t\t\t}\n\t\t\t}");
			continue;
		}
		fprintf(f, "\t\t\t\t\"sender\":\t{\n");
		jside(t, f, 5, &snd, t->st[i].sock, t->st[i].sender, false);
		fprintf(f, "\t\t\t\t},\n\t\t\t\t\"receiver\":\t{\n");
		jside(t, f, 5, &rcv, t->st[i].sock, t->st[i].sender, true);
		fprintf(f, "\t\t\t\t}\n\t\t\t}");
	}
	fprintf(f, "],\n");
}

static void json_end_sums(struct ip3_test *t, FILE *f)
{
	struct side ss, rs;
	bool snd_me = t->nstreams && t->st[0].sender;

	summary_totals(t, &ss, &rs);
	if (t->udp) {
		fprintf(f, "\t\t\"sum\":\t{\n");
		jside(t, f, 3, &rs, -1, snd_me, true);
		fprintf(f, "\t\t},\n");
	}
	fprintf(f, "\t\t\"sum_sent\":\t{\n");
	jside(t, f, 3, &ss, -1, snd_me, false);
	fprintf(f, "\t\t},\n\t\t\"sum_received\":\t{\n");
	jside(t, f, 3, &rs, -1, t->udp ? false : snd_me, true);
	fprintf(f, "\t\t},\n\t\t\"cpu_utilization_percent\":\t{\n");
	jnum(f, 3, "host_total", 0, true);
	jnum(f, 3, "host_user", 0, true);
	jnum(f, 3, "host_system", 0, true);
	jnum(f, 3, "remote_total", 0, true);
	jnum(f, 3, "remote_user", 0, true);
	jnum(f, 3, "remote_system", 0, false);
	fprintf(f, "\t\t}%s\n", t->udp ? "" : ",");
	if (!t->udp) {
		jstr(f, 2, "sender_tcp_congestion", "cubic", true);
		jstr(f, 2, "receiver_tcp_congestion", "cubic", false);
	}
	fprintf(f, "\t}");
}

/* The whole document on stdout; error: iperf3's "error" member instead of "end". */
void ip3_json_finish(struct ip3_test *t, const char *error)
{
	FILE *f = t->ctx->out;

	if (error && !t->connected) {	/* what 3.12 prints when it could not connect */
		fprintf(f, "{\n\t\"start\":\t{\n\t\t\"connected\":\t[],\n");
		jstr(f, 2, "version", "iperf 3.12", true);
		jstr(f, 2, "system_info", "skbox", false);
		fprintf(f, "\t},\n\t\"intervals\":\t[],\n\t\"end\":\t{\n\t},\n");
		jstr(f, 1, "error", error, false);
		fprintf(f, "}\n");
		fflush(f);
		return;
	}
	json_start_block(t, f);
	if (t->jint_f)
		fflush(t->jint_f);
	fprintf(f, "\t\"intervals\":\t[%.*s],\n", (int)t->jint_len, t->jint ? t->jint : "");
	if (error) {
		fprintf(f, "\t\"end\":\t{\n\t},\n");
		jstr(f, 1, "error", error, false);
	} else {
		json_end_streams(t, f);
		json_end_sums(t, f);
		fputc('\n', f);
	}
	fprintf(f, "}\n");
	fflush(f);
}
