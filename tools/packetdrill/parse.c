/* The packetdrill script language (Google packetdrill's parser.y and
 * lexer.l, the parts TCP scripts use): `--option` lines, backtick shell
 * commands, `%{ python }%` blocks (skipped), and timed events — a packet
 * (`< S 0:0(0) win 32792 <mss 1000,nop,wscale 7>`), a system call
 * (`+0 write(4, ..., 1000) = 1000`, errno results, `...` blocking ranges)
 * or a command.  Times: `0.1` absolute, `+0.1` after the previous event,
 * `*` any time, `A~B` a range. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include "pd.h"

struct sym { const char *name; long long v; };

static const struct sym pd_syms[] = {
	{ "AF_INET", AF_INET }, { "PF_INET", AF_INET }, { "AF_INET6", AF_INET6 },
	{ "SOCK_STREAM", SOCK_STREAM }, { "SOCK_DGRAM", SOCK_DGRAM },
	{ "SOCK_NONBLOCK", SOCK_NONBLOCK }, { "SOCK_CLOEXEC", SOCK_CLOEXEC },
	{ "IPPROTO_TCP", IPPROTO_TCP }, { "IPPROTO_UDP", IPPROTO_UDP }, { "IPPROTO_IP", IPPROTO_IP },
	{ "SOL_SOCKET", SOL_SOCKET }, { "SOL_TCP", IPPROTO_TCP }, { "SOL_IP", IPPROTO_IP },
	{ "SO_REUSEADDR", SO_REUSEADDR }, { "SO_REUSEPORT", SO_REUSEPORT },
	{ "SO_KEEPALIVE", SO_KEEPALIVE }, { "SO_LINGER", SO_LINGER }, { "SO_SNDBUF", SO_SNDBUF },
	{ "SO_RCVBUF", SO_RCVBUF }, { "SO_ERROR", SO_ERROR }, { "SO_RCVLOWAT", SO_RCVLOWAT },
	{ "SO_SNDLOWAT", SO_SNDLOWAT }, { "SO_TYPE", SO_TYPE }, { "SO_OOBINLINE", SO_OOBINLINE },
	{ "TCP_NODELAY", TCP_NODELAY }, { "TCP_MAXSEG", TCP_MAXSEG }, { "TCP_CORK", TCP_CORK },
	{ "TCP_KEEPIDLE", TCP_KEEPIDLE }, { "TCP_KEEPINTVL", TCP_KEEPINTVL },
	{ "TCP_KEEPCNT", TCP_KEEPCNT }, { "TCP_SYNCNT", TCP_SYNCNT }, { "TCP_LINGER2", TCP_LINGER2 },
	{ "TCP_DEFER_ACCEPT", TCP_DEFER_ACCEPT }, { "TCP_WINDOW_CLAMP", TCP_WINDOW_CLAMP },
	{ "TCP_INFO", TCP_INFO }, { "TCP_QUICKACK", TCP_QUICKACK },
	{ "TCP_CONGESTION", TCP_CONGESTION }, { "TCP_USER_TIMEOUT", TCP_USER_TIMEOUT },
	{ "TCP_NOTSENT_LOWAT", 25 }, { "TCP_INQ", 36 }, { "TCP_CM_INQ", 36 },
	{ "TCP_FASTOPEN", 23 }, { "TCP_FASTOPEN_CONNECT", 30 }, { "TCP_ZEROCOPY_RECEIVE", 35 },
	{ "SO_ZEROCOPY", 60 }, { "MSG_ZEROCOPY", 0x4000000 },
	{ "F_GETFL", F_GETFL }, { "F_SETFL", F_SETFL }, { "F_GETFD", F_GETFD }, { "F_SETFD", F_SETFD },
	{ "O_RDONLY", O_RDONLY }, { "O_WRONLY", O_WRONLY }, { "O_RDWR", O_RDWR },
	{ "O_NONBLOCK", O_NONBLOCK }, { "FD_CLOEXEC", FD_CLOEXEC },
	{ "SHUT_RD", SHUT_RD }, { "SHUT_WR", SHUT_WR }, { "SHUT_RDWR", SHUT_RDWR },
	{ "MSG_DONTWAIT", MSG_DONTWAIT }, { "MSG_PEEK", MSG_PEEK }, { "MSG_MORE", MSG_MORE },
	{ "MSG_WAITALL", MSG_WAITALL }, { "MSG_OOB", MSG_OOB }, { "MSG_TRUNC", MSG_TRUNC },
	{ "MSG_NOSIGNAL", MSG_NOSIGNAL }, { "MSG_ERRQUEUE", MSG_ERRQUEUE }, { "MSG_EOR", MSG_EOR },
	{ "POLLIN", POLLIN }, { "POLLPRI", POLLPRI }, { "POLLOUT", POLLOUT }, { "POLLERR", POLLERR },
	{ "POLLHUP", POLLHUP }, { "POLLNVAL", POLLNVAL }, { "POLLRDNORM", POLLRDNORM },
	{ "POLLRDBAND", POLLRDBAND }, { "POLLWRNORM", POLLWRNORM }, { "POLLWRBAND", POLLWRBAND },
	{ "POLLRDHUP", POLLRDHUP },
	{ "SIOCINQ", FIONREAD }, { "FIONREAD", FIONREAD }, { "SIOCOUTQ", TIOCOUTQ },
	{ "INADDR_ANY", 0 }, { "NULL", 0 },
	{ "TCP_CA_Open", 0 }, { "TCP_CA_Disorder", 1 }, { "TCP_CA_CWR", 2 },
	{ "TCP_CA_Recovery", 3 }, { "TCP_CA_Loss", 4 },
	{ "TCP_ESTABLISHED", 1 }, { "TCP_SYN_SENT", 2 }, { "TCP_SYN_RECV", 3 },
	{ "TCP_FIN_WAIT1", 4 }, { "TCP_FIN_WAIT2", 5 }, { "TCP_TIME_WAIT", 6 }, { "TCP_CLOSE", 7 },
	{ "TCP_CLOSE_WAIT", 8 }, { "TCP_LAST_ACK", 9 }, { "TCP_LISTEN", 10 }, { "TCP_CLOSING", 11 },
};

static const struct sym pd_errnos[] = {
	{ "EPERM", EPERM }, { "ENOENT", ENOENT }, { "EINTR", EINTR }, { "EIO", EIO },
	{ "EBADF", EBADF }, { "EAGAIN", EAGAIN }, { "EWOULDBLOCK", EAGAIN }, { "ENOMEM", ENOMEM },
	{ "EACCES", EACCES }, { "EFAULT", EFAULT }, { "EBUSY", EBUSY }, { "EEXIST", EEXIST },
	{ "EINVAL", EINVAL }, { "EMFILE", EMFILE }, { "ENOSPC", ENOSPC }, { "EPIPE", EPIPE },
	{ "ENOTSOCK", ENOTSOCK }, { "EDESTADDRREQ", EDESTADDRREQ }, { "EMSGSIZE", EMSGSIZE },
	{ "EPROTOTYPE", EPROTOTYPE }, { "ENOPROTOOPT", ENOPROTOOPT },
	{ "EPROTONOSUPPORT", EPROTONOSUPPORT }, { "EOPNOTSUPP", EOPNOTSUPP },
	{ "EAFNOSUPPORT", EAFNOSUPPORT }, { "EADDRINUSE", EADDRINUSE },
	{ "EADDRNOTAVAIL", EADDRNOTAVAIL }, { "ENETDOWN", ENETDOWN }, { "ENETUNREACH", ENETUNREACH },
	{ "ECONNABORTED", ECONNABORTED }, { "ECONNRESET", ECONNRESET }, { "ENOBUFS", ENOBUFS },
	{ "EISCONN", EISCONN }, { "ENOTCONN", ENOTCONN }, { "ESHUTDOWN", ESHUTDOWN },
	{ "ETIMEDOUT", ETIMEDOUT }, { "ECONNREFUSED", ECONNREFUSED }, { "EHOSTDOWN", EHOSTDOWN },
	{ "EHOSTUNREACH", EHOSTUNREACH }, { "EALREADY", EALREADY }, { "EINPROGRESS", EINPROGRESS },
	{ "ENOTSUP", EOPNOTSUPP }, { "ENOSYS", ENOSYS },
};

int pd_symbol(const char *name, long long *v)
{
	for (size_t i = 0; i < sizeof(pd_syms) / sizeof(pd_syms[0]); i++)
		if (!strcmp(pd_syms[i].name, name)) {
			*v = pd_syms[i].v;
			return 0;
		}
	for (size_t i = 0; i < sizeof(pd_errnos) / sizeof(pd_errnos[0]); i++)
		if (!strcmp(pd_errnos[i].name, name)) {
			*v = pd_errnos[i].v;
			return 0;
		}
	return -1;
}

const char *pd_errno_name(int e)
{
	for (size_t i = 0; i < sizeof(pd_errnos) / sizeof(pd_errnos[0]); i++)
		if (pd_errnos[i].v == e)
			return pd_errnos[i].name;
	return "E?";
}

/* ---- a cursor over the whole file ---- */
struct lex {
	const char *p;
	int line;
	char *err;
	size_t errlen;
	int err_line;
};

static int lex_error(struct lex *l, const char *fmt, const char *arg)
{
	if (!l->err_line) {
		char near[64];
		size_t n = arg ? strcspn(arg, "\n") : 0;

		l->err_line = l->line;
		if (n >= sizeof(near))
			n = sizeof(near) - 1;
		memcpy(near, arg ? arg : "", n);
		near[n] = 0;
		snprintf(l->err, l->errlen, fmt, near);
	}
	return -1;
}

/* Skips blanks, newlines (counting them) and comments. */
static void skip_space(struct lex *l)
{
	for (;;) {
		if (*l->p == '\n') {
			l->line++;
			l->p++;
		} else if (isspace((unsigned char)*l->p)) {
			l->p++;
		} else if (l->p[0] == '/' && l->p[1] == '/') {
			while (*l->p && *l->p != '\n')
				l->p++;
		} else if (l->p[0] == '/' && l->p[1] == '*') {
			l->p += 2;
			while (*l->p && !(l->p[0] == '*' && l->p[1] == '/')) {
				if (*l->p == '\n')
					l->line++;
				l->p++;
			}
			if (*l->p)
				l->p += 2;
		} else {
			return;
		}
	}
}

/* Blanks on this line only (an event ends at its line's end). */
static void skip_blank(struct lex *l)
{
	while (*l->p == ' ' || *l->p == '\t' || *l->p == '\r')
		l->p++;
	if (l->p[0] == '/' && l->p[1] == '/')
		while (*l->p && *l->p != '\n')
			l->p++;
}

static bool accept_str(struct lex *l, const char *s)
{
	size_t n = strlen(s);

	if (strncmp(l->p, s, n))
		return false;
	l->p += n;
	return true;
}

static int parse_ident(struct lex *l, char *buf, size_t n)
{
	size_t i = 0;

	if (!isalpha((unsigned char)*l->p) && *l->p != '_')
		return -1;
	while (isalnum((unsigned char)*l->p) || *l->p == '_') {
		if (i + 1 < n)
			buf[i++] = *l->p;
		l->p++;
	}
	buf[i] = 0;
	return 0;
}

static int parse_u32(struct lex *l, uint32_t *v)
{
	char *end;
	unsigned long long x;

	if (!isdigit((unsigned char)*l->p))
		return lex_error(l, "expected a number near '%.20s'", l->p);
	x = strtoull(l->p, &end, 0);
	if (x > 0xffffffffULL)
		return lex_error(l, "number out of range near '%.20s'", l->p);
	l->p = end;
	*v = (uint32_t)x;
	return 0;
}

/* ---- expressions ---- */
static struct pd_expr *expr_new(enum pd_expr_kind k)
{
	struct pd_expr *e = calloc(1, sizeof(*e));

	if (!e)
		abort();
	e->kind = k;
	return e;
}

static void expr_push(struct pd_expr *e, struct pd_expr *item)
{
	struct pd_expr **n = realloc(e->items, (size_t)(e->n + 1) * sizeof(*n));

	if (!n)
		abort();
	e->items = n;
	e->items[e->n++] = item;
}

void pd_expr_free(struct pd_expr *e)
{
	if (!e)
		return;
	for (int i = 0; i < e->n; i++)
		pd_expr_free(e->items[i]);
	free(e->items);
	free(e->str);
	free(e->field);
	free(e);
}

static struct pd_expr *parse_expr(struct lex *l);

/* items up to `close`, comma separated */
static int parse_items(struct lex *l, struct pd_expr *e, char close)
{
	skip_space(l);
	if (*l->p == close) {
		l->p++;
		return 0;
	}
	for (;;) {
		struct pd_expr *item;
		const char *save = l->p;
		char name[64];

		skip_space(l);
		/* name=value inside a struct */
		if (close == '}' && !parse_ident(l, name, sizeof(name))) {
			skip_space(l);
			/* msg_iov(1)=…: skip a count in parentheses */
			if (*l->p == '(') {
				while (*l->p && *l->p != ')')
					l->p++;
				if (*l->p)
					l->p++;
				skip_space(l);
			}
			if (*l->p == '=' && l->p[1] != '=') {
				l->p++;
				item = parse_expr(l);
				if (!item)
					return -1;
				item->field = strdup(name);
				expr_push(e, item);
				goto next;
			}
			l->p = save;
		}
		item = parse_expr(l);
		if (!item)
			return -1;
		expr_push(e, item);
next:
		skip_space(l);
		if (*l->p == ',') {
			l->p++;
			continue;
		}
		if (*l->p == close) {
			l->p++;
			return 0;
		}
		return lex_error(l, "syntax error near '%.20s'", l->p);
	}
}

static struct pd_expr *parse_atom(struct lex *l)
{
	struct pd_expr *e;
	char name[64];

	skip_space(l);
	if (accept_str(l, "..."))
		return expr_new(PE_ELLIPSIS);
	if (*l->p == '"') {
		const char *s = ++l->p;

		while (*l->p && *l->p != '"')
			l->p++;
		if (!*l->p) {
			lex_error(l, "unterminated string", NULL);
			return NULL;
		}
		e = expr_new(PE_STRING);
		e->str = strndup(s, (size_t)(l->p - s));
		l->p++;
		return e;
	}
	if (*l->p == '[' || *l->p == '{') {
		char close = *l->p == '[' ? ']' : '}';

		e = expr_new(*l->p == '[' ? PE_LIST : PE_STRUCT);
		l->p++;
		if (parse_items(l, e, close)) {
			pd_expr_free(e);
			return NULL;
		}
		return e;
	}
	if (isdigit((unsigned char)*l->p) || (*l->p == '-' && isdigit((unsigned char)l->p[1]))) {
		char *end;

		e = expr_new(PE_INT);
		errno = 0;
		e->num = strtoll(l->p, &end, 0);
		if (*end == '.' && isdigit((unsigned char)end[1]))	/* 1.5: not for syscalls */
			strtod(l->p, &end);
		l->p = end;
		return e;
	}
	if (!parse_ident(l, name, sizeof(name))) {
		skip_space(l);
		if (*l->p == '(') {
			l->p++;
			e = expr_new(PE_CALL);
			e->str = strdup(name);
			if (parse_items(l, e, ')')) {
				pd_expr_free(e);
				return NULL;
			}
			return e;
		}
		e = expr_new(PE_INT);
		if (pd_symbol(name, &e->num)) {
			/* an unknown name: kept, so the runner can say which */
			e->kind = PE_STRING;
			e->str = strdup(name);
			e->num = -1;
			e->field = NULL;
			e->n = -1;		/* marks "bare identifier" */
		}
		return e;
	}
	lex_error(l, "syntax error near '%.20s'", l->p);
	return NULL;
}

static struct pd_expr *parse_expr(struct lex *l)
{
	struct pd_expr *e = parse_atom(l);

	for (;;) {
		struct pd_expr *r;

		if (!e)
			return NULL;
		skip_space(l);
		if (*l->p != '|' || l->p[1] == '|')
			return e;
		l->p++;
		r = parse_atom(l);
		if (!r) {
			pd_expr_free(e);
			return NULL;
		}
		if (e->kind != PE_INT || r->kind != PE_INT) {
			lex_error(l, "'|' of a non-constant near '%.20s'", l->p);
			pd_expr_free(e);
			pd_expr_free(r);
			return NULL;
		}
		e->num |= r->num;
		pd_expr_free(r);
	}
}

/* ---- times ---- */
#define MAX_SCRIPT_SECS (366.0 * 86400)

static int parse_num_time(struct lex *l, double *secs)
{
	char *end;

	char num[64];
	size_t n = 0;

	/* digits, then '.' and digits unless the '.' starts "..." */
	while (isdigit((unsigned char)l->p[n]))
		n++;
	if (l->p[n] == '.' && l->p[n + 1] != '.') {
		n++;
		while (isdigit((unsigned char)l->p[n]))
			n++;
	}
	if (!n || n >= sizeof(num) || (n == 1 && *l->p == '.'))
		return lex_error(l, "expected a time near '%.20s'", l->p);
	memcpy(num, l->p, n);
	num[n] = 0;
	*secs = strtod(num, &end);
	l->p += n;
	return 0;
}

static int64_t secs_ns(double s)
{
	return (int64_t)(s * 1e9 + (s >= 0 ? 0.5 : -0.5));
}

/* One time: [+]NUM; relative ones are based on *prev. */
static int parse_one_time(struct lex *l, int64_t base, int64_t *t)
{
	bool rel = accept_str(l, "+");
	double s;

	if (parse_num_time(l, &s))
		return -1;
	/* beyond a year a script's time overflows the ns clock (a fuzz finding) */
	if (s > MAX_SCRIPT_SECS || (rel && base > (int64_t)(MAX_SCRIPT_SECS * 1e9)))
		return lex_error(l, "time too large near '%.20s'", l->p);
	*t = (rel ? base : 0) + secs_ns(s);
	return 0;
}

/* ---- packets ---- */
static int parse_options(struct lex *l, struct pd_event *ev)
{
	/* after '<' */
	ev->opts_given = true;
	for (;;) {
		struct pd_opt *o;
		char name[32];

		skip_blank(l);
		if (*l->p == '>') {
			l->p++;
			return 0;
		}
		if (ev->nopts >= PD_MAX_OPTS)
			return lex_error(l, "too many TCP options", NULL);
		o = &ev->opts[ev->nopts];
		memset(o, 0, sizeof(*o));
		if (accept_str(l, "...")) {
			ev->opts_any = true;
			o->kind = PO_ANY;
		} else if (parse_ident(l, name, sizeof(name))) {
			return lex_error(l, "bad TCP option near '%.20s'", l->p);
		} else if (!strcmp(name, "nop")) {
			o->kind = PO_NOP;
		} else if (!strcmp(name, "eol")) {
			o->kind = PO_EOL;
		} else if (!strcmp(name, "sackOK")) {
			o->kind = PO_SACKOK;
		} else if (!strcmp(name, "mss") || !strcmp(name, "wscale")) {
			o->kind = name[0] == 'm' ? PO_MSS : PO_WSCALE;
			skip_blank(l);
			if (parse_u32(l, &o->v[0]))
				return -1;
		} else if (!strcmp(name, "TS")) {
			o->kind = PO_TS;
			skip_blank(l);
			if (!accept_str(l, "val"))
				return lex_error(l, "expected 'val' near '%.20s'", l->p);
			skip_blank(l);
			if (parse_u32(l, &o->v[0]))
				return -1;
			skip_blank(l);
			if (!accept_str(l, "ecr"))
				return lex_error(l, "expected 'ecr' near '%.20s'", l->p);
			skip_blank(l);
			if (parse_u32(l, &o->v[1]))
				return -1;
		} else if (!strcmp(name, "sack")) {
			o->kind = PO_SACK;
			for (;;) {
				skip_blank(l);
				if (!isdigit((unsigned char)*l->p))
					break;
				if (o->nblocks >= 4)
					return lex_error(l, "too many SACK blocks", NULL);
				if (parse_u32(l, &o->v[2 * o->nblocks]) || !accept_str(l, ":") ||
				    parse_u32(l, &o->v[2 * o->nblocks + 1]))
					return lex_error(l, "bad SACK block near '%.20s'", l->p);
				o->nblocks++;
			}
		} else {
			return lex_error(l, "unsupported TCP option '%s'", name);
		}
		ev->nopts++;
		skip_blank(l);
		if (*l->p == ',')
			l->p++;
	}
}

static int parse_packet(struct lex *l, struct pd_event *ev)
{
	uint32_t len;

	ev->kind = EV_PACKET;
	ev->inbound = *l->p == '<';
	l->p++;
	skip_blank(l);
	if (*l->p == '[') {		/* [ect0], [noecn]…: not checked */
		while (*l->p && *l->p != ']' && *l->p != '\n')
			l->p++;
		if (*l->p == ']')
			l->p++;
		skip_blank(l);
	}
	if (accept_str(l, "icmp") || accept_str(l, "udp"))
		return lex_error(l, "unsupported packet type near '%.20s'", l->p - 4);
	while (*l->p && !isspace((unsigned char)*l->p)) {
		switch (*l->p) {
		case 'F': ev->flags |= 0x01; break;
		case 'S': ev->flags |= 0x02; break;
		case 'R': ev->flags |= 0x04; break;
		case 'P': ev->flags |= 0x08; break;
		case '.': ev->flags |= 0x10; break;
		case 'U': ev->flags |= 0x20; break;
		case 'E': ev->flags |= 0x40; break;
		case 'W': ev->flags |= 0x80; break;
		default:
			return lex_error(l, "bad TCP flags near '%.20s'", l->p);
		}
		l->p++;
	}
	skip_blank(l);
	if (parse_u32(l, &ev->seq) || !accept_str(l, ":") || parse_u32(l, &ev->seq_end) ||
	    !accept_str(l, "(") || parse_u32(l, &len) || !accept_str(l, ")"))
		return lex_error(l, "bad sequence numbers near '%.20s'", l->p);
	if (ev->seq_end - ev->seq != len)
		return lex_error(l, "inconsistent segment length", NULL);
	for (;;) {
		skip_blank(l);
		if (!*l->p || *l->p == '\n')
			return 0;
		if (accept_str(l, "ack")) {
			skip_blank(l);
			ev->has_ack = true;
			if (parse_u32(l, &ev->ack))
				return -1;
		} else if (accept_str(l, "win")) {
			skip_blank(l);
			ev->has_win = true;
			if (parse_u32(l, &ev->win))
				return -1;
		} else if (accept_str(l, "urg")) {
			uint32_t u;

			skip_blank(l);
			if (parse_u32(l, &u))
				return -1;
		} else if (*l->p == '<') {
			l->p++;
			if (parse_options(l, ev))
				return -1;
		} else {
			return lex_error(l, "syntax error near '%.20s'", l->p);
		}
	}
}

/* ---- system calls ---- */
static int parse_syscall(struct lex *l, struct pd_event *ev)
{
	char name[64];
	struct pd_expr holder = { 0 };

	ev->kind = EV_SYSCALL;
	if (parse_ident(l, name, sizeof(name)))
		return lex_error(l, "syntax error near '%.20s'", l->p);
	ev->name = strdup(name);
	skip_blank(l);
	if (*l->p != '(')
		return lex_error(l, "expected '(' after '%s'", name);
	l->p++;
	if (parse_items(l, &holder, ')')) {
		for (int i = 0; i < holder.n; i++)
			pd_expr_free(holder.items[i]);
		free(holder.items);
		return -1;
	}
	ev->nargs = holder.n;
	ev->args = holder.items;
	skip_space(l);
	if (!accept_str(l, "="))
		return lex_error(l, "expected '= RESULT' after %s()", name);
	skip_blank(l);
	if (accept_str(l, "...")) {
		ev->ret_any = true;
	} else {
		char *end;

		ev->ret = strtoll(l->p, &end, 0);
		if (end == l->p) {
			long long v;

			/* = O_RDWR|O_NONBLOCK (fcntl F_GETFL) */
			struct pd_expr *e = parse_expr(l);

			if (!e || e->kind != PE_INT) {
				pd_expr_free(e);
				return lex_error(l, "bad result near '%.20s'", l->p);
			}
			v = e->num;
			pd_expr_free(e);
			ev->ret = v;
		} else {
			l->p = end;
		}
	}
	skip_blank(l);
	if (ev->ret == -1 && isupper((unsigned char)*l->p)) {
		char en[32];
		long long v;

		parse_ident(l, en, sizeof(en));
		if (pd_symbol(en, &v))
			return lex_error(l, "unknown errno '%s'", en);
		ev->ret_errno = (int)v;
		skip_blank(l);
		if (*l->p == '(') {		/* (Connection refused) */
			while (*l->p && *l->p != ')' && *l->p != '\n')
				l->p++;
			if (*l->p == ')')
				l->p++;
		}
	}
	skip_blank(l);
	if (*l->p == '(') {		/* = 0x2 (flags O_RDWR): a comment */
		while (*l->p && *l->p != ')' && *l->p != '\n')
			l->p++;
		if (*l->p == ')')
			l->p++;
		skip_blank(l);
	}
	if (*l->p && *l->p != '\n')
		return lex_error(l, "syntax error near '%.20s'", l->p);
	return 0;
}

static char *parse_backtick(struct lex *l)
{
	const char *s = ++l->p;
	char *cmd;

	while (*l->p && *l->p != '`') {
		if (*l->p == '\n')
			l->line++;
		l->p++;
	}
	if (!*l->p) {
		lex_error(l, "unterminated backtick command", NULL);
		return NULL;
	}
	cmd = strndup(s, (size_t)(l->p - s));
	l->p++;
	return cmd;
}

static struct pd_event *new_event(struct pd_script *s, int line)
{
	struct pd_event *n = realloc(s->events, (size_t)(s->nevents + 1) * sizeof(*n));

	if (!n)
		abort();
	s->events = n;
	n = &s->events[s->nevents++];
	memset(n, 0, sizeof(*n));
	n->line = line;
	n->t_end = -1;
	return n;
}

static int parse_option_line(struct lex *l, struct pd_script *s)
{
	const char *start = l->p;
	char opt[128];
	size_t n;

	while (*l->p && !isspace((unsigned char)*l->p))
		l->p++;
	n = (size_t)(l->p - start);
	if (n >= sizeof(opt))
		n = sizeof(opt) - 1;
	memcpy(opt, start, n);
	opt[n] = 0;
	if (!strncmp(opt, "--tolerance_usecs=", 18)) {
		s->tolerance_ns = strtoll(opt + 18, NULL, 10) * 1000;
		return 0;
	}
	/* --ip_version=ipv4, --local_ip=…, -D…: the defaults are the only ones */
	return 0;
}

/* %{ python }% — skipped; the caller has taken the "%{" */
static int skip_python(struct lex *l, struct pd_event *ev)
{
	while (*l->p && !(l->p[0] == '}' && l->p[1] == '%')) {
		if (*l->p == '\n')
			l->line++;
		l->p++;
	}
	if (!*l->p)
		return lex_error(l, "unterminated %%{ }%% block", NULL);
	l->p += 2;
	ev->kind = EV_SKIP;
	ev->skip_why = "python assertion block";
	return 0;
}

/* A line without a time: an option, a command or a python block at the
 * previous event's time.  Returns 1 when the line was something else. */
static int parse_untimed(struct lex *l, struct pd_script *s, int64_t prev)
{
	struct pd_event *ev;
	int line = l->line;

	if (l->p[0] == '-' && l->p[1] == '-')
		return parse_option_line(l, s) ? -1 : 0;
	if (*l->p == '`') {
		char *cmd = parse_backtick(l);

		if (!cmd)
			return -1;
		ev = new_event(s, line);
		ev->kind = EV_SHELL;
		ev->cmd = cmd;
		ev->t = ev->t_hi = prev;
		return 0;
	}
	if (!accept_str(l, "%{"))
		return 1;
	ev = new_event(s, line);
	ev->t = ev->t_hi = prev;
	return skip_python(l, ev);
}

/* "*", "0.1", "+0.1", "0.1~0.2", "+0...0.2": the event's time */
static int parse_event_time(struct lex *l, struct pd_event *ev, int64_t base)
{
	bool rel;

	if (accept_str(l, "*")) {
		ev->t = ev->t_hi = -1;
		return 0;
	}
	rel = *l->p == '+';
	if (parse_one_time(l, base, &ev->t))
		return -1;
	ev->t_hi = ev->t;
	if (accept_str(l, "~")) {
		if (parse_one_time(l, base, &ev->t_hi))
			return -1;
	} else if (accept_str(l, "...")) {
		int64_t e;

		/* the end shares the start's base (packetdrill adds the
		 * previous event's time to both) */
		accept_str(l, "+");
		if (parse_one_time(l, 0, &e))
			return -1;
		if (rel)
			e += base;
		ev->t_end = e;
	}
	if (ev->t < 0 || ev->t_hi < ev->t)
		return lex_error(l, "bad time range", NULL);
	return 0;
}

/* What follows the time: a packet, a command, python, or a system call. */
static int parse_event_body(struct lex *l, struct pd_event *ev)
{
	skip_blank(l);
	if (*l->p == '<' || *l->p == '>')
		return parse_packet(l, ev);
	if (*l->p == '`') {
		ev->kind = EV_SHELL;
		ev->cmd = parse_backtick(l);
		return ev->cmd ? 0 : -1;
	}
	if (accept_str(l, "%{"))
		return skip_python(l, ev);
	return parse_syscall(l, ev);
}

static int parse_all(struct lex *l, struct pd_script *s)
{
	int64_t prev = 0;

	for (;;) {
		struct pd_event *ev;
		int r;

		skip_space(l);
		if (!*l->p)
			return 0;
		r = parse_untimed(l, s, prev);
		if (r < 0)
			return -1;
		if (r == 0)
			continue;
		ev = new_event(s, l->line);
		if (parse_event_time(l, ev, prev) || parse_event_body(l, ev))
			return -1;
		if (ev->t >= 0)
			prev = ev->t;	/* after a blocking call: from its start */
	}
}

int pd_parse_file(const char *path, struct pd_script *s, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *text = NULL;
	size_t cap = 0, len = 0;
	struct lex l = { .line = 1, .err = err, .errlen = errlen };
	int r;

	memset(s, 0, sizeof(*s));
	s->path = path;
	s->tolerance_ns = 4000000;
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	for (;;) {
		if (len + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 16384;
			text = realloc(text, cap);
			if (!text)
				abort();
		}
		size_t n = fread(text + len, 1, 4096, f);

		if (!n)
			break;
		len += n;
	}
	fclose(f);
	text[len] = 0;
	l.p = text;
	r = parse_all(&l, s);
	free(text);
	if (r) {
		char msg[512];

		snprintf(msg, sizeof(msg), "%s:%d: %s", path, l.err_line ? l.err_line : l.line, err);
		snprintf(err, errlen, "%s", msg);
		return -1;
	}
	return 0;
}

void pd_script_free(struct pd_script *s)
{
	for (int i = 0; i < s->nevents; i++) {
		struct pd_event *ev = &s->events[i];

		for (int j = 0; j < ev->nargs; j++)
			pd_expr_free(ev->args[j]);
		free(ev->args);
		free(ev->name);
		free(ev->cmd);
	}
	free(s->events);
	s->events = NULL;
	s->nevents = 0;
}
