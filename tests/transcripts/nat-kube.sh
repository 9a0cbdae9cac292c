# A Kubernetes-style ClusterIP on the seed's bridge (kube-proxy's iptables mode): KUBE-SERVICES ->
# KUBE-SVC (statistic random) -> KUBE-SEP DNAT, KUBE-MARK-MASQ and MASQUERADE by mark 0x4000.
# From the host (OUTPUT DNAT), from the other pod, and a pod reaching itself through its
# ClusterIP: only with hairpin mode on its bridge port (br_netfilter, bridged DNAT, MASQUERADE).
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
sysctl -w net.ipv4.ip_forward=1
ip netns exec test1 ip route rep default dev veth1 via 172.16.0.1 src 172.16.0.2
ip netns exec test2 ip route rep default dev veth2 via 172.16.0.1 src 172.16.0.3
ip netns exec test1 ip link set lo up
ip netns exec test2 ip link set lo up
sysctl net.bridge.bridge-nf-call-iptables
ip route add 10.96.0.0/12 dev testbr
iptables-restore tests/transcripts/nat-kube.rules
ip netns exec test1 nc -kl 8080 &
ip netns exec test2 nc -kl 8080 &
sleep 1
nc -z -w 1 10.96.0.10 80; echo rc=$?
nc -z -w 1 10.96.0.10 80; echo rc=$?
nc -z -w 1 10.96.0.10 80; echo rc=$?
nc -z -w 1 10.96.0.10 80; echo rc=$?
ip netns exec test2 nc -z -w 1 10.96.0.20 80; echo rc=$?
ip netns exec test1 nc -z -w 2 10.96.0.20 80; echo rc=$?
sleep 1
[root@localhost ~]# brctl hairpin testbr br-veth1 on
[root@localhost ~]# brctl hairpin testbr br-veth2 on
ip netns exec test1 nc -z -w 1 10.96.0.20 80; echo rc=$?
echo via-clusterip | ip netns exec test1 nc -N 10.96.0.20 80
sleep 1
conntrack -L -d 10.96.0.20
conntrack -L -p tcp --dport 80 -s 172.16.0.3
iptables -t nat -L KUBE-SERVICES -v -n -x
iptables -t nat -L KUBE-SVC-SELF -v -n -x
iptables -t nat -L KUBE-SEP-SELF1 -v -n -x
iptables -t nat -L KUBE-MARK-MASQ -v -n -x
iptables -t nat -L KUBE-POSTROUTING -v -n -x
