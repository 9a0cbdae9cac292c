# With conntrack on, fragments are reassembled before the raw table (nf_defrag_ipv4, priority -400): raw and mangle PREROUTING see the whole datagram, -f matches nothing there, the fragmented ping is one ICMP entry; the reply is fragmented again after conntrack
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW,ESTABLISHED -p icmp -m length --length 3028
ip netns exec b iptables -t raw -A PREROUTING -f
ip netns exec b iptables -t raw -A PREROUTING -p icmp -m length --length 3028
ip netns exec b iptables -t mangle -A PREROUTING -p icmp -m length --length 3028
ip netns exec b iptables -A OUTPUT -p icmp -m length --length 3028
ip netns exec b iptables -t mangle -A POSTROUTING -p icmp -m length --length 3028
ip netns exec a ping -c 2 -i 0.2 -s 3000 -q 10.0.0.2
ip netns exec b conntrack -L
ip netns exec b iptables -t raw -L PREROUTING -v -n -x
ip netns exec b iptables -t mangle -L -v -n -x
ip netns exec b iptables -L -v -n -x
