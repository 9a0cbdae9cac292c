/* Small matches: -m quota (net/netfilter/xt_quota.c: matches until the
 * rule has seen QUOTA bytes), -m cpu (xt_cpu.c: the CPU that handles the
 * packet; skbox has one, CPU 0), -m mac (xt_mac.c: the Ethernet source of
 * a received frame), -m owner (xt_owner.c: the local socket that sent the
 * packet; skbox has no users, every socket belongs to uid 0 and gid 0). */
#include <errno.h>
#include <string.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_more.h"
#include "net/sock.h"

static bool quota_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	struct xt_quota_info *q = (struct xt_quota_info *)par->matchinfo;
	bool ret = q->flags & XT_QUOTA_INVERT;

	if (q->remain >= skb->len) {
		q->remain -= skb->len;
		ret = !ret;
	} else {
		q->remain = 0;		/* no small packets either from now on */
	}
	return ret;
}

static int quota_mt_check(const struct xt_mtchk_param *par)
{
	struct xt_quota_info *q = par->matchinfo;

	if (q->flags & ~XT_QUOTA_INVERT)
		return -EINVAL;
	if (!q->started) {
		q->remain = q->quota;
		q->started = 1;
	}
	return 0;
}

static bool cpu_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_cpu_info *info = par->matchinfo;

	(void)skb;
	return (info->cpu == 0) ^ !!info->invert;
}

static int cpu_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_cpu_info *info = par->matchinfo;

	return info->invert & ~1 ? -EINVAL : 0;
}

static bool mac_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_mac_info *info = par->matchinfo;
	const unsigned char *mh = skb_mac_header(skb);

	if (!skb->dev || skb->dev->type != ARPHRD_ETHER || mh + 14 > skb->data)
		return false;
	return (memcmp(mh + 6, info->srcaddr, 6) == 0) ^ !!info->invert;
}

static bool owner_mt(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_owner_match_info *info = par->matchinfo;
	const u32 uid = 0, gid = 0;	/* the owner of every socket in skbox */
	/* skbox's output path does not charge the skb to its socket: the hook
	 * state carries the sender (Linux's state->sk, the same socket) */
	const struct sock *sk = skb->sk ? skb->sk : par->state->sk;

	if (!sk || !sk->sk_socket)
		return (info->match ^ info->invert) == 0;
	if (info->match & info->invert & XT_OWNER_SOCKET)
		return false;	/* a socket exists: "! --socket-exists" fails */
	if ((info->match & XT_OWNER_UID) &&
	    !((uid >= info->uid_min && uid <= info->uid_max) ^ !!(info->invert & XT_OWNER_UID)))
		return false;
	if ((info->match & XT_OWNER_GID) &&
	    !((gid >= info->gid_min && gid <= info->gid_max) ^ !!(info->invert & XT_OWNER_GID)))
		return false;
	return true;
}

static int owner_mt_check(const struct xt_mtchk_param *par)
{
	const struct xt_owner_match_info *info = par->matchinfo;

	return (info->match | info->invert) & ~XT_OWNER_MASK ? -EINVAL : 0;
}

const struct xt_match xt_quota_match = {
	.name = "quota", .family = NFPROTO_UNSPEC, .match = quota_mt,
	.checkentry = quota_mt_check, .matchsize = sizeof(struct xt_quota_info),
};

const struct xt_match xt_cpu_match = {
	.name = "cpu", .family = NFPROTO_UNSPEC, .match = cpu_mt, .checkentry = cpu_mt_check,
	.matchsize = sizeof(struct xt_cpu_info),
};

const struct xt_match xt_mac_match = {
	.name = "mac", .family = NFPROTO_UNSPEC, .match = mac_mt,
	.matchsize = sizeof(struct xt_mac_info),
	.hooks = (1 << NF_INET_PRE_ROUTING) | (1 << NF_INET_LOCAL_IN) | (1 << NF_INET_FORWARD),
};

const struct xt_match xt_owner_match = {
	.name = "owner", .revision = 1, .family = NFPROTO_UNSPEC, .match = owner_mt,
	.checkentry = owner_mt_check, .matchsize = sizeof(struct xt_owner_match_info),
	.hooks = (1 << NF_INET_LOCAL_OUT) | (1 << NF_INET_POST_ROUTING),
};
