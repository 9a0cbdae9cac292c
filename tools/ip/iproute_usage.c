/* `ip route help` (iproute2 ip/iproute.c usage()) and `ip address help`
 * (ipaddress.c usage()): the texts iproute2 6.1 prints, on stderr, status
 * 255.  Scripts probe the first: Linux's fib_tests.sh runs only if it names
 * `fibmatch`. */
#include "ip_common.h"

static const char iproute_usage_text[] =
	"Usage: ip route { list | flush } SELECTOR\n"
	"       ip route save SELECTOR\n"
	"       ip route restore\n"
	"       ip route showdump\n"
	"       ip route get [ ROUTE_GET_FLAGS ] ADDRESS\n"
	"                            [ from ADDRESS iif STRING ]\n"
	"                            [ oif STRING ] [ tos TOS ]\n"
	"                            [ mark NUMBER ] [ vrf NAME ]\n"
	"                            [ uid NUMBER ] [ ipproto PROTOCOL ]\n"
	"                            [ sport NUMBER ] [ dport NUMBER ]\n"
	"       ip route { add | del | change | append | replace } ROUTE\n"
	"SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]\n"
	"            [ table TABLE_ID ] [ vrf NAME ] [ proto RTPROTO ]\n"
	"            [ type TYPE ] [ scope SCOPE ]\n"
	"ROUTE := NODE_SPEC [ INFO_SPEC ]\n"
	"NODE_SPEC := [ TYPE ] PREFIX [ tos TOS ]\n"
	"             [ table TABLE_ID ] [ proto RTPROTO ]\n"
	"             [ scope SCOPE ] [ metric METRIC ]\n"
	"             [ ttl-propagate { enabled | disabled } ]\n"
	"INFO_SPEC := { NH | nhid ID } OPTIONS FLAGS [ nexthop NH ]...\n"
	"NH := [ encap ENCAPTYPE ENCAPHDR ] [ via [ FAMILY ] ADDRESS ]\n"
	"      [ dev STRING ] [ weight NUMBER ] NHFLAGS\n"
	"FAMILY := [ inet | inet6 | mpls | bridge | link ]\n"
	"OPTIONS := FLAGS [ mtu NUMBER ] [ advmss NUMBER ] [ as [ to ] ADDRESS ]\n"
	"           [ rtt TIME ] [ rttvar TIME ] [ reordering NUMBER ]\n"
	"           [ window NUMBER ] [ cwnd NUMBER ] [ initcwnd NUMBER ]\n"
	"           [ ssthresh NUMBER ] [ realms REALM ] [ src ADDRESS ]\n"
	"           [ rto_min TIME ] [ hoplimit NUMBER ] [ initrwnd NUMBER ]\n"
	"           [ features FEATURES ] [ quickack BOOL ] [ congctl NAME ]\n"
	"           [ pref PREF ] [ expires TIME ] [ fastopen_no_cookie BOOL ]\n"
	"TYPE := { unicast | local | broadcast | multicast | throw |\n"
	"          unreachable | prohibit | blackhole | nat }\n"
	"TABLE_ID := [ local | main | default | all | NUMBER ]\n"
	"SCOPE := [ host | link | global | NUMBER ]\n"
	"NHFLAGS := [ onlink | pervasive ]\n"
	"RTPROTO := [ kernel | boot | static | NUMBER ]\n"
	"PREF := [ low | medium | high ]\n"
	"TIME := NUMBER[s|ms]\n"
	"BOOL := [1|0]\n"
	"FEATURES := ecn\n"
	"ENCAPTYPE := [ mpls | ip | ip6 | seg6 | seg6local | rpl | ioam6 | xfrm ]\n"
	"ENCAPHDR := [ MPLSLABEL | SEG6HDR | SEG6LOCAL | IOAM6HDR | XFRMINFO ]\n"
	"SEG6HDR := [ mode SEGMODE ] segs ADDR1,ADDRi,ADDRn [hmac HMACKEYID] [cleanup]\n"
	"SEGMODE := [ encap | encap.red | inline | l2encap | l2encap.red ]\n"
	"SEG6LOCAL := action ACTION [ OPTIONS ] [ count ]\n"
	"ACTION := { End | End.X | End.T | End.DX2 | End.DX6 | End.DX4 |\n"
	"            End.DT6 | End.DT4 | End.DT46 | End.B6 | End.B6.Encaps |\n"
	"            End.BM | End.S | End.AS | End.AM | End.BPF }\n"
	"OPTIONS := OPTION [ OPTIONS ]\n"
	"OPTION := { flavors FLAVORS | srh SEG6HDR | nh4 ADDR | nh6 ADDR | iif DEV | oif DEV |\n"
	"            table TABLEID | vrftable TABLEID | endpoint PROGNAME }\n"
	"FLAVORS := { FLAVOR[,FLAVOR] }\n"
	"FLAVOR := { psp | usp | usd | next-csid }\n"
	"IOAM6HDR := trace prealloc type IOAM6_TRACE_TYPE ns IOAM6_NAMESPACE size IOAM6_TRACE_SIZE\n"
	"XFRMINFO := if_id IF_ID [ link_dev LINK ]\n"
	"ROUTE_GET_FLAGS := [ fibmatch ]\n";

int iproute_usage(struct ip_ctx *ipc)
{
	fputs(iproute_usage_text, ipc->err);
	return 255;
}

/* `ip address help` (iproute2 ip/ipaddress.c usage()), as iproute2 6.1 prints it */
static const char ipaddr_usage_text[] =
	"Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n"
	"                                                      [ CONFFLAG-LIST ]\n"
	"       ip address del IFADDR dev IFNAME [mngtmpaddr]\n"
	"       ip address {save|flush} [ dev IFNAME ] [ scope SCOPE-ID ]\n"
	"                            [ to PREFIX ] [ FLAG-LIST ] [ label LABEL ] [up]\n"
	"       ip address [ show [ dev IFNAME ] [ scope SCOPE-ID ] [ master DEVICE ]\n"
	"                         [ nomaster ]\n"
	"                         [ type TYPE ] [ to PREFIX ] [ FLAG-LIST ]\n"
	"                         [ label LABEL ] [up] [ vrf NAME ] ]\n"
	"       ip address {showdump|restore}\n"
	"IFADDR := PREFIX | ADDR peer PREFIX\n"
	"          [ broadcast ADDR ] [ anycast ADDR ]\n"
	"          [ label IFNAME ] [ scope SCOPE-ID ] [ metric METRIC ]\n"
	"SCOPE-ID := [ host | link | global | NUMBER ]\n"
	"FLAG-LIST := [ FLAG-LIST ] FLAG\n"
	"FLAG  := [ permanent | dynamic | secondary | primary |\n"
	"           [-]tentative | [-]deprecated | [-]dadfailed | temporary |\n"
	"           CONFFLAG-LIST ]\n"
	"CONFFLAG-LIST := [ CONFFLAG-LIST ] CONFFLAG\n"
	"CONFFLAG  := [ home | nodad | mngtmpaddr | noprefixroute | autojoin ]\n"
	"LIFETIME := [ valid_lft LFT ] [ preferred_lft LFT ]\n"
	"LFT := forever | SECONDS\n"
	"TYPE := { amt | bareudp | bond | bond_slave | bridge | bridge_slave |\n"
	"          dsa | dummy | erspan | geneve | gre | gretap | gtp | ifb |\n"
	"          ip6erspan | ip6gre | ip6gretap | ip6tnl |\n"
	"          ipip | ipoib | ipvlan | ipvtap |\n"
	"          macsec | macvlan | macvtap |\n"
	"          netdevsim | nlmon | rmnet | sit | team | team_slave |\n"
	"          vcan | veth | vlan | vrf | vti | vxcan | vxlan | wwan |\n"
	"          xfrm | virt_wifi }\n";

int ip_addr_usage(struct ip_ctx *ipc)
{
	fputs(ipaddr_usage_text, ipc->err);
	return 255;
}
