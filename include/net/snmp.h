/* SNMP counters per namespace (include/net/snmp.h, include/uapi/linux/snmp.h),
 * named as nstat prints them.  One X-macro list per group. */
#ifndef SKBOX_NET_SNMP_H
#define SKBOX_NET_SNMP_H

#include "linux/types.h"

#define IP_MIB_LIST(FN)							\
	FN(INRECEIVES, "IpInReceives") FN(INHDRERRORS, "IpInHdrErrors")	\
	FN(INADDRERRORS, "IpInAddrErrors") FN(OUTFORWDATAGRAMS, "IpForwDatagrams") \
	FN(INUNKNOWNPROTOS, "IpInUnknownProtos") FN(INDISCARDS, "IpInDiscards") \
	FN(INDELIVERS, "IpInDelivers") FN(OUTREQUESTS, "IpOutRequests")	\
	FN(OUTDISCARDS, "IpOutDiscards") FN(OUTNOROUTES, "IpOutNoRoutes")	\
	FN(REASMTIMEOUT, "IpReasmTimeout") FN(REASMREQDS, "IpReasmReqds")	\
	FN(REASMOKS, "IpReasmOKs") FN(REASMFAILS, "IpReasmFails")		\
	FN(FRAGOKS, "IpFragOKs") FN(FRAGFAILS, "IpFragFails")		\
	FN(FRAGCREATES, "IpFragCreates") FN(OUTPKTS, "IpOutTransmits")	\
	FN(INNOROUTES, "IpExtInNoRoutes") FN(INTRUNCATEDPKTS, "IpExtInTruncatedPkts") \
	FN(INMCASTPKTS, "IpExtInMcastPkts") FN(OUTMCASTPKTS, "IpExtOutMcastPkts") \
	FN(INBCASTPKTS, "IpExtInBcastPkts") FN(OUTBCASTPKTS, "IpExtOutBcastPkts") \
	FN(INOCTETS, "IpExtInOctets") FN(OUTOCTETS, "IpExtOutOctets")	\
	FN(INMCASTOCTETS, "IpExtInMcastOctets") FN(OUTMCASTOCTETS, "IpExtOutMcastOctets") \
	FN(INBCASTOCTETS, "IpExtInBcastOctets") FN(OUTBCASTOCTETS, "IpExtOutBcastOctets") \
	FN(CSUMERRORS, "IpExtInCsumErrors") FN(NOECTPKTS, "IpExtInNoECTPkts")	\
	FN(ECT1PKTS, "IpExtInECT1Pkts") FN(ECT0PKTS, "IpExtInECT0Pkts")	\
	FN(CEPKTS, "IpExtInCEPkts") FN(REASM_OVERLAPS, "IpExtReasmOverlaps")

#define ICMP_MIB_LIST(FN)						\
	FN(INMSGS, "IcmpInMsgs") FN(INERRORS, "IcmpInErrors")		\
	FN(CSUMERRORS, "IcmpInCsumErrors") FN(RATELIMITGLOBAL, "IcmpOutRateLimitGlobal") \
	FN(RATELIMITHOST, "IcmpOutRateLimitHost")			\
	FN(OUTMSGS, "IcmpOutMsgs") FN(OUTERRORS, "IcmpOutErrors")

#define UDP_MIB_LIST(FN)						\
	FN(INDATAGRAMS, "UdpInDatagrams") FN(NOPORTS, "UdpNoPorts")	\
	FN(INERRORS, "UdpInErrors") FN(OUTDATAGRAMS, "UdpOutDatagrams")	\
	FN(RCVBUFERRORS, "UdpRcvbufErrors") FN(SNDBUFERRORS, "UdpSndbufErrors") \
	FN(CSUMERRORS, "UdpInCsumErrors") FN(IGNOREDMULTI, "UdpIgnoredMulti") \
	FN(MEMERRORS, "UdpMemErrors")

#define TCP_MIB_LIST(FN)						\
	FN(ACTIVEOPENS, "TcpActiveOpens") FN(PASSIVEOPENS, "TcpPassiveOpens") \
	FN(ATTEMPTFAILS, "TcpAttemptFails") FN(ESTABRESETS, "TcpEstabResets") \
	FN(CURRESTAB, "TcpCurrEstab") FN(INSEGS, "TcpInSegs")		\
	FN(OUTSEGS, "TcpOutSegs") FN(RETRANSSEGS, "TcpRetransSegs")	\
	FN(INERRS, "TcpInErrs") FN(OUTRSTS, "TcpOutRsts")		\
	FN(CSUMERRORS, "TcpInCsumErrors")

#define LINUX_MIB_LIST(FN)						\
	FN(IPRPFILTER, "TcpExtIPReversePathFilter")			\
	FN(ARPFILTER, "TcpExtArpFilter")				\
	FN(TIMEWAITED, "TcpExtTW") FN(DELAYEDACKS, "TcpExtDelayedACKs")	\
	FN(TIMEWAITRECYCLED, "TcpExtTWRecycled")				\
	FN(LISTENOVERFLOWS, "TcpExtListenOverflows")			\
	FN(LISTENDROPS, "TcpExtListenDrops")				\
	FN(TCPPUREACKS, "TcpExtTCPPureAcks")				\
	FN(TCPTIMEOUTS, "TcpExtTCPTimeouts")				\
	FN(TCPFASTRETRANS, "TcpExtTCPFastRetrans")			\
	FN(TCPSLOWSTARTRETRANS, "TcpExtTCPSlowStartRetrans")		\
	FN(TCPSACKRECOVERY, "TcpExtTCPSackRecovery")			\
	FN(TCPRENORECOVERY, "TcpExtTCPRenoRecovery")			\
	FN(TCPABORTONDATA, "TcpExtTCPAbortOnData")			\
	FN(TCPABORTONCLOSE, "TcpExtTCPAbortOnClose")			\
	FN(TCPABORTONTIMEOUT, "TcpExtTCPAbortOnTimeout")		\
	FN(TCPABORTONLINGER, "TcpExtTCPAbortOnLinger")			\
	FN(TCPCHALLENGEACK, "TcpExtTCPChallengeACK")			\
	FN(TCPSYNCHALLENGE, "TcpExtTCPSYNChallenge")			\
	FN(TCPORIGDATASENT, "TcpExtTCPOrigDataSent")			\
	FN(TCPDELIVERED, "TcpExtTCPDelivered")				\
	FN(TCPHPHITS, "TcpExtTCPHPHits")				\
	FN(TCPHPACKS, "TcpExtTCPHPAcks")				\
	FN(TCPBACKLOGCOALESCE, "TcpExtTCPBacklogCoalesce")		\
	FN(TCPOFOQUEUE, "TcpExtTCPOFOQueue")				\
	FN(TCPSACKSHIFTED, "TcpExtTCPSackShifted")			\
	FN(TCPKEEPALIVE, "TcpExtTCPKeepAlive")				\
	FN(TCPLOSSPROBES, "TcpExtTCPLossProbes")			\
	FN(TCPSYNRETRANS, "TcpExtTCPSynRetrans")			\
	FN(TCPRCVCOALESCE, "TcpExtTCPRcvCoalesce")			\
	FN(TCPWINPROBE, "TcpExtTCPWinProbe")				\
	FN(SYNCOOKIESSENT, "TcpExtSyncookiesSent")			\
	FN(SYNCOOKIESRECV, "TcpExtSyncookiesRecv")			\
	FN(SYNCOOKIESFAILED, "TcpExtSyncookiesFailed")		\
	FN(TCPLOSSPROBERECOVERY, "TcpExtTCPLossProbeRecovery")		\
	FN(TCPSPURIOUSRTOS, "TcpExtTCPSpuriousRTOs")			\
	FN(TCPDSACKUNDO, "TcpExtTCPDSACKUndo")				\
	FN(TCPFULLUNDO, "TcpExtTCPFullUndo")				\
	FN(TCPPARTIALUNDO, "TcpExtTCPPartialUndo")			\
	FN(TCPLOSSUNDO, "TcpExtTCPLossUndo")				\
	FN(TCPLOSTRETRANSMIT, "TcpExtTCPLostRetransmit")		\
	FN(TCPDSACKRECV, "TcpExtTCPDSACKRecv")				\
	FN(TCPSACKREORDER, "TcpExtTCPSACKReorder")

enum {
#define FN(id, name) IPSTATS_MIB_##id,
	IP_MIB_LIST(FN)
#undef FN
	__IPSTATS_MIB_MAX
};

enum {
#define FN(id, name) ICMP_MIB_##id,
	ICMP_MIB_LIST(FN)
#undef FN
	__ICMP_MIB_MAX
};

enum {
#define FN(id, name) UDP_MIB_##id,
	UDP_MIB_LIST(FN)
#undef FN
	__UDP_MIB_MAX
};

enum {
#define FN(id, name) TCP_MIB_##id,
	TCP_MIB_LIST(FN)
#undef FN
	__TCP_MIB_MAX
};

enum {
#define FN(id, name) LINUX_MIB_##id,
	LINUX_MIB_LIST(FN)
#undef FN
	__LINUX_MIB_MAX
};

struct netns_mib {
	u64 ip[__IPSTATS_MIB_MAX];
	u64 icmp[__ICMP_MIB_MAX];
	u64 icmpmsg_in[256];		/* IcmpMsgInTypeN */
	u64 icmpmsg_out[256];		/* IcmpMsgOutTypeN */
	u64 udp[__UDP_MIB_MAX];
	u64 tcp[__TCP_MIB_MAX];
	u64 linux_mib[__LINUX_MIB_MAX];
};

#define __IP_INC_STATS(net, field) ((net)->mib.ip[field]++)
#define __IP_ADD_STATS(net, field, val) ((net)->mib.ip[field] += (val))
#define __ICMP_INC_STATS(net, field) ((net)->mib.icmp[field]++)
#define __UDP_INC_STATS(net, field) ((net)->mib.udp[field]++)
#define __NET_INC_STATS(net, field) ((net)->mib.linux_mib[field]++)
#define __TCP_INC_STATS(net, field) ((net)->mib.tcp[field]++)
#define TCP_INC_STATS __TCP_INC_STATS
#define NET_INC_STATS __NET_INC_STATS
/* IpExt{In,Out}{,Mcast,Bcast}: packets and octets together (field##PKTS). */
#define IP_UPD_PO_STATS(net, field, val)				\
	((net)->mib.ip[field##PKTS]++, (net)->mib.ip[field##OCTETS] += (val))
#define IP_INC_STATS __IP_INC_STATS
#define IP_ADD_STATS __IP_ADD_STATS

#endif
