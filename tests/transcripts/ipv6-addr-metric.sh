# ip -6 addr … metric N: the prefix route's metric; change/replace of an address there (its
# flags and a new metric, as inet6_addr_modify), add of it again (EEXIST), metric in ip addr
# show, the prefix route gone on link down and back after DAD (fib_tests' ipv6_addr_metric)
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02
ip -n a link set v0 up
ip -n a link set v1 up
ip -n a -6 addr add 2001:db8:104::2/64 dev v0 nodad metric 258
ip -n a -6 route show 2001:db8:104::/64
ip -n a -6 addr change dev v0 2001:db8:104::2/64 metric 259
echo rc=$?
ip -n a -6 route show 2001:db8:104::/64
ip -n a -6 addr show dev v0
ip -n a -j -6 addr show dev v0
ip -n a link set v0 down
ip -n a -6 route show 2001:db8:104::/64
ip -n a link set v0 up
ip -n a -6 route show 2001:db8:104::/64
ip -n a -6 addr replace dev v0 2001:db8:104::2/64 metric 260
ip -n a -6 route show 2001:db8:104::/64
ip -n a -6 addr add dev v0 2001:db8:104::2/64 metric 261
ip netns del a
