# The packet trace across a VXLAN tunnel: the ping keeps its tracking id from the
# sender's vx0 through encapsulation (vxlan_xmit), the underlay's IPv4 and UDP
# (udp_rcv finds the encap socket), decapsulation (vxlan_rcv) and the inner
# delivery; then a VNI the receiver does not have, dropped with its reason.
ip netns add a
ip netns add b
ip link add eth0 netns a type veth peer name eth0 netns b
ip -n a addr add 10.0.0.1/24 dev eth0
ip -n b addr add 10.0.0.2/24 dev eth0
ip -n a link set eth0 up
ip -n b link set eth0 up
ip -n a link add vx0 type vxlan id 7 dstport 4789 remote 10.0.0.2 local 10.0.0.1 dev eth0
ip -n b link add vx0 type vxlan id 7 dstport 4789 remote 10.0.0.1 local 10.0.0.2 dev eth0
ip -n a addr add 192.168.7.1/24 dev vx0
ip -n b addr add 192.168.7.2/24 dev vx0
ip -n a link set vx0 up
ip -n b link set vx0 up
ip netns exec a ping -c 1 192.168.7.2
trace on icmp
ip netns exec a ping -c 1 192.168.7.2
trace off
ip -n a link add vx1 type vxlan id 8 dstport 4789 remote 10.0.0.2 local 10.0.0.1 dev eth0
ip -n a addr add 192.168.8.1/24 dev vx1
ip -n a link set vx1 up
ip -n a neigh add 192.168.8.2 lladdr 02:00:00:00:08:02 dev vx1
trace on icmp
ip netns exec a ping -c 1 -W 1 192.168.8.2
trace off
