/* `skbox packetdrill [--tolerance_usecs=N] [-v] FILE.pkt`: runs a packetdrill
 * script against skbox in virtual time.  The world's init namespace holds the
 * local stack on a device tun0 (192.168.0.1/16, as packetdrill's defaults);
 * the fake remote end (192.0.2.1) injects the script's `<` packets into
 * tun0 at their times and captures what the stack sends out of it, checking
 * each against the next `>` line: flags, sequence and ack numbers relative
 * to the ISNs (as packetdrill), window, options, and time within the
 * tolerance (4 ms by default).  System calls run in tasks of the world
 * through the socket API (include/skbox/socket.h); their results and errno
 * must be the script's.  A mismatch names the script line and exits 1. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include "linux/netdevice.h"
#include "linux/sched.h"
#include "net/ethernet.h"
#include "net/net_namespace.h"
#include "net/sock.h"
#include "net/world.h"
#include "skbox/socket.h"
#include "../skbox/run.h"
#include "pd.h"

#define LOCAL_IP "192.168.0.1"
#define REMOTE_IP "192.0.2.1"
#define SERVER_PORT 8080
#define REMOTE_EPHEMERAL 48868
#define MAX_FDS 64

struct pd_pkt {
	struct pd_pkt *next;
	u64 t;				/* ns from the script's start */
	size_t len;
	u8 data[];			/* IPv4 packet */
};

struct pd_call;

struct pd {
	struct world *w;
	struct net_device *dev;
	struct pd_script *s;
	const char *path;
	bool verbose;
	u64 t0;				/* world time of the script's 0 */
	int64_t tol;
	struct pd_pkt *head, **tail;	/* captured, not yet matched */
	int npkts_out;
	/* the connection's numbers */
	u32 local_ip, remote_ip;
	u16 local_port, remote_port;
	bool local_isn_known, ts_known;
	u32 local_isn;			/* actual = script + local_isn */
	u32 ts_off;			/* local TS val: actual = script + ts_off */
	/* script fd -> world fd */
	int fdmap[MAX_FDS];
	struct pd_call *pending;	/* a blocking call ('...') in flight */
	int errors;
	int skipped;
	int shell_failed;
	struct runner runner;
	char *shell_out;
	size_t shell_len;
	FILE *shell_f;
	char dir[512];			/* the script's directory */
};

static void pd_err(struct pd *pd, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void pd_err(struct pd *pd, int line, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: ", pd->path, line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	pd->errors++;
}

static double secs(int64_t ns)
{
	return (double)ns / 1e9;
}

static int64_t now_rel(struct pd *pd)
{
	return (int64_t)(pd->w->now - pd->t0);
}

/* ---- the tun device: what the stack sends is captured ---- */
static netdev_tx_t tun_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct pd *pd = *(struct pd **)netdev_priv(dev);
	unsigned int len = skb->len;
	struct pd_pkt *p;
	u8 eth[ETH_HLEN];

	dev->stats.tx_packets++;
	dev->stats.tx_bytes += len;
	if (len <= ETH_HLEN || skb_copy_bits(skb, 0, eth, ETH_HLEN) ||
	    eth[12] != 0x08 || eth[13] != 0x00) {
		consume_skb(skb);
		return NETDEV_TX_OK;
	}
	p = malloc(sizeof(*p) + len - ETH_HLEN);
	if (!p)
		abort();
	p->next = NULL;
	p->t = pd->w->now - pd->t0;
	p->len = len - ETH_HLEN;
	skb_copy_bits(skb, ETH_HLEN, p->data, (int)p->len);
	consume_skb(skb);
	*pd->tail = p;
	pd->tail = &p->next;
	return NETDEV_TX_OK;
}

static const struct net_device_ops tun_ops = {
	.ndo_start_xmit = tun_xmit,
};

static void tun_setup(struct net_device *dev)
{
	ether_setup(dev);
	dev->netdev_ops = &tun_ops;
	dev->flags |= IFF_NOARP;
	dev->flags &= ~IFF_MULTICAST;
	dev->priv_flags |= IFF_NO_QUEUE;
	/* packetdrill turns TSO on for its tun device (TUNSETOFFLOAD), so
	 * Linux's scripts expect super-packets: P. 1:10001(10000) */
	dev->features = NETIF_F_SG | NETIF_F_TSO | NETIF_F_GSO;
}

/* ---- checksums and packet building ---- */
static u32 sum16(const u8 *p, size_t len, u32 sum)
{
	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (u32)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (u32)p[len - 1] << 8;
	return sum;
}

static u16 fold(u32 sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (u16)~sum;
}

static void put16(u8 *p, u32 v)
{
	p[0] = (u8)(v >> 8);
	p[1] = (u8)v;
}

static void put32(u8 *p, u32 v)
{
	p[0] = (u8)(v >> 24);
	p[1] = (u8)(v >> 16);
	p[2] = (u8)(v >> 8);
	p[3] = (u8)v;
}

static u32 get16(const u8 *p)
{
	return (u32)(p[0] << 8 | p[1]);
}

static u32 get32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

/* The script's options as bytes; inbound numbers translated to the live
 * connection's (SACK blocks of our data and TS ecr). */
static int build_options(struct pd *pd, const struct pd_event *ev, u8 *o)
{
	int n = 0;

	for (int i = 0; i < ev->nopts; i++) {
		const struct pd_opt *op = &ev->opts[i];

		switch (op->kind) {
		case PO_EOL: o[n++] = 0; break;
		case PO_NOP: o[n++] = 1; break;
		case PO_MSS: o[n++] = 2; o[n++] = 4; put16(o + n, op->v[0]); n += 2; break;
		case PO_WSCALE: o[n++] = 3; o[n++] = 3; o[n++] = (u8)op->v[0]; break;
		case PO_SACKOK: o[n++] = 4; o[n++] = 2; break;
		case PO_TS:
			o[n++] = 8;
			o[n++] = 10;
			put32(o + n, op->v[0]);
			put32(o + n + 4, op->v[1] + (pd->ts_known ? pd->ts_off : 0));
			n += 8;
			break;
		case PO_SACK:
			o[n++] = 5;
			o[n++] = (u8)(2 + 8 * op->nblocks);
			for (int b = 0; b < 2 * op->nblocks; b++, n += 4)
				put32(o + n, op->v[b] + pd->local_isn);
			break;
		default:
			break;
		}
	}
	while (n & 3)
		o[n++] = 0;		/* EOL padding */
	return n;
}

static void inject(struct pd *pd, const struct pd_event *ev)
{
	u32 plen = ev->seq_end - ev->seq;
	u8 opts[64];
	int olen = build_options(pd, ev, opts);
	size_t tcplen = 20 + (size_t)olen + plen, iplen = 20 + tcplen;
	struct sk_buff *skb = alloc_skb(&pd->w->skb_pool, (unsigned int)(NET_SKB_PAD + 2 + ETH_HLEN + iplen));
	u8 *f, *ip, *th;
	u32 sum;

	if (!skb)
		abort();
	skb_reserve(skb, NET_SKB_PAD + 2);
	f = skb_put_zero(skb, (unsigned int)(ETH_HLEN + iplen));
	memcpy(f, pd->dev->dev_addr, ETH_ALEN);
	memcpy(f + 6, "\x02\x00\x00\x00\x00\x02", ETH_ALEN);
	f[12] = 0x08;
	ip = f + ETH_HLEN;
	ip[0] = 0x45;
	put16(ip + 2, (u32)iplen);
	ip[8] = 64;
	ip[9] = IPPROTO_TCP;
	memcpy(ip + 12, &pd->remote_ip, 4);
	memcpy(ip + 16, &pd->local_ip, 4);
	put16(ip + 10, fold(sum16(ip, 20, 0)));
	th = ip + 20;
	put16(th, pd->remote_port);
	put16(th + 2, pd->local_port);
	put32(th + 4, ev->seq);
	put32(th + 8, ev->has_ack ? ev->ack + pd->local_isn : 0);
	th[12] = (u8)((20 + olen) / 4 << 4);
	th[13] = (u8)ev->flags;
	put16(th + 14, ev->has_win ? ev->win : 0);
	memcpy(th + 20, opts, (size_t)olen);
	sum = sum16(ip + 12, 8, 0) + IPPROTO_TCP + (u32)tcplen;
	put16(th + 16, fold(sum16(th, tcplen, sum)));
	skb->dev = pd->dev;
	skb->protocol = eth_type_trans(skb, pd->dev);
	netif_rx(skb);
}

/* ---- running the world ---- */
static bool never(void *arg)
{
	(void)arg;
	return false;
}

/* Advance to script time t (ns), running everything due before. */
static void run_until(struct pd *pd, int64_t t)
{
	u64 until = pd->t0 + (u64)(t > 0 ? t : 0);

	if (until < pd->w->now)
		until = pd->w->now;
	if (world_run(pd->w, never, NULL, until) == -EDEADLK)
		pd->w->now = until;
}

static bool have_pkt(void *arg)
{
	return ((struct pd *)arg)->head != NULL;
}

/* ---- outbound packets ---- */
static const char *flag_str(unsigned int f, char *buf)
{
	char *p = buf;

	if (f & 0x01) *p++ = 'F';
	if (f & 0x02) *p++ = 'S';
	if (f & 0x04) *p++ = 'R';
	if (f & 0x08) *p++ = 'P';
	if (f & 0x20) *p++ = 'U';
	if (f & 0x40) *p++ = 'E';
	if (f & 0x80) *p++ = 'W';
	if (f & 0x10) *p++ = '.';
	*p = 0;
	return buf;
}

/* A captured packet as packetdrill prints it, numbers relative to the ISNs. */
static void describe(struct pd *pd, const u8 *ip, size_t len, char *buf, size_t n)
{
	const u8 *th = ip + (ip[0] & 15) * 4;
	size_t ihl = (size_t)(ip[0] & 15) * 4, doff;
	u32 seq, plen;
	char fl[12];
	int k;

	if (ip[9] != IPPROTO_TCP || len < ihl + 20) {
		snprintf(buf, n, "IPv4 protocol %u, %zu bytes", ip[9], len);
		return;
	}
	doff = (size_t)(th[12] >> 4) * 4;
	plen = (u32)(get16(ip + 2) - ihl - doff);
	seq = get32(th + 4) - pd->local_isn;
	k = snprintf(buf, n, "%s %u:%u(%u)", flag_str(th[13], fl), seq, seq + plen, plen);
	if (th[13] & 0x10)
		k += snprintf(buf + k, n - (size_t)k, " ack %u", get32(th + 8));
	k += snprintf(buf + k, n - (size_t)k, " win %u", get16(th + 14));
	if (doff > 20) {
		const u8 *o = th + 20, *end = th + doff;
		const char *sep = " <";

		while (o < end && (size_t)k < n - 40) {
			if (*o == 0 || *o == 1) {
				k += snprintf(buf + k, n - (size_t)k, "%s%s", sep, *o ? "nop" : "eol");
				o++;
			} else {
				if (o + 1 >= end || o[1] < 2 || o + o[1] > end)
					break;
				if (o[0] == 2)
					k += snprintf(buf + k, n - (size_t)k, "%smss %u", sep, get16(o + 2));
				else if (o[0] == 3)
					k += snprintf(buf + k, n - (size_t)k, "%swscale %u", sep, o[2]);
				else if (o[0] == 4)
					k += snprintf(buf + k, n - (size_t)k, "%ssackOK", sep);
				else if (o[0] == 8)
					k += snprintf(buf + k, n - (size_t)k, "%sTS val %u ecr %u", sep,
						      get32(o + 2) - pd->ts_off, get32(o + 6));
				else if (o[0] == 5) {
					k += snprintf(buf + k, n - (size_t)k, "%ssack", sep);
					for (int b = 0; b + 8 <= o[1] - 2; b += 8)
						k += snprintf(buf + k, n - (size_t)k, " %u:%u", get32(o + 2 + b),
							      get32(o + 6 + b));
				} else
					k += snprintf(buf + k, n - (size_t)k, "%sopt%u", sep, o[0]);
				o += o[1];
			}
			sep = ",";
		}
		snprintf(buf + k, n - (size_t)k, ">");
	}
}

static int field_err(struct pd *pd, int line, const char *what, long long exp, long long act)
{
	pd_err(pd, line, "error handling packet: live packet field %s: expected: %lld (0x%llx) vs actual: %lld (0x%llx)",
	       what, exp, exp, act, act);
	return -1;
}

/* The options of the live packet against the script's list. */
static int check_options(struct pd *pd, const struct pd_event *ev, const u8 *o, const u8 *end)
{
	int i = 0;

	if (ev->opts_any)
		return 0;
	while (o < end) {
		const struct pd_opt *op;
		int kind = *o, olen = (kind == 0 || kind == 1) ? 1 : (o + 1 < end ? o[1] : 0);

		if (olen < 1 || o + olen > end) {
			pd_err(pd, ev->line, "error handling packet: bad TCP options in the live packet");
			return -1;
		}
		if (kind == 0) {		/* EOL: the rest is padding */
			bool script_eol = i < ev->nopts && ev->opts[i].kind == PO_EOL;

			if (!script_eol)
				break;
		}
		if (i >= ev->nopts) {
			pd_err(pd, ev->line, "error handling packet: live packet has more TCP options than the script (option kind %d)", kind);
			return -1;
		}
		op = &ev->opts[i++];
		if (op->kind != kind) {
			pd_err(pd, ev->line, "error handling packet: live packet TCP option %d: expected kind %d vs actual kind %d",
			       i, op->kind, kind);
			return -1;
		}
		switch (kind) {
		case PO_MSS:
			if (get16(o + 2) != op->v[0])
				return field_err(pd, ev->line, "tcp_mss", op->v[0], get16(o + 2));
			break;
		case PO_WSCALE:
			if (o[2] != op->v[0])
				return field_err(pd, ev->line, "tcp_wscale", op->v[0], o[2]);
			break;
		case PO_TS:
			if (!pd->ts_known) {
				pd->ts_known = true;
				pd->ts_off = get32(o + 2) - op->v[0];
			}
			if (get32(o + 6) != op->v[1])
				return field_err(pd, ev->line, "tcp_ts_ecr", op->v[1], get32(o + 6));
			break;
		case PO_SACK:
			if ((olen - 2) / 8 != op->nblocks)
				return field_err(pd, ev->line, "tcp_sack_blocks", op->nblocks, (olen - 2) / 8);
			for (int b = 0; b < 2 * op->nblocks; b++)
				if (get32(o + 2 + 4 * b) != op->v[b])
					return field_err(pd, ev->line, "tcp_sack_block", op->v[b],
							 get32(o + 2 + 4 * b));
			break;
		default:
			break;
		}
		o += olen;
	}
	if (i < ev->nopts) {
		pd_err(pd, ev->line, "error handling packet: live packet has fewer TCP options than the script");
		return -1;
	}
	return 0;
}

/* The next packet skbox sent, waiting for it up to the event's time
 * (or for ever for '*'); NULL, with the error printed, when none came. */
static struct pd_pkt *outbound_next(struct pd *pd, const struct pd_event *ev)
{
	int64_t hi = ev->t_hi + pd->tol;
	struct pd_pkt *p;

	if (ev->t < 0)
		run_until(pd, now_rel(pd));
	if (!pd->head) {
		if (ev->t < 0) {
			/* '*': whenever it comes */
			world_run(pd->w, have_pkt, pd, UINT64_MAX);
		} else if (world_run(pd->w, have_pkt, pd, pd->t0 + (u64)hi) == -EDEADLK) {
			pd->w->now = pd->t0 + (u64)hi;
		}
	}
	p = pd->head;
	if (!p) {
		pd_err(pd, ev->line, "error handling packet: timing error: expected outbound packet at %.6f sec but none was sent by %.6f sec",
		       secs(ev->t), secs(now_rel(pd)));
		return NULL;
	}
	pd->head = p->next;
	if (!pd->head)
		pd->tail = &pd->head;
	pd->npkts_out++;
	return p;
}

/* The TCP fields of a sent packet against the script's: flags, sequence,
 * length, ack, window, ports, options, in packetdrill's order. */
static int outbound_fields(struct pd *pd, const struct pd_event *ev, const struct pd_pkt *p,
			   const u8 *ip, const u8 *th, size_t doff)
{
	size_t ihl = (size_t)(ip[0] & 15) * 4;
	u32 plen = (u32)(get16(ip + 2) - ihl - doff), seq;
	char desc[512];

	if (th[13] != ev->flags) {
		char a[12], b[12];

		describe(pd, ip, p->len, desc, sizeof(desc));
		pd_err(pd, ev->line, "error handling packet: live packet field tcp flags: expected: %s vs actual: %s (script packet vs live packet %s)",
		       flag_str(ev->flags, a), flag_str(th[13], b), desc);
		return -1;
	}
	seq = get32(th + 4) - pd->local_isn;
	if (seq != ev->seq)
		return field_err(pd, ev->line, "tcp_seq", ev->seq, seq);
	if (plen != ev->seq_end - ev->seq)
		return field_err(pd, ev->line, "tcp_data_len", ev->seq_end - ev->seq, plen);
	if ((th[13] & 0x10) && ev->has_ack && get32(th + 8) != ev->ack)
		return field_err(pd, ev->line, "tcp_ack_seq", ev->ack, get32(th + 8));
	if (ev->has_win && get16(th + 14) != ev->win)
		return field_err(pd, ev->line, "tcp_window", ev->win, get16(th + 14));
	if (get16(th) != pd->local_port || get16(th + 2) != pd->remote_port) {
		pd_err(pd, ev->line, "error handling packet: live packet ports %u > %u, expected %u > %u",
		       get16(th), get16(th + 2), pd->local_port, pd->remote_port);
		return -1;
	}
	if ((ev->opts_given || doff > 20) && check_options(pd, ev, th + 20, th + doff))
		return -1;
	return 0;
}

static int check_outbound(struct pd *pd, const struct pd_event *ev)
{
	int64_t lo = ev->t - pd->tol, hi = ev->t_hi + pd->tol;
	struct pd_pkt *p = outbound_next(pd, ev);
	const u8 *ip, *th;
	size_t ihl, doff;
	char desc[512];
	int rc = -1;

	if (!p)
		return -1;
	ip = p->data;
	ihl = (size_t)(ip[0] & 15) * 4;
	th = ip + ihl;
	if (ip[9] != IPPROTO_TCP || p->len < ihl + 20) {
		pd_err(pd, ev->line, "error handling packet: live packet is not TCP (IP protocol %u)", ip[9]);
		goto out;
	}
	doff = (size_t)(th[12] >> 4) * 4;
	if (!pd->local_port)
		pd->local_port = (u16)get16(th);
	if (!pd->local_isn_known) {
		pd->local_isn_known = true;
		pd->local_isn = get32(th + 4) - ev->seq;
	}
	if (pd->verbose) {
		describe(pd, ip, p->len, desc, sizeof(desc));
		fprintf(stderr, "%.6f > %s\n", secs((int64_t)p->t), desc);
	}
	if (outbound_fields(pd, ev, p, ip, th, doff))
		goto out;
	if (ev->t >= 0 && ((int64_t)p->t < lo || (int64_t)p->t > hi)) {
		pd_err(pd, ev->line, "error handling packet: timing error: expected outbound packet at %.6f sec but happened at %.6f sec; tolerance %.6f sec",
		       secs(ev->t), secs((int64_t)p->t), secs(pd->tol));
		goto out;
	}
	rc = 0;
out:
	free(p);
	return rc;
}

/* ---- system calls ---- */
struct pd_call {
	struct pd *pd;
	const struct pd_event *ev;
	struct task *task;
	bool done;
	long long ret;			/* -errno on failure */
	u64 t_done;
	char *buf;
	size_t buflen;
	int fd;				/* world fd of the first argument */
	int optval;
	socklen_t optlen;
	char optbuf[64];
	struct pollfd pfd[8];
	int npfd;
};

static const struct pd_expr *arg(const struct pd_event *ev, int i)
{
	return i < ev->nargs ? ev->args[i] : NULL;
}

static int num_arg(struct pd *pd, const struct pd_event *ev, int i, long long *v)
{
	const struct pd_expr *e = arg(ev, i);

	if (e && e->kind == PE_LIST && e->n == 1)
		e = e->items[0];
	if (!e || e->kind != PE_INT) {
		if (e && e->kind == PE_STRING && e->n == -1)
			pd_err(pd, ev->line, "unknown symbol '%s' in %s()", e->str, ev->name);
		else
			pd_err(pd, ev->line, "%s(): argument %d must be a number", ev->name, i + 1);
		return -1;
	}
	*v = e->num;
	return 0;
}

static int fd_arg(struct pd *pd, const struct pd_event *ev, int i, int *fd)
{
	long long v;

	if (num_arg(pd, ev, i, &v))
		return -1;
	*fd = (v >= 0 && v < MAX_FDS && pd->fdmap[v] >= 0) ? pd->fdmap[v] : (int)v + 1000;
	return 0;
}

/* A sockaddr argument: `...` is the remote end for connect, our end for bind. */
static int sockaddr_arg(struct pd *pd, const struct pd_event *ev, int i, struct sockaddr_in *sin,
			bool remote)
{
	const struct pd_expr *e = arg(ev, i);

	memset(sin, 0, sizeof(*sin));
	sin->sin_family = AF_INET;
	sin->sin_port = htons(SERVER_PORT);
	sin->sin_addr.s_addr = remote ? pd->remote_ip : pd->local_ip;
	if (!e || e->kind == PE_ELLIPSIS)
		return 0;
	if (e->kind != PE_STRUCT) {
		pd_err(pd, ev->line, "%s(): bad address argument", ev->name);
		return -1;
	}
	for (int k = 0; k < e->n; k++) {
		const struct pd_expr *f = e->items[k];

		if (!f->field)
			continue;
		if (!strcmp(f->field, "sin_port") && f->kind == PE_CALL && f->n == 1)
			sin->sin_port = htons((u16)f->items[0]->num);
		else if (!strcmp(f->field, "sin_port") && f->kind == PE_INT)
			sin->sin_port = htons((u16)f->num);
		else if (!strcmp(f->field, "sin_addr") && f->kind == PE_CALL && f->n == 1 &&
			 f->items[0]->kind == PE_STRING)
			inet_pton(AF_INET, f->items[0]->str, &sin->sin_addr);
		else if (!strcmp(f->field, "sin_addr") && f->kind == PE_INT)
			sin->sin_addr.s_addr = htonl((u32)f->num);
	}
	return 0;
}

static bool is_io(const char *n)
{
	return !strcmp(n, "read") || !strcmp(n, "write") || !strcmp(n, "send") ||
	       !strcmp(n, "recv") || !strcmp(n, "sendto") || !strcmp(n, "recvfrom");
}

static int call_task(void *arg);

/* the largest buffer a read/write call of a script may name (64 MB) */
#define PD_MAX_BUF (64LL << 20)

/* Prepare buffers from the arguments; 0 or -1 (reported). */
static int call_prepare(struct pd *pd, struct pd_call *c)
{
	const struct pd_event *ev = c->ev;
	const char *n = ev->name;
	long long v;

	c->fd = -1;
	if (!strcmp(n, "socket") || !strcmp(n, "poll"))
		return 0;
	if (ev->nargs < 1 || fd_arg(pd, ev, 0, &c->fd))
		return ev->nargs < 1 ? (pd_err(pd, ev->line, "%s(): no arguments", n), -1) : -1;
	if (is_io(n)) {
		if (num_arg(pd, ev, 2, &v))
			return -1;
		if (v < 0 || v > PD_MAX_BUF) {
			pd_err(pd, ev->line, "%s(): length %lld out of range", n, v);
			return -1;
		}
		c->buflen = (size_t)v;
		c->buf = calloc(1, c->buflen + 1);
		if (!c->buf)
			abort();
	} else if (!strcmp(n, "writev") || !strcmp(n, "readv")) {
		const struct pd_expr *e = arg(ev, 1);

		if (!e || e->kind != PE_LIST) {
			pd_err(pd, ev->line, "%s(): the iovec must be a list", n);
			return -1;
		}
		for (int k = 0; k < e->n; k++) {
			const struct pd_expr *io = e->items[k];

			if (io->kind != PE_STRUCT || io->n != 2 || io->items[1]->kind != PE_INT) {
				pd_err(pd, ev->line, "%s(): iovec entries are {..., LEN}", n);
				return -1;
			}
			if (io->items[1]->num < 0 || io->items[1]->num > PD_MAX_BUF ||
			    c->buflen + (size_t)io->items[1]->num > PD_MAX_BUF) {
				pd_err(pd, ev->line, "%s(): iovec length out of range", n);
				return -1;
			}
			c->buflen += (size_t)io->items[1]->num;
		}
		c->buf = calloc(1, c->buflen + 1);
		if (!c->buf)
			abort();
	}
	return 0;
}

static int poll_prepare(struct pd *pd, struct pd_call *c)
{
	const struct pd_expr *e = arg(c->ev, 0);

	if (!e || e->kind != PE_LIST || e->n > 8) {
		pd_err(pd, c->ev->line, "poll(): the first argument must be a list of pollfds");
		return -1;
	}
	c->npfd = e->n;
	for (int k = 0; k < e->n; k++) {
		const struct pd_expr *s = e->items[k];

		if (s->kind != PE_STRUCT) {
			pd_err(pd, c->ev->line, "poll(): bad pollfd");
			return -1;
		}
		for (int j = 0; j < s->n; j++) {
			const struct pd_expr *f = s->items[j];

			if (!f->field || f->kind != PE_INT)
				continue;
			if (!strcmp(f->field, "fd"))
				c->pfd[k].fd = (f->num >= 0 && f->num < MAX_FDS && pd->fdmap[f->num] >= 0)
						? pd->fdmap[f->num] : (int)f->num;
			else if (!strcmp(f->field, "events"))
				c->pfd[k].events = (short)f->num;
		}
	}
	return 0;
}

/* The system calls a script may make, one function each (as packetdrill's
 * syscall table in run_system_call.c). */
static long long sys_socket(struct pd_call *c)
{
	long long a1 = 0, a2 = 0;

	num_arg(c->pd, c->ev, 1, &a1);
	num_arg(c->pd, c->ev, 2, &a2);
	return skbox_socket(c->pd->w, AF_INET, (int)a1, (int)a2);
}

static long long sys_bind(struct pd_call *c)
{
	struct sockaddr_in sin;
	long long r;

	if (sockaddr_arg(c->pd, c->ev, 1, &sin, false))
		return -EINVAL;
	r = skbox_bind(c->pd->w, c->fd, (struct sockaddr *)&sin, sizeof(sin));
	if (!r && !c->pd->local_port)
		c->pd->local_port = ntohs(sin.sin_port);
	return r;
}

static long long sys_connect(struct pd_call *c)
{
	struct sockaddr_in sin;

	if (sockaddr_arg(c->pd, c->ev, 1, &sin, true))
		return -EINVAL;
	c->pd->remote_port = ntohs(sin.sin_port);
	return skbox_connect(c->pd->w, c->fd, (struct sockaddr *)&sin, sizeof(sin));
}

static long long sys_listen(struct pd_call *c)
{
	long long a1 = 0;

	num_arg(c->pd, c->ev, 1, &a1);
	return skbox_listen(c->pd->w, c->fd, (int)a1);
}

static long long sys_accept(struct pd_call *c)
{
	struct sockaddr_in sin;
	socklen_t sl = sizeof(sin);

	return skbox_accept(c->pd->w, c->fd, (struct sockaddr *)&sin, &sl);
}

/* read, recv, recvfrom, readv: flags are the fourth argument of recv* */
static long long sys_recv(struct pd_call *c)
{
	long long a3 = 0;

	if (!strncmp(c->ev->name, "recv", 4))
		num_arg(c->pd, c->ev, 3, &a3);
	return skbox_recv(c->pd->w, c->fd, c->buf, c->buflen, (int)a3);
}

static long long sys_send(struct pd_call *c)
{
	long long a3 = 0;

	if (!strncmp(c->ev->name, "send", 4))
		num_arg(c->pd, c->ev, 3, &a3);
	return skbox_send(c->pd->w, c->fd, c->buf, c->buflen, (int)a3 | MSG_NOSIGNAL);
}

static long long sys_close(struct pd_call *c)
{
	return skbox_close(c->pd->w, c->fd);
}

static long long sys_shutdown(struct pd_call *c)
{
	long long a1 = 0;

	num_arg(c->pd, c->ev, 1, &a1);
	return skbox_shutdown(c->pd->w, c->fd, (int)a1);
}

/* The option value as written: {onoff=, linger=}, "string" or [int]. */
static void sockopt_value(struct pd_call *c, const struct pd_expr *val, long long name)
{
	c->optlen = sizeof(int);
	if (val && val->kind == PE_STRUCT && name == SO_LINGER) {
		struct linger lg = { 0, 0 };

		for (int k = 0; k < val->n; k++) {
			if (val->items[k]->field && !strcmp(val->items[k]->field, "onoff"))
				lg.l_onoff = (int)val->items[k]->num;
			if (val->items[k]->field && !strcmp(val->items[k]->field, "linger"))
				lg.l_linger = (int)val->items[k]->num;
		}
		memcpy(c->optbuf, &lg, sizeof(lg));
		c->optlen = sizeof(lg);
	} else if (val && val->kind == PE_STRING) {
		c->optlen = (socklen_t)snprintf(c->optbuf, sizeof(c->optbuf), "%s", val->str);
	} else if (val && val->kind == PE_LIST && val->n == 1 && val->items[0]->kind == PE_INT) {
		int x = (int)val->items[0]->num;

		memcpy(c->optbuf, &x, sizeof(x));
	}
}

static long long sys_sockopt(struct pd_call *c)
{
	long long level = 0, name = 0, len;

	num_arg(c->pd, c->ev, 1, &level);
	num_arg(c->pd, c->ev, 2, &name);
	sockopt_value(c, arg(c->ev, 3), name);
	if (c->ev->name[0] == 's') {
		len = c->optlen;
		num_arg(c->pd, c->ev, 4, &len);
		return skbox_setsockopt(c->pd->w, c->fd, (int)level, (int)name, c->optbuf,
					(socklen_t)len);
	}
	c->optlen = sizeof(c->optbuf);
	memset(c->optbuf, 0, sizeof(c->optbuf));
	return skbox_getsockopt(c->pd->w, c->fd, (int)level, (int)name, c->optbuf, &c->optlen);
}

static long long sys_fcntl(struct pd_call *c)
{
	struct world *w = c->pd->w;
	struct socket *sock = c->fd >= 0 && c->fd < w->nfiles ? w->files[c->fd] : NULL;
	long long a1 = 0, a2 = 0;

	num_arg(c->pd, c->ev, 1, &a1);
	if (!sock)
		return -EBADF;
	if (a1 == F_GETFL)
		return O_RDWR | (sock->nonblock ? O_NONBLOCK : 0);
	if (a1 == F_SETFL) {
		num_arg(c->pd, c->ev, 2, &a2);
		sock->nonblock = (a2 & O_NONBLOCK) != 0;
	}
	return 0;
}

static long long sys_poll(struct pd_call *c)
{
	long long a2 = 0;

	num_arg(c->pd, c->ev, 2, &a2);
	return skbox_poll(c->pd->w, c->pfd, (nfds_t)c->npfd, (int)a2);
}

static long long sys_getname(struct pd_call *c)
{
	struct sockaddr_in sin;
	socklen_t sl = sizeof(sin);

	return c->ev->name[3] == 'p' ?
	       skbox_getpeername(c->pd->w, c->fd, (struct sockaddr *)&sin, &sl) :
	       skbox_getsockname(c->pd->w, c->fd, (struct sockaddr *)&sin, &sl);
}

static const struct {
	const char *name;
	long long (*fn)(struct pd_call *c);
} pd_syscalls[] = {
	{ "socket", sys_socket }, { "bind", sys_bind }, { "connect", sys_connect },
	{ "listen", sys_listen }, { "accept", sys_accept }, { "accept4", sys_accept },
	{ "read", sys_recv }, { "recv", sys_recv }, { "recvfrom", sys_recv },
	{ "readv", sys_recv }, { "write", sys_send }, { "send", sys_send },
	{ "sendto", sys_send }, { "writev", sys_send }, { "close", sys_close },
	{ "shutdown", sys_shutdown }, { "setsockopt", sys_sockopt },
	{ "getsockopt", sys_sockopt }, { "fcntl", sys_fcntl }, { "poll", sys_poll },
	{ "getpeername", sys_getname }, { "getsockname", sys_getname },
};

static int call_task(void *data)
{
	struct pd_call *c = data;
	long long r = -ENOSYS;

	for (size_t i = 0; i < sizeof(pd_syscalls) / sizeof(pd_syscalls[0]); i++) {
		if (!strcmp(c->ev->name, pd_syscalls[i].name)) {
			r = pd_syscalls[i].fn(c);
			break;
		}
	}
	c->ret = r;
	c->done = true;
	c->t_done = c->pd->w->now;
	return 0;
}

static bool call_done(void *arg)
{
	return ((struct pd_call *)arg)->done;
}

/* Compare a finished call with the script. */
static void call_check(struct pd *pd, struct pd_call *c)
{
	const struct pd_event *ev = c->ev;
	long long got = c->ret < 0 ? -1 : c->ret;
	int err = c->ret < 0 ? (int)-c->ret : 0;
	bool returns_fd = !strcmp(ev->name, "socket") || !strcmp(ev->name, "accept") ||
			  !strcmp(ev->name, "accept4");
	int64_t done = (int64_t)(c->t_done - pd->t0);

	if (c->ret == -ENOSYS) {
		pd_err(pd, ev->line, "unsupported system call %s()", ev->name);
		return;
	}
	if (returns_fd && c->ret >= 0) {
		if (ev->ret >= 0 && ev->ret < MAX_FDS)
			pd->fdmap[ev->ret] = (int)c->ret;
		got = ev->ret;		/* packetdrill maps script fds to live ones */
	}
	if (!ev->ret_any && (got != ev->ret || (ev->ret == -1 && err != ev->ret_errno))) {
		if (err)
			pd_err(pd, ev->line, "runtime error in %s call: Expected result %lld but got -1 with errno %d (%s)",
			       ev->name, ev->ret, err, strerror(err));
		else
			pd_err(pd, ev->line, "runtime error in %s call: Expected result %lld but got %lld",
			       ev->name, ev->ret, got);
		return;
	}
	if (ev->t_end >= 0 && (done < ev->t_end - pd->tol || done > ev->t_end + pd->tol)) {
		pd_err(pd, ev->line, "timing error: expected system call return at %.6f sec but happened at %.6f sec; tolerance %.6f sec",
		       secs(ev->t_end), secs(done), secs(pd->tol));
		return;
	}
	if (!strcmp(ev->name, "getsockopt") && c->ret >= 0) {
		const struct pd_expr *val = arg(ev, 3);
		int x;

		memcpy(&x, c->optbuf, sizeof(x));
		if (val && val->kind == PE_LIST && val->n == 1 && val->items[0]->kind == PE_INT &&
		    x != val->items[0]->num)
			pd_err(pd, ev->line, "runtime error in getsockopt call: Bad getsockopt optval: expected: %lld actual: %d",
			       val->items[0]->num, x);
		else if (val && val->kind == PE_STRING && val->n != -1 && strcmp(val->str, c->optbuf))
			pd_err(pd, ev->line, "runtime error in getsockopt call: Bad getsockopt optval: expected: \"%s\" actual: \"%s\"",
			       val->str, c->optbuf);
	}
	if (!strcmp(ev->name, "poll") && c->ret >= 0) {
		const struct pd_expr *e = arg(ev, 0);

		for (int k = 0; k < c->npfd; k++) {
			const struct pd_expr *s = e->items[k];

			for (int j = 0; j < s->n; j++) {
				const struct pd_expr *f = s->items[j];

				if (f->field && !strcmp(f->field, "revents") && f->kind == PE_INT &&
				    f->num != c->pfd[k].revents)
					pd_err(pd, ev->line, "runtime error in poll call: Expected revents of 0x%llx but got 0x%x",
					       f->num, (unsigned int)c->pfd[k].revents);
			}
		}
	}
}

static void call_free(struct pd_call *c)
{
	if (!c)
		return;
	free(c->buf);
	free(c);
}

/* Wait for the blocking call still in flight, then check it. */
static void finish_pending(struct pd *pd)
{
	struct pd_call *c = pd->pending;

	if (!c)
		return;
	pd->pending = NULL;
	if (!c->done && pd->errors) {
		/* the script already failed: end the call quietly */
		task_signal(c->task, 2);
		world_run(pd->w, call_done, c, UINT64_MAX);
		call_free(c);
		return;
	}
	if (!c->done) {
		u64 until = pd->t0 + (u64)(c->ev->t_end + pd->tol);

		if (world_run(pd->w, call_done, c, until) == -EDEADLK && until > pd->w->now)
			pd->w->now = until;
	}
	if (!c->done) {
		pd_err(pd, c->ev->line, "timing error: expected system call return at %.6f sec but it was still blocked at %.6f sec",
		       secs(c->ev->t_end), secs(now_rel(pd)));
		task_signal(c->task, 2);
		world_run(pd->w, call_done, c, UINT64_MAX);
		call_free(c);
		return;
	}
	call_check(pd, c);
	call_free(c);
}

static void run_syscall(struct pd *pd, const struct pd_event *ev)
{
	struct pd_call *c = calloc(1, sizeof(*c));

	if (!c)
		abort();
	c->pd = pd;
	c->ev = ev;
	if (!strcmp(ev->name, "poll") ? poll_prepare(pd, c) : call_prepare(pd, c)) {
		call_free(c);
		return;
	}
	c->task = task_spawn(pd->w, pd->w->init_net, ev->name, call_task, c);
	if (!c->task)
		abort();
	/* run it at this instant */
	world_run(pd->w, call_done, c, pd->w->now);
	if (c->done && ev->t_end < 0) {
		call_check(pd, c);
		call_free(c);
		return;
	}
	if (ev->t_end >= 0) {
		pd->pending = c;	/* checked at the next system call or the end */
		if (c->done)
			finish_pending(pd);
		return;
	}
	pd->pending = c;
	pd_err(pd, ev->line, "%s() blocked but the script expected it to return at once (use '...' for a blocking call)",
	       ev->name);
	task_signal(c->task, 2);
	world_run(pd->w, call_done, c, UINT64_MAX);
	pd->pending = NULL;
	call_free(c);
}

/* ---- shell commands (sysctl…) through the skbox runner ---- */
static void shell_line(struct pd *pd, const struct pd_event *ev, const char *line, int depth);

static void shell_file(struct pd *pd, const struct pd_event *ev, const char *path, int depth)
{
	char full[1600], *buf = NULL;
	size_t cap = 0;
	FILE *f;

	snprintf(full, sizeof(full), "%s/%s", path[0] == '/' ? "" : pd->dir, path);
	f = fopen(full, "r");
	if (!f) {
		pd_err(pd, ev->line, "%s: %s", path, strerror(errno));
		return;
	}
	while (getline(&buf, &cap, f) > 0)
		shell_line(pd, ev, buf, depth + 1);
	free(buf);
	fclose(f);
}

/* Shell arithmetic for $((…)): integers, + - * / and parentheses, in 64
 * bits that wrap as bash's do ($((9223372036854775807 + 1)) is the most
 * negative); a division by zero gives 0 (bash: an error). */
static long long arith_sum(const char **p);

static long long arith_op(char op, long long a, long long b)
{
	long long v = 0;

	switch (op) {
	case '+': __builtin_add_overflow(a, b, &v); break;
	case '-': __builtin_sub_overflow(a, b, &v); break;
	case '*': __builtin_mul_overflow(a, b, &v); break;
	case '/':
		if (b == -1)
			__builtin_sub_overflow(0, a, &v);
		else if (b)
			v = a / b;
		break;
	}
	return v;
}

static long long arith_atom(const char **p)
{
	long long v;

	while (**p == ' ')
		(*p)++;
	if (**p == '(') {
		(*p)++;
		v = arith_sum(p);
		if (**p == ')')
			(*p)++;
		return v;
	}
	if (**p == '-') {
		(*p)++;
		return arith_op('-', 0, arith_atom(p));
	}
	v = strtoll(*p, (char **)p, 0);
	while (**p == ' ')
		(*p)++;
	return v;
}

static long long arith_product(const char **p)
{
	long long v = arith_atom(p);

	while (**p == '*' || **p == '/') {
		char op = *(*p)++;
		long long r = arith_atom(p);

		v = arith_op(op, v, r);
	}
	return v;
}

static long long arith_sum(const char **p)
{
	long long v = arith_product(p);

	while (**p == '+' || **p == '-') {
		char op = *(*p)++;
		long long r = arith_product(p);

		v = arith_op(op, v, r);
	}
	return v;
}

/* defaults.sh writes tcp_rmem="4096 540000 $((15*1024*1024))"; the
 * runner has no arithmetic expansion, so it is done here */
static void expand_arith(char *cmd, size_t size)
{
	char *s;

	while ((s = strstr(cmd, "$((")) != NULL) {
		const char *p = s + 3;
		char *end = strstr(s, "))"), rest[1024];
		long long v = arith_sum(&p);

		if (!end)
			return;
		snprintf(rest, sizeof(rest), "%s", end + 2);
		snprintf(s, size - (size_t)(s - cmd), "%lld%s", v, rest);
	}
}

static void shell_line(struct pd *pd, const struct pd_event *ev, const char *line, int depth)
{
	char cmd[1024], *p = cmd;
	size_t n;
	int st;

	while (*line == ' ' || *line == '\t')
		line++;
	snprintf(cmd, sizeof(cmd), "%s", line);
	n = strcspn(cmd, "\n#");
	cmd[n] = 0;
	while (n && (cmd[n - 1] == ' ' || cmd[n - 1] == '\t' || cmd[n - 1] == '\r'))
		cmd[--n] = 0;
	if (!*p)
		return;
	/* ./defaults.sh, ../common/defaults.sh: the file's lines */
	if (strstr(p, ".sh") && !strchr(p, ' ') && depth < 3) {
		shell_file(pd, ev, p, depth);
		return;
	}
	/* redirections of the output: the runner has none, the output is discarded */
	for (char *r = strstr(p, " >"); r; r = strstr(p, " >"))
		*r = 0;
	for (char *r = strstr(p, " 2>"); r; r = strstr(p, " 2>"))
		*r = 0;
	if (!strcmp(p, "set -e") || !strncmp(p, "#!", 2))
		return;
	expand_arith(cmd, sizeof(cmd));
	rewind(pd->shell_f);
	st = runner_line(&pd->runner, p);
	fflush(pd->shell_f);
	if (st) {
		pd->shell_failed++;
		fprintf(stderr, "%s:%d: warning: command failed (exit %d): %s\n", pd->path, ev->line,
			st, p);
		if (pd->verbose && pd->shell_len)
			fprintf(stderr, "%.*s", (int)pd->shell_len, pd->shell_out);
	}
}

static void run_shell(struct pd *pd, const struct pd_event *ev)
{
	char *copy = strdup(ev->cmd), *save = NULL;

	if (!copy)
		abort();
	for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
		shell_line(pd, ev, l, 0);
	free(copy);
}

/* ---- the world and the script ---- */
static int setup(struct pd *pd)
{
	static const char *const lines[] = {
		"ip link set lo up",
		"ip link set tun0 up",
		"ip addr add " LOCAL_IP "/16 dev tun0",
		"ip route add default dev tun0",
	};
	struct net_device *dev = alloc_netdev(sizeof(struct pd *), "tun0", tun_setup);

	if (!dev)
		return -1;
	*(struct pd **)netdev_priv(dev) = pd;
	dev->dev_addr[0] = 0x02;
	dev->dev_addr[5] = 0x01;
	if (register_netdevice(pd->w->init_net, dev)) {
		free_netdev(dev);
		return -1;
	}
	pd->dev = dev;
	for (size_t i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		if (runner_line(&pd->runner, lines[i])) {
			fprintf(stderr, "skbox packetdrill: setup failed: %s\n", lines[i]);
			return -1;
		}
	return 0;
}

static void run_script(struct pd *pd)
{
	struct pd_script *s = pd->s;

	for (int i = 0; i < s->nevents && !pd->errors; i++) {
		const struct pd_event *ev = &s->events[i];

		if (ev->kind == EV_SYSCALL || ev->kind == EV_SHELL)
			finish_pending(pd);
		if (pd->errors)
			break;
		if (ev->kind == EV_PACKET && !ev->inbound) {
			check_outbound(pd, ev);
			continue;
		}
		if (ev->t >= 0)
			run_until(pd, ev->t);
		switch (ev->kind) {
		case EV_PACKET:
			if (pd->verbose) {
				char fl[12];

				fprintf(stderr, "%.6f < %s %u:%u(%u)\n", secs(now_rel(pd)),
					flag_str(ev->flags, fl), ev->seq, ev->seq_end,
					ev->seq_end - ev->seq);
			}
			inject(pd, ev);
			run_until(pd, now_rel(pd));	/* received before what follows */
			break;
		case EV_SYSCALL:
			run_syscall(pd, ev);
			break;
		case EV_SHELL:
			run_shell(pd, ev);
			break;
		case EV_SKIP:
			pd->skipped++;
			break;
		}
	}
	finish_pending(pd);
}

static void usage(FILE *f)
{
	fprintf(f, "Usage: skbox packetdrill [--tolerance_usecs=N] [--verbose] [--seed N]\n"
		"                         [--shell_timeout_secs=N] FILE.pkt\n"
		"  runs a packetdrill script against skbox's TCP in virtual time\n"
		"  (local 192.168.0.1 on tun0, remote 192.0.2.1); exit 0 when every\n"
		"  event happened as the script says, 1 with the failing line otherwise;\n"
		"  a `command` line still running after N virtual seconds (3600) is\n"
		"  interrupted\n");
}

struct pd_args {
	const char *file;
	long long tol_us;
	unsigned long long seed;
	unsigned long shell_timeout_s;	/* a shell line's virtual-time bound */
	bool verbose;
};

/* packetdrill's command line; its --ip_version=ipv4, --local_ip=…, -D…
 * name our defaults, so they are accepted and ignored.  Returns -1 to go
 * on, else the exit status. */
static int parse_args(int argc, char **argv, struct pd_args *a)
{
	for (int i = 1; i < argc; i++) {
		if (!strncmp(argv[i], "--tolerance_usecs=", 18)) {
			a->tol_us = strtoll(argv[i] + 18, NULL, 10);
		} else if (!strcmp(argv[i], "-v") || !strcmp(argv[i], "--verbose")) {
			a->verbose = true;
		} else if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
			a->seed = strtoull(argv[++i], NULL, 0);
		} else if (!strncmp(argv[i], "--shell_timeout_secs=", 21)) {
			char *end;

			errno = 0;
			a->shell_timeout_s = strtoul(argv[i] + 21, &end, 10);
			if (errno || end == argv[i] + 21 || *end || !a->shell_timeout_s ||
			    a->shell_timeout_s > 1000000) {
				fprintf(stderr, "skbox packetdrill: bad --shell_timeout_secs: %s\n",
					argv[i] + 21);
				return 2;
			}
		} else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			usage(stdout);
			return 0;
		} else if (argv[i][0] == '-' && argv[i][1]) {
			if (!strcmp(argv[i], "-D") && i + 1 < argc)
				i++;
		} else if (!a->file) {
			a->file = argv[i];
		} else {
			usage(stderr);
			return 2;
		}
	}
	if (!a->file) {
		usage(stderr);
		return 2;
	}
	return -1;
}

static void pd_init(struct pd *pd, struct pd_script *s, const struct pd_args *a)
{
	char *slash;

	pd->s = s;
	pd->path = a->file;
	pd->verbose = a->verbose;
	pd->tol = a->tol_us >= 0 ? a->tol_us * 1000 : s->tolerance_ns;
	pd->tail = &pd->head;
	for (int i = 0; i < MAX_FDS; i++)
		pd->fdmap[i] = -1;
	inet_pton(AF_INET, LOCAL_IP, &pd->local_ip);
	inet_pton(AF_INET, REMOTE_IP, &pd->remote_ip);
	pd->remote_port = REMOTE_EPHEMERAL;
	snprintf(pd->dir, sizeof(pd->dir), "%s", a->file);
	slash = strrchr(pd->dir, '/');
	if (slash)
		*slash = 0;
	else
		snprintf(pd->dir, sizeof(pd->dir), ".");
}

/* packetdrill ends the script's background commands (their tasks may be
 * parked on a socket of theirs: it must outlive them), closes what the script
 * left open, then the stack's last packets go nowhere; the world must then be
 * empty (leak check). */
static int pd_teardown(struct pd *pd)
{
	int leaks;

	runner_fini(&pd->runner);
	for (int fd = 0; fd < pd->w->nfiles; fd++)
		if (pd->w->files[fd])
			skbox_close(pd->w, fd);
	world_run(pd->w, never, NULL, pd->w->now + 1000000000ull);
	if (pd->dev) {
		unregister_netdevice(pd->dev);
		free_netdev(pd->dev);
	}
	while (pd->head) {
		struct pd_pkt *p = pd->head;

		pd->head = p->next;
		free(p);
	}
	leaks = world_free(pd->w, stderr);
	fclose(pd->shell_f);
	free(pd->shell_out);
	return leaks;
}

int packetdrill_main(int argc, char **argv)
{
	struct pd pd = { 0 };
	struct pd_script s;
	struct run_opts ro = { .echo = false };
	struct pd_args a = { .tol_us = -1, .seed = 1, .shell_timeout_s = 3600 };
	char err[512];
	int leaks, rc = parse_args(argc, argv, &a);

	if (rc >= 0)
		return rc;
	ro.timeout_ns = a.shell_timeout_s * 1000000000ull;
	if (pd_parse_file(a.file, &s, err, sizeof(err))) {
		fprintf(stderr, "%s\n", err);
		pd_script_free(&s);
		return 1;
	}
	pd_init(&pd, &s, &a);
	pd.w = world_new(a.seed);
	if (!pd.w) {
		pd_script_free(&s);
		return 1;
	}
	pd.shell_f = open_memstream(&pd.shell_out, &pd.shell_len);
	if (!pd.shell_f)
		abort();
	runner_init(&pd.runner, pd.w, pd.shell_f, &ro);
	pd.runner.file = a.file;
	if (setup(&pd)) {
		pd.errors++;
	} else {
		pd.t0 = pd.w->now;
		run_script(&pd);
	}
	leaks = pd_teardown(&pd);
	pd_script_free(&s);
	if (pd.verbose)
		fprintf(stderr, "%s: %d outbound packets matched, %d python blocks skipped, %d commands failed\n",
			a.file, pd.npkts_out, pd.skipped, pd.shell_failed);
	return pd.errors || leaks ? 1 : 0;
}
