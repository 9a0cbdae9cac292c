/* `ip neigh` (iproute2 ip/ipneigh.c): dump the ARP table
 * (net->ipv4.arp_tbl, net/core/neighbour.c) with NUD state names, and
 * add/change/replace/del/flush through neigh_add()/neigh_delete_req(). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include "linux/slab.h"
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/neighbour.h"
#include "net/net_namespace.h"
#include "net/rtnetlink.h"

static const struct { u8 state; const char *name; } nud_names[] = {
	{ NUD_INCOMPLETE, "INCOMPLETE" }, { NUD_REACHABLE, "REACHABLE" },
	{ NUD_STALE, "STALE" }, { NUD_DELAY, "DELAY" }, { NUD_PROBE, "PROBE" },
	{ NUD_FAILED, "FAILED" }, { NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" },
};

static int nud_parse(unsigned int *state, const char *arg)
{
	if (!strcmp(arg, "all")) {
		*state = ~0U;
		return 0;
	}
	if (!strcmp(arg, "none")) {
		*state = NUD_NONE;
		return 0;
	}
	/* nud_state_a2n(): a prefix will do ("perm") */
	for (size_t i = 0; i < ARRAY_SIZE(nud_names); i++)
		if (*arg && !strncasecmp(arg, nud_names[i].name, strlen(arg))) {
			*state = nud_names[i].state;
			return 0;
		}
	return -1;
}

struct neigh_filter {
	struct net_device *dev;
	unsigned int state;		/* mask; 0x100: NONE too */
	struct inet_prefix pfx;
	bool has_pfx;
	bool flush;
	bool nud_given;
	bool proxy;			/* the proxy entries instead (NTF_PROXY) */
	int master;			/* 0 any, -1 none (nomaster), else its ifindex */
};

static bool neigh_match(const struct neigh_filter *f, const struct neighbour *n)
{
	__be32 mask;

	if (f->dev && n->dev != f->dev)
		return false;
	if (f->master && (f->master < 0 ? !!n->dev->master :
			  !n->dev->master || n->dev->master->ifindex != f->master))
		return false;
	if (n->nud_state ? !(f->state & n->nud_state) : !(f->state & 0x100))
		return false;
	if (n->tbl->key_len == 16)	/* nd_tbl: no prefix filter yet */
		return !f->has_pfx;
	if (f->has_pfx && f->pfx.bitlen > 0) {
		mask = htonl(~0U << (32 - f->pfx.bitlen));
		if ((n->primary_key & mask) != (f->pfx.addr & mask))
			return false;
	}
	return true;
}

static void neigh_print(struct ip_ctx *ipc, const struct neigh_filter *f,
			const struct neighbour *n)
{
	char a[INET6_ADDRSTRLEN], mac[64];
	bool ll = n->nud_state & NUD_VALID;

	if (n->tbl->key_len == 16)
		inet_ntop(AF_INET6, n->primary_key6, a, sizeof(a));
	else
		format_ipv4(a, n->primary_key);

	format_lladdr(mac, n->ha, n->dev->addr_len ? n->dev->addr_len : ETH_ALEN);
	if (ipc->json) {
		jw_obj_open(&ipc->jw, NULL);
		jw_string(&ipc->jw, "dst", a);
		if (!f->dev)
			jw_string(&ipc->jw, "dev", n->dev->name);
		if (ll)
			jw_string(&ipc->jw, "lladdr", mac);
		if (n->flags & NTF_ROUTER)
			jw_null(&ipc->jw, "router");
		jw_arr_open(&ipc->jw, "state");
	} else {
		ip_color_printf(ipc, n->tbl->key_len == 16 ? COLOR_INET6 : COLOR_INET, "%s ", a);
		if (!f->dev) {
			fputs("dev ", ipc->out);
			ip_color_printf(ipc, COLOR_IFNAME, "%s ", n->dev->name);
		}
		if (ll) {
			fputs("lladdr ", ipc->out);
			ip_color_printf(ipc, COLOR_MAC, "%s ", mac);
		}
		if (n->flags & NTF_ROUTER)
			fputs("router ", ipc->out);
	}
	for (size_t i = 0; i < ARRAY_SIZE(nud_names); i++)
		if (n->nud_state & nud_names[i].state)
			ipc->json ? jw_string(&ipc->jw, NULL, nud_names[i].name) :
				    (void)fprintf(ipc->out, "%s ", nud_names[i].name);
	if (!n->nud_state)
		ipc->json ? jw_string(&ipc->jw, NULL, "NONE") : (void)fputs("NONE ", ipc->out);
	if (ipc->json) {
		jw_arr_close(&ipc->jw);
		jw_obj_close(&ipc->jw);
	} else {
		fputc('\n', ipc->out);
	}
}

static const char ipneigh_usage_text[];

struct neigh_args {
	const char *lla, *dev;
	bool dst_ok, dev_ok;
};


/* do_show_or_flush()'s words, in its order: a keyword without its value
 * is "Command line is not complete"; the device is looked up at the end */
static int neigh_filter_word(struct ip_ctx *ipc, struct neigh_filter *f, const char **dev,
			     int *argc, char ***argv)
{
	const char *k = (*argv)[0];
	unsigned int st;

	if (!strcmp(k, "dev")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (*dev)
			return ip_duparg(ipc, "dev", (*argv)[0]);
		*dev = (*argv)[0];
	} else if (!strcmp(k, "master") || !strcmp(k, "vrf")) {
		struct net_device *m;

		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);	/* skbox has no VRF devices */
		m = __dev_get_by_name(ipc->net, (*argv)[0]);
		if (!m || !strcmp(k, "vrf"))
			return ip_invarg(ipc, !strcmp(k, "vrf") ? "Not a valid VRF name\n" :
					 "Device does not exist\n", (*argv)[0]);
		f->master = m->ifindex;
	} else if (!strcmp(k, "nomaster")) {
		f->master = -1;
	} else if (!strcmp(k, "proxy")) {
		f->proxy = true;
	} else if (!strcmp(k, "unused")) {
		return 0;
	} else if (!strcmp(k, "nud")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (nud_parse(&st, (*argv)[0]))
			return ip_invarg(ipc, "nud state is bad", (*argv)[0]);
		if (!f->nud_given)
			f->state = 0;
		f->nud_given = true;
		f->state |= st == ~0U ? ~0U : (st ? st : 0x100);
	} else if (!matches(k, "protocol")) {
		unsigned int proto;

		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (rt_proto_parse(&proto, (*argv)[0]) && strcmp((*argv)[0], "all"))
			return ip_invarg(ipc, "invalid \"protocol\"\n", (*argv)[0]);
	} else {
		if (!strcmp(k, "to")) {
			if (!ip_next_arg(argc, argv))
				return ip_incomplete(ipc);
		}
		if (!matches((*argv)[0], "help")) {
			fputs(ipneigh_usage_text, ipc->err);
			return 255;
		}
		if (parse_prefix(&f->pfx, (*argv)[0]))
			return ip_bad_prefix(ipc, (*argv)[0]);
		if (f->pfx.bitlen < 0)
			f->pfx.bitlen = 32;
		f->has_pfx = true;
	}
	return 0;
}

static int neigh_filter_parse(struct ip_ctx *ipc, int argc, char **argv,
			      struct neigh_filter *f)
{
	const char *dev = NULL;
	int rc;

	for (; argc > 0; argc--, argv++)
		if ((rc = neigh_filter_word(ipc, f, &dev, &argc, &argv)))
			return rc;
	if (dev && !(f->dev = ip_dev_get(ipc, dev)))
		return 1;
	return 0;
}

static int neigh_walk(struct ip_ctx *ipc, struct neigh_filter *f, struct neigh_table *tbl)
{
	struct ndm_req *del = NULL;
	size_t ndel = 0, cap = 0;

	for (unsigned int b = 0; tbl->hash && b < tbl->hash_buckets; b++) {
		for (struct neighbour *n = tbl->hash[b]; n; n = n->next) {
			if (n->dead || !neigh_match(f, n))
				continue;
			if (!f->flush || tbl->key_len == 16) {	/* no ip -6 neigh flush yet */
				neigh_print(ipc, f, n);
				continue;
			}
			if (ndel == cap) {
				struct ndm_req *nd = krealloc(del, (cap = cap ? cap * 2 : 16) * sizeof(*nd));

				if (!nd)
					break;
				del = nd;
			}
			memset(&del[ndel], 0, sizeof(del[ndel]));
			del[ndel].ifindex = n->dev->ifindex;
			del[ndel++].dst = n->primary_key;
		}
	}
	for (size_t i = 0; i < ndel; i++) {
		struct netlink_ext_ack ext = { NULL };

		neigh_delete_req(ipc->net, &del[i], &ext);
	}
	free(del);
	return 0;
}

/* `ip neigh show proxy`: the proxy entries (pneigh_dump_table()), as
 * print_neigh() shows them: "ADDR [dev DEV] proxy" */
static void pneigh_show(struct ip_ctx *ipc, const struct neigh_filter *f,
			const struct neigh_table *tbl)
{
	char a[20];

	for (const struct pneigh_entry *p = tbl->phash; p; p = p->next) {
		__be32 mask = f->pfx.bitlen > 0 ? htonl(~0U << (32 - f->pfx.bitlen)) : 0;

		if (f->dev && p->dev != f->dev)
			continue;
		if (f->has_pfx && ((p->key ^ f->pfx.addr) & mask))
			continue;
		format_ipv4(a, p->key);
		if (ipc->json) {
			jw_obj_open(&ipc->jw, NULL);
			jw_string(&ipc->jw, "dst", a);
			if (p->dev)
				jw_string(&ipc->jw, "dev", p->dev->name);
			jw_null(&ipc->jw, "proxy");
			jw_obj_close(&ipc->jw);
			continue;
		}
		fprintf(ipc->out, "%s ", a);
		if (p->dev)
			fprintf(ipc->out, "dev %s ", p->dev->name);
		fputs("proxy \n", ipc->out);
	}
}

static int neigh_show(struct ip_ctx *ipc, int argc, char **argv, bool flush)
{
	struct neigh_filter f;
	int rc;

	memset(&f, 0, sizeof(f));
	f.flush = flush;
	f.state = flush ? ~(unsigned int)(NUD_PERMANENT | NUD_NOARP) : 0xFFU & ~NUD_NOARP;
	if (flush && argc < 1) {
		fprintf(ipc->err, "Flush requires arguments.\n");
		return 1;
	}
	if ((rc = neigh_filter_parse(ipc, argc, argv, &f)))
		return rc;
	if (ipc->json && !flush)
		jw_arr_open(&ipc->jw, NULL);
	if (f.proxy && !flush) {
		if (ipc->family != AF_INET6)
			pneigh_show(ipc, &f, &ipc->net->ipv4.arp_tbl);
	} else {
		if (ipc->family != AF_INET6)
			neigh_walk(ipc, &f, &ipc->net->ipv4.arp_tbl);
		if (ipc->family != AF_INET && !flush)
			neigh_walk(ipc, &f, &ipc->net->ipv6.nd_tbl);
	}
	if (ipc->json && !flush) {
		jw_arr_close(&ipc->jw);
		fputc('\n', ipc->out);
	}
	return 0;
}

/* one word of ipneigh_modify()'s loop, in its order; -1: the address */
static int neigh_word(struct ip_ctx *ipc, struct ndm_req *r, struct neigh_args *a,
		      int *argc, char ***argv)
{
	const char *k = (*argv)[0];
	unsigned int st;

	if (!matches(k, "lladdr")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (a->lla)
			return ip_duparg(ipc, "lladdr", (*argv)[0]);
		a->lla = (*argv)[0];
	} else if (!strcmp(k, "nud")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (nud_parse(&st, (*argv)[0]) || st == ~0U)
			return ip_invarg(ipc, "nud state is bad", (*argv)[0]);
		r->state = (u16)st;
	} else if (!matches(k, "proxy")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (!matches((*argv)[0], "help")) {
			fputs(ipneigh_usage_text, ipc->err);
			return 255;
		}
		if (a->dst_ok)
			return ip_duparg(ipc, "address", (*argv)[0]);
		if (parse_ipv4(&r->dst, (*argv)[0]))
			return ip_bad_addr(ipc, (*argv)[0]);
		a->dst_ok = a->dev_ok = true;
		r->flags |= NTF_PROXY;
	} else if (!strcmp(k, "router")) {
		r->flags |= NTF_ROUTER;
	} else if (!strcmp(k, "use") || !strcmp(k, "managed") || !matches(k, "extern_learn")) {
		return 0;	/* NTF_USE, NTF_EXT_MANAGED, NTF_EXT_LEARNED: not kept */
	} else if (!strcmp(k, "dev")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		a->dev = (*argv)[0];
		a->dev_ok = true;
	} else if (!matches(k, "protocol")) {
		if (!ip_next_arg(argc, argv))
			return ip_incomplete(ipc);
		if (rt_proto_parse(&st, (*argv)[0]))
			return ip_invarg(ipc, "\"protocol\" value is invalid\n", (*argv)[0]);
	} else {
		return -1;
	}
	return 0;
}

/* ipneigh_modify(): the words, then "dev" and the address are required,
 * then the link address is read, then the device is looked up */
static int neigh_modify(struct ip_ctx *ipc, int argc, char **argv, u32 nlflags, bool del)
{
	struct netlink_ext_ack ext = { NULL };
	struct neigh_args a = { NULL };
	struct net_device *dev;
	struct ndm_req r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.state = NUD_PERMANENT;
	r.nlflags = nlflags;
	for (; argc > 0; argc--, argv++) {
		rc = neigh_word(ipc, &r, &a, &argc, &argv);
		if (rc > 0)
			return rc;
		if (rc == 0)
			continue;
		if (!strcmp(argv[0], "to")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
		}
		if (!matches(argv[0], "help")) {
			if (!ip_next_arg(&argc, &argv))
				return ip_incomplete(ipc);
		}
		if (a.dst_ok)
			return ip_duparg2(ipc, "to", argv[0]);
		if (parse_ipv4(&r.dst, argv[0]))
			return ip_bad_addr(ipc, argv[0]);
		a.dst_ok = true;
	}
	if (!a.dev_ok || !a.dst_ok) {
		fprintf(ipc->err, "Device and destination are required arguments.\n");
		return 255;
	}
	if (a.lla && strcmp(a.lla, "null")) {
		if (parse_lladdr(r.lladdr, a.lla)) {
			fprintf(ipc->err, "\"%s\" is invalid lladdr.\n", a.lla);
			return 1;
		}
		r.has_lladdr = true;
	}
	if (a.dev) {
		if (!(dev = ip_dev_get(ipc, a.dev)))
			return 1;
		r.ifindex = dev->ifindex;
	}
	rc = del ? neigh_delete_req(ipc->net, &r, &ext) : neigh_add(ipc->net, &r, &ext);
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

static const char ipneigh_usage_text[] =
	"Usage: ip neigh { add | del | change | replace }\n"
	"                { ADDR [ lladdr LLADDR ] [ nud STATE ] proxy ADDR }\n"
	"                [ dev DEV ] [ router ] [ use ] [ managed ] [ extern_learn ]\n"
	"                [ protocol PROTO ]\n"
	"\n"
	"\tip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ] [ nud STATE ]\n"
	"\t\t\t\t  [ vrf NAME ] [ nomaster ]\n"
	"\tip neigh get { ADDR | proxy ADDR } dev DEV\n"
	"\n"
	"STATE := { delay | failed | incomplete | noarp | none |\n"
	"           permanent | probe | reachable | stale }\n";

/* ipneigh_get(): one entry by address and device (neigh_get) */
static int neigh_get(struct ip_ctx *ipc, int argc, char **argv)
{
	struct neigh_filter f = { .state = ~0U };
	const char *devname = NULL;
	struct net_device *dev;
	struct neighbour *n;
	__be32 dst = 0;
	bool dst_ok = false;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(argv[0], "dev") && argc > 1) {
			devname = argv[1];
			argc--;
			argv++;
			continue;
		}
		if (dst_ok)
			return ip_duparg2(ipc, "to", argv[0]);
		if (parse_ipv4(&dst, argv[0]))
			return ip_bad_addr(ipc, argv[0]);
		dst_ok = true;
	}
	if (!devname || !dst_ok) {
		fputs("Device and address are required arguments.\n", ipc->err);
		return 1;
	}
	if (!(dev = ip_dev_get(ipc, devname)))
		return 1;
	n = neigh_lookup(&ipc->net->ipv4.arp_tbl, &dst, dev);
	if (!n) {
		fputs("Error: Neighbour entry not found.\n", ipc->err);
		return 2;
	}
	neigh_print(ipc, &f, n);
	neigh_release(n);
	return 0;
}

int do_ipneigh(struct ip_ctx *ipc, int argc, char **argv)
{
	if (argc < 1)
		return neigh_show(ipc, 0, NULL, false);
	if (!matches(argv[0], "help")) {
		fputs(ipneigh_usage_text, ipc->err);
		return 255;
	}
	if (!strcmp(argv[0], "get"))
		return neigh_get(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "add"))
		return neigh_modify(ipc, argc - 1, argv + 1, NLM_F_CREATE | NLM_F_EXCL, false);
	if (!matches(argv[0], "change") || !strcmp(argv[0], "chg"))
		return neigh_modify(ipc, argc - 1, argv + 1, NLM_F_REPLACE, false);
	if (!matches(argv[0], "replace"))
		return neigh_modify(ipc, argc - 1, argv + 1, NLM_F_CREATE | NLM_F_REPLACE, false);
	if (!matches(argv[0], "delete"))
		return neigh_modify(ipc, argc - 1, argv + 1, 0, true);
	if (!matches(argv[0], "list") || !matches(argv[0], "show") ||
	    !matches(argv[0], "lst"))
		return neigh_show(ipc, argc - 1, argv + 1, false);
	if (!matches(argv[0], "flush"))
		return neigh_show(ipc, argc - 1, argv + 1, true);
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip neigh help\".\n", argv[0]);
	return 255;
}

void ip_neigh_print_one(struct ip_ctx *ipc, const struct neighbour *n)
{
	struct neigh_filter f;

	memset(&f, 0, sizeof(f));
	neigh_print(ipc, &f, n);
}
