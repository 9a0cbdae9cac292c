# PMTU exceptions as Linux keeps them: learned from frag-needed, lowered and
# raised with the local device's MTU, locked at route.min_pmtu (552) below it,
# and made on every path of a multipath route
ip netns add a
ip netns add r1
ip netns add r2
ip netns add b
ip link add a1 netns a address 02:00:00:00:10:01 type veth peer name r1a netns r1 address 02:00:00:00:10:02
ip link add a2 netns a address 02:00:00:00:10:03 type veth peer name r2a netns r2 address 02:00:00:00:10:04
ip link add b1 netns b address 02:00:00:00:10:05 type veth peer name r1b netns r1 address 02:00:00:00:10:06
ip link add b2 netns b address 02:00:00:00:10:07 type veth peer name r2b netns r2 address 02:00:00:00:10:08
ip -n a addr add 10.0.1.1/24 dev a1
ip -n a addr add 10.0.2.1/24 dev a2
ip -n r1 addr add 10.0.1.2/24 dev r1a
ip -n r2 addr add 10.0.2.2/24 dev r2a
ip -n r1 addr add 10.0.3.2/24 dev r1b
ip -n r2 addr add 10.0.4.2/24 dev r2b
ip -n b addr add 10.0.3.1/24 dev b1
ip -n b addr add 10.0.4.1/24 dev b2
ip -n a link set a1 up
ip -n a link set a2 up
ip -n r1 link set r1a up
ip -n r1 link set r1b up
ip -n r2 link set r2a up
ip -n r2 link set r2b up
ip -n b link set b1 up
ip -n b link set b2 up
ip netns exec r1 sysctl -q -w net.ipv4.ip_forward=1
ip netns exec r2 sysctl -q -w net.ipv4.ip_forward=1
ip -n a route add 10.0.3.0/24 via 10.0.1.2
ip -n a route add 10.0.4.0/24 via 10.0.2.2
ip -n b route add 10.0.1.0/24 via 10.0.3.2
ip -n b route add 10.0.2.0/24 via 10.0.4.2
ip -n a link set a1 mtu 2000
ip -n r1 link set r1a mtu 2000
ip -n r1 link set r1b mtu 1400
ip -n b link set b1 mtu 1400
ip netns exec a ping -q -c 1 -W 1 -M want -s 1800 10.0.3.1
sleep 0.5
ip -o -n a route get 10.0.3.1
ip -n a link set a1 mtu 1300
ip -n r1 link set r1a mtu 1300
ip -o -n a route get 10.0.3.1
ip -n a link set a1 mtu 1700
ip -n r1 link set r1a mtu 1700
ip -o -n a route get 10.0.3.1
ip -n r2 link set r2b mtu 400
ip -n b link set b2 mtu 400
ip netns exec a ping -q -c 1 -W 1 -M want -s 1400 10.0.4.1
sleep 0.5
ip -o -n a route get 10.0.4.1
ip -n a link set a2 mtu 500
ip -n r2 link set r2a mtu 500
ip -o -n a route get 10.0.4.1
ip -n a link set a2 mtu 1500
ip -n r2 link set r2a mtu 1500
ip -o -n a route get 10.0.4.1
ip -n a route flush cache
ip -n a addr add 192.168.99.99/32 dev lo
ip -n b addr add 192.168.88.88/32 dev lo
ip -n a link set lo up
ip -n b link set lo up
ip -n a route add 192.168.88.88 src 192.168.99.99 nexthop via 10.0.1.2 weight 1 nexthop via 10.0.2.2 weight 1
ip -n b route add 192.168.99.99 src 192.168.88.88 nexthop via 10.0.3.2 weight 1 nexthop via 10.0.4.2 weight 1
ip -n r1 route add 192.168.99.99 via 10.0.1.1
ip -n r2 route add 192.168.99.99 via 10.0.2.1
ip -n r1 route add 192.168.88.88 via 10.0.3.1
ip -n r2 route add 192.168.88.88 via 10.0.4.1
ip -n r1 link set r1b mtu 1500
ip -n b link set b1 mtu 1500
ip -n r2 link set r2b mtu 1500
ip -n b link set b2 mtu 1500
ip -n a link set a2 mtu 2000
ip -n r2 link set r2a mtu 2000
ip -n a link set a1 mtu 2000
ip -n r1 link set r1a mtu 2000
ip netns exec a ping -q -c 1 -W 1 -M want -s 1800 192.168.88.88
sleep 0.5
ip -o -n a route get 192.168.88.88 oif a1
ip -o -n a route get 192.168.88.88 oif a2
ip -o -n a route show cache
