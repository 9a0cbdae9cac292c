# SNAT: two clients on one source port (the second gets another port), a port range; ICMP errors translated back through MASQUERADE,
# REDIRECT to a local nc, DNAT and REDIRECT in OUTPUT for the host's own traffic.
# c1 (10.0.1.2), c2 (10.0.2.2) -- this namespace (router, 192.168.0.1) -- mid (192.168.0.2 / 192.168.1.1) -- srv (192.168.1.2)
ip netns add c1
ip netns add c2
ip netns add mid
ip netns add srv
ip link add r1 address 02:00:00:00:01:01 type veth peer name e0 address 02:00:00:00:01:02 netns c1
ip link add r2 address 02:00:00:00:02:01 type veth peer name e0 address 02:00:00:00:02:02 netns c2
ip link add r0 address 02:00:00:00:00:01 type veth peer name m0 address 02:00:00:00:00:02 netns mid
ip -n mid link add m1 address 02:00:00:00:03:01 type veth peer name e0 address 02:00:00:00:03:02 netns srv
ip addr add 10.0.1.1/24 dev r1
ip addr add 10.0.2.1/24 dev r2
ip addr add 192.168.0.1/24 dev r0
ip -n c1 addr add 10.0.1.2/24 dev e0
ip -n c2 addr add 10.0.2.2/24 dev e0
ip -n mid addr add 192.168.0.2/24 dev m0
ip -n mid addr add 192.168.1.1/24 dev m1
ip -n srv addr add 192.168.1.2/24 dev e0
ip link set lo up
ip link set r1 up
ip link set r2 up
ip link set r0 up
ip -n c1 link set e0 up
ip -n c2 link set e0 up
ip -n mid link set m0 up
ip -n mid link set m1 up
ip -n srv link set e0 up
ip -n c1 route add default via 10.0.1.1
ip -n c2 route add default via 10.0.2.1
ip -n srv route add default via 192.168.1.1
ip route add 192.168.1.0/24 via 192.168.0.2
ip route add 10.99.0.0/24 via 192.168.0.2
sysctl -qw net.ipv4.ip_forward=1
ip netns exec mid sysctl -qw net.ipv4.ip_forward=1
ip netns exec srv nc -kl 80 &
ip netns exec srv nc -kl 8099 &
nc -kl 9090 &
sleep 1
ip netns exec c1 ping -c 1 -W 1 192.168.1.2
iptables -t nat -A POSTROUTING -o r0 -p tcp --dport 80 -j SNAT --to-source 192.168.0.1
iptables -t nat -A POSTROUTING -o r0 -p tcp --dport 8099 -j SNAT --to-source 192.168.0.1:10000-10099
iptables -t nat -A POSTROUTING -o r0 -j MASQUERADE
ip netns exec c1 nc -z -v -w 2 -p 5555 192.168.1.2 80; echo rc=$?
ip netns exec c2 nc -z -v -w 2 -p 5555 192.168.1.2 80; echo rc=$?
ip netns exec c1 nc -z -v -w 2 -p 5556 192.168.1.2 8099; echo rc=$?
sleep 1
conntrack -L -p tcp
ip netns exec c1 ping -c 1 -W 1 192.168.1.2
conntrack -F
ip netns exec c1 ping -c 1 -W 1 -t 2 192.168.1.2
ip netns exec c1 ping -c 1 -W 1 -t 1 192.168.1.2
conntrack -L -p icmp
conntrack -F
iptables -t nat -A PREROUTING -i r1 -p tcp --dport 8080 -j REDIRECT --to-ports 9090
echo redirected | ip netns exec c1 nc -N 192.168.1.2 8080
sleep 1
iptables -t nat -A OUTPUT -d 10.99.0.1 -p tcp --dport 80 -j DNAT --to-destination 192.168.1.2:80
iptables -t nat -A OUTPUT -d 10.99.0.2 -p tcp -j REDIRECT --to-ports 9090
nc -z -v -w 2 10.99.0.1 80; echo rc=$?
echo local-redirect | nc -N 10.99.0.2 1234
sleep 1
conntrack -L -p tcp
iptables -t nat -L -v -n -x
