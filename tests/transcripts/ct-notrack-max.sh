# NOTRACK and CT --notrack make UNTRACKED packets; an unsolicited TCP ACK with tcp_loose 0 and an unmatched echo reply are INVALID; nf_conntrack_max reached: new flows dropped, counted, logged; read-only sysctls in a child namespace
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -t raw -A PREROUTING -p icmp --icmp-type echo-request -j CT --notrack
ip netns exec b iptables -t raw -A OUTPUT -p icmp --icmp-type echo-reply -j NOTRACK
ip netns exec b iptables -A INPUT -m conntrack --ctstate UNTRACKED
ip netns exec b iptables -A INPUT -m state --state UNTRACKED
ip netns exec b iptables -A INPUT -m conntrack --ctstate INVALID
ip netns exec b iptables -A OUTPUT -m conntrack --ctstate UNTRACKED
ip netns exec a ping -c 2 -i 0.2 -q 10.0.0.2
ip netns exec b conntrack -L
ip netns exec b iptables -L -v -n -x
ip netns exec b iptables -t raw -F
ip netns exec b iptables -Z
ip netns exec b sysctl -w net.netfilter.nf_conntrack_tcp_loose=0
ip netns exec a nc -z -w 1 10.0.0.2 1234; echo rc=$?
ip netns exec b iptables -L INPUT -v -n -x
ip netns exec b conntrack -L
ip netns exec b sysctl -w net.netfilter.nf_conntrack_max=5
ip netns exec b sysctl -w net.netfilter.nf_conntrack_count=5
ip netns exec b sysctl net.netfilter.nf_conntrack_max net.netfilter.nf_conntrack_count
ip netns exec b sysctl net.nf_conntrack_max
