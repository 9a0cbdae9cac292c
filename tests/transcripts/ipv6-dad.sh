# Duplicate address detection (RFC 4862) between two namespaces over veth: new addresses are
# tentative (no local route, not bindable) until one NS from :: went unanswered; the same
# address on the peer fails there (dadfailed), nodad and accept_dad=0 skip it; the groups
# every address joins (ip -6 maddr); the NS, NA, RS and MLD counters (a's MLD count depends on
# how fast the commands follow each other on the kernel: reports merge).  Sleeps let each DAD
# run out (a random delay below 1 s, then retrans_time 1 s).
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a addr add 2001:db8::1/64 dev v0
ip -n a -6 addr show dev v0
ip -n a -6 route show table local
ip netns exec a nc -6 -u -l 2001:db8::1 5000
ip -n a -6 maddr
ip -n a maddr show dev v0
sleep 3
ip -n a -6 addr show dev v0
ip -n a -6 route show table local
ip -n a -6 maddr show dev v0
ip -n b addr add 2001:db8::1/64 dev v1
ip -n b -6 addr show dev v1
sleep 3
ip -n b -6 addr show dev v1
ip -n b -6 route show table local
ip -n b -6 maddr show dev v1
ip netns exec b nc -6 -u -l 2001:db8::1 5000
ip -n b addr del 2001:db8::1/64 dev v1
sleep 2
ip -n b -6 maddr show dev v1
ip -n a addr add 2001:db8::5/64 dev v0 nodad
ip -n a -6 addr show dev v0
ip netns exec b sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.v1.accept_dad=0
ip -n b addr add 2001:db8::6/64 dev v1
ip -n b -6 addr show dev v1
sleep 3
ip netns exec a nstat -az Icmp6OutNeighborSolicits Icmp6InNeighborSolicits Icmp6OutNeighborAdvertisements Icmp6InNeighborAdvertisements Icmp6OutRouterSolicits
ip netns exec b nstat -az Icmp6OutNeighborSolicits Icmp6InNeighborSolicits Icmp6OutNeighborAdvertisements Icmp6InNeighborAdvertisements Icmp6OutMLDv2Reports Icmp6OutRouterSolicits
ip netns exec a ping -6 -c 1 2001:db8::6
ip -n a -6 neigh
ip netns del a
ip netns del b
