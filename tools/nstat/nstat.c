/* nstat, as iproute2 6.1 (misc/nstat.c) prints it: the namespace's SNMP
 * counters, i.e. what the kernel exports in /proc/net/snmp, /proc/net/snmp6
 * and /proc/net/netstat (net/ipv4/proc.c, net/ipv6/proc.c), in that order
 * and under the names nstat gives them.  skbox keeps no history file
 * (/tmp/.nstat.uUID), so plain `nstat` and `nstat -r` print absolute values
 * as `nstat -a` does.  Counters skbox does not keep print 0 (-z). */
#include <fnmatch.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "skbox/cmd.h"
#include "net/net_namespace.h"
#include "net/snmp.h"

/* Every name `nstat -az` prints in a fresh namespace, in order.  "IcmpMsg"
 * stands for the IcmpMsgInTypeN/OutTypeN lines, present only when non-zero
 * (icmpmsg_put() in net/ipv4/proc.c).  IpForwarding, IpDefaultTTL, TcpRto*,
 * TcpMaxConn and TcpCurrEstab are values, not counters: nstat drops them. */
static const char *const nstat_names[] = {
	"IpInReceives", "IpInHdrErrors", "IpInAddrErrors", "IpForwDatagrams",
	"IpInUnknownProtos", "IpInDiscards", "IpInDelivers", "IpOutRequests",
	"IpOutDiscards", "IpOutNoRoutes", "IpReasmTimeout", "IpReasmReqds",
	"IpReasmOKs", "IpReasmFails", "IpFragOKs", "IpFragFails",
	"IpFragCreates", "IpOutTransmits", "IcmpInMsgs", "IcmpInErrors",
	"IcmpInCsumErrors", "IcmpInDestUnreachs", "IcmpInTimeExcds",
	"IcmpInParmProbs", "IcmpInSrcQuenchs", "IcmpInRedirects", "IcmpInEchos",
	"IcmpInEchoReps", "IcmpInTimestamps", "IcmpInTimestampReps",
	"IcmpInAddrMasks", "IcmpInAddrMaskReps", "IcmpOutMsgs", "IcmpOutErrors",
	"IcmpOutRateLimitGlobal", "IcmpOutRateLimitHost", "IcmpOutDestUnreachs",
	"IcmpOutTimeExcds", "IcmpOutParmProbs", "IcmpOutSrcQuenchs",
	"IcmpOutRedirects", "IcmpOutEchos", "IcmpOutEchoReps",
	"IcmpOutTimestamps", "IcmpOutTimestampReps", "IcmpOutAddrMasks",
	"IcmpOutAddrMaskReps", "IcmpMsg", "TcpActiveOpens", "TcpPassiveOpens",
	"TcpAttemptFails", "TcpEstabResets", "TcpInSegs", "TcpOutSegs",
	"TcpRetransSegs", "TcpInErrs", "TcpOutRsts", "TcpInCsumErrors",
	"UdpInDatagrams", "UdpNoPorts", "UdpInErrors", "UdpOutDatagrams",
	"UdpRcvbufErrors", "UdpSndbufErrors", "UdpInCsumErrors",
	"UdpIgnoredMulti", "UdpMemErrors", "UdpLiteInDatagrams",
	"UdpLiteNoPorts", "UdpLiteInErrors", "UdpLiteOutDatagrams",
	"UdpLiteRcvbufErrors", "UdpLiteSndbufErrors", "UdpLiteInCsumErrors",
	"UdpLiteIgnoredMulti", "UdpLiteMemErrors", "Ip6InReceives",
	"Ip6InHdrErrors", "Ip6InTooBigErrors", "Ip6InNoRoutes",
	"Ip6InAddrErrors", "Ip6InUnknownProtos", "Ip6InTruncatedPkts",
	"Ip6InDiscards", "Ip6InDelivers", "Ip6OutForwDatagrams",
	"Ip6OutRequests", "Ip6OutDiscards", "Ip6OutNoRoutes", "Ip6ReasmTimeout",
	"Ip6ReasmReqds", "Ip6ReasmOKs", "Ip6ReasmFails", "Ip6FragOKs",
	"Ip6FragFails", "Ip6FragCreates", "Ip6InMcastPkts", "Ip6OutMcastPkts",
	"Ip6InOctets", "Ip6OutOctets", "Ip6InMcastOctets", "Ip6OutMcastOctets",
	"Ip6InBcastOctets", "Ip6OutBcastOctets", "Ip6InNoECTPkts",
	"Ip6InECT1Pkts", "Ip6InECT0Pkts", "Ip6InCEPkts", "Ip6OutTransmits",
	"Icmp6InMsgs", "Icmp6InErrors", "Icmp6OutMsgs", "Icmp6OutErrors",
	"Icmp6InCsumErrors", "Icmp6OutRateLimitHost", "Icmp6InDestUnreachs",
	"Icmp6InPktTooBigs", "Icmp6InTimeExcds", "Icmp6InParmProblems",
	"Icmp6InEchos", "Icmp6InEchoReplies", "Icmp6InGroupMembQueries",
	"Icmp6InGroupMembResponses", "Icmp6InGroupMembReductions",
	"Icmp6InRouterSolicits", "Icmp6InRouterAdvertisements",
	"Icmp6InNeighborSolicits", "Icmp6InNeighborAdvertisements",
	"Icmp6InRedirects", "Icmp6InMLDv2Reports", "Icmp6OutDestUnreachs",
	"Icmp6OutPktTooBigs", "Icmp6OutTimeExcds", "Icmp6OutParmProblems",
	"Icmp6OutEchos", "Icmp6OutEchoReplies", "Icmp6OutGroupMembQueries",
	"Icmp6OutGroupMembResponses", "Icmp6OutGroupMembReductions",
	"Icmp6OutRouterSolicits", "Icmp6OutRouterAdvertisements",
	"Icmp6OutNeighborSolicits", "Icmp6OutNeighborAdvertisements",
	"Icmp6OutRedirects", "Icmp6OutMLDv2Reports", "Udp6InDatagrams",
	"Udp6NoPorts", "Udp6InErrors", "Udp6OutDatagrams", "Udp6RcvbufErrors",
	"Udp6SndbufErrors", "Udp6InCsumErrors", "Udp6IgnoredMulti",
	"Udp6MemErrors", "UdpLite6InDatagrams", "UdpLite6NoPorts",
	"UdpLite6InErrors", "UdpLite6OutDatagrams", "UdpLite6RcvbufErrors",
	"UdpLite6SndbufErrors", "UdpLite6InCsumErrors", "UdpLite6MemErrors",
	"TcpExtSyncookiesSent", "TcpExtSyncookiesRecv",
	"TcpExtSyncookiesFailed", "TcpExtEmbryonicRsts", "TcpExtPruneCalled",
	"TcpExtRcvPruned", "TcpExtOfoPruned", "TcpExtOutOfWindowIcmps",
	"TcpExtLockDroppedIcmps", "TcpExtArpFilter", "TcpExtTW",
	"TcpExtTWRecycled", "TcpExtTWKilled", "TcpExtPAWSActive",
	"TcpExtPAWSEstab", "TcpExtBeyondWindow", "TcpExtTSEcrRejected",
	"TcpExtPAWSOldAck", "TcpExtPAWSTimewait", "TcpExtDelayedACKs",
	"TcpExtDelayedACKLocked", "TcpExtDelayedACKLost",
	"TcpExtListenOverflows", "TcpExtListenDrops", "TcpExtTCPHPHits",
	"TcpExtTCPPureAcks", "TcpExtTCPHPAcks", "TcpExtTCPRenoRecovery",
	"TcpExtTCPSackRecovery", "TcpExtTCPSACKReneging",
	"TcpExtTCPSACKReorder", "TcpExtTCPRenoReorder", "TcpExtTCPTSReorder",
	"TcpExtTCPFullUndo", "TcpExtTCPPartialUndo", "TcpExtTCPDSACKUndo",
	"TcpExtTCPLossUndo", "TcpExtTCPLostRetransmit", "TcpExtTCPRenoFailures",
	"TcpExtTCPSackFailures", "TcpExtTCPLossFailures",
	"TcpExtTCPFastRetrans", "TcpExtTCPSlowStartRetrans",
	"TcpExtTCPTimeouts", "TcpExtTCPLossProbes",
	"TcpExtTCPLossProbeRecovery", "TcpExtTCPRenoRecoveryFail",
	"TcpExtTCPSackRecoveryFail", "TcpExtTCPRcvCollapsed",
	"TcpExtTCPBacklogCoalesce", "TcpExtTCPDSACKOldSent",
	"TcpExtTCPDSACKOfoSent", "TcpExtTCPDSACKRecv", "TcpExtTCPDSACKOfoRecv",
	"TcpExtTCPAbortOnData", "TcpExtTCPAbortOnClose",
	"TcpExtTCPAbortOnMemory", "TcpExtTCPAbortOnTimeout",
	"TcpExtTCPAbortOnLinger", "TcpExtTCPAbortFailed",
	"TcpExtTCPMemoryPressures", "TcpExtTCPMemoryPressuresChrono",
	"TcpExtTCPSACKDiscard", "TcpExtTCPDSACKIgnoredOld",
	"TcpExtTCPDSACKIgnoredNoUndo", "TcpExtTCPSpuriousRTOs",
	"TcpExtTCPMD5NotFound", "TcpExtTCPMD5Unexpected", "TcpExtTCPMD5Failure",
	"TcpExtTCPSackShifted", "TcpExtTCPSackMerged",
	"TcpExtTCPSackShiftFallback", "TcpExtTCPBacklogDrop",
	"TcpExtPFMemallocDrop", "TcpExtTCPMinTTLDrop",
	"TcpExtTCPDeferAcceptDrop", "TcpExtIPReversePathFilter",
	"TcpExtTCPTimeWaitOverflow", "TcpExtTCPReqQFullDoCookies",
	"TcpExtTCPReqQFullDrop", "TcpExtTCPRetransFail", "TcpExtTCPRcvCoalesce",
	"TcpExtTCPOFOQueue", "TcpExtTCPOFODrop", "TcpExtTCPOFOMerge",
	"TcpExtTCPChallengeACK", "TcpExtTCPSYNChallenge",
	"TcpExtTCPFastOpenActive", "TcpExtTCPFastOpenActiveFail",
	"TcpExtTCPFastOpenPassive", "TcpExtTCPFastOpenPassiveFail",
	"TcpExtTCPFastOpenListenOverflow", "TcpExtTCPFastOpenCookieReqd",
	"TcpExtTCPFastOpenBlackhole", "TcpExtTCPSpuriousRtxHostQueues",
	"TcpExtBusyPollRxPackets", "TcpExtTCPAutoCorking",
	"TcpExtTCPFromZeroWindowAdv", "TcpExtTCPToZeroWindowAdv",
	"TcpExtTCPWantZeroWindowAdv", "TcpExtTCPSynRetrans",
	"TcpExtTCPOrigDataSent", "TcpExtTCPHystartTrainDetect",
	"TcpExtTCPHystartTrainCwnd", "TcpExtTCPHystartDelayDetect",
	"TcpExtTCPHystartDelayCwnd", "TcpExtTCPACKSkippedSynRecv",
	"TcpExtTCPACKSkippedPAWS", "TcpExtTCPACKSkippedSeq",
	"TcpExtTCPACKSkippedFinWait2", "TcpExtTCPACKSkippedTimeWait",
	"TcpExtTCPACKSkippedChallenge", "TcpExtTCPWinProbe",
	"TcpExtTCPKeepAlive", "TcpExtTCPMTUPFail", "TcpExtTCPMTUPSuccess",
	"TcpExtTCPDelivered", "TcpExtTCPDeliveredCE", "TcpExtTCPAckCompressed",
	"TcpExtTCPZeroWindowDrop", "TcpExtTCPRcvQDrop", "TcpExtTCPWqueueTooBig",
	"TcpExtTCPFastOpenPassiveAltKey", "TcpExtTcpTimeoutRehash",
	"TcpExtTcpDuplicateDataRehash", "TcpExtTCPDSACKRecvSegs",
	"TcpExtTCPDSACKIgnoredDubious", "TcpExtTCPMigrateReqSuccess",
	"TcpExtTCPMigrateReqFailure", "TcpExtTCPPLBRehash",
	"TcpExtTCPAORequired", "TcpExtTCPAOBad", "TcpExtTCPAOKeyNotFound",
	"TcpExtTCPAOGood", "TcpExtTCPAODroppedIcmps", "IpExtInNoRoutes",
	"IpExtInTruncatedPkts", "IpExtInMcastPkts", "IpExtOutMcastPkts",
	"IpExtInBcastPkts", "IpExtOutBcastPkts", "IpExtInOctets",
	"IpExtOutOctets", "IpExtInMcastOctets", "IpExtOutMcastOctets",
	"IpExtInBcastOctets", "IpExtOutBcastOctets", "IpExtInCsumErrors",
	"IpExtInNoECTPkts", "IpExtInECT1Pkts", "IpExtInECT0Pkts",
	"IpExtInCEPkts", "IpExtReasmOverlaps", "MPTcpExtMPCapableSYNRX",
	"MPTcpExtMPCapableSYNTX", "MPTcpExtMPCapableSYNACKRX",
	"MPTcpExtMPCapableACKRX", "MPTcpExtMPCapableFallbackACK",
	"MPTcpExtMPCapableFallbackSYNACK", "MPTcpExtMPCapableSYNTXDrop",
	"MPTcpExtMPCapableSYNTXDisabled", "MPTcpExtMPCapableEndpAttempt",
	"MPTcpExtMPFallbackTokenInit", "MPTcpExtMPTCPRetrans",
	"MPTcpExtMPJoinNoTokenFound", "MPTcpExtMPJoinSynRx",
	"MPTcpExtMPJoinSynBackupRx", "MPTcpExtMPJoinSynAckRx",
	"MPTcpExtMPJoinSynAckBackupRx", "MPTcpExtMPJoinSynAckHMacFailure",
	"MPTcpExtMPJoinAckRx", "MPTcpExtMPJoinAckHMacFailure",
	"MPTcpExtMPJoinRejected", "MPTcpExtMPJoinSynTx",
	"MPTcpExtMPJoinSynTxCreatSkErr", "MPTcpExtMPJoinSynTxBindErr",
	"MPTcpExtMPJoinSynTxConnectErr", "MPTcpExtDSSNotMatching",
	"MPTcpExtDSSCorruptionFallback", "MPTcpExtDSSCorruptionReset",
	"MPTcpExtInfiniteMapTx", "MPTcpExtInfiniteMapRx",
	"MPTcpExtDSSNoMatchTCP", "MPTcpExtDataCsumErr", "MPTcpExtOFOQueueTail",
	"MPTcpExtOFOQueue", "MPTcpExtOFOMerge", "MPTcpExtNoDSSInWindow",
	"MPTcpExtDuplicateData", "MPTcpExtAddAddr", "MPTcpExtAddAddrTx",
	"MPTcpExtAddAddrTxDrop", "MPTcpExtEchoAdd", "MPTcpExtEchoAddTx",
	"MPTcpExtEchoAddTxDrop", "MPTcpExtPortAdd", "MPTcpExtAddAddrDrop",
	"MPTcpExtMPJoinPortSynRx", "MPTcpExtMPJoinPortSynAckRx",
	"MPTcpExtMPJoinPortAckRx", "MPTcpExtMismatchPortSynRx",
	"MPTcpExtMismatchPortAckRx", "MPTcpExtRmAddr", "MPTcpExtRmAddrDrop",
	"MPTcpExtRmAddrTx", "MPTcpExtRmAddrTxDrop", "MPTcpExtRmSubflow",
	"MPTcpExtMPPrioTx", "MPTcpExtMPPrioRx", "MPTcpExtMPFailTx",
	"MPTcpExtMPFailRx", "MPTcpExtMPFastcloseTx", "MPTcpExtMPFastcloseRx",
	"MPTcpExtMPRstTx", "MPTcpExtMPRstRx", "MPTcpExtSubflowStale",
	"MPTcpExtSubflowRecover", "MPTcpExtSndWndShared",
	"MPTcpExtRcvWndShared", "MPTcpExtRcvWndConflictUpdate",
	"MPTcpExtRcvWndConflict", "MPTcpExtMPCurrEstab", "MPTcpExtBlackhole",
	"MPTcpExtMPCapableDataFallback", "MPTcpExtMD5SigFallback",
	"MPTcpExtDssFallback", "MPTcpExtSimultConnectFallback",
	"MPTcpExtFallbackFailed", "MPTcpExtWinProbe",
};

#define FN(id, name) name,
static const char *const ip_names[] = { IP_MIB_LIST(FN) };
static const char *const icmp_names[] = { ICMP_MIB_LIST(FN) };
static const char *const udp_names[] = { UDP_MIB_LIST(FN) };
static const char *const tcp_names[] = { TCP_MIB_LIST(FN) };
static const char *const linux_names[] = { LINUX_MIB_LIST(FN) };
#undef FN

/* Per-type Icmp{In,Out}X: icmp_put() derives them from the IcmpMsg table. */
static const struct {
	const char *name;
	int type;
} icmp_types[] = {
	{ "DestUnreachs", 3 }, { "TimeExcds", 11 }, { "ParmProbs", 12 },
	{ "SrcQuenchs", 4 }, { "Redirects", 5 }, { "Echos", 8 },
	{ "EchoReps", 0 }, { "Timestamps", 13 }, { "TimestampReps", 14 },
	{ "AddrMasks", 17 }, { "AddrMaskReps", 18 },
};

struct nstat_opts {
	struct cmd_ctx *ctx;
	bool zeros, json, pretty, no_output;
	const char **patterns;
	int npatterns;
	int printed;
};

static bool icmp_type_value(const struct netns_mib *mib, const char *name,
			    u64 *val)
{
	const u64 *table;

	if (!strncmp(name, "IcmpIn", 6)) {
		table = mib->icmpmsg_in;
		name += 6;
	} else if (!strncmp(name, "IcmpOut", 7)) {
		table = mib->icmpmsg_out;
		name += 7;
	} else {
		return false;
	}
	for (size_t i = 0; i < sizeof(icmp_types) / sizeof(icmp_types[0]); i++)
		if (!strcmp(icmp_types[i].name, name)) {
			*val = table[icmp_types[i].type];
			return true;
		}
	return false;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

bool snmp6_value(const struct net *net, const char *name, u64 *val);	/* net/ipv6/proc.c */

/* Where each of nstat_names is kept: the MIB table and the index in it,
 * found once per process (a search of 300 names for each of 390 was a
 * twentieth of a script's time); the rest are looked up by name. */
static struct {
	signed char table;	/* 0 ip, 1 icmp, 2 udp, 3 tcp, 4 linux, -1 by name */
	short idx;
} nstat_where[sizeof(nstat_names) / sizeof(nstat_names[0])];
static pthread_once_t nstat_where_once = PTHREAD_ONCE_INIT;

static void nstat_where_init(void)
{
	static const struct { const char *const *names; size_t n; } tables[] = {
		{ ip_names, NELEM(ip_names) }, { icmp_names, NELEM(icmp_names) },
		{ udp_names, NELEM(udp_names) }, { tcp_names, NELEM(tcp_names) },
		{ linux_names, NELEM(linux_names) },
	};

	for (size_t i = 0; i < NELEM(nstat_names); i++) {
		nstat_where[i].table = -1;
		for (size_t t = 0; t < NELEM(tables) && nstat_where[i].table < 0; t++)
			for (size_t k = 0; k < tables[t].n; k++)
				if (!strcmp(tables[t].names[k], nstat_names[i])) {
					nstat_where[i].table = (signed char)t;
					nstat_where[i].idx = (short)k;
					break;
				}
	}
}

/* The counter's value in this namespace (nstat_names[i]); 0 for those skbox does
 * not keep. */
static u64 counter_value_at(const struct netns_mib *mib, size_t i)
{
	const u64 *const vals[] = { mib->ip, mib->icmp, mib->udp, mib->tcp, mib->linux_mib };
	u64 val = 0;

	pthread_once(&nstat_where_once, nstat_where_init);
	if (nstat_where[i].table >= 0)
		return vals[nstat_where[i].table][nstat_where[i].idx];
	if (icmp_type_value(mib, nstat_names[i], &val) ||
	    snmp6_value((const struct net *)((const char *)mib - offsetof(struct net, mib)),
			nstat_names[i], &val))
		return val;
	return 0;
}

/* match(): shell patterns, case-insensitive; no pattern matches all. */
static bool nstat_match(const struct nstat_opts *o, const char *name)
{
	if (o->npatterns == 0)
		return true;
	for (int i = 0; i < o->npatterns; i++)
		if (!fnmatch(o->patterns[i], name, FNM_CASEFOLD))
			return true;
	return false;
}

/* dump_kern_db(): one line "%-32s%-16llu%6.1f" or one JSON member. */
static void nstat_emit(struct nstat_opts *o, const char *name, u64 val)
{
	FILE *out = o->ctx->out;

	if ((!o->zeros && !val) || !nstat_match(o, name))
		return;
	if (!o->json) {
		fprintf(out, "%-32s%-16llu%6.1f\n", name,
			(unsigned long long)val, 0.0);
	} else if (o->pretty) {
		fprintf(out, "%s\n        \"%s\": %llu", o->printed ? "," : "",
			name, (unsigned long long)val);
	} else {
		fprintf(out, "%s\"%s\":%llu", o->printed ? "," : "", name,
			(unsigned long long)val);
	}
	o->printed++;
}

/* icmpmsg_put(): the non-zero In types, then the non-zero Out types. */
static void nstat_emit_icmpmsg(struct nstat_opts *o, const struct netns_mib *mib)
{
	char name[32];

	for (int dir = 0; dir < 2; dir++)
		for (int type = 0; type < 256; type++) {
			u64 val = dir ? mib->icmpmsg_out[type] : mib->icmpmsg_in[type];

			if (!val)
				continue;
			snprintf(name, sizeof(name), "IcmpMsg%sType%d",
				 dir ? "Out" : "In", type);
			nstat_emit(o, name, val);
		}
}

static void nstat_dump(struct nstat_opts *o, const struct netns_mib *mib)
{
	FILE *out = o->ctx->out;

	if (!o->json)
		fputs("#kernel\n", out);
	else
		fputs(o->pretty ? "{\n    \"kernel\": {" : "{\"kernel\":{", out);
	for (size_t i = 0; i < NELEM(nstat_names); i++) {
		if (!strcmp(nstat_names[i], "IcmpMsg"))
			nstat_emit_icmpmsg(o, mib);
		else
			nstat_emit(o, nstat_names[i], counter_value_at(mib, i));
	}
	if (!o->json)
		return;
	if (o->pretty)
		fputs(o->printed ? "\n    }\n}\n" : "}\n}\n", out);
	else
		fputs("}}\n", out);
}

static int nstat_usage(struct cmd_ctx *ctx)
{
	fputs("Usage: nstat [OPTION] [ PATTERN [ PATTERN ] ]\n"
	      "   -h, --help          this message\n"
	      "   -a, --ignore        ignore history\n"
	      "   -d, --scan=SECS     sample every statistics every SECS\n"
	      "   -j, --json          format output in JSON\n"
	      "   -n, --nooutput      do history only\n"
	      "   -p, --pretty        pretty print\n"
	      "   -r, --reset         reset history\n"
	      "   -s, --noupdate      don't update history\n"
	      "   -t, --interval=SECS report average over the last SECS\n"
	      "   -V, --version       output version information\n"
	      "   -z, --zeros         show entries with zero activity\n",
	      ctx->err);
	return 255;
}

/* One short option.  Returns -1 to go on, else the exit status.  History
 * options (-a -r -s) change nothing: there is no history. */
static int nstat_flag(struct nstat_opts *o, char c)
{
	switch (c) {
	case 'z': o->zeros = true; return -1;
	case 'j': o->json = true; return -1;
	case 'p': o->pretty = true; return -1;
	case 'n': o->no_output = true; return -1;
	case 'a': case 'r': case 's': return -1;
	case 'v': case 'V':
		fputs("nstat utility, iproute2-6.1.0\n", o->ctx->out);
		return 0;
	case 'h': case '?':
		return nstat_usage(o->ctx);
	default:
		fprintf(o->ctx->err, "nstat: invalid option -- '%c'\n", c);
		return nstat_usage(o->ctx);
	}
}

static const struct {
	const char *name;
	char flag;
} nstat_longopts[] = {
	{ "zeros", 'z' }, { "json", 'j' }, { "pretty", 'p' },
	{ "nooutput", 'n' }, { "ignore", 'a' }, { "reset", 'r' },
	{ "noupdate", 's' }, { "version", 'V' }, { "help", 'h' },
};

static int nstat_longopt(struct nstat_opts *o, const char *arg)
{
	for (size_t i = 0; i < NELEM(nstat_longopts); i++)
		if (!strcmp(nstat_longopts[i].name, arg))
			return nstat_flag(o, nstat_longopts[i].flag);
	fprintf(o->ctx->err, "nstat: unrecognized option '--%s'\n", arg);
	return nstat_usage(o->ctx);
}

/* GNU getopt order: options anywhere, "--" ends them; the rest are patterns
 * (in o->patterns, which the caller frees: argv belongs to the caller and
 * stays as it is).  -d/-t (daemon, averaging) are not kept. */
static int nstat_parse(struct nstat_opts *o, int argc, char **argv)
{
	bool opts_done = false;

	o->patterns = calloc((size_t)argc, sizeof(*o->patterns));
	if (!o->patterns) {
		fprintf(o->ctx->err, "nstat: %s\n", strerror(ENOMEM));
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		int rc = -1;

		if (opts_done || a[0] != '-' || !a[1]) {
			o->patterns[o->npatterns++] = argv[i];
			continue;
		}
		if (!strcmp(a, "--"))
			opts_done = true;
		else if (a[1] == '-')
			rc = nstat_longopt(o, a + 2);
		for (const char *c = a + 1; a[1] != '-' && *c && rc < 0; c++)
			rc = nstat_flag(o, *c);
		if (rc >= 0)
			return rc;
	}
	return -1;
}

int do_nstat(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct nstat_opts o = { .ctx = ctx };
	int rc = nstat_parse(&o, argc, argv);

	if (rc < 0) {
		if (!o.no_output)
			nstat_dump(&o, &ctx->net->mib);
		rc = 0;
	}
	free(o.patterns);
	return rc;
}
