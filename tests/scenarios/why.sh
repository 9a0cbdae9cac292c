# skbox why: every dropped packet of a run, grouped by where and why.  A router
# with forwarding off, an address nobody answers ARP for, a down veth peer.
ip netns add a
ip netns add r
ip link add a0 netns a type veth peer name r0 netns r
ip link add a1 netns a type veth peer name x1
ip -n a addr add 10.0.1.2/24 dev a0
ip -n a addr add 10.0.2.2/24 dev a1
ip -n r addr add 10.0.1.1/24 dev r0
ip -n a link set lo up
ip -n a link set a0 up
ip -n a link set a1 up
ip -n r link set r0 up
ip -n a route add default via 10.0.1.1
ip netns exec a ping -c 2 -W 1 10.0.9.9
ip netns exec a ping -c 1 -W 5 10.0.1.7
ip -n a neigh add 10.0.2.9 lladdr 02:00:00:00:00:09 dev a1
ip netns exec a ping -c 1 -W 1 10.0.2.9
