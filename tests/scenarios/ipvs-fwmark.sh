# Firewall-mark services (-f): expected output written from Linux's net/netfilter/ipvs
# (ip_vs_service_find: a fwmark service first) and ipvsadm 1.31 (no ip_vs in this machine's
# kernel: docs/IPVS.md).  iptables marks what belongs to the service (two TCP ports and a
# UDP port of one VIP) in mangle PREROUTING; one -f service balances all of it, keeping
# each packet's port; masquerading, the real servers route back through the director.
ip netns add client
ip netns add rs1
ip netns add rs2
ip link add eth0 netns client type veth peer name c0
ip link add eth0 netns rs1 type veth peer name r1
ip link add eth0 netns rs2 type veth peer name r2
ip link add name br0 type bridge
ip link set r1 master br0
ip link set r2 master br0
ip link set c0 up
ip link set r1 up
ip link set r2 up
ip link set br0 up
ip addr add 10.0.1.1/24 dev c0
ip addr add 10.0.0.1/24 dev br0
sysctl -qw net.ipv4.ip_forward=1
ip -n client addr add 10.0.1.10/24 dev eth0
ip -n client link set eth0 up
ip -n client route add default via 10.0.1.1
ip -n rs1 addr add 10.0.0.2/24 dev eth0
ip -n rs1 link set eth0 up
ip -n rs1 route add default via 10.0.0.1
ip -n rs2 addr add 10.0.0.3/24 dev eth0
ip -n rs2 link set eth0 up
ip -n rs2 route add default via 10.0.0.1
ip link add vip0 type dummy
ip addr add 10.0.1.100/32 dev vip0
iptables -t mangle -A PREROUTING -d 10.0.1.100 -p tcp -m multiport --dports 80,8080 -j MARK --set-mark 1
iptables -t mangle -A PREROUTING -d 10.0.1.100 -p udp --dport 53 -j MARK --set-mark 1
# errors first
ipvsadm -A -f 0; echo rc=$?
ipvsadm -A -f x1; echo rc=$?
ipvsadm -a -f 1 -r 10.0.0.2 -m; echo rc=$?
ipvsadm -A -f 1 -s rr
ipvsadm -A -f 1 -s rr; echo rc=$?
ipvsadm -A -t 10.0.1.100:443 -s wlc
ipvsadm -a -f 1 -r 10.0.0.2 -m
ipvsadm -a -f 1 -r 10.0.0.3 -m
ipvsadm -L -n
ipvsadm -L -n -f 1
ipvsadm -S -n
ip netns exec rs1 nc -kl 80 &
ip netns exec rs2 nc -kl 80 &
ip netns exec rs1 nc -kl 8080 &
ip netns exec rs2 nc -kl 8080 &
ip netns exec rs1 nc -kul 53 &
ip netns exec rs2 nc -kul 53 &
sleep 1
echo to-80 | ip netns exec client nc -N 10.0.1.100 80; echo rc=$?
echo to-8080 | ip netns exec client nc -N 10.0.1.100 8080; echo rc=$?
echo to-80-again | ip netns exec client nc -N 10.0.1.100 80; echo rc=$?
echo dns | ip netns exec client nc -u -w 1 10.0.1.100 53; echo rc=$?
# not marked: port 22 is no service's
ip netns exec client nc -z -w 1 10.0.1.100 22; echo rc=$?
sleep 1
ipvsadm -L -n
ipvsadm -L -n -c
ipvsadm -L -n --stats
iptables -t mangle -L PREROUTING -v -n -x
ipvsadm -D -f 1
ipvsadm -L -n
ipvsadm -C
