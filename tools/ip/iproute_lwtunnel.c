/* `encap TYPE …` of `ip route` (iproute2 ip/iproute_lwtunnel.c): the words
 * of an ip or ip6 encapsulation into RTA_ENCAP (struct lwtunnel_encap_cfg),
 * and lwt_print_encap() for the state the kernel keeps on a nexthop
 * (net/core/lwtunnel.c).  Other types are known by name and answered as
 * the kernel answers a type it has no module for. */
#include <arpa/inet.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "ip_common.h"
#include "net/lwtunnel.h"

static const char *const encap_names[] = {
	[LWTUNNEL_ENCAP_MPLS] = "mpls", [LWTUNNEL_ENCAP_IP] = "ip",
	[LWTUNNEL_ENCAP_ILA] = "ila", [LWTUNNEL_ENCAP_IP6] = "ip6",
	[LWTUNNEL_ENCAP_SEG6] = "seg6", [LWTUNNEL_ENCAP_BPF] = "bpf",
	[LWTUNNEL_ENCAP_SEG6_LOCAL] = "seg6local", [LWTUNNEL_ENCAP_RPL] = "rpl",
	[LWTUNNEL_ENCAP_IOAM6] = "ioam6", [LWTUNNEL_ENCAP_XFRM] = "xfrm",
};

static int read_encap_type(const char *name)
{
	for (int t = 1; t <= LWTUNNEL_ENCAP_MAX; t++)
		if (!strcmp(name, encap_names[t]))
			return t;
	return LWTUNNEL_ENCAP_NONE;
}

/* rtnl_dsfield_a2n() without the names file: a hex number up to 0xff */
static int dsfield_parse(u8 *v, const char *arg)
{
	char *end;
	unsigned long n = strtoul(arg, &end, 16);

	if (end == arg || *end || n > 255)
		return -1;
	*v = (u8)n;
	return 0;
}

/* LWTUNNEL_IP_FLAGS words, each at most once */
static int encap_flag_word(struct ip_ctx *ipc, const char *w, u16 *flags)
{
	static const struct { const char *name; u16 flag; } f[] = {
		{ "key", TUNNEL_KEY }, { "csum", TUNNEL_CSUM }, { "seq", TUNNEL_SEQ },
	};

	for (size_t i = 0; i < ARRAY_SIZE(f); i++) {
		if (strcmp(w, f[i].name))
			continue;
		if (*flags & f[i].flag)
			return ip_duparg2(ipc, f[i].name, w);
		*flags |= f[i].flag;
		return 0;
	}
	return -1;
}

/* the address of `dst`/`src`, of the encap's family */
static int encap_addr(struct ip_ctx *ipc, int family, const char *arg, struct ip_tunnel_key *k,
		      bool dst)
{
	void *to = family == AF_INET6 ? (void *)(dst ? &k->dst6 : &k->src6) :
					(void *)(dst ? &k->dst4 : &k->src4);

	if (inet_pton(family, arg, to) != 1)
		return ip_bad_addr_af(ipc, family, arg);
	return 0;
}

/* one word of parse_encap_ip() / parse_encap_ip6(): 0 done, -1 not one of
 * them (the encap ends), else the exit status */
static int encap_ip_word(struct ip_ctx *ipc, int family, int *argc, char ***argv,
			 struct ip_tunnel_key *k, unsigned int *seen)
{
	const bool v6 = family == AF_INET6;
	const char *w = (*argv)[0];
	static const char *const words[2][5] = {
		{ "id", "dst", "src", "tos", "ttl" },
		{ "id", "dst", "src", "tc", "hoplimit" },
	};
	int i;

	for (i = 0; i < 5 && strcmp(w, words[v6][i]); i++)
		;
	if (i == 5)
		return encap_flag_word(ipc, w, &k->tun_flags);
	if (!ip_next_arg(argc, argv))
		return ip_incomplete(ipc);
	w = (*argv)[0];
	if (*seen & (1u << i))
		return ip_duparg2(ipc, words[v6][i], w);
	*seen |= 1u << i;
	switch (i) {
	case 0: {
		char *end;

		errno = 0;
		k->tun_id = strtoull(w, &end, 0);
		if (end == w || *end || errno)
			return ip_invarg(ipc, "\"id\" value is invalid\n", w);
		return 0;
	}
	case 1:
	case 2:
		return encap_addr(ipc, family, w, k, i == 1);
	case 3:
		if (dsfield_parse(&k->tos, w))
			return ip_invarg(ipc, v6 ? "\"tc\" value is invalid\n" :
					 "\"tos\" value is invalid\n", w);
		return 0;
	default:
		if (get_u8(&k->ttl, w, 0))
			return ip_invarg(ipc, v6 ? "\"hoplimit\" value is invalid\n" :
					 "\"ttl\" value is invalid\n", w);
		return 0;
	}
}

int lwt_parse_encap(struct ip_ctx *ipc, int *argc, char ***argv, struct lwtunnel_encap_cfg *e)
{
	unsigned int seen = 0;
	int type, rc;

	if (!ip_next_arg(argc, argv))
		return ip_incomplete(ipc);
	type = read_encap_type((*argv)[0]);
	if (!type)
		return ip_invarg(ipc, "\"encap type\" value is invalid\n", (*argv)[0]);
	if (!ip_next_arg(argc, argv))
		return ip_incomplete(ipc);
	if (*argc <= 1) {
		fprintf(ipc->err, "Error: unexpected end of line after \"encap\"\n");
		return 255;
	}
	memset(e, 0, sizeof(*e));
	e->type = (u16)type;
	if (type != LWTUNNEL_ENCAP_IP && type != LWTUNNEL_ENCAP_IP6) {
		/* the kernel refuses the type whatever its words: answer now */
		fprintf(ipc->err, "Error: lwt encapsulation type not supported.\n");
		return 2;
	}
	while (*argc > 0) {
		rc = encap_ip_word(ipc, type == LWTUNNEL_ENCAP_IP6 ? AF_INET6 : AF_INET, argc, argv,
				   &e->key, &seen);
		if (rc == -1)
			break;
		if (rc)
			return rc;
		(*argc)--;
		(*argv)++;
	}
	/* at the first word that is not the encap's: the caller steps past
	 * the current word, so step back */
	(*argc)++;
	(*argv)--;
	return 0;
}

static void encap_print_addr(struct ip_ctx *ipc, const char *key, int family, const void *a)
{
	char b[INET6_ADDRSTRLEN];

	inet_ntop(family, a, b, sizeof(b));
	if (ipc->json) {
		jw_string(&ipc->jw, key, b);
		return;
	}
	fprintf(ipc->out, "%s ", key);
	ip_color_printf(ipc, family == AF_INET6 ? COLOR_INET6 : COLOR_INET, "%s ", b);
}

static void encap_print_uint(struct ip_ctx *ipc, const char *key, unsigned long long v)
{
	if (ipc->json)
		jw_uint(&ipc->jw, key, v);
	else
		fprintf(ipc->out, "%s %llu ", key, v);
}

/* lwt_print_encap(): " encap ip id N src A dst A ttl N tos N [key] [csum] [seq] ",
 * every field the kernel fills (ip_tun_fill_encap_info) */
void lwt_print_encap(struct ip_ctx *ipc, const struct lwtunnel_state *ts)
{
	const struct ip_tunnel_key *k = &ts->key;
	const bool v6 = ts->type == LWTUNNEL_ENCAP_IP6;
	const int af = v6 ? AF_INET6 : AF_INET;

	if (ipc->json)
		jw_string(&ipc->jw, "encap", encap_names[ts->type]);
	else
		fprintf(ipc->out, " encap %s ", encap_names[ts->type]);
	encap_print_uint(ipc, "id", k->tun_id);
	encap_print_addr(ipc, "src", af, v6 ? (const void *)&k->src6 : (const void *)&k->src4);
	encap_print_addr(ipc, "dst", af, v6 ? (const void *)&k->dst6 : (const void *)&k->dst4);
	encap_print_uint(ipc, v6 ? "hoplimit" : "ttl", k->ttl);
	encap_print_uint(ipc, v6 ? "tc" : "tos", k->tos);
	if (k->tun_flags & TUNNEL_KEY)
		ipc->json ? jw_bool(&ipc->jw, "key", true) : (void)fputs("key ", ipc->out);
	if (k->tun_flags & TUNNEL_CSUM)
		ipc->json ? jw_bool(&ipc->jw, "csum", true) : (void)fputs("csum ", ipc->out);
	if (k->tun_flags & TUNNEL_SEQ)
		ipc->json ? jw_bool(&ipc->jw, "seq", true) : (void)fputs("seq ", ipc->out);
}
