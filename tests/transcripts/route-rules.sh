# Policy rules of both families: dsfield/tos, ipproto, sport/dport, uidrange
# selectors, `ip -6 rule add/del`, and `ip route get` / `ip -6 route get` through
# them (kernel-run disables IPv6: the sysctl line turns it back on)
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 type veth peer name v1
ip -n a link set v0 up
ip -n a link set v1 up
ip -n a addr add 192.51.100.1/24 dev v0
ip -n a -6 addr add 2001:db8:1::1/64 dev v0
ip -n a rule add dsfield 1 table 100
ip -n a rule add tos 0xfc table 100
ip -n a rule add tos 0x10 table 100
ip -n a rule add uidrange 100-100 table 100
ip -n a rule add sport 666 dport 777 table 100
ip -n a rule add sport 1000-2000 table 100
ip -n a rule add ipproto tcp table 100
ip -n a rule add ipproto 200 table 100
ip -n a rule add ipproto tcp table 100
ip -n a rule
ip -n a route add table 100 default via 192.51.100.2 dev v0 onlink
ip -n a route get 192.51.100.2 tos 0x11
ip -n a route get 192.51.100.2 tos 0x1c
ip -n a route get 192.51.100.2 uid 100
ip -n a route get 192.51.100.2 uid 101
ip -n a route get 192.51.100.2 sport 666 dport 777
ip -n a route get 192.51.100.2 sport 667 dport 778
ip -n a route get 192.51.100.2 ipproto tcp
ip -n a route get 192.51.100.2 ipproto udp
ip -n a rule del ipproto tcp
ip -n a rule del uidrange 100-100
ip -n a rule del sport 1000-2000
ip -n a rule del tos 0x10
ip -n a rule add not from 10.0.0.0/8 to 10.1.0.0/16 iif v0 oif v1 fwmark 0x64/0xff table 100
ip -n a rule
ip -n a route get 192.51.100.2
ip -n a rule del not from 10.0.0.0/8 to 10.1.0.0/16 table 100
ip -n a -6 rule
ip -n a -6 rule add dsfield 1 table 100
ip -n a -6 rule add tos 0xfc table 100
ip -n a -6 rule add from 2001:db8:1::3 iif v0 table 100
ip -n a -6 rule add oif v0 table 100
ip -n a -6 rule add to 2001:db8:2::/48 fwmark 0x64 ipproto ipv6-icmp table 100
ip -n a -6 rule add uidrange 100-200 sport 666 dport 777 prio 100 table 100
ip -n a -6 rule add from 2001:db8:1::3 iif v0 table 100
ip -n a -6 rule
ip -n a -6 route add table 100 default via 2001:db8:1::2 dev v0 onlink
ip -n a -6 route get 2001:db8:1::2 oif v0
ip -n a -6 route get 2001:db8:1::2 oif lo
ip -n a -6 route get 2001:db8:1::2 tos 0xfd
ip -n a -6 route get 2001:db8:1::2 tos 0xf4
ip -n a -6 route get 2001:db8:1::2 from 2001:db8:1::3 iif v0
ip -n a -6 route get 2001:db8:1::2 uid 150 sport 666 dport 777
ip -n a -6 route get 2001:db8:1::2 uid 150 sport 666 dport 778
ip -n a -6 rule del oif v0
ip -n a -6 rule del tos 0xfc
ip -n a -6 rule del pref 100
ip -n a -6 rule del from 2001:db8:1::3 iif v0 table 100
ip -n a -6 rule del from 2001:db8:1::4
ip -n a -6 rule
ip -n a -6 rule flush
ip -n a -6 rule
ip -n a rule flush
ip -n a rule
ip netns del a
