# The iptables/ipset/vxlan half of a two-node cluster with kube-proxy in IPVS mode (the
# scenario ipvs-kube-2node has the whole thing; ip_vs is missing from this machine's
# kernel, and so is `dummy`: kube-ipvs0 is a veth here).  Two flannel-style nodes joined
# by an underlay, flannel.1 on each, pods on cni0, rp_filter=1 on the nodes.
ip netns add node1
ip netns add node2
ip netns add pod1a
ip netns add pod1b
ip netns add pod2a
ip link add eth0 netns node1 address 02:00:00:00:00:01 type veth peer name eth0 netns node2 address 02:00:00:00:00:02
ip -n node1 addr add 192.168.0.1/24 dev eth0
ip -n node2 addr add 192.168.0.2/24 dev eth0
ip -n node1 link set eth0 up
ip -n node2 link set eth0 up
ip -n node1 link add flannel.1 address 0a:00:00:00:01:01 type vxlan id 1 local 192.168.0.1 dev eth0 dstport 8472 nolearning
ip -n node2 link add flannel.1 address 0a:00:00:00:02:01 type vxlan id 1 local 192.168.0.2 dev eth0 dstport 8472 nolearning
ip -n node1 addr add 10.244.0.0/32 dev flannel.1
ip -n node2 addr add 10.244.1.0/32 dev flannel.1
ip -n node1 link set flannel.1 up
ip -n node2 link set flannel.1 up
ip -n node1 link add cni0 address 0a:00:00:00:01:02 type bridge
ip -n node2 link add cni0 address 0a:00:00:00:02:02 type bridge
ip -n node1 addr add 10.244.0.1/24 dev cni0
ip -n node2 addr add 10.244.1.1/24 dev cni0
ip -n node1 link set cni0 up
ip -n node2 link set cni0 up
ip -n node1 link add veth1 address 0a:00:00:00:01:03 type veth peer name eth0 netns pod1a address 0a:00:00:00:01:04
ip -n node1 link add veth2 address 0a:00:00:00:01:05 type veth peer name eth0 netns pod1b address 0a:00:00:00:01:06
ip -n node2 link add veth1 address 0a:00:00:00:02:03 type veth peer name eth0 netns pod2a address 0a:00:00:00:02:04
ip -n node1 link set veth1 master cni0 up
ip -n node1 link set veth2 master cni0 up
ip -n node2 link set veth1 master cni0 up
ip -n pod1a addr add 10.244.0.2/24 dev eth0
ip -n pod1b addr add 10.244.0.3/24 dev eth0
ip -n pod2a addr add 10.244.1.2/24 dev eth0
ip -n pod1a link set eth0 up
ip -n pod1b link set eth0 up
ip -n pod2a link set eth0 up
ip -n pod1a route add default via 10.244.0.1
ip -n pod1b route add default via 10.244.0.1
ip -n pod2a route add default via 10.244.1.1
ip netns exec node1 sysctl -w net.ipv4.ip_forward=1
ip netns exec node2 sysctl -w net.ipv4.ip_forward=1
# what flanneld writes on each node for the other: neighbour, FDB entry, route
ip -n node1 neigh replace 10.244.1.0 lladdr 0a:00:00:00:02:01 dev flannel.1 nud permanent
ip netns exec node1 bridge fdb append 0a:00:00:00:02:01 dst 192.168.0.2 dev flannel.1
ip -n node1 route add 10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink
ip -n node2 neigh replace 10.244.0.0 lladdr 0a:00:00:00:01:01 dev flannel.1 nud permanent
ip netns exec node2 bridge fdb append 0a:00:00:00:01:01 dst 192.168.0.1 dev flannel.1
ip -n node2 route add 10.244.0.0/24 via 10.244.0.0 dev flannel.1 onlink
# strict reverse-path filtering on the nodes (seed 002): the routes above make it pass
ip netns exec node1 sysctl -w net.ipv4.conf.all.rp_filter=1
ip netns exec node2 sysctl -w net.ipv4.conf.all.rp_filter=1
# kube-proxy (IPVS mode) on node1: the ClusterIP on kube-ipvs0, the ipset, the nat rules
ip -n node1 link add kube-ipvs0 type veth peer name kube-ipvs0p
ip -n node1 addr add 10.96.0.10/32 dev kube-ipvs0
ip netns exec node1 ipset create KUBE-CLUSTER-IP hash:ip,port
ip netns exec node1 ipset add KUBE-CLUSTER-IP 10.96.0.10,tcp:80
ip netns exec node1 iptables -t nat -N KUBE-SERVICES
ip netns exec node1 iptables -t nat -N KUBE-MARK-MASQ
ip netns exec node1 iptables -t nat -N KUBE-POSTROUTING
ip netns exec node1 iptables -t nat -A PREROUTING -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
ip netns exec node1 iptables -t nat -A OUTPUT -m comment --comment "kubernetes service portals" -j KUBE-SERVICES
ip netns exec node1 iptables -t nat -A POSTROUTING -m comment --comment "kubernetes postrouting rules" -j KUBE-POSTROUTING
ip netns exec node1 iptables -t nat -A KUBE-MARK-MASQ -j MARK --or-mark 0x4000
ip netns exec node1 iptables -t nat -A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN
ip netns exec node1 iptables -t nat -A KUBE-POSTROUTING -j MARK --xor-mark 0x4000
ip netns exec node1 iptables -t nat -A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE
ip netns exec node1 iptables -t nat -A KUBE-SERVICES ! -s 10.244.0.0/16 -m comment --comment "Kubernetes service cluster ip + port for masquerade purpose" -m set --match-set KUBE-CLUSTER-IP dst,dst -j KUBE-MARK-MASQ
ip netns exec node1 iptables -t nat -A KUBE-SERVICES -m set --match-set KUBE-CLUSTER-IP dst,dst -j ACCEPT
ip -n node1 link set kube-ipvs0 up
ip -n node1 route
ip -n node2 route
ip netns exec node1 bridge fdb show dev flannel.1
ip netns exec node1 iptables -t nat -S
ip netns exec node1 ipset list KUBE-CLUSTER-IP
# pod to pod, both ways across the overlay and on one node
ip netns exec pod1b ping -c 1 -W 1 10.244.1.2
ip netns exec pod2a ping -c 1 -W 1 10.244.0.3
ip netns exec pod1b ping -c 1 -W 1 10.244.0.2
ip netns exec node1 nstat -az TcpExtIPReversePathFilter
ip netns exec node2 nstat -az TcpExtIPReversePathFilter
ip -n node1 route get 10.244.1.2
ip -n node1 route get 10.96.0.10
ip -n node1 -s link show flannel.1
ip netns exec pod2a nc -l 10.244.1.2 8080 &
sleep 1
echo pod1b-to-pod2a | ip netns exec pod1b nc -N 10.244.1.2 8080
sleep 0.5
ip netns exec node1 iptables -t nat -L POSTROUTING -v -n -x
ip netns exec node1 iptables -t nat -L KUBE-SERVICES -v -n -x
