# kube-proxy's IPVS mode on one node.  Expected output written from ipvsadm
# 1.31's source and Linux's net/netfilter/ipvs (this machine's kernel has no
# ip_vs, so there is no oracle for the ipvsadm lines; see docs/IPVS.md).
# A node with a bridge cbr0 (10.244.0.1/24), two pods as real servers, the
# ClusterIP 10.96.0.10 bound to the kube-ipvs0 dummy device, the ipsets and
# the nat rules kube-proxy writes (KUBE-CLUSTER-IP masquerade for non-pod
# sources, KUBE-LOOP-BACK for a pod reaching itself), net.ipv4.vs.conntrack=1.
ip link add name cbr0 address 02:00:00:00:00:01 type bridge
ip link add name eth0 address 02:00:00:00:01:02 type veth peer name veth1 address 02:00:00:00:01:01
ip link add name eth0x address 02:00:00:00:02:02 type veth peer name veth2 address 02:00:00:00:02:01
ip netns add pod1
ip netns add pod2
ip link set eth0 netns pod1
ip link set eth0x netns pod2
ip netns exec pod2 ip link set eth0x name eth0
ip link set veth1 master cbr0
ip link set veth2 master cbr0
# kubelet's hairpin-veth mode: a pod reaching itself through a ClusterIP gets its
# reply back through its own bridge port (bridged un-SNAT of the MASQUERADE)
brctl hairpin cbr0 veth1 on
brctl hairpin cbr0 veth2 on
ip link set veth1 up
ip link set veth2 up
ip addr add 10.244.0.1/24 dev cbr0
ip link set cbr0 up
ip link set lo up
ip netns exec pod1 ip addr add 10.244.0.2/24 dev eth0
ip netns exec pod2 ip addr add 10.244.0.3/24 dev eth0
ip netns exec pod1 ip link set eth0 up
ip netns exec pod2 ip link set eth0 up
ip netns exec pod1 ip link set lo up
ip netns exec pod2 ip link set lo up
ip netns exec pod1 ip route add default via 10.244.0.1
ip netns exec pod2 ip route add default via 10.244.0.1
sysctl -w net.ipv4.ip_forward=1
sysctl -w net.ipv4.vs.conntrack=1
ip link add kube-ipvs0 type dummy
ip addr add 10.96.0.10/32 dev kube-ipvs0
ip addr add 10.96.0.20/32 dev kube-ipvs0
ipset create KUBE-CLUSTER-IP hash:ip,port
ipset add KUBE-CLUSTER-IP 10.96.0.10,tcp:80
ipset add KUBE-CLUSTER-IP 10.96.0.10,udp:53
ipset add KUBE-CLUSTER-IP 10.96.0.20,tcp:80
ipset create KUBE-LOOP-BACK hash:ip,port,ip
ipset add KUBE-LOOP-BACK 10.244.0.2,tcp:8080,10.244.0.2
ipset add KUBE-LOOP-BACK 10.244.0.3,tcp:8080,10.244.0.3
iptables -t nat -N KUBE-SERVICES
iptables -t nat -N KUBE-MARK-MASQ
iptables -t nat -N KUBE-POSTROUTING
iptables -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
iptables -t nat -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
iptables -t nat -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
iptables -t nat -A KUBE-POSTROUTING -m comment --comment "Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose" -m set --match-set KUBE-LOOP-BACK dst,dst,src -j MASQUERADE
iptables -t nat -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
iptables -t nat -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
iptables -t nat -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
iptables -t nat -A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ
iptables -t nat -A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT
ipvsadm -A -t 10.96.0.10:80 -s rr
ipvsadm -a -t 10.96.0.10:80 -r 10.244.0.2:8080 -m -w 1
ipvsadm -a -t 10.96.0.10:80 -r 10.244.0.3:8080 -m -w 1
ipvsadm -A -u 10.96.0.10:53 -s rr
ipvsadm -a -u 10.96.0.10:53 -r 10.244.0.3:5353 -m -w 1
ipvsadm -A -t 10.96.0.20:80 -s rr
ipvsadm -a -t 10.96.0.20:80 -r 10.244.0.2:8080 -m -w 1
ipvsadm -L -n
ip netns exec pod1 nc -kl 8080 &
ip netns exec pod2 nc -kl 8080 &
ip netns exec pod2 nc -u -l 5353 &
sleep 1
echo from-pod1 | ip netns exec pod1 nc -N 10.96.0.10 80; echo rc=$?
echo from-node | nc -N 10.96.0.10 80; echo rc=$?
echo hairpin | ip netns exec pod1 nc -w 1 -N 10.96.0.20 80; echo rc=$?
trace on udp
echo udp | ip netns exec pod1 nc -u -w 1 10.96.0.10 53; echo rc=$?
trace off
sleep 1
ipvsadm -L -n
ipvsadm -L -n --stats
ipvsadm -L -n --rate
ipvsadm -L -n -c
conntrack -L -p tcp --orig-dst 10.96.0.10
conntrack -L -p tcp --orig-dst 10.96.0.20
iptables -t nat -L KUBE-POSTROUTING -v -n -x
ipvsadm -D -t 10.96.0.10:80
ipvsadm -A -t 10.96.0.10:80 -s rr
ip netns exec pod1 nc -z -w 1 10.96.0.10 80; echo rc=$?
