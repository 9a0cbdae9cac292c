# nstat: SNMP counters of two namespaces after pings across a veth pair.
ip netns add a
ip netns add b
ip link add va address 02:00:00:00:0a:01 type veth peer name vb address 02:00:00:00:0b:01
ip link set va netns a
ip link set vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip netns exec a nstat -az
ip netns exec a ping -c 3 -i 0.2 10.0.0.2; echo rc=$?
ip netns exec a ping -c 1 -W 1 10.0.0.9; echo rc=$?
ip netns exec a ping -c 1 -W 1 10.9.0.1; echo rc=$?
ip netns exec a nstat -az
ip netns exec b nstat -az
ip netns exec b nstat -a
ip netns exec b nstat -az Ip* Icmp*Echo*
ip netns exec a nstat -aj IcmpMsg*
