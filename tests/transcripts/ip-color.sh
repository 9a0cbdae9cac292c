# ip -c (-color[=always|auto|never]): names cyan, MACs yellow, IPv4 magenta,
# operstate UP green / DOWN red, as iproute2's light palette; auto and never
# print no color into a pipe
ip netns add a
ip netns add b
ip link add v0 netns a address 02:00:00:00:0f:01 type veth peer name v1 netns b address 02:00:00:00:0f:02
ip -n a addr add 10.9.0.1/24 dev v0
ip -n b addr add 10.9.0.2/24 dev v1
ip -n a link set lo up
ip -n a -c link show v0
ip -n b link set v1 up
ip -n a link set v0 up
ip -n a -c link show v0
ip -n a -color=always addr show v0
ip -n a -c -br link
ip -n a -4 -c -br addr
ip -n a route add 10.7.0.0/16 via 10.9.0.2
ip -n a -c route
ip -n a -c route get 10.7.1.1
ip netns exec a ping -c 1 -q 10.9.0.2
ip -n a -c neigh
ip -n a -c=auto link show v0
ip -n a -color=never link show v0
ip -n a -c -j link show lo
ip -n a -c=sometimes link show v0; echo rc=$?
