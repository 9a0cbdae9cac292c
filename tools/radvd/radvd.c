/* `radvd -C FILE [-n] [-m METHOD] [-p PIDFILE] [-d N] [-u USER]`: the router
 * advertisement daemon (radvd 2.19) as a program inside the world, for
 * hosts' SLAAC and default routes.  It reads radvd.conf's syntax for the
 * fields skbox uses:
 *
 *   interface NAME {
 *       AdvSendAdvert on; MinRtrAdvInterval S; MaxRtrAdvInterval S;
 *       AdvDefaultLifetime S; AdvCurHopLimit N; AdvLinkMTU N;
 *       AdvManagedFlag on|off; AdvOtherConfigFlag on|off;
 *       AdvReachableTime MS; AdvRetransTimer MS; AdvSourceLLAddress on|off;
 *       AdvRASolicitedUnicast on|off; IgnoreIfMissing on|off;
 *       prefix P/L { AdvOnLink on|off; AdvAutonomous on|off;
 *                    AdvValidLifetime S|infinity; AdvPreferredLifetime S|infinity; };
 *   };
 *
 * with radvd's defaults.  A raw ICMPv6 socket sends the advertisements to
 * ff02::1 out of each interface (hop limit 255, from its link-local
 * address): one at start, then every random interval between Min and Max
 * (the first three at most 16 s apart, RFC 4861 6.2.4), and answers router
 * solicitations within 0.5 s, unicast (AdvRASolicitedUnicast on), never
 * twice within 3 s.  Runs until interrupted (`&` in scripts; -n is
 * accepted: it never forks).  Logging goes nowhere (as -m none); a
 * config error exits 1 with a line on stderr.  Not modelled: the final
 * advertisement with lifetime 0 on exit, route/RDNSS/DNSSL options, the
 * all-routers join (the router's forwarding=1 puts its devices in ff02::2
 * already), looped-back copies of its own advertisements. */
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "skbox/cmd.h"
#include "skbox/socket.h"
#include "linux/netdevice.h"
#include "linux/slab.h"
#include "net/ipv6.h"
#include "net/net_namespace.h"
#include "net/world.h"

#define RADVD_MAX_IFACES 8
#define RADVD_MAX_PREFIXES 8
#define MAX_INITIAL_RTR_ADVERT_INTERVAL_MS 16000
#define MAX_INITIAL_RTR_ADVERTISEMENTS 3
#define MAX_RA_DELAY_TIME_MS 500
#define MIN_DELAY_BETWEEN_RAS_MS 3000
#define IPV6_UNICAST_HOPS_OPT 16
#define INFINITY_LFT 0xffffffffU

struct radvd_prefix {
	struct in6_addr prefix;
	int plen;
	bool onlink, autonomous;
	u32 valid, preferred;
};

struct radvd_iface {
	char name[IFNAMSIZ + 8];
	bool send_advert, managed, other, sllao, solicited_unicast;
	double min_int, max_int;	/* seconds; min < 0: from max */
	int def_lifetime;		/* -1: 3 × max */
	int hop_limit;
	u32 mtu, reachable, retrans;
	struct radvd_prefix pfx[RADVD_MAX_PREFIXES];
	int npfx;
	/* state */
	int ifindex;
	int initial_sent;
	u64 next_multicast;		/* ns */
	u64 last_ra;			/* ns, 0: none yet */
	u64 solicited_at;		/* ns, 0: none pending */
	struct in6_addr solicited_by;
	int solicited_ifindex;
};

struct radvd {
	struct cmd_ctx *ctx;
	struct world *w;
	struct radvd_iface ifs[RADVD_MAX_IFACES];
	int nifs;
	/* config parsing */
	const char *file;
	char *text, *p;
	int line;
	char tok[128];
};

/* ---- radvd.conf ---- */

/* the next token: a word, or one of { } ; — NULL at the end */
static const char *cf_next(struct radvd *r)
{
	size_t n = 0;

	for (;;) {
		while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r') {
			if (*r->p == '\n')
				r->line++;
			r->p++;
		}
		if (*r->p != '#')
			break;
		while (*r->p && *r->p != '\n')
			r->p++;
	}
	if (!*r->p)
		return NULL;
	if (strchr("{};", *r->p)) {
		r->tok[0] = *r->p++;
		r->tok[1] = 0;
		return r->tok;
	}
	while (*r->p && !strchr(" \t\r\n{};#", *r->p) && n + 1 < sizeof(r->tok))
		r->tok[n++] = *r->p++;
	r->tok[n] = 0;
	return r->tok;
}

static int cf_error(struct radvd *r, const char *what)
{
	fprintf(r->ctx->err, "radvd: %s:%d: %s\n", r->file, r->line, what);
	return -1;
}

static int cf_bool(struct radvd *r, const char *v, bool *out)
{
	if (!strcasecmp(v, "on"))
		*out = true;
	else if (!strcasecmp(v, "off"))
		*out = false;
	else
		return cf_error(r, "syntax error: on or off expected");
	return 0;
}

static int cf_num(struct radvd *r, const char *v, double *out, bool inf_ok)
{
	char *end;

	if (inf_ok && !strcasecmp(v, "infinity")) {
		*out = INFINITY_LFT;
		return 0;
	}
	*out = strtod(v, &end);
	if (end == v || *end || *out < 0 || *out > 4294967295.0)
		return cf_error(r, "syntax error: a number expected");
	return 0;
}

/* "Key value ;" — the value and the ';' */
static const char *cf_value(struct radvd *r)
{
	static char v[128];
	const char *t = cf_next(r);

	if (!t || strchr("{};", t[0]))
		return NULL;
	snprintf(v, sizeof(v), "%s", t);
	t = cf_next(r);
	if (!t || strcmp(t, ";"))
		return NULL;
	return v;
}

static int cf_prefix(struct radvd *r, struct radvd_iface *ifc, const char *spec)
{
	struct radvd_prefix *pf;
	char buf[64], *slash;
	const char *t;

	if (ifc->npfx >= RADVD_MAX_PREFIXES)
		return cf_error(r, "too many prefixes");
	pf = &ifc->pfx[ifc->npfx++];
	*pf = (struct radvd_prefix){ .onlink = true, .autonomous = true, .valid = 86400,
				     .preferred = 14400 };
	snprintf(buf, sizeof(buf), "%s", spec);
	slash = strchr(buf, '/');
	if (!slash)
		return cf_error(r, "syntax error: prefix/length expected");
	*slash = 0;
	pf->plen = atoi(slash + 1);
	if (inet_pton(AF_INET6, buf, &pf->prefix) != 1 || pf->plen < 0 || pf->plen > 128)
		return cf_error(r, "invalid prefix");
	if (!(t = cf_next(r)) || strcmp(t, "{"))
		return cf_error(r, "syntax error: '{' expected");
	while ((t = cf_next(r)) && strcmp(t, "}")) {
		char key[64];
		const char *v;
		double d;
		bool b;

		snprintf(key, sizeof(key), "%s", t);
		if (!(v = cf_value(r)))
			return cf_error(r, "syntax error");
		if (!strcasecmp(key, "AdvOnLink") || !strcasecmp(key, "AdvAutonomous")) {
			if (cf_bool(r, v, &b))
				return -1;
			*(!strcasecmp(key, "AdvOnLink") ? &pf->onlink : &pf->autonomous) = b;
		} else if (!strcasecmp(key, "AdvValidLifetime") ||
			   !strcasecmp(key, "AdvPreferredLifetime")) {
			if (cf_num(r, v, &d, true))
				return -1;
			*(!strcasecmp(key, "AdvValidLifetime") ? &pf->valid : &pf->preferred) = (u32)d;
		} else if (strcasecmp(key, "AdvRouterAddr") && strcasecmp(key, "DeprecatePrefix") &&
			   strcasecmp(key, "DecrementLifetimes")) {
			return cf_error(r, "unknown prefix option");
		}
	}
	if (!t || !(t = cf_next(r)) || strcmp(t, ";"))
		return cf_error(r, "syntax error: '};' expected");
	if (pf->preferred > pf->valid)
		return cf_error(r, "AdvValidLifetime must be greater than AdvPreferredLifetime");
	return 0;
}

static int cf_iface_option(struct radvd *r, struct radvd_iface *ifc, const char *key,
			   const char *v)
{
	static const struct { const char *name; size_t off; } bools[] = {
		{ "AdvSendAdvert", offsetof(struct radvd_iface, send_advert) },
		{ "AdvManagedFlag", offsetof(struct radvd_iface, managed) },
		{ "AdvOtherConfigFlag", offsetof(struct radvd_iface, other) },
		{ "AdvSourceLLAddress", offsetof(struct radvd_iface, sllao) },
		{ "AdvRASolicitedUnicast", offsetof(struct radvd_iface, solicited_unicast) },
	};
	double d;
	bool b;

	for (size_t i = 0; i < sizeof(bools) / sizeof(bools[0]); i++)
		if (!strcasecmp(key, bools[i].name)) {
			if (cf_bool(r, v, &b))
				return -1;
			*(bool *)((char *)ifc + bools[i].off) = b;
			return 0;
		}
	if (!strcasecmp(key, "IgnoreIfMissing") || !strcasecmp(key, "AdvDefaultPreference"))
		return 0;
	if (cf_num(r, v, &d, false))
		return -1;
	if (!strcasecmp(key, "MinRtrAdvInterval"))
		ifc->min_int = d;
	else if (!strcasecmp(key, "MaxRtrAdvInterval"))
		ifc->max_int = d;
	else if (!strcasecmp(key, "AdvDefaultLifetime"))
		ifc->def_lifetime = (int)d;
	else if (!strcasecmp(key, "AdvCurHopLimit"))
		ifc->hop_limit = (int)d;
	else if (!strcasecmp(key, "AdvLinkMTU"))
		ifc->mtu = (u32)d;
	else if (!strcasecmp(key, "AdvReachableTime"))
		ifc->reachable = (u32)d;
	else if (!strcasecmp(key, "AdvRetransTimer"))
		ifc->retrans = (u32)d;
	else
		return cf_error(r, "unknown interface option");
	return 0;
}

/* radvd's checks (check_iface): intervals, lifetime, hop limit */
static int cf_check(struct radvd *r, struct radvd_iface *ifc)
{
	if (ifc->max_int < 4 || ifc->max_int > 1800)
		return cf_error(r, "MaxRtrAdvInterval must be between 4 and 1800");
	if (ifc->min_int < 0)
		ifc->min_int = ifc->max_int >= 9 ? 0.33 * ifc->max_int : 0.75 * ifc->max_int;
	if (ifc->min_int < 3 || ifc->min_int > 0.75 * ifc->max_int)
		return cf_error(r, "MinRtrAdvInterval must be between 3 and 0.75 * MaxRtrAdvInterval");
	if (ifc->def_lifetime < 0)
		ifc->def_lifetime = (int)(3 * ifc->max_int) > 9000 ? 9000 : (int)(3 * ifc->max_int);
	if (ifc->def_lifetime && (ifc->def_lifetime < ifc->max_int || ifc->def_lifetime > 9000))
		return cf_error(r, "AdvDefaultLifetime must be 0 or between MaxRtrAdvInterval and 9000");
	if (ifc->hop_limit > 255)
		return cf_error(r, "AdvCurHopLimit must not be greater than 255");
	return 0;
}

static int cf_iface(struct radvd *r, const char *name)
{
	struct radvd_iface *ifc;
	const char *t;

	if (r->nifs >= RADVD_MAX_IFACES)
		return cf_error(r, "too many interfaces");
	ifc = &r->ifs[r->nifs++];
	*ifc = (struct radvd_iface){ .sllao = true, .solicited_unicast = true, .min_int = -1,
				     .max_int = 600, .def_lifetime = -1, .hop_limit = 64 };
	snprintf(ifc->name, sizeof(ifc->name), "%s", name);
	if (!(t = cf_next(r)) || strcmp(t, "{"))
		return cf_error(r, "syntax error: '{' expected");
	while ((t = cf_next(r)) && strcmp(t, "}")) {
		char key[64];
		const char *v;

		snprintf(key, sizeof(key), "%s", t);
		if (!strcasecmp(key, "prefix")) {
			if (!(t = cf_next(r)))
				return cf_error(r, "syntax error");
			snprintf(key, sizeof(key), "%s", t);
			if (cf_prefix(r, ifc, key))
				return -1;
			continue;
		}
		if (!(v = cf_value(r)) || cf_iface_option(r, ifc, key, v))
			return v ? -1 : cf_error(r, "syntax error");
	}
	if (!t || !(t = cf_next(r)) || strcmp(t, ";"))
		return cf_error(r, "syntax error: '};' expected");
	return cf_check(r, ifc);
}

static int radvd_read_config(struct radvd *r)
{
	FILE *f = fopen(r->file, "r");
	const char *t;
	long len;

	if (!f) {
		fprintf(r->ctx->err, "radvd: can't open %s: %s\n", r->file, strerror(errno));
		return -1;
	}
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	fseek(f, 0, SEEK_SET);
	if (len < 0 || len > 1 << 20 || !(r->text = kmalloc((size_t)len + 1))) {
		fclose(f);
		return cf_error(r, "cannot read the file");
	}
	len = (long)fread(r->text, 1, (size_t)len, f);
	fclose(f);
	r->text[len] = 0;
	r->p = r->text;
	r->line = 1;
	while ((t = cf_next(r))) {
		char name[IFNAMSIZ];

		if (strcasecmp(t, "interface"))
			return cf_error(r, "syntax error: 'interface' expected");
		if (!(t = cf_next(r)) || strchr("{};", t[0]))
			return cf_error(r, "syntax error: an interface name expected");
		snprintf(name, sizeof(name), "%s", t);
		if (cf_iface(r, name))
			return -1;
	}
	if (!r->nifs)
		return cf_error(r, "no interfaces");
	return 0;
}

/* ---- advertisements ---- */

static size_t radvd_build(const struct radvd *r, const struct radvd_iface *ifc, u8 *b)
{
	const struct net_device *dev = __dev_get_by_index(r->ctx->net, ifc->ifindex);
	size_t n = 16;

	memset(b, 0, 16);
	b[0] = 134;
	b[4] = (u8)ifc->hop_limit;
	b[5] = (u8)((ifc->managed ? 0x80 : 0) | (ifc->other ? 0x40 : 0));
	b[6] = (u8)(ifc->def_lifetime >> 8);
	b[7] = (u8)ifc->def_lifetime;
	for (int i = 0; i < 4; i++) {
		b[8 + i] = (u8)(ifc->reachable >> (24 - 8 * i));
		b[12 + i] = (u8)(ifc->retrans >> (24 - 8 * i));
	}
	for (int k = 0; k < ifc->npfx; k++) {
		const struct radvd_prefix *pf = &ifc->pfx[k];
		u8 *o = b + n;

		memset(o, 0, 32);
		o[0] = 3;
		o[1] = 4;
		o[2] = (u8)pf->plen;
		o[3] = (u8)((pf->onlink ? 0x80 : 0) | (pf->autonomous ? 0x40 : 0));
		for (int i = 0; i < 4; i++) {
			o[4 + i] = (u8)(pf->valid >> (24 - 8 * i));
			o[8 + i] = (u8)(pf->preferred >> (24 - 8 * i));
		}
		memcpy(o + 16, &pf->prefix, 16);
		n += 32;
	}
	if (ifc->mtu) {
		u8 *o = b + n;

		memset(o, 0, 8);
		o[0] = 5;
		o[1] = 1;
		for (int i = 0; i < 4; i++)
			o[4 + i] = (u8)(ifc->mtu >> (24 - 8 * i));
		n += 8;
	}
	if (ifc->sllao && dev && dev->addr_len == ETH_ALEN) {
		b[n] = 1;
		b[n + 1] = 1;
		memcpy(b + n + 2, dev->dev_addr, ETH_ALEN);
		n += 8;
	}
	return n;
}

static void radvd_send(struct radvd *r, int fd, struct radvd_iface *ifc,
		       const struct in6_addr *to, int to_ifindex)
{
	static const struct in6_addr all_nodes = { { { 0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
						       0, 0, 0, 1 } } };
	u8 buf[16 + 32 * RADVD_MAX_PREFIXES + 16];
	struct sockaddr_in6 sa = { .sin6_family = AF_INET6 };
	size_t n = radvd_build(r, ifc, buf);

	sa.sin6_addr = to ? *to : all_nodes;
	sa.sin6_scope_id = (u32)(to ? to_ifindex : ifc->ifindex);
	skbox_sendto(r->w, fd, buf, n, 0, (struct sockaddr *)&sa, sizeof(sa));
	ifc->last_ra = world_now(r->w);
}

/* the next unsolicited advertisement: random in [min, max], the first
 * ones at most 16 s apart */
static void radvd_schedule(struct radvd *r, struct radvd_iface *ifc)
{
	u32 span = (u32)((ifc->max_int - ifc->min_int) * 1000);
	u64 ms = (u64)(ifc->min_int * 1000) + (span ? world_random_below(r->w, span + 1) : 0);

	if (ifc->initial_sent < MAX_INITIAL_RTR_ADVERTISEMENTS &&
	    ms > MAX_INITIAL_RTR_ADVERT_INTERVAL_MS)
		ms = MAX_INITIAL_RTR_ADVERT_INTERVAL_MS;
	ifc->next_multicast = world_now(r->w) + ms * NSEC_PER_MSEC;
}

static bool radvd_iface_up(struct radvd *r, struct radvd_iface *ifc)
{
	const struct net_device *dev;

	ifc->ifindex = (int)skbox_if_nametoindex(r->w, ifc->name);
	dev = ifc->ifindex ? __dev_get_by_index(r->ctx->net, ifc->ifindex) : NULL;
	return dev && (dev->flags & IFF_UP);
}

/* a router solicitation read from the socket: answer within 0.5 s */
static void radvd_solicited(struct radvd *r, const u8 *msg, ssize_t len,
			    const struct sockaddr_in6 *from)
{
	u64 now = world_now(r->w), at;

	if (len < 8 || msg[0] != 133 || msg[1])
		return;
	for (int i = 0; i < r->nifs; i++) {
		struct radvd_iface *ifc = &r->ifs[i];

		if (!ifc->send_advert || ifc->ifindex != (int)from->sin6_scope_id ||
		    ifc->solicited_at)
			continue;
		at = now + (u64)world_random_below(r->w, MAX_RA_DELAY_TIME_MS) * NSEC_PER_MSEC;
		if (ifc->last_ra && at < ifc->last_ra + MIN_DELAY_BETWEEN_RAS_MS * NSEC_PER_MSEC)
			at = ifc->last_ra + MIN_DELAY_BETWEEN_RAS_MS * NSEC_PER_MSEC;
		ifc->solicited_at = at;
		ifc->solicited_by = from->sin6_addr;
		ifc->solicited_ifindex = (int)from->sin6_scope_id;
	}
}

/* what is due now; returns the next deadline */
static u64 radvd_tick(struct radvd *r, int fd)
{
	u64 now = world_now(r->w), next = now + 3600 * NSEC_PER_SEC;

	for (int i = 0; i < r->nifs; i++) {
		struct radvd_iface *ifc = &r->ifs[i];

		if (!ifc->send_advert)
			continue;
		if (!radvd_iface_up(r, ifc)) {
			ifc->next_multicast = now;	/* advertise as soon as it is back */
			continue;
		}
		if (ifc->solicited_at && ifc->solicited_at <= now) {
			bool uni = ifc->solicited_unicast && !ipv6_addr_any(&ifc->solicited_by);

			radvd_send(r, fd, ifc, uni ? &ifc->solicited_by : NULL,
				   ifc->solicited_ifindex);
			ifc->solicited_at = 0;
		}
		if (ifc->next_multicast <= now) {
			radvd_send(r, fd, ifc, NULL, 0);
			ifc->initial_sent++;
			radvd_schedule(r, ifc);
		}
		if (ifc->next_multicast < next)
			next = ifc->next_multicast;
		if (ifc->solicited_at && ifc->solicited_at < next)
			next = ifc->solicited_at;
	}
	return next;
}

static void radvd_loop(struct radvd *r, int fd)
{
	while (!skbox_signal_pending(r->w)) {
		u64 next = radvd_tick(r, fd), now = world_now(r->w);
		int ms = next > now ? (int)((next - now + NSEC_PER_MSEC - 1) / NSEC_PER_MSEC) : 0;
		struct pollfd p = { .fd = fd, .events = POLLIN };

		if (skbox_poll(r->w, &p, 1, ms) < 0)
			break;
		while (p.revents & POLLIN) {
			struct sockaddr_in6 from;
			socklen_t fl = sizeof(from);
			u8 buf[1500];
			ssize_t n = skbox_recvfrom(r->w, fd, buf, sizeof(buf), MSG_DONTWAIT,
						   (struct sockaddr *)&from, &fl);

			if (n < 0)
				break;
			radvd_solicited(r, buf, n, &from);
		}
	}
}

static int radvd_usage(struct cmd_ctx *ctx)
{
	fprintf(ctx->err, "usage: radvd [-hsvcn] [-d level] [-C config_file] [-m log_method] "
			  "[-l log_file]\n\t[-f facility] [-p pid_file] [-u username] "
			  "[-t chrootdir]\n");
	return 1;
}

int do_radvd(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct radvd *r = kzalloc(sizeof(*r));
	int fd, hops = 255, status = 1;

	if (!r) {
		fprintf(ctx->err, "radvd: out of memory\n");
		return 1;
	}
	r->ctx = ctx;
	r->w = ctx->world;
	r->file = "/etc/radvd.conf";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-C") && i + 1 < argc)
			r->file = argv[++i];
		else if ((!strcmp(a, "-m") || !strcmp(a, "-p") || !strcmp(a, "-d") ||
			  !strcmp(a, "-u") || !strcmp(a, "-l") || !strcmp(a, "-f") ||
			  !strcmp(a, "-t")) && i + 1 < argc)
			i++;
		else if (strcmp(a, "-n") && strcmp(a, "-s")) {
			status = radvd_usage(ctx);
			goto out;
		}
	}
	if (radvd_read_config(r))
		goto out;
	fd = skbox_socket(r->w, AF_INET6, SOCK_RAW, IPPROTO_ICMPV6);
	if (fd < 0) {
		fprintf(ctx->err, "radvd: can't create socket: %s\n", strerror(-fd));
		goto out;
	}
	skbox_setsockopt(r->w, fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS_OPT, &hops, sizeof(hops));
	/* advertisements go to ff02::1: the multicast hop limit (radvd sets both) */
	skbox_setsockopt(r->w, fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops, sizeof(hops));
	for (int i = 0; i < r->nifs; i++)
		r->ifs[i].next_multicast = world_now(r->w);
	radvd_loop(r, fd);
	skbox_close(r->w, fd);
	status = 0;
out:
	kfree(r->text);
	kfree(r);
	return status;
}
