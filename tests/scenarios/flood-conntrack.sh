# A full conntrack table: with nf_conntrack_max at 64 (only the initial
# namespace may set it), a UDP flood from random sources fills the table; new
# entries first evict an unassured one from the next buckets (early_drop),
# else the packet is dropped and counted (conntrack -S drop) with Linux's
# ratelimited "table full" line in the kernel log (10 per 5 s). An assured
# TCP connection set up before the flood survives it; a ping during the flood
# finds no room; once the unreplied UDP entries time out (30 s) a ping is
# tracked and answered again; teardown frees everything.
sysctl -w net.netfilter.nf_conntrack_max=64
ip netns add attacker
ip link add v0 type veth peer name eth0 netns attacker
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
ip -n attacker addr add 10.0.0.2/24 dev eth0
ip -n attacker link set eth0 up
iptables -A INPUT -m conntrack --ctstate INVALID -j DROP
nc -lk 80 &
sleep 0.1
ip netns exec attacker nc -v 10.0.0.1 80 &
sleep 0.1
conntrack -L
timeout 0.05 ip netns exec attacker hping3 -2 -p 53 --flood --rand-source 10.0.0.1
conntrack -C
conntrack -S
dmesg
ip netns exec attacker ping -c 1 -W 1 10.0.0.1
sleep 31
conntrack -C
ip netns exec attacker ping -c 1 10.0.0.1
conntrack -L -p tcp
