# tcpdump decoding IPv6 (UDP from fixed ports so nothing random is printed): a datagram,
# one fragmented (frag (offset|length)), port unreachable, no route at a router, packet
# too big from the router (its link to c has MTU 1280), then the fragments at the learned
# MTU; neighbour discovery and the kernel's router solicitations and MLD reports
# (Hop-by-Hop) are filtered out.  c has no route back: it answers nothing
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.forwarding=1
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip netns add c
ip netns exec c sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n b link add w0 address 02:00:00:00:02:01 type veth peer name w1 address 02:00:00:00:02:02 netns c
ip netns exec a ethtool -K v0 tso off gso off gro off
ip netns exec b ethtool -K v1 tso off gso off gro off
ip -n a link set v0 up
ip -n b link set v1 up
ip -n b link set w0 mtu 1280
ip -n b link set w0 up
ip -n c link set w1 up
ip -n a addr add 2001:db8::1/64 dev v0
ip -n b addr add 2001:db8::2/64 dev v1
ip -n b addr add 2001:db8:1::1/64 dev w0
ip -n c addr add 2001:db8:1::9/64 dev w1
ip -n a -6 route add default via 2001:db8::2
ip netns exec a tcpdump -t -n -i v0 -c 12 'ip6 and not (icmp6 and ip6[40] > 132 and ip6[40] < 137) and not ip6[6] == 0' & sleep 1
ip netns exec b nc -6 -u -w 1 -l 5000 & sleep 0.3
echo hello | ip netns exec a nc -6 -u -w1 -p 40000 2001:db8::2 5000
seq 1 500 | ip netns exec a nc -6 -u -w1 -p 40001 2001:db8::2 5000
echo x | ip netns exec a nc -6 -u -w1 -p 40002 2001:db8::2 82
echo x | ip netns exec a nc -6 -u -w1 -p 40003 2001:db8:5::1 9
seq 1 340 | ip netns exec a nc -6 -u -w1 -p 40004 2001:db8:1::9 9
seq 1 340 | ip netns exec a nc -6 -u -w1 -p 40005 2001:db8:1::9 9
wait
ip netns del a
ip netns del b
ip netns del c
