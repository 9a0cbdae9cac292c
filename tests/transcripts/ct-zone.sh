# Conntrack zones: -j CT --zone N / --zone-orig / --zone-reply / --zone mark in the raw table (parse, -L, -S, save, errors as iptables 1.8.9); the zone is part of the tuple, conntrack -L shows zone=N, -w N filters; the same flow in two zones is two entries
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -t raw -A PREROUTING -p icmp -j CT --zone 5
ip netns exec b iptables -t raw -A OUTPUT -p icmp -j CT --zone 5
ip netns exec b iptables -t raw -A PREROUTING -p udp --dport 5000 -j CT --zone-orig 7
ip netns exec b iptables -t raw -A PREROUTING -p udp --dport 6000 -j CT --zone-reply 8
ip netns exec b iptables -t raw -A PREROUTING -p tcp -j CT --zone mark
ip netns exec b iptables -t raw -A PREROUTING -p tcp -j CT --zone-orig mark
ip netns exec b iptables -t raw -A PREROUTING -p tcp -j CT --zone foo; echo rc=$?
ip netns exec b iptables -t raw -A PREROUTING -p tcp -j CT --zone 70000; echo rc=$?
ip netns exec b iptables -t raw -A PREROUTING -p tcp -j CT --zone-orig; echo rc=$?
ip netns exec b iptables -t raw -L -n
ip netns exec b iptables -t raw -S
ip netns exec b iptables -t raw -D PREROUTING 6
ip netns exec b iptables -t raw -D PREROUTING 5
ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW
ip netns exec a ping -c 2 -i 0.2 -q 10.0.0.2
echo hi | ip netns exec a nc -u -w 1 -p 4000 10.0.0.2 5000
echo hi | ip netns exec a nc -u -w 1 -p 4001 10.0.0.2 6000
ip netns exec b conntrack -L
ip netns exec b conntrack -L -w 5
ip netns exec b conntrack -L -w 0
ip netns exec b conntrack -L -p icmp -w 5
ip netns exec b iptables -t raw -F
ip netns exec a ping -c 1 -q 10.0.0.2
echo hi | ip netns exec a nc -u -w 1 -p 4000 10.0.0.2 5000
ip netns exec b conntrack -L -p icmp
ip netns exec b conntrack -L -p udp --sport 4000
ip netns exec b conntrack -D -w 5
ip netns exec b conntrack -L -p icmp
ip netns exec b iptables -L INPUT -v -n -x
