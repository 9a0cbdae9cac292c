/* ss (iproute2's misc/ss.c) for TCP and UDP over IPv4 and IPv6: -t -u -a -l -n -p -s -4 -6
 * -i and their combinations (-tanpu); -o accepted (no timers shown; with -i
 * it adds ts/sack); filters
 * `state NAME` and `sport|dport = :N`.  Sockets come from the namespace's
 * tables in the order of Linux's dump (raw, udp, then tcp; listeners before
 * the established hash).  Output is iproute2's buffered render: every field
 * is measured first, then columns are as wide as their longest field (not a
 * terminal: no extra spreading), Local/Peer Address right-aligned, the rest
 * left-aligned, with iproute2's delimiters. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include "skbox/cmd.h"
#include "net/net_namespace.h"
#include "net/sock.h"
#include "net/tcp.h"
#include "net/world.h"

enum { COL_NETID, COL_STATE, COL_RECVQ, COL_SENDQ, COL_LADDR, COL_LPORT, COL_RADDR,
       COL_RPORT, COL_PROC, COL_EXT, COL_MAX };

static const struct {
	bool right;
	const char *header, *ldelim;
} cols[COL_MAX] = {
	{ false, "Netid", "" }, { false, "State", " " }, { false, "Recv-Q", " " },
	{ false, "Send-Q", " " }, { true, "Local Address:", " " }, { false, "Port", "" },
	{ true, "Peer Address:", " " }, { false, "Port", "" }, { false, "Process", "" },
	{ false, "", "" },
};

struct ss_row {
	char *f[COL_MAX];
};

struct ss {
	struct cmd_ctx *ctx;
	bool tcp, udp, unix_, all, listen, numeric, proc, summary;
	bool info, options;		/* -i, -o */
	bool only4, only6;		/* -4, -6 */
	unsigned int states;		/* `state NAME…`: 0 = the options decide */
	unsigned int sport, dport;	/* `sport = :N`, `dport = :N`: 0 = any */
	struct ss_row *rows;
	size_t n, cap;
};

static const char *const state_name[] = {
	"UNKNOWN", "ESTAB", "SYN-SENT", "SYN-RECV", "FIN-WAIT-1", "FIN-WAIT-2", "TIME-WAIT",
	"UNCONN", "CLOSE-WAIT", "LAST-ACK", "LISTEN", "CLOSING",
};

#define SSF(s) (1u << (s))
/* SS_CONN: every state but LISTEN, CLOSE, TIME_WAIT and SYN_RECV */
#define SS_CONN (0xffeu & ~(SSF(TCP_LISTEN) | SSF(TCP_CLOSE) | SSF(TCP_TIME_WAIT) | \
			    SSF(TCP_SYN_RECV)))

static unsigned int ss_states(const struct ss *s, bool udp)
{
	if (s->states)
		return s->states;
	if (s->all)
		return 0xffeu;
	if (s->listen)
		return SSF(TCP_LISTEN) | SSF(TCP_CLOSE);
	return udp ? SSF(TCP_ESTABLISHED) : SS_CONN;
}

static struct ss_row *row_new(struct ss *s)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 16;
		struct ss_row *r = realloc(s->rows, cap * sizeof(*r));

		if (!r)
			return NULL;
		s->rows = r;
		s->cap = cap;
	}
	memset(&s->rows[s->n], 0, sizeof(s->rows[0]));
	return &s->rows[s->n++];
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
	va_list ap;
	char *p = NULL;

	va_start(ap, f);
	if (vasprintf(&p, f, ap) < 0)
		p = NULL;
	va_end(ap);
	return p;
}

/* inet_addr_print(): the IPv6 wildcard of a dual-stack socket is "*",
 * other IPv6 addresses are bracketed */
static void inet6_addr_fmt(const struct in6_addr *a, bool v6only, char *buf)
{
	char t[INET6_ADDRSTRLEN];

	if (!v6only && IN6_IS_ADDR_UNSPECIFIED(a)) {
		strcpy(buf, "*");
		return;
	}
	inet_ntop(AF_INET6, a, t, sizeof(t));
	sprintf(buf, "[%s]", t);
}

/* -4/-6: does the socket's family pass? */
static bool ss_family_ok(const struct ss *s, const struct sock *sk)
{
	if (s->only4 && !s->only6)
		return sk->sk_family == AF_INET;
	if (s->only6 && !s->only4)
		return sk->sk_family == AF_INET6;
	return true;
}

static void add_sock(struct ss *s, const struct sock *sk, const char *netid, int state,
		     int rq, int wq)
{
	struct ss_row *r;
	char la[INET6_ADDRSTRLEN + 2], ra[INET6_ADDRSTRLEN + 2];

	if ((s->sport && sk->inet_num != s->sport) ||
	    (s->dport && ntohs(sk->inet_dport) != s->dport) || !ss_family_ok(s, sk))
		return;
	r = row_new(s);
	if (!r)
		return;
	if (sk->sk_family == AF_INET6) {
		inet6_addr_fmt(&sk->sk_v6_rcv_saddr, sk->ipv6only, la);
		inet6_addr_fmt(&sk->sk_v6_daddr, sk->ipv6only, ra);
	} else {
		inet_ntop(AF_INET, &sk->inet_rcv_saddr, la, sizeof(la));
		inet_ntop(AF_INET, &sk->inet_daddr, ra, sizeof(ra));
	}
	r->f[COL_NETID] = strdup(netid);
	r->f[COL_STATE] = strdup(state_name[state]);
	r->f[COL_RECVQ] = fmt("%-6d", rq);
	r->f[COL_SENDQ] = fmt("%-6d", wq);
	r->f[COL_LADDR] = fmt("%s:", la);
	r->f[COL_LPORT] = sk->inet_num ? fmt("%u", sk->inet_num) : strdup("*");
	r->f[COL_RADDR] = fmt("%s:", ra);
	r->f[COL_RPORT] = sk->inet_dport ? fmt("%u", ntohs(sk->inet_dport)) : strdup("*");
	if (s->proc && sk->sk_socket && sk->sk_socket->owner_pid)
		r->f[COL_PROC] = fmt(" users:((\"%s\",pid=%d,fd=%d))", sk->sk_socket->owner_comm,
				     sk->sk_socket->owner_pid, sk->sk_socket->fd);
	else
		r->f[COL_PROC] = strdup("");
	r->f[COL_EXT] = strdup("");
}

static void dump_udp(struct ss *s, struct net *net)
{
	unsigned int want = ss_states(s, true);
	struct sock *sk;

	/* one dump per family, IPv4 first, as iproute2 asks */
	for (int fam = AF_INET; fam; fam = fam == AF_INET ? AF_INET6 : 0)
		list_for_each_entry(sk, &net->ipv4.udp_sockets, sk_node) {
			int st = sk->inet_dport ? TCP_ESTABLISHED : TCP_CLOSE;

			if (sk->sk_family == fam && (want & SSF(st)))
				add_sock(s, sk, "udp", st, sk->sk_rmem_alloc, sk->sk_wmem_alloc);
		}
}

static void tcp_queues(const struct sock *sk, int *rq, int *wq)
{
	const struct tcp_sock *tp = tcp_sk(sk);

	if (sk->sk_state == TCP_LISTEN) {
		*rq = inet_csk(sk)->icsk_accept_len;
		*wq = inet_csk(sk)->sk_max_ack_backlog;
	} else {
		*rq = (int)(tp->rcv_nxt - tp->copied_seq);
		if (*rq < 0)
			*rq = 0;
		*wq = (int)(tp->write_seq - tp->snd_una);
	}
}

/* sprint_bw() */
static void ss_bw(const struct ss *s, char *buf, double bw)
{
	if (s->numeric)
		sprintf(buf, "%.0f", bw);
	else if (bw >= 1e12)
		sprintf(buf, "%.3gT", bw / 1e12);
	else if (bw >= 1e9)
		sprintf(buf, "%.3gG", bw / 1e9);
	else if (bw >= 1e6)
		sprintf(buf, "%.3gM", bw / 1e6);
	else if (bw >= 1e3)
		sprintf(buf, "%.3gk", bw / 1e3);
	else
		sprintf(buf, "%g", bw);
}

#define SS_OUT(p, end, ...) ((p) += snprintf((p), (size_t)((end) - (p)), __VA_ARGS__))

/* tcp_show_info() + tcp_stats_print(): the fields of TCP_INFO skbox keeps,
 * in iproute2's order and form (a field that is 0 is left out, as there) */
static char *tcp_info_line(const struct ss *s, struct sock *sk)
{
	char buf[1024], bw[64], *p = buf, *e = buf + sizeof(buf);
	struct tcp_info ti;
	double rtt;

	tcp_get_info(sk, &ti);
	rtt = (double)ti.tcpi_rtt;
	buf[0] = 0;
	if (s->options && (ti.tcpi_options & TCPI_OPT_TIMESTAMPS))
		SS_OUT(p, e, " ts");
	if (s->options && (ti.tcpi_options & TCPI_OPT_SACK))
		SS_OUT(p, e, " sack");
	SS_OUT(p, e, " %s", inet_csk(sk)->icsk_ca_ops->name);
	if (ti.tcpi_options & TCPI_OPT_WSCALE)
		SS_OUT(p, e, " wscale:%d,%d", ti.tcpi_snd_wscale, ti.tcpi_rcv_wscale);
	if (ti.tcpi_rto && ti.tcpi_rto != 3000000)
		SS_OUT(p, e, " rto:%g", (double)ti.tcpi_rto / 1000);
	if (ti.tcpi_backoff)
		SS_OUT(p, e, " backoff:%u", ti.tcpi_backoff);
	if (ti.tcpi_rtt)
		SS_OUT(p, e, " rtt:%g/%g", rtt / 1000, (double)ti.tcpi_rttvar / 1000);
	if (ti.tcpi_ato)
		SS_OUT(p, e, " ato:%g", (double)ti.tcpi_ato / 1000);
	if (ti.tcpi_snd_mss)
		SS_OUT(p, e, " mss:%u", ti.tcpi_snd_mss);
	if (ti.tcpi_pmtu)
		SS_OUT(p, e, " pmtu:%u", ti.tcpi_pmtu);
	if (ti.tcpi_rcv_mss)
		SS_OUT(p, e, " rcvmss:%u", ti.tcpi_rcv_mss);
	if (ti.tcpi_advmss)
		SS_OUT(p, e, " advmss:%u", ti.tcpi_advmss);
	if (ti.tcpi_snd_cwnd)
		SS_OUT(p, e, " cwnd:%u", ti.tcpi_snd_cwnd);
	if (ti.tcpi_snd_ssthresh && ti.tcpi_snd_ssthresh < 0xFFFF)
		SS_OUT(p, e, " ssthresh:%u", ti.tcpi_snd_ssthresh);
	if (ti.tcpi_bytes_acked)
		SS_OUT(p, e, " bytes_acked:%llu", (unsigned long long)ti.tcpi_bytes_acked);
	if (ti.tcpi_bytes_received)
		SS_OUT(p, e, " bytes_received:%llu", (unsigned long long)ti.tcpi_bytes_received);
	if (rtt > 0 && ti.tcpi_snd_mss && ti.tcpi_snd_cwnd) {
		ss_bw(s, bw, (double)ti.tcpi_snd_cwnd * ti.tcpi_snd_mss * 8000000. / rtt);
		SS_OUT(p, e, " send %sbps", bw);
	}
	if (ti.tcpi_last_data_sent)
		SS_OUT(p, e, " lastsnd:%u", ti.tcpi_last_data_sent);
	if (ti.tcpi_last_data_recv)
		SS_OUT(p, e, " lastrcv:%u", ti.tcpi_last_data_recv);
	if (ti.tcpi_last_ack_recv)
		SS_OUT(p, e, " lastack:%u", ti.tcpi_last_ack_recv);
	if (ti.tcpi_unacked)
		SS_OUT(p, e, " unacked:%u", ti.tcpi_unacked);
	if (ti.tcpi_retrans || ti.tcpi_total_retrans)
		SS_OUT(p, e, " retrans:%u/%u", ti.tcpi_retrans, ti.tcpi_total_retrans);
	if (ti.tcpi_lost)
		SS_OUT(p, e, " lost:%u", ti.tcpi_lost);
	if (ti.tcpi_sacked && sk->sk_state != TCP_LISTEN)
		SS_OUT(p, e, " sacked:%u", ti.tcpi_sacked);
	if (ti.tcpi_reordering != 3)
		SS_OUT(p, e, " reordering:%u", ti.tcpi_reordering);
	if (ti.tcpi_rcv_space)
		SS_OUT(p, e, " rcv_space:%u", ti.tcpi_rcv_space);
	if (ti.tcpi_rcv_ssthresh)
		SS_OUT(p, e, " rcv_ssthresh:%u", ti.tcpi_rcv_ssthresh);
	if (ti.tcpi_notsent_bytes)
		SS_OUT(p, e, " notsent:%u", ti.tcpi_notsent_bytes);
	if (ti.tcpi_min_rtt && ti.tcpi_min_rtt != ~0u)
		SS_OUT(p, e, " minrtt:%g", (double)ti.tcpi_min_rtt / 1000);
	if (ti.tcpi_snd_wnd)
		SS_OUT(p, e, " snd_wnd:%u", ti.tcpi_snd_wnd);
	return strdup(buf);
}

static void add_tcp(struct ss *s, struct sock *sk, int state, int rq, int wq)
{
	size_t n = s->n;

	add_sock(s, sk, "tcp", state, rq, wq);
	/* TIME_WAIT and request sockets have no tcp_info (inet_diag) */
	if (s->info && s->n > n && state != TCP_TIME_WAIT && state != TCP_SYN_RECV) {
		/* the -i line is the end of the Process field: "\n\t" and the
		 * fields, so it counts in that column's width as on Linux */
		struct ss_row *r = &s->rows[s->n - 1];
		char *info = tcp_info_line(s, sk), *f = info ? fmt("%s\n\t%s", r->f[COL_PROC] ?
						       r->f[COL_PROC] : "", info) : NULL;

		free(info);
		if (f) {
			free(r->f[COL_PROC]);
			r->f[COL_PROC] = f;
		}
	}
}

/* one inet_diag dump: listeners, then the established hash */
static void dump_tcp_family(struct ss *s, struct tcp_net *tn, unsigned int want, int fam)
{
	struct sock *sk;
	int rq, wq;

	if (want & SSF(TCP_LISTEN))
		list_for_each_entry(sk, &tn->lhash, sk_node) {
			if (sk->sk_family != fam)
				continue;
			tcp_queues(sk, &rq, &wq);
			add_tcp(s, sk, TCP_LISTEN, rq, wq);
		}
	for (int i = 0; i < TCP_EHASH_SIZE; i++)
		list_for_each_entry(sk, &tn->ehash[i], sk_node) {
			if (sk->sk_family != fam || !(want & SSF(sk->sk_state)))
				continue;
			tcp_queues(sk, &rq, &wq);
			if (sk->sk_state == TCP_TIME_WAIT)
				rq = wq = 0;
			add_tcp(s, sk, sk->sk_state, rq, wq);
		}
}

static void dump_tcp(struct ss *s, struct net *net)
{
	struct tcp_net *tn = tcp_pernet(net);
	unsigned int want = ss_states(s, false);

	if (!tn)
		return;
	for (int fam = AF_INET; fam; fam = fam == AF_INET ? AF_INET6 : 0)
		dump_tcp_family(s, tn, want, fam);
}

/* render_calc_width() without a terminal, then render() */
static void render(struct ss *s, bool netid, bool state)
{
	FILE *o = s->ctx->out;
	size_t width[COL_MAX] = { 0 }, maxlen[COL_MAX] = { 0 };
	bool disabled[COL_MAX] = { [COL_NETID] = !netid, [COL_STATE] = !state };
	bool first = true;

	/* iproute2 measures a field when it moves to the next one: the last
	 * row's Process field (its users:(…), its -i line) is never measured */
	for (size_t i = 0; i < s->n; i++)
		for (int c = 0; c < COL_MAX; c++)
			if (s->rows[i].f[c] && strlen(s->rows[i].f[c]) > maxlen[c] &&
			    !(i && i == s->n - 1 && c == COL_PROC))
				maxlen[c] = strlen(s->rows[i].f[c]);
	for (int c = 0; c < COL_MAX; c++) {
		if (disabled[c])
			continue;
		width[c] = maxlen[c] + (!first && maxlen[c] ? strlen(cols[c].ldelim) : 0);
		if (width[c])
			first = false;
	}
	for (size_t i = 0; i < s->n; i++) {
		bool started = false;

		for (int c = 0; c < COL_MAX; c++) {
			const char *t = s->rows[i].f[c] ? s->rows[i].f[c] : "";
			size_t printed = 0, len = strlen(t);

			if (disabled[c])
				continue;
			if (started)
				printed = (size_t)fprintf(o, "%s", cols[c].ldelim);
			started = true;
			if (width[c] && cols[c].right && width[c] > len + printed) {
				fprintf(o, "%*c", (int)(width[c] - len - printed), ' ');
				printed = width[c] - len;
			}
			printed += fwrite(t, 1, len, o);
			if (width[c] && !cols[c].right && width[c] > printed)
				fprintf(o, "%*c", (int)(width[c] - printed), ' ');
		}
		fputc('\n', o);
	}
}

static void ss_free(struct ss *s)
{
	for (size_t i = 0; i < s->n; i++) {
		for (int c = 0; c < COL_MAX; c++)
			free(s->rows[i].f[c]);
	}
	free(s->rows);
}

/* ss -s: totals from the namespace's tables */
static int ss_summary(struct ss *s, struct net *net)
{
	struct tcp_net *tn = tcp_pernet(net);
	int tcp = 0, estab = 0, tw = 0, udp = 0, udp6 = 0, orphans = 0;
	struct sock *sk;

	list_for_each_entry(sk, &net->ipv4.udp_sockets, sk_node) {
		udp++;
		udp6 += sk->sk_family == AF_INET6;
	}
	if (tn) {
		list_for_each_entry(sk, &tn->lhash, sk_node)
			tcp++;
		for (int i = 0; i < TCP_EHASH_SIZE; i++)
			list_for_each_entry(sk, &tn->ehash[i], sk_node) {
				tcp++;
				estab += sk->sk_state == TCP_ESTABLISHED;
				tw += sk->sk_state == TCP_TIME_WAIT;
				orphans += !sk->sk_socket && sk->sk_state != TCP_TIME_WAIT;
			}
	}
	fprintf(s->ctx->out, "Total: %d\n", tcp - tw + udp);
	fprintf(s->ctx->out, "TCP:   %d (estab %d, closed 0, orphaned %d, timewait %d)\n\n",
		tcp, estab, orphans, tw);
	fprintf(s->ctx->out, "Transport Total     IP        IPv6\n");
	fprintf(s->ctx->out, "RAW\t  %-9d %-9d %-9d\n", 0, 0, 0);
	fprintf(s->ctx->out, "UDP\t  %-9d %-9d %-9d\n", udp, udp - udp6, udp6);
	fprintf(s->ctx->out, "TCP\t  %-9d %-9d %-9d\n", tcp - tw, tcp - tw, 0);
	fprintf(s->ctx->out, "INET\t  %-9d %-9d %-9d\n", tcp - tw + udp, tcp - tw + udp - udp6,
		udp6);
	fprintf(s->ctx->out, "FRAG\t  %-9d %-9d %-9d\n\n", 0, 0, 0);
	return 0;
}

/* ss's filter, the simple forms: `state NAME` (repeated; established,
 * syn-sent, syn-recv, fin-wait-1, fin-wait-2, time-wait, close-wait,
 * last-ack, listening, closing, connected, all) and `sport|dport [=|==] :N`,
 * as words or in one quoted argument. */
static int ss_filter_word(struct ss *s, char **w, int n, int *i)
{
	static const struct { const char *name; unsigned int mask; } st[] = {
		{ "established", SSF(TCP_ESTABLISHED) }, { "syn-sent", SSF(TCP_SYN_SENT) },
		{ "syn-recv", SSF(TCP_SYN_RECV) }, { "fin-wait-1", SSF(TCP_FIN_WAIT1) },
		{ "fin-wait-2", SSF(TCP_FIN_WAIT2) }, { "time-wait", SSF(TCP_TIME_WAIT) },
		{ "close-wait", SSF(TCP_CLOSE_WAIT) }, { "last-ack", SSF(TCP_LAST_ACK) },
		{ "listening", SSF(TCP_LISTEN) }, { "closing", SSF(TCP_CLOSING) },
		{ "connected", SS_CONN }, { "all", 0xffeu },
	};
	unsigned int *port;
	const char *v;

	if (!strcmp(w[*i], "state") && *i + 1 < n) {
		for (size_t k = 0; k < sizeof(st) / sizeof(st[0]); k++)
			if (!strcmp(w[*i + 1], st[k].name)) {
				s->states |= st[k].mask;
				*i += 2;
				return 0;
			}
		fprintf(s->ctx->err, "ss: wrong state name: %s\n", w[*i + 1]);
		return -1;
	}
	port = !strcmp(w[*i], "sport") ? &s->sport : !strcmp(w[*i], "dport") ? &s->dport : NULL;
	if (!port || ++*i >= n)
		goto bad;
	if ((!strcmp(w[*i], "=") || !strcmp(w[*i], "==") || !strcmp(w[*i], "eq")) && ++*i >= n)
		goto bad;
	v = w[(*i)++];
	*port = (unsigned int)atoi(v[0] == ':' ? v + 1 : v);
	return 0;
bad:
	fprintf(s->ctx->err, "ss: filters other than state and sport/dport are not supported\n");
	return -1;
}

static int ss_filter(struct ss *s, int argc, char **argv)
{
	char *words[64], *save = NULL, *copy[16];
	int n = 0, nc = 0, rc = 0;

	for (int a = 0; a < argc && nc < 16; a++) {
		copy[nc] = strdup(argv[a]);
		for (char *t = copy[nc] ? strtok_r(copy[nc], " ", &save) : NULL; t && n < 64;
		     t = strtok_r(NULL, " ", &save))
			words[n++] = t;
		nc++;
	}
	for (int i = 0; i < n && !rc;)
		rc = ss_filter_word(s, words, n, &i);
	for (int k = 0; k < nc; k++)
		free(copy[k]);
	return rc;
}

int do_ss(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct ss s = { .ctx = ctx };
	struct ss_row *h;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (a[0] != '-' || !a[1]) {
			if (ss_filter(&s, argc - i, argv + i))
				return 1;
			break;
		}
		if (!strcmp(a, "--tcp")) { s.tcp = true; continue; }
		if (!strcmp(a, "--udp")) { s.udp = true; continue; }
		if (!strcmp(a, "--all")) { s.all = true; continue; }
		if (!strcmp(a, "--listening")) { s.listen = true; continue; }
		if (!strcmp(a, "--numeric")) { s.numeric = true; continue; }
		if (!strcmp(a, "--processes")) { s.proc = true; continue; }
		if (!strcmp(a, "--summary")) { s.summary = true; continue; }
		if (!strcmp(a, "--info")) { s.info = true; continue; }
		if (!strcmp(a, "--options")) { s.options = true; continue; }
		for (const char *p = a + 1; *p; p++) {
			switch (*p) {
			case 't': s.tcp = true; break;
			case 'u': s.udp = true; break;
			case 'x': s.unix_ = true; break;	/* no unix sockets here */
			case 'a': s.all = true; break;
			case 'l': s.listen = true; break;
			case 'n': s.numeric = true; break;
			case 'p': s.proc = true; break;
			case 's': s.summary = true; break;
			case '4': s.only4 = true; break;
			case '6': s.only6 = true; break;
			case 'i': s.info = true; break;
			case 'o': s.options = true; break;	/* no timers shown */
			default:
				fprintf(ctx->err, "ss: invalid option -- '%c'\n", *p);
				return 1;
			}
		}
	}
	if (s.summary)
		return ss_summary(&s, ctx->net);
	if (!s.tcp && !s.udp && !s.unix_)
		s.tcp = true;	/* skbox has no unix sockets: the default shows TCP */
	h = row_new(&s);
	if (!h)
		return 1;
	for (int c = 0; c < COL_EXT; c++)
		h->f[c] = strdup(cols[c].header);
	if (s.udp)
		dump_udp(&s, ctx->net);
	if (s.tcp)
		dump_tcp(&s, ctx->net);
	/* one table (unix is three): no Netid column; one state: no State */
	render(&s, s.tcp + s.udp + 3 * s.unix_ > 1, !s.states || (s.states & (s.states - 1)));
	ss_free(&s);
	return 0;
}
