# -j LOG writes the kernel's LOG line into the world's kernel log, which dmesg prints
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec b iptables -A INPUT -p icmp -j LOG --log-prefix "ping-in: "
ip netns exec b iptables -A OUTPUT -p icmp -j LOG --log-prefix "ping-out: " --log-level 6
ip netns exec a ping -c 1 -q 10.0.0.2
dmesg
ip netns exec b iptables -L -v -n
dmesg -c
dmesg
