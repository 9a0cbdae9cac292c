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

int vxlan_parse_opt(struct ip_ctx *ipc, int argc, char **argv, struct vxlan_config *conf)
{
	unsigned int attrs = 0, u;
	bool remote_set = false, group_set = false;
	int rc = 0;

	memset(conf, 0, sizeof(*conf));
	conf->flags = VXLAN_F_LEARN;
	conf->age_interval = FDB_AGE_DEFAULT;
	for (; argc > 0; argc--, argv++) {
		const char *w = argv[0];

#define NEXT_ARG() do { if (argc < 2) return ip_incomplete(ipc); argc--; argv++; } while (0)
		if (!matches(w, "id") || !matches(w, "vni")) {
			NEXT_ARG();
			if (duparg(ipc, &attrs, A_ID, "id", argv[0], &rc))
				return rc;
			if (get_unsigned(&u, argv[0], 0) || u >= VXLAN_N_VID)
				return ip_invarg(ipc, "invalid id", argv[0]);
			conf->vni = u;
		} else if (!matches(w, "group") || !matches(w, "remote")) {
			bool group = !matches(w, "group");
			__be32 a;

			if ((group && remote_set) || (!group && group_set)) {
				fprintf(ipc->err, "vxlan: both group and remote cannot be specified\n");
				return 1;
			}
			NEXT_ARG();
			if (duparg(ipc, &attrs, A_GROUP, group ? "group" : "remote", argv[0], &rc))
				return rc;
			if ((rc = parse_addr(ipc, argv[0], &a)))
				return rc;
			if (group && !ipv4_is_multicast(a))
				return ip_invarg(ipc, "invalid group address", argv[0]);
			if (!group && (ipv4_is_multicast(a) || !a))
				return ip_invarg(ipc, "invalid remote address", argv[0]);
			conf->remote_ip = a;
			group_set = group;
			remote_set = !group;
		} else if (!matches(w, "local")) {
			NEXT_ARG();
			if (duparg(ipc, &attrs, A_LOCAL, "local", argv[0], &rc))
				return rc;
			if ((rc = parse_addr(ipc, argv[0], &conf->saddr)))
				return rc;
			if (ipv4_is_multicast(conf->saddr))
				return ip_invarg(ipc, "invalid local address", argv[0]);
		} else if (!matches(w, "dev")) {
			struct net_device *dev;

			NEXT_ARG();
			if (duparg(ipc, &attrs, A_LINK, "dev", argv[0], &rc))
				return rc;
			dev = __dev_get_by_name(ipc->net, argv[0]);
			if (!dev) {
				fprintf(ipc->err, "Cannot find device \"%s\"\n", argv[0]);
				return 255;
			}
			conf->remote_ifindex = dev->ifindex;
		} else if (!matches(w, "ttl") || !matches(w, "hoplimit")) {
			NEXT_ARG();
			if (duparg(ipc, &attrs, A_TTL, "ttl", argv[0], &rc))
				return rc;
			if (!strcmp(argv[0], "inherit")) {
				conf->flags |= VXLAN_F_TTL_INHERIT;
			} else if (strcmp(argv[0], "auto")) {
				if (get_unsigned(&u, argv[0], 0))
					return ip_invarg(ipc, "invalid TTL", argv[0]);
				if (u > 255)
					return ip_invarg(ipc, "TTL must be <= 255", argv[0]);
				conf->ttl = (u8)u;
			}
		} else if (!matches(w, "tos") || !matches(w, "dsfield")) {
			NEXT_ARG();
			if (duparg(ipc, &attrs, A_TOS, "tos", argv[0], &rc))
				return rc;
			if (!strcmp(argv[0], "inherit")) {
				conf->tos = 1;
			} else {
				if (get_unsigned(&u, argv[0], 16) || u > 255)
					return ip_invarg(ipc, "bad TOS value", argv[0]);
				conf->tos = (u8)u;
			}
		} else if (!matches(w, "ageing")) {
			NEXT_ARG();
			if (duparg(ipc, &attrs, A_AGEING, "ageing", argv[0], &rc))
				return rc;
			if (!strcmp(argv[0], "none"))
				conf->age_interval = 0;
			else if (get_u32(&conf->age_interval, argv[0], 0))
				return ip_invarg(ipc, "ageing timer", argv[0]);
		} else if (!matches(w, "maxaddress")) {
			NEXT_ARG();
			if (duparg(ipc, &attrs, A_LIMIT, "maxaddress", argv[0], &rc))
				return rc;
			if (!strcmp(argv[0], "unlimited"))
				conf->addrmax = 0;
			else if (get_u32(&conf->addrmax, argv[0], 0))
				return ip_invarg(ipc, "max addresses", argv[0]);
		} else if (!matches(w, "port") || !matches(w, "srcport")) {
			NEXT_ARG();
			if (duparg(ipc, &attrs, A_RANGE, "srcport", argv[0], &rc))
				return rc;
			if (get_unsigned(&u, argv[0], 0) || u > 0xffff)
				return ip_invarg(ipc, "min port", argv[0]);
			conf->port_min = (u16)u;
			NEXT_ARG();
			if (get_unsigned(&u, argv[0], 0) || u > 0xffff)
				return ip_invarg(ipc, "max port", argv[0]);
			conf->port_max = (u16)u;
		} else if (!matches(w, "dstport")) {
			NEXT_ARG();
			if (duparg(ipc, &attrs, A_PORT, "dstport", argv[0], &rc))
				return rc;
			if (get_unsigned(&u, argv[0], 0) || u > 0xffff)
				return ip_invarg(ipc, "dst port", argv[0]);
			conf->dst_port = (u16)u;
		} else if (parse_flag(w, &attrs, &conf->flags, ipc, &rc)) {
			if (rc)
				return rc;
		} else if (!matches(w, "help")) {
			vxlan_explain(ipc->err);
			return 1;
		} else {
			fprintf(ipc->err, "vxlan: unknown command \"%s\"?\n", w);
			vxlan_explain(ipc->err);
			return 1;
		}
#undef NEXT_ARG
	}
	if (!(attrs & (1u << A_ID))) {
		fprintf(ipc->err, "vxlan: missing virtual network identifier\n");
		return 1;
	}
	if (group_set && !(attrs & (1u << A_LINK))) {
		fprintf(ipc->err, "vxlan: 'group' requires 'dev' to be specified\n");
		return 1;
	}
	if (!(attrs & (1u << A_PORT)))
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
