# ip -6 route … expires N: the route's lifetime (RTF_EXPIRES), shown counting down, negative once
# expired and not yet collected; the fib6 GC every net.ipv6.route.gc_interval seconds and
# the write-only net.ipv6.route.flush take expired routes away; replace with and without
# expires (fib_tests.sh's fib6_gc_test).  Sleeps end half-way between seconds: Linux's clock
# has moved a little past every whole second skbox's virtual one is on.
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip netns exec a sysctl -wq net.ipv6.route.gc_interval=5
ip -n a link add v0 type veth peer name v1
ip -n a link set v0 up
ip -n a link set v1 up
ip -n a -6 addr add 2001:10::1/64 dev v0 nodad
ip netns exec a sysctl -wq net.ipv6.route.flush=1
ip netns exec a sysctl net.ipv6.route.flush
ip -n a -6 route add 2001:20::1 via 2001:10::2 dev v0 expires 5
ip -n a -6 route add 2001:20::2 via 2001:10::2 dev v0 expires 20
ip -n a -6 route add 2001:30::1 via 2001:10::2 dev v0
ip -n a -6 route replace 2001:30::1 via 2001:10::2 dev v0 expires 7
ip -n a -6 route add 2001:40::1 via 2001:10::2 dev v0 expires 8
ip -n a -6 route replace 2001:40::1 via 2001:10::2 dev v0
sleep 0.5
ip -n a -6 route show
sleep 5.2
ip -n a -6 route show
sleep 5.5
ip -n a -6 route show
ip netns exec a sysctl -w net.ipv6.route.flush=1
ip -n a -6 route add 2001:50::1 via 2001:10::2 dev v0 expires 1
sleep 3
ip -n a -6 route show 2001:50::1
ip netns exec a sysctl -w net.ipv6.route.flush=1
ip -n a -6 route show 2001:50::1
ip -n a -6 route add 2001:50::1 via 2001:10::2 dev v0 expires x
ip netns del a
