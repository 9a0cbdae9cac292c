# conntrack shows the translated reply tuple; deleting the address removes the entries.
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
ip addr add 172.16.0.1/24 dev testbr
ip netns add ext
ip link add enp0s3 address 02:00:00:00:0f:0f type veth peer name eth0 address 02:00:00:00:0f:02 netns ext
ip addr add 10.0.2.15/24 dev enp0s3
ip link set enp0s3 up
ip netns exec ext ip addr add 10.0.2.2/24 dev eth0
ip netns exec ext ip link set eth0 up
ip netns exec ext ip link set lo up
sysctl -w net.ipv4.ip_forward=1
[root@localhost ~]# ip netns exec test1 ip route rep default dev veth1 via 172.16.0.1 src 172.16.0.2
ip netns exec test1 ping -c 1 -W 1 10.0.2.2
[root@localhost ~]# iptables -t nat -A POSTROUTING -s 172.16.0.0/24 -j MASQUERADE
ip netns exec test1 ping -c 2 10.0.2.2
ip netns exec test2 ping -c 1 10.0.2.2
ip netns exec ext nc -l -k 10.0.2.2 8080 &
sleep 1
ip netns exec test1 nc -z -v -w 2 10.0.2.2 8080
echo hello | ip netns exec test1 nc -N 10.0.2.2 8080
sleep 1
conntrack -L
iptables -t nat -L -v -n -x
iptables-save -c -t nat
ip addr del 10.0.2.15/24 dev enp0s3
conntrack -L
ip addr add 10.0.2.15/24 dev enp0s3
ip netns exec test1 ping -c 1 10.0.2.2
conntrack -L -p icmp
