# NPTv6 (RFC 6296): a's echo requests leave with their source prefix 2001:db8:1::/64
# mapped to 2001:db8:99::/64 by SNPT (checksum neutral: 2001:db8:1::1 becomes
# 2001:db8:99:0:ff67::1), b answers through a route to that prefix, a's DNPT maps the
# replies back; b counts what it saw; -L, -S and the kernel's refusals
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a addr add 2001:db8:1::1/64 dev v0
ip -n b addr add 2001:db8:1::2/64 dev v1
ip -n b -6 route add 2001:db8:99::/64 via fe80::ff:fe00:101 dev v1
ip netns exec a ip6tables -t mangle -A POSTROUTING -o v0 -p ipv6-icmp --icmpv6-type echo-request -j SNPT --src-pfx 2001:db8:1::/64 --dst-pfx 2001:db8:99::/64
ip netns exec a ip6tables -t mangle -A PREROUTING -d 2001:db8:99::/64 -j DNPT --src-pfx 2001:db8:99::/64 --dst-pfx 2001:db8:1::/64
ip netns exec b ip6tables -A INPUT -s 2001:db8:99:0:ff67::1 -p ipv6-icmp
ip netns exec b ip6tables -A INPUT -s 2001:db8:1::1 -p ipv6-icmp --icmpv6-type echo-request
ip netns exec a ping -6 -c 2 2001:db8:1::2
ip netns exec b ip6tables -L INPUT -v -n
ip netns exec a ip6tables -t mangle -L -v -n
ip netns exec a ip6tables -t mangle -S
ip netns exec a ip6tables -t mangle -A POSTROUTING -j SNPT --src-pfx 2001:db8:1::1 --dst-pfx 2001:db8:99::/64
ip netns exec a ip6tables -t mangle -A POSTROUTING -j SNPT --src-pfx 2001:db8:1::/64
ip netns exec a ip6tables -t mangle -A PREROUTING -j SNPT --src-pfx 2001:db8:1::/64 --dst-pfx 2001:db8:99::/64
ip netns exec a ip6tables -A INPUT -j DNPT --src-pfx 2001:db8:1::/64 --dst-pfx 2001:db8:99::/64
ip netns del a
ip netns del b
