# IPV6_TCLASS in the route lookup: `ip -6 rule add dsfield 0x04` sends a socket with that
# class (ECN bits aside) to the table that reaches the peer's address; any other class
# finds no route (fib_rule_tests.sh's fib_rule6_connect_test, with nettest -6 -Q)
ip netns add t
ip netns add p
ip -n t link set lo up
ip -n p link set lo up
ip link add name veth0 netns t type veth peer name veth1 netns p
ip -n t link set veth0 up
ip -n p link set veth1 up
ip -n t address add 2001:db8::10 peer 2001:db8::11/128 dev veth0 nodad
ip -n p address add 2001:db8::11 peer 2001:db8::10/128 dev veth1 nodad
ip -n p address add 2001:db8::1:11/128 dev lo
ip -n t route add table 100 2001:db8::1:11/128 via 2001:db8::11
ip -n t -6 rule add dsfield 0x04 table 100
ip -n t -6 rule
nettest -6 -B -t 5 -N t -O p -U -D -Q 0x05 -l 2001:db8::1:11 -r 2001:db8::1:11
echo rc=$?
nettest -q -6 -B -t 5 -N t -O p -Q 0x07 -l 2001:db8::1:11 -r 2001:db8::1:11
echo rc=$?
nettest -q -6 -B -t 5 -N t -O p -U -D -Q 0x20 -l 2001:db8::1:11 -r 2001:db8::1:11
echo rc=$?
nettest -q -6 -B -t 5 -N t -O p -Q 0x20 -l 2001:db8::1:11 -r 2001:db8::1:11
echo rc=$?
ip netns exec t nstat -az Ip6OutNoRoutes
ip -n t -6 route get 2001:db8::1:11 tos 0x04
ip -n t -6 route get 2001:db8::1:11
ip netns del t
ip netns del p
