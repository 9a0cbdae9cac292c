# The trace across NAT: the echo request keeps its tracking id through DNAT
# (nf_nat_packet notes "DNAT a -> b"), the reply is translated back.
ip netns add a
ip netns add b
ip link add ra type veth peer name e0 netns a
ip link add rb type veth peer name e0 netns b
ip addr add 10.0.1.1/24 dev ra
ip addr add 10.0.2.1/24 dev rb
ip link set ra up
ip link set rb up
ip -n a addr add 10.0.1.2/24 dev e0
ip -n b addr add 10.0.2.2/24 dev e0
ip -n a link set e0 up
ip -n b link set e0 up
ip -n a route add default via 10.0.1.1
ip -n b route add default via 10.0.2.1
sysctl -qw net.ipv4.ip_forward=1
iptables -t nat -A PREROUTING -d 10.96.0.10 -p icmp -j DNAT --to-destination 10.0.2.2
trace on icmp
ip netns exec a ping -c 1 10.96.0.10
trace off
conntrack -L
