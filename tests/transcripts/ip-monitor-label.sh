# ip monitor with `label` ([LINK], [ADDR], [ROUTE], [NEIGH] before each
# message), `ip -4 monitor` (no IPv6 groups), in a namespace through
# `ip netns exec`; `ip -j monitor` (text: iproute2 6.1's monitor has no
# JSON); the words iproute2 refuses
ip monitor foo; echo $?
ip monitor dev nosuch; echo $?
ip monitor help; echo $?
ip netns add a
ip netns exec a timeout 5 ip -4 monitor link address route neigh label & sleep 0.2
ip -n a link add c0 address 02:00:00:00:01:02 type veth peer name r0 address 02:00:00:00:01:01; sleep 0.1
ip -n a link set c0 up; sleep 0.1
ip -n a addr add 10.0.0.1/24 dev c0; sleep 0.1
ip -n a neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev c0; sleep 0.1
ip -n a route add 10.1.0.0/16 via 10.0.0.5; sleep 0.1
ip -n a route add 10.2.0.0/16 dev c0; sleep 0.1
ip -n a route del 10.1.0.0/16; sleep 0.1
ip -n a addr del 10.0.0.1/24 dev c0; sleep 0.1
wait
timeout 3 ip -n a -j monitor route & sleep 0.2
ip -n a route add blackhole 10.3.0.0/16; sleep 0.1
ip -n a route del blackhole 10.3.0.0/16; sleep 0.1
wait
