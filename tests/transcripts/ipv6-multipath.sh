# IPv6 multipath routes: ip -6 route add ... nexthop via ... dev ... nexthop ...
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip -n a link add w0 address 02:00:00:00:02:01 type veth peer name w1 address 02:00:00:00:02:02 netns b
ip -n a link set v0 up
ip -n a link set w0 up
ip -n b link set v1 up
ip -n b link set w1 up
ip -n a addr add 2001:db8:1::1/64 dev v0
ip -n a addr add 2001:db8:2::1/64 dev w0
ip -n b addr add 2001:db8:1::2/64 dev v1
ip -n b addr add 2001:db8:2::2/64 dev w1
ip -n b addr add 2001:db8:9::9/128 dev lo
ip -n b link set lo up
ip -n a -6 route add 2001:db8:9::/64 nexthop via 2001:db8:1::2 dev v0 nexthop via 2001:db8:2::2 dev w0
ip -n a -6 route
ip -n a -6 route add 2001:db8:8::/64 nexthop via 2001:db8:1::2 dev v0 weight 1 nexthop via 2001:db8:2::2 dev w0 weight 3
ip -n a -6 route show 2001:db8:8::/64
ip -n a -6 route add 2001:db8:7::/64 nexthop via 2001:db8:1::2
ip -n a -6 route show 2001:db8:7::/64
ip -n a -6 route append 2001:db8:7::/64 via 2001:db8:2::2 dev w0
ip -n a -6 route show 2001:db8:7::/64
ip -n a -6 route add 2001:db8:7::/64 via 2001:db8:2::2 dev w0
ip -n a -6 route add 2001:db8:6::/64 nexthop via 2001:db8:1::2 dev v0 nexthop via 2001:db8:1::2 dev v0
ip -n a -6 route add 2001:db8:5::/64 nexthop via 2001:db8:3::2 dev v0 nexthop via 2001:db8:2::2 dev w0
ip -n a -6 route add 2001:db8:5::/64 via 2001:db8:3::2 dev v0
ip -n a -6 route add 2001:db8:5::/64 nexthop via 2001:db8:1::2 dev v0 weight 0
ip -n a -6 route add 2001:db8:5::/64 nexthop via 2001:db8:1::2 dev v0 foo bar
ip -n a -6 route del 2001:db8:9::/64 via 2001:db8:1::9
ip netns exec a ping -6 -c 1 2001:db8:9::9
ip -n a -6 route del 2001:db8:9::/64 via 2001:db8:1::2 dev v0
ip -n a -6 route show 2001:db8:9::/64
ip -n a -6 route del 2001:db8:8::/64
ip -n a -6 route show 2001:db8:8::/64
ip -n a link set w0 down
ip -n a -6 route
ip -n a -6 route replace 2001:db8:7::/64 nexthop via 2001:db8:1::2 dev v0 nexthop via 2001:db8:1::3 dev v0
ip -n a -6 route show 2001:db8:7::/64
ip -n a -6 route add 2001:db8:8::/64 via 2001:db8:1::2 mtu 1400 metric 5 proto static
ip -n a -6 route add unreachable 2001:db8:6::/64
ip -n a -j -6 route
ip -n a -j -6 route show table local
ip netns exec a sysctl net.ipv6.fib_multipath_hash_policy
ip netns del a
ip netns del b
