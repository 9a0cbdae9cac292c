# The kinds this kernel lacks (cls_basic, cls_matchall, act_gact), so no .linux to compare:
# fib_tests.sh's own rp_filter commands (basic, mirred) on clsact's egress block of lo
# (skbox has no fq_codel root to hang them on), gact drop/pass/continue with -s counters,
# and a mirred loop between two clsact egress blocks stopped at MIRRED_NEST_LIMIT (4).
ip netns add ns2
ip link add veth1 type veth peer name veth2
ip link set veth2 netns ns2
ip address add 192.0.2.1/24 dev veth1
ip -n ns2 address add 192.0.2.1/24 dev veth2
ip link set dev veth1 up
ip -n ns2 link set dev veth2 up
ip link set dev lo up
ip -n ns2 link set dev lo up
ip link set dev lo address 52:54:00:6a:c7:5e
ip link set dev veth1 address 52:54:00:6a:c7:5e
ip -n ns2 link set dev lo address 52:54:00:6a:c7:5e
ip -n ns2 link set dev veth2 address 52:54:00:6a:c7:5e
ip netns exec ns2 tc qdisc add dev lo clsact
ip netns exec ns2 tc filter add dev lo egress protocol arp basic action mirred egress redirect dev veth2
ip netns exec ns2 tc filter add dev lo egress protocol ip basic action mirred egress redirect dev veth2
tc qdisc add dev veth1 ingress
tc filter add dev veth1 ingress protocol arp basic action mirred ingress redirect dev lo
tc filter add dev veth1 ingress protocol ip basic action mirred ingress redirect dev lo
tc qdisc add dev lo clsact
tc filter add dev lo egress protocol arp basic action mirred egress redirect dev veth1
tc filter add dev lo egress protocol ip basic action mirred egress redirect dev veth1
ip netns exec ns2 tc qdisc add dev veth2 ingress
ip netns exec ns2 tc filter add dev veth2 ingress protocol arp basic action mirred ingress redirect dev lo
ip netns exec ns2 tc filter add dev veth2 ingress protocol ip basic action mirred ingress redirect dev lo
sysctl -qw net.ipv4.conf.all.rp_filter=1
sysctl -qw net.ipv4.conf.all.accept_local=1
sysctl -qw net.ipv4.conf.all.route_localnet=1
ip netns exec ns2 sysctl -qw net.ipv4.conf.all.rp_filter=1
ip netns exec ns2 sysctl -qw net.ipv4.conf.all.accept_local=1
ip netns exec ns2 sysctl -qw net.ipv4.conf.all.route_localnet=1
ip netns exec ns2 ping -q -w1 -c1 192.0.2.1
ip netns exec ns2 ping -q -w1 -c1 127.0.0.1
tc -s filter show dev veth1 ingress
# gact: a drop before the redirect at veth1's ingress; continue goes on to the next filter
tc filter add dev veth1 ingress pref 1 protocol ip matchall action continue
tc filter add dev veth1 ingress pref 2 protocol ip u32 match ip protocol 1 0xff action drop
ip netns exec ns2 ping -q -w1 -c1 192.0.2.1
tc -s filter show dev veth1 ingress pref 2
tc -s filter show dev veth1 ingress pref 1
tc -s qdisc show dev veth1 ingress
tc filter del dev veth1 ingress pref 2
tc filter replace dev veth1 ingress pref 1 handle 1 protocol ip matchall action pass
ip netns exec ns2 ping -q -w1 -c1 192.0.2.1
tc filter show dev veth1 ingress pref 1
tc filter del dev veth1 ingress
tc filter show dev veth1 ingress
# a loop: lo's egress to veth1's egress, veth1's egress back to lo's
tc qdisc del dev veth1 ingress
tc qdisc add dev veth1 clsact
tc filter add dev veth1 egress protocol ip basic action mirred egress redirect dev lo
ping -q -w1 -c1 127.0.0.1
dmesg
tc -s filter show dev veth1 egress
nstat -az IpOutDiscards
