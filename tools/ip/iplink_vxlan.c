/* `ip link add NAME type vxlan ...` and the vxlan line of `ip -d link show`
 * (iproute2 ip/iplink_vxlan.c): the words after "type vxlan" become a
 * struct vxlan_config; the device's configuration prints back as iproute2
 * prints IFLA_VXLAN_* for this kernel. */
#include <string.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/ip.h"
#include "net/net_namespace.h"
#include "net/vxlan.h"
#include "iplink_vxlan.h"

static void vxlan_explain(FILE *f)
{
	fputs("Usage: ... vxlan id VNI\n"
	      "\t\t[ { group | remote } IP_ADDRESS ]\n"
	      "\t\t[ local ADDR ]\n"
	      "\t\t[ ttl TTL ]\n"
	      "\t\t[ tos TOS ]\n"
	      "\t\t[ df DF ]\n"
	      "\t\t[ flowlabel LABEL ]\n"
	      "\t\t[ dev PHYS_DEV ]\n"
	      "\t\t[ dstport PORT ]\n"
	      "\t\t[ srcport MIN MAX ]\n"
	      "\t\t[ [no]learning ]\n"
	      "\t\t[ [no]proxy ]\n"
	      "\t\t[ [no]rsc ]\n"
	      "\t\t[ [no]l2miss ]\n"
	      "\t\t[ [no]l3miss ]\n"
	      "\t\t[ ageing SECONDS ]\n"
	      "\t\t[ maxaddress NUMBER ]\n"
	      "\t\t[ [no]udpcsum ]\n"
	      "\t\t[ [no]udp6zerocsumtx ]\n"
	      "\t\t[ [no]udp6zerocsumrx ]\n"
	      "\t\t[ [no]remcsumtx ] [ [no]remcsumrx ]\n"
	      "\t\t[ [no]external ] [ gbp ] [ gpe ]\n"
	      "\t\t[ [no]vnifilter ]\n"
	      "\n"
	      "Where:\tVNI\t:= 0-16777215\n"
	      "\tADDR\t:= { IP_ADDRESS | any }\n"
	      "\tTOS\t:= { NUMBER | inherit }\n"
	      "\tTTL\t:= { 1..255 | auto | inherit }\n"
	      "\tDF\t:= { unset | set | inherit }\n"
	      "\tLABEL := 0-1048575\n", f);
}

enum { A_ID, A_GROUP, A_LOCAL, A_LINK, A_TTL, A_TOS, A_AGEING, A_LIMIT, A_RANGE, A_PORT,
       A_LEARNING, A_PROXY, A_RSC, A_L2MISS, A_L3MISS, A_CSUM, A_CSUM6TX, A_CSUM6RX };

static bool duparg(struct ip_ctx *ipc, unsigned int *attrs, int a, const char *key,
		   const char *arg, int *rc)
{
	if (!(*attrs & (1u << a))) {
		*attrs |= 1u << a;
		return false;
	}
	*rc = ip_duparg2(ipc, key, arg);
	return true;
}

static int parse_addr(struct ip_ctx *ipc, const char *arg, __be32 *addr)
{
	if (!strcmp(arg, "any")) {
		*addr = 0;
		return 0;
	}
	if (parse_ipv4(addr, arg))
		return ip_bad_addr(ipc, arg);
	return 0;
}

/* A flag word and its "no" form: learning/nolearning, proxy/noproxy ... */
static int parse_flag(const char *w, unsigned int *attrs, u32 *flags, struct ip_ctx *ipc,
		      int *rc)
{
	static const struct { const char *on, *off; int attr; u32 flag; bool inv; } fl[] = {
		{ "learning", "nolearning", A_LEARNING, VXLAN_F_LEARN, false },
		{ "proxy", "noproxy", A_PROXY, VXLAN_F_PROXY, false },
		{ "rsc", "norsc", A_RSC, VXLAN_F_RSC, false },
		{ "l2miss", "nol2miss", A_L2MISS, VXLAN_F_L2MISS, false },
		{ "l3miss", "nol3miss", A_L3MISS, VXLAN_F_L3MISS, false },
		{ "udpcsum", "noudpcsum", A_CSUM, VXLAN_F_UDP_ZERO_CSUM_TX, true },
		{ "udp6zerocsumtx", "noudp6zerocsumtx", A_CSUM6TX, 0, false },
		{ "udp6zerocsumrx", "noudp6zerocsumrx", A_CSUM6RX, 0, false },
	};

	for (size_t i = 0; i < ARRAY_SIZE(fl); i++) {
		bool on;

		/* iproute2 tests the "no" form first where it is a prefix of the other */
		if (!matches(w, fl[i].off))
			on = false;
		else if (!matches(w, fl[i].on))
			on = true;
		else
			continue;
		if (duparg(ipc, attrs, fl[i].attr, w, w, rc))
			return 1;
		if (on != fl[i].inv)
			*flags |= fl[i].flag;
		else
			*flags &= ~fl[i].flag;
		return 1;
	}
	return 0;
}

/* the parser's state: which attributes were given, and how many words are left */
struct vxlan_args {
	struct ip_ctx *ipc;
	struct vxlan_config *conf;
	unsigned int attrs;
	bool remote_set, group_set;
	int argc;
	char **argv;
};

#define DUPARG(attr, key) do { int rc_; if (duparg(a->ipc, &a->attrs, attr, key, a->argv[0], &rc_)) \
	return rc_; } while (0)

/* group|remote IP */
static int parse_remote(struct vxlan_args *a, bool group)
{
	__be32 addr;
	int rc;

	if ((group && a->remote_set) || (!group && a->group_set)) {
		fprintf(a->ipc->err, "vxlan: both group and remote cannot be specified\n");
		return 1;
	}
	if (!ip_next_arg(&a->argc, &a->argv))
		return ip_incomplete(a->ipc);
	DUPARG(A_GROUP, group ? "group" : "remote");
	if ((rc = parse_addr(a->ipc, a->argv[0], &addr)))
		return rc;
	if (group && !ipv4_is_multicast(addr))
		return ip_invarg(a->ipc, "invalid group address", a->argv[0]);
	if (!group && (ipv4_is_multicast(addr) || !addr))
		return ip_invarg(a->ipc, "invalid remote address", a->argv[0]);
	a->conf->remote_ip = addr;
	a->group_set = group;
	a->remote_set = !group;
	return 0;
}

/* local IP, dev DEV */
static int parse_local(struct vxlan_args *a, bool dev)
{
	struct net_device *d;
	int rc;

	if (!ip_next_arg(&a->argc, &a->argv))
		return ip_incomplete(a->ipc);
	if (!dev) {
		DUPARG(A_LOCAL, "local");
		if ((rc = parse_addr(a->ipc, a->argv[0], &a->conf->saddr)))
			return rc;
		if (ipv4_is_multicast(a->conf->saddr))
			return ip_invarg(a->ipc, "invalid local address", a->argv[0]);
		return 0;
	}
	DUPARG(A_LINK, "dev");
	d = __dev_get_by_name(a->ipc->net, a->argv[0]);
	if (!d) {
		fprintf(a->ipc->err, "Cannot find device \"%s\"\n", a->argv[0]);
		return 255;
	}
	a->conf->remote_ifindex = d->ifindex;
	return 0;
}

/* ttl TTL|auto|inherit, tos TOS|inherit */
static int parse_ttl_tos(struct vxlan_args *a, bool tos)
{
	unsigned int u;

	if (!ip_next_arg(&a->argc, &a->argv))
		return ip_incomplete(a->ipc);
	DUPARG(tos ? A_TOS : A_TTL, tos ? "tos" : "ttl");
	if (!strcmp(a->argv[0], "inherit")) {
		if (tos)
			a->conf->tos = 1;
		else
			a->conf->flags |= VXLAN_F_TTL_INHERIT;
	} else if (tos) {
		if (get_unsigned(&u, a->argv[0], 16) || u > 255)
			return ip_invarg(a->ipc, "bad TOS value", a->argv[0]);
		a->conf->tos = (u8)u;
	} else if (strcmp(a->argv[0], "auto")) {
		if (get_unsigned(&u, a->argv[0], 0))
			return ip_invarg(a->ipc, "invalid TTL", a->argv[0]);
		if (u > 255)
			return ip_invarg(a->ipc, "TTL must be <= 255", a->argv[0]);
		a->conf->ttl = (u8)u;
	}
	return 0;
}

/* ageing S|none, maxaddress N|unlimited */
static int parse_limit(struct vxlan_args *a, bool ageing)
{
	if (!ip_next_arg(&a->argc, &a->argv))
		return ip_incomplete(a->ipc);
	DUPARG(ageing ? A_AGEING : A_LIMIT, ageing ? "ageing" : "maxaddress");
	if (!strcmp(a->argv[0], ageing ? "none" : "unlimited"))
		*(ageing ? &a->conf->age_interval : &a->conf->addrmax) = 0;
	else if (get_u32(ageing ? &a->conf->age_interval : &a->conf->addrmax, a->argv[0], 0))
		return ip_invarg(a->ipc, ageing ? "ageing timer" : "max addresses", a->argv[0]);
	return 0;
}

/* id VNI, srcport MIN MAX, dstport PORT */
static int parse_ports(struct vxlan_args *a, int which)
{
	unsigned int u;

	if (!ip_next_arg(&a->argc, &a->argv))
		return ip_incomplete(a->ipc);
	if (which == A_ID) {
		DUPARG(A_ID, "id");
		if (get_unsigned(&u, a->argv[0], 0) || u >= VXLAN_N_VID)
			return ip_invarg(a->ipc, "invalid id", a->argv[0]);
		a->conf->vni = u;
		return 0;
	}
	DUPARG(which, which == A_RANGE ? "srcport" : "dstport");
	if (get_unsigned(&u, a->argv[0], 0) || u > 0xffff)
		return ip_invarg(a->ipc, which == A_RANGE ? "min port" : "dst port", a->argv[0]);
	if (which == A_PORT) {
		a->conf->dst_port = (u16)u;
		return 0;
	}
	a->conf->port_min = (u16)u;
	if (!ip_next_arg(&a->argc, &a->argv))
		return ip_incomplete(a->ipc);
	if (get_unsigned(&u, a->argv[0], 0) || u > 0xffff)
		return ip_invarg(a->ipc, "max port", a->argv[0]);
	a->conf->port_max = (u16)u;
	return 0;
}
#undef DUPARG

/* one option word (and its values); a->argv[0] is left at its last word */
static int parse_word(struct vxlan_args *a)
{
	const char *w = a->argv[0];
	int rc = 0;

	if (!matches(w, "id") || !matches(w, "vni"))
		return parse_ports(a, A_ID);
	if (!matches(w, "group") || !matches(w, "remote"))
		return parse_remote(a, !matches(w, "group"));
	if (!matches(w, "local") || !matches(w, "dev"))
		return parse_local(a, !matches(w, "dev"));
	if (!matches(w, "ttl") || !matches(w, "hoplimit"))
		return parse_ttl_tos(a, false);
	if (!matches(w, "tos") || !matches(w, "dsfield"))
		return parse_ttl_tos(a, true);
	if (!matches(w, "ageing") || !matches(w, "maxaddress"))
		return parse_limit(a, !matches(w, "ageing"));
	if (!matches(w, "port") || !matches(w, "srcport"))
		return parse_ports(a, A_RANGE);
	if (!matches(w, "dstport"))
		return parse_ports(a, A_PORT);
	if (!strcmp(w, "host-underlay")) {	/* skbox: the host's network is the underlay */
		a->conf->flags |= VXLAN_F_HOST_UNDERLAY;
		return 0;
	}
	if (parse_flag(w, &a->attrs, &a->conf->flags, a->ipc, &rc))
		return rc;
	if (matches(w, "help"))
		fprintf(a->ipc->err, "vxlan: unknown command \"%s\"?\n", w);
	vxlan_explain(a->ipc->err);
	return 1;
}

int vxlan_parse_opt(struct ip_ctx *ipc, int argc, char **argv, struct vxlan_config *conf)
{
	struct vxlan_args a = { .ipc = ipc, .conf = conf, .argc = argc, .argv = argv };
	int rc;

	memset(conf, 0, sizeof(*conf));
	conf->flags = VXLAN_F_LEARN;
	conf->age_interval = FDB_AGE_DEFAULT;
	for (; a.argc > 0; a.argc--, a.argv++)
		if ((rc = parse_word(&a)))
			return rc;
	if (!(a.attrs & (1u << A_ID))) {
		fprintf(ipc->err, "vxlan: missing virtual network identifier\n");
		return 1;
	}
	/* with a host underlay the group's interface is the one of `local` */
	if (a.group_set && !(a.attrs & (1u << A_LINK)) && !(conf->flags & VXLAN_F_HOST_UNDERLAY)) {
		fprintf(ipc->err, "vxlan: 'group' requires 'dev' to be specified\n");
		return 1;
	}
	if (!(a.attrs & (1u << A_PORT)))
		fputs("vxlan: destination port not specified\n"
		      "Will use Linux kernel default (non-standard value)\n"
		      "Use 'dstport 4789' to get the IANA assigned value\n"
		      "Use 'dstport 0' to get default and quiet this message\n", ipc->err);
	return 0;
}

void vxlan_print_opt(struct ip_ctx *ipc, const struct net_device *dev)
{
	const struct vxlan_dev *vxlan = vxlan_from_dev(dev);
	const struct vxlan_config *c;
	struct net_device *lower;
	FILE *f = ipc->out;
	char buf[32];

	if (!vxlan)
		return;
	c = &vxlan->cfg;
	fprintf(f, "id %u ", c->vni);
	if (c->remote_ip)
		fprintf(f, "%s %s ", ipv4_is_multicast(c->remote_ip) ? "group" : "remote",
			format_ipv4(buf, c->remote_ip));
	if (c->saddr)
		fprintf(f, "local %s ", format_ipv4(buf, c->saddr));
	lower = vxlan_lower_dev(dev);
	if (lower)
		fprintf(f, "dev %s ", lower->name);
	fprintf(f, "srcport %u %u ", c->port_min, c->port_max);
	fprintf(f, "dstport %u ", c->dst_port);
	if (!(c->flags & VXLAN_F_LEARN))
		fputs("nolearning ", f);
	if (c->flags & VXLAN_F_PROXY)
		fputs("proxy ", f);
	if (c->flags & VXLAN_F_RSC)
		fputs("rsc ", f);
	if (c->flags & VXLAN_F_L2MISS)
		fputs("l2miss ", f);
	if (c->flags & VXLAN_F_L3MISS)
		fputs("l3miss ", f);
	if (c->tos == 1)
		fputs("tos inherit ", f);
	else if (c->tos)
		fprintf(f, "tos 0x%x ", c->tos);
	if (c->flags & VXLAN_F_TTL_INHERIT)
		fputs("ttl inherit ", f);
	else if (c->ttl)
		fprintf(f, "ttl %u ", c->ttl);
	else
		fputs("ttl auto ", f);
	fprintf(f, "ageing %u ", c->age_interval);
	if (c->addrmax)
		fprintf(f, "maxaddr %u ", c->addrmax);
	fputs(c->flags & VXLAN_F_UDP_ZERO_CSUM_TX ? "noudpcsum " : "udpcsum ", f);
	fputs("noudp6zerocsumtx noudp6zerocsumrx ", f);
	if (c->flags & VXLAN_F_HOST_UNDERLAY)
		fputs("host-underlay ", f);
}

/* the "info_data" object of `ip -j -d link show` */
void vxlan_print_opt_json(struct ip_ctx *ipc, const struct net_device *dev)
{
	const struct vxlan_dev *vxlan = vxlan_from_dev(dev);
	struct json_writer *jw = &ipc->jw;
	const struct vxlan_config *c;
	struct net_device *lower;
	char buf[32];

	if (!vxlan)
		return;
	c = &vxlan->cfg;
	jw_obj_open(jw, "info_data");
	jw_uint(jw, "id", c->vni);
	if (c->remote_ip)
		jw_string(jw, ipv4_is_multicast(c->remote_ip) ? "group" : "remote",
			  format_ipv4(buf, c->remote_ip));
	if (c->saddr)
		jw_string(jw, "local", format_ipv4(buf, c->saddr));
	lower = vxlan_lower_dev(dev);
	if (lower)
		jw_string(jw, "link", lower->name);
	jw_obj_open(jw, "port_range");
	jw_uint(jw, "low", c->port_min);
	jw_uint(jw, "high", c->port_max);
	jw_obj_close(jw);
	jw_uint(jw, "port", c->dst_port);
	jw_bool(jw, "learning", c->flags & VXLAN_F_LEARN);
	if (c->flags & VXLAN_F_PROXY)
		jw_bool(jw, "proxy", true);
	if (c->flags & VXLAN_F_RSC)
		jw_bool(jw, "rsc", true);
	if (c->flags & VXLAN_F_L2MISS)
		jw_bool(jw, "l2miss", true);
	if (c->flags & VXLAN_F_L3MISS)
		jw_bool(jw, "l3miss", true);
	if (c->tos) {
		snprintf(buf, sizeof(buf), "0x%x", c->tos);
		jw_string(jw, "tos", buf);
	}
	if (c->ttl)
		jw_uint(jw, "ttl", c->ttl);
	jw_string(jw, "df", "unset");
	jw_uint(jw, "ageing", c->age_interval);
	if (c->addrmax)
		jw_uint(jw, "maxaddr", c->addrmax);
	jw_bool(jw, "udp_csum", !(c->flags & VXLAN_F_UDP_ZERO_CSUM_TX));
	jw_bool(jw, "udp_zero_csum6_tx", false);
	jw_bool(jw, "udp_zero_csum6_rx", false);
	jw_obj_close(jw);
}
