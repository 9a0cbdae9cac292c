# ip6tables filter: REJECT with ICMPv6 codes seen by ping -6, DROP, counters in
# -L -n -v and -S, user chains, policies, and the refusals
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a addr add 2001:db8::1/64 dev v0
ip -n b addr add 2001:db8::2/64 dev v1
ip netns exec a ping -6 -c 1 2001:db8::2
ip netns exec b ip6tables -A INPUT -p ipv6-icmp --icmpv6-type echo-request -s 2001:db8::1 -j REJECT
ip netns exec a ping -6 -c 1 -W 1 2001:db8::2
ip netns exec b ip6tables -R INPUT 1 -p icmpv6 --icmpv6-type 128 -j REJECT --reject-with icmp6-adm-prohibited
ip netns exec a ping -6 -c 1 -W 1 2001:db8::2
ip netns exec b ip6tables -R INPUT 1 -p ipv6-icmp -m icmp6 --icmpv6-type echo-request -j REJECT --reject-with addr-unreach
ip netns exec a ping -6 -c 1 -W 1 2001:db8::2
ip netns exec b ip6tables -R INPUT 1 -s 2001:db8::/64 -d 2001:db8::2/128 -p ipv6-icmp --icmpv6-type echo-request -j DROP
ip netns exec a ping -6 -c 1 -W 1 2001:db8::2
ip netns exec b ip6tables -N PINGS
ip netns exec b ip6tables -A PINGS -m hl --hl-eq 64 -j RETURN
ip netns exec b ip6tables -A PINGS -j DROP
ip netns exec b ip6tables -R INPUT 1 -p ipv6-icmp --icmpv6-type echo-request -j PINGS
ip netns exec b ip6tables -A INPUT ! -s fe80::/10 -i v1 -p udp --dport 9 -j REJECT --reject-with icmp6-port-unreachable
ip netns exec b ip6tables -A INPUT -m length --length 100:104 -p ipv6-icmp -m comment --comment "ping size"
ip netns exec b ip6tables -A INPUT -m length ! --length 100:104 -p ipv6-icmp
ip netns exec a ping -6 -c 2 2001:db8::2
ip netns exec b ip6tables -L -n -v
ip netns exec b ip6tables -L INPUT
ip netns exec b ip6tables -S
ip netns exec b ip6tables -S INPUT 2
ip netns exec b ip6tables -Z
ip netns exec b ip6tables -P INPUT DROP
ip netns exec b ip6tables -vnL INPUT
ip netns exec a ping -6 -c 1 -W 1 2001:db8::2
ip netns exec b ip6tables -vnL INPUT
ip netns exec b ip6tables -P INPUT ACCEPT
ip netns exec b ip6tables -F
ip netns exec b ip6tables -X
ip netns exec b ip6tables -A INPUT -s 2001:db8::1/ffff:ffff:: -d 2001:db8::2,2001:db8::3 -j ACCEPT
ip netns exec b ip6tables -S INPUT
ip netns exec b ip6tables -A INPUT -s 2001:db8::zz -j ACCEPT
ip netns exec b ip6tables -A INPUT -s 2001:db8::1/129 -j ACCEPT
ip netns exec b ip6tables -A INPUT -f -j ACCEPT
ip netns exec b ip6tables -A INPUT -p icmp --icmp-type 8 -j ACCEPT
ip netns exec b ip6tables -A INPUT -j REJECT --reject-with icmp-host-unreachable
ip netns exec b ip6tables -A INPUT -j REJECT --reject-with tcp-reset
ip netns exec b ip6tables -A INPUT -p ipv6-icmp --icmpv6-type bogus -j ACCEPT
ip netns exec b ip6tables -A INPUT -m hl --hl-lt 3 --hl-gt 4
ip netns exec b ip6tables -A INPUT -p 44 -j DROP
ip netns exec b ip6tables -V
ip netns exec b ip6tables -S
ip netns exec b iptables -S
ip netns del a
ip netns del b
