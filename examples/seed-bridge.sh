# The opening transcript of seed 002 ("linux网络基础设施介绍"), verbatim: a bridge, two
# veth pairs, two namespaces, addresses, routes, and an endless ping (make demo stops it).
[root@localhost ~]# ip link add name testbr type bridge
[root@localhost ~]# ip link add name veth1 type veth peer name br-veth1
[root@localhost ~]# ip link add name veth2 type veth peer name br-veth2
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
[root@localhost ~]# ip netns exec test1 ping 172.16.0.3
