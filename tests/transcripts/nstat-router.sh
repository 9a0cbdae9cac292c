# nstat on a router: forwarding, TTL expiry, unreachable networks, fragments
# and reverse-path filtering, counted in h1, r and h2.
ip netns add h1
ip netns add h2
ip netns add r
ip link add c1 address 02:00:00:00:01:02 type veth peer name r1 address 02:00:00:00:01:01
ip link add c2 address 02:00:00:00:02:02 type veth peer name r2 address 02:00:00:00:02:01
ip link set c1 netns h1
ip link set r1 netns r
ip link set c2 netns h2
ip link set r2 netns r
ip -n h1 addr add 10.0.1.2/24 dev c1
ip -n h2 addr add 10.0.2.2/24 dev c2
ip -n r addr add 10.0.1.1/24 dev r1
ip -n r addr add 10.0.2.1/24 dev r2
ip -n h1 link set c1 up
ip -n h2 link set c2 up
ip -n r link set r1 up
ip -n r link set r2 up
ip -n h1 route add default via 10.0.1.1
ip -n h2 route add default via 10.0.2.1
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip -n r link set r2 mtu 1000
ip -n h2 link set c2 mtu 1000
ip netns exec h1 ping -c 2 -i 0.2 10.0.2.2; echo rc=$?
ip netns exec h1 ping -c 1 -t 1 10.0.2.2; echo rc=$?
ip netns exec h1 ping -c 1 -W 1 10.7.0.1; echo rc=$?
ip netns exec h1 ping -c 1 -s 1400 -M dont 10.0.2.2; echo rc=$?
ip netns exec h1 ping -c 1 -s 3000 10.0.1.1; echo rc=$?
ip -n h1 addr add 10.0.9.2/24 dev c1
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns exec h1 ping -c 1 -W 1 -I 10.0.9.2 10.0.2.2; echo rc=$?
ip netns exec h1 nstat -a
ip netns exec r nstat -a
ip netns exec h2 nstat -a
