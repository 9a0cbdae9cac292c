/* -m conntrack and -m state (net/netfilter/xt_conntrack.c, xt_state.c):
 * match on the packet's conntrack entry: its state (ctinfo, or INVALID
 * without an entry, UNTRACKED for NOTRACK), protocol, tuples, ports,
 * status bits, seconds left and direction.  A rule holds conntrack on in
 * its namespace (nf_ct_netns_get). */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "net/netfilter/nf_conntrack.h"
#include "uapi/linux/netfilter/xt_conntrack.h"
#include <netinet/in.h>

static bool addr_match(__be32 kaddr, __be32 addr, __be32 mask)
{
	return ((kaddr ^ addr) & mask) == 0;
}

static bool port_match(u16 min, u16 max, __be16 port, bool invert)
{
	u16 p = ntohs(port);

	return (p >= min && p <= max) ^ invert;
}

static bool inv(const struct xt_conntrack_mtinfo3 *info, unsigned int flag)
{
	return (info->invert_flags & flag) != 0;
}

static bool ct_tuple_check(const struct xt_conntrack_mtinfo3 *info, const struct nf_conn *ct)
{
	const struct nf_conntrack_tuple *o = &ct->tuplehash[IP_CT_DIR_ORIGINAL].tuple;
	const struct nf_conntrack_tuple *r = &ct->tuplehash[IP_CT_DIR_REPLY].tuple;
	u16 f = info->match_flags;

	if ((f & XT_CONNTRACK_ORIGSRC) &&
	    addr_match(o->src.ip, info->origsrc_addr, info->origsrc_mask) == inv(info, XT_CONNTRACK_ORIGSRC))
		return false;
	if ((f & XT_CONNTRACK_ORIGDST) &&
	    addr_match(o->dst.ip, info->origdst_addr, info->origdst_mask) == inv(info, XT_CONNTRACK_ORIGDST))
		return false;
	if ((f & XT_CONNTRACK_REPLSRC) &&
	    addr_match(r->src.ip, info->replsrc_addr, info->replsrc_mask) == inv(info, XT_CONNTRACK_REPLSRC))
		return false;
	if ((f & XT_CONNTRACK_REPLDST) &&
	    addr_match(r->dst.ip, info->repldst_addr, info->repldst_mask) == inv(info, XT_CONNTRACK_REPLDST))
		return false;
	if ((f & XT_CONNTRACK_PROTO) &&
	    (nf_ct_protonum(ct) == info->l4proto) == inv(info, XT_CONNTRACK_PROTO))
		return false;
	if ((f & XT_CONNTRACK_ORIGSRC_PORT) &&
	    !port_match(info->origsrc_port, info->origsrc_port_high, o->src.u.all,
			inv(info, XT_CONNTRACK_ORIGSRC_PORT)))
		return false;
	if ((f & XT_CONNTRACK_ORIGDST_PORT) &&
	    !port_match(info->origdst_port, info->origdst_port_high, o->dst.u.all,
			inv(info, XT_CONNTRACK_ORIGDST_PORT)))
		return false;
	if ((f & XT_CONNTRACK_REPLSRC_PORT) &&
	    !port_match(info->replsrc_port, info->replsrc_port_high, r->src.u.all,
			inv(info, XT_CONNTRACK_REPLSRC_PORT)))
		return false;
	if ((f & XT_CONNTRACK_REPLDST_PORT) &&
	    !port_match(info->repldst_port, info->repldst_port_high, r->dst.u.all,
			inv(info, XT_CONNTRACK_REPLDST_PORT)))
		return false;
	return true;
}

static bool conntrack_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_conntrack_mtinfo3 *info = par->matchinfo;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	unsigned int statebit;

	if (ct && (ct->status & IPS_UNTRACKED))
		statebit = XT_CONNTRACK_STATE_UNTRACKED;
	else if (ct)
		statebit = XT_CONNTRACK_STATE_BIT(ctinfo);
	else
		statebit = XT_CONNTRACK_STATE_INVALID;
	if (info->match_flags & XT_CONNTRACK_STATE) {
		if (ct && (ct->status & IPS_SRC_NAT))
			statebit |= XT_CONNTRACK_STATE_SNAT;
		if (ct && (ct->status & IPS_DST_NAT))
			statebit |= XT_CONNTRACK_STATE_DNAT;
		if (!!(info->state_mask & statebit) == inv(info, XT_CONNTRACK_STATE))
			return false;
	}
	if (!ct)
		return info->match_flags & XT_CONNTRACK_STATE;
	if ((info->match_flags & XT_CONNTRACK_DIRECTION) &&
	    (CTINFO2DIR(ctinfo) == IP_CT_DIR_ORIGINAL) == inv(info, XT_CONNTRACK_DIRECTION))
		return false;
	if (!ct_tuple_check(info, ct))
		return false;
	if ((info->match_flags & XT_CONNTRACK_STATUS) &&
	    !!(info->status_mask & ct->status) == inv(info, XT_CONNTRACK_STATUS))
		return false;
	if (info->match_flags & XT_CONNTRACK_EXPIRES) {
		unsigned long left = nf_ct_expires(ct);

		if ((left >= info->expires_min && left <= info->expires_max) ==
		    inv(info, XT_CONNTRACK_EXPIRES))
			return false;
	}
	return true;
}

static bool state_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_state_info *info = par->matchinfo;
	enum ip_conntrack_info ctinfo;
	struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	unsigned int statebit;

	if (ct && (ct->status & IPS_UNTRACKED))
		statebit = XT_STATE_UNTRACKED;
	else if (ct)
		statebit = XT_CONNTRACK_STATE_BIT(ctinfo);
	else
		statebit = XT_STATE_INVALID;
	return !!(info->statemask & statebit) ^ !!info->invert;
}

static int conntrack_mt_check(const struct xt_mtchk_param *par)
{
	return nf_ct_netns_get_af(par->net, par->family);
}

/* IPv6: the address options hold IPv4 addresses here (the IPv6 form of
 * xt_conntrack_mtinfo3 is not written): refused rather than compared */
static int conntrack_mt_check3(const struct xt_mtchk_param *par)
{
	const struct xt_conntrack_mtinfo3 *info = par->matchinfo;

	if (par->family == NFPROTO_IPV6 &&
	    (info->match_flags & (XT_CONNTRACK_ORIGSRC | XT_CONNTRACK_ORIGDST |
				  XT_CONNTRACK_REPLSRC | XT_CONNTRACK_REPLDST)))
		return -EINVAL;
	return conntrack_mt_check(par);
}

static void conntrack_mt_destroy(const struct xt_mtdtor_param *par)
{
	nf_ct_netns_put_af(par->net, par->family);
}

const struct xt_match xt_conntrack_match = {
	.name = "conntrack", .revision = 3, .family = NFPROTO_UNSPEC, .match = conntrack_mt,
	.checkentry = conntrack_mt_check3, .destroy = conntrack_mt_destroy,
	.matchsize = sizeof(struct xt_conntrack_mtinfo3),
};

const struct xt_match xt_state_match = {
	.name = "state", .revision = 0, .family = NFPROTO_UNSPEC, .match = state_mt,
	.checkentry = conntrack_mt_check, .destroy = conntrack_mt_destroy,
	.matchsize = sizeof(struct xt_state_info),
};
