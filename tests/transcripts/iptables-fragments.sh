# Fragments: PREROUTING sees each fragment (no conntrack, so no early defrag), -f matches the non-first ones, INPUT sees the reassembled datagram; byte counters count IP total lengths
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -t mangle -A PREROUTING -f -j ACCEPT
ip netns exec b iptables -t mangle -A PREROUTING -p icmp -j ACCEPT
ip netns exec b iptables -t raw -A PREROUTING ! -f -m length --length 1500 -j ACCEPT
ip netns exec b iptables -A INPUT -p icmp -m length --length 3028 -j ACCEPT
ip netns exec b iptables -A OUTPUT -p icmp -m length --length 1500 -j ACCEPT
ip netns exec b iptables -A OUTPUT -f -j ACCEPT
ip netns exec a ping -c 2 -i 0.2 -s 3000 -q 10.0.0.2
ip netns exec b iptables -t mangle -L PREROUTING -v -n -x
ip netns exec b iptables -t raw -L PREROUTING -v -n -x
ip netns exec b iptables -L -v -n -x
