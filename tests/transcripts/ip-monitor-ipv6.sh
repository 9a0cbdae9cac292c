# ip -6 monitor: IPv6 addresses and routes.  A global address with DAD:
# its prefix route, the tentative address, then the address and its local
# route; without DAD the address at once; routes added,
# replaced, multipath, deleted; a device going down takes its IPv6 routes,
# then its addresses, each told
ip netns add a
ip netns add b
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add c0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01 netns b
ip -n a link add c1 address 02:00:00:00:02:02 type veth peer name r1 address 02:00:00:00:02:01 netns b
ip -n b link set r0 up
ip -n b link set r1 up
ip -n a link set c0 up
ip -n a link set c1 up; sleep 2
timeout 12 ip -n a -6 monitor address route & sleep 0.2
ip netns exec a sysctl -qw net.ipv6.conf.c0.accept_dad=1
ip -n a addr add 2001:db8:1::1/64 dev c0; sleep 3
ip -n a addr add 2001:db8:2::1/64 dev c1 nodad; sleep 0.1
ip -n a route add 2001:db8:10::/48 via 2001:db8:1::2; sleep 0.1
ip -n a route replace 2001:db8:10::/48 via 2001:db8:1::3 metric 1024 mtu 1400; sleep 0.1
ip -n a route add 2001:db8:20::/48 nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2; sleep 0.1
ip -n a route add 2001:db8:30::/48 dev c1 metric 5 table 100; sleep 0.1
ip -n a route del 2001:db8:20::/48; sleep 0.1
ip -n a route del 2001:db8:10::/48; sleep 0.1
ip -n a addr del 2001:db8:1::1/64 dev c0; sleep 0.1
ip -n a link set c1 down; sleep 0.1
wait
