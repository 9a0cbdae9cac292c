# IPv4 routes through an IPv6 gateway (RFC 5549: via inet6 ADDR): add, show (text and
# JSON), get, ping across (the gateway's MAC from ndisc), multipath with both families,
# delete exact and in the wrong order, replace, errors (no IPv6 on the device, onlink,
# local gateway, unreachable gateway), a forwarded packet through the IPv6 gateway, a
# gateway that does not answer neighbour solicitations (host unreachable: lo is down,
# so the error is counted and not delivered)
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 net.ipv4.ip_forward=1 net.ipv6.conf.all.forwarding=1
ip netns add c
ip -n a link add veth1 address 02:00:00:00:01:01 type veth peer name veth2 address 02:00:00:00:01:02 netns b
ip -n a link add veth3 address 02:00:00:00:03:01 type veth peer name veth4 address 02:00:00:00:03:02 netns b
ip -n a link add veth5 type veth peer name veth6 netns c
ip -n b link add veth7 address 02:00:00:00:07:01 type veth peer name veth8 address 02:00:00:00:07:02 netns c
ip -n a link set veth1 up
ip -n a link set veth3 up
ip -n a link set veth5 up
ip -n b link set veth2 up
ip -n b link set veth4 up
ip -n b link set veth7 up
ip -n c link set veth6 up
ip -n c link set veth8 up
ip -n a -6 addr add 2001:db8:101::1/64 dev veth1 nodad
ip -n a -6 addr add 2001:db8:103::1/64 dev veth3 nodad
ip -n a addr add 172.16.101.1/24 dev veth1
ip -n a addr add 172.16.103.1/24 dev veth3
ip -n a addr add 172.16.105.1/24 dev veth5
ip -n b -6 addr add 2001:db8:101::2/64 dev veth2 nodad
ip -n b -6 addr add 2001:db8:103::2/64 dev veth4 nodad
ip -n b addr add 172.16.101.2/24 dev veth2
ip -n b addr add 172.16.103.2/24 dev veth4
ip -n b addr add 172.16.104.1/24 dev veth7
ip -n c addr add 172.16.104.2/24 dev veth8
ip -n c route add default via 172.16.104.1
ip -n b route add 172.16.105.0/24 via 172.16.103.1
ip -n a route add 172.16.104.0/24 via inet6 2001:db8:101::2; echo rc=$?
ip -n a route add 172.16.104.0/24 via inet6 2001:db8:101::2; echo rc=$?
ip -n a route
ip -n a ro ls match 172.16.104.0/24
ip -n a -j route show 172.16.104.0/24
ip -n a route show via inet6 2001:db8:101::2
ip -n a route get 172.16.104.1
ip netns exec a ping -c 1 -W 1 172.16.104.1
ip -n a -6 neigh show dev veth1
ip -n a neigh show dev veth1 172.16.101.2
ip netns exec a ping -c 1 -W 1 172.16.104.2
ip netns exec b nstat -az IpForwDatagrams
ip -n a route del 172.16.104.0/24 via inet6 2001:db8:101::3; echo rc=$?
ip -n a route del 172.16.104.0/24 via 172.16.101.2; echo rc=$?
ip -n a route del 172.16.104.0/24 via inet6 2001:db8:101::2; echo rc=$?
ip -n a ro ls match 172.16.104.0/24
ip -n a route add 172.16.104.0/24 nexthop via inet6 2001:db8:101::2 dev veth1 nexthop via 172.16.103.2 dev veth3; echo rc=$?
ip -n a ro ls match 172.16.104.0/24
ip -n a -j ro ls match 172.16.104.0/24
ip -n a route del 172.16.104.0/24 nexthop via 172.16.103.2 dev veth3 nexthop via inet6 2001:db8:101::2 dev veth1; echo rc=$?
ip -n a route del 172.16.104.0/24 nexthop via inet6 2001:db8:101::2 dev veth1 nexthop via 172.16.103.2 dev veth3; echo rc=$?
ip -n a route add 172.16.104.0/24 nexthop via 172.16.103.2 dev veth3 nexthop via inet6 2001:db8:101::2 dev veth1 weight 2; echo rc=$?
ip -n a ro ls match 172.16.104.0/24
ip -n a route replace 172.16.104.0/24 via inet6 2001:db8:103::2 dev veth3; echo rc=$?
ip -n a ro ls match 172.16.104.0/24
ip -n a route get 172.16.104.2
ip netns exec a ping -c 1 -W 1 172.16.104.2
ip -n a route replace 172.16.104.0/24 via inet6 fe80::2 dev veth1; echo rc=$?
ip -n a ro ls match 172.16.104.0/24
ip -n a route del 172.16.104.0/24; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 fe80::2; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 2001:db8:101::1; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 2001:db8:101::1 dev veth1; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 2001:db8:999::1; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 2001:db8:101::2 dev veth3; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 2001:db8:101::2 dev veth5; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 2001:db8:999::1 dev veth1 onlink; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 2001:db8:103::5 dev veth1 onlink; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 ff02::1 dev veth1; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 :: dev veth1; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 2001:db8:101::2 scope host dev veth1; echo rc=$?
ip -n a route add 172.16.106.0/24 via inet6 2001:db8:101::2 dev lo; echo rc=$?
ip -n a route add 172.16.110.0/24 via inet6 2001:db8:101::2 dev veth1 src 172.16.101.1; echo rc=$?
ip -n a route add 172.16.111.0/24 via inet6 2001:db8:101::2 src 172.16.103.9; echo rc=$?
ip netns exec a sysctl -qw net.ipv6.conf.veth5.disable_ipv6=1
ip -n a route add 172.16.112.0/24 via inet6 2001:db8:999::1 dev veth5 onlink; echo rc=$?
ip -n a route add 172.16.112.0/24 via inet6 2001:db8:999::1 onlink; echo rc=$?
ip -n a route add unreachable 172.16.107.0/24 via inet6 2001:db8:101::2; echo rc=$?
ip -n a route add 172.16.108.0/24 via inet 172.16.101.2; echo rc=$?
ip -n a route add 172.16.109.0/24 via inet6 2001:db8:101::2 via 172.16.101.2; echo rc=$?
ip -n a route add 172.16.109.0/24 via inet6 bad; echo rc=$?
ip -n a route
ip -n a route get 172.16.110.1
ip netns exec a ping -c 1 -W 5 172.16.106.1
ip -n a route add 172.16.113.0/24 via inet6 2001:db8:101::9
ip netns exec a ping -c 1 -W 5 172.16.113.1
ip netns exec a nstat -az IcmpOutDestUnreachs
ip -n a link set veth1 down
ip -n a route
ip -n a link set veth1 up
ip -n a route
