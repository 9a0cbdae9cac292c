# ARP: bridge br0 (10.0.0.1/24; 10.9.9.9/32 on lo) with hosts a, b, c; d behind veth pd.
ip link add br0 address 02:00:00:00:00:01 type bridge
ip addr add 10.0.0.1/24 dev br0
ip addr add 10.9.9.9/32 dev lo
ip link set lo up
ip link set br0 up
ip netns add a
ip netns add b
ip netns add d
ip link add a0 address 02:00:00:00:0a:02 type veth peer name pa address 02:00:00:00:0a:01
ip link add b0 address 02:00:00:00:0b:02 type veth peer name pb address 02:00:00:00:0b:01
ip link add d0 address 02:00:00:00:0d:02 type veth peer name pd address 02:00:00:00:0d:01
ip link set a0 netns a
ip link set b0 netns b
ip link set d0 netns d
ip link set pa master br0 up
ip link set pb master br0 up
ip addr add 10.5.0.1/24 dev pd
ip link set pd up
ip -n a addr add 10.0.0.2/24 dev a0
ip -n b addr add 10.0.0.3/24 dev b0
ip -n d addr add 10.5.0.2/24 dev d0
ip -n a link set a0 up
ip -n b link set b0 up
ip -n d link set d0 up
ip -n d route add default via 10.5.0.1
ip -n a route add 10.9.9.9 dev a0
ip netns exec a ping -c 1 -W 1 10.9.9.9; echo rc=$?
ip -n a neigh show 10.9.9.9
sysctl -w net.ipv4.conf.br0.arp_ignore=1
ip -n a neigh flush all
ip netns exec a ping -c 1 -W 1 10.9.9.9; echo rc=$?
ip -n a neigh show 10.9.9.9
ip -n a neigh flush all
ip netns exec a ping -c 1 -W 1 10.0.0.1; echo rc=$?
sysctl -w net.ipv4.conf.br0.arp_ignore=2
ip -n a neigh flush all
ip netns exec a ping -c 1 -W 1 10.0.0.1; echo rc=$?
sysctl -w net.ipv4.conf.br0.arp_ignore=0
ip netns exec a ping -c 1 -W 1 10.0.0.3; echo rc=$?
ip -n a neigh show 10.0.0.3
ip -n b neigh show
ip neigh show dev br0
ip netns exec a ping -c 1 -W 5 10.0.0.99; echo rc=$?
ip -n a neigh show 10.0.0.99
sysctl -w net.ipv4.ip_forward=1
ip -n a route add 10.5.0.0/24 dev a0
ip netns exec a ping -c 1 -W 1 10.5.0.2; echo rc=$?
ip -n a neigh flush all
sysctl -w net.ipv4.conf.br0.proxy_arp=1
ip netns exec a ping -c 1 -W 2 10.5.0.2; echo rc=$?
ip -n a neigh show 10.5.0.2
ip -n a neigh add 10.0.0.50 lladdr 02:00:00:00:00:50 dev a0
ip -n a neigh add 10.0.0.50 lladdr 02:00:00:00:00:51 dev a0; echo rc=$?
ip -n a neigh replace 10.0.0.51 lladdr 02:00:00:00:00:51 dev a0 nud reachable
ip -n a neigh show 10.0.0.50
ip -n a neigh show nud permanent
ip -n a neigh del 10.0.0.50 dev a0
ip -n a neigh del 10.0.0.50 dev a0; echo rc=$?
ip -n a neigh flush dev a0
ip -n a neigh show
