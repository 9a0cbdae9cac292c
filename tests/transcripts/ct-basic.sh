# Connection tracking between two namespaces: conntrack -L after ping, UDP and TCP; ctstate NEW/ESTABLISHED/RELATED (an ICMP port unreachable for a UDP flow)/UNTRACKED with counters; connmark; -D, -F, -C, accounting
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW -j CONNMARK --set-mark 7
ip netns exec b iptables -A INPUT -m state --state NEW
ip netns exec b iptables -A INPUT -m state --state ESTABLISHED
ip netns exec b iptables -A INPUT -m conntrack --ctstate RELATED
ip netns exec b iptables -A INPUT -m conntrack --ctstate INVALID
ip netns exec b iptables -A INPUT -m conntrack --ctstate UNTRACKED
ip netns exec b iptables -A INPUT -m connmark --mark 7
ip netns exec b iptables -A OUTPUT -m conntrack --ctstate ESTABLISHED --ctdir REPLY
ip netns exec b iptables -A OUTPUT -m conntrack --ctstate RELATED
ip netns exec a iptables -A INPUT -m conntrack --ctstate RELATED -p icmp
ip netns exec a iptables -A INPUT -m state --state ESTABLISHED
ip netns exec b sysctl net.netfilter.nf_conntrack_acct=1
ip netns exec a ping -c 2 -i 0.2 -q 10.0.0.2
ip netns exec b conntrack -L
ip netns exec a conntrack -L -p icmp
ip netns exec a conntrack -C
echo hi | ip netns exec a nc -u -w 1 -p 4000 10.0.0.2 5000
ip netns exec b conntrack -L -p udp
ip netns exec a conntrack -L -p udp
ip netns exec b conntrack -L -p tcp
ip netns exec b iptables -L INPUT -v -n -x
ip netns exec b iptables -L OUTPUT -v -n -x
ip netns exec a iptables -L INPUT -v -n -x
ip netns exec b sysctl net.netfilter.nf_conntrack_acct=0
ip netns exec b nc -l 10.0.0.2 8080 &
sleep 0.5
echo hello | ip netns exec a nc -N -p 40000 10.0.0.2 8080
sleep 0.5
ip netns exec b conntrack -L -p tcp --dport 8080 -o extended
ip netns exec b conntrack -D -p udp
ip netns exec b conntrack -D -p udp
ip netns exec b conntrack -C
ip netns exec b conntrack -F
ip netns exec b conntrack -L
ip netns exec b conntrack -L --foo; echo rc=$?
ip netns exec b sysctl net.netfilter.nf_conntrack_tcp_timeout_established net.netfilter.nf_conntrack_udp_timeout net.netfilter.nf_conntrack_udp_timeout_stream net.netfilter.nf_conntrack_icmp_timeout net.netfilter.nf_conntrack_generic_timeout net.netfilter.nf_conntrack_tcp_loose net.netfilter.nf_conntrack_tcp_be_liberal net.netfilter.nf_conntrack_max net.netfilter.nf_conntrack_buckets net.netfilter.nf_conntrack_count
