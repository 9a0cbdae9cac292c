/* The protocol matches (net/netfilter/xt_tcpudp.c, and the icmp match of
 * net/ipv4/netfilter/ip_tables.c): ports, TCP flags and options, ICMP
 * type and code.  They read the transport header at par->thoff, only in
 * the first fragment; a header too short to read drops the packet
 * (hotdrop), as Linux does. */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_tcpudp.h"
#include "net/ip.h"

static bool port_match(u16 min, u16 max, u16 port, bool invert)
{
	return (port >= min && port <= max) ^ invert;
}

/* TCP option kind `option` is present in the options of the header. */
static bool tcp_find_option(const struct sk_buff *skb, unsigned int thoff, unsigned int optlen,
			    u8 option, bool invert, bool *hotdrop)
{
	u8 buf[40];
	const u8 *op = xt_header_pointer(skb, (int)(thoff + 20), (int)optlen, buf);

	if (!op) {
		*hotdrop = true;
		return false;
	}
	for (unsigned int i = 0; i < optlen;) {
		if (op[i] == option)
			return !invert;
		if (op[i] < 2)
			i++;
		else
			i += op[i + 1] ? op[i + 1] : 1;
	}
	return invert;
}

static bool tcp_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_tcp *tcpinfo = par->matchinfo;
	u8 buf[20];
	const u8 *th;

	if (par->fragoff != 0)
		return false;
	th = xt_header_pointer(skb, (int)par->thoff, 20, buf);
	if (!th) {
		par->hotdrop = true;
		return false;
	}
	if (!port_match(tcpinfo->spts[0], tcpinfo->spts[1], (u16)(th[0] << 8 | th[1]),
			tcpinfo->invflags & XT_TCP_INV_SRCPT) ||
	    !port_match(tcpinfo->dpts[0], tcpinfo->dpts[1], (u16)(th[2] << 8 | th[3]),
			tcpinfo->invflags & XT_TCP_INV_DSTPT))
		return false;
	if (!(((th[13] & tcpinfo->flg_mask) == tcpinfo->flg_cmp) ^
	      !!(tcpinfo->invflags & XT_TCP_INV_FLAGS)))
		return false;
	if (tcpinfo->option) {
		unsigned int doff = (th[12] >> 4) * 4u;

		if (doff < 20) {
			par->hotdrop = true;
			return false;
		}
		return tcp_find_option(skb, par->thoff, doff - 20, tcpinfo->option,
				       tcpinfo->invflags & XT_TCP_INV_OPTION, &par->hotdrop);
	}
	return true;
}

static int tcp_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_tcp *tcpinfo = par->matchinfo;

	return (tcpinfo->invflags & ~XT_TCP_INV_MASK) ? -EINVAL : 0;
}

static bool udp_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_udp *udpinfo = par->matchinfo;
	u8 buf[8];
	const u8 *uh;

	if (par->fragoff != 0)
		return false;
	uh = xt_header_pointer(skb, (int)par->thoff, 8, buf);
	if (!uh) {
		par->hotdrop = true;
		return false;
	}
	return port_match(udpinfo->spts[0], udpinfo->spts[1], (u16)(uh[0] << 8 | uh[1]),
			  udpinfo->invflags & XT_UDP_INV_SRCPT) &&
	       port_match(udpinfo->dpts[0], udpinfo->dpts[1], (u16)(uh[2] << 8 | uh[3]),
			  udpinfo->invflags & XT_UDP_INV_DSTPT);
}

static bool icmp_type_code_match(u8 test_type, u8 min_code, u8 max_code, u8 type, u8 code,
				 bool invert)
{
	return ((test_type == 0xFF) ||
		(type == test_type && code >= min_code && code <= max_code)) ^ invert;
}

static bool icmp_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct ipt_icmp *icmpinfo = par->matchinfo;
	u8 buf[2];
	const u8 *ic;

	if (par->fragoff != 0)
		return false;
	ic = xt_header_pointer(skb, (int)par->thoff, 2, buf);
	if (!ic) {
		par->hotdrop = true;
		return false;
	}
	return icmp_type_code_match(icmpinfo->type, icmpinfo->code[0], icmpinfo->code[1], ic[0],
				    ic[1], icmpinfo->invflags & IPT_ICMP_INV);
}

const struct xt_match xt_tcp_match = {
	.name = "tcp", .family = NFPROTO_UNSPEC, .match = tcp_mt, .checkentry = tcp_mt_check,
	.matchsize = sizeof(struct xt_tcp), .proto = 6,
};

const struct xt_match xt_udp_match = {
	.name = "udp", .family = NFPROTO_UNSPEC, .match = udp_mt,
	.matchsize = sizeof(struct xt_udp), .proto = 17,
};

const struct xt_match xt_icmp_match = {
	.name = "icmp", .family = NFPROTO_IPV4, .match = icmp_mt,
	.matchsize = sizeof(struct ipt_icmp), .proto = 1,
};
