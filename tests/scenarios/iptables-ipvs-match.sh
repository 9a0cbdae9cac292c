# -m ipvs (xt_ipvs): expected output written from Linux's net/netfilter/xt_ipvs.c (no
# ip_vs in this machine's kernel: docs/IPVS.md).  IPVS masquerades TCP to 10.0.1.100:80
# to a real server's port 8080; the packets it sends on (client -> real server) pass
# filter OUTPUT with skb->ipvs_property set and are found among IPVS's connections by
# the inverted reply lookup the kernel does, so the rules with matching properties
# count them and the others do not (--vdir needs a conntrack entry, which IPVS
# takes away from the packets it sends unless net.ipv4.vs.conntrack is 1).  Before IPVS (filter INPUT) no packet has the
# property: only "! --ipvs" counts there.
ip netns add client
ip netns add rs1
ip link add eth0 netns client type veth peer name c0
ip link add eth0 netns rs1 type veth peer name r1
ip link set c0 up
ip link set r1 up
ip addr add 10.0.1.1/24 dev c0
ip addr add 10.0.0.1/24 dev r1
sysctl -qw net.ipv4.ip_forward=1
ip -n client addr add 10.0.1.10/24 dev eth0
ip -n client link set eth0 up
ip -n client route add default via 10.0.1.1
ip -n rs1 addr add 10.0.0.2/24 dev eth0
ip -n rs1 link set eth0 up
ip -n rs1 route add default via 10.0.0.1
ip link add vip0 type dummy
ip addr add 10.0.1.100/32 dev vip0
ipvsadm -A -t 10.0.1.100:80 -s rr
ipvsadm -a -t 10.0.1.100:80 -r 10.0.0.2:8080 -m
iptables -A INPUT -m ipvs --ipvs
iptables -A INPUT -m ipvs ! --ipvs -p tcp --dport 80
iptables -A OUTPUT -m ipvs --ipvs
iptables -A OUTPUT -m ipvs --vproto tcp
iptables -A OUTPUT -m ipvs ! --vproto udp
iptables -A OUTPUT -m ipvs --vproto udp
iptables -A OUTPUT -m ipvs --vaddr 10.0.1.0/24 --vport 80
iptables -A OUTPUT -m ipvs --vaddr 10.0.2.0/24
iptables -A OUTPUT -m ipvs ! --vaddr 10.0.2.0/24
iptables -A OUTPUT -m ipvs --vport 8080
iptables -A OUTPUT -m ipvs --vmethod MASQ
iptables -A OUTPUT -m ipvs --vmethod GATE
iptables -A OUTPUT -m ipvs --vdir ORIGINAL
iptables -A OUTPUT -m ipvs --vdir REPLY
iptables -A OUTPUT -m ipvs --vportctl 80
iptables -A OUTPUT -m ipvs ! --vportctl 80
iptables -A FORWARD -m ipvs ! --ipvs -p tcp --sport 8080
iptables -S
ip netns exec rs1 nc -kl 8080 &
sleep 1
echo one | ip netns exec client nc -N 10.0.1.100 80; echo rc=$?
echo two | ip netns exec client nc -N 10.0.1.100 80; echo rc=$?
sleep 1
iptables -L -n -v -x
# with net.ipv4.vs.conntrack=1 IPVS keeps the packets' conntrack entry
# (ip_vs_update_conntrack): --vdir sees the original direction
sysctl -qw net.ipv4.vs.conntrack=1
iptables -Z
echo three | ip netns exec client nc -N 10.0.1.100 80; echo rc=$?
sleep 1
iptables -L OUTPUT -n -v -x
# -m ipvs refuses what iptables refuses
iptables -A OUTPUT -m ipvs; echo rc=$?
iptables -A OUTPUT -m ipvs ! --ipvs --vport 80; echo rc=$?
iptables -A OUTPUT -m ipvs --vdir SIDEWAYS; echo rc=$?
iptables -A OUTPUT -m ipvs --vmethod NAT; echo rc=$?
iptables -A OUTPUT -m ipvs ! --vdir REPLY; echo rc=$?
iptables -A OUTPUT -m ipvs --vport 80 --vport 81; echo rc=$?
iptables -A OUTPUT -m ipvs --vport nosuch; echo rc=$?
iptables -A OUTPUT -m ipvs --vproto nosuch; echo rc=$?
