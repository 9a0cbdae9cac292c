/* IPVS control (net/netfilter/ipvs/ip_vs_ctl.c): the virtual services and
 * their real servers of a namespace, as ipvsadm asks for them, with the
 * kernel's answers (-EEXIST, -ESRCH, -ENOENT ...); the timeouts of --set;
 * the net.ipv4.vs.* sysctls; the rate estimator (ip_vs_est.c).
 *
 * The state of a namespace appears on first use.  The first service
 * registers the hooks (ip_vs_core.c) and holds conntrack in the namespace
 * (nf_ct_netns_get, as ip_vs_register_conntrack); the last one removes them. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "linux/slab.h"
#include "net/ip_vs.h"
#include "net/net_namespace.h"
#include "net/netfilter/nf_conntrack.h"
#include "net/ip_fib.h"
#include "net/world.h"

static const unsigned int ip_vs_net_id = NETGEN_IPVS;

/* seconds (ip_vs_proto_tcp.c tcp_timeouts[], ip_vs_proto_udp.c) */
static const int tcp_timeouts_default[IP_VS_TCP_S_LAST + 1] = {
	[IP_VS_TCP_S_NONE] = 2,
	[IP_VS_TCP_S_ESTABLISHED] = 15 * 60,
	[IP_VS_TCP_S_SYN_SENT] = 2 * 60,
	[IP_VS_TCP_S_SYN_RECV] = 1 * 60,
	[IP_VS_TCP_S_FIN_WAIT] = 2 * 60,
	[IP_VS_TCP_S_TIME_WAIT] = 2 * 60,
	[IP_VS_TCP_S_CLOSE] = 10,
	[IP_VS_TCP_S_CLOSE_WAIT] = 60,
	[IP_VS_TCP_S_LAST_ACK] = 30,
	[IP_VS_TCP_S_LISTEN] = 2 * 60,
	[IP_VS_TCP_S_SYNACK] = 120,
	[IP_VS_TCP_S_LAST] = 2,
};

struct netns_ipvs *net_ipvs(const struct net *net)
{
	return net_generic(net, ip_vs_net_id);
}

/* The namespace's state, made on first use (a namespace that never uses
 * IPVS keeps no connection table). */
static struct netns_ipvs *ipvs_get(struct net *net)
{
	struct netns_ipvs *ipvs = net_ipvs(net);

	if (ipvs)
		return ipvs;
	ipvs = kzalloc(sizeof(*ipvs));
	if (!ipvs)
		return NULL;
	ipvs->net = net;
	INIT_LIST_HEAD(&ipvs->services);
	memcpy(ipvs->tcp_timeouts, tcp_timeouts_default, sizeof(ipvs->tcp_timeouts));
	ipvs->udp_timeout = 5 * 60;
	ipvs->sysctl_conn_reuse_mode = 1;
	ipvs->sysctl_snat_reroute = 1;
	ipvs->tot_stats.est_next = world_now(net->world) + 2000000000ull;
	net->gen[ip_vs_net_id] = ipvs;
	return ipvs;
}

/* ---- the rate estimator (ip_vs_est.c), run lazily ---- */
static void est_tick(struct ip_vs_stats *s)
{
	s64 rate;

	rate = (s64)((s->conns - s->last_conns) << 9);
	s->last_conns = s->conns;
	s->cps += (rate - s->cps) >> 2;
	rate = (s64)((s->inpkts - s->last_inpkts) << 9);
	s->last_inpkts = s->inpkts;
	s->inpps += (rate - s->inpps) >> 2;
	rate = (s64)((s->outpkts - s->last_outpkts) << 9);
	s->last_outpkts = s->outpkts;
	s->outpps += (rate - s->outpps) >> 2;
	rate = (s64)((s->inbytes - s->last_inbytes) << 4);
	s->last_inbytes = s->inbytes;
	s->inbps += (rate - s->inbps) >> 2;
	rate = (s64)((s->outbytes - s->last_outbytes) << 4);
	s->last_outbytes = s->outbytes;
	s->outbps += (rate - s->outbps) >> 2;
}

/* Run the 2-second ticks that passed; counters did not change since the
 * last call, so each tick sees them as the kernel's would have. */
void ip_vs_est_update(struct world *w, struct ip_vs_stats *s)
{
	u64 now = world_now(w);
	unsigned int n = 0;

	while (s->est_next <= now) {
		if (++n > 200) {	/* long idle: everything decayed to 0 */
			est_tick(s);
			s->cps = s->inpps = s->outpps = s->inbps = s->outbps = 0;
			s->est_next = now - (now - s->est_next) % 2000000000ull;
		} else {
			est_tick(s);
		}
		s->est_next += 2000000000ull;
	}
}

void ip_vs_read_rates(struct world *w, struct ip_vs_stats *s, u64 out[5])
{
	ip_vs_est_update(w, s);
	out[0] = (u64)(s->cps + 0x1FF) >> 10;
	out[1] = (u64)(s->inpps + 0x1FF) >> 10;
	out[2] = (u64)(s->outpps + 0x1FF) >> 10;
	out[3] = (u64)(s->inbps + 0xF) >> 5;
	out[4] = (u64)(s->outbps + 0xF) >> 5;
}

static void stats_init(struct net *net, struct ip_vs_stats *s)
{
	memset(s, 0, sizeof(*s));
	s->est_next = world_now(net->world) + 2000000000ull;
}

static void stats_zero(struct net *net, struct ip_vs_stats *s)
{
	ip_vs_est_update(net->world, s);
	s->conns = s->inpkts = s->outpkts = s->inbytes = s->outbytes = 0;
	s->last_conns = s->last_inpkts = s->last_outpkts = s->last_inbytes = s->last_outbytes = 0;
}

/* ---- services ---- */
struct ip_vs_service *ip_vs_service_find(struct net *net, u16 protocol, __be32 addr,
					 __be16 port)
{
	struct netns_ipvs *ipvs = net_ipvs(net);
	struct ip_vs_service *svc;

	if (!ipvs)
		return NULL;
	list_for_each_entry(svc, &ipvs->services, s_list)
		if (!svc->fwmark && svc->protocol == protocol && svc->addr == addr &&
		    svc->port == port)
			return svc;
	return NULL;
}

struct ip_vs_service *ip_vs_service_find_fwm(struct net *net, u32 fwmark)
{
	struct netns_ipvs *ipvs = net_ipvs(net);
	struct ip_vs_service *svc;

	if (!ipvs || !fwmark)
		return NULL;
	list_for_each_entry(svc, &ipvs->services, s_list)
		if (svc->fwmark == fwmark)
			return svc;
	return NULL;
}

static struct ip_vs_service *svc_lookup(struct net *net, const struct ip_vs_service_user *u)
{
	if (u->fwmark)
		return ip_vs_service_find_fwm(net, u->fwmark);
	return ip_vs_service_find(net, u->protocol, u->addr, u->port);
}

static int svc_bind_scheduler(struct ip_vs_service *svc, const struct ip_vs_scheduler *sched)
{
	int err;

	svc->scheduler = sched;
	svc->sched_data = NULL;
	err = sched->init_service ? sched->init_service(svc) : 0;
	if (err)
		svc->scheduler = NULL;
	return err;
}

static void svc_unbind_scheduler(struct ip_vs_service *svc)
{
	if (svc->scheduler && svc->scheduler->done_service)
		svc->scheduler->done_service(svc);
	free(svc->sched_data);
	svc->sched_data = NULL;
	svc->scheduler = NULL;
}

static void svc_set_user(struct ip_vs_service *svc, const struct ip_vs_service_user *u)
{
	svc->flags = u->flags & (IP_VS_SVC_F_PERSISTENT | IP_VS_SVC_F_ONEPACKET);
	svc->timeout = u->timeout;
	svc->netmask = u->netmask;
}

int ip_vs_add_service(struct net *net, const struct ip_vs_service_user *u)
{
	const struct ip_vs_scheduler *sched = ip_vs_scheduler_get(u->sched_name);
	struct netns_ipvs *ipvs = ipvs_get(net);
	struct ip_vs_service *svc;
	int err;

	if (!ipvs)
		return -ENOMEM;
	if (svc_lookup(net, u))
		return -EEXIST;
	if (!sched)
		return -ENOENT;
	svc = kzalloc(sizeof(*svc));
	if (!svc)
		return -ENOMEM;
	svc->net = net;
	svc->fwmark = u->fwmark;
	svc->protocol = u->protocol;
	svc->addr = u->addr;
	svc->port = u->port;
	svc_set_user(svc, u);
	INIT_LIST_HEAD(&svc->destinations);
	stats_init(net, &svc->stats);
	err = svc_bind_scheduler(svc, sched);
	if (!err && !ipvs->num_services)
		err = ip_vs_register_hooks(net);
	if (err) {
		svc_unbind_scheduler(svc);
		free(svc);
		return err;
	}
	nf_ct_netns_get(net);
	list_add_tail(&svc->s_list, &ipvs->services);
	ipvs->num_services++;
	return 0;
}

int ip_vs_edit_service(struct net *net, const struct ip_vs_service_user *u)
{
	const struct ip_vs_scheduler *sched = ip_vs_scheduler_get(u->sched_name);
	struct ip_vs_service *svc = svc_lookup(net, u);

	if (!svc)
		return -ESRCH;
	if (!sched)
		return -ENOENT;
	if (sched != svc->scheduler) {
		const struct ip_vs_scheduler *old = svc->scheduler;
		int err;

		svc_unbind_scheduler(svc);
		err = svc_bind_scheduler(svc, sched);
		if (err) {
			svc_bind_scheduler(svc, old);
			return err;
		}
	}
	svc_set_user(svc, u);
	return 0;
}

static void dest_free(struct ip_vs_service *svc, struct ip_vs_dest *dest)
{
	ip_vs_conn_unbind_dest_all(svc->net, dest);
	list_del(&dest->n_list);
	svc->num_dests--;
	free(dest);
}

static void svc_free(struct netns_ipvs *ipvs, struct ip_vs_service *svc)
{
	struct ip_vs_dest *dest, *tmp;

	list_for_each_entry_safe(dest, tmp, &svc->destinations, n_list)
		dest_free(svc, dest);
	svc_unbind_scheduler(svc);
	list_del(&svc->s_list);
	free(svc);
	nf_ct_netns_put(ipvs->net);
	if (--ipvs->num_services == 0)
		ip_vs_unregister_hooks(ipvs->net);
}

int ip_vs_del_service(struct net *net, const struct ip_vs_service_user *u)
{
	struct ip_vs_service *svc = svc_lookup(net, u);

	if (!svc)
		return -ESRCH;
	svc_free(net_ipvs(net), svc);
	return 0;
}

int ip_vs_flush(struct net *net)
{
	struct netns_ipvs *ipvs = net_ipvs(net);
	struct ip_vs_service *svc, *tmp;

	if (!ipvs)
		return 0;
	list_for_each_entry_safe(svc, tmp, &ipvs->services, s_list)
		svc_free(ipvs, svc);
	return 0;
}

int ip_vs_zero_service(struct net *net, const struct ip_vs_service_user *u)
{
	struct netns_ipvs *ipvs = ipvs_get(net);
	struct ip_vs_service *svc;
	struct ip_vs_dest *dest;

	if (!ipvs)
		return -ENOMEM;
	if (u && !svc_lookup(net, u))
		return -ESRCH;
	list_for_each_entry(svc, &ipvs->services, s_list) {
		if (u && svc != svc_lookup(net, u))
			continue;
		stats_zero(net, &svc->stats);
		list_for_each_entry(dest, &svc->destinations, n_list)
			stats_zero(net, &dest->stats);
	}
	if (!u)
		stats_zero(net, &ipvs->tot_stats);
	return 0;
}

/* ---- real servers ---- */
static struct ip_vs_dest *dest_lookup(struct ip_vs_service *svc, __be32 addr, __be16 port)
{
	struct ip_vs_dest *dest;

	list_for_each_entry(dest, &svc->destinations, n_list)
		if (dest->addr == addr && dest->port == port)
			return dest;
	return NULL;
}

/* __ip_vs_update_dest: weight, method, thresholds; the kernel keeps the
 * last non-zero weight for mh. */
static void dest_update(struct ip_vs_service *svc, struct ip_vs_dest *dest,
			const struct ip_vs_dest_user *d, bool add)
{
	dest->conn_flags = d->conn_flags & IP_VS_CONN_F_FWD_MASK;
	dest->weight = d->weight;
	if (d->weight > 0)
		dest->last_weight = d->weight;
	dest->u_threshold = d->u_threshold;
	dest->l_threshold = d->l_threshold;
	dest->flags |= IP_VS_DEST_F_AVAILABLE;
	if (!d->u_threshold || (u32)(dest->activeconns + dest->inactconns) < d->u_threshold)
		dest->flags &= ~IP_VS_DEST_F_OVERLOAD;
	if (add) {
		list_add(&dest->n_list, &svc->destinations);
		svc->num_dests++;
	}
	if (svc->scheduler->dest_changed)
		svc->scheduler->dest_changed(svc, dest, false);
}

static int dest_check(struct net *net, const struct ip_vs_dest_user *d)
{
	unsigned int atype;

	if (d->weight < 0)
		return -ERANGE;
	if (d->l_threshold > d->u_threshold)
		return -ERANGE;
	atype = inet_addr_type(net, d->addr);
	if (atype != RTN_LOCAL && atype != RTN_UNICAST)
		return -EINVAL;
	return 0;
}

int ip_vs_add_dest(struct net *net, const struct ip_vs_service_user *s,
		   const struct ip_vs_dest_user *d)
{
	struct ip_vs_service *svc = svc_lookup(net, s);
	struct ip_vs_dest *dest;
	int err;

	if (!svc)
		return -ESRCH;
	err = dest_check(net, d);
	if (err)
		return err;
	if (dest_lookup(svc, d->addr, d->port))
		return -EEXIST;
	dest = kzalloc(sizeof(*dest));
	if (!dest)
		return -ENOMEM;
	dest->svc = svc;
	dest->addr = d->addr;
	dest->port = d->port;
	stats_init(net, &dest->stats);
	dest_update(svc, dest, d, true);
	return 0;
}

int ip_vs_edit_dest(struct net *net, const struct ip_vs_service_user *s,
		    const struct ip_vs_dest_user *d)
{
	struct ip_vs_service *svc = svc_lookup(net, s);
	struct ip_vs_dest *dest;
	int err;

	if (!svc)
		return -ESRCH;
	err = dest_check(net, d);
	if (err)
		return err;
	dest = dest_lookup(svc, d->addr, d->port);
	if (!dest)
		return -ENOENT;
	dest_update(svc, dest, d, false);
	return 0;
}

int ip_vs_del_dest(struct net *net, const struct ip_vs_service_user *s,
		   const struct ip_vs_dest_user *d)
{
	struct ip_vs_service *svc = svc_lookup(net, s);
	struct ip_vs_dest *dest;

	if (!svc)
		return -ESRCH;
	dest = dest_lookup(svc, d->addr, d->port);
	if (!dest)
		return -ENOENT;
	/* the scheduler forgets it while it is still on the list */
	if (svc->scheduler->dest_changed)
		svc->scheduler->dest_changed(svc, dest, true);
	dest_free(svc, dest);
	if (svc->scheduler->dest_changed)
		svc->scheduler->dest_changed(svc, NULL, false);
	return 0;
}

/* ---- timeouts ---- */
int ip_vs_set_timeout(struct net *net, int tcp, int tcpfin, int udp)
{
	struct netns_ipvs *ipvs = ipvs_get(net);

	if (!ipvs)
		return -ENOMEM;
	if (tcp)
		ipvs->tcp_timeouts[IP_VS_TCP_S_ESTABLISHED] = tcp;
	if (tcpfin)
		ipvs->tcp_timeouts[IP_VS_TCP_S_FIN_WAIT] = tcpfin;
	if (udp)
		ipvs->udp_timeout = udp;
	return 0;
}

void ip_vs_get_timeout(struct net *net, int *tcp, int *tcpfin, int *udp)
{
	struct netns_ipvs *ipvs = net_ipvs(net);

	*tcp = ipvs ? ipvs->tcp_timeouts[IP_VS_TCP_S_ESTABLISHED] : 900;
	*tcpfin = ipvs ? ipvs->tcp_timeouts[IP_VS_TCP_S_FIN_WAIT] : 120;
	*udp = ipvs ? ipvs->udp_timeout : 300;
}

/* ---- net.ipv4.vs.* ---- */
struct ip_vs_sysctl {
	const char *name;
	size_t off;
	int dflt;
};

#define VS_SYSCTL(n, f, d) { "net/ipv4/vs/" n, offsetof(struct netns_ipvs, f), d }
static const struct ip_vs_sysctl vs_sysctls[] = {
	VS_SYSCTL("conn_reuse_mode", sysctl_conn_reuse_mode, 1),
	VS_SYSCTL("conntrack", sysctl_conntrack, 0),
	VS_SYSCTL("expire_nodest_conn", sysctl_expire_nodest_conn, 0),
	VS_SYSCTL("sloppy_tcp", sysctl_sloppy_tcp, 0),
	VS_SYSCTL("snat_reroute", sysctl_snat_reroute, 1),
};

static const struct ip_vs_sysctl *vs_sysctl_find(const char *key)
{
	for (size_t i = 0; i < sizeof(vs_sysctls) / sizeof(vs_sysctls[0]); i++)
		if (!strcmp(vs_sysctls[i].name, key))
			return &vs_sysctls[i];
	return NULL;
}

int ip_vs_sysctl_read(struct net *net, const char *key, char *buf, size_t len)
{
	const struct ip_vs_sysctl *e = vs_sysctl_find(key);
	struct netns_ipvs *ipvs = net_ipvs(net);
	int v, n;

	if (!e)
		return -ENOENT;
	v = ipvs ? *(int *)((char *)ipvs + e->off) : e->dflt;
	n = snprintf(buf, len, "%d", v);
	return n < 0 || (size_t)n >= len ? -ENOSPC : 0;
}

int ip_vs_sysctl_write(struct net *net, const char *key, const char *val)
{
	const struct ip_vs_sysctl *e = vs_sysctl_find(key);
	struct netns_ipvs *ipvs;
	char *end;
	long v;

	if (!e)
		return -ENOENT;
	v = strtol(val, &end, 10);
	if (end == val || *end || v < -2147483647L || v > 2147483647L)
		return -EINVAL;
	ipvs = ipvs_get(net);
	if (!ipvs)
		return -ENOMEM;
	*(int *)((char *)ipvs + e->off) = (int)v;
	return 0;
}

const char *ip_vs_sysctl_key(unsigned int i)
{
	return i < sizeof(vs_sysctls) / sizeof(vs_sysctls[0]) ? vs_sysctls[i].name : NULL;
}

/* ---- the namespace goes ---- */
static void ip_vs_net_exit(struct net *net)
{
	struct netns_ipvs *ipvs = net_ipvs(net);

	if (!ipvs)
		return;
	ip_vs_flush(net);
	ip_vs_conn_flush(net);
	/* net_free() frees the state itself */
}

const struct pernet_operations ip_vs_net_ops = {
	.name = "ip_vs",
	.exit = ip_vs_net_exit,
	.id = &ip_vs_net_id,
};
