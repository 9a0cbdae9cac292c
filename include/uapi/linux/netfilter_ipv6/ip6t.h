/* The info structs of ip6tables' own extensions (Linux's
 * include/uapi/linux/netfilter_ipv6/ip6t_*.h and ip6_tables.h): the bytes
 * `ip6tables` fills (tools/iptables/libip6t_*.c) and net/ipv6/netfilter/
 * reads. */
#ifndef SKBOX_UAPI_NETFILTER_IPV6_IP6T_H
#define SKBOX_UAPI_NETFILTER_IPV6_IP6T_H

#include <netinet/in.h>
#include "linux/types.h"

/* -m icmp6 (ip6_tables.h) */
#define IP6T_ICMP_INV	0x01
struct ip6t_icmp {
	u8 type;			/* 0xFF: any */
	u8 code[2];
	u8 invflags;
};

/* -m hl */
enum { IP6T_HL_EQ = 0, IP6T_HL_NE, IP6T_HL_LT, IP6T_HL_GT };
struct ip6t_hl_info {
	u8 mode;
	u8 hop_limit;
};

/* -j HL */
enum { IP6T_HL_SET = 0, IP6T_HL_INC, IP6T_HL_DEC };
#define IP6T_HL_MAXMODE IP6T_HL_DEC
struct ip6t_HL_info {
	u8 mode;
	u8 hop_limit;
};

/* -j REJECT */
enum ip6t_reject_with {
	IP6T_ICMP6_NO_ROUTE,
	IP6T_ICMP6_ADM_PROHIBITED,
	IP6T_ICMP6_NOT_NEIGHBOUR,
	IP6T_ICMP6_ADDR_UNREACH,
	IP6T_ICMP6_PORT_UNREACH,
	IP6T_ICMP6_ECHOREPLY,
	IP6T_TCP_RESET,
	IP6T_ICMP6_POLICY_FAIL,
	IP6T_ICMP6_REJECT_ROUTE,
};
struct ip6t_reject_info {
	u32 with;
};

/* -m ipv6header */
#define MASK_HOPOPTS	128
#define MASK_DSTOPTS	64
#define MASK_ROUTING	32
#define MASK_FRAGMENT	16
#define MASK_AH		8
#define MASK_ESP	4
#define MASK_NONE	2
#define MASK_PROTO	1
struct ip6t_ipv6header_info {
	u8 matchflags;
	u8 invflags;
	u8 modeflag;			/* --soft */
};

/* -m frag */
#define IP6T_FRAG_IDS		0x01
#define IP6T_FRAG_LEN		0x02
#define IP6T_FRAG_RES		0x04
#define IP6T_FRAG_FST		0x08
#define IP6T_FRAG_MF		0x10
#define IP6T_FRAG_NMF		0x20
#define IP6T_FRAG_INV_IDS	0x01
#define IP6T_FRAG_INV_LEN	0x02
struct ip6t_frag {
	u32 ids[2];
	u32 hdrlen;
	u8 flags;
	u8 invflags;
};

/* -m hbh / -m dst */
#define IP6T_OPTS_OPTSNR	16
#define IP6T_OPTS_LEN		0x01
#define IP6T_OPTS_OPTS		0x02
#define IP6T_OPTS_NSTRICT	0x04
#define IP6T_OPTS_INV_LEN	0x01
struct ip6t_opts {
	u32 hdrlen;
	u8 flags;
	u8 invflags;
	u16 opts[IP6T_OPTS_OPTSNR];	/* type << 8 | length (0x00ff: any length) */
	u8 optsnr;
};

/* -m rt */
#define IP6T_RT_HOPS		16
#define IP6T_RT_TYP		0x01
#define IP6T_RT_SGS		0x02
#define IP6T_RT_LEN		0x04
#define IP6T_RT_RES		0x08
#define IP6T_RT_FST_MASK	0x30
#define IP6T_RT_FST		0x10
#define IP6T_RT_FST_NSTRICT	0x20
#define IP6T_RT_INV_TYP		0x01
#define IP6T_RT_INV_SGS		0x02
#define IP6T_RT_INV_LEN		0x04
struct ip6t_rt {
	u32 rt_type;
	u32 segsleft[2];
	u32 hdrlen;
	u8 flags;
	u8 invflags;
	struct in6_addr addrs[IP6T_RT_HOPS];
	u8 addrnr;
};

/* -m mh */
#define IP6T_MH_INV_TYPE	0x01
struct ip6t_mh {
	u8 types[2];
	u8 invflags;
};

/* -m ah (ip6t_ah) */
#define IP6T_AH_SPI		0x01
#define IP6T_AH_LEN		0x02
#define IP6T_AH_RES		0x04
#define IP6T_AH_INV_SPI		0x01
#define IP6T_AH_INV_LEN		0x02
struct ip6t_ah {
	u32 spis[2];
	u32 hdrlen;
	u8 hdrres;
	u8 invflags;
};

/* -j SNPT / -j DNPT (ip6t_NPT.h): RFC 6296 prefix translation */
struct ip6t_npt_tginfo {
	struct in6_addr src_pfx;
	struct in6_addr dst_pfx;
	u8 src_pfx_len;
	u8 dst_pfx_len;
	u16 adjustment;			/* Linux's, set by checkentry; skbox computes it
					 * per packet and keeps this 0 (-D compares it) */
};

/* -m srh (revision 1): the segment routing header (routing type 4) */
#define IP6T_SRH_NEXTHDR	0x0001
#define IP6T_SRH_LEN_EQ		0x0002
#define IP6T_SRH_LEN_GT		0x0004
#define IP6T_SRH_LEN_LT		0x0008
#define IP6T_SRH_SEGS_EQ	0x0010
#define IP6T_SRH_SEGS_GT	0x0020
#define IP6T_SRH_SEGS_LT	0x0040
#define IP6T_SRH_LAST_EQ	0x0080
#define IP6T_SRH_LAST_GT	0x0100
#define IP6T_SRH_LAST_LT	0x0200
#define IP6T_SRH_TAG		0x0400
#define IP6T_SRH_PSID		0x0800
#define IP6T_SRH_NSID		0x1000
#define IP6T_SRH_LSID		0x2000
#define IP6T_SRH_MASK		0x3FFF
/* mt_invflags: the same bits */
#define IP6T_SRH_INV_MASK	0x3FFF
struct ip6t_srh1 {
	u8 next_hdr;
	u8 hdr_len;
	u8 segs_left;
	u8 last_entry;
	u16 tag;
	struct in6_addr psid_addr, nsid_addr, lsid_addr;
	struct in6_addr psid_msk, nsid_msk, lsid_msk;
	u16 mt_flags;
	u16 mt_invflags;
};

#endif
