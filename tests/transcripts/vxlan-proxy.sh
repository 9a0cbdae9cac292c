# `proxy` (ARP suppression): a container behind a bridge whose uplink is a vxlan port asks
# ARP for a remote overlay address; the vxlan device answers from its own neighbour table
# and nothing crosses the underlay; an address it does not know gets no answer at all.
ip netns add a
ip netns add b
ip netns add c
ip link add eth0 netns a type veth peer name eth0 netns b
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a link add vx0 address 0a:00:00:00:00:01 type vxlan id 9 dstport 4789 local 10.0.0.1 dev eth0 nolearning proxy
ip -n b link add vx0 address 0a:00:00:00:00:02 type vxlan id 9 dstport 4789 local 10.0.0.2 dev eth0 nolearning
ip -n a link add br0 type bridge
ip -n a link set vx0 master br0 up
ip -n a link set br0 up
ip -n a link add veth0 type veth peer name eth0 netns c address 02:00:00:00:0c:01
ip -n a link set veth0 master br0 up
ip -n c addr add 192.168.9.10/24 dev eth0
ip -n c link set eth0 up
ip -n b addr add 192.168.9.2/24 dev vx0
ip -n b link set vx0 up
ip -n a neigh add 192.168.9.2 lladdr 0a:00:00:00:00:02 dev vx0 nud permanent
ip netns exec a bridge fdb append 0a:00:00:00:00:02 dst 10.0.0.2 dev vx0
ip netns exec b bridge fdb append 02:00:00:00:0c:01 dst 10.0.0.1 dev vx0
ip -n b neigh add 192.168.9.10 lladdr 02:00:00:00:0c:01 dev vx0 nud permanent
ip netns exec c ping -c 2 -i 0.2 192.168.9.2
ip -n c neigh
ip netns exec b nstat -az UdpInDatagrams
ip netns exec c ping -c 1 -W 1 192.168.9.3
ip netns exec b nstat -az UdpInDatagrams
ip -n c neigh show 192.168.9.3
