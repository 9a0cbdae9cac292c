# TSO over IPv6 (net/ipv6/tcpv6_offload.c): a — r — b, r forwarding.  a's
# writes leave a0 as TCP super-packets (tcpdump on r0 sees them larger than
# the MTU); r forwards them whole to r1, which has TSO and GSO off, so
# validate_xmit_skb() cuts them (tcp6_gso_segment: payload length, sequence
# numbers, flags, the checksum over the IPv6 pseudo header) into segments of
# 1440 bytes (the route MTU 1500 less 60) that b checks (TcpInCsumErrors 0)
# and acknowledges; iperf3 moves its megabyte.  Then a path MTU of 1400 on
# r1 (Ip6OutForwDatagrams, packet too big once, TCP lowers its MSS).
ip netns add a
ip netns add r
ip netns add b
ip link add a0 netns a type veth peer name r0 netns r
ip link add b0 netns b type veth peer name r1 netns r
ip -n a addr add fd00:1::1/64 dev a0 nodad
ip -n r addr add fd00:1::2/64 dev r0 nodad
ip -n r addr add fd00:2::2/64 dev r1 nodad
ip -n b addr add fd00:2::1/64 dev b0 nodad
ip -n a link set a0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n b link set b0 up
ip -n a route add default via fd00:1::2
ip -n b route add default via fd00:2::2
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r ethtool -K r1 tso off gso off
ip netns exec b iperf3 -6 -s -1 &
sleep 1
ip netns exec r tcpdump -i r0 -n -c 3 ip6 and tcp and greater 3000 &
ip netns exec b tcpdump -i b0 -n -c 4 ip6 and tcp and greater 1000 &
ip netns exec a iperf3 -6 -c fd00:2::1 -n 1M -i 0
wait
ip netns exec b nstat -az TcpInCsumErrors TcpExtTCPOFOQueue
ip netns exec r nstat -az Ip6OutForwDatagrams Icmp6OutPktTooBigs
# a smaller MTU past the router: packet too big for the super-packets' segments
ip -n r link set r1 mtu 1400
ip netns exec b iperf3 -6 -s -1 &
sleep 1
ip netns exec b tcpdump -i b0 -n -c 3 ip6 and tcp and greater 1000 &
ip netns exec a iperf3 -6 -c fd00:2::1 -n 1M -i 0
wait
ip netns exec b nstat -az TcpInCsumErrors
ip netns exec r nstat -az Icmp6OutPktTooBigs
ip -n a -6 route show cache
