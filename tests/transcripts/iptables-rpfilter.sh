# -m rpfilter in raw/mangle PREROUTING: a source routed back through the input
# device (matches), a source with no route back, one routed out of another device
# (only --loose), --invert; the table check and the formats
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n b link add vc type veth peer name vd
ip -n a link set va up
ip -n b link set vb up
ip -n b link set vc up
ip -n b link set vd up
ip -n a addr add 10.1.0.1/24 dev va
ip -n a addr add 10.9.0.1/24 dev va
ip -n a addr add 10.8.0.1/24 dev va
ip -n b addr add 10.1.0.2/24 dev vb
ip -n b route add 10.8.0.0/24 dev vc
ip netns exec b iptables -t raw -A PREROUTING -p icmp -m rpfilter
ip netns exec b iptables -t raw -A PREROUTING -p icmp -m rpfilter --invert
ip netns exec b iptables -t raw -A PREROUTING -p icmp -m rpfilter --loose
ip netns exec b iptables -t mangle -A PREROUTING -p icmp -m rpfilter --loose --validmark --accept-local --invert
ip netns exec b iptables -A INPUT -m rpfilter; echo rc=$?
ip netns exec b iptables -t raw -A OUTPUT -m rpfilter; echo rc=$?
ip netns exec a ping -c 1 -W 1 -q 10.1.0.2; echo rc=$?
ip netns exec a ping -c 1 -W 1 -q -I 10.9.0.1 10.1.0.2; echo rc=$?
ip netns exec a ping -c 1 -W 1 -q -I 10.8.0.1 10.1.0.2; echo rc=$?
ip netns exec b iptables -t raw -L PREROUTING -n -v -x
ip netns exec b iptables -t mangle -L PREROUTING -n -v -x
ip netns exec b iptables -t raw -S PREROUTING
