/* net.ipv4.tcp_* (the TCP half of net/ipv4/sysctl_net_ipv4.c): one table of
 * the per-namespace TCP sysctls with their handlers' rules —
 * proc_dou8vec_minmax (0..255), proc_dointvec_minmax, proc_dointvec_jiffies
 * (seconds), the three-value tcp_rmem/tcp_wmem (each >= 1, a shorter write
 * changes only the leading values), and the congestion control names
 * (proc_tcp_congestion_control: unknown → ENOENT; outside the initial
 * namespace only an allowed one → EPERM).  net/core/sysctl_net.c hands
 * every net/ipv4/tcp_* key here. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "net/net_namespace.h"
#include "net/tcp.h"
#include "net/world.h"

enum { TS_INT, TS_U8, TS_JIFFIES, TS_TRIPLE, TS_CA, TS_CA_AVAIL, TS_CA_ALLOWED };

struct tcp_sysctl {
	const char *name;		/* after net/ipv4/ */
	u8 kind;
	size_t off;			/* into struct tcp_net */
	int min, max;
};

#define TN(f) offsetof(struct tcp_net, f)

static const struct tcp_sysctl tcp_sysctls[] = {
	{ "tcp_abort_on_overflow", TS_U8, TN(sysctl_tcp_abort_on_overflow), 0, 255 },
	{ "tcp_adv_win_scale", TS_INT, TN(sysctl_tcp_adv_win_scale), -31, 31 },
	{ "tcp_allowed_congestion_control", TS_CA_ALLOWED, 0, 0, 0 },
	{ "tcp_available_congestion_control", TS_CA_AVAIL, 0, 0, 0 },
	{ "tcp_base_mss", TS_INT, TN(sysctl_tcp_base_mss), INT_MIN, INT_MAX },
	{ "tcp_congestion_control", TS_CA, 0, 0, 0 },
	{ "tcp_dsack", TS_U8, TN(sysctl_tcp_dsack), 0, 255 },
	{ "tcp_early_retrans", TS_U8, TN(sysctl_tcp_early_retrans), 0, 4 },
	{ "tcp_fin_timeout", TS_JIFFIES, TN(sysctl_tcp_fin_timeout), 0, 0 },
	{ "tcp_frto", TS_U8, TN(sysctl_tcp_frto), 0, 255 },
	{ "tcp_keepalive_intvl", TS_JIFFIES, TN(sysctl_tcp_keepalive_intvl), 0, 0 },
	{ "tcp_keepalive_probes", TS_U8, TN(sysctl_tcp_keepalive_probes), 0, 255 },
	{ "tcp_keepalive_time", TS_JIFFIES, TN(sysctl_tcp_keepalive_time), 0, 0 },
	{ "tcp_max_syn_backlog", TS_INT, TN(sysctl_tcp_max_syn_backlog), INT_MIN, INT_MAX },
	{ "tcp_min_snd_mss", TS_INT, TN(sysctl_tcp_min_snd_mss), 48, 65535 },
	{ "tcp_min_tso_segs", TS_U8, TN(sysctl_tcp_min_tso_segs), 1, 255 },
	{ "tcp_moderate_rcvbuf", TS_U8, TN(sysctl_tcp_moderate_rcvbuf), 0, 255 },
	{ "tcp_mtu_probing", TS_U8, TN(sysctl_tcp_mtu_probing), 0, 255 },
	{ "tcp_orphan_retries", TS_U8, TN(sysctl_tcp_orphan_retries), 0, 255 },
	{ "tcp_reflect_tos", TS_U8, TN(sysctl_tcp_reflect_tos), 0, 1 },
	{ "tcp_recovery", TS_U8, TN(sysctl_tcp_recovery), 0, 255 },
	{ "tcp_reordering", TS_INT, TN(sysctl_tcp_reordering), INT_MIN, INT_MAX },
	{ "tcp_retries1", TS_U8, TN(sysctl_tcp_retries1), 0, 255 },
	{ "tcp_retries2", TS_INT, TN(sysctl_tcp_retries2), INT_MIN, INT_MAX },
	{ "tcp_rfc1337", TS_U8, TN(sysctl_tcp_rfc1337), 0, 255 },
	{ "tcp_rmem", TS_TRIPLE, TN(sysctl_tcp_rmem), 1, INT_MAX },
	{ "tcp_sack", TS_U8, TN(sysctl_tcp_sack), 0, 255 },
	{ "tcp_syn_retries", TS_U8, TN(sysctl_tcp_syn_retries), 1, 127 },
	{ "tcp_synack_retries", TS_U8, TN(sysctl_tcp_synack_retries), 0, 255 },
	{ "tcp_syncookies", TS_U8, TN(sysctl_tcp_syncookies), 0, 255 },
	{ "tcp_timestamps", TS_U8, TN(sysctl_tcp_timestamps), 0, 255 },
	{ "tcp_tw_reuse", TS_U8, TN(sysctl_tcp_tw_reuse), 0, 2 },
	{ "tcp_window_scaling", TS_U8, TN(sysctl_tcp_window_scaling), 0, 255 },
	{ "tcp_wmem", TS_TRIPLE, TN(sysctl_tcp_wmem), 1, INT_MAX },
};

/* tcp_sk_init(): a new namespace starts from the defaults, with the initial
 * namespace's buffer sizes and congestion control (as Linux copies them). */
void tcp_sysctl_init(struct net *net)
{
	struct tcp_net *tn = tcp_pernet(net);
	struct net *init = net->world ? net->world->init_net : NULL;
	struct tcp_net *itn = init && init != net ? tcp_pernet(init) : NULL;

	tn->sysctl_tcp_window_scaling = 1;
	tn->sysctl_tcp_timestamps = 1;
	tn->sysctl_tcp_sack = 1;
	tn->sysctl_tcp_dsack = 1;
	tn->sysctl_tcp_syn_retries = 6;
	tn->sysctl_tcp_synack_retries = 5;
	tn->sysctl_tcp_retries1 = 3;
	tn->sysctl_tcp_retries2 = 15;
	tn->sysctl_tcp_orphan_retries = 0;
	tn->sysctl_tcp_fin_timeout = 60;
	tn->sysctl_tcp_keepalive_time = 7200;
	tn->sysctl_tcp_keepalive_intvl = 75;
	tn->sysctl_tcp_keepalive_probes = 9;
	tn->sysctl_tcp_syncookies = 1;
	tn->sysctl_tcp_max_syn_backlog = 2048;	/* from the ehash size; this machine's */
	tn->sysctl_tcp_mtu_probing = 0;
	tn->sysctl_tcp_base_mss = 1024;
	tn->sysctl_tcp_min_snd_mss = 48;
	tn->sysctl_tcp_moderate_rcvbuf = 1;
	tn->sysctl_tcp_adv_win_scale = 1;
	tn->sysctl_tcp_reordering = 3;
	tn->sysctl_tcp_abort_on_overflow = 0;
	tn->sysctl_tcp_rfc1337 = 0;
	tn->sysctl_tcp_tw_reuse = 2;
	tn->sysctl_tcp_recovery = TCP_RACK_LOSS_DETECTION;
	tn->sysctl_tcp_early_retrans = 3;
	tn->sysctl_tcp_frto = 2;
	tn->sysctl_tcp_min_tso_segs = 2;
	if (itn) {
		memcpy(tn->sysctl_tcp_rmem, itn->sysctl_tcp_rmem, sizeof(tn->sysctl_tcp_rmem));
		memcpy(tn->sysctl_tcp_wmem, itn->sysctl_tcp_wmem, sizeof(tn->sysctl_tcp_wmem));
		tn->ca_default = itn->ca_default;
		return;
	}
	tn->sysctl_tcp_rmem[0] = 4096;
	tn->sysctl_tcp_rmem[1] = 131072;
	tn->sysctl_tcp_rmem[2] = 33554432;	/* this machine's 6.x default */
	tn->sysctl_tcp_wmem[0] = 4096;
	tn->sysctl_tcp_wmem[1] = 16384;
	tn->sysctl_tcp_wmem[2] = 4194304;
	tn->ca_default = &cubictcp;
}

static const struct tcp_sysctl *tcp_sysctl_find(const char *name)
{
	for (size_t i = 0; i < sizeof(tcp_sysctls) / sizeof(tcp_sysctls[0]); i++)
		if (!strcmp(tcp_sysctls[i].name, name))
			return &tcp_sysctls[i];
	return NULL;
}

const char *tcp_sysctl_name(size_t i)
{
	return i < sizeof(tcp_sysctls) / sizeof(tcp_sysctls[0]) ? tcp_sysctls[i].name : NULL;
}

static int *tn_field(struct tcp_net *tn, const struct tcp_sysctl *e)
{
	return (int *)((char *)tn + e->off);
}

/* name is the key after "net/ipv4/"; -ENOENT when it is not a TCP sysctl */
int tcp_sysctl_read(struct net *net, const char *name, char *buf, size_t len)
{
	const struct tcp_sysctl *e = tcp_sysctl_find(name);
	struct tcp_net *tn = tcp_pernet(net);
	int n, *f;

	if (!e || !tn)
		return -ENOENT;
	f = tn_field(tn, e);
	switch (e->kind) {
	case TS_TRIPLE:
		n = snprintf(buf, len, "%d\t%d\t%d", f[0], f[1], f[2]);
		break;
	case TS_CA:
		n = snprintf(buf, len, "%s", tn->ca_default->name);
		break;
	case TS_CA_AVAIL:
	case TS_CA_ALLOWED:
		n = snprintf(buf, len, "%s", tcp_ca_names());
		break;
	default:
		n = snprintf(buf, len, "%d", *f);
	}
	return n < 0 || (size_t)n >= len ? -ENOSPC : 0;
}

/* proc_dointvec's parser: whitespace-separated [-]digits, up to n values;
 * returns how many were read, or -EINVAL. */
static int parse_vec(const char *s, long *v, int n)
{
	int k = 0;

	for (;;) {
		char *end;

		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		if (k == n || !(*s == '-' || (*s >= '0' && *s <= '9')))
			return -EINVAL;
		errno = 0;
		v[k] = strtol(s, &end, 10);
		if (errno || end == s || (*end && *end != ' ' && *end != '\t' && *end != '\n'))
			return -EINVAL;
		k++;
		s = end;
	}
	return k ? k : -EINVAL;
}

int tcp_sysctl_write(struct net *net, const char *name, const char *val)
{
	const struct tcp_sysctl *e = tcp_sysctl_find(name);
	struct tcp_net *tn = tcp_pernet(net);
	const struct tcp_congestion_ops *ca;
	long v[3];
	int k, *f;

	if (!e || !tn)
		return -ENOENT;
	f = tn_field(tn, e);
	switch (e->kind) {
	case TS_CA:
		ca = tcp_ca_find(val);
		if (!ca)
			return -ENOENT;
		tn->ca_default = ca;
		return 0;
	case TS_CA_AVAIL:
		return -EPERM;
	case TS_CA_ALLOWED:
		return net == net->world->init_net ? 0 : -EPERM;
	case TS_TRIPLE:
		k = parse_vec(val, v, 3);
		if (k < 0)
			return k;
		for (int i = 0; i < k; i++)
			if (v[i] < e->min || v[i] > e->max)
				return -EINVAL;
		for (int i = 0; i < k; i++)
			f[i] = (int)v[i];
		return 0;
	default:
		break;
	}
	if (parse_vec(val, v, 1) != 1)
		return -EINVAL;
	if (e->kind == TS_JIFFIES) {
		if (v[0] > INT_MAX / 1000 || v[0] < -(INT_MAX / 1000))
			return -EINVAL;
	} else if (v[0] < e->min || v[0] > e->max) {
		return -EINVAL;
	}
	*f = (int)v[0];
	return 0;
}
