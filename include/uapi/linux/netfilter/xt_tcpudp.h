/* Info structs of the protocol matches -p tcp/udp/icmp (Linux's
 * include/uapi/linux/netfilter/xt_tcpudp.h and ipt_icmp in ip_tables.h):
 * the bytes `iptables` fills and net/netfilter/xt_tcpudp.c reads. */
#ifndef SKBOX_UAPI_XT_TCPUDP_H
#define SKBOX_UAPI_XT_TCPUDP_H

#include "linux/types.h"

#define XT_TCP_INV_SRCPT	0x01
#define XT_TCP_INV_DSTPT	0x02
#define XT_TCP_INV_FLAGS	0x04
#define XT_TCP_INV_OPTION	0x08
#define XT_TCP_INV_MASK		0x0F

struct xt_tcp {
	u16 spts[2];			/* source port range, host order */
	u16 dpts[2];
	u8 option;			/* --tcp-option: kind, 0 = none */
	u8 flg_mask;			/* --tcp-flags MASK COMP */
	u8 flg_cmp;
	u8 invflags;
};

#define XT_UDP_INV_SRCPT	0x01
#define XT_UDP_INV_DSTPT	0x02

struct xt_udp {
	u16 spts[2];
	u16 dpts[2];
	u8 invflags;
};

#define IPT_ICMP_INV		0x01

struct ipt_icmp {
	u8 type;			/* 0xFF: any */
	u8 code[2];			/* range */
	u8 invflags;
};

/* TCP flag bits as in the header's byte 13 */
#define TCPHDR_FIN 0x01
#define TCPHDR_SYN 0x02
#define TCPHDR_RST 0x04
#define TCPHDR_PSH 0x08
#define TCPHDR_ACK 0x10
#define TCPHDR_URG 0x20
#define TCPHDR_ECE 0x40
#define TCPHDR_CWR 0x80

#endif
