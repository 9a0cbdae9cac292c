# A long chain of -d A/32 rules (indexed by destination in skbox) picks the same rule as Linux's linear walk
ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec a iptables-restore tests/transcripts/iptables-index.rules
ip netns exec a ping -c 2 -i 0.2 -q 10.0.0.2; echo rc=$?
ip netns exec a ping -c 1 -W 1 -q 10.96.0.7; echo rc=$?
ip netns exec a iptables -L SVC -v -n --line-numbers
ip netns exec a iptables -D SVC 30
ip netns exec a ping -c 1 -W 1 -q 10.0.0.2; echo rc=$?
ip netns exec a iptables -L SVC -v -n --line-numbers
