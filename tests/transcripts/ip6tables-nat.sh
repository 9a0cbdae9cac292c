# NAT66: c (2001:db8:1::2) behind router r reaches s (2001:db8:2::2, no route back to
# 2001:db8:1::/64) through MASQUERADE (ping -6, nc -6 over TCP); s reaches a server on c
# through DNAT on r ([2001:db8:2::1]:8080 -> [2001:db8:1::2]:80) and NETMAP (2001:db8:99::/64
# -> 2001:db8:1::/64); a port unreachable from s reaches c translated back (RELATED on c's
# own conntrack); masqueraded entries go with r's address; REDIRECT in PREROUTING to r's address on rs; conntrack -L -f ipv6
# shows the translated reply tuples; REDIRECT in OUTPUT; -L, -S, ip6tables-save and the
# parser's errors
ip netns add c
ip netns add r
ip netns add s
ip netns exec c sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns exec r sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns exec s sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n r link add rc address 02:00:00:00:01:01 type veth peer name e0 address 02:00:00:00:01:02 netns c
ip -n r link add rs address 02:00:00:00:02:01 type veth peer name e0 address 02:00:00:00:02:02 netns s
ip -n r addr add 2001:db8:1::1/64 dev rc
ip -n r addr add 2001:db8:2::1/64 dev rs
ip -n c addr add 2001:db8:1::2/64 dev e0
ip -n s addr add 2001:db8:2::2/64 dev e0
ip -n r link set lo up
ip -n r link set rc up
ip -n r link set rs up
ip -n c link set lo up
ip -n c link set e0 up
ip -n s link set lo up
ip -n s link set e0 up
ip -n c -6 route add default via 2001:db8:1::1
ip netns exec r sysctl -qw net.ipv6.conf.all.forwarding=1
ip netns exec s nc -6 -kl 8000 &
ip netns exec c nc -6 -kl 80 &
sleep 1
ip netns exec c ping -6 -c 1 -W 1 2001:db8:2::2
ip netns exec r ip6tables -t nat -A POSTROUTING -o rs -j MASQUERADE
ip netns exec r ip6tables -t nat -A PREROUTING -i rs -p tcp --dport 8080 -j DNAT --to-destination [2001:db8:1::2]:80
ip netns exec c ping -6 -c 2 -W 1 2001:db8:2::2
ip netns exec c nc -6 -z -v -w 2 -p 5555 2001:db8:2::2 8000; echo rc=$?
ip netns exec s nc -6 -z -v -w 2 -p 6666 2001:db8:2::1 8080; echo rc=$?
ip netns exec r ip6tables -t nat -A PREROUTING -i rs -d 2001:db8:99::/64 -j NETMAP --to 2001:db8:1::/64
ip -n s -6 route add 2001:db8:99::/64 via 2001:db8:2::1
ip netns exec s ping -6 -c 1 -W 1 2001:db8:99::2
ip netns exec r nc -6 -kl 8001 &
sleep 1
ip netns exec r ip6tables -t nat -I PREROUTING 1 -i rs -p tcp --dport 9999 -j REDIRECT --to-ports 8001
ip netns exec s nc -6 -z -v -w 2 -p 7777 2001:db8:99::7 9999; echo rc=$?
sleep 1
ip netns exec r conntrack -L -f ipv6 -p tcp --dport 9999
ip netns exec c ip6tables -A INPUT -p ipv6-icmp -m conntrack --ctstate RELATED
echo nobody | ip netns exec c nc -6 -u -w 1 -p 4000 2001:db8:2::2 5000
ip netns exec c ip6tables -L INPUT -v -n -x
sleep 1
ip netns exec r conntrack -L -f ipv6 -p tcp
ip netns exec r ip6tables -t nat -L -v -n
ip netns exec r ip6tables -t nat -A POSTROUTING -o rs -p udp -j SNAT --to-source [2001:db8:2::1-2001:db8:2::9]:1024-2047 --persistent
ip netns exec r ip6tables -t nat -A POSTROUTING -o rs -j SNAT --to-source 2001:db8:2::1
ip netns exec r ip6tables -t nat -A OUTPUT -p tcp --dport 81 -j REDIRECT --to-ports 80
ip netns exec r ip6tables -t nat -A PREROUTING -p udp -j REDIRECT --to-ports 1000-2000 --random
ip netns exec r ip6tables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 1024-2047 --random-fully
ip netns exec r ip6tables -t nat -S
ip netns exec r ip6tables -t nat -L -n
ip netns exec r ip6tables-save -t nat
ip netns exec r ip6tables -t nat -A POSTROUTING -j SNAT --to-source [2001:db8:2::1]:1024
ip netns exec r ip6tables -t nat -A POSTROUTING -j SNAT --to-source [2001:db8:2::1
ip netns exec r ip6tables -t nat -A POSTROUTING -j SNAT --to-source 2001:db8:2::x
ip netns exec r ip6tables -t nat -A POSTROUTING -j SNAT
ip netns exec r ip6tables -t nat -A PREROUTING -j SNAT --to-source 2001:db8:2::1
ip netns exec r ip6tables -t nat -A INPUT -j MASQUERADE
ip netns exec r ip6tables -t nat -A PREROUTING -j NETMAP --to dead::/129
ip netns exec r ip6tables -t nat -A PREROUTING -j NETMAP --to xyz::
ip netns exec r ip6tables -t nat -A PREROUTING -j NETMAP
ip netns exec r ip6tables -t nat -A OUTPUT -j NETMAP --to dead::/ffff:ff00::
ip netns exec r ip6tables -t nat -S OUTPUT
ip netns exec c nc -6 -lp 82 &
sleep 1
ip netns exec c ip6tables -t nat -A OUTPUT -p tcp --dport 81 -j REDIRECT --to-ports 82
ip netns exec c nc -6 -z -v -w 2 2001:db8:2::2 81; echo rc=$?
ip netns exec c conntrack -L -f ipv6
ip -n r addr del 2001:db8:2::1/64 dev rs
sleep 1
ip netns exec r conntrack -L -f ipv6 -p tcp
ip netns del c
ip netns del r
ip netns del s
