# conntrack for IPv6: a stateful ip6tables firewall (INPUT policy DROP; ESTABLISHED,RELATED
# and UNTRACKED accepted, new echo requests accepted, INVALID dropped), ICMPv6 echo and UDP
# entries in conntrack -L -f ipv6, neighbour discovery untracked, an ICMPv6 port unreachable
# RELATED to its UDP flow; conntrack -L of both families, -s/-d/-r with IPv6 addresses, -C,
# -D -f ipv6, -F (listings keep to one ICMPv6 entry: the normalizer sorts only tcp/udp/icmp
# runs, and the kernel's hash order is random)
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a addr add 2001:db8::1/64 dev v0
ip -n b addr add 2001:db8::2/64 dev v1
ip -n a addr add 10.0.0.1/24 dev v0
ip -n b addr add 10.0.0.2/24 dev v1
ip netns exec b ip6tables -A INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j ACCEPT
ip netns exec b ip6tables -A INPUT -m conntrack --ctstate UNTRACKED -j ACCEPT
ip netns exec b ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -m state --state NEW -j ACCEPT
ip netns exec b ip6tables -A INPUT -m conntrack --ctstate INVALID -j DROP
ip netns exec b ip6tables -P INPUT DROP
ip netns exec b iptables -A INPUT -m state --state NEW
ip netns exec a ping -6 -c 2 2001:db8::2
ip netns exec a ping -c 1 10.0.0.2
ip netns exec b conntrack -L -f ipv6
ip netns exec b conntrack -L -p icmp
ip netns exec b conntrack -C
ip netns exec b ping -6 -c 1 2001:db8::1
echo nobody | ip netns exec b nc -6 -u -w 1 -p 4000 2001:db8::1 5000
ip netns exec a ip6tables -A INPUT -p udp -j REJECT
echo rejected | ip netns exec b nc -6 -u -w 1 -p 4001 2001:db8::1 5001
echo v4 | ip netns exec b nc -u -w 1 -p 4002 10.0.0.1 5002
ip netns exec b conntrack -L -p udp
ip netns exec b conntrack -L -f ipv6 -p icmpv6 -s 2001:db8::2
ip netns exec b conntrack -L -f ipv6 -r 2001:db8::2 -p icmpv6
ip netns exec b conntrack -L -s 2001:db8::2 -d 2001:db8::1 -p udp
ip netns exec b conntrack -L -s 10.0.0.1
ip netns exec b conntrack -L -f ipv4 -s 2001:db8::2
ip netns exec b ip6tables -L INPUT -v -n
ip netns exec b conntrack -D -f ipv6 -p udp
ip netns exec b conntrack -L -p udp
ip netns exec b conntrack -F
ip netns exec b conntrack -L -f ipv6
ip netns exec b conntrack -L -f inet7
ip netns del a
ip netns del b
