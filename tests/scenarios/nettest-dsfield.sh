# nettest -Q (IP_TOS on both sockets) picks the route of a dsfield rule, -q is quiet, -U
# (connected UDP client) as nettest.c; the selftests' fib_rule4_connect_test cases
ip netns add a
ip netns add b
ip link add v0 netns a type veth peer name v1 netns b
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a addr add 192.0.2.1/24 dev v0
ip -n b addr add 192.0.2.2/24 dev v1
ip -n b addr add 198.51.100.11/32 dev lo
ip -n b link set lo up
ip -n a route add 198.51.100.11/32 via 192.0.2.2 table 100
ip -n a rule add dsfield 0x04 table 100
ip netns exec a nettest -q -B -t 2 -N a -O b -Q 0x05 -l 198.51.100.11 -r 198.51.100.11; echo rc=$?
ip netns exec a nettest -q -B -t 2 -N a -O b -Q 0x20 -l 198.51.100.11 -r 198.51.100.11; echo rc=$?
ip netns exec a nettest -q -B -t 2 -N a -O b -D -U -Q 0x20 -l 198.51.100.11 -r 198.51.100.11; echo rc=$?
ip netns exec a nettest -q -B -t 2 -N a -O b -Q 0x100 -l 198.51.100.11 -r 198.51.100.11; echo rc=$?
ip netns exec a nettest -q -B -t 2 -N a -O b -D -U -Q 0x06 -l 198.51.100.11 -r 198.51.100.11; echo rc=$?
