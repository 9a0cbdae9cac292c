# TCP over IPv6: nc -6 both ways between two namespaces, ss -6, a refused connect (RST), 6.3 KB in five segments, a connection over ::1
ip netns add a
ip netns exec a sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip netns add b
ip netns exec b sysctl -qw net.ipv6.conf.all.disable_ipv6=0 net.ipv6.conf.default.disable_ipv6=0 net.ipv6.conf.lo.disable_ipv6=0 net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
ip -n a link add v0 address 02:00:00:00:01:01 type veth peer name v1 address 02:00:00:00:01:02 netns b
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a link set lo up
ip -n a addr add 2001:db8::1/64 dev v0
ip -n b addr add 2001:db8::2/64 dev v1
ip netns exec b nc -6 -l 2001:db8::2 8080 &
sleep 0.5
ip netns exec b ss -6 -tln
echo hello-tcp6 | ip netns exec a nc -6 -N -p 40000 2001:db8::2 8080
sleep 0.5
ip netns exec a ss -6 -tan
ip netns exec a nc -6 -zv 2001:db8::2 8081; echo rc=$?
ip netns exec a nc -zv 2001:db8::2 8081; echo rc=$?
ip netns exec b nc -6 -l 9000 &
sleep 0.5
seq 1 1500 | ip netns exec a nc -6 -N 2001:db8::2 9000
sleep 0.5
ip netns exec a nc -6 -l ::1 9001 &
sleep 0.5
seq 1 3 | ip netns exec a nc -6 -N ::1 9001
sleep 0.5
ip netns exec b nstat -az TcpPassiveOpens TcpActiveOpens TcpOutRsts
ip netns exec a nstat -az TcpActiveOpens TcpAttemptFails
wait
ip netns del a
ip netns del b
