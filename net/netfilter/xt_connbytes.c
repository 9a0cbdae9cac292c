/* Matches that read the packet's conntrack entry: -m connbytes
 * (net/netfilter/xt_connbytes.c: the entry's packet or byte counters, or
 * the average packet size, in one direction or both, within a range) and
 * -m helper (xt_helper.c: the helper of the connection that expected this
 * one).  Like Linux, connbytes turns net.netfilter.nf_conntrack_acct on
 * and counts only on entries made while it was on; skbox's conntrack has
 * no helpers and no expectations, so -m helper finds no master: it
 * matches only inverted, as on Linux with no helper loaded. */
#include <errno.h>
#include <string.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_ctmore.h"
#include "net/netfilter/nf_conntrack.h"

static u64 connbytes_value(const struct nf_conn *ct, const struct xt_connbytes_info *info)
{
	const struct nf_ct_ext *ext = ct->ext;	/* the counters live out of line */
	u64 pkts = 0, bytes = 0;

	if (!ext)
		return 0;
	if (info->direction != XT_CONNBYTES_DIR_REPLY) {
		pkts += ext->packets[IP_CT_DIR_ORIGINAL];
		bytes += ext->bytes[IP_CT_DIR_ORIGINAL];
	}
	if (info->direction != XT_CONNBYTES_DIR_ORIGINAL) {
		pkts += ext->packets[IP_CT_DIR_REPLY];
		bytes += ext->bytes[IP_CT_DIR_REPLY];
	}
	switch (info->what) {
	case XT_CONNBYTES_PKTS:
		return pkts;
	case XT_CONNBYTES_BYTES:
		return bytes;
	}
	return pkts ? bytes / pkts : 0;
}

static bool connbytes_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_connbytes_info *info = par->matchinfo;
	enum ip_conntrack_info ctinfo;
	const struct nf_conn *ct = nf_ct_get(skb, &ctinfo);
	u64 what;

	if (!ct || (ct->status & IPS_UNTRACKED) || !ct->acct)
		return false;
	what = connbytes_value(ct, info);
	if (info->count.to >= info->count.from)
		return what <= info->count.to && what >= info->count.from;
	return what < info->count.to || what > info->count.from;
}

static int connbytes_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_connbytes_info *info = par->matchinfo;
	int err;

	if (info->what > XT_CONNBYTES_AVGPKT || info->direction > XT_CONNBYTES_DIR_BOTH)
		return -EINVAL;
	err = nf_ct_netns_get_af(par->net, par->family);
	if (!err)
		nf_ct_pernet(par->net)->sysctl.acct = 1;	/* "Forcing CT accounting" */
	return err;
}

static void ct_mt_destroy(const struct xt_mtdtor_param *par)
{
	nf_ct_netns_put_af(par->net, par->family);
}

static bool helper_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_helper_info *info = par->matchinfo;

	(void)skb;
	return !!info->invert;	/* no entry has a master with a helper */
}

static int helper_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_helper_info *info = par->matchinfo;

	if (memchr(info->name, '\0', sizeof(info->name)) == NULL)
		return -EINVAL;
	return nf_ct_netns_get_af(par->net, par->family);
}

const struct xt_match xt_connbytes_match = {
	.name = "connbytes", .family = NFPROTO_UNSPEC, .match = connbytes_mt,
	.checkentry = connbytes_mt_check, .destroy = ct_mt_destroy,
	.matchsize = sizeof(struct xt_connbytes_info),
};

const struct xt_match xt_helper_match = {
	.name = "helper", .family = NFPROTO_UNSPEC, .match = helper_mt,
	.checkentry = helper_mt_check, .destroy = ct_mt_destroy,
	.matchsize = sizeof(struct xt_helper_info),
};
