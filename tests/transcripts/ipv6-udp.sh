# UDP over IPv6: nc -6 -u between two namespaces, a dual-stack listener taking IPv4, ss, port unreachable, nstat
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a link set lo up
ip -n b link set lo up
ip -n a addr add 2001:db8::1/64 dev v0
ip -n b addr add 2001:db8::2/64 dev v1
ip -n a addr add 10.0.0.1/24 dev v0
ip -n b addr add 10.0.0.2/24 dev v1
ip netns exec b nc -6 -u -w 1 -l 5000 &
sleep 0.5
ip netns exec b ss -uan
echo hello-udp6 | ip netns exec a nc -6 -u -w 1 -p 4000 2001:db8::2 5000
sleep 0.5
ip netns exec b nc -u -w 1 -l -p 5001 &
sleep 0.5
ip netns exec b ss -uan
echo hello-udp6-again | ip netns exec a nc -u -w 1 -p 4001 2001:db8::2 5001
echo v4-only | ip netns exec a nc -u -w 1 -p 4001 10.0.0.2 5001
sleep 0.5
ip netns exec b nc -6 -u -w 1 -l 5002 &
sleep 0.5
echo v4-to-dual-stack | ip netns exec a nc -u -w 1 -p 4002 10.0.0.2 5002
sleep 0.5
echo nobody | ip netns exec a nc -u -w 1 -p 4003 2001:db8::2 5999
ip netns exec a nc -6 -u -w 1 -l ::1 5003 &
sleep 0.5
ip netns exec a ss -uan
echo over-lo | ip netns exec a nc -u -w 1 ::1 5003
sleep 0.5
ip netns exec b nstat -az Udp6InDatagrams Udp6NoPorts Udp6InErrors Udp6OutDatagrams Udp6InCsumErrors UdpInDatagrams Icmp6OutDestUnreachs
ip netns exec a nstat -az Udp6InDatagrams Udp6OutDatagrams Icmp6InDestUnreachs
wait
ip netns del a
ip netns del b
