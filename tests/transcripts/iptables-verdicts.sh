# Verdicts on the packet path between two namespaces: NFQUEUE without a reader drops (or passes with --queue-bypass), REJECT answers with each ICMP code, RETURN and goto, policies
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -A INPUT -p icmp -j NFQUEUE --queue-num 3
ip netns exec a ping -c 1 -W 1 10.0.0.2; echo rc=$?
ip netns exec b iptables -R INPUT 1 -p icmp -j NFQUEUE --queue-num 3 --queue-bypass
ip netns exec a ping -c 1 -W 1 -q 10.0.0.2; echo rc=$?
ip netns exec b iptables -F
ip netns exec b iptables -A INPUT -p icmp -j REJECT
ip netns exec a ping -c 1 -W 1 10.0.0.2; echo rc=$?
ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-net-unreachable
ip netns exec a ping -c 1 -W 1 10.0.0.2; echo rc=$?
ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-host-unreachable
ip netns exec a ping -c 1 -W 1 10.0.0.2; echo rc=$?
ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-proto-unreachable
ip netns exec a ping -c 1 -W 1 10.0.0.2; echo rc=$?
ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-net-prohibited
ip netns exec a ping -c 1 -W 1 10.0.0.2; echo rc=$?
ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-host-prohibited
ip netns exec a ping -c 1 -W 1 10.0.0.2; echo rc=$?
ip netns exec b iptables -R INPUT 1 -p icmp -j REJECT --reject-with icmp-admin-prohibited
ip netns exec a ping -c 1 -W 1 10.0.0.2; echo rc=$?
ip netns exec b iptables -F
ip netns exec b iptables -N CHECK
ip netns exec b iptables -A CHECK -s 10.0.0.1 -j RETURN
ip netns exec b iptables -A CHECK -j DROP
ip netns exec b iptables -A INPUT -p icmp -j CHECK
ip netns exec b iptables -A INPUT -p icmp -j ACCEPT
ip netns exec a ping -c 2 -i 0.2 -q 10.0.0.2; echo rc=$?
ip netns exec b iptables -R INPUT 1 -p icmp -g CHECK
ip netns exec b iptables -P INPUT DROP
ip netns exec a ping -c 1 -W 1 -q 10.0.0.2; echo rc=$?
ip netns exec b iptables -L -v -n --line-numbers
ip netns exec b iptables-save -c
