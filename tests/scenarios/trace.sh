# The packet trace: one ping through veth-bridge-veth, stage by stage, and
# drops with their reasons (an ignored echo, a neighbour that never answers).
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
ip netns exec test1 ip link set lo up
trace on icmp and host 172.16.0.3
ip netns exec test1 ping -c 1 172.16.0.3
trace off
ip netns exec test2 sysctl -q -w net.ipv4.icmp_echo_ignore_all=1
trace on icmp
ip netns exec test1 ping -c 1 -W 1 172.16.0.3
ip netns exec test1 ping -c 1 -W 1 172.16.0.9
sleep 4
trace off
