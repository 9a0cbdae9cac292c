/* Info structs of the core targets (Linux's uapi ipt_REJECT.h, xt_LOG.h,
 * xt_mark.h (MARK), xt_TCPMSS.h, xt_NFQUEUE.h, xt_CLASSIFY.h). */
#ifndef SKBOX_UAPI_XT_TARGETS_H
#define SKBOX_UAPI_XT_TARGETS_H

#include "linux/types.h"

enum ipt_reject_with {
	IPT_ICMP_NET_UNREACHABLE,
	IPT_ICMP_HOST_UNREACHABLE,
	IPT_ICMP_PROT_UNREACHABLE,
	IPT_ICMP_PORT_UNREACHABLE,
	IPT_ICMP_ECHOREPLY,
	IPT_ICMP_NET_PROHIBITED,
	IPT_ICMP_HOST_PROHIBITED,
	IPT_TCP_RESET,
	IPT_ICMP_ADMIN_PROHIBITED,
};

struct ipt_reject_info {
	u32 with;
};

/* LOG */
#define XT_LOG_TCPSEQ		0x01
#define XT_LOG_TCPOPT		0x02
#define XT_LOG_IPOPT		0x04
#define XT_LOG_UID		0x08
#define XT_LOG_NFLOG		0x10
#define XT_LOG_MACDECODE	0x20
#define XT_LOG_MASK		0x2f

struct xt_log_info {
	u8 level;
	u8 logflags;
	char prefix[30];
};

/* MARK (revision 2): mark = (mark & ~mask) ^ value */
struct xt_mark_tginfo2 {
	u32 mark, mask;
};

/* TCPMSS */
#define XT_TCPMSS_CLAMP_PMTU 0xffff
struct xt_tcpmss_info {
	u16 mss;
};

/* NFQUEUE (revision 3) */
#define NFQ_FLAG_BYPASS		0x01
#define NFQ_FLAG_CPU_FANOUT	0x02

struct xt_NFQ_info_v3 {
	u16 queuenum;
	u16 queues_total;
	u16 flags;
};

/* CLASSIFY */
struct xt_classify_target_info {
	u32 priority;
};

#endif
