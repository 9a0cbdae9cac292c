# ip monitor route: an address brings its local, prefix and broadcast routes;
# add, replace (RTM_NEWROUTE with NLM_F_REPLACE prints as an add), append,
# prepend, change, del; multipath; other tables; flush; a device going down
# takes its IPv4 routes without a word (fib_sync_down_dev + fib_flush), while
# a deleted address tells each route it takes
ip link add c0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01
ip link set c0 up
ip link set r0 up
timeout 10 ip monitor route & sleep 0.2
ip addr add 10.0.0.1/24 dev c0; sleep 0.1
ip addr add 10.0.1.1/24 dev r0; sleep 0.1
ip route add 192.168.1.0/24 via 10.0.0.2; sleep 0.1
ip route replace 192.168.1.0/24 via 10.0.0.3 mtu 1400; sleep 0.1
ip route append 192.168.1.0/24 via 10.0.1.2 metric 10; sleep 0.1
ip route prepend 192.168.1.0/24 via 10.0.1.3 metric 10; sleep 0.1
ip route change 192.168.1.0/24 via 10.0.0.4; sleep 0.1
ip route del 192.168.1.0/24 via 10.0.1.3 metric 10; sleep 0.1
ip route add 192.168.2.0/24 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.1.2; sleep 0.1
ip route add blackhole 192.168.3.0/24; sleep 0.1
ip route add unreachable 192.168.4.0/24 metric 5; sleep 0.1
ip route add default via 10.0.0.2 table 100; sleep 0.1
ip route add 172.16.0.0/16 dev c0 scope link table 100 proto static; sleep 0.1
ip route add 10.9.0.0/16 dev r0 src 10.0.1.1; sleep 0.1
ip route flush table 100; sleep 0.1
ip route del blackhole 192.168.3.0/24; sleep 0.1
ip route del 192.168.2.0/24; sleep 0.1
ip link set r0 down; sleep 0.1
ip route show
ip link set r0 up; sleep 0.1
ip addr del 10.0.0.1/24 dev c0; sleep 0.1
ip addr del 10.0.1.1/24 dev r0; sleep 0.1
wait
