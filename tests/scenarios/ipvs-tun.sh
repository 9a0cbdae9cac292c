# IP tunnelling (-i): expected output written from Linux's net/netfilter/ipvs (ip_vs_xmit.c
# ip_vs_tunnel_xmit) and net/ipv4/ipip.c, ipvsadm 1.31 (no ip_vs and no ipip module in this
# machine's kernel: docs/IPVS.md).  The director wraps the client's packets in an IPIP
# header to the real server; the real server takes them on tunl0 (the fallback device
# `ip link add ... type ipip` brings), holds the VIP there and answers the client directly.
ip link add name br0 type bridge
ip link add name eth0 type veth peer name vc
ip link add name eth1 type veth peer name v1
ip link add name eth2 type veth peer name v2
ip netns add client
ip netns add rs1
ip netns add rs2
ip link set eth0 netns client
ip link set eth1 netns rs1
ip link set eth2 netns rs2
ip link set vc master br0
ip link set v1 master br0
ip link set v2 master br0
ip link set vc up
ip link set v1 up
ip link set v2 up
ip link set br0 up
ip addr add 10.0.0.1/24 dev br0
ip netns exec client ip addr add 10.0.0.10/24 dev eth0
ip netns exec client ip link set eth0 up
ip netns exec client ip route add 10.0.0.100/32 via 10.0.0.1
ip netns exec rs1 ip addr add 10.0.0.2/24 dev eth1
ip netns exec rs1 ip link set eth1 up
ip netns exec rs2 ip addr add 10.0.0.3/24 dev eth2
ip netns exec rs2 ip link set eth2 up
# before the ipip module is there, protocol 4 is unknown: ICMP protocol unreachable
ip link add vip0 type dummy
ip addr add 10.0.0.100/32 dev vip0
ipvsadm -A -t 10.0.0.100:80 -s rr
ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.2 -i
ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.3:8080 -i -w 2
ipvsadm -L -n
ipvsadm -S -n
ip netns exec client nc -z -w 1 10.0.0.100 80; echo rc=$?
ip netns exec rs2 nstat -az IpInUnknownProtos IcmpOutDestUnreachs
# the real servers: tunl0 up with the VIP
ip -n rs1 link add tunl0 type ipip
ip -n rs1 link set tunl0 up
ip -n rs1 addr add 10.0.0.100/32 dev tunl0
ip -n rs2 link add tunl0 type ipip
ip -n rs2 link set tunl0 up
ip -n rs2 addr add 10.0.0.100/32 dev tunl0
ip -n rs1 -d link show tunl0
ip netns exec rs1 nc -kl 80 &
ip netns exec rs2 nc -kl 80 &
sleep 1
ip netns exec rs1 tcpdump -t -n -i eth1 -c 2 'ip proto 4' & sleep 1
echo one | ip netns exec client nc -N 10.0.0.100 80; echo rc=$?
sleep 1
echo two | ip netns exec client nc -N 10.0.0.100 80; echo rc=$?
echo three | ip netns exec client nc -N 10.0.0.100 80; echo rc=$?
sleep 1
ipvsadm -L -n
ipvsadm -L -n -c
ipvsadm -L -n --stats
ip -n rs1 -s link show tunl0
# tunl0 down on both: nothing takes the tunnelled packets (tunnel4: ICMP port unreachable)
ip -n rs1 link set tunl0 down
ip -n rs2 link set tunl0 down
ip netns exec client nc -z -w 1 10.0.0.100 80; echo rc=$?
ip netns exec client nc -z -w 1 10.0.0.100 80; echo rc=$?
ip netns exec rs1 nstat -az IcmpOutDestUnreachs IpInUnknownProtos
# tunl0 cannot be deleted (ip_tunnel_dellink keeps the fallback device)
ip -n rs1 link del tunl0; echo rc=$?
ip -n rs1 link show tunl0
