# Seed 002: an address on br-veth2 is reached through lo locally and through enp0s8 from another
# host; both pass the netfilter hooks.  DNAT to an absent address cuts the outside off (local
# traffic skips PREROUTING); INPUT DROP blocks both; the nat-table TCPMSS rule is accepted but
# never counts (iptables-nft), the mangle one rewrites the SYN (counted).
ip link add name testbr address 02:00:00:00:00:01 type bridge
ip link add name veth1 address 02:00:00:00:01:02 type veth peer name br-veth1 address 02:00:00:00:01:01
ip link add name veth2 address 02:00:00:00:02:02 type veth peer name br-veth2 address 02:00:00:00:02:01
ip netns add test1
ip netns add test2
ip link set netns test1 dev veth1
ip link set netns test2 dev veth2
ip link set master testbr dev br-veth1
ip link set master testbr dev br-veth2
ip netns exec test1 ip addr add 172.16.0.2/24 dev veth1
ip netns exec test2 ip addr add 172.16.0.3/24 dev veth2
ip netns exec test1 ip link set veth1 up
ip netns exec test2 ip link set veth2 up
ip link set br-veth1 up
ip link set br-veth2 up
ip link set testbr up
ip netns exec test1 ip route add default dev veth1 src 172.16.0.2
ip netns exec test2 ip route add default dev veth2 src 172.16.0.3
ip link set lo up
[root@localhost ~]# ip addr add 192.168.10.3/32 dev br-veth2
ip netns add debian
ip link add enp0s8 address 02:00:00:00:56:06 type veth peer name eth0 address 02:00:00:00:56:02 netns debian
ip addr add 192.168.56.6/24 dev enp0s8
ip link set enp0s8 up
ip netns exec debian ip addr add 192.168.56.2/24 dev eth0
ip netns exec debian ip link set eth0 up
ip netns exec debian ip link set lo up
root@debian:~# ip netns exec debian ip route add 192.168.10.3 via 192.168.56.6
[root@localhost ~]# nc -kl 192.168.10.3 8888 &
sleep 1
nc -z -w 2 192.168.10.3 8888; echo rc=$?
ip netns exec debian nc -z -w 2 192.168.10.3 8888; echo rc=$?
sleep 1
[root@localhost ~]# iptables -tnat -A PREROUTING -p tcp --dst 192.168.10.3 -j DNAT --to-destination 192.168.10.6
nc -z -w 2 192.168.10.3 8888; echo rc=$?
ip netns exec debian nc -z -w 2 192.168.10.3 8888; echo rc=$?
sleep 1
iptables -t nat -L -v -n -x
conntrack -L
iptables -t nat -F
[root@localhost ~]# iptables -A INPUT -p tcp --dst 192.168.10.3 -j DROP
nc -z -w 2 192.168.10.3 8888; echo rc=$?
ip netns exec debian nc -z -w 2 192.168.10.3 8888; echo rc=$?
sleep 1
iptables -L INPUT -v -n -x
iptables -F INPUT
[root@localhost ~]# iptables -tnat -A  POSTROUTING -p tcp --syn --dst 192.168.10.3  -j TCPMSS --set-mss 50
nc -z -w 2 192.168.10.3 8888; echo rc=$?
ip netns exec debian nc -z -w 2 192.168.10.3 8888; echo rc=$?
sleep 1
iptables -t nat -L POSTROUTING -v -n -x
iptables -t mangle -A POSTROUTING -p tcp --syn --dst 192.168.10.3 -j TCPMSS --set-mss 50
nc -z -w 2 192.168.10.3 8888; echo rc=$?
iptables -t mangle -L POSTROUTING -v -n -x
iptables-save -c
