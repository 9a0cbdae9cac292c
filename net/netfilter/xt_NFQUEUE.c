/* -j NFQUEUE (net/netfilter/xt_NFQUEUE.c, revision 3): the verdict
 * NF_QUEUE with the queue number (nf_queue.c takes it from there).  With
 * --queue-balance A:B a flow hash picks the queue, the same for both
 * directions of a connection (nfqueue_hash); with --queue-cpu-fanout the
 * CPU does (skbox runs on CPU 0: queue A).  --queue-bypass: without a
 * reader the packet goes on to the next rule's hook instead of dropping. */
#include <errno.h>
#include "linux/netfilter/x_tables.h"
#include "linux/hash.h"
#include "uapi/linux/netfilter/xt_targets.h"
#include "net/ip.h"
#include "net/ipv6.h"

/* Linux's hash_v4: the lower address first, so replies hash alike. */
static u16 nfqueue_hash(const struct sk_buff *skb, u8 pf, u16 queue, u16 queues_total)
{
	const struct iphdr *iph = ip_hdr(skb);
	u32 a = iph->saddr, b = iph->daddr, h;

	if (pf == NFPROTO_IPV6) {	/* hash_v6: each address folded to a word */
		const struct ipv6hdr *ip6h = ipv6_hdr(skb);

		a = b = 0;
		for (int i = 0; i < 4; i++) {
			a ^= ip6h->saddr.s6_addr32[i];
			b ^= ip6h->daddr.s6_addr32[i];
		}
		h = hash_3words(a < b ? a : b, a < b ? b : a, ip6h->nexthdr);
		return (u16)(queue + (u16)(((u64)h * queues_total) >> 32));
	}

	if (a > b) {
		u32 t = a;

		a = b;
		b = t;
	}
	h = hash_3words(a, b, iph->protocol);
	return (u16)(queue + (u16)(((u64)h * queues_total) >> 32));
}

static unsigned int nfqueue_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct xt_NFQ_info_v3 *info = par->targinfo;
	u16 queue = info->queuenum;
	unsigned int verdict;

	if (info->queues_total > 1) {
		if (!(info->flags & NFQ_FLAG_CPU_FANOUT))
			queue = nfqueue_hash(skb, xt_family(par), queue, info->queues_total);
	}
	verdict = NF_QUEUE_NR(queue);
	if (info->flags & NFQ_FLAG_BYPASS)
		verdict |= NF_VERDICT_FLAG_QUEUE_BYPASS;
	return verdict;
}

static int nfqueue_tg_check(const struct xt_tgchk_param *par)
{
	const struct xt_NFQ_info_v3 *info = par->targinfo;

	if (info->queues_total == 0 || (u32)info->queuenum + info->queues_total - 1 > 0xffff)
		return -ERANGE;
	return (info->flags & ~(NFQ_FLAG_BYPASS | NFQ_FLAG_CPU_FANOUT)) ? -EINVAL : 0;
}

const struct xt_target xt_nfqueue_target = {
	.name = "NFQUEUE", .revision = 3, .family = NFPROTO_UNSPEC, .target = nfqueue_tg,
	.checkentry = nfqueue_tg_check, .targetsize = sizeof(struct xt_NFQ_info_v3),
};
