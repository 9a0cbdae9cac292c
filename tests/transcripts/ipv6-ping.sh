# ping -6 between two namespaces over veth, neighbour discovery, ip -6 route get
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a addr add 2001:db8::1/64 dev v0
ip -n b addr add 2001:db8::2/64 dev v1
ip -n a -6 neigh
ip netns exec a ping -6 -c 2 2001:db8::2
ip -n a -6 neigh
ip -n b -6 neigh
ip netns exec a ping -c 1 fe80::ff:fe00:102%v0
ip -n a -6 route get 2001:db8::2
ip netns exec a ping -6 -c 1 -W 1 2001:db8:9::1
ip netns del a
ip netns del b
