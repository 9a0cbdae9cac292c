# The ip commands and outputs Linux's selftests lean on (fib_tests.sh,
# route_localnet.sh, unicast_extensions.sh, pmtu.sh): route help, route get
# (fibmatch, from/iif), flush cache, -o, -4, table all, -batch.
ip route help; echo rc=$?
ip link add d0 address 02:00:00:00:0d:01 type veth peer name d0p address 02:00:00:00:0d:02
ip link set d0 up
ip link set d0p up
ip link set lo up
ip -4 address add 198.51.100.1/24 dev d0
ip route add 203.0.113.0/24 via 198.51.100.2 metric 10
ip route add table 100 10.9.0.0/16 dev d0
ip route get fibmatch 198.51.100.2; echo rc=$?
ip route get fibmatch 203.0.113.7; echo rc=$?
ip route get fibmatch 192.0.2.1; echo rc=$?
ip route get 203.0.113.7; echo rc=$?
ip route get 198.51.100.1; echo rc=$?
ip route get 192.0.2.1; echo rc=$?
ip -4 route get 198.51.100.2 from 198.51.100.1; echo rc=$?
ip route flush cache; echo rc=$?
ip -4 route flush cache; echo rc=$?
ip route show table all
ip -4 route show table all type unicast
ip -4 route show table local
ip route show table 100
ip -o addr show dev d0
ip -o -4 addr show
ip -o link show dev d0p
ip -4 -o route show
ip -4 -br addr show dev d0
ip route get fibmatch 192.0.2.9; echo rc=$?
ip link set d0 down
ip route get fibmatch 203.0.113.7; echo rc=$?
ip route get fibmatch 198.51.100.2 oif d0; echo rc=$?
ip netns add pidtest
ip netns pids pidtest; echo rc=$?
ip netns pids nosuch; echo rc=$?
ip netns pids; echo rc=$?
