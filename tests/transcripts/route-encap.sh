# Routes with lightweight tunnel encapsulation (lwtunnel): encap ip / encap ip6 on single
# and multipath routes of both families, shown (text, details, JSON, route get), deleted
# by their encap, replaced; the parser's errors; types this kernel refuses; a packet
# through an encap route to a veth goes out as it is (no collect_md device)
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip -n a link add veth1 type veth peer name veth2 netns b
ip -n a link set veth1 up
ip -n b link set veth2 up
ip -n a addr add 20.20.10.2/24 dev veth1
ip -n b addr add 20.20.10.1/24 dev veth2
ip -n b addr add 10.0.0.1/24 dev veth2
ip -n a -6 addr add 2001:10::1/64 dev veth1
ip -n a route add 10.0.0.0/24 encap ip dst 192.168.10.20 via 20.20.10.1 dev veth1; echo rc=$?
ip -n a route add 10.0.0.0/24 encap ip dst 192.168.10.20 via 20.20.10.1 dev veth1; echo rc=$?
ip -n a route add 10.0.1.0/24 encap ip id 5 src 1.2.3.4 dst 192.168.10.20 ttl 9 tos 0x10 key csum seq via 20.20.10.1 dev veth1; echo rc=$?
ip -n a route add 10.0.2.0/24 nexthop via 20.20.10.1 dev veth1 nexthop encap ip dst 192.168.10.30 via 20.20.10.3 dev veth1; echo rc=$?
ip -n a route
ip -n a -d route
ip -n a -j route
ip -n a route get 10.0.0.1
ip -n a route get 10.0.1.1
ip netns exec a ping -c 1 -W 1 10.0.0.1
ip -n a route add 10.0.3.0/24 encap mpls 100 via 20.20.10.1 dev veth1; echo rc=$?
ip -n a route add 10.0.3.0/24 encap ila 1:2:3:4 dev veth1; echo rc=$?
ip -n a route add 10.0.3.0/24 encap ioam6 trace prealloc type 0x800000 ns 1 size 12 dev veth1; echo rc=$?
ip -n a route add 10.0.3.0/24 encap rpl segs 2001::1 dev veth1; echo rc=$?
ip -n a route add 10.0.3.0/24 encap xfrm if_id 1 dev veth1; echo rc=$?
ip -n a route add 10.0.3.0/24 nexthop via 20.20.10.1 dev veth1 nexthop encap mpls 200 via 20.20.10.3 dev veth1; echo rc=$?
ip -n a route add 10.0.3.0/24 encap foo dev veth1; echo rc=$?
ip -n a route add 10.0.4.0/24 encap ip dst 2001::1 dev veth1; echo rc=$?
ip -n a route add 10.0.4.0/24 encap ip ttl 300 dev veth1; echo rc=$?
ip -n a route add 10.0.4.0/24 encap ip id x dev veth1; echo rc=$?
ip -n a route add 10.0.4.0/24 encap ip dst 1.1.1.1 dst 1.1.1.2 dev veth1; echo rc=$?
ip -n a route add 10.0.4.0/24 encap ip key key dev veth1; echo rc=$?
ip -n a route add 10.0.4.0/24 encap ip key; echo rc=$?
ip -n a route add 10.0.4.0/24 encap ip; echo rc=$?
ip -n a route add 10.0.4.0/24 encap; echo rc=$?
ip -n a route add 10.0.5.0/24 encap ip dst 1.1.1.1 tos 0x1ff dev veth1; echo rc=$?
ip -n a route add 10.0.4.0/24 encap ip tos 0x11 dev veth1; echo rc=$?
ip -n a route add 10.0.6.0/24 encap ip dev veth1; echo rc=$?
ip -n a route
ip -n a route del 10.0.0.0/24 encap ip dst 192.168.10.21 via 20.20.10.1 dev veth1; echo rc=$?
ip -n a route del 10.0.0.0/24 encap ip dst 192.168.10.20 via 20.20.10.1 dev veth1; echo rc=$?
ip -n a route replace 10.0.1.0/24 encap ip dst 192.168.10.99 dev veth1; echo rc=$?
ip -n a route show 10.0.1.0/24
ip -n a route del 10.0.2.0/24; echo rc=$?
ip -n a -6 route add 2001::/64 nexthop via 2001:10::2 dev veth1 nexthop encap ip6 dst 2002::20 via 2001:10::3 dev veth1; echo rc=$?
ip -n a -6 route add 2003::/64 encap ip6 id 7 src 2001::9 dst 2002::20 hoplimit 5 tc 0x20 key via 2001:10::3 dev veth1; echo rc=$?
ip -n a -6 route add 2004::/64 encap ip dst 1.1.1.1 dev veth1; echo rc=$?
ip -n a -6 route add 2005::/64 encap ip6 dst 1.1.1.1 dev veth1; echo rc=$?
ip -n a -6 route add 2005::/64 encap mpls 100 dev veth1; echo rc=$?
ip -n a -6 route
ip -n a -6 -j route show 2003::/64
ip -n a -6 route get 2003::1
ip -n a -6 route del 2003::/64; echo rc=$?
ip -n a -6 route del 2001::/64; echo rc=$?
ip -n a -6 route
