# A neighbour flood: probes to random addresses of a /16 make the sender ask
# ARP for each (a storm of broadcasts on the link); the neighbour table stays
# bounded: past gc_thresh2 unused entries are collected, at gc_thresh3 (1024)
# new ones are refused ("neighbor table overflow!" in the kernel log, rate
# limited) and those packets are dropped; a known neighbour still answers a
# ping; teardown frees everything.
ip netns add peer
ip link add v0 type veth peer name eth0 netns peer
ip addr add 10.0.0.1/16 dev v0
ip link set v0 up
ip -n peer addr add 10.0.0.2/16 dev eth0
ip -n peer link set eth0 up
ping -c 1 10.0.0.2
timeout 0.05 hping3 -1 --rand-dest -I v0 --flood 10.0.x.x
ip -s link show v0
ip -n peer -s link show eth0
dmesg
ping -c 1 10.0.0.2
sleep 5
ping -c 1 10.0.0.2
