# Redirect loops: a device's egress to itself, and lo's egress to veth1's and back.  Linux
# stops each at MIRRED_NEST_LIMIT (4 nested redirects; the kernel log says "Packet exceeded
# mirred recursion limit on dev D"): 4 packets counted, the last redirect an overlimit.
ip link add veth1 type veth peer name veth2
ip link set veth1 up
ip link set veth2 up
ip addr add 10.9.0.1/24 dev veth1
tc qdisc add dev veth1 clsact
tc filter add dev veth1 egress protocol ip u32 match u32 0 0 action mirred egress redirect dev veth1
ip neigh add 10.9.0.2 lladdr 02:00:00:00:00:02 dev veth1
ping -q -c1 -w1 10.9.0.2
sleep 0.1
tc -s filter show dev veth1 egress
tc -s qdisc show dev veth1 clsact
ip link set lo up
tc qdisc add dev lo clsact
tc filter add dev lo egress protocol ip u32 match u32 0 0 action mirred egress redirect dev veth1
tc filter del dev veth1 egress
tc filter add dev veth1 egress protocol ip u32 match u32 0 0 action mirred egress redirect dev lo index 7
ping -q -c1 -w1 127.0.0.1
tc -s filter show dev veth1 egress
tc -s filter show dev lo egress
nstat -az IpOutDiscards
