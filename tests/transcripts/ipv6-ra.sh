# Router advertisements from radvd (tests/transcripts/ipv6-ra.radvd.conf) to two hosts: SLAAC
# (prefix + EUI-64, dynamic, tentative until DAD is done), the on-link prefix route with its
# lifetime, the default route proto ra with the RA's lifetime, hop limit and MTU, the router's
# neighbour entry; what h sends takes the RA's hop limit (ttl=60 of its echo reply) and MTU
# (a 1448-byte reply fragmented); h2 with accept_ra_defrtr=0 and autoconf=0 takes only the
# on-link prefixes.
# Lifetimes are normalised (they count down in real time on the kernel).
ip netns add r
ip netns exec r sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.forwarding=1
ip netns add h
ip netns exec h sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0
ip netns add h2
ip netns exec h2 sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.default.accept_ra_defrtr=0 net.ipv6.conf.default.autoconf=0
ip -n r link add r0 address 02:00:00:00:02:01 type veth peer name h0 address 02:00:00:00:02:02 netns h
ip -n r link add r1 address 02:00:00:00:03:01 type veth peer name h0 address 02:00:00:00:03:02 netns h2
ip -n r link set r0 up
ip -n r link set r1 up
ip -n r addr add 2001:db8:1::1/64 dev r0
ip -n r addr add 2001:db8:2::1/64 dev r1
ip -n h link set h0 up
ip -n h2 link set h0 up
sleep 3
ip -n h -6 route
ip netns exec r radvd -n -C tests/transcripts/ipv6-ra.radvd.conf -m none -p /tmp/skbox-ipv6-ra.pid &
sleep 0.5
ip -n h -6 addr show dev h0
sleep 3
ip -n h -6 addr show dev h0
ip -n h -6 route
ip -n h -6 neigh
ip netns exec h sysctl net.ipv6.conf.h0.mtu net.ipv6.conf.h0.hop_limit net.ipv6.conf.h0.accept_ra
ip -n h -6 route get 2001:db8:9::1
ip netns exec r ping -6 -c 1 2001:db8:1::ff:fe00:202
ip netns exec r ping -6 -c 1 -s 1400 2001:db8:1::ff:fe00:202
ip netns exec h nstat -az Ip6FragOKs Ip6FragCreates
ip -n h2 -6 addr show dev h0
ip -n h2 -6 route
ip -n h2 -6 neigh
ip netns exec h nstat -az Icmp6InRouterAdvertisements Icmp6OutRouterSolicits
ip netns exec h2 nstat -az Icmp6InRouterAdvertisements Icmp6OutRouterSolicits
ip netns exec r nstat -az Icmp6OutRouterAdvertisements Icmp6InRouterSolicits
