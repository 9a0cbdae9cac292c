# Bridged IPv4 through the iptables FORWARD chain (br_netfilter, bridge-nf-call-iptables=1):
# -m physdev sees the ports, -i/-o see the bridge; with the sysctl at 0 the rules are bypassed.
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
ip netns exec test1 ping -c 1 -W 1 172.16.0.3
iptables -A FORWARD -m physdev --physdev-in br-veth1 -p icmp -j DROP
iptables -A FORWARD -i testbr -o testbr -p icmp -j ACCEPT
ip netns exec test1 ping -c 1 -W 1 172.16.0.3
ip netns exec test2 ping -c 1 -W 1 172.16.0.2
iptables -L FORWARD -v -n
sysctl -w net.bridge.bridge-nf-call-iptables=0
ip netns exec test1 ping -c 1 -W 1 172.16.0.3
iptables -L FORWARD -v -n
