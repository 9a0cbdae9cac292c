# Conntrack on bridged IPv4 (br_netfilter calls the IPv4 hooks): a ping and a UDP datagram to a closed port across a bridge are tracked in the bridge's namespace, the port unreachable is RELATED, the FORWARD chain sees NEW/ESTABLISHED/RELATED
ip link add name testbr type bridge
ip link add name veth1 type veth peer name br-veth1
ip link add name veth2 type veth peer name br-veth2
ip netns add test1
ip netns add test2
ip link set netns test1 dev veth1
ip link set netns test2 dev veth2
ip link set master testbr dev br-veth1
ip link set master testbr dev br-veth2
ip netns exec test1 ip addr add 172.16.0.2/24 dev veth1
ip netns exec test2 ip addr add 172.16.0.3/24 dev veth2
ip netns exec test1 ip link set veth1 up
ip netns exec test2 ip link set veth2 up
ip link set br-veth1 up
ip link set br-veth2 up
ip link set testbr up
iptables -A FORWARD -m conntrack --ctstate NEW
iptables -A FORWARD -m conntrack --ctstate ESTABLISHED
iptables -A FORWARD -m conntrack --ctstate RELATED
iptables -A FORWARD -m conntrack --ctstate INVALID
ip netns exec test1 ping -c 2 -i 0.2 -q 172.16.0.3
echo hi | ip netns exec test1 nc -u -w 1 -p 4000 172.16.0.3 5000
conntrack -L -p icmp
conntrack -L -p udp
iptables -L FORWARD -v -n -x
