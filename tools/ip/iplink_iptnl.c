/* `ip link add NAME type ipip ...` (iproute2 ip/link_iptnl.c,
 * iptunnel_parse_opt): the words after "type ipip" become a struct
 * ip_tunnel_parm.  The `-d` line is the driver's (net/ipv4/ipip.c
 * ipip_fill_info), as iptunnel_print_opt prints it. */
#include <string.h>
#include "ip_common.h"
#include "linux/netdevice.h"
#include "net/ip_tunnels.h"
#include "net/net_namespace.h"

static void iptnl_explain(FILE *f)
{
	fputs("Usage: ... ipip  \t[ remote ADDR ]\n"
	      "\t\t\t[ local ADDR ]\n"
	      "\t\t\t[ ttl TTL ]\n"
	      "\t\t\t[ tos TOS ]\n"
	      "\t\t\t[ [no]pmtudisc ]\n"
	      "\t\t\t[ 6rd-prefix ADDR ]\n"
	      "\t\t\t[ 6rd-relay_prefix ADDR ]\n"
	      "\t\t\t[ 6rd-reset ]\n"
	      "\t\t\t[ dev PHYS_DEV ]\n"
	      "\t\t\t[ fwmark MARK ]\n"
	      "\t\t\t[ external ]\n"
	      "\t\t\t[ noencap ]\n"
	      "\t\t\t[ encap { fou | gue | none } ]\n"
	      "\t\t\t[ encap-sport PORT ]\n"
	      "\t\t\t[ encap-dport PORT ]\n"
	      "\t\t\t[ [no]encap-csum ]\n"
	      "\t\t\t[ [no]encap-csum6 ]\n"
	      "\t\t\t[ [no]encap-remcsum ]\n"
	      "\t\t\t[ mode { ipip | mplsip | any } ]\n"
	      "\n"
	      "Where:\tADDR := { IP_ADDRESS | any }\n"
	      "\tTOS  := { NUMBER | inherit }\n"
	      "\tTTL  := { 1..255 | inherit }\n"
	      "\tMARK := { 0x0..0xffffffff }\n", f);
}

static int iptnl_addr(struct ip_ctx *ipc, const char *arg, __be32 *addr)
{
	if (!strcmp(arg, "any")) {
		*addr = 0;
		return 0;
	}
	return parse_ipv4(addr, arg) ? ip_bad_addr(ipc, arg) : 0;
}

static int iptnl_ttl_tos(struct ip_ctx *ipc, const char *w, const char *arg,
			 struct ip_tunnel_parm *p)
{
	unsigned int v;

	if (!strcmp(w, "ttl") || !strcmp(w, "hoplimit") || !strcmp(w, "hlim")) {
		if (!strcmp(arg, "inherit"))
			p->ttl = 0;
		else if (get_unsigned(&v, arg, 0) || v > 255)
			return ip_invarg(ipc, "invalid TTL\n", arg);
		else
			p->ttl = (u8)v;
		return 0;
	}
	if (!strcmp(arg, "inherit"))
		p->tos = 1;
	else if (get_unsigned(&v, arg, 16) || v > 255)
		return ip_invarg(ipc, "bad TOS value", arg);
	else
		p->tos = (u8)v;
	return 0;
}

static int iptnl_word(struct ip_ctx *ipc, int *argc, char ***argv, struct ip_tunnel_parm *p)
{
	const char *w = (*argv)[0];
	struct net_device *dev;

	if (!strcmp(w, "nopmtudisc") || !strcmp(w, "pmtudisc")) {
		p->pmtudisc = !strcmp(w, "pmtudisc");
		return 0;
	}
	if (strcmp(w, "remote") && strcmp(w, "local") && strcmp(w, "dev") && strcmp(w, "ttl") &&
	    strcmp(w, "hoplimit") && strcmp(w, "hlim") && strcmp(w, "tos") &&
	    strcmp(w, "tclass") && strcmp(w, "dsfield")) {
		iptnl_explain(ipc->err);
		return 1;
	}
	if (*argc < 2)
		return ip_incomplete(ipc);
	(*argc)--;
	(*argv)++;
	if (!strcmp(w, "remote"))
		return iptnl_addr(ipc, (*argv)[0], &p->daddr);
	if (!strcmp(w, "local"))
		return iptnl_addr(ipc, (*argv)[0], &p->saddr);
	if (!strcmp(w, "dev")) {
		dev = __dev_get_by_name(ipc->net, (*argv)[0]);
		if (!dev) {
			fprintf(ipc->err, "Cannot find device \"%s\"\n", (*argv)[0]);
			return 255;
		}
		p->link = dev->ifindex;
		return 0;
	}
	return iptnl_ttl_tos(ipc, w, (*argv)[0], p);
}

/* the words after "type ipip"; 0 or the exit status after a message */
int iptnl_parse_opt(struct ip_ctx *ipc, int argc, char **argv, struct ip_tunnel_parm *p)
{
	int rc;

	memset(p, 0, sizeof(*p));
	p->pmtudisc = true;
	for (; argc > 0; argc--, argv++)
		if ((rc = iptnl_word(ipc, &argc, &argv, p)))
			return rc;
	if (p->ttl && !p->pmtudisc) {
		fprintf(ipc->err, "ttl != 0 and nopmtudisc are incompatible\n");
		return 255;
	}
	return 0;
}
