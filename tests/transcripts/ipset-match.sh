ip netns add b
ip link add va type veth peer name vb netns b
ip addr add 10.0.0.1/24 dev va
ip addr add 10.0.0.3/24 dev va
ip link set va up
ip -n b addr add 10.0.0.2/24 dev vb
ip -n b link set vb up
ip netns exec b ipset create blocked hash:net
ip netns exec b ipset add blocked 10.0.0.3
ip netns exec b ipset add blocked 192.168.0.0/16
ip netns exec b ipset create svc hash:ip,port
ip netns exec b ipset add svc 10.0.0.2,udp:53
ip netns exec b ipset add svc 10.0.0.2,tcp:80
ip netns exec b iptables -A INPUT -m set --match-set blocked src -j DROP
ip netns exec b iptables -A INPUT -p udp -m set --match-set svc dst,dst -j ACCEPT
ip netns exec b iptables -A INPUT -p udp -m set ! --match-set svc dst,dst -j REJECT
ping -c 1 -W 1 10.0.0.2
ping -c 1 -W 1 -I 10.0.0.3 10.0.0.2
echo hi | nc -u -q 0 10.0.0.2 53
echo hi | nc -u -q 0 10.0.0.2 54
ip netns exec b iptables -L INPUT -n -v -x
ip netns exec b ipset list -t blocked
ip netns exec b ipset del blocked 10.0.0.3
ping -c 1 -W 1 -I 10.0.0.3 10.0.0.2
ip netns exec b ipset test svc 10.0.0.2,tcp:80
ip netns exec b ipset test svc 10.0.0.2,udp:80 || echo not in svc
ip netns exec b ipset destroy svc
ip netns exec b iptables -F
ip netns exec b ipset destroy svc
ip netns exec b ipset list -n
