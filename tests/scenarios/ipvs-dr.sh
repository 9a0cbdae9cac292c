# Direct routing (-g) with persistence (-p): expected output written from Linux's
# net/netfilter/ipvs and ipvsadm 1.31 (no ip_vs in this machine's kernel: docs/IPVS.md).
# The director forwards the client's frames to a real server's MAC with the virtual
# address kept; the real server holds the VIP on lo and answers the client directly,
# so the director sees the input half only (TCP states of the INPUT-ONLY table).
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
ip netns exec rs1 ip link set lo up
ip netns exec rs1 ip addr add 10.0.0.100/32 dev lo
ip netns exec rs2 ip addr add 10.0.0.3/24 dev eth2
ip netns exec rs2 ip link set eth2 up
ip netns exec rs2 ip link set lo up
ip netns exec rs2 ip addr add 10.0.0.100/32 dev lo
ip link add vip0 type dummy
ip addr add 10.0.0.100/32 dev vip0
ipvsadm -A -t 10.0.0.100:80 -s rr -p 60
ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.2 -g
ipvsadm -a -t 10.0.0.100:80 -r 10.0.0.3 -g
ipvsadm -L -n
ipvsadm -S -n
ip netns exec rs1 nc -kl 80 &
ip netns exec rs2 nc -kl 80 &
sleep 1
echo one | ip netns exec client nc -N 10.0.0.100 80; echo rc=$?
echo two | ip netns exec client nc -N 10.0.0.100 80; echo rc=$?
sleep 1
ipvsadm -L -n
ipvsadm -L -n --persistent-conn
ipvsadm -L -n -c
ipvsadm -L -n --stats --exact
ipvsadm -d -t 10.0.0.100:80 -r 10.0.0.3
echo three | ip netns exec client nc -N 10.0.0.100 80; echo rc=$?
ipvsadm -L -n -c
sleep 600
ipvsadm -L -n -c
ipvsadm -L -n
