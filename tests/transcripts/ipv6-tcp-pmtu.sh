# TCP over IPv6 through a router whose link to the server has MTU 1400 while both hosts
# have 1500: the client's full-size segments get packet too big, TCP lowers its MSS
# (tcp_v6_mtu_reduced) and the data arrives whole
ip netns add c
ip netns exec c sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add r
ip netns exec r sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add s
ip netns exec s sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n c link add c0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01 netns r
ip -n s link add s0 address 02:00:00:00:02:02 type veth peer name r1 address 02:00:00:00:02:01 netns r
ip -n r link set r1 mtu 1400
ip -n c link set c0 up
ip -n s link set s0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip netns exec c ethtool -K c0 tso off gso off gro off
ip netns exec s ethtool -K s0 tso off gso off gro off
ip netns exec r ethtool -K r0 tso off gso off gro off
ip netns exec r ethtool -K r1 tso off gso off gro off
ip -n c addr add 2001:db8:1::2/64 dev c0
ip -n r addr add 2001:db8:1::1/64 dev r0
ip -n r addr add 2001:db8:2::1/64 dev r1
ip -n s addr add 2001:db8:2::2/64 dev s0
ip -n c route add default via 2001:db8:1::1
ip -n s route add default via 2001:db8:2::1
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec s nc -6 -l 2001:db8:2::2 9000 &
sleep 0.5
seq 1 4000 | ip netns exec c nc -6 -N 2001:db8:2::2 9000
sleep 0.5
ip -n c -6 route get 2001:db8:2::2
ip -n c -6 route show cache
ip netns exec r nstat -az Ip6InTooBigErrors Icmp6OutPktTooBigs
ip netns exec c nstat -az Icmp6InPktTooBigs
wait
ip netns del c
ip netns del r
ip netns del s
