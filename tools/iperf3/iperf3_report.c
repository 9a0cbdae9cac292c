/* iperf3's output (iperf_locale.c formats, iperf_api.c reporter): the
 * interval table, the sender/receiver summary, and with -J the JSON
 * document cJSON prints (tab indentation, ", " between array items,
 * integers as %d, other numbers as %1.15g or %1.17g). */
#include <arpa/inet.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "skbox/cmd.h"
#include "iperf3.h"

/* unit_snprintf(): 'A' adaptive bytes (1024), 'a' adaptive bits (1000) */
const char *ip3_unit(char *buf, size_t n, double v, bool bytes)
{
	static const char *const byte_lbl[] = { "Byte", "KByte", "MByte", "GByte", "TByte" };
	static const char *const bit_lbl[] = { "bit", "Kbit", "Mbit", "Gbit", "Tbit" };
	double base = bytes ? 1024 : 1000;
	int u = 0;

	while (v >= base && u < 4) {
		v /= base;
		u++;
	}
	snprintf(buf, n, v < 9.995 ? "%4.2f %s" : v < 99.95 ? "%4.1f %s" : "%4.0f %s", v,
		 bytes ? byte_lbl[u] : bit_lbl[u]);
	return buf;
}

/* ---- the JSON writer ---- */
struct jw {
	FILE *f;
	int lvl;
	int indent[12];
	bool array[12], first[12];
};

static void jw_tabs(struct jw *j, int n)
{
	while (n-- > 0)
		fputc('\t', j->f);
}

static void jw_key(struct jw *j, const char *key)
{
	if (!j->first[j->lvl])
		fputs(j->array[j->lvl] ? ", " : ",\n", j->f);
	j->first[j->lvl] = false;
	if (!j->array[j->lvl]) {
		jw_tabs(j, j->indent[j->lvl]);
		fprintf(j->f, "\"%s\":\t", key);
	}
}

static void jw_push(struct jw *j, bool array)
{
	j->lvl++;
	j->indent[j->lvl] = j->indent[j->lvl - 1] + 1;
	j->array[j->lvl] = array;
	j->first[j->lvl] = true;
	fputs(array ? "[" : "{\n", j->f);
}

static void jw_open(struct jw *j, const char *key, bool array)
{
	if (j->lvl >= 0)
		jw_key(j, key);
	jw_push(j, array);
}

static void jw_close(struct jw *j)
{
	if (!j->array[j->lvl]) {
		fputc('\n', j->f);
		jw_tabs(j, j->indent[j->lvl] - 1);
	}
	fputc(j->array[j->lvl] ? ']' : '}', j->f);
	j->lvl--;
}

static void jw_num(struct jw *j, const char *key, double v)
{
	char b[64];

	jw_key(j, key);
	if (v == (double)(int)v && fabs(v) < 2147483647.0) {
		fprintf(j->f, "%d", (int)v);
		return;
	}
	snprintf(b, sizeof(b), "%1.15g", v);
	if (strtod(b, NULL) != v)
		snprintf(b, sizeof(b), "%1.17g", v);
	fputs(b, j->f);
}

static void jw_bool(struct jw *j, const char *key, bool b)
{
	jw_key(j, key);
	fputs(b ? "true" : "false", j->f);
}

/* ---- text ---- */
void ip3_print_connected(struct ip3_test *t, const struct ip3_stream *s)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN];
	int lport, rport;

	if (t->json)
		return;
	lport = ip3_ntop(&s->local, a);
	rport = ip3_ntop(&s->remote, b);
	fprintf(t->out, "[%3d] local %s port %d connected to %s port %d\n", s->sock, a,
		lport, b, rport);
	fflush(t->out);
}

static bool ip3_sending(const struct ip3_test *t)
{
	return t->nstreams && t->st[0].sender;
}

void ip3_print_header(struct ip3_test *t)
{
	const char *h;

	if (t->json)
		return;
	if (t->udp)
		h = ip3_sending(t) ? "Total Datagrams" : "Jitter    Lost/Total Datagrams";
	else
		h = !t->server || ip3_sending(t) ? "Retr  Cwnd" : NULL;
	fprintf(t->out, "[ ID] Interval           Transfer     Bitrate%s%s\n", h ? "         " : "",
		h ? h : "");
	fflush(t->out);
}

/* One line of the table; id < 0 is [SUM]. */
struct ip3_line {
	int id;
	double from, to;
	u64 bytes, packets, lost;
	double jitter;
	u32 retrans, cwnd;
	bool sender, with_retrans, with_cwnd, udp_sender_int;
	const char *tag;
};

static void ip3_print_line(struct ip3_test *t, const struct ip3_line *l)
{
	char tb[32], bb[32], cb[32], id[8];
	double secs = l->to - l->from;

	snprintf(id, sizeof(id), l->id < 0 ? "SUM" : "%3d", l->id);
	ip3_unit(tb, sizeof(tb), (double)l->bytes, true);
	ip3_unit(bb, sizeof(bb), secs > 0 ? (double)l->bytes * 8 / secs : 0, false);
	fprintf(t->out, "[%s] %6.2f-%-6.2f sec  %ss  %ss/sec", id, l->from, l->to, tb, bb);
	if (l->udp_sender_int)
		fprintf(t->out, "  %llu  %s\n", (unsigned long long)l->packets, l->tag);
	else if (t->udp)
		fprintf(t->out, "  %5.3f ms  %llu/%llu (%.2g%%)  %s\n", l->jitter * 1000,
			(unsigned long long)l->lost, (unsigned long long)l->packets,
			l->packets ? 100.0 * (double)l->lost / (double)l->packets : 0.0, l->tag);
	else if (l->with_cwnd)
		fprintf(t->out, "  %3u   %ss       %s\n", l->retrans,
			ip3_unit(cb, sizeof(cb), l->cwnd, true), l->tag);
	else if (l->with_retrans)
		fprintf(t->out, "  %3u             %s\n", l->retrans, l->tag);
	else
		fprintf(t->out, "                  %s\n", l->tag);
}

static void ip3_json_interval(struct ip3_test *t, const struct ip3_line *ls, int n,
			      const struct ip3_line *sum)
{
	struct jw j = { .f = t->jint_f, .lvl = 1, .indent = { 1, 2 }, .array = { false, true },
			.first = { false, t->nintervals == 0 } };

	jw_open(&j, NULL, false);
	jw_open(&j, "streams", true);
	for (int i = 0; i <= n; i++) {
		const struct ip3_line *l = i < n ? &ls[i] : sum;
		double secs = l->to - l->from;

		if (i == n)
			jw_close(&j);
		jw_open(&j, i < n ? NULL : "sum", false);
		if (i < n)
			jw_num(&j, "socket", l->id);
		jw_num(&j, "start", l->from);
		jw_num(&j, "end", l->to);
		jw_num(&j, "seconds", secs);
		jw_num(&j, "bytes", (double)l->bytes);
		jw_num(&j, "bits_per_second", secs > 0 ? (double)l->bytes * 8 / secs : 0);
		if (t->udp && !l->sender) {
			jw_num(&j, "jitter_ms", l->jitter * 1000);
			jw_num(&j, "lost_packets", (double)l->lost);
			jw_num(&j, "packets", (double)l->packets);
			jw_num(&j, "lost_percent", l->packets ? 100.0 * (double)l->lost / (double)l->packets : 0);
		} else if (t->udp) {
			jw_num(&j, "packets", (double)l->packets);
		} else if (l->sender) {
			jw_num(&j, "retransmits", l->retrans);
			if (i < n)
				jw_num(&j, "snd_cwnd", l->cwnd);
		}
		jw_bool(&j, "omitted", false);
		jw_bool(&j, "sender", l->sender);
		jw_close(&j);
	}
	jw_close(&j);
	t->nintervals++;
}

/* The interval that just ended (last: the partial one at the end, shown
 * only when it carried data or lasted 10% of an interval). */
void ip3_interval(struct ip3_test *t, bool last)
{
	u64 now = last ? t->end_ns : t->int_start_ns + t->interval_ns;
	struct ip3_line ls[IP3_MAX_STREAMS], sum = { .id = -1, .tag = "" };
	bool snd = ip3_sending(t), any = false;

	sum.from = (double)(t->int_start_ns - t->start_ns) / 1e9;
	sum.to = (double)(now - t->start_ns) / 1e9;
	for (int i = 0; i < t->nstreams; i++) {
		struct ip3_stream *s = &t->st[i];

		ip3_stream_tcp_info(t, s);
		ls[i] = (struct ip3_line){ .id = s->sock, .from = sum.from, .to = sum.to,
			.bytes = s->int_bytes, .sender = snd, .tag = "", .jitter = s->jitter,
			.retrans = s->retrans - s->int_retrans_base, .cwnd = s->cwnd,
			.with_cwnd = !t->udp && snd, .udp_sender_int = t->udp && snd,
			.packets = snd ? s->int_packets : s->packets - s->int_packets,
			.lost = s->cnt_error - s->int_error };
		any |= s->int_bytes > 0;
		sum.bytes += ls[i].bytes;
		sum.packets += ls[i].packets;
		sum.lost += ls[i].lost;
		sum.retrans += ls[i].retrans;
		sum.jitter += s->jitter / t->nstreams;
	}
	sum.sender = snd;
	sum.with_retrans = !t->udp && snd;
	sum.udp_sender_int = t->udp && snd;
	if (!last || any || (double)(now - t->int_start_ns) >= 0.1 * (double)t->interval_ns) {
		if (t->json) {
			ip3_json_interval(t, ls, t->nstreams, &sum);
		} else {
			if (t->nstreams > 1 && t->nintervals++)
				fprintf(t->out, "- - - - - - - - - - - - - - - - - - - - - - - - -\n");
			for (int i = 0; i < t->nstreams; i++)
				ip3_print_line(t, &ls[i]);
			if (t->nstreams > 1)
				ip3_print_line(t, &sum);
			fflush(t->out);
		}
	}
	for (int i = 0; i < t->nstreams; i++) {
		struct ip3_stream *s = &t->st[i];

		s->int_bytes = 0;
		s->int_retrans_base = s->retrans;
		s->int_error = s->cnt_error;
		s->int_packets = snd ? 0 : s->packets;
	}
	t->int_start_ns = now;
}
