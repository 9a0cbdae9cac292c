# IPv6 redirects: host h, routers r1 and r2 and host o on one bridged link; h's default
# router is r1 (link-local), r1 reaches 2001:db8:9::/64 through r2 (link-local) and
# 2001:db8:5::/64 on the same link: h's packets for them come back out r1's interface,
# so r1 sends ICMPv6 redirects (to r2 — a better first hop — and on-link to o, with r2's
# link-layer address once r1 knows it); h and o take them as route exceptions (ip -6 route get, ip -6 route show cache), its next packets go
# straight; the device's accept_redirects=0 ignores them (all's alone does not)
ip netns add sw
ip netns add h
ip netns add r1
ip netns add r2
ip netns add o
ip netns exec h sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns exec r1 sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns exec r2 sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns exec o sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n sw link add br0 type bridge
ip -n sw link set br0 up
ip -n h link add e0 address 02:00:00:00:00:10 type veth peer name ph address 02:00:00:00:01:10 netns sw
ip -n r1 link add e0 address 02:00:00:00:00:01 type veth peer name pr1 address 02:00:00:00:01:01 netns sw
ip -n r2 link add e0 address 02:00:00:00:00:02 type veth peer name pr2 address 02:00:00:00:01:02 netns sw
ip -n o link add e0 address 02:00:00:00:00:05 type veth peer name po address 02:00:00:00:01:05 netns sw
ip -n sw link set ph master br0 up
ip -n sw link set pr1 master br0 up
ip -n sw link set pr2 master br0 up
ip -n sw link set po master br0 up
ip -n h link set e0 up
ip -n r1 link set e0 up
ip -n r2 link set e0 up
ip -n o link set e0 up
ip -n r2 link add d0 type veth peer name d1
ip -n r2 link set d0 up
ip -n r2 link set d1 up
ip -n h addr add 2001:db8:1::10/64 dev e0
ip -n r1 addr add 2001:db8:1::1/64 dev e0
ip -n r1 addr add 2001:db8:5::1/64 dev e0
ip -n r2 addr add 2001:db8:1::2/64 dev e0
ip -n r2 addr add 2001:db8:9::2/64 dev d0
ip -n o addr add 2001:db8:5::5/64 dev e0
ip -n o route add default via fe80::ff:fe00:1 dev e0
ip -n r2 route add default via fe80::ff:fe00:1 dev e0
ip -n r2 route add 2001:db8:5::/64 dev e0
ip -n o route add 2001:db8:1::/64 dev e0
ip netns exec r1 sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec r2 sysctl -qw net.ipv6.conf.all.forwarding=1
ip -n r1 route add 2001:db8:9::/64 via fe80::ff:fe00:2 dev e0
ip -n h route add default via fe80::ff:fe00:1 dev e0
ip netns exec h sysctl net.ipv6.conf.e0.accept_redirects net.ipv6.conf.all.accept_redirects
ip netns exec r1 tcpdump -t -n -i e0 -c 3 'icmp6 and ip6[40] == 137' & sleep 1
ip netns exec h ping -6 -c 2 -i 0.3 2001:db8:9::2
ip -n h -6 route get 2001:db8:9::2
ip -n h -6 route show cache
ip netns exec h ping -6 -c 2 -i 0.3 2001:db8:5::5
ip -n h -6 route get 2001:db8:5::5
ip -n h -6 route show cache
ip netns exec h ping -6 -c 1 2001:db8:9::2
echo x | ip netns exec h nc -6 -u -w1 -p 40000 2001:db8:9::3 9
wait
ip netns exec o ping -6 -c 1 2001:db8:9::2
ip -n o -6 route show cache
ip netns exec h nstat -az Icmp6InRedirects Icmp6OutRedirects
ip netns exec r1 nstat -az Icmp6InRedirects Icmp6OutRedirects Ip6OutForwDatagrams
ip -n h -6 route flush cache
ip -n h -6 route show cache
ip netns exec h sysctl -qw net.ipv6.conf.all.accept_redirects=0
ip netns exec h ping -6 -c 1 2001:db8:9::2
ip -n h -6 route show cache
ip -n h -6 route flush cache
ip netns exec h sysctl -qw net.ipv6.conf.e0.accept_redirects=0
ip netns exec h ping -6 -c 1 2001:db8:9::2
ip -n h -6 route show cache
ip netns exec h nstat -az Icmp6InRedirects
ip netns exec r1 nstat -az Icmp6OutRedirects
ip netns del h
ip netns del r1
ip netns del r2
ip netns del o
ip netns del sw
