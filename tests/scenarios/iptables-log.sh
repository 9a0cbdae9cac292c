# -j LOG writes the kernel's LOG line into the world's kernel log, which dmesg prints;
# as in Linux (net.netfilter.nf_log_all_netns = 0), only the first namespace logs
ip netns add a
ip link add va type veth peer name vb
ip link set va netns a
ip -n a addr add 10.0.0.1/24 dev va
ip addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip link set vb up
iptables -A INPUT -p icmp -j LOG --log-prefix "ping-in: "
iptables -A OUTPUT -p icmp -j LOG --log-prefix "ping-out: " --log-level 6
ip netns exec a iptables -A OUTPUT -j LOG --log-prefix "in-netns: "
ip netns exec a ping -c 1 -q 10.0.0.2
dmesg
iptables -L -v -n
ip netns exec a iptables -L OUTPUT -v -n
dmesg -c
dmesg
