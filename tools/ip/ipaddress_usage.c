/* `ip address help` (iproute2 ip/ipaddress.c usage()): the text iproute2
 * 6.1 prints, on stderr, status 255.  Scripts probe it: Linux's
 * fib_tests.sh runs its address metric tests only if it names `metric`. */
#include "ip_common.h"

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

int ipaddr_usage(struct ip_ctx *ipc)
{
	fputs(ipaddr_usage_text, ipc->err);
	return 255;
}
