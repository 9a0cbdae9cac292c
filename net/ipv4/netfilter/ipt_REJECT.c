/* -j REJECT (net/ipv4/netfilter/ipt_REJECT.c): drop the packet and answer
 * it, with an ICMP destination-unreachable of the chosen code or a TCP RST
 * (nf_reject_ipv4.c).  Allowed in INPUT, FORWARD and OUTPUT. */
#include <errno.h>
#include "net/netfilter/nf_reject.h"
#include "uapi/linux/netfilter/xt_targets.h"
#include "net/icmp.h"

static const int reject_icmp_code[] = {
	[IPT_ICMP_NET_UNREACHABLE] = ICMP_NET_UNREACH,
	[IPT_ICMP_HOST_UNREACHABLE] = ICMP_HOST_UNREACH,
	[IPT_ICMP_PROT_UNREACHABLE] = ICMP_PROT_UNREACH,
	[IPT_ICMP_PORT_UNREACHABLE] = ICMP_PORT_UNREACH,
	[IPT_ICMP_NET_PROHIBITED] = ICMP_NET_ANO,
	[IPT_ICMP_HOST_PROHIBITED] = ICMP_HOST_ANO,
	[IPT_ICMP_ADMIN_PROHIBITED] = ICMP_PKT_FILTERED,
};

static unsigned int reject_tg(struct sk_buff *skb, const struct xt_action_param *par)
{
	const struct ipt_reject_info *reject = par->targinfo;
	int hook = (int)xt_hooknum(par);

	if (reject->with == IPT_TCP_RESET)
		nf_send_reset(xt_net(par), skb, hook);
	else if (reject->with < ARRAY_SIZE(reject_icmp_code) &&
		 reject->with != IPT_ICMP_ECHOREPLY)
		nf_send_unreach(skb, reject_icmp_code[reject->with], hook);
	return NF_DROP;
}

static int reject_tg_check(const struct xt_tgchk_param *par)
{
	const struct ipt_reject_info *rejinfo = par->targinfo;
	const struct ipt_ip *e = par->entryinfo;

	if (rejinfo->with == IPT_ICMP_ECHOREPLY || rejinfo->with > IPT_ICMP_ADMIN_PROHIBITED)
		return -EINVAL;
	if (rejinfo->with == IPT_TCP_RESET && (e->proto != 6 || (e->invflags & IPT_INV_PROTO)))
		return -EINVAL;
	return 0;
}

const struct xt_target ipt_reject_target = {
	.name = "REJECT", .family = NFPROTO_IPV4, .target = reject_tg,
	.checkentry = reject_tg_check, .targetsize = sizeof(struct ipt_reject_info),
	.hooks = (1 << NF_INET_LOCAL_IN) | (1 << NF_INET_FORWARD) | (1 << NF_INET_LOCAL_OUT),
};
