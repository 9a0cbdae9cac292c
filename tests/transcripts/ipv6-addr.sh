# IPv6 addresses, routes and rules (kernel-run disables IPv6: the sysctl lines turn it back on;
# accept_dad=0 because skbox does no duplicate address detection)
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip -n a addr show
ip -n a link set lo up
ip -n a link set v0 up
ip -n a addr show
ip -n a -6 addr add 2001:db8::1/64 dev v0
ip -n a -6 addr add 2001:db8:1::1/64 dev v0 nodad noprefixroute
ip -n a -6 addr add 2001:db8:2::1/48 dev v0 scope link
ip -n a addr show dev v0
ip -n a -6 addr show
ip -n a -6 route show
ip -n a -6 route show table local
ip -n a -6 route show table all
ip -n a -6 rule
ip -n a -6 addr add 2001:db8::1/64 dev v0
ip -n a -6 route add 2001:db8:5::/64 via 2001:db8::2
ip -n a -6 route add 2001:db8:6::/64 dev v0 metric 10
ip -n a -6 route add default via 2001:db8::fe dev v0
ip -n a -6 route add 2001:db8:7::/64 via 2001:db8::3 table 100
ip -n a -6 route
ip -n a -6 route show table 100
ip -n a -6 route get 2001:db8:5::1
ip -n a -6 route get 2001:db8::2
ip -n a -6 route get 2001:db8::1
ip -n a -6 route get 2001:db9::1
ip -n a -6 route del 2001:db8:5::/64
ip -n a -6 route del 2001:db8:5::/64
ip -n a -6 route replace 2001:db8:6::/64 dev v0 metric 10 mtu 1400
ip -n a -6 route
ip -n a -6 addr del 2001:db8::1/64 dev v0
ip -n a -6 route
ip -n b link set v1 up
ip -n a addr show dev v0
ip -n a -6 route show table all
ip -n a addr add 2001:db8:3::1/64 dev v0
ip -n a route add 2001:db8:4::/64 via 2001:db8:3::2
ip -n a -6 route
ip -n a -6 addr flush dev v0
ip -n a addr show dev v0
ip -n a link set v0 down
ip -n a addr show dev v0
ip -n a -6 route show table all
ip -n a link set lo down
ip -n a addr show dev lo
ip -n a -6 addr add ::1/128 dev lo
ip -n a -6 addr add 1:2:3/64 dev lo
ip -n a -6 route add 2001:db8:9::/64 via 10.0.0.1
ip netns exec a sysctl net.ipv6.conf.v0.addr_gen_mode net.ipv6.conf.v0.forwarding net.ipv6.conf.all.forwarding net.ipv6.conf.v0.keep_addr_on_down net.ipv6.conf.v0.accept_ra net.ipv6.route.max_size net.ipv6.route.gc_thresh net.ipv6.conf.v0.disable_ipv6
ip netns exec a sysctl -w net.ipv6.conf.all.forwarding=1
ip netns exec a sysctl net.ipv6.conf.v0.forwarding net.ipv6.conf.default.forwarding
ip netns del a
ip netns del b
