# Three VTEPs on a bridged underlay: head-end replication through the all-zeros FDB
# entry, learning of inner MACs, ageing off on link down, and the outer datagrams going
# through iptables like any other UDP.
ip netns add h1
ip netns add h2
ip netns add h3
ip link add br0 type bridge
ip link set br0 up
ip link add eth0 netns h1 address 02:00:00:00:00:01 type veth peer name p1
ip link add eth0 netns h2 address 02:00:00:00:00:02 type veth peer name p2
ip link add eth0 netns h3 address 02:00:00:00:00:03 type veth peer name p3
ip link set p1 master br0 up
ip link set p2 master br0 up
ip link set p3 master br0 up
ip -n h1 addr add 10.0.0.1/24 dev eth0
ip -n h2 addr add 10.0.0.2/24 dev eth0
ip -n h3 addr add 10.0.0.3/24 dev eth0
ip -n h1 link set eth0 up
ip -n h2 link set eth0 up
ip -n h3 link set eth0 up
ip -n h1 link add vx0 address 0a:00:00:00:00:01 type vxlan id 100 dstport 4789 local 10.0.0.1 dev eth0
ip -n h2 link add vx0 address 0a:00:00:00:00:02 type vxlan id 100 dstport 4789 local 10.0.0.2 dev eth0
ip -n h3 link add vx0 address 0a:00:00:00:00:03 type vxlan id 100 dstport 4789 local 10.0.0.3 dev eth0
ip -n h1 addr add 192.168.100.1/24 dev vx0
ip -n h2 addr add 192.168.100.2/24 dev vx0
ip -n h3 addr add 192.168.100.3/24 dev vx0
ip -n h1 link set vx0 up
ip -n h2 link set vx0 up
ip -n h3 link set vx0 up
ip netns exec h1 bridge fdb append 00:00:00:00:00:00 dst 10.0.0.2 dev vx0
ip netns exec h1 bridge fdb append 00:00:00:00:00:00 dst 10.0.0.3 dev vx0
ip netns exec h2 bridge fdb append 00:00:00:00:00:00 dst 10.0.0.1 dev vx0
ip netns exec h3 bridge fdb append 00:00:00:00:00:00 dst 10.0.0.1 dev vx0
ip netns exec h1 iptables -A OUTPUT -p udp --dport 4789
ip netns exec h2 iptables -A INPUT -p udp --dport 4789
ip netns exec h3 iptables -A INPUT -p udp --dport 4789
ip netns exec h1 ping -c 2 -i 0.2 192.168.100.2
ip netns exec h1 bridge fdb show dev vx0
ip netns exec h2 bridge fdb show dev vx0
ip netns exec h3 bridge fdb show dev vx0
ip -n h1 neigh show dev vx0
ip netns exec h1 iptables -L OUTPUT -v -n -x
ip netns exec h2 iptables -L INPUT -v -n -x
ip netns exec h3 iptables -L INPUT -v -n -x
ip -n h3 -s link show vx0
# the overlay's MTU: 1450 over a 1500 underlay
ip netns exec h1 ping -c 1 -s 1422 -M do 192.168.100.2
ip netns exec h1 ping -c 1 -s 1423 -M do 192.168.100.2
# a firewall on the underlay stops the overlay
ip netns exec h2 iptables -I INPUT -p udp --dport 4789 -j DROP
ip netns exec h1 ping -c 1 -W 1 192.168.100.2
ip netns exec h2 iptables -D INPUT 1
ip netns exec h1 ping -c 1 -W 1 192.168.100.2
# a VNI nobody has: dropped at the receiver, still counted as UDP received
ip -n h1 link add vx1 type vxlan id 101 dstport 4789 remote 10.0.0.3 dev eth0
ip -n h1 addr add 192.168.101.1/24 dev vx1
ip -n h1 link set vx1 up
ip -n h1 neigh add 192.168.101.2 lladdr 02:00:00:00:65:02 dev vx1
ip netns exec h3 nstat -az UdpInDatagrams UdpNoPorts
ip netns exec h1 ping -c 1 -W 1 192.168.101.2
ip netns exec h3 nstat -az UdpInDatagrams UdpNoPorts
ip -n h1 -s link show vx1
# nolearning: nothing learned
ip -n h2 link del vx0
ip -n h2 link add vx0 address 0a:00:00:00:00:02 type vxlan id 100 dstport 4789 local 10.0.0.2 dev eth0 nolearning
ip -n h2 addr add 192.168.100.2/24 dev vx0
ip -n h2 link set vx0 up
ip netns exec h2 bridge fdb append 00:00:00:00:00:00 dst 10.0.0.1 dev vx0
ip netns exec h1 ping -c 1 -W 1 192.168.100.2
ip netns exec h2 bridge fdb show dev vx0
# down: learned entries go, configured ones stay
ip -n h1 link set vx0 down
ip netns exec h1 bridge fdb show dev vx0
