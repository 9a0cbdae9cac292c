# nf_defrag_ipv6: router r tracks connections (a stateful ip6tables FORWARD chain and
# MASQUERADE towards s); fragmented ping -6 and UDP from c cross it.  conntrack sees the
# datagrams reassembled (one entry each, s's port unreachable RELATED and translated back, the `frag` match in FORWARD sees no fragment
# header), s receives fragments again no larger than c's, NAT66 rewrote them; r's link to s
# with MTU 1400 makes the large ones a packet too big; nstat of the reassembly counters
ip netns add c
ip netns exec c sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add r
ip netns exec r sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add s
ip netns exec s sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n c link add c0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01 netns r
ip -n s link add s0 address 02:00:00:00:02:02 type veth peer name r1 address 02:00:00:00:02:01 netns r
ip netns exec c ethtool -K c0 tso off gso off gro off
ip netns exec r ethtool -K r0 tso off gso off gro off
ip netns exec r ethtool -K r1 tso off gso off gro off
ip netns exec s ethtool -K s0 tso off gso off gro off
ip -n c link set c0 up
ip -n s link set s0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n c addr add 2001:db8:1::2/64 dev c0
ip -n r addr add 2001:db8:1::1/64 dev r0
ip -n r addr add 2001:db8:2::1/64 dev r1
ip -n s addr add 2001:db8:2::2/64 dev s0
ip -n c route add default via 2001:db8:1::1
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r ip6tables -A FORWARD -m frag -j LOG --log-prefix frag
ip netns exec r ip6tables -A FORWARD -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec r ip6tables -A FORWARD -i r0 -m conntrack --ctstate NEW -j ACCEPT
ip netns exec r ip6tables -A FORWARD -m conntrack --ctstate INVALID -j DROP
ip netns exec r ip6tables -P FORWARD DROP
ip netns exec r ip6tables -t nat -A POSTROUTING -o r1 -j MASQUERADE
ip netns exec r ip6tables -t raw -A PREROUTING -m frag
ip netns exec c ping -6 -c 2 -i 0.3 -s 3000 2001:db8:2::2
ip netns exec s tcpdump -t -n -i s0 -c 2 'ip6[6] == 44' & sleep 1
seq 1 700 | ip netns exec c nc -6 -u -w1 -p 40001 2001:db8:2::2 5000 &
wait
ip netns exec r conntrack -L -f ipv6 -p udp
ip netns exec r ip6tables -L FORWARD -v -n -x
ip netns exec r ip6tables -t raw -L PREROUTING -v -n -x
ip netns exec r nstat -az Ip6ReasmReqds Ip6ReasmOKs Ip6ReasmFails Ip6FragOKs Ip6FragCreates Ip6OutForwDatagrams Ip6InTooBigErrors
ip netns exec s nstat -az Ip6ReasmReqds Ip6ReasmOKs
ip -n r link set r1 mtu 1400
ip -n s link set s0 mtu 1400
ip netns exec c ping -6 -c 2 -i 0.3 -s 3000 2001:db8:2::2
ip -n c -6 route get 2001:db8:2::2
ip netns exec c ping -6 -c 1 -s 1200 2001:db8:2::2
ip netns exec r nstat -az Ip6FragOKs Ip6FragCreates Ip6InTooBigErrors Icmp6OutPktTooBigs
ip netns exec r sysctl net.netfilter.nf_conntrack_frag6_timeout net.netfilter.nf_conntrack_frag6_high_thresh net.netfilter.nf_conntrack_frag6_low_thresh
ip netns del c
ip netns del r
ip netns del s
