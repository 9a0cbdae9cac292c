# Seed 002 opening transcript: bridge testbr, two veth pairs, namespaces test1/test2.
[root@localhost ~]# ip link add name testbr address 02:00:00:00:00:01 type bridge
[root@localhost ~]# ip link add name veth1 address 02:00:00:00:01:02 type veth peer name br-veth1 address 02:00:00:00:01:01
[root@localhost ~]# ip link add name veth2 address 02:00:00:00:02:02 type veth peer name br-veth2 address 02:00:00:00:02:01
[root@localhost ~]# ip netns add test1
[root@localhost ~]# ip netns add test2
[root@localhost ~]# ip link set netns test1 dev veth1
[root@localhost ~]# ip link set netns test2 dev veth2
[root@localhost ~]# ip link set master testbr dev br-veth1
[root@localhost ~]# ip link set master testbr dev br-veth2
[root@localhost ~]# ip netns exec test1 ip addr add 172.16.0.2/24 dev veth1
[root@localhost ~]# ip netns exec test2 ip addr add 172.16.0.3/24 dev veth2
[root@localhost ~]# ip netns exec test1 ip link set veth1 up
[root@localhost ~]# ip netns exec test2 ip link set veth2 up
[root@localhost ~]# ip link set br-veth1 up
[root@localhost ~]# ip link set br-veth2 up
[root@localhost ~]# ip link set testbr up
[root@localhost ~]# ip netns exec test1 ip route add default dev veth1 src 172.16.0.2
[root@localhost ~]# ip netns exec test2 ip route add default dev veth2 src 172.16.0.3
[root@localhost ~]# ip netns exec test1 ping -c 2 172.16.0.3
ip netns exec test1 ip addr
ip netns exec test1 ip route show table all
ip link show
bridge link
ip netns exec test1 ip neigh
ip netns list
