# Reverse-path filtering, accept_local and route_localnet, seen through
# `ip route get ... iif` on a router (the kernel's fib_validate_source).
ip netns add r
ip link add a0 netns r address 02:00:00:00:0a:01 type veth peer name ha address 02:00:00:00:0a:02
ip link add b0 netns r address 02:00:00:00:0b:01 type veth peer name hb address 02:00:00:00:0b:02
ip -n r addr add 10.0.1.1/24 dev a0
ip -n r addr add 10.0.2.1/24 dev b0
ip -n r link set a0 up
ip -n r link set b0 up
ip link set ha up
ip link set hb up
ip netns exec r sysctl -w net.ipv4.ip_forward=1
ip -n r route get 10.0.2.9 from 10.0.1.2 iif a0; echo rc=$?
ip -n r route add 10.0.1.2/32 via 10.0.2.2
ip -n r route get 10.0.2.9 from 10.0.1.2 iif a0; echo rc=$?
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=1
ip -n r route get 10.0.2.9 from 10.0.1.2 iif a0; echo rc=$?
ip -n r route get 10.0.1.1 from 10.0.1.2 iif a0; echo rc=$?
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=2
ip -n r route get 10.0.2.9 from 10.0.1.2 iif a0; echo rc=$?
ip netns exec r sysctl -w net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.a0.rp_filter=1
ip -n r route get 10.0.2.9 from 10.0.1.2 iif a0; echo rc=$?
ip netns exec r sysctl -w net.ipv4.conf.a0.rp_filter=0
ip -n r route get 10.0.2.9 from 10.0.1.99 iif a0; echo rc=$?
ip -n r route get 10.0.2.9 from 10.0.2.1 iif a0; echo rc=$?
ip netns exec r sysctl -w net.ipv4.conf.a0.accept_local=1
ip -n r route get 10.0.2.9 from 10.0.2.1 iif a0; echo rc=$?
ip -n r route get 127.0.0.1 from 10.0.1.2 iif a0; echo rc=$?
ip netns exec r sysctl -w net.ipv4.conf.a0.route_localnet=1
ip -n r route get 127.0.0.1 from 10.0.1.2 iif a0; echo rc=$?
ip -n r route get 10.0.2.9 from 127.0.0.1 iif a0; echo rc=$?
