# ICMP errors are rate-limited per destination: a burst of 6, then one per second
# (net.ipv4.icmp_ratelimit 1000 ms, the kernel's token bucket).
ip netns add h1
ip netns add r
ip netns add h2
ip link add a0 netns h1 address 02:00:00:00:0c:01 type veth peer name r0 netns r address 02:00:00:00:0c:02
ip link add b0 netns h2 address 02:00:00:00:0d:01 type veth peer name r1 netns r address 02:00:00:00:0d:02
ip -n h1 addr add 10.3.1.2/24 dev a0
ip -n r addr add 10.3.1.1/24 dev r0
ip -n r addr add 10.3.2.1/24 dev r1
ip -n h2 addr add 10.3.2.2/24 dev b0
ip -n h1 link set a0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n h2 link set b0 up
ip -n h1 route add default via 10.3.1.1
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ip netns exec h1 ping -c 10 -i 0.05 -t 1 -W 1 10.3.2.2; echo rc=$?
ip netns exec h1 ping -c 3 -i 0.05 -W 1 10.3.2.9; echo rc=$?
