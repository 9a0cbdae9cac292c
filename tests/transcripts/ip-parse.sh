# The argument parsers of `ip route`, `ip addr` and `ip rule` as iproute2 6.1's
# (iproute_modify(), iproute_list_flush_or_save(), iproute_get(), ipaddr_modify(),
# iprule_modify()): the order of their checks, a keyword without its value,
# abbreviations, the family of an address in a message, and the exit statuses
ip netns add a
ip -n a link add v0 type veth peer name v1
ip -n a link set v0 up
ip -n a link set v1 up
ip -n a addr add 10.0.0.1/24 dev v0
ip -n a route add; echo rc=$?
ip -n a route del via 10.0.0.2; echo rc=$?
ip -n a route add dev nx; echo rc=$?
ip -n a route add 10.5.0.0/16 via; echo rc=$?
ip -n a route add 10.5.0.0/16 via tcp; echo rc=$?
ip -n a route add via tcp; echo rc=$?
ip -n a route add default via via; echo rc=$?
ip -n a route add 10.5.0.0/16 via inet; echo rc=$?
ip -n a route add 10.5.0.0/16 via 10.0.0.2 via 10.0.0.3; echo rc=$?
ip -n a route add 10.5.0.0/16 hoplimit; echo rc=$?
ip -n a route add 10.5.0.0/16 hoplimit 256; echo rc=$?
ip -n a route add 10.5.0.0/16 dev nx table; echo rc=$?
ip -n a route add 10.5.0.0/16 dev nx foo; echo rc=$?
ip -n a route add 10.5.0.0/16 src 1.2.3; echo rc=$?
ip -n a route add unicast to; echo rc=$?
ip -n a route add 10.5.0.0/16 tos x; echo rc=$?
ip -n a route add 10.5.0.0/16 dev v0 mtu lock; echo rc=$?
ip -n a route add 10.5.0.0/16 dev v0 features foo; echo rc=$?
ip -n a route add 10.5.0.0/16 dev v0 quickack 2; echo rc=$?
ip -n a route add 10.5.0.0/16 dev v0 rtt 1x; echo rc=$?
ip -n a route add 10.5.0.0/16 dev v0 pref x; echo rc=$?
ip -n a route add 10.5.0.0/16 dev v0 realms x; echo rc=$?
ip -n a route add 10.5.0.0/16 dev v0 vrf v0; echo rc=$?
ip -n a route add 10.5.0.0/16 nexthop; echo rc=$?
ip -n a route add 10.5.0.0/16 nexthop foo; echo rc=$?
ip -n a route add 10.5.0.0/16 nexthop via 10.0.0.2 foo; echo rc=$?
ip -n a route add 10.5.0.0/16 dev v0 nexthop via 10.0.0.2 dev nx; echo rc=$?
ip -n a route add 10.5.0.0/16 nhid x; echo rc=$?
ip -n a route add local 10.5.0.0/16 help; echo rc=$?
ip -n a route add 10.9.0.0/16 via 10.0.0.2 tos 0x10; echo rc=$?
ip -n a route add 10.8.0.0/16 dev v0 metric 7; echo rc=$?
ip -n a route show dev v0
ip -n a route show proto kernel
ip -n a route show scope link
ip -n a route show tos 0x10
ip -n a route show via 10.0.0.2
ip -n a route show via 10.0.0.0/24
ip -n a route show src 10.0.0.1
ip -n a route show metric 7
ip -n a route show mark 0
ip -n a route show mark 1
ip -n a route show iif v0
ip -n a route show from 0/0
ip -n a route show from 10.0.0.0/24
ip -n a route show root 10.0.0.0/8
ip -n a route show match 10.9.1.1
ip -n a route show e 10.0.0.0/24
ip -n a route show t 254
ip -n a -j route show dev v0
ip -n a route show table; echo rc=$?
ip -n a route show t; echo rc=$?
ip -n a route show to exact; echo rc=$?
ip -n a route show from root; echo rc=$?
ip -n a route show via inet; echo rc=$?
ip -n a route show via 10.0.0.x; echo rc=$?
ip -n a route show mark x; echo rc=$?
ip -n a route show tos x; echo rc=$?
ip -n a route show realms x; echo rc=$?
ip -n a route show vrf v0; echo rc=$?
ip -n a route show table x; echo rc=$?
ip -n a route show table 0 dev nx; echo rc=$?
ip -n a route show dev nx foo; echo rc=$?
ip -n a route flush dev; echo rc=$?
ip -n a route get 10.0.0.5 from; echo rc=$?
ip -n a route get to; echo rc=$?
ip -n a route get 10.0.0.5/24; echo rc=$?
ip -n a route get 10.0.0.5 iif nx oif nx2; echo rc=$?
ip -n a route get 10.0.0.5 ipp tcp dp 80 sp 1; echo rc=$?
ip -n a route get 10.0.0.5 as 1.2.3.4; echo rc=$?
ip -n a route get 10.0.0.5 connected; echo rc=$?
ip -n a route get 10.0.0.5 notify; echo rc=$?
ip -n a addr add 10.0.2.1/24 brd; echo rc=$?
ip -n a addr add 10.0.2.1/24 brd + brd +; echo rc=$?
ip -n a addr add brd + dev v0; echo rc=$?
ip -n a addr add brd + dev nx; echo rc=$?
ip -n a addr add brd 1.2.3.4 dev v0; echo rc=$?
ip -n a -4 addr add brd + dev v0; echo rc=$?
ip -n a addr add dev v0; echo rc=$?
ip -n a addr add 10.0.2.1/24 dev v0 brd x; echo rc=$?
ip -n a addr add x dev v0 brd 1.2.3.4; echo rc=$?
ip -n a addr add 10.0.2.1/24 dev v0 anycast; echo rc=$?
ip -n a addr add 10.0.2.1/24 dev v0 valid_lft; echo rc=$?
ip -n a addr add 10.0.2.1/24 dev nx label nx:1; echo rc=$?
ip -n a addr add 10.0.2.1/24 dev v0 valid_lft 0; echo rc=$?
ip -n a addr add 10.0.2.1/24 dev v0 valid_lft 10 preferred_lft 20; echo rc=$?
ip -n a addr add 10.0.2.1/24 dev v0 label aaaaaaaaaaaaaaaaaaaa; echo rc=$?
ip -n a addr add 10.0.2.1/24 dev v0 label foo; echo rc=$?
ip -n a addr add 10.0.3.1/24 dev v0 label v0:x; echo rc=$?
ip -n a -4 -o addr show dev v0
ip -n a addr show show dev v0; echo rc=$?
ip -n a addr show nx; echo rc=$?
ip -n a addr help; echo rc=$?
ip -n a rule add from 1.1.1.1 100 pref 10; echo rc=$?
ip -n a rule add from 1.1.1.2 4 pref 11; echo rc=$?
ip -n a rule add from 1.1.1.4 local pref 13; echo rc=$?
ip -n a rule add from 1.1.1.5 broadcast pref 14; echo rc=$?
ip -n a rule add fwmark 0x1/0xff table 0; echo rc=$?
ip -n a rule add from 1.1.1.6 table 0 pref 15; echo rc=$?
ip -n a rule add from 1.1.1.8 unicast pref 17; echo rc=$?
ip -n a rule add from 1.1.1.9 type 255 pref 18; echo rc=$?
ip -n a rule add from 1.1.1.10 0 pref 19; echo rc=$?
ip -n a rule add from 1.1.1.11 blackhole table 5 pref 20; echo rc=$?
ip -n a rule add from 1.1.1.12 p 21; echo rc=$?
ip -n a rule add from 1.1.1.14 ta 5 pref 22 suppress_prefixlength 0; echo rc=$?
ip -n a rule add from 1.1.1.15 goto; echo rc=$?
ip -n a rule add from 1.1.1.15 go 30 pref 23; echo rc=$?
ip -n a rule add from 1.1.1.16 type; echo rc=$?
ip -n a rule add from 1.1.1.16 help; echo rc=$?
ip -n a rule add from 1.1.1.16 nop pref 24; echo rc=$?
ip -n a rule
ip -n a -j rule
ip -n a rule del pref 10; echo rc=$?
ip -n a rule del from 1.1.1.2 4; echo rc=$?
ip -n a rule
ip -n a rule show 100; echo rc=$?
ip -n a rule show table; echo rc=$?
ip -n a rule show from x; echo rc=$?
ip -n a rule show pref 32766
ip -n a rule show table 5
ip -n a rule show to 0/0
ip -n a rule show from 1.1.1.0/24
ip -n a link add v2 type veth peer name v3
ip -n a rule add iif v2 table 7 pref 40
ip -n a link set dev v2 name v4
ip -n a rule show iif v2
ip -n a link set dev v4 name v2
ip -n a rule show iif v2
ip -n a route flush; echo rc=$?
ip -n a neigh flush; echo rc=$?
ip -n a neigh replace 10.0.0.8 lladdr; echo rc=$?
ip -n a neigh replace 10.0.0.8 lladdr lladdr MAC dev v0 nud permanent; echo rc=$?
ip -n a neigh del 10.0.0.9 dev; echo rc=$?
ip -n a neigh show dev nud reachable; echo rc=$?
ip -n a neigh add proxy 10.0.0.50 dev v0; echo rc=$?
ip -n a neigh add proxy 10.0.0.51; echo rc=$?
ip -n a neigh show proxy
ip -n a neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev v0; echo rc=$?
ip -n a neigh add 10.0.0.10 lladdr null dev v0; echo rc=$?
ip -n a neigh add 10.0.0.11 lladdr zz dev nx; echo rc=$?
ip -n a neigh show dev v0 dev v1; echo rc=$?
ip -n a neigh show master nx; echo rc=$?
ip -n a neigh show master v0
ip -n a neigh show nomaster
ip -n a link add link nx name v0.5 type foo id 5; echo rc=$?
ip -n a route add 10.77.0.0/16 via 10.0.0.2 mtu lock 1400 advmss 1300 congctl cubic
ip -n a route show 10.77.0.0/16
ip -n a -j route show 10.77.0.0/16
