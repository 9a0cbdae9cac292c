# a UDP socket's route is looked up with its ports (ip_route_connect, udp_sendmsg):
# a rule on ipproto/sport/dport picks the table
ip netns add a
ip netns add b
ip link add v0 netns a address 02:00:00:00:11:01 type veth peer name v1 netns b address 02:00:00:00:11:02
ip -n a addr add 172.16.101.1/24 dev v0
ip -n b addr add 172.16.101.2/24 dev v1
ip -n a link set v0 up
ip -n b link set v1 up
ip -n a rule add pref 100 ipproto udp sport 12345 dport 54321 table 123
ip -n a route add table 123 172.16.101.0/24 dev v0
ip -n a route add unreachable 172.16.101.2/32
ip netns exec a nc -u -z -w 1 -p 12345 172.16.101.2 54321; echo rc=$?
ip netns exec a nc -u -z -w 1 -p 11111 172.16.101.2 54321; echo rc=$?
ip netns exec a nc -u -z -w 1 -p 12345 172.16.101.2 54322; echo rc=$?
ip -n a route get 172.16.101.2 ipproto udp sport 12345 dport 54321
ip -n a route get 172.16.101.2 ipproto udp sport 11111 dport 54321
