# Multipath IPv4 routes (nexthop via … dev … weight W), their output, dead nexthops,
# errors; routes with a dsfield that has ECN bits
ip link add veth1 type veth peer name veth2
ip link add veth3 type veth peer name veth4
ip link set veth1 up
ip link set veth2 up
ip link set veth3 up
ip link set veth4 up
ip addr add 172.16.101.1/24 dev veth1
ip addr add 172.16.103.1/24 dev veth3
ip ro add 172.16.104.0/24 nexthop via 172.16.101.2 nexthop via 172.16.103.2
ip ro ls match 172.16.104.0/24
ip ro add 172.16.104.0/24 nexthop via 172.16.101.2 nexthop via 172.16.103.2
ip ro add 172.16.105.0/24 proto static metric 20 nexthop via 172.16.101.2 dev veth1 weight 3 nexthop via 172.16.103.2 weight 2 onlink
ip ro add 172.16.105.0/24 proto static metric 20 nexthop via 172.16.101.2 dev veth1 weight 3 nexthop via 172.16.103.2 dev veth3 weight 2 onlink
ip ro add 172.16.106.0/24 nexthop via 172.16.101.2
ip ro add 172.16.107.0/24 nexthop dev veth1 nexthop dev veth3
ip route
ip -j route show 172.16.105.0/24
ip ro replace 172.16.104.0/24 nexthop via 172.16.111.3 nexthop via 172.16.103.3
ip ro replace 172.16.104.0/24 nexthop via 172.16.101.3 nexthop via 172.16.113.3
ip ro change 172.16.108.0/24 nexthop via 172.16.101.3 nexthop via 172.16.103.3
ip ro del 172.16.105.0/24 nexthop via 172.16.101.2 nexthop via 172.16.103.3
ip ro del 172.16.105.0/24 nexthop via 172.16.101.2
ip ro del 172.16.105.0/24 nexthop via 172.16.101.2 nexthop via 172.16.103.2
ip route get fibmatch 172.16.104.1
ip route get 172.16.104.1 oif veth3
ip link set veth3 down
ip route
ip link set veth3 up
ip route
ip ro add 172.16.109.0/24 nexthop via 172.16.101.2 weight 0
ip ro add 172.16.109.0/24 nexthop via 172.16.101.2 weight 257
ip ro add 172.16.109.0/24 nexthop
ip ro add 172.16.109.0/24 nexthop via 172.16.121.2
sysctl net.ipv4.fib_multipath_hash_policy
ip route flush 172.16.104.0/24
ip route
ip route add 172.16.102.0/24 dsfield 0x01 via 172.16.101.2
ip route add 172.16.102.0/24 tos 0x03 via 172.16.101.2
ip route add 172.16.102.0/24 tos 0xfc via 172.16.101.2
ip route show 172.16.102.0/24
