/* -m set --match-set NAME DIR[,DIR...] (net/netfilter/xt_set.c): the packet's
 * addresses/ports named by the directions looked up in an IP set of the
 * namespace.  The rule holds a reference to the set (ipset destroy is
 * refused while it does); the set is found by name when the rule is
 * checked, and its pointer kept in the rule's kernel-only tail. */
#include <errno.h>
#include <string.h>
#include "linux/netfilter/x_tables.h"
#include "net/netfilter/ipset.h"
#include "uapi/linux/netfilter/xt_set.h"

static bool set_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_set_info_match *info = par->matchinfo;

	if (!info->set)
		return info->invert;
	return ip_set_match_skb(xt_net(par), info->set, skb, par->thoff, par->fragoff,
				info->dim, info->flags) ^ info->invert;
}

static int set_mt_check(const struct xt_mtchk_param *par)
{
	struct xt_set_info_match *info = par->matchinfo;
	struct ip_set *set = ip_set_find(par->net, info->name);

	if (!set || info->dim < 1 || info->dim > IPSET_DIM_MAX)
		return -ENOENT;
	set->ref++;
	info->set = set;
	return 0;
}

static void set_mt_destroy(const struct xt_mtdtor_param *par)
{
	struct xt_set_info_match *info = par->matchinfo;

	if (info->set)
		info->set->ref--;
	info->set = NULL;
}

const struct xt_match xt_set_match = {
	.name = "set", .revision = 4, .family = NFPROTO_IPV4, .match = set_mt,
	.checkentry = set_mt_check, .destroy = set_mt_destroy,
	.matchsize = sizeof(struct xt_set_info_match),
};
