# A router forwards with its device's MTU, not with a path MTU it learned for
# its own packets (net.ipv4.ip_forward_use_pmtu=0, ip_dst_mtu_maybe_forward):
# r learns mtu 1400 towards s's addresses from r2's frag-needed, yet c's
# 1500-byte DF packet is forwarded and r2 answers it.  With ip_forward_use_pmtu=1
# r answers itself; a route's own mtu metric is always honoured when forwarding.
# Fragments too are cut to the device's MTU, not to the learned one: r cuts
# c's 1800-byte packet at 1500, r2 cuts again.  (c learns each answer for
# one address of s: a new address for each case.)
ip netns add c
ip netns add r
ip netns add r2
ip netns add s
ip link add c0 netns c address 02:00:00:00:20:01 type veth peer name rc netns r address 02:00:00:00:20:02
ip link add r0 netns r address 02:00:00:00:20:03 type veth peer name r2r netns r2 address 02:00:00:00:20:04
ip link add r2s netns r2 address 02:00:00:00:20:05 type veth peer name s0 netns s address 02:00:00:00:20:06
ip -n c addr add 10.1.0.2/24 dev c0
ip -n r addr add 10.1.0.1/24 dev rc
ip -n r addr add 10.2.0.1/24 dev r0
ip -n r2 addr add 10.2.0.2/24 dev r2r
ip -n r2 addr add 10.3.0.1/24 dev r2s
ip -n s addr add 10.3.0.2/24 dev s0
ip -n s addr add 10.3.0.3/24 dev s0
ip -n s addr add 10.3.0.4/24 dev s0
ip -n s addr add 10.3.0.5/24 dev s0
ip -n s addr add 10.3.0.6/24 dev s0
ip -n c link set c0 up
ip -n r link set rc up
ip -n r link set r0 up
ip -n r2 link set r2r up
ip -n r2 link set r2s up
ip -n s link set s0 up
ip -n r2 link set r2s mtu 1400
ip -n s link set s0 mtu 1400
ip -n c link set c0 mtu 2000
ip -n r link set rc mtu 2000
ip netns exec r sysctl -q -w net.ipv4.ip_forward=1
ip netns exec r2 sysctl -q -w net.ipv4.ip_forward=1
ip -n c route add default via 10.1.0.1
ip -n r route add 10.3.0.0/24 via 10.2.0.2
ip -n r2 route add 10.1.0.0/24 via 10.2.0.1
ip -n s route add default via 10.3.0.1
ip netns exec r sysctl net.ipv4.ip_forward_use_pmtu
ip netns exec r ping -c 1 -W 1 -M do -s 1472 10.3.0.2
ip netns exec r ping -q -c 1 -W 1 -M do -s 1472 10.3.0.3
ip netns exec r ping -q -c 1 -W 1 -M do -s 1472 10.3.0.4
ip netns exec r ping -q -c 1 -W 1 -M do -s 1472 10.3.0.6
ip -o -n r route get 10.3.0.2
ip netns exec c ping -c 1 -W 1 -M do -s 1472 10.3.0.2
ip netns exec c ping -q -c 1 -W 1 -M do -s 1372 10.3.0.2
ip netns exec r sysctl -q -w net.ipv4.ip_forward_use_pmtu=1
ip netns exec c ping -c 1 -W 1 -M do -s 1472 10.3.0.3
ip netns exec r sysctl -q -w net.ipv4.ip_forward_use_pmtu=0
ip -n r route add 10.3.0.0/24 via 10.2.0.2 mtu 1450 table 6
ip -n r rule add iif rc table 6
ip netns exec c ping -c 1 -W 1 -M do -s 1472 10.3.0.4
ip netns exec c ping -c 1 -W 1 -M do -s 1422 10.3.0.5
ip -n r rule del iif rc table 6
ip netns exec c ping -q -c 1 -W 1 -M dont -s 1772 10.3.0.6
ip netns exec r nstat -az IpFragOKs IpFragCreates
ip netns exec r2 nstat -az IpFragOKs IpFragCreates
