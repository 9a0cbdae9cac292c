# ip -6 route: list selectors root/match/exact (iproute2's rdst/mdst), the congctl metric (refused
# when unknown, printed and in -j), a route with tos refused (IPv6 has no dsfield routes),
# ip address help (fib_tests.sh probes both)
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip -n a link add v0 type veth peer name v1
ip -n a link set v0 up
ip -n a link set v1 up
ip -n a addr add 2001:db8:101::1/64 dev v0 nodad
ip -n a -6 route add 2001:db8:114::/64 via 2001:db8:101::2 congctl lock foo
ip -n a -6 route add 2001:db8:114::/64 via 2001:db8:101::2 congctl lock reno
ip -n a -6 route add 2001:db8:115::/64 via 2001:db8:101::2 congctl reno mtu 1300 hoplimit 3
ip -n a -6 route show
ip -n a -6 -j route show 2001:db8:115::/64
ip -n a -6 route show match 2001:db8:114::5
ip -n a -6 route show root 2001:db8::/32
ip -n a -6 route show exact 2001:db8::/32
ip -n a -6 route show match default
ip -n a addr help
ip -n a -6 route add 2001:db8:102::/64 dsfield 0x04 via 2001:db8:101::2
ip -n a -6 route del 2001:db8:115::/64 tos 0x04
ip -n a -6 route add 2001:db8:102::/64 tos 0x1g via 2001:db8:101::2
ip netns del a
