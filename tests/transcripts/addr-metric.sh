# ip addr change/replace of an IPv4 address there: a new metric moves its prefix route
# (fib_modify_prefix_route), add of it again is EEXIST; metric in ip addr show and -j
# (fib_tests' ipv4_addr_metric)
ip link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02
ip link set v0 up
ip link set v1 up
ip addr add 10.1.1.1/24 dev v0 metric 5
ip addr change 10.1.1.1/24 dev v0 metric 7
ip route show
ip addr add 10.1.1.1/24 dev v0
ip addr replace 10.1.1.1/24 dev v0 metric 9
ip route show
ip link set v0 down
ip link set v0 up
ip route show
ip addr show dev v0
ip addr change 10.1.1.1/24 dev v0
ip route show
ip addr add 10.1.2.1/24 brd + dev v0 metric 5
ip addr show dev v0
ip -j addr show dev v0
