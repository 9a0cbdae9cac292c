# NETMAP (whole networks mapped 1:1, host part kept) at PREROUTING and POSTROUTING,
# and DNAT's shifted port map (--to-destination ADDR:LO-HI/BASE keeps the distance
# of the original port from BASE), with their -S text and conntrack's view.
# c1 (10.0.1.2) -- this namespace (router) -- srv (192.168.1.2)
ip netns add c1
ip netns add srv
ip link add r1 address 02:00:00:00:01:01 type veth peer name e0 address 02:00:00:00:01:02 netns c1
ip link add r0 address 02:00:00:00:00:01 type veth peer name e0 address 02:00:00:00:00:02 netns srv
ip addr add 10.0.1.1/24 dev r1
ip addr add 192.168.1.1/24 dev r0
ip -n c1 addr add 10.0.1.2/24 dev e0
ip -n srv addr add 192.168.1.2/24 dev e0
ip link set lo up
ip link set r1 up
ip link set r0 up
ip -n c1 link set e0 up
ip -n srv link set e0 up
ip -n c1 route add default via 10.0.1.1
ip -n srv route add default via 192.168.1.1
sysctl -qw net.ipv4.ip_forward=1
ip netns exec srv nc -kl 80 &
ip netns exec srv nc -kl 2005 &
sleep 1
iptables -t nat -A PREROUTING -d 10.200.0.0/24 -j NETMAP --to 192.168.1.0/24
iptables -t nat -A POSTROUTING -s 10.0.1.0/255.255.255.0 -o r0 -j NETMAP --to 172.16.7.0/24
iptables -t nat -A PREROUTING -p tcp -d 10.201.0.1 --dport 1000:1010 -j DNAT --to-destination 192.168.1.2:2000-2010/1000
iptables -t nat -S
ip -n srv route add 172.16.7.0/24 via 192.168.1.1
ip netns exec c1 nc -z -v -w 2 -p 5555 10.200.0.2 80; echo rc=$?
sleep 1
conntrack -L -p tcp
conntrack -F
ip netns exec c1 nc -z -v -w 2 -p 5556 10.201.0.1 1005; echo rc=$?
sleep 1
conntrack -L -p tcp
conntrack -F
ip netns exec c1 nc -z -v -w 2 -p 5557 10.201.0.1 1006; echo rc=$?
sleep 1
iptables -t nat -L -n -v -x
iptables -t nat -A PREROUTING -j NETMAP; echo rc=$?
iptables -t nat -A PREROUTING -j NETMAP --to 1.2.3.4/33; echo rc=$?
iptables -t nat -A PREROUTING -j NETMAP --to 1.2.3.4/255.0.255.0; echo rc=$?
iptables -t nat -S PREROUTING
iptables -t nat -A PREROUTING -p tcp -j REDIRECT --to-ports 42-1234/567; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:1000-2000/0; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:1000-2000x; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:echo-ssh; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:10-ssh; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:ftp-data; echo rc=$?
iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:10-20/ftp; echo rc=$?
iptables -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports 10-20/30; echo rc=$?
iptables -t nat -S POSTROUTING
