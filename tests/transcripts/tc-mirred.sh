# fib_tests.sh's rp_filter setup (fib_rp_filter_test) with what this kernel has: clsact's
# egress block on lo instead of an fq_codel root, u32 "match u32 0 0" instead of basic.
# lo's packets leave by the veth, and what the other end receives goes up through its lo.
ip netns add ns1
ip netns add ns2
ip -n ns1 link set lo up
ip -n ns2 link set lo up
ip -n ns1 link add veth1 type veth peer name veth2
ip -n ns1 link set veth2 netns ns2
ip -n ns1 address add 192.0.2.1/24 dev veth1
ip -n ns2 address add 192.0.2.1/24 dev veth2
ip -n ns1 link set dev veth1 up
ip -n ns2 link set dev veth2 up
ip -n ns1 link set dev lo address 52:54:00:6a:c7:5e
ip -n ns1 link set dev veth1 address 52:54:00:6a:c7:5e
ip -n ns2 link set dev lo address 52:54:00:6a:c7:5e
ip -n ns2 link set dev veth2 address 52:54:00:6a:c7:5e
ip netns exec ns2 tc qdisc add dev lo clsact
ip netns exec ns2 tc filter add dev lo egress protocol arp u32 match u32 0 0 action mirred egress redirect dev veth2
ip netns exec ns2 tc filter add dev lo egress protocol ip u32 match u32 0 0 action mirred egress redirect dev veth2
ip netns exec ns1 tc qdisc add dev veth1 ingress
ip netns exec ns1 tc filter add dev veth1 ingress protocol arp u32 match u32 0 0 action mirred ingress redirect dev lo
ip netns exec ns1 tc filter add dev veth1 ingress protocol ip u32 match u32 0 0 action mirred ingress redirect dev lo
ip netns exec ns1 tc qdisc add dev lo clsact
ip netns exec ns1 tc filter add dev lo egress protocol arp u32 match u32 0 0 action mirred egress redirect dev veth1
ip netns exec ns1 tc filter add dev lo egress protocol ip u32 match u32 0 0 action mirred egress redirect dev veth1
ip netns exec ns2 tc qdisc add dev veth2 ingress
ip netns exec ns2 tc filter add dev veth2 ingress protocol arp u32 match u32 0 0 action mirred ingress redirect dev lo
ip netns exec ns2 tc filter add dev veth2 ingress protocol ip u32 match u32 0 0 action mirred ingress redirect dev lo
ip netns exec ns1 sysctl -qw net.ipv4.conf.all.rp_filter=1
ip netns exec ns1 sysctl -qw net.ipv4.conf.all.accept_local=1
ip netns exec ns1 sysctl -qw net.ipv4.conf.all.route_localnet=1
ip netns exec ns2 sysctl -qw net.ipv4.conf.all.rp_filter=1
ip netns exec ns2 sysctl -qw net.ipv4.conf.all.accept_local=1
ip netns exec ns2 sysctl -qw net.ipv4.conf.all.route_localnet=1
ip netns exec ns2 ping -q -w1 -c1 192.0.2.1
ip netns exec ns2 ping -q -w1 -c1 127.0.0.1
sleep 0.1
ip netns exec ns2 tc -s filter show dev lo egress
ip netns exec ns1 tc -s filter show dev veth1 ingress protocol ip
ip netns exec ns1 tc -s qdisc show dev veth1 ingress
ip netns exec ns1 tc qdisc del dev veth1 ingress
ip netns exec ns2 ping -q -w1 -c1 192.0.2.1
