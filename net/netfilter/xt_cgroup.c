/* -m cgroup (net/netfilter/xt_cgroup.c, revision 2): the cgroup of the
 * packet's local socket.  skbox runs every socket in the root cgroup "/"
 * of the cgroup v2 hierarchy with net_cls classid 0 (no cgroups can be
 * made): --path / matches every packet of a local socket (every cgroup
 * descends from the root), another path is refused as the kernel's
 * cgroup_get_from_path() refuses a path that does not exist (EINVAL);
 * --cgroup N matches when N is 0.  A packet without a full socket of
 * this namespace (none, or one in TIME_WAIT) never matches.  Valid at INPUT, OUTPUT, POSTROUTING. */
#include <errno.h>
#include <string.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_cgroup.h"
#include "net/sock.h"
#include "net/tcp.h"

/* The one cgroup every socket is in (what priv points to for "/"). */
static const char cgroup_root[] = "/";

static bool cgroup_mt_v2(const struct sk_buff *skb, struct xt_action_param *par)
{
	const struct xt_cgroup_info_v2 *info = par->matchinfo;
	/* as -m owner: the hook carries the sender (Linux's skb->sk) */
	const struct sock *sk = skb->sk ? skb->sk : par->state->sk;

	/* sk_fullsock(): a TIME_WAIT socket has no cgroup data */
	if (!sk || sk->sk_state == TCP_TIME_WAIT || sock_net(sk) != xt_net(par))
		return false;
	if (info->priv)		/* every cgroup descends from the root */
		return true ^ info->invert_path;
	return (info->classid == 0) ^ info->invert_classid;
}

static int cgroup_mt_check_v2(const struct xt_mtchk_param *par)
{
	struct xt_cgroup_info_v2 *info = par->matchinfo;

	if ((info->invert_path & ~1) || (info->invert_classid & ~1))
		return -EINVAL;
	if (!info->has_path && !info->has_classid)
		return -EINVAL;
	if (info->has_path && info->has_classid)
		return -EINVAL;
	info->priv = NULL;
	if (info->has_path) {
		if (strcmp(info->path, cgroup_root))
			return -EINVAL;
		info->priv = (void *)cgroup_root;
	}
	return 0;
}

const struct xt_match xt_cgroup_match = {
	.name = "cgroup", .revision = 2, .family = NFPROTO_UNSPEC, .match = cgroup_mt_v2,
	.checkentry = cgroup_mt_check_v2, .matchsize = sizeof(struct xt_cgroup_info_v2),
	.hooks = (1 << NF_INET_LOCAL_OUT) | (1 << NF_INET_POST_ROUTING) | (1 << NF_INET_LOCAL_IN),
};
