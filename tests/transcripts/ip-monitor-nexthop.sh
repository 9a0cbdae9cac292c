# ip monitor nexthop route: nexthop objects and groups added, replaced and
# deleted (a route through a deleted nexthop goes without a word)
ip link add c0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01
ip link set c0 up
ip link set r0 up
ip addr add 10.0.0.1/24 dev c0
timeout 5 ip monitor nexthop route & sleep 0.2
ip nexthop add id 1 via 10.0.0.2 dev c0; sleep 0.1
ip nexthop add id 2 via 10.0.0.3 dev c0; sleep 0.1
ip nexthop add id 10 group 1/2,3; sleep 0.1
ip route add 10.9.0.0/16 nhid 10; sleep 0.1
ip nexthop replace id 2 via 10.0.0.4 dev c0; sleep 0.1
ip nexthop del id 10; sleep 0.1
ip nexthop add id 3 dev r0; sleep 0.1
ip nexthop del id 1; sleep 0.1
wait
