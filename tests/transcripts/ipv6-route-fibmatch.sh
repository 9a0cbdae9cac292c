# ip -6 route get fibmatch: the matched route (a multipath one from the path taken, dead
# nexthops flagged); with oif through a device that is down no nexthop matches (find_match
# skips dead ones): fib_tests' fib_down_multipath_test
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add d0 address 02:00:00:00:01:01 type veth peer name e0 address 02:00:00:00:01:02
ip -n a link add d1 address 02:00:00:00:02:01 type veth peer name e1 address 02:00:00:00:02:02
ip -n a link set e0 up
ip -n a link set e1 up
ip -n a link set d0 up
ip -n a link set d1 up
ip -n a -6 addr add 2001:db8:1::1/64 dev d0
ip -n a -6 addr add 2001:db8:2::1/64 dev d1
ip -n a -6 route add 2001:db8:3::/64 nexthop via 2001:db8:1::2 dev d0 nexthop via 2001:db8:2::2 dev d1
ip -n a link set d0 down
ip -n a -6 route get fibmatch 2001:db8:3::1 oif d0
ip -n a -6 route get fibmatch 2001:db8:3::1 oif d1
ip -n a -6 route get fibmatch 2001:db8:3::1
ip -n a -6 route get 2001:db8:3::1 oif d0
ip -n a link set d0 up
ip -n a link set d1 down
ip -n a -6 route get fibmatch 2001:db8:3::1
ip -n a -6 route get fibmatch 2001:db8:3::1 oif d1
ip -n a -6 route show
ip netns del a
