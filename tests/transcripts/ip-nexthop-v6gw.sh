# Nexthop objects with an IPv6 gateway used by IPv4 routes (RFC 5549): add (errors as IPv6
# checks a nexthop), a group of both families, route with nhid, get, ping across, replace
# with a link-local gateway, delete (the group shrinks to its IPv4 member)
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add veth1 type veth peer name veth2 netns b
ip -n a link set veth1 up
ip -n b link set veth2 up
ip -n a -6 addr add 2001:db8:101::1/64 dev veth1 nodad
ip -n b -6 addr add 2001:db8:101::2/64 dev veth2 nodad
ip -n a addr add 172.16.101.1/24 dev veth1
ip -n b addr add 172.16.104.1/24 dev veth2
ip -n b route add 172.16.101.0/24 dev veth2
ip -n a nexthop add id 1 via 2001:db8:101::2 dev veth1; echo rc=$?
ip -n a nexthop add id 2 via 2001:db8:999::2 dev veth1; echo rc=$?
ip -n a nexthop add id 3 via 2001:db8:101::1 dev veth1; echo rc=$?
ip -n a nexthop add id 4 via 172.16.101.2 dev veth1; echo rc=$?
ip -n a nexthop add id 5 group 1/4; echo rc=$?
ip -n a nexthop
ip -n a route add 172.16.104.0/24 nhid 1; echo rc=$?
ip -n a route add 172.16.105.0/24 nhid 5; echo rc=$?
ip -n a route
ip -n a route get 172.16.104.1
ip netns exec a ping -c 1 -W 1 172.16.104.1
ip -n a nexthop replace id 1 via fe80::2 dev veth1; echo rc=$?
ip -n a route
ip -n a nexthop del id 1; echo rc=$?
ip -n a route
