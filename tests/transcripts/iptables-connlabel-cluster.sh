# -m connlabel (--set, then matched by the replies of the same entry), -m cluster
# (which of two nodes a source hashes to, jhash as Linux's), -j CHECKSUM; their
# checks, -L and -S formats
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a link set va up
ip -n b link set vb up
ip -n a addr add 10.1.0.1/24 dev va
ip -n b addr add 10.1.0.2/24 dev vb
ip netns exec a iptables -A OUTPUT -p icmp -m connlabel --label 3 --set
ip netns exec a iptables -A INPUT -p icmp -m connlabel --label 3 -j ACCEPT
ip netns exec a iptables -A INPUT -p icmp -m connlabel ! --label 4 -j ACCEPT
ip netns exec a iptables -A INPUT -m connlabel --label 128; echo rc=$?
ip netns exec a iptables -A INPUT -m connlabel --label foo; echo rc=$?
ip netns exec a iptables -A INPUT -m connlabel; echo rc=$?
ip netns exec b iptables -t mangle -A PREROUTING -p icmp -m cluster --cluster-total-nodes 2 --cluster-local-node 1 --cluster-hash-seed 0xdeadbeef
ip netns exec b iptables -t mangle -A PREROUTING -p icmp -m cluster --cluster-total-nodes 2 ! --cluster-local-node 1 --cluster-hash-seed 0xdeadbeef
ip netns exec b iptables -t mangle -A PREROUTING -p icmp -m cluster --cluster-total-nodes 4 --cluster-local-nodemask 0x5 --cluster-hash-seed 1
ip netns exec b iptables -t mangle -A PREROUTING -p icmp -m cluster --cluster-total-nodes 3 --cluster-local-node 4 --cluster-hash-seed 1; echo rc=$?
ip netns exec b iptables -t mangle -A PREROUTING -m cluster --cluster-total-nodes 33 --cluster-local-node 1 --cluster-hash-seed 1; echo rc=$?
ip netns exec b iptables -t mangle -A PREROUTING -m cluster --cluster-total-nodes 2 --cluster-hash-seed 1; echo rc=$?
ip netns exec b iptables -t mangle -A POSTROUTING -p udp -j CHECKSUM --checksum-fill
ip netns exec b iptables -t mangle -A POSTROUTING -j CHECKSUM; echo rc=$?
ip netns exec b iptables -A INPUT -j CHECKSUM --checksum-fill; echo rc=$?
ip netns exec a ping -c 2 -i 0.2 -q 10.1.0.2; echo rc=$?
ip netns exec a iptables -L -n -v -x
ip netns exec a iptables -S
ip netns exec b iptables -t mangle -L PREROUTING -n -v -x
ip netns exec b iptables -t mangle -S
