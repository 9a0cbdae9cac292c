# A router forwards IPv4 through an IPv6 gateway (RFC 5549): h's packets to s cross r,
# whose route to s's network is `via inet6` the link-local address of s; the frames r
# sends carry s's MAC (a UDP datagram captured on s), learned by neighbour discovery (no ARP for the gateway), with
# EtherType IPv4.  s routes back to h the same way (via inet6 r's link-local address)
ip netns add h
ip netns add r
ip netns exec r sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 net.ipv4.ip_forward=1
ip netns add s
ip netns exec s sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n h link add h0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01 netns r
ip -n r link add r1 address 02:00:00:00:02:01 type veth peer name s0 address 02:00:00:00:02:02 netns s
ip netns exec r ethtool -K r1 tso off gso off gro off
ip netns exec s ethtool -K s0 tso off gso off gro off
ip -n h link set h0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n s link set lo up
ip -n h addr add 10.1.0.2/24 dev h0
ip -n r addr add 10.1.0.1/24 dev r0
ip -n r -6 addr add fe80::1/64 dev r1 nodad
ip -n s -6 addr add fe80::2/64 dev s0 nodad
ip -n s addr add 10.2.0.9/32 dev lo
ip -n h route add default via 10.1.0.1
ip -n r route add 10.2.0.0/24 via inet6 fe80::2 dev r1
ip -n s route add 10.1.0.0/24 via inet6 fe80::1 dev s0
ip -n r route
ip -n r route get 10.2.0.9
ip -n r route get 10.2.0.9 from 10.1.0.2 iif r0
ip netns exec s tcpdump --immediate-mode -t -e -n -i s0 -c 1 'udp or arp' & sleep 1
echo hello | ip netns exec h nc -u -w1 -p 40000 10.2.0.9 5000
sleep 1
ip netns exec h ping -c 2 -i 0.3 -W 1 10.2.0.9
ip -n r -4 neigh show dev r1
ip netns exec r nstat -az IpForwDatagrams IpOutNoRoutes
