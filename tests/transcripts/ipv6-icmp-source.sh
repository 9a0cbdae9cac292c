# The source of an ICMPv6 error a router sends (icmp6_send): an address of the
# interface the packet came in on, not the one routing back would pick — the
# topology of Linux's traceroute.sh: h1 → r1 (a bridge) → r2 over N2, r2 also on
# N1; r2's time exceeded comes from 2000:102::2 (N2) though its route back to h1
# is on N1.  With a route naming a source (src), that source wins.
ip netns add h1
ip netns exec h1 sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add h2
ip netns exec h2 sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add r1
ip netns exec r1 sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.forwarding=1
ip netns add r2
ip netns exec r2 sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0 net.ipv6.conf.all.forwarding=1
ip -n r2 link add eth3 address 02:00:00:00:03:02 type veth peer name eth3 address 02:00:00:00:03:04 netns h2
ip -n r2 link set eth3 up
ip -n h2 link set eth3 up
ip -n r2 addr add 2000:103::2/64 dev eth3
ip -n h2 addr add 2000:103::4/64 dev eth3
ip -n h2 route add default via 2000:103::2
ip -n r1 link add eth2 address 02:00:00:00:02:01 type veth peer name eth2 address 02:00:00:00:02:02 netns r2
ip -n r1 link set eth2 up
ip -n r2 link set eth2 up
ip -n r1 addr add 2000:102::1/64 dev eth2
ip -n r2 addr add 2000:102::2/64 dev eth2
ip -n r1 route add default via 2000:102::2
ip -n r1 link add name br0 address 02:00:00:00:01:01 type bridge
ip -n r1 link set br0 up
ip -n r1 addr add 2000:101::1/64 dev br0
ip -n h1 link add eth0 address 02:00:00:00:01:03 type veth peer name eth0 address 02:00:00:00:01:a3 netns r1
ip -n h1 link set eth0 up
ip -n r1 link set eth0 master br0 up
ip -n h1 addr add 2000:101::3/64 dev eth0
ip -n h1 route add default via 2000:101::1
ip -n r2 link add eth1 address 02:00:00:00:01:02 type veth peer name eth1 address 02:00:00:00:01:a2 netns r1
ip -n r2 link set eth1 up
ip -n r1 link set eth1 master br0 up
ip -n r2 addr add 2000:101::2/64 dev eth1
ip netns exec h1 ping -c 1 -W 2 2000:103::4
ip netns exec h1 ping -c 1 -t 1 2000:103::4
ip netns exec h1 ping -c 1 -t 2 2000:103::4
ip -n r2 -6 route get 2000:101::3
ip -n r2 route add 2000:101::3/128 dev eth1 src 2000:103::2
ip netns exec h1 ping -c 1 -t 2 2000:103::4
ip netns exec r2 nstat -az Icmp6OutTimeExcds
ip netns del h1
ip netns del h2
ip netns del r1
ip netns del r2
