# Two flannel-style nodes joined by an underlay veth pair; pods on cni0 bridges.
ip netns add node1
ip netns add node2
ip netns add pod1
ip netns add pod2
ip link add eth0 netns node1 address 02:00:00:00:00:01 type veth peer name eth0 netns node2 address 02:00:00:00:00:02
ip -n node1 addr add 192.168.0.1/24 dev eth0
ip -n node2 addr add 192.168.0.2/24 dev eth0
ip -n node1 link set eth0 up
ip -n node2 link set eth0 up
ip -n node1 link add flannel.1 address 0a:00:00:00:01:01 type vxlan id 1 local 192.168.0.1 dev eth0 dstport 8472 nolearning
ip -n node2 link add flannel.1 address 0a:00:00:00:02:01 type vxlan id 1 local 192.168.0.2 dev eth0 dstport 8472 nolearning
ip -n node1 addr add 10.244.0.0/32 dev flannel.1
ip -n node2 addr add 10.244.1.0/32 dev flannel.1
ip -n node1 link set flannel.1 up
ip -n node2 link set flannel.1 up
ip -n node1 -d link show flannel.1
ip -n node1 link add cni0 address 0a:00:00:00:01:02 type bridge
ip -n node2 link add cni0 address 0a:00:00:00:02:02 type bridge
ip -n node1 addr add 10.244.0.1/24 dev cni0
ip -n node2 addr add 10.244.1.1/24 dev cni0
ip -n node1 link set cni0 up
ip -n node2 link set cni0 up
ip -n node1 link add veth1 address 0a:00:00:00:01:03 type veth peer name eth0 netns pod1 address 0a:00:00:00:01:04
ip -n node2 link add veth1 address 0a:00:00:00:02:03 type veth peer name eth0 netns pod2 address 0a:00:00:00:02:04
ip -n node1 link set veth1 master cni0 up
ip -n node2 link set veth1 master cni0 up
ip -n pod1 addr add 10.244.0.2/24 dev eth0
ip -n pod2 addr add 10.244.1.2/24 dev eth0
ip -n pod1 link set eth0 up
ip -n pod2 link set eth0 up
ip -n pod1 link set lo up
ip -n pod2 link set lo up
ip -n pod1 route add default via 10.244.0.1
ip -n pod2 route add default via 10.244.1.1
ip netns exec node1 sysctl -w net.ipv4.ip_forward=1
ip netns exec node2 sysctl -w net.ipv4.ip_forward=1
# what flanneld writes for the other node: neighbour, FDB entry, route
ip -n node1 neigh replace 10.244.1.0 lladdr 0a:00:00:00:02:01 dev flannel.1 nud permanent
ip -n node1 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
ip netns exec node1 bridge fdb append 0a:00:00:00:02:01 dst 192.168.0.2 dev flannel.1
ip -n node2 neigh replace 10.244.0.0 lladdr 0a:00:00:00:01:01 dev flannel.1 nud permanent
ip netns exec node2 bridge fdb append 0a:00:00:00:01:01 dst 192.168.0.1 dev flannel.1
ip -n node1 route
ip netns exec node1 bridge fdb show dev flannel.1
ip -n node1 neigh show dev flannel.1
# node2 has no route back through flannel.1 yet, only a default via the underlay
ip -n node2 route add default via 192.168.0.1
ip netns exec node2 sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns exec node2 sysctl -qw net/ipv4/conf/flannel.1/rp_filter=1
ip netns exec pod1 ping -c 2 -i 0.2 -W 1 10.244.1.2
ip netns exec node2 nstat -az TcpExtIPReversePathFilter
ip -n node2 -s link show flannel.1
# loose mode: the request passes, the reply takes the underlay
ip netns exec node2 sysctl -w net.ipv4.conf.all.rp_filter=2
ip netns exec node2 sysctl -qw net/ipv4/conf/flannel.1/rp_filter=2
ip netns exec pod1 ping -c 2 -i 0.2 -W 1 10.244.1.2
# the fix flanneld makes: the route to the other node's pod subnet via flannel.1
ip -n node2 route add 10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink
ip netns exec node2 sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns exec node2 sysctl -qw net/ipv4/conf/flannel.1/rp_filter=1
ip netns exec pod1 ping -c 2 -i 0.2 -W 1 10.244.1.2
ip netns exec pod2 ping -c 1 -W 1 10.244.0.2
ip -n pod1 route get 10.244.1.2
ip -n node1 route get 10.244.1.2
ip -n node1 route get 192.168.0.2
# the tunnel's datagrams count as received UDP, not as sent; the device counts inner bytes
ip netns exec node1 nstat -az UdpOutDatagrams UdpInDatagrams UdpNoPorts
ip netns exec node2 nstat -az UdpOutDatagrams UdpInDatagrams UdpNoPorts
ip -n node1 -s link show flannel.1
ip netns exec node2 bridge fdb show
# TCP between pods across the overlay
ip netns exec pod2 nc -l 10.244.1.2 8080 &
sleep 1
echo hello-over-vxlan | ip netns exec pod1 nc -N 10.244.1.2 8080
sleep 0.5
