# ipset element timeouts in virtual time: an element added with "timeout 10"
# matches for ten seconds, then is gone (ipset test, -m set, the list);
# "-exist add" restarts an element's timeout.
ip netns add b
ip link add va type veth peer name vb netns b
ip addr add 10.0.0.1/24 dev va
ip link set va up
ip -n b addr add 10.0.0.2/24 dev vb
ip -n b link set vb up
ip netns exec b ipset create ban hash:ip timeout 60
ip netns exec b ipset add ban 10.0.0.1 timeout 10
ip netns exec b iptables -A INPUT -m set --match-set ban src -j DROP
ip netns exec b ipset list ban
ping -c 1 -W 1 10.0.0.2
sleep 5
ip netns exec b ipset -exist add ban 10.0.0.1 timeout 10
sleep 6
ip netns exec b ipset test ban 10.0.0.1
sleep 5
ip netns exec b ipset test ban 10.0.0.1
ip netns exec b ipset list ban
ping -c 1 -W 1 10.0.0.2
ip netns exec b iptables -L INPUT -n -v
