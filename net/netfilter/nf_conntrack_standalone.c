/* What user space sees of conntrack (net/netfilter/nf_conntrack_standalone.c,
 * nf_conntrack_netlink.c's events): the sysctls net.netfilter.nf_conntrack_*
 * and net.nf_conntrack_max, the text of an entry as conntrack-tools 1.4.7
 * prints it, and the event lines conntrack -E prints. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include "net/netfilter/nf_conntrack_l4proto.h"
#include "net/net_namespace.h"
#include "net/world.h"

const char *nf_ct_l4proto_name(u8 l4proto)
{
	switch (l4proto) {
	case IPPROTO_TCP:
		return "tcp";
	case IPPROTO_UDP:
		return "udp";
	case IPPROTO_ICMP:
		return "icmp";
	case IPPROTO_ICMPV6:
		return "icmpv6";
	case IPPROTO_SCTP:
		return "sctp";
	case IPPROTO_GRE:
		return "gre";
	default:
		return "unknown";
	}
}

struct pbuf {
	char *p;
	size_t left;
	int n;
};

static void put(struct pbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct pbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(b->p, b->left, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	b->n += n;
	if ((size_t)n >= b->left) {
		b->p += b->left ? b->left - 1 : 0;
		b->left = b->left ? 1 : 0;
		return;
	}
	b->p += n;
	b->left -= (size_t)n;
}

static void put_tuple(struct pbuf *b, const struct nf_conntrack_tuple *t)
{
	const struct nf_conntrack_l4proto *l4 = nf_ct_l4proto_find(t->dst.protonum);
	char s[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];

	if (t->dst.v6) {
		inet_ntop(AF_INET6, nf_ct_tuple_addr6(t, false), s, sizeof(s));
		inet_ntop(AF_INET6, nf_ct_tuple_addr6(t, true), d, sizeof(d));
	} else {
		inet_ntop(AF_INET, &t->src.ip, s, sizeof(s));
		inet_ntop(AF_INET, &t->dst.ip, d, sizeof(d));
	}
	put(b, "src=%s dst=%s ", s, d);
	if (l4->print_tuple) {
		int n = l4->print_tuple(b->p, b->left, t);

		if (n > 0) {
			size_t m = (size_t)n < b->left ? (size_t)n : (b->left ? b->left - 1 : 0);

			b->p += m;
			b->left -= m;
			b->n += n;
		}
	}
}

static void put_acct(struct pbuf *b, const struct nf_conn *ct, enum ip_conntrack_dir dir)
{
	put(b, "packets=%llu bytes=%llu ", (unsigned long long)ct->ext->packets[dir],
	    (unsigned long long)ct->ext->bytes[dir]);
}

/* The body of an entry after its timeout: state, tuples, flags. */
static void put_body(struct pbuf *b, const struct nf_conn *ct, bool acct)
{
	const struct nf_conntrack_l4proto *l4 = nf_ct_l4proto_find(nf_ct_protonum(ct));

	if (l4->state_name)
		put(b, "%s ", l4->state_name(ct));
	put_tuple(b, &ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple);
	/* a zone of one direction shows after that direction's tuple */
	if (ct->zone && ct->zone_dir == NF_CT_ZONE_DIR_ORIG)
		put(b, "zone-orig=%u ", ct->zone);
	if (acct)
		put_acct(b, ct, IP_CT_DIR_ORIGINAL);
	if (!(ct->status & IPS_SEEN_REPLY))
		put(b, "[UNREPLIED] ");
	put_tuple(b, &ct->tuplehash[IP_CT_DIR_REPLY].tuple);
	if (ct->zone && ct->zone_dir == NF_CT_ZONE_DIR_REPL)
		put(b, "zone-reply=%u ", ct->zone);
	if (acct)
		put_acct(b, ct, IP_CT_DIR_REPLY);
	if (ct->status & IPS_ASSURED)
		put(b, "[ASSURED] ");
}

static bool ct_acct(const struct nf_conn *ct)
{
	return ct->acct;
}

int nf_ct_snprint(char *buf, size_t len, const struct nf_conn *ct, unsigned int flags)
{
	struct pbuf b = { buf, len, 0 };
	u8 proto = nf_ct_protonum(ct);

	if (flags & NF_CT_PRINT_EXTENDED)
		put(&b, "%-8s %u ", nf_ct_l3num(ct) == NFPROTO_IPV6 ? "ipv6" : "ipv4",
		    nf_ct_l3num(ct) == NFPROTO_IPV6 ? 10 : 2);
	put(&b, "%-8s %u %lu ", nf_ct_l4proto_name(proto), proto, nf_ct_expires(ct));
	put_body(&b, ct, ct_acct(ct));
	/* the table's reference is not a user (ctnetlink: refcount - 1) */
	put(&b, "mark=%u ", ct->mark);
	if (ct->zone && ct->zone_dir == NF_CT_DEFAULT_ZONE_DIR)
		put(&b, "zone=%u ", ct->zone);
	put(&b, "use=%u", ct->ct_general.use > 1 ? ct->ct_general.use - 1 : 1);
	if (flags & NF_CT_PRINT_ID)
		put(&b, " id=%u", ct->id);
	put(&b, "\n");
	return b.n;
}

/* ---- events ---- */

void nf_ct_event_listen(struct net *net, struct nf_ct_event_listener *l)
{
	l->net = net;
	list_add_tail(&l->list, &nf_ct_pernet(net)->ev_listeners);
}

void nf_ct_event_unlisten(struct nf_ct_event_listener *l)
{
	if (l->net)
		list_del(&l->list);
	l->net = NULL;
}

static void ev_deliver(struct nf_conntrack_net *cn, enum ip_conntrack_events ev,
		       const struct nf_conn *ct, const char *line)
{
	struct nf_ct_event_listener *l, *tmp;

	list_for_each_entry_safe(l, tmp, &cn->ev_listeners, list)
		l->notify(l, ev, ct, line);
}

void nf_conntrack_event(enum ip_conntrack_events ev, struct nf_conn *ct)
{
	static const char *const names[] = { "[NEW]", "[UPDATE]", "[DESTROY]" };
	struct nf_conntrack_net *cn;
	char line[512];
	struct pbuf b = { line, sizeof(line), 0 };
	unsigned long left;
	u8 proto = nf_ct_protonum(ct);

	if (!ct->net || list_empty(&(cn = nf_ct_pernet(ct->net))->ev_listeners) ||
	    !cn->sysctl.events)
		return;
	left = nf_ct_expires(ct);
	put(&b, "%9s %-8s %u ", names[ev], nf_ct_l4proto_name(proto), proto);
	/* ctnetlink leaves out a zero timeout of a dying entry */
	if (ev != IPCT_DESTROY || left)
		put(&b, "%lu ", left);
	put_body(&b, ct, ev == IPCT_DESTROY && ct->acct);
	if (ct->mark)
		put(&b, "mark=%u ", ct->mark);
	if (ct->zone && ct->zone_dir == NF_CT_DEFAULT_ZONE_DIR)
		put(&b, "zone=%u ", ct->zone);
	if (ev == IPCT_DESTROY && cn->ev_user_delete)
		put(&b, "[USERSPACE] portid=%u ", cn->ev_portid);
	if ((size_t)b.n >= sizeof(line))
		b.n = (int)sizeof(line) - 1;
	while (b.n > 0 && line[b.n - 1] == ' ')
		line[--b.n] = 0;
	b.p = line + b.n;
	b.left = sizeof(line) - (size_t)b.n;
	put(&b, "\n");
	ev_deliver(cn, ev, ct, line);
}

void nf_ct_deliver_cached_events(struct nf_conn *ct)
{
	u8 ev = ct->ev_cache;

	ct->ev_cache = 0;
	if (!nf_ct_is_confirmed(ct) || nf_ct_is_dying(ct))
		return;
	nf_conntrack_event(ev & (1u << IPCT_NEW) ? IPCT_NEW : IPCT_UPDATE, ct);
}


/* ---- sysctls ---- */

/* CS_FRAG6: nf_defrag_ipv6's queue limits, in net->ipv6.nf_frags */
enum ct_sysctl_kind { CS_RW, CS_RO_CHILD, CS_RO, CS_COUNT, CS_BUCKETS, CS_MAX, CS_FRAG6 };

struct ct_sysctl_entry {
	const char *name;		/* under net/netfilter/ */
	size_t offset;			/* into struct nf_ct_sysctl (CS_FRAG6: fqdir6) */
	u8 kind;
	int min, max;
};

#define SOFF(f) offsetof(struct nf_ct_sysctl, f)
#define TOFF(s) (SOFF(tcp_timeouts) + sizeof(int) * (s))
#define ANY 0, INT_MAX

/* alphabetical, as sysctl -a lists them */
static const struct ct_sysctl_entry ct_sysctls[] = {
	{ "nf_conntrack_acct", SOFF(acct), CS_RW, 0, 1 },
	{ "nf_conntrack_buckets", 0, CS_BUCKETS, ANY },
	{ "nf_conntrack_checksum", SOFF(checksum), CS_RW, 0, 1 },
	{ "nf_conntrack_count", 0, CS_COUNT, ANY },
	{ "nf_conntrack_events", SOFF(events), CS_RW, 0, 2 },
	{ "nf_conntrack_expect_max", SOFF(expect_max), CS_RW, 1, INT_MAX },
	{ "nf_conntrack_frag6_high_thresh", offsetof(struct fqdir6, high_thresh), CS_FRAG6, ANY },
	{ "nf_conntrack_frag6_low_thresh", offsetof(struct fqdir6, low_thresh), CS_FRAG6, ANY },
	{ "nf_conntrack_frag6_timeout", offsetof(struct fqdir6, timeout), CS_FRAG6, ANY },
	{ "nf_conntrack_generic_timeout", SOFF(generic_timeout), CS_RW, ANY },
	{ "nf_conntrack_gre_timeout", SOFF(gre_timeout), CS_RW, ANY },
	{ "nf_conntrack_gre_timeout_stream", SOFF(gre_timeout_stream), CS_RW, ANY },
	{ "nf_conntrack_icmp_timeout", SOFF(icmp_timeout), CS_RW, ANY },
	{ "nf_conntrack_icmpv6_timeout", SOFF(icmpv6_timeout), CS_RW, ANY },
	{ "nf_conntrack_log_invalid", SOFF(log_invalid), CS_RW, 0, 255 },
	{ "nf_conntrack_max", SOFF(max), CS_MAX, ANY },
	{ "nf_conntrack_tcp_be_liberal", SOFF(tcp_be_liberal), CS_RW, 0, 1 },
	{ "nf_conntrack_tcp_ignore_invalid_rst", SOFF(tcp_ignore_invalid_rst), CS_RW, 0, 1 },
	{ "nf_conntrack_tcp_loose", SOFF(tcp_loose), CS_RW, 0, 1 },
	{ "nf_conntrack_tcp_max_retrans", SOFF(tcp_max_retrans), CS_RW, ANY },
	{ "nf_conntrack_tcp_timeout_close", TOFF(TCP_CONNTRACK_CLOSE), CS_RW, ANY },
	{ "nf_conntrack_tcp_timeout_close_wait", TOFF(TCP_CONNTRACK_CLOSE_WAIT), CS_RW, ANY },
	{ "nf_conntrack_tcp_timeout_established", TOFF(TCP_CONNTRACK_ESTABLISHED), CS_RW, ANY },
	{ "nf_conntrack_tcp_timeout_fin_wait", TOFF(TCP_CONNTRACK_FIN_WAIT), CS_RW, ANY },
	{ "nf_conntrack_tcp_timeout_last_ack", TOFF(TCP_CONNTRACK_LAST_ACK), CS_RW, ANY },
	{ "nf_conntrack_tcp_timeout_max_retrans", TOFF(TCP_CONNTRACK_RETRANS), CS_RW, ANY },
	{ "nf_conntrack_tcp_timeout_syn_recv", TOFF(TCP_CONNTRACK_SYN_RECV), CS_RW, ANY },
	{ "nf_conntrack_tcp_timeout_syn_sent", TOFF(TCP_CONNTRACK_SYN_SENT), CS_RW, ANY },
	{ "nf_conntrack_tcp_timeout_time_wait", TOFF(TCP_CONNTRACK_TIME_WAIT), CS_RW, ANY },
	{ "nf_conntrack_tcp_timeout_unacknowledged", TOFF(TCP_CONNTRACK_UNACK), CS_RW, ANY },
	{ "nf_conntrack_timestamp", SOFF(timestamp), CS_RW, 0, 1 },
	{ "nf_conntrack_udp_timeout", SOFF(udp_timeout), CS_RW, ANY },
	{ "nf_conntrack_udp_timeout_stream", SOFF(udp_timeout_stream), CS_RW, ANY },
};

#define NF_CT_BUCKETS 262144

static const struct ct_sysctl_entry *ct_sysctl_find(const char *key)
{
	if (strncmp(key, "net/netfilter/", 14))
		return NULL;
	for (size_t i = 0; i < ARRAY_SIZE(ct_sysctls); i++)
		if (!strcmp(ct_sysctls[i].name, key + 14))
			return &ct_sysctls[i];
	return NULL;
}

static bool is_init_net(const struct net *net)
{
	return net == net->world->init_net;
}

int nf_ct_sysctl_read(struct net *net, const char *key, char *buf, size_t len)
{
	const struct nf_conntrack_net *cn = nf_ct_pernet(net);
	const struct ct_sysctl_entry *e;
	int v, n;

	if (!strcmp(key, "net/nf_conntrack_max")) {
		if (!is_init_net(net))
			return -ENOENT;
		v = nf_ct_pernet(net)->sysctl.max;
	} else if (!(e = ct_sysctl_find(key))) {
		return -ENOENT;
	} else if (e->kind == CS_COUNT) {
		v = (int)cn->count;
	} else if (e->kind == CS_BUCKETS) {
		v = NF_CT_BUCKETS;
	} else if (e->kind == CS_MAX) {
		v = nf_ct_pernet(net->world->init_net)->sysctl.max;
	} else if (e->kind == CS_FRAG6) {
		v = *(const int *)((const char *)&net->ipv6.nf_frags + e->offset);
	} else {
		v = *(const int *)((const char *)&cn->sysctl + e->offset);
	}
	n = snprintf(buf, len, "%d", v);
	return n < 0 || (size_t)n >= len ? -ENOSPC : 0;
}

static int ct_parse_int(const char *s, int *v)
{
	char *end;
	long x;

	while (*s == ' ' || *s == '\t' || *s == '\n')
		s++;
	errno = 0;
	x = strtol(s, &end, 10);
	if (end == s || errno || x > INT_MAX || x < INT_MIN)
		return -EINVAL;
	while (*end == ' ' || *end == '\t' || *end == '\n')
		end++;
	if (*end)
		return -EINVAL;
	*v = (int)x;
	return 0;
}

int nf_ct_sysctl_write(struct net *net, const char *key, const char *val)
{
	struct nf_conntrack_net *cn = nf_ct_pernet(net);
	const struct ct_sysctl_entry *e;
	int v;

	if (!strcmp(key, "net/nf_conntrack_max")) {
		if (!is_init_net(net))
			return -ENOENT;
		key = "net/netfilter/nf_conntrack_max";
	}
	if (!(e = ct_sysctl_find(key)))
		return -ENOENT;
	/* count is read-only; max and buckets only in the first namespace */
	if (e->kind == CS_COUNT || ((e->kind == CS_MAX || e->kind == CS_BUCKETS) && !is_init_net(net)))
		return -EINVAL;	/* as procps reports it */
	if (ct_parse_int(val, &v))
		return -EINVAL;
	if (e->kind == CS_BUCKETS)
		return v > 0 ? 0 : -EINVAL;	/* the table sizes itself */
	if (v < e->min || v > e->max)
		return -EINVAL;
	if (e->kind == CS_FRAG6) {
		*(int *)((char *)&net->ipv6.nf_frags + e->offset) = v;
		return 0;
	}
	*(int *)((char *)&cn->sysctl + e->offset) = v;
	return 0;
}

const char *nf_ct_sysctl_key(const struct net *net, unsigned int i)
{
	static const char *const keys[] = {
#define K(n) "net/netfilter/" n
		K("nf_conntrack_acct"), K("nf_conntrack_buckets"), K("nf_conntrack_checksum"),
		K("nf_conntrack_count"), K("nf_conntrack_events"), K("nf_conntrack_expect_max"),
		K("nf_conntrack_frag6_high_thresh"), K("nf_conntrack_frag6_low_thresh"),
		K("nf_conntrack_frag6_timeout"),
		K("nf_conntrack_generic_timeout"), K("nf_conntrack_gre_timeout"),
		K("nf_conntrack_gre_timeout_stream"), K("nf_conntrack_icmp_timeout"),
		K("nf_conntrack_icmpv6_timeout"), K("nf_conntrack_log_invalid"),
		K("nf_conntrack_max"), K("nf_conntrack_tcp_be_liberal"),
		K("nf_conntrack_tcp_ignore_invalid_rst"), K("nf_conntrack_tcp_loose"),
		K("nf_conntrack_tcp_max_retrans"), K("nf_conntrack_tcp_timeout_close"),
		K("nf_conntrack_tcp_timeout_close_wait"), K("nf_conntrack_tcp_timeout_established"),
		K("nf_conntrack_tcp_timeout_fin_wait"), K("nf_conntrack_tcp_timeout_last_ack"),
		K("nf_conntrack_tcp_timeout_max_retrans"), K("nf_conntrack_tcp_timeout_syn_recv"),
		K("nf_conntrack_tcp_timeout_syn_sent"), K("nf_conntrack_tcp_timeout_time_wait"),
		K("nf_conntrack_tcp_timeout_unacknowledged"), K("nf_conntrack_timestamp"),
		K("nf_conntrack_udp_timeout"), K("nf_conntrack_udp_timeout_stream"),
#undef K
	};

	if (i < ARRAY_SIZE(keys))
		return keys[i];
	if (i == ARRAY_SIZE(keys) && is_init_net(net))
		return "net/nf_conntrack_max";
	return NULL;
}
