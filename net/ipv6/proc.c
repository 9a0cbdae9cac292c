/* /proc/net/snmp6 (net/ipv6/proc.c): the IPv6 and ICMPv6 counters by the
 * names nstat prints, per-type ICMPv6 counters from the message tables. */
#include <string.h>
#include "net/ipv6.h"
#include "net/net_namespace.h"

#define FN(id, name) name,
static const char *const ip6_names[] = { IP6_MIB_LIST(FN) };
static const char *const icmp6_names[] = { ICMP6_MIB_LIST(FN) };
#undef FN
/* Udp6InDatagrams…: the UDP names with "Udp6" for "Udp" */
#define FN(id, name) &name[3],
static const char *const udp6_names[] = { UDP_MIB_LIST(FN) };
#undef FN

static const struct { const char *name; u8 type; } icmp6_types[] = {
	{ "DestUnreachs", 1 }, { "PktTooBigs", 2 }, { "TimeExcds", 3 },
	{ "ParmProblems", 4 }, { "Echos", 128 }, { "EchoReplies", 129 },
	{ "GroupMembQueries", 130 }, { "GroupMembResponses", 131 },
	{ "GroupMembReductions", 132 }, { "RouterSolicits", 133 },
	{ "RouterAdvertisements", 134 }, { "NeighborSolicits", 135 },
	{ "NeighborAdvertisements", 136 }, { "Redirects", 137 }, { "MLDv2Reports", 143 },
};

static bool icmp6_type_value(const struct net *net, const char *name, u64 *val)
{
	const u64 *table;

	if (!strncmp(name, "Icmp6In", 7)) {
		table = net->ipv6.icmp6msg_in;
		name += 7;
	} else if (!strncmp(name, "Icmp6Out", 8)) {
		table = net->ipv6.icmp6msg_out;
		name += 8;
	} else {
		return false;
	}
	for (size_t i = 0; i < ARRAY_SIZE(icmp6_types); i++)
		if (!strcmp(icmp6_types[i].name, name)) {
			*val = table[icmp6_types[i].type];
			return true;
		}
	return false;
}

/* true and *val when name is an IPv6 counter skbox keeps */
bool snmp6_value(const struct net *net, const char *name, u64 *val)
{
	for (size_t i = 0; i < ARRAY_SIZE(ip6_names); i++)
		if (!strcmp(ip6_names[i], name)) {
			*val = net->ipv6.mib[i];
			return true;
		}
	for (size_t i = 0; i < ARRAY_SIZE(icmp6_names); i++)
		if (!strcmp(icmp6_names[i], name)) {
			*val = net->ipv6.icmp6[i];
			return true;
		}
	if (!strncmp(name, "Udp6", 4))
		for (size_t i = 0; i < ARRAY_SIZE(udp6_names); i++)
			if (!strcmp(udp6_names[i], name + 4)) {
				*val = net->ipv6.udp6[i];
				return true;
			}
	return icmp6_type_value(net, name, val);
}
