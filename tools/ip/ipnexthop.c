/* `ip nexthop` (iproute2 ip/ipnexthop.c): nexthop objects of the namespace
 * (net/ipv4/nexthop.c) — add/replace/del/flush, list/show [id N].  Nexthops
 * (`via ADDR`, `dev DEV`, `onlink`; an IPv6 gateway serves IPv4 routes, RFC
 * 5549) and groups (`group ID[,W]/…`); blackhole, fdb, resilient groups and
 * `ip -6 nexthop` answer "Operation not supported"; no JSON. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/ip_fib.h"
#include "net/net_namespace.h"
#include "net/nexthop.h"
#include "net/rtnetlink.h"

static void nh_print(struct ip_ctx *ipc, const struct nexthop *nh)
{
	const struct fib_nh *n;
	FILE *o = ipc->out;
	char b[32];

	fprintf(o, "id %u ", nh->id);
	if (!nh->nh_info) {
		fputs("group ", o);
		for (int i = 0; i < nh->num_nh; i++) {
			fprintf(o, "%s%u", i ? "/" : "", nh->grp_id[i]);
			if (nh->grp_weight[i] != 1)
				fprintf(o, ",%d", nh->grp_weight[i]);
		}
		fputs(" \n", o);
		return;
	}
	n = &nh->nh_info->fib_nh[0];
	if (n->fib_nh_gw_family == AF_INET6) {
		char b6[INET6_ADDRSTRLEN];

		fprintf(o, "via %s ", inet_ntop(AF_INET6, &n->fib_nh_gw6, b6, sizeof(b6)));
	} else if (n->fib_nh_gw4) {
		fprintf(o, "via %s ", format_ipv4(b, n->fib_nh_gw4));
	}
	if (n->fib_nh_dev)
		fprintf(o, "dev %s ", n->fib_nh_dev->name);
	fprintf(o, "scope %s ", rt_scope_name(b, n->fib_nh_scope));
	if (n->fib_nh_flags & RTNH_F_ONLINK)
		fputs("onlink ", o);
	if (n->fib_nh_flags & RTNH_F_DEAD)
		fputs("dead ", o);
	if (n->fib_nh_flags & RTNH_F_LINKDOWN)
		fputs("linkdown ", o);
	fputc('\n', o);
}

static int nh_get_id(struct ip_ctx *ipc, u32 *id, const char *v)
{
	if (get_u32(id, v, 0) || !*id)
		return ip_invarg(ipc, "\"id\" value is invalid\n", v);
	return 0;
}

static int nh_list(struct ip_ctx *ipc, int argc, char **argv)
{
	struct nexthop *nh;
	u32 id = 0;

	for (; argc > 0; argc--, argv++) {
		if (!strcmp(argv[0], "id") && argc > 1) {
			if (nh_get_id(ipc, &id, argv[1]))
				return 255;
			argc--;
			argv++;
			continue;
		}
		fprintf(ipc->err, "Error: either \"id\" is duplicate, or \"%s\" is a garbage.\n",
			argv[0]);
		return 255;
	}
	if (id) {
		nh = nexthop_find_by_id(ipc->net, id);
		if (!nh) {
			fputs("RTNETLINK answers: No such file or directory\n", ipc->err);
			return 2;
		}
		nh_print(ipc, nh);
		return 0;
	}
	list_for_each_entry(nh, &ipc->net->ipv4.nexthops, nh_list)
		nh_print(ipc, nh);
	return 0;
}

/* add_nh_group_attr(): "ID[,WEIGHT]/…" */
static int nh_parse_group(struct ip_ctx *ipc, struct nh_config *c, const char *v)
{
	char buf[512], *save = NULL, *tok;

	if (strlen(v) >= sizeof(buf))
		return ip_invarg(ipc, "Invalid nexthop group\n", v);
	strcpy(buf, v);
	c->num_grp = 0;
	for (tok = strtok_r(buf, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		char *w = strchr(tok, ',');
		u32 id, wt = 1;

		if (w)
			*w++ = 0;
		if (c->num_grp == NH_GRP_MAX || get_u32(&id, tok, 0) || !id ||
		    (w && (get_u32(&wt, w, 0) || wt < 1 || wt > 256)))
			return ip_invarg(ipc, "Invalid nexthop group\n", v);
		c->grp_id[c->num_grp] = id;
		c->grp_weight[c->num_grp++] = (int)wt;
	}
	if (!c->num_grp)
		return ip_invarg(ipc, "Invalid nexthop group\n", v);
	return 0;
}

static int nh_parse_word(struct ip_ctx *ipc, struct nh_config *c, int *argc, char ***argv)
{
	const char *k = (*argv)[0], *v = *argc > 1 ? (*argv)[1] : NULL;
	struct net_device *dev;

	if (!strcmp(k, "onlink")) {
		c->nh_flags |= RTNH_F_ONLINK;
		return 0;
	}
	if (!strcmp(k, "blackhole") || !strcmp(k, "fdb")) {
		fputs("RTNETLINK answers: Operation not supported\n", ipc->err);
		return 2;
	}
	if (!v)
		return ip_incomplete(ipc);
	(*argc)--;
	(*argv)++;
	if (!strcmp(k, "id"))
		return nh_get_id(ipc, &c->nh_id, v) ? 255 : 0;
	if (!strcmp(k, "group"))
		return nh_parse_group(ipc, c, v);
	if (!strcmp(k, "type")) {
		if (strcmp(v, "mpath")) {
			fputs("RTNETLINK answers: Operation not supported\n", ipc->err);
			return 2;
		}
		return 0;
	}
	if (!strcmp(k, "via")) {
		if (strchr(v, ':')) {	/* an IPv6 gateway: IPv4 routes may use it */
			if (inet_pton(AF_INET6, v, &c->nh_gw6) != 1)
				return ip_bad_addr(ipc, v);
			c->nh_gw_family = AF_INET6;
			return 0;
		}
		if (parse_ipv4(&c->nh_gw4, v))
			return ip_bad_addr(ipc, v);
		return 0;
	}
	if (!strcmp(k, "dev")) {
		dev = ip_dev_get(ipc, v);
		if (!dev)
			return 1;
		c->nh_ifindex = dev->ifindex;
		return 0;
	}
	if (!strcmp(k, "protocol"))
		return 0;
	fprintf(ipc->err, "Error: either \"id\" is duplicate, or \"%s\" is a garbage.\n", k);
	return 255;
}

static int nh_modify(struct ip_ctx *ipc, int argc, char **argv, u32 nlflags)
{
	struct netlink_ext_ack ext = { NULL };
	struct nh_config c = { .nlflags = nlflags };
	int rc;

	for (; argc > 0; argc--, argv++)
		if ((rc = nh_parse_word(ipc, &c, &argc, &argv)))
			return rc;
	if (!c.nh_ifindex && !c.num_grp) {
		fputs("Error: Device attribute required for non-blackhole and non-fdb nexthops.\n",
		      ipc->err);
		return 2;
	}
	rc = rtm_new_nexthop(ipc->net, &c, &ext);
	return rc ? ip_rtnl_err(ipc, rc, &ext) : 0;
}

static int nh_del(struct ip_ctx *ipc, int argc, char **argv)
{
	u32 id = 0;
	int rc;

	if (argc < 2 || strcmp(argv[0], "id")) {
		fputs("Error: id is required.\n", ipc->err);
		return 255;
	}
	if (nh_get_id(ipc, &id, argv[1]))
		return 255;
	rc = rtm_del_nexthop(ipc->net, id, NULL);
	return rc ? ip_rtnl_err(ipc, rc, NULL) : 0;
}

static int nh_flush(struct ip_ctx *ipc)
{
	struct list_head *head = &ipc->net->ipv4.nexthops;
	int n = 0;

	while (!list_empty(head)) {
		rtm_del_nexthop(ipc->net, list_first_entry(head, struct nexthop, nh_list)->id, NULL);
		n++;
	}
	if (n)
		fprintf(ipc->out, "Flushed %d nexthops\n", n);
	else
		fputs("Nothing to flush\n", ipc->out);
	return 0;
}

int do_ipnexthop(struct ip_ctx *ipc, int argc, char **argv)
{
	if (argc < 1 || !matches(argv[0], "list") || !matches(argv[0], "show") ||
	    !matches(argv[0], "lst"))
		return nh_list(ipc, argc ? argc - 1 : 0, argv + 1);
	if (ipc->family == AF_INET6) {
		fputs("RTNETLINK answers: Operation not supported\n", ipc->err);
		return 2;
	}
	if (!matches(argv[0], "add"))
		return nh_modify(ipc, argc - 1, argv + 1, NLM_F_CREATE | NLM_F_EXCL);
	if (!matches(argv[0], "replace"))
		return nh_modify(ipc, argc - 1, argv + 1, NLM_F_CREATE | NLM_F_REPLACE);
	if (!matches(argv[0], "delete"))
		return nh_del(ipc, argc - 1, argv + 1);
	if (!matches(argv[0], "flush"))
		return nh_flush(ipc);
	fprintf(ipc->err, "Command \"%s\" is unknown, try \"ip nexthop help\".\n", argv[0]);
	return 255;
}

void ip_nexthop_print_one(struct ip_ctx *ipc, const struct nexthop *nh)
{
	nh_print(ipc, nh);
}
