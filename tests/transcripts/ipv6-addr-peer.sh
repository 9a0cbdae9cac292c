# ip -6 addr: a kept address (keep_addr_on_down) has its prefix route again on link up
# (fixup_permanent_addr); a peer address's two routes with their metric, a change of peer and
# metric moves them; ip -6 addr flush takes the fe80::/64 route with the last link-local
# address (fib_tests' ipv6_addr_metric)
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02
ip -n a link set v0 up
ip -n a link set v1 up
ip -n a -6 addr add dev v0 2001:db8:104::2/64 metric 259
ip netns exec a sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1
ip -n a link set v0 down
ip -n a -6 route show match 2001:db8:104::/64
ip -n a -6 addr show dev v0
ip -n a link set v0 up
ip -n a -6 route show match 2001:db8:104::/64
ip -n a -6 addr flush dev v0
ip -n a -6 addr add dev v0 2001:db8:104::1 peer 2001:db8:104::2 metric 260
ip -n a -6 route show
ip -n a -6 addr change dev v0 2001:db8:104::1 peer 2001:db8:104::3 metric 261
ip -n a -6 route show
ip -n a -6 addr show dev v0
ip netns del a
