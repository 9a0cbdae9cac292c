# -j HMARK: the mark of ICMP, UDP and TCP packets of both directions (jhash of the
# sorted addresses and ports, as Linux), from the packet and from the conntrack
# tuples (--hmark-tuple ct), seen through -m mark counters; checks and formats
ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a link set va up
ip -n b link set vb up
ip -n a addr add 10.1.0.1/24 dev va
ip -n b addr add 10.1.0.2/24 dev vb
ip netns exec b iptables -t mangle -A PREROUTING -j HMARK --hmark-tuple src,dst,sport,dport,proto --hmark-rnd 0x1234 --hmark-mod 4 --hmark-offset 10
ip netns exec b iptables -t mangle -A OUTPUT -j HMARK --hmark-tuple ct --hmark-src-prefix 24 --hmark-dst-prefix 32 --hmark-sport-mask 0xff00 --hmark-dport-mask 0xffff --hmark-rnd 7 --hmark-mod 3
ip netns exec b iptables -A INPUT -m mark --mark 10
ip netns exec b iptables -A INPUT -m mark --mark 11
ip netns exec b iptables -A INPUT -m mark --mark 12
ip netns exec b iptables -A INPUT -m mark --mark 13
ip netns exec b iptables -A OUTPUT -m mark --mark 0
ip netns exec b iptables -A OUTPUT -m mark --mark 1
ip netns exec b iptables -A OUTPUT -m mark --mark 2
ip netns exec b iptables -A INPUT -j HMARK --hmark-rnd 1 --hmark-mod 0; echo rc=$?
ip netns exec b iptables -A INPUT -j HMARK --hmark-rnd 1 --hmark-mod 2; echo rc=$?
ip netns exec b iptables -A INPUT -j HMARK --hmark-tuple foo --hmark-rnd 1 --hmark-mod 2; echo rc=$?
ip netns exec b iptables -A INPUT -j HMARK --hmark-tuple src, --hmark-rnd 1 --hmark-mod 2; echo rc=$?
ip netns exec b iptables -A INPUT -j HMARK --hmark-tuple src --hmark-mod 2; echo rc=$?
ip netns exec b iptables -A INPUT -j HMARK --hmark-src-prefix 33 --hmark-rnd 1 --hmark-mod 2; echo rc=$?
ip netns exec b iptables -A INPUT -j HMARK --hmark-tuple src --hmark-spi 1 --hmark-sport 2 --hmark-rnd 1 --hmark-mod 2; echo rc=$?
ip netns exec b iptables -A FORWARD -j HMARK --hmark-src-prefix 255.255.0.0 --hmark-dst-prefix 4294967295 --hmark-rnd 1 --hmark-mod 2; echo rc=$?
ip netns exec b iptables -A FORWARD -j HMARK --hmark-src-prefix x --hmark-rnd 1 --hmark-mod 2; echo rc=$?
ip netns exec b iptables -S FORWARD
ip netns exec a ping -c 3 -i 0.2 -q 10.1.0.2; echo rc=$?
echo hi | ip netns exec a nc -u -w 1 -p 4000 10.1.0.2 5000
echo hi | ip netns exec a nc -u -w 1 -p 4001 10.1.0.2 5000
echo hi | ip netns exec a nc -u -w 1 -p 4002 10.1.0.2 5001
ip netns exec b nc -l 10.1.0.2 8080 &
sleep 0.5
echo hello | ip netns exec a nc -N -p 40000 10.1.0.2 8080
sleep 0.5
ip netns exec b iptables -L -n -v -x
ip netns exec b iptables -t mangle -L -n
ip netns exec b iptables -t mangle -S
