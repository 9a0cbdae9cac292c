/* -j TCPMSS (net/netfilter/xt_TCPMSS.c): lowers the MSS option of a TCP
 * SYN, to a fixed value (--set-mss) or to the route's MTU minus 40
 * (--clamp-mss-to-pmtu), and fixes the checksum by RFC 1624.  Like Linux
 * it never raises an MSS.  (Linux also inserts an MSS option into a SYN
 * that has none; skbox leaves such a SYN alone.) */
#include <errno.h>
#include <string.h>
#include "linux/netfilter/x_tables.h"
#include "uapi/linux/netfilter/xt_targets.h"
#include "uapi/linux/netfilter/xt_tcpudp.h"
#include "net/ip.h"
#include "net/dst.h"

static u16 tcpmss_wanted(const struct sk_buff *skb, const struct xt_tcpmss_info *info)
{
	unsigned int mtu;

	if (info->mss != XT_TCPMSS_CLAMP_PMTU)
		return info->mss;
	if (!skb_dst(skb))
		return 0;
	mtu = dst_mtu(skb_dst(skb));
	if (skb->dev && skb->dev->mtu < mtu && skb_dst(skb)->dev != skb->dev)
		mtu = skb->dev->mtu;
	return mtu > 40 ? (u16)(mtu - 40) : 0;
}

/* The MSS option's value bytes in the writable header th, or NULL. */
static u8 *tcpmss_find(u8 *th, unsigned int doff)
{
	for (unsigned int i = 20; i + 1 < doff;) {
		if (th[i] == 0)
			return NULL;
		if (th[i] == 1) {
			i++;
			continue;
		}
		if (th[i] == 2 && th[i + 1] == 4 && i + 4 <= doff)
			return th + i + 2;
		if (th[i + 1] < 2)
			return NULL;
		i += th[i + 1];
	}
	return NULL;
}

static unsigned int tcpmss_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	u16 newmss = tcpmss_wanted(skb, par->targinfo), oldmss;
	unsigned int doff;
	u8 *th, *opt;
	__be16 o, n;

	if (par->fragoff != 0 || !newmss || skb_cow(skb, 0) ||
	    !pskb_may_pull(skb, par->thoff + 20))
		return XT_CONTINUE;
	th = skb->data + par->thoff;
	doff = (th[12] >> 4) * 4u;
	if (doff < 20 || !pskb_may_pull(skb, par->thoff + doff))
		return XT_CONTINUE;
	th = skb->data + par->thoff;
	opt = tcpmss_find(th, doff);
	if (!opt)
		return XT_CONTINUE;
	oldmss = (u16)(opt[0] << 8 | opt[1]);
	if (oldmss <= newmss)
		return XT_CONTINUE;
	memcpy(&o, opt, 2);
	n = htons(newmss);
	memcpy(opt, &n, 2);
	csum_replace2((__sum16 *)(th + 16), o, n);
	return XT_CONTINUE;
}

static int tcpmss_tg_check(const struct xt_tgchk_param *par)
{
	const struct xt_tcpmss_info *info = par->targinfo;

	if (info->mss == XT_TCPMSS_CLAMP_PMTU &&
	    (par->hook_mask & ~((1 << NF_INET_FORWARD) | (1 << NF_INET_LOCAL_OUT) |
				(1 << NF_INET_POST_ROUTING))))
		return -EINVAL;
	return 0;
}

const struct xt_target xt_tcpmss_target = {
	.name = "TCPMSS", .family = NFPROTO_IPV4, .target = tcpmss_tg,
	.checkentry = tcpmss_tg_check, .targetsize = sizeof(struct xt_tcpmss_info), .proto = 6,
};
